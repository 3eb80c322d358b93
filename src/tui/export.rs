//! Saving the results to a file the person named. Nothing else in the interface
//! touches the disk. A file is never replaced unless the person said so, and the file
//! is readable by its owner only: it holds their record. The writing itself is
//! [`crate::savefile`]'s.

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
