//! One question: its text, the answers as a list or a field to type into, and its help
//! beside it when the terminal is wide enough (else one key away, on `?`).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::rows::{self, Row};
use crate::content::model::AnswerKind;
use crate::strings::Strings;
use crate::strings::options_in;
use crate::text::wrap;
use crate::tui::app::{App, Item};

/// From this body width on, the help sits beside the question.
const WIDE: u16 = 100;
const HELP_WIDTH: u16 = 38;

/// The list area and, when wide, the help area.
fn areas(body: Rect) -> (Rect, Option<Rect>) {
    if body.width < WIDE {
        return (body, None);
    }
    let list = Rect {
        width: body.width - HELP_WIDTH - 2,
        ..body
    };
    let help = Rect {
        x: body.right() - HELP_WIDTH,
        width: HELP_WIDTH,
        ..body
    };
    (list, Some(help))
}

pub fn question_rows(app: &App, width: usize) -> Vec<Row> {
    let theme = app.theme;
    let w = app.words();
    let mut out = Vec::new();
    let Some(asking) = app.interview.asking() else {
        return out;
    };
    match app.edit {
        Some(_) => {
            out.push(Row::text(Span::styled(
                w.tui_editing_note.clone(),
                theme.info(),
            )));
            out.push(Row::blank());
        }
        None => out.push(Row::blank()),
    }
    rows::paragraph(&mut out, &asking.question.text, width, 0, theme.title());
    // For an interpreter: the same question in the second language, under it.
    let second = app
        .second()
        .and_then(|c| Some((c.lang, &c.questions.get(asking.index)?.source)));
    let second_labels: Vec<String> = match second {
        Some((lang, q)) => {
            rows::paragraph(&mut out, &q.text, width, 0, theme.dim());
            options_in(q, lang).into_iter().map(|(_, l)| l).collect()
        }
        None => Vec::new(),
    };
    out.push(Row::blank());
    let numbered = !app.typing();
    let items = app.items();
    let listed_from = usize::from(items.first() == Some(&Item::Field));
    for (i, item) in items.iter().enumerate() {
        match item {
            Item::Field => field_rows(app, &mut out, width, i, &asking.question.answers),
            Item::Answer(_, label) => {
                let marker = if numbered {
                    format!("{}. ", i + 1)
                } else {
                    out.push(Row::blank());
                    String::from("· ")
                };
                rows::item(&mut out, i, &marker, label, width);
                if let Some(other) = second_labels.get(i - listed_from) {
                    rows::item_under(&mut out, i, &marker, other, width, theme.dim());
                }
                if let Some(refusal) = app.field_error.as_ref().filter(|r| r.item == i) {
                    rows::paragraph(&mut out, &refusal.text, width, 4, theme.error());
                }
            }
        }
    }
    out
}

fn field_rows(app: &App, out: &mut Vec<Row>, width: usize, index: usize, kind: &AnswerKind) {
    let theme = app.theme;
    let w = app.words();
    let label = format!("  {}: [", w.tui_your_answer);
    let label_width = crate::text::width(&label);
    let room = width.saturating_sub(label_width + 2).clamp(10, 40);
    let text: Vec<char> = app.field.text().chars().collect();
    let cursor = app.field.cursor();
    // Scroll the field sideways so the cursor stays inside it.
    let start = cursor.saturating_sub(room - 1);
    let shown: String = text.iter().skip(start).take(room).collect();
    let pad = room.saturating_sub(shown.chars().count());
    out.push(Row {
        line: Line::from(vec![
            Span::raw(label.clone()),
            Span::styled(format!("{shown}{}", " ".repeat(pad)), theme.field()),
            Span::raw("]"),
        ]),
        item: Some(index),
        cursor: Some((label_width + cursor - start) as u16),
    });
    let offered = offered(app);
    match app.field_error.as_ref().filter(|r| r.item == index) {
        Some(refusal) => rows::paragraph(out, &refusal.text, width, 4, theme.error()),
        None if !offered.is_empty() => {
            for line in offered {
                rows::paragraph(out, &line, width, 4, theme.dim());
            }
        }
        None => {
            rows::paragraph(out, type_hint(w, kind), width, 4, theme.dim());
            if let Some(second) = app.second() {
                let hint = type_hint(Strings::get(second.lang), kind);
                rows::paragraph(out, hint, width, 4, theme.dim());
            }
        }
    }
}

