//! Clinic intake mode, `clearpath intake`: a volunteer's day of clients. The client
//! list (new, open, search, mark done, delete, export, tally) is this module's own
//! screen; an open intake is the ordinary interview ([`App`]) wrapped, as the kiosk
//! wraps it, with every change handed to an [`IntakeSession`] that saves it before
//! the next key is read. `q` or Ctrl-C in an intake goes back to the list; F3 opens
//! the notes; `e` exports for the client or the attorney.

pub mod view;

use std::io;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use ratatui::crossterm::event::{self, Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::app::{Action, App, Dialog, Message, ReviewRow, Screen};
use super::export::{self as file_export, Written};
use super::field::Field;
use super::{Theme, keys, terminal};
use crate::content::{Content, Lang};
use crate::engine::Stage;
use crate::intake::export::{self, Audience, Format};
use crate::intake::session::IntakeSession;
use crate::intake::tally::{Range, tally};
use crate::intake::{Listed, Status, Store};
use crate::strings::{Strings, fill};

/// How often the list reads the folder again while it is on screen, so intakes copied
/// in from another laptop appear (reading 1,000 files takes about 14 ms).
pub const RELOAD: Duration = Duration::from_secs(5);

/// The longest note a volunteer types in one go.
const NOTE_LIMIT: usize = 4000;

/// The printouts the export box offers, in its order.
pub const EXPORTS: [(Audience, Format); 8] = [
    (Audience::Client, Format::Html),
    (Audience::Client, Format::Text),
    (Audience::Client, Format::Markdown),
    (Audience::Client, Format::Json),
    (Audience::Attorney, Format::Html),
    (Audience::Attorney, Format::Text),
    (Audience::Attorney, Format::Markdown),
    (Audience::Attorney, Format::Json),
];

/// An intake being taken: the interview on screen and the file it saves to.
pub struct Open<'c> {
    pub session: IntakeSession<'c>,
    pub app: App<'c>,
    /// Leaving was asked once while the last change could not be saved.
    leave_unsaved: bool,
}

