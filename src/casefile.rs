//! Case files: one person, their person-level facts and a list of cases, in RON or
//! JSON (one schema, documented in docs/case-files.md). The keys are the fact names of
//! the interview, so a case file and the interview speak the same vocabulary.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::content::model::AnswerKind;
use crate::content::{Content, Section};
use crate::engine::facts::{Answers, Person, Slot, Value};
use crate::engine::input::parse_date;

/// The largest case file read whole; more people belong in JSON Lines.
pub const MAX_FILE_BYTES: usize = 1 << 20;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCaseFile {
    /// An optional label echoed in the output, such as an intake number.
    #[serde(default)]
    id: Option<String>,
    #[serde(default)]
    person: BTreeMap<String, RawValue>,
    #[serde(default)]
    cases: Vec<BTreeMap<String, RawValue>>,
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum RawValue {
    Bool(bool),
    Number(f64),
    Text(String),
    /// JSON `null`: not known.
    Null,
}

/// A parsed case file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseFile {
    pub id: Option<String>,
    pub person: Person,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Syntax {
    Ron,
    Json,
}

impl Syntax {
    /// JSON for `.json`/`.jsonl`, RON for `.ron`; otherwise guessed from the text.
    pub fn detect(name: &str, text: &str) -> Syntax {
        let lower = name.to_ascii_lowercase();
        if lower.ends_with(".ron") {
            Syntax::Ron
        } else if lower.ends_with(".json")
            || lower.ends_with(".jsonl")
            || text.trim_start().starts_with('{')
        {
            Syntax::Json
        } else {
            Syntax::Ron
        }
    }
}

/// What is wrong with a case file, in words, with the line where known.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}{message}", line.map(|(l, c)| format!("{l}:{c}: ")).unwrap_or_default())]
pub struct CaseFileError {
    pub line: Option<(usize, usize)>,
    pub message: String,
}

impl CaseFileError {
    fn new(message: impl Into<String>) -> Self {
        CaseFileError {
            line: None,
            message: message.into(),
        }
    }
}

/// Checks raw bytes before parsing: not empty, text, not too large.
pub fn check_bytes(bytes: &[u8], limit: usize) -> Result<&str, CaseFileError> {
    if bytes.len() > limit {
        return Err(CaseFileError::new(format!(
            "is too large ({} bytes; a case file may be at most {} bytes). For many people, use JSON Lines (.jsonl), one person per line",
            bytes.len(),
            limit
        )));
    }
    if bytes.contains(&0) {
        return Err(CaseFileError::new("is not a text file"));
    }
    let text = std::str::from_utf8(bytes)
        .map_err(|_| CaseFileError::new("is not a text file (it is not UTF-8)"))?;
    if text.trim().is_empty() {
        return Err(CaseFileError::new("is empty"));
    }
    Ok(text)
}

/// Parses one person from text.
pub fn parse(content: &Content, text: &str, syntax: Syntax) -> Result<CaseFile, CaseFileError> {
    let raw: RawCaseFile = match syntax {
        Syntax::Json => serde_json::from_str(text).map_err(|e| CaseFileError {
            line: Some((e.line(), e.column())),
            message: e.to_string().split(" at line ").next().unwrap_or_default().to_string(),
        })?,
        Syntax::Ron => ron::from_str(text).map_err(|e| CaseFileError {
            line: Some((e.span.start.line, e.span.start.col)),
            message: e.code.to_string(),
        })?,
    };
    let person = facts(content, &raw.person, Section::Person, "person")?;
    let cases = raw
        .cases
        .iter()
        .enumerate()
        .map(|(i, c)| facts(content, c, Section::Case, &format!("case {}", i + 1)))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(CaseFile {
        id: raw.id,
        person: Person {
            person,
            cases,
        },
    })
}

fn facts(
    content: &Content,
    raw: &BTreeMap<String, RawValue>,
    section: Section,
    place: &str,
) -> Result<Answers, CaseFileError> {
    let mut answers = Answers::new(content.facts.len());
    for (name, value) in raw {
        let Some(id) = content.fact_id(name) else {
            let known: Vec<&str> = content
                .facts_in(section)
                .map(|f| content.fact(f).name.as_str())
                .collect();
            return Err(CaseFileError::new(format!(
                "{place}: unknown fact \"{name}\" (known here: {})",
                known.join(", ")
            )));
        };
        let fact = content.fact(id);
        if fact.section != section {
            let belongs = match fact.section {
                Section::Person => "under \"person\"",
                Section::Case => "in each of \"cases\"",
            };
            return Err(CaseFileError::new(format!(
                "{place}: \"{name}\" belongs {belongs}"
            )));
        }
        let slot = slot(&fact.kind, value)
            .map_err(|why| CaseFileError::new(format!("{place}: \"{name}\": {why}")))?;
        answers.set(id, slot);
    }
    Ok(answers)
}

fn slot(kind: &AnswerKind, value: &RawValue) -> Result<Slot, String> {
    if matches!(value, RawValue::Null) || matches!(value, RawValue::Text(t) if t == "not_sure") {
        return Ok(Slot::NotSure);
    }
    let value = match (kind, value) {
        (AnswerKind::YesNo, RawValue::Bool(b)) => Value::Bool(*b),
        (AnswerKind::YesNo, _) => return Err("takes true or false".into()),
        (AnswerKind::Choice(choices), RawValue::Text(t)) => {
            match choices.iter().position(|(v, _)| v == t) {
                Some(i) => Value::Choice(i as u16),
                None => {
                    let names: Vec<&str> = choices.iter().map(|(v, _)| v.as_str()).collect();
                    return Err(format!("\"{t}\" is not one of: {}", names.join(", ")));
                }
            }
        }
        (AnswerKind::Choice(choices), _) => {
            let names: Vec<&str> = choices.iter().map(|(v, _)| v.as_str()).collect();
            return Err(format!("takes one of: {}", names.join(", ")));
        }
        (AnswerKind::Date, RawValue::Text(t)) => Value::Date(parse_date(t).map_err(|e| e.0)?),
        (AnswerKind::Date, _) => return Err("takes a date as text, like \"2019-03-15\"".into()),
        (AnswerKind::Money, RawValue::Number(n)) => {
            if !n.is_finite() || *n < 0.0 {
                return Err(format!("{n} is not an amount: it can't be negative"));
            }
            if *n > 1e12 {
                return Err(format!("{n} is too large"));
            }
            Value::Money((n * 100.0).round() as u64)
        }
        (AnswerKind::Money, RawValue::Text(t)) => {
            Value::Money(crate::engine::input::parse_money(t).map_err(|e| e.0)?)
        }
        (AnswerKind::Money, _) => return Err("takes an amount in dollars, like 450".into()),
        (AnswerKind::Number, RawValue::Number(n))
            if n.fract() == 0.0 && *n >= 0.0 && *n <= f64::from(u32::MAX) =>
        {
            Value::Number(*n as u32)
        }
        (AnswerKind::Number, _) => return Err("takes a whole number, like 2".into()),
        (AnswerKind::Text, RawValue::Text(t)) if !t.chars().any(char::is_control) => {
            Value::Text(t.clone())
        }
        (AnswerKind::Text, _) => return Err("takes a line of text".into()),
    };
    Ok(Slot::Known(value))
}
