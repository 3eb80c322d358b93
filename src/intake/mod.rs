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

/// Text typed by a person, safe to show or write on one line: a pasted line break or
/// tab is a space, other control characters and direction overrides are shown as
/// their codes ([`crate::sanitize::line`]).
pub fn clean(text: &str) -> String {
    let spaced = text.replace(['\n', '\r', '\t'], " ");
    crate::sanitize::line(&spaced).into_owned()
}

/// As [`clean`], keeping line breaks: for notes.
pub fn clean_block(text: &str) -> String {
    crate::sanitize::block(text).trim_end().to_string()
}
