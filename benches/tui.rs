//! Key press to frame: one `update` and one full render at 120×40 on a TestBackend,
//! on the screens where a person presses keys most (a question's list, the results).

use std::hint::black_box;

use chrono::NaiveDate;
use clearpath::content::Content;
use clearpath::tui::{Action, App, Screen, Theme, view};
use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn app(content: &Content) -> App<'_> {
    let as_of = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
    let mut app = App::new(content, as_of, Theme::from_env());
    app.update(Action::Resize(120, 40));
    app
}

/// Answers every question with its first listed answer, or a plausible typed one,
/// until the results.
fn to_results(app: &mut App) {
    app.update(Action::Enter);
    for _ in 0..200 {
        match app.screen {
            Screen::Question => {
                if app.typing() {
                    let kind = &app.interview.asking().unwrap().question.answers;
                    let text = match kind {
                        clearpath::content::model::AnswerKind::Date => "2018-04-02",
                        clearpath::content::model::AnswerKind::Text => "Fresno",
                        _ => "450",
                    };
                    for c in text.chars() {
                        app.update(Action::Char(c));
                    }
                }
                app.update(Action::Enter);
            }
            // "2. No, that is all".
            Screen::Entries => {
                app.update(Action::Digit(2));
                app.update(Action::Enter);
            }
            Screen::Review => {
                app.update(Action::ShowResults);
                return;
            }
            _ => return,
        }
    }
}

fn key_to_frame(c: &mut Criterion) {
    let content = Content::built_in().unwrap();
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();

    let mut question = app(&content);
    question.update(Action::Enter);
    let mut down = true;
    c.bench_function("key_to_frame/question_120x40", |b| {
        b.iter(|| {
            question.update(if down { Action::Down } else { Action::Up });
            down = !down;
            terminal
                .draw(|f| view::render(black_box(&question), f))
                .unwrap();
        })
    });

    let mut results = app(&content);
    to_results(&mut results);
    assert_eq!(results.screen, Screen::Results);
    let mut down = true;
    c.bench_function("key_to_frame/results_120x40", |b| {
        b.iter(|| {
            results.update(if down { Action::Down } else { Action::Up });
            down = !down;
            terminal
                .draw(|f| view::render(black_box(&results), f))
                .unwrap();
        })
    });
}

criterion_group!(benches, key_to_frame);
criterion_main!(benches);
