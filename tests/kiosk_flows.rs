//! Kiosk mode driven with synthetic events and an injected clock: time is an `Instant`
//! the test moves forward, never a sleep.

mod common;

use std::time::{Duration, Instant};

use clearpath::tui::app::{Dialog, ReviewRow};
use clearpath::tui::kiosk::{COUNTDOWN, Config, Kiosk};
use clearpath::tui::{Screen, Theme, view};
use common::*;
use insta::assert_snapshot;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

const IDLE: Duration = Duration::from_secs(60);

struct Clock(Instant);

impl Clock {
    fn advance(&mut self, d: Duration) -> Instant {
        self.0 += d;
        self.0
    }
}

fn kiosk(config: Config) -> (Kiosk<'static>, Clock) {
    let start = Instant::now();
    let mut k = Kiosk::new(&CONTENT, as_of(), Theme::plain().large(), config, start);
    k.event(&Event::Resize(80, 24), start);
    (k, Clock(start))
}

/// A kiosk started with `--lang es`.
fn spanish_kiosk(config: Config) -> (Kiosk<'static>, Clock) {
    let start = Instant::now();
    let mut k = Kiosk::new(&CONTENT_ES, as_of(), Theme::plain().large(), config, start);
    k.event(&Event::Resize(80, 24), start);
    (k, Clock(start))
}

fn idle_kiosk() -> (Kiosk<'static>, Clock) {
    kiosk(Config {
        idle: IDLE,
        ..Config::default()
    })
}

fn press(k: &mut Kiosk, at: Instant, code: KeyCode, mods: KeyModifiers) {
    k.event(&Event::Key(KeyEvent::new(code, mods)), at);
}

fn tap(k: &mut Kiosk, at: Instant, code: KeyCode) {
    press(k, at, code, KeyModifiers::NONE);
}

fn draw(k: &Kiosk) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(k.app.size.0, k.app.size.1)).unwrap();
    terminal
        .draw(|f| clearpath::tui::kiosk::view::render(k, f))
        .unwrap();
    terminal
}

fn text(k: &Kiosk) -> String {
    buffer_text(draw(k).backend().buffer())
}

/// Two entries answered, on the results: the state a person leaves behind.
fn mid_session(k: &mut Kiosk) {
    two_entries(&mut k.app);
    key(&mut k.app, KeyCode::Char('s'));
    assert_eq!(k.app.screen, Screen::Results);
    assert!(text(k).contains("Fresno"));
}

/// Nothing of the last person is reachable: no answers, no results, no entries, no
/// review rows but the fixed ones, and nothing of theirs on any screen.
fn assert_forgotten(k: &mut Kiosk, at: Instant) {
    let app = &k.app;
    assert_eq!(app.screen, Screen::Welcome);
    assert_eq!(app.dialog, None);
    assert!(!app.interview.has_answers());
    assert_eq!(app.interview.entry_count(), 0);
    assert!(app.screening.is_none());
    assert!(app.results_page.is_none());
    assert!(app.edit.is_none());
    assert!(app.changes.is_none());
    assert!(app.message.is_none());
    assert!(app.field.is_empty());
    assert!(app.interview.results().entries.is_empty());
    assert!(
        app.review_rows()
            .iter()
            .all(|r| !matches!(r, ReviewRow::Answer { .. })),
        "{:?}",
        app.review_rows()
    );
    assert!(k.countdown.is_none() && k.pin.is_none());
    let welcome = text(k);
    assert!(welcome.contains("Press Enter to start"), "{welcome}");
    // Into the interview: the first question has nothing chosen from before, and the
    // results and review keys show nothing of theirs.
    tap(k, at, KeyCode::Enter);
    assert_eq!(question_id(&k.app).as_deref(), Some("in_custody"));
    for code in [KeyCode::Char('s'), KeyCode::Char('r'), KeyCode::Enter] {
        tap(k, at, code);
        let screen = text(k);
        assert!(
            !screen.contains("Fresno") && !screen.contains("Alameda"),
            "{screen}"
        );
    }
}

#[test]
fn the_welcome_invites_the_next_person_and_offers_the_quick_clear() {
    let (k, _) = idle_kiosk();
    let screen = text(&k);
    assert!(screen.contains("Welcome. This terminal is free for you to use."));
    let flat = screen.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("It is not legal advice"), "{screen}");
    assert!(screen.contains("F12 clear all"));
    assert!(!screen.contains("quit"));
}

