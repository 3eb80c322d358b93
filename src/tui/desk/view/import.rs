//! The boxes that read a RAP sheet into an intake: the file to read, and, when the
//! sheet differs from answers already given, both answers side by side in words.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use crate::strings::fill;
use crate::text::{wrap, wrap_hanging};
use crate::tui::desk::{Desk, ImportChoice, ImportForm};
use crate::tui::view::dialog::{WIDTH, boxed, field_with_error};

use super::boxed_with_field;

pub(super) fn form(desk: &Desk, form: &ImportForm, frame: &mut Frame, area: Rect) {
    let w = desk.words();
    let room = (WIDTH - 4) as usize;
    let text = fill(&w.desk_rap_sheet_text, &[("client", &form.label)]);
    let mut lines: Vec<Line<'static>> = wrap(&text, room).into_iter().map(Line::from).collect();
    lines.push(Line::default());
    let cursor = field_with_error(&mut lines, &form.path, &form.error, room, desk.theme());
    boxed_with_field(
        frame,
        area,
        &w.desk_rap_sheet_title,
        lines,
        &w.desk_rap_sheet_keys,
        desk.theme(),
        Some(cursor),
    );
}

pub(super) fn choice(desk: &Desk, choice: &ImportChoice, frame: &mut Frame, area: Rect) {
    let w = desk.words();
    let room = (WIDTH - 4) as usize;
    let lead = fill(&w.desk_rap_sheet_differs, &[("client", &choice.label)]);
    let mut lines: Vec<Line<'static>> = wrap(&lead, room).into_iter().map(Line::from).collect();
    // From the one scrolled to, as many differences as the screen holds, then how
    // many more there are: every one can be seen before choosing.
    let keep = (area.height as usize).saturating_sub(lines.len() + 7);
    if choice.top > 0 {
        lines.push(Line::from(fill(
            &w.desk_rap_sheet_above,
            &[("n", &choice.top)],
        )));
    }
    let mut shown = choice.top;
    for row in &choice.differs[choice.top..] {
        let wrapped: Vec<Line<'static>> = wrap_hanging(row, room - 2, room - 4)
            .into_iter()
            .enumerate()
            .map(|(i, part)| Line::from(format!("{}{part}", if i == 0 { "· " } else { "    " })))
            .collect();
        if lines.len() + wrapped.len() > keep && shown > choice.top {
            break;
        }
        lines.extend(wrapped);
        shown += 1;
    }
    if shown < choice.differs.len() {
        let more = choice.differs.len() - shown;
        lines.push(Line::from(fill(&w.desk_rap_sheet_more, &[("n", &more)])));
    }
    boxed(
        frame,
        area,
        &w.desk_rap_sheet_differs_title,
        lines,
        &w.desk_rap_sheet_differs_keys,
        desk.theme(),
    );
}
