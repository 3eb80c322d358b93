//! `clearpath --plain`: the interview as numbered prompts, one per line, for screen
//! readers, braille displays and pipes. No cursor movement, no color; every status in
//! words. Answers by number or word; `back`, `help`, `repeat` and `quit` anywhere.

use std::io::{self, BufRead, Write};
use std::process::ExitCode;

use chrono::NaiveDate;

use crate::content::Content;
use crate::content::model::AnswerKind;
use crate::engine::input::{options_in, parse_answer_in};
use crate::engine::{Interview, Stage};
use crate::report;
use crate::strings::{Strings, fill};

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

/// Runs the whole interview over any input and output, then prints the results.
pub fn interview(
    content: &Content,
    as_of: NaiveDate,
    input: &mut impl BufRead,
    out: &mut impl Write,
) -> io::Result<()> {
    let words = Strings::get(content.lang);
    let mut interview = Interview::new(content, as_of);
    writeln!(out, "{}", words.plain_title)?;
    writeln!(out, "{}", content.meta.notice)?;
    writeln!(out, "{}", words.plain_duration)?;
    writeln!(out, "{}", words.plain_how_to_answer)?;
    let mut shown: Option<(Stage, usize)> = None;
    loop {
        let stage = interview.stage();
        let key = interview.asking().map(|a| (stage, a.index));
        if stage == Stage::Done {
            break;
        }
        if key != shown || key.is_none() {
            writeln!(out)?;
            prompt(&interview, words, out)?;
            shown = key;
        }
        write!(out, "> ")?;
        out.flush()?;
        let mut line = String::new();
        if input.read_line(&mut line)? == 0 {
            writeln!(out)?;
            writeln!(out, "{}", words.not_finished)?;
            if interview.has_answers() {
                writeln!(out, "{}", words.answers_so_far)?;
                results(&interview, out)?;
            }
            return Ok(());
        }
        match command(&line) {
            Command::Quit => {
                writeln!(out, "{}", words.goodbye)?;
                return Ok(());
            }
            Command::Repeat => shown = None,
            Command::Help => help(&interview, words, out)?,
            Command::Back => {
                if !interview.back() {
                    writeln!(out, "{}", words.first_question)?;
                }
                shown = None;
            }
            Command::Answer(text) => {
                if let Err(message) = take_answer(&mut interview, words, &text) {
                    writeln!(
                        out,
                        "{}",
                        fill(&words.not_accepted, &[("message", &message)])
                    )?;
                }
            }
        }
    }
    writeln!(out)?;
    results(&interview, out)
}

fn take_answer(interview: &mut Interview, words: &Strings, text: &str) -> Result<(), String> {
    if interview.stage() == Stage::AddAnother {
        match text.to_lowercase().as_str() {
            "1" | "y" | "yes" | "si" | "sí" => interview.add_another(true),
            "2" | "n" | "no" => interview.add_another(false),
            _ => return Err(words.err_yes_no.clone()),
        }
        return Ok(());
    }
    let Some(asking) = interview.asking() else {
        return Ok(());
    };
    let lang = interview.content().lang;
    let slot = parse_answer_in(asking.question, text, lang).map_err(|e| e.0)?;
    interview.answer(slot)
}

fn prompt(interview: &Interview, words: &Strings, out: &mut impl Write) -> io::Result<()> {
    if interview.stage() == Stage::AddAnother {
        let n = interview.entry_count();
        let question = if n == 1 {
            words.add_another_one.clone()
        } else {
            fill(&words.add_another_many, &[("n", &n)])
        };
        writeln!(out, "{question}")?;
        writeln!(out, "  1. {}", words.add_another_yes)?;
        writeln!(out, "  2. {}", words.add_another_no)?;
        return Ok(());
    }
    let Some(a) = interview.asking() else {
        return Ok(());
    };
    let place = match a.entry {
        None => words.place_person.clone(),
        Some(e) => fill(&words.place_entry, &[("n", &(e + 1))]),
    };
    writeln!(
        out,
        "{}",
        fill(
            &words.counter,
            &[
                ("place", &place),
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

fn help(interview: &Interview, words: &Strings, out: &mut impl Write) -> io::Result<()> {
    match interview.asking() {
        Some(a) => writeln!(out, "{}", fill(&words.help, &[("help", &a.question.help)]))?,
        None => writeln!(out, "{}", words.help_add_another)?,
    }
    writeln!(out, "{}", words.help_keys)
}

fn results(interview: &Interview, out: &mut impl Write) -> io::Result<()> {
    let screening = interview.results();
    let text = report::text::render(interview.content(), interview.person(), &screening);
    out.write_all(text.as_bytes())
}
