//! Where an answer came from: a RAP sheet (and its lines), court papers, the person's
//! memory, or not sure. Written in case files as words a person can read and type:
//! `"rap sheet line 12"`, `"rap sheet lines 12, 14"`, `"court papers"`, `"memory"`,
//! `"not sure"`.

use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// Read from a RAP sheet, at these lines (counted from 1; none when not known).
    RapSheet(Vec<u32>),
    CourtPapers,
    Memory,
    NotSure,
}

impl Source {
    /// The source an entry's answer to "where do your answers come from?" names, by
    /// the choice's value in the content; `None` for a value that names none.
    pub fn of_choice(value: &str) -> Option<Source> {
        match value {
            "rap_sheet" => Some(Source::RapSheet(Vec::new())),
            "court_papers" => Some(Source::CourtPapers),
            "memory" => Some(Source::Memory),
            _ => None,
        }
    }

    /// An answer from here wants a paper to confirm it before it is relied on.
    pub fn wants_confirming(&self) -> bool {
        matches!(self, Source::Memory | Source::NotSure)
    }

    /// Reads a source as case files write it, whatever its case and spacing.
    pub fn parse(text: &str) -> Option<Source> {
        let words: Vec<String> = text
            .split(|c: char| c.is_whitespace() || c == ',')
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        let words: Vec<&str> = words.iter().map(String::as_str).collect();
        match words.as_slice() {
            ["court", "papers"] => Some(Source::CourtPapers),
            ["memory"] => Some(Source::Memory),
            ["not", "sure"] => Some(Source::NotSure),
            ["rap", "sheet"] => Some(Source::RapSheet(Vec::new())),
            ["rap", "sheet", "line" | "lines", numbers @ ..] if !numbers.is_empty() => numbers
                .iter()
                .map(|n| n.parse::<u32>().ok().filter(|n| *n > 0))
                .collect::<Option<Vec<u32>>>()
                .map(Source::RapSheet),
            _ => None,
        }
    }
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            Source::RapSheet(lines) if lines.is_empty() => f.write_str("rap sheet"),
            Source::RapSheet(lines) => {
                let plural = if lines.len() == 1 { "line" } else { "lines" };
                let numbers: Vec<String> = lines.iter().map(u32::to_string).collect();
                write!(f, "rap sheet {plural} {}", numbers.join(", "))
            }
            Source::CourtPapers => f.write_str("court papers"),
            Source::Memory => f.write_str("memory"),
            Source::NotSure => f.write_str("not sure"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Source;

    #[test]
    fn a_source_reads_back_as_it_is_written() {
        for source in [
            Source::RapSheet(vec![12]),
            Source::RapSheet(vec![12, 14]),
            Source::RapSheet(vec![]),
            Source::CourtPapers,
            Source::Memory,
            Source::NotSure,
        ] {
            assert_eq!(Source::parse(&source.to_string()), Some(source.clone()));
        }
        assert_eq!(
            Source::parse("RAP Sheet, lines 3,4"),
            Some(Source::RapSheet(vec![3, 4]))
        );
        for wrong in [
            "rap sheet line",
            "rap sheet line 0",
            "rap sheet line x",
            "papers",
            "",
        ] {
            assert_eq!(Source::parse(wrong), None, "{wrong}");
        }
    }
}
