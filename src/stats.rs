//! The lead's retrospective, `decide stats`: what the team's decision log and the private
//! journal say together, on one screen or as JSON.
//!
//! * Decision speed: the median days from proposed to accepted, by door. "As a tech lead,
//!   you optimize for speed of progress": a two-way door that took more than a week is
//!   named. A decision accepted when it was written took 0 days; a proposal finished by
//!   `decide review` took until its `Proposal Finished (DATE)`.
//! * Investigations past their time-box: proposals whose `decide-by` has passed.
//! * Review outcomes: the latest look-back of each decision, held up, changed or reversed.
//! * Calibration: for each stated confidence (in tens), the share that held up, once
//!   enough reviewed decisions carry a confidence to say anything.
//! * One-on-one cadence per person, and the mode split of the last weeks.
//!
//! Everything here is a pure function of the records, the journal and today.

use chrono::NaiveDate;
use serde::Serialize;

use crate::coach::History;
use crate::coach::cadence::WEEK_DAYS;
use crate::coach::modes::{TREND_WEEKS, chart};
use crate::journal::view::{self, Person};
use crate::record::Record;
use crate::record::finish::FINISHED_HEADING;
use crate::record::parse::{OUTCOME_HEADING, parse_date};

/// Calibration says nothing until this many reviewed decisions carry a confidence.
pub(crate) const CALIBRATION_MINIMUM: usize = 5;

const CONFIDENCE_KEY: &str = "confidence";

