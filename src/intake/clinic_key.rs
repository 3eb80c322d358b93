//! The clinic key: what makes an intake folder useless without the clinic's
//! passphrase.
//!
//! The key is an [age](https://age-encryption.org) X25519 key pair. Intakes are
//! encrypted to its public half, so saving needs no passphrase; its private half is
//! kept in the key file encrypted with the passphrase (age's scrypt recipient), so
//! reading needs it. A second laptop joins by copying the key file into its intake
//! folder: nothing else about the clinic lives anywhere.
//!
//! The key file is text, `clinic.key`:
//!
//! ```text
//! # clearpath clinic key …
//! public: age1…
//! -----BEGIN AGE ENCRYPTED FILE-----
//! (the private key, encrypted with the passphrase)
//! -----END AGE ENCRYPTED FILE-----
//! ```

use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::str::FromStr;

use age::secrecy::{ExposeSecret, SecretString};
use age::x25519;
use zeroize::Zeroizing;

use crate::savefile::{self, WriteError};

/// The key file's name in the intake folder.
pub const KEY_FILE: &str = "clinic.key";

/// The environment variable naming a file that holds the passphrase (for scripts and
/// tests; readable by its owner only). A passphrase is never taken on the command line.
pub const PASSPHRASE_FILE_ENV: &str = "CLEARPATH_PASSPHRASE_FILE";

/// The shortest passphrase accepted for a new key.
pub const MIN_PASSPHRASE_CHARS: usize = 8;

const COMMENT: &str = "# clearpath clinic key. Every laptop of the clinic keeps a copy of this file in its\n\
# intake folder; with the clinic's passphrase it opens the clinic's intakes, without it\n\
# it opens nothing. Keep the passphrase apart from the laptops.\n";

/// A key file is a few hundred bytes; anything much larger is not one.
const MAX_KEY_FILE_BYTES: u64 = 64 * 1024;

#[derive(Debug, thiserror::Error)]
pub enum KeyError {
    #[error("{}: cannot be read: {source}", path.display())]
    Read { path: PathBuf, source: io::Error },
    #[error("{}: this is not a clearpath clinic key ({why})", path.display())]
    NotAKey { path: PathBuf, why: &'static str },
    #[error("{}: cannot be written: {source}", path.display())]
    Write { path: PathBuf, source: WriteError },
    #[error("the passphrase is not the clinic's")]
    WrongPassphrase,
    #[error(
        "{}: the key file was changed: its public key is not the one its passphrase opens",
        path.display()
    )]
    Tampered { path: PathBuf },
    #[error("a passphrase needs at least {MIN_PASSPHRASE_CHARS} characters")]
    TooShort,
    #[error("{}: there is a clinic key here already", path.display())]
    Exists { path: PathBuf },
}

/// The key file as read: the public half in clear, the private half sealed.
#[derive(Clone)]
pub struct ClinicKey {
    path: PathBuf,
    recipient: x25519::Recipient,
    sealed: String,
}

impl std::fmt::Debug for ClinicKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ClinicKey")
            .field("path", &self.path)
            .field("recipient", &self.recipient.to_string())
            .finish_non_exhaustive()
    }
}

/// The private half, once the passphrase opened it. Wiped from memory when dropped
/// (age's X25519 secret zeroizes itself).
pub struct Unlocked {
    pub(crate) identity: x25519::Identity,
}

/// How hard the passphrase is to guess by trying: age's scrypt work factor, as
/// `2^log_n`. [`Work::Default`] takes about a second on the machine that sets it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Work {
    Default,
    LogN(u8),
}

impl ClinicKey {
    /// The key file in `dir`, if there is one.
    pub fn load(dir: &Path) -> Result<Option<ClinicKey>, KeyError> {
        let path = dir.join(KEY_FILE);
        let read = |source| KeyError::Read {
            path: path.clone(),
            source,
        };
        let mut text = String::new();
        match fs::File::open(&path) {
            Ok(f) => f
                .take(MAX_KEY_FILE_BYTES)
                .read_to_string(&mut text)
                .map_err(read)?,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(read(e)),
        };
        ClinicKey::parse(path, &text).map(Some)
    }

