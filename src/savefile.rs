//! The one way clearpath writes a file: results, printouts, the tally, intake files.
//!
//! A new temporary file is made in the target's own folder, owner-only (0600), written
//! and flushed to disk, then renamed over the target, and the folder is flushed too. So
//! a crash leaves the old file or the new one, never a torn one; a symbolic link at the
//! target is replaced by the file, never followed (whatever it pointed to is left
//! alone); and the file is readable by its owner only even when it replaces one that
//! was not. A folder at the target, a folder that is not there, or one that cannot be
//! written in is refused by [`check`] before anyone is asked whether to replace a file.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Temporary files start with this; a folder's stale ones can be recognised by it.
pub const TEMP_PREFIX: &str = ".saving-";
pub const TEMP_SUFFIX: &str = ".tmp";

#[derive(Debug)]
pub enum Written {
    Saved(PathBuf),
    /// Something is already at the path and `replace` was false: nothing was written.
    Exists(PathBuf),
}

/// Why a file cannot be written there. Each says what to do differently.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error("it is a folder; give a file name")]
    IsFolder,
    #[error("the folder {} does not exist", .0.display())]
    NoFolder(PathBuf),
    #[error("{} is a file, not a folder", .0.display())]
    NotAFolder(PathBuf),
    #[error("the folder {} cannot be written in: {source}", dir.display())]
    Unwritable { dir: PathBuf, source: io::Error },
    #[error(transparent)]
    Io(#[from] io::Error),
}

/// The folder a path's file goes in: its parent, or the current folder.
fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// Whether a file could be written at `path`, without writing it: `Ok(true)` when
/// something (a file or a link) is there already and writing would replace it.
pub fn check(path: &Path) -> Result<bool, WriteError> {
    let there = match fs::symlink_metadata(path) {
        Ok(meta) if meta.is_dir() => return Err(WriteError::IsFolder),
        Ok(_) => true,
        Err(e) if e.kind() == io::ErrorKind::NotFound => false,
        Err(e) if e.kind() == io::ErrorKind::NotADirectory => {
            return Err(not_a_folder(path));
        }
        Err(e) => return Err(e.into()),
    };
    let dir = folder_of(path);
    match fs::metadata(dir) {
        Ok(meta) if meta.is_dir() => {}
        Ok(_) => return Err(WriteError::NotAFolder(dir.to_path_buf())),
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            return Err(WriteError::NoFolder(dir.to_path_buf()));
        }
        Err(e) if e.kind() == io::ErrorKind::NotADirectory => return Err(not_a_folder(dir)),
        Err(e) => return Err(e.into()),
    }
    // Permission bits do not tell (root ignores them, a read-only disk ignores them):
    // making a file there does.
    temp_in(dir).map_err(|source| WriteError::Unwritable {
        dir: dir.to_path_buf(),
        source,
    })?;
    Ok(there)
}

/// The first folder up `path` that is really a file.
fn not_a_folder(path: &Path) -> WriteError {
    let file = path
        .ancestors()
        .skip(1)
        .find(|a| fs::symlink_metadata(a).is_ok_and(|m| !m.is_dir()))
        .unwrap_or(path);
    WriteError::NotAFolder(file.to_path_buf())
}

fn temp_in(dir: &Path) -> io::Result<tempfile::NamedTempFile> {
    let mut builder = tempfile::Builder::new();
    builder.prefix(TEMP_PREFIX).suffix(TEMP_SUFFIX);
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o600));
    builder.tempfile_in(dir)
}

/// Writes `bytes` at `path`. When something is there and `replace` is false, nothing
/// is written and the answer is [`Written::Exists`]; the check and the rename are one
/// step, so a file that appears meanwhile is not replaced either.
pub fn write(path: &Path, bytes: &[u8], replace: bool) -> Result<Written, WriteError> {
    let there = check(path)?;
    if there && !replace {
        return Ok(Written::Exists(path.to_path_buf()));
    }
    let dir = folder_of(path);
    let mut temp = temp_in(dir).map_err(|source| WriteError::Unwritable {
        dir: dir.to_path_buf(),
        source,
    })?;
    temp.write_all(bytes)?;
    temp.as_file().sync_all()?;
    let persisted = if replace {
        temp.persist(path)
    } else {
        temp.persist_noclobber(path)
    };
    match persisted {
        Ok(_) => {}
        Err(e) if !replace && e.error.kind() == io::ErrorKind::AlreadyExists => {
            return Ok(Written::Exists(path.to_path_buf()));
        }
        Err(e) if e.error.kind() == io::ErrorKind::IsADirectory => {
            return Err(WriteError::IsFolder);
        }
        Err(e) => return Err(e.error.into()),
    }
    sync_dir(dir)?;
    Ok(Written::Saved(path.to_path_buf()))
}

