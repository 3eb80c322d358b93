//! Case files: one person, their person-level facts and a list of cases, in RON or
//! JSON (one schema, documented in docs/case-files.md). The keys are the fact names of
//! the interview, so a case file and the interview speak the same vocabulary.

use std::borrow::Cow;
use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, Visitor};

use crate::content::model::AnswerKind;
use crate::content::{Content, Section};
use crate::engine::facts::{Answers, Person, Slot, Value};
use crate::engine::input::{InputError, MAX_MONTHS, parse_date};
use crate::engine::interview::{impossible, takes_counts};
use crate::model::{Lang, Source};
use crate::strings::Strings;

/// The largest case file read whole; more people belong in JSON Lines.
pub const MAX_FILE_BYTES: usize = 1 << 20;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCaseFile<'a> {
    /// An optional label echoed in the output, such as an intake number.
    #[serde(default)]
    id: Option<String>,
    #[serde(default, borrow)]
    person: RawFacts<'a>,
    #[serde(default, borrow)]
    cases: Vec<RawFacts<'a>>,
}

/// Facts by name, in file order. Names are borrowed from the input where they can be:
/// screening streams of people spends most of its time here.
#[derive(Debug, Default, Clone)]
struct RawFacts<'a>(Vec<(Cow<'a, str>, RawValue<'a>)>);

#[derive(Debug, Clone)]
enum RawValue<'a> {
    Bool(bool),
    Number(f64),
    Text(Cow<'a, str>),
    /// JSON `null`: not known.
    Null,
    /// A list: only `counts` takes one, of maps.
    List(Vec<RawValue<'a>>),
    /// A map: only as a count in `counts`.
    Map(RawFacts<'a>),
}

impl<'de: 'a, 'a> Deserialize<'de> for RawFacts<'a> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct FactsVisitor;
        impl<'de> Visitor<'de> for FactsVisitor {
            type Value = RawFacts<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a map of facts, like { \"outcome\": \"convicted\" }")
            }
            fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<Self::Value, M::Error> {
                // JSON gives no size; a case gives a dozen facts or more.
                let mut facts = Vec::with_capacity(map.size_hint().unwrap_or(16));
                while let Some(key) = map.next_key::<CowStr<'de>>()? {
                    facts.push((key.0, map.next_value::<RawValue<'de>>()?));
                }
                Ok(RawFacts(facts))
            }
        }
        d.deserialize_map(FactsVisitor)
    }
}

/// A string borrowed when the input allows it.
struct CowStr<'a>(Cow<'a, str>);

impl<'de: 'a, 'a> Deserialize<'de> for CowStr<'a> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct StrVisitor;
        impl<'de> Visitor<'de> for StrVisitor {
            type Value = CowStr<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a fact name")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
                Ok(CowStr(Cow::Borrowed(v)))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(CowStr(Cow::Owned(v.to_string())))
            }
        }
        d.deserialize_str(StrVisitor)
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for RawValue<'a> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct ValueVisitor;
        impl<'de> Visitor<'de> for ValueVisitor {
            type Value = RawValue<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("true, false, a number, text or null")
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> {
                Ok(RawValue::Bool(v))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
                Ok(RawValue::Number(v as f64))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
                Ok(RawValue::Number(v as f64))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
                Ok(RawValue::Number(v))
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
                Ok(RawValue::Text(Cow::Borrowed(v)))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(RawValue::Text(Cow::Owned(v.to_string())))
            }
            fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(RawValue::Null)
            }
            fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(RawValue::Null)
            }
            fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let mut items = Vec::new();
                while let Some(item) = seq.next_element::<RawValue<'de>>()? {
                    items.push(item);
                }
                Ok(RawValue::List(items))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut facts = Vec::with_capacity(map.size_hint().unwrap_or(4));
                while let Some(key) = map.next_key::<CowStr<'de>>()? {
                    facts.push((key.0, map.next_value::<RawValue<'de>>()?));
                }
                Ok(RawValue::Map(RawFacts(facts)))
            }
        }
        d.deserialize_any(ValueVisitor)
    }
}

/// A parsed case file. Where each entry's answers came from, as the file says
/// (`"sources"`), is kept with the answers ([`Answers::source`]).
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

/// A file over the limit, with its size when it is known (a pipe's is not: only that
/// it went past the limit).
pub fn too_large(size: Option<u64>, limit: usize) -> CaseFileError {
    let size = match size {
        Some(n) => format!("{n} bytes"),
        None => format!("more than {limit} bytes"),
    };
    CaseFileError::new(format!(
        "is too large ({size}; a case file may be at most {limit} bytes). For many people, use JSON Lines (.jsonl), one person per line"
    ))
}

