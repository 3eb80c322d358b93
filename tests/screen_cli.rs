//! `clearpath screen` and `clearpath check` as a person runs them: every example, every
//! kind of bad input, exit codes.

use std::fs;
use std::io::Write;

mod common;

use common::clearpath;

const AS_OF: &str = "2026-11-25";

fn examples() -> Vec<String> {
    let mut files: Vec<String> = fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/examples"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| matches!(p.extension().and_then(|e| e.to_str()), Some("ron" | "json")))
        .map(|p| p.display().to_string())
        .collect();
    files.sort();
    files
}

/// Runs `screen` on one file's text and returns (exit code, stdout, stderr).
fn screen_text(name: &str, text: &[u8], extra: &[&str]) -> (i32, String, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    fs::write(&path, text).unwrap();
    let out = clearpath()
        .args(["screen", "--as-of", AS_OF])
        .args(extra)
        .arg(&path)
        .output()
        .unwrap();
    let shown = path.display().to_string();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap().replace(&shown, name),
    )
}

#[test]
fn every_example_screens_with_statuses_and_statutes() {
    let files = examples();
    assert!(
        files.len() >= 5,
        "examples/ should cover the five situations"
    );
    for file in &files {
        let out = clearpath()
            .args(["screen", "--as-of", AS_OF, file])
            .output()
            .unwrap();
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(
            out.status.success(),
            "{file}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(text.contains("ENTRY 1"), "{file}:\n{text}");
        assert!(
            text.contains("Penal Code §"),
            "{file} cites no statute:\n{text}"
        );
        assert!(text.contains("YOUR PLAN") && text.contains("WHEN TO TALK TO A LAWYER"));
        assert!(text.contains("not legal advice"), "{file} lacks the notice");
    }
}

#[test]
fn examples_reach_the_expected_conclusions() {
    let run = |file: &str| {
        let out = clearpath()
            .args(["screen", "--format", "json", "--as-of", AS_OF])
            .arg(format!("{}/examples/{file}", env!("CARGO_MANIFEST_DIR")))
            .output()
            .unwrap();
        serde_json::from_slice::<serde_json::Value>(&out.stdout).unwrap()
    };
    let status = |v: &serde_json::Value, entry: usize, remedy: &str| -> String {
        v["entries"][entry]["remedies"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["id"] == remedy)
            .map(|r| {
                format!(
                    "{}{}",
                    r["status"].as_str().unwrap(),
                    r["from"]
                        .as_str()
                        .map(|d| format!(" from {d}"))
                        .unwrap_or_default()
                )
            })
            .unwrap_or_else(|| "absent".into())
    };
    let v = run("probation-misdemeanor.ron");
    assert_eq!(status(&v, 0, "pc_1203_4"), "eligible");
    assert_eq!(status(&v, 0, "pc_1203_425"), "eligible");
    let v = run("arrest.ron");
    assert_eq!(status(&v, 0, "pc_851_91"), "eligible");
    assert_eq!(status(&v, 0, "pc_1203_4"), "absent");
    let v = run("three-entries.json");
    assert_eq!(v["source"]["id"], "intake-0042");
    assert_eq!(
        status(&v, 0, "pc_1203_4"),
        "possibly",
        "DUI: discretionary only"
    );
    assert_eq!(status(&v, 1, "pc_851_91"), "needs_info");
    assert_eq!(
        v["entries"][1]["remedies"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["id"] == "pc_851_91")
            .unwrap()["deciding"][0]["fact"],
        "can_be_charged"
    );
    assert_eq!(status(&v, 2, "pc_1203_4a"), "eligible from 2027-02-03");
    let v = run("prison-felony.json");
    assert_eq!(
        status(&v, 0, "pc_1203_4"),
        "not_eligible",
        "state prison is not a 1203.4 case"
    );
    assert_eq!(status(&v, 0, "pc_1203_41"), "possibly");
    let caveats: Vec<&str> = v["caveats"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    assert!(
        caveats.contains(&"immigration"),
        "a non-citizen sees the immigration caveat: {caveats:?}"
    );
    assert!(caveats.contains(&"guns_dismissal"));
}

#[test]
fn json_and_ron_case_files_give_the_same_result() {
    let ron = r#"(
        person: { "in_custody": false, "supervised": false, "pending_charges": false, "citizen": "yes", "license_at_stake": false },
        cases: [ { "county": "Yolo", "outcome": "convicted", "level": "misdemeanor", "offense": "other",
                   "judgment_date": "2024-03-01", "sentence": "no_probation", "sentence_complete": true, "new_offense_since": false } ],
    )"#;
    let json = r#"{
        "person": { "in_custody": false, "supervised": false, "pending_charges": false, "citizen": "yes", "license_at_stake": false },
        "cases": [ { "county": "Yolo", "outcome": "convicted", "level": "misdemeanor", "offense": "other",
                     "judgment_date": "2024-03-01", "sentence": "no_probation", "sentence_complete": true, "new_offense_since": false } ]
    }"#;
    for format in ["text", "json", "markdown"] {
        let a = screen_text("person.ron", ron.as_bytes(), &["--format", format]);
        let b = screen_text("person.json", json.as_bytes(), &["--format", format]);
        assert_eq!(a.0, 0, "{}", a.2);
        assert_eq!(a, b, "{format} differs between RON and JSON");
    }
}

