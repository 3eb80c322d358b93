//! Turning what a person types into an answer, with a hint when it cannot be one.

use chrono::NaiveDate;

use super::facts::{Slot, Value};
use crate::content::model::{AnswerKind, Question};

/// Why typed input was refused, in words for the person who typed it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct InputError(pub String);

fn refuse(msg: impl Into<String>) -> InputError {
    InputError(msg.into())
}

/// Words that mean "I'm not sure".
pub fn is_not_sure(input: &str) -> bool {
    matches!(
        input.trim().to_lowercase().as_str(),
        "not sure" | "i'm not sure" | "im not sure" | "unsure" | "don't know" | "dont know" | "?"
    )
}

/// Parses one answer to `question` from text: a number from the list, a word, a date,
/// an amount.
pub fn parse_answer(question: &Question, input: &str) -> Result<Slot, InputError> {
    let text = input.trim();
    if text.is_empty() {
        return Err(refuse("Please type an answer."));
    }
    let options = options(question);
    if let Ok(n) = text.parse::<usize>()
        && !matches!(question.answers, AnswerKind::Money | AnswerKind::Number) {
            return options
                .get(n.wrapping_sub(1))
                .map(|(slot, _)| slot.clone())
                .ok_or_else(|| refuse(format!("Type a number from 1 to {}.", options.len())));
        }
    parse_typed(question, text)
}

/// Parses an answer typed into a field (a date, an amount, a county): like
/// [`parse_answer`], except that a number is never read as a position in the list.
pub fn parse_typed(question: &Question, input: &str) -> Result<Slot, InputError> {
    let text = input.trim();
    if text.is_empty() {
        return Err(refuse("Please type an answer."));
    }
    let options = options(question);
    if question.not_sure && is_not_sure(text) {
        return Ok(Slot::NotSure);
    }
    let lower = text.to_lowercase();
    match &question.answers {
        AnswerKind::YesNo => match lower.as_str() {
            "y" | "yes" | "si" | "sí" => Ok(Slot::Known(Value::Bool(true))),
            "n" | "no" => Ok(Slot::Known(Value::Bool(false))),
            _ => Err(refuse("Please answer yes or no.")),
        },
        AnswerKind::Choice(choices) => {
            let exact = choices.iter().position(|(v, l)| {
                v.eq_ignore_ascii_case(text) || l.eq_ignore_ascii_case(text)
            });
            let by_start: Vec<usize> = choices
                .iter()
                .enumerate()
                .filter(|(_, (v, l))| {
                    v.to_lowercase().starts_with(&lower) || l.to_lowercase().starts_with(&lower)
                })
                .map(|(i, _)| i)
                .collect();
            match (exact, by_start.as_slice()) {
                (Some(i), _) | (None, &[i]) => Ok(Slot::Known(Value::Choice(i as u16))),
                (None, []) => Err(refuse(format!(
                    "That is not one of the answers. Type a number from 1 to {}.",
                    options.len()
                ))),
                (None, _) => Err(refuse("That matches more than one answer. Type its number.")),
            }
        }
        AnswerKind::Date => parse_date(text).map(|d| Slot::Known(Value::Date(d))),
        AnswerKind::Money => parse_money(text).map(|c| Slot::Known(Value::Money(c))),
        AnswerKind::Number => text
            .parse::<u32>()
            .map(|n| Slot::Known(Value::Number(n)))
            .map_err(|_| refuse(format!("\"{text}\" is not a whole number. Type it in digits, like 2."))),
        AnswerKind::Text => {
            if text.chars().any(char::is_control) {
                Err(refuse("Please type letters, numbers and spaces only."))
            } else if text.chars().count() > 80 {
                Err(refuse("Please keep it under 80 characters."))
            } else {
                Ok(Slot::Known(Value::Text(text.to_string())))
            }
        }
    }
}

/// The answers a question offers as a list, with their labels, "not sure" last.
pub fn options(question: &Question) -> Vec<(Slot, String)> {
    let mut out: Vec<(Slot, String)> = match &question.answers {
        AnswerKind::YesNo => vec![
            (Slot::Known(Value::Bool(true)), "Yes".to_string()),
            (Slot::Known(Value::Bool(false)), "No".to_string()),
        ],
        AnswerKind::Choice(choices) => choices
            .iter()
            .enumerate()
            .map(|(i, (_, label))| (Slot::Known(Value::Choice(i as u16)), label.clone()))
            .collect(),
        _ => Vec::new(),
    };
    if question.not_sure {
        out.push((Slot::NotSure, "I'm not sure".to_string()));
    }
    out
}

/// A date typed as YYYY-MM-DD or MM/DD/YYYY.
pub fn parse_date(text: &str) -> Result<NaiveDate, InputError> {
    let text = text.trim();
    let parsed = NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(text, "%m/%d/%Y"));
    match parsed {
        Ok(d) if (1900..=2200).contains(&chrono::Datelike::year(&d)) => Ok(d),
        Ok(_) => Err(refuse(format!("{text} is out of range. Type a year from 1900 on."))),
        Err(_) => {
            let shaped = text.len() == 10
                && text.char_indices().all(|(i, c)| {
                    if i == 4 || i == 7 { c == '-' } else { c.is_ascii_digit() }
                });
            if shaped {
                Err(refuse(format!("{text} is not a date. Check the month and day.")))
            } else {
                Err(refuse(format!(
                    "\"{text}\" is not a date. Type it as YYYY-MM-DD, for example 2019-03-15."
                )))
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
        return Err(refuse("An amount can't be negative."));
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
    amount.ok_or_else(|| {
        refuse(format!(
            "\"{}\" is not an amount. Type dollars, like 450 or 1,200.50.",
            text.trim()
        ))
    })
}
