//! Long random key sequences through the full-screen interview, the kiosk and the
//! intake desk, checking after every key the rules that make every change visible:
//!
//! - only a confirming key (Enter, Space, a click, yes in a box, the kiosk's F12)
//!   changes the recorded answers; numbers, arrows, Backspace, Esc, letters never do,
//!   except that Esc cancelling a change from the review puts back the answers as they
//!   were before it;
//! - a confirming key on a question sets that question's answer and no other: the
//!   answers of other questions can only drop away (off the new route), never change
//!   or appear, so one key never answers two questions;
//! - at the desk, the intake file on disk holds the answers on screen after every key.

mod common;

use std::collections::BTreeMap;
use std::time::Instant;

use clearpath::engine::{Interview, Person, Slot};
use clearpath::intake::Store;
use clearpath::tui::app::Dialog;
use clearpath::tui::desk::Desk;
use clearpath::tui::kiosk::{Config, Kiosk};
use clearpath::tui::{Action, App, Screen, Theme, keys};
use common::*;
use proptest::prelude::*;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

/// Every recorded answer: (entry, fact) → answer; `None` is the person.
type Answers = BTreeMap<(Option<usize>, u16), Slot>;

fn answers(interview: &Interview) -> Answers {
    person_answers(interview.person())
}

fn person_answers(person: &Person) -> Answers {
    let sections = std::iter::once((None, &person.person))
        .chain(person.cases.iter().enumerate().map(|(i, a)| (Some(i), a)));
    sections
        .flat_map(|(entry, a)| {
            a.answered()
                .map(move |(fact, slot)| ((entry, fact.0), slot.clone()))
        })
        .collect()
}

