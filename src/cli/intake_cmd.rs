//! `clearpath intake …`: the clinic's saved intakes from the command line: list and
//! search, start, export for the client or the attorney, mark done, delete, and the
//! tally.

use std::io::{self, BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use chrono::NaiveDate;
use clap::{Args, Subcommand, ValueEnum};

use super::passphrase::{self, NEW_PASSPHRASE_FILE_ENV};
use super::{EXIT_CANNOT_RUN, parse_as_of};
use crate::content::{Content, Lang};
use crate::intake::clinic_key::{PASSPHRASE_FILE_ENV, Work, passphrase_from_env};
use crate::intake::export;
use crate::intake::tally::{Range, tally};
use crate::intake::{Status, Store};
use crate::report::{Audience, Format};
use crate::sanitize;

#[derive(Debug, Args)]
pub struct IntakeArgs {
    /// The folder of saved intakes. Default: $CLEARPATH_DATA, else the platform's data
    /// folder (~/.local/share/clearpath/intakes on Linux).
    #[arg(long, value_name = "DIR", global = true)]
    data_dir: Option<PathBuf>,

    /// The desk locks an encrypted folder after this long without a key, hiding the
    /// list until the passphrase is typed again: minutes, or a number with s, m or h
    /// (`90s`, `10m`); 0 never locks. Default: 10 minutes.
    #[arg(long, value_name = "TIME", value_parser = parse_lock_after)]
    lock_after: Option<Duration>,

    #[command(subcommand)]
    command: Option<IntakeCommand>,
}

#[derive(Debug, Subcommand)]
enum IntakeCommand {
    /// Protect the folder with the clinic's passphrase: makes the clinic key (once)
    /// and encrypts every plain intake in the folder. Can be run again: it encrypts
    /// what is still plain. The passphrase is typed at the terminal, or read from the
    /// file named by CLEARPATH_PASSPHRASE_FILE.
    Init,
    /// Change the clinic's passphrase. No intake is rewritten; copy the new
    /// clinic.key to every laptop of the clinic (each old copy still opens with the
    /// old passphrase). In a script, the new passphrase comes from the file named by
    /// CLEARPATH_NEW_PASSPHRASE_FILE.
    Passphrase,
    /// List the saved intakes, newest first, damaged files with the reason.
    List {
        /// Show only intakes whose name, number or id contains this, or that were
        /// started or saved on this date (YYYY-MM-DD).
        search: Option<String>,
    },
    /// Start a new intake, with a client name, an intake number, or both. `--lang es`
    /// records that the client reads Spanish: their printout is written in Spanish.
    /// `--code` fills in every answer from a hand-off code (from a kiosk's results).
    New {
        #[arg(long)]
        name: Option<String>,
        #[arg(long)]
        number: Option<String>,
        /// A hand-off code, as shown on a results screen or printout.
        #[arg(long, value_name = "CODE", conflicts_with = "rap_sheet")]
        code: Option<String>,
        /// A RAP sheet as text or a PDF with text (`-` for standard input): its entries are filled in,
        /// and what it leaves open is asked when the intake is opened. What could not
        /// be read is listed on standard error with its line.
        #[arg(long, value_name = "FILE")]
        rap_sheet: Option<PathBuf>,
    },
    /// Write the printout of one intake for the client or the attorney. The client's is
    /// in the client's language (`--lang` writes it in another); the attorney's is in
    /// English.
    Export {
        /// The intake: its id (or the start of it), or its exact number or name.
        id: String,
        /// Who the printout is for.
        #[arg(long = "for", value_enum)]
        audience: ForWhom,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Write to this file (owner-only) instead of standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Mark an intake done (or open again with --reopen).
    Done {
        id: String,
        #[arg(long)]
        reopen: bool,
    },
    /// Delete an intake's file. Asks first, unless --yes.
    Delete {
        id: String,
        #[arg(long)]
        yes: bool,
    },
    /// Counts for the clinic's report: intakes, entries, remedies by status, referrals
    /// to a lawyer. No names, numbers or notes.
    Tally {
        /// The first day counted (YYYY-MM-DD), by the day each intake was started.
        #[arg(long, value_name = "DATE", value_parser = parse_as_of)]
        from: Option<NaiveDate>,
        /// The last day counted.
        #[arg(long, value_name = "DATE", value_parser = parse_as_of)]
        to: Option<NaiveDate>,
        /// One CSV header line and one row.
        #[arg(long)]
        csv: bool,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ForWhom {
    Client,
    Attorney,
}

impl IntakeArgs {
    /// `clearpath intake` alone: the full-screen client list, on a terminal.
    pub fn is_desk(&self) -> bool {
        self.command.is_none()
    }
}

/// The full-screen client list over the data folder. `contents` holds the content in
/// each language, the list's own first.
/// The desk; with `interpreter` (`--lang es,en`), each intake in two languages.
pub fn run_desk(
    args: IntakeArgs,
    contents: Vec<&Content>,
    as_of: NaiveDate,
    interpreter: bool,
) -> ExitCode {
    let mut store = match Store::locate(args.data_dir.as_deref()).and_then(Store::open) {
        Ok(s) => s,
        Err(e) => return fail(e),
    };
    let empty = match store.holds_intakes() {
        Ok(holds) => !holds,
        Err(e) => return fail(e),
    };
    // A passphrase file opens the folder (or, on a first start, makes the clinic
    // key) without asking; otherwise the desk asks.
    let mut choose_key = false;
    match passphrase_from_env() {
        Some(Err(e)) => return fail(e),
        Some(Ok(given)) if store.is_encrypted() => {
            if let Err(e) = store.unlock(&given) {
                return fail(e);
            }
        }
        Some(Ok(given)) if empty => {
            if let Err(e) = store.init(&given, Work::Default) {
                return fail(e);
            }
        }
        _ => choose_key = empty && !store.is_encrypted(),
    }
    let start = crate::tui::desk::Start {
        interpreter,
        lock_after: match args.lock_after {
            None => Some(crate::tui::desk::DEFAULT_LOCK_AFTER),
            Some(d) if d.is_zero() => None,
            Some(d) => Some(d),
        },
        choose_key,
    };
    super::exit_code(crate::tui::desk::run(store, contents, as_of, start))
}

/// `--lock-after`: minutes, or a number with `s`, `m` or `h`.
fn parse_lock_after(text: &str) -> Result<Duration, String> {
    let text = text.trim();
    let (number, unit) = match text.char_indices().find(|(_, c)| !c.is_ascii_digit()) {
        Some((at, _)) => text.split_at(at),
        None => (text, "m"),
    };
    let seconds_per = match unit.trim() {
        "s" => 1,
        "m" | "min" => 60,
        "h" => 3600,
        _ => {
            return Err(format!(
                "\"{text}\" is not a time: give minutes, or a number with s, m or h (90s, 10m)"
            ));
        }
    };
    let n: u64 = number.parse().map_err(|_| {
        format!("\"{text}\" is not a time: give minutes, or a number with s, m or h (90s, 10m)")
    })?;
    Ok(Duration::from_secs(n.saturating_mul(seconds_per)))
}

fn fail(message: impl std::fmt::Display) -> ExitCode {
    eprintln!("clearpath: {}", crate::sanitize::line(&message.to_string()));
    ExitCode::from(EXIT_CANNOT_RUN)
}

/// Runs an intake command. `load_content` loads the content in a language (printing
/// what is wrong with it) for the commands that screen; `lang` is the language given
/// with `--lang`, if one was, and `chosen` the one the interface speaks.
pub fn run(
    args: IntakeArgs,
    load_content: impl Fn(Lang) -> Option<Content>,
    lang: Option<Lang>,
    chosen: Lang,
    as_of: NaiveDate,
) -> ExitCode {
    let dir = match Store::locate(args.data_dir.as_deref()) {
        Ok(d) => d,
        Err(e) => return fail(e),
    };
    let mut store = match Store::open(&dir) {
        Ok(s) => s,
        Err(e) => return fail(e),
    };
    let command = args.command.unwrap_or(IntakeCommand::List { search: None });
    // Starting an intake only writes, which needs no passphrase; reading does.
    let reads = !matches!(
        command,
        IntakeCommand::New { .. } | IntakeCommand::Init | IntakeCommand::Passphrase
    );
    if reads && let Err(e) = passphrase::unlock(&store) {
        return fail(e);
    }
    let result = match command {
        IntakeCommand::Init => init(&mut store),
        IntakeCommand::Passphrase => change_passphrase(&mut store),
        IntakeCommand::List { search } => list(&store, search.as_deref().unwrap_or("")),
        IntakeCommand::New {
            name,
            number,
            code,
            rap_sheet,
        } => {
            let (name, number) = (name.unwrap_or_default(), number.unwrap_or_default());
            let language = lang.unwrap_or_default();
            match (code, rap_sheet) {
                (None, None) => store.create_in(&name, &number, language, None),
                (_, Some(sheet)) => {
                    let Some(content) = load_content(chosen) else {
                        return ExitCode::from(EXIT_CANNOT_RUN);
                    };
                    let read = match crate::rapsheet::file::answers(&content, &sheet) {
                        Ok(read) => read,
                        Err(refusal) => return fail(refusal),
                    };
                    for note in &read.notes {
                        eprintln!("clearpath: {note}");
                    }
                    let answers = (&content, &read.file.person);
                    store.create_in(&name, &number, language, Some(answers))
                }
                (Some(code), None) => {
                    let Some(content) = load_content(chosen) else {
                        return ExitCode::from(EXIT_CANNOT_RUN);
                    };
                    let words = crate::strings::Strings::get(chosen);
                    let decoded = match crate::engine::handoff::decode(&content, &code, as_of) {
                        Ok(decoded) => decoded,
                        Err(e) => return fail(words.code_refusal(&e)),
                    };
                    for notice in crate::report::code_notices(words, &decoded) {
                        eprintln!("clearpath: {notice}");
                    }
                    let answers = (&content, decoded.interview.person());
                    store.create_in(&name, &number, language, Some(answers))
                }
            }
            .map(|i| println!("{}", i.id))
            .map_err(|e| e.to_string())
        }
        IntakeCommand::Export {
            id,
            audience,
            format,
            output,
        } => {
            let audience = match audience {
                ForWhom::Client => Audience::Client,
                ForWhom::Attorney => Audience::Attorney,
            };
            let opened = match store.resolve(&id).and_then(|id| store.open_intake(&id)) {
                Ok(opened) => opened,
                Err(e) => return fail(e),
            };
            let written_in = match (audience, lang) {
                (Audience::Client, Some(lang)) => lang,
                _ => export::language(&opened.intake, audience),
            };
            let Some(content) = load_content(written_in) else {
                return ExitCode::from(EXIT_CANNOT_RUN);
            };
            let text = export::export(&content, &opened.intake, as_of, audience, format);
            write_output(output.as_deref(), &text)
        }
        IntakeCommand::Done { id, reopen } => {
            let status = if reopen { Status::Open } else { Status::Done };
            store
                .resolve(&id)
                .and_then(|id| store.set_status(&id, status))
                .map(|i| println!("{}: {}", i.id, i.status.word()))
                .map_err(|e| e.to_string())
        }
        IntakeCommand::Delete { id, yes } => delete(&store, &id, yes),
        IntakeCommand::Tally { from, to, csv } => {
            let Some(content) = load_content(chosen) else {
                return ExitCode::from(EXIT_CANNOT_RUN);
            };
            let range = Range { from, to };
            store.list().map_err(|e| e.to_string()).map(|listed| {
                let t = tally(&content, &listed, range);
                print!("{}", if csv { t.csv(range) } else { t.text(range) });
            })
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fail(e),
    }
}

fn init(store: &mut Store) -> Result<(), String> {
    match store.key() {
        Some(key) => {
            let path = key.path().display().to_string();
            passphrase::unlock(store)?;
            println!("The clinic key is here already: {path}.");
        }
        None => {
            let chosen = passphrase::choose(PASSPHRASE_FILE_ENV, "the clinic's passphrase")?;
            store
                .init(&chosen, Work::Default)
                .map_err(|e| e.to_string())?;
            let path = store.key().map(|k| k.path().display().to_string());
            println!(
                "Made the clinic key: {}. A second laptop joins by copying this file into its intake folder; it opens nothing without the passphrase.",
                path.unwrap_or_default()
            );
        }
    }
    match store.encrypt_plain().map_err(|e| e.to_string())? {
        0 => println!("No plain intakes are left to encrypt."),
        1 => println!("Encrypted 1 intake."),
        n => println!("Encrypted {n} intakes."),
    }
    Ok(())
}

fn change_passphrase(store: &mut Store) -> Result<(), String> {
    if !store.is_encrypted() {
        return Err("this folder has no clinic key: `clearpath intake init` makes one".into());
    }
    passphrase::unlock(store)?;
    let chosen = passphrase::choose(NEW_PASSPHRASE_FILE_ENV, "a new passphrase")?;
    store
        .change_passphrase(&chosen, Work::Default)
        .map_err(|e| e.to_string())?;
    let path = store.key().map(|k| k.path().display().to_string());
    println!(
        "The passphrase is changed in {}. Copy this file to every laptop of the clinic: each old copy still opens with the old passphrase.",
        path.unwrap_or_default()
    );
    Ok(())
}

fn list(store: &Store, search: &str) -> Result<(), String> {
    let listed = store.search(search).map_err(|e| e.to_string())?;
    let stdout = io::stdout();
    let mut out = stdout.lock();
    let mut write = || -> io::Result<()> {
        if listed.is_empty() {
            writeln!(out, "No intakes in {}.", store.dir().display())?;
        }
        for l in &listed {
            match &l.state {
                Ok(i) => writeln!(
                    out,
                    "{}  {:<4}  {}  {} entr{}  {}{}",
                    l.id,
                    i.status.word(),
                    i.updated.format("%Y-%m-%d %H:%M"),
                    i.entries.len(),
                    if i.entries.len() == 1 { "y" } else { "ies" },
                    i.label(),
                    if i.conflict_of.is_empty() {
                        String::new()
                    } else {
                        format!("  CONFLICT COPY of {}", i.conflict_of)
                    }
                )?,
                Err(damage) if !damage.is_damage() => {
                    writeln!(out, "{}  {}", l.id, sanitize::flat(&damage.to_string()))?
                }
                Err(damage) => writeln!(
                    out,
                    "{}  DAMAGED: {}",
                    l.id,
                    sanitize::flat(&damage.to_string())
                )?,
            }
        }
        if !store.is_encrypted() && !listed.is_empty() {
            eprintln!(
                "These intakes are not encrypted: `clearpath intake init` protects them with the clinic's passphrase."
            );
        }
        out.flush()
    };
    match write() {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            Err(format!("cannot write the list: {e}"))
        }
        _ => Ok(()),
    }
}

fn write_output(path: Option<&Path>, text: &str) -> Result<(), String> {
    match path {
        None => {
            let mut out = io::stdout().lock();
            match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
                Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
                    Err(format!("cannot write: {e}"))
                }
                _ => Ok(()),
            }
        }
        Some(path) => crate::savefile::replace(path, text.as_bytes())
            .map_err(|e| format!("{}: cannot be written: {e}", path.display())),
    }
}

fn delete(store: &Store, query: &str, yes: bool) -> Result<(), String> {
    let id = store.resolve(query).map_err(|e| e.to_string())?;
    if !yes {
        if !io::stdin().is_terminal() {
            return Err(format!(
                "not deleting {id}: add --yes to delete without asking"
            ));
        }
        let label = store
            .open_intake(&id)
            .map(|o| o.intake.label())
            .unwrap_or_else(|_| "a damaged file".into());
        print!("Delete intake {id} ({label})? This cannot be undone. Type yes to delete: ");
        let _ = io::stdout().flush();
        let mut answer = String::new();
        let _ = io::stdin().lock().read_line(&mut answer);
        if answer.trim() != "yes" {
            println!("Not deleted.");
            return Ok(());
        }
    }
    store.delete(&id).map_err(|e| e.to_string())?;
    println!("Deleted {id}.");
    Ok(())
}