#[test]
fn the_quick_clear_key_is_on_every_screen() {
    let (mut k, clock) = idle_kiosk();
    let at = clock.0;
    let mut seen = vec![];
    tap(&mut k, at, KeyCode::Enter);
    seen.push(text(&k));
    answer_section(&mut k.app, PERSON);
    answer_section(&mut k.app, MISDEMEANOR);
    seen.push(text(&k)); // entries
    choose_entries(&mut k.app, EntriesChoice::Done);
    seen.push(text(&k)); // review
    tap(&mut k, at, KeyCode::Char('s'));
    seen.push(text(&k)); // results
    tap(&mut k, at, KeyCode::Char('?'));
    seen.push(text(&k)); // help over the results
    for screen in seen {
        let footer = screen.lines().last().unwrap().to_string();
        assert!(screen.contains("F12"), "{screen}");
        assert!(
            !footer.contains("quit") && !footer.contains("save"),
            "{footer}"
        );
    }
}

#[test]
fn idle_shows_the_countdown_and_any_key_cancels_it() {
    let (mut k, mut clock) = idle_kiosk();
    let at = clock.0;
    tap(&mut k, at, KeyCode::Enter);
    answer(&mut k.app, "no");
    let before = question_id(&k.app);
    k.tick(clock.advance(IDLE - Duration::from_secs(1)));
    assert_eq!(k.countdown, None);
    k.tick(clock.advance(Duration::from_secs(1)));
    assert_eq!(k.countdown, Some(30));
    assert!(text(&k).contains("Still here?"));
    k.tick(clock.advance(Duration::from_millis(10_500)));
    assert_eq!(k.countdown, Some(20));
    assert!(text(&k).contains("cleared in 20 seconds"));
    // The key that says "still here" does nothing else: not even "1" answers.
    tap(&mut k, clock.0, KeyCode::Char('1'));
    assert_eq!(k.countdown, None);
    assert_eq!(question_id(&k.app), before);
    assert!(k.app.interview.has_answers());
    // And the idle time starts again from that key.
    k.tick(clock.advance(IDLE - Duration::from_secs(1)));
    assert_eq!(k.countdown, None);
    assert!(!text(&k).contains("Still here?"));
}

#[test]
fn a_countdown_that_reaches_zero_resets() {
    let (mut k, mut clock) = idle_kiosk();
    mid_session(&mut k);
    assert!(k.take_wipe(), "the first frame wipes the terminal");
    assert!(!k.take_wipe());
    k.tick(clock.advance(IDLE));
    assert_eq!(k.countdown, Some(30));
    k.tick(clock.advance(COUNTDOWN - Duration::from_millis(1)));
    assert_eq!(k.countdown, Some(1));
    assert!(k.app.interview.has_answers());
    k.tick(clock.advance(Duration::from_millis(1)));
    assert_eq!(k.resets, 1);
    assert!(k.take_wipe(), "the reset wipes screen and scrollback");
    let at = clock.0;
    assert_forgotten(&mut k, at);
}

#[test]
fn the_welcome_alone_never_counts_down() {
    let (mut k, mut clock) = idle_kiosk();
    for _ in 0..10 {
        k.tick(clock.advance(IDLE + COUNTDOWN));
    }
    assert_eq!(k.countdown, None);
    assert_eq!(k.resets, 0);
}

#[test]
fn f12_clears_at_once_from_anywhere() {
    let (mut k, clock) = idle_kiosk();
    mid_session(&mut k);
    tap(&mut k, clock.0, KeyCode::Char('?'));
    assert_eq!(k.app.dialog, Some(Dialog::Help));
    tap(&mut k, clock.0, KeyCode::F(12));
    assert_eq!(k.resets, 1);
    assert_forgotten(&mut k, clock.0);
}

/// Esc is "back" in the footer, and only back: pressed three times quickly, or many
/// times, it walks back through the answers and keeps every one. Only F12 clears.
#[test]
fn esc_pressed_again_and_again_only_goes_back() {
    let (mut k, mut clock) = idle_kiosk();
    mid_session(&mut k);
    let answers = k.app.interview.person().clone();
    let step = Duration::from_millis(100);
    for _ in 0..3 {
        tap(&mut k, clock.advance(step), KeyCode::Esc);
    }
    assert_eq!(k.resets, 0);
    assert_eq!(k.app.interview.person(), &answers);
    for _ in 0..20 {
        tap(&mut k, clock.advance(step), KeyCode::Esc);
    }
    assert_eq!(k.resets, 0);
    assert_eq!(k.app.interview.person(), &answers);
    assert!(text(&k).contains("F12"), "the screen says which key clears");
}

