//! The words of the full-screen interface that are not content (the questions, rules
//! and FAQ live in `questions/`). The words themselves are in `assets/strings/`, one
//! file per language (the `tui_` keys of [`Strings`]); here are the names that stay
//! the same in every language (the program, the keys) and the helpers that fill in
//! the templates.

use crate::content::Lang;
use crate::strings::{Strings, fill};

pub const APP_NAME: &str = "clearpath";

pub fn question_of_about(w: &Strings, number: usize, about: usize) -> String {
    fill(
        &w.tui_question_of_about,
        &[("number", &number), ("about", &about)],
    )
}

pub fn entries_lead(w: &Strings, n: usize) -> String {
    if n == 1 {
        w.tui_entries_lead_one.clone()
    } else {
        fill(&w.tui_entries_lead_many, &[("n", &n)])
    }
}

pub fn remove_entry_text(w: &Strings, label: &str) -> String {
    fill(&w.tui_remove_text, &[("entry", &label)])
}

pub fn more_changes(w: &Strings, n: usize) -> String {
    fill(&w.tui_more_changes, &[("n", &n)])
}

pub fn as_of(w: &Strings, date: chrono::NaiveDate) -> String {
    let date = w.date(date);
    fill(&w.tui_as_of, &[("date", &date)])
}

pub fn quit_text_saved(w: &Strings, path: &str) -> String {
    fill(&w.tui_quit_text_saved, &[("path", &path)])
}

pub fn overwrite_text(w: &Strings, path: &str) -> String {
    fill(&w.tui_overwrite_text, &[("path", &path)])
}

pub fn saved(w: &Strings, path: &str) -> String {
    fill(&w.tui_saved, &[("path", &path)])
}

pub fn not_saved(w: &Strings, reason: &str) -> String {
    fill(&w.tui_not_saved, &[("reason", &reason)])
}

/// Why a file could not be written, in the person's words.
pub fn why_not_written(w: &Strings, error: &crate::savefile::WriteError) -> String {
    use crate::savefile::WriteError;
    let shown = |p: &std::path::Path| p.display().to_string();
    match error {
        WriteError::IsFolder => w.plain_is_folder.clone(),
        WriteError::NoFolder(dir) => fill(&w.plain_no_folder, &[("folder", &shown(dir))]),
        WriteError::NotAFolder(file) => fill(&w.plain_not_a_folder, &[("folder", &shown(file))]),
        WriteError::Unwritable { dir, source }
            if matches!(
                source.kind(),
                std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem
            ) =>
        {
            fill(&w.plain_no_permission, &[("folder", &shown(dir))])
        }
        other => other.to_string(),
    }
}

pub fn default_export_name(w: &Strings, as_of: &str, ext: &str) -> String {
    fill(&w.tui_export_name, &[("date", &as_of), ("ext", &ext)])
}

pub fn too_small_size(w: &Strings, width: u16, height: u16, min_w: u16, min_h: u16) -> String {
    fill(
        &w.tui_too_small_size,
        &[
            ("min_w", &min_w),
            ("min_h", &min_h),
            ("width", &width),
            ("height", &height),
        ],
    )
}

/// A key as shown in footers and in help: its name, and what it does in words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Start,
    Choose,
    Answer,
    Number,
    Back,
    Cancel,
    Help,
    Quit,
    QuitCtrl,
    Select,
    Remove,
    Change,
    /// Review: where the answer selected came from.
    Source,
    Results,
    Scroll,
    Page,
    Export,
    Review,
    StartOver,
    Close,
    Save,
    Format,
    /// Backspace in a field.
    Erase,
    Clear,
    Mouse,
    /// Kiosk: clear the screen at once.
    ClearScreen,
    /// Kiosk: send the results to the printer.
    Print,
    /// Kiosk: done, clear for the next person.
    Done,
    /// Switch to this language; named in that language, so that a person who reads
    /// only it finds it.
    Language(Lang),
    /// Intake: save and go back to the client list.
    Clients,
    ClientsCtrl,
    /// Intake: notes about the client and the entries.
    Notes,
    Details,
    /// Intake list: open the selected intake.
    Open,
    New,
    Search,
    MarkDone,
    /// Intake list: write a printout of the selected intake.
    Printout,
    DeleteIntake,
    Tally,
    /// Intake list: read a RAP sheet into the selected intake.
    RapSheet,
}

