//! Intakes encrypted at rest: after `intake init` no file in the data folder holds a
//! client's name, number or answers; every way a folder can be wrong (a wrong
//! passphrase, no key file, another clinic's key, a cut or changed file, plain files
//! among encrypted ones) says so and overwrites nothing; and the desk asks for the
//! passphrase, locks when left alone, and makes the key on a first start.

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use age::secrecy::SecretString;
use clearpath::intake::clinic_key::{KEY_FILE, Work};
use clearpath::intake::record::Saved;
use clearpath::intake::{Store, StoreError};
use clearpath::tui::Theme;
use clearpath::tui::desk::{Desk, Purpose, view};
use common::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode};

const PASSPHRASE: &str = "correct horse battery";
/// Fast to open, so the tests do not wait on scrypt; the program uses age's default.
const FAST: Work = Work::LogN(8);

const NAME: &str = "Zebulon Quartermaine";
const NUMBER: &str = "QX-90417";
const COUNTY: &str = "Xanadu-Pleasance";
const NOTE: &str = "met at the Thursday workshop, prefers mornings";

fn secret(s: &str) -> SecretString {
    SecretString::from(s.to_string())
}

/// An encrypted folder with two intakes holding the distinctive details above.
fn clinic_folder(dir: &Path) -> Store {
    let mut store = Store::open(dir).unwrap();
    store.init(&secret(PASSPHRASE), FAST).unwrap();
    for n in 0..2 {
        let mut intake = store
            .create(&format!("{NAME} {n}"), &format!("{NUMBER}-{n}"))
            .unwrap();
        intake.note = NOTE.into();
        intake.entries.push(Default::default());
        intake.entries[0]
            .facts
            .insert("county".into(), Saved::Text(COUNTY.into()));
        store.save(&mut intake).unwrap();
    }
    store
}

/// A passphrase file, owner-only, beside the folder.
fn passphrase_file(dir: &Path, name: &str, passphrase: &str) -> PathBuf {
    let path = dir.join(name);
    fs::write(&path, format!("{passphrase}\n")).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(&path, fs::Permissions::from_mode(0o600)).unwrap();
    }
    path
}

/// Every file under `dir`, with its bytes.
fn files(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    for item in fs::read_dir(dir).unwrap().flatten() {
        let path = item.path();
        if path.is_dir() {
            out.extend(files(&path));
        } else {
            out.insert(path.clone(), fs::read(&path).unwrap());
        }
    }
    out
}

fn contains(haystack: &[u8], needle: &str) -> bool {
    haystack
        .windows(needle.len())
        .any(|w| w == needle.as_bytes())
}

fn list(data: &Path, passphrase: &Path) -> assert_cmd::assert::Assert {
    clearpath()
        .args(["intake", "list"])
        .env("CLEARPATH_DATA", data)
        .env("CLEARPATH_PASSPHRASE_FILE", passphrase)
        .assert()
}

/// What `intake list` prints, which must succeed.
fn listed(data: &Path, passphrase: &Path) -> String {
    let out = list(data, passphrase).success().get_output().stdout.clone();
    String::from_utf8(out).unwrap()
}

#[test]
fn no_file_in_the_folder_holds_a_name_a_number_or_an_answer() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("intakes");
    let store = clinic_folder(&data);
    // A desk holding one open leaves its marker too.
    let opened = store.list().unwrap();
    assert_eq!(opened.len(), 2);
    let all = files(&data);
    assert!(all.keys().any(|p| p.ends_with(KEY_FILE)));
    assert_eq!(
        all.keys()
            .filter(|p| p.extension().is_some_and(|e| e == "age"))
            .count(),
        2
    );
    for (path, bytes) in &all {
        for secret in [NAME, NUMBER, COUNTY, NOTE, "Zebulon", PASSPHRASE] {
            assert!(
                !contains(bytes, secret),
                "{} holds {secret:?}",
                path.display()
            );
        }
    }
    // And with the passphrase every detail is there.
    let pass = passphrase_file(dir.path(), "pass", PASSPHRASE);
    let out = listed(&data, &pass);
    assert!(out.contains(&format!("{NAME} 0 (#{NUMBER}-0)")), "{out}");
    let reopened = Store::open(&data).unwrap();
    assert!(matches!(reopened.list(), Err(StoreError::Locked)));
    reopened.unlock(&secret(PASSPHRASE)).unwrap();
    let intake = reopened.list().unwrap().remove(0).state.unwrap();
    assert_eq!(intake.note, NOTE);
    assert_eq!(
        intake.entries[0].facts.get("county"),
        Some(&Saved::Text(COUNTY.into()))
    );
}

