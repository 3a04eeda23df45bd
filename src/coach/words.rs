//! Words a listener outside engineering may not know. The list is data
//! (`playbooks/words/jargon.yaml`, plus a team's own `words/jargon.yaml`); this module finds
//! its terms in a text, flags each with a plain-words suggestion, tells a sentence that
//! explains a mechanism ("because the ORM doesn't eager-load...") from one that uses a
//! term, and replaces a term only with words the lead gave, whole phrase for whole phrase,
//! with "a"/"an" and doubled articles set right around it.

use serde::Deserialize;
use std::collections::BTreeSet;

pub(crate) use crate::phrase::starts_with_vowel_sound;

/// Endings a term may take and still count: "refactoring", "ORMs", "race conditions".
const ENDINGS: &[&str] = &["ing", "es", "ed", "s", "d"];

/// Words that introduce a cause: a sentence that uses one next to a jargon term is
/// explaining how the system works, which a stakeholder does not need.
const CAUSES: &[&str] = &[
    "because",
    "since",
    "due to",
    "caused by",
    "causing",
    "results in",
    "resulting in",
    "as a result of",
    "which means",
    "so that",
];

/// The word list: the built-in terms plus a team's own.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct WordList {
    pub terms: Vec<Term>,
    /// Groups of describing words that say the same ("managed", "hosted"): a swap never
    /// stacks two of one group ("a managed hosted event log").
    pub same: Vec<Vec<String>>,
}

/// One term, its other forms, and what to say instead.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Term {
    pub term: String,
    #[serde(default)]
    pub also: Vec<String>,
    /// Plain words to say instead, when the list has them.
    #[serde(default)]
    pub plain: Option<String>,
    #[serde(default)]
    pub part: Option<Part>,
    /// The term only explains how the system works inside.
    #[serde(default)]
    pub mechanism: bool,
    /// Words that, right after the term, make it the everyday word: "cluster" before "of"
    /// is "a cluster of complaints", not servers.
    #[serde(default)]
    pub not_before: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Part {
    Noun,
    Verb,
    Adjective,
}

/// The file as written: each term a mapping, or a bare string for a term with no
/// suggestion.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct WordFile {
    terms: Vec<Entry>,
    #[serde(default)]
    same: Vec<Vec<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum Entry {
    Bare(String),
    Full(Term),
}

impl From<WordFile> for WordList {
    fn from(file: WordFile) -> WordList {
        WordList {
            terms: file
                .terms
                .into_iter()
                .map(|entry| match entry {
                    Entry::Bare(term) => Term {
                        term,
                        also: Vec::new(),
                        plain: None,
                        part: None,
                        mechanism: false,
                        not_before: Vec::new(),
                    },
                    Entry::Full(term) => term,
                })
                .collect(),
            same: file.same,
        }
    }
}

/// The word list's path under `playbooks/`.
pub(crate) const JARGON_FILE: &str = "words/jargon.yaml";

/// The word list shipped in the binary. A unit test parses it, so a failure here is a
/// build defect, not something a user can cause.
pub(crate) fn embedded() -> WordList {
    let text = crate::embedded::FILES
        .iter()
        .find(|(path, _)| *path == JARGON_FILE)
        .map(|(_, text)| *text)
        .expect("playbooks/words/jargon.yaml is embedded at build time");
    let file: WordFile = crate::yaml::parse(
        text,
        std::path::Path::new("playbooks/words/jargon.yaml"),
        crate::error::Kind::Content,
    )
    .unwrap_or_else(|error| panic!("the embedded jargon list is invalid: {error}"));
    file.into()
}

impl WordList {
    /// Add a team's own terms (their service names, their acronyms); a team's entry
    /// replaces a built-in one with the same term.
    pub(crate) fn extend(&mut self, more: WordList) {
        for term in more.terms {
            self.terms
                .retain(|t| !t.term.eq_ignore_ascii_case(&term.term));
            self.terms.push(term);
        }
        self.same.extend(more.same);
    }

    /// The list without the terms in the plain words the lead gave ("a hosted event log"
    /// keeps "event log": it is their plain version). A term they translated stays on it:
    /// where a sentence cannot take their plain words it is kept as written, and a
    /// listener outside engineering still trips over it, unless it is explained in
    /// brackets where it stands.
    pub(crate) fn excusing(&self, translations: &[(String, String)]) -> WordList {
        let answered: BTreeSet<usize> = translations
            .iter()
            .flat_map(|(_, plain)| self.find(plain))
            .map(|hit| hit.term)
            .collect();
        WordList {
            terms: self
                .terms
                .iter()
                .enumerate()
                .filter(|(index, _)| !answered.contains(index))
                .map(|(_, term)| term.clone())
                .collect(),
            same: self.same.clone(),
        }
    }

    /// Every form of every term, lowercase, longest first, with its term's index.
    fn forms(&self) -> Vec<(Vec<char>, usize)> {
        let mut forms: Vec<(Vec<char>, usize)> = self
            .terms
            .iter()
            .enumerate()
            .flat_map(|(index, term)| {
                std::iter::once(&term.term)
                    .chain(&term.also)
                    .map(move |form| (form.chars().flat_map(char::to_lowercase).collect(), index))
            })
            .filter(|(form, _): &(Vec<char>, usize)| !form.is_empty())
            .collect();
        forms.sort_by_key(|(form, _)| std::cmp::Reverse(form.len()));
        forms
    }