/// What a person can press: single keys, and whole typed answers (a date, an amount,
/// a county) so that random walks get past the typed questions.
#[derive(Debug, Clone)]
enum Press {
    Key(KeyCode),
    Typed(&'static str),
}

const KEYS: &[KeyCode] = &[
    KeyCode::Enter,
    KeyCode::Esc,
    KeyCode::Up,
    KeyCode::Down,
    KeyCode::Home,
    KeyCode::End,
    KeyCode::PageUp,
    KeyCode::PageDown,
    KeyCode::Backspace,
    KeyCode::Delete,
    KeyCode::Tab,
    KeyCode::Char(' '),
    KeyCode::Char('0'),
    KeyCode::Char('1'),
    KeyCode::Char('2'),
    KeyCode::Char('3'),
    KeyCode::Char('4'),
    KeyCode::Char('9'),
    KeyCode::Char('?'),
    KeyCode::Char('d'),
    KeyCode::Char('r'),
    KeyCode::Char('s'),
    KeyCode::Char('n'),
    KeyCode::Char('y'),
    KeyCode::Char('j'),
    KeyCode::Char('k'),
    KeyCode::Char('l'),
    KeyCode::Char('x'),
];

const TYPED: &[&str] = &["2018-04-02", "2019-04-02", "450", "1200", "Fresno"];

fn press() -> impl Strategy<Value = Press> {
    prop_oneof![
        8 => proptest::sample::select(KEYS).prop_map(Press::Key),
        1 => proptest::sample::select(TYPED).prop_map(Press::Typed),
    ]
}

fn events(p: &Press) -> Vec<Event> {
    let key = |code| Event::Key(KeyEvent::new(code, KeyModifiers::NONE));
    match p {
        Press::Key(code) => vec![key(*code)],
        Press::Typed(text) => text.chars().map(|c| key(KeyCode::Char(c))).collect(),
    }
}

/// What the interview on screen was doing just before a key.
struct Before {
    answers: Answers,
    /// The question on screen, with no box over it: (entry, fact).
    question: Option<(Option<usize>, u16)>,
    /// The answers a change from the review would go back to.
    edit: Option<Answers>,
    action: Option<Action>,
}

fn before(app: &App, ev: &Event) -> Before {
    let question = (app.screen == Screen::Question && app.dialog.is_none())
        .then(|| app.interview.asking())
        .flatten()
        .map(|a| (a.entry, app.content().questions[a.index].fact.0));
    Before {
        answers: answers(&app.interview),
        question,
        edit: app.edit.as_ref().map(|e| answers(&e.saved)),
        action: keys::action(app, ev),
    }
}

/// The rules, for the interview `after` reached from `was` by one key. `clears` says
/// whether that key is the kiosk's F12, which forgets everything on purpose.
fn check(was: &Before, after: &App, clears: bool) -> Result<(), TestCaseError> {
    let now = answers(&after.interview);
    if now == was.answers {
        return Ok(());
    }
    if clears {
        prop_assert!(now.is_empty(), "F12 left answers: {now:?}");
        return Ok(());
    }
    let confirming = matches!(
        was.action,
        Some(Action::Enter | Action::Click(..) | Action::Yes)
    );
    let cancelled_edit = was.action == Some(Action::Back) && was.edit.as_ref() == Some(&now);
    prop_assert!(
        confirming || cancelled_edit,
        "{:?} changed the answers\nfrom {:?}\n  to {:?}",
        was.action,
        was.answers,
        now
    );
    if cancelled_edit || was.action == Some(Action::Yes) {
        // Esc put back the answers from before the change; yes removed an entry or
        // started over, each after a box that asked.
        return Ok(());
    }
    let set: Vec<_> = now
        .iter()
        .filter(|(k, v)| was.answers.get(k) != Some(v))
        .map(|(k, _)| *k)
        .collect();
    match was.question {
        Some(on_screen) => prop_assert!(
            set.iter().all(|k| *k == on_screen),
            "a key on question {on_screen:?} set {set:?}"
        ),
        None => prop_assert!(set.is_empty(), "a key off any question set {set:?}"),
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn interview_answers_change_only_when_confirmed(
        presses in proptest::collection::vec(press(), 0..500),
    ) {
        let mut app = app(80, 24);
        for p in &presses {
            for ev in events(p) {
                let was = before(&app, &ev);
                if let Some(action) = was.action {
                    app.update(action);
                }
                check(&was, &app, false)?;
            }
        }
    }

    #[test]
    fn kiosk_answers_change_only_when_confirmed(
        presses in proptest::collection::vec(
            prop_oneof![9 => press(), 1 => Just(Press::Key(KeyCode::F(12)))],
            0..500,
        ),
    ) {
        let now = Instant::now();
        let mut k = Kiosk::new(&CONTENT, as_of(), Theme::plain().large(), Config::default(), now);
        k.event(&Event::Resize(80, 24), now);
        for p in &presses {
            for ev in events(p) {
                let was = before(&k.app, &ev);
                let clears = matches!(&ev, Event::Key(key) if key.code == KeyCode::F(12))
                    || (was.action == Some(Action::Yes) && k.app.dialog == Some(Dialog::StartOver));
                k.event(&ev, now);
                check(&was, &k.app, clears)?;
            }
        }
    }

    #[test]
    fn desk_answers_change_only_when_confirmed_and_match_the_file(
        presses in proptest::collection::vec(
            press().prop_filter("the desk's own keys are tested on their own", |p| {
                !matches!(p, Press::Key(KeyCode::Char('x' | 'n' | 'd')))
            }),
            0..300,
        ),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let mut desk = Desk::new(
            store.clone(),
            vec![&*CONTENT, &*CONTENT_ES],
            as_of(),
            Theme::plain(),
        );
        desk.event(&Event::Resize(80, 24));
        key(&mut desk, KeyCode::Char('n'));
        chars(&mut desk, "Ana Ruiz");
        key(&mut desk, KeyCode::Tab);
        chars(&mut desk, "A-1");
        key(&mut desk, KeyCode::Enter);
        prop_assert!(desk.open.is_some());
        for p in &presses {
            for ev in events(p) {
                let Some(open) = desk.open.as_ref() else { break };
                let was = before(&open.app, &ev);
                desk.event(&ev);
                let Some(open) = desk.open.as_ref() else { break };
                check(&was, &open.app, false)?;
                // The screen's interview is the only copy; what it shows is what the
                // file holds, read back from disk.
                let (saved, _) = store
                    .open_intake(&open.file.intake().id)
                    .unwrap()
                    .intake
                    .person(open.app.content());
                prop_assert_eq!(
                    person_answers(&saved),
                    answers(&open.app.interview),
                    "the desk's file and its screen disagree"
                );
            }
        }
    }
}

/// The issue's own steps: on the first question `2` then Enter answers it No and
/// leaves the second question on screen, unanswered.
#[test]
fn a_number_then_enter_answers_one_question() {
    let mut app = app(80, 24);
    key(&mut app, KeyCode::Enter);
    assert_eq!(question_id(&app).as_deref(), Some("in_custody"));
    chars(&mut app, "2");
    assert_eq!(question_id(&app).as_deref(), Some("in_custody"));
    assert!(
        answers(&app.interview).is_empty(),
        "a number alone answered"
    );
    key(&mut app, KeyCode::Enter);
    assert_eq!(question_id(&app).as_deref(), Some("supervised"));
    let given = answers(&app.interview);
    assert_eq!(given.len(), 1, "{given:?}");
    assert!(matches!(
        app.interview.asking().unwrap().current,
        Slot::Missing
    ));
}

/// Numbers past 9: `1` then `0` highlights answer 10, `1` then `1` answer 11, and a
/// third digit that names no answer starts a new number.
#[test]
fn two_digits_reach_answers_ten_and_eleven() {
    let mut app = app(80, 24);
    key(&mut app, KeyCode::Enter);
    answer_section(&mut app, PERSON);
    answer(&mut app, "Fresno");
    answer(&mut app, "convicted");
    answer(&mut app, "felony");
    while question_id(&app).as_deref() != Some("offense") {
        let default = default_answer(&app);
        answer(&mut app, &default);
    }
    let count = app.items().len();
    assert!(count >= 11, "the offense list has {count} answers");
    assert_eq!(question_id(&app).as_deref(), Some("offense"));
    chars(&mut app, "10");
    assert_eq!(app.selected, 9);
    chars(&mut app, "1");
    assert_eq!(app.selected, 0, "101 names no answer; 1 alone does");
    chars(&mut app, "1");
    assert_eq!(app.selected, 10);
    key(&mut app, KeyCode::Down);
    chars(&mut app, "2");
    assert_eq!(app.selected, 1, "a key between digits starts a new number");
    assert_eq!(question_id(&app).as_deref(), Some("offense"));
}

/// Backspace held down on an empty county field stays on the county question.
#[test]
fn backspace_on_an_empty_field_never_goes_back() {
    let mut app = app(80, 24);
    key(&mut app, KeyCode::Enter);
    answer_section(&mut app, PERSON);
    assert_eq!(question_id(&app).as_deref(), Some("county"));
    let given = answers(&app.interview);
    for _ in 0..5 {
        key(&mut app, KeyCode::Backspace);
    }
    assert_eq!(question_id(&app).as_deref(), Some("county"));
    assert_eq!(answers(&app.interview), given);
}
