//! The full-screen interview, and the kiosk and the clinic desk around it.
//!
//! The shape is the elm one: [`App`] holds the state, [`keys`] turns terminal events
//! into [`Action`]s, [`App::update`] applies them and returns what they did as
//! [`app::Effect`]s, and [`view`] draws the state without changing it. Whose
//! interview it is (a person's own, a kiosk's, a client's at the desk) is one
//! [`app::Mode`] value the interview and its views read. [`kiosk`] and [`desk`] wrap
//! the interview: they take their own keys first and act on its effects, never on
//! its internals. [`shell`] is the one run loop all three share, [`field`] the one
//! text field, and [`terminal`] the only code that touches the terminal's modes.
//! Nothing here imports the command line, which sits above it.

pub mod app;
pub mod desk;
pub mod export;
pub mod field;
pub mod keys;
pub mod kiosk;
pub mod shell;
pub mod strings;
pub mod terminal;
pub mod theme;
pub mod tries;
pub mod view;

use std::io;
use std::time::Instant;

use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::crossterm::event::Event;

pub use app::{Action, App, Screen};
pub use shell::Ended;
pub use theme::Theme;

use crate::content::{Content, Lang};

/// Runs the interview in the terminal until the person quits. `others` is the same
/// content in other languages, to switch to; `second` is shown under the first.
pub fn run<'c>(
    content: &'c Content,
    others: &[&'c Content],
    second: Option<Lang>,
    as_of: NaiveDate,
    from_code: Option<crate::engine::handoff::Decoded<'c>>,
) -> io::Result<Ended> {
    let signals = terminal::Signals::watch()?;
    let mut app = App::new(content, as_of, Theme::from_env()).with_languages(others, second);
    if let Some(decoded) = from_code {
        app.open_code(decoded);
    }
    shell::run(&mut app, signals)
}

/// Runs the interview from one already under way (answers read from a RAP sheet),
/// opening on what was read (`said`) before its first open question.
pub fn run_from<'c>(
    content: &'c Content,
    others: &[&'c Content],
    second: Option<Lang>,
    interview: crate::engine::interview::Interview<'c>,
    said: Vec<String>,
) -> io::Result<Ended> {
    let signals = terminal::Signals::watch()?;
    let as_of = interview.as_of();
    let mut app = App::new(content, as_of, Theme::from_env()).with_languages(others, second);
    app.open_read(interview, said);
    shell::run(&mut app, signals)
}

/// The interview on its own is a program of its own: keys become actions.
impl shell::Program for App<'_> {
    fn event(&mut self, event: &Event, _now: Instant) {
        if let Some(action) = keys::action(self, event) {
            self.update(action);
        }
    }

    fn render(&self, frame: &mut Frame) {
        view::render(self, frame);
    }

    fn should_exit(&self) -> bool {
        self.should_quit()
    }
}
