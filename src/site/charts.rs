//! Small SVG charts: decisions by month on the index page, decision speed and review
//! outcomes on the stats page. Each is a picture with a text label for screen readers,
//! followed by the same numbers as a table for anyone who wants them exact (and for
//! print). Colours come from the stylesheet.

use std::fmt::Write as _;

use chrono::{Datelike, NaiveDate};

use super::html::escape;

/// One bar: its label, its value, and how the value reads ("3 days").
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Bar {
    pub label: String,
    pub value: f64,
    pub shown: String,
    /// A CSS class for its colour (`held`, `changed`, `reversed`, …).
    pub class: &'static str,
}

/// Horizontal bars, one a row, with their labels on the left and values on the right.
pub(crate) fn horizontal(title: &str, bars: &[Bar]) -> String {
    const LABEL: f64 = 150.0;
    const LENGTH: f64 = 320.0;
    const ROW: f64 = 30.0;
    let max = bars.iter().map(|b| b.value).fold(0.0, f64::max);
    let height = ROW * bars.len() as f64;
    let mut out = format!(
        "<figure class=\"chart\">\n<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {height}\" width=\"{w}\" height=\"{height}\" role=\"img\" aria-label=\"{label}\">\n",
        w = LABEL + LENGTH + 90.0,
        label = escape(&summary(title, bars)),
    );
    for (row, bar) in bars.iter().enumerate() {
        let y = row as f64 * ROW;
        let length = if max > 0.0 {
            (bar.value / max * LENGTH).max(if bar.value > 0.0 { 2.0 } else { 0.0 })
        } else {
            0.0
        };
        let _ = writeln!(
            out,
            "<text class=\"axis\" x=\"{lx}\" y=\"{ty:.1}\" text-anchor=\"end\">{label}</text>\
             <rect class=\"bar {class}\" x=\"{LABEL}\" y=\"{by:.1}\" width=\"{length:.1}\" height=\"{bh}\"><title>{label}: {shown}</title></rect>\
             <text class=\"value\" x=\"{vx:.1}\" y=\"{ty:.1}\">{shown}</text>",
            lx = LABEL - 8.0,
            ty = y + 19.0,
            by = y + 5.0,
            bh = ROW - 10.0,
            vx = LABEL + length + 6.0,
            label = escape(&bar.label),
            class = bar.class,
            shown = escape(&bar.shown),
        );
    }
    out.push_str("</svg>\n");
    out.push_str(&table(title, bars));
    out.push_str("</figure>\n");
    out
}

/// Vertical bars over time, labelled below every few bars so labels never overlap.
pub(crate) fn columns(title: &str, bars: &[Bar]) -> String {
    const HEIGHT: f64 = 120.0;
    const AXIS: f64 = 22.0;
    let width_each = match bars.len() {
        0..=24 => 32.0,
        25..=60 => 16.0,
        _ => 8.0,
    };
    let width = (bars.len() as f64 * width_each).max(120.0);
    let max = bars.iter().map(|b| b.value).fold(0.0, f64::max);
    let every = label_every(bars, width_each);
    let mut out = format!(
        "<figure class=\"chart\">\n<svg class=\"columns\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 -14 {width} {h}\" width=\"{width}\" height=\"{h}\" role=\"img\" aria-label=\"{label}\">\n",
        h = HEIGHT + AXIS + 14.0,
        label = escape(&summary(title, bars)),
    );
    let _ = writeln!(
        out,
        "<text class=\"value\" x=\"0\" y=\"-3\">{}</text>",
        crate::answer::format_number(max)
    );
    for (position, bar) in bars.iter().enumerate() {
        let x = position as f64 * width_each;
        let height = if max > 0.0 {
            bar.value / max * HEIGHT
        } else {
            0.0
        };
        let _ = writeln!(
            out,
            "<rect class=\"bar {class}\" x=\"{x:.1}\" y=\"{y:.1}\" width=\"{w:.1}\" height=\"{height:.1}\"><title>{label}: {shown}</title></rect>",
            class = bar.class,
            y = HEIGHT - height,
            w = width_each - 2.0,
            label = escape(&bar.label),
            shown = escape(&bar.shown),
        );
        if position % every == 0 {
            let _ = writeln!(
                out,
                "<text class=\"axis\" x=\"{x:.1}\" y=\"{y:.1}\">{label}</text>",
                y = HEIGHT + 16.0,
                label = escape(&bar.label),
            );
        }
    }
    out.push_str("<line class=\"baseline\" x1=\"0\" x2=\"100%\" y1=\"120\" y2=\"120\"/>\n</svg>\n");
    out.push_str(&table(title, bars));
    out.push_str("</figure>\n");
    out
}

/// Label every how many columns, so that the labels (about 7 px a character at the axis'
/// size, and a gap) never run into each other.
fn label_every(bars: &[Bar], width_each: f64) -> usize {
    let longest = bars
        .iter()
        .map(|b| b.label.chars().count())
        .max()
        .unwrap_or(0);
    ((longest as f64 * 7.0 + 8.0) / width_each).ceil().max(1.0) as usize
}

