//! One content mistake per fixture, each with the exact message `check` gives.
//!
//! Every fixture is the small valid content in tests/fixtures/content with one edit,
//! so a message names a stable file, line and column.

use std::fs;
use std::path::Path;

use clearpath::check::check;
use clearpath::content::Sources;

const BASE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/content");

/// Copies the base content into a fresh folder, applies one edit, and checks it.
fn problems_after(file: &str, find: &str, replace: &str) -> Vec<String> {
    problems_after_all(&[(file, find, replace)])
}

/// Copies the base content into a fresh folder, applies the edits, and checks it.
fn problems_after_all(edits: &[(&str, &str, &str)]) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    for entry in fs::read_dir(BASE).unwrap() {
        let path = entry.unwrap().path();
        fs::copy(&path, dir.path().join(path.file_name().unwrap())).unwrap();
    }
    for (file, find, replace) in edits {
        let target = dir.path().join(file);
        let text = fs::read_to_string(&target).unwrap();
        assert!(text.contains(find), "fixture edit does not apply: {find:?}");
        fs::write(&target, text.replacen(find, replace, 1)).unwrap();
    }
    let sources = Sources::from_dir(dir.path()).unwrap();
    let shown = dir.path().display().to_string();
    check(&sources)
        .problems
        .iter()
        .map(|p| p.headline().replace(&shown, "DIR"))
        .collect()
}

/// Rules that can disagree: the person is asked whether they are on probation, and an
/// entry's answer (a sentence from before 2000, here still served on probation) says
/// so too, so someone unsure about the first is told "needs more information" though
/// either answer closes the remedy.
const OLD_SENTENCE_BLOCKS: (&str, &str) = (
    "            (\n                when: Waited(\"judgment_date\", Years(1)),",
    "            (\n                when: All([No(\"on_probation\"), Before(\"judgment_date\", \"2000-01-01\")]),\n                status: NotEligible,\n                reason: \"Still serving it (Test Code § 1).\",\n            ),\n            (\n                when: Waited(\"judgment_date\", Years(1)),",
);

fn assert_problem(file: &str, find: &str, replace: &str, expected: &str) {
    let problems = problems_after(file, find, replace);
    assert!(
        problems.iter().any(|p| p == expected),
        "expected {expected:?}\n got {problems:#?}"
    );
}

#[test]
fn the_base_fixture_is_clean() {
    let sources = Sources::from_dir(Path::new(BASE)).unwrap();
    let report = check(&sources);
    assert!(report.problems.is_empty(), "{:#?}", report.problems);
    let summary = report.summary.unwrap();
    assert_eq!(
        (
            summary.questions,
            summary.remedies,
            summary.caveats,
            summary.routes
        ),
        (3, 2, 1, 2)
    );
}

#[test]
fn syntax_error_names_line_and_column() {
    assert_problem(
        "remedies.ron",
        "summary: \"Dismisses.\",",
        "summary: \"Dismisses.\"",
        "DIR/remedies.ron:7:9: Expected comma",
    );
}

#[test]
fn misspelt_field() {
    assert_problem(
        "caveats.ron",
        "statute:",
        "statue:",
        "DIR/caveats.ron:6:9: Unexpected field named `statue` in `Caveat`, expected one of `id`, `topic`, `text`, `statute`, `when`, or `reference` instead",
    );
}

#[test]
fn unknown_condition() {
    assert_problem(
        "remedies.ron",
        "applies: Is(",
        "applies: Equals(",
        "DIR/remedies.ron:10:18: Unexpected variant named `Equals` in enum `Cond`, expected one of `Always`, `All`, `Any`, `Not`, `Yes`, `No`, `Is`, `IsAny`, `Known`, `Confirmed`, `Before`, `OnOrAfter`, `AtMost`, `MoreThan`, `Waited`, `HasWaited`, `Named`, `AsOfBefore`, `InEffectFrom`, `ProbationOver`, `ProbationEnded`, `ProbationCapped`, `ProbationEndsAhead`, `EntriesAtLeast`, or `AnyEntry` instead",
    );
}

#[test]
fn empty_file() {
    assert_problem(
        "caveats.ron",
        &fs::read_to_string(format!("{BASE}/caveats.ron")).unwrap(),
        "",
        "DIR/caveats.ron:1:1: the file is empty",
    );
}

