//! Every screen rendered into a `TestBackend`, at the smallest supported size and a
//! wide one. A changed snapshot is a claim that the screen should now look like that.

mod common;

use clearpath::tui::{Action, App};
use common::*;
use insta::assert_snapshot;
use ratatui::crossterm::event::KeyCode;

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

/// Snapshots the screen `setup` leads to, at every size.
fn each_size(name: &str, setup: impl Fn(&mut App)) {
    for (w, h) in SIZES {
        let mut app = app(w, h);
        setup(&mut app);
        assert_snapshot!(format!("{name}_{w}x{h}"), render(&app));
    }
}

fn to_review(app: &mut App) {
    two_entries(app);
}

fn to_results(app: &mut App) {
    two_entries(app);
    key(app, KeyCode::Char('s'));
}

#[test]
fn welcome() {
    each_size("welcome", |_| {});
}

#[test]
fn question_with_a_list() {
    each_size("question_list", |app| {
        key(app, KeyCode::Enter);
        answer(app, "no");
    });
}

#[test]
fn question_with_a_field_and_a_refused_date() {
    each_size("question_date_refused", |app| {
        key(app, KeyCode::Enter);
        answer_section(app, PERSON);
        for a in [
            "Fresno",
            "convicted",
            "misdemeanor",
            "not sure",
            "no",
            "other",
        ] {
            answer(app, a);
        }
        chars(app, "2023-02-30");
        key(app, KeyCode::Enter);
    });
}

#[test]
fn question_with_a_choice_refused_beside_an_earlier_answer() {
    each_size("question_sentence_refused", |app| {
        key(app, KeyCode::Enter);
        answer_section(app, PERSON);
        for a in [
            "Fresno",
            "convicted",
            "felony",
            "not sure",
            "no",
            "other",
            "2009-08-20",
            "none",
        ] {
            answer(app, a);
        }
        answer(app, "county_jail");
    });
}

#[test]
fn question_long_list() {
    each_size("question_offense", |app| {
        key(app, KeyCode::Enter);
        answer_section(app, PERSON);
        for a in ["Fresno", "convicted", "misdemeanor", "not sure", "no"] {
            answer(app, a);
        }
    });
}

/// The code section half typed: the sections that begin with it, with their names.
#[test]
fn question_code_section_offers_the_sections_typed() {
    each_size("question_code_section", |app| {
        key(app, KeyCode::Enter);
        answer_section(app, PERSON);
        for a in ["Fresno", "convicted", "felony"] {
            answer(app, a);
        }
        chars(app, "pc 288");
    });
}

#[test]
fn entries() {
    each_size("entries", |app| {
        key(app, KeyCode::Enter);
        answer_section(app, PERSON);
        answer_section(app, MISDEMEANOR);
    });
}

#[test]
fn review() {
    each_size("review", to_review);
}

#[test]
fn review_after_a_change() {
    each_size("review_changed", |app| {
        to_review(app);
        let q = CONTENT.question_index("probation_status").unwrap();
        let row = app
            .review_rows()
            .iter()
            .position(|r| matches!(r, clearpath::tui::app::ReviewRow::Answer { entry: Some(0), question } if *question == q))
            .unwrap();
        while app.selected < row {
            key(app, KeyCode::Down);
        }
        key(app, KeyCode::Enter);
        answer(app, "violated");
        answer(app, "yes");
    });
}

#[test]
fn results_top() {
    each_size("results_top", to_results);
}

#[test]
fn results_end() {
    each_size("results_end", |app| {
        to_results(app);
        key(app, KeyCode::End);
    });
}

#[test]
fn help() {
    each_size("help_question", |app| {
        key(app, KeyCode::Enter);
        key(app, KeyCode::Char('?'));
    });
}

#[test]
fn quit_confirmation() {
    each_size("quit", |app| {
        key(app, KeyCode::Enter);
        answer(app, "no");
        key(app, KeyCode::Char('q'));
    });
}