#[test]
fn finishing_with_start_over_is_a_full_reset() {
    let (mut k, clock) = idle_kiosk();
    mid_session(&mut k);
    assert!(text(&k).contains("n done: clear"));
    tap(&mut k, clock.0, KeyCode::Char('n'));
    assert_eq!(k.app.dialog, Some(Dialog::StartOver));
    tap(&mut k, clock.0, KeyCode::Char('y'));
    assert_eq!(k.resets, 1);
    assert!(k.take_wipe());
    assert_forgotten(&mut k, clock.0);
}

#[test]
fn leaving_keys_and_saving_do_nothing() {
    let (mut k, clock) = idle_kiosk();
    mid_session(&mut k);
    let before = text(&k);
    let ctrl = KeyModifiers::CONTROL;
    for (code, mods) in [
        (KeyCode::Char('c'), ctrl),
        (KeyCode::Char('z'), ctrl),
        (KeyCode::Char('\\'), ctrl),
        (KeyCode::Char('4'), ctrl),
        (KeyCode::Char('d'), ctrl),
        (KeyCode::Char('q'), ctrl),
        (KeyCode::Char('q'), KeyModifiers::ALT),
        (KeyCode::Char('q'), KeyModifiers::NONE),
        (KeyCode::Char('e'), KeyModifiers::NONE),
        (KeyCode::Char('p'), KeyModifiers::NONE),
    ] {
        press(&mut k, clock.0, code, mods);
        assert!(
            !k.should_exit() && !k.app.should_quit(),
            "{code:?} {mods:?}"
        );
        assert_eq!(k.app.dialog, None, "{code:?} {mods:?}");
    }
    assert_eq!(text(&k), before);
}

#[test]
fn the_operator_chord_exits() {
    let (mut k, clock) = idle_kiosk();
    mid_session(&mut k);
    press(
        &mut k,
        clock.0,
        KeyCode::Char('q'),
        KeyModifiers::CONTROL | KeyModifiers::ALT,
    );
    assert!(k.should_exit());
}

#[test]
fn with_a_pin_the_chord_asks_for_it_masked() {
    let (mut k, clock) = kiosk(Config {
        pin: Some("4821".into()),
        ..Config::default()
    });
    let at = clock.0;
    let chord = |k: &mut Kiosk| {
        press(
            k,
            at,
            KeyCode::Char('q'),
            KeyModifiers::CONTROL | KeyModifiers::ALT,
        )
    };
    chord(&mut k);
    assert!(!k.should_exit());
    assert!(k.pin.is_some());
    for c in "4820".chars() {
        tap(&mut k, at, KeyCode::Char(c));
    }
    let screen = text(&k);
    assert!(
        screen.contains("••••") && !screen.contains("4820"),
        "{screen}"
    );
    tap(&mut k, at, KeyCode::Enter);
    assert!(!k.should_exit());
    assert!(text(&k).contains("That PIN is not right."));
    // Esc closes the box and the kiosk carries on.
    tap(&mut k, at, KeyCode::Esc);
    assert!(k.pin.is_none() && !k.should_exit());
    chord(&mut k);
    for c in "4821".chars() {
        tap(&mut k, at, KeyCode::Char(c));
    }
    tap(&mut k, at, KeyCode::Enter);
    assert!(k.should_exit());
}

/// Types `pin` and Enter in the open PIN box.
fn try_pin(k: &mut Kiosk, at: Instant, pin: &str) {
    for c in pin.chars() {
        tap(k, at, KeyCode::Char(c));
    }
    tap(k, at, KeyCode::Enter);
}

fn chord(k: &mut Kiosk, at: Instant) {
    press(
        k,
        at,
        KeyCode::Char('q'),
        KeyModifiers::CONTROL | KeyModifiers::ALT,
    );
}

