//! The content compiler: resolves every name in the files as read into the indexed
//! form the engine runs, and reports each name that resolves to nothing at the value
//! that names it.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::counties::CountyTable;
use super::mark::{self, Located, Mark};
use super::model::{self, AnswerKind, Guidance, Interview, Meta, Name, Next};
use super::sections::{ListDef, SectionTable, normalized};
use super::source::{Problem, Sources};
use super::{
    CAVEATS, CONDITIONS, COUNTIES, CaveatDef, Content, Fact, FiledAt, FilingDef, GUIDANCE,
    INTERVIEW, ImpossibleDef, Lang, META, QuestionDef, REMEDIES, ReferralDef, RemedyDef, SECTIONS,
    Section, Target, problem_at_mark,
};
use std::sync::Arc;

use crate::model::{Cond, FactId, FactSet, MAX_FACTS, ProbationCap, ProbationRule, ProbationTest};

pub(super) struct Compiler<'s> {
    sources: &'s Sources,
    pub(super) problems: Vec<Problem>,
    facts: Vec<Fact>,
    fact_index: HashMap<String, FactId>,
    /// Per file, the ids and other named values read, with their marks.
    named: Vec<Vec<(String, Mark)>>,
    /// The conditions named in `conditions.ron`, and whether a rule used each.
    conditions: Vec<(Name, model::Cond, bool)>,
    /// The named conditions being compiled, innermost last, to find one that names
    /// itself.
    naming: Vec<usize>,
    /// The probation term rule, once compiled.
    probation: Option<Arc<ProbationRule>>,
}

/// Where a condition sits, for scoping.
#[derive(Clone, Copy)]
struct Site {
    file: usize,
    /// Rules about the whole person may read entry facts only through `AnyEntry`.
    person_level: bool,
}

/// Items with ids, by kind: each id names one item of its kind.
struct Ids {
    kind: &'static str,
    file: usize,
    index: HashMap<String, usize>,
    seen: HashMap<String, usize>,
}

impl Ids {
    fn new(kind: &'static str, file: usize) -> Self {
        Ids {
            kind,
            file,
            index: HashMap::new(),
            seen: HashMap::new(),
        }
    }

    fn get(&self, id: &str) -> Option<usize> {
        self.index.get(id).copied()
    }
}

impl<'s> Compiler<'s> {
    pub(super) fn new(
        sources: &'s Sources,
        problems: Vec<Problem>,
        named: Vec<Vec<(String, Mark)>>,
        conditions: model::NamedConditions,
    ) -> Self {
        Compiler {
            sources,
            problems,
            facts: Vec::new(),
            fact_index: HashMap::new(),
            named,
            conditions: conditions
                .0
                .into_iter()
                .map(|(name, c)| (name, c, false))
                .collect(),
            naming: Vec::new(),
            probation: None,
        }
    }

    fn problem(&mut self, file: usize, at: Option<Mark>, message: impl Into<String>) {
        let p = problem_at_mark(self.sources, file, at, message);
        self.problems.push(p);
    }

    /// The mark of the first definition of an id in a file.
    fn id_mark(&self, file: usize, id: &str) -> Option<Mark> {
        mark::find(&self.named[file], id, 0)
    }

    /// Records an item's id, and reports a definition after the first at the id that
    /// repeats it.
    fn define(&mut self, ids: &mut Ids, id: &str, item: usize) {
        let times = ids.seen.entry(id.to_string()).or_insert(0);
        *times += 1;
        let nth = *times - 1;
        ids.index.insert(id.to_string(), item);
        if nth > 0 {
            let at = mark::find(&self.named[ids.file], id, nth);
            self.problem(
                ids.file,
                at,
                format!("{} \"{id}\" is defined twice", ids.kind),
            );
        }
    }

    /// Each name in `conditions.ron` once; its condition compiled where it is used.
    fn conditions_named_once(&mut self) {
        for i in 0..self.conditions.len() {
            let name = &self.conditions[i].0;
            if self.conditions[..i]
                .iter()
                .any(|(n, _, _)| n.value == name.value)
            {
                let (name, mark) = (name.value.clone(), name.mark);
                self.problem(
                    CONDITIONS,
                    Some(mark),
                    format!("condition \"{name}\" is defined twice"),
                );
            }
        }
    }

