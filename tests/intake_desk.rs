//! The clinic's full-screen intake desk, driven by key events as the terminal sends
//! them: the client list, new intakes, the interview saving as it goes, notes,
//! printouts, the tally, search, done and delete.

mod common;

use std::path::Path;
use std::sync::atomic::{AtomicI64, Ordering};

use chrono::{DateTime, FixedOffset};
use clearpath::content::Lang;
use clearpath::intake::{Status, Store};
use clearpath::tui::Screen;
use clearpath::tui::Theme;
use clearpath::tui::desk::{Desk, DeskDialog, view};
use common::*;
use insta::assert_snapshot;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

/// A desk at 80×24 whose list speaks `lang`, on the real clock (the fixed one is the
/// snapshots' alone).
fn desk_in(dir: &Path, lang: Lang) -> Desk<'static> {
    let contents = match lang {
        Lang::En => vec![&*CONTENT, &*CONTENT_ES],
        Lang::Es => vec![&*CONTENT_ES, &*CONTENT],
    };
    let mut desk = Desk::new(Store::open(dir).unwrap(), contents, as_of(), Theme::plain());
    desk.event(&Event::Resize(80, 24));
    desk
}

fn desk(dir: &Path) -> Desk<'static> {
    desk_in(dir, Lang::En)
}

/// Minutes past 9:00 on the snapshot desk's clock: a minute passes at every save.
static MINUTES: AtomicI64 = AtomicI64::new(0);

/// A desk whose clock starts at 9:00 each time, so the list's times and order are the
/// same on every run.
fn desk_at(dir: &Path, lang: Lang, width: u16, height: u16) -> Desk<'static> {
    fn clock() -> DateTime<FixedOffset> {
        let nine = DateTime::parse_from_rfc3339("2026-11-25T09:00:00-08:00").unwrap();
        nine + chrono::Duration::minutes(MINUTES.fetch_add(1, Ordering::SeqCst))
    }
    MINUTES.store(0, Ordering::SeqCst);
    let store = Store::with_clock(dir, clock).unwrap();
    let contents = match lang {
        Lang::En => vec![&*CONTENT, &*CONTENT_ES],
        Lang::Es => vec![&*CONTENT_ES, &*CONTENT],
    };
    let mut desk = Desk::new(store, contents, as_of(), Theme::plain());
    desk.event(&Event::Resize(width, height));
    desk
}

fn ctrl(desk: &mut Desk, c: char) {
    desk.event(&Event::Key(KeyEvent::new(
        KeyCode::Char(c),
        KeyModifiers::CONTROL,
    )));
}

/// The screen as plain lines.
fn text(desk: &Desk) -> String {
    let mut terminal = Terminal::new(TestBackend::new(desk.size.0, desk.size.1)).unwrap();
    terminal.draw(|f| view::render(desk, f)).unwrap();
    buffer_text(terminal.backend().buffer())
}

/// The screen in `TestBackend`'s quoted form, for snapshots: trailing spaces show.
fn snapshot(desk: &Desk) -> String {
    let mut terminal = Terminal::new(TestBackend::new(desk.size.0, desk.size.1)).unwrap();
    terminal.draw(|f| view::render(desk, f)).unwrap();
    format!("{}", terminal.backend())
}

fn new_intake(desk: &mut Desk, name: &str, number: &str) {
    key(desk, KeyCode::Char('n'));
    chars(desk, name);
    key(desk, KeyCode::Tab);
    chars(desk, number);
    key(desk, KeyCode::Enter);
    assert!(desk.open.is_some(), "the new intake opens:\n{}", text(desk));
}

/// Two entries, answered from the first question to the review.
fn two_entries(desk: &mut Desk) {
    answer_section(desk, PERSON);
    answer_section(desk, MISDEMEANOR);
    choose_entries(desk, EntriesChoice::Add);
    answer_section(desk, ARREST);
    choose_entries(desk, EntriesChoice::Done);
    assert_eq!(desk.shown().screen, Screen::Review);
}

fn write_note(desk: &mut Desk, note: &str) {
    key(desk, KeyCode::F(3));
    assert!(matches!(desk.dialog, Some(DeskDialog::Notes(_))));
    chars(desk, note);
    key(desk, KeyCode::Enter);
    assert!(desk.dialog.is_none());
}

fn search(desk: &mut Desk, query: &str) {
    key(desk, KeyCode::Char('/'));
    key(desk, KeyCode::Esc);
    key(desk, KeyCode::Char('/'));
    chars(desk, query);
    key(desk, KeyCode::Enter);
}

fn intakes(dir: &Path) -> Vec<clearpath::intake::Intake> {
    let store = Store::open(dir).unwrap();
    store
        .list()
        .unwrap()
        .into_iter()
        .map(|l| l.state.expect("every file loads"))
        .collect()
}

