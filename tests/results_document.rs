//! One results document, every format: whatever the document holds (each remedy's
//! name, status, citation and reason, the questions that would decide it, every caveat,
//! referral and answer not sure of) is in the results screen, plain text, Markdown,
//! HTML and JSON alike, for the person, a clinic's client and an attorney.

mod common;

use clearpath::casefile::{Syntax, parse};
use clearpath::content::Content;
use clearpath::engine::Interview;
use clearpath::report::escape;
use clearpath::report::{self, Audience, Document, Format};
use clearpath::tui::Theme;
use clearpath::tui::app::App;
use common::{CONTENT, CONTENT_ES, as_of};

/// A case file from `examples/`, with what it holds.
fn example(name: &str) -> String {
    std::fs::read_to_string(format!("{}/examples/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

/// Every piece of text a reader must find, whatever the format.
fn held(doc: &Document) -> Vec<String> {
    let mut said: Vec<String> = Vec::new();
    for entry in &doc.entries {
        said.push(entry.label.clone());
        for r in &entry.remedies {
            said.extend([r.name, &r.status_text, r.statute].map(str::to_string));
            said.extend(r.reason.map(str::to_string));
            said.extend(r.deciding.iter().map(|d| d.question.to_string()));
            if r.is_open() {
                said.push(r.file_with.to_string());
            }
        }
    }
    for c in &doc.caveats {
        said.extend([c.text, c.statute].map(str::to_string));
    }
    said.extend(doc.referrals.iter().map(|r| r.reason.to_string()));
    said.extend(doc.unsure.iter().map(|u| u.question.to_string()));
    said.extend(doc.plan.iter().map(|s| s.title.to_string()));
    said
}

/// Text with every run of white space as one space: a wrapped line reads as one.
fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn json_strings(value: &serde_json::Value, out: &mut Vec<String>) {
    match value {
        serde_json::Value::String(s) => out.push(s.clone()),
        serde_json::Value::Array(items) => items.iter().for_each(|v| json_strings(v, out)),
        serde_json::Value::Object(map) => map.values().for_each(|v| json_strings(v, out)),
        _ => {}
    }
}

/// Checks that each format of `doc` holds what the document holds; `screen` is the
/// results screen's text, when there is one.
fn every_format_holds(what: &str, doc: &Document, screen: Option<&str>) {
    let said = held(doc);
    assert!(said.len() > 10, "{what}: too little to compare");
    let text = flat(&report::render(doc, Format::Text)).to_lowercase();
    let markdown = flat(&report::render(doc, Format::Markdown));
    let html = report::render(doc, Format::Html);
    let json: serde_json::Value = serde_json::from_str(&report::render(doc, Format::Json)).unwrap();
    let mut strings = Vec::new();
    json_strings(&json, &mut strings);
    let screen = screen.map(flat);
    for piece in &said {
        // Plain text writes headings in capitals.
        assert!(
            text.contains(&flat(piece).to_lowercase()),
            "{what}: text lacks {piece:?}"
        );
        assert!(
            markdown.contains(&escape::markdown(&flat(piece))),
            "{what}: Markdown lacks {piece:?}"
        );
        assert!(
            html.contains(&escape::html(piece)),
            "{what}: HTML lacks {piece:?}"
        );
        assert!(
            strings.iter().any(|s| s == piece),
            "{what}: JSON lacks {piece:?}"
        );
        if let Some(screen) = &screen {
            assert!(
                screen.contains(&flat(piece)),
                "{what}: the results screen lacks {piece:?}"
            );
        }
    }
}

/// The results screen's whole page, as text.
fn screen_text(content: &'static Content, interview: Interview<'static>) -> String {
    let mut app = App::new(content, as_of(), Theme::plain());
    app.resume(interview);
    clearpath::tui::view::results::lines(&app, 100)
        .iter()
        .map(|l| l.to_string())
        .collect::<Vec<_>>()
        .join("\n")
}

fn person_document(content: &'static Content, file: &str) -> (Document<'static>, String) {
    let text = example(file);
    let case = parse(content, &text, Syntax::detect(file, &text)).unwrap();
    let interview = Interview::resume(content, as_of(), case.person);
    let doc = Document::new(
        content,
        interview.person(),
        &interview.results(),
        Audience::Person,
    );
    (doc, screen_text(content, interview))
}

#[test]
fn three_entries_with_answers_not_sure_of_read_the_same_everywhere() {
    let (doc, screen) = person_document(&CONTENT, "three-entries.json");
    assert_eq!(doc.entries.len(), 3);
    assert!(
        !doc.unsure.is_empty(),
        "the example has answers not sure of"
    );
    every_format_holds("three entries", &doc, Some(&screen));
}

#[test]
fn a_spanish_document_reads_the_same_everywhere() {
    let (doc, screen) = person_document(&CONTENT_ES, "three-entries.json");
    assert_eq!(doc.language, clearpath::content::Lang::Es);
    every_format_holds("Spanish", &doc, Some(&screen));
}

#[test]
fn every_example_reads_the_same_everywhere() {
    for file in [
        "arrest.ron",
        "prison-felony.json",
        "probation-misdemeanor.ron",
        "prop47-theft.ron",
    ] {
        let (doc, screen) = person_document(&CONTENT, file);
        every_format_holds(file, &doc, Some(&screen));
    }
}

#[test]
fn the_client_and_the_attorney_read_the_same_in_every_format() {
    let text = example("three-entries.json");
    let case = parse(&CONTENT, &text, Syntax::Json).unwrap();
    let interview = Interview::resume(&CONTENT, as_of(), case.person);
    for audience in [Audience::Client, Audience::Attorney] {
        let doc = Document::new(&CONTENT, interview.person(), &interview.results(), audience);
        every_format_holds(&format!("{audience:?}"), &doc, None);
    }
}

#[test]
fn the_json_names_its_schema_and_version() {
    let (doc, _) = person_document(&CONTENT, "arrest.ron");
    let json: serde_json::Value =
        serde_json::from_str(&report::render(&doc, Format::Json)).unwrap();
    assert_eq!(json["schema"], "clearpath-results");
    assert_eq!(json["version"], report::document::SCHEMA_VERSION);
    assert_eq!(json["audience"], "person");
    assert_eq!(json["language"], "en");
}
