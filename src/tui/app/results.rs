//! The results: scrolling, starting over, and saving them to a file.

use super::{Action, App, Dialog, Effect, Message, Screen};
use crate::report::Format;
use crate::tui::export::{self, Written};
use crate::tui::field::Field;
use crate::tui::{strings, view};

impl App<'_> {
    pub(super) fn open_results(&mut self) {
        self.changes = None;
        if self.screening.is_none() {
            self.screening = Some(self.interview.results());
        }
        self.screen = Screen::Results;
        self.scroll = 0;
        self.results_page = None;
        self.clamp_scroll();
    }

    /// Scrolls a page of text for a movement key; false for any other action.
    pub(super) fn scroll_page(&mut self, action: Action) -> bool {
        match action {
            Action::Up => self.scroll = self.scroll.saturating_sub(1),
            Action::Down => self.scroll += 1,
            Action::PageUp => self.scroll = self.scroll.saturating_sub(self.page()),
            Action::PageDown => self.scroll += self.page(),
            Action::Top => self.scroll = 0,
            Action::Bottom => self.scroll = usize::MAX,
            _ => return false,
        }
        true
    }

    pub(super) fn on_results(&mut self, action: Action) {
        if self.scroll_page(action) {
            return self.clamp_scroll();
        }
        match action {
            Action::Review | Action::Back => self.open_review(Screen::Results),
            Action::StartOver => self.dialog = Some(Dialog::StartOver),
            Action::Export => self.open_export(),
            _ => {}
        }
        self.clamp_scroll();
    }

    /// Rows a page moves: the body's height less one line kept for context.
    pub(super) fn page(&self) -> usize {
        (self.size.1 as usize)
            .saturating_sub(view::CHROME_ROWS + 1)
            .max(1)
    }

    pub(super) fn clamp_scroll(&mut self) {
        if self.screen == Screen::Results {
            let width = view::results::page_width(self);
            if self.results_page.as_ref().is_none_or(|(w, _)| *w != width) {
                self.results_page = Some((width, view::results::lines(self, width as usize)));
            }
            self.scroll = self.scroll.min(view::results::max_scroll(self));
        }
        if self.screen == Screen::Read {
            self.scroll = self.scroll.min(view::read::max_scroll(self));
        }
        if self.dialog == Some(Dialog::Help) {
            self.help_scroll = self.help_scroll.min(view::help::max_scroll(self));
        }
    }

    pub(super) fn start_over(&mut self) {
        let (content, as_of) = (self.content(), self.interview.as_of());
        *self = App {
            size: self.size,
            mode: std::mem::take(&mut self.mode),
            languages: std::mem::take(&mut self.languages),
            second: self.second,
            ..App::new(content, as_of, self.theme)
        };
        self.effects.push(Effect::StartedOver);
    }

    pub(super) fn open_export(&mut self) {
        if self.export.path.is_empty() {
            let name = strings::default_export_name(
                self.words(),
                &self.interview.as_of().to_string(),
                self.export.format.extension(),
            );
            self.export.path = Field::with_text(name);
        }
        self.export.error = None;
        self.dialog = Some(Dialog::Export);
    }

    pub(super) fn on_export(&mut self, action: Action) {
        let words = self.words();
        let form = &mut self.export;
        let at = Format::PRINTABLE
            .iter()
            .position(|f| *f == form.format)
            .unwrap_or(0);
        let format = match action {
            Action::Up => Some(Format::PRINTABLE[at.saturating_sub(1)]),
            Action::Down => Some(Format::PRINTABLE[(at + 1).min(Format::PRINTABLE.len() - 1)]),
            _ => None,
        };
        if let Some(format) = format {
            form.format = format;
            form.path = Field::with_text(export::with_extension(form.path.text(), format));
            return;
        }
        if form.path.edit(action) {
            form.error = None;
            return;
        }
        match action {
            Action::Back => self.dialog = None,
            Action::Enter => {
                if form.path.text().trim().is_empty() {
                    form.error = Some(words.tui_export_no_path.clone());
                    return;
                }
                let path = export::resolve(form.path.text());
                self.save(&path, false);
            }
            _ => {}
        }
    }

    pub(super) fn save(&mut self, path: &std::path::Path, replace: bool) {
        let screening = self
            .screening
            .clone()
            .unwrap_or_else(|| self.interview.results());
        let text = crate::report::person_page(
            self.content(),
            self.interview.person(),
            &screening,
            self.export.format,
        );
        match export::write(path, &text, replace) {
            Ok(Written::Saved(p)) => {
                self.dialog = None;
                self.saved = Some(p.clone());
                self.message = Some(Message {
                    text: strings::saved(self.words(), &p.display().to_string()),
                    error: false,
                });
            }
            Ok(Written::Exists(p)) => self.dialog = Some(Dialog::Replace(p)),
            Err(e) => {
                self.dialog = Some(Dialog::Export);
                self.export.error = Some(strings::not_saved(self.words(), &e.to_string()));
            }
        }
    }
}
