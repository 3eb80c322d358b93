//! Printouts of one intake: for the client (their plan in plain words, what to bring,
//! where to file) and for the attorney (every answer with the unsure ones marked, every
//! remedy's status with its reason and citation, the notes), as plain text, Markdown,
//! one self-contained print-ready HTML page, and JSON.
//!
//! The client's printout is written in the language of the content it is given, which
//! the caller picks from the client's language ([`language`]); the attorney's is for an
//! English-speaking attorney, so its own words are English and the caller gives it the
//! English content.
//!
//! Each printout is built once as a list of [`Block`]s and rendered three ways, so the
//! text, Markdown and HTML always say the same thing. Every piece of text typed by a
//! person is cleaned of control characters before it is placed, and escaped for the
//! format it is written in.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

use super::record::{Intake, Unread, to_saved};
use super::{clean, clean_block};
use crate::content::model::{Grant, Topic};
use crate::content::{Content, Lang};
use crate::engine::facts::{Person, Slot};
use crate::engine::screen::{RemedyResult, Screening};
use crate::engine::{FactId, Interview, Value};
use crate::report::escape::{html as h, html_block, markdown as md};
use crate::report::{answer_text, deciding_questions, entry_label, topic_title, wrap};
use crate::strings::{Strings, fill};

/// How an unsure answer reads in the attorney's printout; set apart in Markdown and HTML.
const UNSURE: &str = "NOT SURE (unsure answer)";

/// Who a printout is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audience {
    Client,
    Attorney,
}

/// What a printout is written as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
    Html,
    Json,
}

impl Format {
    /// The usual file extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Text => "txt",
            Format::Markdown => "md",
            Format::Html => "html",
            Format::Json => "json",
        }
    }
}

/// A file name for a printout that says nothing about the client, from the intake's
/// id: `ID-attorney.html`.
pub fn file_name(id: &str, audience: Audience, format: Format) -> String {
    let who = match audience {
        Audience::Client => "client",
        Audience::Attorney => "attorney",
    };
    format!("{id}-{who}.{}", format.extension())
}

/// The language a printout is written in: the client's own for theirs, English for
/// the attorney's.
pub fn language(intake: &Intake, audience: Audience) -> Lang {
    match audience {
        Audience::Client => intake.language,
        Audience::Attorney => Lang::En,
    }
}

/// A printout of one intake, screened as of `as_of`, in the language of `content`
/// (see [`language`] for which to pass).
pub fn export(
    content: &Content,
    intake: &Intake,
    as_of: NaiveDate,
    audience: Audience,
    format: Format,
) -> String {
    let prepared = Prepared::new(content, intake, as_of);
    if format == Format::Json {
        let mut json = match audience {
            Audience::Client => serde_json::to_string_pretty(&prepared.client_json()),
            Audience::Attorney => serde_json::to_string_pretty(&prepared.attorney_json()),
        }
        .unwrap_or_default();
        json.push('\n');
        return json;
    }
    let blocks = match audience {
        Audience::Client => prepared.client_blocks(),
        Audience::Attorney => prepared.attorney_blocks(),
    };
    match format {
        Format::Text => render_text(&blocks, prepared.words()),
        Format::Markdown => render_markdown(&blocks),
        Format::Html => render_html(&blocks, &prepared.title(audience), content.lang),
        Format::Json => unreachable!("handled above"),
    }
}

/// A printout's content, before it is written in a format.
#[derive(Debug, Clone, PartialEq)]
enum Block {
    Title(String),
    Heading(String),
    Sub(String),
    Para(String),
    /// The not-legal-advice notice, set apart.
    Notice(String),
    /// Items, each with lines under it; numbered or not.
    Items {
        numbered: bool,
        items: Vec<Item>,
    },
    /// Label and value pairs.
    Pairs(Vec<(String, String)>),
    /// Words a volunteer wrote: line breaks kept.
    Note(String),
    Footer(String),
}

#[derive(Debug, Clone, PartialEq)]
struct Item {
    head: String,
    lines: Vec<String>,
}

fn item(head: impl Into<String>, lines: Vec<String>) -> Item {
    Item {
        head: head.into(),
        lines,
    }
}

/// Everything a printout needs, worked out once.
struct Prepared<'a> {
    content: &'a Content,
    intake: &'a Intake,
    person: Person,
    screening: Screening,
    unread: Vec<Unread>,
    /// The answered questions of the person, then of each entry, in the order asked.
    answered: Vec<Vec<(usize, Slot)>>,
}