#[test]
fn question_defined_twice() {
    assert_problem(
        "interview.ron",
        "id: \"judgment_date\"",
        "id: \"outcome\"",
        "DIR/interview.ron:28:17: question \"outcome\" is defined twice",
    );
}

#[test]
fn next_names_no_question() {
    assert_problem(
        "interview.ron",
        "When(Is(\"outcome\", \"convicted\"), \"judgment_date\")",
        "When(Is(\"outcome\", \"convicted\"), \"judgement_date\")",
        "DIR/interview.ron:23:50: next names \"judgement_date\", which is not a question",
    );
}

#[test]
fn condition_names_unknown_fact() {
    assert_problem(
        "remedies.ron",
        "when: Yes(\"on_probation\")",
        "when: Yes(\"on_parole\")",
        "DIR/remedies.ron:13:27: no question sets the fact \"on_parole\"",
    );
}

#[test]
fn condition_names_unknown_choice() {
    assert_problem(
        "remedies.ron",
        "applies: Is(\"outcome\", \"convicted\")",
        "applies: Is(\"outcome\", \"convict\")",
        "DIR/remedies.ron:10:32: \"outcome\" has no choice \"convict\" (its choices: convicted, arrested)",
    );
}

#[test]
fn condition_on_the_wrong_kind_of_fact() {
    assert_problem(
        "remedies.ron",
        "when: Yes(\"on_probation\")",
        "when: Yes(\"outcome\")",
        // The wrong use, not the first "outcome" of the remedy (its `applies`, line 10,
        // where a search of the text used to point).
        "DIR/remedies.ron:13:27: \"outcome\" is not a yes/no question",
    );
}

/// A fact read rightly and then wrongly in one condition: the problem is at the
/// second, where the parser read it, not at the first place the name is written.
#[test]
fn a_name_used_twice_is_found_where_it_is_wrong() {
    assert_problem(
        "remedies.ron",
        "when: Waited(\"judgment_date\", Years(1)),",
        "when: All([Waited(\"judgment_date\", Years(1)), MoreThan(\"judgment_date\", 5.0)]),",
        "DIR/remedies.ron:18:72: \"judgment_date\" is not a money or number question",
    );
}

#[test]
fn bad_date_in_condition() {
    assert_problem(
        "remedies.ron",
        "when: Yes(\"on_probation\")",
        "when: Before(\"judgment_date\", \"2023-02-30\")",
        "DIR/remedies.ron:13:47: \"2023-02-30\" is not a date (YYYY-MM-DD)",
    );
}

#[test]
fn remedy_without_statute() {
    assert_problem(
        "remedies.ron",
        "statute: \"Test Code § 2\"",
        "statute: \"\"",
        "DIR/remedies.ron:28:13: remedy \"sealing\" cites no statute",
    );
}

#[test]
fn caveat_without_citation() {
    assert_problem(
        "caveats.ron",
        "statute: \"Test Code § 3\"",
        "statute: \" \"",
        "DIR/caveats.ron:3:13: caveat \"guns\" cites no statute or source",
    );
}

#[test]
fn remedy_names_unknown_step_and_caveat() {
    assert_problem(
        "remedies.ron",
        "caveats: [\"guns\"]",
        "caveats: [\"gunz\"]",
        "DIR/remedies.ron:24:19: caveat \"gunz\" is not defined in caveats.ron",
    );
    assert_problem(
        "remedies.ron",
        "step: \"dismiss\",\n        applies: Is(\"outcome\", \"arrested\")",
        "step: \"seal\",\n        applies: Is(\"outcome\", \"arrested\")",
        "DIR/remedies.ron:33:15: step \"seal\" is not a step in guidance.ron",
    );
}

#[test]
fn question_no_route_reaches() {
    assert_problem(
        "interview.ron",
        "Otherwise(\"end\"),\n            ],\n        ),",
        "Otherwise(\"end\"),\n            ],\n        ),\n        Question(id: \"orphan\", text: \"?\", help: \"?\", answers: YesNo, next: [Otherwise(\"end\")]),",
        "DIR/interview.ron:27:22: no route reaches question \"orphan\"",
    );
}

#[test]
fn questions_that_loop() {
    assert_problem(
        "interview.ron",
        "answers: Date,\n            not_sure: true,",
        "answers: Date,\n            not_sure: true,\n            next: [Otherwise(\"outcome\")],",
        "DIR/interview.ron:14:17: these questions loop with no way out: outcome → judgment_date → outcome",
    );
}