#[test]
fn standard_input_is_read_with_a_dash() {
    let text = fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/arrest.ron")).unwrap();
    let out = clearpath()
        .args(["screen", "--as-of", AS_OF, "-"])
        .write_stdin(text)
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .contains("Sealing an arrest")
    );
}

#[test]
fn bad_case_files_are_refused_with_a_clear_message() {
    let cases: &[(&str, &[u8], &str)] = &[
        (
            "unknown-field.json",
            br#"{"persons": {}}"#,
            "unknown-field.json: 1:10: unknown field `persons`, expected one of `id`, `person`, `cases`",
        ),
        (
            "unknown-fact.json",
            br#"{"cases": [{"outcom": "convicted"}]}"#,
            "unknown-fact.json: case 1: unknown fact \"outcom\"",
        ),
        (
            "wrong-choice.ron",
            br#"(cases: [{"level": "felon"}])"#,
            "wrong-choice.ron: case 1: \"level\": \"felon\" is not one of: infraction, misdemeanor, felony",
        ),
        (
            "wrong-kind.json",
            br#"{"person": {"in_custody": "nope"}}"#,
            "wrong-kind.json: person: \"in_custody\": takes true or false",
        ),
        (
            "wrong-section.json",
            br#"{"person": {"level": "felony"}}"#,
            "wrong-section.json: person: \"level\" belongs in each of \"cases\"",
        ),
        (
            "bad-date.json",
            br#"{"cases": [{"judgment_date": "2023-02-30"}]}"#,
            "bad-date.json: case 1: \"judgment_date\": 2023-02-30 is not a date. Check the month and day.",
        ),
        (
            "negative.json",
            br#"{"cases": [{"value": -5}]}"#,
            "negative.json: case 1: \"value\": -5 is not an amount: it can't be negative",
        ),
        (
            "not-a-number.json",
            br#"{"cases": [{"value": "lots"}]}"#,
            "not-a-number.json: case 1: \"value\": \"lots\" is not an amount. Type dollars, like 450 or 1,200.50.",
        ),
        (
            "twice.json",
            br#"{"cases": [{"level": "felony", "level": "misdemeanor"}]}"#,
            "twice.json: case 1: \"level\" is given twice",
        ),
        (
            "impossible.json",
            br#"{"cases": [{"level": "felony", "judgment_date": "2009-01-01", "sentence": "county_jail"}]}"#,
            "impossible.json: case 1: Felony county-jail terms under PC 1170(h) began on October 1, 2011.",
        ),
        (
            "list.json",
            br#"{"cases": [{"level": ["felony"]}]}"#,
            "list.json: case 1: \"level\": is a list; a fact takes one value",
        ),
        ("empty.ron", b"", "empty.ron: is empty"),
        ("blank.json", b"  \n\n ", "blank.json: is empty"),
        (
            "binary.json",
            b"\x00\x01\x02\xff",
            "binary.json: is not a text file",
        ),
        (
            "latin1.ron",
            b"(id: \"Jos\xe9\")",
            "latin1.ron: is not a text file (it is not UTF-8)",
        ),
        (
            "syntax.ron",
            b"(cases: [ {\"level\": \"felony\" ]",
            "syntax.ron: 1:30: Expected comma",
        ),
    ];
    for (name, text, message) in cases {
        let (code, stdout, stderr) = screen_text(name, text, &[]);
        assert_eq!(code, 1, "{name}: {stderr}");
        assert!(stdout.is_empty(), "{name} printed results");
        assert!(
            stderr.starts_with(&format!("clearpath: {message}")),
            "{name}:\n expected: clearpath: {message}\n      got: {stderr}"
        );
        assert!(!stderr.contains("panicked"), "{name} panicked");
    }
}

