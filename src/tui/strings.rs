//! Every word the full-screen interface shows that is not content (the questions, rules
//! and FAQ live in `questions/`). Kept in one place so that a translation replaces this
//! file's values and nothing else.

pub const APP_NAME: &str = "clearpath";
pub const TAGLINE: &str = "Clearing a California criminal record";

// Welcome
pub const WELCOME_TITLE: &str = "Welcome";
pub const WELCOME_WHAT: &str = "You answer a few questions about each arrest or conviction on your record. clearpath then shows which ways to clear it may fit, in what order to go about them, and what each one changes and does not change.";
pub const WELCOME_TIME: &str = "It takes about 5 to 10 minutes for each entry on your record. Your RAP sheet or court papers help, but you can answer \"I'm not sure\" to most questions.";
pub const WELCOME_PRIVACY: &str = "Nothing you type is kept. Your answers are forgotten when you quit, unless you choose to save your results to a file.";
pub const WELCOME_START: &str = "Press Enter to start.";
pub const WELCOME_KEYS: &str =
    "Then: arrows and Enter to answer, Esc to go back, ? for help, q to quit.";

// Where the person is
pub const ABOUT_YOU: &str = "About you";

pub fn entry_name(entry: usize) -> String {
    format!("Entry {}", entry + 1)
}

pub fn question_of_about(number: usize, about: usize) -> String {
    format!("question {number} of about {about}")
}

// Questions
pub const TYPE_DATE: &str = "Type the date as YYYY-MM-DD, for example 2019-03-15.";
pub const TYPE_MONEY: &str = "Type the amount in dollars, for example 450 or 1,200.50.";
pub const TYPE_NUMBER: &str = "Type a whole number, for example 2.";
pub const TYPE_TEXT: &str = "Type your answer.";
pub const YOUR_ANSWER: &str = "Your answer";
pub const HELP_TITLE_QUESTION: &str = "About this question";
pub const MORE_HELP: &str = "Press ? for help with this question.";
pub const EDITING_NOTE: &str = "Changing an answer. Esc cancels the change.";

// Entries
pub const ENTRIES_TITLE: &str = "Your entries";

pub fn entries_lead(n: usize) -> String {
    if n == 1 {
        "You have told us about 1 entry. Is there another arrest or conviction on your record?"
            .into()
    } else {
        format!(
            "You have told us about {n} entries. Is there another arrest or conviction on your record?"
        )
    }
}
pub const ADD_ENTRY: &str = "Yes, add another entry";
pub const NO_MORE_ENTRIES: &str = "No, that is all: check my answers";
pub const REMOVE_HINT: &str = "To remove an entry, choose it and press Enter or d.";

pub const REMOVE_TITLE: &str = "Remove this entry?";

pub fn remove_entry_text(label: &str) -> String {
    format!("{label}, and every answer about it, will be forgotten.")
}

// Review
pub const REVIEW_TITLE: &str = "Check your answers";
pub const REVIEW_LEAD: &str =
    "Here is everything you told us. Choose an answer and press Enter to change it.";
pub const SHOW_RESULTS: &str = "Everything is right: show my results";
pub const MANAGE_ENTRIES: &str = "Add or remove an entry";
pub const CHANGES_TITLE: &str = "What changed in your results";
pub const NO_CHANGES: &str = "Your change did not change any result.";
pub const NOT_LISTED: &str = "does not apply";

pub fn more_changes(n: usize) -> String {
    format!("  … and {n} more. Press s to see them in your results.")
}

// Results
pub const RESULTS_TITLE: &str = "Your results";

pub fn as_of(date: &str) -> String {
    format!("as of {date}")
}
pub const NO_ENTRIES: &str = "No entries were given, so there is nothing to screen yet.";
pub const PLAN_TITLE: &str = "Your plan";
pub const CAVEATS_TITLE: &str = "What changes and what does not";
pub const LAWYER_TITLE: &str = "When to talk to a lawyer";
pub const NO_REFERRAL: &str =
    "Nothing here calls for a lawyer on its own, but one can still help you file.";
pub const FORMS: &str = "Forms";
pub const FILE_WITH: &str = "File with";
pub const UNSURE_TITLE: &str = "You were not sure about";

pub fn entry_ref(entries: &[usize]) -> String {
    let list: Vec<String> = entries.iter().map(|e| (e + 1).to_string()).collect();
    if entries.len() == 1 {
        format!("entry {}", list[0])
    } else {
        format!("entries {}", list.join(", "))
    }
}

pub fn footer_rules(version: &str, checked: &str) -> String {
    format!("Rules {version} · law last checked {checked} · general information, not legal advice")
}

// Help
pub const HELP_TITLE: &str = "Help";
pub const KEYS_TITLE: &str = "Keys";
pub const FAQ_TITLE: &str = "Questions people ask";

// Dialogs
pub const QUIT_TITLE: &str = "Leave clearpath?";
pub const QUIT_TEXT: &str = "Your answers will be forgotten. Nothing has been saved.";

pub fn quit_text_saved(path: &str) -> String {
    format!("Your answers will be forgotten here. The file you saved stays: {path}")
}
pub const START_OVER_TITLE: &str = "Start over?";
pub const START_OVER_TEXT: &str = "Every answer will be forgotten and the interview starts again.";
pub const YES_NO: &str = "y yes · n no";

