//! A RAP sheet as a file, or standard input: its text, or a PDF's text layer, read
//! and refused in the interview's words, naming the file (a scanned PDF, a file that
//! is not text, one far too large), its notes said as `NAME:LINE: what`, and its
//! answers checked as a case file's are.

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

use super::pdf;
use crate::casefile::{self, CaseFile, Syntax};
use crate::content::Content;
use crate::model::Lang;
use crate::sanitize;
use crate::strings::{Strings, fill};

/// A RAP sheet runs to tens of pages; anything far larger is not one.
const MAX_SHEET_BYTES: u64 = 8 << 20;

/// What a RAP sheet file tells, as a case file's answers and sources, with the
/// file's name and its notes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answered {
    /// As messages name the file: its path, or standard input's name in the
    /// interview's language.
    pub name: String,
    pub file: CaseFile,
    /// `NAME:LINE: what`, each on one safe line.
    pub notes: Vec<String>,
}

/// Reads a RAP sheet file: its name as messages say it, and what it gave. `Err` is
/// the refusal, in words, naming the file.
pub fn load(content: &Content, path: &Path) -> Result<(String, super::Reading), String> {
    let (name, text) = text(content.lang, path)?;
    Ok((name, super::read(content, &text)))
}

/// A RAP sheet file's name as messages say it, and its text: the lines its sources and
/// notes count (a PDF's, as read from its text layer). `Err` is the refusal, in the
/// words of `lang`.
pub fn text(lang: Lang, path: &Path) -> Result<(String, String), String> {
    let words = Strings::get(lang);
    let name = match path.to_str() {
        Some("-") => words.sheet_standard_input.clone(),
        // Said on screen and in messages: a path may hold anything.
        _ => sanitize::line(&path.display().to_string()).into_owned(),
    };
    let refusal = |template: &str, values: &[(&str, &dyn std::fmt::Display)]| {
        let said = fill(&fill(template, values), &[("name", &name)]);
        sanitize::line(&said).into_owned()
    };
    let bytes = read(path).map_err(|e| refusal(&words.sheet_cannot_be_read, &[("why", &e)]))?;
    if bytes.len() as u64 > MAX_SHEET_BYTES {
        return Err(refusal(
            &words.sheet_too_large,
            &[("bytes", &MAX_SHEET_BYTES)],
        ));
    }
    let text = if bytes.starts_with(b"%PDF") {
        pdf::text(&bytes).map_err(|why| match why {
            pdf::Refusal::Unreadable => refusal(&words.sheet_pdf_unreadable, &[]),
            pdf::Refusal::NoText => refusal(&words.sheet_pdf_no_text, &[]),
        })?
    } else if bytes.contains(&0) {
        return Err(refusal(&words.sheet_not_text, &[]));
    } else {
        String::from_utf8_lossy(&bytes).into_owned()
    };
    Ok((name, text))
}

/// Each note as `NAME:LINE: what`, on one safe line: a note may quote the sheet.
pub fn notes(name: &str, reading: &super::Reading) -> Vec<String> {
    reading
        .notes
        .iter()
        .map(|note| {
            let said = match note.line {
                0 => format!("{name}: {}", note.message),
                line => format!("{name}:{line}: {}", note.message),
            };
            sanitize::line(&said).into_owned()
        })
        .collect()
}

/// What a RAP sheet file tells, as the answers of a case file. `Err` is the refusal,
/// in words: a sheet that cannot be read, or that gives no entry.
pub fn answers(content: &Content, path: &Path) -> Result<Answered, String> {
    let (name, reading) = load(content, path)?;
    let notes = notes(&name, &reading);
    if reading.entries.is_empty() {
        return Err(notes.join("\n"));
    }
    let file = casefile::parse(content, &reading.case_file(false), Syntax::Ron).map_err(|e| {
        let said = fill(
            &Strings::get(content.lang).sheet_answers_conflict,
            &[("name", &name), ("why", &e)],
        );
        sanitize::line(&said).into_owned()
    })?;
    Ok(Answered { name, file, notes })
}

fn read(path: &Path) -> io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    let limit = MAX_SHEET_BYTES + 1;
    if path.to_str() == Some("-") {
        io::stdin().lock().take(limit).read_to_end(&mut bytes)?;
    } else {
        File::open(path)?.take(limit).read_to_end(&mut bytes)?;
    }
    Ok(bytes)
}
