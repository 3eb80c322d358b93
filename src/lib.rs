//! clearpath: screen a California criminal record for the remedies that can clear it.
//!
//! Layers, one direction, each importing only those below it: the shared [`model`]
//! (facts, answers, compiled conditions, languages); the [`content`]
//! (`questions/*.ron`), loaded and compiled; the [`engine`], which runs the interview
//! and evaluates the rules, with typed results and refusals; [`check`], which runs the
//! engine over every route; then the interface words ([`strings`]), the reports and
//! the front ends. A front end never decides law; the engine never draws or words.
//! `tests/layers.rs` keeps it so.

#![forbid(unsafe_code)]

pub mod casefile;
pub mod check;
pub mod cli;
pub mod content;
pub mod engine;
pub mod intake;
pub mod model;
pub mod rapsheet;
pub mod report;
pub mod sanitize;
pub mod savefile;
pub mod strings;
pub mod text;
pub mod tui;
