//! Boxes that ask before something cannot be undone (leaving, starting over, removing
//! an entry, replacing a file), and the export form.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::rows;
use crate::content::Content;
use crate::report::Format;
use crate::report::entry_label;
use crate::strings::Strings;
use crate::text::wrap;
use crate::tui::app::{App, Dialog};
use crate::tui::strings::{self as s, Key};

pub(crate) const WIDTH: u16 = 60;

pub fn render(app: &App, dialog: &Dialog, frame: &mut Frame, area: Rect) {
    // What a confirmation says, in the language of `content` and `w`.
    let says = |content: &Content, w: &Strings| -> (String, String) {
        match dialog {
            Dialog::Quit => match &app.saved {
                Some(path) => (
                    w.tui_quit_title.clone(),
                    s::quit_text_saved(w, &path.display().to_string()),
                ),
                None => (w.tui_quit_title.clone(), w.tui_quit_text.clone()),
            },
            Dialog::StartOver => (
                w.tui_start_over_title.clone(),
                w.tui_start_over_text.clone(),
            ),
            Dialog::RemoveEntry(e) => {
                let label = entry_label(content, app.interview.person(), *e);
                (w.tui_remove_title.clone(), s::remove_entry_text(w, &label))
            }
            Dialog::Replace(path) => (
                w.tui_overwrite_title.clone(),
                s::overwrite_text(w, &path.display().to_string()),
            ),
            Dialog::Export | Dialog::Help => (String::new(), String::new()),
        }
    };
    match dialog {
        Dialog::Export => export(app, frame, area),
        Dialog::Help => {}
        _ => {
            let second = app.second().map(|c| says(c, Strings::get(c.lang)));
            confirm(app, frame, area, says(app.content(), app.words()), second);
        }
    }
}

pub(crate) fn boxed(
    frame: &mut Frame,
    area: Rect,
    title: &str,
    lines: Vec<Line<'static>>,
    keys: &str,
    theme: crate::tui::theme::Theme,
) {
    let height = lines.len() as u16 + 4;
    // Wider than usual only for lines that need it: two languages side by side.
    let widest = lines
        .iter()
        .map(|l| l.width() as u16 + 4)
        .max()
        .unwrap_or(0);
    let outer = super::centered(area, widest.max(WIDTH), height);
    frame.render_widget(Clear, outer);
    let mut block = Block::new()
        .borders(Borders::ALL)
        .title_bottom(Line::from(Span::styled(format!(" {keys} "), theme.key())).right_aligned());
    if !title.is_empty() {
        block = block.title(Span::styled(format!(" {title} "), theme.title()));
    }
    frame.render_widget(block, outer);
    let inner = Rect {
        x: outer.x + 2,
        y: outer.y + 2,
        width: outer.width.saturating_sub(4),
        height: outer.height.saturating_sub(4),
    };
    frame.render_widget(Paragraph::new(lines), inner);
}

/// A yes-or-no box: its title and text, and for an interpreter the same in the second
/// language under them.
fn confirm(
    app: &App,
    frame: &mut Frame,
    area: Rect,
    (title, text): (String, String),
    second: Option<(String, String)>,
) {
    let room = (WIDTH - 4) as usize;
    let title_fits = crate::text::width(&title) + 4 <= WIDTH as usize;
    let mut lines: Vec<Line<'static>> = Vec::new();
    let paragraph = |lines: &mut Vec<Line<'static>>, text: &str, style: Style| {
        let wrapped = wrap(text, room).into_iter().filter(|l| !l.is_empty());
        lines.extend(wrapped.map(|l| Line::from(Span::styled(l, style))));
    };
    if !title_fits {
        paragraph(&mut lines, &title, app.theme.title());
    }
    paragraph(&mut lines, &text, Style::new());
    if let Some((title, text)) = second {
        if super::two_columns(app) {
            // Beside the first language, the translation has its own title line.
            let mut right = Vec::new();
            paragraph(&mut right, &title, app.theme.title());
            paragraph(&mut right, &text, Style::new());
            if title_fits {
                lines.insert(0, Line::default());
            }
            lines = rows::beside_lines(&lines, &right, room, app.theme);
        } else {
            lines.push(Line::default());
            paragraph(&mut lines, &title, app.theme.dim());
            paragraph(&mut lines, &text, app.theme.dim());
        }
    }
    let shown_title = if title_fits { title.as_str() } else { "" };
    boxed(
        frame,
        area,
        shown_title,
        lines,
        &app.words().tui_yes_no,
        app.theme,
    );
}

