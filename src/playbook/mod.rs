//! Playbooks: the guided flows, as data. A playbook lists its questions, the framework
//! assessments it runs and the passages each step cites; `load` finds and checks them.

mod check;
pub(crate) mod example;
mod load;

use serde::{Deserialize, Serialize};

#[cfg(test)]
pub(crate) use check::REVIEWED_FIELDS;
pub(crate) use load::{Catalog, HouseTemplate, Origin, check_against, check_file};

pub(crate) use crate::answer::Kind;
use crate::yaml::Value;

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Playbook {
    /// The name users type: `decide new --playbook ID`, `playbook: ID` in an answers file.
    pub id: String,
    pub title: String,
    /// One sentence: when to use this playbook.
    pub summary: String,
    /// Passages cited by the playbook as a whole (they join the record's references).
    #[serde(default)]
    pub cites: Vec<String>,
    /// Where `decide playbooks` lists it, and where its record goes: the team's log, or
    /// for `personal`, the private journal.
    #[serde(default)]
    pub group: Group,
    pub questions: Vec<Question>,
    #[serde(default)]
    pub assessments: Vec<AssessmentSpec>,
    /// How the record is written; a playbook without one (`review`) is run by a command
    /// that uses its answers another way, and `decide new` refuses it.
    #[serde(default)]
    pub record: Option<RecordSpec>,
    /// The ready-to-send message `decide new` prints on stdout, if the playbook has one.
    #[serde(default)]
    pub message: Option<MessageSpec>,
    /// Run by `decide review` on an existing record, which its questions and templates see
    /// as `record` (its title, options, open questions...).
    #[serde(default)]
    pub reviews: bool,
    #[serde(skip)]
    pub origin: Origin,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct MessageSpec {
    /// Template under `templates/` that renders the message (plain text).
    pub template: String,
    /// The message may not be longer than this many words (a greeting line not counted).
    #[serde(default)]
    pub max_words: Option<usize>,
    /// Who the message is for: `stakeholders`, `peers` or `team`. Messages up or sideways
    /// are checked for jargon.
    #[serde(default)]
    pub to: Audience,
    /// Write the message from the record just rendered, as `decide message` does (the
    /// template sees `brief`, `to`, `name`, `detail` and `markdown`), so what the requester
    /// reads is what the record says and what `decide message` writes later.
    #[serde(default)]
    pub from_record: bool,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RecordSpec {
    /// Template under `templates/` that renders the record.
    pub template: String,
    /// Template for the record's title (and so its file name).
    pub title: String,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Question {
    /// Key in answers files and templates: lowercase letters, digits and `_`.
    pub id: String,
    pub prompt: String,
    pub kind: Kind,
    #[serde(default)]
    pub help: Option<String>,
    /// A value, or a template string rendered with the answers so far.
    #[serde(default)]
    pub default: Option<Value>,
    #[serde(default)]
    pub validation: Validation,
    /// Fixed choices, for `choice` questions.
    #[serde(default)]
    pub choices: Vec<Choice>,
    /// Take the choices from an earlier `list` or `options` answer.
    #[serde(default)]
    pub choices_from: Option<String>,
    /// For `choice`: pick any number instead of one.
    #[serde(default)]
    pub multiple: bool,
    /// Ask only when this expression (over answers and assessments so far) is true.
    #[serde(default)]
    pub when: Option<String>,
    /// Ask once for each item of the list this expression gives (re-read after every
    /// answer, so items an assessment adds are asked too). The prompt, help and default
    /// see the item as `item`; the answer maps each item to its answer.
    #[serde(default)]
    pub for_each: Option<String>,
    /// Passage ids shown with the question.
    #[serde(default)]
    pub cites: Vec<String>,
    /// May be left empty.
    #[serde(default)]
    pub optional: bool,
    /// Not asked one by one: settled on the final review screen, where its default is
    /// shown and can be changed. Needs a default.
    #[serde(default)]
    pub confirm: bool,
    /// Finishing a proposal: read from the record `decide new` wrote, and asked only when
    /// the record does not say it.
    #[serde(default)]
    pub from_record: bool,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub(crate) struct Validation {
    #[serde(default)]
    pub min: Option<f64>,
    #[serde(default)]
    pub max: Option<f64>,
    #[serde(default)]
    pub min_items: Option<usize>,
    #[serde(default)]
    pub max_items: Option<usize>,
    #[serde(default)]
    pub max_length: Option<usize>,
    /// For text that becomes a file name (a record title): refuse path-like text such as
    /// `../x` or `/etc/x`, which would otherwise be silently rewritten.
    #[serde(default)]
    pub file_name: bool,
    /// For dates: today or later (a deadline or a review date in the past is a typo).
    #[serde(default)]
    pub not_past: bool,
    /// For dates: strictly after today (the next review of a review just done).
    #[serde(default)]
    pub after_today: bool,
    /// For dates the reader acts on (an ask's date): a working day, so a message never
    /// asks for something by a Saturday or a holiday.
    #[serde(default)]
    pub working_day: bool,
    /// For text: at most this many words, so a message built from answers stays short.
    #[serde(default)]
    pub max_words: Option<usize>,
}

/// A fixed choice: a plain string, or a value with a longer label shown at the prompt.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(untagged)]
pub(crate) enum Choice {
    Plain(String),
    Labelled { value: String, label: String },
}

impl Choice {
    pub(crate) fn value(&self) -> &str {
        match self {
            Choice::Plain(value) | Choice::Labelled { value, .. } => value,
        }
    }

    pub(crate) fn label(&self) -> &str {
        match self {
            Choice::Plain(value) => value,
            Choice::Labelled { label, .. } => label,
        }
    }
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct AssessmentSpec {
    /// Name under which templates and conditions see the result (`door.band`).
    pub id: String,
    /// One of the frameworks `decide` implements (see `decide playbooks show`).
    pub framework: String,
    /// Framework parameter → question id (or an earlier assessment's id).
    pub inputs: std::collections::BTreeMap<String, String>,
}

impl Playbook {
    pub(crate) fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }
}

/// What a playbook is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Group {
    /// A team decision, written to the team's decision log.
    #[default]
    Decisions,
    /// A message up or sideways; its record goes to the log as well.
    Messages,
    /// Personal coaching: private, written to the lead's journal, never to the log.
    Personal,
}

impl Group {
    pub(crate) const ALL: [Group; 3] = [Group::Decisions, Group::Messages, Group::Personal];

    /// The heading `decide playbooks` lists the group under.
    pub(crate) fn heading(self) -> &'static str {
        match self {
            Group::Decisions => "Team decisions (written to the decision log)",
            Group::Messages => "Messages up and sideways (written to the decision log)",
            Group::Personal => {
                "Personal coaching (private: written to your journal, never the log)"
            }
        }
    }

    pub(crate) fn key(self) -> &'static str {
        match self {
            Group::Decisions => "decisions",
            Group::Messages => "messages",
            Group::Personal => "personal",
        }
    }
}

/// The most words a message upward or sideways may have, greeting aside: managers and
/// other leads skim alike, and the episode's good example upward is thirty words.
pub(crate) const MOST_WORDS: usize = 60;

/// Who a message is for. Messages that go up or sideways are checked for jargon: the
/// listener is outside engineering.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum, Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Audience {
    /// Managers and stakeholders: the bottom line first, in their words.
    #[default]
    Stakeholders,
    /// The team: we're doing X because of Y.
    Team,
    /// Other tech leads, product managers, designers: a negotiation.
    Peers,
    /// The lead: notes printed to keep or bring along (an agenda, a chart), never sent;
    /// only a personal playbook writes for this audience.
    #[value(skip)]
    Yourself,
}

impl Audience {
    pub(crate) fn key(self) -> &'static str {
        match self {
            Audience::Stakeholders => "stakeholders",
            Audience::Team => "team",
            Audience::Peers => "peers",
            Audience::Yourself => "yourself",
        }
    }

    /// Whether the listener is outside engineering, so jargon must go. Peers are other
    /// tech leads: they get the technical names, and would stumble on a paraphrase
    /// ("the system billing already uses" for PostgreSQL).
    pub(crate) fn needs_plain_words(self) -> bool {
        matches!(self, Audience::Stakeholders)
    }

    /// The most words a message to this listener may have, greeting aside (see
    /// [`MOST_WORDS`]).
    pub(crate) fn word_budget(self) -> Option<usize> {
        matches!(self, Audience::Stakeholders | Audience::Peers).then_some(MOST_WORDS)
    }
}