/// What a chart shows, in one sentence, for its text label.
fn summary(title: &str, bars: &[Bar]) -> String {
    if bars.len() > 24 {
        let total: f64 = bars.iter().map(|b| b.value).sum();
        let first = bars.first().map(|b| b.label.as_str()).unwrap_or_default();
        let last = bars.last().map(|b| b.label.as_str()).unwrap_or_default();
        return format!(
            "{title}: {} in all, from {first} to {last}; the table below has each",
            crate::answer::format_number(total)
        );
    }
    let parts: Vec<String> = bars
        .iter()
        .map(|b| format!("{}: {}", b.label, b.shown))
        .collect();
    format!("{title}: {}", parts.join("; "))
}

fn table(title: &str, bars: &[Bar]) -> String {
    let mut out = format!(
        "<details class=\"numbers\">\n<summary>{} as numbers</summary>\n<table>\n<tbody>\n",
        escape(title)
    );
    for bar in bars {
        let _ = writeln!(
            out,
            "<tr><th scope=\"row\">{}</th><td>{}</td></tr>",
            escape(&bar.label),
            escape(&bar.shown)
        );
    }
    out.push_str("</tbody>\n</table>\n</details>\n");
    out
}

/// Decisions by month (by year, when the log spans more than six years), from the first
/// dated record to the last, months without a decision included.
pub(crate) fn by_month(dates: &[NaiveDate]) -> Vec<Bar> {
    let (Some(first), Some(last)) = (dates.iter().min(), dates.iter().max()) else {
        return Vec::new();
    };
    let months =
        (last.year() - first.year()) * 12 + last.month0() as i32 - first.month0() as i32 + 1;
    let by_year = months > 72;
    let key = |d: &NaiveDate| {
        if by_year {
            (d.year(), 0)
        } else {
            (d.year(), d.month0())
        }
    };
    let mut counts = std::collections::BTreeMap::new();
    for date in dates {
        *counts.entry(key(date)).or_insert(0_usize) += 1;
    }
    let mut bars = Vec::new();
    let (mut year, mut month) = key(first);
    let end = key(last);
    loop {
        let count = counts.get(&(year, month)).copied().unwrap_or(0);
        let label = if by_year {
            year.to_string()
        } else {
            NaiveDate::from_ymd_opt(year, month + 1, 1)
                .map(|d| d.format("%b %Y").to_string())
                .unwrap_or_default()
        };
        bars.push(Bar {
            label,
            value: count as f64,
            shown: crate::coach::count(count, "decision", "decisions"),
            class: "month",
        });
        if (year, month) >= end {
            break;
        }
        if by_year || month == 11 {
            year += 1;
            month = 0;
        } else {
            month += 1;
        }
    }
    bars
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn months_without_decisions_are_shown_empty() {
        let bars = by_month(&[day("2026-11-03"), day("2027-01-20"), day("2026-11-30")]);
        let shown: Vec<(&str, f64)> = bars.iter().map(|b| (b.label.as_str(), b.value)).collect();
        assert_eq!(
            shown,
            [("Nov 2026", 2.0), ("Dec 2026", 0.0), ("Jan 2027", 1.0)]
        );
        assert!(by_month(&[]).is_empty());
    }

    #[test]
    fn a_long_log_is_counted_by_year() {
        let bars = by_month(&[day("2010-05-01"), day("2020-01-01")]);
        assert_eq!(bars.len(), 11);
        assert_eq!(bars[0].label, "2010");
    }

    #[test]
    fn column_labels_never_overlap() {
        for (first, last) in [
            ("2026-11-01", "2026-12-01"),
            ("2024-01-01", "2026-12-01"),
            ("2021-01-01", "2026-12-01"),
            ("2010-01-01", "2026-12-01"),
        ] {
            let bars = by_month(&[day(first), day(last)]);
            let svg = columns("Decisions by month", &bars);
            let xs: Vec<f64> = svg
                .lines()
                .filter_map(|l| l.strip_prefix("<text class=\"axis\" x=\""))
                .map(|l| l.split('"').next().unwrap().parse().unwrap())
                .collect();
            let longest = bars.iter().map(|b| b.label.len()).max().unwrap() as f64;
            assert!(!xs.is_empty(), "{first}");
            for pair in xs.windows(2) {
                assert!(
                    pair[1] - pair[0] >= longest * 7.0,
                    "{first}..{last}: {xs:?}"
                );
            }
        }
    }

    #[test]
    fn labels_are_escaped_and_numbers_given_as_a_table() {
        let svg = horizontal(
            "Outcomes",
            &[Bar {
                label: "<held>".into(),
                value: 2.0,
                shown: "2".into(),
                class: "held",
            }],
        );
        assert!(svg.contains("&lt;held&gt;"), "{svg}");
        assert!(!svg.contains("<held>"), "{svg}");
        assert!(
            svg.contains("<tr><th scope=\"row\">&lt;held&gt;</th><td>2</td></tr>"),
            "{svg}"
        );
    }
}
