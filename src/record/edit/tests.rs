use std::path::Path;

use super::*;
use crate::record::parse;

fn apply(text: &str, change: impl Fn(&str, &Record) -> String) -> String {
    let record = parse(Path::new("0002-x.md"), text).unwrap();
    change(text, &record)
}

const OURS: &str = "---\nstatus: proposed\ndate: 2026-11-26\nreview-by: 2027-02-24\n---\n\n# T\n\n## Context and Problem Statement\n\nWhy.\n\n## More Information\n\nNotes.\n";
const NYGARD: &str = "# 2. T\n\nDate: 2016-02-12\n\n## Status\n\nAccepted\n\n## Context\n\nWhy.\n";
const MADR2: &str =
    "# T\n\n* Status: proposed\n* Date: 2018-09-13\n\n## Context and Problem Statement\n\nWhy.\n";

#[test]
fn status_changes_touch_one_line() {
    let cases = [
        (OURS, "---\nstatus: accepted\n"),
        (NYGARD, "## Status\n\nAccepted\n"),
        (MADR2, "* Status: accepted\n"),
    ];
    for (text, expected) in cases {
        let out = apply(text, |t, r| set_status(t, r, "accepted").unwrap());
        assert!(out.contains(expected), "{out}");
        let changed: Vec<(&str, &str)> = text
            .lines()
            .zip(out.lines())
            .filter(|(a, b)| a != b)
            .collect();
        assert!(changed.len() <= 1, "{changed:?}");
        assert_eq!(text.lines().count(), out.lines().count());
    }
    let deprecated = apply(NYGARD, |t, r| set_status(t, r, "deprecated").unwrap());
    assert_eq!(deprecated, NYGARD.replace("Accepted", "Deprecated"));
}

#[test]
fn status_is_added_where_the_format_keeps_it() {
    let cases = [
        (
            "---\ndate: 2020-01-01\n---\n# T\n",
            "---\nstatus: accepted\ndate: 2020-01-01\n---\n# T\n",
        ),
        (
            "# 1. T\n\nDate: 2020-01-01\n\n## Context\n\nx\n",
            "# 1. T\n\nDate: 2020-01-01\n\n## Status\n\nAccepted\n\n## Context\n\nx\n",
        ),
        (
            "# T\n\n## Context and Problem Statement\n",
            "# T\n\n* Status: accepted\n\n## Context and Problem Statement\n",
        ),
        (
            "# 3. T\n\n## Status\n\nSuperceded by [4. U](0004-u.md)\n",
            "# 3. T\n\n## Status\n\nAccepted\n\nSuperceded by [4. U](0004-u.md)\n",
        ),
    ];
    for (text, expected) in cases {
        assert_eq!(
            apply(text, |t, r| set_status(t, r, "accepted").unwrap()),
            expected
        );
    }
}

#[test]
fn a_status_the_edit_cannot_write_back_is_refused_not_garbled() {
    let cases = [
        // A mapping under `status:` is no status to the reader; a second `status:` line
        // would make the front matter a duplicate key, and the record unreadable.
        "---\nstatus:\n  a: b\ndate: 2026-01-01\n---\n\n# T\n",
        // A quoted key is not found on its line, and line 2 (the title) must not be
        // overwritten instead.
        "---\ntitle: T\n\"status\": proposed\n---\n\n# T\n",
        // A quoted value over two lines (found by the front_matter_editor fuzz target):
        // replacing the first line leaves the second to break the front matter.
        "---\nstatus: \"superseded by [ADR-0003](0003-use-\nqueues.md)\"\ndate: 2024-10-01\n---\n\n# T\n",
        // A folded block: replacing its first line leaves the rest as part of the value.
        "---\nstatus: >\n  proposed\n---\n\n# T\n",
    ];
    for text in cases {
        let record = parse(Path::new("0002-x.md"), text).unwrap();
        let error = set_status(text, &record, "accepted").unwrap_err();
        assert_eq!(
            error.to_string(),
            "0002-x.md: cannot change the status as this record writes it (hint: edit the status by hand)",
            "{text}"
        );
    }
}