impl Key {
    pub fn key(self) -> &'static str {
        match self {
            Key::Start | Key::Answer | Key::Select | Key::Change | Key::Save => "Enter",
            Key::Choose | Key::Scroll | Key::Format => "↑↓",
            Key::Number => "0-9",
            Key::Back | Key::Cancel | Key::Close => "Esc",
            Key::Help => "?",
            Key::Quit => "q",
            Key::QuitCtrl => "Ctrl-C",
            Key::Remove => "d",
            Key::Source => "o",
            Key::Results => "s",
            Key::Page => "PgUp PgDn",
            Key::Export => "e",
            Key::Review => "r",
            Key::StartOver => "n",
            Key::Erase => "Backspace",
            Key::Clear => "Ctrl-U",
            Key::Mouse => "mouse",
            Key::ClearScreen => "F12",
            Key::Print => "p",
            Key::Done => "n",
            Key::Language(_) => "l",
            Key::Clients => "q",
            Key::ClientsCtrl => "Ctrl-C",
            Key::Notes => "F3",
            Key::Details => "F4",
            Key::Open => "Enter",
            Key::New => "n",
            Key::Search => "/",
            Key::MarkDone => "d",
            Key::Printout => "e",
            Key::DeleteIntake => "x",
            Key::Tally => "t",
            Key::RapSheet => "i",
        }
    }

    /// What the key does, short, for a footer.
    pub fn what(self, w: &'static Strings) -> &'static str {
        match self {
            Key::Start => &w.tui_key_start,
            Key::Choose => &w.tui_key_choose,
            Key::Answer => &w.tui_key_answer,
            Key::Number => &w.tui_key_number,
            Key::Back => &w.tui_key_back,
            Key::Cancel => &w.tui_key_cancel,
            Key::Help => &w.tui_key_help,
            Key::Quit | Key::QuitCtrl => &w.tui_key_quit,
            Key::Select => &w.tui_key_select,
            Key::Remove => &w.tui_key_remove,
            Key::Change => &w.tui_key_change,
            Key::Source => &w.tui_key_source,
            Key::Results => &w.tui_key_results,
            Key::Scroll => &w.tui_key_scroll,
            Key::Page => &w.tui_key_page,
            Key::Export => &w.tui_key_export,
            Key::Review => &w.tui_key_review,
            Key::StartOver => &w.tui_key_start_over,
            Key::Close => &w.tui_key_close,
            Key::Save => &w.tui_key_save,
            Key::Format => &w.tui_key_format,
            Key::Erase => &w.tui_key_erase,
            Key::Clear => &w.tui_key_clear,
            Key::Mouse => &w.tui_key_mouse,
            Key::ClearScreen => &w.tui_key_clear_screen,
            Key::Print => &w.tui_key_print,
            Key::Done => &w.tui_key_done,
            Key::Language(lang) => &Strings::get(lang).tui_language_name,
            Key::Clients | Key::ClientsCtrl => &w.tui_key_clients,
            Key::Notes => &w.tui_key_notes,
            Key::Details => &w.desk_key_details,
            Key::Open => &w.desk_key_open,
            Key::New => &w.desk_key_new,
            Key::Search => &w.desk_key_search,
            Key::MarkDone => &w.desk_key_done,
            Key::Printout => &w.desk_key_export,
            Key::DeleteIntake => &w.desk_key_delete,
            Key::Tally => &w.desk_key_tally,
            Key::RapSheet => &w.desk_key_rap_sheet,
        }
    }

    /// What the key does, in full, for the help.
    pub fn describe(self, w: &'static Strings) -> String {
        match self {
            Key::Language(lang) => fill(
                &w.tui_key_language,
                &[("language", &Strings::get(lang).tui_language_name)],
            ),
            Key::Number => w.tui_key_number_long.clone(),
            Key::Answer => w.tui_key_answer_long.clone(),
            Key::Clients | Key::ClientsCtrl => w.desk_key_clients_long.clone(),
            Key::Notes => w.desk_key_notes_long.clone(),
            Key::Details => w.desk_key_details_long.clone(),
            Key::MarkDone => w.desk_key_done_long.clone(),
            Key::Printout => w.desk_key_export_long.clone(),
            Key::RapSheet => w.desk_key_rap_sheet_long.clone(),
            _ => self.what(w).to_string(),
        }
    }
}

/// "Your answers will be cleared in 5 seconds."
pub fn kiosk_clearing_in(w: &Strings, seconds: u64) -> String {
    if seconds == 1 {
        w.kiosk_clearing_in_one.clone()
    } else {
        fill(&w.kiosk_clearing_in_many, &[("seconds", &seconds)])
    }
}

pub fn kiosk_not_printed(w: &Strings, reason: &str) -> String {
    fill(&w.kiosk_not_printed, &[("reason", &reason)])
}
