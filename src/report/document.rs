//! The results as one document: what a screening says, for one audience, before it is
//! written in any format. Every output (the results screen, plain text, Markdown, HTML,
//! JSON, the client's and the attorney's printouts) is this document laid out
//! ([`super::layout`]) and rendered; none of them decides on its own what the results
//! say. Serialized as it is, it is the JSON schema described in `docs/results-json.md`.

use chrono::NaiveDate;
use serde::{Serialize, Serializer};

use super::{answer_text, entry_label, entry_number, status_phrase};
use crate::content::model::{Grant, Topic};
use crate::content::{Content, FiledAt, FilingDef, Lang};
use crate::engine::facts::{Answers, FactId, Person, Slot};
use crate::engine::probation::Term;
use crate::engine::screen::{RemedyResult, Screening, Verdict};
use crate::sanitize;
use crate::strings::fill;

/// The JSON schema's name and version: the version goes up when a field changes
/// meaning or goes away (a new field does not change it).
pub const SCHEMA: &str = "clearpath-results";
pub const SCHEMA_VERSION: u32 = 2;

/// Who the document is written for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Audience {
    /// The person screening themselves: the results screen, `screen`, the kiosk's
    /// printout, the interview's export.
    Person,
    /// A clinic's client: their plan in plain words, what to bring, where to file.
    Client,
    /// The attorney reviewing an intake: every answer, citation and note.
    Attorney,
}

#[derive(Debug, Clone, Serialize)]
pub struct Document<'c> {
    pub schema: &'static str,
    pub version: u32,
    pub audience: Audience,
    #[serde(serialize_with = "lang_code")]
    pub language: Lang,
    /// Where the answers came from, for `screen`: the file (and line) and the case's id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
    /// The intake the answers were saved in, for the printouts.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub intake: Option<IntakeHead>,
    pub as_of: NaiveDate,
    pub rules_version: &'c str,
    pub law_checked: &'c str,
    pub notice: &'c str,
    /// The answers about the person as a whole, in the order asked.
    pub person_answers: Vec<Answer<'c>>,
    pub entries: Vec<Entry<'c>>,
    /// Answers given as "not sure", with where to find them out.
    pub unsure: Vec<Unsure<'c>>,
    /// Saved answers the results do not rest on, and why.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub unused: Vec<String>,
    pub plan: Vec<Step<'c>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub what_to_bring: Vec<String>,
    /// The filing worksheet: court by court, the petitions to file there.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub worksheet: Option<Worksheet<'c>>,
    pub caveats: Vec<Caveat<'c>>,
    pub referrals: Vec<Referral<'c>>,
    pub free_help: &'c str,
    /// The hand-off code holding every answer ([`crate::engine::handoff`]), on the pages
    /// a person carries; `None` for data, and until every question is answered.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub handoff: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Source {
    /// The file, and for a `.jsonl` file the line: `people.jsonl:3`.
    pub file: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct IntakeHead {
    pub id: String,
    /// How the printouts name the client: "Ana Ruiz (#A-17)".
    pub label: String,
    /// The client's name and intake number as typed, one line each.
    pub name: String,
    pub number: String,
    #[serde(serialize_with = "lang_code")]
    pub client_language: Lang,
    pub status: &'static str,
    pub created: chrono::DateTime<chrono::FixedOffset>,
    pub updated: chrono::DateTime<chrono::FixedOffset>,
    /// The volunteer's note about the client (in the attorney's printout only).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub note: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Answer<'c> {
    pub fact: &'c str,
    pub question: &'c str,
    pub answer: String,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub unsure: bool,
    /// Where the answer came from, in the words of case files (`"rap sheet line 15"`,
    /// `"court papers"`, `"memory"`, `"not sure"`), when it is known.
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "source_words"
    )]
    pub source: Option<crate::model::Source>,
}

/// An answer given from memory (or from a source not sure) that a conclusion rests on,
/// with the paper that would confirm it.
#[derive(Debug, Clone, Serialize)]
pub struct Confirm<'c> {
    pub fact: &'c str,
    pub question: &'c str,
    pub answer: String,
    pub confirm_with: &'c str,
}

