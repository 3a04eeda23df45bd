//! Links between records: typed links (`Supersedes [2. Bar](0002-bar.md)`, MADR's
//! `superseded by ADR-0011`), and plain Markdown links to other records in running text.
//! Link text may hold escaped or nested brackets; targets may be Hugo's
//! `{{< ref "0003-x.md" >}}` shortcode.

use serde::Serialize;

/// Where a link is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum Place {
    /// adr-tools' `## Status` section, or a `Status:` bullet.
    Status,
    /// The front matter's `status:` value.
    FrontMatter,
    /// A `## Links` section.
    LinksSection,
    /// Running text.
    Body,
}

/// What a link points at.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum Target {
    /// A file, relative to the record's directory, as written (without Hugo's shortcode).
    File(String),
    /// A record named by number only: MADR's `superseded by ADR-0011`.
    Number(u32),
    /// A web address, as written: a typed link to a record named by its page on a code
    /// host (`Superseded by [ADR 16](https://…/0016-x.md)`). Kept and shown, never followed.
    Web(String),
}

/// A link to another record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct Link {
    /// "Supersedes", "Superseded by", "Amends", … (adr-tools' spelling "Supercedes" is read
    /// as the dictionary's). Empty for a link in running text.
    pub kind: String,
    pub target: Target,
    /// The link's text as written (`7. Title`, `ADR-0007`).
    pub label: String,
    /// The line the link is on, counting from 1.
    pub line: usize,
    pub place: Place,
}

impl Link {
    /// The file the link names, without a `#fragment`; `None` for a link by number.
    pub(crate) fn file(&self) -> Option<&str> {
        match &self.target {
            Target::File(file) => Some(file.split('#').next().unwrap_or_default()),
            Target::Number(_) | Target::Web(_) => None,
        }
    }

    /// Whether the link leads to the record at `path` (relative to the same folder as the
    /// link's own targets): the same file; a web page of that file or of its slug
    /// (`https://…/docs/adr/0016-x.md`, `…/adr/0016-x/`); or its number.
    pub(crate) fn leads_to(&self, path: &str) -> bool {
        let path = path.split('#').next().unwrap_or_default();
        let name = path.rsplit('/').next().unwrap_or_default();
        let stem = name.strip_suffix(".md").unwrap_or(name);
        match &self.target {
            Target::File(_) => self.file().is_some_and(|file| {
                let (file, path) = (file.trim_start_matches("./"), path.trim_start_matches("./"));
                // `0002-b` is `0002-b.md` served by a site without its extension.
                file == path
                    || (is_record_folder(file) && file == crate::store::without_extension(path))
            }),
            Target::Web(address) => {
                let page = address.split(['#', '?']).next().unwrap_or_default();
                let last = page
                    .trim_end_matches('/')
                    .rsplit('/')
                    .next()
                    .unwrap_or_default();
                let last = last
                    .strip_suffix(".md")
                    .or_else(|| last.strip_suffix(".html"))
                    .unwrap_or(last);
                !stem.is_empty() && last == stem
            }
            Target::Number(number) => crate::store::record_number(name) == Some(*number),
        }
    }
}

/// `Kind [text](target)` (optionally `Kind: [text](target)`), where Kind is one to four
/// words and the target a relative path; or `Kind ADR-0011`.
pub(crate) fn parse_link(text: &str, line: usize, place: Place) -> Option<Link> {
    link(text, line, place, false)
}

/// [`parse_link`] for a status value, where text may follow the link:
/// `superseded by [ADR-0005](0005-x.md) on 2021-03-01`.
pub(crate) fn parse_status_link(text: &str, line: usize, place: Place) -> Option<Link> {
    link(text, line, place, true)
}

fn link(text: &str, line: usize, place: Place, more_after: bool) -> Option<Link> {
    let text = text.trim();
    if let Some(link) = number_link(text, line, place) {
        return Some(link);
    }
    let (kind, rest) = split_kind(text)?;
    let (label, target, end) = typed_link_target(rest)?;
    // "See [the guide](https://…)" is a pointer to a page, not a relation between records.
    if matches!(target, Target::Web(_)) && !is_known_kind(kind) {
        return None;
    }
    // A link line is the link alone: "See [A](a.md) and [B](b.md)." is running text.
    if !more_after
        && !rest[end..]
            .trim()
            .trim_end_matches(['.', ',', ';'])
            .is_empty()
    {
        return None;
    }
    Some(Link {
        kind: normalise_kind(kind),
        target,
        label,
        line,
        place,
    })
}

