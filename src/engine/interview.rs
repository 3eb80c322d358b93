//! The interview as a state machine: where the person is, what they answered, going
//! back, and changing an earlier answer. Front ends only call into this.
//!
//! The path through a section is never stored: it is walked from the section's first
//! question by following the answers. So changing an answer re-routes the path, keeps
//! the later answers that are still on it, and drops those that no longer apply.

use chrono::NaiveDate;

use super::cond::{Scope, Truth};
use super::facts::{Answers, Person, Slot, Value};
use super::input::InputError;
use super::screen::{Screening, entry_scope, screen};
use crate::content::model::{AnswerKind, Name, Question};
use crate::content::{Content, Section, Target};
use crate::model::FactId;

/// Where the interview is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    Person,
    Entry(usize),
    /// "Add another entry?"
    AddAnother,
    /// Every section is complete: results.
    Done,
}

/// A question to show, with where the person is.
#[derive(Debug, Clone)]
pub struct Asking<'c> {
    /// Index into [`Content::questions`].
    pub index: usize,
    pub question: &'c Question,
    /// The entry it is about; `None` for questions about the person.
    pub entry: Option<usize>,
    /// 1-based number of this question within its section.
    pub number: usize,
    /// Rough count of questions in this section for this person.
    pub about: usize,
    /// The answer already given, when coming back to it.
    pub current: Slot,
}

#[derive(Debug, Clone)]
pub struct Interview<'c> {
    content: &'c Content,
    as_of: NaiveDate,
    person: Person,
    stage: Stage,
    /// Position on the current section's path.
    cursor: usize,
    /// Editing from the review: a completed section returns to the results.
    editing: bool,
    /// Entries the last answer removed, for [`Interview::take_removed`].
    removed: Option<(usize, usize)>,
    /// Answers read beforehand (from a RAP sheet), entry by entry: each question they
    /// answer is answered with them as the interview reaches it, so only the questions
    /// they leave open are asked. Boxed: most interviews have none.
    prefill: Option<Box<Person>>,
}

/// A walked path: the questions asked on it, and whether it reaches the end of its
/// section.
struct Path {
    questions: Vec<usize>,
    /// Every question the path passes, in order: those asked and those the code
    /// section answered.
    passed: Vec<usize>,
    complete: bool,
}

impl<'c> Interview<'c> {
    pub fn new(content: &'c Content, as_of: NaiveDate) -> Self {
        Interview {
            content,
            as_of,
            person: Person::new(Answers::new(content.facts.len()), Vec::new()),
            stage: Stage::Person,
            cursor: 0,
            editing: false,
            removed: None,
            prefill: None,
        }
    }

    /// An interview whose questions `read` answers are answered with those answers as
    /// they are reached, entry by entry, in the interview's order; the first question
    /// `read` leaves open is asked. An answer the interview refuses is left open too.
    pub fn prefilled(content: &'c Content, as_of: NaiveDate, read: Person) -> Self {
        let mut interview = Interview::new(content, as_of);
        interview.prefill = Some(Box::new(read));
        interview.fill();
        interview
    }

    /// Answers from the prefill until a question it leaves open, an answer already
    /// given (coming back to it), or the end of its entries.
    fn fill(&mut self) {
        let Some(read) = self.prefill.take() else {
            return;
        };
        while !self.editing {
            match self.stage {
                Stage::Person | Stage::Entry(_) => {
                    let Some(asking) = self.asking() else { break };
                    if asking.current != Slot::Missing {
                        break;
                    }
                    let answers = match asking.entry {
                        None => Some(&read.person),
                        Some(e) => read.cases.get(e).filter(|_| {
                            read.is_further_count(e) == self.person.is_further_count(e)
                        }),
                    };
                    let fact = self.content.questions[asking.index].fact;
                    let Some(answers) = answers.filter(|a| a.get(fact).is_answered()) else {
                        break;
                    };
                    if self.answer(answers.get(fact).clone()).is_err() {
                        break;
                    }
                    let source = answers.source(fact).cloned();
                    self.answers_mut(asking.entry).set_source(fact, source);
                }
                Stage::AddAnother => {
                    let next = self.person.cases.len();
                    if next >= read.cases.len() {
                        break;
                    }
                    if read.is_further_count(next) {
                        if self.count_can_follow().is_none() {
                            break;
                        }
                        self.add_count();
                    } else {
                        self.add_another(true);
                    }
                }
                Stage::Done => break,
            }
        }
        self.prefill = Some(read);
    }