#[derive(Debug, Clone, Serialize)]
pub struct Entry<'c> {
    /// Counted from 1, as people count.
    pub entry: usize,
    /// The case it is a count of, counted from 1, and the count within the case.
    pub case: usize,
    pub count: usize,
    /// How people read its number: "2", or "1 (count 2)" in a case with several counts.
    pub number: String,
    pub label: String,
    /// The case's county, when it was answered.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub county: Option<String>,
    pub answers: Vec<Answer<'c>>,
    /// The volunteer's note about this entry.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// The answers from memory its conclusions rest on, in the order asked, each with
    /// the paper that would confirm it.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub to_confirm: Vec<Confirm<'c>>,
    /// When probation ends, worked out from the term ordered and its caps.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub probation: Option<Probation<'c>>,
    pub remedies: Vec<Remedy<'c>>,
}

/// A probation term worked out (docs/legal-reference.md §16.4).
#[derive(Debug, Clone, Serialize)]
pub struct Probation<'c> {
    pub granted: NaiveDate,
    pub ordered_months: u32,
    /// The day the term ordered ends.
    pub ordered_end: NaiveDate,
    /// Why the term ordered was cut or kept, when a cap's rule holds for it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cap: Option<&'c str>,
    /// The day it ends, with the cap: a cut term "may" end then (confirm with the court).
    pub end: NaiveDate,
    pub capped: bool,
    /// The working in words.
    pub working: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Remedy<'c> {
    pub id: &'c str,
    pub name: &'c str,
    pub statute: &'c str,
    /// Where in the legal reference the rule comes from.
    pub reference: &'c str,
    /// What the remedy does, in one plain sentence.
    pub summary: &'c str,
    /// `eligible`, `possibly`, `needs_info`, `not_eligible` or `granted`.
    #[serde(rename = "status", serialize_with = "verdict_key")]
    pub verdict: Verdict,
    pub status_text: String,
    /// The date a wait ends, when it has not yet.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<NaiveDate>,
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "grant_key")]
    pub grant: Option<Grant>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<&'c str>,
    /// For `needs_info`: the answers that would decide it.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub deciding: Vec<Deciding<'c>>,
    /// The conclusion rests on a point of law the sources do not confirm.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub unverified: bool,
    /// The answers from memory (or from a source not sure) the conclusion rests on:
    /// those the rule read to reach it, by fact. The entry's `to_confirm` says how to
    /// confirm each.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub from_memory: Vec<&'c str>,
    pub forms: &'c [String],
    pub file_with: &'c str,
}

impl Remedy<'_> {
    /// Listed in the plan: something to do or to find out.
    pub fn is_open(&self) -> bool {
        !matches!(self.verdict, Verdict::NotEligible | Verdict::Granted)
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Deciding<'c> {
    pub fact: &'c str,
    pub question: &'c str,
}

#[derive(Debug, Clone, Serialize)]
pub struct Unsure<'c> {
    /// `None` for an answer about the person as a whole.
    pub entry: Option<usize>,
    pub fact: &'c str,
    pub question: &'c str,
    pub where_to_find: &'c str,
}

#[derive(Debug, Clone, Serialize)]
pub struct Step<'c> {
    #[serde(rename = "step")]
    pub id: &'c str,
    pub title: &'c str,
    pub why: &'c str,
    pub items: Vec<PlanItem<'c>>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PlanItem<'c> {
    pub entry: usize,
    pub remedy: &'c str,
    pub name: &'c str,
    pub status_text: String,
}

/// What to file where, court by court ([`crate::content::FilingDef`]).
#[derive(Debug, Clone, Serialize)]
pub struct Worksheet<'c> {
    /// In the order of their first petition in the plan.
    pub courts: Vec<Court<'c>>,
    /// The open remedies filed elsewhere than a county's court, each saying where.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub elsewhere: Vec<Filed<'c>>,
    pub find_court: &'c str,
    pub fee: &'c str,
    pub copies: &'c str,
    pub reference: &'c str,
}

