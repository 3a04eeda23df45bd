use super::*;
use crate::record::Listing;

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
    assert_eq!(record.front_matter.get("information-coverage"), Some("75%"));
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
            .map(|l| (l.kind.as_str(), l.file().unwrap_or_default(), l.line))
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
    let headings: Vec<&str> = nygard.sections.iter().map(|s| s.heading).collect();
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
fn files_with_nothing_a_record_has_are_errors() {
    for text in ["", "just text\n", "\n\n"] {
        let error = parse(Path::new("0001-x.md"), text).unwrap_err();
        let shown = error.to_string();
        assert!(shown.starts_with("0001-x.md"), "{shown}");
        assert!(shown.contains("no `# Title` heading"), "{text:?}: {shown}");
        assert_eq!(error.kind, crate::error::Kind::Record);
    }
}

#[test]
fn records_with_bad_front_matter_are_still_read() {
    let body = "# 1. T\n\nDate: 2019-01-14\n\n## Status\n\nAccepted\n\n## Context\n\nx\n";
    let cases = [
        (
            "---\ntag:General\n---\n",
            ProblemKind::FrontMatterNotAMapping,
        ),
        ("---\n- a list\n---\n", ProblemKind::FrontMatterNotAMapping),
        (
            "---\nstatus: [accepted\n---\n",
            ProblemKind::FrontMatterInvalid,
        ),
        ("---\nstatus: x\n", ProblemKind::FrontMatterUnclosed),
    ];
    for (front, problem) in cases {
        let record = parsed("0001-t.md", &format!("{front}{body}"));
        assert_eq!(record.title, "T", "{front:?}");
        assert_eq!(record.format, Format::Nygard, "{front:?}");
        assert_eq!(record.date, parse_date("2019-01-14"), "{front:?}");
        assert_eq!(
            record.problems.iter().map(|p| p.kind).collect::<Vec<_>>(),
            [problem],
            "{front:?}"
        );
    }
    let tagged = parsed("0001-t.md", &format!("---\ntag:Web App\n---\n{body}"));
    assert_eq!(tagged.tags, ["Web App"]);
    assert_eq!(tagged.status.as_deref(), Some("accepted"));
}

#[test]
fn the_body_decides_the_format_and_both_statuses_are_kept() {
    let text = "---\nid: 0002-loop\ntitle: \"Loop\"\nstatus: Accepted\ncreated: 2019-05-09\n---\n\n# 2. Loop\n\nDate: 2019-05-09\n\n## Status\n\nProposed\n\n## Context\n\nx\n";
    let record = parsed("0002-loop.md", text);
    assert_eq!(record.format, Format::Nygard);
    assert_eq!(record.status.as_deref(), Some("accepted"));
    assert_eq!(record.status_written.as_deref(), Some("Accepted"));
    let places: Vec<(StatusPlace, usize, Option<&str>)> = record
        .statuses
        .iter()
        .map(|s| (s.place, s.line, s.status.as_deref()))
        .collect();
    assert_eq!(
        places,
        [
            (StatusPlace::FrontMatter, 4, Some("accepted")),
            (StatusPlace::Section, 14, Some("proposed"))
        ]
    );
    assert!(record.disagreement().is_some());
}

#[test]
fn titles_in_the_forms_logs_write_them() {
    let cases = [
        (
            "0003-retry.md",
            "# 3 Retry and Park\n\n## Status\n\nAccepted\n",
            "Retry and Park",
        ),
        (
            "0006-spans.md",
            "# 6. Parse with Span\\<T\\>\n",
            "Parse with Span<T>",
        ),
        (
            "0008-validate.md",
            "# 0008. Validate Pipelines \n",
            "Validate Pipelines",
        ),
        (
            "0002-push.md",
            "# [Superseded by [ADR-0005](0005-pull.md)] Push metrics\n\n* Status: superseded by [ADR-0005](0005-pull.md)\n",
            "Push metrics",
        ),
        (
            "0001-accounts.md",
            "---\ntitle: \"1. Introduce an accounts service\"\ndate: 2020-06-15T10:00:00+01:00\n---\n\n* Status: accepted\n* Date: [2020-06-15](https://example.org/pull/34)\n\n## Context and Problem Statement\n\nx\n",
            "Introduce an accounts service",
        ),
        (
            "20240301-retry-failed-webhooks.md",
            "- Status: proposed\n- Date: 2024-03-01\n\n## Context and Problem Statement\n\nx\n",
            "Retry failed webhooks",
        ),
    ];
    for (name, text, title) in cases {
        assert_eq!(parsed(name, text).title, title, "{name}");
    }
    let untitled = parsed("20240301-retry-failed-webhooks.md", cases[5].1);
    assert_eq!(untitled.number, None);
    assert_eq!(untitled.date, parse_date("2024-03-01"));
    let placeholder = parsed(
        "0003-server.md",
        "# n. Server-rendered\n\n## Status\n\nApproved\n",
    );
    assert_eq!(placeholder.heading_number, HeadingNumber::Placeholder);
    assert!(
        placeholder
            .problems
            .iter()
            .any(|p| p.kind == ProblemKind::PlaceholderNumber)
    );
}

#[test]
fn links_in_the_text_are_found_in_every_section_but_not_in_code_blocks() {
    let record = parsed(
        "0005-x.md",
        "---\nstatus: accepted\n---\n# X\n\n## Context\n\nNo link [here] (or here).\n\n\
         ## Options\n\n```\n[in code](0001-a.md)\n```\n\n~~~\n[also code](0002-b.md)\n~~~\n\n\
         ## Outcome\n\n[a note] then [ADR 3](0003-c.md), and\n[ADR 4](0004-d.md#why).\n",
    );
    let found: Vec<(Option<&str>, usize)> = record
        .mentions
        .iter()
        .map(|link| (link.file(), link.line))
        .collect();
    assert_eq!(found, [(Some("0003-c.md"), 22), (Some("0004-d.md"), 23)]);
}

