//! The table of code sections (`questions/sections.ron`), compiled: finding the section
//! a person typed however it is written ("459.5 PC", "pc459.5", "H&S 11350(a)"), the
//! sections that begin with what is typed so far, and the answers a section settles.

use std::collections::HashMap;

use crate::model::{FactId, Slot};

/// A list of sections the law names (wobblers, Prop 47, 1203.4(b)'s exclusions).
#[derive(Debug, Clone)]
pub struct ListDef {
    pub id: String,
    pub name: String,
    pub source: String,
}

#[derive(Debug, Clone)]
pub struct SectionDef {
    /// As written in the table, "PC 459.5".
    pub code: String,
    pub name: String,
    /// Indexes into [`SectionTable::lists`].
    pub lists: Vec<usize>,
    /// The answers the section gives: its offense type and what its lists set.
    pub settles: Vec<(FactId, Slot)>,
    key: String,
}

#[derive(Debug, Clone, Default)]
pub struct SectionTable {
    /// The fact a code section is typed into; `None` when the content has no table.
    pub fact: Option<FactId>,
    pub lists: Vec<ListDef>,
    pub sections: Vec<SectionDef>,
    /// Each section's place in `sections` by its key: case files look one up per entry.
    by_key: HashMap<String, usize>,
    /// And by its code as the table writes it, in its standard form, as case files
    /// and intakes hold it.
    by_code: HashMap<String, usize>,
}

/// How many sections the type-ahead offers at most.
pub const OFFERED: usize = 6;

impl SectionTable {
    pub(super) fn push(
        &mut self,
        code: String,
        name: String,
        lists: Vec<usize>,
        settles: Vec<(FactId, Slot)>,
    ) {
        let key = normalized(&code).unwrap_or_default();
        self.by_key
            .entry(key.clone())
            .or_insert(self.sections.len());
        self.by_code
            .entry(code.clone())
            .or_insert(self.sections.len());
        self.sections.push(SectionDef {
            code,
            name,
            lists,
            settles,
            key,
        });
    }

    /// The section typed, if the table has it. A subdivision the table does not list
    /// falls back to its section ("HS 11350(a)" is HS 11350); an attempt (PC 664) is
    /// not the section attempted, since the lists treat attempts differently.
    pub fn find(&self, typed: &str) -> Option<&SectionDef> {
        if let Some(found) = self.as_written(typed) {
            return Some(found);
        }
        let typed = key(typed)?;
        if typed.attempt {
            return None;
        }
        let mut wanted = typed.text();
        loop {
            if let Some(&i) = self.by_key.get(&wanted) {
                return Some(&self.sections[i]);
            }
            let section = wanted.strip_suffix(')')?.rsplit_once('(')?.0.len();
            wanted.truncate(section);
        }
    }

    /// The section whose code is exactly `typed`, as the table writes it (its standard
    /// form).
    pub fn as_written(&self, typed: &str) -> Option<&SectionDef> {
        self.by_code.get(typed).map(|&i| &self.sections[i])
    }

    /// The answers a typed code section settles: none for one not in the table.
    pub fn settles(&self, typed: &Slot) -> &[(FactId, Slot)] {
        match typed {
            Slot::Known(crate::model::Value::Text(t)) => {
                self.find(t).map_or(&[][..], |s| s.settles.as_slice())
            }
            _ => &[],
        }
    }

    /// Sections that begin with what is typed so far, for the type-ahead: with no code
    /// typed, any code's.
    pub fn matching(&self, typed: &str) -> Vec<&SectionDef> {
        let Some(typed) = key(typed).filter(|k| !k.attempt) else {
            return Vec::new();
        };
        let mut found: Vec<&SectionDef> = self
            .sections
            .iter()
            .filter(|s| {
                let (code, number) = s.key.split_once(' ').unwrap_or(("", &s.key));
                (!typed.code_given || code == typed.code) && number.starts_with(&typed.number)
            })
            .collect();
        // The section typed in full first, then the shortest: "PC 288" before "PC 288.5".
        found.sort_by_key(|s| (s.key.len(), s.key.clone()));
        found.truncate(OFFERED);
        found
    }
}

