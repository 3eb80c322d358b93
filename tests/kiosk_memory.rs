//! Runs for days: memory is flat over 10,000 resets. A counting allocator (this test
//! binary's own, so nothing else shares it) gives the bytes live on the heap; after a
//! warm-up, a person's session and a reset, repeated 10,000 times, must leave it
//! where it was.

mod common;

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicIsize, Ordering};
use std::time::{Duration, Instant};

use clearpath::tui::Theme;
use clearpath::tui::kiosk::{Config, Kiosk};
use common::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

struct Counting;

static LIVE: AtomicIsize = AtomicIsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        LIVE.fetch_add(layout.size() as isize, Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size() as isize, Ordering::Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        LIVE.fetch_add(
            new_size as isize - layout.size() as isize,
            Ordering::Relaxed,
        );
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

const RESETS: u64 = 10_000;

/// One person: a few answers, a typed county, help opened, then a way to clear.
fn session(k: &mut Kiosk, terminal: &mut Terminal<TestBackend>, at: Instant, n: u64) {
    let tap =
        |k: &mut Kiosk, code| k.event(&Event::Key(KeyEvent::new(code, KeyModifiers::NONE)), at);
    tap(k, KeyCode::Enter);
    answer_section(&mut k.app, PERSON);
    answer(&mut k.app, "Fresno");
    answer(&mut k.app, "convicted");
    tap(k, KeyCode::Char('?'));
    terminal
        .draw(|f| clearpath::tui::kiosk::view::render(k, f))
        .unwrap();
    match n % 2 {
        0 => tap(k, KeyCode::F(12)),
        _ => {
            k.tick(at + Duration::from_secs(60));
            k.tick(at + Duration::from_secs(91));
        }
    }
    terminal
        .draw(|f| clearpath::tui::kiosk::view::render(k, f))
        .unwrap();
}

fn statm_resident_pages() -> Option<u64> {
    let statm = std::fs::read_to_string("/proc/self/statm").ok()?;
    statm.split_whitespace().nth(1)?.parse().ok()
}

#[test]
fn memory_is_flat_over_ten_thousand_resets() {
    let content = &*CONTENT;
    let config = Config {
        idle: Duration::from_secs(60),
        ..Config::default()
    };
    let start = Instant::now();
    let mut k = Kiosk::new(content, as_of(), Theme::plain().large(), config, start);
    k.event(&Event::Resize(80, 24), start);
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    let mut at = start;
    for n in 0..100 {
        at += Duration::from_secs(100);
        session(&mut k, &mut terminal, at, n);
    }
    let (live_before, rss_before) = (LIVE.load(Ordering::Relaxed), statm_resident_pages());
    for n in 0..RESETS {
        at += Duration::from_secs(100);
        session(&mut k, &mut terminal, at, n);
    }
    let (live_after, rss_after) = (LIVE.load(Ordering::Relaxed), statm_resident_pages());
    assert_eq!(k.resets, 100 + RESETS);
    assert!(!k.app.interview.has_answers());
    println!(
        "after {} resets: live heap {live_before} → {live_after} bytes; resident pages {rss_before:?} → {rss_after:?}",
        RESETS
    );
    // Flat: not a byte more per reset, with a little room for what is laid out once.
    assert!(
        live_after - live_before < 4096,
        "the heap grew from {live_before} to {live_after} bytes over {RESETS} resets"
    );
}
