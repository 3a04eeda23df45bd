//! Words that point at a part of the record the message does not carry: "To the questions
//! above: …", "(see details below)", "as discussed under the design above", "the following
//! diagram", "Create tickets for the above investigations". The reader of a message has
//! none of it, so a pointer is taken out where the sentence reads whole without it (an
//! aside in brackets, a clause at either end), and otherwise the sentence goes.
//!
//! "Above" and "below" that compare ("stays above 200 ms", "0.33.8 and below") are not
//! pointers; "the following" or "as follows" that the same sentence goes on to say after
//! a colon are not either.

/// Words after which "above" or "below" points at the record: "the above example", "as
/// described below", "see details below".
const POINTING_VERBS: &[&str] = &[
    "the",
    "see",
    "listed",
    "described",
    "shown",
    "discussed",
    "mentioned",
    "outlined",
    "detailed",
    "explained",
    "noted",
    "defined",
    "specified",
    "given",
    "presented",
    "illustrated",
    "referenced",
    "stated",
    "linked",
    "proposed",
    "depicted",
];

/// What "this …" points at when it is a linked or pictured document the message leaves
/// out: "as described by Nygard in this article".
const DOCUMENTS: &[&str] = &[
    "article",
    "gist",
    "document",
    "doc",
    "diagram",
    "table",
    "image",
    "figure",
    "picture",
    "link",
    "chart",
    "screenshot",
];

/// Words that open a phrase leading into a sentence, before its comma.
const LEAD_INS: &[&str] = &[
    "in",
    "as",
    "to",
    "given",
    "per",
    "from",
    "with",
    "after",
    "following",
    "based",
    "like",
    "according",
    "considering",
    "for",
    "on",
    "regarding",
    "see",
];

/// The most words a clause may have to be taken out whole; a longer one carries content.
const SHORT_CLAUSE: usize = 10;

/// `text` without what points at parts of the record it does not include; empty when
/// nothing is left.
pub(crate) fn without_pointers(text: &str) -> String {
    if !points(text) {
        return text.to_string();
    }
    let kept: Vec<String> = sentences(text)
        .into_iter()
        .filter_map(|sentence| sentence_without_pointers(&sentence))
        .collect();
    kept.join(" ")
}

/// Whether `text` points at a part of the record: anywhere in it.
pub(crate) fn points(text: &str) -> bool {
    let words: Vec<String> = text.split_whitespace().map(|w| w.to_lowercase()).collect();
    let bare = |w: &str| -> String {
        w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-')
            .to_string()
    };
    words.iter().enumerate().any(|(at, raw)| {
        let word = bare(raw);
        let before = at.checked_sub(1).map(|i| bare(&words[i]));
        let after = words.get(at + 1).map(|w| bare(w));
        let ends_clause = raw.ends_with(['.', ',', ';', ':', ')', '!', '?']) || after.is_none();
        match word.as_str() {
            "ci-dessous" | "ci-dessus" | "above-mentioned" | "aforementioned" => true,
            "above" | "below" => {
                let compares = matches!(before.as_deref(), Some("and" | "or" | "at" | "is"));
                let pointed = before
                    .as_deref()
                    .is_some_and(|b| POINTING_VERBS.contains(&b));
                !compares && (pointed || ends_clause)
            }
            "following" | "follows" => {
                let named = if word == "following" {
                    before.as_deref() == Some("the")
                } else {
                    before.as_deref() == Some("as")
                };
                // "the following: a, b" says what follows; with nothing after a colon in
                // the same sentence it points at what the record has below, and so does
                // "the following diagram", whatever comes after it.
                let pictured = after
                    .as_deref()
                    .is_some_and(|a| DOCUMENTS.contains(&a.trim_end_matches('s')));
                named && (pictured || !says_after_colon(&words[at..]))
            }
            "see" => {
                // "See the table", "(see Informal's Detector)": at the start of a sentence
                // or an aside.
                at == 0 || raw.starts_with('(') || words[at - 1].ends_with(['.', ':'])
            }
            "this" | "these" => after
                .as_deref()
                .is_some_and(|a| DOCUMENTS.contains(&a.trim_end_matches('s'))),
            _ => false,
        }
    })
}

/// Whether, in `words` (from "following" on), a colon ends a word of the same sentence and
/// content comes after it.
fn says_after_colon(words: &[String]) -> bool {
    for (at, word) in words.iter().enumerate() {
        if word.ends_with(':') {
            return at + 1 < words.len();
        }
        if word.ends_with(['.', '!', '?']) {
            return false;
        }
    }
    false
}

/// The sentences of `text`: a full stop, question or exclamation mark, then a space and a
/// capital, a digit or an opening quote or bracket ("e.g. the" goes on).
fn sentences(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let chars: Vec<char> = text.chars().collect();
    for (at, c) in chars.iter().enumerate() {
        current.push(*c);
        let ends = matches!(c, '.' | '!' | '?')
            && chars.get(at + 1) == Some(&' ')
            && chars
                .get(at + 2)
                .is_some_and(|n| n.is_uppercase() || n.is_ascii_digit() || "\"'(“".contains(*n));
        if ends {
            out.push(current.trim().to_string());
            current.clear();
        }
    }
    if !current.trim().is_empty() {
        out.push(current.trim().to_string());
    }
    out
}

