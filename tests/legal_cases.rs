//! Legal cases: a case file and a date in, the exact status of every remedy for every
//! entry out, with the key caveats and the referrals. Each case names the section of
//! the shared legal reference (docs/legal-reference.md) it follows.
//!
//! Statuses are written as the results say them:
//! `eligible`, `eligible from 2027-02-03`, `possibly`, `possibly from 2027-02-03`,
//! `needs fact_a, fact_b` (the answers that would decide it), `not eligible`; a
//! conclusion that rests on a point the reference marks unverified ends in
//! ` (may)`. A remedy not in an entry's list must not be listed for that entry.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use clearpath::casefile::{self, Syntax};
use clearpath::content::Content;
use clearpath::content::model::{Cond, Status};
use clearpath::engine::screen;
use clearpath::engine::screen::{RemedyResult, Verdict};

struct Case {
    name: &'static str,
    /// The section of docs/legal-reference.md the expected result follows.
    section: &'static str,
    as_of: &'static str,
    /// Person facts that differ from the defaults in [`PERSON`].
    person: &'static str,
    /// One RON map body per entry on the record.
    entries: &'static [&'static str],
    /// Per entry, every remedy listed and its status.
    expect: &'static [&'static [(&'static str, &'static str)]],
    /// Caveats that must be shown.
    caveats: &'static [&'static str],
    /// Caveats that must not be shown.
    not_caveats: &'static [&'static str],
    /// The referrals to a lawyer, exactly; `None` leaves them unchecked.
    referrals: Option<&'static [&'static str]>,
}

/// A person not in custody, not supervised, not charged, not registered, a citizen.
const PERSON: &[(&str, &str)] = &[
    ("in_custody", "false"),
    ("supervised", "false"),
    ("pending_charges", "false"),
    ("registrant", "false"),
    ("citizen", "\"yes\""),
    ("trafficking_survivor", "false"),
    ("license_at_stake", "false"),
];

const BASE: Case = Case {
    name: "",
    section: "",
    as_of: "2026-11-25",
    person: "",
    entries: &[],
    expect: &[],
    caveats: &[],
    not_caveats: &[],
    referrals: Some(&[]),
};

fn case_file(case: &Case) -> String {
    let mut person: Vec<String> = Vec::new();
    if !case.person.trim().is_empty() {
        person.push(case.person.trim().trim_end_matches(',').to_string());
    }
    for (key, value) in PERSON {
        if !case.person.contains(&format!("\"{key}\"")) {
            person.push(format!("\"{key}\": {value}"));
        }
    }
    let entries: Vec<String> = case
        .entries
        .iter()
        .map(|e| format!("{{ {} }}", e.trim().trim_end_matches(',')))
        .collect();
    format!(
        "(person: {{ {} }}, cases: [ {} ])",
        person.join(", "),
        entries.join(", ")
    )
}

fn status(content: &Content, r: &RemedyResult) -> String {
    let mut s = match (r.verdict, r.from) {
        (Verdict::Eligible, None) => "eligible".to_string(),
        (Verdict::Eligible, Some(d)) => format!("eligible from {d}"),
        (Verdict::Possibly, None) => "possibly".to_string(),
        (Verdict::Possibly, Some(d)) => format!("possibly from {d}"),
        (Verdict::NotEligible, _) => "not eligible".to_string(),
        (Verdict::NeedsInfo, _) => {
            let facts: Vec<&str> = r
                .deciding
                .iter()
                .map(|f| content.fact(f).name.as_str())
                .collect();
            format!("needs {}", facts.join(", "))
        }
    };
    if r.unverified(content) {
        s.push_str(" (may)");
    }
    s
}

/// Runs one case; returns what differed, if anything.
fn run(content: &Content, case: &Case) -> Vec<String> {
    let mut diffs = Vec::new();
    let text = case_file(case);
    let file = match casefile::parse(content, &text, Syntax::Ron) {
        Ok(f) => f,
        Err(e) => return vec![format!("the case file does not parse: {e}\n{text}")],
    };
    let Ok(as_of) = NaiveDate::parse_from_str(case.as_of, "%Y-%m-%d") else {
        return vec![format!("bad as-of date {}", case.as_of)];
    };
    let s = screen(content, &file.person, as_of);
    if s.entries.len() != case.expect.len() {
        diffs.push(format!(
            "{} entries screened, {} expected",
            s.entries.len(),
            case.expect.len()
        ));
    }
    for (e, (entry, expected)) in s.entries.iter().zip(case.expect).enumerate() {
        for (id, want) in expected.iter() {
            if content.remedy_index(id).is_none() {
                diffs.push(format!(
                    "entry {}: no remedy \"{id}\" in the content",
                    e + 1
                ));
                continue;
            }
            match entry
                .remedies
                .iter()
                .find(|r| content.remedies[r.remedy].source.id == *id)
            {
                Some(r) => {
                    let got = status(content, r);
                    if got != *want {
                        diffs.push(format!(
                            "entry {}: {id}: expected \"{want}\", got \"{got}\"",
                            e + 1
                        ));
                    }
                }
                None => diffs.push(format!(
                    "entry {}: {id}: expected \"{want}\", but it is not listed",
                    e + 1
                )),
            }
        }
        for r in &entry.remedies {
            let id = content.remedies[r.remedy].source.id.as_str();
            if !expected.iter().any(|(x, _)| *x == id) {
                diffs.push(format!(
                    "entry {}: {id} is listed (\"{}\") but not expected",
                    e + 1,
                    status(content, r)
                ));
            }
        }
    }
    let shown: BTreeSet<&str> = s
        .caveats
        .iter()
        .map(|c| content.caveats[c.caveat].source.id.as_str())
        .collect();
    for c in case.caveats {
        if !shown.contains(c) {
            diffs.push(format!("caveat {c} is not shown"));
        }
    }
    for c in case.not_caveats {
        if shown.contains(c) {
            diffs.push(format!("caveat {c} is shown but should not be"));
        }
    }
    if let Some(want) = case.referrals {
        let got: BTreeSet<&str> = s
            .referrals
            .iter()
            .map(|r| content.referrals[*r].source.id.as_str())
            .collect();
        let want: BTreeSet<&str> = want.iter().copied().collect();
        if got != want {
            diffs.push(format!("referrals: expected {want:?}, got {got:?}"));
        }
    }
    diffs
}

#[test]
fn legal_cases() {
    let content = Content::built_in().expect("the built-in content loads");
    let mut failures = Vec::new();
    let mut names = BTreeSet::new();
    for case in CASES {
        assert!(
            names.insert(case.name),
            "two cases are named \"{}\"",
            case.name
        );
        assert!(
            !case.section.is_empty(),
            "case \"{}\" names no section",
            case.name
        );
        let diffs = run(&content, case);
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
        CASES.len(),
        failures.join("\n")
    );
}

#[test]
fn there_are_at_least_80_cases() {
    assert!(CASES.len() >= 80, "only {} legal cases", CASES.len());
}

