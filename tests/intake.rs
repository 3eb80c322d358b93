//! Clinic intake: saving and resuming, file formats old and new and damaged, the data
//! folder, exports, the tally, and untrusted text.

mod common;

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use chrono::{DateTime, FixedOffset, NaiveDate};
use clearpath::casefile::{self, Syntax};
use clearpath::content::model::AnswerKind;
use clearpath::content::{Content, Lang};
use clearpath::engine::Value;
use clearpath::engine::facts::{Person, Slot};
use clearpath::engine::{Stage, Verdict, screen};
use clearpath::intake::export::export;
use clearpath::intake::file::{Damage, HEADER};
use clearpath::intake::record::Saved;
use clearpath::intake::session::IntakeSession;
use clearpath::intake::tally::{Range, tally};
use clearpath::intake::{Intake, Status, Store, StoreError};
use clearpath::report::escape::html as escape_html;
use clearpath::report::{Audience, Format};

fn content() -> Content {
    Content::built_in().expect("the built-in content loads")
}

fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
}

fn clock() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-11-25T09:30:00-08:00").unwrap()
}

fn store(dir: &Path) -> Store {
    Store::with_clock(dir, clock).unwrap()
}

/// A person from a case file in tests/fixtures/intake/people.
fn example(content: &Content, name: &str) -> Person {
    let path = format!(
        "{}/tests/fixtures/intake/people/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = fs::read_to_string(&path).unwrap();
    casefile::parse(content, &text, Syntax::detect(name, &text))
        .unwrap()
        .person
}

/// Answers the session's questions from a script, as a volunteer would type them,
/// stopping after `limit` answers if given. Returns how many were given.
fn drive(s: &mut IntakeSession<'_>, script: &Person, limit: Option<usize>) -> usize {
    let content = s.interview().content();
    let mut given = 0;
    loop {
        if Some(given) == limit {
            return given;
        }
        match s.interview().stage() {
            Stage::Done => return given,
            Stage::AddAnother => {
                let more = s.interview().entry_count() < script.cases.len();
                s.add_another(more).unwrap();
            }
            Stage::Person | Stage::Entry(_) => {
                let asking = s.interview().asking().unwrap();
                let fact = content.questions[asking.index].fact;
                let answers = match asking.entry {
                    None => &script.person,
                    Some(e) => &script.cases[e],
                };
                // A question the script does not know (the content gained it) is
                // answered "not sure", else no, else its first choice.
                let slot = match (answers.get(fact), &asking.question.answers) {
                    (Slot::Missing, _) if asking.question.not_sure => Slot::NotSure,
                    (Slot::Missing, AnswerKind::YesNo) => Slot::Known(Value::Bool(false)),
                    (Slot::Missing, AnswerKind::Choice(_)) => Slot::Known(Value::Choice(0)),
                    (Slot::Missing, _) => panic!("the script has no {}", content.fact(fact).name),
                    (slot, _) => slot.clone(),
                };
                s.answer(slot).unwrap();
                given += 1;
            }
        }
    }
}

fn fixture(name: &str) -> Vec<u8> {
    fs::read(format!(
        "{}/tests/fixtures/intake/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

#[test]
fn a_saved_intake_resumes_and_screens_identically() {
    let content = content();
    let dir = tempfile::tempdir().unwrap();
    let store = store(dir.path());
    let script = example(&content, "three-entries.json");

    let mut s = IntakeSession::create(&store, &content, as_of(), "Ana Ruiz", "A-17").unwrap();
    drive(&mut s, &script, None);
    s.set_note("Needs a Spanish interpreter.").unwrap();
    assert!(s.set_entry_note(1, "Docket copy in file.").unwrap());
    assert_eq!(s.interview().stage(), Stage::Done);
    let id = s.intake().id.clone();
    let before = s.results();
    let person = s.interview().person().clone();
    drop(s);

    let again = IntakeSession::open(&store, &content, as_of(), &id).unwrap();
    assert_eq!(again.interview().stage(), Stage::Done);
    assert_eq!(again.interview().person(), &person);
    assert_eq!(again.results(), before);
    assert!(again.unread().is_empty());
    assert_eq!(again.intake().note, "Needs a Spanish interpreter.");
    assert_eq!(again.intake().entries[1].note, "Docket copy in file.");
    assert_eq!(again.intake().entries.len(), 3);
    // The unsure answers are saved as unsure.
    assert_eq!(
        again.intake().person.get("license_at_stake"),
        Some(&Saved::Text("not_sure".into()))
    );
    // The same facts screened without the store give the same results.
    assert_eq!(
        screen(&content, &again.intake().person(&content).0, as_of()),
        before
    );
}

#[test]
fn closing_in_the_middle_loses_nothing_answered() {
    let content = content();
    let dir = tempfile::tempdir().unwrap();
    let store = store(dir.path());
    let script = example(&content, "three-entries.json");

    // Two clients done, the third stopped in the middle of the second entry.
    let mut reference = None;
    for name in ["One", "Two"] {
        let mut s = IntakeSession::create(&store, &content, as_of(), name, "").unwrap();
        drive(&mut s, &script, None);
        reference = Some(s.results());
    }
    let mut s = IntakeSession::create(&store, &content, as_of(), "Three", "").unwrap();
    let given = drive(&mut s, &script, Some(12));
    assert_eq!(given, 12);
    let asking = s.interview().asking().unwrap().index;
    let stage = s.interview().stage();
    let id = s.intake().id.clone();
    drop(s);

    let mut s = IntakeSession::open(&store, &content, as_of(), &id).unwrap();
    assert_eq!(s.interview().stage(), stage, "resumes in the same place");
    assert_eq!(s.interview().asking().unwrap().index, asking);
    drive(&mut s, &script, None);
    assert_eq!(s.interview().stage(), Stage::Done);

    // The same as a client who was never interrupted.
    assert_eq!(Some(s.results()), reference);
    assert_eq!(store.list().unwrap().len(), 3);
}

#[test]
fn the_folder_and_files_are_owner_only() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("nested").join("intakes");
    let store = store(&data);
    let mut intake = store.create("", "7").unwrap();
    let path = data.join(format!("{}.ron", intake.id));
    let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&data), 0o700);
    assert_eq!(mode(&path), 0o600);
    store.save(&mut intake).unwrap();
    assert_eq!(mode(&path), 0o600);
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.starts_with(HEADER));
    assert!(text.contains("    format: 5,\n"));
    // Only the intake's own file: no temporary file is left behind.
    assert_eq!(fs::read_dir(&data).unwrap().count(), 1);
}

