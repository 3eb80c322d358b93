//! JSON results: the same facts as the text, with ids a program can rely on.

use serde::Serialize;

use super::entry_label;
use crate::content::Content;
use crate::engine::facts::Person;
use crate::engine::screen::Screening;

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
    pub referrals: Vec<Referral<'a>>,
    pub unsure: Vec<Unsure<'a>>,
    pub notice: &'a str,
}

#[derive(Serialize)]
pub struct Entry<'a> {
    pub entry: usize,
    pub label: String,
    pub remedies: Vec<Remedy<'a>>,
}

#[derive(Serialize)]
pub struct Remedy<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub statute: &'a str,
    pub status: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub grant: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<&'a str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub deciding: Vec<&'a str>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub unverified: bool,
    pub forms: &'a [String],
    pub file_with: &'a str,
}

#[derive(Serialize)]
pub struct PlanStep<'a> {
    pub step: &'a str,
    pub title: &'a str,
    pub items: Vec<PlanItem<'a>>,
}

#[derive(Serialize)]
pub struct PlanItem<'a> {
    pub entry: usize,
    pub remedy: &'a str,
}

#[derive(Serialize)]
pub struct Caveat<'a> {
    pub id: &'a str,
    pub topic: &'static str,
    pub text: &'a str,
    pub statute: &'a str,
    pub entries: Vec<usize>,
}

#[derive(Serialize)]
pub struct Referral<'a> {
    pub id: &'a str,
    pub reason: &'a str,
}

#[derive(Serialize)]
pub struct Unsure<'a> {
    /// `None` for a fact about the person.
    pub entry: Option<usize>,
    pub fact: &'a str,
}

pub fn build<'a>(
    content: &'a Content,
    person: &Person,
    s: &Screening,
    id: Option<&'a str>,
) -> Report<'a> {
    use crate::content::model::Grant;
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
                    .map(|r| {
                        let def = &content.remedies[r.remedy].source;
                        Remedy {
                            id: &def.id,
                            name: &def.name,
                            statute: &def.statute,
                            status: r.verdict.key(),
                            from: r.from.map(|d| d.to_string()),
                            grant: r.grant(content).map(|g| match g {
                                Grant::Mandatory => "mandatory",
                                Grant::Discretionary => "discretionary",
                                Grant::Automatic => "automatic",
                            }),
                            reason: r.reason(content),
                            deciding: r
                                .deciding
                                .iter()
                                .map(|f| content.fact(f).name.as_str())
                                .collect(),
                            unverified: r.unverified(content),
                            forms: &def.forms,
                            file_with: &def.file_with,
                        }
                    })
                    .collect(),
            })
            .collect(),
        plan: s
            .plan
            .iter()
            .map(|p| PlanStep {
                step: &content.steps[p.step].id,
                title: &content.steps[p.step].title,
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
            .map(|c| {
                let def = &content.caveats[c.caveat].source;
                Caveat {
                    id: &def.id,
                    topic: c.topic.title(),
                    text: &def.text,
                    statute: &def.statute,
                    entries: c.entries.iter().map(|e| e + 1).collect(),
                }
            })
            .collect(),
        referrals: s
            .referrals
            .iter()
            .map(|&r| Referral {
                id: &content.referrals[r].source.id,
                reason: &content.referrals[r].source.reason,
            })
            .collect(),
        unsure: s
            .unsure
            .iter()
            .map(|&(e, f)| Unsure {
                entry: e.map(|e| e + 1),
                fact: &content.fact(f).name,
            })
            .collect(),
        notice: &content.meta.notice,
    }
}