#[test]
fn a_wrong_passphrase_is_refused_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("intakes");
    clinic_folder(&data);
    let before = files(&data);
    let wrong = passphrase_file(dir.path(), "wrong", "correct horse batterz");
    let out = list(&data, &wrong).code(2).get_output().clone();
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "clearpath: the passphrase is not the clinic's\n"
    );
    assert!(out.stdout.is_empty());
    assert_eq!(files(&data), before);
}

#[test]
fn a_passphrase_file_others_can_read_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("intakes");
    clinic_folder(&data);
    let pass = passphrase_file(dir.path(), "pass", PASSPHRASE);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(&pass, fs::Permissions::from_mode(0o644)).unwrap();
        let out = list(&data, &pass).code(2).get_output().clone();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("must be readable by its owner only"), "{err}");
    }
}

#[test]
fn without_the_key_file_the_intakes_are_listed_as_needing_it() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("intakes");
    clinic_folder(&data);
    fs::remove_file(data.join(KEY_FILE)).unwrap();
    let before = files(&data);
    let out = clearpath()
        .args(["intake", "list"])
        .env("CLEARPATH_DATA", &data)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    assert_eq!(
        out.matches(
            "encrypted, and this folder has no clinic key: copy the clinic's clinic.key into it"
        )
        .count(),
        2,
        "{out}"
    );
    assert!(!out.contains("DAMAGED"), "{out}");
    assert_eq!(files(&data), before);
}

#[test]
fn another_clinics_intakes_are_listed_as_theirs_not_as_damaged() {
    let dir = tempfile::tempdir().unwrap();
    let ours = dir.path().join("ours");
    let theirs = dir.path().join("theirs");
    clinic_folder(&ours);
    clinic_folder(&theirs);
    for (path, bytes) in files(&theirs) {
        if path.extension().is_some_and(|e| e == "age") {
            fs::write(ours.join(path.file_name().unwrap()), bytes).unwrap();
        }
    }
    let pass = passphrase_file(dir.path(), "pass", PASSPHRASE);
    let out = listed(&ours, &pass);
    assert_eq!(out.matches("another clinic's intake").count(), 2, "{out}");
    assert_eq!(out.matches(NAME).count(), 2, "{out}");
    assert!(!out.contains("DAMAGED"), "{out}");

    // The other clinic's key file in our folder: its passphrase may even be the
    // same, but none of our intakes opens with it.
    fs::copy(theirs.join(KEY_FILE), ours.join(KEY_FILE)).unwrap();
    let out = listed(&ours, &pass);
    assert_eq!(out.matches("another clinic's intake").count(), 2, "{out}");
}

#[test]
fn a_cut_or_changed_file_is_damaged_and_the_others_still_open() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("intakes");
    let store = clinic_folder(&data);
    store.create("Third", "3").unwrap();
    let mut sealed: Vec<PathBuf> = files(&data)
        .into_keys()
        .filter(|p| p.extension().is_some_and(|e| e == "age"))
        .collect();
    sealed.sort();
    let cut = fs::read(&sealed[0]).unwrap();
    fs::write(&sealed[0], &cut[..cut.len() - 7]).unwrap();
    let mut changed = fs::read(&sealed[1]).unwrap();
    let at = changed.len() - 20;
    changed[at] ^= 1;
    fs::write(&sealed[1], &changed).unwrap();
    let before = files(&data);

    let pass = passphrase_file(dir.path(), "pass", PASSPHRASE);
    let out = listed(&data, &pass);
    assert_eq!(
        out.matches("DAMAGED: its encryption does not check: the file was cut short or changed")
            .count(),
        2,
        "{out}"
    );
    assert_eq!(out.lines().count(), 3, "{out}");
    // Marking the intact one done saves it; the damaged files are left as they were.
    let good = out
        .lines()
        .find(|l| !l.contains("DAMAGED"))
        .unwrap()
        .split_whitespace()
        .next()
        .unwrap()
        .to_string();
    clearpath()
        .args(["intake", "done", &good])
        .env("CLEARPATH_DATA", &data)
        .env("CLEARPATH_PASSPHRASE_FILE", &pass)
        .assert()
        .success();
    let after = files(&data);
    for path in &sealed[..2] {
        assert_eq!(after[path], before[path], "{} changed", path.display());
    }
}

