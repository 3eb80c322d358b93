//! `clearpath check`: everything that can be wrong with the content, as file:line.
//!
//! Loading already resolves every name. This adds what needs the whole picture: loops,
//! questions nothing leads to, routes that stop short, facts nothing reads, remedies
//! and outcomes no answers can reach, and routes that end with no remedy to show.

use std::collections::BTreeSet;

use chrono::{Days, NaiveDate};

use super::lang::Lang;
use super::model::{self, AnswerKind};
use super::source::Problem;
use super::{Content, Section, Sources, Target, graph, load, parse_in};
use crate::engine::cond::{Cond, Scope, Truth};
use crate::engine::facts::{Answers, FactId, FactSet, Person, Slot, Value};
use crate::engine::screen::{Verdict, implied, judge, screen};

const INTERVIEW: usize = 1;
const REMEDIES: usize = 2;
const CAVEATS: usize = 3;

/// How many complete routes the reachability search may walk for one question asked
/// of it, before it gives up and says so.
const ROUTE_BUDGET: usize = 2_000_000;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    pub questions: usize,
    pub remedies: usize,
    pub caveats: usize,
    /// Distinct question sequences: person routes times entry routes.
    pub routes: u128,
}

#[derive(Debug, Clone)]
pub struct Report {
    pub problems: Vec<Problem>,
    pub summary: Option<Summary>,
}

pub fn check(sources: &Sources) -> Report {
    let content = match load(sources) {
        Ok(c) => c,
        Err(problems) => {
            return Report {
                problems,
                summary: None,
            };
        }
    };
    let mut checker = Checker {
        sources,
        content: &content,
        problems: Vec::new(),
    };
    checker.translations();
    checker.structure();
    checker.citations();
    checker.unused_facts();
    if checker.problems.is_empty() {
        // Reachability walks routes, which needs a loop-free interview.
        checker.reachability();
    }
    let summary = Summary {
        questions: content.questions.len(),
        remedies: content.remedies.len(),
        caveats: content.caveats.len(),
        routes: graph::route_count(&content, Section::Person)
            .saturating_mul(graph::route_count(&content, Section::Case)),
    };
    Report {
        problems: checker.problems,
        summary: Some(summary),
    }
}

struct Checker<'a> {
    sources: &'a Sources,
    content: &'a Content,
    problems: Vec<Problem>,
}