#[derive(Debug, Clone, Serialize)]
pub struct Court<'c> {
    /// `None` when the county is not known yet.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub county: Option<String>,
    pub name: String,
    /// In the order to file them.
    pub petitions: Vec<Petition<'c>>,
    pub bring: Vec<&'c str>,
}

/// One petition to file: for one case, or one remedy of it.
#[derive(Debug, Clone, Serialize)]
pub struct Petition<'c> {
    /// Its kind: its place in the content's petitions.
    #[serde(skip)]
    pub kind: usize,
    pub case: usize,
    /// The forms, each once.
    pub forms: Vec<&'c str>,
    /// The remedies it asks for, with their entries.
    pub ask_for: Vec<Filed<'c>>,
    pub serve: &'c str,
}

/// A remedy to ask for, for one entry.
#[derive(Debug, Clone, Serialize)]
pub struct Filed<'c> {
    pub entry: usize,
    pub remedy: &'c str,
    pub name: &'c str,
    pub statute: &'c str,
    pub status_text: String,
    pub file_with: &'c str,
}

#[derive(Debug, Clone, Serialize)]
pub struct Caveat<'c> {
    pub id: &'c str,
    #[serde(serialize_with = "topic_key")]
    pub topic: Topic,
    pub text: &'c str,
    pub statute: &'c str,
    pub entries: Vec<usize>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Referral<'c> {
    pub id: &'c str,
    pub reason: &'c str,
}

fn lang_code<S: Serializer>(lang: &Lang, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(lang.code())
}

fn source_words<S: Serializer>(
    source: &Option<crate::model::Source>,
    s: S,
) -> Result<S::Ok, S::Error> {
    match source {
        Some(source) => s.collect_str(source),
        None => s.serialize_none(),
    }
}

fn verdict_key<S: Serializer>(v: &Verdict, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(v.key())
}

fn grant_key<S: Serializer>(g: &Option<Grant>, s: S) -> Result<S::Ok, S::Error> {
    match g {
        Some(grant) => s.serialize_str(grant.key()),
        None => s.serialize_none(),
    }
}

fn topic_key<S: Serializer>(t: &Topic, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(match t {
        Topic::Firearms => "firearms",
        Topic::LicensingAndPublicJobs => "licensing",
        Topic::Immigration => "immigration",
        Topic::FutureCases => "future_cases",
        Topic::EmployersAndBackgroundChecks => "employers",
        Topic::OtherEffects => "other",
    })
}

impl<'c> Document<'c> {
    /// With the hand-off code for `person`'s answers, when every question is answered.
    pub fn with_handoff(mut self, content: &Content, person: &Person) -> Self {
        self.handoff = crate::engine::handoff::encode(content, person, self.as_of).ok();
        self
    }

