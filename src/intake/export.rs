//! Printouts of one intake: for the client (their plan in plain words, what to bring,
//! where to file) and for the attorney (every answer with the unsure ones marked, every
//! remedy's status with its reason and citation, the notes). Both are the one results
//! document ([`crate::report::Document`]) with the intake's details added, written in
//! any of its formats.
//!
//! The client's printout is written in the language of the content it is given, which
//! the caller picks from the client's language ([`language`]); the attorney's is for an
//! English-speaking attorney, so the caller gives it the English content.

use chrono::NaiveDate;

use super::record::Intake;
use crate::content::{Content, Lang};
use crate::engine::Interview;
use crate::report::document::IntakeHead;
use crate::report::{Audience, Document, Format};
use crate::sanitize;

/// A file name for a printout that says nothing about the client, from the intake's
/// id: `ID-attorney.html`.
pub fn file_name(id: &str, audience: Audience, format: Format) -> String {
    let who = match audience {
        Audience::Person | Audience::Client => "client",
        Audience::Attorney => "attorney",
    };
    format!("{id}-{who}.{}", format.extension())
}

/// The language a printout is written in: the client's own for theirs, English for
/// the attorney's.
pub fn language(intake: &Intake, audience: Audience) -> Lang {
    match audience {
        Audience::Person | Audience::Client => intake.language,
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
    crate::report::render(&document(content, intake, as_of, audience), format)
}

/// The results document of one intake, with the intake's details and notes.
pub fn document<'c>(
    content: &'c Content,
    intake: &Intake,
    as_of: NaiveDate,
    audience: Audience,
) -> Document<'c> {
    let (read, mut unread) = intake.person(content);
    let interview = Interview::resume(content, as_of, read.clone());
    let person = interview.person();
    // Saved answers past a question the interview has not reached (one the content
    // gained since, or one whose answer changed) do not count here.
    for (entry, fact, _) in super::session::left_out(&read, person) {
        unread.push(super::record::Unread {
            entry,
            fact: content.fact(fact).name.clone(),
            why: "not reached: an earlier question on this path is unanswered".into(),
        });
    }
    let mut doc = Document::new(content, person, &interview.results(), audience)
        .with_handoff(content, person);
    // The volunteer's notes and the saved answers left unused are for the attorney.
    let attorney = audience == Audience::Attorney;
    if attorney {
        for (entry, saved) in doc.entries.iter_mut().zip(&intake.entries) {
            entry.note = sanitize::note(&saved.note);
        }
        doc.unused = unread
            .iter()
            .map(|u| sanitize::flat(&u.to_string()))
            .collect();
    }
    doc.intake = Some(IntakeHead {
        id: intake.id.clone(),
        label: intake.label(),
        name: sanitize::flat(&intake.name),
        number: sanitize::flat(&intake.number),
        client_language: intake.language,
        status: intake.status.word(),
        created: intake.created,
        updated: intake.updated,
        note: if attorney {
            sanitize::note(&intake.note)
        } else {
            String::new()
        },
    });
    doc
}
