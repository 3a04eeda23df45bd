//! Changes to an existing record's text: its status, a link, an outcome section, its number.
//! Each is a pure function from the old text to the new one that touches only the lines it
//! must, at the places the parser read them, so every other byte (spacing, line endings,
//! capitalisation, list markers, hand-written notes) stays as it was. Callers pass the
//! record parsed from the same text. Where the parser could not tell where a field is, or
//! a field is written twice, an edit refuses rather than guess.

use std::ops::Range;

use chrono::NaiveDate;

use super::parse::{
    Format, HeadingNumber, HeadingStyle, OUTCOME_HEADING, ProblemKind, Record, StatusField,
    StatusPlace, definition_spans, escape_label, link_spans, names_section, target_file,
};
use crate::error::{Error, Result};

/// The text with `record`'s status set to `status` everywhere the record states one: a
/// record whose front matter and `## Status` both say "Proposed" says "Accepted" in both.
pub(crate) fn set_status(text: &str, record: &Record, status: &str) -> Result<String> {
    set_status_in(text, record, status, HouseStyle::default())
}

/// [`set_status`] in a log whose other records write as `style` says: a record with no
/// status and no list of its own gets its status bullet with the log's marker.
pub(crate) fn set_status_in(
    text: &str,
    record: &Record,
    status: &str,
    style: HouseStyle,
) -> Result<String> {
    refuse_duplicate_key(record, "status")?;
    let updated = status_edit(text, record, status, style)?;
    // The edit touches the lines where the reader found the status. Where one is not a
    // plain `status: x` (a quoted key, a YAML block or mapping under `status:`), reading
    // the result back is what shows it went wrong: a second `status:` that breaks the
    // front matter, or another line overwritten.
    match super::parse::parse(&record.path, &updated) {
        Ok(reread) if reread.status.as_deref() == Some(status) => Ok(updated),
        // adr-tools' `Superceded by …` line under the status word outranks any word.
        Ok(reread) if reread.status.as_deref() == Some("superseded") => {
            let successor = record.links.iter().find(|l| {
                l.kind.eq_ignore_ascii_case("Superseded by")
                    && l.place == super::parse::Place::Status
            });
            Err(kept_superseded(record, status, successor.map(|l| l.line)))
        }
        _ => Err(
            Error::record("cannot change the status as this record writes it")
                .in_file(&record.path)
                .hint("edit the status by hand"),
        ),
    }
}

/// The error for a status the record cannot take while `line` of its status section names
/// what superseded it.
fn kept_superseded(record: &Record, status: &str, line: Option<usize>) -> Error {
    let line = line.map_or_else(|| "its status section".into(), |l| format!("line {l}"));
    Error::record(format!(
        "cannot make this record {status}: {line} says what superseded it"
    ))
    .in_file(&record.path)
    .hint("remove or change that line by hand if the decision holds again")
}

/// How a log's other records write what one record may not show yet: their list marker,
/// and whether their links go through Hugo's `ref` shortcode.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct HouseStyle {
    pub(crate) marker: Option<char>,
    pub(crate) hugo_ref: bool,
    /// A record of bold labels links on its bold status line, `**Status:** Accepted,
    /// supersedes [3. Y](…)`, rather than on a bold label of the link's own.
    pub(crate) links_on_status_line: bool,
    /// A record of bold labels closed as superseded names its successor on a bold label of
    /// its own (`**Superseded by:** [5. X](…)` under `**Status:** Superseded`).
    pub(crate) successor_on_label: bool,
}

impl HouseStyle {
    /// The style `text`, one of the log's records, shows.
    pub(crate) fn of(text: &str) -> HouseStyle {
        HouseStyle {
            marker: first_bullet(text),
            hugo_ref: text.contains(HUGO_REF),
            links_on_status_line: text.lines().any(links_after_status_word),
            successor_on_label: text.lines().any(|line| {
                let line = line.trim_start().to_ascii_lowercase();
                ["**superseded by:**", "**superceded by:**"]
                    .iter()
                    .any(|label| line.starts_with(label))
            }),
        }
    }
}

/// Whether `line` is a bold status line that names a status, then links after a comma or
/// a semicolon: `**Status:** Accepted, supersedes [3. Y](…)`.
fn links_after_status_word(line: &str) -> bool {
    let Some(value) = line
        .trim_start()
        .strip_prefix("**Status:**")
        .or_else(|| line.trim_start().strip_prefix("**Status**:"))
    else {
        return false;
    };
    value.contains("](")
        && value
            .match_indices([',', ';'])
            .any(|(at, _)| super::parse::is_known_kind_link(&value[at + 1..]))
}

const HUGO_REF: &str = "{{< ref \"";

/// The marker of the first list item in `text`, outside front matter and code blocks.
fn first_bullet(text: &str) -> Option<char> {
    let mut lines = text.lines().peekable();
    if lines.peek().is_some_and(|l| l.trim_end() == "---") {
        lines.next();
        for line in lines.by_ref() {
            if line.trim_end() == "---" {
                break;
            }
        }
    }
    let mut fenced = false;
    for line in lines {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
        }
        if !fenced && let Some(marker) = bullet_marker(line) {
            return Some(marker);
        }
    }
    None
}

fn bullet_marker(line: &str) -> Option<char> {
    line.chars()
        .next()
        .filter(|c| matches!(c, '*' | '-' | '+'))
        .filter(|_| line[1..].starts_with(' '))
}

fn status_edit(text: &str, record: &Record, status: &str, style: HouseStyle) -> Result<String> {
    let lines = Lines::new(text);
    let has_plain_section_line = record
        .statuses
        .iter()
        .any(|s| s.place == StatusPlace::Section && !s.only_links);
    let mut replacements: Vec<(usize, Range<usize>, String)> = Vec::new();
    let mut word_before: Option<usize> = None;
    for field in &record.statuses {
        if field.place == StatusPlace::Section && field.only_links {
            // A record that says what superseded it is not in force again by a word above
            // that line: the line would still say it.
            if !super::parse::no_longer_in_force(status) && !has_plain_section_line {
                return Err(kept_superseded(record, status, Some(field.line)));
            }
            // adr-tools' "Superceded by …" alone: keep it, and write the word above it.
            if !has_plain_section_line && word_before.is_none() {
                word_before = Some(field.line);
            }
            continue;
        }
        if field.line == 0 {
            return Err(
                Error::record("cannot tell where the front matter's `status` is written")
                    .in_file(&record.path)
                    .hint("write it as a plain `status: …` line, or edit the status by hand"),
            );
        }
        if field.place == StatusPlace::Section
            && let Some(ticks) = moved_tick(&lines, field.line, status)
        {
            replacements.extend(ticks);
            continue;
        }
        let content = lines.content(field.line);
        let (range, word) =
            replacement(field, content, status).map_err(|error| error.in_file(&record.path))?;
        replacements.push((field.line, range, word));
    }
    if replacements.is_empty() && word_before.is_none() {
        return Ok(insert_status(text, &lines, record, status, style));
    }
    let mut out = text.to_string();
    // From the end, so earlier offsets stay valid.
    replacements.sort_by_key(|(line, range, _)| std::cmp::Reverse((*line, range.start)));
    for (line, range, word) in replacements {
        let start = lines.start(line);
        out.replace_range(start + range.start..start + range.end, &word);
    }
    if let Some(line) = word_before {
        let at = lines.start(line);
        let nl = lines.newline;
        out.insert_str(at, &format!("{}{nl}{nl}", crate::text::capitalise(status)));
    }
    Ok(out)
}