#[test]
fn question_without_otherwise() {
    assert_problem(
        "interview.ron",
        "                Otherwise(\"end\"),\n",
        "",
        "DIR/interview.ron:14:17: question \"outcome\" has no Otherwise: an answer that matches no When would stop the interview here",
    );
}

#[test]
fn answer_nothing_reads() {
    assert_problem(
        "interview.ron",
        "    case: [",
        "    case: [\n        Question(id: \"shoe_size\", text: \"?\", help: \"?\", answers: Number),",
        "DIR/interview.ron:13:22: the answer to \"shoe_size\" changes nothing: no rule, route or entry label reads \"shoe_size\"",
    );
}

#[test]
fn remedy_no_answers_reach() {
    assert_problem(
        "remedies.ron",
        "applies: Is(\"outcome\", \"arrested\")",
        "applies: All([Is(\"outcome\", \"arrested\"), Is(\"outcome\", \"convicted\")])",
        "DIR/remedies.ron:28:13: no answers reach remedy \"sealing\": its `applies` can never hold",
    );
}

#[test]
fn outcome_no_answers_reach() {
    assert_problem(
        "remedies.ron",
        "when: Waited(\"judgment_date\", Years(1))",
        "when: All([No(\"on_probation\"), Yes(\"on_probation\"), Waited(\"judgment_date\", Years(1))])",
        "DIR/remedies.ron:18:23: outcome 2 of remedy \"dismissal\" can never decide: no answers reach it",
    );
}

/// The first outcome that holds decides, so one that holds only where an earlier one
/// holds is never the answer.
#[test]
fn outcome_an_earlier_one_always_hides() {
    assert_problem(
        "remedies.ron",
        "when: Waited(\"judgment_date\", Years(1))",
        "when: All([Yes(\"on_probation\"), Waited(\"judgment_date\", Years(1))])",
        "DIR/remedies.ron:18:23: outcome 2 of remedy \"dismissal\" is hidden by outcome 1: wherever it holds, outcome 1 holds too and, coming first, decides",
    );
}

