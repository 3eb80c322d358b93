//! Drawing the kiosk: the ordinary screens (with the kiosk's welcome and keys, which
//! the interview's views draw for a kiosk's [`crate::tui::app::Mode`]) in a large,
//! high-contrast style, and over them the "Still here?" countdown and the operator's
//! PIN box.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::Kiosk;
use crate::strings::{Strings, fill};
use crate::text::wrap;
use crate::tui::strings as s;
use crate::tui::theme::Theme;
use crate::tui::view;

pub fn render(kiosk: &Kiosk, frame: &mut Frame) {
    view::render(&kiosk.app, frame);
    let area = frame.area();
    let w = kiosk.app.words();
    if let Some(seconds) = kiosk.countdown {
        countdown(w, kiosk.app.theme, seconds, frame, area);
    } else if let Some(pin) = &kiosk.pin {
        pin_box(w, kiosk.app.theme, pin, frame, area);
    }
    contrast(frame.buffer_mut(), kiosk.app.theme);
}

/// Every cell bold and nothing dim; with color, light on black wherever the screen
/// left the terminal's own colors, so the contrast does not depend on its settings.
fn contrast(buf: &mut Buffer, theme: Theme) {
    for cell in buf.content.iter_mut() {
        cell.modifier.insert(Modifier::BOLD);
        cell.modifier.remove(Modifier::DIM);
        if theme.color {
            if cell.fg == Color::Reset {
                cell.fg = Color::White;
            }
            if cell.bg == Color::Reset {
                cell.bg = Color::Black;
            }
        }
    }
}

fn framed(frame: &mut Frame, area: Rect, title: &str, lines: Vec<Line<'static>>, theme: Theme) {
    let width = 56.min(area.width);
    let outer = view::centered(area, width, lines.len() as u16 + 4);
    frame.render_widget(Clear, outer);
    frame.render_widget(
        Block::new()
            .borders(Borders::ALL)
            .border_type(ratatui::widgets::BorderType::Thick)
            .title(Span::styled(format!(" {title} "), theme.heading())),
        outer,
    );
    let inner = Rect {
        x: outer.x + 3,
        y: outer.y + 2,
        width: outer.width.saturating_sub(6),
        height: outer.height.saturating_sub(4),
    };
    frame.render_widget(Paragraph::new(lines), inner);
}

fn countdown(w: &'static Strings, theme: Theme, seconds: u64, frame: &mut Frame, area: Rect) {
    let room = 50;
    let mut lines: Vec<Line<'static>> = wrap(&w.kiosk_press_any_key, room)
        .into_iter()
        .map(|l| Line::from(Span::styled(l, theme.title())))
        .collect();
    lines.push(Line::default());
    lines.extend(
        wrap(&s::kiosk_clearing_in(w, seconds), room)
            .into_iter()
            .map(Line::from),
    );
    framed(frame, area, &w.kiosk_still_here, lines, theme);
}

fn pin_box(
    w: &'static Strings,
    theme: Theme,
    pin: &super::PinPrompt,
    frame: &mut Frame,
    area: Rect,
) {
    let masked = "•".repeat(pin.typed.text().chars().count().min(40));
    let mut lines = vec![
        Line::from(w.kiosk_pin_prompt.as_str()),
        Line::from(Span::styled(format!("{masked:<42}"), theme.field())),
    ];
    lines.push(match (pin.wait, pin.wrong) {
        (Some(seconds), _) => Line::from(Span::styled(
            fill(&w.kiosk_pin_wait, &[("seconds", &seconds)]),
            theme.error(),
        )),
        (None, true) => Line::from(Span::styled(w.kiosk_pin_wrong.as_str(), theme.error())),
        (None, false) => Line::default(),
    });
    lines.push(Line::from(Span::styled(
        w.kiosk_pin_keys.as_str(),
        theme.key(),
    )));
    framed(frame, area, &w.kiosk_pin_title, lines, theme);
}
