//! A message from any record: ours, MADR (2 to 4) or adr-tools. The record's sections are
//! read into a [`Brief`] (what was decided, why, the fallback, the good and bad
//! consequences, the timeline), and a template per audience turns the brief into the
//! message: the business framing for stakeholders, "we're doing X because of Y" for the
//! team, the negotiation framing for peers.

use std::collections::BTreeMap;
use std::path::Path;

use chrono::NaiveDate;
use serde::Serialize;

use super::budget::Listed;
use super::pointers::without_pointers;
use super::{Audience, Message};
use crate::coach::units::human_date;
use crate::error::{Error, Result};
use crate::flat_map::FlatMap;
use crate::phrase;
use crate::record::parse::Due;
use crate::record::{Listing, Record, Section};
use crate::template::Templates;

/// How the message is printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum, Serialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Format {
    /// Plain text, ready to paste into chat or mail.
    #[default]
    Text,
    /// Markdown, for a wiki page, an issue or a pull request.
    Markdown,
    /// The message and the brief it was written from, for scripts.
    Json,
    /// Slack mrkdwn, for a webhook or a bot: *bold*, bullets, <url|text> links.
    Slack,
    /// An HTML fragment, for mail.
    Html,
}

impl Format {
    /// The text the message is composed in before it is converted: Slack and HTML are
    /// the Markdown message, converted ([`super::paste`]).
    pub(crate) fn composed(self) -> Format {
        match self {
            Format::Slack | Format::Html => Format::Markdown,
            other => other,
        }
    }

    /// The composed message as this format prints it.
    pub(crate) fn convert(self, composed: &str) -> String {
        match self {
            Format::Slack => super::paste::slack(composed),
            Format::Html => super::paste::html(composed),
            _ => composed.to_string(),
        }
    }
}

/// What a message needs from a record, as plain text without Markdown or citation marks.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub(crate) struct Brief {
    pub title: String,
    /// How a message names what the record is about, mid-sentence: "the database for the
    /// orders service" for "Choose the database for the orders service", "use MADR" for
    /// "Use MADR"; for one of our other playbooks' records, the title without the
    /// playbook's prefix ("the weekly release" for "Delegate: the weekly release").
    pub subject: String,
    /// What the subject is ([`phrase::Kind`]): `thing` (something chosen), `question`
    /// ("how we run the demo"), `action` (the title states the decision) or `topic`.
    pub subject_kind: String,
    /// The bottom line of a decided record, without its reason: "We've chosen PostgreSQL
    /// as the database for the orders service", or adr-tools' "We will …".
    pub decided_line: Option<String>,
    /// What a message to any reader says was decided: `decided_line`, or, for a record
    /// that gives no decision in words a message can use, what it was about and where
    /// the details are ("We've made a decision on monitoring; the details are in the
    /// decision record"), never its title quoted as if it were the decision.
    pub bottom_line: String,
    /// The whole decision as the team hears it, when the record words it (no chosen
    /// option): every sentence, where `decided_line` is the first.
    pub whole_decision: Option<String>,
    /// What is being decided, and by when: "We'll choose a vendor for order search by
    /// Friday 11 December" ("We haven't chosen … yet" without a date).
    pub deciding_line: String,
    /// The option leaned towards, with what it is for: "We lean towards Vendor A as the
    /// vendor for order search".
    pub leaning_line: Option<String>,
    /// "the decision on the database for the orders service", "the decision to use MADR".
    pub decision_name: String,
    /// The same as a proposal, for one turned down: "the proposal to use MADR".
    pub proposal_name: String,
    /// For a record no longer in force, what became of it: `rejected` (a proposal turned
    /// down, which never held), `reverted` (a decision taken back), `superseded` (one
    /// replaced by a later decision) or `deprecated` (one being phased out).
    pub closed_as: Option<String>,
    /// Why it no longer holds, or what it means now, as the record says it: the rest of
    /// its status ("Superseded: the migration is complete"), a reason section ("Reason
    /// for rejection"), a note that opens with the status ("Deprecated as of …: …"), or,
    /// for a proposal turned down, a decision that says no.
    pub closed_why: Option<String>,
    /// The record that replaced it as the team and peers name it, with its number: "ADR
    /// 19, the decision to use Go".
    pub successor_ref: Option<String>,
    /// The record that replaced it as stakeholders hear it: by what it decides, never by
    /// a number or a link's text; `None` when only those are known.
    pub successor_plain: Option<String>,
    /// What the record that replaced this one decided, as its bottom line.
    pub successor_line: Option<String>,
    /// The chosen option (or the one proposed) as a sentence says it: "PostgreSQL", "a
    /// direct API call", "refactor in place".
    pub choice: Option<String>,
    /// Whether `choice` says what we do ("refactor in place": "we'll refactor in place").
    pub choice_action: bool,
    /// `choice` as a reader outside engineering hears it: in the lead's plain words ("a
    /// direct request to shipping" for "a direct API call"), when that leaves no jargon;
    /// `None` when it would still need explaining.
    pub choice_plain: Option<String>,
    /// The record's file, as given on the command line (for scripts; never in the text).
    pub path: String,
    pub status: Option<String>,
    /// Where the decision stands: `decided`, `investigate` (a proposal with a date to
    /// decide by), `proposal`, `options` (offered to someone who chooses), `update`,
    /// `closed` (superseded, deprecated, rejected) or `on-hold`.
    pub outcome: String,
    pub date_text: Option<String>,
    pub review_by_text: Option<String>,
    pub decide_by_text: Option<String>,
    /// The day a proposal that waited for someone's answer (or choice) was accepted, from
    /// its `## Proposal Accepted (…)` section, as people write it.
    pub accepted_text: Option<String>,
    pub decision_makers: Vec<String>,
    /// The first paragraph of the context.
    pub context: Option<String>,
    /// `Chosen option: "X"` (MADR and ours).
    pub chosen: Option<String>,
    /// `Proposed option: "X"` or the option leaned towards, for a proposal.
    pub proposed: Option<String>,
    /// The reason after `because`.
    pub because: Option<String>,
    /// The decision in the record's words, when it is not a chosen option (adr-tools'
    /// "We will ...", or an outcome that is an offer).
    pub decision: Option<String>,
    /// When the decision is a list (with the sentence that introduces it, or bare), its
    /// items apart, so a message held to a word budget can say fewer of them
    /// ([`super::budget`]). Not in the JSON: `decision` says it all.
    #[serde(skip)]
    pub decision_listed: Option<Listed>,
    /// "If it doesn't work, we'll switch to ..." (or "we'll ..."), as a sentence says it.
    pub fallback: Option<String>,
    /// Whether the fallback says what we do ("rewrite only the payment step") rather than
    /// what we switch to ("MongoDB").
    pub fallback_action: bool,
    /// The first step, when the record names one that keeps the decision reversible
    /// ("First step: move one read path, behind a feature flag").
    pub first_step: Option<String>,
    pub options: Vec<String>,
    /// The options offered to the person who chooses (`### Options Offered`).
    pub offers: Vec<String>,
    /// What is still to find out before deciding (`### Open Questions`).
    pub open_questions: Vec<String>,
    /// Who finds out each open question, where the record says: "Ana finds out licence
    /// cost" (for the team; stakeholders hear what, not who).
    pub owners: Vec<String>,
    /// The open questions, each in lower case where it is not a name, with who finds it
    /// out (none when nobody has taken it).
    pub questions: Vec<Question>,
    /// What changes for people outside the team (`### Impact Outside the Team`).
    pub impact: Option<String>,
    /// What we need from people outside the team, and by when, as the record says it
    /// (`### Needed From Outside the Team`): "We need your OK on the budget by Friday 11
    /// December."
    pub needs: Option<String>,
    /// What we need from outside is someone's OK (`needs` asks for one): a proposal waits
    /// for it, not for the decision-makers.
    pub waits_for_ok: bool,
    /// What would tell us the decision was wrong (`It was wrong if: …` in `### Forecast`).
    pub signal: Option<String>,
    /// The pros of the chosen (or proposed) option, from its `### <option>` section under
    /// the pros and cons, without MADR's "Good, because".
    pub pros: Vec<String>,
    /// Its cons, without "Bad, because".
    pub cons: Vec<String>,
    /// The lead's plain words for terms a reader outside engineering may not know
    /// (`### In Plain Words`: "PostgreSQL: the database billing runs on"): messages to
    /// stakeholders and peers say them instead.
    pub plain_words: Vec<(String, String)>,
    /// "Good, because ..." consequences.
    pub benefits: Vec<String>,
    /// "Bad, because ..." consequences: the risks.
    pub risks: Vec<String>,
    /// Consequences that are neither, or adr-tools' consequences paragraph.
    pub other_consequences: Vec<String>,
    /// For a superseded record: the title of the record that replaced it, when known.
    pub superseded_by: Option<String>,
    /// And its number, to name it by when the titles are the same, and for the team.
    pub superseded_by_number: Option<u32>,
    /// The record that replaced it, as a sentence names a decision: "the decision to use
    /// PostgreSQL for persistence".
    pub replaced_by: Option<String>,
    /// The playbook that wrote the record (`playbook:` in our front matter), which may have
    /// its own message for each audience.
    pub playbook: Option<String>,
    /// The front matter as written, for a playbook's own message templates.
    pub front: FlatMap,
    /// Every date in the front matter as people write it ("Tuesday 8 December"), by key.
    pub dates: BTreeMap<String, String>,
    /// Every section by heading, as plain text: its first paragraph and its list items.
    pub sections: BTreeMap<String, SectionText>,
    /// What the latest look-back found, once `decide review` has looked back: messages
    /// then tell how the decision went, not what it was going to do.
    pub looked_back: Option<LookBack>,
    /// Why the time-box was last extended, when it was: the messages say the date moved.
    pub extended_why: Option<String>,
    /// The day the message is written, which it names "today".
    #[serde(skip)]
    pub today: NaiveDate,
}

/// The latest `## Outcome (DATE)` section a look-back appended.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub(crate) struct LookBack {
    /// When it was written, as people say it.
    pub date_text: String,
    /// `yes`, `partly` or `no`.
    pub held_up: String,
    /// Why, as the lead said it after the answer.
    pub why: Option<String>,
    pub happened: Option<String>,
    pub learnt: Option<String>,
    /// Whether the signal that it was wrong appeared, when one was named.
    pub signal_seen: Option<bool>,
    pub next_review_text: Option<String>,
}

/// An open question and who finds it out.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub(crate) struct Question {
    pub item: String,
    pub owner: Option<String>,
}

/// A section of a record as a message reads it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub(crate) struct SectionText {
    pub paragraph: Option<String>,
    pub items: Vec<String>,
}

impl Brief {
    /// The record that replaced this one, when there is one.
    fn follow(&mut self, successor: Option<Successor>) {
        if let Some(successor) = successor {
            self.superseded_by = Some(successor.title);
            self.superseded_by_number = successor.number;
            self.successor_line = successor.line;
        }
    }

    /// For a record no longer in force: what became of it, and why.
    fn read_closed(&mut self, record: &Record) {
        if self.outcome == "closed" {
            let status = record.status.as_deref().unwrap_or_default();
            self.closed_as = Some(closed_as(status).into());
            self.closed_why = closed_why(record, self);
        }
    }

    /// For a record no longer in force whose sections do not say why: a note anywhere in
    /// its text that opens with its status and says more after a colon ("Deprecated as
    /// of 2025-01-10: the SDK does this now", as a callout above the sections).
    pub(crate) fn read_closing_note(&mut self, text: &str) {
        let Some(status) = self.status.as_deref().filter(|_| self.closed_why.is_none()) else {
            return;
        };
        let status = status
            .split_whitespace()
            .next()
            .unwrap_or_default()
            .to_lowercase();
        if self.outcome != "closed" || status.is_empty() {
            return;
        }
        let text = super::markup::readable_whole(text);
        let note = text.split("\n\n").find_map(|paragraph| {
            // A callout: "> Deprecated as of …: …".
            let paragraph = plain(paragraph.trim().trim_start_matches(['>', ' ']));
            let (head, why) = paragraph.split_once(": ")?;
            let opens =
                head.to_lowercase().starts_with(&status) && head.split_whitespace().count() <= 6;
            (opens && why.split_whitespace().count() >= 3).then(|| why.trim().to_string())
        });
        self.closed_why = note.and_then(|why| without_record_talk(&why));
    }
}

