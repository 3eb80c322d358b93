//! The hand-off code: every answer of a screening in a short code a person can carry on
//! paper from a kiosk to an attorney's table, with nothing stored anywhere.
//!
//! The code is the interview replayed: each question asked, in the order asked, adds its
//! answer as one digit whose base is the number of answers the question takes (a county
//! is one of 58, a date a count of days, "not sure" one more), and the digits are packed
//! into one number written in base 32. Questions the interview does not ask cost
//! nothing, and what earlier answers tell costs less: a case in the county of the one
//! before costs a bit, and a date that cannot precede another is counted from it. So
//! the code can only be read by the same interview: a hash of the interview's shape is
//! checked with the check characters, and a code made for other questions is refused
//! rather than misread. The rules version is a character of its
//! own, so a code made under older rules opens with a warning that the results may
//! have changed.
//!
//! It holds no free text. A county is its number in the table; a code section is its
//! place in the table or its standard form ("PC 245(A)(1)"); anything else typed as a
//! section is carried as "not sure", and the reader is told which entries.

pub mod symbols;

use chrono::{Datelike, Days, Months, NaiveDate};

use super::input::InputError;
use super::interview::{Asking, Interview, Stage};
use crate::content::Content;
use crate::content::model::{AnswerKind, Question};
use crate::content::sections;
use crate::model::{FactId, Person, Slot, Value};
use symbols::{Mistake, Packed};

/// Changes whenever the way answers are written into a code changes.
const CODEC: &str = "clearpath hand-off code 2";

/// Dates are days from this one, one digit; earlier ones (the interview takes none
/// before 1900) cost a second digit.
const WINDOW_START: NaiveDate = NaiveDate::from_ymd_opt(1970, 1, 1).unwrap();
const FIRST_DAY: NaiveDate = NaiveDate::from_ymd_opt(1900, 1, 1).unwrap();
/// The last day a code can hold.
const LAST_DAY: NaiveDate = NaiveDate::from_ymd_opt(2059, 12, 31).unwrap();

/// The characters of a section's number and of its subdivisions, after the end (0).
/// A number's letter ("288a") is rare: it costs an escape, then a letter.
const NUMBER_CHARACTERS: &[u8] = b"0123456789.";
const LETTERS: &[u8] = b"abcdefghijklmnopqrstuvwxyz";
const SUBDIVISION_CHARACTERS: &[u8] = b"abcdefghijklmnopqrstuvwxyz0123456789";

/// Why a person's answers cannot be made into a code.
#[derive(Debug, Clone, PartialEq)]
pub enum EncodeError {
    /// A question on the person's path has no answer yet.
    Unanswered {
        entry: Option<usize>,
        question: usize,
    },
    /// An answer a code cannot hold: a county not in California's list (from an older
    /// intake), a date outside 1900–2099.
    NotCarried {
        entry: Option<usize>,
        question: usize,
    },
    /// The interview refuses an answer as it stands (saved before a rule was written).
    Refused {
        entry: Option<usize>,
        question: usize,
        error: InputError,
    },
}

/// Why a typed code cannot be read.
#[derive(Debug, Clone, PartialEq)]
pub enum DecodeError {
    /// A mistyped code, with where.
    Mistyped(Mistake),
    /// The characters check, but the answers do not fit these questions.
    OtherQuestions,
}

/// The answers a code holds.
#[derive(Debug)]
pub struct Decoded<'c> {
    /// The interview with every answer given, at the results.
    pub interview: Interview<'c>,
    /// Made under other rules than these: the results may have changed.
    pub other_rules: bool,
    /// Entries whose code section was typed as words the code does not hold: it reads
    /// "not sure" now.
    pub sections_not_carried: Vec<usize>,
}

