//! Facts and answers: what the interview collects and the rules read.

use std::borrow::Cow;

use chrono::NaiveDate;

use super::Source;

/// Index of a fact in the compiled content's fact table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FactId(pub u16);

/// The most facts one content set may define; [`FactSet`] is a bitset of this size.
pub const MAX_FACTS: usize = 256;

/// A definite answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    Bool(bool),
    /// Index into the fact's choices.
    Choice(u16),
    Date(NaiveDate),
    /// Whole cents.
    Money(u64),
    Number(u32),
    Text(String),
}

/// What is known of one fact.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Slot {
    /// Never answered (or the question did not apply).
    #[default]
    Missing,
    /// The person said "I'm not sure".
    NotSure,
    Known(Value),
}

impl Slot {
    pub fn is_answered(&self) -> bool {
        !matches!(self, Slot::Missing)
    }

    pub fn value(&self) -> Option<&Value> {
        match self {
            Slot::Known(v) => Some(v),
            _ => None,
        }
    }
}

/// The answers for one scope: the person, or one entry on the record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answers {
    slots: Vec<Slot>,
    /// Where single answers came from, when it is known answer by answer (a RAP
    /// sheet's line, or a source changed in the review); few, so kept as a list.
    sources: Vec<(FactId, Source)>,
}

/// Typed answers (a county, an offense in the person's words) are wiped from memory,
/// not only forgotten, when the answers go: a kiosk's reset, starting over, quitting.
impl Drop for Answers {
    fn drop(&mut self) {
        for slot in &mut self.slots {
            if let Slot::Known(Value::Text(text)) = slot {
                zeroize::Zeroize::zeroize(text);
            }
        }
    }
}

fn wipe(slot: Slot) {
    if let Slot::Known(Value::Text(mut text)) = slot {
        zeroize::Zeroize::zeroize(&mut text);
    }
}

impl Answers {
    pub fn new(fact_count: usize) -> Self {
        Answers {
            slots: vec![Slot::Missing; fact_count],
            sources: Vec::new(),
        }
    }

    pub fn get(&self, fact: FactId) -> &Slot {
        &self.slots[fact.0 as usize]
    }

    /// Sets one fact; a typed answer it replaces is wiped from memory. A different
    /// answer no longer comes from where the old one did, so its source goes.
    pub fn set(&mut self, fact: FactId, slot: Slot) {
        let old = std::mem::replace(&mut self.slots[fact.0 as usize], slot);
        if old != self.slots[fact.0 as usize] {
            self.set_source(fact, None);
        }
        wipe(old);
    }

    /// Where this answer came from, when it is known for this answer alone.
    pub fn source(&self, fact: FactId) -> Option<&Source> {
        self.sources
            .iter()
            .find(|(f, _)| *f == fact)
            .map(|(_, source)| source)
    }

    /// Records where an answer came from (`None` forgets it). Only an answer given
    /// has a source.
    pub fn set_source(&mut self, fact: FactId, source: Option<Source>) {
        self.sources.retain(|(f, _)| *f != fact);
        if let Some(source) = source.filter(|_| self.get(fact).is_answered()) {
            self.sources.push((fact, source));
        }
    }

    /// Every source known answer by answer.
    pub fn sources(&self) -> impl Iterator<Item = (FactId, &Source)> {
        self.sources.iter().map(|(fact, source)| (*fact, source))
    }

    /// Takes `from`'s answer to `fact`, with its source.
    pub fn take(&mut self, fact: FactId, from: &Answers) {
        self.set(fact, from.get(fact).clone());
        self.set_source(fact, from.source(fact).cloned());
    }

    pub fn clear(&mut self, fact: FactId) {
        self.set(fact, Slot::Missing);
    }

    /// Every fact with an answer, "not sure" included.
    pub fn answered(&self) -> impl Iterator<Item = (FactId, &Slot)> {
        self.slots
            .iter()
            .enumerate()
            .filter(|(_, s)| s.is_answered())
            .map(|(i, s)| (FactId(i as u16), s))
    }

    pub fn is_empty(&self) -> bool {
        self.slots.iter().all(|s| !s.is_answered())
    }
}

/// A person to screen: the facts about them, and one set of facts per entry.
///
/// An entry is one count of a court case. The first count of a case holds the case's
/// facts (county, dates, sentence) beside its own; each further count follows it, marked
/// in `further_count`, and holds only what differs per count (level, offense) and what
/// the first count was never asked. [`Person::resolved`] gives every count its case's
/// facts, as the rules read them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    pub person: Answers,
    pub cases: Vec<Answers>,
    /// For each entry, whether it is a further count of the case above it.
    pub further_count: Vec<bool>,
}

