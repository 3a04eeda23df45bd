//! Links between two records, written both ways: "A Supersedes B" in A and "B Superseded
//! by A" in B. Both new texts are made before either file is written, so a record that
//! cannot be parsed leaves both untouched. Targets are relative from each record's own
//! folder, wherever the command runs.

use std::path::Path;

use super::{link_label_in, link_target, load};
use crate::error::Result;
use crate::record::{Format, LabelStyle, Record, edit, parse};
use crate::store;

/// Add `kind` from `source` to `target` and `reverse` from `target` back to `source`.
/// A record that a link says is superseded gets the status `superseded` too. Both records
/// are read under `lock`, so a concurrent edit is never overwritten. `base` is the
/// directory relative paths start from.
pub(crate) fn both_ways(
    lock: &store::LogLock,
    base: &Path,
    source: &Path,
    kind: &str,
    target: &Path,
    reverse: &str,
) -> Result<()> {
    let (source_record, source_text) = load(source)?;
    let (target_record, target_text) = load(target)?;
    let mut source_style = style_for(source, &source_text);
    let mut target_style = style_for(target, &target_text);
    // The two records are the log's too, and may be its only ones linking with `ref`.
    let hugo_ref = source_style.hugo_ref || target_style.hugo_ref;
    source_style.hugo_ref = hugo_ref;
    target_style.hugo_ref = hugo_ref;
    // One style for both links, so the two records name each other alike.
    let labels = labels_in_log(&source_record, &target_record);
    let new_source = with_link(
        base,
        (&source_text, &source_record),
        kind,
        (&target_record, labels.as_ref()),
        source_style,
    )?;
    let new_target = with_link(
        base,
        (&target_text, &target_record),
        reverse,
        (&source_record, labels.as_ref()),
        target_style,
    )?;
    // Both are checked before either is written: a read-only target must not leave a
    // one-way link behind.
    for (path, new, old) in [
        (source, &new_source, &source_text),
        (target, &new_target, &target_text),
    ] {
        if new != old {
            store::check_editable(path)?;
        }
    }
    if new_source != source_text {
        lock.replace(source, new_source.as_bytes())?;
    }
    if new_target != target_text {
        lock.replace(target, new_target.as_bytes())?;
    }
    Ok(())
}

/// How links between `edited` and `other` are labelled: as the two records' own links or
/// their log's newest records label theirs.
pub(crate) fn labels_in_log(edited: &Record, other: &Record) -> Option<LabelStyle> {
    store::record_folder(&edited.path).and_then(|dir| super::label_style(&[edited, other], dir))
}

/// How an edit of `path` (holding `text`) writes: as the record does, else as its log's
/// newest records do.
pub(crate) fn style_for(path: &Path, text: &str) -> edit::HouseStyle {
    let log = store::record_folder(path)
        .map(super::house_style)
        .unwrap_or_default();
    let own = edit::HouseStyle::of(text);
    edit::HouseStyle {
        marker: own.marker.or(log.marker),
        hugo_ref: own.hugo_ref || log.hugo_ref,
        links_on_status_line: own.links_on_status_line || log.links_on_status_line,
        successor_on_label: own.successor_on_label || log.successor_on_label,
    }
}

