//! Flows through the full-screen interface, fed with synthetic key and mouse events.

mod common;

use clearpath::engine::Stage;
use clearpath::tui::Screen;
use clearpath::tui::app::{Dialog, Mode};
use common::*;
use ratatui::crossterm::event::KeyCode;

#[test]
fn a_whole_interview_reaches_the_results() {
    let mut app = app(80, 24);
    assert!(screen_text(&app).contains("Press Enter to start."));
    two_entries(&mut app);
    // The review offers the results first.
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.screen, Screen::Results);
    let mut seen = String::new();
    for _ in 0..40 {
        seen.push_str(&screen_text(&app));
        key(&mut app, KeyCode::PageDown);
    }
    for expected in [
        "Entry 1 · Fresno · convicted · misdemeanor",
        "Entry 2 · Alameda · no charges · misdemeanor",
        "Dismissal after probation (Penal Code § 1203.4)",
        "Your plan",
        "When to talk to a lawyer",
        "Rules 2026.11.",
    ] {
        assert!(seen.contains(expected), "results never showed {expected:?}");
    }
    // Status is a symbol and a word, never color alone.
    assert!(seen.contains("✔ Eligible now"));
}

#[test]
fn going_back_keeps_the_answers() {
    let mut app = app(80, 24);
    key(&mut app, KeyCode::Enter);
    answer(&mut app, "no");
    answer(&mut app, "yes");
    let third = question_id(&app);
    key(&mut app, KeyCode::Esc);
    assert_eq!(question_id(&app).as_deref(), Some("supervised"));
    assert!(
        screen_text(&app).contains("▸ 1. Yes"),
        "the earlier answer is chosen"
    );
    key(&mut app, KeyCode::Esc);
    assert!(screen_text(&app).contains("▸ 2. No"));
    // Forward again with Enter: the same answers, the same route.
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Enter);
    assert_eq!(question_id(&app), third);
    // Back from the first question is the welcome screen.
    for _ in 0..3 {
        key(&mut app, KeyCode::Esc);
    }
    assert_eq!(app.screen, Screen::Welcome);
}

#[test]
fn typed_answers_are_checked_in_place_and_kept() {
    let mut app = app(80, 24);
    key(&mut app, KeyCode::Enter);
    answer_section(&mut app, PERSON);
    answer(&mut app, "Fresno");
    answer(&mut app, "convicted");
    answer(&mut app, "misdemeanor");
    answer(&mut app, "not sure");
    answer(&mut app, "no");
    answer(&mut app, "other");
    assert_eq!(question_id(&app).as_deref(), Some("judgment_date"));
    chars(&mut app, "2023-02-30");
    key(&mut app, KeyCode::Enter);
    assert!(screen_text(&app).contains("2023-02-30 is not a date. Check the month and day."));
    assert_eq!(question_id(&app).as_deref(), Some("judgment_date"));
    // A date after the as-of date is refused by the engine, shown the same way.
    for _ in 0..10 {
        key(&mut app, KeyCode::Backspace);
    }
    chars(&mut app, "2027-01-01");
    key(&mut app, KeyCode::Enter);
    assert!(screen_text(&app).contains("Check the year"));
    for _ in 0..10 {
        key(&mut app, KeyCode::Backspace);
    }
    chars(&mut app, "2018-04-02");
    key(&mut app, KeyCode::Enter);
    assert_ne!(question_id(&app).as_deref(), Some("judgment_date"));
    // The next question repeats the date back as it was read, in words.
    assert!(screen_text(&app).contains("Understood: April 2, 2018"));
    // Back: the date is in the field again, and what was repeated back is gone. Backspace empties it and, held down past
    // the empty field, still stays on this question: only Esc goes back.
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.field.text(), "2018-04-02");
    assert!(!screen_text(&app).contains("Understood"));
    for _ in 0..15 {
        key(&mut app, KeyCode::Backspace);
    }
    assert_eq!(question_id(&app).as_deref(), Some("judgment_date"));
    assert_eq!(app.field.text(), "");
    key(&mut app, KeyCode::Esc);
    assert_eq!(question_id(&app).as_deref(), Some("offense"));
}

