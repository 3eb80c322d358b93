//! Screening: a person's facts in, every remedy's status per entry out, with one plan,
//! the caveats and the reasons to see a lawyer.

use std::borrow::Cow;

use chrono::NaiveDate;

use super::cond::{Scope, Truth};
use super::facts::{Answers, FactId, FactSet, Person, Slot, Value};
use super::probation::Term;
use crate::content::Content;
use crate::content::model::{Grant, Status, Topic};

/// A remedy's status for one entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Verdict {
    /// Eligible now, or from [`RemedyResult::from`].
    Eligible,
    /// Possibly: the court decides, or an unsure answer does.
    Possibly,
    /// Needs more information: [`RemedyResult::deciding`] names the answers.
    NeedsInfo,
    NotEligible,
    /// Already granted: a court or the Department of Justice has done it.
    Granted,
}

impl Verdict {
    pub fn word(self) -> &'static str {
        match self {
            Verdict::Eligible => "Eligible",
            Verdict::Possibly => "Possibly",
            Verdict::NeedsInfo => "Needs more information",
            Verdict::NotEligible => "Not eligible",
            Verdict::Granted => "Already granted",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Verdict::Eligible => "eligible",
            Verdict::Possibly => "possibly",
            Verdict::NeedsInfo => "needs_info",
            Verdict::NotEligible => "not_eligible",
            Verdict::Granted => "granted",
        }
    }

    /// A symbol that does not rely on color.
    pub fn symbol(self) -> &'static str {
        match self {
            Verdict::Eligible => "✔",
            Verdict::Possibly => "?",
            Verdict::NeedsInfo => "…",
            Verdict::NotEligible => "✘",
            Verdict::Granted => "●",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RemedyResult {
    /// Index into [`Content::remedies`].
    pub remedy: usize,
    pub verdict: Verdict,
    /// The date a waiting period ends, when it has not yet.
    pub from: Option<NaiveDate>,
    /// The outcome that decided it, when one did.
    pub outcome: Option<usize>,
    /// For [`Verdict::NeedsInfo`], the answers that would decide it.
    pub deciding: FactSet,
}

impl RemedyResult {
    pub fn grant(&self, content: &Content) -> Option<Grant> {
        self.outcome
            .and_then(|o| content.remedies[self.remedy].source.outcomes[o].grant)
    }

    pub fn reason<'c>(&self, content: &'c Content) -> Option<&'c str> {
        self.outcome.map(|o| {
            content.remedies[self.remedy].source.outcomes[o]
                .reason
                .as_str()
        })
    }

    pub fn unverified(&self, content: &Content) -> bool {
        self.outcome
            .is_some_and(|o| content.remedies[self.remedy].source.outcomes[o].unverified)
    }

    /// Listed in the plan: something to do or to find out.
    pub fn is_open(&self) -> bool {
        !matches!(self.verdict, Verdict::NotEligible | Verdict::Granted)
    }

    /// What it does, or may do, bears on the person: its caveats apply. A remedy
    /// already granted has done what it does (the Prop 47 firearm bar stays).
    pub fn has_effects(&self) -> bool {
        self.verdict != Verdict::NotEligible
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntryResult {
    pub remedies: Vec<RemedyResult>,
    /// The probation term worked out, when the entry gives its length.
    pub probation: Option<Term>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanItem {
    /// Index into [`Content::steps`].
    pub step: usize,
    /// `(entry, remedy)` pairs that fall under this step.
    pub items: Vec<(usize, usize)>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaveatItem {
    /// Index into [`Content::caveats`].
    pub caveat: usize,
    pub topic: Topic,
    /// The entries it concerns.
    pub entries: Vec<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Screening {
    pub as_of: NaiveDate,
    pub entries: Vec<EntryResult>,
    pub plan: Vec<PlanItem>,
    /// Ordered by topic, then as in `caveats.ron`.
    pub caveats: Vec<CaveatItem>,
    /// Indexes into [`Content::referrals`].
    pub referrals: Vec<usize>,
    /// Answers given as "not sure": `(entry, fact)`, entry `None` for the person.
    pub unsure: Vec<(Option<usize>, FactId)>,
}

/// Screens a person as of a date. Pure: the same facts and date give the same result.
pub fn screen(content: &Content, person: &Person, as_of: NaiveDate) -> Screening {
    let answered = person;
    let person = &implied(content, person, as_of);
    let entries = judge_entries(content, person, as_of);

    let plan = content
        .steps
        .iter()
        .enumerate()
        .filter_map(|(s, step)| {
            let items: Vec<(usize, usize)> = entries
                .iter()
                .enumerate()
                .flat_map(|(e, entry)| {
                    entry
                        .remedies
                        .iter()
                        .filter(|r| r.is_open() && content.remedies[r.remedy].step == s)
                        .map(move |r| (e, r.remedy))
                })
                .collect();
            (step.always || !items.is_empty()).then_some(PlanItem { step: s, items })
        })
        .collect();

    let caveats = collect_caveats(content, person, &entries, as_of);

    let scope = person_scope(content, person, as_of);
    let referrals = content
        .referrals
        .iter()
        .enumerate()
        .filter(|(_, r)| scope.may_show(&r.when))
        .map(|(i, _)| i)
        .collect();

    // What the person said, not what the entries settled.
    let mut unsure: Vec<(Option<usize>, FactId)> = answered
        .person
        .answered()
        .filter(|(_, s)| matches!(s, Slot::NotSure))
        .map(|(f, _)| (None, f))
        .collect();
    for (e, case) in answered.cases.iter().enumerate() {
        unsure.extend(
            case.answered()
                .filter(|(_, s)| matches!(s, Slot::NotSure))
                .map(|(f, _)| (Some(e), f)),
        );
    }

    Screening {
        as_of,
        entries,
        plan,
        caveats,
        referrals,
        unsure,
    }
}

/// Each entry's remedies, as [`screen`] gives them in [`Screening::entries`], without
/// the plan, caveats and referrals: all that bulk screening to CSV reads.
pub fn screen_entries(content: &Content, person: &Person, as_of: NaiveDate) -> Vec<EntryResult> {
    judge_entries(content, &implied(content, person, as_of), as_of)
}

/// Each entry's remedies, for a person with what their answers imply ([`implied`]).
fn judge_entries(content: &Content, person: &Person, as_of: NaiveDate) -> Vec<EntryResult> {
    person
        .cases
        .iter()
        .map(|case| {
            let scope = entry_scope(content, person, case, as_of);
            EntryResult {
                remedies: (0..content.remedies.len())
                    .filter_map(|i| judge(content, i, &scope))
                    .collect(),
                probation: content
                    .probation
                    .as_ref()
                    .and_then(|rule| rule.term(&scope).ok().flatten()),
            }
        })
        .collect()
}

/// The scope of rules about one entry of `person`: `case`, read beside the person's
/// answers and every entry.
pub(crate) fn entry_scope<'a>(
    content: &'a Content,
    person: &'a Person,
    case: &'a Answers,
    as_of: NaiveDate,
) -> Scope<'a> {
    Scope {
        case: Some(case),
        ..person_scope(content, person, as_of)
    }
}

/// The scope of rules about the whole person rather than one entry.
fn person_scope<'a>(content: &'a Content, person: &'a Person, as_of: NaiveDate) -> Scope<'a> {
    Scope {
        as_of,
        person: &person.person,
        case: None,
        all_cases: &person.cases,
        case_total: person.case_total(),
        person_facts: &content.person_facts,
        asking: false,
    }
}

/// The person with every fact about them that an entry's answer settles: an entry
/// still on probation means the person is under supervision now, whatever they said
/// about that before the entries were asked. The rules then read one answer, not two
/// that can disagree.
///
/// Each further count of a case also takes its case's facts here ([`Person::resolved`]).
pub fn implied<'p>(content: &Content, person: &'p Person, as_of: NaiveDate) -> Cow<'p, Person> {
    let mut resolved = person.resolved(&content.count_facts);
    let scope = person_scope(content, &resolved, as_of);
    let settled: Vec<FactId> = content
        .questions
        .iter()
        .filter(|q| {
            q.implied_by
                .as_ref()
                .is_some_and(|c| c.eval(&scope) == Truth::True)
        })
        .map(|q| q.fact)
        .collect();
    let already = Slot::Known(Value::Bool(true));
    for fact in settled {
        if *resolved.person.get(fact) != already {
            resolved.to_mut().person.set(fact, already.clone());
        }
    }
    resolved
}