/// `text` (parsed as `record`) with a link of `kind` to `other`, labelled in the log's
/// style (`labels`, else as adr-tools labels), written as the log writes (`style`). A log4brains record is closed on its status bullet, as log4brains
/// does; others get the status `superseded` and the link in their links.
pub(crate) fn with_link(
    base: &Path,
    (text, record): (&str, &Record),
    kind: &str,
    (other, labels): (&Record, Option<&LabelStyle>),
    style: edit::HouseStyle,
) -> Result<String> {
    let label = link_label_in(labels, other);
    let target = link_target(base, &record.path, &other.path);
    // log4brains names records by date and slug, and links by the slug.
    if kind == "Superseded by"
        && record.file_date.is_some()
        && record.format == Format::Madr
        && let Some(text) =
            edit::supersede_on_status_bullet(text, record, &other.stem(), &target, style)?
    {
        return Ok(text);
    }
    // MADR 2 closes a record on the status bullet it already has, its own template's
    // `* Status: superseded by [ADR-0005](0005-example.md)`.
    if kind == "Superseded by"
        && record.format == Format::Madr
        && record.file_date.is_none()
        && !record.statuses.is_empty()
        && record
            .statuses
            .iter()
            .all(|s| s.place == crate::record::parse::StatusPlace::Bullet)
        && let Some(number) = other.number
        && let Some(text) = edit::supersede_on_status_bullet(
            text,
            record,
            &labels.map_or_else(
                || format!("ADR-{number:04}"),
                |labels| labels.label(number, &other.title),
            ),
            &target,
            style,
        )?
    {
        return Ok(text);
    }
    // A record of bold labels closes on its bold status line, as adr-tools closes its
    // `## Status` section: `**Status:** Superseded by [5. Title](…)`; unless the log's
    // records name their successor on a bold label of its own, as the link goes below.
    if kind == "Superseded by"
        && record.format == Format::Nygard
        && !style.successor_on_label
        && on_bold_status_line(text, record)
        && let Some(text) = edit::supersede_on_status_bullet(text, record, &label, &target, style)?
    {
        return Ok(text);
    }
    // adr-tools replaces the status word with the link, unless the log's own superseded
    // records keep both.
    if kind == "Superseded by"
        && record.format == Format::Nygard
        && record.status.as_deref() != Some("superseded")
        && !store::record_folder(&record.path).is_some_and(super::keeps_status_word_when_superseded)
        && let Some(text) = edit::supersede_in_status_section(text, record, &label, &target, style)
    {
        return Ok(text);
    }
    let mut text = text.to_string();
    let mut record = record.clone();
    if kind == "Superseded by" && record.status.as_deref() != Some("superseded") {
        text = edit::set_status_in(&text, &record, "superseded", style)?;
        text =
            super::with_status_symbols(&record.path, text, record.status.as_deref(), "superseded");
        // The status may have added lines: the link goes by the new line numbers.
        record = parse(&record.path, &text)?;
    }
    Ok(edit::add_link_in(
        &text, &record, kind, &label, &target, style,
    ))
}

/// Whether `record` (whose text is `text`) states its status on bold lines only
/// (`**Status:** Accepted`), as logs of bold labels do.
fn on_bold_status_line(text: &str, record: &Record) -> bool {
    !record.statuses.is_empty()
        && record.statuses.iter().all(|s| {
            s.place == crate::record::parse::StatusPlace::Bullet
                && text
                    .lines()
                    .nth(s.line.saturating_sub(1))
                    .is_some_and(|line| line.trim_start().starts_with("**"))
        })
}

#[cfg(test)]
mod tests {
    use std::fs;

    use super::*;

    #[test]
    fn supersede_links_both_and_closes_the_old_one() {
        let dir = tempfile::tempdir().unwrap();
        let old = dir.path().join("0001-old.md");
        let new = dir.path().join("0002-new.md");
        fs::write(
            &old,
            "# 1. Old\n\nDate: 2020-01-01\n\n## Status\n\nAccepted\n\n## Context\n\nx\n",
        )
        .unwrap();
        fs::write(&new, "---\nstatus: accepted\nplaybook: decision\n---\n\n# New\n\n## Context and Problem Statement\n\ny\n").unwrap();
        let lock = store::lock_log(&[dir.path()]).unwrap();
        both_ways(&lock, dir.path(), &new, "Supersedes", &old, "Superseded by").unwrap();
        assert_eq!(
            fs::read_to_string(&old).unwrap(),
            "# 1. Old\n\nDate: 2020-01-01\n\n## Status\n\nSuperseded by [2. New](0002-new.md)\n\n## Context\n\nx\n"
        );
        assert_eq!(
            fs::read_to_string(&new).unwrap(),
            "---\nstatus: accepted\nplaybook: decision\n---\n\n# New\n\n## Context and Problem Statement\n\ny\n\n## Links\n\n* Supersedes [1. Old](0001-old.md)\n"
        );
        let before = fs::read_to_string(&new).unwrap();
        both_ways(&lock, dir.path(), &new, "Supersedes", &old, "Superseded by").unwrap();
        assert_eq!(
            fs::read_to_string(&new).unwrap(),
            before,
            "linking twice adds nothing"
        );
    }

