//! The passphrase box, alone on the screen: nothing of the list or of an open intake
//! shows while the folder is locked.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Clear;

use super::boxed_with_field;
use crate::strings::fill;
use crate::text::wrap;
use crate::tui::desk::{Desk, Gate, Purpose};
use crate::tui::view::dialog::WIDTH;

/// The masked passphrase shows at most this many dots.
const DOTS: usize = 40;

pub(super) fn render(desk: &Desk, gate: &Gate, frame: &mut Frame, area: Rect) {
    frame.render_widget(Clear, area);
    let w = desk.words();
    let theme = desk.theme();
    let room = (WIDTH - 4) as usize;
    let (title, lead, keys) = match &gate.purpose {
        Purpose::Unlock => (
            &w.desk_unlock_title,
            &w.desk_unlock_lead,
            &w.desk_unlock_keys,
        ),
        Purpose::Choose => (
            &w.desk_create_title,
            &w.desk_create_lead,
            &w.desk_create_keys,
        ),
        Purpose::Confirm(_) => (
            &w.desk_create_title,
            &w.desk_create_again,
            &w.desk_create_keys,
        ),
    };
    let mut lines: Vec<Line<'static>> = Vec::new();
    if let Some(minutes) = gate.idle_minutes {
        let text = fill(&w.desk_unlock_idle, &[("minutes", &minutes)]);
        lines.extend(wrap(&text, room).into_iter().map(Line::from));
        lines.push(Line::default());
    }
    lines.extend(wrap(lead, room).into_iter().map(Line::from));
    lines.push(Line::default());
    let dots = gate.typed.text().chars().count().min(DOTS);
    let field_row = lines.len();
    lines.push(Line::from(Span::styled(
        format!("{:<width$}", "•".repeat(dots), width = DOTS + 2),
        theme.field(),
    )));
    let said = match (gate.busy, gate.wait, &gate.said) {
        (true, _, _) => Some((w.desk_unlocking.clone(), false)),
        (false, Some(seconds), _) => {
            Some((fill(&w.desk_unlock_wait, &[("seconds", &seconds)]), true))
        }
        (false, None, Some(said)) => Some((said.clone(), true)),
        (false, None, None) => None,
    };
    if let Some((text, error)) = said {
        lines.push(Line::default());
        let style = if error { theme.error() } else { theme.dim() };
        lines.extend(
            wrap(&text, room)
                .into_iter()
                .map(|l| Line::from(Span::styled(l, style))),
        );
    }
    let cursor = (!gate.busy && gate.wait.is_none()).then_some((field_row, dots as u16));
    boxed_with_field(frame, area, title, lines, keys, theme, cursor);
}
