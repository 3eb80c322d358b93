//! The results: per entry each remedy with its status (a symbol and a word), reason,
//! statute, forms and date; the plan; the caveats by topic; when to see a lawyer; the
//! rules version. One long page that scrolls.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState};

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
            Mark::Second => self.theme.dim(),
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
    let mut doc = Document::new(content, app.interview.person(), screening, Audience::Person);
    // For an interpreter: remedy names and statuses in the second language too.
    if let Some(second) = app.second() {
        doc = doc.with_second_language(second, screening);
    }
    let theme = app.theme;
    let mut p = Page {
        lines: Vec::new(),
        width,
        theme,
    };
    // Under a heading, text steps in; under a topic, its list steps in again.
    let mut indent = 0;
    let mut list_indent = 2;
    for block in layout::blocks(&doc, Medium::Screen) {
        match block {
            // The title bar says where the person is.
            Block::Title(_) => p.gap(),
            Block::Heading(t) => {
                p.gap();
                p.heading(&t);
                (indent, list_indent) = (2, 2);
            }
            Block::Sub(t) => {
                p.led(2, &t, theme.title(), "", 2);
                list_indent = 4;
            }
            Block::Para(t) => p.text(&words_of(&t), indent, Style::new()),
            Block::Notice(t) => {
                p.text(&t, 0, theme.dim());
                p.gap();
            }
            Block::Items { marker, items } => {
                for (n, item) in items.iter().enumerate() {
                    let lead = match marker {
                        Marker::Dash => "- ".to_string(),
                        Marker::Number => format!("{}. ", n + 1),
                        Marker::Status => String::new(),
                    };
                    let body = list_indent + lead.len().max(2);
                    p.item(list_indent, &lead, &item.head, body - list_indent);
                    for (line, depth) in &item.lines {
                        // A labelled line ("File with: …") hangs under its label.
                        let hang = match line.first() {
                            Some(s) if s.mark == Mark::Label => 2,
                            _ => 0,
                        };
                        if *depth == 0 {
                            p.item(body, "", line, hang);
                        } else {
                            let at = body + 2 * usize::from(*depth);
                            p.item(at, "- ", line, 2);
                        }
                    }
                }
                if list_indent == 2 {
                    p.gap();
                }
            }
            Block::Pairs(pairs) => {
                for (label, value) in pairs {
                    p.led(
                        2,
                        &format!("{label}: "),
                        theme.title(),
                        &words_of(&value),
                        2,
                    );
                }
                p.gap();
            }
            Block::Note(t) => p.text(&t, 2, Style::new()),
            Block::Footer(t) => {
                p.gap();
                p.text(&t, 0, theme.dim());
            }
        }
    }
    p.lines
}

/// The text area: the body less a column for the scrollbar.
/// Past this, lines get too long to read comfortably; wide terminals get margins.
const MAX_WIDTH: u16 = 100;

fn text_area(body: Rect) -> Rect {
    Rect {
        width: body.width.saturating_sub(2).min(MAX_WIDTH),
        ..body
    }
}

/// The width the results are laid out for at the app's terminal size.
pub fn page_width(app: &App) -> u16 {
    text_area(super::body(super::screen_area(app))).width
}

pub fn max_scroll(app: &App) -> usize {
    let area = text_area(super::body(super::screen_area(app)));
    let count = match &app.results_page {
        Some((w, lines)) if *w == area.width => lines.len(),
        _ => lines(app, area.width as usize).len(),
    };
    count.saturating_sub(area.height as usize)
}

pub fn render(app: &App, frame: &mut Frame, body: Rect) {
    let area = text_area(body);
    let computed;
    let all: &[Line<'static>] = match &app.results_page {
        Some((w, lines)) if *w == area.width => lines,
        _ => {
            computed = lines(app, area.width as usize);
            &computed
        }
    };
    let max = all.len().saturating_sub(area.height as usize);
    let scroll = app.scroll.min(max);
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
