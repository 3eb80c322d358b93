//! Engine speed: loading the content, checking it, screening one person, and
//! streaming JSON Lines.

use std::hint::black_box;
use std::io::Cursor;

use chrono::NaiveDate;
use clearpath::casefile::{self, Syntax};
use clearpath::check::check;
use clearpath::cli::stream_jsonl;
use clearpath::content::{Content, Sources};
use clearpath::engine::screen;
use clearpath::engine::screen::screen_entries;
use clearpath::report::{Audience, Document, Format};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

const THREE_ENTRIES: &str = include_str!("../examples/three-entries.json");

fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
}

fn load(c: &mut Criterion) {
    let sources = Sources::built_in();
    c.bench_function("load built-in content", |b| {
        b.iter(|| clearpath::content::load(black_box(&sources)).unwrap())
    });
    c.bench_function("check built-in content (every route)", |b| {
        b.iter(|| check(black_box(&sources)))
    });
}

fn evaluate(c: &mut Criterion) {
    let content = Content::built_in().unwrap();
    let person = casefile::parse(&content, THREE_ENTRIES, Syntax::Json)
        .unwrap()
        .person;
    c.bench_function("screen one person with three entries", |b| {
        b.iter(|| screen(&content, black_box(&person), as_of()))
    });
    // Where a CSV row's time goes, stage by stage.
    let line = String::from_utf8(jsonl(1, &[THREE_ENTRIES])).unwrap();
    c.bench_function("read one case file with three entries", |b| {
        b.iter(|| casefile::parse(&content, black_box(&line), Syntax::Json).unwrap())
    });
    c.bench_function("screen three entries' remedies only (for CSV)", |b| {
        b.iter(|| screen_entries(&content, black_box(&person), as_of()))
    });
    let screening = screen(&content, &person, as_of());
    c.bench_function("results document for three entries", |b| {
        b.iter(|| Document::new(&content, black_box(&person), &screening, Audience::Person))
    });
    let source = ("people.jsonl:1", "A-17");
    c.bench_function("CSV rows for three entries", |b| {
        b.iter(|| {
            clearpath::report::csv::rows_of(
                &content,
                &person,
                &screening.entries,
                black_box(source),
            )
        })
    });
}

/// One line per person, cycling through `examples`.
fn jsonl(people: usize, examples: &[&str]) -> Vec<u8> {
    let lines: Vec<String> = examples
        .iter()
        .map(|e| {
            serde_json::to_string(&serde_json::from_str::<serde_json::Value>(e).unwrap()).unwrap()
        })
        .collect();
    let mut out = Vec::new();
    for i in 0..people {
        out.extend_from_slice(lines[i % lines.len()].as_bytes());
        out.push(b'\n');
    }
    out
}

fn stream(c: &mut Criterion) {
    let content = Content::built_in().unwrap();
    let people = 10_000;
    let input = jsonl(
        people,
        &[
            THREE_ENTRIES,
            include_str!("../examples/prison-felony.json"),
        ],
    );
    let mut group = c.benchmark_group("screen JSON Lines");
    group.throughput(Throughput::Elements(people as u64));
    group.sample_size(10);
    for format in [Format::Json, Format::Text] {
        group.bench_function(format!("{format:?}, {people} people"), |b| {
            b.iter(|| {
                let mut sink = std::io::sink();
                stream_jsonl(
                    &content,
                    format,
                    as_of(),
                    "bench",
                    Cursor::new(&input),
                    &mut sink,
                )
                .unwrap()
            })
        });
    }
    group.finish();
}

/// An office's bulk screening: people with three entries each, to CSV.
fn bulk_csv(c: &mut Criterion) {
    let content = Content::built_in().unwrap();
    let people = 10_000;
    let input = jsonl(people, &[THREE_ENTRIES]);
    let mut group = c.benchmark_group("screen JSON Lines to CSV");
    group.throughput(Throughput::Elements(people as u64));
    group.sample_size(10);
    group.bench_function(format!("{people} people with three entries"), |b| {
        b.iter(|| {
            let mut sink = std::io::sink();
            stream_jsonl(
                &content,
                Format::Csv,
                as_of(),
                "bench",
                Cursor::new(&input),
                &mut sink,
            )
            .unwrap()
        })
    });
    group.finish();
}

criterion_group!(benches, load, evaluate, stream, bulk_csv);
criterion_main!(benches);
