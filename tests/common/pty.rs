//! The real binary in a pseudo-terminal, read back through a terminal emulator as a
//! person would see it. The child gets a clean environment (PATH, TERM, LANG=C and
//! what the caller adds), so nothing of the machine's, a Spanish locale, NO_COLOR or a
//! data folder, changes what it shows. Everything it writes is kept, raw, in `raw`.
//!
//! The program draws every frame as one synchronized update, and every key it reads
//! ends in one frame, so [`Session::press`] knows when a key has been dealt with by
//! counting frames, not by sleeping: a busy machine makes it slower, never wrong.

#![allow(dead_code)]

use std::ffi::OsStr;
use std::io::{Read, Write};
use std::path::Path;
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, SlavePty, native_pty_system};

/// How long to wait for something to appear before calling the run stuck. A limit,
/// not a measurement: a fast run never comes near it, and a loaded machine may.
pub const PATIENCE: Duration = Duration::from_secs(60);

pub const ROWS: u16 = 24;
pub const COLS: u16 = 80;

pub struct Session {
    pub master: Box<dyn MasterPty + Send>,
    // Kept open so the terminal's settings can be read after the program exits.
    _slave: Box<dyn SlavePty + Send>,
    pub child: Box<dyn Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    output: Receiver<Vec<u8>>,
    pub parser: vt100::Parser,
    /// Every byte the program wrote, as it wrote it.
    pub raw: Vec<u8>,
    /// The moment just before the program was spawned.
    pub started: Instant,
    /// Frames begun and finished so far (synchronized-update marks in `raw`).
    begun: usize,
    ended: usize,
}

const FRAME_BEGIN: &[u8] = b"\x1b[?2026h";
const FRAME_END: &[u8] = b"\x1b[?2026l";

/// How often `mark` occurs in `raw` from `from` on.
fn count(raw: &[u8], from: usize, mark: &[u8]) -> usize {
    raw.get(from..)
        .unwrap_or_default()
        .windows(mark.len())
        .filter(|w| *w == mark)
        .count()
}

/// `keys` split into the keys a person presses: an escape sequence (`\x1b[B`,
/// `\x1b[6~`, `\x1bOP`) is one key, as is Esc before a character (Alt with it), a
/// lone Esc at the end, and each other character.
pub fn split_keys(keys: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = keys;
    while let Some(first) = rest.chars().next() {
        let len = if let Some(csi) = rest.strip_prefix("\x1b[") {
            csi.find(|c: char| ('\x40'..='\x7e').contains(&c))
                .map_or(rest.len(), |end| end + 3)
        } else if rest.starts_with("\x1bO") && rest.len() > 2 {
            3
        } else if first == '\x1b' {
            rest[1..].chars().next().map_or(1, |c| 1 + c.len_utf8())
        } else {
            first.len_utf8()
        };
        out.push(&rest[..len]);
        rest = &rest[len..];
    }
    out
}

