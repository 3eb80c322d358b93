//! The entries told so far, with "add another", "that is all" and, after a
//! conviction, another count in the same case. Any entry can be removed from here.

use ratatui::Frame;
use ratatui::layout::Rect;

use super::rows::{self, Row};
use crate::report::entry_label;
use crate::tui::app::App;
use crate::tui::strings as s;

fn entries_rows(app: &App, width: usize) -> Vec<Row> {
    let theme = app.theme;
    let w = app.words();
    let n = app.interview.entry_count();
    let mut out = vec![Row::blank()];
    rows::paragraph(
        &mut out,
        &s::entries_lead(w, app.interview.person().case_total()),
        width,
        0,
        theme.title(),
    );
    out.push(Row::blank());
    for e in 0..n {
        let label = entry_label(app.content(), app.interview.person(), e);
        rows::item(&mut out, e, "", &label, width);
    }
    out.push(Row::blank());
    rows::item(&mut out, n, "1. ", &w.add_another_yes, width);
    rows::item(&mut out, n + 1, "2. ", &w.tui_no_more_entries, width);
    if let Some(first) = app.interview.count_can_follow() {
        let (case, _) = app.interview.person().case_and_count(first);
        rows::item(&mut out, n + 2, "3. ", &w.add_count(case), width);
    }
    out.push(Row::blank());
    rows::paragraph(&mut out, &w.tui_remove_hint, width, 0, theme.dim());
    out
}

pub fn render(app: &App, frame: &mut Frame, body: Rect) {
    let out = entries_rows(app, body.width as usize);
    super::answer_list(app, frame, body, &out, false);
}

pub fn item_at(app: &App, x: u16, y: u16) -> Option<usize> {
    let body = super::body(super::screen_area(app));
    let out = entries_rows(app, body.width as usize);
    rows::item_at(&out, body, Some(app.selected), Some(""), x, y)
}
