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
    ];
    for (text, expected) in cases {
        assert_eq!(
            apply(text, |t, r| set_status(t, r, "accepted").unwrap()),
            expected
        );
    }
}

/// The added bullet is a line of its own in Markdown: a paragraph after it would join it,
/// and a list that is not the record's fields is not where it goes.
#[test]
fn an_added_status_bullet_never_runs_into_the_next_line() {
    let cases = [
        // A paragraph right under the title.
        (
            "# T\nTechnical Story: retries\n\n## Context and Problem Statement\n",
            "# T\n\n* Status: accepted\n\nTechnical Story: retries\n\n## Context and Problem Statement\n",
        ),
        // After a blank line, as MADR 2 writes it: nothing more to add.
        (
            "# T\n\nTechnical Story: retries\n\n## Context and Problem Statement\n",
            "# T\n\n* Status: accepted\n\nTechnical Story: retries\n\n## Context and Problem Statement\n",
        ),
        // No title heading: first in the file, apart from what follows.
        (
            "Technical Story: retries\n\n## Context and Problem Statement\n",
            "* Status: accepted\n\nTechnical Story: retries\n\n## Context and Problem Statement\n",
        ),
        // The fields' list, with the same marker: the status joins it, first.
        (
            "# T\n\n- Deciders: Ana\n- Date: 2020-01-01\n\n## Context and Problem Statement\n",
            "# T\n\n- Status: accepted\n- Deciders: Ana\n- Date: 2020-01-01\n\n## Context and Problem Statement\n",
        ),
        // A list right under the title that a paragraph leads into is the paragraph's.
        (
            "# T\nTechnical Story:\n- Issue: 12\n- https://example.org/13\n\n## Context and Problem Statement\n",
            "# T\n\n- Status: accepted\n\nTechnical Story:\n- Issue: 12\n- https://example.org/13\n\n## Context and Problem Statement\n",
        ),
        // A list of something else right under the title: kept apart from it.
        (
            "# T\n* https://example.org/12\n\n## Context and Problem Statement\n",
            "# T\n\n* Status: accepted\n\n* https://example.org/12\n\n## Context and Problem Statement\n",
        ),
        // The title is the last line.
        ("# T\n", "# T\n\n* Status: accepted\n"),
        (
            "# T\r\nWhy.\r\n",
            "# T\r\n\r\n* Status: accepted\r\n\r\nWhy.\r\n",
        ),
    ];
    for (text, expected) in cases {
        let record = parse(Path::new("0013-x.md"), text).unwrap();
        assert_eq!(
            set_status(text, &record, "accepted").unwrap(),
            expected,
            "{text:?}"
        );
    }
}

/// A `## Links` heading with the template's comment after it is the links section: a link
/// joins its list, above the reference definitions under it.
#[test]
fn a_link_joins_a_links_section_whatever_follows_its_name() {
    let text = "# T\n\n* Status: accepted\n\n## Context and Problem Statement\n\nSee [1][1].\n\n## Links <!-- optional -->\n\n* Relates to [0. Z](0000-z.md)\n  (the first one)\n\n[1]: https://tracker.example/1\n";
    let out = apply(text, |t, r| add_link(t, r, "Amends", "1. A", "0001-a.md"));
    assert_eq!(
        out,
        text.replace(
            "(the first one)\n",
            "(the first one)\n* Amends [1. A](0001-a.md)\n"
        )
    );
    // Nothing but definitions under it: after them.
    let text = "# T\n\n## Links:\n\n[1]: https://tracker.example/1\n<!--\n# not a heading\n-->\n\n## More\n";
    let out = apply(text, |t, r| add_link(t, r, "Amends", "1. A", "0001-a.md"));
    assert_eq!(
        out,
        text.replace("-->\n", "-->\n* Amends [1. A](0001-a.md)\n")
    );
    // A Nygard record's `## Status:` is its status section.
    let text = "# 2. T\n\n## Status:\n\nProposed\n\n## Context:\n\nWhy.\n";
    assert_eq!(
        apply(text, |t, r| set_status(t, r, "accepted").unwrap()),
        text.replace("Proposed", "Accepted")
    );
    let out = apply(text, |t, r| add_link(t, r, "Amends", "1. A", "0001-a.md"));
    assert_eq!(
        out,
        text.replace("Proposed\n", "Proposed\n\nAmends [1. A](0001-a.md)\n")
    );
}

