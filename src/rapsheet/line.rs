//! The grammar of one RAP sheet line (rapsheet.md §3–§11), written with winnow: what
//! kind of line it is (a delimiter, an event header, a count, a disposition, a
//! sentence…) and the values it carries. Tags are matched with the spaces, periods
//! and semicolons scans put in them; numbers and dates are never guessed.

use chrono::NaiveDate;
use winnow::ascii::{digit1, space0, space1};
use winnow::combinator::{alt, eof, fail, opt, preceded};
use winnow::error::ContextError;
use winnow::prelude::*;
use winnow::token::{one_of, rest, take_while};

type Result<T> = winnow::Result<T>;

/// What one cleaned line is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Line<'a> {
    Blank,
    /// `* * * *`: the start of a cycle.
    CycleMark,
    /// A lone `*`: one of a cycle mark written down the page.
    Star,
    /// `* * * END OF MESSAGE * * *`: nothing after it is read.
    Trailer,
    /// A row of many asterisks, or a boxed notice: decoration.
    Banner,
    /// `POTENTIAL FELONY STRIKE ENTRY`.
    Strike,
    /// `- - - -`: the start of an event.
    EventMark,
    /// `PAGE 3 OF 9`.
    PageFooter,
    /// `RECORD ERROR - REFER TO…`: DOJ could not print the cycle.
    RecordError,
    Header(EventKind, &'a str),
    /// A date at the start of a line, and what follows it (an agency, or nothing).
    Date(DateRead, &'a str),
    Count {
        from: u16,
        to: u16,
        case: Option<&'a str>,
    },
    /// A case number on a line of its own, under its count.
    CaseNumber(&'a str),
    /// `-ATTEMPTED`, `-WARRANT`.
    Flag(&'a str),
    /// `1170 (H) PC-SENTENCING`: a county-jail felony term, not the offense.
    Sentencing1170h,
    Toc(Option<Level>),
    Dispo(&'a str),
    ConvStatus(Option<Level>),
    Sen(&'a str),
    /// `SEN FROM: KERN CO CRT #BF160551A`, on a custody record.
    SenFrom(&'a str),
    Com(&'a str),
    /// Another tag the reader knows and has no use for (`ARR BY:`, `NAM:`).
    OtherTag,
    /// Anything else: a charge, a wrapped line, boilerplate.
    Text(&'a str),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventKind {
    Arrest,
    SupplementalArrest,
    Court,
    Custody,
    Probation,
    Registration,
    Applicant,
    MentalHealth,
    Deceased,
}

/// A date as printed: a day, eight digits that are no day (month 00), or characters
/// that are not all digits (`2O15O822`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateRead {
    Day(NaiveDate),
    NoDay,
    Unreadable,
}

/// A level: of a charge as booked (TOC) or of a conviction (CONV STATUS).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    Infraction,
    Misdemeanor,
    Felony,
}

/// Reads one cleaned line.
pub fn read(line: &str) -> Line<'_> {
    let text = line.trim();
    if text.is_empty() {
        return Line::Blank;
    }
    if let Some(mark) = marks(text) {
        return mark;
    }
    let mut input = text;
    alt((
        page_footer,
        header,
        count,
        dispo,
        conv_status,
        tagged,
        date_line,
        flag_or_case_number,
    ))
    .parse_next(&mut input)
    .unwrap_or(Line::Text(text))
}

/// Rows of asterisks and dashes (§3), which scans mangle too much for a grammar of
/// tokens: counted instead.
fn marks(text: &str) -> Option<Line<'static>> {
    if text.contains("END OF MESSAGE") && text.starts_with('*') {
        return Some(Line::Trailer);
    }
    if text.contains("POTENTIAL FELONY STRIKE") {
        return Some(Line::Strike);
    }
    if text.starts_with("RECORD ERROR") {
        return Some(Line::RecordError);
    }
    let stars = text.chars().filter(|c| *c == '*').count();
    if stars > 0 && text.chars().all(|c| matches!(c, '*' | ' ' | '.' | ',')) {
        return Some(match stars {
            1 => Line::Star,
            3 | 4 => Line::CycleMark,
            _ => Line::Banner,
        });
    }
    if text.len() > 2 && text.starts_with('*') && text.ends_with('*') {
        return Some(Line::Banner);
    }
    let dashes = text.chars().filter(|c| *c == '-').count();
    if text.chars().all(|c| matches!(c, '-' | ' ' | '\'')) {
        return Some(if dashes >= 2 {
            Line::EventMark
        } else {
            Line::Blank
        });
    }
    None
}

/// `word` with spaces or periods between its letters, as scans space them out
/// (`DI SP O`, `ARR / DET. / CITE`); a space in `word` may be there or not.
fn spaced<'i>(word: &'static str) -> impl Parser<&'i str, (), ContextError> {
    move |input: &mut &'i str| {
        for (n, c) in word.chars().filter(|c| *c != ' ').enumerate() {
            if n > 0 {
                take_while(0.., [' ', '.']).parse_next(input)?;
            }
            one_of(c).parse_next(input)?;
        }
        Ok(())
    }
}

/// The colon after a tag, as a semicolon too, with the junk scans put before it.
fn colon(input: &mut &str) -> Result<()> {
    (take_while(0.., [' ', '.', '*']), one_of([':', ';']))
        .void()
        .parse_next(input)
}

/// Dots, asterisks and quotes a scan leaves before a tag.
fn junk<'i>(input: &mut &'i str) -> Result<&'i str> {
    take_while(0.., [' ', '.', '*', '\'', ',']).parse_next(input)
}

