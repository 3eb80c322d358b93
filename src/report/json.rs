//! JSON: the [`Document`] itself, in the schema `docs/results-json.md` describes.

use super::document::Document;

/// Indented for a person to read, or one line per document for a stream (`.jsonl`).
pub fn render(doc: &Document, one_line: bool) -> String {
    let mut json = if one_line {
        serde_json::to_string(doc)
    } else {
        serde_json::to_string_pretty(doc)
    }
    .expect("a results document serializes");
    json.push('\n');
    json
}
