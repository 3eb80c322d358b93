//! RAP sheet reading speed: one sheet of 20 cycles (the fixtures' cycles, repeated),
//! from its text to its case file; and a sheet printed to PDF, from the file's bytes
//! to its text.

use std::hint::black_box;

use clearpath::content::Content;
use clearpath::rapsheet;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

const FIXTURES: [&str; 4] = [
    include_str!("../tests/fixtures/rapsheets/three-cases.txt"),
    include_str!("../tests/fixtures/rapsheets/updates.txt"),
    include_str!("../tests/fixtures/rapsheets/missing.txt"),
    include_str!("../tests/fixtures/rapsheets/ocr-noise.txt"),
];

/// A sheet of `cycles` cycles, taken in turn from the fixtures (each up to its trailer).
pub fn sheet_of(cycles: usize) -> String {
    let mut all = Vec::new();
    for fixture in FIXTURES {
        let body = fixture.split("END OF MESSAGE").next().unwrap_or(fixture);
        for cycle in body.split("* * * *\n").skip(1) {
            all.push(cycle);
        }
    }
    let mut sheet = String::from("CII/A00000000\n");
    for cycle in all.iter().cycle().take(cycles) {
        sheet.push_str("* * * *\n");
        sheet.push_str(cycle);
    }
    sheet.push_str("* * * END OF MESSAGE * * *\n");
    sheet
}

fn read(c: &mut Criterion) {
    let content = Content::built_in().unwrap();
    let sheet = sheet_of(20);
    let mut group = c.benchmark_group("read a RAP sheet");
    group.throughput(Throughput::Elements(1));
    group.bench_function("20 cycles, to its case file", |b| {
        b.iter(|| rapsheet::read(&content, black_box(&sheet)).case_file(false))
    });
    let pdf = include_bytes!("../tests/fixtures/rapsheets/three-cases.pdf");
    group.bench_function("a PDF of two pages, to its text", |b| {
        b.iter(|| rapsheet::pdf::text(black_box(pdf)))
    });
    group.finish();
}

criterion_group!(benches, read);
criterion_main!(benches);
