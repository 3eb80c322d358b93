//! The content: the interview and the rules, read from RON and compiled into indexed
//! form for the engine. Compiling resolves every name, so a typo is reported with
//! its file and line instead of quietly never matching.

mod compile;
pub mod counties;
pub mod graph;
pub mod lang;
pub mod mark;
pub mod model;
pub mod sections;
pub mod source;

use chrono::NaiveDate;
use ron::extensions::Extensions;
use serde::de::DeserializeOwned;

use crate::model::{Cond, FactId, FactSet};
pub use lang::Lang;
use mark::Mark;
use model::{AnswerKind, Guidance, Interview, Meta};
pub use source::{Problem, Sources};

/// The fact an entry's answers say where they came from by: `rap_sheet`,
/// `court_papers` or `memory` ([`crate::model::Source::of_choice`]), or not sure.
pub const ANSWERS_FROM: &str = "answers_from";

/// Which part of the interview a question or fact belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Section {
    Person,
    Case,
}

#[derive(Debug, Clone)]
pub struct Fact {
    pub name: String,
    pub section: Section,
    pub kind: AnswerKind,
    /// The first question that sets it.
    pub question: usize,
}

impl Fact {
    pub fn choice_index(&self, value: &str) -> Option<u16> {
        match &self.kind {
            AnswerKind::Choice(choices) => choices
                .iter()
                .position(|(v, _)| v == value)
                .map(|i| i as u16),
            _ => None,
        }
    }

    pub fn choice_value(&self, index: u16) -> Option<&str> {
        match &self.kind {
            AnswerKind::Choice(choices) => choices.get(index as usize).map(|(v, _)| v.as_str()),
            _ => None,
        }
    }

    pub fn choice_label(&self, index: u16) -> Option<&str> {
        match &self.kind {
            AnswerKind::Choice(choices) => choices.get(index as usize).map(|(_, l)| l.as_str()),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Question(usize),
    End,
}

#[derive(Debug, Clone)]
pub struct QuestionDef {
    pub source: model::Question,
    pub section: Section,
    pub fact: FactId,
    /// `None` is `Otherwise`.
    pub next: Vec<(Option<Cond>, Target)>,
    /// The entries' answers that settle this person fact as yes.
    pub implied_by: Option<Cond>,
}

/// Answers that cannot be true together (see [`model::Impossible`]).
#[derive(Debug, Clone)]
pub struct ImpossibleDef {
    pub when: Cond,
    pub reason: String,
}

#[derive(Debug, Clone)]
pub struct RemedyDef {
    pub source: model::Remedy,
    pub step: usize,
    pub applies: Cond,
    pub outcomes: Vec<Cond>,
    pub caveats: Vec<usize>,
}

#[derive(Debug, Clone)]
pub struct CaveatDef {
    pub source: model::Caveat,
    pub when: Option<Cond>,
}

/// The filing worksheet's facts, with the place of each remedy on it.
#[derive(Debug, Clone)]
pub struct FilingDef {
    pub source: model::Filing,
    /// For each remedy, in the order of [`Content::remedies`], where it is filed.
    pub place: Vec<FiledAt>,
}

/// Where a remedy is filed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FiledAt {
    /// On a petition (its place in [`model::Filing::petitions`]) in the court of the
    /// case's county.
    Petition(usize),
    /// Somewhere else, which the remedy's `file_with` names.
    Elsewhere,
    /// Nowhere: it has no form (relief the Department of Justice grants by itself).
    Nowhere,
}

#[derive(Debug, Clone)]
pub struct ReferralDef {
    pub source: model::Referral,
    pub when: Cond,
}

/// Everything the engine needs, compiled.
#[derive(Debug, Clone)]
pub struct Content {
    pub meta: Meta,
    pub law_checked: NaiveDate,
    pub facts: Vec<Fact>,
    pub questions: Vec<QuestionDef>,
    pub person_start: usize,
    pub case_start: usize,
    pub remedies: Vec<RemedyDef>,
    pub caveats: Vec<CaveatDef>,
    pub steps: Vec<model::Step>,
    pub referrals: Vec<ReferralDef>,
    pub free_help: String,
    pub faq: Vec<model::Faq>,
    /// The filing worksheet's facts; `None` when the content has none.
    pub filing: Option<FilingDef>,
    pub entry_label: Vec<FactId>,
    pub impossible: Vec<ImpossibleDef>,
    /// When a case can hold more than one count; `None` when the content has no counts.
    pub counts_when: Option<Cond>,
    /// How long probation runs, when the content says (`probation_term`).
    pub probation: Option<std::sync::Arc<crate::model::ProbationRule>>,
    /// The facts each count answers for itself (level, offense); the rest are its case's.
    pub count_facts: FactSet,
    /// For each question, about how many questions remain in its section from it on:
    /// halfway between the shortest and the longest way to the end.
    pub remaining: Vec<usize>,
    /// The facts asked once about the person.
    pub person_facts: FactSet,
    /// The language the texts were read in.
    pub lang: Lang,
    /// The code sections a person may type, and what each settles.
    pub sections: sections::SectionTable,
    /// The counties the county question takes.
    pub counties: counties::CountyTable,
    /// Each fact by its name: case files look up every fact they give, some forty a
    /// person, and a binary search of the names took a sixth of bulk screening's time.
    /// Fx hashing, not the default SipHash: that guards a table that takes in keys
    /// chosen to collide, and this one only holds clearpath's own names.
    fact_index: rustc_hash::FxHashMap<String, FactId>,
    /// Per file, the ids (and other named values) read, with their marks.
    pub(crate) named: Vec<Vec<(String, Mark)>>,
    /// The named conditions no rule uses, with where each is defined.
    pub(crate) unused_conditions: Vec<(String, Mark)>,
}

impl Content {
    /// The content built into the binary.
    pub fn built_in() -> Result<Self, Vec<Problem>> {
        load(&Sources::built_in())
    }

