//! An intake open for changes, and the interview its answers come from.
//!
//! [`OpenIntake`] is the file's side: the record, the answers the interview has not
//! reached yet, this desk's marker. It keeps no interview of its own, so there is
//! never a second copy to keep in step: the clinic desk's screen owns the one
//! interview and hands it in after every change the screen reports (`tui::desk`).
//! [`IntakeSession`] pairs an [`OpenIntake`] with an interview it owns, for code
//! without a screen (tests, benchmarks): every change goes through it and is saved
//! before the call returns.

use chrono::NaiveDate;

use super::marker::{Holder, Marker};
use super::record::{Intake, Status, Unread};
use super::store::{SaveOutcome, Store, StoreError};
use crate::content::Content;
use crate::engine::facts::{FactId, Person, Slot};
use crate::engine::{Interview, Screening};

/// Why an answer was not taken.
#[derive(Debug, thiserror::Error)]
pub enum AnswerError {
    /// Not an answer to the question; nothing changed. Show it to the volunteer.
    #[error(transparent)]
    Refused(crate::engine::input::InputError),
    /// Taken, but the file could not be written. The answer is kept in memory and
    /// the next save writes it.
    #[error(transparent)]
    NotSaved(#[from] StoreError),
}

/// An intake open for changes at this desk: the file's record (client, notes,
/// status), the answers waiting for the interview to reach them, whether the last
/// save failed, and this desk's "open here" marker. It holds no interview: whoever
/// holds the interview (the desk's screen, or an [`IntakeSession`]) hands it in with
/// every change, and the answers saved are that interview's.
pub struct OpenIntake {
    store: Store,
    intake: Intake,
    unread: Vec<Unread>,
    /// Saved answers the interview has not reached: after the content gained a
    /// question, the answers past it wait here (and stay in the file) until the
    /// interview comes to them.
    held: Vec<(Option<usize>, FactId, Slot)>,
    /// The last save failed: what is in memory is newer than the file.
    unsaved: bool,
    /// A save found the file changed by another desk and saved a conflict copy of
    /// this id instead; not yet told.
    conflict: Option<String>,
    /// This desk's "open here" marker next to the file, removed when the intake is
    /// closed.
    marker: Option<Marker>,
    /// Another desk that had the intake open when this one opened it.
    held_by: Option<Holder>,
}

/// An interview bound to an intake file, for a program without a screen of its own
/// (the tests, the benchmarks): it owns the interview, which is read through
/// [`IntakeSession::interview`] and changed only through the session, and every
/// change to an answer, an entry, a note or the status is saved before the call
/// returns.
pub struct IntakeSession<'c> {
    file: OpenIntake,
    interview: Interview<'c>,
}

/// The time a marker says a desk opened an intake: the wall clock, not the store's
/// (which stamps saves).
fn since_now() -> String {
    chrono::Local::now().format("%H:%M").to_string()
}

/// The answers in `read` that `kept` does not have.
pub(crate) fn left_out(read: &Person, kept: &Person) -> Vec<(Option<usize>, FactId, Slot)> {
    let sections = std::iter::once((None, &read.person, Some(&kept.person))).chain(
        read.cases
            .iter()
            .enumerate()
            .map(|(e, c)| (Some(e), c, kept.cases.get(e))),
    );
    let mut out = Vec::new();
    for (entry, read, kept) in sections {
        for (fact, slot) in read.answered() {
            if !kept.is_some_and(|k| k.get(fact).is_answered()) {
                out.push((entry, fact, slot.clone()));
            }
        }
    }
    out
}

