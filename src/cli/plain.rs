//! `clearpath --plain`: the interview as numbered prompts, one per line, for screen
//! readers, braille displays and pipes. No cursor movement, no color; every status in
//! words. Answers by number or word; `back`, `help`, `repeat` and `quit` anywhere.
//!
//! The steps are those of the full-screen interview: the questions, a review of every
//! answer (a number changes one, and what that changed in the results is said), the
//! results, and saving them to a file if the person asks.

use std::io::{self, BufRead, Write};
use std::process::ExitCode;

use chrono::NaiveDate;

use crate::content::Content;
use crate::content::model::AnswerKind;
use crate::engine::input::{InputError, parse_answer};
use crate::engine::screen::{Change, Verdict, changes};
use crate::engine::{Interview, Person, Slot, Stage};
use crate::report;
use crate::report::Format;
use crate::sanitize;
use crate::strings::{Strings, fill, options_in};
use crate::tui::export::{self, Written};

/// The interview already under way (answers read from a RAP sheet), after `said`.
pub fn run_from(interview: Interview, said: &[String]) -> ExitCode {
    let stdin = io::stdin();
    let stdout = io::stdout();
    let (mut input, mut out) = (stdin.lock(), stdout.lock());
    ended(interview_from(interview, said, &mut input, &mut out))
}

pub fn run<'c>(
    content: &'c Content,
    as_of: NaiveDate,
    from_code: Option<crate::engine::handoff::Decoded<'c>>,
) -> ExitCode {
    let stdin = io::stdin();
    let stdout = io::stdout();
    let (mut input, mut out) = (stdin.lock(), stdout.lock());
    let done = match from_code {
        None => interview(content, as_of, &mut input, &mut out),
        Some(decoded) => {
            let notices = crate::report::code_notices(Strings::get(content.lang), &decoded);
            interview_from(decoded.interview, &notices, &mut input, &mut out)
        }
    };
    ended(done)
}

/// How a plain interview ends for the shell: a closed pipe is the reader leaving.
fn ended(done: io::Result<()>) -> ExitCode {
    match done {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("clearpath: {}", sanitize::line(&e.to_string()));
            ExitCode::from(super::EXIT_CANNOT_RUN)
        }
    }
}

enum Command {
    Back,
    Help,
    Repeat,
    Quit,
    Answer(String),
}

/// Commands are understood in English and Spanish whatever the language shown.
fn command(line: &str) -> Command {
    match line.trim().to_lowercase().as_str() {
        "back" | "b" | "atras" | "atrás" => Command::Back,
        "help" | "h" | "ayuda" => Command::Help,
        "repeat" | "r" | "repetir" => Command::Repeat,
        "quit" | "q" | "exit" | "salir" => Command::Quit,
        _ => Command::Answer(line.trim().to_string()),
    }
}

/// Yes and no in either language, or by the number of the answer.
fn yes_or_no(text: &str) -> Option<bool> {
    match text.trim() {
        "1" => Some(true),
        "2" => Some(false),
        text => crate::engine::input::yes_or_no(text),
    }
}

/// "3", or words for another count (charge) in the same case, in either language.
fn is_another_count(text: &str) -> bool {
    const WORDS: [&str; 8] = [
        "3",
        "count",
        "another count",
        "charge",
        "another charge",
        "cargo",
        "otro cargo",
        "otro cargo en el caso",
    ];
    WORDS.contains(&crate::engine::input::words(text).as_str())
}

/// What people type at the review to say their answers are right, in either language,
/// as [`crate::engine::input::words`] writes it.
const REVIEW_DONE: [&str; 22] = [
    "",
    "results",
    "show results",
    "show my results",
    "see results",
    "done",
    "ok",
    "okay",
    "all good",
    "looks good",
    "thats right",
    "yes",
    "resultados",
    "ver resultados",
    "ver mis resultados",
    "mostrar resultados",
    "listo",
    "lista",
    "todo bien",
    "esta bien",
    "correcto",
    "si",
];

