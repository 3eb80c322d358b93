//! Drawing. Every function here reads an [`App`] and draws it; none changes it. Layout
//! is computed from the terminal size alone, so `update` can ask the same functions
//! where a click landed or how far the results scroll. What differs by [`Mode`] (the
//! kiosk's welcome, the keys a kiosk or the desk offers, the client in the header) is
//! drawn here from the mode value; the kiosk and the desk draw only their own things
//! over it.

pub mod dialog;
pub mod entries;
pub mod help;
pub mod question;
pub mod read;
pub mod results;
pub mod review;
pub mod rows;
pub mod welcome;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::app::{App, Dialog, Mode, Screen};
use super::strings::{self as s, Key};
use crate::text::truncate;

/// Rows taken by the header (title, rule) and the footer (message, keys).
pub const CHROME_ROWS: usize = 4;
/// Columns left blank on each side of the body.
const MARGIN: u16 = 2;

pub fn render(app: &App, frame: &mut Frame) {
    let area = frame.area();
    if app.too_small() || area.width < super::app::MIN_WIDTH || area.height < super::app::MIN_HEIGHT
    {
        too_small(app, frame, area);
        return;
    }
    header(app, frame, area);
    let body = body(area);
    match app.screen {
        Screen::Welcome if matches!(app.mode, Mode::Kiosk { .. }) => {
            welcome::render_kiosk(app, frame, body)
        }
        Screen::Welcome => welcome::render(app, frame, body),
        Screen::Read => read::render(app, frame, body),
        Screen::Question => question::render(app, frame, body),
        Screen::Entries => entries::render(app, frame, body),
        Screen::Review => review::render(app, frame, body),
        Screen::Results => results::render(app, frame, body),
    }
    footer(app, frame, area);
    match &app.dialog {
        None => {}
        Some(Dialog::Help) => help::render(app, frame, area),
        Some(d) => dialog::render(app, d, frame, area),
    }
}

/// The terminal's area for a size.
pub fn screen_area(app: &App) -> Rect {
    Rect::new(0, 0, app.size.0, app.size.1)
}

/// The area between header and footer, inside the margins.
pub fn body(area: Rect) -> Rect {
    Rect {
        x: area.x + MARGIN,
        y: area.y + 2,
        width: area.width.saturating_sub(2 * MARGIN),
        height: area.height.saturating_sub(CHROME_ROWS as u16),
    }
}

fn too_small(app: &App, frame: &mut Frame, area: Rect) {
    let w = app.words();
    let size = s::too_small_size(
        w,
        area.width,
        area.height,
        super::app::MIN_WIDTH,
        super::app::MIN_HEIGHT,
    );
    let mut lines = Vec::new();
    let leave = match app.mode {
        Mode::Alone => w.tui_too_small_leave.as_str(),
        Mode::Kiosk { .. } => w.kiosk_clear_how.as_str(),
        Mode::Desk { .. } => w.desk_too_small_leave.as_str(),
    };
    for text in [w.tui_too_small.as_str(), size.as_str(), "", leave] {
        lines.extend(
            crate::text::wrap(text, area.width as usize)
                .into_iter()
                .map(Line::from),
        );
    }
    let top = area.height.saturating_sub(lines.len() as u16) / 2;
    let rect = Rect {
        y: area.y + top,
        height: area.height - top,
        ..area
    };
    frame.render_widget(
        Paragraph::new(lines).alignment(ratatui::layout::Alignment::Center),
        rect,
    );
}

fn header(app: &App, frame: &mut Frame, area: Rect) {
    let theme = app.theme;
    let w = app.words();
    let mut left = vec![Span::styled(format!(" {}", s::APP_NAME), theme.title())];
    let mut right = String::new();
    let place = match app.screen {
        Screen::Welcome => {
            // Said in the other language, for the person who reads only that one.
            if let Some(lang) = app.next_lang() {
                right = format!("{} ", crate::strings::Strings::get(lang).tui_switch_hint);
            }
            w.tui_welcome_title.clone()
        }
        Screen::Question => match app.interview.asking() {
            Some(a) => {
                let section = a.entry.map_or(w.place_person.clone(), |e| {
                    crate::report::entry_name(w, app.interview.person(), e)
                });
                right = progress(a.number, a.about, 20);
                format!("{section} · {}", s::question_of_about(w, a.number, a.about))
            }
            None => String::new(),
        },
        Screen::Read => w.rap_sheet_title.clone(),
        Screen::Entries => w.tui_entries_title.clone(),
        Screen::Review => w.tui_review_title.clone(),
        Screen::Results => {
            right = format!("{} ", s::as_of(w, app.interview.as_of()));
            w.tui_results_title.clone()
        }
    };
    if let Mode::Desk { client } = &app.mode {
        left.push(Span::styled(
            format!(" · {}", crate::text::truncate(client, 28)),
            theme.title(),
        ));
    }
    left.push(Span::raw(format!(" · {place}")));
    let top = Rect { height: 1, ..area };
    let left = Line::from(left);
    let left_width = left.width() as u16;
    frame.render_widget(Paragraph::new(left), top);
    let right_width = crate::text::width(&right) as u16;
    if right_width > 0 && left_width + right_width + 2 <= area.width {
        let rect = Rect {
            x: area.right() - right_width - 1,
            width: right_width,
            ..top
        };
        frame.render_widget(Paragraph::new(right), rect);
    }
    let rule = Rect {
        y: area.y + 1,
        height: 1,
        ..area
    };
    frame.render_widget(
        Paragraph::new("─".repeat(area.width as usize)).style(theme.dim()),
        rule,
    );
}