    /// Resumes from saved facts, at the first unanswered question.
    pub fn resume(content: &'c Content, as_of: NaiveDate, person: Person) -> Self {
        let mut interview = Interview::new(content, as_of);
        interview.person = person;
        interview.prune_all();
        interview.advance_to_first_open();
        interview
    }

    pub fn content(&self) -> &'c Content {
        self.content
    }

    /// The same interview, answers and place, read from other content: the same
    /// content in another language. Returns `None` if the two differ in questions or
    /// facts, since the answers would not mean the same.
    pub fn in_content<'d>(&self, other: &'d Content) -> Option<Interview<'d>> {
        let same = other.facts.len() == self.content.facts.len()
            && other.questions.len() == self.content.questions.len()
            && other
                .questions
                .iter()
                .zip(&self.content.questions)
                .all(|(a, b)| a.source.id == b.source.id && a.fact == b.fact);
        same.then(|| Interview {
            content: other,
            as_of: self.as_of,
            person: self.person.clone(),
            stage: self.stage,
            cursor: self.cursor,
            editing: self.editing,
            removed: self.removed,
            prefill: self.prefill.clone(),
        })
    }

    pub fn as_of(&self) -> NaiveDate {
        self.as_of
    }

    pub fn stage(&self) -> Stage {
        self.stage
    }

    pub fn person(&self) -> &Person {
        &self.person
    }

    pub fn entry_count(&self) -> usize {
        self.person.cases.len()
    }

    /// Whether anything has been answered.
    pub fn has_answers(&self) -> bool {
        !self.person.person.is_empty() || self.person.cases.iter().any(|c| !c.is_empty())
    }

    pub fn results(&self) -> Screening {
        screen(self.content, &self.person, self.as_of)
    }

    fn section(&self) -> Option<(Section, Option<usize>)> {
        match self.stage {
            Stage::Person => Some((Section::Person, None)),
            Stage::Entry(e) => Some((Section::Case, Some(e))),
            _ => None,
        }
    }

    fn answers(&self, entry: Option<usize>) -> &Answers {
        match entry {
            None => &self.person.person,
            Some(e) => &self.person.cases[e],
        }
    }

    /// An entry's answers as the rules read them: a further count's with its case's.
    fn entry_facts(&self, entry: usize) -> std::borrow::Cow<'_, Answers> {
        if self.person.is_further_count(entry) {
            let resolved = self.person.resolved(&self.content.count_facts);
            std::borrow::Cow::Owned(resolved.cases[entry].clone())
        } else {
            std::borrow::Cow::Borrowed(&self.person.cases[entry])
        }
    }

    /// Whether a further count is asked `fact` itself: a fact that differs per count, or
    /// one its case was never asked.
    fn count_asks(&self, entry: usize, fact: FactId) -> bool {
        self.content.count_facts.contains(fact)
            || !self.person.cases[self.person.case_of(entry)]
                .get(fact)
                .is_answered()
    }

    fn answers_mut(&mut self, entry: Option<usize>) -> &mut Answers {
        match entry {
            None => &mut self.person.person,
            Some(e) => &mut self.person.cases[e],
        }
    }

    /// Follows the answers from the section's first question. A further count's path
    /// passes through its case's answers and lists only what the count is asked.
    fn path(&self, entry: Option<usize>) -> Path {
        let start = match entry {
            None => self.content.person_start,
            Some(_) => self.content.case_start,
        };
        // The rules route on the entry's answers, and on what its code section gives
        // for each question passed on the way.
        let mut facts = entry.map(|e| self.entry_facts(e).into_owned());
        let count = entry.filter(|e| self.person.is_further_count(*e));
        let answers = self.answers(entry);
        let settled = self.settled(entry);
        let mut questions = Vec::new();
        let mut passed = Vec::new();
        let mut at = Target::Question(start);
        while let Target::Question(q) = at {
            // Content is checked to be loop-free; this guard keeps a bad folder safe.
            // A path that never repeats a question cannot outgrow the questions.
            if passed.contains(&q) {
                return Path {
                    questions,
                    passed,
                    complete: false,
                };
            }
            passed.push(q);
            let def = &self.content.questions[q];
            // A question the code section answers is passed, not asked.
            let by_section = settled.iter().find(|(f, _)| *f == def.fact);
            if let (Some((fact, slot)), Some(facts)) = (by_section, facts.as_mut()) {
                facts.set(*fact, slot.clone());
            }
            let asked = by_section.is_none() && count.is_none_or(|e| self.count_asks(e, def.fact));
            if asked {
                questions.push(q);
            }
            if asked && !answers.get(def.fact).is_answered() {
                return Path {
                    questions,
                    passed,
                    complete: false,
                };
            }
            let scope = Scope {
                as_of: self.as_of,
                person: &self.person.person,
                case: facts.as_ref(),
                all_cases: &self.person.cases,
                case_total: self.person.case_total(),
                person_facts: &self.content.person_facts,
                asking: false,
            };
            at = def
                .next
                .iter()
                .find(|(cond, _)| {
                    cond.as_ref()
                        .is_none_or(|c| c.eval(&scope) == super::cond::Truth::True)
                })
                .map_or(Target::End, |(_, t)| *t);
        }
        Path {
            questions,
            passed,
            complete: true,
        }
    }

    /// The question to show now, if the stage is a question.
    pub fn asking(&self) -> Option<Asking<'c>> {
        let (_, entry) = self.section()?;
        let path = self.path(entry);
        let index = *path.questions.get(self.cursor)?;
        let def = &self.content.questions[index];
        let remaining = self.content.remaining[index];
        Some(Asking {
            index,
            question: &def.source,
            entry,
            number: self.cursor + 1,
            about: (self.cursor + remaining).max(path.questions.len()),
            current: self.answers(entry).get(def.fact).clone(),
        })
    }

    /// Checks an answer against the question before taking it.
    pub fn validate(&self, question: &Question, slot: &Slot) -> Result<(), InputError> {
        match slot {
            Slot::Missing => Err(InputError::NoAnswer),
            Slot::NotSure if !question.not_sure => Err(InputError::NotSureNotOffered),
            Slot::NotSure => Ok(()),
            Slot::Known(value) => match (&question.answers, value) {
                (AnswerKind::YesNo, Value::Bool(_))
                | (AnswerKind::Money, Value::Money(_))
                | (AnswerKind::Number | AnswerKind::Months, Value::Number(_))
                | (AnswerKind::Text, Value::Text(_)) => Ok(()),
                (AnswerKind::Choice(c), Value::Choice(i)) if (*i as usize) < c.len() => Ok(()),
                (AnswerKind::Date, Value::Date(d)) if *d > self.as_of => {
                    Err(InputError::DateInFuture {
                        date: *d,
                        today: self.as_of,
                    })
                }
                (AnswerKind::Date, Value::Date(_)) => Ok(()),
                _ => Err(InputError::WrongKind),
            },
        }
    }

    /// Refuses a date before one it cannot precede (see `not_before`), so that a
    /// mistyped year is caught where it is typed.
    fn in_order(
        &self,
        question: &Question,
        entry: Option<usize>,
        slot: &Slot,
    ) -> Result<(), InputError> {
        match (slot, self.not_before(question, entry)) {
            (Slot::Known(Value::Date(date)), Some(earlier)) if *date < earlier => {
                Err(InputError::DateBefore {
                    date: *date,
                    earlier,
                })
            }
            _ => Ok(()),
        }
    }

    /// The latest date given earlier that an answer to `question` cannot precede (see
    /// `not_before`), when one is given.
    pub fn not_before(&self, question: &Question, entry: Option<usize>) -> Option<NaiveDate> {
        let earlier = |name: &Name| {
            let id = self.content.fact_id(name)?;
            let slot = match (self.content.fact(id).section, entry) {
                (Section::Case, Some(e)) => self.entry_facts(e).get(id).clone(),
                _ => self.answers(None).get(id).clone(),
            };
            match slot {
                Slot::Known(Value::Date(date)) => Some(date),
                _ => None,
            }
        };
        question.not_before.iter().filter_map(earlier).max()
    }

    /// Refuses an answer about an entry that, with the entry's other answers, cannot
    /// be true (see `impossible`). Only an answer that makes such a rule hold is
    /// refused, so answers saved before a rule was written never block another.
    fn possible(&self, entry: Option<usize>, fact: FactId, slot: &Slot) -> Result<(), InputError> {
        let Some(entry) = entry else {
            return Ok(());
        };
        // Judged on the answers as they would stand, with what a code section settles.
        let mut trial = self.clone();
        trial.set_and_settle(Some(entry), fact, slot.clone());
        let holding = |case: &Answers| impossible(self.content, &self.person, case, self.as_of);
        let already = holding(&self.entry_facts(entry));
        match holding(&trial.entry_facts(entry))
            .into_iter()
            .find(|rule| !already.contains(rule))
        {
            Some(rule) => Err(InputError::Impossible {
                rule,
                reason: self.content.impossible[rule].reason.clone(),
            }),
            None => Ok(()),
        }
    }

    /// Answers the current question and moves on.
    pub fn answer(&mut self, slot: Slot) -> Result<(), InputError> {
        let asking = self.asking().ok_or(InputError::NoQuestion)?;
        self.validate(asking.question, &slot)?;
        self.in_order(asking.question, asking.entry, &slot)?;
        let fact = self.content.questions[asking.index].fact;
        let slot = super::input::canonical(self.content, fact, slot)?;
        self.possible(asking.entry, fact, &slot)?;
        self.set_and_settle(asking.entry, fact, slot);
        if let Some(e) = asking.entry {
            self.drop_counts_not_taken(e);
        }
        let path = self.path(asking.entry);
        if self.editing {
            // Straight on to whatever the change newly asks, or back to the results.
            self.cursor = path
                .questions
                .iter()
                .position(|q| {
                    !self
                        .answers(asking.entry)
                        .get(self.content.questions[*q].fact)
                        .is_answered()
                })
                .unwrap_or(path.questions.len());
        } else {
            self.cursor += 1;
        }
        if self.cursor >= path.questions.len() && path.complete {
            self.section_done();
        }
        self.fill();
        Ok(())
    }

    /// The answers an entry's code section gives (none for one not in the table).
    fn settled(&self, entry: Option<usize>) -> &'c [(FactId, Slot)] {
        match (self.content.sections.fact, entry) {
            (Some(fact), Some(_)) => self.content.sections.settles(self.answers(entry).get(fact)),
            _ => &[],
        }
    }

    /// Sets an answer, then what follows from it: a changed code section's answers, and
    /// the answers no longer on the path.
    fn set_and_settle(&mut self, entry: Option<usize>, fact: FactId, slot: Slot) {
        let answers = self.answers_mut(entry);
        let before = answers.get(fact).clone();
        answers.set(fact, slot);
        if Some(fact) == self.content.sections.fact {
            self.unsettle(entry, &before);
        }
        self.prune(entry);
    }

    /// After the code section changed from `before`: the answers the old section gave
    /// go, so none is left looking typed; [`Interview::prune`] sets the new ones.
    fn unsettle(&mut self, entry: Option<usize>, before: &Slot) {
        let content = self.content;
        let answers = self.answers_mut(entry);
        for (fact, _) in content.sections.settles(before) {
            answers.clear(*fact);
        }
    }

    /// The code section an entry's answers were read from, if the table has it.
    pub fn section_of(&self, entry: usize) -> Option<&'c crate::content::sections::SectionDef> {
        let fact = self.content.sections.fact?;
        match self.answers(Some(entry)).get(fact) {
            Slot::Known(Value::Text(t)) => self.content.sections.find(t),
            _ => None,
        }
    }

    /// The code section that answered this question of the entry, when it was not asked.
    pub fn answered_by_section(
        &self,
        entry: Option<usize>,
        question: usize,
    ) -> Option<&'c crate::content::sections::SectionDef> {
        let entry = entry?;
        self.section_answered(Some(entry), question)
            .then(|| self.section_of(entry))
            .flatten()
    }

    /// Whether this question of the entry was answered by its code section, not asked.
    pub fn section_answered(&self, entry: Option<usize>, question: usize) -> bool {
        let fact = self.content.questions[question].fact;
        self.settled(entry).iter().any(|(f, _)| *f == fact)
            && !self.path(entry).questions.contains(&question)
    }

    /// Drops the answers to questions that are no longer on the path, and sets the
    /// answers the code section gives to the questions on it.
    fn prune(&mut self, entry: Option<usize>) {
        let path = self.path(entry);
        let on_path = |fact: FactId| {
            path.passed
                .iter()
                .any(|q| self.content.questions[*q].fact == fact)
        };
        let section = if entry.is_some() {
            Section::Case
        } else {
            Section::Person
        };
        // Where an entry's answers came from is asked at the end of every route: while
        // a change asks something new, the path stops short of it, and it stays.
        let source = self
            .content
            .fact_id(crate::content::ANSWERS_FROM)
            .filter(|_| !path.complete);
        let keep: Vec<bool> = self
            .content
            .facts
            .iter()
            .enumerate()
            .map(|(i, f)| {
                let fact = FactId(i as u16);
                f.section == section && (on_path(fact) || Some(fact) == source)
            })
            .collect();
        let settled: Vec<(FactId, Slot)> = self
            .settled(entry)
            .iter()
            .filter(|(fact, _)| on_path(*fact))
            .cloned()
            .collect();
        let answers = self.answers_mut(entry);
        for (i, keep) in keep.into_iter().enumerate() {
            if !keep {
                answers.clear(FactId(i as u16));
            }
        }
        for (fact, slot) in settled {
            answers.set(fact, slot);
        }
    }

    fn prune_all(&mut self) {
        self.prune(None);
        for e in 0..self.person.cases.len() {
            self.prune(Some(e));
        }
    }

    /// After an answer about a case's first count: a case that can no longer hold
    /// several counts (it is no longer a conviction) keeps only its first.
    fn drop_counts_not_taken(&mut self, entry: usize) {
        if self.person.is_further_count(entry) || self.takes_counts(entry) {
            return;
        }
        let further = self.person.counts_of(entry).len() - 1;
        if further > 0 {
            for _ in 0..further {
                self.person.remove(entry + 1);
            }
            self.removed = Some((entry + 1, further));
        }
    }

    /// The entries the last answer removed, as (first, how many), once: counts of a
    /// case that stopped being a conviction. Front ends that keep something per entry
    /// (an intake's notes) forget it for these.
    pub fn take_removed(&mut self) -> Option<(usize, usize)> {
        self.removed.take()
    }

    fn takes_counts(&self, first: usize) -> bool {
        takes_counts(self.content, &self.person, first, self.as_of)
    }

    /// The entry (counted from 0) of the last case, when it can take another count:
    /// for "another count in this case".
    pub fn count_can_follow(&self) -> Option<usize> {
        let last = self.person.cases.len().checked_sub(1)?;
        let first = self.person.case_of(last);
        self.takes_counts(first).then_some(first)
    }

    fn section_done(&mut self) {
        self.cursor = 0;
        if self.editing {
            self.editing = false;
            self.advance_to_first_open();
            return;
        }
        match self.stage {
            Stage::Person if self.person.cases.is_empty() => {
                self.person
                    .push(Answers::new(self.content.facts.len()), false);
                self.stage = Stage::Entry(0);
            }
            // Moving forward after going back: on to the first entry's first question.
            Stage::Person => self.stage = Stage::Entry(0),
            Stage::Entry(e) if e + 1 < self.person.cases.len() => self.stage = Stage::Entry(e + 1),
            Stage::Entry(_) => self.stage = Stage::AddAnother,
            _ => {}
        }
    }

    /// Goes to the first section with an unanswered question, or to the results.
    fn advance_to_first_open(&mut self) {
        let sections = std::iter::once(None).chain((0..self.person.cases.len()).map(Some));
        for entry in sections {
            let path = self.path(entry);
            if !path.complete {
                self.stage = entry.map_or(Stage::Person, Stage::Entry);
                self.cursor = path.questions.len() - 1;
                return;
            }
        }
        if self.person.cases.is_empty() {
            self.person
                .push(Answers::new(self.content.facts.len()), false);
            self.stage = Stage::Entry(0);
        } else {
            self.stage = Stage::Done;
        }
        self.cursor = 0;
    }

    /// "Add another entry?" answered.
    pub fn add_another(&mut self, yes: bool) {
        if yes {
            self.person
                .push(Answers::new(self.content.facts.len()), false);
            self.stage = Stage::Entry(self.person.cases.len() - 1);
        } else {
            self.stage = Stage::Done;
        }
        self.cursor = 0;
        self.fill();
    }

    /// "Another count in this case" chosen: a further count of the last case, asked
    /// only what differs per count. Does nothing when the last case takes no counts.
    pub fn add_count(&mut self) {
        if self.count_can_follow().is_some() {
            self.person
                .push(Answers::new(self.content.facts.len()), true);
            self.stage = Stage::Entry(self.person.cases.len() - 1);
            self.cursor = 0;
            if self.path(Some(self.person.cases.len() - 1)).complete {
                self.section_done();
            }
            self.fill();
        }
    }

    /// Goes back one question. Returns false at the very first question.
    pub fn back(&mut self) -> bool {
        self.editing = false;
        if self.cursor > 0 && matches!(self.stage, Stage::Person | Stage::Entry(_)) {
            self.cursor -= 1;
            return true;
        }
        let previous = match self.stage {
            Stage::Person => return false,
            Stage::Entry(0) => None,
            Stage::Entry(e) => Some(e - 1),
            Stage::AddAnother | Stage::Done => self.person.cases.len().checked_sub(1),
        };
        self.stage = previous.map_or(Stage::Person, Stage::Entry);
        self.cursor = self.path(previous).questions.len().saturating_sub(1);
        true
    }

    /// Opens a question from the review to change its answer. Returns false if that
    /// question is not on the person's path.
    pub fn edit(&mut self, entry: Option<usize>, question: usize) -> bool {
        if entry.is_some_and(|e| e >= self.person.cases.len()) {
            return false;
        }
        let path = self.path(entry);
        // An answer the code section gave is changed by changing the section.
        let question = if self.section_answered(entry, question) {
            let section = self.content.sections.fact;
            let asks_section = |q: &&usize| Some(self.content.questions[**q].fact) == section;
            match path.questions.iter().find(asks_section) {
                Some(q) => *q,
                None => return false,
            }
        } else {
            question
        };
        let Some(pos) = path.questions.iter().position(|q| *q == question) else {
            return false;
        };
        self.stage = entry.map_or(Stage::Person, Stage::Entry);
        self.cursor = pos;
        self.editing = true;
        true
    }

    /// Removes an entry and everything answered about it: a further count alone, or a
    /// case's first count with every count of the case. Returns how many entries went.
    pub fn remove_entry(&mut self, entry: usize) -> usize {
        let gone = self.person.remove(entry);
        // Answers read for later entries stay with their entries.
        if let Some(read) = self.prefill.as_mut()
            && entry < read.cases.len()
        {
            read.remove(entry);
        }
        if gone > 0 {
            self.editing = false;
            self.advance_to_first_open();
        }
        gone
    }

    /// Where an entry's answer to `question` came from: its own source, else the
    /// entry's ([`Content::answer_source`]).
    pub fn source(&self, entry: usize, question: usize) -> Option<crate::model::Source> {
        let fact = self.content.questions[question].fact;
        self.content.answer_source(&self.entry_facts(entry), fact)
    }

    /// Gives an entry's answer to `question` a source of its own (`None`: the
    /// entry's). Only an answer given has one.
    pub fn set_source(
        &mut self,
        entry: usize,
        question: usize,
        source: Option<crate::model::Source>,
    ) {
        let fact = self.content.questions[question].fact;
        if let Some(answers) = self.person.cases.get_mut(entry) {
            answers.set_source(fact, source);
        }
    }

    /// Gives an entry's answer to `question` the next source, in the order the RAP
    /// sheet, court papers, memory, not sure, and returns where it now comes from. A
    /// source that is the entry's is the entry's again; a RAP sheet's line numbers, once
    /// changed, are not made up again. The entry's own "where from" answer has none.
    pub fn next_source(&mut self, entry: usize, question: usize) -> Option<crate::model::Source> {
        use crate::model::Source;
        let fact = self.content.questions[question].fact;
        if Some(fact) == self.content.fact_id(crate::content::ANSWERS_FROM) {
            return None;
        }
        let order = [
            Source::RapSheet(Vec::new()),
            Source::CourtPapers,
            Source::Memory,
            Source::NotSure,
        ];
        let kind = std::mem::discriminant::<Source>;
        let now = self.source(entry, question);
        let at = now.and_then(|now| order.iter().position(|s| kind(s) == kind(&now)));
        let next = order[at.map_or(0, |i| (i + 1) % order.len())].clone();
        self.set_source(entry, question, None);
        if self.source(entry, question) != Some(next.clone()) {
            self.set_source(entry, question, Some(next));
        }
        self.source(entry, question)
    }

    /// The answered questions of a section, in the order asked: for the review.
    pub fn answered(&self, entry: Option<usize>) -> Vec<(usize, Slot)> {
        let answers = self.answers(entry);
        self.path(entry)
            .passed
            .into_iter()
            .map(|q| (q, answers.get(self.content.questions[q].fact).clone()))
            .filter(|(_, s)| s.is_answered())
            .collect()
    }
}

/// Whether the case whose first count is entry `first` of `person` can hold more
/// counts (`counts` in the interview: a conviction).
pub fn takes_counts(content: &Content, person: &Person, first: usize, as_of: NaiveDate) -> bool {
    let Some(when) = &content.counts_when else {
        return false;
    };
    let scope = entry_scope(content, person, &person.cases[first], as_of);
    when.eval(&scope) == Truth::True
}

/// The rules about answers that cannot be true together (`impossible` in the
/// interview) that hold for one entry of `person`, by index.
pub fn impossible(
    content: &Content,
    person: &Person,
    case: &Answers,
    as_of: NaiveDate,
) -> Vec<usize> {
    let scope = entry_scope(content, person, case, as_of);
    content
        .impossible
        .iter()
        .enumerate()
        .filter(|(_, rule)| rule.when.eval(&scope) == Truth::True)
        .map(|(i, _)| i)
        .collect()
}
