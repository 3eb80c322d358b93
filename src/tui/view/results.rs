//! The results: per entry each remedy with its status (a symbol and a word), reason,
//! statute, forms and date; the plan; the caveats by topic; when to see a lawyer; the
//! rules version. One long page that scrolls.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState};

use crate::content::model::Topic;
use crate::engine::screen::Screening;
use crate::report::{deciding_questions, entry_label, grant_phrase, status_phrase, topic_title};
use crate::strings::Strings;
use crate::tui::app::App;
use crate::tui::strings as s;
use crate::tui::text::{wrap, wrap_hanging};
use crate::tui::theme::Theme;

struct Page {
    lines: Vec<Line<'static>>,
    width: usize,
    theme: Theme,
}

impl Page {
    fn blank(&mut self) {
        self.lines.push(Line::default());
    }

    fn heading(&mut self, text: &str) {
        self.lines.push(Line::from(Span::styled(
            text.to_string(),
            self.theme.heading(),
        )));
    }

    fn text(&mut self, text: &str, indent: usize, style: Style) {
        for l in wrap(text, self.width.saturating_sub(indent)) {
            self.lines.push(Line::from(vec![
                Span::raw(" ".repeat(indent)),
                Span::styled(l, style),
            ]));
        }
    }

    /// `lead` styled, then `rest`, wrapped together; later lines hang at `hang`.
    fn led(&mut self, indent: usize, lead: &str, lead_style: Style, rest: &str, hang: usize) {
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
    let words = Strings::get(content.lang);
    let person = app.interview.person();
    let computed;
    let screening: &Screening = match &app.screening {
        Some(s) => s,
        None => {
            computed = app.interview.results();
            &computed
        }
    };
    let theme = app.theme;
    let mut p = Page {
        lines: Vec::new(),
        width,
        theme,
    };
    // For an interpreter: remedy names and statuses in the second language too.
    let second = app.second().map(|c| (c, Strings::get(c.lang)));
    p.blank();
    p.text(&content.meta.notice, 0, theme.dim());
    p.blank();

    if screening.entries.is_empty() {
        p.text(&words.report_no_entries, 0, Style::new());
        p.blank();
    }
    for (e, entry) in screening.entries.iter().enumerate() {
        p.heading(&entry_label(content, person, e));
        for r in &entry.remedies {
            let def = &content.remedies[r.remedy].source;
            let lead = format!("{} {}", r.verdict.symbol(), status_phrase(r, words));
            let rest = format!(" · {} ({})", def.name, def.statute);
            p.led(2, &lead, theme.verdict(r.verdict), &rest, 2);
            if let Some((c2, w2)) = second {
                let def2 = &c2.remedies[r.remedy].source;
                let line = format!("{} · {}", status_phrase(r, w2), def2.name);
                p.text(&line, 4, theme.dim());
            }
            if let Some(reason) = r.reason(content) {
                p.text(reason, 4, Style::new());
            }
            if !r.deciding.is_empty() {
                p.text(&words.needs_info_lead, 4, Style::new());
                for q in deciding_questions(content, r) {
                    p.led(6, "- ", Style::new(), q, 2);
                }
            }
            if r.unverified(content) {
                p.text(&words.unverified_note, 4, Style::new());
            }
            if r.is_open() {
                if let Some(g) = r.grant(content) {
                    p.text(grant_phrase(g, words), 4, Style::new());
                }
                if !def.forms.is_empty() {
                    p.led(
                        4,
                        &format!("{}: ", words.tui_forms),
                        theme.title(),
                        &def.forms.join(", "),
                        2,
                    );
                }
                p.led(
                    4,
                    &format!("{}: ", words.tui_file_with),
                    theme.title(),
                    &def.file_with,
                    2,
                );
            }
        }
        p.blank();
    }

    p.heading(&words.markdown_plan);
    for (n, item) in screening.plan.iter().enumerate() {
        let step = &content.steps[item.step];
        p.led(
            2,
            &format!("{}. {}", n + 1, step.title),
            theme.title(),
            "",
            3,
        );
        p.text(&step.why, 5, Style::new());
        for &(e, r) in &item.items {
            let status = screening.entries[e]
                .remedies
                .iter()
                .find(|x| x.remedy == r)
                .map(|r| status_phrase(r, words))
                .unwrap_or_default();
            let line = format!(
                "{}: {} ({})",
                s::entry_name(words, e),
                content.remedies[r].source.name,
                status.to_lowercase()
            );
            p.led(5, "- ", Style::new(), &line, 2);
        }
    }
    p.blank();

    if !screening.caveats.is_empty() {
        p.heading(&words.markdown_caveats);
        for topic in Topic::ALL {
            let items: Vec<_> = screening
                .caveats
                .iter()
                .filter(|c| c.topic == topic)
                .collect();
            if items.is_empty() {
                continue;
            }
            p.led(2, topic_title(topic, words), theme.title(), "", 2);
            for c in items {
                let def = &content.caveats[c.caveat].source;
                let line = format!(
                    "{} ({}; {})",
                    def.text,
                    def.statute,
                    s::entry_ref(words, &c.entries)
                );
                p.led(4, "- ", Style::new(), &line, 2);
            }
        }
        p.blank();
    }

    p.heading(&words.markdown_lawyer);
    if screening.referrals.is_empty() {
        p.text(&words.no_referral, 2, Style::new());
    }
    for &r in &screening.referrals {
        p.led(
            2,
            "- ",
            Style::new(),
            &content.referrals[r].source.reason,
            2,
        );
    }
    p.text(&content.free_help, 2, Style::new());
    p.blank();

    if !screening.unsure.is_empty() {
        p.heading(&words.tui_unsure_title);
        for &(entry, fact) in &screening.unsure {
            let place = entry.map_or(words.place_person.clone(), |e| s::entry_name(words, e));
            let q = &content.fact_question(fact).text;
            p.led(2, "- ", Style::new(), &format!("{place}: {q}"), 2);
        }
        p.blank();
    }

    p.text(
        &s::footer_rules(
            words,
            &content.meta.rules_version,
            &content.meta.law_checked,
        ),
        0,
        theme.dim(),
    );
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