#[test]
fn a_clinic_day_three_clients_an_interruption_a_printout_and_the_tally() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("intakes");
    let mut d = desk(&data);
    assert!(text(&d).contains("No intakes yet. Press n to start one."));

    for (name, number) in [("Maria Lopez", "A-101"), ("Jun Park", "A-102")] {
        new_intake(&mut d, name, number);
        two_entries(&mut d);
        write_note(&mut d, &format!("{name} brought the RAP sheet"));
        key(&mut d, KeyCode::Char('q'));
        assert!(d.open.is_none(), "q goes back to the list");
        assert!(text(&d).contains("every answer is saved"));
    }

    // The third client: part way through the first entry, the program goes away.
    new_intake(&mut d, "Ana Ruiz", "A-103");
    answer_section(&mut d, PERSON);
    for _ in 0..3 {
        let a = default_answer(d.shown());
        let id = question_id(d.shown()).unwrap();
        let rule = MISDEMEANOR.iter().find(|(q, _)| *q == id).map(|(_, a)| *a);
        answer(&mut d, rule.unwrap_or(&a));
    }
    let stopped_at = question_id(d.shown());
    drop(d);

    let mut d = desk(&data);
    let screen = text(&d);
    for name in [
        "Maria Lopez (#A-101)",
        "Jun Park (#A-102)",
        "Ana Ruiz (#A-103)",
    ] {
        assert!(screen.contains(name), "{name} is listed:\n{screen}");
    }
    search(&mut d, "ruiz");
    assert_eq!(d.matching().len(), 1);
    key(&mut d, KeyCode::Enter);
    assert_eq!(
        question_id(d.shown()),
        stopped_at,
        "the intake reopens at the question it stopped on"
    );
    answer_section(&mut d, MISDEMEANOR);
    choose_entries(&mut d, EntriesChoice::Add);
    answer_section(&mut d, ARREST);
    choose_entries(&mut d, EntriesChoice::Done);
    ctrl(&mut d, 'c');
    assert!(
        d.open.is_none(),
        "Ctrl-C in an intake goes back to the list"
    );

    // Every intake holds two entries, all answered.
    let saved = intakes(&data);
    assert_eq!(saved.len(), 3);
    assert!(saved.iter().all(|i| i.entries.len() == 2));

    // The attorney's HTML for the first client.
    search(&mut d, "A-101");
    key(&mut d, KeyCode::Char('e'));
    for _ in 0..4 {
        key(&mut d, KeyCode::Down);
    }
    let out = dir.path().join("maria-attorney.html");
    ctrl(&mut d, 'u');
    chars(&mut d, out.to_str().unwrap());
    key(&mut d, KeyCode::Enter);
    assert!(d.dialog.is_none(), "{}", text(&d));
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    for expected in [
        "Maria Lopez",
        "Maria Lopez brought the RAP sheet",
        "1203.4",
        "Fresno",
        "Alameda",
    ] {
        assert!(html.contains(expected), "the printout has {expected:?}");
    }
    // Asked again, it does not replace the file without a yes.
    key(&mut d, KeyCode::Char('e'));
    for _ in 0..4 {
        key(&mut d, KeyCode::Down);
    }
    ctrl(&mut d, 'u');
    chars(&mut d, out.to_str().unwrap());
    key(&mut d, KeyCode::Enter);
    assert!(matches!(d.dialog, Some(DeskDialog::Replace { .. })));
    key(&mut d, KeyCode::Char('n'));
    key(&mut d, KeyCode::Esc);

    // The day's tally as CSV.
    key(&mut d, KeyCode::Char('t'));
    let csv_path = dir.path().join("tally.csv");
    ctrl(&mut d, 'u');
    chars(&mut d, csv_path.to_str().unwrap());
    key(&mut d, KeyCode::Enter);
    let csv = std::fs::read_to_string(&csv_path).unwrap();
    let mut lines = csv.lines();
    let head: Vec<&str> = lines.next().unwrap().split(',').collect();
    let row: Vec<&str> = lines.next().unwrap().split(',').collect();
    let count = |name: &str| row[head.iter().position(|h| *h == name).unwrap()];
    let today = clearpath::intake::Store::open(&data)
        .unwrap()
        .now()
        .date_naive()
        .to_string();
    assert_eq!(count("from"), today);
    assert_eq!(count("intakes"), "3");
    assert_eq!(count("entries"), "6");
    assert!(
        !csv.contains("Maria") && !csv.contains("A-101"),
        "nothing personal"
    );
}

#[test]
fn a_printout_or_tally_aimed_at_a_folder_is_refused_before_asking_to_replace() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let mut d = desk(&data);
    new_intake(&mut d, "Ana", "");
    key(&mut d, KeyCode::Char('q'));
    let folder = dir.path().join("printouts");
    std::fs::create_dir(&folder).unwrap();
    key(&mut d, KeyCode::Char('e'));
    ctrl(&mut d, 'u');
    chars(&mut d, folder.to_str().unwrap());
    key(&mut d, KeyCode::Enter);
    match &d.dialog {
        Some(DeskDialog::Export(form)) => assert_eq!(
            form.error.as_deref(),
            Some("Could not save: that is a folder. Type a file name.")
        ),
        other => panic!("the export box stays, with the reason: {other:?}"),
    }
    key(&mut d, KeyCode::Esc);
    key(&mut d, KeyCode::Char('t'));
    ctrl(&mut d, 'u');
    chars(&mut d, folder.to_str().unwrap());
    key(&mut d, KeyCode::Enter);
    assert!(
        matches!(&d.dialog, Some(DeskDialog::Tally(form)) if form.error.is_some()),
        "{:?}",
        d.dialog
    );
    assert_eq!(std::fs::read_dir(&folder).unwrap().count(), 0);
}

