//! The boxes over the list or an intake, each taking the keys until it closes: which
//! box is open ([`DeskDialog`]) and where its keys go. One module per kind of box:
//!
//! - `client`: a new intake, and the open client's details;
//! - `notes`: the notes about the client and each entry;
//! - `files`: the printouts, the tally, and a copy of an intake that could not be
//!   saved; the question before replacing a file;
//! - here: the help, delete, and the boxes that only tell (not saved, conflict, held).

mod client;
mod files;
mod import;
mod notes;

pub use client::NewForm;
pub use files::{CopyForm, EXPORTS, ExportForm, TallyForm};
pub use import::{ImportChoice, ImportForm};
pub use notes::NotesForm;

use std::path::PathBuf;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::strings::fill;
use crate::tui::desk::Desk;
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
    /// The RAP sheet file to read into an intake.
    Import(ImportForm),
    /// The sheet differs from answers already given: take its answers, or keep them?
    ImportChoice(ImportChoice),
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

impl Desk<'_> {
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
                        Err(e) => self.say_error(crate::sanitize::flat(&e.to_string())),
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
            DeskDialog::Import(form) => self.on_import(form, key),
            DeskDialog::ImportChoice(choice) => self.on_import_choice(choice, key),
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
}

/// A key in one of the boxes' fields, edited as every field is.
fn edit_field(field: &mut Field, key: KeyEvent) {
    if let Some(action) = keys::field_action(&key) {
        field.edit(action);
    }
}
