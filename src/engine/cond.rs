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
}

/// What a condition is evaluated against.
#[derive(Clone, Copy)]
pub struct Scope<'a> {
    pub as_of: NaiveDate,
    pub person: &'a Answers,
    /// The entry being judged; `None` for person-level rules.
    pub case: Option<&'a Answers>,
    pub all_cases: &'a [Answers],
    /// How many cases `all_cases` holds: a case with several counts is one case.
    pub case_total: usize,
    /// The facts asked about the person (the rest are asked per entry).
    pub person_facts: &'a FactSet,
    /// Answers are still coming: a fact not given yet may still be. Where they are all
    /// in (a finished interview, a case file), a fact never given was not asked, or was
    /// left out.
    pub asking: bool,
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

    /// The definite answer to a fact, if there is one.
    pub fn value(&self, fact: FactId) -> Option<&Value> {
        self.slot(fact).value()
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
            Cond::Confirmed(f, _) if scope.asking && matches!(scope.slot(*f), Slot::Missing) => {
                Truth::Unknown(FactSet::one(*f))
            }
            Cond::Confirmed(f, mask) => Truth::from_bool(matches!(
                scope.slot(*f).value(),
                Some(Value::Choice(i)) if mask & (1u64 << *i) != 0
            )),
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
            Cond::EntriesAtLeast(n) => Truth::from_bool(scope.case_total >= *n as usize),
            Cond::AnyEntry(inner) => any(scope.all_cases.iter().map(|case| {
                let entry = Scope {
                    case: Some(case),
                    ..*scope
                };
                entry.settle(inner.eval(&entry))
            })),
            Cond::Probation(rule, test) => rule.eval(*test, scope),
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
                case_total: 0,
                person_facts: &person_facts,
                asking: false,
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
            case_total: 0,
            person_facts: &person_facts,
            asking: false,
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
            case_total: 1,
            person_facts: &facts,
            asking: false,
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
                case_total: cases.len(),
                person_facts: &person_facts,
                asking: false,
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

    // Every kind of condition, on both sides of its boundary. Fact 0 is about the
    // entry being judged; `judged` evaluates a condition with that fact as given.

    const F: FactId = FactId(0);
    const TODAY: &str = "2026-11-25";

    fn judged(cond: &Cond, slot: Slot, as_of: &str) -> Truth {
        judged_while(cond, slot, as_of, false)
    }

    /// `asking`: whether the interview is still asking (see [`Scope::asking`]).
    fn judged_while(cond: &Cond, slot: Slot, as_of: &str, asking: bool) -> Truth {
        let mut case = Answers::new(2);
        case.set(F, slot);
        let person = Answers::new(2);
        let facts = FactSet::default();
        cond.eval(&Scope {
            as_of: date(as_of),
            person: &person,
            case: Some(&case),
            all_cases: std::slice::from_ref(&case),
            case_total: 1,
            person_facts: &facts,
            asking,
        })
    }

    fn known(v: Value) -> Slot {
        Slot::Known(v)
    }

    fn on(s: &str) -> Slot {
        known(Value::Date(date(s)))
    }

    fn cents(n: u64) -> Slot {
        known(Value::Money(n))
    }

    fn open() -> Truth {
        Truth::Unknown(FactSet::one(F))
    }

    /// What every condition on fact 0 is when the fact is missing or "not sure".
    fn unanswered(cond: &Cond) -> [Truth; 2] {
        [
            judged(cond, Slot::Missing, TODAY),
            judged(cond, Slot::NotSure, TODAY),
        ]
    }

    #[test]
    fn always_holds_whatever_was_answered() {
        assert_eq!(judged(&Cond::Always, Slot::Missing, TODAY), Truth::True);
        assert_eq!(judged(&Cond::Always, Slot::NotSure, TODAY), Truth::True);
    }

    #[test]
    fn bool_is_the_answer_wanted_and_open_without_one() {
        let yes = Cond::Bool(F, true);
        let no = Cond::Bool(F, false);
        let (y, n) = (known(Value::Bool(true)), known(Value::Bool(false)));
        assert_eq!(judged(&yes, y.clone(), TODAY), Truth::True);
        assert_eq!(judged(&yes, n.clone(), TODAY), Truth::False);
        assert_eq!(judged(&no, n, TODAY), Truth::True);
        assert_eq!(judged(&no, y, TODAY), Truth::False);
        // An answer of another kind is not a yes.
        assert_eq!(judged(&yes, known(Value::Choice(1)), TODAY), Truth::False);
        assert_eq!(unanswered(&yes), [open(), open()]);
    }

    #[test]
    fn choice_holds_for_the_choices_in_its_set_only() {
        // Choices 0 and 2 of four.
        let c = Cond::Choice(F, 0b0101);
        let pick = |i| judged(&c, known(Value::Choice(i)), TODAY);
        assert_eq!(pick(0), Truth::True);
        assert_eq!(pick(1), Truth::False);
        assert_eq!(pick(2), Truth::True);
        assert_eq!(pick(3), Truth::False);
        // The highest choice a set can name.
        let last = Cond::Choice(F, 1 << 63);
        assert_eq!(judged(&last, known(Value::Choice(63)), TODAY), Truth::True);
        assert_eq!(judged(&last, known(Value::Choice(62)), TODAY), Truth::False);
        assert_eq!(judged(&c, known(Value::Bool(true)), TODAY), Truth::False);
        assert_eq!(unanswered(&c), [open(), open()]);
    }

    #[test]
    fn known_is_open_until_answered_and_not_sure_is_a_definite_no() {
        let c = Cond::Known(F);
        assert_eq!(judged(&c, on("2020-01-01"), TODAY), Truth::True);
        assert_eq!(judged(&c, known(Value::Bool(false)), TODAY), Truth::True);
        assert_eq!(unanswered(&c), [open(), Truth::False]);
    }

    #[test]
    fn confirmed_holds_only_for_a_given_answer_and_waits_only_while_answers_are_coming() {
        let c = Cond::Confirmed(F, 0b010);
        assert_eq!(judged(&c, known(Value::Choice(1)), TODAY), Truth::True);
        assert_eq!(judged(&c, known(Value::Choice(0)), TODAY), Truth::False);
        assert_eq!(judged(&c, known(Value::Choice(2)), TODAY), Truth::False);
        // Missing and "not sure" are no: a case file that leaves it out says nothing.
        assert_eq!(unanswered(&c), [Truth::False, Truth::False]);
        // While the interview is still asking, a question not yet reached may still be.
        assert_eq!(judged_while(&c, Slot::Missing, TODAY, true), open());
        assert_eq!(judged_while(&c, Slot::NotSure, TODAY, true), Truth::False);
    }

    #[test]
    fn before_is_strictly_before_its_date() {
        let c = Cond::Before(F, date("2018-01-01"));
        assert_eq!(judged(&c, on("2017-12-31"), TODAY), Truth::True);
        assert_eq!(judged(&c, on("2018-01-01"), TODAY), Truth::False);
        assert_eq!(judged(&c, on("2018-01-02"), TODAY), Truth::False);
        assert_eq!(judged(&c, cents(0), TODAY), Truth::False);
        assert_eq!(unanswered(&c), [open(), open()]);
    }

    #[test]
    fn on_or_after_includes_its_date() {
        let c = Cond::OnOrAfter(F, date("2018-01-01"));
        assert_eq!(judged(&c, on("2017-12-31"), TODAY), Truth::False);
        assert_eq!(judged(&c, on("2018-01-01"), TODAY), Truth::True);
        assert_eq!(judged(&c, on("2018-01-02"), TODAY), Truth::True);
        assert_eq!(judged(&c, cents(0), TODAY), Truth::False);
        assert_eq!(unanswered(&c), [open(), open()]);
    }

    #[test]
    fn at_most_includes_its_amount_to_the_cent() {
        // $950.00
        let c = Cond::AtMost(F, 95_000);
        assert_eq!(judged(&c, cents(94_999), TODAY), Truth::True);
        assert_eq!(judged(&c, cents(95_000), TODAY), Truth::True);
        assert_eq!(judged(&c, cents(95_001), TODAY), Truth::False);
        assert_eq!(judged(&c, cents(0), TODAY), Truth::True);
        // Numbers count in units.
        let n = Cond::AtMost(F, 3);
        assert_eq!(judged(&n, known(Value::Number(2)), TODAY), Truth::True);
        assert_eq!(judged(&n, known(Value::Number(3)), TODAY), Truth::True);
        assert_eq!(judged(&n, known(Value::Number(4)), TODAY), Truth::False);
        // Not an amount: no.
        assert_eq!(judged(&c, on("2020-01-01"), TODAY), Truth::False);
        assert_eq!(unanswered(&c), [open(), open()]);
    }

    #[test]
    fn more_than_excludes_its_amount_to_the_cent() {
        let c = Cond::MoreThan(F, 95_000);
        assert_eq!(judged(&c, cents(94_999), TODAY), Truth::False);
        assert_eq!(judged(&c, cents(95_000), TODAY), Truth::False);
        assert_eq!(judged(&c, cents(95_001), TODAY), Truth::True);
        let n = Cond::MoreThan(F, 3);
        assert_eq!(judged(&n, known(Value::Number(3)), TODAY), Truth::False);
        assert_eq!(judged(&n, known(Value::Number(4)), TODAY), Truth::True);
        assert_eq!(
            judged(&n, known(Value::Number(u32::MAX)), TODAY),
            Truth::True
        );
        assert_eq!(
            judged(&c, known(Value::Text("1000".into())), TODAY),
            Truth::False
        );
        assert_eq!(unanswered(&c), [open(), open()]);
    }

    /// A wait from `start` on the day before, the day of and the day after `due`.
    fn around_due(period: Period, start: &str, due: &str) -> [Truth; 3] {
        let c = Cond::Waited(F, period);
        let due = date(due);
        [due.pred_opt().unwrap(), due, due.succ_opt().unwrap()]
            .map(|d| judged(&c, on(start), &d.to_string()))
    }

    #[test]
    fn waited_is_not_yet_the_day_before_it_ends_and_holds_from_that_day() {
        let cases = [
            (Period::Days(1), "2024-02-28", "2024-02-29"),
            (Period::Days(2), "2024-02-28", "2024-03-01"),
            (Period::Days(2), "2023-02-28", "2023-03-02"),
            (Period::Days(0), "2024-05-05", "2024-05-05"),
            (Period::Months(1), "2024-05-05", "2024-06-05"),
            // A month from the 31st ends on the last day of a shorter month.
            (Period::Months(1), "2024-01-31", "2024-02-29"),
            (Period::Months(1), "2023-01-31", "2023-02-28"),
            (Period::Months(6), "2024-08-31", "2025-02-28"),
            (Period::Months(18), "2024-03-31", "2025-09-30"),
            (Period::Years(1), "2024-06-01", "2025-06-01"),
            // A year from February 29 ends on February 28, four on the 29th.
            (Period::Years(1), "2024-02-29", "2025-02-28"),
            (Period::Years(4), "2024-02-29", "2028-02-29"),
            (Period::Years(1), "2023-02-28", "2024-02-28"),
            (Period::Years(10), "2016-12-31", "2026-12-31"),
        ];
        for (period, start, due) in cases {
            assert_eq!(
                around_due(period, start, due),
                [Truth::Later(date(due)), Truth::True, Truth::True],
                "{period:?} from {start}"
            );
        }
    }

    #[test]
    fn a_wait_past_the_calendar_never_ends() {
        for period in [
            Period::Years(u32::MAX),
            Period::Years(300_000),
            Period::Months(u32::MAX),
            Period::Days(u32::MAX),
        ] {
            assert_eq!(add_period(date("2020-01-01"), period), None, "{period:?}");
            let c = Cond::Waited(F, period);
            assert_eq!(judged(&c, on("2020-01-01"), TODAY), Truth::False);
        }
    }

    #[test]
    fn waited_is_open_without_a_date_and_no_for_another_answer() {
        let c = Cond::Waited(F, Period::Years(1));
        assert_eq!(unanswered(&c), [open(), open()]);
        assert_eq!(judged(&c, known(Value::Bool(true)), TODAY), Truth::False);
    }

    #[test]
    fn has_waited_is_no_while_the_wait_is_not_over() {
        // How the content writes HasWaited.
        let c = Cond::Not(Box::new(Cond::Not(Box::new(Cond::Waited(
            F,
            Period::Years(2),
        )))));
        let start = on("2024-11-25");
        assert_eq!(judged(&c, start.clone(), "2026-11-24"), Truth::False);
        assert_eq!(judged(&c, start.clone(), "2026-11-25"), Truth::True);
        assert_eq!(judged(&c, start, "2026-11-26"), Truth::True);
        assert_eq!(unanswered(&c), [open(), open()]);
    }

    #[test]
    fn as_of_before_is_over_on_the_deadline_day() {
        let c = Cond::AsOfBefore(date("2027-01-01"));
        assert_eq!(judged(&c, Slot::Missing, "2026-12-31"), Truth::True);
        assert_eq!(judged(&c, Slot::Missing, "2027-01-01"), Truth::False);
        assert_eq!(judged(&c, Slot::Missing, "2027-01-02"), Truth::False);
    }

    #[test]
    fn in_effect_from_on_the_day_before_of_and_after() {
        let c = Cond::InEffectFrom(date("2024-10-01"));
        assert_eq!(
            judged(&c, Slot::Missing, "2024-09-30"),
            Truth::Later(date("2024-10-01"))
        );
        assert_eq!(judged(&c, Slot::Missing, "2024-10-01"), Truth::True);
        assert_eq!(judged(&c, Slot::Missing, "2024-10-02"), Truth::True);
    }

    #[test]
    fn not_swaps_yes_and_no_counts_not_yet_as_no_and_keeps_unknowns() {
        let not = |c: Cond| Cond::Not(Box::new(c));
        let yes = known(Value::Bool(true));
        assert_eq!(
            judged(&not(Cond::Bool(F, true)), yes.clone(), TODAY),
            Truth::False
        );
        assert_eq!(judged(&not(Cond::Bool(F, false)), yes, TODAY), Truth::True);
        let later = not(Cond::InEffectFrom(date("2030-01-01")));
        assert_eq!(judged(&later, Slot::Missing, TODAY), Truth::True);
        assert_eq!(unanswered(&not(Cond::Bool(F, true))), [open(), open()]);
        // Not a Known answered "not sure" is yes.
        assert_eq!(
            judged(&not(Cond::Known(F)), Slot::NotSure, TODAY),
            Truth::True
        );
    }

    #[test]
    fn all_and_any_evaluate_their_parts_in_three_values() {
        let yes = Cond::Always;
        let no = Cond::Not(Box::new(Cond::Always));
        let asked = Cond::Bool(F, true);
        let later = Cond::InEffectFrom(date("2030-01-01"));
        let all = |v: Vec<Cond>| judged(&Cond::All(v), Slot::Missing, TODAY);
        let any = |v: Vec<Cond>| judged(&Cond::Any(v), Slot::Missing, TODAY);
        assert_eq!(all(vec![yes.clone(), asked.clone()]), open());
        assert_eq!(all(vec![no.clone(), asked.clone()]), Truth::False);
        assert_eq!(
            all(vec![yes.clone(), later.clone()]),
            Truth::Later(date("2030-01-01"))
        );
        assert_eq!(all(vec![]), Truth::True);
        assert_eq!(any(vec![no.clone(), asked.clone()]), open());
        assert_eq!(any(vec![yes.clone(), asked.clone()]), Truth::True);
        assert_eq!(
            any(vec![no.clone(), later.clone()]),
            Truth::Later(date("2030-01-01"))
        );
        assert_eq!(any(vec![]), Truth::False);
        // Not(All) is Any(Not) in every case above, unknowns included.
        let not = |c: Cond| Cond::Not(Box::new(c));
        for parts in [
            vec![yes.clone(), asked.clone()],
            vec![no.clone(), asked.clone()],
            vec![yes.clone(), no.clone()],
            vec![asked.clone()],
        ] {
            let lhs = judged(&not(Cond::All(parts.clone())), Slot::Missing, TODAY);
            let rhs = judged(
                &Cond::Any(parts.into_iter().map(not).collect()),
                Slot::Missing,
                TODAY,
            );
            assert_eq!(lhs, rhs);
        }
    }

    #[test]
    fn any_names_every_unknown_and_unknowns_outweigh_waits() {
        assert_eq!(
            any([unknown(&[0]), Truth::False, unknown(&[1])].into_iter()),
            unknown(&[0, 1])
        );
        assert_eq!(
            any([Truth::Later(day(2027, 1, 1)), unknown(&[2])].into_iter()),
            unknown(&[2])
        );
        assert_eq!(
            all([Truth::Later(day(2027, 1, 1)), Truth::False].into_iter()),
            Truth::False
        );
    }

    /// A record of entries, each answering fact 1 as given; fact 0 is the person's.
    fn whole_record(cond: &Cond, entries: &[Slot], as_of: &str) -> Truth {
        let mut person_facts = FactSet::default();
        person_facts.insert(FactId(0));
        let person = Answers::new(2);
        let cases: Vec<Answers> = entries
            .iter()
            .map(|slot| {
                let mut a = Answers::new(2);
                a.set(FactId(1), slot.clone());
                a
            })
            .collect();
        cond.eval(&Scope {
            as_of: date(as_of),
            person: &person,
            case: None,
            all_cases: &cases,
            case_total: cases.len(),
            person_facts: &person_facts,
            asking: false,
        })
    }

    #[test]
    fn entries_at_least_counts_every_entry() {
        let c = Cond::EntriesAtLeast(2);
        let entries = |n| vec![Slot::Missing; n];
        assert_eq!(whole_record(&c, &entries(0), TODAY), Truth::False);
        assert_eq!(whole_record(&c, &entries(1), TODAY), Truth::False);
        assert_eq!(whole_record(&c, &entries(2), TODAY), Truth::True);
        assert_eq!(whole_record(&c, &entries(3), TODAY), Truth::True);
        assert_eq!(
            whole_record(&Cond::EntriesAtLeast(0), &[], TODAY),
            Truth::True
        );
    }

    #[test]
    fn any_entry_holds_when_one_entry_does_and_waits_for_the_first() {
        let yes = known(Value::Bool(true));
        let no = known(Value::Bool(false));
        let c = Cond::AnyEntry(Box::new(Cond::Bool(FactId(1), true)));
        assert_eq!(whole_record(&c, &[], TODAY), Truth::False);
        assert_eq!(
            whole_record(&c, std::slice::from_ref(&no), TODAY),
            Truth::False
        );
        assert_eq!(whole_record(&c, &[no.clone(), yes], TODAY), Truth::True);
        // A question skipped in an entry is a no for it; "not sure" stays open.
        assert_eq!(
            whole_record(&c, &[no.clone(), Slot::Missing], TODAY),
            Truth::False
        );
        assert_eq!(
            whole_record(&c, &[no, Slot::NotSure], TODAY),
            Truth::Unknown(FactSet::one(FactId(1)))
        );
        // Each entry is judged on its own answers.
        let w = Cond::AnyEntry(Box::new(Cond::Waited(FactId(1), Period::Years(1))));
        let (a, b) = (on("2026-03-01"), on("2026-02-01"));
        assert_eq!(
            whole_record(&w, &[a.clone(), b.clone()], TODAY),
            Truth::Later(date("2027-02-01"))
        );
        assert_eq!(whole_record(&w, &[a, b], "2027-02-01"), Truth::True);
    }

    #[test]
    fn an_entry_reads_its_own_answer_first_then_the_persons() {
        // Fact 0 answered for the person only, fact 1 for both.
        let mut person = Answers::new(2);
        person.set(FactId(0), known(Value::Bool(true)));
        person.set(FactId(1), known(Value::Bool(false)));
        let mut case = Answers::new(2);
        case.set(FactId(1), known(Value::Bool(true)));
        let facts = FactSet::default();
        let scope = Scope {
            as_of: date(TODAY),
            person: &person,
            case: Some(&case),
            all_cases: std::slice::from_ref(&case),
            case_total: 1,
            person_facts: &facts,
            asking: false,
        };
        assert_eq!(Cond::Bool(FactId(0), true).eval(&scope), Truth::True);
        assert_eq!(Cond::Bool(FactId(1), true).eval(&scope), Truth::True);
        let person_only = Scope {
            case: None,
            ..scope
        };
        assert_eq!(Cond::Bool(FactId(1), true).eval(&person_only), Truth::False);
    }

    #[test]
    fn settle_closes_what_was_never_asked_and_keeps_what_was_unsure() {
        // Fact 0 is about the person, fact 1 about an entry.
        let mut person_facts = FactSet::default();
        person_facts.insert(FactId(0));
        let mut unsure = Answers::new(2);
        unsure.set(FactId(0), Slot::NotSure);
        let missing = Answers::new(2);
        let scope = |person, case| Scope {
            as_of: date(TODAY),
            person,
            case,
            all_cases: &[],
            case_total: 0,
            person_facts: &person_facts,
            asking: false,
        };
        let (p, e) = (
            Truth::Unknown(FactSet::one(FactId(0))),
            Truth::Unknown(FactSet::one(FactId(1))),
        );
        let entry = scope(&missing, Some(&missing));
        assert_eq!(entry.settle(p), Truth::False);
        assert_eq!(entry.settle(e), Truth::False);
        assert_eq!(scope(&unsure, Some(&missing)).settle(p), p);
        let whole = scope(&missing, None);
        assert_eq!(whole.settle(p), Truth::False);
        // An entry fact open about the whole person stays open.
        assert_eq!(whole.settle(e), e);
        assert_eq!(scope(&unsure, None).settle(p), p);
        // One unsure fact among several keeps all of them.
        let both = Truth::Unknown(FactSet::one(FactId(0)).union(FactSet::one(FactId(1))));
        assert_eq!(scope(&unsure, Some(&missing)).settle(both), both);
        for t in [Truth::True, Truth::False, Truth::Later(date("2030-01-01"))] {
            assert_eq!(entry.settle(t), t);
        }
    }

    #[test]
    fn may_show_what_holds_or_may_but_not_what_is_not_yet_law() {
        let mut case = Answers::new(2);
        case.set(F, Slot::NotSure);
        let person = Answers::new(2);
        let facts = FactSet::default();
        let scope = Scope {
            as_of: date(TODAY),
            person: &person,
            case: Some(&case),
            all_cases: std::slice::from_ref(&case),
            case_total: 1,
            person_facts: &facts,
            asking: false,
        };
        assert!(scope.may_show(&Cond::Always));
        assert!(scope.may_show(&Cond::Bool(F, true)));
        assert!(!scope.may_show(&Cond::Bool(FactId(1), true)));
        assert!(!scope.may_show(&Cond::Not(Box::new(Cond::Always))));
        assert!(!scope.may_show(&Cond::InEffectFrom(date("2030-01-01"))));
    }
}