impl Person {
    /// A person whose every entry is a case with one count.
    pub fn new(person: Answers, cases: Vec<Answers>) -> Self {
        let further_count = vec![false; cases.len()];
        Person {
            person,
            cases,
            further_count,
        }
    }

    /// Whether an entry is a further count of the case above it.
    pub fn is_further_count(&self, entry: usize) -> bool {
        self.further_count.get(entry).copied().unwrap_or(false)
    }

    /// The entry holding the facts of `entry`'s case: its first count.
    pub fn case_of(&self, entry: usize) -> usize {
        let mut e = entry;
        while e > 0 && self.is_further_count(e) {
            e -= 1;
        }
        e
    }

    /// The entries of the case whose first count is `first`.
    pub fn counts_of(&self, first: usize) -> std::ops::Range<usize> {
        let end = (first + 1..self.cases.len())
            .find(|e| !self.is_further_count(*e))
            .unwrap_or(self.cases.len());
        first..end
    }

    /// `entry`'s case, numbered from 1 among cases, and its count, numbered from 1
    /// within the case.
    pub fn case_and_count(&self, entry: usize) -> (usize, usize) {
        let first = self.case_of(entry);
        let case = (0..=first).filter(|e| !self.is_further_count(*e)).count();
        (case, entry - first + 1)
    }

    /// Whether the case of `entry` has more than one count.
    pub fn has_counts(&self, entry: usize) -> bool {
        self.counts_of(self.case_of(entry)).len() > 1
    }

    /// How many cases there are, however many counts each holds.
    pub fn case_total(&self) -> usize {
        (0..self.cases.len())
            .filter(|e| !self.is_further_count(*e))
            .count()
    }

    /// The answers `read` gives that differ from answers already given here, as
    /// (entry, fact): `None` for the person, entries matched in order.
    pub fn differing(&self, read: &Person) -> Vec<(Option<usize>, FactId)> {
        let sections = std::iter::once((None, &self.person, &read.person)).chain(
            self.cases
                .iter()
                .zip(&read.cases)
                .enumerate()
                .map(|(e, (given, read))| (Some(e), given, read)),
        );
        let mut out = Vec::new();
        for (entry, given, read) in sections {
            for (fact, slot) in read.answered() {
                let now = given.get(fact);
                if now.is_answered() && now != slot {
                    out.push((entry, fact));
                }
            }
        }
        out
    }

    /// Takes `read`'s answers, entries matched in order, and adds the entries `read`
    /// has beyond these. With `replace_given`, every answer `read` gives is taken.
    /// Without it, a section `read` contradicts anywhere is left exactly as it is (it
    /// may be another case: its open questions are not filled from that one), and the
    /// others take `read`'s answers to their open questions.
    pub fn take_from(&mut self, read: &Person, replace_given: bool) {
        let sections = std::iter::once((&mut self.person, &read.person))
            .chain(self.cases.iter_mut().zip(&read.cases));
        for (given, read) in sections {
            if !replace_given && contradicts(given, read) {
                continue;
            }
            for (fact, _) in read.answered() {
                given.take(fact, read);
            }
        }
        for e in self.cases.len()..read.cases.len() {
            self.push(read.cases[e].clone(), read.is_further_count(e));
        }
    }

    /// Whether the sheet's section differs from the one given, at any answer.
    pub fn contradicted(&self, read: &Person, entry: Option<usize>) -> bool {
        match entry {
            None => contradicts(&self.person, &read.person),
            Some(e) => match (self.cases.get(e), read.cases.get(e)) {
                (Some(given), Some(read)) => contradicts(given, read),
                _ => false,
            },
        }
    }

    /// Adds an entry: a new case, or a further count of the last one.
    pub fn push(&mut self, answers: Answers, further_count: bool) {
        self.further_count.resize(self.cases.len(), false);
        self.cases.push(answers);
        self.further_count
            .push(further_count && self.cases.len() > 1);
    }

    /// Removes an entry; removing a case's first count removes the whole case.
    /// Returns how many entries went.
    pub fn remove(&mut self, entry: usize) -> usize {
        if entry >= self.cases.len() {
            return 0;
        }
        self.further_count.resize(self.cases.len(), false);
        let gone = if self.is_further_count(entry) {
            entry..entry + 1
        } else {
            self.counts_of(entry)
        };
        let n = gone.len();
        self.cases.drain(gone.clone());
        self.further_count.drain(gone);
        n
    }

