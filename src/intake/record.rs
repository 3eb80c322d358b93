//! One client's intake: who (a name or an intake number), when, whether it is done,
//! the answers by fact name, and the volunteer's notes.
//!
//! Answers are kept by fact NAME, in the vocabulary of case files
//! (docs/case-files.md), not by the engine's indexes: a saved intake stays readable
//! when the content gains, reorders or drops questions. An answer the current content
//! cannot read (a fact it no longer has, a choice it no longer offers) is kept in the
//! record untouched and reported, never thrown away.

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::casefile::FileValue;
use crate::content::model::AnswerKind;
use crate::content::{Content, Lang, Section};
use crate::engine::facts::{Answers, FactId, Person, Slot, Value};
use crate::model::Source;

/// The intake file format this program writes. See docs/intake-files.md.
pub const FORMAT: u32 = 5;

/// How an answer of "I'm not sure" is written.
pub use crate::casefile::NOT_SURE;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Status {
    Open,
    Done,
}

impl Status {
    pub fn word(self) -> &'static str {
        match self {
            Status::Open => "open",
            Status::Done => "done",
        }
    }
}

/// One saved answer, as in a case file: `true`, `2`, `450.0`, `"convicted"`,
/// `"2019-03-15"`, or `"not_sure"`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Saved {
    Bool(bool),
    Whole(u64),
    Amount(f64),
    Text(String),
}

/// One entry on the client's record: its answers and the volunteer's note.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    #[serde(default)]
    pub facts: BTreeMap<String, Saved>,
    #[serde(default)]
    pub note: String,
    /// A further count of the case in the entry above: it holds what differs for this
    /// count (level, offense), and the case's facts stay with the case (format 4).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub further_count: bool,
    /// Where single answers came from, by fact name, as case files write it
    /// (`"rap sheet line 15"`); the others come from where the entry's answers do
    /// (format 5).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub sources: BTreeMap<String, String>,
}

/// One client's intake, as saved in one file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename = "Intake", deny_unknown_fields)]
pub struct Intake {
    /// The file format; see [`FORMAT`].
    pub format: u32,
    /// The version of clearpath that last saved the file.
    #[serde(default)]
    pub written_by: String,
    /// Time-based and random: unique across laptops. Also the file's name.
    pub id: String,
    /// The client's name, if the clinic records names.
    #[serde(default)]
    pub name: String,
    /// The clinic's intake number, if it uses numbers.
    #[serde(default)]
    pub number: String,
    /// The language the client reads, as a code (`"en"`, `"es"`): the client's
    /// printout is written in it. Files from before format 2 have none: English.
    #[serde(default, with = "language_code")]
    pub language: Lang,
    pub created: DateTime<FixedOffset>,
    pub updated: DateTime<FixedOffset>,
    /// How many times the file was saved. With `updated` it tells a desk whether the
    /// file is still the one it read: if not, another desk saved it meanwhile.
    /// Files from before format 3 have none: 0.
    #[serde(default)]
    pub revision: u64,
    /// When this is a conflict copy: the id of the intake it is a copy of, which
    /// another desk changed at the same time. Empty for an ordinary intake.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub conflict_of: String,
    pub status: Status,
    /// The volunteer's note about the client.
    #[serde(default)]
    pub note: String,
    /// Facts about the person, asked once.
    #[serde(default)]
    pub person: BTreeMap<String, Saved>,
    /// One per entry on the record, in order.
    #[serde(default)]
    pub entries: Vec<Entry>,
}

/// A client's name, number, notes and typed answers are wiped from memory, not only
/// forgotten, when an intake goes (closed, locked away, the list read again).
impl Drop for Intake {
    fn drop(&mut self) {
        use zeroize::Zeroize;
        self.name.zeroize();
        self.number.zeroize();
        self.note.zeroize();
        let facts = self
            .entries
            .iter_mut()
            .flat_map(|e| {
                e.note.zeroize();
                e.facts.values_mut()
            })
            .chain(self.person.values_mut());
        for saved in facts {
            if let Saved::Text(text) = saved {
                text.zeroize();
            }
        }
    }
}

/// An answer in the file the current content cannot use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unread {
    /// `None` for a fact about the person.
    pub entry: Option<usize>,
    pub fact: String,
    pub why: String,
}

