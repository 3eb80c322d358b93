//! What a person typed is wiped from memory when it goes, not only forgotten: the
//! answers (a kiosk's reset, starting over, quitting drop them), an intake record,
//! and a text field. This test binary's allocator looks at every block as it is
//! freed and counts those still holding a marker; the marker must never be found.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use clearpath::engine::{Answers, FactId, Slot, Value};
use clearpath::intake::record::{Entry, Saved};
use clearpath::tui::field::Field;

const MARKER: &[u8] = b"Qzxv-Wipe-Marker-7731";

struct Watching;

// Per thread: the tests run in parallel, and only the frees a test makes itself count
// (another test dropping its own marker at the same moment must not).
thread_local! {
    static ARMED: Cell<bool> = const { Cell::new(false) };
    static FOUND: Cell<usize> = const { Cell::new(0) };
}

unsafe impl GlobalAlloc for Watching {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // `try_with`: a thread's last frees can come after its locals are gone.
        if ARMED.try_with(Cell::get).unwrap_or(false) {
            let block = unsafe { std::slice::from_raw_parts(ptr, layout.size()) };
            if block.windows(MARKER.len()).any(|w| w == MARKER) {
                let _ = FOUND.try_with(|f| f.set(f.get() + 1));
            }
        }
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Watching = Watching;

/// How many blocks this thread freed that still held the marker while `drop` ran.
fn found_while(drop: impl FnOnce()) -> usize {
    FOUND.with(|f| f.set(0));
    ARMED.with(|a| a.set(true));
    drop();
    ARMED.with(|a| a.set(false));
    FOUND.with(Cell::get)
}

fn marker() -> String {
    String::from_utf8(MARKER.to_vec()).unwrap()
}

#[test]
fn the_allocator_sees_a_marker_that_is_only_forgotten() {
    let plain = vec![marker()];
    assert_eq!(found_while(move || drop(plain)), 1);
}

#[test]
fn answers_are_wiped_when_dropped_and_when_replaced() {
    let mut answers = Answers::new(4);
    answers.set(FactId(1), Slot::Known(Value::Text(marker())));
    answers.set(FactId(2), Slot::Known(Value::Text(marker())));
    assert_eq!(
        found_while(|| answers.set(FactId(2), Slot::Known(Value::Bool(true)))),
        0
    );
    assert_eq!(found_while(move || drop(answers)), 0);
}

#[test]
fn an_intake_is_wiped_when_dropped() {
    let mut intake = clearpath::intake::Intake::new(
        &marker(),
        &marker(),
        chrono::DateTime::parse_from_rfc3339("2026-11-30T09:00:00-08:00").unwrap(),
    )
    .unwrap();
    intake.note = marker();
    intake.person.insert("county".into(), Saved::Text(marker()));
    let mut entry = Entry {
        note: marker(),
        ..Entry::default()
    };
    entry.facts.insert("offense".into(), Saved::Text(marker()));
    intake.entries.push(entry);
    assert_eq!(found_while(move || drop(intake)), 0);
}

#[test]
fn a_field_is_wiped_when_cleared_and_when_dropped() {
    let mut field = Field::default();
    for c in marker().chars() {
        field.insert(c);
    }
    assert_eq!(field.text(), marker());
    let mut cleared = field.clone();
    found_while(|| cleared.clear());
    assert!(cleared.is_empty());
    assert_eq!(found_while(move || drop(cleared)), 0);
    assert_eq!(found_while(move || drop(field)), 0);
}