    /// The results of `screening` for `audience`, in the language of `content`.
    /// `person` is who was screened, with the answers as given.
    pub fn new(
        content: &'c Content,
        person: &Person,
        screening: &Screening,
        audience: Audience,
    ) -> Self {
        let words = crate::strings::Strings::get(content.lang);
        let resolved = person.resolved(&content.count_facts);
        let remedy = |e: usize, r: &RemedyResult| {
            let def = &content.remedies[r.remedy].source;
            Remedy {
                id: &def.id,
                name: &def.name,
                statute: &def.statute,
                reference: &def.reference,
                summary: &def.summary,
                verdict: r.verdict,
                status_text: status_phrase(r, words),
                from: r.from,
                grant: r.grant(content),
                reason: r.reason(content),
                deciding: r
                    .deciding
                    .iter()
                    .map(|f| Deciding {
                        fact: &content.fact(f).name,
                        question: &content.fact_question(f).text,
                    })
                    .collect(),
                unverified: r.unverified(content),
                from_memory: resolved
                    .cases
                    .get(e)
                    .map(|answers| from_memory(content, answers, r))
                    .unwrap_or_default()
                    .into_iter()
                    .map(|fact| content.fact(fact).name.as_str())
                    .collect(),
                forms: &def.forms,
                file_with: &def.file_with,
            }
        };
        let entries = screening
            .entries
            .iter()
            .enumerate()
            .map(|(e, entry)| Entry {
                entry: e + 1,
                case: person.case_and_count(e).0,
                count: person.case_and_count(e).1,
                number: entry_number(words, person, e),
                label: entry_label(content, person, e),
                county: county_of(content, person, e),
                answers: match (person.cases.get(e), resolved.cases.get(e)) {
                    (Some(own), Some(resolved)) => answers(content, own, Some(resolved)),
                    _ => Vec::new(),
                },
                note: String::new(),
                to_confirm: resolved
                    .cases
                    .get(e)
                    .map(|answers| to_confirm(content, answers, &entry.remedies))
                    .unwrap_or_default(),
                probation: entry
                    .probation
                    .map(|term| probation(content, &term, screening.as_of)),
                remedies: entry.remedies.iter().map(|r| remedy(e, r)).collect(),
            })
            .collect();
        let plan = screening
            .plan
            .iter()
            .map(|p| {
                let step = &content.steps[p.step];
                Step {
                    id: &step.id,
                    title: &step.title,
                    why: &step.why,
                    items: p
                        .items
                        .iter()
                        .filter_map(|&(e, r)| {
                            let result = screening.entries[e]
                                .remedies
                                .iter()
                                .find(|x| x.remedy == r)?;
                            Some(PlanItem {
                                entry: e + 1,
                                remedy: &content.remedies[r].source.id,
                                name: &content.remedies[r].source.name,
                                status_text: status_phrase(result, words),
                            })
                        })
                        .collect(),
                }
            })
            .collect();
        let mut doc = Document {
            schema: SCHEMA,
            version: SCHEMA_VERSION,
            audience,
            language: content.lang,
            source: None,
            intake: None,
            as_of: screening.as_of,
            rules_version: &content.meta.rules_version,
            law_checked: &content.meta.law_checked,
            notice: &content.meta.notice,
            person_answers: answers(content, &person.person, None),
            entries,
            unsure: screening
                .unsure
                .iter()
                .map(|&(e, f)| {
                    let q = content.fact_question(f);
                    Unsure {
                        entry: e.map(|e| e + 1),
                        fact: &content.fact(f).name,
                        question: &q.text,
                        where_to_find: &q.help,
                    }
                })
                .collect(),
            unused: Vec::new(),
            plan,
            what_to_bring: Vec::new(),
            worksheet: None,
            caveats: screening
                .caveats
                .iter()
                .map(|c| {
                    let def = &content.caveats[c.caveat].source;
                    Caveat {
                        id: &def.id,
                        topic: c.topic,
                        text: &def.text,
                        statute: &def.statute,
                        entries: c.entries.iter().map(|e| e + 1).collect(),
                    }
                })
                .collect(),
            referrals: screening
                .referrals
                .iter()
                .map(|&r| {
                    let def = &content.referrals[r].source;
                    Referral {
                        id: &def.id,
                        reason: &def.reason,
                    }
                })
                .collect(),
            free_help: &content.free_help,
            handoff: None,
        };
        if audience == Audience::Client {
            doc.what_to_bring = what_to_bring(&doc, words);
        }
        doc.worksheet = content.filing.as_ref().map(|f| worksheet(&doc, content, f));
        doc
    }

    /// Names the file (and the case's id) the answers came from.
    pub fn from_source(mut self, file: &str, id: Option<&str>) -> Self {
        self.source = Some(Source {
            file: sanitize::line(file).into_owned(),
            id: id.map(|id| sanitize::line(id).into_owned()),
        });
        self
    }
}

