//! A `SEN:` line (rapsheet.md §9): comma-separated parts, each a length, a unit and a
//! kind (`036 MONTHS PROBATION`, `6 MO JL WORK`, `PRISON SS`), read with winnow.

use winnow::ascii::space0;
use winnow::combinator::{alt, opt};
use winnow::prelude::*;
use winnow::token::{rest, take_while};

/// What a sentence holds. A part with no number (`PROBATION`) is a grant whose length
/// is not printed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sentence {
    /// A grant of probation, with its length in months when printed.
    pub probation: Option<Option<u32>>,
    /// A state-prison term, and whether its execution was suspended (`PRISON SS`).
    pub prison: Option<Suspended>,
    /// County jail, or a fine, without probation.
    pub jail_or_fine: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Suspended {
    Yes,
    No,
}

#[derive(Clone, Copy)]
enum Kind {
    Probation,
    Prison,
    Jail,
}

/// Reads a sentence's text (its wrapped lines joined); `None` when no part is read.
pub fn read(text: &str) -> Option<Sentence> {
    let mut sentence = Sentence::default();
    let mut any = false;
    for part in text.split(',') {
        let part = part.trim();
        if part.starts_with("FINE") && !part.starts_with("FINE SS") {
            sentence.jail_or_fine = true;
            any = true;
            continue;
        }
        let Ok((months, kind, suspended)) = term.parse(part) else {
            continue;
        };
        any = true;
        match kind {
            Kind::Probation => {
                sentence.probation = Some(months.max(sentence.probation.flatten()));
            }
            Kind::Prison => {
                let suspended = if suspended {
                    Suspended::Yes
                } else {
                    Suspended::No
                };
                sentence.prison = match sentence.prison {
                    Some(Suspended::No) => Some(Suspended::No),
                    _ => Some(suspended),
                };
            }
            Kind::Jail => sentence.jail_or_fine = true,
        }
    }
    any.then_some(sentence)
}

/// One part: an optional length and unit, the kind, and whatever follows (`SS`,
/// `WORK`).
fn term(input: &mut &str) -> winnow::Result<(Option<u32>, Kind, bool)> {
    let months = opt(length).parse_next(input)?;
    let kind = alt((
        alt(("PROBATION", "PROB")).value(Kind::Probation),
        alt(("PRISON", "PRIS")).value(Kind::Prison),
        alt(("JAIL", "JL")).value(Kind::Jail),
    ))
    .parse_next(input)?;
    let after = rest.parse_next(input)?;
    let suspended = after.split_whitespace().any(|w| w == "SS");
    Ok((months, kind, suspended))
}

/// `036 MONTHS`, `3 YR`, `90 DS`, `01.2 MONTHS` (periods and quotes from a scan): the
/// length in months, days rounded to the nearest month.
fn length(input: &mut &str) -> winnow::Result<u32> {
    let number: u32 = take_while(1.., |c: char| {
        c.is_ascii_digit() || matches!(c, '.' | '\'' | '"')
    })
    .verify_map(|n: &str| {
        let digits: String = n.chars().filter(char::is_ascii_digit).collect();
        digits.parse().ok()
    })
    .parse_next(input)?;
    space0.parse_next(input)?;
    let months = alt((
        alt(("YEARS", "YEAR", "YRS", "YR")).value(number * 12),
        alt(("MONTHS", "MONTH", "MOS", "MO")).value(number),
        alt(("DAYS", "DAY", "DS")).value((number + 15) / 30),
    ))
    .parse_next(input)?;
    space0.parse_next(input)?;
    Ok(months)
}

#[cfg(test)]
mod tests {
    use super::{Sentence, Suspended, read};

    #[test]
    fn probation_prison_and_jail_with_their_lengths() {
        assert_eq!(
            read("036 MONTHS PROBATION, 010 DAYS JAIL, FINE, FINE SS, RESTN"),
            Some(Sentence {
                probation: Some(Some(36)),
                prison: None,
                jail_or_fine: true,
            })
        );
        assert_eq!(
            read("3 YR PROB, 6 MO JL WORK").unwrap().probation,
            Some(Some(36))
        );
        assert_eq!(read("PROBATION").unwrap().probation, Some(None));
        assert_eq!(
            read("01.2 MONTHS PROBATION").unwrap().probation,
            Some(Some(12))
        );
        assert_eq!(
            read("400 DAYS PROBATION").unwrap().probation,
            Some(Some(13))
        );
        assert_eq!(
            read("002 YEARS PRISON").unwrap().prison,
            Some(Suspended::No)
        );
        let suspended = read("3 YEARS PROBATION, 016 MONTHS PRISON SS").unwrap();
        assert_eq!(suspended.prison, Some(Suspended::Yes));
        assert_eq!(suspended.probation, Some(Some(36)));
        assert!(read("90 DS JL").unwrap().jail_or_fine);
        assert_eq!(read("RESTN"), None);
    }
}
