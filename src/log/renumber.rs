//! `decide renumber`: after a merge two branches may each have added record 0007. The
//! oldest keeps the number (by date, then file name, so the result does not depend on
//! the order the directory lists them); the others take the next free numbers, their
//! `# 7. Title` headings follow, and every link to a moved file is rewritten.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::record::Record;
use crate::record::edit::{renumber_title, retarget_link, same_target};
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
/// not, so a broken file's number is never handed out again); `records` the parsed ones,
/// whose dates decide which duplicate stays.
pub(crate) fn plan(files: &[PathBuf], records: &[Record]) -> Vec<Move> {
    let mut by_number: BTreeMap<u32, Vec<&PathBuf>> = BTreeMap::new();
    for path in files {
        if let Some(number) = store::record_number(&name(path)) {
            by_number.entry(number).or_default().push(path);
        }
    }
    let mut next = by_number.keys().next_back().map_or(1, |n| n + 1);
    let date_of = |path: &Path| records.iter().find(|r| r.path == path).and_then(|r| r.date);
    let mut moves = Vec::new();
    for (number, mut holders) in by_number {
        if holders.len() < 2 {
            continue;
        }
        // Undated (or unparseable) records sort last: they are the least likely to be
        // the one people have been citing.
        holders.sort_by_key(|path| (date_of(path).is_none(), date_of(path), name(path)));
        for path in holders.into_iter().skip(1) {
            let file = name(path);
            let digits = file.chars().take_while(char::is_ascii_digit).count();
            let new_name = format!("{next:0width$}{}", &file[digits..], width = digits.max(4));
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

/// A record's new text after the moves: its own title renumbered if it moved, and its
/// links to moved files rewritten. None when nothing changes.
pub(crate) fn rewrite(text: &str, record: &Record, moves: &[Move]) -> Option<String> {
    let mut out = text.to_string();
    if let Some(own) = moves.iter().find(|m| m.from == record.path) {
        out = renumber_title(&out, record, own.old, own.new);
    }
    for link in &record.links {
        let target = link.target.split('#').next().unwrap_or_default();
        if let Some(moved) = moves.iter().find(|m| same_target(target, &m.old_name())) {
            let new_target = link
                .target
                .replacen(&moved.old_name(), &moved.new_name(), 1);
            out = retarget_link(
                &out,
                link.line,
                &link.target,
                &new_target,
                moved.old,
                moved.new,
            );
        }
    }
    (out != text).then_some(out)
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
        let records = vec![
            parse(
                Path::new("d/0007-new.md"),
                "---\ndate: 2026-05-02\n---\n# N\n",
            )
            .unwrap(),
            parse(
                Path::new("d/0007-old.md"),
                "---\ndate: 2026-05-01\n---\n# O\n",
            )
            .unwrap(),
        ];
        let moves = plan(&files, &records);
        let summary: Vec<(String, String)> =
            moves.iter().map(|m| (m.old_name(), m.new_name())).collect();
        assert_eq!(
            summary,
            [
                ("0007-new.md".to_string(), "0010-new.md".to_string()),
                ("0007-undated.md".to_string(), "0011-undated.md".to_string()),
            ]
        );
        assert!(plan(&files[..2], &records).is_empty());
    }

    #[test]
    fn links_and_titles_follow_the_move() {
        let moves = [Move {
            from: "d/0007-b.md".into(),
            to: "d/0010-b.md".into(),
            old: 7,
            new: 10,
        }];
        let moved_text = "# 7. B\n\n## Status\n\nAccepted\n\nAmends [7. A](0007-a.md)\n";
        let moved = parse(Path::new("d/0007-b.md"), moved_text).unwrap();
        assert_eq!(
            rewrite(moved_text, &moved, &moves).unwrap(),
            "# 10. B\n\n## Status\n\nAccepted\n\nAmends [7. A](0007-a.md)\n"
        );
        let other_text =
            "# 8. C\n\n## Status\n\nSupercedes [7. B](./0007-b.md)\n\nAmends [7. A](0007-a.md)\n";
        let other = parse(Path::new("d/0008-c.md"), other_text).unwrap();
        assert_eq!(
            rewrite(other_text, &other, &moves).unwrap(),
            "# 8. C\n\n## Status\n\nSupercedes [10. B](./0010-b.md)\n\nAmends [7. A](0007-a.md)\n"
        );
        let untouched = parse(Path::new("d/0007-a.md"), "# 7. A\n").unwrap();
        assert_eq!(rewrite("# 7. A\n", &untouched, &moves), None);
    }
}
