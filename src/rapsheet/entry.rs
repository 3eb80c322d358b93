//! From a RAP sheet's structure to the interview's entries (rapsheet.md §14): one
//! entry per court event with counts, or per arrest that reached no court, each fact
//! with the lines it was read from. A fact the sheet leaves open stays unanswered, and
//! why is said in a note: the interview asks it.

use super::charge::{self, Charge};
use super::line::{DateRead, EventKind, Level};
use super::sentence::{self, Sentence, Suspended};
use super::sheet::{Count, Cycle, Event, Said, Sheet};
use super::{Entry, Fact, FactValue, Note};
use crate::content::Content;
use crate::strings::{Strings, fill};

/// How a count's first disposition ended it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ending {
    Convicted,
    Dismissed,
    /// `PROS REJ-…`: never charged.
    Rejected,
    /// `RELEASED/DETENTION ONLY`.
    Released,
}

/// What a later update did, read by the statute it names (§11).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Later {
    /// Dismissal already granted: `relief_granted`'s value.
    Relief(&'static str),
    /// Arrest sealing already granted: `arrest_relief_granted`'s value.
    ArrestRelief(&'static str),
    /// Reduced to a misdemeanor: `already_reduced`'s value.
    Reduced(&'static str),
    Revoked,
    Modified,
}

/// The entries of a sheet, and notes on what they leave open.
pub fn entries(content: &Content, sheet: &Sheet) -> (Vec<Entry>, Vec<Note>) {
    let mut out = Out {
        content,
        words: Strings::get(content.lang),
        entries: Vec::new(),
        notes: Vec::new(),
    };
    for cycle in &sheet.cycles {
        out.cycle(cycle);
    }
    (out.entries, out.notes)
}

struct Out<'c> {
    content: &'c Content,
    /// The notes are said in the content's language.
    words: &'static Strings,
    entries: Vec<Entry>,
    notes: Vec<Note>,
}

impl Out<'_> {
    fn note(&mut self, line: u32, message: impl Into<String>) {
        self.notes.push(Note {
            line,
            message: message.into(),
        });
    }

    fn cycle(&mut self, cycle: &Cycle) {
        if cycle.record_error {
            self.note(cycle.line, &self.words.sheet_note_record_error);
            return;
        }
        let of_kind = |kind| cycle.events.iter().filter(move |e| e.kind == Some(kind));
        let arrest = of_kind(EventKind::Arrest).next();
        let mut courts = 0;
        for court in of_kind(EventKind::Court) {
            if court.counts.is_empty() {
                self.note(court.line, &self.words.sheet_note_court_no_counts);
                continue;
            }
            courts += 1;
            self.court(court, arrest);
        }
        if courts == 0
            && let Some(arrest) = arrest
        {
            let more: Vec<&Event> = of_kind(EventKind::SupplementalArrest).collect();
            self.arrest(arrest, &more);
        }
        for event in &cycle.events {
            let elsewhere = !matches!(event.kind, Some(EventKind::Court));
            for count in &event.counts {
                if elsewhere && ending(count).is_some_and(|(e, _)| e == Ending::Convicted) {
                    self.note(count.line, &self.words.sheet_note_conviction_outside);
                }
            }
        }
    }

    /// An entry from a court event; the arrest of its cycle gives the arrest's facts
    /// when the case did not end in a conviction.
    fn court(&mut self, court: &Event, arrest: Option<&Event>) {
        let mut entry = Entry::default();
        let counts: Vec<Count> = expanded(&court.counts);
        let (code, _) = agency(court);
        if code.starts_with("US")
            || counts.iter().any(|c| {
                c.charge
                    .as_ref()
                    .is_some_and(|ch| ch.value == Charge::Federal)
            })
        {
            let line = court.agency.as_ref().map_or(court.line, |a| a.line);
            entry.set("outcome", text("not_california"), vec![line]);
            self.entries.push(entry);
            return;
        }
        self.county(&mut entry, court);
        if code == "CAJV" {
            self.note(court.line, &self.words.sheet_note_juvenile_court);
        }
        let endings: Vec<Option<(Ending, u32)>> = counts.iter().map(ending).collect();
        for (count, end) in counts.iter().zip(&endings) {
            if end.is_none() {
                self.no_disposition(count);
            }
        }
        let convicted: Vec<&Count> = counts
            .iter()
            .zip(&endings)
            .filter(|(_, e)| matches!(e, Some((Ending::Convicted, _))))
            .map(|(c, _)| c)
            .collect();
        if !convicted.is_empty() && code != "CAJV" {
            let lines = endings
                .iter()
                .flatten()
                .filter(|(e, _)| *e == Ending::Convicted)
                .map(|(_, l)| *l)
                .collect();
            entry.set("outcome", text("convicted"), lines);
            self.conviction(&mut entry, court, &convicted);
        } else if code != "CAJV"
            && endings
                .iter()
                .all(|e| matches!(e, Some((Ending::Dismissed, _))))
        {
            let lines = endings.iter().flatten().map(|(_, l)| *l).collect();
            entry.set("outcome", text("dismissed"), lines);
            if let Some(arrest) = arrest {
                self.arrest_facts(&mut entry, arrest, &[]);
            }
            self.arrest_relief(&mut entry, &counts);
        }
        self.entries.push(entry);
    }

    /// An entry from an arrest with no court event in its cycle.
    fn arrest(&mut self, arrest: &Event, more: &[&Event]) {
        let mut entry = Entry::default();
        self.county(&mut entry, arrest);
        let counts: Vec<Count> = expanded(&arrest.counts);
        let endings: Vec<Option<(Ending, u32)>> = counts.iter().map(ending).collect();
        let never_charged = !endings.is_empty()
            && endings
                .iter()
                .all(|e| matches!(e, Some((Ending::Rejected | Ending::Released, _))));
        if never_charged {
            let lines = endings.iter().flatten().map(|(_, l)| *l).collect();
            entry.set("outcome", text("no_charges"), lines);
        } else {
            self.note(arrest.line, &self.words.sheet_note_arrest_unresolved);
        }
        self.arrest_facts(&mut entry, arrest, more);
        self.arrest_relief(&mut entry, &counts);
        self.entries.push(entry);
    }

    /// The county of the event's court or agency, when the table knows its place.
    fn county(&mut self, entry: &mut Entry, event: &Event) {
        let Some(agency) = &event.agency else {
            self.note(event.line, &self.words.sheet_note_no_court);
            return;
        };
        let (_, place) = agency_words(agency.value);
        match self.content.counties.of_court(place) {
            Some(county) => entry.set("county", text(county), vec![agency.line]),
            None => self.note(
                agency.line,
                fill(
                    &self.words.sheet_note_unknown_place,
                    &[("place", &agency.value)],
                ),
            ),
        }
    }

    fn no_disposition(&mut self, count: &Count) {
        let unread: Vec<&str> = count.dispos.iter().map(|d| d.value).collect();
        let message = if unread.is_empty() {
            fill(
                &self.words.sheet_note_no_disposition,
                &[("count", &count.number)],
            )
        } else {
            fill(
                &self.words.sheet_note_disposition_unread,
                &[
                    ("count", &count.number),
                    ("disposition", &unread.join("; ")),
                ],
            )
        };
        self.note(count.line, message);
    }

    fn arrest_facts(&mut self, entry: &mut Entry, arrest: &Event, more: &[&Event]) {
        if let Some(date) = &arrest.date {
            match date.value {
                DateRead::Day(day) => {
                    entry.set("arrest_date", text(&day.to_string()), vec![date.line])
                }
                _ => self.note(date.line, &self.words.sheet_note_arrest_date),
            }
        }
        let tocs: Vec<&Said<Level>> = std::iter::once(arrest)
            .chain(more.iter().copied())
            .flat_map(|e| {
                e.toc
                    .iter()
                    .chain(e.counts.iter().filter_map(|c| c.toc.as_ref()))
            })
            .collect();
        let highest = tocs.iter().map(|t| t.value).max();
        let level = match highest {
            Some(Level::Felony) => Some("felony"),
            Some(Level::Misdemeanor) => Some("misdemeanor"),
            _ => None,
        };
        if let (Some(level), Some(top)) = (level, highest) {
            let lines = tocs
                .iter()
                .filter(|t| t.value == top)
                .map(|t| t.line)
                .collect();
            entry.set("arrest_level", text(level), lines);
        }
    }

    /// Arrest sealing already granted (851.91, 851.8, 851.93), under any count.
    fn arrest_relief(&mut self, entry: &mut Entry, counts: &[Count]) {
        for count in counts {
            for (later, line) in self.laters(count) {
                if let Later::ArrestRelief(value) = later {
                    entry.set("arrest_relief_granted", text(value), vec![line]);
                    return;
                }
            }
        }
    }

    /// The updates of a count that clearpath reads, with their lines; the others are
    /// noted.
    fn laters(&mut self, count: &Count) -> Vec<(Later, u32)> {
        let mut out = Vec::new();
        for update in &count.updates {
            for dispo in &update.dispos {
                match later(dispo.value) {
                    Some(l) => out.push((l, dispo.line)),
                    None => self.note(
                        dispo.line,
                        fill(
                            &self.words.sheet_note_later_action,
                            &[("action", &dispo.value)],
                        ),
                    ),
                }
            }
            if update.dispos.is_empty() && update.date.value == DateRead::Unreadable {
                self.note(update.date.line, &self.words.sheet_note_date_unclear);
            }
        }
        out
    }

    fn conviction(&mut self, entry: &mut Entry, court: &Event, convicted: &[&Count]) {
        let mut levels = Vec::new();
        for (i, count) in convicted.iter().enumerate() {
            let laters = self.laters(count);
            let mut facts = Entry::default();
            let mut level = count
                .conv
                .as_ref()
                .and_then(|c| c.value.map(|l| (l, c.line)));
            let mut reduced = None;
            for (later, line) in &laters {
                if let Later::Reduced(why) = later {
                    level = Some((Level::Misdemeanor, *line));
                    reduced = Some((*why, *line));
                }
            }
            match level {
                Some((l, line)) => {
                    facts.set("level", text(level_name(l)), vec![line]);
                    levels.push(l);
                }
                None => self.note(
                    count.line,
                    fill(&self.words.sheet_note_no_level, &[("count", &count.number)]),
                ),
            }
            self.section(&mut facts, count);
            if let Some((why, line)) = reduced {
                facts.set("already_reduced", text(why), vec![line]);
                if why == "not_sure" {
                    self.note(line, &self.words.sheet_note_reduced_unknown_law);
                }
            }
            if i == 0 {
                entry.facts.extend(facts.facts);
            } else {
                entry.counts.push(facts.facts);
            }
        }
        match &court.date {
            Some(Said {
                value: DateRead::Day(day),
                line,
            }) => entry.set("judgment_date", text(&day.to_string()), vec![*line]),
            Some(date) => self.note(date.line, &self.words.sheet_note_court_date),
            None => self.note(court.line, &self.words.sheet_note_court_no_date),
        }
        self.relief(entry, convicted);
        let level = levels.iter().max().copied();
        self.sentence(entry, convicted, level);
    }

    /// The code section of a convicted count, from its charge line or, when the line
    /// says to see the comment, from the comment.
    fn section(&mut self, facts: &mut Entry, count: &Count) {
        let Some(said) = &count.charge else {
            self.note(
                count.line,
                fill(
                    &self.words.sheet_note_no_charge,
                    &[("count", &count.number)],
                ),
            );
            return;
        };
        let (charge, line) = match &said.value {
            Charge::SeeComment => {
                match count
                    .comments
                    .iter()
                    .find_map(|c| charge::of_comment(c.value).map(|ch| (ch, c.line)))
                {
                    Some(found) => found,
                    None => {
                        self.note(said.line, &self.words.sheet_note_charge_in_comment);
                        return;
                    }
                }
            }
            other => (other.clone(), said.line),
        };
        match charge {
            Charge::Section(section) => {
                // Written as the interview keeps a typed section: "PC 487(a)".
                let section = match crate::content::sections::standard_form(&section) {
                    Some((code, number, attempt)) => {
                        crate::content::sections::written(code, &number, attempt)
                    }
                    None => section,
                };
                facts.set("code_section", text(&section), vec![line]);
            }
            Charge::Unreadable => self.note(line, &self.words.sheet_note_section_unclear),
            Charge::None | Charge::Federal | Charge::SeeComment => {
                self.note(line, &self.words.sheet_note_no_section)
            }
        }
    }

    /// Dismissal already granted: `court` or `automatic` when every convicted count
    /// has it; "not sure" when only some do.
    fn relief(&mut self, entry: &mut Entry, convicted: &[&Count]) {
        let mut granted = Vec::new();
        for count in convicted {
            let found = self
                .laters_quiet(count)
                .into_iter()
                .find_map(|(l, line)| match l {
                    Later::Relief(value) => Some((value, line)),
                    _ => None,
                });
            granted.push(found);
        }
        let lines: Vec<u32> = granted.iter().flatten().map(|(_, l)| *l).collect();
        if lines.is_empty() {
            return;
        }
        let first = granted[0].map(|(v, _)| v);
        if granted.iter().all(|g| g.map(|(v, _)| v) == first) {
            entry.set("relief_granted", text(first.unwrap_or("none")), lines);
        } else {
            self.note(lines[0], &self.words.sheet_note_relief_some_counts);
            entry.set("relief_granted", text("not_sure"), lines);
        }
    }

    fn sentence(&mut self, entry: &mut Entry, convicted: &[&Count], level: Option<Level>) {
        let mut read: Vec<(Sentence, u32)> = Vec::new();
        let mut revoked: Option<u32> = None;
        for count in convicted {
            let mut current = count.sen.clone().or_else(|| sentence_in_comment(count));
            for update in &count.updates {
                let kinds: Vec<Later> = update
                    .dispos
                    .iter()
                    .filter_map(|d| later(d.value))
                    .collect();
                if kinds.contains(&Later::Revoked) {
                    if let Some(sen) = &update.sen {
                        self.note(sen.line, &self.words.sheet_note_revoked_resentenced);
                        return;
                    }
                    revoked = Some(update.dispos[0].line);
                }
                if kinds.contains(&Later::Modified)
                    && let Some(sen) = &update.sen
                {
                    current = Some(sen.clone());
                }
            }
            if let Some(sen) = current {
                match sentence::read(&sen.value) {
                    Some(s) => read.push((s, sen.line)),
                    None => self.note(sen.line, &self.words.sheet_note_sentence_unclear),
                }
            }
        }
        if read.is_empty() {
            return;
        }
        let lines_where = |f: &dyn Fn(&Sentence) -> bool| -> Vec<u32> {
            read.iter().filter(|(s, _)| f(s)).map(|(_, l)| *l).collect()
        };
        let on_probation = lines_where(&|s| s.probation.is_some());
        if !on_probation.is_empty() {
            entry.set("sentence", text("probation"), on_probation.clone());
            if let Some(months) = read.iter().filter_map(|(s, _)| s.probation.flatten()).max() {
                let lines = lines_where(&|s| s.probation.flatten() == Some(months));
                entry.set("probation_months", FactValue::Number(months), lines);
            }
            if let Some(line) = revoked {
                entry.set("probation_revoked", FactValue::Bool(true), vec![line]);
            }
            return;
        }
        let prison = lines_where(&|s| s.prison == Some(Suspended::No));
        if !prison.is_empty() {
            entry.set("sentence", text("state_prison"), prison);
            return;
        }
        let jail = lines_where(&|s| s.jail_or_fine);
        if jail.is_empty() {
            return;
        }
        match level {
            Some(Level::Misdemeanor) => entry.set("sentence", text("no_probation"), jail),
            Some(Level::Felony) => {
                let h1170: Vec<u32> = convicted.iter().filter_map(|c| c.h1170).collect();
                if h1170.is_empty() {
                    self.note(jail[0], &self.words.sheet_note_felony_jail);
                } else {
                    entry.set("sentence", text("county_jail"), h1170);
                }
            }
            _ => {}
        }
    }

    /// [`Self::laters`] without noting again what it could not read.
    fn laters_quiet(&mut self, count: &Count) -> Vec<(Later, u32)> {
        let notes = self.notes.len();
        let out = self.laters(count);
        self.notes.truncate(notes);
        out
    }
}

