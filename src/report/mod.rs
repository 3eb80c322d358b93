//! The results, written out. A screening becomes one [`Document`] for an audience (the
//! person, a clinic's client, an attorney); [`layout`] puts it in order and in words as
//! blocks; one renderer per format writes the blocks (plain text, Markdown, HTML) or
//! the document itself (JSON). The results screen draws the same blocks
//! (`tui::view::results`). The phrases the layout uses for statuses, grants and topics
//! live here.

use chrono::NaiveDate;

use crate::content::Content;
use crate::content::model::{AnswerKind, Grant, Topic};
use crate::engine::facts::{Person, Slot, Value};
use crate::engine::screen::{RemedyResult, Verdict};
use crate::strings::{Strings, fill};

pub mod csv;
pub mod document;
pub mod escape;
pub mod html;
pub mod json;
pub mod layout;
pub mod markdown;
pub mod text;

pub use document::{Audience, Document};

/// What results are written as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Text,
    Markdown,
    Html,
    Json,
    /// One row per entry and remedy, for spreadsheets.
    Csv,
}

impl Format {
    /// Written in one language only: keys and values for other programs.
    pub fn is_data(self) -> bool {
        matches!(self, Format::Json | Format::Csv)
    }

    /// The formats a person may save or print.
    pub const PRINTABLE: [Format; 3] = [Format::Text, Format::Markdown, Format::Html];

    /// The usual file extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Text => "txt",
            Format::Markdown => "md",
            Format::Html => "html",
            Format::Json => "json",
            Format::Csv => "csv",
        }
    }

    pub fn label(self, words: &Strings) -> &str {
        match self {
            Format::Text => &words.tui_format_text,
            Format::Markdown => &words.tui_format_markdown,
            Format::Html => &words.tui_format_html,
            Format::Json => &words.desk_format_json,
            Format::Csv => &words.format_csv,
        }
    }
}

/// A person's results written as `format`: the interview's export, the kiosk's printout.
pub fn person_page(
    content: &Content,
    person: &Person,
    screening: &crate::engine::Screening,
    format: Format,
) -> String {
    render(
        &Document::new(content, person, screening, Audience::Person).with_handoff(content, person),
        format,
    )
}

/// `doc` written as `format`, for a page (a file, a printer, standard output).
pub fn render(doc: &Document, format: Format) -> String {
    match format {
        Format::Json => json::render(doc, false),
        Format::Csv => csv::render(doc),
        Format::Text => text::render(&layout::blocks(doc, layout::Medium::Page), text::WIDTH),
        Format::Markdown => markdown::render(&layout::blocks(doc, layout::Medium::Page)),
        Format::Html => html::render(&layout::blocks(doc, layout::Medium::Page), doc.language),
    }
}

/// "Eligible now", "Eligible from March 1, 2027", "Possibly", … in the content's language.
pub fn status_phrase(r: &RemedyResult, words: &Strings) -> String {
    verdict_phrase(r.verdict, r.from, words)
}

/// The same phrase from a verdict and its date, as kept when comparing two screenings.
pub fn verdict_phrase(verdict: Verdict, from: Option<NaiveDate>, words: &Strings) -> String {
    match (verdict, from) {
        (Verdict::Eligible, None) => words.status_eligible.clone(),
        (Verdict::Eligible, Some(d)) => {
            fill(&words.status_eligible_from, &[("date", &words.date(d))])
        }
        (Verdict::Possibly, None) => words.status_possibly.clone(),
        (Verdict::Possibly, Some(d)) => {
            fill(&words.status_possibly_from, &[("date", &words.date(d))])
        }
        (Verdict::NeedsInfo, _) => words.status_needs_info.clone(),
        (Verdict::NotEligible, _) => words.status_not_eligible.clone(),
        (Verdict::Granted, _) => words.status_granted.clone(),
    }
}

pub fn grant_phrase(grant: Grant, words: &Strings) -> &str {
    match grant {
        Grant::Mandatory => &words.grant_mandatory,
        Grant::Discretionary => &words.grant_discretionary,
        Grant::Automatic => &words.grant_automatic,
    }
}

