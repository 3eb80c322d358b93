//! Word wrapping by display width. The views wrap text themselves (rather than letting
//! the paragraph widget do it) so that scrolling and mouse hit-testing know exactly
//! which row holds what.

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
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let room = if lines.is_empty() { first } else { rest }.max(1);
        let mut word = word.to_string();
        while width(&word) > room {
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            let cut = cut_at(&word, room);
            lines.push(word[..cut].to_string());
            word = word[cut..].to_string();
        }
        let room = if lines.is_empty() { first } else { rest }.max(1);
        if !line.is_empty() && width(&line) + 1 + width(&word) > room {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(&word);
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
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
