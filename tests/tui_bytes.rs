//! What moving the selection by one answer costs on the wire: the bytes the real
//! crossterm backend writes for that frame, after the first full frame.

mod common;

use std::io::{self, Write};
use std::sync::{Arc, Mutex};

use clearpath::tui::{Action, view};
use common::*;
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;
use ratatui::{TerminalOptions, Viewport};

#[derive(Clone, Default)]
struct Counter(Arc<Mutex<Vec<u8>>>);

impl Write for Counter {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

fn bytes_for_one_move(width: u16, height: u16) -> usize {
    let counter = Counter::default();
    let backend = CrosstermBackend::new(counter.clone());
    // A fixed viewport: the test has no real terminal to ask for its size.
    let mut terminal = Terminal::with_options(
        backend,
        TerminalOptions {
            viewport: Viewport::Fixed(Rect::new(0, 0, width, height)),
        },
    )
    .unwrap();
    let mut app = app(width, height);
    app.update(Action::Enter);
    terminal.draw(|f| view::render(&app, f)).unwrap();
    counter.0.lock().unwrap().clear();
    app.update(Action::Down);
    terminal.draw(|f| view::render(&app, f)).unwrap();
    counter.0.lock().unwrap().len()
}

#[test]
fn moving_the_selection_writes_under_a_kilobyte() {
    for (w, h) in [(80, 24), (120, 40)] {
        let n = bytes_for_one_move(w, h);
        println!("moving the selection by one answer at {w}x{h}: {n} bytes");
        assert!(n < 1024, "{n} bytes at {w}x{h}");
    }
}
