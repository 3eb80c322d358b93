//! Turning what a person types into an answer, or saying why it cannot be one. The
//! reasons are typed ([`InputError`]); the front ends put them into words
//! (`crate::strings::Strings::refusal`).

use chrono::NaiveDate;

use super::facts::{Slot, Value};
use crate::content::model::{AnswerKind, Question};

/// Why typed input, or an answer, was refused, with what is needed to say so.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InputError {
    #[error("nothing was typed")]
    Empty,
    /// A number that is not a position in the list of `count` answers.
    #[error("not a number from 1 to {count}")]
    PickNumber { count: usize },
    #[error("not yes or no")]
    NotYesNo,
    /// Matches no answer of the `count` listed.
    #[error("not one of the {count} answers")]
    NotListed { count: usize },
    /// Matches the start of more than one answer.
    #[error("matches more than one answer")]
    Ambiguous,
    #[error("\"{text}\" is not a whole number")]
    NotAWholeNumber { text: String },
    #[error("text with characters other than letters, numbers and spaces")]
    TextCharacters,
    #[error("text over 80 characters")]
    TextTooLong,
    #[error("{text} is out of range")]
    DateOutOfRange { text: String },
    /// Shaped as a date, but no such day.
    #[error("{text} is not a day of the calendar")]
    NoSuchDay { text: String },
    #[error("\"{text}\" is not a date")]
    NotADate { text: String },
    #[error("{date} is after today ({today})")]
    DateInFuture { date: NaiveDate, today: NaiveDate },
    /// Before a date given earlier that it cannot precede (see `not_before`).
    #[error("{date} is before {earlier}, given earlier")]
    DateBefore { date: NaiveDate, earlier: NaiveDate },
    #[error("a negative amount")]
    NegativeAmount,
    #[error("\"{text}\" is not an amount")]
    NotAnAmount { text: String },
    #[error("no answer was given")]
    NoAnswer,
    #[error("\"not sure\" is not offered for this question")]
    NotSureNotOffered,
    #[error("not an answer to this question")]
    WrongKind,
    #[error("there is no question to answer now")]
    NoQuestion,
}

/// Words that mean "I'm not sure".
pub fn is_not_sure(input: &str) -> bool {
    matches!(
        input.trim().to_lowercase().as_str(),
        "not sure"
            | "i'm not sure"
            | "im not sure"
            | "unsure"
            | "don't know"
            | "dont know"
            | "?"
            | "no sé"
            | "no se"
            | "no estoy seguro"
            | "no estoy segura"
    )
}

/// Parses one answer to `question` from text: a number from the list, a word, a date,
/// an amount.
pub fn parse_answer(question: &Question, input: &str) -> Result<Slot, InputError> {
    let text = input.trim();
    if text.is_empty() {
        return Err(InputError::Empty);
    }
    // "2." or "2)" as the list shows it is 2.
    let number = text.trim_end_matches(['.', ')']);
    if let Ok(n) = number.parse::<usize>()
        && matches!(question.answers, AnswerKind::YesNo | AnswerKind::Choice(_))
    {
        let listed = listed(question);
        return listed
            .get(n.wrapping_sub(1))
            .cloned()
            .ok_or(InputError::PickNumber {
                count: listed.len(),
            });
    }
    parse_typed(question, text)
}

/// Text for matching what a person typed: lower case, without the accents of
/// Spanish, so "si" matches "Sí" and "maria" matches "María".
pub fn fold(text: &str) -> String {
    text.to_lowercase()
        .chars()
        .map(|c| match c {
            'á' | 'à' | 'ä' | 'â' => 'a',
            'é' | 'è' | 'ë' | 'ê' => 'e',
            'í' | 'ì' | 'ï' | 'î' => 'i',
            'ó' | 'ò' | 'ö' | 'ô' => 'o',
            'ú' | 'ù' | 'ü' | 'û' => 'u',
            'ñ' => 'n',
            c => c,
        })
        .collect()
}

