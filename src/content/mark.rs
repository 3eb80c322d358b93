//! Where a value sits in its file, as the RON parser saw it.
//!
//! While a file is read, every value that a problem may point at (ids, fact names,
//! conditions, texts) takes the next [`Mark`]: its place in the order of reading. To
//! find a mark's line and column, the file is read again with that mark as the probe:
//! the value fails as it is reached, and the parser reports where it stopped. So a
//! problem points at the very value it is about, never at another place in the file
//! where the same words happen to be written.

use std::cell::RefCell;
use std::fmt;
use std::ops::Deref;

use serde::de::{self, Deserialize, Deserializer};

/// A value's place in the order of reading its file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Mark(pub(crate) u32);

/// The message of the probe's planted failure.
pub(crate) const PROBE: &str = "clearpath: the value looked for";

#[derive(Default)]
struct Marking {
    count: u32,
    probe: Option<u32>,
    /// Ids and other named values, with their marks, in the order read.
    named: Vec<(String, Mark)>,
}

thread_local! {
    static MARKING: RefCell<Marking> = RefCell::new(Marking::default());
}

/// Reads with marks counted from the start (and, with `probe`, failing at that mark),
/// and returns what `read` returned with the named values read.
pub(crate) fn reading<T>(
    probe: Option<Mark>,
    read: impl FnOnce() -> T,
) -> (T, Vec<(String, Mark)>) {
    let previous = MARKING.with(|m| {
        std::mem::replace(
            &mut *m.borrow_mut(),
            Marking {
                probe: probe.map(|p| p.0),
                ..Marking::default()
            },
        )
    });
    let value = read();
    let named = MARKING.with(|m| std::mem::replace(&mut *m.borrow_mut(), previous).named);
    (value, named)
}

/// The next mark; at the probe, the planted failure.
pub(crate) fn next<E: de::Error>() -> Result<Mark, E> {
    MARKING.with(|m| {
        let mut m = m.borrow_mut();
        let mark = m.count;
        m.count += 1;
        if m.probe == Some(mark) {
            Err(E::custom(PROBE))
        } else {
            Ok(Mark(mark))
        }
    })
}

/// `#[serde(deserialize_with = "mark::named")]` for an id (or another string a
/// problem may name): read as a plain string, its mark kept aside.
pub fn named<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    let mark = next()?;
    let value = String::deserialize(d)?;
    MARKING.with(|m| m.borrow_mut().named.push((value.clone(), mark)));
    Ok(value)
}

/// A value with its mark.
#[derive(Debug, Clone, PartialEq)]
pub struct Located<T> {
    pub value: T,
    pub mark: Mark,
}

impl<T> Deref for Located<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.value
    }
}

impl<T: fmt::Display> fmt::Display for Located<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.value.fmt(f)
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Located<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let mark = next()?;
        Ok(Located {
            value: T::deserialize(d)?,
            mark,
        })
    }
}

/// The mark of the `nth` (0-based) named value equal to `value`.
pub(crate) fn find(named: &[(String, Mark)], value: &str, nth: usize) -> Option<Mark> {
    named
        .iter()
        .filter(|(v, _)| v == value)
        .nth(nth)
        .map(|(_, m)| *m)
}
