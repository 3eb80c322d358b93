//! The engine: pure Rust, no terminal. Interview state, rule evaluation, the plan.

pub mod cond;
pub mod facts;
pub mod handoff;
pub mod input;
pub mod interview;
pub mod probation;
pub mod screen;

pub use facts::{Answers, FactId, Person, Slot, Value};
pub use interview::{Interview, Stage};
pub use screen::{Screening, Verdict, screen};
