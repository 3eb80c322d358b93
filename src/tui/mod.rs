//! The full-screen interview. The shape is the elm one: [`App`] holds the state,
//! [`keys`] turns terminal events into [`Action`]s, [`App::update`] applies them, and
//! [`view`] draws the state without changing it. [`terminal`] is the only code that
//! touches the terminal's modes.

pub mod app;
pub mod export;
pub mod field;
pub mod intake;
pub mod keys;
pub mod kiosk;
pub mod strings;
pub mod terminal;
pub mod theme;
pub mod view;

use std::io::{self, IsTerminal};
use std::process::ExitCode;
use std::time::Duration;

use chrono::NaiveDate;
use ratatui::crossterm::event;

pub use app::{Action, App, Screen};
pub use theme::Theme;

use crate::content::{Content, Lang};

/// How long the loop waits for input before a tick: short enough to notice a
/// termination signal promptly, long enough to cost nothing while idle.
pub(crate) const TICK: Duration = Duration::from_millis(250);

/// Runs the interview in the terminal until the person quits. `others` is the same
/// content in other languages, to switch to; `second` is shown under the first.
pub fn run(
    content: &Content,
    others: &[&Content],
    second: Option<Lang>,
    as_of: NaiveDate,
) -> ExitCode {
    exit_code(run_loop(content, others, second, as_of))
}

/// How a full-screen run ends for the shell: 0, 128 + the signal that ended it, or
/// "could not run" with the reason.
pub(crate) fn exit_code(ended: io::Result<Option<i32>>) -> ExitCode {
    match ended {
        Ok(None) => ExitCode::SUCCESS,
        Ok(Some(signal)) => ExitCode::from((128 + signal).clamp(0, 255) as u8),
        Err(e) => {
            eprintln!("clearpath: {}", crate::sanitize::line(&e.to_string()));
            ExitCode::from(crate::cli::EXIT_CANNOT_RUN)
        }
    }
}

/// Returns the signal that ended the run, if one did.
fn run_loop(
    content: &Content,
    others: &[&Content],
    second: Option<Lang>,
    as_of: NaiveDate,
) -> io::Result<Option<i32>> {
    let signals = terminal::Signals::watch()?;
    watch_for_hangup();
    let mut guard = terminal::enter()?;
    let size = guard.terminal.size()?;
    let mut app = App::new(content, as_of, Theme::from_env()).with_languages(others, second);
    app.update(Action::Resize(size.width, size.height));
    let mut dirty = true;
    loop {
        if let Some(signal) = signals.received() {
            return Ok(Some(signal));
        }
        if signals.suspend_or_resume(&mut guard.terminal)? {
            let size = guard.terminal.size()?;
            app.update(Action::Resize(size.width, size.height));
            dirty = true;
        }
        if dirty {
            terminal::draw(&mut guard.terminal, |frame| view::render(&app, frame))?;
            dirty = false;
        }
        let ready = match event::poll(TICK) {
            Ok(ready) => ready,
            // A signal interrupted the wait; the top of the loop looks at it.
            Err(e) if e.kind() == io::ErrorKind::Interrupted => false,
            Err(e) => return Err(e),
        };
        if ready {
            let ev = event::read()?;
            if let Some(action) = keys::action(&app, &ev) {
                app.update(action);
            }
            // Drawn even when the key did nothing, so every key ends in one frame.
            dirty = true;
        } else {
            app.update(Action::Tick);
        }
        if app.should_quit() {
            return Ok(None);
        }
    }
}

/// Ends the program if its terminal goes away (a closed window, a dropped connection)
/// without a hang-up signal reaching it. Reading a vanished terminal returns at once
/// with nothing, and the event reader then spins inside its own loop, so the check
/// runs on a thread of its own. There is no screen left to restore.
pub(crate) fn watch_for_hangup() {
    std::thread::spawn(|| {
        loop {
            std::thread::sleep(Duration::from_secs(1));
            if terminal_gone() {
                std::process::exit(128 + terminal::HANGUP);
            }
        }
    });
}

fn terminal_gone() -> bool {
    // On Linux a closed pseudo-terminal stays open in the process but shows as
    // deleted; elsewhere this finds nothing and the hang-up signal does the work.
    let deleted = std::fs::read_link("/proc/self/fd/0")
        .is_ok_and(|p| p.to_string_lossy().ends_with(" (deleted)"));
    deleted || !io::stdin().is_terminal()
}