    /// The jargon in `text`, in order, without overlaps; longer forms win ("concurrent
    /// load" over "load").
    pub(crate) fn find(&self, text: &str) -> Vec<Hit> {
        let chars: Vec<char> = text.chars().collect();
        let forms = self.forms();
        let mut hits = Vec::new();
        let mut i = 0;
        while i < chars.len() {
            let starts_word = i == 0 || !is_word_char(chars[i - 1]);
            let found = starts_word
                .then(|| {
                    forms.iter().find_map(|(form, index)| {
                        match_at(&chars, i, form).map(|end| (*index, end))
                    })
                })
                .flatten();
            // "a cluster of complaints": the everyday sense is no jargon.
            let found = found.filter(|(index, end)| {
                let next: String = chars[*end..]
                    .iter()
                    .skip_while(|c| c.is_whitespace())
                    .take_while(|c| is_word_char(**c))
                    .flat_map(|c| c.to_lowercase())
                    .collect();
                !self.terms[*index]
                    .not_before
                    .iter()
                    .any(|word| word.eq_ignore_ascii_case(&next))
            });
            match found {
                Some((index, end)) => {
                    hits.push(Hit {
                        text: chars[i..end].iter().collect(),
                        term: index,
                        start: i,
                        end,
                    });
                    i = end;
                }
                None => i += 1,
            }
        }
        hits
    }

    /// The jargon in `text` as phrases to translate: terms next to each other ("N+1
    /// queries") are one phrase, because translating them word by word gives nonsense.
    pub(crate) fn phrases(&self, text: &str) -> Vec<String> {
        let chars: Vec<char> = text.chars().collect();
        let mut spans: Vec<(usize, usize)> = Vec::new();
        for hit in self.find(text) {
            match spans.last_mut() {
                Some((_, end))
                    if chars[*end..hit.start]
                        .iter()
                        .all(|c| *c == ' ' || *c == '-') =>
                {
                    *end = hit.end;
                }
                _ => spans.push((hit.start, hit.end)),
            }
        }
        // A term inside a hyphenated name ("backend-for-frontend", "ORM-based") is said
        // with the whole name: its parts alone would be translated into nonsense.
        let joined = |at: usize| chars.get(at).is_some_and(|c| is_word_char(*c));
        let mut phrases: Vec<String> = Vec::new();
        for (mut start, mut end) in spans {
            while start >= 2 && chars[start - 1] == '-' && joined(start - 2) {
                start -= 2;
                while start > 0 && joined(start - 1) {
                    start -= 1;
                }
            }
            while chars.get(end) == Some(&'-') && joined(end + 1) {
                end += 1;
                while joined(end) {
                    end += 1;
                }
            }
            let phrase: String = chars[start..end].iter().collect();
            if !phrases.contains(&phrase) {
                phrases.push(phrase);
            }
        }
        phrases
    }

    /// What a listener outside engineering would trip over in `text`: each term with its
    /// suggestion, and the sentences that explain a mechanism.
    pub(crate) fn check(&self, text: &str) -> Check {
        let mut check = Check::default();
        for sentence in sentences(text) {
            let hits = self.find(sentence);
            let mechanism_terms: Vec<String> = hits
                .iter()
                .filter(|hit| self.terms[hit.term].mechanism)
                .map(|hit| hit.text.clone())
                .collect();
            let explains = cause_at(sentence).is_some_and(|cause| {
                let cause_char = sentence[..cause].chars().count();
                hits.iter().any(|hit| hit.start >= cause_char)
            });
            if !mechanism_terms.is_empty() || explains {
                let terms = if mechanism_terms.is_empty() {
                    let cause_char =
                        cause_at(sentence).map_or(0, |cause| sentence[..cause].chars().count());
                    hits.iter()
                        .filter(|h| h.start >= cause_char)
                        .map(|h| h.text.clone())
                        .collect()
                } else {
                    mechanism_terms
                };
                check.mechanisms.push(Mechanism {
                    sentence: sentence.trim().to_string(),
                    terms: dedup(terms),
                    cause: cause_clause(sentence),
                });
            }
            // A term followed by its plain words in brackets is explained where it stands.
            let chars: Vec<char> = sentence.chars().collect();
            let explained = |hit: &Hit| chars.get(hit.end..hit.end + 2) == Some(&[' ', '(']);
            for hit in hits.into_iter().filter(|hit| !explained(hit)) {
                let term = &self.terms[hit.term];
                if !check
                    .flags
                    .iter()
                    .any(|f: &Flag| f.text.eq_ignore_ascii_case(&hit.text))
                {
                    check.flags.push(Flag {
                        text: hit.text,
                        term: term.term.clone(),
                        plain: term.plain.clone(),
                        mechanism: term.mechanism,
                    });
                }
            }
        }
        check
    }
}