    fn parse(path: PathBuf, text: &str) -> Result<ClinicKey, KeyError> {
        let not_a_key = |why| KeyError::NotAKey {
            path: path.clone(),
            why,
        };
        let public = text
            .lines()
            .find_map(|l| l.strip_prefix("public:"))
            .ok_or_else(|| not_a_key("it has no public: line"))?;
        let recipient = x25519::Recipient::from_str(public.trim())
            .map_err(|_| not_a_key("its public key does not read"))?;
        let begin = text
            .find("-----BEGIN AGE ENCRYPTED FILE-----")
            .ok_or_else(|| not_a_key("it holds no sealed private key"))?;
        let sealed = text[begin..].trim_end().to_string() + "\n";
        Ok(ClinicKey {
            path,
            recipient,
            sealed,
        })
    }

    /// A new key pair for a clinic, its private half sealed with `passphrase`; not yet
    /// written (see [`ClinicKey::write_new`]).
    pub fn create(
        dir: &Path,
        passphrase: &SecretString,
        work: Work,
    ) -> Result<(ClinicKey, Unlocked), KeyError> {
        let identity = x25519::Identity::generate();
        let key = ClinicKey::seal(dir.join(KEY_FILE), &identity, passphrase, work)?;
        Ok((key, Unlocked { identity }))
    }

    fn seal(
        path: PathBuf,
        identity: &x25519::Identity,
        passphrase: &SecretString,
        work: Work,
    ) -> Result<ClinicKey, KeyError> {
        if passphrase.expose_secret().chars().count() < MIN_PASSPHRASE_CHARS {
            return Err(KeyError::TooShort);
        }
        let mut lock = age::scrypt::Recipient::new(passphrase.clone());
        if let Work::LogN(n) = work {
            lock.set_work_factor(n);
        }
        let secret = identity.to_string();
        let sealed =
            age::encrypt_and_armor(&lock, secret.expose_secret().as_bytes()).map_err(|e| {
                KeyError::Write {
                    path: path.clone(),
                    source: io::Error::other(e.to_string()).into(),
                }
            })?;
        Ok(ClinicKey {
            path,
            recipient: identity.to_public(),
            sealed,
        })
    }

    /// Writes a new key file; refuses to replace one that is there.
    pub fn write_new(&self) -> Result<(), KeyError> {
        self.write(false)
    }

