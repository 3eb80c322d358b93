//! Facts and answers: what the interview collects and the rules read.

use chrono::NaiveDate;

/// Index of a fact in the compiled content's fact table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FactId(pub u16);

/// The most facts one content set may define; [`FactSet`] is a bitset of this size.
pub const MAX_FACTS: usize = 256;

/// A definite answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    Bool(bool),
    /// Index into the fact's choices.
    Choice(u16),
    Date(NaiveDate),
    /// Whole cents.
    Money(u64),
    Number(u32),
    Text(String),
}

/// What is known of one fact.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Slot {
    /// Never answered (or the question did not apply).
    #[default]
    Missing,
    /// The person said "I'm not sure".
    NotSure,
    Known(Value),
}

impl Slot {
    pub fn is_answered(&self) -> bool {
        !matches!(self, Slot::Missing)
    }

    pub fn value(&self) -> Option<&Value> {
        match self {
            Slot::Known(v) => Some(v),
            _ => None,
        }
    }
}

/// The answers for one scope: the person, or one entry on the record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answers {
    slots: Vec<Slot>,
}

/// Typed answers (a county, an offense in the person's words) are wiped from memory,
/// not only forgotten, when the answers go: a kiosk's reset, starting over, quitting.
impl Drop for Answers {
    fn drop(&mut self) {
        for slot in self.slots.drain(..) {
            wipe(slot);
        }
    }
}

fn wipe(slot: Slot) {
    if let Slot::Known(Value::Text(mut text)) = slot {
        zeroize::Zeroize::zeroize(&mut text);
    }
}

impl Answers {
    pub fn new(fact_count: usize) -> Self {
        Answers {
            slots: vec![Slot::Missing; fact_count],
        }
    }

    pub fn get(&self, fact: FactId) -> &Slot {
        &self.slots[fact.0 as usize]
    }

    /// Sets one fact; a typed answer it replaces is wiped from memory.
    pub fn set(&mut self, fact: FactId, slot: Slot) {
        let old = std::mem::replace(&mut self.slots[fact.0 as usize], slot);
        wipe(old);
    }

    pub fn clear(&mut self, fact: FactId) {
        self.set(fact, Slot::Missing);
    }

    /// Every fact with an answer, "not sure" included.
    pub fn answered(&self) -> impl Iterator<Item = (FactId, &Slot)> {
        self.slots
            .iter()
            .enumerate()
            .filter(|(_, s)| s.is_answered())
            .map(|(i, s)| (FactId(i as u16), s))
    }

    pub fn is_empty(&self) -> bool {
        self.slots.iter().all(|s| !s.is_answered())
    }
}

/// A person to screen: the facts about them, and one set of facts per entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    pub person: Answers,
    pub cases: Vec<Answers>,
}

/// A set of facts, used to name the answers that would decide an open question.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct FactSet([u64; MAX_FACTS / 64]);

impl FactSet {
    pub fn one(fact: FactId) -> Self {
        let mut set = FactSet::default();
        set.insert(fact);
        set
    }

    pub fn insert(&mut self, fact: FactId) {
        let i = fact.0 as usize;
        self.0[i / 64] |= 1 << (i % 64);
    }

    pub fn union(mut self, other: FactSet) -> Self {
        for (a, b) in self.0.iter_mut().zip(other.0) {
            *a |= b;
        }
        self
    }

    pub fn contains(&self, fact: FactId) -> bool {
        let i = fact.0 as usize;
        self.0[i / 64] & (1 << (i % 64)) != 0
    }

    pub fn is_empty(&self) -> bool {
        self.0.iter().all(|w| *w == 0)
    }

    pub fn iter(&self) -> impl Iterator<Item = FactId> + '_ {
        (0..MAX_FACTS)
            .map(|i| FactId(i as u16))
            .filter(|f| self.contains(*f))
    }
}