#[test]
fn a_named_condition_reads_as_its_definition() {
    let problems = problems_after_all(&[
        (
            "conditions.ron",
            "{}",
            "{ \"on_probation_now\": Yes(\"on_probation\") }",
        ),
        (
            "remedies.ron",
            "when: Yes(\"on_probation\")",
            "when: Named(\"on_probation_now\")",
        ),
    ]);
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn a_reason_that_cites_no_statute() {
    assert_problem(
        "remedies.ron",
        "reason: \"A year has passed (Test Code § 1).\"",
        "reason: \"A year has passed.\"",
        "DIR/remedies.ron:21:25: outcome 2 of remedy \"dismissal\": its English reason cites no statute; end it with the section it rests on (1), with its subsection where the legal reference gives one",
    );
}

#[test]
fn a_translated_reason_that_cites_no_statute() {
    let problems = problems_after(
        "remedies.ron",
        "reason: \"A year has passed (Test Code § 1).\"",
        "reason: (en: \"A year has passed (Test Code § 1).\", es: \"Ya pasó un año.\")",
    );
    assert_eq!(
        problems,
        [
            "DIR/remedies.ron:21:25: outcome 2 of remedy \"dismissal\": its Spanish reason cites no statute; end it with the section it rests on (1), with its subsection where the legal reference gives one"
        ]
    );
}

#[test]
fn a_reason_citing_another_section_with_its_subsection_is_enough() {
    let problems = problems_after(
        "remedies.ron",
        "reason: \"A year has passed (Test Code § 1).\"",
        "reason: \"A year has passed (Other Code § 9(a)).\"",
    );
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn a_named_condition_that_is_not_defined() {
    assert_problem(
        "remedies.ron",
        "when: Yes(\"on_probation\")",
        "when: Named(\"on_probation_now\")",
        "DIR/remedies.ron:13:29: no condition is named \"on_probation_now\" in conditions.ron",
    );
}

#[test]
fn a_named_condition_no_rule_uses() {
    assert_problem(
        "conditions.ron",
        "{}",
        "{\n    \"on_probation_now\": Yes(\"on_probation\"),\n}",
        "DIR/conditions.ron:3:5: condition \"on_probation_now\" is named but no rule uses it",
    );
}

#[test]
fn named_conditions_that_name_each_other() {
    let problems = problems_after_all(&[
        (
            "conditions.ron",
            "{}",
            "{\n    \"a\": Named(\"b\"),\n    \"b\": Any([Yes(\"on_probation\"), Named(\"a\")]),\n}",
        ),
        (
            "remedies.ron",
            "when: Yes(\"on_probation\")",
            "when: Named(\"a\")",
        ),
    ]);
    assert_eq!(
        problems,
        vec!["DIR/conditions.ron:3:5: condition \"a\" names itself: a → b → a".to_string()]
    );
}

#[test]
fn answers_matching_no_outcome() {
    assert_problem(
        "remedies.ron",
        "when: Always,",
        "when: Is(\"outcome\", \"convicted\"),",
        "DIR/remedies.ron:28:13: remedy \"sealing\": some answers match none of its outcomes, for example: on_probation → outcome",
    );
}

#[test]
fn rule_reads_a_fact_its_route_never_asks() {
    assert_problem(
        "remedies.ron",
        "when: Always,",
        "when: Waited(\"judgment_date\", Years(1)),",
        "DIR/remedies.ron:28:13: remedy \"sealing\" reads \"judgment_date\", which the interview does not ask on this route: on_probation → outcome",
    );
}

#[test]
fn route_with_no_remedy_to_show() {
    assert_problem(
        "remedies.ron",
        "applies: Is(\"outcome\", \"arrested\")",
        "applies: All([Is(\"outcome\", \"arrested\"), No(\"on_probation\")])",
        "DIR/interview.ron:14:17: 1 way(s) through the interview reach results with no remedy to show, for example: on_probation → outcome",
    );
}

#[test]
fn whole_person_rule_in_an_entry_rule() {
    assert_problem(
        "remedies.ron",
        "when: Yes(\"on_probation\")",
        "when: EntriesAtLeast(2)",
        "DIR/remedies.ron:13:38: AnyEntry and EntriesAtLeast belong in rules about the whole person (referrals and person questions)",
    );
}

#[test]
fn referral_reading_an_entry_fact_directly() {
    assert_problem(
        "guidance.ron",
        "when: Yes(\"on_probation\")",
        "when: Is(\"outcome\", \"convicted\")",
        "DIR/guidance.ron:6:44: \"outcome\" is a fact about an entry; a rule about the whole person reads it inside AnyEntry(...)",
    );
}

#[test]
fn every_problem_is_reported_not_just_the_first() {
    let problems = problems_after(
        "remedies.ron",
        "caveats: [\"guns\"]",
        "caveats: [\"gunz\", \"knives\"]",
    );
    assert_eq!(problems.len(), 2, "{problems:#?}");
}

#[test]
fn missing_file_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let problems = Sources::from_dir(dir.path()).unwrap_err();
    assert_eq!(problems.len(), 5);
    assert!(
        problems[0]
            .headline()
            .ends_with("meta.ron: cannot be read: No such file or directory (os error 2)")
    );
}

#[test]
fn every_text_needs_each_listed_translation() {
    let problems = problems_after(
        "meta.ron",
        "notice: \"Not legal advice.\",",
        "notice: (en: \"Not legal advice.\", es: \"No es asesoría legal.\"),\n    translations: [\"es\"],",
    );
    assert_eq!(
        problems.first().map(String::as_str),
        Some("DIR/interview.ron:6:19: no Spanish (es) translation of \"Are you on probation?\""),
        "{problems:#?}"
    );
    // Every other text of the fixture is reported too, and the notice is not.
    assert!(
        problems
            .iter()
            .all(|p| p.contains("no Spanish (es) translation"))
    );
    assert!(!problems.iter().any(|p| p.contains("Not legal advice")));
    assert!(
        !problems.iter().any(|p| p.contains("F-1")),
        "form numbers stay as they are"
    );
    assert!(
        problems
            .iter()
            .any(|p| p
                == "DIR/interview.ron:19:30: no Spanish (es) translation of \"Arrested only\""),
        "{problems:#?}"
    );
}

#[test]
fn a_translated_text_reads_in_its_language() {
    let dir = tempfile::tempdir().unwrap();
    for entry in fs::read_dir(BASE).unwrap() {
        let path = entry.unwrap().path();
        fs::copy(&path, dir.path().join(path.file_name().unwrap())).unwrap();
    }
    let interview = dir.path().join("interview.ron");
    let text = fs::read_to_string(&interview).unwrap().replace(
        "text: \"Are you on probation?\"",
        "text: (en: \"Are you on probation?\", es: \"¿Está en libertad condicional?\")",
    );
    fs::write(&interview, text).unwrap();
    let sources = Sources::from_dir(dir.path()).unwrap();
    let es = clearpath::content::load_in(&sources, clearpath::content::Lang::Es).unwrap();
    let en = clearpath::content::load(&sources).unwrap();
    assert_eq!(
        es.questions[0].source.text,
        "¿Está en libertad condicional?"
    );
    assert_eq!(en.questions[0].source.text, "Are you on probation?");
    assert_eq!(
        es.questions[1].source.text, "How did it end?",
        "untranslated texts fall back to English"
    );
}

#[test]
fn not_before_must_name_an_earlier_kind_of_date() {
    let problems = problems_after(
        "interview.ron",
        "            answers: Date,\n",
        "            answers: Date,\n            not_before: [\"outcome\"],\n",
    );
    assert!(
        problems.iter().any(|p| p.ends_with(
            "question \"judgment_date\": not_before names \"outcome\"; it takes dates of the same entry or of the person, on a date question"
        ) && p.starts_with("DIR/interview.ron:")),
        "{problems:#?}"
    );
}

#[test]
fn a_person_question_that_an_entry_answer_already_decides() {
    let (find, replace) = OLD_SENTENCE_BLOCKS;
    assert_problem(
        "remedies.ron",
        find,
        replace,
        "DIR/remedies.ron:13:23: outcome 1 of remedy \"dismissal\" needs \"on_probation\", yet the entry's answers give \"not eligible\" whatever it is, for example: on_probation → outcome → judgment_date; if an entry's answer settles \"on_probation\", name it in that question's implied_by; else test that answer first",
    );
}

#[test]
fn implied_by_settles_the_person_question_from_the_entry() {
    let dir = tempfile::tempdir().unwrap();
    for entry in fs::read_dir(BASE).unwrap() {
        let path = entry.unwrap().path();
        fs::copy(&path, dir.path().join(path.file_name().unwrap())).unwrap();
    }
    let edit = |file: &str, find: &str, replace: &str| {
        let target = dir.path().join(file);
        let text = fs::read_to_string(&target).unwrap();
        assert!(text.contains(find), "fixture edit does not apply: {find:?}");
        fs::write(&target, text.replacen(find, replace, 1)).unwrap();
    };
    let (find, replace) = OLD_SENTENCE_BLOCKS;
    edit("remedies.ron", find, replace);
    edit(
        "interview.ron",
        "            not_sure: true,\n        ),\n    ],\n    case:",
        "            not_sure: true,\n            implied_by: AnyEntry(Before(\"judgment_date\", \"2000-01-01\")),\n        ),\n    ],\n    case:",
    );
    let report = check(&Sources::from_dir(dir.path()).unwrap());
    assert!(report.problems.is_empty(), "{:#?}", report.problems);
}

#[test]
fn implied_by_only_on_a_yes_no_question_about_the_person() {
    assert_problem(
        "interview.ron",
        "            answers: Date,",
        "            answers: Date,\n            implied_by: AnyEntry(Is(\"outcome\", \"convicted\")),",
        "DIR/interview.ron:32:25: question \"judgment_date\": implied_by belongs on a yes/no question about the person",
    );
}

/// The first `]),` closing the choices of "outcome", with `also` words after it.
fn with_also(also: &str) -> Vec<String> {
    problems_after(
        "interview.ron",
        "            ]),\n            not_sure: true,",
        &format!(
            "            ]),\n            also: [\n{also}            ],\n            not_sure: true,"
        ),
    )
}

fn assert_line(problems: &[String], at: &str, message: &str) {
    assert!(
        problems
            .iter()
            .any(|p| p.starts_with(at) && p.ends_with(message)),
        "expected {at}…{message:?}\n got {problems:#?}"
    );
}

#[test]
fn two_choices_that_share_a_natural_answer() {
    let problems = with_also(
        "                (\"convicted\", (en: [\"guilty\"])),\n                \
         (\"arrested\", (es: [\"Guilty.\"])),\n",
    );
    assert_line(
        &problems,
        "DIR/interview.ron:23:",
        "question \"outcome\": \"guilty\" answers both \"convicted\" and \"arrested\", so a \
         person typing it would be asked which",
    );
    // A label is a natural answer too.
    let problems = with_also("                (\"arrested\", (en: [\"convicted\"])),\n");
    assert_line(
        &problems,
        "DIR/interview.ron:22:",
        "question \"outcome\": \"convicted\" answers both \"convicted\" and \"arrested\", so a \
         person typing it would be asked which",
    );
}

#[test]
fn also_words_for_a_choice_the_question_lacks_or_that_mean_not_sure() {
    let problems = with_also("                (\"acquitted\", (en: [\"not guilty\"])),\n");
    assert_line(
        &problems,
        "DIR/interview.ron:22:",
        "question \"outcome\": also names \"acquitted\", which is not one of its choices",
    );
    let problems = with_also("                (\"arrested\", (es: [\"No sé\"])),\n");
    assert_line(
        &problems,
        "DIR/interview.ron:22:",
        "question \"outcome\": \"no se\" means \"I'm not sure\", so it never answers \"arrested\"",
    );
}

#[test]
fn a_choice_named_in_entry_labels_needs_a_short_noun() {
    assert_problem(
        "interview.ron",
        "short: [(\"convicted\", \"convicted\"), (\"arrested\", \"arrested\")]",
        "short: [(\"convicted\", \"convicted\")]",
        "DIR/interview.ron:14:17: question \"outcome\": entry_label names its answers in lists, \
         so each needs a short noun in `short`; \"arrested\" has none",
    );
    assert_problem(
        "interview.ron",
        "(\"arrested\", \"arrested\")]",
        "(\"arrested\", \"arrested\"), (\"acquitted\", \"acquitted\")]",
        "DIR/interview.ron:21:92: question \"outcome\": short names \"acquitted\", which is \
         not one of its choices",
    );
}

/// The built-in content with one edit to its table of code sections, checked. A
/// problem in the table stops `check` before it walks the interview's routes.
fn section_table_problems(find: &str, replace: &str) -> Vec<String> {
    section_table_edits(&[(find, replace)])
}

fn section_table_edits(edits: &[(&str, &str)]) -> Vec<String> {
    file_edits("sections.ron", edits)
}

/// `check`'s problems with the built-in content, `file` edited.
fn file_edits(file: &str, edits: &[(&str, &str)]) -> Vec<String> {
    let questions = concat!(env!("CARGO_MANIFEST_DIR"), "/questions");
    let dir = tempfile::tempdir().unwrap();
    for entry in fs::read_dir(questions).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "ron") {
            fs::copy(&path, dir.path().join(path.file_name().unwrap())).unwrap();
        }
    }
    let target = dir.path().join(file);
    for (find, replace) in edits {
        let text = fs::read_to_string(&target).unwrap();
        assert!(text.contains(find), "edit does not apply: {find:?}");
        fs::write(&target, text.replacen(find, replace, 1)).unwrap();
    }
    let shown = dir.path().display().to_string();
    check(&Sources::from_dir(dir.path()).unwrap())
        .problems
        .iter()
        .map(|p| p.headline().replace(&shown, "DIR"))
        .collect()
}

