//! An intake as file text: writing it, and reading it back with its format version
//! checked. A file in a newer format is refused with the version of clearpath that
//! reads it; an older one is upgraded; a damaged one says what is wrong and where.
//!
//! Format 0 is a RON case file (docs/case-files.md): the same facts by the same names,
//! without the intake's own fields. A case file copied into the data folder opens as
//! an intake and is written as the current format the next time it is saved.
//!
//! Format 1 is format 2 without the client's language: it reads as English.
//! Format 2 is format 3 without the revision and the conflict mark: revision 0, and
//! not a conflict copy.
//! Format 3 is format 4 without further counts: every entry is a case of one count.

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset};
use ron::extensions::Extensions;
use ron::ser::PrettyConfig;
use serde::Deserialize;

use super::record::{Entry, FORMAT, Intake, Saved, Status};

/// The first line of every intake file.
pub const HEADER: &str =
    "// clearpath intake: one client. The format is described in docs/intake-files.md.\n";

/// The largest intake file read; anything larger was not written by clearpath.
pub const MAX_FILE_BYTES: usize = 4 << 20;

/// Why a file cannot be opened, with its line where there is one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Damage {
    Syntax {
        line: usize,
        column: usize,
        message: String,
    },
    /// Written in a format this program does not read yet.
    Newer {
        format: u32,
        written_by: String,
    },
    Unreadable(String),
    /// Encrypted to another clinic's key: not damaged, only not this clinic's.
    OtherClinic,
    /// A plain file in a folder whose intakes are encrypted.
    NotEncrypted,
    /// An encrypted file in a folder without a clinic key.
    NoKey,
}

impl std::error::Error for Damage {}

impl std::fmt::Display for Damage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Damage::Syntax {
                line,
                column,
                message,
            } => write!(f, "line {line}, column {column}: {message}"),
            Damage::Newer { format, written_by } => {
                let this = env!("CARGO_PKG_VERSION");
                if written_by.is_empty() {
                    write!(
                        f,
                        "it is in intake format {format}, from a newer clearpath; this clearpath ({this}) reads formats up to {FORMAT}: open it with a clearpath that reads format {format}"
                    )
                } else {
                    write!(
                        f,
                        "it is in intake format {format}, saved by clearpath {written_by}; this clearpath ({this}) reads formats up to {FORMAT}: open it with clearpath {written_by} or later"
                    )
                }
            }
            Damage::Unreadable(why) => f.write_str(why),
            Damage::OtherClinic => f.write_str(
                "another clinic's intake: it is encrypted to a different clinic key, and this clinic's passphrase cannot open it",
            ),
            Damage::NotEncrypted => f.write_str(
                "not encrypted, in a folder of encrypted intakes: run `clearpath intake init` to encrypt it",
            ),
            Damage::NoKey => f.write_str(
                "encrypted, and this folder has no clinic key: copy the clinic's clinic.key into it",
            ),
        }
    }
}

impl Damage {
    /// Whether the file itself is damaged, rather than readable by another clinic or
    /// waiting for `intake init`.
    pub fn is_damage(&self) -> bool {
        !matches!(
            self,
            Damage::OtherClinic | Damage::NotEncrypted | Damage::NoKey
        )
    }

    /// The line the problem is on, when it is on one.
    pub fn line(&self) -> Option<usize> {
        match self {
            Damage::Syntax { line, .. } => Some(*line),
            _ => None,
        }
    }

    fn from_ron(e: ron::error::SpannedError) -> Damage {
        Damage::Syntax {
            line: e.span.start.line,
            column: e.span.start.col,
            message: e.code.to_string(),
        }
    }
}

/// What was read, and from which format it was upgraded.
#[derive(Debug, Clone, PartialEq)]
pub struct Decoded {
    pub intake: Intake,
    /// The format of the file when it was older than [`FORMAT`].
    pub upgraded_from: Option<u32>,
}

