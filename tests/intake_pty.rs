//! The clinic intake desk, `clearpath intake`, as the real binary in a pseudo-terminal
//! read back through a terminal emulator: an interview cut off by SIGKILL opens again
//! at the question after the last one answered; a client name holding an escape
//! sequence reaches the terminal only as text; SIGTERM on the list gives the terminal
//! back.

#![cfg(unix)]

mod common;

use std::path::Path;

use clearpath::content::QuestionDef;
use clearpath::content::model::AnswerKind;
use common::pty::Session;

/// The clinic's passphrase, in an owner-only file beside the folder.
fn passphrase_file(data: &Path) -> std::path::PathBuf {
    let path = data.parent().unwrap().join("passphrase");
    std::fs::write(&path, format!("{PASSPHRASE}\n")).unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
    path
}

const PASSPHRASE: &str = "correct horse battery";

/// The desk over the intakes in `data`, started in the folder above it, with the
/// clinic's passphrase from a file (so a first start makes the clinic key).
fn desk(data: &Path) -> Session {
    let passphrase = passphrase_file(data);
    Session::start(
        &["intake", "--as-of", "2026-11-25"],
        &[
            ("CLEARPATH_DATA", data.as_os_str()),
            ("CLEARPATH_PASSPHRASE_FILE", passphrase.as_os_str()),
        ],
        data.parent(),
    )
}

/// The desk, asking for the passphrase itself.
fn desk_asking(data: &Path) -> Session {
    Session::start(
        &["intake", "--as-of", "2026-11-25"],
        &[("CLEARPATH_DATA", data.as_os_str())],
        data.parent(),
    )
}

#[test]
fn a_first_start_makes_the_clinic_key_and_the_next_asks_for_the_passphrase() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("intakes");
    let mut s = desk_asking(&data);
    s.wait_for("A passphrase for the clinic");
    s.send(&format!("{PASSPHRASE}\r"));
    s.wait_for("Type the same passphrase again.");
    s.send(&format!("{PASSPHRASE}\r"));
    s.wait_for("No intakes yet. Press n to start one.");
    s.press("n");
    s.wait_for("New intake");
    s.press("Ana Ruiz\tA-103\r");
    s.wait_for("Are you in jail or prison right now?");
    s.send("\x03");
    s.wait_for("every answer is saved");
    s.send("q");
    assert!(s.wait_exit().success());
    s.assert_restored();
    assert!(data.join("clinic.key").exists());

    let mut s = desk_asking(&data);
    s.wait_for("The clinic's intakes are locked");
    assert!(!s.screen().contains("Ana Ruiz"));
    s.send("not the passphrase\r");
    s.wait_for("That is not the clinic's passphrase.");
    s.send(&format!("{PASSPHRASE}\r"));
    s.wait_for("Ana Ruiz");
    wait_for_list(&mut s);
    s.send("q");
    assert!(s.wait_exit().success());
    s.assert_restored();
}

/// Answered by choosing, not by typing.
fn is_choice(q: &QuestionDef) -> bool {
    matches!(q.source.answers, AnswerKind::YesNo | AnswerKind::Choice(_))
}

/// The list, whole: its footer is the last row a frame writes.
fn wait_for_list(s: &mut Session) {
    s.wait_until("the client list", |screen| {
        screen.contains("Clinic intake") && screen.contains("q quit")
    });
}

#[test]
fn an_interview_killed_midway_reopens_at_the_next_question() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("intakes");
    let mut s = desk(&data);
    s.wait_for("No intakes yet. Press n to start one.");
    assert!(s.parser.screen().alternate_screen());

    s.press("n");
    s.wait_for("New intake");
    s.press("Ana Ruiz\tA-103\r");
    s.wait_for("Are you in jail or prison right now?");

    // Ten questions: the person's, then the first entry's, a typed one among them.
    let mut rules = common::PERSON.to_vec();
    rules.extend_from_slice(common::MISDEMEANOR);
    let answered = common::answer_on_screen(&mut s, &rules, None, 10);
    assert_eq!(answered.len(), 10);
    assert!(
        answered.iter().any(|q| !is_choice(q)),
        "no typed answer among {:?}",
        answered.iter().map(|q| &q.source.id).collect::<Vec<_>>()
    );
    // The next question is drawn, so the last answer was saved before it.
    let next = common::question_on_screen(&s.screen()).expect("a question is on screen");
    assert!(
        answered.iter().all(|q| q.source.id != next.source.id),
        "{} was answered already",
        next.source.id
    );

    s.kill("KILL");
    let status = s.wait_exit();
    assert!(!status.success(), "{status:?}");
    drop(s);

    let mut s = desk(&data);
    s.wait_for("Ana Ruiz (#A-103)");
    s.press("\r");
    s.wait_until("the interview", |screen| {
        common::question_on_screen(screen).is_some()
    });
    let reopened = common::question_on_screen(&s.screen()).unwrap();
    assert_eq!(
        reopened.source.id,
        next.source.id,
        "the intake reopens at the question after the last answered:\n{}",
        s.screen()
    );

    // In a typed answer q is a letter: Ctrl-C goes back instead.
    s.press(if is_choice(reopened) { "q" } else { "\x03" });
    s.wait_for("Ana Ruiz (#A-103): every answer is saved.");
    s.send("q");
    let status = s.wait_exit();
    assert!(status.success(), "{status:?}");
    s.assert_restored();
}

#[test]
fn an_escape_sequence_in_a_name_reaches_the_terminal_only_as_text() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("intakes");
    let made = common::clearpath()
        .args(["intake", "new", "--name", "Evil\x1b[2JName"])
        .env("CLEARPATH_DATA", &data)
        .output()
        .unwrap();
    assert!(made.status.success(), "{made:?}");

    let mut s = desk(&data);
    s.wait_for("Evil\\u{1b}[2JName");
    wait_for_list(&mut s);
    s.send("q");
    let status = s.wait_exit();
    assert!(status.success(), "{status:?}");
    s.assert_restored();
    let raw = &s.raw;
    for written in [&b"Evil\x1b"[..], b"\x1b[2JName"] {
        assert!(
            !raw.windows(written.len()).any(|w| w == written),
            "the program wrote {:?}",
            String::from_utf8_lossy(written)
        );
    }
}

#[test]
fn sigterm_on_the_list_restores_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = desk(&dir.path().join("intakes"));
    wait_for_list(&mut s);
    s.kill("TERM");
    let status = s.wait_exit();
    assert_eq!(status.exit_code(), 128 + 15, "{status:?}");
    s.assert_restored();
}