#[test]
fn not_sure_is_offered_and_digits_type_into_the_field() {
    let mut app = app(80, 24);
    key(&mut app, KeyCode::Enter);
    answer_section(&mut app, PERSON);
    // On the county question, "2" types a digit: it never picks the second answer.
    key(&mut app, KeyCode::Down);
    chars(&mut app, "2");
    assert_eq!(app.field.text(), "2");
    key(&mut app, KeyCode::Backspace);
    answer(&mut app, "not sure");
    assert_eq!(question_id(&app).as_deref(), Some("outcome"));
}

#[test]
fn a_change_from_the_review_shows_what_changed() {
    let mut app = app(80, 24);
    two_entries(&mut app);
    select_review_row(&mut app, Some(0), "probation_status");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.screen, Screen::Question);
    assert_eq!(question_id(&app).as_deref(), Some("probation_status"));
    answer(&mut app, "violated");
    // A violation asks whether probation was revoked; every other answer stays, so
    // the review comes straight back after it.
    assert_eq!(question_id(&app).as_deref(), Some("probation_revoked"));
    answer(&mut app, "yes");
    assert_eq!(app.screen, Screen::Review);
    let text = screen_text(&app);
    assert!(text.contains("What changed in your results"), "{text}");
    assert!(text.contains("→"), "{text}");
    assert!(text.contains("Possibly"), "{text}");
}

/// Selects the review row of `question` in `entry`.
fn select_review_row(app: &mut clearpath::tui::App, entry: Option<usize>, question: &str) {
    let q = CONTENT.question_index(question).unwrap();
    let row = app
        .review_rows()
        .iter()
        .position(|r| {
            matches!(r, clearpath::tui::app::ReviewRow::Answer { entry: e, question } if *e == entry && *question == q)
        })
        .expect("the answer is in the review");
    key(app, KeyCode::Home);
    while app.selected < row {
        key(app, KeyCode::Down);
    }
}

#[test]
fn esc_cancels_a_change_from_the_review() {
    let mut app = app(80, 24);
    two_entries(&mut app);
    let before = app.interview.person().clone();
    select_review_row(&mut app, Some(0), "sentence");
    key(&mut app, KeyCode::Enter);
    answer(&mut app, "no_probation");
    // A sentence without probation asks something new; Esc drops the whole change.
    assert_eq!(app.screen, Screen::Question);
    assert_ne!(question_id(&app).as_deref(), Some("sentence"));
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.screen, Screen::Review);
    assert_eq!(app.interview.person(), &before);
    assert_eq!(app.interview.stage(), Stage::Done);
    assert!(app.changes.is_none());
}

#[test]
fn help_opens_anywhere_and_shows_the_faq() {
    let mut app = app(80, 24);
    key(&mut app, KeyCode::Char('?'));
    assert_eq!(app.dialog, Some(Dialog::Help));
    let text = screen_text(&app);
    assert!(text.contains("Keys"));
    assert!(text.contains("Questions people ask"));
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.dialog, None);
    // On a question, help starts with that question's help.
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char('?'));
    assert!(screen_text(&app).contains("About this question"));
    // It scrolls to the end of the FAQ.
    key(&mut app, KeyCode::End);
    let last = &CONTENT.faq.last().unwrap().question;
    assert!(screen_text(&app).contains(last.as_str()));
    key(&mut app, KeyCode::Char('?'));
    assert_eq!(app.dialog, None);
}