/// Where the status is the ticked item of a task list of statuses (`- [ ] Proposed`, `-
/// [x] Accepted`) that lists `status` too: the tick moved to it, as the team would move
/// it, every word kept. `line` is the ticked item's line.
fn moved_tick(
    lines: &Lines<'_>,
    line: usize,
    status: &str,
) -> Option<Vec<(usize, Range<usize>, String)>> {
    // The place of the box's inside in a task item's line, and the words after the box.
    let task = |line: usize| {
        let content = lines.content(line);
        let trimmed = content.trim_start();
        let bullet = ["* ", "- ", "+ "]
            .iter()
            .find(|b| trimmed.starts_with(**b))?;
        let boxed = &trimmed[bullet.len()..];
        let inside = content.len() - trimmed.len() + bullet.len() + 1;
        matches!(boxed.as_bytes(), [b'[', b' ' | b'x' | b'X', b']', b' ', ..])
            .then(|| (inside, content.as_bytes()[inside], boxed[4..].trim()))
    };
    let (ticked_at, tick, _) = task(line).filter(|(_, mark, _)| *mark != b' ')?;
    let reads_as_status =
        |words: &str| super::parse::read_status_word(words).is_some_and(|word| word == status);
    let list = |step: fn(usize) -> Option<usize>| {
        std::iter::successors(step(line), move |&n| step(n))
            .take_while(|&n| n >= 1 && n <= lines.count() && task(n).is_some())
    };
    let untick = (line, ticked_at..ticked_at + 1, " ".to_string());
    let target = list(|n| n.checked_sub(1))
        .chain(list(|n| Some(n + 1)))
        .find(|&n| task(n).is_some_and(|(_, mark, words)| mark == b' ' && reads_as_status(words)));
    if let Some(target) = target {
        let (target_at, ..) = task(target)?;
        return Some(vec![
            untick,
            (
                target,
                target_at..target_at + 1,
                char::from(tick).to_string(),
            ),
        ]);
    }
    // A status the list does not offer: a ticked item of its own after the list's last,
    // the others kept as they are.
    let last = list(|n| Some(n + 1)).last().unwrap_or(line);
    let end = lines.content(last).len();
    let content = lines.content(line);
    let (_, _, words) = task(line)?;
    let item = format!(
        "{}{}{}] {}",
        lines.newline,
        &content[..ticked_at],
        char::from(tick),
        styled(status, words, StatusPlace::Section)
    );
    Some(vec![untick, (last, end..end, item)])
}

/// The symbols before a status as written, with the space after them: `✅ ` in `✅
/// Accepted`, `⌛️ ` (with its variation selector) in `⌛️ Superseded`; empty for most.
pub(crate) fn status_symbols(written: &str) -> &str {
    let rest = super::parse::without_symbols(written);
    &written[..written.len() - rest.len()]
}

/// `text` (read as `record`, whose status is now `status`) with the symbols before each
/// status that has some replaced by `symbols`: `🤔 Accepted` → `✅ Accepted` in a log
/// whose accepted records say `✅`. A status written without symbols keeps none.
pub(crate) fn restyle_status_symbols(
    text: &str,
    record: &Record,
    status: &str,
    symbols: &str,
) -> String {
    let lines = Lines::new(text);
    let mut out = text.to_string();
    // From the end, so earlier offsets stay valid.
    for field in record.statuses.iter().rev() {
        if field.status.as_deref() != Some(status) || field.line == 0 {
            continue;
        }
        let Some(value) = lines.content(field.line).get(field.value.clone()) else {
            continue;
        };
        let old = status_symbols(value);
        // The same symbols with or without a variation selector (`⌛️` and `⌛`) are the
        // same: a line the edit did not change keeps every byte.
        let bare = |s: &str| -> String {
            s.chars()
                .filter(|c| !matches!(c, '\u{fe0e}' | '\u{fe0f}'))
                .collect()
        };
        if old.is_empty() || bare(old) == bare(symbols) {
            continue;
        }
        let start = lines.start(field.line) + field.value.start;
        out.replace_range(start..start + old.len(), symbols);
    }
    out
}

/// `text` (read as `record`, a new record) with `symbols` before each status it states
/// without any, as a log that marks its statuses (`✅ Accepted`) writes them.
pub(crate) fn mark_statuses(text: &str, record: &Record, symbols: &str) -> String {
    let lines = Lines::new(text);
    let mut out = text.to_string();
    for field in record.statuses.iter().rev() {
        if field.status.is_none() || field.line == 0 || field.place == StatusPlace::FrontMatter {
            continue;
        }
        let Some(value) = lines.content(field.line).get(field.value.clone()) else {
            continue;
        };
        if !status_symbols(value).is_empty() {
            continue;
        }
        let start = lines.start(field.line) + field.value.start;
        out.insert_str(start, symbols);
    }
    out
}

/// An edit of a key written twice would change one and leave the other: refuse.
fn refuse_duplicate_key(record: &Record, key: &str) -> Result<()> {
    let duplicate = record
        .problems
        .iter()
        .find(|p| p.kind == ProblemKind::DuplicateKey && p.message.contains(&format!("`{key}`")));
    match duplicate {
        Some(problem) => Err(Error::record(problem.message.clone())
            .at(crate::error::Location {
                path: record.path.clone(),
                line: problem.line,
                column: None,
            })
            .hint(format!(
                "keep one `{key}:` line, then run the command again"
            ))),
        None => Ok(()),
    }
}

