//! Reading a RAP sheet into a client's intake: the box that asks for the file, and,
//! when the sheet differs from answers already given, the box that shows both and
//! asks which to keep. Nothing given is replaced without that question.

use std::path::Path;

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use crate::intake::Intake;
use crate::model::{FactId, Person};
use crate::rapsheet::file::Answered;
use crate::report;
use crate::strings::fill;
use crate::tui::desk::Desk;
use crate::tui::field::Field;

use super::{DeskDialog, edit_field};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportForm {
    pub id: String,
    pub label: String,
    pub path: Field,
    pub error: Option<String>,
}

/// A sheet read whose answers differ from some already given: each difference in
/// words, and what was read, kept until the volunteer chooses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportChoice {
    pub id: String,
    pub label: String,
    pub differs: Vec<String>,
    /// The first difference shown, when there are more than the box holds.
    pub top: usize,
    pub read: Box<Answered>,
}

impl Desk<'_> {
    /// The box asking for a RAP sheet file, for the selected intake.
    pub(in crate::tui::desk) fn open_rap_sheet(&mut self) {
        let Some(listed) = self.selected_listed() else {
            return;
        };
        let Some(intake) = listed.intake() else {
            return self.say_error(self.damaged_text(listed));
        };
        self.dialog = Some(DeskDialog::Import(ImportForm {
            id: intake.id.clone(),
            label: intake.label(),
            path: Field::default(),
            error: None,
        }));
    }

    pub(in crate::tui::desk) fn on_import(
        &mut self,
        mut form: ImportForm,
        key: KeyEvent,
    ) -> Option<DeskDialog> {
        match key.code {
            KeyCode::Esc => return None,
            KeyCode::Enter => match self.read_sheet(&form) {
                Ok(next) => return next,
                Err(e) => {
                    form.error = Some(e);
                    return Some(DeskDialog::Import(form));
                }
            },
            _ => edit_field(&mut form.path, key),
        }
        form.error = None;
        Some(DeskDialog::Import(form))
    }

    /// Reads the sheet the form names; with no answer given that it differs from, it
    /// is taken at once. `Err` is what to say in the box.
    fn read_sheet(&mut self, form: &ImportForm) -> Result<Option<DeskDialog>, String> {
        let typed = form.path.text().trim();
        if typed.is_empty() {
            return Err(self.words().tui_export_no_path.clone());
        }
        let path = crate::tui::export::resolve(typed);
        let intake = self.intake_of(&form.id)?;
        let content = self.content_in(intake.language);
        let read = crate::rapsheet::file::answers(content, Path::new(&path))?;
        let (given, _) = intake.person(content);
        let differs = given.differing(&read.file.person);
        if differs.is_empty() {
            self.take_sheet(intake, read, false);
            return Ok(self.dialog.take());
        }
        let differs = self.differences(content, &given, &read.file.person, &differs);
        Ok(Some(DeskDialog::ImportChoice(ImportChoice {
            id: form.id.clone(),
            label: form.label.clone(),
            differs,
            top: 0,
            read: Box::new(read),
        })))
    }

    pub(in crate::tui::desk) fn on_import_choice(
        &mut self,
        mut choice: ImportChoice,
        key: KeyEvent,
    ) -> Option<DeskDialog> {
        let last = choice.differs.len().saturating_sub(1);
        let replace = match key.code {
            KeyCode::Up => {
                choice.top = choice.top.saturating_sub(1);
                return Some(DeskDialog::ImportChoice(choice));
            }
            KeyCode::Down => {
                choice.top = (choice.top + 1).min(last);
                return Some(DeskDialog::ImportChoice(choice));
            }
            KeyCode::Char('y' | 'Y' | 's' | 'S') => true,
            KeyCode::Char('n' | 'N') => false,
            KeyCode::Esc => return None,
            _ => return Some(DeskDialog::ImportChoice(choice)),
        };
        match self.intake_of(&choice.id) {
            Ok(intake) => {
                self.take_sheet(intake, *choice.read, replace);
                self.dialog.take()
            }
            Err(e) => {
                self.say_error(e);
                None
            }
        }
    }

    /// The intake as its file holds it now.
    fn intake_of(&self, id: &str) -> Result<Intake, String> {
        self.store
            .open_intake(id)
            .map(|opened| opened.intake)
            .map_err(|e| crate::sanitize::flat(&e.to_string()))
    }

    /// Each difference as the box says it: the entry, the question, both answers.
    fn differences(
        &self,
        content: &crate::content::Content,
        given: &Person,
        read: &Person,
        differs: &[(Option<usize>, FactId)],
    ) -> Vec<String> {
        let w = crate::strings::Strings::get(content.lang);
        differs
            .iter()
            .map(|&(entry, fact)| {
                let question = content
                    .questions
                    .iter()
                    .find(|q| q.fact == fact)
                    .map_or(String::new(), |q| q.source.text.clone());
                let (place, now, sheet) = match entry {
                    None => (w.place_person.clone(), &given.person, &read.person),
                    Some(e) => (
                        report::entry_name(w, given, e),
                        &given.cases[e],
                        &read.cases[e],
                    ),
                };
                fill(
                    &w.desk_rap_sheet_differs_row,
                    &[
                        ("entry", &place),
                        ("question", &question),
                        ("given", &report::answer_text(content, fact, now.get(fact))),
                        ("read", &report::answer_text(content, fact, sheet.get(fact))),
                    ],
                )
            })
            .collect()
    }

    /// Writes the sheet's answers into the intake (the ones given kept unless
    /// `replace`), opens it on what the sheet told, and saves it.
    fn take_sheet(&mut self, mut intake: Intake, read: Answered, replace: bool) {
        let content = self.content_in(intake.language);
        let (given, _) = intake.person(content);
        let kept = !replace && !given.differing(&read.file.person).is_empty();
        let mut person = given.clone();
        person.take_from(&read.file.person, replace);
        intake.record(content, &person);
        let w = crate::strings::Strings::get(content.lang);
        // The footer has one line: the file's name without its folder.
        let file = Path::new(&read.name)
            .file_name()
            .map_or(read.name.clone(), |n| n.to_string_lossy().into_owned());
        let mut said = fill(
            &w.desk_rap_sheet_done,
            &[("file", &file), ("client", &intake.label())],
        );
        if kept {
            said.push(' ');
            said.push_str(&w.desk_rap_sheet_kept);
        }
        self.show_intake(intake, said);
        let listing = report::rap_sheet_said(
            content,
            &read.name,
            &read.file.person,
            &read.notes,
            kept.then_some(&given),
        );
        if let Some(open) = self.open.as_deref_mut() {
            open.app.show_read(listing);
        }
        self.save_open(false);
    }
}