impl Checker<'_> {
    fn at_item(&mut self, file: usize, id: &str, message: String) {
        let offset = self.sources.find_id(file, id).unwrap_or(0);
        self.problems
            .push(self.sources.problem_at(file, offset, message));
    }

    fn qid(&self, q: usize) -> &str {
        &self.content.questions[q].source.id
    }

    /// Every text a person sees must exist in each language `meta.ron` lists under
    /// `translations`.
    fn translations(&mut self) {
        for code in &self.content.meta.translations {
            let Some(lang) = Lang::parse(code).filter(|l| *l != Lang::En) else {
                let at = self.sources.find_after(0, 0, code);
                self.problems.push(self.sources.problem_at(
                    0,
                    at,
                    format!("\"{code}\" is not a language clearpath can translate into (es)"),
                ));
                continue;
            };
            let mut ignored = Vec::new();
            let missing = [
                parse_in::<model::Meta>(self.sources, 0, lang, &mut ignored).1,
                parse_in::<model::Interview>(self.sources, INTERVIEW, lang, &mut ignored).1,
                parse_in::<Vec<model::Remedy>>(self.sources, REMEDIES, lang, &mut ignored).1,
                parse_in::<Vec<model::Caveat>>(self.sources, CAVEATS, lang, &mut ignored).1,
                parse_in::<model::Guidance>(self.sources, 4, lang, &mut ignored).1,
            ];
            for (file, texts) in missing.into_iter().enumerate() {
                let mut from = 0;
                for text in texts {
                    // Find the text as written in the file, in order, so a text that
                    // appears twice is found at each place.
                    let written = text.replace('\\', "\\\\").replace('"', "\\\"");
                    let quoted = format!("\"{written}\"");
                    let at = self.sources.text(file)[from..]
                        .find(&quoted)
                        .map_or(from, |i| from + i);
                    from = at + 1;
                    let short: String = text.chars().take(60).collect();
                    let more = if text.chars().count() > 60 { "…" } else { "" };
                    self.problems.push(self.sources.problem_at(
                        file,
                        at,
                        format!(
                            "no {} ({}) translation of \"{short}{more}\"",
                            lang.name(),
                            lang.code()
                        ),
                    ));
                }
            }
        }
    }

    fn structure(&mut self) {
        for cycle in graph::loops(self.content) {
            let names: Vec<&str> = cycle.iter().map(|q| self.qid(*q)).collect();
            let message = format!(
                "these questions loop with no way out: {}",
                names.join(" → ")
            );
            let first = self.qid(cycle[0]).to_string();
            self.at_item(INTERVIEW, &first, message);
        }
        let reachable = graph::reachable(self.content);
        for (q, seen) in reachable.iter().enumerate() {
            if !seen {
                let id = self.qid(q).to_string();
                self.at_item(
                    INTERVIEW,
                    &id,
                    format!("no route reaches question \"{id}\""),
                );
            }
        }
        for q in 0..self.content.questions.len() {
            if self.content.questions[q]
                .next
                .iter()
                .all(|(c, _)| c.is_some())
            {
                let id = self.qid(q).to_string();
                self.at_item(
                    INTERVIEW,
                    &id,
                    format!("question \"{id}\" has no Otherwise: an answer that matches no When would stop the interview here"),
                );
            }
        }
    }

    fn citations(&mut self) {
        for r in &self.content.remedies {
            let s = &r.source;
            if s.statute.trim().is_empty() {
                self.at_item(
                    REMEDIES,
                    &s.id,
                    format!("remedy \"{}\" cites no statute", s.id),
                );
            }
            if s.reference.trim().is_empty() {
                self.at_item(
                    REMEDIES,
                    &s.id,
                    format!(
                        "remedy \"{}\" names no section of the legal reference",
                        s.id
                    ),
                );
            }
            if s.outcomes.is_empty() {
                self.at_item(
                    REMEDIES,
                    &s.id,
                    format!("remedy \"{}\" has no outcomes", s.id),
                );
            }
            for (i, o) in s.outcomes.iter().enumerate() {
                if o.reason.trim().is_empty() {
                    self.at_item(
                        REMEDIES,
                        &s.id,
                        format!("remedy \"{}\": outcome {} gives no reason", s.id, i + 1),
                    );
                }
            }
        }
        for c in &self.content.caveats {
            let s = &c.source;
            if s.statute.trim().is_empty() {
                self.at_item(
                    CAVEATS,
                    &s.id,
                    format!("caveat \"{}\" cites no statute or source", s.id),
                );
            }
        }
    }

    /// Every fact must be read by a rule, a route or an entry label: a question whose
    /// answer changes nothing should not be asked.
    fn unused_facts(&mut self) {
        let mut read = Vec::new();
        for q in &self.content.questions {
            for (c, _) in &q.next {
                if let Some(c) = c {
                    c.facts(&mut read);
                }
            }
            if let Some(c) = &q.implied_by {
                c.facts(&mut read);
            }
        }
        for r in &self.content.remedies {
            r.applies.facts(&mut read);
            r.outcomes.iter().for_each(|c| c.facts(&mut read));
        }
        for c in &self.content.caveats {
            if let Some(w) = &c.when {
                w.facts(&mut read);
            }
        }
        for r in &self.content.referrals {
            r.when.facts(&mut read);
        }
        read.extend(&self.content.entry_label);
        for (i, fact) in self.content.facts.iter().enumerate() {
            if !read.contains(&FactId(i as u16)) {
                let id = self.qid(fact.question).to_string();
                self.at_item(
                    INTERVIEW,
                    &id,
                    format!("the answer to \"{id}\" changes nothing: no rule, route or entry label reads \"{}\"", fact.name),
                );
            }
        }
    }

    fn reachability(&mut self) {
        let explorer = Explorer::new(self.content, None);
        let routing = explorer.routing.clone();
        // Whether any remedy shows depends on the routes and on what `applies` reads.
        let mut listing = routing.clone();
        let mut read = Vec::new();
        for r in &self.content.remedies {
            r.applies.facts(&mut read);
        }
        for f in read {
            listing[f.0 as usize] = true;
        }

        // Routes that end with no remedy to show.
        let mut empty_route: Option<Vec<usize>> = None;
        let mut empty_count = 0usize;
        // Once some remedy will surely be listed, nothing below can end empty: it
        // applies already, or it is open only because of "not sure" answers already
        // given, which later answers cannot settle.
        let listed = |scope: &Scope| {
            self.content
                .remedies
                .iter()
                .any(|r| match r.applies.eval(scope) {
                    Truth::True | Truth::Later(_) => true,
                    Truth::Unknown(facts) => facts.iter().all(|f| {
                        scope.person.get(f).is_answered()
                            || scope.case.is_some_and(|c| c.get(f).is_answered())
                    }),
                    Truth::False => false,
                })
        };
        let complete = explorer.explore(&listing, &listed, &mut |person, route, as_of| {
            let s = screen(self.content, person, as_of);
            if s.entries[0].remedies.is_empty() {
                empty_count += 1;
                empty_route.get_or_insert_with(|| route.to_vec());
            }
        });
        if let Some(route) = empty_route {
            let names = self.route_names(&route);
            let last = self.qid(*route.last().unwrap_or(&0)).to_string();
            self.at_item(
                INTERVIEW,
                &last,
                format!("{empty_count} way(s) through the interview reach results with no remedy to show, for example: {names}"),
            );
        }
        if !complete {
            self.note_budget("routes to results");
        }

        for (index, def) in self.content.remedies.iter().enumerate() {
            // Answers and dates need only be told apart as far as the routes and this
            // remedy's own conditions can tell them apart.
            let explorer = Explorer::new(self.content, Some(index));
            let mut relevant = routing.clone();
            let mut read = Vec::new();
            def.applies.facts(&mut read);
            def.outcomes.iter().for_each(|c| c.facts(&mut read));
            for f in read {
                relevant[f.0 as usize] = true;
            }
            // Settled early: `applies` is no, or it is yes and an outcome already
            // decides. Definite values never change as more answers come in, so the
            // whole subtree ends the same way and need not be walked.
            let settled = std::cell::RefCell::new((false, vec![false; def.outcomes.len()]));
            let prune = |scope: &Scope| {
                match def.applies.eval(scope) {
                    Truth::False => return true,
                    Truth::Unknown(_) => return false,
                    Truth::True | Truth::Later(_) => {}
                }
                for (i, c) in def.outcomes.iter().enumerate() {
                    match c.eval(scope) {
                        Truth::False => {}
                        Truth::Later(_)
                            if def.source.outcomes[i].status == model::Status::NotEligible => {}
                        Truth::Unknown(_) => return false,
                        Truth::True | Truth::Later(_) => {
                            let mut s = settled.borrow_mut();
                            s.0 = true;
                            s.1[i] = true;
                            return true;
                        }
                    }
                }
                false
            };
            let mut applies = false;
            let mut decided = vec![false; def.outcomes.len()];
            let mut fell_through: Option<Vec<usize>> = None;
            let mut unasked: Option<(FactId, Vec<usize>)> = None;
            let mut needless: Option<(usize, FactId, Verdict, Vec<usize>)> = None;
            let complete = explorer.explore(&relevant, &prune, &mut |person, route, as_of| {
                let person = &implied(self.content, person, as_of);
                let scope = Scope {
                    as_of,
                    person: &person.person,
                    case: Some(&person.cases[0]),
                    all_cases: &person.cases,
                    person_facts: &self.content.person_facts,
                };
                // Needing a fact the route never asked is a gap in the interview, unless
                // an unsure answer is why the question was skipped.
                let mut open = |facts: FactSet| {
                    let asked = |f: &FactId| {
                        person.person.get(*f).is_answered() || person.cases[0].get(*f).is_answered()
                    };
                    if let Some(f) = facts.iter().next()
                        && facts.iter().all(|f| !asked(&f))
                    {
                        unasked.get_or_insert_with(|| (f, route.to_vec()));
                    }
                };
                // Only a definite yes counts as reaching the remedy: an unknown can
                // come from a contradiction that no answers would make true.
                match def.applies.eval(&scope) {
                    Truth::False => return,
                    Truth::Unknown(facts) => {
                        open(facts);
                        return;
                    }
                    _ => applies = true,
                }
                for (i, c) in def.outcomes.iter().enumerate() {
                    match c.eval(&scope) {
                        Truth::True => {
                            decided[i] = true;
                            return;
                        }
                        Truth::Later(_)
                            if def.source.outcomes[i].status != model::Status::NotEligible =>
                        {
                            decided[i] = true;
                            return;
                        }
                        Truth::Unknown(facts) => {
                            open(facts);
                            let shown = judge(self.content, index, &scope).map(|r| r.verdict);
                            if needless.is_none()
                                && shown == Some(Verdict::NeedsInfo)
                                && let Some((fact, verdict)) =
                                    explorer.decided_anyway(index, facts, person, as_of)
                            {
                                needless = Some((i, fact, verdict, route.to_vec()));
                            }
                            return;
                        }
                        _ => {}
                    }
                }
                fell_through.get_or_insert_with(|| route.to_vec());
            });
            let (settled_applies, settled_decided) = settled.into_inner();
            applies |= settled_applies;
            for (d, s) in decided.iter_mut().zip(settled_decided) {
                *d |= s;
            }
            let id = &def.source.id;
            if !complete {
                self.note_budget(&format!("remedy \"{id}\""));
                continue;
            }
            if !applies {
                self.at_item(
                    REMEDIES,
                    id,
                    format!("no answers reach remedy \"{id}\": its `applies` can never hold"),
                );
                continue;
            }
            for (i, hit) in decided.iter().enumerate() {
                if !hit {
                    let offset = self.outcome_offset(id, i);
                    self.problems.push(self.sources.problem_at(
                        REMEDIES,
                        offset,
                        format!(
                            "outcome {} of remedy \"{id}\" can never decide: no answers reach it",
                            i + 1
                        ),
                    ));
                }
            }
            if let Some(route) = fell_through {
                let names = self.route_names(&route);
                self.at_item(
                    REMEDIES,
                    id,
                    format!("remedy \"{id}\": some answers match none of its outcomes, for example: {names}"),
                );
            }
            if let Some((i, fact, verdict, route)) = needless {
                let names = self.route_names(&route);
                let fact = &self.content.fact(fact).name;
                let offset = self.outcome_offset(id, i);
                self.problems.push(self.sources.problem_at(
                    REMEDIES,
                    offset,
                    format!(
                        "outcome {} of remedy \"{id}\" needs \"{fact}\", yet the entry's answers give \"{}\" whatever it is, for example: {names}; if an entry's answer settles \"{fact}\", name it in that question's implied_by; else test that answer first",
                        i + 1,
                        verdict.word().to_lowercase()
                    ),
                ));
            }
            if let Some((fact, route)) = unasked {
                let names = self.route_names(&route);
                let fact = &self.content.fact(fact).name;
                self.at_item(
                    REMEDIES,
                    id,
                    format!("remedy \"{id}\" reads \"{fact}\", which the interview does not ask on this route: {names}"),
                );
            }
        }
    }

    fn route_names(&self, route: &[usize]) -> String {
        route
            .iter()
            .map(|q| self.qid(*q))
            .collect::<Vec<_>>()
            .join(" → ")
    }

    fn note_budget(&mut self, what: &str) {
        self.problems.push(Problem::file(
            "questions/".into(),
            format!("too many routes to analyse {what} (over {ROUTE_BUDGET}); simplify the interview's branching"),
        ));
    }

    /// Offset of the i-th `when:` after a remedy's id.
    fn outcome_offset(&self, id: &str, i: usize) -> usize {
        let text = self.sources.text(REMEDIES);
        let start = self.sources.find_id(REMEDIES, id).unwrap_or(0);
        let outcomes = text[start..].find("outcomes:").map_or(start, |o| start + o);
        let mut at = outcomes;
        for _ in 0..=i {
            match text[at..].find("when:") {
                Some(o) => at += o + 1,
                None => return outcomes,
            }
        }
        at - 1
    }
}