impl OpenIntake {
    /// Starts a new intake, saved at once, in the language of `content`: the one the
    /// client answers in, with `answers` when there are some (from a hand-off code).
    /// Returns the interview to take it with.
    pub fn create<'c>(
        store: &Store,
        content: &'c Content,
        as_of: NaiveDate,
        name: &str,
        number: &str,
        answers: Option<&Person>,
    ) -> Result<(Self, Interview<'c>), StoreError> {
        let answers = answers.map(|person| (content, person));
        let intake = store.create_in(name, number, content.lang, answers)?;
        Ok(OpenIntake::resume(store, content, as_of, intake))
    }

    /// Resumes an intake already read, with the interview at its first unanswered
    /// question.
    pub fn resume<'c>(
        store: &Store,
        content: &'c Content,
        as_of: NaiveDate,
        intake: Intake,
    ) -> (Self, Interview<'c>) {
        let (person, unread) = intake.person(content);
        let interview = Interview::resume(content, as_of, person.clone());
        let held = left_out(&person, interview.person());
        let (marker, held_by) = Marker::take(store.dir(), &intake.id, &since_now());
        let file = OpenIntake {
            store: store.clone(),
            intake,
            unread,
            held,
            unsaved: false,
            conflict: None,
            marker,
            held_by,
        };
        (file, interview)
    }

    pub fn intake(&self) -> &Intake {
        &self.intake
    }

    /// Answers in the file the current questions cannot use; kept in the file.
    pub fn unread(&self) -> &[Unread] {
        &self.unread
    }

    /// The other desk that had this intake open when it was opened here, if any.
    pub fn held_by(&self) -> Option<&Holder> {
        self.held_by.as_ref()
    }

    /// When a save found that another desk had changed the file: the id of that
    /// intake, whose file was kept, once. This intake is now the conflict copy.
    pub fn take_conflict(&mut self) -> Option<String> {
        self.conflict.take()
    }

    /// Whether the last save failed, so the file lacks the latest change.
    pub fn unsaved(&self) -> bool {
        self.unsaved
    }

    /// `interview`'s answers, with the held ones it has not given.
    fn merged(&self, interview: &Interview) -> Person {
        let mut person = interview.person().clone();
        for (entry, fact, slot) in &self.held {
            let answers = match entry {
                None => Some(&mut person.person),
                Some(e) => person.cases.get_mut(*e),
            };
            if let Some(answers) = answers.filter(|a| !a.get(*fact).is_answered()) {
                answers.set(*fact, slot.clone());
            }
        }
        person
    }

    /// Takes a change made to the interview: forgets the notes and held answers of
    /// the entries it `removed` (the first, and how many), if any, and when the
    /// interview has come to a question whose answer is held, gives that answer back.
    /// Returns the interview with the answers given back, when it gave any, for its
    /// holder to take.
    pub fn take_change<'c>(
        &mut self,
        interview: &Interview<'c>,
        removed: Option<(usize, usize)>,
    ) -> Option<Interview<'c>> {
        if let Some((entry, count)) = removed {
            self.forget_entry(entry, count);
        }
        let content = interview.content();
        let mut given: Option<Interview<'c>> = None;
        loop {
            let now = given.as_ref().unwrap_or(interview);
            let Some(asking) = now.asking() else {
                break;
            };
            let fact = content.questions[asking.index].fact;
            if !self
                .held
                .iter()
                .any(|(e, f, _)| *e == asking.entry && *f == fact)
            {
                break;
            }
            let merged = self.merged(now);
            let resumed = Interview::resume(content, now.as_of(), merged.clone());
            let before = self.held.len();
            self.held = left_out(&merged, resumed.person());
            given = Some(resumed);
            if self.held.len() >= before {
                break;
            }
        }
        given
    }

    /// Drops an entry's note and held answers, moving the later entries up.
    fn forget_entry(&mut self, entry: usize, count: usize) {
        let gone = entry..(entry + count).min(self.intake.entries.len());
        if !gone.is_empty() {
            self.intake.entries.drain(gone);
        }
        self.held
            .retain(|(e, _, _)| e.is_none_or(|e| !(entry..entry + count).contains(&e)));
        for (e, _, _) in &mut self.held {
            if let Some(i) = e.as_mut().filter(|i| **i >= entry + count) {
                *i -= count;
            }
        }
    }

    /// Saves `interview`'s answers and the intake.
    pub fn save(&mut self, interview: &Interview) -> Result<(), StoreError> {
        let person = self.merged(interview);
        self.intake.record(interview.content(), &person);
        let saved = self.store.save(&mut self.intake);
        self.unsaved = saved.is_err();
        if let Ok(SaveOutcome::ConflictCopy { of }) = &saved {
            self.conflict = Some(of.clone());
            // The other desk's intake is not this desk's to mark any more; the copy is.
            self.marker = Marker::take(self.store.dir(), &self.intake.id, &since_now()).0;
        }
        saved.map(|_| ())
    }

    /// Writes the whole intake, as it is in memory with `interview`'s answers, to a
    /// file the volunteer chose: for when the data folder cannot be written. Never
    /// replaces a file.
    pub fn save_copy(
        &mut self,
        interview: &Interview,
        path: &std::path::Path,
    ) -> Result<crate::savefile::Written, crate::savefile::WriteError> {
        let person = self.merged(interview);
        self.intake.record(interview.content(), &person);
        let mut copy = self.intake.clone();
        copy.updated = self.store.now();
        let text = super::file::encode(&copy).map_err(std::io::Error::other)?;
        crate::savefile::write(path, text.as_bytes(), false)
    }

    /// The volunteer's note about the client, then saves.
    pub fn set_note(&mut self, interview: &Interview, note: &str) -> Result<(), StoreError> {
        self.intake.note = note.to_string();
        self.save(interview)
    }

    /// The volunteer's note about one entry, then saves. Returns false, saving
    /// nothing, when the interview has no such entry.
    pub fn set_entry_note(
        &mut self,
        interview: &Interview,
        entry: usize,
        note: &str,
    ) -> Result<bool, StoreError> {
        if entry >= interview.entry_count() {
            return Ok(false);
        }
        self.intake.record(interview.content(), interview.person());
        self.intake.entries[entry].note = note.to_string();
        self.save(interview)?;
        Ok(true)
    }

    /// Changes the client's name and intake number (one may be empty, not both),
    /// then saves.
    pub fn set_client(
        &mut self,
        interview: &Interview,
        name: &str,
        number: &str,
    ) -> Result<(), StoreError> {
        let (name, number) = (crate::sanitize::flat(name), crate::sanitize::flat(number));
        let (name, number) = (name.trim(), number.trim());
        if name.is_empty() && number.is_empty() {
            return Err(StoreError::Invalid(
                "Give a client name or an intake number.".into(),
            ));
        }
        self.intake.name = name.to_string();
        self.intake.number = number.to_string();
        self.save(interview)
    }

    /// Marks the intake done or open, then saves.
    pub fn set_status(&mut self, interview: &Interview, status: Status) -> Result<(), StoreError> {
        self.intake.status = status;
        self.save(interview)
    }

    /// The language the client reads, which their printout is written in, then saves.
    pub fn set_language(
        &mut self,
        interview: &Interview,
        lang: crate::content::Lang,
    ) -> Result<(), StoreError> {
        self.intake.language = lang;
        self.save(interview)
    }
}

