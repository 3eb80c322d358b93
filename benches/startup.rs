//! Process start to first screen drawn: the release binary in a pseudo-terminal, from
//! spawn until the welcome screen's last line has arrived, with the built-in content.

use std::io::Read;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use portable_pty::{CommandBuilder, PtySize, native_pty_system};

fn first_screen() -> Duration {
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
    let start = Instant::now();
    let mut child = pair.slave.spawn_command(cmd).unwrap();
    let mut reader = pair.master.try_clone_reader().unwrap();
    let mut parser = vt100::Parser::new(24.try_into().unwrap(), 80.try_into().unwrap(), 0);
    let mut buf = [0u8; 16384];
    let elapsed = loop {
        let n = reader.read(&mut buf).unwrap();
        assert!(n > 0, "the program ended before drawing");
        parser.process(&buf[..n]);
        if parser.screen().contents().contains("q quit") {
            break start.elapsed();
        }
    };
    child.kill().ok();
    child.wait().ok();
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
