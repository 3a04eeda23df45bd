//! `decide renumber`: after a merge two branches may each have added record 0007. The
//! oldest keeps the number (by date, then file name, so the result does not depend on
//! the order the directory lists them); the others take the next free numbers. Their
//! `# 7. Title` headings and front matter `id`s follow, and every link to a moved file,
//! typed or in running text, is rewritten. Each step is a lookup in a map, so ten
//! thousand records with thousands of shared numbers take one pass.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::normalise;
use crate::error::Result;
use crate::record::Record;
use crate::record::edit::{
    Rename, rename_slug_title, renumber_title, retarget_link, set_front_matter_value,
};
use crate::store;

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Move {
    pub from: PathBuf,
    pub to: PathBuf,
    pub old: u32,
    pub new: u32,
}

impl Move {
    pub(crate) fn old_name(&self) -> String {
        name(&self.from)
    }

    pub(crate) fn new_name(&self) -> String {
        name(&self.to)
    }
}

fn name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// The moves that leave every number used once. `files` are all record files (parsed or
/// not, so a broken file's number is never handed out again); `dates` the parsed ones'
/// dates, which decide which duplicate stays.
pub(crate) fn plan(files: &[PathBuf], dates: &HashMap<PathBuf, Option<NaiveDate>>) -> Vec<Move> {
    let mut by_number: BTreeMap<u32, Vec<&PathBuf>> = BTreeMap::new();
    for path in files {
        if let store::Prefix::Number(number) = store::record_prefix(&name(path)) {
            by_number.entry(number).or_default().push(path);
        }
    }
    let mut next = by_number.keys().next_back().map_or(1, |n| n + 1);
    let date_of = |path: &Path| dates.get(path).copied().flatten();
    let mut moves = Vec::new();
    for (number, mut holders) in by_number {
        if holders.len() < 2 {
            continue;
        }
        // Undated (or unparseable) records sort last: they are the least likely to be
        // the one people have been citing.
        holders.sort_by_cached_key(|path| (date_of(path).is_none(), date_of(path), name(path)));
        for path in holders.into_iter().skip(1) {
            let file = name(path);
            let style = store::NumberStyle::of(&file).unwrap_or_default();
            let rest = &file[style.prefix.len() + style.width..];
            let new_name = format!("{}{next:0width$}{rest}", style.prefix, width = style.width);
            moves.push(Move {
                from: path.clone(),
                to: path.with_file_name(new_name),
                old: number,
                new: next,
            });
            next += 1;
        }
    }
    moves
}

/// The moves, looked up by the moved file's path (made absolute from `base`) and by its
/// file name.
pub(crate) struct Moves<'a> {
    base: PathBuf,
    by_path: HashMap<PathBuf, &'a Move>,
    by_name: HashMap<String, Vec<&'a Move>>,
}

impl<'a> Moves<'a> {
    pub(crate) fn new(base: &Path, moves: &'a [Move]) -> Moves<'a> {
        let mut by_name: HashMap<String, Vec<&Move>> = HashMap::new();
        for step in moves {
            by_name.entry(step.old_name()).or_default().push(step);
        }
        Moves {
            base: base.to_path_buf(),
            by_path: moves
                .iter()
                .map(|m| (normalise(&base.join(&m.from)), m))
                .collect(),
            by_name,
        }
    }

    pub(crate) fn of(&self, path: &Path) -> Option<&'a Move> {
        self.by_path.get(&normalise(&self.base.join(path))).copied()
    }

    /// The move a link in the record at `from` names: by its path, else (a path written
    /// from somewhere else, such as the repository's root) by its file name when only one
    /// moved file has it.
    fn named_by(&self, from: &Path, file: &str) -> Option<&'a Move> {
        let dir = from.parent().unwrap_or(Path::new(""));
        let path = normalise(&self.base.join(dir).join(file));
        if let Some(step) = self.by_path.get(&path) {
            return Some(step);
        }
        let file_name = file.rsplit('/').next().unwrap_or(file);
        match self.by_name.get(file_name).map(Vec::as_slice) {
            Some([one]) if !store::is_file(&path) => Some(one),
            // `0007-b`, as sites serve `0007-b.md`: the file with a record's extension.
            None if !file_name.contains('.') => store::RECORD_EXTENSIONS
                .iter()
                .find_map(|extension| self.named_by(from, &format!("{file}{extension}"))),
            _ => None,
        }
    }
}

