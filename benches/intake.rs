//! The clinic desk's costs: reading a folder of 1,000 intakes (done when the list
//! opens and each time an intake closes), a key press to a drawn list, and one answer
//! taken and saved (written, fsynced and renamed into place) in an open intake; and
//! the same for a folder encrypted with a clinic key, with the desk's opening cost
//! (the passphrase unlocking the key, then the list read).

use std::hint::black_box;

use age::secrecy::SecretString;
use chrono::NaiveDate;
use clearpath::content::Content;
use clearpath::engine::{Slot, Value};
use clearpath::intake::Store;
use clearpath::intake::clinic_key::Work;
use clearpath::intake::session::IntakeSession;
use clearpath::tui::Theme;
use clearpath::tui::desk::{Desk, view};
use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

const INTAKES: usize = 1_000;

fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
}

const PASSPHRASE: &str = "a clinic passphrase";

fn passphrase() -> SecretString {
    SecretString::from(PASSPHRASE.to_string())
}

/// A folder of intakes, each with the person's answers and one entry begun;
/// encrypted with a clinic key (age's default work factor) when asked.
fn folder(content: &Content, dir: &std::path::Path, encrypted: bool) -> Store {
    let mut store = Store::open(dir).unwrap();
    if encrypted {
        store.init(&passphrase(), Work::Default).unwrap();
    }
    for n in 0..INTAKES {
        let mut session =
            IntakeSession::create(&store, content, as_of(), &format!("Client {n}"), "").unwrap();
        for _ in 0..6 {
            let Some(asking) = session.interview().asking() else {
                break;
            };
            let slot = match &asking.question.answers {
                clearpath::content::model::AnswerKind::YesNo => Slot::Known(Value::Bool(false)),
                clearpath::content::model::AnswerKind::Text => {
                    Slot::Known(Value::Text("Fresno".into()))
                }
                _ => Slot::Known(Value::Choice(0)),
            };
            session.answer(slot).unwrap();
        }
    }
    store
}

/// The first question, answered again and again: each time a real save.
fn answer_and_save(c: &mut Criterion, name: &str, store: &Store, content: &Content) {
    let mut session = IntakeSession::create(store, content, as_of(), "Timing", "").unwrap();
    let mut yes = false;
    c.bench_function(name, |b| {
        b.iter(|| {
            session.back();
            while session.back() {}
            yes = !yes;
            session.answer(Slot::Known(Value::Bool(yes))).unwrap();
        })
    });
}

fn desk_costs(c: &mut Criterion) {
    let content = Content::built_in().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let store = folder(&content, dir.path(), false);

    c.bench_function("intake/list_1000_files", |b| {
        b.iter(|| black_box(store.list().unwrap()))
    });

    let mut desk = Desk::new(store.clone(), vec![&content], as_of(), Theme::from_env());
    desk.event(&Event::Resize(120, 40));
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    let mut down = true;
    c.bench_function("intake/key_to_frame_list_120x40", |b| {
        b.iter(|| {
            let code = if down { KeyCode::Down } else { KeyCode::Up };
            down = !down;
            desk.event(&Event::Key(KeyEvent::new(code, KeyModifiers::NONE)));
            terminal
                .draw(|f| view::render(black_box(&desk), f))
                .unwrap();
        })
    });

    answer_and_save(c, "intake/answer_and_save", &store, &content);
}

fn encrypted_costs(c: &mut Criterion) {
    let content = Content::built_in().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let store = folder(&content, dir.path(), true);

    let mut group = c.benchmark_group("intake/encrypted");
    group.sample_size(10);
    group.bench_function("unlock_and_list_1000_files", |b| {
        b.iter(|| {
            let opened = Store::open(dir.path()).unwrap();
            opened.unlock(&passphrase()).unwrap();
            black_box(opened.list().unwrap())
        })
    });
    group.finish();

    c.bench_function("intake/encrypted/list_1000_files", |b| {
        b.iter(|| black_box(store.list().unwrap()))
    });

    answer_and_save(c, "intake/encrypted/answer_and_save", &store, &content);
}

criterion_group!(benches, desk_costs, encrypted_costs);
criterion_main!(benches);