fn export(app: &App, frame: &mut Frame, area: Rect) {
    let theme = app.theme;
    let w = app.words();
    let room = (WIDTH - 4) as usize;
    let form = &app.export;
    let mut lines: Vec<Line<'static>> = vec![Line::from(Span::styled(
        w.tui_export_format.clone(),
        theme.title(),
    ))];
    for f in Format::PRINTABLE {
        let (mark, style) = if f == form.format {
            ("(•) ", theme.selected())
        } else {
            ("( ) ", Style::new())
        };
        lines.push(Line::from(vec![
            Span::raw("  "),
            Span::styled(format!("{mark}{}", f.label(w)), style),
        ]));
    }
    lines.push(Line::default());
    lines.push(Line::from(Span::styled(
        w.tui_export_path.clone(),
        theme.title(),
    )));
    let (field_row, cursor) = field_with_error(&mut lines, &form.path, &form.error, room, theme);
    lines.extend(dim_lines(&w.tui_export_privacy, room, theme));
    if let Some(w2) = app.second_words() {
        lines.extend(dim_lines(&w2.tui_export_privacy, room, theme));
    }
    let keys = key_hints(&[Key::Save, Key::Format, Key::Cancel], w);
    let height = lines.len() as u16 + 4;
    boxed(frame, area, &w.tui_export_title, lines, &keys, theme);
    let outer = super::centered(area, WIDTH, height);
    frame.set_cursor_position((outer.x + 2 + cursor, outer.y + 2 + field_row as u16));
}

/// A one-line field indented two columns in `room`, scrolled so the cursor shows;
/// with the cursor's column in the line.
pub(crate) fn field_line(
    field: &crate::tui::field::Field,
    room: usize,
    theme: crate::tui::theme::Theme,
) -> (Line<'static>, u16) {
    let field_room = room.saturating_sub(2).max(1);
    let start = field.cursor().saturating_sub(field_room - 1);
    let shown: String = field.text().chars().skip(start).take(field_room).collect();
    let pad = field_room.saturating_sub(shown.chars().count());
    let line = Line::from(vec![
        Span::raw("  "),
        Span::styled(format!("{shown}{}", " ".repeat(pad)), theme.field()),
    ]);
    (line, 2 + (field.cursor() - start) as u16)
}

/// A path field followed by its error (or the blank line where one would be); returns
/// the field's row among `lines` and the cursor's column in it.
pub(crate) fn field_with_error(
    lines: &mut Vec<Line<'static>>,
    field: &crate::tui::field::Field,
    error: &Option<String>,
    room: usize,
    theme: crate::tui::theme::Theme,
) -> (usize, u16) {
    let (line, col) = field_line(field, room, theme);
    lines.push(line);
    let row = lines.len() - 1;
    error_lines(lines, error, room, theme);
    (row, col)
}

/// A form's error, wrapped, or one blank line where it would be.
pub(crate) fn error_lines(
    lines: &mut Vec<Line<'static>>,
    error: &Option<String>,
    room: usize,
    theme: crate::tui::theme::Theme,
) {
    match error {
        Some(e) => lines.extend(
            wrap(e, room)
                .into_iter()
                .map(|l| Line::from(Span::styled(l, theme.error()))),
        ),
        None => lines.push(Line::default()),
    }
}

/// A note under a form, wrapped and dim.
pub(crate) fn dim_lines(
    text: &str,
    room: usize,
    theme: crate::tui::theme::Theme,
) -> impl Iterator<Item = Line<'static>> {
    wrap(text, room)
        .into_iter()
        .map(move |l| Line::from(Span::styled(l, theme.dim())))
}

/// The keys of a box, for its bottom edge: "Enter save · ↑↓ format · Esc cancel".
pub(crate) fn key_hints(keys: &[Key], w: &'static crate::strings::Strings) -> String {
    let keys: Vec<String> = keys
        .iter()
        .map(|k| format!("{} {}", k.key(), k.what(w)))
        .collect();
    keys.join(" · ")
}