/// One remedy for one entry, or `None` when it does not apply at all.
pub fn judge(content: &Content, remedy: usize, scope: &Scope) -> Option<RemedyResult> {
    let def = &content.remedies[remedy];
    let mut result = RemedyResult {
        remedy,
        verdict: Verdict::NeedsInfo,
        from: None,
        outcome: None,
        deciding: FactSet::default(),
    };
    // Listed only when the answers given say it applies or may: not for questions
    // the interview has not reached yet.
    match scope.settle(def.applies.eval(scope)) {
        Truth::False => return None,
        Truth::Unknown(facts) => {
            result.deciding = facts;
            return Some(result);
        }
        Truth::True | Truth::Later(_) => {}
    }
    for (i, cond) in def.outcomes.iter().enumerate() {
        let status = def.source.outcomes[i].status;
        match cond.eval(scope) {
            Truth::True => {
                result.verdict = verdict(status);
                result.outcome = Some(i);
                return Some(result);
            }
            Truth::Later(date) if status.dated() => {
                result.verdict = verdict(status);
                result.from = Some(date);
                result.outcome = Some(i);
                return Some(result);
            }
            Truth::Unknown(facts) => {
                // An answer that cannot change a "not eligible" is not asked for.
                if status == Status::NotEligible
                    && let Some(j) = closed_anyway(content, remedy, i, scope)
                {
                    result.verdict = Verdict::NotEligible;
                    result.outcome = Some(j);
                    return Some(result);
                }
                result.deciding = facts;
                return Some(result);
            }
            Truth::False | Truth::Later(_) => {}
        }
    }
    Some(result)
}

