//! How a message says a record's parts in a sentence. A record's title is an instruction
//! ("Choose the database for the orders service") or a statement ("Use MADR"); a message
//! names what was decided ("the database for the orders service") and says the bottom line
//! first: "We've chosen PostgreSQL as the database for the orders service". Option names,
//! pros and cons are written as lists; in a sentence they need their article, their case
//! and a subject ("it can start in two weeks"), and the team is "we", not "the team".
//!
//! Everything here is a heuristic over short English phrases, so it is careful: when a
//! phrase's shape is not clear, it is left as the lead wrote it.
//!
//! A plan the lead wrote ("keep polyrepo and automate the upgrades", "refund the 40
//! customers") follows "we'll" as it is, while a thing ("the event queue") follows "switch
//! to"; an approach's name keeps or gets the article the sentence needs. Templates that
//! splice answers into sentences use these, so they never build "we'll switch to keep
//! polyrepo".

use std::collections::BTreeSet;

/// Whether `text` starts with a vowel sound, as "a"/"an" needs: letters, and acronyms
/// read letter by letter ("an ORM", "an SLA", "a UI"), with the common exceptions.
pub(crate) fn starts_with_vowel_sound(text: &str) -> bool {
    let word: String = text
        .split_whitespace()
        .next()
        .unwrap_or_default()
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '+' || *c == '-')
        .collect();
    let lower = word.to_lowercase();
    let Some(first) = lower.chars().next() else {
        return false;
    };
    if first.is_ascii_digit() {
        // "an 8-hour day", "an 11-week plan", "an 18-month contract".
        return lower.starts_with('8') || lower.starts_with("11") || lower.starts_with("18");
    }
    let letters: String = word.chars().take_while(|c| c.is_alphabetic()).collect();
    let acronym = letters.len() > 1 && letters.chars().all(|c| c.is_uppercase());
    let single =
        letters.chars().count() == 1 && word.chars().nth(1).is_none_or(|c| !c.is_alphabetic());
    if acronym || single {
        // Letters named: A, E, F, H, I, L, M, N, O, R, S, X start with a vowel sound.
        return "aefhilmnorsx".contains(first);
    }
    const CONSONANT_SOUND: &[&str] = &[
        "uni", "use", "usu", "uti", "euro", "one", "once", "ubi", "ura",
    ];
    const VOWEL_SOUND: &[&str] = &["hour", "honest", "honour", "honor", "heir"];
    if VOWEL_SOUND.iter().any(|p| lower.starts_with(p)) {
        return true;
    }
    if CONSONANT_SOUND.iter().any(|p| lower.starts_with(p)) {
        return false;
    }
    "aeiou".contains(first)
}

/// What a record's title names, which decides how a message says the decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Something to choose: "the database for the orders service".
    Thing,
    /// A question to settle: "how we run the weekly demo", "whether to rewrite or refactor
    /// the checkout service", "between monorepo and polyrepo".
    Question,
    /// The decision itself, as MADR and adr-tools titles often are: "use MADR".
    Action,
    /// Anything else: a topic ("the weekly release").
    Topic,
    /// A title no sentence can take in (a colon in it, a question without a question
    /// word, a sentence of its own, Title Case that lower case would garble): named as
    /// written, in quotes ("\"Installation method: Home Assistant Core\"").
    Title,
}

impl Kind {
    pub(crate) fn key(self) -> &'static str {
        match self {
            Kind::Thing => "thing",
            Kind::Question => "question",
            Kind::Action => "action",
            Kind::Topic => "topic",
            Kind::Title => "title",
        }
    }
}

/// What a record is about, as a message names it mid-sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Subject {
    pub kind: Kind,
    pub text: String,
}

/// Verbs a title, an option or a fallback starts with when it says what to do. Words that
/// are as often nouns ("cache", "queue", "release", "test") are left out: they count as a
/// verb only before an article ("Queue the events").
const VERBS: &[&str] = &[
    "agree",
    "break",
    "find",
    "have",
    "communicate",
    "continue",
    "decouple",
    "deduplicate",
    "encapsulate",
    "give",
    "include",
    "integrate",
    "lay",
    "leverage",
    "maintain",
    "provide",
    "register",
    "restructure",
    "unify",
    "utilise",
    "utilize",
    "confirm",
    "approve",
    "accept",
    "add",
    "adopt",
    "allow",
    "annotate",
    "apply",
    "archive",
    "ask",
    "automate",
    "avoid",
    "block",
    "bring",
    "build",
    "buy",
    "cancel",
    "change",
    "choose",
    "collect",
    "combine",
    "compress",
    "consolidate",
    "consume",
    "containerise",
    "containerize",
    "contract",
    "convert",
    "create",
    "cut",
    "declare",
    "decode",
    "defer",
    "define",
    "delay",
    "delegate",
    "deliver",
    "deploy",
    "deprecate",
    "describe",
    "disable",
    "do",
    "drop",
    "emit",
    "enable",
    "encode",
    "encrypt",
    "enforce",
    "expose",
    "extend",
    "extract",
    "fall",
    "fix",
    "follow",
    "forbid",
    "freeze",
    "generate",
    "go",
    "handle",
    "hire",
    "host",
    "implement",
    "improve",
    "inject",
    "introduce",
    "isolate",
    "keep",
    "let",
    "limit",
    "make",
    "manage",
    "measure",
    "merge",
    "migrate",
    "move",
    "negotiate",
    "notify",
    "offer",
    "organise",
    "organize",
    "outsource",
    "paginate",
    "pause",
    "pay",
    "pin",
    "postpone",
    "prefer",
    "prefix",
    "publish",
    "put",
    "rebase",
    "rebuild",
    "record",
    "reduce",
    "refactor",
    "reject",
    "remove",
    "rename",
    "renegotiate",
    "rent",
    "replace",
    "replicate",
    "represent",
    "require",
    "retire",
    "retry",
    "reuse",
    "revert",
    "rewrite",
    "roll",
    "route",
    "run",
    "say",
    "self-host",
    "send",
    "separate",
    "serve",
    "ship",
    "sign",
    "simplify",
    "skip",
    "split",
    "squash",
    "standardise",
    "standardize",
    "start",
    "stay",
    "stop",
    "store",
    "support",
    "switch",
    "take",
    "tell",
    "throttle",
    "treat",
    "upgrade",
    "use",
    "validate",
    "wait",
    "wrap",
    "write",
];

/// Verbs that are as often nouns ("Report builder", "Load balancer"): a title starts with
/// one as a verb when a plural or an article follows ("Report errors as problem details").
const TITLE_VERBS: &[&str] = &[
    "batch",
    "cache",
    "check",
    "document",
    "embed",
    "format",
    "group",
    "increase",
    "index",
    "lint",
    "load",
    "log",
    "mirror",
    "name",
    "parse",
    "partition",
    "queue",
    "release",
    "render",
    "report",
    "return",
    "schedule",
    "shard",
    "structure",
    "sync",
    "tag",
    "test",
    "trace",
    "track",
    "version",
];

/// Words that open a question a decision settles.
const QUESTION_WORDS: &[&str] = &[
    "how", "which", "what", "whether", "who", "when", "where", "if", "why",
];

/// Verbs that open a title asking for a decision: "Choose the database…".
const CHOOSING: &[&str] = &[
    "choose",
    "pick",
    "select",
    "decide",
    "settle",
    "agree",
    "determine",
    "find",
];

/// Words that already say which one, so a noun phrase that starts with one needs no
/// article.
const DETERMINERS: &[&str] = &[
    "a", "an", "the", "our", "your", "their", "its", "my", "this", "that", "these", "those",
    "each", "every", "no", "some", "any", "all", "both", "one", "two", "three", "four", "five",
    "another", "either", "neither", "more", "less", "fewer", "most", "much", "many",
];

/// Words that end a noun phrase's head: "contractor for six months" has the head
/// "contractor".
const PREPOSITIONS: &[&str] = &[
    "for", "in", "on", "with", "of", "to", "from", "at", "by", "via", "per", "behind", "over",
    "under", "across", "without", "instead", "between", "through", "into", "after", "before",
    "until", "as", "and", "or", "plus", "beyond",
];

/// Nouns that take no "a": "plain text", not "a plain text".
const MASS_NOUNS: &[&str] = &[
    "text",
    "memory",
    "data",
    "code",
    "software",
    "storage",
    "logging",
    "hosting",
    "infrastructure",
    "tooling",
    "time",
    "money",
    "work",
    "search",
    "support",
    "monitoring",
    "testing",
    "traffic",
    "staff",
    "content",
    "email",
    "mail",
    "feedback",
    "documentation",
    "training",
    "knowledge",
    "information",
    "research",
    "budget",
    "capacity",
    "access",
    "security",
    "pricing",
    "billing",
    "coaching",
    "help",
    "advice",
    "progress",
    "headcount",
    "scope",
    "ownership",
    "automation",
    "caching",
    "sharding",
    "pairing",
    "funding",
    "tracing",
];

/// Words seen in a record, so a message can tell a name ("Stripe") from a common word that
/// happens to start a list item ("Monorepo", also written "one monorepo").
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Names {
    /// Words the record writes in lower case somewhere.
    lower: BTreeSet<String>,
    /// Words the record writes with a capital in the middle of a sentence.
    capital: BTreeSet<String>,
    /// The first word of each option, in lower case.
    option_words: BTreeSet<String>,
}

impl Names {
    /// Learn from `text`: its first word of each sentence or line says nothing (it is
    /// capitalised anyway); any other word does.
    pub(crate) fn learn(&mut self, text: &str) {
        for line in text.lines() {
            let mut start = true;
            for raw in line.split_whitespace() {
                let word: String = raw
                    .trim_matches(|c: char| !c.is_alphanumeric())
                    .trim_end_matches("'s")
                    .to_string();
                let starts_item = matches!(raw, "*" | "-" | "+" | ">" | "#" | "##" | "###");
                if starts_item {
                    start = true;
                    continue;
                }
                if let Some(first) = word.chars().next() {
                    if first.is_lowercase() {
                        self.lower.insert(word.clone());
                    } else if first.is_uppercase() && !start {
                        self.capital.insert(word.to_lowercase());
                    }
                }
                start = raw.ends_with(['.', '!', '?', ':']) || raw.ends_with("\"");
            }
        }
    }

    /// Learn only the words `text` writes in lower case: a title in Title Case capitalises
    /// common words, so its capitals tell no name.
    pub(crate) fn learn_lower_case(&mut self, text: &str) {
        for raw in text.split_whitespace() {
            let word = raw
                .trim_matches(|c: char| !c.is_alphanumeric())
                .trim_end_matches("'s");
            if word.chars().next().is_some_and(char::is_lowercase) {
                self.lower.insert(word.to_string());
            }
        }
    }

    /// Add the names of the options: a list item that starts with one keeps its capital.
    pub(crate) fn options<'a>(&mut self, names: impl IntoIterator<Item = &'a str>) {
        for name in names {
            if let Some(first) = name.split_whitespace().next() {
                let word = first.trim_matches(|c: char| !c.is_alphanumeric());
                self.option_words.insert(word.to_lowercase());
            }
        }
    }

    /// A name by its form: "PostgreSQL", "AWS", "v2", "A".
    fn is_name_by_form(word: &str) -> bool {
        let letters: Vec<char> = word.chars().collect();
        let Some(first) = letters.first() else {
            return false;
        };
        first.is_uppercase()
            && (letters.len() == 1
                || letters.iter().skip(1).any(|c| c.is_uppercase())
                || letters.iter().any(|c| c.is_ascii_digit() || *c == '.'))
    }

    /// A name the record shows as one: by its form, written with a capital in the middle
    /// of a sentence, or the first word of an option.
    fn is_known_name(&self, word: &str) -> bool {
        let word = word.trim_end_matches("'s");
        let lower = word.to_lowercase();
        let function_word = DETERMINERS.contains(&lower.as_str())
            || QUESTION_WORDS.contains(&lower.as_str())
            || SUBJECTS.contains(&lower.as_str());
        !function_word
            && (Names::is_name_by_form(word)
                || self.capital.contains(&lower)
                || self.option_words.contains(&lower))
    }

    /// An option's one-word name is a name ("Stripe") unless the record also writes it in
    /// lower case ("one monorepo").
    fn is_name_unless_lower(&self, word: &str) -> bool {
        let word = word.trim_end_matches("'s");
        // Lower case anywhere wins: a record writes its options' names with a capital even
        // mid-sentence ("Ravi (Monorepo) and Chen (Polyrepo) disagree").
        word.chars().next().is_some_and(char::is_uppercase)
            && (Names::is_name_by_form(word) || !self.lower.contains(&word.to_lowercase()))
    }

    /// A capitalised word that is most likely a common word: the record writes it (or its
    /// plural) in lower case, or it has the form of an adjective or a derived noun
    /// ("Managed", "Rotating", "Permanent", "Contractor").
    fn looks_common(&self, word: &str) -> bool {
        const COMMON: &[&str] = &[
            "direct", "plain", "simple", "single", "new", "old", "full", "shared", "own", "open",
            "separate", "static", "dynamic", "central", "local", "remote", "manual", "native",
            "custom", "standard", "basic", "weekly", "daily", "monthly", "event", "one", "two",
            "three", "keep", "build", "buy", "hybrid", "hosted", "managed", "cloud", "internal",
            "external", "public", "private", "paid", "free", "minimal", "big", "small", "load",
            "document", "message", "search", "file", "object", "key", "stream", "service",
            "server", "web", "mobile", "batch", "cache", "queue", "log", "feature", "release",
            "test", "build", "job", "task", "worker", "proxy", "gateway", "table", "read", "write",
            "data", "primary", "replica", "hot", "cold", "warm", "rolling", "canary", "nightly",
            "hourly", "rate", "token", "session", "user", "order", "payment", "database", "column",
            "row", "graph", "edge", "flat", "hand", "home", "in-house", "on-call", "backup",
        ];
        let lower = word.to_lowercase();
        if Names::is_name_by_form(word) {
            return false;
        }
        COMMON.contains(&lower.as_str())
            || self.lower.contains(&lower)
            || self.lower.contains(&format!("{lower}s"))
            || [
                "ed", "ing", "ent", "ant", "al", "ive", "ous", "able", "ible", "or", "ion", "ity",
                "ness", "ment", "ly",
            ]
            .iter()
            .any(|ending| lower.len() > ending.len() + 2 && lower.ends_with(ending))
            || (lower.len() > 3 && lower.ends_with('s') && !lower.ends_with("ss"))
    }

    /// `text` to go on a sentence: its first word in lower case, unless it is a name
    /// ("Peak write load" reads "peak write load"; "Searchly's price" stays).
    pub(crate) fn mid_sentence(&self, text: &str) -> String {
        let text = text.trim();
        let (plain, capital_only_first) = opening_word(text);
        if !capital_only_first || self.is_known_name(plain) {
            return text.to_string();
        }
        lower_first(text)
    }
}

