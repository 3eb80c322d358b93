//! Reading the rules as written: where in `questions/*.ron` each threshold, status,
//! list item and route target sits, by byte range, so that the boundary check can name
//! its line and the mutation test can change exactly that text.

use std::ops::Range;

use chrono::NaiveDate;
use clearpath::content::source::Sources;
use clearpath::model::cond::Period;

/// A place in the rules: a file of [`Sources`], and a byte range in it.
#[derive(Debug, Clone)]
pub struct Place {
    pub file: usize,
    pub range: Range<usize>,
}

impl Place {
    /// `questions/remedies.ron:470`.
    pub fn at(&self, sources: &Sources) -> String {
        let text = sources.text(self.file);
        let line = text[..self.range.start].matches('\n').count() + 1;
        format!("{}:{line}", sources.files[self.file].path)
    }

    pub fn text<'s>(&self, sources: &'s Sources) -> &'s str {
        &sources.text(self.file)[self.range.clone()]
    }
}

/// What a threshold compares against.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Point {
    /// `Before(fact, date)`, `OnOrAfter(fact, date)`: the fact's date.
    Date(NaiveDate),
    /// `AsOfBefore(date)`, `InEffectFrom(date)`: the day of the screening.
    Day(NaiveDate),
    /// `AtMost(fact, n)`, `MoreThan(fact, n)`.
    Amount(f64),
    /// `Waited(fact, period)`, `HasWaited(fact, period)`: from the fact's date to the
    /// day of the screening.
    Wait(Period),
}

/// A date, an amount or a waiting period in a condition.
#[derive(Debug, Clone)]
pub struct Threshold {
    /// The whole call, e.g. `Before("judgment_date", "1973-01-01")`.
    pub call: Place,
    /// The value alone: the date in its quotes, the amount, the period's number.
    pub value: Place,
    /// The remedy whose rules hold it; `None` outside `remedies.ron`.
    pub remedy: Option<String>,
    /// Whether it is in the remedy's `applies`, which decides whether the remedy is
    /// listed at all.
    pub in_applies: bool,
    pub fact: Option<String>,
    pub point: Point,
}

const KINDS: [&str; 8] = [
    "Before",
    "OnOrAfter",
    "AsOfBefore",
    "InEffectFrom",
    "AtMost",
    "MoreThan",
    "Waited",
    "HasWaited",
];

/// Every threshold in the rules, in file order.
pub fn thresholds(sources: &Sources) -> Vec<Threshold> {
    let mut found = Vec::new();
    for file in 0..sources.files.len() {
        let text = sources.text(file);
        for kind in KINDS {
            for (start, args) in calls(text, kind) {
                let call = Place {
                    file,
                    range: start..args.end + 1,
                };
                let parts = items(text, args.start, args.end);
                let unquote = |r: &Range<usize>| text[r.clone()].trim_matches('"').to_string();
                let (fact, value_range) = match parts.as_slice() {
                    [v] => (None, v.clone()),
                    [f, v] => (Some(unquote(f)), v.clone()),
                    _ => continue,
                };
                let raw = &text[value_range.clone()];
                let (point, value_range) = match kind {
                    "Before" | "OnOrAfter" | "AsOfBefore" | "InEffectFrom" => {
                        let Ok(d) = NaiveDate::parse_from_str(raw.trim_matches('"'), "%Y-%m-%d")
                        else {
                            continue;
                        };
                        let point = if fact.is_some() {
                            Point::Date(d)
                        } else {
                            Point::Day(d)
                        };
                        (point, value_range.start + 1..value_range.end - 1)
                    }
                    "AtMost" | "MoreThan" => match raw.parse::<f64>() {
                        Ok(n) => (Point::Amount(n), value_range),
                        Err(_) => continue,
                    },
                    _ => {
                        // `Years(4)`: the number inside.
                        let Some(open) = raw.find('(') else { continue };
                        let number = value_range.start + open + 1..value_range.end - 1;
                        let Ok(n) = text[number.clone()].parse::<u32>() else {
                            continue;
                        };
                        let period = match &raw[..open] {
                            "Years" => Period::Years(n),
                            "Months" => Period::Months(n),
                            "Days" => Period::Days(n),
                            _ => continue,
                        };
                        (Point::Wait(period), number)
                    }
                };
                let before = &text[..start];
                let in_applies = before
                    .rfind("applies: ")
                    .is_some_and(|a| before.rfind("Remedy(").is_some_and(|r| r < a))
                    && !before[before.rfind("applies: ").unwrap_or(0)..].contains("outcomes: [");
                found.push(Threshold {
                    remedy: remedy_at(sources, file, start),
                    in_applies,
                    call,
                    value: Place {
                        file,
                        range: value_range,
                    },
                    fact,
                    point,
                });
            }
        }
    }
    found.sort_by_key(|t| (t.call.file, t.call.range.start));
    found
}

