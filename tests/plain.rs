//! `clearpath --plain` end to end: answers piped in, one per line.

use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Command as Process, Stdio};

mod common;

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/content");

/// Runs the plain interview with `args` and these input lines; it must succeed.
fn run_plain(args: &[&str], input: &str) -> String {
    run_plain_said(args, input).0
}

/// As [`run_plain`], with what it said on standard error.
fn run_plain_said(args: &[&str], input: &str) -> (String, String) {
    let out = common::clearpath()
        .arg("--plain")
        .args(args)
        .write_stdin(input)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = |bytes: Vec<u8>| String::from_utf8(bytes).unwrap();
    (text(out.stdout), text(out.stderr))
}

/// Runs the plain interview on the small fixture content with these input lines.
fn run_fixture(input: &str) -> String {
    run_plain(&["--as-of", "2026-01-01", "--content", FIXTURE], input)
}

#[test]
fn piped_answers_reach_the_results() {
    let out = run_fixture("no\n1\n2020-05-01\nno\n");
    assert!(out.contains("About you · question 1 of about 1\nAre you on probation?\n  1. Yes\n  2. No\n  3. I'm not sure\n> "));
    assert!(out.contains("Entry 1 · question 2 of about 2\nWhen were you sentenced?\nType a date, like 2019-03-15. Or type \"not sure\".\n> "));
    assert!(out.contains("Is there another entry on your record?"));
    assert!(out.contains("ENTRY 1 · CONVICTED\n-------------------\n\n  ✔ Eligible now · Dismissal (Test Code § 1)\n    A year has passed (Test Code § 1).\n"), "{out}");
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
    // Shaped as a date, month first: no such day.
    assert!(out.contains("Not accepted: 02/30/2023 is not a date. Check the month and day."));
    assert!(out.contains("Not accepted: 2027-01-01 is after today (2026-01-01). Check the year."));
    assert!(out.contains("Eligible now · Dismissal"), "{out}");
}

