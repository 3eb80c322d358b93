//! Help, on `?` anywhere: this question's help, the keys for this screen, and the
//! questions people ask most (from the content's FAQ).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use crate::tui::app::{App, Screen};
use crate::tui::strings as s;
use crate::tui::text::wrap;

pub fn lines(app: &App, width: usize) -> Vec<Line<'static>> {
    let theme = app.theme;
    let mut out: Vec<Line<'static>> = Vec::new();
    let para = |out: &mut Vec<Line<'static>>, text: &str, indent: usize, style: Style| {
        for l in wrap(text, width.saturating_sub(indent)) {
            out.push(Line::from(vec![
                Span::raw(" ".repeat(indent)),
                Span::styled(l, style),
            ]));
        }
    };
    if app.screen == Screen::Question
        && let Some(a) = app.interview.asking()
    {
        {
            out.push(Line::from(Span::styled(
                s::HELP_TITLE_QUESTION,
                theme.heading(),
            )));
            para(&mut out, &a.question.text, 0, theme.title());
            para(&mut out, &a.question.help, 0, Style::new());
            out.push(Line::default());
        }
    }
    out.push(Line::from(Span::styled(s::KEYS_TITLE, theme.heading())));
    let mut keys = super::hints(app);
    if matches!(app.screen, Screen::Question) && app.typing() {
        keys.push(s::K_TYPE_BACK);
        keys.push(s::K_CLEAR);
    }
    if app.screen == Screen::Results {
        keys.insert(1, s::K_PAGE);
    }
    if app.kiosk.is_none() {
        keys.push(s::K_QUIT_CTRL);
    }
    keys.push(s::K_MOUSE);
    keys.dedup();
    for (key, what) in keys {
        out.push(Line::from(vec![
            Span::styled(format!("  {key:<12}"), theme.key()),
            Span::raw(what),
        ]));
    }
    out.push(Line::default());
    let faq = &app.content().faq;
    if !faq.is_empty() {
        out.push(Line::from(Span::styled(s::FAQ_TITLE, theme.heading())));
        for f in faq {
            para(&mut out, &f.question, 0, theme.title());
            para(&mut out, &f.answer, 2, Style::new());
            out.push(Line::default());
        }
    }
    out
}

/// The help box and the text area inside it.
fn areas(area: Rect) -> (Rect, Rect) {
    let outer = super::centered(
        area,
        area.width.saturating_sub(4).min(90),
        area.height.saturating_sub(2),
    );
    let inner = Rect {
        x: outer.x + 2,
        y: outer.y + 1,
        width: outer.width.saturating_sub(4),
        height: outer.height.saturating_sub(2),
    };
    (outer, inner)
}

pub fn max_scroll(app: &App) -> usize {
    let (_, inner) = areas(super::screen_area(app));
    lines(app, inner.width as usize)
        .len()
        .saturating_sub(inner.height as usize)
}

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let (outer, inner) = areas(area);
    let all = lines(app, inner.width as usize);
    let max = all.len().saturating_sub(inner.height as usize);
    let scroll = app.help_scroll.min(max);
    let title = format!(" {} ", s::HELP_TITLE);
    let more = if max > 0 {
        format!(" ↑↓ {} · Esc {} ", s::K_SCROLL.1, s::K_CLOSE.1)
    } else {
        format!(" Esc {} ", s::K_CLOSE.1)
    };
    frame.render_widget(Clear, outer);
    frame.render_widget(
        Block::new()
            .borders(Borders::ALL)
            .title(Span::styled(title, app.theme.title()))
            .title_bottom(Line::from(more).right_aligned()),
        outer,
    );
    let shown: Vec<Line> = all
        .into_iter()
        .skip(scroll)
        .take(inner.height as usize)
        .collect();
    frame.render_widget(Paragraph::new(shown), inner);
}
