//! Metadata written as lines (`* Status: accepted`, `Date: 2016-02-12`, `- Date 2023-01-10`)
//! and the values in them: dates in the forms real logs use, and statuses with their links
//! (`superseded by [ADR-0005](…)`, `accepted; supersedes ADR-0002`), placeholders left from
//! a template, and misspellings.

use chrono::NaiveDate;

use super::links::{Link, Place};

/// A `key: value` line, optionally bulleted and with the key in bold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Field<'a> {
    /// Lower case: "status", "date", "deciders".
    pub key: String,
    pub value: &'a str,
    /// Where `value` starts in the line, in bytes.
    pub value_start: usize,
    /// False for `Date 2023-01-10`, a date written without its colon.
    pub colon: bool,
}

/// The cells of a Markdown table row, as byte ranges of their trimmed text: `| a | b |`
/// → the places of `a` and `b`. A `\|` is part of a cell.
pub(crate) fn table_cells(line: &str) -> Vec<std::ops::Range<usize>> {
    let content_start = line.len() - line.trim_start().len();
    let content_end = line.trim_end().len();
    let bytes = line.as_bytes();
    let mut cells = Vec::new();
    // A leading bar opens the first cell; without one, the first cell starts the line.
    let first = content_start + usize::from(bytes.get(content_start) == Some(&b'|'));
    let mut start = first;
    for at in first..content_end {
        if bytes[at] == b'|' && bytes[at - 1] != b'\\' {
            cells.push(start..at);
            start = at + 1;
        }
    }
    // Text after the last bar is a cell too: the trailing bar is optional.
    if start < content_end {
        cells.push(start..content_end);
    }
    cells
        .into_iter()
        .map(|cell| {
            let text = &line[cell.clone()];
            let lead = text.len() - text.trim_start().len();
            let start = cell.start + lead;
            start..start + text.trim().len()
        })
        .collect()
}

/// A table's rule under its header: `|---|:---:|`, every cell dashes with colons at most at
/// its ends.
pub(crate) fn is_table_rule(line: &str) -> bool {
    let cells = table_cells(line);
    line.contains('-')
        && !cells.is_empty()
        && cells.iter().all(|cell| {
            let text = line[cell.clone()]
                .trim_start_matches(':')
                .trim_end_matches(':');
            !text.is_empty() && text.bytes().all(|b| b == b'-')
        })
}

pub(crate) fn field(line: &str) -> Option<Field<'_>> {
    let indent = line.len() - line.trim_start().len();
    let text = &line[indent..];
    let bullet = ["* ", "- ", "+ "]
        .iter()
        .find(|b| text.starts_with(**b))
        .map_or(0, |b| b.len());
    let text = &text[bullet..];
    let offset = indent + bullet;
    let Some(colon) = text.find(':') else {
        // `Date 2023-01-10`: the one key people write without a colon.
        let rest = text
            .strip_prefix("Date ")
            .or_else(|| text.strip_prefix("date "))?;
        let value = rest.trim_start();
        if !value.starts_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
        return Some(Field {
            key: "date".into(),
            value: value.trim_end(),
            value_start: offset + text.len() - value.len(),
            colon: false,
        });
    };
    let key = text[..colon].trim().trim_matches('*').trim();
    if key.is_empty()
        || key.len() > 20
        || !key
            .chars()
            .all(|c| c.is_alphabetic() || c == '-' || c == ' ')
    {
        return None;
    }
    let after = &text[colon + 1..];
    let after = after.trim_start_matches("**");
    let value = after.trim();
    let value_start = offset + text.len() - after.trim_start().len();
    let key = key.to_lowercase();
    Some(Field {
        key: english_key(&key).map_or(key, str::to_string),
        value,
        value_start,
        colon: true,
    })
}

/// A date as logs write it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DateText {
    Day(NaiveDate),
    /// `2019-02`: a month; the first day stands for it.
    Month(NaiveDate),
    /// Shaped like a date but not one: `2023-13-10`.
    Invalid,
    /// A template's placeholder or no date at all.
    Missing,
}

/// `2016-02-12`, `2016-02-12T10:00:00+01:00`, `2019-01-14; Last update date: …`,
/// `2024-05-22 (back dated)`, `[2022-06-15]`, `[2020-06-15](https://…)`, `2019-02`; a
/// month or day of one digit (`2022-11-1`); a month by its English name or abbreviation,
/// in the ISO order (`2020-Nov-09`) or as people write it (`9 November 2020`, `Nov 9,
/// 2020`, `Nov 2020`).
pub(crate) fn read_date(text: &str) -> DateText {
    let text = text.trim().trim_start_matches(['[', '*', '_']).trim_start();
    let bytes = text.as_bytes();
    if digit_run(bytes, 0) == 4 && bytes.get(4) == Some(&b'-') {
        return iso_order(text);
    }
    if let Some(date) = dotted(bytes) {
        return date;
    }
    if bytes.first().is_some_and(u8::is_ascii_alphanumeric) {
        return named_month(text);
    }
    DateText::Missing
}

