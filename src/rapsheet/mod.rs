//! Reading a California RAP sheet (the DOJ criminal history, as text or as a PDF
//! with text) into a case file: one entry per court case, each fact with the sheet's
//! lines it was read from, and a note, with its line, on everything left unread or
//! open. The layout is described in docs/rap-sheets.md; nothing is guessed: a fact
//! the sheet does not tell cleanly stays unanswered, so the interview asks it.

mod charge;
mod clean;
mod entry;
pub mod file;
mod line;
pub mod pdf;
mod sentence;
mod sheet;

use serde::Serialize;
use serde::ser::{SerializeMap, SerializeStruct, Serializer};

use crate::content::Content;
use crate::model::Source;
use crate::strings::Strings;

/// What a RAP sheet gave.
#[derive(Debug, Default)]
pub struct Reading {
    pub entries: Vec<Entry>,
    /// In line order.
    pub notes: Vec<Note>,
}

/// One entry: its facts (the first count's, for a conviction) and its further counts.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Entry {
    pub facts: Vec<Fact>,
    pub counts: Vec<Vec<Fact>>,
}

/// A fact read from the sheet: its name in the interview, its value, and its lines.
#[derive(Debug, Clone, PartialEq)]
pub struct Fact {
    pub name: &'static str,
    pub value: FactValue,
    pub lines: Vec<u32>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum FactValue {
    Text(String),
    Bool(bool),
    Number(u32),
}

/// Something on a line the reader could not use, or a fact it leaves to the interview.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    /// Counted from 1; 0 for the sheet as a whole.
    pub line: u32,
    pub message: String,
}

/// Reads a RAP sheet's text.
pub fn read(content: &Content, text: &str) -> Reading {
    let lines: Vec<String> = text.lines().map(clean::clean).collect();
    let words = Strings::get(content.lang);
    let sheet = sheet::Sheet::read(&lines, content.lang);
    let (mut entries, mut notes) = entry::entries(content, &sheet);
    if sheet.cycles.is_empty() {
        notes.push(Note {
            line: 0,
            message: words.sheet_note_no_cycle.clone(),
        });
    } else if entries.is_empty() {
        notes.push(Note {
            line: 0,
            message: words.sheet_note_no_case.clone(),
        });
    }
    notes.extend(sheet.notes);
    notes.sort_by_key(|n| n.line);
    for entry in &mut entries {
        in_interview_order(content, &mut entry.facts);
        for count in &mut entry.counts {
            in_interview_order(content, count);
        }
    }
    Reading { entries, notes }
}

fn in_interview_order(content: &Content, facts: &mut [Fact]) {
    facts.sort_by_key(|f| content.fact_id(f.name));
}

impl Reading {
    /// The case file, in RON or JSON (docs/case-files.md), with each entry's sources.
    pub fn case_file(&self, json: bool) -> String {
        let file = CaseFileOut(&self.entries);
        if json {
            let mut text = serde_json::to_string_pretty(&file).expect("a case file serializes");
            text.push('\n');
            text
        } else {
            let pretty = ron::ser::PrettyConfig::new().indentor("    ");
            let mut text =
                ron::ser::to_string_pretty(&file, pretty).expect("a case file serializes");
            text.push('\n');
            text
        }
    }
}

struct CaseFileOut<'r>(&'r [Entry]);

impl Serialize for CaseFileOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let cases: Vec<FactsOut> = self
            .0
            .iter()
            .map(|e| FactsOut {
                facts: &e.facts,
                counts: &e.counts,
            })
            .collect();
        let mut file = s.serialize_struct("CaseFile", 1)?;
        file.serialize_field("cases", &cases)?;
        file.end()
    }
}

/// A map of facts, then its further counts and the sources of its answers.
struct FactsOut<'r> {
    facts: &'r [Fact],
    counts: &'r [Vec<Fact>],
}

impl Serialize for FactsOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(None)?;
        for fact in self.facts {
            map.serialize_entry(fact.name, &fact.value)?;
        }
        if !self.counts.is_empty() {
            let counts: Vec<FactsOut> = self
                .counts
                .iter()
                .map(|facts| FactsOut { facts, counts: &[] })
                .collect();
            map.serialize_entry(crate::casefile::COUNTS, &counts)?;
        }
        if !self.facts.is_empty() {
            map.serialize_entry(crate::casefile::SOURCES, &SourcesOut(self.facts))?;
        }
        map.end()
    }
}

struct SourcesOut<'r>(&'r [Fact]);

impl Serialize for SourcesOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for fact in self.0 {
            let source = Source::RapSheet(fact.lines.clone());
            map.serialize_entry(fact.name, &source.to_string())?;
        }
        map.end()
    }
}

impl Serialize for FactValue {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            FactValue::Text(t) => s.serialize_str(t),
            FactValue::Bool(b) => s.serialize_bool(*b),
            FactValue::Number(n) => s.serialize_u32(*n),
        }
    }
}
