//! The lead's private journal: what the personal playbooks (one-on-ones, weeks, the career
//! track, the T-shape, boundaries) write instead of a record in the team's log.
//!
//! An entry is Markdown with a front matter this module writes: the playbook, the date, the
//! title, the coach's headline, each framework's verdict, and the facts each framework
//! keeps (its `keeps`). Later runs read those facts back as [`History`]: last time's open
//! follow-ups, the weeks' mode split. Entries live in one folder per playbook
//! (`one-on-one/2026-11-26-one-on-one-with-sam.md`) under the journal directory, which is
//! outside any git work tree unless the user names one.

pub(crate) mod view;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::coach::history::{Meeting, ModeHours, Week};
use crate::coach::outcome::Outcome;
use crate::coach::{self, Assessment, History};
use crate::config::{Setting, Source};
use crate::error::{Error, Kind, Result};
use crate::store;
use crate::yaml;

/// Where unfinished personal sessions are kept: inside the journal, never in a repository.
pub(crate) const DRAFTS: &str = ".drafts";

/// The journal directory for this run. One that nobody chose (the default) but that lies
/// inside a git work tree is refused: a private note must not end up in a commit.
pub(crate) fn place(setting: &Result<Setting<PathBuf>>) -> Result<PathBuf> {
    let setting = setting.clone()?;
    if setting.source == Source::Default
        && let Some(tree) = store::work_tree_of(&setting.value)
    {
        return Err(Error::usage(format!(
            "your journal {} would be inside the git work tree {}, where a private note could be committed",
            setting.value.display(),
            tree.display()
        ))
        .hint("set `journal_dir` in your own config, or pass --dir to choose the place yourself"));
    }
    Ok(setting.value)
}

/// What an entry's front matter says.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct Head {
    pub playbook: String,
    pub date: NaiveDate,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub headline: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review_by: Option<NaiveDate>,
    /// Framework → its verdict kind.
    #[serde(default)]
    pub verdicts: BTreeMap<String, String>,
    /// Framework → the facts it keeps.
    #[serde(default)]
    pub data: BTreeMap<String, Value>,
}

impl Head {
    /// The head of a finished run: its outcome and what each framework keeps.
    pub(crate) fn new(
        playbook: &str,
        date: NaiveDate,
        title: &str,
        outcome: &Outcome,
        assessments: &[&Assessment],
    ) -> Head {
        let mut verdicts = BTreeMap::new();
        let mut data = BTreeMap::new();
        for assessment in assessments {
            verdicts.insert(
                assessment.framework.to_string(),
                assessment.kind.to_string(),
            );
            let keeps = coach::find(assessment.framework).map_or(&[][..], |f| f.keeps);
            let kept: serde_json::Map<String, Value> = keeps
                .iter()
                .filter_map(|key| Some((key.to_string(), assessment.facts.get(*key)?.clone())))
                .filter(|(_, value)| !value.is_null())
                .collect();
            if !kept.is_empty() {
                data.insert(assessment.framework.to_string(), Value::Object(kept));
            }
        }
        Head {
            playbook: playbook.to_string(),
            date,
            title: title.to_string(),
            headline: Some(outcome.headline.clone()).filter(|h| !h.is_empty()),
            review_by: outcome
                .review_by
                .as_deref()
                .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()),
            verdicts,
            data,
        }
    }

    /// The facts `framework` kept, if the entry has them.
    pub(crate) fn kept(&self, framework: &str) -> Option<&serde_json::Map<String, Value>> {
        self.data.get(framework).and_then(Value::as_object)
    }
}

/// An entry's whole text: the front matter, then the body the playbook's template wrote.
pub(crate) fn text(head: &Head, body: &str) -> String {
    format!("---\n{}---\n\n{}", yaml::to_string(head), body.trim_start())
}

/// Write a new entry; the path it went to.
pub(crate) fn write(dir: &Path, head: &Head, body: &str) -> Result<PathBuf> {
    store::ensure_journal_dir(dir)?;
    let stem = format!(
        "{}-{}",
        head.date.format("%Y-%m-%d"),
        store::slug(&head.title)
    );
    store::write_journal_entry(dir, &head.playbook, &stem, &text(head, body))
}

/// One entry read back.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Entry {
    pub path: PathBuf,
    /// The path below the journal without `.md`, e.g. `week/2026-11-26-week-of-23-november`:
    /// what `decide journal show` takes.
    pub name: String,
    pub head: Head,
    pub body: String,
}

/// Parse an entry written by [`write`] (or edited by hand since).
pub(crate) fn parse(path: &Path, name: &str, text: &str) -> Result<Entry> {
    let not_an_entry = || {
        Error::new(
            Kind::Content,
            "this is not a journal entry: it has no front matter",
        )
        .in_file(path)
        .hint("entries start with `---`, as `decide new` writes them")
    };
    let text = text.replace("\r\n", "\n");
    let rest = text.strip_prefix("---\n").ok_or_else(not_an_entry)?;
    let end = rest.find("\n---\n").ok_or_else(not_an_entry)?;
    let head: Head = yaml::parse(&rest[..end + 1], path, Kind::Content)?;
    Ok(Entry {
        path: path.to_path_buf(),
        name: name.to_string(),
        head,
        body: rest[end + 5..].trim_start_matches('\n').to_string(),
    })
}