// Export
pub const EXPORT_TITLE: &str = "Save your results to a file";
pub const EXPORT_FORMAT: &str = "Format";
pub const EXPORT_PATH: &str = "File";
pub const EXPORT_PRIVACY: &str =
    "The file holds your answers. On a shared computer, delete it when you are done.";
pub const FORMAT_TEXT: &str = "Plain text";
pub const FORMAT_MARKDOWN: &str = "Markdown";
pub const FORMAT_HTML: &str = "Web page, ready to print (HTML)";
pub const EXPORT_NO_PATH: &str = "Type a file name.";
pub const OVERWRITE_TITLE: &str = "Replace the file?";

pub fn overwrite_text(path: &str) -> String {
    format!("{path} already exists. Replace it with your results?")
}

pub fn saved(path: &str) -> String {
    format!("Saved to {path}")
}

pub fn not_saved(reason: &str) -> String {
    format!("Could not save: {reason}")
}

pub fn default_export_name(as_of: &str, ext: &str) -> String {
    format!("clearpath-results-{as_of}.{ext}")
}

// Small terminal
pub const TOO_SMALL: &str = "Please make the window larger.";
pub const TOO_SMALL_LEAVE: &str = "Ctrl-C leaves.";

pub fn too_small_size(width: u16, height: u16, min_w: u16, min_h: u16) -> String {
    format!("clearpath needs at least {min_w} × {min_h}; this window is {width} × {height}.")
}

// Keys, as shown in footers and in help: (key, what it does)
pub const K_START: (&str, &str) = ("Enter", "start");
pub const K_CHOOSE: (&str, &str) = ("↑↓", "choose");
pub const K_ANSWER: (&str, &str) = ("Enter", "answer");
pub const K_NUMBER: (&str, &str) = ("1-9", "pick an answer");
pub const K_BACK: (&str, &str) = ("Esc", "back");
pub const K_CANCEL: (&str, &str) = ("Esc", "cancel");
pub const K_HELP: (&str, &str) = ("?", "help");
pub const K_QUIT: (&str, &str) = ("q", "quit");
pub const K_QUIT_CTRL: (&str, &str) = ("Ctrl-C", "quit");
pub const K_SELECT: (&str, &str) = ("Enter", "select");
pub const K_REMOVE: (&str, &str) = ("d", "remove entry");
pub const K_CHANGE: (&str, &str) = ("Enter", "change");
pub const K_RESULTS: (&str, &str) = ("s", "show results");
pub const K_SCROLL: (&str, &str) = ("↑↓", "scroll");
pub const K_PAGE: (&str, &str) = ("PgUp PgDn", "a page at a time");
pub const K_EXPORT: (&str, &str) = ("e", "save to file");
pub const K_REVIEW: (&str, &str) = ("r", "change answers");
pub const K_START_OVER: (&str, &str) = ("n", "start over");
pub const K_CLOSE: (&str, &str) = ("Esc", "close");
pub const K_SAVE: (&str, &str) = ("Enter", "save");
pub const K_FORMAT: (&str, &str) = ("↑↓", "format");
pub const K_TYPE_BACK: (&str, &str) = ("Backspace", "on an empty field: back");
pub const K_CLEAR: (&str, &str) = ("Ctrl-U", "empty the field");
pub const K_MOUSE: (&str, &str) = ("mouse", "click an answer, wheel to scroll");

// Kiosk
pub const KIOSK_INVITE: &str = "Welcome. This terminal is free for you to use.";
pub const KIOSK_WHAT: &str = "Answer a few questions about each arrest or conviction on your record, and see which ways to clear it may fit and what to do next.";
pub const KIOSK_PRIVACY: &str = "This is a shared terminal. Nothing you type is saved. When you are done, or walk away, everything is cleared for the next person.";
pub const KIOSK_START: &str = "Press Enter to start";
pub const KIOSK_CLEAR_HOW: &str = "F12 (or Esc three times) clears the screen at once.";
pub const KIOSK_STILL_HERE: &str = "Still here?";
pub const KIOSK_PRESS_ANY_KEY: &str = "Press any key to keep going.";

pub fn kiosk_clearing_in(seconds: u64) -> String {
    if seconds == 1 {
        "Your answers will be cleared in 1 second.".into()
    } else {
        format!("Your answers will be cleared in {seconds} seconds.")
    }
}
pub const KIOSK_PIN_TITLE: &str = "Operator";
pub const KIOSK_PIN_PROMPT: &str = "PIN to close clearpath:";
pub const KIOSK_PIN_WRONG: &str = "That PIN is not right.";
pub const KIOSK_PIN_KEYS: &str = "Enter close clearpath · Esc cancel";
pub const KIOSK_PRINTING: &str = "Sending your results to the printer…";
pub const KIOSK_PRINTED: &str = "Your results were sent to the printer.";

pub fn kiosk_not_printed(reason: &str) -> String {
    format!("Could not print: {reason}")
}
pub const K_CLEAR_SCREEN: (&str, &str) = ("F12", "clear screen");
pub const K_PRINT: (&str, &str) = ("p", "print");
pub const K_DONE: (&str, &str) = ("n", "done: clear");