#[derive(Debug, Clone, PartialEq, Serialize)]
pub(crate) struct Retro {
    pub today: String,
    pub decision_speed: Speed,
    pub investigations_past_time_box: Vec<PastTimeBox>,
    pub review_outcomes: Reviews,
    pub calibration: Calibration,
    pub one_on_ones: Vec<Person>,
    pub mode_trend: Vec<TrendRow>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub(crate) struct Speed {
    pub two_way: DoorSpeed,
    pub one_way: DoorSpeed,
    /// Decided records with no door (from other tools, or other playbooks): not counted.
    pub without_door: usize,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub(crate) struct DoorSpeed {
    pub decisions: usize,
    pub median_days: Option<f64>,
    /// Two-way doors that took longer than a week.
    pub slow: Vec<Slow>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub(crate) struct Slow {
    pub number: Option<u32>,
    pub title: String,
    pub days: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub(crate) struct PastTimeBox {
    pub number: Option<u32>,
    pub title: String,
    pub decide_by: String,
    pub days_past: i64,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub(crate) struct Reviews {
    pub held_up: usize,
    pub changed: usize,
    pub reversed: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub(crate) struct Calibration {
    /// Whether there is enough to say anything: at least [`CALIBRATION_MINIMUM`].
    pub enough: bool,
    pub reviewed_with_confidence: usize,
    pub needed: usize,
    pub buckets: Vec<Bucket>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub(crate) struct Bucket {
    /// The stated confidence, from and to, in percent.
    pub from: u32,
    pub to: u32,
    pub decisions: usize,
    pub held_up: usize,
    /// The share that held up, in whole percent (rounded down).
    pub share: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub(crate) struct TrendRow {
    pub date: String,
    pub leader: u32,
    pub people: u32,
    pub process: u32,
    pub coding: u32,
}

/// How a look-back said the decision held up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum HeldUp {
    Yes,
    Changed,
    Reversed,
}

pub(crate) fn retro(records: &[Record], history: &History, today: NaiveDate) -> Retro {
    let seen: Vec<Seen<'_>> = records.iter().map(Seen::of).collect();
    retro_of(&seen, history, today)
}

/// What the retrospective reads of a record besides its number, title, status and door,
/// worked out from the whole record: the site keeps this of each record, not the record.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Read {
    pub days_to_decide: Option<i64>,
    /// The date to decide by (`decide-by`, `Decide-by:`).
    pub decide_by: Option<NaiveDate>,
    pub held_up: Option<HeldUp>,
    pub confidence: Option<u32>,
}

impl Read {
    pub(crate) fn of(record: &Record) -> Read {
        Read {
            days_to_decide: days_to_decide(record),
            // The front matter's `decide-by`, or the `Decide-by:` line under the title of a
            // record in an adr-tools log: the parser reads both.
            decide_by: record.decide_by,
            held_up: held_up(record),
            confidence: confidence(record),
        }
    }
}

/// One record as the retrospective sees it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Seen<'a> {
    pub number: Option<u32>,
    pub title: &'a str,
    pub status: Option<&'a str>,
    pub door: Option<&'a str>,
    pub read: Read,
}

impl Seen<'_> {
    fn of(record: &Record) -> Seen<'_> {
        Seen {
            number: record.number,
            title: &record.title,
            status: record.status.as_deref(),
            door: record.door.as_deref(),
            read: Read::of(record),
        }
    }
}

/// [`retro`] of records seen as [`Seen`].
pub(crate) fn retro_of(records: &[Seen<'_>], history: &History, today: NaiveDate) -> Retro {
    Retro {
        today: today.to_string(),
        decision_speed: speed(records),
        investigations_past_time_box: past_time_box(records, today),
        review_outcomes: reviews(records),
        calibration: calibration(records),
        one_on_ones: view::people(history, today),
        mode_trend: trend(history, today),
    }
}

/// The days from a decided record's date to its acceptance: 0 when it was accepted as it
/// was written, else until its proposal was finished. `None` for a record not decided.
pub(crate) fn days_to_decide(record: &Record) -> Option<i64> {
    let decided = matches!(
        record.status.as_deref(),
        Some("accepted" | "superseded" | "deprecated")
    );
    let date = record.date?;
    if !decided {
        return None;
    }
    let finished = record
        .sections
        .iter()
        .filter_map(|s| dated_heading(s.heading, FINISHED_HEADING))
        .max();
    Some(finished.map_or(0, |f| (f - date).num_days().max(0)))
}

/// `Heading (2026-12-11)` → 2026-12-11, for a heading that starts with `name`.
fn dated_heading(heading: &str, name: &str) -> Option<NaiveDate> {
    let rest = heading.trim().strip_prefix(name)?.trim();
    parse_date(rest.strip_prefix('(')?.strip_suffix(')')?)
}

fn median(values: &mut [i64]) -> Option<f64> {
    values.sort_unstable();
    let n = values.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(values[n / 2] as f64),
        _ => Some((values[n / 2 - 1] + values[n / 2]) as f64 / 2.0),
    }
}

fn speed(records: &[Seen<'_>]) -> Speed {
    let mut days = [Vec::new(), Vec::new()];
    let mut slow = Vec::new();
    let mut without_door = 0;
    for record in records {
        let Some(taken) = record.read.days_to_decide else {
            continue;
        };
        match record.door {
            Some("two-way") => {
                days[0].push(taken);
                if taken > WEEK_DAYS {
                    slow.push(Slow {
                        number: record.number,
                        title: record.title.to_string(),
                        days: taken,
                    });
                }
            }
            Some("one-way") => days[1].push(taken),
            _ => without_door += 1,
        }
    }
    let [mut two, mut one] = days;
    Speed {
        two_way: DoorSpeed {
            decisions: two.len(),
            median_days: median(&mut two),
            slow,
        },
        one_way: DoorSpeed {
            decisions: one.len(),
            median_days: median(&mut one),
            slow: Vec::new(),
        },
        without_door,
    }
}

fn past_time_box(records: &[Seen<'_>], today: NaiveDate) -> Vec<PastTimeBox> {
    records
        .iter()
        .filter(|r| r.status == Some("proposed"))
        .filter_map(|r| {
            let decide_by = r.read.decide_by?;
            (decide_by < today).then(|| PastTimeBox {
                number: r.number,
                title: r.title.to_string(),
                decide_by: decide_by.to_string(),
                days_past: (today - decide_by).num_days(),
            })
        })
        .collect()
}

/// What the latest look-back (`## Outcome (DATE)`, `* Did it hold up: …`) said.
pub(crate) fn held_up(record: &Record) -> Option<HeldUp> {
    let latest = record
        .sections
        .iter()
        .filter_map(|s| Some((dated_heading(s.heading, OUTCOME_HEADING)?, s)))
        .max_by_key(|(date, _)| *date)?
        .1;
    let answer = latest.body.lines().find_map(|line| {
        let line = line.trim_start_matches(['*', '-', ' ']).trim();
        let (key, value) = line.split_once(':')?;
        key.trim()
            .eq_ignore_ascii_case("did it hold up")
            .then(|| value.trim().to_lowercase())
    })?;
    if answer.starts_with("yes") {
        Some(HeldUp::Yes)
    } else if answer.starts_with("partly") {
        Some(HeldUp::Changed)
    } else if answer.starts_with("no") {
        Some(HeldUp::Reversed)
    } else {
        None
    }
}

fn reviews(records: &[Seen<'_>]) -> Reviews {
    let mut reviews = Reviews::default();
    for held in records.iter().filter_map(|r| r.read.held_up) {
        match held {
            HeldUp::Yes => reviews.held_up += 1,
            HeldUp::Changed => reviews.changed += 1,
            HeldUp::Reversed => reviews.reversed += 1,
        }
    }
    reviews
}

/// The confidence a record states in its front matter (`confidence: 75%`).
fn confidence(record: &Record) -> Option<u32> {
    let text = record.front_matter.get(CONFIDENCE_KEY)?;
    let value: f64 = text.trim().trim_end_matches('%').trim().parse().ok()?;
    (0.0..=100.0).contains(&value).then(|| value.floor() as u32)
}

fn calibration(records: &[Seen<'_>]) -> Calibration {
    let reviewed: Vec<(u32, HeldUp)> = records
        .iter()
        .filter_map(|r| Some((r.read.confidence?, r.read.held_up?)))
        .collect();
    let enough = reviewed.len() >= CALIBRATION_MINIMUM;
    let mut buckets: Vec<Bucket> = Vec::new();
    if enough {
        for (stated, held) in &reviewed {
            let from = stated.min(&99) / 10 * 10;
            let bucket = match buckets.iter_mut().find(|b| b.from == from) {
                Some(bucket) => bucket,
                None => {
                    buckets.push(Bucket {
                        from,
                        to: from + 9,
                        decisions: 0,
                        held_up: 0,
                        share: 0,
                    });
                    buckets.last_mut().expect("just pushed")
                }
            };
            bucket.decisions += 1;
            bucket.held_up += usize::from(*held == HeldUp::Yes);
        }
        for bucket in &mut buckets {
            bucket.share = crate::coach::percent_floor(bucket.held_up, bucket.decisions);
        }
        buckets.sort_by_key(|b| b.from);
    }
    Calibration {
        enough,
        reviewed_with_confidence: reviewed.len(),
        needed: CALIBRATION_MINIMUM,
        buckets,
    }
}

fn trend(history: &History, today: NaiveDate) -> Vec<TrendRow> {
    // The weeks up to and including today.
    history
        .weeks_before(today.succ_opt().unwrap_or(today), TREND_WEEKS)
        .iter()
        .filter(|w| w.hours.total() > 0.0)
        .map(|w| {
            let [leader, people, process, coding] = w.hours.shares();
            TrendRow {
                date: w.date.to_string(),
                leader,
                people,
                process,
                coding,
            }
        })
        .collect()
}

/// The retrospective as one screen of text. `log` and `journal` name where each part was
/// read from (`None`: it could not be read, and the part says so).
pub(crate) fn screen(retro: &Retro, log: Option<&str>, journal: Option<&str>) -> String {
    let mut out = String::new();
    match log {
        Some(log) => team(&mut out, retro, log),
        None => out.push_str("Decisions: no decision log to read.\n"),
    }
    out.push('\n');
    match journal {
        Some(journal) => personal(&mut out, retro, journal),
        None => out.push_str("Journal: no journal to read.\n"),
    }
    out
}

fn days(value: f64) -> String {
    let text = crate::answer::format_number(value);
    format!("{text} {}", if value == 1.0 { "day" } else { "days" })
}

fn label(number: Option<u32>, title: &str) -> String {
    match number {
        Some(n) => format!("{n:04} {title}"),
        None => title.to_string(),
    }
}

fn team(out: &mut String, retro: &Retro, log: &str) {
    use std::fmt::Write as _;
    let _ = writeln!(out, "Decisions ({log})");
    let _ = writeln!(out, "  Decision speed, proposed to accepted (median):");
    let speed = &retro.decision_speed;
    for (door, s) in [
        ("two-way doors", &speed.two_way),
        ("one-way doors", &speed.one_way),
    ] {
        let _ = match s.median_days {
            Some(median) => writeln!(
                out,
                "    {door}  {} over {}",
                days(median),
                crate::coach::count(s.decisions, "decision", "decisions")
            ),
            None => writeln!(out, "    {door}  no decisions yet"),
        };
    }
    for slow in &speed.two_way.slow {
        let _ = writeln!(
            out,
            "    ! {}: a two-way door that took {} (more than a week)",
            label(slow.number, &slow.title),
            days(slow.days as f64)
        );
    }
    if speed.without_door > 0 {
        let _ = writeln!(
            out,
            "    ({} without a door, not counted)",
            crate::coach::count(speed.without_door, "decision", "decisions")
        );
    }
    let _ = writeln!(out, "  Investigations past their time-box:");
    if retro.investigations_past_time_box.is_empty() {
        let _ = writeln!(out, "    none");
    }
    for past in &retro.investigations_past_time_box {
        let _ = writeln!(
            out,
            "    {}: to be decided by {}, {} ago",
            label(past.number, &past.title),
            past.decide_by,
            days(past.days_past as f64)
        );
    }
    let r = &retro.review_outcomes;
    let _ = writeln!(
        out,
        "  Review outcomes: {} held up, {} changed, {} reversed",
        r.held_up, r.changed, r.reversed
    );
    let c = &retro.calibration;
    if c.enough {
        let _ = writeln!(out, "  Calibration, by stated confidence:");
        for b in &c.buckets {
            let _ = writeln!(
                out,
                "    {}-{}%  {} of {} held up ({}%)",
                b.from, b.to, b.held_up, b.decisions, b.share
            );
        }
    } else {
        let _ = writeln!(
            out,
            "  Calibration: not enough data yet ({} of {} reviewed decisions with a confidence)",
            c.reviewed_with_confidence, c.needed
        );
    }
}

fn personal(out: &mut String, retro: &Retro, journal: &str) {
    use std::fmt::Write as _;
    let _ = writeln!(out, "Journal ({journal})");
    let _ = writeln!(out, "  One-on-one cadence (weekly):");
    if retro.one_on_ones.is_empty() {
        let _ = writeln!(out, "    no one-on-ones yet");
    }
    for p in &retro.one_on_ones {
        let every = p
            .average_gap_days
            .map(|gap| format!(", every {} on average", days(gap)))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "    {}: {}, the last one {}{every}{}",
            p.person,
            crate::coach::count(p.one_on_ones, "one-on-one", "one-on-ones"),
            view::ago(p.days_since),
            if p.overdue { " (overdue)" } else { "" }
        );
    }
    let _ = writeln!(out, "  Mode trend, last {TREND_WEEKS} weeks:");
    if retro.mode_trend.is_empty() {
        let _ = writeln!(out, "    no weeks yet");
        return;
    }
    let rows: Vec<(NaiveDate, [u32; 4])> = retro
        .mode_trend
        .iter()
        .filter_map(|r| {
            let date = NaiveDate::parse_from_str(&r.date, "%Y-%m-%d").ok()?;
            Some((date, [r.leader, r.people, r.process, r.coding]))
        })
        .collect();
    for line in chart(&rows) {
        let _ = writeln!(out, "    {line}");
    }
}

pub(crate) fn json(retro: &Retro, log: Option<&str>, journal: Option<&str>) -> String {
    let mut value = serde_json::to_value(retro).unwrap_or_default();
    if let Some(map) = value.as_object_mut() {
        map.insert("log".into(), serde_json::json!(log));
        map.insert("journal".into(), serde_json::json!(journal));
    }
    view::pretty(&value)
}

#[cfg(test)]
mod tests;