fn means_done(text: &str) -> bool {
    REVIEW_DONE.contains(&crate::engine::input::words(text).as_str())
}

/// Shows the prompt and reads one line; `None` at the end of the input.
fn read_line(input: &mut impl BufRead, out: &mut impl Write) -> io::Result<Option<String>> {
    write!(out, "> ")?;
    out.flush()?;
    let mut line = String::new();
    if input.read_line(&mut line)? == 0 {
        writeln!(out)?;
        return Ok(None);
    }
    Ok(Some(line))
}

/// Where the person is between the questions and the end.
enum Step {
    Questions,
    Review,
    Export,
}

/// Runs the whole interview over any input and output: the questions, the review, the
/// results and the offer to save them.
pub fn interview(
    content: &Content,
    as_of: NaiveDate,
    input: &mut impl BufRead,
    out: &mut impl Write,
) -> io::Result<()> {
    interview_from(Interview::new(content, as_of), &[], input, out)
}

/// The interview from where `interview` is: from its review when every question is
/// answered (answers from a hand-off code, with `notices` said first).
pub fn interview_from(
    mut interview: Interview,
    notices: &[String],
    input: &mut impl BufRead,
    out: &mut impl Write,
) -> io::Result<()> {
    let content = interview.content();
    let words = Strings::get(content.lang);
    writeln!(out, "{}", words.plain_title)?;
    writeln!(out, "{}", content.meta.notice)?;
    for notice in notices {
        writeln!(out, "{notice}")?;
    }
    let mut step = if interview.stage() == Stage::Done {
        Step::Review
    } else {
        writeln!(out, "{}", words.plain_duration)?;
        writeln!(out, "{}", words.plain_how_to_answer)?;
        Step::Questions
    };
    loop {
        step = match step {
            Step::Questions => match ask_questions(&mut interview, words, input, out, false)? {
                Asked::Done => Step::Review,
                Asked::Quit => return Ok(()),
                // Going back is only a way out of a change made from the review.
                Asked::Cancelled => Step::Questions,
                Asked::EndOfInput => {
                    writeln!(out, "{}", words.not_finished)?;
                    if interview.has_answers() {
                        writeln!(out, "{}", words.answers_so_far)?;
                        results(&interview, out)?;
                    }
                    return Ok(());
                }
            },
            Step::Review => match review(&mut interview, words, input, out)? {
                Reviewed::Results => {
                    writeln!(out)?;
                    results(&interview, out)?;
                    Step::Export
                }
                Reviewed::Back => {
                    interview.back();
                    Step::Questions
                }
                Reviewed::Quit => return Ok(()),
            },
            Step::Export => match save(&interview, words, input, out)? {
                Saved::Finished => return Ok(()),
                Saved::Back => Step::Review,
            },
        };
    }
}

/// How a run of questions ended.
enum Asked {
    /// Every section is complete.
    Done,
    Quit,
    /// `back` while changing an answer from the review: the change is abandoned.
    Cancelled,
    EndOfInput,
}

/// Asks questions until the interview is done. With `editing`, one answer is being
/// changed from the review, and `back` abandons the change.
fn ask_questions(
    interview: &mut Interview,
    words: &Strings,
    input: &mut impl BufRead,
    out: &mut impl Write,
    editing: bool,
) -> io::Result<Asked> {
    let mut shown: Option<(Stage, usize)> = None;
    loop {
        let stage = interview.stage();
        let key = interview.asking().map(|a| (stage, a.index));
        if stage == Stage::Done {
            return Ok(Asked::Done);
        }
        if key != shown || key.is_none() {
            writeln!(out)?;
            prompt(interview, words, out)?;
            shown = key;
        }
        let Some(line) = read_line(input, out)? else {
            return Ok(Asked::EndOfInput);
        };
        match command(&line) {
            Command::Quit => {
                writeln!(out, "{}", words.goodbye)?;
                return Ok(Asked::Quit);
            }
            Command::Repeat => shown = None,
            Command::Help => help(interview, words, out)?,
            Command::Back if editing => return Ok(Asked::Cancelled),
            Command::Back => {
                if !interview.back() {
                    writeln!(out, "{}", words.first_question)?;
                }
                shown = None;
            }
            Command::Answer(text) => match take_answer(interview, words, &text) {
                Ok(Some(answer)) => {
                    writeln!(out, "{}", fill(&words.understood, &[("answer", &answer)]))?;
                }
                Ok(None) => {}
                Err(message) => refuse(words, &message, out)?,
            },
        }
    }
}

