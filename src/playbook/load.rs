//! Finding playbooks (embedded, then the repository's `.decide/playbooks/`, then
//! `DECIDE_PLAYBOOKS`, then `--playbooks DIR`; later ones override earlier ones by id) and
//! checking each one completely when it loads, so a typo is reported before any question.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::Playbook;
use super::check::{self, check as validate};
use crate::coach::words::{self, WordFile, WordList};
use crate::embedded;
use crate::error::{Error, Kind as ErrorKind, Result};
use crate::passages::Library;
use crate::store;
use crate::template::Templates;
use crate::yaml;

/// Where a playbook was loaded from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) enum Origin {
    #[default]
    Embedded,
    File(PathBuf),
}

impl Origin {
    pub(crate) fn describe(&self) -> String {
        match self {
            Origin::Embedded => "built in".to_string(),
            Origin::File(path) => path.display().to_string(),
        }
    }
}

/// Every playbook available to this run, with the passages and templates they use.
pub(crate) struct Catalog {
    pub playbooks: Vec<Playbook>,
    pub library: Library,
    pub templates: Templates,
    /// Jargon a stakeholder may not know: the built-in list plus each playbook directory's
    /// `words/jargon.yaml`.
    pub jargon: WordList,
    /// Playbook files left out because they do not load (a playbook half written, say),
    /// each with the id it declares (else its file name) and why: one broken file must not
    /// stop every command that needs the others, but running it is its error.
    pub skipped: Vec<(String, Error)>,
}

/// A record template a team uses instead of the built-in `decision.md`: a template name, or
/// a file read from disk (its text and path).
#[derive(Debug, Clone)]
pub(crate) struct HouseTemplate {
    pub name: String,
    pub file: Option<(String, PathBuf)>,
}

impl Catalog {
    /// The embedded playbooks and templates alone, as the unit tests and fuzz targets use
    /// them.
    pub(crate) fn embedded() -> Catalog {
        Self::load_with(Path::new("/nonexistent"), &[], &[], None)
            .expect("the embedded playbooks load")
    }

    /// Load the embedded playbooks, then each directory in `dirs` in order, then the
    /// templates in `template_dirs` (each may replace built-in templates by name), and use
    /// `house` wherever a playbook's record template is `decision.md`. Files inside the
    /// repository `root` are read only if they stay inside it ([`store::read_supplied`]).
    pub(crate) fn load_with(
        root: &Path,
        dirs: &[PathBuf],
        template_dirs: &[PathBuf],
        house: Option<&HouseTemplate>,
    ) -> Result<Catalog> {
        let library = Library::embedded()?;
        let mut templates = Templates::embedded()?;
        let mut jargon = words::embedded();
        let mut sources: Vec<(PathBuf, Origin, String)> = embedded::files_in("", "yaml")
            .map(|(path, text)| {
                (
                    PathBuf::from(format!("playbooks/{path}")),
                    Origin::Embedded,
                    text.to_string(),
                )
            })
            .collect();
        let mut skipped = Vec::new();
        for dir in dirs {
            store::refuse_linked_dir(root, dir)?;
            for path in store::list_files(dir, &["yaml", "yml"])? {
                match store::read_supplied(root, &path) {
                    Ok(text) => sources.push((path.clone(), Origin::File(path), text)),
                    Err(error) => skipped.push((declared_id("", &path), error)),
                }
            }
            add_templates(&mut templates, root, &dir.join("templates"))?;
            let team_words = dir.join(words::JARGON_FILE);
            if store::is_file(&team_words) {
                let file: WordFile = yaml::parse(
                    &store::read_supplied(root, &team_words)?,
                    &team_words,
                    ErrorKind::Content,
                )?;
                jargon.extend(file.into());
            }
        }
        for dir in template_dirs {
            add_templates(&mut templates, root, dir)?;
        }
        if let Some(house) = house {
            if let Some((text, origin)) = &house.file {
                templates.add(&house.name, text.clone(), origin.clone())?;
            }
            if !templates.has(&house.name) {
                let known: Vec<&str> = templates.names().filter(|n| !n.contains('/')).collect();
                return Err(Error::content(format!(
                    "the record template `{}` does not exist",
                    house.name
                ))
                .hint(format!(
                    "use one of {} or a path to a template file",
                    known.join(", ")
                )));
            }
        }
        add_word_filters(&mut templates, &jargon);
        check::coach_templates(&templates)?;
        let mut by_id: BTreeMap<String, (Playbook, PathBuf, String)> = BTreeMap::new();
        for (path, origin, text) in sources {
            let embedded = origin == Origin::Embedded;
            let loaded = parse(&text, &path).and_then(|mut playbook| {
                playbook.origin = origin;
                if let (Some(house), Some(record)) = (house, playbook.record.as_mut())
                    && record.template == crate::config::DEFAULT_TEMPLATE
                {
                    record.template = house.name.clone();
                }
                // A file is checked before it replaces anything: a broken override is
                // skipped, and the playbook it would replace stays.
                if !embedded {
                    validate(&playbook, &library, &templates, &path, &text)?;
                }
                Ok(playbook)
            });
            match loaded {
                Ok(playbook) => {
                    by_id.insert(playbook.id.clone(), (playbook, path, text));
                }
                Err(error) if !embedded => skipped.push((declared_id(&text, &path), error)),
                Err(error) => return Err(error),
            }
        }
        // The built-in playbooks are checked once overrides are applied: one replaced by a
        // file is not used.
        for (playbook, path, text) in by_id.values() {
            if playbook.origin == Origin::Embedded {
                validate(playbook, &library, &templates, path, text)?;
            }
        }
        let mut playbooks: Vec<Playbook> = by_id
            .into_values()
            .map(|(playbook, _, _)| playbook)
            .collect();
        // The guided decision first: it is what most people came for.
        playbooks.sort_by_key(|p| (p.id != "decision", p.id.clone()));
        Ok(Catalog {
            playbooks,
            library,
            templates,
            jargon,
            skipped,
        })
    }