impl<'c> IntakeSession<'c> {
    /// Starts a new intake, saved at once, in the language of `content`: the one the
    /// client answers in.
    pub fn create(
        store: &Store,
        content: &'c Content,
        as_of: NaiveDate,
        name: &str,
        number: &str,
    ) -> Result<Self, StoreError> {
        let (file, interview) = OpenIntake::create(store, content, as_of, name, number, None)?;
        Ok(IntakeSession { file, interview })
    }

    /// Opens a saved intake by id, at its first unanswered question.
    pub fn open(
        store: &Store,
        content: &'c Content,
        as_of: NaiveDate,
        id: &str,
    ) -> Result<Self, StoreError> {
        let opened = store.open_intake(id)?;
        Ok(IntakeSession::resume(store, content, as_of, opened.intake))
    }

    /// Resumes an intake already read.
    pub fn resume(store: &Store, content: &'c Content, as_of: NaiveDate, intake: Intake) -> Self {
        let (file, interview) = OpenIntake::resume(store, content, as_of, intake);
        IntakeSession { file, interview }
    }

    pub fn interview(&self) -> &Interview<'c> {
        &self.interview
    }

    pub fn intake(&self) -> &Intake {
        self.file.intake()
    }

    /// Answers in the file the current questions cannot use; kept in the file.
    pub fn unread(&self) -> &[Unread] {
        self.file.unread()
    }

    pub fn results(&self) -> Screening {
        self.interview.results()
    }

    /// Saves the interview's answers and the intake.
    pub fn save(&mut self) -> Result<(), StoreError> {
        self.file.save(&self.interview)
    }

    /// The other desk that had this intake open when it was opened here, if any.
    pub fn held_by(&self) -> Option<&Holder> {
        self.file.held_by()
    }

    /// When a save found that another desk had changed the file: the id of that
    /// intake, whose file was kept, once. This session is now the conflict copy.
    pub fn take_conflict(&mut self) -> Option<String> {
        self.file.take_conflict()
    }

    /// Writes the whole intake, as it is in memory, to a file the volunteer chose:
    /// for when the data folder cannot be written. Never replaces a file.
    pub fn save_copy(
        &mut self,
        path: &std::path::Path,
    ) -> Result<crate::savefile::Written, crate::savefile::WriteError> {
        self.file.save_copy(&self.interview, path)
    }

    /// Whether the last save failed, so the file lacks the latest change.
    pub fn unsaved(&self) -> bool {
        self.file.unsaved()
    }

    /// Hands the changed interview to the file, takes back any held answers it
    /// gives, and saves.
    fn changed(&mut self, removed: Option<(usize, usize)>) -> Result<(), StoreError> {
        if let Some(given) = self.file.take_change(&self.interview, removed) {
            self.interview = given;
        }
        self.file.save(&self.interview)
    }

    /// Answers the current question, then saves.
    pub fn answer(&mut self, slot: Slot) -> Result<(), AnswerError> {
        self.interview.answer(slot).map_err(AnswerError::Refused)?;
        let removed = self.interview.take_removed();
        Ok(self.changed(removed)?)
    }

    /// "Add another entry?", then saves.
    pub fn add_another(&mut self, yes: bool) -> Result<(), StoreError> {
        self.interview.add_another(yes);
        self.changed(None)
    }

    /// Goes back one question. Nothing changes, so nothing is saved.
    pub fn back(&mut self) -> bool {
        self.interview.back()
    }

    /// Opens a question from the review to change its answer.
    pub fn edit(&mut self, entry: Option<usize>, question: usize) -> bool {
        self.interview.edit(entry, question)
    }

    /// Removes an entry, its answers and its note (a case with its counts), then saves.
    pub fn remove_entry(&mut self, entry: usize) -> Result<(), StoreError> {
        let count = self.interview.remove_entry(entry);
        self.changed(Some((entry, count)))
    }

    /// "Another count in this case", then saves.
    pub fn add_count(&mut self) -> Result<(), StoreError> {
        self.interview.add_count();
        self.changed(None)
    }

    /// The volunteer's note about the client, then saves.
    pub fn set_note(&mut self, note: &str) -> Result<(), StoreError> {
        self.file.set_note(&self.interview, note)
    }

    /// The volunteer's note about one entry, then saves. Returns false, saving
    /// nothing, when there is no such entry.
    pub fn set_entry_note(&mut self, entry: usize, note: &str) -> Result<bool, StoreError> {
        self.file.set_entry_note(&self.interview, entry, note)
    }

    /// Changes the client's name and intake number (one may be empty, not both),
    /// then saves.
    pub fn set_client(&mut self, name: &str, number: &str) -> Result<(), StoreError> {
        self.file.set_client(&self.interview, name, number)
    }

    /// Marks the intake done or open, then saves.
    pub fn set_status(&mut self, status: Status) -> Result<(), StoreError> {
        self.file.set_status(&self.interview, status)
    }

    /// The language the client reads, which their printout is written in, then saves.
    pub fn set_language(&mut self, lang: crate::content::Lang) -> Result<(), StoreError> {
        self.file.set_language(&self.interview, lang)
    }
}