impl std::fmt::Display for Unread {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.entry {
            None => write!(f, "person: \"{}\": {}", self.fact, self.why),
            Some(e) => write!(f, "entry {}: \"{}\": {}", e + 1, self.fact, self.why),
        }
    }
}

/// A new, time-based, random id such as `20261125-174607-3fa91c07d2`: sortable by
/// when it was made, and with 40 random bits so two laptops never make the same one.
pub fn new_id(now: DateTime<Utc>) -> String {
    let mut bytes = [0u8; 5];
    // Without the system's random source, the time's nanoseconds still differ.
    if getrandom::fill(&mut bytes).is_err() {
        let n = u64::from(now.timestamp_subsec_nanos()) ^ (u64::from(std::process::id()) << 30);
        bytes.copy_from_slice(&n.to_le_bytes()[..5]);
    }
    let random: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    format!("{}-{random}", now.format("%Y%m%d-%H%M%S"))
}

/// Whether an id is one this program could have made: safe as a file name.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && !id.starts_with('.')
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// The client's language in the file as its code, so that a person editing the file
/// by hand reads and writes `"es"`.
mod language_code {
    use serde::{Deserialize, Deserializer, Serializer, de::Error};

    use crate::content::Lang;

    pub fn serialize<S: Serializer>(lang: &Lang, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(lang.code())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Lang, D::Error> {
        let code = String::deserialize(deserializer)?;
        Lang::parse(&code).ok_or_else(|| {
            D::Error::custom(format!(
                "\"{}\" is not a language clearpath speaks: use \"en\" or \"es\"",
                crate::sanitize::flat(&code)
            ))
        })
    }
}

impl Intake {
    /// A new open intake with no answers, for a client who reads English. `name` or
    /// `number` may be empty, not both.
    pub fn new(name: &str, number: &str, now: DateTime<FixedOffset>) -> Result<Intake, String> {
        let name = one_line(name);
        let number = one_line(number);
        if name.is_empty() && number.is_empty() {
            return Err("Give a client name or an intake number.".into());
        }
        Ok(Intake {
            format: FORMAT,
            written_by: env!("CARGO_PKG_VERSION").into(),
            id: new_id(now.with_timezone(&Utc)),
            name,
            number,
            language: Lang::En,
            created: now,
            updated: now,
            revision: 0,
            conflict_of: String::new(),
            status: Status::Open,
            note: String::new(),
            person: BTreeMap::new(),
            entries: Vec::new(),
        })
    }

    /// How the client is named on screen and in exports: name, number, or both.
    pub fn label(&self) -> String {
        let (name, number) = (
            crate::sanitize::flat(&self.name),
            crate::sanitize::flat(&self.number),
        );
        match (name.is_empty(), number.is_empty()) {
            (false, false) => format!("{name} (#{number})"),
            (false, true) => name,
            (true, false) => format!("#{number}"),
            (true, true) => format!("intake {}", self.id),
        }
    }

    /// The day it was created, in the clinic's time.
    pub fn created_date(&self) -> NaiveDate {
        self.created.date_naive()
    }

    /// The answers, read through the content. Answers it cannot read are left out
    /// and listed.
    pub fn person(&self, content: &Content) -> (Person, Vec<Unread>) {
        let mut unread = Vec::new();
        let person = read_facts(content, &self.person, Section::Person, None, &mut unread);
        let mut out = Person::new(person, Vec::new());
        for (e, entry) in self.entries.iter().enumerate() {
            let mut facts = read_facts(content, &entry.facts, Section::Case, Some(e), &mut unread);
            read_sources(content, &entry.sources, &mut facts, e, &mut unread);
            out.push(facts, entry.further_count);
        }
        (out, unread)
    }

    /// Takes the answers from the interview: entries are matched by position (notes
    /// stay with their entry), answers the content knows are replaced, and answers it
    /// cannot read are kept as they are.
    pub fn record(&mut self, content: &Content, person: &Person) {
        write_facts(content, &mut self.person, &person.person, Section::Person);
        self.entries.resize_with(person.cases.len(), Entry::default);
        for (e, (entry, answers)) in self.entries.iter_mut().zip(&person.cases).enumerate() {
            write_facts(content, &mut entry.facts, answers, Section::Case);
            write_sources(content, &mut entry.sources, answers);
            entry.further_count = person.is_further_count(e);
        }
    }

