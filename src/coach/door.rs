//! One-way or two-way door: "If this turns out to be wrong, how long would it take to undo?"
//! Days: reversible, decide fast. Months: think harder. Weeks: it depends on what makes it
//! hard, and on the lead's own call; until the lead makes one, careful is the default. The
//! review comes when the decision can be judged: after the door's usual time, and after
//! the signal that it was wrong could first be seen.

use chrono::NaiveDate;
use serde_json::json;

use super::units::{add_days, human_date, iso};
use super::{Accepts, Finding, Framework, Input, Inputs, Stance, Verdict};
use crate::answer::{Answer, Duration, Estimate, Kind, OptionItem};

/// Undo estimates below this many days count as "days".
pub(crate) const DAYS_BELOW: f64 = 14.0;
/// Undo estimates from this many days count as "months".
pub(crate) const MONTHS_FROM: f64 = 60.0;

const UNDO: Input = Input {
    name: "undo",
    accepts: Accepts::Question(&[Kind::Duration]),
    required: true,
    about: "how long it would take to undo the decision if it turns out wrong",
    values: &[],
};
const FEELS_ONE_WAY: Input = Input {
    name: "feels_one_way",
    accepts: Accepts::Question(&[Kind::YesNo]),
    required: false,
    about: "whether the decision feels irreversible (flags masquerading doors)",
    values: &[],
};
const HARD_TO_UNDO: Input = Input {
    name: "hard_to_undo",
    accepts: Accepts::Question(&[Kind::Text, Kind::LongText]),
    required: false,
    about: "what makes it hard to undo, when the answer is weeks",
    values: &[],
};
const CLASSIFICATION: Input = Input {
    name: "classification",
    accepts: Accepts::Question(&[Kind::Choice]),
    required: false,
    about: "the lead's own call when the answer is weeks: one-way, two-way, or unsure",
    values: &["one-way", "two-way", "unsure"],
};
const TWO_WAY_PATH: Input = Input {
    name: "two_way_path",
    accepts: Accepts::Question(&[Kind::Text, Kind::LongText]),
    required: false,
    about: "for a one-way door: how it could be made a two-way door (a pilot, a flag, an exit clause)",
    values: &[],
};

const SIGNAL: Input = Input {
    name: "signal",
    accepts: Accepts::Question(&[Kind::Text, Kind::LongText]),
    required: false,
    about: "the signal that the decision was wrong: a time it names (\"next quarter\") says when it can first be seen",
    values: &[],
};
const OPTIONS: Input = Input {
    name: "options",
    accepts: Accepts::Question(&[Kind::Options]),
    required: false,
    about: "the options, with the time each would take to undo when the lead gave it: the door of each is shown, and the leaning option's undo time stands for `undo`",
    values: &[],
};
const LEANING: Input = Input {
    name: "leaning",
    accepts: Accepts::Question(&[Kind::Choice, Kind::Text]),
    required: false,
    about: "the option the door is judged for, among `options`",
    values: &[],
};

const SIGNAL_BY: Input = Input {
    name: "signal_by",
    accepts: Accepts::Question(&[Kind::Date]),
    required: false,
    about: "when the signal that the decision was wrong could first be seen: the review comes after it",
    values: &[],
};

const REVIEW: Input = Input {
    name: "review",
    accepts: Accepts::Question(&[Kind::Date]),
    required: false,
    about: "the review date the lead settled on: one before the signal can show is moved after it, with a warning",
    values: &[],
};

/// How long after its signal can first be seen a review comes, so there is something to
/// look at.
pub(crate) const AFTER_SIGNAL_DAYS: i64 = 7;

