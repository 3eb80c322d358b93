//! The words of clearpath's own interface, per language, from `assets/strings/`.
//! Content (questions, rules) is translated in `questions/`; these are the words
//! around it: prompts, hints, refusals and the headings of the results.

use std::sync::OnceLock;

use serde::Deserialize;

use crate::content::Content;
use crate::content::model::Question;
use crate::engine::handoff::DecodeError;
use crate::engine::handoff::symbols::{GROUP, Mistake};
use crate::engine::input::{InputError, listed};
use crate::model::{Lang, Slot, Value};

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Strings {
    pub plain_title: String,
    /// Said when plain prompts are asked for in two languages.
    pub plain_one_language: String,
    /// Said when `screen --format json` is asked for in two languages.
    pub json_one_language: String,
    pub plain_duration: String,
    pub plain_how_to_answer: String,
    pub place_person: String,
    pub place_entry: String,
    pub counter: String,
    pub hint_date: String,
    pub hint_money: String,
    pub hint_number: String,
    pub hint_months: String,
    pub probation_heading: String,
    pub probation_ordered: String,
    pub probation_before_caps: String,
    pub probation_no_cap: String,
    pub probation_capped: String,
    pub probation_capped_later: String,
    pub probation_capped_at_law: String,
    pub probation_within_cap: String,
    /// An answer in months, as it reads back: "36 months".
    pub months_answer: String,
    pub err_length: String,
    pub err_years_or_months: String,
    pub err_length_range: String,
    pub hint_text: String,
    /// An answer the code section gave, in the review: `{answer}`, `{code}`.
    pub answer_from_section: String,
    pub hint_or_not_sure: String,
    pub your_answer_was: String,
    pub help: String,
    pub help_add_another: String,
    pub help_keys: String,
    pub first_question: String,
    pub not_accepted: String,
    pub not_finished: String,
    pub answers_so_far: String,
    pub goodbye: String,
    pub add_another_one: String,
    pub add_another_many: String,
    pub add_another_yes: String,
    pub add_another_count: String,
    pub add_another_no: String,
    pub yes: String,
    pub no: String,
    pub not_sure: String,
    pub not_answered: String,
    pub err_empty: String,
    pub err_pick_number: String,
    pub err_yes_no: String,
    pub err_yes_no_count: String,
    pub err_not_listed: String,
    pub err_ambiguous: String,
    /// How the matched answers are listed in `err_ambiguous`: `{n}` and `{label}`.
    pub err_ambiguous_item: String,
    /// Between two listed answers ("or", "o").
    pub err_ambiguous_or: String,
    pub err_date_order: String,
    /// The months, January first, separated by spaces.
    pub date_months: String,
    /// A day of a month in words: `{day}`, `{month}`.
    pub date_day_month: String,
    /// A whole date in words: `{day_month}`, `{year}`.
    pub date_in_words: String,
    /// An answer repeated back as it was read, so a misreading shows at once: `{answer}`.
    pub understood: String,
    pub err_whole_number: String,
    pub err_text_chars: String,
    pub err_text_long: String,
    pub err_date_range: String,
    pub err_date_day: String,
    pub err_date_shape: String,
    pub err_date_future: String,
    pub err_county: String,
    pub err_county_near: String,
    pub county_to_check: String,
    pub county_list: String,
    /// The hand-off code on the results, what it holds, and what is said when one is
    /// typed in.
    pub handoff_heading: String,
    pub handoff_about: String,
    pub handoff_none: String,
    pub handoff_opened: String,
    pub handoff_other_rules: String,
    pub handoff_section_words: String,
    pub handoff_typo: String,
    pub handoff_typo_or_other: String,
    pub handoff_typos: String,
    /// Before the answers read from a RAP sheet (`--rap-sheet`): `{file}`.
    pub rap_sheet_read: String,
    /// Where an answer was read: `{lines}`, one line number or several.
    pub rap_sheet_line: String,
    pub rap_sheet_lines: String,
    /// The notes on a RAP sheet's lines left unread or facts left open (`sheet_note_*`),
    /// each said after its line.
    pub sheet_note_record_error: String,
    pub sheet_note_court_no_counts: String,
    pub sheet_note_conviction_outside: String,
    pub sheet_note_juvenile_court: String,
    pub sheet_note_arrest_unresolved: String,
    pub sheet_note_no_court: String,
    pub sheet_note_unknown_place: String,
    pub sheet_note_arrest_date: String,
    pub sheet_note_later_action: String,
    pub sheet_note_date_unclear: String,
    pub sheet_note_no_level: String,
    pub sheet_note_reduced_unknown_law: String,
    pub sheet_note_court_date: String,
    pub sheet_note_court_no_date: String,
    pub sheet_note_no_charge: String,
    pub sheet_note_charge_in_comment: String,
    pub sheet_note_section_unclear: String,
    pub sheet_note_no_section: String,
    pub sheet_note_relief_some_counts: String,
    pub sheet_note_revoked_resentenced: String,
    pub sheet_note_sentence_unclear: String,
    pub sheet_note_felony_jail: String,
    pub sheet_note_no_disposition: String,
    pub sheet_note_disposition_unread: String,
    pub sheet_note_dispo_outside: String,
    pub sheet_note_not_read: String,
    pub sheet_note_date_outside: String,
    pub sheet_note_no_cycle: String,
    pub sheet_note_no_case: String,
    /// How a RAP sheet read from standard input is named in refusals.
    pub sheet_standard_input: String,
    pub sheet_cannot_be_read: String,
    pub sheet_too_large: String,
    pub sheet_not_text: String,
    pub sheet_pdf_unreadable: String,
    pub sheet_pdf_no_text: String,
    pub sheet_answers_conflict: String,
    /// Where an answer came from, after it in the lists of answers.
    pub source_rap_sheet: String,
    pub source_court_papers: String,
    pub source_memory: String,
    pub source_not_sure: String,
    pub rap_sheet_to_check: String,
    pub rap_sheet_asked: String,
    /// The full-screen interview opened with `--rap-sheet`: `{file}`.
    pub rap_sheet_title: String,
    pub rap_sheet_not_taken: String,
    pub rap_sheet_entry_kept: String,
    pub handoff_not_in_codes: String,
    pub handoff_too_short: String,
    pub handoff_other_questions: String,
    pub err_date_before: String,
    pub err_money_negative: String,
    pub err_money_shape: String,
    pub err_no_answer: String,
    pub err_not_sure_not_offered: String,
    pub err_wrong_kind: String,
    pub err_no_question: String,
    // The full-screen interface.
    pub tui_language_name: String,
    pub tui_switch_hint: String,
    pub tui_now_in: String,
    pub tui_tagline: String,
    pub tui_welcome_title: String,
    pub tui_welcome_what: String,
    pub tui_welcome_time: String,
    pub tui_welcome_privacy: String,
    pub tui_welcome_start: String,
    pub tui_welcome_keys: String,
    pub tui_question_of_about: String,
    pub tui_type_date: String,
    pub tui_type_money: String,
    pub tui_type_number: String,
    pub tui_type_months: String,
    pub tui_type_text: String,
    pub tui_your_answer: String,
    pub tui_help_title_question: String,
    pub tui_more_help: String,
    pub tui_more_below: String,
    pub tui_editing_note: String,
    pub tui_entries_title: String,
    pub tui_entries_lead_one: String,
    pub tui_entries_lead_many: String,
    pub tui_no_more_entries: String,
    pub tui_remove_hint: String,
    pub tui_remove_title: String,
    pub tui_remove_text: String,
    pub tui_review_title: String,
    pub tui_review_lead: String,
    pub tui_show_results: String,
    pub tui_manage_entries: String,
    pub tui_changes_title: String,
    pub tui_no_changes: String,
    pub tui_not_listed: String,
    pub tui_more_changes: String,
    pub tui_results_title: String,
    pub tui_as_of: String,
    pub tui_forms: String,
    pub tui_file_with: String,
    pub tui_unsure_title: String,
    pub tui_entry_ref_one: String,
    pub tui_entry_ref_many: String,
    pub tui_help_title: String,
    pub tui_keys_title: String,
    pub tui_faq_title: String,
    pub tui_quit_title: String,
    pub tui_quit_text: String,
    pub tui_quit_text_saved: String,
    pub tui_start_over_title: String,
    pub tui_start_over_text: String,
    pub tui_yes_no: String,
    pub tui_export_title: String,
    pub tui_export_format: String,
    pub tui_export_path: String,
    pub tui_export_privacy: String,
    pub tui_export_name: String,
    pub tui_format_text: String,
    pub tui_format_markdown: String,
    pub tui_format_html: String,
    pub tui_export_no_path: String,
    pub tui_overwrite_title: String,
    pub tui_overwrite_text: String,
    pub tui_saved: String,
    pub tui_not_saved: String,
    pub tui_too_small: String,
    pub tui_too_small_leave: String,
    pub tui_too_small_size: String,
    pub tui_key_start: String,
    pub tui_key_choose: String,
    pub tui_key_answer: String,
    pub tui_key_number: String,
    pub tui_key_number_long: String,
    pub tui_key_answer_long: String,
    pub tui_key_back: String,
    pub tui_key_cancel: String,
    pub tui_key_help: String,
    pub tui_key_quit: String,
    pub tui_key_select: String,
    pub tui_key_remove: String,
    pub tui_key_change: String,
    pub tui_key_source: String,
    /// Said when `o` on the review gives an answer another source.
    pub tui_source_now: String,
    /// Said for `o` on the answer that gives the entry's source.
    pub tui_source_entry: String,
    pub plain_source_entry_only: String,
    pub tui_key_results: String,
    pub tui_key_scroll: String,
    pub tui_key_page: String,
    pub tui_key_export: String,
    pub tui_key_review: String,
    pub tui_key_start_over: String,
    pub tui_key_close: String,
    pub tui_key_save: String,
    pub tui_key_format: String,
    pub tui_key_erase: String,
    pub tui_key_clear: String,
    pub tui_key_mouse: String,
    pub tui_key_clear_screen: String,
    pub tui_key_print: String,
    pub tui_key_done: String,
    pub tui_key_language: String,
    // Clinic intake mode.
    pub tui_key_clients: String,
    pub tui_key_notes: String,
    pub desk_title: String,
    pub desk_count: String,
    pub desk_empty: String,
    pub desk_no_match: String,
    pub desk_search: String,
    pub desk_search_hint: String,
    pub desk_col_status: String,
    pub desk_col_saved: String,
    pub desk_col_entries: String,
    pub desk_col_client: String,
    pub desk_status_open: String,
    pub desk_status_done: String,
    pub desk_damaged: String,
    pub desk_damaged_open: String,
    pub desk_other_clinic: String,
    pub desk_plain: String,
    pub desk_not_encrypted: String,
    pub desk_unlock_title: String,
    pub desk_unlock_lead: String,
    pub desk_unlock_idle: String,
    pub desk_unlock_keys: String,
    pub desk_unlock_wrong: String,
    pub desk_unlock_wait: String,
    pub desk_unlocking: String,
    pub desk_create_title: String,
    pub desk_create_lead: String,
    pub desk_create_again: String,
    pub desk_create_mismatch: String,
    pub desk_create_short: String,
    pub desk_create_keys: String,
    pub desk_create_made: String,
    pub desk_export_unprotected: String,
    pub desk_new_title: String,
    pub desk_new_lead: String,
    pub desk_new_name: String,
    pub desk_new_number: String,
    pub desk_new_lang: String,
    pub desk_new_code: String,
    pub desk_new_need: String,
    pub desk_new_keys: String,
    pub desk_delete_title: String,
    pub desk_delete_text: String,
    pub desk_deleted: String,
    pub desk_marked_done: String,
    pub desk_reopened: String,
    pub desk_closed: String,
    pub desk_opened: String,
    pub desk_upgraded: String,
    pub desk_unread: String,
    pub desk_not_saved: String,
    pub desk_notes_title: String,
    pub desk_note_client: String,
    pub desk_note_entry: String,
    pub desk_notes_lead: String,
    pub desk_notes_keys: String,
    pub desk_notes_saved: String,
    pub desk_export_title: String,
    pub desk_export_for: String,
    pub desk_export_languages: String,
    pub desk_for_client: String,
    pub desk_for_attorney: String,
    pub desk_format_json: String,
    pub format_csv: String,
    pub desk_export_privacy: String,
    pub desk_tally_title: String,
    pub desk_tally_today: String,
    pub desk_tally_all: String,
    pub desk_tally_path: String,
    pub desk_tally_keys: String,
    pub desk_help_in_intake: String,
    pub desk_too_small_leave: String,
    pub desk_tally_name: String,
    pub desk_tally_name_all: String,
    pub desk_screen_language: String,
    pub desk_not_saved_title: String,
    pub desk_conflict_title: String,
    pub desk_conflict_text: String,
    pub desk_conflict_mark: String,
    pub desk_held_title: String,
    pub desk_held_text: String,
    pub desk_not_saved_keys: String,
    pub desk_leave_title: String,
    pub desk_leave_text: String,
    pub desk_leave_retry: String,
    pub desk_leave_copy: String,
    pub desk_leave_lose: String,
    pub desk_leave_stay: String,
    pub desk_leave_keys: String,
    pub desk_left_unsaved: String,
    pub desk_copy_title: String,
    pub desk_copy_lead: String,
    pub desk_copy_keys: String,
    pub desk_copy_exists: String,
    pub desk_copy_saved: String,
    pub desk_details_title: String,
    pub desk_details_keys: String,
    pub desk_details_saved: String,
    pub desk_key_details: String,
    pub desk_key_details_long: String,
    pub desk_help_title: String,
    pub desk_help_lead: String,
    pub desk_key_open: String,
    pub desk_key_new: String,
    pub desk_key_search: String,
    pub desk_key_done: String,
    pub desk_key_done_long: String,
    pub desk_key_export: String,
    pub desk_key_export_long: String,
    pub desk_started: String,
    pub desk_key_delete: String,
    pub desk_key_tally: String,
    pub desk_key_rap_sheet: String,
    pub desk_key_rap_sheet_long: String,
    pub desk_rap_sheet_title: String,
    pub desk_rap_sheet_text: String,
    pub desk_rap_sheet_keys: String,
    pub desk_rap_sheet_differs_title: String,
    pub desk_rap_sheet_differs: String,
    pub desk_rap_sheet_differs_row: String,
    pub desk_rap_sheet_more: String,
    pub desk_rap_sheet_above: String,
    pub desk_rap_sheet_differs_keys: String,
    pub desk_rap_sheet_done: String,
    pub desk_rap_sheet_kept: String,
    pub desk_key_notes_long: String,
    pub desk_key_clients_long: String,
    pub report_no_entries: String,
    pub no_referral: String,
    pub footer: String,
    pub markdown_title: String,
    pub markdown_plan: String,
    pub markdown_caveats: String,
    pub markdown_lawyer: String,
    pub status_eligible: String,
    pub status_eligible_from: String,
    pub status_possibly: String,
    pub status_possibly_from: String,
    pub status_needs_info: String,
    pub status_not_eligible: String,
    pub status_granted: String,
    pub grant_mandatory: String,
    pub grant_discretionary: String,
    pub grant_automatic: String,
    pub needs_info_lead: String,
    pub unverified_note: String,
    /// Under a conclusion resting on answers from memory; then, under each entry, the
    /// heading of the list of those answers, and the paper that would confirm one.
    pub memory_note: String,
    pub memory_heading: String,
    pub memory_confirm: String,
    pub entry: String,
    /// A count of a case with several: "{case} (count {count})".
    pub entry_count: String,
    pub topic_firearms: String,
    pub topic_licensing: String,
    pub topic_immigration: String,
    pub topic_future_cases: String,
    pub topic_employers: String,
    pub topic_other: String,
    // Plain mode after the questions: the review and saving the results.
    pub plain_review_title: String,
    pub plain_review_row: String,
    pub plain_review_how: String,
    pub plain_review_pick: String,
    pub plain_review_help: String,
    pub plain_changing: String,
    pub plain_not_changed: String,
    pub plain_changes_title: String,
    pub plain_change: String,
    pub plain_not_in_results: String,
    pub plain_save_question: String,
    pub plain_save_formats: String,
    pub plain_save_help: String,
    pub plain_save_extension: String,
    pub plain_save_again: String,
    pub plain_replace_question: String,
    pub plain_not_replaced: String,
    pub plain_no_folder: String,
    pub plain_no_permission: String,
    pub plain_is_folder: String,
    pub plain_not_a_folder: String,
    // Kiosk mode.
    pub kiosk_invite: String,
    pub kiosk_what: String,
    pub kiosk_privacy: String,
    pub kiosk_start: String,
    pub kiosk_clear_how: String,
    pub kiosk_still_here: String,
    pub kiosk_press_any_key: String,
    pub kiosk_clearing_in_one: String,
    pub kiosk_clearing_in_many: String,
    pub kiosk_pin_title: String,
    pub kiosk_pin_prompt: String,
    pub kiosk_pin_wrong: String,
    /// While wrong PINs make the next try wait: `{seconds}`.
    pub kiosk_pin_wait: String,
    pub kiosk_pin_keys: String,
    pub kiosk_printing: String,
    pub kiosk_printed: String,
    pub kiosk_not_printed: String,
    // The client's intake printout.
    pub intake_client_title: String,
    pub intake_prepared_for: String,
    pub report_notice: String,
    pub intake_bring_heading: String,
    pub intake_bring_printout: String,
    pub intake_bring_id: String,
    pub intake_bring_record: String,
    pub intake_bring_papers: String,
    pub intake_bring_forms: String,
    pub intake_unsure_lead: String,
    pub intake_nothing_to_file: String,
    pub intake_county: String,
    pub intake_county_unknown: String,
    // The filing worksheet.
    pub worksheet_heading: String,
    pub worksheet_lead: String,
    pub worksheet_petition: String,
    pub worksheet_case_number: String,
    pub worksheet_ask_for: String,
    pub worksheet_serve: String,
    pub worksheet_bring: String,
    pub worksheet_elsewhere: String,
    // The results as a web page.
    pub report_answers_heading: String,
    pub report_source: String,
    pub report_no_remedy: String,
    pub report_nothing_answered: String,
}