    pub(crate) fn get(&self, id: &str) -> Result<&Playbook> {
        // A team's playbook that does not load is not replaced by the built-in one of the
        // same id: running it is its error.
        if let Some((_, error)) = self.skipped.iter().find(|(skipped, _)| skipped == id) {
            return Err(error.clone());
        }
        self.playbooks.iter().find(|p| p.id == id).ok_or_else(|| {
            let known: Vec<&str> = self.playbooks.iter().map(|p| p.id.as_str()).collect();
            Error::usage(format!("there is no playbook `{id}`")).hint(
                check::suggestion(id, &known)
                    .unwrap_or_else(|| format!("choose one of: {}", known.join(", "))),
            )
        })
    }
}

/// The id a playbook file that does not load means to have: its `id:` line, else its
/// file name.
fn declared_id(text: &str, path: &Path) -> String {
    text.lines()
        .find_map(|line| line.strip_prefix("id:"))
        .map(|id| id.trim().trim_matches(['"', '\'']).to_string())
        .filter(|id| !id.is_empty())
        .unwrap_or_else(|| {
            path.file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default()
        })
}

fn parse(text: &str, path: &Path) -> Result<Playbook> {
    yaml::parse(text, path, ErrorKind::Content)
}

/// Check one playbook file as an author would: parse, then every rule `load` applies.
/// The file and the templates beside it are read under the repository `root`'s rules.
pub(crate) fn check_file(root: &Path, path: &Path) -> Result<Playbook> {
    let text = store::read_supplied(root, path)?;
    let mut templates = Templates::embedded()?;
    add_word_filters(&mut templates, &words::embedded());
    if let Some(dir) = path.parent() {
        add_templates(&mut templates, root, &dir.join("templates"))?;
    }
    check(&text, path, &templates)
}

fn check(text: &str, path: &Path, templates: &Templates) -> Result<Playbook> {
    check_against(text, path, templates, &Library::embedded()?)
}

/// Parse and check a playbook's text against these passages and templates, as `decide
/// playbooks check` does for a file; the fuzzer loads them once, not once per input.
pub(crate) fn check_against(
    text: &str,
    path: &Path,
    templates: &Templates,
    library: &Library,
) -> Result<Playbook> {
    let mut playbook = parse(text, path)?;
    playbook.origin = Origin::File(path.to_path_buf());
    validate(&playbook, library, templates, path, text)?;
    Ok(playbook)
}

