//! Results as text a person reads: plain text, Markdown and JSON. Every renderer reads
//! the same [`Screening`]; the phrases they share live here.

pub mod html;
pub mod json;
pub mod markdown;
pub mod text;

use crate::content::Content;
use crate::content::model::Grant;
use crate::engine::facts::{Person, Slot, Value};
use crate::engine::screen::{RemedyResult, Verdict};

/// "Eligible now", "Eligible from 2027-03-01", "Possibly", …
pub fn status_phrase(r: &RemedyResult) -> String {
    verdict_phrase(r.verdict, r.from)
}

/// The same phrase from a verdict and its date, as kept when comparing two screenings.
pub fn verdict_phrase(verdict: Verdict, from: Option<chrono::NaiveDate>) -> String {
    match (verdict, from) {
        (Verdict::Eligible, None) => "Eligible now".into(),
        (Verdict::Eligible, Some(d)) => format!("Eligible from {d}"),
        (Verdict::Possibly, Some(d)) => format!("Possibly, from {d}"),
        (v, _) => v.word().into(),
    }
}

pub fn grant_phrase(grant: Grant) -> &'static str {
    match grant {
        Grant::Mandatory => "The court must grant it.",
        Grant::Discretionary => "The judge decides.",
        Grant::Automatic => "Automatic: no petition needed.",
    }
}

pub const UNVERIFIED_NOTE: &str =
    "This may apply, but it rests on a point of law our sources do not confirm: check with a lawyer.";

pub const NEEDS_INFO_LEAD: &str = "Would be decided by your answer to:";

/// The questions whose answers would decide an open result.
pub fn deciding_questions<'c>(content: &'c Content, r: &RemedyResult) -> Vec<&'c str> {
    r.deciding
        .iter()
        .map(|f| content.fact_question(f).text.as_str())
        .collect()
}

/// "Entry 2 · Fresno · convicted · felony"
pub fn entry_label(content: &Content, person: &Person, entry: usize) -> String {
    let mut label = format!("Entry {}", entry + 1);
    let Some(case) = person.cases.get(entry) else {
        return label;
    };
    for &fact in &content.entry_label {
        let part = match case.get(fact) {
            Slot::Known(Value::Text(t)) => Some(t.clone()),
            Slot::Known(Value::Choice(i)) => content
                .fact(fact)
                .choice_value(*i)
                .map(|v| v.replace('_', " ")),
            _ => None,
        };
        if let Some(part) = part {
            label.push_str(" · ");
            label.push_str(&sanitize(&part));
        }
    }
    label
}

/// Removes control characters, so that text typed by a person can never drive the
/// terminal or a file's layout.
pub fn sanitize(text: &str) -> String {
    text.chars().filter(|c| !c.is_control()).collect()
}

/// A person-readable form of one answer.
pub fn answer_text(content: &Content, fact: crate::engine::FactId, slot: &Slot) -> String {
    match slot {
        Slot::Missing => "(not answered)".into(),
        Slot::NotSure => "I'm not sure".into(),
        Slot::Known(v) => match v {
            Value::Bool(true) => "Yes".into(),
            Value::Bool(false) => "No".into(),
            Value::Choice(i) => content
                .fact(fact)
                .choice_label(*i)
                .unwrap_or("?")
                .to_string(),
            Value::Date(d) => d.to_string(),
            Value::Money(c) => format!("${}.{:02}", c / 100, c % 100),
            Value::Number(n) => n.to_string(),
            Value::Text(t) => sanitize(t),
        },
    }
}

/// Greedy word wrap to `width` columns, each line prefixed by `indent`.
pub fn wrap(out: &mut String, text: &str, width: usize, indent: &str) {
    let room = width.saturating_sub(indent.chars().count()).max(20);
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > room {
            out.push_str(indent);
            out.push_str(&line);
            out.push('\n');
            line.clear();
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        out.push_str(indent);
        out.push_str(&line);
        out.push('\n');
    }
}