#[test]
fn links_go_where_each_format_keeps_them() {
    let cases = [
        (
            NYGARD,
            "Supersedes",
            "## Status\n\nAccepted\n\nSupercedes [1. A](0001-a.md)\n\n## Context\n",
        ),
        (
            NYGARD,
            "Superseded by",
            "Accepted\n\nSuperceded by [1. A](0001-a.md)\n\n## Context",
        ),
        (
            OURS,
            "Amends",
            "Why.\n\n## Links\n\n* Amends [1. A](0001-a.md)\n\n## More Information\n",
        ),
        (
            MADR2,
            "Amends",
            "Why.\n\n## Links\n\n* Amends [1. A](0001-a.md)\n",
        ),
    ];
    for (text, kind, expected) in cases {
        let out = apply(text, |t, r| add_link(t, r, kind, "1. A", "0001-a.md"));
        assert!(out.contains(expected), "{kind}:\n{out}");
        assert!(out.starts_with(&text[..text.find("## ").unwrap()]), "{out}");
    }
}

#[test]
fn a_second_link_joins_the_list_and_a_repeat_changes_nothing() {
    let once = apply(OURS, |t, r| add_link(t, r, "Amends", "1. A", "0001-a.md"));
    let twice = apply(&once, |t, r| add_link(t, r, "Amends", "3. C", "0003-c.md"));
    assert!(twice.contains("* Amends [1. A](0001-a.md)\n* Amends [3. C](0003-c.md)\n\n## More"));
    let again = apply(&twice, |t, r| {
        add_link(t, r, "Amends", "1. A", "./0001-a.md")
    });
    assert_eq!(again, twice);
}

#[test]
fn outcome_is_appended_and_the_rest_is_kept() {
    let outcome = Outcome {
        date: NaiveDate::from_ymd_opt(2027, 3, 1).unwrap(),
        happened: "We moved.\nIt went fine.".into(),
        held_up: "yes".into(),
        learnt: "Plan migrations".into(),
        signal_seen: Some(false),
        next_review: None,
    };
    for text in [
        OURS,
        "# T\n\nno newline at the end",
        "# T\r\n\r\nWindows\r\n",
    ] {
        let out = append_outcome(text, &outcome);
        assert!(out.starts_with(text.trim_end()), "{out:?}");
        assert!(out.contains("## Outcome (2027-03-01)"), "{out:?}");
        assert!(
            out.contains("* What happened: We moved. It went fine."),
            "{out:?}"
        );
        assert!(out.contains("* Did the signal appear: no"), "{out:?}");
        let record = parse(Path::new("0002-x.md"), &out).unwrap();
        assert_eq!(record.reviewed, Some(outcome.date), "{out:?}");
    }
    // With references, the outcome goes before them, so they stay last.
    let with_references = format!("{OURS}\n## References\n\n[1] x\n");
    let out = append_outcome(&with_references, &outcome);
    let at = out.find("## Outcome (2027-03-01)").unwrap();
    assert!(at < out.find("## References").unwrap(), "{out}");
    assert!(out.ends_with("[1] x\n"), "{out}");
    let crlf = append_outcome("# T\r\n", &outcome);
    assert!(!crlf.replace("\r\n", "").contains('\n'), "{crlf:?}");
}

#[test]
fn renumbering_labels_and_titles() {
    let cases = [
        ("7. Use X", "12. Use X"),
        ("ADR-0007", "ADR-0012"),
        ("0007. Use X", "0012. Use X"),
        ("8. Other", "8. Other"),
        ("Use X", "Use X"),
    ];
    for (label, expected) in cases {
        assert_eq!(renumber_label(label, 7, 12), expected, "{label}");
    }
    let text = "Supercedes [7. Use X](0007-use-x.md) and more\n";
    let out = retarget_link(text, 1, "0007-use-x.md", "0012-use-x.md", 7, 12);
    assert_eq!(out, "Supercedes [12. Use X](0012-use-x.md) and more\n");
    let titled = apply("# 7. Use X\n\nDate: 2020-01-01\n", |t, r| {
        renumber_title(t, r, 7, 12)
    });
    assert_eq!(titled, "# 12. Use X\n\nDate: 2020-01-01\n");
    let untitled = apply("# Use X\n", |t, r| renumber_title(t, r, 7, 12));
    assert_eq!(untitled, "# Use X\n");
}
