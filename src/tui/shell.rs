//! The one run loop the three full-screen programs share: the interview, the kiosk and
//! the clinic desk are each a [`Program`], and [`run`] takes the terminal, feeds the
//! program events and ticks, draws it after every event, and gives the terminal back
//! however the run ends. What differs between them (the signals a keyboard may send,
//! wiping the screen between people) is the program's to say, not a loop of its own.

use std::io;
use std::time::{Duration, Instant};

use ratatui::Frame;
use ratatui::crossterm::event::{self, Event};

use super::terminal::{self, Signals};

/// How long the loop waits for input before a tick: short enough to notice a
/// termination signal promptly, long enough to cost nothing while idle.
pub const TICK: Duration = Duration::from_millis(250);

/// How a full-screen run ended, for the command line to turn into an exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ended {
    /// The person (or the operator) left.
    Quit,
    /// A termination signal ended it: its number.
    Signal(i32),
}

/// A full-screen program the loop runs. Time is passed in, so that tests drive idle
/// time without sleeping.
pub trait Program {
    /// A terminal event (a key, a click, a resize) at `now`.
    fn event(&mut self, event: &Event, now: Instant);
    /// Time passing; returns whether anything on screen changed.
    fn tick(&mut self, _now: Instant) -> bool {
        false
    }
    /// Draws the program; never changes it.
    fn render(&self, frame: &mut Frame);
    /// Whether the program has finished.
    fn should_exit(&self) -> bool;
    /// Whether the screen and the scrollback must be wiped before the next frame;
    /// asking clears the request.
    fn take_wipe(&mut self) -> bool {
        false
    }
    /// The run is ending (the program finished, or a signal ended it). Returns
    /// whether the screen and scrollback must be wiped before the terminal is given
    /// back.
    fn end(&mut self, _now: Instant) -> bool {
        false
    }
}

/// Runs `program` in the terminal until it finishes or one of `signals` ends it.
pub fn run(program: &mut impl Program, signals: Signals) -> io::Result<Ended> {
    watch_for_hangup();
    let mut guard = terminal::enter()?;
    let size = guard.terminal.size()?;
    program.event(&Event::Resize(size.width, size.height), Instant::now());
    let mut dirty = true;
    loop {
        if let Some(signal) = signals.received() {
            if program.end(Instant::now()) {
                terminal::wipe(&mut guard.terminal)?;
            }
            return Ok(Ended::Signal(signal));
        }
        if signals.suspend_or_resume(&mut guard.terminal)? {
            let size = guard.terminal.size()?;
            program.event(&Event::Resize(size.width, size.height), Instant::now());
            dirty = true;
        }
        if program.take_wipe() {
            terminal::wipe(&mut guard.terminal)?;
            dirty = true;
        }
        if dirty {
            terminal::draw(&mut guard.terminal, |frame| program.render(frame))?;
            dirty = false;
        }
        let ready = match event::poll(TICK) {
            Ok(ready) => ready,
            // A signal interrupted the wait; the top of the loop looks at it.
            Err(e) if e.kind() == io::ErrorKind::Interrupted => false,
            Err(e) => return Err(e),
        };
        let now = Instant::now();
        if ready {
            program.event(&event::read()?, now);
            // Drawn even when the key did nothing, so every key ends in one frame.
            dirty = true;
        }
        dirty |= program.tick(now);
        if program.should_exit() {
            if program.end(now) {
                terminal::wipe(&mut guard.terminal)?;
            }
            return Ok(Ended::Quit);
        }
    }
}

/// Ends the program if its terminal goes away (a closed window, a dropped connection)
/// without a hang-up signal reaching it. Reading a vanished terminal returns at once
/// with nothing, and the event reader then spins inside its own loop, so the check
/// runs on a thread of its own. There is no screen left to restore.
fn watch_for_hangup() {
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
    use std::io::IsTerminal;
    // On Linux a closed pseudo-terminal stays open in the process but shows as
    // deleted; elsewhere this finds nothing and the hang-up signal does the work.
    let deleted = std::fs::read_link("/proc/self/fd/0")
        .is_ok_and(|p| p.to_string_lossy().ends_with(" (deleted)"));
    deleted || !io::stdin().is_terminal()
}
