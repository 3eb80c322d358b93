//! The data folder: one file per intake, named by its id.
//!
//! Every write is [`crate::savefile`]'s: a temporary file in the same folder, flushed
//! to disk and renamed over the old file: a crash or power loss at any moment leaves
//! either the old file or the new one, never a torn one. The folder is owner-only
//! (0700) and every file owner-only (0600).

use std::fs::{self, File};
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use chrono::{DateTime, FixedOffset, Local, NaiveDate};

use super::file::{self, Damage, Decoded, Fallback};
use super::record::{Intake, Status, is_valid_id};
use crate::content::Lang;
use crate::engine::input::fold;
use crate::savefile::{self, TEMP_PREFIX, TEMP_SUFFIX, WriteError, sync_dir};

/// The environment variable that names the data folder.
pub const DATA_ENV: &str = "CLEARPATH_DATA";

const EXTENSION: &str = "ron";

/// A temporary file older than this was left by a program that was killed mid-save.
const STALE_TEMP: Duration = Duration::from_secs(3600);

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("the data folder {}: {source}", dir.display())]
    Folder { dir: PathBuf, source: io::Error },
    #[error("no data folder: set {DATA_ENV} or use --data-dir")]
    NoFolder,
    #[error("{}: cannot be saved: {source}", path.display())]
    Write { path: PathBuf, source: WriteError },
    #[error("{}: cannot be read: {source}", path.display())]
    Read { path: PathBuf, source: io::Error },
    #[error("{}: {damage}", path.display())]
    Damaged { path: PathBuf, damage: Damage },
    #[error("no intake matches \"{0}\"")]
    NotFound(String),
    #[error("\"{query}\" matches {} intakes: {}; give more of the id", ids.len(), ids.join(", "))]
    Ambiguous { query: String, ids: Vec<String> },
    #[error("{0}")]
    Invalid(String),
}

/// One file in the list: an intake, or a damaged file with the reason.
#[derive(Debug, Clone)]
pub struct Listed {
    /// The file's name without `.ron`: the intake's id.
    pub id: String,
    pub path: PathBuf,
    pub state: Result<Intake, Damage>,
}

impl Listed {
    pub fn intake(&self) -> Option<&Intake> {
        self.state.as_ref().ok()
    }

    /// Whether a search matches: part of a name, number or id (any case), or a date
    /// (`2026-11-25`) on which the intake was created or last saved. An empty search
    /// matches everything; a damaged file matches on its file name.
    pub fn matches(&self, query: &str) -> bool {
        // Names are matched without accents: "maria" finds "María".
        let query = fold(query.trim());
        if query.is_empty() || self.id.to_lowercase().contains(&query) {
            return true;
        }
        let Some(intake) = self.intake() else {
            return false;
        };
        if let Ok(date) = NaiveDate::parse_from_str(&query, "%Y-%m-%d") {
            return intake.created.date_naive() == date || intake.updated.date_naive() == date;
        }
        fold(&intake.name).contains(&query) || fold(&intake.number).contains(&query)
    }
}

/// What a save did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveOutcome {
    /// Written over the file, which was still the one this intake was read from.
    Written,
    /// Another desk saved the file since this intake was read from it. That file is
    /// left as it is; this intake was saved next to it as a new intake marked as a
    /// conflict copy of `of`, and from now on is that copy.
    ConflictCopy { of: String },
}

/// An intake opened from its file.
#[derive(Debug, Clone)]
pub struct Opened {
    pub intake: Intake,
    /// The format it was upgraded from, when the file was older.
    pub upgraded_from: Option<u32>,
}

/// The clock the store stamps intakes with.
pub type Clock = fn() -> DateTime<FixedOffset>;

fn local_now() -> DateTime<FixedOffset> {
    Local::now().fixed_offset()
}

/// The data folder and its intakes. Cheap to clone.
#[derive(Debug, Clone)]
pub struct Store {
    dir: PathBuf,
    clock: Clock,
}

impl Store {
    /// Which folder to use: the flag, else `CLEARPATH_DATA`, else the platform's data
    /// folder (`~/.local/share/clearpath/intakes` on Linux).
    pub fn locate(flag: Option<&Path>) -> Result<PathBuf, StoreError> {
        if let Some(dir) = flag {
            return Ok(dir.to_path_buf());
        }
        if let Some(dir) = std::env::var_os(DATA_ENV).filter(|d| !d.is_empty()) {
            return Ok(PathBuf::from(dir));
        }
        directories::ProjectDirs::from("", "", "clearpath")
            .map(|d| d.data_dir().join("intakes"))
            .ok_or(StoreError::NoFolder)
    }

    /// Opens the folder, creating it owner-only if it is not there, and clears away
    /// temporary files left by a save that was killed.
    pub fn open(dir: impl Into<PathBuf>) -> Result<Store, StoreError> {
        Store::with_clock(dir, local_now)
    }