/// A count range written once (`CNT:003-005`) as its counts.
fn expanded<'a>(counts: &[Count<'a>]) -> Vec<Count<'a>> {
    let mut out = Vec::with_capacity(counts.len());
    for count in counts {
        for number in count.number..=count.last {
            let mut one = count.clone();
            one.number = number;
            one.last = number;
            out.push(one);
        }
    }
    out
}

/// A count's first disposition clearpath reads, with its line.
fn ending(count: &Count) -> Option<(Ending, u32)> {
    count.dispos.iter().find_map(|d| {
        let squeezed: String = d.value.chars().filter(|c| !c.is_whitespace()).collect();
        let end = if squeezed.starts_with("CONVICTED") {
            Ending::Convicted
        } else if squeezed.starts_with("DISMISS")
            || (squeezed.contains("1385") && squeezed.contains("DISMISS"))
        {
            Ending::Dismissed
        } else if squeezed.starts_with("PROSREJ") {
            Ending::Rejected
        } else if squeezed.contains("DETENTIONONLY") {
            Ending::Released
        } else {
            return None;
        };
        Some((end, d.line))
    })
}

/// An update's meaning, by the statute it names. A statute is named only as a whole
/// number: 1203.45 (a minor's record sealed), 1203.49 or 851.87 are other laws than
/// 1203.4 and 851.8, and are noted as not read.
fn later(text: &str) -> Option<Later> {
    let s: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let has = |t: &str| s.contains(t);
    let names = |statute: &str| names_statute(&s, statute);
    Some(if names("1203.425") {
        Later::Relief("automatic")
    } else if names("851.93") {
        Later::ArrestRelief("automatic")
    } else if names("1203.4") || names("1203.41") || names("1203.42") {
        Later::Relief("court")
    } else if names("851.91") || names("851.8") {
        Later::ArrestRelief("sealed")
    } else if names("17(B)") {
        Later::Reduced("pc_17b")
    } else if names("1170.18") {
        Later::Reduced("prop_47")
    } else if names("11361.8") && (has("REDUC") || has("MISD")) {
        Later::Reduced("prop_64")
    } else if has("REDUCEDTOMISD") {
        Later::Reduced("not_sure")
    } else if has("PROBATIONREVOKED") {
        Later::Revoked
    } else if has("SENTENCEMODIFIED") {
        Later::Modified
    } else {
        return None;
    })
}

