//! The content: the interview and the rules, read from RON and compiled into indexed
//! form for the engine. Compiling resolves every name, so a typo is reported with
//! its file and line instead of quietly never matching.

pub mod graph;
pub mod lang;
pub mod model;
pub mod source;

use std::collections::HashMap;

use chrono::NaiveDate;
use ron::extensions::Extensions;
use serde::de::DeserializeOwned;

use crate::model::{Cond, FactId, FactSet, MAX_FACTS};
pub use lang::Lang;
use model::{AnswerKind, Guidance, Interview, Meta, Next};
pub use source::{Problem, Sources};

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
    pub entry_label: Vec<FactId>,
    /// For each question, about how many questions remain in its section from it on:
    /// halfway between the shortest and the longest way to the end.
    pub remaining: Vec<usize>,
    /// The facts asked once about the person.
    pub person_facts: FactSet,
    /// The language the texts were read in.
    pub lang: Lang,
    fact_index: HashMap<String, FactId>,
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
}

const META: usize = 0;
const INTERVIEW: usize = 1;
const REMEDIES: usize = 2;
const CAVEATS: usize = 3;
const GUIDANCE: usize = 4;

/// Parses one content file with its texts in `lang`, and returns the English texts
/// that have no translation into it.
pub(crate) fn parse_in<T: DeserializeOwned>(
    sources: &Sources,
    file: usize,
    lang: Lang,
    problems: &mut Vec<Problem>,
) -> (Option<T>, Vec<String>) {
    let options = ron::Options::default().with_default_extension(Extensions::IMPLICIT_SOME);
    let text = sources.text(file);
    if text.trim().is_empty() {
        problems.push(sources.problem_at(file, 0, "the file is empty"));
        return (None, Vec::new());
    }
    let (parsed, missing) = lang::reading_in(lang, || options.from_str::<T>(text));
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
    (value, missing)
}

/// Parses and compiles the content in English, collecting every problem found.
pub fn load(sources: &Sources) -> Result<Content, Vec<Problem>> {
    load_in(sources, Lang::En)
}

/// Parses and compiles the content with its texts in `lang` (English where a text has
/// no translation), collecting every problem found.
pub fn load_in(sources: &Sources, lang: Lang) -> Result<Content, Vec<Problem>> {
    let mut problems = Vec::new();
    let meta: Option<Meta> = parse_in(sources, META, lang, &mut problems).0;
    let interview: Option<Interview> = parse_in(sources, INTERVIEW, lang, &mut problems).0;
    let remedies: Option<Vec<model::Remedy>> = parse_in(sources, REMEDIES, lang, &mut problems).0;
    let caveats: Option<Vec<model::Caveat>> = parse_in(sources, CAVEATS, lang, &mut problems).0;
    let guidance: Option<Guidance> = parse_in(sources, GUIDANCE, lang, &mut problems).0;
    let (Some(meta), Some(interview), Some(remedies), Some(caveats), Some(guidance)) =
        (meta, interview, remedies, caveats, guidance)
    else {
        return Err(problems);
    };
    let mut c = Compiler {
        sources,
        problems,
        facts: Vec::new(),
        fact_index: HashMap::new(),
    };
    let content = c.compile(meta, interview, remedies, caveats, guidance);
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
        _ => Err(c.problems),
    }
}

struct Compiler<'s> {
    sources: &'s Sources,
    problems: Vec<Problem>,
    facts: Vec<Fact>,
    fact_index: HashMap<String, FactId>,
}

/// Where a condition sits, for messages and scoping.
#[derive(Clone, Copy)]
struct Site {
    file: usize,
    offset: usize,
    /// Rules about the whole person may read entry facts only through `AnyEntry`.
    person_level: bool,
}