/// The number ASCII digits (four at most, as [`digit_run`] found them) write.
fn digits_value(digits: &[u8]) -> u32 {
    digits
        .iter()
        .fold(0, |value, digit| value * 10 + u32::from(digit - b'0'))
}

/// How many ASCII digits start at `from`.
fn digit_run(bytes: &[u8], from: usize) -> usize {
    bytes.get(from..).map_or(0, |rest| {
        rest.iter().take_while(|b| b.is_ascii_digit()).count()
    })
}

/// `YYYY-MM-DD` and its kin, `text` starting with `YYYY-`. By hand: chrono's format
/// parser costs more than the rest of a record's head.
fn iso_order(text: &str) -> DateText {
    let bytes = text.as_bytes();
    let number = |range: std::ops::Range<usize>| digits_value(&bytes[range]);
    let year = number(0..4) as i32;
    let (month, after_month) = match digit_run(bytes, 5) {
        1 | 2 => {
            let end = 5 + digit_run(bytes, 5);
            (number(5..end), end)
        }
        0 => match month_name(&text[5..]) {
            Some((month, length)) => (month, 5 + length),
            None => return DateText::Missing,
        },
        _ => return DateText::Invalid,
    };
    if bytes.get(after_month) == Some(&b'-') {
        let start = after_month + 1;
        let day = match digit_run(bytes, start) {
            length @ (1 | 2) => number(start..start + length),
            _ => return DateText::Invalid,
        };
        return day_of(year, month, day);
    }
    match NaiveDate::from_ymd_opt(year, month, 1) {
        Some(date) => DateText::Month(date),
        None => DateText::Invalid,
    }
}

/// `02.01.2024` or `2.1.2024`: day, month and year with dots, as German, Dutch and
/// Scandinavian teams write a date (never month first). `None` when `bytes` do not start
/// so.
fn dotted(bytes: &[u8]) -> Option<DateText> {
    let day_length = digit_run(bytes, 0);
    if !matches!(day_length, 1 | 2) || bytes.get(day_length) != Some(&b'.') {
        return None;
    }
    let month_start = day_length + 1;
    let month_length = digit_run(bytes, month_start);
    let year_start = month_start + month_length + 1;
    if !matches!(month_length, 1 | 2)
        || bytes.get(year_start - 1) != Some(&b'.')
        || digit_run(bytes, year_start) != 4
        || bytes.get(year_start + 4).is_some_and(u8::is_ascii_digit)
    {
        return None;
    }
    Some(day_of(
        digits_value(&bytes[year_start..year_start + 4]) as i32,
        digits_value(&bytes[month_start..month_start + month_length]),
        digits_value(&bytes[..day_length]),
    ))
}

/// `9 November 2020`, `09-Nov-2020`, `Nov 9, 2020`, `November 9th 2020`, `Nov 2020`.
fn named_month(text: &str) -> DateText {
    let bytes = text.as_bytes();
    let number = |range: std::ops::Range<usize>| digits_value(&bytes[range]);
    let separators = |from: usize| {
        from + bytes.get(from..).map_or(0, |rest| {
            rest.iter().take_while(|b| b" -/,.".contains(b)).count()
        })
    };
    // A day: one or two digits, and an ordinal's letters.
    let day_at = |from: usize| -> Option<(u32, usize)> {
        let length = digit_run(bytes, from);
        if !(1..=2).contains(&length) {
            return None;
        }
        let end = from + length;
        let suffix = ["st", "nd", "rd", "th"]
            .iter()
            .find(|s| {
                bytes
                    .get(end..end + 2)
                    .is_some_and(|b| b.eq_ignore_ascii_case(s.as_bytes()))
            })
            .map_or(0, |s| s.len());
        Some((number(from..end), end + suffix))
    };
    // A year: four digits, and no more.
    let year_at = |from: usize| -> Option<i32> {
        (digit_run(bytes, from) == 4).then(|| number(from..from + 4) as i32)
    };
    if let Some((day, after_day)) = day_at(0) {
        let at = separators(after_day);
        if at == after_day {
            return DateText::Missing;
        }
        let Some((month, length)) = month_name(&text[at..]) else {
            return DateText::Missing;
        };
        return match year_at(separators(at + length)) {
            Some(year) => day_of(year, month, day),
            None => DateText::Missing,
        };
    }
    let Some((month, length)) = month_name(text) else {
        return DateText::Missing;
    };
    let at = separators(length);
    if let Some(year) = year_at(at) {
        return match NaiveDate::from_ymd_opt(year, month, 1) {
            Some(date) => DateText::Month(date),
            None => DateText::Invalid,
        };
    }
    let Some((day, after_day)) = day_at(at).filter(|_| at > length) else {
        return DateText::Missing;
    };
    match year_at(separators(after_day)) {
        Some(year) if separators(after_day) > after_day => day_of(year, month, day),
        _ => DateText::Missing,
    }
}

fn day_of(year: i32, month: u32, day: u32) -> DateText {
    match NaiveDate::from_ymd_opt(year, month, day) {
        Some(date) => DateText::Day(date),
        None => DateText::Invalid,
    }
}

