//! A screen body as a list of one-line rows, some of them part of a selectable item.
//! Drawing, scrolling to the selection and mouse hit-testing all read the same rows, so
//! a click lands on what the person sees.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::text::wrap;
use crate::tui::theme::Theme;

#[derive(Debug, Clone, Default)]
pub struct Row {
    pub line: Line<'static>,
    /// The selectable item this row belongs to.
    pub item: Option<usize>,
    /// Where the text cursor goes on this row, as a column within it.
    pub cursor: Option<u16>,
}

impl Row {
    pub fn text(line: impl Into<Line<'static>>) -> Self {
        Row {
            line: line.into(),
            ..Row::default()
        }
    }

    pub fn blank() -> Self {
        Row::default()
    }
}

/// Wraps `text` to `width` as plain rows in one style, each line after `indent`.
pub fn paragraph(
    rows: &mut Vec<Row>,
    text: &str,
    width: usize,
    indent: usize,
    style: ratatui::style::Style,
) {
    for line in wrap(text, width.saturating_sub(indent)) {
        rows.push(Row::text(Line::from(vec![
            Span::raw(" ".repeat(indent)),
            Span::styled(line, style),
        ])));
    }
}

/// Adds one item: `marker` then `label` wrapped under itself.
pub fn item(rows: &mut Vec<Row>, index: usize, marker: &str, label: &str, width: usize) {
    let lead = 2 + crate::text::width(marker);
    for (i, line) in wrap(label, width.saturating_sub(lead))
        .into_iter()
        .enumerate()
    {
        let prefix = if i == 0 {
            format!("  {marker}")
        } else {
            " ".repeat(lead)
        };
        rows.push(Row {
            line: Line::from(format!("{prefix}{line}")),
            item: Some(index),
            cursor: None,
        });
    }
}

/// Adds more rows to item `index`, lined up under a label that follows `marker`: the
/// same answer in a second language.
pub fn item_under(
    rows: &mut Vec<Row>,
    index: usize,
    marker: &str,
    label: &str,
    width: usize,
    style: ratatui::style::Style,
) {
    let lead = 2 + crate::text::width(marker);
    for line in wrap(label, width.saturating_sub(lead)) {
        rows.push(Row {
            line: Line::from(vec![Span::raw(" ".repeat(lead)), Span::styled(line, style)]),
            item: Some(index),
            cursor: None,
        });
    }
}

/// The first row to show so that the selected item is wholly on screen.
fn offset(rows: &[Row], selected: Option<usize>, height: usize) -> usize {
    let Some(sel) = selected else { return 0 };
    let last = rows.iter().rposition(|r| r.item == Some(sel));
    match last {
        Some(last) if last >= height => last + 1 - height,
        _ => 0,
    }
}

/// What part of the rows shows in `height` lines: the first row shown, how many rows,
/// and whether a last line says that more answers follow. With `more`, a list longer
/// than the screen keeps its last line for saying so, whichever item is selected.
fn window(
    rows: &[Row],
    selected: Option<usize>,
    height: usize,
    more: bool,
) -> (usize, usize, bool) {
    let reserve = more && rows.len() > height && height > 1;
    let room = height - usize::from(reserve);
    let start = offset(rows, selected, room);
    let below = reserve
        && rows[(start + room).min(rows.len())..]
            .iter()
            .any(|r| r.item.is_some());
    (start, if below { room } else { height }, below)
}

/// The item under a screen position.
pub fn item_at(
    rows: &[Row],
    area: Rect,
    selected: Option<usize>,
    more: Option<&str>,
    x: u16,
    y: u16,
) -> Option<usize> {
    if x < area.x || x >= area.right() || y < area.y || y >= area.bottom() {
        return None;
    }
    let (start, shown, _) = window(rows, selected, area.height as usize, more.is_some());
    let row = (y - area.y) as usize;
    if row >= shown {
        return None;
    }
    rows.get(start + row).and_then(|r| r.item)
}

/// Draws the rows; the selected item is reversed and marked, so it shows without color.
/// With `more`, a list longer than the screen ends with that line while answers
/// follow below.
pub fn render(
    frame: &mut Frame,
    area: Rect,
    rows: &[Row],
    selected: Option<usize>,
    more: Option<&str>,
    theme: Theme,
    cursor: bool,
) {
    let (start, shown, below) = window(rows, selected, area.height as usize, more.is_some());
    let first = selected.and_then(|sel| rows.iter().position(|r| r.item == Some(sel)));
    if let (true, Some(more)) = (below, more) {
        let last = Rect {
            y: area.y + shown as u16,
            height: 1,
            ..area
        };
        let line = Line::from(Span::styled(format!("  ↓ {more}"), theme.dim()));
        frame.render_widget(Paragraph::new(line), last);
    }
    for (i, row) in rows.iter().skip(start).take(shown).enumerate() {
        let rect = Rect {
            y: area.y + i as u16,
            height: 1,
            ..area
        };
        let chosen = selected.is_some() && row.item == selected;
        let mut line = row.line.clone();
        if chosen && first == Some(start + i) {
            // The marker column: "▸" in the two spaces every item starts with.
            if let Some(first) = line.spans.first_mut() {
                let text = first.content.to_string();
                if let Some(rest) = text.strip_prefix("  ") {
                    first.content = format!("▸ {rest}").into();
                }
            }
        }
        frame.render_widget(Paragraph::new(line), rect);
        if chosen {
            frame.buffer_mut().set_style(rect, theme.selected());
        }
        if let (true, Some(col)) = (cursor, row.cursor) {
            frame.set_cursor_position((rect.x + col, rect.y));
        }
    }
}

/// Between two columns of text, one per language.
pub const GUTTER: &str = " │ ";

/// Two columns of lines side by side, `column` wide on the left: a line and its
/// translation level with each other. A row blank on both sides stays blank.
pub fn beside_lines(
    left: &[Line<'static>],
    right: &[Line<'static>],
    column: usize,
    theme: Theme,
) -> Vec<Line<'static>> {
    let blank = Line::default();
    (0..left.len().max(right.len()))
        .map(|row| {
            let l = left.get(row).unwrap_or(&blank);
            let r = right.get(row).unwrap_or(&blank);
            if l.width() == 0 && r.width() == 0 {
                return Line::default();
            }
            let mut spans = l.spans.clone();
            spans.push(Span::raw(" ".repeat(column.saturating_sub(l.width()))));
            spans.push(Span::styled(GUTTER, theme.dim()));
            spans.extend(r.spans.iter().cloned());
            Line::from(spans)
        })
        .collect()
}

/// Two columns of rows side by side, as [`beside_lines`]: a row belongs to the item
/// of either side, and keeps the left side's cursor.
pub fn beside(left: Vec<Row>, right: Vec<Row>, column: usize, theme: Theme) -> Vec<Row> {
    let lines = |rows: &[Row]| rows.iter().map(|r| r.line.clone()).collect::<Vec<_>>();
    let joined = beside_lines(&lines(&left), &lines(&right), column, theme);
    joined
        .into_iter()
        .enumerate()
        .map(|(i, line)| {
            let (l, r) = (left.get(i), right.get(i));
            Row {
                line,
                item: l.and_then(|r| r.item).or(r.and_then(|r| r.item)),
                cursor: l.and_then(|r| r.cursor),
            }
        })
        .collect()
}
