//! The state of the full-screen interface and the one place it changes: `update`.
//! Keys become [`Action`]s (see `keys`), the views only read an `App`. Everything about
//! the law is asked of the engine; this module only decides what is on the screen.
//! What each screen does with an action is in the module named after it.

mod entries;
mod question;
mod results;
mod review;

use chrono::NaiveDate;

use super::field::Field;
use super::theme::Theme;
use crate::content::{Content, Lang};
use crate::engine::screen::{Change, Screening, changes};
use crate::engine::{Interview, Slot, Stage};
use crate::report::Format;
use crate::strings::Strings;

/// The smallest terminal the layout is made for.
pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Welcome,
    /// What a RAP sheet told, to go over before the questions it leaves open.
    Read,
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
    /// A number key: moves the highlight to that numbered item. Digits typed one after
    /// another make one number, so `1` then `0` reaches item 10.
    Digit(u8),
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
    /// `o` on the review: the next source for the answer selected.
    Source,
    Export,
    /// `p`: print the results, at a kiosk that can.
    Print,
    StartOver,
    /// `l` or F2: the interface and content in the other language.
    Language,
    Resize(u16, u16),
    /// Time passed with no input.
    Tick,
}

/// What an action did that the program around the interview may act on: the desk
/// saves changed answers and opens its printouts, the kiosk prints and forgets. The
/// interview says what happened; nobody has to read its state to guess.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    /// The recorded answers changed: an answer given or changed, an entry added or
    /// removed, a change from the review cancelled, the interview started over.
    AnswersChanged,
    /// `count` entries from `entry` on were removed with their answers (a case goes
    /// with its counts); the entries after them moved up.
    EntryRemoved { entry: usize, count: usize },
    /// The screen now speaks another language.
    LanguageChanged,
    /// At the desk, `e` on the results or the review: write the client's or the
    /// attorney's printout.
    Export,
    /// At a kiosk with a print command, `p` on the results: print them.
    Print,
    /// The person asked to leave and nothing stops them: on their own they have
    /// confirmed it; at the desk, `q`, Ctrl-C, or going back past the first question.
    Leave,
    /// The interview started over after the box asked; at a kiosk, the person is done.
    StartedOver,
}

/// One line for the person under the screen: what happened, or what went wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub text: String,
    pub error: bool,
}

/// An answer refused where it was given: the item it was given with, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub item: usize,
    pub text: String,
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
    /// Why an answer was refused, shown under the field or the choice given.
    pub field_error: Option<Refusal>,
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
    /// What was read from a RAP sheet, line by line, for [`Screen::Read`].
    pub read: Vec<String>,
    /// The last file the results were saved to, so leaving can say it stays.
    pub saved: Option<std::path::PathBuf>,
    /// Whose interview this is: a person's own, a kiosk's or a client's at the desk.
    pub mode: Mode,
    /// The number typed so far with number keys, while they come one after another.
    number: u32,
    /// Where Esc goes from the review.
    review_back: Screen,
    quit: bool,
    /// What the action being applied did, handed out when `update` returns.
    effects: Vec<Effect>,
    /// The same content in each language the person can switch to, loaded once.
    languages: Vec<&'c Content>,
    /// A second language shown under the first, dimmer, for interpreters.
    second: Option<&'c Content>,
}