impl<'a> Prepared<'a> {
    fn new(content: &'a Content, intake: &'a Intake, as_of: NaiveDate) -> Self {
        let (mut person, mut unread) = intake.person(content);
        // Typed text (a county) is shown in labels and answers: clean it once here.
        for answers in std::iter::once(&mut person.person).chain(person.cases.iter_mut()) {
            let typed: Vec<(FactId, String)> = answers
                .answered()
                .filter_map(|(f, s)| match s {
                    Slot::Known(Value::Text(t)) => Some((f, clean(t))),
                    _ => None,
                })
                .collect();
            for (f, t) in typed {
                answers.set(f, Slot::Known(Value::Text(t)));
            }
        }
        let read = person.clone();
        let interview = Interview::resume(content, as_of, person);
        let person = interview.person().clone();
        // Saved answers past a question the interview has not reached (one the
        // content gained since, or one whose answer changed) do not count here.
        for (entry, fact, _) in super::session::left_out(&read, &person) {
            unread.push(Unread {
                entry,
                fact: content.fact(fact).name.clone(),
                why: "not reached: an earlier question on this path is unanswered".into(),
            });
        }
        let answered = std::iter::once(None)
            .chain((0..person.cases.len()).map(Some))
            .map(|e| interview.answered(e))
            .collect();
        Prepared {
            content,
            intake,
            screening: interview.results(),
            person,
            unread,
            answered,
        }
    }

    // The phrases shared with the results screen, from crate::report.

