//! Drawing the kiosk: the ordinary screens in a large, high-contrast style, the kiosk
//! welcome, the "Still here?" countdown and the operator's PIN box.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::Kiosk;
use crate::strings::{Strings, fill};
use crate::tui::app::{App, KioskKeys};
use crate::tui::strings::{self as s, Key};
use crate::tui::text::wrap;
use crate::tui::theme::Theme;
use crate::tui::view::{self, rows};

/// The welcome's reading width.
const WIDTH: u16 = 72;

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

/// The welcome: an invitation to the next person, the notice, and how to start.
pub fn welcome(app: &App, frame: &mut Frame, body: Rect) {
    let theme = app.theme;
    let w = app.words();
    let width = body.width.min(WIDTH) as usize;
    let area = Rect {
        x: body.x + (body.width - width as u16) / 2,
        width: width as u16,
        ..body
    };
    let band = |text: &str| {
        let pad = width.saturating_sub(crate::tui::text::width(text) + 2);
        rows::Row::text(Span::styled(
            format!(" {text}{} ", " ".repeat(pad)),
            theme.heading(),
        ))
    };
    let mut out = vec![
        rows::Row::blank(),
        band(&w.kiosk_invite),
        rows::Row::blank(),
    ];
    rows::paragraph(&mut out, &w.kiosk_what, width, 1, Style::new());
    out.push(rows::Row::blank());
    rows::paragraph(
        &mut out,
        &app.content().meta.notice,
        width,
        1,
        theme.title(),
    );
    out.push(rows::Row::blank());
    rows::paragraph(&mut out, &w.kiosk_privacy, width, 1, Style::new());
    out.push(rows::Row::blank());
    out.push(band(&w.kiosk_start));
    out.push(rows::Row::blank());
    rows::paragraph(&mut out, &w.kiosk_clear_how, width, 1, Style::new());
    rows::render(frame, area, &out, None, theme, false);
}

/// The footer's keys in kiosk mode: no quitting or saving; printing when set up;
/// starting over is finishing; the quick-clear key always.
pub fn hints(kiosk: KioskKeys, hints: Vec<Key>) -> Vec<Key> {
    let mut out: Vec<Key> = hints
        .into_iter()
        .filter_map(|k| match k {
            Key::Quit | Key::QuitCtrl => None,
            Key::Export => kiosk.print.then_some(Key::Print),
            Key::StartOver => Some(Key::Done),
            k => Some(k),
        })
        .collect();
    out.push(Key::ClearScreen);
    out
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
