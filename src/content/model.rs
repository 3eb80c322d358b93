//! The content files as an author writes them: the RON shapes of `questions/*.ron`.
//!
//! Every type denies unknown fields, so a misspelt field is a load error with a
//! line number rather than a silently ignored default.

use serde::Deserialize;

use super::lang;
use super::mark::{self, Located};
pub use crate::model::cond::Period;

/// A name (a fact, a question, a choice, a date) with where it is written.
pub type Name = Located<String>;

/// `questions/meta.ron`
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    pub rules_version: String,
    /// The date the rules were last checked against the law, `YYYY-MM-DD`.
    #[serde(deserialize_with = "mark::named")]
    pub law_checked: String,
    pub jurisdiction: String,
    /// The not-legal-advice notice shown at the start and on every result.
    #[serde(deserialize_with = "lang::text")]
    pub notice: String,
    /// Languages besides English that every text must be translated into.
    #[serde(default)]
    pub translations: Vec<Name>,
}

/// `questions/interview.ron`
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Interview {
    /// Asked once, about the person. The first question is where the interview starts.
    pub person: Vec<Question>,
    /// Asked for each entry on the record. The first question starts each entry.
    pub case: Vec<Question>,
    /// Facts whose answers name an entry in lists ("Entry 2 · Fresno · misdemeanor").
    #[serde(default)]
    pub entry_label: Vec<Name>,
    /// Answers about one entry that cannot be true together (state prison for a
    /// misdemeanor): an answer that would make one hold is refused where it is typed.
    #[serde(default)]
    pub impossible: Vec<Impossible>,
    /// When a case can hold several counts, and which facts each count answers for
    /// itself; every other fact of a count is its case's.
    #[serde(default)]
    pub counts: Option<Counts>,
    /// How long probation runs when the court ordered a term (read by `ProbationOver`
    /// and `ProbationCapped` in the rules).
    #[serde(default)]
    pub probation_term: Option<ProbationTerm>,
}

/// Probation's end, worked out from the term ordered and the caps on it
/// (docs/legal-reference.md §8, §16.4).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProbationTerm {
    /// The date fact on which probation was granted.
    pub granted: Name,
    /// The number fact holding the months of probation ordered.
    pub ordered_months: Name,
    /// The day the caps took effect (`YYYY-MM-DD`): a term that was over by then
    /// stands as ordered.
    pub caps_from: Name,
    /// Tried in order; the first that holds sets the cap.
    pub caps: Vec<ProbationCap>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProbationCap {
    pub when: Located<Cond>,
    /// The longest term, in months; left out, the term ordered stands.
    #[serde(default)]
    pub months: Option<u32>,
    /// Why, in plain words, citing the statute.
    #[serde(deserialize_with = "lang::text")]
    pub reason: String,
}

/// Several counts in one case (docs/legal-reference.md §16.7).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Counts {
    /// When a case's first count can be followed by more.
    pub when: Located<Cond>,
    /// The facts that differ from count to count.
    pub facts: Vec<Name>,
}

/// Answers that cannot be true together, and why, in words that say what to check.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Impossible {
    pub when: Located<Cond>,
    #[serde(deserialize_with = "lang::text")]
    pub reason: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    #[serde(deserialize_with = "mark::named")]
    pub id: String,
    /// The fact this question's answer sets; the question's id when not given.
    #[serde(default)]
    pub sets: Option<String>,
    #[serde(deserialize_with = "lang::text")]
    pub text: String,
    #[serde(deserialize_with = "lang::text")]
    pub help: String,
    /// For a question about an entry: the paper that would confirm an answer given from
    /// memory ("the court's docket, or a letter from probation"). The results name it
    /// under every conclusion that rests on such an answer.
    #[serde(default, deserialize_with = "lang::text")]
    pub confirm_with: String,
    pub answers: AnswerKind,
    /// For a choice: other words people type for an answer, beside its label, as
    /// `("theft", (en: ["shoplifting"], es: ["hurto"]))`. Words in either language are
    /// understood whatever the language shown; `check` reports two answers that share
    /// one.
    #[serde(default)]
    pub also: Vec<(Name, Words)>,
    /// For a choice that names an entry in lists (`entry_label`): its short noun, as
    /// `("convicted", (en: "convicted", es: "condena"))`, read in "Entry 1 · Fresno ·
    /// convicted · felony". `check` reports a choice of an `entry_label` question
    /// without one.
    #[serde(default, deserialize_with = "lang::named_texts")]
    pub short: Vec<(Name, String)>,
    /// Whether "I'm not sure" is offered.
    #[serde(default)]
    pub not_sure: bool,
    /// For a date: the dates, asked earlier, that it cannot come before (a probation
    /// cannot end before the sentence); an earlier date is refused with a hint.
    #[serde(default)]
    pub not_before: Vec<Name>,
    /// For a yes/no question about the person: the entries' answers that mean yes
    /// (`AnyEntry(Is("probation_status", "ongoing"))` for "on probation now"). When
    /// they hold, the fact is yes whatever was answered here, so no rule can read two
    /// answers that disagree.
    #[serde(default)]
    pub implied_by: Option<Located<Cond>>,
    /// Where to go after this question: the first `When` whose condition holds,
    /// else `Otherwise`. Empty means the next question in the list.
    #[serde(default)]
    pub next: Vec<Next>,
}