#[test]
fn a_file_too_large_is_refused_without_reading_it_all() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.json");
    let mut f = fs::File::create(&path).unwrap();
    let chunk = vec![b' '; 1 << 20];
    for _ in 0..50 {
        f.write_all(&chunk).unwrap();
    }
    drop(f);
    let out = clearpath()
        .args(["screen", path.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("is too large (52428800 bytes;"), "{stderr}");
    assert!(stderr.contains("JSON Lines"), "{stderr}");

    // Standard input has no size to report: only that it went past the limit.
    let out = clearpath()
        .args(["screen", "-"])
        .write_stdin(vec![b' '; 3 << 20])
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("is too large (more than 1048576 bytes;"),
        "{stderr}"
    );
}

#[test]
fn a_case_file_may_start_with_a_byte_order_mark() {
    let bom = "\u{feff}";
    let json = fs::read_to_string("examples/prison-felony.json").unwrap();
    let ron = fs::read_to_string("examples/arrest.ron").unwrap();
    for (name, text) in [("bom.json", json), ("bom.ron", ron)] {
        let (code, stdout, stderr) = screen_text(name, format!("{bom}{text}").as_bytes(), &[]);
        assert_eq!(code, 0, "{name}: {stderr}");
        assert!(!stdout.is_empty());
    }
    let line = r#"{"cases": [{"outcome": "diversion", "arrest_date": "2020-01-01", "arrest_level": "felony", "no_limit_offense": false, "evaded": false, "abuse_arrest": false, "innocent": false}]}"#;
    let (code, _, stderr) = screen_text("bom.jsonl", format!("{bom}{line}\n").as_bytes(), &[]);
    assert_eq!(code, 0, "{stderr}");
}

