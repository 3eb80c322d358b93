//! Plain text results, 80 columns, readable aloud by a screen reader: every status is
//! a word, symbols only repeat it.

use super::{deciding_questions, entry_label, grant_phrase, status_phrase, topic_title, wrap};
use crate::content::Content;
use crate::content::model::Topic;
use crate::engine::facts::Person;
use crate::engine::screen::Screening;
use crate::strings::{Strings, fill};

const WIDTH: usize = 80;

pub fn render(content: &Content, person: &Person, s: &Screening) -> String {
    let words = Strings::get(content.lang);
    let mut out = String::with_capacity(8192);
    out.push_str(&fill(&words.report_title, &[("date", &s.as_of)]));
    out.push('\n');
    wrap(&mut out, &content.meta.notice, WIDTH, "");
    out.push('\n');

    if s.entries.is_empty() {
        wrap(&mut out, &words.report_no_entries, WIDTH, "");
        out.push('\n');
    }
    for (e, entry) in s.entries.iter().enumerate() {
        out.push_str(&entry_label(content, person, e).to_uppercase());
        out.push('\n');
        for r in &entry.remedies {
            let def = &content.remedies[r.remedy].source;
            out.push_str(&format!(
                "  {} {} · {} ({})\n",
                r.verdict.symbol(),
                status_phrase(r, words),
                def.name,
                def.statute
            ));
            if let Some(reason) = r.reason(content) {
                wrap(&mut out, reason, WIDTH, "    ");
            }
            if !r.deciding.is_empty() {
                wrap(&mut out, &words.needs_info_lead, WIDTH, "    ");
                for q in deciding_questions(content, r) {
                    wrap(&mut out, &format!("- {q}"), WIDTH, "      ");
                }
            }
            if r.unverified(content) {
                wrap(&mut out, &words.unverified_note, WIDTH, "    ");
            }
            if r.is_open() {
                let mut how = String::new();
                if let Some(g) = r.grant(content) {
                    how.push_str(grant_phrase(g, words));
                    how.push(' ');
                }
                if !def.forms.is_empty() {
                    how.push_str(&fill(&words.forms, &[("forms", &def.forms.join(", "))]));
                    how.push(' ');
                }
                how.push_str(&fill(&words.file_with, &[("where", &def.file_with)]));
                wrap(&mut out, &how, WIDTH, "    ");
            }
        }
        out.push('\n');
    }

    out.push_str(&words.heading_plan);
    out.push('\n');
    for (n, item) in s.plan.iter().enumerate() {
        let step = &content.steps[item.step];
        out.push_str(&format!("  {}. {}\n", n + 1, step.title));
        wrap(&mut out, &step.why, WIDTH, "     ");
        for &(e, r) in &item.items {
            let result = s.entries[e].remedies.iter().find(|x| x.remedy == r);
            let status = result.map(|r| status_phrase(r, words)).unwrap_or_default();
            let entry = fill(&words.entry, &[("n", &(e + 1))]);
            let line = format!(
                "- {entry}: {} ({})",
                content.remedies[r].source.name,
                status.to_lowercase()
            );
            wrap(&mut out, &line, WIDTH, "     ");
        }
    }
    out.push('\n');

    if !s.caveats.is_empty() {
        out.push_str(&words.heading_caveats);
        out.push('\n');
        for topic in Topic::ALL {
            let items: Vec<_> = s.caveats.iter().filter(|c| c.topic == topic).collect();
            if items.is_empty() {
                continue;
            }
            out.push_str(&format!("  {}\n", topic_title(topic, words)));
            for c in items {
                let def = &content.caveats[c.caveat].source;
                let entries: Vec<String> = c.entries.iter().map(|e| (e + 1).to_string()).collect();
                let which = fill(&words.caveat_entries, &[("list", &entries.join(", "))]);
                let line = format!("- {} ({}; {which})", def.text, def.statute);
                wrap(&mut out, &line, WIDTH, "    ");
            }
        }
        out.push('\n');
    }

    out.push_str(&words.heading_lawyer);
    out.push('\n');
    if s.referrals.is_empty() {
        wrap(&mut out, &words.no_referral, WIDTH, "  ");
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
