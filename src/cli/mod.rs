//! The command line: which front end runs, with what content and date.

mod check_cmd;
mod intake_cmd;
mod passphrase;
mod plain;
mod rapsheet_cmd;
mod screen_cmd;

pub use screen_cmd::{MAX_LINE_BYTES, MAX_SKIP_BYTES, stream_jsonl};

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Parser, Subcommand};

use crate::content::{Content, Lang, Sources};
use crate::report::Format;
use crate::sanitize;
use crate::strings::{Strings, fill};
use crate::tui::Ended;
use crate::tui::kiosk::{self, print::PrintCommand};

#[derive(Debug, Parser)]
#[command(
    name = "clearpath",
    version,
    about = "Find out how to clear a California criminal record.",
    long_about = "Find out how to clear a California criminal record.\n\nclearpath asks about each entry on a record and shows the remedies that fit, in what order to pursue them, and what each will and will not change. It gives general information, not legal advice."
)]
pub struct Cli {
    #[command(subcommand)]
    command: Option<Command>,

    /// Ask the questions as plain numbered prompts, one per line (for screen readers,
    /// braille displays and pipes). Chosen automatically when input or output is not a
    /// terminal.
    #[arg(long)]
    plain: bool,

    /// Read the interview and rules from this folder instead of the built-in copy.
    #[arg(long, value_name = "DIR", global = true)]
    content: Option<PathBuf>,

    /// Screen as of this date (YYYY-MM-DD) instead of today.
    #[arg(long, value_name = "DATE", global = true, value_parser = parse_as_of)]
    as_of: Option<NaiveDate>,

    /// Shared-terminal mode for a community workshop: a large, high-contrast screen;
    /// after --idle seconds without a key, a 30-second countdown, then every answer is
    /// forgotten and the screen and scrollback are cleared for the next person (F12 does
    /// the same at once; Esc only goes back). Nothing is written to disk. q, Ctrl-C,
    /// Ctrl-Z and Ctrl-\ do nothing; only the operator chord Ctrl-Alt-Q closes it (after
    /// --operator-pin, when set). Run it as the terminal's only program (for example its
    /// login command), so that if it ever stops there is no shell behind it.
    #[arg(long, conflicts_with = "plain")]
    kiosk: bool,

    /// Kiosk: seconds without a key before the "Still here?" countdown.
    #[arg(long, value_name = "SECS", default_value_t = 120, requires = "kiosk",
          value_parser = clap::value_parser!(u64).range(1..))]
    idle: u64,

    /// Kiosk: print the results by piping them as plain text to this command's standard
    /// input, such as "lp" or "lp -d front-desk" (split on spaces, run without a shell).
    /// Without it the kiosk does not print or save.
    #[arg(long, value_name = "CMD", requires = "kiosk")]
    print_command: Option<String>,

    /// Kiosk: the PIN the operator types after Ctrl-Alt-Q to close the kiosk. The
    /// environment variable CLEARPATH_OPERATOR_PIN does the same without showing the
    /// PIN in the list of running processes.
    #[arg(long, value_name = "PIN", requires = "kiosk")]
    operator_pin: Option<String>,

    /// Language: en (English) or es (Spanish). Without it, a Spanish locale in LANG
    /// chooses Spanish. Two, like es,en, are for interpreters: the full-screen
    /// interview and the intake desk show both (side by side from 120 columns), and
    /// `screen` writes each result in both. With `intake new`, the language the
    /// client reads; with `intake export --for client`, the printout's language instead
    /// of the client's.
    #[arg(long, value_name = "LANG", global = true, value_parser = parse_langs)]
    lang: Option<Langs>,

    /// Open the answers a hand-off code holds (from a kiosk's or another screening's
    /// results) at the review, to check them and see the results.
    #[arg(long, value_name = "CODE", conflicts_with = "kiosk")]
    code: Option<String>,

    /// Start the interview with what a RAP sheet (its text, a PDF with text, or `-` for
    /// standard input) tells already answered: what was read is listed with its lines,
    /// and only the questions the sheet leaves open are asked.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["kiosk", "code"])]
    rap_sheet: Option<PathBuf>,
}

