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

/// At "Is there another arrest or conviction": down to "No, that is all", then the
/// review's "show my results"; the results' first screen.
fn no_more_then_results(s: &mut Session) -> String {
    s.press("\x1b[B\r");
    s.wait_for("Check your answers");
    s.press("\r");
    s.wait_for("Your results");
    s.screen()
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
    let results = no_more_then_results(&mut s);
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

/// A case with two counts (docs/legal-reference.md §16.7): a felony theft of $400,
/// which Prop 47 reaches, and a robbery in the same case, which it does not, each
/// told by its code section as a RAP sheet writes it. The section answers whether it
/// is a wobbler and what offense it is, so the second count is asked only its level
/// and section, and the results name the count each remedy is for.
#[test]
fn a_two_count_case_says_which_count_each_remedy_is_for() {
    let mut case = common::PERSON.to_vec();
    case.extend_from_slice(&[
        ("county", "Fresno"),
        ("outcome", "convicted"),
        ("level", "felony"),
        ("code_section", "487 PC"),
        ("value", "400"),
        ("prior_super_strike", "no"),
        ("judgment_date", "2013-04-02"),
        ("sentence", "probation"),
        ("probation_status", "completed"),
        ("probation_end", "2016-04-02"),
        ("new_felony_since", "no"),
    ]);
    let count = [("level", "felony"), ("code_section", "PC 211")];
    let mut s = start();
    s.wait_for("Press Enter to start.");
    s.press("\r");
    common::answer_until(&mut s, &case, "Is there another arrest or conviction");
    assert!(
        s.screen()
            .contains("3. Yes, another charge (count) in entry 1")
    );
    s.press("3\r");
    s.wait_for("Entry 1 (count 2) · question 1");
    let asked = common::answer_on_screen(&mut s, &count, Some("Is there another arrest"), 60);
    let ids: Vec<&str> = asked.iter().map(|q| q.source.id.as_str()).collect();
    assert_eq!(ids, ["level", "code_section"]);
    let entries = s.screen();
    assert!(
        entries.contains("Entry 1 (count 1) · Fresno · convicted · felony"),
        "{entries}"
    );
    assert!(entries.contains("Entry 1 (count 2) · felony"), "{entries}");
    // "No, that is all", then the review's "show my results".
    s.press("2\r");
    s.wait_for("Check your answers");
    s.press("\r");
    s.wait_for("Your results");
    let results = results_text(&mut s);
    let first = results.find("Entry 1 (count 1) · Fresno").expect(&results);
    let second = results.find("Entry 1 (count 2) · felony").expect(&results);
    let plan = results.find("Your plan").expect(&results);
    assert!(first < second && second < plan, "{results}");
    assert!(
        results[first..second].contains("Proposition 47"),
        "{results}"
    );
    assert!(
        !results[second..plan].contains("Proposition 47"),
        "{results}"
    );
    assert!(
        results[second..plan].contains("Dismissal after probation"),
        "{results}"
    );
}

/// The results read whole, a line at a time: the body's lines on the first screen,
/// then the line each Down brings in at the bottom, until the plan's heading.
fn results_text(s: &mut Session) -> String {
    let body = |screen: &str| -> Vec<String> {
        let lines: Vec<&str> = screen.lines().collect();
        let end = lines.len().saturating_sub(2);
        lines[2.min(end)..end]
            .iter()
            // The scrollbar is the last column.
            .map(|l| {
                l.chars()
                    .take(76)
                    .collect::<String>()
                    .trim_end()
                    .to_string()
            })
            .collect()
    };
    let mut text = body(&s.screen());
    for _ in 0..400 {
        if text.iter().any(|l| l.contains("Your plan")) {
            break;
        }
        let before = body(&s.screen());
        s.press("\x1b[B");
        let after = body(&s.screen());
        if after == before {
            break;
        }
        text.push(after.last().cloned().unwrap_or_default());
    }
    text.join("\n")
}

/// A person still on probation who types "3" for the term is asked whether that is
/// years or months, in place; the results then show when probation ends, worked out
/// with the AB 1950 cap, and date the dismissal from it.
#[test]
fn a_bare_number_of_years_is_asked_about_and_the_probation_end_is_worked_out() {
    let mut case = common::PERSON.to_vec();
    case.extend_from_slice(&[
        ("county", "Fresno"),
        ("outcome", "convicted"),
        ("level", "misdemeanor"),
        ("code_section", "not sure"),
        ("offense", "other"),
        ("judgment_date", "2026-03-02"),
        ("under_18", "no"),
        ("sentence", "probation"),
        ("probation_status", "ongoing"),
    ]);
    let mut s = start();
    s.wait_for("Press Enter to start.");
    s.press("\r");
    common::answer_until(&mut s, &case, "How long a probation did the judge order?");
    s.press("3\r");
    s.wait_for("3 years or 3 months? Type 3 years or 3 months.");
    assert!(
        s.screen()
            .contains("How long a probation did the judge order?")
    );
    s.press(" years\r");
    s.wait_for("Was your probation ever revoked");
    s.press("2\r");
    s.wait_for("Where did your answers about this case come from?");
    s.press("3\r");
    s.wait_for("Is there another arrest or conviction");
    s.press("2\r");
    s.wait_for("Check your answers");
    s.press("\r");
    s.wait_for("Your results");
    let results = results_text(&mut s);
    let flat = results.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains(
            "When probation ends, worked out: 36 months ordered from March 2, 2026, to \
             March 2, 2029. AB 1950 caps misdemeanor probation at 1 year (PC 1203a). So it \
             may end on March 2, 2027, sooner than ordered"
        ),
        "{results}"
    );
    assert!(
        flat.contains("Possibly, from March 2, 2027 · Dismissal after probation"),
        "{results}"
    );
}