/// Walks every route through one person section and one entry section, trying one
/// answer from each class of answers the rules tell apart.
struct Explorer<'a> {
    content: &'a Content,
    /// Per fact, representative answers, the first standing in when the fact is not
    /// being varied.
    reps: Vec<Vec<Slot>>,
    /// Facts read by a `When` of some question.
    routing: Vec<bool>,
    as_of: Vec<NaiveDate>,
}

impl<'a> Explorer<'a> {
    /// Representative answers and as-of dates for the routes and for one remedy's
    /// conditions, or for every remedy's when `remedy` is `None`.
    fn new(content: &'a Content, remedy: Option<usize>) -> Self {
        let n = content.facts.len();
        let mut conds: Vec<&Cond> = Vec::new();
        let mut routing = vec![false; n];
        for q in &content.questions {
            for (c, _) in &q.next {
                if let Some(c) = c {
                    let mut read = Vec::new();
                    c.facts(&mut read);
                    for f in read {
                        routing[f.0 as usize] = true;
                    }
                    conds.push(c);
                }
            }
        }
        for (i, r) in content.remedies.iter().enumerate() {
            if remedy.is_none_or(|only| only == i) {
                conds.push(&r.applies);
                conds.extend(r.outcomes.iter());
            }
        }
        let mut marks = Marks::default();
        marks.dates.resize(n, BTreeSet::new());
        marks.amounts.resize(n, BTreeSet::new());
        marks.masks.resize(n, Vec::new());
        for c in conds {
            marks.visit(c);
        }
        let today = content.law_checked;
        let mut as_of: Vec<NaiveDate> = vec![today];
        as_of.extend(
            marks
                .deadlines
                .iter()
                .filter_map(|d| d.checked_sub_days(Days::new(1))),
        );
        as_of.sort();
        as_of.dedup();

        let reps = content
            .facts
            .iter()
            .enumerate()
            .map(|(i, fact)| {
                let q = &content.questions[fact.question].source;
                let mut v: Vec<Slot> = match &fact.kind {
                    AnswerKind::YesNo => vec![Value::Bool(true), Value::Bool(false)]
                        .into_iter()
                        .map(Slot::Known)
                        .collect(),
                    AnswerKind::Choice(choices) => {
                        let mut seen = Vec::new();
                        let mut out = Vec::new();
                        for c in 0..choices.len() {
                            let signature: Vec<bool> = marks.masks[i]
                                .iter()
                                .map(|m| m & (1u64 << c) != 0)
                                .collect();
                            if !seen.contains(&signature) {
                                seen.push(signature);
                                out.push(Slot::Known(Value::Choice(c as u16)));
                            }
                        }
                        out
                    }
                    AnswerKind::Date => {
                        let mut dates: BTreeSet<NaiveDate> = BTreeSet::new();
                        dates.insert(NaiveDate::from_ymd_opt(1975, 1, 1).unwrap_or(today));
                        dates.insert(today);
                        for d in &marks.dates[i] {
                            dates.insert(*d);
                            if let Some(p) = d.checked_sub_days(Days::new(1)) {
                                dates.insert(p);
                            }
                        }
                        dates
                            .into_iter()
                            .map(|d| Slot::Known(Value::Date(d)))
                            .collect()
                    }
                    AnswerKind::Money | AnswerKind::Number => {
                        let mut amounts: BTreeSet<u64> = BTreeSet::from([0]);
                        for a in &marks.amounts[i] {
                            amounts.insert(*a);
                            amounts.insert(a + 1);
                        }
                        amounts
                            .into_iter()
                            .map(|a| {
                                Slot::Known(if fact.kind == AnswerKind::Money {
                                    Value::Money(a)
                                } else {
                                    Value::Number(u32::try_from(a).unwrap_or(u32::MAX))
                                })
                            })
                            .collect()
                    }
                    AnswerKind::Text => vec![Slot::Known(Value::Text("Sample".into()))],
                };
                if q.not_sure {
                    v.insert(0, Slot::NotSure);
                }
                v
            })
            .collect();
        Explorer {
            content,
            reps,
            routing,
            as_of,
        }
    }