#[test]
fn wrong_pins_make_the_next_try_wait_longer_each_time() {
    let (mut k, mut clock) = kiosk(Config {
        pin: Some("4821".into()),
        ..Config::default()
    });
    chord(&mut k, clock.0);
    try_pin(&mut k, clock.0, "0000");
    try_pin(&mut k, clock.0, "1111");
    assert_eq!(k.pin.as_ref().unwrap().wait, None, "two typos cost nothing");
    try_pin(&mut k, clock.0, "2222");
    assert_eq!(k.pin.as_ref().unwrap().wait, Some(2));
    let screen = text(&k);
    assert!(
        screen.contains("Too many wrong PINs. Wait 2 s."),
        "{screen}"
    );
    // While it waits even the right PIN is refused, and typing is not taken.
    try_pin(&mut k, clock.advance(Duration::from_millis(1500)), "4821");
    assert!(!k.should_exit());
    assert_eq!(k.pin.as_ref().unwrap().typed.text(), "");
    // Closing the box, or a reset anyone can cause, does not end the wait.
    tap(&mut k, clock.0, KeyCode::Esc);
    tap(&mut k, clock.0, KeyCode::F(12));
    chord(&mut k, clock.0);
    assert_eq!(k.pin.as_ref().unwrap().wait, Some(1));
    // The countdown is drawn as time passes, and ends.
    assert!(!k.tick(clock.advance(Duration::from_millis(100))));
    assert!(k.tick(clock.advance(Duration::from_millis(400))));
    assert_eq!(k.pin.as_ref().unwrap().wait, None);
    try_pin(&mut k, clock.0, "3333");
    assert_eq!(k.pin.as_ref().unwrap().wait, Some(4));
    try_pin(&mut k, clock.advance(Duration::from_secs(4)), "4444");
    assert_eq!(k.pin.as_ref().unwrap().wait, Some(8));
    try_pin(&mut k, clock.advance(Duration::from_secs(8)), "4821");
    assert!(k.should_exit());
}

#[test]
fn guessing_every_four_digit_pin_by_typing_takes_months() {
    let (mut k, mut clock) = kiosk(Config {
        pin: Some("9999".into()),
        ..Config::default()
    });
    let start = clock.0;
    chord(&mut k, clock.0);
    // Each guess as soon as the kiosk takes one.
    for guess in 0..9999 {
        let wait = k.pin.as_ref().unwrap().wait.unwrap_or(0);
        let at = clock.advance(Duration::from_secs(wait) + Duration::from_millis(5));
        try_pin(&mut k, at, &format!("{guess:04}"));
        assert!(!k.should_exit());
    }
    let days = clock.0.duration_since(start).as_secs() / 86_400;
    assert!(days >= 180, "{days} days");
}

#[test]
fn a_pin_box_left_open_is_cleared_by_idle() {
    let (mut k, mut clock) = kiosk(Config {
        idle: IDLE,
        pin: Some("1".into()),
        ..Config::default()
    });
    press(
        &mut k,
        clock.0,
        KeyCode::Char('q'),
        KeyModifiers::CONTROL | KeyModifiers::ALT,
    );
    tap(&mut k, clock.0, KeyCode::Char('9'));
    k.tick(clock.advance(IDLE + COUNTDOWN));
    assert!(k.pin.is_none());
    assert!(!k.should_exit());
}

#[cfg(unix)]
#[test]
fn p_pipes_the_text_results_to_the_print_command() {
    use clearpath::tui::kiosk::print::PrintCommand;
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("printed");
    let (mut k, clock) = kiosk(Config {
        print: Some(PrintCommand {
            program: "sh".into(),
            args: vec!["-c".into(), "cat > \"$0\"".into(), out.clone().into()],
        }),
        ..Config::default()
    });
    mid_session(&mut k);
    assert!(text(&k).contains("p print"));
    tap(&mut k, clock.0, KeyCode::Char('p'));
    k.wait_for_print();
    assert!(text(&k).contains("Your results were sent to the printer."));
    let printed = std::fs::read_to_string(&out).unwrap();
    let expected = clearpath::report::person_page(
        &CONTENT,
        k.app.interview.person(),
        k.app.screening.as_ref().unwrap(),
        clearpath::report::Format::Text,
    );
    assert_eq!(printed, expected);
    assert!(printed.contains("FRESNO"), "{printed}");
}