/// `text` put into the middle of a sentence the program wrote ("Who finds out {item}?"),
/// with no record to learn names from: its first word is lowered only when it is a
/// function word ("Whether", "The") or has the form of a common word ("Managed"); a name
/// or an acronym ("Searchly", "AWS", "PostgreSQL") keeps its capital.
pub(crate) fn inserted(text: &str) -> String {
    let text = text.trim();
    let first = text.split_whitespace().next().unwrap_or_default();
    let plain = first.trim_matches(|c: char| !c.is_alphanumeric());
    let lower = plain.to_lowercase();
    let capital_only_first = plain.chars().next().is_some_and(char::is_uppercase)
        && plain
            .chars()
            .skip(1)
            .all(|c| c.is_lowercase() || c == '\'' || c == '-');
    let common = QUESTION_WORDS.contains(&lower.as_str())
        || DETERMINERS.contains(&lower.as_str())
        || PREPOSITIONS.contains(&lower.as_str())
        || SUBJECTS.contains(&lower.as_str())
        || (!plain.ends_with("'s") && Names::default().looks_common(plain));
    // "Secrets Manager is dearer": a second capitalised word makes the two a name.
    let named = text.split_whitespace().nth(1).is_some_and(|next| {
        next.chars().next().is_some_and(char::is_uppercase)
            && next
                .chars()
                .skip(1)
                .all(|c| c.is_lowercase() || !c.is_alphabetic())
    });
    if capital_only_first && common && !named {
        lower_first(text)
    } else {
        text.to_string()
    }
}

/// The context key holding the words the lead writes as names ([`lead_names`]), which the
/// `inserted` filter keeps capitalised.
pub(crate) const LEAD_NAMES: &str = "lead_names";

/// The words the lead writes as names in their answers, in lower case: a word capitalised
/// in the middle of a sentence ("ask the Payments team"), an answer or list item that is one
/// capitalised word ("Sam", "Searchly"), and every word of an option named in capitals
/// throughout ("Stripe Checkout"; "Event queue" is a phrase in sentence case, not a name).
pub(crate) fn lead_names<'a>(
    texts: impl IntoIterator<Item = &'a str>,
    options: impl IntoIterator<Item = &'a str>,
) -> BTreeSet<String> {
    let mut names = Names::default();
    let mut found = BTreeSet::new();
    let capitalised = |word: &str| word.chars().next().is_some_and(char::is_uppercase);
    let plain = |word: &str| {
        word.trim_matches(|c: char| !c.is_alphanumeric())
            .trim_end_matches("'s")
            .to_lowercase()
    };
    for text in texts {
        names.learn(text);
        let words: Vec<&str> = text.split_whitespace().collect();
        if let [word] = words.as_slice()
            && capitalised(word)
        {
            found.insert(plain(word));
        }
    }
    for option in options {
        let words: Vec<&str> = option.split_whitespace().collect();
        let titled = words
            .iter()
            .all(|w| capitalised(w) || !w.chars().any(char::is_alphabetic));
        if titled {
            found.extend(words.iter().map(|w| plain(w)).filter(|w| !w.is_empty()));
        }
    }
    found.extend(names.capital);
    found
}

/// The first word of `text` without its punctuation, and whether only its first letter is
/// a capital ("Peak", "Searchly's"), as a word that starts a sentence has; "AWS" and
/// "PostgreSQL" have more.
fn opening_word(text: &str) -> (&str, bool) {
    let first = text.split_whitespace().next().unwrap_or_default();
    let plain = first.trim_matches(|c: char| !c.is_alphanumeric());
    let capital_only_first = plain.chars().next().is_some_and(char::is_uppercase)
        && plain
            .chars()
            .skip(1)
            .all(|c| c.is_lowercase() || c == '\'' || c == '-');
    (plain, capital_only_first)
}

/// `text` put into the middle of a question the flow asks ("Who finds out {item}?"): its
/// first letter in lower case ("Peak write load" reads "peak write load"), unless the first
/// word reads as a name: an acronym or a word with a capital inside ("AWS", "PostgreSQL",
/// "v2"), a possessive ("Searchly's price"), a weekday or a month, "I", or a word the lead
/// writes as a name in their answers (`names`, from [`lead_names`]).
pub(crate) fn inserted_among(text: &str, names: &BTreeSet<String>) -> String {
    let text = text.trim();
    let (plain, capital_only_first) = opening_word(text);
    let lower = plain.to_lowercase();
    let calendar = crate::text::MONTH_NAMES.contains(&lower.as_str())
        || lower.parse::<chrono::Weekday>().is_ok() && lower.ends_with("day");
    let name = plain.ends_with("'s")
        || plain == "I"
        || calendar
        || names.contains(&lower)
        || names.contains(lower.trim_end_matches("'s"));
    if capital_only_first && !name {
        lower_first(text)
    } else {
        text.to_string()
    }
}

/// `text` quoted in a line of prose: in double quotes, or in single quotes when it holds
/// double quotes of its own ("Ask yourself: "If …"" would nest them), so quotation marks
/// never nest in marks of the same kind. The text itself, a passage's words or the lead's,
/// is never changed.
pub(crate) fn quoted(text: &str) -> String {
    let text = text.trim();
    if text.contains(['"', '“', '”']) {
        format!("'{text}'")
    } else {
        format!("\"{text}\"")
    }
}

fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn words_of(text: &str) -> Vec<String> {
    text.split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-')
                .to_lowercase()
        })
        .collect()
}

/// Whether `text` starts with a verb: "Refactor in place", "extend the contract", "Queue
/// the events" (a noun-like verb counts only before an article).
pub(crate) fn is_action(text: &str) -> bool {
    let mut words = words_of(text);
    // "Progressively enable the flag": the verb after its adverb.
    if words.len() > 1 && words[0].len() > 4 && words[0].ends_with("ly") {
        words.remove(0);
    }
    let Some(first) = words.first() else {
        return false;
    };
    if VERBS.contains(&first.as_str()) {
        return true;
    }
    let second = words.get(1).map(String::as_str);
    let third = words.get(2).map(String::as_str);
    let object = |word: Option<&str>| {
        matches!(
            word,
            Some("the" | "our" | "all" | "every" | "each" | "it" | "its" | "their")
        )
    };
    // "Queue the events"; with its particle, "Lay out the widgets", "Break up the core".
    let particle = matches!(
        second,
        Some("out" | "up" | "down" | "off" | "back" | "away")
    );
    !DETERMINERS.contains(&first.as_str())
        && !first.ends_with("ing")
        && !first.ends_with('s')
        && (object(second) || (particle && object(third)))
}

/// What a record's title names. `names` are the record's words, so a name keeps its capital.
pub(crate) fn subject(title: &str, names: &Names) -> Subject {
    let written = without_record_prefix(title.trim()).trim_end_matches('.');
    let asks = written.ends_with('?');
    let title = written.trim_end_matches(['.', '?', '!']).trim();
    let words = words_of(title);
    let first = words.first().map(String::as_str).unwrap_or_default();
    // A title a sentence cannot take in is named as written.
    let as_written = Subject {
        kind: Kind::Title,
        text: format!("\"{written}\""),
    };
    if title.contains(": ") || (asks && !QUESTION_WORDS.contains(&first)) {
        return as_written;
    }
    let rest_after = |n: usize| -> String {
        title
            .split_whitespace()
            .skip(n)
            .collect::<Vec<_>>()
            .join(" ")
    };
    if CHOOSING.contains(&first) {
        let mut rest = rest_after(1);
        for particle in ["on ", "upon ", "about ", "out "] {
            if let Some(stripped) = rest.strip_prefix(particle) {
                rest = stripped.to_string();
            }
        }
        if rest.is_empty() {
            return topic(title, names);
        }
        return match question(&rest) {
            Some(text) => Subject {
                kind: Kind::Question,
                text,
            },
            None if rest.starts_with("between ") => Subject {
                kind: Kind::Question,
                text: rest,
            },
            None => Subject {
                kind: Kind::Thing,
                text: names.mid_sentence(&rest),
            },
        };
    }
    if let Some(text) = question(title) {
        return Subject {
            kind: Kind::Question,
            text,
        };
    }
    let lower = title.to_lowercase();
    for versus in [" vs. ", " vs ", " versus "] {
        if let Some(at) = lower.find(versus) {
            let (a, b) = (&title[..at], &title[at + versus.len()..]);
            return Subject {
                kind: Kind::Question,
                text: format!(
                    "between {} and {}",
                    names.mid_sentence(a),
                    names.mid_sentence(b)
                ),
            };
        }
    }
    let title_verb = TITLE_VERBS.contains(&first)
        && words.get(1).is_some_and(|next| {
            DETERMINERS.contains(&next.as_str()) || (next.len() > 3 && next.ends_with('s'))
        });
    // A first word the record writes with a capital mid-sentence is a name ("Go API
    // stability"), not a verb; a verb before "of" is a noun ("Use of a cache").
    let a_name = first_is_name(title, names);
    let noun = words.get(1).is_some_and(|next| next == "of");
    if (is_action(title) || title_verb) && !a_name && !noun {
        let action = lower_first(title);
        return if words.iter().any(|w| w == "or") {
            Subject {
                kind: Kind::Question,
                text: format!("whether to {action}"),
            }
        } else {
            Subject {
                kind: Kind::Action,
                text: action,
            }
        };
    }
    // "Check block txs before prevote": a verb or a noun, and "the check block txs"
    // would be wrong either way.
    if !reads_as_topic(title, names) || (TITLE_VERBS.contains(&first) && words.len() > 2) {
        return as_written;
    }
    topic(title, names)
}

/// A title without what says it is a record: "ADR: Fee tokens", "ADR 12: Fee tokens",
/// "Architecture Decision Record: Fee tokens" all name "Fee tokens".
fn without_record_prefix(title: &str) -> &str {
    let Some((prefix, rest)) = title.split_once(':') else {
        return title;
    };
    let prefix = prefix.trim().to_lowercase();
    let words: Vec<&str> = prefix
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty())
        .collect();
    let record_words = [
        "adr",
        "rfc",
        "architecture",
        "decision",
        "record",
        "proposal",
    ];
    let is_prefix = !words.is_empty()
        && words
            .iter()
            .all(|w| record_words.contains(w) || w.chars().all(|c| c.is_ascii_digit()))
        && words.iter().any(|w| record_words.contains(w));
    if is_prefix && !rest.trim().is_empty() {
        rest.trim()
    } else {
        title
    }
}

/// Whether the title's first word is a name the record writes with a capital
/// mid-sentence, and never in lower case.
fn first_is_name(title: &str, names: &Names) -> bool {
    let first = first_word(title);
    let lower = first.to_lowercase();
    first.chars().next().is_some_and(char::is_uppercase)
        && names.capital.contains(&lower)
        && !names.lower.contains(&lower)
}

/// Whether a topic title can go into a sentence after "the": a short noun phrase, not a
/// sentence of its own ("Application should own the validator set"), with no aside in
/// brackets, and not in Title Case ("Trust Metric Usage Guide" would read "the trust
/// Metric Usage Guide").
fn reads_as_topic(title: &str, names: &Names) -> bool {
    const SMALL: &[&str] = &[
        "a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on", "or", "the",
        "to", "via", "with", "vs",
    ];
    const FINITE_WORDS: &[&str] = &[
        "is", "are", "was", "were", "should", "must", "shall", "will", "can", "cannot", "won't",
        "isn't", "aren't", "don't", "doesn't", "has", "have", "need", "needs",
    ];
    let words: Vec<&str> = title.split_whitespace().collect();
    if words.len() > 6 || title.contains(['(', ')', '[', ';']) {
        return false;
    }
    let lower = words_of(title);
    if lower.iter().any(|w| FINITE_WORDS.contains(&w.as_str())) {
        return false;
    }
    let title_case = words.iter().skip(1).any(|word| {
        let plain = word
            .trim_matches(|c: char| !c.is_alphanumeric())
            .trim_end_matches("'s");
        let lower = plain.to_lowercase();
        // A name the record writes with a capital mid-sentence, and never in lower case.
        let known_name = names.capital.contains(&lower) && !names.lower.contains(&lower);
        plain.chars().next().is_some_and(char::is_uppercase)
            && !SMALL.contains(&lower.as_str())
            && !Names::is_name_by_form(plain)
            && !known_name
    });
    !title_case
}

