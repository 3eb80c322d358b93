//! Printing in kiosk mode: the text results piped to the organiser's command (such as
//! `lp`), never through a file. The command is split on spaces and run directly, with
//! no shell, so nothing the person typed is ever read as a command.

use std::ffi::OsString;
use std::io::Write;
use std::process::{Command, Stdio};
use std::sync::mpsc::{Receiver, channel};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrintCommand {
    pub program: OsString,
    pub args: Vec<OsString>,
}

impl PrintCommand {
    /// `lp -d front-desk` → `lp` with two arguments.
    pub fn parse(command: &str) -> Result<Self, String> {
        let mut words = command.split_whitespace().map(OsString::from);
        let program = words
            .next()
            .ok_or_else(|| "the print command is empty".to_string())?;
        Ok(PrintCommand {
            program,
            args: words.collect(),
        })
    }
}

/// Starts the command with `text` on its standard input; the receiver gets the outcome.
/// The command runs beside the interface, so a slow printer never freezes the screen,
/// and its output is discarded so it never writes over it.
pub fn spawn(command: &PrintCommand, text: String) -> Receiver<Result<(), String>> {
    let (tx, rx) = channel();
    let command = command.clone();
    std::thread::spawn(move || {
        let _ = tx.send(run(&command, &text));
    });
    rx
}

fn run(command: &PrintCommand, text: &str) -> Result<(), String> {
    let name = command.program.to_string_lossy().into_owned();
    let mut child = Command::new(&command.program)
        .args(&command.args)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("{name}: {e}"))?;
    let written = child
        .stdin
        .take()
        .map(|mut stdin| stdin.write_all(text.as_bytes()));
    let status = child.wait().map_err(|e| format!("{name}: {e}"))?;
    match written {
        Some(Err(e)) => Err(format!("{name}: {e}")),
        _ if !status.success() => Err(format!("{name}: {status}")),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_on_spaces_without_a_shell() {
        let c = PrintCommand::parse("lp -d  front-desk").unwrap();
        assert_eq!(c.program, "lp");
        assert_eq!(c.args, ["-d", "front-desk"]);
        assert!(PrintCommand::parse("  ").is_err());
    }

    #[cfg(unix)]
    #[test]
    fn pipes_the_text_to_standard_input() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("printed");
        let command = PrintCommand {
            program: "sh".into(),
            args: vec!["-c".into(), "cat > \"$0\"".into(), out.clone().into()],
        };
        let text = "Entry 1 · Fresno\n$(not run)\n".to_string();
        assert_eq!(spawn(&command, text.clone()).recv().unwrap(), Ok(()));
        assert_eq!(std::fs::read_to_string(&out).unwrap(), text);
    }

    #[test]
    fn a_failing_command_is_reported() {
        let command = PrintCommand::parse("clearpath-no-such-printer-command").unwrap();
        let outcome = spawn(&command, "x".into()).recv().unwrap();
        assert!(
            outcome
                .unwrap_err()
                .starts_with("clearpath-no-such-printer-command")
        );
    }
}