impl Session {
    /// Starts clearpath with `args` in an 80×24 terminal, with `env` over the clean
    /// environment, in `cwd` (this process's working folder if `None`).
    pub fn start(args: &[&str], env: &[(&str, &OsStr)], cwd: Option<&Path>) -> Session {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: ROWS,
                cols: COLS,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_clearpath"));
        cmd.args(args);
        cmd.env_clear();
        cmd.env("PATH", std::env::var_os("PATH").unwrap_or_default());
        cmd.env("TERM", "xterm-256color");
        cmd.env("LANG", "C");
        for (var, value) in env {
            cmd.env(var, value);
        }
        let cwd = match cwd {
            Some(dir) => dir.to_path_buf(),
            None => std::env::current_dir().unwrap(),
        };
        cmd.cwd(cwd);
        let started = Instant::now();
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
            parser: vt100::Parser::new(ROWS.try_into().unwrap(), COLS.try_into().unwrap(), 0),
            raw: Vec::new(),
            started,
            begun: 0,
            ended: 0,
        }
    }

    /// Reads what the program wrote, waiting up to `wait` for it; false if nothing came.
    pub fn pump(&mut self, wait: Duration) -> bool {
        match self.output.recv_timeout(wait) {
            Ok(bytes) => {
                self.parser.process(&bytes);
                // A mark may straddle two reads: look again from just before the new bytes.
                let from = self.raw.len().saturating_sub(FRAME_END.len() - 1);
                let (begun, ended) = (
                    count(&self.raw, from, FRAME_BEGIN),
                    count(&self.raw, from, FRAME_END),
                );
                self.raw.extend_from_slice(&bytes);
                self.begun += count(&self.raw, from, FRAME_BEGIN) - begun;
                self.ended += count(&self.raw, from, FRAME_END) - ended;
                true
            }
            Err(_) => false,
        }
    }

    pub fn screen(&self) -> String {
        self.parser.screen().contents()
    }

    /// Reads until `pred` holds for the screen.
    pub fn wait_until(&mut self, what: &str, pred: impl Fn(&str) -> bool) {
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

    pub fn wait_for(&mut self, text: &str) {
        self.wait_until(text, |s| s.contains(text));
    }

    /// Presses `keys` one at a time, each once the frame for the one before is whole
    /// on screen, the way a person types while watching the screen. Returns once the
    /// last has been drawn, or the program has ended.
    pub fn press(&mut self, keys: &str) {
        for key in split_keys(keys) {
            self.settle();
            let before = self.ended;
            self.send(key);
            let deadline = Instant::now() + PATIENCE;
            while self.ended == before || self.begun != self.ended {
                if !self.running() {
                    while self.pump(Duration::from_millis(100)) {}
                    return;
                }
                assert!(
                    Instant::now() < deadline,
                    "no frame after the key {key:?}; the screen shows:\n{}",
                    self.screen()
                );
                self.pump(Duration::from_millis(50));
            }
        }
    }

    /// Reads until the frame being drawn, if any, is whole.
    fn settle(&mut self) {
        let deadline = Instant::now() + PATIENCE;
        while self.begun != self.ended && self.running() {
            assert!(Instant::now() < deadline, "a frame was never finished");
            self.pump(Duration::from_millis(50));
        }
    }

    /// Writes `bytes` to the program at once, without waiting for it to draw: for keys
    /// after which it may not draw again (it exits, or a signal is to arrive).
    pub fn send(&mut self, bytes: &str) {
        self.writer.write_all(bytes.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    pub fn running(&mut self) -> bool {
        self.child.try_wait().unwrap().is_none()
    }

    /// Waits for the program to end, reading what it writes on the way out.
    pub fn wait_exit(&mut self) -> portable_pty::ExitStatus {
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

    /// Sends the program the signal named `signal` ("TERM", "KILL"…) from outside.
    pub fn kill(&self, signal: &str) {
        let pid = self.child.process_id().expect("the child has a pid");
        let sent = std::process::Command::new("kill")
            .args([&format!("-{signal}"), &pid.to_string()])
            .status()
            .unwrap();
        assert!(sent.success(), "kill -{signal} {pid} failed");
    }

    /// The terminal's line settings, word by word, as `stty -a` gives them.
    pub fn stty(&self) -> Vec<String> {
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

    /// Checks what a person would find after the program: the normal screen, a
    /// visible cursor, no mouse reporting, and the line discipline back to cooked.
    pub fn assert_restored(&self) {
        let screen = self.parser.screen();
        assert!(!screen.alternate_screen(), "still on the alternate screen");
        assert!(!screen.hide_cursor(), "the cursor is still hidden");
        assert_eq!(
            screen.mouse_protocol_mode(),
            vt100::MouseProtocolMode::None,
            "mouse reporting is still on"
        );
        let words = self.stty();
        for flag in ["icanon", "echo", "isig"] {
            assert!(
                words.iter().any(|w| w == flag),
                "raw mode is still on ({flag} off): {words:?}"
            );
        }
    }
}

impl Drop for Session {
    /// A test that failed part way leaves no program running behind it.
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            self.child.kill().ok();
            self.child.wait().ok();
        }
    }
}