    fn words(&self) -> &'static Strings {
        Strings::get(self.content.lang)
    }

    fn status(&self, r: &RemedyResult) -> String {
        crate::report::status_phrase(r, self.words())
    }

    fn grant(&self, grant: Grant) -> &'static str {
        crate::report::grant_phrase(grant, self.words())
    }

    fn needs_info_lead(&self) -> &'static str {
        &self.words().needs_info_lead
    }

    fn unverified_note(&self) -> &'static str {
        &self.words().unverified_note
    }

    fn title(&self, audience: Audience) -> String {
        match audience {
            Audience::Client => format!(
                "{}: {}",
                self.words().intake_client_title,
                self.intake.label()
            ),
            Audience::Attorney => format!("Intake for attorney review: {}", self.intake.label()),
        }
    }

    fn label(&self, entry: usize) -> String {
        entry_label(self.content, &self.person, entry)
    }

    fn remedy(&self, entry: usize, remedy: usize) -> Option<&RemedyResult> {
        self.screening
            .entries
            .get(entry)?
            .remedies
            .iter()
            .find(|r| r.remedy == remedy)
    }

    fn footer(&self) -> String {
        fill(
            &self.words().footer,
            &[
                ("version", &self.content.meta.rules_version),
                ("date", &self.content.meta.law_checked),
            ],
        )
    }

    /// "Entry 2", "Caso 2".
    fn entry_name(&self, entry: usize) -> String {
        fill(&self.words().entry, &[("n", &entry)])
    }

    fn county(&self, entry: usize) -> Option<String> {
        let fact = self.content.fact_id("county")?;
        match self.person.cases.get(entry)?.get(fact) {
            Slot::Known(crate::engine::Value::Text(t)) => {
                let county = clean(t).trim().to_string();
                (!county.is_empty()).then_some(county)
            }
            _ => None,
        }
    }

    /// The plan: each step with why, and the entries' remedies under it.
    fn plan(&self) -> Vec<PlanStep> {
        self.screening
            .plan
            .iter()
            .map(|p| {
                let step = &self.content.steps[p.step];
                PlanStep {
                    step: step.id.clone(),
                    title: step.title.clone(),
                    why: step.why.clone(),
                    items: p
                        .items
                        .iter()
                        .filter_map(|&(e, r)| {
                            let result = self.remedy(e, r)?;
                            let def = &self.content.remedies[r].source;
                            Some(PlanEntry {
                                entry: e + 1,
                                label: self.label(e),
                                remedy: def.id.clone(),
                                name: def.name.clone(),
                                status: self.status(result),
                                summary: def.summary.clone(),
                                forms: def.forms.clone(),
                                file_with: def.file_with.clone(),
                                automatic: result.grant(self.content) == Some(Grant::Automatic),
                            })
                        })
                        .collect(),
                }
            })
            .collect()
    }

    /// What to bring to the clinic or the court.
    fn bring(&self) -> Vec<String> {
        let w = self.words();
        let mut bring = vec![
            w.intake_bring_printout.clone(),
            w.intake_bring_id.clone(),
            w.intake_bring_record.clone(),
            w.intake_bring_papers.clone(),
        ];
        let mut forms: Vec<&str> = Vec::new();
        for p in &self.screening.plan {
            for &(_, r) in &p.items {
                for f in &self.content.remedies[r].source.forms {
                    if !forms.contains(&f.as_str()) {
                        forms.push(f);
                    }
                }
            }
        }
        if !forms.is_empty() {
            bring.push(fill(&w.intake_bring_forms, &[("forms", &forms.join("; "))]));
        }
        bring
    }

    /// Questions answered "not sure", with where to find the answer.
    fn unsure(&self) -> Vec<UnsureAnswer> {
        self.screening
            .unsure
            .iter()
            .map(|&(e, f)| {
                let q = self.content.fact_question(f);
                UnsureAnswer {
                    entry: e.map(|e| e + 1),
                    fact: self.content.fact(f).name.clone(),
                    question: q.text.clone(),
                    where_to_find: q.help.clone(),
                }
            })
            .collect()
    }

    /// Where to file, by county: each open remedy that is not automatic.
    fn filing(&self) -> Vec<Filing> {
        let mut by_county: BTreeMap<String, Vec<PlanEntry>> = BTreeMap::new();
        for step in self.plan() {
            for entry in step.items.into_iter().filter(|e| !e.automatic) {
                let county = self
                    .county(entry.entry - 1)
                    .map(|c| fill(&self.words().intake_county, &[("county", &c)]))
                    .unwrap_or_else(|| self.words().intake_county_unknown.clone());
                by_county.entry(county).or_default().push(entry);
            }
        }
        by_county
            .into_iter()
            .map(|(county, items)| Filing { county, items })
            .collect()
    }

    fn referrals(&self) -> Vec<String> {
        self.screening
            .referrals
            .iter()
            .map(|&r| self.content.referrals[r].source.reason.clone())
            .collect()
    }

    fn caveat_blocks(&self, blocks: &mut Vec<Block>) {
        if self.screening.caveats.is_empty() {
            return;
        }
        let w = self.words();
        blocks.push(Block::Heading(w.markdown_caveats.clone()));
        for topic in Topic::ALL {
            let items: Vec<Item> = self
                .screening
                .caveats
                .iter()
                .filter(|c| c.topic == topic)
                .map(|c| {
                    let def = &self.content.caveats[c.caveat].source;
                    let entries: Vec<String> =
                        c.entries.iter().map(|e| (e + 1).to_string()).collect();
                    let entries = fill(&w.caveat_entries, &[("list", &entries.join(", "))]);
                    item(
                        def.text.clone(),
                        vec![format!("{}; {entries}", def.statute)],
                    )
                })
                .collect();
            if !items.is_empty() {
                blocks.push(Block::Sub(topic_title(topic, w).into()));
                blocks.push(Block::Items {
                    numbered: false,
                    items,
                });
            }
        }
    }

    fn lawyer_blocks(&self, blocks: &mut Vec<Block>) {
        let w = self.words();
        blocks.push(Block::Heading(w.markdown_lawyer.clone()));
        let referrals = self.referrals();
        if referrals.is_empty() {
            blocks.push(Block::Para(w.no_referral.clone()));
        } else {
            blocks.push(Block::Items {
                numbered: false,
                items: referrals.into_iter().map(|r| item(r, vec![])).collect(),
            });
        }
        blocks.push(Block::Para(self.content.free_help.clone()));
    }

    fn client_blocks(&self) -> Vec<Block> {
        let w = self.words();
        let mut b = vec![
            Block::Title(w.intake_client_title.clone()),
            Block::Para(fill(
                &w.intake_prepared_for,
                &[
                    ("client", &self.intake.label()),
                    ("date", &self.screening.as_of),
                ],
            )),
            Block::Notice(self.content.meta.notice.clone()),
        ];
        if self.screening.entries.is_empty() {
            b.push(Block::Para(w.report_no_entries.clone()));
        }

        if !self.screening.entries.is_empty() {
            b.push(Block::Heading(w.intake_your_entries.clone()));
            b.push(Block::Items {
                numbered: false,
                items: (0..self.screening.entries.len())
                    .map(|e| item(self.label(e), vec![]))
                    .collect(),
            });
        }

        b.push(Block::Heading(w.intake_plan_heading.clone()));
        let steps = self
            .plan()
            .into_iter()
            .map(|step| {
                let mut lines = vec![step.why];
                for e in step.items {
                    let mut line = format!(
                        "{}: {}: {}. {}",
                        self.entry_name(e.entry),
                        e.name,
                        e.status.to_lowercase(),
                        e.summary
                    );
                    if !e.forms.is_empty() {
                        line.push(' ');
                        line.push_str(&fill(&w.forms, &[("forms", &e.forms.join(", "))]));
                    }
                    lines.push(line);
                }
                item(step.title, lines)
            })
            .collect();
        b.push(Block::Items {
            numbered: true,
            items: steps,
        });

        b.push(Block::Heading(w.intake_bring_heading.clone()));
        b.push(Block::Items {
            numbered: false,
            items: self.bring().into_iter().map(|t| item(t, vec![])).collect(),
        });
        let unsure = self.unsure();
        if !unsure.is_empty() {
            b.push(Block::Para(w.intake_unsure_lead.clone()));
            b.push(Block::Items {
                numbered: false,
                items: unsure
                    .into_iter()
                    .map(|u| {
                        let head = match u.entry {
                            Some(e) => format!("{}: {}", self.entry_name(e), u.question),
                            None => u.question,
                        };
                        item(head, vec![u.where_to_find])
                    })
                    .collect(),
            });
        }

        b.push(Block::Heading(w.intake_where_to_file.clone()));
        let filing = self.filing();
        if filing.is_empty() {
            b.push(Block::Para(w.intake_nothing_to_file.clone()));
        }
        for f in filing {
            b.push(Block::Sub(f.county));
            b.push(Block::Items {
                numbered: false,
                items: f
                    .items
                    .into_iter()
                    .map(|e| {
                        let head = format!("{}: {}", self.entry_name(e.entry), e.name);
                        item(head, vec![e.file_with])
                    })
                    .collect(),
            });
        }

        self.caveat_blocks(&mut b);
        self.lawyer_blocks(&mut b);
        b.push(Block::Notice(self.content.meta.notice.clone()));
        b.push(Block::Footer(self.footer()));
        b
    }

    fn answer_items(&self, answered: &[(usize, Slot)]) -> Vec<(String, String)> {
        answered
            .iter()
            .map(|(q, slot)| {
                let def = &self.content.questions[*q];
                let mut answer = answer_text(self.content, def.fact, slot);
                if matches!(slot, Slot::NotSure) {
                    answer = UNSURE.into();
                }
                (def.source.text.clone(), answer)
            })
            .collect()
    }

    fn attorney_blocks(&self) -> Vec<Block> {
        let i = self.intake;
        let mut b = vec![
            Block::Title("Intake for attorney review".into()),
            Block::Pairs(vec![
                ("Client".into(), or_none(&i.name)),
                ("Intake number".into(), or_none(&i.number)),
                ("Intake id".into(), i.id.clone()),
                ("Client's language".into(), i.language.name().into()),
                ("Status".into(), i.status.word().into()),
                (
                    "Started".into(),
                    i.created.format("%Y-%m-%d %H:%M").to_string(),
                ),
                (
                    "Last saved".into(),
                    i.updated.format("%Y-%m-%d %H:%M").to_string(),
                ),
                ("Screened as of".into(), self.screening.as_of.to_string()),
                (
                    "Rules version".into(),
                    self.content.meta.rules_version.clone(),
                ),
            ]),
            Block::Notice(self.content.meta.notice.clone()),
        ];
        if !i.note.trim().is_empty() {
            b.push(Block::Heading("Volunteer's note".into()));
            b.push(Block::Note(i.note.clone()));
        }

        b.push(Block::Heading("About the person".into()));
        b.push(Block::Pairs(self.answer_items(&self.answered[0])));

        for (e, entry) in self.screening.entries.iter().enumerate() {
            b.push(Block::Heading(self.label(e)));
            b.push(Block::Sub("Answers".into()));
            b.push(Block::Pairs(self.answer_items(&self.answered[e + 1])));
            if let Some(note) = i
                .entries
                .get(e)
                .map(|x| &x.note)
                .filter(|n| !n.trim().is_empty())
            {
                b.push(Block::Sub("Volunteer's note".into()));
                b.push(Block::Note(note.clone()));
            }
            b.push(Block::Sub("Remedies".into()));
            if entry.remedies.is_empty() {
                b.push(Block::Para("No remedy applies to this entry.".into()));
            }
            let items = entry
                .remedies
                .iter()
                .map(|r| {
                    let def = &self.content.remedies[r.remedy].source;
                    let mut lines = Vec::new();
                    if let Some(reason) = r.reason(self.content) {
                        lines.push(format!("Reason: {reason}"));
                    }
                    if !r.deciding.is_empty() {
                        lines.push(format!(
                            "{} {}",
                            self.needs_info_lead(),
                            deciding_questions(self.content, r).join("; ")
                        ));
                    }
                    if r.unverified(self.content) {
                        lines.push(self.unverified_note().into());
                    }
                    if let Some(g) = r.grant(self.content) {
                        lines.push(self.grant(g).into());
                    }
                    lines.push(format!(
                        "Citation: {} (reference: {})",
                        def.statute, def.reference
                    ));
                    if r.is_open() {
                        if !def.forms.is_empty() {
                            lines.push(format!("Forms: {}", def.forms.join(", ")));
                        }
                        lines.push(format!("File with: {}", def.file_with));
                    }
                    item(format!("{}: {}", self.status(r), def.name), lines)
                })
                .collect();
            b.push(Block::Items {
                numbered: false,
                items,
            });
        }

        let unsure = self.unsure();
        b.push(Block::Heading("Unsure answers".into()));
        if unsure.is_empty() {
            b.push(Block::Para("None: every answer was given.".into()));
        } else {
            b.push(Block::Items {
                numbered: false,
                items: unsure
                    .into_iter()
                    .map(|u| {
                        let whose = u
                            .entry
                            .map_or("Person".to_string(), |e| format!("Entry {e}"));
                        item(format!("{whose}: {} ({})", u.question, u.fact), vec![])
                    })
                    .collect(),
            });
        }

        if !self.unread.is_empty() {
            b.push(Block::Heading(
                "Saved answers not used in these results".into(),
            ));
            b.push(Block::Items {
                numbered: false,
                items: self
                    .unread
                    .iter()
                    .map(|u| item(u.to_string(), vec![]))
                    .collect(),
            });
        }

        b.push(Block::Heading("Plan".into()));
        b.push(Block::Items {
            numbered: true,
            items: self
                .plan()
                .into_iter()
                .map(|s| {
                    let lines = s
                        .items
                        .iter()
                        .map(|e| {
                            format!(
                                "Entry {}: {} ({})",
                                e.entry,
                                e.name,
                                e.status.to_lowercase()
                            )
                        })
                        .collect();
                    item(s.title, lines)
                })
                .collect(),
        });
        self.caveat_blocks(&mut b);
        self.lawyer_blocks(&mut b);
        b.push(Block::Footer(self.footer()));
        b
    }

    fn client_json(&self) -> ClientJson {
        ClientJson {
            audience: "client",
            client: self.intake.label(),
            as_of: self.screening.as_of.to_string(),
            notice: self.content.meta.notice.clone(),
            entries: (0..self.screening.entries.len())
                .map(|e| self.label(e))
                .collect(),
            plan: self.plan(),
            what_to_bring: self.bring(),
            unsure: self.unsure(),
            where_to_file: self.filing(),
            referrals: self.referrals(),
            free_help: self.content.free_help.clone(),
            rules_version: self.content.meta.rules_version.clone(),
            law_checked: self.content.meta.law_checked.clone(),
        }
    }

    fn remedies_json(&self, entry: usize) -> Vec<RemedyJson> {
        self.screening.entries[entry]
            .remedies
            .iter()
            .map(|r| {
                let def = &self.content.remedies[r.remedy].source;
                RemedyJson {
                    id: def.id.clone(),
                    name: def.name.clone(),
                    statute: def.statute.clone(),
                    reference: def.reference.clone(),
                    status: r.verdict.key(),
                    status_text: self.status(r),
                    from: r.from.map(|d| d.to_string()),
                    grant: r.grant(self.content).map(|g| match g {
                        Grant::Mandatory => "mandatory",
                        Grant::Discretionary => "discretionary",
                        Grant::Automatic => "automatic",
                    }),
                    reason: r.reason(self.content).map(str::to_string),
                    deciding: r
                        .deciding
                        .iter()
                        .map(|f| self.content.fact(f).name.clone())
                        .collect(),
                    unverified: r.unverified(self.content),
                    forms: def.forms.clone(),
                    file_with: def.file_with.clone(),
                }
            })
            .collect()
    }

    fn attorney_json(&self) -> AttorneyJson {
        let i = self.intake;
        let answers = |section: usize| -> Vec<AnswerJson> {
            self.answered[section]
                .iter()
                .map(|(q, slot)| {
                    let def = &self.content.questions[*q];
                    let fact: FactId = def.fact;
                    AnswerJson {
                        fact: self.content.fact(fact).name.clone(),
                        question: def.source.text.clone(),
                        answer: answer_text(self.content, fact, slot),
                        value: to_saved(self.content, fact, slot),
                        unsure: matches!(slot, Slot::NotSure),
                    }
                })
                .collect()
        };
        AttorneyJson {
            audience: "attorney",
            id: i.id.clone(),
            name: clean(&i.name),
            number: clean(&i.number),
            language: i.language.code(),
            status: i.status.word(),
            created: i.created.to_rfc3339(),
            updated: i.updated.to_rfc3339(),
            as_of: self.screening.as_of.to_string(),
            rules_version: self.content.meta.rules_version.clone(),
            law_checked: self.content.meta.law_checked.clone(),
            notice: self.content.meta.notice.clone(),
            note: clean_block(&i.note),
            person: answers(0),
            entries: (0..self.person.cases.len())
                .map(|e| EntryJson {
                    entry: e + 1,
                    label: self.label(e),
                    note: i
                        .entries
                        .get(e)
                        .map(|x| clean_block(&x.note))
                        .unwrap_or_default(),
                    answers: answers(e + 1),
                    remedies: self.remedies_json(e),
                })
                .collect(),
            unsure: self.unsure(),
            unread: self.unread.iter().map(|u| clean(&u.to_string())).collect(),
            plan: self.plan(),
            caveats: self
                .screening
                .caveats
                .iter()
                .map(|c| {
                    let def = &self.content.caveats[c.caveat].source;
                    CaveatJson {
                        id: def.id.clone(),
                        topic: c.topic.title(),
                        text: def.text.clone(),
                        statute: def.statute.clone(),
                        entries: c.entries.iter().map(|e| e + 1).collect(),
                    }
                })
                .collect(),
            referrals: self
                .screening
                .referrals
                .iter()
                .map(|&r| {
                    let def = &self.content.referrals[r].source;
                    ReferralJson {
                        id: def.id.clone(),
                        reason: def.reason.clone(),
                    }
                })
                .collect(),
            free_help: self.content.free_help.clone(),
        }
    }
}

