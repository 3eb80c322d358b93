//! Turning what a person types into an answer, or saying why it cannot be one. The
//! reasons are typed ([`InputError`]); the front ends put them into words
//! (`crate::strings::Strings::refusal`).

use chrono::NaiveDate;

use super::facts::{Slot, Value};
use crate::content::model::{AnswerKind, Question};
use crate::model::Lang;

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
    /// Matches more than one answer: each by its number in the list (from 1) and its
    /// label, so the person can be asked which.
    #[error("matches more than one answer")]
    Ambiguous { choices: Vec<(usize, String)> },
    #[error("\"{text}\" is not a whole number")]
    NotAWholeNumber { text: String },
    #[error("\"{text}\" is not a length of time")]
    NotALength { text: String },
    /// A bare small number: `n` years or `n` months?
    #[error("{n} years or {n} months?")]
    YearsOrMonths { n: u32 },
    /// No term of probation is this short or this long.
    #[error("{months} months is out of range")]
    LengthOutOfRange { months: u64 },
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
    /// Two numbers, both 12 or less, read day first in Spanish: which is the month?
    #[error("{month_first} or {day_first}?")]
    DayOrMonth {
        month_first: NaiveDate,
        day_first: NaiveDate,
    },
    #[error("{date} is after today ({today})")]
    DateInFuture { date: NaiveDate, today: NaiveDate },
    /// Before a date given earlier that it cannot precede (see `not_before`).
    #[error("{date} is before {earlier}, given earlier")]
    DateBefore { date: NaiveDate, earlier: NaiveDate },
    /// With the entry's other answers, this cannot be true: `rule` indexes
    /// [`Content::impossible`](crate::content::Content); `reason` is its reason in the
    /// interview's language.
    #[error("{reason}")]
    Impossible { rule: usize, reason: String },
    /// Not one of California's counties: `nearest` are the names it comes closest to.
    #[error("\"{typed}\" is not a California county")]
    NotACounty { typed: String, nearest: Vec<String> },
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

/// Text for matching what a person typed: [`fold`]ed, apostrophes dropped
/// ("don't" is "dont"), every other sign a space, spaces single, and courtesy at
/// either end left out ("no, señor" is "no", "yes please" is "yes").
pub fn words(text: &str) -> String {
    let folded: String = fold(text)
        .chars()
        .filter(|c| !matches!(c, '\'' | '’'))
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    let mut tokens: Vec<&str> = folded.split_whitespace().collect();
    loop {
        let before = tokens.len();
        for courtesy in COURTESY {
            let c: Vec<&str> = courtesy.split(' ').collect();
            if tokens.len() > c.len() && tokens.ends_with(&c) {
                tokens.truncate(tokens.len() - c.len());
            }
            if tokens.len() > c.len() && tokens.starts_with(&c) {
                tokens.drain(..c.len());
            }
        }
        if tokens.len() == before {
            break;
        }
    }
    tokens.join(" ")
}

/// Courtesy around an answer, as [`words`] writes it.
const COURTESY: [&str; 16] = [
    "por favor",
    "please",
    "gracias",
    "muchas gracias",
    "thanks",
    "thank you",
    "senor",
    "senora",
    "senorita",
    "sir",
    "maam",
    "miss",
    "oficial",
    "officer",
    "pues",
    "well",
];

/// "I'm not sure", in either language, as [`words`] writes it.
const NOT_SURE: [&str; 30] = [
    "not sure",
    "im not sure",
    "i am not sure",
    "unsure",
    "dont know",
    "i dont know",
    "i do not know",
    "idk",
    "dont remember",
    "i dont remember",
    "i do not remember",
    "i cant remember",
    "no idea",
    "i have no idea",
    "no se",
    "nose",
    "no lo se",
    "yo no se",
    "no estoy seguro",
    "no estoy segura",
    "no me acuerdo",
    "no recuerdo",
    "no lo recuerdo",
    "ni idea",
    "no tengo idea",
    "quien sabe",
    "no sabria decir",
    "no sabria",
    "no se bien",
    "no estoy muy seguro",
];