/// `--rap-sheet` with a sheet of three cases: every answer it gives is filled in, so
/// the person answers only what it leaves open (about themselves, and how each
/// sentence went) and reaches the results of all three.
#[test]
fn a_rap_sheet_fills_the_interview_and_only_open_questions_are_asked() {
    let sheet = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/rapsheets/three-cases.txt"
    );
    let mut s = Session::start(&["--as-of", "2026-12-01", "--rap-sheet", sheet], &[], None);
    // First what was read, entry by entry, each answer with its line on the sheet.
    let read = [
        "What the RAP sheet says",
        "Entry 1",
        "Fresno (RAP sheet line 15)",
        "PC 459.5 (RAP sheet line 18)",
    ];
    s.wait_until("what the sheet told", |screen| {
        read.iter().all(|said| screen.contains(said))
    });
    // Longer than the screen: it scrolls to its end, then Enter starts the questions.
    s.press("G");
    s.wait_until("the end of what the sheet told", |screen| {
        screen.contains("Entry 3") && screen.contains("Only the questions the sheet leaves")
    });
    // A number out of habit first: the number does nothing here, Enter only starts.
    s.press("1\r");
    s.wait_for("Are you in jail or prison right now?");
    assert!(s.screen().contains("question 1 of"), "{}", s.screen());
    let last = "Is there another arrest or conviction";
    // Each probation ended after the latest sentencing on the sheet (2019-11-20).
    let mut rules = common::PERSON.to_vec();
    rules.push(("probation_end", "2024-01-15"));
    let asked = common::answer_on_screen(&mut s, &rules, Some(last), 60);
    assert!(s.screen().contains(last), "{}", s.screen());
    // Read for every entry (the arrest's code section is not: it is asked).
    let read = [
        "county",
        "outcome",
        "level",
        "judgment_date",
        "sentence",
        "arrest_date",
        "arrest_level",
    ];
    let ids: Vec<&str> = asked.iter().map(|q| q.source.id.as_str()).collect();
    for id in &ids {
        assert!(
            !read.contains(id),
            "{id} was read from the sheet, and asked: {ids:?}"
        );
    }
    assert!(
        ids.contains(&"in_custody") && ids.contains(&"probation_status"),
        "{ids:?}"
    );
    let results = no_more_then_results(&mut s);
    assert!(
        results.contains("Entry 1 · Fresno · convicted"),
        "{results}"
    );
    s.press("q");
    s.wait_for("Leave clearpath?");
    s.send("y");
    assert!(s.wait_exit().success());
    s.assert_restored();
}