#[derive(Serialize)]
struct PlanStep {
    step: String,
    title: String,
    why: String,
    items: Vec<PlanEntry>,
}

#[derive(Serialize)]
struct PlanEntry {
    entry: usize,
    label: String,
    remedy: String,
    name: String,
    status: String,
    summary: String,
    forms: Vec<String>,
    file_with: String,
    #[serde(skip)]
    automatic: bool,
}

#[derive(Serialize)]
struct UnsureAnswer {
    entry: Option<usize>,
    fact: String,
    question: String,
    where_to_find: String,
}

#[derive(Serialize)]
struct Filing {
    county: String,
    items: Vec<PlanEntry>,
}

#[derive(Serialize)]
struct ClientJson {
    audience: &'static str,
    client: String,
    as_of: String,
    notice: String,
    entries: Vec<String>,
    plan: Vec<PlanStep>,
    what_to_bring: Vec<String>,
    unsure: Vec<UnsureAnswer>,
    where_to_file: Vec<Filing>,
    referrals: Vec<String>,
    free_help: String,
    rules_version: String,
    law_checked: String,
}

#[derive(Serialize)]
struct AnswerJson {
    fact: String,
    question: String,
    answer: String,
    /// As saved in the intake file.
    value: super::record::Saved,
    unsure: bool,
}

