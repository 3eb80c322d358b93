//! `clearpath check`

use std::path::Path;
use std::process::ExitCode;

use crate::check::check;
use crate::content::Sources;
use crate::sanitize;

pub fn run(dir: Option<&Path>) -> ExitCode {
    let sources = match dir {
        Some(dir) => match Sources::from_dir(dir) {
            Ok(s) => s,
            Err(problems) => {
                for p in &problems {
                    eprint!("{}", sanitize::block(&p.to_string()));
                }
                return ExitCode::from(super::EXIT_CANNOT_RUN);
            }
        },
        None => Sources::built_in(),
    };
    let report = check(&sources);
    for p in &report.problems {
        print!("{}", sanitize::block(&p.to_string()));
    }
    if !report.problems.is_empty() {
        println!("{} problem(s) found", report.problems.len());
        return ExitCode::from(1);
    }
    if let Some(s) = report.summary {
        println!(
            "ok: {} questions, {} remedies, {} caveats, {} distinct interview paths",
            s.questions, s.remedies, s.caveats, s.routes
        );
    }
    ExitCode::SUCCESS
}
