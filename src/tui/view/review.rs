//! Every answer, grouped by entry, each one a row to change; and after a change, what
//! it changed in the results, before → after.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::rows::{self, Row};
use crate::content::Content;
use crate::engine::Verdict;
use crate::report::{answer_text, entry_label, verdict_phrase};
use crate::strings::Strings;
use crate::text::truncate;
use crate::tui::app::{App, ReviewRow};
use crate::tui::strings as s;

/// What the last change did to the results, shown above the list so that it stays in
/// view wherever the list is scrolled.
fn change_rows(app: &App, width: usize) -> Vec<Row> {
    let theme = app.theme;
    let content = app.content();
    let w = app.words();
    let mut out = Vec::new();
    let Some(changes) = &app.changes else {
        return out;
    };
    out.push(Row::blank());
    out.push(Row::text(Span::styled(
        w.tui_changes_title.clone(),
        theme.heading(),
    )));
    if changes.is_empty() {
        rows::paragraph(&mut out, &w.tui_no_changes, width, 2, Style::new());
    }
    for c in changes {
        let name = &content.remedies[c.remedy].source.name;
        let status = |v: Option<(Verdict, Option<chrono::NaiveDate>)>| match v {
            Some((v, from)) => (
                format!("{} {}", v.symbol(), verdict_phrase(v, from, w)),
                theme.verdict(v),
            ),
            None => (w.tui_not_listed.clone(), theme.dim()),
        };
        let (before, before_style) = status(c.before);
        let (after, after_style) = status(c.after);
        let title = format!("{} · {name}", s::entry_name(w, c.entry));
        out.push(Row::text(format!(
            "  {}",
            truncate(&title, width.saturating_sub(2))
        )));
        out.push(Row::text(Line::from(vec![
            Span::raw("      "),
            Span::styled(before, before_style),
            Span::raw(" → "),
            Span::styled(after, after_style),
        ])));
    }
    out
}

/// The change panel's area and the list's.
fn areas(app: &App, body: Rect) -> (Rect, Rect) {
    let changes = change_rows(app, body.width as usize).len() as u16;
    let top = changes.min(body.height / 2);
    let panel = Rect {
        height: top,
        ..body
    };
    let list = Rect {
        y: body.y + top,
        height: body.height - top,
        ..body
    };
    (panel, list)
}

fn review_rows(app: &App, width: usize) -> Vec<Row> {
    let theme = app.theme;
    let content = app.content();
    let w = app.words();
    // For an interpreter, each row is followed by the same in the second language.
    let second = app.second();
    let w2 = app.second_words();
    let mut out = vec![Row::blank()];
    rows::paragraph(&mut out, &w.tui_review_lead, width, 0, Style::new());
    if let Some(w2) = w2 {
        rows::paragraph(&mut out, &w2.tui_review_lead, width, 0, theme.dim());
    }
    out.push(Row::blank());
    let answer_col = (width * 3 / 5).max(30);
    for (i, row) in app.review_rows().iter().enumerate() {
        match row {
            ReviewRow::ShowResults | ReviewRow::ManageEntries => {
                let (marker, label): (_, fn(&Strings) -> &str) = match row {
                    ReviewRow::ShowResults => ("→ ", |w| &w.tui_show_results),
                    _ => ("+ ", |w| &w.tui_manage_entries),
                };
                rows::item(&mut out, i, marker, label(w), width);
                if let Some(w2) = w2 {
                    rows::item_under(&mut out, i, marker, label(w2), width, theme.dim());
                }
            }
            ReviewRow::Heading(entry) => {
                let title = |content, w: &Strings| match entry {
                    None => w.place_person.clone(),
                    Some(e) => entry_label(content, app.interview.person(), *e),
                };
                out.push(Row::blank());
                out.push(Row::text(Span::styled(
                    truncate(&title(content, w), width),
                    theme.heading(),
                )));
                if let Some(second) = second {
                    let title = title(second, Strings::get(second.lang));
                    out.push(Row::text(Span::styled(
                        truncate(&title, width),
                        theme.dim(),
                    )));
                }
            }
            ReviewRow::Answer { entry, question } => {
                let slot = app
                    .interview
                    .answered(*entry)
                    .into_iter()
                    .find(|(q, _)| q == question)
                    .map(|(_, slot)| slot)
                    .unwrap_or_default();
                let row = |content: &Content, style: Style, answer_style: Style| {
                    let def = &content.questions[*question];
                    let q = truncate(&def.source.text, answer_col - 5);
                    let pad = answer_col.saturating_sub(2 + crate::text::width(&q));
                    let answer = answer_text(content, def.fact, &slot);
                    Row {
                        line: Line::from(vec![
                            Span::styled(format!("  {q}{}", " ".repeat(pad)), style),
                            Span::styled(truncate(&answer, width - answer_col), answer_style),
                        ]),
                        item: Some(i),
                        cursor: None,
                    }
                };
                out.push(row(content, Style::new(), theme.title()));
                if let Some(second) = second {
                    out.push(row(second, theme.dim(), theme.dim()));
                }
            }
        }
    }
    out
}

pub fn render(app: &App, frame: &mut Frame, body: Rect) {
    let (panel, list) = areas(app, body);
    if panel.height > 0 {
        let mut changes = change_rows(app, body.width as usize);
        let room = panel.height as usize;
        if changes.len() > room {
            // The rest are in the results; say how many are not shown here.
            let hidden = changes.len() - room + 1;
            changes.truncate(room - 1);
            changes.push(Row::text(Span::styled(
                s::more_changes(app.words(), hidden),
                app.theme.dim(),
            )));
        }
        rows::render(frame, panel, &changes, None, None, app.theme, false);
    }
    let out = review_rows(app, list.width as usize);
    super::answer_list(app, frame, list, &out, false);
}

pub fn item_at(app: &App, x: u16, y: u16) -> Option<usize> {
    let body = super::body(super::screen_area(app));
    let (_, list) = areas(app, body);
    let out = review_rows(app, list.width as usize);
    rows::item_at(&out, list, Some(app.selected), Some(""), x, y)
}
