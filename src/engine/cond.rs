//! The three-valued evaluation of conditions (yes / no / unknown, and "not yet").
//! The conditions themselves are [`crate::model::cond::Cond`].

use chrono::{Days, Months, NaiveDate};

pub use crate::model::cond::{Cond, Period};
use crate::model::facts::{Answers, FactId, FactSet, Slot, Value};

/// The value of a condition in three-valued logic, with time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Truth {
    True,
    False,
    /// False today, true from this date on (a waiting period not yet over).
    Later(NaiveDate),
    /// Depends on these facts, which are missing or unsure.
    Unknown(FactSet),
}

impl Truth {
    fn from_bool(b: bool) -> Self {
        if b { Truth::True } else { Truth::False }
    }

    /// True or possibly true: not ruled out.
    pub fn may_hold(self) -> bool {
        !matches!(self, Truth::False)
    }
}

/// What a condition is evaluated against.
#[derive(Clone, Copy)]
pub struct Scope<'a> {
    pub as_of: NaiveDate,
    pub person: &'a Answers,
    /// The entry being judged; `None` for person-level rules.
    pub case: Option<&'a Answers>,
    pub all_cases: &'a [Answers],
    /// The facts asked about the person (the rest are asked per entry).
    pub person_facts: &'a FactSet,
}

impl Scope<'_> {
    /// For rules that show something when it *may* hold (whether a remedy is listed,
    /// caveats, referrals): only an answer given can make it a maybe. An unknown that
    /// comes only from questions never answered, because the route skipped them, the
    /// interview stopped before them or a case file left them out, is a no; an
    /// "I'm not sure" answer stays unknown.
    pub fn settle(&self, truth: Truth) -> Truth {
        let Truth::Unknown(facts) = truth else {
            return truth;
        };
        let open = facts.iter().any(|f| {
            matches!(self.slot(f), Slot::NotSure)
                // About the whole person, an entry fact can only be open through
                // AnyEntry, which has already settled it entry by entry.
                || (self.case.is_none() && !self.person_facts.contains(f))
        });
        if open { truth } else { Truth::False }
    }

    /// Whether a caveat or referral should be shown: it holds, or it may.
    pub fn may_show(&self, cond: &Cond) -> bool {
        matches!(
            self.settle(cond.eval(self)),
            Truth::True | Truth::Unknown(_)
        )
    }

    fn slot(&self, fact: FactId) -> &Slot {
        // A fact belongs to one scope only, so whichever holds an answer has it.
        match self.case.map(|c| c.get(fact)) {
            Some(slot) if slot.is_answered() => slot,
            _ => self.person.get(fact),
        }
    }
}

impl Cond {
    pub fn eval(&self, scope: &Scope) -> Truth {
        match self {
            Cond::Always => Truth::True,
            Cond::All(items) => all(items.iter().map(|c| c.eval(scope))),
            Cond::Any(items) => any(items.iter().map(|c| c.eval(scope))),
            Cond::Not(inner) => match inner.eval(scope) {
                Truth::True => Truth::False,
                // Not yet true means true today.
                Truth::False | Truth::Later(_) => Truth::True,
                unknown => unknown,
            },
            Cond::Bool(f, want) => test(scope, *f, |v| matches!(v, Value::Bool(b) if b == want)),
            Cond::Choice(f, mask) => test(
                scope,
                *f,
                |v| matches!(v, Value::Choice(i) if mask & (1u64 << *i) != 0),
            ),
            // Answered "not sure" is a definite no; never answered is not yet known.
            Cond::Known(f) => match scope.slot(*f) {
                Slot::Missing => Truth::Unknown(FactSet::one(*f)),
                slot => Truth::from_bool(slot.value().is_some()),
            },
            Cond::Before(f, d) => test(scope, *f, |v| matches!(v, Value::Date(x) if x < d)),
            Cond::OnOrAfter(f, d) => test(scope, *f, |v| matches!(v, Value::Date(x) if x >= d)),
            Cond::AtMost(f, n) => test(scope, *f, |v| amount(v).is_some_and(|a| a <= *n)),
            Cond::MoreThan(f, n) => test(scope, *f, |v| amount(v).is_some_and(|a| a > *n)),
            Cond::Waited(f, period) => match scope.slot(*f).value() {
                Some(Value::Date(start)) => match add_period(*start, *period) {
                    Some(due) if due <= scope.as_of => Truth::True,
                    Some(due) => Truth::Later(due),
                    None => Truth::False,
                },
                Some(_) => Truth::False,
                None => Truth::Unknown(FactSet::one(*f)),
            },
            Cond::AsOfBefore(d) => Truth::from_bool(scope.as_of < *d),
            Cond::InEffectFrom(d) if scope.as_of >= *d => Truth::True,
            Cond::InEffectFrom(d) => Truth::Later(*d),
            Cond::EntriesAtLeast(n) => Truth::from_bool(scope.all_cases.len() >= *n as usize),
            Cond::AnyEntry(inner) => any(scope.all_cases.iter().map(|case| {
                let entry = Scope {
                    case: Some(case),
                    ..*scope
                };
                entry.settle(inner.eval(&entry))
            })),
        }
    }
}

