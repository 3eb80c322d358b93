//! Every answer, grouped by entry, each one a row to change; and after a change, what
//! it changed in the results, before → after.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::rows::{self, Row};
use crate::engine::Verdict;
use crate::report::{answer_text, entry_label, verdict_phrase};
use crate::tui::app::{App, ReviewRow};
use crate::tui::strings as s;
use crate::tui::text::truncate;

fn review_rows(app: &App, width: usize) -> Vec<Row> {
    let theme = app.theme;
    let content = app.content();
    let mut out = vec![Row::blank()];
    rows::paragraph(
        &mut out,
        s::REVIEW_LEAD,
        width,
        0,
        ratatui::style::Style::new(),
    );
    out.push(Row::blank());
    if let Some(changes) = &app.changes {
        out.push(Row::text(Span::styled(s::CHANGES_TITLE, theme.heading())));
        if changes.is_empty() {
            rows::paragraph(
                &mut out,
                s::NO_CHANGES,
                width,
                2,
                ratatui::style::Style::new(),
            );
        }
        for c in changes {
            let name = &content.remedies[c.remedy].source.name;
            let status = |v: Option<(Verdict, Option<chrono::NaiveDate>)>| match v {
                Some((v, from)) => (
                    format!("{} {}", v.symbol(), verdict_phrase(v, from)),
                    theme.verdict(v),
                ),
                None => (s::NOT_LISTED.to_string(), theme.dim()),
            };
            let (before, before_style) = status(c.before);
            let (after, after_style) = status(c.after);
            let lead = format!("  {} · {name}: ", s::entry_name(c.entry));
            out.push(Row::text(Line::from(vec![
                Span::raw(lead),
                Span::styled(before, before_style),
                Span::raw(" → "),
                Span::styled(after, after_style),
            ])));
        }
        out.push(Row::blank());
    }
    let answer_col = (width * 3 / 5).max(30);
    for (i, row) in app.review_rows().iter().enumerate() {
        match row {
            ReviewRow::ShowResults => rows::item(&mut out, i, "→ ", s::SHOW_RESULTS, width),
            ReviewRow::ManageEntries => rows::item(&mut out, i, "+ ", s::MANAGE_ENTRIES, width),
            ReviewRow::Heading(entry) => {
                let title = match entry {
                    None => s::ABOUT_YOU.to_string(),
                    Some(e) => entry_label(content, app.interview.person(), *e),
                };
                out.push(Row::blank());
                out.push(Row::text(Span::styled(
                    truncate(&title, width),
                    theme.heading(),
                )));
            }
            ReviewRow::Answer { entry, question } => {
                let def = &content.questions[*question];
                let slot = app
                    .interview
                    .answered(*entry)
                    .into_iter()
                    .find(|(q, _)| q == question)
                    .map(|(_, slot)| slot)
                    .unwrap_or_default();
                let q = truncate(&def.source.text, answer_col - 5);
                let pad = answer_col.saturating_sub(2 + crate::tui::text::width(&q));
                let answer = truncate(&answer_text(content, def.fact, &slot), width - answer_col);
                out.push(Row {
                    line: Line::from(vec![
                        Span::raw(format!("  {q}{}", " ".repeat(pad))),
                        Span::styled(answer, theme.title()),
                    ]),
                    item: Some(i),
                    cursor: None,
                });
            }
        }
    }
    out
}

pub fn render(app: &App, frame: &mut Frame, body: Rect) {
    let out = review_rows(app, body.width as usize);
    rows::render(frame, body, &out, Some(app.selected), app.theme, false);
}

pub fn item_at(app: &App, x: u16, y: u16) -> Option<usize> {
    let body = super::body(super::screen_area(app));
    let out = review_rows(app, body.width as usize);
    rows::item_at(&out, body, Some(app.selected), x, y)
}