#[test]
fn quitting_asks_first_when_there_are_answers() {
    let mut app = app(80, 24);
    key(&mut app, KeyCode::Enter);
    answer(&mut app, "no");
    key(&mut app, KeyCode::Char('q'));
    assert_eq!(app.dialog, Some(Dialog::Quit));
    assert!(screen_text(&app).contains("Leave clearpath?"));
    key(&mut app, KeyCode::Char('n'));
    assert_eq!(app.dialog, None);
    assert!(!app.should_quit());
    key(&mut app, KeyCode::Char('q'));
    key(&mut app, KeyCode::Char('y'));
    assert!(app.should_quit());
}

#[test]
fn quitting_with_no_answers_needs_no_confirmation() {
    let mut app = app(80, 24);
    key(&mut app, KeyCode::Char('q'));
    assert!(app.should_quit());
}

#[test]
fn ctrl_c_twice_leaves() {
    let mut app = app(80, 24);
    key(&mut app, KeyCode::Enter);
    answer(&mut app, "no");
    ctrl_c(&mut app);
    assert_eq!(app.dialog, Some(Dialog::Quit));
    ctrl_c(&mut app);
    assert!(app.should_quit());
}

#[test]
fn a_small_terminal_asks_to_be_made_larger() {
    let mut app = app(80, 24);
    key(&mut app, KeyCode::Enter);
    app.update(clearpath::tui::Action::Resize(60, 20));
    let text = screen_text(&app);
    assert!(text.contains("Please make the window larger"), "{text}");
    // Keys do nothing while it is too small; the answers wait.
    key(&mut app, KeyCode::Enter);
    app.update(clearpath::tui::Action::Resize(100, 30));
    assert_eq!(question_id(&app).as_deref(), Some("in_custody"));
    assert!(screen_text(&app).contains("Are you in jail or prison right now?"));
}

#[test]
fn a_click_chooses_an_answer() {
    let mut app = app(80, 24);
    key(&mut app, KeyCode::Enter);
    let text = screen_text(&app);
    let (row, line) = text
        .lines()
        .enumerate()
        .find(|(_, l)| l.contains("2. No"))
        .expect("the answer is on screen");
    let col = line.find("2. No").unwrap();
    click(&mut app, col as u16, row as u16);
    assert_eq!(question_id(&app).as_deref(), Some("supervised"));
    let fact = CONTENT.fact_id("in_custody").unwrap();
    assert_eq!(
        app.interview.person().person.get(fact),
        &clearpath::engine::Slot::Known(clearpath::engine::Value::Bool(false))
    );
}

#[test]
fn an_entry_can_be_removed() {
    let mut app = app(80, 24);
    two_entries(&mut app);
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.screen, Screen::Entries);
    key(&mut app, KeyCode::Home);
    key(&mut app, KeyCode::Char('d'));
    assert_eq!(app.dialog, Some(Dialog::RemoveEntry(0)));
    key(&mut app, KeyCode::Char('y'));
    assert_eq!(app.interview.entry_count(), 1);
    assert!(screen_text(&app).contains("Entry 1 · Alameda"));
}

#[test]
fn results_export_to_a_file_and_never_overwrite_without_asking() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(80, 24);
    two_entries(&mut app);
    key(&mut app, KeyCode::Char('s'));
    assert_eq!(app.screen, Screen::Results);
    key(&mut app, KeyCode::Char('e'));
    assert_eq!(app.dialog, Some(Dialog::Export));
    // Markdown, to a path in the temporary folder.
    key(&mut app, KeyCode::Up);
    while !app.export.path.is_empty() {
        key(&mut app, KeyCode::Backspace);
    }
    let path = dir.path().join("mine.md");
    chars(&mut app, path.to_str().unwrap());
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.dialog, None);
    let written = std::fs::read_to_string(&path).unwrap();
    assert!(written.starts_with("# Clearpath screening"));
    assert!(screen_text(&app).contains("Saved to"));
    // Again: the file is there, so it asks; "n" keeps the old one.
    key(&mut app, KeyCode::Char('e'));
    key(&mut app, KeyCode::Enter);
    assert!(matches!(app.dialog, Some(Dialog::Replace(_))));
    key(&mut app, KeyCode::Char('n'));
    assert_eq!(app.dialog, Some(Dialog::Export));
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char('y'));
    assert_eq!(app.dialog, None);
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .starts_with("# Clearpath screening")
    );
}