    /// The same content with its texts in another language. Facts, questions and rules
    /// are identical, so answers given in one carry over to the other.
    pub fn built_in_in(lang: Lang) -> Result<Self, Vec<Problem>> {
        load_in(&Sources::built_in(), lang)
    }

    pub fn fact(&self, id: FactId) -> &Fact {
        &self.facts[id.0 as usize]
    }

    pub fn fact_id(&self, name: &str) -> Option<FactId> {
        self.fact_index.get(name).copied()
    }

    pub fn remedy_index(&self, id: &str) -> Option<usize> {
        self.remedies.iter().position(|r| r.source.id == id)
    }

    pub fn question_index(&self, id: &str) -> Option<usize> {
        self.questions.iter().position(|q| q.source.id == id)
    }

    /// Where an entry's answers came from, as the person said once for the entry (the
    /// question [`ANSWERS_FROM`]); `None` when they did not say.
    pub fn entry_source(&self, answers: &crate::model::Answers) -> Option<crate::model::Source> {
        use crate::model::{Slot, Source, Value};
        let fact = self.fact_id(ANSWERS_FROM)?;
        match answers.get(fact) {
            Slot::NotSure => Some(Source::NotSure),
            Slot::Known(Value::Choice(i)) => Source::of_choice(self.fact(fact).choice_value(*i)?),
            _ => None,
        }
    }

    /// Where one answer of an entry came from: its own source (a RAP sheet's line, or
    /// one changed in the review), else the entry's. `answers` are the entry's as the
    /// rules read them, a further count's with its case's.
    pub fn answer_source(
        &self,
        answers: &crate::model::Answers,
        fact: FactId,
    ) -> Option<crate::model::Source> {
        if !answers.get(fact).is_answered() || Some(fact) == self.fact_id(ANSWERS_FROM) {
            return None;
        }
        // An answer the code section gives comes from where the code section came from.
        if let Some(section) = self.sections.fact.filter(|s| *s != fact)
            && (self.sections.settles(answers.get(section)).iter()).any(|(f, _)| *f == fact)
        {
            return self.answer_source(answers, section);
        }
        answers
            .source(fact)
            .cloned()
            .or_else(|| self.entry_source(answers))
    }

    /// The question that asks for a fact, as a person would recognise it.
    pub fn fact_question(&self, fact: FactId) -> &model::Question {
        &self.questions[self.fact(fact).question].source
    }

    pub fn facts_in(&self, section: Section) -> impl Iterator<Item = FactId> + '_ {
        self.facts
            .iter()
            .enumerate()
            .filter(move |(_, f)| f.section == section)
            .map(|(i, _)| FactId(i as u16))
    }

    /// Where the item with this id is defined in a content file (its first definition).
    pub(crate) fn mark_of(&self, file: usize, id: &str) -> Option<Mark> {
        mark::find(&self.named[file], id, 0)
    }
}

pub(crate) const META: usize = 0;
pub(crate) const INTERVIEW: usize = 1;
pub(crate) const REMEDIES: usize = 2;
pub(crate) const CAVEATS: usize = 3;
pub(crate) const GUIDANCE: usize = 4;
pub(crate) const CONDITIONS: usize = 5;
pub(crate) const SECTIONS: usize = 6;
pub(crate) const COUNTIES: usize = 7;

/// One content file, read.
pub(crate) struct Read<T> {
    pub value: Option<T>,
    /// The English texts that have no translation into the language read in.
    pub missing: Vec<(String, Mark)>,
    /// Ids and other named values, with their marks.
    pub named: Vec<(String, Mark)>,
}

fn options() -> ron::Options {
    ron::Options::default().with_default_extension(Extensions::IMPLICIT_SOME)
}