pub fn topic_title(topic: Topic, words: &Strings) -> &str {
    match topic {
        Topic::Firearms => &words.topic_firearms,
        Topic::LicensingAndPublicJobs => &words.topic_licensing,
        Topic::Immigration => &words.topic_immigration,
        Topic::FutureCases => &words.topic_future_cases,
        Topic::EmployersAndBackgroundChecks => &words.topic_employers,
        Topic::OtherEffects => &words.topic_other,
    }
}

/// The questions whose answers would decide an open result.
pub fn deciding_questions<'c>(content: &'c Content, r: &RemedyResult) -> Vec<&'c str> {
    r.deciding
        .iter()
        .map(|f| content.fact_question(f).text.as_str())
        .collect()
}

/// "Entry 2 · Fresno · convicted · felony"
pub fn entry_label(content: &Content, person: &Person, entry: usize) -> String {
    let words = Strings::get(content.lang);
    let mut label = entry_name(words, person, entry);
    let Some(case) = person.cases.get(entry) else {
        return label;
    };
    for &fact in &content.entry_label {
        let part = match case.get(fact) {
            Slot::Known(Value::Text(t)) => Some(t.clone()),
            // A choice by its short noun ("condena", "delito grave"); `check` sees that
            // every choice of an entry_label question has one.
            Slot::Known(Value::Choice(i)) => {
                let question = content.fact_question(fact);
                content
                    .fact(fact)
                    .choice_value(*i)
                    .and_then(|v| question.short_for(v))
                    .map(str::to_string)
            }
            _ => None,
        };
        if let Some(part) = part {
            label.push_str(" · ");
            label.push_str(&crate::sanitize::line(&part));
        }
    }
    label
}

/// How an entry (counted from 0) is numbered where people read it: its case, counted
/// from 1, and in a case with several counts, the count ("1 (count 2)").
pub fn entry_number(words: &Strings, person: &Person, entry: usize) -> String {
    let (case, count) = person.case_and_count(entry);
    if person.has_counts(entry) {
        fill(&words.entry_count, &[("case", &case), ("count", &count)])
    } else {
        case.to_string()
    }
}

/// What is said when answers come from a hand-off code: that they did, and what to
/// check (a code made under other rules; code sections typed in words, not held).
pub fn code_notices(words: &Strings, decoded: &crate::engine::handoff::Decoded) -> Vec<String> {
    let content = decoded.interview.content();
    let person = decoded.interview.person();
    let mut said = vec![words.handoff_opened.clone()];
    if decoded.other_rules {
        let rules = &content.meta.rules_version;
        said.push(fill(&words.handoff_other_rules, &[("rules", rules)]));
    }
    if !decoded.sections_not_carried.is_empty() {
        let entries: Vec<String> = decoded
            .sections_not_carried
            .iter()
            .map(|e| entry_name(words, person, *e))
            .collect();
        let entries = entries.join(", ");
        said.push(fill(&words.handoff_section_words, &[("entries", &entries)]));
    }
    said
}

/// What a RAP sheet told, to say before the questions it leaves open: the file
/// (`name`), each entry's answers with the sheet's lines they came from, the sheet's
/// notes, and that the rest is asked. One line each; an answer or a note is indented.
/// With `kept`, the answers given before the sheet was read: where one differs from
/// the sheet's and was kept, the line says so.
pub fn rap_sheet_said(
    content: &Content,
    name: &str,
    person: &Person,
    notes: &[String],
    kept: Option<&Person>,
) -> Vec<String> {
    let words = Strings::get(content.lang);
    let mut said = vec![fill(&words.rap_sheet_read, &[("file", &name)])];
    for (entry, answers) in person.cases.iter().enumerate() {
        said.push(entry_name(words, person, entry));
        if kept.is_some_and(|k| k.contradicted(person, Some(entry))) {
            said.push(format!("  {}", words.rap_sheet_entry_kept));
        }
        for (fact, source) in answers.sources() {
            let Some(question) = content.questions.iter().find(|q| q.fact == fact) else {
                continue;
            };
            let lines: Vec<String> = match source {
                crate::model::Source::RapSheet(lines) => lines.iter().map(u32::to_string).collect(),
                _ => Vec::new(),
            };
            let at = match lines.len() {
                1 => &words.rap_sheet_line,
                _ => &words.rap_sheet_lines,
            };
            let read = answers.get(fact);
            let mut line = format!(
                "  {} {} ({})",
                question.source.text,
                answer_text(content, fact, read),
                fill(at, &[("lines", &lines.join(", "))])
            );
            let given = kept.and_then(|k| k.cases.get(entry)).map(|a| a.get(fact));
            if let Some(given) = given.filter(|g| g.is_answered() && *g != read) {
                let answer = answer_text(content, fact, given);
                line.push_str(&fill(&words.rap_sheet_not_taken, &[("answer", &answer)]));
            }
            said.push(line);
        }
    }
    if !notes.is_empty() {
        said.push(words.rap_sheet_to_check.clone());
        said.extend(notes.iter().map(|n| format!("  {n}")));
    }
    said.push(words.rap_sheet_asked.clone());
    said
}