/// The code for a person's answers, as shown: `K7QF-29XM-…`.
pub fn encode(content: &Content, person: &Person, as_of: NaiveDate) -> Result<String, EncodeError> {
    let mut interview = Interview::new(content, as_of);
    let mut digits = vec![(rules_tag(content), 32)];
    loop {
        match interview.stage() {
            Stage::Done => break,
            Stage::AddAnother => {
                let next = interview.entry_count();
                let more = next < person.cases.len();
                let as_count = more && person.further_count[next];
                let counts = interview.count_can_follow().is_some();
                if as_count && !counts {
                    let question = content.case_start;
                    return Err(EncodeError::NotCarried {
                        entry: Some(next),
                        question,
                    });
                }
                digits.push((u64::from(more) + u64::from(as_count), 2 + u64::from(counts)));
                go_on(&mut interview, more, as_count);
            }
            Stage::Person | Stage::Entry(_) => {
                let Some(asking) = interview.asking() else {
                    break;
                };
                let (entry, question) = (asking.entry, asking.index);
                let fact = content.questions[question].fact;
                let slot = match entry {
                    None => person.person.get(fact),
                    Some(e) => person.cases[e].get(fact),
                };
                if !slot.is_answered() {
                    return Err(EncodeError::Unanswered { entry, question });
                }
                let before = digits.len();
                let earlier = Earlier::of(&interview, &asking);
                interview
                    .answer(slot.clone())
                    .map_err(|error| EncodeError::Refused {
                        entry,
                        question,
                        error,
                    })?;
                write_answer(content, asking.question, fact, slot, earlier, &mut digits)
                    .ok_or(EncodeError::NotCarried { entry, question })?;
                debug_assert!(digits.len() > before);
            }
        }
    }
    let mut packed = Packed::default();
    for (digit, base) in digits.iter().rev() {
        packed.push(*digit, *base);
    }
    let mut payload = packed.symbols();
    symbols::seal(&shape_tag(content), &mut payload);
    Ok(symbols::write(&payload))
}

/// Reads a code typed by a person into the answers it holds.
pub fn decode<'c>(
    content: &'c Content,
    typed: &str,
    as_of: NaiveDate,
) -> Result<Decoded<'c>, DecodeError> {
    let symbols = symbols::read(typed).map_err(DecodeError::Mistyped)?;
    match symbols::open(&shape_tag(content), &symbols) {
        Ok(payload) => read_answers(content, payload, as_of),
        Err(Mistake::OtherPrefix) => Err(DecodeError::OtherQuestions),
        // Any two syndromes point at some place, so a place is named only when fixing
        // the character there gives answers that read: more typos, or a character
        // missing or extra, rarely do.
        Err(Mistake::Typo {
            places,
            or_other,
            fix,
        }) => {
            let reads = |place: &usize| {
                let mut fixed = symbols.clone();
                fixed[place - 1] ^= fix;
                read_answers(content, &fixed[..fixed.len() - 2], as_of).is_ok()
            };
            let places: Vec<usize> = places.into_iter().filter(reads).collect();
            Err(DecodeError::Mistyped(if places.is_empty() {
                Mistake::SeveralTypos
            } else {
                Mistake::Typo {
                    places,
                    or_other,
                    fix,
                }
            }))
        }
        Err(mistake) => Err(DecodeError::Mistyped(mistake)),
    }
}

/// The answers a code's payload holds, its check characters agreeing.
fn read_answers<'c>(
    content: &'c Content,
    payload: &[u8],
    as_of: NaiveDate,
) -> Result<Decoded<'c>, DecodeError> {
    let mut packed = Packed::from_symbols(payload);
    let mut take = |base: u64| {
        let digit = packed.pop(base);
        (digit < base).then_some(digit)
    };
    let mut decoded = Decoded {
        other_rules: take(32) != Some(rules_tag(content)),
        interview: Interview::new(content, as_of),
        sections_not_carried: Vec::new(),
    };
    let interview = &mut decoded.interview;
    loop {
        match interview.stage() {
            Stage::Done => break,
            Stage::AddAnother => {
                let counts = interview.count_can_follow().is_some();
                let digit = take(2 + u64::from(counts)).ok_or(DecodeError::OtherQuestions)?;
                go_on(interview, digit > 0, digit == 2);
            }
            Stage::Person | Stage::Entry(_) => {
                let asking = interview.asking().ok_or(DecodeError::OtherQuestions)?;
                let fact = content.questions[asking.index].fact;
                let earlier = Earlier::of(interview, &asking);
                let (slot, carried) =
                    read_answer(content, asking.question, fact, earlier, &mut take)
                        .ok_or(DecodeError::OtherQuestions)?;
                if !carried && let Some(e) = asking.entry {
                    decoded.sections_not_carried.push(e);
                }
                interview
                    .answer(slot)
                    .map_err(|_| DecodeError::OtherQuestions)?;
            }
        }
    }
    if !packed.is_zero() {
        return Err(DecodeError::OtherQuestions);
    }
    Ok(decoded)
}

