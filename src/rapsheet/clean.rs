//! What a scan or a PDF conversion does to a RAP sheet's text, undone line by line
//! before the grammar reads it (rapsheet.md §12): case, accents and look-alike
//! letters, typographic dashes and spaces, and the tags OCR misreads most.

/// Tags as OCR misreads them, and as they are meant. Only whole tags with their colon
/// or a word that is never anything else: a section number is never "corrected".
const MISREAD: [(&str, &str); 12] = [
    ("CNI:", "CNT:"),
    ("CHT:", "CNT:"),
    ("COURI:", "COURT:"),
    ("?OURT:", "COURT:"),
    ("?RR/", "ARR/"),
    ("ARR/PET/", "ARR/DET/"),
    ("CONV STATIS", "CONV STATUS"),
    ("TNFRACTION", "INFRACTION"),
    ("COMVICT", "CONVICT"),
    ("RESIN", "RESTN"),
    ("FINESS", "FINE SS"),
    ("DISMISSSED", "DISMISSED"),
];

/// One line as the grammar reads it: upper case, plain letters, plain spaces and
/// dashes, with its leading spaces kept (they tell a wrapped line from a new one).
pub fn clean(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    for c in raw.chars() {
        match c {
            '\u{a0}' | '\t' | '\u{c}' | '\r' => out.push(' '),
            '–' | '—' | '‐' | '‒' | '−' => out.push('-'),
            '·' => out.push('.'),
            '▯' | '□' | '�' => out.push('?'),
            c if c.is_ascii() => out.push(c.to_ascii_uppercase()),
            c => out.push(plain(c)),
        }
    }
    for (wrong, right) in MISREAD {
        if out.contains(wrong) {
            out = out.replace(wrong, right);
        }
    }
    out
}

/// A letter without its accent, as OCR adds them (`ÇNT:`, `TÓC:M`); anything else
/// that is not ASCII is unreadable.
fn plain(c: char) -> char {
    match crate::model::unaccented(c) {
        c if c.is_ascii() => c.to_ascii_uppercase(),
        _ => '?',
    }
}

#[cfg(test)]
mod tests {
    use super::clean;

    #[test]
    fn ocr_noise_is_undone_and_numbers_are_left_alone() {
        assert_eq!(clean("ÇNT:01  #15-88231"), "CNT:01  #15-88231");
        assert_eq!(clean("  cni:02"), "  CNT:02");
        assert_eq!(
            clean("459.5 PC-SHOPLIFTING TÓC:M"),
            "459.5 PC-SHOPLIFTING TOC:M"
        );
        assert_eq!(clean("CONV STATIS.FELONY"), "CONV STATUS.FELONY");
        assert_eq!(clean("20150822\u{a0}CASC\tFRESNO"), "20150822 CASC FRESNO");
        assert_eq!(clean("– – – –"), "- - - -");
        assert_eq!(clean("49O.2 PC"), "49O.2 PC", "a digit is never guessed");
    }
}
