//! The clinic desk, `clearpath intake`: a volunteer's day of clients. The client list
//! (new, open, search, mark done, delete, export, tally) is this module's own screen;
//! an open intake is the ordinary interview ([`App`]) in the desk's mode, whose
//! screen holds the only copy of the client's interview. The desk acts on what each
//! action did ([`crate::tui::app::Effect`]): a change to the answers is handed to the
//! [`OpenIntake`], which saves it before the next key is read; leaving goes back to
//! the list; `e` opens the printouts for the client or the attorney. F3 opens the
//! notes, F4 the client's details.
//!
//! - this module: the desk's state, where events go, and its place in the run loop;
//! - `list`: the client list's keys; `open`: an intake on screen;
//! - `boxes`: the boxes and their keys, one module per kind (client, notes, files);
//! - [`view`]: drawing all of it.

mod boxes;
mod gate;
mod list;
mod open;
pub mod view;

pub use gate::{Gate, Purpose};

pub use boxes::{
    CopyForm, DeskDialog, EXPORTS, ExportForm, ImportChoice, ImportForm, NewForm, NotesForm,
    TallyForm,
};

use std::io;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::crossterm::event::{Event, KeyEventKind};

use super::app::{Action, App, Message, Mode};
use super::field::Field;
use super::shell::{self, Ended, Program};
use super::{Theme, keys, terminal};
use crate::content::{Content, Lang};
use crate::intake::clinic_key::Work;
use crate::intake::session::OpenIntake;
use crate::intake::{Listed, Store};
use crate::strings::Strings;

/// How often the list reads the folder again while it is on screen, so intakes copied
/// in from another laptop appear (reading 1,000 files takes about 14 ms).
pub const RELOAD: Duration = Duration::from_secs(5);

/// How long the desk may sit without a key before an encrypted folder locks.
pub const DEFAULT_LOCK_AFTER: Duration = Duration::from_secs(10 * 60);

/// An intake being taken: the interview on screen, which is the only copy of it, and
/// the open intake that saves it.
pub struct Open<'c> {
    pub file: OpenIntake,
    pub app: App<'c>,
}

pub struct Desk<'c> {
    store: Store,
    /// The content in each language; the first is the list's own.
    contents: Vec<&'c Content>,
    as_of: NaiveDate,
    theme: Theme,
    pub size: (u16, u16),
    /// Every file in the folder, as last read.
    pub listed: Vec<Listed>,
    pub search: Field,
    /// Letters go to the search field.
    pub searching: bool,
    /// Index into [`Desk::matching`].
    pub selected: usize,
    pub open: Option<Box<Open<'c>>>,
    pub dialog: Option<DeskDialog>,
    pub message: Option<Message>,
    /// When the folder was last read.
    read_at: Instant,
    quit: bool,
    /// For an interpreter: an open intake shows its client's language and the other.
    interpreter: bool,
    /// The passphrase box, drawn over everything while the folder is locked.
    pub gate: Option<Gate>,
    /// Wrong passphrases in a row, and when the next try is taken.
    misses: u32,
    refused_until: Option<Instant>,
    /// An encrypted folder locks after this long without a key; `None`: never.
    lock_after: Option<Duration>,
    last_key: Instant,
    /// How hard a new clinic key makes guessing its passphrase.
    key_work: Work,
}

impl<'c> Desk<'c> {
    /// The desk over a data folder. `contents` holds the same content in each
    /// language a client may answer in; the first is the language of the list.
    pub fn new(store: Store, contents: Vec<&'c Content>, as_of: NaiveDate, theme: Theme) -> Self {
        let mut desk = Desk {
            store,
            contents,
            as_of,
            theme,
            size: (super::app::MIN_WIDTH, super::app::MIN_HEIGHT),
            listed: Vec::new(),
            search: Field::default(),
            searching: false,
            selected: 0,
            open: None,
            dialog: None,
            message: None,
            read_at: Instant::now(),
            quit: false,
            interpreter: false,
            gate: None,
            misses: 0,
            refused_until: None,
            lock_after: Some(DEFAULT_LOCK_AFTER),
            last_key: Instant::now(),
            key_work: Work::Default,
        };
        if desk.store.is_unlocked() {
            desk.refresh(None);
            if !desk.store.is_encrypted() && !desk.listed.is_empty() {
                desk.say_error(desk.words().desk_not_encrypted.clone());
            }
        } else {
            desk.gate = Some(Gate::new(Purpose::Unlock));
        }
        desk
    }

    /// A first start on an empty folder: the clinic's passphrase is chosen before
    /// anything else, and the folder's intakes are encrypted from the first.
    pub fn choosing_key(mut self) -> Self {
        self.gate = Some(Gate::new(Purpose::Choose));
        self
    }

    /// How long an encrypted folder stays open without a key; `None`: until quit.
    pub fn locking_after(mut self, after: Option<Duration>) -> Self {
        self.lock_after = after;
        self
    }

    /// How hard a clinic key made at this desk makes guessing its passphrase.
    pub fn with_key_work(mut self, work: Work) -> Self {
        self.key_work = work;
        self
    }

    /// For an interpreter: each intake's interview, review and results in the client's
    /// language with the other language beside or under it.
    pub fn for_interpreter(mut self, on: bool) -> Self {
        self.interpreter = on;
        self
    }

    pub fn theme(&self) -> Theme {
        self.theme
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    /// The list's words.
    pub fn words(&self) -> &'static Strings {
        Strings::get(self.contents[0].lang)
    }

    pub fn languages(&self) -> Vec<Lang> {
        self.contents.iter().map(|c| c.lang).collect()
    }