#[test]
fn export_dialog() {
    each_size("export", |app| {
        to_results(app);
        key(app, KeyCode::Char('e'));
    });
}

#[test]
fn remove_entry_confirmation() {
    each_size("remove_entry", |app| {
        to_review(app);
        key(app, KeyCode::Esc);
        key(app, KeyCode::Home);
        key(app, KeyCode::Char('d'));
    });
}

#[test]
fn too_small() {
    let mut app = app(80, 24);
    app.update(Action::Resize(70, 20));
    assert_snapshot!("too_small_70x20", render(&app));
}

#[test]
fn question_while_changing_from_the_review() {
    each_size("question_editing", |app| {
        to_review(app);
        // The first answer about the person.
        key(app, KeyCode::Down);
        key(app, KeyCode::Down);
        key(app, KeyCode::Enter);
    });
}

#[test]
fn start_over_confirmation() {
    each_size("start_over", |app| {
        to_results(app);
        key(app, KeyCode::Char('n'));
    });
}

/// Spanish, at the smallest size: Spanish runs about a fifth longer than English.
fn in_spanish(name: &str, second: Option<clearpath::content::Lang>, setup: impl Fn(&mut App)) {
    let mut app = app_in(80, 24, clearpath::content::Lang::Es, second);
    setup(&mut app);
    assert_snapshot!(format!("{name}_80x24"), render(&app));
}

#[test]
fn spanish_welcome() {
    in_spanish("es_welcome", None, |_| {});
}

#[test]
fn spanish_question() {
    in_spanish("es_question_list", None, |app| {
        key(app, KeyCode::Enter);
        answer(app, "no");
    });
}

#[test]
fn spanish_question_with_a_field() {
    in_spanish("es_question_date", None, |app| {
        key(app, KeyCode::Enter);
        answer_section(app, PERSON);
        for a in [
            "Fresno",
            "convicted",
            "misdemeanor",
            "not sure",
            "no",
            "other",
        ] {
            answer(app, a);
        }
    });
}

#[test]
fn spanish_results() {
    in_spanish("es_results_top", None, to_results);
}

#[test]
fn spanish_help() {
    in_spanish("es_help_question", None, |app| {
        key(app, KeyCode::Enter);
        key(app, KeyCode::Char('?'));
    });
}

#[test]
fn spanish_export_dialog() {
    in_spanish("es_export", None, |app| {
        to_results(app);
        key(app, KeyCode::Char('e'));
    });
}

/// Spanish with English under it or beside it, for an interpreter, at every size:
/// side by side from 120 columns, one under the other below that.
fn bilingual(name: &str, setup: impl Fn(&mut App)) {
    for (w, h) in SIZES {
        let mut app = app_in(
            w,
            h,
            clearpath::content::Lang::Es,
            Some(clearpath::content::Lang::En),
        );
        setup(&mut app);
        assert_snapshot!(format!("{name}_{w}x{h}"), render(&app));
    }
}

#[test]
fn bilingual_question() {
    bilingual("es_en_question_list", |app| {
        key(app, KeyCode::Enter);
        answer(app, "no");
    });
}

#[test]
fn bilingual_results() {
    bilingual("es_en_results_top", to_results);
}

#[test]
fn bilingual_results_caveats() {
    bilingual("es_en_results_caveats", |app| {
        to_results(app);
        // Down to the caveats: the heading shows in both languages.
        while !screen_text(app).contains("Armas de fuego") {
            key(app, KeyCode::PageDown);
        }
    });
}

#[test]
fn bilingual_help() {
    bilingual("es_en_help_question", |app| {
        key(app, KeyCode::Enter);
        key(app, KeyCode::Char('?'));
    });
}

#[test]
fn bilingual_review() {
    bilingual("es_en_review", to_review);
}

#[test]
fn bilingual_quit_confirmation() {
    bilingual("es_en_quit", |app| {
        key(app, KeyCode::Enter);
        answer(app, "no");
        key(app, KeyCode::Char('q'));
    });
}
