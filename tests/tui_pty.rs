//! The real binary in a pseudo-terminal, read back through a terminal emulator as a
//! person would see it: a whole interview to the results, then quitting; and a run
//! ended by SIGTERM. Both must leave the terminal as they found it.

#![cfg(unix)]

mod common;

use std::io::{Read, Write};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use clearpath::content::model::AnswerKind;
use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, SlavePty, native_pty_system};

/// How long to wait for something to appear before calling the run stuck. A limit,
/// not a measurement: a fast run never comes near it.
const PATIENCE: Duration = Duration::from_secs(20);

struct Session {
    master: Box<dyn MasterPty + Send>,
    // Kept open so the terminal's settings can be read after the program exits.
    _slave: Box<dyn SlavePty + Send>,
    child: Box<dyn Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    output: Receiver<Vec<u8>>,
    parser: vt100::Parser,
    raw: Vec<u8>,
}

impl Session {
    fn start() -> Session {
        let pty = native_pty_system();
        let pair = pty
            .openpty(PtySize {
                rows: 24,
                cols: 80,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_clearpath"));
        cmd.args(["--as-of", "2026-11-25"]);
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("NO_COLOR");
        let child = pair.slave.spawn_command(cmd).unwrap();
        let mut reader = pair.master.try_clone_reader().unwrap();
        let (tx, output) = channel();
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                    break;
                }
            }
        });
        let writer = pair.master.take_writer().unwrap();
        Session {
            master: pair.master,
            _slave: pair.slave,
            child,
            writer,
            output,
            parser: vt100::Parser::new(24.try_into().unwrap(), 80.try_into().unwrap(), 0),
            raw: Vec::new(),
        }
    }

    fn pump(&mut self, wait: Duration) -> bool {
        match self.output.recv_timeout(wait) {
            Ok(bytes) => {
                self.parser.process(&bytes);
                self.raw.extend_from_slice(&bytes);
                true
            }
            Err(_) => false,
        }
    }

    fn screen(&self) -> String {
        self.parser.screen().contents()
    }

    /// Reads until `pred` holds for the screen.
    fn wait_until(&mut self, what: &str, pred: impl Fn(&str) -> bool) {
        let deadline = Instant::now() + PATIENCE;
        while !pred(&self.screen()) {
            assert!(
                Instant::now() < deadline,
                "waited for {what}; the screen shows:\n{}",
                self.screen()
            );
            self.pump(Duration::from_millis(50));
        }
    }

    fn wait_for(&mut self, text: &str) {
        self.wait_until(text, |s| s.contains(text));
    }

    fn send(&mut self, bytes: &str) {
        self.writer.write_all(bytes.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    /// Waits for the program to end, reading what it writes on the way out.
    fn wait_exit(&mut self) -> portable_pty::ExitStatus {
        let deadline = Instant::now() + PATIENCE;
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                while self.pump(Duration::from_millis(100)) {}
                return status;
            }
            assert!(Instant::now() < deadline, "the program did not exit");
            self.pump(Duration::from_millis(50));
        }
    }

    /// Checks what a person would find after the program: the normal screen, a
    /// visible cursor, no mouse reporting, and the line discipline back to cooked.
    fn assert_restored(&self) {
        let screen = self.parser.screen();
        assert!(!screen.alternate_screen(), "still on the alternate screen");
        assert!(!screen.hide_cursor(), "the cursor is still hidden");
        assert_eq!(
            screen.mouse_protocol_mode(),
            vt100::MouseProtocolMode::None,
            "mouse reporting is still on"
        );
        let tty = self.master.tty_name().expect("the pty has a name");
        let stty = std::process::Command::new("stty")
            .arg("-a")
            .arg("-F")
            .arg(&tty)
            .output()
            .unwrap();
        let settings = String::from_utf8_lossy(&stty.stdout);
        let words: Vec<&str> = settings
            .split(|c: char| c.is_whitespace() || c == ';')
            .collect();
        for flag in ["icanon", "echo", "isig"] {
            assert!(
                words.contains(&flag),
                "raw mode is still on ({flag} off): {settings}"
            );
        }
    }
}

/// The question on screen, found by its text in the content.
fn question_on_screen(screen: &str) -> Option<&'static clearpath::content::QuestionDef> {
    let flat: String = screen.split_whitespace().collect::<Vec<_>>().join(" ");
    common::CONTENT.questions.iter().find(|q| {
        let text: String = q
            .source
            .text
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let head: String = text.chars().take(60).collect();
        flat.contains(&head)
    })
}