/// An English month's name or abbreviation at the start of `text` (`Nov`, `nov.`,
/// `November`, `Sept`), ended by anything but a letter: the month and the bytes it takes.
fn month_name(text: &str) -> Option<(u32, usize)> {
    const MONTHS: [&str; 12] = crate::text::MONTH_NAMES;
    let word = &text.as_bytes()[..text.bytes().take_while(u8::is_ascii_alphabetic).count()];
    if word.len() < 3 {
        return None;
    }
    let month = MONTHS.iter().position(|name| {
        let name = name.as_bytes();
        word.eq_ignore_ascii_case(name)
            || word.eq_ignore_ascii_case(&name[..3])
            || (name == b"september" && word.eq_ignore_ascii_case(b"sept"))
    })?;
    Some((month as u32 + 1, word.len()))
}

/// `2016-02-12`, also when followed by a time or text; a month or an impossible date is
/// not a day.
pub(crate) fn parse_date(text: &str) -> Option<NaiveDate> {
    match read_date(text) {
        DateText::Day(date) => Some(date),
        _ => None,
    }
}

/// A value left as the template wrote it: the whole value one bracketed (or braced)
/// instruction, as templates write theirs. That is a choice (`[ accepted | deprecated |
/// … ]`, `{proposed | rejected | accepted}`, `[summary | link to the ticket]`), a date's
/// pattern (`[YYYY-MM-DD when the decision was last updated]`), or a description in words
/// (`[list everyone involved in the decision]`, `[tags, separated by spaces or commas]`: a
/// part of four words or more). A value filled in within brackets is short words or
/// names (`[identity-platform, cip, groups]`, `[2022-06-15]`), and reference links
/// (`[1][1], [2][2]`, `[issue-1][1]`) are not one bracketed whole.
pub(super) fn is_placeholder(value: &str) -> bool {
    let value = without_comment(value).trim();
    let Some(inner) = bracketed(value) else {
        return false;
    };
    if inner.contains(['|', '…']) || crate::text::find_ignoring_ascii_case(inner, "yyyy").is_some()
    {
        return true;
    }
    // A link inside (`[2020-06-15](url)` aside, which is no whole) is a value written
    // with its source.
    !inner.contains("](")
        && !matches!(read_date(value), DateText::Day(_) | DateText::Month(_))
        && inner
            .split([',', ';'])
            .any(|part| part.split_whitespace().count() >= 4)
}

/// What is inside `[…]` or `{…}` when the bracket that opens `value` closes at its end
/// (brackets inside may nest, or be escaped).
fn bracketed(value: &str) -> Option<&str> {
    let (open, close) = match value.as_bytes().first()? {
        b'[' => (b'[', b']'),
        b'{' => (b'{', b'}'),
        _ => return None,
    };
    let bytes = value.as_bytes();
    let mut depth = 0usize;
    let mut index = 0;
    while index < bytes.len() {
        match bytes[index] {
            b'\\' => index += 1,
            b if b == open => depth += 1,
            b if b == close => {
                depth -= 1;
                if depth == 0 {
                    return (index == bytes.len() - 1).then(|| &value[1..index]);
                }
            }
            _ => {}
        }
        index += 1;
    }
    None
}

/// A field's value without a trailing comment, and without the brackets around it when
/// they hold it whole: `[Ana, Ben] <!-- optional -->` → `Ana, Ben`.
pub(super) fn unbracketed(value: &str) -> &str {
    let value = without_comment(value).trim();
    bracketed(value).unwrap_or(value)
}

/// The tags of a `Tags:` line, as log4brains reads them: split on commas and spaces
/// (`agile team daily` is three tags), in brackets or not (`[identity-platform, cip]`).
pub(super) fn tags(value: &str) -> Vec<String> {
    unbracketed(value)
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|tag| !tag.is_empty())
        .map(str::to_string)
        .collect()
}

/// The value without a trailing HTML comment (`<!-- optional -->`).
pub(super) fn without_comment(value: &str) -> &str {
    match value.find("<!--") {
        Some(at) => value[..at].trim_end(),
        None => value,
    }
}

/// What a status value says.
#[derive(Debug, Default, PartialEq, Eq)]
pub(super) struct Status {
    /// Lower case, without commentary: "accepted", "on hold", "superseded".
    pub status: Option<String>,
    pub links: Vec<Link>,
    pub placeholder: bool,
    /// The word as written, when it is a misspelling of a known status.
    pub misspelt: Option<String>,
    /// The value is a link and no status word: adr-tools' `Superceded by [3. X](…)`, whose
    /// status the kind implies.
    pub link_only: bool,
}

