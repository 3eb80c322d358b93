//! `clearpath rapsheet FILE`: a RAP sheet's text read into a case file on standard
//! output, with every line left unread and every fact left open on standard error,
//! so `clearpath rapsheet rap.txt | clearpath screen -` screens it. And `--rap-sheet
//! FILE`: the interview with what the sheet tells already answered.

use std::fs::File;
use std::io::{self, Read, Write};
use std::path::Path;
use std::process::ExitCode;

use super::EXIT_CANNOT_RUN;
use crate::casefile::{self, Syntax};
use crate::content::Content;
use crate::engine::interview::Interview;
use crate::model::Source;
use crate::rapsheet;
use crate::sanitize;
use crate::strings::{Strings, fill};

/// A RAP sheet runs to tens of pages; anything far larger is not one.
const MAX_SHEET_BYTES: u64 = 8 << 20;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum CaseFormat {
    Ron,
    Json,
}

pub fn run(content: &Content, path: &Path, format: CaseFormat) -> ExitCode {
    let (name, reading) = match load(content, path) {
        Ok(read) => read,
        Err(refusal) => {
            eprintln!("clearpath: {refusal}");
            return ExitCode::from(EXIT_CANNOT_RUN);
        }
    };
    let mut err = io::stderr().lock();
    for note in notes(&name, &reading) {
        let _ = writeln!(err, "clearpath: {note}");
    }
    let case_file = reading.case_file(format == CaseFormat::Json);
    if let Err(e) = io::stdout().lock().write_all(case_file.as_bytes())
        && e.kind() != io::ErrorKind::BrokenPipe
    {
        let said = format!("{name}: the case file cannot be written: {e}");
        let _ = writeln!(err, "clearpath: {}", sanitize::line(&said));
        return ExitCode::from(EXIT_CANNOT_RUN);
    }
    if reading.entries.is_empty() {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// Reads a RAP sheet file: its name as messages say it, and what it gave. `Err` is
/// the refusal, in words, naming the file.
fn load(content: &Content, path: &Path) -> Result<(String, rapsheet::Reading), String> {
    let name = match path.to_str() {
        Some("-") => "standard input".to_string(),
        _ => path.display().to_string(),
    };
    let refusal = |message: &str| sanitize::line(&format!("{name}: {message}")).into_owned();
    let bytes = read(path).map_err(|e| refusal(&format!("cannot be read: {e}")))?;
    if bytes.len() as u64 > MAX_SHEET_BYTES {
        return Err(refusal(&format!(
            "is too large for a RAP sheet (more than {MAX_SHEET_BYTES} bytes)"
        )));
    }
    if bytes.starts_with(b"%PDF") {
        return Err(refusal(
            "is a PDF. clearpath reads a RAP sheet as text: open the PDF, select all of it, copy it into a text file (.txt) and give that file. A scanned sheet has no text to copy: type its entries into the interview instead",
        ));
    }
    if bytes.contains(&0) {
        return Err(refusal("is not a text file"));
    }
    let reading = rapsheet::read(content, &String::from_utf8_lossy(&bytes));
    Ok((name, reading))
}

/// Each note as `NAME:LINE: what`, on one safe line: a note may quote the sheet.
fn notes(name: &str, reading: &rapsheet::Reading) -> Vec<String> {
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

/// The interview with what a RAP sheet tells already answered, and what to say of it
/// first: each entry's answers with their lines, then the sheet's notes. `Err` is the
/// refusal, in words.
pub fn prefilled<'c>(
    content: &'c Content,
    path: &Path,
    as_of: chrono::NaiveDate,
) -> Result<(Interview<'c>, Vec<String>), String> {
    let (name, reading) = load(content, path)?;
    if reading.entries.is_empty() {
        let notes = notes(&name, &reading);
        return Err(notes.join("\n"));
    }
    let file = casefile::parse(content, &reading.case_file(false), Syntax::Ron).map_err(|e| {
        sanitize::line(&format!("{name}: its answers cannot all be true: {e}")).into_owned()
    })?;
    let words = Strings::get(content.lang);
    let mut said = vec![fill(&words.rap_sheet_read, &[("file", &name)])];
    for (entry, sources) in file.sources.iter().enumerate() {
        said.push(crate::report::entry_name(words, &file.person, entry));
        for (fact, source) in sources {
            let Some(question) = content.questions.iter().find(|q| q.fact == *fact) else {
                continue;
            };
            let lines: Vec<String> = match source {
                Source::RapSheet(lines) => lines.iter().map(u32::to_string).collect(),
                _ => Vec::new(),
            };
            let at = match lines.len() {
                1 => &words.rap_sheet_line,
                _ => &words.rap_sheet_lines,
            };
            let answer = file.person.cases[entry].get(*fact);
            said.push(format!(
                "  {} {} ({})",
                question.source.text,
                crate::report::answer_text(content, *fact, answer),
                fill(at, &[("lines", &lines.join(", "))])
            ));
        }
    }
    let notes = notes(&name, &reading);
    if !notes.is_empty() {
        said.push(words.rap_sheet_to_check.clone());
        said.extend(notes.into_iter().map(|n| format!("  {n}")));
    }
    said.push(words.rap_sheet_asked.clone());
    Ok((Interview::prefilled(content, as_of, file.person), said))
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