#[derive(Serialize)]
struct EntryJson {
    entry: usize,
    label: String,
    note: String,
    answers: Vec<AnswerJson>,
    remedies: Vec<RemedyJson>,
}

#[derive(Serialize)]
struct RemedyJson {
    id: String,
    name: String,
    statute: String,
    /// The section of the legal reference the rule follows.
    reference: String,
    /// `eligible`, `possibly`, `needs_info` or `not_eligible`.
    status: &'static str,
    status_text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    from: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    grant: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    reason: Option<String>,
    /// For `needs_info`: the facts whose answers would decide it.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    deciding: Vec<String>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    unverified: bool,
    forms: Vec<String>,
    file_with: String,
}

#[derive(Serialize)]
struct CaveatJson {
    id: String,
    topic: &'static str,
    text: String,
    statute: String,
    entries: Vec<usize>,
}

#[derive(Serialize)]
struct ReferralJson {
    id: String,
    reason: String,
}

#[derive(Serialize)]
struct AttorneyJson {
    audience: &'static str,
    id: String,
    name: String,
    number: String,
    /// The client's language, as a code.
    language: &'static str,
    status: &'static str,
    created: String,
    updated: String,
    as_of: String,
    rules_version: String,
    law_checked: String,
    notice: String,
    note: String,
    person: Vec<AnswerJson>,
    entries: Vec<EntryJson>,
    unsure: Vec<UnsureAnswer>,
    unread: Vec<String>,
    plan: Vec<PlanStep>,
    caveats: Vec<CaveatJson>,
    referrals: Vec<ReferralJson>,
    free_help: String,
}

