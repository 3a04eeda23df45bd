//! A decision too long for a stakeholder's 60 words, said shorter and still whole.
//!
//! Records written by other tools often put the whole decision in a list ("We will use X
//! due to the following: five reasons") or in one long sentence. Copied whole, the
//! message runs to 70–200 words. Said shorter, it keeps the bottom line (the sentence
//! that introduces the list, or for a bare list how many points it has), then as many
//! whole items as fit, then says how many more are in the decision record. Nothing is cut
//! mid-sentence: a sentence with no list loses at most a trailing reason clause (", so
//! …", ", because …"), and one that has none stays as it is, over the budget, for the
//! check to flag.

/// Where a shortened decision says the rest is: plain words for the reader, no path and
/// no record number.
pub(crate) const WHERE_THE_REST_IS: &str = "in the decision record";

/// Whether `sentence` (a clause, with the mark that opens it) only says where the rest of
/// a shortened decision is ("; and two more reasons in the decision record", ": five
/// reasons, all in the decision record"), or where the details of one said in a word are
/// ("; the details are in the decision record"): that is no talk about records in place
/// of the decision, which the message has said.
pub(crate) fn points_to_the_rest(sentence: &str) -> bool {
    let continues = sentence.trim_start().starts_with(';');
    let sentence = sentence
        .trim()
        .trim_start_matches([';', ':', '.', '\n'])
        .trim()
        .trim_end_matches('.')
        .to_lowercase();
    let Some(before) = sentence.strip_suffix(WHERE_THE_REST_IS) else {
        return false;
    };
    let words: Vec<&str> = before.split_whitespace().collect();
    let rest = words.iter().rev().take(3).copied().collect::<Vec<_>>();
    rest.contains(&"more")
        || rest.first() == Some(&"all")
        || before.ends_with("the reasons are ")
        || (continues && before == "the details are ")
}

/// A decision written as a list: the sentence that introduces it (without its colon),
/// when there is one, and the list's items, each whole.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Listed {
    pub lead: Option<String>,
    pub items: Vec<String>,
}

/// The shorter ways to say a decision, longest first, each a whole sentence without its
/// final full stop (the templates add it). `line` is the decision's bottom line as the
/// message says it now (its first sentence); `listed` its list, when it is one; `decided`
/// whether it was decided (a bare list then reads "We've decided on six points", and
/// otherwise "The proposal has six points": the status is never upgraded).
pub(crate) fn shorter(line: &str, listed: Option<&Listed>, decided: bool) -> Vec<String> {
    match listed {
        Some(listed) if !listed.items.is_empty() => shorter_list(listed, decided),
        _ => without_reason_clause(line).into_iter().collect(),
    }
}

fn shorter_list(listed: &Listed, decided: bool) -> Vec<String> {
    let total = listed.items.len();
    let noun = listed.lead.as_deref().and_then(noun_of);
    // What comes before the items: the lead, or what a bare list amounts to.
    let opening = match listed.lead.as_deref() {
        Some(lead) => format!("{lead}:"),
        None if decided => format!("We've decided on {} points, starting with:", number(total)),
        None => format!("The proposal has {} points, starting with:", number(total)),
    };
    let sentences = listed.items.iter().all(|i| i.ends_with(['.', '!', '?']));
    let mut said = Vec::new();
    for keep in (1..=total).rev() {
        let rest = total - keep;
        // Every item said: the opening introduces them all.
        let opening = if rest == 0 {
            opening.replace(", starting with:", ":")
        } else {
            opening.clone()
        };
        let noun = match (rest, noun) {
            (_, None) => String::new(),
            (1, Some((_, singular))) => format!(" {singular}"),
            (_, Some((plural, _))) => format!(" {plural}"),
        };
        let items: Vec<String> = listed.items[..keep]
            .iter()
            .map(|i| without_links(i))
            .collect();
        said.push(if sentences {
            let items = items.join(" ");
            let items = items.trim_end_matches('.');
            let verb = if rest == 1 { "is" } else { "are" };
            if rest == 0 {
                format!("{opening} {items}")
            } else {
                format!(
                    "{opening} {items}. {} more{noun} {verb} {WHERE_THE_REST_IS}",
                    crate::text::capitalise(&number(rest))
                )
            }
        } else {
            let items: Vec<&str> = items
                .iter()
                .map(|i| i.trim_end_matches([',', ';', '.']))
                .collect();
            if rest == 0 {
                format!("{opening} {}", items.join("; "))
            } else {
                format!(
                    "{opening} {}; and {} more{noun} {WHERE_THE_REST_IS}",
                    items.join("; "),
                    number(rest)
                )
            }
        });
    }
    // Nothing but the bottom line, and how many there are.
    said.push(match listed.lead.as_deref() {
        Some(lead) => {
            let noun = match (total, noun) {
                (1, Some((_, singular))) => singular,
                (1, None) => "point",
                (_, Some((plural, _))) => plural,
                (_, None) => "points",
            };
            format!("{lead}: {} {noun}, all {WHERE_THE_REST_IS}", number(total))
        }
        None if decided => format!(
            "We've decided on {} points, all {WHERE_THE_REST_IS}",
            number(total)
        ),
        None => format!(
            "The proposal has {} points, all {WHERE_THE_REST_IS}",
            number(total)
        ),
    });
    said
}

