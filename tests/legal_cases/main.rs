//! The law's tests. The golden legal cases (`cases.ron`) give a record and a date, and
//! the exact result for every entry: each remedy's status and grant, the caveats and
//! the referrals. Around them: every threshold in the rules has a case on each side
//! (`boundaries`), and single changes to the rules are each noticed by some case
//! (`mutations`).

mod boundaries;
mod golden;
mod mutations;
mod rules;

use std::collections::BTreeSet;

use clearpath::content::Content;
use clearpath::content::model::{Cond, Status};
use golden::Table;

#[test]
fn every_legal_case_gives_its_expected_result() {
    let table = Table::read();
    let content = Content::built_in().expect("the built-in content loads");
    let mut names = BTreeSet::new();
    let mut failures = Vec::new();
    for case in &table.cases {
        assert!(
            names.insert(&case.name),
            "two cases are named \"{}\"",
            case.name
        );
        let diffs = golden::differences(&table, &content, case);
        if !diffs.is_empty() {
            failures.push(format!(
                "✘ {} ({})\n    {}",
                case.name,
                case.section,
                diffs.join("\n    ")
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} legal cases differ:\n{}",
        failures.len(),
        table.cases.len(),
        failures.join("\n")
    );
}

#[test]
fn there_are_at_least_100_cases() {
    let n = Table::read().cases.len();
    assert!(n >= 100, "only {n} legal cases");
}

/// Every remedy is tested listed with each kind of status its outcomes can give:
/// a yes (eligible or possibly), a no, a not-yet where it has a wait, and a
/// needs-more-information.
#[test]
fn every_remedy_is_covered_by_its_kinds_of_status() {
    let content = Content::built_in().expect("the built-in content loads");
    let table = Table::read();
    let mut seen: BTreeSet<(String, &str)> = BTreeSet::new();
    for case in &table.cases {
        for entry in &case.entries {
            for (id, want) in &entry.expect {
                let want = want.split(", because").next().unwrap_or(want);
                let kind = if want.starts_with("needs") {
                    "needs"
                } else if want.starts_with("not eligible") {
                    "no"
                } else if want.contains(" from ") {
                    "not yet"
                } else {
                    "yes"
                };
                seen.insert((id.to_string(), kind));
            }
        }
    }
    let mut missing = Vec::new();
    for r in &content.remedies {
        let s = &r.source;
        let mut kinds = Vec::new();
        if s.outcomes.iter().any(|o| o.status != Status::NotEligible) {
            kinds.push("yes");
        }
        if s.outcomes.iter().any(|o| o.status == Status::NotEligible) {
            kinds.push("no");
        }
        if s.outcomes
            .iter()
            .any(|o| o.status != Status::NotEligible && can_wait(&o.when, false))
        {
            kinds.push("not yet");
        }
        // A remedy whose rules read no answer that can be unsure cannot need more
        // information; every remedy here reads at least one.
        kinds.push("needs");
        for k in kinds {
            if !seen.contains(&(s.id.clone(), k)) {
                missing.push(format!("{} has no \"{k}\" case", s.id));
            }
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}

/// Whether a condition can be "not yet": a wait that is not under an odd number of
/// `Not`s (a wait under one `Not` holds today instead).
fn can_wait(c: &Cond, negated: bool) -> bool {
    match c {
        Cond::Waited(..) | Cond::InEffectFrom(_) => !negated,
        Cond::All(items) | Cond::Any(items) => items.iter().any(|c| can_wait(c, negated)),
        Cond::Not(inner) => can_wait(inner, !negated),
        _ => false,
    }
}

/// The sections of the legal reference, from its headings: `1`, `12.2`, `14a`.
fn reference_sections() -> BTreeSet<String> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/legal-reference.md");
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .filter(|l| l.starts_with('#'))
        .filter_map(|l| l.trim_start_matches('#').split_whitespace().next())
        .map(|n| n.trim_end_matches('.').to_string())
        .filter(|n| n.starts_with(|c: char| c.is_ascii_digit()))
        .collect()
}

/// Every `§N` in a reference: `"§4, §7"` names 4 and 7; `"§1 item 4(a)"` names 1.
fn sections_named(reference: &str) -> Vec<String> {
    reference
        .split('§')
        .skip(1)
        .map(|s| {
            let n: String = s
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '.')
                .collect();
            n.trim_end_matches('.').to_string()
        })
        .collect()
}

#[test]
fn every_reference_names_a_section_of_the_legal_reference_in_the_repository() {
    let sections = reference_sections();
    assert!(
        sections.contains("12.2") && sections.contains("14a"),
        "{sections:?}"
    );
    let content = Content::built_in().unwrap();
    let mut references: Vec<(String, String)> = Vec::new();
    for r in &content.remedies {
        references.push((
            format!("remedy {}", r.source.id),
            r.source.reference.clone(),
        ));
    }
    for c in &content.caveats {
        references.push((
            format!("caveat {}", c.source.id),
            c.source.reference.clone(),
        ));
    }
    for case in &Table::read().cases {
        references.push((format!("case {}", case.name), case.section.clone()));
    }
    let mut missing = Vec::new();
    for (whose, reference) in &references {
        let named = sections_named(reference);
        if named.is_empty() {
            missing.push(format!("{whose}: {reference:?} names no section"));
        }
        for n in named.iter().filter(|n| !sections.contains(*n)) {
            missing.push(format!(
                "{whose}: §{n} is not a heading of docs/legal-reference.md"
            ));
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}

#[test]
fn every_line_of_the_rules_reads_in_under_100_columns() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/questions");
    let mut long = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "ron") {
            let text = std::fs::read_to_string(&path).unwrap();
            for (n, line) in text.lines().enumerate() {
                if line.chars().count() > 100 {
                    long.push(format!("{}:{}", path.display(), n + 1));
                }
            }
        }
    }
    assert!(
        long.is_empty(),
        "lines over 100 columns:\n{}",
        long.join("\n")
    );
}