/// "How we run the demo" → "how we run the demo"; "If we …" → "whether we …".
fn question(text: &str) -> Option<String> {
    let first = words_of(text).into_iter().next()?;
    if !QUESTION_WORDS.contains(&first.as_str()) {
        return None;
    }
    let rest: String = text
        .split_whitespace()
        .skip(1)
        .collect::<Vec<_>>()
        .join(" ");
    let word = if first == "if" { "whether" } else { &first };
    Some(if rest.is_empty() {
        word.to_string()
    } else {
        format!("{word} {rest}")
    })
}

/// A title that names a topic: with "the" when it has no determiner of its own and names
/// one thing ("the weekly release"), but not before an activity, a quality or a mass
/// ("monitoring", "feature management", "observability with OpenTelemetry"), a plural or
/// two things joined ("auth and roles").
fn topic(title: &str, names: &Names) -> Subject {
    let text = names.mid_sentence(title);
    let first = words_of(&text).into_iter().next().unwrap_or_default();
    let text = if DETERMINERS.contains(&first.as_str())
        || names.is_known_name(first_word(&text))
        || !takes_the(&text)
    {
        text
    } else {
        format!("the {text}")
    };
    Subject {
        kind: Kind::Topic,
        text,
    }
}

/// Whether a noun phrase naming a topic reads with "the" before it: its head (the word
/// before its first preposition) is one countable thing.
fn takes_the(phrase: &str) -> bool {
    /// Nouns in "-ing" that name a thing, not an activity.
    const COUNTABLE_ING: &[&str] = &[
        "meeting",
        "building",
        "setting",
        "string",
        "thing",
        "mapping",
        "warning",
        "finding",
        "heading",
        "listing",
        "offering",
        "opening",
        "recording",
        "drawing",
        "ring",
        "wing",
        "morning",
        "evening",
        "ceiling",
        "spring",
        "ping",
    ];
    let words = words_of(phrase);
    let Some(first) = words.first() else {
        return false;
    };
    if words.iter().any(|w| w == "and" || w == "or") {
        return false;
    }
    let head = words
        .iter()
        .take_while(|w| !PREPOSITIONS.contains(&w.as_str()))
        .last()
        .unwrap_or(first);
    let head = head.rsplit('-').next().unwrap_or(head);
    let activity = |word: &str| word.ends_with("ing") && !COUNTABLE_ING.contains(&word);
    let abstract_noun = ["ment", "ity", "ness", "ism", "tion", "sion"]
        .iter()
        .any(|ending| head.len() > ending.len() + 2 && head.ends_with(ending));
    let plural = head.len() > 3
        && head.ends_with('s')
        && !head.ends_with("ss")
        && !head.ends_with("us")
        && !head.ends_with("is");
    // "pubsub 2.0": a name with its version.
    let version = head.starts_with(|c: char| c.is_ascii_digit());
    !(activity(first)
        || activity(head)
        || abstract_noun
        || plural
        || version
        || MASS_NOUNS.contains(&head))
}

fn first_word(text: &str) -> &str {
    text.split_whitespace()
        .next()
        .unwrap_or_default()
        .trim_matches(|c: char| !c.is_alphanumeric())
}

/// An option as a sentence says it, and whether it is an action ("refactor in place":
/// "we'll refactor in place") rather than a thing ("a direct API call", "PostgreSQL").
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Choice {
    pub text: String,
    pub action: bool,
}

/// `name` phrased to go inside a sentence: a name stays as written, a common phrase takes
/// lower case and its article ("Direct API call" is "a direct API call", "Plain text" is
/// "plain text", "Hosted flags" is "hosted flags").
pub(crate) fn choice(name: &str, names: &Names) -> Choice {
    let name = name.trim();
    if is_action(name) {
        return Choice {
            text: lower_first(name),
            action: true,
        };
    }
    let words: Vec<&str> = name.split_whitespace().collect();
    let first = words.first().copied().unwrap_or_default();
    let first_plain = first.trim_matches(|c: char| !c.is_alphanumeric());
    // Written in lower case on purpose ("release-please", "npm", "changesets"): as it is.
    if first_plain.chars().next().is_some_and(char::is_lowercase) {
        return Choice {
            text: name.to_string(),
            action: false,
        };
    }
    // "A cluster app", "The event queue": the list's capital on an article goes.
    if words.len() > 1
        && matches!(
            first_plain,
            "A" | "An" | "The" | "Our" | "One" | "Two" | "Three"
        )
    {
        return Choice {
            text: lower_first(name),
            action: false,
        };
    }
    let later_capitals = words.iter().skip(1).any(|w| {
        let plain = w.trim_matches(|c: char| !c.is_alphanumeric());
        let mut chars = plain.chars();
        // "Google Cloud", "Vendor A": capitals after the first word make a name; an
        // acronym ("Direct API call") does not.
        chars.next().is_some_and(char::is_uppercase)
            && (plain.chars().count() == 1 || chars.all(char::is_lowercase))
    });
    if later_capitals {
        // A name runs on with capitals ("Google Cloud"); a list's capital on a common first
        // word does not make one ("A cluster app via ArgoCD", "Single Prometheus instance",
        // "Building upon Prow").
        const COMMON_FIRST: &[&str] = &[
            "single",
            "shared",
            "separate",
            "dedicated",
            "central",
            "common",
            "new",
            "own",
            "standalone",
            "custom",
            "managed",
            "hosted",
            "direct",
            "plain",
            "simple",
        ];
        let lower = first_plain.to_lowercase();
        let text = if DETERMINERS.contains(&lower.as_str())
            || (lower.len() > 4 && lower.ends_with("ing"))
        {
            lower_first(name)
        } else if COMMON_FIRST.contains(&lower.as_str()) {
            with_article(&lower_first(name))
        } else {
            name.to_string()
        };
        return Choice {
            text,
            action: false,
        };
    }
    if let Some(choice) = qualifying_first_word(name, &words, first_plain, names) {
        return choice;
    }
    // In "Contractor for six months" only the first word has a capital: list style, not
    // a name. "Kafka on our own servers" starts with a name: a word the record never
    // writes in lower case, that does not look like a common word.
    let first_is_name = names.is_name_unless_lower(first_plain)
        && (words.len() == 1 || !names.looks_common(first_plain));
    if first_is_name {
        return Choice {
            text: name.to_string(),
            action: false,
        };
    }
    let text = names_lowered(name, first_plain);
    Choice {
        text: with_article(&text),
        action: false,
    }
}

/// "Device database", "Read replica": a capital on a word that qualifies the next,
/// lower-case one is the list's, unless the record writes that word with a capital in the
/// middle of a sentence ("we already run Kafka") or it is a product everyone knows ("Kafka
/// cluster", "Redis cache"), which keeps it and still takes its article.
fn qualifying_first_word(
    name: &str,
    words: &[&str],
    first_plain: &str,
    names: &Names,
) -> Option<Choice> {
    let second = words.get(1).copied().unwrap_or_default();
    let qualifies = words.len() > 1
        && second.chars().all(|c| c.is_lowercase() || c == '-')
        && !PREPOSITIONS.contains(&second)
        && !DETERMINERS.contains(&second);
    if !qualifies || Names::is_name_by_form(first_plain) {
        return None;
    }
    let lower_first_word = first_plain.to_lowercase();
    let text = if KNOWN_PRODUCTS.contains(&lower_first_word.as_str()) {
        with_article(name)
    } else if names.capital.contains(&lower_first_word) {
        return None;
    } else {
        with_article(&names_lowered(name, first_plain))
    };
    Some(Choice {
        text,
        action: false,
    })
}

/// Products a lead names in an option, written with a capital wherever they stand: an
/// option that starts with one ("Kafka cluster") keeps it mid-sentence.
const KNOWN_PRODUCTS: &[&str] = &[
    "kafka",
    "redis",
    "postgres",
    "postgresql",
    "mysql",
    "mongodb",
    "mongo",
    "elasticsearch",
    "opensearch",
    "cassandra",
    "dynamodb",
    "sqlite",
    "snowflake",
    "bigquery",
    "kubernetes",
    "docker",
    "terraform",
    "ansible",
    "jenkins",
    "github",
    "gitlab",
    "bitbucket",
    "stripe",
    "twilio",
    "auth0",
    "okta",
    "datadog",
    "grafana",
    "prometheus",
    "sentry",
    "splunk",
    "cloudflare",
    "fastly",
    "akamai",
    "heroku",
    "vercel",
    "netlify",
    "azure",
    "google",
    "amazon",
    "microsoft",
    "apple",
    "android",
    "linux",
    "windows",
    "rabbitmq",
    "nats",
    "pulsar",
    "spark",
    "flink",
    "airflow",
    "react",
    "vue",
    "angular",
    "svelte",
    "django",
    "rails",
    "spring",
    "node",
    "deno",
    "python",
    "java",
    "rust",
    "go",
    "kotlin",
    "swift",
    "scala",
    "nginx",
    "envoy",
    "istio",
    "consul",
    "vault",
    "nomad",
    "argocd",
    "flux",
    "helm",
    "slack",
    "jira",
    "confluence",
    "notion",
    "figma",
    "salesforce",
    "hubspot",
    "zendesk",
    "shopify",
    "firebase",
    "supabase",
    "algolia",
    "typesense",
    "meilisearch",
    "searchly",
];

/// `name` with its first word in lower case, unless that word is an acronym ("JSON lines").
fn names_lowered(name: &str, first: &str) -> String {
    let acronym = first.chars().count() > 1 && first.chars().all(|c| !c.is_lowercase());
    if acronym {
        name.to_string()
    } else {
        lower_first(name)
    }
}

/// Whether a subject takes a plural verb: "the people who set the priorities" (its head,
/// before "who", is "people"), "Ana and Tom", "the lawyers"; not "Maria", "legal" or a
/// name that ends in "s" ("Thomas").
pub(crate) fn is_plural_subject(subject: &str) -> bool {
    let words: Vec<&str> = subject.split_whitespace().collect();
    let head_end = words
        .iter()
        .position(|w| matches!(*w, "who" | "that" | "which" | "of" | "on" | "in" | "for"))
        .unwrap_or(words.len());
    let head = &words[..head_end];
    if head.contains(&"and") {
        return true;
    }
    let Some(last) = head.last() else {
        return false;
    };
    let name = last.chars().next().is_some_and(char::is_uppercase);
    matches!(*last, "people" | "folks" | "children" | "men" | "women")
        || (!name && last.len() > 3 && last.ends_with('s') && !last.ends_with("ss"))
}

/// "a" or "an" before a singular noun phrase that has no determiner; none before a plural
/// or a mass noun.
pub(crate) fn with_article(phrase: &str) -> String {
    let words = words_of(phrase);
    let Some(first) = words.first() else {
        return phrase.to_string();
    };
    if DETERMINERS.contains(&first.as_str()) || first.chars().all(|c| c.is_ascii_digit()) {
        return phrase.to_string();
    }
    let head = words
        .iter()
        .take_while(|w| !PREPOSITIONS.contains(&w.as_str()))
        .last()
        .unwrap_or(first);
    let plural = head.len() > 3
        && head.ends_with('s')
        && !head.ends_with("ss")
        && !head.ends_with("us")
        && !head.ends_with("is");
    if plural || MASS_NOUNS.contains(&head.as_str()) || head.ends_with("ing") {
        return phrase.to_string();
    }
    let article = if starts_with_vowel_sound(phrase) {
        "an"
    } else {
        "a"
    };
    format!("{article} {phrase}")
}

/// How a pro, a con or a consequence is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shape {
    /// It has its own subject and verb: "the team already runs it for billing".
    Clause,
    /// A verb without its subject: "can start in two weeks", "already hosts our billing".
    Predicate,
    /// A noun phrase: "transactions across orders and payments".
    Noun,
    /// What it is like: "managed", "cheaper at our volume", "typo-tolerant out of the box".
    Adjective,
}

/// Auxiliaries and verb forms that make a phrase a clause or a predicate.
const FINITE: &[&str] = &[
    "is",
    "are",
    "was",
    "were",
    "has",
    "have",
    "had",
    "can",
    "could",
    "will",
    "would",
    "should",
    "must",
    "may",
    "might",
    "does",
    "do",
    "did",
    "won't",
    "can't",
    "doesn't",
    "don't",
    "isn't",
    "aren't",
    "wasn't",
    "hasn't",
    "haven't",
    "cannot",
    "needs",
    "need",
    "takes",
    "take",
    "costs",
    "cost",
    "gets",
    "get",
    "makes",
    "make",
    "keeps",
    "keep",
    "gives",
    "give",
    "means",
    "mean",
    "runs",
    "run",
    "knows",
    "know",
    "ships",
    "ship",
    "leaves",
    "leave",
    "stays",
    "stay",
    "breaks",
    "break",
    "fails",
    "fail",
    "works",
    "work",
    "scales",
    "scale",
    "requires",
    "require",
    "lacks",
    "lack",
    "loses",
    "lose",
    "adds",
    "add",
    "saves",
    "save",
    "reduces",
    "reduce",
    "cuts",
    "slows",
    "locks",
    "ties",
    "hosts",
    "imports",
    "fits",
    "handles",
    "uses",
    "reads",
    "writes",
    "changes",
    "moves",
    "stops",
    "starts",
    "blocks",
    "depends",
    "allows",
    "lets",
    "causes",
    "comes",
    "goes",
    "becomes",
    "remains",
    "grows",
    "owns",
    "pays",
    "charges",
    "offers",
    "includes",
    "misses",
    "matches",
    "reaches",
    "drops",
    "raises",
    "forces",
    "helps",
    "hurts",
    "limits",
    "lasts",
    "ends",
    "shows",
    "relies",
    "fixes",
    "improves",
    "simplifies",
    "replaces",
    "removes",
    "holds",
    "spends",
    "builds",
    "learns",
    "supports",
    "operates",
    "operate",
    "removed",
    "added",
    "changed",
    "built",
    "lost",
    "stays",
    "already",
    "still",
    "never",
    "also",
    "only",
    "often",
    "rarely",
    "usually",
    "use",
    "read",
    "write",
    "stop",
    "block",
    "depend",
    "allow",
    "cause",
    "come",
    "go",
    "become",
    "remain",
    "grow",
    "own",
    "include",
    "reach",
    "force",
    "hurt",
    "rely",
    "fix",
    "replace",
    "remove",
    "hold",
    "spend",
    "learn",
    "see",
    "sees",
    "finds",
    "find",
    "fits",
    "fit",
    "wins",
    "win",
    "waits",
    "wait",
];

