//! Terminal events to [`Action`]s. Which action a key means depends on what is on the
//! screen: in a field, letters are text; in a yes/no box, `y` and `n` answer it.
//!
//! No key both chooses and confirms: numbers and arrows move the highlight, and only
//! Enter, Space or a click confirms it. Backspace only ever deletes typed text; going
//! back is Esc.

use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind,
};

use super::app::{Action, App, Dialog, Screen};

pub fn action(app: &App, event: &Event) -> Option<Action> {
    match event {
        Event::Resize(w, h) => Some(Action::Resize(*w, *h)),
        Event::Key(key) if key.kind != KeyEventKind::Release => key_action(app, key),
        Event::Mouse(mouse) => match mouse.kind {
            MouseEventKind::ScrollUp => Some(Action::Up),
            MouseEventKind::ScrollDown => Some(Action::Down),
            MouseEventKind::Down(MouseButton::Left) => Some(Action::Click(mouse.column, mouse.row)),
            _ => None,
        },
        _ => None,
    }
}

/// What a key does in a text field, if it edits one: a character, Backspace, Delete,
/// the cursor keys, Ctrl-U to empty it. Every field in the three programs is edited
/// with these (see [`super::field::Field::edit`]).
pub fn field_action(key: &KeyEvent) -> Option<Action> {
    if key.modifiers.contains(KeyModifiers::CONTROL) {
        return (key.code == KeyCode::Char('u')).then_some(Action::ClearField);
    }
    match key.code {
        KeyCode::Char(c) => Some(Action::Char(c)),
        KeyCode::Backspace => Some(Action::Backspace),
        KeyCode::Delete => Some(Action::Delete),
        KeyCode::Left => Some(Action::Left),
        KeyCode::Right => Some(Action::Right),
        KeyCode::Home => Some(Action::Home),
        KeyCode::End => Some(Action::End),
        _ => None,
    }
}

fn key_action(app: &App, key: &KeyEvent) -> Option<Action> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    if ctrl {
        return match key.code {
            KeyCode::Char('c') => Some(Action::Interrupt),
            KeyCode::Char('u') if app.typing() => Some(Action::ClearField),
            _ => None,
        };
    }
    // Keys that mean the same everywhere.
    match key.code {
        KeyCode::Up => return Some(Action::Up),
        KeyCode::Down => return Some(Action::Down),
        KeyCode::PageUp => return Some(Action::PageUp),
        KeyCode::PageDown => return Some(Action::PageDown),
        KeyCode::Enter => return Some(Action::Enter),
        KeyCode::Esc => return Some(Action::Back),
        KeyCode::F(1) => return Some(Action::Help),
        KeyCode::F(2) => return Some(Action::Language),
        KeyCode::Tab => return Some(Action::Down),
        KeyCode::BackTab => return Some(Action::Up),
        _ => {}
    }
    if app.typing() {
        return match key.code {
            KeyCode::Char('?') if app.dialog.is_none() => Some(Action::Help),
            _ => field_action(key),
        };
    }
    if matches!(
        app.dialog,
        Some(Dialog::Quit | Dialog::StartOver | Dialog::RemoveEntry(_) | Dialog::Replace(_))
    ) {
        return match key.code {
            // y for yes, s for sí.
            KeyCode::Char('y' | 'Y' | 's' | 'S') => Some(Action::Yes),
            KeyCode::Char('n' | 'N') => Some(Action::No),
            _ => None,
        };
    }
    let on_results = app.dialog.is_none() && app.screen == Screen::Results;
    let on_list = app.dialog.is_none() && matches!(app.screen, Screen::Question | Screen::Entries);
    match key.code {
        KeyCode::Char('k') => Some(Action::Up),
        KeyCode::Char('j') => Some(Action::Down),
        KeyCode::Home | KeyCode::Char('g') => Some(Action::Top),
        KeyCode::End | KeyCode::Char('G') => Some(Action::Bottom),
        KeyCode::Char(' ') if on_results => Some(Action::PageDown),
        // Space confirms the highlighted answer, as Enter does.
        KeyCode::Char(' ') if on_list => Some(Action::Enter),
        KeyCode::Char('?') => Some(Action::Help),
        KeyCode::Char('q') => Some(Action::Quit),
        KeyCode::Char('l') => Some(Action::Language),
        // A number only moves the highlight; Enter confirms. So a number typed out of
        // habit before Enter answers one question, never two.
        KeyCode::Char(c @ '0'..='9') => Some(Action::Digit(c as u8 - b'0')),
        KeyCode::Char('d') | KeyCode::Delete => Some(Action::Remove),
        KeyCode::Char('s') => Some(Action::ShowResults),
        KeyCode::Char('o') if app.dialog.is_none() && app.screen == Screen::Review => {
            Some(Action::Source)
        }
        KeyCode::Char('r') => Some(Action::Review),
        KeyCode::Char('e') => Some(Action::Export),
        KeyCode::Char('p') if key.modifiers.is_empty() => Some(Action::Print),
        KeyCode::Char('n') => Some(Action::StartOver),
        KeyCode::Left => Some(Action::Left),
        KeyCode::Right => Some(Action::Right),
        // Typing on a question whose field is not focused (its "not sure" is) starts
        // typing into the field.
        KeyCode::Char(c) if app.dialog.is_none() && app.screen == Screen::Question => {
            Some(Action::Char(c))
        }
        _ => None,
    }
}