/// After an open "not eligible" outcome, the later one that closes the remedy
/// whatever the open answers are: every outcome before it is not eligible, or does
/// not hold. Someone unsure whether they are on probation, with a conviction from
/// 1970, is told it is too old, not asked about probation.
fn closed_anyway(content: &Content, remedy: usize, open: usize, scope: &Scope) -> Option<usize> {
    let def = &content.remedies[remedy];
    for (j, cond) in def.outcomes.iter().enumerate().skip(open + 1) {
        let closes = def.source.outcomes[j].status == Status::NotEligible;
        match cond.eval(scope) {
            Truth::True if closes => return Some(j),
            Truth::False => {}
            Truth::Later(_) | Truth::Unknown(_) if closes => {}
            _ => return None,
        }
    }
    None
}

fn verdict(status: Status) -> Verdict {
    match status {
        Status::Eligible => Verdict::Eligible,
        Status::Possibly => Verdict::Possibly,
        Status::NotEligible => Verdict::NotEligible,
        Status::Granted => Verdict::Granted,
    }
}

fn collect_caveats(
    content: &Content,
    person: &Person,
    entries: &[EntryResult],
    as_of: NaiveDate,
) -> Vec<CaveatItem> {
    let mut per_caveat: Vec<Vec<usize>> = vec![Vec::new(); content.caveats.len()];
    for (e, entry) in entries.iter().enumerate() {
        let mut add = |c: usize| {
            if per_caveat[c].last() != Some(&e) {
                per_caveat[c].push(e);
            }
        };
        for r in entry.remedies.iter().filter(|r| r.has_effects()) {
            for &c in &content.remedies[r.remedy].caveats {
                add(c);
            }
        }
        let scope = entry_scope(content, person, &person.cases[e], as_of);
        for (c, def) in content.caveats.iter().enumerate() {
            if def.when.as_ref().is_some_and(|w| scope.may_show(w)) {
                add(c);
            }
        }
    }
    for entries in &mut per_caveat {
        entries.sort_unstable();
        entries.dedup();
    }
    let mut items: Vec<CaveatItem> = per_caveat
        .into_iter()
        .enumerate()
        .filter(|(_, e)| !e.is_empty())
        .map(|(c, entries)| CaveatItem {
            caveat: c,
            topic: content.caveats[c].source.topic,
            entries,
        })
        .collect();
    items.sort_by_key(|i| (i.topic, i.caveat));
    items
}

/// How one remedy's status for one entry changed between two screenings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub entry: usize,
    pub remedy: usize,
    pub before: Option<(Verdict, Option<NaiveDate>)>,
    pub after: Option<(Verdict, Option<NaiveDate>)>,
}

/// What changed in the results, entry by entry, remedy by remedy.
pub fn changes(before: &Screening, after: &Screening) -> Vec<Change> {
    let status = |s: &Screening, e: usize, r: usize| {
        s.entries.get(e).and_then(|entry| {
            entry
                .remedies
                .iter()
                .find(|x| x.remedy == r)
                .map(|x| (x.verdict, x.from))
        })
    };
    let entries = before.entries.len().max(after.entries.len());
    let mut out = Vec::new();
    for e in 0..entries {
        let mut remedies: Vec<usize> = [before, after]
            .iter()
            .filter_map(|s| s.entries.get(e))
            .flat_map(|entry| entry.remedies.iter().map(|r| r.remedy))
            .collect();
        remedies.sort_unstable();
        remedies.dedup();
        for r in remedies {
            let (b, a) = (status(before, e, r), status(after, e, r));
            if b != a {
                out.push(Change {
                    entry: e,
                    remedy: r,
                    before: b,
                    after: a,
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::Verdict;

    const ALL: [Verdict; 5] = [
        Verdict::Eligible,
        Verdict::Possibly,
        Verdict::NeedsInfo,
        Verdict::NotEligible,
        Verdict::Granted,
    ];

    /// The keys are the JSON schema's statuses (docs/results-json.md): a program
    /// reading the results depends on them. Words and symbols tell the five apart
    /// without color.
    #[test]
    fn each_verdict_has_its_json_key_its_word_and_its_own_symbol() {
        let keys = ALL.map(Verdict::key);
        assert_eq!(
            keys,
            [
                "eligible",
                "possibly",
                "needs_info",
                "not_eligible",
                "granted"
            ]
        );
        let words = ALL.map(Verdict::word);
        assert_eq!(
            words,
            [
                "Eligible",
                "Possibly",
                "Needs more information",
                "Not eligible",
                "Already granted"
            ]
        );
        let symbols = ALL.map(Verdict::symbol);
        assert_eq!(symbols, ["✔", "?", "…", "✘", "●"]);
    }
}