#[test]
fn a_resize_or_a_small_window_keeps_the_session_and_the_kiosk() {
    let (mut k, clock) = idle_kiosk();
    mid_session(&mut k);
    k.event(&Event::Resize(30, 10), clock.0);
    let small = text(&k);
    assert!(!small.contains("Ctrl-C"), "{small}");
    assert!(small.contains("F12"), "{small}");
    press(&mut k, clock.0, KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert!(!k.should_exit() && !k.app.should_quit());
    k.event(&Event::Resize(100, 30), clock.0);
    assert_eq!(k.app.screen, Screen::Results);
    assert!(text(&k).contains("Fresno"));
}

#[test]
fn snapshot_welcome_80x24() {
    let (k, _) = idle_kiosk();
    assert_snapshot!("kiosk_welcome_80x24", format!("{}", draw(&k).backend()));
}

#[test]
fn snapshot_countdown_80x24() {
    let (mut k, mut clock) = idle_kiosk();
    tap(&mut k, clock.0, KeyCode::Enter);
    k.tick(clock.advance(IDLE + Duration::from_secs(5)));
    assert_snapshot!("kiosk_countdown_80x24", format!("{}", draw(&k).backend()));
}

/// Every kind of key a person might press, the leaving ones included, and Ctrl and Alt
/// with q (but never both: that is the operator chord).
fn any_event(i: usize, n: u8) -> Event {
    let plain = |code| Event::Key(KeyEvent::new(code, KeyModifiers::NONE));
    let ctrl = |c| Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL));
    match i {
        0 => plain(KeyCode::Enter),
        1 => plain(KeyCode::Esc),
        2 => plain(KeyCode::Up),
        3 => plain(KeyCode::Down),
        4 => plain(KeyCode::PageDown),
        5 => plain(KeyCode::Backspace),
        6 => plain(KeyCode::F(12)),
        7 => plain(KeyCode::F(1)),
        8 => plain(KeyCode::Char((b'0' + n % 10) as char)),
        9 => plain(KeyCode::Char((b' ' + n % 95) as char)),
        10 => ctrl('c'),
        11 => ctrl('z'),
        12 => ctrl('\\'),
        13 => ctrl('q'),
        14 => Event::Key(KeyEvent::new(KeyCode::Char('q'), KeyModifiers::ALT)),
        15 => plain(KeyCode::Char('q')),
        16 => plain(KeyCode::Char('e')),
        17 => plain(KeyCode::Char('n')),
        18 => plain(KeyCode::Char('y')),
        19 => plain(KeyCode::Char('s')),
        20 => Event::Resize(40 + u16::from(n), 10 + u16::from(n) / 4),
        _ => plain(KeyCode::Tab),
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]

    /// Any keys, resizes and pauses: never an exit without the chord, never a panic,
    /// every frame draws.
    #[test]
    fn random_keys_never_leave_the_kiosk(
        events in proptest::collection::vec((0..22usize, proptest::num::u8::ANY, 0..200u64), 0..400),
    ) {
        let (mut k, mut clock) = idle_kiosk();
        for (i, (e, n, pause)) in events.into_iter().enumerate() {
            let at = clock.advance(Duration::from_millis(pause * 500));
            k.event(&any_event(e, n), at);
            k.tick(at);
            if i % 20 == 0 {
                text(&k);
            }
            proptest::prop_assert!(!k.should_exit());
            proptest::prop_assert!(!k.app.should_quit());
            proptest::prop_assert!(!matches!(k.app.dialog, Some(Dialog::Export | Dialog::Quit)));
        }
        text(&k);
    }
}

#[test]
fn a_stuck_key_is_harmless() {
    let (mut k, clock) = idle_kiosk();
    tap(&mut k, clock.0, KeyCode::Enter);
    answer_section(&mut k.app, PERSON);
    // A county field, with a key held down.
    for _ in 0..20_000 {
        tap(&mut k, clock.0, KeyCode::Char('x'));
    }
    text(&k);
    let _ = view::hints(&k.app);
    tap(&mut k, clock.0, KeyCode::F(12));
    assert!(!k.app.interview.has_answers());
}

#[test]
fn the_kiosk_is_bold_high_contrast_and_honors_no_color() {
    use ratatui::style::{Color, Modifier};
    for color in [true, false] {
        let theme = Theme {
            color,
            large: false,
        }
        .large();
        let mut k = Kiosk::new(&CONTENT, as_of(), theme, Config::default(), Instant::now());
        k.event(&Event::Resize(80, 24), Instant::now());
        let terminal = draw(&k);
        let buf = terminal.backend().buffer();
        for cell in buf.content.iter() {
            assert!(cell.modifier.contains(Modifier::BOLD));
            assert!(!cell.modifier.contains(Modifier::DIM));
            if color {
                assert_ne!(cell.fg, Color::Reset);
                assert_ne!(cell.bg, Color::Reset);
            } else {
                assert_eq!((cell.fg, cell.bg), (Color::Reset, Color::Reset));
            }
        }
        // The invitation is a reversed band.
        let row = (0..24)
            .find(|&y| {
                (0..80)
                    .map(|x| buf[(x, y)].symbol())
                    .collect::<String>()
                    .contains("Welcome. This terminal")
            })
            .unwrap();
        assert!(buf[(10, row)].modifier.contains(Modifier::REVERSED));
    }
}