#[test]
fn mark_done_search_and_delete_with_confirmation() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = desk(dir.path());
    for name in ["First Client", "Second Client"] {
        new_intake(&mut d, name, "");
        answer_section(&mut d, PERSON);
        // The county is typed, so q is a letter there; Ctrl-C goes back.
        key(&mut d, KeyCode::Char('q'));
        assert!(d.open.is_some());
        ctrl(&mut d, 'c');
    }
    search(&mut d, "first");
    key(&mut d, KeyCode::Char('d'));
    assert!(text(&d).contains("First Client is marked done."));
    let done: Vec<_> = intakes(dir.path())
        .into_iter()
        .filter(|i| i.status == Status::Done)
        .map(|i| i.name.clone())
        .collect();
    assert_eq!(done, ["First Client"]);

    // Delete asks; "n" keeps the file, "y" deletes it.
    assert_eq!(intakes(dir.path()).len(), 2);
    key(&mut d, KeyCode::Char('x'));
    assert!(text(&d).contains("Delete this intake?"));
    key(&mut d, KeyCode::Char('n'));
    assert_eq!(intakes(dir.path()).len(), 2, "{}", text(&d));
    key(&mut d, KeyCode::Char('x'));
    key(&mut d, KeyCode::Char('y'));
    let left: Vec<_> = intakes(dir.path())
        .into_iter()
        .map(|i| i.name.clone())
        .collect();
    assert_eq!(left, ["Second Client"]);

    // A search that finds nothing says so; Esc clears it.
    search(&mut d, "nobody");
    assert!(text(&d).contains("No intake matches \"nobody\""));
    key(&mut d, KeyCode::Esc);
    assert!(text(&d).contains("Second Client"));
}

#[test]
fn a_new_intake_needs_a_name_or_a_number_and_takes_the_clients_language() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = desk(dir.path());
    key(&mut d, KeyCode::Char('n'));
    key(&mut d, KeyCode::Enter);
    assert!(text(&d).contains("Give a client name or an intake number."));
    assert!(intakes(dir.path()).is_empty());
    chars(&mut d, "Rosa");
    key(&mut d, KeyCode::Tab);
    key(&mut d, KeyCode::Tab);
    key(&mut d, KeyCode::Right);
    key(&mut d, KeyCode::Enter);
    let screen = text(&d);
    assert!(
        screen.contains("¿Está usted en la cárcel o en prisión en este momento?"),
        "the interview is in the client's language:\n{screen}"
    );
    assert_eq!(intakes(dir.path())[0].language, Lang::Es);
    // Reopened, it is in Spanish again; the client's printout is Spanish, the
    // attorney's English.
    answer_section(&mut d, PERSON);
    ctrl(&mut d, 'c');
    key(&mut d, KeyCode::Enter);
    assert!(
        text(&d).contains("Sobre usted") || text(&d).contains("Caso 1"),
        "{}",
        text(&d)
    );
    ctrl(&mut d, 'c');
    for (downs, file, expected) in [
        (1, "client.txt", "SU PLAN PARA LIMPIAR SU HISTORIAL"),
        (5, "attorney.txt", "Client's language"),
    ] {
        key(&mut d, KeyCode::Char('e'));
        for _ in 0..downs {
            key(&mut d, KeyCode::Down);
        }
        let path = dir.path().join(file);
        ctrl(&mut d, 'u');
        chars(&mut d, path.to_str().unwrap());
        key(&mut d, KeyCode::Enter);
        let printout = std::fs::read_to_string(&path).unwrap();
        assert!(
            printout.contains(expected),
            "{file} lacks {expected:?}:\n{printout}"
        );
    }
}

/// With an interpreter (`intake --lang es,en`), an intake shows its client's language
/// and the other one under it; the list stays in the desk's own.
#[test]
fn an_interpreter_sees_each_intake_in_the_clients_language_and_the_other() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = desk(dir.path()).for_interpreter(true);
    assert!(text(&d).contains("Clinic intake"), "{}", text(&d));
    new_intake(&mut d, "Rosa", "");
    let screen = text(&d);
    assert!(
        screen.contains("Are you in jail or prison right now?"),
        "{screen}"
    );
    assert!(
        screen.contains("¿Está usted en la cárcel o en prisión en este momento?"),
        "{screen}"
    );
    let other = tempfile::tempdir().unwrap();
    let mut alone = desk(other.path());
    new_intake(&mut alone, "Rosa", "");
    assert!(!text(&alone).contains("¿Está usted"), "{}", text(&alone));
}

