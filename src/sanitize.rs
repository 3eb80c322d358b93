//! Text from outside the program (case files, typed answers, intake files, file names,
//! error messages that quote them) made safe to show: the one rule for everything that
//! reaches a terminal or a printout.
//!
//! Control characters (C0, DEL, C1) could drive the terminal (clear it, set its title,
//! move the cursor), and direction overrides and isolates could make text read as
//! something it is not. Neither is dropped silently: each is shown as its code, such as
//! `\u{1b}`, so a person sees that something was there.

use std::borrow::Cow;

/// Whether `c` is shown as its code rather than as itself.
pub fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061c}'
                | '\u{200e}'
                | '\u{200f}'
                | '\u{2028}'
                | '\u{2029}'
                | '\u{202a}'..='\u{202e}'
                | '\u{2066}'..='\u{2069}'
        )
}

/// Text for one line: every unsafe character, line breaks included, shown as its code.
pub fn line(text: &str) -> Cow<'_, str> {
    visible(text, |_| false)
}

/// Text typed on one line (a name, a county): a pasted line break or tab is a space,
/// everything else unsafe is shown as its code.
pub fn flat(text: &str) -> String {
    let spaced = text.replace(['\n', '\r', '\t'], " ");
    line(&spaced).into_owned()
}

/// A note as written: its lines kept, unsafe characters shown as codes, no trailing
/// blank lines.
pub fn note(text: &str) -> String {
    block(text).trim_end().to_string()
}

/// Text that may span lines (a note, a multi-line message): line breaks kept (a
/// Windows `\r\n` read as one), tabs kept, everything else unsafe shown as its code.
pub fn block(text: &str) -> Cow<'_, str> {
    if text.contains('\r') {
        Cow::Owned(visible(&text.replace("\r\n", "\n"), |c| c == '\n' || c == '\t').into_owned())
    } else {
        visible(text, |c| c == '\n' || c == '\t')
    }
}

fn visible(text: &str, keep: impl Fn(char) -> bool) -> Cow<'_, str> {
    let shown = |c: char| !is_unsafe(c) || keep(c);
    if text.chars().all(shown) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if shown(c) {
            out.push(c);
        } else {
            out.extend(c.escape_unicode());
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_and_direction_overrides_are_shown_as_codes() {
        assert_eq!(
            line("conv\u{1b}[2J\u{7}\u{9b}\u{7f}\u{202e}gnp.exe\u{2066}\nx"),
            "conv\\u{1b}[2J\\u{7}\\u{9b}\\u{7f}\\u{202e}gnp.exe\\u{2066}\\u{a}x"
        );
        assert_eq!(line("Fresno · ñ 日本"), "Fresno · ñ 日本");
        assert!(matches!(line("plain"), Cow::Borrowed(_)));
    }

    #[test]
    fn a_block_keeps_its_lines() {
        assert_eq!(
            block("one\r\ntwo\tthree\u{1b}]0;t\u{7}\rfour"),
            "one\ntwo\tthree\\u{1b}]0;t\\u{7}\\u{d}four"
        );
    }
}
