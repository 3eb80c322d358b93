//! Whether a reason cites the law it rests on.
//!
//! A reason cites when it names one of its remedy's sections (`1203.4` for "Penal Code
//! § 1203.4"), or any section with its subsection (`667.5(c)`, `17(b)`, `1170(h)`).
//! Section numbers are read whole: `1203.41` and `1203.4a` are other sections than
//! `1203.4`.

/// The section numbers written in a text, each with whether a subsection follows it:
/// "PC 17(d)(2) and 19.8." gives `("17", true)` and `("19.8", false)`.
fn numbers(text: &str) -> Vec<(&str, bool)> {
    let bytes = text.as_bytes();
    let digit = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_digit);
    let letter = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_alphabetic);
    let mut found = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        // A number starts at a digit that does not continue a word, a number or a
        // form name ("CR-180").
        let starts = digit(i)
            && (i == 0 || !(bytes[i - 1].is_ascii_alphanumeric() || b".-".contains(&bytes[i - 1])));
        if !starts {
            i += 1;
            continue;
        }
        let start = i;
        while digit(i) {
            i += 1;
        }
        // "1203.425": a point continues the number only when a digit follows it.
        while bytes.get(i) == Some(&b'.') && digit(i + 1) {
            i += 1;
            while digit(i) {
                i += 1;
            }
        }
        // "1203.4a": one letter ends the number when no other letter follows.
        if letter(i) && !letter(i + 1) {
            i += 1;
        }
        if letter(i) || digit(i) {
            // Part of a longer word ("8th"): not a section.
            while letter(i) || digit(i) {
                i += 1;
            }
            continue;
        }
        let end = i;
        // "17(d)(2)": the subsection, its parts read with it, not as numbers.
        let mut subsection = false;
        while bytes.get(i) == Some(&b'(')
            && let Some(len) = text[i + 1..].find(')')
            && (1..=4).contains(&len)
            && text[i + 1..i + 1 + len]
                .bytes()
                .all(|b| b.is_ascii_alphanumeric())
        {
            subsection = true;
            i += len + 2;
        }
        found.push((&text[start..end], subsection));
    }
    found
}

/// The sections a remedy's `statute` names: "Penal Code §§ 17(d)(2), 19.8" gives
/// `17` and `19.8`; a statute that names no section gives none.
pub(super) fn sections(statute: &str) -> Vec<&str> {
    numbers(statute).into_iter().map(|(n, _)| n).collect()
}

/// Whether `reason` names one of `sections`, or any section with its subsection.
pub(super) fn cites(reason: &str, sections: &[&str]) -> bool {
    numbers(reason)
        .iter()
        .any(|(n, subsection)| *subsection || sections.contains(n))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_of_a_statute() {
        assert_eq!(sections("Penal Code § 1203.425"), ["1203.425"]);
        assert_eq!(sections("Penal Code §§ 17(d)(2), 19.8"), ["17", "19.8"]);
        assert_eq!(
            sections("Welfare and Institutions Code §§ 781, 786"),
            ["781", "786"]
        );
        assert_eq!(sections("Penal Code § 1203.4a"), ["1203.4a"]);
        assert!(!cites(
            "Wait 2 years.",
            &sections("Penal Code §§ 17(d)(2), 19.8")
        ));
        assert!(sections("California law reaches only California state court cases").is_empty());
    }

    #[test]
    fn a_reason_naming_its_section_cites() {
        let s = ["1203.4"];
        assert!(cites("The court must grant it. (PC 1203.4.)", &s));
        assert!(cites("PC 1203.4(b) leaves these out.", &s));
        assert!(cites("(Código Penal § 1203.4.)", &s));
    }

    #[test]
    fn a_reason_naming_another_section_with_its_subsection_cites() {
        let s = ["236.14"];
        assert!(cites(
            "An offense on the list (PC 667.5(c)) is left out.",
            &s
        ));
        assert!(cites("It closes a 17(b) reduction.", &s));
    }

    #[test]
    fn a_reason_naming_no_section_does_not_cite() {
        let s = ["1203.4"];
        assert!(!cites("Not while you are still on probation.", &s));
        assert!(!cites(
            "Wait 4 years (6 when the offense carries 8 years).",
            &s
        ));
        assert!(!cites(
            "Since 2023 (SB 731) it qualifies after 2 years.",
            &s
        ));
        assert!(!cites("File form CR-180 by January 1, 2027.", &s));
    }

    #[test]
    fn a_longer_section_is_another_section() {
        let s = ["1203.4"];
        assert!(!cites("See PC 1203.41 and 1203.42 instead.", &s));
        assert!(!cites("Infractions use PC 1203.4a instead.", &s));
        assert!(cites(
            "Infractions use PC 1203.4a instead. (PC 1203.4.)",
            &s
        ));
        assert!(!cites("PC 1203.45 seals it.", &["1203.4"]));
        assert!(cites("PC 1203.45 seals it.", &["1203.45"]));
    }
}
