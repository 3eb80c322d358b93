//! The first screen: what clearpath does, that it is not legal advice, how long it
//! takes, that nothing is kept, and how to begin.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::rows::{self, Row};
use crate::tui::app::App;

/// A comfortable reading width; on a wide terminal the text is centred.
const WIDTH: u16 = 76;

pub fn render(app: &App, frame: &mut Frame, body: Rect) {
    let theme = app.theme;
    let w = app.words();
    let width = body.width.min(WIDTH) as usize;
    let area = Rect {
        x: body.x + (body.width - width as u16) / 2,
        width: width as u16,
        ..body
    };
    let mut out = vec![Row::blank()];
    out.push(Row::text(Span::styled(
        w.tui_tagline.as_str(),
        theme.title(),
    )));
    out.push(Row::blank());
    rows::paragraph(&mut out, &w.tui_welcome_what, width, 0, Style::new());
    out.push(Row::blank());
    rows::paragraph(
        &mut out,
        &app.content().meta.notice,
        width,
        0,
        theme.title(),
    );
    out.push(Row::blank());
    rows::paragraph(&mut out, &w.tui_welcome_time, width, 0, Style::new());
    out.push(Row::blank());
    rows::paragraph(&mut out, &w.tui_welcome_privacy, width, 0, Style::new());
    out.push(Row::blank());
    out.push(Row::text(Line::from(vec![Span::styled(
        w.tui_welcome_start.as_str(),
        theme.key(),
    )])));
    rows::paragraph(&mut out, &w.tui_welcome_keys, width, 0, Style::new());

    // A longer language or notice: give up blank lines, from the top, before text.
    while out.len() > area.height as usize {
        match out.iter().position(|r| r.line.width() == 0) {
            Some(blank) => {
                out.remove(blank);
            }
            None => break,
        }
    }
    rows::render(frame, area, &out, None, theme, false);
}