#[test]
fn start_over_forgets_everything() {
    let mut app = app(80, 24);
    two_entries(&mut app);
    key(&mut app, KeyCode::Char('s'));
    key(&mut app, KeyCode::Char('n'));
    assert_eq!(app.dialog, Some(Dialog::StartOver));
    key(&mut app, KeyCode::Char('y'));
    assert_eq!(app.screen, Screen::Welcome);
    assert!(!app.interview.has_answers());
    assert_eq!(app.interview.stage(), Stage::Person);
}

/// Every kind of key but `e`: saving writes a file, which a test run must not leave
/// in the working folder (export has its own test, in a temporary folder).
const KEYS: [KeyCode; 22] = [
    KeyCode::Enter,
    KeyCode::Esc,
    KeyCode::Up,
    KeyCode::Down,
    KeyCode::PageUp,
    KeyCode::PageDown,
    KeyCode::Home,
    KeyCode::End,
    KeyCode::Backspace,
    KeyCode::Delete,
    KeyCode::Tab,
    KeyCode::Char('1'),
    KeyCode::Char('2'),
    KeyCode::Char('3'),
    KeyCode::Char('9'),
    KeyCode::Char('?'),
    KeyCode::Char('d'),
    KeyCode::Char('r'),
    KeyCode::Char('s'),
    KeyCode::Char('n'),
    KeyCode::Char('j'),
    KeyCode::Char('x'),
];

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]

    /// Any keys at any size: no panic, every frame draws, and nothing leaves without
    /// `q` or Ctrl-C (neither is in the set).
    #[test]
    fn random_keys_never_panic(
        keys in proptest::collection::vec(0..KEYS.len(), 0..400),
        wide in proptest::bool::ANY,
    ) {
        let mut app = if wide { app(120, 40) } else { app(80, 24) };
        for (i, k) in keys.into_iter().enumerate() {
            key(&mut app, KEYS[k]);
            if i % 25 == 0 {
                screen_text(&app);
            }
            proptest::prop_assert!(!app.should_quit());
        }
        screen_text(&app);
    }
}

#[test]
fn the_mouse_wheel_scrolls_the_results() {
    use ratatui::crossterm::event::{Event, KeyModifiers, MouseEvent, MouseEventKind};
    let mut app = app(80, 24);
    two_entries(&mut app);
    key(&mut app, KeyCode::Char('s'));
    let wheel = |kind| {
        Event::Mouse(MouseEvent {
            kind,
            column: 10,
            row: 10,
            modifiers: KeyModifiers::NONE,
        })
    };
    for _ in 0..3 {
        event(&mut app, wheel(MouseEventKind::ScrollDown));
    }
    assert_eq!(app.scroll, 3);
    event(&mut app, wheel(MouseEventKind::ScrollUp));
    assert_eq!(app.scroll, 2);
    // Past the end it stops at the last page.
    for _ in 0..10_000 {
        event(&mut app, wheel(MouseEventKind::ScrollDown));
    }
    assert_eq!(app.scroll, clearpath::tui::view::results::max_scroll(&app));
    assert!(screen_text(&app).contains("Rules 2026.11."));
}

#[test]
fn a_click_on_the_field_does_not_submit_it() {
    let mut app = app(80, 24);
    key(&mut app, KeyCode::Enter);
    answer_section(&mut app, PERSON);
    let text = screen_text(&app);
    let row = text
        .lines()
        .position(|l| l.contains("Your answer"))
        .unwrap();
    click(&mut app, 20, row as u16);
    assert_eq!(question_id(&app).as_deref(), Some("county"));
    assert_eq!(app.field_error, None);
}

