//! The print-ready HTML export: self-contained, escaped, and saying what the text
//! export says.

use chrono::NaiveDate;
use clearpath::casefile::{Syntax, parse};
use clearpath::content::Content;
use clearpath::engine::screen;
use clearpath::report;

fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
}

fn page(file: &str) -> (Content, String) {
    let content = Content::built_in().unwrap();
    let text = std::fs::read_to_string(format!("examples/{file}")).unwrap();
    let case = parse(&content, &text, Syntax::detect(file, &text)).unwrap();
    let screening = screen(&content, &case.person, as_of());
    let html = report::person_page(&content, &case.person, &screening, report::Format::Html);
    (content, html)
}

#[test]
fn is_one_self_contained_page() {
    let (_, html) = page("three-entries.json");
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.trim_end().ends_with("</html>"));
    // No scripts and nothing fetched: no src, no href, no url(), no @import.
    for banned in ["<script", " src=", " href=", "url(", "@import", "<link"] {
        assert!(!html.contains(banned), "the page contains {banned:?}");
    }
    assert!(html.contains("@page { size: letter;"));
}

#[test]
fn says_what_the_text_export_says() {
    let (content, html) = page("probation-misdemeanor.ron");
    assert!(html.contains(&report::escape::html(&content.meta.notice)));
    assert!(html.contains("Dismissal after probation"));
    assert!(html.contains("Penal Code § 1203.4"));
    assert!(html.contains("Eligible now"));
    assert!(html.contains("CR-180"));
    assert!(html.contains("Your plan"));
    assert!(html.contains("When to talk to a lawyer"));
    assert!(html.contains(&format!("Rules {}", content.meta.rules_version)));
    assert!(html.contains("The answers this rests on"));
    assert!(html.contains("Sacramento"));
}

#[test]
fn escapes_what_a_person_typed() {
    let content = Content::built_in().unwrap();
    let text = r#"{"person": {"in_custody": false, "supervised": false, "pending_charges": false, "citizen": "yes", "license_at_stake": false},
        "cases": [{"county": "Fresno", "outcome": "convicted", "level": "misdemeanor"}]}"#;
    let mut case = parse(&content, text, Syntax::Json).unwrap();
    // A case file takes only a real county; an intake saved before counties were
    // checked may still hold any text.
    let county = content.fact_id("county").unwrap();
    let typed = "<script>alert('x')</script> & \"Co\"".to_string();
    case.person.cases[0].set(
        county,
        clearpath::engine::Slot::Known(clearpath::engine::Value::Text(typed)),
    );
    let html = report::person_page(
        &content,
        &case.person,
        &screen(&content, &case.person, as_of()),
        report::Format::Html,
    );
    assert!(!html.contains("<script>"));
    assert!(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Co&quot;"));
}

#[test]
fn a_full_page_snapshot() {
    let (_, html) = page("three-entries.json");
    insta::assert_snapshot!("html_three_entries", html);
}

/// In Spanish the page says so (for screen readers) and every heading is Spanish.
#[test]
fn a_spanish_page_is_spanish() {
    let content = Content::built_in_in(clearpath::content::Lang::Es).unwrap();
    let text = std::fs::read_to_string("examples/three-entries.json").unwrap();
    let case = parse(&content, &text, Syntax::Json).unwrap();
    let screening = screen(&content, &case.person, as_of());
    let html = report::person_page(&content, &case.person, &screening, report::Format::Html);
    assert!(html.contains("<html lang=\"es\">"));
    for spanish in [
        "<title>Evaluación de clearpath, al 25 de noviembre de 2026</title>",
        "<h2>Su plan</h2>",
        "<h2>Lo que cambia y lo que no</h2>",
        "<h2>Cuándo hablar con un abogado</h2>",
        "<h2>Las respuestas en que se basa</h2>",
        "<h3>Sobre usted</h3>",
        "<span class=\"label\">Formularios: </span>CR-180, CR-181</li>",
        "<li>Caso 1: ",
        "<footer>Reglas ",
    ] {
        assert!(html.contains(spanish), "no {spanish:?} in {html}");
    }
    for english in [
        "Your plan",
        "Entry ",
        "Forms:",
        "File with",
        "About you",
        "law last checked",
    ] {
        assert!(!html.contains(english), "{english:?} in {html}");
    }
}
