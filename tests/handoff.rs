//! The hand-off code: every answer, in a code short enough to copy by hand, read back
//! the same; a typo found where it is; a code for other questions never misread.

mod common;

use chrono::NaiveDate;
use clearpath::casefile::{Syntax, parse};
use clearpath::content::Content;
use clearpath::content::model::AnswerKind;
use clearpath::engine::handoff::symbols::Mistake;
use clearpath::engine::handoff::{DecodeError, decode, encode};
use clearpath::engine::{Interview, Person, Slot, Stage, Value};
use common::{CONTENT, EXAMPLES, as_of};

/// An example's answers as the interview keeps them.
fn example(name: &str) -> Person {
    let path = format!("{}/examples/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(path).unwrap();
    let file = parse(&CONTENT, &text, Syntax::detect(name, &text)).unwrap();
    let interview = Interview::resume(&CONTENT, as_of(), file.person);
    assert_eq!(
        interview.stage(),
        Stage::Done,
        "{name} answers every question"
    );
    common::as_carried(interview.person())
}

fn round_trip(content: &Content, person: &Person) -> String {
    let code = encode(content, person, as_of()).unwrap();
    let decoded = decode(content, &code, as_of()).unwrap();
    assert!(!decoded.other_rules);
    assert_eq!(decoded.interview.stage(), Stage::Done);
    assert_eq!(decoded.interview.person(), person, "{code}");
    code
}

#[test]
fn every_example_comes_back_from_its_code_with_every_answer() {
    for name in EXAMPLES {
        let code = round_trip(&CONTENT, &example(name));
        println!("{name}: {code} ({} characters)", code.len());
    }
    let three = encode(&CONTENT, &example("three-entries.json"), as_of()).unwrap();
    assert!(three.len() < 40, "{three} is {} characters", three.len());
}

#[test]
fn an_end_date_is_counted_from_the_judgment_in_years_months_or_days() {
    let ended = CONTENT.fact_id("sentence_end").unwrap();
    let judged = CONTENT.fact_id("judgment_date").unwrap();
    let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    let code_for = |judgment: NaiveDate, end: Slot| {
        let mut person = example("three-entries.json");
        person.cases[0].set(judged, Slot::Known(Value::Date(judgment)));
        person.cases[0].set(ended, end);
        round_trip(&CONTENT, &person).len()
    };
    let on = |d: NaiveDate| Slot::Known(Value::Date(d));
    let judgment = date(2018, 1, 10);
    let years = code_for(judgment, on(date(2021, 1, 10)));
    let months = code_for(judgment, on(date(2019, 7, 10)));
    let days = code_for(judgment, on(date(2019, 7, 11)));
    assert!(years < days && months <= days, "{years} {months} {days}");
    // The day itself, today, "not sure"; a month's end and a leap day, which a month
    // or a year after lands on the end of a shorter month; before 1970.
    for (judgment, end) in [
        (judgment, on(judgment)),
        (judgment, on(as_of())),
        (judgment, Slot::NotSure),
        (date(2020, 1, 31), on(date(2020, 2, 29))),
        (date(2020, 1, 31), on(date(2020, 3, 1))),
        (date(2020, 2, 29), on(date(2021, 2, 28))),
        (date(2020, 2, 29), on(date(2024, 2, 29))),
        (date(1961, 6, 1), on(date(1969, 12, 31))),
    ] {
        code_for(judgment, end);
    }
    // An end before the judgment is refused by the interview, and so by the code.
    let mut person = example("three-entries.json");
    person.cases[0].set(ended, on(date(2017, 1, 10)));
    assert!(matches!(
        encode(&CONTENT, &person, as_of()),
        Err(clearpath::engine::handoff::EncodeError::Refused { .. })
    ));
}

#[test]
fn a_typo_anywhere_is_refused_with_its_place_and_case_or_hyphens_do_not_matter() {
    let code = encode(&CONTENT, &example("three-entries.json"), as_of()).unwrap();
    let plain: Vec<char> = code.chars().filter(|c| *c != '-').collect();
    let sloppy = plain.iter().collect::<String>().to_lowercase();
    assert!(decode(&CONTENT, &sloppy, as_of()).is_ok());
    for place in 0..plain.len() {
        let mut typed = plain.clone();
        typed[place] = if typed[place] == 'X' { 'Y' } else { 'X' };
        let typed: String = typed.into_iter().collect();
        match decode(&CONTENT, &typed, as_of()) {
            Err(DecodeError::Mistyped(Mistake::Typo { places, .. })) => {
                assert!(places.contains(&(place + 1)), "{typed}: {places:?}")
            }
            other => panic!("{typed}: {:?}", other.map(|d| d.other_rules)),
        }
    }
    // A character missing or extra is not a typo at some place.
    let short: String = plain[..plain.len() - 1].iter().collect();
    let long: String = plain.iter().chain(&['7']).collect();
    for typed in [short, long] {
        assert_eq!(
            decode(&CONTENT, &typed, as_of()).err(),
            Some(DecodeError::Mistyped(Mistake::SeveralTypos)),
            "{typed}"
        );
    }
    assert!(matches!(
        decode(&CONTENT, "8XE2U-XAVC", as_of()),
        Err(DecodeError::Mistyped(Mistake::NotInCodes {
            place: 5,
            found: 'U'
        }))
    ));
}

#[test]
fn a_code_made_under_other_rules_opens_with_a_warning_and_other_questions_never_open() {
    let person = example("three-entries.json");
    let mut older = Content::built_in().unwrap();
    older.meta.rules_version = "2025.1".into();
    let code = encode(&older, &person, as_of()).unwrap();
    let decoded = decode(&CONTENT, &code, as_of()).unwrap();
    assert!(decoded.other_rules);
    assert_eq!(decoded.interview.person(), &person);

    // An interview that takes one more answer to a question reads the digits otherwise.
    let mut other = Content::built_in().unwrap();
    let level = other
        .questions
        .iter_mut()
        .find(|q| q.source.id == "level")
        .unwrap();
    let AnswerKind::Choice(choices) = &mut level.source.answers else {
        panic!("level is a choice")
    };
    choices.push(("infraction_or_less".into(), "Less".into()));
    let code = encode(&other, &person, as_of()).unwrap();
    assert!(decode(&CONTENT, &code, as_of()).is_err(), "{code}");
}

#[test]
fn a_section_is_held_as_written_and_words_typed_for_one_come_back_as_not_sure() {
    let section = |typed: &str| {
        let mut person = example("probation-misdemeanor.ron");
        let fact = CONTENT.fact_id("code_section").unwrap();
        person.cases[0].set(fact, Slot::Known(Value::Text(typed.into())));
        let code = encode(&CONTENT, &person, as_of()).unwrap();
        let decoded = decode(&CONTENT, &code, as_of()).unwrap();
        let back = decoded.interview.person().cases[0].get(fact).clone();
        (back, decoded.sections_not_carried)
    };
    let text = |t: &str| Slot::Known(Value::Text(t.into()));
    for (typed, kept) in [
        ("PC 484", "PC 484"),
        ("PC 647(f)", "PC 647(f)"),
        ("PC 242", "PC 242"),
        ("PC 273.5(a)(1)", "PC 273.5(a)(1)"),
        ("PC 664/211", "PC 664/211"),
        ("VC 14601.1(a)", "VC 14601.1(a)"),
        ("PC 1320(aa)", "PC 1320(aa)"),
    ] {
        assert_eq!(section(typed), (text(kept), vec![]), "{typed}");
    }
    assert_eq!(section("disturbing the peace"), (Slot::NotSure, vec![0]));
    for s in &CONTENT.sections.sections {
        let (code, number, attempt) = clearpath::content::sections::standard_form(&s.code).unwrap();
        let written = clearpath::content::sections::written(code, &number, attempt);
        assert_eq!(
            written, s.code,
            "the table writes sections in their standard form"
        );
    }
}

/// A small deterministic random source, so a failing case can be replayed by its seed.
struct Dice(u64);

impl Dice {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

/// Some answer to `q`, of any kind the question takes: "not sure" now and then, any
/// choice, any date the interview takes, any county, and code sections of every form.
fn any_answer(
    dice: &mut Dice,
    q: &clearpath::content::QuestionDef,
    tries: u32,
    last_date: Option<NaiveDate>,
) -> Slot {
    if q.source.not_sure && (dice.below(8) == 0 || tries > 20) {
        return Slot::NotSure;
    }
    let day = |d: &mut Dice| {
        let first = NaiveDate::from_ymd_opt(1955, 1, 1).unwrap();
        first + chrono::Days::new(d.below((as_of() - first).num_days() as u64 + 1))
    };
    Slot::Known(match &q.source.answers {
        AnswerKind::YesNo => Value::Bool(dice.below(2) == 1),
        AnswerKind::Choice(c) => Value::Choice(dice.below(c.len() as u64) as u16),
        AnswerKind::Date if tries > 20 => Value::Date(as_of()),
        // Now and then whole years or months after an earlier date, as a probation's
        // end often is, when the question cannot precede one.
        AnswerKind::Date => match (last_date, dice.below(3)) {
            (Some(from), 0) => Value::Date(from + chrono::Months::new(12 * dice.below(8) as u32)),
            (Some(from), 1) => Value::Date(from + chrono::Months::new(dice.below(60) as u32)),
            _ => Value::Date(day(dice)),
        },
        AnswerKind::Money => Value::Money(dice.below(10_000_000)),
        AnswerKind::Number | AnswerKind::Months => Value::Number(1 + dice.below(600) as u32),
        AnswerKind::Text if Some(q.fact) == CONTENT.counties.fact => {
            let names = &CONTENT.counties.names;
            Value::Text(names[dice.below(names.len() as u64) as usize].clone())
        }
        AnswerKind::Text => {
            let table = &CONTENT.sections.sections;
            let listed = &table[dice.below(table.len() as u64) as usize].code;
            Value::Text(match dice.below(5) {
                0 | 1 => listed.clone(),
                2 => format!("{listed}(b)(2)"),
                3 => format!("PC {}.{}(a)", 100 + dice.below(20_000), dice.below(10)),
                _ => "the one with the car".into(),
            })
        }
    })
}

/// A whole interview answered at random, with one to five entries and counts.
fn any_person(seed: u64) -> (Person, usize) {
    let mut dice = Dice(seed);
    let mut interview = Interview::new(&CONTENT, as_of());
    let entries = 1 + dice.below(5) as usize;
    let mut words = 0;
    let mut last_date = None;
    loop {
        match interview.stage() {
            Stage::Done => break,
            Stage::AddAnother => {
                let more = interview.entry_count() < entries;
                if more && interview.count_can_follow().is_some() && dice.below(3) == 0 {
                    interview.add_count();
                } else {
                    interview.add_another(more);
                }
            }
            _ => {
                let asking = interview.asking().unwrap();
                let q = &CONTENT.questions[asking.index];
                for tries in 0.. {
                    let slot = any_answer(&mut dice, q, tries, last_date);
                    let typed_words =
                        slot == Slot::Known(Value::Text("the one with the car".into()));
                    let date = match slot {
                        Slot::Known(Value::Date(d)) => Some(d),
                        _ => None,
                    };
                    if interview.answer(slot).is_ok() {
                        words += usize::from(typed_words);
                        last_date = date.or(last_date);
                        break;
                    }
                }
            }
        }
    }
    (interview.person().clone(), words)
}

/// Encode, decode: the same answers, but words typed for a code section, which read
/// "not sure" and are named.
fn comes_back(seed: u64) -> usize {
    let (person, words) = any_person(seed);
    let code = encode(&CONTENT, &person, as_of()).unwrap_or_else(|e| panic!("seed {seed}: {e:?}"));
    let decoded = decode(&CONTENT, &code, as_of()).unwrap_or_else(|e| panic!("seed {seed}: {e:?}"));
    assert_eq!(decoded.sections_not_carried.len(), words, "seed {seed}");
    let mut expected = person.clone();
    let fact = CONTENT.sections.fact.unwrap();
    for e in &decoded.sections_not_carried {
        expected.cases[*e].set(fact, Slot::NotSure);
    }
    assert_eq!(decoded.interview.person(), &expected, "seed {seed}: {code}");
    code.len()
}

proptest::proptest! {
    #[test]
    fn any_answers_come_back_from_their_code(seed in proptest::prelude::any::<u64>()) {
        comes_back(seed);
    }
}

#[test]
fn how_long_codes_are_by_number_of_entries() {
    let mut lengths: Vec<Vec<usize>> = vec![Vec::new(); 6];
    for seed in 0..3000 {
        let (person, _) = any_person(seed);
        lengths[person.case_total()].push(comes_back(seed));
    }
    for (cases, l) in lengths
        .iter_mut()
        .enumerate()
        .filter(|(_, l)| !l.is_empty())
    {
        l.sort_unstable();
        println!(
            "{cases} cases: median {} characters, 90% under {}, longest {} ({} people)",
            l[l.len() / 2],
            l[l.len() * 9 / 10],
            l[l.len() - 1],
            l.len()
        );
    }
}