/// Checks raw bytes before parsing: not empty, text, not too large. `bytes` may hold
/// one byte past the limit, read to learn that there was more. A leading UTF-8
/// byte-order mark, which some editors write, is dropped.
pub fn check_bytes(bytes: &[u8], limit: usize) -> Result<&str, CaseFileError> {
    if bytes.len() > limit {
        return Err(too_large(None, limit));
    }
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
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
            message: e
                .to_string()
                .split(" at line ")
                .next()
                .unwrap_or_default()
                .to_string(),
        })?,
        Syntax::Ron => ron::Options::default()
            .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
            .from_str(text)
            .map_err(|e| CaseFileError {
                line: Some((e.span.start.line, e.span.start.col)),
                message: e.code.to_string(),
            })?,
    };
    let person = facts(content, &raw.person, Section::Person, Place::Person)?;
    let mut person = Person::new(person, Vec::new());
    let mut places = Vec::new();
    for (i, case) in raw.cases.iter().enumerate() {
        let place = Place::Case(i + 1);
        let (first, counts, first_sources) = split_counts(case, place)?;
        let mut first = facts(content, &first, Section::Case, place)?;
        settle(content, &mut first, None, place)?;
        sources_of(content, first_sources, &mut first, place)?;
        let further: Vec<Answers> = counts
            .iter()
            .enumerate()
            .map(|(c, count)| {
                let place = Place::Count(i + 1, c + 2);
                let (count, count_sources) = without_sources(count);
                let mut answers = count_facts(content, &count, &first, place)?;
                settle(content, &mut answers, Some(&content.count_facts), place)?;
                sources_of(content, count_sources, &mut answers, place)?;
                Ok(answers)
            })
            .collect::<Result<_, _>>()?;
        person.push(first, false);
        places.push(place);
        for (c, count) in further.into_iter().enumerate() {
            person.push(count, true);
            places.push(Place::Count(i + 1, c + 2));
        }
    }
    for (place, e) in places.iter().zip(0..) {
        if matches!(place, Place::Case(_))
            && person.counts_of(e).len() > 1
            && !takes_counts(content, &person, e, content.law_checked)
        {
            return Err(CaseFileError::new(format!(
                "{place}: only a conviction holds several counts (\"{COUNTS}\")"
            )));
        }
    }
    let resolved = person.resolved(&content.count_facts);
    for (place, case) in places.iter().zip(&resolved.cases) {
        if let Some(&rule) = impossible(content, &resolved, case, content.law_checked).first() {
            return Err(CaseFileError::new(format!(
                "{place}: {}",
                content.impossible[rule].reason
            )));
        }
    }
    Ok(CaseFile { id: raw.id, person })
}

/// Adds the answers an entry's code section gives (`code_section`, looked up in the
/// table), among `only` for a further count. An answer the file gives too must agree.
fn settle(
    content: &Content,
    answers: &mut Answers,
    only: Option<&crate::model::FactSet>,
    place: Place,
) -> Result<(), CaseFileError> {
    let Some(code) = content.sections.fact else {
        return Ok(());
    };
    let section = match answers.get(code) {
        Slot::Known(Value::Text(typed)) => content.sections.find(typed),
        _ => None,
    };
    let Some(section) = section else {
        return Ok(());
    };
    for (fact, slot) in &section.settles {
        if only.is_some_and(|facts| !facts.contains(*fact)) {
            continue;
        }
        match answers.get(*fact) {
            Slot::Missing | Slot::NotSure => answers.set(*fact, slot.clone()),
            given if given == slot => {}
            given => {
                return Err(CaseFileError::new(format!(
                    "{place}: \"{}\" is {}, but {} ({}) makes it {}",
                    content.fact(*fact).name,
                    crate::report::answer_text(content, *fact, given),
                    section.code,
                    section.name,
                    crate::report::answer_text(content, *fact, slot),
                )));
            }
        }
    }
    Ok(())
}

/// A case's own facts, its further counts from `"counts"` (a list of maps, each
/// holding what differs for that count) and its `"sources"`.
#[allow(clippy::type_complexity)]
fn split_counts<'r, 'a>(
    case: &'r RawFacts<'a>,
    place: Place,
) -> Result<
    (
        RawFacts<'a>,
        Vec<&'r RawFacts<'a>>,
        Option<&'r RawValue<'a>>,
    ),
    CaseFileError,
