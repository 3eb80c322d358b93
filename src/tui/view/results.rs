//! The results: per entry each remedy with its status (a symbol and a word), reason,
//! statute, forms and date; the plan; the caveats by topic; when to see a lawyer; the
//! rules version. One long page that scrolls.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState};

use super::rows;
use crate::engine::screen::Screening;
use crate::report::layout::{self, Block, Mark, Marker, Medium, Text, words_of};
use crate::report::{Audience, Document};
use crate::sanitize;
use crate::text::{wrap, wrap_hanging};
use crate::tui::app::App;
use crate::tui::theme::Theme;

struct Page {
    lines: Vec<Line<'static>>,
    width: usize,
    theme: Theme,
}

impl Page {
    /// One blank line between parts, never two.
    fn gap(&mut self) {
        if self.lines.last().is_none_or(|l| l.width() > 0) {
            self.lines.push(Line::default());
        }
    }

    fn heading(&mut self, text: &str) {
        self.lines.push(Line::from(Span::styled(
            sanitize::line(text).into_owned(),
            self.theme.heading(),
        )));
    }

    fn style(&self, mark: Mark) -> Style {
        match mark {
            Mark::Plain => Style::new(),
            Mark::Verdict(v) => self.theme.verdict(v),
            Mark::Unsure | Mark::Label => self.theme.title(),
        }
    }

    /// An item's line: `lead` (a bullet or a number), then its text, whose first span
    /// keeps its style when it is a status or a label; later lines hang at `hang`.
    fn item(&mut self, indent: usize, lead: &str, text: &Text, hang: usize) {
        let (first, rest) = match text.split_first() {
            Some((first, rest)) if first.mark != Mark::Plain => {
                (format!("{lead}{}", first.text), rest)
            }
            _ => (lead.to_string(), &text[..]),
        };
        let first_style = text.first().map_or(Style::new(), |s| self.style(s.mark));
        let rest_text: String = rest.iter().map(|s| s.text.as_str()).collect();
        let whole_style = match rest.first() {
            Some(s) if rest.len() == 1 && s.mark != Mark::Plain => self.style(s.mark),
            _ => Style::new(),
        };
        if first == lead {
            // No styled lead: the whole line in the style of its text.
            let full = format!("{lead}{rest_text}");
            self.led(indent, &full, whole_style, "", hang.max(lead.len()));
        } else {
            self.led(
                indent,
                &first,
                first_style,
                &rest_text,
                hang.max(lead.len()),
            );
        }
    }

    fn text(&mut self, text: &str, indent: usize, style: Style) {
        let text = sanitize::line(text);
        for l in wrap(&text, self.width.saturating_sub(indent)) {
            self.lines.push(Line::from(vec![
                Span::raw(" ".repeat(indent)),
                Span::styled(l, style),
            ]));
        }
    }

    /// `lead` styled, then `rest`, wrapped together; later lines hang at `hang`.
    fn led(&mut self, indent: usize, lead: &str, lead_style: Style, rest: &str, hang: usize) {
        let (lead, rest) = (sanitize::line(lead), sanitize::line(rest));
        let full = format!("{lead}{rest}");
        let lead_chars = lead.chars().count();
        let room = self.width.saturating_sub(indent);
        let lines = wrap_hanging(&full, room, room.saturating_sub(hang));
        for (i, l) in lines.into_iter().enumerate() {
            if i == 0 {
                let split = l.char_indices().nth(lead_chars).map_or(l.len(), |(b, _)| b);
                self.lines.push(Line::from(vec![
                    Span::raw(" ".repeat(indent)),
                    Span::styled(l[..split].to_string(), lead_style),
                    Span::raw(l[split..].to_string()),
                ]));
            } else {
                let pad = " ".repeat(indent + hang);
                self.lines.push(Line::from(format!("{pad}{l}")));
            }
        }
    }
}

