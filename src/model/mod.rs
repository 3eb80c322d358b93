//! The words the content and the engine share, at the bottom of the layers: facts and
//! answers, compiled conditions, and languages. This module imports no other part of
//! clearpath; [`crate::content`] compiles into these types and [`crate::engine`]
//! reads them.

pub mod cond;
pub mod facts;
pub mod lang;
pub mod source;

pub use cond::{Cond, Period, ProbationCap, ProbationRule, ProbationTest};
pub use facts::{Answers, FactId, FactSet, MAX_FACTS, Person, Slot, Value};
pub use lang::{Lang, unaccented};
pub use source::Source;