fn or_none(text: &str) -> String {
    let text = clean(text).trim().to_string();
    if text.is_empty() {
        "(not recorded)".into()
    } else {
        text
    }
}

const WIDTH: usize = 80;

fn render_text(blocks: &[Block], words: &Strings) -> String {
    let mut out = String::with_capacity(8192);
    for block in blocks {
        match block {
            Block::Title(t) => {
                let t = clean(t).to_uppercase();
                out.push_str(&format!(
                    "{t}\n{}\n\n",
                    "=".repeat(t.chars().count().min(WIDTH))
                ));
            }
            Block::Heading(t) => {
                let t = clean(t).to_uppercase();
                out.push_str(&format!(
                    "{t}\n{}\n",
                    "-".repeat(t.chars().count().min(WIDTH))
                ));
            }
            Block::Sub(t) => out.push_str(&format!("{}\n", clean(t))),
            Block::Para(t) => {
                wrap(&mut out, &clean(t), WIDTH, "");
                out.push('\n');
            }
            Block::Notice(t) => {
                let notice = fill(&words.intake_notice, &[("notice", &clean(t))]);
                wrap(&mut out, &notice, WIDTH, "  ");
                out.push('\n');
            }
            Block::Items { numbered, items } => {
                for (n, it) in items.iter().enumerate() {
                    let mark = if *numbered {
                        format!("{}.", n + 1)
                    } else {
                        "-".into()
                    };
                    let mut first = String::new();
                    wrap(&mut first, &clean(&it.head), WIDTH - mark.len() - 3, "");
                    for (k, line) in first.lines().enumerate() {
                        let lead = if k == 0 {
                            format!("  {mark} ")
                        } else {
                            " ".repeat(mark.len() + 3)
                        };
                        out.push_str(&format!("{lead}{line}\n"));
                    }
                    let indent = " ".repeat(mark.len() + 5);
                    for line in &it.lines {
                        wrap(&mut out, &clean(line), WIDTH, &indent);
                    }
                }
                out.push('\n');
            }
            Block::Pairs(pairs) => {
                for (label, value) in pairs {
                    wrap(
                        &mut out,
                        &format!("{}: {}", clean(label), clean(value)),
                        WIDTH,
                        "  ",
                    );
                }
                out.push('\n');
            }
            Block::Note(t) => {
                for line in clean_block(t).lines() {
                    out.push_str("  | ");
                    out.push_str(line);
                    out.push('\n');
                }
                out.push('\n');
            }
            Block::Footer(t) => out.push_str(&format!("{}\n", clean(t))),
        }
    }
    out
}

