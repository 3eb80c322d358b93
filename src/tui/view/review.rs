//! Every answer, grouped by entry, each one a row to change; and after a change, what
//! it changed in the results, before → after.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::rows::{self, Row};
use crate::content::Content;
use crate::engine::Verdict;
use crate::report::{entry_label, review_answer, verdict_phrase};
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
        let title = format!(
            "{} · {name}",
            crate::report::entry_name(w, app.interview.person(), c.entry)
        );
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
    let first = (app.content(), app.words());
    let mut out = vec![Row::blank()];
    let Some(second) = app.second() else {
        for part in parts(app, first, width, None) {
            out.extend(part);
        }
        return out;
    };
    // For an interpreter: each part beside its translation, or over it, dimmed.
    let second = (second, Strings::get(second.lang));
    if super::two_columns(app) {
        let column = super::column_width(width);
        let left = parts(app, first, column, None);
        let right = parts(app, second, column, None);
        for (l, r) in left.into_iter().zip(right) {
            out.extend(rows::beside(l, r, column, app.theme));
        }
    } else {
        let left = parts(app, first, width, None);
        let right = parts(app, second, width, Some(app.theme.dim()));
        for (l, r) in left.into_iter().zip(right) {
            out.extend(l);
            out.extend(r.into_iter().skip_while(|r| r.line.width() == 0));
        }
    }
    out
}

/// The review in the language of `content` and `w`, part by part: the lead, then one
/// part per review row. `translation` is the style of a translation shown under the
/// first language, which steps in under each answer's marker.
fn parts(
    app: &App,
    (content, w): (&Content, &Strings),
    width: usize,
    translation: Option<Style>,
) -> Vec<Vec<Row>> {
    let theme = app.theme;
    let plain = translation.unwrap_or_default();
    let mut lead = Vec::new();
    rows::paragraph(&mut lead, &w.tui_review_lead, width, 0, plain);
    let mut parts = vec![lead, vec![Row::blank()]];
    let answer_col = (width * 3 / 5).max(30).min(width.saturating_sub(8));
    for (i, row) in app.review_rows().iter().enumerate() {
        let mut out = Vec::new();
        match row {
            ReviewRow::ShowResults | ReviewRow::ManageEntries => {
                let (marker, label) = match row {
                    ReviewRow::ShowResults => ("→ ", &w.tui_show_results),
                    _ => ("+ ", &w.tui_manage_entries),
                };
                match translation {
                    Some(style) => rows::item_under(&mut out, i, marker, label, width, style),
                    None => rows::item(&mut out, i, marker, label, width),
                }
            }
            ReviewRow::Heading(entry) => {
                let title = match entry {
                    None => w.place_person.clone(),
                    Some(e) => entry_label(content, app.interview.person(), *e),
                };
                out.push(Row::blank());
                out.push(Row::text(Span::styled(
                    truncate(&title, width),
                    translation.unwrap_or(theme.heading()),
                )));
            }
            ReviewRow::Answer { entry, question } => {
                let slot = app
                    .interview
                    .answered(*entry)
                    .into_iter()
                    .find(|(q, _)| q == question)
                    .map(|(_, slot)| slot)
                    .unwrap_or_default();
                let def = &content.questions[*question];
                let q = truncate(&def.source.text, answer_col - 5);
                let pad = answer_col.saturating_sub(2 + crate::text::width(&q));
                let mut answer = review_answer(&app.interview, *entry, *question, &slot);
                if let Some(source) = entry.and_then(|e| app.interview.source(e, *question)) {
                    answer.push_str(&format!(" · {}", w.source(&source)));
                }
                out.push(Row {
                    line: Line::from(vec![
                        Span::styled(format!("  {q}{}", " ".repeat(pad)), plain),
                        Span::styled(
                            truncate(&answer, width.saturating_sub(answer_col)),
                            translation.unwrap_or(theme.title()),
                        ),
                    ]),
                    item: Some(i),
                    cursor: None,
                });
            }
        }
        parts.push(out);
    }
    parts
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
