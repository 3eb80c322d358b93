//! Process start to first screen drawn: the release binary in a pseudo-terminal, from
//! spawn until the welcome screen's last line has arrived, with the built-in content.

use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};

#[path = "../tests/common/pty.rs"]
mod pty;

fn first_screen() -> Duration {
    let mut s = pty::Session::start(&["--as-of", "2026-11-25"], &[], None);
    s.wait_for("q quit");
    let elapsed = s.started.elapsed();
    s.child.kill().ok();
    s.child.wait().ok();
    elapsed
}

fn startup(c: &mut Criterion) {
    let mut group = c.benchmark_group("startup");
    group.sample_size(20);
    group.bench_function("process_start_to_first_screen_80x24", |b| {
        b.iter_custom(|iters| (0..iters).map(|_| first_screen()).sum())
    });
    group.finish();
}

criterion_group!(benches, startup);
criterion_main!(benches);
