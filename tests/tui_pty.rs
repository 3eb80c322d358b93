//! The real binary in a pseudo-terminal, read back through a terminal emulator as a
//! person would see it: a whole interview to the results, then quitting; and a run
//! ended by SIGTERM. Both must leave the terminal as they found it.

#![cfg(unix)]

mod common;

use common::pty::Session;

fn start() -> Session {
    Session::start(&["--as-of", "2026-11-25"], &[], None)
}

fn rules_for<'a>(entry: usize) -> Vec<(&'a str, &'a str)> {
    let mut rules = common::PERSON.to_vec();
    rules.extend_from_slice(if entry == 0 {
        common::MISDEMEANOR
    } else {
        common::ARREST
    });
    rules
}

/// Answers questions until `stop` is on screen.
fn answer_until(s: &mut Session, entry: usize, stop: &str) {
    common::answer_until(s, &rules_for(entry), stop);
}

#[test]
fn a_whole_interview_then_quit_restores_the_terminal() {
    let mut s = start();
    s.wait_for("Press Enter to start.");
    assert!(s.parser.screen().alternate_screen());
    s.press("\r");
    answer_until(&mut s, 0, "Is there another arrest or conviction");
    assert!(
        s.screen()
            .contains("Entry 1 · Fresno · convicted · misdemeanor")
    );
    // "Yes, add another entry" is chosen first.
    s.press("\r");
    s.wait_for("Entry 2 · question 1 of about");
    answer_until(&mut s, 1, "Is there another arrest or conviction");
    // Down to "No, that is all", then the review's "show my results".
    s.press("\x1b[B\r");
    s.wait_for("Check your answers");
    s.press("\r");
    s.wait_for("Your results");
    let results = s.screen();
    assert!(
        results.contains("Entry 1 · Fresno · convicted · misdemeanor"),
        "{results}"
    );
    assert!(results.contains("Eligible now"), "{results}");
    // Page down until the plan shows: each key once the page before it is drawn.
    for _ in 0..10 {
        if s.screen().contains("Your plan") {
            break;
        }
        s.press("\x1b[6~");
    }
    assert!(s.screen().contains("Your plan"), "{}", s.screen());
    s.press("q");
    s.wait_for("Leave clearpath?");
    s.send("y");
    let status = s.wait_exit();
    assert!(status.success(), "{status:?}");
    s.assert_restored();
}

/// A hurried person: `2` then Enter on the first question answers it, and the second
/// question waits on screen with nothing chosen for it.
#[test]
fn a_number_then_enter_leaves_the_second_question_unanswered() {
    let mut s = start();
    s.wait_for("Press Enter to start.");
    s.press("\r");
    s.wait_for("Are you in jail or prison right now?");
    s.press("2");
    assert!(s.screen().contains("Are you in jail or prison right now?"));
    s.press("\r");
    s.wait_for("question 2 of about");
    assert!(
        common::question_on_screen(&s.screen()).is_some_and(|q| q.source.id == "supervised"),
        "{}",
        s.screen()
    );
    s.press("q");
    s.wait_for("Leave clearpath?");
    s.send("y");
    assert!(s.wait_exit().success());
    s.assert_restored();
}

/// Backspace held down on the empty county field stays on the county question.
#[test]
fn backspaces_on_an_empty_field_stay_on_the_question() {
    let mut s = start();
    s.wait_for("Press Enter to start.");
    s.press("\r");
    common::answer_until(&mut s, common::PERSON, "In which California county");
    s.press("\x7f\x7f\x7f\x7f\x7f");
    s.press("12");
    let screen = s.screen();
    assert!(screen.contains("In which California county"), "{screen}");
    assert!(
        screen.contains("12"),
        "the digits went into the field: {screen}"
    );
    s.press("\x03");
    s.wait_for("Leave clearpath?");
    s.send("y");
    assert!(s.wait_exit().success());
    s.assert_restored();
}

#[test]
fn sigterm_midway_restores_the_terminal() {
    signal_midway_restores_the_terminal("TERM", 15);
}

#[test]
fn sighup_midway_restores_the_terminal() {
    signal_midway_restores_the_terminal("HUP", 1);
}

fn signal_midway_restores_the_terminal(name: &str, number: u32) {
    let mut s = start();
    s.wait_for("Press Enter to start.");
    s.press("\r");
    s.wait_for("question 1 of about");
    s.press("2\r");
    s.wait_for("question 2 of about");
    s.kill(name);
    let status = s.wait_exit();
    assert_eq!(status.exit_code(), 128 + number, "{status:?}");
    s.assert_restored();
}

#[test]
fn a_pipe_gets_the_plain_interview() {
    // Not a terminal: the plain prompts, never the full-screen codes.
    let out = common::clearpath()
        .args(["--as-of", "2026-11-25"])
        .write_stdin("")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("question 1 of about"), "{text}");
    assert!(!text.contains("\x1b[?1049h"));
}

/// Each answer is repeated back under the next question as it was read: in English,
/// and for an interpreter in Spanish and English.
#[test]
fn every_answer_is_repeated_back_as_understood() {
    let mut s = start();
    s.wait_for("Press Enter to start.");
    s.press("\r");
    common::answer_until(&mut s, common::PERSON, "In which California county");
    s.press("Fresno\r");
    s.wait_for("Understood: Fresno");
    s.press("\x03");
    s.wait_for("Leave clearpath?");
    s.send("y");
    assert!(s.wait_exit().success());
    s.assert_restored();

    let mut s = Session::start(&["--as-of", "2026-11-25", "--lang", "es,en"], &[], None);
    s.wait_for("Pulse Enter para empezar.");
    s.press("\r");
    s.wait_for("¿Está usted en la cárcel o en prisión en este momento?");
    s.press("2\r");
    s.wait_for("Entendido: No · Understood: No");
    s.press("\x03");
    s.wait_for("¿Salir de clearpath?");
    s.send("s");
    assert!(s.wait_exit().success());
    s.assert_restored();
}
