//! The notes box: the note being edited, wrapped in the box, and the others by name.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::report::entry_label;
use crate::strings::fill;
use crate::text::truncate;
use crate::tui::desk::{Desk, NotesForm};
use crate::tui::view::dialog::{WIDTH, dim_lines, error_lines};

use super::boxed_with_field;

pub(super) fn render(desk: &Desk, form: &NotesForm, frame: &mut Frame, area: Rect) {
    let w = desk.words();
    let theme = desk.theme();
    let room = (WIDTH - 4) as usize;
    let Some(open) = desk.open.as_deref() else {
        return;
    };
    let mut lines: Vec<Line<'static>> = dim_lines(&w.desk_notes_lead, room, theme).collect();
    lines.push(Line::default());
    // The note being edited, wrapped; the others by name with their first line.
    let mut cursor = None;
    let content = open.app.content();
    for (i, (target, field)) in form.notes.iter().enumerate() {
        let name = match target {
            None => w.desk_note_client.clone(),
            Some(e) => {
                // The entry's label is "Entry 2 · Fresno · convicted": its details
                // say which case the note is about.
                let person = open.app.interview.person();
                let label = entry_label(content, person, *e);
                let number = crate::report::entry_number(w, person, *e);
                let name = fill(&w.desk_note_entry, &[("n", &number)]);
                match label.split_once(" · ") {
                    Some((_, details)) => format!("{name}: {details}"),
                    None => name,
                }
            }
        };
        let style = if i == form.at {
            theme.selected()
        } else {
            theme.title()
        };
        lines.push(Line::from(Span::styled(truncate(&name, room), style)));
        if i == form.at {
            let (text_lines, (row, col)) = wrapped_field(field.text(), field.cursor(), room - 2);
            let first = lines.len();
            for l in text_lines.into_iter().take(8) {
                lines.push(Line::from(vec![
                    Span::raw("  "),
                    Span::styled(format!("{l:<width$}", width = room - 2), theme.field()),
                ]));
            }
            if row < 8 {
                cursor = Some((first + row, 2 + col as u16));
            }
        } else if !field.is_empty() {
            let first = field.text().lines().next().unwrap_or_default();
            lines.push(Line::from(Span::styled(
                format!("  {}", truncate(first, room - 2)),
                theme.dim(),
            )));
        }
    }
    error_lines(&mut lines, &form.error, room, theme);
    // Keep the box on the screen however many entries there are.
    let max = (area.height as usize).saturating_sub(4);
    if lines.len() > max {
        lines.truncate(max);
    }
    boxed_with_field(
        frame,
        area,
        &w.desk_notes_title,
        lines,
        &w.desk_notes_keys,
        theme,
        cursor,
    );
}

/// A note laid out in rows of `room` characters, line breaks kept; and the cursor's
/// row and column.
fn wrapped_field(text: &str, cursor: usize, room: usize) -> (Vec<String>, (usize, usize)) {
    let room = room.max(1);
    let mut rows = vec![String::new()];
    let mut at = (0, 0);
    for (i, c) in text.chars().enumerate() {
        if c != '\n' && rows.last().is_some_and(|r| r.chars().count() >= room) {
            rows.push(String::new());
        }
        if i == cursor {
            at = (rows.len() - 1, rows.last().map_or(0, |r| r.chars().count()));
        }
        match c {
            '\n' => rows.push(String::new()),
            c => rows.last_mut().into_iter().for_each(|r| r.push(c)),
        }
    }
    if cursor >= text.chars().count() {
        let last = rows.last().map_or(0, |r| r.chars().count());
        at = if last >= room {
            rows.push(String::new());
            (rows.len() - 1, 0)
        } else {
            (rows.len() - 1, last)
        };
    }
    (rows, at)
}

#[cfg(test)]
mod tests {
    use super::wrapped_field;

    #[test]
    fn notes_wrap_and_keep_line_breaks() {
        let (rows, at) = wrapped_field("abcdef\ngh", 9, 4);
        assert_eq!(rows, ["abcd", "ef", "gh"]);
        assert_eq!(at, (2, 2));
        let (_, at) = wrapped_field("abcdef", 1, 4);
        assert_eq!(at, (0, 1));
        let (rows, at) = wrapped_field("abcd", 4, 4);
        assert_eq!(rows, ["abcd", ""]);
        assert_eq!(at, (1, 0));
    }
}