#[test]
fn a_refusal_shows_escape_sequences_it_quotes_as_text() {
    let out = run_fixture("no\n1\n20\u{1b}]0;owned\u{7}\u{202e}19\n2020-05-01\nno\n");
    assert!(
        out.contains(r#"Not accepted: "20\u{1b}]0;owned\u{7}\u{202e}19" is not a date."#),
        "{out}"
    );
    assert!(!out.contains(['\u{1b}', '\u{7}', '\u{202e}']), "{out:?}");
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

/// Runs the shipped interview in `lang`, started in `dir`, answering each prompt with
/// `answer` after reading it, as a person would. Returns everything shown.
fn converse(lang: &str, dir: &std::path::Path, mut answer: impl FnMut(&str) -> String) -> String {
    let mut child = Process::new(assert_cmd::cargo::cargo_bin!("clearpath"))
        .args(["--plain", "--as-of", "2026-11-25", "--lang", lang])
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut transcript = String::new();
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
        writeln!(stdin, "{}", answer(&screen)).unwrap();
    }
    drop(stdin);
    let mut rest = String::new();
    stdout.read_to_string(&mut rest).unwrap();
    transcript.push_str(&rest);
    assert!(child.wait().unwrap().success());
    let _ = BufRead::fill_buf(&mut stdout);
    assert!(
        transcript.lines().all(|l| !l.contains('\x1b')),
        "plain mode sends no escape sequences"
    );
    transcript
}

/// Answers whatever the shipped interview asks, as a person with two entries might,
/// reading each prompt before answering.
#[test]
fn the_shipped_interview_end_to_end_with_two_entries() {
    let dir = tempfile::tempdir().unwrap();
    let mut entries_added = 0;
    let transcript = converse("en", dir.path(), |screen| {
        let answer =
            if screen.contains("Check your answers") || screen.contains("Save these results") {
                ""
            } else if screen.contains("Is there another entry") {
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
        answer.to_string()
    });
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
}

/// A Spanish speaker goes through the shipped interview, changes an answer in the
/// review, reads the results and saves them, all in Spanish.
#[test]
fn the_shipped_interview_in_spanish_to_a_saved_page() {
    let dir = tempfile::tempdir().unwrap();
    let mut reviews = 0;
    let transcript = converse("es", dir.path(), |screen| {
        if screen.contains("Revise sus respuestas") {
            reviews += 1;
            // First change the county (a typed answer), then go on to the results.
            if reviews == 1 {
                let line = screen
                    .lines()
                    .find(|l| l.contains("¿En qué condado"))
                    .expect("the county is in the review");
                line.split('.').next().unwrap().to_string()
            } else {
                String::new()
            }
        } else if screen.contains("¿Guardar estos resultados") {
            "resultados.html".to_string()
        } else if screen.contains("¿Hay otro caso") {
            "no".to_string()
        } else if screen.contains("Escriba una fecha") {
            "2018-04-02".to_string()
        } else if screen.contains("Escriba una cantidad") {
            "400".to_string()
        } else if screen.contains("Escriba su respuesta") {
            if reviews == 0 { "Fresno" } else { "Kern" }.to_string()
        } else if screen.contains("  2. ") {
            "2".to_string()
        } else {
            "1".to_string()
        }
    });
    assert!(
        transcript.contains("Cambiando una respuesta."),
        "{transcript}"
    );
    // The county decides where to file, not whether a remedy fits.
    assert!(
        transcript.contains(
            "Entendido: Kern\n\nSu cambio no cambió ningún resultado.\n\nRevise sus respuestas."
        ),
        "{transcript}"
    );
    assert!(transcript.contains("CASO 1 · KERN · "), "{transcript}");
    assert!(transcript.contains("SU PLAN"), "{transcript}");
    let saved = dir.path().join("resultados.html");
    assert!(
        transcript.contains(&format!("Se guardó en {}", saved.display())),
        "{transcript}"
    );
    for english in [
        "Type ",
        "Not accepted",
        "Check your answers",
        "Save these",
        "YOUR PLAN",
    ] {
        assert!(!transcript.contains(english), "{english:?} in {transcript}");
    }
    let page = std::fs::read_to_string(&saved).unwrap();
    assert!(page.contains("lang=\"es\""), "{page}");
    assert!(page.contains("Kern"), "{page}");
}

#[test]
fn spanish_prompts_hints_and_refusals() {
    let out = common::clearpath()
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
    assert!(out.contains("  1. Sí\n  2. No\n  3. No sé\n"), "{out}");
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
    let out = common::clearpath()
        .env("LANG", "es_US.UTF-8")
        .args(["--plain", "--as-of", "2026-01-01", "--content", FIXTURE])
        .write_stdin("salir\n")
        .output()
        .unwrap();
    let out = String::from_utf8(out.stdout).unwrap();
    assert!(out.ends_with("Adiós. No se guardó nada.\n"), "{out}");
}

/// Runs the plain interview on the fixture content in `lang`, started in `dir`.
fn run_in(dir: &std::path::Path, lang: &str, input: &str) -> String {
    let out = common::clearpath()
        .current_dir(dir)
        .args(["--plain", "--as-of", "2026-01-01", "--content", FIXTURE])
        .args(["--lang", lang])
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

/// Not on probation, convicted, sentenced 2020-05-01, no other entry.
const CONVICTED: &str = "no\n1\n2020-05-01\nno\n";

#[test]
fn o_and_a_number_at_the_review_says_where_that_answer_came_from() {
    let dir = tempfile::tempdir().unwrap();
    let input = format!("{CONVICTED}o 3\no 3\no 1\no 9\n\n");
    let out = run_in(dir.path(), "en", &input);
    assert!(
        out.contains("> Source of this answer: RAP sheet.\n"),
        "{out}"
    );
    assert!(
        out.contains("> Source of this answer: court papers.\n"),
        "{out}"
    );
    // About the person there is no source to give; a number not listed is refused.
    assert!(
        out.contains(
            "> Source of this answer: court papers.\n\
             > Not accepted: Only an answer about an entry on the record has a source: type o and the number of one.\n\
             > Not accepted: Type a number from 1 to 3"
        ),
        "{out}"
    );
    let listed = "3. Entry 1 · When were you sentenced? — May 1, 2020 (court papers)";
    assert!(!out.contains(listed), "listed again only when asked: {out}");
    let input = format!("{CONVICTED}o 3\nrepeat\n\n");
    let out = run_in(dir.path(), "en", &input);
    assert!(
        out.contains("3. Entry 1 · When were you sentenced? — May 1, 2020 (RAP sheet)"),
        "{out}"
    );
}

#[test]
fn the_review_lists_every_answer_and_a_number_changes_one() {
    let dir = tempfile::tempdir().unwrap();
    let input = format!("{CONVICTED}9\nfresh\n2\n2\n\n");
    let out = run_in(dir.path(), "en", &input);
    assert!(
        out.contains(
            "Check your answers. Here is everything you told us:\n\
             1. About you · Are you on probation? — No\n\
             2. Entry 1 · How did it end? — Convicted\n\
             3. Entry 1 · When were you sentenced? — May 1, 2020\n\
             Type the number of an answer to change it, or press Enter to see your results.\n> "
        ),
        "{out}"
    );
    // Refused in words, right after each wrong line.
    let refusal = "Not accepted: Type a number from 1 to 3 to change that answer, or press Enter to see your results.\n";
    assert!(out.contains(&format!("> {refusal}> {refusal}> ")), "{out}");
    // The question comes back with the answer it had.
    assert!(out.contains("Changing an answer. Type back to keep the answer you had.\n\nEntry 1 · question 1 of about 2\nHow did it end?\n"), "{out}");
    assert!(out.contains("Your answer was: Convicted."), "{out}");
    assert!(
        out.contains(
            "What changed in your results:\n\
             Entry 1 · Dismissal: was Eligible now, now not in the results.\n\
             Entry 1 · Sealing: was not in the results, now Eligible now.\n"
        ),
        "{out}"
    );
    // Back on the review with the new answer, then the results follow it.
    assert!(out.contains("2. Entry 1 · How did it end? — Arrested only\nType the number"));
    assert!(
        out.contains("ENTRY 1 · ARRESTED\n------------------\n\n  ✔ Eligible now · Sealing"),
        "{out}"
    );
    assert!(!out.contains("· Dismissal (Test Code"), "{out}");
}

#[test]
fn an_unsure_answer_is_said_in_words_and_back_keeps_the_answer() {
    let dir = tempfile::tempdir().unwrap();
    let input = "no\n1\nnot sure\nno\n3\nback\nresults\n";
    let out = run_in(dir.path(), "en", input);
    assert!(
        out.contains("3. Entry 1 · When were you sentenced? — I'm not sure\n"),
        "{out}"
    );
    assert!(out.contains("> Nothing was changed.\n"), "{out}");
    assert!(
        out.contains("… Needs more information · Dismissal"),
        "{out}"
    );
    assert!(!out.contains("What changed"), "{out}");
}

#[test]
fn a_change_that_changes_nothing_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let out = run_in(dir.path(), "en", &format!("{CONVICTED}3\n2020-06-01\n\n"));
    assert!(
        out.contains("Understood: June 1, 2020\n\nYour change did not change any result.\n\nCheck your answers."),
        "{out}"
    );
    assert!(out.contains("3. Entry 1 · When were you sentenced? — June 1, 2020\n"));
}

#[test]
fn commands_work_at_the_review() {
    let dir = tempfile::tempdir().unwrap();
    // help, repeat, then back to the last question and forward again, then quit.
    let out = run_in(
        dir.path(),
        "en",
        &format!("{CONVICTED}help\nrepeat\nback\n2020-05-01\nno\nquit\n"),
    );
    assert!(
        out.contains("> Help: type the number of an answer to change it."),
        "{out}"
    );
    assert_eq!(out.matches("Check your answers.").count(), 3, "{out}");
    assert!(out.contains("Your answer was: May 1, 2020."), "{out}");
    assert!(out.ends_with("Goodbye. Nothing was saved.\n"), "{out}");
    assert!(!out.contains("YOUR PLAN"), "{out}");
}

#[test]
fn the_end_of_input_at_the_review_shows_the_results_and_saves_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let out = run_in(dir.path(), "en", CONVICTED);
    assert!(out.contains("Check your answers."), "{out}");
    assert!(out.contains("✔ Eligible now · Dismissal"), "{out}");
    assert!(out.contains(
        "Save these results to a file? Type a file name, or press Enter to finish.\n\
         The end of the name chooses the format: .txt for plain text, .md for Markdown, .html for a web page ready to print. For example: clearpath-results-2026-01-01.txt\n> \n"
    ), "{out}");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

/// "Listo" at the review is "show my results"; "no" to saving is finishing without a
/// file, in both languages.
#[test]
fn done_at_the_review_shows_the_results_and_no_to_saving_finishes() {
    let cases = [
        ("es", "Listo.", "No, gracias", "Adiós. No se guardó nada."),
        (
            "es",
            "ver mis resultados",
            "no",
            "Adiós. No se guardó nada.",
        ),
        ("en", "looks good", "No.", "Goodbye. Nothing was saved."),
    ];
    for (lang, done, no, goodbye) in cases {
        let dir = tempfile::tempdir().unwrap();
        let out = run_in(dir.path(), lang, &format!("{CONVICTED}{done}\n{no}\n"));
        let refused = ["Not accepted", "No se aceptó"];
        assert!(
            refused.iter().all(|r| !out.contains(r)),
            "{done:?} / {no:?}: {out}"
        );
        assert!(out.contains(goodbye), "{no:?}: {out}");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0, "{no:?}");
    }
}

#[test]
fn the_results_are_saved_in_the_format_the_name_asks_for() {
    let dir = tempfile::tempdir().unwrap();
    let input = format!("{CONVICTED}\nresults.doc\nmissing/results.txt\nresults.html\n");
    let out = run_in(dir.path(), "en", &input);
    assert!(
        out.contains("> Not accepted: End the file name with .txt, .md or .html.\n> "),
        "{out}"
    );
    let missing = dir.path().join("missing");
    assert!(
        out.contains(&format!(
            "> Could not save: the folder {} does not exist.\nType another file name, or press Enter to finish without saving.\n> ",
            missing.display()
        )),
        "{out}"
    );
    let saved = dir.path().join("results.html");
    assert!(
        out.contains(&format!("Saved to {}\n", saved.display())),
        "{out}"
    );
    let html = std::fs::read_to_string(&saved).unwrap();
    assert!(
        html.starts_with("<!DOCTYPE html>") || html.starts_with("<!doctype html>"),
        "{html}"
    );
    assert!(html.contains("Dismissal"), "{html}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&saved).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn an_existing_file_is_replaced_only_after_yes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mine.txt");
    std::fs::write(&path, "keep me").unwrap();
    let out = run_in(
        dir.path(),
        "en",
        &format!("{CONVICTED}\nmine.txt\nmaybe\nno\n\n"),
    );
    assert!(
        out.contains(&format!(
            "> {} already exists. Replace it with your results? Type yes or no.\n\
             > Not accepted: Please answer yes or no.\n> The file was not replaced.\n",
            path.display()
        )),
        "{out}"
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "keep me");
    // The end of the input at the question does not replace it either.
    run_in(dir.path(), "en", &format!("{CONVICTED}\nmine.txt\n"));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "keep me");

    let out = run_in(dir.path(), "en", &format!("{CONVICTED}\nmine.txt\nyes\n"));
    assert!(
        out.contains(&format!("Saved to {}", path.display())),
        "{out}"
    );
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text.starts_with("CLEARPATH SCREENING, AS OF JANUARY 1, 2026\n"),
        "{text}"
    );
}

