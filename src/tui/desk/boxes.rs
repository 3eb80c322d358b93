//! The boxes over the list or an intake: new intake, notes, printouts, the tally,
//! delete and replace, each taking the keys until it closes.

use std::path::PathBuf;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::Desk;
use crate::content::Lang;
use crate::intake::export::{self, Audience, Format};
use crate::intake::session::OpenIntake;
use crate::intake::tally::{Range, Tally, tally};
use crate::strings::fill;
use crate::tui::app::{Message, Mode};
use crate::tui::export::{self as file_export, Written};
use crate::tui::field::Field;
use crate::tui::keys;

/// A box over the list or the interview that takes the keys until it closes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DeskDialog {
    Help,
    New(NewForm),
    /// The open intake's client: name, number, language.
    Details(NewForm),
    Delete {
        id: String,
        label: String,
    },
    Notes(NotesForm),
    Export(ExportForm),
    Tally(TallyForm),
    /// A change could not be saved: the whole reason, wrapped.
    NotSaved(String),
    /// Another desk saved the intake meanwhile: what was done about it.
    Conflict(String),
    /// The intake just opened is open at another desk too.
    Held(String),
    /// Leaving while the last change is not saved (the reason): try again, save a
    /// copy elsewhere, or leave without it.
    Leave(String),
    /// Where to write a copy of the intake; back to `Leave` with its reason.
    Copy(CopyForm),
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
pub struct CopyForm {
    pub path: Field,
    /// Why the intake's own file could not be saved.
    pub reason: String,
    pub error: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TallyForm {
    pub all_days: bool,
    pub path: Field,
    pub error: Option<String>,
}

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

/// The longest note a volunteer types in one go.
const NOTE_LIMIT: usize = 4000;

impl Desk<'_> {
    pub(super) fn open_notes(&mut self, entry: Option<usize>) {
        let Some(open) = self.open.as_deref() else {
            return;
        };
        let intake = open.file.intake();
        // Notes from a hand-edited file are shown without their control characters.
        let field = |note: &str| Field::with_limit(crate::intake::clean_block(note), NOTE_LIMIT);
        let mut notes = vec![(None, field(&intake.note))];
        for e in 0..open.app.interview.entry_count() {
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

    pub(super) fn save_notes(&mut self, form: NotesForm) -> Option<DeskDialog> {
        let w = self.words();
        let open = self.open.as_deref_mut()?;
        for (target, field) in &form.notes {
            let text = field.text().trim();
            let result = match target {
                None if text != open.file.intake().note => {
                    open.file.set_note(&open.app.interview, text)
                }
                Some(e)
                    if open.file.intake().entries.get(*e).map(|x| x.note.as_str())
                        != Some(text) =>
                {
                    open.file
                        .set_entry_note(&open.app.interview, *e, text)
                        .map(|_| ())
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

    pub(super) fn open_export_from_list(&mut self) {
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

    pub(super) fn open_export(&mut self, id: String, label: String, language: Lang) {
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

    pub(super) fn open_tally(&mut self) {
        self.dialog = Some(DeskDialog::Tally(TallyForm {
            all_days: false,
            path: Field::with_text(self.tally_name(false)),
            error: None,
        }));
    }

    /// The suggested file name for the tally: today's, or every day's.
    pub(super) fn tally_name(&self, all_days: bool) -> String {
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

    pub fn tally(&self, all_days: bool) -> Tally {
        tally(self.contents[0], &self.listed, self.tally_range(all_days))
    }

    pub(super) fn on_dialog(&mut self, dialog: DeskDialog, key: KeyEvent) {
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
                KeyCode::Char('n' | 'N') | KeyCode::Esc => None,
                _ => Some(DeskDialog::Delete { id, label }),
            },
            DeskDialog::New(form) => self.on_new(form, key, false),
            DeskDialog::Details(form) => self.on_new(form, key, true),
            DeskDialog::Notes(form) => self.on_notes(form, key),
            DeskDialog::Export(form) => self.on_export(form, key),
            DeskDialog::Tally(form) => self.on_tally(form, key),
            DeskDialog::NotSaved(_) | DeskDialog::Conflict(_) | DeskDialog::Held(_) => {
                match key.code {
                    KeyCode::Enter | KeyCode::Esc | KeyCode::Char(' ') => None,
                    _ => Some(dialog),
                }
            }
            DeskDialog::Leave(reason) => self.on_leave(reason, key),
            DeskDialog::Copy(form) => self.on_copy(form, key),
            DeskDialog::Replace { path, text, back } => match key.code {
                KeyCode::Char('y' | 'Y' | 's' | 'S') => self.write(&path, &text, true, *back),
                KeyCode::Char('n' | 'N') | KeyCode::Esc => Some(*back),
                _ => Some(DeskDialog::Replace { path, text, back }),
            },
        };
    }

    /// The new intake's box, or (`details`) the open client's details.
    pub(super) fn on_new(
        &mut self,
        mut form: NewForm,
        key: KeyEvent,
        details: bool,
    ) -> Option<DeskDialog> {
        let langs = self.contents.len();
        let again = |form| match details {
            false => Some(DeskDialog::New(form)),
            true => Some(DeskDialog::Details(form)),
        };
        match key.code {
            KeyCode::Esc => return None,
            KeyCode::Enter if details => return self.save_details(form),
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
                    _ => return again(form),
                };
                edit_field(field, key);
            }
        }
        form.error = None;
        again(form)
    }

    /// The box on leaving with a change not saved: each choice said in words.
    fn on_leave(&mut self, reason: String, key: KeyEvent) -> Option<DeskDialog> {
        let open = self.open.as_deref_mut()?;
        match key.code {
            KeyCode::Char('r' | 'R') => match open.file.save(&open.app.interview) {
                Ok(()) => {
                    self.leave();
                    None
                }
                Err(e) => Some(DeskDialog::Leave(crate::intake::clean(&e.to_string()))),
            },
            KeyCode::Char('c' | 'C') => {
                let name = format!("~/{}.ron", open.file.intake().id);
                Some(DeskDialog::Copy(CopyForm {
                    path: Field::with_text(name),
                    reason,
                    error: None,
                }))
            }
            KeyCode::Char('l' | 'L') => {
                self.leave();
                None
            }
            KeyCode::Esc => None,
            _ => Some(DeskDialog::Leave(reason)),
        }
    }

    fn on_copy(&mut self, mut form: CopyForm, key: KeyEvent) -> Option<DeskDialog> {
        let w = self.words();
        match key.code {
            KeyCode::Esc => return Some(DeskDialog::Leave(form.reason)),
            KeyCode::Enter => {
                let open = self.open.as_deref_mut()?;
                let path = file_export::resolve(form.path.text());
                let shown = path.display().to_string();
                form.error = Some(match open.file.save_copy(&open.app.interview, &path) {
                    Ok(Written::Saved(_)) => {
                        let label = open.file.intake().label();
                        self.leave();
                        let text =
                            fill(&w.desk_copy_saved, &[("client", &label), ("path", &shown)]);
                        self.message = Some(Message { text, error: true });
                        return None;
                    }
                    Ok(Written::Exists(_)) => fill(&w.desk_copy_exists, &[("path", &shown)]),
                    Err(e) => crate::tui::strings::not_saved(
                        w,
                        &crate::tui::strings::why_not_written(w, &e),
                    ),
                });
                return Some(DeskDialog::Copy(form));
            }
            _ => edit_field(&mut form.path, key),
        }
        form.error = None;
        Some(DeskDialog::Copy(form))
    }

    /// The client's details box over the open intake.
    pub(super) fn open_details(&mut self) {
        let languages = self.languages();
        let Some(open) = self.open.as_deref() else {
            return;
        };
        let intake = open.file.intake();
        self.dialog = Some(DeskDialog::Details(NewForm {
            name: Field::with_text(crate::intake::clean(&intake.name)),
            number: Field::with_text(crate::intake::clean(&intake.number)),
            lang: languages
                .iter()
                .position(|l| *l == intake.language)
                .unwrap_or(0),
            focus: 0,
            error: None,
        }));
    }

    /// Saves the client's details: the only place the client's language changes.
    pub(super) fn save_details(&mut self, mut form: NewForm) -> Option<DeskDialog> {
        let w = self.words();
        let lang = self.languages()[form.lang.min(self.contents.len() - 1)];
        let open = self.open.as_deref_mut()?;
        let interview = &open.app.interview;
        let saved = open
            .file
            .set_client(interview, form.name.text(), form.number.text())
            .and_then(|()| open.file.set_language(interview, lang));
        if let Err(e) = saved {
            form.error = Some(crate::intake::clean(&e.to_string()));
            return Some(DeskDialog::Details(form));
        }
        let intake = open.file.intake();
        open.app.mode = Mode::Desk {
            client: intake.label(),
        };
        open.app.message = Some(Message {
            text: fill(
                &w.desk_details_saved,
                &[
                    ("client", &intake.label()),
                    (
                        "language",
                        &crate::strings::Strings::get(lang).tui_language_name,
                    ),
                ],
            ),
            error: false,
        });
        None
    }

    pub(super) fn create(&mut self, mut form: NewForm) -> Option<DeskDialog> {
        let (name, number) = (form.name.text().trim(), form.number.text().trim());
        if name.is_empty() && number.is_empty() {
            form.error = Some(self.words().desk_new_need.clone());
            form.focus = 0;
            return Some(DeskDialog::New(form));
        }
        let content = self.contents[form.lang.min(self.contents.len() - 1)];
        match OpenIntake::create(&self.store, content, self.as_of, name, number) {
            Ok((file, interview)) => {
                let said = fill(
                    &self.words().desk_started,
                    &[("client", &file.intake().label())],
                );
                self.enter(file, interview, said);
                None
            }
            Err(e) => {
                form.error = Some(crate::intake::clean(&e.to_string()));
                Some(DeskDialog::New(form))
            }
        }
    }

    pub(super) fn on_notes(&mut self, mut form: NotesForm, key: KeyEvent) -> Option<DeskDialog> {
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

    pub(super) fn on_export(&mut self, mut form: ExportForm, key: KeyEvent) -> Option<DeskDialog> {
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

    pub(super) fn export(&mut self, mut form: ExportForm) -> Option<DeskDialog> {
        if form.path.text().trim().is_empty() {
            form.error = Some(self.words().tui_export_no_path.clone());
            return Some(DeskDialog::Export(form));
        }
        let intake = match &self.open {
            Some(open) if open.file.intake().id == form.id => open.file.intake().clone(),
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

    pub(super) fn on_tally(&mut self, mut form: TallyForm, key: KeyEvent) -> Option<DeskDialog> {
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
    pub(super) fn write(
        &mut self,
        path: &std::path::Path,
        text: &str,
        replace: bool,
        back: DeskDialog,
    ) -> Option<DeskDialog> {
        let w = self.words();
        match file_export::write(path, text, replace) {
            Ok(Written::Saved(p)) => {
                let said = crate::tui::strings::saved(w, &p.display().to_string());
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
                let reason = crate::tui::strings::why_not_written(w, &e);
                let error = Some(crate::tui::strings::not_saved(w, &reason));
                Some(match back {
                    DeskDialog::Export(form) => DeskDialog::Export(ExportForm { error, ..form }),
                    DeskDialog::Tally(form) => DeskDialog::Tally(TallyForm { error, ..form }),
                    other => other,
                })
            }
        }
    }
}

/// A key in one of the boxes' fields, edited as every field is.
fn edit_field(field: &mut Field, key: KeyEvent) {
    if let Some(action) = keys::field_action(&key) {
        field.edit(action);
    }
}
