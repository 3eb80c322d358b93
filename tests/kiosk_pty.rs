//! The real binary in kiosk mode, in a pseudo-terminal read back through a terminal
//! emulator: a whole session with every place a program might write pointed at fresh
//! empty folders, then a check that not one file appeared; the keys and signals that
//! usually leave do nothing; the operator chord leaves and gives the terminal back.

#![cfg(unix)]

mod common;

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use clearpath::content::model::AnswerKind;
use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, SlavePty, native_pty_system};

/// A limit for something to appear, not a measurement.
const PATIENCE: Duration = Duration::from_secs(20);
/// Ctrl-Alt-Q as a terminal sends it: Esc, then Ctrl-Q.
const CHORD: &str = "\x1b\x11";

/// Where a program could write: HOME, TMPDIR, the XDG folders, clearpath's own data
/// folder and the working folder, all empty folders under one root.
struct Sandbox {
    root: tempfile::TempDir,
}

const PLACES: [(&str, &str); 7] = [
    ("HOME", "home"),
    ("TMPDIR", "tmp"),
    ("XDG_CONFIG_HOME", "config"),
    ("XDG_DATA_HOME", "data"),
    ("XDG_CACHE_HOME", "cache"),
    ("XDG_STATE_HOME", "state"),
    ("CLEARPATH_DATA", "clearpath"),
];

impl Sandbox {
    fn new() -> Sandbox {
        let root = tempfile::tempdir().unwrap();
        for (_, dir) in PLACES {
            std::fs::create_dir(root.path().join(dir)).unwrap();
        }
        std::fs::create_dir(root.path().join("cwd")).unwrap();
        Sandbox { root }
    }

    fn everything(&self) -> Vec<PathBuf> {
        fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                out.push(path.clone());
                if path.is_dir() {
                    walk(&path, out);
                }
            }
        }
        let mut out = Vec::new();
        walk(self.root.path(), &mut out);
        out.sort();
        out
    }

    fn assert_untouched(&self) {
        let mut expected: Vec<PathBuf> = PLACES
            .iter()
            .map(|(_, d)| self.root.path().join(d))
            .chain([self.root.path().join("cwd")])
            .collect();
        expected.sort();
        assert_eq!(self.everything(), expected, "files were created");
    }
}

struct Session {
    master: Box<dyn MasterPty + Send>,
    _slave: Box<dyn SlavePty + Send>,
    child: Box<dyn Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    output: Receiver<Vec<u8>>,
    parser: vt100::Parser,
    raw: Vec<u8>,
}

impl Session {
    fn start(sandbox: &Sandbox, args: &[&str]) -> Session {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: 24,
                cols: 80,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_clearpath"));
        cmd.args(["--kiosk", "--as-of", "2026-11-25"]);
        cmd.args(args);
        cmd.env_clear();
        cmd.env("PATH", std::env::var_os("PATH").unwrap_or_default());
        cmd.env("TERM", "xterm-256color");
        for (var, dir) in PLACES {
            cmd.env(var, sandbox.root.path().join(dir));
        }
        cmd.cwd(sandbox.root.path().join("cwd"));
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

    fn running(&mut self) -> bool {
        self.child.try_wait().unwrap().is_none()
    }

    /// Sends `keys`, then `?`: once help shows, every key before it has been read.
    /// Esc closes help again, which must give back exactly `screen`.
    fn send_and_expect(&mut self, keys: &str, screen: &str) {
        self.send(keys);
        self.send("?");
        self.wait_for("Keys");
        self.send("\x1b");
        self.wait_until("the same screen as before", |s| s == screen);
    }

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

    fn stty(&self) -> Vec<String> {
        let tty = self.master.tty_name().expect("the pty has a name");
        let out = std::process::Command::new("stty")
            .arg("-a")
            .arg("-F")
            .arg(&tty)
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout)
            .split(|c: char| c.is_whitespace() || c == ';')
            .map(str::to_string)
            .collect()
    }

    fn assert_restored(&self) {
        let screen = self.parser.screen();
        assert!(!screen.alternate_screen(), "still on the alternate screen");
        assert!(!screen.hide_cursor(), "the cursor is still hidden");
        let words = self.stty();
        for flag in ["icanon", "echo", "isig"] {
            assert!(words.iter().any(|w| w == flag), "{flag} is off: {words:?}");
        }
    }

    fn kill(&self, signal: &str) {
        let pid = self.child.process_id().unwrap();
        let sent = std::process::Command::new("kill")
            .args([&format!("-{signal}"), &pid.to_string()])
            .status()
            .unwrap();
        assert!(sent.success());
    }
}

