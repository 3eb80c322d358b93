//! An intake on screen: the interview, with every change handed to the session that
//! saves it, and the intake's own keys taken first.

use ratatui::crossterm::event::{Event, KeyCode, KeyEvent};

use super::{Desk, DeskDialog, Open};
use crate::content::Content;
use crate::engine::Stage;
use crate::intake::session::IntakeSession;
use crate::strings::{Strings, fill};
use crate::tui::app::{Action, App, Dialog, Message, Mode, ReviewRow, Screen};
use crate::tui::keys;

impl<'c> Desk<'c> {
    /// Puts an intake on screen at its first unanswered question, or its review.
    pub(super) fn enter(&mut self, session: IntakeSession<'c>, said: String) {
        let content = session.interview().content();
        let others: Vec<&Content> = self.contents.clone();
        let client = session.intake().label();
        let mut app = App::new(content, self.as_of, self.theme)
            .with_languages(&others, None)
            .with_mode(Mode::Desk { client });
        app.update(Action::Resize(self.size.0, self.size.1));
        app.resume(session.interview().clone());
        app.message = Some(Message {
            text: said,
            error: false,
        });
        self.message = None;
        self.open = Some(Box::new(Open { session, app }));
    }

    pub(super) fn on_intake(&mut self, ev: &Event, key: KeyEvent) {
        let Some(open) = self.open.as_deref_mut() else {
            return;
        };
        if key.code == KeyCode::F(3) && !open.app.too_small() {
            let entry = context_entry(&open.app);
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

    /// One action in an open intake: the intake's own keys here, the rest to the
    /// interview, and then whatever changed is saved.
    pub(super) fn apply(&mut self, action: Action) {
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
        let was_unsaved = open.session.unsaved();
        open.app.update(action);
        if open.app.content().lang != lang {
            // Only the screen changed: say that the client's printout did not follow.
            let to = Strings::get(open.app.content().lang);
            let client = Strings::get(open.session.intake().language);
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
        let mut failed = None;
        match open.session.follow(&open.app.interview, removed) {
            Ok(false) => {}
            Ok(true) => open.app.resume(open.session.interview().clone()),
            Err(e) => {
                let text = fill(
                    &w.desk_not_saved,
                    &[("reason", &crate::intake::clean(&e.to_string()))],
                );
                open.app.message = Some(Message {
                    text: text.clone(),
                    error: true,
                });
                // The footer has one line; the first failure shows the whole reason.
                failed = (!was_unsaved).then_some(text);
            }
        }
        let welcome = open.app.screen == Screen::Welcome;
        if let Some(text) = failed {
            self.dialog = Some(DeskDialog::NotSaved(text));
        }
        if welcome {
            // Back past the first question: the welcome is for a person on their own
            // (it says nothing is kept), so the intake goes back to the list instead.
            self.close();
        }
    }

    /// Back to the list, the intake saved. When the last save failed, it is tried
    /// again; if it fails again, a box says why and asks: try again, save a copy
    /// elsewhere, or leave without the change.
    pub(super) fn close(&mut self) {
        let Some(open) = self.open.as_deref_mut() else {
            return;
        };
        if open.session.unsaved()
            && let Err(e) = open.session.save()
        {
            self.dialog = Some(DeskDialog::Leave(crate::intake::clean(&e.to_string())));
            return;
        }
        self.leave();
    }

    /// Back to the list now, saying whether every answer is in the file.
    pub(super) fn leave(&mut self) {
        let Some(open) = self.open.take() else {
            return;
        };
        let intake = open.session.intake();
        let lost = open.session.unsaved();
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
