//! Clinic intake: one saved file per client, exports for the client and for the
//! attorney, and the clinic's tally.
//!
//! - [`record`]: the intake record and its answers by fact name;
//! - [`file`]: the record as file text, with its format version;
//! - [`store`]: the data folder: atomic saves, list, search, done, delete;
//! - [`marker`]: which desk has an intake open, to warn a second one;
//! - [`session`]: an interview that saves after every change, for the intake screens;
//! - [`export`]: printouts for the client and the attorney, as text, Markdown, HTML
//!   and JSON;
//! - [`tally`]: counts for the clinic's report, with nothing personal in them.

pub mod export;
pub mod file;
pub mod marker;
pub mod record;
pub mod session;
pub mod store;
pub mod tally;

pub use record::{Entry, Intake, Status};

pub use store::{Listed, SaveOutcome, Store, StoreError};

/// Text typed by a person, safe to show or write on one line: no control characters
/// (so no terminal escape sequences) and no invisible direction overrides.
pub fn clean(text: &str) -> String {
    text.chars()
        .map(|c| if c == '\n' || c == '\t' { ' ' } else { c })
        .filter(|c| !is_unsafe(*c))
        .collect()
}

/// As [`clean`], keeping line breaks: for notes.
pub fn clean_block(text: &str) -> String {
    text.replace("\r\n", "\n")
        .chars()
        .map(|c| if c == '\t' || c == '\r' { ' ' } else { c })
        .filter(|c| *c == '\n' || !is_unsafe(*c))
        .collect::<String>()
        .trim_end()
        .to_string()
}

fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}')
}