pub(crate) static FRAMEWORK: Framework = Framework {
    name: "door-type",
    title: "One-way or two-way door",
    inputs: &[
        UNDO,
        FEELS_ONE_WAY,
        HARD_TO_UNDO,
        CLASSIFICATION,
        TWO_WAY_PATH,
        SIGNAL,
        SIGNAL_BY,
        REVIEW,
        OPTIONS,
        LEANING,
    ],
    facts: &[
        "door",
        "band",
        "undo",
        "undo_days",
        "undo_said",
        "masquerading",
        "judged",
        "hard_to_undo",
        "two_way_path",
        "review_by",
        "review_by_text",
        "signal_by_text",
        "earliest_review",
        "review_asked_text",
        "options",
    ],
    verdicts: &[
        Verdict {
            id: "two-way",
            stance: Stance::Decided,
            passage: "reversible-quickly",
            also: &["undo-test"],
        },
        Verdict {
            id: "masquerading",
            stance: Stance::Decided,
            passage: "doors-masquerading",
            also: &["undo-test", "reversible-quickly"],
        },
        Verdict {
            id: "one-way",
            stance: Stance::Decided,
            passage: "undo-test",
            also: &["reversible-quickly", "one-way-two-way-doors"],
        },
        Verdict {
            id: "weeks-one-way",
            stance: Stance::Decided,
            passage: "reversible-quickly",
            also: &["undo-test"],
        },
        Verdict {
            id: "weeks-two-way",
            stance: Stance::Decided,
            passage: "doors-masquerading",
            also: &["undo-test", "reversible-quickly"],
        },
        Verdict {
            id: "weeks-unsure",
            stance: Stance::Decided,
            passage: "reversible-quickly",
            also: &["undo-test"],
        },
    ],
    warnings: &["review-before-signal"],
    run,
    keeps: &[],
    refuse: None,
    waits: &[],
};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Door {
    TwoWay,
    OneWay,
}

impl Door {
    pub(crate) fn key(self) -> &'static str {
        match self {
            Door::TwoWay => "two-way",
            Door::OneWay => "one-way",
        }
    }

    pub(crate) fn parse(text: &str) -> Option<Door> {
        let text = text.trim().to_lowercase();
        if text.starts_with("two-way") || text.starts_with("two way") {
            Some(Door::TwoWay)
        } else if text.starts_with("one-way") || text.starts_with("one way") {
            Some(Door::OneWay)
        } else {
            None
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Band {
    Days,
    Weeks,
    Months,
}

impl Band {
    pub(crate) fn of(undo: Duration) -> Band {
        let days = undo.days();
        if days < DAYS_BELOW {
            Band::Days
        } else if days < MONTHS_FROM {
            Band::Weeks
        } else {
            Band::Months
        }
    }

    pub(crate) fn key(self) -> &'static str {
        match self {
            Band::Days => "days",
            Band::Weeks => "weeks",
            Band::Months => "months",
        }
    }
}

/// What the lead said about the door besides the undo estimate.
#[derive(Debug, Clone, Default)]
pub(crate) struct DoorAnswers<'a> {
    /// "Does this feel like a one-way door?" Asked when the undo estimate is in days.
    pub feels_one_way: Option<bool>,
    /// "What makes it hard to undo?" Asked when the undo estimate is in weeks.
    pub hard_to_undo: Option<&'a str>,
    /// The lead's own call, asked when the estimate is in weeks; `None` when they made
    /// none (left it unsure, or were not asked).
    pub classification: Option<Door>,
    /// How a one-way door could be made two-way, if the lead sees a way.
    pub two_way_path: Option<&'a str>,
    /// When the signal that it was wrong could first be seen (the review comes after it).
    pub signal_by: Option<NaiveDate>,
}