/// The part of a status line to replace and what to put there, in the style the record
/// writes it: `Accepted.` → `Deprecated.`, `"accepted; supersedes ADR-0002"` →
/// `"rejected; supersedes ADR-0002"`, a template's placeholder replaced whole.
fn replacement(field: &StatusField, line: &str, status: &str) -> Result<(Range<usize>, String)> {
    let value_range = field.value.clone();
    let Some(value) = line.get(value_range.clone()) else {
        return Err(Error::record("the status line changed while it was read")
            .hint("run the command again"));
    };
    if value.starts_with(['|', '>']) {
        return Err(Error::record(
            "cannot change the status as this record writes it: a YAML block",
        )
        .hint("edit the status by hand"));
    }
    // A quote opened and not closed on this line goes on over the next: changing this
    // line alone would leave the rest to break the front matter.
    let unclosed =
        |quote: char| value.starts_with(quote) && (value.len() < 2 || !value.ends_with(quote));
    if unclosed('"') || unclosed('\'') {
        return Err(Error::record(
            "cannot change the status as this record writes it: a quoted value over more than one line",
        )
        .hint("edit the status by hand"));
    }
    // Inside quotes, when the value is quoted.
    let quoted = value.len() >= 2
        && ((value.starts_with('"') && value.ends_with('"'))
            || (value.starts_with('\'') && value.ends_with('\'')));
    let inner = if quoted {
        value_range.start + 1..value_range.end - 1
    } else {
        value_range.clone()
    };
    let inner_text = &line[inner.clone()];
    if field.status.is_none() && !field.only_links {
        // Empty, or a placeholder such as `[ accepted | deprecated ] <!-- optional -->`.
        let word = styled(status, "", field.place);
        let word = if quoted { format!("\"{word}\"") } else { word };
        // `status:` with nothing after it.
        let space = if line[..value_range.start].ends_with(':') {
            " "
        } else {
            ""
        };
        return Ok((value_range, format!("{space}{word}")));
    }
    let first_part_end = inner_text.find(';').unwrap_or(inner_text.len());
    let first_part = &inner_text[..first_part_end];
    // An emoji before the status is the log's decoration and stays.
    let symbols = first_part.len() - super::parse::without_symbols(first_part).len();
    let unadorned = &first_part[symbols..];
    // `superseded by [ADR-0005](…)`: the link goes with the status it states.
    if let Some(link) =
        super::parse::parse_status_link(unadorned, field.line, super::parse::Place::Status)
        && ["superseded by", "superseded", "superceded by", "superceded"]
            .iter()
            .any(|kind| link.kind.eq_ignore_ascii_case(kind))
    {
        let word = styled(status, unadorned, field.place);
        let start = inner.start + symbols;
        return Ok((start..start + unadorned.trim_end().len(), word));
    }
    if first_part.contains("~~") {
        let (range, text) = struck_replacement(first_part, status, field.place)?;
        return Ok((inner.start + range.start..inner.start + range.end, text));
    }
    let word = word_span(first_part);
    let written = &first_part[word.clone()];
    if let Some(tied) = tied_phrase(&first_part[word.end..])
        && !super::parse::no_longer_in_force(status)
    {
        // `Reverted by [discussion #1198](…)`, `Deprecated in favor of [X](…)`: what
        // follows the word says what took the decision's place, which a decision in force
        // cannot keep, and which is not ours to delete.
        return Err(Error::record(format!(
            "cannot change the status as this record writes it: `{}` goes with `{written}`",
            crate::error::one_line(tied)
        ))
        .hint("edit the status by hand"));
    }
    Ok((
        inner.start + word.start..inner.start + word.end,
        styled(status, written, field.place),
    ))
}

/// The change to a status written with struck-out words, in `value`'s own way: a history
/// (`~~Proposed~~ Accepted`, `~~Proposed~~ → **Accepted**`) strikes the current word and
/// adds the new one after it, with the same arrow and emphasis; a menu of statuses
/// (`~~Proposed~~ | **Accepted** | ~~Deprecated~~`) strikes the current one and restores
/// the new one where the menu lists it. The range is in `value`.
fn struck_replacement(
    value: &str,
    status: &str,
    place: StatusPlace,
) -> Result<(Range<usize>, String)> {
    let refuse = || {
        Err(Error::record(format!(
            "cannot change the status as this record writes it: `{}` does not offer `{status}`",
            crate::error::one_line(value.trim())
        ))
        .hint("edit the status by hand"))
    };
    if value.contains('|') {
        return match struck_menu(value, status) {
            Some(menu) => Ok((0..value.len(), menu)),
            None => refuse(),
        };
    }
    let tail_start = value.rfind("~~").map_or(0, |close| close + 2);
    let tail = &value[tail_start..];
    let mut word = word_span(tail);
    if word.is_empty() {
        return refuse();
    }
    let written = &tail[word.clone()];
    let bold = tail[..word.start].ends_with("**") && tail[word.end..].starts_with("**");
    if bold {
        word = word.start - 2..word.end + 2;
    }
    let between = tail[..word.start].trim();
    let arrow = if between.is_empty() {
        " ".to_string()
    } else {
        format!(" {between} ")
    };
    let emphasis = if bold { "**" } else { "" };
    Ok((
        tail_start + word.start..tail_start + word.end,
        format!(
            "~~{written}~~{arrow}{emphasis}{}{emphasis}",
            styled(status, written, place)
        ),
    ))
}

/// A menu of statuses (`~~Proposed~~ | **Accepted** | ~~Deprecated~~`) with its one
/// current item struck and the item that reads as `status` restored, emphasised as the
/// current one was; `None` when the menu does not list `status` or has no single current item.
fn struck_menu(value: &str, status: &str) -> Option<String> {
    let items: Vec<&str> = value.split('|').collect();
    let bare = |item: &str| {
        let words = item.trim();
        let words = words
            .strip_prefix("~~")
            .and_then(|w| w.strip_suffix("~~"))
            .unwrap_or(words);
        words.trim_matches('*').trim().to_string()
    };
    let is_struck = |item: &str| item.trim().starts_with("~~") && item.trim().ends_with("~~");
    let current: Vec<usize> = (0..items.len()).filter(|&i| !is_struck(items[i])).collect();
    let [current] = current[..] else {
        return None;
    };
    let target = (0..items.len()).find(|&i| {
        i != current && super::parse::read_status_word(&bare(items[i])).as_deref() == Some(status)
    })?;
    let emphasis = if items[current].trim().starts_with("**") {
        "**"
    } else {
        ""
    };
    let rewritten: Vec<String> = items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let (lead, trail) = (
                &item[..item.len() - item.trim_start().len()],
                &item[item.trim_end().len()..],
            );
            if i == current {
                format!("{lead}~~{}~~{trail}", bare(item))
            } else if i == target {
                format!("{lead}{emphasis}{}{emphasis}{trail}", bare(item))
            } else {
                (*item).to_string()
            }
        })
        .collect();
    Some(rewritten.join("|"))
}

/// What follows a status word when it belongs to the status: a link straight after it
/// (`Superseded [0019](…)`, `Rejected ADR 12`), or one led by `by` or `in favo(u)r of`
/// (`Reverted by [discussion](…)`, `Deprecated in favor of X`). `None` for a note
/// (`: tracking issue [#3297]`, `-> no change to the spec`, `. More text`).
fn tied_phrase(after: &str) -> Option<&str> {
    let phrase = after.trim();
    let lower = phrase.to_ascii_lowercase();
    let tied = phrase.starts_with('[')
        || lower.starts_with("adr")
        || ["by ", "in favor of", "in favour of"]
            .iter()
            .any(|lead| lower.starts_with(lead));
    tied.then_some(phrase)
}

/// The status word(s) in a plain status value: `**Accepted**.` → `Accepted`, `proposed.
/// **commentary**` → `proposed`; the parser's reading of it.
fn word_span(value: &str) -> Range<usize> {
    super::parse::status_span(value)
}

/// `status` written the way `written` is: `ACCEPTED`, `Accepted` or `accepted`. With
/// nothing to follow, adr-tools' status lines are capitalised and the rest lower case.
fn styled(status: &str, written: &str, place: StatusPlace) -> String {
    // A log written in another language keeps its language: `Accepté` becomes `Déprécié`.
    let status = super::parse::in_language_of(status, written);
    let letters: Vec<char> = written.chars().filter(|c| c.is_alphabetic()).collect();
    match letters.first() {
        Some(_) if letters.len() > 1 && letters.iter().all(|c| c.is_uppercase()) => {
            status.to_uppercase()
        }
        Some(first) if first.is_uppercase() => crate::text::capitalise(status),
        Some(_) => status.to_string(),
        None if place == StatusPlace::Section => crate::text::capitalise(status),
        None => status.to_string(),
    }
}

/// `status` in the capitals and language of `written`, another record's status: how a new
/// record of a log that writes `Accepted` or `ACCEPTÉ` writes its own.
pub(crate) fn status_as_written(status: &str, written: &str) -> String {
    styled(status, written, StatusPlace::Bullet)
}

