//! The golden legal cases (`cases.ron`): reading the table, and running a case against
//! a content set, the way the results would say it.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use clearpath::casefile::{self, Syntax};
use clearpath::content::Content;
use clearpath::content::model::AnswerKind;
use clearpath::engine::facts::Person;
use clearpath::engine::screen::{RemedyResult, Screening, Verdict, screen_entries};
use clearpath::engine::{Interview, Slot, Stage, screen};
use serde::Deserialize;

pub const TABLE: &str = include_str!("cases.ron");

/// Facts by the interview's names, as in a case file.
pub type Facts = BTreeMap<String, ron::Value>;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Table {
    pub as_of: NaiveDate,
    /// The person every case starts from.
    pub person: Facts,
    pub cases: Vec<Case>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Case {
    pub name: String,
    /// The section of docs/legal-reference.md the expected result follows.
    pub section: String,
    #[serde(default)]
    pub as_of: Option<NaiveDate>,
    /// The person's facts that differ from the table's person.
    #[serde(default)]
    pub person: Facts,
    pub entries: Vec<Entry>,
    #[serde(default)]
    pub caveats: Vec<String>,
    #[serde(default)]
    pub not_caveats: Vec<String>,
    /// The results show the `caveats` and no other.
    #[serde(default)]
    pub no_other_caveats: bool,
    #[serde(default)]
    pub referrals: Vec<String>,
    /// The answers cannot be true together: the case file is refused, and the reason
    /// holds these words.
    #[serde(default)]
    pub refused: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// A further count of the case in the entry above: `facts` holds only what differs
    /// for this count (a case file's `counts`).
    #[serde(default)]
    pub count: bool,
    pub facts: Facts,
    /// Every remedy listed for the entry, and its result.
    pub expect: BTreeMap<String, String>,
}

impl Table {
    pub fn read() -> Table {
        ron::Options::default()
            .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
            .from_str(TABLE)
            .unwrap_or_else(|e| panic!("tests/legal_cases/cases.ron:{e}"))
    }

    pub fn as_of(&self, case: &Case) -> NaiveDate {
        case.as_of.unwrap_or(self.as_of)
    }

    /// The person's facts for a case: the table's, with the case's in their place.
    pub fn person(&self, case: &Case) -> Facts {
        let mut facts = self.person.clone();
        facts.extend(case.person.clone());
        facts
    }

    /// The case as a case file.
    pub fn case_file(&self, case: &Case) -> String {
        let map = |facts: &Facts| {
            let pairs: Vec<String> = facts
                .iter()
                .map(|(k, v)| format!("{k:?}: {}", ron::to_string(v).unwrap()))
                .collect();
            format!("{{ {} }}", pairs.join(", "))
        };
        // A further count goes, as in a case file, under its case's "counts".
        let mut entries: Vec<(String, Vec<String>)> = Vec::new();
        for e in &case.entries {
            match entries.last_mut() {
                Some((_, counts)) if e.count => counts.push(map(&e.facts)),
                _ => entries.push((map(&e.facts), Vec::new())),
            }
        }
        let entries: Vec<String> = entries
            .into_iter()
            .map(|(first, counts)| match counts.is_empty() {
                true => first,
                false => format!(
                    "{}, \"counts\": [{}] }}",
                    first.trim_end_matches(" }"),
                    counts.join(", ")
                ),
            })
            .collect();
        format!(
            "(person: {}, cases: [{}])",
            map(&self.person(case)),
            entries.join(", ")
        )
    }
}

/// A remedy's result as the table writes it (see the head of cases.ron).
pub fn result(content: &Content, r: &RemedyResult) -> String {
    let mut s = match (r.verdict, r.from) {
        (Verdict::Eligible, None) => "eligible".to_string(),
        (Verdict::Eligible, Some(d)) => format!("eligible from {d}"),
        (Verdict::Possibly, None) => "possibly".to_string(),
        (Verdict::Possibly, Some(d)) => format!("possibly from {d}"),
        (Verdict::NotEligible, _) => "not eligible".to_string(),
        (Verdict::Granted, _) => "already granted".to_string(),
        (Verdict::NeedsInfo, _) => {
            let facts: Vec<&str> = r
                .deciding
                .iter()
                .map(|f| content.fact(f).name.as_str())
                .collect();
            format!("needs {}", facts.join(", "))
        }
    };
    if let Some(grant) = r.grant(content) {
        s.push_str(&format!(": {grant:?}").to_lowercase());
    }
    if r.unverified(content) {
        s.push_str(" (may)");
    }
    s
}

/// Runs one case against a content set; returns every difference from what the table
/// expects. The case is screened twice: from its facts directly, and from the answers
/// the interview collects when each question it asks is answered from those facts.
pub fn differences(table: &Table, content: &Content, case: &Case) -> Vec<String> {
    let text = table.case_file(case);
    let parsed = casefile::parse(content, &text, Syntax::Ron);
    if let Some(words) = &case.refused {
        return match parsed {
            Err(e) if e.to_string().contains(words.as_str()) => Vec::new(),
            Err(e) => vec![format!("refused, but not because \"{words}\": {e}")],
            Ok(_) => vec![format!(
                "expected to be refused because \"{words}\", but it reads"
            )],
        };
    }
    let file = match parsed {
        Ok(f) => f,
        Err(e) => return vec![format!("the case file does not read: {e}\n{text}")],
    };
    let as_of = table.as_of(case);
    let direct = screen(content, &file.person, as_of);
    let mut diffs = compare(content, case, &direct);
    // Bulk screening to CSV reads the entries alone; they must be the screening's.
    if screen_entries(content, &file.person, as_of) != direct.entries {
        diffs.push("the entries screened alone (for CSV) differ from the screening's".into());
    }
    if diffs.is_empty() {
        match interviewed(content, &file.person, as_of) {
            Err(e) => diffs.push(e),
            Ok(asked) => {
                let through = screen(content, &asked, as_of);
                diffs.extend(
                    compare(content, case, &through)
                        .into_iter()
                        .map(|d| format!("through the interview: {d}")),
                );
            }
        }
    }
    diffs
}

/// A result and, after `, because "…"`, words its reason must contain.
fn split_because(expected: &str) -> (&str, Option<&str>) {
    match expected.split_once(", because \"") {
        Some((status, words)) => (status, Some(words.trim_end_matches('"'))),
        None => (expected, None),
    }
}

/// Compares a screening with the case's expectations.
/// The plan lists each remedy that is open (eligible or possibly) once, under its
/// own step, and no other.
fn plan_differs(content: &Content, s: &Screening) -> Vec<String> {
    let planned: Vec<(usize, usize, usize)> = s
        .plan
        .iter()
        .flat_map(|p| p.items.iter().map(move |&(e, r)| (p.step, e, r)))
        .collect();
    let open: Vec<(usize, usize, usize)> = s
        .entries
        .iter()
        .enumerate()
        .flat_map(|(e, entry)| {
            entry
                .remedies
                .iter()
                .filter(|r| r.is_open())
                .map(move |r| (content.remedies[r.remedy].step, e, r.remedy))
        })
        .collect();
    let mut sorted = planned.clone();
    sorted.sort();
    let mut expected = open;
    expected.sort();
    if sorted == expected {
        return Vec::new();
    }
    vec![format!(
        "the plan lists (step, entry, remedy) {planned:?}; the open remedies are {expected:?}"
    )]
}

fn compare(content: &Content, case: &Case, s: &Screening) -> Vec<String> {
    let mut diffs = plan_differs(content, s);
    if s.entries.len() != case.entries.len() {
        diffs.push(format!(
            "{} entries screened, {} expected",
            s.entries.len(),
            case.entries.len()
        ));
    }
    for (e, (got, want)) in s.entries.iter().zip(&case.entries).enumerate() {
        let n = e + 1;
        let listed: BTreeMap<&str, String> = got
            .remedies
            .iter()
            .map(|r| {
                (
                    content.remedies[r.remedy].source.id.as_str(),
                    result(content, r),
                )
            })
            .collect();
        for (id, expected) in &want.expect {
            let (status, because) = split_because(expected);
            match listed.get(id.as_str()) {
                _ if content.remedy_index(id).is_none() => {
                    diffs.push(format!("entry {n}: no remedy \"{id}\" in the content"))
                }
                Some(r) if r == status => {
                    let reason = got
                        .remedies
                        .iter()
                        .find(|x| content.remedies[x.remedy].source.id == *id)
                        .and_then(|x| x.reason(content))
                        .unwrap_or_default();
                    if let Some(words) = because.filter(|w| !reason.contains(w)) {
                        diffs.push(format!(
                            "entry {n}: {id}: the reason does not say \"{words}\": \"{reason}\""
                        ));
                    }
                }
                Some(r) => diffs.push(format!(
                    "entry {n}: {id}: expected \"{status}\", got \"{r}\""
                )),
                None => diffs.push(format!(
                    "entry {n}: {id}: expected \"{expected}\", but it is not listed"
                )),
            }
        }
        for (id, r) in &listed {
            if !want.expect.contains_key(*id) {
                diffs.push(format!(
                    "entry {n}: {id} is listed (\"{r}\") but not expected"
                ));
            }
        }
    }
    let shown: BTreeSet<&str> = s
        .caveats
        .iter()
        .map(|c| content.caveats[c.caveat].source.id.as_str())
        .collect();
    for c in &case.caveats {
        if !shown.contains(c.as_str()) {
            diffs.push(format!("caveat {c} is not shown"));
        }
    }
    for c in &case.not_caveats {
        if shown.contains(c.as_str()) {
            diffs.push(format!("caveat {c} is shown but should not be"));
        }
    }
    if case.no_other_caveats {
        for c in shown
            .iter()
            .filter(|c| !case.caveats.iter().any(|w| w == *c))
        {
            diffs.push(format!("caveat {c} is shown but not listed"));
        }
    }
    let got: BTreeSet<&str> = s
        .referrals
        .iter()
        .map(|r| content.referrals[*r].source.id.as_str())
        .collect();
    let want: BTreeSet<&str> = case.referrals.iter().map(String::as_str).collect();
    if got != want {
        diffs.push(format!("referrals: expected {want:?}, got {got:?}"));
    }
    diffs
}

/// The answers the interview collects from someone who answers each question it asks
/// from `facts`. A question the facts do not answer is a difference: the case would
/// not be what a person going through the interview gives.
pub fn interviewed(content: &Content, facts: &Person, as_of: NaiveDate) -> Result<Person, String> {
    let mut interview = Interview::new(content, as_of);
    // Every question costs a step; a loop in the routes must not hang the test.
    for _ in 0..10_000 {
        match interview.stage() {
            Stage::Done => return Ok(interview.person().clone()),
            Stage::AddAnother => {
                let next = interview.entry_count();
                if facts.is_further_count(next) {
                    interview.add_count();
                } else {
                    interview.add_another(next < facts.cases.len());
                }
            }
            Stage::Person | Stage::Entry(_) => {
                let Some(asking) = interview.asking() else {
                    return Err("the interview stopped without a question".to_string());
                };
                let fact = content.questions[asking.index].fact;
                let from = match asking.entry {
                    None => &facts.person,
                    Some(e) => &facts.cases[e],
                };
                let slot = match from.get(fact) {
                    // Free text (a county) and where the answers came from are read by
                    // no rule; a case may leave them out.
                    Slot::Missing
                        if content.fact(fact).kind == AnswerKind::Text
                            || content.fact(fact).name == clearpath::content::ANSWERS_FROM =>
                    {
                        Slot::NotSure
                    }
                    Slot::Missing => {
                        return Err(format!(
                            "the interview asks {}{}, which the case does not answer",
                            content.fact(fact).name,
                            asking
                                .entry
                                .map_or(String::new(), |e| format!(" of entry {}", e + 1)),
                        ));
                    }
                    given => given.clone(),
                };
                if let Err(e) = interview.answer(slot) {
                    return Err(format!(
                        "the interview refuses the answer to {}: {e:?}",
                        content.fact(fact).name
                    ));
                }
            }
        }
    }
    Err("the interview does not end".to_string())
}