#[test]
fn a_new_intake_needs_a_name_or_a_number() {
    let dir = tempfile::tempdir().unwrap();
    let store = store(dir.path());
    let err = store.create("  ", "\t\n").unwrap_err();
    assert_eq!(err.to_string(), "Give a client name or an intake number.");
    assert_eq!(store.list().unwrap().len(), 0);
}

#[test]
fn ids_are_time_based_and_unique() {
    let dir = tempfile::tempdir().unwrap();
    let store = store(dir.path());
    let mut ids: Vec<String> = (0..200)
        .map(|_| store.create("", "n").unwrap().id.clone())
        .collect();
    assert!(ids.iter().all(|id| id.starts_with("20261125-173000-")));
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 200);
}

#[test]
fn folders_from_two_laptops_merge_by_copying() {
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    let (store_a, store_b) = (store(a.path()), store(b.path()));
    // Same second, same clock: only the random part tells them apart.
    for n in 0..20 {
        store_a.create("", &format!("a{n}")).unwrap();
        store_b.create("", &format!("b{n}")).unwrap();
    }
    for file in fs::read_dir(b.path()).unwrap() {
        let file = file.unwrap();
        let target = a.path().join(file.file_name());
        assert!(!target.exists(), "file names collide");
        fs::copy(file.path(), target).unwrap();
    }
    let listed = store_a.list().unwrap();
    assert_eq!(listed.len(), 40);
    assert!(listed.iter().all(|l| l.intake().is_some()));
}

#[test]
fn search_by_name_number_or_date_and_mark_done_and_delete() {
    let dir = tempfile::tempdir().unwrap();
    let store = store(dir.path());
    let ana = store.create("Ana Ruiz", "A-17").unwrap();
    let bo = store.create("Bo Chen", "B-2").unwrap();
    let ids = |q: &str| -> Vec<String> {
        let mut v: Vec<String> = store.search(q).unwrap().into_iter().map(|l| l.id).collect();
        v.sort();
        v
    };
    assert_eq!(ids("ruiz"), vec![ana.id.clone()]);
    assert_eq!(ids("b-2"), vec![bo.id.clone()]);
    assert_eq!(ids("2026-11-25").len(), 2);
    assert!(ids("2026-11-24").is_empty());
    assert_eq!(ids("").len(), 2);

    assert_eq!(store.resolve("A-17").unwrap(), ana.id);
    assert_eq!(store.resolve("bo chen").unwrap(), bo.id);
    assert_eq!(
        store
            .resolve(&ana.id[..16])
            .unwrap_err()
            .to_string()
            .split(':')
            .next(),
        Some(format!("\"{}\" matches 2 intakes", &ana.id[..16]).as_str())
    );
    assert!(matches!(
        store.resolve("nobody"),
        Err(StoreError::NotFound(_))
    ));

    assert_eq!(
        store.set_status(&ana.id, Status::Done).unwrap().status,
        Status::Done
    );
    assert_eq!(
        store.open_intake(&ana.id).unwrap().intake.status,
        Status::Done
    );

    store.delete(&bo.id).unwrap();
    assert!(ids("").contains(&ana.id) && !ids("").contains(&bo.id));
    assert!(matches!(store.delete(&bo.id), Err(StoreError::NotFound(_))));
    assert!(matches!(store.delete("../x"), Err(StoreError::NotFound(_))));
}

#[test]
fn damaged_files_are_listed_with_their_reason_and_hide_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let store = store(dir.path());
    let good = store.create("Ana", "").unwrap();
    for name in [
        "corrupt.ron",
        "hand-edited.ron",
        "newer.ron",
        "no-format.ron",
    ] {
        fs::write(dir.path().join(name), fixture(name)).unwrap();
    }
    fs::write(dir.path().join("empty.ron"), "").unwrap();
    fs::write(dir.path().join("binary.ron"), [0u8, 159, 146, 150]).unwrap();
    fs::write(dir.path().join("notes.txt"), "not an intake").unwrap();
    fs::write(dir.path().join(".saving-abc.tmp"), "Intake(").unwrap();

    let listed = store.list().unwrap();
    let reasons: Vec<(String, String)> = listed
        .iter()
        .map(|l| {
            let why = match &l.state {
                Ok(_) => "ok".to_string(),
                Err(d) => d.to_string(),
            };
            (l.id.clone(), why)
        })
        .collect();
    let version = env!("CARGO_PKG_VERSION");
    assert_eq!(
        reasons,
        vec![
            (good.id.clone(), "ok".to_string()),
            ("binary".into(), "it is not a text file".into()),
            ("corrupt".into(), "line 20, column 28: Expected end of string".into()),
            ("empty".into(), "it is empty".into()),
            (
                "hand-edited".into(),
                "line 10, column 13: Unexpected variant named `Finished` in enum `Status`, expected either `Open` or `Done` instead".into()
            ),
            (
                "newer".into(),
                format!("it is in intake format 6, saved by clearpath 9.1.0; this clearpath ({version}) reads formats up to 5: open it with clearpath 9.1.0 or later")
            ),
            (
                "no-format".into(),
                "it has no format version (`format: 5,` near the top) and is not a case file".into(),
            ),
        ]
    );
    let corrupt = listed.iter().find(|l| l.id == "corrupt").unwrap();
    assert_eq!(corrupt.state.as_ref().unwrap_err().line(), Some(20));
    assert!(matches!(
        store.open_intake("newer"),
        Err(StoreError::Damaged {
            damage: Damage::Newer { format: 6, .. },
            ..
        })
    ));
}

