//! Kiosk mode: one shared terminal, strangers in turn. It wraps the ordinary
//! interview ([`App`], in a kiosk's [`Mode`], which neither leaves nor saves) rather
//! than forking it, acts on what the interview says it did (printing, starting over),
//! and adds what a shared terminal needs:
//!
//! - an idle countdown, then a reset that replaces the whole [`App`] (every answer
//!   dropped) and wipes the screen and the terminal's scrollback;
//! - a quick-clear key (F12) that does the same at once; it is the only key that
//!   clears, so no everyday key (Esc goes back) can wipe someone's answers;
//! - no way out: `q`, Ctrl-C, Ctrl-Z and Ctrl-\ do nothing, and the signals a keyboard
//!   can send are dropped; only the operator chord ([`OPERATOR_CHORD`]) leaves, after
//!   the PIN when one is set, with a wait that doubles after each wrong PIN past the
//!   first few, so that guessing it by typing takes months, not seconds;
//! - nothing on disk: saving is gone; with a print command the text results are piped
//!   to it;
//! - its own signals ([`terminal::Signals::watch_kiosk`]) and a wipe of the screen
//!   between people, in the run loop all three programs share (`tui::shell`).
//!
//! Time is passed in (`now`) rather than read, so tests drive the idle countdown
//! without sleeping.

pub mod print;
pub mod view;

use std::io;
use std::sync::mpsc::{Receiver, TryRecvError};
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::crossterm::event::{Event, KeyCode, KeyEventKind, KeyModifiers, MouseEventKind};

use super::app::{Action, App, Effect, Message, Mode};
use super::field::Field;
use super::shell::{self, Ended, Program};
use super::{Theme, keys, strings as s, terminal};
use crate::content::Content;
use print::PrintCommand;

/// Idle time before the countdown, unless `--idle` says otherwise.
pub const DEFAULT_IDLE: Duration = Duration::from_secs(120);
/// How long "Still here?" waits for a key before the reset.
pub const COUNTDOWN: Duration = Duration::from_secs(30);
/// The operator chord, as `--help` and the docs name it.
pub const OPERATOR_CHORD: &str = "Ctrl-Alt-Q";
/// A PIN longer than this is not typed by a person; a stuck key stops here.
const PIN_MAX: usize = 64;
/// What the organiser chose on the command line.
#[derive(Debug, Clone)]
pub struct Config {
    pub idle: Duration,
    pub pin: Option<String>,
    pub print: Option<PrintCommand>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            idle: DEFAULT_IDLE,
            pin: None,
            print: None,
        }
    }
}

/// The PIN being typed after the operator chord.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PinPrompt {
    pub typed: Field,
    pub wrong: bool,
    /// Whole seconds before another PIN is taken, while wrong ones make it wait.
    pub wait: Option<u64>,
}

impl Default for PinPrompt {
    fn default() -> Self {
        PinPrompt {
            typed: Field::with_limit("", PIN_MAX),
            wrong: false,
            wait: None,
        }
    }
}

pub struct Kiosk<'c> {
    /// The person's interview. Replaced wholesale on every reset.
    pub app: App<'c>,
    content: &'c Content,
    /// The same content in the other languages a person may switch to with `l`.
    others: Vec<&'c Content>,
    as_of: NaiveDate,
    theme: Theme,
    config: Config,
    last_input: Instant,
    /// Seconds left on the "Still here?" countdown, while it shows.
    pub countdown: Option<u64>,
    pub pin: Option<PinPrompt>,
    /// Wrong PINs in a row, and until when the next is refused. Kept across the PIN
    /// box closing and across resets, which anyone at the keyboard can cause.
    pin_misses: u32,
    pin_refused_until: Option<Instant>,
    printing: Option<Receiver<Result<(), String>>>,
    wipe: bool,
    exit: bool,
    /// Resets since the start, for the record.
    pub resets: u64,
}

impl<'c> Kiosk<'c> {
    pub fn new(
        content: &'c Content,
        as_of: NaiveDate,
        theme: Theme,
        config: Config,
        now: Instant,
    ) -> Self {
        let mut kiosk = Kiosk {
            app: App::new(content, as_of, theme),
            content,
            others: Vec::new(),
            as_of,
            theme,
            config,
            last_input: now,
            countdown: None,
            pin: None,
            pin_misses: 0,
            pin_refused_until: None,
            printing: None,
            wipe: true,
            exit: false,
            resets: 0,
        };
        kiosk.app.mode = kiosk.mode();
        kiosk
    }

