//! The interview state machine: answering, going back, changing an answer, the review
//! edit, and random walks through the shipped interview.

use std::path::Path;

use chrono::NaiveDate;
use clearpath::content::model::AnswerKind;
use clearpath::content::{Content, Sources, Target, load};
use clearpath::engine::input::{InputError, listed};
use clearpath::engine::screen::changes;
use clearpath::engine::{Answers, Interview, Slot, Stage, Value, Verdict};
use clearpath::model::Lang;
use clearpath::strings::Strings;
use proptest::prelude::*;

fn fixture() -> Content {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/content");
    load(&Sources::from_dir(&dir).unwrap()).unwrap()
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn asking_id(i: &Interview) -> String {
    i.asking()
        .map(|a| a.question.id.clone())
        .unwrap_or_default()
}

fn choice(content: &Content, fact: &str, value: &str) -> Slot {
    let f = content.fact(content.fact_id(fact).unwrap());
    Slot::Known(Value::Choice(f.choice_index(value).unwrap()))
}

fn remedy_verdicts(content: &Content, i: &Interview) -> Vec<(String, Verdict, Option<NaiveDate>)> {
    i.results().entries[0]
        .remedies
        .iter()
        .map(|r| {
            (
                content.remedies[r.remedy].source.id.clone(),
                r.verdict,
                r.from,
            )
        })
        .collect()
}

#[test]
fn a_whole_interview_reaches_results() {
    let content = fixture();
    let mut i = Interview::new(&content, day(2026, 1, 1));
    assert_eq!(i.stage(), Stage::Person);
    assert_eq!(asking_id(&i), "on_probation");
    i.answer(Slot::Known(Value::Bool(false))).unwrap();
    assert_eq!(i.stage(), Stage::Entry(0));
    i.answer(choice(&content, "outcome", "convicted")).unwrap();
    assert_eq!(asking_id(&i), "judgment_date");
    i.answer(Slot::Known(Value::Date(day(2025, 6, 1)))).unwrap();
    assert_eq!(i.stage(), Stage::AddAnother);
    i.add_another(false);
    assert_eq!(i.stage(), Stage::Done);
    assert_eq!(
        remedy_verdicts(&content, &i),
        vec![("dismissal".into(), Verdict::Eligible, Some(day(2026, 6, 1)))]
    );
}

#[test]
fn going_back_keeps_answers_and_shows_them() {
    let content = fixture();
    let mut i = Interview::new(&content, day(2026, 1, 1));
    i.answer(Slot::Known(Value::Bool(false))).unwrap();
    i.answer(choice(&content, "outcome", "convicted")).unwrap();
    assert!(i.back());
    assert_eq!(asking_id(&i), "outcome");
    assert_eq!(
        i.asking().unwrap().current,
        choice(&content, "outcome", "convicted")
    );
    assert!(i.back());
    assert_eq!(asking_id(&i), "on_probation");
    assert!(!i.back(), "the first question has nothing before it");
    // Forward again with the same answers: the later answer is still there.
    i.answer(Slot::Known(Value::Bool(false))).unwrap();
    assert_eq!(
        i.asking().unwrap().current,
        choice(&content, "outcome", "convicted")
    );
}

#[test]
fn changing_an_answer_drops_answers_that_no_longer_apply() {
    let content = fixture();
    let mut i = Interview::new(&content, day(2026, 1, 1));
    i.answer(Slot::Known(Value::Bool(false))).unwrap();
    i.answer(choice(&content, "outcome", "convicted")).unwrap();
    i.answer(Slot::Known(Value::Date(day(2020, 1, 1)))).unwrap();
    assert_eq!(i.stage(), Stage::AddAnother);
    i.back();
    i.back();
    assert_eq!(asking_id(&i), "outcome");
    i.answer(choice(&content, "outcome", "arrested")).unwrap();
    assert_eq!(i.stage(), Stage::AddAnother);
    let date = content.fact_id("judgment_date").unwrap();
    assert_eq!(i.person().cases[0].get(date), &Slot::Missing);
}

#[test]
fn a_review_edit_returns_to_results_and_shows_what_changed() {
    let content = fixture();
    let mut i = Interview::new(&content, day(2026, 1, 1));
    i.answer(Slot::Known(Value::Bool(false))).unwrap();
    i.answer(choice(&content, "outcome", "convicted")).unwrap();
    i.answer(Slot::Known(Value::Date(day(2020, 1, 1)))).unwrap();
    i.add_another(false);
    let before = i.results();
    let outcome = content.question_index("outcome").unwrap();
    assert!(i.edit(Some(0), outcome));
    i.answer(choice(&content, "outcome", "arrested")).unwrap();
    assert_eq!(i.stage(), Stage::Done);
    let after = i.results();
    let changed: Vec<(String, Option<Verdict>, Option<Verdict>)> = changes(&before, &after)
        .into_iter()
        .map(|c| {
            (
                content.remedies[c.remedy].source.id.clone(),
                c.before.map(|b| b.0),
                c.after.map(|a| a.0),
            )
        })
        .collect();
    assert_eq!(
        changed,
        vec![
            ("dismissal".into(), Some(Verdict::Eligible), None),
            ("sealing".into(), None, Some(Verdict::Eligible)),
        ]
    );
}

#[test]
fn an_edit_that_opens_a_new_question_asks_it_first() {
    let content = fixture();
    let mut i = Interview::new(&content, day(2026, 1, 1));
    i.answer(Slot::Known(Value::Bool(false))).unwrap();
    i.answer(choice(&content, "outcome", "arrested")).unwrap();
    i.add_another(false);
    assert!(i.edit(Some(0), content.question_index("outcome").unwrap()));
    i.answer(choice(&content, "outcome", "convicted")).unwrap();
    assert_eq!(asking_id(&i), "judgment_date");
    i.answer(Slot::NotSure).unwrap();
    assert_eq!(i.stage(), Stage::Done);
    let results = i.results();
    let dismissal = &results.entries[0].remedies[0];
    assert_eq!(dismissal.verdict, Verdict::NeedsInfo);
    assert_eq!(
        dismissal.deciding.iter().collect::<Vec<_>>(),
        vec![content.fact_id("judgment_date").unwrap()]
    );
}

#[test]
fn answers_are_checked_against_the_question() {
    let content = fixture();
    let mut i = Interview::new(&content, day(2026, 1, 1));
    assert!(i.answer(Slot::Known(Value::Date(day(2020, 1, 1)))).is_err());
    i.answer(Slot::Known(Value::Bool(false))).unwrap();
    i.answer(choice(&content, "outcome", "convicted")).unwrap();
    let err = i
        .answer(Slot::Known(Value::Date(day(2027, 1, 1))))
        .unwrap_err();
    assert_eq!(
        err,
        InputError::DateInFuture {
            date: day(2027, 1, 1),
            today: day(2026, 1, 1)
        }
    );
    assert_eq!(
        Strings::get(Lang::En).refusal(&err),
        "2027-01-01 is after today (2026-01-01). Check the year."
    );
    assert_eq!(
        asking_id(&i),
        "judgment_date",
        "a refused answer stays on the question"
    );
}

#[test]
fn going_back_a_section_and_forward_again_keeps_the_entries_as_they_were() {
    let content = fixture();
    let mut i = Interview::new(&content, day(2026, 1, 1));
    i.answer(Slot::Known(Value::Bool(false))).unwrap();
    i.answer(choice(&content, "outcome", "arrested")).unwrap();
    i.add_another(true);
    i.answer(choice(&content, "outcome", "arrested")).unwrap();
    assert_eq!(i.stage(), Stage::AddAnother);
    // Back into the first entry and forward through it: on to the second.
    assert!(i.back());
    assert!(i.back());
    assert_eq!(i.stage(), Stage::Entry(0));
    i.answer(choice(&content, "outcome", "arrested")).unwrap();
    assert_eq!(i.stage(), Stage::Entry(1));
    // Back to the person's question and forward: the first entry, no new one.
    assert!(i.back());
    assert!(i.back());
    assert_eq!(i.stage(), Stage::Person);
    i.answer(Slot::Known(Value::Bool(false))).unwrap();
    assert_eq!(i.stage(), Stage::Entry(0));
    assert_eq!(i.entry_count(), 2);
}

#[test]
fn resuming_drops_saved_answers_the_path_no_longer_asks() {
    let content = fixture();
    let mut person = Answers::new(content.facts.len());
    person.set(
        content.fact_id("on_probation").unwrap(),
        Slot::Known(Value::Bool(false)),
    );
    let mut case = Answers::new(content.facts.len());
    case.set(
        content.fact_id("outcome").unwrap(),
        choice(&content, "outcome", "arrested"),
    );
    let date = content.fact_id("judgment_date").unwrap();
    case.set(date, Slot::Known(Value::Date(day(2020, 1, 1))));
    let i = Interview::resume(
        &content,
        day(2026, 1, 1),
        clearpath::engine::Person::new(person, vec![case]),
    );
    assert_eq!(i.person().cases[0].get(date), &Slot::Missing);
    assert_eq!(i.stage(), Stage::Done);

    // Convicted, without the date: resumed at the date.
    let mut convicted = i.person().clone();
    convicted.cases[0].set(
        content.fact_id("outcome").unwrap(),
        choice(&content, "outcome", "convicted"),
    );
    let i = Interview::resume(&content, day(2026, 1, 1), convicted);
    assert_eq!(i.stage(), Stage::Entry(0));
    assert_eq!(asking_id(&i), "judgment_date");
}

/// The fixture with dismissal closed (not eligible) five years after the judgment,
/// before its one-year wait is looked at.
fn closing_after_five_years() -> Content {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/content");
    let mut sources = Sources::from_dir(&dir).unwrap();
    let remedies = sources
        .files
        .iter_mut()
        .find(|f| f.path.ends_with("remedies.ron"))
        .unwrap();
    let first = "        outcomes: [\n";
    let at = remedies.text.find(first).unwrap() + first.len();
    remedies.text.insert_str(
        at,
        "            (\n                when: Waited(\"judgment_date\", Years(5)),\n                status: NotEligible,\n                reason: \"Too late (Test Code § 1).\",\n            ),\n",
    );
    load(&sources).unwrap()
}

#[test]
fn a_not_eligible_that_comes_only_later_does_not_close_the_remedy_now() {
    let content = closing_after_five_years();
    let judged = |on: NaiveDate| {
        let mut i = Interview::new(&content, day(2026, 1, 1));
        i.answer(Slot::Known(Value::Bool(false))).unwrap();
        i.answer(choice(&content, "outcome", "convicted")).unwrap();
        i.answer(Slot::Known(Value::Date(on))).unwrap();
        i.add_another(false);
        remedy_verdicts(&content, &i)
    };
    // Two years after: the later closing does not count yet; the wait has passed.
    assert_eq!(
        judged(day(2024, 1, 1)),
        vec![("dismissal".into(), Verdict::Eligible, None)]
    );
    // Six years after: closed.
    assert_eq!(
        judged(day(2020, 1, 1)),
        vec![("dismissal".into(), Verdict::NotEligible, None)]
    );
}

#[test]
fn several_entries_and_removing_one() {
    let content = fixture();
    let mut i = Interview::new(&content, day(2026, 1, 1));
    i.answer(Slot::Known(Value::Bool(false))).unwrap();
    i.answer(choice(&content, "outcome", "arrested")).unwrap();
    i.add_another(true);
    assert_eq!(i.stage(), Stage::Entry(1));
    assert_eq!(i.asking().unwrap().entry, Some(1));
    i.answer(choice(&content, "outcome", "convicted")).unwrap();
    i.answer(Slot::Known(Value::Date(day(2019, 1, 1)))).unwrap();
    i.add_another(false);
    assert_eq!(i.results().entries.len(), 2);
    // An entry that is not there is not removed.
    i.remove_entry(2);
    assert_eq!(i.entry_count(), 2);
    i.remove_entry(0);
    assert_eq!(i.entry_count(), 1);
    assert_eq!(i.stage(), Stage::Done);
    assert_eq!(remedy_verdicts(&content, &i)[0].0, "dismissal");
}

/// One step a person might take.
#[derive(Debug, Clone)]
enum Step {
    /// Pick the n-th offered answer (modulo how many there are).
    Pick(usize),
    NotSure,
    Date(u16),
    Amount(u32),
    Back,
    Another(bool),
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        6 => any::<usize>().prop_map(Step::Pick),
        1 => Just(Step::NotSure),
        2 => (0u16..20_000).prop_map(Step::Date),
        1 => (0u32..5_000).prop_map(Step::Amount),
        2 => Just(Step::Back),
        1 => any::<bool>().prop_map(Step::Another),
    ]
}