#[test]
fn a_folder_or_a_folder_that_is_a_file_is_refused_before_asking_to_replace() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("box.txt")).unwrap();
    std::fs::write(dir.path().join("plain"), "not a folder").unwrap();
    let out = run_in(
        dir.path(),
        "en",
        &format!("{CONVICTED}\nbox.txt\nplain/r.txt\n\n"),
    );
    assert!(!out.contains("Replace it"), "{out}");
    assert!(
        out.contains("> Could not save: that is a folder. Type a file name.\n"),
        "{out}"
    );
    assert!(
        out.contains(&format!(
            "> Could not save: {} is a file, not a folder.\n",
            dir.path().join("plain").display()
        )),
        "{out}"
    );
    assert_eq!(
        std::fs::read_dir(dir.path().join("box.txt"))
            .unwrap()
            .count(),
        0
    );
}

#[cfg(unix)]
#[test]
fn replacing_a_link_replaces_the_link_and_leaves_what_it_pointed_to() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let other = dir.path().join("shared-notes.txt");
    std::fs::write(&other, "someone else's").unwrap();
    std::fs::set_permissions(&other, std::fs::Permissions::from_mode(0o644)).unwrap();
    let link = dir.path().join("mine.txt");
    std::os::unix::fs::symlink(&other, &link).unwrap();
    let out = run_in(dir.path(), "en", &format!("{CONVICTED}\nmine.txt\nyes\n"));
    assert!(out.contains("Replace it with your results?"), "{out}");
    assert_eq!(std::fs::read_to_string(&other).unwrap(), "someone else's");
    let meta = std::fs::symlink_metadata(&link).unwrap();
    assert!(meta.file_type().is_file());
    assert_eq!(meta.permissions().mode() & 0o777, 0o600);
    assert!(
        std::fs::read_to_string(&link)
            .unwrap()
            .starts_with("CLEARPATH SCREENING")
    );
}

