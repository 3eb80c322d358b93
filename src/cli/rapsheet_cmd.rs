//! `clearpath rapsheet FILE`: a RAP sheet's text read into a case file on standard
//! output, with every line left unread and every fact left open on standard error,
//! so `clearpath rapsheet rap.txt | clearpath screen -` screens it. And `--rap-sheet
//! FILE`: the interview with what the sheet tells already answered.

use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

use super::EXIT_CANNOT_RUN;
use crate::content::{Content, Lang};
use crate::engine::interview::Interview;
use crate::rapsheet;
use crate::sanitize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum CaseFormat {
    Ron,
    Json,
}

pub fn run(content: &Content, path: &Path, format: CaseFormat) -> ExitCode {
    let (name, reading) = match rapsheet::file::load(content, path) {
        Ok(read) => read,
        Err(refusal) => {
            eprintln!("clearpath: {refusal}");
            return ExitCode::from(EXIT_CANNOT_RUN);
        }
    };
    let mut err = io::stderr().lock();
    for note in rapsheet::file::notes(&name, &reading) {
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

/// `clearpath rapsheet --lines FILE`: the sheet's text with the numbers its sources and
/// notes give, so "line 40" can be found in a PDF, whose viewer numbers no lines.
pub fn lines(lang: Lang, path: &Path) -> ExitCode {
    let (name, text) = match rapsheet::file::text(lang, path) {
        Ok(read) => read,
        Err(refusal) => {
            eprintln!("clearpath: {refusal}");
            return ExitCode::from(EXIT_CANNOT_RUN);
        }
    };
    let mut out = io::stdout().lock();
    for (n, line) in text.lines().enumerate() {
        let numbered = format!("{:>5}  {}", n + 1, sanitize::line(line));
        if let Err(e) = writeln!(out, "{}", numbered.trim_end()) {
            if e.kind() != io::ErrorKind::BrokenPipe {
                let said = format!("{name}: the lines cannot be written: {e}");
                eprintln!("clearpath: {}", sanitize::line(&said));
                return ExitCode::from(EXIT_CANNOT_RUN);
            }
            break;
        }
    }
    ExitCode::SUCCESS
}

/// The interview with what a RAP sheet tells already answered, and what to say of it
/// first: each entry's answers with their lines, then the sheet's notes. `Err` is the
/// refusal, in words.
pub fn prefilled<'c>(
    content: &'c Content,
    path: &Path,
    as_of: chrono::NaiveDate,
) -> Result<(Interview<'c>, Vec<String>), String> {
    let read = rapsheet::file::answers(content, path)?;
    let said =
        crate::report::rap_sheet_said(content, &read.name, &read.file.person, &read.notes, None);
    Ok((Interview::prefilled(content, as_of, read.file.person), said))
}
