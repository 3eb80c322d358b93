//! Plain text results, 80 columns, readable aloud by a screen reader: every status is
//! a word, symbols only repeat it.

use super::{
    NEEDS_INFO_LEAD, UNVERIFIED_NOTE, deciding_questions, entry_label, grant_phrase, status_phrase,
    wrap,
};
use crate::content::Content;
use crate::content::model::Topic;
use crate::engine::facts::Person;
use crate::engine::screen::Screening;

const WIDTH: usize = 80;

pub fn render(content: &Content, person: &Person, s: &Screening) -> String {
    let mut out = String::with_capacity(4096);
    out.push_str(&format!("CLEARPATH SCREENING · as of {}\n", s.as_of));
    wrap(&mut out, &content.meta.notice, WIDTH, "");
    out.push('\n');

    if s.entries.is_empty() {
        out.push_str("No entries were given, so there is nothing to screen yet.\n\n");
    }
    for (e, entry) in s.entries.iter().enumerate() {
        out.push_str(&entry_label(content, person, e).to_uppercase());
        out.push('\n');
        for r in &entry.remedies {
            let def = &content.remedies[r.remedy].source;
            out.push_str(&format!(
                "  {} {} · {} ({})\n",
                r.verdict.symbol(),
                status_phrase(r),
                def.name,
                def.statute
            ));
            if let Some(reason) = r.reason(content) {
                wrap(&mut out, reason, WIDTH, "    ");
            }
            if !r.deciding.is_empty() {
                wrap(&mut out, NEEDS_INFO_LEAD, WIDTH, "    ");
                for q in deciding_questions(content, r) {
                    wrap(&mut out, &format!("- {q}"), WIDTH, "      ");
                }
            }
            if r.unverified(content) {
                wrap(&mut out, UNVERIFIED_NOTE, WIDTH, "    ");
            }
            if r.is_open() {
                let mut how = String::new();
                if let Some(g) = r.grant(content) {
                    how.push_str(grant_phrase(g));
                    how.push(' ');
                }
                if !def.forms.is_empty() {
                    how.push_str(&format!("Forms: {}. ", def.forms.join(", ")));
                }
                how.push_str(&format!("File with: {}", def.file_with));
                wrap(&mut out, &how, WIDTH, "    ");
            }
        }
        out.push('\n');
    }

    out.push_str("YOUR PLAN\n");
    for (n, item) in s.plan.iter().enumerate() {
        let step = &content.steps[item.step];
        out.push_str(&format!("  {}. {}\n", n + 1, step.title));
        wrap(&mut out, &step.why, WIDTH, "     ");
        for &(e, r) in &item.items {
            let result = s.entries[e].remedies.iter().find(|x| x.remedy == r);
            let status = result.map(status_phrase).unwrap_or_default();
            wrap(
                &mut out,
                &format!(
                    "- Entry {}: {} ({})",
                    e + 1,
                    content.remedies[r].source.name,
                    status.to_lowercase()
                ),
                WIDTH,
                "     ",
            );
        }
    }
    out.push('\n');

    if !s.caveats.is_empty() {
        out.push_str("WHAT CHANGES AND WHAT DOES NOT\n");
        for topic in Topic::ALL {
            let items: Vec<_> = s.caveats.iter().filter(|c| c.topic == topic).collect();
            if items.is_empty() {
                continue;
            }
            out.push_str(&format!("  {}\n", topic.title()));
            for c in items {
                let def = &content.caveats[c.caveat].source;
                let entries: Vec<String> = c.entries.iter().map(|e| (e + 1).to_string()).collect();
                wrap(
                    &mut out,
                    &format!(
                        "- {} ({}; entry {})",
                        def.text,
                        def.statute,
                        entries.join(", ")
                    ),
                    WIDTH,
                    "    ",
                );
            }
        }
        out.push('\n');
    }

    out.push_str("WHEN TO TALK TO A LAWYER\n");
    if s.referrals.is_empty() {
        wrap(
            &mut out,
            "Nothing here calls for a lawyer on its own, but one can still help you file.",
            WIDTH,
            "  ",
        );
    }
    for &r in &s.referrals {
        wrap(
            &mut out,
            &format!("- {}", content.referrals[r].source.reason),
            WIDTH,
            "  ",
        );
    }
    wrap(&mut out, &content.free_help, WIDTH, "  ");
    out.push('\n');

    out.push_str(&format!(
        "Rules {} · law last checked {} · general information, not legal advice\n",
        content.meta.rules_version, content.meta.law_checked
    ));
    out
}