const EN: &str = include_str!("../assets/strings/en.ron");
const ES: &str = include_str!("../assets/strings/es.ron");

impl Strings {
    /// The interface words for a language. They are built into the binary and checked
    /// by the test suite, so reading them cannot fail at run time.
    pub fn get(lang: Lang) -> &'static Strings {
        static CACHE: [OnceLock<Strings>; 2] = [OnceLock::new(), OnceLock::new()];
        let (slot, text) = match lang {
            Lang::En => (&CACHE[0], EN),
            Lang::Es => (&CACHE[1], ES),
        };
        slot.get_or_init(|| {
            Strings::parse(text)
                .unwrap_or_else(|e| panic!("assets/strings for {}: {e}", lang.code()))
        })
    }

    pub fn parse(text: &str) -> Result<Strings, ron::error::SpannedError> {
        ron::from_str(text)
    }
}

impl Strings {
    /// Why a typed hand-off code cannot be read, and where it is wrong.
    pub fn code_refusal(&self, e: &DecodeError) -> String {
        match e {
            DecodeError::OtherQuestions => self.handoff_other_questions.clone(),
            DecodeError::Mistyped(Mistake::TooShort) => self.handoff_too_short.clone(),
            DecodeError::Mistyped(Mistake::NotInCodes { place, found }) => fill(
                &self.handoff_not_in_codes,
                &[("found", &found.to_string()), ("place", &place.to_string())],
            ),
            DecodeError::Mistyped(Mistake::Typo {
                places, or_other, ..
            }) => {
                let text = if *or_other {
                    &self.handoff_typo_or_other
                } else {
                    &self.handoff_typo
                };
                // A long code can leave two places 31 apart as likely: both are named.
                let or = format!(" {} ", self.err_ambiguous_or);
                let join = |f: fn(usize) -> usize| {
                    let all: Vec<String> = places.iter().map(|p| f(*p).to_string()).collect();
                    all.join(&or)
                };
                let (place, group) = (join(|p| p), join(|p| (p - 1) / GROUP + 1));
                fill(text, &[("place", &place), ("group", &group)])
            }
            DecodeError::Mistyped(Mistake::SeveralTypos | Mistake::OtherPrefix) => {
                self.handoff_typos.clone()
            }
        }
    }

