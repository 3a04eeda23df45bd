use super::*;

fn parsed(name: &str, text: &str) -> Record {
    parse(Path::new(name), text).unwrap_or_else(|e| panic!("{name}: {e}"))
}

const OURS: &str = "---
status: accepted
date: 2026-11-26
decision-makers: Ana Lima (tech lead), Ben Okafor
playbook: decision
door: one-way
information-coverage: 75%
review-by: 2027-02-24
---

# Choose the database for the orders service

## Context and Problem Statement

The orders service outgrew SQLite.

## Decision Outcome

Chosen option: \"PostgreSQL\".

### Consequences

* Good, because billing runs it

## Links

* Supersedes [3. Use SQLite](0003-use-sqlite.md)
";

const NYGARD: &str = "# 2. Use PostgreSQL

Date: 2016-02-12

## Status

Accepted

Supercedes [1. Use MySQL](0001-use-mysql.md)

Amended by [5. Tune it](0005-tune-it.md)

## Context

Why.

## Decision

```
## not a heading
```

## Consequences

Some.
";

const MADR2: &str = "# Use Markdown Architectural Decision Records

* Status: superseded by [ADR-0005](0005-use-asciidoc.md)
* Deciders: Ana, Ben
* Date: 2018-09-13

Technical Story: none

## Context and Problem Statement

We want to record decisions.

## Decision Outcome

Chosen option: \"MADR\".
";

const MADR4: &str = "---
status: \"accepted\"
date: 2024-01-31
decision-makers: [Ana, Ben]
---

# Use Plain JUnit5 for advanced test assertions

## Context and Problem Statement

How to write readable test assertions?

## Considered Options

* Plain JUnit5
* Hamcrest

## Decision Outcome

Chosen option: \"Plain JUnit5\".
";

#[test]
fn formats_and_metadata() {
    struct Case {
        name: &'static str,
        text: &'static str,
        format: Format,
        number: Option<u32>,
        title: &'static str,
        status: Option<&'static str>,
        status_line: Option<usize>,
        date: Option<&'static str>,
        makers: &'static [&'static str],
    }
    let cases = [
        Case {
            name: "0004-choose.md",
            text: OURS,
            format: Format::Decide,
            number: Some(4),
            title: "Choose the database for the orders service",
            status: Some("accepted"),
            status_line: Some(2),
            date: Some("2026-11-26"),
            makers: &["Ana Lima (tech lead)", "Ben Okafor"],
        },
        Case {
            name: "0002-use-postgresql.md",
            text: NYGARD,
            format: Format::Nygard,
            number: Some(2),
            title: "Use PostgreSQL",
            status: Some("accepted"),
            status_line: Some(7),
            date: Some("2016-02-12"),
            makers: &[],
        },
        Case {
            // No number in the file name: the heading's counts.
            name: "use-postgresql.md",
            text: NYGARD,
            format: Format::Nygard,
            number: Some(2),
            title: "Use PostgreSQL",
            status: Some("accepted"),
            status_line: Some(7),
            date: Some("2016-02-12"),
            makers: &[],
        },
        Case {
            name: "0000-use-markdown.md",
            text: MADR2,
            format: Format::Madr,
            number: Some(0),
            title: "Use Markdown Architectural Decision Records",
            status: Some("superseded"),
            status_line: Some(3),
            date: Some("2018-09-13"),
            makers: &["Ana", "Ben"],
        },
        Case {
            name: "0009-junit.md",
            text: MADR4,
            format: Format::Madr,
            number: Some(9),
            title: "Use Plain JUnit5 for advanced test assertions",
            status: Some("accepted"),
            status_line: Some(2),
            date: Some("2024-01-31"),
            makers: &["Ana", "Ben"],
        },
    ];
    for case in cases {
        let record = parsed(case.name, case.text);
        assert_eq!(record.format, case.format, "{}", case.name);
        assert_eq!(record.number, case.number, "{}", case.name);
        assert_eq!(record.title, case.title, "{}", case.name);
        assert_eq!(record.status.as_deref(), case.status, "{}", case.name);
        assert_eq!(record.status_line, case.status_line, "{}", case.name);
        assert_eq!(
            record.date.map(|d| d.to_string()).as_deref(),
            case.date,
            "{}",
            case.name
        );
        assert_eq!(record.decision_makers, case.makers, "{}", case.name);
    }
}

#[test]
fn our_fields() {
    let record = parsed("0004-choose.md", OURS);
    assert_eq!(record.door.as_deref(), Some("one-way"));
    assert_eq!(record.review_by, parse_date("2027-02-24"));
    assert_eq!(record.front_matter["information-coverage"], "75%");
    assert_eq!(record.title_line, 11);
}