fn page_footer<'i>(input: &mut &'i str) -> Result<Line<'i>> {
    (
        spaced("PAGE"),
        space1,
        digit1,
        space1,
        "OF",
        space1,
        digit1,
        eof,
    )
        .value(Line::PageFooter)
        .parse_next(input)
}

fn header<'i>(input: &mut &'i str) -> Result<Line<'i>> {
    junk.parse_next(input)?;
    let kind = alt((
        spaced("ARR/DET/CITE").value(EventKind::Arrest),
        spaced("SUPPLEMENTAL ARR").value(EventKind::SupplementalArrest),
        spaced("COURT").value(EventKind::Court),
        spaced("CUSTODY").value(EventKind::Custody),
        spaced("PROBATION").value(EventKind::Probation),
        spaced("REGISTRATION").value(EventKind::Registration),
        spaced("APPLICANT").value(EventKind::Applicant),
        (
            spaced("MENTAL HLTH"),
            take_while(0.., |c: char| c != ':' && c != ';'),
        )
            .value(EventKind::MentalHealth),
        spaced("DECEASED").value(EventKind::Deceased),
    ))
    .parse_next(input)?;
    colon.parse_next(input)?;
    let after = rest.parse_next(input)?;
    Ok(Line::Header(kind, after.trim()))
}

/// `CNT:01 #15-88231`, `CNT:003-005`, `CNT : 04`.
fn count<'i>(input: &mut &'i str) -> Result<Line<'i>> {
    (spaced("CNT"), colon, space0).parse_next(input)?;
    let from = number.parse_next(input)?;
    let to = opt(preceded((space0, '-', space0), number))
        .parse_next(input)?
        .unwrap_or(from);
    let after = rest.parse_next(input)?;
    let case = after
        .split_once('#')
        .map(|(_, case)| case.trim().trim_matches('.'))
        .filter(|case| !case.is_empty());
    if to < from {
        return fail(input);
    }
    Ok(Line::Count { from, to, case })
}

fn number(input: &mut &str) -> Result<u16> {
    take_while(1..=3, |c: char| c.is_ascii_digit())
        .try_map(str::parse::<u16>)
        .parse_next(input)
}

fn dispo<'i>(input: &mut &'i str) -> Result<Line<'i>> {
    (junk, spaced("DISPO"), colon).parse_next(input)?;
    Ok(Line::Dispo(rest.parse_next(input)?.trim()))
}

/// `CONV STATUS:FELONY`; a scan may read the colon as a period.
fn conv_status<'i>(input: &mut &'i str) -> Result<Line<'i>> {
    (
        spaced("CONV STATUS"),
        take_while(0.., ' '),
        one_of([':', ';', '.']),
    )
        .parse_next(input)?;
    Ok(Line::ConvStatus(level_word(rest.parse_next(input)?)))
}

/// The level a word names by its first letter (`FELONY`, `M`); `N` and anything else
/// are none.
fn level_word(word: &str) -> Option<Level> {
    match word.trim_start_matches([' ', '.', ':']).chars().next() {
        Some('F') => Some(Level::Felony),
        Some('M') => Some(Level::Misdemeanor),
        Some('I') => Some(Level::Infraction),
        _ => None,
    }
}

/// The tags whose value is the rest of the line.
fn tagged<'i>(input: &mut &'i str) -> Result<Line<'i>> {
    junk.parse_next(input)?;
    let tag = alt((
        (spaced("SEN FROM"), colon).value("SEN FROM"),
        (spaced("SEN"), colon).value("SEN"),
        (spaced("COM"), colon).value("COM"),
        (spaced("TOC"), colon).value("TOC"),
        (spaced("ARR BY"), colon).value("ARR BY"),
        (spaced("NAM"), colon).value("NAM"),
        (spaced("WARRANT"), space0, alt(('#', ':'))).value("WARRANT"),
    ))
    .parse_next(input)?;
    let value = rest.parse_next(input)?.trim();
    Ok(match tag {
        "SEN FROM" => Line::SenFrom(value),
        "SEN" => Line::Sen(value),
        "COM" => Line::Com(value),
        "TOC" => Line::Toc(level_of_toc(value)),
        _ => Line::OtherTag,
    })
}