/// The jargon list's filters: `jargon` finds the terms to put in plain words in a list of
/// answers (nested lists too, none skipped); `plain_words` gives the list's suggestion for
/// one.
pub(crate) fn add_word_filters(templates: &mut Templates, words: &WordList) {
    let list = std::sync::Arc::new(words.clone());
    let found = std::sync::Arc::clone(&list);
    templates.add_filter("jargon", move |value: minijinja::Value| -> Vec<String> {
        let mut texts = Vec::new();
        collect_text(&value, &mut texts);
        let mut phrases: Vec<String> = Vec::new();
        for text in texts {
            for phrase in found.phrases(&text) {
                if !phrases.iter().any(|p| p.eq_ignore_ascii_case(&phrase)) {
                    phrases.push(phrase);
                }
            }
        }
        phrases
    });
    templates.add_filter("plain_words", move |phrase: String| -> Option<String> {
        list.find(&phrase)
            .first()
            .and_then(|hit| list.terms[hit.term].plain.clone())
    });
}

/// The text in a value: a string, or the strings in a list (nested lists too); nothing
/// for none.
fn collect_text(value: &minijinja::Value, out: &mut Vec<String>) {
    if let Some(text) = value.as_str() {
        out.push(text.to_string());
    } else if value.kind() == minijinja::value::ValueKind::Seq
        && let Ok(items) = value.try_iter()
    {
        for item in items {
            collect_text(&item, out);
        }
    }
}

/// Add the templates under `dir` (if it exists), named by their path below it
/// (`decision.md`, `messages/to-team.txt`), replacing built-in ones of the same name.
/// These are the only templates an `{% include %}` can reach: the engine has no loader,
/// so nothing is read from the file system while a record renders. A directory of the
/// repository's that is a link is refused, not followed ([`store::refuse_linked_dir`]).
fn add_templates(templates: &mut Templates, root: &Path, dir: &Path) -> Result<()> {
    store::refuse_linked_dir(root, dir)?;
    for (name, file) in store::list_files_recursive(dir, TEMPLATE_EXTENSIONS)? {
        templates.add(&name, store::read_supplied(root, &file)?, file.clone())?;
    }
    Ok(())
}

/// File name endings taken as templates.
pub(crate) const TEMPLATE_EXTENSIONS: &[&str] = &["md", "txt", "j2", "jinja"];

#[cfg(test)]
mod tests {
    use super::*;

    /// A playbook a team is still writing is left out with why, and the others load; asked
    /// for, it is its error, even where it would replace a built-in playbook.
    #[test]
    fn a_playbook_that_does_not_load_is_skipped_with_why() {
        let good = "id: standup\ntitle: Standup\nsummary: Plan the day.\nquestions:\n  - id: plan\n    prompt: Plan?\n    kind: text\n";
        let cases = [
            ("half.yaml", "id: half\ntitle: [\n", "half.yaml:2:"),
            (
                "typo.yaml",
                "id: typo\ntitle: T\nsummary: S\nquestions:\n  - id: a\n    prompt: A?\n    kind: txt\n",
                "typo.yaml:7:11: questions[0].kind: unknown variant `txt`",
            ),
            (
                "decision.yaml",
                "id: decision\ntitle: Ours\nsummary: S\nquestions: []\nassessments:\n  - id: d\n    framework: no-such-framework\n    inputs: {}\n",
                "decision.yaml",
            ),
        ];
        for (name, text, expected) in cases {
            let dir = tempfile::tempdir().unwrap();
            std::fs::write(dir.path().join("standup.yaml"), good).unwrap();
            std::fs::write(dir.path().join(name), text).unwrap();
            let catalog =
                Catalog::load_with(dir.path(), &[dir.path().to_path_buf()], &[], None).unwrap();
            let skipped: Vec<String> = catalog
                .skipped
                .iter()
                .map(|(_, error)| error.to_string())
                .collect();
            assert_eq!(skipped.len(), 1, "{name}: {skipped:?}");
            assert!(skipped[0].contains(expected), "{name}: {skipped:?}");
            assert!(catalog.get("standup").is_ok(), "{name}: the others load");
            // Running the broken one is its error, not the built-in one of its id.
            let id = name.trim_end_matches(".yaml");
            let error = catalog.get(id).unwrap_err().to_string();
            assert!(error.contains(expected), "{name}: {error}");
            assert_eq!(
                catalog
                    .playbooks
                    .iter()
                    .filter(|p| p.id == "decision")
                    .count(),
                1,
                "{name}"
            );
        }
    }
}