/// After an entry: done, another case, or another count of this case.
fn go_on(interview: &mut Interview, more: bool, as_count: bool) {
    match (more, as_count) {
        (true, true) => interview.add_count(),
        (more, _) => interview.add_another(more),
    }
}

/// What answers given earlier tell of the one asked, so that it costs less.
#[derive(Debug, Clone, Copy)]
struct Earlier {
    /// The county of the case before, as its place in the table.
    county: Option<usize>,
    /// The latest date given that this one cannot precede (see `not_before`).
    date: Option<NaiveDate>,
}

impl Earlier {
    fn of(interview: &Interview, asking: &Asking) -> Self {
        Earlier {
            county: asking.entry.and_then(|e| county_before(interview, e)),
            date: interview.not_before(asking.question, asking.entry),
        }
    }
}

/// The county of the case before entry `entry`, as its place in the table, when it
/// was given: a case in the same county then costs one bit.
fn county_before(interview: &Interview, entry: usize) -> Option<usize> {
    let content = interview.content();
    let fact = content.counties.fact?;
    let person = interview.person();
    let before = (0..entry).rev().find(|e| !person.is_further_count(*e))?;
    county_index(content, person.cases[before].get(fact))
}

fn county_index(content: &Content, slot: &Slot) -> Option<usize> {
    match slot {
        Slot::Known(Value::Text(name)) => content.counties.names.iter().position(|n| n == name),
        _ => None,
    }
}

/// Writes one answer as digits, each with its base; `None` for an answer a code
/// cannot hold.
fn write_answer(
    content: &Content,
    question: &Question,
    fact: FactId,
    slot: &Slot,
    earlier: Earlier,
    digits: &mut Vec<(u64, u64)>,
) -> Option<()> {
    let not_sure = u64::from(question.not_sure);
    if Some(fact) == content.counties.fact
        && let Some(before) = earlier.county
    {
        let same = county_index(content, slot) == Some(before);
        digits.push((u64::from(!same), 2));
        if same {
            return Some(());
        }
    }
    let value = match slot {
        Slot::Missing => return None,
        Slot::NotSure => {
            digits.push((0, kind_base(content, question, fact, earlier)? + not_sure));
            return Some(());
        }
        Slot::Known(value) => value,
    };
    let mut push = |digit: u64, base: u64| digits.push((digit + not_sure, base + not_sure));
    match (&question.answers, value) {
        (AnswerKind::YesNo, Value::Bool(b)) => push(u64::from(*b), 2),
        (AnswerKind::Choice(choices), Value::Choice(i)) => {
            push(u64::from(*i), choices.len() as u64)
        }
        (AnswerKind::Date, Value::Date(d)) if earlier.date.is_some() => {
            let (step, count) = Step::counted(earlier.date?, *d)?;
            push(step as u64, STEPS.len() as u64);
            digits.push((count, step.limit(earlier.date?)));
        }
        (AnswerKind::Date, Value::Date(d)) if (WINDOW_START..=LAST_DAY).contains(d) => {
            push(days(WINDOW_START, *d) + 1, days(WINDOW_START, LAST_DAY) + 2)
        }
        (AnswerKind::Date, Value::Date(d)) if (FIRST_DAY..WINDOW_START).contains(d) => {
            push(0, days(WINDOW_START, LAST_DAY) + 2);
            digits.push((days(FIRST_DAY, *d), days(FIRST_DAY, WINDOW_START)));
        }
        (AnswerKind::Money, Value::Money(n)) => {
            push(0, 1);
            gamma(*n, digits)?
        }
        (AnswerKind::Number | AnswerKind::Months, Value::Number(n)) => {
            push(0, 1);
            gamma(u64::from(*n), digits)?
        }
        (AnswerKind::Text, Value::Text(text)) if Some(fact) == content.counties.fact => {
            let i = county_index(content, slot)?;
            push(i as u64, content.counties.names.len() as u64)
        }
        (AnswerKind::Text, Value::Text(text)) if Some(fact) == content.sections.fact => {
            let table = &content.sections;
            let n = table.sections.len() as u64;
            let form = sections::standard_form(text)
                .map(|(code, number, attempt)| sections::written(code, &number, attempt));
            let listed = table.find(text).map(|s| {
                let at = table.sections.iter().position(|t| std::ptr::eq(t, s));
                (at.unwrap_or_default() as u64, s.code.as_str())
            });
            match (form, listed) {
                (Some(form), Some((i, code))) if form == code => push(i, n + 3),
                (Some(form), Some((i, code))) => {
                    push(n, n + 3);
                    digits.push((i, n));
                    write_subdivisions(form.strip_prefix(code)?, digits)?
                }
                (Some(_), None) => {
                    let (code, number, attempt) = sections::standard_form(text)?;
                    push(n + 1, n + 3);
                    write_section(code, &number.to_ascii_lowercase(), attempt, digits)?
                }
                (None, _) => push(n + 2, n + 3),
            }
        }
        _ => return None,
    }
    Some(())
}