#[test]
fn switching_language_mid_interview_keeps_every_answer_and_the_place() {
    use clearpath::content::Lang;
    let mut app = app_in(80, 24, Lang::En, None);
    assert!(screen_text(&app).contains("Para español, pulse l."));
    key(&mut app, KeyCode::Enter);
    answer_section(&mut app, PERSON);
    answer(&mut app, "Fresno");
    answer(&mut app, "convicted");
    answer(&mut app, "misdemeanor");
    answer(&mut app, "not sure");
    answer(&mut app, "no");
    answer(&mut app, "other");
    // Half a date typed, and an answer chosen further back.
    assert_eq!(question_id(&app).as_deref(), Some("judgment_date"));
    chars(&mut app, "2018-04");
    let person = app.interview.person().clone();
    let stage = app.interview.stage();
    // On a question with a field, `l` is a letter; F2 switches.
    key(&mut app, KeyCode::F(2));
    assert_eq!(app.content().lang, Lang::Es);
    assert_eq!(app.interview.person(), &person);
    assert_eq!(app.interview.stage(), stage);
    assert_eq!(app.screen, Screen::Question);
    assert_eq!(question_id(&app).as_deref(), Some("judgment_date"));
    assert_eq!(app.field.text(), "2018-04");
    let text = screen_text(&app);
    for spanish in [
        "Caso 1",
        "pregunta 7 de unas",
        "Su respuesta",
        "Ahora en español.",
    ] {
        assert!(text.contains(spanish), "{spanish:?} not in\n{text}");
    }
    assert!(!text.contains("Your answer"), "{text}");
    // A refusal comes in Spanish.
    chars(&mut app, "-45");
    key(&mut app, KeyCode::Enter);
    assert!(screen_text(&app).contains("no es una fecha"));
    // Back on a list question, `l` switches back and forth; the choice stays chosen.
    key(&mut app, KeyCode::Esc);
    assert_eq!(question_id(&app).as_deref(), Some("offense"));
    let chosen = app.selected;
    key(&mut app, KeyCode::Char('l'));
    assert_eq!(app.content().lang, Lang::En);
    assert_eq!(app.selected, chosen);
    assert!(screen_text(&app).contains("Entry 1"));
    key(&mut app, KeyCode::Char('l'));
    assert_eq!(app.content().lang, Lang::Es);
    assert_eq!(app.interview.person(), &person);
    // From the help too, and the help is then in the other language.
    key(&mut app, KeyCode::Char('?'));
    assert!(screen_text(&app).contains("Teclas"));
    key(&mut app, KeyCode::Char('l'));
    assert_eq!(app.dialog, Some(Dialog::Help));
    assert!(screen_text(&app).contains("Keys"));
}

#[test]
fn results_change_language_and_export_in_it() {
    use clearpath::content::Lang;
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_in(80, 24, Lang::En, None);
    two_entries(&mut app);
    key(&mut app, KeyCode::Char('s'));
    key(&mut app, KeyCode::Char('l'));
    assert_eq!(app.screen, Screen::Results);
    let text = screen_text(&app);
    assert!(text.contains("Sus resultados"), "{text}");
    assert!(text.contains("Elegible ahora"), "{text}");
    key(&mut app, KeyCode::Char('e'));
    assert!(app.export.path.text().starts_with("clearpath-resultados-"));
    while !app.export.path.is_empty() {
        key(&mut app, KeyCode::Backspace);
    }
    let path = dir.path().join("resultados.txt");
    chars(&mut app, path.to_str().unwrap());
    // Plain text is the first format.
    key(&mut app, KeyCode::Home);
    for _ in 0..3 {
        key(&mut app, KeyCode::Up);
    }
    key(&mut app, KeyCode::Enter);
    assert!(screen_text(&app).contains("Se guardó en"));
    let written = std::fs::read_to_string(dir.path().join("resultados.txt")).unwrap();
    assert!(written.contains("SU PLAN"), "{written}");
    assert!(!written.contains("YOUR PLAN"));
}

