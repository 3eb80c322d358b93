//! Driving the full-screen interface in tests: synthetic key events through the same
//! key map the terminal uses, rendering into a `TestBackend`. Interviews are answered
//! by a rule (question id → answer), not by position, so the content can grow.

#![allow(dead_code)]

#[cfg(unix)]
pub mod pty;

use std::sync::LazyLock;

use chrono::NaiveDate;
use clearpath::content::model::AnswerKind;
use clearpath::content::{Content, QuestionDef};
use clearpath::engine::{Slot, Stage};
use clearpath::tui::app::Item;
use clearpath::tui::{Action, App, Screen, Theme, keys, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

/// Every example shipped in `examples/`.
pub const EXAMPLES: [&str; 5] = [
    "arrest.ron",
    "prison-felony.json",
    "probation-misdemeanor.ron",
    "prop47-theft.ron",
    "three-entries.json",
];

/// The program, run as a person would on a machine set to no language in particular:
/// English, unless a test sets `LANG`; no intake folder unless a test names one.
pub fn clearpath() -> assert_cmd::Command {
    let mut cmd = assert_cmd::cargo::cargo_bin_cmd!("clearpath");
    cmd.env_remove("CLEARPATH_DATA")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C");
    cmd
}

pub static CONTENT: LazyLock<Content> =
    LazyLock::new(|| Content::built_in().expect("built-in content loads"));

/// The same content in Spanish.
pub static CONTENT_ES: LazyLock<Content> = LazyLock::new(|| {
    Content::built_in_in(clearpath::content::Lang::Es).expect("Spanish content loads")
});

/// An app that starts in `lang`, can switch to the other language, and with `second`
/// shows that one under the first.
pub fn app_in(
    width: u16,
    height: u16,
    lang: clearpath::content::Lang,
    second: Option<clearpath::content::Lang>,
) -> App<'static> {
    let (first, other): (&'static Content, &'static Content) = match lang {
        clearpath::content::Lang::En => (&CONTENT, &CONTENT_ES),
        clearpath::content::Lang::Es => (&CONTENT_ES, &CONTENT),
    };
    let mut app = App::new(first, as_of(), Theme::plain()).with_languages(&[other], second);
    app.update(Action::Resize(width, height));
    app
}

pub fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
}

pub fn app(width: u16, height: u16) -> App<'static> {
    let mut app = App::new(&CONTENT, as_of(), Theme::plain());
    app.update(Action::Resize(width, height));
    app
}

/// What the helpers below drive: the interview alone, or the intake desk with an
/// intake open, both fed terminal events as the program feeds them.
pub trait Drive<'c> {
    fn send(&mut self, ev: Event);
    /// The interview on screen.
    fn shown(&self) -> &App<'c>;
}

impl<'c> Drive<'c> for App<'c> {
    fn send(&mut self, ev: Event) {
        if let Some(action) = keys::action(self, &ev) {
            self.update(action);
        }
    }

    fn shown(&self) -> &App<'c> {
        self
    }
}

impl<'c> Drive<'c> for clearpath::tui::desk::Desk<'c> {
    fn send(&mut self, ev: Event) {
        self.event(&ev);
    }

    fn shown(&self) -> &App<'c> {
        &self.open.as_ref().expect("an intake is open").app
    }
}

pub fn event<'c>(app: &mut impl Drive<'c>, ev: Event) {
    app.send(ev);
}

pub fn key<'c>(app: &mut impl Drive<'c>, code: KeyCode) {
    event(app, Event::Key(KeyEvent::new(code, KeyModifiers::NONE)));
}

pub fn ctrl_c<'c>(app: &mut impl Drive<'c>) {
    event(
        app,
        Event::Key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL)),
    );
}

pub fn chars<'c>(app: &mut impl Drive<'c>, text: &str) {
    for c in text.chars() {
        key(app, KeyCode::Char(c));
    }
}

pub fn click<'c>(app: &mut impl Drive<'c>, column: u16, row: u16) {
    event(
        app,
        Event::Mouse(MouseEvent {
            kind: MouseEventKind::Down(MouseButton::Left),
            column,
            row,
            modifiers: KeyModifiers::NONE,
        }),
    );
}

/// The screen as text, one line per row.
pub fn render(app: &App) -> String {
    let mut terminal = Terminal::new(TestBackend::new(app.size.0, app.size.1)).unwrap();
    terminal.draw(|f| view::render(app, f)).unwrap();
    format!("{}", terminal.backend())
}

