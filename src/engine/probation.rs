//! Probation's end, worked out: the term the court ordered from the day it was
//! granted, cut by a cap on how long probation may run (AB 1950,
//! docs/legal-reference.md §8, §16.4). The rules read it through
//! `ProbationOver` and `ProbationCapped`; the results show the working.

use chrono::{Months, NaiveDate};

use super::cond::{Scope, Truth};
use crate::model::facts::{FactSet, Value};
use crate::model::{ProbationRule, ProbationTest};

/// A probation term, worked out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Term {
    pub granted: NaiveDate,
    pub ordered_months: u32,
    /// The day the term ordered ends.
    pub ordered_end: NaiveDate,
    /// The cap that applied (an index into [`ProbationRule::caps`]); `None` when the
    /// term ordered was over before the caps took effect, or no cap holds.
    pub cap: Option<usize>,
    /// The day it ends, with the cap.
    pub end: NaiveDate,
}

impl Term {
    /// A cap cut the term ordered.
    pub fn capped(&self) -> bool {
        self.end < self.ordered_end
    }

    /// The cap took effect after the capped term would have ended, so the term ended
    /// the day the caps began.
    pub fn ended_when_caps_began(&self, rule: &ProbationRule) -> bool {
        self.capped() && self.end == rule.caps_from
    }
}

impl ProbationRule {
    /// The term for the entry in `scope`: `Err` with the facts it waits for when an
    /// answer it needs is missing or unsure; `Ok(None)` when the dates run past the
    /// calendar.
    pub fn term(&self, scope: &Scope) -> Result<Option<Term>, FactSet> {
        let granted = match scope.value(self.granted) {
            Some(Value::Date(d)) => *d,
            Some(_) => return Ok(None),
            None => return Err(FactSet::one(self.granted)),
        };
        let ordered_months = match scope.value(self.ordered_months) {
            Some(Value::Number(n)) => *n,
            Some(_) => return Ok(None),
            None => return Err(FactSet::one(self.ordered_months)),
        };
        let after = |months: u32| granted.checked_add_months(Months::new(months));
        let Some(ordered_end) = after(ordered_months) else {
            return Ok(None);
        };
        // A term over before the caps began stands as ordered.
        let cap = if ordered_end <= self.caps_from {
            None
        } else {
            self.cap(scope)?
        };
        let end = match cap.and_then(|c| self.caps[c].months) {
            Some(months) => match after(months) {
                Some(capped) => ordered_end.min(capped.max(self.caps_from)),
                None => ordered_end,
            },
            None => ordered_end,
        };
        Ok(Some(Term {
            granted,
            ordered_months,
            ordered_end,
            cap,
            end,
        }))
    }

    /// The first cap whose condition holds.
    fn cap(&self, scope: &Scope) -> Result<Option<usize>, FactSet> {
        for (i, cap) in self.caps.iter().enumerate() {
            match cap.when.eval(scope) {
                Truth::True => return Ok(Some(i)),
                Truth::Unknown(facts) => return Err(facts),
                Truth::False | Truth::Later(_) => {}
            }
        }
        Ok(None)
    }

    pub(super) fn eval(&self, test: ProbationTest, scope: &Scope) -> Truth {
        if test == ProbationTest::EndsAhead {
            return self.ordered_end_ahead(scope);
        }
        let term = match self.term(scope) {
            Ok(Some(term)) => term,
            Ok(None) => return Truth::False,
            Err(facts) => return Truth::Unknown(facts),
        };
        match test {
            ProbationTest::Over if term.end <= scope.as_of => Truth::True,
            ProbationTest::Over => Truth::Later(term.end),
            ProbationTest::Capped if term.capped() => Truth::True,
            ProbationTest::Capped | ProbationTest::EndsAhead => Truth::False,
        }
    }

    /// The term as ordered ends after the as-of date, read from the two answers alone.
    fn ordered_end_ahead(&self, scope: &Scope) -> Truth {
        let granted = scope.value(self.granted);
        let months = scope.value(self.ordered_months);
        match (granted, months) {
            (Some(Value::Date(granted)), Some(Value::Number(months))) => {
                match granted.checked_add_months(Months::new(*months)) {
                    Some(end) if end > scope.as_of => Truth::Later(end),
                    _ => Truth::False,
                }
            }
            (None, None) => {
                Truth::Unknown(FactSet::one(self.granted).union(FactSet::one(self.ordered_months)))
            }
            (None, _) => Truth::Unknown(FactSet::one(self.granted)),
            (_, None) => Truth::Unknown(FactSet::one(self.ordered_months)),
            _ => Truth::False,
        }
    }
}