/// Status words of logs written in other languages, with the status each means and the
/// language, so a record's status reads as the English one and an edit writes the new
/// status in the record's own language. The first word of a language for a status is the
/// one an edit writes.
const TRANSLATED_STATUSES: &[(&str, &str, &str)] = &[
    ("proposé", "proposed", "fr"),
    ("proposée", "proposed", "fr"),
    ("accepté", "accepted", "fr"),
    ("acceptée", "accepted", "fr"),
    ("rejeté", "rejected", "fr"),
    ("rejetée", "rejected", "fr"),
    ("refusé", "rejected", "fr"),
    ("déprécié", "deprecated", "fr"),
    ("dépréciée", "deprecated", "fr"),
    ("obsolète", "deprecated", "fr"),
    ("remplacé", "superseded", "fr"),
    ("remplacée", "superseded", "fr"),
    ("brouillon", "draft", "fr"),
    ("propuesto", "proposed", "es"),
    ("propuesta", "proposed", "es"),
    ("aceptado", "accepted", "es"),
    ("aceptada", "accepted", "es"),
    ("rechazado", "rejected", "es"),
    ("rechazada", "rejected", "es"),
    ("obsoleto", "deprecated", "es"),
    ("obsoleta", "deprecated", "es"),
    ("reemplazado", "superseded", "es"),
    ("reemplazada", "superseded", "es"),
    ("sustituido", "superseded", "es"),
    ("borrador", "draft", "es"),
    ("proposto", "proposed", "pt"),
    ("proposta", "proposed", "pt"),
    ("aceito", "accepted", "pt"),
    ("aceita", "accepted", "pt"),
    ("rejeitado", "rejected", "pt"),
    ("rejeitada", "rejected", "pt"),
    ("depreciado", "deprecated", "pt"),
    ("substituído", "superseded", "pt"),
    ("substituída", "superseded", "pt"),
    ("rascunho", "draft", "pt"),
    ("accettato", "accepted", "it"),
    ("accettata", "accepted", "it"),
    ("rifiutato", "rejected", "it"),
    ("rifiutata", "rejected", "it"),
    ("deprecato", "deprecated", "it"),
    ("sostituito", "superseded", "it"),
    ("sostituita", "superseded", "it"),
    ("vorgeschlagen", "proposed", "de"),
    ("akzeptiert", "accepted", "de"),
    ("angenommen", "accepted", "de"),
    ("abgelehnt", "rejected", "de"),
    ("veraltet", "deprecated", "de"),
    ("ersetzt", "superseded", "de"),
    ("entwurf", "draft", "de"),
    ("voorgesteld", "proposed", "nl"),
    ("geaccepteerd", "accepted", "nl"),
    ("aanvaard", "accepted", "nl"),
    ("afgewezen", "rejected", "nl"),
    ("vervangen", "superseded", "nl"),
];

/// The status a word of another language means: `Accepté` → "accepted".
fn translated_status(word: &str) -> Option<&'static str> {
    TRANSLATED_STATUSES
        .iter()
        .find(|(written, _, _)| *written == word)
        .map(|(_, status, _)| *status)
}

/// `status` (English, as `decide status` takes it) in the language of `written`, the
/// status a record states now: `deprecated` over `Accepté` is `déprécié`. Unchanged when
/// `written` is English, or its language has no word for `status`.
pub(crate) fn in_language_of<'s>(status: &'s str, written: &str) -> &'s str {
    let word = status_word(without_symbols(written));
    let Some((_, _, language)) = TRANSLATED_STATUSES
        .iter()
        .find(|(foreign, _, _)| *foreign == word)
    else {
        return status;
    };
    TRANSLATED_STATUSES
        .iter()
        .find(|(_, meaning, lang)| lang == language && *meaning == status)
        .map_or(status, |(foreign, _, _)| foreign)
}

/// A metadata key of another language, as the English key it stands for: `Statut`,
/// `Estado` and `Stato` are the status, `Fecha` and `Datum` the date.
fn english_key(key: &str) -> Option<&'static str> {
    match key {
        "statut" | "estado" | "estatus" | "stato" => Some("status"),
        "fecha" | "datum" => Some("date"),
        _ => None,
    }
}

/// The statuses misspellings are measured against.
const USUAL: &[&str] = &[
    "proposed",
    "accepted",
    "rejected",
    "deprecated",
    "superseded",
    "draft",
];

/// Statuses that say a decision is no longer in force, as deprecated and superseded do:
/// words logs write for a decision taken back or left behind. None is a misspelling of
/// another (`reverted` is not `rejected`).
pub(crate) const NO_LONGER_IN_FORCE: &[&str] = &[
    "superseded",
    "deprecated",
    "rejected",
    "reverted",
    "retired",
    "revoked",
    "withdrawn",
    "abandoned",
    "obsolete",
    "replaced",
];

/// Whether `status` (lower case, as the reader gives it) says the decision no longer
/// holds.
pub(crate) fn no_longer_in_force(status: &str) -> bool {
    NO_LONGER_IN_FORCE.contains(&status)
}

/// Words that lead a link's kind as a status does (`Rejected in favour of ADR 111`,
/// `Deprecated in favor of [X](…)`): the record's status, the link what took its place.
/// Those of decisions no longer in force, and the others logs write so.
fn is_status_word(word: &str) -> bool {
    no_longer_in_force(word) || matches!(word, "proposed" | "accepted" | "declined")
}