/// Words that, opening a phrase, are its subject.
const SUBJECTS: &[&str] = &[
    "it",
    "we",
    "they",
    "you",
    "i",
    "he",
    "she",
    "nobody",
    "everyone",
    "everybody",
    "someone",
    "somebody",
    "there",
    "this",
    "that",
    "nothing",
    "everything",
    "none",
];

/// Adverbs that may come before the verb of a predicate: "already hosts".
pub(crate) const ADVERBS: &[&str] = &[
    "already", "still", "never", "also", "only", "often", "rarely", "usually", "always",
    "probably", "easily",
];

/// The shape of a phrase, as far as a short list can tell. Unsure means a clause: it is
/// then left as written.
pub(crate) fn shape(text: &str) -> Shape {
    let words = words_of(text);
    let Some(first) = words.first() else {
        return Shape::Clause;
    };
    if let [word] = words.as_slice() {
        // One word that is not an adjective is left as written.
        return if is_adjective(word) || is_comparative(word) {
            Shape::Adjective
        } else {
            Shape::Clause
        };
    }
    let first = first.as_str();
    if SUBJECTS.contains(&first) || QUESTION_WORDS.contains(&first) {
        return Shape::Clause;
    }
    let second = words[1].as_str();
    // "cheaper at our volume", "typo-tolerant out of the box"; not "-ed", which may be a
    // verb ("diverged from serde_yaml").
    let describes = (is_adjective(first) && !first.ends_with("ed")) || is_comparative(first);
    if describes && (PREPOSITIONS.contains(&second) || matches!(second, "out" | "than" | "enough"))
    {
        return Shape::Adjective;
    }
    // The first word is judged by the lists only: endings such as "-ates" are nouns as
    // often ("templates", "updates").
    let opening = words
        .iter()
        .find(|w| !ADVERBS.contains(&w.as_str()))
        .map_or("", String::as_str);
    let listed_verb = |w: &str| {
        (FINITE.contains(&w) && !ADVERBS.contains(&w))
            || (w.ends_with('s') && VERBS.contains(&w.trim_end_matches('s')))
    };
    // "cost estimates for each team": a verb with a plural noun after it and no object is
    // a noun before a noun.
    if listed_verb(opening) && !DETERMINERS.contains(&first) && !is_plural_noun_at(&words, 1) {
        return verb_first(&words, first, opening);
    }
    // "also Jinja-like and mature", "trivially machine-readable": what it is like.
    let adverb = ADVERBS.contains(&first)
        || ["ally", "ably", "ibly", "fully", "ously", "ively"]
            .iter()
            .any(|ending| first.ends_with(ending));
    if adverb {
        return Shape::Adjective;
    }
    // "archived upstream", "hiring takes months": a verb form first, not a noun phrase.
    if (first.ends_with("ed") || first.ends_with("ing")) && !is_plural_noun_at(&words, 1) {
        return Shape::Clause;
    }
    // Only a phrase that opens as a noun phrase can be one: an article or a number ("a
    // fork with its own releases"), an adjective ("flexible documents"), or a noun and a
    // preposition ("transactions across orders"). Anything else may hide a verb the lists
    // do not know ("schema changes ripple to three services"): it is left as written.
    let opens_as_noun = DETERMINERS.contains(&first)
        || first.chars().all(|c| c.is_ascii_digit() || c == '%')
        // "size limits on large drafts", "hosting costs": a noun before a plural noun.
        || is_plural_noun_at(&words, 1)
        || is_adjective(first)
        // "pulls in", "runs on": after these a word may as well be a verb with its
        // particle.
        || (PREPOSITIONS.contains(&second)
            && !matches!(second, "in" | "on" | "to" | "into" | "over" | "as" | "and" | "or"));
    if !opens_as_noun {
        return Shape::Clause;
    }
    // A verb after the first word makes a clause ("schema migrations need planning"),
    // unless a subject comes first in a phrase that starts as a noun phrase: then it is a
    // relative clause inside it ("the query syntax we already use").
    for (index, word) in words.iter().enumerate().skip(1) {
        let word = word.as_str();
        if SUBJECTS.contains(&word) {
            return if DETERMINERS.contains(&first) {
                Shape::Noun
            } else {
                Shape::Clause
            };
        }
        let previous = words[index - 1].as_str();
        // "each team releases": a word in -s right after the noun that opens the phrase.
        let after_opening_noun = index == 2
            && DETERMINERS.contains(&first)
            && !previous.ends_with('s')
            && word.len() > 3
            && word.ends_with('s')
            && !word.ends_with("ss");
        // "the size limits on drafts": a verb that needs its object, with none after it,
        // is the plural noun.
        if is_plural_noun_at(&words, index) {
            continue;
        }
        let past = IRREGULAR_PAST.contains(&word);
        // Right after an opening adjective comes its noun: "fast builds", "new changes".
        let described_noun = index == 1 && (ADJECTIVES.contains(&first) || is_comparative(first));
        if (is_verb_form(word) || after_opening_noun || past)
            && !ADVERBS.contains(&word)
            && !described_noun
        {
            // "costs" after "with" or "lower" is a noun again: "with lower costs".
            if PREPOSITIONS.contains(&previous) || DETERMINERS.contains(&previous) {
                continue;
            }
            return Shape::Clause;
        }
    }
    Shape::Noun
}

/// Words in -s that are as often a plural noun as a verb, and as a verb always take an
/// object: "the quota limits us", never "the quota limits on". So with a preposition or
/// nothing after them they are the noun ("size limits on large drafts", "hosting costs"),
/// unlike verbs that need no object ("data stays in the EU", "traffic grows in spring").
const OBJECT_VERBS: &[&str] = &[
    "limits",
    "costs",
    "needs",
    "uses",
    "fixes",
    "updates",
    "estimates",
    "hosts",
];

/// Whether the word at `index` is a plural noun although it could be a verb: one of
/// [`OBJECT_VERBS`] with no object after it. "needs to" stays a verb ("storage needs to be
/// encrypted").
fn is_plural_noun_at(words: &[String], index: usize) -> bool {
    let Some(word) = words.get(index).map(String::as_str) else {
        return false;
    };
    let next = words.get(index + 1).map_or("", String::as_str);
    OBJECT_VERBS.contains(&word)
        && (next.is_empty() || (PREPOSITIONS.contains(&next) && !(word == "needs" && next == "to")))
}

/// The shape of a phrase whose opening word (`opening`, after any adverb) is a listed
/// verb: a predicate, unless the words after it make that word a noun.
fn verb_first(words: &[String], first: &str, opening: &str) -> Shape {
    // "builds get slower without caching": a verb right after it makes the first word
    // a plural noun, the clause's subject.
    let next = words
        .iter()
        .skip_while(|w| w.as_str() != opening)
        .nth(1)
        .map_or("", String::as_str);
    if opening.ends_with('s') && (FINITE.contains(&next) || IRREGULAR_PAST.contains(&next)) {
        return Shape::Clause;
    }
    // "Use of a standard creates …" is a noun; in "Block proposers aren't able to …"
    // the opening is the subject the auxiliary after it needs.
    let auxiliary = |w: &str| {
        matches!(
            w,
            "is" | "are"
                | "was"
                | "were"
                | "isn't"
                | "aren't"
                | "can't"
                | "cannot"
                | "won't"
                | "will"
                | "can"
                | "should"
                | "must"
                | "has"
                | "have"
        )
    };
    let auxiliary_after = words.iter().skip(1).take(3).any(|w| auxiliary(w));
    // (An opening that is only ever a verb, "don't have to", "need to have", stays one.)
    let only_a_verb = FINITE.contains(&first) && !VERBS.contains(&first);
    if next == "of" || (auxiliary_after && !auxiliary(first) && !only_a_verb) {
        Shape::Clause
    } else {
        Shape::Predicate
    }
}

/// A verb as a clause uses it: an auxiliary, a listed form, a listed verb with "-s", or
/// an ending only verbs have ("serialises", "operates", "simplifies").
fn is_verb_form(word: &str) -> bool {
    (FINITE.contains(&word) && !ADVERBS.contains(&word))
        || (word.ends_with('s') && VERBS.contains(&word.trim_end_matches('s')))
        || ["ises", "izes", "yses", "ates", "ifies"]
            .iter()
            .any(|ending| word.len() > ending.len() + 2 && word.ends_with(ending))
}

/// "cheaper", "faster", "simpler": what a pro compares.
fn is_comparative(word: &str) -> bool {
    const COMPARATIVES: &[&str] = &[
        "cheaper", "faster", "slower", "easier", "harder", "simpler", "smaller", "bigger", "safer",
        "better", "worse", "lower", "higher", "quicker", "lighter", "heavier", "newer", "older",
        "clearer", "costlier",
    ];
    COMPARATIVES.contains(&word)
}

/// Whether a word is an adjective ("managed", "cheap", "scalable", "typo-tolerant").
/// Words that are only adjectives, whatever follows them.
const ADJECTIVES: &[&str] = &[
    "cheap",
    "fast",
    "slow",
    "simple",
    "easy",
    "hard",
    "small",
    "big",
    "safe",
    "stable",
    "mature",
    "new",
    "old",
    "free",
    "secure",
    "quick",
    "costly",
    "risky",
    "proven",
    "familiar",
    "popular",
    "open-source",
    "hosted",
    "expensive",
    "heavy",
    "light",
];

fn is_adjective(word: &str) -> bool {
    let last = word.rsplit('-').next().unwrap_or(word);
    let negated = ["un", "in", "non-"]
        .iter()
        .any(|prefix| word.len() > 7 && word.starts_with(prefix) && !word.starts_with("int"));
    negated
        || ADJECTIVES.contains(&word)
        || (word.contains('-')
            && matches!(
                last,
                "tolerant" | "ready" | "safe" | "friendly" | "proof" | "compatible" | "native"
            ))
        || ["able", "ible", "ful", "ive", "ous", "less"]
            .iter()
            .any(|ending| word.len() > ending.len() + 2 && word.ends_with(ending))
        || (word.len() > 4 && word.ends_with("ed"))
}

/// A pro or con after MADR's "Good, because" / "Bad, because": a predicate gets its
/// subject ("it can start in two weeks"), an adjective reads "it is managed", "no cluster to
/// run" reads "there is no cluster to run", a noun phrase reads "of transactions across
/// orders and payments"; one word that is none of these stays as written.
/// "there is no cluster to run", "there are no sections for options".
fn there_is(text: &str) -> String {
    let words = words_of(text);
    // "no bank transfers yet": the head is the noun before a time word, not the time word.
    let head = words
        .iter()
        .skip(1)
        .take_while(|w| !PREPOSITIONS.contains(&w.as_str()))
        .filter(|w| !matches!(w.as_str(), "yet" | "today" | "now" | "anymore" | "still"))
        .last()
        .map_or("", String::as_str);
    let plural = head.len() > 3 && head.ends_with('s') && !head.ends_with("ss");
    format!("there {} {text}", if plural { "are" } else { "is" })
}

pub(crate) fn after_because(text: &str) -> String {
    let text = text.trim();
    match shape(text) {
        Shape::Clause => text.to_string(),
        Shape::Adjective => format!("it is {}", after_subject(text)),
        Shape::Predicate => format!("it {}", after_subject(text)),
        Shape::Noun if words_of(text).first().is_some_and(|w| w == "no") => there_is(text),
        Shape::Noun => format!("of {text}"),
    }
}

/// A pro or con as the record's list item, always in MADR's "Good, because {argument}"
/// form, so one record never mixes two: a clause with its verb, a predicate given its
/// subject, a noun phrase after "because of" ("of a monthly contract"), and a bare verb
/// given "we" ("we pay as we go").
pub(crate) fn argument(label: &str, text: &str) -> String {
    let text = text.trim();
    let words = words_of(text);
    let first = words.first().map_or("", String::as_str);
    // A bare verb first ("pay as you go", "pay per message") is a fragment, not a subject.
    // Not before a plural noun with no object: "support costs" is a noun phrase.
    let bare_verb =
        VERBS.contains(&first) && !FINITE.contains(&first) && !is_plural_noun_at(&words, 1);
    let has_verb = words.iter().enumerate().any(|(index, word)| {
        let word = word.as_str();
        (index > 0 && (is_verb_form(word) || IRREGULAR_PAST.contains(&word)))
            || (SUBJECTS.contains(&word) && index + 1 < words.len())
    });
    let fragment = match shape(text) {
        Shape::Noun => bare_verb,
        Shape::Clause => bare_verb || !has_verb,
        Shape::Adjective | Shape::Predicate => false,
    };
    if text.is_empty() {
        format!("{label}: {text}")
    } else if let Some(it) = it_is_or_takes(&words) {
        format!("{label}, because {it} {text}")
    } else if fragment {
        format!(
            "{label}, because {}",
            fragment_after_because(text, bare_verb)
        )
    } else if shape(text) == Shape::Noun && first != "no" {
        // "heavy bundle" is a thing the option has: "because of a heavy bundle".
        format!("{label}, because of {}", with_article(text))
    } else {
        format!("{label}, because {}", after_because(text))
    }
}