#[test]
fn a_status_the_edit_cannot_write_back_is_refused_not_garbled() {
    let cases = [
        // A mapping under `status:` is no status to the reader; a second `status:` line
        // would make the front matter a duplicate key, and the record unreadable.
        "---\nstatus:\n  a: b\ndate: 2026-01-01\n---\n\n# T\n",
        // A quoted value over two lines (found by the front_matter_editor fuzz target):
        // replacing the first line leaves the second to break the front matter.
        "---\nstatus: \"superseded by [ADR-0003](0003-use-\nqueues.md)\"\ndate: 2024-10-01\n---\n\n# T\n",
        // A folded block: replacing its first line leaves the rest as part of the value.
        "---\nstatus: >\n  proposed\n---\n\n# T\n",
    ];
    for text in cases {
        let record = parse(Path::new("0002-x.md"), text).unwrap();
        let error = set_status(text, &record, "accepted").unwrap_err();
        let error = error.to_string();
        assert!(
            error.starts_with("0002-x.md: cannot change the status as this record writes it")
                && error.ends_with("(hint: edit the status by hand)"),
            "{text}: {error}"
        );
    }
}

#[test]
fn a_record_superseded_under_its_status_word_says_so_when_the_word_is_changed() {
    let text =
        "# 2. T\n\n## Status\n\nProposed\n\nSuperceded by [3. U](0003-u.md)\n\n## Context\n\nx\n";
    let record = parse(Path::new("0002-x.md"), text).unwrap();
    let error = set_status(text, &record, "accepted")
        .unwrap_err()
        .to_string();
    assert_eq!(
        error,
        "0002-x.md: cannot make this record accepted: line 7 says what superseded it \
         (hint: remove or change that line by hand if the decision holds again)"
    );
    // A word that closes the decision goes in place of the one in force.
    assert_eq!(
        set_status(text, &record, "deprecated").unwrap(),
        text.replace("Proposed", "Deprecated")
    );
}

#[test]
fn a_quoted_key_keeps_its_quotes_and_the_title_its_line() {
    let text = "---\ntitle: T\n\"status\": proposed\n---\n\n# T\n";
    let record = parse(Path::new("0002-x.md"), text).unwrap();
    assert_eq!(
        set_status(text, &record, "accepted").unwrap(),
        "---\ntitle: T\n\"status\": accepted\n---\n\n# T\n"
    );
}