/// A TOC's letter: F, M or I; N (non-criminal) and anything else are none.
pub fn level_of_toc(value: &str) -> Option<Level> {
    let letter = value.trim_start_matches([' ', '.', ':']);
    match letter.chars().next() {
        Some(c @ ('F' | 'M' | 'I'))
            if !letter[1..].starts_with(|c: char| c.is_ascii_alphabetic()) =>
        {
            level_word(&c.to_string())
        }
        _ => None,
    }
}

/// A line with a `TOC:` tag at its end (`459.5 PC-SHOPLIFTING  TOC:M`, `CAPD FRESNO
/// TOC:F`): the text before the tag, and the level.
pub fn split_toc(text: &str) -> (&str, Option<Level>) {
    let tag = text.match_indices("TOC").find(|(at, _)| {
        let before = text[..*at].chars().next_back();
        let after = text[at + 3..].trim_start_matches(' ');
        before.is_none_or(|c| c == ' ') && after.starts_with([':', ';'])
    });
    match tag {
        Some((at, _)) => {
            let value = text[at + 3..].trim_start_matches([' ', ':', ';']);
            (text[..at].trim_end(), level_of_toc(value))
        }
        None => (text, None),
    }
}

/// `20150822  CAPD FRESNO`, or a date alone (an update's).
fn date_line<'i>(input: &mut &'i str) -> Result<Line<'i>> {
    let token = take_while(1.., |c: char| c.is_ascii_digit() || c == '.' || c == 'O')
        .verify(|t: &str| t.starts_with(|c: char| c.is_ascii_digit()))
        .parse_next(input)?;
    let after = rest.parse_next(input)?;
    if !(after.is_empty() || after.starts_with(' ')) {
        return fail(input);
    }
    let digits: String = token.chars().filter(|c| *c != '.').collect();
    if digits.len() != 8 {
        return fail(input);
    }
    Ok(Line::Date(date_of(&digits), after.trim()))
}

/// Eight characters as a date: a day, no day (month 00), or unreadable when a letter
/// stands where a digit should.
pub fn date_of(digits: &str) -> DateRead {
    if !digits.chars().all(|c| c.is_ascii_digit()) {
        return DateRead::Unreadable;
    }
    let part = |r: std::ops::Range<usize>| digits[r].parse::<u32>().unwrap_or(0);
    let year = i32::try_from(part(0..4)).unwrap_or(0);
    NaiveDate::from_ymd_opt(year, part(4..6), part(6..8)).map_or(DateRead::NoDay, DateRead::Day)
}

