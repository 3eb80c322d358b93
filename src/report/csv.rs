//! CSV: one row per person, entry and remedy, for offices that screen many case files
//! at once and work in spreadsheets. Every value is read from the [`Document`]; the
//! status, grant and remedy are the keys the JSON uses, the same in every language.

use chrono::NaiveDate;

use super::document::Document;
use crate::content::Content;
use crate::content::model::Grant;
use crate::engine::facts::Person;
use crate::engine::screen::{EntryResult, Verdict};
use crate::sanitize;

/// The columns, in order.
pub const HEADER: [&str; 9] = [
    "id",
    "file",
    "entry",
    "county",
    "remedy",
    "status",
    "eligible_from",
    "grant",
    "statute",
];

/// The header line alone, to begin a file holding many documents' rows.
pub fn header() -> String {
    let mut out = csv::Writer::from_writer(Vec::new());
    out.write_record(HEADER).expect("writing to memory");
    finish(out)
}

/// The rows of one document, without the header.
pub fn rows(doc: &Document) -> String {
    let (file, id) = doc.source.as_ref().map_or(("", ""), |s| {
        (s.file.as_str(), s.id.as_deref().unwrap_or(""))
    });
    let mut out = Rows::new(id, file);
    for entry in &doc.entries {
        let county = entry.county.as_deref().unwrap_or("");
        for r in &entry.remedies {
            out.row(
                &entry.number,
                county,
                r.id,
                r.verdict,
                r.from,
                r.grant,
                r.statute,
            );
        }
    }
    out.finish()
}

/// The same rows as [`rows`] of the person's results document, read straight from the
/// screening's entries ([`crate::engine::screen::screen_entries`]): bulk screening
/// writes many thousands a second, and a row needs none of the document's words. The
/// values are the document's, from the same functions ([`super::entry_number`],
/// [`super::document::county_of`]).
pub fn rows_of(
    content: &Content,
    person: &Person,
    entries: &[EntryResult],
    (file, id): (&str, &str),
) -> String {
    let words = crate::strings::Strings::get(content.lang);
    let (file, id) = (sanitize::line(file), sanitize::line(id));
    let mut out = Rows::new(&id, &file);
    for (e, entry) in entries.iter().enumerate() {
        let number = super::entry_number(words, person, e);
        let county = super::document::county_of(content, person, e);
        let county = county.as_deref().unwrap_or("");
        for r in &entry.remedies {
            let def = &content.remedies[r.remedy].source;
            let grant = r.grant(content);
            out.row(
                &number,
                county,
                &def.id,
                r.verdict,
                r.from,
                grant,
                &def.statute,
            );
        }
    }
    out.finish()
}

/// Rows being written for one person.
struct Rows<'a> {
    out: csv::Writer<Vec<u8>>,
    id: &'a str,
    file: &'a str,
}

impl<'a> Rows<'a> {
    fn new(id: &'a str, file: &'a str) -> Self {
        // One person's rows are a few hundred bytes: the writer's own buffer need not
        // be the 8 KiB it takes by default, allocated anew for each person.
        let out = csv::WriterBuilder::new()
            .buffer_capacity(1024)
            .from_writer(Vec::with_capacity(1024));
        Rows { out, id, file }
    }

    #[allow(clippy::too_many_arguments)]
    fn row(
        &mut self,
        entry: &str,
        county: &str,
        remedy: &str,
        verdict: Verdict,
        from: Option<NaiveDate>,
        grant: Option<Grant>,
        statute: &str,
    ) {
        let from = from.map(|d| d.to_string()).unwrap_or_default();
        let record = [
            self.id,
            self.file,
            entry,
            county,
            remedy,
            verdict.key(),
            &from,
            grant.map_or("", |g| g.key()),
            statute,
        ];
        for value in record {
            (self.out.write_field(inert(value).as_bytes())).expect("writing to memory");
        }
        self.out
            .write_record(None::<&[u8]>)
            .expect("writing to memory");
    }

    fn finish(self) -> String {
        finish(self.out)
    }
}

/// The header and the rows of one document: a file of its own.
pub fn render(doc: &Document) -> String {
    header() + &rows(doc)
}

fn finish(out: csv::Writer<Vec<u8>>) -> String {
    let bytes = out.into_inner().expect("writing to memory");
    String::from_utf8(bytes).expect("CSV of UTF-8 values is UTF-8")
}

/// A value a spreadsheet would run as a formula (a county or an id typed as `=HYPERLINK(…)`)
/// is written with a leading apostrophe, which spreadsheets show as text.
fn inert(value: &str) -> std::borrow::Cow<'_, str> {
    match value.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{value}").into(),
        _ => value.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::inert;

    #[test]
    fn a_value_a_spreadsheet_would_run_is_written_as_text() {
        for formula in ["=1+1", "+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"] {
            assert_eq!(inert(formula), format!("'{formula}"));
        }
        for plain in ["Fresno", "2027-03-01", "PC 1203.4", ""] {
            assert_eq!(inert(plain), plain);
        }
    }
}