fn run(inputs: &Inputs<'_>) -> Option<Finding> {
    let options = match inputs.answer(&OPTIONS) {
        Some(Answer::Options(options)) => options.as_slice(),
        _ => &[],
    };
    let leaning = inputs.text(&LEANING);
    let leaning_option = leaning.and_then(|name| options.iter().find(|o| o.name == name));
    // The undo question answered, or else the undo time given with the leaning option's
    // pros and cons (the question is not asked then).
    let estimate = match inputs.answer(&UNDO) {
        Some(Answer::Duration(estimate)) => estimate,
        _ => leaning_option?.undo.as_ref()?,
    };
    let undo = estimate.duration;
    let calendar = inputs.conditions.calendar;
    let today = inputs.today();
    // A signal seen on a day off is looked at on the next working day; a signal that says
    // its own time ("two incidents next quarter") needs no date typed again.
    let signal_by = inputs
        .date(&SIGNAL_BY)
        .or_else(|| signal_window(inputs.text(&SIGNAL)?, today, calendar))
        .map(|seen| calendar.on_or_after(seen));
    let answers = DoorAnswers {
        feels_one_way: inputs.yes(&FEELS_ONE_WAY),
        hard_to_undo: inputs.text(&HARD_TO_UNDO),
        classification: inputs.text(&CLASSIFICATION).and_then(Door::parse),
        two_way_path: inputs.text(&TWO_WAY_PATH),
        signal_by,
    };
    let periods = inputs.conditions.periods;
    let review = |door: Door| match door {
        Door::TwoWay => periods.two_way_days,
        Door::OneWay => periods.one_way_days,
    };
    // A review before its signal can be seen has nothing to look at: it comes after.
    let mut finding = assess(undo, &answers, today, |door| {
        let usual = calendar.review_day(add_days(today, review(door)));
        signal_by.map_or(usual, |seen| {
            usual.max(calendar.review_day(add_days(seen, AFTER_SIGNAL_DAYS)))
        })
    });
    // "3-4 weeks" is judged as 4 weeks; the record says both.
    finding
        .facts
        .insert("undo_said".to_string(), json!(estimate.said));
    finding = settled_review(finding, signal_by, inputs.date(&REVIEW), today);
    let door = finding.facts.get("door").cloned();
    finding.facts.insert(
        "options".to_string(),
        json!(option_doors(options, leaning, estimate, door)),
    );
    Some(finding)
}

/// A review date the lead settled on before the signal can show has nothing to look at:
/// the review is the date proposed after the signal, everywhere, and the coach says why.
/// `earliest_review` tells the outcome the first date a review may take.
pub(crate) fn settled_review(
    mut finding: Finding,
    signal_by: Option<NaiveDate>,
    asked: Option<NaiveDate>,
    today: NaiveDate,
) -> Finding {
    let Some(seen) = signal_by else {
        return finding;
    };
    finding
        .facts
        .insert("earliest_review".to_string(), json!(iso(seen)));
    let Some(asked) = asked.filter(|asked| *asked < seen) else {
        return finding;
    };
    finding.facts.insert(
        "review_asked_text".to_string(),
        json!(human_date(asked, today)),
    );
    finding.warn(Some("review-before-signal"))
}

/// When a signal described in words could first be seen, from the time it names: "two
/// checkout incidents next quarter" at the quarter's end, "p95 above 400 ms for a week"
/// after a week, "churn up by 15 January" then. The latest time it names counts; `None`
/// when it names none.
pub(crate) fn signal_window(
    signal: &str,
    today: NaiveDate,
    calendar: &dyn crate::answer::WorkingDays,
) -> Option<NaiveDate> {
    use chrono::{Datelike, Months};
    let text = signal.to_lowercase();
    let words: Vec<&str> = text
        .split_whitespace()
        .map(|word| word.trim_matches(|c: char| matches!(c, ',' | '.' | ';' | ':' | ')' | '(')))
        .filter(|word| !word.is_empty())
        .collect();
    let quarter_end = |date: NaiveDate| {
        let last_month = (date.month0() / 3) * 3 + 3;
        NaiveDate::from_ymd_opt(date.year(), last_month, 1)
            .and_then(|first| first.checked_add_months(Months::new(1)))
            .and_then(|next| next.pred_opt())
    };
    let month_end = |date: NaiveDate| {
        NaiveDate::from_ymd_opt(date.year(), date.month(), 1)
            .and_then(|first| first.checked_add_months(Months::new(1)))
            .and_then(|next| next.pred_opt())
    };
    let mut seen: Vec<NaiveDate> = Vec::new();
    for pair in words.windows(2) {
        let named = match pair {
            ["next", "quarter"] => today
                .checked_add_months(Months::new(3))
                .and_then(quarter_end),
            ["this", "quarter"] => quarter_end(today),
            ["next", "month"] => today.checked_add_months(Months::new(1)).and_then(month_end),
            ["this", "month"] => month_end(today),
            ["next", "year"] => NaiveDate::from_ymd_opt(today.year() + 1, 12, 31),
            _ => None,
        };
        seen.extend(named);
    }
    // After "by", "in", "for" ...: the longest run of up to four words that reads as a date
    // or a duration ("by 15 january", "for a week", "within 3 weeks"). A bare number ("down
    // by 20") is an amount, not a time.
    const MARKERS: &[&str] = &["by", "before", "until", "in", "within", "for", "after"];
    for (at, word) in words.iter().enumerate() {
        if !MARKERS.contains(word) {
            continue;
        }
        let longest = (1..=4).rev().find_map(|n| {
            let phrase = words.get(at + 1..at + 1 + n)?.join(" ");
            if !phrase.chars().any(char::is_alphabetic) {
                return None;
            }
            crate::answer::parse_date(&phrase, today, calendar).ok()
        });
        seen.extend(longest.filter(|date| *date >= today));
    }
    seen.extend(named_months(&words, today));
    seen.into_iter().max()
}

