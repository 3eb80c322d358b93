//! Kill -9 during saving: this test binary starts itself again as a child process
//! that saves one intake over and over through the library's [`Store`] (the child is
//! [`child_saves_over_and_over`], which does nothing unless started so), and kills it
//! with SIGKILL at random moments, many times over. After every kill, every file in
//! the folder must load, and the intake must hold every save the child confirmed
//! (printed "saved N" for) before it died. The folder is encrypted with a clinic key,
//! as a clinic's is.

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use age::secrecy::SecretString;
use clearpath::intake::Store;
use clearpath::intake::clinic_key::Work;
use clearpath::intake::record::Saved;

const KILLS: u32 = 200;

/// Set in the child's environment: the folder it saves into.
const CHILD_FOLDER: &str = "CLEARPATH_CRASH_TEST_FOLDER";

const PASSPHRASE: &str = "a clinic passphrase";

/// The folder, unlocked.
fn open(dir: &std::path::Path) -> Store {
    let store = Store::open(dir).unwrap();
    assert!(store.is_encrypted());
    store
        .unlock(&SecretString::from(PASSPHRASE.to_string()))
        .unwrap();
    store
}

/// The child: one intake, saved again and again. Save `k` writes `k` into the note and
/// into the county of entry `k % 50`; a file that loads must hold the last 50 values
/// in order, so a torn or lost save cannot go unnoticed. Run as an ordinary test (no
/// folder given), it returns at once.
#[test]
fn child_saves_over_and_over() {
    let Some(dir) = std::env::var_os(CHILD_FOLDER) else {
        return;
    };
    let store = open(std::path::Path::new(&dir));
    let listed = store.list().unwrap();
    let mut intake = match listed.into_iter().find_map(|l| l.state.ok()) {
        Some(i) => i,
        None => store.create("", "stress").unwrap(),
    };
    let mut k: u64 = intake.note.parse().unwrap_or(0);
    let mut out = std::io::stdout().lock();
    loop {
        k += 1;
        intake.note = k.to_string();
        intake.entries.resize_with(50, Default::default);
        intake.entries[(k % 50) as usize]
            .facts
            .insert("county".into(), Saved::Text(format!("c{k}")));
        store.save(&mut intake).unwrap();
        writeln!(out, "saved {k}").unwrap();
        out.flush().unwrap();
    }
}

/// A random number below `below`.
fn random(below: u64) -> u64 {
    let mut bytes = [0u8; 8];
    getrandom::fill(&mut bytes).unwrap();
    u64::from_le_bytes(bytes) % below
}

#[test]
fn a_kill_at_any_moment_loses_no_confirmed_save_and_damages_no_file() {
    let dir = tempfile::tempdir().unwrap();
    // Quick to open, so 200 children do not each spend a second on scrypt.
    Store::open(dir.path())
        .unwrap()
        .init(&SecretString::from(PASSPHRASE.to_string()), Work::LogN(10))
        .unwrap();
    let mut last_seen = 0u64;
    let mut mid_save_kills = 0;
    for round in 0..KILLS {
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args(["--exact", "child_saves_over_and_over", "--nocapture"])
            .args(["--test-threads", "1"])
            .env(CHILD_FOLDER, dir.path())
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = mpsc::channel();
        let reader = std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                // The test harness's own lines ("running 1 test") are not saves.
                let Some(k) = line.strip_prefix("saved ") else {
                    continue;
                };
                let k: u64 = k.parse().unwrap();
                if tx.send(k).is_err() {
                    break;
                }
            }
        });

        // One round in ten is killed while starting up; the others once saving is
        // under way, after a random pause of up to 5 ms.
        let during_saves = round % 10 != 0;
        if during_saves {
            rx.recv().expect("the child saves before it is killed");
        }
        std::thread::sleep(Duration::from_micros(random(5000)));
        child.kill().unwrap(); // SIGKILL on Unix
        let status = child.wait().unwrap();
        reader.join().unwrap();
        let confirmed = rx.try_iter().last();
        if during_saves && !status.success() {
            mid_save_kills += 1;
        }

        // Every file loads: no damaged file, and only the one intake.
        let store = open(dir.path());
        let listed = store.list().unwrap();
        for l in &listed {
            assert!(
                l.state.is_ok(),
                "round {round}: {} is damaged: {:?}",
                l.id,
                l.state
            );
        }
        assert!(listed.len() <= 1, "round {round}: {} intakes", listed.len());
        let Some(intake) = listed.first().and_then(|l| l.intake()) else {
            assert!(
                confirmed.is_none() && last_seen == 0,
                "round {round}: the intake is gone"
            );
            continue;
        };

        // It holds every confirmed save, and never goes back.
        let n: u64 = intake.note.parse().unwrap_or(0);
        let floor = confirmed.unwrap_or(0).max(last_seen);
        assert!(
            n >= floor,
            "round {round}: the file holds save {n}, but {floor} was confirmed"
        );
        last_seen = n;

        // And it is whole: the last 50 saves are all there, each in its place.
        if n > 0 {
            assert_eq!(intake.entries.len(), 50, "round {round}");
        }
        for j in n.saturating_sub(49).max(1)..=n {
            assert_eq!(
                intake.entries[(j % 50) as usize].facts.get("county"),
                Some(&Saved::Text(format!("c{j}"))),
                "round {round}: save {j} is not whole in a file at save {n}"
            );
        }
    }
    assert!(last_seen > 0, "the child never saved");
    eprintln!("{KILLS} kills ({mid_save_kills} while saving); the intake reached save {last_seen}");
}