#[test]
fn back_at_the_save_question_returns_to_the_review() {
    let dir = tempfile::tempdir().unwrap();
    let out = run_in(dir.path(), "en", &format!("{CONVICTED}\nback\n\n\n"));
    assert_eq!(out.matches("Check your answers.").count(), 2, "{out}");
    assert_eq!(out.matches("YOUR PLAN").count(), 2, "{out}");
    assert!(out.ends_with("> Goodbye. Nothing was saved.\n"), "{out}");
}

#[test]
fn spanish_review_change_and_save_end_to_end() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("resultados.md");
    std::fs::write(&path, "mío").unwrap();
    let input =
        "no\n1\n2020-05-01\nno\ncuatro\n2\n2\nresultados\nresultados.md\nno\nresultados.md\nsí\n";
    let out = run_in(dir.path(), "es", input);
    assert!(
        out.contains(
            "Revise sus respuestas. Esto es todo lo que nos dijo:\n\
             1. Sobre usted · "
        ),
        "{out}"
    );
    assert!(
        out.contains("> No se aceptó: Escriba un número del 1 al 3 para cambiar esa respuesta, o presione Enter para ver sus resultados.\n> "),
        "{out}"
    );
    assert!(
        out.contains(
            "Cambiando una respuesta. Escriba atras para quedarse con la respuesta que tenía."
        ),
        "{out}"
    );
    assert!(
        out.contains("Lo que cambió en sus resultados:\nCaso 1 · "),
        "{out}"
    );
    assert!(
        out.contains(": antes Elegible ahora, ahora no aparecía en los resultados.\n"),
        "{out}"
    );
    assert!(out.contains("SU PLAN"), "{out}");
    assert!(out.contains("¿Guardar estos resultados en un archivo? Escriba un nombre de archivo, o presione Enter para terminar.\n"), "{out}");
    assert!(
        out.contains(&format!(
            "> {} ya existe. ¿Reemplazarlo con sus resultados? Escriba sí o no.\n> No se reemplazó el archivo.\n",
            path.display()
        )),
        "{out}"
    );
    assert!(
        out.contains(&format!("Se guardó en {}\n", path.display())),
        "{out}"
    );
    let markdown = std::fs::read_to_string(&path).unwrap();
    assert!(
        markdown.starts_with("# Evaluación de clearpath, al 1 de enero de 2026"),
        "{markdown}"
    );
    assert!(markdown.contains("Su plan"), "{markdown}");
    assert!(
        !out.contains("Not accepted") && !out.contains("Check your answers"),
        "{out}"
    );
}

