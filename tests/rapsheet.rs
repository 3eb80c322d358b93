//! `clearpath rapsheet`: each RAP sheet in tests/fixtures/rapsheets gives exactly its
//! case file (`.ron`) and its notes (`.notes`, what was left unread or open, by line);
//! the case files it writes are read back by `screen`, with their sources; and the
//! facts read are measured against the expected ones, fact by fact.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use clearpath::casefile::{self, Syntax};
use clearpath::content::Content;
use clearpath::engine::input::parse_answer;
use clearpath::engine::interview::Interview;
use clearpath::engine::{Slot, Stage};
use clearpath::model::{Lang, Source};
use clearpath::rapsheet;

mod common;

use common::{CONTENT, clearpath};

fn fixtures() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rapsheets");
    let mut sheets: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    sheets.sort();
    assert!(sheets.len() >= 4, "the fixtures are missing");
    sheets
}

fn expected(sheet: &Path, extension: &str) -> String {
    fs::read_to_string(sheet.with_extension(extension))
        .unwrap_or_else(|e| panic!("{}: {e}", sheet.with_extension(extension).display()))
}

/// The notes as the command writes them, `clearpath: NAME:LINE: message`.
fn notes_of(name: &str, reading: &rapsheet::Reading) -> String {
    reading
        .notes
        .iter()
        .map(|n| match n.line {
            0 => format!("clearpath: {name}: {}\n", n.message),
            line => format!("clearpath: {name}:{line}: {}\n", n.message),
        })
        .collect()
}

#[test]
fn each_sheet_gives_exactly_its_case_file_and_its_notes() {
    for sheet in fixtures() {
        let name = sheet.file_name().unwrap().to_str().unwrap();
        let reading = rapsheet::read(&CONTENT, &fs::read_to_string(&sheet).unwrap());
        assert_eq!(
            reading.case_file(false),
            expected(&sheet, "ron"),
            "{name}: the case file"
        );
        assert_eq!(
            notes_of(name, &reading),
            expected(&sheet, "notes"),
            "{name}: the notes"
        );
    }
}

#[test]
fn the_command_writes_the_case_file_and_the_notes() {
    let sheet = &fixtures()[0];
    let dir = sheet.parent().unwrap();
    let name = sheet.file_name().unwrap().to_str().unwrap();
    let out = clearpath()
        .current_dir(dir)
        .args(["rapsheet", name])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        expected(sheet, "ron")
    );
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        expected(sheet, "notes")
    );
}

/// In Spanish the notes say the same lines in Spanish, and the answers read are the
/// same.
#[test]
fn the_notes_are_said_in_the_language_of_the_interview() {
    let spanish = Content::built_in_in(Lang::Es).unwrap();
    for sheet in fixtures() {
        let text = fs::read_to_string(&sheet).unwrap();
        let (en, es) = (
            rapsheet::read(&CONTENT, &text),
            rapsheet::read(&spanish, &text),
        );
        assert_eq!(es.case_file(false), en.case_file(false));
        let lines = |r: &rapsheet::Reading| r.notes.iter().map(|n| n.line).collect::<Vec<_>>();
        assert_eq!(lines(&es), lines(&en), "{}", sheet.display());
        for (es, en) in es.notes.iter().zip(&en.notes) {
            assert_ne!(
                es.message,
                en.message,
                "{}: not in Spanish",
                sheet.display()
            );
        }
    }
    let missing = fixtures()
        .into_iter()
        .find(|s| s.ends_with("missing.txt"))
        .unwrap();
    let es = rapsheet::read(&spanish, &fs::read_to_string(missing).unwrap());
    let said: Vec<&str> = es.notes.iter().map(|n| n.message.as_str()).collect();
    assert!(said.contains(&"el cargo 2 no tiene resolución: el historial no dice cómo terminó"));
    assert!(said.contains(
        &"clearpath no conoce \"CASC TIMBUKTU\" como tribunal o lugar de California: se pregunta el condado"
    ));
}