/// The words a pro or con needs before it when it names what the option is or takes,
/// not what it does: "what we have today" reads "it is what we have today", "nine months
/// before it replaces anything" reads "it is nine months before …", "two weeks to set up"
/// reads "it takes two weeks to set up". `None` for any other shape.
fn it_is_or_takes(words: &[String]) -> Option<&'static str> {
    let first = words.first()?.as_str();
    let second = words.get(1).map_or("", String::as_str);
    let third = words.get(2).map_or("", String::as_str);
    // "what we have today", "what the user named": a thing, unless a verb of its own
    // follows ("what matters is speed").
    let what_clause = first == "what"
        && (SUBJECTS.contains(&second) || DETERMINERS.contains(&second))
        && !words[2..]
            .iter()
            .any(|w| matches!(w.as_str(), "is" | "are" | "was" | "were" | "matters"));
    if what_clause {
        return Some("it is");
    }
    // "built in and simple", "managed by the vendor": a participle before where or by whom
    // says what the option is, not what it did.
    let participle = PARTICIPLES.contains(&first) || (first.ends_with("ed") && second == "by");
    if participle && matches!(second, "in" | "into" | "by" | "for" | "on" | "with") {
        return Some("it is");
    }
    // "nothing new to learn", "nothing to install": a thing it lacks, unlike "nothing
    // ships for months", whose verb follows.
    if first == "nothing" && (is_adjective(second) || matches!(second, "to" | "else" | "more")) {
        return Some("there is");
    }
    let amount = first.chars().all(|c| c.is_ascii_digit()) || NUMBER_WORDS.contains(&first);
    let unit = matches!(
        second,
        "hour"
            | "hours"
            | "day"
            | "days"
            | "week"
            | "weeks"
            | "month"
            | "months"
            | "year"
            | "years"
    );
    match (amount && unit, third) {
        (true, "before" | "until" | "till") => Some("it is"),
        (true, _) => Some("it takes"),
        (false, _) => None,
    }
}

/// Past participles that, before "in", "by" and the like, say what something is ("built in",
/// "written in Rust", "kept by the vendor"); words in -ed count before "by" only.
const PARTICIPLES: &[&str] = &[
    "built", "made", "written", "kept", "held", "known", "baked", "run", "hosted", "backed",
];

/// Numbers written as words, as an amount of time opens: "nine months".
const NUMBER_WORDS: &[&str] = &[
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "a", "an", "several",
];

/// A fragment no list can read, said after "because": a bare verb gets "we" ("we pay as
/// we go"), "no …" gets "there is/are", a verb in -s before its object gets "it" ("it
/// pulls in many more crates"), a longer phrase is taken as a clause whose verb the list
/// does not know ("strict mode turns a typo into an error"), and a short noun phrase
/// follows "of" ("of a monthly contract").
fn fragment_after_because(text: &str, bare_verb: bool) -> String {
    let words = words_of(text);
    let first = words.first().map_or("", String::as_str);
    let second = words.get(1).map_or("", String::as_str);
    // "replays events", "supports webhooks": a word in -s before a plural object is a verb;
    // two plural nouns side by side are rare in a pro or con.
    let plural = |w: &str| w.len() > 3 && w.ends_with('s') && !w.ends_with("ss");
    // "conditions, defaults and coaching drift": a comma after the first word makes a list.
    let listed = text
        .split_whitespace()
        .next()
        .is_some_and(|w| w.ends_with(','));
    let verb_first = !listed
        && first.len() > 2
        && first.ends_with('s')
        && !first.ends_with("ss")
        && (PREPOSITIONS.contains(&second)
            || plural(second)
            || DETERMINERS.contains(&second)
            || matches!(
                second,
                "up" | "out" | "off" | "away" | "down" | "many" | "more"
            ));
    // "tests exercise the real widgets": a word after a noun and before its object or
    // a phrase of its own is the verb of a clause the lists do not know.
    let clause = (1..words.len().saturating_sub(1)).any(|i| {
        let (before, word, after) = (&words[i - 1], &words[i], &words[i + 1]);
        !word.ends_with("ed")
            && word.chars().all(char::is_alphabetic)
            && !PREPOSITIONS.contains(&word.as_str())
            && !DETERMINERS.contains(&word.as_str())
            && !PREPOSITIONS.contains(&before.as_str())
            && !DETERMINERS.contains(&before.as_str())
            && matches!(
                after.as_str(),
                "the"
                    | "a"
                    | "an"
                    | "our"
                    | "their"
                    | "its"
                    | "on"
                    | "between"
                    | "by"
                    | "into"
                    | "to"
                    | "with"
                    | "from"
                    | "and"
            )
    });
    if bare_verb {
        format!("we {}", as_we(text))
    } else if first == "no" {
        there_is(text)
    } else if verb_first {
        format!("it {text}")
    } else if first.ends_with("ed") && is_comparative(second) {
        format!("it was {text}")
    } else if clause {
        text.to_string()
    } else if first.ends_with("est") {
        format!("of the {text}")
    } else if QUESTION_WORDS.contains(&first) {
        format!("of {text}")
    } else {
        format!("of {}", with_article(text))
    }
}

/// A fragment said by "you" as said by "we": "pay as you go" reads "pay as we go".
fn as_we(text: &str) -> String {
    text.split(' ')
        .map(|word| match word {
            "you" => "we",
            "your" => "our",
            "yours" => "ours",
            "yourselves" => "ourselves",
            other => other,
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// An option the lead wrote as shorthand, made a sentence a reader can choose without
/// guessing what moves: "keep the date, admin screens by 2 March" (a step, then a bare
/// part and its later time) leaves the part out of the date, so it reads "keep the date
/// without the admin screens; they follow by 2 March". No verb is added that would change
/// what the lead meant ("and deliver admin screens" reads as everything plus more). A tail
/// with its own verb ("the admin screens follow in sprint 14"), one that joins on its own
/// ("and", "with", "no"), one with no time of its own, or an option that does not start
/// with a step ("two more people, keep the date") is left as written.
pub(crate) fn option_sentence(text: &str) -> String {
    let Some((head, tail)) = text.split_once(", ") else {
        return text.to_string();
    };
    let words = words_of(tail);
    let joins = words.first().is_some_and(|first| {
        PREPOSITIONS.contains(&first.as_str())
            || matches!(
                first.as_str(),
                "and"
                    | "but"
                    | "then"
                    | "so"
                    | "if"
                    | "unless"
                    | "while"
                    | "except"
                    | "which"
                    | "no"
                    | "not"
                    | "only"
                    | "just"
            )
    });
    let has_verb = words.iter().any(|word| {
        VERBS.contains(&word.as_str())
            || is_verb_form(word)
            || IRREGULAR_PAST.contains(&word.as_str())
            || SUBJECTS.contains(&word.as_str())
    });
    if !is_action(head) || words.is_empty() || joins || has_verb {
        return text.to_string();
    }
    // The part is what comes before its time: "admin screens" in "admin screens by 2
    // March", "the export" in "the export in sprint 14", "reports" in "reports later".
    let tail_words: Vec<&str> = tail.split_whitespace().collect();
    let Some(at) = tail_words.iter().position(|word| {
        let word = word.to_lowercase();
        matches!(
            word.as_str(),
            "by" | "in" | "on" | "after" | "from" | "within" | "later" | "next"
        )
    }) else {
        return text.to_string();
    };
    if at == 0 {
        return text.to_string();
    }
    let part = tail_words[..at].join(" ");
    let when = tail_words[at..].join(" ");
    let part_words = words_of(&part);
    let part = if part_words
        .first()
        .is_some_and(|first| DETERMINERS.contains(&first.as_str()))
    {
        part
    } else {
        format!("the {part}")
    };
    let plural = part_words.last().is_some_and(|head| {
        (head.len() > 3
            && head.ends_with('s')
            && !head.ends_with("ss")
            && !head.ends_with("us")
            && !head.ends_with("is"))
            || matches!(head.as_str(), "people" | "data")
    }) || part_words.iter().any(|w| w == "and");
    let (pronoun, follow) = if plural {
        ("they", "follow")
    } else {
        ("it", "follows")
    };
    // "keep the date" with a part after it keeps the date without that part; any other
    // step ("hire a contractor, reporting by May") only says when the part comes.
    let keeps_the_date = words_of(head)
        .iter()
        .any(|w| matches!(w.as_str(), "date" | "deadline" | "launch" | "release"));
    if keeps_the_date {
        format!("{head} without {part}; {pronoun} {follow} {when}")
    } else {
        format!("{head}; {part} {follow} {when}")
    }
}

/// What a proposal waits for, said to the team after "It isn't decided until": whose OK
/// and by when, from the record's "We need your OK on the contractor budget by Friday 11
/// December." and who was asked ("Dana", or "the stakeholders" when the record names
/// nobody): "Dana gives the OK on the contractor budget, which we've asked for by Friday
/// 11 December". An ask of another shape ("legal to sign the contract") is said as what
/// we've asked for. `by` is the day the OK is asked for when the ask names none.
pub(crate) fn awaited_ok(needs: &str, who: &str, by: Option<&str>) -> String {
    let text = needs.trim().trim_end_matches('.');
    let ask = ["We need ", "we need ", "We'll need ", "We still need "]
        .iter()
        .find_map(|prefix| text.strip_prefix(prefix))
        .unwrap_or(text);
    // "… by Friday 11 December": the date goes last, after who we asked.
    let (what, when) = match ask.rsplit_once(" by ") {
        Some((what, when)) if when.chars().any(|c| c.is_ascii_digit()) => {
            (what, Some(when.to_string()))
        }
        _ => (ask, by.map(str::to_string)),
    };
    let by_when = when.map(|when| format!(" by {when}")).unwrap_or_default();
    if let Some(rest) = what.strip_prefix("your ") {
        let gives = if is_plural_subject(who) {
            "give"
        } else {
            "gives"
        };
        format!("{who} {gives} the {rest}, which we've asked for{by_when}")
    } else {
        format!(
            "the OK we've asked for comes: {what}{}",
            by_when.replacen(" by", ", by", 1)
        )
    }
}

/// What we find out before deciding, with the verb each item takes: a question ("whether
/// bank transfers come this year", "how many pages we get") or a value ("the licence
/// cost") is found out, anything else ("the legal review of the contract", "EU data
/// residency") is looked into, never "find out the legal review".
/// `form` is the verb's form: "base" ("we find out …"), "s" ("Ana finds out …") or "ing"
/// ("we're finding out …"). What is found out comes first, in the lead's order, then the
/// rest: "find out whether A, and look into B".
pub(crate) fn finding_out(items: &[String], form: &str) -> String {
    let (find, look) = match form {
        "s" => ("finds out", "looks into"),
        "ing" => ("finding out", "looking into"),
        _ => ("find out", "look into"),
    };
    // A value is found out ("the licence cost", "exit terms", "the event log price at our
    // volume"): its head, before any preposition, is a figure or a fact.
    const VALUES: &[&str] = &[
        "cost",
        "costs",
        "price",
        "prices",
        "pricing",
        "rate",
        "rates",
        "fee",
        "fees",
        "date",
        "dates",
        "term",
        "terms",
        "number",
        "numbers",
        "figure",
        "figures",
        "size",
        "volume",
        "load",
        "limit",
        "limits",
        "budget",
        "answer",
        "answers",
        "result",
        "results",
        "rule",
        "rules",
        "requirement",
        "requirements",
        "timeline",
        "deadline",
        "estimate",
        "latency",
        "count",
        "total",
        "amount",
        "share",
        "names",
        "name",
        "owner",
        "status",
        "version",
        "capacity",
        "speed",
        "throughput",
        "traffic",
        "demand",
        "usage",
        "peak",
        "odds",
    ];
    let finds = |item: &String| {
        let words = words_of(item);
        let first = words.first().cloned().unwrap_or_default();
        let head = words
            .iter()
            .take_while(|w| !PREPOSITIONS.contains(&w.as_str()))
            .last()
            .cloned()
            .unwrap_or_default();
        QUESTION_WORDS.contains(&first.as_str())
            || item.trim_end().ends_with('?')
            || VALUES.contains(&head.as_str())
    };
    let (questions, things): (Vec<String>, Vec<String>) = items.iter().cloned().partition(finds);
    let list = |items: &[String]| match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    };
    match (questions.is_empty(), things.is_empty()) {
        (_, true) => format!("{find} {}", list(&questions)),
        (true, false) => format!("{look} {}", list(&things)),
        (false, false) => format!("{find} {}, and {look} {}", list(&questions), list(&things)),
    }
}

/// An amount of time as a reader says it: none of it is "no extra time", never "0 weeks";
/// any other amount stays as written ("6 weeks", "half a day").
pub(crate) fn time_said(amount: &str) -> String {
    let amount = amount.trim();
    let number = amount.split_whitespace().next().unwrap_or_default();
    if number.parse::<f64>().is_ok_and(|n| n == 0.0) {
        "no extra time".to_string()
    } else {
        amount.to_string()
    }
}

/// An amount of working time as said to someone outside the team: "33 days" counts
/// working days, so it says so ("33 working days"), and two amounts side by side are
/// compared in one unit. Weeks and other units are said as they are.
pub(crate) fn working_time(amount: &str) -> String {
    let amount = amount.trim();
    for (unit, working) in [(" days", " working days"), (" day", " working day")] {
        if let Some(number) = amount.strip_suffix(unit) {
            return format!("{number}{working}");
        }
    }
    amount.to_string()
}

/// Past forms that end in no "-ed": "two of us ran it before".
const IRREGULAR_PAST: &[&str] = &[
    "ran", "took", "built", "wrote", "went", "knew", "got", "gave", "kept", "saw", "found",
    "brought", "chose", "did", "had", "paid", "sent", "spent", "won", "broke", "grew", "held",
    "led", "met", "sold", "told", "thought", "came", "became", "began",
];

/// What MADR's "because" wrote, back as the phrase: "of transactions" is "transactions".
pub(crate) fn from_because(text: &str) -> String {
    let text = text.trim();
    text.strip_prefix("of ").unwrap_or(text).to_string()
}

/// A benefit as a clause the team reads: "we get transactions across orders and
/// payments", "it can start in two weeks", "we already run it for billing".
pub(crate) fn gain(text: &str) -> String {
    let text = ours(&from_because(text));
    match shape(&text) {
        Shape::Clause => text,
        Shape::Adjective => format!("it is {}", after_subject(&text)),
        Shape::Predicate => format!("{} {}", predicate_subject(&text), after_subject(&text)),
        Shape::Noun if words_of(&text).first().is_some_and(|w| w == "no") => {
            there_is(&after_subject(&text))
        }
        Shape::Noun => format!("we get {}", after_subject(&text)),
    }
}

/// The subject a predicate takes: "it" before a verb that agrees with it ("reduces",
/// "can start", "added"), "we" before a plain one ("don't have to wait", "get to test",
/// "need to watch"), which "it" would not agree with.
fn predicate_subject(text: &str) -> &'static str {
    let words = words_of(text);
    let verb = words
        .iter()
        .find(|w| !ADVERBS.contains(&w.as_str()))
        .map_or("", String::as_str);
    if PLAIN_FORMS.contains(&verb) || VERBS.contains(&verb) {
        "we"
    } else {
        "it"
    }
}

/// Verb forms that agree with "we" and not with "it".
const PLAIN_FORMS: &[&str] = &[
    "are", "were", "have", "don't", "aren't", "weren't", "haven't", "do", "need", "get", "make",
    "keep", "give", "mean", "run", "know", "ship", "leave", "stay", "break", "fail", "work",
    "scale", "require", "lack", "lose", "add", "save", "reduce", "take", "cost",
];

/// Benefits or risks after their label in the team's message: in the sentence (" we get
/// transactions; it can start in two weeks.") when they are a few short phrases, else as
/// a list, each item as the record words it ("\n- Installs run twice as fast.").
pub(crate) fn listed(items: &[String], gains: bool) -> String {
    const MOST_INLINE: usize = 3;
    const LONGEST_INLINE: usize = 15;
    // One sentence alone still reads in the sentence; several read as a list.
    let sentences = items.iter().any(|item| {
        let item = item.trim();
        item.contains(". ") || (item.ends_with(['.', '!', '?']) && items.len() > 1)
    });
    let inline = items.len() <= MOST_INLINE
        && !sentences
        && items
            .iter()
            .all(|item| item.split_whitespace().count() <= LONGEST_INLINE);
    if inline {
        let said: Vec<String> = items
            .iter()
            // Mid-list, a capital that only started the record's item goes ("Bypasses
            // leaks" reads "bypasses leaks"); a name keeps it.
            .map(|item| inserted(item.trim().trim_end_matches([';', ',', '.'])))
            .map(|item| if gains { gain(&item) } else { watch(&item) })
            .collect();
        return format!(" {}.", said.join("; "));
    }
    items
        .iter()
        .map(|item| {
            let item = ours(item.trim().trim_end_matches([';', ',']));
            let item = item.trim_end_matches('.');
            let end = if item.ends_with(['!', '?', ')', '"']) || !item.contains(' ') {
                ""
            } else {
                "."
            };
            // As the record words it: "pnpm's isolation" keeps its lower case.
            format!("\n- {item}{end}")
        })
        .collect()
}

/// A cost or risk as the team reads it: a predicate gets its subject; anything else is
/// left as written, in our words.
pub(crate) fn watch(text: &str) -> String {
    let text = ours(&from_because(text));
    match shape(&text) {
        Shape::Adjective => format!("it is {}", after_subject(&text)),
        Shape::Predicate => format!("{} {}", predicate_subject(&text), after_subject(&text)),
        Shape::Noun if words_of(&text).first().is_some_and(|w| w == "no") => {
            there_is(&after_subject(&text))
        }
        Shape::Noun => described(&text).unwrap_or_else(|| after_subject(&text)),
        Shape::Clause => text,
    }
}

/// "heavy bundle" as a sentence: "the bundle is heavy"; "slow builds": "the builds are
/// slow". Only an adjective and one noun: a longer phrase is left as written.
fn described(text: &str) -> Option<String> {
    let written: Vec<&str> = text.split_whitespace().collect();
    // The record says "of a heavy bundle": the article its list item took goes.
    let (&[adjective, noun] | &["a" | "an" | "A" | "An", adjective, noun]) = written.as_slice()
    else {
        return None;
    };
    let lower = noun.to_lowercase();
    if !is_adjective(&adjective.to_lowercase()) || is_verb_form(&lower) {
        return None;
    }
    let plural = lower.len() > 3 && lower.ends_with('s') && !lower.ends_with("ss");
    Some(format!(
        "the {noun} {} {}",
        if plural { "are" } else { "is" },
        adjective.to_lowercase()
    ))
}

/// The figure a finding corrects, as (new, old): "the discount is 22%, not 30%", "22%
/// instead of 30%", "not 30% but 22%", "down from 30% to 22%". A figure is a word with a
/// digit in it. `None` when the text corrects no figure.
pub(crate) fn corrected_figure(text: &str) -> Option<(String, String)> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let trim = |word: &str| -> String {
        word.trim_matches(|c: char| matches!(c, ',' | '.' | ';' | ':' | '(' | ')' | '"'))
            .to_string()
    };
    // A bare number keeps the unit after it: "3 months", "400 euros".
    let figure = |at: usize| -> Option<String> {
        let word = trim(words[at]);
        if !word.chars().any(|c| c.is_ascii_digit()) {
            return None;
        }
        let bare = word
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.');
        let unit = words
            .get(at + 1)
            .filter(|_| bare && !words[at].ends_with([',', '.', ';', ':']))
            .map(|next| trim(next))
            .filter(|next| next.chars().all(char::is_alphabetic) && !next.is_empty());
        Some(match unit {
            Some(unit) if !matches!(unit.as_str(), "not" | "but" | "instead" | "rather" | "to") => {
                format!("{word} {unit}")
            }
            _ => word,
        })
    };
    let before = |at: usize| (at.saturating_sub(4)..at).rev().find_map(figure);
    let after = |at: usize| (at..(at + 4).min(words.len())).find_map(figure);
    for (at, word) in words.iter().enumerate() {
        let word = word.to_lowercase();
        let next = words.get(at + 1).map(|w| w.to_lowercase());
        let (new, old) = match (word.as_str(), next.as_deref()) {
            // "22%, not 30%" or "not 30% but 22%"
            ("not", _) => {
                let old = after(at + 1);
                let but = words[at + 1..]
                    .iter()
                    .position(|w| w.eq_ignore_ascii_case("but"))
                    .map(|p| at + 1 + p);
                let new = match but {
                    Some(but) if but <= at + 4 => after(but + 1),
                    _ => before(at),
                };
                (new, old)
            }
            ("instead", Some("of")) | ("rather", Some("than")) => (before(at), after(at + 2)),
            // "down from 30% to 22%" or "22%, down from 30%"
            ("down" | "up", Some("from")) => {
                let old = after(at + 2);
                let to = words[at + 2..]
                    .iter()
                    .position(|w| w.eq_ignore_ascii_case("to"))
                    .map(|p| at + 2 + p)
                    .filter(|to| *to <= at + 5);
                let new = match to {
                    Some(to) => after(to + 1),
                    None => before(at),
                };
                (new, old)
            }
            _ => continue,
        };
        if let (Some(new), Some(old)) = (new, old)
            && new != old
        {
            return Some((new, old));
        }
    }
    None
}

