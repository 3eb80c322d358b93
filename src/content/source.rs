//! Where content comes from (built into the binary, or a folder), and problems that
//! point at a file, line and column.

use std::fmt;
use std::path::{Path, PathBuf};

/// The content files, in the order they are loaded.
pub const FILES: [&str; 8] = [
    "meta.ron",
    "interview.ron",
    "remedies.ron",
    "caveats.ron",
    "guidance.ron",
    "conditions.ron",
    "sections.ron",
    "counties.ron",
];

/// Files a content folder may leave out, and what they read as then.
const OPTIONAL: [(&str, &str); 3] = [
    ("conditions.ron", "{}"),
    ("sections.ron", "(lists: [], sections: [])"),
    ("counties.ron", "(counties: [])"),
];

const BUILT_IN: [&str; 8] = [
    include_str!("../../questions/meta.ron"),
    include_str!("../../questions/interview.ron"),
    include_str!("../../questions/remedies.ron"),
    include_str!("../../questions/caveats.ron"),
    include_str!("../../questions/guidance.ron"),
    include_str!("../../questions/conditions.ron"),
    include_str!("../../questions/sections.ron"),
    include_str!("../../questions/counties.ron"),
];

#[derive(Debug, Clone)]
pub struct SourceFile {
    /// How the file is named in messages, e.g. `questions/remedies.ron`.
    pub path: String,
    pub text: String,
}

/// The text of every content file.
#[derive(Debug, Clone)]
pub struct Sources {
    pub files: Vec<SourceFile>,
}

/// Index of a file in [`Sources::files`] (and in [`FILES`]).
pub type FileId = usize;

impl Sources {
    pub fn built_in() -> Self {
        Sources {
            files: FILES
                .iter()
                .zip(BUILT_IN)
                .map(|(name, text)| SourceFile {
                    path: format!("questions/{name}"),
                    text: text.to_string(),
                })
                .collect(),
        }
    }

    /// Reads every content file from `dir`. A file that cannot be read is a problem
    /// of its own, reported with the others.
    pub fn from_dir(dir: &Path) -> Result<Self, Vec<Problem>> {
        let mut files = Vec::new();
        let mut problems = Vec::new();
        for name in FILES {
            let path: PathBuf = dir.join(name);
            let shown = path.display().to_string();
            if let Some((_, empty)) = OPTIONAL.iter().find(|(n, _)| *n == name)
                && !path.exists()
            {
                files.push(SourceFile {
                    path: shown,
                    text: empty.to_string(),
                });
                continue;
            }
            match std::fs::read(&path) {
                Ok(bytes) => match String::from_utf8(bytes) {
                    Ok(text) => files.push(SourceFile { path: shown, text }),
                    Err(_) => problems.push(Problem::file(shown, "is not UTF-8 text")),
                },
                Err(e) => problems.push(Problem::file(shown, format!("cannot be read: {e}"))),
            }
        }
        if problems.is_empty() {
            Ok(Sources { files })
        } else {
            Err(problems)
        }
    }

    pub fn text(&self, file: FileId) -> &str {
        &self.files[file].text
    }

    /// A problem at a byte offset of a file.
    pub fn problem_at(&self, file: FileId, offset: usize, message: impl Into<String>) -> Problem {
        let text = self.text(file);
        let offset = offset.min(text.len());
        let before = &text[..offset];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let col = text[line_start..offset].chars().count() + 1;
        Problem {
            path: self.files[file].path.clone(),
            line: Some((line, col)),
            message: message.into(),
            source_line: text[line_start..].lines().next().map(str::to_string),
        }
    }

    /// A problem at a line and column as a parser reports them (1-based).
    pub fn problem_at_line(
        &self,
        file: FileId,
        line: usize,
        col: usize,
        message: impl Into<String>,
    ) -> Problem {
        let text = self.text(file);
        Problem {
            path: self.files[file].path.clone(),
            line: Some((line.max(1), col.max(1))),
            message: message.into(),
            source_line: text.lines().nth(line.saturating_sub(1)).map(str::to_string),
        }
    }
}

/// One thing wrong with the content, pointing where it is. Shown as the headline, then
/// the line with a caret under the place.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.render())]
pub struct Problem {
    pub path: String,
    /// Line and column, 1-based, where known.
    pub line: Option<(usize, usize)>,
    pub message: String,
    pub source_line: Option<String>,
}

impl Problem {
    pub fn file(path: String, message: impl Into<String>) -> Self {
        Problem {
            path,
            line: None,
            message: message.into(),
            source_line: None,
        }
    }

    /// `path:line:col: message`, the first line of the report.
    pub fn headline(&self) -> String {
        match self.line {
            Some((l, c)) => format!("{}:{l}:{c}: {}", self.path, self.message),
            None => format!("{}: {}", self.path, self.message),
        }
    }
}

impl Problem {
    fn render(&self) -> Rendered<'_> {
        Rendered(self)
    }
}

struct Rendered<'p>(&'p Problem);

impl fmt::Display for Rendered<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let problem = self.0;
        writeln!(f, "{}", problem.headline())?;
        if let (Some((line, col)), Some(src)) = (problem.line, &problem.source_line) {
            let gutter = line.to_string().len();
            writeln!(f, "{:>gutter$} | {src}", line)?;
            let pad: String = src
                .chars()
                .take(col - 1)
                .map(|c| if c == '\t' { '\t' } else { ' ' })
                .collect();
            writeln!(f, "{:>gutter$} | {pad}^", "")?;
        }
        Ok(())
    }
}
