//! `clearpath check`: everything that can be wrong with the content, as file:line.
//! It sits above the engine: it runs the rules on the routes the interview allows.
//!
//! Loading already resolves every name. This adds what needs the whole picture: loops,
//! questions nothing leads to, routes that stop short, facts nothing reads, remedies
//! and outcomes no answers can reach, and routes that end with no remedy to show.

mod cite;
mod routes;

use crate::content::mark::Mark;
use crate::content::model;
use crate::content::source::Problem;
use crate::content::{
    CAVEATS, CONDITIONS, Content, GUIDANCE, INTERVIEW, META, REMEDIES, SECTIONS, Section, Sources,
    graph, load, parse_in, problem_at_mark,
};
use crate::engine::cond::{Scope, Truth};
use crate::engine::screen::{Verdict, entry_scope, implied, judge, screen};
use crate::model::{FactId, FactSet, Lang};
use routes::{Explorer, ROUTE_BUDGET};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    pub questions: usize,
    pub remedies: usize,
    pub caveats: usize,
    /// Distinct question sequences: person routes times entry routes.
    pub routes: u128,
}

#[derive(Debug, Clone)]
pub struct Report {
    pub problems: Vec<Problem>,
    pub summary: Option<Summary>,
}

pub fn check(sources: &Sources) -> Report {
    let content = match load(sources) {
        Ok(c) => c,
        Err(problems) => {
            return Report {
                problems,
                summary: None,
            };
        }
    };
    let mut checker = Checker {
        sources,
        content: &content,
        problems: Vec::new(),
    };
    checker.translations();
    checker.natural_answers();
    checker.structure();
    checker.citations();
    checker.unused_facts();
    checker.unused_conditions();
    checker.section_table();
    checker.answer_sources();
    if checker.problems.is_empty() {
        // Reachability walks routes, which needs a loop-free interview.
        checker.reachability();
    }
    // Citations in reasons bear on no route: they are checked whatever else is found.
    checker.reasons_cite();
    let summary = Summary {
        questions: content.questions.len(),
        remedies: content.remedies.len(),
        caveats: content.caveats.len(),
        routes: graph::route_count(&content, Section::Person)
            .saturating_mul(graph::route_count(&content, Section::Case)),
    };
    Report {
        problems: checker.problems,
        summary: Some(summary),
    }
}

struct Checker<'a> {
    sources: &'a Sources,
    content: &'a Content,
    problems: Vec<Problem>,
}

