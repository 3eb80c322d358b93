//! `clearpath screen FILE...`: screen case files without the interview.
//!
//! `--format csv` writes one header, then one row per person, entry and remedy, for
//! every file and line.
//!
//! A `.jsonl` file streams: each line is one person, screened and written as soon as it
//! is read, so memory stays flat however long the file is; a bad line is reported with
//! its number and the other lines are still screened. A line longer than a case file
//! may be is skipped a chunk at a time, so even a line that never ends (a link to
//! `/dev/zero`) is read in bounded memory.

use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::NaiveDate;

use crate::casefile::{self, CaseFile, MAX_FILE_BYTES, Syntax};
use crate::content::Content;
use crate::engine::screen;
use crate::engine::screen::screen_entries;
use crate::report::layout::{self, Medium};
use crate::report::{self, Audience, Document, Format};
use crate::sanitize;

/// The longest line of a `.jsonl` file that is screened: one person, as in a case file.
pub const MAX_LINE_BYTES: usize = MAX_FILE_BYTES;

/// How much of an overlong line is skipped looking for its end. A line still going
/// after this is taken for input that never ends, and the rest of the file is not read.
pub const MAX_SKIP_BYTES: u64 = 1 << 30;

/// Screens `files`; with `second`, each result is written again in that language, for
/// an interpreter.
pub fn run(
    content: &Content,
    second: Option<&Content>,
    files: &[PathBuf],
    format: Format,
    as_of: NaiveDate,
) -> ExitCode {
    let stdout = io::stdout();
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    let several = files.len() > 1 || files.iter().any(|f| is_jsonl(f));
    let mut writer = Writer {
        content,
        second,
        format,
        as_of,
        several,
        out: &mut out,
        failed: false,
        page_open: false,
    };
    let result = writer
        .begin()
        .and_then(|()| files.iter().try_for_each(|f| writer.file(f)))
        .and_then(|()| writer.finish());
    let failed = writer.failed;
    let flushed = out.flush();
    match result.and(flushed) {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("clearpath: cannot write the results: {e}");
            ExitCode::from(super::EXIT_CANNOT_RUN)
        }
        Ok(()) if failed => ExitCode::from(1),
        Ok(()) => ExitCode::SUCCESS,
    }
}

fn is_jsonl(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("jsonl"))
}

struct Writer<'a, W: Write> {
    content: &'a Content,
    /// The results are written again in this language (not in JSON).
    second: Option<&'a Content>,
    format: Format,
    as_of: NaiveDate,
    /// Several results: JSON one per line, each named by its file.
    several: bool,
    out: &'a mut W,
    failed: bool,
    /// HTML: the page holding every result has been begun, and must be ended.
    page_open: bool,
}

