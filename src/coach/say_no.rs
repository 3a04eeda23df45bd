//! Saying no: "Every yes to something new is a no to something existing." The answer to a
//! request is either a no that shows the trade-off, or a yes that names what is dropped; a
//! yes that drops nothing is not an honest answer.

use serde_json::json;

use super::Assessment;
use crate::answer::Duration;

pub(crate) const FRAMEWORK: &str = "say-no";
pub(crate) const TITLE: &str = "Every yes is a no to something";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Answer {
    No,
    Yes,
}

impl Answer {
    pub(crate) fn parse(text: &str) -> Option<Answer> {
        match text.trim().to_lowercase().as_str() {
            "no" => Some(Answer::No),
            "yes" => Some(Answer::Yes),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct Request<'a> {
    /// The planned work the request would push out.
    pub pushes_out: &'a [String],
    /// How much work the request is, if known.
    pub effort: Option<Duration>,
    /// The answer, once given.
    pub answer: Option<Answer>,
    /// What a yes drops, from `pushes_out`.
    pub dropped: &'a [String],
}

fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

pub(crate) fn assess(request: &Request<'_>) -> Assessment {
    let pushed = and_list(request.pushes_out);
    let dropped: Vec<String> = request
        .dropped
        .iter()
        .filter(|d| request.pushes_out.contains(d))
        .cloned()
        .collect();
    let kept: Vec<String> = request
        .pushes_out
        .iter()
        .filter(|p| !dropped.contains(p))
        .cloned()
        .collect();
    let effort = request
        .effort
        .filter(|e| e.amount > 0.0)
        .map(|e| format!(" ({e} of work)"))
        .unwrap_or_default();

    let (shape, verdict, reasoning) = match (request.pushes_out.is_empty(), request.answer) {
        (true, _) => (
            "unclear",
            "Nothing pushed out? Look at the plan again".to_string(),
            "Every yes to something new is a no to something existing. If nothing would \
             slip, the team has slack nobody has planned; name what it would come from."
                .to_string(),
        ),
        (false, None) => (
            "unclear",
            format!("Saying yes means saying no to {pushed}"),
            format!(
                "The request{effort} would push out {pushed}. Decide which matters more, \
                 and make that trade-off visible in the answer."
            ),
        ),
        (false, Some(Answer::No)) => (
            "no",
            "No, with the trade-off visible".to_string(),
            format!(
                "Say no and show why: it would push out {pushed}. Protecting the team's focus \
                 is part of the job, and the trade-off lets them push back on the priority, \
                 not on you."
            ),
        ),
        (false, Some(Answer::Yes)) if dropped.is_empty() => (
            "unclear",
            "A yes must name what is dropped".to_string(),
            format!(
                "Saying yes pushes out {pushed}. Name what you drop or delay, so nobody \
                 expects both."
            ),
        ),
        (false, Some(Answer::Yes)) => (
            "yes",
            format!("Yes, and drop {}", and_list(&dropped)),
            format!(
                "Say yes and name the cost: drop {} to make room{}.",
                and_list(&dropped),
                if kept.is_empty() {
                    String::new()
                } else {
                    format!(", and keep {} on track", and_list(&kept))
                }
            ),
        ),
    };
    let facts = json!({
        "shape": shape,
        "pushes_out": request.pushes_out,
        "dropped": dropped,
        "kept": kept,
        "effort": request.effort.map(|e| e.to_string()),
    });
    Assessment::new(
        FRAMEWORK,
        TITLE,
        verdict,
        reasoning,
        vec!["yes-is-a-no", "say-no"],
        facts,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answer::Unit;

    fn items(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn answer_shapes() {
        let planned = items(&["the billing migration", "the onboarding fixes"]);
        // (answer, dropped, shape, verdict)
        let cases: Vec<(Option<Answer>, Vec<String>, &str, &str)> = vec![
            (
                None,
                vec![],
                "unclear",
                "Saying yes means saying no to the billing migration and the onboarding fixes",
            ),
            (
                Some(Answer::No),
                vec![],
                "no",
                "No, with the trade-off visible",
            ),
            (
                Some(Answer::Yes),
                vec![],
                "unclear",
                "A yes must name what is dropped",
            ),
            (
                Some(Answer::Yes),
                items(&["the onboarding fixes"]),
                "yes",
                "Yes, and drop the onboarding fixes",
            ),
            // Something dropped that was never in the plan does not count.
            (
                Some(Answer::Yes),
                items(&["a holiday"]),
                "unclear",
                "A yes must name what is dropped",
            ),
        ];
        for (answer, dropped, shape, verdict) in cases {
            let result = assess(&Request {
                pushes_out: &planned,
                effort: Some(Duration::new(3.0, Unit::Weeks)),
                answer,
                dropped: &dropped,
            });
            assert_eq!(result.fact_str("shape"), Some(shape), "{answer:?}");
            assert_eq!(result.verdict, verdict);
            assert!(result.passages.contains(&"yes-is-a-no"));
        }
    }

    #[test]
    fn a_yes_keeps_what_it_does_not_drop() {
        let planned = items(&["A", "B", "C"]);
        let dropped = items(&["B"]);
        let result = assess(&Request {
            pushes_out: &planned,
            effort: None,
            answer: Some(Answer::Yes),
            dropped: &dropped,
        });
        assert_eq!(result.facts["kept"], json!(["A", "C"]));
        assert_eq!(
            result.reasoning,
            "Say yes and name the cost: drop B to make room, and keep A and C on track."
        );
    }

    #[test]
    fn nothing_pushed_out_is_questioned() {
        let result = assess(&Request {
            pushes_out: &[],
            effort: None,
            answer: Some(Answer::Yes),
            dropped: &[],
        });
        assert!(result.verdict.starts_with("Nothing pushed out"));
    }

    #[test]
    fn lists_read_as_prose() {
        assert_eq!(and_list(&items(&[])), "");
        assert_eq!(and_list(&items(&["A"])), "A");
        assert_eq!(and_list(&items(&["A", "B"])), "A and B");
        assert_eq!(and_list(&items(&["A", "B", "C"])), "A, B and C");
    }
}