/// The record that replaced another, as a message about the old one names it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Successor {
    pub title: String,
    pub number: Option<u32>,
    /// Its bottom line: what it decided.
    pub line: Option<String>,
}

impl Successor {
    /// What `record` decided, read as a message reads it.
    pub(crate) fn of(record: &Record, today: NaiveDate) -> Successor {
        let brief = Brief::from_record(record, &record.path, today, None);
        let line = match brief.outcome.as_str() {
            "decided" | "looked-back" => brief.decided_line.clone(),
            _ => None,
        };
        Successor {
            title: plain(&record.title),
            number: record.number,
            line,
        }
    }
}

impl Brief {
    /// Read a parsed record. `path` is how the record was named (kept for scripts);
    /// `successor` the record that superseded it, when there is one.
    pub(crate) fn from_record(
        record: &Record,
        path: &Path,
        today: NaiveDate,
        successor: Option<Successor>,
    ) -> Brief {
        // Comments, link definitions and footnotes are markup, not what the record says.
        let record = &super::markup::readable(record);
        let front = |key: &str| record.front_matter.get(key).filter(|v| !v.is_empty());
        let date = |text: &str| NaiveDate::parse_from_str(text, "%Y-%m-%d").ok();
        let mut brief = Brief {
            today,
            title: plain(&record.title),
            path: path.display().to_string(),
            status: record.status.clone(),
            date_text: record.date.map(|d| human_date(d, today)),
            // A record waiting for a decision has a date to decide by, never a review date
            // to announce.
            review_by_text: match record.due() {
                Some((Due::Decision, _)) => None,
                _ => record
                    .review_by
                    .or_else(|| front("review-by").and_then(date))
                    .map(|d| human_date(d, today)),
            },
            decide_by_text: record
                .decide_by
                .or_else(|| front("decide-by").and_then(date))
                .map(|d| human_date(d, today)),
            decision_makers: record.decision_makers.clone(),
            context: first_section(record, &["Context and Problem Statement", "Context"])
                .and_then(|s| first_paragraph(s.body)),
            options: list_items(record, "Considered Options"),
            offers: section_items(record, "Options Offered"),
            open_questions: open_items(record)
                .iter()
                .map(|item| without_owner(item))
                .collect(),
            owners: open_items(record)
                .iter()
                .filter_map(|item| owner(item))
                .collect(),
            impact: record
                .section("Impact Outside the Team")
                .and_then(|s| first_paragraph(s.body)),
            playbook: front("playbook").map(str::to_string),
            front: record.front_matter.clone(),
            dates: record
                .front_matter
                .iter()
                .filter_map(|(key, value)| Some((key.to_string(), human_date(date(value)?, today))))
                .collect(),
            sections: record
                .sections
                .iter()
                .map(|section| {
                    let text = SectionText {
                        paragraph: first_paragraph(section.body),
                        items: bullets(section.body),
                    };
                    (plain(section.heading), text)
                })
                .collect(),
            ..Brief::default()
        };
        brief.follow(successor);
        // The decision's own section first; else the section that carries it under
        // another name ("Proposal", "Proposed Solution", "Preferred Option").
        for heading in DECISION_SECTIONS {
            if brief.chosen.is_some() || brief.decision.is_some() {
                break;
            }
            if let Some(outcome) = record.section(heading) {
                read_decision(&mut brief, outcome);
            }
        }
        brief.without_option_label(record);
        brief.read_consequences(record);
        brief.looked_back = look_back(record, today);
        brief.extended_why = extended_why(record);
        brief.outcome = outcome_of(record, &brief);
        brief.accepted_text = accepted_on(record).map(|date| human_date(date, today));
        brief.read_closed(record);
        // A decided record that words its decision as a proposal ("The proposal is to
        // …", "We would like to suggest …") says what was decided.
        if brief.outcome == "decided"
            && let Some(decision) = &brief.decision
            && let Some(decided) = phrase::as_decided(decision)
        {
            brief.decision = Some(decided);
            brief.decision_listed = None;
        }
        // A decided record whose title is a sentence ("Deprecated functions have no
        // examples") and that says no more: the title states the decision.
        if brief.outcome == "decided"
            && brief.chosen.is_none()
            && brief.decision.is_none()
            && phrase::is_statement(&brief.title)
        {
            let title = brief.title.trim_end_matches(['.', '!']);
            brief.decision = Some(format!("{title}."));
        }
        // A proposal's "chosen" option is what it proposes; nothing is chosen yet.
        if matches!(brief.outcome.as_str(), "proposal" | "investigate") && brief.proposed.is_none()
        {
            brief.proposed = brief.chosen.take();
        }
        brief.phrase(record);
        brief
    }

    /// The consequences of the decision, not those each considered option lists.
    fn read_consequences(&mut self, record: &Record) {
        let mut ancestors: Vec<Section> = Vec::new();
        for section in &record.sections {
            ancestors.retain(|a| a.level < section.level);
            let under_an_option = ancestors.iter().any(|a| {
                let heading = a.heading.to_lowercase();
                heading.contains("considered options") || heading.contains("pros and cons")
            });
            let under_consequences = ancestors
                .iter()
                .any(|a| a.heading.to_lowercase().contains("consequences"));
            ancestors.push(section);
            let heading = section.heading.to_lowercase();
            if !(heading.contains("consequences") || under_consequences) || under_an_option {
                continue;
            }
            // A section's body runs on through its subsections, which are read in turn:
            // its own text is what comes before the first of them.
            let body = own_text(section.body);
            let items = bullets(body);
            if heading_says(&heading, &["negative", "disadvantage", "risk", "cons"]) {
                self.risks.extend(items);
            } else if heading_says(&heading, &["positive", "advantage", "benefit", "pros"]) {
                self.benefits.extend(items);
            } else if items.is_empty() {
                self.other_consequences.extend(first_paragraph(body));
            } else {
                for item in items {
                    sort_consequence(self, item);
                }
            }
        }
    }

    /// Everything a message says in a sentence: the subject, the option, the questions,
    /// the pros and cons, the bottom lines.
    fn phrase(&mut self, record: &Record) {
        let names = names_in(record, &self.options);
        // MADR lists its reasons as sentences; joined after "because" they go on it.
        if let Some(because) = &self.because {
            let parts: Vec<String> = because
                .split("; ")
                .map(|part| names.mid_sentence(part))
                .collect();
            self.because = Some(parts.join("; "));
        }
        self.questions = open_items(record)
            .iter()
            .map(|item| Question {
                item: crate::phrase::open_item(&names.mid_sentence(&without_owner(item))),
                owner: owner_name(item),
            })
            .collect();
        self.needs = record
            .section("Needed From Outside the Team")
            .and_then(|s| first_paragraph(s.body));
        self.waits_for_ok = self
            .needs
            .as_deref()
            .is_some_and(crate::coach::information::asks_for_an_ok);
        self.signal = section_items(record, "Forecast")
            .iter()
            .find_map(|item| item.strip_prefix("It was wrong if: "))
            .map(|signal| signal.trim_end_matches('.').to_string());
        self.plain_words = section_items(record, "In Plain Words")
            .iter()
            .filter_map(|item| {
                let (term, plain) = item.split_once(": ")?;
                let plain = plain.trim().trim_end_matches('.');
                (!term.trim().is_empty() && !plain.is_empty())
                    .then(|| (term.trim().to_string(), plain.to_string()))
            })
            .collect();
        let option = self.chosen.clone().or_else(|| self.proposed.clone());
        if let Some(option) = &option {
            (self.pros, self.cons) = pros_and_cons(record, option);
        }
        if let Some(fallback) = self.fallback.take() {
            let said = phrase::choice(&fallback, &names);
            self.fallback_action = said.action;
            let is_option = self
                .options
                .iter()
                .any(|o| o.eq_ignore_ascii_case(&fallback));
            self.fallback = Some(if said.action || is_option {
                said.text
            } else {
                fallback
            });
        }
        let subject = subject(record, &self.title, &names);
        let chosen = self.chosen.as_deref().map(|c| phrase::choice(c, &names));
        let proposed = self.proposed.as_deref().map(|p| phrase::choice(p, &names));
        let mut lines = phrase::lines(
            &subject,
            chosen.as_ref(),
            proposed.as_ref(),
            self.decision.as_deref(),
            self.decide_by_text.as_deref(),
        );
        // A yes-or-no question answered with the change it asks about is said as what
        // will happen ("We'll move our services into one repository"), not as an option
        // chosen "on whether we move …".
        if let Some(plan) = self
            .chosen
            .as_deref()
            .filter(|chosen| chosen_is_the_change(record, chosen))
            .and_then(|_| phrase::whether_plan(&subject.text))
        {
            lines.decided = Some(format!("We'll {plan}"));
        }
        self.bottom_line = lines
            .decided
            .clone()
            .unwrap_or_else(|| phrase::decided_on(&subject));
        self.whole_decision = match (&self.chosen, &self.decision, &lines.decided) {
            (None, Some(decision), Some(_)) => {
                Some(phrase::sentence_case(decision.trim().trim_end_matches('.')))
            }
            _ => None,
        };
        let said = chosen.or(proposed);
        self.choice = said.as_ref().map(|c| c.text.clone());
        self.choice_action = said.is_some_and(|c| c.action);
        self.choice_plain = self
            .choice
            .as_deref()
            .and_then(|choice| in_plain_words(choice, &self.plain_words));
        self.subject = subject.text;
        self.subject_kind = subject.kind.key().to_string();
        self.decided_line = lines.decided;
        self.deciding_line = lines.deciding;
        self.leaning_line = lines.leaning;
        self.decision_name = lines.decision_name;
        self.proposal_name = lines.proposal_name;
        if let Some(title) = self.superseded_by.clone() {
            self.name_successor(&title);
        }
    }
}

impl Brief {
    /// How each reader hears of the record that replaced this one, titled `title`.
    fn name_successor(&mut self, title: &str) {
        let number = self.superseded_by_number;
        // A successor with the record's own title named by it would read "the decision
        // on X was superseded by the decision on X": its number tells them apart.
        if plain(title).eq_ignore_ascii_case(&self.title) {
            let later = "a later decision on the same subject".to_string();
            self.replaced_by = Some(match number {
                Some(number) => format!("ADR {number}, {later}"),
                None => later.clone(),
            });
            self.successor_ref = self.replaced_by.clone();
            self.successor_plain = Some(later);
            return;
        }
        // A link's text that is no title ("ADR 16", "#66", "org/repo#66") is said as
        // written, to those who can follow it.
        let reference = title.contains(['#', '/'])
            || title
                .split_whitespace()
                .last()
                .is_some_and(|w| w.chars().all(|c| c.is_ascii_digit()));
        if reference {
            self.replaced_by = Some(format!("\"{title}\""));
            self.successor_ref = self.replaced_by.clone();
            return;
        }
        let subject = phrase::subject(title, &phrase::Names::default());
        let name = phrase::lines(&subject, None, None, None, None).decision_name;
        self.successor_ref = Some(match number {
            Some(number) => format!("ADR {number}, {name}"),
            None => name.clone(),
        });
        self.successor_plain = Some(name.clone());
        self.replaced_by = Some(name);
    }
}

/// The longest option name said in plain words: a name is a few words, and the jargon
/// check takes time in proportion to the text times the word list, so a record whose
/// "option" is a page of text is not held up by it.
const PLAIN_NAME_MAX_CHARS: usize = 200;