fn dedup(items: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for item in items {
        if !out.iter().any(|o| o.eq_ignore_ascii_case(&item)) {
            out.push(item);
        }
    }
    out
}

/// One jargon term found in a text, as written there ("Refactoring", "ORMs").
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Hit {
    pub text: String,
    /// The index of the list entry it matched.
    pub term: usize,
    /// Where it is in the text, in characters.
    pub start: usize,
    pub end: usize,
}

/// The result of checking a text for a listener outside engineering.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub(crate) struct Check {
    pub flags: Vec<Flag>,
    pub mechanisms: Vec<Mechanism>,
}

impl Check {
    pub(crate) fn is_clean(&self) -> bool {
        self.flags.is_empty() && self.mechanisms.is_empty()
    }

    /// One line per problem, naming the reader as one and as many: ("a stakeholder",
    /// "stakeholders"), ("a reader outside engineering", "readers outside engineering").
    pub(crate) fn advice_for(&self, (reader, readers): (&str, &str)) -> Vec<String> {
        let mut lines: Vec<String> = self
            .mechanisms
            .iter()
            .map(|m| {
                format!(
                    "{readers} don't need the mechanism ({}): say what it means for them instead of \"{}\"",
                    m.terms.join(", "),
                    m.sentence
                )
            })
            .collect();
        let explained: Vec<&String> = self.mechanisms.iter().flat_map(|m| &m.terms).collect();
        for flag in &self.flags {
            if explained.iter().any(|t| t.eq_ignore_ascii_case(&flag.text)) {
                continue;
            }
            lines.push(match &flag.plain {
                Some(plain) => format!(
                    "{reader} may not know \"{}\": say it in their words, e.g. \"{plain}\"",
                    flag.text
                ),
                None => format!(
                    "{reader} may not know \"{}\": say it in their words",
                    flag.text
                ),
            });
        }
        lines
    }
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub(crate) struct Flag {
    /// As written in the text.
    pub text: String,
    /// The list entry.
    pub term: String,
    pub plain: Option<String>,
    pub mechanism: bool,
}

/// A sentence that explains how the system works inside.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub(crate) struct Mechanism {
    pub sentence: String,
    pub terms: Vec<String>,
    /// What the sentence gives as the cause, after its "because": "the ORM makes N+1
    /// queries". It is what the team needs to hear, and what stakeholders don't.
    pub cause: Option<String>,
}

/// The words after the first word that introduces a cause, without the closing stop.
fn cause_clause(sentence: &str) -> Option<String> {
    let at = cause_at(sentence)?;
    let lower = sentence[at..].to_ascii_lowercase();
    // "which means", "results in" and "so that" give an effect, not the cause.
    let cause = ["because", "since", "due to", "caused by", "as a result of"]
        .iter()
        .filter(|cause| lower.starts_with(*cause))
        .max_by_key(|cause| cause.len())?;
    let rest = sentence[at + cause.len()..]
        .trim()
        .trim_start_matches(['-', ':', ','])
        .trim()
        .trim_end_matches(['.', '!', '?', ';', ','])
        .trim();
    let rest = rest.strip_prefix("of ").unwrap_or(rest).trim();
    (!rest.is_empty()).then(|| rest.to_string())
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// The sentences of a text: split after `.`, `!`, `?` or `;` followed by a space, and at
/// line breaks.
pub(crate) fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    for (index, c) in text.char_indices() {
        let boundary = match c {
            '\n' => true,
            '.' | '!' | '?' | ';' => bytes
                .get(index + 1)
                .is_none_or(|next| next.is_ascii_whitespace()),
            _ => false,
        };
        if boundary {
            let piece = &text[start..=index];
            if !piece.trim().is_empty() {
                out.push(piece);
            }
            start = index + c.len_utf8();
        }
    }
    if !text[start..].trim().is_empty() {
        out.push(&text[start..]);
    }
    out
}

/// Where the first word that introduces a cause starts in `sentence`, in bytes.
fn cause_at(sentence: &str) -> Option<usize> {
    // Lower-casing keeps byte offsets for the ASCII the cause words are made of.
    let lower = sentence.to_ascii_lowercase();
    CAUSES
        .iter()
        .filter_map(|cause| {
            lower.match_indices(cause).map(|(at, _)| at).find(|&at| {
                let before = lower[..at].chars().next_back();
                let after = lower[at + cause.len()..].chars().next();
                before.is_none_or(|c| !c.is_alphanumeric())
                    && after.is_none_or(|c| !c.is_alphanumeric())
            })
        })
        .min()
}

