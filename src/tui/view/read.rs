//! What a RAP sheet told, before the first question: each entry's answers with the
//! sheet's lines they came from, then the lines to check, for the person to go over
//! before only the open questions are asked.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use crate::text::wrap_hanging;
use crate::tui::app::App;

/// A comfortable reading width; on a wide terminal the rest stays blank.
const MAX_WIDTH: u16 = 88;

fn text_area(body: Rect) -> Rect {
    Rect {
        width: body.width.saturating_sub(2).min(MAX_WIDTH),
        ..body
    }
}

/// The lines as laid out `width` wide: a line said indented (an answer under its
/// entry, a note under its heading) wraps under its own indent; headings stand out.
pub fn lines(app: &App, width: usize) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    for (i, said) in app.read.iter().enumerate() {
        let text = said.trim_start();
        let indent = said.len() - text.len();
        let heading = indent == 0 && i + 1 < app.read.len();
        if indent == 0 && i > 0 {
            out.push(Line::default());
        }
        // An indented line's own lines hang under it; a paragraph's do not.
        let hang = if indent > 0 { 2 } else { 0 };
        let room = width.saturating_sub(indent);
        for (n, part) in wrap_hanging(text, room, room.saturating_sub(hang))
            .into_iter()
            .enumerate()
        {
            let lead = " ".repeat(if n == 0 { indent } else { indent + hang });
            let line = Line::from(format!("{lead}{part}"));
            out.push(if heading {
                line.style(app.theme.heading())
            } else {
                line
            });
        }
    }
    out
}

pub fn max_scroll(app: &App) -> usize {
    let area = text_area(super::body(super::screen_area(app)));
    lines(app, area.width as usize)
        .len()
        .saturating_sub(area.height as usize)
}

pub fn render(app: &App, frame: &mut Frame, body: Rect) {
    let area = text_area(body);
    let all = lines(app, area.width as usize);
    super::results::scrolled(frame, body, area, &all, app.scroll);
}