/// Parses an answer typed into a field (a date, an amount, a county): like
/// [`parse_answer`], except that a number is never read as a position in the list.
pub fn parse_typed(question: &Question, input: &str) -> Result<Slot, InputError> {
    let text = input.trim();
    if text.is_empty() {
        return Err(InputError::Empty);
    }
    if question.not_sure && is_not_sure(text) {
        return Ok(Slot::NotSure);
    }
    let lower = text.to_lowercase();
    match &question.answers {
        AnswerKind::YesNo => yes_or_no(&lower)
            .map(|b| Slot::Known(Value::Bool(b)))
            .ok_or(InputError::NotYesNo),
        AnswerKind::Choice(choices) => {
            // "si" finds "Sí", "dinero" finds "Dinero": accents need not be typed.
            let typed = fold(text);
            let exact = choices
                .iter()
                .position(|(v, l)| fold(v) == typed || fold(l) == typed);
            let by_start: Vec<usize> = choices
                .iter()
                .enumerate()
                .filter(|(_, (v, l))| fold(v).starts_with(&typed) || fold(l).starts_with(&typed))
                .map(|(i, _)| i)
                .collect();
            match (exact, by_start.as_slice()) {
                (Some(i), _) | (None, &[i]) => Ok(Slot::Known(Value::Choice(i as u16))),
                (None, []) => Err(InputError::NotListed {
                    count: listed(question).len(),
                }),
                (None, _) => Err(InputError::Ambiguous),
            }
        }
        AnswerKind::Date => parse_date(text).map(|d| Slot::Known(Value::Date(d))),
        AnswerKind::Money => parse_money(text).map(|c| Slot::Known(Value::Money(c))),
        AnswerKind::Number => text
            .parse::<u32>()
            .map(|n| Slot::Known(Value::Number(n)))
            .map_err(|_| InputError::NotAWholeNumber {
                text: text.to_string(),
            }),
        AnswerKind::Text => {
            if text.chars().any(crate::sanitize::is_unsafe) {
                Err(InputError::TextCharacters)
            } else if text.chars().count() > 80 {
                Err(InputError::TextTooLong)
            } else {
                Ok(Slot::Known(Value::Text(text.to_string())))
            }
        }
    }
}

/// The answers a question offers as a list, in order, "not sure" last: yes and no, or
/// its choices. Dates, amounts, numbers and text are typed; for them the list is
/// "not sure" alone, or empty. The front ends label them.
pub fn listed(question: &Question) -> Vec<Slot> {
    let mut out: Vec<Slot> = match &question.answers {
        AnswerKind::YesNo => vec![Value::Bool(true), Value::Bool(false)]
            .into_iter()
            .map(Slot::Known)
            .collect(),
        AnswerKind::Choice(choices) => (0..choices.len())
            .map(|i| Slot::Known(Value::Choice(i as u16)))
            .collect(),
        _ => Vec::new(),
    };
    if question.not_sure {
        out.push(Slot::NotSure);
    }
    out
}

/// Yes or no, typed in either language: "y", "yes", "s", "si", "sí"; "n", "no".
pub fn yes_or_no(text: &str) -> Option<bool> {
    match text.trim().to_lowercase().as_str() {
        "y" | "yes" | "s" | "si" | "sí" => Some(true),
        "n" | "no" => Some(false),
        _ => None,
    }
}

/// A date typed as YYYY-MM-DD or MM/DD/YYYY.
pub fn parse_date(text: &str) -> Result<NaiveDate, InputError> {
    let text = text.trim();
    let parsed = NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(text, "%m/%d/%Y"));
    let text = text.to_string();
    match parsed {
        Ok(d) if (1900..=2200).contains(&chrono::Datelike::year(&d)) => Ok(d),
        Ok(_) => Err(InputError::DateOutOfRange { text }),
        Err(_) => {
            let shaped = text.len() == 10
                && text.char_indices().all(|(i, c)| {
                    if i == 4 || i == 7 {
                        c == '-'
                    } else {
                        c.is_ascii_digit()
                    }
                });
            if shaped {
                Err(InputError::NoSuchDay { text })
            } else {
                Err(InputError::NotADate { text })
            }
        }
    }
}