fn test(scope: &Scope, fact: FactId, pred: impl Fn(&Value) -> bool) -> Truth {
    match scope.slot(fact).value() {
        Some(v) => Truth::from_bool(pred(v)),
        None => Truth::Unknown(FactSet::one(fact)),
    }
}

fn amount(v: &Value) -> Option<u64> {
    match v {
        Value::Money(cents) => Some(*cents),
        Value::Number(n) => Some(u64::from(*n)),
        _ => None,
    }
}

pub fn add_period(start: NaiveDate, period: Period) -> Option<NaiveDate> {
    match period {
        Period::Days(n) => start.checked_add_days(Days::new(u64::from(n))),
        Period::Months(n) => start.checked_add_months(Months::new(n)),
        Period::Years(n) => start.checked_add_months(Months::new(n.checked_mul(12)?)),
    }
}

/// All must hold: one false decides; else an unknown leaves it open; else it holds
/// once the latest wait is over.
fn all(items: impl Iterator<Item = Truth>) -> Truth {
    let mut unknown = FactSet::default();
    let mut latest: Option<NaiveDate> = None;
    for t in items {
        match t {
            Truth::False => return Truth::False,
            Truth::Unknown(f) => unknown = unknown.union(f),
            Truth::Later(d) => latest = Some(latest.map_or(d, |l| l.max(d))),
            Truth::True => {}
        }
    }
    if !unknown.is_empty() {
        Truth::Unknown(unknown)
    } else if let Some(d) = latest {
        Truth::Later(d)
    } else {
        Truth::True
    }
}

