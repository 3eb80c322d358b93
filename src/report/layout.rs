//! The order and the words of a [`Document`]: its sections as [`Block`]s, once for every
//! format. A renderer only decides how a block looks (and escapes its text for where it
//! lands); what is said, in what order, under which heading, is decided here.
//!
//! Pieces of text carry their meaning ([`Mark`]: a verdict, an unsure answer, a second
//! language, …) so each format can show it its own way: a color on screen, bold in
//! Markdown, a class in HTML.

use super::document::{Audience, Document, Remedy, Step};
use super::{grant_phrase, topic_title};
use crate::content::model::Topic;
use crate::engine::screen::Verdict;
use crate::strings::{Strings, fill};

/// What a piece of text means, for the formats that can show it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    Plain,
    /// A remedy's status.
    Verdict(Verdict),
    /// An answer given as "not sure".
    Unsure,
    /// A label before its value ("Forms: ").
    Label,
}

/// A run of text with one meaning.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    pub text: String,
    pub mark: Mark,
}

/// Text made of spans.
pub type Text = Vec<Span>;

pub fn plain(text: impl Into<String>) -> Text {
    vec![Span {
        text: text.into(),
        mark: Mark::Plain,
    }]
}

fn marked(text: impl Into<String>, mark: Mark) -> Text {
    vec![Span {
        text: text.into(),
        mark,
    }]
}

fn labelled(label: &str, rest: &str) -> Text {
    vec![
        Span {
            text: format!("{label}: "),
            mark: Mark::Label,
        },
        Span {
            text: rest.to_string(),
            mark: Mark::Plain,
        },
    ]
}

/// The whole of a text, its marks set aside.
pub fn words_of(text: &Text) -> String {
    text.iter().map(|s| s.text.as_str()).collect()
}

/// How the items of a list are marked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Marker {
    Dash,
    Number,
    /// No mark of its own: each item starts with a status symbol.
    Status,
    /// A box to tick: a checklist taken to the clerk's window.
    Check,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub head: Text,
    /// Lines under the head; depth 1 is a list under the line before it.
    pub lines: Vec<(Text, u8)>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    Title(String),
    Heading(String),
    Sub(String),
    Para(Text),
    /// The not-legal-advice notice, set apart.
    Notice(String),
    Items {
        marker: Marker,
        items: Vec<Item>,
    },
    /// Label and value pairs.
    Pairs(Vec<(String, Text)>),
    /// Rows under a header, each row as many cells as the header.
    Table {
        header: Vec<String>,
        rows: Vec<Vec<Text>>,
    },
    /// What comes after starts a new printed page.
    PageBreak,
    /// Words a volunteer wrote: line breaks kept.
    Note(String),
    Footer(String),
}

/// The blocks of one screening laid out in two languages, block by block, for an
/// interpreter: each block of the first language with the same block in the second.
/// `None` when the two do not line up, which happens only when they come from
/// different screenings.
pub fn paired(first: Vec<Block>, second: Vec<Block>) -> Option<Vec<(Block, Block)>> {
    let same_shape = |a: &Block, b: &Block| match (a, b) {
        (
            Block::Items {
                marker: m,
                items: x,
            },
            Block::Items {
                marker: n,
                items: y,
            },
        ) => m == n && x.len() == y.len(),
        (Block::Pairs(x), Block::Pairs(y)) => x.len() == y.len(),
        (Block::Table { rows: x, .. }, Block::Table { rows: y, .. }) => x.len() == y.len(),
        _ => std::mem::discriminant(a) == std::mem::discriminant(b),
    };
    let lined_up =
        first.len() == second.len() && first.iter().zip(&second).all(|(a, b)| same_shape(a, b));
    lined_up.then(|| first.into_iter().zip(second).collect())
}

/// Where the blocks are shown: the results screen leaves out what it shows elsewhere
/// (its title bar, the review of the answers).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Medium {
    Screen,
    Page,
}