/// The screen as plain lines without the TestBackend quoting.
pub fn screen_text(app: &App) -> String {
    let mut terminal = Terminal::new(TestBackend::new(app.size.0, app.size.1)).unwrap();
    terminal.draw(|f| view::render(app, f)).unwrap();
    buffer_text(terminal.backend().buffer())
}

/// A drawn buffer as plain lines, one per row.
pub fn buffer_text(buf: &ratatui::buffer::Buffer) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            out.push_str(buf[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}

/// The id of the question on screen.
pub fn question_id(app: &App) -> Option<String> {
    app.interview.asking().map(|a| a.question.id.clone())
}

/// Answers the question on screen with `answer`: a choice value ("convicted"), "yes",
/// "no", "not sure", or text to type (a date, an amount, a county).
pub fn answer<'c>(app: &mut impl Drive<'c>, answer: &str) {
    let shown = app.shown();
    let asking = shown.interview.asking().expect("a question is on screen");
    let question = asking.question.clone();
    let items = shown.items();
    let index = match (&question.answers, answer) {
        (_, "not sure") => items
            .iter()
            .position(|i| matches!(i, Item::Answer(Slot::NotSure, _))),
        (AnswerKind::YesNo, "yes") => Some(0),
        (AnswerKind::YesNo, "no") => Some(1),
        (AnswerKind::Choice(choices), value) => choices.iter().position(|(v, _)| v == value),
        _ => None,
    };
    match index {
        Some(i) => {
            // Walk the selection there and press Enter, as a person with arrows would.
            for _ in 0..items.len() {
                key(app, KeyCode::Up);
            }
            for _ in 0..i {
                key(app, KeyCode::Down);
            }
            key(app, KeyCode::Enter);
        }
        None => {
            assert!(
                items.first() == Some(&Item::Field),
                "{answer:?} is not an answer to {}",
                question.id
            );
            while !app.shown().field.is_empty() {
                key(app, KeyCode::Backspace);
            }
            chars(app, answer);
            key(app, KeyCode::Enter);
        }
    }
}

/// A sensible default for any question the rules do not name.
pub fn default_answer(app: &App) -> String {
    default_for(&app.interview.asking().unwrap().question.answers)
}

/// A sensible answer to a question of this kind.
pub fn default_for(kind: &AnswerKind) -> String {
    match kind {
        AnswerKind::YesNo => "no".into(),
        AnswerKind::Choice(c) => c[0].0.clone(),
        AnswerKind::Date => "2018-04-02".into(),
        AnswerKind::Money => "450".into(),
        AnswerKind::Number => "1".into(),
        AnswerKind::Months => "36".into(),
        AnswerKind::Text => "Fresno".into(),
    }
}

/// The answer `rules` give to `q`, else [`default_for`] its kind.
pub fn rule_for(rules: &[(&str, &str)], q: &QuestionDef) -> String {
    rules
        .iter()
        .find(|(id, _)| *id == q.source.id)
        .map(|(_, a)| a.to_string())
        .unwrap_or_else(|| default_for(&q.source.answers))
}

/// The question on a screen read from a terminal, found by its text in the content.
pub fn question_on_screen(screen: &str) -> Option<&'static QuestionDef> {
    let flat: String = screen.split_whitespace().collect::<Vec<_>>().join(" ");
    CONTENT.questions.iter().find(|q| {
        let text: String = q
            .source
            .text
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let head: String = text.chars().take(60).collect();
        flat.contains(&head)
    })
}

/// Keys that answer `q` with `answer`, as a person at a terminal would type them: the
/// answer's number (one or two digits), then Enter; or the text, then Enter.
pub fn keys_for(q: &QuestionDef, answer: &str) -> String {
    match &q.source.answers {
        AnswerKind::YesNo => if answer == "yes" { "1\r" } else { "2\r" }.to_string(),
        AnswerKind::Choice(c) => {
            let i = c.iter().position(|(v, _)| v == answer).unwrap();
            format!("{}\r", i + 1)
        }
        _ => format!("{answer}\r"),
    }
}