/// One sentence without its pointer, or `None` when the pointer is what it says.
fn sentence_without_pointers(sentence: &str) -> Option<String> {
    if !points(sentence) {
        return Some(sentence.to_string());
    }
    // "See https://…", "See the table": nothing but where to look.
    if sentence.to_lowercase().starts_with("see ") {
        return None;
    }
    let mut text = without_pointing_asides(sentence);
    if let Some(rest) = without_pointing_opening(&text) {
        text = rest;
    }
    if let Some(rest) = without_pointing_ending(&text) {
        text = rest;
    }
    let text = text.trim().to_string();
    let said = text.trim_matches(|c: char| !c.is_alphanumeric());
    (!said.is_empty() && !points(&text)).then_some(text)
}

/// An aside in brackets that points ("(see details below)", "(Option 1 described
/// below)") taken out, with the space before it.
fn without_pointing_asides(sentence: &str) -> String {
    let mut out = sentence.to_string();
    let mut from = 0;
    while let Some(open) = out[from..].find('(').map(|i| i + from) {
        let Some(close) = out[open..].find(')').map(|i| i + open) else {
            break;
        };
        if points(&out[open..=close]) {
            let start = out[..open].trim_end().len();
            out.replace_range(start..=close, "");
            from = start;
        } else {
            from = close + 1;
        }
    }
    out
}

/// A sentence without an opening that points ("To the questions above: we collect …", "In
/// the light of the points above, we decided …"); `None` when it opens otherwise.
fn without_pointing_opening(sentence: &str) -> Option<String> {
    // A colon or comma that ends a phrase, not the one in "https://".
    let at = sentence
        .find(": ")
        .into_iter()
        .chain(sentence.find(", "))
        .min()?;
    let (opening, rest) = (&sentence[..at], sentence[at + 1..].trim());
    let short = opening.split_whitespace().count() <= SHORT_CLAUSE;
    // Before a comma, only a phrase that leads into the sentence ("In the light of …",
    // "As shown above"), not its main clause ("We create the following methods, …").
    let first = opening
        .split_whitespace()
        .next()
        .unwrap_or_default()
        .to_lowercase();
    let leads_in = sentence[at..].starts_with(':') || LEAD_INS.contains(&first.as_str());
    (short && leads_in && points(opening) && !rest.is_empty())
        .then(|| crate::text::capitalise(rest))
}

/// A sentence without a closing clause that points (", as discussed under the design
/// above.", ", décrite ci-dessous."), keeping its final mark; `None` when it closes
/// otherwise.
fn without_pointing_ending(sentence: &str) -> Option<String> {
    let body = sentence.trim_end_matches(['.', '!', '?', ';', ':']);
    let mark = &sentence[body.len()..];
    let at = body.rfind([',', ';', '—'])?;
    let (kept, clause) = (body[..at].trim_end(), &body[at..]);
    let short = clause.split_whitespace().count() <= SHORT_CLAUSE;
    let mark = if mark.is_empty() { "" } else { "." };
    (short && points(clause) && !kept.is_empty()).then(|| format!("{kept}{mark}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pointer_goes_and_the_sentence_stays_whole() {
        let cases = [
            // An opening that points: what follows it is the content.
            (
                "To the questions above: We will collect only the UEI.",
                "We will collect only the UEI.",
            ),
            (
                "In the light of points above, we decided to remove the bridge.",
                "We decided to remove the bridge.",
            ),
            // An aside in brackets.
            (
                "Split the messages into requests and responses (see details below); add an error type.",
                "Split the messages into requests and responses; add an error type.",
            ),
            (
                "We expose the data as publications (Option 1 described below).",
                "We expose the data as publications.",
            ),
            // A closing clause.
            (
                "The sync approach ships sooner, as discussed under the design above.",
                "The sync approach ships sooner.",
            ),
            (
                "We use decision records, as described by Nygard in this article.",
                "We use decision records.",
            ),
            // A sentence that is only a pointer goes; the others stay.
            (
                "Introduce a new subscription API. The API is described in Detailed Design below.",
                "Introduce a new subscription API.",
            ),
            (
                "Implementing a file structure modeled after the above example.",
                "",
            ),
            ("Create tickets for the above investigations.", ""),
            (
                "We create the following two methods in a new package, as listed in the record.",
                "",
            ),
            ("See the table.", ""),
            (
                "We split the reactor. It is shown on the following diagram: we suggest a queue.",
                "We split the reactor. We suggest a queue.",
            ),
            (
                "Les termes restent en anglais (option 1 ci-dessous).",
                "Les termes restent en anglais.",
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(without_pointers(text), expected, "{text}");
        }
        assert_eq!(
            without_pointers("Keep group chat off until after. See https://tracker.example/39"),
            "Keep group chat off until after."
        );
    }

    #[test]
    fn words_that_compare_or_say_what_follows_are_no_pointers() {
        for text in [
            "Write latency stays above 200 ms after tuning.",
            "Clients from versions 0.33.8 and below stop working.",
            "We use the following tools: Terratest; Go.",
            "The format is as follows: version then ID.",
            "Keep the queue below the limit the broker sets.",
            "Following the incident, we pin versions.",
        ] {
            assert!(!points(text), "{text}");
            assert_eq!(without_pointers(text), text);
        }
    }
}
