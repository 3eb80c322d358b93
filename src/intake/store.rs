//! The data folder: one file per intake, named by its id.
//!
//! Every write is [`crate::savefile`]'s: a temporary file in the same folder, flushed
//! to disk and renamed over the old file: a crash or power loss at any moment leaves
//! either the old file or the new one, never a torn one. The folder is owner-only
//! (0700) and every file owner-only (0600).
//!
//! A folder with a clinic key ([`super::clinic_key`]) holds encrypted intakes,
//! `ID.age`, written to the key's public half and read once the passphrase unlocked
//! it; a folder without one holds plain `ID.ron` files. The two are never mixed
//! silently: a plain file among encrypted ones is listed as waiting for
//! `clearpath intake init`, an encrypted one in a plain folder as needing the key.

use std::fs::{self, File};
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};

use age::secrecy::SecretString;
use zeroize::Zeroizing;

use chrono::{DateTime, FixedOffset, Local, NaiveDate};

use super::clinic_key::{ClinicKey, KeyError, Unlocked, Work};
use super::file::{self, Damage, Decoded, Fallback};
use super::record::{Intake, Status, is_valid_id};
use crate::content::{Content, Lang};
use crate::engine::Person;
use crate::engine::input::fold;
use crate::savefile::{self, TEMP_PREFIX, TEMP_SUFFIX, WriteError, sync_dir};

/// The environment variable that names the data folder.
pub const DATA_ENV: &str = "CLEARPATH_DATA";

/// A plain intake file's extension.
const PLAIN: &str = "ron";
/// An encrypted intake file's extension.
const SEALED: &str = "age";

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
    #[error(transparent)]
    Key(#[from] KeyError),
    #[error("the intakes are locked: the clinic's passphrase opens them")]
    Locked,
}

