//! The first screen: what clearpath does, that it is not legal advice, how long it
//! takes, that nothing is kept, and how to begin; at a kiosk, an invitation to the
//! next person, and how to clear the screen.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::rows::{self, Row};
use crate::text;
use crate::tui::app::App;

/// A comfortable reading width; on a wide terminal the text is centred.
const WIDTH: u16 = 76;
/// The kiosk's welcome, with its indented paragraphs, is set a little narrower.
const KIOSK_WIDTH: u16 = 72;

pub fn render(app: &App, frame: &mut Frame, body: Rect) {
    let theme = app.theme;
    let w = app.words();
    let (area, width) = column(body, WIDTH);
    let mut out = vec![Row::blank()];
    out.push(Row::text(Span::styled(
        w.tui_tagline.as_str(),
        theme.title(),
    )));
    out.push(Row::blank());
    let notice = app.content().meta.notice.as_str();
    paragraphs(
        &mut out,
        &[
            (&w.tui_welcome_what, Style::new()),
            (notice, theme.title()),
            (&w.tui_welcome_time, Style::new()),
            (&w.tui_welcome_privacy, Style::new()),
        ],
        width,
        0,
    );
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
    rows::render(frame, area, &out, None, None, theme, false);
}

/// The kiosk's welcome: an invitation to the next person, the notice, and how to start.
pub fn render_kiosk(app: &App, frame: &mut Frame, body: Rect) {
    let theme = app.theme;
    let w = app.words();
    let (area, width) = column(body, KIOSK_WIDTH);
    let band = |text: &str| {
        let pad = width.saturating_sub(text::width(text) + 2);
        Row::text(Span::styled(
            format!(" {text}{} ", " ".repeat(pad)),
            theme.heading(),
        ))
    };
    let mut out = vec![Row::blank(), band(&w.kiosk_invite), Row::blank()];
    let notice = app.content().meta.notice.as_str();
    paragraphs(
        &mut out,
        &[
            (&w.kiosk_what, Style::new()),
            (notice, theme.title()),
            (&w.kiosk_privacy, Style::new()),
        ],
        width,
        1,
    );
    out.push(band(&w.kiosk_start));
    out.push(Row::blank());
    rows::paragraph(&mut out, &w.kiosk_clear_how, width, 1, Style::new());
    rows::render(frame, area, &out, None, None, theme, false);
}

/// A column of at most `most` cells, centred in the body, and its width.
fn column(body: Rect, most: u16) -> (Rect, usize) {
    let width = body.width.min(most);
    let area = Rect {
        x: body.x + (body.width - width) / 2,
        width,
        ..body
    };
    (area, width as usize)
}

/// Paragraphs in their styles, each followed by a blank row.
fn paragraphs(out: &mut Vec<Row>, texts: &[(&str, Style)], width: usize, indent: usize) {
    for (text, style) in texts {
        rows::paragraph(out, text, width, indent, *style);
        out.push(Row::blank());
    }
}