/// The end of `form` (lower case) matched at `start`, with an allowed ending, if it ends
/// a word there.
fn match_at(chars: &[char], start: usize, form: &[char]) -> Option<usize> {
    if form.is_empty() || start + form.len() > chars.len() {
        return None;
    }
    for (offset, &wanted) in form.iter().enumerate() {
        let got = chars[start + offset];
        let same = if wanted == ' ' || wanted == '-' {
            got == ' ' || got == '-'
        } else {
            got.to_lowercase().eq(std::iter::once(wanted))
        };
        if !same {
            return None;
        }
    }
    let end = start + form.len();
    let ends_word = |at: usize| at >= chars.len() || !is_word_char(chars[at]);
    if ends_word(end) {
        return Some(end);
    }
    // An ending only counts after a letter: "N+1s" is a plural, "N+10" is another number.
    if !form.last().is_some_and(|c| c.is_alphabetic() || *c == '1') {
        return None;
    }
    ENDINGS.iter().find_map(|ending| {
        let after = end + ending.chars().count();
        let matches = after <= chars.len()
            && chars[end..after]
                .iter()
                .flat_map(|c| c.to_lowercase())
                .eq(ending.chars());
        (matches && ends_word(after)).then_some(after)
    })
}

/// Replace each phrase the lead translated (as written, any case) by their words, in one
/// pass, so a translation is never translated again. Around each replacement, "a"/"an"
/// follows the new first sound, and an article before a replacement that starts with its
/// own article is dropped ("an" + "the page" reads "the page").
pub(crate) fn translate(text: &str, translations: &[(String, String)]) -> String {
    // "the system billing already uses" is said "the system that billing already uses":
    // mid-sentence, a relative clause without its "that" reads as a garbled clause.
    let relative: Vec<String> = translations
        .iter()
        .map(|(_, plain)| with_relative_pronoun(plain))
        .collect();
    let mut pairs: Vec<(Vec<char>, &str)> = translations
        .iter()
        .zip(&relative)
        .filter(|((term, _), plain)| !term.trim().is_empty() && !plain.trim().is_empty())
        .map(|((term, _), plain)| {
            (
                term.chars().flat_map(char::to_lowercase).collect(),
                plain.as_str(),
            )
        })
        .collect();
    pairs.sort_by_key(|(term, _)| std::cmp::Reverse(term.len()));
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let starts_word = i == 0 || !is_word_char(chars[i - 1]);
        let replaced = starts_word
            .then(|| {
                pairs.iter().find_map(|(term, plain)| {
                    let end = i + term.len();
                    let same = end <= chars.len()
                        && chars[i..end]
                            .iter()
                            .flat_map(|c| c.to_lowercase())
                            .eq(term.iter().copied());
                    let ends_word = end >= chars.len() || !is_word_char(chars[end]);
                    (same && ends_word).then_some((end, plain.trim()))
                })
            })
            .flatten();
        match replaced {
            // "PostgreSQL handled the load" + "the system billing already uses": a phrase
            // of several words as a clause's subject, running straight into its verb, reads
            // as one garbled clause, so the term stays and its plain words follow in
            // brackets.
            Some((end, plain))
                if starts_clause(&out) && runs_into_next_word(plain, &chars[end..]) =>
            {
                out.extend(&chars[i..end]);
                out.push_str(" (");
                out.push_str(plain);
                out.push(')');
                i = end;
            }
            // "managed event log price" + "system that carries payment events": words of
            // several words spliced into the middle of a phrase garble it, so the phrase
            // stays as the lead wrote it.
            Some((end, plain))
                if inside_a_phrase(
                    &out,
                    plain,
                    &chars[end + repeated_last_word(plain, &chars[end..])..],
                ) =>
            {
                out.extend(&chars[i..end]);
                i = end;
            }
            // "We'll choose the hosted event log … We lean towards a managed event log":
            // long plain words said already are said once ("a managed one").
            Some((end, plain)) if said_before(&out, plain) => {
                out.push_str("one");
                let end = end + repeated_last_word(plain, &chars[end..]);
                i = end + repeated_qualifier(plain, &chars[end..]);
            }
            Some((end, plain)) => {
                // "a managed Kafka" + "hosted event log": a describing word the plain words
                // already say goes, so none is said twice ("a hosted event log").
                drop_repeated_modifier(&mut out, plain);
                // "We lean towards Kafka" + "hosted event log": a name takes no article,
                // the plain words in its place do.
                let with_article;
                let plain = if is_name(&chars[i..end]) && needs_article_before(&out) {
                    with_article = article_for_head(plain);
                    with_article.as_str()
                } else {
                    plain
                };
                // "a hosted CI service" + "automated build service": the phrase already
                // ends in the noun the term was part of, so it is not said twice.
                let end = end + repeated_last_word(plain, &chars[end..]);
                // "the event log for payment events" + "system that carries payment
                // events": what the plain words already say is not said again.
                let end = end + repeated_qualifier(plain, &chars[end..]);
                // "the next failover" + "a switch to the backup server": the phrase already
                // says which one, so the lead's article goes ("the next switch to ...").
                let plain = if determined_before(&out) {
                    without_article(plain)
                } else {
                    plain
                };
                let capital = fix_article_before(&mut out, plain);
                // A sentence that starts with the term starts with its plain words.
                let starts_sentence = {
                    let before = out.trim_end();
                    before.is_empty() || before.ends_with(['.', '!', '?', '\n'])
                };
                if capital || starts_sentence {
                    let mut chars = plain.chars();
                    out.extend(chars.next().into_iter().flat_map(char::to_uppercase));
                    out.push_str(chars.as_str());
                } else {
                    out.push_str(plain);
                }
                i = end;
            }
            None => {
                out.push(chars[i]);
                i += 1;
            }
        }
    }
    out
}