    /// Why an answer was refused, in words for the person who gave it.
    pub fn refusal(&self, e: &InputError) -> String {
        use InputError as E;
        match e {
            E::Empty => self.err_empty.clone(),
            E::PickNumber { count } => fill(&self.err_pick_number, &[("count", count)]),
            E::NotYesNo => self.err_yes_no.clone(),
            E::NotListed { count } => fill(&self.err_not_listed, &[("count", count)]),
            E::Ambiguous { choices } => {
                let listed: Vec<String> = choices
                    .iter()
                    .map(|(n, label)| fill(&self.err_ambiguous_item, &[("n", n), ("label", label)]))
                    .collect();
                let or = format!(" {} ", self.err_ambiguous_or);
                fill(&self.err_ambiguous, &[("choices", &listed.join(&or))])
            }
            E::DayOrMonth {
                month_first,
                day_first,
            } => fill(
                &self.err_date_order,
                &[
                    ("first", &self.day_month(*month_first)),
                    ("second", &self.day_month(*day_first)),
                    ("year", &chrono::Datelike::year(day_first)),
                    ("iso", day_first),
                ],
            ),
            E::NotAWholeNumber { text } => fill(&self.err_whole_number, &[("text", text)]),
            E::NotALength { text } => fill(&self.err_length, &[("text", text)]),
            E::YearsOrMonths { n } => fill(&self.err_years_or_months, &[("n", n)]),
            E::LengthOutOfRange { months } => fill(&self.err_length_range, &[("months", months)]),
            E::TextCharacters => self.err_text_chars.clone(),
            E::TextTooLong => self.err_text_long.clone(),
            E::DateOutOfRange { text } => fill(&self.err_date_range, &[("text", text)]),
            E::NoSuchDay { text } => fill(&self.err_date_day, &[("text", text)]),
            E::NotADate { text } => fill(&self.err_date_shape, &[("text", text)]),
            E::NotACounty { typed, nearest } if nearest.is_empty() => {
                fill(&self.err_county, &[("typed", typed)])
            }
            E::NotACounty { typed, nearest } => {
                let or = format!(" {} ", self.err_ambiguous_or);
                fill(
                    &self.err_county_near,
                    &[("typed", typed), ("names", &nearest.join(&or))],
                )
            }
            E::DateInFuture { date, today } => {
                fill(&self.err_date_future, &[("date", date), ("today", today)])
            }
            E::DateBefore { date, earlier } => fill(
                &self.err_date_before,
                &[("date", date), ("earlier", earlier)],
            ),
            E::NegativeAmount => self.err_money_negative.clone(),
            E::NotAnAmount { text } => fill(&self.err_money_shape, &[("text", text)]),
            E::NoAnswer => self.err_no_answer.clone(),
            E::NotSureNotOffered => self.err_not_sure_not_offered.clone(),
            E::WrongKind => self.err_wrong_kind.clone(),
            E::NoQuestion => self.err_no_question.clone(),
            E::Impossible { reason, .. } => reason.clone(),
        }
    }