/// Words that name a time on a calendar: a day, a month (and its short form), a week or a
/// quarter. A lowercase word is compared.
pub(crate) fn is_time_word(word: &str) -> bool {
    const TIME_WORDS: &[&str] = &[
        "today",
        "tomorrow",
        "tonight",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "week",
        "weeks",
        "month",
        "months",
        "quarter",
    ];
    TIME_WORDS.contains(&word)
}

/// Whether a pro or con is about money: a price, a fee, a budget, an amount in a currency.
pub(crate) fn is_money(text: &str) -> bool {
    const MONEY: &[&str] = &[
        "cost",
        "costs",
        "costly",
        "price",
        "prices",
        "priced",
        "pricey",
        "expensive",
        "fee",
        "fees",
        "budget",
        "spend",
        "licence",
        "license",
        "licences",
        "licenses",
        "bill",
        "invoice",
        "salary",
        "euros",
        "dollars",
        "pounds",
        "subscription",
    ];
    text.contains(['€', '$', '£'])
        || text
            .split(|c: char| !c.is_alphanumeric())
            .any(|word| MONEY.contains(&word.to_lowercase().as_str()))
}

/// Whether `reason` already says `item`: most of the item's own words (longer than three
/// letters) are in it. A pro the "because" gave is not worth a second line.
pub(crate) fn said_in(item: &str, reason: &str) -> bool {
    let words = |text: &str| -> Vec<String> {
        text.split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.chars().count() > 3)
            .map(str::to_lowercase)
            .collect()
    };
    let own = words(item);
    let reason = words(reason);
    let said = own.iter().filter(|w| reason.contains(w)).count();
    !own.is_empty() && said * 4 >= own.len() * 3
}