#[test]
fn madr_statuses_with_links_and_placeholders() {
    let superseded = parsed(
        "0002-x.md",
        "---\nstatus: \"superseded by ADR-0004\"\n---\n# X\n\n## Context and Problem Statement\n\nSee [ADR-0004](0004-y.md).\n",
    );
    assert_eq!(superseded.status.as_deref(), Some("superseded"));
    assert_eq!(superseded.links[0].target, Target::Number(4));
    assert_eq!(superseded.mentions[0].file(), Some("0004-y.md"));
    let on_hold = parsed(
        "0003-x.md",
        "---\nstatus: on hold\n---\n# X\n\n## Decision Outcome\n\n```markdown\n---\nstatus: accepted\n---\n# Not a title\n```\n",
    );
    assert_eq!(on_hold.status.as_deref(), Some("on hold"));
    assert_eq!(on_hold.statuses.len(), 1);
    let unfilled = parsed(
        "20230110-x.md",
        "# X\n\n- Status: [ accepted | deprecated | superseded by [xxx](yyyymmdd-xxx.md)] <!-- optional -->\n- Deciders: [list everyone involved in the decision] <!-- optional -->\n- Date: [YYYY-MM-DD when the decision was last updated] <!-- optional -->\n\n## Context and Problem Statement\n\nx\n",
    );
    assert_eq!(unfilled.status, None);
    assert!(unfilled.links.is_empty());
    assert_eq!(unfilled.date, parse_date("2023-01-10"));
    let problem = unfilled
        .problems
        .iter()
        .find(|p| p.kind == ProblemKind::UnfilledPlaceholder)
        .unwrap();
    assert_eq!(
        problem.message,
        "Status, Deciders and Date still hold the template's placeholder"
    );
    let level_one = parsed(
        "0008-x.md",
        "# 8. X\n\nDate: 2025-05-29\n\n# Status\n\nApproved\n\n## Context\n\nx\n",
    );
    assert_eq!(level_one.status.as_deref(), Some("approved"));
    assert_eq!(level_one.format, Format::Nygard);
    assert!(
        level_one
            .problems
            .iter()
            .any(|p| p.kind == ProblemKind::StatusHeadingLevel)
    );
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

#[test]
fn lines_end_at_a_newline_or_a_carriage_return_and_newline() {
    for (piece, expected) in [
        ("text\n", "text"),
        ("text\r\n", "text"),
        ("text", "text"),
        ("\r\n", ""),
        ("\n", ""),
        ("", ""),
        ("a\rb\n", "a\rb"),
        ("é\n", "é"),
    ] {
        assert_eq!(without_line_end(piece), expected, "{piece:?}");
    }
}

/// Texts of every length to 40 from newlines, carriage returns, vertical tabs, letters and
/// two-byte letters, in a fixed pseudo-random order.
fn mixed_texts() -> Vec<String> {
    const PIECES: [&str; 6] = ["\n", "\r", "\x0b", "a", "é", "\r\n"];
    let mut seed: u32 = 12345;
    (0..400)
        .map(|index| {
            (0..index % 41)
                .map(|_| {
                    seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
                    PIECES[(seed >> 16) as usize % PIECES.len()]
                })
                .collect()
        })
        .collect()
}

#[test]
fn a_text_splits_into_numbered_lines_that_cover_it() {
    for text in [
        "",
        "\n",
        "one",
        "one\n",
        "one\ntwo",
        "one\r\ntwo\r\n",
        "\n\nthree\n",
        "ümlaut\n日本語",
        // Newlines at each place in an eight-byte word, and several in one.
        "1234567\n12345678\n\n\n\n\n\n\n\n\n123456789012345\n1234567890123456\n",
        // Bytes one bit from a newline, and UTF-8 bytes whose low bits are a newline's.
        "a\x0bb\x0bc\x0ed\x08e\u{8a}f\u{28a}g\u{10a}\rh\n\r\n",
    ]
    .into_iter()
    .map(String::from)
    .chain(mixed_texts())
    {
        let text = text.as_str();
        let lines = split_lines(text);
        // The same lines as the standard library's split, each numbered from 1, its bytes
        // the text's own from one line's end to the next.
        let expected: Vec<&str> = text.split_inclusive('\n').collect();
        assert_eq!(lines.len(), expected.len(), "{text:?}");
        let mut start = 0;
        for (index, (line, piece)) in lines.iter().zip(expected).enumerate() {
            assert_eq!(line.number, index + 1, "{text:?}");
            assert_eq!(
                (line.start, line.end),
                (start, start + piece.len()),
                "{text:?}"
            );
            assert_eq!(line.text, without_line_end(piece), "{text:?}");
            start = line.end;
        }
        assert_eq!(start, text.len(), "{text:?}");
    }
}

#[test]
fn the_head_ends_at_the_third_heading_outside_code_blocks() {
    let cases = [
        ("# T\n## A\n## B\nrest\n", "# T\n## A\n## B\n"),
        (
            "# T\n```\n## not\n```\n## A\n## B\nrest\n",
            "# T\n```\n## not\n```\n## A\n## B\n",
        ),
        (
            "# T\n~~~\n## not\n```\n## still not\n~~~\n## A\n## B\n",
            "# T\n~~~\n## not\n```\n## still not\n~~~\n## A\n## B\n",
        ),
        (
            "---\n# not: a heading\n---\n# T\n## A\n## B\nrest\n",
            "---\n# not: a heading\n---\n# T\n## A\n## B\n",
        ),
        ("# T\n``\n## A\n## B\nrest\n", "# T\n``\n## A\n## B\n"),
        (
            "<!--\n# 99. Example\n## Status\n-->\n# T\n## A\n## B\nrest\n",
            "<!--\n# 99. Example\n## Status\n-->\n# T\n## A\n## B\n",
        ),
        ("# T\n## A\n", "# T\n## A\n"),
    ];
    for (text, expected) in cases {
        assert_eq!(head_cut(text, 3), expected, "{text:?}");
    }
}

/// The next record on a thread is split into the vector of the last one's lines, but for
/// the lines of a very long record, which are not kept.
#[test]
fn a_records_line_vector_is_reused_for_the_next() {
    let text = "# 1. A\n\n## Status\n\nAccepted\n";
    parse(Path::new("0001-a.md"), text).unwrap();
    let spare = SPARE_LINES.take();
    assert!(spare.is_empty() && spare.capacity() > 0);
    let allocation = spare.as_ptr() as usize;
    SPARE_LINES.set(spare);
    parse(Path::new("0002-b.md"), "# 2. B\n\nMore text.\n").unwrap();
    let spare = SPARE_LINES.take();
    assert_eq!(spare.as_ptr() as usize, allocation);
    SPARE_LINES.set(spare);

    let long = "# 3. C\n".to_string() + &"a line\n".repeat(Lines::MOST_KEPT + 1);
    parse(Path::new("0003-c.md"), &long).unwrap();
    assert_eq!(SPARE_LINES.take().capacity(), 0);
}

/// `lint` and `graph` read outlines: the front matter's keys are checked for duplicates
/// there, but only a whole record keeps where each is written, for edits.
#[test]
fn an_outline_reports_duplicate_keys_without_keeping_the_keys() {
    let text = "---\ndate: 2026-01-02\nstatus: accepted\nstatus: proposed\n---\n# 1. A\n";
    let outline = parse_outline(Path::new("0001-a.md"), text).unwrap();
    assert!(outline.front_matter_keys.is_empty());
    assert!(
        outline
            .problems
            .iter()
            .any(|p| p.kind == ProblemKind::DuplicateKey && p.line == Some(4))
    );
    let whole = parsed("0001-a.md", text);
    let keys: Vec<(&str, usize)> = whole
        .front_matter_keys
        .iter()
        .map(|k| (k.name.as_str(), k.line))
        .collect();
    assert_eq!(keys, [("date", 2), ("status", 3), ("status", 4)]);
    assert_eq!(outline.problems, whole.problems);
    assert_eq!(outline.statuses, whole.statuses);
}

/// The text is searched for links once, section after section: a link in a heading, one
/// only in code, two on a line and one on the last line without a newline are each
/// found (or not) as a look at every line finds them.
#[test]
fn links_are_found_section_after_section_in_one_search() {
    let text = "# 9. X\n\n## See [ADR 1](0001-a.md)\n\nplain\n\n### Code\n\n```\n[no](0002-b.md)\n```\n\n\
                ## Two\n\n[A](0003-c.md) and [B](0004-d.md)\n\n## Empty\n\n## Last\n\ntext [C](0005-e.md)";
    let expected = [
        (Some("0003-c.md"), 15),
        (Some("0004-d.md"), 15),
        (Some("0005-e.md"), 21),
    ];
    for record in [
        parsed("0009-x.md", text),
        parse_outline(Path::new("0009-x.md"), text).unwrap(),
    ] {
        let found: Vec<(Option<&str>, usize)> = record
            .mentions
            .iter()
            .map(|link| (link.file(), link.line))
            .collect();
        assert_eq!(found, expected);
    }
}

/// Headings are read byte by byte as the string functions read them.
#[test]
fn headings_read_by_bytes_as_by_characters() {
    fn by_characters(line: &str) -> Option<(usize, &str)> {
        let indent = line.len() - line.trim_start_matches(' ').len();
        if indent > 3 {
            return None;
        }
        let rest = &line[indent..];
        let level = rest.chars().take_while(|&c| c == '#').count();
        if !(1..=6).contains(&level) {
            return None;
        }
        let after = &rest[level..];
        if !after.is_empty() && !after.starts_with([' ', '\t']) {
            return None;
        }
        let text = after.trim();
        let text = match text.trim_end_matches('#') {
            stripped if stripped.ends_with(' ') || stripped.is_empty() => stripped.trim_end(),
            _ => text,
        };
        Some((level, text))
    }
    let mut lines: Vec<String> = [
        "",
        "#",
        "# A",
        "#A",
        "####### seven",
        "###### six",
        "   ## three spaces",
        "    ## four",
        "## Closing ##",
        "## Not#closing#",
        "##\tTab",
        "## é",
        "#é",
        "## ",
        "  #",
        "\t# tab first",
        "## trailing   ",
        "# #",
        "## Outcome (2027-01-02)",
    ]
    .map(String::from)
    .to_vec();
    // Every short mix of the bytes a heading's start is made of.
    let pieces = [" ", "#", "\t", "a", "é"];
    for a in pieces {
        for b in pieces {
            for c in pieces {
                for d in pieces {
                    lines.push(format!("{a}{b}{c}{d}"));
                }
            }
        }
    }
    for line in &lines {
        assert_eq!(heading(line), by_characters(line), "{line:?}");
    }
}

/// A template that keeps an example record in a comment above its own heading: the
/// example's heading, sections and fields are not the record's.
#[test]
fn headings_and_fields_in_comments_are_not_the_record_s() {
    let text = "<!--\nAn example of a filled-in record:\n\n# 99. Example\n\n* Status: accepted\n\n## Status\n\nAccepted\n-->\n\n# 0. Template\n\n<!-- * Status: rejected\n## Decision\n-->\n* Deciders: Ana\n\n## Context and Problem Statement\n\n<!-- one line --> \n## Considered Options\n\n<!--\n## Not a section\n```\n-->\n## Decision Outcome\n\n<!-->\n## Links\n";
    for record in [
        parsed("0000-template.md", text),
        match parse_head(Path::new("0000-template.md"), text, false).unwrap() {
            Parsed::Done(record) => *record,
            Parsed::NeedMore => panic!("a whole file always parses"),
        },
    ] {
        assert_eq!(record.title, "Template");
        assert_eq!(record.title_line, 13);
        assert_eq!(record.heading_number, HeadingNumber::Number(0));
        assert_eq!(record.status, None);
        assert!(record.statuses.is_empty(), "{:?}", record.statuses);
        assert_eq!(record.decision_makers, ["Ana"]);
        assert!(
            !record
                .problems
                .iter()
                .any(|p| p.kind == ProblemKind::TitleNumberMismatch),
            "{:?}",
            record.problems
        );
    }
    let record = parsed("0000-template.md", text);
    let headings: Vec<&str> = record.sections.iter().map(|s| s.heading).collect();
    assert_eq!(
        headings,
        [
            "Context and Problem Statement",
            "Considered Options",
            "Decision Outcome",
            "Links"
        ]
    );
    assert_eq!(record.format, Format::Madr);
}

#[test]
fn numbered_and_decorated_sections_make_an_adr_tools_record() {
    for (context, decision, consequences) in [
        ("1. Context", "2. Decision", "3. Consequences"),
        ("🤔 Context", "🎯 Decision", "⚖️ Consequences"),
    ] {
        let text = format!(
            "# 2: Route by prefix 🌳\n\n## Status\n\n✅ Accepted\n\n## {context}\n\nWhy.\n\n## {decision}\n\nWe will route by prefix.\n\n## {consequences}\n\nFaster lookups.\n"
        );
        let record = parsed("0002-route-by-prefix.md", &text);
        assert_eq!(record.format, Format::Nygard, "{context}");
        assert_eq!(record.status.as_deref(), Some("accepted"));
        for name in ["Context", "Decision", "Consequences"] {
            assert!(record.section(name).is_some(), "{context}: {name}");
        }
        assert_eq!(
            record.section("Decision").map(|s| s.body),
            Some("We will route by prefix.")
        );
    }
}

#[test]
fn headings_name_sections_with_words_after_them() {
    let cases = [
        ("Links", "links", true),
        ("Links <!-- optional -->", "Links", true),
        ("Context:", "Context", true),
        ("Decision: two datasets", "Decision", true),
        ("Decision (Proposed Workflow Solution):", "Decision", true),
        ("Decision - keep both", "Decision", true),
        ("Decision \u{2013} keep both", "Decision", true),
        ("Decision:", "Decision", true),
        ("Status", "Status", true),
        ("Status <!-- required -->", "Status", true),
        ("Status:", "Status", true),
        // The status is stated in the heading: no section to find one in.
        ("Status: Accepted", "Status", false),
        ("Decision Outcome", "Decision", false),
        ("Decisions", "Decision", false),
        ("Decision:  ", "Decision", true),
        ("Decision-making", "Decision", false),
        ("Context and Problem Statement", "Context", false),
        ("Con", "Context", false),
        ("Émigré", "E", false),
        ("", "Links", false),
        // Numbered sections, and symbols before or after the name.
        ("1. Context", "Context", true),
        ("2) Decision", "Decision", true),
        ("3 Consequences", "Consequences", true),
        ("🤔 Context", "Context", true),
        ("⚖️ Consequences", "Consequences", true),
        ("Decision 🎯", "Decision", true),
        ("✅ Status", "Status", true),
        ("4. Décision", "Decision", true),
        ("1. Decision Outcome", "Decision", false),
        ("🎯 Decisions", "Decision", false),
        ("2024-03-01", "Decision", false),
        ("3rd Decision", "Decision", false),
        ("1.", "Decision", false),
        ("🎯", "Decision", false),
    ];
    for (heading, name, names) in cases {
        assert_eq!(names_section(heading, name), names, "{heading:?} {name:?}");
    }
    let record = parsed(
        "0001-x.md",
        "# 1. X\n\n## Status:\n\nAccepted\n\n## Context:\n\nWhy.\n\n## Decision (Proposed Workflow Solution):\n\nThis.\n\n## Links <!-- optional -->\n\n* Relates to [2. Y](0002-y.md)\n",
    );
    assert_eq!(record.status.as_deref(), Some("accepted"));
    assert_eq!(record.format, Format::Nygard);
    assert_eq!(record.section("context").unwrap().body, "Why.");
    assert_eq!(record.section("Decision").unwrap().body, "This.");
    assert_eq!(record.links.len(), 1);
    assert_eq!(record.links[0].place, Place::LinksSection);
    assert!(record.mentions.is_empty());
}

/// `[ADR 10][]`, `[text][ref]` and `[ref]` lead to a record through a definition line:
/// each definition the text uses is a mention, on its own line.
#[test]
fn links_through_reference_definitions_are_mentions() {
    let text = "# 3. C\n\n## Status\n\nAccepted\n\n## Context\n\nAs [ADR 0010][] and [the note][N2] say; [Shortcut] too.\nNot [unused][] here.\n\n```\n[adr 0004]: 0004-in-code.md\n```\n\n[adr 0010]: 0010-common-auth.md\n[n2]: <./0002-x.md#why> \"why\"\n[shortcut]: 0005-e.md\n[never]: 0006-f.md\n[1]: https://tracker.example/1\n[unused]: img/a.png\n";
    let record = parsed("0003-c.md", text);
    let found: Vec<(Option<&str>, usize, &str)> = record
        .mentions
        .iter()
        .map(|l| (l.file(), l.line, l.label.as_str()))
        .collect();
    assert_eq!(
        found,
        [
            (Some("0010-common-auth.md"), 16, "adr 0010"),
            (Some("./0002-x.md"), 17, "n2"),
            (Some("0005-e.md"), 18, "shortcut"),
        ]
    );
    // A listing does not look for them; a record without `]:` pays one search.
    let Parsed::Done(head) = parse_head(Path::new("0003-c.md"), text, false).unwrap() else {
        panic!("a whole file always parses");
    };
    assert!(head.mentions.is_empty());
    assert!(parsed("0003-c.md", NYGARD).mentions.is_empty());
}

/// Setext headings (`Title` over `=====`, `Status` over `------`) are headings: the first
/// is the title, the others name sections, and a section ends before the next heading's
/// text. A rule after a blank line, or under a list item or a longer paragraph, is not.
#[test]
fn setext_headings_are_titles_and_sections() {
    let text = "Use a message queue\n===================\n\nDate: 2021-03-04\n\nStatus\n------\n\nAccepted\n\nContext\n-------\n\nOrders arrive in bursts.\nThey are lost today.\n\n---\n\n* a list item\n---\n\n```\nNot a heading\n=============\n```\n\nDecision\n--------\n\nUse a queue.\n";
    let record = parsed("0007-use-a-message-queue.md", text);
    assert_eq!(record.title, "Use a message queue");
    assert_eq!(record.title_line, 2);
    assert_eq!(record.status.as_deref(), Some("accepted"));
    assert_eq!(record.date, chrono::NaiveDate::from_ymd_opt(2021, 3, 4));
    let headings: Vec<&str> = record.sections.iter().map(|s| s.heading).collect();
    assert_eq!(headings, ["Status", "Context", "Decision"]);
    let context = record.section("Context").unwrap().body;
    assert!(context.starts_with("Orders arrive in bursts.\nThey are lost today."));
    assert!(!context.contains("Decision"), "{context}");
    assert_eq!(record.section("Decision").unwrap().body, "Use a queue.");

    let paragraph = parsed(
        "0008-x.md",
        "# 8. X\n\n## Context\n\nTwo lines of\nplain text\n---\n\n1. Step\n=======\n",
    );
    let headings: Vec<&str> = paragraph.sections.iter().map(|s| s.heading).collect();
    assert_eq!(headings, ["Context"]);
}

/// A record that opens with a level-2 or -3 heading and has no level-1 heading is titled by
/// it, and its metadata lines are read; a `Title:` line titles a record with no heading.
/// A record opening with a section heading is not titled by it.
#[test]
fn titles_from_lower_headings_and_title_fields() {
    let lower = parsed(
        "2022-07-21_pick-a-build-tool.md",
        "### Pick a build tool\n\n* Status: proposed\n* Date: 2022-07-21\n\n## Decision\n\nGradle.\n",
    );
    assert_eq!(lower.title, "Pick a build tool");
    assert_eq!(lower.title_line, 1);
    assert_eq!(lower.status.as_deref(), Some("proposed"));
    assert_eq!(lower.section("Decision").unwrap().body, "Gradle.");

    let then_sections = parsed(
        "2022-07-21_pick-a-build-tool.md",
        "### Pick a build tool\n\n* Status: proposed\n\n# Decision\n\nGradle.\n",
    );
    assert_eq!(then_sections.title, "Pick a build tool");
    assert_eq!(then_sections.status.as_deref(), Some("proposed"));

    let bold = parsed(
        "0004-x.md",
        "## Retry uploads with a budget\n\n**Status**: accepted\n\n## Context\n\nUploads fail.\n",
    );
    assert_eq!(bold.title, "Retry uploads with a budget");
    assert_eq!(bold.status.as_deref(), Some("accepted"));

    let field = parsed(
        "0005-x.md",
        "**Title**: Keep one region\n**Status**: accepted\n\n## Context\n\nCosts.\n",
    );
    assert_eq!(field.title, "Keep one region");
    assert_eq!(field.title_from, TitleFrom::Field);

    for text in [
        "## Context\n\nWhy.\n\n## Decision\n\nThis.\n",
        "Some words first.\n\n## Use Rust\n\n## Decision\n\nThis.\n",
        "## Use Rust\n\n# 7. The real title\n\n## Decision\n\nThis.\n",
    ] {
        let record = parsed("0007-the-real-title.md", text);
        assert_ne!(record.title, "Use Rust", "{text}");
        assert_ne!(record.title, "Context", "{text}");
    }
}

/// A table under the title that names fields in its header gives the status, date and
/// tags from its first row, and says nothing of the format.
#[test]
fn a_table_under_the_title_gives_status_and_date() {
    let text = "# 1. Drop the broker\n\n| Status | Date | Author(s) |\n|:-------|:-----|:----------|\n| Proposed | 2025-01-07 | @ana |\n\n## Context\n\nThe broker is idle.\n\n## Decision\n\nDrop it.\n\n## Consequences\n\nOne less service.\n";
    let record = parsed("001-drop-the-broker.md", text);
    assert_eq!(record.status.as_deref(), Some("proposed"));
    assert_eq!(record.date, chrono::NaiveDate::from_ymd_opt(2025, 1, 7));
    assert_eq!(record.format, Format::Nygard);
    assert_eq!(record.statuses[0].line, 5);
    assert_eq!(
        &text.lines().nth(4).unwrap()[record.statuses[0].value.clone()],
        "Proposed"
    );

    let tags = parsed(
        "0002-x.md",
        "# 2. X\n\n| Date | Tags |\n|---|---|\n| 2023-05-02 | ui, search |\n\n## Decision\n\nY.\n",
    );
    assert_eq!(tags.tags, ["ui", "search"]);
    assert_eq!(tags.date, chrono::NaiveDate::from_ymd_opt(2023, 5, 2));

    // A table of anything else is text.
    let other = parsed(
        "0003-x.md",
        "# 3. X\n\n| Option | Cost |\n|---|---|\n| Status quo | 0 |\n\n## Decision\n\nY.\n",
    );
    assert_eq!(other.status, None);
}

#[test]
fn a_status_section_line_reads_as_its_leading_status_words() {
    // (the lines under `## Status`, the status, the kinds and targets of its links)
    type Case<'a> = (&'a str, Option<&'a str>, &'a [(&'a str, Target)]);
    let cases: [Case<'_>; 16] = [
        (
            "Reverted by [the review of May](https://tracker.example/80).",
            Some("reverted"),
            &[],
        ),
        (
            "Deprecated in favor of [queue-relay#12](https://tracker.example/12)",
            Some("deprecated"),
            &[],
        ),
        ("Accepted: follow-up in [\\#4410].", Some("accepted"), &[]),
        (
            "Accepted -> no change to the public API",
            Some("accepted"),
            &[],
        ),
        (
            "Rejected in favour of ADR 31",
            Some("rejected"),
            &[("Rejected in favour of", Target::Number(31))],
        ),
        (
            "In use. Superseded by [ADR-014](./0014-y.md).",
            Some("superseded"),
            &[("Superseded by", Target::File("./0014-y.md".into()))],
        ),
        (
            "\u{231b}\u{fe0f} Superseded [0012](0012-y.md)",
            Some("superseded"),
            &[("Superseded by", Target::File("0012-y.md".into()))],
        ),
        ("\u{2705} Accepted", Some("accepted"), &[]),
        ("\u{1f914} Proposed", Some("proposed"), &[]),
        // A joined emoji (a person and a laptop) with its joiner.
        ("\u{1f9d1}\u{200d}\u{1f4bb} Proposed", Some("proposed"), &[]),
        ("Work in progress", Some("work in progress"), &[]),
        ("Accepted in 2021", Some("accepted"), &[]),
        (
            "> A decision may be \"proposed\" if the team has not agreed yet.\n\n{Deprecated|Proposed|Accepted}",
            None,
            &[],
        ),
        ("[Proposed | Accepted]", None, &[]),
        (
            "<!-- what the status\nmeans: proposed -->\nAccepted",
            Some("accepted"),
            &[],
        ),
        ("> Accepted", Some("accepted"), &[]),
    ];
    for (lines, status, links) in cases {
        let text =
            format!("# 5. T\n\nDate: 2020-01-01\n\n## Status\n\n{lines}\n\n## Context\n\nx\n");
        for depth in ["full", "head"] {
            let record = if depth == "full" {
                parsed("0005-t.md", &text)
            } else {
                match parse_head(Path::new("0005-t.md"), &text, false).unwrap() {
                    Parsed::Done(record) => *record,
                    Parsed::NeedMore => panic!("{lines}"),
                }
            };
            assert_eq!(record.status.as_deref(), status, "{depth}: {lines}");
            let found: Vec<(&str, Target)> = record
                .links
                .iter()
                .map(|l| (l.kind.as_str(), l.target.clone()))
                .collect();
            assert_eq!(found, links, "{depth}: {lines}");
            assert!(
                !record
                    .problems
                    .iter()
                    .any(|p| p.kind == ProblemKind::MisspeltStatus),
                "{lines}"
            );
        }
    }
}

#[test]
fn a_status_written_with_its_link_is_the_status_line_not_a_link_line() {
    let text = "# 30. T\n\n## Status\n\nRejected in favour of ADR 31\n\n## Context\n\nx\n";
    let record = parsed("0030-t.md", text);
    assert_eq!(record.statuses.len(), 1);
    assert!(!record.statuses[0].only_links);
    // adr-tools' own link line stays a link line.
    let text = "# 3. T\n\n## Status\n\nSuperceded by [4. U](0004-u.md)\n\n## Context\n";
    assert!(parsed("0003-t.md", text).statuses[0].only_links);
    // A link line after the status word is a link, whatever its kind.
    let text = "# 3. T\n\n## Status\n\nAccepted\n\nReplaced by [4. U](0004-u.md)\n\n## Context\n";
    let record = parsed("0003-t.md", text);
    assert_eq!(record.status.as_deref(), Some("accepted"));
    assert!(record.statuses[1].only_links);
}

#[test]
fn a_superseded_by_line_below_a_status_word_is_the_last_word() {
    // adr-tools' `adr new -s` takes out only "Accepted"; another word stays above the link.
    for (status_lines, expected) in [
        ("Proposed\n\nSuperceded by [4. U](0004-u.md)", "superseded"),
        ("Accepted\n\nSuperseded by [4. U](0004-u.md)", "superseded"),
        (
            "Implemented\n\nSuperceded by [4. U](0004-u.md)",
            "superseded",
        ),
        // A word that closes the decision says more than the link.
        (
            "Deprecated\n\nSuperceded by [4. U](0004-u.md)",
            "deprecated",
        ),
        ("Superceded by [4. U](0004-u.md)", "superseded"),
        // A link that supersedes nothing leaves the word in force.
        ("Proposed\n\nAmended by [4. U](0004-u.md)", "proposed"),
        ("Accepted\n\nSupercedes [2. S](0002-s.md)", "accepted"),
    ] {
        let text = format!("# 3. T\n\n## Status\n\n{status_lines}\n\n## Context\n\nx\n");
        let record = parsed("0003-t.md", &text);
        assert_eq!(record.status.as_deref(), Some(expected), "{status_lines}");
        // The word stays the line a status edit changes.
        assert_eq!(record.status_line, Some(5), "{status_lines}");
    }
    // Front matter that says otherwise is the log's own word, and is kept.
    let text = "---\nstatus: accepted\n---\n# 3. T\n\n## Status\n\nProposed\n\nSuperceded by [4. U](0004-u.md)\n\n## Context\n";
    assert_eq!(
        parsed("0003-t.md", text).status.as_deref(),
        Some("accepted")
    );
}

#[test]
fn statuses_no_longer_in_force_are_closed() {
    for status in [
        "superseded",
        "deprecated",
        "rejected",
        "reverted",
        "retired",
        "revoked",
        "withdrawn",
        "abandoned",
        "obsolete",
        "replaced",
    ] {
        let text = format!("# 1. T\n\n## Status\n\n{status}\n\n## Context\n\nx\n");
        let record = parsed("0001-t.md", &text);
        assert_eq!(record.status.as_deref(), Some(status));
        assert!(record.is_closed(), "{status}");
    }
    for status in ["accepted", "proposed", "implemented", "on hold"] {
        let text = format!("# 1. T\n\n## Status\n\n{status}\n\n## Context\n\nx\n");
        assert!(!parsed("0001-t.md", &text).is_closed(), "{status}");
    }
}

/// A record written in French: `Statut :` with the space French puts before a colon, a
/// translated status word, and translated section headings, read as their English kin.
#[test]
fn records_in_other_languages_read_their_status_and_sections() {
    let record = parsed(
        "001-format-d-echange.md",
        "# 001 - Format d'échange\n\n* Statut : Accepté\n* Date : 2023-02-01\n\n## Contexte\n\nLes données.\n\n## Décision\n\nDu JSON.\n\n## Conséquences\n\nMoins de code.\n",
    );
    assert_eq!(record.status.as_deref(), Some("accepted"));
    assert_eq!(record.date, chrono::NaiveDate::from_ymd_opt(2023, 2, 1));
    assert_eq!(record.title, "Format d'échange");
    assert_eq!(record.section("Context").unwrap().body, "Les données.");
    assert_eq!(record.section("Decision").unwrap().body, "Du JSON.");
    assert!(record.section("Consequences").is_some());

    let spanish = parsed(
        "0002-x.md",
        "# 2. X\n\n## Estado\n\nRECHAZADO\n\n## Contexto\n\nA.\n",
    );
    assert_eq!(spanish.status.as_deref(), Some("rejected"));
    for (status, written, expected) in [
        ("deprecated", "Accepté", "déprécié"),
        ("superseded", "aceptado", "reemplazado"),
        ("on hold", "Accepté", "on hold"),
        ("accepted", "Proposed", "accepted"),
        ("rejected", "✅ Akzeptiert", "abgelehnt"),
    ] {
        assert_eq!(in_language_of(status, written), expected, "{written}");
    }
}

/// Each translated section name is found for its English name: the quick test of the
/// name's length lets every one through.
#[test]
fn every_translated_section_name_names_its_section() {
    for (english, names) in TRANSLATED_SECTIONS {
        for name in *names {
            assert!(names_section(name, english), "{name} for {english}");
            assert!(
                names_section(&format!("{name}:"), english),
                "{name}: for {english}"
            );
        }
    }
    assert!(!names_section("Contexte", "Decision"));
    // A name of the same length and first letter as a translated one is not its kin.
    assert!(!names_section("Contexte", "Comment"));
    assert!(!names_section("Estado", "Source"));
}

#[test]
fn a_title_heading_that_repeats_the_file_name_reads_as_its_words() {
    let record = parsed(
        "0003-domain-driven-layout.md",
        "# 0003-domain-driven-layout\n\n**Status:** Accepted\n\nWhy and what.\n",
    );
    assert_eq!(record.title, "Domain driven layout");
    assert_eq!(record.number, Some(3));
    assert_eq!(record.status.as_deref(), Some("accepted"));
    let kept = parsed(
        "0004-x.md",
        "# 4. Use async-await\n\n## Status\n\nAccepted\n",
    );
    assert_eq!(kept.title, "Use async-await");
}

#[test]
fn a_status_line_over_adr_tools_sections_is_adr_tools_record() {
    let sections = "## Context\n\nWhy.\n\n## Decision\n\nThis.\n\n## Consequences\n\nThen.\n";
    let (nygard, madr) = (Format::Nygard, Format::Madr);
    // (lines under the title, the sections, the format when named by number, and by date
    // as log4brains names its records, whose template is MADR's)
    let cases = [
        ("**Status:** Accepted\n", sections, nygard, nygard),
        (
            "* Status: accepted\n* Date: 2024-01-02\n",
            sections,
            nygard,
            madr,
        ),
        (
            "- Status: ~~Proposed~~ **Accepted**\n",
            sections,
            nygard,
            madr,
        ),
        // MADR 2's short form: its field list over a decision alone.
        ("- Status: accepted\n", "## Decision\n\nThis.\n", madr, madr),
        (
            "* Status: accepted\n* Deciders: Ana\n",
            sections,
            madr,
            madr,
        ),
        (
            "* Status: accepted\n",
            "## Context and Problem Statement\n\nWhy.\n",
            madr,
            madr,
        ),
    ];
    for (fields, body, numbered, dated) in cases {
        let text = format!("# Use X\n\n{fields}\n{body}");
        assert_eq!(
            parsed("0001-use-x.md", &text).format,
            numbered,
            "{fields}{body}"
        );
        assert_eq!(
            parsed("20240102-use-x.md", &text).format,
            dated,
            "{fields}{body}"
        );
        let head = crate::record::parse::parse_head(Path::new("0001-use-x.md"), &text, false);
        let Ok(crate::record::parse::Parsed::Done(record)) = head else {
            panic!("the head of {fields}{body} was not read");
        };
        assert_eq!(record.format, numbered, "head: {fields}{body}");
    }
}

#[test]
fn bold_labels_with_a_colon_a_space_or_alone() {
    for (line, label) in [
        ("**Context:** We ship weekly.", Some(("Context", 13))),
        ("**Context**: We ship weekly.", Some(("Context", 13))),
        ("**Context** We ship weekly.", Some(("Context", 12))),
        ("**Context**", Some(("Context", 11))),
        ("**Context**, as we saw, matters.", None),
        ("**Context**s matter.", None),
        ("Plain text.", None),
    ] {
        assert_eq!(bold_label(line), label, "{line}");
    }
}

/// A record of bold labels that keeps a `## Status` heading: the status section ends at the
/// first label, and the labels are its sections, as in a record with no heading but its title.
#[test]
fn bold_labels_under_a_status_heading_are_the_sections() {
    let text = "# 0003-send-reminders\n\n## Status\n\nProposed\n\n**Context:**\nSpam folders.\n\n**Decision:** Texts.\n\n**Consequences:**\nCosts.\n";
    let record = parsed("0003-send-reminders.md", text);
    assert_eq!(record.status.as_deref(), Some("proposed"));
    assert_eq!(record.section("Status").unwrap().body, "Proposed");
    assert_eq!(record.section("Context").unwrap().body, "Spam folders.");
    assert_eq!(record.section("Decision").unwrap().body, "Texts.");
    assert_eq!(record.format, Format::Nygard);
    // Headings of its own: the bold words are text.
    let headed = parsed(
        "0004-x.md",
        "# 4. X\n\n## Status\n\nAccepted\n\n## Context\n\n**Decision:** not a section here.\n",
    );
    assert!(headed.section("Decision").is_none());
}

/// Typed links as logs of bold labels write them: on the bold status line, after the
/// status word or as it, and on bold labels of their own next to it. A bold label that is
/// no link kind, a bullet, and a link kind in running text stay mentions.
#[test]
fn typed_links_on_bold_status_lines_and_bold_labels() {
    // (lines under `# 4. X`, status, (kind, target, line) of each typed link, mentions).
    type Links = &'static [(&'static str, &'static str, usize)];
    let cases: [(&str, &str, Links, usize); 10] = [
        (
            "**Status:** Superseded by [5. Y](0005-y.md)",
            "superseded",
            &[("Superseded by", "0005-y.md", 3)],
            0,
        ),
        (
            "**Status:** Accepted, supersedes [3. Y](0003-y.md)",
            "accepted",
            &[("Supersedes", "0003-y.md", 3)],
            0,
        ),
        (
            "**Status:** Accepted, amends [3. Y](0003-y.md), relates to [2. Z](0002-z.md)",
            "accepted",
            &[("Amends", "0003-y.md", 3), ("Relates to", "0002-z.md", 3)],
            0,
        ),
        (
            "**Status:** Accepted\n**Supersedes:** [3. Y](0003-y.md)",
            "accepted",
            &[("Supersedes", "0003-y.md", 4)],
            0,
        ),
        (
            "**Status:** Superseded\n**Superseded by:** [5. Y](0005-y.md)\n**Date:** 2024-03-02",
            "superseded",
            &[("Superseded by", "0005-y.md", 4)],
            0,
        ),
        (
            "**Status:** Accepted\n**Relates to:** [3. Y](0003-y.md), [2. Z](0002-z.md)\n**Amends**: [1. W](0001-w.md)",
            "accepted",
            &[
                ("Relates to", "0003-y.md", 4),
                ("Relates to", "0002-z.md", 4),
                ("Amends", "0001-w.md", 5),
            ],
            0,
        ),
        (
            "**Status:** Accepted\n**Supercedes:** ADR-0003",
            "accepted",
            &[("Supersedes", "", 4)],
            0,
        ),
        // Not links: a comma before words that are no link kind, a label of another name,
        // a bullet of a link kind.
        (
            "**Status:** Accepted, see [3. Y](0003-y.md)",
            "accepted",
            &[],
            0,
        ),
        (
            "**Status:** Accepted\n**Technical story:** [3. Y](0003-y.md)",
            "accepted",
            &[],
            1,
        ),
        (
            "**Status:** Accepted\n* Supersedes: [3. Y](0003-y.md)",
            "accepted",
            &[],
            1,
        ),
    ];
    for (lines, status, expected, mentions) in cases {
        let text = format!("# 4. X\n\n{lines}\n\n**Context:**\nWhy.\n");
        let record = parsed("0004-x.md", &text);
        assert_eq!(record.status.as_deref(), Some(status), "{lines}");
        let links: Vec<(&str, &str, usize)> = record
            .links
            .iter()
            .map(|l| (l.kind.as_str(), l.file().unwrap_or_default(), l.line))
            .collect();
        assert_eq!(links, expected, "{lines}");
        assert!(
            record.links.iter().all(|l| l.place == Place::Status),
            "{lines}"
        );
        assert_eq!(record.mentions.len(), mentions, "{lines}");
    }
}

/// Typed links where mixed records and records of bold labels write them besides their
/// status lines: a bold label under a `## Status` heading (whose bold status label is no
/// status word), a bold label among the later labels, a line of the kind's words that
/// opens a paragraph at the end. A sentence that goes on after the link, or a kind's words
/// in the middle of a paragraph, stay mentions.
#[test]
fn typed_links_on_their_own_lines_anywhere_in_a_record() {
    // (the record under `# 4. X`, its status, (kind, target, line) of each link, mentions).
    type Links = &'static [(&'static str, &'static str, usize)];
    let cases: [(&str, &str, Links, usize); 6] = [
        (
            "## Status\n\n**Status:** Superseded\n\n**Superseded by:** [5. Y](0005-y.md)\n\n## Context\n\nWhy.\n",
            "superseded",
            &[("Superseded by", "0005-y.md", 7)],
            0,
        ),
        (
            "**Status:** Accepted\n\n**Context:** Why.\n\n**Decision:** What.\n\n**Supersedes:** [3. Y](0003-y.md), [2. Z](0002-z.md)\n",
            "accepted",
            &[
                ("Supersedes", "0003-y.md", 9),
                ("Supersedes", "0002-z.md", 9),
            ],
            0,
        ),
        (
            "**Status:** Superseded\n\n**Context:** Why.\n\n**Consequences:** Less.\nSuperseded by [5. Y](0005-y.md)\n",
            "superseded",
            &[],
            1,
        ),
        (
            "## Status\n\nSuperseded\n\n## Decision\n\nWhat.\n\nSuperseded by [5. Y](0005-y.md).\n",
            "superseded",
            &[("Superseded by", "0005-y.md", 11)],
            0,
        ),
        (
            "## Status\n\nAccepted\n\n## Decision\n\nSupersedes [3. Y](0003-y.md) for the web app.\n",
            "accepted",
            &[],
            1,
        ),
        (
            "Status: Accepted\nSupersedes: [3. Y](0003-y.md)\n\n## Decision\n\nWhat.\n",
            "accepted",
            &[("Supersedes", "0003-y.md", 4)],
            0,
        ),
    ];
    for (body, status, expected, mentions) in cases {
        let text = format!("# 4. X\n\n{body}");
        let record = parsed("0004-x.md", &text);
        assert_eq!(record.status.as_deref(), Some(status), "{body}");
        let links: Vec<(&str, &str, usize)> = record
            .links
            .iter()
            .map(|l| (l.kind.as_str(), l.file().unwrap_or_default(), l.line))
            .collect();
        assert_eq!(links, expected, "{body}");
        assert_eq!(record.mentions.len(), mentions, "{body}");
    }
}