/// Words a person may type for one answer, in each language.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Words {
    #[serde(default)]
    pub en: Vec<Located<String>>,
    #[serde(default)]
    pub es: Vec<Located<String>>,
}

impl Words {
    pub fn all(&self) -> impl Iterator<Item = &Located<String>> {
        self.en.iter().chain(&self.es)
    }
}

impl Question {
    /// The other words for the choice with this value (see [`Question::also`]).
    pub fn also_for(&self, value: &str) -> impl Iterator<Item = &str> {
        self.also
            .iter()
            .filter(move |(v, _)| v.value == value)
            .flat_map(|(_, w)| w.all().map(|l| l.value.as_str()))
    }

    /// The short noun for the choice with this value (see [`Question::short`]).
    pub fn short_for(&self, value: &str) -> Option<&str> {
        self.short
            .iter()
            .find(|(v, _)| v.value == value)
            .map(|(_, s)| s.as_str())
    }

    pub fn fact(&self) -> &str {
        self.sets.as_deref().unwrap_or(&self.id)
    }
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub enum AnswerKind {
    YesNo,
    /// `(value, label)` pairs.
    Choice(#[serde(deserialize_with = "lang::choices")] Vec<(String, String)>),
    Date,
    /// Dollars and cents.
    Money,
    /// A whole number.
    Number,
    /// A length of time, kept in months: "3 years" and "36 months" are both 36.
    Months,
    /// A short line of text, such as a county name.
    Text,
}

/// The special target that ends a section of the interview.
pub const END: &str = "end";

#[derive(Debug, Clone, Deserialize)]
pub enum Next {
    When(Cond, Name),
    Otherwise(Name),
}

/// A condition over facts, evaluated in three-valued logic (yes / no / unknown).
#[derive(Debug, Clone, Deserialize)]
pub enum Cond {
    Always,
    All(Vec<Cond>),
    Any(Vec<Cond>),
    Not(Box<Cond>),
    /// A yes/no fact answered yes.
    Yes(Name),
    /// A yes/no fact answered no.
    No(Name),
    /// A choice fact has this value.
    Is(Name, Name),
    /// A choice fact has one of these values.
    IsAny(Name, Vec<Name>),
    /// The fact has a definite answer (not missing, not "not sure").
    Known(Name),
    /// A choice fact was answered with this value; unanswered or "not sure" is no.
    /// For what, unless the person says so, is taken not to have happened (relief
    /// already granted).
    Confirmed(Name, Name),
    /// A date fact is before this date (`YYYY-MM-DD`).
    Before(Name, Name),
    /// A date fact is on or after this date.
    OnOrAfter(Name, Name),
    /// A money or number fact is at most this amount.
    AtMost(Name, f64),
    /// A money or number fact is more than this amount.
    MoreThan(Name, f64),
    /// At least this long has passed from a date fact to the as-of date. When not yet,
    /// the engine knows the date it will be, and an outcome with it is "eligible from"
    /// that date.
    Waited(Name, Period),
    /// At least this long has already passed: like `Waited`, but a wait not yet over
    /// is simply no (it does not stop the search with a future date).
    HasWaited(Name, Period),
    /// A condition named once in `conditions.ron`.
    Named(Name),
    /// The as-of date is before this date (a deadline).
    AsOfBefore(Name),
    /// A law in effect from this date (an operative date): true once the as-of date
    /// reaches it; before then "not yet", and the engine knows the date.
    InEffectFrom(Name),
    /// Probation is over, by the term ordered and its caps (`probation_term` in
    /// interview.ron); before its end, "not yet", and the engine knows the date.
    ProbationOver,
    /// Probation is already over: like `ProbationOver`, but not yet is simply no.
    ProbationEnded,
    /// A cap cut the term the court ordered.
    ProbationCapped,
    /// The term as ordered, caps aside (for records that may not apply them), ends
    /// after the as-of date: "not yet", with its end; a term already over is no.
    ProbationEndsAhead,
    /// At least this many entries on the record (person-level rules only).
    EntriesAtLeast(Located<u32>),
    /// The condition holds for some entry (person-level rules only).
    AnyEntry(Located<Box<Cond>>),
}

/// `questions/remedies.ron`
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Remedy {
    #[serde(deserialize_with = "mark::named")]
    pub id: String,
    #[serde(deserialize_with = "lang::text")]
    pub name: String,
    #[serde(deserialize_with = "lang::line")]
    pub statute: String,
    /// What this remedy does, in one plain sentence.
    #[serde(deserialize_with = "lang::text")]
    pub summary: String,
    #[serde(default, deserialize_with = "lang::texts")]
    pub forms: Vec<String>,
    #[serde(deserialize_with = "lang::text")]
    pub file_with: String,
    /// The plan step this remedy belongs to (an id in `guidance.ron`).
    pub step: Name,
    /// When the remedy is worth listing for an entry at all.
    pub applies: Cond,
    /// Tried in order: the first that holds decides; an unknown one stops the search.
    pub outcomes: Vec<Outcome>,
    #[serde(default)]
    pub caveats: Vec<Name>,
    /// The section of the legal reference this remedy follows.
    pub reference: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Outcome {
    pub when: Located<Cond>,
    pub status: Status,
    #[serde(default)]
    pub grant: Option<Grant>,
    /// Why, in plain words, ending with the statute it rests on; located, so that
    /// `check` can point at a reason that cites none.
    #[serde(deserialize_with = "lang::located_text")]
    pub reason: Located<String>,
    /// The conclusion rests on a point the reference marks unverified: say "may" and
    /// suggest confirming with a lawyer.
    #[serde(default)]
    pub unverified: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub enum Status {
    Eligible,
    Possibly,
    NotEligible,
    /// A court or the Department of Justice has already granted it for this entry.
    Granted,
}

impl Status {
    /// Whether a wait not yet over (a `Waited` or `InEffectFrom`) makes this outcome
    /// "from" its date: only an open remedy has a date to wait for.
    pub fn dated(self) -> bool {
        matches!(self, Status::Eligible | Status::Possibly)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub enum Grant {
    /// The court must grant it.
    Mandatory,
    /// The judge decides.
    Discretionary,
    /// Done by the Department of Justice without a petition.
    Automatic,
}

impl Grant {
    /// How the JSON and CSV results name it.
    pub fn key(self) -> &'static str {
        match self {
            Grant::Mandatory => "mandatory",
            Grant::Discretionary => "discretionary",
            Grant::Automatic => "automatic",
        }
    }
}

/// `questions/caveats.ron`
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Caveat {
    #[serde(deserialize_with = "mark::named")]
    pub id: String,
    pub topic: Topic,
    #[serde(deserialize_with = "lang::text")]
    pub text: String,
    #[serde(deserialize_with = "lang::line")]
    pub statute: String,
    /// Shown for an entry whenever this may hold, besides through the remedies that
    /// carry it.
    #[serde(default)]
    pub when: Option<Cond>,
    pub reference: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
pub enum Topic {
    Firearms,
    LicensingAndPublicJobs,
    Immigration,
    FutureCases,
    EmployersAndBackgroundChecks,
    OtherEffects,
}

impl Topic {
    pub const ALL: [Topic; 6] = [
        Topic::Firearms,
        Topic::LicensingAndPublicJobs,
        Topic::Immigration,
        Topic::FutureCases,
        Topic::EmployersAndBackgroundChecks,
        Topic::OtherEffects,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Topic::Firearms => "Firearms",
            Topic::LicensingAndPublicJobs => "Licensing and public jobs",
            Topic::Immigration => "Immigration",
            Topic::FutureCases => "Future cases",
            Topic::EmployersAndBackgroundChecks => "Employers and background checks",
            Topic::OtherEffects => "Other effects",
        }
    }
}

/// `questions/guidance.ron`
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Guidance {
    /// The plan's steps, in the order a person should take them.
    pub steps: Vec<Step>,
    /// Reasons to talk to a lawyer, evaluated for the whole person.
    pub referrals: Vec<Referral>,
    /// Where free help is found.
    #[serde(deserialize_with = "lang::text")]
    pub free_help: String,
    /// The facts of the filing worksheet; without them the results have none.
    #[serde(default)]
    pub filing: Option<Filing>,
    #[serde(default)]
    pub faq: Vec<Faq>,
}

/// How the open remedies are filed, court by court: the filing worksheet.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Filing {
    /// The court's name, with `{county}`.
    #[serde(deserialize_with = "lang::text")]
    pub court: String,
    /// The court when the case's county is not known.
    #[serde(deserialize_with = "lang::text")]
    pub court_unknown: String,
    /// Where a court's address, hours and fees are found (they vary, so none is written).
    #[serde(deserialize_with = "lang::text")]
    pub find_court: String,
    /// The petitions filed in the court of the case's county.
    pub petitions: Vec<Petition>,
    /// Remedies filed somewhere else (a pardon, a certificate where the person lives):
    /// each remedy's `file_with` says where.
    #[serde(default)]
    pub elsewhere: Vec<Name>,
    #[serde(deserialize_with = "lang::text")]
    pub fee: String,
    #[serde(deserialize_with = "lang::text")]
    pub copies: String,
    /// What to bring to every court.
    #[serde(deserialize_with = "lang::texts")]
    pub bring: Vec<String>,
    /// What to bring too when the judge decides one of the petitions.
    #[serde(deserialize_with = "lang::text")]
    pub bring_discretionary: String,
    /// Where in the legal reference these facts come from.
    pub reference: String,
}

/// A kind of petition: the remedies asked for on it, and who must be told.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Petition {
    pub remedies: Vec<Name>,
    /// One petition for a case asks for all of its remedies (a 17(b) reduction and a
    /// 1203.4 dismissal on the same CR-180); otherwise each remedy is its own petition.
    #[serde(default)]
    pub together: bool,
    /// Who must be served, and how long before the hearing.
    #[serde(deserialize_with = "lang::text")]
    pub serve: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    #[serde(deserialize_with = "mark::named")]
    pub id: String,
    #[serde(deserialize_with = "lang::text")]
    pub title: String,
    /// Why this step comes where it does.
    #[serde(deserialize_with = "lang::text")]
    pub why: String,
    /// Listed even when no remedy falls under it.
    #[serde(default)]
    pub always: bool,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Referral {
    #[serde(deserialize_with = "mark::named")]
    pub id: String,
    pub when: Cond,
    #[serde(deserialize_with = "lang::text")]
    pub reason: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Faq {
    #[serde(deserialize_with = "lang::text")]
    pub question: String,
    #[serde(deserialize_with = "lang::text")]
    pub answer: String,
}

/// `questions/conditions.ron`: conditions the rules share, each named once, in order.
#[derive(Debug, Clone, Default)]
pub struct NamedConditions(pub Vec<(Name, Cond)>);

impl<'de> Deserialize<'de> for NamedConditions {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Pairs;
        impl<'de> serde::de::Visitor<'de> for Pairs {
            type Value = NamedConditions;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str(
                    "a map of names to conditions, like { \"blocked_now\": Yes(\"in_custody\") }",
                )
            }
            fn visit_map<M: serde::de::MapAccess<'de>>(
                self,
                mut map: M,
            ) -> Result<NamedConditions, M::Error> {
                let mut out = Vec::new();
                while let Some(name) = map.next_key::<Name>()? {
                    out.push((name, map.next_value::<Cond>()?));
                }
                Ok(NamedConditions(out))
            }
        }
        d.deserialize_map(Pairs)
    }
}

/// `questions/sections.ron`: the code sections a person may type, what each one is
/// (its offense type) and the lists it is on, so that a section on the RAP sheet
/// answers the questions it settles.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sections {
    /// The fact the code section is typed into (a text question).
    #[serde(default)]
    pub fact: Option<Name>,
    /// The choice fact a section's `category` answers.
    #[serde(default)]
    pub category: Option<Name>,
    pub lists: Vec<SectionList>,
    /// Groups of lists no section may be on two of.
    #[serde(default)]
    pub exclusive: Vec<Vec<Name>>,
    pub sections: Vec<CodeSection>,
}

/// `questions/counties.ron`: the counties the county question takes, each with the
/// short forms people type for it.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Counties {
    /// The fact a county is typed into (a text question).
    #[serde(default)]
    pub fact: Option<Name>,
    pub counties: Vec<(Located<String>, Vec<String>)>,
    /// Places a RAP sheet's courts name that are not counties, by county.
    #[serde(default)]
    pub courthouses: Vec<(Located<String>, Vec<String>)>,
}

/// A list of code sections the law names, with where it is written.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SectionList {
    #[serde(deserialize_with = "mark::named")]
    pub id: String,
    #[serde(deserialize_with = "lang::text")]
    pub name: String,
    /// The statute and the reference section that make a section part of the list.
    pub source: String,
    /// The answers being on the list gives, as `("wobbler", "yes")`.
    #[serde(default)]
    pub sets: Vec<(Name, Name)>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CodeSection {
    /// As a RAP sheet writes it: the code, then the section, as "PC 459.5".
    pub code: Located<String>,
    #[serde(deserialize_with = "lang::text")]
    pub name: String,
    /// The offense type it is; none when that turns on facts the section does not
    /// tell (HS 11357 is both Prop 47 and Prop 64), so the person is asked.
    #[serde(default)]
    pub category: Option<Name>,
    #[serde(default)]
    pub lists: Vec<Name>,
}