fn question_on_screen(screen: &str) -> Option<&'static clearpath::content::QuestionDef> {
    let flat: String = screen.split_whitespace().collect::<Vec<_>>().join(" ");
    common::CONTENT.questions.iter().find(|q| {
        let text: String = q
            .source
            .text
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        flat.contains(&text.chars().take(60).collect::<String>())
    })
}

fn keys_for(q: &clearpath::content::QuestionDef, answer: &str) -> String {
    match &q.source.answers {
        AnswerKind::YesNo => if answer == "yes" { "1" } else { "2" }.to_string(),
        AnswerKind::Choice(c) => {
            let i = c.iter().position(|(v, _)| v == answer).unwrap();
            if i < 9 {
                (i + 1).to_string()
            } else {
                format!("\x1b[H{}\r", "\x1b[B".repeat(i))
            }
        }
        _ => format!("{answer}\r"),
    }
}

/// Answers the person's and one entry's questions until the entries screen.
fn answer_one_entry(s: &mut Session) {
    let mut rules = common::PERSON.to_vec();
    rules.extend_from_slice(common::MISDEMEANOR);
    let header = |screen: &str| screen.lines().next().unwrap_or_default().to_string();
    let stop = "Is there another arrest or conviction";
    let mut last = String::new();
    for _ in 0..60 {
        s.wait_until("a question or the entries", |screen| {
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
    panic!("never reached the entries");
}

#[test]
fn a_whole_session_writes_nothing_ignores_leaving_keys_and_the_chord_restores() {
    let sandbox = Sandbox::new();
    let mut s = Session::start(&sandbox, &[]);
    s.wait_for("Press Enter to start");
    assert!(s.parser.screen().alternate_screen());
    assert!(
        s.stty().iter().any(|w| w == "-isig"),
        "ISIG is on: a key could send a signal"
    );
    s.send("\r");
    answer_one_entry(&mut s);
    s.send("\x1b[B\r");
    s.wait_for("Check your answers");
    s.send("\r");
    // The footer is the last row a frame writes: with it, the frame is whole.
    s.wait_until("the whole results screen", |screen| {
        screen.contains("Your results") && screen.contains("n done: clear")
    });
    let results = s.screen();
    assert!(results.contains("Fresno"), "{results}");

    // q, Ctrl-C, Ctrl-Z, Ctrl-\, and saving: nothing happens.
    s.send_and_expect("q\x03\x1a\x1ce", &results);
    assert!(s.running());

    // The same signals sent from outside are dropped too.
    for signal in ["INT", "TSTP", "QUIT"] {
        s.kill(signal);
    }
    s.send_and_expect("", &results);
    assert!(s.running());

    // F12: the welcome, nothing of theirs, the scrollback purged.
    let before = s.raw.len();
    s.send("\x1b[24~");
    s.wait_for("Press Enter to start");
    assert!(!s.screen().contains("Fresno"));
    let wiped = &s.raw[before..];
    assert!(
        wiped.windows(4).any(|w| w == b"\x1b[3J"),
        "no scrollback purge after the reset"
    );

    s.send(CHORD);
    let status = s.wait_exit();
    assert!(status.success(), "{status:?}");
    s.assert_restored();
    sandbox.assert_untouched();
}

#[test]
fn with_a_pin_the_chord_asks_for_it_before_leaving() {
    let sandbox = Sandbox::new();
    let mut s = Session::start(&sandbox, &["--operator-pin", "4821"]);
    s.wait_for("Press Enter to start");
    s.send(CHORD);
    s.wait_for("PIN to close clearpath");
    s.send("1234\r");
    s.wait_for("That PIN is not right.");
    assert!(s.running());
    assert!(!s.screen().contains("1234"));
    s.send("4821");
    s.wait_for("••••");
    s.send("\r");
    let status = s.wait_exit();
    assert!(status.success(), "{status:?}");
    s.assert_restored();
    sandbox.assert_untouched();
}

#[test]
fn the_idle_countdown_shows_and_a_key_keeps_the_session() {
    let sandbox = Sandbox::new();
    let mut s = Session::start(&sandbox, &["--idle", "1"]);
    s.wait_for("Press Enter to start");
    s.send("\r");
    s.wait_for("question 1 of about");
    s.wait_for("Still here?");
    s.send(" ");
    s.wait_until("the countdown to close", |screen| {
        !screen.contains("Still here?")
    });
    assert!(s.screen().contains("question 1 of about"));
    s.send(CHORD);
    assert!(s.wait_exit().success());
    s.assert_restored();
}
