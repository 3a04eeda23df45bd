//! The passage library: verbatim quotes from the Tech Coffee Break episodes, and the
//! series catalogue. Loaded from `playbooks/passages/*.yaml` (embedded).

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::embedded;
use crate::error::{Error, Kind, Result};
use crate::yaml;

#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub(crate) struct Passage {
    pub id: String,
    pub episode: u32,
    pub section: String,
    pub speaker: String,
    pub quote: String,
    /// The question the passage answers, when it answers one: shown with it, so the answer
    /// keeps its meaning.
    #[serde(default)]
    pub asked: Option<Asked>,
}

/// A line of the episode that a passage answers, word for word.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub(crate) struct Asked {
    pub speaker: String,
    pub quote: String,
}

#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub(crate) struct Episode {
    pub number: u32,
    pub topic: String,
    pub title: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PassageFile {
    series: String,
    episode: u32,
    title: String,
    #[serde(default)]
    catalogue: Vec<Episode>,
    passages: Vec<Passage>,
}

#[derive(Debug, Clone, Default)]
pub(crate) struct Library {
    pub series: String,
    pub catalogue: Vec<Episode>,
    passages: Vec<Passage>,
    by_id: BTreeMap<String, usize>,
}

impl Library {
    /// The library shipped in the binary.
    pub(crate) fn embedded() -> Result<Library> {
        let mut library = Library::default();
        for (path, text) in embedded::files_in("passages", "yaml") {
            library.add_file(Path::new(&format!("playbooks/{path}")), text)?;
        }
        Ok(library)
    }

    fn add_file(&mut self, path: &Path, text: &str) -> Result<()> {
        let file: PassageFile = yaml::parse(text, path, Kind::Content)?;
        if self.series.is_empty() {
            self.series = file.series.clone();
        }
        for episode in file.catalogue {
            if !self.catalogue.iter().any(|e| e.number == episode.number) {
                self.catalogue.push(episode);
            }
        }
        if !self.catalogue.iter().any(|e| e.number == file.episode) {
            return Err(Error::content(format!(
                "episode {} ({}) is not in the series catalogue",
                file.episode, file.title
            ))
            .in_file(path)
            .hint("add it under `catalogue:`"));
        }
        for passage in file.passages {
            if passage.episode != file.episode {
                return Err(Error::content(format!(
                    "passage `{}` says episode {} but the file is episode {}",
                    passage.id, passage.episode, file.episode
                ))
                .in_file(path));
            }
            if self.by_id.contains_key(&passage.id) {
                return Err(
                    Error::content(format!("passage id `{}` is used twice", passage.id))
                        .in_file(path)
                        .hint("passage ids must be unique across the library"),
                );
            }
            self.by_id.insert(passage.id.clone(), self.passages.len());
            self.passages.push(passage);
        }
        self.catalogue.sort_by_key(|e| e.number);
        Ok(())
    }

    pub(crate) fn get(&self, id: &str) -> Option<&Passage> {
        self.by_id.get(id).map(|&index| &self.passages[index])
    }

    pub(crate) fn contains(&self, id: &str) -> bool {
        self.by_id.contains_key(id)
    }

    pub(crate) fn all(&self) -> &[Passage] {
        &self.passages
    }

    pub(crate) fn episode(&self, number: u32) -> Option<&Episode> {
        self.catalogue.iter().find(|e| e.number == number)
    }

    /// Passages whose quote, section, speaker or id contain every word (case-insensitive).
    pub(crate) fn search<'a>(&'a self, words: &[String]) -> Vec<&'a Passage> {
        let words: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
        self.passages
            .iter()
            .filter(|p| {
                let haystack =
                    format!("{} {} {} {}", p.id, p.section, p.speaker, p.quote).to_lowercase();
                words.iter().all(|w| haystack.contains(w.as_str()))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_library_loads_with_the_full_catalogue() {
        let library = Library::embedded().unwrap();
        assert_eq!(library.series, "Tech Coffee Break");
        let numbers: Vec<u32> = library.catalogue.iter().map(|e| e.number).collect();
        assert_eq!(numbers, (1..=12).collect::<Vec<_>>());
        assert_eq!(
            library.episode(12).unwrap().title,
            "From Senior Dev to Tech Lead"
        );
        assert!(library.all().len() >= 20);
    }

    #[test]
    fn only_episode_twelve_is_quoted() {
        // The other eleven episodes exist only as titles: nothing may be cited from them.
        let library = Library::embedded().unwrap();
        assert!(library.all().iter().all(|p| p.episode == 12));
    }

    #[test]
    fn search_matches_all_words() {
        let library = Library::embedded().unwrap();
        let hits = library.search(&["70%".into(), "information".into()]);
        assert!(hits.iter().any(|p| p.id == "seventy-percent-rule"));
        assert!(library.search(&["zzzz-no-such-word".into()]).is_empty());
    }
}
