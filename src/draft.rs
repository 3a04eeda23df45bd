//! Drafts: every answer of an interactive session, saved the moment it is given, so Ctrl-C,
//! a lost SSH session or a crash loses nothing. `decide resume` picks a draft up at the first
//! unanswered question; a finished record removes its draft.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use crate::answer::Answer;
use crate::error::{Error, Kind, Result};
use crate::store;
use crate::yaml::{self, Mapping, Value};

/// The draft of the session in progress, for the Ctrl-C handler's message.
static ACTIVE: Mutex<Option<PathBuf>> = Mutex::new(None);

pub(crate) fn active() -> Option<PathBuf> {
    ACTIVE.lock().ok().and_then(|active| active.clone())
}

fn set_active(path: Option<PathBuf>) {
    if let Ok(mut active) = ACTIVE.lock() {
        *active = path;
    }
}

/// What a session is for, kept in its draft so `decide resume` finishes the same job.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Purpose {
    /// A new record.
    New,
    /// A new record that supersedes the record at this path.
    Supersede(PathBuf),
    /// A review of the record at this path: finishing a proposal, or looking back.
    Review(PathBuf),
}

pub(crate) struct Draft {
    pub path: PathBuf,
    pub playbook: String,
    pub purpose: Purpose,
    /// The `--dir` the session was started with, so the record lands where it was meant to.
    pub dir: Option<PathBuf>,
    pub started: String,
    /// The answers so far, keyed by question id, as an answers file holds them.
    pub answers: Mapping,
    /// Options questions part-way through their pros and cons: how many options have them.
    pub argued: BTreeMap<String, usize>,
    /// Answers gone back over with `:back`, to offer again.
    pub kept: Mapping,
    /// Records of the log the lead linked as related.
    pub relates_to: Vec<PathBuf>,
}

/// What a session has said so far, to save.
pub(crate) struct Progress<'a> {
    pub answers: &'a [(String, Answer)],
    pub argued: &'a BTreeMap<String, usize>,
    pub kept: &'a Mapping,
    pub relates_to: &'a [PathBuf],
}

impl Draft {
    /// A new draft for a session of `playbook`; nothing is written until the first answer.
    pub(crate) fn start(
        drafts_dir: &Path,
        playbook: &str,
        purpose: Purpose,
        dir: Option<&Path>,
        now: chrono::DateTime<chrono::Local>,
    ) -> Draft {
        let name = format!(
            "{}-{}-{}.yaml",
            now.format("%Y%m%d-%H%M%S"),
            playbook,
            std::process::id()
        );
        Draft {
            path: drafts_dir.join(name),
            playbook: playbook.to_string(),
            purpose,
            dir: dir.map(Path::to_path_buf),
            started: now.format("%Y-%m-%d %H:%M").to_string(),
            answers: Mapping::new(),
            argued: BTreeMap::new(),
            kept: Mapping::new(),
            relates_to: Vec::new(),
        }
    }

    /// The name `decide resume NAME` takes: the file name without `.yaml`.
    pub(crate) fn name(&self) -> String {
        self.path
            .file_stem()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned()
    }

    pub(crate) fn load(path: &Path) -> Result<Draft> {
        // A repository's drafts folder may hold files it did not write itself: only plain
        // files that stay in that folder are drafts.
        let folder = path.parent().unwrap_or(Path::new("."));
        let text = store::read_supplied(folder, path)?;
        let value = yaml::parse_value(&text, path, Kind::Answers)?;
        let broken = || {
            Error::answers("this is not a decide draft")
                .in_file(path)
                .hint("remove the file, or pass another draft")
        };
        let Value::Mapping(mut map) = value else {
            return Err(broken());
        };
        let playbook = match map.remove("playbook") {
            Some(Value::String(id)) => id,
            _ => return Err(broken()),
        };
        let started = match map.remove("started") {
            Some(Value::String(text)) => text,
            _ => String::new(),
        };
        let dir = match map.remove("dir") {
            Some(Value::String(dir)) => Some(PathBuf::from(dir)),
            _ => None,
        };
        let purpose = match (map.remove("purpose"), map.remove("target")) {
            (Some(Value::String(kind)), Some(Value::String(target))) if kind == "supersede" => {
                Purpose::Supersede(PathBuf::from(target))
            }
            (Some(Value::String(kind)), Some(Value::String(target))) if kind == "review" => {
                Purpose::Review(PathBuf::from(target))
            }
            (None, _) => Purpose::New,
            (Some(Value::String(kind)), _) if kind == "new" => Purpose::New,
            _ => return Err(broken()),
        };
        let answers = match map.remove("answers") {
            Some(Value::Mapping(answers)) => answers,
            None | Some(Value::Null) => Mapping::new(),
            Some(_) => return Err(broken()),
        };
        let mut argued = BTreeMap::new();
        if let Some(Value::Mapping(counts)) = map.remove("argued") {
            for (id, count) in counts {
                if let (Value::String(id), Some(count)) = (id, count.as_u64()) {
                    argued.insert(id, usize::try_from(count).unwrap_or(0));
                }
            }
        }
        let kept = match map.remove("kept") {
            Some(Value::Mapping(kept)) => kept,
            _ => Mapping::new(),
        };
        let relates_to = match map.remove("relates_to") {
            Some(Value::Sequence(paths)) => paths
                .iter()
                .filter_map(Value::as_str)
                .map(PathBuf::from)
                .collect(),
            _ => Vec::new(),
        };
        Ok(Draft {
            path: path.to_path_buf(),
            playbook,
            purpose,
            dir,
            started,
            answers,
            argued,
            kept,
            relates_to,
        })
    }

