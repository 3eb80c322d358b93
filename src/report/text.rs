//! Plain text, readable aloud by a screen reader: every status is a word, symbols only
//! repeat it, and nothing depends on color or layout to be understood.

use super::layout::{Block, Marker, Text, words_of};
use crate::sanitize;
use crate::text::wrap_hanging;

/// The width printouts and `screen` are written at.
pub const WIDTH: usize = 80;

pub fn render(blocks: &[Block], width: usize) -> String {
    let mut out = String::with_capacity(8192);
    for block in blocks {
        match block {
            Block::Title(t) => underlined(&mut out, t, '=', width),
            Block::Heading(t) => underlined(&mut out, t, '-', width),
            Block::Sub(t) => hanging(&mut out, t, "", 0, width),
            Block::Para(t) => {
                hanging(&mut out, &words_of(t), "", 0, width);
                out.push('\n');
            }
            Block::Notice(t) => {
                hanging(&mut out, t, "  ", 2, width);
                out.push('\n');
            }
            Block::Items { marker, items } => {
                for (n, item) in items.iter().enumerate() {
                    let lead = match marker {
                        Marker::Dash => "  - ".to_string(),
                        Marker::Number => format!("  {}. ", n + 1),
                        Marker::Status => "  ".to_string(),
                        Marker::Check => "  [ ] ".to_string(),
                    };
                    let body = lead.len().max(4);
                    hanging(&mut out, &words_of(&item.head), &lead, body, width);
                    for (line, depth) in &item.lines {
                        lines(&mut out, line, *depth, body, width);
                    }
                }
                out.push('\n');
            }
            Block::Pairs(pairs) => {
                for (label, value) in pairs {
                    let line = format!("{label}: {}", words_of(value));
                    hanging(&mut out, &line, "  ", 4, width);
                }
                out.push('\n');
            }
            // Each row a list item, its cells labelled by the header: read in order by a
            // screen reader, and whole at any width.
            Block::Table { header, rows } => {
                for row in rows {
                    for (i, (label, cell)) in header.iter().zip(row).enumerate() {
                        let line = format!("{label}: {}", words_of(cell));
                        let (lead, hang) = if i == 0 { ("  - ", 4) } else { ("    ", 6) };
                        hanging(&mut out, &line, lead, hang, width);
                    }
                }
                out.push('\n');
            }
            Block::PageBreak => {}
            Block::Note(t) => {
                for line in sanitize::block(t).trim_end().lines() {
                    out.push_str("  | ");
                    out.push_str(line);
                    out.push('\n');
                }
                out.push('\n');
            }
            // One line, as a program reading the footer expects it.
            Block::Footer(t) => {
                out.push_str(&sanitize::line(t));
                out.push('\n');
            }
        }
    }
    out
}

fn underlined(out: &mut String, text: &str, rule: char, width: usize) {
    let text = sanitize::line(text).to_uppercase();
    out.push_str(&text);
    out.push('\n');
    let len = crate::text::width(&text).min(width);
    out.extend(std::iter::repeat_n(rule, len));
    out.push_str("\n\n");
}

/// A line under an item: at the body's indent, or as a list under it at depth 1.
fn lines(out: &mut String, text: &Text, depth: u8, body: usize, width: usize) {
    let text = words_of(text);
    if depth == 0 {
        hanging(out, &text, &" ".repeat(body), body, width);
    } else {
        let lead = format!("{}- ", " ".repeat(body + 2 * usize::from(depth)));
        let hang = lead.len();
        hanging(out, &text, &lead, hang, width);
    }
}

/// `lead` then `text`, wrapped to `width`; later lines indented `hang` columns.
fn hanging(out: &mut String, text: &str, lead: &str, hang: usize, width: usize) {
    let text = sanitize::line(text);
    if text.trim().is_empty() {
        return;
    }
    let first = width.saturating_sub(crate::text::width(lead)).max(20);
    let rest = width.saturating_sub(hang).max(20);
    for (i, line) in wrap_hanging(&text, first, rest).into_iter().enumerate() {
        if i == 0 {
            out.push_str(lead);
        } else {
            out.extend(std::iter::repeat_n(' ', hang));
        }
        out.push_str(&line);
        out.push('\n');
    }
}
