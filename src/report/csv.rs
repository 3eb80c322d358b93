//! CSV: one row per person, entry and remedy, for offices that screen many case files
//! at once and work in spreadsheets. Every value is read from the [`Document`]; the
//! status, grant and remedy are the keys the JSON uses, the same in every language.

use super::document::Document;

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
    let mut out = csv::Writer::from_writer(Vec::with_capacity(1024));
    let (file, id) = doc.source.as_ref().map_or(("", ""), |s| {
        (s.file.as_str(), s.id.as_deref().unwrap_or(""))
    });
    for entry in &doc.entries {
        let county = entry.county.as_deref().unwrap_or("");
        for remedy in &entry.remedies {
            let from = remedy.from.map(|d| d.to_string()).unwrap_or_default();
            let record = [
                id,
                file,
                &entry.number,
                county,
                remedy.id,
                remedy.verdict.key(),
                &from,
                remedy.grant.map_or("", |g| g.key()),
                remedy.statute,
            ];
            for value in record {
                out.write_field(inert(value).as_bytes())
                    .expect("writing to memory");
            }
            out.write_record(None::<&[u8]>).expect("writing to memory");
        }
    }
    finish(out)
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