/// The words before the link (`Superseded by`) and what follows them.
fn split_kind(text: &str) -> Option<(&str, &str)> {
    let end = text
        .char_indices()
        .find(|(_, c)| !(c.is_alphabetic() || *c == ' '))
        .map_or(text.len(), |(index, _)| index);
    let kind = text[..end].trim();
    let words = kind.split_whitespace().count();
    if !(1..=4).contains(&words) {
        return None;
    }
    let rest = text[end..].trim_start();
    let rest = rest.strip_prefix(':').unwrap_or(rest).trim_start();
    // `Kind` must end at a word: "Supersedes[x]" is not a kind.
    if end < text.len() && !text[..end].ends_with(' ') && !text[end..].starts_with([':', '[']) {
        return None;
    }
    Some((kind, rest))
}

/// Whether `text` starts with a link of a kind `decide` knows, `supersedes [3. Y](…)`:
/// what may follow a status word and a comma.
pub(crate) fn leads_with_known_kind(text: &str) -> bool {
    split_kind(text.trim_start())
        .is_some_and(|(kind, rest)| is_known_kind(kind) && rest.starts_with('['))
}

/// A line that is a relation's label and the records it links to, and nothing else: a bold
/// label (`**Supersedes:** [3. Y](0003-y.md)`, `**Superseded by**: [5. X](…), [6. Z](…)`,
/// `**Amends:** ADR-0002`), or the kind's words (`Superseded by [5. X](…).`), perhaps in
/// italics (`*Superseded by [5. X](…)*`). Only a kind `decide` knows makes a typed link,
/// and only links may follow it: "See [3. Y](…)", "Builds on [3. Y](…)" or "Supersedes
/// [3. Y](…) for the web app" are running text, whose links stay mentions.
pub(crate) fn label_line(text: &str, line: usize, place: Place) -> Option<Vec<Link>> {
    let indent = text.len() - text.trim_start_matches(' ').len();
    if indent > 3 {
        return None;
    }
    let text = without_emphasis(text.trim());
    let (kind, rest, bold) = match text.strip_prefix("**") {
        Some(inner) => {
            let close = inner.find("**")?;
            let kind = inner[..close].trim().trim_end_matches(':').trim_end();
            let rest = inner[close + 2..].trim_start();
            (
                kind,
                rest.strip_prefix(':').unwrap_or(rest).trim_start(),
                true,
            )
        }
        None => {
            let (kind, rest) = split_kind(text)?;
            (kind, rest, false)
        }
    };
    if !is_known_kind(kind) {
        return None;
    }
    let kind = normalise_kind(kind);
    let mut links = Vec::new();
    let mut rest = rest;
    while let Some((label, target, end)) = typed_link_target(rest) {
        if let Target::File(file) = &target
            && !is_markdown_file(file)
        {
            return None;
        }
        links.push(Link {
            kind: kind.clone(),
            target,
            label,
            line,
            place,
        });
        rest = between_links(&rest[end..]);
    }
    if links.is_empty() && bold {
        // A bold label names a record by number too, as a status line may.
        links.extend(number_link(&format!("{kind} {rest}"), line, place));
        rest = "";
    }
    (!links.is_empty() && rest.is_empty()).then_some(links)
}

/// `text` without italics around it all: `*Superseded by [5. X](…)*`, `_…_`.
fn without_emphasis(text: &str) -> &str {
    for mark in ['*', '_'] {
        if let Some(inner) = text.strip_prefix(mark).and_then(|t| t.strip_suffix(mark))
            && !inner.starts_with(mark)
            && !inner.is_empty()
        {
            return inner.trim();
        }
    }
    text
}

/// What follows a link on a label's line, past what may part it from the next link (`, `,
/// `; `, ` and `) or end the line (a full stop).
fn between_links(text: &str) -> &str {
    let text = text.trim_start_matches([',', ';', '.', ' ', '\t']);
    text.strip_prefix("and ")
        .or_else(|| text.strip_prefix("& "))
        .unwrap_or(text)
        .trim_start()
}