#[test]
fn an_older_file_is_upgraded_on_load_and_saved_in_the_current_format() {
    // Format 0 is a RON case file, as `clearpath screen` reads.
    let content = content();
    let dir = tempfile::tempdir().unwrap();
    let store = store(dir.path());
    fs::write(dir.path().join("older.ron"), fixture("older.ron")).unwrap();

    let opened = store.open_intake("older").unwrap();
    assert_eq!(opened.upgraded_from, Some(0));
    let intake = opened.intake;
    assert_eq!(intake.id, "older");
    assert_eq!(intake.number, "walk-in-12");
    assert_eq!(intake.status, Status::Open);
    assert_eq!(intake.entries.len(), 1);
    let (person, unread) = intake.person(&content);
    assert!(unread.is_empty());
    let case_file = String::from_utf8(fixture("older.ron")).unwrap();
    let from_case_file = casefile::parse(
        &content,
        &case_file.replace("id: \"walk-in-12\",", ""),
        Syntax::Ron,
    )
    .unwrap()
    .person;
    assert_eq!(person, from_case_file);

    let mut s = IntakeSession::resume(&store, &content, as_of(), intake);
    s.set_note("moved from a case file").unwrap();
    let text = fs::read_to_string(dir.path().join("older.ron")).unwrap();
    assert!(text.starts_with(HEADER));
    assert!(text.contains("    format: 5,\n"));
    let again = store.open_intake("older").unwrap();
    assert_eq!(again.upgraded_from, None);
    assert_eq!(again.intake.person(&content).0, person);
    assert_eq!(store.list().unwrap().len(), 1);
}

#[test]
fn answers_the_content_no_longer_asks_are_kept_and_reported() {
    let content = content();
    let dir = tempfile::tempdir().unwrap();
    let store = store(dir.path());
    let mut intake = store.create("Ana", "").unwrap();
    intake
        .person
        .insert("in_custody".into(), Saved::Bool(false));
    intake
        .person
        .insert("retired_question".into(), Saved::Bool(true));
    intake.entries.push(Default::default());
    intake.entries[0]
        .facts
        .insert("outcome".into(), Saved::Text("pardoned".into()));
    store.save(&mut intake).unwrap();

    let mut s = IntakeSession::open(&store, &content, as_of(), &intake.id).unwrap();
    let unread: Vec<String> = s.unread().iter().map(|u| u.to_string()).collect();
    assert_eq!(unread.len(), 2);
    assert_eq!(
        unread[0],
        "person: \"retired_question\": the current questions do not ask this"
    );
    assert!(
        unread[1].starts_with(
            "entry 1: \"outcome\": \"pardoned\" is not one of: convicted, no_charges, dismissed,"
        ),
        "{}",
        unread[1]
    );
    s.answer(Slot::Known(clearpath::engine::Value::Bool(false)))
        .unwrap();
    let saved = store.open_intake(&intake.id).unwrap().intake;
    assert_eq!(
        saved.person.get("retired_question"),
        Some(&Saved::Bool(true))
    );
    assert_eq!(
        saved.entries[0].facts.get("outcome"),
        Some(&Saved::Text("pardoned".into()))
    );
    assert_eq!(saved.person.get("supervised"), Some(&Saved::Bool(false)));
}

/// An intake with two entries, an unsure answer, and notes with markup in them.
fn sample(content: &Content, store: &Store) -> Intake {
    let script = example(content, "three-entries.json");
    let mut s = IntakeSession::create(store, content, as_of(), "Ana Ruiz", "A-17").unwrap();
    drive(&mut s, &script, None);
    s.set_note("Prefers Spanish.\nCall after 5pm *only* <no texts> & no voicemail.")
        .unwrap();
    s.set_entry_note(0, "Has the CR-180 filled in.").unwrap();
    let mut intake = s.intake().clone();
    intake.id = "20261125-173000-0123456789".into();
    intake
}

#[test]
fn export_snapshots() {
    let content = content();
    let dir = tempfile::tempdir().unwrap();
    let store = store(dir.path());
    let intake = sample(&content, &store);
    for (audience, who) in [
        (Audience::Client, "client"),
        (Audience::Attorney, "attorney"),
    ] {
        for format in [Format::Text, Format::Markdown, Format::Html, Format::Json] {
            let out = export(&content, &intake, as_of(), audience, format);
            if format == Format::Json {
                serde_json::from_str::<serde_json::Value>(&out).expect("valid JSON");
            }
            insta::assert_snapshot!(format!("export_{who}.{}", format.extension()), out);
        }
    }
}

#[test]
fn the_attorney_export_marks_unsure_answers_and_carries_the_notes() {
    let content = content();
    let dir = tempfile::tempdir().unwrap();
    let intake = sample(&content, &store(dir.path()));
    let text = export(&content, &intake, as_of(), Audience::Attorney, Format::Text);
    assert!(
        text.contains("  Do you have, or want, a professional or state license?: I'm not sure\n")
    );
    let md = export(
        &content,
        &intake,
        as_of(),
        Audience::Attorney,
        Format::Markdown,
    );
    assert!(
        md.contains(
            "| Do you have, or want, a professional or state license? | **I'm not sure** |"
        )
    );
    assert!(text.contains("  | Has the CR-180 filled in."));
    assert!(text.contains("Citation: Penal Code § 1203.4 "));
    let json: serde_json::Value = serde_json::from_str(&export(
        &content,
        &intake,
        as_of(),
        Audience::Attorney,
        Format::Json,
    ))
    .unwrap();
    let unsure: Vec<&str> = json["person_answers"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["unsure"] == true)
        .map(|a| a["fact"].as_str().unwrap())
        .collect();
    assert!(unsure.contains(&"license_at_stake"), "{unsure:?}");
    assert_eq!(json["entries"][0]["note"], "Has the CR-180 filled in.");
}