/// Plural and singular of what a list holds, from the sentence that introduces it:
/// "with the following characteristics" holds characteristics, "due to the following"
/// reasons. `None` when the sentence does not say.
fn noun_of(lead: &str) -> Option<(&'static str, &'static str)> {
    const NOUNS: [(&str, &str); 23] = [
        ("reasons", "reason"),
        ("requirements", "requirement"),
        ("characteristics", "characteristic"),
        ("steps", "step"),
        ("changes", "change"),
        ("rules", "rule"),
        ("principles", "principle"),
        ("goals", "goal"),
        ("criteria", "criterion"),
        ("guidelines", "guideline"),
        ("points", "point"),
        ("details", "detail"),
        ("constraints", "constraint"),
        ("properties", "property"),
        ("measures", "measure"),
        ("practices", "practice"),
        ("conventions", "convention"),
        ("consequences", "consequence"),
        ("benefits", "benefit"),
        ("parts", "part"),
        ("features", "feature"),
        ("phases", "phase"),
        ("stages", "stage"),
    ];
    let lower = lead.to_lowercase();
    // A word written with a capital is a name ("GitHub Actions"), not what the list holds.
    let words: Vec<&str> = lead
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.starts_with(|c: char| c.is_lowercase()))
        .collect();
    let named = words
        .iter()
        .rev()
        .find_map(|word| NOUNS.iter().find(|(plural, _)| plural == word).copied());
    if named.is_some() {
        return named;
    }
    let reasons = [
        "due to the following",
        "because of the following",
        "for these",
    ];
    reasons
        .iter()
        .any(|r| lower.contains(r))
        .then_some(("reasons", "reason"))
}

/// One sentence without the reason clause at its end ("…, so that …", "…, because …"),
/// with a pointer to where the reasons are; `None` when it has none, or what is left
/// would be too short to be the bottom line.
fn without_reason_clause(line: &str) -> Option<String> {
    let line = line.trim().trim_end_matches('.');
    // Only a single sentence: the message says the first one already.
    if line.contains(". ") {
        return None;
    }
    let at = [
        ", so that ",
        ", so ",
        ", because ",
        ", since ",
        " in order to ",
    ]
    .iter()
    .filter_map(|clause| line.find(clause))
    .min()?;
    let main = line[..at].trim_end_matches([',', ';', ' ']);
    (main.split_whitespace().count() >= 4)
        .then(|| format!("{main}; the reasons are {WHERE_THE_REST_IS}"))
}

/// An item without the bare links it carries ("<https://…>"): a reader cannot follow them
/// from a message, and the decision record keeps them.
fn without_links(item: &str) -> String {
    let kept: Vec<&str> = item
        .split(' ')
        .filter(|word| {
            let word = word.trim_end_matches(['.', ',', ';']);
            !(word.starts_with("<http") && word.ends_with('>'))
        })
        .collect();
    let mut text = kept.join(" ");
    // "See <a> and <b>." leaves "See and": no dangling joining word.
    while let Some(rest) = [" and", " or", ",", " -"]
        .iter()
        .find_map(|tail| text.trim_end().strip_suffix(tail))
    {
        text = rest.to_string();
    }
    text.trim_end().to_string()
}

/// "five", as a sentence says a count: in words up to twelve.
fn number(n: usize) -> String {
    const WORDS: [&str; 13] = [
        "no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve",
    ];
    WORDS
        .get(n)
        .map_or_else(|| n.to_string(), |w| (*w).to_string())
}