/// `text` in the lead's plain words, when that leaves nothing a reader outside
/// engineering would need explained.
fn in_plain_words(text: &str, plain_words: &[(String, String)]) -> Option<String> {
    if text.len() > PLAIN_NAME_MAX_CHARS {
        return None;
    }
    let said = crate::coach::words::translate(text, plain_words);
    let jargon = crate::coach::words::embedded().excusing(plain_words);
    jargon.find(&said).is_empty().then_some(said)
}

/// The words of the record's own text (not the quotes it cites), and its options' names.
fn names_in(record: &Record, options: &[String]) -> phrase::Names {
    let mut names = phrase::Names::default();
    // A title's own capitals say nothing (Title Case gives every word one); its words
    // in lower case do.
    names.learn_lower_case(&plain(&record.title));
    for section in &record.sections {
        let heading = section.heading.to_lowercase();
        let cited = ["references", "framing", "more information"]
            .iter()
            .any(|h| heading.contains(h));
        if section.level == 2 && !cited {
            names.learn(section.body);
        }
    }
    names.options(options.iter().map(String::as_str));
    names
}

/// The pros and cons of `option` from its own section (`### PostgreSQL` under the pros and
/// cons of the options), without MADR's "Good, because" and "Bad, because".
fn pros_and_cons(record: &Record, option: &str) -> (Vec<String>, Vec<String>) {
    let (mut pros, mut cons) = (Vec::new(), Vec::new());
    let Some(section) = record
        .sections
        .iter()
        .find(|s| s.level >= 3 && plain(s.heading).eq_ignore_ascii_case(option))
    else {
        return (pros, cons);
    };
    for item in bullets(section.body) {
        let lower = item.to_lowercase();
        if lower.starts_with("good, because ") {
            pros.push(phrase::from_because(&item["good, because ".len()..]));
        } else if lower.starts_with("bad, because ") {
            cons.push(phrase::from_because(&item["bad, because ".len()..]));
        } else if lower.starts_with("good: ") {
            pros.push(item["good: ".len()..].to_string());
        } else if lower.starts_with("bad: ") {
            cons.push(item["bad: ".len()..].to_string());
        }
    }
    (pros, cons)
}

/// What a record is about. Our other playbooks title their records "Deadline: ...",
/// "Delegate: ...": the subject is what follows the prefix. Any other title is read for
/// what it names ([`phrase::subject`]).
fn subject(record: &Record, title: &str, names: &phrase::Names) -> phrase::Subject {
    let playbook = record.front_matter.get("playbook");
    match (playbook, title.split_once(": ")) {
        (Some(id), Some((_, rest))) if id != "decision" && !rest.trim().is_empty() => {
            let subject = phrase::subject(rest.trim(), names);
            if subject.kind == phrase::Kind::Question {
                subject
            } else {
                phrase::Subject {
                    kind: phrase::Kind::Topic,
                    text: names.mid_sentence(rest.trim()),
                }
            }
        }
        _ => phrase::subject(title, names),
    }
}

/// The latest look-back in `record`: the `## Outcome (DATE)` section with the latest date,
/// its fields read by the labels `decide review` writes them with.
/// The reason of the latest extension (`## Time-box Extended (DATE)`, with "* Time-box
/// extended to DATE, because WHY"); empty when none was given.
fn extended_why(record: &Record) -> Option<String> {
    let section = record
        .sections
        .iter()
        .rev()
        .find(|s| s.heading.starts_with("Time-box Extended"))?;
    let line = bullets(section.body)
        .into_iter()
        .find(|item| item.starts_with("Time-box extended to"))?;
    Some(
        line.split_once(", because ")
            .map(|(_, why)| why.trim_end_matches('.').trim().to_string())
            .unwrap_or_default(),
    )
}

fn look_back(record: &Record, today: NaiveDate) -> Option<LookBack> {
    let (date, section) = record
        .sections
        .iter()
        .filter_map(|s| Some((crate::record::parse::outcome_date(s.heading.trim())?, s)))
        .max_by_key(|(date, _)| *date)?;
    let mut found = LookBack {
        date_text: human_date(date, today),
        ..LookBack::default()
    };
    for item in bullets(section.body) {
        let Some((label, value)) = item.split_once(':') else {
            continue;
        };
        let value = value.trim();
        let given = (!value.is_empty()).then(|| value.to_string());
        match label.trim().to_lowercase().as_str() {
            "what happened" => found.happened = given,
            "what we learnt" => found.learnt = given,
            "did the signal appear" => found.signal_seen = Some(value.starts_with("yes")),
            "next review by" => {
                found.next_review_text = NaiveDate::parse_from_str(value, "%Y-%m-%d")
                    .ok()
                    .map(|d| human_date(d, today));
            }
            "did it hold up" => {
                // "yes: it coped" as the lead typed it, or "yes, it coped" as the record
                // writes it.
                let after_word = value.split_once(", ").filter(|(word, _)| {
                    matches!(
                        word.trim().to_lowercase().as_str(),
                        "yes" | "no" | "partly" | "mostly" | "not really"
                    )
                });
                let (answer, why) = value.split_once(':').or(after_word).unwrap_or((value, ""));
                found.held_up = answer.trim().to_lowercase();
                found.why = Some(why.trim().to_string()).filter(|w| !w.is_empty());
            }
            _ => {}
        }
    }
    (!found.held_up.is_empty()).then_some(found)
}

/// How our nygard template opens a proposal's `## Decision`.
const NYGARD_LEANING: &str = crate::record::nygard_finish::LEANING;

/// Our nygard template's proposal, where adr-tools has no place for a proposed option:
/// "Nothing is decided yet. We lean towards X, because Y, and decide by Z, once we know:"
/// over the open questions ([`open_items`] reads those). Read into the brief as MADR's
/// proposal would be; whether it was.
fn read_leaning(brief: &mut Brief, first: &str) -> bool {
    const DECIDE_BY: &str = ", and decide by ";
    let Some(rest) = first.strip_prefix(NYGARD_LEANING) else {
        return false;
    };
    let Some((name, after)) = rest.split_once(", because ") else {
        return false;
    };
    brief.proposed = Some(name.trim().to_string());
    let because = after.split_once(DECIDE_BY).map_or(after, |(b, _)| b);
    brief.because = Some(because.trim().trim_end_matches('.').to_string());
    true
}

/// Our nygard template's decision, where adr-tools has no place for the chosen option:
/// "We will go with X, because Y." Read into the brief as MADR's `Chosen option` would be;
/// whether it was.
fn read_going_with(brief: &mut Brief, first: &str) -> bool {
    let Some((name, because)) = first
        .strip_prefix(crate::record::nygard_finish::GOING_WITH)
        .and_then(|rest| rest.split_once(", because "))
    else {
        return false;
    };
    brief.chosen = Some(name.trim().to_string());
    // The reason is the rest of its sentence; the fallback, when there is one, follows it
    // on the same line ("If it doesn't work, we'll switch to Z.").
    let (because, after) = because.split_once(". ").unwrap_or((because, ""));
    brief.because = Some(because.trim().trim_end_matches('.').to_string());
    let after = plain(after);
    if let Some(fallback) = after.strip_prefix("If it doesn't work, we'll ") {
        let fallback = fallback.strip_prefix("switch to ").unwrap_or(fallback);
        brief.fallback = Some(fallback.trim().trim_end_matches('.').trim().to_string());
    }
    true
}

/// The day a proposal that waited for someone's answer was accepted: the date of its
/// `## Proposal Accepted (…)` section.
fn accepted_on(record: &Record) -> Option<NaiveDate> {
    record.sections.iter().find_map(|s| {
        let date = s
            .heading
            .strip_prefix(crate::record::accept::ACCEPTED_HEADING)?
            .trim()
            .strip_prefix('(')?
            .strip_suffix(')')?;
        NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()
    })
}

/// Where a record stands, from its status, or from our own `outcome:` when it has one.
fn outcome_of(record: &Record, brief: &Brief) -> String {
    let status = record.status.as_deref().unwrap_or_default().to_lowercase();
    // Reverted, withdrawn, replaced… no longer hold, as superseded and deprecated do; a
    // proposal declined never held.
    if crate::record::parse::NO_LONGER_IN_FORCE
        .iter()
        .chain(TURNED_DOWN)
        .any(|c| status.starts_with(c))
    {
        return "closed".into();
    }
    if status.contains("hold") || status.contains("paused") {
        return "on-hold".into();
    }
    if brief.looked_back.is_some() {
        return "looked-back".into();
    }
    if let Some(outcome) = record.front_matter.get("outcome").filter(|o| !o.is_empty()) {
        // A proposal that waited for someone's answer and was accepted is decided, though
        // an older `decide status` left its outcome as it was.
        let waited = matches!(outcome.to_lowercase().as_str(), "proposal" | "options");
        if waited && status == "accepted" {
            return "decided".into();
        }
        return outcome.to_lowercase();
    }
    let proposed = [
        "proposed",
        "draft",
        "pending",
        "open",
        "in progress",
        "under review",
        "in review",
        "review",
        "request-for-comment",
        "request for comment",
        "rfc",
        "under discussion",
        "discussion",
        "wip",
        "work in progress",
    ];
    if proposed.iter().any(|p| status.starts_with(p)) {
        return if brief.decide_by_text.is_some() {
            "investigate".into()
        } else {
            "proposal".into()
        };
    }
    if status.is_empty() && brief.chosen.is_none() && brief.decision.is_none() {
        // Nothing says it was decided: say no more than the record does.
        return "proposal".into();
    }
    "decided".into()
}

impl Brief {
    /// A decision that names an option by its label ("Option D", "Option 2: Introduce a
    /// parameter", "Option 1A was chosen - users manage their volumes"), or a chosen option
    /// that is one ("Option 1", "(3)", "3. GitHub"): the label means nothing without the
    /// record. The words after it are the decision; a bare label is the option of that
    /// name, from the heading or list item that gives it one, or by its place in the list.
    fn without_option_label(&mut self, record: &Record) {
        for slot in [Slot::Chosen, Slot::Proposed] {
            let Some(name) = self.slot(slot).clone() else {
                continue;
            };
            let name = without_enumerator(&name).to_string();
            let resolved = bare_label(&name)
                .and_then(|label| self.option_by_label(record, &label))
                .unwrap_or(name);
            *self.slot(slot) = Some(resolved);
        }
        if self.chosen.is_some() {
            return;
        }
        let Some((label, rest)) = self.decision.as_deref().and_then(option_label) else {
            return;
        };
        let mut rest = rest.trim_start_matches(label_separator);
        for chosen in ["was chosen", "is chosen", "was selected", "has been chosen"] {
            if let Some(after) = rest.strip_prefix(chosen) {
                rest = after.trim_start_matches(label_separator);
            }
        }
        let qualifies = rest.starts_with("with ") || rest.starts_with('(');
        if rest.split_whitespace().count() >= 3 && !qualifies {
            let mut chars = rest.chars();
            let said = chars
                .next()
                .map(|c| c.to_uppercase().chain(chars).collect::<String>());
            self.decision = said;
            self.decision_listed = None;
            return;
        }
        if let Some(name) = self.option_by_label(record, &label) {
            self.chosen = Some(name);
            self.decision = None;
            self.decision_listed = None;
        }
    }

    fn slot(&mut self, slot: Slot) -> &mut Option<String> {
        match slot {
            Slot::Chosen => &mut self.chosen,
            Slot::Proposed => &mut self.proposed,
        }
    }