/// A record without a status gets one where its format keeps it: adr-tools' `## Status`,
/// MADR 2's bullets (with the record's own marker), or the front matter.
fn insert_status(
    text: &str,
    lines: &Lines<'_>,
    record: &Record,
    status: &str,
    style: HouseStyle,
) -> String {
    let nl = lines.newline;
    if record.format == Format::Nygard {
        let word = crate::text::capitalise(status);
        if let Some(section) = record.section("Status") {
            let at = lines.end(section.line);
            return splice(text, at, at, &format!("{nl}{word}{nl}"));
        }
        let section = format!("## Status{nl}{nl}{word}{nl}{nl}");
        return match record.sections.first() {
            Some(first) => {
                let at = lines.start(first.line);
                splice(text, at, at, &section)
            }
            None => append(text, nl, &section),
        };
    }
    if let Some((line, marker)) = metadata_bullet(lines, record) {
        let at = lines.start(line);
        return splice(text, at, at, &format!("{marker} Status: {status}{nl}"));
    }
    if record.front_matter_end > 0 {
        // After the opening `---`, where MADR puts it.
        let at = lines.end(1);
        return splice(text, at, at, &format!("status: {status}{nl}"));
    }
    // MADR 2's bullet, with the marker the record's lists use, else the log's: under the
    // title after a blank line, or first in a record with no title heading.
    let marker = record_marker(lines, record).or(style.marker).unwrap_or('*');
    let (at, before) = match record.title_line {
        0 => (0, ""),
        title => (lines.end(title), nl),
    };
    let after = if stands_apart(lines, record.title_line + 1, marker) {
        ""
    } else {
        nl
    };
    splice(
        text,
        at,
        at,
        &format!("{before}{marker} Status: {status}{nl}{after}"),
    )
}

/// Whether a `marker` list item written just before line `next` stays a line of its own in
/// Markdown: the text ends there, a blank line follows, or a metadata list with the same
/// marker goes on (the item joins it). A paragraph line after an item would be read as
/// part of it ("lazy continuation"), and another marker's item starts a second list that
/// only a blank line keeps readable.
fn stands_apart(lines: &Lines<'_>, next: usize, marker: char) -> bool {
    if next > lines.count() {
        return true;
    }
    let content = lines.content(next);
    content.trim().is_empty()
        || (bullet_marker(content) == Some(marker) && is_metadata_item(&content[2..]))
}

/// `Deciders: Ana`, `**Date**: 2020-01-01`: a list item that is a record's field. A web
/// address (`https://…`) is not one.
fn is_metadata_item(item: &str) -> bool {
    let Some((key, value)) = item.split_once(':') else {
        return false;
    };
    let key = key.trim().trim_matches('*');
    !key.is_empty()
        && !value.starts_with("//")
        && key
            .chars()
            .all(|c| c.is_alphabetic() || c == ' ' || c == '-')
}

/// log4brains closes a record on its status bullet, `- Status: superseded by
/// [slug](file)`, and adds nothing under `## Links`: its site reads the successor from
/// there. `None` when the record keeps a status anywhere else (front matter, a `## Status`
/// section) or has no bullets to put one among, for the caller to link as MADR 2 does.
pub(crate) fn supersede_on_status_bullet(
    text: &str,
    record: &Record,
    label: &str,
    target: &str,
    style: HouseStyle,
) -> Result<Option<String>> {
    // `superseded by` is English: a status written in another language (`Statut :
    // ACCEPTÉ`) becomes `REMPLACÉ`, and the link goes among the links.
    if record.statuses.iter().any(|s| {
        s.place != StatusPlace::Bullet
            || super::parse::in_language_of("superseded", &s.written) != "superseded"
    }) {
        return Ok(None);
    }
    if record
        .links
        .iter()
        .any(|l| l.kind.eq_ignore_ascii_case("Superseded by") && l.leads_to(target))
    {
        return Ok(Some(text.to_string()));
    }
    let lines = Lines::new(text);
    let written = if style.hugo_ref || text.contains(HUGO_REF) {
        format!("{{{{< ref \"{target}\" >}}}}")
    } else {
        target.to_string()
    };
    let link = format!(" by [{}]({written})", escape_label(label));
    let updated = if record.statuses.is_empty() {
        let Some((line, marker)) = metadata_bullet(&lines, record) else {
            return Ok(None);
        };
        let at = lines.start(line);
        splice(
            text,
            at,
            at,
            &format!("{marker} Status: superseded{link}{}", lines.newline),
        )
    } else {
        let mut out = text.to_string();
        // From the end, so earlier offsets stay valid.
        for field in record.statuses.iter().rev() {
            let (range, word) = replacement(field, lines.content(field.line), "superseded")
                .map_err(|error| error.in_file(&record.path))?;
            let start = lines.start(field.line);
            out.replace_range(
                start + range.start..start + range.end,
                &format!("{word}{link}"),
            );
        }
        out
    };
    let reread = super::parse::parse(&record.path, &updated).ok();
    let linked = reread.as_ref().is_some_and(|r| {
        r.status.as_deref() == Some("superseded")
            && r.links.iter().any(|l| {
                l.kind.eq_ignore_ascii_case("Superseded by")
                    && l.file().is_some_and(|f| same_target(f, target))
            })
    });
    if linked {
        Ok(Some(updated))
    } else {
        Err(
            Error::record("cannot mark this record superseded as its status is written")
                .in_file(&record.path)
                .hint("edit the status by hand"),
        )
    }
}

/// adr-tools closes a record as `adr new -s` does: the link goes at the end of its `##
/// Status` section (`_adr_add_link`), then the status word's own line goes, with the blank
/// line it leaves (`_adr_remove_status`), so the section says `Superceded by [5.
/// Title](0005-title.md)` alone, which reads as superseded. `None` when the record states
/// its status elsewhere too (front matter) or as more than one bare word (`Accepted.`,
/// `✅ Accepted`, `Proposed/partially implemented`): a line decide does not fully
/// understand is kept, and the caller writes the status word and the link.
pub(crate) fn supersede_in_status_section(
    text: &str,
    record: &Record,
    label: &str,
    target: &str,
    style: HouseStyle,
) -> Option<String> {
    if record.format != Format::Nygard {
        return None;
    }
    let mut words = record.statuses.iter().filter(|s| !s.only_links);
    let field = words.next()?;
    let lines = Lines::new(text);
    let bare = |s: &str| !s.is_empty() && s.chars().all(char::is_alphabetic);
    if words.next().is_some()
        || record
            .statuses
            .iter()
            .any(|s| s.place != StatusPlace::Section)
        || field.line == 0
        || !bare(lines.content(field.line).trim())
    {
        return None;
    }
    let linked = add_link_in(text, record, "Superseded by", label, target, style);
    // The link went after the status line: its number is unchanged.
    let lines = Lines::new(&linked);
    let mut end = lines.end(field.line);
    let blank = |n: usize| n >= 1 && n <= lines.count() && lines.content(n).trim().is_empty();
    if blank(field.line - 1) && blank(field.line + 1) {
        end = lines.end(field.line + 1);
    }
    let updated = splice(&linked, lines.start(field.line), end, "");
    let reread = super::parse::parse(&record.path, &updated).ok()?;
    (reread.status.as_deref() == Some("superseded")).then_some(updated)
}