#[test]
fn a_missing_file_or_a_folder_is_named() {
    let out = clearpath()
        .args(["screen", "no-such-file.ron"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .starts_with("clearpath: no-such-file.ron: cannot be read: No such file")
    );
    let out = clearpath().args(["screen", "examples"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains("examples: is a folder")
    );
}

#[test]
fn json_lines_stream_and_report_bad_lines_by_number() {
    let good = r#"{"id": "a", "cases": [{"outcome": "acquitted", "arrest_date": "2020-01-01", "arrest_level": "misdemeanor", "evaded": false, "abuse_arrest": false, "innocent": false}]}"#;
    let text = format!(
        "{good}\n{{\"cases\": [{{\"level\": \"felon\"}}]}}\nnot json at all\n\n{}\n",
        good.replace("\"a\"", "\"b\"")
    );
    let (code, stdout, stderr) =
        screen_text("people.jsonl", text.as_bytes(), &["--format", "json"]);
    assert_eq!(code, 1, "a bad line makes the exit code 1");
    let lines: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2, "the good lines are still screened");
    assert_eq!(
        (
            lines[0]["source"]["id"].as_str(),
            lines[1]["source"]["id"].as_str()
        ),
        (Some("a"), Some("b"))
    );
    let errors: Vec<&str> = stderr.lines().collect();
    assert_eq!(errors.len(), 2, "{stderr}");
    assert!(
        errors[0]
            .starts_with("clearpath: people.jsonl:2: case 1: \"level\": \"felon\" is not one of"),
        "{stderr}"
    );
    assert!(
        errors[1].starts_with("clearpath: people.jsonl:3: 1:2: expected ident"),
        "{stderr}"
    );
}

#[test]
fn an_overlong_line_is_skipped_by_number_and_the_next_line_screened() {
    let good = r#"{"id": "after", "cases": [{"outcome": "acquitted", "arrest_date": "2020-01-01", "arrest_level": "misdemeanor", "evaded": false, "abuse_arrest": false, "innocent": false}]}"#;
    let mut text = vec![b' '; clearpath::cli::MAX_LINE_BYTES + 4096];
    text.push(b'\n');
    text.extend_from_slice(good.as_bytes());
    text.push(b'\n');
    let (code, stdout, stderr) = screen_text("people.jsonl", &text, &["--format", "json"]);
    assert_eq!(code, 1);
    assert_eq!(
        stderr,
        format!(
            "clearpath: people.jsonl:1: the line is too long (more than {} bytes, one person's case file at most); it was skipped\n",
            clearpath::cli::MAX_LINE_BYTES
        )
    );
    let v: serde_json::Value = serde_json::from_str(stdout.trim()).unwrap();
    assert_eq!(v["source"]["id"], "after");
}

/// Yields bytes forever, like `/dev/zero`, and counts them; reading far past what a
/// bounded reader may read is a failure, not a hang.
struct Endless {
    read: u64,
    most: u64,
}

impl std::io::Read for Endless {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        assert!(self.read <= self.most, "read {} bytes", self.read);
        buf.fill(b'0');
        self.read += buf.len() as u64;
        Ok(buf.len())
    }
}

#[test]
fn a_line_that_never_ends_stops_after_the_caps() {
    const CHUNK: usize = 1 << 16;
    let cap = clearpath::cli::MAX_LINE_BYTES as u64 + 1 + clearpath::cli::MAX_SKIP_BYTES;
    let mut endless = Endless {
        read: 0,
        most: cap + CHUNK as u64,
    };
    let content = clearpath::content::Content::built_in().unwrap();
    let mut out = Vec::new();
    let all_good = clearpath::cli::stream_jsonl(
        &content,
        clearpath::report::Format::Json,
        chrono::NaiveDate::from_ymd_opt(2026, 11, 25).unwrap(),
        "zero.jsonl",
        std::io::BufReader::with_capacity(CHUNK, &mut endless),
        &mut out,
    )
    .unwrap();
    assert!(!all_good);
    assert!(out.is_empty());
    assert!(endless.read >= cap && endless.read <= cap + CHUNK as u64);
}

#[test]
#[cfg(unix)]
fn a_link_to_dev_zero_is_refused_in_bounded_memory() {
    let dir = tempfile::tempdir().unwrap();
    let zero = dir.path().join("zero.jsonl");
    std::os::unix::fs::symlink("/dev/zero", &zero).unwrap();
    // 512 MB of address space: reading the never-ending line into memory would fail.
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!(
            "ulimit -v 524288; exec '{}' screen \"$0\"",
            env!("CARGO_BIN_EXE_clearpath")
        ))
        .arg(&zero)
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.ends_with(":1: the line goes on for more than 1073741824 bytes without ending; the rest of the file is not read\n"),
        "{stderr}"
    );
}

const DIVERSION: &str = r#""cases": [{"outcome": "diversion", "arrest_date": "2020-01-01", "arrest_level": "felony", "no_limit_offense": false, "evaded": false, "abuse_arrest": false, "innocent": false}]"#;