/// `superseded by ADR-0011`: a kind, then a record named by number alone.
fn number_link(text: &str, line: usize, place: Place) -> Option<Link> {
    let text = text.trim_end_matches('.');
    let at = text
        .char_indices()
        .filter(|(index, _)| {
            text[*index..].starts_with(" ADR") || text[*index..].starts_with(" adr")
        })
        .map(|(index, _)| index)
        .next_back()?;
    let kind = text[..at].trim().trim_end_matches(':').trim();
    if !is_valid_kind(kind) {
        return None;
    }
    let label = text[at..].trim();
    let number = adr_number(label)?;
    Some(Link {
        kind: normalise_kind(kind),
        target: Target::Number(number),
        label: label.to_string(),
        line,
        place,
    })
}

/// `ADR-0011`, `ADR 11`, `ADR0011` on their own (a trailing full stop allowed).
fn adr_number(text: &str) -> Option<u32> {
    let text = text.trim().trim_end_matches('.');
    let rest = text
        .strip_prefix("ADR")
        .or_else(|| text.strip_prefix("adr"))?;
    let rest = rest.trim_start_matches(['-', ' ', '#']);
    if rest.is_empty() || rest.len() > 9 || !rest.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    rest.parse().ok()
}

/// The first `[text](target)` at the start of `text`: its text (escapes resolved), its
/// relative target, and the byte just past it. Brackets in the text may be nested or
/// escaped; parentheses in the target may be nested.
pub(crate) fn markdown_link(text: &str) -> Option<(String, String, usize)> {
    let spans = link_spans(text)?;
    let target = link_target(&text[spans.target.clone()])?;
    let label = super::title::unescape(&text[spans.label]);
    Some((label, target, spans.end))
}

/// [`markdown_link`] after a link's kind, where a web address names a record too: some
/// logs link a successor by its page on the code host.
fn typed_link_target(text: &str) -> Option<(String, Target, usize)> {
    let spans = link_spans(text)?;
    let label = super::title::unescape(&text[spans.label]);
    let raw = text[spans.target].trim();
    let target = match link_target(raw) {
        Some(file) => Target::File(file),
        None => {
            // `<https://…>` or `https://… "title"`: the address alone.
            let address = match raw.strip_prefix('<') {
                Some(inner) => inner.split('>').next()?,
                None => raw.split_whitespace().next()?,
            };
            if !is_web_address(address) {
                return None;
            }
            Target::Web(address.to_string())
        }
    };
    Some((label, target, spans.end))
}

fn is_web_address(target: &str) -> bool {
    ["http://", "https://"].iter().any(|scheme| {
        target.len() > scheme.len()
            && target.as_bytes()[..scheme.len()].eq_ignore_ascii_case(scheme.as_bytes())
    })
}

/// Where the parts of a `[text](target)` at the start of a string are, in bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Spans {
    /// Inside the brackets, as written.
    pub label: std::ops::Range<usize>,
    /// Inside the parentheses, as written.
    pub target: std::ops::Range<usize>,
    /// Just past the closing parenthesis.
    pub end: usize,
}

pub(crate) fn link_spans(text: &str) -> Option<Spans> {
    if !text.starts_with('[') {
        return None;
    }
    let close = closing(text, 0, b'[', b']')?;
    if !text[close + 1..].starts_with('(') {
        return None;
    }
    let open = close + 1;
    let end = closing(text, open, b'(', b')')?;
    Some(Spans {
        label: 1..close,
        target: open + 1..end,
        end: end + 1,
    })
}

/// The file a raw link target names (`./0003-x.md#why`, `{{< ref "0003-x.md" >}}`), without
/// its fragment; `None` for a web address or an anchor.
pub(crate) fn target_file(raw: &str) -> Option<String> {
    let target = link_target(raw)?;
    Some(target.split('#').next().unwrap_or_default().to_string())
}

/// The index of the bracket that closes the one at `start`, skipping escaped brackets.
/// Bytes, not characters: the brackets and `\\` are ASCII, which no byte of another
/// character's UTF-8 can be, and decoding characters cost five times the loop.
fn closing(text: &str, start: usize, open: u8, close: u8) -> Option<usize> {
    let mut depth = 0usize;
    let mut escaped = false;
    for (index, &byte) in text.as_bytes()[start..].iter().enumerate() {
        if escaped {
            escaped = false;
            continue;
        }
        match byte {
            b'\\' => escaped = true,
            b if b == open => depth += 1,
            b if b == close => {
                depth -= 1;
                if depth == 0 {
                    return Some(start + index);
                }
            }
            _ => {}
        }
    }
    None
}