#[test]
fn init_encrypts_plain_intakes_and_can_be_run_again() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("intakes");
    let plain = Store::open(&data).unwrap();
    for n in 0..3 {
        plain.create(&format!("{NAME} {n}"), NUMBER).unwrap();
    }
    fs::write(
        data.join("20261130-090000-aaaaaaaaaa.ron"),
        "not an intake\n",
    )
    .unwrap();
    let pass = passphrase_file(dir.path(), "pass", PASSPHRASE);
    let init = |expect: &str| {
        let out = clearpath()
            .args(["intake", "init"])
            .env("CLEARPATH_DATA", &data)
            .env("CLEARPATH_PASSPHRASE_FILE", &pass)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        let out = String::from_utf8(out).unwrap();
        assert!(out.contains(expect), "{out}");
    };
    init("Encrypted 4 intakes.");
    let all = files(&data);
    assert!(all.keys().all(|p| p.extension().is_none_or(|e| e != "ron")));
    for bytes in all.values() {
        assert!(!contains(bytes, NAME) && !contains(bytes, NUMBER));
    }

    // A run cut short between writing the encrypted file and removing the plain one
    // leaves both; running again finishes.
    let store = Store::open(&data).unwrap();
    store.unlock(&secret(PASSPHRASE)).unwrap();
    let first = store.list().unwrap().remove(0);
    let text = clearpath::intake::file::encode(first.intake().unwrap()).unwrap();
    fs::write(data.join(format!("{}.ron", first.id)), text).unwrap();
    let out = listed(&data, &pass);
    assert!(
        out.contains("not encrypted, in a folder of encrypted intakes: run `clearpath intake init` to encrypt it"),
        "{out}"
    );
    init("The clinic key is here already");
    let out = listed(&data, &pass);
    assert_eq!(out.lines().count(), 4, "{out}");
    assert_eq!(
        out.matches("DAMAGED").count(),
        1,
        "the file that was no intake: {out}"
    );
}

#[test]
fn a_new_passphrase_opens_the_same_intakes_and_the_old_one_no_longer_does() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("intakes");
    clinic_folder(&data);
    let intakes_before: BTreeMap<_, _> = files(&data)
        .into_iter()
        .filter(|(p, _)| !p.ends_with(KEY_FILE))
        .collect();
    let old = passphrase_file(dir.path(), "old", PASSPHRASE);
    let new = passphrase_file(dir.path(), "new", "a much newer passphrase");
    clearpath()
        .args(["intake", "passphrase"])
        .env("CLEARPATH_DATA", &data)
        .env("CLEARPATH_PASSPHRASE_FILE", &old)
        .env("CLEARPATH_NEW_PASSPHRASE_FILE", &new)
        .assert()
        .success();
    let intakes_after: BTreeMap<_, _> = files(&data)
        .into_iter()
        .filter(|(p, _)| !p.ends_with(KEY_FILE))
        .collect();
    assert_eq!(intakes_after, intakes_before, "no intake is rewritten");
    list(&data, &old).code(2);
    assert_eq!(listed(&data, &new).lines().count(), 2);
}

/// A desk over `dir` at 80×24, making keys that are quick to open.
fn desk(dir: &Path) -> Desk<'static> {
    let mut desk = Desk::new(
        Store::open(dir).unwrap(),
        vec![&*CONTENT, &*CONTENT_ES],
        as_of(),
        Theme::plain(),
    )
    .with_key_work(FAST);
    desk.event(&Event::Resize(80, 24));
    desk
}

fn screen(desk: &Desk) -> String {
    let mut terminal = Terminal::new(TestBackend::new(desk.size.0, desk.size.1)).unwrap();
    terminal.draw(|f| view::render(desk, f)).unwrap();
    buffer_text(terminal.backend().buffer())
}