/// A new record's list items (`-` in MADR's templates, `*` in adr-tools') written with
/// `marker`, the one its log's records use, so a MADR 2 log that writes `* Status:` gets
/// `* Status:`. Front matter, code blocks and
/// block quotes are left as they are.
pub(crate) fn with_list_marker(text: &str, marker: char) -> String {
    // The templates write `-` (MADR's) or `*` (adr-tools'): the marker of the first list.
    let from = first_bullet(text).unwrap_or('-');
    if marker == from {
        return text.to_string();
    }
    let item_lead = format!("{from} ");
    let mut out = String::with_capacity(text.len());
    let mut fenced = false;
    let mut front_matter = text.starts_with("---\n") || text.starts_with("---\r\n");
    for (index, line) in text.split_inclusive('\n').enumerate() {
        let trimmed = line.trim_start();
        if front_matter {
            front_matter = index == 0 || trimmed.trim_end() != "---";
        } else if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            fenced = !fenced;
        } else if !fenced && let Some(item) = trimmed.strip_prefix(item_lead.as_str()) {
            out.push_str(&line[..line.len() - trimmed.len()]);
            out.push(marker);
            out.push(' ');
            out.push_str(item);
            continue;
        }
        out.push_str(line);
    }
    out
}

/// The first `* Key: value` bullet between the title and the first section, with its
/// marker: the list MADR 2 keeps its fields in. A list that a paragraph leads into
/// (`Technical Story:` over a list of issues) is that paragraph's, not the fields'.
fn metadata_bullet(lines: &Lines<'_>, record: &Record) -> Option<(usize, char)> {
    let from = record.title_line.max(record.front_matter_end) + 1;
    let to = record
        .sections
        .first()
        .map_or(lines.count(), |s| s.line - 1);
    // Whether the list the current line belongs to started after a blank line or the
    // title (a list item, or the line before one).
    let mut list_starts_apart = true;
    for number in from..=to {
        let content = lines.content(number);
        let Some(marker) = bullet_marker(content) else {
            list_starts_apart = content.trim().is_empty();
            continue;
        };
        if list_starts_apart && is_metadata_item(&content[2..]) {
            return Some((number, marker));
        }
    }
    None
}

/// The text with a link `kind [label](target)` added, unless the same link is there.
/// adr-tools' records keep links in the status section; ours and MADR's in a `## Links`
/// list with the record's own list marker. The label is escaped, so a title cannot end
/// it early and point the link somewhere else.
pub(crate) fn add_link(
    text: &str,
    record: &Record,
    kind: &str,
    label: &str,
    target: &str,
) -> String {
    add_link_in(text, record, kind, label, target, HouseStyle::default())
}

/// [`add_link`] in a log whose other records write as `style` says: in a Hugo log whose
/// records link with `ref`, so does this one, even if it holds no link yet.
pub(crate) fn add_link_in(
    text: &str,
    record: &Record,
    kind: &str,
    label: &str,
    target: &str,
    style: HouseStyle,
) -> String {
    if record
        .links
        .iter()
        .any(|l| l.kind.eq_ignore_ascii_case(kind) && l.leads_to(target))
    {
        return text.to_string();
    }
    // `Rejected in favour of ADR 111`, `Superseded in favor of [X](…)`: the status
    // already names what replaced the record; a second line would say it again.
    if kind.eq_ignore_ascii_case("Superseded by")
        && record.links.iter().any(|l| {
            l.place != super::parse::Place::LinksSection
                && l.leads_to(target)
                && super::parse::status_of_kind(&l.kind)
                    .is_some_and(|s| super::parse::no_longer_in_force(&s))
        })
    {
        return text.to_string();
    }
    let lines = Lines::new(text);
    let nl = lines.newline;
    let label = escape_label(label);
    // A Hugo site links with its `ref` shortcode; keep to it.
    let target = if style.hugo_ref || text.contains(HUGO_REF) {
        format!("{{{{< ref \"{target}\" >}}}}")
    } else {
        target.to_string()
    };
    match record.format {
        Format::Nygard => {
            // adr-tools spells it "Supercede"; a record already written that way keeps it.
            let adr_tools_spelling = record.links.iter().any(|l| {
                l.line > 0
                    && lines
                        .content(l.line)
                        .to_ascii_lowercase()
                        .contains("superced")
            });
            let kind = if adr_tools_spelling {
                kind.replace("Superseded by", "Superceded by")
                    .replace("Supersedes", "Supercedes")
            } else {
                kind.to_string()
            };
            let entry = format!("{kind} [{label}]({target})");
            match record.section("Status") {
                None if let Some(line) = bold_status_line(&lines, record) => {
                    bold_link(text, (&lines, line), record, (&kind, &entry), style)
                }
                // `## Status` over `**Status:** Superseded` and bold link labels.
                Some(_) if let Some(line) = bold_status_in_section(&lines, record) => {
                    bold_label_link(text, (&lines, line), record, (&kind, &entry))
                }
                Some(section) => {
                    // A `## Status` heading over bold labels ends at the first label.
                    let last = section_last_line(&lines, section.line).min(body_end(&section));
                    let at = lines.end(last);
                    splice(text, at, at, &format!("{nl}{entry}{nl}"))
                }
                None => insert_status_section(text, &lines, record, &entry),
            }
        }
        Format::Decide | Format::Madr => {
            let marker = list_marker(&lines, record).or(style.marker).unwrap_or('*');
            let entry = format!("{marker} {kind} [{label}]({target})");
            match record.section("Links") {
                Some(section) => {
                    // After the list of links: reference definitions or notes under it
                    // stay where they are.
                    let last = section_list_end(&lines, section.line)
                        .unwrap_or_else(|| section_last_line(&lines, section.line));
                    let at = lines.end(last);
                    let gap = if last == section.line { nl } else { "" };
                    splice(text, at, at, &format!("{gap}{entry}{nl}"))
                }
                None => {
                    let section = format!("## Links{nl}{nl}{entry}{nl}");
                    // Before the closing notes when there are any, else at the end.
                    let before = record.sections.iter().find(|s| {
                        s.level == 2
                            && ["More Information", "References"]
                                .iter()
                                .any(|h| names_section(s.heading, h))
                    });
                    match before {
                        Some(next) => {
                            let at = lines.start(next.line);
                            splice(text, at, at, &format!("{section}{nl}"))
                        }
                        None => append(text, nl, &section),
                    }
                }
            }
        }
    }
}

/// The line of a record's bold status line (`**Status:** Accepted`), when that is the one
/// place it states its status: a log of bold labels, with no `## Status` heading.
fn bold_status_line(lines: &Lines<'_>, record: &Record) -> Option<usize> {
    let [field] = record.statuses.as_slice() else {
        return None;
    };
    (field.place == StatusPlace::Bullet
        && crate::text::trim_start(lines.content(field.line)).starts_with("**"))
    .then_some(field.line)
}

/// The line of a bold status label under a record's `## Status` heading (`**Status:**
/// Superseded`), where its links go on bold labels of their own too.
fn bold_status_in_section(lines: &Lines<'_>, record: &Record) -> Option<usize> {
    let mut section = record
        .statuses
        .iter()
        .filter(|s| s.place == StatusPlace::Section && !s.only_links);
    let field = section.next()?;
    (section.next().is_none()
        && crate::text::trim_start(lines.content(field.line)).starts_with("**"))
    .then_some(field.line)
}