> {
    let mut own = Vec::new();
    let mut counts = Vec::new();
    let mut sources = None;
    for (name, value) in &case.0 {
        if name == SOURCES {
            sources = Some(value);
            continue;
        }
        if name != COUNTS {
            own.push((name.clone(), value.clone()));
            continue;
        }
        let RawValue::List(items) = value else {
            return Err(CaseFileError::new(format!(
                "{place}: \"{COUNTS}\" is a list of counts, like [{{ \"level\": \"felony\" }}]"
            )));
        };
        for item in items {
            let RawValue::Map(facts) = item else {
                return Err(CaseFileError::new(format!(
                    "{place}: each of \"{COUNTS}\" is a map of facts, like {{ \"level\": \"felony\" }}"
                )));
            };
            counts.push(facts);
        }
    }
    Ok((RawFacts(own), counts, sources))
}

/// A count's facts, and its `"sources"`.
fn without_sources<'r, 'a>(count: &'r RawFacts<'a>) -> (RawFacts<'a>, Option<&'r RawValue<'a>>) {
    let mut own = Vec::new();
    let mut sources = None;
    for (name, value) in &count.0 {
        if name == SOURCES {
            sources = Some(value);
        } else {
            own.push((name.clone(), value.clone()));
        }
    }
    (RawFacts(own), sources)
}

/// Reads `"sources"` into `answers`: a map from a fact this entry answers to where
/// the answer came from, as [`Source`] writes it.
fn sources_of(
    content: &Content,
    raw: Option<&RawValue>,
    answers: &mut Answers,
    place: Place,
) -> Result<(), CaseFileError> {
    let Some(raw) = raw else {
        return Ok(());
    };
    let RawValue::Map(map) = raw else {
        return Err(CaseFileError::new(format!(
            "{place}: \"{SOURCES}\" is a map from a fact to where its answer came from, like {{ \"county\": \"court papers\" }}"
        )));
    };
    for (name, value) in &map.0 {
        let id = content
            .fact_id(name)
            .filter(|id| answers.get(*id) != &Slot::Missing)
            .ok_or_else(|| {
                CaseFileError::new(format!(
                    "{place}: \"{SOURCES}\" names \"{name}\", which this entry does not answer"
                ))
            })?;
        let source = match value {
            RawValue::Text(text) => Source::parse(text),
            _ => None,
        };
        let Some(source) = source else {
            return Err(CaseFileError::new(format!(
                "{place}: the source of \"{name}\" is \"rap sheet line N\", \"court papers\", \"memory\" or \"not sure\""
            )));
        };
        if answers.source(id).is_some() {
            return Err(CaseFileError::new(format!(
                "{place}: the source of \"{name}\" is given twice"
            )));
        }
        answers.set_source(id, Some(source));
    }
    Ok(())
}

/// A further count's facts: those that differ per count, and any its case leaves
/// unanswered. A fact of the case given again is refused, since only one can count.
fn count_facts(
    content: &Content,
    raw: &RawFacts,
    case: &Answers,
    place: Place,
) -> Result<Answers, CaseFileError> {
    if content.counts_when.is_none() {
        return Err(CaseFileError::new(format!(
            "{place}: these rules do not take several counts in a case"
        )));
    }
    let answers = facts(content, raw, Section::Case, place)?;
    if let Some((fact, _)) = answers
        .answered()
        .find(|(f, _)| !content.count_facts.contains(*f) && case.get(*f).is_answered())
    {
        return Err(CaseFileError::new(format!(
            "{place}: \"{}\" is the case's, given once for all its counts",
            content.fact(fact).name
        )));
    }
    Ok(answers)
}

fn facts(
    content: &Content,
    raw: &RawFacts,
    section: Section,
    place: Place,
) -> Result<Answers, CaseFileError> {
    let mut answers = Answers::new(content.facts.len());
    let mut given = crate::model::FactSet::default();
    for (name, value) in &raw.0 {
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
        if given.contains(id) {
            return Err(CaseFileError::new(format!(
                "{place}: \"{name}\" is given twice"
            )));
        }
        given.insert(id);
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
            .and_then(|s| crate::engine::input::canonical(content, id, s).map_err(|e| in_words(&e)))
            .map_err(|why| CaseFileError::new(format!("{place}: \"{name}\": {why}")))?;
        answers.set(id, slot);
    }
    Ok(answers)
}

/// Where in the file a fact is, for messages.
#[derive(Clone, Copy)]
enum Place {
    Person,
    Case(usize),
    /// A case, and a count in it, each counted from 1.
    Count(usize, usize),
}

/// The key of a case's further counts in a case file.
pub const COUNTS: &str = "counts";

/// The key of where an entry's answers came from in a case file.
pub const SOURCES: &str = "sources";

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            Place::Person => f.write_str("person"),
            Place::Case(n) => write!(f, "case {n}"),
            Place::Count(n, c) => write!(f, "case {n}, count {c}"),
        }
    }
}

