//! The route explorer: every way through the interview, with one answer from each
//! class of answers the rules tell apart.

use std::collections::BTreeSet;

use chrono::{Days, NaiveDate};

use crate::content::model::AnswerKind;
use crate::content::{Content, Section, Target};
use crate::engine::cond::{Cond, Scope, Truth};
use crate::engine::screen::{Verdict, entry_scope, judge};
use crate::model::{Answers, FactId, FactSet, Person, ProbationTest, Slot, Value};

/// How many complete routes the reachability search may walk for one question asked
/// of it, before it gives up and says so. Automatic conviction relief, which reads
/// nearly every answer about a conviction, takes about 11 million (some 30 seconds in
/// a debug build); the budget leaves room for the interview to grow to twice that.
pub(super) const ROUTE_BUDGET: usize = 25_000_000;

/// Walks every route through one person section and one entry section, trying one
/// answer from each class of answers the rules tell apart.
pub(super) struct Explorer<'a> {
    content: &'a Content,
    /// Per fact, representative answers, the first standing in when the fact is not
    /// being varied.
    reps: Vec<Vec<Slot>>,
    /// Facts read by a `When` of some question.
    pub(super) routing: Vec<bool>,
    as_of: Vec<NaiveDate>,
}

impl<'a> Explorer<'a> {
    /// Representative answers and as-of dates for the routes and for one remedy's
    /// conditions, or for every remedy's when `remedy` is `None`.
    pub(super) fn new(content: &'a Content, remedy: Option<usize>) -> Self {
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
        marks.guarded.resize(n, false);
        marks.unguarded.resize(n, false);
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
                    AnswerKind::Money | AnswerKind::Number | AnswerKind::Months => {
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
                if q.not_sure && !marks.unsure_reads_as_unnamed(i, &fact.kind) {
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
    pub(super) fn decided_anyway(
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
            let scope = entry_scope(self.content, p, &p.cases[0], as_of);
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
    pub(super) fn explore(
        &self,
        vary: &[bool],
        prune: &dyn Fn(&Scope) -> bool,
        leaf: &mut dyn FnMut(&Person, &[usize], NaiveDate),
    ) -> bool {
        let mut budget = ROUTE_BUDGET;
        for &as_of in &self.as_of {
            let mut person = Person::new(
                Answers::new(self.content.facts.len()),
                vec![Answers::new(self.content.facts.len())],
            );
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
                case_total: person.case_total(),
                person_facts: &self.content.person_facts,
                asking: true,
            };
            // Answers the interview refuses together are no route at all.
            let impossible = section == Section::Case
                && self
                    .content
                    .impossible
                    .iter()
                    .any(|rule| rule.when.eval(&scope) == Truth::True);
            if impossible || (w.prune)(&scope) {
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
    /// Per fact, whether some rule reads it as `Confirmed`, and whether some rule reads
    /// it any other way.
    guarded: Vec<bool>,
    unguarded: Vec<bool>,
    deadlines: BTreeSet<NaiveDate>,
}

impl Marks {
    /// "Not sure" gives every rule the same result as a choice no rule names, so it
    /// needs no route of its own: every rule reading the fact reads it as `Confirmed`,
    /// which "not sure" fails just as an unnamed choice does.
    fn unsure_reads_as_unnamed(&self, fact: usize, kind: &AnswerKind) -> bool {
        let AnswerKind::Choice(choices) = kind else {
            return false;
        };
        let named = self.masks[fact].iter().fold(0u64, |all, m| all | m);
        let some_unnamed = (0..choices.len()).any(|c| named & (1u64 << c) == 0);
        self.guarded[fact] && !self.unguarded[fact] && some_unnamed
    }

    fn visit(&mut self, c: &Cond) {
        match c {
            Cond::All(items) | Cond::Any(items) => items.iter().for_each(|c| self.visit(c)),
            Cond::Not(inner) | Cond::AnyEntry(inner) => self.visit(inner),
            Cond::Choice(f, mask) => {
                self.masks[f.0 as usize].push(*mask);
                self.unguarded[f.0 as usize] = true;
            }
            Cond::Known(f) => self.unguarded[f.0 as usize] = true,
            Cond::Confirmed(f, mask) => {
                self.masks[f.0 as usize].push(*mask);
                self.guarded[f.0 as usize] = true;
            }
            Cond::Before(f, d) | Cond::OnOrAfter(f, d) => {
                self.dates[f.0 as usize].insert(*d);
            }
            Cond::AtMost(f, a) | Cond::MoreThan(f, a) => {
                self.amounts[f.0 as usize].insert(*a);
            }
            Cond::AsOfBefore(d) | Cond::InEffectFrom(d) => {
                self.deadlines.insert(*d);
            }
            Cond::Probation(_, ProbationTest::EndsAhead) => {}
            Cond::Probation(rule, _) => {
                self.dates[rule.granted.0 as usize].insert(rule.caps_from);
                // A term every cap cuts (the longest cap and a month), and one none does
                // (the longest cap itself, and no time at all): enough to reach a cut
                // term and an uncut one without multiplying the routes by every cap.
                let longest = rule.caps.iter().filter_map(|cap| cap.months).max();
                let ordered = &mut self.amounts[rule.ordered_months.0 as usize];
                ordered.extend(longest.map(u64::from));
                rule.caps.iter().for_each(|cap| self.visit(&cap.when));
            }
            Cond::Always | Cond::Bool(..) | Cond::Waited(..) | Cond::EntriesAtLeast(_) => {}
        }
    }
}