    /// Why an answer was refused, in `content`'s language: as [`Strings::refusal`],
    /// with the reason of a rule about answers that cannot be true together read from
    /// `content` (so an interpreter's second language gets its own words).
    pub fn refusal_in(&self, content: &Content, e: &InputError) -> String {
        match e {
            InputError::Impossible { rule, .. } => content
                .impossible
                .get(*rule)
                .map_or_else(|| self.refusal(e), |r| r.reason.clone()),
            _ => self.refusal(e),
        }
    }

    /// A day of a month in words: "2 de abril", "April 2".
    pub fn day_month(&self, date: chrono::NaiveDate) -> String {
        use chrono::Datelike;
        let month = self
            .date_months
            .split_whitespace()
            .nth(date.month0() as usize)
            .unwrap_or_default();
        fill(
            &self.date_day_month,
            &[("day", &date.day()), ("month", &month)],
        )
    }

    /// "Yes, another charge (count) in entry 2": the choice that adds a count to the
    /// last case, numbered from 1.
    pub fn add_count(&self, case: usize) -> String {
        fill(&self.add_another_count, &[("n", &case)])
    }

    /// Where an answer came from, as the lists of answers say it: "RAP sheet line 15",
    /// "from memory".
    pub fn source(&self, source: &crate::model::Source) -> String {
        use crate::model::Source;
        match source {
            Source::RapSheet(lines) if lines.is_empty() => self.source_rap_sheet.clone(),
            Source::RapSheet(lines) => {
                let numbers: Vec<String> = lines.iter().map(u32::to_string).collect();
                let at = if lines.len() == 1 {
                    &self.rap_sheet_line
                } else {
                    &self.rap_sheet_lines
                };
                fill(at, &[("lines", &numbers.join(", "))])
            }
            Source::CourtPapers => self.source_court_papers.clone(),
            Source::Memory => self.source_memory.clone(),
            Source::NotSure => self.source_not_sure.clone(),
        }
    }