impl Compiler<'_> {
    fn problem(&mut self, file: usize, offset: usize, message: impl Into<String>) {
        let p = self.sources.problem_at(file, offset, message);
        self.problems.push(p);
    }

    fn item_offset(&self, file: usize, id: &str) -> usize {
        self.sources.find_id(file, id).unwrap_or(0)
    }

    fn compile(
        &mut self,
        meta: Meta,
        interview: Interview,
        remedies: Vec<model::Remedy>,
        caveats: Vec<model::Caveat>,
        guidance: Guidance,
    ) -> Option<Content> {
        let law_checked = match NaiveDate::parse_from_str(&meta.law_checked, "%Y-%m-%d") {
            Ok(d) => Some(d),
            Err(_) => {
                let at = self.sources.find_after(META, 0, &meta.law_checked);
                self.problem(
                    META,
                    at,
                    format!(
                        "law_checked \"{}\" is not a date (YYYY-MM-DD)",
                        meta.law_checked
                    ),
                );
                None
            }
        };

        // Questions and the facts they set.
        let sections = [
            (Section::Person, interview.person),
            (Section::Case, interview.case),
        ];
        let mut questions_src: Vec<(Section, model::Question)> = Vec::new();
        let mut starts = [None, None];
        for (i, (section, list)) in sections.into_iter().enumerate() {
            if list.is_empty() {
                let name = if section == Section::Person {
                    "person"
                } else {
                    "case"
                };
                self.problem(INTERVIEW, 0, format!("the {name} section has no questions"));
            } else {
                starts[i] = Some(questions_src.len());
            }
            questions_src.extend(list.into_iter().map(|q| (section, q)));
        }
        let mut question_index: HashMap<String, usize> = HashMap::new();
        for (i, (section, q)) in questions_src.iter().enumerate() {
            let at = self.item_offset(INTERVIEW, &q.id);
            if q.id == model::END {
                self.problem(INTERVIEW, at, "\"end\" is reserved: it ends a section");
            }
            if question_index.insert(q.id.clone(), i).is_some() {
                let second = self.second_definition(INTERVIEW, &q.id).unwrap_or(at);
                self.problem(
                    INTERVIEW,
                    second,
                    format!("question \"{}\" is defined twice", q.id),
                );
            }
            self.declare_fact(q, *section, i, at);
        }

        let mut questions = Vec::new();
        for (i, (section, q)) in questions_src.iter().enumerate() {
            let at = self.item_offset(INTERVIEW, &q.id);
            let site = Site {
                file: INTERVIEW,
                offset: at,
                person_level: *section == Section::Person,
            };
            let mut next = Vec::new();
            for n in &q.next {
                let (cond, target) = match n {
                    Next::When(c, t) => (Some(self.cond(c, site)), t),
                    Next::Otherwise(t) => (None, t),
                };
                let target = self.target(target, *section, &question_index, &questions_src, at);
                if let Some(target) = target {
                    next.push((cond.flatten(), target));
                }
            }
            if q.next.is_empty() {
                // Fall through to the next question of the same section, or end it.
                let following = questions_src
                    .get(i + 1)
                    .filter(|(s, _)| s == section)
                    .map_or(Target::End, |_| Target::Question(i + 1));
                next.push((None, following));
            }
            let fact = self.fact_index.get(q.fact()).copied().unwrap_or(FactId(0));
            let implied_by = q.implied_by.as_ref().and_then(|c| {
                if *section != Section::Person || q.answers != AnswerKind::YesNo {
                    let off = self.sources.find_after(INTERVIEW, at, "implied_by");
                    self.problem(INTERVIEW, off, format!("question \"{}\": implied_by belongs on a yes/no question about the person", q.id));
                }
                self.cond(c, site)
            });
            questions.push(QuestionDef {
                source: q.clone(),
                section: *section,
                fact,
                next,
                implied_by,
            });
        }

        // Dates a date cannot come before: dates of the same entry, or of the person.
        for (section, q) in &questions_src {
            for name in &q.not_before {
                let fits = self.fact_index.get(name).is_some_and(|id| {
                    let fact = &self.facts[id.0 as usize];
                    fact.kind == AnswerKind::Date
                        && (fact.section == *section || fact.section == Section::Person)
                });
                if !fits || q.answers != AnswerKind::Date {
                    let at = self
                        .sources
                        .find_after(INTERVIEW, 0, &format!("\"{}\"", q.id));
                    let at = self.sources.find_after(INTERVIEW, at, "not_before");
                    self.problem(
                        INTERVIEW,
                        at,
                        format!(
                            "question \"{}\": not_before names \"{name}\"; it takes dates of the same entry or of the person, on a date question",
                            q.id
                        ),
                    );
                }
            }
        }

        let entry_label = interview
            .entry_label
            .iter()
            .filter_map(|name| {
                let id = self.fact_index.get(name).copied();
                if id.is_none() {
                    let at = self.sources.find_after(INTERVIEW, 0, name);
                    self.problem(
                        INTERVIEW,
                        at,
                        format!("entry_label names \"{name}\", which no question sets"),
                    );
                }
                id
            })
            .collect();

        // Plan steps.
        let mut step_index = HashMap::new();
        for (i, s) in guidance.steps.iter().enumerate() {
            if step_index.insert(s.id.clone(), i).is_some() {
                let at = self.second_definition(GUIDANCE, &s.id).unwrap_or(0);
                self.problem(GUIDANCE, at, format!("step \"{}\" is defined twice", s.id));
            }
        }

        // Caveats.
        let mut caveat_index = HashMap::new();
        let mut caveat_defs = Vec::new();
        for (i, cv) in caveats.into_iter().enumerate() {
            let at = self.item_offset(CAVEATS, &cv.id);
            if caveat_index.insert(cv.id.clone(), i).is_some() {
                let second = self.second_definition(CAVEATS, &cv.id).unwrap_or(at);
                self.problem(
                    CAVEATS,
                    second,
                    format!("caveat \"{}\" is defined twice", cv.id),
                );
            }
            let site = Site {
                file: CAVEATS,
                offset: at,
                person_level: false,
            };
            let when = cv.when.as_ref().and_then(|c| self.cond(c, site));
            caveat_defs.push(CaveatDef { source: cv, when });
        }

        // Remedies.
        let mut remedy_ids = HashMap::new();
        let mut remedy_defs = Vec::new();
        for r in remedies {
            let at = self.item_offset(REMEDIES, &r.id);
            if remedy_ids.insert(r.id.clone(), ()).is_some() {
                let second = self.second_definition(REMEDIES, &r.id).unwrap_or(at);
                self.problem(
                    REMEDIES,
                    second,
                    format!("remedy \"{}\" is defined twice", r.id),
                );
            }
            let site = Site {
                file: REMEDIES,
                offset: at,
                person_level: false,
            };
            let applies = self.cond(&r.applies, site);
            let outcomes: Vec<Option<Cond>> = r
                .outcomes
                .iter()
                .map(|o| self.cond(&o.when, site))
                .collect();
            let step = step_index.get(&r.step).copied();
            if step.is_none() {
                let off = self.sources.find_after(REMEDIES, at, &r.step);
                self.problem(
                    REMEDIES,
                    off,
                    format!("step \"{}\" is not a step in guidance.ron", r.step),
                );
            }
            let mut cv = Vec::new();
            for id in &r.caveats {
                match caveat_index.get(id) {
                    Some(i) => cv.push(*i),
                    None => {
                        let off = self.sources.find_after(REMEDIES, at, id);
                        self.problem(
                            REMEDIES,
                            off,
                            format!("caveat \"{id}\" is not defined in caveats.ron"),
                        );
                    }
                }
            }
            if let (Some(applies), Some(step)) = (applies, step)
                && outcomes.iter().all(Option::is_some)
            {
                remedy_defs.push(RemedyDef {
                    source: r,
                    step,
                    applies,
                    outcomes: outcomes.into_iter().flatten().collect(),
                    caveats: cv,
                });
            }
        }

        // Referrals.
        let mut referral_defs = Vec::new();
        let mut referral_ids = HashMap::new();
        for rf in guidance.referrals {
            let at = self.item_offset(GUIDANCE, &rf.id);
            if referral_ids.insert(rf.id.clone(), ()).is_some() {
                let second = self.second_definition(GUIDANCE, &rf.id).unwrap_or(at);
                self.problem(
                    GUIDANCE,
                    second,
                    format!("referral \"{}\" is defined twice", rf.id),
                );
            }
            let site = Site {
                file: GUIDANCE,
                offset: at,
                person_level: true,
            };
            if let Some(when) = self.cond(&rf.when, site) {
                referral_defs.push(ReferralDef { source: rf, when });
            }
        }

        if self.facts.len() > MAX_FACTS {
            self.problem(
                INTERVIEW,
                0,
                format!(
                    "{} facts are defined; at most {MAX_FACTS} are supported",
                    self.facts.len()
                ),
            );
        }

        Some(Content {
            meta,
            law_checked: law_checked?,
            facts: std::mem::take(&mut self.facts),
            questions,
            person_start: starts[0]?,
            case_start: starts[1]?,
            remedies: remedy_defs,
            caveats: caveat_defs,
            steps: guidance.steps,
            referrals: referral_defs,
            free_help: guidance.free_help,
            faq: guidance.faq,
            entry_label,
            remaining: Vec::new(),
            person_facts: FactSet::default(),
            lang: Lang::En,
            fact_index: std::mem::take(&mut self.fact_index),
        })
    }

    /// The offset of the second `id: "ID"` in a file, for "defined twice".
    fn second_definition(&self, file: usize, id: &str) -> Option<usize> {
        let first = self.sources.find_id(file, id)?;
        let text = self.sources.text(file);
        let quoted = format!("\"{id}\"");
        let mut from = first + quoted.len();
        while let Some(i) = text[from..].find(&quoted) {
            let at = from + i;
            if text[..at].trim_end().ends_with("id:") {
                return Some(at);
            }
            from = at + quoted.len();
        }
        None
    }

    fn declare_fact(&mut self, q: &model::Question, section: Section, index: usize, at: usize) {
        let name = q.fact().to_string();
        if let AnswerKind::Choice(choices) = &q.answers {
            if choices.is_empty() {
                self.problem(
                    INTERVIEW,
                    at,
                    format!("question \"{}\" offers no choices", q.id),
                );
            }
            if choices.len() > 64 {
                self.problem(
                    INTERVIEW,
                    at,
                    format!("question \"{}\" offers more than 64 choices", q.id),
                );
            }
            let mut seen = HashMap::new();
            for (value, _) in choices {
                if seen.insert(value.as_str(), ()).is_some() {
                    let off = self.sources.find_after(INTERVIEW, at, value);
                    self.problem(
                        INTERVIEW,
                        off,
                        format!("choice \"{value}\" appears twice in question \"{}\"", q.id),
                    );
                }
            }
        }
        match self.fact_index.get(&name) {
            Some(existing) => {
                let fact = &self.facts[existing.0 as usize];
                if fact.kind != q.answers || fact.section != section {
                    self.problem(
                        INTERVIEW,
                        at,
                        format!("question \"{}\" sets \"{name}\" with other answers or in another section than the question that set it first", q.id),
                    );
                }
            }
            None => {
                let id = FactId(self.facts.len() as u16);
                self.fact_index.insert(name.clone(), id);
                self.facts.push(Fact {
                    name,
                    section,
                    kind: q.answers.clone(),
                    question: index,
                });
            }
        }
    }

    fn target(
        &mut self,
        name: &str,
        section: Section,
        index: &HashMap<String, usize>,
        questions: &[(Section, model::Question)],
        at: usize,
    ) -> Option<Target> {
        if name == model::END {
            return Some(Target::End);
        }
        match index.get(name) {
            Some(&i) if questions[i].0 == section => Some(Target::Question(i)),
            Some(_) => {
                let off = self.sources.find_after(INTERVIEW, at, name);
                self.problem(INTERVIEW, off, format!("\"{name}\" is a question of the other section; a section can only lead within itself or to \"end\""));
                None
            }
            None => {
                let off = self.sources.find_after(INTERVIEW, at, name);
                self.problem(
                    INTERVIEW,
                    off,
                    format!("next names \"{name}\", which is not a question"),
                );
                None
            }
        }
    }

    fn fact_for(&mut self, name: &str, site: Site, in_entry: bool) -> Option<(FactId, AnswerKind)> {
        match self.fact_index.get(name).copied() {
            Some(id) => {
                let fact = &self.facts[id.0 as usize];
                if site.person_level && !in_entry && fact.section == Section::Case {
                    let off = self.sources.find_after(site.file, site.offset, name);
                    self.problem(site.file, off, format!("\"{name}\" is a fact about an entry; a rule about the whole person reads it inside AnyEntry(...)"));
                    return None;
                }
                Some((id, fact.kind.clone()))
            }
            None => {
                let off = self.sources.find_after(site.file, site.offset, name);
                self.problem(
                    site.file,
                    off,
                    format!("no question sets the fact \"{name}\""),
                );
                None
            }
        }
    }

    fn cond(&mut self, c: &model::Cond, site: Site) -> Option<Cond> {
        self.cond_in(c, site, false)
    }

    fn cond_in(&mut self, c: &model::Cond, site: Site, in_entry: bool) -> Option<Cond> {
        use model::Cond as C;
        let kind_problem = |this: &mut Self, name: &str, want: &str| {
            let off = this.sources.find_after(site.file, site.offset, name);
            this.problem(site.file, off, format!("\"{name}\" is not {want}"));
        };
        Some(match c {
            C::Always => Cond::Always,
            C::All(items) => Cond::All(self.conds(items, site, in_entry)?),
            C::Any(items) => Cond::Any(self.conds(items, site, in_entry)?),
            C::Not(inner) => Cond::Not(Box::new(self.cond_in(inner, site, in_entry)?)),
            C::Yes(f) | C::No(f) => {
                let (id, kind) = self.fact_for(f, site, in_entry)?;
                if kind != AnswerKind::YesNo {
                    kind_problem(self, f, "a yes/no question");
                    return None;
                }
                Cond::Bool(id, matches!(c, C::Yes(_)))
            }
            C::Is(f, v) => self.choice(f, std::slice::from_ref(v), site, in_entry)?,
            C::IsAny(f, vs) => self.choice(f, vs, site, in_entry)?,
            C::Known(f) => Cond::Known(self.fact_for(f, site, in_entry)?.0),
            C::Before(f, d) | C::OnOrAfter(f, d) => {
                let (id, kind) = self.fact_for(f, site, in_entry)?;
                if kind != AnswerKind::Date {
                    kind_problem(self, f, "a date question");
                    return None;
                }
                let date = self.date(d, site)?;
                if matches!(c, C::Before(..)) {
                    Cond::Before(id, date)
                } else {
                    Cond::OnOrAfter(id, date)
                }
            }
            C::AtMost(f, n) | C::MoreThan(f, n) => {
                let (id, kind) = self.fact_for(f, site, in_entry)?;
                let amount = match kind {
                    AnswerKind::Money => (n * 100.0).round(),
                    AnswerKind::Number => n.round(),
                    _ => {
                        kind_problem(self, f, "a money or number question");
                        return None;
                    }
                };
                if amount < 0.0 || !amount.is_finite() {
                    let off = self.sources.find_after(site.file, site.offset, f);
                    self.problem(site.file, off, "an amount must be zero or more");
                    return None;
                }
                if matches!(c, C::AtMost(..)) {
                    Cond::AtMost(id, amount as u64)
                } else {
                    Cond::MoreThan(id, amount as u64)
                }
            }
            C::Waited(f, period) => {
                let (id, kind) = self.fact_for(f, site, in_entry)?;
                if kind != AnswerKind::Date {
                    kind_problem(self, f, "a date question");
                    return None;
                }
                Cond::Waited(id, *period)
            }
            C::AsOfBefore(d) => Cond::AsOfBefore(self.date(d, site)?),
            C::InEffectFrom(d) => Cond::InEffectFrom(self.date(d, site)?),
            C::EntriesAtLeast(_) | C::AnyEntry(_) if !site.person_level || in_entry => {
                let off = self.sources.find_after(
                    site.file,
                    site.offset,
                    if matches!(c, C::AnyEntry(_)) {
                        "AnyEntry"
                    } else {
                        "EntriesAtLeast"
                    },
                );
                self.problem(site.file, off, "AnyEntry and EntriesAtLeast belong in rules about the whole person (referrals and person questions)");
                return None;
            }
            C::EntriesAtLeast(n) => Cond::EntriesAtLeast(*n),
            C::AnyEntry(inner) => Cond::AnyEntry(Box::new(self.cond_in(inner, site, true)?)),
        })
    }

    fn conds(&mut self, items: &[model::Cond], site: Site, in_entry: bool) -> Option<Vec<Cond>> {
        let compiled: Vec<Option<Cond>> = items
            .iter()
            .map(|c| self.cond_in(c, site, in_entry))
            .collect();
        compiled.into_iter().collect()
    }

    fn choice(&mut self, f: &str, values: &[String], site: Site, in_entry: bool) -> Option<Cond> {
        let (id, kind) = self.fact_for(f, site, in_entry)?;
        let AnswerKind::Choice(choices) = &kind else {
            let off = self.sources.find_after(site.file, site.offset, f);
            self.problem(
                site.file,
                off,
                format!("\"{f}\" is not a question with choices"),
            );
            return None;
        };
        let mut mask = 0u64;
        let mut ok = true;
        for v in values {
            match choices.iter().position(|(c, _)| c == v) {
                Some(i) => mask |= 1 << i,
                None => {
                    let off = self.sources.find_after(site.file, site.offset, v);
                    let known: Vec<&str> = choices.iter().map(|(c, _)| c.as_str()).collect();
                    self.problem(
                        site.file,
                        off,
                        format!(
                            "\"{f}\" has no choice \"{v}\" (its choices: {})",
                            known.join(", ")
                        ),
                    );
                    ok = false;
                }
            }
        }
        ok.then_some(Cond::Choice(id, mask))
    }

    fn date(&mut self, d: &str, site: Site) -> Option<NaiveDate> {
        match NaiveDate::parse_from_str(d, "%Y-%m-%d") {
            Ok(date) => Some(date),
            Err(_) => {
                let off = self.sources.find_after(site.file, site.offset, d);
                self.problem(
                    site.file,
                    off,
                    format!("\"{d}\" is not a date (YYYY-MM-DD)"),
                );
                None
            }
        }
    }
}