#[test]
fn links_in_every_format() {
    // (kind, target, line) of each link.
    type Links = &'static [(&'static str, &'static str, usize)];
    let cases: [(&str, Links); 3] = [
        (OURS, &[("Supersedes", "0003-use-sqlite.md", 27)]),
        (
            NYGARD,
            &[
                ("Supersedes", "0001-use-mysql.md", 9),
                ("Amended by", "0005-tune-it.md", 11),
            ],
        ),
        (MADR2, &[("Superseded by", "0005-use-asciidoc.md", 3)]),
    ];
    for (text, expected) in cases {
        let record = parsed("0001-x.md", text);
        let links: Vec<(&str, &str, usize)> = record
            .links
            .iter()
            .map(|l| (l.kind.as_str(), l.target.as_str(), l.line))
            .collect();
        assert_eq!(links, expected);
    }
}

#[test]
fn sections_nest_and_skip_code_blocks() {
    let record = parsed("0004-choose.md", OURS);
    let outcome = record.section("decision outcome").unwrap();
    assert_eq!(outcome.level, 2);
    assert_eq!(outcome.line, 17);
    assert!(outcome.body.starts_with("Chosen option"));
    assert!(outcome.body.contains("* Good, because billing runs it"));
    assert_eq!(
        record.section("Consequences").unwrap().body,
        "* Good, because billing runs it"
    );
    let nygard = parsed("0002-x.md", NYGARD);
    let headings: Vec<&str> = nygard.sections.iter().map(|s| s.heading.as_str()).collect();
    assert_eq!(headings, ["Status", "Context", "Decision", "Consequences"]);
    assert!(
        nygard
            .section("Decision")
            .unwrap()
            .body
            .contains("## not a heading")
    );
}

#[test]
fn status_words() {
    let cases = [
        ("* Status: Accepted", Some("accepted")),
        ("- Status: proposed", Some("proposed")),
        ("* **Status**: deprecated", Some("deprecated")),
        ("Status: rejected.", Some("rejected")),
        (
            "* Status: superseded by [ADR-0005](0005-x.md)",
            Some("superseded"),
        ),
        ("* Status:", None),
    ];
    for (line, expected) in cases {
        let text = format!("# T\n\n{line}\n\n## Context and Problem Statement\n\nx\n");
        let record = parsed("0001-t.md", &text);
        assert_eq!(record.status.as_deref(), expected, "{line}");
    }
}

#[test]
fn nygard_status_from_links_alone() {
    let text = "# 3. T\n\nDate: 2020-01-01\n\n## Status\n\nSuperceded by [4. U](0004-u.md)\n\n## Context\n";
    let record = parsed("0003-t.md", text);
    assert_eq!(record.status.as_deref(), Some("superseded"));
    assert_eq!(record.status_line, Some(7));
    assert_eq!(record.links[0].kind, "Superseded by");
}

#[test]
fn unparseable_records_say_why() {
    let cases = [
        ("", "no `# Title` heading"),
        ("just text\n", "no `# Title` heading"),
        (
            "---\nstatus: accepted\n# T\n",
            "the front matter is not closed",
        ),
        ("---\nstatus: [accepted\n---\n# T\n", "front matter:"),
        ("---\n- a list\n---\n# T\n", "not a mapping"),
    ];
    for (text, reason) in cases {
        let error = parse(Path::new("0001-x.md"), text).unwrap_err();
        let shown = error.to_string();
        assert!(shown.starts_with("0001-x.md"), "{shown}");
        assert!(shown.contains(reason), "{text:?}: {shown}");
        assert_eq!(error.kind, crate::error::Kind::Record);
    }
}

#[test]
fn numbered_titles() {
    let cases = [
        (
            "1. Record architecture decisions",
            Some(1),
            "Record architecture decisions",
        ),
        ("ADR-0007: Use Kafka", Some(7), "Use Kafka"),
        ("ADR 12. Use Rust", Some(12), "Use Rust"),
        ("2024 plans", None, "2024 plans"),
        ("3.5 inch floppies", None, "3.5 inch floppies"),
        ("Use Rust", None, "Use Rust"),
    ];
    for (title, number, text) in cases {
        assert_eq!(split_numbered_title(title), (number, text), "{title}");
    }
}