/// Dollars, with or without `$`, commas and cents; returned in cents.
pub fn parse_money(text: &str) -> Result<u64, InputError> {
    let cleaned: String = text
        .trim()
        .trim_start_matches('$')
        .chars()
        .filter(|c| *c != ',')
        .collect();
    if cleaned.starts_with('-') {
        return Err(InputError::NegativeAmount);
    }
    let (dollars, cents) = match cleaned.split_once('.') {
        Some((d, c)) => (d, c),
        None => (cleaned.as_str(), ""),
    };
    let valid = !dollars.is_empty()
        && dollars.chars().all(|c| c.is_ascii_digit())
        && cents.len() <= 2
        && cents.chars().all(|c| c.is_ascii_digit());
    let amount = valid
        .then(|| {
            let d: u64 = dollars.parse().ok()?;
            let c: u64 = format!("{cents:0<2}").parse().ok()?;
            d.checked_mul(100)?.checked_add(c)
        })
        .flatten();
    amount.ok_or_else(|| InputError::NotAnAmount {
        text: text.trim().to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn question(answers: AnswerKind, not_sure: bool) -> Question {
        Question {
            id: "q".into(),
            sets: None,
            text: String::new(),
            help: String::new(),
            answers,
            not_sure,
            not_before: Vec::new(),
            implied_by: None,
            next: Vec::new(),
        }
    }

    fn county() -> Question {
        let choices = [
            ("alameda", "Alameda"),
            ("los_angeles", "Los Ángeles"),
            ("lake", "Lake"),
            ("la", "La Paz"),
        ];
        let choices = choices.map(|(v, l)| (v.to_string(), l.to_string()));
        question(AnswerKind::Choice(choices.to_vec()), true)
    }

    fn known(v: Value) -> Result<Slot, InputError> {
        Ok(Slot::Known(v))
    }

    #[test]
    fn not_sure_is_understood_in_both_languages_where_it_is_offered() {
        for words in [
            "not sure",
            " I'm NOT sure ",
            "unsure",
            "?",
            "No sé",
            "no se",
            "dont know",
        ] {
            assert!(is_not_sure(words), "{words}");
        }
        for words in ["no", "sure", "", "maybe"] {
            assert!(!is_not_sure(words), "{words}");
        }
        let offered = question(AnswerKind::YesNo, true);
        assert_eq!(parse_answer(&offered, "not sure"), Ok(Slot::NotSure));
        let refused = question(AnswerKind::YesNo, false);
        assert_eq!(
            parse_answer(&refused, "not sure"),
            Err(InputError::NotYesNo)
        );
        assert_eq!(parse_typed(&refused, "?"), Err(InputError::NotYesNo));
    }

    #[test]
    fn a_number_picks_from_the_list_not_sure_last() {
        let yes_no = question(AnswerKind::YesNo, true);
        assert_eq!(parse_answer(&yes_no, "1"), known(Value::Bool(true)));
        assert_eq!(parse_answer(&yes_no, "2."), known(Value::Bool(false)));
        assert_eq!(parse_answer(&yes_no, "3)"), Ok(Slot::NotSure));
        assert_eq!(
            parse_answer(&yes_no, "4"),
            Err(InputError::PickNumber { count: 3 })
        );
        assert_eq!(
            parse_answer(&yes_no, "0"),
            Err(InputError::PickNumber { count: 3 })
        );
        assert_eq!(parse_answer(&county(), "2"), known(Value::Choice(1)));
        // A number typed for an amount is the amount.
        let money = question(AnswerKind::Money, false);
        assert_eq!(parse_answer(&money, "2"), known(Value::Money(200)));
        assert_eq!(parse_answer(&money, "  "), Err(InputError::Empty));
        assert_eq!(parse_typed(&money, ""), Err(InputError::Empty));
        assert_eq!(listed(&money), Vec::<Slot>::new());
        assert_eq!(
            listed(&question(AnswerKind::Date, true)),
            vec![Slot::NotSure]
        );
    }

    #[test]
    fn yes_and_no_in_either_language() {
        for (text, b) in [
            ("y", true),
            ("Yes", true),
            ("s", true),
            ("SÍ", true),
            ("si", true),
        ] {
            assert_eq!(yes_or_no(text), Some(b), "{text}");
        }
        assert_eq!(yes_or_no(" N "), Some(false));
        assert_eq!(yes_or_no("no"), Some(false));
        assert_eq!(yes_or_no("nope"), None);
        let q = question(AnswerKind::YesNo, false);
        assert_eq!(parse_typed(&q, "Sí"), known(Value::Bool(true)));
        assert_eq!(parse_typed(&q, "maybe"), Err(InputError::NotYesNo));
    }

    #[test]
    fn a_choice_is_found_by_its_value_label_or_start_without_accents() {
        let q = county();
        assert_eq!(parse_typed(&q, "alameda"), known(Value::Choice(0)));
        assert_eq!(parse_typed(&q, "los angeles"), known(Value::Choice(1)));
        assert_eq!(parse_typed(&q, "LOS_ANGELES"), known(Value::Choice(1)));
        assert_eq!(parse_typed(&q, "los"), known(Value::Choice(1)));
        assert_eq!(parse_typed(&q, "Lak"), known(Value::Choice(2)));
        // "l" starts three; an exact match wins over others that start with it.
        assert_eq!(parse_typed(&q, "l"), Err(InputError::Ambiguous));
        assert_eq!(parse_typed(&q, "la"), known(Value::Choice(3)));
        assert_eq!(parse_typed(&q, "la paz"), known(Value::Choice(3)));
        assert_eq!(
            parse_typed(&q, "fresno"),
            Err(InputError::NotListed { count: 5 })
        );
        assert_eq!(fold("ÁÉÍÓÚÑ àèìòù äëïöü âêîôû"), "aeioun aeiou aeiou aeiou");
    }

    #[test]
    fn dates_in_either_form_within_range() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert_eq!(parse_date("2024-02-29"), Ok(day(2024, 2, 29)));
        assert_eq!(parse_date(" 02/29/2024 "), Ok(day(2024, 2, 29)));
        assert_eq!(parse_date("1900-01-01"), Ok(day(1900, 1, 1)));
        assert_eq!(parse_date("2200-12-31"), Ok(day(2200, 12, 31)));
        let text = |s: &str| s.to_string();
        assert_eq!(
            parse_date("1899-12-31"),
            Err(InputError::DateOutOfRange {
                text: text("1899-12-31")
            })
        );
        assert_eq!(
            parse_date("2201-01-01"),
            Err(InputError::DateOutOfRange {
                text: text("2201-01-01")
            })
        );
        assert_eq!(
            parse_date("2023-02-29"),
            Err(InputError::NoSuchDay {
                text: text("2023-02-29")
            })
        );
        for not_a_date in [
            "2023/02/28",
            "2023-02-2x",
            "20230-2-28",
            "yesterday",
            "2023-02-28x",
        ] {
            assert_eq!(
                parse_date(not_a_date),
                Err(InputError::NotADate {
                    text: text(not_a_date)
                }),
                "{not_a_date}"
            );
        }
        let q = question(AnswerKind::Date, true);
        assert_eq!(
            parse_typed(&q, "2020-01-02"),
            known(Value::Date(day(2020, 1, 2)))
        );
    }

    #[test]
    fn money_in_dollars_and_cents() {
        assert_eq!(parse_money("950"), Ok(95_000));
        assert_eq!(parse_money("$950.5"), Ok(95_050));
        assert_eq!(parse_money("$1,234.56"), Ok(123_456));
        assert_eq!(parse_money("0.01"), Ok(1));
        assert_eq!(parse_money("7."), Ok(700));
        assert_eq!(parse_money("-5"), Err(InputError::NegativeAmount));
        for bad in [
            "",
            ".50",
            "1.234",
            "12a",
            "1.a",
            "$",
            "184467440737095516.16",
        ] {
            assert_eq!(
                parse_money(bad),
                Err(InputError::NotAnAmount {
                    text: bad.to_string()
                }),
                "{bad}"
            );
        }
        assert_eq!(parse_money("184467440737095516.15"), Ok(u64::MAX));
    }

    #[test]
    fn numbers_and_text() {
        let n = question(AnswerKind::Number, false);
        assert_eq!(parse_typed(&n, "12"), known(Value::Number(12)));
        assert_eq!(
            parse_typed(&n, "1.5"),
            Err(InputError::NotAWholeNumber { text: "1.5".into() })
        );
        let t = question(AnswerKind::Text, false);
        assert_eq!(parse_typed(&t, " Kern "), known(Value::Text("Kern".into())));
        let long = "a".repeat(80);
        assert_eq!(parse_typed(&t, &long), known(Value::Text(long.clone())));
        assert_eq!(
            parse_typed(&t, &format!("{long}é")),
            Err(InputError::TextTooLong)
        );
        assert_eq!(
            parse_typed(&t, "a\u{1b}[2J"),
            Err(InputError::TextCharacters)
        );
    }
}
