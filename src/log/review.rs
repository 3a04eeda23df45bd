//! Reviews: which decisions are due, and the three questions a review asks (what happened,
//! did it hold up, what was learnt), at a terminal or from an answers file.

use std::path::Path;

use chrono::NaiveDate;
use serde::Deserialize;

use super::{Depth, read_record};
use crate::error::{Error, Kind, Result};
use crate::record::Record;
use crate::record::edit::Outcome;
use crate::session::terminal_error;
use crate::store;
use crate::yaml;

/// A head scan sees `review-by` but not the outcome sections appended at the end, which
/// may say the review happened or set the next one. Re-read in full the records whose head
/// says they are due, and those with no `review-by` at all (adr-tools and MADR records get
/// their review date only from an outcome). Records whose review lies ahead are skipped, so
/// in our own logs the re-read touches a few files.
pub fn settle_due(records: &mut [Record], today: NaiveDate) -> Vec<Error> {
    let pending: Vec<usize> = records
        .iter()
        .enumerate()
        .filter(|(_, r)| !r.complete && (r.review_by.is_none() || r.review_due(today)))
        .map(|(index, _)| index)
        .collect();
    let paths: Vec<std::path::PathBuf> = pending.iter().map(|&i| records[i].path.clone()).collect();
    let results = super::for_each_file(&paths, |path| read_record(path, Depth::Full));
    let mut problems = Vec::new();
    for (index, result) in pending.into_iter().zip(results) {
        match result {
            // Keep the small head record; only the review dates were missing from it.
            Ok(full) => {
                records[index].review_by = full.review_by;
                records[index].reviewed = full.reviewed;
            }
            Err(error) => problems.push(error),
        }
    }
    problems
}

/// The records due for review on `today`, oldest review date first.
pub fn due(records: &[Record], today: NaiveDate) -> Vec<&Record> {
    let mut due: Vec<&Record> = records.iter().filter(|r| r.review_due(today)).collect();
    due.sort_by_key(|r| (r.review_by, r.number));
    due
}

/// One line per due record: `0007  2027-02-24  (12 days overdue)  Title`.
pub fn due_table(records: &[&Record], today: NaiveDate) -> String {
    let mut out = String::new();
    for record in records {
        let Some(review_by) = record.review_by else {
            continue;
        };
        let days = (today - review_by).num_days();
        let when = match days {
            0 => "due today".to_string(),
            1 => "1 day overdue".to_string(),
            n => format!("{n} days overdue"),
        };
        out.push_str(&format!(
            "{}  {review_by}  {when:<18}  {}\n",
            record.number.map_or("-".to_string(), |n| format!("{n:04}")),
            record.title
        ));
    }
    out
}

/// The answers file of `decide review N --answers FILE`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct AnswersFile {
    happened: String,
    held_up: String,
    learnt: String,
    #[serde(default)]
    next_review: Option<NaiveDate>,
}

pub fn answers_from_file(path: &Path, today: NaiveDate) -> Result<Outcome> {
    let text = store::read_text(path).map_err(|e| Error {
        kind: Kind::Answers,
        ..e
    })?;
    let file: AnswersFile = yaml::parse(&text, path, Kind::Answers)?;
    let outcome = Outcome {
        date: today,
        happened: file.happened,
        held_up: file.held_up,
        learnt: file.learnt,
        next_review: file.next_review,
    };
    check(&outcome).map_err(|(message, hint)| Error::answers(message).in_file(path).hint(hint))?;
    Ok(outcome)
}

/// Every answer must say something, and a next review lies in the future. On failure, what
/// is wrong and how to fix it.
fn check(outcome: &Outcome) -> std::result::Result<(), (String, &'static str)> {
    for (key, value) in [
        ("happened", &outcome.happened),
        ("held_up", &outcome.held_up),
        ("learnt", &outcome.learnt),
    ] {
        if value.trim().is_empty() {
            return Err((
                format!("`{key}` is empty"),
                "answer happened, held_up and learnt",
            ));
        }
    }
    if let Some(next) = outcome.next_review
        && next <= outcome.date
    {
        return Err((
            format!("next_review {next} is not after today ({})", outcome.date),
            "give a later date, or leave next_review out to close the review",
        ));
    }
    Ok(())
}