/// The times a signal names with a month, wherever they stand: "in the first week of
/// January" (the 7th), "15 January" or "January 15" (that day), "early March" (the 10th),
/// "mid-February" (the 20th), "in January" (its last day). The month is its next
/// occurrence: this month's, or next year's for a month already past. "may" counts only
/// next to a day or after a word that introduces a time ("in May", "by May").
fn named_months(words: &[&str], today: NaiveDate) -> Vec<NaiveDate> {
    use chrono::{Datelike, Months};
    const MONTHS: [&str; 12] = crate::text::MONTH_NAMES;
    let month_of = |word: &str| {
        let word = word.trim_start_matches("mid-");
        MONTHS
            .iter()
            .position(|m| *m == word || (word.len() == 3 && m.starts_with(word) && word != "may"))
    };
    let day = |word: &str| {
        word.trim_end_matches(|c: char| c.is_alphabetic())
            .parse::<u32>()
            .ok()
            .filter(|d| (1..=31).contains(d))
    };
    let mut seen = Vec::new();
    for (at, word) in words.iter().enumerate() {
        let Some(month) = month_of(word) else {
            continue;
        };
        let before = |back: usize| at.checked_sub(back).and_then(|i| words.get(i)).copied();
        let after = words.get(at + 1).copied();
        let day_named = before(1).and_then(day).or_else(|| after.and_then(day));
        let introduced = matches!(
            before(1),
            Some(
                "in" | "by"
                    | "of"
                    | "until"
                    | "before"
                    | "after"
                    | "early"
                    | "mid"
                    | "late"
                    | "end"
            )
        );
        if MONTHS[month] == "may" && day_named.is_none() && !introduced {
            continue;
        }
        let month = month as u32 + 1;
        let year = if month >= today.month() {
            today.year()
        } else {
            today.year() + 1
        };
        let Some(first) = NaiveDate::from_ymd_opt(year, month, 1) else {
            continue;
        };
        let last = first
            .checked_add_months(Months::new(1))
            .and_then(|next| next.pred_opt())
            .unwrap_or(first);
        let on = |d: u32| NaiveDate::from_ymd_opt(year, month, d).unwrap_or(last);
        let week = (before(1) == Some("of") && before(2) == Some("week"))
            .then(|| before(3))
            .flatten();
        let date = match (week, day_named) {
            (Some("first"), _) => on(7),
            (Some("second"), _) => on(14),
            (Some("third"), _) => on(21),
            (Some("fourth"), _) => on(28),
            (_, Some(d)) => on(d),
            _ if before(1) == Some("early") => on(10),
            _ if before(1) == Some("mid") || word.starts_with("mid-") => on(20),
            _ => last,
        };
        if date >= today {
            seen.push(date);
        }
    }
    seen
}

/// Each option's time to undo and door, for the record to compare them, when the lead gave
/// an undo time for an option besides the one leant towards; none otherwise, as one row
/// would only repeat the verdict. The leaning option's door is the verdict's (the lead's
/// own call counts there); another option's follows its undo time alone, and one in weeks
/// is taken as one-way, as the verdict takes it until the lead calls it.
fn option_doors(
    options: &[OptionItem],
    leaning: Option<&str>,
    leaning_undo: &Estimate,
    leaning_door: Option<serde_json::Value>,
) -> Vec<serde_json::Value> {
    let is_leaning = |option: &OptionItem| Some(option.name.as_str()) == leaning;
    if !options.iter().any(|o| !is_leaning(o) && o.undo.is_some()) {
        return Vec::new();
    }
    options
        .iter()
        .map(|option| {
            let undo = if is_leaning(option) {
                Some(leaning_undo)
            } else {
                option.undo.as_ref()
            };
            let door = match undo {
                _ if is_leaning(option) => leaning_door.clone(),
                Some(estimate) => Some(json!(match Band::of(estimate.duration) {
                    Band::Days => "two-way",
                    Band::Weeks => "one-way (no call made)",
                    Band::Months => "one-way",
                })),
                None => None,
            };
            json!({
                "name": option.name,
                "leaning": is_leaning(option),
                "undo": undo.map(|estimate| estimate.duration.to_string()),
                "undo_said": undo.and_then(|estimate| estimate.said.clone()),
                "door": door,
            })
        })
        .collect()
}