/// Every remedy is tested listed with each kind of status its outcomes can give:
/// a yes (eligible or possibly), a no, a not-yet where it has a wait, and a
/// needs-more-information.
#[test]
fn every_remedy_is_covered_by_its_kinds_of_status() {
    let content = Content::built_in().expect("the built-in content loads");
    let mut seen: BTreeSet<(String, &str)> = BTreeSet::new();
    for case in CASES {
        for entry in case.expect {
            for (id, want) in entry.iter() {
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

// ---------------------------------------------------------------------------------
// The cases.

/// A misdemeanor with probation, finished.
const MISD_PROBATION_DONE: &str = r#""county": "Sacramento", "outcome": "convicted", "level": "misdemeanor", "offense": "other", "judgment_date": "2019-05-02", "under_18": false, "sentence": "probation", "probation_status": "completed", "sentence_end": "2021-05-02""#;

const MISD_PROBATION_ONGOING: &str = r#""county": "Fresno", "outcome": "convicted", "level": "misdemeanor", "offense": "other", "judgment_date": "2025-06-01", "under_18": false, "sentence": "probation", "probation_status": "ongoing""#;

const FELONY_PRISON_DONE: &str = r#""outcome": "convicted", "level": "felony", "wobbler": false, "offense": "other", "judgment_date": "2015-03-01", "sentence": "state_prison", "fire_camp": false, "sentence_end": "2020-01-01", "new_felony_since": false"#;

static CASES: &[Case] = &[
    // ----- §1 PC 1203.4: dismissal after probation -----
    Case {
        name: "misdemeanor probation completed: dismissal must be granted",
        section: "§1 item 4(a)",
        entries: &[MISD_PROBATION_DONE],
        expect: &[&[
            ("pc_1203_425", "eligible"),
            ("pc_17d2", "possibly"),
            ("pc_1203_4", "eligible"),
        ]],
        caveats: &[
            "guns_dismissal",
            "guns_automatic",
            "disclose_dismissal",
            "public_office",
            "prior_conviction",
            "protective_order",
            "dmv",
            "employers_dismissed",
            "check_record",
        ],
        not_caveats: &[
            "immigration",
            "guns_reduction",
            "registration_stays",
            "guns_domestic_violence",
        ],
        ..BASE
    },
    Case {
        name: "felony probation ended early: dismissal must be granted",
        section: "§0 early termination; §1 item 4(a)",
        entries: &[concat!(
            r#""county": "Kern", "outcome": "convicted", "level": "felony", "wobbler": false, "offense": "other", "judgment_date": "2018-01-01", "sentence": "probation""#,
            r#", "probation_status": "ended_early", "sentence_end": "2020-01-01", "new_felony_since": false"#
        )],
        expect: &[&[
            ("pc_1203_425", "eligible"),
            ("pc_1203_4", "eligible"),
            ("certificate", "possibly"),
            ("pardon", "possibly from 2030-01-01"),
        ]],
        caveats: &[
            "guns_dismissal",
            "guns_certificate",
            "guns_pardon",
            "certificate_limits",
        ],
        referrals: Some(&["felony"]),
        ..BASE
    },
    Case {
        name: "probation violated: the judge decides",
        section: "§1 item 4(b); §7 prong (a)",
        entries: &[
            r#""outcome": "convicted", "level": "misdemeanor", "offense": "other", "judgment_date": "2015-06-01", "under_18": false, "sentence": "probation", "probation_status": "violated", "sentence_end": "2017-06-01""#,
        ],
        expect: &[&[
            ("pc_1203_425", "possibly"),
            ("pc_17d2", "possibly"),
            ("pc_1203_4", "possibly"),
        ]],
        referrals: Some(&["discretionary"]),
        ..BASE
    },
    Case {
        name: "DUI probation completed: discretionary only (VC 12810), automatic relief not excluded",
        section: "§1 item 6; §7 Vehicle Code",
        entries: &[
            r#""outcome": "convicted", "level": "misdemeanor", "offense": "driving", "judgment_date": "2018-01-10", "sentence": "probation", "probation_status": "completed", "sentence_end": "2021-01-10""#,
        ],
        expect: &[&[("pc_1203_425", "eligible"), ("pc_1203_4", "possibly")]],
        caveats: &["dmv", "guns_dismissal"],
        referrals: Some(&["discretionary"]),
        ..BASE
    },
    Case {
        name: "PC 288 felony with probation: excluded from dismissal and certificate, pardon remains",
        section: "§1 exclusions 1203.4(b); §12.9 4852.01(c)",
        person: r#""registrant": true"#,
        entries: &[
            r#""outcome": "convicted", "level": "felony", "wobbler": false, "offense": "sex_registration", "sex_offense_section": "child_core", "judgment_date": "2010-01-01", "sentence": "probation", "probation_status": "completed", "sentence_end": "2013-01-01", "new_felony_since": false"#,
        ],
        expect: &[&[
            ("pc_1203_425", "not eligible"),
            ("pc_1203_4", "not eligible"),
            ("certificate", "not eligible"),
            ("pardon", "possibly"),
        ]],
        caveats: &["registration_stays", "guns_pardon"],
        not_caveats: &["guns_dismissal", "guns_automatic"],
        referrals: Some(&["felony", "registration"]),
        ..BASE
    },
    Case {
        name: "misdemeanor PC 311.11: no dismissal (People v. Ruiz), so no certificate either",
        section: "§1 exclusions 1203.4(b); §12.9 route (b)",
        person: r#""registrant": true"#,
        entries: &[
            r#""outcome": "convicted", "level": "misdemeanor", "offense": "sex_registration", "sex_offense_section": "child_311", "judgment_date": "2012-01-01", "sentence": "probation", "probation_status": "completed", "sentence_end": "2015-01-01""#,
        ],
        expect: &[&[
            ("pc_1203_425", "not eligible"),
            ("pc_1203_4", "not eligible"),
            ("certificate", "not eligible"),
        ]],
        caveats: &["registration_stays"],
        referrals: Some(&["registration"]),
        ..BASE
    },
    Case {
        name: "attempt of a listed sex offense is not excluded; registrable misdemeanor certificate after 10 years",
        section: "§1 exclusions (attempts, Marinelli); §12.9 4852.01(b), 4852.03",
        person: r#""registrant": true"#,
        entries: &[
            r#""outcome": "convicted", "level": "misdemeanor", "offense": "sex_registration", "sex_offense_section": "none", "judgment_date": "2012-01-01", "sentence": "probation", "probation_status": "completed", "sentence_end": "2015-01-01""#,
        ],
        expect: &[&[
            ("pc_1203_425", "not eligible"),
            ("pc_1203_4", "eligible"),
            ("certificate", "possibly"),
        ]],
        caveats: &["registration_stays", "guns_dismissal"],
        referrals: Some(&["registration"]),
        ..BASE
    },
    Case {
        name: "registrable misdemeanor certificate not yet: 10 years from probation",
        section: "§12.9 4852.03 (+5 years for 290 offenses)",
        person: r#""registrant": true"#,
        entries: &[
            r#""outcome": "convicted", "level": "misdemeanor", "offense": "sex_registration", "sex_offense_section": "none", "judgment_date": "2020-03-01", "sentence": "probation", "probation_status": "completed", "sentence_end": "2023-03-01""#,
        ],
        expect: &[&[
            ("pc_1203_425", "not eligible"),
            ("pc_1203_4", "eligible"),
            ("certificate", "possibly from 2030-03-01"),
        ]],
        referrals: Some(&["registration"]),
        ..BASE
    },
    Case {
        name: "Vehicle Code 2800 misdemeanor: excluded from 1203.4",
        section: "§1 exclusions (VC 42002.1)",
        entries: &[
            r#""outcome": "convicted", "level": "misdemeanor", "offense": "traffic_order", "judgment_date": "2019-01-01", "sentence": "probation", "probation_status": "completed", "sentence_end": "2020-01-01""#,
        ],
        expect: &[&[
            ("pc_1203_425", "eligible"),
            ("pc_17d2", "possibly"),
            ("pc_1203_4", "not eligible"),
        ]],
        ..BASE
    },
    Case {
        name: "still on probation: end it early first",
        section: "§0 early termination (PC 1203.3); §1 item 3",
        person: r#""supervised": true"#,
        entries: &[
            r#""outcome": "convicted", "level": "misdemeanor", "offense": "other", "judgment_date": "2025-06-01", "under_18": false, "sentence": "probation", "probation_status": "ongoing""#,
        ],
        expect: &[&[
            ("pc_1203_425", "not eligible"),
            ("pc_17d2", "possibly"),
            ("early_termination", "possibly"),
            ("pc_1203_4", "not eligible"),
        ]],
        referrals: Some(&["blocked"]),
        ..BASE
    },
    Case {
        name: "charges pending in another case block dismissal and automatic relief",
        section: "§1 item 2; §7 condition 3; §14 item 3",
        person: r#""pending_charges": true"#,
        entries: &[MISD_PROBATION_DONE],
        expect: &[&[
            ("pc_1203_425", "not eligible"),
            ("pc_17d2", "possibly"),
            ("pc_1203_4", "not eligible"),
        ]],
        not_caveats: &["guns_dismissal"],
        referrals: Some(&["blocked"]),
        ..BASE
    },
    Case {
        name: "in custody on another case blocks dismissal and automatic relief",
        section: "§1 item 2; §14 item 3",
        person: r#""in_custody": true, "supervised": "not_sure", "pending_charges": "not_sure""#,
        entries: &[MISD_PROBATION_DONE],
        expect: &[&[
            ("pc_1203_425", "not eligible"),
            ("pc_17d2", "possibly"),
            ("pc_1203_4", "not eligible"),
        ]],
        referrals: Some(&["blocked"]),
        ..BASE
    },
    Case {
        name: "unsure whether on supervision, but an entry is still on probation: that settles it",
        section: "§1 item 2; §7 condition 2; §14a (probation in any case blocks relief)",
        person: r#""supervised": "not_sure""#,
        entries: &[MISD_PROBATION_ONGOING],
        expect: &[&[
            ("pc_1203_425", "not eligible"),
            ("pc_17d2", "possibly"),
            ("early_termination", "possibly"),
            ("pc_1203_4", "not eligible"),
        ]],
        referrals: Some(&["blocked"]),
        ..BASE
    },
    Case {
        name: "unsure whether on supervision, conviction from before 1973: automatic relief is closed either way",
        section: "§7 (convictions from 1973 on); §1 item 2",
        person: r#""supervised": "not_sure""#,
        entries: &[
            r#""outcome": "convicted", "level": "misdemeanor", "offense": "other", "judgment_date": "1970-05-01", "under_18": false, "sentence": "no_probation", "sentence_complete": true, "new_offense_since": false"#,
        ],
        expect: &[&[
            ("pc_1203_425", "not eligible"),
            ("pc_17d2", "possibly"),
            ("pc_1203_4a", "needs supervised"),
        ]],
        referrals: Some(&["blocked"]),
        ..BASE
    },
    Case {
        name: "said not on supervision, but one entry is still on probation: the other entry is blocked too",
        section: "§1 item 2; §7 condition 2; §14a (probation in any case blocks relief)",
        entries: &[MISD_PROBATION_ONGOING, MISD_PROBATION_DONE],
        expect: &[
            &[
                ("pc_1203_425", "not eligible"),
                ("pc_17d2", "possibly"),
                ("early_termination", "possibly"),
                ("pc_1203_4", "not eligible"),
            ],
            &[
                ("pc_1203_425", "not eligible"),
                ("pc_17d2", "possibly"),
                ("pc_1203_4", "not eligible"),
            ],
        ],
        referrals: Some(&["several_entries", "blocked"]),
        ..BASE
    },
    Case {
        name: "unsure whether on supervision: dismissal and automatic relief need that answer",
        section: "§1 item 2; §14 item 3",
        person: r#""supervised": "not_sure""#,
        entries: &[MISD_PROBATION_DONE],
        expect: &[&[
            ("pc_1203_425", "needs supervised"),
            ("pc_17d2", "possibly"),
            ("pc_1203_4", "needs supervised"),
        ]],
        referrals: Some(&["blocked"]),
        ..BASE
    },
    Case {
        name: "unsure where probation stands",
        section: "§1 items 3-4; §14a (violated means found or revoked)",
        entries: &[
            r#""outcome": "convicted", "level": "misdemeanor", "offense": "other", "judgment_date": "2019-05-02", "under_18": false, "sentence": "probation", "probation_status": "not_sure", "sentence_end": "not_sure""#,
        ],
        expect: &[&[
            ("pc_1203_425", "needs probation_status"),
            ("pc_17d2", "possibly"),
            ("early_termination", "needs probation_status"),
            ("pc_1203_4", "needs probation_status"),
        ]],
        referrals: Some(&["discretionary"]),
        ..BASE
    },
    Case {
        name: "prison sentence suspended during probation counts as probation",
        section: "§1 item 1 (People v. Parker)",
        entries: &[concat!(
            r#""county": "Kern", "outcome": "convicted", "level": "felony", "wobbler": false, "offense": "other", "judgment_date": "2018-01-01", "sentence": "probation""#,
            r#", "probation_status": "completed", "sentence_end": "2021-01-01", "new_felony_since": false"#
        )],
        expect: &[&[
            ("pc_1203_425", "eligible"),
            ("pc_1203_4", "eligible"),
            ("certificate", "possibly from 2025-01-01"),
            ("pardon", "possibly from 2031-01-01"),
        ]],
        referrals: Some(&["felony"]),
        as_of: "2024-06-01",
        ..BASE
    },
    // ----- §2 PC 1203.4a -----
    Case {
        name: "misdemeanor without probation, a year after judgment: must be granted",
        section: "§2 items 1-6",
        entries: &[concat!(
            r#""county": "Fresno", "outcome": "convicted", "level": "misdemeanor", "offense": "other", "under_18": false, "sentence": "no_probation""#,
            r#", "judgment_date": "2024-01-10", "sentence_complete": true, "new_offense_since": false"#
        )],
        expect: &[&[
            ("pc_1203_425", "eligible"),
            ("pc_17d2", "possibly"),
            ("pc_1203_4a", "eligible"),
        ]],
        caveats: &[
            "guns_dismissal",
            "disclose_dismissal",
            "employers_dismissed",
        ],
        ..BASE
    },
    Case {
        name: "misdemeanor without probation, year not over: eligible from the date",
        section: "§2 item 2; §7 prong (b)",
        entries: &[concat!(
            r#""county": "Fresno", "outcome": "convicted", "level": "misdemeanor", "offense": "other", "under_18": false, "sentence": "no_probation""#,
            r#", "judgment_date": "2026-02-03", "sentence_complete": true, "new_offense_since": false"#
        )],
        expect: &[&[
            ("pc_1203_425", "eligible from 2027-02-03"),
            ("pc_17d2", "possibly"),
            ("pc_1203_4a", "eligible from 2027-02-03"),
        ]],
        ..BASE
    },
    Case {
        name: "1203.4a after a later conviction: the judge decides",
        section: "§2 items 5-6",
        entries: &[concat!(
            r#""county": "Fresno", "outcome": "convicted", "level": "misdemeanor", "offense": "other", "under_18": false, "sentence": "no_probation""#,
            r#", "judgment_date": "2020-01-10", "sentence_complete": true, "new_offense_since": true"#
        )],
        expect: &[&[
            ("pc_1203_425", "eligible"),
            ("pc_17d2", "possibly"),
            ("pc_1203_4a", "possibly"),
        ]],
        ..BASE
    },
    Case {
        name: "1203.4a discretionary relief still waits a year",
        section: "§2 item 6 (one-year wait applies to discretionary relief)",
        entries: &[concat!(
            r#""county": "Fresno", "outcome": "convicted", "level": "misdemeanor", "offense": "other", "under_18": false, "sentence": "no_probation""#,
            r#", "judgment_date": "2026-03-01", "sentence_complete": true, "new_offense_since": true"#
        )],
        expect: &[&[
            ("pc_1203_425", "eligible from 2027-03-01"),
            ("pc_17d2", "possibly"),
            ("pc_1203_4a", "possibly from 2027-03-01"),
        ]],
        ..BASE
    },
    Case {
        name: "sentence not complete: no 1203.4a, no automatic relief",
        section: "§2 item 3; §7 prong (b)",
        entries: &[concat!(
            r#""county": "Fresno", "outcome": "convicted", "level": "misdemeanor", "offense": "other", "under_18": false, "sentence": "no_probation""#,
            r#", "judgment_date": "2020-01-10", "sentence_complete": false, "new_offense_since": false"#
        )],
        expect: &[&[
            ("pc_1203_425", "not eligible"),
            ("pc_17d2", "possibly"),
            ("pc_1203_4a", "not eligible"),
        ]],
        ..BASE
    },
    Case {
        name: "infraction without probation: 1203.4a covers infractions",
        section: "§2 item 1",
        entries: &[
            r#""outcome": "convicted", "level": "infraction", "offense": "other", "judgment_date": "2023-04-01", "sentence": "no_probation", "sentence_complete": true, "new_offense_since": false"#,
        ],
        expect: &[&[("pc_1203_425", "eligible"), ("pc_1203_4a", "eligible")]],
        ..BASE
    },
    Case {
        name: "unsure of a later conviction: 1203.4a needs it",
        section: "§2 items 5-6",
        entries: &[concat!(
            r#""county": "Fresno", "outcome": "convicted", "level": "misdemeanor", "offense": "other", "under_18": false, "sentence": "no_probation""#,
            r#", "judgment_date": "2020-01-10", "sentence_complete": true, "new_offense_since": "not_sure""#
        )],
        expect: &[&[
            ("pc_1203_425", "eligible"),
            ("pc_17d2", "possibly"),
            ("pc_1203_4a", "needs new_offense_since"),
        ]],
        ..BASE
    },
    Case {
        name: "Vehicle Code 2803 without probation: excluded from 1203.4a",
        section: "§2 item 8",
        entries: &[
            r#""outcome": "convicted", "level": "misdemeanor", "offense": "traffic_order", "judgment_date": "2020-01-10", "sentence": "no_probation", "sentence_complete": true, "new_offense_since": false"#,
        ],
        expect: &[&[
            ("pc_1203_425", "eligible"),
            ("pc_17d2", "possibly"),
            ("pc_1203_4a", "not eligible"),
        ]],
        ..BASE
    },
    Case {
        name: "judgment date unsure: the one-year waits need it",
        section: "§2 item 2; §7 prong (b)",
        entries: &[concat!(
            r#""county": "Fresno", "outcome": "convicted", "level": "misdemeanor", "offense": "other", "under_18": false, "sentence": "no_probation""#,
            r#", "judgment_date": "not_sure", "sentence_complete": true, "new_offense_since": false"#
        )],
        expect: &[&[
            ("pc_1203_425", "needs judgment_date"),
            ("pc_17d2", "possibly"),
            ("pc_1203_4a", "needs judgment_date"),
        ]],
        ..BASE
    },
    // ----- §3 PC 1203.41, 1203.42, 1203.4b -----
    Case {
        name: "split 1170(h) sentence: open one year after completion",
        section: "§3 1203.41 (split sentence, 1 year)",
        entries: &[
            r#""outcome": "convicted", "level": "felony", "wobbler": false, "offense": "other", "judgment_date": "2022-01-01", "sentence": "county_jail", "split_sentence": true, "fire_camp": false, "sentence_end": "2025-06-01", "new_felony_since": false"#,
        ],
        expect: &[&[
            ("pc_1203_425", "eligible from 2029-06-01"),
            ("pc_1203_41", "possibly"),
            ("certificate", "possibly from 2032-06-01"),
            ("pardon", "possibly from 2035-06-01"),
        ]],
        referrals: Some(&["felony", "discretionary"]),
        ..BASE
    },
    Case {
        name: "straight 1170(h) sentence: two years after completion",
        section: "§3 1203.41 (straight sentence, 2 years)",
        entries: &[
            r#""outcome": "convicted", "level": "felony", "wobbler": false, "offense": "other", "judgment_date": "2022-01-01", "sentence": "county_jail", "split_sentence": false, "fire_camp": false, "sentence_end": "2025-06-01", "new_felony_since": false"#,
        ],
        expect: &[&[
            ("pc_1203_425", "eligible from 2029-06-01"),
            ("pc_1203_41", "possibly from 2027-06-01"),
            ("certificate", "possibly from 2032-06-01"),
            ("pardon", "possibly from 2035-06-01"),
        ]],
        referrals: Some(&["felony", "discretionary"]),
        ..BASE
    },
    Case {
        name: "unsure if split, but two years have passed: open either way",
        section: "§3 1203.41",
        entries: &[
            r#""outcome": "convicted", "level": "felony", "wobbler": false, "offense": "other", "judgment_date": "2020-01-01", "sentence": "county_jail", "split_sentence": "not_sure", "fire_camp": false, "sentence_end": "2023-01-01", "new_felony_since": false"#,
        ],
        expect: &[&[
            ("pc_1203_425", "eligible from 2027-01-01"),
            ("pc_1203_41", "possibly"),
            ("certificate", "possibly from 2030-01-01"),
            ("pardon", "possibly from 2033-01-01"),
        ]],
        referrals: Some(&["felony", "discretionary"]),
        ..BASE
    },
    Case {
        name: "unsure if split, within two years: the split decides",
        section: "§3 1203.41",
        entries: &[
            r#""outcome": "convicted", "level": "felony", "wobbler": false, "offense": "other", "judgment_date": "2022-01-01", "sentence": "county_jail", "split_sentence": "not_sure", "fire_camp": false, "sentence_end": "2025-06-01", "new_felony_since": false"#,
        ],
        expect: &[&[
            ("pc_1203_425", "eligible from 2029-06-01"),
            ("pc_1203_41", "needs split_sentence"),
            ("certificate", "possibly from 2032-06-01"),
            ("pardon", "possibly from 2035-06-01"),
        ]],
        referrals: Some(&["felony", "discretionary"]),
        ..BASE
    },
    Case {
        name: "state prison since SB 731: 1203.41 two years after, automatic relief after four",
        section: "§3 1203.41 (state prison); §7 prong (c); §14a",
        entries: &[concat!(
            r#""county": "Kern", "outcome": "convicted", "level": "felony", "wobbler": false, "offense": "other", "judgment_date": "2015-03-01", "sentence": "state_prison", "fire_camp": false"#,
            r#", "sentence_end": "2020-01-01", "new_felony_since": false"#
        )],
        expect: &[&[
            ("pc_1203_4", "not eligible"),
            ("pc_1203_425", "eligible"),
            ("pc_1203_41", "possibly"),
            ("certificate", "possibly from 2027-01-01"),
            ("pardon", "possibly from 2030-01-01"),
        ]],
        caveats: &["guns_dismissal", "guns_automatic", "guns_certificate"],
        not_caveats: &["guns_reduction"],
        referrals: Some(&["felony", "discretionary"]),
        ..BASE
    },
    Case {
        name: "state prison for a registrable offense: 1203.41 closed, certificate after 10 years",
        section: "§3 1203.41 (not for registrants); §12.9 4852.03",
        person: r#""registrant": true"#,
        entries: &[
            r#""outcome": "convicted", "level": "felony", "wobbler": false, "offense": "sex_registration", "sex_offense_section": "none", "judgment_date": "2012-01-01", "sentence": "state_prison", "fire_camp": false, "sentence_end": "2018-01-01", "new_felony_since": false"#,
        ],
        expect: &[&[
            ("pc_1203_4", "not eligible"),
            ("pc_1203_425", "not eligible"),
            ("pc_1203_41", "not eligible"),
            ("certificate", "possibly from 2028-01-01"),
            ("pardon", "possibly from 2028-01-01"),
        ]],
        caveats: &["registration_stays"],
        referrals: Some(&["felony", "registration", "discretionary"]),
        ..BASE
    },
    Case {
        name: "state prison screened before SB 731 took effect",
        section: "§3 1203.41 (effective Jan 1, 2023); §7 history (Oct 1, 2024)",
        as_of: "2022-06-01",
        entries: &[
            r#""outcome": "convicted", "level": "felony", "wobbler": false, "offense": "other", "judgment_date": "2012-01-01", "sentence": "state_prison", "fire_camp": false, "sentence_end": "2018-01-01", "new_felony_since": false"#,
        ],
        expect: &[&[
            ("pc_1203_4", "not eligible"),
            ("pc_1203_425", "eligible from 2024-10-01"),
            ("pc_1203_41", "possibly from 2023-01-01"),
            ("certificate", "possibly from 2025-01-01"),
            ("pardon", "possibly from 2028-01-01"),
        ]],
        referrals: Some(&["felony", "discretionary"]),
        ..BASE
    },
    Case {
        name: "pre-realignment prison sentence: 1203.42 and 1203.41",
        section: "§3 1203.42 (before Oct 1, 2011)",
        entries: &[
            r#""outcome": "convicted", "level": "felony", "wobbler": false, "offense": "other", "judgment_date": "2009-08-20", "sentence": "state_prison", "fire_camp": false, "sentence_end": "2014-02-01", "new_felony_since": false"#,
        ],
        expect: &[&[
            ("pc_1203_4", "not eligible"),
            ("pc_1203_425", "eligible"),
            ("pc_1203_41", "possibly"),
            ("pc_1203_42", "possibly"),
            ("certificate", "possibly"),
            ("pardon", "possibly"),
        ]],
        referrals: Some(&["felony", "discretionary"]),
        ..BASE
    },
    Case {
        name: "prison sentence imposed on the realignment date: not a 1203.42 case",
        section: "§3 1203.42 (Oct 1, 2011 cut-off); §14a",
        entries: &[
            r#""outcome": "convicted", "level": "felony", "wobbler": false, "offense": "other", "judgment_date": "2011-10-01", "sentence": "state_prison", "fire_camp": false, "sentence_end": "2014-02-01", "new_felony_since": false"#,
        ],
        expect: &[&[
            ("pc_1203_4", "not eligible"),
            ("pc_1203_425", "eligible"),
            ("pc_1203_41", "possibly"),
            ("certificate", "possibly"),
            ("pardon", "possibly"),
        ]],
        referrals: Some(&["felony", "discretionary"]),
        ..BASE
    },
    Case {
        name: "pre-2011 prison for a serious felony: 1203.42 may not apply, no automatic relief",
        section: "§3 1203.42 (1170(h)-eligible offenses); §7 prong (c) exclusion",
        entries: &[
            r#""outcome": "convicted", "level": "felony", "wobbler": false, "offense": "serious_violent", "judgment_date": "2005-05-05", "sentence": "state_prison", "fire_camp": false, "sentence_end": "2012-05-05", "new_felony_since": false"#,
        ],
        expect: &[&[
            ("pc_1203_4", "not eligible"),
            ("pc_1203_425", "not eligible"),
            ("pc_1203_41", "possibly"),
            ("pc_1203_42", "possibly (may)"),
            ("certificate", "possibly"),
            ("pardon", "possibly"),
        ]],
        referrals: Some(&["felony", "discretionary"]),
        ..BASE
    },
    Case {
        name: "pre-2011 prison, completed recently: every wait gives its date",
        section: "§3 1203.41, 1203.42; §7 prong (c); §12.9",
        entries: &[
            r#""outcome": "convicted", "level": "felony", "wobbler": false, "offense": "other", "judgment_date": "2010-01-01", "sentence": "state_prison", "fire_camp": false, "sentence_end": "2025-08-01", "new_felony_since": false"#,
        ],
        expect: &[&[
            ("pc_1203_4", "not eligible"),
            ("pc_1203_425", "eligible from 2029-08-01"),
            ("pc_1203_41", "possibly from 2027-08-01"),
            ("pc_1203_42", "possibly from 2027-08-01"),
            ("certificate", "possibly from 2032-08-01"),
            ("pardon", "possibly from 2035-08-01"),
        ]],
        referrals: Some(&["felony", "discretionary"]),
        ..BASE
    },
    Case {
        name: "prison sentence end unsure: every wait needs it",
        section: "§3; §7; §12.9",
        entries: &[
            r#""outcome": "convicted", "level": "felony", "wobbler": false, "offense": "other", "judgment_date": "2008-01-01", "sentence": "state_prison", "fire_camp": false, "sentence_end": "not_sure", "new_felony_since": false"#,
        ],
        expect: &[&[
            ("pc_1203_4", "not eligible"),
            ("pc_1203_425", "needs sentence_end"),
            ("pc_1203_41", "needs sentence_end"),
            ("pc_1203_42", "needs sentence_end"),
            ("certificate", "needs sentence_end"),
            ("pardon", "needs sentence_end"),
        ]],
        referrals: Some(&["felony", "discretionary"]),
        ..BASE
    },
    Case {
        name: "on parole in another case: 1203.41 and automatic relief wait",
        section: "§3 1203.41 other conditions; §7 condition 2",
        person: r#""supervised": true"#,
        entries: &[FELONY_PRISON_DONE],
        expect: &[&[
            ("pc_1203_425", "not eligible"),
            ("pc_1203_4", "not eligible"),
            ("pc_1203_41", "not eligible"),
            ("certificate", "possibly from 2027-01-01"),
            ("pardon", "possibly from 2030-01-01"),
        ]],
        referrals: Some(&["felony", "discretionary", "blocked"]),
        ..BASE
    },
    Case {
        name: "fire camp, released: 1203.4b",
        section: "§3 1203.4b",
        entries: &[
            r#""outcome": "convicted", "level": "felony", "wobbler": false, "offense": "other", "judgment_date": "2015-03-01", "sentence": "state_prison", "fire_camp": true, "sentence_end": "2020-01-01", "new_felony_since": false"#,
        ],
        expect: &[&[
            ("pc_1203_4", "not eligible"),
            ("pc_1203_425", "eligible"),
            ("pc_1203_41", "possibly"),
            ("pc_1203_4b", "possibly"),
            ("certificate", "possibly from 2027-01-01"),
            ("pardon", "possibly from 2030-01-01"),
        ]],
        referrals: Some(&["felony", "discretionary"]),
        ..BASE
    },
    Case {
        name: "fire camp after a serious felony: the exclusions are only partly confirmed",
        section: "§3 1203.4b excluded offenses (partly UNVERIFIED)",
        entries: &[
            r#""outcome": "convicted", "level": "felony", "wobbler": false, "offense": "serious_violent", "judgment_date": "2015-03-01", "sentence": "state_prison", "fire_camp": true, "sentence_end": "2020-01-01", "new_felony_since": false"#,
        ],
        expect: &[&[
            ("pc_1203_4", "not eligible"),
            ("pc_1203_425", "not eligible"),
            ("pc_1203_41", "possibly"),
            ("pc_1203_4b", "possibly (may)"),
            ("certificate", "possibly from 2027-01-01"),
            ("pardon", "possibly from 2030-01-01"),
        ]],
        referrals: Some(&["felony", "discretionary"]),
        ..BASE
    },
    Case {
        name: "fire camp, still in custody: not yet released",
        section: "§3 1203.4b; §1 item 2; §12.9",
        person: r#""in_custody": true"#,
        entries: &[
            r#""outcome": "convicted", "level": "felony", "wobbler": false, "offense": "other", "judgment_date": "2021-03-01", "sentence": "state_prison", "fire_camp": true, "sentence_end": "not_sure", "new_felony_since": "not_sure""#,
        ],
        expect: &[&[
            ("pc_1203_4", "not eligible"),
            ("pc_1203_425", "not eligible"),
            ("pc_1203_41", "not eligible"),
            ("pc_1203_4b", "not eligible"),
            ("certificate", "not eligible"),
            ("pardon", "needs sentence_end"),
        ]],
        referrals: Some(&["felony", "discretionary", "blocked"]),
        ..BASE
    },
    Case {
        name: "unsure about fire camp: 1203.4b needs it",
        section: "§3 1203.4b",
        entries: &[
            r#""outcome": "convicted", "level": "felony", "wobbler": false, "offense": "other", "judgment_date": "2015-03-01", "sentence": "county_jail", "split_sentence": true, "fire_camp": "not_sure", "sentence_end": "2020-01-01", "new_felony_since": false"#,
        ],
        expect: &[&[
            ("pc_1203_425", "eligible"),
            ("pc_1203_41", "possibly"),
            ("pc_1203_4b", "needs fire_camp"),
            ("certificate", "possibly from 2027-01-01"),
            ("pardon", "possibly from 2030-01-01"),
        ]],
        referrals: Some(&["felony", "discretionary"]),
        ..BASE
    },
    // ----- §4 arrests: PC 851.91, 851.93, 851.8 -----
    Case {
        name: "misdemeanor charges dismissed: sealing as of right and automatic arrest relief",
        section: "§4 851.91 items 1(B), 3; 851.93(A)",
        entries: &[
            r#""outcome": "dismissed", "arrest_date": "2023-06-14", "arrest_level": "misdemeanor", "can_be_charged": false, "no_limit_offense": false, "evaded": false, "abuse_arrest": false, "innocent": false"#,
        ],
        expect: &[&[("pc_851_93", "eligible"), ("pc_851_91", "eligible")]],
        caveats: &[
            "guns_sealing",
            "disclose_arrest",
            "employers_arrest",
            "check_record",
        ],
        not_caveats: &["guns_dismissal", "immigration", "prior_conviction"],
        ..BASE
    },
    Case {
        name: "no charges yet and still chargeable: no sealing until the time limit runs",
        section: "§4 851.91 item 2; 851.93(B) one year",
        entries: &[
            r#""outcome": "no_charges", "arrest_date": "2026-06-01", "arrest_level": "misdemeanor", "can_be_charged": true, "no_limit_offense": false, "evaded": false, "abuse_arrest": false, "innocent": false"#,
        ],
        expect: &[&[
            ("pc_851_93", "eligible from 2027-06-01"),
            ("pc_851_91", "not eligible"),
        ]],
        ..BASE
    },
    Case {
        name: "unsure whether still chargeable: sealing needs it, a lawyer can tell",
        section: "§4 851.91 item 4; 851.93(C)",
        entries: &[
            r#""outcome": "no_charges", "arrest_date": "2018-03-01", "arrest_level": "felony", "can_be_charged": "not_sure", "no_limit_offense": false, "evaded": false, "abuse_arrest": false, "innocent": false"#,
        ],
        expect: &[&[
            ("pc_851_93", "eligible"),
            ("pc_851_91", "needs can_be_charged"),
        ]],
        referrals: Some(&["may_be_charged"]),
        ..BASE
    },
    Case {
        name: "murder charge dismissed without acquittal: no sealing",
        section: "§4 851.91 item 2 (no-limit offenses)",
        entries: &[
            r#""outcome": "dismissed", "arrest_date": "2015-01-01", "arrest_level": "felony", "can_be_charged": false, "no_limit_offense": true, "evaded": false, "abuse_arrest": false, "innocent": false"#,
        ],
        expect: &[&[("pc_851_93", "not eligible"), ("pc_851_91", "not eligible")]],
        ..BASE
    },
    Case {
        name: "felony acquittal: sealing open, automatic relief after the wait",
        section: "§4 851.91 item 1(B)(ii); 851.93(C)",
        entries: &[
            r#""outcome": "acquitted", "arrest_date": "2015-01-01", "arrest_level": "felony", "evaded": false, "abuse_arrest": false, "innocent": false"#,
        ],
        expect: &[&[("pc_851_93", "eligible"), ("pc_851_91", "eligible")]],
        ..BASE
    },
    Case {
        name: "evaded prosecution: sealing may be closed",
        section: "§4 851.91 item 2 (evasion clause wording UNVERIFIED)",
        entries: &[
            r#""outcome": "dismissed", "arrest_date": "2015-01-01", "arrest_level": "misdemeanor", "can_be_charged": false, "no_limit_offense": false, "evaded": true, "abuse_arrest": false, "innocent": false"#,
        ],
        expect: &[&[
            ("pc_851_93", "eligible"),
            ("pc_851_91", "not eligible (may)"),
        ]],
        ..BASE
    },
    Case {
        name: "domestic-violence pattern: sealing only in the interests of justice",
        section: "§4 851.91 item 3 (pattern rule)",
        entries: &[
            r#""outcome": "dismissed", "arrest_date": "2020-02-02", "arrest_level": "misdemeanor", "can_be_charged": false, "no_limit_offense": false, "evaded": false, "abuse_arrest": true, "abuse_pattern": true, "innocent": false"#,
        ],
        expect: &[&[("pc_851_93", "eligible"), ("pc_851_91", "possibly")]],
        referrals: Some(&["discretionary"]),
        ..BASE
    },
    Case {
        name: "domestic-violence arrest without a pattern: as of right",
        section: "§4 851.91 item 3 (People v. I.C.)",
        entries: &[
            r#""outcome": "dismissed", "arrest_date": "2020-02-02", "arrest_level": "misdemeanor", "can_be_charged": false, "no_limit_offense": false, "evaded": false, "abuse_arrest": true, "abuse_pattern": false, "innocent": false"#,
        ],
        expect: &[&[("pc_851_93", "eligible"), ("pc_851_91", "eligible")]],
        ..BASE
    },
    Case {
        name: "unsure about a pattern: sealing needs it",
        section: "§4 851.91 item 3",
        entries: &[
            r#""outcome": "dismissed", "arrest_date": "2020-02-02", "arrest_level": "misdemeanor", "can_be_charged": false, "no_limit_offense": false, "evaded": false, "abuse_arrest": true, "abuse_pattern": "not_sure", "innocent": false"#,
        ],
        expect: &[&[
            ("pc_851_93", "eligible"),
            ("pc_851_91", "needs abuse_pattern"),
        ]],
        referrals: Some(&["discretionary"]),
        ..BASE
    },
    Case {
        name: "felony arrest, no charges, 3 but not 6 years: automatic relief possibly",
        section: "§4 851.93(C)(i)-(ii)",
        entries: &[
            r#""outcome": "no_charges", "arrest_date": "2022-06-01", "arrest_level": "felony", "can_be_charged": false, "no_limit_offense": false, "evaded": false, "abuse_arrest": false, "innocent": false"#,
        ],
        expect: &[&[("pc_851_93", "possibly"), ("pc_851_91", "eligible")]],
        ..BASE
    },
    Case {
        name: "felony arrest, no charges, under 3 years: automatic relief from the date",
        section: "§4 851.93(C)(i)",
        entries: &[
            r#""outcome": "no_charges", "arrest_date": "2025-01-10", "arrest_level": "felony", "can_be_charged": "not_sure", "no_limit_offense": false, "evaded": false, "abuse_arrest": false, "innocent": false"#,
        ],
        expect: &[&[
            ("pc_851_93", "possibly from 2028-01-10"),
            ("pc_851_91", "needs can_be_charged"),
        ]],
        referrals: Some(&["may_be_charged"]),
        ..BASE
    },
    Case {
        name: "felony arrest relief screened before its Oct 1, 2024 operative date",
        section: "§4 851.93 operative dates (AB 168)",
        as_of: "2024-06-01",
        entries: &[
            r#""outcome": "no_charges", "arrest_date": "2015-01-01", "arrest_level": "felony", "can_be_charged": false, "no_limit_offense": false, "evaded": false, "abuse_arrest": false, "innocent": false"#,
        ],
        expect: &[&[
            ("pc_851_93", "eligible from 2024-10-01"),
            ("pc_851_91", "eligible"),
        ]],
        ..BASE
    },
    Case {
        name: "felony charges dismissed: no automatic arrest relief, petition instead",
        section: "§4 851.93 (dismissed felonies pending bill)",
        entries: &[
            r#""outcome": "dismissed", "arrest_date": "2019-01-01", "arrest_level": "felony", "can_be_charged": false, "no_limit_offense": false, "evaded": false, "abuse_arrest": false, "innocent": false"#,
        ],
        expect: &[&[("pc_851_93", "not eligible"), ("pc_851_91", "eligible")]],
        ..BASE
    },
    Case {
        name: "diversion completed: automatic relief and sealing",
        section: "§4 851.93(D); §12.5",
        entries: &[
            r#""outcome": "diversion", "arrest_date": "2021-04-04", "arrest_level": "misdemeanor", "no_limit_offense": false, "evaded": false, "abuse_arrest": false, "innocent": false"#,
        ],
        expect: &[&[("pc_851_93", "eligible"), ("pc_851_91", "eligible")]],
        not_caveats: &["immigration_dej"],
        ..BASE
    },
    Case {
        name: "conviction reversed on appeal and cannot be refiled: sealing",
        section: "§4 851.91 item 1(B)(iii)",
        entries: &[
            r#""outcome": "vacated", "arrest_date": "2016-01-01", "arrest_level": "felony", "can_be_charged": false, "no_limit_offense": false, "evaded": false, "abuse_arrest": false, "innocent": false"#,
        ],
        expect: &[&[("pc_851_93", "not eligible"), ("pc_851_91", "eligible")]],
        ..BASE
    },
    Case {
        name: "factual innocence within 2 years, no charges: the agency first",
        section: "§4 851.8 (agency first, 2-year deadline)",
        entries: &[
            r#""outcome": "no_charges", "arrest_date": "2026-01-15", "arrest_level": "misdemeanor", "can_be_charged": true, "no_limit_offense": false, "evaded": false, "abuse_arrest": false, "innocent": true"#,
        ],
        expect: &[&[
            ("pc_851_93", "eligible from 2027-01-15"),
            ("pc_851_91", "not eligible"),
            ("pc_851_8", "possibly"),
        ]],
        ..BASE
    },
    Case {
        name: "factual innocence after 2 years: good cause needed",
        section: "§4 851.8 deadline",
        entries: &[
            r#""outcome": "dismissed", "arrest_date": "2020-01-01", "arrest_level": "misdemeanor", "can_be_charged": false, "no_limit_offense": false, "evaded": false, "abuse_arrest": false, "innocent": true"#,
        ],
        expect: &[&[
            ("pc_851_93", "eligible"),
            ("pc_851_91", "eligible"),
            ("pc_851_8", "possibly"),
        ]],
        ..BASE
    },
    Case {
        name: "unsure about innocence: 851.8 needs it",
        section: "§4 851.8",
        entries: &[
            r#""outcome": "dismissed", "arrest_date": "2020-01-01", "arrest_level": "misdemeanor", "can_be_charged": false, "no_limit_offense": false, "evaded": false, "abuse_arrest": false, "innocent": "not_sure""#,
        ],
        expect: &[&[
            ("pc_851_93", "eligible"),
            ("pc_851_91", "eligible"),
            ("pc_851_8", "needs innocent"),
        ]],
        ..BASE
    },
    Case {
        name: "arrest date unsure: automatic relief and innocence need it",
        section: "§4 851.93 (from 1973); 851.8 deadline",
        entries: &[
            r#""outcome": "dismissed", "arrest_date": "not_sure", "arrest_level": "misdemeanor", "can_be_charged": false, "no_limit_offense": false, "evaded": false, "abuse_arrest": false, "innocent": true"#,
        ],
        expect: &[&[
            ("pc_851_93", "needs arrest_date"),
            ("pc_851_91", "eligible"),
            ("pc_851_8", "needs arrest_date"),
        ]],
        ..BASE
    },
    Case {
        name: "arrest before 1973: no automatic relief",
        section: "§4 851.93 (arrests on or after Jan 1, 1973)",
        entries: &[
            r#""outcome": "dismissed", "arrest_date": "1970-05-05", "arrest_level": "misdemeanor", "can_be_charged": false, "no_limit_offense": false, "evaded": false, "abuse_arrest": false, "innocent": false"#,
        ],
        expect: &[&[("pc_851_91", "eligible")]],
        ..BASE
    },
    Case {
        name: "misdemeanor acquittal: automatic relief a year after arrest",
        section: "§4 851.93(B)",
        entries: &[
            r#""outcome": "acquitted", "arrest_date": "2025-12-01", "arrest_level": "misdemeanor", "evaded": false, "abuse_arrest": false, "innocent": false"#,
        ],
        expect: &[&[
            ("pc_851_93", "eligible from 2026-12-01"),
            ("pc_851_91", "eligible"),
        ]],
        ..BASE
    },
    Case {
        name: "arrest level unsure: automatic relief needs it",
        section: "§4 851.93(B)-(C)",
        entries: &[
            r#""outcome": "no_charges", "arrest_date": "2020-01-01", "arrest_level": "not_sure", "can_be_charged": false, "no_limit_offense": false, "evaded": false, "abuse_arrest": false, "innocent": false"#,
        ],
        expect: &[&[
            ("pc_851_93", "needs arrest_level"),
            ("pc_851_91", "eligible"),
        ]],
        ..BASE
    },
    Case {
        name: "misdemeanor arrest relief screened before DOJ began, July 1, 2022",
        section: "§7 history (DOJ review began July 1, 2022); §4 851.93(A)",
        as_of: "2022-01-15",
        entries: &[
            r#""outcome": "dismissed", "arrest_date": "2021-06-14", "arrest_level": "misdemeanor", "can_be_charged": false, "no_limit_offense": false, "evaded": false, "abuse_arrest": false, "innocent": false"#,
        ],
        expect: &[&[
            ("pc_851_93", "eligible from 2022-07-01"),
            ("pc_851_91", "eligible"),
        ]],
        ..BASE
    },
    // ----- §5 PC 17(b) and 17(d)(2) -----
    Case {
        name: "wobbler after probation: 17(b) reduction up to the judge, and it can end the felony gun ban",
        section: "§5; §11 table (17(b) yes unless another ban)",
        entries: &[
            r#""outcome": "convicted", "level": "felony", "wobbler": true, "offense": "other", "judgment_date": "2016-02-01", "sentence": "probation", "probation_status": "completed", "sentence_end": "2019-02-01", "new_felony_since": false"#,
        ],
        expect: &[&[
            ("pc_1203_425", "eligible"),
            ("pc_17b", "possibly"),
            ("pc_1203_4", "eligible"),
            ("certificate", "possibly"),
            ("pardon", "possibly from 2029-02-01"),
        ]],
        caveats: &["guns_reduction", "strike_17b", "guns_dismissal"],
        not_caveats: &["guns_prop_47", "immigration_364"],
        referrals: Some(&["felony", "discretionary"]),
        ..BASE
    },
    Case {
        name: "wobbler with a state-prison sentence: no 17(b)",
        section: "§5 not available after state prison",
        entries: &[
            r#""outcome": "convicted", "level": "felony", "wobbler": true, "offense": "other", "judgment_date": "2015-03-01", "sentence": "state_prison", "fire_camp": false, "sentence_end": "2020-01-01", "new_felony_since": false"#,
        ],
        expect: &[&[
            ("pc_1203_4", "not eligible"),
            ("pc_1203_425", "eligible"),
            ("pc_17b", "not eligible"),
            ("pc_1203_41", "possibly"),
            ("certificate", "possibly from 2027-01-01"),
            ("pardon", "possibly from 2030-01-01"),
        ]],
        not_caveats: &["guns_reduction"],
        referrals: Some(&["felony", "discretionary"]),
        ..BASE
    },
    Case {
        name: "wobbler with a felony 1170(h) jail sentence: no 17(b)",
        section: "§5; §14a (1170(h) blocks 17(b))",
        entries: &[
            r#""outcome": "convicted", "level": "felony", "wobbler": true, "offense": "other", "judgment_date": "2015-03-01", "sentence": "county_jail", "split_sentence": false, "fire_camp": false, "sentence_end": "2020-01-01", "new_felony_since": false"#,
        ],
        expect: &[&[
            ("pc_1203_425", "eligible"),
            ("pc_17b", "not eligible"),
            ("pc_1203_41", "possibly"),
            ("certificate", "possibly from 2027-01-01"),
            ("pardon", "possibly from 2030-01-01"),
        ]],
        referrals: Some(&["felony", "discretionary"]),
        ..BASE
    },
    Case {
        name: "unsure if a wobbler: 17(b) needs it",
        section: "§5 what counts as a wobbler",
        entries: &[
            r#""outcome": "convicted", "level": "felony", "wobbler": "not_sure", "offense": "other", "judgment_date": "2016-02-01", "sentence": "probation", "probation_status": "completed", "sentence_end": "2019-02-01", "new_felony_since": false"#,
        ],
        expect: &[&[
            ("pc_1203_425", "eligible"),
            ("pc_17b", "needs wobbler"),
            ("pc_1203_4", "eligible"),
            ("certificate", "possibly"),
            ("pardon", "possibly from 2029-02-01"),
        ]],
        referrals: Some(&["felony", "discretionary"]),
        ..BASE
    },
    Case {
        name: "registrable wobbler: a reduction does not end registration (17(e))",
        section: "§5 PC 17(e); §7 condition 1",
        person: r#""registrant": true"#,
        entries: &[
            r#""outcome": "convicted", "level": "felony", "wobbler": true, "offense": "sex_registration", "sex_offense_section": "none", "judgment_date": "2014-02-01", "sentence": "probation", "probation_status": "completed", "sentence_end": "2017-02-01", "new_felony_since": false"#,
        ],
        expect: &[&[
            ("pc_1203_425", "not eligible"),
            ("pc_17b", "possibly"),
            ("pc_1203_4", "eligible"),
            ("certificate", "possibly from 2024-02-01"),
            ("pardon", "possibly from 2027-02-01"),
        ]],
        caveats: &["registration_stays", "guns_reduction"],
        referrals: Some(&["felony", "registration", "discretionary"]),
        as_of: "2023-06-01",
        ..BASE
    },
    Case {
        name: "misdemeanor theft: may be reducible to an infraction (PC 19.8)",
        section: "§2 item 9; §5 PC 17(d)(2)",
        entries: &[
            r#""outcome": "convicted", "level": "misdemeanor", "offense": "theft", "judgment_date": "2022-01-10", "under_18": false, "sentence": "no_probation", "sentence_complete": true, "new_offense_since": false"#,
        ],
        expect: &[&[
            ("pc_1203_425", "eligible"),
            ("pc_17d2", "possibly"),
            ("pc_1203_4a", "eligible"),
        ]],
        not_caveats: &["guns_prop_47"],
        ..BASE
    },
    // ----- §6 Proposition 47 and Proposition 64 -----
    Case {
        name: "Prop 47 theft of $600, after the deadline: good cause needed",
        section: "§6 Prop 47 deadline (AB 2765), $950",
        person: r#""license_at_stake": true"#,
        entries: &[
            r#""county": "Los Angeles", "outcome": "convicted", "level": "felony", "wobbler": true, "offense": "theft", "value": 600, "prior_super_strike": false, "judgment_date": "2012-03-09", "sentence": "probation", "probation_status": "violated", "sentence_end": "2015-03-09", "new_felony_since": false"#,
        ],
        expect: &[&[
            ("pc_1203_425", "eligible"),
            ("prop_47", "possibly"),
            ("pc_17b", "possibly"),
            ("pc_1203_4", "possibly"),
            ("certificate", "possibly"),
            ("pardon", "possibly"),
        ]],
        caveats: &["guns_prop_47", "guns_reduction", "guns_dismissal"],
        not_caveats: &["immigration_364"],
        referrals: Some(&["felony", "license", "discretionary"]),
        ..BASE
    },
    Case {
        name: "Prop 47 drug possession before the deadline: must be granted",
        section: "§6 Prop 47 covered offenses, redesignation",
        as_of: "2022-01-01",
        entries: &[
            r#""outcome": "convicted", "level": "felony", "wobbler": false, "offense": "drug_possession", "prior_super_strike": false, "judgment_date": "2012-05-01", "sentence": "probation", "probation_status": "completed", "sentence_end": "2014-05-01", "new_felony_since": false"#,
        ],
        expect: &[&[
            ("pc_1203_425", "eligible from 2022-07-01"),
            ("prop_47", "eligible"),
            ("pc_1203_4", "eligible"),
            ("certificate", "possibly"),
            ("pardon", "possibly from 2024-05-01"),
        ]],
        caveats: &["guns_prop_47"],
        not_caveats: &["guns_reduction", "immigration_drug"],
        referrals: Some(&["felony"]),
        ..BASE
    },
    Case {
        name: "Prop 47 theft over $950: not covered",
        section: "§6 $950 threshold",
        entries: &[
            r#""outcome": "convicted", "level": "felony", "wobbler": true, "offense": "theft", "value": 1500, "prior_super_strike": false, "judgment_date": "2012-03-09", "sentence": "probation", "probation_status": "completed", "sentence_end": "2015-03-09", "new_felony_since": false"#,
        ],
        expect: &[&[
            ("pc_1203_425", "eligible"),
            ("prop_47", "not eligible"),
            ("pc_17b", "possibly"),
            ("pc_1203_4", "eligible"),
            ("certificate", "possibly"),
            ("pardon", "possibly"),
        ]],
        not_caveats: &["guns_prop_47"],
        referrals: Some(&["felony", "discretionary"]),
        ..BASE
    },
    Case {
        name: "Prop 47 theft of exactly $950: covered",
        section: "§6 $950 or less",
        entries: &[
            r#""outcome": "convicted", "level": "felony", "wobbler": true, "offense": "theft", "value": 950, "prior_super_strike": false, "judgment_date": "2012-03-09", "sentence": "probation", "probation_status": "completed", "sentence_end": "2015-03-09", "new_felony_since": false"#,
        ],
        expect: &[&[
            ("pc_1203_425", "eligible"),
            ("prop_47", "possibly"),
            ("pc_17b", "possibly"),
            ("pc_1203_4", "eligible"),
            ("certificate", "possibly"),
            ("pardon", "possibly"),
        ]],
        referrals: Some(&["felony", "discretionary"]),
        ..BASE
    },
    Case {
        name: "Prop 47 theft value unsure: needs the value",
        section: "§6 $950; §14 item 7g",
        entries: &[
            r#""outcome": "convicted", "level": "felony", "wobbler": true, "offense": "theft", "value": "not_sure", "prior_super_strike": false, "judgment_date": "2012-03-09", "sentence": "probation", "probation_status": "completed", "sentence_end": "2015-03-09", "new_felony_since": false"#,
        ],
        expect: &[&[
            ("pc_1203_425", "eligible"),
            ("prop_47", "needs value"),
            ("pc_17b", "possibly"),
            ("pc_1203_4", "eligible"),
            ("certificate", "possibly"),
            ("pardon", "possibly"),
        ]],
        referrals: Some(&["felony", "discretionary"]),
        ..BASE
    },
    Case {
        name: "Prop 47 with a super-strike prior: excluded",
        section: "§6 who is excluded (667(e)(2)(C)(iv), 290(c))",
        entries: &[
            r#""outcome": "convicted", "level": "felony", "wobbler": false, "offense": "drug_possession", "prior_super_strike": true, "judgment_date": "2012-05-01", "sentence": "state_prison", "fire_camp": false, "sentence_end": "2015-05-01", "new_felony_since": false"#,
        ],
        expect: &[&[
            ("pc_1203_4", "not eligible"),
            ("pc_1203_425", "eligible"),
            ("prop_47", "not eligible"),
            ("pc_1203_41", "possibly"),
            ("certificate", "possibly"),
            ("pardon", "possibly"),
        ]],
        referrals: Some(&["felony", "discretionary"]),
        ..BASE
    },
    Case {
        name: "Prop 47 prior unsure: needs it",
        section: "§6 who is excluded; §14 item 7f",
        entries: &[
            r#""outcome": "convicted", "level": "felony", "wobbler": false, "offense": "drug_possession", "prior_super_strike": "not_sure", "judgment_date": "2012-05-01", "sentence": "probation", "probation_status": "completed", "sentence_end": "2014-05-01", "new_felony_since": false"#,
        ],
        expect: &[&[
            ("pc_1203_425", "eligible"),
            ("prop_47", "needs prior_super_strike"),
            ("pc_1203_4", "eligible"),
            ("certificate", "possibly"),
            ("pardon", "possibly"),
        ]],
        referrals: Some(&["felony"]),
        ..BASE
    },
    Case {
        name: "felony drug possession sentenced after Prop 47: may not apply",
        section: "§6 effective Nov 5, 2014; Prop 36 (UNVERIFIED for older cases)",
        entries: &[
            r#""outcome": "convicted", "level": "felony", "wobbler": false, "offense": "drug_possession", "prior_super_strike": false, "judgment_date": "2016-05-01", "sentence": "probation", "probation_status": "completed", "sentence_end": "2018-05-01", "new_felony_since": false"#,
        ],
        expect: &[&[
            ("pc_1203_425", "eligible"),
            ("prop_47", "possibly (may)"),
            ("pc_1203_4", "eligible"),
            ("certificate", "possibly"),
            ("pardon", "possibly from 2028-05-01"),
        ]],
        referrals: Some(&["felony"]),
        ..BASE
    },
    Case {
        name: "Prop 64 cannabis felony: likely already changed, CR-400 otherwise",
        section: "§6 Prop 64; §9 Lab. Code 432.8",
        entries: &[
            r#""outcome": "convicted", "level": "felony", "wobbler": false, "offense": "cannabis", "judgment_date": "2010-01-01", "sentence": "probation", "probation_status": "completed", "sentence_end": "2012-01-01", "new_felony_since": false"#,
        ],
        expect: &[&[
            ("pc_1203_425", "eligible"),
            ("prop_64", "possibly"),
            ("pc_1203_4", "eligible"),
            ("certificate", "possibly"),
            ("pardon", "possibly"),
        ]],
        caveats: &["guns_prop_64", "employers_cannabis"],
        not_caveats: &["guns_prop_47", "guns_reduction"],
        referrals: Some(&["felony"]),
        ..BASE
    },
    Case {
        name: "Prop 64 cannabis misdemeanor without probation",
        section: "§6 Prop 64; §2",
        entries: &[
            r#""outcome": "convicted", "level": "misdemeanor", "offense": "cannabis", "judgment_date": "2015-01-01", "sentence": "no_probation", "sentence_complete": true, "new_offense_since": false"#,
        ],
        expect: &[&[
            ("pc_1203_425", "eligible"),
            ("prop_64", "possibly"),
            ("pc_1203_4a", "eligible"),
        ]],
        caveats: &["employers_cannabis"],
        ..BASE
    },
    Case {
        name: "offense unsure: the reductions need it",
        section: "§14 item 7a",
        entries: &[
            r#""outcome": "convicted", "level": "felony", "wobbler": false, "offense": "not_sure", "judgment_date": "2012-05-01", "sentence": "probation", "probation_status": "completed", "sentence_end": "2014-05-01", "new_felony_since": false"#,
        ],
        expect: &[&[
            ("pc_1203_425", "needs offense"),
            ("prop_47", "needs offense"),
            ("prop_64", "needs offense"),
            ("pc_1203_4", "needs offense, sex_offense_section"),
            ("prostitution_law_change", "needs offense"),
            ("certificate", "needs offense, sex_offense_section"),
            ("pardon", "possibly"),
        ]],
        referrals: Some(&[
            "felony",
            "discretionary",
            "registration",
            "domestic_violence",
        ]),
        ..BASE
    },
    // ----- §7 PC 1203.425 automatic conviction relief -----
    Case {
        name: "serious felony with probation completed: automatic relief still applies (prong a)",
        section: "§7 (serious/violent exclusion is prong (c) only)",
        entries: &[
            r#""outcome": "convicted", "level": "felony", "wobbler": false, "offense": "serious_violent", "judgment_date": "2012-01-01", "sentence": "probation", "probation_status": "completed", "sentence_end": "2017-01-01", "new_felony_since": false"#,
        ],
        expect: &[&[
            ("pc_1203_425", "eligible"),
            ("pc_1203_4", "eligible"),
            ("certificate", "possibly"),
            ("pardon", "possibly from 2027-01-01"),
        ]],
        referrals: Some(&["felony"]),
        ..BASE
    },
    Case {
        name: "serious felony with probation revoked: no 4-year route",
        section: "§7 prong (c) exclusion; §1 item 4(b)",
        entries: &[
            r#""outcome": "convicted", "level": "felony", "wobbler": false, "offense": "serious_violent", "judgment_date": "2012-01-01", "sentence": "probation", "probation_status": "violated", "sentence_end": "2017-01-01", "new_felony_since": false"#,
        ],
        expect: &[&[
            ("pc_1203_425", "not eligible"),
            ("pc_1203_4", "possibly"),
            ("certificate", "possibly"),
            ("pardon", "possibly from 2027-01-01"),
        ]],
        referrals: Some(&["felony", "discretionary"]),
        ..BASE
    },
    Case {
        name: "felony probation revoked, ended recently: automatic relief 4 years after",
        section: "§7 prong (c)",
        entries: &[
            r#""outcome": "convicted", "level": "felony", "wobbler": false, "offense": "other", "judgment_date": "2021-03-01", "sentence": "probation", "probation_status": "violated", "sentence_end": "2024-03-01", "new_felony_since": false"#,
        ],
        expect: &[&[
            ("pc_1203_425", "eligible from 2028-03-01"),
            ("pc_1203_4", "possibly"),
            ("certificate", "possibly from 2028-03-01"),
            ("pardon", "possibly from 2034-03-01"),
        ]],
        referrals: Some(&["felony", "discretionary"]),
        ..BASE
    },
    Case {
        name: "felony with a new felony within 4 years: no 4-year route",
        section: "§7 prong (c) no new felony",
        entries: &[
            r#""outcome": "convicted", "level": "felony", "wobbler": false, "offense": "other", "judgment_date": "2012-03-01", "sentence": "probation", "probation_status": "violated", "sentence_end": "2015-03-01", "new_felony_since": true"#,
        ],
        expect: &[&[
            ("pc_1203_425", "not eligible"),
            ("pc_1203_4", "possibly"),
            ("certificate", "possibly"),
            ("pardon", "possibly"),
        ]],
        referrals: Some(&["felony", "discretionary"]),
        ..BASE
    },
    Case {
        name: "unsure about a new felony: automatic relief needs it",
        section: "§7 prong (c)",
        entries: &[
            r#""outcome": "convicted", "level": "felony", "wobbler": false, "offense": "other", "judgment_date": "2012-03-01", "sentence": "probation", "probation_status": "violated", "sentence_end": "2015-03-01", "new_felony_since": "not_sure""#,
        ],
        expect: &[&[
            ("pc_1203_425", "needs new_felony_since"),
            ("pc_1203_4", "possibly"),
            ("certificate", "possibly"),
            ("pardon", "possibly"),
        ]],
        referrals: Some(&["felony", "discretionary"]),
        ..BASE
    },
    Case {
        name: "conviction before 1973: no automatic relief, dismissal still open",
        section: "§7 condition 5 (on or after Jan 1, 1973)",
        entries: &[
            r#""outcome": "convicted", "level": "misdemeanor", "offense": "other", "judgment_date": "1970-06-01", "under_18": false, "sentence": "probation", "probation_status": "completed", "sentence_end": "1971-06-01""#,
        ],
        expect: &[&[
            ("pc_1203_425", "not eligible"),
            ("pc_17d2", "possibly"),
            ("pc_1203_4", "eligible"),
        ]],
        ..BASE
    },
    Case {
        name: "registered for another case: no automatic relief for any case",
        section: "§7 condition 1",
        person: r#""registrant": true"#,
        entries: &[MISD_PROBATION_DONE],
        expect: &[&[
            ("pc_1203_425", "not eligible"),
            ("pc_17d2", "possibly"),
            ("pc_1203_4", "eligible"),
        ]],
        caveats: &["registration_stays"],
        not_caveats: &["guns_automatic"],
        referrals: Some(&["registration"]),
        ..BASE
    },
    Case {
        name: "screened before DOJ began automatic relief",
        section: "§7 history (AB 1076, July 1, 2022)",
        as_of: "2022-03-01",
        entries: &[MISD_PROBATION_DONE],
        expect: &[&[
            ("pc_1203_425", "eligible from 2022-07-01"),
            ("pc_17d2", "possibly"),
            ("pc_1203_4", "eligible"),
        ]],
        ..BASE
    },
    Case {
        name: "4-year felony route screened before Oct 1, 2024",
        section: "§7 history (AB 134, AB 168)",
        as_of: "2024-05-01",
        entries: &[FELONY_PRISON_DONE],
        expect: &[&[
            ("pc_1203_425", "eligible from 2024-10-01"),
            ("pc_1203_4", "not eligible"),
            ("pc_1203_41", "possibly"),
            ("certificate", "possibly from 2027-01-01"),
            ("pardon", "possibly from 2030-01-01"),
        ]],
        referrals: Some(&["felony", "discretionary"]),
        ..BASE
    },
    Case {
        name: "misdemeanor probation violated: automatic relief only if never revoked",
        section: "§7 prong (a) (without revocation); §14a",
        entries: &[
            r#""outcome": "convicted", "level": "misdemeanor", "offense": "domestic_violence", "judgment_date": "2017-06-01", "under_18": false, "sentence": "probation", "probation_status": "violated", "sentence_end": "2020-06-01""#,
        ],
        expect: &[&[("pc_1203_425", "possibly"), ("pc_1203_4", "possibly")]],
        caveats: &["guns_domestic_violence"],
        referrals: Some(&["discretionary", "domestic_violence"]),
        ..BASE
    },
    // ----- §10 immigration -----
    Case {
        name: "non-citizen with a dismissal: immigration warning, 1473.7 surfaced, referral",
        section: "§10 screener rule; PC 1473.7",
        person: r#""citizen": "no""#,
        entries: &[MISD_PROBATION_DONE],
        expect: &[&[
            ("pc_1203_425", "eligible"),
            ("pc_1473_7", "possibly"),
            ("pc_17d2", "possibly"),
            ("pc_1203_4", "eligible"),
        ]],
        caveats: &["immigration"],
        not_caveats: &["immigration_364", "immigration_drug", "immigration_dej"],
        referrals: Some(&["immigration"]),
        ..BASE
    },
    Case {
        name: "prefer not to say: treated like a non-citizen; 364-day and drug warnings",
        section: "§10; §6 immigration nuance (PC 18.5); Nunez-Reyes",
        person: r#""citizen": "prefer_not""#,
        entries: &[
            r#""outcome": "convicted", "level": "felony", "wobbler": false, "offense": "drug_possession", "prior_super_strike": false, "judgment_date": "2010-05-01", "sentence": "probation", "probation_status": "completed", "sentence_end": "2012-05-01", "new_felony_since": false"#,
        ],
        expect: &[&[
            ("pc_1203_425", "eligible"),
            ("pc_1473_7", "possibly"),
            ("prop_47", "possibly"),
            ("pc_1203_4", "eligible"),
            ("certificate", "possibly"),
            ("pardon", "possibly"),
        ]],
        caveats: &[
            "immigration",
            "immigration_364",
            "immigration_drug",
            "guns_prop_47",
        ],
        referrals: Some(&["felony", "immigration"]),
        ..BASE
    },
    Case {
        name: "non-citizen who pleaded for deferred entry of judgment: 1203.43 must be granted",
        section: "§10 PC 1203.43; §12.5",
        person: r#""citizen": "no""#,
        entries: &[
            r#""outcome": "diversion", "arrest_date": "2010-04-04", "arrest_level": "felony", "no_limit_offense": false, "evaded": false, "abuse_arrest": false, "innocent": false, "dej_plea": true"#,
        ],
        expect: &[&[
            ("pc_1203_43", "eligible"),
            ("pc_851_93", "eligible"),
            ("pc_851_91", "eligible"),
        ]],
        caveats: &["immigration_dej"],
        not_caveats: &["immigration"],
        referrals: Some(&["immigration"]),
        ..BASE
    },
    Case {
        name: "deferred entry of judgment from an arrest before 1997: only if DEJ was granted in 1997 or later",
        section: "§10 PC 1203.43 (DEJ on or after Jan 1, 1997)",
        person: r#""citizen": "no""#,
        entries: &[
            r#""outcome": "diversion", "arrest_date": "1995-04-04", "arrest_level": "misdemeanor", "no_limit_offense": false, "evaded": false, "abuse_arrest": false, "innocent": false, "dej_plea": true"#,
        ],
        expect: &[&[
            ("pc_1203_43", "possibly"),
            ("pc_851_93", "eligible"),
            ("pc_851_91", "eligible"),
        ]],
        referrals: Some(&["immigration"]),
        ..BASE
    },
    Case {
        name: "unsure of a DEJ plea: 1203.43 needs it",
        section: "§10 PC 1203.43",
        person: r#""citizen": "prefer_not""#,
        entries: &[
            r#""outcome": "diversion", "arrest_date": "2010-04-04", "arrest_level": "misdemeanor", "no_limit_offense": false, "evaded": false, "abuse_arrest": false, "innocent": false, "dej_plea": "not_sure""#,
        ],
        expect: &[&[
            ("pc_1203_43", "needs dej_plea"),
            ("pc_851_93", "eligible"),
            ("pc_851_91", "eligible"),
        ]],
        referrals: Some(&["immigration"]),
        ..BASE
    },
    Case {
        name: "non-citizen in custody: 1473.7 only once out of custody",
        section: "§10 PC 1473.7 (no longer in criminal custody)",
        person: r#""citizen": "no", "in_custody": true"#,
        entries: &[FELONY_PRISON_DONE],
        expect: &[&[
            ("pc_1203_425", "not eligible"),
            ("pc_1473_7", "possibly"),
            ("pc_1203_4", "not eligible"),
            ("pc_1203_41", "not eligible"),
            ("certificate", "not eligible"),
            ("pardon", "possibly from 2030-01-01"),
        ]],
        caveats: &["immigration"],
        referrals: Some(&["felony", "immigration", "blocked", "discretionary"]),
        ..BASE
    },
    // ----- §12 other relief -----
    Case {
        name: "trafficking survivor with a prostitution conviction: 236.14, 1203.49 and the law changes",
        section: "§12.1 PC 1203.49; §12.2 PC 236.14, 653.29, 1170.22",
        person: r#""trafficking_survivor": true"#,
        entries: &[
            r#""outcome": "convicted", "level": "misdemeanor", "offense": "prostitution", "judgment_date": "2015-01-01", "under_18": false, "sentence": "probation", "probation_status": "completed", "sentence_end": "2016-01-01""#,
        ],
        expect: &[&[
            ("pc_1203_425", "eligible"),
            ("pc_236_14", "possibly"),
            ("pc_1203_4", "eligible"),
            ("pc_1203_49", "possibly"),
            ("prostitution_law_change", "possibly"),
        ]],
        referrals: Some(&["survivor"]),
        ..BASE
    },
    Case {
        name: "trafficking survivor with an arrest: 236.14 reaches arrests too",
        section: "§12.2 PC 236.14",
        person: r#""trafficking_survivor": true"#,
        entries: &[
            r#""outcome": "no_charges", "arrest_date": "2019-01-01", "arrest_level": "misdemeanor", "can_be_charged": false, "no_limit_offense": false, "evaded": false, "abuse_arrest": false, "innocent": false"#,
        ],
        expect: &[&[
            ("pc_236_14", "possibly"),
            ("pc_851_93", "eligible"),
            ("pc_851_91", "eligible"),
        ]],
        referrals: Some(&["survivor"]),
        ..BASE
    },
    Case {
        name: "trafficking survivor with a serious or violent felony: only nonviolent offenses",
        section: "§12.2 PC 236.14 scope (667.5(c))",
        person: r#""trafficking_survivor": true"#,
        entries: &[
            r#""outcome": "convicted", "level": "felony", "wobbler": false, "offense": "serious_violent", "judgment_date": "2015-03-01", "sentence": "state_prison", "fire_camp": false, "sentence_end": "2020-01-01", "new_felony_since": false"#,
        ],
        expect: &[&[
            ("pc_1203_4", "not eligible"),
            ("pc_1203_425", "not eligible"),
            ("pc_236_14", "possibly"),
            ("pc_1203_41", "possibly"),
            ("certificate", "possibly from 2027-01-01"),
            ("pardon", "possibly from 2030-01-01"),
        ]],
        referrals: Some(&["felony", "discretionary", "survivor"]),
        ..BASE
    },
    Case {
        name: "unsure about trafficking: 236.14 needs it",
        section: "§12.2; §14 item 8",
        person: r#""trafficking_survivor": "not_sure""#,
        entries: &[
            r#""outcome": "no_charges", "arrest_date": "2019-01-01", "arrest_level": "misdemeanor", "can_be_charged": false, "no_limit_offense": false, "evaded": false, "abuse_arrest": false, "innocent": false"#,
        ],
        expect: &[&[
            ("pc_236_14", "needs trafficking_survivor"),
            ("pc_851_93", "eligible"),
            ("pc_851_91", "eligible"),
        ]],
        referrals: Some(&["survivor"]),
        ..BASE
    },
    Case {
        name: "prostitution conviction of a survivor still on probation: 1203.49 after probation",
        section: "§12.1 PC 1203.49 (probation completed)",
        person: r#""trafficking_survivor": true, "supervised": true"#,
        entries: &[
            r#""outcome": "convicted", "level": "misdemeanor", "offense": "prostitution", "judgment_date": "2025-09-01", "under_18": false, "sentence": "probation", "probation_status": "ongoing""#,
        ],
        expect: &[&[
            ("pc_1203_425", "not eligible"),
            ("pc_236_14", "possibly"),
            ("early_termination", "possibly"),
            ("pc_1203_4", "not eligible"),
            ("pc_1203_49", "not eligible"),
            ("prostitution_law_change", "possibly"),
        ]],
        referrals: Some(&["survivor", "blocked"]),
        ..BASE
    },
    Case {
        name: "probation unsure for a survivor's prostitution conviction: 1203.49 needs it",
        section: "§12.1 PC 1203.49",
        person: r#""trafficking_survivor": true"#,
        entries: &[
            r#""outcome": "convicted", "level": "misdemeanor", "offense": "prostitution", "judgment_date": "2015-01-01", "under_18": false, "sentence": "probation", "probation_status": "not_sure", "sentence_end": "not_sure""#,
        ],
        expect: &[&[
            ("pc_1203_425", "needs probation_status"),
            ("pc_236_14", "possibly"),
            ("early_termination", "needs probation_status"),
            ("pc_1203_4", "needs probation_status"),
            ("pc_1203_49", "needs probation_status"),
            ("prostitution_law_change", "possibly"),
        ]],
        referrals: Some(&["survivor", "discretionary"]),
        ..BASE
    },
    Case {
        name: "misdemeanor committed under 18 in adult court: sealing under 1203.45",
        section: "§12.3 PC 1203.45",
        entries: &[
            r#""outcome": "convicted", "level": "misdemeanor", "offense": "theft", "judgment_date": "2019-05-02", "under_18": true, "sentence": "probation", "probation_status": "completed", "sentence_end": "2020-05-02""#,
        ],
        expect: &[&[
            ("pc_1203_425", "eligible"),
            ("pc_17d2", "possibly"),
            ("pc_1203_4", "eligible"),
            ("pc_1203_45", "possibly"),
        ]],
        ..BASE
    },
    Case {
        name: "unsure of age at the offense: 1203.45 needs it",
        section: "§12.3 PC 1203.45; §14 item 7b",
        entries: &[
            r#""outcome": "convicted", "level": "misdemeanor", "offense": "other", "judgment_date": "2019-05-02", "under_18": "not_sure", "sentence": "probation", "probation_status": "completed", "sentence_end": "2020-05-02""#,
        ],
        expect: &[&[
            ("pc_1203_425", "eligible"),
            ("pc_17d2", "possibly"),
            ("pc_1203_4", "eligible"),
            ("pc_1203_45", "needs under_18"),
        ]],
        ..BASE
    },
    Case {
        name: "juvenile court case: juvenile sealing, not adult remedies",
        section: "§12.4 WIC 786, 781",
        entries: &[r#""county": "Riverside", "outcome": "juvenile""#],
        expect: &[&[("juvenile_sealing", "possibly")]],
        caveats: &["employers_juvenile"],
        not_caveats: &["guns_dismissal", "immigration"],
        referrals: Some(&["other_courts"]),
        ..BASE
    },
    Case {
        name: "federal case: outside what California relief reaches",
        section: "§14 item 1 (jurisdiction)",
        entries: &[r#""outcome": "not_california""#],
        expect: &[&[("not_california", "not eligible")]],
        referrals: Some(&["other_courts"]),
        ..BASE
    },
    Case {
        name: "outcome unsure: every remedy needs it; get the record first",
        section: "§14 items 2 and 5",
        person: r#""citizen": "no""#,
        entries: &[r#""outcome": "not_sure""#],
        expect: &[&[
            ("pc_1203_425", "needs outcome"),
            ("pc_1473_7", "needs outcome"),
            ("pc_1203_43", "needs outcome, dej_plea"),
            ("prop_47", "needs outcome, level, offense"),
            ("prop_64", "needs outcome, offense"),
            ("pc_17b", "needs outcome, level, wobbler"),
            ("pc_17d2", "needs outcome, level, offense"),
            (
                "early_termination",
                "needs outcome, sentence, probation_status",
            ),
            ("pc_1203_4", "needs outcome, sentence"),
            ("pc_1203_4a", "needs outcome, level, sentence"),
            ("pc_1203_41", "needs outcome, level, sentence"),
            (
                "pc_1203_42",
                "needs outcome, level, judgment_date, sentence",
            ),
            ("pc_1203_4b", "needs outcome, sentence, fire_camp"),
            ("prostitution_law_change", "needs outcome, offense"),
            ("pc_851_93", "needs outcome, arrest_date"),
            ("pc_851_91", "needs outcome"),
            ("pc_851_8", "needs outcome, innocent"),
            ("pc_1203_45", "needs outcome, level, offense, under_18"),
            ("juvenile_sealing", "needs outcome"),
            ("not_california", "needs outcome"),
            ("certificate", "needs outcome, level, offense"),
            ("pardon", "needs outcome, level"),
        ]],
        caveats: &["immigration"],
        referrals: None,
        ..BASE
    },
    Case {
        name: "misdemeanor offense unsure: the reductions and dismissal need it",
        section: "§2 item 9; §14 item 7a",
        entries: &[
            r#""outcome": "convicted", "level": "misdemeanor", "offense": "not_sure", "judgment_date": "2019-05-02", "sentence": "probation", "probation_status": "completed", "sentence_end": "2021-05-02""#,
        ],
        expect: &[&[
            ("pc_1203_425", "needs offense"),
            ("prop_64", "needs offense"),
            ("pc_17d2", "needs offense"),
            ("pc_1203_4", "needs offense, sex_offense_section"),
            ("prostitution_law_change", "needs offense"),
            ("pc_1203_45", "needs offense, under_18"),
            ("certificate", "needs offense"),
        ]],
        referrals: Some(&["discretionary", "registration", "domestic_violence"]),
        ..BASE
    },
    Case {
        name: "pre-2011 prison while on parole for another case: 1203.42 waits",
        section: "§3 1203.42 (not on supervised release)",
        person: r#""supervised": true"#,
        entries: &[
            r#""outcome": "convicted", "level": "felony", "wobbler": false, "offense": "other", "judgment_date": "2009-08-20", "sentence": "state_prison", "fire_camp": false, "sentence_end": "2014-02-01", "new_felony_since": false"#,
        ],
        expect: &[&[
            ("pc_1203_4", "not eligible"),
            ("pc_1203_425", "not eligible"),
            ("pc_1203_41", "not eligible"),
            ("pc_1203_42", "not eligible"),
            ("certificate", "possibly"),
            ("pardon", "possibly"),
        ]],
        referrals: Some(&["felony", "discretionary", "blocked"]),
        ..BASE
    },
    Case {
        name: "felony probation still running: no pardon yet, early termination first",
        section: "§12.9 direct pardon (10 years after discharge); §0",
        person: r#""supervised": true"#,
        entries: &[
            r#""outcome": "convicted", "level": "felony", "wobbler": true, "offense": "other", "judgment_date": "2024-01-01", "sentence": "probation", "probation_status": "ongoing""#,
        ],
        expect: &[&[
            ("pc_1203_425", "not eligible"),
            ("pc_17b", "possibly"),
            ("early_termination", "possibly"),
            ("pc_1203_4", "not eligible"),
            ("certificate", "possibly from 2031-01-01"),
            ("pardon", "not eligible"),
        ]],
        referrals: Some(&["felony", "discretionary", "blocked"]),
        ..BASE
    },
    // ----- §12.9 certificate of rehabilitation and pardon -----
    Case {
        name: "PC 288.7: no certificate, pardon remains",
        section: "§12.9 4852.01(c), (d)",
        person: r#""registrant": true"#,
        entries: &[
            r#""outcome": "convicted", "level": "felony", "wobbler": false, "offense": "sex_registration", "sex_offense_section": "child_269", "judgment_date": "2000-01-01", "sentence": "state_prison", "fire_camp": false, "sentence_end": "2014-01-01", "new_felony_since": false"#,
        ],
        expect: &[&[
            ("pc_1203_4", "not eligible"),
            ("pc_1203_425", "not eligible"),
            ("pc_1203_41", "not eligible"),
            ("pc_1203_42", "possibly (may)"),
            ("certificate", "not eligible"),
            ("pardon", "possibly"),
        ]],
        referrals: Some(&["felony", "registration", "discretionary"]),
        ..BASE
    },
    Case {
        name: "certificate not yet: 7 years from release onto probation",
        section: "§12.9 4852.03 (7 years)",
        entries: &[
            r#""outcome": "convicted", "level": "felony", "wobbler": false, "offense": "other", "judgment_date": "2022-01-01", "sentence": "probation", "probation_status": "completed", "sentence_end": "2024-01-01", "new_felony_since": false"#,
        ],
        expect: &[&[
            ("pc_1203_425", "eligible"),
            ("pc_1203_4", "eligible"),
            ("certificate", "possibly from 2029-01-01"),
            ("pardon", "possibly from 2034-01-01"),
        ]],
        referrals: Some(&["felony"]),
        ..BASE
    },
    Case {
        name: "registrable misdemeanor without probation: no certificate route",
        section: "§12.9 4852.01(b) (needs a 1203.4 dismissal)",
        person: r#""registrant": true"#,
        entries: &[
            r#""outcome": "convicted", "level": "misdemeanor", "offense": "sex_registration", "sex_offense_section": "none", "judgment_date": "2015-01-01", "sentence": "no_probation", "sentence_complete": true, "new_offense_since": false"#,
        ],
        expect: &[&[
            ("pc_1203_425", "not eligible"),
            ("pc_1203_4a", "eligible"),
            ("certificate", "not eligible"),
        ]],
        referrals: Some(&["registration"]),
        ..BASE
    },
    Case {
        name: "sentence unsure on a felony: the sentence decides",
        section: "§14 item 7d",
        entries: &[
            r#""outcome": "convicted", "level": "felony", "wobbler": true, "offense": "other", "judgment_date": "2015-01-01", "sentence": "not_sure", "probation_status": "not_sure", "sentence_end": "not_sure", "new_felony_since": false"#,
        ],
        expect: &[&[
            ("pc_1203_425", "needs sentence, probation_status"),
            ("pc_17b", "needs sentence"),
            ("early_termination", "needs sentence, probation_status"),
            ("pc_1203_4", "needs sentence"),
            ("pc_1203_41", "needs sentence"),
            ("pc_1203_4b", "needs sentence, fire_camp"),
            ("certificate", "needs sentence"),
            ("pardon", "needs sentence, probation_status"),
        ]],
        referrals: Some(&["felony", "discretionary"]),
        ..BASE
    },
    // ----- Several entries -----
    Case {
        name: "three entries in two counties: each screened, one plan, referrals for the whole record",
        section: "§1 item 6; §4; §2 item 2; §10; §14",
        person: r#""citizen": "prefer_not", "license_at_stake": "not_sure""#,
        entries: &[
            r#""county": "Fresno", "outcome": "convicted", "level": "misdemeanor", "offense": "driving", "judgment_date": "2018-01-10", "sentence": "probation", "probation_status": "completed", "sentence_end": "2021-01-10""#,
            r#""county": "Fresno", "outcome": "no_charges", "arrest_date": "2020-07-04", "arrest_level": "felony", "can_be_charged": "not_sure", "no_limit_offense": false, "evaded": false, "abuse_arrest": false, "innocent": false"#,
            r#""county": "San Diego", "outcome": "convicted", "level": "misdemeanor", "offense": "theft", "judgment_date": "2026-02-03", "under_18": false, "sentence": "no_probation", "sentence_complete": true, "new_offense_since": false"#,
        ],
        expect: &[
            &[
                ("pc_1203_425", "eligible"),
                ("pc_1473_7", "possibly"),
                ("pc_1203_4", "possibly"),
            ],
            &[
                ("pc_851_93", "eligible"),
                ("pc_851_91", "needs can_be_charged"),
            ],
            &[
                ("pc_1203_425", "eligible from 2027-02-03"),
                ("pc_1473_7", "possibly"),
                ("pc_17d2", "possibly"),
                ("pc_1203_4a", "eligible from 2027-02-03"),
            ],
        ],
        caveats: &["immigration", "dmv", "guns_sealing"],
        referrals: Some(&[
            "immigration",
            "license",
            "several_entries",
            "discretionary",
            "may_be_charged",
        ]),
        ..BASE
    },
];

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
    for case in CASES.iter().filter(|c| !c.section.is_empty()) {
        references.push((format!("case {}", case.name), case.section.to_string()));
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