/// A probation term with its working in words: the term ordered, then what the caps
/// did to it.
fn probation<'c>(content: &'c Content, term: &Term, as_of: NaiveDate) -> Probation<'c> {
    let words = crate::strings::Strings::get(content.lang);
    let rule = content.probation.as_deref();
    let cap = rule.zip(term.cap).map(|(rule, c)| &rule.caps[c]);
    let months = fill(&words.months_answer, &[("n", &term.ordered_months)]);
    let mut working = fill(
        &words.probation_ordered,
        &[
            ("months", &months),
            ("granted", &words.date(term.granted)),
            ("end", &words.date(term.ordered_end)),
        ],
    );
    let mut then = |text: String| {
        working.push(' ');
        working.push_str(&text);
    };
    match (rule, cap) {
        (Some(rule), None) if term.ordered_end <= rule.caps_from => then(fill(
            &words.probation_before_caps,
            &[("law", &words.date(rule.caps_from))],
        )),
        (_, None) => then(words.probation_no_cap.clone()),
        (Some(rule), Some(cap)) => {
            then(cap.reason.clone());
            if term.ended_when_caps_began(rule) {
                then(fill(
                    &words.probation_capped_at_law,
                    &[("law", &words.date(rule.caps_from))],
                ));
            } else if term.capped() {
                let said = if term.end <= as_of {
                    &words.probation_capped
                } else {
                    &words.probation_capped_later
                };
                then(fill(said, &[("end", &words.date(term.end))]));
            } else if cap.months.is_some() {
                then(words.probation_within_cap.clone());
            }
        }
        (None, Some(_)) => {}
    }
    Probation {
        granted: term.granted,
        ordered_months: term.ordered_months,
        ordered_end: term.ordered_end,
        cap: cap.map(|c| c.reason.as_str()),
        end: term.end,
        capped: term.capped(),
        working,
    }
}

/// The answers given, each as a person reads it.
/// The answers given, each with where it came from when `entry` (the entry's answers
/// as the rules read them) tells.
fn answers<'c>(content: &'c Content, given: &Answers, entry: Option<&Answers>) -> Vec<Answer<'c>> {
    given
        .answered()
        .map(|(fact, slot): (FactId, &Slot)| Answer {
            fact: &content.fact(fact).name,
            question: &content.fact_question(fact).text,
            answer: answer_text(content, fact, slot),
            unsure: matches!(slot, Slot::NotSure),
            source: entry.and_then(|entry| content.answer_source(entry, fact)),
        })
        .collect()
}

/// The answers from memory a remedy's conclusion rests on: every answer its rule read
/// to reach it (when it applies, and each outcome down to the one that decided), given
/// from memory or from a source not sure. In fact order, which is the order asked.
fn from_memory(content: &Content, answers: &Answers, r: &RemedyResult) -> Vec<FactId> {
    let def = &content.remedies[r.remedy];
    let mut read = Vec::new();
    def.applies.facts(&mut read);
    let decided = r.outcome.map_or(def.outcomes.len(), |o| o + 1);
    for outcome in &def.outcomes[..decided] {
        outcome.facts(&mut read);
    }
    read.sort();
    read.dedup();
    read.retain(|&fact| {
        matches!(answers.get(fact), Slot::Known(_))
            && content
                .answer_source(answers, fact)
                .is_some_and(|s| s.wants_confirming())
    });
    read
}

/// Every answer from memory an entry's conclusions rest on, once, with the paper that
/// would confirm it.
fn to_confirm<'c>(
    content: &'c Content,
    answers: &Answers,
    remedies: &[RemedyResult],
) -> Vec<Confirm<'c>> {
    let mut facts: Vec<FactId> = remedies
        .iter()
        .flat_map(|r| from_memory(content, answers, r))
        .collect();
    facts.sort();
    facts.dedup();
    facts
        .into_iter()
        .map(|fact| {
            let question = content.fact_question(fact);
            Confirm {
                fact: &content.fact(fact).name,
                question: &question.text,
                answer: answer_text(content, fact, answers.get(fact)),
                confirm_with: &question.confirm_with,
            }
        })
        .collect()
}