fn slot(kind: &AnswerKind, value: &RawValue) -> Result<Slot, String> {
    to_slot(
        kind,
        match value {
            RawValue::Bool(b) => FileValue::Bool(*b),
            RawValue::Number(n) => FileValue::Number(*n),
            RawValue::Text(t) => FileValue::Text(t),
            RawValue::Null => FileValue::NotSure,
            RawValue::List(_) => FileValue::Other("a list"),
            RawValue::Map(_) => FileValue::Other("a map"),
        },
    )
}

/// The word case files and intake files use for an answer not known.
pub const NOT_SURE: &str = "not_sure";

/// One answer as a file holds it, case file or intake file alike.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum FileValue<'a> {
    Bool(bool),
    Number(f64),
    Text(&'a str),
    /// `null`: not known.
    NotSure,
    /// Anything else (a list, a map): always refused.
    Other(&'a str),
}

/// One answer from a file read as the fact's kind of answer, or why it cannot be.
pub fn to_slot(kind: &AnswerKind, value: FileValue) -> Result<Slot, String> {
    if matches!(value, FileValue::NotSure | FileValue::Text(NOT_SURE)) {
        return Ok(Slot::NotSure);
    }
    if let FileValue::Other(what) = value {
        return Err(format!("is {what}; a fact takes one value"));
    }
    let value = match (kind, value) {
        (AnswerKind::YesNo, FileValue::Bool(b)) => Value::Bool(b),
        (AnswerKind::YesNo, _) => return Err("takes true or false".into()),
        (AnswerKind::Choice(choices), value) => {
            let names = || {
                let names: Vec<&str> = choices.iter().map(|(v, _)| v.as_str()).collect();
                names.join(", ")
            };
            let FileValue::Text(t) = value else {
                return Err(format!("takes one of: {}", names()));
            };
            match choices.iter().position(|(v, _)| v == t) {
                Some(i) => Value::Choice(i as u16),
                None => {
                    let t = crate::sanitize::flat(t);
                    return Err(format!("\"{t}\" is not one of: {}", names()));
                }
            }
        }
        (AnswerKind::Date, FileValue::Text(t)) => {
            Value::Date(parse_date(t).map_err(|e| in_words(&e))?)
        }
        (AnswerKind::Date, _) => return Err("takes a date as text, like \"2019-03-15\"".into()),
        (AnswerKind::Money, FileValue::Number(n)) => {
            if !n.is_finite() || n < 0.0 {
                return Err(format!("{n} is not an amount: it can't be negative"));
            }
            if n > 1e12 {
                return Err(format!("{n} is too large"));
            }
            Value::Money((n * 100.0).round() as u64)
        }
        (AnswerKind::Money, FileValue::Text(t)) => {
            Value::Money(crate::engine::input::parse_money(t).map_err(|e| in_words(&e))?)
        }
        (AnswerKind::Money, _) => return Err("takes an amount in dollars, like 450".into()),
        (AnswerKind::Number, FileValue::Number(n))
            if n.fract() == 0.0 && n >= 0.0 && n <= f64::from(u32::MAX) =>
        {
            Value::Number(n as u32)
        }
        (AnswerKind::Number, _) => return Err("takes a whole number, like 2".into()),
        (AnswerKind::Months, FileValue::Number(n))
            if n.fract() == 0.0 && (1.0..=f64::from(MAX_MONTHS)).contains(&n) =>
        {
            Value::Number(n as u32)
        }
        (AnswerKind::Months, FileValue::Text(t)) => {
            Value::Number(crate::engine::input::parse_months(t).map_err(|e| in_words(&e))?)
        }
        (AnswerKind::Months, _) => {
            return Err(format!(
                "takes a number of months from 1 to {MAX_MONTHS}, like 36, or text like \"3 years\""
            ));
        }
        // On screen and in printouts an answer is one line without control
        // characters, as when it is typed.
        (AnswerKind::Text, FileValue::Text(t)) if t.chars().any(crate::sanitize::is_unsafe) => {
            return Err("holds control characters; type it again".into());
        }
        (AnswerKind::Text, FileValue::Text(t)) => Value::Text(t.to_string()),
        (AnswerKind::Text, _) => return Err("takes a line of text".into()),
    };
    Ok(Slot::Known(value))
}

/// A value a case file gives that is not an answer, said in English as messages
/// about files are.
pub(crate) fn in_words(e: &InputError) -> String {
    match e {
        // A file is told what to write, where a person is told what to choose.
        InputError::NotACounty { typed, nearest } if nearest.is_empty() => format!(
            "\"{typed}\" is not a California county: give the county's name, like \"Fresno\". \
             A case in another state, or in a federal or military court, is not a California \
             case: give it \"{NOT_SURE}\" here and \"outcome\": \"not_california\""
        ),
        _ => Strings::get(Lang::En).refusal(e),
    }
}
