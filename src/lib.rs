//! clearpath: screen a California criminal record for the remedies that can clear it.
//!
//! Three layers, one direction: the content (`questions/*.ron`) is compiled by
//! [`content`]; the [`engine`] runs the interview and evaluates the rules; the front
//! ends ([`cli`], [`report`]) show it. A front end never decides law; the engine never
//! draws.

#![forbid(unsafe_code)]

pub mod casefile;
pub mod cli;
pub mod content;
pub mod engine;
pub mod intake;
pub mod report;
pub mod sanitize;
pub mod savefile;
pub mod strings;
pub mod text;
pub mod tui;