#[test]
fn escape_sequences_in_a_name_or_note_never_reach_the_output_raw() {
    let content = content();
    let dir = tempfile::tempdir().unwrap();
    let store = store(dir.path());
    let evil = "Eve\u{1b}[2J\u{1b}]0;owned\u{7}\u{9b}31m\u{202e}<script>alert('x')</script>";
    let mut intake = sample(&content, &store);
    intake.name = evil.into();
    intake.number = evil.into();
    intake.note = format!("{evil}\r\nsecond line");
    intake.entries[0].note = evil.into();
    intake.entries[0]
        .facts
        .insert("county".into(), Saved::Text(evil.into()));
    store.save(&mut intake).unwrap();

    let bad = |s: &str| {
        s.chars()
            .any(|c| (c.is_control() && c != '\n') || c == '\u{202e}')
    };
    for audience in [Audience::Client, Audience::Attorney] {
        for format in [Format::Text, Format::Markdown, Format::Html, Format::Json] {
            let out = export(&content, &intake, as_of(), audience, format);
            assert!(
                !bad(&out),
                "{audience:?} {format:?} holds a control character"
            );
            assert!(
                !out.contains("\\u001b"),
                "{audience:?} {format:?} holds an escaped ESC"
            );
            if format == Format::Html {
                assert!(!out.contains("<script>"));
                assert!(out.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
            }
        }
    }
    // The saved file escapes it too.
    let text = fs::read_to_string(dir.path().join(format!("{}.ron", intake.id))).unwrap();
    assert!(!bad(&text.replace('\n', "")));

    // And the command line's list never prints it.
    let out = assert_cmd::Command::cargo_bin("clearpath")
        .unwrap()
        .args(["intake", "list", "--data-dir"])
        .arg(dir.path())
        .env_remove("CLEARPATH_DATA")
        .output()
        .unwrap();
    assert!(out.status.success());
    let shown = String::from_utf8(out.stdout).unwrap();
    assert!(shown.contains("Eve\\u{1b}[2J\\u{1b}]0;owned\\u{7}\\u{9b}31m\\u{202e}<script>"));
    assert!(!bad(&shown));
}

#[test]
fn html_escaping() {
    assert_eq!(
        escape_html(r#"<a href="x">Tom & 'Jerry'</a>"#),
        "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;"
    );
}

#[test]
fn the_html_export_is_one_self_contained_page() {
    let content = content();
    let dir = tempfile::tempdir().unwrap();
    let intake = sample(&content, &store(dir.path()));
    for audience in [Audience::Client, Audience::Attorney] {
        let html = export(&content, &intake, as_of(), audience, Format::Html);
        assert!(html.starts_with("<!DOCTYPE html>"));
        assert!(html.contains("@page { size: letter;"));
        for external in [
            "<link", "<script", "src=", "url(", "@import", "http:", "https:", "//",
        ] {
            assert!(
                !html.contains(external),
                "{audience:?} refers outside itself: {external}"
            );
        }
        assert!(html.contains(&content.meta.notice));
        assert!(html.contains(&content.meta.rules_version));
    }
}

fn save_example(
    store: &Store,
    content: &Content,
    name: &str,
    file: &str,
    created: &str,
    done: bool,
) {
    let mut intake = store.create(name, "").unwrap();
    intake.record(content, &example(content, file));
    intake.created = DateTime::parse_from_rfc3339(created).unwrap();
    if done {
        intake.status = Status::Done;
    }
    store.save(&mut intake).unwrap();
}

#[test]
fn tally_counts_without_anything_personal() {
    let content = content();
    let dir = tempfile::tempdir().unwrap();
    let store = store(dir.path());
    save_example(
        &store,
        &content,
        "Ana Ruiz",
        "probation-misdemeanor.ron",
        "2026-11-24T10:00:00-08:00",
        true,
    );
    save_example(
        &store,
        &content,
        "Bo Chen",
        "three-entries.json",
        "2026-11-25T09:00:00-08:00",
        true,
    );
    save_example(
        &store,
        &content,
        "Cy Diaz",
        "arrest.ron",
        "2026-11-25T11:00:00-08:00",
        false,
    );
    fs::write(dir.path().join("corrupt.ron"), fixture("corrupt.ron")).unwrap();

    let listed = store.list().unwrap();
    let day = Range {
        from: Some(NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()),
        to: Some(NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()),
    };
    let t = tally(&content, &listed, day);
    assert_eq!(
        (t.intakes, t.done, t.open, t.entries, t.damaged),
        (2, 1, 1, 4, 1)
    );
    // Bo Chen did not say whether he is a citizen, and has several entries.
    assert_eq!(t.referrals["immigration"], 1);
    assert_eq!(t.referrals["several_entries"], 1);
    // Each intake counts once, however many reasons it has.
    let referred = ["three-entries.json", "arrest.ron"]
        .iter()
        .filter(|f| {
            !screen(&content, &example(&content, f), as_of())
                .referrals
                .is_empty()
        })
        .count();
    assert_eq!(t.referred, referred);

    let all = tally(&content, &listed, Range::default());
    assert_eq!((all.intakes, all.entries), (3, 5));
    // Ana Ruiz: Clean Slate and PC 1203.4, both eligible now.
    let ana_only = tally(
        &content,
        &listed,
        Range {
            from: None,
            to: Some(NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()),
        },
    );
    let ana = screen(
        &content,
        &example(&content, "probation-misdemeanor.ron"),
        as_of(),
    );
    let count = |v: Verdict, later: bool| {
        ana.entries[0]
            .remedies
            .iter()
            .filter(|r| r.verdict == v && r.from.is_some() == later)
            .count()
    };
    assert_eq!(ana_only.intakes, 1);
    assert_eq!(ana_only.eligible_now, count(Verdict::Eligible, false));
    assert_eq!(ana_only.eligible_later, count(Verdict::Eligible, true));
    assert_eq!(
        ana_only.eligible_now
            + ana_only.eligible_later
            + ana_only.possibly
            + ana_only.needs_info
            + ana_only.not_eligible
            + ana_only.granted,
        ana.entries[0].remedies.len()
    );

    let csv = t.csv(day);
    let mut lines = csv.lines();
    assert!(
        lines
            .next()
            .unwrap()
            .starts_with("from,to,intakes,intakes_done,intakes_open,entries,")
    );
    assert!(
        lines
            .next()
            .unwrap()
            .starts_with("2026-11-25,2026-11-25,2,1,1,4,")
    );

    let out = assert_cmd::Command::cargo_bin("clearpath")
        .unwrap()
        .args([
            "intake",
            "tally",
            "--csv",
            "--from",
            "2026-11-25",
            "--to",
            "2026-11-25",
        ])
        .env("CLEARPATH_DATA", dir.path())
        .output()
        .unwrap();
    assert!(out.status.success());
    let printed = String::from_utf8(out.stdout).unwrap();
    assert_eq!(printed, csv);
    for personal in ["Ana", "Bo", "Cy", "Fresno", "intake-0042", "2026112"] {
        assert!(!printed.contains(personal), "the tally shows {personal}");
    }
}

#[test]
fn export_from_the_command_line_to_an_owner_only_file() {
    let content = content();
    let dir = tempfile::tempdir().unwrap();
    let store = store(dir.path());
    let intake = sample(&content, &store);
    let mut saved = intake.clone();
    store.save(&mut saved).unwrap();
    let out_file = dir.path().join("ana.html");
    let status = assert_cmd::Command::cargo_bin("clearpath")
        .unwrap()
        .args([
            "intake",
            "export",
            "20261125-173000-0123456789",
            "--for",
            "attorney",
            "--format",
            "html",
            "--as-of",
            "2026-11-25",
            "-o",
        ])
        .arg(&out_file)
        .arg("--data-dir")
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(status.status.success());
    let written = fs::read_to_string(&out_file).unwrap();
    let expected = export(&content, &saved, as_of(), Audience::Attorney, Format::Html);
    assert_eq!(written, expected);
    assert_eq!(
        fs::metadata(&out_file).unwrap().permissions().mode() & 0o777,
        0o600
    );
}

#[test]
fn removing_an_entry_takes_its_note_with_it() {
    let content = content();
    let dir = tempfile::tempdir().unwrap();
    let store = store(dir.path());
    let script = example(&content, "three-entries.json");
    let mut s = IntakeSession::create(&store, &content, as_of(), "Ana", "").unwrap();
    drive(&mut s, &script, None);
    for e in 0..3 {
        s.set_entry_note(e, &format!("note {e}")).unwrap();
    }
    assert!(!s.set_entry_note(3, "no such entry").unwrap());
    assert!(s.set_client(" ", "").is_err());
    s.set_client("Ana R.", "A-18").unwrap();
    s.remove_entry(1).unwrap();
    let saved = store.open_intake(&s.intake().id).unwrap().intake;
    assert_eq!(
        (saved.name.as_str(), saved.number.as_str()),
        ("Ana R.", "A-18")
    );
    let notes: Vec<&str> = saved.entries.iter().map(|e| e.note.as_str()).collect();
    assert_eq!(notes, vec!["note 0", "note 2"]);
    let counties: Vec<&Saved> = saved.entries.iter().map(|e| &e.facts["county"]).collect();
    assert_eq!(
        counties,
        vec![
            &Saved::Text("Fresno".into()),
            &Saved::Text("San Diego".into())
        ]
    );
}

mod round_trip {
    use super::*;
    use clearpath::content::Section;
    use clearpath::content::model::AnswerKind;
    use clearpath::engine::Value;
    use clearpath::engine::facts::Answers;
    use clearpath::intake::file::{self, Fallback};
    use proptest::prelude::*;

    /// A random answer of the right kind for each fact of a section, or none.
    fn answers(content: &Content, section: Section, seeds: &[(u8, u64, String)]) -> Answers {
        let mut answers = Answers::new(content.facts.len());
        for (fact, (pick, n, text)) in content.facts_in(section).zip(seeds.iter().cycle()) {
            let slot = match pick % 3 {
                0 => continue,
                1 => Slot::NotSure,
                _ => Slot::Known(match &content.fact(fact).kind {
                    AnswerKind::YesNo => Value::Bool(n % 2 == 0),
                    AnswerKind::Choice(c) => Value::Choice((n % c.len() as u64) as u16),
                    AnswerKind::Date => Value::Date(
                        NaiveDate::from_ymd_opt(1970, 1, 1).unwrap()
                            + chrono::Days::new(n % 40_000),
                    ),
                    AnswerKind::Money => Value::Money(n % 100_000_000_000_000),
                    AnswerKind::Number => Value::Number((n % u64::from(u32::MAX)) as u32),
                    AnswerKind::Months => Value::Number(1 + (n % 600) as u32),
                    AnswerKind::Text if text == "not_sure" => continue,
                    // Typed text never holds control characters or line separators:
                    // the field refuses them, so no intake can store one.
                    AnswerKind::Text if text.chars().any(clearpath::sanitize::is_unsafe) => {
                        continue;
                    }
                    AnswerKind::Text => Value::Text(text.clone()),
                }),
            };
            answers.set(fact, slot);
        }
        answers
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        /// Any answers, written to a file and read back, are the same answers.
        #[test]
        fn any_answers_survive_the_file(
            seeds in prop::collection::vec((any::<u8>(), any::<u64>(), any::<String>()), 1..40),
            entries in 0usize..4,
            counts in prop::collection::vec(any::<bool>(), 4),
            note in any::<String>(),
        ) {
            let content = content();
            let mut person = Person::new(answers(&content, Section::Person, &seeds), Vec::new());
            for e in 0..entries {
                // A first entry is always a case; any later one may be a further count.
                person.push(answers(&content, Section::Case, &seeds[e % seeds.len()..]), counts[e]);
            }
            let mut intake = Intake::new("Ana", "", clock()).unwrap();
            intake.note = note;
            intake.record(&content, &person);
            let text = file::encode(&intake).unwrap();
            let fallback = Fallback { id: "x".into(), time: clock() };
            let back = file::decode(text.as_bytes(), &fallback).unwrap().intake;
            prop_assert_eq!(&back, &intake);
            let (read, unread) = back.person(&content);
            prop_assert!(unread.is_empty());
            prop_assert_eq!(read, person);
        }
    }
}

/// The built-in content with one more question about the person, before "citizen".
fn content_with_new_question(dir: &Path) -> Content {
    let questions = Path::new(env!("CARGO_MANIFEST_DIR")).join("questions");
    for file in fs::read_dir(&questions).unwrap() {
        let file = file.unwrap();
        fs::copy(file.path(), dir.join(file.file_name())).unwrap();
    }
    let interview = dir.join("interview.ron");
    let text = fs::read_to_string(&interview).unwrap();
    let anchor = "        Question(\n            id: \"citizen\",";
    assert!(text.contains(anchor));
    let added = "        Question(\n            id: \"veteran\",\n            text: \"Did you serve in the military?\",\n            help: \"Some courts have programs for veterans.\",\n            answers: YesNo,\n        ),\n";
    fs::write(
        &interview,
        text.replacen(anchor, &format!("{added}{anchor}"), 1),
    )
    .unwrap();
    let sources = clearpath::content::Sources::from_dir(dir).unwrap();
    clearpath::content::load(&sources).unwrap()
}

#[test]
fn a_question_added_to_the_content_loses_no_saved_answer() {
    let old = content();
    let dir = tempfile::tempdir().unwrap();
    let store = store(dir.path());
    let script = example(&old, "three-entries.json");
    let mut s = IntakeSession::create(&store, &old, as_of(), "Ana", "").unwrap();
    drive(&mut s, &script, None);
    let id = s.intake().id.clone();
    let before = store.open_intake(&id).unwrap().intake;
    let results_before = s.results();
    drop(s);

    let content_dir = tempfile::tempdir().unwrap();
    let new = content_with_new_question(content_dir.path());
    let mut s = IntakeSession::open(&store, &new, as_of(), &id).unwrap();
    let asking = s.interview().asking().expect("the new question is asked");
    assert_eq!(asking.question.id, "veteran");
    // Saving now (a note) keeps every answer, including those past the new question.
    s.set_note("asked about service").unwrap();
    let saved = store.open_intake(&id).unwrap().intake;
    assert_eq!(saved.person, before.person);
    assert_eq!(saved.entries, before.entries);

    // Until it is answered, the attorney sees the answers past it set apart.
    let text = export(&new, &saved, as_of(), Audience::Attorney, Format::Text);
    assert!(text.contains("SAVED ANSWERS NOT USED IN THESE RESULTS"));
    assert!(text.contains("- person: \"citizen\": not reached: an earlier question"));

    // Answering it goes straight back to where the client was: the results.
    s.answer(Slot::Known(clearpath::engine::Value::Bool(false)))
        .unwrap();
    assert_eq!(s.interview().stage(), Stage::Done);
    let saved = store.open_intake(&id).unwrap().intake;
    assert_eq!(saved.person.len(), before.person.len() + 1);
    assert_eq!(saved.person.get("veteran"), Some(&Saved::Bool(false)));
    assert_eq!(saved.entries, before.entries);
    let verdicts = |c: &Content, r: clearpath::engine::Screening| -> Vec<Vec<(String, String)>> {
        r.entries
            .iter()
            .map(|e| {
                e.remedies
                    .iter()
                    .map(|r| {
                        (
                            c.remedies[r.remedy].source.id.clone(),
                            format!("{:?} {:?}", r.verdict, r.from),
                        )
                    })
                    .collect()
            })
            .collect()
    };
    assert_eq!(verdicts(&new, s.results()), verdicts(&old, results_before));
}

fn spanish_content() -> Content {
    Content::built_in_in(Lang::Es).expect("the Spanish content loads")
}

/// The sample intake, for a client who reads Spanish.
fn spanish_sample(store: &Store) -> Intake {
    let content = content();
    let intake = sample(&content, store);
    let mut s = IntakeSession::resume(store, &content, as_of(), intake);
    s.set_language(Lang::Es).unwrap();
    // As saved: a copy from before the save would be a stale one.
    s.intake().clone()
}

#[test]
fn set_language_saves_the_clients_language() {
    let content = content();
    let dir = tempfile::tempdir().unwrap();
    let store = store(dir.path());
    let mut s = IntakeSession::create(&store, &content, as_of(), "Ana Ruiz", "").unwrap();
    assert_eq!(s.intake().language, Lang::En);
    s.set_language(Lang::Es).unwrap();
    let id = s.intake().id.clone();
    let text = fs::read_to_string(dir.path().join(format!("{id}.ron"))).unwrap();
    assert!(text.contains("    language: \"es\",\n"), "{text}");
    assert_eq!(store.open_intake(&id).unwrap().intake.language, Lang::Es);
}

#[test]
fn a_format_1_file_loads_as_english_and_is_saved_as_the_current_format() {
    let dir = tempfile::tempdir().unwrap();
    let store = store(dir.path());
    fs::write(dir.path().join("format-1.ron"), fixture("format-1.ron")).unwrap();
    let opened = store.open_intake("format-1").unwrap();
    assert_eq!(opened.upgraded_from, Some(1));
    let mut intake = opened.intake;
    assert_eq!(intake.language, Lang::En);
    assert_eq!(intake.format, 5);
    assert_eq!(intake.label(), "Bo Lee (#B-2)");
    assert_eq!(intake.person.get("in_custody"), Some(&Saved::Bool(false)));
    store.save(&mut intake).unwrap();
    let text = fs::read_to_string(dir.path().join("format-1.ron")).unwrap();
    assert!(text.contains("    format: 5,\n"), "{text}");
    assert!(text.contains("    language: \"en\",\n"), "{text}");
    assert_eq!(store.open_intake("format-1").unwrap().upgraded_from, None);
}

#[test]
fn a_language_clearpath_does_not_speak_is_named_as_the_damage() {
    let dir = tempfile::tempdir().unwrap();
    let store = store(dir.path());
    let text = String::from_utf8(fixture("format-1.ron"))
        .unwrap()
        .replace("format: 1,", "format: 2,")
        .replace(
            "    name: \"Bo Lee\",\n",
            "    name: \"Bo Lee\",\n    language: \"fr\",\n",
        );
    fs::write(dir.path().join("french.ron"), text).unwrap();
    let err = store.open_intake("french").unwrap_err().to_string();
    assert!(
        err.contains("\"fr\" is not a language clearpath speaks: use \"en\" or \"es\""),
        "{err}"
    );
}

#[test]
fn a_spanish_clients_printout_is_in_spanish() {
    let es = spanish_content();
    let dir = tempfile::tempdir().unwrap();
    let intake = spanish_sample(&store(dir.path()));
    assert_eq!(
        clearpath::intake::export::language(&intake, Audience::Client),
        Lang::Es
    );
    let text = export(&es, &intake, as_of(), Audience::Client, Format::Text);
    for phrase in [
        "SU PLAN PARA LIMPIAR SU HISTORIAL\n",
        "Preparado para Ana Ruiz (#A-17) el 25 de noviembre de 2026.",
        "  AVISO: clearpath da información general",
        "CASO 1 · FRESNO · ",
        "SU PLAN\n",
        "QUÉ TRAER\n",
        "  - Una identificación con foto.\n",
        "HOJA PARA PRESENTAR LAS PETICIONES\n",
        "Superior Court of California, County of Fresno (Tribunal Superior de California,\nCondado de Fresno)\n",
        "  [ ] Petición 1, para caso 1: ",
        "CR-180",
        "Reglas ",
    ] {
        assert!(text.contains(phrase), "no {phrase:?} in:\n{text}");
    }
    for english in [
        "YOUR PLAN",
        "What to bring",
        "WHAT TO BRING",
        "Entry 1",
        "Fresno County",
        "NOTICE:",
        "Prepared for",
        "law last checked",
    ] {
        assert!(!text.contains(english), "{english:?} in:\n{text}");
    }
    let html = export(&es, &intake, as_of(), Audience::Client, Format::Html);
    assert!(html.contains("<html lang=\"es\">"));
    assert!(html.contains("<h2>Qué traer</h2>"), "{html}");
    let json: serde_json::Value = serde_json::from_str(&export(
        &es,
        &intake,
        as_of(),
        Audience::Client,
        Format::Json,
    ))
    .unwrap();
    assert_eq!(json["what_to_bring"][1], "Una identificación con foto.");
    assert_eq!(json["worksheet"]["courts"][0]["county"], "Fresno");
    assert!(
        (json["worksheet"]["courts"][0]["name"].as_str().unwrap())
            .contains("Tribunal Superior de California, Condado de Fresno")
    );
}

#[test]
fn spanish_client_export_snapshots() {
    let es = spanish_content();
    let dir = tempfile::tempdir().unwrap();
    let intake = spanish_sample(&store(dir.path()));
    for format in [Format::Text, Format::Markdown, Format::Html, Format::Json] {
        let out = export(&es, &intake, as_of(), Audience::Client, format);
        insta::assert_snapshot!(format!("export_client_es.{}", format.extension()), out);
    }
}

/// From the command line: the client's printout in the client's language unless
/// `--lang` says otherwise, the attorney's in English whatever the client reads.
#[test]
fn the_command_line_writes_each_printout_in_its_readers_language() {
    let dir = tempfile::tempdir().unwrap();
    let store = store(dir.path());
    let mut intake = spanish_sample(&store);
    store.save(&mut intake).unwrap();
    let run = |args: &[&str]| {
        let out = common::clearpath()
            .args(["intake", "export", "20261125-173000-0123456789"])
            .args(["--as-of", "2026-11-25", "--data-dir"])
            .arg(dir.path())
            .args(args)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let client = run(&["--for", "client"]);
    assert_eq!(
        client,
        export(
            &spanish_content(),
            &intake,
            as_of(),
            Audience::Client,
            Format::Text
        )
    );
    assert!(client.starts_with("SU PLAN PARA LIMPIAR SU HISTORIAL"));
    let attorney = run(&["--for", "attorney"]);
    assert_eq!(
        attorney,
        export(
            &content(),
            &intake,
            as_of(),
            Audience::Attorney,
            Format::Text
        )
    );
    assert!(
        attorney.contains("  Client's language: Spanish\n"),
        "{attorney}"
    );
    assert!(!attorney.contains("Caso 1"), "{attorney}");
    // Asked for in Spanish, the attorney's is still English.
    assert_eq!(run(&["--for", "attorney", "--lang", "es"]), attorney);
    let in_english = run(&["--for", "client", "--lang", "en"]);
    assert!(
        in_english.starts_with("YOUR PLAN TO CLEAR YOUR RECORD"),
        "{in_english}"
    );
}

#[test]
fn intake_new_records_the_clients_language() {
    let dir = tempfile::tempdir().unwrap();
    let new = |args: &[&str]| {
        let out = assert_cmd::Command::cargo_bin("clearpath")
            .unwrap()
            .args(["intake", "new", "--data-dir"])
            .arg(dir.path())
            .args(args)
            .output()
            .unwrap();
        assert!(out.status.success());
        let id = String::from_utf8(out.stdout).unwrap().trim().to_string();
        fs::read_to_string(dir.path().join(format!("{id}.ron"))).unwrap()
    };
    assert!(new(&["--number", "A-1", "--lang", "es"]).contains("    language: \"es\",\n"));
    assert!(new(&["--number", "A-2"]).contains("    language: \"en\",\n"));
}

#[test]
fn an_empty_intake_counts_no_referral_and_no_remedy() {
    let content = content();
    let dir = tempfile::tempdir().unwrap();
    let store = store(dir.path());
    let mut intake = store.create("Dee Empty", "").unwrap();
    store.save(&mut intake).unwrap();
    // Stopped after saying "no" to custody: the questions after it were never asked.
    let mut stopped = store.create("Ed Stopped", "").unwrap();
    let mut person = Person::new(
        clearpath::engine::Answers::new(content.facts.len()),
        Vec::new(),
    );
    let custody = content.fact_id("in_custody").unwrap();
    person.person.set(custody, Slot::Known(Value::Bool(false)));
    stopped.record(&content, &person);
    store.save(&mut stopped).unwrap();

    let t = tally(&content, &store.list().unwrap(), Range::default());
    assert_eq!((t.intakes, t.entries, t.referred), (2, 0, 0), "{t:?}");
    assert!(t.referrals.values().all(|n| *n == 0), "{t:?}");
}

#[test]
fn two_desks_on_one_intake_never_erase_each_other() {
    let dir = tempfile::tempdir().unwrap();
    let store = store(dir.path());
    let content = content();
    let mut a = IntakeSession::create(&store, &content, as_of(), "Ana", "").unwrap();
    let id = a.intake().id.clone();
    let mut b = IntakeSession::open(&store, &content, as_of(), &id).unwrap();
    let holder = b
        .held_by()
        .expect("the second desk is told the first has it open");
    assert_eq!(holder.pid, std::process::id());

    a.set_note("from desk A").unwrap();
    assert_eq!(a.take_conflict(), None);
    // Desk B read the file before A saved: it keeps A's file and saves a copy.
    b.set_note("from desk B").unwrap();
    assert_eq!(b.take_conflict(), Some(id.clone()));
    assert_eq!(b.take_conflict(), None, "told once");
    let copy_id = b.intake().id.clone();
    assert_ne!(copy_id, id);
    let original = store.open_intake(&id).unwrap().intake;
    assert_eq!(original.note, "from desk A");
    assert_eq!(original.conflict_of, "");
    let copy = store.open_intake(&copy_id).unwrap().intake;
    assert_eq!(copy.note, "from desk B");
    assert_eq!(copy.conflict_of, id);

    // From then on each desk saves its own file without another copy.
    b.set_note("B again").unwrap();
    a.set_note("A again").unwrap();
    assert_eq!((a.take_conflict(), b.take_conflict()), (None, None));
    assert_eq!(store.list().unwrap().len(), 2);
    assert_eq!(store.open_intake(&id).unwrap().intake.note, "A again");
    assert_eq!(store.open_intake(&copy_id).unwrap().intake.note, "B again");

    // Merged into another laptop's folder by copying: the copy is listed, marked.
    let other = tempfile::tempdir().unwrap();
    for item in fs::read_dir(dir.path()).unwrap().flatten() {
        if item.path().extension().is_some_and(|e| e == "ron") {
            fs::copy(item.path(), other.path().join(item.file_name())).unwrap();
        }
    }
    let merged = self::store(other.path()).list().unwrap();
    let marks: Vec<(&str, &str)> = merged
        .iter()
        .map(|l| (l.id.as_str(), l.intake().unwrap().conflict_of.as_str()))
        .collect();
    assert!(marks.contains(&(id.as_str(), "")), "{marks:?}");
    assert!(
        marks.contains(&(copy_id.as_str(), id.as_str())),
        "{marks:?}"
    );

    // Closing both desks removes their "open here" markers.
    drop((a, b));
    let left: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .map(|i| i.file_name())
        .filter(|n| !n.to_string_lossy().ends_with(".ron"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn a_save_that_failed_can_be_tried_again_without_a_false_conflict() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let store = store(&data);
    let content = content();
    let mut s = IntakeSession::create(&store, &content, as_of(), "Ana", "").unwrap();
    fs::rename(&data, dir.path().join("away")).unwrap();
    assert!(s.set_note("kept").is_err());
    assert!(s.unsaved());
    fs::rename(dir.path().join("away"), &data).unwrap();
    s.save().unwrap();
    assert_eq!(s.take_conflict(), None);
    assert_eq!(store.list().unwrap().len(), 1);
    assert_eq!(store.list().unwrap()[0].intake().unwrap().note, "kept");
}

#[test]
fn a_format_2_file_opens_with_revision_0_and_is_saved_in_the_current_format() {
    let dir = tempfile::tempdir().unwrap();
    let store = store(dir.path());
    let mut intake = store.create("Ana", "").unwrap();
    let path = dir.path().join(format!("{}.ron", intake.id));
    let text = fs::read_to_string(&path)
        .unwrap()
        .replace("format: 5,", "format: 2,")
        .replace("    revision: 0,\n", "");
    fs::write(&path, text).unwrap();
    let opened = store.open_intake(&intake.id).unwrap();
    assert_eq!(opened.upgraded_from, Some(2));
    assert_eq!(opened.intake.revision, 0);
    intake = opened.intake;
    store.save(&mut intake).unwrap();
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.contains("    format: 5,\n"), "{text}");
    assert!(text.contains("    revision: 1,\n"), "{text}");
}

#[test]
fn a_format_3_file_opens_with_every_entry_a_case_of_one_count() {
    let dir = tempfile::tempdir().unwrap();
    let store = store(dir.path());
    let content = content();
    let mut intake = store.create("Ana", "").unwrap();
    intake.record(&content, &example(&content, "three-entries.json"));
    store.save(&mut intake).unwrap();
    let path = dir.path().join(format!("{}.ron", intake.id));
    let text = fs::read_to_string(&path).unwrap();
    assert!(!text.contains("further_count"), "{text}");
    fs::write(&path, text.replace("format: 5,", "format: 3,")).unwrap();
    let opened = store.open_intake(&intake.id).unwrap();
    assert_eq!(opened.upgraded_from, Some(3));
    let (person, unread) = opened.intake.person(&content);
    assert!(unread.is_empty());
    assert_eq!(person.cases.len(), 3);
    assert_eq!(person.case_total(), 3);
}

#[test]
fn where_each_answer_came_from_is_saved_with_it_and_older_files_have_none() {
    let content = content();
    let dir = tempfile::tempdir().unwrap();
    let store = store(dir.path());
    let mut intake = store.create("Ana", "").unwrap();
    let read = casefile::parse(
        &content,
        r#"{"cases": [{"answers_from": "memory", "county": "Fresno", "outcome": "convicted",
            "sources": {"county": "rap sheet line 15", "outcome": "court papers"}}]}"#,
        Syntax::Json,
    )
    .unwrap()
    .person;
    intake.record(&content, &read);
    store.save(&mut intake).unwrap();
    let path = dir.path().join(format!("{}.ron", intake.id));
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.contains(r#""county": "rap sheet line 15","#), "{text}");
    let opened = store.open_intake(&intake.id).unwrap().intake;
    let (person, unread) = opened.person(&content);
    assert!(unread.is_empty(), "{unread:?}");
    assert_eq!(person, read, "the answers and their sources read back");

    // A source changed back to the entry's goes from the file.
    let mut changed = person.clone();
    let county = content.fact_id("county").unwrap();
    changed.cases[0].set_source(county, None);
    let mut intake = opened;
    intake.record(&content, &changed);
    store.save(&mut intake).unwrap();
    let text = fs::read_to_string(&path).unwrap();
    assert!(!text.contains("rap sheet line 15"), "{text}");
    assert!(text.contains(r#""outcome": "court papers""#), "{text}");

    // A source in other words is listed, and its answer kept without one.
    fs::write(
        &path,
        text.replace(r#""outcome": "court papers""#, r#""outcome": "my aunt""#),
    )
    .unwrap();
    let (person, unread) = store
        .open_intake(&intake.id)
        .unwrap()
        .intake
        .person(&content);
    assert_eq!(unread.len(), 1, "{unread:?}");
    assert!(unread[0].why.contains("\"my aunt\""), "{}", unread[0].why);
    let outcome = content.fact_id("outcome").unwrap();
    assert!(person.cases[0].get(outcome).is_answered());
    assert_eq!(person.cases[0].source(outcome), None);

    // A format 4 file, from before sources, loads with none.
    let text = fs::read_to_string(&path)
        .unwrap()
        .replace("format: 5,", "format: 4,");
    let start = text.find("sources: {").unwrap();
    let end = start + text[start..].find("},").unwrap() + 2;
    fs::write(&path, format!("{}{}", &text[..start], &text[end..])).unwrap();
    let opened = store.open_intake(&intake.id).unwrap();
    assert_eq!(opened.upgraded_from, Some(4));
    let (person, unread) = opened.intake.person(&content);
    assert!(unread.is_empty(), "{unread:?}");
    assert_eq!(person.cases[0].sources().count(), 0);
}