    /// A named condition, compiled for the rule that uses it.
    fn named_cond(&mut self, name: &Name, site: Site, in_entry: bool) -> Option<Cond> {
        let Some(i) = self
            .conditions
            .iter()
            .position(|(n, _, _)| n.value == name.value)
        else {
            self.problem(
                site.file,
                Some(name.mark),
                format!("no condition is named \"{name}\" in conditions.ron"),
            );
            return None;
        };
        self.conditions[i].2 = true;
        if let Some(from) = self.naming.iter().position(|n| *n == i) {
            let mut names: Vec<String> = self.naming[from..]
                .iter()
                .map(|n| self.conditions[*n].0.value.clone())
                .collect();
            names.push(name.value.clone());
            self.problem(
                CONDITIONS,
                Some(self.conditions[i].0.mark),
                format!("condition \"{name}\" names itself: {}", names.join(" → ")),
            );
            return None;
        }
        self.naming.push(i);
        let cond = self.conditions[i].1.clone();
        let inner = Site {
            file: CONDITIONS,
            ..site
        };
        let compiled = self.cond_in(&cond, inner, in_entry);
        self.naming.pop();
        compiled
    }

    pub(super) fn compile(
        &mut self,
        meta: Meta,
        interview: Interview,
        remedies: Vec<model::Remedy>,
        caveats: Vec<model::Caveat>,
        guidance: Guidance,
        (sections, counties): (&model::Sections, &model::Counties),
    ) -> Option<Content> {
        let law_checked = self.law_checked(&meta);
        self.conditions_named_once();
        let (questions_src, starts) = self.sections(interview.person, interview.case);
        let mut question_ids = Ids::new("question", INTERVIEW);
        for (i, (section, q)) in questions_src.iter().enumerate() {
            let at = self.id_mark(INTERVIEW, &q.id);
            if q.id == model::END {
                self.problem(INTERVIEW, at, "\"end\" is reserved: it ends a section");
            }
            self.define(&mut question_ids, &q.id, i);
            self.declare_fact(q, *section, i, at);
        }
        self.probation = interview
            .probation_term
            .as_ref()
            .and_then(|t| self.probation_term(t))
            .map(Arc::new);
        let questions = questions_src
            .iter()
            .enumerate()
            .map(|(i, (section, q))| self.question(i, *section, q, &question_ids, &questions_src))
            .collect();
        self.not_before(&questions_src);
        let entry_label = interview
            .entry_label
            .iter()
            .filter_map(|name| {
                let id = self.fact_index.get(&name.value).copied();
                if id.is_none() {
                    self.problem(
                        INTERVIEW,
                        Some(name.mark),
                        format!("entry_label names \"{name}\", which no question sets"),
                    );
                }
                id
            })
            .collect();
        self.short_names(&interview.entry_label, &questions_src);
        let impossible = interview
            .impossible
            .iter()
            .filter_map(|rule| {
                let site = Site {
                    file: INTERVIEW,
                    person_level: false,
                };
                let when = self.cond(&rule.when, site)?;
                Some(ImpossibleDef {
                    when,
                    reason: rule.reason.clone(),
                })
            })
            .collect();
        let (counts_when, count_facts) = self.counts(interview.counts.as_ref());

        let mut step_ids = Ids::new("step", GUIDANCE);
        for (i, s) in guidance.steps.iter().enumerate() {
            self.define(&mut step_ids, &s.id, i);
        }
        let mut caveat_ids = Ids::new("caveat", CAVEATS);
        let mut caveat_defs = Vec::new();
        for (i, cv) in caveats.into_iter().enumerate() {
            self.define(&mut caveat_ids, &cv.id, i);
            let site = Site {
                file: CAVEATS,
                person_level: false,
            };
            let when = cv.when.as_ref().and_then(|c| self.cond(c, site));
            caveat_defs.push(CaveatDef { source: cv, when });
        }
        let mut remedy_ids = Ids::new("remedy", REMEDIES);
        let mut remedy_defs = Vec::new();
        for (i, r) in remedies.into_iter().enumerate() {
            self.define(&mut remedy_ids, &r.id, i);
            if let Some(def) = self.remedy(r, &step_ids, &caveat_ids) {
                remedy_defs.push(def);
            }
        }
        let mut referral_ids = Ids::new("referral", GUIDANCE);
        let mut referral_defs = Vec::new();
        for (i, rf) in guidance.referrals.into_iter().enumerate() {
            self.define(&mut referral_ids, &rf.id, i);
            let site = Site {
                file: GUIDANCE,
                person_level: true,
            };
            if let Some(when) = self.cond(&rf.when, site) {
                referral_defs.push(ReferralDef { source: rf, when });
            }
        }

        let filing = self.filing(guidance.filing, &remedy_ids, &remedy_defs);
        let sections = self.code_sections(sections);
        let counties = self.counties(counties);

        if self.facts.len() > MAX_FACTS {
            self.problem(
                INTERVIEW,
                None,
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
            filing,
            entry_label,
            impossible,
            counts_when,
            probation: self.probation.clone(),
            count_facts,
            remaining: Vec::new(),
            person_facts: FactSet::default(),
            lang: Lang::En,
            sections,
            counties,
            fact_index: self.fact_index.drain().collect(),
            named: std::mem::take(&mut self.named),
            unused_conditions: self
                .conditions
                .iter()
                .filter(|(_, _, used)| !used)
                .map(|(n, _, _)| (n.value.clone(), n.mark))
                .collect(),
        })
    }