/// "Entry 2", "Caso 1 (cargo 2)": an entry (counted from 0) as people name it.
pub fn entry_name(words: &Strings, person: &Person, entry: usize) -> String {
    fill(&words.entry, &[("n", &entry_number(words, person, entry))])
}

/// An answer as it is repeated back once taken ("Understood: …"): a code section the
/// table knows with its name, so a mistyped one shows at once.
pub fn understood_text(content: &Content, fact: crate::engine::FactId, slot: &Slot) -> String {
    match slot {
        Slot::Known(crate::model::Value::Text(typed)) if Some(fact) == content.sections.fact => {
            match content.sections.find(typed) {
                Some(section) => format!("{} · {}", section.code, section.name),
                None => answer_text(content, fact, slot),
            }
        }
        Slot::Known(crate::model::Value::Text(typed)) if Some(fact) == content.counties.fact => {
            match content.counties.find(typed) {
                crate::content::counties::Found::County(name) => name.to_string(),
                crate::content::counties::Found::Not(_) => answer_text(content, fact, slot),
            }
        }
        _ => answer_text(content, fact, slot),
    }
}

/// An answer as the review shows it: with the code section it was read from, when the
/// section answered it and the person was not asked.
pub fn review_answer(
    interview: &crate::engine::interview::Interview,
    entry: Option<usize>,
    question: usize,
    slot: &Slot,
) -> String {
    let content = interview.content();
    let answer = answer_text(content, content.questions[question].fact, slot);
    match interview.answered_by_section(entry, question) {
        Some(section) => fill(
            &Strings::get(content.lang).answer_from_section,
            &[("answer", &answer), ("code", &section.code)],
        ),
        None => answer,
    }
}

/// A person-readable form of one answer, as the review, the results and the answer
/// repeated back all show it: a date in words ("2 de abril de 2018"), so a day and month
/// taken the wrong way round show at once.
pub fn answer_text(content: &Content, fact: crate::engine::FactId, slot: &Slot) -> String {
    let words = Strings::get(content.lang);
    match slot {
        Slot::Missing => words.not_answered.clone(),
        Slot::NotSure => words.not_sure.clone(),
        Slot::Known(v) => match v {
            Value::Bool(true) => words.yes.clone(),
            Value::Bool(false) => words.no.clone(),
            Value::Choice(i) => content
                .fact(fact)
                .choice_label(*i)
                .unwrap_or("?")
                .to_string(),
            Value::Date(d) => words.date(*d),
            Value::Money(c) => format!("${}.{:02}", c / 100, c % 100),
            Value::Number(n) if content.fact(fact).kind == AnswerKind::Months => {
                fill(&words.months_answer, &[("n", n)])
            }
            Value::Number(n) => n.to_string(),
            // A county saved before counties were checked, that is not one.
            Value::Text(t)
                if Some(fact) == content.counties.fact
                    && !content.counties.names.is_empty()
                    && !matches!(
                        content.counties.find(t),
                        crate::content::counties::Found::County(_)
                    ) =>
            {
                fill(
                    &words.county_to_check,
                    &[("county", &crate::sanitize::line(t))],
                )
            }
            Value::Text(t) => crate::sanitize::line(t).into_owned(),
        },
    }
}