/// `text`'s first word, as `split_whitespace().next()` gives it. Byte by byte while the
/// text is ASCII (a link's target nearly always is); other text is left to the standard
/// library, which knows Unicode's white space.
fn first_word(text: &str) -> Option<&str> {
    for (index, &byte) in text.as_bytes().iter().enumerate() {
        match byte {
            // `char::is_whitespace` in ASCII: tab, line feed, vertical tab, form feed,
            // carriage return and space.
            b'\t'..=b'\r' | b' ' if index > 0 => return Some(&text[..index]),
            b'\t'..=b'\r' | b' ' | 0x80.. => break,
            _ => {}
        }
    }
    text.split_whitespace().next()
}

/// A link's target as a relative file path, or `None` for a web address, an anchor in the
/// same page or an empty target. `<path>` and a `"title"` after the path are read as
/// CommonMark does; Hugo's `{{< ref "x.md" >}}` names its file.
fn link_target(raw: &str) -> Option<String> {
    let raw = raw.trim();
    let target = if let Some(inner) = raw.strip_prefix("{{<").or_else(|| raw.strip_prefix("{{%")) {
        let quoted = inner.split('"').nth(1)?;
        quoted.to_string()
    } else if let Some(inner) = raw.strip_prefix('<') {
        inner.split('>').next()?.to_string()
    } else {
        first_word(raw)?.to_string()
    };
    if target.is_empty() || target.starts_with('#') || target.contains("://") {
        return None;
    }
    if target.starts_with("mailto:") || target.starts_with("tel:") {
        return None;
    }
    Some(target)
}

/// Plain links to Markdown files in a line of running text: `[text](0003-x.md)`. Images,
/// web addresses and links inside code spans are not links to records.
pub(crate) fn body_links(text: &str, line: usize, out: &mut Vec<Link>) {
    let bytes = text.as_bytes();
    // Most lines have no link. `contains("](")` builds a substring searcher for each line,
    // which cost more than the rest of this function.
    let mut closings = memchr::memchr_iter(b']', bytes);
    if !closings.any(|at| bytes.get(at + 1) == Some(&b'(')) {
        return;
    }
    let mut in_code = false;
    let mut index = 0;
    // Only a backtick, a backslash or a bracket changes anything: the search jumps from
    // one to the next, where a byte loop went through the whole line (lines of running
    // text are long).
    while index < bytes.len()
        && let Some(skip) = memchr::memchr3(b'[', b'`', b'\\', &bytes[index..])
    {
        index += skip;
        match bytes[index] {
            b'`' => in_code = !in_code,
            b'\\' => index += 1,
            b'[' if !in_code && (index == 0 || bytes[index - 1] != b'!') => {
                if let Some((label, target, length)) = markdown_link(&text[index..]) {
                    if is_markdown_file(&target) {
                        out.push(Link {
                            kind: String::new(),
                            target: Target::File(target),
                            label,
                            line,
                            place: Place::Body,
                        });
                    }
                    index += length;
                    continue;
                }
            }
            _ => {}
        }
        index += 1;
    }
}

/// Where the parts of a link reference definition are, in bytes: `[adr 0010]:
/// 0010-common-auth.md`, `[N2]: <0002-x.md#why> "title"`, indented by up to three spaces.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Definition {
    /// Inside the brackets, as written.
    pub label: std::ops::Range<usize>,
    /// The destination, as written (inside `<…>` when so written).
    pub target: std::ops::Range<usize>,
}

pub(crate) fn definition_spans(line: &str) -> Option<Definition> {
    // Bytes, the colon after the label first: lines that start with `[` are mostly no
    // definition (`[1] Alex, …` in our references), and every one of every record is asked.
    let bytes = line.as_bytes();
    let indent = bytes.iter().take_while(|&&b| b == b' ').count();
    if indent > 3 || bytes.get(indent) != Some(&b'[') {
        return None;
    }
    // A loop, not `memchr`: labels are short, and setting up a search cost more.
    let close = indent + bytes[indent..].iter().position(|&b| b == b']')?;
    if bytes.get(close + 1) != Some(&b':') {
        return None;
    }
    let label = indent + 1..close;
    if line[label.clone()].trim().is_empty() || line[label.clone()].contains(['[', '\\']) {
        return None;
    }
    let after = close + 2;
    let rest = &line[after..];
    let start = after + rest.len() - rest.trim_start().len();
    let rest = &line[start..];
    let target = match rest.strip_prefix('<') {
        Some(inner) => start + 1..start + 1 + inner.find('>')?,
        None => start..start + rest.find(char::is_whitespace).unwrap_or(rest.len()),
    };
    (!target.is_empty()).then_some(Definition { label, target })
}