const GRAND_THEFT: &str = "lists: [\"wobbler\", \"prop_47\", \"under_eight_years\"],\n        ),\n        (\n            code: \"PC 488\",";

#[test]
fn a_section_on_two_lists_that_exclude_each_other_is_reported_at_the_section() {
    let problems = section_table_problems(
        GRAND_THEFT,
        &GRAND_THEFT.replace("\"wobbler\", ", "\"wobbler\", \"felony_only\", "),
    );
    assert_line(
        &problems,
        "DIR/sections.ron:",
        "\"PC 487\" is on \"wobbler\" and \"felony_only\", which exclude each other",
    );
}

#[test]
fn an_offense_type_no_section_has_is_reported() {
    let prostitution = "category: \"prostitution\",";
    // One of the two prostitution sections is enough.
    assert_problem_in_table(prostitution, "category: \"other\",", "");
    let problems = section_table_edits(&[
        (prostitution, "category: \"other\","),
        (prostitution, "category: \"other\","),
    ]);
    assert_line(
        &problems,
        "DIR/sections.ron:",
        "no section has the offense type \"prostitution\"",
    );
}

#[test]
fn a_list_that_gives_an_answer_the_question_does_not_have_is_reported() {
    assert_problem_in_table(
        "sets: [(\"wobbler\", \"yes\")],",
        "sets: [(\"wobbler\", \"maybe\")],",
        "\"maybe\" is not an answer to \"wobbler\"",
    );
    assert_problem_in_table(
        "sets: [(\"wobbler\", \"yes\")],",
        "sets: [(\"wobbly\", \"yes\")],",
        "no question sets the fact \"wobbly\"",
    );
}