/// `text` with the link `entry` (`Supersedes [3. Y](…)`) written as a record of bold labels
/// writes it: after its status on the bold status line when the record or its log links
/// so (`**Status:** Accepted, supersedes [3. Y](…)`), else on a bold label of its own
/// (`**Supersedes:** [3. Y](…)`) under the status line and the link labels already there.
fn bold_link(
    text: &str,
    (lines, status_line): (&Lines<'_>, usize),
    record: &Record,
    (kind, entry): (&str, &str),
    style: HouseStyle,
) -> String {
    let on_status = |l: &&super::parse::Link| l.line == status_line;
    if style.links_on_status_line || links_after_status_word(lines.content(status_line)) {
        let status_links = record.links.iter().filter(on_status).count();
        let content = lines.content(status_line);
        let trimmed = content.trim_end();
        let joined = match entry.split_once(' ') {
            // The kind in lower case after a word, as a sentence goes on.
            Some((first, rest)) => format!("{}, {} {rest}", trimmed, first.to_lowercase()),
            None => format!("{trimmed}, {entry}"),
        };
        let updated = format!("{joined}{}", &content[trimmed.len()..]);
        let edited = replace_line(text, lines, status_line, &updated);
        // The value must still read as the same status with one more link.
        if let Ok(reread) = super::parse::parse(&record.path, &edited)
            && reread.status == record.status
            && reread.links.iter().filter(on_status).count() == status_links + 1
        {
            return edited;
        }
    }
    bold_label_link(text, (lines, status_line), record, (kind, entry))
}

/// `text` with the link `entry` (`Supersedes [3. Y](…)`) on a bold label of its own,
/// `**Supersedes:** [3. Y](…)`, among the bold lines from the status line on (see
/// [`bold_label_place`]).
fn bold_label_link(
    text: &str,
    (lines, status_line): (&Lines<'_>, usize),
    record: &Record,
    (kind, entry): (&str, &str),
) -> String {
    let nl = lines.newline;
    let label = entry.strip_prefix(kind).unwrap_or(entry).trim_start();
    let (last, spaced) = bold_label_place(lines, record, status_line);
    let at = lines.end(last);
    // A last line with no line ending gets one before the label.
    let before = if at == text.len() && !text.ends_with('\n') {
        nl
    } else {
        ""
    };
    let gap = if spaced { nl } else { "" };
    splice(
        text,
        at,
        at,
        &format!("{before}{gap}**{kind}:** {label}{nl}"),
    )
}

/// Where a new bold link label goes among the bold fields that follow the status line
/// (`**Date:**`, `**Supersedes:**`, …, up to anything else, such as a `**Context:**`
/// label): after the last that links, with the record's other links, else after the last
/// of them. True when blank lines part them, as the new label then is.
fn bold_label_place(lines: &Lines<'_>, record: &Record, status_line: usize) -> (usize, bool) {
    let (mut last_field, mut last_link, mut spaced) = (status_line, None, false);
    let mut line = status_line + 1;
    while line <= lines.count() {
        let content = lines.content(line);
        if crate::text::is_blank(content) {
            line += 1;
            continue;
        }
        if !crate::text::trim_start(content).starts_with("**")
            || super::parse::is_section_label(content)
        {
            break;
        }
        spaced |= line > last_field + 1;
        last_field = line;
        if record
            .links
            .iter()
            .any(|l| l.line == line && l.place == super::parse::Place::Status)
        {
            last_link = Some(line);
        }
        line += 1;
    }
    (last_link.unwrap_or(last_field), spaced)
}

/// The bullet a record's lists use anywhere after its front matter.
fn record_marker(lines: &Lines<'_>, record: &Record) -> Option<char> {
    let mut fenced = false;
    (record.front_matter_end + 1..=lines.count()).find_map(|number| {
        let content = lines.content(number);
        if content.trim_start().starts_with("```") {
            fenced = !fenced;
        }
        if fenced { None } else { bullet_marker(content) }
    })
}

/// The bullet a record's lists use: its `## Links` items', else its first list's.
fn list_marker(lines: &Lines<'_>, record: &Record) -> Option<char> {
    let links = record.section("Links").and_then(|section| {
        (section.line + 1..=lines.count()).find_map(|n| bullet_marker(lines.content(n)))
    });
    links.or_else(|| record_marker(lines, record))
}

fn insert_status_section(text: &str, lines: &Lines<'_>, record: &Record, entry: &str) -> String {
    let nl = lines.newline;
    let section = format!("## Status{nl}{nl}{entry}{nl}{nl}");
    match record.sections.first() {
        Some(first) => {
            let at = lines.start(first.line);
            splice(text, at, at, &section)
        }
        None => append(text, nl, &section),
    }
}

/// `./0001-a.md` and `0001-a.md` are the same file.
pub(crate) fn same_target(a: &str, b: &str) -> bool {
    a.trim_start_matches("./") == b.trim_start_matches("./")
}

/// What a review found, appended as a section of its own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Outcome {
    pub date: NaiveDate,
    pub happened: String,
    pub held_up: String,
    pub learnt: String,
    /// Whether the signal named at decision time appeared, when one was named.
    pub signal_seen: Option<bool>,
    pub next_review: Option<NaiveDate>,
}

/// How a record's More Information asks for its review, and says it was reviewed.
const REVIEW_IT: &str = "Review it by ";
const REVIEWED_ON: &str = "Reviewed on ";

/// The text with the review's outcome appended, and the line that asked for the review
/// ("Review it by …: did the decision hold up…") saying it was reviewed instead: a record
/// that still asks a question its Outcome answers reads as if nobody looked back.
pub(crate) fn append_outcome(text: &str, outcome: &Outcome) -> String {
    let nl = Lines::new(text).newline;
    let text = &reviewed_in_place(text, outcome);
    let text = &review_by_in_front_matter(text, nl, outcome.next_review);
    let mut section = format!(
        "## {OUTCOME_HEADING} ({}){nl}{nl}\
         * What happened: {}{nl}\
         * Did it hold up: {}{nl}\
         * What we learnt: {}{nl}",
        outcome.date.format("%Y-%m-%d"),
        answer(&outcome.happened),
        answer(&held_up_said(&outcome.held_up)),
        answer(&outcome.learnt),
    );
    if let Some(seen) = outcome.signal_seen {
        section.push_str(&format!(
            "* Did the signal appear: {}{nl}",
            if seen { "yes" } else { "no" }
        ));
    }
    if let Some(next) = outcome.next_review {
        section.push_str(&format!(
            "* Next review by: {}{nl}",
            next.format("%Y-%m-%d")
        ));
    }
    before_references(text, nl, &section)
}

/// `text` with the front matter's `review-by` saying what the review settled, as the
/// outcome does: the next review date, or none (the latest outcome without a next review
/// ends the reviews, see `Record::review_by`). Other tools read the front matter alone.
/// A front matter that never had `review-by` gets one only if a next review is set and
/// the record is ours (it names its playbook).
fn review_by_in_front_matter(text: &str, nl: &str, next: Option<NaiveDate>) -> String {
    if !text.starts_with("---") {
        return text.to_string();
    }
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    let head = |lines: &[String], key: &str| {
        lines
            .iter()
            .skip(1)
            .take_while(|l| l.trim_end() != "---")
            .any(|l| l.starts_with(key))
    };
    let names_it = head(&lines, "review-by:");
    let may_add = next.is_some() && head(&lines, "playbook:");
    if !names_it && !may_add {
        return text.to_string();
    }
    let next = next.map(crate::text::iso);
    super::finish::set_front(&mut lines, "review-by", next.as_deref());
    let mut out = lines.join(nl);
    if text.ends_with('\n') {
        out.push_str(nl);
    }
    out
}

/// `text` with its last "Review it by …" (or "Reviewed on …") line, before the references,
/// replaced by [`reviewed_line`]; unchanged when it has none.
fn reviewed_in_place(text: &str, outcome: &Outcome) -> String {
    let end = text
        .match_indices("## References")
        .map(|(at, _)| at)
        .find(|&at| at == 0 || text[..at].ends_with('\n'))
        .unwrap_or(text.len());
    let mut start = 0;
    let mut found = None;
    for line in text[..end].split_inclusive('\n') {
        if line.starts_with(REVIEW_IT) || line.starts_with(REVIEWED_ON) {
            found = Some(start..start + line.trim_end_matches(['\r', '\n']).len());
        }
        start += line.len();
    }
    match found {
        Some(range) => {
            let mut out = text.to_string();
            out.replace_range(range, &reviewed_line(outcome));
            out
        }
        None => text.to_string(),
    }
}

/// What the record says once it is reviewed: when, whether it held up, what was learnt,
/// and the next review only when one is set.
fn reviewed_line(outcome: &Outcome) -> String {
    let held = outcome.held_up.trim_start().to_lowercase();
    let verdict = if held.starts_with("yes") {
        "it held up"
    } else if held.starts_with("partly") {
        "it held up in part, and we changed it"
    } else {
        "it did not hold up, and we reversed it"
    };
    let learnt = crate::error::one_line(&outcome.learnt);
    let learnt = learnt.trim().trim_end_matches('.');
    let mut line = format!(
        "{REVIEWED_ON}{}: {verdict} (see the Outcome below).",
        outcome.date.format("%A %-d %B %Y")
    );
    if !learnt.is_empty() {
        // Mid-line after a colon, a lesson's capital goes ("What we learnt: measure
        // first"); a name keeps its own.
        line.push_str(&format!(
            " What we learnt: {}.",
            crate::markdown::escape(&crate::template::lower_start(learnt))
        ));
    }
    if let Some(next) = outcome.next_review {
        line.push_str(&format!(" Next review by {}.", next.format("%A %-d %B %Y")));
    }
    line
}

/// `section` (ending in a newline) placed before the record's `## References`, so the
/// references stay last; at the end when there are none.
fn before_references(text: &str, nl: &str, section: &str) -> String {
    let references = text
        .match_indices("## References")
        .map(|(at, _)| at)
        .find(|&at| at == 0 || text[..at].ends_with('\n'));
    match references {
        Some(at) => format!("{}{section}{nl}{}", &text[..at], &text[at..]),
        None => append(text, nl, section),
    }
}

/// An answer as one line of a bullet: it cannot end the bullet or start anything else.
/// Whether it held up, as the Outcome's list item says it: "yes: it coped" after "Did it
/// hold up:" would be two colons in a row, so the answer word takes a comma ("yes, it
/// coped").
fn held_up_said(text: &str) -> String {
    let text = text.trim();
    let Some((word, rest)) = text.split_once(':') else {
        return text.to_string();
    };
    let answer_word = matches!(
        word.trim().to_lowercase().as_str(),
        "yes" | "no" | "partly" | "mostly" | "not really"
    );
    if answer_word && !rest.trim().is_empty() {
        format!("{}, {}", word.trim(), rest.trim())
    } else {
        text.to_string()
    }
}

fn answer(text: &str) -> String {
    crate::markdown::escape(&crate::error::one_line(text))
}

/// A renumbered file: its old and new names and numbers.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Rename<'a> {
    pub old_name: &'a str,
    pub new_name: &'a str,
    pub old_number: u32,
    pub new_number: u32,
}