/// The attorney's printout is for an English-speaking attorney; its own words are these.
mod attorney {
    pub const TITLE: &str = "Intake for attorney review";
    pub const CLIENT: &str = "Client";
    pub const NUMBER: &str = "Intake number";
    pub const ID: &str = "Intake id";
    pub const LANGUAGE: &str = "Client's language";
    pub const STATUS: &str = "Status";
    pub const STARTED: &str = "Started";
    pub const SAVED: &str = "Last saved";
    pub const AS_OF: &str = "Screened as of";
    pub const RULES: &str = "Rules version";
    pub const CODE: &str = "Hand-off code";
    pub const NOTE: &str = "Volunteer's note";
    pub const PERSON: &str = "About the person";
    pub const ANSWERS: &str = "Answers";
    pub const REMEDIES: &str = "Remedies";
    pub const NO_REMEDY: &str = "No remedy applies to this entry.";
    pub const REASON: &str = "Reason";
    pub const CITATION: &str = "Citation";
    pub const REFERENCE: &str = "clearpath legal reference";
    pub const UNSURE: &str = "Unsure answers";
    pub const NONE_UNSURE: &str = "None: every answer was given.";
    pub const UNUSED: &str = "Saved answers not used in these results";
    pub const PLAN: &str = "Plan";
    pub const WORKSHEET: &str = "Filing worksheet";
    pub const PETITION: &str = "Petition";
    pub const ENTRIES: &str = "Entries";
    pub const FORMS: &str = "Forms";
    pub const ASK_FOR: &str = "Ask for";
    pub const NOTICE: &str = "Notice and service";
    pub const BRING: &str = "Bring";
    pub const NOT_RECORDED: &str = "(not recorded)";
}

/// When an intake was started and saved, to the minute.
const TIME: &str = "%Y-%m-%d %H:%M";