/// Ask the review's questions on stderr, as `decide new` does.
pub fn ask(record: &Record, today: NaiveDate) -> Result<Outcome> {
    use dialoguer::Input;
    use dialoguer::theme::ColorfulTheme;

    let term = console::Term::stderr();
    let theme = ColorfulTheme::default();
    eprintln!(
        "{}\n",
        console::style(format!("Review: {}", super::link_label(record)))
            .bold()
            .for_stderr()
    );
    let text = |prompt: &str| -> Result<String> {
        // Empty input reaches the validator, which explains, rather than being ignored.
        Input::<String>::with_theme(&theme)
            .with_prompt(prompt)
            .allow_empty(true)
            .validate_with(|text: &String| {
                if text.trim().is_empty() {
                    Err("say something, even \"nothing yet\"")
                } else {
                    Ok(())
                }
            })
            .interact_text_on(&term)
            .map_err(terminal_error)
    };
    let happened = text("What happened since the decision?")?;
    let held_up = text("Did the decision hold up?")?;
    let learnt = text("What did we learn?")?;
    let next: String = Input::<String>::with_theme(&theme)
        .with_prompt("Review again by (YYYY-MM-DD, empty for no further review)")
        .allow_empty(true)
        .validate_with(|text: &String| match text.trim() {
            "" => Ok(()),
            date => match NaiveDate::parse_from_str(date, "%Y-%m-%d") {
                Ok(date) if date > today => Ok(()),
                Ok(_) => Err("give a date after today".to_string()),
                Err(_) => Err("write the date as YYYY-MM-DD".to_string()),
            },
        })
        .interact_text_on(&term)
        .map_err(terminal_error)?;
    Ok(Outcome {
        date: today,
        happened,
        held_up,
        learnt,
        next_review: NaiveDate::parse_from_str(next.trim(), "%Y-%m-%d").ok(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::parse;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn due_means_review_date_reached_and_no_outcome_since() {
        let head = "---\nstatus: accepted\nreview-by: 2027-02-24\n---\n# A\n";
        let cases = [
            (head.to_string(), "2027-02-23", false),
            (head.to_string(), "2027-02-24", true),
            (
                format!("{head}\n## Outcome (2027-02-25)\n\n* What happened: x\n"),
                "2027-06-01",
                false,
            ),
            (
                format!("{head}\n## Outcome (2027-02-25)\n\n* Next review by: 2027-05-01\n"),
                "2027-05-01",
                true,
            ),
            (head.replace("accepted", "superseded"), "2028-01-01", false),
        ];
        for (text, today, expected) in cases {
            let record = parse(Path::new("0001-a.md"), &text).unwrap();
            assert_eq!(record.review_due(day(today)), expected, "{today}: {text}");
        }
    }

    #[test]
    fn answers_are_checked() {
        let today = day("2027-03-01");
        let outcome = |next| Outcome {
            date: today,
            happened: "x".into(),
            held_up: "yes".into(),
            learnt: " ".into(),
            next_review: next,
        };
        assert_eq!(check(&outcome(None)).unwrap_err().0, "`learnt` is empty");
        let mut fine = outcome(Some(day("2027-03-02")));
        fine.learnt = "y".into();
        assert_eq!(check(&fine), Ok(()));
        fine.next_review = Some(today);
        let (message, hint) = check(&fine).unwrap_err();
        assert!(
            message.contains("is not after today") && hint.contains("leave next_review out"),
            "{message} {hint}"
        );
    }

    #[test]
    fn due_lines_say_how_late() {
        let record = parse(
            Path::new("0004-a.md"),
            "---\nstatus: accepted\nreview-by: 2027-02-24\n---\n# Use A\n",
        )
        .unwrap();
        assert_eq!(
            due_table(&[&record], day("2027-02-26")),
            "0004  2027-02-24  2 days overdue      Use A\n"
        );
    }
}
