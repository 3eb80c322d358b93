//! Conditions as the engine reads them: fact names resolved to ids, values parsed.
//! The content compiles the conditions written in `questions/*.ron` into these; the
//! engine evaluates them.

use std::sync::Arc;

use chrono::NaiveDate;
use serde::Deserialize;

use super::facts::FactId;

/// A span of time, as the law counts waiting periods.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub enum Period {
    Days(u32),
    Months(u32),
    Years(u32),
}

/// A condition with fact names resolved to ids and values parsed.
#[derive(Debug, Clone)]
pub enum Cond {
    Always,
    All(Vec<Cond>),
    Any(Vec<Cond>),
    Not(Box<Cond>),
    Bool(FactId, bool),
    /// The choice is one of the set bits.
    Choice(FactId, u64),
    /// Like `Choice`, but only an answer given counts: missing or "not sure" is no.
    Confirmed(FactId, u64),
    Known(FactId),
    Before(FactId, NaiveDate),
    OnOrAfter(FactId, NaiveDate),
    /// Amount in cents (money) or units (number).
    AtMost(FactId, u64),
    MoreThan(FactId, u64),
    Waited(FactId, Period),
    AsOfBefore(NaiveDate),
    /// True from this date on; before it, not yet, and the engine knows the date.
    InEffectFrom(NaiveDate),
    /// At least this many cases on the record; a case with several counts is one.
    EntriesAtLeast(u32),
    AnyEntry(Box<Cond>),
    /// A question about how long probation runs, worked out by [`ProbationRule`].
    Probation(Arc<ProbationRule>, ProbationTest),
}

/// What a [`Cond::Probation`] asks of the worked-out probation term.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProbationTest {
    /// The term is over: true from its end on; before then "not yet", with the date.
    Over,
    /// A cap shortened the term the court ordered.
    Capped,
    /// The term as ordered, caps aside (as records that do not apply them show it),
    /// ends after the as-of date: "not yet", with its end; a term already over is no.
    /// It reads no fact the caps read.
    EndsAhead,
}

/// How long probation runs: the term the court ordered from the day it was granted,
/// cut by the first cap that holds when the term was still running on the day the
/// caps took effect (AB 1950, docs/legal-reference.md §8, §16.4).
#[derive(Debug)]
pub struct ProbationRule {
    /// The date probation was granted.
    pub granted: FactId,
    /// The months of probation the court ordered.
    pub ordered_months: FactId,
    /// The day the caps took effect.
    pub caps_from: NaiveDate,
    /// Tried in order: the first whose condition holds sets the cap.
    pub caps: Vec<ProbationCap>,
}

#[derive(Debug)]
pub struct ProbationCap {
    pub when: Cond,
    /// The longest term in months; `None` keeps the term ordered.
    pub months: Option<u32>,
    /// Why, in plain words, citing the statute.
    pub reason: String,
}

impl Cond {
    /// Every fact this condition reads.
    pub fn facts(&self, out: &mut Vec<FactId>) {
        match self {
            Cond::All(items) | Cond::Any(items) => items.iter().for_each(|c| c.facts(out)),
            Cond::Not(inner) | Cond::AnyEntry(inner) => inner.facts(out),
            Cond::Probation(rule, test) => {
                out.push(rule.granted);
                out.push(rule.ordered_months);
                if *test != ProbationTest::EndsAhead {
                    rule.caps.iter().for_each(|cap| cap.when.facts(out));
                }
            }
            Cond::Bool(f, _)
            | Cond::Choice(f, _)
            | Cond::Confirmed(f, _)
            | Cond::Known(f)
            | Cond::Before(f, _)
            | Cond::OnOrAfter(f, _)
            | Cond::AtMost(f, _)
            | Cond::MoreThan(f, _)
            | Cond::Waited(f, _) => out.push(*f),
            Cond::Always
            | Cond::AsOfBefore(_)
            | Cond::InEffectFrom(_)
            | Cond::EntriesAtLeast(_) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn facts_lists_every_fact_read_in_order_and_nothing_else() {
        let day = NaiveDate::from_ymd_opt(2020, 1, 1).unwrap();
        let f = FactId;
        let cond = Cond::All(vec![
            Cond::Always,
            Cond::Bool(f(1), true),
            Cond::Any(vec![Cond::Choice(f(2), 1), Cond::Known(f(3))]),
            Cond::Not(Box::new(Cond::Before(f(4), day))),
            Cond::OnOrAfter(f(5), day),
            Cond::AtMost(f(6), 1),
            Cond::MoreThan(f(7), 1),
            Cond::Waited(f(8), Period::Days(1)),
            Cond::AsOfBefore(day),
            Cond::InEffectFrom(day),
            Cond::EntriesAtLeast(2),
            Cond::AnyEntry(Box::new(Cond::Bool(f(9), false))),
        ]);
        let mut out = Vec::new();
        cond.facts(&mut out);
        assert_eq!(out, (1..=9).map(f).collect::<Vec<_>>());
    }
}