    /// As [`Store::open`], stamping times from `clock`.
    pub fn with_clock(dir: impl Into<PathBuf>, clock: Clock) -> Result<Store, StoreError> {
        let dir = dir.into();
        let folder = |source| StoreError::Folder {
            dir: dir.clone(),
            source,
        };
        if !dir.is_dir() {
            let mut builder = fs::DirBuilder::new();
            builder.recursive(true);
            #[cfg(unix)]
            std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
            builder.create(&dir).map_err(folder)?;
        }
        let store = Store { dir, clock };
        store.clear_stale_temps();
        Ok(store)
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The time now, as the store stamps it.
    pub fn now(&self) -> DateTime<FixedOffset> {
        (self.clock)()
    }

    fn path_of(&self, id: &str) -> PathBuf {
        self.dir.join(format!("{id}.{EXTENSION}"))
    }

    /// A new intake, saved at once.
    pub fn create(&self, name: &str, number: &str) -> Result<Intake, StoreError> {
        self.create_in(name, number, Lang::En)
    }

    /// Starts a new intake for a client who reads `language`, saved at once.
    pub fn create_in(
        &self,
        name: &str,
        number: &str,
        language: Lang,
    ) -> Result<Intake, StoreError> {
        let mut intake = Intake::new(name, number, self.now()).map_err(StoreError::Invalid)?;
        intake.language = language;
        // The id has 40 random bits; this only guards against a broken random source.
        while self.path_of(&intake.id).exists() {
            intake.id = super::record::new_id(self.now().to_utc());
        }
        self.write(&intake)?;
        Ok(intake)
    }

    /// Saves an intake: stamps it updated and counts the revision, then writes it
    /// atomically, unless another desk saved its file since it was read: then that
    /// file is kept and this one is saved as a conflict copy (see [`SaveOutcome`]).
    /// The intake changes only once it is written, so a failed save can be retried.
    ///
    /// The check and the write are two steps; two desks saving the same intake in
    /// the same millisecond could still pass it together. Answers are given by hand,
    /// so that leaves the check to catch everything people do.
    pub fn save(&self, intake: &mut Intake) -> Result<SaveOutcome, StoreError> {
        let mut next = intake.clone();
        next.updated = self.now();
        next.format = super::record::FORMAT;
        next.written_by = env!("CARGO_PKG_VERSION").into();
        next.revision = intake.revision + 1;
        let path = self.path_of(&intake.id);
        let still_ours = match self.read(&path, &intake.id) {
            Ok(on_disk) => {
                on_disk.intake.revision == intake.revision
                    && on_disk.intake.updated == intake.updated
            }
            // Deleted meanwhile (or the folder is gone): written back, nothing is lost.
            Err(_) if fs::symlink_metadata(&path).is_err() => true,
            // Damaged or unreadable: not ours to overwrite.
            Err(_) => false,
        };
        if still_ours {
            self.write(&next)?;
            *intake = next;
            return Ok(SaveOutcome::Written);
        }
        let of = intake.id.clone();
        next.conflict_of = of.clone();
        next.id = super::record::new_id(next.updated.to_utc());
        while self.path_of(&next.id).exists() {
            next.id = super::record::new_id(self.now().to_utc());
        }
        self.write(&next)?;
        *intake = next;
        Ok(SaveOutcome::ConflictCopy { of })
    }

    fn write(&self, intake: &Intake) -> Result<(), StoreError> {
        if !is_valid_id(&intake.id) {
            return Err(StoreError::Invalid(format!(
                "\"{}\" cannot be an intake id",
                crate::sanitize::flat(&intake.id)
            )));
        }
        let path = self.path_of(&intake.id);
        let text = file::encode(intake).map_err(|e| StoreError::Write {
            path: path.clone(),
            source: io::Error::other(e).into(),
        })?;
        savefile::replace(&path, text.as_bytes()).map_err(|source| StoreError::Write {
            path: path.clone(),
            source,
        })
    }

    /// Every intake file in the folder, newest first; damaged files after them, each
    /// with its reason. One bad file never hides the others.
    pub fn list(&self) -> Result<Vec<Listed>, StoreError> {
        let read = fs::read_dir(&self.dir).map_err(|source| StoreError::Folder {
            dir: self.dir.clone(),
            source,
        })?;
        let mut listed: Vec<Listed> = Vec::new();
        for item in read.flatten() {
            let path = item.path();
            let Some(id) = intake_id(&path) else { continue };
            if !item
                .file_type()
                .is_ok_and(|t| t.is_file() || t.is_symlink())
            {
                continue;
            }
            let state = self.read(&path, &id).map(|d| d.intake);
            if state.is_err() && !path.exists() {
                // Deleted (or moved away) while the list was being read.
                continue;
            }
            listed.push(Listed { id, path, state });
        }
        listed.sort_by(|a, b| match (&a.state, &b.state) {
            (Ok(x), Ok(y)) => y.updated.cmp(&x.updated).then_with(|| a.id.cmp(&b.id)),
            (Ok(_), Err(_)) => std::cmp::Ordering::Less,
            (Err(_), Ok(_)) => std::cmp::Ordering::Greater,
            (Err(_), Err(_)) => a.id.cmp(&b.id),
        });
        Ok(listed)
    }

    fn read(&self, path: &Path, id: &str) -> Result<Decoded, Damage> {
        let unreadable = |e: io::Error| Damage::Unreadable(format!("it cannot be read: {e}"));
        let mut bytes = Vec::new();
        File::open(path)
            .and_then(|f| {
                f.take(file::MAX_FILE_BYTES as u64 + 1)
                    .read_to_end(&mut bytes)
            })
            .map_err(unreadable)?;
        let time = fs::metadata(path)
            .and_then(|m| m.modified())
            .ok()
            .map(|t| DateTime::<Local>::from(t).fixed_offset())
            .unwrap_or_else(|| self.now());
        let fallback = Fallback {
            id: id.to_string(),
            time,
        };
        let mut decoded = file::decode(&bytes, &fallback)?;
        // The file's name is its address: a copied or renamed file is saved back to
        // where it was found.
        decoded.intake.id = id.to_string();
        Ok(decoded)
    }

    /// Opens one intake by its id.
    pub fn open_intake(&self, id: &str) -> Result<Opened, StoreError> {
        if !is_valid_id(id) {
            return Err(StoreError::NotFound(crate::sanitize::flat(id)));
        }
        let path = self.path_of(id);
        if !path.is_file() {
            return Err(StoreError::NotFound(id.to_string()));
        }
        self.read(&path, id)
            .map(|d| Opened {
                intake: d.intake,
                upgraded_from: d.upgraded_from,
            })
            .map_err(|damage| StoreError::Damaged { path, damage })
    }

    /// Finds the one intake a person means: an id, the start of one, or an exact
    /// intake number or name.
    pub fn resolve(&self, query: &str) -> Result<String, StoreError> {
        let query = query.trim();
        if query.is_empty() {
            return Err(StoreError::NotFound(String::new()));
        }
        let listed = self.list()?;
        if listed.iter().any(|l| l.id == query) {
            return Ok(query.to_string());
        }
        let mut ids: Vec<String> = listed
            .iter()
            .filter(|l| l.id.starts_with(query))
            .map(|l| l.id.clone())
            .collect();
        if ids.is_empty() {
            ids = listed
                .iter()
                .filter(|l| {
                    l.intake().is_some_and(|i| {
                        i.number.trim().eq_ignore_ascii_case(query)
                            || i.name.trim().to_lowercase() == query.to_lowercase()
                    })
                })
                .map(|l| l.id.clone())
                .collect();
        }
        match ids.len() {
            0 => Err(StoreError::NotFound(crate::sanitize::flat(query))),
            1 => Ok(ids.remove(0)),
            _ => Err(StoreError::Ambiguous {
                query: crate::sanitize::flat(query),
                ids,
            }),
        }
    }

    /// The intakes a search matches; see [`Listed::matches`].
    pub fn search(&self, query: &str) -> Result<Vec<Listed>, StoreError> {
        Ok(self
            .list()?
            .into_iter()
            .filter(|l| l.matches(query))
            .collect())
    }

    /// Marks an intake done, or open again.
    pub fn set_status(&self, id: &str, status: Status) -> Result<Intake, StoreError> {
        let mut intake = self.open_intake(id)?.intake;
        intake.status = status;
        self.save(&mut intake)?;
        Ok(intake)
    }

    /// Deletes an intake's file, damaged or not. Asking first is the caller's job.
    pub fn delete(&self, id: &str) -> Result<(), StoreError> {
        if !is_valid_id(id) {
            return Err(StoreError::NotFound(crate::sanitize::flat(id)));
        }
        let path = self.path_of(id);
        match fs::remove_file(&path) {
            Ok(()) => sync_dir(&self.dir).map_err(|e| StoreError::Write {
                path,
                source: e.into(),
            }),
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                Err(StoreError::NotFound(id.to_string()))
            }
            Err(e) => Err(StoreError::Write {
                path,
                source: e.into(),
            }),
        }
    }

    fn clear_stale_temps(&self) {
        let Ok(read) = fs::read_dir(&self.dir) else {
            return;
        };
        let now = SystemTime::now();
        for item in read.flatten() {
            let name = item.file_name();
            let name = name.to_string_lossy();
            if !(name.starts_with(TEMP_PREFIX) && name.ends_with(TEMP_SUFFIX)) {
                continue;
            }
            let old = item
                .metadata()
                .and_then(|m| m.modified())
                .is_ok_and(|t| now.duration_since(t).is_ok_and(|age| age > STALE_TEMP));
            if old {
                let _ = fs::remove_file(item.path());
            }
        }
    }
}

/// The id of an intake file (`ID.ron`), or `None` for any other file.
fn intake_id(path: &Path) -> Option<String> {
    if path.extension()? != EXTENSION {
        return None;
    }
    let stem = path.file_stem()?.to_str()?;
    is_valid_id(stem).then(|| stem.to_string())
}