/// Reads one answer; `None` when the digits cannot be an answer to this question. The
/// flag is false for a code section typed as words, which the code does not hold.
fn read_answer(
    content: &Content,
    question: &Question,
    fact: FactId,
    earlier: Earlier,
    take: &mut impl FnMut(u64) -> Option<u64>,
) -> Option<(Slot, bool)> {
    if Some(fact) == content.counties.fact
        && let Some(before) = earlier.county
        && take(2)? == 0
    {
        let name = content.counties.names.get(before)?;
        return Some((Slot::Known(Value::Text(name.clone())), true));
    }
    let base = kind_base(content, question, fact, earlier)?;
    let digit = take(base + u64::from(question.not_sure))?;
    if question.not_sure && digit == 0 {
        return Some((Slot::NotSure, true));
    }
    let digit = digit - u64::from(question.not_sure);
    let value = match &question.answers {
        AnswerKind::YesNo => Value::Bool(digit == 1),
        AnswerKind::Choice(_) => Value::Choice(u16::try_from(digit).ok()?),
        AnswerKind::Date if earlier.date.is_some() => {
            let floor = earlier.date?;
            let step = *STEPS.get(digit as usize)?;
            let count = take(step.limit(floor))?;
            let date = step.after(floor, count)?;
            // Each date has one way to be written: the first step that lands on it.
            if Step::counted(floor, date) != Some((step, count)) {
                return None;
            }
            Value::Date(date)
        }
        AnswerKind::Date if digit == 0 => {
            let day = take(days(FIRST_DAY, WINDOW_START))?;
            Value::Date(FIRST_DAY + chrono::Days::new(day))
        }
        AnswerKind::Date => Value::Date(WINDOW_START + chrono::Days::new(digit - 1)),
        AnswerKind::Money => Value::Money(ungamma(take)?),
        AnswerKind::Number | AnswerKind::Months => {
            Value::Number(u32::try_from(ungamma(take)?).ok()?)
        }
        AnswerKind::Text if Some(fact) == content.counties.fact => {
            Value::Text(content.counties.names.get(digit as usize)?.clone())
        }
        AnswerKind::Text => {
            let table = &content.sections.sections;
            let n = table.len() as u64;
            match digit {
                i if i < n => Value::Text(table[i as usize].code.clone()),
                i if i == n => {
                    let section = &table[take(n)? as usize].code;
                    Value::Text(format!("{section}{}", read_subdivisions(take)?))
                }
                i if i == n + 1 => Value::Text(read_section(take)?),
                _ => return Some((Slot::NotSure, false)),
            }
        }
    };
    Some((Slot::Known(value), true))
}

/// How many answers a question takes, "not sure" aside; for a number, the one digit
/// before its length, and for a date counted from another, its step.
fn kind_base(
    content: &Content,
    question: &Question,
    fact: FactId,
    earlier: Earlier,
) -> Option<u64> {
    Some(match &question.answers {
        AnswerKind::YesNo => 2,
        AnswerKind::Choice(choices) => choices.len() as u64,
        AnswerKind::Date if earlier.date.is_some() => STEPS.len() as u64,
        AnswerKind::Date => days(WINDOW_START, LAST_DAY) + 2,
        AnswerKind::Money | AnswerKind::Number | AnswerKind::Months => 1,
        AnswerKind::Text if Some(fact) == content.counties.fact => {
            content.counties.names.len() as u64
        }
        AnswerKind::Text if Some(fact) == content.sections.fact => {
            content.sections.sections.len() as u64 + 3
        }
        AnswerKind::Text => return None,
    })
}

fn days(from: NaiveDate, to: NaiveDate) -> u64 {
    (to - from).num_days() as u64
}

/// What a date that cannot precede another is counted in from it, the first that
/// lands on it taken: the end of a probation is mostly its start and a term of whole
/// years or months, which then costs a few bits rather than a count of days.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    Years,
    Months,
    Days,
}

const STEPS: [Step; 3] = [Step::Years, Step::Months, Step::Days];