/// What to bring to the clinic or the court: the papers, and the forms the plan names.
fn what_to_bring(doc: &Document<'_>, words: &crate::strings::Strings) -> Vec<String> {
    let mut bring = vec![
        words.intake_bring_printout.clone(),
        words.intake_bring_id.clone(),
        words.intake_bring_record.clone(),
        words.intake_bring_papers.clone(),
    ];
    let mut forms: Vec<&str> = Vec::new();
    for remedy in doc.entries.iter().flat_map(|e| &e.remedies) {
        if remedy.is_open() {
            for f in remedy.forms {
                if !forms.contains(&f.as_str()) {
                    forms.push(f);
                }
            }
        }
    }
    if !forms.is_empty() {
        bring.push(crate::strings::fill(
            &words.intake_bring_forms,
            &[("forms", &forms.join("; "))],
        ));
    }
    bring
}

/// The county answered for entry `e`'s case, as written.
pub(crate) fn county_of(content: &Content, person: &Person, e: usize) -> Option<String> {
    let fact = content
        .counties
        .fact
        .or_else(|| content.fact_id("county"))?;
    match person.cases.get(e)?.get(fact) {
        Slot::Known(crate::engine::Value::Text(t)) => {
            let t = sanitize::flat(t).trim().to_string();
            (!t.is_empty()).then_some(t)
        }
        _ => None,
    }
}

/// The filing worksheet: the open remedies a court decides, in the plan's order, as
/// petitions in the court of each case's county; one petition for a case's remedies
/// asked for together.
fn worksheet<'c>(doc: &Document<'c>, content: &'c Content, filing: &'c FilingDef) -> Worksheet<'c> {
    let source = &filing.source;
    let mut sheet = Worksheet {
        courts: Vec::new(),
        elsewhere: Vec::new(),
        find_court: &source.find_court,
        fee: &source.fee,
        copies: &source.copies,
        reference: &source.reference,
    };
    for item in doc.plan.iter().flat_map(|step| &step.items) {
        let Some(entry) = doc.entries.get(item.entry - 1) else {
            continue;
        };
        let Some((r, remedy)) = entry
            .remedies
            .iter()
            .find(|r| r.id == item.remedy)
            .and_then(|r| Some((content.remedy_index(r.id)?, r)))
        else {
            continue;
        };
        if remedy.grant == Some(Grant::Automatic) {
            continue;
        }
        let filed = Filed {
            entry: item.entry,
            remedy: remedy.id,
            name: remedy.name,
            statute: remedy.statute,
            status_text: remedy.status_text.clone(),
            file_with: remedy.file_with,
        };
        let p = match filing.place[r] {
            FiledAt::Nowhere => continue,
            FiledAt::Elsewhere => {
                sheet.elsewhere.push(filed);
                continue;
            }
            FiledAt::Petition(p) => p,
        };
        let court = match sheet.courts.iter().position(|c| c.county == entry.county) {
            Some(c) => c,
            None => {
                let name = match &entry.county {
                    Some(county) => fill(&source.court, &[("county", county)]),
                    None => source.court_unknown.clone(),
                };
                sheet.courts.push(Court {
                    county: entry.county.clone(),
                    name,
                    petitions: Vec::new(),
                    bring: source.bring.iter().map(String::as_str).collect(),
                });
                sheet.courts.len() - 1
            }
        };
        let court = &mut sheet.courts[court];
        if remedy.grant == Some(Grant::Discretionary)
            && !court.bring.contains(&source.bring_discretionary.as_str())
        {
            court.bring.push(&source.bring_discretionary);
        }
        let kind = &source.petitions[p];
        let same = (court.petitions.iter_mut())
            .find(|x| kind.together && x.kind == p && x.case == entry.case);
        let petition = match same {
            Some(x) => x,
            None => {
                court.petitions.push(Petition {
                    kind: p,
                    case: entry.case,
                    forms: Vec::new(),
                    ask_for: Vec::new(),
                    serve: &kind.serve,
                });
                court.petitions.last_mut().expect("just pushed")
            }
        };
        for form in remedy.forms {
            if !petition.forms.contains(&form.as_str()) {
                petition.forms.push(form);
            }
        }
        petition.ask_for.push(filed);
    }
    sheet
}