pub fn blocks(doc: &Document, medium: Medium) -> Vec<Block> {
    let words = Strings::get(doc.language);
    let mut b = Vec::new();
    let attorney = doc.audience == Audience::Attorney;

    b.push(Block::Title(title(doc, words)));
    if let Some(source) = &doc.source {
        let file = match &source.id {
            Some(id) => format!("{} · {id}", source.file),
            None => source.file.clone(),
        };
        b.push(Block::Para(plain(fill(
            &words.report_source,
            &[("file", &file)],
        ))));
    }
    if doc.audience == Audience::Client
        && let Some(intake) = &doc.intake
    {
        let client = &intake.label;
        b.push(Block::Para(plain(fill(
            &words.intake_prepared_for,
            &[("client", &client), ("date", &words.date(doc.as_of))],
        ))));
    }
    if attorney && let Some(i) = &doc.intake {
        let or_none = |t: &str| {
            if t.trim().is_empty() {
                attorney::NOT_RECORDED.to_string()
            } else {
                t.trim().to_string()
            }
        };
        b.push(Block::Pairs(
            [
                (attorney::CLIENT, or_none(&i.name)),
                (attorney::NUMBER, or_none(&i.number)),
                (attorney::ID, i.id.clone()),
                (attorney::LANGUAGE, i.client_language.name().to_string()),
                (attorney::STATUS, i.status.to_string()),
                (attorney::STARTED, i.created.format(TIME).to_string()),
                (attorney::SAVED, i.updated.format(TIME).to_string()),
                (attorney::AS_OF, doc.as_of.to_string()),
                (attorney::RULES, doc.rules_version.to_string()),
            ]
            .into_iter()
            .chain(doc.handoff.clone().map(|code| (attorney::CODE, code)))
            .map(|(k, v)| (k.to_string(), plain(v)))
            .collect(),
        ));
    }
    b.push(Block::Notice(fill(
        &words.report_notice,
        &[("notice", &doc.notice)],
    )));
    // The client's main page is the worksheet, taken to the clerk's window.
    if doc.audience == Audience::Client && doc.worksheet.is_some() {
        worksheet_blocks(doc, words, &mut b);
        b.push(Block::PageBreak);
    }
    if attorney && let Some(i) = doc.intake.as_ref().filter(|i| !i.note.trim().is_empty()) {
        b.push(Block::Heading(attorney::NOTE.into()));
        b.push(Block::Note(i.note.clone()));
    }
    if attorney {
        b.push(Block::Heading(attorney::PERSON.into()));
        b.push(answer_pairs(&doc.person_answers, words));
    }

    if doc.entries.is_empty() {
        b.push(Block::Para(plain(words.report_no_entries.clone())));
    }
    for entry in &doc.entries {
        b.push(Block::Heading(entry.label.clone()));
        if attorney {
            b.push(Block::Sub(attorney::ANSWERS.into()));
            b.push(answer_pairs(&entry.answers, words));
            if !entry.note.trim().is_empty() {
                b.push(Block::Sub(attorney::NOTE.into()));
                b.push(Block::Note(entry.note.clone()));
            }
            b.push(Block::Sub(attorney::REMEDIES.into()));
        }
        if let Some(p) = &entry.probation {
            b.push(Block::Para(labelled(&words.probation_heading, &p.working)));
        }
        let none = if attorney {
            attorney::NO_REMEDY
        } else {
            &words.report_no_remedy
        };
        let remedies = entry.remedies.iter();
        let items = remedies.map(|r| remedy_item(r, doc.audience, words));
        list_or(&mut b, Marker::Status, items.collect(), none);
        if !entry.to_confirm.is_empty() {
            b.push(Block::Sub(words.memory_heading.clone()));
            b.push(Block::Items {
                marker: Marker::Dash,
                items: entry
                    .to_confirm
                    .iter()
                    .map(|c| confirm_item(c, words))
                    .collect(),
            });
        }
    }

    unsure_blocks(doc, words, &mut b);
    if !doc.unused.is_empty() {
        b.push(Block::Heading(attorney::UNUSED.into()));
        b.push(Block::Items {
            marker: Marker::Dash,
            items: doc.unused.iter().map(|u| item(plain(u.clone()))).collect(),
        });
    }

    b.push(Block::Heading(if attorney {
        attorney::PLAN.into()
    } else {
        words.markdown_plan.clone()
    }));
    b.push(Block::Items {
        marker: Marker::Number,
        items: doc.plan.iter().map(|s| step_item(doc, s, words)).collect(),
    });

    if !doc.what_to_bring.is_empty() {
        b.push(Block::Heading(words.intake_bring_heading.clone()));
        b.push(Block::Items {
            marker: Marker::Dash,
            items: doc
                .what_to_bring
                .iter()
                .map(|t| item(plain(t.clone())))
                .collect(),
        });
    }
    if doc.audience != Audience::Client {
        worksheet_blocks(doc, words, &mut b);
    }

    if !doc.caveats.is_empty() {
        b.push(Block::Heading(words.markdown_caveats.clone()));
        for topic in Topic::ALL {
            let items: Vec<Item> = doc
                .caveats
                .iter()
                .filter(|c| c.topic == topic)
                .map(|c| {
                    let which = entry_refs(doc, words, &c.entries);
                    item(plain(format!("{} ({}; {which})", c.text, c.statute)))
                })
                .collect();
            if !items.is_empty() {
                b.push(Block::Sub(topic_title(topic, words).into()));
                b.push(Block::Items {
                    marker: Marker::Dash,
                    items,
                });
            }
        }
    }

    b.push(Block::Heading(words.markdown_lawyer.clone()));
    let referrals = doc
        .referrals
        .iter()
        .map(|r| item(plain(r.reason.to_string())));
    list_or(
        &mut b,
        Marker::Dash,
        referrals.collect(),
        &words.no_referral,
    );
    b.push(Block::Para(plain(doc.free_help.to_string())));

    if let Some(code) = doc.handoff.as_ref().filter(|_| !attorney) {
        b.push(Block::Heading(words.handoff_heading.clone()));
        b.push(Block::Para(marked(code.clone(), Mark::Label)));
        b.push(Block::Para(plain(words.handoff_about.clone())));
    }

    if !attorney && medium == Medium::Page {
        b.push(Block::Heading(words.report_answers_heading.clone()));
        b.push(Block::Sub(words.place_person.clone()));
        b.push(answer_pairs(&doc.person_answers, words));
        for entry in &doc.entries {
            b.push(Block::Sub(entry.label.clone()));
            b.push(answer_pairs(&entry.answers, words));
        }
    }

    b.push(Block::Footer(fill(
        &words.footer,
        &[("version", &doc.rules_version), ("date", &doc.law_checked)],
    )));
    b
}

fn title(doc: &Document, words: &Strings) -> String {
    // The client is named just under the title, in the pairs or "prepared for".
    match doc.audience {
        Audience::Client => words.intake_client_title.clone(),
        Audience::Attorney => attorney::TITLE.into(),
        Audience::Person => fill(&words.markdown_title, &[("date", &words.date(doc.as_of))]),
    }
}

