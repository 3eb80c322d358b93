//! Several counts in one case (docs/legal-reference.md §16.7): a further count is asked
//! only what differs per count, reads the rest from its case, is screened on its own,
//! and goes with its case.

use chrono::NaiveDate;
use clearpath::casefile::{self, Syntax};
use clearpath::content::Content;
use clearpath::engine::{Interview, Slot, Stage, Value};

const AS_OF: &str = "2026-11-30";

fn content() -> Content {
    Content::built_in().unwrap()
}

fn as_of() -> NaiveDate {
    AS_OF.parse().unwrap()
}

const PERSON: &str = r#""person": {
    "in_custody": false, "supervised": false, "pending_charges": false, "registrant": false,
    "citizen": "yes", "trafficking_survivor": false, "license_at_stake": false
}"#;

/// A felony theft of $400 with probation completed: Prop 47 fits it.
const THEFT: &str = r#""answers_from": "court_papers", "county": "Fresno", "outcome": "convicted", "level": "felony",
    "code_section": "not_sure", "wobbler": true, "offense": "theft", "value": 400, "prior_super_strike": false,
    "judgment_date": "2013-04-02", "sentence": "probation", "probation_status": "completed",
    "sentence_end": "2016-04-02", "new_felony_since": false, "relief_granted": "none""#;

fn parse(content: &Content, cases: &str) -> Result<casefile::CaseFile, casefile::CaseFileError> {
    let text = format!("{{ {PERSON}, \"cases\": [{cases}] }}");
    casefile::parse(content, &text, Syntax::Json)
}

fn choice(content: &Content, fact: &str, value: &str) -> Slot {
    let f = content.fact(content.fact_id(fact).unwrap());
    Slot::Known(Value::Choice(f.choice_index(value).unwrap()))
}

fn asking_id(i: &Interview) -> String {
    i.asking()
        .map(|a| a.question.id.clone())
        .unwrap_or_default()
}

fn remedy_ids(content: &Content, i: &Interview, entry: usize) -> Vec<String> {
    i.results().entries[entry]
        .remedies
        .iter()
        .map(|r| content.remedies[r.remedy].source.id.clone())
        .collect()
}

/// An interview holding the theft case, with a second count answered as `offense`.
fn two_counts<'c>(content: &'c Content, offense: &str) -> Interview<'c> {
    let file = parse(content, &format!("{{ {THEFT} }}")).unwrap();
    let mut i = Interview::resume(content, as_of(), file.person);
    assert_eq!(i.count_can_follow(), Some(0));
    i.add_count();
    assert_eq!(i.stage(), Stage::Entry(1));
    let mut asked = Vec::new();
    while let Stage::Entry(1) = i.stage() {
        let id = asking_id(&i);
        let slot = match id.as_str() {
            "level" => choice(content, "level", "felony"),
            "code_section" => Slot::NotSure,
            "wobbler" => Slot::Known(Value::Bool(false)),
            "offense" => choice(content, "offense", offense),
            "sex_offense_section" => choice(content, "sex_offense_section", "none"),
            other => panic!("a further count was asked {other}"),
        };
        asked.push(id);
        i.answer(slot).unwrap();
    }
    assert_eq!(asked, ["level", "code_section", "wobbler", "offense"]);
    i
}

#[test]
fn a_further_count_is_asked_what_differs_and_screened_on_its_own() {
    let content = content();
    let i = two_counts(&content, "serious_violent");
    assert_eq!(i.stage(), Stage::AddAnother);
    assert_eq!(i.entry_count(), 2);
    assert_eq!(i.person().case_total(), 1);
    // The count holds only its own answers; its case's stay with the case.
    let own: Vec<String> = i
        .answered(Some(1))
        .iter()
        .map(|(q, _)| content.questions[*q].source.id.clone())
        .collect();
    assert_eq!(own, ["level", "code_section", "wobbler", "offense"]);
    // Prop 47 reaches the theft count, not the serious felony of the same case; both
    // are read with the case's dates and probation.
    assert!(remedy_ids(&content, &i, 0).contains(&"prop_47".to_string()));
    let second = remedy_ids(&content, &i, 1);
    assert!(!second.contains(&"prop_47".to_string()), "{second:?}");
    assert!(second.contains(&"pc_1203_4".to_string()), "{second:?}");
}