fn render_markdown(blocks: &[Block]) -> String {
    let mut out = String::with_capacity(8192);
    for block in blocks {
        match block {
            Block::Title(t) => out.push_str(&format!("# {}\n\n", md(t))),
            Block::Heading(t) => out.push_str(&format!("## {}\n\n", md(t))),
            Block::Sub(t) => out.push_str(&format!("### {}\n\n", md(t))),
            Block::Para(t) => out.push_str(&format!("{}\n\n", md(t))),
            Block::Notice(t) => out.push_str(&format!("> **{}**\n\n", md(t))),
            Block::Items { numbered, items } => {
                for (n, it) in items.iter().enumerate() {
                    let mark = if *numbered {
                        format!("{}.", n + 1)
                    } else {
                        "-".into()
                    };
                    out.push_str(&format!("{mark} {}\n", md(&it.head)));
                    let pad = " ".repeat(mark.len() + 1);
                    for line in &it.lines {
                        out.push_str(&format!("{pad}- {}\n", md(line)));
                    }
                }
                out.push('\n');
            }
            Block::Pairs(pairs) => {
                if pairs.is_empty() {
                    out.push_str("Nothing answered yet.\n\n");
                    continue;
                }
                out.push_str("| | |\n|---|---|\n");
                for (label, value) in pairs {
                    let value = if value == UNSURE {
                        format!("**{}**", md(value))
                    } else {
                        md(value)
                    };
                    out.push_str(&format!("| {} | {value} |\n", md(label)));
                }
                out.push('\n');
            }
            Block::Note(t) => {
                for line in clean_block(t).lines() {
                    out.push_str(&format!("> {}  \n", md(line)));
                }
                out.push('\n');
            }
            Block::Footer(t) => out.push_str(&format!("---\n\n{}\n", md(t))),
        }
    }
    out
}