    /// The option a label names: a heading or an option "Option D: …" (its first part),
    /// else, for a number, the option in that place of the list.
    fn option_by_label(&self, record: &Record, label: &str) -> Option<String> {
        let named = record
            .sections
            .iter()
            .map(|section| plain(section.heading))
            .chain(self.options.iter().cloned())
            .find_map(|name| {
                let (other, rest) = option_label(&name)?;
                let rest = rest.trim_start_matches(label_separator);
                let rest = rest.trim_start_matches(')').trim();
                // An option whose details are joined after it: its first detail names it.
                let first = rest.split("; ").next().unwrap_or(rest).trim();
                (other.eq_ignore_ascii_case(label) && first.split_whitespace().count() >= 2)
                    .then(|| first.trim_end_matches(['.', ';']).to_string())
            });
        named.or_else(|| {
            let place: usize = label.parse().ok()?;
            let option = self.options.get(place.checked_sub(1)?)?;
            let option = without_enumerator(option).trim_end_matches('.');
            (bare_label(option).is_none()).then(|| option.to_string())
        })
    }
}

#[derive(Clone, Copy)]
enum Slot {
    Chosen,
    Proposed,
}

/// What separates an option's label from its name: "Option D: …", "Option 2 - …".
fn label_separator(c: char) -> bool {
    matches!(c, ':' | ',' | '-' | '–' | '—' | '.' | ' ')
}

/// "Option D: …" as ("D", ": …"): a label of at most three letters or digits.
fn option_label(text: &str) -> Option<(String, &str)> {
    let rest = text
        .strip_prefix("Option ")
        .or_else(|| text.strip_prefix("option "))?;
    let rest = rest.strip_prefix('(').unwrap_or(rest);
    let label: String = rest.chars().take_while(|c| c.is_alphanumeric()).collect();
    let after = rest[label.len()..]
        .strip_prefix(')')
        .unwrap_or(&rest[label.len()..]);
    (!label.is_empty() && label.chars().count() <= 3).then(|| (label.clone(), after))
}

/// A chosen option that is nothing but a label: "Option 1", "option (3)", "(3)", "2".
fn bare_label(name: &str) -> Option<String> {
    let name = name.trim().trim_end_matches('.');
    if let Some((label, rest)) = option_label(name) {
        return rest.trim().is_empty().then_some(label);
    }
    let label = name.trim_start_matches('(').trim_end_matches(')');
    (!label.is_empty() && label.len() <= 2 && label.chars().all(|c| c.is_ascii_digit()))
        .then(|| label.to_string())
}

/// An option's name without the number a numbered list gave it: "3. GitHub" is "GitHub",
/// "2) Keep it" is "Keep it"; a name that is all number stays.
fn without_enumerator(name: &str) -> &str {
    let name = name.trim();
    let digits = name.chars().take_while(char::is_ascii_digit).count();
    if digits == 0 || digits > 2 {
        return name;
    }
    let rest = &name[digits..];
    match rest.strip_prefix(". ").or_else(|| rest.strip_prefix(") ")) {
        Some(rest) if !rest.trim().is_empty() => rest.trim(),
        _ => name,
    }
}

/// The sections a decision is read from, in order: MADR's and adr-tools' own, then the
/// names other logs give the section that carries it.
const DECISION_SECTIONS: &[&str] = &[
    "Decision Outcome",
    "Decision",
    "Proposal",
    "Proposed Solution",
    "Preferred Option",
    "Chosen Solution",
    "Solution",
    "Resolution",
];

/// The decision from `section`: its first paragraph, or a list of its own.
fn read_decision(brief: &mut Brief, section: Section<'_>) {
    read_outcome(brief, section);
    if brief.chosen.is_none() && brief.proposed.is_none() && brief.decision.is_none() {
        // A decision written as a list: each item is part of it.
        let items = bullets(section.body);
        if !items.is_empty() {
            brief.decision = Some(join_items(&items));
            brief.decision_listed = Some(Listed { lead: None, items });
        }
    }
}

/// Statuses of a proposal turned down: it never held.
const TURNED_DOWN: &[&str] = &["rejected", "declined", "withdrawn", "abandoned", "refused"];

/// What became of a record no longer in force, by its status: `rejected` (it never held),
/// `reverted`, `superseded` or `deprecated`.
fn closed_as(status: &str) -> &'static str {
    let status = status.to_lowercase();
    let is = |words: &[&str]| words.iter().any(|w| status.starts_with(w));
    if is(TURNED_DOWN) {
        "rejected"
    } else if is(&["reverted", "revoked", "rolled back"]) {
        "reverted"
    } else if is(&["superseded", "replaced"]) {
        "superseded"
    } else {
        // Deprecated, retired, obsolete: it held, and is being phased out.
        "deprecated"
    }
}

/// Why a record no longer holds, or what that means now, where the record says it: the
/// rest of its status, a section that gives the reason, or, for a proposal turned down, a
/// decision that says no. Talk about the record itself ("This ADR is kept for history")
/// is left out.
fn closed_why(record: &Record, brief: &Brief) -> Option<String> {
    let from_status = record
        .section("Status")
        .map(|s| s.body.to_string())
        .or_else(|| record.status_written.clone())
        .and_then(|text| after_status(&text));
    let from_section = || {
        record.sections.iter().find_map(|section| {
            let heading = section.heading.to_lowercase();
            let gives_reason = [
                "reason", "reject", "declin", "deprecat", "why not", "revert",
            ]
            .iter()
            .any(|w| heading.contains(w));
            gives_reason
                .then(|| first_paragraph(section.body))
                .flatten()
        })
    };
    let says_no = || {
        if closed_as(record.status.as_deref().unwrap_or_default()) != "rejected" {
            return None;
        }
        let decision = brief.decision.as_deref()?;
        let lower = format!(" {} ", decision.to_lowercase());
        [
            " not ",
            "n't ",
            " no ",
            " too ",
            " against ",
            " instead",
            "reject",
            "declin",
            " little value",
            " no value",
            "unnecessary",
        ]
        .iter()
        .any(|w| lower.contains(w))
        .then(|| decision.to_string())
    };
    from_status
        .or_else(from_section)
        .or_else(says_no)
        .and_then(|why| without_record_talk(&why))
}

/// What a status says after its word: "Superseded — the migration is complete" says
/// "the migration is complete". What names the successor ("by [ADR 5](…)", "in favour
/// of …") is left out, as is an aside in brackets; paragraphs after the status line go
/// on it.
fn after_status(text: &str) -> Option<String> {
    let mut paragraphs = text.split("\n\n").map(str::trim).filter(|p| !p.is_empty());
    let first = plain(paragraphs.next()?);
    let rest_of_first = first
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .split_once(char::is_whitespace)
        .map(|(_, rest)| rest.trim())
        .unwrap_or_default();
    let lower = rest_of_first.to_lowercase();
    let names_successor = ["by ", "in favour of", "in favor of", "with ", "to "]
        .iter()
        .any(|w| lower.starts_with(w));
    let mut said: Vec<String> = Vec::new();
    if !names_successor && !rest_of_first.starts_with('(') {
        let rest = rest_of_first
            .trim_start_matches(|c: char| !c.is_alphanumeric() && c != '`')
            .trim();
        if rest.split_whitespace().count() >= 3 {
            said.push(rest.to_string());
        }
    }
    for paragraph in paragraphs {
        if let Some(text) = first_paragraph(paragraph) {
            said.push(text);
        }
    }
    let text = said.join(" ");
    (!text.is_empty()).then_some(text)
}

/// `text` without its sentences about the record itself ("This ADR is retained for
/// historical context", "see the record"): a message says what was decided.
fn without_record_talk(text: &str) -> Option<String> {
    let text = without_pointers(&text.replace("..", ".").replace("..", "."));
    let kept: Vec<&str> = text
        .split_inclusive(". ")
        .filter(|sentence| {
            let lower = sentence.to_lowercase();
            let names_a_record = lower
                .split(|c: char| !c.is_alphanumeric())
                .any(|word| word == "adr" || word == "adrs");
            // "See #2384." points elsewhere; a message cannot follow it.
            let points_away = lower.starts_with("see ");
            !names_a_record
                && !points_away
                && !["this record", "decision record", "historical context"]
                    .iter()
                    .any(|w| lower.contains(w))
        })
        .collect();
    let text = kept.concat().trim().to_string();
    (!text.is_empty() && !says_nothing(&text)).then_some(text)
}

/// An open question without the "(Ana finds out)" the record adds.
fn without_owner(item: &str) -> String {
    match item.rsplit_once(" (") {
        Some((what, who)) if who.ends_with(" finds out)") => what.to_string(),
        _ => item.to_string(),
    }
}

/// "Ana", from "licence cost (Ana finds out)".
fn owner_name(item: &str) -> Option<String> {
    let (_, who) = item.rsplit_once(" (")?;
    Some(who.strip_suffix(" finds out)")?.trim().to_string())
}

/// "Ana finds out licence cost", from "licence cost (Ana finds out)".
fn owner(item: &str) -> Option<String> {
    let (what, who) = item.rsplit_once(" (")?;
    let who = who.strip_suffix(" finds out)")?;
    Some(format!("{who} finds out {what}"))
}

fn first_section<'r>(record: &'r Record, headings: &[&str]) -> Option<Section<'r>> {
    headings.iter().find_map(|h| record.section(h))
}

/// What is still to find out: a proposal's or a decision's `Open Questions`, or, on a
/// proposal that `decide review` finished, the questions it was decided without
/// (`* Exit terms: still open when we decided` under `Questions Before Deciding`).
fn open_items(record: &Record) -> Vec<String> {
    const DECIDED_WITHOUT: &str = ": still open when we decided";
    let open = section_items(record, "Open Questions");
    if !open.is_empty() {
        return open;
    }
    // Our nygard template lists them under the proposal in its `## Decision`.
    if let Some(decision) = record.section("Decision")
        && decision.body.trim_start().starts_with(NYGARD_LEANING)
    {
        return first_paragraph_listed(decision.body)
            .and_then(|(_, listed)| listed)
            .map(|listed| listed.items)
            .unwrap_or_default();
    }
    section_items(record, "Questions Before Deciding")
        .iter()
        .filter_map(|item| item.strip_suffix(DECIDED_WITHOUT))
        .map(str::to_string)
        .collect()
}

/// A section's list items, bulleted or numbered.
fn list_items(record: &Record, heading: &str) -> Vec<String> {
    record
        .section(heading)
        .map(|s| {
            let lines: Vec<&str> = s.body.lines().collect();
            bullets(&numbered_as_bullets(&lines))
        })
        .unwrap_or_default()
}

/// Whether `chosen` is the option that changes things: the record weighs each option's
/// impact on the timeline, and another option takes no extra time (it is what we have
/// today) while this one does.
fn chosen_is_the_change(record: &Record, chosen: &str) -> bool {
    const IMPACT: &str = "Impact on the timeline, ";
    const NONE: &str = "no extra time";
    let impacts: Vec<(String, String)> = section_items(record, "Decision Framing")
        .iter()
        .filter_map(|item| item.strip_prefix(IMPACT)?.split_once(": "))
        .map(|(option, time)| (plain(option), plain(time)))
        .collect();
    let takes_time = impacts
        .iter()
        .any(|(option, time)| option.eq_ignore_ascii_case(chosen) && time != NONE);
    let another_takes_none = impacts
        .iter()
        .any(|(option, time)| !option.eq_ignore_ascii_case(chosen) && time == NONE);
    takes_time && another_takes_none
}

fn section_items(record: &Record, heading: &str) -> Vec<String> {
    record
        .section(heading)
        .map(|s| bullets(s.body))
        .unwrap_or_default()
}