#[test]
fn switching_the_screens_language_keeps_the_clients_which_only_the_details_change() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = desk(dir.path());
    new_intake(&mut d, "Luis", "");
    answer(&mut d, "no");
    key(&mut d, KeyCode::F(2));
    answer(&mut d, "no");
    key(&mut d, KeyCode::Char('l'));
    let saved = &intakes(dir.path())[0];
    assert_eq!(
        saved.language,
        Lang::En,
        "the screen's language is not the client's"
    );
    assert_eq!(saved.person.len(), 2, "both answers kept across the switch");
    assert!(
        text(&d).contains("Client's printout: English (F4 changes it)"),
        "{}",
        text(&d)
    );
    // The client's details change it: F4, the language, Enter.
    key(&mut d, KeyCode::F(4));
    assert!(matches!(d.dialog, Some(DeskDialog::Details(_))));
    assert!(text(&d).contains("Client's details"), "{}", text(&d));
    key(&mut d, KeyCode::Tab);
    key(&mut d, KeyCode::Tab);
    key(&mut d, KeyCode::Right);
    key(&mut d, KeyCode::Enter);
    assert!(d.dialog.is_none(), "{}", text(&d));
    let saved = &intakes(dir.path())[0];
    assert_eq!(saved.language, Lang::Es);
    assert_eq!(saved.name, "Luis");
    assert_eq!(saved.person.len(), 2);
}

#[test]
fn notes_are_kept_per_client_and_per_entry() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = desk(dir.path());
    new_intake(&mut d, "", "N-7");
    write_note(&mut d, "Needs an interpreter");
    answer_section(&mut d, PERSON);
    // On a question of entry 1, the notes open on entry 1's note.
    write_note(&mut d, "Case number on the back of the RAP sheet");
    let saved = &intakes(dir.path())[0];
    assert_eq!(saved.note, "Needs an interpreter");
    assert_eq!(
        saved.entries[0].note,
        "Case number on the back of the RAP sheet"
    );
    // Esc leaves the notes as they were.
    key(&mut d, KeyCode::F(3));
    chars(&mut d, " and more");
    key(&mut d, KeyCode::Esc);
    assert_eq!(
        intakes(dir.path())[0].entries[0].note,
        "Case number on the back of the RAP sheet"
    );
}

#[test]
fn removing_an_entry_in_the_interview_takes_its_note_with_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = desk(dir.path());
    new_intake(&mut d, "Two Entries", "");
    answer_section(&mut d, PERSON);
    write_note(&mut d, "note one");
    answer_section(&mut d, MISDEMEANOR);
    choose_entries(&mut d, EntriesChoice::Add);
    write_note(&mut d, "note two");
    answer_section(&mut d, ARREST);
    // On the entries screen: remove entry 1, confirmed.
    key(&mut d, KeyCode::Home);
    key(&mut d, KeyCode::Char('d'));
    key(&mut d, KeyCode::Char('y'));
    let saved = &intakes(dir.path())[0];
    assert_eq!(saved.entries.len(), 1);
    assert_eq!(saved.entries[0].note, "note two");
    assert_eq!(
        saved.entries[0].facts.get("county"),
        Some(&clearpath::intake::record::Saved::Text("Alameda".into()))
    );
}

#[test]
fn damaged_files_and_escape_sequences_never_reach_the_screen_raw() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    store.create("Evil\u{1b}[2J\u{7}Name", "").unwrap();
    std::fs::write(
        dir.path().join("20260101-000000-0000000000.ron"),
        "Intake(\n  format: 1,\n  nonsense",
    )
    .unwrap();
    let mut d = desk(dir.path());
    let screen = text(&d);
    assert!(!screen.contains('\u{1b}') && !screen.contains('\u{7}'));
    assert!(screen.contains("Evil\\u{1b}[2J\\u{7}Name"), "{screen}");
    assert!(screen.contains("DAMAGED"), "{screen}");
    // Opening the damaged file says why, and loses nothing.
    key(&mut d, KeyCode::End);
    key(&mut d, KeyCode::Enter);
    assert!(d.open.is_none());
    assert!(text(&d).contains("This file is damaged"));
}

#[test]
fn the_list_fits_and_says_its_keys_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    for lang in [clearpath::content::Lang::En, clearpath::content::Lang::Es] {
        let mut d = desk_in(dir.path(), lang);
        let screen = text(&d);
        let footer = screen.lines().last().unwrap().trim_end().to_string();
        let w = clearpath::strings::Strings::get(lang);
        assert!(
            footer.contains(&format!("? {}", w.tui_key_help)),
            "{footer}"
        );
        assert!(
            footer.contains(&format!("q {}", w.tui_key_quit)),
            "{footer}"
        );
        assert!(
            footer.contains(&format!("n {}", w.desk_key_new)),
            "{footer}"
        );
        // And inside an intake, the interview's footer fits with the intake's keys.
        new_intake(&mut d, "Fit", "");
        let screen = text(&d);
        let footer = screen.lines().last().unwrap().trim_end();
        assert!(
            footer.ends_with(&format!("q {}", w.tui_key_clients)),
            "{footer:?}"
        );
        assert!(
            footer.contains(&format!("F3 {}", w.tui_key_notes)),
            "{footer:?}"
        );
    }
}