pub fn lines(app: &App, width: usize) -> Vec<Line<'static>> {
    let content = app.content();
    let computed;
    let screening: &Screening = match &app.screening {
        Some(s) => s,
        None => {
            computed = app.interview.results();
            &computed
        }
    };
    let person = app.interview.person();
    let blocks = |c| {
        layout::blocks(
            &Document::new(c, person, screening, Audience::Person).with_handoff(c, person),
            Medium::Screen,
        )
    };
    let theme = app.theme;
    // For an interpreter: the whole results in the second language too.
    let pairs = app
        .second()
        .and_then(|second| layout::paired(blocks(content), blocks(second)));
    match pairs {
        Some(pairs) if super::two_columns(app) => side_by_side(&pairs, width, theme),
        Some(pairs) => one_under_the_other(&pairs, width, theme),
        None => {
            let mut p = Page::new(width, theme);
            let mut at = Indents::default();
            for block in &blocks(content) {
                p.block(block, &mut at);
            }
            p.lines
        }
    }
}

/// How far text and lists step in, from the heading or topic they are under.
#[derive(Clone, Copy)]
struct Indents {
    text: usize,
    list: usize,
}

impl Default for Indents {
    fn default() -> Self {
        Indents { text: 0, list: 2 }
    }
}

impl Page {
    fn new(width: usize, theme: Theme) -> Self {
        Page {
            lines: Vec::new(),
            width,
            theme,
        }
    }

    fn block(&mut self, block: &Block, at: &mut Indents) {
        let theme = self.theme;
        match block {
            // The title bar says where the person is.
            Block::Title(_) => self.gap(),
            Block::Heading(t) => {
                self.gap();
                self.heading(t);
                *at = Indents { text: 2, list: 2 };
            }
            Block::Sub(t) => {
                self.led(2, t, theme.title(), "", 2);
                at.list = 4;
            }
            Block::Para(t) => self.text(&words_of(t), at.text, Style::new()),
            Block::Notice(t) => {
                self.text(t, 0, theme.dim());
                self.gap();
            }
            Block::Items { marker, items } => {
                for (n, item) in items.iter().enumerate() {
                    self.list_item(*marker, n, item, at.list);
                }
                self.after_list(at);
            }
            Block::Pairs(pairs) => {
                for (label, value) in pairs {
                    self.led(2, &format!("{label}: "), theme.title(), &words_of(value), 2);
                }
                self.gap();
            }
            Block::Table { header, rows } => {
                for row in rows {
                    for (i, (label, cell)) in header.iter().zip(row).enumerate() {
                        let indent = if i == 0 { 2 } else { 4 };
                        let label = format!("{label}: ");
                        self.led(indent, &label, theme.title(), &words_of(cell), 2);
                    }
                }
                self.gap();
            }
            Block::PageBreak => {}
            Block::Note(t) => self.text(t, 2, Style::new()),
            Block::Footer(t) => {
                self.gap();
                self.text(t, 0, theme.dim());
            }
        }
    }

    /// The `n`th item of a list, its lines under it.
    fn list_item(&mut self, marker: Marker, n: usize, item: &layout::Item, indent: usize) {
        let lead = match marker {
            Marker::Dash => "- ".to_string(),
            Marker::Number => format!("{}. ", n + 1),
            Marker::Status => String::new(),
            Marker::Check => "[ ] ".to_string(),
        };
        let body = indent + lead.len().max(2);
        self.item(indent, &lead, &item.head, body - indent);
        for (line, depth) in &item.lines {
            // A labelled line ("File with: …") hangs under its label.
            let hang = match line.first() {
                Some(s) if s.mark == Mark::Label => 2,
                _ => 0,
            };
            if *depth == 0 {
                self.item(body, "", line, hang);
            } else {
                let at = body + 2 * usize::from(*depth);
                self.item(at, "- ", line, 2);
            }
        }
    }

    /// A list under a heading ends with a blank line; one under a topic runs on.
    fn after_list(&mut self, at: &Indents) {
        if at.list == 2 {
            self.gap();
        }
    }
}

/// Each block's lines in one language, the parts of a list one by one, so that the two
/// languages stay level: `render(page, part)` draws part `part` of the block.
fn parts(block: &Block) -> usize {
    match block {
        Block::Items { items, .. } => items.len(),
        _ => 1,
    }
}

fn part_lines(
    block: &Block,
    part: usize,
    width: usize,
    theme: Theme,
    at: &mut Indents,
) -> Vec<Line<'static>> {
    let mut p = Page::new(width, theme);
    match block {
        Block::Items { marker, items } => p.list_item(*marker, part, &items[part], at.list),
        _ => p.block(block, at),
    }
    p.lines
}

