//! A single-line text field: the typed answers (dates, amounts, a county), the export
//! path, the desk's search, boxes and notes, and the kiosk's PIN. Every field is
//! edited the one way, [`Field::edit`], with the actions `keys::field_action` reads
//! from a key. The cursor is a char index, so editing never splits a character.

use super::app::Action;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    text: String,
    cursor: usize,
    limit: usize,
}

impl Default for Field {
    fn default() -> Self {
        Field {
            text: String::new(),
            cursor: 0,
            limit: MAX_CHARS,
        }
    }
}

/// Long enough for any answer or path a person types; it keeps a stuck key from
/// growing a line without end.
const MAX_CHARS: usize = 240;

impl Field {
    pub fn with_text(text: impl Into<String>) -> Self {
        Field::with_limit(text, MAX_CHARS)
    }

    /// A field that holds up to `limit` characters, for longer text such as notes.
    pub fn with_limit(text: impl Into<String>, limit: usize) -> Self {
        let text: String = text.into();
        let cursor = text.chars().count();
        Field {
            text,
            cursor,
            limit,
        }
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// Cursor position in chars.
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    fn byte(&self, char_index: usize) -> usize {
        self.text
            .char_indices()
            .nth(char_index)
            .map_or(self.text.len(), |(i, _)| i)
    }

    pub fn insert(&mut self, c: char) {
        if crate::sanitize::is_unsafe(c) || self.text.chars().count() >= self.limit {
            return;
        }
        let at = self.byte(self.cursor);
        self.text.insert(at, c);
        self.cursor += 1;
    }

    pub fn backspace(&mut self) {
        if self.cursor > 0 {
            self.cursor -= 1;
            let at = self.byte(self.cursor);
            self.text.remove(at);
        }
    }

    pub fn delete(&mut self) {
        if self.cursor < self.text.chars().count() {
            let at = self.byte(self.cursor);
            self.text.remove(at);
        }
    }

    pub fn left(&mut self) {
        self.cursor = self.cursor.saturating_sub(1);
    }

    pub fn right(&mut self) {
        self.cursor = (self.cursor + 1).min(self.text.chars().count());
    }

    pub fn home(&mut self) {
        self.cursor = 0;
    }

    pub fn end(&mut self) {
        self.cursor = self.text.chars().count();
    }

    /// Empties the field, wiping what was typed from memory.
    pub fn clear(&mut self) {
        zeroize::Zeroize::zeroize(&mut self.text);
        self.cursor = 0;
    }

    /// Applies an editing action (a character, Backspace, Delete, the cursor keys,
    /// Ctrl-U). Returns false, changing nothing, for an action that is not an edit.
    pub fn edit(&mut self, action: Action) -> bool {
        match action {
            Action::Char(c) => self.insert(c),
            Action::Backspace => self.backspace(),
            Action::Delete => self.delete(),
            Action::Left => self.left(),
            Action::Right => self.right(),
            Action::Home => self.home(),
            Action::End => self.end(),
            Action::ClearField => self.clear(),
            _ => return false,
        }
        true
    }
}

/// What was typed (an answer, a name, a passphrase) is wiped from memory, not only
/// forgotten, when the field goes.
impl Drop for Field {
    fn drop(&mut self) {
        zeroize::Zeroize::zeroize(&mut self.text);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_at_the_cursor() {
        let mut f = Field::with_text("2019-0315");
        f.left();
        f.left();
        f.insert('-');
        assert_eq!(f.text(), "2019-03-15");
        f.home();
        f.delete();
        f.end();
        f.backspace();
        assert_eq!(f.text(), "019-03-1");
    }

    #[test]
    fn multibyte_text_is_safe() {
        let mut f = Field::with_text("Sañ");
        f.left();
        f.backspace();
        assert_eq!(f.text(), "Sñ");
        assert_eq!(f.cursor(), 1);
    }

    #[test]
    fn refuses_control_characters() {
        let mut f = Field::default();
        f.insert('\u{1b}');
        assert!(f.is_empty());
    }
}