/// Runs the plain interview on the shipped content with these input lines.
fn run_shipped(input: &str) -> String {
    run_plain(&["--as-of", "2026-11-25"], input)
}

#[test]
fn stopped_after_two_answers_the_results_refer_for_nothing_not_asked() {
    // Not in custody, not on supervision, then the input ends.
    let out = run_shipped("no\nno\n");
    assert!(out.contains("The interview was not finished."), "{out}");
    let lawyer = &out[out.find("WHEN TO TALK TO A LAWYER").expect(&out)..];
    for unasked in ["register", "citizen", "trafficking", "custody", "license"] {
        assert!(!lawyer.contains(unasked), "refers for {unasked}:\n{lawyer}");
    }
}

#[test]
fn an_entry_still_on_probation_answers_whether_the_person_is_on_probation() {
    let out = run_shipped(
        "no\nnot sure\nno\nno\nyes\nno\nno\nFresno\nconvicted\nmisdemeanor\nnot sure\nno\nsomething else\n2018-04-02\nno\nno\nprobation\nI am still on probation\n3 years\nno\nno\n",
    );
    assert!(
        out.contains("✘ Not eligible · Automatic conviction relief (Clean Slate)"),
        "{out}"
    );
    assert!(!out.contains("- Are you on probation, parole"), "{out}");
}

