//! One results document, every format: whatever the document holds (each remedy's
//! name, status, citation and reason, the questions that would decide it, every caveat,
//! referral and answer not sure of) is in the results screen, plain text, Markdown,
//! HTML and JSON alike, for the person, a clinic's client and an attorney.

mod common;

use clearpath::casefile::{Syntax, parse};
use clearpath::content::Content;
use clearpath::engine::Interview;
use clearpath::report::escape;
use clearpath::report::{self, Audience, Document, Format};
use clearpath::tui::Theme;
use clearpath::tui::app::App;
use common::{CONTENT, CONTENT_ES, EXAMPLES, as_of};

/// A case file from `examples/`, with what it holds.
fn example(name: &str) -> String {
    std::fs::read_to_string(format!("{}/examples/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

/// Every piece of text a reader must find, whatever the format.
fn held(doc: &Document) -> Vec<String> {
    let mut said: Vec<String> = Vec::new();
    for entry in &doc.entries {
        said.push(entry.label.clone());
        for r in &entry.remedies {
            said.extend([r.name, &r.status_text, r.statute].map(str::to_string));
            said.extend(r.reason.map(str::to_string));
            said.extend(r.deciding.iter().map(|d| d.question.to_string()));
            if r.is_open() {
                said.push(r.file_with.to_string());
            }
        }
    }
    for c in &doc.caveats {
        said.extend([c.text, c.statute].map(str::to_string));
    }
    said.extend(doc.referrals.iter().map(|r| r.reason.to_string()));
    said.extend(doc.unsure.iter().map(|u| u.question.to_string()));
    for entry in &doc.entries {
        for c in &entry.to_confirm {
            said.extend([c.question, c.confirm_with].map(str::to_string));
        }
    }
    said.extend(doc.plan.iter().map(|s| s.title.to_string()));
    if let Some(sheet) = &doc.worksheet {
        for court in &sheet.courts {
            said.push(court.name.clone());
            said.extend(court.bring.iter().map(|t| t.to_string()));
            for p in &court.petitions {
                said.push(p.serve.to_string());
                said.extend(p.forms.iter().map(|f| f.to_string()));
                said.extend(p.ask_for.iter().map(|f| f.name.to_string()));
            }
        }
        if !sheet.courts.is_empty() {
            said.extend([sheet.fee, sheet.copies, sheet.find_court].map(str::to_string));
        }
        said.extend(sheet.elsewhere.iter().map(|f| f.file_with.to_string()));
    }
    said
}

/// Text with every run of white space as one space: a wrapped line reads as one.
fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn json_strings(value: &serde_json::Value, out: &mut Vec<String>) {
    match value {
        serde_json::Value::String(s) => out.push(s.clone()),
        serde_json::Value::Array(items) => items.iter().for_each(|v| json_strings(v, out)),
        serde_json::Value::Object(map) => map.values().for_each(|v| json_strings(v, out)),
        _ => {}
    }
}

/// Checks that each format of `doc` holds what the document holds; `screen` is the
/// results screen's text, when there is one.
fn every_format_holds(what: &str, doc: &Document, screen: Option<&str>) {
    let said = held(doc);
    assert!(said.len() > 10, "{what}: too little to compare");
    let text = flat(&report::render(doc, Format::Text)).to_lowercase();
    let markdown = flat(&report::render(doc, Format::Markdown));
    let html = report::render(doc, Format::Html);
    let json: serde_json::Value = serde_json::from_str(&report::render(doc, Format::Json)).unwrap();
    let mut strings = Vec::new();
    json_strings(&json, &mut strings);
    let screen = screen.map(flat);
    for piece in &said {
        // Plain text writes headings in capitals.
        assert!(
            text.contains(&flat(piece).to_lowercase()),
            "{what}: text lacks {piece:?}"
        );
        assert!(
            markdown.contains(&escape::markdown(&flat(piece))),
            "{what}: Markdown lacks {piece:?}"
        );
        assert!(
            html.contains(&escape::html(piece)),
            "{what}: HTML lacks {piece:?}"
        );
        assert!(
            strings.iter().any(|s| s == piece),
            "{what}: JSON lacks {piece:?}"
        );
        if let Some(screen) = &screen {
            assert!(
                screen.contains(&flat(piece)),
                "{what}: the results screen lacks {piece:?}"
            );
        }
    }
}

/// The results screen's whole page, as text.
fn screen_text(content: &'static Content, interview: Interview<'static>) -> String {
    let mut app = App::new(content, as_of(), Theme::plain());
    app.resume(interview);
    clearpath::tui::view::results::lines(&app, 100)
        .iter()
        .map(|l| l.to_string())
        .collect::<Vec<_>>()
        .join("\n")
}

fn person_document(content: &'static Content, file: &str) -> (Document<'static>, String) {
    let text = example(file);
    let case = parse(content, &text, Syntax::detect(file, &text)).unwrap();
    let interview = Interview::resume(content, as_of(), case.person);
    let doc = Document::new(
        content,
        interview.person(),
        &interview.results(),
        Audience::Person,
    );
    (doc, screen_text(content, interview))
}

#[test]
fn three_entries_with_answers_not_sure_of_read_the_same_everywhere() {
    let (doc, screen) = person_document(&CONTENT, "three-entries.json");
    assert_eq!(doc.entries.len(), 3);
    assert!(
        !doc.unsure.is_empty(),
        "the example has answers not sure of"
    );
    every_format_holds("three entries", &doc, Some(&screen));
}

#[test]
fn a_spanish_document_reads_the_same_everywhere() {
    let (doc, screen) = person_document(&CONTENT_ES, "three-entries.json");
    assert_eq!(doc.language, clearpath::content::Lang::Es);
    every_format_holds("Spanish", &doc, Some(&screen));
}

#[test]
fn a_conclusion_resting_on_answers_from_memory_says_so_and_names_the_papers() {
    let (doc, screen) = person_document(&CONTENT, "three-entries.json");
    let [memory, sheet, papers] = &doc.entries[..] else {
        panic!("three entries");
    };
    let dismissal = memory
        .remedies
        .iter()
        .find(|r| r.id == "pc_1203_4")
        .expect("entry 1 is screened for a dismissal");
    // Entry 1 is from memory but for its county and sentencing date, from papers.
    for fact in ["outcome", "level", "sentence", "probation_status"] {
        assert!(dismissal.from_memory.contains(&fact), "{fact}");
    }
    for fact in ["county", "judgment_date", "answers_from"] {
        assert!(!dismissal.from_memory.contains(&fact), "{fact}");
    }
    // Each answer a conclusion rests on is listed once, with its paper.
    let listed: Vec<&str> = memory.to_confirm.iter().map(|c| c.fact).collect();
    let mut rested: Vec<&str> = memory
        .remedies
        .iter()
        .flat_map(|r| r.from_memory.iter().copied())
        .collect();
    rested.sort();
    rested.dedup();
    let mut sorted = listed.clone();
    sorted.sort();
    assert_eq!(sorted, rested);
    let probation = memory
        .to_confirm
        .iter()
        .find(|c| c.fact == "probation_status")
        .unwrap();
    assert!(probation.confirm_with.contains("letter from probation"));
    // Papers need no confirming.
    for entry in [sheet, papers] {
        assert!(entry.to_confirm.is_empty(), "{}", entry.label);
        assert!(entry.remedies.iter().all(|r| r.from_memory.is_empty()));
    }
    let source = |entry: &clearpath::report::document::Entry, fact: &str| {
        entry
            .answers
            .iter()
            .find(|a| a.fact == fact)
            .and_then(|a| a.source.as_ref().map(ToString::to_string))
    };
    assert_eq!(source(memory, "county").as_deref(), Some("court papers"));
    assert_eq!(source(memory, "outcome").as_deref(), Some("memory"));
    assert_eq!(source(memory, "answers_from"), None);
    assert_eq!(source(sheet, "outcome").as_deref(), Some("rap sheet"));
    assert_eq!(source(papers, "outcome").as_deref(), Some("court papers"));
    // Every format says it: the screen, text, and the JSON with each answer's source.
    assert!(
        flat(&screen)
            .contains("This rests on answers given from memory, or from a source not sure")
    );
    assert!(flat(&screen).contains("To confirm: answers from memory, or from a source not sure"));
    let json: serde_json::Value =
        serde_json::from_str(&report::render(&doc, Format::Json)).unwrap();
    let county = (json["entries"][0]["answers"].as_array().unwrap().iter())
        .find(|a| a["fact"] == "county")
        .unwrap();
    assert_eq!(county["source"], "court papers");
    assert_eq!(
        json["entries"][0]["to_confirm"][0]["fact"],
        serde_json::json!(listed[0])
    );
}

#[test]
fn the_attorney_reads_every_answer_with_its_source() {
    let text = example("three-entries.json");
    let case = parse(&CONTENT, &text, Syntax::Json).unwrap();
    let interview = Interview::resume(&CONTENT, as_of(), case.person);
    let doc = Document::new(
        &CONTENT,
        interview.person(),
        &interview.results(),
        Audience::Attorney,
    );
    let out = flat(&report::render(&doc, Format::Text));
    assert!(out.contains("Fresno (court papers)"), "{out}");
    assert!(out.contains("(from memory)"), "{out}");
    assert!(out.contains("San Diego (court papers)"), "{out}");
}

#[test]
fn every_example_reads_the_same_everywhere() {
    for file in [
        "arrest.ron",
        "prison-felony.json",
        "probation-misdemeanor.ron",
        "prop47-theft.ron",
    ] {
        let (doc, screen) = person_document(&CONTENT, file);
        every_format_holds(file, &doc, Some(&screen));
    }
}

#[test]
fn the_client_and_the_attorney_read_the_same_in_every_format() {
    let text = example("three-entries.json");
    let case = parse(&CONTENT, &text, Syntax::Json).unwrap();
    let interview = Interview::resume(&CONTENT, as_of(), case.person);
    for audience in [Audience::Client, Audience::Attorney] {
        let doc = Document::new(&CONTENT, interview.person(), &interview.results(), audience);
        every_format_holds(&format!("{audience:?}"), &doc, None);
    }
}

#[test]
fn the_json_names_its_schema_and_version() {
    let (doc, _) = person_document(&CONTENT, "arrest.ron");
    let json: serde_json::Value =
        serde_json::from_str(&report::render(&doc, Format::Json)).unwrap();
    assert_eq!(json["schema"], "clearpath-results");
    assert_eq!(json["version"], report::document::SCHEMA_VERSION);
    assert_eq!(json["audience"], "person");
    assert_eq!(json["language"], "en");
}

/// Each court's county, and its petitions as the (entry, remedy) pairs they ask for.
type Courts = Vec<(Option<String>, Vec<Vec<(usize, String)>>)>;

/// The worksheet of a case file's answers, for `audience`.
fn worksheet_of(text: &str, audience: Audience) -> Courts {
    let case = parse(&CONTENT, text, Syntax::detect("case.json", text)).unwrap();
    let interview = Interview::resume(&CONTENT, as_of(), case.person);
    let doc = Document::new(&CONTENT, interview.person(), &interview.results(), audience);
    let sheet = doc.worksheet.expect("the content has filing facts");
    sheet
        .courts
        .iter()
        .map(|c| {
            let petitions = c.petitions.iter().map(|p| {
                p.ask_for
                    .iter()
                    .map(|f| (f.entry, f.remedy.to_string()))
                    .collect()
            });
            (c.county.clone(), petitions.collect())
        })
        .collect()
}

#[test]
fn the_worksheet_has_a_court_for_each_county_with_its_petitions_in_the_plans_order() {
    let sheet = worksheet_of(&example("three-entries.json"), Audience::Person);
    let pairs = |list: &[(usize, &str)]| -> Vec<(usize, String)> {
        list.iter().map(|(e, r)| (*e, r.to_string())).collect()
    };
    assert_eq!(
        sheet,
        vec![
            (
                Some("Fresno".to_string()),
                vec![
                    pairs(&[(1, "pc_1473_7")]),
                    pairs(&[(1, "pc_1203_4")]),
                    pairs(&[(2, "pc_851_91")]),
                ]
            ),
            (
                Some("San Diego".to_string()),
                vec![
                    pairs(&[(3, "pc_1473_7")]),
                    // A reduction and a dismissal on one CR-180, the reduction first.
                    pairs(&[(3, "pc_17d2"), (3, "pc_1203_4a")]),
                ]
            ),
        ],
        "automatic relief (1203.425, 851.93) is never on it"
    );
}

#[test]
fn one_petition_asks_for_every_count_of_a_case_and_a_county_not_known_is_said() {
    let text = r#"{"person": {"in_custody": false, "supervised": false, "pending_charges": false,
            "registrant": false, "citizen": "yes", "trafficking_survivor": false,
            "license_at_stake": false},
        "cases": [{
            "county": "not_sure", "outcome": "convicted", "level": "felony",
            "code_section": "not_sure", "wobbler": true, "offense": "theft", "value": 400, "prior_super_strike": false,
            "judgment_date": "2013-04-02", "sentence": "probation",
            "probation_status": "completed", "sentence_end": "2016-04-02",
            "counts": [{ "level": "felony", "code_section": "not_sure", "wobbler": true,
                "offense": "other" }]
        }]}"#;
    let case = parse(&CONTENT, text, Syntax::Json).unwrap();
    let interview = Interview::resume(&CONTENT, as_of(), case.person);
    let doc = Document::new(
        &CONTENT,
        interview.person(),
        &interview.results(),
        Audience::Client,
    );
    let sheet = doc.worksheet.as_ref().unwrap();
    assert_eq!(
        sheet.courts.len(),
        1,
        "{}",
        report::render(&doc, Format::Text)
    );
    let court = &sheet.courts[0];
    assert_eq!(court.county, None);
    assert!(court.name.contains("not known yet"), "{}", court.name);
    let cr180: Vec<_> = court
        .petitions
        .iter()
        .filter(|p| p.forms.contains(&"CR-180"))
        .collect();
    assert_eq!(
        cr180.len(),
        1,
        "one CR-180 for the case: {:#?}",
        court.petitions
    );
    let asked: Vec<usize> = cr180[0].ask_for.iter().map(|f| f.entry).collect();
    assert!(
        asked.contains(&1) && asked.contains(&2),
        "both counts: {asked:?}"
    );
    let page = report::render(&doc, Format::Text);
    let worksheet = page.find("FILING WORKSHEET").expect("the worksheet");
    let first_entry = page.find("ENTRY 1").expect("the entries");
    assert!(
        worksheet < first_entry,
        "the client's main page is the worksheet:\n{page}"
    );
}

#[test]
fn what_to_bring_to_a_court_adds_a_statement_only_when_a_judge_decides() {
    use clearpath::content::model::Grant;
    let statement = &CONTENT.filing.as_ref().unwrap().source.bring_discretionary;
    let mut seen = (false, false);
    for file in EXAMPLES {
        let doc = person_document(&CONTENT, file).0;
        for court in &doc.worksheet.as_ref().unwrap().courts {
            let judged = court.petitions.iter().flat_map(|p| &p.ask_for).any(|f| {
                let remedies = &doc.entries[f.entry - 1].remedies;
                let r = remedies.iter().find(|r| r.id == f.remedy).unwrap();
                r.grant == Some(Grant::Discretionary)
            });
            let asked = court.bring.contains(&statement.as_str());
            assert_eq!(asked, judged, "{file}: {}", court.name);
            if judged { seen.0 = true } else { seen.1 = true }
        }
    }
    assert_eq!(seen, (true, true), "the examples have courts of both kinds");
}

#[test]
fn the_client_prints_the_worksheet_as_a_checklist_and_the_attorney_as_a_table() {
    let text = example("three-entries.json");
    let case = parse(&CONTENT, &text, Syntax::Json).unwrap();
    let interview = Interview::resume(&CONTENT, as_of(), case.person);
    let doc =
        |audience| Document::new(&CONTENT, interview.person(), &interview.results(), audience);
    let client = doc(Audience::Client);
    let html = report::render(&client, Format::Html);
    assert_eq!(
        html.matches("<ul class=\"check\">").count(),
        2,
        "a checklist per court"
    );
    assert!(html.contains("<h3>Superior Court of California, County of Fresno</h3>"));
    assert!(
        html.contains("<hr class=\"page\">"),
        "the checklist is a page of its own"
    );
    let markdown = report::render(&client, Format::Markdown);
    assert!(
        markdown.contains("- [ ] **Petition 1, for entry 1"),
        "{markdown}"
    );
    let attorney = report::render(&doc(Audience::Attorney), Format::Html);
    assert_eq!(
        attorney.matches("<table class=\"grid\">").count(),
        2,
        "a table per court"
    );
    assert!(attorney.contains("<th scope=\"col\">Ask for</th>"));
    assert!(!attorney.contains("class=\"check\""));
}

#[test]
fn bulk_csv_read_from_the_screening_is_the_documents_csv() {
    for file in EXAMPLES {
        let text = example(file);
        let case = parse(&CONTENT, &text, Syntax::detect(file, &text)).unwrap();
        let screening = clearpath::engine::screen(&CONTENT, &case.person, as_of());
        let doc = Document::new(&CONTENT, &case.person, &screening, Audience::Person)
            .from_source(file, Some("A-17"));
        let entries = clearpath::engine::screen::screen_entries(&CONTENT, &case.person, as_of());
        let light = report::csv::rows_of(&CONTENT, &case.person, &entries, (file, "A-17"));
        assert_eq!(light, report::csv::rows(&doc), "{file}");
        assert!(light.lines().count() > 1, "{file}: {light}");
    }
}

#[test]
fn an_answer_the_code_section_gives_comes_from_where_the_section_came_from() {
    let text = r#"{"cases": [{"answers_from": "memory", "county": "Fresno",
        "outcome": "convicted", "level": "misdemeanor", "code_section": "VC 23152",
        "sources": {"code_section": "rap sheet line 7"}}]}"#;
    let case = parse(&CONTENT, text, Syntax::Json).unwrap();
    let doc = Document::new(
        &CONTENT,
        &case.person,
        &clearpath::engine::screen(&CONTENT, &case.person, as_of()),
        Audience::Attorney,
    );
    let entry = &doc.entries[0];
    let source = |fact: &str| {
        let answer = entry.answers.iter().find(|a| a.fact == fact);
        answer
            .and_then(|a| a.source.as_ref())
            .map(ToString::to_string)
    };
    assert_eq!(source("offense").as_deref(), Some("rap sheet line 7"));
    assert_eq!(source("level").as_deref(), Some("memory"));
    assert!(entry.to_confirm.iter().all(|c| c.fact != "offense"));
}