fn read_outcome(brief: &mut Brief, outcome: Section<'_>) {
    // The outcome's own text stops at its first sub-heading ("### Consequences").
    let own: String = outcome
        .body
        .lines()
        .take_while(|line| !line.trim_start().starts_with('#'))
        .collect::<Vec<_>>()
        .join("\n");
    for line in own.lines() {
        let line = plain(line);
        let fallback = line
            .strip_prefix("If it doesn't work, we'll switch to ")
            .or_else(|| line.strip_prefix("If it doesn't work, we'll "));
        if let Some(rest) = fallback {
            brief.fallback = Some(rest.trim_end_matches('.').trim().to_string());
        }
        if let Some((_, step)) = line
            .strip_prefix("First step")
            .and_then(|rest| rest.split_once(": "))
        {
            brief.first_step = Some(step.trim_end_matches('.').trim().to_string());
        }
    }
    let Some((first, listed)) = first_paragraph_listed(&own) else {
        return;
    };
    if read_leaning(brief, &first) || read_going_with(brief, &first) {
        return;
    }
    let chosen = chosen_option(&first);
    let (slot, rest) = if let Some(rest) = chosen {
        (&mut brief.chosen, rest)
    } else if let Some(rest) = first.strip_prefix("Proposed option: ") {
        (&mut brief.proposed, rest)
    } else {
        if !first.starts_with("If it doesn't work") && !first.starts_with("First step") {
            brief.decision = Some(first);
            brief.decision_listed = listed;
        }
        return;
    };
    // `Chosen option: _"X"_`: the emphasis is not part of the name.
    let rest = rest.trim_start_matches(['_', '*']);
    let (name, after) = match rest.strip_prefix('"') {
        Some(quoted) => match quoted.split_once('"') {
            Some((name, after)) => (name.to_string(), after),
            None => (quoted.to_string(), ""),
        },
        // Unquoted, the name ends at its clause or its sentence: "Option 1, because …",
        // "(3). Reasons are …".
        None => match [rest.find(','), rest.find(". ")]
            .into_iter()
            .flatten()
            .min()
        {
            Some(at) => (
                rest[..at].trim_end_matches('.').to_string(),
                rest[at..].trim_start_matches('.'),
            ),
            None => (rest.trim_end_matches('.').to_string(), ""),
        },
    };
    *slot = Some(name.trim().to_string());
    // The reason is the rest of its sentence: what follows is the record talking.
    let because = after
        .trim_start_matches([',', ' ', '_', '*'])
        .strip_prefix("because")
        .map(|b| {
            let sentence = b.split(". ").next().unwrap_or(b);
            sentence.trim().trim_end_matches('.').trim().to_string()
        });
    brief.because = match because {
        // MADR 4 puts the reasons in a list after a bare "because".
        Some(b) if b.is_empty() => {
            let reasons = bullets(&own);
            (!reasons.is_empty()).then(|| {
                reasons
                    .iter()
                    .map(|r| r.trim_end_matches('.').to_string())
                    .collect::<Vec<_>>()
                    .join("; ")
            })
        }
        other => other,
    };
}

/// What follows "Chosen option:" (also "Chosen options:", "Choosen Option:", "Selected
/// option:"), when the line opens with it.
fn chosen_option(line: &str) -> Option<&str> {
    let lower = line.to_lowercase();
    ["chosen option", "choosen option", "selected option"]
        .iter()
        .find(|head| lower.starts_with(*head))
        .map(|head| {
            // "Chosen options:", "Chosen Option (3).": the label or name after it.
            let rest = &line[head.len()..];
            let rest = rest.strip_prefix('s').unwrap_or(rest);
            rest.strip_prefix(':').unwrap_or(rest).trim_start()
        })
        .filter(|rest| !rest.is_empty())
}

/// Whether a heading has one of `words` as a word of its own, or, for longer words, their
/// start (`Disadvantages over X` says "disadvantage"; `Consequences` does not say "cons").
fn heading_says(heading: &str, words: &[&str]) -> bool {
    heading.split(|c: char| !c.is_alphanumeric()).any(|word| {
        words
            .iter()
            .any(|w| word == *w || (w.len() > 4 && word.starts_with(w)))
    })
}

/// A section's text before its first subsection's heading.
fn own_text(body: &str) -> &str {
    let mut offset = 0;
    for line in body.split_inclusive('\n') {
        if line.starts_with('#') {
            return &body[..offset];
        }
        offset += line.len();
    }
    body
}

fn sort_consequence(brief: &mut Brief, item: String) {
    let lower = item.to_lowercase();
    if lower.starts_with("good, because ") {
        brief
            .benefits
            .push(item["good, because ".len()..].to_string());
    } else if lower.starts_with("bad, because ") {
        brief.risks.push(item["bad, because ".len()..].to_string());
    } else if lower.starts_with("neutral, because ") {
        brief
            .other_consequences
            .push(item["neutral, because ".len()..].to_string());
    } else {
        brief.other_consequences.push(item);
    }
}

/// The first paragraph that is prose (not a list, quote, table or heading), as one line.
/// A paragraph that introduces what follows with a colon keeps it: the list's items
/// joined into the sentence, or, for a table or code, a pointer to the record, so no
/// sentence is left hanging on its colon.
fn first_paragraph(body: &str) -> Option<String> {
    first_paragraph_listed(body).map(|(text, _)| text)
}

/// [`first_paragraph`], with the list it introduces kept apart when it introduces one:
/// the sentence before the colon and the list's items.
fn first_paragraph_listed(body: &str) -> Option<(String, Option<Listed>)> {
    let lines: Vec<&str> = body.lines().collect();
    let mut paragraph: Vec<String> = Vec::new();
    let mut in_list = false;
    let mut in_code = false;
    let mut end = lines.len();
    for (index, line) in lines.iter().enumerate() {
        let trimmed = line.trim();
        // A code block's lines are code, whatever they look like.
        let fence = trimmed.starts_with("```") || trimmed.starts_with("~~~");
        if fence {
            in_code = !in_code;
        }
        // "**Bold**" opens a sentence; "* item" opens a list.
        let marker = trimmed.starts_with(['*', '-', '+'])
            && trimmed.chars().nth(1).is_none_or(char::is_whitespace);
        let structural = marker
            || fence
            || in_code
            || trimmed.starts_with(['>', '|', '#'])
            || (trimmed.chars().next().is_some_and(|c| c.is_ascii_digit())
                && trimmed.contains(". "));
        // An indented line after a list item goes on with the item, and so does any line
        // right under it (Markdown's lazy continuation: `- split the tables by\nregion`).
        let continues_item = in_list
            && (line.starts_with([' ', '\t'])
                || index
                    .checked_sub(1)
                    .is_some_and(|i| !lines[i].trim().is_empty()));
        if !trimmed.is_empty() {
            in_list = structural || continues_item;
        }
        if trimmed.is_empty() || structural || continues_item {
            if !paragraph.is_empty() {
                end = index;
                break;
            }
            continue;
        }
        paragraph.push(trimmed.to_string());
    }
    // Read whole, not line by line: a link's text may run over a line break.
    let text = plain(&paragraph.join(" "));
    if text.is_empty() || says_nothing(&text) {
        return None;
    }
    // A sentence left unfinished before a list ("we will build on X and;", "Therefore,
    // we should") is finished by it, as one that ends with a colon is.
    let before_list = lines[end..]
        .iter()
        .map(|line| line.trim())
        .find(|line| !line.is_empty())
        .is_some_and(is_item);
    let lead = text.strip_suffix(':').or_else(|| {
        // (MADR's bare "because" before its reasons is read with them, in
        // `read_outcome`.)
        let unfinished = !text.ends_with(['.', '!', '?', ')', '"']) && !text.ends_with("because");
        let lead = text.trim_end_matches(';').trim_end();
        let lead = lead
            .strip_suffix(" and")
            .or_else(|| lead.strip_suffix(" or"))
            .unwrap_or(lead);
        (before_list && unfinished).then_some(lead)
    });
    let (said, listed) = match lead {
        Some(lead_in) => {
            let (said, items) = introduced(lead_in, &lines[end..]);
            let listed = (!items.is_empty()).then(|| Listed {
                lead: Some(lead_in.trim_end().to_string()),
                items,
            });
            (said, listed)
        }
        None => (text, None),
    };
    // What points at parts of the record the message leaves out goes with them; a lead-in
    // that only pointed ("To the questions above:") leaves a bare list.
    let said = without_pointers(&said);
    let listed = listed.map(|listed| Listed {
        lead: listed.lead.filter(|lead| said.starts_with(lead.as_str())),
        ..listed
    });
    if said.is_empty() || says_nothing(&said) {
        // Nothing that stands alone ("The zones take these ranges:" over a table): the
        // prose after what it introduced may say it.
        let rest = lines.get(end..).filter(|rest| !rest.is_empty())?;
        return first_paragraph_listed(&rest.join("\n"));
    }
    Some((said, listed))
}

/// Text that stands for no content: `N/A.`, `None`, `TBD`, `-`. A message says what the
/// record says, and these say nothing to pass on as a decision or a consequence.
fn says_nothing(text: &str) -> bool {
    let core = text
        .trim()
        .trim_matches(|c: char| c.is_ascii_punctuation() && c != '/' || c.is_whitespace());
    // A letter or a mark alone ("x", "-", "…") is a placeholder too.
    core.chars().filter(|c| c.is_alphanumeric()).count() < 2
        || [
            "n/a",
            "na",
            "none",
            "nothing",
            "tbd",
            "tbc",
            "todo",
            "to do",
            "to be decided",
            "to be determined",
            "not applicable",
            // A status where the decision should be: it says that, not what.
            "pending",
            "accepted",
            "approved",
            "agreed",
            "implemented",
            "decided",
            "done",
            "yes",
        ]
        .iter()
        .any(|empty| core.eq_ignore_ascii_case(empty))
}

/// `lead_in` (a sentence that ended with a colon) with what `after` it introduces, and the
/// items of the list it introduces (none for a table or code).
fn introduced(lead_in: &str, after: &[&str]) -> (String, Vec<String>) {
    let next = after
        .iter()
        .map(|line| line.trim())
        .find(|line| !line.is_empty())
        .unwrap_or_default();
    if is_item(next) {
        // The list alone, up to the first line that is neither blank nor part of it.
        let start = after
            .iter()
            .position(|line| !line.trim().is_empty())
            .unwrap_or_default();
        // The list alone: its items, their indented or lazy continuation lines, and blank
        // lines between items; it ends at a blank line that no item follows, or at what
        // opens something else.
        let lines = &after[start..];
        let mut taken = 0;
        while let Some(line) = lines.get(taken) {
            let trimmed = line.trim();
            let goes_on = if trimmed.is_empty() {
                lines[taken + 1..]
                    .iter()
                    .map(|l| l.trim())
                    .find(|l| !l.is_empty())
                    .is_some_and(is_item)
            } else {
                is_item(trimmed)
                    || line.starts_with(char::is_whitespace)
                    || !trimmed.starts_with(['#', '|', '>', '`', '~', '<'])
            };
            if !goes_on {
                break;
            }
            taken += 1;
        }
        let list: Vec<&str> = lines[..taken].to_vec();
        let items = bullets(&numbered_as_bullets(&list));
        if !items.is_empty() {
            return (format!("{lead_in}: {}", join_items(&items)), items);
        }
    } else if !next.is_empty() && !next.starts_with(['#', '|', '`', '~', '<', '!']) {
        // A paragraph (or a quote, which says it as well): its sentences up to one that
        // introduces something further.
        let paragraph: Vec<&str> = after
            .iter()
            .map(|line| line.trim().trim_start_matches('>').trim())
            .skip_while(|line| line.is_empty())
            .take_while(|line| !line.is_empty())
            .collect();
        let paragraph = plain(&paragraph.join(" "));
        let said: Vec<&str> = paragraph
            .split_inclusive(". ")
            .take_while(|sentence| !sentence.trim_end().ends_with(':'))
            .collect();
        let said = said.concat();
        let said = said.trim();
        if !said.is_empty() {
            // No list to shorten: the paragraph is said whole.
            let said = if opens_with_placeholder(lead_in) {
                said.to_string()
            } else {
                format!("{lead_in}: {said}")
            };
            return (said, Vec::new());
        }
    }
    (said_without_what_follows(lead_in), Vec::new())
}

