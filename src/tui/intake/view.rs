//! Drawing the intake desk: the client list and the boxes over it. An open intake is
//! drawn by the interview's own views, with the desk's boxes on top.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{CopyForm, Desk, DeskDialog, EXPORTS, ExportForm, NewForm, NotesForm, TallyForm};
use crate::intake::Status;
use crate::intake::export::{Audience, Format};
use crate::report::entry_label;
use crate::strings::{Strings, fill};
use crate::tui::strings::{self as s, Key};
use crate::tui::text::{truncate, width, wrap};
use crate::tui::theme::Theme;
use crate::tui::view::dialog::{
    WIDTH, boxed, dim_lines, error_lines, field_line, field_with_error, key_hints,
};
use crate::tui::view::{self as app_view, centered};

/// The client list's keys, in the order the footer shows them.
pub const LIST_KEYS: [Key; 9] = [
    Key::Open,
    Key::New,
    Key::Search,
    Key::MarkDone,
    Key::Printout,
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

pub fn render(desk: &Desk, frame: &mut Frame) {
    let area = frame.area();
    match &desk.open {
        Some(open) => app_view::render(&open.app, frame),
        None if desk.too_small() => too_small(desk, frame, area),
        None => list(desk, frame, area),
    }
    if let Some(dialog) = &desk.dialog
        && !desk.too_small()
    {
        render_dialog(desk, dialog, frame, area);
    }
}

fn too_small(desk: &Desk, frame: &mut Frame, area: Rect) {
    let w = desk.words();
    let size = s::too_small_size(
        w,
        area.width,
        area.height,
        crate::tui::app::MIN_WIDTH,
        crate::tui::app::MIN_HEIGHT,
    );
    let mut lines = Vec::new();
    for text in [
        w.tui_too_small.as_str(),
        size.as_str(),
        "",
        w.tui_too_small_leave.as_str(),
    ] {
        lines.extend(wrap(text, area.width as usize).into_iter().map(Line::from));
    }
    frame.render_widget(
        Paragraph::new(lines).alignment(ratatui::layout::Alignment::Center),
        area,
    );
}

fn list(desk: &Desk, frame: &mut Frame, area: Rect) {
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
    let columns = Columns::new(w, area.width as usize);
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
    fn new(w: &Strings, total: usize) -> Self {
        let status = [
            &w.desk_col_status,
            &w.desk_status_open,
            &w.desk_status_done,
            &w.desk_damaged,
        ]
        .iter()
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
                let reason = crate::intake::clean(&damage.to_string());
                let text = format!("{}: {reason}", listed.id);
                format!(
                    "{:<sw$}  {}",
                    w.desk_damaged,
                    truncate(&text, self.saved + self.entries + self.client + 4),
                    sw = self.status,
                )
            }
        }
    }
}

/// The client's label in `room` columns: a long name is cut before the intake
/// number, which the clinic finds files by.
fn fitted_label(intake: &crate::intake::Intake, room: usize) -> String {
    let label = intake.label();
    let number = crate::intake::clean(intake.number.trim());
    if width(&label) <= room || number.is_empty() {
        return truncate(&label, room);
    }
    let tail = format!(" (#{number})");
    let name = crate::intake::clean(intake.name.trim());
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

fn render_dialog(desk: &Desk, dialog: &DeskDialog, frame: &mut Frame, area: Rect) {
    let w = desk.words();
    let theme = desk.theme();
    let room = (WIDTH - 4) as usize;
    match dialog {
        DeskDialog::Help => help(desk, frame, area),
        DeskDialog::Delete { label, .. } => {
            let text = fill(&w.desk_delete_text, &[("client", label)]);
            let lines = wrap(&text, room).into_iter().map(Line::from).collect();
            boxed(
                frame,
                area,
                &w.desk_delete_title,
                lines,
                &w.tui_yes_no,
                theme,
            );
        }
        DeskDialog::Replace { path, .. } => {
            let text = s::overwrite_text(w, &path.display().to_string());
            let lines = wrap(&text, room).into_iter().map(Line::from).collect();
            boxed(
                frame,
                area,
                &w.tui_overwrite_title,
                lines,
                &w.tui_yes_no,
                theme,
            );
        }
        DeskDialog::NotSaved(text) | DeskDialog::Conflict(text) | DeskDialog::Held(text) => {
            let title = match dialog {
                DeskDialog::Conflict(_) => &w.desk_conflict_title,
                DeskDialog::Held(_) => &w.desk_held_title,
                _ => &w.desk_not_saved_title,
            };
            let lines = wrap(text, room).into_iter().map(Line::from).collect();
            boxed(frame, area, title, lines, &w.desk_not_saved_keys, theme);
        }
        DeskDialog::Leave(reason) => leave(desk, reason, frame, area),
        DeskDialog::Copy(form) => copy(desk, form, frame, area),
        DeskDialog::New(form) => new_form(desk, form, false, frame, area),
        DeskDialog::Details(form) => new_form(desk, form, true, frame, area),
        DeskDialog::Notes(form) => notes(desk, form, frame, area),
        DeskDialog::Export(form) => export(desk, form, frame, area),
        DeskDialog::Tally(form) => tally(desk, form, frame, area),
    }
}

/// A box with a field in it: draws it and puts the cursor in the field.
fn boxed_with_field(
    frame: &mut Frame,
    area: Rect,
    title: &str,
    lines: Vec<Line<'static>>,
    keys: &str,
    theme: Theme,
    cursor: Option<(usize, u16)>,
) {
    let height = lines.len() as u16 + 4;
    boxed(frame, area, title, lines, keys, theme);
    if let Some((row, col)) = cursor {
        let outer = centered(area, WIDTH, height);
        frame.set_cursor_position((outer.x + 2 + col, outer.y + 2 + row as u16));
    }
}

fn heading(text: &str, theme: Theme) -> Line<'static> {
    Line::from(Span::styled(text.to_string(), theme.title()))
}