/// Says why a line was not accepted, right after it.
fn refuse(words: &Strings, message: &str, out: &mut impl Write) -> io::Result<()> {
    writeln!(
        out,
        "{}",
        fill(
            &words.not_accepted,
            &[("message", &sanitize::line(message))]
        )
    )
}

/// Takes one line as the answer to what is asked now. Returns the answer as it was
/// read, in words, to repeat back; `None` when there is nothing to repeat.
fn take_answer(
    interview: &mut Interview,
    words: &Strings,
    text: &str,
) -> Result<Option<String>, String> {
    if interview.stage() == Stage::AddAnother {
        let count = interview.count_can_follow().is_some();
        if count && is_another_count(text) {
            interview.add_count();
            return Ok(None);
        }
        match yes_or_no(text) {
            Some(yes) => interview.add_another(yes),
            None if count => return Err(words.err_yes_no_count.clone()),
            None => return Err(words.err_yes_no.clone()),
        }
        return Ok(None);
    }
    let Some(asking) = interview.asking() else {
        return Ok(None);
    };
    let content = interview.content();
    let lang = content.lang;
    let words = Strings::get(lang);
    let fact = content.questions[asking.index].fact;
    let counties = &content.counties;
    // A county may be named by its number in the list shown after a refusal.
    let numbered = (Some(fact) == counties.fact)
        .then(|| text.trim().parse::<usize>().ok())
        .flatten()
        .and_then(|n| counties.names.get(n.wrapping_sub(1)));
    let text = numbered.map_or(text, String::as_str);
    let slot = parse_answer(asking.question, text, lang).map_err(|e| words.refusal(&e))?;
    let understood = report::understood_text(content, fact, &slot);
    interview.answer(slot).map_err(|e| match e {
        InputError::NotACounty { .. } => {
            let listed: Vec<String> = counties
                .names
                .iter()
                .enumerate()
                .map(|(i, name)| format!("{}. {name}", i + 1))
                .collect();
            let list = fill(&words.county_list, &[("counties", &listed.join("; "))]);
            format!("{} {list}", words.refusal(&e))
        }
        e => words.refusal(&e),
    })?;
    Ok(Some(understood))
}

fn prompt(interview: &Interview, words: &Strings, out: &mut impl Write) -> io::Result<()> {
    if interview.stage() == Stage::AddAnother {
        // Cases, however many counts each holds.
        let n = interview.person().case_total();
        let question = if n == 1 {
            words.add_another_one.clone()
        } else {
            fill(&words.add_another_many, &[("n", &n)])
        };
        writeln!(out, "{question}")?;
        writeln!(out, "  1. {}", words.add_another_yes)?;
        writeln!(out, "  2. {}", words.add_another_no)?;
        if let Some(first) = interview.count_can_follow() {
            let (case, _) = interview.person().case_and_count(first);
            writeln!(out, "  3. {}", words.add_count(case))?;
        }
        return Ok(());
    }
    let Some(a) = interview.asking() else {
        return Ok(());
    };
    writeln!(
        out,
        "{}",
        fill(
            &words.counter,
            &[
                ("place", &place(words, interview.person(), a.entry)),
                ("number", &a.number),
                ("about", &a.about)
            ]
        )
    )?;
    writeln!(out, "{}", a.question.text)?;
    if matches!(
        a.question.answers,
        AnswerKind::YesNo | AnswerKind::Choice(_)
    ) {
        let lang = interview.content().lang;
        for (i, (_, label)) in options_in(a.question, lang).iter().enumerate() {
            writeln!(out, "  {}. {label}", i + 1)?;
        }
    }
    let hint = match a.question.answers {
        AnswerKind::Date => Some(&words.hint_date),
        AnswerKind::Money => Some(&words.hint_money),
        AnswerKind::Number => Some(&words.hint_number),
        AnswerKind::Months => Some(&words.hint_months),
        AnswerKind::Text => Some(&words.hint_text),
        _ => None,
    };
    if let Some(hint) = hint {
        let not_sure = if a.question.not_sure {
            words.hint_or_not_sure.as_str()
        } else {
            ""
        };
        writeln!(out, "{hint}{not_sure}")?;
    }
    if a.current.is_answered() {
        let fact = interview.content().questions[a.index].fact;
        let answer = report::answer_text(interview.content(), fact, &a.current);
        writeln!(
            out,
            "{}",
            fill(&words.your_answer_was, &[("answer", &answer)])
        )?;
    }
    Ok(())
}

