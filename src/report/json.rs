//! JSON results: the same facts as the text, with ids a program can rely on.
//!
//! Screening a stream of people writes the same remedy, caveat and step texts over and
//! over, so a [`JsonTexts`] serializes each of them once per run and every result
//! embeds the ready-made JSON.

use serde::Serialize;
use serde_json::value::RawValue;

use super::entry_label;
use crate::content::Content;
use crate::content::model::Grant;
use crate::engine::facts::Person;
use crate::engine::screen::Screening;

/// The content's texts, serialized once.
pub struct JsonTexts<'c> {
    content: &'c Content,
    /// Per remedy: `{"id", "name", "statute", "forms", "file_with"}`.
    remedies: Vec<Box<RawValue>>,
    /// Per remedy, per outcome: the reason as a JSON string.
    reasons: Vec<Vec<Box<RawValue>>>,
    /// Per caveat: `{"id", "topic", "text", "statute"}`.
    caveats: Vec<Box<RawValue>>,
    /// Per step: `{"id", "title"}`.
    steps: Vec<Box<RawValue>>,
    /// Per referral: `{"id", "reason"}`.
    referrals: Vec<Box<RawValue>>,
}

fn raw(value: &impl Serialize) -> Box<RawValue> {
    let text = serde_json::to_string(value).expect("content texts serialize");
    RawValue::from_string(text).expect("serde_json writes valid JSON")
}

impl<'c> JsonTexts<'c> {
    pub fn new(content: &'c Content) -> Self {
        #[derive(Serialize)]
        struct RemedyText<'a> {
            id: &'a str,
            name: &'a str,
            statute: &'a str,
            forms: &'a [String],
            file_with: &'a str,
        }
        #[derive(Serialize)]
        struct CaveatText<'a> {
            id: &'a str,
            topic: &'a str,
            text: &'a str,
            statute: &'a str,
        }
        #[derive(Serialize)]
        struct StepText<'a> {
            id: &'a str,
            title: &'a str,
        }
        #[derive(Serialize)]
        struct ReferralText<'a> {
            id: &'a str,
            reason: &'a str,
        }
        JsonTexts {
            content,
            remedies: content
                .remedies
                .iter()
                .map(|r| {
                    let s = &r.source;
                    raw(&RemedyText {
                        id: &s.id,
                        name: &s.name,
                        statute: &s.statute,
                        forms: &s.forms,
                        file_with: &s.file_with,
                    })
                })
                .collect(),
            reasons: content
                .remedies
                .iter()
                .map(|r| r.source.outcomes.iter().map(|o| raw(&o.reason)).collect())
                .collect(),
            caveats: content
                .caveats
                .iter()
                .map(|c| {
                    let s = &c.source;
                    raw(&CaveatText {
                        id: &s.id,
                        topic: s.topic.title(),
                        text: &s.text,
                        statute: &s.statute,
                    })
                })
                .collect(),
            steps: content
                .steps
                .iter()
                .map(|s| {
                    raw(&StepText {
                        id: &s.id,
                        title: &s.title,
                    })
                })
                .collect(),
            referrals: content
                .referrals
                .iter()
                .map(|r| {
                    raw(&ReferralText {
                        id: &r.source.id,
                        reason: &r.source.reason,
                    })
                })
                .collect(),
        }
    }

    /// The results for one person.
    pub fn report<'a>(&'a self, person: &Person, s: &Screening, id: Option<&'a str>) -> Report<'a> {
        let content = self.content;
        Report {
            id,
            as_of: s.as_of.to_string(),
            rules_version: &content.meta.rules_version,
            law_checked: &content.meta.law_checked,
            entries: s
                .entries
                .iter()
                .enumerate()
                .map(|(e, entry)| Entry {
                    entry: e + 1,
                    label: entry_label(content, person, e),
                    remedies: entry
                        .remedies
                        .iter()
                        .map(|r| Remedy {
                            remedy: &self.remedies[r.remedy],
                            status: r.verdict.key(),
                            from: r.from.map(|d| d.to_string()),
                            grant: r.grant(content).map(|g| match g {
                                Grant::Mandatory => "mandatory",
                                Grant::Discretionary => "discretionary",
                                Grant::Automatic => "automatic",
                            }),
                            reason: r.outcome.map(|o| &*self.reasons[r.remedy][o]),
                            deciding: r
                                .deciding
                                .iter()
                                .map(|f| content.fact(f).name.as_str())
                                .collect(),
                            unverified: r.unverified(content),
                        })
                        .collect(),
                })
                .collect(),
            plan: s
                .plan
                .iter()
                .map(|p| PlanStep {
                    step: &self.steps[p.step],
                    items: p
                        .items
                        .iter()
                        .map(|&(e, r)| PlanItem {
                            entry: e + 1,
                            remedy: &content.remedies[r].source.id,
                        })
                        .collect(),
                })
                .collect(),
            caveats: s
                .caveats
                .iter()
                .map(|c| Caveat {
                    caveat: &self.caveats[c.caveat],
                    entries: c.entries.iter().map(|e| e + 1).collect(),
                })
                .collect(),
            referrals: s.referrals.iter().map(|&r| &*self.referrals[r]).collect(),
            unsure: s
                .unsure
                .iter()
                .map(|&(e, f)| Unsure {
                    entry: e.map(|e| e + 1),
                    fact: &content.fact(f).name,
                })
                .collect(),
        }
    }
}

#[derive(Serialize)]
pub struct Report<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<&'a str>,
    pub as_of: String,
    pub rules_version: &'a str,
    pub law_checked: &'a str,
    pub entries: Vec<Entry<'a>>,
    pub plan: Vec<PlanStep<'a>>,
    pub caveats: Vec<Caveat<'a>>,
    pub referrals: Vec<&'a RawValue>,
    /// Answers given as "not sure".
    pub unsure: Vec<Unsure<'a>>,
}

#[derive(Serialize)]
pub struct Entry<'a> {
    pub entry: usize,
    pub label: String,
    pub remedies: Vec<Remedy<'a>>,
}

#[derive(Serialize)]
pub struct Remedy<'a> {
    /// Its id, name, statute, forms and where to file.
    pub remedy: &'a RawValue,
    /// `eligible`, `possibly`, `needs_info` or `not_eligible`.
    pub status: &'static str,
    /// The date a wait ends, when it has not yet.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub grant: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<&'a RawValue>,
    /// For `needs_info`: the facts whose answers would decide it.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub deciding: Vec<&'a str>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub unverified: bool,
}

#[derive(Serialize)]
pub struct PlanStep<'a> {
    pub step: &'a RawValue,
    pub items: Vec<PlanItem<'a>>,
}

#[derive(Serialize)]
pub struct PlanItem<'a> {
    pub entry: usize,
    pub remedy: &'a str,
}

#[derive(Serialize)]
pub struct Caveat<'a> {
    pub caveat: &'a RawValue,
    pub entries: Vec<usize>,
}

#[derive(Serialize)]
pub struct Unsure<'a> {
    /// `None` for a fact about the person.
    pub entry: Option<usize>,
    pub fact: &'a str,
}
