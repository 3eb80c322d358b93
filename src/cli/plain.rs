//! `clearpath --plain`: the interview as numbered prompts, one per line, for screen
//! readers, braille displays and pipes. No cursor movement, no color; every status in
//! words. Answers by number or word; `back`, `help`, `repeat` and `quit` anywhere.

use std::io::{self, BufRead, Write};
use std::process::ExitCode;

use chrono::NaiveDate;

use crate::content::Content;
use crate::content::model::AnswerKind;
use crate::engine::input::{options, parse_answer};
use crate::engine::{Interview, Stage};
use crate::report;

pub fn run(content: &Content, as_of: NaiveDate) -> ExitCode {
    let stdin = io::stdin();
    let stdout = io::stdout();
    match interview(content, as_of, &mut stdin.lock(), &mut stdout.lock()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("clearpath: {e}");
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

fn command(line: &str) -> Command {
    match line.trim().to_lowercase().as_str() {
        "back" | "b" => Command::Back,
        "help" | "h" => Command::Help,
        "repeat" | "r" => Command::Repeat,
        "quit" | "q" | "exit" => Command::Quit,
        _ => Command::Answer(line.trim().to_string()),
    }
}

/// Runs the whole interview over any input and output, then prints the results.
pub fn interview(
    content: &Content,
    as_of: NaiveDate,
    input: &mut impl BufRead,
    out: &mut impl Write,
) -> io::Result<()> {
    let mut interview = Interview::new(content, as_of);
    writeln!(out, "clearpath: clearing a California criminal record")?;
    writeln!(out, "{}", content.meta.notice)?;
    writeln!(
        out,
        "It takes about 5 to 10 minutes for each entry on your record. Nothing is saved."
    )?;
    writeln!(
        out,
        "Answer with the number or the word. At any question you can type back, help, repeat or quit."
    )?;
    let mut shown: Option<(Stage, usize)> = None;
    loop {
        let stage = interview.stage();
        let key = interview.asking().map(|a| (stage, a.index));
        if stage == Stage::Done {
            break;
        }
        if key != shown || key.is_none() {
            writeln!(out)?;
            prompt(&interview, out)?;
            shown = key;
        }
        write!(out, "> ")?;
        out.flush()?;
        let mut line = String::new();
        if input.read_line(&mut line)? == 0 {
            writeln!(out)?;
            writeln!(out, "The interview was not finished.")?;
            if interview.has_answers() {
                writeln!(out, "Here is what the answers so far show.")?;
                results(&interview, out)?;
            }
            return Ok(());
        }
        match command(&line) {
            Command::Quit => {
                writeln!(out, "Goodbye. Nothing was saved.")?;
                return Ok(());
            }
            Command::Repeat => shown = None,
            Command::Help => help(&interview, out)?,
            Command::Back => {
                if !interview.back() {
                    writeln!(out, "This is the first question.")?;
                }
                shown = None;
            }
            Command::Answer(text) => {
                if let Err(message) = take_answer(&mut interview, &text) {
                    writeln!(out, "Not accepted: {message}")?;
                }
            }
        }
    }
    writeln!(out)?;
    results(&interview, out)
}

fn take_answer(interview: &mut Interview, text: &str) -> Result<(), String> {
    if interview.stage() == Stage::AddAnother {
        match text.to_lowercase().as_str() {
            "1" | "y" | "yes" | "si" | "sí" => interview.add_another(true),
            "2" | "n" | "no" => interview.add_another(false),
            _ => return Err("Please answer yes or no.".into()),
        }
        return Ok(());
    }
    let asking = interview.asking().ok_or("There is no question now.")?;
    let slot = parse_answer(asking.question, text).map_err(|e| e.0)?;
    interview.answer(slot)
}

fn prompt(interview: &Interview, out: &mut impl Write) -> io::Result<()> {
    if interview.stage() == Stage::AddAnother {
        let n = interview.entry_count();
        writeln!(
            out,
            "You have told us about {n} {}. Is there another entry on your record?",
            if n == 1 { "entry" } else { "entries" }
        )?;
        writeln!(out, "  1. Yes, add another entry")?;
        writeln!(out, "  2. No, show my results")?;
        return Ok(());
    }
    let Some(a) = interview.asking() else {
        return Ok(());
    };
    let place = match a.entry {
        None => "About you".to_string(),
        Some(e) => format!("Entry {}", e + 1),
    };
    writeln!(out, "{place} · question {} of about {}", a.number, a.about)?;
    writeln!(out, "{}", a.question.text)?;
    if matches!(
        a.question.answers,
        AnswerKind::YesNo | AnswerKind::Choice(_)
    ) {
        for (i, (_, label)) in options(a.question).iter().enumerate() {
            writeln!(out, "  {}. {label}", i + 1)?;
        }
    }
    let hint = match a.question.answers {
        AnswerKind::Date => Some("Type a date, like 2019-03-15."),
        AnswerKind::Money => Some("Type an amount in dollars, like 450."),
        AnswerKind::Number => Some("Type a number, like 2."),
        AnswerKind::Text => Some("Type your answer."),
        _ => None,
    };
    if let Some(hint) = hint {
        let not_sure = if a.question.not_sure {
            " Or type \"not sure\"."
        } else {
            ""
        };
        writeln!(out, "{hint}{not_sure}")?;
    }
    if a.current.is_answered() {
        let fact = interview.content().questions[a.index].fact;
        writeln!(
            out,
            "Your answer was: {}. Type a new answer, or the same again.",
            report::answer_text(interview.content(), fact, &a.current)
        )?;
    }
    Ok(())
}

fn help(interview: &Interview, out: &mut impl Write) -> io::Result<()> {
    match interview.asking() {
        Some(a) => writeln!(out, "Help: {}", a.question.help)?,
        None => writeln!(
            out,
            "Help: answer yes to tell us about another arrest or conviction, or no to see your results."
        )?,
    }
    writeln!(
        out,
        "Type the number of an answer, or the answer itself. back goes to the previous question, repeat says this one again, quit leaves without saving."
    )
}

fn results(interview: &Interview, out: &mut impl Write) -> io::Result<()> {
    let screening = interview.results();
    let text = report::text::render(interview.content(), interview.person(), &screening);
    out.write_all(text.as_bytes())
}