    /// Offers the other languages: each person starts in the kiosk's own language and
    /// can switch with `l`, keeping their answers.
    pub fn with_languages(mut self, others: &[&'c Content]) -> Self {
        self.others = others.to_vec();
        self.app = self.fresh_app();
        self
    }

    /// An interview for the next person, in the kiosk's language.
    fn fresh_app(&self) -> App<'c> {
        App::new(self.content, self.as_of, self.theme)
            .with_languages(&self.others, None)
            .with_mode(self.mode())
    }

    fn mode(&self) -> Mode {
        Mode::Kiosk {
            print: self.config.print.is_some(),
        }
    }

    /// Whether the operator has closed the kiosk.
    pub fn should_exit(&self) -> bool {
        self.exit
    }

    /// Whether the screen and scrollback must be wiped before the next draw; asking
    /// clears the request.
    pub fn take_wipe(&mut self) -> bool {
        std::mem::take(&mut self.wipe)
    }

    /// The welcome screen with nothing on it from anyone: no reason to count down.
    fn pristine(&self) -> bool {
        self.app.untouched() && self.pin.is_none()
    }

    /// Forgets the person: a new [`App`] in place of the old one, the countdown, the
    /// PIN prompt and any print result gone, and the terminal to be wiped.
    pub fn reset(&mut self, now: Instant) {
        let size = self.app.size;
        self.app = self.fresh_app();
        self.app.update(Action::Resize(size.0, size.1));
        self.countdown = None;
        self.pin = None;
        self.printing = None;
        self.last_input = now;
        self.wipe = true;
        self.resets += 1;
    }

    /// Time passing: the countdown appears, counts, and at zero resets. Returns
    /// whether anything on screen changed.
    pub fn tick(&mut self, now: Instant) -> bool {
        let mut changed = self.poll_print();
        let wait = self.pin_wait_left(now);
        if let Some(pin) = &mut self.pin
            && pin.wait != wait
        {
            pin.wait = wait;
            changed = true;
        }
        if self.pristine() {
            changed |= self.countdown.take().is_some();
            return changed;
        }
        let idle = now.saturating_duration_since(self.last_input);
        let before = self.countdown;
        if idle >= self.config.idle + COUNTDOWN {
            self.reset(now);
            return true;
        } else if idle >= self.config.idle {
            let left = self.config.idle + COUNTDOWN - idle;
            self.countdown = Some(left.as_secs() + u64::from(left.subsec_nanos() > 0));
        } else {
            self.countdown = None;
        }
        changed || before != self.countdown
    }

