//! Every threshold in the rules has a golden case on each side of it: a day before and
//! the day of a date, a dollar either side of an amount, the day before and the day a
//! wait ends. A case counts for a threshold when it lists the remedy that holds it, or,
//! for a threshold in a remedy's `applies`, whether or not it lists the remedy.

use chrono::{Days, NaiveDate};
use clearpath::content::source::Sources;
use clearpath::engine::cond::add_period;

use crate::golden::{Case, Facts, Table};
use crate::rules::{Point, Threshold, thresholds};

/// The two sides of a threshold, as a person reads them.
fn sides(t: &Threshold) -> [String; 2] {
    let day_before = |d: NaiveDate| d - Days::new(1);
    match t.point {
        Point::Date(d) => [format!("on {}", day_before(d)), format!("on {d}")],
        Point::Day(d) => [
            format!("screened on {}", day_before(d)),
            format!("screened on {d}"),
        ],
        Point::Amount(n) => [
            format!("of more than {} up to {n}", n - 1.0),
            format!("of more than {n} up to {}", n + 1.0),
        ],
        Point::Wait(_) => [
            "screened the day before the wait ends".to_string(),
            "screened the day it ends".to_string(),
        ],
    }
}

/// Which side of the threshold an entry of a case stands on, if it stands right next
/// to it.
pub fn side(table: &Table, case: &Case, entry: &Facts, t: &Threshold) -> Option<usize> {
    let person = table.person(case);
    let fact = |name: &str| entry.get(name).or_else(|| person.get(name));
    let date = |name: &str| match fact(name)? {
        ron::Value::String(s) => NaiveDate::parse_from_str(s, "%Y-%m-%d").ok(),
        _ => None,
    };
    let as_of = table.as_of(case);
    let next_to = |d: NaiveDate, at: NaiveDate| {
        if d == at - Days::new(1) {
            Some(0)
        } else if d == at {
            Some(1)
        } else {
            None
        }
    };
    match t.point {
        Point::Date(at) => next_to(date(t.fact.as_deref()?)?, at),
        Point::Day(at) => next_to(as_of, at),
        Point::Amount(n) => {
            let v: f64 = ron::to_string(fact(t.fact.as_deref()?)?)
                .ok()?
                .parse()
                .ok()?;
            if v > n - 1.0 && v <= n {
                Some(0)
            } else if v > n && v <= n + 1.0 {
                Some(1)
            } else {
                None
            }
        }
        Point::Wait(period) => next_to(as_of, add_period(date(t.fact.as_deref()?)?, period)?),
    }
}

/// The thresholds without a case on each side, as `questions/FILE:LINE: ...`.
pub fn uncovered(sources: &Sources, table: &Table) -> Vec<String> {
    let mut missing = Vec::new();
    for t in thresholds(sources) {
        let mut seen = [false; 2];
        for case in &table.cases {
            for entry in &case.entries {
                let listed = t.in_applies
                    || t.remedy
                        .as_ref()
                        .is_none_or(|r| entry.expect.contains_key(r));
                if listed && let Some(s) = side(table, case, &entry.facts, &t) {
                    seen[s] = true;
                }
            }
        }
        for (side, name) in sides(&t).iter().enumerate() {
            if !seen[side] {
                missing.push(format!(
                    "{}: {} ({}) has no case {name}",
                    t.call.at(sources),
                    t.call.text(sources),
                    t.remedy.as_deref().unwrap_or("any remedy"),
                ));
            }
        }
    }
    missing
}

#[test]
fn every_threshold_in_the_rules_has_a_case_on_each_side() {
    let sources = Sources::built_in();
    let found = thresholds(&sources);
    assert!(
        found.len() >= 30,
        "only {} thresholds found in the rules",
        found.len()
    );
    let missing = uncovered(&sources, &Table::read());
    assert!(
        missing.is_empty(),
        "{} sides of thresholds have no golden case (tests/legal_cases/cases.ron):\n{}",
        missing.len(),
        missing.join("\n")
    );
}

/// A new threshold without its cases is reported where it is written.
#[test]
fn a_new_threshold_without_cases_is_reported_at_its_line() {
    let mut sources = Sources::built_in();
    let remedies = sources
        .files
        .iter()
        .position(|f| f.path.ends_with("remedies.ron"))
        .unwrap();
    let text = &mut sources.files[remedies].text;
    let old = r#"MoreThan("value", 950)"#;
    let at = text.find(old).expect("the Prop 47 value limit");
    let line = text[..at].matches('\n').count() + 1;
    text.replace_range(at..at + old.len(), r#"MoreThan("value", 975)"#);
    let table = Table::read();
    let shipped = uncovered(&Sources::built_in(), &table);
    let missing: Vec<String> = uncovered(&sources, &table)
        .into_iter()
        .filter(|m| !shipped.contains(m))
        .collect();
    let here = format!("questions/remedies.ron:{line}: MoreThan(\"value\", 975) (prop_47)");
    assert_eq!(
        missing,
        vec![
            format!("{here} has no case of more than 974 up to 975"),
            format!("{here} has no case of more than 975 up to 976"),
        ]
    );
}