/// Words that mean "I'm not sure".
pub fn is_not_sure(input: &str) -> bool {
    let t = input.trim();
    if !t.is_empty() && t.chars().all(|c| matches!(c, '?' | '¿')) {
        return true;
    }
    NOT_SURE.contains(&words(t).as_str())
}

/// Yes in either language, as [`words`] writes it: whole answers, and words that
/// say yes alone or together ("sí, claro").
const YES: [&str; 12] = [
    "of course",
    "thats right",
    "that is right",
    "yes i am",
    "yes i was",
    "yes i do",
    "claro que si",
    "por supuesto",
    "asi es",
    "si soy",
    "si estoy",
    "si tengo",
];
const YES_WORDS: [&str; 15] = [
    "y",
    "yes",
    "yeah",
    "yep",
    "yup",
    "sure",
    "correct",
    "s",
    "si",
    "sip",
    "claro",
    "correcto",
    "cierto",
    "afirmativo",
    "exacto",
];
/// No in either language, as [`words`] writes it, the end of a list of entries
/// included ("no, es todo", "nada más").
const NO: [&str; 17] = [
    "no es todo",
    "es todo",
    "eso es todo",
    "nada mas",
    "no nada mas",
    "ya no",
    "para nada",
    "de ninguna manera",
    "no hay mas",
    "no tengo mas",
    "thats all",
    "that is all",
    "thats it",
    "no more",
    "nothing else",
    "no thats all",
    "not at all",
];
const NO_WORDS: [&str; 9] = [
    "n", "no", "nope", "nah", "never", "nunca", "negativo", "ninguno", "none",
];

/// Yes or no, typed in either language: "y", "yes", "sí.", "claro", "yes please";
/// "n", "no, señor", "nada más". "No sé" is neither.
pub fn yes_or_no(text: &str) -> Option<bool> {
    let typed = words(text);
    if YES.contains(&typed.as_str()) {
        return Some(true);
    }
    if NO.contains(&typed.as_str()) {
        return Some(false);
    }
    let tokens: Vec<&str> = typed.split(' ').collect();
    if typed.is_empty() {
        None
    } else if tokens.iter().all(|t| YES_WORDS.contains(t)) {
        Some(true)
    } else if tokens.iter().all(|t| NO_WORDS.contains(t)) {
        Some(false)
    } else {
        None
    }
}

/// Parses one answer to `question` from text: a number from the list, a word, a date,
/// an amount. `lang` is the language of the interview, which decides how a date like
/// 2/4/2018 is read.
pub fn parse_answer(question: &Question, input: &str, lang: Lang) -> Result<Slot, InputError> {
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
    parse_typed(question, text, lang)
}

/// Text for matching what a person typed: lower case, without the accents of
/// Spanish, so "si" matches "Sí" and "maria" matches "María".
pub fn fold(text: &str) -> String {
    text.to_lowercase()
        .chars()
        .map(crate::model::unaccented)
        .collect()
}

/// What a person may type for each choice of a question, as [`words`] writes it: its
/// value, its label and its other words (`also` in the content).
pub fn natural_answers(question: &Question) -> Vec<Vec<String>> {
    let AnswerKind::Choice(choices) = &question.answers else {
        return Vec::new();
    };
    choices
        .iter()
        .map(|(value, label)| {
            let mut out = vec![words(value), words(label)];
            out.extend(question.also_for(value).map(words));
            out.retain(|w| !w.is_empty());
            out
        })
        .collect()
}