    /// When a remedy stops at "needs more information" only on facts about the person
    /// answered "not sure", and every answer to them gives the remedy the same result,
    /// that result: the entry's answers already decide what the person-level answer
    /// is asked for, so the two disagree (an entry still on probation, and the person
    /// not sure whether they are on probation now). Returns the first such fact.
    fn decided_anyway(
        &self,
        remedy: usize,
        facts: FactSet,
        person: &Person,
        as_of: NaiveDate,
    ) -> Option<(FactId, Verdict)> {
        let unsure: Vec<FactId> = facts.iter().collect();
        let about_person = |f: &FactId| {
            self.content.person_facts.contains(*f) && matches!(person.person.get(*f), Slot::NotSure)
        };
        if unsure.is_empty() || !unsure.iter().all(about_person) {
            return None;
        }
        // Every combination of definite answers to the unsure facts.
        let mut combos: Vec<Person> = vec![person.clone()];
        for f in &unsure {
            let answers = self.reps[f.0 as usize]
                .iter()
                .filter(|s| matches!(s, Slot::Known(_)));
            combos = combos
                .iter()
                .flat_map(|p| {
                    answers.clone().map(|slot| {
                        let mut p = p.clone();
                        p.person.set(*f, slot.clone());
                        p
                    })
                })
                .collect();
        }
        let mut results = combos.iter().map(|p| {
            let scope = Scope {
                as_of,
                person: &p.person,
                case: Some(&p.cases[0]),
                all_cases: &p.cases,
                person_facts: &self.content.person_facts,
            };
            judge(self.content, remedy, &scope).map(|r| (r.verdict, r.from))
        });
        let first = results.next()??;
        let same = first.0 != Verdict::NeedsInfo && results.all(|r| r == Some(first));
        same.then_some((unsure[0], first.0))
    }