/// In Spanish a date that reads both ways is asked about, and a date read day first
/// or with the month in words is taken and repeated back in words; the end of the
/// entries in words.
#[test]
fn spanish_dates_are_read_day_first_and_asked_about_when_unclear() {
    let in_spanish = |input: &str| {
        run_plain(
            &[
                "--as-of",
                "2026-01-01",
                "--content",
                FIXTURE,
                "--lang",
                "es",
            ],
            input,
        )
    };
    let out = in_spanish("no, señor\n1\n2/4/2018\n13/4/2018\nno, es todo\n");
    assert!(
        out.contains("No se aceptó: ¿4 de febrero o 2 de abril? Escriba el mes con letras"),
        "{out}"
    );
    // Every answer is repeated back as it was read, a date in words.
    assert!(out.contains("> Entendido: No\n"), "{out}");
    assert!(out.contains("> Entendido: 13 de abril de 2018\n"), "{out}");
    assert!(!out.contains("Entendido: 4 de febrero"), "{out}");
    let out = in_spanish("no\n1\n2 de abril de 2018\nnada más\n");
    assert!(out.contains("> Entendido: 2 de abril de 2018\n"), "{out}");
}

#[test]
fn plain_prompts_in_two_languages_say_in_both_that_they_show_one() {
    let args = [
        "--lang",
        "es,en",
        "--as-of",
        "2026-01-01",
        "--content",
        FIXTURE,
    ];
    let (shown, said) = run_plain_said(&args, "");
    assert!(
        said.contains("Las preguntas simples van en un solo idioma"),
        "{said}"
    );
    assert!(
        said.contains("Plain prompts are in one language at a time"),
        "{said}"
    );
    assert!(said.contains("--lang es,en"), "{said}");
    assert!(shown.contains("cómo limpiar un historial penal"), "{shown}");
    assert!(
        !shown.contains("clearing a California criminal record"),
        "{shown}"
    );
}

#[test]
fn a_county_is_refused_with_the_list_and_taken_by_its_number() {
    let out = common::clearpath()
        .args(["--plain", "--as-of", "2026-11-25"])
        .write_stdin("2\n2\n2\n2\n2\n2\n2\nAlamda\nCook\n10\n")
        .output()
        .unwrap();
    let said = String::from_utf8(out.stdout).unwrap();
    assert!(
        said.contains("\"Alamda\" is not a California county. Did you mean Alameda?"),
        "{said}"
    );
    assert!(said.contains("1. Alameda; 2. Alpine;"), "{said}");
    assert!(said.contains("58. Yuba."), "{said}");
    assert!(said.contains("Understood: Fresno"), "{said}");
}
