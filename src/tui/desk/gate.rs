//! The passphrase gate in front of an encrypted folder: asked when the desk starts,
//! again after [`Desk`] sat idle for its lock time (with the list and any open intake
//! hidden meanwhile), and, on a first start on an empty folder, twice to choose the
//! clinic's passphrase. A wrong passphrase makes the next try wait longer each time.
//!
//! Opening the key takes about a second (that is what makes guessing slow), so Enter
//! only marks the gate busy; the work is done on the next tick, after "Opening…" is
//! on screen.

use std::time::Instant;

use age::secrecy::{ExposeSecret, SecretString};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::Desk;
use crate::intake::StoreError;
use crate::intake::clinic_key::{KeyError, MIN_PASSPHRASE_CHARS};
use crate::strings::fill;
use crate::tui::app::Action;
use crate::tui::field::Field;
use crate::tui::tries;

/// A passphrase longer than this is not typed by a person; a stuck key stops here.
const MAX_CHARS: usize = 200;

pub struct Gate {
    pub purpose: Purpose,
    pub typed: Field,
    /// What the last try got wrong.
    pub said: Option<String>,
    /// Enter was pressed: the try runs on the next tick.
    pub busy: bool,
    /// Locked because no key was pressed for this many minutes.
    pub idle_minutes: Option<u64>,
    /// Whole seconds before another try is taken.
    pub wait: Option<u64>,
}

pub enum Purpose {
    /// The clinic's passphrase, to open the folder.
    Unlock,
    /// A first start: a new passphrase…
    Choose,
    /// …and the same again.
    Confirm(SecretString),
}

impl Gate {
    pub fn new(purpose: Purpose) -> Self {
        Gate {
            purpose,
            typed: Field::with_limit("", MAX_CHARS),
            said: None,
            busy: false,
            idle_minutes: None,
            wait: None,
        }
    }
}

impl Desk<'_> {
    pub(super) fn on_gate(&mut self, key: KeyEvent) {
        let mods = key.modifiers;
        if mods.contains(KeyModifiers::CONTROL) && matches!(key.code, KeyCode::Char('c' | 'q')) {
            self.quit = true;
            return;
        }
        let Some(gate) = self.gate.as_mut() else {
            return;
        };
        if gate.busy || gate.wait.is_some() {
            return;
        }
        match key.code {
            KeyCode::Enter if !gate.typed.is_empty() => gate.busy = true,
            KeyCode::Esc => gate.typed.clear(),
            KeyCode::Backspace => {
                gate.typed.edit(Action::Backspace);
            }
            KeyCode::Char('u') if mods.contains(KeyModifiers::CONTROL) => gate.typed.clear(),
            // No cursor keys: the passphrase is masked, so a cursor within it could
            // not be seen.
            KeyCode::Char(c) if !mods.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) => {
                gate.typed.edit(Action::Char(c));
                gate.said = None;
            }
            _ => {}
        }
    }

    /// Time passing at the gate: runs a try Enter asked for, and counts a wait down.
    /// Returns whether the screen changed.
    pub(super) fn tick_gate(&mut self, now: Instant) -> bool {
        let Some(gate) = self.gate.as_mut() else {
            return false;
        };
        if gate.busy {
            self.try_gate(now);
            return true;
        }
        let wait = tries::seconds_left(self.refused_until, now);
        let changed = wait != gate.wait;
        gate.wait = wait;
        changed
    }

    fn try_gate(&mut self, now: Instant) {
        let Some(mut gate) = self.gate.take() else {
            return;
        };
        gate.busy = false;
        let typed = SecretString::from(gate.typed.text().to_string());
        gate.typed.clear();
        let w = self.words();
        match std::mem::replace(&mut gate.purpose, Purpose::Unlock) {
            Purpose::Unlock => match self.store.unlock(&typed) {
                Ok(()) => {
                    self.misses = 0;
                    self.refused_until = None;
                    self.last_key = now;
                    self.refresh(None);
                    return;
                }
                Err(StoreError::Key(KeyError::WrongPassphrase)) => {
                    self.misses = self.misses.saturating_add(1);
                    let wait = tries::wait_after(self.misses);
                    self.refused_until = (!wait.is_zero()).then(|| now + wait);
                    gate.wait = tries::seconds_left(self.refused_until, now);
                    gate.said = Some(w.desk_unlock_wrong.clone());
                }
                Err(e) => gate.said = Some(e.to_string()),
            },
            Purpose::Choose if typed.expose_secret().chars().count() < MIN_PASSPHRASE_CHARS => {
                gate.purpose = Purpose::Choose;
                gate.said = Some(w.desk_create_short.clone());
            }
            Purpose::Choose => gate.purpose = Purpose::Confirm(typed),
            Purpose::Confirm(first) if first.expose_secret() != typed.expose_secret() => {
                gate.purpose = Purpose::Choose;
                gate.said = Some(w.desk_create_mismatch.clone());
            }
            Purpose::Confirm(first) => match self.store.init(&first, self.key_work) {
                Ok(()) => {
                    let path = self
                        .store
                        .key()
                        .map(|k| k.path().display().to_string())
                        .unwrap_or_default();
                    self.last_key = now;
                    self.refresh(None);
                    self.say(fill(&w.desk_create_made, &[("path", &path)]));
                    return;
                }
                Err(e) => {
                    gate.purpose = Purpose::Choose;
                    gate.said = Some(e.to_string());
                }
            },
        }
        self.gate = Some(gate);
    }

    /// Locks the folder after the desk sat idle: the key is wiped, the list
    /// forgotten, and the gate drawn over everything until the passphrase is given.
    pub(super) fn lock_for_idleness(&mut self) {
        self.store.lock();
        self.listed.clear();
        let mut gate = Gate::new(Purpose::Unlock);
        gate.idle_minutes = self.lock_after.map(|d| d.as_secs().div_ceil(60));
        self.gate = Some(gate);
    }
}