/// "████████░░░░░░░░ " : drawn in characters, so it shows without color.
fn progress(number: usize, about: usize, width: usize) -> String {
    let done = (number.saturating_sub(1) * width)
        .checked_div(about.max(1))
        .unwrap_or(0)
        .min(width);
    format!("{}{}", "█".repeat(done), "░".repeat(width - done))
}

/// From this terminal width on, an interpreter's two languages sit side by side.
pub const SIDE_BY_SIDE: u16 = 120;

/// Two languages are shown, and the terminal is wide enough to show them side by side.
pub fn two_columns(app: &App) -> bool {
    app.second().is_some() && app.size.0 >= SIDE_BY_SIDE
}

/// The width of each of two columns in `width`, the gutter between them left out.
pub fn column_width(width: usize) -> usize {
    width.saturating_sub(rows::GUTTER.chars().count()) / 2
}

/// A screen's list of answers, the selected one marked; a list longer than the screen
/// says that more answers follow.
fn answer_list(app: &App, frame: &mut Frame, area: Rect, rows: &[rows::Row], cursor: bool) {
    let more = app.in_both(|_, w| w.tui_more_below.clone());
    let selected = Some(app.selected);
    rows::render(frame, area, rows, selected, Some(&more), app.theme, cursor);
}

fn footer(app: &App, frame: &mut Frame, area: Rect) {
    let theme = app.theme;
    let message_row = Rect {
        y: area.bottom() - 2,
        height: 1,
        ..area
    };
    if let Some(m) = &app.message {
        let style = if m.error { theme.error() } else { theme.info() };
        frame.render_widget(
            // One line: a message too long for it shows that it is cut.
            Paragraph::new(Span::styled(
                format!(
                    " {}",
                    truncate(&m.text, message_row.width.saturating_sub(1) as usize)
                ),
                style,
            )),
            message_row,
        );
    }
    let keys_row = Rect {
        y: area.bottom() - 1,
        height: 1,
        ..area
    };
    let mut spans = vec![Span::raw(" ")];
    for (i, k) in hints(app).into_iter().enumerate() {
        if i > 0 {
            spans.push(Span::styled("  ", theme.dim()));
        }
        spans.push(Span::styled(k.key(), theme.key()));
        spans.push(Span::raw(format!(" {}", k.what(app.words()))));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), keys_row);
}

/// The keys that work on the current screen, most useful first.
pub fn hints(app: &App) -> Vec<Key> {
    let hints = screen_hints(app);
    match app.mode {
        Mode::Alone => hints,
        Mode::Kiosk { print } => kiosk_hints(print, hints),
        Mode::Desk { .. } => desk_hints(hints),
    }
}

/// The footer's keys in a kiosk: no quitting or saving; printing when set up;
/// starting over is finishing; the quick-clear key always.
fn kiosk_hints(print: bool, hints: Vec<Key>) -> Vec<Key> {
    let mut out: Vec<Key> = hints
        .into_iter()
        .filter_map(|k| match k {
            Key::Quit | Key::QuitCtrl => None,
            Key::Export => print.then_some(Key::Print),
            Key::StartOver => Some(Key::Done),
            k => Some(k),
        })
        .collect();
    out.push(Key::ClearScreen);
    out
}

/// The footer's keys in a client's intake at the desk: leaving goes back to the
/// clients (everything is saved), and starting over gives way to the notes.
fn desk_hints(hints: Vec<Key>) -> Vec<Key> {
    let mut keys: Vec<Key> = hints
        .into_iter()
        .filter_map(|k| match k {
            Key::Quit => Some(Key::Clients),
            Key::QuitCtrl => Some(Key::ClientsCtrl),
            Key::StartOver => None,
            // Room for the notes: the number and arrow keys are in the help.
            Key::Number | Key::Choose => None,
            k => Some(k),
        })
        .collect();
    let at = keys
        .iter()
        .position(|k| *k == Key::Help)
        .unwrap_or(keys.len());
    keys.insert(at, Key::Notes);
    keys
}

fn screen_hints(app: &App) -> Vec<Key> {
    let back = if app.edit.is_some() {
        Key::Cancel
    } else {
        Key::Back
    };
    match app.screen {
        Screen::Welcome => {
            let mut keys = vec![Key::Start, Key::Help];
            keys.extend(app.next_lang().map(Key::Language));
            keys.push(Key::Quit);
            keys
        }
        Screen::Read => vec![Key::Scroll, Key::Start, Key::Help, Key::Quit],
        Screen::Question if app.typing() => {
            vec![Key::Answer, Key::Choose, back, Key::Help, Key::QuitCtrl]
        }
        Screen::Question => vec![
            Key::Choose,
            Key::Answer,
            Key::Number,
            back,
            Key::Help,
            Key::Quit,
        ],
        Screen::Entries => vec![
            Key::Choose,
            Key::Select,
            Key::Remove,
            Key::Back,
            Key::Help,
            Key::Quit,
        ],
        Screen::Review => vec![
            Key::Choose,
            Key::Change,
            Key::Results,
            Key::Back,
            Key::Help,
            Key::Quit,
        ],
        Screen::Results => vec![
            Key::Scroll,
            Key::Export,
            Key::Review,
            Key::StartOver,
            Key::Help,
            Key::Quit,
        ],
    }
}

/// The line footers show for `keys`, as plain text.
pub fn hint_line(app: &App, keys: &[Key]) -> String {
    let parts: Vec<String> = keys
        .iter()
        .map(|k| format!("{} {}", k.key(), k.what(app.words())))
        .collect();
    format!(" {}", parts.join("  "))
}

/// A centered box of at most `width` × `height` within `area`.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    }
}