/// The list with three clients (one done, one with a long name), and each box the
/// list opens, in English and Spanish, at 80×24 and 120×40.
#[test]
fn desk_snapshots() {
    for lang in [Lang::En, Lang::Es] {
        for (w, h) in [(80, 24), (120, 40)] {
            let dir = tempfile::tempdir().unwrap();
            let mut d = desk_at(dir.path(), lang, w, h);
            let tag = format!("{}_{w}x{h}", lang.code());
            new_intake(&mut d, "Maria Lopez", "A-101");
            answer_section(&mut d, PERSON);
            ctrl(&mut d, 'c');
            new_intake(&mut d, "", "A-102");
            ctrl(&mut d, 'c');
            new_intake(
                &mut d,
                "Guadalupe Concepción de la Fuente-Ramírez y Villanueva",
                "A-103-2026-NOV",
            );
            ctrl(&mut d, 'c');
            search(&mut d, "A-102");
            key(&mut d, KeyCode::Char('d'));
            key(&mut d, KeyCode::Esc);
            assert_snapshot!(format!("desk_list_{tag}"), snapshot(&d));
            key(&mut d, KeyCode::Char('n'));
            chars(&mut d, "Rosa");
            assert_snapshot!(format!("desk_new_{tag}"), snapshot(&d));
            key(&mut d, KeyCode::Esc);
            key(&mut d, KeyCode::Char('t'));
            assert_snapshot!(format!("desk_tally_{tag}"), snapshot(&d));
            key(&mut d, KeyCode::Esc);
            key(&mut d, KeyCode::Char('?'));
            assert_snapshot!(format!("desk_help_{tag}"), {
                // The folder's name is random; a mask of the same length keeps the box.
                let path = dir.path().display().to_string();
                snapshot(&d).replace(&path, &"X".repeat(path.chars().count()))
            });
            key(&mut d, KeyCode::Esc);
            search(&mut d, "Maria");
            key(&mut d, KeyCode::Enter);
            write_note(&mut d, "Brought the RAP sheet");
            key(&mut d, KeyCode::F(3));
            assert_snapshot!(format!("desk_notes_{tag}"), snapshot(&d));
        }
    }
}

#[test]
fn intakes_copied_in_from_another_laptop_appear_in_the_open_list() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = desk(dir.path());
    assert!(
        !d.tick(std::time::Instant::now()),
        "not yet time to read again"
    );
    let other = tempfile::tempdir().unwrap();
    let copied = Store::open(other.path())
        .unwrap()
        .create("From The Other Laptop", "")
        .unwrap();
    let name = format!("{}.ron", copied.id);
    std::fs::copy(other.path().join(&name), dir.path().join(&name)).unwrap();
    let later = std::time::Instant::now() + clearpath::tui::desk::RELOAD;
    assert!(d.tick(later));
    assert!(text(&d).contains("From The Other Laptop"));
}

#[test]
fn printouts_are_offered_from_the_review_and_results_not_from_a_question() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = desk(dir.path());
    new_intake(&mut d, "Stray Keys", "");
    key(&mut d, KeyCode::Char('e'));
    assert!(d.dialog.is_none(), "a stray e on a question opens nothing");
    two_entries(&mut d);
    key(&mut d, KeyCode::Char('e'));
    assert!(matches!(d.dialog, Some(DeskDialog::Export(_))));
    key(&mut d, KeyCode::Esc);
    // Too small a window says how to get back to the list, and Ctrl-C does.
    d.event(&Event::Resize(60, 20));
    assert!(text(&d).contains("Ctrl-C goes back to the clients"));
    ctrl(&mut d, 'c');
    assert!(d.open.is_none());
}

#[test]
fn escape_sequences_in_a_hand_edited_file_never_reach_the_screen() {
    use clearpath::intake::record::Saved;
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let mut intake = store.create("Edited", "").unwrap();
    intake.note = "before\u{1b}[31mred\u{7}".into();
    let mut entry = clearpath::intake::Entry::default();
    entry.facts.insert(
        "county".into(),
        Saved::Text("Fres\u{1b}]0;title\u{7}no".into()),
    );
    entry.note = "entry\u{1b}[2Jnote".into();
    intake.entries.push(entry);
    store.save(&mut intake).unwrap();

    let mut d = desk(dir.path());
    key(&mut d, KeyCode::Enter);
    let raw = |d: &Desk| text(d).contains('\u{1b}') || text(d).contains('\u{7}');
    assert!(!raw(&d));
    // The county is asked again rather than shown with its escape sequence.
    answer_section(&mut d, PERSON);
    assert_eq!(question_id(d.shown()).as_deref(), Some("county"));
    key(&mut d, KeyCode::F(3));
    assert!(!raw(&d));
    assert!(text(&d).contains("entry\\u{1b}[2Jnote"), "{}", text(&d));
    key(&mut d, KeyCode::BackTab);
    assert!(text(&d).contains("before\\u{1b}[31mred"), "{}", text(&d));
}