/// What the table behind the question offers for what is typed: for the code section,
/// the sections that begin with it, each with its name, so the person sees which one
/// the table will read; for the county, the counties it begins or nearly is.
fn offered(app: &App) -> Vec<String> {
    let content = app.content();
    let Some(asking) = app.interview.asking() else {
        return Vec::new();
    };
    let fact = Some(content.questions[asking.index].fact);
    let typed = app.field.text();
    if app.field.is_empty() {
        Vec::new()
    } else if fact == content.sections.fact {
        content
            .sections
            .matching(typed)
            .into_iter()
            .map(|s| format!("{} · {}", s.code, s.name))
            .collect()
    } else if fact == content.counties.fact {
        content
            .counties
            .matching(typed)
            .into_iter()
            .map(String::from)
            .collect()
    } else {
        Vec::new()
    }
}

fn type_hint<'w>(w: &'w Strings, kind: &AnswerKind) -> &'w str {
    match kind {
        AnswerKind::Date => &w.tui_type_date,
        AnswerKind::Money => &w.tui_type_money,
        AnswerKind::Number => &w.tui_type_number,
        AnswerKind::Months => &w.tui_type_months,
        _ => &w.tui_type_text,
    }
}

/// The question's rows, and under them its help when the help is not beside it: the
/// whole text when it fits, else where to find it.
fn all_rows(app: &App, list: Rect, help_beside: bool) -> Vec<Row> {
    let width = list.width as usize;
    let mut out = question_rows(app, width);
    if help_beside {
        return out;
    }
    if let Some(asking) = app.interview.asking() {
        let mut help = vec![Row::blank()];
        help.push(Row::text(Span::styled(
            app.words().tui_help_title_question.clone(),
            app.theme.title(),
        )));
        for (text, style) in help_texts(app, asking.index) {
            rows::paragraph(&mut help, text, width, 0, style);
        }
        if out.len() + help.len() <= list.height as usize {
            out.extend(help);
        } else {
            out.push(Row::blank());
            let more = app.in_both(|_, w| w.tui_more_help.clone());
            rows::paragraph(&mut out, &more, width, 0, app.theme.dim());
        }
    }
    out
}

/// The question's help, and for an interpreter the same in the second language, dim.
fn help_texts<'a>(app: &'a App, question: usize) -> Vec<(&'a str, Style)> {
    let mut texts = vec![(
        app.content().questions[question].source.help.as_str(),
        Style::new(),
    )];
    if let Some(q) = app.second().and_then(|c| c.questions.get(question)) {
        texts.push((q.source.help.as_str(), app.theme.dim()));
    }
    texts
}

pub fn render(app: &App, frame: &mut Frame, body: Rect) {
    let (list, help) = areas(body);
    let out = all_rows(app, list, help.is_some());
    let cursor = app.dialog.is_none() && app.typing() && app.selected == 0;
    super::answer_list(app, frame, list, &out, cursor);
    if let (Some(area), Some(asking)) = (help, app.interview.asking()) {
        let block = Block::new()
            .borders(Borders::LEFT)
            .border_style(app.theme.dim())
            .title(Span::styled(
                format!(" {}", app.words().tui_help_title_question),
                app.theme.title(),
            ));
        let inner = block.inner(area);
        frame.render_widget(block, area);
        let mut lines = Vec::new();
        for (text, style) in help_texts(app, asking.index) {
            lines.push(Line::default());
            let wrapped = wrap(text, inner.width.saturating_sub(1) as usize);
            lines.extend(
                wrapped
                    .into_iter()
                    .map(|l| Line::styled(format!(" {l}"), style)),
            );
        }
        frame.render_widget(Paragraph::new(lines), inner);
    }
}

pub fn item_at(app: &App, x: u16, y: u16) -> Option<usize> {
    let (list, help) = areas(super::body(super::screen_area(app)));
    let out = all_rows(app, list, help.is_some());
    rows::item_at(&out, list, Some(app.selected), Some(""), x, y)
}