    fn write(&self, replace: bool) -> Result<(), KeyError> {
        let text = format!("{COMMENT}public: {}\n{}", self.recipient, self.sealed);
        match savefile::write(&self.path, text.as_bytes(), replace) {
            Ok(savefile::Written::Saved(_)) => Ok(()),
            Ok(savefile::Written::Exists(_)) => Err(KeyError::Exists {
                path: self.path.clone(),
            }),
            Err(source) => Err(KeyError::Write {
                path: self.path.clone(),
                source,
            }),
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The public half, which every intake is encrypted to.
    pub fn recipient(&self) -> &x25519::Recipient {
        &self.recipient
    }

    /// Opens the private half with the passphrase.
    pub fn unlock(&self, passphrase: &SecretString) -> Result<Unlocked, KeyError> {
        let lock = age::scrypt::Identity::new(passphrase.clone());
        let secret = Zeroizing::new(
            age::decrypt(&lock, self.sealed.as_bytes()).map_err(|_| KeyError::WrongPassphrase)?,
        );
        let text = std::str::from_utf8(&secret).map_err(|_| KeyError::NotAKey {
            path: self.path.clone(),
            why: "its sealed part is not a key",
        })?;
        let identity = x25519::Identity::from_str(text.trim()).map_err(|_| KeyError::NotAKey {
            path: self.path.clone(),
            why: "its sealed part is not a key",
        })?;
        // A public line swapped for another key would have every new intake
        // encrypted to whoever holds that key.
        if identity.to_public().to_string() != self.recipient.to_string() {
            return Err(KeyError::Tampered {
                path: self.path.clone(),
            });
        }
        Ok(Unlocked { identity })
    }

    /// Seals the same key with a new passphrase and writes the key file over the old
    /// one. The intakes are encrypted to the public half, which does not change, so
    /// none is rewritten.
    pub fn change_passphrase(
        &mut self,
        unlocked: &Unlocked,
        new: &SecretString,
        work: Work,
    ) -> Result<(), KeyError> {
        let next = ClinicKey::seal(self.path.clone(), &unlocked.identity, new, work)?;
        next.write(true)?;
        *self = next;
        Ok(())
    }
}

/// Reads the passphrase from the file [`PASSPHRASE_FILE_ENV`] names, if it is set.
/// The file must be readable by its owner only; its one line is the passphrase.
pub fn passphrase_from_env() -> Option<Result<SecretString, String>> {
    let path = std::env::var_os(PASSPHRASE_FILE_ENV).filter(|p| !p.is_empty())?;
    Some(passphrase_from_file(Path::new(&path)))
}

pub fn passphrase_from_file(path: &Path) -> Result<SecretString, String> {
    let shown = path.display();
    let meta = fs::metadata(path).map_err(|e| format!("{shown}: cannot be read: {e}"))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        if meta.permissions().mode() & 0o077 != 0 {
            return Err(format!(
                "{shown}: others can read it; a passphrase file must be readable by its owner only (chmod 600 {shown})"
            ));
        }
    }
    let _ = meta;
    let text = Zeroizing::new(
        fs::read_to_string(path).map_err(|e| format!("{shown}: cannot be read: {e}"))?,
    );
    let line = text.lines().next().unwrap_or("");
    Ok(SecretString::from(line.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn secret(s: &str) -> SecretString {
        SecretString::from(s.to_string())
    }

    const FAST: Work = Work::LogN(4);

    #[test]
    fn a_key_opens_with_its_passphrase_and_no_other() {
        let dir = tempfile::tempdir().unwrap();
        let (key, _) = ClinicKey::create(dir.path(), &secret("correct horse"), FAST).unwrap();
        key.write_new().unwrap();
        let read = ClinicKey::load(dir.path()).unwrap().unwrap();
        assert_eq!(read.recipient().to_string(), key.recipient().to_string());
        assert!(read.unlock(&secret("correct horse")).is_ok());
        assert!(matches!(
            read.unlock(&secret("correct horsf")),
            Err(KeyError::WrongPassphrase)
        ));
        assert!(matches!(key.write_new(), Err(KeyError::Exists { .. })));
    }

    #[test]
    fn a_short_passphrase_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        assert!(matches!(
            ClinicKey::create(dir.path(), &secret("1234567"), FAST),
            Err(KeyError::TooShort)
        ));
        assert!(ClinicKey::create(dir.path(), &secret("12345678"), FAST).is_ok());
    }

    #[test]
    fn a_swapped_public_key_is_found_on_unlocking() {
        let dir = tempfile::tempdir().unwrap();
        let (key, _) = ClinicKey::create(dir.path(), &secret("correct horse"), FAST).unwrap();
        key.write_new().unwrap();
        let other = x25519::Identity::generate().to_public().to_string();
        let path = dir.path().join(KEY_FILE);
        let text = fs::read_to_string(&path).unwrap();
        let swapped = text.replace(&key.recipient().to_string(), &other);
        assert_ne!(text, swapped);
        fs::write(&path, swapped).unwrap();
        let read = ClinicKey::load(dir.path()).unwrap().unwrap();
        assert!(matches!(
            read.unlock(&secret("correct horse")),
            Err(KeyError::Tampered { .. })
        ));
    }

    #[test]
    fn a_file_that_is_not_a_key_says_what_it_lacks() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join(KEY_FILE), "hello\n").unwrap();
        let e = ClinicKey::load(dir.path()).unwrap_err().to_string();
        assert!(
            e.ends_with("clinic.key: this is not a clearpath clinic key (it has no public: line)"),
            "{e}"
        );
        assert!(ClinicKey::load(&dir.path().join("none")).unwrap().is_none());
    }

    #[test]
    fn a_changed_passphrase_opens_the_same_key() {
        let dir = tempfile::tempdir().unwrap();
        let (mut key, unlocked) =
            ClinicKey::create(dir.path(), &secret("first passphrase"), FAST).unwrap();
        key.write_new().unwrap();
        let public = key.recipient().to_string();
        key.change_passphrase(&unlocked, &secret("second passphrase"), FAST)
            .unwrap();
        let read = ClinicKey::load(dir.path()).unwrap().unwrap();
        assert_eq!(read.recipient().to_string(), public);
        assert!(read.unlock(&secret("second passphrase")).is_ok());
        assert!(read.unlock(&secret("first passphrase")).is_err());
    }

    #[cfg(unix)]
    #[test]
    fn a_passphrase_file_others_can_read_is_refused() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("pass");
        fs::write(&path, "correct horse\nignored\n").unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).unwrap();
        let e = passphrase_from_file(&path).unwrap_err();
        assert!(e.contains("readable by its owner only"), "{e}");
        fs::set_permissions(&path, fs::Permissions::from_mode(0o600)).unwrap();
        let p = passphrase_from_file(&path).unwrap();
        assert_eq!(p.expose_secret(), "correct horse");
    }
}