    /// A date in words: "2 de abril de 2018", "April 2, 2018".
    pub fn date(&self, date: chrono::NaiveDate) -> String {
        fill(
            &self.date_in_words,
            &[
                ("day_month", &self.day_month(date)),
                ("year", &chrono::Datelike::year(&date)),
            ],
        )
    }

    /// The label of an answer in a question's list: yes, no, "not sure", or the
    /// choice's own label (already in the content's language).
    pub fn answer_label(&self, question: &Question, slot: &Slot) -> String {
        match slot {
            Slot::Known(Value::Bool(true)) => self.yes.clone(),
            Slot::Known(Value::Bool(false)) => self.no.clone(),
            Slot::NotSure => self.not_sure.clone(),
            Slot::Known(Value::Choice(i)) => match &question.answers {
                crate::content::model::AnswerKind::Choice(choices) => choices
                    .get(*i as usize)
                    .map(|(_, l)| l.clone())
                    .unwrap_or_default(),
                _ => String::new(),
            },
            _ => String::new(),
        }
    }
}

/// The answers a question offers as a list, with their labels in `lang`, "not sure"
/// last. Dates, amounts, numbers and text are typed; for them the list is "not sure"
/// alone.
pub fn options_in(question: &Question, lang: Lang) -> Vec<(Slot, String)> {
    let words = Strings::get(lang);
    listed(question)
        .into_iter()
        .map(|slot| {
            let label = words.answer_label(question, &slot);
            (slot, label)
        })
        .collect()
}

