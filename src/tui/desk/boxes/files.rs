//! The boxes that write a file: the printouts for the client or the attorney, the
//! tally, and, when the intake's own file cannot be saved, the box that offers a copy
//! elsewhere on leaving and the box that writes it.

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use crate::content::Lang;
use crate::intake::export;
use crate::intake::tally::{Range, Tally, tally};
use crate::report::{Audience, Format};
use crate::strings::fill;
use crate::tui::app::Message;
use crate::tui::desk::Desk;
use crate::tui::export::{self as file_export, Written};
use crate::tui::field::Field;

use super::{DeskDialog, edit_field};

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

impl Desk<'_> {
    pub(in crate::tui::desk) fn open_export_from_list(&mut self) {
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

    pub(in crate::tui::desk) fn open_export(&mut self, id: String, label: String, language: Lang) {
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

    pub(in crate::tui::desk) fn open_tally(&mut self) {
        self.dialog = Some(DeskDialog::Tally(TallyForm {
            all_days: false,
            path: Field::with_text(self.tally_name(false)),
            error: None,
        }));
    }

    /// The suggested file name for the tally: today's, or every day's.
    pub(in crate::tui::desk) fn tally_name(&self, all_days: bool) -> String {
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

    /// The box on leaving with a change not saved: each choice said in words.
    pub(in crate::tui::desk) fn on_leave(
        &mut self,
        reason: String,
        key: KeyEvent,
    ) -> Option<DeskDialog> {
        let open = self.open.as_deref_mut()?;
        match key.code {
            KeyCode::Char('r' | 'R') => match open.file.save(&open.app.interview) {
                Ok(()) => {
                    self.leave();
                    None
                }
                Err(e) => Some(DeskDialog::Leave(crate::sanitize::flat(&e.to_string()))),
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

    pub(in crate::tui::desk) fn on_copy(
        &mut self,
        mut form: CopyForm,
        key: KeyEvent,
    ) -> Option<DeskDialog> {
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

    pub(in crate::tui::desk) fn on_export(
        &mut self,
        mut form: ExportForm,
        key: KeyEvent,
    ) -> Option<DeskDialog> {
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

    pub(in crate::tui::desk) fn export(&mut self, mut form: ExportForm) -> Option<DeskDialog> {
        if form.path.text().trim().is_empty() {
            form.error = Some(self.words().tui_export_no_path.clone());
            return Some(DeskDialog::Export(form));
        }
        let intake = match &self.open {
            Some(open) if open.file.intake().id == form.id => open.file.intake().clone(),
            _ => match self.store.open_intake(&form.id) {
                Ok(opened) => opened.intake,
                Err(e) => {
                    form.error = Some(crate::sanitize::flat(&e.to_string()));
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

    pub(in crate::tui::desk) fn on_tally(
        &mut self,
        mut form: TallyForm,
        key: KeyEvent,
    ) -> Option<DeskDialog> {
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
    pub(in crate::tui::desk) fn write(
        &mut self,
        path: &std::path::Path,
        text: &str,
        replace: bool,
        back: DeskDialog,
    ) -> Option<DeskDialog> {
        let w = self.words();
        match file_export::write(path, text, replace) {
            Ok(Written::Saved(p)) => {
                let shown = p.display().to_string();
                // Intakes are encrypted; a printout is meant to be read, so it is not.
                let said = if self.store().is_encrypted() {
                    crate::strings::fill(&w.desk_export_unprotected, &[("path", &shown)])
                } else {
                    crate::tui::strings::saved(w, &shown)
                };
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