    fn law_checked(&mut self, meta: &Meta) -> Option<NaiveDate> {
        let date = NaiveDate::parse_from_str(&meta.law_checked, "%Y-%m-%d").ok();
        if date.is_none() {
            let at = self.id_mark(META, &meta.law_checked);
            self.problem(
                META,
                at,
                format!(
                    "law_checked \"{}\" is not a date (YYYY-MM-DD)",
                    meta.law_checked
                ),
            );
        }
        date
    }

    /// The questions of both sections in one list, and where each section starts.
    #[allow(clippy::type_complexity)]
    fn sections(
        &mut self,
        person: Vec<model::Question>,
        case: Vec<model::Question>,
    ) -> (Vec<(Section, model::Question)>, [Option<usize>; 2]) {
        let mut questions = Vec::new();
        let mut starts = [None, None];
        for (i, (section, name, list)) in [
            (Section::Person, "person", person),
            (Section::Case, "case", case),
        ]
        .into_iter()
        .enumerate()
        {
            if list.is_empty() {
                self.problem(
                    INTERVIEW,
                    None,
                    format!("the {name} section has no questions"),
                );
            } else {
                starts[i] = Some(questions.len());
            }
            questions.extend(list.into_iter().map(|q| (section, q)));
        }
        (questions, starts)
    }

    /// The counts rule: its condition, and the per-count facts, each one a fact asked
    /// about an entry.
    fn counts(&mut self, counts: Option<&model::Counts>) -> (Option<Cond>, FactSet) {
        let mut facts = FactSet::default();
        let Some(counts) = counts else {
            return (None, facts);
        };
        for name in &counts.facts {
            match self.fact_index.get(&name.value).copied() {
                Some(id) if self.facts[id.0 as usize].section == Section::Case => {
                    facts.insert(id);
                }
                Some(_) => self.problem(
                    INTERVIEW,
                    Some(name.mark),
                    format!("counts names \"{name}\", which is asked about the person"),
                ),
                None => self.problem(
                    INTERVIEW,
                    Some(name.mark),
                    format!("counts names \"{name}\", which no question sets"),
                ),
            }
        }
        let site = Site {
            file: INTERVIEW,
            person_level: false,
        };
        (self.cond(&counts.when, site), facts)
    }

