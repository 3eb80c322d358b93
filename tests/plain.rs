//! `clearpath --plain` end to end: answers piped in, one per line.

use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Command as Process, Stdio};

use assert_cmd::cargo::cargo_bin_cmd;

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/content");

/// Runs the plain interview on the small fixture content with these input lines.
fn run_fixture(input: &str) -> String {
    let out = cargo_bin_cmd!("clearpath")
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .args(["--plain", "--as-of", "2026-01-01", "--content", FIXTURE])
        .write_stdin(input)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn piped_answers_reach_the_results() {
    let out = run_fixture("no\n1\n2020-05-01\nno\n");
    assert!(out.contains("About you · question 1 of about 1\nAre you on probation?\n  1. Yes\n  2. No\n  3. I'm not sure\n> "));
    assert!(out.contains("Entry 1 · question 2 of about 2\nWhen were you sentenced?\nType a date, like 2019-03-15. Or type \"not sure\".\n> "));
    assert!(out.contains("Is there another entry on your record?"));
    assert!(out.contains("ENTRY 1 · CONVICTED\n  ✔ Eligible now · Dismissal (Test Code § 1)\n    A year has passed.\n"), "{out}");
    assert!(out.contains("YOUR PLAN"));
}

#[test]
fn wrong_answers_are_refused_in_place_with_a_hint() {
    let out = run_fixture("maybe\n7\nno\n1\n2023-02-30\n02/30/2023\n2027-01-01\n2020-05-01\nno\n");
    assert!(
        out.contains(
            "> Not accepted: Please answer yes or no.\n> Not accepted: Type a number from 1 to 3.\n"
        ),
        "{out}"
    );
    assert!(out.contains("Not accepted: 2023-02-30 is not a date. Check the month and day."));
    assert!(out.contains(
        "Not accepted: \"02/30/2023\" is not a date. Type it as YYYY-MM-DD, for example 2019-03-15."
    ));
    assert!(out.contains("Not accepted: 2027-01-01 is after today (2026-01-01). Check the year."));
    assert!(out.contains("Eligible now · Dismissal"), "{out}");
}

#[test]
fn back_help_and_repeat() {
    let out = run_fixture("back\nno\nhelp\nback\nyes\nrepeat\n1\n2020-05-01\nno\n");
    assert!(out.contains("This is the first question."));
    assert!(out.contains("Help: Help.\n"));
    // Going back shows the earlier answer.
    assert!(out.contains("Your answer was: No. Type a new answer, or the same again."));
    // Changed to yes: the dismissal is closed while on probation.
    assert!(out.contains("✘ Not eligible · Dismissal"), "{out}");
    assert!(out.contains("See a lawyer."), "the referral shows");
}

#[test]
fn not_sure_is_honest_in_the_results() {
    let out = run_fixture("no\n1\nnot sure\nno\n");
    assert!(out.contains("… Needs more information · Dismissal (Test Code § 1)\n    Would be decided by your answer to:\n      - When were you sentenced?\n"), "{out}");
}

#[test]
fn the_end_of_input_still_shows_what_the_answers_so_far_show() {
    let out = run_fixture("no\n1\n");
    assert!(out.contains("The interview was not finished.\nHere is what the answers so far show."));
    assert!(
        out.contains("… Needs more information · Dismissal"),
        "{out}"
    );
}

#[test]
fn quit_leaves_without_results() {
    let out = run_fixture("no\nquit\n");
    assert!(out.ends_with("Goodbye. Nothing was saved.\n"), "{out}");
    assert!(!out.contains("YOUR PLAN"));
}

/// Answers whatever the shipped interview asks, as a person with two entries might,
/// reading each prompt before answering.
#[test]
fn the_shipped_interview_end_to_end_with_two_entries() {
    let mut child = Process::new(assert_cmd::cargo::cargo_bin!("clearpath"))
        .args(["--plain", "--as-of", "2026-11-25", "--lang", "en"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut transcript = String::new();
    let mut entries_added = 0;
    for _ in 0..200 {
        // Read up to the next prompt.
        let mut screen = Vec::new();
        loop {
            let mut byte = [0u8; 1];
            if stdout.read(&mut byte).unwrap() == 0 {
                break;
            }
            screen.push(byte[0]);
            if screen.ends_with(b"> ") {
                break;
            }
        }
        let screen = String::from_utf8(screen).unwrap();
        transcript.push_str(&screen);
        if !screen.ends_with("> ") {
            break;
        }
        let answer = if screen.contains("Is there another entry") {
            entries_added += 1;
            if entries_added == 1 { "yes" } else { "no" }
        } else if screen.contains("Type a date") {
            "2018-04-02"
        } else if screen.contains("Type an amount") {
            "400"
        } else if screen.contains("Type your answer") {
            "Fresno"
        } else if screen.contains("How did this case end?") {
            if entries_added == 0 { "1" } else { "3" }
        } else if screen.contains("  2. ") {
            "2"
        } else {
            "1"
        };
        writeln!(stdin, "{answer}").unwrap();
    }
    drop(stdin);
    let mut rest = String::new();
    stdout.read_to_string(&mut rest).unwrap();
    transcript.push_str(&rest);
    assert!(child.wait().unwrap().success());
    assert!(
        transcript.contains("ENTRY 1 · FRESNO · CONVICTED"),
        "{transcript}"
    );
    assert!(
        transcript.contains("ENTRY 2 · FRESNO · DISMISSED"),
        "{transcript}"
    );
    assert!(transcript.contains("YOUR PLAN"));
    assert!(transcript.contains("Rules ") && transcript.contains("law last checked"));
    let lines: Vec<&str> = transcript.lines().collect();
    assert!(
        lines.iter().all(|l| !l.contains('\x1b')),
        "plain mode sends no escape sequences"
    );
    let _ = BufRead::fill_buf(&mut stdout);
}

#[test]
fn spanish_prompts_hints_and_refusals() {
    let out = cargo_bin_cmd!("clearpath")
        .args([
            "--plain",
            "--as-of",
            "2026-01-01",
            "--content",
            FIXTURE,
            "--lang",
            "es",
        ])
        .write_stdin("quizás\nno\n1\n2023-02-30\nno sé\nno\n")
        .output()
        .unwrap();
    let out = String::from_utf8(out.stdout).unwrap();
    assert!(
        out.contains("Sobre usted · pregunta 1 de unas 1\n"),
        "{out}"
    );
    assert!(
        out.contains("  1. Sí\n  2. No\n  3. No estoy seguro\n"),
        "{out}"
    );
    assert!(
        out.contains("No se aceptó: Por favor responda sí o no."),
        "{out}"
    );
    assert!(
        out.contains("No se aceptó: 2023-02-30 no es una fecha. Revise el mes y el día."),
        "{out}"
    );
    assert!(
        out.contains("… Se necesita más información · Dismissal"),
        "{out}"
    );
    assert!(out.contains("SU PLAN"), "{out}");
}

#[test]
fn the_language_comes_from_the_locale_when_not_given() {
    let out = cargo_bin_cmd!("clearpath")
        .env("LANG", "es_US.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .args(["--plain", "--as-of", "2026-01-01", "--content", FIXTURE])
        .write_stdin("salir\n")
        .output()
        .unwrap();
    let out = String::from_utf8(out.stdout).unwrap();
    assert!(out.ends_with("Adiós. No se guardó nada.\n"), "{out}");
}
