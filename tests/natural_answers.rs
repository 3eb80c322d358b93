//! What people actually type, in English and Spanish, and what each must be read as:
//! one row per answer, for the question it answers, in the language of the interview.

use chrono::NaiveDate;
use clearpath::content::{Content, Lang};
use clearpath::engine::input::{InputError, parse_answer, yes_or_no};
use clearpath::model::{Slot, Value};
use clearpath::strings::Strings;

#[derive(Debug, Clone, Copy)]
enum Read {
    /// The choice with this value.
    Choice(&'static str),
    Yes,
    No,
    NotSure,
    Date(i32, u32, u32),
    /// Dollars and cents, in cents.
    Cents(u64),
    /// Refused, the refusal containing these words.
    Refused(&'static str),
}

use Lang::{En, Es};
use Read::*;

const ROWS: &[(Lang, &str, &str, Read)] = &[
    // Yes and no, with punctuation and courtesy.
    (Es, "in_custody", "sí.", Yes),
    (Es, "in_custody", "Sí, claro", Yes),
    (Es, "in_custody", "claro", Yes),
    (Es, "in_custody", "no, señor", No),
    (Es, "in_custody", "No.", No),
    (Es, "in_custody", "para nada", No),
    (En, "in_custody", "yes please", Yes),
    (En, "in_custody", "Yes, sir.", Yes),
    (En, "in_custody", "nope", No),
    (En, "in_custody", "no thanks", No),
    (Es, "in_custody", "no sé", Refused("sí o no")),
    // "I don't know", where "not sure" is offered.
    (Es, "split_sentence", "no sé", NotSure),
    (Es, "split_sentence", "nose", NotSure),
    (Es, "split_sentence", "No me acuerdo.", NotSure),
    (Es, "split_sentence", "no recuerdo", NotSure),
    (En, "split_sentence", "I don't remember", NotSure),
    (En, "split_sentence", "i dont know", NotSure),
    (Es, "citizen", "sí.", Choice("yes")),
    (Es, "citizen", "no, señor", Choice("no")),
    (Es, "citizen", "prefiero no decirlo", Choice("prefer_not")),
    // How the case ended.
    (Es, "outcome", "condenado", Choice("convicted")),
    (Es, "outcome", "culpable", Choice("convicted")),
    (Es, "outcome", "me declaré culpable", Choice("convicted")),
    (Es, "outcome", "sin cargos", Choice("no_charges")),
    (Es, "outcome", "desestimaron", Choice("dismissed")),
    (Es, "outcome", "absuelto", Choice("acquitted")),
    (Es, "outcome", "inocente", Choice("acquitted")),
    (Es, "outcome", "no culpable", Choice("acquitted")),
    (Es, "outcome", "desvío", Choice("diversion")),
    (En, "outcome", "guilty", Choice("convicted")),
    (En, "outcome", "not guilty", Choice("acquitted")),
    (En, "outcome", "dismissed", Choice("dismissed")),
    (Es, "outcome", "me", Refused("1. Me condenaron")),
    // Levels.
    (Es, "level", "menor", Choice("misdemeanor")),
    (Es, "level", "grave", Choice("felony")),
    (
        Es,
        "level",
        "delito",
        Refused("2. Delito menor o 3. Delito grave"),
    ),
    (Es, "arrest_level", "menor", Choice("misdemeanor")),
    (Es, "arrest_level", "Grave.", Choice("felony")),
    (En, "level", "felony", Choice("felony")),
    // Offenses: a robbery is never a theft.
    (Es, "offense", "robo", Choice("serious_violent")),
    (Es, "offense", "Robo.", Choice("serious_violent")),
    (
        Es,
        "offense",
        "robo con violencia",
        Choice("serious_violent"),
    ),
    (Es, "offense", "hurto", Choice("theft")),
    (Es, "offense", "robo en tienda", Choice("theft")),
    (Es, "offense", "drogas", Choice("drug_possession")),
    (Es, "offense", "marihuana", Choice("cannabis")),
    (Es, "offense", "manejar borracho", Choice("driving")),
    (En, "offense", "robbery", Choice("serious_violent")),
    (En, "offense", "shoplifting", Choice("theft")),
    // Sentences.
    (Es, "sentence", "multa", Choice("no_probation")),
    (Es, "sentence", "cárcel", Choice("no_probation")),
    (Es, "sentence", "libertad condicional", Choice("probation")),
    (En, "sentence", "prison", Choice("state_prison")),
    // Probation: "it's over" is never a violation.
    (Es, "probation_status", "ya terminó", Choice("completed")),
    (Es, "probation_status", "Ya terminó.", Choice("completed")),
    (Es, "probation_status", "terminé", Choice("completed")),
    (Es, "probation_status", "cumplí", Choice("completed")),
    (
        Es,
        "probation_status",
        "me la revocaron",
        Choice("violated"),
    ),
    (
        Es,
        "probation_status",
        "sigo en probation",
        Choice("ongoing"),
    ),
    (En, "probation_status", "it's over", Choice("completed")),
    (En, "probation_status", "it is over", Choice("completed")),
    (En, "probation_status", "revoked", Choice("violated")),
    // Dates: day first in Spanish, month first in English.
    (
        Es,
        "judgment_date",
        "2/4/2018",
        Refused("¿4 de febrero o 2 de abril?"),
    ),
    (Es, "judgment_date", "13/4/2018", Date(2018, 4, 13)),
    (Es, "judgment_date", "4/13/2018", Date(2018, 4, 13)),
    (Es, "judgment_date", "4/4/2018", Date(2018, 4, 4)),
    (Es, "judgment_date", "2018-04-02", Date(2018, 4, 2)),
    (Es, "judgment_date", "2 de abril de 2018", Date(2018, 4, 2)),
    (Es, "judgment_date", "2 Abril 2018", Date(2018, 4, 2)),
    (
        Es,
        "judgment_date",
        "15 de septiembre de 2019",
        Date(2019, 9, 15),
    ),
    (Es, "judgment_date", "1 de marzo de 2019", Date(2019, 3, 1)),
    (Es, "judgment_date", "31/2/2018", Refused("no es una fecha")),
    (En, "judgment_date", "2/4/2018", Date(2018, 2, 4)),
    (En, "judgment_date", "2018-04-02", Date(2018, 4, 2)),
    (En, "judgment_date", "April 2, 2018", Date(2018, 4, 2)),
    (En, "judgment_date", "2 April 2018", Date(2018, 4, 2)),
    (En, "judgment_date", "april 2nd 2018", Date(2018, 4, 2)),
    (En, "judgment_date", "2 de abril de 2018", Date(2018, 4, 2)),
    (En, "judgment_date", "13/4/2018", Refused("not a date")),
    // Amounts: a comma is the decimal mark unless three digits follow it.
    (Es, "value", "950,00", Cents(95_000)),
    (Es, "value", "9,50", Cents(950)),
    (Es, "value", "1.200,50", Cents(120_050)),
    (Es, "value", "1,200", Cents(120_000)),
    (Es, "value", "1,200.50", Cents(120_050)),
    (Es, "value", "500 dólares", Cents(50_000)),
    (Es, "value", "500 dolares", Cents(50_000)),
    (En, "value", "500 dollars", Cents(50_000)),
    (En, "value", "$500", Cents(50_000)),
    (En, "value", "500 USD", Cents(50_000)),
    (En, "value", "$1,200.50", Cents(120_050)),
    (En, "value", "1,200,000", Cents(120_000_000)),
    (En, "value", "450", Cents(45_000)),
    (En, "value", "1.200", Refused("not an amount")),
    (Es, "value", "1,2,3", Refused("no es una cantidad")),
    (Es, "value", "9,505", Cents(950_500)),
    (Es, "value", "9,5050", Refused("no es una cantidad")),
];

fn read(content: &Content, question: &str, typed: &str) -> Result<Slot, InputError> {
    let q = content
        .questions
        .iter()
        .find(|q| q.source.id == question)
        .unwrap_or_else(|| panic!("no question {question}"));
    parse_answer(&q.source, typed, content.lang)
}

#[test]
fn natural_answers_are_read_as_meant() {
    let en = Content::built_in_in(En).unwrap();
    let es = Content::built_in_in(Es).unwrap();
    let mut wrong = Vec::new();
    for &(lang, question, typed, want) in ROWS {
        let content = if lang == En { &en } else { &es };
        let got = read(content, question, typed);
        let fact = content.fact_id(question).map(|f| content.fact(f));
        let ok = match (&got, want) {
            (Ok(Slot::Known(Value::Choice(i))), Choice(v)) => {
                fact.and_then(|f| f.choice_value(*i)) == Some(v)
            }
            (Ok(Slot::Known(Value::Bool(b))), Yes) => *b,
            (Ok(Slot::Known(Value::Bool(b))), No) => !*b,
            (Ok(Slot::NotSure), NotSure) => true,
            (Ok(Slot::Known(Value::Date(d))), Date(y, m, day)) => {
                Some(*d) == NaiveDate::from_ymd_opt(y, m, day)
            }
            (Ok(Slot::Known(Value::Money(c))), Cents(want)) => *c == want,
            (Err(e), Refused(words)) => Strings::get(lang).refusal(e).contains(words),
            _ => false,
        };
        if !ok {
            let shown = match &got {
                Err(e) => Strings::get(lang).refusal(e),
                Ok(slot) => format!("{slot:?}"),
            };
            wrong.push(format!(
                "{} {question} {typed:?}: wanted {want:?}, got {shown}",
                lang.code()
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn an_answer_matching_several_choices_names_them_in_both_languages() {
    let es = Content::built_in_in(Es).unwrap();
    let Err(InputError::Ambiguous { choices }) = read(&es, "level", "delito") else {
        panic!("\"delito\" is both delito menor and delito grave")
    };
    assert_eq!(
        choices,
        vec![
            (2, "Delito menor".to_string()),
            (3, "Delito grave".to_string())
        ]
    );
    let en = Content::built_in_in(En).unwrap();
    let Err(e) = read(&en, "outcome", "i was") else {
        panic!("\"i was\" begins several answers")
    };
    let said = Strings::get(En).refusal(&e);
    assert!(
        said.starts_with("That matches more than one answer: 1. I was convicted"),
        "{said}"
    );
}

#[test]
fn a_date_both_ways_asks_which_in_the_language_of_the_interview() {
    let es = Content::built_in_in(Es).unwrap();
    let e = read(&es, "judgment_date", "2/4/2018").unwrap_err();
    assert_eq!(
        e,
        InputError::DayOrMonth {
            month_first: NaiveDate::from_ymd_opt(2018, 2, 4).unwrap(),
            day_first: NaiveDate::from_ymd_opt(2018, 4, 2).unwrap(),
        }
    );
    assert!(
        Strings::get(Es)
            .refusal(&e)
            .starts_with("¿4 de febrero o 2 de abril? Escriba el mes con letras"),
        "{}",
        Strings::get(Es).refusal(&e)
    );
    assert!(
        Strings::get(En)
            .refusal(&e)
            .starts_with("February 4 or April 2?")
    );
}

#[test]
fn the_end_of_the_entries_in_either_language() {
    for typed in [
        "no, es todo",
        "nada más",
        "No, gracias.",
        "that's all",
        "no",
    ] {
        assert_eq!(yes_or_no(typed), Some(false), "{typed:?}");
    }
    for typed in ["sí", "sí, por favor", "yes please", "claro que sí"] {
        assert_eq!(yes_or_no(typed), Some(true), "{typed:?}");
    }
    for typed in ["no sé", "maybe", ""] {
        assert_eq!(yes_or_no(typed), None, "{typed:?}");
    }
}

/// Case files and --as-of read dates as before, whatever the language.
#[test]
fn case_file_dates_stay_iso_and_month_first() {
    use clearpath::engine::input::parse_date;
    assert_eq!(
        parse_date("2/4/2018"),
        Ok(NaiveDate::from_ymd_opt(2018, 2, 4).unwrap())
    );
    assert!(parse_date("2 de abril de 2018").is_err());
}

/// The built-in content passes `check`, which refuses two choices of a question
/// that share a natural answer.
#[test]
fn no_two_choices_share_a_natural_answer() {
    let report = clearpath::check::check(&clearpath::content::Sources::built_in());
    assert!(report.problems.is_empty(), "{:#?}", report.problems);
}