#[test]
fn spanish_yes_no_boxes_take_s_for_si() {
    use clearpath::content::Lang;
    let mut app = app_in(80, 24, Lang::Es, None);
    key(&mut app, KeyCode::Enter);
    answer(&mut app, "no");
    key(&mut app, KeyCode::Char('q'));
    let text = screen_text(&app);
    assert!(text.contains("¿Salir de clearpath?"), "{text}");
    assert!(text.contains("s sí · n no"), "{text}");
    key(&mut app, KeyCode::Char('s'));
    assert!(app.should_quit());
}

/// Every footer's keys fit in the smallest terminal, in every language, so no key is
/// cut off at the right edge.
#[test]
fn footers_fit_at_80_columns_in_every_language() {
    use clearpath::content::Lang;
    use clearpath::tui::view::{hint_line, hints};
    // The kiosk swaps some keys and adds its quick-clear key to every footer; the
    // desk swaps some and adds its notes key.
    let modes = [
        Mode::Alone,
        Mode::Kiosk { print: true },
        Mode::Desk {
            client: "Ana Ruiz (#A-17)".into(),
        },
    ];
    for (lang, mode) in Lang::ALL
        .into_iter()
        .flat_map(|l| modes.clone().map(|m| (l, m)))
    {
        let mut app = app_in(80, 24, lang, None).with_mode(mode.clone());
        let mut seen = Vec::new();
        let mut check = |app: &clearpath::tui::App| {
            let line = hint_line(app, &hints(app));
            assert!(
                clearpath::text::width(&line) < 80,
                "{lang:?} {:?} {mode:?}: {line}",
                app.screen,
            );
            seen.push(app.screen);
        };
        check(&app);
        key(&mut app, KeyCode::Enter);
        check(&app);
        answer_section(&mut app, PERSON);
        check(&app);
        answer_section(&mut app, MISDEMEANOR);
        check(&app);
        choose_entries(&mut app, EntriesChoice::Done);
        check(&app);
        // Changing an answer shows "cancel" for Esc, the longest of the question keys.
        key(&mut app, KeyCode::Down);
        key(&mut app, KeyCode::Down);
        key(&mut app, KeyCode::Enter);
        assert!(app.edit.is_some());
        check(&app);
        key(&mut app, KeyCode::Esc);
        key(&mut app, KeyCode::Char('s'));
        check(&app);
        assert_eq!(seen.last(), Some(&Screen::Results));
    }
}

#[test]
fn what_a_rap_sheet_told_comes_first_and_a_hurried_person_changes_nothing_on_it() {
    let sheet = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/rapsheets/three-cases.txt"
    ))
    .unwrap();
    let reading = clearpath::rapsheet::read(&CONTENT, &sheet);
    let file = clearpath::casefile::parse(
        &CONTENT,
        &reading.case_file(false),
        clearpath::casefile::Syntax::Ron,
    )
    .unwrap();
    let interview = clearpath::engine::Interview::prefilled(&CONTENT, as_of(), file.person);
    let mut said = vec!["Read from the RAP sheet three-cases.txt:".to_string()];
    said.extend((1..=30).map(|n| format!("  answer {n} (RAP sheet line {n})")));
    said.push("The last paragraph.".to_string());
    let mut app = app(80, 24);
    app.open_read(interview, said);
    assert_eq!(app.screen, Screen::Read);
    let shown = screen_text(&app);
    assert!(shown.contains("What the RAP sheet says"), "{shown}");
    assert!(shown.contains("answer 1 (RAP sheet line 1)"), "{shown}");
    assert!(!shown.contains("The last paragraph."), "{shown}");
    // A number, Esc three times: nothing is answered and the screen stays.
    key(&mut app, KeyCode::Char('2'));
    for _ in 0..3 {
        key(&mut app, KeyCode::Esc);
    }
    assert_eq!(app.screen, Screen::Read);
    assert!(!app.interview.has_answers());
    // Scrolled to its end and no further.
    for _ in 0..3 {
        key(&mut app, KeyCode::PageDown);
    }
    let end = screen_text(&app);
    assert!(end.contains("The last paragraph."), "{end}");
    assert!(!end.contains("answer 1 "), "{end}");
    key(&mut app, KeyCode::Up);
    assert!(!screen_text(&app).contains("The last paragraph."));
    // Enter starts at the first question, with nothing chosen for the person.
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.screen, Screen::Question);
    assert_eq!(
        question_id(&app).as_deref(),
        Some(CONTENT.questions[0].source.id.as_str())
    );
    assert!(!app.interview.has_answers());
    // Esc from the first question comes back to what was read, at its top.
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.screen, Screen::Read);
    assert!(screen_text(&app).contains("answer 1 (RAP sheet line 1)"));
}