/// `reason` without the parts that `other`, said beside it, already says: "it's simpler,
/// we can ship it in 1 week instead of 3, and it's easier to change later" beside "the
/// link is ready in 1 week instead of 3" keeps "it's simpler and it's easier to change
/// later". A message that gives both says each thing once. Empty when every part is said.
pub(crate) fn reason_beyond(reason: &str, other: &str) -> String {
    let parts: Vec<&str> = reason
        .split(", ")
        .map(|part| part.strip_prefix("and ").unwrap_or(part))
        .collect();
    let kept: Vec<&str> = parts
        .iter()
        .copied()
        .filter(|part| !said_in(part, other) && !shares_a_run(part, other, 4))
        .collect();
    if kept.len() == parts.len() {
        return reason.to_string();
    }
    match kept.as_slice() {
        [] => String::new(),
        [one] => (*one).to_string(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// Whether `text` and `other` share `run` words in a row (case and punctuation aside).
fn shares_a_run(text: &str, other: &str, run: usize) -> bool {
    let words = |text: &str| -> Vec<String> {
        text.split(|c: char| !c.is_alphanumeric() && c != '\'')
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let (own, other) = (words(text), words(other));
    own.windows(run)
        .any(|window| other.windows(run).any(|theirs| theirs == window))
}

/// A first step after "First step:", without the "first" the lead may have said again:
/// "move one read path first, behind a flag" reads "move one read path, behind a flag".
/// "First" as an adjective ("write the first test") stays.
pub(crate) fn step(text: &str) -> String {
    const DETERMINERS: &[&str] = &[
        "the", "a", "our", "its", "their", "his", "her", "my", "your", "this", "that", "at",
        "come", "comes",
    ];
    let text = text.trim();
    let text = ["First, ", "first, ", "First ", "first "]
        .iter()
        .find_map(|lead| text.strip_prefix(lead))
        .filter(|rest| !rest.is_empty())
        .unwrap_or(text);
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(" first") {
        let after = &rest[at + " first".len()..];
        let previous = rest[..at]
            .rsplit(' ')
            .next()
            .unwrap_or_default()
            .to_lowercase();
        let ends_phrase = after.is_empty()
            || after.starts_with([',', ';', '.'])
            || after.starts_with(" and ")
            || after.starts_with(" then ");
        out.push_str(&rest[..at]);
        if !ends_phrase || DETERMINERS.contains(&previous.as_str()) {
            out.push_str(" first");
        }
        rest = after;
    }
    out.push_str(rest);
    out
}

/// Text said to the team in the team's own voice: "the team already runs it" reads "we
/// already run it", "nobody on the team" reads "none of us", "the team's" reads "our".
pub(crate) fn ours(text: &str) -> String {
    let mut out = text.to_string();
    for (from, to) in [
        ("nobody on the team", "none of us"),
        ("Nobody on the team", "None of us"),
        ("no one on the team", "none of us"),
        ("No one on the team", "None of us"),
        ("everyone on the team", "all of us"),
        ("Everyone on the team", "All of us"),
        ("anyone on the team", "any of us"),
        ("the team's", "our"),
        ("The team's", "Our"),
    ] {
        out = out.replace(from, to);
    }
    let words: Vec<&str> = out.split(' ').collect();
    let mut result: Vec<String> = Vec::with_capacity(words.len());
    let mut i = 0;
    while i < words.len() {
        let is_team = |at: usize| {
            words.get(at).is_some_and(|w| w.eq_ignore_ascii_case("the"))
                && words.get(at + 1).is_some_and(|w| *w == "team")
        };
        if is_team(i) {
            let capital = words[i].starts_with('T');
            // The verb after "the team" (maybe after an adverb) tells a subject.
            let mut at = i + 2;
            let mut adverbs: Vec<&str> = Vec::new();
            while words.get(at).is_some_and(|w| ADVERBS.contains(w)) {
                adverbs.push(words[at]);
                at += 1;
            }
            let verb = words.get(at).copied().unwrap_or_default();
            let plural = plural_verb(verb);
            if let Some(plural) = plural {
                result.push(if capital { "We" } else { "we" }.to_string());
                result.extend(adverbs.iter().map(|a| (*a).to_string()));
                result.push(plural);
                i = at + 1;
                continue;
            }
            result.push(if capital { "Our" } else { "our" }.to_string());
            result.push("team".to_string());
            i += 2;
            continue;
        }
        result.push(words[i].to_string());
        i += 1;
    }
    result.join(" ")
}

/// The "we" form of a verb after "the team": "runs" is "run", "has" is "have"; `None` when
/// the word is not a verb of that shape.
fn plural_verb(word: &str) -> Option<String> {
    let (core, tail) = split_punctuation(word);
    let lower = core.to_lowercase();
    let plural = match lower.as_str() {
        "has" => "have".to_string(),
        "is" => "are".to_string(),
        "was" => "were".to_string(),
        "does" => "do".to_string(),
        "goes" => "go".to_string(),
        "can" | "could" | "will" | "would" | "should" | "must" | "may" | "might" => lower,
        _ if lower.ends_with('s') && (FINITE.contains(&lower.as_str()) || is_verb_form(&lower)) => {
            if ["sses", "shes", "ches", "xes", "zes"]
                .iter()
                .any(|e| lower.ends_with(e))
            {
                lower[..lower.len() - 2].to_string()
            } else if lower.ends_with("ies") {
                format!("{}y", &lower[..lower.len() - 3])
            } else {
                lower[..lower.len() - 1].to_string()
            }
        }
        _ => return None,
    };
    Some(format!("{plural}{tail}"))
}

fn split_punctuation(word: &str) -> (&str, &str) {
    let end = word
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_alphanumeric())
        .map_or(0, |(i, c)| i + c.len_utf8());
    word.split_at(end)
}

/// The sentences a message builds its bottom line from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Lines {
    /// "We've chosen PostgreSQL as the database for the orders service".
    pub decided: Option<String>,
    /// "We'll choose the database for the orders service by Friday 11 December".
    pub deciding: String,
    /// "We lean towards Vendor A as the vendor for order search".
    pub leaning: Option<String>,
    /// "the decision on the database for the orders service".
    pub decision_name: String,
    /// "the proposal on the database for the orders service", for a proposal turned
    /// down: it never was a decision.
    pub proposal_name: String,
}

/// The bottom lines for `subject`, with the chosen (or leaned-towards) option when there is
/// one, `decision` (an adr-tools "We will …") when there is no option, and the date to
/// decide by.
pub(crate) fn lines(
    subject: &Subject,
    chosen: Option<&Choice>,
    proposed: Option<&Choice>,
    decision: Option<&str>,
    decide_by: Option<&str>,
) -> Lines {
    let text = &subject.text;
    let the = definite(text);
    let decided = match (chosen, decision) {
        (Some(choice), _) => Some(decided_line(subject, choice, &the)),
        (None, Some(decision)) => {
            let first = decision.split(". ").next().unwrap_or(decision);
            Some(sentence_case(first.trim().trim_end_matches('.')))
        }
        (None, None) => None,
    };
    let deciding = match (subject.kind, decide_by) {
        (Kind::Thing, Some(date)) => format!("We'll choose {text} by {date}"),
        (Kind::Question, Some(date)) => format!("We'll decide {text} by {date}"),
        (Kind::Action, Some(date)) => format!("We'll decide whether to {text} by {date}"),
        (Kind::Topic | Kind::Title, Some(date)) => format!("We'll decide on {text} by {date}"),
        (Kind::Thing, None) => format!("We haven't chosen {text} yet"),
        (Kind::Question, None) => format!("We haven't decided {text} yet"),
        (Kind::Action, None) => format!("We haven't decided whether to {text} yet"),
        (Kind::Topic | Kind::Title, None) => format!("We haven't decided on {text} yet"),
    };
    let leaning = proposed.map(|choice| {
        let lean = if choice.action {
            format!("our leaning is to {}", choice.text)
        } else {
            format!("we lean towards {}", choice.text)
        };
        match subject.kind {
            Kind::Thing if !choice.action => format!("We lean towards {} as {the}", choice.text),
            Kind::Thing => format!("For {the}, {lean}"),
            Kind::Question | Kind::Topic | Kind::Title => format!("{}, {lean}", on(text)),
            Kind::Action => crate::text::capitalise(&lean),
        }
    });
    let (decision_name, proposal_name) = match subject.kind {
        Kind::Action => (
            format!("the decision to {text}"),
            format!("the proposal to {text}"),
        ),
        Kind::Title => (
            format!("the decision {text}"),
            format!("the proposal {text}"),
        ),
        _ => (
            format!("the decision on {text}"),
            format!("the proposal on {text}"),
        ),
    };
    Lines {
        decided,
        deciding,
        leaning,
        decision_name,
        proposal_name,
    }
}

fn decided_line(subject: &Subject, choice: &Choice, the: &str) -> String {
    let text = &subject.text;
    let what = if choice.action {
        format!("we'll {}", choice.text)
    } else {
        choice.text.clone()
    };
    // A title that is the choice itself ("Adopt FusionCache", chosen "Adopt FusionCache")
    // is said once: "On Adopt FusionCache, we'll adopt FusionCache" says it twice.
    if words_of(text) == words_of(&choice.text) {
        return if choice.action {
            format!("We've decided to {}", choice.text)
        } else {
            format!("We've chosen {}", choice.text)
        };
    }
    match subject.kind {
        Kind::Thing if choice.action => format!("We've chosen {the}: {what}"),
        Kind::Thing => format!("We've chosen {what} as {the}"),
        // "whether we move into one monorepo: a monorepo" says it twice: the answer to a
        // yes-or-no question goes after it.
        Kind::Question if text.starts_with("whether ") || text.starts_with("between ") => {
            if choice.action {
                format!("{}, {what}", on(text))
            } else {
                format!("{}, we've chosen {what}", on(text))
            }
        }
        Kind::Question => format!("We've decided {text}: {what}"),
        Kind::Action => {
            // "Use MADR" with "MADR 4.0.0" chosen: the title already says it.
            let key = words_of(&choice.text)
                .into_iter()
                .find(|w| !DETERMINERS.contains(&w.as_str()))
                .unwrap_or_default();
            if words_of(text).contains(&key) {
                format!("We've decided to {text}")
            } else {
                format!("We've decided to {text}: {what}")
            }
        }
        Kind::Topic | Kind::Title => format!("{}, {}", on(text), {
            if choice.action {
                what
            } else {
                format!("we've chosen {what}")
            }
        }),
    }
}

/// The bottom line of a decision whose record says what was decided in no words a
/// message can use: what it settled, and for anything but an action (which says it
/// whole) where the details are. Never the title quoted as if it were the decision.
pub(crate) fn decided_on(subject: &Subject) -> String {
    const DETAILS: &str = "the details are in the decision record";
    let text = &subject.text;
    match subject.kind {
        Kind::Action => format!("We've decided to {text}"),
        Kind::Question => format!("We've decided {text}; {DETAILS}"),
        Kind::Thing => format!("We've chosen {text}; {DETAILS}"),
        Kind::Topic | Kind::Title => format!("We've made a decision on {text}; {DETAILS}"),
    }
}

/// A decision worded as a proposal ("The proposal is to …", "We propose to …", "We would
/// like to suggest …", "We should …") as what was decided, for a record whose status says
/// it was; `None` when it opens otherwise.
pub(crate) fn as_decided(decision: &str) -> Option<String> {
    const OPENERS: &[(&str, &str)] = &[
        ("The decision is to ", "We've decided to "),
        ("The decisions is to ", "We've decided to "),
        ("The decision is that ", "We've decided that "),
        ("The decision was made to ", "We've decided to "),
        ("The proposal is to ", "We've decided to "),
        ("The proposed solution is to ", "We've decided to "),
        ("It is proposed to ", "We've decided to "),
        ("It is proposed that ", "We've decided that "),
        ("We propose to ", "We've decided to "),
        ("We propose that ", "We've decided that "),
        ("We would like to suggest ", "We've decided on "),
        ("We would like to propose ", "We've decided on "),
        ("We propose ", "We've decided on "),
        ("We suggest ", "We've decided on "),
        ("We should ", "We'll "),
    ];
    OPENERS.iter().find_map(|(opener, decided)| {
        let rest = decision.strip_prefix(opener)?;
        Some(format!("{decided}{rest}"))
    })
}

/// Whether a title is a sentence that states something ("Deprecated functions do not have
/// examples", "The storage library retries all operations."): a verb after its first
/// word, or a full stop at its end; never a question.
pub(crate) fn is_statement(title: &str) -> bool {
    const AUXILIARIES: &[&str] = &[
        "is", "are", "was", "were", "will", "won't", "should", "shall", "must", "can", "cannot",
        "can't", "does", "doesn't", "do", "don't", "has", "have", "may", "need", "needs", "isn't",
        "aren't",
    ];
    let title = title.trim();
    let words = words_of(title);
    let Some(first) = words.first() else {
        return false;
    };
    if title.ends_with('?') || QUESTION_WORDS.contains(&first.as_str()) || is_action(title) {
        return false;
    }
    let verb = words
        .iter()
        .skip(1)
        .any(|word| AUXILIARIES.contains(&word.as_str()));
    verb || (title.ends_with('.') && words.len() >= 3)
}

/// What opens a sentence about `text`: "On how we run the demo", "Between monorepo and
/// polyrepo".
fn on(text: &str) -> String {
    if text.starts_with("between ") {
        crate::text::capitalise(text)
    } else {
        format!("On {text}")
    }
}

/// An open item as a sentence names it ("we're finding out {item}", "Can someone look into
/// {item}?"): a bare singular noun phrase takes "the" ("the latency budget", "the managed
/// event log price at our volume"); a plural, a name, a gerund, a question ("whether …"),
/// a clause, or an item that already opens with an article, a possessive or a number stays
/// as written.
pub(crate) fn open_item(item: &str) -> String {
    let item = item.trim();
    let words = words_of(item);
    let Some(first) = words.first().map(String::as_str) else {
        return item.to_string();
    };
    let opening = item.split_whitespace().next().unwrap_or_default();
    let named = opening.chars().next().is_some_and(char::is_uppercase);
    let determined = DETERMINERS.contains(&first)
        || first.chars().next().is_some_and(|c| c.is_ascii_digit())
        || matches!(first, "his" | "her" | "whose" | "which" | "what");
    let head = words
        .iter()
        .take_while(|w| !PREPOSITIONS.contains(&w.as_str()))
        .last()
        .map_or(first, String::as_str);
    let plural = (head.len() > 3
        && head.ends_with('s')
        && !head.ends_with("ss")
        && !head.ends_with("us")
        && !head.ends_with("is"))
        || matches!(head, "people" | "children" | "data");
    // "legal signs the contract", "prices can change": a verb of its own makes a clause.
    let clause = words.iter().enumerate().skip(1).any(|(index, word)| {
        let next = words.get(index + 1).map_or("", String::as_str);
        matches!(
            word.as_str(),
            "is" | "are"
                | "was"
                | "were"
                | "can"
                | "could"
                | "will"
                | "would"
                | "should"
                | "must"
                | "may"
                | "might"
                | "does"
                | "do"
                | "did"
                | "has"
                | "have"
                | "had"
        ) || SUBJECTS.contains(&word.as_str())
            || (word.ends_with('s') && DETERMINERS.contains(&next))
    });
    let bare = !named
        && !determined
        && !plural
        && !clause
        && !first.ends_with("ing")
        && !QUESTION_WORDS.contains(&first)
        && !SUBJECTS.contains(&first)
        && !first.ends_with('?');
    if bare {
        format!("the {item}")
    } else {
        item.to_string()
    }
}

/// Whether `subject` is a choice between alternatives ("whether to hire a permanent
/// engineer or bring in a contractor") that already names `choice` ("a contractor for six
/// months"): a sentence that proposes the choice then says what was asked without it.
pub(crate) fn offers(subject: &str, choice: &str) -> bool {
    let subject = words_of(subject);
    let alternatives = subject
        .first()
        .is_some_and(|w| w == "whether" || w == "between")
        && subject.iter().any(|w| w == "or" || w == "and");
    alternatives
        && words_of(choice)
            .iter()
            .take_while(|w| !PREPOSITIONS.contains(&w.as_str()))
            .filter(|w| w.len() > 3)
            .any(|w| subject.contains(w))
}

/// "ready in 1 week instead of 3" said to a reader who never heard of the 3: the bare
/// number gets its unit and what it was ("instead of 3 weeks for the other approach").
/// A number that has its unit already, or no unit before it to borrow, stays as written.
/// Short (`long` false), it gets its unit alone ("instead of 3 weeks").
pub(crate) fn instead_of_said(text: &str, long: bool) -> String {
    let words: Vec<&str> = text.split(' ').collect();
    let mut out: Vec<String> = Vec::with_capacity(words.len());
    for (index, word) in words.iter().enumerate() {
        let (bare, mark) = split_punctuation(word);
        let after_instead_of = index >= 2
            && words[index - 1].eq_ignore_ascii_case("of")
            && words[index - 2].eq_ignore_ascii_case("instead");
        // The unit of the number before "instead of": "1 week", "2 days".
        let unit = (index >= 4 && words[index - 4].chars().all(|c| c.is_ascii_digit()))
            .then(|| words[index - 3])
            .filter(|unit| is_time_unit(unit));
        // "instead of 3 weeks": a word after the number, not one that joins the next
        // phrase ("instead of 3 and it's easier"), is its unit.
        let has_unit = mark.is_empty()
            && words.get(index + 1).is_some_and(|w| {
                !w.is_empty()
                    && !matches!(
                        *w,
                        "and" | "or" | "but" | "so" | "because" | "while" | "when"
                    )
            });
        let number = !bare.is_empty() && bare.chars().all(|c| c.is_ascii_digit()) && !has_unit;
        match unit {
            Some(unit) if after_instead_of && number => {
                let unit = unit.trim_end_matches('s');
                let plural = if bare == "1" { "" } else { "s" };
                let what = if long { " for the other approach" } else { "" };
                out.push(format!("{bare} {unit}{plural}{what}{mark}"));
            }
            _ => out.push((*word).to_string()),
        }
    }
    out.join(" ")
}

/// "week", "days": a unit of working time.
fn is_time_unit(word: &str) -> bool {
    matches!(
        word.trim_end_matches('s'),
        "hour" | "day" | "week" | "month" | "sprint" | "quarter" | "year"
    )
}

/// "a vendor for order search" chosen is "the vendor for order search".
fn definite(text: &str) -> String {
    for article in ["a ", "an "] {
        if let Some(rest) = text.strip_prefix(article) {
            return format!("the {rest}");
        }
    }
    text.to_string()
}

/// A pro, con, gain or risk put after "it" or "it is": a first word written with a capital
/// only because it started the record's item ("Customizable without code", "Could make
/// caching too easy") loses it; a name or acronym (`PostgreSQL`, `AWS`) keeps it.
fn after_subject(text: &str) -> String {
    let first = text.split_whitespace().next().unwrap_or_default();
    let mut letters = first.chars();
    let capitalised_word = letters.next().is_some_and(char::is_uppercase)
        && letters.clone().next().is_some()
        && letters.all(|c| c.is_lowercase() || !c.is_alphabetic());
    if capitalised_word {
        let mut chars = text.chars();
        chars
            .next()
            .map(|c| c.to_lowercase().chain(chars).collect())
            .unwrap_or_default()
    } else {
        text.to_string()
    }
}

/// A record's decision as the start of a sentence: a first word in lower case is given its
/// capital ("restructure the votes" → "Restructure the votes"), unless it is short or
/// written as a name would be (`npm`, `gRPC`, `iOS`), which keep theirs.
pub(crate) fn sentence_case(text: &str) -> String {
    let first = text.split_whitespace().next().unwrap_or_default();
    if first.len() > 3 && first.bytes().all(|b| b.is_ascii_lowercase()) {
        crate::text::capitalise(text)
    } else {
        text.to_string()
    }
}

/// A person's name as typed in an answer ("sam"), as titles and messages say it ("Sam"):
/// a one-word name typed all in lower case gets a capital first letter, and nothing else
/// changes. A name written with its own capitals ("de Vries", "McKay") keeps them, and
/// several words in lower case are more likely a group ("the support team") than a
/// name, so they stay as typed.
pub(crate) fn person_name(text: &str) -> String {
    let name = text.trim();
    if name.chars().any(char::is_uppercase) || name.contains(char::is_whitespace) {
        name.to_string()
    } else {
        crate::text::capitalise(name)
    }
}

/// Weekday names, which open every date a message says ("Tuesday 15 December").
const WEEKDAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// Words that open a clause inside a noun phrase ("the service that passes orders on").
const RELATIVE_PRONOUNS: &[&str] = &["that", "which", "who", "whose"];

/// `text` with a date after "by" set apart by a comma where the phrase before it ends in a
/// clause of its own: "choose the service that passes orders on by Tuesday" reads as if
/// Tuesday were part of what the service does; "…passes orders on, by Tuesday" does not.
/// A phrase with no such clause ("choose a vendor by Tuesday") is left as it is.
pub(crate) fn date_set_apart(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut rest = text;
    while let Some(at) = rest.find(" by ") {
        let (before, after) = rest.split_at(at);
        out.push_str(before);
        let dated = WEEKDAYS
            .iter()
            .any(|day| after[" by ".len()..].starts_with(day));
        if dated && ends_in_a_clause(&out) {
            out.push(',');
        }
        out.push_str(" by ");
        rest = &after[" by ".len()..];
    }
    out.push_str(rest);
    out
}

/// How far back from a date a phrase's clause is looked for.
const CLAUSE_LOOK_BACK_CHARS: usize = 160;

/// Words that open a noun phrase, which a relative clause can then describe.
const NOUN_PHRASE_OPENERS: &[&str] = &["the", "a", "an", "our", "their", "its", "your", "my"];

/// Whether the phrase that ends `text` (since its last comma, colon or sentence break)
/// holds a relative clause: "that", "which" or "who" after a noun phrase ("the service
/// that …"), not a question word after a verb ("tells us which matters more").
fn ends_in_a_clause(text: &str) -> bool {
    // A phrase and its clause are a few words: looking back further would cost time in
    // proportion to the text for every "by" in it.
    let near = text
        .char_indices()
        .rev()
        .nth(CLAUSE_LOOK_BACK_CHARS)
        .map_or(text, |(at, _)| &text[at..]);
    let phrase = near
        .rsplit(['.', ',', ':', ';', '?', '!', '\n', '(', '"'])
        .next()
        .unwrap_or_default();
    let words: Vec<String> = phrase.split_whitespace().map(str::to_lowercase).collect();
    words.iter().enumerate().any(|(at, word)| {
        let noun_before = words[at.saturating_sub(4)..at]
            .iter()
            .any(|w| NOUN_PHRASE_OPENERS.contains(&w.as_str()))
            && at > 0
            && !NOUN_PHRASE_OPENERS.contains(&words[at - 1].as_str());
        RELATIVE_PRONOUNS.contains(&word.as_str()) && noun_before
    })
}

/// Verbs a lead starts a plan with ("keep polyrepo and automate the upgrades", "refund the
/// 40 customers"), in the base form.
const PLAN_VERBS: &[&str] = &[
    "add", "adopt", "ask", "automate", "build", "buy", "cancel", "change", "check", "contact",
    "cut", "delay", "drop", "extend", "fall", "fix", "give", "go", "hire", "hold", "keep", "let",
    "limit", "make", "merge", "migrate", "move", "offer", "pause", "pay", "publish", "put",
    "raise", "rebuild", "reduce", "refund", "remove", "reopen", "replace", "restore", "resend",
    "retry", "return", "revert", "rewrite", "roll", "run", "send", "set", "ship", "split", "start",
    "stay", "stop", "switch", "take", "tell", "try", "turn", "undo", "use", "waive", "write",
];

/// A plan the lead wrote as it follows "we'll" ("keep polyrepo", "refund the customers"),
/// without a "we'll" they wrote themselves; `None` when it names a thing instead ("the
/// event queue"), which reads after "switch to" or "commit to".
pub(crate) fn as_plan(text: &str) -> Option<String> {
    let text = text.trim().trim_end_matches(['.', '!', ';', ',']).trim();
    let lower = text.to_lowercase();
    let text = ["we'll ", "we will ", "we ", "i'll ", "i will "]
        .iter()
        .find(|we| lower.starts_with(*we))
        .map_or(text, |we| text[we.len()..].trim_start());
    let first = text
        .split_whitespace()
        .next()
        .unwrap_or_default()
        .to_lowercase();
    PLAN_VERBS
        .contains(&first.as_str())
        .then(|| lower_first_unless_name(text))
}

/// The change a yes-or-no question asks about, as it follows "we'll": "whether we move our
/// services into one repository" gives "move our services into one repository". `None`
/// for any other subject, for a question that is not a plan ("whether we should …"), and
/// for one whose yes keeps things as they are ("whether we keep polyrepo").
pub(crate) fn whether_plan(subject: &str) -> Option<String> {
    const KEEPING: &[&str] = &["keep", "stay", "hold"];
    let subject = subject.trim();
    let lower = subject.to_lowercase();
    let asked = ["whether we ", "whether to "]
        .iter()
        .find(|opening| lower.starts_with(*opening))?;
    let plan = as_plan(&subject[asked.len()..])?;
    let verb = plan.split_whitespace().next()?.to_lowercase();
    (!KEEPING.contains(&verb.as_str())).then_some(plan)
}

/// `text` with a lower-case first letter, unless its first word is a name ("Kafka",
/// "PostgreSQL", "ORM"): capitals inside, or a single capital letter.
fn lower_first_unless_name(text: &str) -> String {
    let first = text.split_whitespace().next().unwrap_or_default();
    if first.chars().skip(1).any(char::is_uppercase) || first.chars().count() == 1 {
        return text.to_string();
    }
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_lowercase().chain(chars).collect())
        .unwrap_or_default()
}

/// How an approach reads inside a sentence ("I'm going with ..."), as the episode says
/// "approach A": a one-word name stays as written ("Monorepo", "Kafka"); a name with its
/// own article keeps it ("the event queue"); an action is quoted, as no article fits it
/// ("Keep polyrepo"); any other is "the ... approach" ("the direct API call approach"),
/// which reads right whether the name is a product, a description or a mass noun.
pub(crate) fn approach(name: &str) -> String {
    let name = name.trim();
    let words: Vec<&str> = name.split_whitespace().collect();
    let Some(first) = words.first() else {
        return String::new();
    };
    let first_lower = first.to_lowercase();
    if matches!(first_lower.as_str(), "the" | "a" | "an" | "our") {
        return format!("{first_lower}{}", &name[first.len()..]);
    }
    if words.len() == 1 {
        return name.to_string();
    }
    if as_plan(name).is_some() {
        return format!("\"{name}\"");
    }
    let lower = name.to_lowercase();
    if lower.contains("approach") || lower.contains("option") {
        return name.to_string();
    }
    // "the direct API call approach": a common word keeps no capital mid-sentence; a name
    // ("the Stripe Checkout approach") does.
    format!("the {} approach", inserted(name))
}

#[cfg(test)]
mod tests;

/// Verbs a problem is said with ("logins fail", "the page times out"), which "since" turns
/// into what has been going on.
const PROBLEM_VERBS: &[&str] = &[
    "fail", "crash", "break", "lag", "hang", "drop", "stall", "return", "show", "load", "work",
    "run", "time", "error", "freeze", "bounce", "reject", "go", "miss", "arrive", "queue",
];

/// A problem said in the present with "since", as the lead types it ("logins fail for some
/// customers since this morning"), said as what has been going on since then: "logins have
/// been failing for some customers since this morning", "search is down since 9:00" reads
/// "search has been down since 9:00", "the export doesn't work since Monday" reads "the
/// export hasn't worked since Monday". Anything else is left as written.
pub(crate) fn since_tense(text: &str) -> String {
    let Some(at) = text.find(" since ") else {
        return text.to_string();
    };
    let (head, tail) = text.split_at(at);
    let words: Vec<&str> = head.split(' ').collect();
    // An auxiliary is the verb wherever it stands: in "load times are high", "times" is
    // a noun.
    let auxiliary = |w: &&str| {
        matches!(
            w.to_lowercase().as_str(),
            "is" | "are"
                | "was"
                | "were"
                | "has"
                | "have"
                | "had"
                | "hasn't"
                | "haven't"
                | "doesn't"
                | "don't"
        )
    };
    let start = words
        .iter()
        .skip(1)
        .position(auxiliary)
        .map_or(1, |at| at + 1);
    for (index, word) in words.iter().enumerate().skip(start) {
        let lower = word.to_lowercase();
        let next = words.get(index + 1).map(|w| w.to_lowercase());
        let (said, used) = match (lower.as_str(), next.as_deref()) {
            ("was" | "were" | "has" | "have" | "had" | "hasn't" | "haven't", _) => {
                return text.to_string();
            }
            ("is", _) => ("has been".to_string(), 1),
            ("are", _) => ("have been".to_string(), 1),
            ("doesn't" | "don't", Some(verb)) if PROBLEM_VERBS.contains(&verb) => {
                let have = if lower == "doesn't" {
                    "hasn't"
                } else {
                    "haven't"
                };
                (format!("{have} {}", past_participle(verb)), 2)
            }
            (verb, _) if PROBLEM_VERBS.contains(&verb) => (format!("have been {}", ing(verb)), 1),
            (verb, _) => match third_person_base(verb) {
                Some(base) => (format!("has been {}", ing(base)), 1),
                None => continue,
            },
        };
        let mut out: Vec<String> = words[..index].iter().map(|w| (*w).to_string()).collect();
        out.push(said);
        out.extend(words[index + used..].iter().map(|w| (*w).to_string()));
        return format!("{}{tail}", out.join(" "));
    }
    text.to_string()
}

/// The base of a problem verb in -s or -es ("fails", "crashes", "times"), if it is one.
fn third_person_base(word: &str) -> Option<&'static str> {
    let stripped = [word.strip_suffix("es"), word.strip_suffix('s')];
    stripped
        .into_iter()
        .flatten()
        .find_map(|base| PROBLEM_VERBS.iter().find(|verb| **verb == base).copied())
}

/// "fail" → "failing", "time" → "timing", "run" → "running".
fn ing(verb: &str) -> String {
    if matches!(verb, "run" | "drop" | "lag" | "stop" | "ship") {
        let last = verb.chars().last().unwrap_or_default();
        format!("{verb}{last}ing")
    } else if let Some(stem) = verb.strip_suffix('e').filter(|stem| !stem.ends_with('e')) {
        format!("{stem}ing")
    } else {
        format!("{verb}ing")
    }
}

/// "work" → "worked", "arrive" → "arrived", "load" → "loaded": after "hasn't".
fn past_participle(verb: &str) -> String {
    match verb {
        "run" => "run".to_string(),
        "go" => "gone".to_string(),
        "break" => "broken".to_string(),
        "show" => "shown".to_string(),
        "freeze" => "frozen".to_string(),
        "hang" => "hung".to_string(),
        "drop" | "lag" | "stop" => format!("{verb}{}ed", verb.chars().last().unwrap_or_default()),
        _ if verb.ends_with('e') => format!("{verb}d"),
        _ => format!("{verb}ed"),
    }
}
