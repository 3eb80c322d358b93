//! Help, on `?` anywhere: this question's help, the keys for this screen, and the
//! questions people ask most (from the content's FAQ).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::rows;
use crate::content::Content;
use crate::strings::Strings;
use crate::text::wrap;
use crate::tui::app::{App, Mode, Screen};
use crate::tui::strings::Key;

pub fn lines(app: &App, width: usize) -> Vec<Line<'static>> {
    if let Some(second) = app.second().filter(|_| super::two_columns(app)) {
        // For an interpreter: each part of the help beside its translation.
        let column = super::column_width(width);
        let left = sections(app, app.content(), app.words(), column);
        let right = sections(app, second, Strings::get(second.lang), column);
        return left
            .iter()
            .zip(&right)
            .flat_map(|(l, r)| rows::beside_lines(l, r, column, app.theme))
            .collect();
    }
    let theme = app.theme;
    let w = app.words();
    let mut out: Vec<Line<'static>> = Vec::new();
    let para = |out: &mut Vec<Line<'static>>, text: &str, indent: usize, style: Style| {
        for l in wrap(text, width.saturating_sub(indent)) {
            out.push(Line::from(vec![
                Span::raw(" ".repeat(indent)),
                Span::styled(l, style),
            ]));
        }
    };
    // For an interpreter, each text is followed by the same in the second language.
    let second = app.second();
    if app.screen == Screen::Question
        && let Some(a) = app.interview.asking()
    {
        out.push(Line::from(Span::styled(
            w.tui_help_title_question.clone(),
            theme.heading(),
        )));
        para(&mut out, &a.question.text, 0, theme.title());
        para(&mut out, &a.question.help, 0, Style::new());
        if let Some(q) = second.and_then(|c| c.questions.get(a.index)) {
            para(&mut out, &q.source.text, 0, theme.dim());
            para(&mut out, &q.source.help, 0, theme.dim());
        }
        out.push(Line::default());
    }
    out.push(Line::from(Span::styled(
        w.tui_keys_title.clone(),
        theme.heading(),
    )));
    for k in keys(app) {
        out.extend(key_lines(app, k, w, width));
        if let Some(w2) = app.second_words() {
            para(&mut out, &k.describe(w2), 14, theme.dim());
        }
    }
    out.push(Line::default());
    let faq = &app.content().faq;
    if !faq.is_empty() {
        out.push(Line::from(Span::styled(
            w.tui_faq_title.clone(),
            theme.heading(),
        )));
        let second_faq = second.map_or(&[][..], |c| &c.faq[..]);
        for (i, f) in faq.iter().enumerate() {
            para(&mut out, &f.question, 0, theme.title());
            para(&mut out, &f.answer, 2, Style::new());
            if let Some(f) = second_faq.get(i) {
                para(&mut out, &f.question, 0, theme.dim());
                para(&mut out, &f.answer, 2, theme.dim());
            }
            out.push(Line::default());
        }
    }
    out
}

/// The keys this screen takes, for the help.
fn keys(app: &App) -> Vec<Key> {
    let mut keys = super::hints(app);
    if matches!(app.screen, Screen::Question) && app.typing() {
        keys.push(Key::Erase);
        keys.push(Key::Clear);
    }
    if app.screen == Screen::Results {
        keys.insert(1, Key::Page);
    }
    // Not in the footer, for room: the review's lead says it.
    if app.screen == Screen::Review {
        let at = keys
            .iter()
            .position(|k| *k == Key::Change)
            .map_or(0, |i| i + 1);
        keys.insert(at, Key::Source);
    }
    if app.mode == Mode::Alone {
        keys.push(Key::QuitCtrl);
    }
    keys.push(Key::Mouse);
    if let Some(lang) = app.next_lang()
        && !keys.contains(&Key::Language(lang))
    {
        keys.push(Key::Language(lang));
    }
    keys.dedup();
    keys
}

/// A key and what it does; a description too long for `width` wraps under itself.
fn key_lines(app: &App, k: Key, w: &'static Strings, width: usize) -> Vec<Line<'static>> {
    let key = match k {
        // In a field `l` is a letter; F2 works there too.
        Key::Language(_) => format!("{} F2", k.key()),
        _ => k.key().to_string(),
    };
    let lead = format!("  {key:<12}");
    let room = width.saturating_sub(crate::text::width(&lead)).max(10);
    wrap(&k.describe(w), room)
        .into_iter()
        .enumerate()
        .map(|(i, d)| match i {
            0 => Line::from(vec![
                Span::styled(lead.clone(), app.theme.key()),
                Span::raw(d),
            ]),
            _ => Line::from(format!("{}{d}", " ".repeat(lead.len()))),
        })
        .collect()
}

/// The help in one language, `width` wide, in parts that keep level with the same
/// parts in another: this question's help, the keys, then each question people ask.
fn sections(
    app: &App,
    content: &Content,
    w: &'static Strings,
    width: usize,
) -> Vec<Vec<Line<'static>>> {
    let theme = app.theme;
    let para = |out: &mut Vec<Line<'static>>, text: &str, indent: usize, style: Style| {
        for l in wrap(text, width.saturating_sub(indent)) {
            out.push(Line::from(vec![
                Span::raw(" ".repeat(indent)),
                Span::styled(l, style),
            ]));
        }
    };
    let heading = |text: &str| Line::from(Span::styled(text.to_string(), theme.heading()));
    let mut sections = Vec::new();
    if app.screen == Screen::Question
        && let Some(q) = app
            .interview
            .asking()
            .and_then(|a| content.questions.get(a.index))
    {
        let mut out = vec![heading(&w.tui_help_title_question)];
        para(&mut out, &q.source.text, 0, theme.title());
        para(&mut out, &q.source.help, 0, Style::new());
        out.push(Line::default());
        sections.push(out);
    }
    let mut out = vec![heading(&w.tui_keys_title)];
    for k in keys(app) {
        out.extend(key_lines(app, k, w, width));
    }
    out.push(Line::default());
    sections.push(out);
    if !content.faq.is_empty() {
        sections.push(vec![heading(&w.tui_faq_title)]);
        for f in &content.faq {
            let mut out = Vec::new();
            para(&mut out, &f.question, 0, theme.title());
            para(&mut out, &f.answer, 2, Style::new());
            out.push(Line::default());
            sections.push(out);
        }
    }
    sections
}

/// The help box and the text area inside it: wide enough for two languages side by
/// side when an interpreter's are shown beside each other.
fn areas(app: &App, area: Rect) -> (Rect, Rect) {
    let max = if super::two_columns(app) { 180 } else { 90 };
    let outer = super::centered(
        area,
        area.width.saturating_sub(4).min(max),
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
    let (_, inner) = areas(app, super::screen_area(app));
    lines(app, inner.width as usize)
        .len()
        .saturating_sub(inner.height as usize)
}

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let (outer, inner) = areas(app, area);
    let all = lines(app, inner.width as usize);
    let max = all.len().saturating_sub(inner.height as usize);
    let scroll = app.help_scroll.min(max);
    let w = app.words();
    let title = format!(" {} ", w.tui_help_title);
    let mut keys = Vec::new();
    if max > 0 {
        keys.push(Key::Scroll);
    }
    keys.extend(app.next_lang().map(Key::Language));
    keys.push(Key::Close);
    let keys: Vec<String> = keys
        .iter()
        .map(|k| format!("{} {}", k.key(), k.what(w)))
        .collect();
    let more = format!(" {} ", keys.join(" · "));
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