#[test]
fn a_code_that_is_no_section_or_is_listed_twice_is_reported() {
    assert_problem_in_table(
        "code: \"PC 488\",",
        "code: \"petty theft\",",
        "\"petty theft\" is not a code section, written like \"PC 459.5\"",
    );
    assert_problem_in_table("code: \"PC 488\",", "code: \"488 PC\",", "");
    assert_problem_in_table(
        "code: \"PC 488\",",
        "code: \"p.c. 487\",",
        "\"p.c. 487\" is listed twice",
    );
}

fn assert_problem_in_table(find: &str, replace: &str, message: &str) {
    let problems = section_table_problems(find, replace);
    if message.is_empty() {
        assert!(problems.is_empty(), "{problems:#?}");
    } else {
        assert_line(&problems, "DIR/sections.ron:", message);
    }
}

#[test]
fn a_county_named_twice_or_a_county_question_that_takes_no_text_is_reported() {
    let problems = file_edits(
        "counties.ron",
        &[("(\"Yolo\", []),", "(\"Yolo\", [\"Los Angeles County\"]),")],
    );
    assert_line(
        &problems,
        "DIR/counties.ron:",
        "\"Los Angeles County\" names two counties, or one twice",
    );
    assert!(problems[0].contains("counties.ron:66:"), "{problems:#?}");
    let problems = file_edits("counties.ron", &[("fact: \"county\"", "fact: \"level\"")]);
    assert!(
        problems
            .iter()
            .any(|p| p.starts_with("DIR/counties.ron:8:") && p.contains("a text question")),
        "{problems:#?}"
    );
}

