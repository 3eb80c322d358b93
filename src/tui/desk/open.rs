//! An intake on screen: the interview in the desk's mode, the desk's own keys (notes,
//! details) taken first, and the interview's effects acted on: every change to the
//! answers handed to the open intake, which saves it.

use ratatui::crossterm::event::{Event, KeyCode, KeyEvent};

use super::{Desk, DeskDialog, Open};
use crate::content::Content;
use crate::engine::Interview;
use crate::intake::session::OpenIntake;
use crate::strings::{Strings, fill};
use crate::tui::app::{Action, App, Effect, Message, Mode};
use crate::tui::keys;

impl<'c> Desk<'c> {
    /// Puts an intake on screen at its first unanswered question, or its review. The
    /// screen takes the interview: it is the only copy, and the file follows it.
    pub(super) fn enter(&mut self, file: OpenIntake, interview: Interview<'c>, said: String) {
        let content = interview.content();
        let others: Vec<&Content> = self.contents.clone();
        let client = file.intake().label();
        // For an interpreter, the language that is not the client's.
        let second = others
            .iter()
            .map(|c| c.lang)
            .find(|&l| self.interpreter && l != content.lang);
        let mut app = App::new(content, self.as_of, self.theme)
            .with_languages(&others, second)
            .with_mode(Mode::Desk { client });
        app.update(Action::Resize(self.size.0, self.size.1));
        app.resume(interview);
        app.message = Some(Message {
            text: said,
            error: false,
        });
        self.message = None;
        self.open = Some(Box::new(Open { file, app }));
    }

    pub(super) fn on_intake(&mut self, ev: &Event, key: KeyEvent) {
        let Some(open) = self.open.as_deref_mut() else {
            return;
        };
        if key.code == KeyCode::F(3) && !open.app.too_small() {
            let entry = open.app.entry_in_view();
            self.open_notes(entry);
            return;
        }
        if key.code == KeyCode::F(4) && !open.app.too_small() {
            return self.open_details();
        }
        if let Some(action) = keys::action(&open.app, ev) {
            self.apply(action);
        }
    }

    /// One action in an open intake: the interview takes it, then the desk acts on
    /// what it did: leaving, the printouts, and saving whatever changed.
    pub(super) fn apply(&mut self, action: Action) {
        let Some(open) = self.open.as_deref_mut() else {
            return;
        };
        let was_unsaved = open.file.unsaved();
        let mut changed = false;
        let mut removed = None;
        for effect in open.app.update(action) {
            match effect {
                Effect::Leave => return self.close(),
                Effect::Export => {
                    let intake = open.file.intake();
                    let (id, label, language) =
                        (intake.id.clone(), intake.label(), intake.language);
                    return self.open_export(id, label, language);
                }
                Effect::LanguageChanged => {
                    // Only the screen changed: say that the client's printout did not
                    // follow.
                    let to = open.app.words();
                    let client = Strings::get(open.file.intake().language);
                    open.app.message = Some(Message {
                        text: fill(
                            &to.desk_screen_language,
                            &[
                                ("language", &to.tui_language_name),
                                ("client_language", &client.tui_language_name),
                            ],
                        ),
                        error: false,
                    });
                }
                Effect::AnswersChanged => changed = true,
                Effect::EntryRemoved { entry, count } => removed = Some((entry, count)),
                Effect::Print | Effect::StartedOver => {}
            }
        }
        // After a failed save every action tries again, so the file catches up as
        // soon as it can be written.
        if !changed && removed.is_none() && !was_unsaved {
            return;
        }
        if let Some(given) = open.file.take_change(&open.app.interview, removed) {
            open.app.resume(given);
        }
        self.save_open(was_unsaved);
    }

    /// Saves the open intake; a failure is said in the footer, and the first one in
    /// a box with the whole reason.
    pub(super) fn save_open(&mut self, was_unsaved: bool) {
        let w = self.words();
        let Some(open) = self.open.as_deref_mut() else {
            return;
        };
        if let Err(e) = open.file.save(&open.app.interview) {
            let text = fill(
                &w.desk_not_saved,
                &[("reason", &crate::sanitize::flat(&e.to_string()))],
            );
            open.app.message = Some(Message {
                text: text.clone(),
                error: true,
            });
            // The footer has one line; the first failure shows the whole reason.
            if !was_unsaved {
                self.dialog = Some(DeskDialog::NotSaved(text));
            }
        }
    }

    /// Back to the list, the intake saved. When the last save failed, it is tried
    /// again; if it fails again, a box says why and asks: try again, save a copy
    /// elsewhere, or leave without the change.
    pub(super) fn close(&mut self) {
        let Some(open) = self.open.as_deref_mut() else {
            return;
        };
        if open.file.unsaved()
            && let Err(e) = open.file.save(&open.app.interview)
        {
            self.dialog = Some(DeskDialog::Leave(crate::sanitize::flat(&e.to_string())));
            return;
        }
        self.leave();
    }

    /// Back to the list now, saying whether every answer is in the file.
    pub(super) fn leave(&mut self) {
        let Some(open) = self.open.take() else {
            return;
        };
        let intake = open.file.intake();
        let lost = open.file.unsaved();
        let w = self.words();
        let said = if lost {
            &w.desk_left_unsaved
        } else {
            &w.desk_closed
        };
        let text = fill(said, &[("client", &intake.label())]);
        let id = intake.id.clone();
        self.search.clear();
        self.searching = false;
        self.refresh(Some(&id));
        self.message = Some(Message { text, error: lost });
    }
}