impl Checker<'_> {
    fn at_item(&mut self, file: usize, id: &str, message: String) {
        let at = self.content.mark_of(file, id);
        self.at_mark(file, at, message);
    }

    fn at_mark(&mut self, file: usize, at: Option<Mark>, message: String) {
        self.problems
            .push(problem_at_mark(self.sources, file, at, message));
    }

    fn qid(&self, q: usize) -> &str {
        &self.content.questions[q].source.id
    }

    /// Every text a person sees must exist in each language `meta.ron` lists under
    /// `translations`.
    fn translations(&mut self) {
        for code in &self.content.meta.translations {
            let Some(lang) = Lang::parse(code).filter(|l| *l != Lang::En) else {
                self.at_mark(
                    META,
                    Some(code.mark),
                    format!("\"{code}\" is not a language clearpath can translate into (es)"),
                );
                continue;
            };
            let mut ignored = Vec::new();
            let missing = [
                parse_in::<model::Meta>(self.sources, META, lang, &mut ignored).missing,
                parse_in::<model::Interview>(self.sources, INTERVIEW, lang, &mut ignored).missing,
                parse_in::<Vec<model::Remedy>>(self.sources, REMEDIES, lang, &mut ignored).missing,
                parse_in::<Vec<model::Caveat>>(self.sources, CAVEATS, lang, &mut ignored).missing,
                parse_in::<model::Guidance>(self.sources, GUIDANCE, lang, &mut ignored).missing,
                Vec::new(),
                parse_in::<model::Sections>(self.sources, SECTIONS, lang, &mut ignored).missing,
            ];
            for (file, texts) in missing.into_iter().enumerate() {
                for (text, at) in texts {
                    let short: String = text.chars().take(60).collect();
                    let more = if text.chars().count() > 60 { "…" } else { "" };
                    self.at_mark(
                        file,
                        Some(at),
                        format!(
                            "no {} ({}) translation of \"{short}{more}\"",
                            lang.name(),
                            lang.code()
                        ),
                    );
                }
            }
        }
    }

    /// Two choices of one question that a person could answer with the same words
    /// (a value, a label in any language, or the words in `also`): the answer would be
    /// refused as matching both. And a choice's words that mean "I'm not sure" on a
    /// question offering it, which would never reach the choice.
    fn natural_answers(&mut self) {
        use crate::engine::input::{is_not_sure, words};
        let spanish = crate::content::load_in(self.sources, Lang::Es).ok();
        for (qi, def) in self.content.questions.iter().enumerate() {
            let q = &def.source;
            let model::AnswerKind::Choice(choices) = &q.answers else {
                continue;
            };
            let other_labels: Vec<String> = match spanish.as_ref().map(|c| &c.questions[qi]) {
                Some(es) => match &es.source.answers {
                    model::AnswerKind::Choice(c) => c.iter().map(|(_, l)| l.clone()).collect(),
                    _ => Vec::new(),
                },
                None => Vec::new(),
            };
            // For each choice, its words with where each is written (`None`: the value
            // or a label, pointed at through the question).
            let answers: Vec<Vec<(String, Option<Mark>)>> = choices
                .iter()
                .enumerate()
                .map(|(ci, (value, label))| {
                    let mut out = vec![(words(value), None), (words(label), None)];
                    if let Some(l) = other_labels.get(ci) {
                        out.push((words(l), None));
                    }
                    for (v, w) in &q.also {
                        if v.value == *value {
                            out.extend(w.all().map(|l| (words(l), Some(l.mark))));
                        }
                    }
                    out.retain(|(w, _)| !w.is_empty());
                    out
                })
                .collect();
            let mut reported: Vec<String> = Vec::new();
            for (b, later) in answers.iter().enumerate() {
                for (word, mark) in later {
                    if q.not_sure && is_not_sure(word) && mark.is_some() {
                        self.at_mark(
                            INTERVIEW,
                            *mark,
                            format!(
                                "question \"{}\": \"{word}\" means \"I'm not sure\", so it never \
                                 answers \"{}\"",
                                q.id, choices[b].0
                            ),
                        );
                    }
                    for (a, earlier) in answers.iter().enumerate().take(b) {
                        let Some((_, other)) = earlier.iter().find(|(w, _)| w == word) else {
                            continue;
                        };
                        if reported.contains(word) {
                            continue;
                        }
                        reported.push(word.clone());
                        let message = format!(
                            "question \"{}\": \"{word}\" answers both \"{}\" and \"{}\", \
                             so a person typing it would be asked which",
                            q.id, choices[a].0, choices[b].0
                        );
                        match mark.or(*other) {
                            Some(at) => self.at_mark(INTERVIEW, Some(at), message),
                            None => self.at_item(INTERVIEW, &q.id, message),
                        }
                    }
                }
            }
        }
    }

    fn structure(&mut self) {
        for cycle in graph::loops(self.content) {
            let names: Vec<&str> = cycle.iter().map(|q| self.qid(*q)).collect();
            let message = format!(
                "these questions loop with no way out: {}",
                names.join(" → ")
            );
            let first = self.qid(cycle[0]).to_string();
            self.at_item(INTERVIEW, &first, message);
        }
        let reachable = graph::reachable(self.content);
        for (q, seen) in reachable.iter().enumerate() {
            if !seen {
                let id = self.qid(q).to_string();
                self.at_item(
                    INTERVIEW,
                    &id,
                    format!("no route reaches question \"{id}\""),
                );
            }
        }
        for q in 0..self.content.questions.len() {
            if self.content.questions[q]
                .next
                .iter()
                .all(|(c, _)| c.is_some())
            {
                let id = self.qid(q).to_string();
                self.at_item(
                    INTERVIEW,
                    &id,
                    format!("question \"{id}\" has no Otherwise: an answer that matches no When would stop the interview here"),
                );
            }
        }
    }

    fn citations(&mut self) {
        for r in &self.content.remedies {
            let s = &r.source;
            if s.statute.trim().is_empty() {
                self.at_item(
                    REMEDIES,
                    &s.id,
                    format!("remedy \"{}\" cites no statute", s.id),
                );
            }
            if s.reference.trim().is_empty() {
                self.at_item(
                    REMEDIES,
                    &s.id,
                    format!(
                        "remedy \"{}\" names no section of the legal reference",
                        s.id
                    ),
                );
            }
            if s.outcomes.is_empty() {
                self.at_item(
                    REMEDIES,
                    &s.id,
                    format!("remedy \"{}\" has no outcomes", s.id),
                );
            }
            for (i, o) in s.outcomes.iter().enumerate() {
                if o.reason.trim().is_empty() {
                    self.at_item(
                        REMEDIES,
                        &s.id,
                        format!("remedy \"{}\": outcome {} gives no reason", s.id, i + 1),
                    );
                }
            }
        }
        for c in &self.content.caveats {
            let s = &c.source;
            if s.statute.trim().is_empty() {
                self.at_item(
                    CAVEATS,
                    &s.id,
                    format!("caveat \"{}\" cites no statute or source", s.id),
                );
            }
        }
    }

    /// Every outcome's reason, in every language, names the statute it rests on: one
    /// of its remedy's sections, or another section with its subsection. A remedy whose
    /// statute names no section (a case outside California) has none to name.
    fn reasons_cite(&mut self) {
        let content = self.content;
        // Every translation written is checked, promised in `meta.ron` or not: a
        // person reading in that language sees it.
        let mut translated = Vec::new();
        for lang in Lang::ALL.into_iter().filter(|l| *l != Lang::En) {
            let mut ignored = Vec::new();
            let read = parse_in::<Vec<model::Remedy>>(self.sources, REMEDIES, lang, &mut ignored);
            if let Some(remedies) = read.value {
                translated.push((lang, remedies));
            }
        }
        for (r, def) in content.remedies.iter().enumerate() {
            let remedy = &def.source;
            let sections = cite::sections(&remedy.statute);
            if sections.is_empty() {
                continue;
            }
            for (i, o) in remedy.outcomes.iter().enumerate() {
                let mut reasons = vec![(Lang::En, &o.reason)];
                for (lang, remedies) in &translated {
                    // An untranslated reason is the English one, checked already.
                    if let Some(t) = remedies.get(r).and_then(|t| t.outcomes.get(i))
                        && t.reason.value != o.reason.value
                    {
                        reasons.push((*lang, &t.reason));
                    }
                }
                for (lang, reason) in reasons {
                    if cite::cites(reason, &sections) {
                        continue;
                    }
                    self.at_mark(
                        REMEDIES,
                        Some(reason.mark),
                        format!(
                            "outcome {} of remedy \"{}\": its {} reason cites no statute; end it with the section it rests on ({}), with its subsection where the legal reference gives one",
                            i + 1,
                            remedy.id,
                            lang.name(),
                            sections.join(", ")
                        ),
                    );
                }
            }
        }
    }

    /// Every fact must be read by a rule, a route or an entry label: a question whose
    /// answer changes nothing should not be asked.
    fn unused_facts(&mut self) {
        let mut read = Vec::new();
        for q in &self.content.questions {
            for (c, _) in &q.next {
                if let Some(c) = c {
                    c.facts(&mut read);
                }
            }
            if let Some(c) = &q.implied_by {
                c.facts(&mut read);
            }
        }
        for r in &self.content.remedies {
            r.applies.facts(&mut read);
            r.outcomes.iter().for_each(|c| c.facts(&mut read));
        }
        for c in &self.content.caveats {
            if let Some(w) = &c.when {
                w.facts(&mut read);
            }
        }
        for r in &self.content.referrals {
            r.when.facts(&mut read);
        }
        read.extend(&self.content.entry_label);
        read.extend(self.content.sections.fact);
        // The program reads it: the source of the entry's answers.
        read.extend(self.content.fact_id(crate::content::ANSWERS_FROM));
        for (i, fact) in self.content.facts.iter().enumerate() {
            if !read.contains(&FactId(i as u16)) {
                let id = self.qid(fact.question).to_string();
                self.at_item(
                    INTERVIEW,
                    &id,
                    format!("the answer to \"{id}\" changes nothing: no rule, route or entry label reads \"{}\"", fact.name),
                );
            }
        }
    }

    /// Where answers come from: `answers_from` offers only the sources the program
    /// knows, and every question about an entry that a remedy's rule reads names the
    /// paper that would confirm an answer from memory (`confirm_with`).
    fn answer_sources(&mut self) {
        use crate::content::ANSWERS_FROM;
        if let Some(fact) = self.content.fact_id(ANSWERS_FROM) {
            let question = self.content.fact_question(fact);
            let wrong: Vec<&str> = match &question.answers {
                model::AnswerKind::Choice(choices) => choices
                    .iter()
                    .map(|(value, _)| value.as_str())
                    .filter(|value| crate::model::Source::of_choice(value).is_none())
                    .collect(),
                _ => vec![""],
            };
            if !wrong.is_empty() {
                let id = question.id.clone();
                self.at_item(
                    INTERVIEW,
                    &id,
                    format!("\"{id}\" is a choice of \"rap_sheet\", \"court_papers\" and \"memory\", the sources the program knows"),
                );
            }
        }
        // Every route of an entry ends by asking where its answers came from.
        if let Some(fact) = self.content.fact_id(ANSWERS_FROM) {
            let last = self.content.fact(fact).question;
            let ending: Vec<String> = (self.content.questions.iter().enumerate())
                .filter(|(i, q)| {
                    *i != last
                        && q.section == Section::Case
                        && q.next
                            .iter()
                            .any(|(_, to)| *to == crate::content::Target::End)
                })
                .map(|(_, q)| q.source.id.clone())
                .collect();
            for id in ending {
                self.at_item(
                    INTERVIEW,
                    &id,
                    format!("\"{id}\" can end the entry before \"{ANSWERS_FROM}\": every route of an entry ends by asking where its answers came from"),
                );
            }
        }
        let mut read = Vec::new();
        for r in &self.content.remedies {
            r.applies.facts(&mut read);
            r.outcomes.iter().for_each(|c| c.facts(&mut read));
        }
        read.sort();
        read.dedup();
        for fact in read {
            let question = self.content.fact_question(fact);
            if self.content.fact(fact).section == Section::Case
                && question.confirm_with.trim().is_empty()
            {
                let id = question.id.clone();
                self.at_item(
                    INTERVIEW,
                    &id,
                    format!("\"{id}\" is read by the rules: give `confirm_with`, the paper that would confirm an answer given from memory"),
                );
            }
        }
    }

    /// The table of code sections: no section on two lists that exclude each other, no
    /// answer given two ways, and a section for every offense type, so that a section
    /// can lead anywhere the offense question can.
    fn section_table(&mut self) {
        let mut ignored = Vec::new();
        let Some(table) =
            parse_in::<model::Sections>(self.sources, SECTIONS, Lang::En, &mut ignored).value
        else {
            return;
        };
        let compiled = &self.content.sections;
        for (section, def) in table.sections.iter().zip(&compiled.sections) {
            for group in &table.exclusive {
                let on: Vec<&str> = group
                    .iter()
                    .filter(|l| section.lists.iter().any(|n| n.value == l.value))
                    .map(|l| l.value.as_str())
                    .collect();
                if on.len() > 1 {
                    self.at_mark(
                        SECTIONS,
                        Some(section.code.mark),
                        format!(
                            "\"{}\" is on \"{}\", which exclude each other",
                            section.code,
                            on.join("\" and \"")
                        ),
                    );
                }
            }
            for (i, (fact, slot)) in def.settles.iter().enumerate() {
                if def.settles[..i].iter().any(|(f, s)| f == fact && s != slot) {
                    self.at_mark(
                        SECTIONS,
                        Some(section.code.mark),
                        format!(
                            "\"{}\" answers \"{}\" two ways: its lists disagree",
                            section.code,
                            self.content.fact(*fact).name
                        ),
                    );
                }
            }
        }
        let Some(category) = &table.category else {
            return;
        };
        let Some(fact) = self.content.fact_id(&category.value) else {
            return;
        };
        let values = match &self.content.fact(fact).kind {
            model::AnswerKind::Choice(choices) => choices.len() as u16,
            _ => 0,
        };
        for value in 0..values {
            let slot = crate::model::Slot::Known(crate::model::Value::Choice(value));
            let reached = compiled
                .sections
                .iter()
                .any(|s| s.settles.contains(&(fact, slot.clone())));
            if !reached {
                let name = self
                    .content
                    .fact(fact)
                    .choice_value(value)
                    .unwrap_or_default();
                self.at_mark(
                    SECTIONS,
                    Some(category.mark),
                    format!("no section has the offense type \"{name}\""),
                );
            }
        }
    }

    /// Every named condition must be used by some rule.
    fn unused_conditions(&mut self) {
        for (name, at) in &self.content.unused_conditions {
            self.problems.push(problem_at_mark(
                self.sources,
                CONDITIONS,
                Some(*at),
                format!("condition \"{name}\" is named but no rule uses it"),
            ));
        }
    }

    fn reachability(&mut self) {
        let explorer = Explorer::new(self.content, None);
        let routing = explorer.routing.clone();
        // Whether any remedy shows depends on the routes and on what `applies` reads.
        let mut listing = routing.clone();
        let mut read = Vec::new();
        for r in &self.content.remedies {
            r.applies.facts(&mut read);
        }
        for f in read {
            listing[f.0 as usize] = true;
        }

        // Routes that end with no remedy to show.
        let mut empty_route: Option<Vec<usize>> = None;
        let mut empty_count = 0usize;
        // Once some remedy will surely be listed, nothing below can end empty: it
        // applies already, or it is open only because of "not sure" answers already
        // given, which later answers cannot settle.
        let listed = |scope: &Scope| {
            self.content
                .remedies
                .iter()
                .any(|r| match r.applies.eval(scope) {
                    Truth::True | Truth::Later(_) => true,
                    Truth::Unknown(facts) => facts.iter().all(|f| {
                        scope.person.get(f).is_answered()
                            || scope.case.is_some_and(|c| c.get(f).is_answered())
                    }),
                    Truth::False => false,
                })
        };
        let complete = explorer.explore(&listing, &listed, &mut |person, route, as_of| {
            let s = screen(self.content, person, as_of);
            if s.entries[0].remedies.is_empty() {
                empty_count += 1;
                empty_route.get_or_insert_with(|| route.to_vec());
            }
        });
        if let Some(route) = empty_route {
            let names = self.route_names(&route);
            let last = self.qid(*route.last().unwrap_or(&0)).to_string();
            self.at_item(
                INTERVIEW,
                &last,
                format!("{empty_count} way(s) through the interview reach results with no remedy to show, for example: {names}"),
            );
        }
        if !complete {
            self.note_budget("routes to results");
        }

        for (index, def) in self.content.remedies.iter().enumerate() {
            // Answers and dates need only be told apart as far as the routes and this
            // remedy's own conditions can tell them apart.
            let explorer = Explorer::new(self.content, Some(index));
            let mut relevant = routing.clone();
            let mut read = Vec::new();
            def.applies.facts(&mut read);
            def.outcomes.iter().for_each(|c| c.facts(&mut read));
            for f in read {
                relevant[f.0 as usize] = true;
            }
            // Settled early: `applies` is no, or it is yes and an outcome already
            // decides. Definite values never change as more answers come in, so the
            // whole subtree ends the same way and need not be walked.
            let settled = std::cell::RefCell::new((false, vec![false; def.outcomes.len()]));
            // For each outcome, an earlier one that decided where it may have too (where
            // answers not yet given could still make it hold).
            let hidden = std::cell::RefCell::new(vec![None; def.outcomes.len()]);
            let would_decide = |j: usize, scope: &Scope| match def.outcomes[j].eval(scope) {
                Truth::True | Truth::Unknown(_) => true,
                Truth::Later(_) => def.source.outcomes[j].status.dated(),
                Truth::False => false,
            };
            let hides = |i: usize, scope: &Scope| {
                let mut hidden = hidden.borrow_mut();
                for j in i + 1..def.outcomes.len() {
                    if hidden[j].is_none() && would_decide(j, scope) {
                        hidden[j] = Some(i);
                    }
                }
            };
            let prune = |scope: &Scope| {
                match def.applies.eval(scope) {
                    Truth::False => return true,
                    Truth::Unknown(_) => return false,
                    Truth::True | Truth::Later(_) => {}
                }
                for (i, c) in def.outcomes.iter().enumerate() {
                    match c.eval(scope) {
                        Truth::False => {}
                        Truth::Later(_) if !def.source.outcomes[i].status.dated() => {}
                        Truth::Unknown(_) => return false,
                        Truth::True | Truth::Later(_) => {
                            let mut s = settled.borrow_mut();
                            s.0 = true;
                            s.1[i] = true;
                            hides(i, scope);
                            return true;
                        }
                    }
                }
                false
            };
            let mut applies = false;
            let mut decided = vec![false; def.outcomes.len()];
            let mut fell_through: Option<Vec<usize>> = None;
            let mut unasked: Option<(FactId, Vec<usize>)> = None;
            let mut needless: Option<(usize, FactId, Verdict, Vec<usize>)> = None;
            let complete = explorer.explore(&relevant, &prune, &mut |person, route, as_of| {
                let person = &implied(self.content, person, as_of);
                let scope = entry_scope(self.content, person, &person.cases[0], as_of);
                // Needing a fact the route never asked is a gap in the interview, unless
                // an unsure answer is why the question was skipped.
                let mut open = |facts: FactSet| {
                    let asked = |f: &FactId| {
                        person.person.get(*f).is_answered() || person.cases[0].get(*f).is_answered()
                    };
                    if let Some(f) = facts.iter().next()
                        && facts.iter().all(|f| !asked(&f))
                    {
                        unasked.get_or_insert_with(|| (f, route.to_vec()));
                    }
                };
                // Only a definite yes counts as reaching the remedy: an unknown can
                // come from a contradiction that no answers would make true.
                match def.applies.eval(&scope) {
                    Truth::False => return,
                    Truth::Unknown(facts) => {
                        open(facts);
                        return;
                    }
                    _ => applies = true,
                }
                for (i, c) in def.outcomes.iter().enumerate() {
                    match c.eval(&scope) {
                        Truth::True => {
                            decided[i] = true;
                            hides(i, &scope);
                            return;
                        }
                        Truth::Later(_) if def.source.outcomes[i].status.dated() => {
                            decided[i] = true;
                            hides(i, &scope);
                            return;
                        }
                        Truth::Unknown(facts) => {
                            open(facts);
                            let shown = judge(self.content, index, &scope).map(|r| r.verdict);
                            if needless.is_none()
                                && shown == Some(Verdict::NeedsInfo)
                                && let Some((fact, verdict)) =
                                    explorer.decided_anyway(index, facts, person, as_of)
                            {
                                needless = Some((i, fact, verdict, route.to_vec()));
                            }
                            return;
                        }
                        _ => {}
                    }
                }
                fell_through.get_or_insert_with(|| route.to_vec());
            });
            let (settled_applies, settled_decided) = settled.into_inner();
            applies |= settled_applies;
            for (d, s) in decided.iter_mut().zip(settled_decided) {
                *d |= s;
            }
            let id = &def.source.id;
            if !complete {
                self.note_budget(&format!("remedy \"{id}\""));
                continue;
            }
            if !applies {
                self.at_item(
                    REMEDIES,
                    id,
                    format!("no answers reach remedy \"{id}\": its `applies` can never hold"),
                );
                continue;
            }
            let hidden = hidden.into_inner();
            for (i, hit) in decided.iter().enumerate() {
                if *hit {
                    continue;
                }
                let message = match hidden[i] {
                    Some(earlier) => format!(
                        "outcome {} of remedy \"{id}\" is hidden by outcome {}: wherever it holds, outcome {} holds too and, coming first, decides",
                        i + 1,
                        earlier + 1,
                        earlier + 1
                    ),
                    None => format!(
                        "outcome {} of remedy \"{id}\" can never decide: no answers reach it",
                        i + 1
                    ),
                };
                let at = self.outcome_mark(index, i);
                self.problems
                    .push(problem_at_mark(self.sources, REMEDIES, at, message));
            }
            if let Some(route) = fell_through {
                let names = self.route_names(&route);
                self.at_item(
                    REMEDIES,
                    id,
                    format!("remedy \"{id}\": some answers match none of its outcomes, for example: {names}"),
                );
            }
            if let Some((i, fact, verdict, route)) = needless {
                let names = self.route_names(&route);
                let fact = &self.content.fact(fact).name;
                let at = self.outcome_mark(index, i);
                self.problems.push(problem_at_mark(
                    self.sources,
                    REMEDIES,
                    at,
                    format!(
                        "outcome {} of remedy \"{id}\" needs \"{fact}\", yet the entry's answers give \"{}\" whatever it is, for example: {names}; if an entry's answer settles \"{fact}\", name it in that question's implied_by; else test that answer first",
                        i + 1,
                        verdict.word().to_lowercase()
                    ),
                ));
            }
            if let Some((fact, route)) = unasked {
                let names = self.route_names(&route);
                let fact = &self.content.fact(fact).name;
                self.at_item(
                    REMEDIES,
                    id,
                    format!("remedy \"{id}\" reads \"{fact}\", which the interview does not ask on this route: {names}"),
                );
            }
        }
    }

    fn route_names(&self, route: &[usize]) -> String {
        route
            .iter()
            .map(|q| self.qid(*q))
            .collect::<Vec<_>>()
            .join(" → ")
    }

    fn note_budget(&mut self, what: &str) {
        self.problems.push(Problem::file(
            "questions/".into(),
            format!("too many routes to analyse {what} (over {ROUTE_BUDGET}); simplify the interview's branching"),
        ));
    }

    /// Where outcome `i` of remedy `index` is written: its condition.
    fn outcome_mark(&self, index: usize, i: usize) -> Option<Mark> {
        let outcomes = &self.content.remedies[index].source.outcomes;
        outcomes.get(i).map(|o| o.when.mark)
    }
}