#[test]
fn the_spanish_kiosk_speaks_spanish_from_welcome_to_the_pin_box() {
    let (mut k, mut clock) = spanish_kiosk(Config {
        idle: IDLE,
        pin: Some("4821".into()),
        ..Config::default()
    });
    let welcome = text(&k);
    assert!(
        welcome.contains("Le damos la bienvenida. Puede usar esta terminal libremente."),
        "{welcome}"
    );
    assert!(welcome.contains("Presione Enter para empezar"), "{welcome}");
    assert!(
        !welcome.contains("Welcome") && !welcome.contains("Press"),
        "{welcome}"
    );

    tap(&mut k, clock.0, KeyCode::Enter);
    k.tick(clock.advance(IDLE + COUNTDOWN - Duration::from_secs(1)));
    let countdown = text(&k);
    assert!(countdown.contains("¿Sigue ahí?"), "{countdown}");
    assert!(
        countdown.contains("Sus respuestas se borrarán en 1 segundo."),
        "{countdown}"
    );
    tap(&mut k, clock.0, KeyCode::Char('x'));

    press(
        &mut k,
        clock.0,
        KeyCode::Char('q'),
        KeyModifiers::CONTROL | KeyModifiers::ALT,
    );
    tap(&mut k, clock.0, KeyCode::Char('1'));
    tap(&mut k, clock.0, KeyCode::Enter);
    let pin = text(&k);
    assert!(pin.contains("PIN para cerrar clearpath:"), "{pin}");
    assert!(pin.contains("Ese PIN no es correcto."), "{pin}");
    assert!(
        pin.contains("Enter cerrar clearpath · Esc cancelar"),
        "{pin}"
    );
}

#[cfg(unix)]
#[test]
fn the_spanish_kiosk_prints_in_spanish_and_says_so() {
    use clearpath::tui::kiosk::print::PrintCommand;
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("printed");
    let (mut k, clock) = spanish_kiosk(Config {
        print: Some(PrintCommand {
            program: "sh".into(),
            args: vec!["-c".into(), "cat > \"$0\"".into(), out.clone().into()],
        }),
        ..Config::default()
    });
    two_entries(&mut k.app);
    key(&mut k.app, KeyCode::Char('s'));
    assert_eq!(k.app.screen, Screen::Results);
    tap(&mut k, clock.0, KeyCode::Char('p'));
    k.wait_for_print();
    let screen = text(&k);
    assert!(
        screen.contains("Sus resultados se enviaron a la impresora."),
        "{screen}"
    );
    let printed = std::fs::read_to_string(&out).unwrap();
    assert!(printed.contains("SU PLAN"), "{printed}");
}

#[test]
fn snapshot_spanish_welcome_80x24() {
    let (k, _) = spanish_kiosk(Config::default());
    assert_snapshot!("kiosk_welcome_es_80x24", format!("{}", draw(&k).backend()));
}

#[test]
fn snapshot_spanish_countdown_80x24() {
    let (mut k, mut clock) = spanish_kiosk(Config {
        idle: IDLE,
        ..Config::default()
    });
    tap(&mut k, clock.0, KeyCode::Enter);
    k.tick(clock.advance(IDLE + Duration::from_secs(5)));
    assert_snapshot!(
        "kiosk_countdown_es_80x24",
        format!("{}", draw(&k).backend())
    );
}

#[test]
fn a_person_can_switch_to_spanish_and_the_next_person_starts_in_english() {
    let start = Instant::now();
    let mut k = Kiosk::new(
        &CONTENT,
        as_of(),
        Theme::plain().large(),
        Config::default(),
        start,
    )
    .with_languages(&[&CONTENT_ES]);
    k.event(&Event::Resize(80, 24), start);
    assert!(text(&k).contains("Para español, pulse l."), "{}", text(&k));
    tap(&mut k, start, KeyCode::Char('l'));
    tap(&mut k, start, KeyCode::Enter);
    assert!(text(&k).contains("¿Está usted en la cárcel o en prisión en este momento?"));
    tap(&mut k, start, KeyCode::F(12));
    assert!(
        text(&k).contains("Welcome. This terminal is free for you to use."),
        "{}",
        text(&k)
    );
}