    /// Calls `leaf` at the end of every route, varying the `vary` facts. Returns false
    /// if it stopped at the budget.
    /// `prune` cuts a subtree as soon as the answers so far settle that nothing below
    /// is of interest (facts not yet asked read as unknown, so this is sound).
    fn explore(
        &self,
        vary: &[bool],
        prune: &dyn Fn(&Scope) -> bool,
        leaf: &mut dyn FnMut(&Person, &[usize], NaiveDate),
    ) -> bool {
        let mut budget = ROUTE_BUDGET;
        for &as_of in &self.as_of {
            let mut person = Person {
                person: Answers::new(self.content.facts.len()),
                cases: vec![Answers::new(self.content.facts.len())],
            };
            let mut route = Vec::new();
            let start = Target::Question(self.content.person_start);
            let mut walk = Walk {
                vary,
                prune,
                leaf,
                budget: &mut budget,
                as_of,
            };
            if !self.walk(start, Section::Person, &mut person, &mut route, &mut walk) {
                return false;
            }
        }
        true
    }

    fn walk(
        &self,
        at: Target,
        section: Section,
        person: &mut Person,
        route: &mut Vec<usize>,
        w: &mut Walk,
    ) -> bool {
        let q = match (at, section) {
            (Target::End, Section::Person) => {
                let start = Target::Question(self.content.case_start);
                return self.walk(start, Section::Case, person, route, w);
            }
            (Target::End, Section::Case) => {
                if *w.budget == 0 {
                    return false;
                }
                *w.budget -= 1;
                (w.leaf)(person, route, w.as_of);
                return true;
            }
            (Target::Question(q), _) => q,
        };
        let def = &self.content.questions[q];
        let fact = def.fact;
        let reps = &self.reps[fact.0 as usize];
        let tries = if w.vary[fact.0 as usize] {
            reps.len()
        } else {
            1
        };
        route.push(q);
        for slot in &reps[..tries] {
            let answers = match section {
                Section::Person => &mut person.person,
                Section::Case => &mut person.cases[0],
            };
            answers.set(fact, slot.clone());
            let scope = Scope {
                as_of: w.as_of,
                person: &person.person,
                case: Some(&person.cases[0]),
                all_cases: &person.cases,
                person_facts: &self.content.person_facts,
            };
            if (w.prune)(&scope) {
                continue;
            }
            let next = def
                .next
                .iter()
                .find(|(c, _)| c.as_ref().is_none_or(|c| c.eval(&scope) == Truth::True))
                .map_or(Target::End, |(_, t)| *t);
            if !self.walk(next, section, person, route, w) {
                return false;
            }
        }
        let answers = match section {
            Section::Person => &mut person.person,
            Section::Case => &mut person.cases[0],
        };
        answers.clear(fact);
        route.pop();
        true
    }
}