/// Keys that answer `q` with `answer`, as a person would type them.
fn keys_for(q: &clearpath::content::QuestionDef, answer: &str) -> String {
    match &q.source.answers {
        AnswerKind::YesNo => if answer == "yes" { "1" } else { "2" }.to_string(),
        AnswerKind::Choice(c) => {
            let i = c.iter().position(|(v, _)| v == answer).unwrap();
            if i < 9 {
                (i + 1).to_string()
            } else {
                // Past 9 there is no number key: Home, then down to it, then Enter.
                format!("\x1b[H{}\r", "\x1b[B".repeat(i))
            }
        }
        _ => format!("{answer}\r"),
    }
}

fn rules_for<'a>(entry: usize) -> Vec<(&'a str, &'a str)> {
    let mut rules = common::PERSON.to_vec();
    rules.extend_from_slice(if entry == 0 {
        common::MISDEMEANOR
    } else {
        common::ARREST
    });
    rules
}

/// Answers questions until `stop` is on screen.
fn answer_until(s: &mut Session, entry: usize, stop: &str) {
    let rules = rules_for(entry);
    // The header names the place ("Entry 1 · question 3 of about 9"): a new header is
    // a new question, while a field redrawing as keys arrive is not.
    let header = |screen: &str| screen.lines().next().unwrap_or_default().to_string();
    let mut last = String::new();
    for _ in 0..60 {
        s.wait_until("a question or the end of the section", |screen| {
            screen.contains(stop)
                || (question_on_screen(screen).is_some() && header(screen) != last)
        });
        let screen = s.screen();
        if screen.contains(stop) {
            return;
        }
        let q = question_on_screen(&screen).unwrap();
        let answer = rules
            .iter()
            .find(|(id, _)| *id == q.source.id)
            .map(|(_, a)| a.to_string())
            .unwrap_or_else(|| match &q.source.answers {
                AnswerKind::YesNo => "no".into(),
                AnswerKind::Choice(c) => c[0].0.clone(),
                AnswerKind::Date => "2018-04-02".into(),
                AnswerKind::Money => "450".into(),
                AnswerKind::Number => "1".into(),
                AnswerKind::Text => "Fresno".into(),
            });
        last = header(&screen);
        s.send(&keys_for(q, &answer));
    }
    panic!("never reached {stop:?}");
}

#[test]
fn a_whole_interview_then_quit_restores_the_terminal() {
    let mut s = Session::start();
    s.wait_for("Press Enter to start.");
    assert!(s.parser.screen().alternate_screen());
    s.send("\r");
    answer_until(&mut s, 0, "Is there another arrest or conviction");
    assert!(
        s.screen()
            .contains("Entry 1 · Fresno · convicted · misdemeanor")
    );
    // "Yes, add another entry" is chosen first.
    s.send("\r");
    s.wait_for("Entry 2 · question 1 of about");
    answer_until(&mut s, 1, "Is there another arrest or conviction");
    // Down to "No, that is all", then the review's "show my results".
    s.send("\x1b[B\r");
    s.wait_for("Check your answers");
    s.send("\r");
    s.wait_for("Your results");
    let results = s.screen();
    assert!(
        results.contains("Entry 1 · Fresno · convicted · misdemeanor"),
        "{results}"
    );
    assert!(results.contains("Eligible now"), "{results}");
    // Page down until the plan shows.
    for _ in 0..10 {
        if s.screen().contains("Your plan") {
            break;
        }
        s.send("\x1b[6~");
        s.pump(Duration::from_millis(200));
    }
    s.wait_for("Your plan");
    s.send("q");
    s.wait_for("Leave clearpath?");
    s.send("y");
    let status = s.wait_exit();
    assert!(status.success(), "{status:?}");
    s.assert_restored();
}

#[test]
fn sigterm_midway_restores_the_terminal() {
    signal_midway_restores_the_terminal("TERM", 15);
}

#[test]
fn sighup_midway_restores_the_terminal() {
    signal_midway_restores_the_terminal("HUP", 1);
}

fn signal_midway_restores_the_terminal(name: &str, number: u32) {
    let mut s = Session::start();
    s.wait_for("Press Enter to start.");
    s.send("\r");
    s.wait_for("question 1 of about");
    s.send("2");
    s.wait_for("question 2 of about");
    let pid = s.child.process_id().expect("the child has a pid");
    let killed = std::process::Command::new("kill")
        .args([&format!("-{name}"), &pid.to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let status = s.wait_exit();
    assert_eq!(status.exit_code(), 128 + number, "{status:?}");
    s.assert_restored();
}

#[test]
fn a_pipe_gets_the_plain_interview() {
    // Not a terminal: the plain prompts, never the full-screen codes.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_clearpath"))
        .args(["--as-of", "2026-11-25"])
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("question 1 of about"), "{text}");
    assert!(!text.contains("\x1b[?1049h"));
}