fn take(i: &mut Interview, step: &Step) {
    let as_of = i.as_of();
    match step {
        Step::Back => {
            i.back();
        }
        Step::Another(yes) if i.stage() == Stage::AddAnother => {
            i.add_another(*yes && i.entry_count() < 4)
        }
        _ if i.stage() == Stage::AddAnother => i.add_another(false),
        _ => {
            let Some(a) = i.asking() else { return };
            let slot = match (step, &a.question.answers) {
                (Step::NotSure, _) => Slot::NotSure,
                (Step::Date(d), AnswerKind::Date) => {
                    Slot::Known(Value::Date(as_of - chrono::Days::new(u64::from(*d))))
                }
                (Step::Amount(n), AnswerKind::Money) => {
                    Slot::Known(Value::Money(u64::from(*n) * 100))
                }
                (Step::Amount(n), AnswerKind::Number) => Slot::Known(Value::Number(*n)),
                (_, AnswerKind::Text) => Slot::Known(Value::Text("Fresno".into())),
                (_, AnswerKind::Date) => Slot::Known(Value::Date(as_of)),
                (_, AnswerKind::Money) => Slot::Known(Value::Money(0)),
                (_, AnswerKind::Number) => Slot::Known(Value::Number(1)),
                (Step::Pick(n), _) => {
                    let opts = listed(a.question);
                    opts[n % opts.len()].clone()
                }
                _ => listed(a.question)[0].clone(),
            };
            // "Not sure" is refused where it is not offered; that must not break anything.
            let _ = i.answer(slot);
        }
    }
}

