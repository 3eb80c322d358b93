//! The clinic's tally: how many intakes, entries, remedies found by status, and
//! referrals to a lawyer, over a range of days. Counts only: no names, numbers, notes,
//! ids or answers.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

use super::store::Listed;
use crate::content::Content;
use crate::engine::screen::{Verdict, screen};

/// The days counted, both ends included; `None` is open-ended.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Range {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

impl Range {
    pub fn contains(&self, day: NaiveDate) -> bool {
        self.from.is_none_or(|f| day >= f) && self.to.is_none_or(|t| day <= t)
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Tally {
    /// Intakes started in the range.
    pub intakes: usize,
    pub done: usize,
    pub open: usize,
    /// Entries on the records of those intakes.
    pub entries: usize,
    /// Remedies found, one per remedy per entry, by status.
    pub eligible_now: usize,
    pub eligible_later: usize,
    pub possibly: usize,
    pub needs_info: usize,
    pub not_eligible: usize,
    pub granted: usize,
    /// Intakes with at least one reason to see a lawyer.
    pub referred: usize,
    /// Intakes per reason to see a lawyer, by the reason's id in the content.
    pub referrals: BTreeMap<String, usize>,
    /// Files in the folder that could not be read (not in any other count).
    pub damaged: usize,
}

/// Counts the intakes created in `range`. Each is screened as of the day it was last
/// saved, so a tally of past days does not change as time passes.
pub fn tally(content: &Content, listed: &[Listed], range: Range) -> Tally {
    let mut t = Tally {
        referrals: content
            .referrals
            .iter()
            .map(|r| (r.source.id.clone(), 0))
            .collect(),
        ..Tally::default()
    };
    for l in listed {
        let Ok(intake) = &l.state else {
            t.damaged += 1;
            continue;
        };
        if !range.contains(intake.created_date()) {
            continue;
        }
        t.intakes += 1;
        match intake.status {
            super::Status::Done => t.done += 1,
            super::Status::Open => t.open += 1,
        }
        let (person, _) = intake.person(content);
        let s = screen(content, &person, intake.updated.date_naive());
        t.entries += s.entries.len();
        for r in s.entries.iter().flat_map(|e| &e.remedies) {
            match (r.verdict, r.from) {
                (Verdict::Eligible, None) => t.eligible_now += 1,
                (Verdict::Eligible, Some(_)) => t.eligible_later += 1,
                (Verdict::Possibly, _) => t.possibly += 1,
                (Verdict::NeedsInfo, _) => t.needs_info += 1,
                (Verdict::NotEligible, _) => t.not_eligible += 1,
                (Verdict::Granted, _) => t.granted += 1,
            }
        }
        if !s.referrals.is_empty() {
            t.referred += 1;
        }
        for &r in &s.referrals {
            *t.referrals
                .entry(content.referrals[r].source.id.clone())
                .or_default() += 1;
        }
    }
    t
}

impl Tally {
    /// `(name, count)` rows in a fixed order, for text and CSV.
    pub fn rows(&self) -> Vec<(String, usize)> {
        let mut rows: Vec<(String, usize)> = [
            ("intakes", self.intakes),
            ("intakes_done", self.done),
            ("intakes_open", self.open),
            ("entries", self.entries),
            ("remedies_eligible_now", self.eligible_now),
            ("remedies_eligible_later", self.eligible_later),
            ("remedies_possibly", self.possibly),
            ("remedies_needs_info", self.needs_info),
            ("remedies_not_eligible", self.not_eligible),
            ("remedies_already_granted", self.granted),
            ("referred_to_lawyer", self.referred),
        ]
        .into_iter()
        .map(|(n, c)| (n.to_string(), c))
        .collect();
        rows.extend(
            self.referrals
                .iter()
                .map(|(id, c)| (format!("referral_{id}"), *c)),
        );
        rows.push(("damaged_files".into(), self.damaged));
        rows
    }

    /// CSV: a header line and one row, so days can be appended into one sheet.
    pub fn csv(&self, range: Range) -> String {
        let rows = self.rows();
        let day = |d: Option<NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
        let mut head = vec!["from".to_string(), "to".to_string()];
        head.extend(rows.iter().map(|(n, _)| n.clone()));
        let mut row = vec![day(range.from), day(range.to)];
        row.extend(rows.iter().map(|(_, c)| c.to_string()));
        format!("{}\n{}\n", head.join(","), row.join(","))
    }

    /// Aligned lines for the terminal.
    pub fn text(&self, range: Range) -> String {
        let span = match (range.from, range.to) {
            (None, None) => "all intakes".to_string(),
            (Some(f), None) => format!("intakes from {f}"),
            (None, Some(t)) => format!("intakes to {t}"),
            (Some(f), Some(t)) if f == t => format!("intakes on {f}"),
            (Some(f), Some(t)) => format!("intakes from {f} to {t}"),
        };
        let mut out = format!("Tally of {span}\n");
        let rows = self.rows();
        let width = rows.iter().map(|(n, _)| n.len()).max().unwrap_or(0);
        for (name, count) in rows {
            out.push_str(&format!("  {name:<width$}  {count:>5}\n"));
        }
        out
    }
}
