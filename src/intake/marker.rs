//! "Open at a desk" markers: `ID.open` next to an intake's file while a desk has it
//! open, saying which program on which computer, so that a second desk opening it is
//! warned. The marker is removed when the desk closes the intake. A marker left by a
//! program that died does not warn: on the same computer the program is looked for,
//! and a marker from another computer counts only for [`STALE`] after it was written.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// A marker from another computer older than this was left by a desk that is gone.
pub const STALE: Duration = Duration::from_secs(12 * 3600);

/// Who holds an intake open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Holder {
    pub pid: u32,
    pub host: String,
    /// When it was opened there, as `HH:MM` in the clinic's time.
    pub since: String,
    /// Tells two desks in one program apart.
    token: String,
}

/// This desk's marker on one intake: removed when dropped, if still its own.
#[derive(Debug)]
pub struct Marker {
    path: PathBuf,
    token: String,
}

fn host() -> String {
    fs::read_to_string("/proc/sys/kernel/hostname")
        .or_else(|_| fs::read_to_string("/etc/hostname"))
        .map(|h| crate::sanitize::flat(h.trim()))
        .ok()
        .filter(|h| !h.is_empty())
        .unwrap_or_else(|| "this computer".into())
}

fn path_of(dir: &Path, id: &str) -> PathBuf {
    dir.join(format!("{id}.open"))
}

fn read(path: &Path) -> Option<Holder> {
    let text = fs::read_to_string(path).ok()?;
    let mut parts = text.trim().splitn(4, ' ');
    let pid = parts.next()?.parse().ok()?;
    let token = parts.next()?.to_string();
    let since = parts.next()?.to_string();
    let host = crate::sanitize::flat(parts.next()?);
    Some(Holder {
        pid,
        host,
        since,
        token,
    })
}

/// Whether the desk that wrote a marker may still be running.
fn alive(holder: &Holder, path: &Path) -> bool {
    let proc = Path::new("/proc");
    if holder.host == host() && proc.is_dir() {
        return proc.join(holder.pid.to_string()).exists();
    }
    fs::metadata(path)
        .and_then(|m| m.modified())
        .is_ok_and(|t| SystemTime::now().duration_since(t).unwrap_or_default() < STALE)
}

impl Marker {
    /// Marks intake `id` in `dir` open at this desk. Returns the marker (none when
    /// the folder cannot be written: the save will say so) and the other desk that
    /// holds it open, if one does.
    pub fn take(dir: &Path, id: &str, now: &str) -> (Option<Marker>, Option<Holder>) {
        let path = path_of(dir, id);
        let other = read(&path).filter(|h| alive(h, &path));
        let token = super::record::new_id(chrono::Utc::now());
        let line = format!("{} {token} {now} {}\n", std::process::id(), host());
        let marker = crate::savefile::replace(&path, line.as_bytes())
            .ok()
            .map(|()| Marker { path, token });
        (marker, other)
    }
}

impl Drop for Marker {
    fn drop(&mut self) {
        // Another desk may have opened the intake since; its marker stays.
        if read(&self.path).is_some_and(|h| h.token == self.token) {
            let _ = fs::remove_file(&self.path);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_desk_is_warned_and_the_marker_goes_when_both_close() {
        let dir = tempfile::tempdir().unwrap();
        let (first, none) = Marker::take(dir.path(), "a", "09:00");
        assert!(first.is_some() && none.is_none());
        let (second, held) = Marker::take(dir.path(), "a", "09:05");
        let held = held.expect("the first desk holds it");
        assert_eq!(held.pid, std::process::id());
        assert_eq!(held.since, "09:00");
        drop(first);
        assert!(path_of(dir.path(), "a").exists(), "the second desk's stays");
        drop(second);
        assert!(!path_of(dir.path(), "a").exists());
    }

    #[test]
    fn a_marker_from_a_program_that_died_does_not_warn() {
        let dir = tempfile::tempdir().unwrap();
        // No process has this id (above the kernel's largest).
        let line = format!("4194305 x 09:00 {}\n", host());
        fs::write(path_of(dir.path(), "a"), line).unwrap();
        let (_, held) = Marker::take(dir.path(), "a", "10:00");
        assert_eq!(held, None);
    }
}