/// The door, judged from the undo estimate and the lead's answers. `review_on` gives the
/// review date for a door.
pub(crate) fn assess(
    undo: Duration,
    answers: &DoorAnswers<'_>,
    today: NaiveDate,
    review_on: impl Fn(Door) -> NaiveDate,
) -> Finding {
    let band = Band::of(undo);
    let masquerading = band == Band::Days && answers.feels_one_way == Some(true);
    let (verdict, door) = match band {
        Band::Days if masquerading => ("masquerading", Door::TwoWay),
        Band::Days => ("two-way", Door::TwoWay),
        Band::Months => ("one-way", Door::OneWay),
        Band::Weeks => match answers.classification {
            Some(Door::OneWay) => ("weeks-one-way", Door::OneWay),
            Some(Door::TwoWay) => ("weeks-two-way", Door::TwoWay),
            // No call made: careful is the safe default when reversing is in doubt.
            None => ("weeks-unsure", Door::OneWay),
        },
    };
    let review_by = review_on(door);
    let facts = json!({
        "door": door.key(),
        "band": band.key(),
        "undo": undo.to_string(),
        "undo_days": undo.days(),
        // What was typed, when it said more than `undo`: set by `run`, which has the answer.
        "undo_said": null,
        // Each option's undo time and door: set by `run`, which has the options.
        "options": [],
        "masquerading": masquerading,
        "judged": band == Band::Weeks && answers.classification.is_some(),
        "hard_to_undo": answers.hard_to_undo.map(|t| t.trim_end_matches('.').to_string()),
        "two_way_path": (door == Door::OneWay)
            .then_some(answers.two_way_path)
            .flatten()
            .map(|t| t.trim_end_matches('.').to_string()),
        "review_by": iso(review_by),
        "review_by_text": human_date(review_by, today),
        "signal_by_text": answers.signal_by.map(|d| human_date(d, today)),
        "earliest_review": null,
        "review_asked_text": null,
    });
    Finding::new(verdict, facts)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answer::Unit;
    use crate::coach::ReviewPeriods;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
    }

    fn review(door: Door) -> NaiveDate {
        let periods = ReviewPeriods::default();
        add_days(
            today(),
            match door {
                Door::TwoWay => periods.two_way_days,
                Door::OneWay => periods.one_way_days,
            },
        )
    }

    /// (undo estimate, feels one-way, classification, door, band, verdict, judged)
    type Row = (
        &'static str,
        Option<bool>,
        Option<Door>,
        &'static str,
        &'static str,
        &'static str,
        bool,
    );

    #[rustfmt::skip]
    const VERDICTS: &[Row] = &[
        ("0 days",   None,        None,               "two-way", "days",   "two-way",       false),
        ("4 hours",  None,        None,               "two-way", "days",   "two-way",       false),
        ("3 days",   Some(false), None,               "two-way", "days",   "two-way",       false),
        ("3 days",   Some(true),  None,               "two-way", "days",   "masquerading",  false),
        ("13 days",  Some(true),  None,               "two-way", "days",   "masquerading",  false),
        ("1 week",   None,        None,               "two-way", "days",   "two-way",       false),
        // 14 days is the first "weeks" answer; with no call made, it is treated as one-way.
        ("14 days",  None,        None,               "one-way", "weeks",  "weeks-unsure",  false),
        ("8 weeks",  None,        None,               "one-way", "weeks",  "weeks-unsure",  false),
        ("6 weeks",  None,        Some(Door::OneWay), "one-way", "weeks",  "weeks-one-way", true),
        ("6 weeks",  None,        Some(Door::TwoWay), "two-way", "weeks",  "weeks-two-way", true),
        // Feeling irreversible only flags masquerading when the undo is in days.
        ("3 weeks",  Some(true),  None,               "one-way", "weeks",  "weeks-unsure",  false),
        ("59 days",  None,        None,               "one-way", "weeks",  "weeks-unsure",  false),
        ("60 days",  None,        None,               "one-way", "months", "one-way",       false),
        ("2 months", None,        Some(Door::TwoWay), "one-way", "months", "one-way",       false),
        ("1 year",   Some(true),  None,               "one-way", "months", "one-way",       false),
    ];

    #[test]
    fn verdict_table() {
        for &(undo, feels, class, door, band, verdict, judged) in VERDICTS {
            let undo = Duration::parse(undo).unwrap();
            let answers = DoorAnswers {
                feels_one_way: feels,
                classification: class,
                ..DoorAnswers::default()
            };
            let finding = assess(undo, &answers, today(), review);
            let case = format!("{undo} {feels:?} {class:?}");
            assert_eq!(finding.verdict, verdict, "{case}");
            assert_eq!(finding.fact_str("door"), Some(door), "{case}");
            assert_eq!(finding.fact_str("band"), Some(band), "{case}");
            assert_eq!(finding.facts["judged"], judged, "{case}");
            assert!(FRAMEWORK.verdict(finding.verdict).is_some(), "{case}");
        }
    }

    #[test]
    fn review_date_follows_the_door() {
        let two_way = assess(
            Duration::new(2.0, Unit::Days),
            &DoorAnswers::default(),
            today(),
            review,
        );
        assert_eq!(two_way.fact_str("review_by"), Some("2026-12-26"));
        let one_way = assess(
            Duration::new(6.0, Unit::Months),
            &DoorAnswers::default(),
            today(),
            review,
        );
        assert_eq!(one_way.fact_str("review_by"), Some("2027-02-24"));
    }

    #[test]
    fn a_way_to_make_it_two_way_is_kept_for_one_way_doors_only() {
        let answers = DoorAnswers {
            two_way_path: Some("run a three-month pilot with an exit clause."),
            ..DoorAnswers::default()
        };
        let one_way = assess(Duration::new(6.0, Unit::Months), &answers, today(), review);
        assert_eq!(
            one_way.fact_str("two_way_path"),
            Some("run a three-month pilot with an exit clause")
        );
        let two_way = assess(Duration::new(2.0, Unit::Days), &answers, today(), review);
        assert!(two_way.facts["two_way_path"].is_null());
    }

    #[test]
    fn door_names_parse() {
        assert_eq!(Door::parse("one-way door"), Some(Door::OneWay));
        assert_eq!(Door::parse("Two way"), Some(Door::TwoWay));
        assert_eq!(Door::parse("unsure"), None);
        assert_eq!(Door::parse("revolving"), None);
    }

    #[test]
    fn a_signal_says_when_it_can_first_be_seen() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        let cases = [
            (
                "we still have two or more checkout incidents next quarter",
                date(2027, 3, 31),
            ),
            ("refunds up this quarter", date(2026, 12, 31)),
            ("churn above 2% next month", date(2027, 1, 31)),
            ("checkout p95 above 400 ms for a week", date(2026, 12, 8)),
            (
                "no paying customer on it within 3 weeks",
                date(2026, 12, 22),
            ),
            (
                "the contractor is not on call alone by 15 January",
                date(2027, 1, 15),
            ),
            // The latest time named counts.
            (
                "errors for a week, or churn next quarter",
                date(2027, 3, 31),
            ),
            // A month named anywhere, alone or with a part of it.
            (
                "fulfilment still reports missed orders in the first week of January",
                date(2027, 1, 7),
            ),
            (
                "refund requests still rising in February",
                date(2027, 2, 28),
            ),
            (
                "support tickets above 40 a day on 20 January",
                date(2027, 1, 20),
            ),
            ("churn up again in mid-March", date(2027, 3, 20)),
            ("we may still see errors", None),
            // Amounts and times it does not name are not dates.
            ("latency goes up by 20", None),
            ("costs rise by 30%", None),
            ("the team does not trust it", None),
            ("in production, pages at night", None),
        ];
        for (signal, expected) in cases {
            let calendar = crate::coach::WorkCalendar::default();
            assert_eq!(
                signal_window(signal, today, &calendar),
                expected,
                "{signal:?}"
            );
        }
    }
}
