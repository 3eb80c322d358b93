//! Saving the results to a file the person named. Nothing else in the interface
//! touches the disk. A file is never replaced unless the person said so, and a new one
//! is readable by its owner only: it holds their record.

use std::fs::OpenOptions;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::content::Content;
use crate::engine::Person;
use crate::engine::screen::Screening;
use crate::report;

use crate::strings::Strings;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
    Html,
}

impl Format {
    pub const ALL: [Format; 3] = [Format::Text, Format::Markdown, Format::Html];

    pub fn extension(self) -> &'static str {
        match self {
            Format::Text => "txt",
            Format::Markdown => "md",
            Format::Html => "html",
        }
    }

    pub fn label(self, words: &Strings) -> &str {
        match self {
            Format::Text => &words.tui_format_text,
            Format::Markdown => &words.tui_format_markdown,
            Format::Html => &words.tui_format_html,
        }
    }

    pub fn render(self, content: &Content, person: &Person, screening: &Screening) -> String {
        match self {
            Format::Text => report::text::render(content, person, screening),
            Format::Markdown => report::markdown::render(content, person, screening),
            Format::Html => report::html::render(content, person, screening),
        }
    }
}

/// Swaps a path's extension for the format's, when the path still ends in one of ours
/// (the person may have chosen a name of their own, which is kept).
pub fn with_extension(path: &str, format: Format) -> String {
    for f in Format::ALL {
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

#[derive(Debug)]
pub enum Written {
    Saved(PathBuf),
    /// The file is there and `replace` was false.
    Exists(PathBuf),
}

/// Writes `text` to `path`. Creating and checking for an existing file are one step
/// (`create_new`), so a file that appears meanwhile is not replaced either.
pub fn write(path: &Path, text: &str, replace: bool) -> io::Result<Written> {
    let mut options = OpenOptions::new();
    options.write(true);
    if replace {
        options.create(true).truncate(true);
    } else {
        options.create_new(true);
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    match options.open(path) {
        Ok(mut file) => {
            file.write_all(text.as_bytes())?;
            file.sync_all()?;
            Ok(Written::Saved(path.to_path_buf()))
        }
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
            Ok(Written::Exists(path.to_path_buf()))
        }
        Err(e) => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn swaps_only_our_extensions() {
        assert_eq!(with_extension("a.txt", Format::Html), "a.html");
        assert_eq!(with_extension("notes.doc", Format::Html), "notes.doc");
    }

    #[test]
    fn never_replaces_without_asking() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("r.txt");
        assert!(matches!(
            write(&path, "one", false).unwrap(),
            Written::Saved(_)
        ));
        assert!(matches!(
            write(&path, "two", false).unwrap(),
            Written::Exists(_)
        ));
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "one");
        assert!(matches!(
            write(&path, "two", true).unwrap(),
            Written::Saved(_)
        ));
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "two");
    }

    #[cfg(unix)]
    #[test]
    fn new_files_are_private() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("r.txt");
        write(&path, "x", false).unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
}
