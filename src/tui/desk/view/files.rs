//! The boxes that write a file: the printouts, the tally, and (when the intake's own
//! file cannot be saved) a copy elsewhere, after the box that offers it on leaving.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::report::Audience;
use crate::strings::{Strings, fill};
use crate::text::{truncate, width, wrap};
use crate::tui::desk::{CopyForm, Desk, EXPORTS, ExportForm, TallyForm};
use crate::tui::strings::Key;
use crate::tui::view::dialog::{WIDTH, boxed, dim_lines, field_with_error, key_hints};

use super::{boxed_with_field, heading};

pub(super) fn export(desk: &Desk, form: &ExportForm, frame: &mut Frame, area: Rect) {
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
            Audience::Person | Audience::Client => &w.desk_for_client,
            Audience::Attorney => &w.desk_for_attorney,
        };
        let what = format.label(w);
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

pub(super) fn tally(desk: &Desk, form: &TallyForm, frame: &mut Frame, area: Rect) {
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
pub(super) fn leave(desk: &Desk, reason: &str, frame: &mut Frame, area: Rect) {
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

pub(super) fn copy(desk: &Desk, form: &CopyForm, frame: &mut Frame, area: Rect) {
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
