//! The question screen: choosing from the list, typing into the field, going back.

use super::{Action, App, Item, Message, Mode, Refusal, Screen};
use crate::content::model::AnswerKind;
use crate::engine::input;
use crate::engine::{Slot, Value};
use crate::report;
use crate::strings::{fill, options_in};
use crate::tui::field::Field;
use crate::tui::view;

impl App<'_> {
    /// The answers offered for the current question.
    pub fn items(&self) -> Vec<Item> {
        let Some(asking) = self.interview.asking() else {
            return Vec::new();
        };
        let typed = matches!(
            asking.question.answers,
            AnswerKind::Date
                | AnswerKind::Money
                | AnswerKind::Number
                | AnswerKind::Months
                | AnswerKind::Text
        );
        let listed = options_in(asking.question, self.content().lang)
            .into_iter()
            .map(|(slot, label)| Item::Answer(slot, label));
        if typed {
            std::iter::once(Item::Field).chain(listed).collect()
        } else {
            listed.collect()
        }
    }

    /// Shows the current question with its earlier answer, if any, already chosen.
    pub(super) fn sync_question(&mut self) {
        self.field.clear();
        self.field_error = None;
        self.selected = 0;
        let Some(asking) = self.interview.asking() else {
            return;
        };
        let items = self.items();
        match &asking.current {
            Slot::Known(value) if items.first() == Some(&Item::Field) => {
                let text = match asking.question.answers {
                    // In months, so that a short term does not read back as a bare
                    // number the field would refuse as unclear.
                    AnswerKind::Months => {
                        let words = crate::strings::Strings::get(self.content().lang);
                        crate::strings::fill(&words.months_answer, &[("n", &field_text(value))])
                    }
                    _ => field_text(value),
                };
                self.field = Field::with_text(text);
            }
            Slot::Missing => {}
            current => {
                if let Some(i) = items
                    .iter()
                    .position(|it| matches!(it, Item::Answer(s, _) if s == current))
                {
                    self.selected = i;
                }
            }
        }
    }

    pub(super) fn on_question(&mut self, action: Action) {
        let items = self.items();
        let on_field = items.get(self.selected) == Some(&Item::Field);
        match action {
            Action::Up => self.selected = self.selected.saturating_sub(1),
            Action::Down => self.selected = (self.selected + 1).min(items.len().saturating_sub(1)),
            Action::Top => self.selected = 0,
            Action::Bottom => self.selected = items.len().saturating_sub(1),
            Action::Digit(d) => {
                if let Some(i) = self.numbered(d, items.len()) {
                    self.selected = i;
                }
            }
            Action::Click(x, y) => {
                if let Some(i) = view::question::item_at(self, x, y) {
                    self.selected = i;
                    // A click on the field puts the cursor there; it does not submit.
                    if items[i] != Item::Field {
                        self.activate(&items[i]);
                    }
                }
            }
            Action::Enter => {
                if let Some(item) = items.get(self.selected) {
                    self.activate(item);
                }
            }
            Action::Back => self.go_back(),
            // Backspace deletes typed text and nothing else: going back is Esc, so a held
            // Backspace never walks back into earlier answers.
            Action::Backspace if !self.field.is_empty() => {
                if let Some(i) = items.iter().position(|it| *it == Item::Field) {
                    self.selected = i;
                    self.field.backspace();
                    self.field_error = None;
                }
            }
            Action::Char(c) => {
                if let Some(i) = items.iter().position(|it| *it == Item::Field) {
                    self.selected = i;
                    self.field.insert(c);
                    self.field_error = None;
                }
            }
            Action::ClearField => {
                self.field.clear();
                self.field_error = None;
            }
            // The cursor keys and Delete edit the field when it is highlighted.
            Action::Delete | Action::Left | Action::Right | Action::Home | Action::End
                if on_field =>
            {
                self.field.edit(action);
            }
            _ => {}
        }
    }

    pub(super) fn activate(&mut self, item: &Item) {
        let Some(asking) = self.interview.asking() else {
            return;
        };
        let slot = match item {
            Item::Answer(slot, _) => slot.clone(),
            Item::Field => {
                let lang = self.content().lang;
                match input::parse_typed(asking.question, self.field.text(), lang) {
                    Ok(slot) => slot,
                    Err(e) => {
                        self.field_error = Some(Refusal {
                            item: self.selected,
                            text: self.in_both(|_, w| w.refusal(&e)),
                        });
                        return;
                    }
                }
            }
        };
        let fact = self.content().questions[asking.index].fact;
        let understood = self.in_both(|content, w| {
            let answer = report::understood_text(content, fact, &slot);
            fill(&w.understood, &[("answer", &answer)])
        });
        match self.interview.answer(slot) {
            Ok(()) => {
                // The answer as it was read, under the next question, so a misreading
                // shows at once.
                self.message = self.interview.asking().map(|_| Message {
                    text: understood,
                    error: false,
                });
                self.follow();
            }
            Err(e) => {
                self.field_error = Some(Refusal {
                    item: self.selected,
                    text: self.in_both(|c, w| w.refusal_in(c, &e)),
                });
            }
        }
    }

    pub(super) fn go_back(&mut self) {
        // What the next question repeated back is not about the one gone back to.
        self.message = None;
        if let Some(edit) = self.edit.take() {
            // Esc while changing an answer from the review cancels the change whole.
            self.interview = edit.saved;
            self.screen = Screen::Review;
            self.selected = edit.row;
            self.clamp_selection();
            return;
        }
        if self.interview.back() {
            self.follow();
        } else if let Mode::Desk { .. } = self.mode {
            // The welcome is for a person on their own (it says nothing is kept);
            // at the desk, back past the first question is back to the clients.
            self.leave();
        } else if !self.read.is_empty() {
            // Opened on what a RAP sheet told: back to it, not to a welcome never seen.
            self.screen = Screen::Read;
        } else {
            self.screen = Screen::Welcome;
        }
    }
}

/// How an earlier typed answer reads back in its field.
fn field_text(value: &Value) -> String {
    match value {
        Value::Date(d) => d.to_string(),
        Value::Money(c) if c % 100 == 0 => (c / 100).to_string(),
        Value::Money(c) => format!("{}.{:02}", c / 100, c % 100),
        Value::Number(n) => n.to_string(),
        Value::Text(t) => t.clone(),
        Value::Bool(b) => b.to_string(),
        Value::Choice(i) => i.to_string(),
    }
}