/// A list, or when there is nothing in it, a line that says so.
fn list_or(b: &mut Vec<Block>, marker: Marker, items: Vec<Item>, none: &str) {
    if items.is_empty() {
        b.push(Block::Para(plain(none)));
    } else {
        b.push(Block::Items { marker, items });
    }
}

fn item(head: Text) -> Item {
    Item {
        head,
        lines: Vec::new(),
    }
}

/// "Entry 2", "Caso 1 (cargo 2)": an entry counted from 1.
fn entry_name(doc: &Document, words: &Strings, entry: usize) -> String {
    fill(&words.entry, &[("n", &entry_number(doc, entry))])
}

/// An entry's number as people read it, "1 (count 2)" in a case with several counts.
fn entry_number(doc: &Document, entry: usize) -> String {
    doc.entries
        .get(entry.wrapping_sub(1))
        .map_or_else(|| entry.to_string(), |e| e.number.clone())
}

/// "entry 2", "entries 1, 3", "entries 1 (count 1), 1 (count 2)": the entries
/// (counted from 1) a caveat concerns.
fn entry_refs(doc: &Document, words: &Strings, entries: &[usize]) -> String {
    let list: Vec<String> = entries.iter().map(|e| entry_number(doc, *e)).collect();
    if let [one] = &list[..] {
        fill(&words.tui_entry_ref_one, &[("n", one)])
    } else {
        fill(&words.tui_entry_ref_many, &[("list", &list.join(", "))])
    }
}

fn remedy_item(r: &Remedy, audience: Audience, words: &Strings) -> Item {
    let mut head = marked(
        format!("{} {}", r.verdict.symbol(), r.status_text),
        Mark::Verdict(r.verdict),
    );
    head.extend(plain(format!(" · {} ({})", r.name, r.statute)));
    let mut lines = Vec::new();
    // For the client, what the remedy does comes before why it fits.
    if audience == Audience::Client && r.is_open() {
        lines.push((plain(r.summary.to_string()), 0));
    }
    if let Some(reason) = &r.reason {
        let reason = match audience {
            Audience::Attorney => labelled(attorney::REASON, reason),
            _ => plain(reason.to_string()),
        };
        lines.push((reason, 0));
    }
    if !r.deciding.is_empty() {
        lines.push((plain(words.needs_info_lead.clone()), 0));
        for d in &r.deciding {
            lines.push((plain(d.question.to_string()), 1));
        }
    }
    if r.unverified {
        lines.push((plain(words.unverified_note.clone()), 0));
    }
    if !r.from_memory.is_empty() {
        lines.push((marked(words.memory_note.clone(), Mark::Unsure), 0));
    }
    if audience == Audience::Attorney {
        if let Some(g) = r.grant {
            lines.push((plain(grant_phrase(g, words)), 0));
        }
        let citation = format!("{} ({}: {})", r.statute, attorney::REFERENCE, r.reference);
        lines.push((labelled(attorney::CITATION, &citation), 0));
    }
    if r.is_open() {
        if audience != Audience::Attorney
            && let Some(g) = r.grant
        {
            lines.push((plain(grant_phrase(g, words)), 0));
        }
        if !r.forms.is_empty() {
            lines.push((labelled(&words.tui_forms, &r.forms.join(", ")), 0));
        }
        lines.push((labelled(&words.tui_file_with, r.file_with), 0));
    }
    Item { head, lines }
}

/// An answer from memory, and the paper that would confirm it.
fn confirm_item(c: &super::document::Confirm, words: &Strings) -> Item {
    let head = format!("{} {}", c.question, c.answer);
    let mut item = item(marked(head, Mark::Unsure));
    let document = match c.confirm_with.trim() {
        "" => words.source_court_papers.as_str(),
        document => document,
    };
    let confirm = fill(&words.memory_confirm, &[("document", &document)]);
    item.lines.push((plain(confirm), 0));
    item
}