    /// Each entry with the facts of its case: a further count reads its case's answer
    /// for every fact that is not `per_count`, where the case has one, and its own
    /// answer otherwise.
    /// A person without further counts is already resolved, and is not copied.
    pub fn resolved(&self, per_count: &FactSet) -> Cow<'_, Person> {
        if !self.further_count.contains(&true) {
            return Cow::Borrowed(self);
        }
        let cases = (0..self.cases.len())
            .map(|e| {
                let own = &self.cases[e];
                if !self.is_further_count(e) {
                    return own.clone();
                }
                let mut merged = self.cases[self.case_of(e)].clone();
                for i in 0..merged.slots.len() {
                    let fact = FactId(i as u16);
                    if per_count.contains(fact) || !merged.slots[i].is_answered() {
                        merged.take(fact, own);
                    }
                }
                merged
            })
            .collect();
        Cow::Owned(Person {
            person: self.person.clone(),
            cases,
            further_count: self.further_count.clone(),
        })
    }
}

/// A set of facts, used to name the answers that would decide an open question.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct FactSet([u64; MAX_FACTS / 64]);

impl FactSet {
    pub fn one(fact: FactId) -> Self {
        let mut set = FactSet::default();
        set.insert(fact);
        set
    }

    pub fn insert(&mut self, fact: FactId) {
        let i = fact.0 as usize;
        self.0[i / 64] |= 1 << (i % 64);
    }

    pub fn union(mut self, other: FactSet) -> Self {
        for (a, b) in self.0.iter_mut().zip(other.0) {
            *a |= b;
        }
        self
    }

    pub fn contains(&self, fact: FactId) -> bool {
        let i = fact.0 as usize;
        self.0[i / 64] & (1 << (i % 64)) != 0
    }

    pub fn is_empty(&self) -> bool {
        self.0.iter().all(|w| *w == 0)
    }

    pub fn iter(&self) -> impl Iterator<Item = FactId> + '_ {
        // Word by word, bit by bit: only the facts in the set are visited.
        self.0.iter().enumerate().flat_map(|(w, &word)| {
            let mut rest = word;
            std::iter::from_fn(move || {
                (rest != 0).then(|| {
                    let bit = rest.trailing_zeros() as usize;
                    rest &= rest - 1;
                    FactId((w * 64 + bit) as u16)
                })
            })
        })
    }
}

/// Whether `read` answers some question `given` answered, differently.
fn contradicts(given: &Answers, read: &Answers) -> bool {
    read.answered().any(|(fact, slot)| {
        let now = given.get(fact);
        now.is_answered() && now != slot
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fact_set_yields_exactly_its_facts_in_order_across_words() {
        let ids = [0u16, 1, 63, 64, 65, 127, 128, 200, 255];
        let mut set = FactSet::default();
        for id in ids {
            set.insert(FactId(id));
        }
        let got: Vec<u16> = set.iter().map(|f| f.0).collect();
        assert_eq!(got, ids);
        assert_eq!(FactSet::default().iter().count(), 0);
        assert_eq!(
            FactSet::one(FactId(255)).iter().collect::<Vec<_>>(),
            [FactId(255)]
        );
    }

    fn answers(given: &[(u16, Slot)]) -> Answers {
        let mut a = Answers::new(4);
        for (fact, slot) in given {
            a.set(FactId(*fact), slot.clone());
        }
        a
    }

    #[test]
    fn answers_read_fill_what_is_open_and_replace_only_when_asked() {
        let yes = Slot::Known(Value::Bool(true));
        let no = Slot::Known(Value::Bool(false));
        let given = Person::new(
            answers(&[(0, yes.clone())]),
            vec![answers(&[(1, yes.clone()), (2, Slot::NotSure)])],
        );
        let mut read = Person::new(
            answers(&[(0, yes.clone()), (3, no.clone())]),
            vec![
                answers(&[(1, no.clone()), (2, Slot::NotSure), (3, yes.clone())]),
                answers(&[(1, yes.clone())]),
            ],
        );
        read.push(answers(&[(2, no.clone())]), true);
        // The same answer is no difference; a different one is, where it is.
        assert_eq!(given.differing(&read), [(Some(0), FactId(1))]);

        let mut kept = given.clone();
        kept.take_from(&read, false);
        assert_eq!(
            kept.person.get(FactId(3)),
            &no,
            "an open question takes the read answer"
        );
        assert_eq!(
            kept.cases[0].get(FactId(1)),
            &yes,
            "an answer given is kept"
        );
        assert_eq!(
            kept.cases[0].get(FactId(3)),
            &Slot::Missing,
            "an entry the sheet contradicts is not filled from it"
        );
        assert!(kept.contradicted(&read, Some(0)) && !kept.contradicted(&read, None));
        assert_eq!(kept.cases.len(), 3, "the entries read beyond are added");
        assert!(kept.is_further_count(2) && !kept.is_further_count(1));
        assert!(kept.differing(&read).contains(&(Some(0), FactId(1))));

        let mut replaced = given.clone();
        replaced.take_from(&read, true);
        assert_eq!(replaced.cases[0].get(FactId(1)), &no);
        assert!(replaced.differing(&read).is_empty());
    }
}