/// What an upgrade from format 0 cannot find in the file.
#[derive(Debug, Clone)]
pub struct Fallback {
    /// The id to give it: the file's name.
    pub id: String,
    /// When the file was last changed.
    pub time: DateTime<FixedOffset>,
}

/// The file's text: a header line, then the record as RON.
pub fn encode(intake: &Intake) -> Result<String, ron::Error> {
    let config = PrettyConfig::new()
        .struct_names(true)
        .indentor("    ".to_string())
        .new_line("\n".to_string());
    let body = ron::ser::to_string_pretty(intake, config)?;
    Ok(format!("{HEADER}{body}\n"))
}

fn options() -> ron::Options {
    ron::Options::default().with_default_extension(Extensions::IMPLICIT_SOME)
}

#[derive(Deserialize)]
#[serde(rename = "Intake")]
struct Version {
    #[serde(default)]
    format: Option<u32>,
    #[serde(default)]
    written_by: String,
}

/// Format 0: a RON case file.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CaseFile {
    #[serde(default)]
    id: Option<String>,
    #[serde(default)]
    person: BTreeMap<String, Saved>,
    #[serde(default)]
    cases: Vec<BTreeMap<String, Saved>>,
}

/// Reads a file's bytes.
pub fn decode(bytes: &[u8], fallback: &Fallback) -> Result<Decoded, Damage> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(Damage::Unreadable(format!(
            "it is too large to be an intake ({} bytes)",
            bytes.len()
        )));
    }
    let text = std::str::from_utf8(bytes)
        .map_err(|_| Damage::Unreadable("it is not a text file".into()))?;
    if text.contains('\0') {
        return Err(Damage::Unreadable("it is not a text file".into()));
    }
    if text.trim().is_empty() {
        return Err(Damage::Unreadable("it is empty".into()));
    }
    let version: Version = options().from_str(text).map_err(Damage::from_ron)?;
    match version.format {
        Some(f) if f == FORMAT => {
            let intake: Intake = options().from_str(text).map_err(Damage::from_ron)?;
            Ok(Decoded {
                intake,
                upgraded_from: None,
            })
        }
        // The same fields but the language (English), the revision (0), the
        // conflict mark (none), further counts (none) and sources (none), which
        // default.
        Some(f @ (1..=4)) => {
            let mut intake: Intake = options().from_str(text).map_err(Damage::from_ron)?;
            intake.format = FORMAT;
            Ok(Decoded {
                intake,
                upgraded_from: Some(f),
            })
        }
        Some(f) if f > FORMAT => Err(Damage::Newer {
            format: f,
            written_by: crate::sanitize::flat(&version.written_by),
        }),
        Some(f) => Err(Damage::Unreadable(format!(
            "intake format {f} does not exist: formats start at 1"
        ))),
        None => {
            let old: CaseFile = options().from_str(text).map_err(|e| match e.code {
                ron::Error::NoSuchStructField { .. }
                | ron::Error::ExpectedDifferentStructName { .. } => Damage::Unreadable(
                    format!(
                        "it has no format version (`format: {FORMAT},` near the top) and is not a case file"
                    ),
                ),
                _ => Damage::from_ron(e),
            })?;
            Ok(Decoded {
                intake: upgrade_case_file(old, fallback),
                upgraded_from: Some(0),
            })
        }
    }
}

fn upgrade_case_file(old: CaseFile, fallback: &Fallback) -> Intake {
    Intake {
        format: FORMAT,
        written_by: String::new(),
        id: fallback.id.clone(),
        name: String::new(),
        language: crate::content::Lang::En,
        number: old
            .id
            .map(|id| crate::sanitize::flat(&id))
            .unwrap_or_else(|| fallback.id.clone()),
        created: fallback.time,
        updated: fallback.time,
        revision: 0,
        conflict_of: String::new(),
        status: Status::Open,
        note: String::new(),
        person: old.person,
        entries: old
            .cases
            .into_iter()
            .map(|facts| Entry {
                facts,
                note: String::new(),
                further_count: false,
                sources: Default::default(),
            })
            .collect(),
    }
}