/// Parses one content file with its texts in `lang`.
pub(crate) fn parse_in<T: DeserializeOwned>(
    sources: &Sources,
    file: usize,
    lang: Lang,
    problems: &mut Vec<Problem>,
) -> Read<T> {
    let text = sources.text(file);
    if text.trim().is_empty() {
        problems.push(sources.problem_at(file, 0, "the file is empty"));
        return Read {
            value: None,
            missing: Vec::new(),
            named: Vec::new(),
        };
    }
    let ((parsed, missing), named) = mark::reading(None, || {
        lang::reading_in(lang, || options().from_str::<T>(text))
    });
    let value = match parsed {
        Ok(v) => Some(v),
        Err(e) => {
            problems.push(sources.problem_at_line(
                file,
                e.span.start.line,
                e.span.start.col,
                e.code.to_string(),
            ));
            None
        }
    };
    Read {
        value,
        missing,
        named,
    }
}

/// Where the RON parser finds the value with this mark: the file is read again and
/// fails there on purpose.
fn locate(sources: &Sources, file: usize, at: Mark) -> Option<(usize, usize)> {
    fn probe<T: DeserializeOwned>(text: &str, at: Mark) -> Option<(usize, usize)> {
        let (parsed, _) = mark::reading(Some(at), || options().from_str::<T>(text));
        match parsed {
            Err(e) if e.code == ron::Error::Message(mark::PROBE.to_string()) => {
                Some((e.span.end.line, e.span.end.col))
            }
            _ => None,
        }
    }
    let text = sources.text(file);
    match file {
        META => probe::<Meta>(text, at),
        INTERVIEW => probe::<Interview>(text, at),
        REMEDIES => probe::<Vec<model::Remedy>>(text, at),
        CAVEATS => probe::<Vec<model::Caveat>>(text, at),
        GUIDANCE => probe::<Guidance>(text, at),
        CONDITIONS => probe::<model::NamedConditions>(text, at),
        SECTIONS => probe::<model::Sections>(text, at),
        COUNTIES => probe::<model::Counties>(text, at),
        _ => None,
    }
}

/// A problem at a marked value of a file (the file's start when not found).
pub(crate) fn problem_at_mark(
    sources: &Sources,
    file: usize,
    at: Option<Mark>,
    message: impl Into<String>,
) -> Problem {
    match at.and_then(|m| locate(sources, file, m)) {
        Some((line, col)) => sources.problem_at_line(file, line, col, message),
        None => sources.problem_at(file, 0, message),
    }
}

/// Parses and compiles the content in English, collecting every problem found.
pub fn load(sources: &Sources) -> Result<Content, Vec<Problem>> {
    load_in(sources, Lang::En)
}

/// Parses and compiles the content with its texts in `lang` (English where a text has
/// no translation), collecting every problem found.
pub fn load_in(sources: &Sources, lang: Lang) -> Result<Content, Vec<Problem>> {
    let mut problems = Vec::new();
    let meta: Read<Meta> = parse_in(sources, META, lang, &mut problems);
    let interview: Read<Interview> = parse_in(sources, INTERVIEW, lang, &mut problems);
    let remedies: Read<Vec<model::Remedy>> = parse_in(sources, REMEDIES, lang, &mut problems);
    let caveats: Read<Vec<model::Caveat>> = parse_in(sources, CAVEATS, lang, &mut problems);
    let guidance: Read<Guidance> = parse_in(sources, GUIDANCE, lang, &mut problems);
    let conditions: Read<model::NamedConditions> =
        parse_in(sources, CONDITIONS, lang, &mut problems);
    let sections: Read<model::Sections> = parse_in(sources, SECTIONS, lang, &mut problems);
    let counties: Read<model::Counties> = parse_in(sources, COUNTIES, lang, &mut problems);
    let named = vec![
        meta.named,
        interview.named,
        remedies.named,
        caveats.named,
        guidance.named,
        conditions.named,
        sections.named,
        counties.named,
    ];
    let (
        Some(meta),
        Some(interview),
        Some(remedies),
        Some(caveats),
        Some(guidance),
        Some(conditions),
        Some(sections),
        Some(counties),
    ) = (
        meta.value,
        interview.value,
        remedies.value,
        caveats.value,
        guidance.value,
        conditions.value,
        sections.value,
        counties.value,
    )
    else {
        return Err(problems);
    };
    let mut c = compile::Compiler::new(sources, problems, named, conditions);
    let tables = (&sections, &counties);
    let content = c.compile(meta, interview, remedies, caveats, guidance, tables);
    match content {
        Some(mut content) if c.problems.is_empty() => {
            content.lang = lang;
            content.remaining = graph::remaining_bounds(&content)
                .into_iter()
                .map(|(lo, hi)| (lo + hi).div_ceil(2))
                .collect();
            for f in content.facts_in(Section::Person).collect::<Vec<_>>() {
                content.person_facts.insert(f);
            }
            Ok(content)
        }
        _ => {
            // A named condition used in several rules has its problem once.
            let mut once: Vec<Problem> = Vec::new();
            for p in c.problems {
                if !once.contains(&p) {
                    once.push(p);
                }
            }
            Err(once)
        }
    }
}