/// The remedy whose definition holds a byte offset of `remedies.ron`.
pub fn remedy_at(sources: &Sources, file: usize, offset: usize) -> Option<String> {
    if !sources.files[file].path.ends_with("remedies.ron") {
        return None;
    }
    let before = &sources.text(file)[..offset];
    let start = before.rfind("Remedy(")?;
    let id = before[start..].find("id: \"")? + start + 5;
    let end = before[id..].find('"')? + id;
    Some(before[id..end].to_string())
}

/// Each call `kind(...)` in `text` that is not part of a longer name: where it starts,
/// and the range of its arguments (between the parentheses).
pub fn calls(text: &str, kind: &str) -> Vec<(usize, Range<usize>)> {
    let pattern = format!("{kind}(");
    text.match_indices(&pattern)
        .map(|(i, _)| i)
        .filter(|&i| {
            !text[..i]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_ascii_alphanumeric() || c == '_' || c == '"')
        })
        .filter_map(|i| {
            let open = i + pattern.len() - 1;
            let close = closing(text, open)?;
            Some((i, open + 1..close))
        })
        .collect()
}

/// Where a string or a line comment that starts at `i` ends; `None` for anything else.
fn skip(text: &str, i: usize) -> Option<usize> {
    let rest = &text[i..];
    if rest.starts_with("//") {
        return Some(rest.find('\n').map_or(text.len(), |n| i + n));
    }
    if !rest.starts_with('"') {
        return None;
    }
    let mut escaped = false;
    for (k, c) in rest.char_indices().skip(1) {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '"' => return Some(i + k + 1),
            _ => {}
        }
    }
    Some(text.len())
}

/// The index of the bracket that closes the one at `open`, skipping strings and
/// comments.
pub fn closing(text: &str, open: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut i = open;
    while i < text.len() {
        if let Some(next) = skip(text, i) {
            i = next;
            continue;
        }
        let c = text[i..].chars().next()?;
        match c {
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => {
                depth -= 1;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
        i += c.len_utf8();
    }
    None
}

/// The items of a comma-separated list between `start` and `end`, trimmed, skipping
/// nested brackets, strings and comments. A trailing comma makes no empty item.
pub fn items(text: &str, start: usize, end: usize) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    let mut item_start = start;
    let mut i = start;
    while i < end {
        if let Some(next) = skip(text, i) {
            i = next;
            continue;
        }
        let c = text[i..].chars().next().unwrap();
        match c {
            '(' | '[' | '{' => {
                i = closing(text, i).unwrap_or(end) + 1;
                continue;
            }
            ',' => {
                found.push(item_start..i);
                item_start = i + 1;
            }
            _ => {}
        }
        i += c.len_utf8();
    }
    found.push(item_start..end);
    found.into_iter().filter_map(|r| trim(text, r)).collect()
}

/// A range without the white space and comments at its ends; `None` when nothing is
/// left.
fn trim(text: &str, r: Range<usize>) -> Option<Range<usize>> {
    let mut start = r.start;
    loop {
        let s = &text[start..r.end];
        start += s.len() - s.trim_start().len();
        match text[start..r.end].starts_with("//") {
            true => start = skip(text, start).unwrap_or(r.end).min(r.end),
            false => break,
        }
    }
    let body = text[start..r.end].trim_end();
    (!body.is_empty()).then(|| start..start + body.len())
}
