//! Markdown results, for pasting into a case note or printing.

use super::{
    NEEDS_INFO_LEAD, UNVERIFIED_NOTE, deciding_questions, entry_label, grant_phrase, status_phrase,
};
use crate::content::Content;
use crate::content::model::Topic;
use crate::engine::facts::Person;
use crate::engine::screen::Screening;

/// Escapes the characters Markdown would read as markup.
fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in super::sanitize(text).chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

pub fn render(content: &Content, person: &Person, s: &Screening) -> String {
    let mut out = String::with_capacity(4096);
    out.push_str(&format!("# Clearpath screening, as of {}\n\n", s.as_of));
    out.push_str(&format!("> {}\n\n", esc(&content.meta.notice)));

    for (e, entry) in s.entries.iter().enumerate() {
        out.push_str(&format!("## {}\n\n", esc(&entry_label(content, person, e))));
        for r in &entry.remedies {
            let def = &content.remedies[r.remedy].source;
            out.push_str(&format!(
                "- **{} {}**: {} ({})\n",
                r.verdict.symbol(),
                status_phrase(r),
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
                out.push_str(&format!("  - {NEEDS_INFO_LEAD} {}\n", qs.join("; ")));
            }
            if r.unverified(content) {
                out.push_str(&format!("  - {UNVERIFIED_NOTE}\n"));
            }
            if r.is_open() {
                if let Some(g) = r.grant(content) {
                    out.push_str(&format!("  - {}\n", grant_phrase(g)));
                }
                if !def.forms.is_empty() {
                    out.push_str(&format!("  - Forms: {}\n", esc(&def.forms.join(", "))));
                }
                out.push_str(&format!("  - File with: {}\n", esc(&def.file_with)));
            }
        }
        out.push('\n');
    }

    out.push_str("## Your plan\n\n");
    for (n, item) in s.plan.iter().enumerate() {
        let step = &content.steps[item.step];
        out.push_str(&format!(
            "{}. **{}**: {}\n",
            n + 1,
            esc(&step.title),
            esc(&step.why)
        ));
        for &(e, r) in &item.items {
            out.push_str(&format!(
                "   - Entry {}: {}\n",
                e + 1,
                esc(&content.remedies[r].source.name)
            ));
        }
    }
    out.push('\n');

    if !s.caveats.is_empty() {
        out.push_str("## What changes and what does not\n\n");
        for topic in Topic::ALL {
            let items: Vec<_> = s.caveats.iter().filter(|c| c.topic == topic).collect();
            if items.is_empty() {
                continue;
            }
            out.push_str(&format!("### {}\n\n", topic.title()));
            for c in items {
                let def = &content.caveats[c.caveat].source;
                let entries: Vec<String> = c.entries.iter().map(|e| (e + 1).to_string()).collect();
                out.push_str(&format!(
                    "- {} ({}; entry {})\n",
                    esc(&def.text),
                    esc(&def.statute),
                    entries.join(", ")
                ));
            }
            out.push('\n');
        }
    }

    out.push_str("## When to talk to a lawyer\n\n");
    for &r in &s.referrals {
        out.push_str(&format!("- {}\n", esc(&content.referrals[r].source.reason)));
    }
    out.push_str(&format!("\n{}\n\n", esc(&content.free_help)));
    out.push_str(&format!(
        "---\nRules {} · law last checked {} · general information, not legal advice\n",
        content.meta.rules_version, content.meta.law_checked
    ));
    out
}