/// Any may hold: one true decides; else an unknown leaves it open; else it holds
/// once the earliest wait is over.
fn any(items: impl Iterator<Item = Truth>) -> Truth {
    let mut unknown = FactSet::default();
    let mut earliest: Option<NaiveDate> = None;
    for t in items {
        match t {
            Truth::True => return Truth::True,
            Truth::Unknown(f) => unknown = unknown.union(f),
            Truth::Later(d) => earliest = Some(earliest.map_or(d, |e| e.min(d))),
            Truth::False => {}
        }
    }
    if !unknown.is_empty() {
        Truth::Unknown(unknown)
    } else if let Some(d) = earliest {
        Truth::Later(d)
    } else {
        Truth::False
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn unknown(ids: &[u16]) -> Truth {
        let mut set = FactSet::default();
        ids.iter().for_each(|i| set.insert(FactId(*i)));
        Truth::Unknown(set)
    }

    #[test]
    fn all_is_false_if_any_is_false_even_with_unknowns() {
        assert_eq!(all([unknown(&[0]), Truth::False].into_iter()), Truth::False);
        assert_eq!(all([Truth::True, Truth::True].into_iter()), Truth::True);
        assert_eq!(all(std::iter::empty()), Truth::True);
    }

    #[test]
    fn all_names_every_unknown_and_waits_for_the_latest() {
        assert_eq!(
            all([unknown(&[0]), Truth::True, unknown(&[1])].into_iter()),
            unknown(&[0, 1])
        );
        let (early, late) = (day(2027, 1, 1), day(2028, 1, 1));
        assert_eq!(
            all([Truth::Later(late), Truth::True, Truth::Later(early)].into_iter()),
            Truth::Later(late)
        );
        assert_eq!(
            all([Truth::Later(late), unknown(&[0])].into_iter()),
            unknown(&[0])
        );
    }

    #[test]
    fn any_is_true_if_any_is_true_and_waits_for_the_earliest() {
        assert_eq!(any([unknown(&[0]), Truth::True].into_iter()), Truth::True);
        assert_eq!(any([Truth::False, Truth::False].into_iter()), Truth::False);
        assert_eq!(any(std::iter::empty()), Truth::False);
        let (early, late) = (day(2027, 1, 1), day(2028, 1, 1));
        assert_eq!(
            any([Truth::Later(late), Truth::False, Truth::Later(early)].into_iter()),
            Truth::Later(early)
        );
        assert_eq!(
            any([Truth::False, unknown(&[1])].into_iter()),
            unknown(&[1])
        );
    }

    #[test]
    fn waits_count_calendar_years_and_months() {
        let p = Period::Years(1);
        assert_eq!(add_period(day(2024, 2, 29), p), Some(day(2025, 2, 28)));
        assert_eq!(
            add_period(day(2020, 1, 31), Period::Months(1)),
            Some(day(2020, 2, 29))
        );
        assert_eq!(
            add_period(day(2020, 1, 1), Period::Days(366)),
            Some(day(2021, 1, 1))
        );
    }

    #[test]
    fn waited_is_later_until_the_day_then_true() {
        let fact = FactId(0);
        let mut answers = Answers::new(1);
        answers.set(fact, Slot::Known(Value::Date(day(2025, 6, 1))));
        let empty = Answers::new(1);
        let person_facts = FactSet::default();
        let cond = Cond::Waited(fact, Period::Years(1));
        let at = |answers: &Answers, as_of| {
            cond.eval(&Scope {
                as_of,
                person: &empty,
                case: Some(answers),
                all_cases: &[],
                person_facts: &person_facts,
            })
        };
        assert_eq!(
            at(&answers, day(2026, 5, 31)),
            Truth::Later(day(2026, 6, 1))
        );
        assert_eq!(at(&answers, day(2026, 6, 1)), Truth::True);
        answers.set(fact, Slot::NotSure);
        assert_eq!(
            at(&answers, day(2026, 6, 1)),
            Truth::Unknown(FactSet::one(fact))
        );
        // Not yet waited is true today.
        answers.set(fact, Slot::Known(Value::Date(day(2026, 1, 1))));
        let not = Cond::Not(Box::new(cond.clone()));
        let t = not.eval(&Scope {
            as_of: day(2026, 6, 1),
            person: &empty,
            case: Some(&answers),
            all_cases: &[],
            person_facts: &person_facts,
        });
        assert_eq!(t, Truth::True);
    }

    fn date(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn eval_on(cond: &Cond, as_of: &str) -> Truth {
        let answers = Answers::new(1);
        let facts = FactSet::default();
        let scope = Scope {
            as_of: date(as_of),
            person: &answers,
            case: Some(&answers),
            all_cases: std::slice::from_ref(&answers),
            person_facts: &facts,
        };
        cond.eval(&scope)
    }

    #[test]
    fn any_entry_keeps_an_unsure_entry_answer_open_for_the_whole_person() {
        // Fact 0 is about the person, fact 1 about an entry.
        let mut person_facts = FactSet::default();
        person_facts.insert(FactId(0));
        let mut person = Answers::new(2);
        person.set(FactId(0), Slot::Known(Value::Bool(false)));
        let mut unsure = Answers::new(2);
        unsure.set(FactId(1), Slot::NotSure);
        let skipped = Answers::new(2);
        let cond = Cond::AnyEntry(Box::new(Cond::Bool(FactId(1), true)));
        let whole = |cases: &[Answers]| {
            let scope = Scope {
                as_of: date("2026-11-25"),
                person: &person,
                case: None,
                all_cases: cases,
                person_facts: &person_facts,
            };
            scope.may_show(&cond)
        };
        assert!(
            whole(std::slice::from_ref(&unsure)),
            "an unsure answer may hold"
        );
        assert!(
            !whole(std::slice::from_ref(&skipped)),
            "a question the route skipped does not"
        );
    }

    #[test]
    fn in_effect_from_is_not_yet_before_its_date_and_true_from_it() {
        let c = Cond::InEffectFrom(date("2024-10-01"));
        assert_eq!(eval_on(&c, "2024-09-30"), Truth::Later(date("2024-10-01")));
        assert_eq!(eval_on(&c, "2024-10-01"), Truth::True);
        assert_eq!(eval_on(&c, "2026-11-25"), Truth::True);
    }

    #[test]
    fn in_effect_from_combines_with_other_waits() {
        // Both must hold: the later of the two dates decides.
        let c = Cond::All(vec![
            Cond::InEffectFrom(date("2024-10-01")),
            Cond::InEffectFrom(date("2023-01-01")),
        ]);
        assert_eq!(eval_on(&c, "2022-06-01"), Truth::Later(date("2024-10-01")));
        // Not(...) of a law not yet in effect holds today.
        let n = Cond::Not(Box::new(Cond::InEffectFrom(date("2024-10-01"))));
        assert_eq!(eval_on(&n, "2024-09-30"), Truth::True);
        assert_eq!(eval_on(&n, "2024-10-01"), Truth::False);
    }
}