/// `-ATTEMPTED`, `-WARRANT -BENCH WARRANT`, or a case number on its own line
/// (`. #312145`).
fn flag_or_case_number<'i>(input: &mut &'i str) -> Result<Line<'i>> {
    alt((
        preceded(('-', take_while(0.., ' ')), rest)
            .verify(|t: &str| t.starts_with(|c: char| c.is_ascii_alphabetic()))
            .map(Line::Flag),
        preceded((take_while(0.., [' ', '.']), '#', space0), rest)
            .map(|case: &str| Line::CaseNumber(case.trim().trim_matches('.'))),
        preceded(("1170", space0, "(H)"), rest).value(Line::Sentencing1170h),
    ))
    .parse_next(input)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delimiters_as_scans_write_them() {
        for mark in ["* * * *", "*  *  *", "* . * , * . *", "****"] {
            assert_eq!(read(mark), Line::CycleMark, "{mark}");
        }
        assert_eq!(read("*"), Line::Star);
        assert_eq!(read("*********************"), Line::Banner);
        assert_eq!(read("* * * * * * * * * * *"), Line::Banner);
        assert_eq!(read("* * * END OF MESSAGE * * *"), Line::Trailer);
        assert_eq!(
            read("**   POTENTIAL FELONY STRIKE ENTRY   **"),
            Line::Strike
        );
        for mark in ["- - - -", "- - -- --", "--- - ---", "- '- -- --"] {
            assert_eq!(read(mark), Line::EventMark, "{mark}");
        }
        assert_eq!(read("-"), Line::Blank, "a lone dash is not a delimiter");
        assert_eq!(read("PAGE 12 OF 29"), Line::PageFooter);
    }

    #[test]
    fn headers_with_the_spaces_and_junk_of_a_scan() {
        assert_eq!(
            read("ARR/DET/CITE:         NAM:02  DOB:19880614"),
            Line::Header(EventKind::Arrest, "NAM:02  DOB:19880614")
        );
        assert_eq!(
            read("ARR / DET. / CITE:"),
            Line::Header(EventKind::Arrest, "")
        );
        assert_eq!(read("COURT :"), Line::Header(EventKind::Court, ""));
        assert_eq!(
            read("COURT;  NAM:01"),
            Line::Header(EventKind::Court, "NAM:01")
        );
        assert_eq!(
            read(". CUSTODY* *:JAIL"),
            Line::Header(EventKind::Custody, "JAIL")
        );
        assert_eq!(
            read("MENTAL HLTH CUS/SUPV:"),
            Line::Header(EventKind::MentalHealth, "")
        );
        assert_eq!(
            read("R E G I S T R A T I O N:"),
            Line::Header(EventKind::Registration, "")
        );
    }

    #[test]
    fn counts_dispositions_and_sentences() {
        assert_eq!(
            read("CNT:01     #15-88231"),
            Line::Count {
                from: 1,
                to: 1,
                case: Some("15-88231")
            }
        );
        assert_eq!(
            read("CNT:003-005"),
            Line::Count {
                from: 3,
                to: 5,
                case: None
            }
        );
        assert_eq!(
            read("CNT : 04"),
            Line::Count {
                from: 4,
                to: 4,
                case: None
            }
        );
        assert_eq!(read("CNT:005-003"), Line::Text("CNT:005-003"));
        assert_eq!(read("*DISPO:CONVICTED"), Line::Dispo("CONVICTED"));
        assert_eq!(
            read("DI SP O:CO  N VI CTE D"),
            Line::Dispo("CO  N VI CTE D")
        );
        assert_eq!(read("DISPO;DISMISSED"), Line::Dispo("DISMISSED"));
        assert_eq!(
            read("CONV STATUS:FELONY"),
            Line::ConvStatus(Some(Level::Felony))
        );
        assert_eq!(
            read("CONV STATUS.MISDEMEANOR"),
            Line::ConvStatus(Some(Level::Misdemeanor))
        );
        assert_eq!(
            read("' SEN: 036 MONTHS PROBATION"),
            Line::Sen("036 MONTHS PROBATION")
        );
        assert_eq!(
            read("SEN FROM: KERN CO CRT #BF1"),
            Line::SenFrom("KERN CO CRT #BF1")
        );
        assert_eq!(read(".COM; CHRG 490,2 PC"), Line::Com("CHRG 490,2 PC"));
        assert_eq!(read("TOC:F"), Line::Toc(Some(Level::Felony)));
        assert_eq!(read("TOC:N"), Line::Toc(None));
        assert_eq!(read("-ATTEMPTED"), Line::Flag("ATTEMPTED"));
        assert_eq!(read(". #312145"), Line::CaseNumber("312145"));
        assert_eq!(read("1170 (H) PC-SENTENCING"), Line::Sentencing1170h);
        assert_eq!(read("ARR BY: CASO FRESNO"), Line::OtherTag);
    }

    #[test]
    fn a_toc_at_the_end_of_a_line_is_read_and_a_place_holding_toc_is_not() {
        assert_eq!(split_toc("CAPD STOCKTON"), ("CAPD STOCKTON", None));
        assert_eq!(
            split_toc("CAPD STOCKTON  TOC:F"),
            ("CAPD STOCKTON", Some(Level::Felony))
        );
        assert_eq!(
            split_toc("459.5 PC-SHOPLIFTING  TOC ; M."),
            ("459.5 PC-SHOPLIFTING", Some(Level::Misdemeanor))
        );
    }

    #[test]
    fn dates_are_read_or_left_unread_never_guessed() {
        let day = |y, m, d| DateRead::Day(NaiveDate::from_ymd_opt(y, m, d).unwrap());
        assert_eq!(
            read("20150822  CAPD FRESNO"),
            Line::Date(day(2015, 8, 22), "CAPD FRESNO")
        );
        assert_eq!(read("2015.0822"), Line::Date(day(2015, 8, 22), ""));
        assert_eq!(read("20150022"), Line::Date(DateRead::NoDay, ""));
        assert_eq!(read("20230230"), Line::Date(DateRead::NoDay, ""));
        assert_eq!(
            read("2O15O822 CASC FRESNO"),
            Line::Date(DateRead::Unreadable, "CASC FRESNO")
        );
        assert_eq!(read("2015082"), Line::Text("2015082"));
        assert_eq!(read("496(A) PC-RECEIVE"), Line::Text("496(A) PC-RECEIVE"));
    }
}
