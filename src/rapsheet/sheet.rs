//! A RAP sheet's structure (rapsheet.md §1): cycles of events, events of counts,
//! counts with their dispositions and later updates, each value with the line it is
//! on. Built from the lines [`super::line`] reads; what a line means for the
//! interview is [`super::entry`]'s to say.

use super::Note;
use super::charge::{self, Charge};
use super::line::{self, DateRead, EventKind, Level, Line};
use crate::model::Lang;
use crate::strings::{Strings, fill};

/// A value and the line it was read from (counted from 1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Said<T> {
    pub value: T,
    pub line: u32,
}

#[derive(Debug, Default)]
pub struct Sheet<'a> {
    pub cycles: Vec<Cycle<'a>>,
    pub notes: Vec<Note>,
}

#[derive(Debug, Default)]
pub struct Cycle<'a> {
    pub line: u32,
    pub events: Vec<Event<'a>>,
    /// `RECORD ERROR`: DOJ could not print it.
    pub record_error: bool,
}

#[derive(Debug)]
pub struct Event<'a> {
    /// `None` for an event without a header whose cycle says nothing of its kind.
    pub kind: Option<EventKind>,
    pub line: u32,
    pub date: Option<Said<DateRead>>,
    /// The agency after the date, with its type code: `CASC SAN FRANCISCO CO`.
    pub agency: Option<Said<&'a str>>,
    /// TOCs outside any count (on the date line, or alone before the counts).
    pub toc: Vec<Said<Level>>,
    pub counts: Vec<Count<'a>>,
}

#[derive(Debug, Clone)]
pub struct Count<'a> {
    /// The count's number, and the last of a range (`CNT:003-005` is three counts with
    /// the same text).
    pub number: u16,
    pub last: u16,
    pub line: u32,
    pub case: Option<Said<&'a str>>,
    pub h1170: Option<u32>,
    pub charge: Option<Said<Charge>>,
    pub toc: Option<Said<Level>>,
    pub dispos: Vec<Said<&'a str>>,
    pub conv: Option<Said<Option<Level>>>,
    pub sen: Option<Said<String>>,
    pub comments: Vec<Said<&'a str>>,
    pub updates: Vec<Update<'a>>,
}

/// A later action on a count: a date alone on a line, then its dispositions.
#[derive(Debug, Clone)]
pub struct Update<'a> {
    pub date: Said<DateRead>,
    pub dispos: Vec<Said<&'a str>>,
    pub sen: Option<Said<String>>,
}

/// The words a certified conviction's boilerplate starts with: nothing to read.
const BOILERPLATE: [&str; 7] = [
    "DEFENDANT",
    "RIGHT TO",
    "RIGHTS",
    "CONVICTION CERT",
    "PLEA",
    "ADVISED",
    "WAIVED",
];

impl<'a> Sheet<'a> {
    /// Reads cleaned lines (line `i` of the text is `lines[i - 1]`).
    pub fn read(lines: &'a [String], lang: Lang) -> Sheet<'a> {
        let mut b = Builder {
            lang,
            ..Builder::default()
        };
        for (i, text) in lines.iter().enumerate() {
            let n = u32::try_from(i + 1).unwrap_or(u32::MAX);
            let line = line::read(text);
            if line == Line::Trailer {
                break;
            }
            b.line(n, text, line);
        }
        b.finish()
    }
}

#[derive(Default)]
struct Builder<'a> {
    sheet: Sheet<'a>,
    /// The language the notes are said in.
    lang: Lang,
    /// Past the first cycle mark: before it is the personal block, never read.
    started: bool,
    /// Lone asterisks in a row: three or four are a cycle mark down the page.
    stars: u32,
    /// The last line was a `SEN:` or its wrapping: an indented text line goes on.
    in_sentence: bool,
    /// An event mark was passed and no event begun since.
    after_mark: bool,
}

