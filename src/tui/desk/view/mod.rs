//! Drawing the clinic desk: the client list, and the desk's boxes over the list or
//! over an open intake, which the interview's own views draw. One module per thing
//! drawn:
//!
//! - [`list`]: the client list, its columns and its footer;
//! - `client`: the new intake's box and the client's details;
//! - `notes`: the notes about the client and each entry;
//! - `files`: the boxes that write a file (printouts, the tally, a copy of an intake
//!   that could not be saved) and the box that asks before leaving without a save;
//! - `import`: reading a RAP sheet into an intake, and its answers that differ;
//! - `help`: the desk's keys;
//! - `gate`: the passphrase box of an encrypted folder, alone on the screen.

mod client;
mod files;
mod gate;
mod help;
mod import;
pub mod list;
mod notes;

pub use list::{LIST_KEYS, list_footer};

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::strings::fill;
use crate::text::wrap;
use crate::tui::desk::{Desk, DeskDialog};
use crate::tui::strings::{self as s};
use crate::tui::theme::Theme;
use crate::tui::view::dialog::{WIDTH, boxed};
use crate::tui::view::{self as app_view, centered};

pub fn render(desk: &Desk, frame: &mut Frame) {
    let area = frame.area();
    if let Some(gate) = &desk.gate {
        if desk.too_small() {
            too_small(desk, frame, area);
        } else {
            gate::render(desk, gate, frame, area);
        }
        return;
    }
    match &desk.open {
        Some(open) => app_view::render(&open.app, frame),
        None if desk.too_small() => too_small(desk, frame, area),
        None => list::render(desk, frame, area),
    }
    if let Some(dialog) = &desk.dialog
        && !desk.too_small()
    {
        render_dialog(desk, dialog, frame, area);
    }
}

fn too_small(desk: &Desk, frame: &mut Frame, area: Rect) {
    let w = desk.words();
    let size = s::too_small_size(
        w,
        area.width,
        area.height,
        crate::tui::app::MIN_WIDTH,
        crate::tui::app::MIN_HEIGHT,
    );
    let mut lines = Vec::new();
    for text in [
        w.tui_too_small.as_str(),
        size.as_str(),
        "",
        w.tui_too_small_leave.as_str(),
    ] {
        lines.extend(wrap(text, area.width as usize).into_iter().map(Line::from));
    }
    frame.render_widget(
        Paragraph::new(lines).alignment(ratatui::layout::Alignment::Center),
        area,
    );
}

fn render_dialog(desk: &Desk, dialog: &DeskDialog, frame: &mut Frame, area: Rect) {
    let w = desk.words();
    let theme = desk.theme();
    let room = (WIDTH - 4) as usize;
    match dialog {
        DeskDialog::Help => help::render(desk, frame, area),
        DeskDialog::Delete { label, .. } => {
            let text = fill(&w.desk_delete_text, &[("client", label)]);
            let lines = wrap(&text, room).into_iter().map(Line::from).collect();
            boxed(
                frame,
                area,
                &w.desk_delete_title,
                lines,
                &w.tui_yes_no,
                theme,
            );
        }
        DeskDialog::Replace { path, .. } => {
            let text = s::overwrite_text(w, &path.display().to_string());
            let lines = wrap(&text, room).into_iter().map(Line::from).collect();
            boxed(
                frame,
                area,
                &w.tui_overwrite_title,
                lines,
                &w.tui_yes_no,
                theme,
            );
        }
        DeskDialog::NotSaved(text) | DeskDialog::Conflict(text) | DeskDialog::Held(text) => {
            let title = match dialog {
                DeskDialog::Conflict(_) => &w.desk_conflict_title,
                DeskDialog::Held(_) => &w.desk_held_title,
                _ => &w.desk_not_saved_title,
            };
            let lines = wrap(text, room).into_iter().map(Line::from).collect();
            boxed(frame, area, title, lines, &w.desk_not_saved_keys, theme);
        }
        DeskDialog::Leave(reason) => files::leave(desk, reason, frame, area),
        DeskDialog::Copy(form) => files::copy(desk, form, frame, area),
        DeskDialog::New(form) => client::render(desk, form, false, frame, area),
        DeskDialog::Details(form) => client::render(desk, form, true, frame, area),
        DeskDialog::Notes(form) => notes::render(desk, form, frame, area),
        DeskDialog::Export(form) => files::export(desk, form, frame, area),
        DeskDialog::Tally(form) => files::tally(desk, form, frame, area),
        DeskDialog::Import(form) => import::form(desk, form, frame, area),
        DeskDialog::ImportChoice(choice) => import::choice(desk, choice, frame, area),
    }
}

/// A box with a field in it: draws it and puts the cursor in the field.
pub(super) fn boxed_with_field(
    frame: &mut Frame,
    area: Rect,
    title: &str,
    lines: Vec<Line<'static>>,
    keys: &str,
    theme: Theme,
    cursor: Option<(usize, u16)>,
) {
    let height = lines.len() as u16 + 4;
    boxed(frame, area, title, lines, keys, theme);
    if let Some((row, col)) = cursor {
        let outer = centered(area, WIDTH, height);
        frame.set_cursor_position((outer.x + 2 + col, outer.y + 2 + row as u16));
    }
}

pub(super) fn heading(text: &str, theme: Theme) -> Line<'static> {
    Line::from(Span::styled(text.to_string(), theme.title()))
}