    #[test]
    fn a_log4brains_record_is_closed_on_its_status_bullet() {
        let dir = tempfile::tempdir().unwrap();
        let old = dir.path().join("20240102-keep-sessions-in-memory.md");
        let new = dir.path().join("20240305-keep-sessions-in-redis.md");
        let draft = dir.path().join("20240310-share-sessions-across-regions.md");
        let old_text = "# Keep sessions in memory\n\n- Status: accepted\n- Date: 2024-01-02\n\n## Context and Problem Statement\n\nOne node.\n";
        let draft_text = "# Share sessions across regions\n\n- Date: 2024-03-10\n\n## Context and Problem Statement\n\nTwo regions.\n";
        fs::write(&old, old_text).unwrap();
        fs::write(&draft, draft_text).unwrap();
        fs::write(
            &new,
            "# Keep sessions in Redis\n\n- Status: accepted\n- Date: 2024-03-05\n\n## Context and Problem Statement\n\nThree nodes.\n",
        )
        .unwrap();
        let lock = store::lock_log(&[dir.path()]).unwrap();
        both_ways(&lock, dir.path(), &new, "Supersedes", &old, "Superseded by").unwrap();
        let closed = "- Status: superseded by [20240305-keep-sessions-in-redis](20240305-keep-sessions-in-redis.md)";
        assert_eq!(
            fs::read_to_string(&old).unwrap(),
            old_text.replace("- Status: accepted", closed)
        );
        assert!(
            fs::read_to_string(&new)
                .unwrap()
                .ends_with("## Links\n\n- Supersedes [Keep sessions in memory](20240102-keep-sessions-in-memory.md)\n")
        );
        let after = fs::read_to_string(&old).unwrap();
        both_ways(&lock, dir.path(), &new, "Supersedes", &old, "Superseded by").unwrap();
        assert_eq!(
            fs::read_to_string(&old).unwrap(),
            after,
            "twice adds nothing"
        );
        // A record with no status yet gets one among its bullets.
        both_ways(
            &lock,
            dir.path(),
            &new,
            "Supersedes",
            &draft,
            "Superseded by",
        )
        .unwrap();
        assert_eq!(
            fs::read_to_string(&draft).unwrap(),
            draft_text.replace("- Date:", &format!("{closed}\n- Date:"))
        );
    }

    #[test]
    fn targets_are_relative_to_each_record_wherever_decide_runs() {
        let dir = tempfile::tempdir().unwrap();
        let log = dir.path().join("docs/adr");
        fs::create_dir_all(&log).unwrap();
        fs::write(log.join("0001-a.md"), "# 1. A\n\n## Status\n\nAccepted\n").unwrap();
        fs::write(log.join("0002-b.md"), "# 2. B\n\n## Status\n\nAccepted\n").unwrap();
        // The old record named by a roundabout path: the link is still a sibling's.
        let lock = store::lock_log(&[log.as_path()]).unwrap();
        both_ways(
            &lock,
            Path::new("/elsewhere"),
            &log.join("0002-b.md"),
            "Amends",
            &dir.path().join("docs/./adr/../adr/0001-a.md"),
            "Amended by",
        )
        .unwrap();
        let b = fs::read_to_string(log.join("0002-b.md")).unwrap();
        assert!(b.contains("Amends [1. A](0001-a.md)"), "{b}");
        let a = fs::read_to_string(log.join("0001-a.md")).unwrap();
        assert!(a.contains("Amended by [2. B](0002-b.md)"), "{a}");
    }

    #[test]
    fn a_broken_record_leaves_both_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let good = dir.path().join("0001-good.md");
        let bad = dir.path().join("0002-bad.md");
        fs::write(&good, "# 1. Good\n\n## Status\n\nAccepted\n").unwrap();
        fs::write(&bad, "no title here\n").unwrap();
        let lock = store::lock_log(&[dir.path()]).unwrap();
        assert!(both_ways(&lock, dir.path(), &good, "Amends", &bad, "Amended by").is_err());
        assert_eq!(
            fs::read_to_string(&good).unwrap(),
            "# 1. Good\n\n## Status\n\nAccepted\n"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_read_only_target_leaves_both_untouched() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let source = dir.path().join("0001-a.md");
        let target = dir.path().join("0002-b.md");
        fs::write(&source, "# 1. A\n\n## Status\n\nAccepted\n").unwrap();
        fs::write(&target, "# 2. B\n\n## Status\n\nAccepted\n").unwrap();
        fs::set_permissions(&target, fs::Permissions::from_mode(0o444)).unwrap();
        let lock = store::lock_log(&[dir.path()]).unwrap();
        let result = both_ways(&lock, dir.path(), &source, "Amends", &target, "Amended by");
        fs::set_permissions(&target, fs::Permissions::from_mode(0o644)).unwrap();
        let error = result.unwrap_err();
        assert!(error.to_string().contains("read-only"), "{error}");
        assert_eq!(
            fs::read_to_string(&source).unwrap(),
            "# 1. A\n\n## Status\n\nAccepted\n"
        );
    }
}