/// One file in the list: an intake, or a damaged file with the reason.
#[derive(Debug, Clone)]
pub struct Listed {
    /// The file's name without its extension: the intake's id.
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

/// The data folder and its intakes. Cheap to clone; clones share the unlocked key,
/// so locking one locks them all.
#[derive(Debug, Clone)]
pub struct Store {
    dir: PathBuf,
    clock: Clock,
    seal: Seal,
}

/// How the folder's intakes are kept.
#[derive(Clone)]
enum Seal {
    /// Plain files: a folder without a clinic key.
    Plain,
    /// Encrypted to the clinic key; the private half is there while unlocked.
    Clinic {
        key: ClinicKey,
        unlocked: Arc<Mutex<Option<Unlocked>>>,
    },
}

impl std::fmt::Debug for Seal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Seal::Plain => f.write_str("Plain"),
            Seal::Clinic { key, .. } => f.debug_tuple("Clinic").field(key).finish(),
        }
    }
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
        let seal = match ClinicKey::load(&dir)? {
            Some(key) => Seal::Clinic {
                key,
                unlocked: Arc::default(),
            },
            None => Seal::Plain,
        };
        let store = Store { dir, clock, seal };
        store.clear_stale_temps();
        Ok(store)
    }

    /// Whether the folder has a clinic key, so its intakes are encrypted.
    pub fn is_encrypted(&self) -> bool {
        matches!(self.seal, Seal::Clinic { .. })
    }

    /// Whether intakes can be read: a plain folder, or an unlocked one.
    pub fn is_unlocked(&self) -> bool {
        match &self.seal {
            Seal::Plain => true,
            Seal::Clinic { unlocked, .. } => unlocked.lock().is_ok_and(|u| u.is_some()),
        }
    }

    /// The clinic key, if the folder has one.
    pub fn key(&self) -> Option<&ClinicKey> {
        match &self.seal {
            Seal::Plain => None,
            Seal::Clinic { key, .. } => Some(key),
        }
    }

    /// Opens the intakes with the clinic's passphrase.
    pub fn unlock(&self, passphrase: &SecretString) -> Result<(), StoreError> {
        let Seal::Clinic { key, unlocked } = &self.seal else {
            return Ok(());
        };
        let opened = key.unlock(passphrase)?;
        *unlocked.lock().unwrap_or_else(|e| e.into_inner()) = Some(opened);
        Ok(())
    }

    /// Forgets the private key (wiping it): the intakes cannot be read until the
    /// passphrase is given again. Saving still works.
    pub fn lock(&self) {
        if let Seal::Clinic { unlocked, .. } = &self.seal {
            *unlocked.lock().unwrap_or_else(|e| e.into_inner()) = None;
        }
    }

    /// Gives the folder a clinic key sealed with `passphrase`, leaving it unlocked. Its
    /// plain intakes are then encrypted with [`Store::encrypt_plain`].
    pub fn init(&mut self, passphrase: &SecretString, work: Work) -> Result<(), StoreError> {
        if let Some(key) = self.key() {
            return Err(KeyError::Exists {
                path: key.path().to_path_buf(),
            }
            .into());
        }
        let (key, opened) = ClinicKey::create(&self.dir, passphrase, work)?;
        key.write_new()?;
        self.seal = Seal::Clinic {
            key,
            unlocked: Arc::new(Mutex::new(Some(opened))),
        };
        Ok(())
    }

    /// Seals the clinic key with a new passphrase. Needs the folder unlocked; no
    /// intake is rewritten.
    pub fn change_passphrase(&mut self, new: &SecretString, work: Work) -> Result<(), StoreError> {
        let Seal::Clinic { key, unlocked } = &mut self.seal else {
            return Err(StoreError::Invalid(
                "this folder has no clinic key: `clearpath intake init` makes one".into(),
            ));
        };
        let guard = unlocked.lock().unwrap_or_else(|e| e.into_inner());
        let opened = guard.as_ref().ok_or(StoreError::Locked)?;
        key.change_passphrase(opened, new, work)?;
        Ok(())
    }

    /// Whether the folder holds any intake file, plain or encrypted, readable or not.
    pub fn holds_intakes(&self) -> Result<bool, StoreError> {
        Ok(!self.intake_files()?.is_empty())
    }

    /// The plain intake files in the folder, by id.
    pub fn plain_ids(&self) -> Result<Vec<String>, StoreError> {
        let mut ids: Vec<String> = self
            .intake_files()?
            .into_iter()
            .filter(|(_, path)| path.extension().is_some_and(|e| e == PLAIN))
            .map(|(id, _)| id)
            .collect();
        ids.sort();
        Ok(ids)
    }

    /// Encrypts every plain intake file to the clinic key: each is written encrypted
    /// (atomically) before its plain file is removed, so a run cut short leaves every
    /// intake readable and can simply be run again. A damaged file is encrypted as it
    /// is, and stays listed as damaged. Returns how many were encrypted.
    pub fn encrypt_plain(&self) -> Result<usize, StoreError> {
        if !self.is_encrypted() {
            return Err(StoreError::Invalid(
                "this folder has no clinic key: `clearpath intake init` makes one".into(),
            ));
        }
        let ids = self.plain_ids()?;
        for id in &ids {
            let plain = self.dir.join(format!("{id}.{PLAIN}"));
            let bytes = Zeroizing::new(fs::read(&plain).map_err(|source| StoreError::Read {
                path: plain.clone(),
                source,
            })?);
            let sealed = self.path_of(id);
            let encrypted = self.sealed_bytes(&bytes, &sealed)?;
            savefile::replace(&sealed, &encrypted).map_err(|source| StoreError::Write {
                path: sealed.clone(),
                source,
            })?;
            fs::remove_file(&plain)
                .and_then(|()| sync_dir(&self.dir))
                .map_err(|e| StoreError::Write {
                    path: plain.clone(),
                    source: e.into(),
                })?;
        }
        Ok(ids.len())
    }

    /// The bytes to write for a file's text: the text itself in a plain folder,
    /// encrypted to the clinic key in an encrypted one.
    fn sealed_bytes(&self, text: &[u8], path: &Path) -> Result<Vec<u8>, StoreError> {
        match &self.seal {
            Seal::Plain => Ok(text.to_vec()),
            Seal::Clinic { key, .. } => {
                age::encrypt(key.recipient(), text).map_err(|e| StoreError::Write {
                    path: path.to_path_buf(),
                    source: io::Error::other(e.to_string()).into(),
                })
            }
        }
    }

    /// The file's text from its bytes: decrypted when it is an encrypted file.
    fn opened_bytes(&self, bytes: Vec<u8>, path: &Path) -> Result<Zeroizing<Vec<u8>>, Damage> {
        let sealed = path.extension().is_some_and(|e| e == SEALED);
        match (&self.seal, sealed) {
            (Seal::Plain, false) => Ok(Zeroizing::new(bytes)),
            (Seal::Plain, true) => Err(Damage::NoKey),
            (Seal::Clinic { .. }, false) => Err(Damage::NotEncrypted),
            (Seal::Clinic { unlocked, .. }, true) => {
                let guard = unlocked.lock().unwrap_or_else(|e| e.into_inner());
                let Some(opened) = guard.as_ref() else {
                    return Err(Damage::Unreadable(
                        "the intakes are locked: the clinic's passphrase opens them".into(),
                    ));
                };
                match age::decrypt(&opened.identity, &bytes) {
                    Ok(text) => Ok(Zeroizing::new(text)),
                    Err(age::DecryptError::NoMatchingKeys) => Err(Damage::OtherClinic),
                    Err(_) => Err(Damage::Unreadable(
                        "its encryption does not check: the file was cut short or changed".into(),
                    )),
                }
            }
        }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The time now, as the store stamps it.
    pub fn now(&self) -> DateTime<FixedOffset> {
        (self.clock)()
    }

    /// Where an intake is saved: `ID.age` in an encrypted folder, `ID.ron` in a plain one.
    fn path_of(&self, id: &str) -> PathBuf {
        let extension = if self.is_encrypted() { SEALED } else { PLAIN };
        self.dir.join(format!("{id}.{extension}"))
    }

    /// Every intake file in the folder, plain or encrypted, with its id.
    fn intake_files(&self) -> Result<Vec<(String, PathBuf)>, StoreError> {
        let read = fs::read_dir(&self.dir).map_err(|source| StoreError::Folder {
            dir: self.dir.clone(),
            source,
        })?;
        Ok(read
            .flatten()
            .filter(|item| {
                item.file_type()
                    .is_ok_and(|t| t.is_file() || t.is_symlink())
            })
            .filter_map(|item| {
                let path = item.path();
                intake_id(&path).map(|id| (id, path))
            })
            .collect())
    }

    /// A new intake, saved at once.
    pub fn create(&self, name: &str, number: &str) -> Result<Intake, StoreError> {
        self.create_in(name, number, Lang::En, None)
    }

    /// Starts a new intake for a client who reads `language`, saved at once, with the
    /// answers given, if any (from a hand-off code).
    pub fn create_in(
        &self,
        name: &str,
        number: &str,
        language: Lang,
        answers: Option<(&Content, &Person)>,
    ) -> Result<Intake, StoreError> {
        let mut intake = Intake::new(name, number, self.now()).map_err(StoreError::Invalid)?;
        intake.language = language;
        if let Some((content, person)) = answers {
            intake.record(content, person);
        }
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
        let text = Zeroizing::new(file::encode(intake).map_err(|e| StoreError::Write {
            path: path.clone(),
            source: io::Error::other(e).into(),
        })?);
        let bytes = Zeroizing::new(self.sealed_bytes(text.as_bytes(), &path)?);
        savefile::replace(&path, &bytes).map_err(|source| StoreError::Write {
            path: path.clone(),
            source,
        })
    }

    /// Every intake file in the folder, newest first; damaged files after them, each
    /// with its reason. One bad file never hides the others.
    /// An encrypted folder must be unlocked first.
    pub fn list(&self) -> Result<Vec<Listed>, StoreError> {
        if !self.is_unlocked() {
            return Err(StoreError::Locked);
        }
        let mut listed: Vec<Listed> = Vec::new();
        for (id, path) in self.intake_files()? {
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
        let text = self.opened_bytes(bytes, path)?;
        let mut decoded = file::decode(&text, &fallback)?;
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
        if !self.is_unlocked() {
            return Err(StoreError::Locked);
        }
        let Some(path) = self.file_of(id) else {
            return Err(StoreError::NotFound(id.to_string()));
        };
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
        let Some(path) = self.file_of(id) else {
            return Err(StoreError::NotFound(id.to_string()));
        };
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

    /// The file an intake is in: where it is saved, else its file of the other kind
    /// (a plain file waiting for `intake init`, or an encrypted one without the key).
    fn file_of(&self, id: &str) -> Option<PathBuf> {
        let saved = self.path_of(id);
        let other = saved.with_extension(if self.is_encrypted() { PLAIN } else { SEALED });
        [saved, other].into_iter().find(|p| p.is_file())
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

/// The id of an intake file (`ID.ron` or `ID.age`), or `None` for any other file.
fn intake_id(path: &Path) -> Option<String> {
    let extension = path.extension()?;
    if extension != PLAIN && extension != SEALED {
        return None;
    }
    let stem = path.file_stem()?.to_str()?;
    is_valid_id(stem).then(|| stem.to_string())
}