#[test]
fn o_on_the_review_gives_the_answer_selected_another_source_and_the_results_follow() {
    use clearpath::model::Source;
    use clearpath::tui::app::ReviewRow;
    let mut app = app(100, 40);
    key(&mut app, KeyCode::Enter);
    answer_section(&mut app, PERSON);
    let memory = [&[("answers_from", "memory")][..], MISDEMEANOR].concat();
    answer_section(&mut app, &memory);
    choose_entries(&mut app, EntriesChoice::Done);
    assert_eq!(app.screen, Screen::Review);
    let level = CONTENT.question_index("level").unwrap();
    let fact = CONTENT.questions[level].fact;
    let row = ReviewRow::Answer {
        entry: Some(0),
        question: level,
    };
    while app.review_rows()[app.selected] != row {
        key(&mut app, KeyCode::Down);
    }
    assert_eq!(app.interview.source(0, level), Some(Source::Memory));
    assert!(
        render(&app).contains("Misdemeanor · from memory"),
        "{}",
        render(&app)
    );

    // From memory, the next is "not sure", then the RAP sheet, then court papers.
    key(&mut app, KeyCode::Char('o'));
    assert_eq!(app.interview.source(0, level), Some(Source::NotSure));
    key(&mut app, KeyCode::Char('o'));
    key(&mut app, KeyCode::Char('o'));
    assert_eq!(app.interview.source(0, level), Some(Source::CourtPapers));
    let screen = render(&app);
    assert!(
        screen.contains("Source of this answer: court papers."),
        "{screen}"
    );
    assert!(screen.contains("Misdemeanor · court papers"), "{screen}");
    assert_eq!(
        app.interview.person().cases[0].source(fact),
        Some(&Source::CourtPapers)
    );

    // The results no longer list the level among the answers to confirm.
    key(&mut app, KeyCode::Char('s'));
    let results = clearpath::tui::view::results::lines(&app, 100)
        .iter()
        .map(|l| l.to_string())
        .collect::<Vec<_>>()
        .join("\n");
    assert!(results.contains("To confirm"), "{results}");
    let confirm = &results[results.find("To confirm").unwrap()..];
    assert!(
        confirm.contains("Which best describes the offense?"),
        "{confirm}"
    );
    assert!(!confirm.contains("a misdemeanor or a felony?"), "{confirm}");

    // Back on the review, the next press after memory is the entry's own again.
    key(&mut app, KeyCode::Char('r'));
    while app.review_rows()[app.selected] != row {
        key(&mut app, KeyCode::Down);
    }
    key(&mut app, KeyCode::Char('o'));
    assert_eq!(app.interview.source(0, level), Some(Source::Memory));
    assert_eq!(app.interview.person().cases[0].source(fact), None);
}