/// Verbs that end a relative clause whose "that" was left out: "the system billing
/// uses", "the tool the team built".
const CLAUSE_VERBS: &[&str] = &[
    "uses",
    "used",
    "runs",
    "ran",
    "owns",
    "owned",
    "needs",
    "hosts",
    "hosted",
    "builds",
    "built",
    "keeps",
    "kept",
    "knows",
    "trusts",
    "pays",
    "wants",
    "likes",
    "prefers",
    "supports",
    "manages",
    "maintains",
    "operates",
    "chose",
    "picked",
    "bought",
    "wrote",
    "has",
    "had",
    "relies",
    "made",
    "set",
];

/// Words that stand for who does something, so a word after them is their verb.
const PRONOUNS: &[&str] = &[
    "we",
    "they",
    "you",
    "i",
    "he",
    "she",
    "it",
    "everyone",
    "everybody",
    "nobody",
];

/// `plain` with the "that" a relative clause left out put back before its subject: "the
/// system billing already uses" reads "the system that billing already uses", "the tool
/// we run" reads "the tool that we run". A clause that has its pronoun, or a phrase that
/// does not end in one, is left as written.
pub(crate) fn with_relative_pronoun(plain: &str) -> String {
    let words: Vec<&str> = plain.split_whitespace().collect();
    let lower: Vec<String> = words
        .iter()
        .map(|w| w.trim_matches(|c: char| !is_word_char(c)).to_lowercase())
        .collect();
    // A clause that has its pronoun, or one a question word opens ("how fast we can
    // send"), needs none.
    if lower.iter().any(|w| {
        matches!(
            w.as_str(),
            "that"
                | "which"
                | "who"
                | "whom"
                | "whose"
                | "how"
                | "what"
                | "when"
                | "where"
                | "why"
                | "whether"
                | "if"
        )
    }) || words.len() < 3
    {
        return plain.to_string();
    }
    // Something the clause describes comes before it, and is no function word.
    let is_head = |at: usize| {
        let head = lower[at].as_str();
        head.chars().all(|c| c.is_alphabetic() || c == '-')
            && !NEW_PHRASE.contains(&head)
            && !PHRASE_BREAKS.contains(&head)
            && !DETERMINERS.contains(&head)
            && !matches!(head, "a" | "an" | "the")
    };
    let insert = |at: usize| {
        let mut out: Vec<&str> = words[..at].to_vec();
        out.push("that");
        out.extend(&words[at..]);
        out.join(" ")
    };
    // "the tool we run in-house": a pronoun after a noun starts the clause.
    if let Some(at) = (1..lower.len() - 1)
        .find(|&at| PRONOUNS.contains(&lower[at].as_str()) && lower[at] != "it" && is_head(at - 1))
    {
        return insert(at);
    }
    let verb = lower.len() - 1;
    let mut subject = verb;
    while subject > 0 && crate::phrase::ADVERBS.contains(&lower[subject - 1].as_str()) {
        subject -= 1;
    }
    let Some(subject) = subject.checked_sub(1) else {
        return plain.to_string();
    };
    let adverbs = subject + 1 < verb;
    let pronoun = PRONOUNS.contains(&lower[subject].as_str());
    let verb_like = CLAUSE_VERBS.contains(&lower[verb].as_str())
        || (adverbs && (lower[verb].ends_with('s') || lower[verb].ends_with("ed")));
    // The clause starts at its subject, or at the article before it ("the team built",
    // "the shop team runs").
    let article = |at: usize| {
        matches!(
            lower[at].as_str(),
            "the" | "our" | "their" | "your" | "its" | "my"
        )
    };
    let described = |at: usize| at > 0 && is_head(at - 1);
    let start = if pronoun || subject == 0 {
        subject
    } else if article(subject - 1) && described(subject - 1) {
        subject - 1
    } else if subject > 1 && article(subject - 2) && is_head(subject - 1) && described(subject - 2)
    {
        subject - 2
    } else {
        subject
    };
    let head = start.checked_sub(1).is_some_and(is_head);
    let subject_word = !PHRASE_BREAKS.contains(&lower[subject].as_str())
        && !NEW_PHRASE.contains(&lower[subject].as_str());
    if !head || !(pronoun || (verb_like && subject_word)) {
        return plain.to_string();
    }
    insert(start)
}

/// `plain` with "a" or "an" when its noun (before any "that", "which" or "who" clause)
/// takes one: "a search service that the shop team runs", "event data", "hosted queues".
fn article_for_head(plain: &str) -> String {
    let cut = [" that ", " which ", " who "]
        .iter()
        .filter_map(|join| plain.find(join))
        .min()
        .unwrap_or(plain.len());
    format!(
        "{}{}",
        crate::phrase::with_article(&plain[..cut]),
        &plain[cut..]
    )
}

/// Whether the term as written is a name ("Kafka", "PostgreSQL"): a name takes no article.
fn is_name(term: &[char]) -> bool {
    term.first().is_some_and(|c| c.is_uppercase())
}