/// A lead-in whose table, code or picture a message cannot carry, as a sentence of its own
/// ("Deduplicate the fields and introduce a commit type."); empty when it cannot stand
/// without what it introduced ("The zones take these ranges", "The hosts are").
fn said_without_what_follows(lead_in: &str) -> String {
    const NEEDS_MORE: &[&str] = &[
        "is",
        "are",
        "was",
        "were",
        "be",
        "means",
        "mean",
        "include",
        "includes",
        "including",
        "these",
        "those",
        "this",
        "as",
        "like",
        "namely",
        "follows",
        "e.g",
        "i.e",
        "example",
        "examples",
        "below",
        "here",
        "format",
        "structure",
        "shape",
        "diagram",
        "table",
        "ranges",
        "steps",
        "values",
        "list",
    ];
    // Only the last sentence introduced what is missing; those before it stand.
    let lead_in = lead_in.trim_end().trim_end_matches([',', ';']);
    let (before, lead_in) = match lead_in.rfind(". ") {
        Some(at) => (&lead_in[..=at], lead_in[at + 2..].trim()),
        None => ("", lead_in),
    };
    let last = lead_in
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or_default()
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    let demonstrative = lead_in
        .split_whitespace()
        .any(|w| matches!(w.to_lowercase().as_str(), "these" | "those" | "following"));
    if lead_in.is_empty() || NEEDS_MORE.contains(&last.as_str()) || demonstrative {
        before.trim().to_string()
    } else {
        format!("{before} {lead_in}.").trim().to_string()
    }
}

/// A sentence that starts with a placeholder for what is not decided yet ("TBD, however
/// this proposal suggests"): what it introduces is the content, the opener says nothing.
fn opens_with_placeholder(text: &str) -> bool {
    let first = text
        .split([',', ';', ':', '.', ' '])
        .next()
        .unwrap_or_default();
    says_nothing(first) && first.chars().filter(|c| c.is_alphanumeric()).count() > 1
}