#[test]
fn a_courthouse_in_no_county_or_named_twice_is_reported_at_its_line() {
    let problems = file_edits(
        "counties.ron",
        &[(
            "(\"Yuba\", [\"Marysville\"]),",
            "(\"Maricopa\", [\"Phoenix\"]),",
        )],
    );
    assert_line(
        &problems,
        "DIR/counties.ron:",
        "\"Maricopa\" is not one of the counties above",
    );
    let problems = file_edits(
        "counties.ron",
        &[(
            "(\"Yuba\", [\"Marysville\"]),",
            "(\"Yuba\", [\"Hay ward\"]),",
        )],
    );
    assert_line(
        &problems,
        "DIR/counties.ron:",
        "\"Hay ward\" names two places, or one twice",
    );
}

#[test]
fn the_counties_are_californias_58() {
    let content = clearpath::content::Content::built_in().unwrap();
    assert_eq!(content.counties.names.len(), 58);
    assert!(content.counties.fact.is_some());
}

#[test]
fn the_filing_worksheet_names_remedies_that_exist_and_every_remedy_with_a_form() {
    let filing = r#"free_help: "Free help exists.",
    filing: Filing(
        court: "Court of {county}",
        court_unknown: "The court",
        find_court: "Ask.",
        petitions: [Petition(remedies: ["sealng"], serve: "Serve the DA.")],
        elsewhere: ["sealing", "sealing"],
        fee: "Fee.",
        copies: "Copies.",
        bring: ["ID."],
        bring_discretionary: "Letters.",
        reference: "§16.9",
    ),"#;
    let problems = problems_after("guidance.ron", r#"free_help: "Free help exists.","#, filing);
    assert_eq!(
        problems,
        vec![
            "DIR/guidance.ron:13:41: remedy \"sealng\" is not defined in remedies.ron",
            "DIR/guidance.ron:14:32: remedy \"sealing\" has a place on the filing worksheet already",
            "DIR/remedies.ron:3:13: remedy \"dismissal\" has forms but no place on the filing worksheet: name it in a petition or under elsewhere in guidance.ron",
        ]
    );
}

#[test]
fn a_question_the_rules_read_names_the_paper_that_confirms_it() {
    assert_problem(
        "interview.ron",
        " confirm_with: \"the sentencing minute order\",",
        "",
        "DIR/interview.ron:28:17: \"judgment_date\" is read by the rules: give `confirm_with`, the paper that would confirm an answer given from memory",
    );
}
