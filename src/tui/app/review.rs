//! The review: every answer as a row; Enter changes one, remembering the results
//! before so the change can be shown.

use super::{Action, App, Edit, ReviewRow, Screen};
use crate::strings::fill;
use crate::tui::view;

impl App<'_> {
    pub fn review_rows(&self) -> Vec<ReviewRow> {
        let mut rows = vec![ReviewRow::ShowResults, ReviewRow::ManageEntries];
        let sections = std::iter::once(None).chain((0..self.interview.entry_count()).map(Some));
        for entry in sections {
            rows.push(ReviewRow::Heading(entry));
            rows.extend(
                self.interview
                    .answered(entry)
                    .into_iter()
                    .map(|(question, _)| ReviewRow::Answer { entry, question }),
            );
        }
        rows
    }

    pub(super) fn open_review(&mut self, back: Screen) {
        self.screen = Screen::Review;
        self.review_back = back;
        self.selected = 0;
    }

    pub(super) fn on_review(&mut self, action: Action) {
        let rows = self.review_rows();
        match action {
            Action::Up => self.step_selection(-1, 1),
            Action::Down => self.step_selection(1, 1),
            Action::PageUp => self.step_selection(-1, self.page()),
            Action::PageDown => self.step_selection(1, self.page()),
            Action::Top => self.selected = 0,
            Action::Bottom => self.selected = rows.len().saturating_sub(1),
            Action::Click(x, y) => {
                if let Some(i) = view::review::item_at(self, x, y) {
                    self.selected = i;
                    self.activate_review(&rows);
                }
            }
            Action::Enter => self.activate_review(&rows),
            Action::Source => self.next_source(&rows),
            Action::ShowResults => self.open_results(),
            Action::Back => {
                self.changes = None;
                match self.review_back {
                    Screen::Results => self.open_results(),
                    _ => {
                        self.screen = Screen::Entries;
                        self.selected = self.interview.entry_count() + 1;
                    }
                }
            }
            _ => {}
        }
    }

    /// Gives the answer selected the next source ([`Interview::next_source`]), and
    /// says where it now comes from.
    ///
    /// [`Interview::next_source`]: crate::engine::Interview::next_source
    fn next_source(&mut self, rows: &[ReviewRow]) {
        let Some(&ReviewRow::Answer {
            entry: Some(entry),
            question,
        }) = rows.get(self.selected)
        else {
            return;
        };
        let w = self.words();
        let text = match self.interview.next_source(entry, question) {
            Some(source) => fill(&w.tui_source_now, &[("source", &w.source(&source))]),
            None => w.tui_source_entry.clone(),
        };
        self.message = Some(super::Message { text, error: false });
    }

    pub(super) fn activate_review(&mut self, rows: &[ReviewRow]) {
        match rows.get(self.selected) {
            Some(ReviewRow::ShowResults) => self.open_results(),
            Some(ReviewRow::ManageEntries) => {
                self.changes = None;
                self.screen = Screen::Entries;
                self.selected = self.interview.entry_count();
            }
            Some(&ReviewRow::Answer { entry, question }) => {
                let saved = self.interview.clone();
                let before = self
                    .screening
                    .clone()
                    .unwrap_or_else(|| self.interview.results());
                if self.interview.edit(entry, question) {
                    self.changes = None;
                    self.edit = Some(Edit {
                        saved,
                        before,
                        row: self.selected,
                    });
                    self.follow();
                }
            }
            _ => {}
        }
    }

    /// Moves the selection by `n` selectable rows in `dir`.
    pub(super) fn step_selection(&mut self, dir: isize, n: usize) {
        let count = self.item_count();
        let mut at = self.selected;
        for _ in 0..n {
            let mut next = at;
            loop {
                next = match next.checked_add_signed(dir) {
                    Some(i) if i < count => i,
                    _ => break,
                };
                if self.selectable(next) {
                    at = next;
                    break;
                }
            }
        }
        self.selected = at;
    }

    pub(super) fn clamp_selection(&mut self) {
        let count = self.item_count();
        self.selected = self.selected.min(count.saturating_sub(1));
        while self.selected > 0 && !self.selectable(self.selected) {
            self.selected -= 1;
        }
    }
}