/// Whether `text` (without spaces) names `statute` as a whole number: not inside a
/// longer one (117(B), 21203.4) nor followed by more digits (1203.45, 851.87). A letter
/// after it is a subdivision or the code's name: 1203.4A, 1203.4PC.
fn names_statute(text: &str, statute: &str) -> bool {
    let number = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit() || c == '.');
    text.match_indices(statute).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + statute.len()..].chars().next();
        !number(before) && !after.is_some_and(|c| c.is_ascii_digit())
    })
}

/// A sentence hidden in a comment: `SEN-X3 YR PROB, …` or `XSEN:2 YR PROB, …`.
fn sentence_in_comment(count: &Count) -> Option<Said<String>> {
    count.comments.iter().find_map(|c| {
        let (_, after) = c
            .value
            .split_once("SEN-X")
            .or_else(|| c.value.split_once("XSEN:"))?;
        Some(Said {
            value: after.trim().to_string(),
            line: c.line,
        })
    })
}

/// An event's agency as its type code and place: `CASC`, `SAN FRANCISCO CO`.
fn agency<'a>(event: &Event<'a>) -> (&'a str, &'a str) {
    event
        .agency
        .as_ref()
        .map_or(("", ""), |a| agency_words(a.value))
}

fn agency_words(agency: &str) -> (&str, &str) {
    let agency = agency.trim();
    match agency.split_once(' ') {
        Some((code, place)) if code.len() == 4 => (code, place.trim()),
        _ => ("", agency),
    }
}