    fn content_in(&self, lang: Lang) -> &'c Content {
        self.contents
            .iter()
            .copied()
            .find(|c| c.lang == lang)
            .unwrap_or(self.contents[0])
    }

    pub fn should_quit(&self) -> bool {
        self.quit
    }

    pub fn too_small(&self) -> bool {
        self.size.0 < super::app::MIN_WIDTH || self.size.1 < super::app::MIN_HEIGHT
    }

    /// The day the tally's "today" means: the clinic's date.
    pub fn today(&self) -> NaiveDate {
        self.store.now().date_naive()
    }

    /// The files the search matches, as indexes into `listed`.
    pub fn matching(&self) -> Vec<usize> {
        let query = self.search.text();
        (0..self.listed.len())
            .filter(|&i| self.listed[i].matches(query))
            .collect()
    }

    pub fn selected_listed(&self) -> Option<&Listed> {
        let shown = self.matching();
        shown.get(self.selected).map(|&i| &self.listed[i])
    }

    /// Reads the folder again, keeping `keep` (an id) selected when it is still there.
    fn refresh(&mut self, keep: Option<&str>) {
        let keep = keep
            .map(str::to_string)
            .or_else(|| self.selected_listed().map(|l| l.id.clone()));
        self.read_at = Instant::now();
        match self.store.list() {
            Ok(listed) => self.listed = listed,
            Err(e) => self.say_error(e.to_string()),
        }
        let shown = self.matching();
        if let Some(at) = keep.and_then(|id| shown.iter().position(|&i| self.listed[i].id == id)) {
            self.selected = at;
        }
        self.selected = self.selected.min(shown.len().saturating_sub(1));
    }

    fn say(&mut self, text: String) {
        self.message = Some(Message { text, error: false });
    }

    fn say_error(&mut self, text: String) {
        self.message = Some(Message { text, error: true });
    }

    /// Time passing: the list on screen is read again every [`RELOAD`]. Returns
    /// whether it was.
    pub fn tick(&mut self, now: Instant) -> bool {
        if self.gate.is_some() {
            return self.tick_gate(now);
        }
        let idle = self
            .lock_after
            .is_some_and(|after| now.saturating_duration_since(self.last_key) >= after);
        if idle && self.store.is_encrypted() {
            self.lock_for_idleness();
            return true;
        }
        let listing = self.open.is_none() && self.dialog.is_none();
        if !listing || now.saturating_duration_since(self.read_at) < RELOAD {
            return false;
        }
        self.refresh(None);
        true
    }

    /// A terminal event.
    pub fn event(&mut self, ev: &Event) {
        if let Event::Resize(w, h) = ev {
            self.size = (*w, *h);
            if let Some(open) = &mut self.open {
                open.app.update(Action::Resize(*w, *h));
            }
            return;
        }
        if matches!(ev, Event::Key(_) | Event::Mouse(_)) {
            self.last_key = Instant::now();
        }
        if self.gate.is_some() {
            if let Event::Key(key) = ev
                && key.kind != KeyEventKind::Release
            {
                self.on_gate(*key);
            }
            return;
        }
        let key = match ev {
            Event::Key(key) if key.kind != KeyEventKind::Release => *key,
            Event::Mouse(_) if self.dialog.is_none() => {
                if let Some(open) = &mut self.open
                    && let Some(action) = keys::action(&open.app, ev)
                {
                    self.apply(action);
                }
                return;
            }
            _ => return,
        };
        if let Some(dialog) = self.dialog.take() {
            self.on_dialog(dialog, key);
        } else if self.open.is_some() {
            self.on_intake(ev, key);
        } else {
            self.on_list(key);
        }
        self.tell_conflict();
    }

    /// After a save found the intake changed at another desk: says so, in a box.
    fn tell_conflict(&mut self) {
        let w = self.words();
        let Some(open) = self.open.as_deref_mut() else {
            return;
        };
        if open.file.take_conflict().is_none() {
            return;
        }
        let label = open.file.intake().label();
        open.app.mode = Mode::Desk {
            client: format!("{} · {label}", w.desk_conflict_mark),
        };
        let text = crate::strings::fill(&w.desk_conflict_text, &[("client", &label)]);
        self.dialog = Some(DeskDialog::Conflict(text));
    }
}

/// How a desk starts.
#[derive(Debug, Clone, Copy)]
pub struct Start {
    /// Each intake in two languages, for an interpreter.
    pub interpreter: bool,
    /// An encrypted folder locks after this long without a key; `None`: never.
    pub lock_after: Option<Duration>,
    /// A first start on an empty folder: the clinic's passphrase is chosen first.
    pub choose_key: bool,
}

/// Runs the client list until the volunteer quits or a termination signal arrives.
/// Every change was saved when it was made, so a signal leaves nothing to finish.
pub fn run(
    store: Store,
    contents: Vec<&Content>,
    as_of: NaiveDate,
    start: Start,
) -> io::Result<Ended> {
    let signals = terminal::Signals::watch()?;
    let mut desk = Desk::new(store, contents, as_of, Theme::from_env())
        .for_interpreter(start.interpreter)
        .locking_after(start.lock_after);
    if start.choose_key {
        desk = desk.choosing_key();
    }
    shell::run(&mut desk, signals)
}

impl Program for Desk<'_> {
    fn event(&mut self, event: &Event, _now: Instant) {
        Desk::event(self, event);
    }

    fn tick(&mut self, now: Instant) -> bool {
        Desk::tick(self, now)
    }

    fn render(&self, frame: &mut Frame) {
        view::render(self, frame);
    }

    fn should_exit(&self) -> bool {
        self.should_quit()
    }
}