/// A definition line naming a Markdown file, as a link in running text (its label as
/// written): what `[ADR 10][]`, `[text][adr 10]` and `[adr 10]` lead to. Whether the
/// text uses it is the caller's to ask.
pub(crate) fn definition_link(line: &str, number: usize) -> Option<Link> {
    let spans = definition_spans(line)?;
    let target = link_target(&line[spans.target])?;
    is_markdown_file(&target).then(|| Link {
        kind: String::new(),
        target: Target::File(target),
        label: line[spans.label].to_string(),
        line: number,
        place: Place::Body,
    })
}

fn is_markdown_file(target: &str) -> bool {
    let path = match memchr::memchr(b'#', target.as_bytes()) {
        Some(hash) => &target[..hash],
        None => target,
    };
    // No lower-cased copy: every link of every record of a log-wide lint comes here.
    let ends_in = |extension: &[u8]| {
        path.len() > extension.len()
            && path.as_bytes()[path.len() - extension.len()..].eq_ignore_ascii_case(extension)
    };
    ends_in(b".md") || ends_in(b".mdx") || ends_in(b".markdown") || is_record_folder(path)
}

/// `../2022-02-07-tracing/`, `../0007-cache/` or `adr-006-core-runtime`: a link to a record
/// by its name without an extension, as a record kept as a folder's page is linked, and as
/// sites that serve `0006-x.md` at `0006-x` link their records. Only a name shaped as a
/// record's (a date or number and words) is one: `../guides/setup` is some page of the site.
fn is_record_folder(path: &str) -> bool {
    let folder = path.strip_suffix('/').unwrap_or(path);
    let name = folder.rsplit('/').next().unwrap_or(folder);
    !name.contains('.') && crate::store::record_prefix(name) != crate::store::Prefix::None
}

/// Capitalise the first letter and fix adr-tools' "supercede" spelling.
pub(crate) fn normalise_kind(kind: &str) -> String {
    let words: Vec<&str> = kind.split_whitespace().collect();
    let written = words.join(" ");
    let mut lower = written.to_lowercase();
    for (wrong, right) in [("superceded", "superseded"), ("supercedes", "supersedes")] {
        if lower.starts_with(wrong) {
            lower = format!("{right}{}", &lower[wrong.len()..]);
        }
    }
    // A kind `decide` knows is spelt its way; any other keeps the capitals it was written
    // with ("Depends on API"), its first letter made a capital.
    let known = LINK_PAIRS
        .iter()
        .flat_map(|(forward, backward)| [*forward, *backward])
        .find(|known| known.eq_ignore_ascii_case(&lower));
    if let Some(known) = known {
        return known.to_string();
    }
    let mut chars = written.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => written,
    }
}

/// Whether `kind` is words only, as a link kind must be: anything else could end the link
/// text or start another link when written.
pub(crate) fn is_valid_kind(kind: &str) -> bool {
    let words = kind.split_whitespace().count();
    (1..=4).contains(&words) && kind.chars().all(|c| c.is_alphabetic() || c == ' ')
}

/// Link kinds and their reverses, as adr-tools and MADR write them.
const LINK_PAIRS: &[(&str, &str)] = &[
    ("Supersedes", "Superseded by"),
    ("Amends", "Amended by"),
    ("Clarifies", "Clarified by"),
    ("Extends", "Extended by"),
    ("Refines", "Refined by"),
    ("Depends on", "Required by"),
    ("Relates to", "Relates to"),
];

/// Whether `kind` is one side of a pair `decide` knows.
pub(crate) fn is_known_kind(kind: &str) -> bool {
    let kind = normalise_kind(kind);
    LINK_PAIRS
        .iter()
        .any(|(forward, backward)| kind == *forward || kind == *backward)
}

/// The link kind that answers `kind` in the other record: a known pair, else "X by" for
/// "X" and back. `decide link --reverse` names any other.
pub(crate) fn reverse_kind(kind: &str) -> String {
    let kind = normalise_kind(kind);
    for (forward, backward) in LINK_PAIRS {
        if kind == *forward {
            return backward.to_string();
        }
        if kind == *backward {
            return forward.to_string();
        }
    }
    match without_by(&kind) {
        Some(forward) => forward.to_string(),
        None => format!("{kind} by"),
    }
}

/// "Needed by" → "Needed": the active kind of a passive one, `By` in any case.
pub(crate) fn without_by(kind: &str) -> Option<&str> {
    let split = kind.len().checked_sub(3)?;
    let (forward, by) = (kind.get(..split)?, kind.get(split..)?);
    by.eq_ignore_ascii_case(" by").then_some(forward)
}

