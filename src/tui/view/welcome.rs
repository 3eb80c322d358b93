//! The first screen: what clearpath does, that it is not legal advice, how long it
//! takes, that nothing is kept, and how to begin.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::rows::{self, Row};
use crate::tui::app::App;
use crate::tui::strings as s;

/// A comfortable reading width; on a wide terminal the text is centred.
const WIDTH: u16 = 76;

pub fn render(app: &App, frame: &mut Frame, body: Rect) {
    let theme = app.theme;
    let width = body.width.min(WIDTH) as usize;
    let area = Rect {
        x: body.x + (body.width - width as u16) / 2,
        width: width as u16,
        ..body
    };
    let mut out = vec![Row::blank()];
    out.push(Row::text(Span::styled(s::TAGLINE, theme.title())));
    out.push(Row::blank());
    rows::paragraph(&mut out, s::WELCOME_WHAT, width, 0, Style::new());
    out.push(Row::blank());
    rows::paragraph(
        &mut out,
        &app.content().meta.notice,
        width,
        0,
        theme.title(),
    );
    out.push(Row::blank());
    rows::paragraph(&mut out, s::WELCOME_TIME, width, 0, Style::new());
    out.push(Row::blank());
    rows::paragraph(&mut out, s::WELCOME_PRIVACY, width, 0, Style::new());
    out.push(Row::blank());
    out.push(Row::text(Line::from(vec![Span::styled(
        s::WELCOME_START,
        theme.key(),
    )])));
    rows::paragraph(&mut out, s::WELCOME_KEYS, width, 0, Style::new());
    rows::render(frame, area, &out, None, theme, false);
}
