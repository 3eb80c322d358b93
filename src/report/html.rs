//! One self-contained HTML page, ready to print on US Letter: no scripts, no external
//! files, every piece of text escaped. Statuses are words with a symbol, so the page
//! reads the same printed in black and white.

use super::{
    answer_text, deciding_questions, entry_label, grant_phrase, status_phrase, topic_title,
};
use crate::content::Content;
use crate::content::model::Topic;
use crate::engine::facts::{Answers, Person, Slot};
use crate::engine::screen::Screening;
use crate::strings::{Strings, fill};

use super::escape::html as esc;

const STYLE: &str = "\
@page { size: letter; margin: 0.75in; }
body { font-family: Georgia, 'Times New Roman', serif; font-size: 11pt; line-height: 1.4; color: #000; background: #fff; max-width: 7in; margin: 0 auto; padding: 0.5in 0; }
h1 { font-size: 18pt; margin: 0 0 0.2em; }
h2 { font-size: 14pt; margin: 1.2em 0 0.4em; border-bottom: 1px solid #000; break-after: avoid; }
h3 { font-size: 12pt; margin: 0.8em 0 0.3em; break-after: avoid; }
.notice { border: 1px solid #000; padding: 0.5em 0.75em; }
.remedy { margin: 0 0 0.8em; break-inside: avoid; }
.status { font-weight: bold; }
.remedy p, .remedy ul { margin: 0.2em 0 0.2em 1.5em; }
.answers td, .answers th { text-align: left; vertical-align: top; padding: 0.15em 0.5em 0.15em 0; }
.unsure { font-style: italic; }
footer { margin-top: 2em; font-size: 9pt; border-top: 1px solid #000; padding-top: 0.5em; }
@media print { body { padding: 0; max-width: none; } }
";

pub fn render(content: &Content, person: &Person, s: &Screening) -> String {
    let words = Strings::get(content.lang);
    let mut out = String::with_capacity(16 * 1024);
    // The page's language, so that a screen reader reads it with the right voice.
    out.push_str(&format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n",
        content.lang.code()
    ));
    let title = esc(&fill(&words.markdown_title, &[("date", &s.as_of)]));
    out.push_str(&format!(
        "<title>{title}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n"
    ));
    out.push_str(&format!("<h1>{title}</h1>\n"));
    out.push_str(&format!(
        "<p class=\"notice\">{}</p>\n",
        esc(&content.meta.notice)
    ));

    if s.entries.is_empty() {
        out.push_str(&format!("<p>{}</p>\n", esc(&words.report_no_entries)));
    }
    for (e, entry) in s.entries.iter().enumerate() {
        out.push_str(&format!(
            "<h2>{}</h2>\n",
            esc(&entry_label(content, person, e))
        ));
        for r in &entry.remedies {
            let def = &content.remedies[r.remedy].source;
            out.push_str("<div class=\"remedy\">\n");
            out.push_str(&format!(
                "<h3><span class=\"status\">{} {}</span> · {} ({})</h3>\n",
                esc(r.verdict.symbol()),
                esc(&status_phrase(r, words)),
                esc(&def.name),
                esc(&def.statute)
            ));
            if let Some(reason) = r.reason(content) {
                out.push_str(&format!("<p>{}</p>\n", esc(reason)));
            }
            if !r.deciding.is_empty() {
                out.push_str(&format!("<p>{}</p>\n<ul>\n", esc(&words.needs_info_lead)));
                for q in deciding_questions(content, r) {
                    out.push_str(&format!("<li>{}</li>\n", esc(q)));
                }
                out.push_str("</ul>\n");
            }
            if r.unverified(content) {
                out.push_str(&format!("<p>{}</p>\n", esc(&words.unverified_note)));
            }
            if r.is_open() {
                if let Some(g) = r.grant(content) {
                    out.push_str(&format!("<p>{}</p>\n", esc(grant_phrase(g, words))));
                }
                if !def.forms.is_empty() {
                    let forms = format!("{}: {}", words.tui_forms, def.forms.join(", "));
                    out.push_str(&format!("<p>{}</p>\n", esc(&forms)));
                }
                let file_with = fill(&words.file_with, &[("where", &def.file_with)]);
                out.push_str(&format!("<p>{}</p>\n", esc(&file_with)));
            }
            out.push_str("</div>\n");
        }
    }

    out.push_str(&format!("<h2>{}</h2>\n<ol>\n", esc(&words.markdown_plan)));
    for item in &s.plan {
        let step = &content.steps[item.step];
        out.push_str(&format!(
            "<li><strong>{}</strong>: {}",
            esc(&step.title),
            esc(&step.why)
        ));
        if !item.items.is_empty() {
            out.push_str("\n<ul>\n");
            for &(e, r) in &item.items {
                let status = s.entries[e]
                    .remedies
                    .iter()
                    .find(|x| x.remedy == r)
                    .map(|r| status_phrase(r, words))
                    .unwrap_or_default();
                out.push_str(&format!(
                    "<li>{}: {} ({})</li>\n",
                    esc(&fill(&words.entry, &[("n", &(e + 1))])),
                    esc(&content.remedies[r].source.name),
                    esc(&status.to_lowercase())
                ));
            }
            out.push_str("</ul>\n");
        }
        out.push_str("</li>\n");
    }
    out.push_str("</ol>\n");

    if !s.caveats.is_empty() {
        out.push_str(&format!("<h2>{}</h2>\n", esc(&words.markdown_caveats)));
        for topic in Topic::ALL {
            let items: Vec<_> = s.caveats.iter().filter(|c| c.topic == topic).collect();
            if items.is_empty() {
                continue;
            }
            out.push_str(&format!(
                "<h3>{}</h3>\n<ul>\n",
                esc(topic_title(topic, words))
            ));
            for c in items {
                let def = &content.caveats[c.caveat].source;
                let entries: Vec<String> = c.entries.iter().map(|e| (e + 1).to_string()).collect();
                let which = fill(&words.caveat_entries, &[("list", &entries.join(", "))]);
                out.push_str(&format!(
                    "<li>{} ({}; {})</li>\n",
                    esc(&def.text),
                    esc(&def.statute),
                    esc(&which)
                ));
            }
            out.push_str("</ul>\n");
        }
    }

    out.push_str(&format!("<h2>{}</h2>\n", esc(&words.markdown_lawyer)));
    if s.referrals.is_empty() {
        out.push_str(&format!("<p>{}</p>\n", esc(&words.no_referral)));
    } else {
        out.push_str("<ul>\n");
        for &r in &s.referrals {
            out.push_str(&format!(
                "<li>{}</li>\n",
                esc(&content.referrals[r].source.reason)
            ));
        }
        out.push_str("</ul>\n");
    }
    out.push_str(&format!("<p>{}</p>\n", esc(&content.free_help)));

    out.push_str(&format!(
        "<h2>{}</h2>\n",
        esc(&words.report_answers_heading)
    ));
    answers_table(&mut out, content, &words.place_person, &person.person);
    for (e, case) in person.cases.iter().enumerate() {
        answers_table(&mut out, content, &entry_label(content, person, e), case);
    }

    let footer = fill(
        &words.footer,
        &[
            ("version", &content.meta.rules_version),
            ("date", &content.meta.law_checked),
        ],
    );
    out.push_str(&format!("<footer>{}</footer>\n", esc(&footer)));
    out.push_str("</body>\n</html>\n");
    out
}

fn answers_table(out: &mut String, content: &Content, title: &str, answers: &Answers) {
    out.push_str(&format!(
        "<h3>{}</h3>\n<table class=\"answers\">\n",
        esc(title)
    ));
    for (fact, slot) in answers.answered() {
        let class = if matches!(slot, Slot::NotSure) {
            " class=\"unsure\""
        } else {
            ""
        };
        out.push_str(&format!(
            "<tr><th scope=\"row\">{}</th><td{class}>{}</td></tr>\n",
            esc(&content.fact_question(fact).text),
            esc(&answer_text(content, fact, slot))
        ));
    }
    out.push_str("</table>\n");
}