/// Every case file the reader writes is one `screen` takes, with a source for each
/// fact naming the lines it was read from.
#[test]
fn every_case_file_read_reads_back_with_its_sources() {
    for sheet in fixtures() {
        let text = fs::read_to_string(&sheet).unwrap();
        let reading = rapsheet::read(&CONTENT, &text);
        for json in [false, true] {
            let syntax = if json { Syntax::Json } else { Syntax::Ron };
            let file = casefile::parse(&CONTENT, &reading.case_file(json), syntax)
                .unwrap_or_else(|e| panic!("{}: {e}", sheet.display()));
            let facts: Vec<usize> = reading
                .entries
                .iter()
                .flat_map(|e| std::iter::once(e.facts.len()).chain(e.counts.iter().map(Vec::len)))
                .collect();
            let sources: Vec<usize> = (file.person.cases.iter())
                .map(|e| e.sources().count())
                .collect();
            assert_eq!(sources, facts, "{}: a source per fact", sheet.display());
            let lines = text.lines().count() as u32;
            for (_, source) in file.person.cases.iter().flat_map(|e| e.sources()) {
                let Source::RapSheet(at) = source else {
                    panic!("{}: {source} is not the RAP sheet", sheet.display());
                };
                assert!(!at.is_empty() && at.iter().all(|l| (1..=lines).contains(l)));
            }
        }
    }
}

#[test]
fn a_rap_sheet_is_screened_end_to_end_through_a_pipe() {
    let sheet = &fixtures()
        .into_iter()
        .find(|s| s.ends_with("three-cases.txt"))
        .unwrap();
    let case_file = clearpath().arg("rapsheet").arg(sheet).output().unwrap();
    assert_eq!(case_file.status.code(), Some(0));
    let out = clearpath()
        .args(["screen", "--as-of", "2026-12-01", "-"])
        .write_stdin(case_file.stdout)
        .output()
        .unwrap();
    let results = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for said in [
        "Entry 1",
        "Entry 2",
        "Entry 3",
        "Fresno",
        "San Diego",
        "Alameda",
        "1203.4",
    ] {
        assert!(
            results.contains(said),
            "{said} is not in the results:\n{results}"
        );
    }
}

