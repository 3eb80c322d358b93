//! Facts and answers, defined in [`crate::model`] and kept here under their old path.

pub use crate::model::facts::{Answers, FactId, FactSet, MAX_FACTS, Person, Slot, Value};