/// The language chosen, and a second one to show under it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Langs {
    pub first: Lang,
    pub second: Option<Lang>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check the content in questions/ and report every problem as file:line.
    Check,
    /// Screen case files without the interview.
    Screen {
        /// Case files: RON (.ron), JSON (.json) or JSON Lines (.jsonl, one person per
        /// line). `-` reads JSON or RON from standard input.
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Read a RAP sheet (its text, or a PDF's) into a case file, written to standard
    /// output.
    ///
    /// Each entry's facts name the sheet's lines they came from; every line left unread
    /// and every fact left open is listed on standard error with its line number.
    /// `clearpath rapsheet rap.txt | clearpath screen -` screens the sheet.
    Rapsheet {
        /// The RAP sheet as text (.txt) or a PDF with text (.pdf), or `-` for standard input.
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// Output format of the case file.
        #[arg(long, value_enum, default_value_t = rapsheet_cmd::CaseFormat::Ron)]
        format: rapsheet_cmd::CaseFormat,
        /// Write the sheet's text with its line numbers instead: the lines its sources
        /// and notes name (for a PDF, its text as read from the pages).
        #[arg(long)]
        lines: bool,
    },
    /// Clinic intake: saved clients, exports for the client and the attorney, tally.
    ///
    /// Alone, on a terminal, `clearpath intake` opens the full-screen client list: new
    /// intakes, the interview saved after every answer, notes (F3), printouts, the tally.
    /// Without a terminal, or as `clearpath --plain intake`, it prints the list.
    Intake(intake_cmd::IntakeArgs),
}

fn parse_lang(s: &str) -> Result<Lang, String> {
    Lang::parse(s)
        .ok_or_else(|| format!("\"{s}\" is not a language clearpath speaks: use en or es"))
}

/// `es`, or `es,en`: a language, and a second one to show under it.
fn parse_langs(s: &str) -> Result<Langs, String> {
    match s.split_once(',') {
        None => parse_lang(s.trim()).map(|first| Langs {
            first,
            second: None,
        }),
        Some((first, second)) => {
            let first = parse_lang(first.trim())?;
            let second = parse_lang(second.trim())?;
            Ok(Langs {
                first,
                second: (second != first).then_some(second),
            })
        }
    }
}

/// The language from the flag, else from the locale (LC_ALL, LC_MESSAGES, LANG).
fn chosen_lang(flag: Option<Lang>) -> Lang {
    flag.or_else(|| {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|v| std::env::var(v).ok())
            .find(|v| !v.is_empty())
            .and_then(|v| Lang::parse(&v))
    })
    .unwrap_or_default()
}

fn parse_as_of(s: &str) -> Result<NaiveDate, String> {
    crate::engine::input::parse_date(s).map_err(|e| crate::casefile::in_words(&e))
}

/// Exit code 2: the program could not run (bad content, unreadable input).
pub const EXIT_CANNOT_RUN: u8 = 2;

/// How a full-screen run ends for the shell: 0, 128 + the signal that ended it, or
/// "could not run" with the reason.
fn exit_code(ended: std::io::Result<Ended>) -> ExitCode {
    match ended {
        Ok(Ended::Quit) => ExitCode::SUCCESS,
        Ok(Ended::Signal(signal)) => ExitCode::from((128 + signal).clamp(0, 255) as u8),
        Err(e) => {
            eprintln!("clearpath: {}", sanitize::line(&e.to_string()));
            ExitCode::from(EXIT_CANNOT_RUN)
        }
    }
}