/// The new intake's box, or (`details`) the open intake's client's details.
fn new_form(desk: &Desk, form: &NewForm, details: bool, frame: &mut Frame, area: Rect) {
    let w = desk.words();
    let theme = desk.theme();
    let room = (WIDTH - 4) as usize;
    let mut lines: Vec<Line<'static>> = dim_lines(&w.desk_new_lead, room, theme).collect();
    lines.push(Line::default());
    let mut cursor = None;
    for (i, (label, field)) in [
        (&w.desk_new_name, &form.name),
        (&w.desk_new_number, &form.number),
    ]
    .into_iter()
    .enumerate()
    {
        lines.push(heading(label, theme));
        let (line, col) = field_line(field, room, theme);
        lines.push(line);
        if form.focus == i {
            cursor = Some((lines.len() - 1, col));
        }
    }
    lines.push(heading(&w.desk_new_lang, theme));
    let mut choices = vec![Span::raw("  ")];
    for (i, lang) in desk.languages().into_iter().enumerate() {
        let name = Strings::get(lang).tui_language_name.clone();
        let (mark, style) = match (i == form.lang, form.focus == 2) {
            (true, true) => ("(•) ", theme.selected()),
            (true, false) => ("(•) ", Style::new()),
            _ => ("( ) ", Style::new()),
        };
        choices.push(Span::styled(format!("{mark}{name}"), style));
        choices.push(Span::raw("   "));
    }
    lines.push(Line::from(choices));
    error_lines(&mut lines, &form.error, room, theme);
    let (title, keys) = match details {
        false => (&w.desk_new_title, &w.desk_new_keys),
        true => (&w.desk_details_title, &w.desk_details_keys),
    };
    boxed_with_field(frame, area, title, lines, keys, theme, cursor);
}

fn notes(desk: &Desk, form: &NotesForm, frame: &mut Frame, area: Rect) {
    let w = desk.words();
    let theme = desk.theme();
    let room = (WIDTH - 4) as usize;
    let Some(open) = desk.open.as_deref() else {
        return;
    };
    let mut lines: Vec<Line<'static>> = dim_lines(&w.desk_notes_lead, room, theme).collect();
    lines.push(Line::default());
    // The note being edited, wrapped; the others by name with their first line.
    let mut cursor = None;
    let content = open.app.content();
    for (i, (target, field)) in form.notes.iter().enumerate() {
        let name = match target {
            None => w.desk_note_client.clone(),
            Some(e) => {
                // The entry's label is "Entry 2 · Fresno · convicted": its details
                // say which case the note is about.
                let label = entry_label(content, open.app.interview.person(), *e);
                let name = fill(&w.desk_note_entry, &[("n", &(e + 1))]);
                match label.split_once(" · ") {
                    Some((_, details)) => format!("{name}: {details}"),
                    None => name,
                }
            }
        };
        let style = if i == form.at {
            theme.selected()
        } else {
            theme.title()
        };
        lines.push(Line::from(Span::styled(truncate(&name, room), style)));
        if i == form.at {
            let (text_lines, (row, col)) = wrapped_field(field.text(), field.cursor(), room - 2);
            let first = lines.len();
            for l in text_lines.into_iter().take(8) {
                lines.push(Line::from(vec![
                    Span::raw("  "),
                    Span::styled(format!("{l:<width$}", width = room - 2), theme.field()),
                ]));
            }
            if row < 8 {
                cursor = Some((first + row, 2 + col as u16));
            }
        } else if !field.is_empty() {
            let first = field.text().lines().next().unwrap_or_default();
            lines.push(Line::from(Span::styled(
                format!("  {}", truncate(first, room - 2)),
                theme.dim(),
            )));
        }
    }
    error_lines(&mut lines, &form.error, room, theme);
    // Keep the box on the screen however many entries there are.
    let max = (area.height as usize).saturating_sub(4);
    if lines.len() > max {
        lines.truncate(max);
    }
    boxed_with_field(
        frame,
        area,
        &w.desk_notes_title,
        lines,
        &w.desk_notes_keys,
        theme,
        cursor,
    );
}

