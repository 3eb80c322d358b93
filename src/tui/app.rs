//! The state of the full-screen interface and the one place it changes: `update`.
//! Keys become [`Action`]s (see `keys`), the views only read an `App`. Everything about
//! the law is asked of the engine; this module only decides what is on the screen.

use chrono::NaiveDate;

use super::export::{self, Format, Written};
use super::field::Field;
use super::strings;
use super::theme::Theme;
use super::view;
use crate::content::Content;
use crate::content::model::AnswerKind;
use crate::engine::input::{self, options};
use crate::engine::screen::{Change, Screening, changes};
use crate::engine::{Interview, Slot, Stage, Value};

/// The smallest terminal the layout is made for.
pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Welcome,
    Question,
    /// The entries so far: add another, remove one.
    Entries,
    Review,
    Results,
}

/// A box over the screen that takes the keys until it closes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Dialog {
    Help,
    Quit,
    StartOver,
    RemoveEntry(usize),
    Export,
    /// The export path exists: replace it?
    Replace(std::path::PathBuf),
}

/// What a key, a click or the terminal asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
    /// Pick item n and act on it (a number key).
    Choose(usize),
    /// A mouse click at a column and row.
    Click(u16, u16),
    Enter,
    Back,
    Help,
    /// `q`: leave, asking first when there are answers.
    Quit,
    /// Ctrl-C: like `Quit`, and a second one confirms.
    Interrupt,
    Yes,
    No,
    Char(char),
    Backspace,
    /// Ctrl-U: empty the field.
    ClearField,
    Delete,
    Left,
    Right,
    Home,
    End,
    Remove,
    Review,
    ShowResults,
    Export,
    StartOver,
    Resize(u16, u16),
    /// Time passed with no input.
    Tick,
}

/// One line for the person under the screen: what happened, or what went wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub text: String,
    pub error: bool,
}

/// A change being made from the review: the interview as it was (to cancel) and the
/// results before (to show what changed).
#[derive(Debug, Clone)]
pub struct Edit<'c> {
    pub saved: Interview<'c>,
    pub before: Screening,
    pub row: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportForm {
    pub format: Format,
    pub path: Field,
    pub error: Option<String>,
}

/// A row of the review list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReviewRow {
    ShowResults,
    ManageEntries,
    Heading(Option<usize>),
    Answer {
        entry: Option<usize>,
        question: usize,
    },
}

/// An answer on the question screen: a typed field, or one from the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Item {
    Field,
    Answer(Slot, String),
}

#[derive(Debug, Clone)]
pub struct App<'c> {
    pub interview: Interview<'c>,
    pub screen: Screen,
    pub dialog: Option<Dialog>,
    pub theme: Theme,
    /// Terminal size, from the last resize.
    pub size: (u16, u16),
    /// The selected item on the current screen.
    pub selected: usize,
    /// The typed answer on a date, amount or text question.
    pub field: Field,
    /// Why the typed answer was refused, shown under the field.
    pub field_error: Option<String>,
    pub message: Option<Message>,
    /// First line shown on the results.
    pub scroll: usize,
    pub help_scroll: usize,
    pub edit: Option<Edit<'c>>,
    /// What the last change from the review did to the results.
    pub changes: Option<Vec<Change>>,
    /// The results, computed when the interview is done.
    pub screening: Option<Screening>,
    /// The results laid out for the terminal's width, made when they are opened or
    /// the terminal resized, so scrolling does not lay them out again per key.
    pub results_page: Option<(u16, Vec<ratatui::text::Line<'static>>)>,
    pub export: ExportForm,
    /// The last file the results were saved to, so leaving can say it stays.
    pub saved: Option<std::path::PathBuf>,
    /// Where Esc goes from the review.
    review_back: Screen,
    quit: bool,
}

impl<'c> App<'c> {
    pub fn new(content: &'c Content, as_of: NaiveDate, theme: Theme) -> Self {
        App {
            interview: Interview::new(content, as_of),
            screen: Screen::Welcome,
            dialog: None,
            theme,
            size: (MIN_WIDTH, MIN_HEIGHT),
            selected: 0,
            field: Field::default(),
            field_error: None,
            message: None,
            scroll: 0,
            help_scroll: 0,
            edit: None,
            changes: None,
            screening: None,
            results_page: None,
            export: ExportForm {
                format: Format::Html,
                path: Field::default(),
                error: None,
            },
            saved: None,
            review_back: Screen::Entries,
            quit: false,
        }
    }