fn step_item(doc: &Document, step: &Step, words: &Strings) -> Item {
    let mut lines = vec![(plain(step.why.to_string()), 0)];
    let line = |p: &super::document::PlanItem| {
        let name = entry_name(doc, words, p.entry);
        let status = lower_first(&p.status_text);
        plain(format!("{name}: {} ({status})", p.name))
    };
    let county = |entry: usize| doc.entries.get(entry - 1).and_then(|e| e.county.as_deref());
    let mut counties: Vec<Option<&str>> = doc.entries.iter().map(|e| e.county.as_deref()).collect();
    counties.dedup();
    counties.sort_unstable();
    counties.dedup();
    if counties.len() < 2 {
        lines.extend(step.items.iter().map(|p| (line(p), 1)));
    } else {
        // With cases in several counties, each county's steps are grouped, since each is
        // done at its own court.
        let mut seen: Vec<Option<&str>> = Vec::new();
        for p in &step.items {
            let here = county(p.entry);
            if seen.contains(&here) {
                continue;
            }
            seen.push(here);
            lines.push((plain(county_name(here, words)), 1));
            let same = step.items.iter().filter(|q| county(q.entry) == here);
            lines.extend(same.map(|q| (line(q), 2)));
        }
    }
    Item {
        head: marked(step.title.to_string(), Mark::Label),
        lines,
    }
}

/// A status run into a sentence: "eligible from March 1, 2027", its date as written.
fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_lowercase().chain(chars).collect()
    })
}