    /// Write the session's answers so far, atomically: a crash leaves the previous save.
    pub(crate) fn save(&mut self, progress: &Progress<'_>) -> Result<()> {
        let mut answers = Mapping::new();
        for (id, answer) in progress.answers {
            answers.insert(Value::String(id.clone()), answer.to_yaml());
        }
        self.answers = answers;
        self.argued = progress.argued.clone();
        self.kept = progress.kept.clone();
        self.relates_to = progress.relates_to.to_vec();
        let mut document = Mapping::new();
        document.insert("playbook".into(), Value::String(self.playbook.clone()));
        document.insert("started".into(), Value::String(self.started.clone()));
        let target = match &self.purpose {
            Purpose::New => None,
            Purpose::Supersede(target) => Some(("supersede", target)),
            Purpose::Review(target) => Some(("review", target)),
        };
        if let Some((kind, target)) = target {
            document.insert("purpose".into(), Value::String(kind.into()));
            document.insert("target".into(), Value::String(target.display().to_string()));
        }
        if let Some(dir) = &self.dir {
            document.insert("dir".into(), Value::String(dir.display().to_string()));
        }
        document.insert("answers".into(), Value::Mapping(self.answers.clone()));
        if !self.argued.is_empty() {
            let counts = self
                .argued
                .iter()
                .map(|(id, count)| {
                    (
                        Value::String(id.clone()),
                        Value::Number((*count as u64).into()),
                    )
                })
                .collect();
            document.insert("argued".into(), Value::Mapping(counts));
        }
        if !self.kept.is_empty() {
            document.insert("kept".into(), Value::Mapping(self.kept.clone()));
        }
        if !self.relates_to.is_empty() {
            let paths = self
                .relates_to
                .iter()
                .map(|p| Value::String(p.display().to_string()))
                .collect();
            document.insert("relates_to".into(), Value::Sequence(paths));
        }
        let text = format!(
            "# A draft of an unfinished decide session. Continue it with: decide resume {}\n{}",
            self.name(),
            yaml::to_string(&document)
        );
        if let Some(parent) = self.path.parent() {
            store::ensure_private_dir(parent)?;
        }
        store::replace_file(&self.path, text.as_bytes())?;
        set_active(Some(self.path.clone()));
        Ok(())
    }

    /// A draft being resumed is the one Ctrl-C points back to, even before a new answer.
    pub(crate) fn resumed(&self) {
        set_active(Some(self.path.clone()));
    }

    /// The record is written: the draft has served its purpose.
    pub(crate) fn finish(&self) -> Result<()> {
        set_active(None);
        store::remove_if_present(&self.path)
    }

    /// The title answered so far, for listings.
    pub(crate) fn title(&self) -> Option<&str> {
        self.answers.get("title").and_then(Value::as_str)
    }
}

/// Every draft in `dir`, newest first. Unreadable files are reported by the caller's
/// `load`, not here: a listing shows what it can.
pub(crate) fn list(dir: &Path) -> Result<Vec<Draft>> {
    let mut drafts: Vec<(Option<std::time::SystemTime>, Draft)> = Vec::new();
    for path in store::list_files(dir, &["yaml"])? {
        if let Ok(draft) = Draft::load(&path) {
            drafts.push((store::modified(&path), draft));
        }
    }
    drafts.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| b.1.path.cmp(&a.1.path)));
    Ok(drafts.into_iter().map(|(_, draft)| draft).collect())
}

/// Find a draft by name (or a unique start of one), or by path.
pub(crate) fn find(dir: &Path, wanted: &str) -> Result<Draft> {
    let as_path = Path::new(wanted);
    if store::is_file(as_path) {
        return Draft::load(as_path);
    }
    let drafts = list(dir)?;
    let matching: Vec<&Draft> = drafts
        .iter()
        .filter(|d| d.name() == wanted || d.name().starts_with(wanted))
        .collect();
    match matching.as_slice() {
        [one] => Draft::load(&one.path),
        [] => Err(
            Error::usage(format!("there is no draft `{wanted}` in {}", dir.display()))
                .hint("run `decide resume --list` to see the drafts"),
        ),
        _ => Err(
            Error::usage(format!("`{wanted}` matches {} drafts", matching.len()))
                .hint("give more of the name; `decide resume --list` shows them"),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The records linked as related survive an interruption.
    #[test]
    fn a_draft_keeps_the_records_linked_as_related() {
        let dir = tempfile::tempdir().unwrap();
        let mut draft = Draft::start(
            dir.path(),
            "decision",
            Purpose::New,
            None,
            chrono::Local::now(),
        );
        let answers = vec![("title".to_string(), Answer::Text("Pick a cache".into()))];
        let linked = vec![PathBuf::from("docs/decisions/0001-redis.md")];
        draft
            .save(&Progress {
                answers: &answers,
                argued: &BTreeMap::new(),
                kept: &Mapping::new(),
                relates_to: &linked,
            })
            .unwrap();
        let loaded = Draft::load(&draft.path).unwrap();
        assert_eq!(loaded.relates_to, linked);
        assert_eq!(loaded.title(), Some("Pick a cache"));
    }
}