#[test]
fn fixes_from_a_session_at_the_desk() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = desk(dir.path());
    // Esc from the first question is the list, not the welcome meant for a person alone.
    new_intake(&mut d, "María Hernández", "");
    key(&mut d, KeyCode::Esc);
    assert!(d.open.is_none(), "{}", text(&d));
    // Names are found without their accents.
    search(&mut d, "maria hernandez");
    assert_eq!(d.matching().len(), 1);
    key(&mut d, KeyCode::Enter);
    // On the entries screen the numbers are the two answers: 2 highlights "that is
    // all", never "remove entry 2", and Enter confirms it.
    answer_section(&mut d, PERSON);
    answer_section(&mut d, MISDEMEANOR);
    key(&mut d, KeyCode::Char('1'));
    assert_eq!(d.shown().screen, Screen::Entries);
    key(&mut d, KeyCode::Enter);
    answer_section(&mut d, ARREST);
    key(&mut d, KeyCode::Char('2'));
    assert!(d.shown().dialog.is_none());
    assert_eq!(d.shown().screen, Screen::Entries);
    key(&mut d, KeyCode::Enter);
    assert!(d.shown().dialog.is_none());
    assert_eq!(d.shown().screen, Screen::Review);
    assert_eq!(intakes(dir.path())[0].entries.len(), 2);
    // Switching language says that the client's printout does not follow.
    key(&mut d, KeyCode::Char('l'));
    assert!(
        text(&d).contains("La pantalla ahora está en Español"),
        "{}",
        text(&d)
    );
    // Ctrl-C in the notes keeps what was typed.
    key(&mut d, KeyCode::F(3));
    chars(&mut d, "typed then Ctrl-C");
    ctrl(&mut d, 'c');
    assert_eq!(intakes(dir.path())[0].note, "typed then Ctrl-C");
}

#[test]
fn every_screen_of_an_intake_ends_its_footer_with_the_way_back_in_both_languages() {
    for lang in [Lang::En, Lang::Es] {
        let dir = tempfile::tempdir().unwrap();
        let mut d = desk_in(dir.path(), lang);
        let w = clearpath::strings::Strings::get(lang);
        new_intake(&mut d, "Footer", "");
        let check = |d: &Desk, place: &str| {
            let screen = text(d);
            let footer = screen.lines().last().unwrap().trim_end().to_string();
            assert!(
                footer.ends_with(&format!("q {}", w.tui_key_clients))
                    || footer.ends_with(&format!("Ctrl-C {}", w.tui_key_clients)),
                "{place} ({lang:?}): {footer:?}"
            );
        };
        check(&d, "question");
        answer_section(&mut d, PERSON);
        check(&d, "typed question");
        answer_section(&mut d, MISDEMEANOR);
        check(&d, "entries");
        choose_entries(&mut d, EntriesChoice::Done);
        check(&d, "review");
        key(&mut d, KeyCode::Enter);
        assert_eq!(d.shown().screen, Screen::Results);
        check(&d, "results");
    }
}

/// A desk whose data folder goes away after the first answer (a removed stick, a full
/// or read-only disk all look the same to the desk: the file cannot be written), with
/// the second answer given and not saved.
fn desk_losing_its_folder(dir: &Path) -> Desk<'static> {
    let data = dir.join("data");
    let mut d = desk(&data);
    new_intake(&mut d, "Rosa", "");
    answer(&mut d, "no");
    std::fs::remove_dir_all(&data).unwrap();
    answer(&mut d, "no");
    d
}

#[test]
fn a_change_that_cannot_be_saved_is_kept_shown_in_full_and_leaving_asks_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = desk_losing_its_folder(dir.path());
    // The whole reason, wrapped in a box: its last words are on screen.
    match &d.dialog {
        Some(DeskDialog::NotSaved(text)) => {
            assert!(text.contains("does not exist"), "{text}");
            assert!(text.ends_with("saved with the next change."), "{text}");
        }
        other => panic!("the reason is shown: {other:?}"),
    }
    let screen = text(&d);
    assert!(
        screen.contains("next change."),
        "wrapped, not cut:\n{screen}"
    );
    key(&mut d, KeyCode::Enter);
    assert!(d.dialog.is_none());
    assert_eq!(d.shown().interview.person().person.answered().count(), 2);

    // Leaving asks, in so many words.
    key(&mut d, KeyCode::Char('q'));
    assert!(d.open.is_some(), "not left");
    assert!(
        matches!(d.dialog, Some(DeskDialog::Leave(_))),
        "{:?}",
        d.dialog
    );
    let screen = text(&d);
    for words in [
        "could not be saved",
        "try saving again",
        "save a copy somewhere else",
        "will be lost",
    ] {
        assert!(screen.contains(words), "{words:?}:\n{screen}");
    }
    // Trying again fails again and says so.
    key(&mut d, KeyCode::Char('r'));
    assert!(matches!(d.dialog, Some(DeskDialog::Leave(_))));
    assert!(d.open.is_some());

    // A copy elsewhere holds both answers.
    key(&mut d, KeyCode::Char('c'));
    assert!(matches!(d.dialog, Some(DeskDialog::Copy(_))));
    let copy = dir.path().join("rosa-copy.ron");
    ctrl(&mut d, 'u');
    chars(&mut d, copy.to_str().unwrap());
    key(&mut d, KeyCode::Enter);
    assert!(d.open.is_none(), "{}", text(&d));
    let said = &d.message.as_ref().unwrap().text;
    assert!(
        said.contains("a copy with every answer is saved in"),
        "{said}"
    );
    assert!(!said.contains("every answer is saved."), "{said}");
    let bytes = std::fs::read(&copy).unwrap();
    let fallback = clearpath::intake::file::Fallback {
        id: "x".into(),
        time: chrono::Local::now().fixed_offset(),
    };
    let decoded = clearpath::intake::file::decode(&bytes, &fallback).unwrap();
    assert_eq!(decoded.intake.person.len(), 2);
    assert_eq!(decoded.intake.name, "Rosa");
}