/// Answers the questions on the real program's screen by `rules` (question id →
/// answer, else [`default_for`]), until `stop` is on screen or `most` questions are
/// answered and the next one shows. Returns the questions answered, in order.
#[cfg(unix)]
pub fn answer_on_screen(
    s: &mut pty::Session,
    rules: &[(&str, &str)],
    stop: Option<&str>,
    most: usize,
) -> Vec<&'static QuestionDef> {
    let stopped = |screen: &str| stop.is_some_and(|stop| screen.contains(stop));
    // The header names the place ("Entry 1 · question 3 of about 9"): a new header is
    // a new question, while a field redrawing as keys arrive is not.
    let header = |screen: &str| screen.lines().next().unwrap_or_default().to_string();
    let mut last = String::new();
    let mut answered = Vec::new();
    loop {
        s.wait_until("a question or the end of the section", |screen| {
            stopped(screen) || (question_on_screen(screen).is_some() && header(screen) != last)
        });
        let screen = s.screen();
        if stopped(&screen) || answered.len() == most {
            return answered;
        }
        let q = question_on_screen(&screen).unwrap();
        last = header(&screen);
        s.press(&keys_for(q, &rule_for(rules, q)));
        answered.push(q);
    }
}

/// Answers questions on the real program's screen by `rules` until `stop` shows.
#[cfg(unix)]
pub fn answer_until(s: &mut pty::Session, rules: &[(&str, &str)], stop: &str) {
    answer_on_screen(s, rules, Some(stop), 60);
    assert!(s.screen().contains(stop), "never reached {stop:?}");
}

/// Answers every question of the current section by `rules` (question id → answer),
/// falling back to [`default_answer`], until the interview leaves the section.
pub fn answer_section<'c>(app: &mut impl Drive<'c>, rules: &[(&str, &str)]) {
    let stage = app.shown().interview.stage();
    let mut guard = 0;
    while app.shown().screen == Screen::Question && app.shown().interview.stage() == stage {
        let id = question_id(app.shown()).unwrap();
        let a = rules
            .iter()
            .find(|(q, _)| *q == id)
            .map(|(_, a)| a.to_string())
            .unwrap_or_else(|| default_answer(app.shown()));
        answer(app, &a);
        guard += 1;
        assert!(guard < 100, "the section never ended; stuck at {id}");
    }
}

/// A person not in custody, a citizen, no license.
pub const PERSON: &[(&str, &str)] = &[
    ("in_custody", "no"),
    ("supervised", "no"),
    ("pending_charges", "no"),
    ("citizen", "yes"),
    ("license_at_stake", "no"),
];

/// A misdemeanor with probation finished in 2019.
pub const MISDEMEANOR: &[(&str, &str)] = &[
    ("county", "Fresno"),
    ("outcome", "convicted"),
    ("level", "misdemeanor"),
    ("code_section", "not sure"),
    ("already_reduced", "no"),
    ("offense", "other"),
    ("judgment_date", "2018-04-02"),
    ("relief_granted", "none"),
    ("sentence", "probation"),
    ("probation_status", "completed"),
    ("probation_end", "2019-04-02"),
];

/// An arrest in Alameda that led to no charges.
pub const ARREST: &[(&str, &str)] = &[
    ("county", "Alameda"),
    ("outcome", "no_charges"),
    ("arrest_date", "2015-06-01"),
    ("arrest_level", "misdemeanor"),
    ("can_be_charged", "no"),
    ("abuse_arrest", "no"),
    ("innocent", "no"),
];

/// From the welcome screen through two entries to the review.
pub fn two_entries(app: &mut App) {
    key(app, KeyCode::Enter);
    answer_section(app, PERSON);
    answer_section(app, MISDEMEANOR);
    assert_eq!(app.screen, Screen::Entries);
    choose_entries(app, EntriesChoice::Add);
    answer_section(app, ARREST);
    assert_eq!(app.screen, Screen::Entries);
    choose_entries(app, EntriesChoice::Done);
    assert_eq!(app.screen, Screen::Review);
    assert_eq!(app.interview.stage(), Stage::Done);
}

pub enum EntriesChoice {
    Add,
    Done,
}

pub fn choose_entries<'c>(app: &mut impl Drive<'c>, choice: EntriesChoice) {
    let n = app.shown().interview.entry_count();
    let target = match choice {
        EntriesChoice::Add => n,
        EntriesChoice::Done => n + 1,
    };
    key(app, KeyCode::Home);
    for _ in 0..target {
        key(app, KeyCode::Down);
    }
    key(app, KeyCode::Enter);
}

/// A person as a hand-off code carries them: every answer, with each entry's answer to
/// "where do your answers come from?", but no answer's own source (a RAP sheet's line).
pub fn as_carried(person: &clearpath::engine::Person) -> clearpath::engine::Person {
    let mut person = person.clone();
    for case in &mut person.cases {
        let own: Vec<_> = case.sources().map(|(fact, _)| fact).collect();
        for fact in own {
            case.set_source(fact, None);
        }
    }
    person
}