/// Every entry in the journal, oldest first, and the files that could not be read.
#[derive(Debug, Default)]
pub(crate) struct Scan {
    pub entries: Vec<Entry>,
    pub problems: Vec<Error>,
}

pub(crate) fn load(dir: &Path) -> Result<Scan> {
    let mut scan = Scan::default();
    for (name, path) in store::list_files_recursive(dir, &["md"])? {
        if name.split('/').any(|part| part.starts_with('.')) {
            continue;
        }
        let name = name.trim_end_matches(".md").to_string();
        match store::read_text(&path).and_then(|text| parse(&path, &name, &text)) {
            Ok(entry) => scan.entries.push(entry),
            Err(error) => scan.problems.push(error),
        }
    }
    scan.entries
        .sort_by(|a, b| (a.head.date, &a.name).cmp(&(b.head.date, &b.name)));
    Ok(scan)
}

/// What the personal frameworks read from the entries: every one-on-one with its person,
/// open follow-ups and notes; every week's hours.
pub(crate) fn history(entries: &[Entry]) -> History {
    let mut history = History::default();
    for entry in entries {
        if let Some(kept) = entry.head.kept(coach::one_on_one::FRAMEWORK.name)
            && let Some(person) = kept.get("person").and_then(Value::as_str)
        {
            history.one_on_ones.push(Meeting {
                date: entry.head.date,
                person: person.to_string(),
                open: strings(kept.get("open_follow_ups")),
                notes: kept
                    .get("notes")
                    .and_then(Value::as_str)
                    .map(str::to_string),
            });
        }
        if let Some(hours) = entry
            .head
            .kept(coach::modes::FRAMEWORK.name)
            .and_then(|kept| kept.get("hours"))
            .and_then(|hours| serde_json::from_value::<ModeHours>(hours.clone()).ok())
        {
            history.weeks.push(Week {
                date: entry.head.date,
                hours,
            });
        }
    }
    history
}

fn strings(value: Option<&Value>) -> Vec<String> {
    value
        .and_then(Value::as_array)
        .map(|items| {
            items
                .iter()
                .filter_map(|i| i.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn head() -> Head {
        let mut data = BTreeMap::new();
        data.insert(
            "one-on-one".to_string(),
            serde_json::json!({
                "person": "Sam",
                "open_follow_ups": ["me: book the course", "Sam: draft the RFC"],
                "notes": "Wants to lead the next release",
            }),
        );
        data.insert(
            "modes".to_string(),
            serde_json::json!({ "hours": { "leader": 4, "people": 6, "process": 2, "coding": 28 } }),
        );
        Head {
            playbook: "one-on-one".into(),
            date: NaiveDate::from_ymd_opt(2026, 11, 19).unwrap(),
            title: "One-on-one with Sam".into(),
            headline: Some("A real conversation".into()),
            review_by: None,
            verdicts: BTreeMap::from([("one-on-one".to_string(), "real-conversation".to_string())]),
            data,
        }
    }

    #[test]
    fn an_entry_reads_back_as_it_was_written() {
        let body = "# One-on-one with Sam\n\nNotes.\n";
        let written = text(&head(), body);
        assert!(
            written.starts_with("---\nplaybook: one-on-one\n"),
            "{written}"
        );
        let entry = parse(Path::new("x.md"), "one-on-one/x", &written).unwrap();
        assert_eq!(entry.head, head());
        assert_eq!(entry.body, body);
    }

    #[test]
    fn history_comes_from_what_each_framework_kept() {
        let entry = Entry {
            path: PathBuf::from("x.md"),
            name: "x".into(),
            head: head(),
            body: String::new(),
        };
        let history = history(&[entry]);
        assert_eq!(history.one_on_ones.len(), 1);
        assert_eq!(
            history.one_on_ones[0].open,
            ["me: book the course", "Sam: draft the RFC"]
        );
        assert_eq!(history.weeks[0].hours.coding, 28.0);
    }

    #[test]
    fn text_without_front_matter_is_not_an_entry() {
        let error = parse(Path::new("notes.md"), "notes", "# Just notes\n").unwrap_err();
        assert!(error.to_string().contains("not a journal entry"), "{error}");
    }

    #[test]
    fn the_default_place_inside_a_work_tree_is_refused_unless_chosen() {
        let root = tempfile::tempdir().unwrap();
        std::fs::create_dir(root.path().join(".git")).unwrap();
        let inside = root.path().join(".local/share/decide/journal");
        let default = Ok(Setting {
            value: inside.clone(),
            source: Source::Default,
        });
        let error = place(&default).unwrap_err();
        assert!(error.to_string().contains("git work tree"), "{error}");
        let chosen = Ok(Setting {
            value: inside.clone(),
            source: Source::Flag("--dir"),
        });
        assert_eq!(place(&chosen).unwrap(), inside);
    }
}
