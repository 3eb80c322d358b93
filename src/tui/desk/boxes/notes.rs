//! The notes box: the volunteer's notes about the client and each entry, saved with
//! the intake.

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use crate::strings::fill;
use crate::tui::app::Message;
use crate::tui::desk::Desk;
use crate::tui::field::Field;

use super::{DeskDialog, edit_field};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotesForm {
    /// The client's note (`None`) and each entry's, with the text being edited.
    pub notes: Vec<(Option<usize>, Field)>,
    pub at: usize,
    pub error: Option<String>,
}

/// The longest note a volunteer types in one go.
const NOTE_LIMIT: usize = 4000;

impl Desk<'_> {
    pub(in crate::tui::desk) fn open_notes(&mut self, entry: Option<usize>) {
        let Some(open) = self.open.as_deref() else {
            return;
        };
        let intake = open.file.intake();
        // Notes from a hand-edited file are shown without their control characters.
        let field = |note: &str| Field::with_limit(crate::sanitize::note(note), NOTE_LIMIT);
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

    pub(in crate::tui::desk) fn save_notes(&mut self, form: NotesForm) -> Option<DeskDialog> {
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
                let reason = crate::sanitize::flat(&e.to_string());
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

    pub(in crate::tui::desk) fn on_notes(
        &mut self,
        mut form: NotesForm,
        key: KeyEvent,
    ) -> Option<DeskDialog> {
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
}
