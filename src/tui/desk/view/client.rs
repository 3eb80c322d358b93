//! The new intake's box, and the same box for the open intake's client's details.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::strings::Strings;
use crate::tui::desk::{Desk, NewForm};
use crate::tui::view::dialog::{WIDTH, dim_lines, error_lines, field_line};

use super::{boxed_with_field, heading};

/// The new intake's box, or (`details`) the open intake's client's details.
pub(super) fn render(desk: &Desk, form: &NewForm, details: bool, frame: &mut Frame, area: Rect) {
    let w = desk.words();
    let theme = desk.theme();
    let room = (WIDTH - 4) as usize;
    let mut lines: Vec<Line<'static>> = dim_lines(&w.desk_new_lead, room, theme).collect();
    lines.push(Line::default());
    let mut cursor = None;
    for (i, (label, field)) in [
        (&w.desk_new_name, &form.name),
        (&w.desk_new_number, &form.number),
    ]
    .into_iter()
    .enumerate()
    {
        lines.push(heading(label, theme));
        let (line, col) = field_line(field, room, theme);
        lines.push(line);
        if form.focus == i {
            cursor = Some((lines.len() - 1, col));
        }
    }
    lines.push(heading(&w.desk_new_lang, theme));
    let mut choices = vec![Span::raw("  ")];
    for (i, lang) in desk.languages().into_iter().enumerate() {
        let name = Strings::get(lang).tui_language_name.clone();
        let (mark, style) = match (i == form.lang, form.focus == 2) {
            (true, true) => ("(•) ", theme.selected()),
            (true, false) => ("(•) ", Style::new()),
            _ => ("( ) ", Style::new()),
        };
        choices.push(Span::styled(format!("{mark}{name}"), style));
        choices.push(Span::raw("   "));
    }
    lines.push(Line::from(choices));
    if !details {
        lines.push(heading(&w.desk_new_code, theme));
        let (line, col) = field_line(&form.code, room, theme);
        lines.push(line);
        if form.focus == 3 {
            cursor = Some((lines.len() - 1, col));
        }
    }
    error_lines(&mut lines, &form.error, room, theme);
    let (title, keys) = match details {
        false => (&w.desk_new_title, &w.desk_new_keys),
        true => (&w.desk_details_title, &w.desk_details_keys),
    };
    boxed_with_field(frame, area, title, lines, keys, theme, cursor);
}
