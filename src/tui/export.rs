//! Saving results or a printout to a file a person named, from the interview, plain
//! mode or the desk: where a typed path points, and the format's extension. A file is
//! never replaced unless the person said so, and it is readable by its owner only: it
//! holds their record. The writing itself is [`crate::savefile`]'s; the desk's own
//! intake files are the store's ([`crate::intake::store`]).

use std::path::{Path, PathBuf};

use crate::report::Format;

/// Swaps a path's extension for the format's, when the path still ends in one of ours
/// (the person may have chosen a name of their own, which is kept).
pub fn with_extension(path: &str, format: Format) -> String {
    for f in Format::PRINTABLE {
        if let Some(stem) = path.strip_suffix(&format!(".{}", f.extension())) {
            return format!("{stem}.{}", format.extension());
        }
    }
    path.to_string()
}

/// Where a typed path points: `~/` is the home folder; relative paths are from the
/// folder clearpath was started in.
pub fn resolve(typed: &str) -> PathBuf {
    let typed = typed.trim();
    let path = match typed.strip_prefix("~/") {
        Some(rest) => std::env::var_os("HOME")
            .map(|home| PathBuf::from(home).join(rest))
            .unwrap_or_else(|| PathBuf::from(typed)),
        None => PathBuf::from(typed),
    };
    std::path::absolute(&path).unwrap_or(path)
}

pub use crate::savefile::{WriteError, Written};

/// Writes `text` to `path`: see [`crate::savefile::write`]. A folder, or a place that
/// cannot be written, is refused before [`Written::Exists`] would ask to replace.
pub fn write(path: &Path, text: &str, replace: bool) -> Result<Written, WriteError> {
    crate::savefile::write(path, text.as_bytes(), replace)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn swaps_only_our_extensions() {
        assert_eq!(with_extension("a.txt", Format::Html), "a.html");
        assert_eq!(with_extension("notes.doc", Format::Html), "notes.doc");
    }
}