#[test]
fn a_case_file_id_lands_escaped_where_it_is_written() {
    let text = format!(
        "{{\"id\": \"--><script>alert(1)</script><!--\", {DIVERSION}}}\n{{\"id\": \"A\\u202e17\\u001b[2J\", {DIVERSION}}}\n"
    );
    let (code, markdown, _) =
        screen_text("people.jsonl", text.as_bytes(), &["--format", "markdown"]);
    assert_eq!(code, 0);
    assert!(
        !markdown.replace("\\<", "").contains("<script"),
        "{markdown}"
    );
    // Each result is named by its line and id, as Markdown text that cannot open markup.
    assert!(
        markdown.contains("people.jsonl:1 · --\\>\\<script\\>alert(1)\\</script\\>\\<!--\n"),
        "{markdown}"
    );
    assert!(markdown.contains("people.jsonl:2 · A\\\\u{202e}17\\\\u{1b}\\[2J\n"));

    // In text and HTML, the direction override and the escape are shown, not obeyed.
    let (_, text_out, _) = screen_text("people.jsonl", text.as_bytes(), &[]);
    assert!(
        text_out.contains("people.jsonl:2 · A\\u{202e}17\\u{1b}[2J\n"),
        "{text_out}"
    );
    let (_, html, _) = screen_text("people.jsonl", text.as_bytes(), &["--format", "html"]);
    assert!(!html.contains("<script"), "{html}");
    assert!(html.contains("people.jsonl:1 · --&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;!--"));
    assert_eq!(
        html.matches("<!DOCTYPE html>").count(),
        1,
        "one page holds both"
    );
    assert_eq!(html.matches("<h1>").count(), 2, "{html}");
}

#[test]
fn escape_sequences_in_a_case_file_reach_the_terminal_only_as_text() {
    let text = r#"{"cases": [{"outcome": "conv\u001b[2J\u001b]0;owned\u0007\u202e"}]}"#;
    let (code, _, stderr) = screen_text("evil.json", text.as_bytes(), &[]);
    assert_eq!(code, 1);
    let raw = |s: &str| {
        s.chars()
            .any(|c| (c.is_control() && c != '\n') || c == '\u{202e}')
    };
    assert!(!raw(&stderr), "{stderr:?}");
    assert!(
        stderr.contains(r"conv\u{1b}[2J\u{1b}]0;owned\u{7}\u{202e}"),
        "{stderr}"
    );
    // A file's name is shown the same way.
    let out = clearpath()
        .args(["screen", "no\u{1b}]0;t\u{7}\n.ron"])
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(!raw(stderr.trim_end()), "{stderr:?}");
    assert!(
        stderr.starts_with(r"clearpath: no\u{1b}]0;t\u{7}\u{a}.ron: cannot be read"),
        "{stderr}"
    );
}

#[test]
#[cfg(unix)]
fn a_file_size_limit_is_reported_as_an_error_not_a_silent_death() {
    use std::os::unix::process::ExitStatusExt;
    let dir = tempfile::tempdir().unwrap();
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg(r#"ulimit -f 1; exec "$0" screen --as-of 2026-11-25 "$@" > "$OUT""#)
        .arg(env!("CARGO_BIN_EXE_clearpath"))
        .args(examples())
        .env("OUT", dir.path().join("out.txt"))
        .env("LANG", "C")
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.signal(), None, "killed by a signal: {stderr}");
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.starts_with("clearpath: cannot write the results: File too large"),
        "{stderr}"
    );
}