const CSS: &str = "\
@page { size: letter; margin: 0.75in; }
* { box-sizing: border-box; }
body { font: 11pt/1.45 Georgia, 'Times New Roman', serif; color: #000; background: #fff; max-width: 7in; margin: 1.5em auto; padding: 0 0.5em; }
h1 { font-size: 18pt; margin: 0 0 0.4em; }
h2 { font-size: 14pt; margin: 1.3em 0 0.4em; border-bottom: 1px solid #444; break-after: avoid; }
h3 { font-size: 12pt; margin: 1em 0 0.3em; break-after: avoid; }
p, li, tr { break-inside: avoid; }
ol, ul { padding-left: 1.4em; }
li { margin: 0.3em 0; }
li ul { list-style: disc; margin: 0.2em 0; }
.notice { border: 2px solid #000; padding: 0.5em 0.8em; margin: 1em 0; font-weight: bold; }
table { border-collapse: collapse; width: 100%; margin: 0.4em 0 0.8em; }
th, td { border: 1px solid #888; padding: 0.25em 0.5em; text-align: left; vertical-align: top; }
th { width: 45%; font-weight: normal; background: #f2f2f2; }
td.unsure { font-weight: bold; border: 2px solid #000; }
.note { white-space: pre-wrap; border-left: 3px solid #666; padding: 0.2em 0.8em; margin: 0.5em 0 1em; }
footer { margin-top: 2em; border-top: 1px solid #444; padding-top: 0.4em; font-size: 9pt; }
@media print { body { margin: 0; max-width: none; } }
";

fn render_html(blocks: &[Block], title: &str, lang: Lang) -> String {
    let mut out = String::with_capacity(16384);
    // The page's language, so that a screen reader reads it with the right voice.
    out.push_str(&format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n",
        lang.code()
    ));
    out.push_str("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str(&format!(
        "<title>{}</title>\n<style>\n{CSS}</style>\n</head>\n<body>\n",
        h(title)
    ));
    for block in blocks {
        match block {
            Block::Title(t) => out.push_str(&format!("<h1>{}</h1>\n", h(t))),
            Block::Heading(t) => out.push_str(&format!("<h2>{}</h2>\n", h(t))),
            Block::Sub(t) => out.push_str(&format!("<h3>{}</h3>\n", h(t))),
            Block::Para(t) => out.push_str(&format!("<p>{}</p>\n", h(t))),
            Block::Notice(t) => out.push_str(&format!("<p class=\"notice\">{}</p>\n", h(t))),
            Block::Items { numbered, items } => {
                let tag = if *numbered { "ol" } else { "ul" };
                out.push_str(&format!("<{tag}>\n"));
                for it in items {
                    if it.lines.is_empty() {
                        out.push_str(&format!("<li>{}", h(&it.head)));
                    } else {
                        out.push_str(&format!("<li><strong>{}</strong>\n<ul>\n", h(&it.head)));
                        for line in &it.lines {
                            out.push_str(&format!("<li>{}</li>\n", h(line)));
                        }
                        out.push_str("</ul>\n");
                    }
                    out.push_str("</li>\n");
                }
                out.push_str(&format!("</{tag}>\n"));
            }
            Block::Pairs(pairs) => {
                if pairs.is_empty() {
                    out.push_str("<p>Nothing answered yet.</p>\n");
                    continue;
                }
                out.push_str("<table>\n");
                for (label, value) in pairs {
                    let class = if value == UNSURE {
                        " class=\"unsure\""
                    } else {
                        ""
                    };
                    out.push_str(&format!(
                        "<tr><th scope=\"row\">{}</th><td{class}>{}</td></tr>\n",
                        h(label),
                        h(value)
                    ));
                }
                out.push_str("</table>\n");
            }
            Block::Note(t) => out.push_str(&format!(
                "<div class=\"note\">{}</div>\n",
                html_block(&clean_block(t))
            )),
            Block::Footer(t) => out.push_str(&format!("<footer>{}</footer>\n", h(t))),
        }
    }
    out.push_str("</body>\n</html>\n");
    out
}