/// A code section as the table keys it ("PC 288A(C)"); `None` for text that is not
/// one section.
pub(super) fn normalized(code: &str) -> Option<String> {
    key(code).filter(|k| !k.attempt).map(|k| k.text())
}

/// A code section as written in the code's standard form: "PC 288A(C)", or an attempt
/// as "PC 664/211"; `None` for text that names no section.
pub fn standard_form(typed: &str) -> Option<(&'static str, String, bool)> {
    key(typed).map(|k| (k.code, k.number, k.attempt))
}

/// The codes' words in their standard form, as [`standard_form`] gives them.
pub const STANDARD_CODES: [&str; 5] = ["PC", "HS", "VC", "BP", "WI"];

/// Writes a section in its standard form, as [`standard_form`] read it: the code's
/// word, then the number with its letters small, as codes print them ("PC 288a",
/// "HS 11350(a)"); an attempt as "PC 664/211".
pub fn written(code: &str, number: &str, attempt: bool) -> String {
    let number = number.to_ascii_lowercase();
    // "PC 664" alone is read as an attempt at nothing more.
    if attempt && number != "664" {
        format!("{code} 664/{number}")
    } else {
        format!("{code} {number}")
    }
}

/// A typed code section, normalised: "PC" and "459.5".
#[derive(Debug, PartialEq)]
struct Key {
    code: &'static str,
    code_given: bool,
    number: String,
    attempt: bool,
}

impl Key {
    fn text(&self) -> String {
        format!("{} {}", self.code, self.number)
    }
}

/// The ways the codes are written on RAP sheets and court papers.
const CODES: [(&str, &str); 11] = [
    ("PC", "PC"),
    ("PEN", "PC"),
    ("PENAL", "PC"),
    ("HS", "HS"),
    ("HSC", "HS"),
    ("VC", "VC"),
    ("VEH", "VC"),
    ("VEHICLE", "VC"),
    ("BP", "BP"),
    ("WI", "WI"),
    ("WIC", "WI"),
];

