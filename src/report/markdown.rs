//! Markdown, for pasting into a case note or printing. Every piece of text is escaped
//! here, in [`span`] and [`esc`], and nowhere else.

use super::escape::markdown as esc;
use super::layout::{Block, Mark, Marker, Text};
use crate::sanitize;

pub fn render(blocks: &[Block]) -> String {
    let mut out = String::with_capacity(8192);
    for block in blocks {
        match block {
            Block::Title(t) => out.push_str(&format!("# {}\n\n", esc(t))),
            Block::Heading(t) => out.push_str(&format!("## {}\n\n", esc(t))),
            Block::Sub(t) => out.push_str(&format!("### {}\n\n", esc(t))),
            Block::Para(t) => out.push_str(&format!("{}\n\n", text(t))),
            Block::Notice(t) => out.push_str(&format!("> **{}**\n\n", esc(t))),
            Block::Items { marker, items } => {
                for (n, item) in items.iter().enumerate() {
                    let mark = match marker {
                        Marker::Number => format!("{}.", n + 1),
                        Marker::Dash | Marker::Status => "-".into(),
                        Marker::Check => "- [ ]".into(),
                    };
                    out.push_str(&format!("{mark} {}\n", text(&item.head)));
                    let pad = " ".repeat(mark.len() + 1);
                    for (line, depth) in &item.lines {
                        let inner = "  ".repeat(usize::from(*depth));
                        out.push_str(&format!("{pad}{inner}- {}\n", text(line)));
                    }
                }
                out.push('\n');
            }
            Block::Pairs(pairs) => {
                out.push_str("| | |\n|---|---|\n");
                for (label, value) in pairs {
                    out.push_str(&format!("| {} | {} |\n", esc(label), text(value)));
                }
                out.push('\n');
            }
            Block::Table { header, rows } => {
                let cells = |row: Vec<String>| format!("| {} |\n", row.join(" | "));
                out.push_str(&cells(header.iter().map(|h| esc(h)).collect()));
                out.push_str(&cells(header.iter().map(|_| "---".to_string()).collect()));
                for row in rows {
                    out.push_str(&cells(row.iter().map(text).collect()));
                }
                out.push('\n');
            }
            Block::PageBreak => {}
            Block::Note(t) => {
                for line in sanitize::block(t).trim_end().lines() {
                    out.push_str(&format!("> {}  \n", esc(line)));
                }
                out.push('\n');
            }
            Block::Footer(t) => out.push_str(&format!("---\n\n{}\n", esc(t))),
        }
    }
    out
}

fn text(t: &Text) -> String {
    t.iter()
        .map(|s| match s.mark {
            Mark::Plain => esc(&s.text),
            Mark::Verdict(_) | Mark::Unsure | Mark::Label => bold(&s.text),
        })
        .collect()
}

/// Bold, with any space outside the markers (Markdown does not bold "** a **").
fn bold(text: &str) -> String {
    let inner = text.trim();
    if inner.is_empty() {
        return text.to_string();
    }
    let lead = &text[..text.len() - text.trim_start().len()];
    let tail = &text[text.trim_end().len()..];
    format!("{lead}**{}**{tail}", esc(inner))
}