/// Fills `{name}` placeholders in a template.
pub fn fill(template: &str, values: &[(&str, &dyn std::fmt::Display)]) -> String {
    let mut out = template.to_string();
    for (name, value) in values {
        out = out.replace(&format!("{{{name}}}"), &value.to_string());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The `{name}` placeholders of every key, for comparing languages.
    fn placeholders(text: &str) -> Vec<(String, Vec<String>)> {
        let value: ron::Value = ron::from_str(text).unwrap();
        let ron::Value::Map(map) = value else {
            panic!("not a map")
        };
        let mut out: Vec<(String, Vec<String>)> = map
            .iter()
            .map(|(k, v)| {
                let (ron::Value::String(k), ron::Value::String(v)) = (k, v) else {
                    panic!("strings are text")
                };
                let mut names: Vec<String> = v
                    .split('{')
                    .skip(1)
                    .filter_map(|s| s.split_once('}').map(|(n, _)| n.to_string()))
                    .collect();
                names.sort();
                (k.clone(), names)
            })
            .collect();
        out.sort();
        out
    }

    #[test]
    fn every_language_has_every_string_with_the_same_placeholders() {
        for lang in Lang::ALL {
            let _ = Strings::get(lang);
        }
        assert_eq!(placeholders(EN), placeholders(ES));
    }

    /// Every word of the full-screen interface, the kiosk, plain mode and the client's
    /// printout has its Spanish, and it is Spanish: the same as the English only where
    /// the two languages share the word or the line is only placeholders and
    /// punctuation.
    #[test]
    fn the_interface_words_are_translated() {
        let shared = ["tui_format_markdown", "plain_review_row"];
        let en = placeholders(EN);
        let es: ron::Value = ron::from_str(ES).unwrap();
        let en_map: ron::Value = ron::from_str(EN).unwrap();
        let (ron::Value::Map(es), ron::Value::Map(en_map)) = (es, en_map) else {
            panic!("not maps")
        };
        let tui: Vec<&String> = en
            .iter()
            .map(|(k, _)| k)
            .filter(|k| {
                ["tui_", "kiosk_", "plain_"]
                    .iter()
                    .any(|p| k.starts_with(p))
            })
            .collect();
        assert!(tui.len() > 80, "the interface words are in the files");
        for key in tui {
            let k = ron::Value::String(key.clone());
            let (Some(ron::Value::String(spanish)), Some(ron::Value::String(english))) =
                (es.get(&k), en_map.get(&k))
            else {
                panic!("{key} has no Spanish")
            };
            assert!(!spanish.trim().is_empty(), "{key} is empty in Spanish");
            if !shared.contains(&key.as_str()) {
                assert_ne!(spanish, english, "{key} is still English in es.ron");
            }
        }
    }

    #[test]
    fn fill_replaces_named_placeholders() {
        assert_eq!(fill("Entry {n} of {n}", &[("n", &2)]), "Entry 2 of 2");
    }
}
