//! Signals sent from outside to the real binary in a pseudo-terminal, read back through
//! a terminal emulator: a quit signal restores the terminal like a termination signal;
//! a suspend gives the terminal back before the program stops, and continuing takes it
//! again, drawn afresh and still answering keys.

// Linux: whether the program stopped is read from /proc.
#![cfg(target_os = "linux")]

mod common;

use std::time::{Duration, Instant};

use common::pty::{PATIENCE, Session};

fn at_first_question() -> Session {
    let mut s = Session::start(&["--as-of", "2026-11-25"], &[], None);
    s.wait_for("Press Enter to start.");
    s.send("\r");
    s.wait_for("question 1 of about");
    s
}

/// The process state letter from `/proc` ('T' when stopped).
fn state(s: &Session) -> char {
    let pid = s.child.process_id().expect("the child has a pid");
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap();
    // "pid (name) S …": the state follows the name's closing bracket.
    let after = stat.rsplit_once(')').unwrap().1;
    after.trim_start().chars().next().unwrap()
}

/// Reads what the program writes until `pred` holds.
fn wait(s: &mut Session, what: &str, pred: impl Fn(&Session) -> bool) {
    let deadline = Instant::now() + PATIENCE;
    while !pred(s) {
        assert!(
            Instant::now() < deadline,
            "waited for {what}; screen:\n{}",
            s.screen()
        );
        s.pump(Duration::from_millis(50));
    }
}

fn raw_mode(s: &Session) -> bool {
    let words = s.stty();
    ["-icanon", "-echo", "-isig"]
        .iter()
        .all(|flag| words.iter().any(|w| w == flag))
}

#[test]
fn sigquit_restores_the_terminal_and_exits() {
    let mut s = at_first_question();
    s.kill("QUIT");
    let status = s.wait_exit();
    assert_eq!(status.exit_code(), 128 + 3, "{status:?}");
    s.assert_restored();
}

#[test]
fn a_suspend_gives_the_terminal_back_and_continuing_takes_it_again() {
    let mut s = at_first_question();
    assert!(raw_mode(&s));
    s.kill("TSTP");
    wait(&mut s, "the program to stop", |s| state(s) == 'T');
    // Everything it wrote before stopping is in; the terminal is as a shell needs it.
    while s.pump(Duration::from_millis(200)) {}
    s.assert_restored();

    s.kill("CONT");
    wait(&mut s, "the interview, drawn again", |s| {
        s.parser.screen().alternate_screen() && s.screen().contains("question 1 of about")
    });
    assert!(raw_mode(&s), "{:?}", s.stty());
    assert!(s.parser.screen().hide_cursor());
    // Still answering keys.
    s.send("?");
    s.wait_for("About this question");

    s.kill("TERM");
    let status = s.wait_exit();
    assert_eq!(status.exit_code(), 128 + 15, "{status:?}");
    s.assert_restored();
}
