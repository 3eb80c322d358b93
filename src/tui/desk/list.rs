//! The client list: moving, searching, starting, opening, marking done, deleting.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::{Desk, DeskDialog, NewForm};
use crate::intake::session::OpenIntake;
use crate::intake::{Listed, Status};
use crate::strings::fill;
use crate::tui::field::Field;
use crate::tui::keys;

impl Desk<'_> {
    pub(super) fn on_list(&mut self, key: KeyEvent) {
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
            _ if self.searching => self.type_in_search(key),
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
                'i' => self.open_rap_sheet(),
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

    /// A key in the search field: a changed search starts at the top of what it finds.
    fn type_in_search(&mut self, key: KeyEvent) {
        if keys::field_action(&key).is_some_and(|a| self.search.edit(a)) {
            self.selected = 0;
        }
    }

    pub(super) fn open_new_form(&mut self) {
        self.message = None;
        self.dialog = Some(DeskDialog::New(NewForm {
            name: Field::default(),
            number: Field::default(),
            code: Field::default(),
            lang: 0,
            focus: 0,
            error: None,
        }));
    }

    pub(super) fn toggle_done(&mut self) {
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

    pub(super) fn ask_delete(&mut self) {
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

    pub(super) fn damaged_text(&self, listed: &Listed) -> String {
        let reason = match &listed.state {
            Err(damage) => crate::sanitize::flat(&damage.to_string()),
            Ok(_) => String::new(),
        };
        fill(&self.words().desk_damaged_open, &[("reason", &reason)])
    }

    pub(super) fn open_selected(&mut self) {
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
                self.say_error(crate::sanitize::flat(&e.to_string()));
                return self.refresh(None);
            }
        };
        let label = opened.intake.label();
        let w = self.words();
        let said = match opened.upgraded_from {
            Some(_) => fill(&w.desk_upgraded, &[("client", &label)]),
            None => fill(&w.desk_opened, &[("client", &label)]),
        };
        self.show_intake(opened.intake, said);
    }

    /// Puts an intake read from its file on screen, with `said` and what else there is
    /// to say: answers its questions cannot use, and another desk holding it open.
    pub(super) fn show_intake(&mut self, intake: crate::intake::Intake, mut said: String) {
        let label = intake.label();
        let content = self.content_in(intake.language);
        let (file, interview) = OpenIntake::resume(&self.store, content, self.as_of, intake);
        let w = self.words();
        if !file.unread().is_empty() {
            said.push(' ');
            said.push_str(&fill(&w.desk_unread, &[("n", &file.unread().len())]));
        }
        let held = file.held_by().map(|h| {
            fill(
                &w.desk_held_text,
                &[
                    ("client", &label),
                    ("pid", &h.pid),
                    ("host", &h.host),
                    ("since", &h.since),
                ],
            )
        });
        self.enter(file, interview, said);
        self.dialog = held.map(DeskDialog::Held);
    }
}