impl<'a> Builder<'a> {
    fn line(&mut self, n: u32, text: &'a str, line: Line<'a>) {
        if line == Line::Star {
            self.stars += 1;
            return;
        }
        if (3..=4).contains(&self.stars) {
            self.new_cycle(n);
        }
        self.stars = 0;
        let was_in_sentence = std::mem::take(&mut self.in_sentence);
        match line {
            Line::CycleMark => self.new_cycle(n),
            Line::Blank | Line::Banner | Line::PageFooter | Line::OtherTag => {
                self.in_sentence = was_in_sentence && line != Line::OtherTag;
            }
            // Before the first cycle mark is the personal block, unless an event starts
            // there: a sheet copied from its first event on.
            Line::Header(..) if !self.started => {
                self.new_cycle(n);
                self.line(n, text, line);
            }
            _ if !self.started => {}
            Line::Strike => {}
            Line::RecordError => self.cycle().record_error = true,
            Line::EventMark => self.after_mark = true,
            Line::Header(kind, _) => self.new_event(n, Some(kind)),
            Line::Date(date, after) => self.date(n, date, after),
            Line::Count { from, to, case } => {
                if self.event().is_none() {
                    self.new_event(n, None);
                }
                let event = self.event().expect("an event was just begun");
                event.counts.push(Count::new((from, to), n, case));
            }
            Line::CaseNumber(case) => {
                if let Some(count) = self.count()
                    && count.case.is_none()
                {
                    count.case = Some(Said {
                        value: case,
                        line: n,
                    });
                }
            }
            Line::Flag(_) => {}
            Line::Sentencing1170h => {
                if let Some(count) = self.count() {
                    count.h1170 = Some(n);
                }
            }
            Line::Toc(Some(level)) => {
                let said = Said {
                    value: level,
                    line: n,
                };
                match self.count() {
                    Some(count) if count.toc.is_none() => count.toc = Some(said),
                    Some(_) => {}
                    None => {
                        if let Some(event) = self.event() {
                            event.toc.push(said);
                        }
                    }
                }
            }
            Line::Toc(None) => {}
            Line::Dispo(text) => {
                let said = Said {
                    value: text,
                    line: n,
                };
                if let Some(count) = self.count() {
                    match count.updates.last_mut() {
                        Some(update) => update.dispos.push(said),
                        None => count.dispos.push(said),
                    }
                } else {
                    self.note(n, &self.words().sheet_note_dispo_outside);
                }
            }
            Line::ConvStatus(level) => {
                if let Some(count) = self.count()
                    && count.updates.is_empty()
                {
                    count.conv = Some(Said {
                        value: level,
                        line: n,
                    });
                }
            }
            Line::Sen(text) => {
                if let Some(count) = self.count() {
                    let said = Some(Said {
                        value: text.to_string(),
                        line: n,
                    });
                    match count.updates.last_mut() {
                        Some(update) => update.sen = said,
                        None => count.sen = said,
                    }
                    self.in_sentence = true;
                }
            }
            Line::SenFrom(_) => {}
            Line::Com(text) => {
                if let Some(count) = self.count() {
                    count.comments.push(Said {
                        value: text,
                        line: n,
                    });
                }
            }
            // The line as written: its indent tells a wrapped sentence.
            Line::Text(_) => self.text(n, text, was_in_sentence),
            Line::Star | Line::Trailer => unreachable!("handled above"),
        }
    }