/// A box over the list or the interview that takes the keys until it closes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DeskDialog {
    Help,
    New(NewForm),
    Delete {
        id: String,
        label: String,
    },
    Notes(NotesForm),
    Export(ExportForm),
    Tally(TallyForm),
    /// The file exists: replace it? The box to go back to if not.
    Replace {
        path: PathBuf,
        text: String,
        back: Box<DeskDialog>,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewForm {
    pub name: Field,
    pub number: Field,
    /// Index into the languages the desk has.
    pub lang: usize,
    /// 0 name, 1 number, 2 language.
    pub focus: usize,
    pub error: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotesForm {
    /// The client's note (`None`) and each entry's, with the text being edited.
    pub notes: Vec<(Option<usize>, Field)>,
    pub at: usize,
    pub error: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportForm {
    pub id: String,
    pub label: String,
    /// The client's language, which their printout is written in.
    pub language: Lang,
    /// Index into [`EXPORTS`].
    pub choice: usize,
    pub path: Field,
    pub error: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TallyForm {
    pub all_days: bool,
    pub path: Field,
    pub error: Option<String>,
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
        };
        desk.refresh(None);
        desk
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
    }

    fn on_list(&mut self, key: KeyEvent) {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        if ctrl && key.code == KeyCode::Char('c') {
            self.quit = true;
            return;
        }
        if self.too_small() {
            return;
        }
        let count = self.matching().len();
        let page = (self.size.1 as usize).saturating_sub(8).max(1);
        match key.code {
            KeyCode::Up => self.selected = self.selected.saturating_sub(1),
            KeyCode::Down => self.selected = (self.selected + 1).min(count.saturating_sub(1)),
            KeyCode::PageUp => self.selected = self.selected.saturating_sub(page),
            KeyCode::PageDown => {
                self.selected = (self.selected + page).min(count.saturating_sub(1))
            }
            KeyCode::Enter if self.searching => self.searching = false,
            KeyCode::Enter => self.open_selected(),
            KeyCode::Esc if self.searching || !self.search.is_empty() => {
                // The intake found stays selected in the whole list.
                let found = self.selected_listed().map(|l| l.id.clone());
                self.search.clear();
                self.searching = false;
                self.refresh(found.as_deref());
            }
            KeyCode::F(1) => self.dialog = Some(DeskDialog::Help),
            _ if self.searching => {
                match key.code {
                    KeyCode::Char('u') if ctrl => self.search.clear(),
                    KeyCode::Char(c) if !ctrl => self.search.insert(c),
                    KeyCode::Backspace => self.search.backspace(),
                    KeyCode::Left => self.search.left(),
                    KeyCode::Right => self.search.right(),
                    _ => return,
                }
                self.selected = 0;
            }
            KeyCode::Char(c) if !ctrl => match c {
                'k' => self.selected = self.selected.saturating_sub(1),
                'j' => self.selected = (self.selected + 1).min(count.saturating_sub(1)),
                'g' => self.selected = 0,
                'G' => self.selected = count.saturating_sub(1),
                '/' => self.searching = true,
                'n' => self.open_new_form(),
                'd' => self.toggle_done(),
                'x' => self.ask_delete(),
                'e' => self.open_export_from_list(),
                't' => self.open_tally(),
                '?' => self.dialog = Some(DeskDialog::Help),
                'q' => self.quit = true,
                _ => {}
            },
            KeyCode::Home => self.selected = 0,
            KeyCode::End => self.selected = count.saturating_sub(1),
            KeyCode::Delete => self.ask_delete(),
            _ => {}
        }
    }

    fn open_new_form(&mut self) {
        self.message = None;
        self.dialog = Some(DeskDialog::New(NewForm {
            name: Field::default(),
            number: Field::default(),
            lang: 0,
            focus: 0,
            error: None,
        }));
    }

    fn toggle_done(&mut self) {
        let Some(listed) = self.selected_listed() else {
            return;
        };
        let Some(intake) = listed.intake() else {
            return self.say_error(self.damaged_text(listed));
        };
        let (id, label) = (intake.id.clone(), intake.label());
        let status = match intake.status {
            Status::Open => Status::Done,
            Status::Done => Status::Open,
        };
        match self.store.set_status(&id, status) {
            Ok(_) => {
                let w = self.words();
                let text = match status {
                    Status::Done => &w.desk_marked_done,
                    Status::Open => &w.desk_reopened,
                };
                self.say(fill(text, &[("client", &label)]));
            }
            Err(e) => self.say_error(e.to_string()),
        }
        self.refresh(Some(&id));
    }

    fn ask_delete(&mut self) {
        let Some(listed) = self.selected_listed() else {
            return;
        };
        let label = match listed.intake() {
            Some(i) => i.label(),
            None => format!("{} ({})", listed.id, self.words().desk_damaged),
        };
        self.dialog = Some(DeskDialog::Delete {
            id: listed.id.clone(),
            label,
        });
    }

    fn damaged_text(&self, listed: &Listed) -> String {
        let reason = match &listed.state {
            Err(damage) => crate::intake::clean(&damage.to_string()),
            Ok(_) => String::new(),
        };
        fill(&self.words().desk_damaged_open, &[("reason", &reason)])
    }

    fn open_selected(&mut self) {
        let Some(listed) = self.selected_listed() else {
            return;
        };
        if listed.intake().is_none() {
            return self.say_error(self.damaged_text(listed));
        }
        let id = listed.id.clone();
        let opened = match self.store.open_intake(&id) {
            Ok(opened) => opened,
            Err(e) => {
                self.say_error(crate::intake::clean(&e.to_string()));
                return self.refresh(None);
            }
        };
        let label = opened.intake.label();
        let content = self.content_in(opened.intake.language);
        let session = IntakeSession::resume(&self.store, content, self.as_of, opened.intake);
        let w = self.words();
        let mut said = match opened.upgraded_from {
            Some(_) => fill(&w.desk_upgraded, &[("client", &label)]),
            None => fill(&w.desk_opened, &[("client", &label)]),
        };
        if !session.unread().is_empty() {
            said.push(' ');
            said.push_str(&fill(&w.desk_unread, &[("n", &session.unread().len())]));
        }
        self.enter(session, said);
    }

    /// Puts an intake on screen at its first unanswered question, or its review.
    fn enter(&mut self, session: IntakeSession<'c>, said: String) {
        let content = session.interview().content();
        let others: Vec<&Content> = self.contents.clone();
        let mut app = App::new(content, self.as_of, self.theme).with_languages(&others, None);
        app.client = Some(session.intake().label());
        app.update(Action::Resize(self.size.0, self.size.1));
        app.resume(session.interview().clone());
        app.message = Some(Message {
            text: said,
            error: false,
        });
        self.message = None;
        self.open = Some(Box::new(Open {
            session,
            app,
            leave_unsaved: false,
        }));
    }

    fn on_intake(&mut self, ev: &Event, key: KeyEvent) {
        let Some(open) = self.open.as_deref_mut() else {
            return;
        };
        if key.code == KeyCode::F(3) && !open.app.too_small() {
            let entry = context_entry(&open.app);
            self.open_notes(entry);
            return;
        }
        if let Some(action) = keys::action(&open.app, ev) {
            self.apply(action);
        }
    }

    /// One action in an open intake: the intake's own keys here, the rest to the
    /// interview, and then whatever changed is saved.
    fn apply(&mut self, action: Action) {
        let w = self.words();
        let Some(open) = self.open.as_deref_mut() else {
            return;
        };
        let free = open.app.dialog.is_none();
        match action {
            Action::Interrupt => return self.close(),
            Action::Quit if free => return self.close(),
            Action::StartOver => return,
            // Printouts from where the interview offers to save: the results and
            // the review (a stray `e` on a question does nothing, as there).
            Action::Export
                if free && matches!(open.app.screen, Screen::Results | Screen::Review) =>
            {
                let intake = open.session.intake();
                let (id, label, language) = (intake.id.clone(), intake.label(), intake.language);
                return self.open_export(id, label, language);
            }
            _ => {}
        }
        let removed = match (&open.app.dialog, action) {
            (Some(Dialog::RemoveEntry(e)), Action::Yes) => Some(*e),
            _ => None,
        };
        let lang = open.app.content().lang;
        open.app.update(action);
        open.leave_unsaved = false;
        if open.app.content().lang != lang {
            // The interview's language is the client's: say that the printout follows.
            let to = Strings::get(open.app.content().lang);
            open.app.message = Some(Message {
                text: fill(
                    &to.desk_language_now,
                    &[("language", &to.tui_language_name)],
                ),
                error: false,
            });
        }
        match open.session.follow(&open.app.interview, removed) {
            Ok(false) => {}
            Ok(true) => open.app.resume(open.session.interview().clone()),
            Err(e) => {
                let reason = crate::intake::clean(&e.to_string());
                open.app.message = Some(Message {
                    text: fill(&w.desk_not_saved, &[("reason", &reason)]),
                    error: true,
                });
            }
        }
        if open.app.screen == Screen::Welcome {
            // Back past the first question: the welcome is for a person on their own
            // (it says nothing is kept), so the intake goes back to the list instead.
            self.close();
        }
    }

    /// Back to the list, the intake saved. When the last save failed, it is tried
    /// again; if it fails again the intake stays open, and leaving a second time
    /// leaves without it.
    fn close(&mut self) {
        let w = self.words();
        let Some(open) = self.open.as_deref_mut() else {
            return;
        };
        if open.session.unsaved()
            && !open.leave_unsaved
            && let Err(e) = open.session.save()
        {
            let reason = crate::intake::clean(&e.to_string());
            open.leave_unsaved = true;
            open.app.message = Some(Message {
                text: fill(&w.desk_not_saved, &[("reason", &reason)]),
                error: true,
            });
            return;
        }
        let Some(open) = self.open.take() else {
            return;
        };
        let intake = open.session.intake();
        let text = fill(&self.words().desk_closed, &[("client", &intake.label())]);
        let id = intake.id.clone();
        self.search.clear();
        self.searching = false;
        self.refresh(Some(&id));
        self.say(text);
    }

    fn open_notes(&mut self, entry: Option<usize>) {
        let Some(open) = self.open.as_deref() else {
            return;
        };
        let intake = open.session.intake();
        // Notes from a hand-edited file are shown without their control characters.
        let field = |note: &str| Field::with_limit(crate::intake::clean_block(note), NOTE_LIMIT);
        let mut notes = vec![(None, field(&intake.note))];
        for e in 0..open.session.interview().entry_count() {
            let note = intake.entries.get(e).map(|x| x.note.as_str());
            notes.push((Some(e), field(note.unwrap_or_default())));
        }
        let at = entry
            .and_then(|e| notes.iter().position(|(n, _)| *n == Some(e)))
            .unwrap_or(0);
        self.dialog = Some(DeskDialog::Notes(NotesForm {
            notes,
            at,
            error: None,
        }));
    }

    fn save_notes(&mut self, form: NotesForm) -> Option<DeskDialog> {
        let w = self.words();
        let open = self.open.as_deref_mut()?;
        for (target, field) in &form.notes {
            let text = field.text().trim();
            let result = match target {
                None if text != open.session.intake().note => open.session.set_note(text),
                Some(e)
                    if open
                        .session
                        .intake()
                        .entries
                        .get(*e)
                        .map(|x| x.note.as_str())
                        != Some(text) =>
                {
                    open.session.set_entry_note(*e, text).map(|_| ())
                }
                _ => Ok(()),
            };
            if let Err(e) = result {
                let reason = crate::intake::clean(&e.to_string());
                return Some(DeskDialog::Notes(NotesForm {
                    error: Some(fill(&w.desk_not_saved, &[("reason", &reason)])),
                    ..form
                }));
            }
        }
        open.app.message = Some(Message {
            text: w.desk_notes_saved.clone(),
            error: false,
        });
        None
    }

    fn open_export_from_list(&mut self) {
        let Some(listed) = self.selected_listed() else {
            return;
        };
        match listed.intake() {
            Some(i) => {
                let (id, label, language) = (i.id.clone(), i.label(), i.language);
                self.open_export(id, label, language);
            }
            None => self.say_error(self.damaged_text(listed)),
        }
    }

    fn open_export(&mut self, id: String, label: String, language: Lang) {
        let (audience, format) = EXPORTS[0];
        let path = export::file_name(&id, audience, format);
        self.dialog = Some(DeskDialog::Export(ExportForm {
            id,
            label,
            language,
            choice: 0,
            path: Field::with_text(path),
            error: None,
        }));
    }

    fn open_tally(&mut self) {
        self.dialog = Some(DeskDialog::Tally(TallyForm {
            all_days: false,
            path: Field::with_text(self.tally_name(false)),
            error: None,
        }));
    }

    /// The suggested file name for the tally: today's, or every day's.
    fn tally_name(&self, all_days: bool) -> String {
        let w = self.words();
        if all_days {
            w.desk_tally_name_all.clone()
        } else {
            fill(&w.desk_tally_name, &[("date", &self.today().to_string())])
        }
    }

    /// The tally the box shows: today's or every day's.
    pub fn tally_range(&self, all_days: bool) -> Range {
        let today = self.today();
        if all_days {
            Range::default()
        } else {
            Range {
                from: Some(today),
                to: Some(today),
            }
        }
    }

    pub fn tally(&self, all_days: bool) -> crate::intake::tally::Tally {
        tally(self.contents[0], &self.listed, self.tally_range(all_days))
    }

    fn on_dialog(&mut self, dialog: DeskDialog, key: KeyEvent) {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        if ctrl && key.code == KeyCode::Char('c') {
            // Closes the box; the next Ctrl-C leaves. Notes typed so far are kept.
            if let DeskDialog::Notes(form) = dialog {
                self.dialog = self.save_notes(form);
            }
            return;
        }
        self.dialog = match dialog {
            DeskDialog::Help => None,
            DeskDialog::Delete { id, label } => match key.code {
                KeyCode::Char('y' | 'Y' | 's' | 'S') => {
                    match self.store.delete(&id) {
                        Ok(()) => self.say(fill(&self.words().desk_deleted, &[("client", &label)])),
                        Err(e) => self.say_error(crate::intake::clean(&e.to_string())),
                    }
                    self.refresh(None);
                    None
                }
                KeyCode::Char('n' | 'N') | KeyCode::Esc | KeyCode::Backspace => None,
                _ => Some(DeskDialog::Delete { id, label }),
            },
            DeskDialog::New(form) => self.on_new(form, key),
            DeskDialog::Notes(form) => self.on_notes(form, key),
            DeskDialog::Export(form) => self.on_export(form, key),
            DeskDialog::Tally(form) => self.on_tally(form, key),
            DeskDialog::Replace { path, text, back } => match key.code {
                KeyCode::Char('y' | 'Y' | 's' | 'S') => self.write(&path, &text, true, *back),
                KeyCode::Char('n' | 'N') | KeyCode::Esc | KeyCode::Backspace => Some(*back),
                _ => Some(DeskDialog::Replace { path, text, back }),
            },
        };
    }

    fn on_new(&mut self, mut form: NewForm, key: KeyEvent) -> Option<DeskDialog> {
        let langs = self.contents.len();
        match key.code {
            KeyCode::Esc => return None,
            KeyCode::Tab | KeyCode::Down => form.focus = (form.focus + 1) % 3,
            KeyCode::BackTab | KeyCode::Up => form.focus = (form.focus + 2) % 3,
            KeyCode::Left | KeyCode::Right if form.focus == 2 => {
                form.lang = (form.lang + 1) % langs;
            }
            KeyCode::Char(' ') if form.focus == 2 => form.lang = (form.lang + 1) % langs,
            KeyCode::Enter => return self.create(form),
            _ => {
                let field = match form.focus {
                    0 => &mut form.name,
                    1 => &mut form.number,
                    _ => return Some(DeskDialog::New(form)),
                };
                edit_field(field, key);
            }
        }
        form.error = None;
        Some(DeskDialog::New(form))
    }

    fn create(&mut self, mut form: NewForm) -> Option<DeskDialog> {
        let (name, number) = (form.name.text().trim(), form.number.text().trim());
        if name.is_empty() && number.is_empty() {
            form.error = Some(self.words().desk_new_need.clone());
            form.focus = 0;
            return Some(DeskDialog::New(form));
        }
        let content = self.contents[form.lang.min(self.contents.len() - 1)];
        match IntakeSession::create(&self.store, content, self.as_of, name, number) {
            Ok(session) => {
                let said = fill(
                    &self.words().desk_started,
                    &[("client", &session.intake().label())],
                );
                self.enter(session, said);
                None
            }
            Err(e) => {
                form.error = Some(crate::intake::clean(&e.to_string()));
                Some(DeskDialog::New(form))
            }
        }
    }

    fn on_notes(&mut self, mut form: NotesForm, key: KeyEvent) -> Option<DeskDialog> {
        match key.code {
            KeyCode::Esc => return None,
            KeyCode::Enter => return self.save_notes(form),
            KeyCode::Tab => form.at = (form.at + 1) % form.notes.len(),
            KeyCode::BackTab => form.at = (form.at + form.notes.len() - 1) % form.notes.len(),
            _ => {
                if let Some((_, field)) = form.notes.get_mut(form.at) {
                    edit_field(field, key);
                }
            }
        }
        form.error = None;
        Some(DeskDialog::Notes(form))
    }

    fn on_export(&mut self, mut form: ExportForm, key: KeyEvent) -> Option<DeskDialog> {
        let moved = match key.code {
            KeyCode::Esc => return None,
            KeyCode::Up => Some(form.choice.saturating_sub(1)),
            KeyCode::Down | KeyCode::Tab => Some((form.choice + 1).min(EXPORTS.len() - 1)),
            KeyCode::Enter => return self.export(form),
            _ => {
                edit_field(&mut form.path, key);
                None
            }
        };
        if let Some(choice) = moved {
            // A name the volunteer typed is theirs; the suggested one follows the choice.
            let (a, f) = EXPORTS[form.choice];
            if form.path.text() == export::file_name(&form.id, a, f) {
                let (a, f) = EXPORTS[choice];
                form.path = Field::with_text(export::file_name(&form.id, a, f));
            }
            form.choice = choice;
        }
        form.error = None;
        Some(DeskDialog::Export(form))
    }

    fn export(&mut self, mut form: ExportForm) -> Option<DeskDialog> {
        if form.path.text().trim().is_empty() {
            form.error = Some(self.words().tui_export_no_path.clone());
            return Some(DeskDialog::Export(form));
        }
        let intake = match &self.open {
            Some(open) if open.session.intake().id == form.id => open.session.intake().clone(),
            _ => match self.store.open_intake(&form.id) {
                Ok(opened) => opened.intake,
                Err(e) => {
                    form.error = Some(crate::intake::clean(&e.to_string()));
                    return Some(DeskDialog::Export(form));
                }
            },
        };
        let (audience, format) = EXPORTS[form.choice];
        let content = self.content_in(export::language(&intake, audience));
        let text = export::export(content, &intake, self.as_of, audience, format);
        let path = file_export::resolve(form.path.text());
        self.write(&path, &text, false, DeskDialog::Export(form))
    }

    fn on_tally(&mut self, mut form: TallyForm, key: KeyEvent) -> Option<DeskDialog> {
        match key.code {
            KeyCode::Esc => return None,
            KeyCode::Up | KeyCode::Down | KeyCode::Tab => {
                // The suggested name follows the choice; a typed one is kept.
                if form.path.text() == self.tally_name(form.all_days) {
                    form.path = Field::with_text(self.tally_name(!form.all_days));
                }
                form.all_days = !form.all_days;
            }
            KeyCode::Enter => {
                if form.path.text().trim().is_empty() {
                    form.error = Some(self.words().tui_export_no_path.clone());
                    return Some(DeskDialog::Tally(form));
                }
                let range = self.tally_range(form.all_days);
                let csv = self.tally(form.all_days).csv(range);
                let path = file_export::resolve(form.path.text());
                return self.write(&path, &csv, false, DeskDialog::Tally(form));
            }
            _ => edit_field(&mut form.path, key),
        }
        form.error = None;
        Some(DeskDialog::Tally(form))
    }

    /// Writes a printout or the tally, owner-only, asking before replacing a file.
    /// Returns the box to show next: none when written.
    fn write(
        &mut self,
        path: &std::path::Path,
        text: &str,
        replace: bool,
        back: DeskDialog,
    ) -> Option<DeskDialog> {
        let w = self.words();
        match file_export::write(path, text, replace) {
            Ok(Written::Saved(p)) => {
                let said = super::strings::saved(w, &p.display().to_string());
                match self.open.as_deref_mut() {
                    Some(open) => {
                        open.app.message = Some(Message {
                            text: said,
                            error: false,
                        })
                    }
                    None => self.say(said),
                }
                None
            }
            Ok(Written::Exists(p)) => Some(DeskDialog::Replace {
                path: p,
                text: text.to_string(),
                back: Box::new(back),
            }),
            Err(e) => {
                let error = Some(super::strings::not_saved(w, &e.to_string()));
                Some(match back {
                    DeskDialog::Export(form) => DeskDialog::Export(ExportForm { error, ..form }),
                    DeskDialog::Tally(form) => DeskDialog::Tally(TallyForm { error, ..form }),
                    other => other,
                })
            }
        }
    }
}

/// The entry the volunteer is looking at, for the notes box to open on.
fn context_entry(app: &App) -> Option<usize> {
    match app.screen {
        Screen::Question => app.interview.asking().and_then(|a| a.entry),
        Screen::Entries => (app.selected < app.interview.entry_count()).then_some(app.selected),
        Screen::Review => match app.review_rows().get(app.selected) {
            Some(ReviewRow::Answer { entry, .. }) => *entry,
            Some(ReviewRow::Heading(entry)) => *entry,
            _ => None,
        },
        _ => match app.interview.stage() {
            Stage::Entry(e) => Some(e),
            _ => None,
        },
    }
}

/// The keys of a one-line field.
fn edit_field(field: &mut Field, key: KeyEvent) {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    match key.code {
        KeyCode::Char('u') if ctrl => field.clear(),
        KeyCode::Char(c) if !ctrl => field.insert(c),
        KeyCode::Backspace => field.backspace(),
        KeyCode::Delete => field.delete(),
        KeyCode::Left => field.left(),
        KeyCode::Right => field.right(),
        KeyCode::Home => field.home(),
        KeyCode::End => field.end(),
        _ => {}
    }
}

/// Runs the client list until the volunteer quits or a termination signal arrives.
pub fn run(store: Store, contents: Vec<&Content>, as_of: NaiveDate) -> ExitCode {
    super::exit_code(run_loop(store, contents, as_of))
}

fn run_loop(store: Store, contents: Vec<&Content>, as_of: NaiveDate) -> io::Result<Option<i32>> {
    let signals = terminal::Signals::watch()?;
    super::watch_for_hangup();
    let mut guard = terminal::enter()?;
    let size = guard.terminal.size()?;
    let mut desk = Desk::new(store, contents, as_of, Theme::from_env());
    desk.event(&Event::Resize(size.width, size.height));
    let mut dirty = true;
    loop {
        if let Some(signal) = signals.received() {
            // Every change was saved when it was made; there is nothing to finish.
            return Ok(Some(signal));
        }
        if dirty {
            guard.terminal.draw(|frame| view::render(&desk, frame))?;
            dirty = false;
        }
        let ready = match event::poll(super::TICK) {
            Ok(ready) => ready,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => false,
            Err(e) => return Err(e),
        };
        if ready {
            desk.event(&event::read()?);
            dirty = true;
        }
        dirty |= desk.tick(Instant::now());
        if desk.should_quit() {
            return Ok(None);
        }
    }
}