/// The choice a person meant: one whose value, label or other words are what was
/// typed; else the one whose label or other words begin with it. Two or more are
/// refused, naming them, so that the first of several is never taken.
fn pick_choice(question: &Question, typed: &str) -> Result<usize, InputError> {
    let AnswerKind::Choice(choices) = &question.answers else {
        return Err(InputError::WrongKind);
    };
    let typed = words(typed);
    let natural = natural_answers(question);
    let exact: Vec<usize> = (0..natural.len())
        .filter(|&i| natural[i].contains(&typed))
        .collect();
    let found = if exact.is_empty() && !typed.is_empty() {
        (0..natural.len())
            .filter(|&i| natural[i].iter().any(|w| w.starts_with(&typed)))
            .collect()
    } else {
        exact
    };
    match found.as_slice() {
        [i] => Ok(*i),
        [] => Err(InputError::NotListed {
            count: listed(question).len(),
        }),
        several => Err(InputError::Ambiguous {
            choices: several
                .iter()
                .map(|&i| (i + 1, choices[i].1.clone()))
                .collect(),
        }),
    }
}

/// Parses an answer typed into a field (a date, an amount, a county): like
/// [`parse_answer`], except that a number is never read as a position in the list.
pub fn parse_typed(question: &Question, input: &str, lang: Lang) -> Result<Slot, InputError> {
    let text = input.trim();
    if text.is_empty() {
        return Err(InputError::Empty);
    }
    if question.not_sure && is_not_sure(text) {
        return Ok(Slot::NotSure);
    }
    match &question.answers {
        AnswerKind::YesNo => yes_or_no(text)
            .map(|b| Slot::Known(Value::Bool(b)))
            .ok_or(InputError::NotYesNo),
        AnswerKind::Choice(_) => {
            pick_choice(question, text).map(|i| Slot::Known(Value::Choice(i as u16)))
        }
        AnswerKind::Date => parse_date_in(text, lang).map(|d| Slot::Known(Value::Date(d))),
        AnswerKind::Money => parse_money(text).map(|c| Slot::Known(Value::Money(c))),
        AnswerKind::Number => text
            .parse::<u32>()
            .map(|n| Slot::Known(Value::Number(n)))
            .map_err(|_| InputError::NotAWholeNumber {
                text: text.to_string(),
            }),
        AnswerKind::Months => parse_months(text).map(|m| Slot::Known(Value::Number(m))),
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

/// A date typed as YYYY-MM-DD or MM/DD/YYYY.
pub fn parse_date(text: &str) -> Result<NaiveDate, InputError> {
    let text = text.trim();
    let iso_shaped = text.len() == 10
        && text.char_indices().all(|(i, c)| {
            if i == 4 || i == 7 {
                c == '-'
            } else {
                c.is_ascii_digit()
            }
        });
    // The ISO form that files hold is read digit by digit, without interpreting a
    // format string: bulk screening reads several dates a person.
    let parsed = if iso_shaped {
        let number = |range: std::ops::Range<usize>| text[range].parse::<u32>().ok();
        match (number(0..4), number(5..7), number(8..10)) {
            (Some(y), Some(m), Some(d)) => NaiveDate::from_ymd_opt(y as i32, m, d),
            _ => None,
        }
    } else {
        NaiveDate::parse_from_str(text, "%Y-%m-%d")
            .or_else(|_| NaiveDate::parse_from_str(text, "%m/%d/%Y"))
            .ok()
    };
    let text = || text.to_string();
    match parsed {
        Some(d) if (1900..=2200).contains(&chrono::Datelike::year(&d)) => Ok(d),
        Some(_) => Err(InputError::DateOutOfRange { text: text() }),
        None if iso_shaped => Err(InputError::NoSuchDay { text: text() }),
        None => Err(InputError::NotADate { text: text() }),
    }
}

/// A date as a person types it in the interview, in `lang`: everything
/// [`parse_date`] reads, and also
/// - day and month as numbers with the year last (`2/4/2018`): month first in
///   English; day first in Spanish, where two numbers both 12 or less that differ are
///   refused with both readings ([`InputError::DayOrMonth`]);
/// - the month in words, in either language, accents and case as typed:
///   "2 de abril de 2018", "2 abril 2018", "April 2, 2018", "2 April 2018".
pub fn parse_date_in(text: &str, lang: Lang) -> Result<NaiveDate, InputError> {
    let text = text.trim();
    if let Some(read) = numbers_year_last(text, lang).or_else(|| month_in_words(text)) {
        return read;
    }
    parse_date(text)
}

fn within_range(date: NaiveDate, text: &str) -> Result<NaiveDate, InputError> {
    if (1900..=2200).contains(&chrono::Datelike::year(&date)) {
        Ok(date)
    } else {
        Err(InputError::DateOutOfRange {
            text: text.to_string(),
        })
    }
}

/// `2/4/2018`, `2.4.2018` or `2-4-2018`; `None` when not shaped so.
fn numbers_year_last(text: &str, lang: Lang) -> Option<Result<NaiveDate, InputError>> {
    let sep = text.chars().find(|c| matches!(c, '/' | '.' | '-'))?;
    let parts: Vec<&str> = text.split(sep).collect();
    let [a, b, y] = parts.as_slice() else {
        return None;
    };
    let digits = |s: &str, n: std::ops::RangeInclusive<usize>| {
        n.contains(&s.len()) && s.chars().all(|c| c.is_ascii_digit())
    };
    if !(digits(a, 1..=2) && digits(b, 1..=2) && digits(y, 4..=4)) {
        return None;
    }
    let (a, b, y): (u32, u32, i32) = (a.parse().ok()?, b.parse().ok()?, y.parse().ok()?);
    let month_first = NaiveDate::from_ymd_opt(y, a, b);
    let day_first = NaiveDate::from_ymd_opt(y, b, a);
    let no_such_day = || InputError::NoSuchDay {
        text: text.to_string(),
    };
    let read = match lang {
        Lang::En => month_first.ok_or_else(no_such_day),
        Lang::Es => match (month_first, day_first) {
            (Some(m), Some(d)) if a != b && a <= 12 && b <= 12 => Err(InputError::DayOrMonth {
                month_first: m,
                day_first: d,
            }),
            // Day first; when only month first reads, the second number is over 12
            // (the first, a month, is a day in any month), so it can only be the
            // American order.
            (_, Some(d)) => Ok(d),
            (Some(m), None) => Ok(m),
            (None, None) => Err(no_such_day()),
        },
    };
    Some(read.and_then(|d| within_range(d, text)))
}

/// The months, in English and Spanish, whole and shortened, as [`words`] writes them.
const MONTHS: [&[&str]; 12] = [
    &["january", "jan", "enero", "ene"],
    &["february", "feb", "febrero"],
    &["march", "mar", "marzo"],
    &["april", "apr", "abril", "abr"],
    &["may", "mayo"],
    &["june", "jun", "junio"],
    &["july", "jul", "julio"],
    &["august", "aug", "agosto", "ago"],
    &["september", "sep", "sept", "septiembre", "setiembre", "set"],
    &["october", "oct", "octubre"],
    &["november", "nov", "noviembre"],
    &["december", "dec", "diciembre", "dic"],
];

/// "2 de abril de 2018", "April 2nd, 2018", "2 April 2018"; `None` when no month is
/// named.
fn month_in_words(text: &str) -> Option<Result<NaiveDate, InputError>> {
    let typed = words(text);
    let tokens: Vec<&str> = typed
        .split(' ')
        .filter(|t| !matches!(*t, "de" | "del" | "of" | "the" | "el"))
        .collect();
    let month_of = |t: &str| {
        MONTHS
            .iter()
            .position(|m| m.contains(&t))
            .map(|i| i as u32 + 1)
    };
    let day_of = |t: &str| {
        let n = t.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        let suffix = &t[n.len()..];
        let ordinal = matches!(suffix, "" | "st" | "nd" | "rd" | "th" | "ro" | "o");
        (ordinal && (1..=2).contains(&n.len()))
            .then(|| n.parse::<u32>().ok())
            .flatten()
            .or((t == "primero").then_some(1))
    };
    let [first, second, year] = tokens.as_slice() else {
        return None;
    };
    let (day, month) = match (month_of(first), month_of(second)) {
        (Some(m), None) => (day_of(second)?, m),
        (None, Some(m)) => (day_of(first)?, m),
        _ => return None,
    };
    if year.len() != 4 || !year.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let read = NaiveDate::from_ymd_opt(year.parse().ok()?, month, day)
        .ok_or_else(|| InputError::NoSuchDay {
            text: text.to_string(),
        })
        .and_then(|d| within_range(d, text));
    Some(read)
}

/// Dollars, with or without `$` or the word for dollars (`500 dólares`, `500 USD`),
/// and cents; returned in cents. A comma or a point followed by exactly three digits
/// in every group separates thousands; otherwise it marks the cents, in either
/// language: `1,200.50`, `1.200,50`, `950,00` and `9,50` are what they say. Anything
/// else (`1.200`, which reads both ways) is refused.
/// The longest length of time taken, in months (50 years).
pub const MAX_MONTHS: u32 = 600;

/// A length of time in months: "36", "36 months", "3 years", "2.5 años", "18 meses".
/// A bare number of 10 or less is refused as unclear: people say "3" for three years.
pub fn parse_months(text: &str) -> Result<u32, InputError> {
    let refused = || InputError::NotALength {
        text: text.trim().to_string(),
    };
    let s = fold(text.trim().trim_end_matches('.'));
    let split = s
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
        .unwrap_or(s.len());
    let (number, unit) = s.split_at(split);
    let number: f64 = number.replace(',', ".").parse().map_err(|_| refused())?;
    let per_unit = match unit.trim() {
        "" => None,
        "month" | "months" | "mo" | "mos" | "m" | "mes" | "meses" => Some(1.0),
        "year" | "years" | "yr" | "yrs" | "y" | "ano" | "anos" => Some(12.0),
        _ => return Err(refused()),
    };
    let months = match per_unit {
        None if number.fract() == 0.0 && (1.0..=10.0).contains(&number) => {
            return Err(InputError::YearsOrMonths { n: number as u32 });
        }
        None => number,
        Some(per) => number * per,
    };
    if months.fract() != 0.0 {
        return Err(refused());
    }
    if !(1.0..=f64::from(MAX_MONTHS)).contains(&months) {
        return Err(InputError::LengthOutOfRange {
            months: months as u64,
        });
    }
    Ok(months as u32)
}

pub fn parse_money(text: &str) -> Result<u64, InputError> {
    let refused = || InputError::NotAnAmount {
        text: text.trim().to_string(),
    };
    // A sentence's full stop ("500 dólares.") is not part of the amount.
    let mut s = fold(text.trim().trim_end_matches('.'));
    for word in ["dolares", "dollars", "dolar", "dollar", "usd", "$"] {
        if let Some(rest) = s.strip_suffix(word) {
            s = rest.trim_end().to_string();
            break;
        }
    }
    let s: String = s
        .trim()
        .trim_start_matches("us$")
        .trim_start_matches("usd")
        .trim_start_matches('$')
        .trim()
        .to_string();
    if s.starts_with('-') {
        return Err(InputError::NegativeAmount);
    }
    if s.is_empty()
        || !s
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
    {
        return Err(refused());
    }
    // The groups of thousands, each three digits after the first, joined; `None` when
    // they are not so.
    let thousands = |whole: &str, sep: char| -> Option<String> {
        let groups: Vec<&str> = whole.split(sep).collect();
        let ok = (1..=3).contains(&groups[0].len())
            && groups[1..].iter().all(|g| g.len() == 3)
            && groups.iter().all(|g| g.chars().all(|c| c.is_ascii_digit()));
        ok.then(|| groups.concat())
    };
    let comma = s.rfind(',');
    let point = s.rfind('.');
    let (dollars, cents) = match (comma, point) {
        (None, None) => (s.clone(), String::new()),
        (Some(c), Some(p)) => {
            let (mark, sep) = if c > p { (c, '.') } else { (p, ',') };
            let (whole, cents) = (&s[..mark], &s[mark + 1..]);
            let whole = if whole.contains(sep) {
                thousands(whole, sep).ok_or_else(refused)?
            } else {
                whole.to_string()
            };
            (whole, cents.to_string())
        }
        (Some(at), None) | (None, Some(at)) => {
            let sep = if comma.is_some() { ',' } else { '.' };
            let groups = s.split(sep).count();
            let after = &s[at + 1..];
            if let Some(whole) = thousands(&s, sep).filter(|_| after.len() == 3) {
                // One point with three digits after it is 1200 in Spanish and 1.2 in
                // English: refused.
                if sep == '.' && groups == 2 {
                    return Err(refused());
                }
                (whole, String::new())
            } else if groups == 2 {
                (s[..at].to_string(), after.to_string())
            } else {
                return Err(refused());
            }
        }
    };
    // Dollars that do not parse (none, or a stray mark) are refused below.
    let valid = cents.len() <= 2 && cents.chars().all(|c| c.is_ascii_digit());
    let amount = valid
        .then(|| {
            let d: u64 = dollars.parse().ok()?;
            let c: u64 = format!("{cents:0<2}").parse().ok()?;
            d.checked_mul(100)?.checked_add(c)
        })
        .flatten();
    amount.ok_or_else(refused)
}

/// A typed answer as it is kept. A county is its name as the table writes it ("la
/// county" is "Los Angeles"); a name that is not a California county is refused with
/// the names it comes closest to. A code section is kept in its standard form
/// ("pc487(A)" is "PC 487(a)"), so every output writes it one way; words that name no
/// section are kept as typed. Any other answer is left as it is.
pub fn canonical(
    content: &crate::content::Content,
    fact: crate::model::FactId,
    slot: Slot,
) -> Result<Slot, InputError> {
    use crate::content::counties::Found;
    let Slot::Known(Value::Text(typed)) = &slot else {
        return Ok(slot);
    };
    if content.sections.fact == Some(fact) {
        // A section written as the table writes it is already in its standard form.
        if content.sections.as_written(typed).is_some() {
            return Ok(slot);
        }
        return Ok(match crate::content::sections::standard_form(typed) {
            Some((code, number, attempt)) => Slot::Known(Value::Text(
                crate::content::sections::written(code, &number, attempt),
            )),
            None => slot,
        });
    }
    if content.counties.fact != Some(fact) {
        return Ok(slot);
    }
    match content.counties.find(typed) {
        Found::County(name) => Ok(Slot::Known(Value::Text(name.to_string()))),
        Found::Not(nearest) => Err(InputError::NotACounty {
            // Said back on a terminal and in messages about files: one safe line.
            typed: crate::sanitize::line(typed).into_owned(),
            nearest: nearest.into_iter().map(String::from).collect(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn courtesy_is_left_out_at_either_end_but_never_the_whole_answer() {
        assert_eq!(words("Por favor, sí"), "si");
        assert_eq!(words("no, señor"), "no");
        assert_eq!(words("yes please"), "yes");
        assert_eq!(words("pues, no, gracias"), "no");
        assert_eq!(words("Well, thank you, no"), "no");
        // An answer that is only courtesy is kept, to be refused as what it is.
        assert_eq!(words("please"), "please");
        assert_eq!(words("thank you"), "thank you");
    }

    fn question(answers: AnswerKind, not_sure: bool) -> Question {
        Question {
            id: "q".into(),
            sets: None,
            text: String::new(),
            help: String::new(),
            confirm_with: String::new(),
            answers,
            not_sure,
            not_before: Vec::new(),
            implied_by: None,
            next: Vec::new(),
            also: Vec::new(),
            short: Vec::new(),
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
        assert_eq!(
            parse_answer(&offered, "not sure", Lang::En),
            Ok(Slot::NotSure)
        );
        let refused = question(AnswerKind::YesNo, false);
        assert_eq!(
            parse_answer(&refused, "not sure", Lang::En),
            Err(InputError::NotYesNo)
        );
        assert_eq!(
            parse_typed(&refused, "?", Lang::En),
            Err(InputError::NotYesNo)
        );
    }

    #[test]
    fn a_number_picks_from_the_list_not_sure_last() {
        let yes_no = question(AnswerKind::YesNo, true);
        assert_eq!(
            parse_answer(&yes_no, "1", Lang::En),
            known(Value::Bool(true))
        );
        assert_eq!(
            parse_answer(&yes_no, "2.", Lang::En),
            known(Value::Bool(false))
        );
        assert_eq!(parse_answer(&yes_no, "3)", Lang::En), Ok(Slot::NotSure));
        assert_eq!(
            parse_answer(&yes_no, "4", Lang::En),
            Err(InputError::PickNumber { count: 3 })
        );
        assert_eq!(
            parse_answer(&yes_no, "0", Lang::En),
            Err(InputError::PickNumber { count: 3 })
        );
        assert_eq!(
            parse_answer(&county(), "2", Lang::En),
            known(Value::Choice(1))
        );
        // A number typed for an amount is the amount.
        let money = question(AnswerKind::Money, false);
        assert_eq!(
            parse_answer(&money, "2", Lang::En),
            known(Value::Money(200))
        );
        assert_eq!(parse_answer(&money, "  ", Lang::En), Err(InputError::Empty));
        assert_eq!(parse_typed(&money, "", Lang::En), Err(InputError::Empty));
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
        assert_eq!(yes_or_no("nope"), Some(false));
        assert_eq!(yes_or_no("perhaps"), None);
        let q = question(AnswerKind::YesNo, false);
        assert_eq!(parse_typed(&q, "Sí", Lang::En), known(Value::Bool(true)));
        assert_eq!(
            parse_typed(&q, "maybe", Lang::En),
            Err(InputError::NotYesNo)
        );
    }

    #[test]
    fn a_choice_is_found_by_its_value_label_or_start_without_accents() {
        let q = county();
        assert_eq!(
            parse_typed(&q, "alameda", Lang::En),
            known(Value::Choice(0))
        );
        assert_eq!(
            parse_typed(&q, "los angeles", Lang::En),
            known(Value::Choice(1))
        );
        assert_eq!(
            parse_typed(&q, "LOS_ANGELES", Lang::En),
            known(Value::Choice(1))
        );
        assert_eq!(parse_typed(&q, "los", Lang::En), known(Value::Choice(1)));
        assert_eq!(parse_typed(&q, "Lak", Lang::En), known(Value::Choice(2)));
        // "l" starts three, and the refusal names them; an exact match wins over others
        // that start with it.
        assert_eq!(
            parse_typed(&q, "l", Lang::En),
            Err(InputError::Ambiguous {
                choices: vec![
                    (2, "Los Ángeles".into()),
                    (3, "Lake".into()),
                    (4, "La Paz".into()),
                ]
            })
        );
        assert_eq!(parse_typed(&q, "la", Lang::En), known(Value::Choice(3)));
        assert_eq!(parse_typed(&q, "la paz", Lang::En), known(Value::Choice(3)));
        assert_eq!(
            parse_typed(&q, "fresno", Lang::En),
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
            parse_typed(&q, "2020-01-02", Lang::En),
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
            "+5",
            "1.a",
            // Groups of thousands are three digits after a first of one to three.
            "12,34.50",
            "1234,567.00",
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
    fn dates_not_shaped_as_a_person_writes_them_are_refused() {
        let not_a_date = |text: &str| Err(InputError::NotADate { text: text.into() });
        // One or two digits for the day and the month, four for the year.
        assert_eq!(
            parse_date_in("123/4/2018", Lang::En),
            not_a_date("123/4/2018")
        );
        assert!(!matches!(
            parse_date_in("4/2/201", Lang::Es),
            Err(InputError::DayOrMonth { .. }) | Ok(_)
        ));
        // A day in words is a number, an ordinal or "primero".
        assert_eq!(
            parse_date_in("primero de abril de 2018", Lang::Es),
            Ok(NaiveDate::from_ymd_opt(2018, 4, 1).unwrap())
        );
        assert_eq!(
            parse_date_in("2nd April 2018", Lang::En),
            Ok(NaiveDate::from_ymd_opt(2018, 4, 2).unwrap())
        );
        for bad in ["2xx April 2018", "xx April 2018", "April 2, 20188"] {
            assert_eq!(parse_date_in(bad, Lang::En), not_a_date(bad), "{bad}");
        }
    }

    /// A length is months unless it says years; a bare number people use for years
    /// is asked about instead of being read as months.
    #[test]
    fn lengths_read_in_months_or_years_and_a_bare_small_number_is_asked_about() {
        let m = question(AnswerKind::Months, true);
        let months = |t: &str| parse_typed(&m, t, Lang::En);
        assert_eq!(months("36"), known(Value::Number(36)));
        assert_eq!(months("36 months"), known(Value::Number(36)));
        assert_eq!(months("3 years"), known(Value::Number(36)));
        assert_eq!(months("1 year"), known(Value::Number(12)));
        assert_eq!(months("2.5 years"), known(Value::Number(30)));
        assert_eq!(months("3 años"), known(Value::Number(36)));
        assert_eq!(months("18 meses"), known(Value::Number(18)));
        assert_eq!(months("11"), known(Value::Number(11)));
        assert_eq!(months("3"), Err(InputError::YearsOrMonths { n: 3 }));
        assert_eq!(months("10"), Err(InputError::YearsOrMonths { n: 10 }));
        assert_eq!(months("3 months"), known(Value::Number(3)));
        assert_eq!(months("600"), known(Value::Number(MAX_MONTHS)));
        assert_eq!(
            months("601"),
            Err(InputError::LengthOutOfRange { months: 601 })
        );
        assert_eq!(
            months("0 months"),
            Err(InputError::LengthOutOfRange { months: 0 })
        );
        assert_eq!(
            months("1.5 months"),
            Err(InputError::NotALength {
                text: "1.5 months".into()
            })
        );
        assert_eq!(
            months("three years"),
            Err(InputError::NotALength {
                text: "three years".into()
            })
        );
        assert_eq!(months("not sure"), Ok(Slot::NotSure));
    }

    #[test]
    fn numbers_and_text() {
        let n = question(AnswerKind::Number, false);
        assert_eq!(parse_typed(&n, "12", Lang::En), known(Value::Number(12)));
        assert_eq!(
            parse_typed(&n, "1.5", Lang::En),
            Err(InputError::NotAWholeNumber { text: "1.5".into() })
        );
        let t = question(AnswerKind::Text, false);
        assert_eq!(
            parse_typed(&t, " Kern ", Lang::En),
            known(Value::Text("Kern".into()))
        );
        let long = "a".repeat(80);
        assert_eq!(
            parse_typed(&t, &long, Lang::En),
            known(Value::Text(long.clone()))
        );
        assert_eq!(
            parse_typed(&t, &format!("{long}é"), Lang::En),
            Err(InputError::TextTooLong)
        );
        assert_eq!(
            parse_typed(&t, "a\u{1b}[2J", Lang::En),
            Err(InputError::TextCharacters)
        );
    }
}