impl<W: Write> Writer<'_, W> {
    /// CSV begins with its header, even when no file can be screened.
    fn begin(&mut self) -> io::Result<()> {
        if self.format == Format::Csv {
            self.out.write_all(report::csv::header().as_bytes())?;
        }
        Ok(())
    }

    fn fail(&mut self, place: &str, message: impl std::fmt::Display) {
        // Both may quote the file (its name, a value in it) and go to a terminal.
        let said = format!("{place}: {message}");
        eprintln!("clearpath: {}", sanitize::line(&said));
        self.failed = true;
    }

    /// Screens one file; only a failure to write the output stops the run.
    fn file(&mut self, path: &Path) -> io::Result<()> {
        let name = path.display().to_string();
        if name == "-" {
            let mut bytes = Vec::new();
            if let Err(e) = io::stdin()
                .lock()
                .take(MAX_FILE_BYTES as u64 + 1)
                .read_to_end(&mut bytes)
            {
                self.fail("standard input", format!("cannot be read: {e}"));
                return Ok(());
            }
            return self.whole("standard input", "", &bytes);
        }
        let file = match File::open(path) {
            Ok(f) => f,
            Err(e) => {
                self.fail(&name, format!("cannot be read: {e}"));
                return Ok(());
            }
        };
        if file.metadata().is_ok_and(|m| m.is_dir()) {
            self.fail(&name, "is a folder, not a case file");
            return Ok(());
        }
        if is_jsonl(path) {
            return self.lines(&name, BufReader::with_capacity(1 << 16, file));
        }
        // A regular file says its size: report it, and do not read what will be refused.
        if let Ok(m) = file.metadata()
            && m.is_file()
            && m.len() > MAX_FILE_BYTES as u64
        {
            self.fail(&name, casefile::too_large(Some(m.len()), MAX_FILE_BYTES));
            return Ok(());
        }
        let mut bytes = Vec::new();
        if let Err(e) = file.take(MAX_FILE_BYTES as u64 + 1).read_to_end(&mut bytes) {
            self.fail(&name, format!("cannot be read: {e}"));
            return Ok(());
        }
        self.whole(&name, &name, &bytes)
    }

    fn whole(&mut self, shown: &str, name: &str, bytes: &[u8]) -> io::Result<()> {
        let text = match casefile::check_bytes(bytes, MAX_FILE_BYTES) {
            Ok(t) => t,
            Err(e) => {
                self.fail(shown, e);
                return Ok(());
            }
        };
        match casefile::parse(self.content, text, Syntax::detect(name, text)) {
            Ok(case) => self.person(shown, &case),
            Err(e) => {
                self.fail(shown, e);
                Ok(())
            }
        }
    }

    fn lines(&mut self, name: &str, mut reader: impl BufRead) -> io::Result<()> {
        let mut line = Vec::with_capacity(1024);
        for number in 1usize.. {
            line.clear();
            let place = format!("{name}:{number}");
            let read = (&mut reader)
                .take(MAX_LINE_BYTES as u64 + 1)
                .read_until(b'\n', &mut line);
            match read {
                Ok(0) => return Ok(()),
                Ok(_) => {}
                Err(e) => {
                    self.fail(&place, format!("cannot be read: {e}"));
                    return Ok(());
                }
            }
            if line.len() > MAX_LINE_BYTES && line.last() != Some(&b'\n') {
                // Discard the rest of the line as it comes, never holding it.
                match (&mut reader).take(MAX_SKIP_BYTES).skip_until(b'\n') {
                    Ok(n) if n as u64 == MAX_SKIP_BYTES => {
                        self.fail(
                            &place,
                            format!(
                                "the line goes on for more than {MAX_SKIP_BYTES} bytes without ending; the rest of the file is not read"
                            ),
                        );
                        return Ok(());
                    }
                    Ok(_) => self.fail(
                        &place,
                        format!(
                            "the line is too long (more than {MAX_LINE_BYTES} bytes, one person's case file at most); it was skipped"
                        ),
                    ),
                    Err(e) => {
                        self.fail(&place, format!("cannot be read: {e}"));
                        return Ok(());
                    }
                }
                continue;
            }
            let bytes = line.trim_ascii();
            if bytes.is_empty() {
                continue;
            }
            let parsed = casefile::check_bytes(bytes, MAX_FILE_BYTES)
                .and_then(|text| casefile::parse(self.content, text, Syntax::Json));
            match parsed {
                Ok(case) => self.person(&place, &case)?,
                Err(e) => self.fail(&place, e),
            }
        }
        Ok(())
    }

    fn person(&mut self, place: &str, case: &CaseFile) -> io::Result<()> {
        // A CSV row needs none of the document's words, nor the plan or the caveats: it
        // is read from each entry's remedies, and always names its file (or line) and
        // id, to be found from a spreadsheet.
        if self.format == Format::Csv {
            let entries = screen_entries(self.content, &case.person, self.as_of);
            let source = (place, case.id.as_deref().unwrap_or(""));
            for content in std::iter::once(self.content).chain(self.second) {
                let rows = report::csv::rows_of(content, &case.person, &entries, source);
                self.out.write_all(rows.as_bytes())?;
            }
            return Ok(());
        }
        let s = screen(self.content, &case.person, self.as_of);
        for content in std::iter::once(self.content).chain(self.second) {
            self.result(content, place, case, &s)?;
        }
        Ok(())
    }

    /// One result in the language of `content`.
    fn result(
        &mut self,
        content: &Content,
        place: &str,
        case: &CaseFile,
        s: &crate::engine::Screening,
    ) -> io::Result<()> {
        let mut doc = Document::new(content, &case.person, s, Audience::Person);
        if !self.format.is_data() {
            doc = doc.with_handoff(content, &case.person);
        }
        // Among several results, each is named by its file (or line) and its id.
        if self.several || case.id.is_some() {
            doc = doc.from_source(place, case.id.as_deref());
        }
        let blocks = || layout::blocks(&doc, Medium::Page);
        let text = match self.format {
            Format::Json => report::json::render(&doc, self.several),
            Format::Csv => report::csv::rows(&doc),
            Format::Html => {
                if !self.page_open {
                    let words = crate::strings::Strings::get(doc.language);
                    let title = crate::strings::fill(
                        &words.markdown_title,
                        &[("date", &words.date(self.as_of))],
                    );
                    let start = report::html::page_start(&title, doc.language);
                    self.out.write_all(start.as_bytes())?;
                    self.page_open = true;
                }
                // Each result says its language, so that a screen reader reads a
                // translation after the page's own language with the right voice.
                let mut body = format!("<div lang=\"{}\">\n", doc.language.code());
                report::html::body(&mut body, &blocks());
                body.push_str("</div>\n");
                body
            }
            Format::Text => report::text::render(&blocks(), report::text::WIDTH),
            Format::Markdown => report::markdown::render(&blocks()),
        };
        self.out.write_all(text.as_bytes())?;
        // Several results (or one in two languages) in text or Markdown stand apart by
        // a blank line.
        if (self.several || self.second.is_some())
            && matches!(self.format, Format::Text | Format::Markdown)
        {
            self.out.write_all(b"\n")?;
        }
        Ok(())
    }

    /// Ends the HTML page, once every result is in it.
    fn finish(&mut self) -> io::Result<()> {
        if std::mem::take(&mut self.page_open) {
            self.out.write_all(report::html::PAGE_END.as_bytes())?;
        }
        Ok(())
    }
}

/// Screens JSON Lines from any reader into any writer, one result per line as it is
/// read. Returns whether every line could be screened (bad lines are reported on
/// standard error with their number).
pub fn stream_jsonl(
    content: &Content,
    format: Format,
    as_of: NaiveDate,
    name: &str,
    reader: impl BufRead,
    out: &mut impl Write,
) -> io::Result<bool> {
    let mut writer = Writer {
        content,
        second: None,
        format,
        as_of,
        several: true,
        out,
        failed: false,
        page_open: false,
    };
    writer.begin()?;
    writer.lines(name, reader)?;
    writer.finish()?;
    Ok(!writer.failed)
}
