//! A count's charge (rapsheet.md §7): the code section and code a charge line or a
//! `CHRG` comment names, put code first as clearpath writes sections (`496(A) PC` is
//! `PC 496(A)`). A section that does not read cleanly is left unread, never repaired.

/// The codes a RAP sheet writes after a section, and `CP`, DOJ's own misspelling of PC.
const CODES: [&str; 22] = [
    "PC", "HS", "VC", "BP", "WI", "GC", "FG", "PR", "LC", "IC", "RT", "SH", "UI", "EC", "CC", "CI",
    "FA", "FC", "HN", "MV", "US", "CP",
];

/// What a charge line says of its section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Charge {
    /// Code first, as typed into the interview: `PC 496(A)`, `PC 664/487(A)`.
    Section(String),
    /// A section is there but does not read cleanly (`49O.2 PC`).
    Unreadable,
    /// `SEE COMMENT FOR CHARGE`: the section is in a `CHRG` comment.
    SeeComment,
    /// No section at all (`TRAFFIC VIOLATION`).
    None,
    /// A federal count (`US` after a title number): not a California case.
    Federal,
}

/// Reads a charge line: `496(A) PC-RECEIVE/ETC KNOWN STOLEN PROPERTY`,
/// `11350 (A) HS - POSSESS`, `.496. PC-…`, `490,2 PC PETTY THEFT`.
pub fn read(line: &str) -> Charge {
    if line.contains("SEE COMMENT FOR CHARGE") {
        return Charge::SeeComment;
    }
    let words: Vec<&str> = line.split_whitespace().collect();
    let Some(at) = words.iter().position(|w| names_code(w)) else {
        return Charge::None;
    };
    if words[at].starts_with("US") {
        return Charge::Federal;
    }
    let section: String = words[..at].concat();
    let section = section.trim_matches(['.', ',', '\'']);
    if at == 0 || !section.starts_with(|c: char| c.is_ascii_digit()) {
        return Charge::None;
    }
    if !reads_cleanly(section) {
        return Charge::Unreadable;
    }
    let code = match &words[at][..2] {
        "CP" => "PC",
        code => code,
    };
    Charge::Section(format!("{code} {}", section.replace(',', ".")))
}

/// The section a `CHRG` comment names: `CNT 01 CHRG-490.2 PC PETTY THEFT`,
/// `CHRG 11350 HS`.
pub fn of_comment(comment: &str) -> Option<Charge> {
    let (_, after) = comment.split_once("CHRG")?;
    Some(read(after.trim_start_matches(['-', ' ', ':'])))
}

/// A word that is a code: two letters alone, or before a dash or a period.
fn names_code(word: &str) -> bool {
    word.len() >= 2
        && CODES.contains(&&word[..2])
        && word[2..]
            .chars()
            .next()
            .is_none_or(|c| matches!(c, '-' | '.'))
}

/// Digits, with periods, slashes, dashes and commas between them, and subdivisions
/// in parentheses (`(A)`, `(2)`): a letter outside parentheses is a misread digit.
fn reads_cleanly(section: &str) -> bool {
    let mut depth = 0;
    for c in section.chars() {
        match c {
            '(' if depth == 0 => depth = 1,
            ')' if depth == 1 => depth = 0,
            c if depth == 1 && c.is_ascii_alphanumeric() => {}
            c if depth == 0 && (c.is_ascii_digit() || matches!(c, '.' | '/' | '-' | ',')) => {}
            _ => return false,
        }
    }
    depth == 0
}

#[cfg(test)]
mod tests {
    use super::{Charge, of_comment, read};

    fn section(s: &str) -> Charge {
        Charge::Section(s.into())
    }

    #[test]
    fn a_section_is_read_code_first_however_it_is_spaced() {
        assert_eq!(
            read("496(A) PC-RECEIVE/ETC KNOWN STOLEN PROPERTY"),
            section("PC 496(A)")
        );
        assert_eq!(
            read("11350 (A) HS - POSSESS NARCOTIC"),
            section("HS 11350(A)")
        );
        assert_eq!(read("459.5 PC-SHOPLIFTING  TOC:M"), section("PC 459.5"));
        assert_eq!(read("23152(B) VC-DUI:0.08 PERCENT"), section("VC 23152(B)"));
        assert_eq!(read(".496. PC-RECEIVE"), section("PC 496"));
        assert_eq!(read("490,2 CP PETTY THEFT"), section("PC 490.2"));
        assert_eq!(read("664/487(A) PC-ATTEMPTED"), section("PC 664/487(A)"));
        assert_eq!(read("18 922(G) US-FIREARM"), Charge::Federal);
    }

    #[test]
    fn a_misread_digit_leaves_the_section_unread() {
        assert_eq!(read("49O.2 PC-PETTY THEFT"), Charge::Unreadable);
        assert_eq!(read("4(87 PC-GRAND THEFT"), Charge::Unreadable);
        assert_eq!(read("TRAFFIC VIOLATION"), Charge::None);
        assert_eq!(read("SEE COMMENT FOR CHARGE"), Charge::SeeComment);
        assert_eq!(
            of_comment("CNT 01 CHRG-490.2 PC PETTY THEFT"),
            Some(section("PC 490.2"))
        );
        assert_eq!(of_comment("CHRG 11350 HS"), Some(section("HS 11350")));
        assert_eq!(of_comment("PLEA NOLO"), None);
    }
}