/// Reads a typed code section: its code's word ("PC"; PC when none is typed), and
/// its number with any subdivisions ("288A(C)"). "664" before a number marks an
/// attempt.
fn key(typed: &str) -> Option<Key> {
    let mut text = typed.to_uppercase();
    for (written, code) in [
        ("H&S", " HS "),
        ("H & S", " HS "),
        ("H.S.", " HS "),
        ("P.C.", " PC "),
    ] {
        if text.contains(written) {
            text = text.replace(written, code);
        }
    }
    let chars: Vec<char> = text.chars().collect();
    let at = |i: usize| chars.get(i).copied().unwrap_or(' ');
    let (mut code, mut numbers) = (None, Vec::<String>::new());
    let mut i = 0;
    while i < chars.len() {
        let start = i;
        if at(i).is_ascii_alphabetic() {
            while at(i).is_ascii_alphabetic() {
                i += 1;
            }
            let word: String = chars[start..i].iter().collect();
            if let Some((_, c)) = CODES.iter().find(|(w, _)| *w == word) {
                code.get_or_insert(*c);
            }
        } else if at(i).is_ascii_digit() {
            loop {
                let c = at(i);
                if c.is_ascii_digit() || (c == '.' && at(i + 1).is_ascii_digit()) {
                    i += 1;
                } else if c == '(' {
                    // A subdivision: letters or digits in parentheses.
                    let close = (i + 1..chars.len()).find(|&j| !at(j).is_ascii_alphanumeric());
                    match close {
                        Some(j) if j > i + 1 && at(j) == ')' => i = j + 1,
                        _ => break,
                    }
                } else if c.is_ascii_alphabetic()
                    && at(i - 1).is_ascii_digit()
                    && !at(i + 1).is_ascii_alphabetic()
                {
                    // "288a": one letter is part of the number; "459.5PC" is a code.
                    i += 1;
                } else {
                    break;
                }
            }
            numbers.push(chars[start..i].iter().collect());
        } else {
            i += 1;
        }
    }
    let (attempt, number) = match numbers.as_slice() {
        [] => return None,
        [first, second, ..] if first == "664" => (true, second.clone()),
        [first, ..] => (first == "664", first.clone()),
    };
    Some(Key {
        code: code.unwrap_or("PC"),
        code_given: code.is_some(),
        number,
        attempt,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Value;

    fn table() -> SectionTable {
        let mut t = SectionTable::default();
        for code in [
            "PC 459.5",
            "HS 11350",
            "PC 288",
            "PC 288.5",
            "VC 2800",
            "PC 286(c)",
        ] {
            t.push(code.into(), code.into(), Vec::new(), Vec::new());
        }
        t
    }

    fn found(typed: &str) -> Option<String> {
        table().find(typed).map(|s| s.code.clone())
    }

    #[test]
    fn a_section_is_found_however_a_rap_sheet_or_a_person_writes_it() {
        for typed in [
            "PC 459.5",
            "459.5 PC",
            "pc459.5",
            "P.C. 459.5",
            "459.5PC",
            "459.5",
        ] {
            assert_eq!(found(typed).as_deref(), Some("PC 459.5"), "{typed}");
        }
        for typed in [
            "HS 11350",
            "H&S 11350",
            "H & S 11350",
            "HSC 11350(a)",
            "11350 HS",
        ] {
            assert_eq!(found(typed).as_deref(), Some("HS 11350"), "{typed}");
        }
    }

    #[test]
    fn a_subdivision_falls_back_to_its_section_but_never_to_another_section() {
        assert_eq!(found("PC 288(a)").as_deref(), Some("PC 288"));
        assert_eq!(found("PC 286(c)(1)").as_deref(), Some("PC 286(c)"));
        // 286(b) is not on the table, and 286 alone is not either: nothing is settled.
        assert_eq!(found("PC 286(b)"), None);
        assert_eq!(found("PC 288.7"), None);
        assert_eq!(found("VC 2800.2"), None);
        // The code matters: HS 459.5 is not PC 459.5.
        assert_eq!(found("HS 459.5"), None);
    }

    #[test]
    fn an_attempt_is_not_the_section_attempted() {
        assert_eq!(found("PC 664/288"), None);
        assert_eq!(found("664 PC 288"), None);
        assert_eq!(found("PC 664"), None);
    }

    #[test]
    fn words_without_a_section_find_nothing() {
        for typed in ["", "Fresno", "not sure", "PC"] {
            assert_eq!(found(typed), None, "{typed}");
            assert!(table().matching(typed).is_empty(), "{typed}");
        }
    }

    #[test]
    fn the_type_ahead_offers_the_sections_that_begin_with_what_is_typed() {
        let t = table();
        let codes = |typed: &str| -> Vec<String> {
            t.matching(typed).iter().map(|s| s.code.clone()).collect()
        };
        assert_eq!(codes("288"), ["PC 288", "PC 288.5"]);
        assert_eq!(codes("PC 288.5"), ["PC 288.5"]);
        assert_eq!(codes("HS 28"), Vec::<String>::new());
        assert_eq!(codes("11"), ["HS 11350"]);
    }

    #[test]
    fn only_a_typed_section_in_the_table_settles_anything() {
        let mut t = SectionTable::default();
        let settled = vec![(FactId(3), Slot::Known(Value::Choice(1)))];
        t.push(
            "PC 459.5".into(),
            "Shoplifting".into(),
            Vec::new(),
            settled.clone(),
        );
        let typed = |s: &str| Slot::Known(Value::Text(s.into()));
        assert_eq!(t.settles(&typed("459.5 PC")), settled.as_slice());
        assert!(t.settles(&typed("PC 459")).is_empty());
        assert!(t.settles(&Slot::NotSure).is_empty());
        assert!(t.settles(&Slot::Missing).is_empty());
    }
}