#[test]
fn links_go_where_each_format_keeps_them() {
    let cases = [
        (
            NYGARD,
            "Supersedes",
            "## Status\n\nAccepted\n\nSupersedes [1. A](0001-a.md)\n\n## Context\n",
        ),
        (
            NYGARD,
            "Superseded by",
            "Accepted\n\nSuperseded by [1. A](0001-a.md)\n\n## Context",
        ),
        // A record that adr-tools already linked keeps adr-tools' spelling.
        (
            "# 2. T\n\n## Status\n\nAccepted\n\nSupercedes [0. Z](0000-z.md)\n\n## Context\n\nWhy.\n",
            "Superseded by",
            "Supercedes [0. Z](0000-z.md)\n\nSuperceded by [1. A](0001-a.md)\n\n## Context",
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
        // No next review: the front matter's review date is settled with the rest.
        let kept = text.replace("review-by: 2027-02-24\n", "");
        assert!(out.starts_with(kept.trim_end()), "{out:?}");
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
    let rename = Rename {
        old_name: "0007-use-x.md",
        new_name: "0012-use-x.md",
        old_number: 7,
        new_number: 12,
    };
    let out = retarget_link(text, 1, &rename);
    assert_eq!(out, "Supercedes [12. Use X](0012-use-x.md) and more\n");
    let cases = [
        (
            "See [ADR 7](../adr/0007-use-x.md#why) and [8](0008-y.md).\n",
            "See [ADR 12](../adr/0012-use-x.md#why) and [8](0008-y.md).\n",
        ),
        (
            "* supersedes [ADR-0007]({{< ref \"0007-use-x.md\" >}})\n",
            "* supersedes [ADR-0012]({{< ref \"0012-use-x.md\" >}})\n",
        ),
        ("[x](0007-use-x.md.bak)\n", "[x](0007-use-x.md.bak)\n"),
        // A reference definition: its target follows, its label stays for the text's uses.
        (
            "[adr 0007]: ./0007-use-x.md#why \"why\"\n",
            "[adr 0007]: ./0012-use-x.md#why \"why\"\n",
        ),
        ("  [x]: <0007-use-x.md>\n", "  [x]: <0012-use-x.md>\n"),
        ("[x]: 0008-y.md\n", "[x]: 0008-y.md\n"),
    ];
    for (text, expected) in cases {
        assert_eq!(retarget_link(text, 1, &rename), expected, "{text}");
    }
    let titled = apply("# 7. Use X\n\nDate: 2020-01-01\n", |t, r| {
        renumber_title(t, r, 7, 12)
    });
    assert_eq!(titled, "# 12. Use X\n\nDate: 2020-01-01\n");
    let untitled = apply("# Use X\n", |t, r| renumber_title(t, r, 7, 12));
    assert_eq!(untitled, "# Use X\n");
}

#[test]
fn status_edits_every_place_in_the_record_s_own_style() {
    let cases = [
        // Front matter over an adr-tools body: both change, each keeps its capitals.
        (
            "---\nid: 0009-x\nstatus: Proposed\n---\n\n# 9. X\n\n## Status\n\nProposed\n\n## Context\n\nx\n",
            "accepted",
            "---\nid: 0009-x\nstatus: Accepted\n---\n\n# 9. X\n\n## Status\n\nAccepted\n\n## Context\n\nx\n",
        ),
        // The key where the parser found it, never a guessed line.
        (
            "---\ndate: 2026-01-01\n\"status\": accepted\n---\n# X\n",
            "rejected",
            "---\ndate: 2026-01-01\n\"status\": rejected\n---\n# X\n",
        ),
        (
            "---\ndate: 2026-01-01\nstatus : proposed\n---\n# X\n",
            "rejected",
            "---\ndate: 2026-01-01\nstatus : rejected\n---\n# X\n",
        ),
        (
            "---\n  date: 2026-01-01\n  status: proposed\n---\n# X\n",
            "rejected",
            "---\n  date: 2026-01-01\n  status: rejected\n---\n# X\n",
        ),
        (
            "---\nstatus: \"accepted; supersedes ADR-0002\"\n---\n# X\n",
            "deprecated",
            "---\nstatus: \"deprecated; supersedes ADR-0002\"\n---\n# X\n",
        ),
        (
            "---\nstatus:\n---\n# X\n",
            "accepted",
            "---\nstatus: accepted\n---\n# X\n",
        ),
        // A template's placeholder is replaced whole; the list marker stays.
        (
            "# X\n\n- Status: [ accepted | deprecated ] <!-- optional -->\n- Date: 2023-01-10\n\n## Context and Problem Statement\n",
            "accepted",
            "# X\n\n- Status: accepted\n- Date: 2023-01-10\n\n## Context and Problem Statement\n",
        ),
        (
            "# X\n\n* Status: proposed. **No agreement yet.**\n\n## Context and Problem Statement\n",
            "accepted",
            "# X\n\n* Status: accepted. **No agreement yet.**\n\n## Context and Problem Statement\n",
        ),
        (
            "# 5. X\n\n## Status\n\nDepreciated.\n\n## Context\n",
            "accepted",
            "# 5. X\n\n## Status\n\nAccepted.\n\n## Context\n",
        ),
        (
            "# 8. X\n\nDate: 2025-05-29\n\n# Status\n\nApproved\n\n## Context\n",
            "accepted",
            "# 8. X\n\nDate: 2025-05-29\n\n# Status\n\nAccepted\n\n## Context\n",
        ),
        // Tags-only front matter over a bullet status: only the bullet changes.
        (
            "---\ntags:\n  - audit\n---\n# X\n\n- Status: accepted\n- Date: 2021-08-17\n\n## Context and Problem Statement\n",
            "deprecated",
            "---\ntags:\n  - audit\n---\n# X\n\n- Status: deprecated\n- Date: 2021-08-17\n\n## Context and Problem Statement\n",
        ),
        // No status yet, bullets under the title: a bullet with their marker.
        (
            "# X\n\n- Deciders: Ana\n- Date: 2021-08-17\n\n## Context and Problem Statement\n",
            "accepted",
            "# X\n\n- Status: accepted\n- Deciders: Ana\n- Date: 2021-08-17\n\n## Context and Problem Statement\n",
        ),
    ];
    for (text, status, expected) in cases {
        assert_eq!(
            apply(text, |t, r| set_status(t, r, status).unwrap()),
            expected,
            "{text}"
        );
    }
}

#[test]
fn a_first_status_bullet_takes_the_record_s_marker_else_the_log_s() {
    let dash = HouseStyle {
        marker: Some('-'),
        hugo_ref: false,
        links_on_status_line: false,
        successor_on_label: false,
    };
    let cases = [
        // The record's own lists say `-`, whatever the log says.
        (
            "# X\n\n## Considered Options\n\n- A\n- B\n",
            HouseStyle::default(),
            "# X\n\n- Status: accepted\n\n## Considered Options\n\n- A\n- B\n",
        ),
        // No list of its own: the log's marker.
        (
            "# X\n\n## Context and Problem Statement\n\nWhy.\n",
            dash,
            "# X\n\n- Status: accepted\n\n## Context and Problem Statement\n\nWhy.\n",
        ),
        // A list in a code block is not the record's.
        (
            "# X\n\n## Context and Problem Statement\n\n```\n+ a\n```\n",
            HouseStyle::default(),
            "# X\n\n* Status: accepted\n\n## Context and Problem Statement\n\n```\n+ a\n```\n",
        ),
    ];
    for (text, style, expected) in cases {
        assert_eq!(
            apply(text, |t, r| set_status_in(t, r, "accepted", style).unwrap()),
            expected,
            "{text}"
        );
    }
    assert_eq!(
        HouseStyle::of("---\n- not a list\n---\n# X\n\n* a {{< ref \"x.md\" >}}\n"),
        HouseStyle {
            marker: Some('*'),
            hugo_ref: true,
            links_on_status_line: false,
            successor_on_label: false,
        }
    );
}

#[test]
fn a_key_written_twice_is_not_guessed_at() {
    let text = "---\nstatus: accepted\ndate: 2026-01-01\nstatus: proposed\n---\n# X\n";
    let record = parse(Path::new("0001-x.md"), text).unwrap();
    let error = set_status(text, &record, "rejected").unwrap_err();
    assert!(
        error
            .to_string()
            .contains("0001-x.md:4: the front matter has `status` twice"),
        "{error}"
    );
}

#[test]
fn links_keep_the_record_s_list_marker_and_escape_labels() {
    let text = "# X\n\n- Status: accepted\n\n## Context and Problem Statement\n\nWhy.\n";
    let out = apply(text, |t, r| {
        add_link(t, r, "Amends", "Use A](0001-x.md) or B", "0003-c.md")
    });
    assert!(
        out.ends_with("## Links\n\n- Amends [Use A\\](0001-x.md) or B](0003-c.md)\n"),
        "{out}"
    );
    let record = parse(Path::new("0002-x.md"), &out).unwrap();
    assert_eq!(record.links[0].file(), Some("0003-c.md"));
    let hugo = "---\ntitle: \"2. X\"\n---\n\n* Status: accepted\n\n## Links\n* supersedes [ADR-0001]({{< ref \"0001-a.md\" >}})\n";
    let out = apply(hugo, |t, r| add_link(t, r, "Amends", "3. C", "0003-c.md"));
    assert!(
        out.ends_with("* Amends [3. C]({{< ref \"0003-c.md\" >}})\n"),
        "{out}"
    );
}

#[test]
fn a_new_record_takes_the_log_s_list_marker() {
    let cases = [
        (
            "# T\n\n- Status: accepted\n- Date: 2026-11-26\n\n## Options\n\n- A\n  - nested\n",
            "# T\n\n* Status: accepted\n* Date: 2026-11-26\n\n## Options\n\n* A\n  * nested\n",
        ),
        (
            "---\nauthors:\n  - Ana\n---\n\n# T\n\n- x\n",
            "---\nauthors:\n  - Ana\n---\n\n# T\n\n* x\n",
        ),
        (
            "# T\n\n```yaml\n- kept\n```\n\n> - quoted\n\n---\n\n-not a list\n",
            "# T\n\n```yaml\n- kept\n```\n\n> - quoted\n\n---\n\n-not a list\n",
        ),
        ("# T\r\n\r\n- a\r\n", "# T\r\n\r\n* a\r\n"),
    ];
    for (text, expected) in cases {
        assert_eq!(with_list_marker(text, '*'), expected, "{text}");
        assert_eq!(with_list_marker(text, '-'), text);
    }
}

#[test]
fn a_status_edit_changes_the_status_words_and_keeps_what_follows() {
    let nygard = |status: &str| {
        format!("# 4. T\n\nDate: 2020-01-01\n\n## Status\n\n{status}\n\n## Context\n\nWhy.\n")
    };
    // (the status line, the new status, the line after the edit; `None`: refused)
    let cases = [
        (
            "Accepted: follow-up in [\\#4410].",
            "superseded",
            Some("Superseded: follow-up in [\\#4410]."),
        ),
        (
            "Accepted -> no change to the public API",
            "rejected",
            Some("Rejected -> no change to the public API"),
        ),
        (
            "ACCEPTED. Agreed at the design review.",
            "deprecated",
            Some("DEPRECATED. Agreed at the design review."),
        ),
        // A phrase tied to the old status stays with a status that is no longer in force…
        (
            "Deprecated in favor of [relay#12](https://x/12)",
            "superseded",
            Some("Superseded in favor of [relay#12](https://x/12)"),
        ),
        (
            "Reverted by [the May review](https://x/80).",
            "deprecated",
            Some("Deprecated by [the May review](https://x/80)."),
        ),
        (
            "Rejected in favour of ADR 31",
            "superseded",
            Some("Superseded in favour of ADR 31"),
        ),
        // …and a status in force cannot keep it.
        (
            "Reverted by [the May review](https://x/80).",
            "accepted",
            None,
        ),
        (
            "Deprecated in favor of [relay#12](https://x/12)",
            "accepted",
            None,
        ),
        ("Rejected in favour of ADR 31", "proposed", None),
        // The emoji is the record's and stays.
        ("\u{1f914} Proposed", "accepted", Some("\u{1f914} Accepted")),
        // A template's guidance is left alone; its placeholder is the status to fill.
        (
            "> Write \"proposed\" until it is agreed.\n\n{Deprecated|Proposed|Accepted}",
            "accepted",
            Some("Accepted"),
        ),
    ];
    for (line, status, expected) in cases {
        let text = nygard(line);
        let record = parse(Path::new("0004-t.md"), &text).unwrap();
        match (set_status(&text, &record, status), expected) {
            (Ok(out), Some(expected)) => {
                let wanted = nygard(&line.replace(line.rsplit('\n').next().unwrap(), expected));
                assert_eq!(out, wanted, "{line} → {status}");
            }
            (Err(error), None) => {
                let error = error.to_string();
                assert!(
                    error.contains("cannot change the status as this record writes it")
                        && !error.contains('\n'),
                    "{line}: {error}"
                );
            }
            (result, _) => panic!("{line} → {status}: {result:?}"),
        }
    }
}

#[test]
fn a_status_stated_with_its_link_is_replaced_in_place_not_stacked() {
    let text = "# 30. T\n\n## Status\n\nRejected in favour of ADR 31\n\n## Context\n\nWhy.\n";
    let record = parse(Path::new("0030-t.md"), text).unwrap();
    let out = set_status(text, &record, "superseded").unwrap();
    assert_eq!(out, text.replace("Rejected", "Superseded"));
    // The successor the status names is not linked a second time.
    let record = parse(Path::new("0030-t.md"), &out).unwrap();
    assert_eq!(
        add_link(&out, &record, "Superseded by", "31. U", "0031-u.md"),
        out
    );
    // A web page after `in favor of` is no record: the link is added.
    let text =
        "# 30. T\n\n## Status\n\nSuperseded in favor of [relay#12](https://x/12)\n\n## Context\n";
    let record = parse(Path::new("0030-t.md"), text).unwrap();
    assert!(
        add_link(text, &record, "Superseded by", "31. U", "0031-u.md")
            .contains("Superseded by [31. U](0031-u.md)")
    );
}

#[test]
fn an_emoji_before_adr_tools_link_line_keeps_it_a_link_line() {
    let text = "# 4. T\n\n## Status\n\n\u{231b}\u{fe0f} Superseded [12](0012-y.md)\n\n## Context\n";
    let record = parse(Path::new("0004-t.md"), text).unwrap();
    assert_eq!(
        set_status(text, &record, "deprecated").unwrap(),
        text.replace("\u{231b}", "Deprecated\n\n\u{231b}")
    );
}

/// A record whose status is the line naming what superseded it is not made accepted by a
/// word above that line, which would still say superseded: the edit is refused, in one
/// line that says which.
#[test]
fn a_superseded_record_is_not_accepted_under_its_successor_s_line() {
    for text in [
        "# 3. T\n\n## Status\n\nSuperceded by [4. U](0004-u.md)\n",
        "# 4. T\n\n## Status\n\n\u{231b}\u{fe0f} Superseded [12](0012-y.md)\n\n## Context\n",
    ] {
        let record = parse(Path::new("0004-t.md"), text).unwrap();
        let error = set_status(text, &record, "accepted")
            .unwrap_err()
            .to_string();
        assert!(error.contains("says what superseded it"), "{error}");
    }
}

#[test]
fn a_status_takes_the_symbols_the_log_writes_before_it() {
    let text = "# 4. T\n\n## Status\n\n\u{1f914} Accepted\n\n## Context\n";
    let record = parse(Path::new("0004-t.md"), text).unwrap();
    assert_eq!(
        restyle_status_symbols(text, &record, "accepted", "\u{2705} "),
        text.replace('\u{1f914}', "\u{2705}")
    );
    assert_eq!(
        status_symbols("\u{231b}\u{fe0f} Superseded"),
        "\u{231b}\u{fe0f} "
    );
    assert_eq!(status_symbols("Accepted"), "");
    // A status written without symbols gets none.
    let text = "# 4. T\n\n## Status\n\nAccepted\n\n## Context\n";
    let record = parse(Path::new("0004-t.md"), text).unwrap();
    assert_eq!(
        restyle_status_symbols(text, &record, "accepted", "\u{2705} "),
        text
    );
}

#[test]
fn a_status_is_changed_in_the_record_s_own_language() {
    let text = "# 001 - Format\n\n* Statut : ACCEPTÉ\n\n## Contexte\n\nA.\n";
    let changed = apply(text, |t, r| set_status(t, r, "deprecated").unwrap());
    assert_eq!(changed, text.replace("ACCEPTÉ", "DÉPRÉCIÉ"));
    let section = "# 2. X\n\n## Estado\n\nAceptado\n\n## Contexto\n\nA.\n";
    let changed = apply(section, |t, r| set_status(t, r, "rejected").unwrap());
    assert_eq!(changed, section.replace("Aceptado", "Rechazado"));
}

/// The log's symbols written with or without a variation selector are the same symbols: a
/// status line already marked so keeps every byte.
#[test]
fn a_variation_selector_is_no_reason_to_rewrite_a_status() {
    let text = "# 4. T\n\n## Status\n\n\u{231b}\u{fe0f} Superseded [19](0019-x.md)\n\n## Context\n";
    let record = parse(Path::new("0004-t.md"), text).unwrap();
    assert_eq!(
        restyle_status_symbols(text, &record, "superseded", "\u{231b} "),
        text
    );
    assert_eq!(
        restyle_status_symbols(text, &record, "superseded", "\u{1f6ab} "),
        text.replace("\u{231b}\u{fe0f} ", "\u{1f6ab} ")
    );
}

/// adr-tools' `adr new -s 1` adds the link at the end of the `## Status` section, then
/// takes out the status word's line: the link alone says the record is superseded. A line
/// of more than a bare word, or a status in the front matter too, is not adr-tools' own.
#[test]
fn an_adr_tools_record_is_superseded_by_its_link_alone() {
    let label = "2. Cache the catalogue";
    let target = "0002-cache-the-catalogue.md";
    let cases = [
        (
            "# 1. Read through\n\nDate: 2020-01-01\n\n## Status\n\nAccepted\n\n## Context\n\nSlow.\n",
            Some(
                "# 1. Read through\n\nDate: 2020-01-01\n\n## Status\n\nSuperseded by [2. Cache the catalogue](0002-cache-the-catalogue.md)\n\n## Context\n\nSlow.\n",
            ),
        ),
        // Other links stay, in their order, with the new one last.
        (
            "# 1. R\r\n\r\n## Status\r\n\r\nAccepted\r\n\r\nAmended by [3. X](0003-x.md)\r\n\r\n## Context\r\n",
            Some(
                "# 1. R\r\n\r\n## Status\r\n\r\nAmended by [3. X](0003-x.md)\r\n\r\nSuperseded by [2. Cache the catalogue](0002-cache-the-catalogue.md)\r\n\r\n## Context\r\n",
            ),
        ),
        // The section is the last one.
        (
            "# 1. R\n\n## Status\n\nProposed\n",
            Some(
                "# 1. R\n\n## Status\n\nSuperseded by [2. Cache the catalogue](0002-cache-the-catalogue.md)\n",
            ),
        ),
        ("# 1. R\n\n## Status\n\nAccepted.\n\n## Context\n", None),
        ("# 1. R\n\n## Status\n\n✅ Accepted\n\n## Context\n", None),
        (
            "# 1. R\n\n## Status\n\nProposed/partially implemented\n\n## Context\n",
            None,
        ),
        (
            "---\nstatus: accepted\n---\n\n# 1. R\n\n## Status\n\nAccepted\n\n## Context\n",
            None,
        ),
        ("# R\n\n* Status: accepted\n\n## Context\n", None),
    ];
    for (text, expected) in cases {
        let record = parse(Path::new("0001-r.md"), text).unwrap();
        let out = supersede_in_status_section(text, &record, label, target, HouseStyle::default());
        assert_eq!(out.as_deref(), expected, "{text:?}");
        if let Some(out) = out {
            let reread = parse(Path::new("0001-r.md"), &out).unwrap();
            assert_eq!(reread.status.as_deref(), Some("superseded"));
            assert!(reread.links.iter().any(|l| l.kind == "Superseded by"));
        }
    }
}

/// `superseded by` is English: a status bullet in another language is left for the
/// caller, which writes the status in the record's language and the link among the links.
#[test]
fn a_status_bullet_in_another_language_is_not_closed_in_english() {
    let text = "# 003 - Garder les journaux\n\n* Date : 2024-01-01\n* Statut : ACCEPTÉ\n\n## Contexte\n\nX\n";
    let record = parse(Path::new("003_journaux.md"), text).unwrap();
    let out = supersede_on_status_bullet(text, &record, "4. Y", "004_y.md", HouseStyle::default())
        .unwrap();
    assert_eq!(out, None);
}

#[test]
fn a_struck_out_status_history_gains_a_strike_and_the_new_word() {
    let text = "# 2. T\n\n## Status\n\n~~Proposed~~ Accepted\n\n## Context\n\nWhy.\n";
    let record = parse(Path::new("0002-x.md"), text).unwrap();
    assert_eq!(record.status.as_deref(), Some("accepted"));
    let out = set_status(text, &record, "deprecated").unwrap();
    assert_eq!(
        out,
        text.replace(
            "~~Proposed~~ Accepted",
            "~~Proposed~~ ~~Accepted~~ Deprecated"
        )
    );
}

#[test]
fn a_task_list_of_statuses_moves_its_tick() {
    let text = "# 2. T\n\n## Status\n\n- [ ] Proposed\n- [x] Accepted\n- [ ] Rejected\n\n## Context\n\nWhy.\n";
    let record = parse(Path::new("0002-x.md"), text).unwrap();
    assert_eq!(record.status.as_deref(), Some("accepted"));
    // To a status the list offers: the tick moves, every word stays.
    let out = set_status(text, &record, "rejected").unwrap();
    assert_eq!(
        out,
        text.replace(
            "- [x] Accepted\n- [ ] Rejected",
            "- [ ] Accepted\n- [x] Rejected"
        )
    );
    // To one it does not: a ticked item of its own after the others.
    let out = set_status(text, &record, "deprecated").unwrap();
    assert_eq!(
        out,
        text.replace(
            "- [x] Accepted\n- [ ] Rejected\n",
            "- [ ] Accepted\n- [ ] Rejected\n- [x] Deprecated\n"
        )
    );
    // Nothing ticked: no status, and no unticked option read as one.
    let none = parse(Path::new("0002-x.md"), &text.replace("[x]", "[ ]")).unwrap();
    assert_eq!(none.status, None);
}

/// Once looked back on, the record no longer asks for the review it had: it says when it
/// was reviewed, how it held up, what was learnt, and a next review only when one is set.
#[test]
fn a_review_replaces_the_line_that_asked_for_it() {
    let asked = "# T\n\n## More Information\n\nReview it by Thursday 8 April 2027: did the decision hold up, and what did we learn?\n\n## References\n\n[1] Review it by then.\n";
    let day = |m, d| NaiveDate::from_ymd_opt(2027, m, d).unwrap();
    let outcome = |held: &str, next| Outcome {
        date: day(4, 8),
        happened: "We moved.".into(),
        held_up: held.into(),
        learnt: "Measure the peak first.".into(),
        signal_seen: None,
        next_review: next,
    };
    let cases = [
        (
            outcome("yes: it coped", None),
            "Reviewed on Thursday 8 April 2027: it held up (see the Outcome below). What we learnt: measure the peak first.\n",
        ),
        (
            outcome("partly, we changed it", Some(day(10, 1))),
            "Reviewed on Thursday 8 April 2027: it held up in part, and we changed it (see the Outcome below). What we learnt: measure the peak first. Next review by Friday 1 October 2027.\n",
        ),
        (
            outcome("no, we reversed it", None),
            "Reviewed on Thursday 8 April 2027: it did not hold up, and we reversed it (see the Outcome below).",
        ),
    ];
    for (outcome, line) in cases {
        let out = append_outcome(asked, &outcome);
        assert!(!out.contains("Review it by Thursday"), "{out}");
        assert!(out.contains(line), "{out}");
        assert!(out.contains("[1] Review it by then."), "{out}");
        // A second look-back rewrites the same line, not a second one.
        let again = append_outcome(&out, &outcome);
        assert_eq!(again.matches("Reviewed on ").count(), 1, "{again}");
    }
}

/// A link added to a record of bold labels goes where such records write links: on a bold
/// label of its own under the status line and the link labels there, or after the status
/// word when the record or its log links on the status line; never in a new `## ` section.
#[test]
fn links_are_added_to_records_of_bold_labels_in_their_style() {
    let on_status = HouseStyle {
        links_on_status_line: true,
        ..HouseStyle::default()
    };
    let cases = [
        // No link label yet: under the bold fields that follow the status line.
        (
            "# 4. X\n\n**Status:** Accepted\n**Date:** 2024-03-02\n\n**Context**\nWhy.\n",
            HouseStyle::default(),
            "**Status:** Accepted\n**Date:** 2024-03-02\n**Supersedes:** [3. Y](0003-y.md)\n\n**Context**",
        ),
        // With the link labels, wherever they are among the fields.
        (
            "# 4. X\n\n**Status:** Accepted\n**Date:** 2024-03-02\n**Amends:** [1. W](0001-w.md)\n**Owner:** Ana\n\n**Context**\nWhy.\n",
            HouseStyle::default(),
            "**Date:** 2024-03-02\n**Amends:** [1. W](0001-w.md)\n**Supersedes:** [3. Y](0003-y.md)\n**Owner:** Ana\n",
        ),
        // Fields a blank line apart: so is the new label.
        (
            "# 4. X\n\n**Status:** Accepted\n\n**Date:** 2024-03-02\n\n**Context:** Why.\n",
            HouseStyle::default(),
            "**Status:** Accepted\n\n**Date:** 2024-03-02\n\n**Supersedes:** [3. Y](0003-y.md)\n\n**Context:** Why.\n",
        ),
        // A bold label with its text on the line is a section, not a field.
        (
            "# 4. X\n\n**Status:** Accepted\n**Context:** Why.\n\n**Decision:** What.\n",
            HouseStyle::default(),
            "**Status:** Accepted\n**Supersedes:** [3. Y](0003-y.md)\n**Context:** Why.\n",
        ),
        // `## Status` over a bold status label and bold link labels.
        (
            "# 4. X\n\n## Status\n\n**Status:** Accepted\n\n**Amends:** [1. W](0001-w.md)\n\n## Context\n\nWhy.\n",
            HouseStyle::default(),
            "## Status\n\n**Status:** Accepted\n\n**Amends:** [1. W](0001-w.md)\n\n**Supersedes:** [3. Y](0003-y.md)\n\n## Context\n",
        ),
        (
            "# 4. X\n\n**Status:** Accepted\n**Amends:** [1. W](0001-w.md)\n**Date:** 2024-03-02\n\n**Context**\nWhy.\n",
            HouseStyle::default(),
            "**Amends:** [1. W](0001-w.md)\n**Supersedes:** [3. Y](0003-y.md)\n**Date:** 2024-03-02\n",
        ),
        (
            "# 4. X\n\n**Status:** Accepted\n\n**Context**\nWhy.\n",
            on_status,
            "**Status:** Accepted, supersedes [3. Y](0003-y.md)\n\n",
        ),
        (
            "# 4. X\n\n**Status:** Accepted, amends [1. W](0001-w.md)\n\n**Context**\nWhy.\n",
            HouseStyle::default(),
            "**Status:** Accepted, amends [1. W](0001-w.md), supersedes [3. Y](0003-y.md)\n\n",
        ),
    ];
    for (text, style, expected) in cases {
        let out = apply(text, |t, r| {
            add_link_in(t, r, "Supersedes", "3. Y", "0003-y.md", style)
        });
        assert!(out.contains(expected), "{out}");
        assert_eq!(
            out.matches("## ").count(),
            text.matches("## ").count(),
            "{out}"
        );
        let reread = parse(Path::new("0004-x.md"), &out).unwrap();
        assert!(
            reread
                .links
                .iter()
                .any(|l| l.kind == "Supersedes" && l.file() == Some("0003-y.md")),
            "{out}"
        );
    }
    assert!(
        HouseStyle::of("# 4. X\n\n**Status:** Accepted; relates to [1. W](0001-w.md)\n")
            .links_on_status_line
    );
    assert!(
        !HouseStyle::of("# 4. X\n\n**Status:** Superseded by [5. W](0005-w.md)\n")
            .links_on_status_line
    );
    assert!(
        HouseStyle::of("**Status:** Superseded\n**Superseded by:** [5. W](0005-w.md)\n")
            .successor_on_label
    );
}

/// After a look-back, the front matter says what the review settled, as the outcome does:
/// the next review date, or no review date at all; a record that names no review date in
/// its front matter gets one only when it is ours and a next review is set.
#[test]
fn a_review_settles_the_review_date_in_the_front_matter() {
    let next = NaiveDate::from_ymd_opt(2027, 10, 1);
    let ours = "---\nstatus: accepted\nplaybook: decision\nreview-by: 2027-04-08\n---\n\n# T\n";
    let reviewed = "---\nstatus: accepted\nplaybook: decision\n---\n\n# T\n";
    let madr = "---\nstatus: accepted\ndate: 2026-11-26\n---\n\n# T\n";
    let cases: [(&str, Option<NaiveDate>, Option<&str>); 6] = [
        (ours, None, None),
        (ours, next, Some("2027-10-01")),
        (&ours.replace('\n', "\r\n"), next, Some("2027-10-01")),
        // Reviewed before without a next date, now given one: ours again names it.
        (reviewed, next, Some("2027-10-01")),
        (madr, next, None),
        (NYGARD, next, None),
    ];
    for (text, next_review, expected) in cases {
        let outcome = Outcome {
            date: NaiveDate::from_ymd_opt(2027, 4, 8).unwrap(),
            happened: "We moved.".into(),
            held_up: "yes".into(),
            learnt: "Measure first.".into(),
            signal_seen: None,
            next_review,
        };
        let out = append_outcome(text, &outcome);
        let record = parse(Path::new("0002-x.md"), &out).unwrap();
        assert_eq!(record.front_matter.get("review-by"), expected, "{out}");
        // The front matter and the outcome agree: the record is due when the outcome says.
        assert_eq!(record.review_by, next_review, "{out}");
        assert!(!out.contains("2027-04-08\n---") && !out.contains("2027-04-08\r\n---"));
        assert_eq!(out.contains("\r\n"), text.contains("\r\n"), "{out:?}");
    }
}

/// The review's line in More Information says the lesson mid-sentence: after "What we
/// learnt:" a capital that only started the answer goes, a name keeps its own.
#[test]
fn the_reviewed_line_says_the_lesson_mid_sentence() {
    let cases = [
        (
            "Measure the load before choosing",
            "What we learnt: measure the load before choosing.",
        ),
        (
            "Kafka needed more care than we thought",
            "What we learnt: Kafka needed more care than we thought.",
        ),
    ];
    for (learnt, said) in cases {
        let outcome = Outcome {
            date: NaiveDate::from_ymd_opt(2027, 1, 5).unwrap(),
            happened: "fine".into(),
            held_up: "yes".into(),
            learnt: learnt.into(),
            signal_seen: None,
            next_review: None,
        };
        let line = reviewed_line(&outcome);
        assert!(line.contains(said), "{line}");
    }
}

/// "Did it hold up: yes: it coped" has two colons in a row: the answer word takes a comma.
#[test]
fn a_held_up_answer_with_its_reason_reads_with_a_comma() {
    let cases = [
        ("yes: it coped", "yes, it coped"),
        ("No: we reversed it", "No, we reversed it"),
        ("partly, we changed it", "partly, we changed it"),
        ("yes", "yes"),
        ("it coped: mostly", "it coped: mostly"),
    ];
    for (held_up, said) in cases {
        assert_eq!(held_up_said(held_up), said, "{held_up}");
    }
}