/// A record's new text after the moves: its own heading and front matter `id` renumbered
/// if it moved, and its links to moved files rewritten. None when nothing changes.
pub(crate) fn rewrite(text: &str, record: &Record, moves: &Moves<'_>) -> Result<Option<String>> {
    let mut out = text.to_string();
    if let Some(own) = moves.of(&record.path) {
        let old_stem = store::without_extension(&own.old_name()).to_string();
        let new_stem = store::without_extension(&own.new_name()).to_string();
        // A heading that repeats the file name (`# 0003-use-rust`) follows it.
        out = match rename_slug_title(&out, record, &old_stem, &new_stem) {
            Some(renamed) => renamed,
            None => renumber_title(&out, record, own.old, own.new),
        };
        out = set_front_matter_value(&out, record, "id", &old_stem, &new_stem)?;
    }
    let mut done: Vec<(usize, &Move)> = Vec::new();
    for link in record.links.iter().chain(&record.mentions) {
        let Some(file) = link.file() else {
            continue;
        };
        let Some(step) = moves.named_by(&record.path, file) else {
            continue;
        };
        if done
            .iter()
            .any(|(line, m)| *line == link.line && std::ptr::eq(*m, step))
        {
            continue;
        }
        done.push((link.line, step));
        let (mut old_name, mut new_name) = (step.old_name(), step.new_name());
        // A link written without the extension keeps writing none.
        let written = file.rsplit('/').next().unwrap_or(file);
        if written != old_name {
            old_name = store::without_extension(&old_name).to_string();
            new_name = store::without_extension(&new_name).to_string();
        }
        let rename = Rename {
            old_name: &old_name,
            new_name: &new_name,
            old_number: step.old,
            new_number: step.new,
        };
        out = retarget_link(&out, link.line, &rename);
    }
    Ok((out != text).then_some(out))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::parse;

    #[test]
    fn the_oldest_keeps_its_number() {
        let files: Vec<PathBuf> = [
            "d/0006-x.md",
            "d/0007-new.md",
            "d/0007-old.md",
            "d/0007-undated.md",
            "d/0009-y.md",
        ]
        .iter()
        .map(PathBuf::from)
        .collect();
        let day = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
        let dates: HashMap<PathBuf, Option<NaiveDate>> = [
            (PathBuf::from("d/0007-new.md"), day("2026-05-02")),
            (PathBuf::from("d/0007-old.md"), day("2026-05-01")),
        ]
        .into_iter()
        .collect();
        let moves = plan(&files, &dates);
        let summary: Vec<(String, String)> =
            moves.iter().map(|m| (m.old_name(), m.new_name())).collect();
        assert_eq!(
            summary,
            [
                ("0007-new.md".to_string(), "0010-new.md".to_string()),
                ("0007-undated.md".to_string(), "0011-undated.md".to_string()),
            ]
        );
        assert!(plan(&files[..2], &dates).is_empty());
    }

    #[test]
    fn links_titles_and_ids_follow_the_move() {
        let moves = [Move {
            from: "d/0007-b.md".into(),
            to: "d/0010-b.md".into(),
            old: 7,
            new: 10,
        }];
        let moves = Moves::new(Path::new("/nowhere"), &moves);
        let moved_text = "---\nid: 0007-b\ntitle: B\n---\n# 7. B\n\n## Status\n\nAccepted\n\nAmends [7. A](0007-a.md)\n";
        let moved = parse(Path::new("d/0007-b.md"), moved_text).unwrap();
        assert_eq!(
            rewrite(moved_text, &moved, &moves).unwrap().unwrap(),
            "---\nid: 0010-b\ntitle: B\n---\n# 10. B\n\n## Status\n\nAccepted\n\nAmends [7. A](0007-a.md)\n"
        );
        let other_text = "# 8. C\n\n## Status\n\nSupercedes [7. B](./0007-b.md)\n\nAmends [7. A](0007-a.md)\n\n## Context\n\nAs [ADR 7](0007-b.md) and [the root copy](d/0007-b.md) say.\n";
        let other = parse(Path::new("d/0008-c.md"), other_text).unwrap();
        assert_eq!(
            rewrite(other_text, &other, &moves).unwrap().unwrap(),
            "# 8. C\n\n## Status\n\nSupercedes [10. B](./0010-b.md)\n\nAmends [7. A](0007-a.md)\n\n## Context\n\nAs [ADR 10](0010-b.md) and [the root copy](d/0010-b.md) say.\n"
        );
        let bare_text = "# 9. D\n\n## Status\n\nSupersedes [ADR-007](0007-b)\n\nAs [ADR 7](./0007-b#why) said; [the guide](../guides/0007-b-notes) did not.\n";
        let bare = parse(Path::new("d/0009-d.md"), bare_text).unwrap();
        assert_eq!(
            rewrite(bare_text, &bare, &moves).unwrap().unwrap(),
            "# 9. D\n\n## Status\n\nSupersedes [ADR-010](0010-b)\n\nAs [ADR 10](./0010-b#why) said; [the guide](../guides/0007-b-notes) did not.\n"
        );
        let untouched = parse(Path::new("d/0007-a.md"), "# 7. A\n").unwrap();
        assert_eq!(rewrite("# 7. A\n", &untouched, &moves).unwrap(), None);
    }
}
