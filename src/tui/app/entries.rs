//! The entries screen: add another entry, say that is all, remove one.

use super::{Action, App, Dialog, Effect, Screen};
use crate::engine::Stage;
use crate::tui::view;

impl App<'_> {
    pub(super) fn on_entries(&mut self, action: Action) {
        let n = self.interview.entry_count();
        match action {
            Action::Up => self.selected = self.selected.saturating_sub(1),
            Action::Down => self.selected = (self.selected + 1).min(n + 1),
            Action::Top => self.selected = 0,
            Action::Bottom => self.selected = n + 1,
            // The two numbered answers, as on a question: 1 add another, 2 that is all.
            // A number highlights one; Enter confirms. Entries have no number.
            Action::Digit(d) => {
                if let Some(i) = self.numbered(d, 2) {
                    self.selected = n + i;
                }
            }
            Action::Click(x, y) => {
                if let Some(i) = view::entries::item_at(self, x, y) {
                    self.selected = i;
                    self.activate_entries();
                }
            }
            Action::Enter => self.activate_entries(),
            Action::Remove | Action::Delete if self.selected < n => {
                self.dialog = Some(Dialog::RemoveEntry(self.selected));
            }
            Action::Back => {
                if self.interview.stage() == Stage::Done {
                    self.open_review(self.review_back);
                } else {
                    self.go_back();
                }
            }
            _ => {}
        }
    }

    pub(super) fn activate_entries(&mut self) {
        let n = self.interview.entry_count();
        if self.selected < n {
            self.dialog = Some(Dialog::RemoveEntry(self.selected));
        } else if self.selected == n {
            self.interview.add_another(true);
            self.follow();
        } else {
            self.interview.add_another(false);
            self.follow();
        }
    }

    pub(super) fn remove_entry(&mut self, entry: usize) {
        self.dialog = None;
        self.interview.remove_entry(entry);
        self.effects.push(Effect::EntryRemoved(entry));
        self.screening = None;
        match self.interview.stage() {
            Stage::Person | Stage::Entry(_) => self.follow(),
            _ => {
                self.screen = Screen::Entries;
                self.selected = self.selected.min(self.interview.entry_count() + 1);
            }
        }
    }
}