    /// A terminal event at `now`.
    pub fn event(&mut self, ev: &Event, now: Instant) {
        let key = match ev {
            Event::Resize(w, h) => {
                self.app.update(Action::Resize(*w, *h));
                return;
            }
            Event::Key(key) if key.kind != KeyEventKind::Release => *key,
            Event::Mouse(m)
                if matches!(
                    m.kind,
                    MouseEventKind::Down(_) | MouseEventKind::ScrollDown | MouseEventKind::ScrollUp
                ) =>
            {
                self.last_input = now;
                if self.countdown.take().is_none() && self.pin.is_none() {
                    self.apply(ev, now);
                }
                return;
            }
            _ => return,
        };
        self.last_input = now;
        // "Press any key": the key that says so does nothing else.
        if self.countdown.take().is_some() {
            return;
        }
        let mods = key.modifiers;
        if key.code == KeyCode::F(12) {
            self.reset(now);
            return;
        }
        if matches!(key.code, KeyCode::Char('q' | 'Q'))
            && mods.contains(KeyModifiers::CONTROL | KeyModifiers::ALT)
        {
            match self.config.pin {
                Some(_) => {
                    self.pin = Some(PinPrompt {
                        wait: self.pin_wait_left(now),
                        ..PinPrompt::default()
                    })
                }
                None => self.exit = true,
            }
            return;
        }
        let refused = self.pin_wait_left(now).is_some();
        if let Some(pin) = &mut self.pin {
            match key.code {
                KeyCode::Esc => self.pin = None,
                // While the kiosk makes a try wait, only Esc is taken.
                _ if refused => {}
                KeyCode::Char(c) if !mods.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) => {
                    pin.typed.edit(Action::Char(c));
                    pin.wrong = false;
                }
                // No cursor keys: the PIN is masked, so a cursor within it could
                // not be seen.
                KeyCode::Backspace => {
                    pin.typed.edit(Action::Backspace);
                }
                KeyCode::Enter => {
                    let right = self
                        .config
                        .pin
                        .as_deref()
                        .is_some_and(|p| same(p, pin.typed.text()));
                    if right {
                        self.exit = true;
                    } else {
                        pin.typed.clear();
                        pin.wrong = true;
                        self.pin_misses = self.pin_misses.saturating_add(1);
                        let wait = crate::tui::tries::wait_after(self.pin_misses);
                        self.pin_refused_until = (!wait.is_zero()).then(|| now + wait);
                    }
                }
                _ => {}
            }
            let wait = self.pin_wait_left(now);
            if let Some(pin) = &mut self.pin {
                pin.wait = wait;
            }
            return;
        }
        self.apply(ev, now);
    }

    /// Passes an event to the interview (which, in a kiosk's mode, neither leaves nor
    /// saves), and acts on what it did.
    fn apply(&mut self, ev: &Event, now: Instant) {
        let Some(action) = keys::action(&self.app, ev) else {
            return;
        };
        for effect in self.app.update(action) {
            match effect {
                Effect::Print => self.print(),
                // Starting over is finishing: the same reset as idle or F12.
                Effect::StartedOver => return self.reset(now),
                _ => {}
            }
        }
        if self.app.should_quit() {
            // Not reachable in a kiosk's mode; if it ever is, forget rather than leave.
            self.reset(now);
        }
    }

    /// Whole seconds, rounded up, before a PIN try is taken again; `None` when one is.
    fn pin_wait_left(&self, now: Instant) -> Option<u64> {
        crate::tui::tries::seconds_left(self.pin_refused_until, now)
    }

    /// Sends the text results to the print command, when there is one.
    fn print(&mut self) {
        let Some(command) = &self.config.print else {
            return;
        };
        if self.printing.is_some() {
            return;
        }
        let screening = self
            .app
            .screening
            .clone()
            .unwrap_or_else(|| self.app.interview.results());
        // In the language on screen, which is the one the person reads.
        let text = crate::report::person_page(
            self.app.content(),
            self.app.interview.person(),
            &screening,
            crate::report::Format::Text,
        );
        self.printing = Some(print::spawn(command, text));
        self.app.message = Some(Message {
            text: self.app.words().kiosk_printing.clone(),
            error: false,
        });
    }

    fn poll_print(&mut self) -> bool {
        let Some(rx) = &self.printing else {
            return false;
        };
        let outcome = match rx.try_recv() {
            Ok(outcome) => outcome,
            Err(TryRecvError::Empty) => return false,
            Err(TryRecvError::Disconnected) => Err(String::new()),
        };
        self.printing = None;
        self.app.message = Some(match outcome {
            Ok(()) => Message {
                text: self.app.words().kiosk_printed.clone(),
                error: false,
            },
            Err(reason) => Message {
                text: s::kiosk_not_printed(self.app.words(), &reason),
                error: true,
            },
        });
        true
    }

    /// Waits for a print in progress to finish (for tests).
    pub fn wait_for_print(&mut self) {
        if let Some(rx) = self.printing.take() {
            let outcome = rx.recv().unwrap_or(Err(String::new()));
            let (tx, again) = std::sync::mpsc::channel();
            let _ = tx.send(outcome);
            self.printing = Some(again);
            self.poll_print();
        }
    }
}

/// Compares two PINs without stopping at the first difference.
fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let mut diff = a.len() ^ b.len();
    for i in 0..a.len().max(b.len()) {
        diff |= usize::from(a.get(i).copied().unwrap_or(0) ^ b.get(i).copied().unwrap_or(0));
    }
    diff == 0
}

/// Runs the kiosk until the operator closes it or a termination signal arrives.
pub fn run(
    content: &Content,
    others: &[&Content],
    as_of: NaiveDate,
    config: Config,
) -> io::Result<Ended> {
    let signals = terminal::Signals::watch_kiosk()?;
    let theme = Theme::from_env().large();
    let mut kiosk =
        Kiosk::new(content, as_of, theme, config, Instant::now()).with_languages(others);
    shell::run(&mut kiosk, signals)
}

impl Program for Kiosk<'_> {
    fn event(&mut self, event: &Event, now: Instant) {
        Kiosk::event(self, event, now);
    }

    fn tick(&mut self, now: Instant) -> bool {
        Kiosk::tick(self, now)
    }

    fn render(&self, frame: &mut Frame) {
        view::render(self, frame);
    }

    fn should_exit(&self) -> bool {
        Kiosk::should_exit(self)
    }

    fn take_wipe(&mut self) -> bool {
        Kiosk::take_wipe(self)
    }

    /// However the kiosk ends, the last person's answers and screen go with it.
    fn end(&mut self, now: Instant) -> bool {
        self.reset(now);
        true
    }
}