/// The text with every link on `line` that names the renamed file pointing at its new
/// name, with a `[7. Title]` label renumbered too; typed links and links in running text
/// alike, relative paths and Hugo's `ref` kept as written.
pub(crate) fn retarget_link(text: &str, line: usize, rename: &Rename<'_>) -> String {
    let lines = Lines::new(text);
    let content = lines.content(line);
    // A reference definition, `[adr 0007]: 0007-x.md`: its target follows the move. Its
    // label stays, as the text's `[ADR 0007][]` uses it by name.
    if let Some(definition) = definition_spans(content) {
        let raw_target = &content[definition.target.clone()];
        if let Some(file) = target_file(raw_target)
            && file.rsplit('/').next() == Some(rename.old_name)
            && let Some(at) = raw_target.rfind(rename.old_name)
        {
            let start = definition.target.start + at;
            let mut updated = content.to_string();
            updated.replace_range(start..start + rename.old_name.len(), rename.new_name);
            return replace_line(text, &lines, line, &updated);
        }
        return text.to_string();
    }
    let mut updated = String::with_capacity(content.len() + 8);
    let mut index = 0;
    while index < content.len() {
        let rest = &content[index..];
        if rest.starts_with('[')
            && let Some(spans) = link_spans(rest)
            && let Some(file) = target_file(&rest[spans.target.clone()])
            && file.rsplit('/').next() == Some(rename.old_name)
        {
            let label = renumber_label(
                &rest[spans.label.clone()],
                rename.old_number,
                rename.new_number,
            );
            let raw_target = &rest[spans.target.clone()];
            let target = match raw_target.rfind(rename.old_name) {
                Some(at) => format!(
                    "{}{}{}",
                    &raw_target[..at],
                    rename.new_name,
                    &raw_target[at + rename.old_name.len()..]
                ),
                None => raw_target.to_string(),
            };
            updated.push_str(&format!("[{label}]({target})"));
            index += spans.end;
            continue;
        }
        let next = rest.chars().next().map_or(1, char::len_utf8);
        updated.push_str(&rest[..next]);
        index += next;
    }
    if updated == content {
        return text.to_string();
    }
    replace_line(text, &lines, line, &updated)
}

/// `7. Title` → `12. Title`, keeping zero padding: `ADR-0007` → `ADR-0012`.
fn renumber_label(label: &str, old: u32, new: u32) -> String {
    let start = label.find(|c: char| c.is_ascii_digit());
    let Some(start) = start else {
        return label.to_string();
    };
    let digits = label[start..]
        .chars()
        .take_while(char::is_ascii_digit)
        .count();
    let written = &label[start..start + digits];
    if written.parse::<u32>().ok() != Some(old) {
        return label.to_string();
    }
    let replacement = format!("{new:0width$}", width = digits);
    format!(
        "{}{replacement}{}",
        &label[..start],
        &label[start + digits..]
    )
}

/// The text with a `# 7. Title` heading renumbered; other titles stay as they are.
pub(crate) fn renumber_title(text: &str, record: &Record, old: u32, new: u32) -> String {
    if record.title_line == 0 || record.heading_number != HeadingNumber::Number(old) {
        return text.to_string();
    }
    let lines = Lines::new(text);
    let content = lines.content(record.title_line);
    let Some(rest) = content.strip_prefix("# ") else {
        return text.to_string();
    };
    let renumbered = renumber_label(rest, old, new);
    if renumbered == rest {
        return text.to_string();
    }
    replace_line(text, &lines, record.title_line, &format!("# {renumbered}"))
}