/// Whether what is written so far ends with a word after which a noun phrase needs its own
/// article: a preposition or a verb of choosing ("towards", "chosen"), not an article, a
/// determiner or a describing word.
fn needs_article_before(written: &str) -> bool {
    if !written.ends_with(' ') {
        return false;
    }
    let last = written
        .trim_end()
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or_default()
        .to_lowercase();
    matches!(
        last.as_str(),
        "towards"
            | "toward"
            | "to"
            | "for"
            | "with"
            | "on"
            | "about"
            | "from"
            | "of"
            | "into"
            | "than"
            | "like"
            | "as"
            | "chosen"
            | "chose"
            | "choose"
            | "picked"
            | "pick"
            | "use"
            | "using"
            | "adopt"
            | "adopted"
            | "prefer"
            | "propose"
            | "proposed"
            | "recommend"
    )
}

/// Groups of describing words that say the same, from the built-in word list.
fn same_groups() -> &'static [Vec<String>] {
    static SAME: std::sync::OnceLock<Vec<Vec<String>>> = std::sync::OnceLock::new();
    SAME.get_or_init(|| embedded().same)
}

/// Whether describing words `a` and `b` say the same: the same word, or two of one group.
fn says_the_same(a: &str, b: &str) -> bool {
    a == b
        || same_groups().iter().any(|group| {
            group.iter().any(|w| w.eq_ignore_ascii_case(a))
                && group.iter().any(|w| w.eq_ignore_ascii_case(b))
        })
}

/// Drop the describing word just written before a replacement when the plain words say
/// it already: "a managed " + "hosted event log" leaves "a " (then "a hosted event log").
fn drop_repeated_modifier(out: &mut String, plain: &str) {
    if !out.ends_with(' ') {
        return;
    }
    let trimmed = out.trim_end_matches(' ');
    let start = trimmed
        .char_indices()
        .rev()
        .find(|(_, c)| !(c.is_alphanumeric() || *c == '-'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let last = trimmed[start..].to_lowercase();
    if last.is_empty()
        || matches!(last.as_str(), "a" | "an" | "the")
        || DETERMINERS.contains(&last.as_str())
        || PHRASE_BREAKS.contains(&last.as_str())
        || NEW_PHRASE.contains(&last.as_str())
    {
        return;
    }
    let repeats = plain
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !is_word_char(c) && c != '-')
                .to_lowercase()
        })
        .any(|w| says_the_same(&last, &w));
    if repeats {
        out.truncate(start);
    }
}

/// Whether plain words of several words were said already in what is written so far, and
/// the term's second use has an article and a describing word of its own ("a managed "):
/// the describing word then carries the difference.
fn said_before(written: &str, plain: &str) -> bool {
    plain.split_whitespace().count() >= 3
        && written.to_lowercase().contains(&plain.to_lowercase())
        && described_after_article(written)
}

/// Whether what is written so far ends with an article and one describing word: "a
/// managed ", "the self-run ".
fn described_after_article(written: &str) -> bool {
    if !written.ends_with(' ') {
        return false;
    }
    let mut words = written.split_whitespace().rev();
    let (Some(last), Some(article)) = (words.next(), words.next()) else {
        return false;
    };
    let last = last.to_lowercase();
    matches!(article.to_lowercase().as_str(), "a" | "an" | "the")
        && last.chars().all(|c| c.is_alphabetic() || c == '-')
        && !DETERMINERS.contains(&last.as_str())
        && !PHRASE_BREAKS.contains(&last.as_str())
        && !NEW_PHRASE.contains(&last.as_str())
}

/// Whether a replacement of several words would sit inside a phrase: a word before it
/// that describes it ("managed event log", not "the" or "a" or "for") and a word after it
/// that goes on with the same phrase ("... event log price").
fn inside_a_phrase(written: &str, plain: &str, rest: &[char]) -> bool {
    if plain.split_whitespace().count() < 2 || rest.first() != Some(&' ') {
        return false;
    }
    let next: String = rest[1..].iter().take_while(|c| is_word_char(**c)).collect();
    // The word after ends the phrase when what follows it starts another (a mark, "at",
    // "for"): "... event log price at our volume"; not a verb with its object ("the next
    // failover means 10 seconds").
    let after: String = rest[1 + next.chars().count()..].iter().collect();
    let then = after
        .split_whitespace()
        .next()
        .map(|w| w.to_lowercase())
        .unwrap_or_default();
    let ends_there = after.trim().is_empty()
        || !after.starts_with(' ')
        || NEW_PHRASE.contains(&then.trim_end_matches(|c: char| !is_word_char(c)));
    // "... batch job fails.": a word in -s or -ed after the term is its verb.
    let verb_like = (next.ends_with('s') && !next.ends_with("ss")) || next.ends_with("ed");
    let goes_on = ends_there
        && !verb_like
        && next.chars().next().is_some_and(char::is_lowercase)
        && !NEW_PHRASE.contains(&next.as_str())
        && !matches!(
            next.as_str(),
            "is" | "are"
                | "was"
                | "were"
                | "will"
                | "would"
                | "can"
                | "could"
                | "has"
                | "have"
                | "that"
                | "which"
                | "who"
                | "we"
                | "it"
        );
    let before = written.trim_end();
    let last = before
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .unwrap_or_default();
    let describes = written.ends_with(' ')
        && last.chars().next().is_some_and(char::is_alphabetic)
        && last.chars().all(|c| c.is_alphanumeric() || c == '-')
        && !NEW_PHRASE.contains(&last.to_lowercase().as_str())
        && !PHRASE_BREAKS.contains(&last.to_lowercase().as_str())
        && !DETERMINERS.contains(&last.to_lowercase().as_str())
        && !matches!(
            last.to_lowercase().as_str(),
            "a" | "an" | "the" | "out" | "up"
        );
    goes_on && describes
}

