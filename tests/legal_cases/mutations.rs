//! Single changes to the rules, of the kinds an author could make by mistake, must each
//! be noticed: by the loader, by `clearpath check`, or by a golden case. Each change is
//! made to a copy of the rules' text and loaded through the same loader as `--content`.

use chrono::{Days, NaiveDate};
use clearpath::check;
use clearpath::content::source::Sources;
use clearpath::content::{self, Content};

use crate::golden::{self, Table};
use crate::rules::{Place, Point, calls, closing, items, remedy_at, thresholds};

/// One change to the rules.
#[derive(Debug, Clone)]
pub struct Mutant {
    pub place: Place,
    pub replacement: String,
    /// What changes, without its line: "prop_47: MoreThan(\"value\", 950) → 951".
    pub what: String,
}

impl Mutant {
    pub fn apply(&self, sources: &Sources) -> Sources {
        let mut changed = sources.clone();
        changed.files[self.place.file]
            .text
            .replace_range(self.place.range.clone(), &self.replacement);
        changed
    }
}

/// Changes that no case notices, each with the reason. None changes a status, grant,
/// caveat or referral for any pair of answers to the facts it reads (a search over them
/// found none): an earlier outcome (order decides) or the interview's routes already
/// settle every answer the dropped condition would have ruled out. The test fails when a change not on this
/// list goes unnoticed, and when one on it is noticed, so the list only shrinks.
const NOT_NOTICED: &[(&str, &str)] = &[
    (
        "interview.ron in_custody: When(Yes(\"in_custody\"), \"registrant\") → \"supervised\"",
        "equivalent for every result: it only asks someone in custody whether they are also \
         supervised or facing charges, and custody already keeps waiting what those would",
    ),
    (
        "pc_851_93: All(...) without Yes(\"arrest_8_years\")",
        "equivalent: the outcome before it decides every felony arrest answered no",
    ),
    (
        "interview.ron: All(...) without Is(\"level\", \"misdemeanor\")",
        "equivalent for every result: felony thefts meet the cap before it, and no remedy \
         reads the term of an infraction's probation (only the working shown would change)",
    ),
    (
        "pc_1203_43: caveat \"immigration_dej\" detached",
        "equivalent: the caveat's own `when` shows it for every entry 1203.43 lists",
    ),
    (
        "pc_1203_425: All(...) without Yes(\"sentence_complete\")",
        "equivalent: the outcome before it settles a sentence not complete",
    ),
    (
        "pc_1203_425: All(...) without Is(\"level\", \"felony\")",
        "equivalent: new_felony_since is asked only about felonies",
    ),
    (
        "pc_1203_425: All(...) without No(\"new_felony_since\")",
        "equivalent: the outcome before it settles a new felony",
    ),
    (
        "pc_1203_425: All(...) without Is(\"probation_status\", \"violated\")",
        "equivalent: a misdemeanor probation reaching it was violated: finished or ended early \
         is decided before it, still running is blocked before it, and an unsure answer stops \
         the search earlier",
    ),
    (
        "pc_1203_4a: All(...) without Yes(\"sentence_complete\")",
        "equivalent: the first outcome settles a sentence not complete",
    ),
    (
        "pc_1203_41: All(...) without No(\"split_sentence\")",
        "equivalent: the outcome before it settles a split sentence",
    ),
    (
        "pc_1203_41: All(...) without Is(\"sentence\", \"state_prison\")",
        "equivalent: county jail sentences are settled by the outcomes before it",
    ),
    (
        "pc_851_93: All(...) without Is(\"arrest_level\", \"felony\")",
        "equivalent: misdemeanor arrests are settled by the outcomes before it",
    ),
    (
        "pc_1203_425: status: NotEligible → Eligible",
        "unreachable: `check` proves every set of answers the interview and case files \
         accept meets an earlier outcome; the last one stays for intakes saved before a \
         contradiction was refused",
    ),
    (
        "pc_1203_425: status: NotEligible → Possibly",
        "unreachable, as above",
    ),
];

/// Every single change of the kinds below, in file order.
pub fn mutants(sources: &Sources) -> Vec<Mutant> {
    let mut all = Vec::new();
    moved_thresholds(sources, &mut all);
    for file in 0..sources.files.len() {
        swapped(
            sources,
            file,
            "status: ",
            &["Eligible", "Possibly", "NotEligible"],
            &mut all,
        );
        swapped(
            sources,
            file,
            "grant: ",
            &["Mandatory", "Discretionary", "Automatic"],
            &mut all,
        );
        dropped_conditions(sources, file, &mut all);
        detached_caveats(sources, file, &mut all);
        redirected_routes(sources, file, &mut all);
    }
    all
}