fn upper_first(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// The entries remedies are asked for, each once, in order.
fn entries_of(filed: &[super::document::Filed]) -> Vec<usize> {
    let mut list: Vec<usize> = filed.iter().map(|f| f.entry).collect();
    list.sort_unstable();
    list.dedup();
    list
}

/// "Fresno County", or that the county is not known yet.
fn county_name(county: Option<&str>, words: &Strings) -> String {
    match county {
        Some(c) => fill(&words.intake_county, &[("county", &c)]),
        None => words.intake_county_unknown.clone(),
    }
}

/// The filing worksheet: for the person and the client a checklist for each court, for
/// the attorney a table.
fn worksheet_blocks(doc: &Document, words: &Strings, b: &mut Vec<Block>) {
    let Some(sheet) = &doc.worksheet else {
        return;
    };
    let attorney = doc.audience == Audience::Attorney;
    b.push(Block::Heading(if attorney {
        attorney::WORKSHEET.into()
    } else {
        words.worksheet_heading.clone()
    }));
    if sheet.courts.is_empty() && sheet.elsewhere.is_empty() {
        b.push(Block::Para(plain(words.intake_nothing_to_file.clone())));
        return;
    }
    if !attorney {
        b.push(Block::Para(plain(words.worksheet_lead.clone())));
    }
    let asked = |f: &super::document::Filed| {
        let status = lower_first(&f.status_text);
        format!("{} ({}): {status}", f.name, f.statute)
    };
    for court in &sheet.courts {
        b.push(Block::Sub(court.name.clone()));
        let entries =
            |p: &super::document::Petition| entry_refs(doc, words, &entries_of(&p.ask_for));
        if attorney {
            let rows = court.petitions.iter().enumerate().map(|(n, p)| {
                let ask: Vec<String> = p.ask_for.iter().map(asked).collect();
                vec![
                    plain((n + 1).to_string()),
                    plain(entries(p)),
                    plain(p.forms.join(", ")),
                    plain(ask.join("; ")),
                    plain(p.serve),
                ]
            });
            b.push(Block::Table {
                header: [
                    attorney::PETITION,
                    attorney::ENTRIES,
                    attorney::FORMS,
                    attorney::ASK_FOR,
                    attorney::NOTICE,
                ]
                .map(String::from)
                .to_vec(),
                rows: rows.collect(),
            });
            b.push(Block::Para(labelled(
                attorney::BRING,
                &court.bring.join(" "),
            )));
            continue;
        }
        let mut items: Vec<Item> = court
            .petitions
            .iter()
            .enumerate()
            .map(|(n, p)| {
                let n = (n + 1).to_string();
                let forms = p.forms.join(", ");
                let head = fill(
                    &words.worksheet_petition,
                    &[("n", &n), ("entries", &entries(p)), ("forms", &forms)],
                );
                let mut lines = vec![
                    (labelled(&words.worksheet_case_number, "______________"), 0),
                    (marked(words.worksheet_ask_for.clone(), Mark::Label), 0),
                ];
                // A case's counts are told apart.
                let several = entries_of(&p.ask_for).len() > 1;
                lines.extend(p.ask_for.iter().map(|f| {
                    let line = match several {
                        true => format!("{}: {}", entry_name(doc, words, f.entry), asked(f)),
                        false => asked(f),
                    };
                    (plain(line), 1)
                }));
                lines.push((labelled(&words.worksheet_serve, p.serve), 0));
                Item {
                    head: marked(head, Mark::Label),
                    lines,
                }
            })
            .collect();
        items.push(item(plain(sheet.fee)));
        items.push(item(plain(sheet.copies)));
        items.push(Item {
            head: plain(words.worksheet_bring.clone()),
            lines: court.bring.iter().map(|t| (plain(*t), 1)).collect(),
        });
        b.push(Block::Items {
            marker: Marker::Check,
            items,
        });
    }
    if attorney && !sheet.courts.is_empty() {
        b.push(Block::Para(plain(sheet.fee)));
        b.push(Block::Para(plain(sheet.copies)));
    }
    if !sheet.courts.is_empty() {
        b.push(Block::Para(plain(sheet.find_court)));
    }
    if !sheet.elsewhere.is_empty() {
        b.push(Block::Sub(words.worksheet_elsewhere.clone()));
        let marker = if attorney {
            Marker::Dash
        } else {
            Marker::Check
        };
        // One line for each remedy, with every entry it is for: a pardon or a
        // certificate is asked for once.
        let mut remedies: Vec<&str> = sheet.elsewhere.iter().map(|f| f.remedy).collect();
        remedies.dedup();
        remedies.sort_unstable();
        remedies.dedup();
        let first = |id: &str| sheet.elsewhere.iter().position(|f| f.remedy == id);
        remedies.sort_by_key(|id| first(id));
        let items = remedies.into_iter().map(|id| {
            let same: Vec<_> = sheet
                .elsewhere
                .iter()
                .filter(|f| f.remedy == id)
                .cloned()
                .collect();
            let which = entry_refs(doc, words, &entries_of(&same));
            Item {
                head: plain(format!("{}: {}", upper_first(&which), asked(&same[0]))),
                lines: vec![(plain(same[0].file_with), 0)],
            }
        });
        b.push(Block::Items {
            marker,
            items: items.collect(),
        });
    }
}

fn unsure_blocks(doc: &Document, words: &Strings, b: &mut Vec<Block>) {
    let attorney = doc.audience == Audience::Attorney;
    if doc.unsure.is_empty() && !attorney {
        return;
    }
    b.push(Block::Heading(if attorney {
        attorney::UNSURE.into()
    } else {
        words.tui_unsure_title.clone()
    }));
    if doc.unsure.is_empty() {
        b.push(Block::Para(plain(attorney::NONE_UNSURE)));
        return;
    }
    if !attorney {
        b.push(Block::Para(plain(words.intake_unsure_lead.clone())));
    }
    b.push(Block::Items {
        marker: Marker::Dash,
        items: doc
            .unsure
            .iter()
            .map(|u| {
                let place = u
                    .entry
                    .map_or(words.place_person.clone(), |e| entry_name(doc, words, e));
                let mut head = format!("{place}: {}", u.question);
                if attorney {
                    head.push_str(&format!(" ({})", u.fact));
                }
                let mut item = item(marked(head, Mark::Unsure));
                if !u.where_to_find.trim().is_empty() {
                    item.lines.push((plain(u.where_to_find.to_string()), 0));
                }
                item
            })
            .collect(),
    });
}

fn answer_pairs(answers: &[super::document::Answer], words: &Strings) -> Block {
    if answers.is_empty() {
        return Block::Para(plain(words.report_nothing_answered.clone()));
    }
    Block::Pairs(
        answers
            .iter()
            .map(|a| {
                let mark = if a.unsure { Mark::Unsure } else { Mark::Plain };
                let mut answer = marked(a.answer.clone(), mark);
                // "I'm not sure" came from nowhere: its source says nothing more.
                if let Some(source) = a.source.as_ref().filter(|_| !a.unsure) {
                    answer.extend(plain(format!(" ({})", words.source(source))));
                }
                (a.question.to_string(), answer)
            })
            .collect(),
    )
}