/// Two languages in two columns, each part of the results level with its translation.
fn side_by_side(pairs: &[(Block, Block)], width: usize, theme: Theme) -> Vec<Line<'static>> {
    let column = super::column_width(width);
    let (mut left_at, mut right_at) = (Indents::default(), Indents::default());
    let mut out = Page::new(width, theme);
    for (left, right) in pairs {
        for part in 0..parts(left) {
            let l = part_lines(left, part, column, theme, &mut left_at);
            let r = part_lines(right, part, column, theme, &mut right_at);
            for line in rows::beside_lines(&l, &r, column, theme) {
                if line.width() == 0 {
                    out.gap();
                } else {
                    out.lines.push(line);
                }
            }
        }
        if matches!(left, Block::Items { .. }) {
            out.after_list(&left_at);
        }
    }
    out.lines
}

/// Two languages one under the other: each part of the results, then its translation
/// dimmed under it.
fn one_under_the_other(pairs: &[(Block, Block)], width: usize, theme: Theme) -> Vec<Line<'static>> {
    let (mut first_at, mut second_at) = (Indents::default(), Indents::default());
    let mut out = Page::new(width, theme);
    let is_blank = |l: &Line| l.width() == 0;
    for (first, second) in pairs {
        for part in 0..parts(first) {
            let mut a = part_lines(first, part, width, theme, &mut first_at);
            let b = part_lines(second, part, width, theme, &mut second_at);
            let ends_in_gap = a.last().is_some_and(is_blank);
            while a.last().is_some_and(is_blank) {
                a.pop();
            }
            for line in a {
                if is_blank(&line) {
                    out.gap();
                } else {
                    out.lines.push(line);
                }
            }
            let translation = b.into_iter().skip_while(is_blank).map(|line| {
                let style = theme.dim();
                Line::from(
                    line.spans
                        .into_iter()
                        .map(|s| s.style(style))
                        .collect::<Vec<_>>(),
                )
            });
            out.lines.extend(translation);
            if ends_in_gap {
                out.gap();
            }
        }
        if matches!(first, Block::Items { .. }) {
            out.after_list(&first_at);
        }
    }
    out.lines
}

/// Past this, lines get too long to read comfortably; wide terminals get margins.
const MAX_WIDTH: u16 = 100;

/// The text area: the body less a column for the scrollbar, as wide as two columns of
/// readable lines when two languages are shown.
fn text_area(app: &App, body: Rect) -> Rect {
    let max = match app.second() {
        Some(_) => 2 * MAX_WIDTH,
        None => MAX_WIDTH,
    };
    Rect {
        width: body.width.saturating_sub(2).min(max),
        ..body
    }
}

/// The width the results are laid out for at the app's terminal size.
pub fn page_width(app: &App) -> u16 {
    text_area(app, super::body(super::screen_area(app))).width
}

pub fn max_scroll(app: &App) -> usize {
    let area = text_area(app, super::body(super::screen_area(app)));
    let count = match &app.results_page {
        Some((w, lines)) if *w == area.width => lines.len(),
        _ => lines(app, area.width as usize).len(),
    };
    count.saturating_sub(area.height as usize)
}

pub fn render(app: &App, frame: &mut Frame, body: Rect) {
    let area = text_area(app, body);
    let computed;
    let all: &[Line<'static>] = match &app.results_page {
        Some((w, lines)) if *w == area.width => lines,
        _ => {
            computed = lines(app, area.width as usize);
            &computed
        }
    };
    scrolled(frame, body, area, all, app.scroll);
}

/// `all` drawn in `area` from line `scroll`, with a scroll bar beside it in `body`
/// when it is longer than the area.
pub fn scrolled(frame: &mut Frame, body: Rect, area: Rect, all: &[Line<'static>], scroll: usize) {
    let max = all.len().saturating_sub(area.height as usize);
    let scroll = scroll.min(max);
    let shown: Vec<Line> = all
        .iter()
        .skip(scroll)
        .take(area.height as usize)
        .cloned()
        .collect();
    frame.render_widget(Paragraph::new(shown), area);
    if max > 0 {
        let bar = Rect {
            x: area.right() + 1,
            width: 1,
            ..body
        };
        let mut state = ScrollbarState::new(max + 1).position(scroll);
        frame.render_stateful_widget(
            Scrollbar::new(ScrollbarOrientation::VerticalRight)
                .begin_symbol(Some("↑"))
                .end_symbol(Some("↓")),
            bar,
            &mut state,
        );
    }
}