/// Text for a link's label: brackets and backslashes escaped, so a title like
/// `Use A](0001-x.md) or B` cannot end the label early.
pub(crate) fn escape_label(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in crate::error::one_line(text).chars() {
        if matches!(c, '\\' | '[' | ']' | '<' | '>' | '`') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A relation's label and only links make a typed link line; any other words, a kind
    /// `decide` does not know, a link to no record or a bullet leave the line to running
    /// text.
    #[test]
    fn a_label_line_is_a_known_kind_and_links_alone() {
        let cases: [(&str, &[(&str, &str)]); 16] = [
            (
                "**Supersedes:** [3. Y](0003-y.md)",
                &[("Supersedes", "0003-y.md")],
            ),
            (
                "**Superseded by**: [5. X](0005-x.md), [6. Z](0006-z.md).",
                &[
                    ("Superseded by", "0005-x.md"),
                    ("Superseded by", "0006-z.md"),
                ],
            ),
            (
                "**Relates to** [2. W](0002-w.md) and [4. V](0004-v.md)",
                &[("Relates to", "0002-w.md"), ("Relates to", "0004-v.md")],
            ),
            ("**Supercedes:** ADR-0003", &[("Supersedes", "")]),
            (
                "Superseded by [5. X](0005-x.md).",
                &[("Superseded by", "0005-x.md")],
            ),
            (
                "Superseded by: [ADR-006](adr-006-core-runtime)",
                &[("Superseded by", "adr-006-core-runtime")],
            ),
            (
                "*Superseded by [5. X](0005-x.md)*",
                &[("Superseded by", "0005-x.md")],
            ),
            ("   Amends [1. A](0001-a.md)", &[("Amends", "0001-a.md")]),
            ("See [3. Y](0003-y.md)", &[]),
            ("Builds on [3. Y](0003-y.md)", &[]),
            ("Supersedes [3. Y](0003-y.md) for the web app.", &[]),
            ("**Decision:** [3. Y](0003-y.md)", &[]),
            ("**Supersedes:** the old wiki page", &[]),
            ("Supersedes [the diagram](flow.png)", &[]),
            ("* Supersedes: [3. Y](0003-y.md)", &[]),
            ("    Supersedes [3. Y](0003-y.md)", &[]),
        ];
        for (text, expected) in cases {
            let links = label_line(text, 7, Place::Body).unwrap_or_default();
            let read: Vec<(&str, &str)> = links
                .iter()
                .map(|l| (l.kind.as_str(), l.file().unwrap_or_default()))
                .collect();
            assert_eq!(read, expected, "{text}");
            assert!(links.iter().all(|l| l.line == 7), "{text}");
        }
    }

    #[test]
    fn links_to_records_by_file_folder_or_name_alone() {
        for (target, record) in [
            ("0003-x.md", true),
            ("0003-x.MD#why", true),
            ("0003-x.mdx", true),
            ("0003-x.markdown", true),
            ("../2022-02-07-tracing/README.md", true),
            ("../2022-02-07-tracing/", true),
            ("../2022-02-07-tracing", true),
            ("../0007-cache/", true),
            ("adr-006-core-runtime", true),
            ("0006-core-runtime#why", true),
            ("../adr/adr-07", true),
            ("../guides/deploying", false),
            ("42", false),
            ("0006-core-runtime.v2", false),
            ("0003-flow.png", false),
            ("../guides/", false),
            ("setup", false),
        ] {
            assert_eq!(is_markdown_file(target), record, "{target}");
        }
    }

    #[test]
    fn a_link_leads_to_a_record_by_file_web_page_or_number() {
        let link = |target: Target| Link {
            kind: "Superseded by".into(),
            target,
            label: String::new(),
            line: 1,
            place: Place::Status,
        };
        let cases = [
            (Target::File("0002-b.md".into()), "0002-b.md", true),
            (Target::File("./0002-b.md#top".into()), "0002-b.md", true),
            (Target::File("0002-b.md".into()), "0003-c.md", false),
            (Target::File("./0002-b".into()), "0002-b.md", true),
            (Target::File("0002-b".into()), "0002-b-old.md", false),
            (
                Target::Web("https://code.example/x/blob/main/docs/adr/0002-b.md".into()),
                "0002-b.md",
                true,
            ),
            (
                Target::Web("https://x.example/adr/0002-b/#why".into()),
                "../adr/0002-b.md",
                true,
            ),
            (
                Target::Web("https://x.example/adr/".into()),
                "0002-b.md",
                false,
            ),
            (
                Target::Web("https://x.example/0002-b-old.md".into()),
                "0002-b.md",
                false,
            ),
            (Target::Number(2), "0002-b.md", true),
            (Target::Number(2), "0012-b.md", false),
        ];
        for (target, path, leads) in cases {
            let shown = format!("{target:?} {path}");
            assert_eq!(link(target).leads_to(path), leads, "{shown}");
        }
    }

    #[test]
    fn first_words_as_the_standard_library_splits() {
        for text in [
            "0001-a.md",
            "0001-a.md \"Title\"",
            "0001-a.md\t\"Title\"",
            "a\x0bb",
            "a\x0cb",
            "a\rb",
            "a\u{a0}b",
            "a\u{2003}b c",
            "\u{e9}t\u{e9} b",
            " leading",
            "\u{a0}leading",
            "",
            " ",
            "x",
        ] {
            assert_eq!(first_word(text), text.split_whitespace().next(), "{text:?}");
        }
    }

    /// The links of a line as the byte-by-byte walk read them before the walk jumped from
    /// bracket to bracket.
    fn body_links_byte_by_byte(text: &str, line: usize) -> Vec<Link> {
        let bytes = text.as_bytes();
        let mut out = Vec::new();
        let (mut in_code, mut index) = (false, 0);
        while index < bytes.len() {
            match bytes[index] {
                b'`' => in_code = !in_code,
                b'\\' => index += 1,
                b'[' if !in_code && (index == 0 || bytes[index - 1] != b'!') => {
                    if let Some((label, target, length)) = markdown_link(&text[index..]) {
                        if is_markdown_file(&target) {
                            out.push(Link {
                                kind: String::new(),
                                target: Target::File(target),
                                label,
                                line,
                                place: Place::Body,
                            });
                        }
                        index += length;
                        continue;
                    }
                }
                _ => {}
            }
            index += 1;
        }
        out
    }

    #[test]
    fn body_links_jump_to_what_the_walk_reads() {
        for text in [
            "It follows [ADR 1](0001-a.md).",
            "[a](0001-a.md) and [b](0002-b.md#why \"t\")",
            "`[code](0001-a.md)` then [real](0002-b.md)",
            "![image](0001-a.md) [x](0002-b.md)",
            "\\[escaped](0001-a.md) [x](0002-b.md)",
            "ends with a backslash \\",
            "ends with a bracket [",
            "[nested [brackets]](0003-c.md) [a\\]b](0004-d.md)",
            "[web](https://example.com/a.md) [mail](mailto:a.md)",
            "caf\u{e9} [\u{e9}t\u{e9}](0005-\u{e9}.md) \u{2014} [x](0006-x.MD)",
            "[target with space]( 0007-x.md  \"t\")](",
            "`unclosed [x](0008-x.md)",
            "[]()](",
        ] {
            let mut found = Vec::new();
            body_links(text, 3, &mut found);
            assert_eq!(found, body_links_byte_by_byte(text, 3), "{text:?}");
        }
    }

    #[test]
    fn typed_links() {
        let cases = [
            (
                "Supercedes [1. A](0001-a.md)",
                Some(("Supersedes", Target::File("0001-a.md".into()), "1. A")),
            ),
            (
                "Amends: [x](./0002-b.md)",
                Some(("Amends", Target::File("./0002-b.md".into()), "x")),
            ),
            (
                "superseded by ADR-0011",
                Some(("Superseded by", Target::Number(11), "ADR-0011")),
            ),
            (
                "supersedes [ADR-0001]({{< ref \"0001-a.md\" >}})",
                Some(("Supersedes", Target::File("0001-a.md".into()), "ADR-0001")),
            ),
            (
                "Amends [Use A\\](0001-x.md) or B](0003-c.md)",
                Some((
                    "Amends",
                    Target::File("0003-c.md".into()),
                    "Use A](0001-x.md) or B",
                )),
            ),
            (
                "Superseded by [0009-x](doc/adr/0009-x.md).",
                Some((
                    "Superseded by",
                    Target::File("doc/adr/0009-x.md".into()),
                    "0009-x",
                )),
            ),
            ("See [the docs](https://example.com)", None),
            (
                "Superseded by [ADR 16: Use B](https://example.org/log/0016-use-b.md)",
                Some((
                    "Superseded by",
                    Target::Web("https://example.org/log/0016-use-b.md".into()),
                    "ADR 16: Use B",
                )),
            ),
            (
                "Supersedes [ADR-3](<HTTPS://example.org/3> \"the page\")",
                Some((
                    "Supersedes",
                    Target::Web("HTTPS://example.org/3".into()),
                    "ADR-3",
                )),
            ),
            (
                "Depends on API [1. One](0001-one.md)",
                Some((
                    "Depends on API",
                    Target::File("0001-one.md".into()),
                    "1. One",
                )),
            ),
            (
                "RELATED ADR: [1. One](0001-one.md)",
                Some(("RELATED ADR", Target::File("0001-one.md".into()), "1. One")),
            ),
            (
                "superseded BY [1. One](0001-one.md)",
                Some((
                    "Superseded by",
                    Target::File("0001-one.md".into()),
                    "1. One",
                )),
            ),
            ("Relates to [the RFC](ftp://example.org/rfc)", None),
            ("[no kind](0001-a.md)", None),
            ("Chosen option: \"[x](y.md)\"", None),
            ("Supersedes [1. A]", None),
            ("accepted", None),
        ];
        for (text, expected) in cases {
            let link = parse_link(text, 1, Place::Status);
            assert_eq!(
                link.as_ref()
                    .map(|l| (l.kind.as_str(), l.target.clone(), l.label.as_str())),
                expected,
                "{text}"
            );
        }
    }

    #[test]
    fn links_in_running_text() {
        let mut found = Vec::new();
        body_links(
            "See [ADR 4](0004-x.md#why), ![diagram](0004-x.md), `[c](0005-y.md)`, [site](https://x/0001-a.md) and [node](img/0006.svg) and [B](../b/0002-z.md).",
            3,
            &mut found,
        );
        let targets: Vec<Option<&str>> = found.iter().map(Link::file).collect();
        assert_eq!(targets, [Some("0004-x.md"), Some("../b/0002-z.md")]);
    }

    #[test]
    fn reference_definitions_of_records() {
        let cases = [
            (
                "[adr 0010]: 0010-common-auth.md",
                Some(("adr 0010", "0010-common-auth.md")),
            ),
            (
                "   [N2]: <./0002-x.md#why> \"the why\"",
                Some(("N2", "./0002-x.md#why")),
            ),
            ("[n2]:0002-x.md", Some(("n2", "0002-x.md"))),
            ("[1]: https://tracker.example/1", None),
            ("[img]: diagram.svg", None),
            ("    [code]: 0001-a.md", None),
            ("[a][b]: 0001-a.md", None),
            ("[]: 0001-a.md", None),
            ("[a]: ", None),
            ("[a] : 0001-a.md", None),
            ("See [a](0001-a.md).", None),
        ];
        for (line, expected) in cases {
            let link = definition_link(line, 4);
            assert_eq!(
                link.as_ref().map(|l| (l.label.as_str(), l.target.clone())),
                expected.map(|(label, file)| (label, Target::File(file.into()))),
                "{line}"
            );
        }
    }

    #[test]
    fn labels_are_escaped() {
        assert_eq!(
            escape_label("Use A](0001-x.md) or B"),
            "Use A\\](0001-x.md) or B"
        );
        let written = format!(
            "Amends [{}](0003-c.md)",
            escape_label("Use A](0001-x.md) or B")
        );
        let link = parse_link(&written, 1, Place::LinksSection).unwrap();
        assert_eq!(link.file(), Some("0003-c.md"));
        assert_eq!(link.label, "Use A](0001-x.md) or B");
    }

    #[test]
    fn link_kinds_reverse() {
        let cases = [
            ("Supersedes", "Superseded by"),
            ("Superseded by", "Supersedes"),
            ("supercedes", "Superseded by"),
            ("Superceded by", "Supersedes"),
            ("Amends", "Amended by"),
            ("Amended by", "Amends"),
            ("Clarifies", "Clarified by"),
            ("Clarified by", "Clarifies"),
            ("Relates to", "Relates to"),
            ("Implements", "Implements by"),
            ("Implements by", "Implements"),
        ];
        for (kind, reverse) in cases {
            assert_eq!(reverse_kind(kind), reverse, "{kind}");
        }
        assert!(is_valid_kind("Depends on"));
        assert!(!is_valid_kind("Amended by](x.md) [y"));
        assert!(!is_valid_kind(""));
    }
}
