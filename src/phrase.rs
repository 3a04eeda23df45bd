//! How an answer reads inside a sentence a template writes around it. A plan the lead
//! wrote ("keep polyrepo and automate the upgrades", "refund the 40 customers") follows
//! "we'll" as it is, while a thing ("the event queue") follows "switch to"; an approach's
//! name keeps or gets the article the sentence needs. Templates that splice answers into
//! sentences use these, so they never build "we'll switch to keep polyrepo".

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
        .then(|| lower_first(text))
}

/// `text` with a lower-case first letter, unless its first word is a name ("Kafka",
/// "PostgreSQL", "ORM"): capitals inside, or a single capital letter.
fn lower_first(text: &str) -> String {
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
/// ("Keep polyrepo"); any other is "the ... approach" ("the Direct API call approach"),
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
    format!("the {name} approach")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plan_reads_after_we_will_or_is_a_thing() {
        let cases = [
            (
                "keep polyrepo and automate the upgrades",
                Some("keep polyrepo and automate the upgrades"),
            ),
            (
                "Refund the 40 customers by Friday.",
                Some("refund the 40 customers by Friday"),
            ),
            (
                "We'll switch to the event queue",
                Some("switch to the event queue"),
            ),
            ("we will move to Kafka", Some("move to Kafka")),
            ("the event queue", None),
            ("Event queue", None),
            ("refunds for the 40 customers", None),
            ("", None),
        ];
        for (text, plan) in cases {
            assert_eq!(as_plan(text).as_deref(), plan, "{text:?}");
        }
    }

    #[test]
    fn approaches_read_right_inside_a_sentence() {
        let cases = [
            ("Monorepo", "Monorepo"),
            ("Kafka", "Kafka"),
            ("Direct API call", "the Direct API call approach"),
            ("Plain text", "the Plain text approach"),
            ("The event queue", "the event queue"),
            ("Approach A", "Approach A"),
            ("Keep polyrepo", "\"Keep polyrepo\""),
            ("", ""),
        ];
        for (name, phrase) in cases {
            assert_eq!(crate::phrase::approach(name), phrase, "{name:?}");
        }
    }
}
