//! The one place the terminal is put into full-screen mode and given back. Given back
//! on every way out: a normal return, an error (the guard's drop), a panic (the hook
//! runs before the message is printed, so the message lands on the normal screen) and
//! a termination signal (the loop sees the flag and returns normally).

use std::io::{self, Stdout, Write, stdout};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use ratatui::Frame;
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::cursor::Show;
use ratatui::crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    BeginSynchronizedUpdate, Clear, ClearType, EndSynchronizedUpdate, EnterAlternateScreen,
    LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};

pub type Tui = Terminal<CrosstermBackend<Stdout>>;

/// Restores the terminal when dropped.
pub struct Guard {
    pub terminal: Tui,
}

impl Drop for Guard {
    fn drop(&mut self) {
        restore();
    }
}

/// Enters raw mode, the alternate screen and mouse capture, after installing the panic
/// hook that undoes them.
pub fn enter() -> io::Result<Guard> {
    install_panic_hook();
    enable_raw_mode()?;
    let guard = |e: io::Error| {
        restore();
        e
    };
    execute!(stdout(), EnterAlternateScreen, EnableMouseCapture).map_err(guard)?;
    let terminal = Terminal::new(CrosstermBackend::new(stdout())).map_err(guard)?;
    Ok(Guard { terminal })
}

/// Gives the terminal back. Every step is tried even if one fails: a half-restored
/// terminal is worse than an error nobody can see.
pub fn restore() {
    let mut out = stdout();
    let _ = execute!(out, DisableMouseCapture, LeaveAlternateScreen, Show);
    let _ = disable_raw_mode();
    let _ = out.flush();
}

/// Draws one frame as one synchronized update: a terminal that knows the mode shows
/// the frame whole, never half-drawn, and one that does not ignores it. Every event
/// the program reads ends in exactly one such frame, so its end mark also tells a
/// test driving the program that a key has been dealt with.
pub fn draw(terminal: &mut Tui, render: impl FnOnce(&mut Frame)) -> io::Result<()> {
    execute!(terminal.backend_mut(), BeginSynchronizedUpdate)?;
    let drawn = terminal.draw(render).map(|_| ());
    execute!(terminal.backend_mut(), EndSynchronizedUpdate)?;
    drawn
}

/// Clears the screen and the terminal's scrollback, then enters the alternate screen
/// afresh, so nothing drawn before can be scrolled back to; the next draw repaints
/// every cell.
pub fn wipe(terminal: &mut Tui) -> io::Result<()> {
    // An empty frame first, so ratatui's idea of the screen is blank like the screen
    // is about to be and the next draw repaints every cell. (`Terminal::clear` would
    // ask the terminal where its cursor is, which not every terminal answers.)
    terminal.draw(|_| {})?;
    execute!(
        terminal.backend_mut(),
        Clear(ClearType::All),
        Clear(ClearType::Purge),
        LeaveAlternateScreen,
        Clear(ClearType::Purge),
        EnterAlternateScreen,
        Clear(ClearType::All),
    )
}

fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
}

/// The termination signal received, if any: the loop checks it each tick and leaves
/// The hang-up signal's number, also used when the terminal vanishes without one.
pub const HANGUP: i32 = 1;

/// the way it would on quit, so the terminal is restored.
#[derive(Clone, Default)]
pub struct Signals(Arc<AtomicUsize>);

impl Signals {
    /// Watches SIGTERM, SIGHUP and SIGINT. A second signal of a kind ends the program
    /// at once, for a loop that is somehow stuck.
    pub fn watch() -> io::Result<Self> {
        #[cfg(unix)]
        return Self::watch_these(&[
            signal_hook::consts::SIGTERM,
            signal_hook::consts::SIGHUP,
            signal_hook::consts::SIGINT,
        ]);
        #[cfg(not(unix))]
        Ok(Signals::default())
    }

    /// Kiosk mode: SIGTERM and SIGHUP end the run as usual (the machine shutting
    /// down, the terminal closed), while SIGINT, SIGTSTP and SIGQUIT, the signals a
    /// keyboard can send, are caught and dropped, so none of them stops, suspends or
    /// kills the program.
    pub fn watch_kiosk() -> io::Result<Self> {
        #[cfg(unix)]
        {
            use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP};
            let dropped = Arc::new(std::sync::atomic::AtomicBool::new(false));
            for sig in [SIGINT, SIGTSTP, SIGQUIT] {
                signal_hook::flag::register(sig, Arc::clone(&dropped))?;
            }
            Self::watch_these(&[SIGTERM, SIGHUP])
        }
        #[cfg(not(unix))]
        Ok(Signals::default())
    }

    #[cfg(unix)]
    fn watch_these(which: &[i32]) -> io::Result<Self> {
        let signals = Signals::default();
        {
            use signal_hook::flag;
            let seen = Arc::new(std::sync::atomic::AtomicBool::new(false));
            for &sig in which {
                flag::register_conditional_shutdown(sig, 1, Arc::clone(&seen))?;
                flag::register(sig, Arc::clone(&seen))?;
                flag::register_usize(sig, Arc::clone(&signals.0), sig as usize)?;
            }
        }
        Ok(signals)
    }

    pub fn received(&self) -> Option<i32> {
        match self.0.load(Ordering::Relaxed) {
            0 => None,
            n => Some(n as i32),
        }
    }
}