/// The text with its title heading `# OLD_STEM` (the file name, as some logs title their
/// records) written `# NEW_STEM`; None when the heading is not the file name.
pub(crate) fn rename_slug_title(
    text: &str,
    record: &Record,
    old_stem: &str,
    new_stem: &str,
) -> Option<String> {
    if record.title_line == 0 {
        return None;
    }
    let lines = Lines::new(text);
    let heading = lines.content(record.title_line).strip_prefix("# ")?;
    (heading.trim() == old_stem)
        .then(|| replace_line(text, &lines, record.title_line, &format!("# {new_stem}")))
}

/// The text with its title heading written `# HEADING`, for a log whose headings are
/// file names; the text as it is when it has no `# ` title heading.
pub(crate) fn set_title_heading(text: &str, record: &Record, heading: &str) -> String {
    let lines = Lines::new(text);
    if record.title_line == 0 || !lines.content(record.title_line).starts_with("# ") {
        return text.to_string();
    }
    replace_line(text, &lines, record.title_line, &format!("# {heading}"))
}

/// How `record`'s title heading writes its number, when it is a numbered `# ` heading.
pub(crate) fn title_style(text: &str, record: &Record) -> Option<HeadingStyle> {
    let HeadingNumber::Number(number) = record.heading_number else {
        return None;
    };
    let content = Lines::new(text).content(record.title_line);
    HeadingStyle::of(content.strip_prefix("# ")?.trim(), Some(number))
}

/// The text with its numbered title heading (`# 11. Title`) written in `style`: a new
/// record's heading as the log's others write theirs.
/// A heading without a number (`# Title`, as MADR's templates write it) is numbered
/// `number`, in a log whose records number theirs.
pub(crate) fn restyle_title(
    text: &str,
    record: &Record,
    style: &HeadingStyle,
    number: Option<u32>,
) -> String {
    if record.title_line == 0 {
        return text.to_string();
    }
    let lines = Lines::new(text);
    let Some(heading) = lines.content(record.title_line).strip_prefix("# ") else {
        return text.to_string();
    };
    let (number, title) = match (record.heading_number, number) {
        (HeadingNumber::Number(number), _) => {
            let Some(parts) = super::parse::numbered_heading(heading, Some(number)) else {
                return text.to_string();
            };
            (number, &heading[parts.title_start..])
        }
        (HeadingNumber::None, Some(number)) => (number, heading.trim()),
        _ => return text.to_string(),
    };
    let restyled = style.heading(number, title);
    replace_line(text, &lines, record.title_line, &format!("# {restyled}"))
}

/// The text with the front matter's `key` (written as `old`) set to `new`, quotes kept.
/// Nothing changes when the key holds something else.
pub(crate) fn set_front_matter_value(
    text: &str,
    record: &Record,
    key: &str,
    old: &str,
    new: &str,
) -> Result<String> {
    if record.front_matter.get(key) != Some(old) {
        return Ok(text.to_string());
    }
    refuse_duplicate_key(record, key)?;
    let Some(found) = record.front_matter_keys.iter().find(|k| k.name == key) else {
        return Ok(text.to_string());
    };
    let lines = Lines::new(text);
    let content = lines.content(found.line);
    let Some(value) = content.get(found.value.clone()) else {
        return Ok(text.to_string());
    };
    let Some(at) = value.find(old) else {
        return Ok(text.to_string());
    };
    let start = lines.start(found.line) + found.value.start + at;
    let mut out = text.to_string();
    out.replace_range(start..start + old.len(), new);
    Ok(out)
}

/// The last non-blank line of the section whose heading is on `heading_line`, or the
/// heading itself when the section is empty.
/// The last line of `section`'s text as the record was read (its heading's line when it has
/// none): where the next section starts, bold labels included.
fn body_end(section: &super::sections::Section<'_>) -> usize {
    match section.body.lines().count() {
        0 => section.line,
        count => section.body_line + count - 1,
    }
}

fn section_last_line(lines: &Lines<'_>, heading_line: usize) -> usize {
    section_ends(lines, heading_line).0
}

/// The last line of the last list in the section whose heading is on `heading_line` (an
/// item, or a line indented under one); `None` when it holds no list.
fn section_list_end(lines: &Lines<'_>, heading_line: usize) -> Option<usize> {
    section_ends(lines, heading_line).1
}

/// The section's last non-blank line, and its list's last line. The section ends at the
/// next heading outside code blocks and comments.
fn section_ends(lines: &Lines<'_>, heading_line: usize) -> (usize, Option<usize>) {
    let mut last = heading_line;
    let mut list_end = None;
    let mut in_list = false;
    let mut hidden = super::parse::Hidden::default();
    for number in heading_line + 1..=lines.count() {
        let content = lines.content(number);
        let trimmed = content.trim_start();
        if hidden.is_text(content) && trimmed.starts_with('#') && content.len() - trimmed.len() <= 3
        {
            break;
        }
        if content.trim().is_empty() {
            continue;
        }
        last = number;
        if bullet_marker(content).is_some() || (in_list && trimmed.len() < content.len()) {
            in_list = true;
            list_end = Some(number);
        } else {
            in_list = false;
        }
    }
    (last, list_end)
}

/// The text's lines by number (from 1), with their byte ranges.
struct Lines<'a> {
    text: &'a str,
    starts: Vec<usize>,
    /// The text's own line ending, so inserted lines match it.
    newline: &'static str,
}

impl<'a> Lines<'a> {
    fn new(text: &'a str) -> Lines<'a> {
        Lines {
            text,
            starts: super::parse::line_starts(text),
            newline: if text.contains("\r\n") { "\r\n" } else { "\n" },
        }
    }

    fn count(&self) -> usize {
        self.starts.len()
    }

    fn start(&self, line: usize) -> usize {
        self.starts
            .get(line.saturating_sub(1))
            .copied()
            .unwrap_or(self.text.len())
    }

    /// Just past the line's newline.
    fn end(&self, line: usize) -> usize {
        self.starts.get(line).copied().unwrap_or(self.text.len())
    }

    /// The line without its line ending.
    fn content(&self, line: usize) -> &'a str {
        let raw = &self.text[self.start(line)..self.end(line)];
        raw.trim_end_matches(['\n', '\r'])
    }
}

fn replace_line(text: &str, lines: &Lines<'_>, line: usize, content: &str) -> String {
    let start = lines.start(line);
    splice(text, start, start + lines.content(line).len(), content)
}

fn splice(text: &str, start: usize, end: usize, insert: &str) -> String {
    let mut out = String::with_capacity(text.len() + insert.len());
    out.push_str(&text[..start]);
    // Inserting after a last line that has no newline must not glue two lines together.
    if start == text.len() && !text.is_empty() && !text.ends_with('\n') && start == end {
        out.push('\n');
    }
    out.push_str(insert);
    out.push_str(&text[end..]);
    out
}

/// `section` after the text, separated by one blank line.
fn append(text: &str, nl: &str, section: &str) -> String {
    let mut out = text.to_string();
    if !out.is_empty() && !out.ends_with('\n') {
        out.push_str(nl);
    }
    if !out.is_empty() && !out.ends_with(&format!("{nl}{nl}")) {
        out.push_str(nl);
    }
    out.push_str(section);
    out
}

#[cfg(test)]
mod tests;