/// Whose interview it is, which decides the keys it offers and the words around
/// them. One value, so an interview is never both a kiosk's and a client's.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Mode {
    /// A person on their own: `q` leaves, `e` saves the results to a file.
    #[default]
    Alone,
    /// A shared terminal (`tui::kiosk`): no leaving and no saving; starting over is
    /// finishing; `p` prints the results when an organiser set a print command.
    Kiosk { print: bool },
    /// A client's intake at the clinic desk (`tui::desk`), labelled in the header:
    /// leaving goes back to the client list, `e` writes the printouts, and there is
    /// no starting over.
    Desk { client: String },
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
            read: Vec::new(),
            saved: None,
            mode: Mode::Alone,
            number: 0,
            review_back: Screen::Entries,
            quit: false,
            effects: Vec::new(),
            languages: vec![content],
            second: None,
        }
    }

    pub fn with_mode(mut self, mode: Mode) -> Self {
        self.mode = mode;
        self
    }

    /// Offers the same content in other languages (`l` switches to the next one), and
    /// with `second`, shows that language under the first on each screen.
    pub fn with_languages(mut self, others: &[&'c Content], second: Option<Lang>) -> Self {
        for &other in others {
            if !self.languages.iter().any(|c| c.lang == other.lang) {
                self.languages.push(other);
            }
        }
        self.second = second.and_then(|lang| self.in_lang(lang));
        self
    }

    pub fn content(&self) -> &'c Content {
        self.interview.content()
    }

    /// The interface's words in the content's language.
    pub fn words(&self) -> &'static Strings {
        Strings::get(self.content().lang)
    }

    /// The content in the second language, when one is shown and differs from the first.
    pub fn second(&self) -> Option<&'c Content> {
        self.second.filter(|c| c.lang != self.content().lang)
    }

    /// The interface's words in the second language, when one is shown.
    pub fn second_words(&self) -> Option<&'static Strings> {
        self.second().map(|c| Strings::get(c.lang))
    }

    /// A message in the first language, and for an interpreter in the second after it:
    /// `say` writes it from a language's content and words.
    pub fn in_both(&self, say: impl Fn(&'c Content, &'static Strings) -> String) -> String {
        let first = say(self.content(), self.words());
        match self.second() {
            Some(second) => format!("{first} · {}", say(second, Strings::get(second.lang))),
            None => first,
        }
    }

    fn in_lang(&self, lang: Lang) -> Option<&'c Content> {
        self.languages.iter().copied().find(|c| c.lang == lang)
    }

    /// The language `l` switches to, if there is one.
    pub fn next_lang(&self) -> Option<Lang> {
        let now = self.content().lang;
        let at = self.languages.iter().position(|c| c.lang == now)?;
        let next = self.languages[(at + 1) % self.languages.len()].lang;
        (next != now).then_some(next)
    }

    /// Moves everything over to the next language: the answers, the screen, the place
    /// and any change in progress stay; only the words change.
    fn switch_language(&mut self) {
        let Some(to) = self.next_lang().and_then(|l| self.in_lang(l)) else {
            return;
        };
        let Some(interview) = self.interview.in_content(to) else {
            return;
        };
        let edit = match self.edit.take() {
            Some(edit) => match edit.saved.in_content(to) {
                Some(saved) => Some(Edit { saved, ..edit }),
                None => return,
            },
            None => None,
        };
        if self.second.is_some() {
            // Interpreting: the two languages trade places.
            self.second = Some(self.content());
        }
        self.interview = interview;
        self.edit = edit;
        // A refusal is said again, in the new language, when the answer is next given.
        self.field_error = None;
        self.export.error = None;
        self.message = Some(Message {
            text: self.words().tui_now_in.clone(),
            error: false,
        });
        self.results_page = None;
        self.clamp_scroll();
        self.effects.push(Effect::LanguageChanged);
    }

    pub fn should_quit(&self) -> bool {
        self.quit
    }

    /// The welcome with nothing on it from anyone: no answers, no box, no message.
    pub fn untouched(&self) -> bool {
        self.screen == Screen::Welcome
            && self.dialog.is_none()
            && self.message.is_none()
            && !self.interview.has_answers()
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

    /// The entry the person is looking at, if the screen is about one: the entry of
    /// the question asked, the entry highlighted in the list or the review.
    pub fn entry_in_view(&self) -> Option<usize> {
        match self.screen {
            Screen::Question => self.interview.asking().and_then(|a| a.entry),
            Screen::Entries => {
                (self.selected < self.interview.entry_count()).then_some(self.selected)
            }
            Screen::Review => match self.review_rows().get(self.selected) {
                Some(ReviewRow::Answer { entry, .. }) => *entry,
                Some(ReviewRow::Heading(entry)) => *entry,
                _ => None,
            },
            _ => match self.interview.stage() {
                Stage::Entry(e) => Some(e),
                _ => None,
            },
        }
    }

    /// How many items can be selected on the current screen.
    fn item_count(&self) -> usize {
        match self.screen {
            Screen::Welcome | Screen::Read | Screen::Results => 0,
            Screen::Question => self.items().len(),
            Screen::Entries => self.interview.entry_count() + self.entry_choices(),
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

    /// Applies one action, and returns what it did that the program around the
    /// interview may act on (see [`Effect`]).
    pub fn update(&mut self, action: Action) -> Vec<Effect> {
        let before = self.interview.person().clone();
        self.apply(action);
        let mut effects = std::mem::take(&mut self.effects);
        // Counts of a case that stopped being a conviction went with the answer.
        if let Some((entry, count)) = self.interview.take_removed() {
            effects.push(Effect::EntryRemoved { entry, count });
        }
        // Said by comparing, not by each place that changes answers, so that no
        // change can go unsaid.
        if *self.interview.person() != before {
            effects.insert(0, Effect::AnswersChanged);
        }
        effects
    }

    fn apply(&mut self, action: Action) {
        match action {
            Action::Resize(w, h) => {
                self.size = (w, h);
                self.clamp_scroll();
                return;
            }
            Action::Tick => return,
            Action::Digit(_) => {}
            _ => self.number = 0,
        }
        if self.too_small() {
            // Nothing on screen to act on; only leaving works.
            if matches!(action, Action::Interrupt) {
                self.leave();
            }
            return;
        }
        if action == Action::Language {
            self.switch_language();
            return;
        }
        match (&self.mode, action) {
            // No leaving a kiosk and nothing saved from it, whatever is on screen.
            (Mode::Kiosk { .. }, Action::Quit | Action::Interrupt | Action::Export) => return,
            // At the desk Ctrl-C goes back to the clients from anywhere; an intake
            // is not started over (a new one is started from the list).
            (Mode::Desk { .. }, Action::Interrupt) => return self.leave(),
            (Mode::Desk { .. }, Action::StartOver) => return,
            _ => {}
        }
        if let Some(dialog) = self.dialog.clone() {
            self.on_dialog(dialog, action);
            return;
        }
        match (&self.mode, action) {
            (_, Action::Help) => {
                self.dialog = Some(Dialog::Help);
                self.help_scroll = 0;
                return;
            }
            (Mode::Desk { .. }, Action::Quit) => return self.leave(),
            (_, Action::Quit | Action::Interrupt) => {
                self.ask_quit();
                return;
            }
            // The desk writes its own printouts, from the results and the review.
            (Mode::Desk { .. }, Action::Export)
                if matches!(self.screen, Screen::Results | Screen::Review) =>
            {
                self.effects.push(Effect::Export);
                return;
            }
            (Mode::Kiosk { print: true }, Action::Print) if self.screen == Screen::Results => {
                self.effects.push(Effect::Print);
                return;
            }
            _ => {}
        }
        match self.screen {
            Screen::Welcome => {
                if matches!(action, Action::Enter | Action::Click(..)) {
                    self.follow();
                }
            }
            Screen::Read => self.on_read(action),
            Screen::Question => self.on_question(action),
            Screen::Entries => self.on_entries(action),
            Screen::Review => self.on_review(action),
            Screen::Results => self.on_results(action),
        }
    }

    /// The item a number key points at, among `count` numbered from 1: the digits typed
    /// in a row when they still name an item (`1`, `0` → 10), else this digit alone.
    /// `None` when neither names one; the typed number then starts again.
    pub(super) fn numbered(&mut self, digit: u8, count: usize) -> Option<usize> {
        let digit = u32::from(digit);
        let names = |n: u32| n >= 1 && (n as usize) <= count;
        let longer = self.number.saturating_mul(10).saturating_add(digit);
        self.number = if self.number > 0 && names(longer) {
            longer
        } else if names(digit) {
            digit
        } else {
            0
        };
        (self.number > 0).then(|| self.number as usize - 1)
    }

    fn ask_quit(&mut self) {
        if self.interview.has_answers() {
            self.dialog = Some(Dialog::Quit);
        } else {
            self.leave();
        }
    }

    /// Leaves, where leaving is allowed: a person on their own quits; at the desk the
    /// desk closes the intake; a kiosk is left only by the operator (`tui::kiosk`).
    fn leave(&mut self) {
        match self.mode {
            Mode::Alone => self.quit = true,
            Mode::Kiosk { .. } => return,
            Mode::Desk { .. } => {}
        }
        self.effects.push(Effect::Leave);
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
            (Dialog::Quit, Action::Yes | Action::Interrupt) => self.leave(),
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

    /// Opens the answers a hand-off code holds at the review, saying where they came
    /// from and anything to check.
    pub fn open_code(&mut self, decoded: crate::engine::handoff::Decoded<'c>) {
        let notices = crate::report::code_notices(self.words(), &decoded);
        self.resume(decoded.interview);
        self.message = Some(Message {
            text: notices.join(" "),
            error: false,
        });
    }

    /// Opens an interview whose answers were read from a RAP sheet on what was read
    /// (`said`, line by line); Enter goes on to the first question left open.
    pub fn open_read(&mut self, interview: Interview<'c>, said: Vec<String>) {
        self.resume(interview);
        self.show_read(said);
    }

    /// Shows what was read from a RAP sheet (`said`, line by line) over the interview
    /// as it is; Enter goes on to where the interview is.
    pub fn show_read(&mut self, said: Vec<String>) {
        self.read = said;
        self.screen = Screen::Read;
        self.scroll = 0;
    }

    fn on_read(&mut self, action: Action) {
        if self.scroll_page(action) {
            self.clamp_scroll();
        } else if matches!(action, Action::Enter | Action::Click(..)) {
            self.scroll = 0;
            self.follow();
        }
    }

    /// Takes an interview already under way (a saved intake) and goes to where it is:
    /// its next question, or the review when it is complete.
    pub fn resume(&mut self, interview: Interview<'c>) {
        self.interview = interview;
        self.screening = None;
        self.edit = None;
        self.changes = None;
        self.follow();
    }

    /// Goes to the screen for where the interview now is.
    pub(crate) fn follow(&mut self) {
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
}
