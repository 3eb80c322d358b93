//! The one place the terminal is put into full-screen mode and given back. Given back
//! on every way out: a normal return, an error (the guard's drop), a panic (the hook
//! runs before the message is printed, so the message lands on the normal screen) and
//! a termination signal (the loop sees the flag and returns normally). A suspend
//! (SIGTSTP) gives it back too, and continuing takes it again.

use std::io::{self, Stdout, Write, stdout};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

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

/// The hang-up signal's number, also used when the terminal vanishes without one.
pub const HANGUP: i32 = 1;

/// The signals the run loop acts on, as flags it checks each tick: a termination
/// signal ends the run the way quitting does, so the terminal is restored; a suspend
/// gives the terminal back before stopping and takes it again on continuing.
#[derive(Clone, Default)]
pub struct Signals {
    ended: Arc<AtomicUsize>,
    suspend: Arc<AtomicBool>,
    resumed: Arc<AtomicBool>,
}

impl Signals {
    /// Watches SIGTERM, SIGHUP, SIGINT and SIGQUIT, which end the run (a second
    /// signal of a kind ends the program at once, for a loop that is somehow stuck),
    /// and SIGTSTP and SIGCONT, for [`Signals::suspend_or_resume`].
    pub fn watch() -> io::Result<Self> {
        #[cfg(unix)]
        {
            use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP};
            let signals = Self::watch_these(&[SIGTERM, SIGHUP, SIGINT, SIGQUIT])?;
            signal_hook::flag::register(SIGTSTP, Arc::clone(&signals.suspend))?;
            signal_hook::flag::register(SIGCONT, Arc::clone(&signals.resumed))?;
            Ok(signals)
        }
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
            let dropped = Arc::new(AtomicBool::new(false));
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
            let seen = Arc::new(AtomicBool::new(false));
            for &sig in which {
                flag::register_conditional_shutdown(sig, 1, Arc::clone(&seen))?;
                flag::register(sig, Arc::clone(&seen))?;
                flag::register_usize(sig, Arc::clone(&signals.ended), sig as usize)?;
            }
        }
        Ok(signals)
    }

    /// The termination signal received, if any.
    pub fn received(&self) -> Option<i32> {
        match self.ended.load(Ordering::Relaxed) {
            0 => None,
            n => Some(n as i32),
        }
    }

    /// After SIGTSTP (`kill -TSTP`, a job control stop), gives the terminal back
    /// (normal screen, cooked mode, cursor shown), stops, and once continued takes it
    /// again; after a SIGCONT alone (a stop this program could not see, such as
    /// SIGSTOP) takes it again too, as whatever stopped it may have changed it. Returns
    /// whether the terminal was taken again, so that the caller draws every cell.
    pub fn suspend_or_resume(&self, terminal: &mut Tui) -> io::Result<bool> {
        if self.suspend.swap(false, Ordering::Relaxed) {
            restore();
            #[cfg(unix)]
            signal_hook::low_level::raise(signal_hook::consts::SIGSTOP)?;
        } else if !self.resumed.load(Ordering::Relaxed) {
            return Ok(false);
        }
        self.resumed.store(false, Ordering::Relaxed);
        enable_raw_mode()?;
        execute!(
            terminal.backend_mut(),
            EnterAlternateScreen,
            EnableMouseCapture
        )?;
        // As in `wipe`: blank in ratatui's idea of the screen and on the screen, so
        // the next draw repaints every cell.
        terminal.draw(|_| {})?;
        execute!(terminal.backend_mut(), Clear(ClearType::All))?;
        Ok(true)
    }
}

/// A write past the file-size limit (`ulimit -f`) sends SIGXFSZ, which by default
/// kills the program silently, a full-screen terminal left raw. Caught instead, the
/// write fails with "File too large" and is reported like any other failed write.
pub fn catch_file_size_limit() {
    #[cfg(unix)]
    {
        let _ = signal_hook::flag::register(
            signal_hook::consts::SIGXFSZ,
            Arc::new(AtomicBool::new(false)),
        );
    }
}

/// Reads a secret typed at the terminal (the clinic's passphrase) without showing it,
/// after writing `prompt` to standard error. `None` when the person pressed Ctrl-C or
/// Esc. Raw mode is given back before returning, whatever happens.
pub fn read_secret(prompt: &str) -> io::Result<Option<zeroize::Zeroizing<String>>> {
    use ratatui::crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers};
    struct Raw;
    impl Drop for Raw {
        fn drop(&mut self) {
            let _ = disable_raw_mode();
        }
    }
    let mut err = io::stderr();
    write!(err, "{prompt}")?;
    err.flush()?;
    enable_raw_mode()?;
    let raw = Raw;
    let mut typed = zeroize::Zeroizing::new(String::new());
    let answer = loop {
        let Event::Key(key) = event::read()? else {
            continue;
        };
        if key.kind == KeyEventKind::Release {
            continue;
        }
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        match key.code {
            KeyCode::Char('c') if ctrl => break None,
            KeyCode::Esc => break None,
            KeyCode::Enter => break Some(std::mem::take(&mut *typed)),
            KeyCode::Backspace => {
                typed.pop();
            }
            KeyCode::Char('u') if ctrl => typed.clear(),
            KeyCode::Char(c) if !ctrl && typed.chars().count() < 200 => typed.push(c),
            _ => {}
        }
    };
    drop(raw);
    writeln!(err)?;
    Ok(answer.map(zeroize::Zeroizing::new))
}