    fn text(&mut self, n: u32, text: &'a str, in_sentence: bool) {
        let indented = text.starts_with(' ');
        let words = text.trim();
        if in_sentence && indented {
            // A wrapped sentence goes on; one to three characters are scan debris.
            if words.len() > 3
                && let Some(count) = self.count()
            {
                let sen = match count.updates.last_mut() {
                    Some(update) => update.sen.as_mut(),
                    None => count.sen.as_mut(),
                };
                if let Some(sen) = sen {
                    sen.value.push_str(", ");
                    sen.value.push_str(words);
                }
            }
            self.in_sentence = true;
            return;
        }
        if BOILERPLATE.iter().any(|b| words.starts_with(b)) {
            return;
        }
        // Only courts and arrests make entries: other events' lines are not reported.
        let reads = self.event().is_some_and(|e| {
            matches!(
                e.kind,
                Some(EventKind::Court | EventKind::Arrest | EventKind::SupplementalArrest)
            )
        });
        let after_agency = self.event().is_some_and(|e| e.agency.is_some());
        match self.count() {
            Some(count) if count.charge.is_none() && count.dispos.is_empty() => {
                let (words, toc) = line::split_toc(words);
                count.charge = Some(Said {
                    value: charge::read(words),
                    line: n,
                });
                if let Some(level) = toc {
                    count.toc = Some(Said {
                        value: level,
                        line: n,
                    });
                }
            }
            // The charge's description wrapped onto the next line.
            Some(count) if count.dispos.is_empty() && count.updates.is_empty() => {}
            Some(_) if reads => self.not_read(n, words),
            None if reads && after_agency => self.not_read(n, words),
            _ => {}
        }
    }

    fn date(&mut self, n: u32, date: DateRead, after: &'a str) {
        let said = Said {
            value: date,
            line: n,
        };
        if self.after_mark {
            // An event without a header: a registration cycle's later events.
            let kind = self.cycle().events.first().and_then(|e| e.kind);
            self.new_event(n, kind);
        }
        if let Some(event) = self.event()
            && event.date.is_none()
            && event.counts.is_empty()
        {
            let (agency, toc) = line::split_toc(after);
            event.date = Some(said);
            let agency = agency.trim();
            if !agency.is_empty() {
                event.agency = Some(Said {
                    value: agency,
                    line: n,
                });
            }
            if let Some(level) = toc {
                event.toc.push(Said {
                    value: level,
                    line: n,
                });
            }
            return;
        }
        match self.count() {
            Some(count) => count.updates.push(Update {
                date: said,
                dispos: Vec::new(),
                sen: None,
            }),
            None => self.note(n, &self.words().sheet_note_date_outside),
        }
    }

    fn new_cycle(&mut self, n: u32) {
        self.started = true;
        self.after_mark = false;
        self.sheet.cycles.push(Cycle {
            line: n,
            ..Cycle::default()
        });
    }

    fn new_event(&mut self, n: u32, kind: Option<EventKind>) {
        self.after_mark = false;
        self.cycle().events.push(Event {
            kind,
            line: n,
            date: None,
            agency: None,
            toc: Vec::new(),
            counts: Vec::new(),
        });
    }

    fn cycle(&mut self) -> &mut Cycle<'a> {
        if self.sheet.cycles.is_empty() {
            self.sheet.cycles.push(Cycle::default());
        }
        self.sheet.cycles.last_mut().expect("a cycle was just made")
    }

    fn event(&mut self) -> Option<&mut Event<'a>> {
        if self.after_mark {
            return None;
        }
        self.sheet.cycles.last_mut()?.events.last_mut()
    }

    fn count(&mut self) -> Option<&mut Count<'a>> {
        self.event()?.counts.last_mut()
    }

    fn words(&self) -> &'static Strings {
        Strings::get(self.lang)
    }

    fn not_read(&mut self, line: u32, words: &str) {
        let said = fill(&self.words().sheet_note_not_read, &[("words", &words)]);
        self.note(line, &said);
    }

    fn note(&mut self, line: u32, message: &str) {
        self.sheet.notes.push(Note {
            line,
            message: message.to_string(),
        });
    }

    fn finish(self) -> Sheet<'a> {
        self.sheet
    }
}

impl<'a> Count<'a> {
    fn new((number, last): (u16, u16), line: u32, case: Option<&'a str>) -> Self {
        Count {
            number,
            last,
            line,
            case: case.map(|value| Said { value, line }),
            h1170: None,
            charge: None,
            toc: None,
            dispos: Vec::new(),
            conv: None,
            sen: None,
            comments: Vec::new(),
            updates: Vec::new(),
        }
    }
}