/// Read a status value: `Accepted.`, `superseded by [ADR-0005](0005-x.md)`,
/// `superseded by ADR-0004`, `accepted; supersedes ADR-0002`, `proposed. **commentary**`,
/// `Implemented. Superseded by [ADR-013](…)`, `⌛️ Superseded [0019](…)`, `Rejected in
/// favour of ADR 111`.
pub(super) fn read_status(value: &str, line: usize, place: Place) -> Status {
    let value = without_comment(value).trim();
    if value.is_empty() {
        return Status::default();
    }
    if is_placeholder(value) {
        return Status {
            placeholder: true,
            ..Status::default()
        };
    }
    // `~~Proposed~~ Accepted`: a struck-out status is the one it was.
    let unstruck;
    let value = if value.contains("~~") {
        unstruck = without_struck(value);
        unstruck.trim()
    } else {
        value
    };
    let value = without_symbols(value);
    let mut status = Status::default();
    // Most statuses are a word: no link to look for.
    let may_link = value.contains(['[', ';'])
        || value
            .as_bytes()
            .windows(3)
            .any(|w| w.eq_ignore_ascii_case(b"adr"));
    if !may_link {
        let word = status_word(value);
        status.status = (!word.is_empty()).then_some(word);
        check_spelling(&mut status);
        return status;
    }
    for (index, part) in split_parts(value).into_iter().enumerate() {
        if let Some(mut link) = super::links::parse_status_link(part, line, place) {
            // `Superseded [0019](…)`: what superseded it, without the "by".
            if ["superseded", "superceded"]
                .iter()
                .any(|bare| link.kind.eq_ignore_ascii_case(bare))
            {
                link.kind = "Superseded by".into();
            }
            let superseded = link.kind == "Superseded by";
            if index == 0 {
                status.status = status_of_kind(&link.kind);
                status.link_only = superseded;
            } else if superseded {
                // `Implemented. Superseded by [ADR-013](…)`: the last word on it.
                status.status = Some("superseded".into());
                status.link_only = false;
            }
            status.links.push(link);
        } else if index == 0 {
            let word = status_word(part);
            status.status = (!word.is_empty()).then_some(word);
        }
    }
    check_spelling(&mut status);
    status
}

/// `text` without its struck-out spans (`~~Proposed~~ Accepted` → ` Accepted`); an
/// unclosed `~~` and what follows it are kept.
pub(crate) fn without_struck(text: &str) -> String {
    let mut kept = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find("~~") {
        let Some(close) = rest[open + 2..].find("~~") else {
            break;
        };
        kept.push_str(&rest[..open]);
        rest = &rest[open + 2 + close + 2..];
    }
    kept.push_str(rest);
    kept
}

/// A status value without the symbols some logs put before it: `✅ Accepted`, `⌛️
/// Superseded` (an emoji, its variation selector, a joiner). ASCII punctuation is the
/// Markdown's and stays.
pub(crate) fn without_symbols(value: &str) -> &str {
    if value.as_bytes().first().is_none_or(u8::is_ascii) {
        return value;
    }
    value.trim_start_matches(|c: char| !c.is_ascii() && !c.is_alphanumeric() || c.is_whitespace())
}

/// The status a link's kind states: "Superseded by" makes a record superseded, and a kind
/// led by a status word (`Rejected in favour of`) that status; another kind
/// (`Amended by`) says nothing about it.
pub(crate) fn status_of_kind(kind: &str) -> Option<String> {
    if kind.eq_ignore_ascii_case("superseded by") {
        return Some("superseded".to_string());
    }
    let word = status_word(kind);
    is_status_word(&word).then_some(word)
}

/// A status that is a misspelling of a usual one reads as the usual one. One slip in a
/// word of six letters or more, two in one of nine or more (`superseeded`,
/// `depreciated`): shorter words two letters apart are other words (`reverted` and
/// `rejected`, `selected`), and a word that means a status of its own is never a slip.
fn check_spelling(status: &mut Status) {
    let Some(word) = status.status.as_deref() else {
        return;
    };
    if USUAL.contains(&word) || is_status_word(word) {
        return;
    }
    if let Some(english) = translated_status(word) {
        status.status = Some(english.to_string());
        return;
    }
    if word == "superceded" {
        status.status = Some("superseded".into());
        return;
    }
    let length = word.chars().count();
    if length < 6 || !word.chars().all(char::is_alphabetic) {
        return;
    }
    let most = if length >= 9 { 2 } else { 1 };
    if let Some(known) = USUAL
        .iter()
        .find(|known| strsim::damerau_levenshtein(word, known) <= most)
    {
        status.misspelt = status.status.replace((*known).to_string());
    }
}

