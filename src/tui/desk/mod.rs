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
mod list;
mod open;
pub mod view;

pub use boxes::{CopyForm, DeskDialog, EXPORTS, ExportForm, NewForm, NotesForm, TallyForm};

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
use crate::intake::session::OpenIntake;
use crate::intake::{Listed, Store};
use crate::strings::Strings;

/// How often the list reads the folder again while it is on screen, so intakes copied
/// in from another laptop appear (reading 1,000 files takes about 14 ms).
pub const RELOAD: Duration = Duration::from_secs(5);

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
        };
        desk.refresh(None);
        desk
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

/// Runs the client list until the volunteer quits or a termination signal arrives.
/// Every change was saved when it was made, so a signal leaves nothing to finish.
/// The desk; with `interpreter`, each intake in two languages.
pub fn run(
    store: Store,
    contents: Vec<&Content>,
    as_of: NaiveDate,
    interpreter: bool,
) -> io::Result<Ended> {
    let signals = terminal::Signals::watch()?;
    let mut desk =
        Desk::new(store, contents, as_of, Theme::from_env()).for_interpreter(interpreter);
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