/// "About you", "Entry 2".
fn place(words: &Strings, person: &Person, entry: Option<usize>) -> String {
    match entry {
        None => words.place_person.clone(),
        Some(e) => fill(
            &words.place_entry,
            &[("n", &report::entry_number(words, person, e))],
        ),
    }
}

fn help(interview: &Interview, words: &Strings, out: &mut impl Write) -> io::Result<()> {
    match interview.asking() {
        Some(a) => writeln!(out, "{}", fill(&words.help, &[("help", &a.question.help)]))?,
        None => writeln!(out, "{}", words.help_add_another)?,
    }
    writeln!(out, "{}", words.help_keys)
}

fn results(interview: &Interview, out: &mut impl Write) -> io::Result<()> {
    let screening = interview.results();
    let doc = report::Document::new(
        interview.content(),
        interview.person(),
        &screening,
        report::Audience::Person,
    )
    .with_handoff(interview.content(), interview.person());
    let blocks = report::layout::blocks(&doc, report::layout::Medium::Screen);
    let text = report::text::render(&blocks, report::text::WIDTH);
    out.write_all(text.as_bytes())
}

/// How the review ended.
enum Reviewed {
    Results,
    /// `back`: to the last question.
    Back,
    Quit,
}

/// One answer in the review: its section, its question, the answer.
struct ReviewRow {
    entry: Option<usize>,
    question: usize,
    answer: Slot,
}

fn review_rows(interview: &Interview) -> Vec<ReviewRow> {
    std::iter::once(None)
        .chain((0..interview.entry_count()).map(Some))
        .flat_map(|entry| {
            interview
                .answered(entry)
                .into_iter()
                .map(move |(question, answer)| ReviewRow {
                    entry,
                    question,
                    answer,
                })
        })
        .collect()
}

