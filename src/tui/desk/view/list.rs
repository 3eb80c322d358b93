//! The client list: the header with the day's count, the search, the table of
//! intakes, and the footer of the keys that fit.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::intake::Status;
use crate::strings::{Strings, fill};
use crate::text::{truncate, width};
use crate::tui::desk::Desk;
use crate::tui::strings::{self as s, Key};
use crate::tui::theme::Theme;
use crate::tui::view::dialog::field_line;

/// The client list's keys, in the order the footer shows them.
pub const LIST_KEYS: [Key; 10] = [
    Key::Open,
    Key::New,
    Key::Search,
    Key::MarkDone,
    Key::Printout,
    Key::RapSheet,
    Key::Tally,
    Key::DeleteIntake,
    Key::Help,
    Key::Quit,
];

/// The list keys that fit in `room` columns: help and quit always, then the others
/// in order of use, shown in the order of [`LIST_KEYS`].
pub fn list_footer(w: &'static Strings, room: usize) -> Vec<Key> {
    let by_use = [
        Key::Open,
        Key::New,
        Key::Search,
        Key::Printout,
        Key::MarkDone,
        Key::RapSheet,
        Key::Tally,
        Key::DeleteIntake,
    ];
    let cost = |k: &Key| width(k.key()) + 1 + width(k.what(w)) + 2;
    let mut used = 1 + cost(&Key::Help) + cost(&Key::Quit);
    let mut chosen = vec![Key::Help, Key::Quit];
    for k in by_use {
        if used + cost(&k) > room + 2 {
            break;
        }
        used += cost(&k);
        chosen.push(k);
    }
    LIST_KEYS
        .into_iter()
        .filter(|k| chosen.contains(k))
        .collect()
}

pub(super) fn render(desk: &Desk, frame: &mut Frame, area: Rect) {
    let theme = desk.theme();
    let w = desk.words();
    let row = |y: u16| Rect {
        y: area.y + y,
        height: 1,
        ..area
    };
    // Header: the mode, and the day's count on the right.
    let title = Line::from(vec![
        Span::styled(format!(" {}", s::APP_NAME), theme.title()),
        Span::raw(format!(" · {}", w.desk_title)),
    ]);
    frame.render_widget(Paragraph::new(title), row(0));
    let today = desk.today();
    let started_today = desk
        .listed
        .iter()
        .filter(|l| l.intake().is_some_and(|i| i.created_date() == today))
        .count();
    let count = fill(
        &w.desk_count,
        &[("n", &desk.listed.len()), ("today", &started_today)],
    );
    let count_width = width(&count) as u16 + 1;
    if count_width + 30 < area.width {
        let rect = Rect {
            x: area.right() - count_width,
            width: count_width,
            ..row(0)
        };
        frame.render_widget(Paragraph::new(count), rect);
    }
    frame.render_widget(
        Paragraph::new("─".repeat(area.width as usize)).style(theme.dim()),
        row(1),
    );

    // Search.
    let label = format!("  {}: ", w.desk_search);
    let field_room = (area.width as usize)
        .saturating_sub(width(&label) + 2)
        .min(24);
    let (field, cursor) = field_line(&desk.search, field_room + 2, theme);
    let mut search = vec![Span::styled(label.clone(), theme.title())];
    search.extend(field.spans.into_iter().skip(1));
    if desk.search.is_empty() && !desk.searching {
        search.push(Span::styled(
            format!("  {}", w.desk_search_hint),
            theme.dim(),
        ));
    }
    frame.render_widget(Paragraph::new(Line::from(search)), row(2));
    if desk.searching && desk.dialog.is_none() {
        let x = area.x + width(&label) as u16 + cursor - 2;
        frame.set_cursor_position((x, area.y + 2));
    }

    // The table.
    let columns = Columns::new(w, area.width as usize, &desk.listed);
    frame.render_widget(Paragraph::new(columns.header(w)).style(theme.dim()), row(4));
    let shown = desk.matching();
    let height = (area.height as usize).saturating_sub(7);
    let top = desk.selected.saturating_sub(height.saturating_sub(1));
    let mut lines: Vec<Line> = Vec::new();
    if shown.is_empty() {
        let text = if desk.listed.is_empty() {
            w.desk_empty.clone()
        } else {
            fill(&w.desk_no_match, &[("query", &desk.search.text())])
        };
        lines.push(Line::from(format!("  {text}")));
    }
    for (n, &i) in shown.iter().enumerate().skip(top).take(height) {
        let selected = n == desk.selected;
        let text = columns.row(w, &desk.listed[i]);
        let marker = if selected { "▸ " } else { "  " };
        let style = match (&desk.listed[i].state, selected) {
            (_, true) => theme.selected(),
            (Err(_), false) => theme.error(),
            (Ok(intake), false) if intake.status == Status::Done => theme.dim(),
            _ => Style::new(),
        };
        lines.push(Line::from(vec![
            Span::raw(marker),
            Span::styled(text, style),
        ]));
    }
    let table = Rect {
        y: area.y + 5,
        height: height as u16,
        ..area
    };
    frame.render_widget(Paragraph::new(lines), table);

    // Footer.
    if let Some(m) = &desk.message {
        let style = if m.error { theme.error() } else { theme.info() };
        let text = truncate(&m.text, (area.width as usize).saturating_sub(2));
        frame.render_widget(
            Paragraph::new(Span::styled(format!(" {text}"), style)),
            row(area.height - 2),
        );
    }
    frame.render_widget(
        Paragraph::new(key_line(&list_footer(w, area.width as usize), w, theme)),
        row(area.height - 1),
    );
}