/// A note laid out in rows of `room` characters, line breaks kept; and the cursor's
/// row and column.
fn wrapped_field(text: &str, cursor: usize, room: usize) -> (Vec<String>, (usize, usize)) {
    let room = room.max(1);
    let mut rows = vec![String::new()];
    let mut at = (0, 0);
    for (i, c) in text.chars().enumerate() {
        if c != '\n' && rows.last().is_some_and(|r| r.chars().count() >= room) {
            rows.push(String::new());
        }
        if i == cursor {
            at = (rows.len() - 1, rows.last().map_or(0, |r| r.chars().count()));
        }
        match c {
            '\n' => rows.push(String::new()),
            c => rows.last_mut().into_iter().for_each(|r| r.push(c)),
        }
    }
    if cursor >= text.chars().count() {
        let last = rows.last().map_or(0, |r| r.chars().count());
        at = if last >= room {
            rows.push(String::new());
            (rows.len() - 1, 0)
        } else {
            (rows.len() - 1, last)
        };
    }
    (rows, at)
}

fn export(desk: &Desk, form: &ExportForm, frame: &mut Frame, area: Rect) {
    let w = desk.words();
    let theme = desk.theme();
    let room = (WIDTH - 4) as usize;
    let mut lines = vec![
        Line::from(truncate(&form.label, room)),
        Line::default(),
        heading(&w.desk_export_for, theme),
    ];
    let language = &Strings::get(form.language).tui_language_name;
    let languages = fill(&w.desk_export_languages, &[("language", language)]);
    lines.extend(dim_lines(&languages, room, theme));
    for (i, (audience, format)) in EXPORTS.iter().enumerate() {
        let who = match audience {
            Audience::Client => &w.desk_for_client,
            Audience::Attorney => &w.desk_for_attorney,
        };
        let what = match format {
            Format::Text => &w.tui_format_text,
            Format::Markdown => &w.tui_format_markdown,
            Format::Html => &w.tui_format_html,
            Format::Json => &w.desk_format_json,
        };
        let (mark, style) = if i == form.choice {
            ("(•) ", theme.selected())
        } else {
            ("( ) ", Style::new())
        };
        let text = truncate(&format!("{mark}{who}: {what}"), room - 2);
        lines.push(Line::from(vec![Span::raw("  "), Span::styled(text, style)]));
    }
    lines.push(Line::default());
    lines.push(heading(&w.tui_export_path, theme));
    let cursor = Some(field_with_error(
        &mut lines,
        &form.path,
        &form.error,
        room,
        theme,
    ));
    lines.extend(dim_lines(&w.desk_export_privacy, room, theme));
    let keys = key_hints(&[Key::Save, Key::Format, Key::Cancel], w);
    boxed_with_field(
        frame,
        area,
        &w.desk_export_title,
        lines,
        &keys,
        theme,
        cursor,
    );
}

fn tally(desk: &Desk, form: &TallyForm, frame: &mut Frame, area: Rect) {
    let w = desk.words();
    let theme = desk.theme();
    let room = (WIDTH - 4) as usize;
    let mut lines = Vec::new();
    let today = fill(&w.desk_tally_today, &[("date", &desk.today().to_string())]);
    for (all, label) in [(false, today), (true, w.desk_tally_all.clone())] {
        let (mark, style) = if all == form.all_days {
            ("(•) ", theme.selected())
        } else {
            ("( ) ", Style::new())
        };
        lines.push(Line::from(vec![
            Span::raw("  "),
            Span::styled(format!("{mark}{label}"), style),
        ]));
    }
    lines.push(Line::default());
    // The counts first, then the referrals by kind as far as the screen has room
    // (the CSV has them all).
    let (referrals, mut rows): (Vec<_>, Vec<_>) = desk
        .tally(form.all_days)
        .rows()
        .into_iter()
        .partition(|(l, _)| l.starts_with("referral_"));
    rows.extend(referrals);
    let label_room = rows
        .iter()
        .map(|(l, _)| width(l))
        .max()
        .unwrap_or(0)
        .min(room - 8);
    let keep = (area.height as usize).saturating_sub(12);
    for (label, n) in rows.iter().take(keep) {
        lines.push(Line::from(format!(
            "  {:<label_room$} {n:>5}",
            truncate(label, label_room)
        )));
    }
    lines.push(Line::default());
    lines.push(heading(&w.desk_tally_path, theme));
    let cursor = Some(field_with_error(
        &mut lines,
        &form.path,
        &form.error,
        room,
        theme,
    ));
    boxed_with_field(
        frame,
        area,
        &w.desk_tally_title,
        lines,
        &w.desk_tally_keys,
        theme,
        cursor,
    );
}

