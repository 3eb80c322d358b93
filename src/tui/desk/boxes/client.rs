//! The new intake's box and the open client's details box: name, intake number, and
//! the language the client reads.

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use crate::intake::session::OpenIntake;
use crate::strings::fill;
use crate::tui::app::{Message, Mode};
use crate::tui::desk::Desk;
use crate::tui::field::Field;

use super::{DeskDialog, edit_field};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewForm {
    pub name: Field,
    pub number: Field,
    /// A hand-off code to fill in the answers from (new intakes only).
    pub code: Field,
    /// Index into the languages the desk has.
    pub lang: usize,
    /// 0 name, 1 number, 2 language, 3 code.
    pub focus: usize,
    pub error: Option<String>,
}

impl Desk<'_> {
    /// The new intake's box, or (`details`) the open client's details.
    pub(in crate::tui::desk) fn on_new(
        &mut self,
        mut form: NewForm,
        key: KeyEvent,
        details: bool,
    ) -> Option<DeskDialog> {
        let langs = self.contents.len();
        let fields = if details { 3 } else { 4 };
        let again = |form| match details {
            false => Some(DeskDialog::New(form)),
            true => Some(DeskDialog::Details(form)),
        };
        match key.code {
            KeyCode::Esc => return None,
            KeyCode::Enter if details => return self.save_details(form),
            KeyCode::Tab | KeyCode::Down => form.focus = (form.focus + 1) % fields,
            KeyCode::BackTab | KeyCode::Up => form.focus = (form.focus + fields - 1) % fields,
            KeyCode::Left | KeyCode::Right if form.focus == 2 => {
                form.lang = (form.lang + 1) % langs;
            }
            KeyCode::Char(' ') if form.focus == 2 => form.lang = (form.lang + 1) % langs,
            KeyCode::Enter => return self.create(form),
            _ => {
                let field = match form.focus {
                    0 => &mut form.name,
                    1 => &mut form.number,
                    3 => &mut form.code,
                    _ => return again(form),
                };
                edit_field(field, key);
            }
        }
        form.error = None;
        again(form)
    }

    /// The client's details box over the open intake.
    pub(in crate::tui::desk) fn open_details(&mut self) {
        let languages = self.languages();
        let Some(open) = self.open.as_deref() else {
            return;
        };
        let intake = open.file.intake();
        self.dialog = Some(DeskDialog::Details(NewForm {
            name: Field::with_text(crate::sanitize::flat(&intake.name)),
            number: Field::with_text(crate::sanitize::flat(&intake.number)),
            code: Field::default(),
            lang: languages
                .iter()
                .position(|l| *l == intake.language)
                .unwrap_or(0),
            focus: 0,
            error: None,
        }));
    }

    /// Saves the client's details: the only place the client's language changes.
    pub(in crate::tui::desk) fn save_details(&mut self, mut form: NewForm) -> Option<DeskDialog> {
        let w = self.words();
        let lang = self.languages()[form.lang.min(self.contents.len() - 1)];
        let open = self.open.as_deref_mut()?;
        let interview = &open.app.interview;
        let saved = open
            .file
            .set_client(interview, form.name.text(), form.number.text())
            .and_then(|()| open.file.set_language(interview, lang));
        if let Err(e) = saved {
            form.error = Some(crate::sanitize::flat(&e.to_string()));
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

    pub(in crate::tui::desk) fn create(&mut self, mut form: NewForm) -> Option<DeskDialog> {
        let (name, number) = (form.name.text().trim(), form.number.text().trim());
        if name.is_empty() && number.is_empty() {
            form.error = Some(self.words().desk_new_need.clone());
            form.focus = 0;
            return Some(DeskDialog::New(form));
        }
        let content = self.contents[form.lang.min(self.contents.len() - 1)];
        let code = form.code.text().trim();
        let decoded = match code {
            "" => None,
            code => match crate::engine::handoff::decode(content, code, self.as_of) {
                Ok(decoded) => Some(decoded),
                Err(e) => {
                    form.error = Some(self.words().code_refusal(&e));
                    form.focus = 3;
                    return Some(DeskDialog::New(form));
                }
            },
        };
        let answers = decoded.as_ref().map(|d| d.interview.person());
        match OpenIntake::create(&self.store, content, self.as_of, name, number, answers) {
            Ok((file, interview)) => {
                // From a code, what to check comes first: the line has room for little.
                let said = match &decoded {
                    Some(decoded) => crate::report::code_notices(self.words(), decoded).join(" "),
                    None => fill(
                        &self.words().desk_started,
                        &[("client", &file.intake().label())],
                    ),
                };
                self.enter(file, interview, said);
                None
            }
            Err(e) => {
                form.error = Some(crate::sanitize::flat(&e.to_string()));
                Some(DeskDialog::New(form))
            }
        }
    }
}