#[test]
fn leaving_without_the_change_says_it_is_lost_never_that_it_is_saved() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = desk_losing_its_folder(dir.path());
    key(&mut d, KeyCode::Enter);
    key(&mut d, KeyCode::Char('q'));
    // Esc stays in the intake.
    key(&mut d, KeyCode::Esc);
    assert!(d.dialog.is_none() && d.open.is_some());
    ctrl(&mut d, 'c');
    key(&mut d, KeyCode::Char('l'));
    assert!(d.open.is_none());
    let message = d.message.as_ref().unwrap();
    assert!(message.error);
    assert!(message.text.contains("it is lost"), "{}", message.text);
    assert!(!text(&d).contains("every answer is saved"), "{}", text(&d));
}

#[test]
fn trying_again_once_the_folder_is_back_saves_and_leaves() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = desk_losing_its_folder(dir.path());
    key(&mut d, KeyCode::Enter);
    key(&mut d, KeyCode::Char('q'));
    std::fs::create_dir(dir.path().join("data")).unwrap();
    key(&mut d, KeyCode::Char('r'));
    assert!(d.open.is_none());
    assert!(
        d.message
            .as_ref()
            .unwrap()
            .text
            .contains("every answer is saved"),
        "{:?}",
        d.message
    );
    assert_eq!(intakes(&dir.path().join("data"))[0].person.len(), 2);
}

#[test]
fn two_desks_on_one_intake_warn_on_opening_and_keep_both_as_a_conflict_copy() {
    let dir = tempfile::tempdir().unwrap();
    let mut first = desk(dir.path());
    new_intake(&mut first, "Rosa", "");
    let mut second = desk(dir.path());
    key(&mut second, KeyCode::Enter);
    assert!(second.open.is_some());
    assert!(
        matches!(&second.dialog, Some(DeskDialog::Held(t)) if t.contains("open at another desk")),
        "{:?}",
        second.dialog
    );
    key(&mut second, KeyCode::Enter);
    answer(&mut first, "no");
    answer(&mut second, "yes");
    match &second.dialog {
        Some(DeskDialog::Conflict(text)) => {
            assert!(text.contains("Another desk saved Rosa"), "{text}")
        }
        other => panic!("the conflict is said: {other:?}"),
    }
    let screen = text(&second);
    assert!(screen.contains("CONFLICT COPY"), "{screen}");
    key(&mut second, KeyCode::Enter);
    key(&mut second, KeyCode::Char('q'));
    let screen = text(&second);
    assert!(screen.contains("CONFLICT COPY · Rosa"), "{screen}");
    let saved = intakes(dir.path());
    assert_eq!(saved.len(), 2);
    let answers: Vec<(bool, usize)> = saved
        .iter()
        .map(|i| (i.conflict_of.is_empty(), i.person.len()))
        .collect();
    assert!(answers.contains(&(true, 1)) && answers.contains(&(false, 1)));
}

#[test]
fn a_new_intake_from_a_hand_off_code_opens_at_the_review_with_every_answer() {
    let examples = format!("{}/examples/three-entries.json", env!("CARGO_MANIFEST_DIR"));
    let text_of = std::fs::read_to_string(examples).unwrap();
    let file =
        clearpath::casefile::parse(&CONTENT, &text_of, clearpath::casefile::Syntax::Json).unwrap();
    let person =
        as_carried(clearpath::engine::Interview::resume(&CONTENT, as_of(), file.person).person());
    let code = clearpath::engine::handoff::encode(&CONTENT, &person, as_of()).unwrap();

    let dir = tempfile::tempdir().unwrap();
    let mut d = desk(dir.path());
    key(&mut d, KeyCode::Char('n'));
    chars(&mut d, "Ana Ruiz");
    for _ in 0..3 {
        key(&mut d, KeyCode::Tab);
    }
    // One character wrong: refused in the box, with where, and nothing is created.
    let mut typo: Vec<char> = code.chars().collect();
    typo[1] = if typo[1] == 'X' { 'Y' } else { 'X' };
    chars(&mut d, &typo.iter().collect::<String>());
    key(&mut d, KeyCode::Enter);
    assert!(
        text(&d).contains("Character 2 of the code (group 1)"),
        "{}",
        text(&d)
    );
    assert!(intakes(dir.path()).is_empty());
    ctrl(&mut d, 'u');
    chars(&mut d, &code.to_lowercase());
    key(&mut d, KeyCode::Enter);
    assert_eq!(d.shown().screen, Screen::Review, "{}", text(&d));
    assert!(
        text(&d).contains("Opened from a hand-off code"),
        "{}",
        text(&d)
    );
    let saved = &intakes(dir.path())[0];
    assert_eq!(saved.entries.len(), 3);
    assert_eq!(
        saved.person(&CONTENT).0,
        person,
        "the intake holds every answer"
    );
}

