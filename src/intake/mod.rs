//! Clinic intake: one saved file per client, exports for the client and for the
//! attorney, and the clinic's tally.
//!
//! - [`record`]: the intake record and its answers by fact name;
//! - [`file`]: the record as file text, with its format version;
//! - [`clinic_key`]: the clinic's key, which encrypts the intakes at rest;
//! - [`store`]: the data folder: atomic saves, list, search, done, delete;
//! - [`marker`]: which desk has an intake open, to warn a second one;
//! - [`session`]: an interview that saves after every change, for the intake screens;
//! - [`export`]: printouts for the client and the attorney, as text, Markdown, HTML
//!   and JSON;
//! - [`tally`]: counts for the clinic's report, with nothing personal in them.

pub mod clinic_key;
pub mod export;
pub mod file;
pub mod marker;
pub mod record;
pub mod session;
pub mod store;
pub mod tally;

pub use record::{Entry, Intake, Status};

pub use store::{Listed, SaveOutcome, Store, StoreError};
