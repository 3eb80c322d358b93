//! The entries screen: add another entry, say that is all, add a count to the last
//! case, remove one.

use super::{Action, App, Dialog, Effect, Screen};
use crate::engine::Stage;
use crate::tui::view;

impl App<'_> {
    pub(super) fn on_entries(&mut self, action: Action) {
        let n = self.interview.entry_count();
        let last = n + self.entry_choices() - 1;
        match action {
            Action::Up => self.selected = self.selected.saturating_sub(1),
            Action::Down => self.selected = (self.selected + 1).min(last),
            Action::Top => self.selected = 0,
            Action::Bottom => self.selected = last,
            // The numbered answers, as on a question: 1 add another, 2 that is all, 3
            // another count in the last case where it can have one. A number
            // highlights one; Enter confirms. Entries have no number.
            Action::Digit(d) => {
                if let Some(i) = self.numbered(d, self.entry_choices()) {
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

    /// How many numbered answers the entries screen offers: add another, that is all,
    /// and another count when the last case can take one.
    pub(crate) fn entry_choices(&self) -> usize {
        if self.interview.count_can_follow().is_some() {
            3
        } else {
            2
        }
    }

    pub(super) fn activate_entries(&mut self) {
        let n = self.interview.entry_count();
        if self.selected < n {
            self.dialog = Some(Dialog::RemoveEntry(self.selected));
        } else if self.selected == n {
            self.interview.add_another(true);
            self.follow();
        } else if self.selected == n + 1 {
            self.interview.add_another(false);
            self.follow();
        } else {
            self.interview.add_count();
            self.follow();
        }
    }

    pub(super) fn remove_entry(&mut self, entry: usize) {
        self.dialog = None;
        let count = self.interview.remove_entry(entry);
        self.effects.push(Effect::EntryRemoved { entry, count });
        self.screening = None;
        match self.interview.stage() {
            Stage::Person | Stage::Entry(_) => self.follow(),
            _ => {
                self.screen = Screen::Entries;
                let last = self.interview.entry_count() + self.entry_choices() - 1;
                self.selected = self.selected.min(last);
            }
        }
    }
}