/// `accepted; supersedes ADR-0002` → its two parts; `Implemented. Superseded by [X](…)`
/// too, at the sentence's end. A `;` or `. ` inside a link's text or target does not
/// split.
fn split_parts(value: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut depth = 0i32;
    let mut start = 0;
    let bytes = value.as_bytes();
    for (index, &b) in bytes.iter().enumerate() {
        match b {
            b'[' | b'(' => depth += 1,
            b']' | b')' => depth -= 1,
            b';' if depth <= 0 => {
                parts.push(value[start..index].trim());
                start = index + 1;
            }
            // `Accepted, supersedes [3. Y](…)`: a link of a known kind after a comma.
            b',' if depth <= 0 && super::links::leads_with_known_kind(&value[index + 1..]) => {
                parts.push(value[start..index].trim());
                start = index + 1;
            }
            b'.' if depth <= 0 && bytes.get(index + 1) == Some(&b' ') => {
                parts.push(value[start..index].trim());
                start = index + 1;
            }
            _ => {}
        }
    }
    parts.push(value[start..].trim());
    parts.retain(|p| !p.is_empty());
    parts
}

/// The status itself, without a sentence of commentary after it or Markdown around it:
/// `proposed. **This record…**` → "proposed", `**Accepted**` → "accepted",
/// `Accepted on 2021-03-01` → "accepted", `Deprecated in favor of […](…)` → "deprecated".
pub(super) fn status_word(text: &str) -> String {
    let words = &text[status_span(text)];
    // One word, as most are; a no-break space between two still makes them two.
    if !words.contains(char::is_whitespace) {
        return words.to_lowercase();
    }
    words
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Words that end a status when they follow it: what comes after them is about the
/// status (`Reverted by [discussion]`, `Deprecated in favor of X`, `Accepted on
/// 2021-03-01`, `Accepted with changes`), not part of it. `in` ends one before `favor`,
/// a date or nothing, not in `Work in progress`.
const AFTER_THE_STATUS: &[&str] = &[
    "by", "of", "for", "on", "since", "at", "as", "with", "due", "because", "until", "till",
    "after", "from", "via", "per", "to", "and", "but", "when", "see", "pending",
];

/// Where the status word(s) are in a plain status value, in bytes: what [`status_word`]
/// reads and an edit replaces. The leading words: letters (with a `-` or `'` inside a
/// word), up to punctuation (`Accepted: tracking issue`, `Accepted -> note`, `Accepted.`),
/// a number (`Accepted 2021-03-01`) or a word that starts what is said about the status
/// ([`AFTER_THE_STATUS`]). Markdown, brackets and emoji before them are not part of them.
pub(crate) fn status_span(text: &str) -> std::ops::Range<usize> {
    let start = text.len()
        - text
            .trim_start_matches(|c: char| !c.is_alphanumeric())
            .len();
    let rest = &text[start..];
    // Most statuses are one plain word ("Accepted"): nothing to look for.
    if rest.bytes().all(|b| b.is_ascii_alphabetic()) {
        return start..text.len();
    }
    let mut end = 0;
    let mut words = 0;
    let mut at = 0;
    while at < rest.len() {
        let word_end = word_end(rest, at);
        if word_end == at {
            break;
        }
        // A word glued to a digit (`Q3`, `v2`) is a name or a date.
        if rest[word_end..].starts_with(|c: char| c.is_alphanumeric()) {
            break;
        }
        let word = &rest[at..word_end];
        let gap = rest[word_end..].len() - rest[word_end..].trim_start().len();
        if words > 0 && ends_the_status(word, &rest[word_end + gap..]) {
            break;
        }
        end = word_end;
        words += 1;
        if gap == 0 {
            break;
        }
        at = word_end + gap;
    }
    start..start + end
}

/// The end of the word of letters at `at` in `text` (`at` when none starts there); a `-`
/// or an apostrophe between two letters is part of it (`re-opened`, `won't`).
fn word_end(text: &str, at: usize) -> usize {
    let mut end = at;
    let mut chars = text[at..].char_indices().peekable();
    while let Some((offset, c)) = chars.next() {
        let joins = matches!(c, '-' | '\'' | '\u{2019}')
            && end > at
            && chars.peek().is_some_and(|(_, next)| next.is_alphabetic());
        if !(c.is_alphabetic() || joins) {
            break;
        }
        end = at + offset + c.len_utf8();
    }
    end
}

/// Whether `word`, after a status word, starts what is said about the status; `next` is
/// the text after it.
fn ends_the_status(word: &str, next: &str) -> bool {
    if word.eq_ignore_ascii_case("in") {
        let following = &next[..word_end(next, 0)];
        return following.is_empty()
            || ["favor", "favour", "the", "a"]
                .iter()
                .any(|w| following.eq_ignore_ascii_case(w));
    }
    AFTER_THE_STATUS
        .iter()
        .any(|after| word.eq_ignore_ascii_case(after))
}

#[cfg(test)]
mod tests {
    use super::super::links::Target;
    use super::*;

    #[test]
    fn table_cells_and_rules() {
        let cells = |line: &str| -> Vec<String> {
            table_cells(line)
                .into_iter()
                .map(|r| line[r].to_string())
                .collect()
        };
        assert_eq!(cells("| Status | Date |"), ["Status", "Date"]);
        assert_eq!(
            cells("|Proposed|2025-01-07|@ana|"),
            ["Proposed", "2025-01-07", "@ana"]
        );
        assert_eq!(cells("Status | Date"), ["Status", "Date"]);
        assert_eq!(cells("| a \\| b | c"), ["a \\| b", "c"]);
        assert_eq!(cells("|  | x |"), ["", "x"]);
        assert_eq!(cells("| é | ü |"), ["é", "ü"]);
        for (line, rule) in [
            ("|---|:---:|", true),
            ("| --- | --- |", true),
            ("--- | ---", true),
            ("| Status | Date |", false),
            ("| - x |", false),
            ("|", false),
        ] {
            assert_eq!(is_table_rule(line), rule, "{line}");
        }
    }

    #[test]
    fn fields_and_where_their_values_start() {
        let cases = [
            ("* Status: Accepted", Some(("status", "Accepted", 10, true))),
            (
                "- **Date**: 2018-09-13",
                Some(("date", "2018-09-13", 12, true)),
            ),
            ("Date: 2016-02-12", Some(("date", "2016-02-12", 6, true))),
            ("- Date 2023-01-10", Some(("date", "2023-01-10", 7, false))),
            (
                "Chosen option: \"X\", because y",
                Some(("chosen option", "\"X\", because y", 15, true)),
            ),
            ("Notes, not a field", None),
            (
                "Technical Story: none",
                Some(("technical story", "none", 17, true)),
            ),
        ];
        for (line, expected) in cases {
            let found = field(line).map(|f| (f.key, f.value, f.value_start, f.colon));
            assert_eq!(
                found,
                expected.map(|(k, v, s, c)| (k.to_string(), v, s, c)),
                "{line}"
            );
            if let Some(f) = field(line) {
                assert_eq!(&line[f.value_start..f.value_start + f.value.len()], f.value);
            }
        }
    }

    #[test]
    fn dates_as_logs_write_them() {
        let day = |s: &str| DateText::Day(NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap());
        let cases = [
            ("2016-02-12", day("2016-02-12")),
            ("2020-06-15T10:00:00+01:00", day("2020-06-15")),
            (
                "2019-01-14; Last update date: 2020-03-02",
                day("2019-01-14"),
            ),
            ("2024-05-22 (back dated)", day("2024-05-22")),
            ("[2022-06-15]", day("2022-06-15")),
            (
                "[2020-06-15](https://example.org/pull/34)",
                day("2020-06-15"),
            ),
            (
                "2019-02",
                DateText::Month(NaiveDate::from_ymd_opt(2019, 2, 1).unwrap()),
            ),
            ("2023-13-10", DateText::Invalid),
            ("2024-14-02", DateText::Invalid),
            (
                "[YYYY-MM-DD when the decision was last updated]",
                DateText::Missing,
            ),
            ("", DateText::Missing),
            // Day first with dots, as German and Nordic teams write it.
            ("02.01.2024", day("2024-01-02")),
            ("2.1.2024 (workshop)", day("2024-01-02")),
            ("31.02.2024", DateText::Invalid),
            ("1.2.24", DateText::Missing),
            ("1.2.20245", DateText::Missing),
        ];
        for (text, expected) in cases {
            assert_eq!(read_date(text), expected, "{text}");
        }
    }

    #[test]
    fn only_what_templates_write_is_a_placeholder() {
        let cases = [
            (
                "[ accepted | deprecated | superseded by [xxx](yyyymmdd-xxx.md)] <!-- optional -->",
                true,
            ),
            ("{proposed | rejected | accepted}", true),
            ("[summary | link to the ticket] <!-- optional -->", true),
            ("[YYYY-MM-DD when the decision was last updated]", true),
            ("{yyyy-mm-dd}", true),
            (
                "[list everyone involved in the decision] <!-- optional -->",
                true,
            ),
            ("[names of the people who decided]", true),
            ("[tags, separated by spaces or commas]", true),
            ("[draft | proposed | … ]", true),
            ("[identity-platform, cip, groups]", false),
            ("[Ana Lima, Ben Okafor]", false),
            ("[orders]", false),
            ("[1][1], [2][2]", false),
            ("[issue-1][1]", false),
            ("[2022-06-15]", false),
            ("[2020-06-15](https://example.org/pull/34)", false),
            ("[see [ADR 4](0004-x.md) for the list of options]", false),
            ("[unclosed", false),
            ("accepted", false),
            ("", false),
        ];
        for (value, placeholder) in cases {
            assert_eq!(is_placeholder(value), placeholder, "{value}");
        }
    }

    #[test]
    fn tags_split_on_commas_and_spaces() {
        let cases: [(&str, &[&str]); 6] = [
            ("agile team daily", &["agile", "team", "daily"]),
            (
                "[identity-platform, cip, groups]",
                &["identity-platform", "cip", "groups"],
            ),
            (
                "OpenAPI, code-generation,REST",
                &["OpenAPI", "code-generation", "REST"],
            ),
            ("doc <!-- optional -->", &["doc"]),
            ("[]", &[]),
            ("", &[]),
        ];
        for (value, expected) in cases {
            assert_eq!(tags(value), expected, "{value}");
        }
        assert_eq!(unbracketed("[Ana, Ben] <!-- optional -->"), "Ana, Ben");
        assert_eq!(unbracketed("[1][1]"), "[1][1]");
    }

    #[test]
    fn statuses_as_logs_write_them() {
        type Links<'a> = &'a [(&'a str, Target)];
        type Case<'a> = (&'a str, Option<&'a str>, Links<'a>, bool, Option<&'a str>);
        let cases: [Case<'_>; 16] = [
            ("Accepted.", Some("accepted"), &[], false, None),
            ("on hold", Some("on hold"), &[], false, None),
            (
                "Partly superseded",
                Some("partly superseded"),
                &[],
                false,
                None,
            ),
            (
                "proposed. **This record did not reach agreement.**",
                Some("proposed"),
                &[],
                false,
                None,
            ),
            (
                "superseded by ADR-0004",
                Some("superseded"),
                &[("Superseded by", Target::Number(4))],
                false,
                None,
            ),
            (
                "accepted; supersedes ADR-0002",
                Some("accepted"),
                &[("Supersedes", Target::Number(2))],
                false,
                None,
            ),
            (
                "superseded by [20210402-x](20210402-x.md)",
                Some("superseded"),
                &[("Superseded by", Target::File("20210402-x.md".into()))],
                false,
                None,
            ),
            (
                "Superseded by [ADR 16](https://example.org/blob/main/0016-x.md)",
                Some("superseded"),
                &[(
                    "Superseded by",
                    Target::Web("https://example.org/blob/main/0016-x.md".into()),
                )],
                false,
                None,
            ),
            (
                "[ accepted | deprecated | superseded by [xxx](yyyymmdd-xxx.md)] <!-- optional -->",
                None,
                &[],
                true,
                None,
            ),
            (
                "Depreciated.",
                Some("deprecated"),
                &[],
                false,
                Some("depreciated"),
            ),
            ("Superceded", Some("superseded"), &[], false, None),
            ("Accepted on 2021-03-01", Some("accepted"), &[], false, None),
            ("On\u{a0}hold", Some("on hold"), &[], false, None),
            ("**Accepted**", Some("accepted"), &[], false, None),
            ("**", None, &[], false, None),
            ("", None, &[], false, None),
        ];
        for (value, status, links, placeholder, misspelt) in cases {
            let read = read_status(value, 3, Place::Status);
            assert_eq!(read.status.as_deref(), status, "{value}");
            let found: Vec<(&str, Target)> = read
                .links
                .iter()
                .map(|l| (l.kind.as_str(), l.target.clone()))
                .collect();
            assert_eq!(found, links, "{value}");
            assert_eq!(read.placeholder, placeholder, "{value}");
            assert_eq!(read.misspelt.as_deref(), misspelt, "{value}");
        }
    }

    #[test]
    fn real_words_are_not_misspellings_and_slips_are() {
        // (the status as written, what it reads as, whether lint calls it a misspelling)
        let cases = [
            ("Reverted", "reverted", false),
            ("Retired", "retired", false),
            ("Revoked", "revoked", false),
            ("Replaced", "replaced", false),
            ("Obsolete", "obsolete", false),
            ("Withdrawn", "withdrawn", false),
            ("Abandoned", "abandoned", false),
            ("Implemented", "implemented", false),
            ("Final", "final", false),
            ("Done", "done", false),
            ("Approved", "approved", false),
            ("Draft", "draft", false),
            ("In progress", "in progress", false),
            ("Selected", "selected", false),
            ("Repeated", "repeated", false),
            ("Accpeted", "accepted", true),
            ("Rejcted", "rejected", true),
            ("Depreciated", "deprecated", true),
            ("Superseeded", "superseded", true),
            ("Supercedded", "superseded", true),
            ("Superceded", "superseded", false),
        ];
        for (value, status, misspelt) in cases {
            let read = read_status(value, 1, Place::Status);
            assert_eq!(read.status.as_deref(), Some(status), "{value}");
            assert_eq!(read.misspelt.is_some(), misspelt, "{value}");
        }
    }

    #[test]
    fn the_status_span_is_the_leading_status_words() {
        let cases = [
            ("Accepted", "Accepted"),
            ("Reverted by [discussion #80](https://x/80).", "Reverted"),
            (
                "Deprecated in favor of [relay#12](https://x/12)",
                "Deprecated",
            ),
            ("Accepted: Tracking issue [\\#4410].", "Accepted"),
            ("Accepted -> no change to the API", "Accepted"),
            ("Rejected in favour of ADR 31", "Rejected"),
            ("\u{2705} Accepted", "Accepted"),
            (
                "\u{231b}\u{fe0f} Superseded [0012](0012-y.md)",
                "Superseded",
            ),
            ("**On hold** until Q3", "On hold"),
            ("On\u{a0}hold", "On\u{a0}hold"),
            ("Work in progress.", "Work in progress"),
            ("Accepted on 2021-03-01", "Accepted"),
            ("Accepted with changes", "Accepted"),
            ("Re-opened", "Re-opened"),
            ("Accepted (2021)", "Accepted"),
            ("v2 accepted", ""),
            ("**", ""),
        ];
        for (value, words) in cases {
            assert_eq!(&value[status_span(value)], words, "{value}");
        }
    }
}
