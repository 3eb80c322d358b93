//! Markdown results, for pasting into a case note or printing.

use super::{deciding_questions, entry_label, grant_phrase, status_phrase, topic_title};
use crate::content::Content;
use crate::content::model::Topic;
use crate::engine::facts::Person;
use crate::engine::screen::Screening;
use crate::strings::{Strings, fill};

use super::escape::markdown as esc;

pub fn render(content: &Content, person: &Person, s: &Screening) -> String {
    let words = Strings::get(content.lang);
    let mut out = String::with_capacity(8192);
    out.push_str(&format!(
        "# {}\n\n",
        fill(&words.markdown_title, &[("date", &s.as_of)])
    ));
    out.push_str(&format!("> {}\n\n", esc(&content.meta.notice)));

    for (e, entry) in s.entries.iter().enumerate() {
        out.push_str(&format!("## {}\n\n", esc(&entry_label(content, person, e))));
        for r in &entry.remedies {
            let def = &content.remedies[r.remedy].source;
            out.push_str(&format!(
                "- **{} {}**: {} ({})\n",
                r.verdict.symbol(),
                status_phrase(r, words),
                esc(&def.name),
                esc(&def.statute)
            ));
            if let Some(reason) = r.reason(content) {
                out.push_str(&format!("  - {}\n", esc(reason)));
            }
            if !r.deciding.is_empty() {
                let qs: Vec<String> = deciding_questions(content, r)
                    .iter()
                    .map(|q| esc(q))
                    .collect();
                out.push_str(&format!(
                    "  - {} {}\n",
                    words.needs_info_lead,
                    qs.join("; ")
                ));
            }
            if r.unverified(content) {
                out.push_str(&format!("  - {}\n", words.unverified_note));
            }
            if r.is_open() {
                if let Some(g) = r.grant(content) {
                    out.push_str(&format!("  - {}\n", grant_phrase(g, words)));
                }
                if !def.forms.is_empty() {
                    let forms = esc(&def.forms.join(", "));
                    out.push_str(&format!(
                        "  - {}\n",
                        fill(&words.forms, &[("forms", &forms)])
                    ));
                }
                let place = esc(&def.file_with);
                out.push_str(&format!(
                    "  - {}\n",
                    fill(&words.file_with, &[("where", &place)])
                ));
            }
        }
        out.push('\n');
    }

    out.push_str(&format!("## {}\n\n", words.markdown_plan));
    for (n, item) in s.plan.iter().enumerate() {
        let step = &content.steps[item.step];
        out.push_str(&format!(
            "{}. **{}**: {}\n",
            n + 1,
            esc(&step.title),
            esc(&step.why)
        ));
        for &(e, r) in &item.items {
            let entry = fill(&words.entry, &[("n", &(e + 1))]);
            out.push_str(&format!(
                "   - {entry}: {}\n",
                esc(&content.remedies[r].source.name)
            ));
        }
    }
    out.push('\n');

    if !s.caveats.is_empty() {
        out.push_str(&format!("## {}\n\n", words.markdown_caveats));
        for topic in Topic::ALL {
            let items: Vec<_> = s.caveats.iter().filter(|c| c.topic == topic).collect();
            if items.is_empty() {
                continue;
            }
            out.push_str(&format!("### {}\n\n", topic_title(topic, words)));
            for c in items {
                let def = &content.caveats[c.caveat].source;
                let entries: Vec<String> = c.entries.iter().map(|e| (e + 1).to_string()).collect();
                let which = fill(&words.caveat_entries, &[("list", &entries.join(", "))]);
                out.push_str(&format!(
                    "- {} ({}; {which})\n",
                    esc(&def.text),
                    esc(&def.statute)
                ));
            }
            out.push('\n');
        }
    }

    out.push_str(&format!("## {}\n\n", words.markdown_lawyer));
    for &r in &s.referrals {
        out.push_str(&format!("- {}\n", esc(&content.referrals[r].source.reason)));
    }
    out.push_str(&format!("\n{}\n\n", esc(&content.free_help)));
    out.push_str("---\n");
    out.push_str(&fill(
        &words.footer,
        &[
            ("version", &content.meta.rules_version),
            ("date", &content.meta.law_checked),
        ],
    ));
    out.push('\n');
    out
}