/// Keys as a footer draws them: the key, then what it does.
fn key_line(keys: &[Key], w: &'static Strings, theme: Theme) -> Line<'static> {
    let mut spans = vec![Span::raw(" ")];
    for (i, k) in keys.iter().enumerate() {
        if i > 0 {
            spans.push(Span::raw("  "));
        }
        spans.push(Span::styled(k.key(), theme.key()));
        spans.push(Span::raw(format!(" {}", k.what(w))));
    }
    Line::from(spans)
}

/// The list's column widths, the client's name taking what is left.
struct Columns {
    status: usize,
    saved: usize,
    entries: usize,
    client: usize,
}

impl Columns {
    /// The status column is as wide as the longest status the list shows.
    fn new(w: &Strings, total: usize, listed: &[crate::intake::Listed]) -> Self {
        let status = [
            &w.desk_col_status,
            &w.desk_status_open,
            &w.desk_status_done,
            &w.desk_damaged,
        ]
        .into_iter()
        .chain(
            listed
                .iter()
                .filter_map(|l| l.state.as_ref().err())
                .map(|d| status_of(w, d)),
        )
        .map(|t| width(t))
        .max()
        .unwrap_or(8);
        let saved = 16.max(width(&w.desk_col_saved));
        let entries = width(&w.desk_col_entries).max(3);
        let used = 2 + status + 2 + saved + 2 + entries + 2;
        Columns {
            status,
            saved,
            entries,
            client: total.saturating_sub(used + 2).max(10),
        }
    }

    fn header(&self, w: &Strings) -> String {
        format!(
            "  {:<sw$}  {:<dw$}  {:>ew$}  {}",
            w.desk_col_status,
            w.desk_col_saved,
            w.desk_col_entries,
            w.desk_col_client,
            sw = self.status,
            dw = self.saved,
            ew = self.entries,
        )
    }

    fn row(&self, w: &Strings, listed: &crate::intake::Listed) -> String {
        match &listed.state {
            Ok(intake) => {
                let status = match intake.status {
                    Status::Open => &w.desk_status_open,
                    Status::Done => &w.desk_status_done,
                };
                format!(
                    "{:<sw$}  {:<dw$}  {:>ew$}  {}",
                    status,
                    intake.updated.format("%Y-%m-%d %H:%M").to_string(),
                    intake.entries.len(),
                    marked_label(w, intake, self.client),
                    sw = self.status,
                    dw = self.saved,
                    ew = self.entries,
                )
            }
            Err(damage) => {
                let reason = crate::sanitize::flat(&damage.to_string());
                let text = format!("{}: {reason}", listed.id);
                let status = status_of(w, damage);
                format!(
                    "{:<sw$}  {}",
                    status,
                    truncate(&text, self.saved + self.entries + self.client + 4),
                    sw = self.status,
                )
            }
        }
    }
}

/// The status shown for a file that does not open: damaged, another clinic's, or
/// plain among encrypted intakes.
fn status_of<'w>(w: &'w Strings, damage: &crate::intake::file::Damage) -> &'w String {
    match damage {
        crate::intake::file::Damage::OtherClinic => &w.desk_other_clinic,
        crate::intake::file::Damage::NotEncrypted => &w.desk_plain,
        _ => &w.desk_damaged,
    }
}

/// The client's label in `room` columns: a long name is cut before the intake
/// number, which the clinic finds files by.
fn fitted_label(intake: &crate::intake::Intake, room: usize) -> String {
    let label = intake.label();
    let number = crate::sanitize::flat(intake.number.trim());
    if width(&label) <= room || number.is_empty() {
        return truncate(&label, room);
    }
    let tail = format!(" (#{number})");
    let name = crate::sanitize::flat(intake.name.trim());
    format!(
        "{}{tail}",
        truncate(&name, room.saturating_sub(width(&tail)))
    )
}

/// The client's label, after a mark when the intake is a conflict copy.
fn marked_label(w: &Strings, intake: &crate::intake::Intake, room: usize) -> String {
    if intake.conflict_of.is_empty() {
        return fitted_label(intake, room);
    }
    let mark = format!("{} · ", w.desk_conflict_mark);
    format!(
        "{mark}{}",
        fitted_label(intake, room.saturating_sub(width(&mark)))
    )
}