/// How many characters of `rest` (what follows the term) are a qualifier the plain words
/// already say: " for payment events" after "system that carries payment events", " for
/// order events" after "service that passes orders on". The qualifier runs to the next
/// word that starts a new phrase, a mark, or the end.
fn repeated_qualifier(plain: &str, rest: &[char]) -> usize {
    let text: String = rest.iter().collect();
    let Some(after) = text
        .strip_prefix(" for ")
        .or_else(|| text.strip_prefix(" of "))
    else {
        return 0;
    };
    let opening = text.len() - after.len();
    let mut words = Vec::new();
    // The byte where the qualifier ends: after its last word.
    let mut length = 0;
    let mut at = opening;
    for word in after.split(' ') {
        let bare = word.trim_end_matches(|c: char| !is_word_char(c));
        if bare.is_empty() || NEW_PHRASE.contains(&bare.to_lowercase().as_str()) {
            break;
        }
        words.push(bare.to_lowercase());
        length = at + bare.len();
        if bare.len() != word.len() {
            break;
        }
        at += word.len() + 1;
    }
    let stem = |w: &str| w.trim_end_matches('s').to_string();
    let said: Vec<String> = plain
        .split_whitespace()
        .map(|w| stem(&w.trim_matches(|c: char| !is_word_char(c)).to_lowercase()))
        .collect();
    let content: Vec<&String> = words
        .iter()
        .filter(|w| !matches!(w.as_str(), "the" | "a" | "an" | "our" | "their"))
        .collect();
    let repeats = !content.is_empty() && content.iter().any(|w| said.contains(&stem(w)));
    if repeats {
        text[..length].chars().count()
    } else {
        0
    }
}

/// Words that start a new phrase after a noun, so a long plain-words phrase may stand
/// before them: "the system billing already uses as the database", "... for invoices".
const NEW_PHRASE: &[&str] = &[
    "as", "for", "in", "on", "at", "to", "with", "from", "by", "instead", "because", "since", "so",
    "but", "when", "while", "until", "before", "after", "over", "than", "and", "or",
];

/// Whether a plain-words phrase of three words or more would run into the next word of the
/// sentence (`rest`, what follows the term) as if it went on: "... already uses handled".
/// A word that starts a new phrase ("as", "for") does not.
fn runs_into_next_word(plain: &str, rest: &[char]) -> bool {
    if plain.split_whitespace().count() < 3 || rest.first() != Some(&' ') {
        return false;
    }
    let next: String = rest[1..].iter().take_while(|c| is_word_char(**c)).collect();
    let starts_lower = next.chars().next().is_some_and(char::is_lowercase);
    starts_lower && !NEW_PHRASE.contains(&next.as_str())
}

/// Whether what is written so far ends where a clause begins: the start, a sentence or
/// clause mark, or a word that joins clauses ("it held up, as PostgreSQL handled ...").
fn starts_clause(written: &str) -> bool {
    const JOINS: &[&str] = &[
        "as", "because", "and", "but", "so", "since", "while", "when", "once", "if", "that",
    ];
    let before = written.trim_end();
    let last = before.rsplit(' ').next().unwrap_or_default().to_lowercase();
    before.is_empty()
        || before.ends_with(['.', '!', '?', ',', ';', ':'])
        || JOINS.contains(&last.as_str())
}

/// How many characters of `rest` (what follows the term) repeat the last word of `plain`
/// (" service" after "CI" translated as "automated build service"), to leave out.
fn repeated_last_word(plain: &str, rest: &[char]) -> usize {
    let Some(last) = plain.split_whitespace().last() else {
        return 0;
    };
    let last: Vec<char> = last.chars().flat_map(char::to_lowercase).collect();
    let repeats = rest.first() == Some(&' ')
        && rest.len() > last.len()
        && rest[1..=last.len()]
            .iter()
            .flat_map(|c| c.to_lowercase())
            .eq(last.iter().copied())
        && rest.get(last.len() + 1).is_none_or(|c| !is_word_char(*c));
    if repeats { last.len() + 1 } else { 0 }
}

/// Words that already say which one, as an article does.
const DETERMINERS: &[&str] = &[
    "this", "that", "these", "those", "our", "your", "their", "my", "its", "his", "her", "each",
    "every", "any", "some", "no", "which", "whose", "another",
];