/// Every answer held is for a question on the person's current route.
fn only_answers_on_the_route(i: &Interview) -> Result<(), TestCaseError> {
    let content = i.content();
    let scopes = std::iter::once(None).chain((0..i.entry_count()).map(Some));
    for entry in scopes {
        let answers = match entry {
            None => &i.person().person,
            Some(e) => &i.person().cases[e],
        };
        let held: Vec<_> = answers.answered().map(|(f, _)| f).collect();
        let on_route: Vec<_> = i
            .answered(entry)
            .into_iter()
            .map(|(q, _)| content.questions[q].fact)
            .collect();
        for f in &held {
            // Where an entry's answers came from ends every route: it is kept while a
            // change asks something new and the route stops short of it.
            let kept = content.fact(*f).name == clearpath::content::ANSWERS_FROM
                && i.stage() != Stage::Done;
            prop_assert!(
                kept || on_route.contains(f),
                "entry {entry:?} holds an answer to \"{}\", which is off the route",
                content.fact(*f).name
            );
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn random_answers_always_reach_results(steps in prop::collection::vec(step(), 0..120)) {
        let content = Content::built_in().unwrap();
        let mut i = Interview::new(&content, day(2026, 11, 25));
        for s in &steps {
            take(&mut i, s);
            only_answers_on_the_route(&i)?;
        }
        // Then finish: first answer everywhere, no more entries.
        let mut guard = 0;
        while i.stage() != Stage::Done {
            take(&mut i, &Step::Pick(0));
            guard += 1;
            prop_assert!(guard < 200, "the interview never ended");
        }
        only_answers_on_the_route(&i)?;
        let results = i.results();
        prop_assert_eq!(results.entries.len(), i.entry_count());
        for entry in &results.entries {
            prop_assert!(!entry.remedies.is_empty(), "an entry reached results with no remedy");
        }
    }
}

#[test]
fn switching_language_keeps_every_answer_and_the_place() {
    let en = Content::built_in().unwrap();
    let es = Content::built_in_in(clearpath::content::Lang::Es).unwrap();
    let mut i = Interview::new(&en, day(2026, 11, 25));
    for _ in 0..6 {
        take(&mut i, &Step::Pick(1));
    }
    let switched = i.in_content(&es).expect("same questions in both languages");
    assert_eq!(switched.person(), i.person());
    assert_eq!(switched.stage(), i.stage());
    assert_eq!(
        switched.asking().map(|a| a.index),
        i.asking().map(|a| a.index)
    );
    let fixture = fixture();
    assert!(
        i.in_content(&fixture).is_none(),
        "different content is refused"
    );
}

#[test]
fn answers_need_no_accents() {
    use clearpath::content::Lang;
    use clearpath::engine::input::parse_answer;
    let es = Content::built_in_in(clearpath::content::Lang::Es).unwrap();
    let citizen = es
        .questions
        .iter()
        .find(|q| q.source.id == "citizen")
        .unwrap();
    for typed in ["si", "Sí", "SI", "sí"] {
        assert_eq!(
            parse_answer(&citizen.source, typed, Lang::Es).unwrap(),
            Slot::Known(Value::Choice(0)),
            "{typed:?}"
        );
    }
    assert_eq!(
        parse_answer(&citizen.source, "prefiero", Lang::Es).unwrap(),
        Slot::Known(Value::Choice(2))
    );
    // A number as the list shows it, "2.", is the number.
    for typed in ["2", "2.", "2)", " 2. "] {
        assert_eq!(
            parse_answer(&citizen.source, typed, Lang::Es).unwrap(),
            Slot::Known(Value::Choice(1)),
            "{typed:?}"
        );
    }
}

#[test]
fn a_probation_cannot_end_before_the_sentence() {
    for lang in [clearpath::content::Lang::En, clearpath::content::Lang::Es] {
        let content = Content::built_in_in(lang).unwrap();
        let mut i = Interview::new(&content, day(2026, 11, 25));
        let mut refused = None;
        for _ in 0..40 {
            let Some(asking) = i.asking() else { break };
            let id = asking.question.id.clone();
            let slot = match id.as_str() {
                "outcome" => Slot::Known(Value::Choice(0)),
                "level" => Slot::Known(Value::Choice(1)),
                "judgment_date" => Slot::Known(Value::Date(day(2019, 3, 15))),
                "sentence" => Slot::Known(Value::Choice(0)),
                "probation_status" => Slot::Known(Value::Choice(0)),
                "probation_end" => {
                    refused = Some(i.answer(Slot::Known(Value::Date(day(2018, 1, 1)))));
                    assert_eq!(asking_id(&i), "probation_end", "still asked");
                    Slot::Known(Value::Date(day(2020, 3, 15)))
                }
                _ => match &asking.question.answers {
                    AnswerKind::YesNo => Slot::Known(Value::Bool(false)),
                    AnswerKind::Text => Slot::Known(Value::Text("Fresno".into())),
                    AnswerKind::Date => Slot::Known(Value::Date(day(2019, 3, 15))),
                    _ => Slot::Known(Value::Choice(0)),
                },
            };
            i.answer(slot).unwrap();
        }
        let message = refused.expect("the probation end was asked").unwrap_err();
        let expected = match lang {
            clearpath::content::Lang::En => {
                "2018-01-01 is before 2019-03-15, a date you gave earlier for this case. Check the year."
            }
            clearpath::content::Lang::Es => {
                "2018-01-01 es anterior a 2019-03-15, una fecha que usted dio antes para este caso. Revise el año."
            }
        };
        assert_eq!(Strings::get(lang).refusal(&message), expected);
    }
}

fn referral_ids(content: &Content, i: &Interview) -> Vec<String> {
    i.results()
        .referrals
        .iter()
        .map(|r| content.referrals[*r].source.id.clone())
        .collect()
}

#[test]
fn questions_not_reached_are_not_reasons_to_see_a_lawyer() {
    let content = Content::built_in().unwrap();
    let mut i = Interview::new(&content, day(2026, 11, 25));
    assert!(
        referral_ids(&content, &i).is_empty(),
        "nothing answered yet"
    );
    // Not in custody, not on supervision; the interview stops there.
    i.answer(Slot::Known(Value::Bool(false))).unwrap();
    i.answer(Slot::Known(Value::Bool(false))).unwrap();
    assert!(
        referral_ids(&content, &i).is_empty(),
        "{:?}",
        referral_ids(&content, &i)
    );
}

#[test]
fn a_not_sure_answer_still_refers_where_the_rules_say() {
    let content = Content::built_in().unwrap();
    let mut i = Interview::new(&content, day(2026, 11, 25));
    i.answer(Slot::Known(Value::Bool(false))).unwrap();
    i.answer(Slot::NotSure).unwrap();
    assert_eq!(referral_ids(&content, &i), vec!["blocked".to_string()]);
}

#[test]
fn an_entry_with_no_answers_lists_no_remedy() {
    let content = Content::built_in().unwrap();
    let mut i = Interview::new(&content, day(2026, 11, 25));
    while i.stage() == Stage::Person {
        let no = match &i.asking().unwrap().question.answers {
            AnswerKind::YesNo => Slot::Known(Value::Bool(false)),
            _ => choice(&content, "citizen", "yes"),
        };
        i.answer(no).unwrap();
    }
    assert_eq!(i.stage(), Stage::Entry(0));
    let results = i.results();
    assert!(results.entries[0].remedies.is_empty(), "{results:?}");
    // Convicted, and nothing more yet: what that answer opens needs more information.
    i.answer(Slot::Known(Value::Text("Fresno".into()))).unwrap();
    i.answer(choice(&content, "outcome", "convicted")).unwrap();
    let listed = remedy_verdicts(&content, &i);
    assert!(
        listed
            .iter()
            .any(|(id, v, _)| id == "pc_1203_425" && *v == Verdict::NeedsInfo),
        "{listed:?}"
    );
}

#[test]
fn an_entry_still_on_probation_settles_an_unsure_answer_about_supervision() {
    let content = Content::built_in().unwrap();
    let mut i = Interview::new(&content, day(2026, 11, 25));
    let supervised = content.fact_id("supervised").unwrap();
    while i.stage() == Stage::Person {
        let id = i.asking().unwrap().question.id.clone();
        let slot = match id.as_str() {
            "supervised" => Slot::NotSure,
            "citizen" => choice(&content, "citizen", "yes"),
            _ => Slot::Known(Value::Bool(false)),
        };
        i.answer(slot).unwrap();
    }
    for slot in [
        Slot::Known(Value::Text("Fresno".into())),
        choice(&content, "outcome", "convicted"),
        choice(&content, "level", "misdemeanor"),
        Slot::NotSure,
        choice(&content, "already_reduced", "no"),
        choice(&content, "offense", "other"),
        Slot::Known(Value::Date(day(2025, 6, 1))),
        Slot::Known(Value::Bool(false)),
        choice(&content, "relief_granted", "none"),
        choice(&content, "sentence", "probation"),
        choice(&content, "probation_status", "ongoing"),
        Slot::Known(Value::Number(36)),
        Slot::Known(Value::Bool(false)),
        choice(&content, "answers_from", "court_papers"),
    ] {
        i.answer(slot).unwrap();
    }
    assert_eq!(i.stage(), Stage::AddAnother);
    let results = i.results();
    let clean_slate = results.entries[0]
        .remedies
        .iter()
        .find(|r| content.remedies[r.remedy].source.id == "pc_1203_425")
        .unwrap();
    // Not "needs more information" about supervision: the entry settles it, and the
    // relief waits for the probation's end.
    assert_eq!(clean_slate.verdict, Verdict::Eligible);
    assert_eq!(clean_slate.from, Some(day(2028, 6, 1)));
    assert!(
        clean_slate
            .reason(&content)
            .unwrap()
            .contains("If you complete probation without it being revoked"),
        "{:?}",
        clean_slate.reason(&content)
    );
    // The person's own answer is kept as given.
    assert_eq!(i.person().person.get(supervised), &Slot::NotSure);
    assert!(results.unsure.contains(&(None, supervised)));
    assert_eq!(referral_ids(&content, &i), vec!["blocked".to_string()]);
}

#[test]
fn another_language_must_have_the_same_facts_and_questions() {
    let content = fixture();
    let i = Interview::new(&content, day(2026, 1, 1));
    assert!(i.in_content(&fixture()).is_some());
    let mut more_facts = fixture();
    more_facts.facts.push(more_facts.facts[0].clone());
    assert!(i.in_content(&more_facts).is_none(), "a fact more");
    let mut more_questions = fixture();
    more_questions
        .questions
        .push(more_questions.questions[0].clone());
    assert!(i.in_content(&more_questions).is_none(), "a question more");
    let mut renamed = fixture();
    renamed.questions[1].source.id = "other".into();
    assert!(i.in_content(&renamed).is_none(), "a question renamed");
    let mut moved = fixture();
    moved.questions[1].fact = moved.questions[2].fact;
    assert!(
        i.in_content(&moved).is_none(),
        "a question setting another fact"
    );
}

#[test]
fn the_date_and_whether_anything_was_answered() {
    let content = fixture();
    let mut i = Interview::new(&content, day(2026, 1, 1));
    assert_eq!(i.as_of(), day(2026, 1, 1));
    assert!(!i.has_answers());
    i.answer(Slot::Known(Value::Bool(false))).unwrap();
    assert!(i.has_answers(), "the person's answers count");
    // Saved answers about an entry alone count too.
    let mut person = i.person().clone();
    person.person = Answers::new(content.facts.len());
    person.cases[0].set(
        content.fact_id("outcome").unwrap(),
        choice(&content, "outcome", "arrested"),
    );
    let resumed = Interview::resume(&content, day(2026, 1, 1), person);
    assert!(resumed.has_answers());
}

#[test]
fn questions_are_numbered_from_one_with_a_count_of_those_left() {
    let content = Content::built_in().unwrap();
    let mut i = Interview::new(&content, day(2026, 11, 25));
    assert_eq!(i.asking().unwrap().number, 1);
    take(&mut i, &Step::Pick(1));
    let a = i.asking().unwrap();
    assert_eq!(a.number, 2);
    assert!(content.remaining[a.index] >= 2);
    assert_eq!(a.about, 1 + content.remaining[a.index]);
}

#[test]
fn not_sure_only_where_offered_and_choices_only_from_the_list() {
    let mut content = fixture();
    content.questions[0].source.not_sure = false;
    let mut i = Interview::new(&content, day(2026, 1, 1));
    assert_eq!(i.answer(Slot::NotSure), Err(InputError::NotSureNotOffered));
    i.answer(Slot::Known(Value::Bool(false))).unwrap();
    assert_eq!(
        i.answer(Slot::Known(Value::Choice(2))),
        Err(InputError::WrongKind),
        "outcome has two choices"
    );
    i.answer(Slot::Known(Value::Choice(1))).unwrap();
    assert_eq!(i.stage(), Stage::AddAnother);
}

#[test]
fn a_route_that_loops_stops_instead_of_running_forever() {
    // The checker refuses such content; the interview still must not hang on it.
    let mut content = fixture();
    let outcome = content.fact_id("outcome").unwrap();
    let back = content
        .questions
        .iter()
        .position(|q| q.fact == outcome)
        .unwrap();
    let date = content.fact_id("judgment_date").unwrap();
    let last = content
        .questions
        .iter()
        .position(|q| q.fact == date)
        .unwrap();
    content.questions[last].next = vec![(None, Target::Question(back))];
    let mut i = Interview::new(&content, day(2026, 1, 1));
    i.answer(Slot::Known(Value::Bool(false))).unwrap();
    i.answer(choice(&content, "outcome", "convicted")).unwrap();
    i.answer(Slot::Known(Value::Date(day(2025, 1, 1)))).unwrap();
    assert!(i.asking().is_none());
    assert_eq!(i.stage(), Stage::Entry(0), "the section never completes");
}

/// Answers each question from `given` by its id (a choice by value, a date, yes/no),
/// and every other with its first answer, until `stop` is asked or the entry ends.
fn answer_until(content: &Content, i: &mut Interview, given: &[(&str, &str)], stop: &str) {
    for _ in 0..60 {
        let Some(asking) = i.asking() else { return };
        let id = asking.question.id.clone();
        if id == stop {
            return;
        }
        let slot = match given.iter().find(|(q, _)| *q == id) {
            Some((_, v)) => match &asking.question.answers {
                AnswerKind::Date => Slot::Known(Value::Date(v.parse().unwrap())),
                AnswerKind::YesNo => Slot::Known(Value::Bool(*v == "yes")),
                AnswerKind::Text => Slot::Known(Value::Text(v.to_string())),
                _ => choice(
                    content,
                    content
                        .fact(content.questions[asking.index].fact)
                        .name
                        .as_str(),
                    v,
                ),
            },
            None => match &asking.question.answers {
                AnswerKind::YesNo => Slot::Known(Value::Bool(false)),
                AnswerKind::Text => Slot::Known(Value::Text("Fresno".into())),
                AnswerKind::Date => Slot::Known(Value::Date(day(2019, 3, 15))),
                _ => Slot::Known(Value::Choice(0)),
            },
        };
        i.answer(slot).unwrap_or_else(|e| panic!("{id}: {e}"));
    }
}

#[test]
fn answers_that_cannot_be_true_together_are_refused_where_typed() {
    for lang in [clearpath::content::Lang::En, clearpath::content::Lang::Es] {
        let content = Content::built_in_in(lang).unwrap();
        let words = Strings::get(lang);
        let mut i = Interview::new(&content, day(2026, 11, 25));
        let felony_2009 = [
            ("outcome", "convicted"),
            ("level", "felony"),
            ("wobbler", "no"),
            ("offense", "other"),
            ("judgment_date", "2009-08-20"),
        ];
        answer_until(&content, &mut i, &felony_2009, "sentence");

        // An 1170(h) county-jail term before realignment began: refused, still asked.
        let refused = i
            .answer(choice(&content, "sentence", "county_jail"))
            .unwrap_err();
        assert!(matches!(refused, InputError::Impossible { .. }));
        let said = words.refusal_in(&content, &refused);
        let date = match lang {
            clearpath::content::Lang::En => "October 1, 2011",
            clearpath::content::Lang::Es => "1 de octubre de 2011",
        };
        assert!(said.contains(date), "{said}");
        assert_eq!(asking_id(&i), "sentence");

        // Said the other way: jail with no probation, then that it was 1170(h).
        i.answer(choice(&content, "sentence", "no_probation"))
            .unwrap();
        assert_eq!(asking_id(&i), "felony_jail");
        assert!(
            i.answer(choice(&content, "felony_jail", "county_jail"))
                .is_err()
        );
        assert_eq!(asking_id(&i), "felony_jail");
        i.answer(choice(&content, "felony_jail", "probation"))
            .unwrap();
        assert_eq!(asking_id(&i), "probation_status");
    }
}

#[test]
fn a_dui_section_for_an_infraction_is_refused_where_typed_and_so_is_the_offense() {
    let content = Content::built_in().unwrap();
    let words = Strings::get(Lang::En);
    let mut i = Interview::new(&content, day(2026, 11, 25));
    let infraction = [("outcome", "convicted"), ("level", "infraction")];
    answer_until(&content, &mut i, &infraction, "code_section");

    // The section answers the offense question, so the contradiction is caught here.
    let refused = i
        .answer(Slot::Known(Value::Text("VC 23152(a)".into())))
        .unwrap_err();
    assert!(words.refusal(&refused).contains("VC 23536"), "{refused:?}");
    assert_eq!(asking_id(&i), "code_section");
    let offense = content.fact_id("offense").unwrap();
    assert_eq!(i.person().cases[0].get(offense), &Slot::Missing);

    // Answered by hand, the same offense is refused at its own question.
    i.answer(Slot::NotSure).unwrap();
    assert_eq!(asking_id(&i), "offense");
    assert!(i.answer(choice(&content, "offense", "driving")).is_err());
    assert_eq!(asking_id(&i), "offense");
    i.answer(choice(&content, "offense", "other")).unwrap();

    // A section that is no crime of driving goes on as before.
    let mut i = Interview::new(&content, day(2026, 11, 25));
    answer_until(&content, &mut i, &infraction, "code_section");
    i.answer(Slot::Known(Value::Text("PC 415".into()))).unwrap();
    assert_ne!(asking_id(&i), "code_section");
}

#[test]
fn a_prison_sentence_for_a_misdemeanor_never_reduced_is_refused_where_typed() {
    let content = Content::built_in().unwrap();
    let words = Strings::get(Lang::En);
    let misdemeanor = |reduced: &'static str| {
        [
            ("outcome", "convicted"),
            ("level", "misdemeanor"),
            ("code_section", "not sure"),
            ("already_reduced", reduced),
            ("offense", "other"),
            ("judgment_date", "2015-01-01"),
            ("relief_granted", "none"),
        ]
    };
    for sentence in ["state_prison", "county_jail"] {
        let mut i = Interview::new(&content, day(2026, 11, 25));
        answer_until(&content, &mut i, &misdemeanor("no"), "sentence");
        let refused = i
            .answer(choice(&content, "sentence", sentence))
            .unwrap_err();
        assert!(words.refusal(&refused).contains("PC 17(a)"), "{refused:?}");
        assert_eq!(asking_id(&i), "sentence");
    }

    // A felony sent to prison and redesignated under Prop 47 is a misdemeanor now.
    let mut i = Interview::new(&content, day(2026, 11, 25));
    answer_until(&content, &mut i, &misdemeanor("prop_47"), "sentence");
    i.answer(choice(&content, "sentence", "state_prison"))
        .unwrap();
    assert_eq!(asking_id(&i), "fire_camp");
}

#[test]
fn an_earlier_answer_cannot_be_changed_into_a_contradiction() {
    let content = Content::built_in().unwrap();
    let mut i = Interview::new(&content, day(2026, 11, 25));
    let county_jail = [
        ("outcome", "convicted"),
        ("level", "felony"),
        ("wobbler", "no"),
        ("offense", "other"),
        ("judgment_date", "2015-01-01"),
        ("sentence", "county_jail"),
    ];
    answer_until(&content, &mut i, &county_jail, "release_end");
    let judgment = content
        .questions
        .iter()
        .position(|q| q.source.id == "judgment_date")
        .unwrap();
    assert!(i.edit(Some(0), judgment));
    let refused = i
        .answer(Slot::Known(Value::Date(day(2009, 8, 20))))
        .unwrap_err();
    assert!(
        Strings::get(Lang::En)
            .refusal(&refused)
            .contains("began on October 1, 2011")
    );
    let judgment_fact = content.fact_id("judgment_date").unwrap();
    assert_eq!(
        i.person().cases[0].get(judgment_fact),
        &Slot::Known(Value::Date(day(2015, 1, 1))),
        "the 2015 answer stands"
    );
}

fn fact_answer(content: &Content, i: &Interview, entry: usize, fact: &str) -> Slot {
    i.person().cases[entry]
        .get(content.fact_id(fact).unwrap())
        .clone()
}

#[test]
fn a_code_section_answers_the_questions_it_settles_and_the_review_says_so() {
    let content = Content::built_in().unwrap();
    let mut i = Interview::new(&content, day(2026, 11, 25));
    let grand_theft = [
        ("outcome", "convicted"),
        ("level", "felony"),
        ("code_section", "487(a) PC"),
    ];
    answer_until(&content, &mut i, &grand_theft, "value");
    // PC 487 is a wobbler and a theft: neither question was asked.
    assert_eq!(asking_id(&i), "value");
    assert_eq!(
        fact_answer(&content, &i, 0, "wobbler"),
        Slot::Known(Value::Bool(true))
    );
    assert_eq!(
        fact_answer(&content, &i, 0, "offense"),
        choice(&content, "offense", "theft")
    );
    let offense = content.question_index("offense").unwrap();
    let shown: Vec<String> = i
        .answered(Some(0))
        .iter()
        .filter(|(q, _)| *q == offense)
        .map(|(q, slot)| clearpath::report::review_answer(&i, Some(0), *q, slot))
        .collect();
    assert_eq!(shown.len(), 1, "the review lists the offense");
    assert!(shown[0].ends_with("(from PC 487)"), "{}", shown[0]);

    // Changing it from the review opens the code section, and "not sure" then asks
    // both questions, with nothing left from the section looking typed.
    assert!(i.edit(Some(0), offense));
    assert_eq!(asking_id(&i), "code_section");
    i.answer(Slot::NotSure).unwrap();
    assert_eq!(asking_id(&i), "wobbler");
    assert_eq!(fact_answer(&content, &i, 0, "wobbler"), Slot::Missing);
    assert_eq!(fact_answer(&content, &i, 0, "offense"), Slot::Missing);
    i.answer(Slot::Known(Value::Bool(true))).unwrap();
    assert_eq!(asking_id(&i), "offense");
}

#[test]
fn a_section_not_in_the_table_or_an_attempt_settles_nothing() {
    let content = Content::built_in().unwrap();
    for typed in ["PC 459", "PC 664/487", "shoplifting"] {
        let mut i = Interview::new(&content, day(2026, 11, 25));
        let given = [
            ("outcome", "convicted"),
            ("level", "felony"),
            ("code_section", typed),
        ];
        answer_until(&content, &mut i, &given, "wobbler");
        assert_eq!(asking_id(&i), "wobbler", "{typed}");
        i.answer(Slot::Known(Value::Bool(true))).unwrap();
        assert_eq!(asking_id(&i), "offense", "{typed}");
    }
}

#[test]
fn a_misdemeanor_keeps_no_answer_its_section_gives_only_about_felonies() {
    let content = Content::built_in().unwrap();
    let mut i = Interview::new(&content, day(2026, 11, 25));
    let given = [
        ("outcome", "convicted"),
        ("level", "misdemeanor"),
        ("code_section", "PC 487"),
        ("already_reduced", "no"),
    ];
    answer_until(&content, &mut i, &given, "judgment_date");
    assert_eq!(asking_id(&i), "judgment_date");
    // Whether it is a wobbler is asked only of felonies; 851.93's wait only of arrests.
    answer_until(&content, &mut i, &[], "none");
    assert_eq!(i.stage(), Stage::AddAnother);
    assert_eq!(fact_answer(&content, &i, 0, "wobbler"), Slot::Missing);
    assert_eq!(
        fact_answer(&content, &i, 0, "arrest_8_years"),
        Slot::Missing
    );
    assert_eq!(
        fact_answer(&content, &i, 0, "offense"),
        choice(&content, "offense", "theft")
    );
}

#[test]
fn an_arrest_section_settles_how_long_automatic_arrest_relief_waits() {
    let content = Content::built_in().unwrap();
    for (typed, years) in [("PC 215", 6), ("HS 11350(a)", 3)] {
        let mut i = Interview::new(&content, day(2026, 11, 25));
        let given = [
            ("outcome", "no_charges"),
            ("arrest_date", "2024-05-05"),
            ("arrest_relief_granted", "none"),
            ("arrest_level", "felony"),
            ("code_section", typed),
        ];
        answer_until(&content, &mut i, &given, "can_be_charged");
        assert_eq!(asking_id(&i), "can_be_charged", "{typed}");
        let slot = fact_answer(&content, &i, 0, "arrest_8_years");
        assert_eq!(slot, Slot::Known(Value::Bool(years == 6)), "{typed}");
        let (_, verdict, from) = remedy_verdicts(&content, &i)
            .into_iter()
            .find(|(id, _, _)| id == "pc_851_93")
            .unwrap();
        assert_ne!(verdict, Verdict::NotEligible, "{typed}");
        assert_eq!(from, Some(day(2024 + years, 5, 5)), "{typed}");
    }
}

#[test]
fn a_county_is_kept_by_its_name_and_one_outside_california_is_refused_in_place() {
    let content = Content::built_in().unwrap();
    let words = Strings::get(Lang::En);
    let mut i = Interview::new(&content, day(2026, 11, 25));
    answer_until(&content, &mut i, &[], "county");
    let county = content.fact_id("county").unwrap();

    let near = i
        .answer(Slot::Known(Value::Text("Alamda".into())))
        .unwrap_err();
    assert_eq!(
        words.refusal(&near),
        "\"Alamda\" is not a California county. Did you mean Alameda?"
    );
    let elsewhere = i
        .answer(Slot::Known(Value::Text("Cook County".into())))
        .unwrap_err();
    assert!(
        words
            .refusal(&elsewhere)
            .contains("is not a California case"),
        "{elsewhere:?}"
    );
    assert_eq!(asking_id(&i), "county");
    assert_eq!(i.person().cases[0].get(county), &Slot::Missing);

    i.answer(Slot::Known(Value::Text("condado de los ángeles".into())))
        .unwrap();
    assert_eq!(
        i.person().cases[0].get(county),
        &Slot::Known(Value::Text("Los Angeles".into()))
    );
    assert_eq!(asking_id(&i), "outcome");
}

#[test]
fn a_county_saved_before_counties_were_checked_shows_as_to_check() {
    let content = Content::built_in().unwrap();
    let county = content.fact_id("county").unwrap();
    let shown = |typed: &str| {
        clearpath::report::answer_text(&content, county, &Slot::Known(Value::Text(typed.into())))
    };
    assert_eq!(
        shown("Springfield"),
        "Springfield (to check: not a California county)"
    );
    assert_eq!(shown("Fresno"), "Fresno");
}