/// Every answer, numbered; a number changes that answer, Enter (or "results") goes on
/// to the results. The end of the input goes on to the results too.
fn review(
    interview: &mut Interview,
    words: &Strings,
    input: &mut impl BufRead,
    out: &mut impl Write,
) -> io::Result<Reviewed> {
    let mut list_shown = false;
    loop {
        let rows = review_rows(interview);
        if !list_shown {
            writeln!(out)?;
            list_answers(interview, &rows, words, out)?;
            list_shown = true;
        }
        let Some(line) = read_line(input, out)? else {
            return Ok(Reviewed::Results);
        };
        let text = match command(&line) {
            Command::Quit => {
                writeln!(out, "{}", words.goodbye)?;
                return Ok(Reviewed::Quit);
            }
            Command::Back => return Ok(Reviewed::Back),
            Command::Help => {
                writeln!(out, "{}", words.plain_review_help)?;
                continue;
            }
            Command::Repeat => {
                list_shown = false;
                continue;
            }
            Command::Answer(text) => text.to_lowercase(),
        };
        if means_done(&text) {
            return Ok(Reviewed::Results);
        }
        // "o 3": answer 3 comes from another source.
        if let Some(number) = text
            .strip_prefix('o')
            .map(str::trim)
            .filter(|n| !n.is_empty())
        {
            let row = (number.parse::<usize>().ok())
                .and_then(|n| n.checked_sub(1))
                .and_then(|i| rows.get(i));
            match row {
                Some(&ReviewRow {
                    entry: Some(entry),
                    question,
                    ..
                }) => {
                    let said = match interview.next_source(entry, question) {
                        Some(source) => {
                            fill(&words.tui_source_now, &[("source", &words.source(&source))])
                        }
                        None => words.tui_source_entry.clone(),
                    };
                    writeln!(out, "{said}")?;
                }
                Some(_) => refuse(words, &words.plain_source_entry_only, out)?,
                None => {
                    let message = fill(&words.plain_review_pick, &[("count", &rows.len())]);
                    refuse(words, &message, out)?;
                }
            }
            continue;
        }
        let chosen = text
            .parse::<usize>()
            .ok()
            .and_then(|n| n.checked_sub(1))
            .and_then(|i| rows.get(i));
        let Some(row) = chosen else {
            let message = fill(&words.plain_review_pick, &[("count", &rows.len())]);
            refuse(words, &message, out)?;
            continue;
        };
        let saved = interview.clone();
        let before = interview.results();
        if !interview.edit(row.entry, row.question) {
            continue;
        }
        writeln!(out)?;
        writeln!(out, "{}", words.plain_changing)?;
        match ask_questions(interview, words, input, out, true)? {
            Asked::Done => {
                let after = interview.results();
                writeln!(out)?;
                say_changes(
                    interview.content(),
                    interview.person(),
                    &changes(&before, &after),
                    words,
                    out,
                )?;
            }
            Asked::Cancelled => {
                *interview = saved;
                writeln!(out, "{}", words.plain_not_changed)?;
            }
            Asked::Quit => return Ok(Reviewed::Quit),
            Asked::EndOfInput => {
                *interview = saved;
                return Ok(Reviewed::Results);
            }
        }
        list_shown = false;
    }
}

fn list_answers(
    interview: &Interview,
    rows: &[ReviewRow],
    words: &Strings,
    out: &mut impl Write,
) -> io::Result<()> {
    let content = interview.content();
    writeln!(out, "{}", words.plain_review_title)?;
    for (i, row) in rows.iter().enumerate() {
        let def = &content.questions[row.question];
        let line = fill(
            &words.plain_review_row,
            &[
                ("number", &(i + 1)),
                ("place", &place(words, interview.person(), row.entry)),
                ("question", &def.source.text),
                ("answer", &{
                    let mut answer =
                        report::review_answer(interview, row.entry, row.question, &row.answer);
                    if let Some(source) = row.entry.and_then(|e| interview.source(e, row.question))
                    {
                        answer.push_str(&format!(" ({})", words.source(&source)));
                    }
                    answer
                }),
            ],
        );
        writeln!(out, "{line}")?;
    }
    writeln!(out, "{}", words.plain_review_how)
}

/// What a changed answer changed in the results, one remedy a line, in words.
fn say_changes(
    content: &Content,
    person: &Person,
    changes: &[Change],
    words: &Strings,
    out: &mut impl Write,
) -> io::Result<()> {
    if changes.is_empty() {
        return writeln!(out, "{}", words.tui_no_changes);
    }
    writeln!(out, "{}", words.plain_changes_title)?;
    let status = |v: Option<(Verdict, Option<NaiveDate>)>| match v {
        Some((verdict, from)) => report::verdict_phrase(verdict, from, words),
        None => words.plain_not_in_results.clone(),
    };
    for c in changes {
        let line = fill(
            &words.plain_change,
            &[
                ("entry", &place(words, person, Some(c.entry))),
                ("remedy", &content.remedies[c.remedy].source.name),
                ("before", &status(c.before)),
                ("after", &status(c.after)),
            ],
        );
        writeln!(out, "{line}")?;
    }
    Ok(())
}

/// How the offer to save ended.
enum Saved {
    /// Saved, or declined: the program ends.
    Finished,
    /// `back`: to the review.
    Back,
}

