//! Styles. Meaning never rests on color alone: every status also has a symbol and a
//! word, selection is shown by reversing, headings are bold. Colors are the few named
//! ones that read on both dark and light backgrounds, and `NO_COLOR` turns them off.

use ratatui::style::{Color, Modifier, Style};

use crate::engine::screen::Verdict;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
    /// Kiosk mode: readable standing up, so headings are reversed and nothing is dim.
    pub large: bool,
}

impl Theme {
    /// Color unless `NO_COLOR` is set to anything non-empty (no-color.org).
    pub fn from_env() -> Self {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Theme {
            color: !no_color,
            large: false,
        }
    }

    pub fn plain() -> Self {
        Theme {
            color: false,
            large: false,
        }
    }

    fn fg(self, color: Color) -> Style {
        if self.color {
            Style::new().fg(color)
        } else {
            Style::new()
        }
    }

    pub fn title(self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    /// The same colors, made for kiosk mode.
    pub fn large(self) -> Self {
        Theme {
            large: true,
            ..self
        }
    }

    pub fn heading(self) -> Style {
        if self.large {
            Style::new().add_modifier(Modifier::BOLD | Modifier::REVERSED)
        } else {
            Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
        }
    }

    pub fn dim(self) -> Style {
        if self.large {
            Style::new()
        } else {
            Style::new().add_modifier(Modifier::DIM)
        }
    }

    pub fn selected(self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
    }

    pub fn key(self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    pub fn error(self) -> Style {
        self.fg(Color::Red).add_modifier(Modifier::BOLD)
    }

    pub fn info(self) -> Style {
        self.fg(Color::Green).add_modifier(Modifier::BOLD)
    }

    pub fn field(self) -> Style {
        Style::new().add_modifier(Modifier::UNDERLINED)
    }

    pub fn verdict(self, v: Verdict) -> Style {
        let style = match v {
            Verdict::Eligible => self.fg(Color::Green),
            Verdict::Possibly => self.fg(Color::Magenta),
            Verdict::NeedsInfo => self.fg(Color::Magenta),
            Verdict::NotEligible => self.fg(Color::Red),
            Verdict::Granted => self.fg(Color::Cyan),
        };
        style.add_modifier(Modifier::BOLD)
    }
}