/// Whose rule a place is in: the remedy, or the file.
fn whose(sources: &Sources, place: &Place) -> String {
    remedy_at(sources, place.file, place.range.start).unwrap_or_else(|| {
        let path = &sources.files[place.file].path;
        let file = path.rsplit('/').next().unwrap_or(path);
        // The nearest `id` above: the caveat, question or referral it belongs to.
        let before = &sources.text(place.file)[..place.range.start];
        let id = before.rfind("id: \"").and_then(|i| {
            let rest = &before[i + 5..];
            rest.find('"').map(|end| &rest[..end])
        });
        match id {
            Some(id) => format!("{file} {id}"),
            None => file.to_string(),
        }
    })
}

fn mutant(sources: &Sources, place: Place, replacement: String, what: String) -> Mutant {
    let what = format!("{}: {what}", whose(sources, &place));
    Mutant {
        place,
        replacement,
        what,
    }
}

/// Every date a day earlier and later, every amount and wait one unit less and more.
fn moved_thresholds(sources: &Sources, out: &mut Vec<Mutant>) {
    for t in thresholds(sources) {
        let call = t.call.text(sources);
        let replacements: Vec<String> = match t.point {
            Point::Date(d) | Point::Day(d) => [d - Days::new(1), d + Days::new(1)]
                .iter()
                .map(NaiveDate::to_string)
                .collect(),
            Point::Amount(_) | Point::Wait(_) => {
                let n: i64 = t.value.text(sources).parse().unwrap_or(0);
                [n - 1, n + 1]
                    .iter()
                    .filter(|n| **n > 0)
                    .map(i64::to_string)
                    .collect()
            }
        };
        for r in replacements {
            let what = format!("{call} → {r}");
            out.push(mutant(sources, t.value.clone(), r, what));
        }
    }
}

/// Every `field: Value` given each of the other values.
fn swapped(sources: &Sources, file: usize, field: &str, values: &[&str], out: &mut Vec<Mutant>) {
    let text = sources.text(file);
    for (at, _) in text.match_indices(field) {
        let start = at + field.len();
        let Some(value) = values.iter().find(|v| {
            text[start..].starts_with(**v)
                && !text[start + v.len()..].starts_with(|c: char| c.is_ascii_alphanumeric())
        }) else {
            continue;
        };
        for other in values.iter().filter(|o| *o != value) {
            let place = Place {
                file,
                range: start..start + value.len(),
            };
            let what = format!("{field}{value} → {other}");
            out.push(mutant(sources, place, other.to_string(), what));
        }
    }
}

/// Every condition in an `All([...])` or `Any([...])` left out.
fn dropped_conditions(sources: &Sources, file: usize, out: &mut Vec<Mutant>) {
    let text = sources.text(file);
    for kind in ["All", "Any"] {
        for (_, args) in calls(text, kind) {
            let Some(open) = text[args.clone()].find('[').map(|i| args.start + i) else {
                continue;
            };
            let Some(close) = closing(text, open) else {
                continue;
            };
            for item in items(text, open + 1, close) {
                let what = format!("{kind}(...) without {}", one_line(&text[item.clone()]));
                out.push(mutant(
                    sources,
                    with_comma(text, file, item),
                    String::new(),
                    what,
                ));
            }
        }
    }
}

/// Every caveat a remedy lists taken off its list, and every caveat's own `when`
/// taken away.
fn detached_caveats(sources: &Sources, file: usize, out: &mut Vec<Mutant>) {
    let text = sources.text(file);
    let path = &sources.files[file].path;
    if path.ends_with("remedies.ron") {
        for (at, _) in text.match_indices("caveats: [") {
            let open = at + "caveats: ".len();
            let Some(close) = closing(text, open) else {
                continue;
            };
            for item in items(text, open + 1, close) {
                let what = format!("caveat {} detached", &text[item.clone()]);
                out.push(mutant(
                    sources,
                    with_comma(text, file, item),
                    String::new(),
                    what,
                ));
            }
        }
    }
    if path.ends_with("caveats.ron") {
        for (at, _) in text.match_indices("Caveat(") {
            let Some(close) = closing(text, at + "Caveat".len()) else {
                continue;
            };
            let fields = items(text, at + "Caveat(".len(), close);
            let id = fields
                .iter()
                .find_map(|f| text[f.clone()].strip_prefix("id: "))
                .unwrap_or("?")
                .to_string();
            if let Some(when) = fields
                .iter()
                .find(|f| text[f.start..].starts_with("when: "))
            {
                let what = format!("caveat {id} without its `when`");
                out.push(mutant(
                    sources,
                    with_comma(text, file, when.clone()),
                    String::new(),
                    what,
                ));
            }
        }
    }
}