/// A RAP sheet printed to a PDF (tests/fixtures/rapsheets/pdf.py: two pages, each
/// line placed below the last, words set apart by kerning, compressed) reads as its
/// text does: the same case file, the same lines, the same notes.
#[test]
fn a_pdf_with_text_reads_as_the_text_it_was_printed_from() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rapsheets");
    let text = rapsheet::pdf::text(&fs::read(dir.join("three-cases.pdf")).unwrap()).unwrap();
    let printed = fs::read_to_string(dir.join("three-cases.txt")).unwrap();
    assert_eq!(text.lines().count(), printed.lines().count(), "{text}");
    for (read, printed) in text.lines().zip(printed.lines()) {
        let words = |line: &str| line.split_whitespace().collect::<Vec<_>>().join(" ");
        assert_eq!(words(read), words(printed));
    }

    let out = clearpath()
        .current_dir(&dir)
        .args(["rapsheet", "three-cases.pdf"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let case_file = String::from_utf8(out.stdout).unwrap();
    assert_eq!(case_file, expected(&dir.join("three-cases.txt"), "ron"));
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        expected(&dir.join("three-cases.txt"), "notes")
            .replace("three-cases.txt", "three-cases.pdf")
    );

    // The lines the sources name can be found: a PDF viewer numbers none.
    let out = clearpath()
        .current_dir(&dir)
        .args(["rapsheet", "--lines", "three-cases.pdf"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let numbered = String::from_utf8(out.stdout).unwrap();
    assert!(case_file.contains("rap sheet line 15"), "{case_file}");
    let line_15 = numbered.lines().nth(14).unwrap();
    assert_eq!(
        line_15.split_whitespace().collect::<Vec<_>>(),
        ["15", "20151002", "CASC", "FRESNO"]
    );
    assert_eq!(numbered.lines().count(), printed.lines().count());

    let out = clearpath()
        .args(["screen", "--as-of", "2026-12-01", "-"])
        .write_stdin(case_file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let results = String::from_utf8(out.stdout).unwrap();
    for said in ["Entry 3", "San Diego", "Alameda", "1203.4"] {
        assert!(results.contains(said), "{said}:\n{results}");
    }
}

#[test]
fn what_is_not_a_text_rap_sheet_is_refused_with_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("rap.pdf");
    fs::write(&pdf, b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj").unwrap();
    let out = clearpath().arg("rapsheet").arg(&pdf).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let said = String::from_utf8(out.stderr).unwrap();
    assert!(
        said.contains("cannot be opened") && said.contains(".txt"),
        "{said}"
    );
    assert!(out.stdout.is_empty());

    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rapsheets");
    let out = clearpath()
        .arg("rapsheet")
        .arg(fixtures.join("scanned.pdf"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let said = String::from_utf8(out.stderr).unwrap();
    assert!(
        said.contains("scanned.pdf: is a PDF with no text in it") && said.contains("a scan"),
        "{said}"
    );
    assert!(out.stdout.is_empty());

    let letter = dir.path().join("letter.txt");
    fs::write(&letter, "Dear clinic,\nplease find my papers enclosed.\n").unwrap();
    let out = clearpath().arg("rapsheet").arg(&letter).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "no entries is a failure");
    let said = String::from_utf8(out.stderr).unwrap();
    assert!(said.contains("does not read as a RAP sheet"), "{said}");
}

/// A file that is not a RAP sheet is refused in the interview's language, whichever
/// way it comes in: `rapsheet`, `rapsheet --lines` and the interview's `--rap-sheet`.
#[test]
fn a_file_is_refused_in_the_language_of_the_interview() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rapsheets");
    let dir = tempfile::tempdir().unwrap();
    let binary = dir.path().join("photo.txt");
    fs::write(&binary, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    let refused = |args: &[&str], input: &[u8]| {
        let out = clearpath().args(args).write_stdin(input).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
        String::from_utf8(out.stderr).unwrap()
    };
    let scanned = fixtures.join("scanned.pdf");
    let scanned = scanned.to_str().unwrap();
    for ways in [
        &["rapsheet"][..],
        &["rapsheet", "--lines"],
        &["--plain", "--rap-sheet"],
    ] {
        let es = refused(&[&["--lang", "es"], ways, &[scanned]].concat(), b"");
        assert!(
            es.contains("scanned.pdf: es un PDF sin texto") && es.contains("un escaneo"),
            "{ways:?}: {es}"
        );
        let en = refused(&[&["--lang", "en"], ways, &[scanned]].concat(), b"");
        assert!(en.contains("scanned.pdf: is a PDF with no text"), "{en}");
    }
    let es = refused(&["--lang", "es", "rapsheet", binary.to_str().unwrap()], b"");
    assert!(es.contains("photo.txt: no es un archivo de texto"), "{es}");
    let es = refused(&["--lang", "es", "rapsheet", "-"], b"\0\0");
    assert!(
        es.contains("la entrada estándar: no es un archivo de texto"),
        "{es}"
    );
    let missing = dir.path().join("nowhere.txt");
    let es = refused(
        &["--lang", "es", "rapsheet", missing.to_str().unwrap()],
        b"",
    );
    assert!(es.contains("nowhere.txt: no se puede leer: "), "{es}");
}

/// Sources in a case file name facts the entry answers, in words `Source` reads.
#[test]
fn a_case_files_sources_are_checked() {
    let parse = |sources: &str| {
        let text = format!(
            r#"{{"cases": [{{"outcome": "convicted", "level": "misdemeanor", "sources": {sources}}}]}}"#
        );
        casefile::parse(&CONTENT, &text, Syntax::Json)
    };
    let file = parse(r#"{"level": "court papers", "outcome": "rap sheet lines 3, 4"}"#).unwrap();
    let level = CONTENT.fact_id("level").unwrap();
    let outcome = CONTENT.fact_id("outcome").unwrap();
    let sources: Vec<_> = file.person.cases[0].sources().collect();
    assert_eq!(
        sources,
        vec![
            (level, &Source::CourtPapers),
            (outcome, &Source::RapSheet(vec![3, 4]))
        ]
    );
    let refused = parse(r#"{"county": "memory"}"#).unwrap_err().to_string();
    assert!(
        refused.contains("\"county\", which this entry does not answer"),
        "{refused}"
    );
    let refused = parse(r#"{"level": "my cousin"}"#).unwrap_err().to_string();
    assert!(
        refused.contains("\"court papers\", \"memory\" or \"not sure\""),
        "{refused}"
    );
    let refused = parse(r#"["memory"]"#).unwrap_err().to_string();
    assert!(refused.contains("is a map from a fact"), "{refused}");
    let without = casefile::parse(
        &CONTENT,
        r#"{"cases": [{"outcome": "convicted"}]}"#,
        Syntax::Json,
    );
    assert_eq!(
        without.unwrap().person.cases[0].sources().count(),
        0,
        "older files still load"
    );
}

/// Each fact read, as (entry, count, name, value).
fn facts_of(case_file: &serde_json::Value) -> BTreeSet<(usize, usize, String, String)> {
    let mut out = BTreeSet::new();
    for (e, case) in case_file["cases"].as_array().unwrap().iter().enumerate() {
        let counts = case
            .get("counts")
            .and_then(|c| c.as_array())
            .cloned()
            .unwrap_or_default();
        for (c, facts) in std::iter::once(case).chain(counts.iter()).enumerate() {
            for (name, value) in facts.as_object().unwrap() {
                if name != "counts" && name != "sources" {
                    out.insert((e, c, name.clone(), value.to_string()));
                }
            }
        }
    }
    out
}

/// Precision and recall of each fact over every fixture, printed (`cargo test --test
/// rapsheet -- --nocapture`): of the facts read, how many are right; of the facts the
/// sheets tell, how many were read.
#[test]
fn precision_and_recall_of_each_fact() {
    let mut counts: BTreeMap<String, (usize, usize, usize)> = BTreeMap::new();
    for sheet in fixtures() {
        let reading = rapsheet::read(&CONTENT, &fs::read_to_string(&sheet).unwrap());
        let got: serde_json::Value = serde_json::from_str(&reading.case_file(true)).unwrap();
        let want: serde_json::Value = ron::from_str(&expected(&sheet, "ron")).unwrap();
        let (got, want) = (facts_of(&got), facts_of(&want));
        for fact in &got {
            let entry = counts.entry(fact.2.clone()).or_default();
            entry.0 += 1;
            entry.1 += usize::from(want.contains(fact));
        }
        for fact in &want {
            counts.entry(fact.2.clone()).or_default().2 += 1;
        }
    }
    let (mut read, mut right, mut told) = (0, 0, 0);
    println!(
        "{:<24} {:>5} {:>5} {:>5} {:>9} {:>7}",
        "fact", "read", "right", "told", "precision", "recall"
    );
    for (name, (r, ok, t)) in &counts {
        let ratio = |a: usize, b: usize| if b == 0 { 1.0 } else { a as f64 / b as f64 };
        println!(
            "{name:<24} {r:>5} {ok:>5} {t:>5} {:>9.3} {:>7.3}",
            ratio(*ok, *r),
            ratio(*ok, *t)
        );
        (read, right, told) = (read + r, right + ok, told + t);
    }
    let (precision, recall) = (right as f64 / read as f64, right as f64 / told as f64);
    println!(
        "{:<24} {read:>5} {right:>5} {told:>5} {precision:>9.3} {recall:>7.3}",
        "all"
    );
    assert!(
        told >= 60,
        "the fixtures tell too few facts to measure: {told}"
    );
    assert!(
        precision >= 0.99 && recall >= 0.99,
        "precision {precision}, recall {recall}"
    );
}

/// Answers an open question: "not sure" where it is offered, else a plain answer.
fn answer_open(interview: &mut Interview) {
    let asking = interview.asking().unwrap();
    let question = asking.question.clone();
    if question.not_sure && interview.answer(Slot::NotSure).is_ok() {
        return;
    }
    let typed = common::default_for(&question.answers);
    let slot = parse_answer(&question, &typed, Lang::En).unwrap();
    interview.answer(slot).unwrap();
}

/// The interview opened with a sheet's answers asks none of them: each is answered as
/// it is reached, entry by entry and count by count; the person answers what is left
/// open, and every answer read is kept unless the person's own answers take its
/// question off the path.
#[test]
fn a_prefilled_interview_asks_only_what_the_sheet_leaves_open() {
    let as_of = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    // Facts no later answer takes off the path once they are read.
    let always = [
        "county",
        "outcome",
        "level",
        "code_section",
        "judgment_date",
    ];
    let mut kept = 0;
    for sheet in fixtures() {
        let reading = rapsheet::read(&CONTENT, &fs::read_to_string(&sheet).unwrap());
        let file = casefile::parse(&CONTENT, &reading.case_file(false), Syntax::Ron).unwrap();
        let mut interview = Interview::prefilled(&CONTENT, as_of, file.person.clone());
        let mut asked = 0;
        loop {
            match interview.stage() {
                Stage::Done => break,
                Stage::AddAnother => interview.add_another(false),
                _ => {
                    let asking = interview.asking().unwrap();
                    let fact = CONTENT.questions[asking.index].fact;
                    if let Some(e) = asking.entry {
                        assert_eq!(
                            file.person.cases[e].get(fact),
                            &Slot::Missing,
                            "{}: entry {e}: {} was read, and asked",
                            sheet.display(),
                            asking.question.id
                        );
                    }
                    answer_open(&mut interview);
                    asked += 1;
                    assert!(
                        asked < 500,
                        "{}: the interview does not end",
                        sheet.display()
                    );
                }
            }
        }
        let person = interview.person();
        assert_eq!(
            person.cases.len(),
            file.person.cases.len(),
            "{}: every entry and count read is an entry",
            sheet.display()
        );
        assert_eq!(person.further_count, file.person.further_count);
        for (e, read) in file.person.cases.iter().enumerate() {
            for (fact, source) in read.sources() {
                let now = person.cases[e].get(fact);
                let name = CONTENT.fact(fact).name.as_str();
                let place = format!("{}: entry {e}: {name}", sheet.display());
                if now == read.get(fact) {
                    assert_eq!(person.cases[e].source(fact), Some(source), "{place}");
                    kept += 1;
                } else {
                    assert_eq!(now, &Slot::Missing, "{place}");
                    assert!(!always.contains(&name), "{place}");
                }
            }
        }
    }
    assert!(kept >= 60, "only {kept} answers read were kept");
}

/// `--plain --rap-sheet`: what was read is listed, entry by entry with its lines, then
/// the sheet's notes, before the first question.
#[test]
fn plain_mode_lists_what_was_read_before_the_first_question() {
    let sheet = &fixtures()
        .into_iter()
        .find(|s| s.ends_with("updates.txt"))
        .unwrap();
    let out = clearpath()
        .args(["--plain", "--as-of", "2026-12-01", "--rap-sheet"])
        .arg(sheet)
        .write_stdin("")
        .output()
        .unwrap();
    let said = String::from_utf8(out.stdout).unwrap();
    for line in [
        "Read from the RAP sheet",
        "Entry 1\n",
        "In which California county was this case? Santa Clara (RAP sheet line 10)",
        "Entry 3 (count 4)",
        "Lines of the sheet to check:",
        "updates.txt:40: probation was revoked and a new sentence given",
        "Only the questions the sheet leaves open are asked.",
    ] {
        assert!(said.contains(line), "{line:?} is not in:\n{said}");
    }
    let first_question = &CONTENT.questions[0].source.text;
    let listed = said.find("Only the questions").unwrap();
    assert!(said[listed..].contains(first_question.as_str()), "{said}");
}

#[test]
fn a_new_intake_takes_what_a_rap_sheet_tells() {
    let sheet = &fixtures()
        .into_iter()
        .find(|s| s.ends_with("updates.txt"))
        .unwrap();
    let data = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| {
        let out = clearpath()
            .env("CLEARPATH_DATA", data.path())
            .args(args)
            .args(["--as-of", "2026-12-01"])
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        (
            out.status.success(),
            String::from_utf8(out.stdout).unwrap(),
            stderr,
        )
    };
    let path = sheet.to_str().unwrap();
    let (ok, id, notes) = run(&[
        "intake",
        "new",
        "--name",
        "Jordan Rook",
        "--rap-sheet",
        path,
    ]);
    assert!(ok, "{notes}");
    // What the sheet leaves open is said with its line, as `rapsheet` says it.
    assert!(
        notes.contains("updates.txt:40: probation was revoked and a new sentence given"),
        "{notes}"
    );
    let (ok, printout, said) = run(&["intake", "export", id.trim(), "--for", "attorney"]);
    assert!(ok, "{said}");
    for read in ["Santa Clara", "Riverside", "PC 496(a)", "HS 11350(a)"] {
        assert!(printout.contains(read), "{read} is not in:\n{printout}");
    }
    // A sheet that is not one creates nothing.
    let letter = data.path().join("letter.txt");
    fs::write(&letter, "Dear Jordan,\nSee you Tuesday.\n").unwrap();
    let (ok, _, said) = run(&[
        "intake",
        "new",
        "--name",
        "Ana",
        "--rap-sheet",
        letter.to_str().unwrap(),
    ]);
    assert!(!ok && said.contains("letter.txt"), "{said}");
    let (_, list, _) = run(&["intake", "list"]);
    assert!(
        list.contains("Jordan Rook") && !list.contains("Ana"),
        "{list}"
    );
}