/// Leaving with a change not saved: why, then each choice in so many words.
fn leave(desk: &Desk, reason: &str, frame: &mut Frame, area: Rect) {
    let w = desk.words();
    let theme = desk.theme();
    let room = (WIDTH - 4) as usize;
    let client = desk
        .open
        .as_deref()
        .map(|o| o.file.intake().label())
        .unwrap_or_default();
    let text = fill(
        &w.desk_leave_text,
        &[("client", &client), ("reason", &reason)],
    );
    let mut lines: Vec<Line<'static>> = wrap(&text, room).into_iter().map(Line::from).collect();
    lines.push(Line::default());
    for (key, what) in [
        ("r  ", &w.desk_leave_retry),
        ("c  ", &w.desk_leave_copy),
        ("l  ", &w.desk_leave_lose),
        ("Esc", &w.desk_leave_stay),
    ] {
        for (i, l) in wrap(what, room - 6).into_iter().enumerate() {
            let head = if i == 0 { key } else { "   " };
            lines.push(Line::from(vec![
                Span::styled(format!("  {head} "), theme.key()),
                Span::raw(l),
            ]));
        }
    }
    boxed(
        frame,
        area,
        &w.desk_leave_title,
        lines,
        &w.desk_leave_keys,
        theme,
    );
}

fn copy(desk: &Desk, form: &CopyForm, frame: &mut Frame, area: Rect) {
    let w = desk.words();
    let theme = desk.theme();
    let room = (WIDTH - 4) as usize;
    let dir = desk.store().dir().display().to_string();
    let lead = fill(&w.desk_copy_lead, &[("dir", &dir)]);
    let mut lines: Vec<Line<'static>> = dim_lines(&lead, room, theme).collect();
    lines.push(Line::default());
    let cursor = Some(field_with_error(
        &mut lines,
        &form.path,
        &form.error,
        room,
        theme,
    ));
    boxed_with_field(
        frame,
        area,
        &w.desk_copy_title,
        lines,
        &w.desk_copy_keys,
        theme,
        cursor,
    );
}

fn help(desk: &Desk, frame: &mut Frame, area: Rect) {
    let w = desk.words();
    let theme = desk.theme();
    let room = (WIDTH - 4) as usize;
    let dir = desk.store().dir().display().to_string();
    let mut lines: Vec<Line<'static>> = wrap(&fill(&w.desk_help_lead, &[("dir", &dir)]), room)
        .into_iter()
        .map(Line::from)
        .collect();
    lines.push(Line::default());
    let in_intake = [
        Key::Notes,
        Key::Details,
        Key::Printout,
        Key::Clients,
        Key::ClientsCtrl,
    ];
    let keys: Vec<Key> = LIST_KEYS.iter().copied().chain(in_intake).collect();
    let key_room = keys.iter().map(|k| width(k.key())).max().unwrap_or(0) + 1;
    for (i, k) in keys.into_iter().enumerate() {
        if i == LIST_KEYS.len() {
            lines.push(heading(&w.desk_help_in_intake, theme));
        }
        let key = format!("{:<key_room$}", k.key());
        let what = k.describe(w);
        for (i, l) in wrap(&what, room - 2 - key_room).into_iter().enumerate() {
            let head = if i == 0 {
                key.clone()
            } else {
                " ".repeat(key_room)
            };
            lines.push(Line::from(vec![
                Span::styled(format!("  {head}"), theme.key()),
                Span::raw(l),
            ]));
        }
    }
    let max = (area.height as usize).saturating_sub(4);
    lines.truncate(max);
    boxed(
        frame,
        area,
        &w.desk_help_title,
        lines,
        &w.tui_key_close,
        theme,
    );
}

#[cfg(test)]
mod tests {
    use super::wrapped_field;

    #[test]
    fn notes_wrap_and_keep_line_breaks() {
        let (rows, at) = wrapped_field("abcdef\ngh", 9, 4);
        assert_eq!(rows, ["abcd", "ef", "gh"]);
        assert_eq!(at, (2, 2));
        let (_, at) = wrapped_field("abcdef", 1, 4);
        assert_eq!(at, (0, 1));
        let (rows, at) = wrapped_field("abcd", 4, 4);
        assert_eq!(rows, ["abcd", ""]);
        assert_eq!(at, (1, 0));
    }
}
