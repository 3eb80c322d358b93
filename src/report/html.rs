//! One self-contained HTML page, ready to print on US Letter: no scripts, no external
//! files, one stylesheet, the page's language set for screen readers, and every piece
//! of text escaped here ([`text`], [`esc`]). Statuses are words with a symbol, so the
//! page reads the same printed in black and white.

use super::escape::{html as esc, html_block};
use super::layout::{Block, Mark, Marker, Text};
use crate::content::Lang;

const CSS: &str = "\
@page { size: letter; margin: 0.75in; }
* { box-sizing: border-box; }
body { font: 11pt/1.45 Georgia, 'Times New Roman', serif; color: #000; background: #fff; max-width: 7in; margin: 1.5em auto; padding: 0 0.5em; }
h1 { font-size: 18pt; margin: 0 0 0.4em; }
h2 { font-size: 14pt; margin: 1.3em 0 0.4em; border-bottom: 1px solid #444; break-after: avoid; }
h3 { font-size: 12pt; margin: 1em 0 0.3em; break-after: avoid; }
p, li, tr { break-inside: avoid; }
ol, ul { padding-left: 1.4em; }
li { margin: 0.3em 0; }
li ul { list-style: disc; margin: 0.2em 0; }
ul.status { list-style: none; padding-left: 0; }
ul.check { list-style: none; padding-left: 1.6em; }
ul.check > li::before { content: \"\\2610\"; display: inline-block; width: 1.6em; margin-left: -1.6em; }
hr.page { break-after: page; border: 0; margin: 0; }
.verdict, .label { font-weight: bold; }
.notice { border: 2px solid #000; padding: 0.5em 0.8em; margin: 1em 0; font-weight: bold; }
table { border-collapse: collapse; width: 100%; margin: 0.4em 0 0.8em; }
th, td { border: 1px solid #888; padding: 0.25em 0.5em; text-align: left; vertical-align: top; }
th { width: 45%; font-weight: normal; background: #f2f2f2; }
table.grid { font-size: 9.5pt; }
table.grid th { width: auto; font-weight: bold; }
table.grid th:nth-child(1) { width: 4.5em; }
table.grid th:nth-child(2) { width: 6em; }
table.grid th:nth-child(3) { width: 18%; }
table.grid th:nth-child(4) { width: 33%; }
.unsure { font-weight: bold; }
td.unsure { border: 2px solid #000; }
.note { white-space: pre-wrap; border-left: 3px solid #666; padding: 0.2em 0.8em; margin: 0.5em 0 1em; }
footer { margin-top: 2em; border-top: 1px solid #444; padding-top: 0.4em; font-size: 9pt; }
@media print { body { margin: 0; max-width: none; } }
";

/// One page holding `blocks`.
pub fn render(blocks: &[Block], lang: Lang) -> String {
    let title = blocks
        .iter()
        .find_map(|b| match b {
            Block::Title(t) => Some(t.as_str()),
            _ => None,
        })
        .unwrap_or("clearpath");
    let mut out = page_start(title, lang);
    body(&mut out, blocks);
    out.push_str(PAGE_END);
    out
}

/// The end of a page begun with [`page_start`].
pub const PAGE_END: &str = "</body>\n</html>\n";

/// A page's head and the opening of its body, for one document or several in a row.
pub fn page_start(title: &str, lang: Lang) -> String {
    let mut out = String::with_capacity(16384);
    // The page's language, so that a screen reader reads it with the right voice.
    out.push_str(&format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n",
        lang.code()
    ));
    out.push_str("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str(&format!(
        "<title>{}</title>\n<style>\n{CSS}</style>\n</head>\n<body>\n",
        esc(title)
    ));
    out
}

/// The blocks as the inside of a page's body.
pub fn body(out: &mut String, blocks: &[Block]) {
    for block in blocks {
        match block {
            Block::Title(t) => out.push_str(&format!("<h1>{}</h1>\n", esc(t))),
            Block::Heading(t) => out.push_str(&format!("<h2>{}</h2>\n", esc(t))),
            Block::Sub(t) => out.push_str(&format!("<h3>{}</h3>\n", esc(t))),
            Block::Para(t) => out.push_str(&format!("<p>{}</p>\n", text(t))),
            Block::Notice(t) => out.push_str(&format!("<p class=\"notice\">{}</p>\n", esc(t))),
            Block::Items { marker, items } => {
                let open = match marker {
                    Marker::Number => "<ol>",
                    Marker::Dash => "<ul>",
                    Marker::Status => "<ul class=\"status\">",
                    Marker::Check => "<ul class=\"check\">",
                };
                let close = if *marker == Marker::Number {
                    "</ol>"
                } else {
                    "</ul>"
                };
                out.push_str(open);
                out.push('\n');
                for item in items {
                    out.push_str(&format!("<li>{}", text(&item.head)));
                    // The lines' list starts at the shallowest of them.
                    let top = item.lines.iter().map(|(_, d)| *d).min().unwrap_or(0);
                    list(out, &item.lines, top);
                    out.push_str("</li>\n");
                }
                out.push_str(close);
                out.push('\n');
            }
            Block::Pairs(pairs) => {
                out.push_str("<table>\n");
                for (label, value) in pairs {
                    let unsure = value.iter().any(|s| s.mark == Mark::Unsure);
                    let class = if unsure { " class=\"unsure\"" } else { "" };
                    out.push_str(&format!(
                        "<tr><th scope=\"row\">{}</th><td{class}>{}</td></tr>\n",
                        esc(label),
                        text(value)
                    ));
                }
                out.push_str("</table>\n");
            }
            Block::Table { header, rows } => {
                out.push_str("<table class=\"grid\">\n<thead><tr>");
                for h in header {
                    out.push_str(&format!("<th scope=\"col\">{}</th>", esc(h)));
                }
                out.push_str("</tr></thead>\n<tbody>\n");
                for row in rows {
                    out.push_str("<tr>");
                    for cell in row {
                        out.push_str(&format!("<td>{}</td>", text(cell)));
                    }
                    out.push_str("</tr>\n");
                }
                out.push_str("</tbody>\n</table>\n");
            }
            Block::PageBreak => out.push_str("<hr class=\"page\">\n"),
            Block::Note(t) => out.push_str(&format!(
                "<div class=\"note\">{}</div>\n",
                html_block(t.trim_end())
            )),
            Block::Footer(t) => out.push_str(&format!("<footer>{}</footer>\n", esc(t))),
        }
    }
}

/// The lines under an item from `depth` on, each deeper run as a list of its own.
fn list(out: &mut String, lines: &[(Text, u8)], depth: u8) {
    let mut i = 0;
    if lines.is_empty() {
        return;
    }
    out.push_str("\n<ul>\n");
    while i < lines.len() {
        let (line, d) = &lines[i];
        if *d > depth {
            // Deeper lines belong to the one before; written inside it above.
            i += 1;
            continue;
        }
        out.push_str(&format!("<li>{}", text(line)));
        let deeper: Vec<(Text, u8)> = lines[i + 1..]
            .iter()
            .take_while(|(_, d)| *d > depth)
            .cloned()
            .collect();
        list(out, &deeper, depth + 1);
        out.push_str("</li>\n");
        i += 1 + deeper.len();
    }
    out.push_str("</ul>\n");
}

fn text(t: &Text) -> String {
    t.iter()
        .map(|s| match s.mark {
            Mark::Plain => esc(&s.text),
            Mark::Verdict(_) => format!("<span class=\"verdict\">{}</span>", esc(&s.text)),
            Mark::Unsure => format!("<span class=\"unsure\">{}</span>", esc(&s.text)),
            Mark::Label => format!("<span class=\"label\">{}</span>", esc(&s.text)),
        })
        .collect()
}