    pub fn content(&self) -> &'c Content {
        self.interview.content()
    }

    pub fn should_quit(&self) -> bool {
        self.quit
    }

    pub fn too_small(&self) -> bool {
        self.size.0 < MIN_WIDTH || self.size.1 < MIN_HEIGHT
    }

    /// Whether the person is typing into a field, so letters are text, not commands.
    pub fn typing(&self) -> bool {
        match &self.dialog {
            Some(Dialog::Export) => true,
            Some(_) => false,
            // A question with a field takes every letter and digit as text, wherever
            // the selection is, so a date never picks "not sure" by its first digit.
            None => self.screen == Screen::Question && self.items().first() == Some(&Item::Field),
        }
    }

    /// The answers offered for the current question.
    pub fn items(&self) -> Vec<Item> {
        let Some(asking) = self.interview.asking() else {
            return Vec::new();
        };
        let typed = matches!(
            asking.question.answers,
            AnswerKind::Date | AnswerKind::Money | AnswerKind::Number | AnswerKind::Text
        );
        let listed = options(asking.question)
            .into_iter()
            .map(|(slot, label)| Item::Answer(slot, label));
        if typed {
            std::iter::once(Item::Field).chain(listed).collect()
        } else {
            listed.collect()
        }
    }

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

    /// How many items can be selected on the current screen.
    fn item_count(&self) -> usize {
        match self.screen {
            Screen::Welcome | Screen::Results => 0,
            Screen::Question => self.items().len(),
            Screen::Entries => self.interview.entry_count() + 2,
            Screen::Review => self.review_rows().len(),
        }
    }

    fn selectable(&self, index: usize) -> bool {
        match self.screen {
            Screen::Review => !matches!(
                self.review_rows().get(index),
                Some(ReviewRow::Heading(_)) | None
            ),
            _ => index < self.item_count(),
        }
    }

    pub fn update(&mut self, action: Action) {
        match action {
            Action::Resize(w, h) => {
                self.size = (w, h);
                self.clamp_scroll();
                return;
            }
            Action::Tick => return,
            _ => {}
        }
        if self.too_small() {
            // Nothing on screen to act on; only leaving works.
            if matches!(action, Action::Interrupt) {
                self.quit = true;
            }
            return;
        }
        if let Some(dialog) = self.dialog.clone() {
            self.on_dialog(dialog, action);
            return;
        }
        match action {
            Action::Help => {
                self.dialog = Some(Dialog::Help);
                self.help_scroll = 0;
                return;
            }
            Action::Quit | Action::Interrupt => {
                self.ask_quit();
                return;
            }
            _ => {}
        }
        match self.screen {
            Screen::Welcome => {
                if matches!(
                    action,
                    Action::Enter | Action::Choose(0) | Action::Click(..)
                ) {
                    self.follow();
                }
            }
            Screen::Question => self.on_question(action),
            Screen::Entries => self.on_entries(action),
            Screen::Review => self.on_review(action),
            Screen::Results => self.on_results(action),
        }
    }

    fn ask_quit(&mut self) {
        if self.interview.has_answers() {
            self.dialog = Some(Dialog::Quit);
        } else {
            self.quit = true;
        }
    }

    fn on_dialog(&mut self, dialog: Dialog, action: Action) {
        // Ctrl-C works the same in every box: close it and ask to leave; in the "leave?"
        // box itself, a second Ctrl-C says yes.
        if action == Action::Interrupt && dialog != Dialog::Quit {
            self.dialog = None;
            self.ask_quit();
            return;
        }
        match (dialog, action) {
            (Dialog::Help, Action::Up) => self.help_scroll = self.help_scroll.saturating_sub(1),
            (Dialog::Help, Action::Down) => self.help_scroll += 1,
            (Dialog::Help, Action::PageUp) => {
                self.help_scroll = self.help_scroll.saturating_sub(self.page())
            }
            (Dialog::Help, Action::PageDown) => self.help_scroll += self.page(),
            (Dialog::Help, Action::Top) => self.help_scroll = 0,
            (Dialog::Help, Action::Bottom) => self.help_scroll = usize::MAX,
            (Dialog::Help, Action::Back | Action::Help | Action::Enter | Action::Quit) => {
                self.dialog = None
            }
            (Dialog::Quit, Action::Yes | Action::Interrupt) => self.quit = true,
            (Dialog::Quit, Action::No | Action::Back) => self.dialog = None,
            (Dialog::StartOver, Action::Yes) => self.start_over(),
            (Dialog::RemoveEntry(e), Action::Yes) => self.remove_entry(e),
            (Dialog::StartOver | Dialog::RemoveEntry(_), Action::No | Action::Back) => {
                self.dialog = None
            }
            (Dialog::Export, action) => self.on_export(action),
            (Dialog::Replace(path), Action::Yes) => self.save(&path, true),
            (Dialog::Replace(_), Action::No | Action::Back) => self.dialog = Some(Dialog::Export),
            _ => {}
        }
        self.clamp_scroll();
    }

    /// Goes to the screen for where the interview now is.
    fn follow(&mut self) {
        match self.interview.stage() {
            Stage::Person | Stage::Entry(_) => {
                self.screen = Screen::Question;
                self.sync_question();
            }
            Stage::AddAnother => {
                self.screen = Screen::Entries;
                self.selected = self.interview.entry_count();
            }
            Stage::Done => {
                self.screening = Some(self.interview.results());
                if let Some(edit) = self.edit.take() {
                    if let Some(after) = &self.screening {
                        self.changes = Some(changes(&edit.before, after));
                    }
                    self.screen = Screen::Review;
                    self.selected = edit.row;
                    self.clamp_selection();
                } else {
                    self.open_review(Screen::Entries);
                }
            }
        }
    }

    /// Shows the current question with its earlier answer, if any, already chosen.
    fn sync_question(&mut self) {
        self.field.clear();
        self.field_error = None;
        self.selected = 0;
        let Some(asking) = self.interview.asking() else {
            return;
        };
        let items = self.items();
        match &asking.current {
            Slot::Known(value) if items.first() == Some(&Item::Field) => {
                self.field = Field::with_text(field_text(value));
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

    fn on_question(&mut self, action: Action) {
        let items = self.items();
        let on_field = items.get(self.selected) == Some(&Item::Field);
        match action {
            Action::Up => self.selected = self.selected.saturating_sub(1),
            Action::Down => self.selected = (self.selected + 1).min(items.len().saturating_sub(1)),
            Action::Top => self.selected = 0,
            Action::Bottom => self.selected = items.len().saturating_sub(1),
            Action::Choose(i) if i < items.len() => {
                self.selected = i;
                self.activate(&items[i]);
            }
            Action::Click(x, y) => {
                if let Some(i) = view::question::item_at(self, x, y) {
                    self.selected = i;
                    self.activate(&items[i]);
                }
            }
            Action::Enter => {
                if let Some(item) = items.get(self.selected) {
                    self.activate(item);
                }
            }
            Action::Back => self.go_back(),
            Action::Backspace if on_field && !self.field.is_empty() => {
                self.field.backspace();
                self.field_error = None;
            }
            Action::Backspace => self.go_back(),
            Action::Char(c) => {
                if let Some(i) = items.iter().position(|it| *it == Item::Field) {
                    self.selected = i;
                    self.field.insert(c);
                    self.field_error = None;
                }
            }
            Action::Delete if on_field => self.field.delete(),
            Action::ClearField => {
                self.field.clear();
                self.field_error = None;
            }
            Action::Left if on_field => self.field.left(),
            Action::Right if on_field => self.field.right(),
            Action::Home if on_field => self.field.home(),
            Action::End if on_field => self.field.end(),
            _ => {}
        }
    }

    fn activate(&mut self, item: &Item) {
        let Some(asking) = self.interview.asking() else {
            return;
        };
        let slot = match item {
            Item::Answer(slot, _) => slot.clone(),
            Item::Field => match input::parse_typed(asking.question, self.field.text()) {
                Ok(slot) => slot,
                Err(e) => {
                    self.field_error = Some(e.0);
                    return;
                }
            },
        };
        match self.interview.answer(slot) {
            Ok(()) => {
                self.message = None;
                self.follow();
            }
            Err(e) => self.field_error = Some(e),
        }
    }

    fn go_back(&mut self) {
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
        } else {
            self.screen = Screen::Welcome;
        }
    }

    fn on_entries(&mut self, action: Action) {
        let n = self.interview.entry_count();
        match action {
            Action::Up => self.selected = self.selected.saturating_sub(1),
            Action::Down => self.selected = (self.selected + 1).min(n + 1),
            Action::Top => self.selected = 0,
            Action::Bottom => self.selected = n + 1,
            Action::Choose(i) if i <= n + 1 => {
                self.selected = i;
                self.activate_entries();
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
            Action::Back | Action::Backspace => {
                if self.interview.stage() == Stage::Done {
                    self.open_review(self.review_back);
                } else {
                    self.go_back();
                }
            }
            _ => {}
        }
    }

    fn activate_entries(&mut self) {
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

    fn remove_entry(&mut self, entry: usize) {
        self.dialog = None;
        self.interview.remove_entry(entry);
        self.screening = None;
        match self.interview.stage() {
            Stage::Person | Stage::Entry(_) => self.follow(),
            _ => {
                self.screen = Screen::Entries;
                self.selected = self.selected.min(self.interview.entry_count() + 1);
            }
        }
    }

    fn open_review(&mut self, back: Screen) {
        self.screen = Screen::Review;
        self.review_back = back;
        self.selected = 0;
    }

    fn on_review(&mut self, action: Action) {
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
            Action::ShowResults => self.open_results(),
            Action::Back | Action::Backspace => {
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

    fn activate_review(&mut self, rows: &[ReviewRow]) {
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
    fn step_selection(&mut self, dir: isize, n: usize) {
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

    fn clamp_selection(&mut self) {
        let count = self.item_count();
        self.selected = self.selected.min(count.saturating_sub(1));
        while self.selected > 0 && !self.selectable(self.selected) {
            self.selected -= 1;
        }
    }

    fn open_results(&mut self) {
        self.changes = None;
        if self.screening.is_none() {
            self.screening = Some(self.interview.results());
        }
        self.screen = Screen::Results;
        self.scroll = 0;
        self.results_page = None;
        self.clamp_scroll();
    }

    fn on_results(&mut self, action: Action) {
        match action {
            Action::Up => self.scroll = self.scroll.saturating_sub(1),
            Action::Down => self.scroll += 1,
            Action::PageUp => self.scroll = self.scroll.saturating_sub(self.page()),
            Action::PageDown => self.scroll += self.page(),
            Action::Top => self.scroll = 0,
            Action::Bottom => self.scroll = usize::MAX,
            Action::Review | Action::Back | Action::Backspace => self.open_review(Screen::Results),
            Action::StartOver => self.dialog = Some(Dialog::StartOver),
            Action::Export => self.open_export(),
            _ => {}
        }
        self.clamp_scroll();
    }

    /// Rows a page moves: the body's height less one line kept for context.
    fn page(&self) -> usize {
        (self.size.1 as usize)
            .saturating_sub(view::CHROME_ROWS + 1)
            .max(1)
    }

    fn clamp_scroll(&mut self) {
        if self.screen == Screen::Results {
            let width = view::results::page_width(self);
            if self.results_page.as_ref().is_none_or(|(w, _)| *w != width) {
                self.results_page = Some((width, view::results::lines(self, width as usize)));
            }
            self.scroll = self.scroll.min(view::results::max_scroll(self));
        }
        if self.dialog == Some(Dialog::Help) {
            self.help_scroll = self.help_scroll.min(view::help::max_scroll(self));
        }
    }

    fn start_over(&mut self) {
        let (content, as_of) = (self.content(), self.interview.as_of());
        *self = App {
            size: self.size,
            ..App::new(content, as_of, self.theme)
        };
    }

    fn open_export(&mut self) {
        if self.export.path.is_empty() {
            let name = strings::default_export_name(
                &self.interview.as_of().to_string(),
                self.export.format.extension(),
            );
            self.export.path = Field::with_text(name);
        }
        self.export.error = None;
        self.dialog = Some(Dialog::Export);
    }

    fn on_export(&mut self, action: Action) {
        let form = &mut self.export;
        let at = Format::ALL
            .iter()
            .position(|f| *f == form.format)
            .unwrap_or(0);
        let format = match action {
            Action::Up => Some(Format::ALL[at.saturating_sub(1)]),
            Action::Down => Some(Format::ALL[(at + 1).min(Format::ALL.len() - 1)]),
            _ => None,
        };
        if let Some(format) = format {
            form.format = format;
            form.path = Field::with_text(export::with_extension(form.path.text(), format));
            return;
        }
        match action {
            Action::Char(c) => form.path.insert(c),
            Action::Backspace => form.path.backspace(),
            Action::ClearField => form.path.clear(),
            Action::Delete => form.path.delete(),
            Action::Left => form.path.left(),
            Action::Right => form.path.right(),
            Action::Home => form.path.home(),
            Action::End => form.path.end(),
            Action::Back => self.dialog = None,
            Action::Enter => {
                if form.path.text().trim().is_empty() {
                    form.error = Some(strings::EXPORT_NO_PATH.into());
                    return;
                }
                let path = export::resolve(form.path.text());
                self.save(&path, false);
            }
            _ => return,
        }
        if !matches!(action, Action::Enter | Action::Back) {
            self.export.error = None;
        }
    }

    fn save(&mut self, path: &std::path::Path, replace: bool) {
        let screening = self
            .screening
            .clone()
            .unwrap_or_else(|| self.interview.results());
        let text = self
            .export
            .format
            .render(self.content(), self.interview.person(), &screening);
        match export::write(path, &text, replace) {
            Ok(Written::Saved(p)) => {
                self.dialog = None;
                self.saved = Some(p.clone());
                self.message = Some(Message {
                    text: strings::saved(&p.display().to_string()),
                    error: false,
                });
            }
            Ok(Written::Exists(p)) => self.dialog = Some(Dialog::Replace(p)),
            Err(e) => {
                self.dialog = Some(Dialog::Export);
                self.export.error = Some(strings::not_saved(&e.to_string()));
            }
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