/// Whether the sheet's screen says an entry was left as it was given.
fn read_entry_kept(d: &Desk) -> bool {
    d.shown()
        .read
        .iter()
        .any(|l| l.contains("Not taken: the sheet says otherwise than this entry's answers"))
}

#[test]
fn a_rap_sheet_read_into_an_intake_never_replaces_an_answer_unasked() {
    let sheet = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/rapsheets/three-cases.txt"
    );
    let dir = tempfile::tempdir().unwrap();
    let mut d = desk(dir.path());
    new_intake(&mut d, "Jordan Rook", "");
    answer_section(&mut d, PERSON);
    answer_section(&mut d, MISDEMEANOR);
    key(&mut d, KeyCode::Char('q'));
    assert!(d.open.is_none(), "{}", text(&d));
    let judgment = CONTENT.fact_id("judgment_date").unwrap();
    let county = CONTENT.fact_id("county").unwrap();
    let stored = || intakes(dir.path())[0].person(&CONTENT).0;
    let before = stored();
    let date = |p: &clearpath::engine::Person, e: usize| {
        clearpath::report::answer_text(&CONTENT, judgment, p.cases[e].get(judgment))
    };
    assert_eq!(date(&before, 0), "April 2, 2018");

    // A file that is not there is refused in the box, and the box stays.
    key(&mut d, KeyCode::Char('i'));
    assert!(text(&d).contains("Read a RAP sheet"), "{}", text(&d));
    chars(&mut d, "/no/such/rap.txt");
    key(&mut d, KeyCode::Enter);
    assert!(text(&d).contains("cannot be read"), "{}", text(&d));
    assert!(matches!(d.dialog, Some(DeskDialog::Import(_))));

    // The sheet says the case was sentenced on another day: both are shown, and Esc
    // leaves the intake as it was.
    ctrl(&mut d, 'u');
    chars(&mut d, sheet);
    key(&mut d, KeyCode::Enter);
    let shown = text(&d);
    assert!(shown.contains("The RAP sheet says otherwise"), "{shown}");
    let Some(DeskDialog::ImportChoice(choice)) = &d.dialog else {
        panic!("no choice asked:\n{shown}");
    };
    let sentenced =
        "Entry 1 · When were you sentenced? Now: April 2, 2018. The sheet: October 2, 2015.";
    assert!(
        choice.differs.iter().any(|r| r == sentenced),
        "{:?}",
        choice.differs
    );
    assert!(shown.contains("October 2, 2015"), "{shown}");
    key(&mut d, KeyCode::Esc);
    assert!(d.dialog.is_none() && d.open.is_none());
    assert_eq!(stored(), before, "cancelled: nothing changed");

    // Keep the answers given: the differing ones stay, the open ones and the other
    // entries are taken, and the intake opens on what the sheet told.
    key(&mut d, KeyCode::Char('i'));
    chars(&mut d, sheet);
    key(&mut d, KeyCode::Enter);
    key(&mut d, KeyCode::Char('n'));
    assert_eq!(d.shown().screen, Screen::Read, "{}", text(&d));
    let shown = text(&d);
    assert!(shown.contains("What the RAP sheet says"), "{shown}");
    assert!(shown.contains("Fresno (RAP sheet line 15)"), "{shown}");
    // The answer kept is said beside the sheet's.
    let read = &d.shown().read;
    assert!(
        read.iter().any(|l| l.contains(
            "October 2, 2015 (RAP sheet line 15) · not taken: the answer given, April 2, 2018, was kept"
        )),
        "{read:?}"
    );
    let kept = stored();
    assert_eq!(date(&kept, 0), "April 2, 2018");
    // An entry the sheet contradicts is another case, maybe: nothing is filled into it.
    let months = CONTENT.fact_id("probation_months").unwrap();
    assert_eq!(before.cases[0].get(months), kept.cases[0].get(months));
    assert!(read_entry_kept(&d), "{:?}", d.shown().read);
    assert_eq!(kept.cases.len(), 3);
    let place = |p: &clearpath::engine::Person, e: usize| {
        clearpath::report::answer_text(&CONTENT, county, p.cases[e].get(county))
    };
    assert_eq!(place(&kept, 1), "San Diego");
    assert_eq!(place(&kept, 2), "Alameda");
    key(&mut d, KeyCode::Enter);
    assert_eq!(d.shown().screen, Screen::Question);
    key(&mut d, KeyCode::Char('q'));

    // Asked again, the sheet's answers are taken when chosen.
    key(&mut d, KeyCode::Char('i'));
    chars(&mut d, sheet);
    key(&mut d, KeyCode::Enter);
    key(&mut d, KeyCode::Char('y'));
    assert_eq!(date(&stored(), 0), "October 2, 2015");
}