/// Words that end the search back for a determiner: what comes before them is not part of
/// the noun phrase a replacement sits in ("the team did failover").
const PHRASE_BREAKS: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "do", "does", "did",
    "will", "would", "can", "could", "should", "may", "might", "must", "to", "of", "for", "in",
    "on", "at", "by", "with", "from", "into", "about", "after", "before", "during", "over",
    "under", "than", "as", "and", "or", "but", "so", "because", "since", "if", "when", "we",
    "they", "it", "you", "i", "he", "she", "means", "mean", "makes", "make", "causes", "cause",
    "takes", "take", "gets", "get", "see", "saw", "hits", "hit", "not", "then", "once", "while",
    "where", "who",
];

/// Whether the words just before a replacement (after the last article or determiner,
/// with at most two describing words between: "the next", "our nightly") already say
/// which one is meant, so a replacement that brings its own article must drop it. An
/// article right before the replacement is left to [`fix_article_before`].
fn determined_before(out: &str) -> bool {
    let clause = out
        .rsplit(['.', '!', '?', ';', ':', ',', '(', '\n', '"'])
        .next()
        .unwrap_or_default();
    let words: Vec<String> = clause
        .split_whitespace()
        .rev()
        .take(3)
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .collect();
    for (index, word) in words.iter().enumerate() {
        if DETERMINERS.contains(&word.as_str()) {
            return true;
        }
        if matches!(word.as_str(), "a" | "an" | "the") {
            return index > 0;
        }
        if PHRASE_BREAKS.contains(&word.as_str()) || word.is_empty() {
            return false;
        }
    }
    false
}

/// `text` without a leading "a", "an" or "the".
/// `text` without the article or determiner it starts with ("the switch", "our servers"),
/// for a place where the lead's own words already say which one ("talks to our").
fn without_article(text: &str) -> &str {
    let trimmed = text.trim_start();
    let first = trimmed.split_whitespace().next().unwrap_or_default();
    let lower = first.to_lowercase();
    let leads =
        matches!(lower.as_str(), "a" | "an" | "the") || DETERMINERS.contains(&lower.as_str());
    if leads && trimmed.len() > first.len() {
        return trimmed[first.len()..].trim_start();
    }
    trimmed
}

/// `out` ends just before a replacement; set the article it may end with right for
/// `next`, or drop it when `next` brings its own. Returns whether `next` must take the
/// capital of a dropped sentence-initial article ("An" + "the page" reads "The page").
fn fix_article_before(out: &mut String, next: &str) -> bool {
    let trimmed_len = out.trim_end_matches(' ').len();
    if trimmed_len == out.len() {
        // No space before the replacement: it is not preceded by a word of its own.
        return false;
    }
    let trimmed = &out[..trimmed_len];
    let word_start = trimmed
        .char_indices()
        .rev()
        .find(|(_, c)| !c.is_alphabetic())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let previous = trimmed[word_start..].to_string();
    let lower = previous.to_lowercase();
    if !matches!(lower.as_str(), "a" | "an" | "the") {
        return false;
    }
    let next_first = next
        .split_whitespace()
        .next()
        .unwrap_or_default()
        .to_lowercase();
    let capital = previous.starts_with(char::is_uppercase);
    if matches!(next_first.as_str(), "a" | "an" | "the") {
        out.truncate(word_start);
        return capital;
    }
    if lower == "the" {
        return false;
    }
    let article = if starts_with_vowel_sound(next) {
        "an"
    } else {
        "a"
    };
    let spaces = out[trimmed_len..].to_string();
    out.truncate(word_start);
    out.push_str(&if capital {
        article.replacen('a', "A", 1)
    } else {
        article.to_string()
    });
    out.push_str(&spaces);
    false
}

/// Where "a"/"an" does not fit the word after it, and doubled articles, in what a template
/// wrote.
pub(crate) fn article_problems(text: &str) -> Vec<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut problems = Vec::new();
    for (index, pair) in words.windows(2).enumerate() {
        // A capital "A" inside a sentence names something ("option A"): not an article.
        let sentence_start = index == 0 || words[index - 1].ends_with(['.', '!', '?', ':']);
        if pair[0] == "A" && !sentence_start {
            continue;
        }
        let first = pair[0]
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        let second = pair[1].trim_start_matches(|c: char| "\"'(*".contains(c));
        let second_lower = second
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        // Only an article that ends nothing ("a," or "a." is not an article before a word).
        if pair[0].ends_with([',', '.', ';', ':']) {
            continue;
        }
        let articles = ["a", "an", "the"];
        if articles.contains(&first.as_str()) && articles.contains(&second_lower.as_str()) {
            problems.push(format!("doubled article: \"{} {}\"", pair[0], pair[1]));
        } else if first == "a" && starts_with_vowel_sound(second) && !second_lower.is_empty() {
            problems.push(format!(
                "\"a\" before a vowel sound: \"{} {}\"",
                pair[0], pair[1]
            ));
        } else if first == "an" && !starts_with_vowel_sound(second) && !second_lower.is_empty() {
            problems.push(format!(
                "\"an\" before a consonant sound: \"{} {}\"",
                pair[0], pair[1]
            ));
        }
    }
    problems
}

#[cfg(test)]
mod tests;