/// A list item's text without its marker: `* a`, `- a`, `+ a`, `1. a`, `1) a`.
fn item_text(line: &str) -> Option<&str> {
    if let Some(rest) = line
        .strip_prefix("* ")
        .or_else(|| line.strip_prefix("- "))
        .or_else(|| line.strip_prefix("+ "))
    {
        return Some(rest);
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 3 {
        return None;
    }
    line[digits..]
        .strip_prefix(". ")
        .or_else(|| line[digits..].strip_prefix(") "))
}

fn is_item(line: &str) -> bool {
    item_text(line).is_some()
}

/// A numbered list's items as bullets, so [`bullets`] reads both kinds.
fn numbered_as_bullets(lines: &[&str]) -> String {
    lines
        .iter()
        .map(|line| match item_text(line) {
            Some(rest) if line.starts_with(|c: char| c.is_ascii_digit()) => format!("* {rest}"),
            _ => (*line).to_string(),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Items as one sentence: "a; b; c", or "A. B." when they are sentences already.
fn join_items(items: &[String]) -> String {
    if items.iter().all(|i| i.ends_with(['.', '!', '?'])) {
        items.join(" ")
    } else {
        items
            .iter()
            .map(|i| i.trim_end_matches([',', ';', '.']))
            .collect::<Vec<_>>()
            .join("; ")
    }
}

/// The top-level items of a list, each whole: lines that continue an item (indented,
/// not a bullet of their own) are joined to it. A nested list is detail a message leaves
/// out, unless its item introduces it with a colon: then its items join the item, so no
/// item is cut in half.
fn bullets(body: &str) -> Vec<String> {
    let mut items: Vec<String> = Vec::new();
    let mut nested_items: Vec<String> = Vec::new();
    let mut in_item = false;
    let mut in_nested = false;
    for line in body.lines() {
        let top = line
            .strip_prefix("* ")
            .or_else(|| line.strip_prefix("- "))
            .or_else(|| line.strip_prefix("+ "));
        if let Some(text) = top {
            close_nested(&mut items, &mut nested_items);
            items.push(text.trim().to_string());
            in_item = true;
            in_nested = false;
            continue;
        }
        let trimmed = line.trim();
        let nested = trimmed.starts_with(['*', '-', '+']) && trimmed.chars().nth(1) == Some(' ');
        // A line right under an item goes on with it even unindented (Markdown's lazy
        // continuation), unless it opens something of its own.
        let lazy = !line.starts_with(char::is_whitespace)
            && !trimmed.is_empty()
            && (in_item || in_nested)
            && !trimmed.starts_with(['#', '|', '>', '`', '~', '<'])
            && !is_item(trimmed);
        if lazy {
            let last = if in_nested {
                nested_items.last_mut()
            } else {
                items.last_mut()
            };
            if let Some(last) = last {
                last.push(' ');
                last.push_str(trimmed);
            }
        } else if trimmed.is_empty() || !line.starts_with(char::is_whitespace) {
            in_item = false;
            in_nested = false;
        } else if nested {
            let introduces = items.last().is_some_and(|last| last.ends_with(':'));
            in_nested = (in_item || in_nested) && introduces;
            in_item = false;
            if in_nested {
                nested_items.push(trimmed[2..].trim().to_string());
            }
        } else if in_nested {
            if let Some(last) = nested_items.last_mut() {
                last.push(' ');
                last.push_str(trimmed);
            }
        } else if in_item && let Some(last) = items.last_mut() {
            last.push(' ');
            last.push_str(trimmed);
        }
    }
    close_nested(&mut items, &mut nested_items);
    items
        .into_iter()
        .map(|item| match item.strip_suffix(':') {
            // Its list was not there to join (a table, a picture): the item alone, if it
            // stands without it.
            Some(lead_in) => said_without_what_follows(&plain(lead_in)),
            None => plain(&item),
        })
        .map(|item| without_pointers(&item))
        .filter(|item| !item.is_empty() && !says_nothing(item))
        .collect()
}

/// The nested items gathered under the last item (which ends with a colon) joined to it.
fn close_nested(items: &mut [String], nested: &mut Vec<String>) {
    if nested.is_empty() {
        return;
    }
    let joined: Vec<String> = nested.drain(..).map(|item| plain(&item)).collect();
    if let Some(last) = items.last_mut() {
        last.push(' ');
        last.push_str(&join_items(&joined));
    }
}

/// Markdown to plain text, as far as a message needs: links become their text, emphasis
/// and code marks go, citation marks like "[1]" go, escapes (`\<`) lose their backslash.
pub(crate) fn plain(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    // Where the next `]` and `)` are from each position, found in one pass from the end:
    // searching afresh from every `[` would take the square of the text's length, and a
    // record of nothing but `[` would take hours.
    let next = |wanted: char| {
        let mut found = vec![None; chars.len() + 1];
        for index in (0..chars.len()).rev() {
            found[index] = if chars[index] == wanted {
                Some(index)
            } else {
                found[index + 1]
            };
        }
        found
    };
    let (next_bracket, next_paren) = (next(']'), next(')'));
    let emphasis = underscore_emphasis(&chars);
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if emphasis[i] {
            i += 1;
            continue;
        }
        // An escaped character is that character, never Markdown.
        if c == '\\'
            && let Some(&next) = chars.get(i + 1)
            && next.is_ascii_punctuation()
        {
            out.push(next);
            i += 2;
            continue;
        }
        if c == '['
            && let Some(close) = next_bracket[i + 1]
        {
            let inner = &chars[i + 1..close];
            let after = close + 1;
            // A citation mark: "[1]", "[12]". (The check stops at the first other
            // character, so a run of `[` costs one look each.)
            if !inner.is_empty() && inner.iter().all(char::is_ascii_digit) {
                while out.ends_with(' ') {
                    out.pop();
                }
                i = after;
                continue;
            }
            // A link: "[text](target)" keeps the text, without its emphasis.
            if chars.get(after) == Some(&'(')
                && let Some(end) = next_paren[after]
            {
                out.extend(inner.iter().filter(|c| !matches!(c, '*' | '`')));
                i = end + 1;
                continue;
            }
            // A reference link: "[text][label]" keeps the text.
            if chars.get(after) == Some(&'[')
                && let Some(end) = next_bracket[after + 1]
                && !chars[after + 1..end].contains(&'[')
            {
                out.extend(inner.iter().filter(|c| !matches!(c, '*' | '`')));
                i = end + 1;
                continue;
            }
            // A task list's box, "[ ]" or "[x]", is no part of the item.
            let task_box = matches!(inner, [' '] | ['x'] | ['X']);
            if task_box && out.trim().is_empty() {
                out.clear();
                i = after;
                while chars.get(i) == Some(&' ') {
                    i += 1;
                }
                continue;
            }
        }
        if let Some(next) = skip_markup(&chars, i, &next_bracket, &next_paren, &mut out) {
            i = next;
            continue;
        }
        if c == '*' || c == '`' {
            i += 1;
            continue;
        }
        if c == '_' && chars.get(i + 1) == Some(&'_') {
            i += 2;
            continue;
        }
        out.push(c);
        i += 1;
    }
    crate::error::one_line(&out)
}

/// Which of `chars` are the underscores of `_emphasis_`: one that opens (after a space or
/// punctuation, before a word) with the first that closes after it (after a word, before
/// a space or punctuation). An underscore inside a word (`snake_case`) is text, as
/// CommonMark reads it, and so is one with nothing to close it.
fn underscore_emphasis(chars: &[char]) -> Vec<bool> {
    let word = |at: Option<&char>| at.is_some_and(|c| c.is_alphanumeric());
    // A double underscore is strong emphasis, read apart by `plain`.
    let single =
        |i: usize| (i == 0 || chars[i - 1] != '_') && chars.get(i + 1).is_none_or(|c| *c != '_');
    let opens = |i: usize| {
        single(i)
            && !word(i.checked_sub(1).and_then(|p| chars.get(p)))
            && chars.get(i + 1).is_some_and(|c| !c.is_whitespace())
    };
    let closes =
        |i: usize| single(i) && i > 0 && !chars[i - 1].is_whitespace() && !word(chars.get(i + 1));
    // The next closing underscore from each position, found in one pass from the end.
    let mut next_close = vec![None; chars.len() + 1];
    for i in (0..chars.len()).rev() {
        next_close[i] = if chars[i] == '_' && closes(i) {
            Some(i)
        } else {
            next_close[i + 1]
        };
    }
    let mut marked = vec![false; chars.len()];
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == '_'
            && opens(i)
            && let Some(close) = next_close.get(i + 2).copied().flatten()
        {
            marked[i] = true;
            marked[close] = true;
            i = close + 1;
            continue;
        }
        i += 1;
    }
    marked
}

/// Where plain text goes on after a picture (`![alt](src)`, `![alt][ref]`, `![alt]`: it
/// says nothing in a message) or an HTML tag (it goes, its text stays; a line break or a
/// block ends a word) at `chars[i]`; `None` when neither starts there.
fn skip_markup(
    chars: &[char],
    i: usize,
    next_bracket: &[Option<usize>],
    next_paren: &[Option<usize>],
    out: &mut String,
) -> Option<usize> {
    if chars[i] == '!' && chars.get(i + 1) == Some(&'[') {
        let close = next_bracket[i + 2]?;
        let after = close + 1;
        return Some(match chars.get(after) {
            Some('(') => next_paren[after].map_or(after, |end| end + 1),
            Some('[') => next_bracket[after + 1].map_or(after, |end| end + 1),
            _ => after,
        });
    }
    if chars[i] != '<' {
        return None;
    }
    let length = super::markup::tag_length(chars, i)?;
    let tag: String = chars[i..i + length]
        .iter()
        .collect::<String>()
        .to_lowercase();
    let block = [
        "<br", "<p", "</p", "<div", "</div", "<li", "<hr", "<td", "<th",
    ]
    .iter()
    .any(|t| tag.starts_with(t));
    if block {
        out.push(' ');
    }
    Some(i + length)
}

/// Read `record` (named `path` on the command line) and write its message for `to`.
pub(crate) fn write(
    brief: &Brief,
    to: Audience,
    name: Option<&str>,
    format: Format,
    templates: &Templates,
) -> Result<Message> {
    // A playbook may say it its own way for an audience (a deadline's options, a
    // delegation's handover); every other record gets the general message.
    // Once looked back at, any record's message tells how it went.
    let folder = if brief.outcome == "looked-back" {
        Some("looked-back")
    } else {
        brief.playbook.as_deref()
    };
    let own = folder
        .map(|folder| format!("messages/{folder}/to-{}.txt", to.key()))
        .filter(|name| templates.has(name));
    let template = own.unwrap_or_else(|| format!("messages/to-{}.txt", to.key()));
    if !templates.has(&template) {
        return Err(
            Error::content(format!("the message template `{template}` is missing"))
                .hint("restore it with `decide templates export`, or remove your override"),
        );
    }
    let markdown = format.composed() == Format::Markdown;
    let mut text = compose(brief, to, name, markdown, &template, templates)?;
    // To stakeholders and peers (other leads skim as managers do, within the same
    // budget), a decision too long for the budget is said shorter, still whole: the
    // bottom line, as many items as fit, and how many more the record has; so is a list
    // whose first sentence alone would pass for the whole decision. The team gets the
    // record's text.
    let budget = to.word_budget().is_some();
    if budget && (!fits(to, &text) || brief.says_part_of_a_list()) {
        for said in brief.shorter_decisions() {
            let shorter = brief.saying_decision(&said);
            let candidate = compose(&shorter, to, name, markdown, &template, templates)?;
            if fits(to, &candidate) {
                text = candidate;
                break;
            }
        }
    }
    let text = match format {
        Format::Text | Format::Markdown | Format::Slack | Format::Html => format.convert(&text),
        Format::Json => {
            let value = serde_json::json!({
                "to": to.key(),
                "record": brief.path,
                "text": text,
                "brief": brief,
            });
            format!(
                "{}\n",
                serde_json::to_string_pretty(&value).unwrap_or_default()
            )
        }
    };
    Ok(Message {
        text,
        to,
        reader: None,
    })
}

/// Whether `text` keeps to the word budget of `to`, when it has one.
fn fits(to: Audience, text: &str) -> bool {
    to.word_budget()
        .is_none_or(|budget| super::body_words(text) <= budget)
}

/// `template` rendered from `brief`. Upward and sideways, messages are held to the word
/// budget: the least needed details go first.
fn compose(
    brief: &Brief,
    to: Audience,
    name: Option<&str>,
    markdown: bool,
    template: &str,
    templates: &Templates,
) -> Result<String> {
    let mut text = String::new();
    for detail in (0..=4).rev() {
        let mut context = super::brief_context(brief, to, markdown);
        if let Some(map) = context.as_object_mut() {
            map.insert("detail".into(), serde_json::json!(detail));
            map.insert("name".into(), serde_json::json!(name));
        }
        let rendered = super::say_today(
            &super::tidy(&templates.render(template, &context)?),
            brief.today,
        );
        // Up and sideways, "1 week instead of 3" says what the 3 was, the reader never saw
        // the other option's estimate: with the other approach when it fits, else with
        // its unit alone, before any detail goes.
        let said = |long: bool| {
            let mut text = rendered.clone();
            if to != Audience::Team {
                text = crate::phrase::instead_of_said(&text, long);
            }
            // Outside engineering, the lead's plain words replace the terms they
            // translated.
            if to.needs_plain_words() && !brief.plain_words.is_empty() {
                text = crate::coach::words::translate(&text, &brief.plain_words);
            }
            // A plain phrase ending in a clause ("the service that passes orders on")
            // would run into the date after it.
            crate::phrase::date_set_apart(&text)
        };
        text = said(true);
        if !fits(to, &text) {
            text = said(false);
        }
        if fits(to, &text) {
            break;
        }
    }
    Ok(text)
}

impl Brief {
    /// The decision said shorter, longest first ([`super::budget::shorter`]), when the
    /// message says it in the record's words (not a chosen option's sentence).
    fn shorter_decisions(&self) -> Vec<String> {
        let Some(decision) = self.decision.as_deref() else {
            return Vec::new();
        };
        let line = self.decided_line.as_deref().unwrap_or(decision);
        let decided = matches!(self.outcome.as_str(), "decided" | "looked-back");
        super::budget::shorter(line, self.decision_listed.as_ref(), decided)
    }

    /// Whether a decided record's bottom line is only the first sentence of a decision
    /// written as a list: said alone, it would pass for the whole decision.
    fn says_part_of_a_list(&self) -> bool {
        let (Some(line), Some(decision)) = (&self.decided_line, &self.decision) else {
            return false;
        };
        self.decision_listed.is_some()
            && self.chosen.is_none()
            && matches!(self.outcome.as_str(), "decided" | "looked-back")
            && line.trim_end_matches('.') != decision.trim_end_matches('.')
    }

    /// This brief with the decision said as `said`, wherever a message says it: its
    /// bottom line (when that is the decision's own), the decision, and the reason a
    /// proposal was turned down (when that is the decision).
    fn saying_decision(&self, said: &str) -> Brief {
        let mut brief = self.clone();
        let sentence = format!("{said}.");
        if brief.chosen.is_none() && brief.decided_line.is_some() {
            brief.decided_line = Some(said.to_string());
            brief.bottom_line = said.to_string();
            brief.whole_decision = Some(said.to_string());
        }
        if brief.closed_why.is_some() && brief.closed_why == brief.decision {
            brief.closed_why = Some(sentence.clone());
        }
        brief.decision = Some(sentence);
        brief
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::parse;

    fn brief(name: &str, text: &str) -> Brief {
        let path = Path::new(name);
        let today = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        Brief::from_record(&parse(path, text).unwrap(), path, today, None)
    }

    #[test]
    fn plain_text_from_markdown() {
        let cases = [
            ("Use **PostgreSQL** [1]", "Use PostgreSQL"),
            ("[MADR](https://adr.github.io/madr/) 4.0.0", "MADR 4.0.0"),
            ("see [2][3].", "see."),
            ("`cargo` and __bold__", "cargo and bold"),
            ("[not a link] stays", "[not a link] stays"),
            (
                "As drawn: ![the flow](flow.png) then <b>retry</b><br/>once",
                "As drawn: then retry once",
            ),
            (
                "Types such as Record<T, U> stay.",
                "Types such as Record<T, U> stay.",
            ),
            (
                "Use [**`x-secrets`**](https://x.example).",
                "Use x-secrets.",
            ),
            (
                "Follow the [style guide][naming].",
                "Follow the style guide.",
            ),
            ("[ ] readme updated", "readme updated"),
            ("[x] tickets raised", "tickets raised"),
            ("a [x] b", "a [x] b"),
            ("a  b\n c", "a b c"),
            (
                "SSE is the _better fitting_ choice.",
                "SSE is the better fitting choice.",
            ),
            ("(_draft_) and _x_", "(draft) and x"),
            (
                "keep snake_case and my_var_name",
                "keep snake_case and my_var_name",
            ),
            ("a lone _ stays, _open too", "a lone _ stays, _open too"),
            ("_a_b_ c", "a_b c"),
            (
                "\\#1 \\| \\*not bold\\* A\\](x.md)",
                "#1 | *not bold* A](x.md)",
            ),
        ];
        for (markdown, expected) in cases {
            assert_eq!(plain(markdown), expected, "{markdown:?}");
        }
    }

    #[test]
    fn a_sentence_that_introduces_a_list_keeps_it() {
        let cases = [
            // A paragraph then its list: the items join the sentence.
            (
                "We settle on these rules:\n\n- keys MUST be unique\n- names SHOULD be short\n\nMore.\n",
                "We settle on these rules: keys MUST be unique; names SHOULD be short",
            ),
            // A numbered list reads the same.
            (
                "Two steps follow:\n1. Drain the queue.\n2. Switch over.\n",
                "Two steps follow: Drain the queue. Switch over.",
            ),
            // A table cannot be said in a sentence: the lead-in alone, when it stands
            // without it.
            (
                "Split the zones by region:\n\n|Zone|Range|\n|-|-|\n|A|10.0.0.0/16|\n",
                "Split the zones by region.",
            ),
            (
                "A plain sentence.\n\n- a list after it\n",
                "A plain sentence.",
            ),
            // Items numbered `1)` are a list too.
            (
                "For two reasons, we keep the queue:\n\n1) it is paid for\n2) it works.\n",
                "For two reasons, we keep the queue: it is paid for; it works",
            ),
            // A paragraph after the colon: its sentences, up to one that introduces more;
            // a placeholder opener ("TBD, however …") says nothing and is left out.
            (
                "TBD, however this proposal suggests:\n\nShip one region first. The rollout:\n\n- a\n",
                "Ship one region first.",
            ),
            (
                "We chose as follows:\n\nThe nightly job moves to the cloud.\n",
                "We chose as follows: The nightly job moves to the cloud.",
            ),
        ];
        for (body, expected) in cases {
            assert_eq!(first_paragraph(body).as_deref(), Some(expected), "{body}");
        }
        // One that cannot stand without what it introduced says nothing.
        for body in [
            "The zones take these ranges:\n\n|Zone|Range|\n|-|-|\n|A|10.0.0.0/16|\n",
            "Nothing follows:\n",
            "A supported method means:\n\n```\nx\n```\n",
        ] {
            assert_eq!(first_paragraph(body), None, "{body}");
        }
    }

    #[test]
    fn a_nested_list_joins_the_item_that_introduces_it() {
        let cases: [(&str, &[&str]); 4] = [
            (
                "* Operators need to know:\n  * which store holds it\n  * how long it\n    stays there\n* Nothing else.\n",
                &[
                    "Operators need to know: which store holds it; how long it stays there",
                    "Nothing else.",
                ],
            ),
            // Detail under an item that does not introduce it stays out.
            (
                "- Retry in place.\n  - three times\n- Then park it.\n",
                &["Retry in place.", "Then park it."],
            ),
            // An item whose list is not there is said alone if it stands alone.
            ("- The hosts are:\n\n![map](map.png)\n", &[]),
            (
                "- Keep one host per region:\n\n![map](map.png)\n",
                &["Keep one host per region."],
            ),
        ];
        for (body, expected) in cases {
            assert_eq!(bullets(body), expected, "{body}");
        }
    }

    #[test]
    fn a_madr_record_with_reasons_in_a_list() {
        let text = "---\nstatus: accepted\ndate: 2024-09-17\n---\n\n# Use MADR\n\n## Context and Problem Statement\n\nWe want to record decisions.\nWhich format?\n\n## Considered Options\n\n* [MADR](https://adr.github.io/madr/) 4.0.0\n* Nygard\n\n## Decision Outcome\n\nChosen option: \"MADR 4.0.0\", because\n\n* Implicit assumptions should be made explicit.\n* It is structured.\n\n### Consequences\n\n* Good, because the records are plain Markdown\n* Bad, because the template has many parts\n";
        let b = brief("0001-use-madr.md", text);
        assert_eq!(b.title, "Use MADR");
        assert_eq!(b.status.as_deref(), Some("accepted"));
        assert_eq!(
            b.context.as_deref(),
            Some("We want to record decisions. Which format?")
        );
        assert_eq!(b.options, ["MADR 4.0.0", "Nygard"]);
        assert_eq!(b.chosen.as_deref(), Some("MADR 4.0.0"));
        assert_eq!(
            b.because.as_deref(),
            Some("implicit assumptions should be made explicit; it is structured")
        );
        assert_eq!(b.benefits, ["the records are plain Markdown"]);
        assert_eq!(b.risks, ["the template has many parts"]);
    }

    #[test]
    fn an_adr_tools_record() {
        let text = "# 3. Use PostgreSQL for persistence\n\nDate: 2017-06-20\n\n## Status\n\nAccepted\n\n## Context\n\nMySQL 5.7 lacks the JSON operators we need.\n\n## Decision\n\nWe will migrate orders to PostgreSQL 9.6.\n\n## Consequences\n\nThe migration takes a quarter.\n";
        let b = brief("0003-use-postgresql-for-persistence.md", text);
        assert_eq!(b.title, "Use PostgreSQL for persistence");
        assert_eq!(b.chosen, None);
        assert_eq!(
            b.decision.as_deref(),
            Some("We will migrate orders to PostgreSQL 9.6.")
        );
        assert_eq!(b.other_consequences, ["The migration takes a quarter."]);
        assert_eq!(b.date_text.as_deref(), Some("Tuesday 20 June 2017"));
        assert_eq!(b.outcome, "decided");
    }

    /// Subsections of the consequences are read once each, by what their headings say.
    #[test]
    fn consequences_in_subsections_are_read_once_each() {
        let text = "# 4. Use single sign-on\n\n## Status\n\nAccepted\n\n## Decision\n\nWe sign in through the company's directory.\n\n## Consequences\n\nSome notes first.\n\n### General consequences\n- Nobody resets passwords for us\n\n### Advantages over local accounts\n- One place to remove a leaver\n\n### Disadvantages over local accounts\n- The directory team owns our access\n\n### Neutral\n\nThe login page changes colour.\n";
        let b = brief("0004-use-single-sign-on.md", text);
        assert_eq!(
            b.other_consequences,
            [
                "Some notes first.",
                "Nobody resets passwords for us",
                "The login page changes colour."
            ]
        );
        assert_eq!(b.benefits, ["One place to remove a leaver"]);
        assert_eq!(b.risks, ["The directory team owns our access"]);
        for (heading, words, says) in [
            ("consequences", &["cons"][..], false),
            ("pros and cons", &["cons"][..], true),
            ("disadvantages over x", &["disadvantage"][..], true),
            ("advantages over x", &["disadvantage"][..], false),
        ] {
            assert_eq!(heading_says(heading, words), says, "{heading}");
        }
    }

    /// A decided record of ours, with every section a message reads.
    const DECIDED: &str = "---\nstatus: accepted\ndate: 2026-11-26\nplaybook: decision\noutcome: decided\nreview-by: 2027-04-02\n---\n\n# Choose the database for the orders service\n\n## Considered Options\n\n* PostgreSQL\n* MongoDB\n\n## Decision Outcome\n\nChosen option: \"PostgreSQL\", because the team already operates it.\n\nIf it doesn't work, we'll rewrite only the order step. [6]\n\nFirst step, one we can take back: move one read path, behind a feature flag.\n\n### Open Questions\n\nDecided without these:\n\n* Peak write load (Joao finds out)\n* Latency budget\n\n### Needed From Outside the Team\n\nWe need your OK on the budget by Friday 11 December.\n\n### Forecast\n\n* It was wrong if: write latency stays above 200 ms\n\n### In Plain Words\n\nOutside engineering, we say:\n\n* PostgreSQL: the system billing already uses\n\n## Pros and Cons of the Options\n\n### PostgreSQL\n\n* Good, because of transactions across orders\n* Bad, because schema migrations need planning\n\n### MongoDB\n\n* Good, because of flexible documents\n";

    #[test]
    fn a_decided_record_is_read_for_every_sentence_a_message_says() {
        let b = brief("0001-choose-the-database.md", DECIDED);
        assert_eq!(b.subject, "the database for the orders service");
        assert_eq!(b.subject_kind, "thing");
        assert_eq!(
            b.decided_line.as_deref(),
            Some("We've chosen PostgreSQL as the database for the orders service")
        );
        assert_eq!(b.choice.as_deref(), Some("PostgreSQL"));
        assert_eq!(b.fallback.as_deref(), Some("rewrite only the order step"));
        assert!(b.fallback_action);
        assert_eq!(
            b.first_step.as_deref(),
            Some("move one read path, behind a feature flag")
        );
        assert_eq!(
            b.questions,
            [
                Question {
                    item: "the peak write load".into(),
                    owner: Some("Joao".into())
                },
                Question {
                    item: "the latency budget".into(),
                    owner: None
                },
            ]
        );
        assert_eq!(
            b.needs.as_deref(),
            Some("We need your OK on the budget by Friday 11 December.")
        );
        assert_eq!(
            b.signal.as_deref(),
            Some("write latency stays above 200 ms")
        );
        assert_eq!(
            b.plain_words,
            [(
                "PostgreSQL".to_string(),
                "the system billing already uses".to_string()
            )]
        );
        assert_eq!(b.pros, ["transactions across orders"]);
        assert_eq!(b.cons, ["schema migrations need planning"]);
        assert_eq!(
            b.decision_name,
            "the decision on the database for the orders service"
        );
    }

    #[test]
    fn a_proposal_says_what_is_chosen_by_when_and_what_it_leans_towards() {
        let text = "---\nstatus: proposed\ndate: 2026-12-01\nplaybook: decision\noutcome: investigate\ndecide-by: 2026-12-11\n---\n\n# Choose a vendor for order search\n\n## Considered Options\n\n* Vendor A\n* Vendor B\n\n## Decision Outcome\n\nProposed option: \"Vendor A\", because they host our billing. Nothing is decided yet.\n";
        let b = brief("0002-choose-a-vendor.md", text);
        assert_eq!(b.outcome, "investigate");
        assert_eq!(
            b.deciding_line,
            "We'll choose a vendor for order search by Friday 11 December"
        );
        assert_eq!(
            b.leaning_line.as_deref(),
            Some("We lean towards Vendor A as the vendor for order search")
        );
        assert_eq!(b.decided_line, None);
    }

    /// In an adr-tools log, our proposal is written with the nygard template, where the
    /// proposal, its date and its questions have no fields of their own: the message reads
    /// the same proposal from it as from our own format.
    #[test]
    fn a_proposal_in_nygard_form_is_read_as_the_same_proposal() {
        let text = "# 8. Choose a vendor for order search\n\nDate: 2026-12-01\nDecide-by: 2026-12-11\n\n## Status\n\nProposed\n\n## Context\n\nSearch times out.\n\nOptions considered: Vendor A, Vendor B.\n\n## Decision\n\nNothing is decided yet. We lean towards Vendor A, because they host our billing, and decide by Friday 11 December, once we know:\n\n* Their price at our volume (Ana finds out)\n* Whether the contract has an exit clause\n\nThe coach's verdict: 40% on a one-way door.\n\n## Consequences\n\n* Good, because one supplier\n";
        let b = brief("0008-choose-a-vendor.md", text);
        assert_eq!(b.outcome, "investigate");
        assert_eq!(b.proposed.as_deref(), Some("Vendor A"));
        assert_eq!(b.because.as_deref(), Some("they host our billing"));
        assert_eq!(b.decide_by_text.as_deref(), Some("Friday 11 December"));
        assert_eq!(
            b.leaning_line.as_deref(),
            Some("We lean towards Vendor A as the vendor for order search")
        );
        assert_eq!(
            b.open_questions,
            [
                "Their price at our volume",
                "Whether the contract has an exit clause"
            ]
        );
        assert_eq!(b.questions[0].owner.as_deref(), Some("Ana"));
        assert_eq!(b.decision, None);
    }

    #[test]
    fn a_title_that_states_the_decision_is_said_as_it() {
        let text = "---\nstatus: accepted\n---\n\n# Use MADR\n\n## Decision Outcome\n\nChosen option: \"MADR 4.0.0\", because it is structured.\n";
        let b = brief("0001-use-madr.md", text);
        assert_eq!(b.subject_kind, "action");
        assert_eq!(b.decided_line.as_deref(), Some("We've decided to use MADR"));
        assert_eq!(b.decision_name, "the decision to use MADR");
    }

    #[test]
    fn outside_the_team_the_lead_s_plain_words_are_said() {
        let templates = Templates::embedded().unwrap();
        let b = brief("0001-choose-the-database.md", DECIDED);
        let say = |to| write(&b, to, None, Format::Text, &templates).unwrap().text;
        let stakeholders = say(Audience::Stakeholders);
        assert!(
            stakeholders.starts_with(
                "We've chosen the system that billing already uses as the database for the orders service"
            ),
            "{stakeholders}"
        );
        assert!(
            stakeholders.contains("We need your OK on the budget by Friday 11 December."),
            "{stakeholders}"
        );
        // Other tech leads get the technical name.
        assert!(say(Audience::Peers).starts_with("We've chosen PostgreSQL"));
        let team = say(Audience::Team);
        assert!(team.starts_with("We've chosen PostgreSQL"), "{team}");
        assert!(
            team.contains("If it doesn't work, we'll rewrite only the order step."),
            "{team}"
        );
        assert!(
            team.contains("We don't know yet: the peak write load; the latency budget. Joao is finding out the peak write load. Can someone find out the latency budget? Tell me today."),
            "{team}"
        );
    }

    #[test]
    fn an_option_is_said_outside_engineering_only_in_plain_words() {
        let api = [("API call".to_string(), "request to shipping".to_string())];
        // (the option as a sentence says it, the lead's plain words, what outsiders hear)
        type Case<'a> = (&'a str, &'a [(String, String)], Option<&'a str>);
        let cases: &[Case] = &[
            ("a direct API call", &[], None),
            (
                "a direct API call",
                &api,
                Some("a direct request to shipping"),
            ),
            (
                "a payment provider vault",
                &[],
                Some("a payment provider vault"),
            ),
        ];
        // A page of text is no name a sentence can carry.
        assert_eq!(in_plain_words(&"a vault ".repeat(40), &[]), None);
        for &(choice, plain_words, said) in cases {
            assert_eq!(
                in_plain_words(choice, plain_words).as_deref(),
                said,
                "{choice:?}"
            );
        }
    }

    #[test]
    fn our_record_gives_the_reason_and_the_fallback() {
        let text = "---\nstatus: accepted\ndate: 2026-11-26\nplaybook: decision\nreview-by: 2027-02-24\n---\n\n# Choose the database\n\n## Context and Problem Statement\n\nThe orders service outgrew SQLite.\n\n## Decision Outcome\n\nChosen option: \"PostgreSQL\", because the team already operates it.\n\nIf it doesn't work, we'll switch to MongoDB for the order documents. [6]\n\n### Consequences\n\n* Good, because transactions\n* Bad, because migrations need planning\n";
        let b = brief("0001-choose-the-database.md", text);
        assert_eq!(b.chosen.as_deref(), Some("PostgreSQL"));
        assert_eq!(b.because.as_deref(), Some("the team already operates it"));
        assert_eq!(
            b.fallback.as_deref(),
            Some("MongoDB for the order documents")
        );
        assert_eq!(
            b.review_by_text.as_deref(),
            Some("Wednesday 24 February 2027")
        );
        assert_eq!(b.decision, None);
    }

    #[test]
    fn a_decision_in_a_list_and_only_the_decision_s_consequences() {
        let text = "# 3 Retry\n\n## Status\n\nAccepted\n\n## Decision\n\n* Retry in place.\n* Then re-queue with a delay\n  so other messages pass it.\n\n## Considered Options\n\n### Park at once\n\n#### Negative Consequences\n\n* Loses messages\n\n## Consequences\n\n* Operators get a place to look.\n";
        let path = Path::new("0003-retry.md");
        let today = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
        let b = Brief::from_record(
            &crate::record::parse(path, text).unwrap(),
            path,
            today,
            None,
        );
        assert_eq!(
            b.decision.as_deref(),
            Some("Retry in place. Then re-queue with a delay so other messages pass it.")
        );
        assert_eq!(b.other_consequences, ["Operators get a place to look."]);
        assert!(b.risks.is_empty(), "{:?}", b.risks);
    }
}
