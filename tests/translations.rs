//! The Spanish content: the same questions, facts and rules as the English, with every
//! text a person sees translated.

use chrono::NaiveDate;
use clearpath::casefile::{Syntax, parse};
use clearpath::content::{Content, Lang};
use clearpath::engine::screen;
use clearpath::report;

fn both() -> (Content, Content) {
    let en = Content::built_in_in(Lang::En).expect("the English content loads");
    let es = Content::built_in_in(Lang::Es).expect("the Spanish content loads");
    (en, es)
}

/// Words spelt the same in both languages.
const SAME_IN_BOTH: [&str; 1] = ["No"];

/// A text with words must read differently in Spanish; codes such as "CR-180" stay.
fn translated(what: &str, en: &str, es: &str, missing: &mut Vec<String>) {
    if en.chars().any(char::is_lowercase) && en == es && !SAME_IN_BOTH.contains(&en) {
        missing.push(format!("{what}: {en}"));
    }
}

#[test]
fn spanish_has_the_same_ids_facts_and_values() {
    let (en, es) = both();
    let names = |c: &Content| c.facts.iter().map(|f| f.name.clone()).collect::<Vec<_>>();
    assert_eq!(names(&en), names(&es));
    let questions = |c: &Content| {
        c.questions
            .iter()
            .map(|q| {
                let values = match &q.source.answers {
                    clearpath::content::model::AnswerKind::Choice(pairs) => {
                        pairs.iter().map(|(v, _)| v.clone()).collect()
                    }
                    _ => Vec::new(),
                };
                (q.source.id.clone(), q.source.fact().to_string(), values)
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(questions(&en), questions(&es));
    let remedies = |c: &Content| {
        c.remedies
            .iter()
            .map(|r| {
                (
                    r.source.id.clone(),
                    r.source.statute.clone(),
                    r.outcomes.len(),
                )
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(remedies(&en), remedies(&es));
    let caveats = |c: &Content| {
        c.caveats
            .iter()
            .map(|k| (k.source.id.clone(), k.source.statute.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(caveats(&en), caveats(&es));
    let steps = |c: &Content| c.steps.iter().map(|s| s.id.clone()).collect::<Vec<_>>();
    assert_eq!(steps(&en), steps(&es));
    let referrals = |c: &Content| {
        c.referrals
            .iter()
            .map(|r| r.source.id.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(referrals(&en), referrals(&es));
    assert_eq!(en.faq.len(), es.faq.len());
}

#[test]
fn every_text_a_person_sees_is_translated() {
    let (en, es) = both();
    let mut missing = Vec::new();
    let m = &mut missing;
    translated("notice", &en.meta.notice, &es.meta.notice, m);
    for (q, qs) in en.questions.iter().zip(&es.questions) {
        let (q, qs) = (&q.source, &qs.source);
        translated(&q.id, &q.text, &qs.text, m);
        translated(&q.id, &q.help, &qs.help, m);
        translated(&q.id, &q.confirm_with, &qs.confirm_with, m);
        if let (
            clearpath::content::model::AnswerKind::Choice(a),
            clearpath::content::model::AnswerKind::Choice(b),
        ) = (&q.answers, &qs.answers)
        {
            for ((value, l), (_, ls)) in a.iter().zip(b) {
                translated(&format!("{} {value}", q.id), l, ls, m);
            }
        }
    }
    for (r, rs) in en.remedies.iter().zip(&es.remedies) {
        let (r, rs) = (&r.source, &rs.source);
        translated(&r.id, &r.name, &rs.name, m);
        translated(&r.id, &r.summary, &rs.summary, m);
        translated(&r.id, &r.file_with, &rs.file_with, m);
        for (f, fs) in r.forms.iter().zip(&rs.forms) {
            translated(&r.id, f, fs, m);
        }
        for (o, os) in r.outcomes.iter().zip(&rs.outcomes) {
            translated(&r.id, &o.reason, &os.reason, m);
        }
    }
    for (k, ks) in en.caveats.iter().zip(&es.caveats) {
        translated(&k.source.id, &k.source.text, &ks.source.text, m);
    }
    for (s, ss) in en.steps.iter().zip(&es.steps) {
        translated(&s.id, &s.title, &ss.title, m);
        translated(&s.id, &s.why, &ss.why, m);
    }
    for (r, rs) in en.referrals.iter().zip(&es.referrals) {
        translated(&r.source.id, &r.source.reason, &rs.source.reason, m);
    }
    translated("free_help", &en.free_help, &es.free_help, m);
    for (f, fs) in en.faq.iter().zip(&es.faq) {
        translated("faq", &f.question, &fs.question, m);
        translated("faq", &f.answer, &fs.answer, m);
    }
    assert!(
        missing.is_empty(),
        "texts still in English:\n{}",
        missing.join("\n")
    );
}

#[test]
fn a_screening_reads_in_spanish() {
    let es = Content::built_in_in(Lang::Es).unwrap();
    let file = "three-entries.json";
    let text = std::fs::read_to_string(format!("examples/{file}")).unwrap();
    let case = parse(&es, &text, Syntax::detect(file, &text)).unwrap();
    let as_of = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
    let screening = screen(&es, &case.person, as_of);
    let out = report::person_page(&es, &case.person, &screening, report::Format::Text);
    for words in [
        "SU PLAN",
        "Desestimación después de la libertad condicional",
        "Sellar un arresto",
        "Pida su historial",
        "Penal Code § 1203.4",
        "CR-180",
    ] {
        assert!(out.contains(words), "{words:?} is missing from:\n{out}");
    }
    for english in ["Dismissal after probation", "Get your record", "Free help"] {
        assert!(!out.contains(english), "{english:?} is still in:\n{out}");
    }
}

/// Every Spanish text a person reads, with where it is: the content (the notice,
/// questions, answers, help, remedies, caveats, the plan's steps, referrals, free help,
/// the FAQ) and the interface strings.
fn spanish_texts() -> Vec<(String, String)> {
    let es = Content::built_in_in(Lang::Es).expect("the Spanish content loads");
    let mut out: Vec<(String, String)> = Vec::new();
    let mut add = |what: String, text: &str| out.push((what, text.to_string()));
    add("notice".into(), &es.meta.notice);
    for q in &es.questions {
        let q = &q.source;
        add(format!("question {}", q.id), &q.text);
        add(format!("question {} help", q.id), &q.help);
        add(format!("question {} confirm_with", q.id), &q.confirm_with);
        if let clearpath::content::model::AnswerKind::Choice(pairs) = &q.answers {
            for (value, label) in pairs {
                add(format!("question {} answer {value}", q.id), label);
            }
        }
    }
    for r in &es.remedies {
        let r = &r.source;
        add(format!("remedy {} name", r.id), &r.name);
        add(format!("remedy {} summary", r.id), &r.summary);
        add(format!("remedy {} file_with", r.id), &r.file_with);
        for (i, o) in r.outcomes.iter().enumerate() {
            add(format!("remedy {} outcome {}", r.id, i + 1), &o.reason);
        }
    }
    for k in &es.caveats {
        add(format!("caveat {}", k.source.id), &k.source.text);
    }
    for s in &es.steps {
        add(format!("step {} title", s.id), &s.title);
        add(format!("step {} why", s.id), &s.why);
    }
    for r in &es.referrals {
        add(format!("referral {}", r.source.id), &r.source.reason);
    }
    add("free_help".into(), &es.free_help);
    for (i, f) in es.faq.iter().enumerate() {
        add(format!("faq {} question", i + 1), &f.question);
        add(format!("faq {} answer", i + 1), &f.answer);
    }
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/strings/es.ron");
    let strings: ron::Value =
        ron::from_str(&std::fs::read_to_string(path).unwrap()).expect("es.ron reads");
    let ron::Value::Map(map) = strings else {
        panic!("es.ron is a map of strings")
    };
    for (key, value) in map.iter() {
        if let (ron::Value::String(key), ron::Value::String(text)) = (key, value) {
            add(format!("strings {key}"), text);
        }
    }
    out
}

/// The sentences of a text, each as its words.
///
/// Words are split on whitespace. A sentence ends with a word that ends in `.`, `?`,
/// `!`, `:` or `;` (closing quotes and brackets after it allowed), so a dot inside a
/// citation ("PC 1203.4", "1,200.50") never ends one, and "(PC 1203.4.)" ends the
/// sentence it closes. Abbreviations that end in a dot but not a sentence ("EE. UU.",
/// "art.", "p. ej.", "núm.", "etc.") do not end one; this can only join two sentences,
/// never split one, so the count errs on the long side.
fn sentences(text: &str) -> Vec<Vec<&str>> {
    const ABBREVIATIONS: [&str; 7] = ["ee.", "uu.", "art.", "p.", "ej.", "núm.", "etc."];
    let mut out = Vec::new();
    let mut current = Vec::new();
    for word in text.split_whitespace() {
        current.push(word);
        let bare = word.trim_end_matches(['"', '\'', ')', ']', '»', '”']);
        let ends = bare.ends_with(['.', '?', '!', ':', ';'])
            && !ABBREVIATIONS.contains(&bare.to_lowercase().trim_start_matches(['(', '"']));
        if ends {
            out.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

#[test]
fn sentences_are_counted_as_a_reader_reads_them() {
    let count = |t: &str| sentences(t).iter().map(Vec::len).collect::<Vec<_>>();
    assert_eq!(count("Uno dos. Tres (PC 1203.4.) Cuatro"), vec![2, 3, 1]);
    assert_eq!(
        count("Vive en EE. UU. desde 2010; ¿sí? Bien: ya."),
        vec![6, 1, 1, 1]
    );
    assert_eq!(count("Pague $1,200.50 antes del 1 de mayo."), vec![7]);
}

/// Short sentences: no Spanish sentence a person reads is longer than 35 words.
#[test]
fn no_spanish_sentence_is_longer_than_35_words() {
    const MOST: usize = 35;
    let mut long = Vec::new();
    for (what, text) in spanish_texts() {
        for sentence in sentences(&text) {
            if sentence.len() > MOST {
                long.push(format!(
                    "{what} ({} words): {}",
                    sentence.len(),
                    sentence.join(" ")
                ));
            }
        }
    }
    assert!(
        long.is_empty(),
        "Spanish sentences over {MOST} words; split them:\n{}",
        long.join("\n")
    );
}

/// The DOJ's record of a person's arrests and convictions has one name in Spanish:
/// "su historial de antecedentes penales (RAP sheet)" the first time in a text, as the
/// California courts' Spanish self-help pages call it, and "su RAP sheet" after.
const RAP_SHEET: &str = "historial de antecedentes penales (RAP sheet)";

#[test]
fn spanish_names_the_rap_sheet_one_way() {
    const OTHER_NAMES: [&str; 10] = [
        "hoja de antecedentes",
        "registro de antecedentes",
        "registro del doj",
        "registros del doj",
        "registro del departamento",
        "historial del doj",
        "récord",
        "revise su registro",
        "en su registro",
        "su registro del",
    ];
    let mut wrong = Vec::new();
    for (what, text) in spanish_texts() {
        let lower = text.to_lowercase();
        for other in OTHER_NAMES {
            if lower.contains(other) {
                wrong.push(format!("{what} says \"{other}\": {text}"));
            }
        }
        if let Some(first) = text.find("RAP sheet") {
            let named = text
                .find(RAP_SHEET)
                .map(|at| at + RAP_SHEET.len() - "RAP sheet)".len());
            if named != Some(first) {
                wrong.push(format!(
                    "{what} says \"RAP sheet\" before \"{RAP_SHEET}\": {text}"
                ));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "the RAP sheet named otherwise:\n{}",
        wrong.join("\n")
    );
}

/// Gender in the Spanish: neutral wording wherever it reads naturally ("¿Tiene usted la
/// ciudadanía…?", "No sé", "recibió una condena", "el condado de la condena"); where a
/// word about the person must take a gender, both forms, masculine first ("ciudadano o
/// ciudadana"). So the common words about the person never stand in the masculine
/// alone, and neither does "lo" for the person it speaks to ("lo condenaron").
#[test]
fn spanish_speaks_to_the_person_without_a_gender() {
    const WORDS: [(&str, &str); 9] = [
        ("ciudadano", "ciudadana"),
        ("condenado", "condenada"),
        ("acusado", "acusada"),
        ("arrestado", "arrestada"),
        ("detenido", "detenida"),
        ("sentenciado", "sentenciada"),
        ("procesado", "procesada"),
        ("rehabilitado", "rehabilitada"),
        ("seguro", "segura"),
    ];
    /// A participle in a compound tense does not agree ("se podría haber acusado").
    const AUXILIARIES: [&str; 6] = ["haber", "ha", "han", "había", "habían", "hubiera"];
    const OBJECT_LO: [&str; 8] = [
        "lo condenaron",
        "lo arrestaron",
        "lo acusaron",
        "lo acusan",
        "lo sentenciaron",
        "lo han condenado",
        "lo habían condenado",
        "acusarlo",
    ];
    let mut gendered = Vec::new();
    for (what, text) in spanish_texts() {
        let words: Vec<String> = text
            .split_whitespace()
            .map(|w| {
                w.trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase()
            })
            .collect();
        for (i, word) in words.iter().enumerate() {
            let Some((_, feminine)) = WORDS.iter().find(|(m, _)| m == word) else {
                continue;
            };
            let paired = words.get(i + 1).is_some_and(|w| w == "o")
                && words.get(i + 2).is_some_and(|w| w == feminine);
            let compound = i > 0 && AUXILIARIES.contains(&words[i - 1].as_str());
            if !paired && !compound {
                gendered.push(format!("{what}: \"{word}\" without \"{feminine}\": {text}"));
            }
        }
        let lower = text.to_lowercase();
        for phrase in OBJECT_LO {
            if lower.contains(phrase) {
                gendered.push(format!("{what}: \"{phrase}\": {text}"));
            }
        }
    }
    assert!(
        gendered.is_empty(),
        "Spanish words about the person in one gender:\n{}",
        gendered.join("\n")
    );
}

/// The dismissal after probation is what people call "expungement"; the Spanish says so
/// once, as the courts' Spanish self-help does, and that the conviction is not erased.
#[test]
fn the_dismissal_is_glossed_as_what_people_call_expungement() {
    let (en, es) = both();
    let summary = |c: &Content| {
        c.remedies
            .iter()
            .find(|r| r.source.id == "pc_1203_4")
            .map(|r| r.source.summary.clone())
            .unwrap()
    };
    assert!(summary(&en).contains("expungement"), "{}", summary(&en));
    let es = summary(&es);
    for words in ["\"expungement\"", "\"borrar antecedentes\"", "no se borra"] {
        assert!(es.contains(words), "{words} is missing from: {es}");
    }
}