/// The format a file name asks for by its ending.
fn format_of(name: &str) -> Option<Format> {
    let name = name.to_lowercase();
    Format::PRINTABLE
        .into_iter()
        .find(|f| name.ends_with(&format!(".{}", f.extension())))
}

/// Offers to save the results, until they are saved or the person declines. The end of
/// the input declines: nothing is written unless a name was typed.
fn save(
    interview: &Interview,
    words: &Strings,
    input: &mut impl BufRead,
    out: &mut impl Write,
) -> io::Result<Saved> {
    let example = crate::tui::strings::default_export_name(
        words,
        &interview.as_of().to_string(),
        Format::Text.extension(),
    );
    let mut asked = false;
    loop {
        if !asked {
            writeln!(out)?;
            writeln!(out, "{}", words.plain_save_question)?;
            writeln!(
                out,
                "{}",
                fill(&words.plain_save_formats, &[("example", &example)])
            )?;
            asked = true;
        }
        let Some(line) = read_line(input, out)? else {
            return Ok(Saved::Finished);
        };
        let typed = match command(&line) {
            Command::Quit => {
                writeln!(out, "{}", words.goodbye)?;
                return Ok(Saved::Finished);
            }
            Command::Back => return Ok(Saved::Back),
            Command::Help => {
                writeln!(
                    out,
                    "{}",
                    fill(&words.plain_save_help, &[("example", &example)])
                )?;
                continue;
            }
            Command::Repeat => {
                asked = false;
                continue;
            }
            Command::Answer(typed) => typed,
        };
        // "No" (or Enter) to "Save these results?" is finishing without saving.
        if typed.is_empty() || crate::engine::input::yes_or_no(&typed) == Some(false) {
            writeln!(out, "{}", words.goodbye)?;
            return Ok(Saved::Finished);
        }
        let Some(format) = format_of(&typed) else {
            refuse(words, &words.plain_save_extension, out)?;
            continue;
        };
        let path = export::resolve(&typed);
        let text = report::person_page(
            interview.content(),
            interview.person(),
            &interview.results(),
            format,
        );
        let mut replace = false;
        loop {
            match export::write(&path, &text, replace) {
                Ok(Written::Saved(path)) => {
                    let shown = path.display().to_string();
                    writeln!(out, "{}", fill(&words.tui_saved, &[("path", &shown)]))?;
                    writeln!(out, "{}", words.tui_export_privacy)?;
                    return Ok(Saved::Finished);
                }
                Ok(Written::Exists(path)) => {
                    let shown = path.display().to_string();
                    writeln!(
                        out,
                        "{}",
                        fill(&words.plain_replace_question, &[("path", &shown)])
                    )?;
                    match ask_yes_no(words, input, out)? {
                        Some(true) => replace = true,
                        Some(false) => {
                            writeln!(out, "{}", words.plain_not_replaced)?;
                            asked = false;
                            break;
                        }
                        None => return Ok(Saved::Finished),
                    }
                }
                Err(e) => {
                    let reason = crate::tui::strings::why_not_written(words, &e);
                    let message = fill(&words.tui_not_saved, &[("reason", &reason)]);
                    writeln!(out, "{message}")?;
                    writeln!(out, "{}", words.plain_save_again)?;
                    break;
                }
            }
        }
    }
}

/// Reads yes or no, asking again until it is one of them. `None` at the end of the
/// input or on quit, which leave without saving; back counts as no.
fn ask_yes_no(
    words: &Strings,
    input: &mut impl BufRead,
    out: &mut impl Write,
) -> io::Result<Option<bool>> {
    loop {
        let Some(line) = read_line(input, out)? else {
            return Ok(None);
        };
        match command(&line) {
            Command::Quit => {
                writeln!(out, "{}", words.goodbye)?;
                return Ok(None);
            }
            Command::Back => return Ok(Some(false)),
            Command::Help | Command::Repeat => writeln!(out, "{}", words.err_yes_no)?,
            Command::Answer(text) => match yes_or_no(&text) {
                Some(yes) => return Ok(Some(yes)),
                None => refuse(words, &words.err_yes_no, out)?,
            },
        }
    }
}