/// Every route's target sent to the end of its section, and every `When` branch's
/// target sent where `Otherwise` goes.
fn redirected_routes(sources: &Sources, file: usize, out: &mut Vec<Mutant>) {
    let text = sources.text(file);
    for (at, _) in text.match_indices("next: [") {
        let open = at + "next: ".len();
        let Some(close) = closing(text, open) else {
            continue;
        };
        let branches = items(text, open + 1, close);
        let target = |branch: &std::ops::Range<usize>| {
            let b = &text[branch.clone()];
            let end = b.rfind('"')?;
            let start = b[..end].rfind('"')? + 1;
            Some(branch.start + start..branch.start + end)
        };
        let otherwise = branches
            .iter()
            .find(|b| text[b.start..].starts_with("Otherwise("))
            .and_then(target)
            .map(|r| text[r].to_string());
        for branch in &branches {
            let Some(range) = target(branch) else {
                continue;
            };
            let to = &text[range.clone()];
            let mut new_targets = vec!["end".to_string()];
            if text[branch.start..].starts_with("When(") {
                new_targets.extend(otherwise.clone());
            }
            for new in new_targets.into_iter().filter(|n| n != to) {
                let place = Place {
                    file,
                    range: range.clone(),
                };
                let what = format!("{} → \"{new}\"", one_line(&text[branch.clone()]));
                out.push(mutant(sources, place, new, what));
            }
        }
    }
}

/// An item's range with the comma that follows it, so leaving it out leaves a list.
fn with_comma(text: &str, file: usize, item: std::ops::Range<usize>) -> Place {
    let rest = &text[item.end..];
    let gap = rest.len() - rest.trim_start().len();
    let end = if rest[gap..].starts_with(',') {
        item.end + gap + 1
    } else {
        item.end
    };
    Place {
        file,
        range: item.start..end,
    }
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// How a change was noticed, or `None` when nothing noticed it. The golden cases go
/// first: they take milliseconds, `check` explores every route and takes about a second.
pub fn noticed(table: &Table, sources: &Sources, passing: &[bool]) -> Option<String> {
    let content: Content = match content::load(sources) {
        Ok(c) => c,
        Err(p) => return Some(format!("load: {}", p[0].headline())),
    };
    let counted = table.cases.iter().zip(passing).filter(|(_, p)| **p);
    let by_case = counted.map(|(case, _)| case).find_map(|case| {
        let diffs = golden::differences(table, &content, case);
        diffs
            .first()
            .map(|d| format!("case \"{}\": {d}", case.name))
    });
    by_case.or_else(|| {
        let report = check::check(sources);
        report
            .problems
            .first()
            .map(|p| format!("check: {}", p.headline()))
    })
}

#[test]
fn every_single_change_to_the_rules_is_noticed_or_listed() {
    let sources = Sources::built_in();
    let table = Table::read();
    let all = mutants(&sources);
    // Only a case that holds on the shipped rules can notice a change to them.
    let shipped = content::load(&sources).expect("the shipped rules load");
    let passing: Vec<bool> = table
        .cases
        .iter()
        .map(|case| golden::differences(&table, &shipped, case).is_empty())
        .collect();
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let chunk = all.len().div_ceil(threads).max(1);
    let results: Vec<(usize, Option<String>)> = std::thread::scope(|scope| {
        let handles: Vec<_> = all
            .chunks(chunk)
            .enumerate()
            .map(|(c, mutants)| {
                let (sources, table, passing) = (&sources, &table, &passing);
                scope.spawn(move || {
                    mutants
                        .iter()
                        .enumerate()
                        .map(|(i, m)| (c * chunk + i, noticed(table, &m.apply(sources), passing)))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap())
            .collect()
    });
    let mut missed = Vec::new();
    let mut listed_but_noticed: Vec<&str> = NOT_NOTICED.iter().map(|(w, _)| *w).collect();
    let mut listed = 0;
    for (i, how) in &results {
        let m = &all[*i];
        let on_list = NOT_NOTICED.iter().any(|(what, _)| *what == m.what);
        match how {
            Some(_) => {}
            None if on_list => {
                listed += 1;
                listed_but_noticed.retain(|w| *w != m.what);
            }
            None => missed.push(format!("{}: {}", m.place.at(&sources), m.what)),
        }
    }
    let noticed = all.len() - missed.len() - listed;
    println!(
        "{noticed} of {} changes to the rules noticed ({:.1}%); {listed} on the list of changes no \
         case notices; {} missed",
        all.len(),
        100.0 * noticed as f64 / all.len().max(1) as f64,
        missed.len()
    );
    assert!(all.len() > 500, "only {} changes generated", all.len());
    assert!(
        missed.is_empty(),
        "{} changes to the rules pass every check and every golden case:\n{}",
        missed.len(),
        missed.join("\n")
    );
    assert!(
        listed_but_noticed.is_empty(),
        "now noticed, so take them off NOT_NOTICED:\n{}",
        listed_but_noticed.join("\n")
    );
}