impl Step {
    /// The date `count` steps after `floor`.
    fn after(self, floor: NaiveDate, count: u64) -> Option<NaiveDate> {
        let count = u32::try_from(count).ok()?;
        match self {
            Step::Years => floor.checked_add_months(Months::new(count.checked_mul(12)?)),
            Step::Months => floor.checked_add_months(Months::new(count)),
            Step::Days => floor.checked_add_days(Days::new(count.into())),
        }
    }

    /// How many counts there are, from zero, up to the last day a code holds.
    fn limit(self, floor: NaiveDate) -> u64 {
        let years = u64::try_from(LAST_DAY.year() - floor.year()).unwrap_or(0);
        match self {
            Step::Years => years + 1,
            Step::Months => years * 12 + u64::from(LAST_DAY.month() - floor.month()) + 1,
            Step::Days => days(floor, LAST_DAY.max(floor)) + 1,
        }
    }

    /// The first step that lands on `date` from `floor`, and how many of it; `None` for
    /// a date before `floor` or after the last day a code holds.
    fn counted(floor: NaiveDate, date: NaiveDate) -> Option<(Step, u64)> {
        if !(floor..=LAST_DAY).contains(&date) {
            return None;
        }
        let months = u64::try_from(
            (date.year() - floor.year()) * 12 + date.month() as i32 - floor.month() as i32,
        )
        .ok()?;
        STEPS.into_iter().find_map(|step| {
            let count = match step {
                Step::Years => months / 12,
                Step::Months => months,
                Step::Days => days(floor, date),
            };
            (count < step.limit(floor) && step.after(floor, count) == Some(date))
                .then_some((step, count))
        })
    }
}

/// The longest number a code holds: 2⁴⁰ − 2 (ten billion dollars, in cents).
const GAMMA_BITS: u64 = 40;

/// A whole number in two digits: its length in bits, then the bits after the first.
fn gamma(n: u64, digits: &mut Vec<(u64, u64)>) -> Option<()> {
    let v = n.checked_add(1)?;
    let bits = u64::from(63 - v.leading_zeros());
    if bits >= GAMMA_BITS {
        return None;
    }
    digits.push((bits, GAMMA_BITS));
    if bits > 0 {
        digits.push((v - (1 << bits), 1 << bits));
    }
    Some(())
}

fn ungamma(take: &mut impl FnMut(u64) -> Option<u64>) -> Option<u64> {
    let bits = take(GAMMA_BITS)?;
    let rest = if bits > 0 { take(1 << bits)? } else { 0 };
    Some((1 << bits) + rest - 1)
}

/// A section not in the table, in its standard form: its code, whether an attempt,
/// the characters of its number, and its subdivisions.
fn write_section(
    code: &str,
    number: &str,
    attempt: bool,
    digits: &mut Vec<(u64, u64)>,
) -> Option<()> {
    let codes = sections::STANDARD_CODES;
    digits.push((
        codes.iter().position(|c| *c == code)? as u64,
        codes.len() as u64,
    ));
    digits.push((u64::from(attempt), 2));
    let (number, subdivisions) = number
        .find('(')
        .map_or((number, ""), |at| number.split_at(at));
    write_characters(number, NUMBER_CHARACTERS, true, digits)?;
    write_subdivisions(subdivisions, digits)
}

fn read_section(take: &mut impl FnMut(u64) -> Option<u64>) -> Option<String> {
    let codes = sections::STANDARD_CODES;
    let code = codes[take(codes.len() as u64)? as usize];
    let attempt = take(2)? == 1;
    let mut number = read_characters(NUMBER_CHARACTERS, true, take)?;
    number.push_str(&read_subdivisions(take)?);
    Some(sections::written(code, &number, attempt))
}

/// Subdivisions, "(a)(1)": whether there are any, then each, one character as one
/// digit and a longer one spelt out, then an end.
fn write_subdivisions(subdivisions: &str, digits: &mut Vec<(u64, u64)>) -> Option<()> {
    let base = SUBDIVISION_CHARACTERS.len() as u64 + 2;
    digits.push((u64::from(!subdivisions.is_empty()), 2));
    if subdivisions.is_empty() {
        return Some(());
    }
    let mut rest = subdivisions;
    while !rest.is_empty() {
        let (inner, after) = rest.strip_prefix('(')?.split_once(')')?;
        match inner.as_bytes() {
            [c] => {
                let i = SUBDIVISION_CHARACTERS.iter().position(|s| s == c)?;
                digits.push((i as u64 + 1, base));
            }
            _ => {
                digits.push((base - 1, base));
                write_characters(inner, SUBDIVISION_CHARACTERS, false, digits)?;
            }
        }
        rest = after;
    }
    digits.push((0, base));
    Some(())
}