pub fn main() -> ExitCode {
    crate::tui::terminal::catch_file_size_limit();
    let cli = Cli::parse();
    let as_of = cli
        .as_of
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    let lang = chosen_lang(cli.lang.map(|l| l.first));
    let second = cli.lang.and_then(|l| l.second);
    match cli.command {
        Some(Command::Check) => check_cmd::run(cli.content.as_deref()),
        Some(Command::Intake(args)) => {
            let interactive = std::io::stdin().is_terminal() && std::io::stdout().is_terminal();
            if args.is_desk() && interactive && !cli.plain {
                let Some(content) = load_content(cli.content.as_deref(), lang) else {
                    return ExitCode::from(EXIT_CANNOT_RUN);
                };
                let others = other_languages(cli.content.as_deref(), lang);
                let contents = std::iter::once(&content).chain(&others).collect();
                let interpreter = second.is_some_and(|l| l != lang);
                return intake_cmd::run_desk(args, contents, as_of, interpreter);
            }
            intake_cmd::run(
                args,
                |lang| load_content(cli.content.as_deref(), lang),
                cli.lang.map(|l| l.first),
                lang,
                as_of,
            )
        }
        Some(Command::Rapsheet {
            file, lines: true, ..
        }) => rapsheet_cmd::lines(lang, &file),
        Some(Command::Rapsheet { file, format, .. }) => {
            let Some(content) = load_content(cli.content.as_deref(), lang) else {
                return ExitCode::from(EXIT_CANNOT_RUN);
            };
            rapsheet_cmd::run(&content, &file, format)
        }
        Some(Command::Screen { files, format }) => {
            let Some(content) = load_content(cli.content.as_deref(), lang) else {
                return ExitCode::from(EXIT_CANNOT_RUN);
            };
            let second = second.filter(|l| *l != lang);
            let second = second.and_then(|l| load_content(cli.content.as_deref(), l));
            if second.is_some() && format.is_data() {
                say_in_both(&content, second.as_ref(), |w| {
                    fill(&w.json_one_language, &[("lang", &content.lang.name())])
                });
            }
            let second = second.filter(|_| !format.is_data());
            screen_cmd::run(&content, second.as_ref(), &files, format, as_of)
        }
        None => {
            let Some(content) = load_content(cli.content.as_deref(), lang) else {
                return ExitCode::from(EXIT_CANNOT_RUN);
            };
            let interactive = std::io::stdin().is_terminal() && std::io::stdout().is_terminal();
            let others = other_languages(cli.content.as_deref(), lang);
            let others: Vec<&Content> = others.iter().collect();
            if cli.kiosk {
                if !interactive {
                    eprintln!("clearpath: --kiosk needs a terminal for input and output");
                    return ExitCode::from(EXIT_CANNOT_RUN);
                }
                let print = match cli.print_command.as_deref().map(PrintCommand::parse) {
                    None => None,
                    Some(Ok(command)) => Some(command),
                    Some(Err(e)) => {
                        eprintln!(
                            "clearpath: --print-command: {}",
                            sanitize::line(&e.to_string())
                        );
                        return ExitCode::from(EXIT_CANNOT_RUN);
                    }
                };
                let config = kiosk::Config {
                    idle: std::time::Duration::from_secs(cli.idle),
                    pin: cli.operator_pin.or_else(|| {
                        std::env::var("CLEARPATH_OPERATOR_PIN")
                            .ok()
                            .filter(|p| !p.is_empty())
                    }),
                    print,
                };
                return exit_code(kiosk::run(&content, &others, as_of, config));
            }
            let from_code = match cli.code.as_deref() {
                None => None,
                Some(code) => match crate::engine::handoff::decode(&content, code, as_of) {
                    Ok(decoded) => Some(decoded),
                    Err(e) => {
                        let refusal = Strings::get(content.lang).code_refusal(&e);
                        eprintln!("clearpath: {refusal}");
                        return ExitCode::from(EXIT_CANNOT_RUN);
                    }
                },
            };
            if let Some(sheet) = &cli.rap_sheet {
                let (interview, said) = match rapsheet_cmd::prefilled(&content, sheet, as_of) {
                    Ok(read) => read,
                    Err(refusal) => {
                        eprintln!("clearpath: {refusal}");
                        return ExitCode::from(EXIT_CANNOT_RUN);
                    }
                };
                return if interactive && !cli.plain {
                    exit_code(crate::tui::run_from(
                        &content, &others, second, interview, said,
                    ))
                } else {
                    plain::run_from(interview, &said)
                };
            }
            if interactive && !cli.plain {
                exit_code(crate::tui::run(&content, &others, second, as_of, from_code))
            } else {
                let second = others.iter().copied().find(|c| Some(c.lang) == second);
                if let Some(second) = second {
                    let langs = format!("{},{}", content.lang.code(), second.lang.code());
                    say_in_both(&content, Some(second), |w| {
                        fill(&w.plain_one_language, &[("langs", &langs)])
                    });
                }
                plain::run(&content, as_of, from_code)
            }
        }
    }
}

/// A note on standard error in the first language, and the second after it.
fn say_in_both(content: &Content, second: Option<&Content>, say: impl Fn(&Strings) -> String) {
    for c in std::iter::once(content).chain(second) {
        eprintln!("clearpath: {}", say(Strings::get(c.lang)));
    }
}

/// The content in every language but `lang`, loaded at the start so that switching
/// never waits or fails.
fn other_languages(dir: Option<&std::path::Path>, lang: Lang) -> Vec<Content> {
    Lang::ALL
        .into_iter()
        .filter(|l| *l != lang)
        .filter_map(|l| load_quietly(dir, l))
        .collect()
}

/// The content in another language, or `None` if it does not load (the language it
/// was asked in loaded, and said what was wrong if anything was).
fn load_quietly(dir: Option<&std::path::Path>, lang: Lang) -> Option<Content> {
    let sources = match dir {
        Some(dir) => Sources::from_dir(dir).ok()?,
        None => Sources::built_in(),
    };
    crate::content::load_in(&sources, lang).ok()
}

/// Loads the content, or prints what is wrong with it and returns `None`.
pub fn load_content(dir: Option<&std::path::Path>, lang: Lang) -> Option<Content> {
    let sources = match dir {
        Some(dir) => Sources::from_dir(dir),
        None => Ok(Sources::built_in()),
    };
    let loaded = sources.and_then(|s| crate::content::load_in(&s, lang));
    match loaded {
        Ok(content) => Some(content),
        Err(problems) => {
            for p in &problems {
                eprint!("{}", sanitize::block(&p.to_string()));
            }
            eprintln!(
                "clearpath: the content has {} problem(s); `clearpath check` lists them",
                problems.len()
            );
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_language_or_two() {
        assert_eq!(
            parse_langs("es"),
            Ok(Langs {
                first: Lang::Es,
                second: None
            })
        );
        assert_eq!(
            parse_langs("es,en"),
            Ok(Langs {
                first: Lang::Es,
                second: Some(Lang::En)
            })
        );
        assert_eq!(
            parse_langs("en, es"),
            Ok(Langs {
                first: Lang::En,
                second: Some(Lang::Es)
            })
        );
        assert_eq!(parse_langs("es,es").unwrap().second, None);
        assert!(parse_langs("es,fr").unwrap_err().contains("\"fr\""));
    }
}