fn level_name(level: Level) -> &'static str {
    match level {
        Level::Felony => "felony",
        Level::Misdemeanor => "misdemeanor",
        Level::Infraction => "infraction",
    }
}

fn text(value: &str) -> FactValue {
    FactValue::Text(value.to_string())
}

impl Entry {
    fn set(&mut self, name: &'static str, value: FactValue, mut lines: Vec<u32>) {
        lines.sort_unstable();
        lines.dedup();
        self.facts.retain(|f| f.name != name);
        self.facts.push(Fact { name, value, lines });
    }
}

#[cfg(test)]
mod tests {
    use super::{Later, later};

    #[test]
    fn an_update_is_read_by_the_whole_statute_it_names() {
        let court = Some(Later::Relief("court"));
        assert_eq!(later("CONV SET ASIDE & DISM PER 1203.4 PC"), court);
        assert_eq!(later("DISM PER 1203.4A PC"), court);
        assert_eq!(later("DISMISSED PER 1203.41 PC"), court);
        assert_eq!(later("DISMISSED PER 1203.42 PC"), court);
        assert_eq!(
            later("RELIEF GRANTED PER 1203.425 PC"),
            Some(Later::Relief("automatic"))
        );
        assert_eq!(later("RECORD SEALED PER 1203.45 PC"), None);
        assert_eq!(later("DISMISSED PER 1203.43 PC"), None);
        assert_eq!(later("CONVICTION VACATED PER 1203.49 PC"), None);
        assert_eq!(later("DISM PER 21203.4 PC"), None);
        let sealed = Some(Later::ArrestRelief("sealed"));
        assert_eq!(later("ARREST SEALED PER 851.91 PC"), sealed);
        assert_eq!(later("ARR RECORD SEALED 851.8 PC"), sealed);
        assert_eq!(later("ARREST SEALED PER 851.87 PC"), None);
        assert_eq!(
            later("ARREST RELIEF PER 851.93 PC"),
            Some(Later::ArrestRelief("automatic"))
        );
        assert_eq!(
            later("REDUCED TO MISD PER 17(B) PC"),
            Some(Later::Reduced("pc_17b"))
        );
        assert_eq!(later("MODIFIED PER 117(B) PC"), None);
        assert_eq!(
            later("REDESIGNATED AS MISD PER 1170.18 PC"),
            Some(Later::Reduced("prop_47"))
        );
        assert_eq!(later("RESENTENCED PER 1170.126 PC"), None);
    }
}
