//! Turning what a person types into an answer, with a hint when it cannot be one.

use chrono::NaiveDate;

use super::facts::{Slot, Value};
use crate::content::Lang;
use crate::content::model::{AnswerKind, Question};
use crate::strings::{Strings, fill};

/// Why typed input was refused, in words for the person who typed it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct InputError(pub String);

fn refuse(msg: impl Into<String>) -> InputError {
    InputError(msg.into())
}

fn refuse_with(template: &str, name: &str, value: &dyn std::fmt::Display) -> InputError {
    InputError(fill(template, &[(name, value)]))
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
/// an amount. Refusals are in English; see [`parse_answer_in`].
pub fn parse_answer(question: &Question, input: &str) -> Result<Slot, InputError> {
    parse_answer_in(question, input, Lang::En)
}

/// [`parse_answer`], with refusals in `lang`.
pub fn parse_answer_in(question: &Question, input: &str, lang: Lang) -> Result<Slot, InputError> {
    let words = Strings::get(lang);
    let text = input.trim();
    if text.is_empty() {
        return Err(refuse(&words.err_empty));
    }
    // "2." or "2)" as the list shows it is 2.
    let number = text.trim_end_matches(['.', ')']);
    if let Ok(n) = number.parse::<usize>()
        && matches!(question.answers, AnswerKind::YesNo | AnswerKind::Choice(_))
    {
        let options = options_in(question, lang);
        return options
            .get(n.wrapping_sub(1))
            .map(|(slot, _)| slot.clone())
            .ok_or_else(|| refuse_with(&words.err_pick_number, "count", &options.len()));
    }
    parse_typed_in(question, text, lang)
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
    parse_typed_in(question, input, Lang::En)
}

/// [`parse_typed`], with refusals in `lang`.
pub fn parse_typed_in(question: &Question, input: &str, lang: Lang) -> Result<Slot, InputError> {
    let words = Strings::get(lang);
    let text = input.trim();
    if text.is_empty() {
        return Err(refuse(&words.err_empty));
    }
    let options = options_in(question, lang);
    if question.not_sure && is_not_sure(text) {
        return Ok(Slot::NotSure);
    }
    let lower = text.to_lowercase();
    match &question.answers {
        AnswerKind::YesNo => match lower.as_str() {
            "y" | "yes" | "si" | "sí" => Ok(Slot::Known(Value::Bool(true))),
            "n" | "no" => Ok(Slot::Known(Value::Bool(false))),
            _ => Err(refuse(&words.err_yes_no)),
        },
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
                (None, []) => Err(refuse_with(&words.err_not_listed, "count", &options.len())),
                (None, _) => Err(refuse(&words.err_ambiguous)),
            }
        }
        AnswerKind::Date => parse_date_in(text, lang).map(|d| Slot::Known(Value::Date(d))),
        AnswerKind::Money => parse_money_in(text, lang).map(|c| Slot::Known(Value::Money(c))),
        AnswerKind::Number => text
            .parse::<u32>()
            .map(|n| Slot::Known(Value::Number(n)))
            .map_err(|_| refuse_with(&words.err_whole_number, "text", &text)),
        AnswerKind::Text => {
            if text.chars().any(crate::sanitize::is_unsafe) {
                Err(refuse(&words.err_text_chars))
            } else if text.chars().count() > 80 {
                Err(refuse(&words.err_text_long))
            } else {
                Ok(Slot::Known(Value::Text(text.to_string())))
            }
        }
    }
}

/// The answers a question offers as a list, with their labels, "not sure" last.
/// Dates, amounts, numbers and text are typed; for them the list is "not sure" alone.
pub fn options(question: &Question) -> Vec<(Slot, String)> {
    options_in(question, Lang::En)
}

/// [`options`], with the words for yes, no and "not sure" in `lang`.
pub fn options_in(question: &Question, lang: Lang) -> Vec<(Slot, String)> {
    let words = Strings::get(lang);
    let mut out: Vec<(Slot, String)> = match &question.answers {
        AnswerKind::YesNo => vec![
            (Slot::Known(Value::Bool(true)), words.yes.clone()),
            (Slot::Known(Value::Bool(false)), words.no.clone()),
        ],
        AnswerKind::Choice(choices) => choices
            .iter()
            .enumerate()
            .map(|(i, (_, label))| (Slot::Known(Value::Choice(i as u16)), label.clone()))
            .collect(),
        _ => Vec::new(),
    };
    if question.not_sure {
        out.push((Slot::NotSure, words.not_sure.clone()));
    }
    out
}

/// A date typed as YYYY-MM-DD or MM/DD/YYYY.
pub fn parse_date(text: &str) -> Result<NaiveDate, InputError> {
    parse_date_in(text, Lang::En)
}

/// [`parse_date`], with refusals in `lang`.
pub fn parse_date_in(text: &str, lang: Lang) -> Result<NaiveDate, InputError> {
    let words = Strings::get(lang);
    let text = text.trim();
    let parsed = NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(text, "%m/%d/%Y"));
    match parsed {
        Ok(d) if (1900..=2200).contains(&chrono::Datelike::year(&d)) => Ok(d),
        Ok(_) => Err(refuse_with(&words.err_date_range, "text", &text)),
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
                Err(refuse_with(&words.err_date_day, "text", &text))
            } else {
                Err(refuse_with(&words.err_date_shape, "text", &text))
            }
        }
    }
}

/// Dollars, with or without `$`, commas and cents; returned in cents.
pub fn parse_money(text: &str) -> Result<u64, InputError> {
    parse_money_in(text, Lang::En)
}

/// [`parse_money`], with refusals in `lang`.
pub fn parse_money_in(text: &str, lang: Lang) -> Result<u64, InputError> {
    let words = Strings::get(lang);
    let cleaned: String = text
        .trim()
        .trim_start_matches('$')
        .chars()
        .filter(|c| *c != ',')
        .collect();
    if cleaned.starts_with('-') {
        return Err(refuse(&words.err_money_negative));
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
    amount.ok_or_else(|| refuse_with(&words.err_money_shape, "text", &text.trim()))
}