fn read_subdivisions(take: &mut impl FnMut(u64) -> Option<u64>) -> Option<String> {
    let base = SUBDIVISION_CHARACTERS.len() as u64 + 2;
    let mut out = String::new();
    if take(2)? == 0 {
        return Some(out);
    }
    loop {
        let inner = match take(base)? {
            0 => return Some(out),
            i if i == base - 1 => read_characters(SUBDIVISION_CHARACTERS, false, take)?,
            i => char::from(SUBDIVISION_CHARACTERS[i as usize - 1]).to_string(),
        };
        out.push_str(&format!("({inner})"));
        if out.len() > MAX_SECTION {
            return None;
        }
    }
}

/// The longest section number or subdivision a code reads back.
const MAX_SECTION: usize = 24;

/// Characters one digit each, then an end; with `letters`, a letter not in `alphabet`
/// costs an escape, then the letter ("288a"). `None` for a character it cannot hold or
/// an empty text.
fn write_characters(
    text: &str,
    alphabet: &[u8],
    letters: bool,
    digits: &mut Vec<(u64, u64)>,
) -> Option<()> {
    let base = alphabet.len() as u64 + 1 + u64::from(letters);
    if text.is_empty() || text.len() > MAX_SECTION {
        return None;
    }
    for c in text.bytes() {
        match alphabet.iter().position(|s| *s == c) {
            Some(i) => digits.push((i as u64 + 1, base)),
            None if letters => {
                digits.push((base - 1, base));
                digits.push((LETTERS.iter().position(|s| *s == c)? as u64, 26));
            }
            None => return None,
        }
    }
    digits.push((0, base));
    Some(())
}

fn read_characters(
    alphabet: &[u8],
    letters: bool,
    take: &mut impl FnMut(u64) -> Option<u64>,
) -> Option<String> {
    let base = alphabet.len() as u64 + 1 + u64::from(letters);
    let mut out = String::new();
    loop {
        match take(base)? {
            0 if !out.is_empty() => return Some(out),
            0 => return None,
            i if letters && i == base - 1 => out.push(char::from(LETTERS[take(26)? as usize])),
            i => out.push(char::from(alphabet[i as usize - 1])),
        }
        if out.len() > MAX_SECTION {
            return None;
        }
    }
}

/// The rules version, as the code's first character: a code made under other rules
/// opens with a warning that the results may have changed.
fn rules_tag(content: &Content) -> u64 {
    fnv(content.meta.rules_version.as_bytes()) % 32
}

/// The interview's shape, two symbols the check characters check but the code does not
/// write: its questions, the answers each takes, the path between them, and the tables
/// of counties and sections. A code made for another shape is refused, never misread.
/// Words and languages are not part of it, so a code opens in either language.
fn shape_tag(content: &Content) -> [u8; 2] {
    use std::fmt::Write;
    let mut shape = String::from(CODEC);
    for q in &content.questions {
        let kind = match &q.source.answers {
            AnswerKind::Choice(choices) => {
                let values: Vec<&str> = choices.iter().map(|(v, _)| v.as_str()).collect();
                format!("Choice{values:?}")
            }
            other => format!("{other:?}"),
        };
        let not_before: Vec<&str> = q.source.not_before.iter().map(|n| n.as_str()).collect();
        let _ = write!(
            shape,
            "|{} {} {kind} {} {:?} {:?} {not_before:?}",
            q.source.id,
            content.facts[q.fact.0 as usize].name,
            q.source.not_sure,
            q.next,
            q.implied_by
        );
    }
    let _ = write!(
        shape,
        "|{} {} {:?} {:?} {:?}",
        content.person_start,
        content.case_start,
        content.counts_when,
        content.count_facts,
        content.counties.names
    );
    for s in &content.sections.sections {
        let _ = write!(shape, "|{} {:?}", s.code, s.settles);
    }
    let hash = fnv(shape.as_bytes());
    [(hash & 31) as u8, ((hash >> 5) & 31) as u8]
}

/// FNV-1a: a hash that is the same on every machine and in every version of Rust.
fn fnv(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    })
}
