//! The real binary in kiosk mode, in a pseudo-terminal read back through a terminal
//! emulator: a whole session with every place a program might write pointed at fresh
//! empty folders, then a check that not one file appeared; the keys and signals that
//! usually leave do nothing; the operator chord leaves and gives the terminal back.

#![cfg(unix)]

mod common;

use std::ffi::OsStr;
use std::path::{Path, PathBuf};

use common::pty::Session;

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

/// clearpath in kiosk mode with `args`, every place it could write in the sandbox.
fn start(sandbox: &Sandbox, args: &[&str]) -> Session {
    let mut all = vec!["--kiosk", "--as-of", "2026-11-25"];
    all.extend_from_slice(args);
    let places: Vec<(&str, PathBuf)> = PLACES
        .iter()
        .map(|(var, dir)| (*var, sandbox.root.path().join(dir)))
        .collect();
    let env: Vec<(&str, &OsStr)> = places
        .iter()
        .map(|(var, path)| (*var, path.as_os_str()))
        .collect();
    Session::start(&all, &env, Some(&sandbox.root.path().join("cwd")))
}

/// Sends `keys`, then `?`: once help shows, every key before it has been read.
/// Esc closes help again, which must give back exactly `screen`.
fn send_and_expect(s: &mut Session, keys: &str, screen: &str) {
    s.press(keys);
    s.press("?");
    s.wait_for("Keys");
    s.press("\x1b");
    s.wait_until("the same screen as before", |now| now == screen);
}

/// Answers the person's and one entry's questions until the entries screen.
fn answer_one_entry(s: &mut Session) {
    let mut rules = common::PERSON.to_vec();
    rules.extend_from_slice(common::MISDEMEANOR);
    common::answer_until(s, &rules, "Is there another arrest or conviction");
}

/// From the welcome to the whole results screen, with one entry.
fn to_results(s: &mut Session) {
    s.press("\r");
    answer_one_entry(s);
    s.press("\x1b[B\r");
    s.wait_for("Check your answers");
    s.press("\r");
    // The footer is the last row a frame writes: with it, the frame is whole.
    s.wait_until("the whole results screen", |screen| {
        screen.contains("Your results") && screen.contains("n done: clear")
    });
}

#[test]
fn a_whole_session_writes_nothing_ignores_leaving_keys_and_the_chord_restores() {
    let sandbox = Sandbox::new();
    let mut s = start(&sandbox, &[]);
    s.wait_for("Press Enter to start");
    assert!(s.parser.screen().alternate_screen());
    assert!(
        s.stty().iter().any(|w| w == "-isig"),
        "ISIG is on: a key could send a signal"
    );
    to_results(&mut s);
    let results = s.screen();
    assert!(results.contains("Fresno"), "{results}");

    // q, Ctrl-C, Ctrl-Z, Ctrl-\, and saving: nothing happens.
    send_and_expect(&mut s, "q\x03\x1a\x1ce", &results);
    assert!(s.running());

    // The same signals sent from outside are dropped too.
    for signal in ["INT", "TSTP", "QUIT"] {
        s.kill(signal);
    }
    send_and_expect(&mut s, "", &results);
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
    let mut s = start(&sandbox, &["--operator-pin", "4821"]);
    s.wait_for("Press Enter to start");
    s.press(CHORD);
    s.wait_for("PIN to close clearpath");
    s.press("1234\r");
    s.wait_for("That PIN is not right.");
    assert!(s.running());
    assert!(!s.screen().contains("1234"));
    s.press("4821");
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
    let mut s = start(&sandbox, &["--idle", "1"]);
    s.wait_for("Press Enter to start");
    s.press("\r");
    s.wait_for("question 1 of about");
    s.wait_for("Still here?");
    s.press(" ");
    s.wait_until("the countdown to close", |screen| {
        !screen.contains("Still here?")
    });
    assert!(s.screen().contains("question 1 of about"));
    s.send(CHORD);
    assert!(s.wait_exit().success());
    s.assert_restored();
}

/// The hand-off code on a screen: groups of five letters and digits joined by hyphens.
fn code_in(screen: &str) -> Option<String> {
    screen.split_whitespace().find_map(|word| {
        let groups: Vec<&str> = word.split('-').collect();
        let shaped = groups.len() >= 3
            && groups.iter().all(|g| {
                (1..=5).contains(&g.len())
                    && g.chars()
                        .all(|c| c.is_ascii_digit() || c.is_ascii_uppercase())
            });
        shaped.then(|| word.to_string())
    })
}

#[test]
fn the_code_the_kiosk_shows_makes_an_intake_with_the_same_answers() {
    let sandbox = Sandbox::new();
    let mut s = start(&sandbox, &[]);
    s.wait_for("Press Enter to start");
    to_results(&mut s);
    // End: the bottom of the results, where the code is.
    s.press("\x1b[F");
    s.wait_until("the hand-off code", |screen| code_in(screen).is_some());
    let code = code_in(&s.screen()).unwrap();
    s.send(CHORD);
    assert!(s.wait_exit().success());
    sandbox.assert_untouched();

    let data = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| {
        let out = common::clearpath()
            .env("CLEARPATH_DATA", data.path())
            .args(args)
            .args(["--as-of", "2026-11-25"])
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        assert!(out.status.success(), "{args:?}: {stderr}");
        (String::from_utf8(out.stdout).unwrap(), stderr)
    };
    let (id, said) = run(&["intake", "new", "--name", "Ana Ruiz", "--code", &code]);
    assert!(said.contains("Opened from a hand-off code"), "{said}");
    let (printout, _) = run(&["intake", "export", id.trim(), "--for", "attorney"]);
    // The code holds every answer and nothing else, so the intake's own code being the
    // kiosk's means every answer is the same.
    assert!(
        printout.contains(&format!("Hand-off code: {code}")),
        "{code}\n{printout}"
    );
    assert!(printout.contains("Fresno"), "{printout}");
}