#[test]
fn a_count_is_asked_what_its_case_was_never_asked() {
    let content = content();
    // A misdemeanor with no probation: its case was never asked the felony jail question.
    let case = r#"{ "answers_from": "memory", "county": "Kern", "outcome": "convicted", "level": "misdemeanor",
        "code_section": "not_sure", "already_reduced": "no", "offense": "other", "judgment_date": "2019-05-02",
        "under_18": false, "relief_granted": "none",
        "sentence": "no_probation", "sentence_complete": true, "new_offense_since": false }"#;
    let file = parse(&content, case).unwrap();
    let mut i = Interview::resume(&content, as_of(), file.person);
    i.add_count();
    i.answer(choice(&content, "level", "felony")).unwrap();
    i.answer(Slot::NotSure).unwrap();
    i.answer(Slot::Known(Value::Bool(true))).unwrap();
    i.answer(choice(&content, "offense", "other")).unwrap();
    assert_eq!(asking_id(&i), "felony_jail");
}

#[test]
fn removing_a_case_removes_its_counts_and_a_count_leaves_its_case() {
    let content = content();
    let mut i = two_counts(&content, "serious_violent");
    i.add_count();
    i.answer(choice(&content, "level", "misdemeanor")).unwrap();
    i.answer(Slot::NotSure).unwrap();
    i.answer(choice(&content, "already_reduced", "no")).unwrap();
    i.answer(choice(&content, "offense", "other")).unwrap();
    assert_eq!(i.entry_count(), 3);
    assert_eq!(i.remove_entry(1), 1);
    assert_eq!(i.entry_count(), 2);
    assert!(i.person().is_further_count(1));
    assert_eq!(i.remove_entry(0), 2);
    // With no entry left, a new one is begun, as after removing any last entry.
    assert_eq!(i.entry_count(), 1);
    assert!(i.person().cases[0].is_empty());
    assert!(!i.person().is_further_count(0));
}

#[test]
fn a_case_that_stops_being_a_conviction_drops_its_counts() {
    let content = content();
    let mut i = two_counts(&content, "other");
    let outcome = content.question_index("outcome").unwrap();
    assert!(i.edit(Some(0), outcome));
    i.answer(choice(&content, "outcome", "dismissed")).unwrap();
    assert_eq!(i.take_removed(), Some((1, 1)));
    assert_eq!(i.take_removed(), None);
    assert_eq!(i.entry_count(), 1);
    assert_eq!(i.count_can_follow(), None);
}

#[test]
fn case_files_take_counts_and_refuse_what_cannot_be() {
    let content = content();
    let two = format!(
        r#"{{ {THEFT}, "counts": [{{ "level": "felony", "wobbler": false, "offense": "serious_violent" }}] }}"#
    );
    let file = parse(&content, &two).unwrap();
    assert_eq!(file.person.cases.len(), 2);
    assert!(file.person.is_further_count(1));

    let again = format!(r#"{{ {THEFT}, "counts": [{{ "level": "felony", "county": "Kern" }}] }}"#);
    let err = parse(&content, &again).unwrap_err().to_string();
    assert!(
        err.contains("case 1, count 2") && err.contains("\"county\""),
        "{err}"
    );

    let arrest = r#"{ "outcome": "dismissed", "arrest_date": "2020-07-04",
        "counts": [{ "level": "felony" }] }"#;
    let err = parse(&content, arrest).unwrap_err().to_string();
    assert!(err.contains("only a conviction"), "{err}");

    let not_a_list = format!(r#"{{ {THEFT}, "counts": {{ "level": "felony" }} }}"#);
    let err = parse(&content, &not_a_list).unwrap_err().to_string();
    assert!(err.contains("list of counts"), "{err}");
}