#[test]
fn json_lines_all_good_exit_zero() {
    let good = r#"{"cases": [{"outcome": "diversion", "arrest_date": "2020-01-01", "arrest_level": "felony", "no_limit_offense": false, "evaded": false, "abuse_arrest": false, "innocent": false}]}"#;
    let text = format!("{good}\n{good}\n");
    let (code, stdout, stderr) = screen_text("people.jsonl", text.as_bytes(), &[]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(stdout.matches("CLEARPATH SCREENING").count(), 2);
    assert!(stdout.contains("people.jsonl:2"));
}

#[test]
fn check_exit_codes() {
    let out = clearpath().arg("check").output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.starts_with("ok: ") && stdout.contains("distinct interview paths"),
        "{stdout}"
    );

    let dir = tempfile::tempdir().unwrap();
    let base = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/content");
    for e in fs::read_dir(base).unwrap() {
        let p = e.unwrap().path();
        fs::copy(&p, dir.path().join(p.file_name().unwrap())).unwrap();
    }
    let remedies = dir.path().join("remedies.ron");
    let text = fs::read_to_string(&remedies)
        .unwrap()
        .replace("caveats: [\"guns\"]", "caveats: [\"gunz\"]");
    fs::write(&remedies, text).unwrap();
    let out = clearpath()
        .args(["check", "--content"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.contains("remedies.ron:24:19: caveat \"gunz\" is not defined in caveats.ron"),
        "{stdout}"
    );
    assert!(
        stdout.contains("24 |         caveats: [\"gunz\"],"),
        "the line is shown: {stdout}"
    );
    assert!(stdout.contains("1 problem(s) found"));

    let out = clearpath()
        .args(["check", "--content", "no-such-folder"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_ron_case_file_may_carry_an_id() {
    let (code, stdout, stderr) = screen_text(
        "labelled.ron",
        br#"(id: "A-17", cases: [{"outcome": "acquitted"}])"#,
        &["--format", "json"],
    );
    assert_eq!(code, 0, "{stderr}");
    let v: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(v["source"]["id"], "A-17");
}

#[test]
fn two_languages_write_each_result_in_both_and_json_says_it_has_one() {
    let file = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/probation-misdemeanor.ron"
    );
    let run = |format: &str| {
        let out = clearpath()
            .args([
                "screen", "--as-of", AS_OF, "--lang", "es,en", "--format", format, file,
            ])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        (
            String::from_utf8(out.stdout).unwrap(),
            String::from_utf8(out.stderr).unwrap(),
        )
    };
    for format in ["text", "markdown", "html"] {
        let (text, said) = run(format);
        let spanish = text.find("Elegible").expect("the Spanish results");
        let english = text.find("Eligible").expect("the English results");
        assert!(spanish < english, "{format}: Spanish first, then English");
        let lower = text.to_lowercase();
        assert!(
            lower.contains("lo que cambia y lo que no"),
            "{format}: Spanish caveats"
        );
        assert!(
            lower.contains("what changes and what does not"),
            "{format}: English caveats"
        );
        assert_eq!(said, "", "{format}");
    }
    let (html, _) = run("html");
    let spanish = html
        .find("<div lang=\"es\">")
        .expect("the Spanish result says its language");
    let english = html
        .find("<div lang=\"en\">")
        .expect("the English result says its language");
    assert!(
        spanish < english && html.find("Eligible").unwrap() > english,
        "{html}"
    );
    let (json, said) = run("json");
    assert!(
        json.contains("\"language\": \"es\"") && !json.contains("\"language\": \"en\""),
        "{json}"
    );
    assert!(
        said.contains("JSON y CSV van en un solo idioma")
            && said.contains("JSON and CSV results are in one language"),
        "{said}"
    );
}

/// `screen --format csv` on `files`: the header and the rows, parsed as a spreadsheet
/// would.
fn csv_of(files: &[String]) -> (Vec<String>, Vec<Vec<String>>) {
    let out = clearpath()
        .args(["screen", "--as-of", AS_OF, "--format", "csv"])
        .args(files)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
    let header = reader.headers().unwrap().iter().map(String::from).collect();
    let rows = reader
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect();
    (header, rows)
}

#[test]
fn csv_has_one_row_per_person_entry_and_remedy_agreeing_with_the_json() {
    let files = examples();
    let (header, rows) = csv_of(&files);
    assert_eq!(
        header,
        [
            "id",
            "file",
            "entry",
            "county",
            "remedy",
            "status",
            "eligible_from",
            "grant",
            "statute"
        ]
    );
    // The same results as the JSON, remedy by remedy, in the same order.
    let mut expected = Vec::new();
    for file in &files {
        let out = clearpath()
            .args(["screen", "--as-of", AS_OF, "--format", "json", file])
            .output()
            .unwrap();
        let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let text = |v: &serde_json::Value| v.as_str().unwrap_or("").to_string();
        for entry in doc["entries"].as_array().unwrap() {
            let county = entry["answers"]
                .as_array()
                .unwrap()
                .iter()
                .find(|a| a["fact"] == "county" && a["unsure"].is_null())
                .map_or(String::new(), |a| text(&a["answer"]));
            for r in entry["remedies"].as_array().unwrap() {
                expected.push(vec![
                    text(&doc["source"]["id"]),
                    file.clone(),
                    text(&entry["number"]),
                    county.clone(),
                    text(&r["id"]),
                    text(&r["status"]),
                    text(&r["from"]),
                    text(&r["grant"]),
                    text(&r["statute"]),
                ]);
            }
        }
    }
    assert_eq!(rows, expected);
    // What the spreadsheet is for: every example has rows, some dated, some by county.
    for file in &files {
        assert!(rows.iter().any(|r| &r[1] == file), "{file} has no rows");
    }
    assert!(
        rows.iter()
            .any(|r| r[0] == "intake-0042" && r[3] == "Fresno")
    );
    assert!(
        rows.iter()
            .any(|r| r[6].parse::<chrono::NaiveDate>().is_ok())
    );
    assert!(rows.iter().all(|r| !r[8].is_empty()));
}

#[test]
fn csv_from_json_lines_names_each_line_and_keeps_formulas_inert() {
    let text = format!(
        "{{\"id\": \"=HYPERLINK(\\\"http://x\\\")\", {DIVERSION}}}\n{{\"id\": \"b, \\\"quoted\\\"\", {DIVERSION}}}\nnot json\n"
    );
    let (code, stdout, stderr) = screen_text("people.jsonl", text.as_bytes(), &["--format", "csv"]);
    assert_eq!(code, 1, "a bad line makes the exit code 1");
    assert!(stderr.contains("people.jsonl:3"), "{stderr}");
    let mut reader = csv::Reader::from_reader(stdout.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert!(!rows.is_empty());
    assert!(rows.iter().all(|r| r.len() == 9));
    let ids: Vec<&str> = rows.iter().map(|r| &r[0]).collect();
    assert!(ids.contains(&"'=HYPERLINK(\"http://x\")"), "{ids:?}");
    assert!(ids.contains(&"b, \"quoted\""), "{ids:?}");
    assert!(rows.iter().any(|r| r[1].ends_with("people.jsonl:2")));
    assert!(
        !stdout.contains("\n=") && !stdout.contains(",="),
        "{stdout}"
    );

    // Nothing screened at all: the header still comes, so the file opens.
    let (_, empty, _) = screen_text("none.jsonl", b"\n", &["--format", "csv"]);
    assert_eq!(
        empty,
        "id,file,entry,county,remedy,status,eligible_from,grant,statute\n"
    );
}

#[test]
fn a_county_elsewhere_in_a_case_file_is_told_how_to_write_a_case_from_elsewhere() {
    let file = br#"{"person": {}, "cases": [{"county": "Springfield", "outcome": "convicted"}]}"#;
    let (code, _, said) = screen_text("elsewhere.json", file, &[]);
    assert_ne!(code, 0, "{said}");
    assert!(
        said.contains("\"Springfield\" is not a California county"),
        "{said}"
    );
    assert!(
        said.contains("\"not_sure\" here and \"outcome\": \"not_california\""),
        "{said}"
    );
    let near_miss = String::from_utf8_lossy(file).replace("Springfield", "Alamda");
    let (_, _, near) = screen_text("near.json", near_miss.as_bytes(), &[]);
    assert!(near.contains("Did you mean Alameda?"), "{near}");
}