    /// The probation term rule: two entry facts, a date, and caps whose conditions read
    /// entry facts.
    fn probation_term(&mut self, term: &model::ProbationTerm) -> Option<ProbationRule> {
        let site = Site {
            file: INTERVIEW,
            person_level: false,
        };
        let date = |k: &AnswerKind| *k == AnswerKind::Date;
        let number = |k: &AnswerKind| *k == AnswerKind::Months;
        let granted = self.fact_of_kind(&term.granted, site, false, date, "a date question");
        let ordered = self.fact_of_kind(
            &term.ordered_months,
            site,
            false,
            number,
            "a question in months",
        );
        let caps_from = self.date(&term.caps_from, site);
        let caps: Vec<Option<ProbationCap>> = term
            .caps
            .iter()
            .map(|cap| {
                Some(ProbationCap {
                    when: self.cond(&cap.when, site)?,
                    months: cap.months,
                    reason: cap.reason.clone(),
                })
            })
            .collect();
        Some(ProbationRule {
            granted: granted?.0,
            ordered_months: ordered?.0,
            caps_from: caps_from?,
            caps: caps.into_iter().collect::<Option<_>>()?,
        })
    }

    /// Every choice of a question whose fact names entries in lists (`entry_label`) has
    /// a short noun for the lists ("condena", "delito grave").
    fn short_names(
        &mut self,
        entry_label: &[model::Name],
        questions: &[(Section, model::Question)],
    ) {
        for (_, q) in questions {
            if !entry_label.iter().any(|n| n.value == q.fact()) {
                continue;
            }
            let AnswerKind::Choice(choices) = &q.answers else {
                continue;
            };
            let missing: Vec<&str> = choices
                .iter()
                .map(|(v, _)| v.as_str())
                .filter(|v| q.short_for(v).is_none())
                .collect();
            if !missing.is_empty() {
                let at = self.id_mark(INTERVIEW, &q.id);
                self.problem(
                    INTERVIEW,
                    at,
                    format!(
                        "question \"{}\": entry_label names its answers in lists, so each needs \
                         a short noun in `short`; {} has none",
                        q.id,
                        missing
                            .iter()
                            .map(|v| format!("\"{v}\""))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                );
            }
        }
    }

    fn question(
        &mut self,
        i: usize,
        section: Section,
        q: &model::Question,
        ids: &Ids,
        questions: &[(Section, model::Question)],
    ) -> QuestionDef {
        let site = Site {
            file: INTERVIEW,
            person_level: section == Section::Person,
        };
        let mut next = Vec::new();
        for n in &q.next {
            let (cond, target) = match n {
                Next::When(c, t) => (Some(self.cond(c, site)), t),
                Next::Otherwise(t) => (None, t),
            };
            if let Some(target) = self.target(target, section, ids, questions) {
                next.push((cond.flatten(), target));
            }
        }
        if q.next.is_empty() {
            // Fall through to the next question of the same section, or end it.
            let following = questions
                .get(i + 1)
                .filter(|(s, _)| *s == section)
                .map_or(Target::End, |_| Target::Question(i + 1));
            next.push((None, following));
        }
        let named = q.also.iter().map(|(v, _)| ("also", v));
        for (field, value) in named.chain(q.short.iter().map(|(v, _)| ("short", v))) {
            let known = match &q.answers {
                AnswerKind::Choice(choices) => choices.iter().any(|(v, _)| *v == value.value),
                _ => false,
            };
            if !known {
                self.problem(
                    INTERVIEW,
                    Some(value.mark),
                    format!(
                        "question \"{}\": {field} names \"{}\", which is not one of its choices",
                        q.id, value.value
                    ),
                );
            }
        }
        let fact = self.fact_index.get(q.fact()).copied().unwrap_or(FactId(0));
        let implied_by = q.implied_by.as_ref().and_then(|c| {
            if section != Section::Person || q.answers != AnswerKind::YesNo {
                self.problem(
                    INTERVIEW,
                    Some(c.mark),
                    format!(
                        "question \"{}\": implied_by belongs on a yes/no question about the person",
                        q.id
                    ),
                );
            }
            self.cond(c, site)
        });
        QuestionDef {
            source: q.clone(),
            section,
            fact,
            next,
            implied_by,
        }
    }

    /// Dates a date cannot come before: dates of the same entry, or of the person.
    fn not_before(&mut self, questions: &[(Section, model::Question)]) {
        for (section, q) in questions {
            for name in &q.not_before {
                let fits = self.fact_index.get(&name.value).is_some_and(|id| {
                    let fact = &self.facts[id.0 as usize];
                    fact.kind == AnswerKind::Date
                        && (fact.section == *section || fact.section == Section::Person)
                });
                if !fits || q.answers != AnswerKind::Date {
                    self.problem(
                        INTERVIEW,
                        Some(name.mark),
                        format!(
                            "question \"{}\": not_before names \"{name}\"; it takes dates of the same entry or of the person, on a date question",
                            q.id
                        ),
                    );
                }
            }
        }
    }

    fn remedy(&mut self, r: model::Remedy, steps: &Ids, caveats: &Ids) -> Option<RemedyDef> {
        let site = Site {
            file: REMEDIES,
            person_level: false,
        };
        let applies = self.cond(&r.applies, site);
        let outcomes: Vec<Option<Cond>> = r
            .outcomes
            .iter()
            .map(|o| self.cond(&o.when, site))
            .collect();
        let step = steps.get(&r.step);
        if step.is_none() {
            self.problem(
                REMEDIES,
                Some(r.step.mark),
                format!("step \"{}\" is not a step in guidance.ron", r.step),
            );
        }
        let mut cv = Vec::new();
        for id in &r.caveats {
            match caveats.get(id) {
                Some(i) => cv.push(i),
                None => self.problem(
                    REMEDIES,
                    Some(id.mark),
                    format!("caveat \"{id}\" is not defined in caveats.ron"),
                ),
            }
        }
        let (applies, step) = (applies?, step?);
        let outcomes = outcomes.into_iter().collect::<Option<Vec<_>>>()?;
        Some(RemedyDef {
            source: r,
            step,
            applies,
            outcomes,
            caveats: cv,
        })
    }

    fn declare_fact(
        &mut self,
        q: &model::Question,
        section: Section,
        index: usize,
        at: Option<Mark>,
    ) {
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
                    self.problem(
                        INTERVIEW,
                        at,
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
        name: &Name,
        section: Section,
        ids: &Ids,
        questions: &[(Section, model::Question)],
    ) -> Option<Target> {
        if name.value == model::END {
            return Some(Target::End);
        }
        match ids.get(name) {
            Some(i) if questions[i].0 == section => Some(Target::Question(i)),
            Some(_) => {
                self.problem(INTERVIEW, Some(name.mark), format!("\"{name}\" is a question of the other section; a section can only lead within itself or to \"end\""));
                None
            }
            None => {
                self.problem(
                    INTERVIEW,
                    Some(name.mark),
                    format!("next names \"{name}\", which is not a question"),
                );
                None
            }
        }
    }

    fn fact_for(
        &mut self,
        name: &Name,
        site: Site,
        in_entry: bool,
    ) -> Option<(FactId, AnswerKind)> {
        match self.fact_index.get(&name.value).copied() {
            Some(id) => {
                let fact = &self.facts[id.0 as usize];
                if site.person_level && !in_entry && fact.section == Section::Case {
                    self.problem(site.file, Some(name.mark), format!("\"{name}\" is a fact about an entry; a rule about the whole person reads it inside AnyEntry(...)"));
                    return None;
                }
                Some((id, fact.kind.clone()))
            }
            None => {
                self.problem(
                    site.file,
                    Some(name.mark),
                    format!("no question sets the fact \"{name}\""),
                );
                None
            }
        }
    }

    /// A fact of one kind; else a problem saying what it should have been.
    fn fact_of_kind(
        &mut self,
        name: &Name,
        site: Site,
        in_entry: bool,
        fits: impl Fn(&AnswerKind) -> bool,
        want: &str,
    ) -> Option<(FactId, AnswerKind)> {
        let (id, kind) = self.fact_for(name, site, in_entry)?;
        if !fits(&kind) {
            self.problem(
                site.file,
                Some(name.mark),
                format!("\"{name}\" is not {want}"),
            );
            return None;
        }
        Some((id, kind))
    }

    fn cond(&mut self, c: &model::Cond, site: Site) -> Option<Cond> {
        self.cond_in(c, site, false)
    }

    fn cond_in(&mut self, c: &model::Cond, site: Site, in_entry: bool) -> Option<Cond> {
        use model::Cond as C;
        let date_kind = |k: &AnswerKind| *k == AnswerKind::Date;
        Some(match c {
            C::Always => Cond::Always,
            C::All(items) => Cond::All(self.conds(items, site, in_entry)?),
            C::Any(items) => Cond::Any(self.conds(items, site, in_entry)?),
            C::Not(inner) => Cond::Not(Box::new(self.cond_in(inner, site, in_entry)?)),
            C::Yes(f) | C::No(f) => {
                let yes_no = |k: &AnswerKind| *k == AnswerKind::YesNo;
                let (id, _) = self.fact_of_kind(f, site, in_entry, yes_no, "a yes/no question")?;
                Cond::Bool(id, matches!(c, C::Yes(_)))
            }
            C::Is(f, v) => self.choice(f, std::slice::from_ref(v), site, in_entry)?,
            C::IsAny(f, vs) => self.choice(f, vs, site, in_entry)?,
            C::Known(f) => Cond::Known(self.fact_for(f, site, in_entry)?.0),
            C::Confirmed(f, v) => match self.choice(f, std::slice::from_ref(v), site, in_entry)? {
                Cond::Choice(id, mask) => Cond::Confirmed(id, mask),
                other => other,
            },
            C::Before(f, d) | C::OnOrAfter(f, d) => {
                let (id, _) = self.fact_of_kind(f, site, in_entry, date_kind, "a date question")?;
                let date = self.date(d, site)?;
                if matches!(c, C::Before(..)) {
                    Cond::Before(id, date)
                } else {
                    Cond::OnOrAfter(id, date)
                }
            }
            C::AtMost(f, n) | C::MoreThan(f, n) => {
                let amounts = |k: &AnswerKind| {
                    matches!(
                        k,
                        AnswerKind::Money | AnswerKind::Number | AnswerKind::Months
                    )
                };
                let want = "a money or number question";
                let (id, kind) = self.fact_of_kind(f, site, in_entry, amounts, want)?;
                let amount = if kind == AnswerKind::Money {
                    (n * 100.0).round()
                } else {
                    n.round()
                };
                if amount < 0.0 || !amount.is_finite() {
                    self.problem(site.file, Some(f.mark), "an amount must be zero or more");
                    return None;
                }
                if matches!(c, C::AtMost(..)) {
                    Cond::AtMost(id, amount as u64)
                } else {
                    Cond::MoreThan(id, amount as u64)
                }
            }
            C::Waited(f, period) | C::HasWaited(f, period) => {
                let (id, _) = self.fact_of_kind(f, site, in_entry, date_kind, "a date question")?;
                let waited = Cond::Waited(id, *period);
                if matches!(c, C::HasWaited(..)) {
                    // Not yet is no: "not not yet waited" is true only once it is over.
                    Cond::Not(Box::new(Cond::Not(Box::new(waited))))
                } else {
                    waited
                }
            }
            C::Named(name) => self.named_cond(name, site, in_entry)?,
            C::AsOfBefore(d) => Cond::AsOfBefore(self.date(d, site)?),
            C::InEffectFrom(d) => Cond::InEffectFrom(self.date(d, site)?),
            C::ProbationOver | C::ProbationEnded | C::ProbationCapped | C::ProbationEndsAhead => {
                let Some(rule) = self.probation.clone() else {
                    let message = "ProbationOver, ProbationEnded and ProbationCapped need a probation_term in interview.ron";
                    self.problem(site.file, None, message);
                    return None;
                };
                match c {
                    C::ProbationCapped => Cond::Probation(rule, ProbationTest::Capped),
                    C::ProbationOver => Cond::Probation(rule, ProbationTest::Over),
                    C::ProbationEndsAhead => Cond::Probation(rule, ProbationTest::EndsAhead),
                    // Not yet is no, as for HasWaited.
                    _ => Cond::Not(Box::new(Cond::Not(Box::new(Cond::Probation(
                        rule,
                        ProbationTest::Over,
                    ))))),
                }
            }
            C::EntriesAtLeast(Located { mark, .. }) | C::AnyEntry(Located { mark, .. })
                if !site.person_level || in_entry =>
            {
                self.problem(site.file, Some(*mark), "AnyEntry and EntriesAtLeast belong in rules about the whole person (referrals and person questions)");
                return None;
            }
            C::EntriesAtLeast(n) => Cond::EntriesAtLeast(n.value),
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

    fn choice(&mut self, f: &Name, values: &[Name], site: Site, in_entry: bool) -> Option<Cond> {
        let is_choice = |k: &AnswerKind| matches!(k, AnswerKind::Choice(_));
        let want = "a question with choices";
        let (id, kind) = self.fact_of_kind(f, site, in_entry, is_choice, want)?;
        let AnswerKind::Choice(choices) = &kind else {
            return None;
        };
        let mut mask = 0u64;
        let mut ok = true;
        for v in values {
            match choices.iter().position(|(c, _)| *c == v.value) {
                Some(i) => mask |= 1 << i,
                None => {
                    let known: Vec<&str> = choices.iter().map(|(c, _)| c.as_str()).collect();
                    self.problem(
                        site.file,
                        Some(v.mark),
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

    fn date(&mut self, d: &Name, site: Site) -> Option<NaiveDate> {
        let date = NaiveDate::parse_from_str(d, "%Y-%m-%d").ok();
        if date.is_none() {
            self.problem(
                site.file,
                Some(d.mark),
                format!("\"{d}\" is not a date (YYYY-MM-DD)"),
            );
        }
        date
    }
}

impl Compiler<'_> {
    /// The table of code sections: every name resolved, every answer a list or a
    /// category gives checked against its question, and each code readable and listed
    /// once.
    /// Each remedy's place on the filing worksheet: on one petition, or elsewhere, and
    /// none with a form left out.
    fn filing(
        &mut self,
        filing: Option<model::Filing>,
        remedy_ids: &Ids,
        remedies: &[RemedyDef],
    ) -> Option<FilingDef> {
        let filing = filing?;
        let mut place = vec![FiledAt::Nowhere; remedies.len()];
        let petitions = filing.petitions.iter().enumerate();
        let named = petitions
            .flat_map(|(p, petition)| {
                petition
                    .remedies
                    .iter()
                    .map(move |r| (r, FiledAt::Petition(p)))
            })
            .chain(filing.elsewhere.iter().map(|r| (r, FiledAt::Elsewhere)));
        for (id, at) in named {
            match remedy_ids.get(id) {
                None => self.problem(
                    GUIDANCE,
                    Some(id.mark),
                    format!("remedy \"{id}\" is not defined in remedies.ron"),
                ),
                // A remedy that failed to compile has been reported already.
                Some(r) if r >= place.len() => {}
                Some(r) if place[r] != FiledAt::Nowhere => self.problem(
                    GUIDANCE,
                    Some(id.mark),
                    format!("remedy \"{id}\" has a place on the filing worksheet already"),
                ),
                Some(r) => place[r] = at,
            }
        }
        for (r, def) in remedies.iter().enumerate() {
            if place[r] == FiledAt::Nowhere && !def.source.forms.is_empty() {
                let mark = self.id_mark(REMEDIES, &def.source.id);
                self.problem(
                    REMEDIES,
                    mark,
                    format!(
                        "remedy \"{}\" has forms but no place on the filing worksheet: name it \
                         in a petition or under elsewhere in guidance.ron",
                        def.source.id
                    ),
                );
            }
        }
        Some(FilingDef {
            source: filing,
            place,
        })
    }

    /// The counties: the question they answer, and no name or short form twice.
    fn counties(&mut self, table: &model::Counties) -> CountyTable {
        let site = Site {
            file: COUNTIES,
            person_level: false,
        };
        let fact = table.fact.as_ref().and_then(|name| {
            let text = |k: &AnswerKind| *k == AnswerKind::Text;
            self.fact_of_kind(name, site, false, text, "a text question")
                .map(|(id, _)| id)
        });
        let counties: Vec<(String, Vec<String>)> = table
            .counties
            .iter()
            .map(|(name, also)| (name.value.clone(), also.clone()))
            .collect();
        let mut counties = match CountyTable::new(fact, &counties) {
            Ok(t) => t,
            Err((i, typed)) => {
                self.problem(
                    COUNTIES,
                    Some(table.counties[i].0.mark),
                    format!("\"{typed}\" names two counties, or one twice"),
                );
                return CountyTable::default();
            }
        };
        for (county, places) in &table.courthouses {
            if let Err(why) = counties.add_places(&county.value, places) {
                self.problem(COUNTIES, Some(county.mark), why);
            }
        }
        counties
    }

    pub(super) fn code_sections(&mut self, table: &model::Sections) -> SectionTable {
        use crate::model::{Slot, Value};
        let site = Site {
            file: SECTIONS,
            person_level: false,
        };
        let mut out = SectionTable::default();
        if let Some(name) = &table.fact {
            let text = |k: &AnswerKind| *k == AnswerKind::Text;
            out.fact = self
                .fact_of_kind(name, site, false, text, "a text question")
                .map(|(id, _)| id);
        }
        let category = table.category.as_ref().and_then(|name| {
            let choice = |k: &AnswerKind| matches!(k, AnswerKind::Choice(_));
            self.fact_of_kind(name, site, false, choice, "a choice question")
        });
        // An answer as a list or a category gives it: a choice's value, or yes/no.
        let answer = |c: &mut Self, fact: &Name, value: &Name| -> Option<(FactId, Slot)> {
            let (id, kind) = c.fact_for(fact, site, false)?;
            let known = match &kind {
                AnswerKind::YesNo if value.value == "yes" => Some(Value::Bool(true)),
                AnswerKind::YesNo if value.value == "no" => Some(Value::Bool(false)),
                AnswerKind::Choice(choices) => choices
                    .iter()
                    .position(|(v, _)| *v == value.value)
                    .map(|i| Value::Choice(i as u16)),
                _ => None,
            };
            if known.is_none() {
                c.problem(
                    SECTIONS,
                    Some(value.mark),
                    format!("\"{value}\" is not an answer to \"{fact}\""),
                );
            }
            Some((id, Slot::Known(known?)))
        };
        let mut list_ids = Ids::new("list", SECTIONS);
        let mut list_sets = Vec::new();
        for (i, list) in table.lists.iter().enumerate() {
            self.define(&mut list_ids, &list.id, i);
            let sets: Vec<(FactId, Slot)> = list
                .sets
                .iter()
                .filter_map(|(fact, value)| answer(self, fact, value))
                .collect();
            list_sets.push(sets);
            out.lists.push(ListDef {
                id: list.id.clone(),
                name: list.name.clone(),
                source: list.source.clone(),
            });
        }
        for group in &table.exclusive {
            for name in group {
                if list_ids.get(&name.value).is_none() {
                    self.problem(
                        SECTIONS,
                        Some(name.mark),
                        format!("no list is named \"{name}\""),
                    );
                }
            }
        }
        let mut codes: Vec<String> = Vec::new();
        for section in &table.sections {
            let code = &section.code;
            match normalized(code) {
                None => self.problem(
                    SECTIONS,
                    Some(code.mark),
                    format!("\"{code}\" is not a code section, written like \"PC 459.5\""),
                ),
                Some(key) if codes.contains(&key) => self.problem(
                    SECTIONS,
                    Some(code.mark),
                    format!("\"{code}\" is listed twice"),
                ),
                Some(key) => codes.push(key),
            }
            let mut settles = Vec::new();
            if let Some(name) = &section.category {
                match &category {
                    Some((fact, _)) => {
                        let fact_name = Located {
                            value: self.facts[fact.0 as usize].name.clone(),
                            mark: name.mark,
                        };
                        settles.extend(answer(self, &fact_name, name));
                    }
                    None => self.problem(
                        SECTIONS,
                        Some(name.mark),
                        "a section has a category, but the table names no `category` fact",
                    ),
                }
            }
            let mut lists = Vec::new();
            for name in &section.lists {
                match list_ids.get(&name.value) {
                    Some(i) => {
                        lists.push(i);
                        settles.extend(list_sets[i].iter().cloned());
                    }
                    None => self.problem(
                        SECTIONS,
                        Some(name.mark),
                        format!("no list is named \"{name}\""),
                    ),
                }
            }
            out.push(code.value.clone(), section.name.clone(), lists, settles);
        }
        out
    }
}