/// One exploration's settings and state.
struct Walk<'w> {
    vary: &'w [bool],
    prune: &'w dyn Fn(&Scope) -> bool,
    leaf: &'w mut dyn FnMut(&Person, &[usize], NaiveDate),
    budget: &'w mut usize,
    as_of: NaiveDate,
}

/// The constants the rules compare each fact with.
#[derive(Default)]
struct Marks {
    dates: Vec<BTreeSet<NaiveDate>>,
    amounts: Vec<BTreeSet<u64>>,
    masks: Vec<Vec<u64>>,
    deadlines: BTreeSet<NaiveDate>,
}

impl Marks {
    fn visit(&mut self, c: &Cond) {
        match c {
            Cond::All(items) | Cond::Any(items) => items.iter().for_each(|c| self.visit(c)),
            Cond::Not(inner) | Cond::AnyEntry(inner) => self.visit(inner),
            Cond::Choice(f, mask) => self.masks[f.0 as usize].push(*mask),
            Cond::Before(f, d) | Cond::OnOrAfter(f, d) => {
                self.dates[f.0 as usize].insert(*d);
            }
            Cond::AtMost(f, a) | Cond::MoreThan(f, a) => {
                self.amounts[f.0 as usize].insert(*a);
            }
            Cond::AsOfBefore(d) | Cond::InEffectFrom(d) => {
                self.deadlines.insert(*d);
            }
            Cond::Always
            | Cond::Bool(..)
            | Cond::Known(_)
            | Cond::Waited(..)
            | Cond::EntriesAtLeast(_) => {}
        }
    }
}