/// Writes `bytes` at `path`, replacing whatever file or link is there.
pub fn replace(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    write(path, bytes, true).map(|_| ())
}

/// Flushes a folder's list of names to disk, so a rename or removal survives a crash.
pub fn sync_dir(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    File::open(dir)?.sync_all()?;
    #[cfg(not(unix))]
    let _ = (dir, File::open);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mode(path: &Path) -> u32 {
        use std::os::unix::fs::PermissionsExt;
        fs::symlink_metadata(path).unwrap().permissions().mode() & 0o777
    }

    #[test]
    fn a_new_file_is_written_owner_only() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("r.txt");
        assert!(matches!(
            write(&path, b"one", false).unwrap(),
            Written::Saved(_)
        ));
        assert_eq!(fs::read_to_string(&path).unwrap(), "one");
        assert_eq!(mode(&path), 0o600);
        // Nothing but the file is left in the folder.
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_file_is_replaced_only_when_asked_and_becomes_owner_only() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("r.txt");
        fs::write(&path, "old").unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).unwrap();
        assert!(matches!(
            write(&path, b"new", false).unwrap(),
            Written::Exists(_)
        ));
        assert_eq!(fs::read_to_string(&path).unwrap(), "old");
        assert!(matches!(
            write(&path, b"new", true).unwrap(),
            Written::Saved(_)
        ));
        assert_eq!(fs::read_to_string(&path).unwrap(), "new");
        assert_eq!(mode(&path), 0o600);
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_link_at_the_target_is_replaced_not_followed() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let elsewhere = dir.path().join("someone-elses.txt");
        fs::write(&elsewhere, "precious").unwrap();
        fs::set_permissions(&elsewhere, fs::Permissions::from_mode(0o644)).unwrap();
        let path = dir.path().join("r.txt");
        std::os::unix::fs::symlink(&elsewhere, &path).unwrap();
        // A link is something there: asked first.
        assert!(matches!(
            write(&path, b"record", false).unwrap(),
            Written::Exists(_)
        ));
        write(&path, b"record", true).unwrap();
        assert_eq!(fs::read_to_string(&elsewhere).unwrap(), "precious");
        assert_eq!(mode(&elsewhere), 0o644);
        let meta = fs::symlink_metadata(&path).unwrap();
        assert!(meta.file_type().is_file(), "the link became a regular file");
        assert_eq!(mode(&path), 0o600);
        assert_eq!(fs::read_to_string(&path).unwrap(), "record");
    }

    #[test]
    fn a_dangling_link_is_replaced_without_creating_its_target() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("nowhere.txt");
        let path = dir.path().join("r.txt");
        std::os::unix::fs::symlink(&target, &path).unwrap();
        write(&path, b"record", true).unwrap();
        assert!(!target.exists());
        assert!(fs::symlink_metadata(&path).unwrap().is_file());
    }

    #[test]
    fn a_folder_at_the_target_is_refused_before_asking() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub");
        fs::create_dir(&path).unwrap();
        assert!(matches!(check(&path), Err(WriteError::IsFolder)));
        assert!(matches!(
            write(&path, b"x", false),
            Err(WriteError::IsFolder)
        ));
        assert!(matches!(
            write(&path, b"x", true),
            Err(WriteError::IsFolder)
        ));
        assert!(path.is_dir());
        assert_eq!(fs::read_dir(&path).unwrap().count(), 0);
    }

    #[test]
    fn a_folder_that_is_a_file_or_missing_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("plain");
        fs::write(&file, "x").unwrap();
        let err = write(&file.join("r.txt"), b"x", false).unwrap_err();
        assert!(
            matches!(&err, WriteError::NotAFolder(p) if *p == file),
            "{err:?}"
        );
        assert!(err.to_string().contains("is a file, not a folder"));
        let missing = dir.path().join("gone");
        let err = write(&missing.join("r.txt"), b"x", false).unwrap_err();
        assert!(
            matches!(&err, WriteError::NoFolder(p) if *p == missing),
            "{err:?}"
        );
        assert!(!missing.exists());
    }

    #[test]
    fn a_folder_without_write_permission_is_refused() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let locked = dir.path().join("locked");
        fs::create_dir(&locked).unwrap();
        fs::set_permissions(&locked, fs::Permissions::from_mode(0o500)).unwrap();
        if fs::write(locked.join("probe"), "x").is_ok() {
            // Running as root, which permission bits do not stop: the folder-is-a-file
            // case above covers the refusal.
            eprintln!("skipped: permission bits do not apply to this user (root)");
            return;
        }
        let err = write(&locked.join("r.txt"), b"x", false).unwrap_err();
        assert!(matches!(err, WriteError::Unwritable { .. }), "{err:?}");
    }
}