    /// How many answers were given, "not sure" included.
    pub fn answer_count(&self) -> usize {
        self.person.len() + self.entries.iter().map(|e| e.facts.len()).sum::<usize>()
    }
}

/// Trims and removes control characters: a name or number is one line.
fn one_line(text: &str) -> String {
    crate::sanitize::flat(text).trim().to_string()
}

fn read_facts(
    content: &Content,
    saved: &BTreeMap<String, Saved>,
    section: Section,
    entry: Option<usize>,
    unread: &mut Vec<Unread>,
) -> Answers {
    let mut answers = Answers::new(content.facts.len());
    for (name, value) in saved {
        let mut skip = |why: String| {
            unread.push(Unread {
                entry,
                fact: name.clone(),
                why,
            })
        };
        let Some(id) = content.fact_id(name) else {
            skip("the current questions do not ask this".into());
            continue;
        };
        let fact = content.fact(id);
        if fact.section != section {
            skip(match fact.section {
                Section::Person => "this is asked about the person, not an entry".into(),
                Section::Case => "this is asked about each entry, not the person".into(),
            });
            continue;
        }
        match to_slot(&fact.kind, value) {
            Ok(slot) => answers.set(id, slot),
            Err(why) => skip(why),
        }
    }
    answers
}

/// Sets the sources saved for answers read; a source the program cannot read, or of
/// an answer not given, is listed and left in the file.
fn read_sources(
    content: &Content,
    saved: &BTreeMap<String, String>,
    answers: &mut Answers,
    entry: usize,
    unread: &mut Vec<Unread>,
) {
    for (name, words) in saved {
        let fact = content
            .fact_id(name)
            .filter(|f| answers.get(*f).is_answered());
        match (fact, Source::parse(words)) {
            (Some(fact), Some(source)) => answers.set_source(fact, Some(source)),
            (None, _) => {} // the answer itself is listed when it cannot be read
            (Some(_), None) => unread.push(Unread {
                entry: Some(entry),
                fact: name.clone(),
                why: format!(
                    "its source \"{}\" is not \"rap sheet line N\", \"court papers\", \"memory\" or \"not sure\"",
                    crate::sanitize::flat(words)
                ),
            }),
        }
    }
}

/// Writes the sources of the answers the content knows; those of facts it does not
/// know stay, as their answers do.
fn write_sources(content: &Content, saved: &mut BTreeMap<String, String>, answers: &Answers) {
    saved.retain(|name, _| content.fact_id(name).is_none());
    for (fact, source) in answers.sources() {
        saved.insert(content.fact(fact).name.clone(), source.to_string());
    }
}

fn write_facts(
    content: &Content,
    saved: &mut BTreeMap<String, Saved>,
    answers: &Answers,
    section: Section,
) {
    for id in content.facts_in(section) {
        let fact = content.fact(id);
        match answers.get(id) {
            Slot::Missing => {
                // An answer the content cannot read stays; one it can read but the
                // interview dropped (no longer on the person's path) goes.
                if saved
                    .get(&fact.name)
                    .is_some_and(|v| to_slot(&fact.kind, v).is_ok())
                {
                    saved.remove(&fact.name);
                }
            }
            slot => {
                saved.insert(fact.name.clone(), to_saved(content, id, slot));
            }
        }
    }
}

/// One answer as it is written in the file.
pub fn to_saved(content: &Content, fact: FactId, slot: &Slot) -> Saved {
    match slot {
        Slot::Missing | Slot::NotSure => Saved::Text(NOT_SURE.into()),
        Slot::Known(value) => match value {
            Value::Bool(b) => Saved::Bool(*b),
            Value::Choice(i) => Saved::Text(
                content
                    .fact(fact)
                    .choice_value(*i)
                    .unwrap_or_default()
                    .to_string(),
            ),
            Value::Date(d) => Saved::Text(d.to_string()),
            Value::Money(cents) => Saved::Amount(*cents as f64 / 100.0),
            Value::Number(n) => Saved::Whole(u64::from(*n)),
            Value::Text(t) => Saved::Text(t.clone()),
        },
    }
}

/// One saved answer read as the fact's kind of answer.
pub fn to_slot(kind: &AnswerKind, saved: &Saved) -> Result<Slot, String> {
    crate::casefile::to_slot(
        kind,
        match saved {
            Saved::Bool(b) => FileValue::Bool(*b),
            Saved::Whole(n) => FileValue::Number(*n as f64),
            Saved::Amount(n) => FileValue::Number(*n),
            Saved::Text(t) => FileValue::Text(t),
        },
    )
}
