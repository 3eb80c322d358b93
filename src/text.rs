//! Text measured and wrapped by display width (a wide character takes two columns), for
//! every place that lays text out: the terminal views, which wrap text themselves so
//! that scrolling and mouse hit-testing know which row holds what, and the plain-text
//! results.

use std::borrow::Cow;

use unicode_width::UnicodeWidthStr;

pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// Greedy wrap to `room` columns; a word longer than a line is cut.
pub fn wrap(text: &str, room: usize) -> Vec<String> {
    wrap_hanging(text, room, room)
}

/// Wraps with the first line `first` columns wide and the others `rest`, for text
/// that follows a label or hangs under a bullet.
pub fn wrap_hanging(text: &str, first: usize, rest: usize) -> Vec<String> {
    let (first, rest) = (first.max(1), rest.max(1));
    // Words are joined by single spaces; most texts already are, and many fit on one
    // line, which needs no wrapping at all.
    let spaced = !text.starts_with(' ')
        && !text.ends_with(' ')
        && !text.contains("  ")
        && !text.chars().any(|c| c.is_whitespace() && c != ' ');
    let words: Cow<str> = if spaced {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.split_whitespace().collect::<Vec<_>>().join(" "))
    };
    if width(&words) <= first {
        return vec![words.into_owned()];
    }
    // textwrap measures both widths from one: the wider, less an indent on the other.
    let widest = first.max(rest);
    let first_pad = " ".repeat(widest - first);
    let rest_pad = " ".repeat(widest - rest);
    let options = textwrap::Options::new(widest)
        .initial_indent(&first_pad)
        .subsequent_indent(&rest_pad)
        .wrap_algorithm(textwrap::WrapAlgorithm::FirstFit)
        .word_separator(textwrap::WordSeparator::AsciiSpace)
        .word_splitter(textwrap::WordSplitter::NoHyphenation)
        .break_words(true);
    let mut lines: Vec<String> = textwrap::wrap(&words, options)
        .into_iter()
        .enumerate()
        .map(|(i, l)| {
            let pad = if i == 0 { &first_pad } else { &rest_pad };
            l.strip_prefix(pad.as_str()).unwrap_or(&l).to_string()
        })
        .collect();
    if lines.is_empty() {
        lines.push(String::new());
    }
    lines
}

/// The byte index where `s` stops fitting in `room` columns.
fn cut_at(s: &str, room: usize) -> usize {
    let mut used = 0;
    for (i, c) in s.char_indices() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w > room {
            return i.max(c.len_utf8().min(s.len()));
        }
        used += w;
    }
    s.len()
}

/// Cuts `s` to `room` columns, ending in "…" when it had to cut.
pub fn truncate(s: &str, room: usize) -> String {
    if width(s) <= room {
        return s.to_string();
    }
    if room == 0 {
        return String::new();
    }
    let cut = cut_at(s, room - 1);
    format!("{}…", &s[..cut])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_on_words() {
        assert_eq!(wrap("one two three four", 9), ["one two", "three", "four"]);
    }

    #[test]
    fn cuts_long_words() {
        assert_eq!(wrap("abcdefghij", 4), ["abcd", "efgh", "ij"]);
    }

    #[test]
    fn hangs_after_the_first_line() {
        assert_eq!(wrap_hanging("aa bb cc dd", 5, 2), ["aa bb", "cc", "dd"]);
    }

    #[test]
    fn empty_text_is_one_empty_line() {
        assert_eq!(wrap("", 10), [""]);
    }

    #[test]
    fn truncates_with_ellipsis() {
        assert_eq!(truncate("abcdef", 4), "abc…");
        assert_eq!(truncate("abc", 4), "abc");
    }
}
