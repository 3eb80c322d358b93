//! Text placed in Markdown or HTML, escaped for where it lands: Markdown text, HTML text
//! or attribute, HTML comment. Each first shows control characters and direction
//! overrides as their codes ([`crate::sanitize`]), so nothing typed or read from a file
//! can become markup, a script, or a terminal command when the file is shown.

use crate::sanitize;

/// Markdown text on one line (a heading, a list item, a table cell, a paragraph):
/// every character Markdown reads as markup is backslash-escaped, and so is a line
/// start that would begin a list, a quote, a heading or a rule.
pub fn markdown(text: &str) -> String {
    let text = sanitize::line(text);
    let mut out = String::with_capacity(text.len() + 8);
    // "-", "+", "=" open a list or underline a heading; "12. " or "12) " opens a list.
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    let mut after = text.chars().skip(digits);
    let starts_list = digits > 0
        && matches!(after.next(), Some('.' | ')'))
        && after.next().is_none_or(char::is_whitespace);
    for (i, c) in text.chars().enumerate() {
        let markup = matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '&' | '~'
        );
        let line_start = (i == 0 && matches!(c, '-' | '+' | '=')) || (starts_list && i == digits);
        if markup || line_start {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// HTML element text or an attribute value in quotes, on one line.
pub fn html(text: &str) -> String {
    html_chars(&sanitize::line(text))
}

/// HTML element text that keeps its line breaks (a note shown with `pre-wrap`).
pub fn html_block(text: &str) -> String {
    html_chars(&sanitize::block(text))
}

fn html_chars(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The inside of an HTML comment (`<!-- here -->`), in HTML or Markdown. A comment
/// ends at `-->` or `--!>` and must not hold `<!--`; every one of those needs `<` or
/// `>`, so both are written as entities (which a comment shows as they are), and the
/// text stays on one line, as Markdown ends an HTML block at the line holding `-->`.
pub fn html_comment(text: &str) -> String {
    sanitize::line(text)
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_escapes_markup_and_line_starts() {
        assert_eq!(
            markdown("a*b_c [x](y) <b> #1 | & ~~s~~ ![i]"),
            "a\\*b\\_c \\[x\\](y) \\<b\\> \\#1 \\| \\& \\~\\~s\\~\\~ !\\[i\\]"
        );
        assert_eq!(markdown("- item"), "\\- item");
        assert_eq!(markdown("12. item"), "12\\. item");
        assert_eq!(markdown("1203.4 dismissal"), "1203.4 dismissal");
        assert_eq!(markdown("a-b"), "a-b");
        assert_eq!(markdown("x\u{1b}[2J\ny"), "x\\\\u{1b}\\[2J\\\\u{a}y");
    }

    #[test]
    fn html_escapes_text_and_attributes() {
        assert_eq!(
            html("<script>\"a\" & 'b'\u{1b}[2J</script>"),
            "&lt;script&gt;&quot;a&quot; &amp; &#39;b&#39;\\u{1b}[2J&lt;/script&gt;"
        );
        assert_eq!(html_block("a\nb<"), "a\nb&lt;");
    }

    #[test]
    fn a_comment_cannot_be_closed_or_opened() {
        let id = "--><script>alert(1)</script><!--\n--!>";
        let inside = html_comment(id);
        for end in ["-->", "--!>", "<!--", "<script", "\n"] {
            assert!(!inside.contains(end), "{inside}");
        }
        assert_eq!(
            html_comment("people-2.jsonl:3 · A-17"),
            "people-2.jsonl:3 · A-17"
        );
    }
}