/// Types a passphrase and lets the try run, as the loop's next tick does.
fn give(desk: &mut Desk, passphrase: &str, now: Instant) {
    chars(desk, passphrase);
    key(desk, KeyCode::Enter);
    assert!(screen(desk).contains("Opening…"));
    desk.tick(now);
}

#[test]
fn the_desk_asks_for_the_passphrase_and_makes_a_wrong_one_wait_longer() {
    let dir = tempfile::tempdir().unwrap();
    clinic_folder(dir.path());
    let mut desk = desk(dir.path());
    let shown = screen(&desk);
    assert!(shown.contains("The clinic's intakes are locked"), "{shown}");
    assert!(!shown.contains("Zebulon"), "{shown}");
    assert!(desk.listed.is_empty());

    let start = Instant::now();
    // The first wrong tries are free: a typo costs nothing.
    give(&mut desk, "correct horse", start);
    assert!(screen(&desk).contains("That is not the clinic's passphrase."));
    give(&mut desk, "correct horse", start);
    give(&mut desk, "correct horse", start);
    let shown = screen(&desk);
    assert!(shown.contains("Try again in 2 s."), "{shown}");
    // While it waits, typing goes nowhere.
    chars(&mut desk, PASSPHRASE);
    key(&mut desk, KeyCode::Enter);
    desk.tick(start + Duration::from_millis(500));
    assert!(desk.gate.as_ref().unwrap().typed.is_empty());
    // The next wrong one waits twice as long.
    desk.tick(start + Duration::from_secs(3));
    give(&mut desk, "correct horse", start + Duration::from_secs(3));
    assert!(screen(&desk).contains("Try again in 4 s."));
    desk.tick(start + Duration::from_secs(8));
    give(&mut desk, PASSPHRASE, start + Duration::from_secs(8));
    assert!(desk.gate.is_none());
    let shown = screen(&desk);
    assert!(shown.contains("Zebulon Quartermain"), "{shown}");
}

#[test]
fn a_desk_left_alone_locks_and_hides_the_open_intake() {
    let dir = tempfile::tempdir().unwrap();
    clinic_folder(dir.path());
    let mut desk = desk(dir.path()).locking_after(Some(Duration::from_secs(60)));
    give(&mut desk, PASSPHRASE, Instant::now());
    key(&mut desk, KeyCode::Enter);
    assert!(desk.open.is_some());
    assert!(screen(&desk).contains("Zebulon"));

    desk.tick(Instant::now() + Duration::from_secs(30));
    assert!(desk.gate.is_none(), "not yet");
    desk.tick(Instant::now() + Duration::from_secs(61));
    let shown = screen(&desk);
    assert!(
        shown.contains("Locked after 1 min without a key."),
        "{shown}"
    );
    assert!(
        !shown.contains("Zebulon") && !shown.contains("QX-"),
        "{shown}"
    );
    assert!(desk.listed.is_empty());
    assert!(!desk.store().is_unlocked());

    give(&mut desk, PASSPHRASE, Instant::now());
    assert!(desk.open.is_some(), "back where it was");
    assert!(screen(&desk).contains("Zebulon"));
}

#[test]
fn a_first_start_chooses_the_passphrase_twice() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("intakes");
    let mut desk = desk(&data).choosing_key();
    let now = Instant::now();
    assert!(screen(&desk).contains("A passphrase for the clinic"));
    give(&mut desk, "short", now);
    assert!(screen(&desk).contains("A passphrase needs at least 8 characters."));
    give(&mut desk, PASSPHRASE, now);
    assert!(matches!(
        desk.gate.as_ref().map(|g| &g.purpose),
        Some(Purpose::Confirm(_))
    ));
    give(&mut desk, "correct horse batterY", now);
    assert!(screen(&desk).contains("The two were not the same."));
    assert!(!data.join(KEY_FILE).exists());
    give(&mut desk, PASSPHRASE, now);
    give(&mut desk, PASSPHRASE, now);
    assert!(desk.gate.is_none());
    assert!(data.join(KEY_FILE).exists());
    assert!(screen(&desk).contains("The clinic key is made"));

    let store = Store::open(&data).unwrap();
    assert!(store.is_encrypted());
    store.unlock(&secret(PASSPHRASE)).unwrap();
}