#[test]
fn link_kinds_reverse() {
    let cases = [
        ("Supersedes", "Superseded by"),
        ("Superseded by", "Supersedes"),
        ("supercedes", "Superseded by"),
        ("Superceded by", "Supersedes"),
        ("Amends", "Amended by"),
        ("Amended by", "Amends"),
        ("Clarifies", "Clarified by"),
        ("Clarified by", "Clarifies"),
        ("Relates to", "Relates to"),
        ("Implements", "Implements by"),
        ("Implements by", "Implements"),
    ];
    for (kind, reverse) in cases {
        assert_eq!(reverse_kind(kind), reverse, "{kind}");
    }
}

#[test]
fn links_need_a_kind_and_a_relative_target() {
    let cases = [
        (
            "Supercedes [1. A](0001-a.md)",
            Some(("Supersedes", "0001-a.md")),
        ),
        ("Amends: [x](./0002-b.md)", Some(("Amends", "./0002-b.md"))),
        ("See [the docs](https://example.com)", None),
        ("[no kind](0001-a.md)", None),
        ("Chosen option: \"[x](y.md)\"", None),
        ("Supersedes [1. A]", None),
    ];
    for (text, expected) in cases {
        let link = parse_link(text, 1);
        assert_eq!(
            link.as_ref().map(|l| (l.kind.as_str(), l.target.as_str())),
            expected,
            "{text}"
        );
    }
}

#[test]
fn head_parse_stops_early_and_asks_for_more_when_cut() {
    let path = Path::new("0002-x.md");
    let Parsed::Done(head) = parse_head(path, NYGARD, false).unwrap() else {
        panic!("a whole file always parses");
    };
    assert_eq!(head.status.as_deref(), Some("accepted"));
    assert!(!head.complete);
    assert!(head.section("Context").is_none());
    // Cut inside the status section: the status is not known yet.
    let cut = &NYGARD[..NYGARD.find("Accepted").unwrap() + 3];
    assert!(matches!(
        parse_head(path, cut, true).unwrap(),
        Parsed::NeedMore
    ));
    // Cut after the title of a front-matter record: enough.
    let cut = &OURS[..OURS.find("## Context").unwrap()];
    assert!(matches!(
        parse_head(path, cut, true).unwrap(),
        Parsed::Done(_)
    ));
    // Cut inside the front matter.
    assert!(matches!(
        parse_head(path, &OURS[..40], true).unwrap(),
        Parsed::NeedMore
    ));
}

#[test]
fn crlf_and_bom() {
    let text = "\u{feff}# 1. T\r\n\r\nDate: 2020-01-01\r\n\r\n## Status\r\n\r\nAccepted\r\n";
    let record = parsed("0001-t.md", text);
    assert_eq!(record.title, "T");
    assert_eq!(record.status.as_deref(), Some("accepted"));
    assert_eq!(record.section("status").unwrap().body, "Accepted");
}

#[test]
fn the_latest_outcome_is_read_from_the_end_of_a_record() {
    use crate::record::parse::{LatestOutcome, latest_outcome};
    let date = |text: &str| NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap();
    let cases = [
        ("no outcome here\n", LatestOutcome::None),
        (
            "## Outcome (2027-03-01)\n\n* What happened: x\n* Next review by: 2027-09-01\n",
            LatestOutcome::Found(date("2027-03-01"), Some(date("2027-09-01"))),
        ),
        (
            "## Outcome (2027-03-01)\n\n* Next review by: 2027-09-01\n\n## Outcome (2027-09-02)\n\n* What happened: done\n",
            LatestOutcome::Found(date("2027-09-02"), None),
        ),
        (
            "happened: x\n* What we learnt: y\n* Next review by: 2027-09-01\n",
            LatestOutcome::Unsure,
        ),
        // A heading inside a code block is text; where the block opened may lie earlier.
        (
            "```\n## Outcome (2099-01-01)\n\n* Next review by: 2099-01-01\n",
            LatestOutcome::Unsure,
        ),
    ];
    for (text, expected) in cases {
        assert_eq!(latest_outcome(text), expected, "{text:?}");
    }
}

#[test]
fn a_head_read_and_a_full_read_agree_on_an_outcome_inside_a_code_block() {
    let text = "---\nstatus: accepted\nreview-by: 2027-01-01\n---\n\n# T\n\n## Context\n\n```\n## Outcome (2099-01-01)\n\n* Next review by: 2099-01-01\n```\n";
    let full = parsed("0001-t.md", text);
    assert_eq!(full.review_by, NaiveDate::from_ymd_opt(2027, 1, 1));
    assert_eq!(
        crate::record::parse::latest_outcome(text),
        crate::record::parse::LatestOutcome::Unsure
    );
}
