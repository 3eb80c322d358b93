//! The desk's help: where the files are, and every key of the list and of an intake.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::strings::fill;
use crate::text::{width, wrap};
use crate::tui::desk::Desk;
use crate::tui::strings::Key;
use crate::tui::view::dialog::{WIDTH, boxed};

use super::{LIST_KEYS, heading};

pub(super) fn render(desk: &Desk, frame: &mut Frame, area: Rect) {
    let w = desk.words();
    let theme = desk.theme();
    let room = (WIDTH - 4) as usize;
    let dir = desk.store().dir().display().to_string();
    let mut lines: Vec<Line<'static>> = wrap(&fill(&w.desk_help_lead, &[("dir", &dir)]), room)
        .into_iter()
        .map(Line::from)
        .collect();
    lines.push(Line::default());
    let in_intake = [
        Key::Notes,
        Key::Details,
        Key::Printout,
        Key::Clients,
        Key::ClientsCtrl,
    ];
    let keys: Vec<Key> = LIST_KEYS.iter().copied().chain(in_intake).collect();
    let key_room = keys.iter().map(|k| width(k.key())).max().unwrap_or(0) + 1;
    for (i, k) in keys.into_iter().enumerate() {
        if i == LIST_KEYS.len() {
            lines.push(heading(&w.desk_help_in_intake, theme));
        }
        let key = format!("{:<key_room$}", k.key());
        let what = k.describe(w);
        for (i, l) in wrap(&what, room - 2 - key_room).into_iter().enumerate() {
            let head = if i == 0 {
                key.clone()
            } else {
                " ".repeat(key_room)
            };
            lines.push(Line::from(vec![
                Span::styled(format!("  {head}"), theme.key()),
                Span::raw(l),
            ]));
        }
    }
    let max = (area.height as usize).saturating_sub(4);
    lines.truncate(max);
    boxed(
        frame,
        area,
        &w.desk_help_title,
        lines,
        &w.tui_key_close,
        theme,
    );
}
