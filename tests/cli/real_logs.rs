//! Logs in the shapes real teams keep (tests/fixtures/logs/SHAPE, written in our own words;
//! see its README): every command runs on every shape, and what `list`, `graph` and `lint`
//! report is checked against the shape's `expected.yaml`: count, addresses, titles,
//! statuses, dates, formats, the graph's edges, and lint's real and false findings.
//! Then the edits each shape's `editor` notes ask for.

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use serde_yaml::Value;

use crate::support::{decide, example, stderr, stdout};

const SHAPES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/logs");

/// A scratch repository holding a copy of the shape (without its expected.yaml).
fn repository(shape: &str) -> tempfile::TempDir {
    let repo = crate::support::repo();
    crate::support::copy_tree(&Path::new(SHAPES).join(shape), repo.path(), "expected.yaml");
    repo
}

fn shapes() -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(SHAPES)
        .unwrap()
        .flatten()
        .filter(|e| e.path().join("expected.yaml").is_file())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn expected(shape: &str) -> Value {
    let text = fs::read_to_string(Path::new(SHAPES).join(shape).join("expected.yaml")).unwrap();
    serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("{shape}/expected.yaml: {e}"))
}

fn text(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

fn field(value: &Value, key: &str) -> Option<String> {
    value.get(key).and_then(text)
}

fn list(value: &Value, key: &str) -> Vec<Value> {
    value
        .get(key)
        .and_then(Value::as_sequence)
        .cloned()
        .unwrap_or_default()
}

/// `decide ARGS`, with `--dir` when the shape's log is found only by being named.
fn run(repo: &Path, expected: &Value, args: &[&str]) -> std::process::Output {
    let mut command = decide(repo);
    command.args(args);
    if field(expected, "log_dir_found_by").as_deref() == Some("flag") {
        command
            .arg("--dir")
            .arg(field(expected, "log_dir").unwrap());
    }
    command.output().unwrap()
}

/// Our format names: adr-tools' is "nygard" in expected.yaml, ours "ours".
fn format_name(format: &str) -> &str {
    match format {
        "adr-tools" => "nygard",
        "decide" => "ours",
        other => other,
    }
}

/// The site shows every record `list` lists, in every shape: a log4brains package's
/// records too.
#[test]
fn every_shape_builds_a_site_of_every_record() {
    for shape in shapes() {
        let expected = expected(&shape);
        let repo = repository(&shape);
        let out = tempfile::tempdir().unwrap();
        let output = run(
            repo.path(),
            &expected,
            &["site", "--out", out.path().join("site").to_str().unwrap()],
        );
        assert!(output.status.success(), "{shape}: {}", stderr(&output));
        let count = expected["record_count"].as_u64().unwrap() as usize;
        let pages = std::fs::read_dir(out.path().join("site/records"))
            .unwrap()
            .flatten()
            .filter(|e| e.path().extension().is_some_and(|x| x == "html"))
            .count();
        assert_eq!(pages, count, "{shape}: {}", stderr(&output));
    }
}

#[test]
fn every_shape_lists_right() {
    for shape in shapes() {
        let expected = expected(&shape);
        let repo = repository(&shape);
        let output = run(repo.path(), &expected, &["list", "--json"]);
        assert_eq!(
            output.status.code(),
            Some(0),
            "{shape}: {}",
            stderr(&output)
        );
        let rows: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
        let rows = rows.as_array().unwrap();
        let records = list(&expected, "records");
        let count = expected["record_count"].as_u64().unwrap() as usize;
        assert_eq!(rows.len(), count, "{shape}: {rows:#?}");
        assert_eq!(records.len(), count, "{shape}: expected.yaml");
        for record in &records {
            let file = field(record, "file").unwrap();
            let row = rows
                .iter()
                .find(|r| r["path"] == file.as_str())
                .unwrap_or_else(|| panic!("{shape}: {file} is not listed"));
            let found = |key: &str| match &row[key] {
                serde_json::Value::String(s) => Some(s.clone()),
                serde_json::Value::Number(n) => Some(n.to_string()),
                _ => None,
            };
            for (key, json_key) in [
                ("address", "address"),
                ("number", "number"),
                ("title", "title"),
                ("status", "status"),
                ("date", "date"),
            ] {
                assert_eq!(
                    found(json_key),
                    field(record, key),
                    "{shape}: {file}: {key}"
                );
            }
            assert_eq!(
                found("format").as_deref().map(format_name),
                field(record, "format").as_deref(),
                "{shape}: {file}: format"
            );
            if let Some(tags) = record.get("tags").and_then(Value::as_sequence) {
                let tags: Vec<String> = tags.iter().filter_map(text).collect();
                let listed: Vec<String> = row["tags"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|t| t.as_str().unwrap().to_string())
                    .collect();
                assert_eq!(listed, tags, "{shape}: {file}: tags");
            }
        }
    }
}

/// The kind as `decide graph` prints it: `supersedes` → `Supersedes`.
fn kind_label(kind: &str) -> String {
    let words = kind.replace('-', " ");
    let mut chars = words.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

#[test]
fn every_shape_graphs_right() {
    for shape in shapes() {
        let expected = expected(&shape);
        let repo = repository(&shape);
        let listed = run(repo.path(), &expected, &["list", "--json"]);
        let rows: serde_json::Value = serde_json::from_str(&stdout(&listed)).unwrap();
        let addresses: Vec<String> = rows
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["address"].as_str().unwrap().to_string())
            .collect();
        let output = run(repo.path(), &expected, &["graph"]);
        assert_eq!(
            output.status.code(),
            Some(0),
            "{shape}: {}",
            stderr(&output)
        );
        let dot = stdout(&output);
        let node = |text: &str| -> String {
            let index: usize = text.trim().trim_start_matches('r').parse().unwrap();
            addresses[index].clone()
        };
        let mut typed = BTreeSet::new();
        let mut plain = BTreeSet::new();
        for line in dot.lines().filter(|l| l.contains(" -> ")) {
            let (from, rest) = line.split_once(" -> ").unwrap();
            let (to, attributes) = rest.split_once(' ').unwrap();
            let (from, to) = (node(from), node(to));
            match attributes.split_once("label=\"") {
                Some((_, label)) => {
                    let kind = label.split('"').next().unwrap().to_string();
                    typed.insert((from, to, kind));
                }
                None => {
                    plain.insert((from, to));
                }
            }
        }
        let graph = &expected["graph"];
        let wanted: BTreeSet<(String, String, String)> = list(graph, "edges")
            .iter()
            .map(|e| {
                (
                    field(e, "from").unwrap(),
                    field(e, "to").unwrap(),
                    kind_label(&field(e, "kind").unwrap()),
                )
            })
            .collect();
        assert_eq!(typed, wanted, "{shape}:\n{dot}");
        for mention in list(graph, "mentions") {
            let (from, to) = (
                field(&mention, "from").unwrap(),
                field(&mention, "to").unwrap(),
            );
            let joined = typed
                .iter()
                .any(|(a, b, _)| (*a == from && *b == to) || (*a == to && *b == from));
            assert!(
                joined || plain.contains(&(from.clone(), to.clone())),
                "{shape}: mention {from} -> {to}:\n{dot}"
            );
        }
        let mentioned: BTreeSet<(String, String)> = list(graph, "mentions")
            .iter()
            .map(|m| (field(m, "from").unwrap(), field(m, "to").unwrap()))
            .collect();
        assert!(plain.is_subset(&mentioned), "{shape}: {plain:?}");
    }
}

#[test]
fn every_shape_lints_right() {
    for shape in shapes() {
        let expected = expected(&shape);
        let repo = repository(&shape);
        let output = run(repo.path(), &expected, &["lint"]);
        let out = stdout(&output);
        let findings: BTreeSet<(String, String)> = out
            .lines()
            .map(|line| {
                let file = line.split(':').next().unwrap().to_string();
                let id = line
                    .split_once('[')
                    .and_then(|(_, rest)| rest.split_once(']'))
                    .map(|(id, _)| id.to_string())
                    .unwrap();
                (file, id)
            })
            .collect();
        let lint = &expected["lint"];
        let real: BTreeSet<(String, String)> = list(lint, "real")
            .iter()
            .map(|f| (field(f, "file").unwrap(), field(f, "finding").unwrap()))
            .collect();
        // What the shape says is not a problem is checked below, with its allowance.
        let allowed: BTreeSet<String> = not_problems(lint)
            .iter()
            .filter_map(|f| field(f, "finding"))
            .collect();
        let findings: BTreeSet<(String, String)> = findings
            .into_iter()
            .filter(|finding| real.contains(finding) || !allowed.contains(&finding.1))
            .collect();
        assert_eq!(
            findings, real,
            "{shape}: every real problem and none invented:\n{out}"
        );
        let errors = out.lines().any(|l| l.contains(": error["));
        assert_eq!(
            output.status.code(),
            Some(i32::from(errors)),
            "{shape}: {}",
            stderr(&output)
        );
        for finding in not_problems(lint) {
            let id = field(&finding, "finding").unwrap();
            let lines = out
                .lines()
                .filter(|l| l.contains(&format!("[{id}]")))
                .filter(|l| !real.contains(&(l.split(':').next().unwrap().to_string(), id.clone())))
                .count();
            let allowed = usize::from(id == "front-matter-not-a-mapping");
            assert!(
                lines <= allowed,
                "{shape}: {id} is not a problem here:\n{out}"
            );
        }
    }
}

/// Every command, on every shape: none fails where it should not, none panics, and the
/// ones that only read leave every file as it was.
#[test]
fn every_command_runs_on_every_shape() {
    for shape in shapes() {
        let expected = expected(&shape);
        let repo = repository(&shape);
        let before = crate::support::snapshot(repo.path());
        let first = &list(&expected, "records")[0];
        let address = field(first, "address").unwrap();
        let word = field(first, "title")
            .unwrap()
            .split_whitespace()
            .max_by_key(|w| w.len())
            .unwrap()
            .to_string();
        let read_only: [(&[&str], i32); 8] = [
            (&["list"], 0),
            (&["show", &address], 0),
            (&["index", "--stdout"], 0),
            (&["graph", "--format", "mermaid"], 0),
            (&["search", &word], 0),
            (&["review"], 0),
            (&["renumber", "--dry-run"], 0),
            (&["message", &address, "--to", "stakeholders"], 0),
        ];
        for (args, code) in read_only {
            let output = run(repo.path(), &expected, args);
            assert_eq!(
                output.status.code(),
                Some(code),
                "{shape}: {args:?}: {}",
                stderr(&output)
            );
            assert!(!stderr(&output).contains("panicked"), "{shape}: {args:?}");
        }
        let shown = run(repo.path(), &expected, &["show", &address]);
        let file = repo.path().join(field(first, "file").unwrap());
        assert_eq!(
            stdout(&shown),
            fs::read_to_string(&file).unwrap(),
            "{shape}"
        );
        let index = stdout(&run(repo.path(), &expected, &["index", "--stdout"]));
        assert_eq!(
            index.lines().count(),
            2 + expected["record_count"].as_u64().unwrap() as usize,
            "{shape}:\n{index}"
        );
        assert_eq!(
            crate::support::snapshot(repo.path()),
            before,
            "{shape}: reading changed a file"
        );

        // And the ones that write, each on its own copy.
        for args in [
            &["status", &address, "deprecated"][..],
            &[
                "link",
                &address,
                "Relates to",
                &field(&list(&expected, "records")[1], "address").unwrap(),
            ],
        ] {
            let repo = repository(&shape);
            let output = run(repo.path(), &expected, args);
            assert_eq!(
                output.status.code(),
                Some(0),
                "{shape}: {args:?}: {}",
                stderr(&output)
            );
            let lint = run(repo.path(), &expected, &["lint"]);
            assert!(
                !stdout(&lint).contains("[broken-link]") || expected_broken(&expected),
                "{shape}: {args:?} broke a link:\n{}",
                stdout(&lint)
            );
        }
        let repo = repository(&shape);
        let output = decide(repo.path())
            .args(["new", "-q", "--answers"])
            .arg(example("decision.yaml"))
            .args(
                field(&expected, "log_dir_found_by")
                    .filter(|f| f == "flag")
                    .map(|_| vec!["--dir".to_string(), field(&expected, "log_dir").unwrap()])
                    .unwrap_or_default(),
            )
            .output()
            .unwrap();
        assert_eq!(
            output.status.code(),
            Some(0),
            "{shape}: new: {}",
            stderr(&output)
        );
        let listed = run(repo.path(), &expected, &["list", "--json"]);
        let rows: serde_json::Value = serde_json::from_str(&stdout(&listed)).unwrap();
        assert_eq!(
            rows.as_array().unwrap().len(),
            expected["record_count"].as_u64().unwrap() as usize + 1,
            "{shape}: the new record is listed"
        );
    }
}

/// `lint.false`: YAML reads the key `false` as the boolean.
fn not_problems(lint: &Value) -> Vec<Value> {
    lint.get(Value::Bool(false))
        .or_else(|| lint.get("false"))
        .and_then(Value::as_sequence)
        .cloned()
        .unwrap_or_default()
}

fn expected_broken(expected: &Value) -> bool {
    list(&expected["lint"], "real")
        .iter()
        .any(|f| field(f, "finding").as_deref() == Some("broken-link"))
}

fn read(repo: &Path, file: &str) -> String {
    fs::read_to_string(repo.join(file)).unwrap()
}

/// The edits the shapes' `editor` notes ask for.
#[test]
fn edits_keep_each_log_s_own_style() {
    // Front matter and `## Status` both change, capitalised as the log writes them.
    let repo = repository("frontmatter-over-nygard");
    let file = "docs/adr/0009-add-front-matter-to-records.md";
    let before = read(repo.path(), file);
    decide(repo.path())
        .args(["status", "9", "accepted"])
        .assert()
        .success();
    assert_eq!(
        read(repo.path(), file),
        before
            .replacen("status: Proposed", "status: Accepted", 1)
            .replacen("## Status\n\nProposed", "## Status\n\nAccepted", 1)
    );

    // The `status: accepted` inside a code block is not the record's.
    let repo = repository("madr4-own");
    let file = "docs/decisions/0003-write-our-own-tileset-importer.md";
    let before = read(repo.path(), file);
    decide(repo.path())
        .args(["status", "3", "accepted"])
        .assert()
        .success();
    assert_eq!(
        read(repo.path(), file),
        before.replacen("status: on hold", "status: accepted", 1)
    );
    // A record without a status gets one in its front matter, the rest kept.
    let file = "docs/decisions/0000-use-madr-for-level-editor-decisions.md";
    let before = read(repo.path(), file);
    decide(repo.path())
        .args(["status", "0", "accepted"])
        .assert()
        .success();
    assert_eq!(
        read(repo.path(), file),
        before.replacen("---\n", "---\nstatus: accepted\n", 1)
    );

    // A bullet status under tags-only front matter: the bullet changes, nothing is added.
    let repo = repository("madr2-status-bullets");
    let file = "docs/adr/0004-we-publish-our-tooling-as-open-source.md";
    let before = read(repo.path(), file);
    decide(repo.path())
        .args(["status", "4", "deprecated"])
        .assert()
        .success();
    assert_eq!(
        read(repo.path(), file),
        before.replacen("- Status: accepted", "- Status: deprecated", 1)
    );

    // `# Status` at level 1 is the status section: no second one.
    let repo = repository("architecture-decisions-no-adr-dir");
    let file = "docs/architecture/decisions/0008-switching-organisation-in-session.md";
    let before = read(repo.path(), file);
    decide(repo.path())
        .args(["status", "8", "accepted"])
        .assert()
        .success();
    assert_eq!(
        read(repo.path(), file),
        before.replacen("# Status\n\nApproved", "# Status\n\nAccepted", 1)
    );

    // A template's placeholder is replaced whole, with the log's `-` marker.
    let repo = repository("log4brains-decisions-folder");
    let file = "docs/decisions/20230110-use-an-effect-system.md";
    let before = read(repo.path(), file);
    decide(repo.path())
        .args(["status", "20230110-use-an-effect-system", "accepted"])
        .assert()
        .success();
    assert_eq!(
        read(repo.path(), file),
        before.replacen(
            "- Status: [ accepted | deprecated | superseded by [xxx](yyyymmdd-xxx.md)] <!-- optional -->",
            "- Status: accepted",
            1
        )
    );

    // Links keep the record's list marker.
    let repo = repository("log4brains-monorepo");
    decide(repo.path())
        .args([
            "link",
            "20210418-offline-first-storage",
            "Relates to",
            "sync/20210405-crdt-for-note-merging",
        ])
        .assert()
        .success();
    let linked = read(repo.path(), "docs/adr/20210418-offline-first-storage.md");
    assert!(
        linked.contains("- Relates to [CRDT for note merging](../../packages/sync/docs/adr/20210405-crdt-for-note-merging.md)"),
        "{linked}"
    );
    let back = read(
        repo.path(),
        "packages/sync/docs/adr/20210405-crdt-for-note-merging.md",
    );
    assert!(
        back.contains("- Relates to [Offline-first storage](../../../../docs/adr/20210418-offline-first-storage.md)"),
        "{back}"
    );
    let lint = decide(repo.path()).arg("lint").output().unwrap();
    assert!(!stdout(&lint).contains("broken-link"), "{}", stdout(&lint));
}

/// What a record does not show yet is written as the log writes it.
#[test]
fn a_first_status_or_link_follows_the_log_s_style() {
    // No status yet: the bullet takes the marker the record's lists use.
    let repo = repository("madr2-status-bullets");
    let file = "docs/adr/0000-use-markdown-architectural-decision-records.md";
    let before = read(repo.path(), file);
    decide(repo.path())
        .args(["status", "0", "accepted"])
        .assert()
        .success();
    assert_eq!(
        read(repo.path(), file),
        before.replacen("Records\n\n", "Records\n\n- Status: accepted\n\n", 1)
    );

    // A Hugo log links with `ref`, also from a record that holds no link yet, and labels
    // its links as the log's others do.
    let repo = repository("hugo-frontmatter-title");
    decide(repo.path())
        .args(["link", "5", "Amends", "3", "--dir", "docs/orchard/adr"])
        .assert()
        .success();
    let linked = read(repo.path(), "docs/orchard/adr/0005-service-discovery.md");
    assert!(
        linked
            .contains("* Amends [ADR-0003]({{< ref \"0003-use-external-user-management.md\" >}})"),
        "{linked}"
    );
}

/// Marking a record superseded without saying by what warns, as lint would later.
#[test]
fn superseded_with_no_successor_warns_at_once() {
    let repo = repository("frontmatter-over-nygard");
    let output = decide(repo.path())
        .args(["status", "9", "superseded"])
        .output()
        .unwrap();
    assert!(output.status.success());
    let said = stderr(&output);
    let warnings: Vec<&str> = said.lines().filter(|l| l.starts_with("warning:")).collect();
    assert_eq!(warnings.len(), 1, "{said}");
    assert!(
        warnings[0].contains(
            "does not say what replaced it (hint: `decide supersede 9` writes the successor"
        ),
        "{}",
        warnings[0]
    );

    // A record whose text names its successor needs no warning.
    let repo = repository("adr-dir-architecture-decisions");
    let output = decide(repo.path())
        .args(["status", "3", "superseded"])
        .output()
        .unwrap();
    assert!(output.status.success());
    assert!(!stderr(&output).contains("warning:"), "{}", stderr(&output));
}

/// adr-tools leaves "Proposed" above the "Superceded by" line it writes: the record is
/// superseded, and a status that would leave that line contradicting the word is refused
/// with the line to change, the file as it was.
#[test]
fn a_proposal_adr_tools_superseded_stays_superseded() {
    let repo = repository("adr-tools-superseded-proposal");
    let file = repo.path().join("doc/adr/0002-queue-orders-in-redis.md");
    let before = fs::read_to_string(&file).unwrap();
    let output = decide(repo.path())
        .args(["list", "--status", "superseded"])
        .output()
        .unwrap();
    assert!(
        stdout(&output).contains("Queue orders in Redis"),
        "{}",
        stdout(&output)
    );
    let output = decide(repo.path())
        .args(["status", "2", "accepted"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(6), "{}", stderr(&output));
    assert_eq!(
        stderr(&output).trim_end(),
        "error: doc/adr/0002-queue-orders-in-redis.md: cannot make this record accepted: \
         line 9 says what superseded it (hint: remove or change that line by hand if the \
         decision holds again)"
    );
    assert_eq!(fs::read_to_string(&file).unwrap(), before);
}

/// A sentence that introduces a list keeps what it introduces; one that introduces a table
/// a message cannot carry, and cannot stand without it, leaves the decision to the prose
/// after it.
#[test]
fn messages_keep_what_a_colon_introduces() {
    let repo = repository("adr-dir-architecture-decisions");
    let output = decide(repo.path())
        .args(["message", "3", "--to", "stakeholders"])
        .output()
        .unwrap();
    let message = stdout(&output);
    assert!(
        message.starts_with("Each environment gets a /16."),
        "{message}"
    );
    assert!(!message.contains("these ranges"), "{message}");
    assert!(!message.contains(":."), "{message}");

    let repo = repository("frontmatter-over-nygard");
    let output = decide(repo.path())
        .args(["message", "3", "--to", "team"])
        .output()
        .unwrap();
    let message = stdout(&output);
    assert!(
        message.contains("Operators get a place to look for stuck messages: the dead letter channel keeps the original headers; plus the reason of the last failure, written as a header so tools can filter on it"),
        "{message}"
    );
}

/// Sections named with an emoji or a number before them, or as bold labels over their
/// paragraphs, are read as the sections they name: messages say the decision, and a
/// status edit changes the status where the record writes it.
#[test]
fn decorated_and_bold_label_sections_read_and_edit() {
    let repo = repository("bold-label-sections");
    let message = |repo: &Path, number: &str, to: &str| {
        let output = decide(repo)
            .args(["message", number, "--to", to])
            .output()
            .unwrap();
        assert!(output.status.success(), "{}", stderr(&output));
        stdout(&output)
    };
    let said = message(repo.path(), "2", "stakeholders");
    assert!(
        said.contains("We store plots in one SQLite file that the planner owns."),
        "{said}"
    );
    assert!(!said.contains("0002-store"), "{said}");
    let said = message(repo.path(), "3", "team");
    assert!(
        said.contains("the planner emails a reminder a week before each sowing date"),
        "{said}"
    );
    let file = "docs/adr/0003-plant-reminders-by-email.md";
    let before = read(repo.path(), file);
    run_ok(repo.path(), &["status", "3", "accepted"]);
    assert_eq!(
        read(repo.path(), file),
        before.replacen("**Status:** Proposed", "**Status:** Accepted", 1)
    );

    let repo = repository("decorated-headings");
    let said = message(repo.path(), "2", "stakeholders");
    assert!(
        said.contains("The server prices every order; the app only shows what the server returns."),
        "{said}"
    );
    let file = "docs/adr/0003-bake-overnight-batches.md";
    let before = read(repo.path(), file);
    run_ok(repo.path(), &["status", "3", "accepted"]);
    assert_eq!(
        read(repo.path(), file),
        before.replacen("## Status\n\nProposed", "## Status\n\nAccepted", 1)
    );
}

/// Statuses written with their history struck out, as a menu, or as a ticked task list
/// change the way the record writes them: the old word struck, the tick moved.
#[test]
fn struck_and_ticked_statuses_change_in_the_record_s_own_way() {
    let repo = repository("struck-and-ticked-statuses");
    for (number, file, status, before, after) in [
        (
            "1",
            "docs/adr/0001-write-down-decisions.md",
            "deprecated",
            "~~Proposed~~ **Accepted** _(",
            "~~Proposed~~ ~~Accepted~~ **Deprecated** _(",
        ),
        (
            "2",
            "docs/adr/0002-poll-sensors-every-minute.md",
            "deprecated",
            "~~Proposed~~ | **Accepted** | ~~Deprecated~~ | ~~Superseded~~",
            "~~Proposed~~ | ~~Accepted~~ | **Deprecated** | ~~Superseded~~",
        ),
        (
            "3",
            "docs/adr/0003-keep-a-week-of-raw-readings.md",
            "rejected",
            "- [x] Accepted\n- [ ] Rejected",
            "- [ ] Accepted\n- [x] Rejected",
        ),
        (
            "4",
            "docs/adr/0004-alert-by-text-message.md",
            "deprecated",
            "~~Approved~~ → Implemented",
            "~~Approved~~ → ~~Implemented~~ → Deprecated",
        ),
    ] {
        let text = read(repo.path(), file);
        assert!(text.contains(before), "{file}");
        run_ok(repo.path(), &["status", number, status]);
        assert_eq!(
            read(repo.path(), file),
            text.replacen(before, after, 1),
            "{file}"
        );
    }
    // A table of fields: the value cell of the status's row, never the next row's name.
    let repo = repository("field-table-rows");
    let file = "docs/adr/0002-scan-tickets-offline.md";
    let text = read(repo.path(), file);
    run_ok(repo.path(), &["status", "2", "accepted"]);
    assert_eq!(
        read(repo.path(), file),
        text.replacen("| Status | Proposed |", "| Status | Accepted |", 1)
    );
    let repo = repository("struck-and-ticked-statuses");
    // A menu that does not offer the status is left for the team to change.
    let output = decide(repo.path())
        .args(["status", "2", "rejected"])
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert!(
        stderr(&output).contains("does not offer `rejected`"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn records_are_named_as_each_log_names_them() {
    let repo = repository("log4brains-monorepo");
    let both = decide(repo.path())
        .args(["show", "20210312"])
        .output()
        .unwrap();
    assert_eq!(both.status.code(), Some(6));
    assert!(
        stderr(&both).contains("2 records match `20210312`: 20210312-format-code-with-prettier, 20210312-monorepo-with-pnpm-workspaces"),
        "{}",
        stderr(&both)
    );
    decide(repo.path())
        .args(["show", "20210312-format-code-with-prettier"])
        .assert()
        .success();
    decide(repo.path())
        .args(["show", "sync/20210406-sync-over-websockets"])
        .assert()
        .success();
    // A package's record by the short address `list` shows for it.
    let listed = stdout(&decide(repo.path()).arg("list").output().unwrap());
    assert!(listed.contains("sync/20210406 "), "{listed}");
    for args in [
        &["show", "sync/20210406"][..],
        &["message", "sync/20210406", "--to", "team"],
        &["status", "sync/20210406", "deprecated"],
    ] {
        decide(repo.path()).args(args).assert().success();
    }
    assert!(
        read(
            repo.path(),
            "packages/sync/docs/adr/20210406-sync-over-websockets.md"
        )
        .contains("Status: deprecated")
    );

    let repo = repository("frontmatter-over-nygard");
    let three = decide(repo.path()).args(["show", "7"]).output().unwrap();
    assert_eq!(three.status.code(), Some(6));
    assert!(
        stderr(&three).contains("3 records are numbered 7: 0007-dead-letter-channel-for-kafka, 0007-dead-letter-channel-for-redis, 0007-typed-message-ids"),
        "{}",
        stderr(&three)
    );
    decide(repo.path())
        .args(["show", "0007-typed-message-ids"])
        .assert()
        .success();

    let repo = repository("adr-dir-architecture-decisions");
    let gap = decide(repo.path()).args(["show", "7"]).output().unwrap();
    assert!(
        stderr(&gap).contains("no record is numbered 7 (the nearest are 6 and 8)"),
        "{}",
        stderr(&gap)
    );
}

/// What `decide new` writes in each shape: the log's own format, so its own tools read it.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Written {
    /// adr-tools' `# N. Title`, `Date:` and `## Status`.
    Nygard,
    /// The same under the front matter keys the log's records carry.
    NygardUnderFrontMatter,
    /// MADR 2's `- Status:` bullets under the title, no front matter, with the log's
    /// list marker.
    Madr2(char),
    /// Hugo's front matter (`title` numbered, `weight` the number, `date`) over MADR 2
    /// bullets, and no `#` heading, as the log's pages have none.
    Hugo,
    /// Our own front matter.
    Ours,
}

#[test]
fn new_records_follow_the_log() {
    let today = crate::support::TODAY.replace('-', "");
    let dated = format!("{today}-choose-the-database-for-the-orders-service");
    let numbered = |n: u32| format!("{n:04}-choose-the-database-for-the-orders-service");
    for (shape, dir, stem, address, written) in [
        (
            "log4brains-monorepo",
            "docs/adr",
            dated.clone(),
            dated.clone(),
            Written::Madr2('-'),
        ),
        (
            "log4brains-decisions-folder",
            "docs/decisions",
            dated.clone(),
            dated.clone(),
            Written::Madr2('-'),
        ),
        (
            "madr2-status-bullets",
            "docs/adr",
            numbered(7),
            "7".to_string(),
            // Its newest records list with `*`.
            Written::Madr2('*'),
        ),
        (
            "hugo-frontmatter-title",
            "docs/orchard/adr",
            numbered(7),
            "7".to_string(),
            Written::Hugo,
        ),
        (
            "adr-tools",
            "doc/adr",
            numbered(8),
            "8".to_string(),
            Written::Nygard,
        ),
        (
            "adr-dir-architecture-decisions",
            "docs/architecture/decisions",
            numbered(10),
            "10".to_string(),
            Written::Nygard,
        ),
        (
            "frontmatter-not-a-mapping",
            "doc/adr",
            numbered(10),
            "10".to_string(),
            Written::Nygard,
        ),
        (
            "frontmatter-over-nygard",
            "docs/adr",
            numbered(10),
            "10".to_string(),
            Written::NygardUnderFrontMatter,
        ),
        (
            "madr4-own",
            "docs/decisions",
            numbered(7),
            "7".to_string(),
            Written::Ours,
        ),
    ] {
        let repo = repository(shape);
        if written == Written::Hugo {
            // The log is not in a usual place: the team names it.
            crate::support::write(repo.path(), ".decide.yaml", &format!("log_dir: {dir}\n"));
        }
        decide(repo.path())
            .args(["new", "-q", "--answers"])
            .arg(example("decision.yaml"))
            .assert()
            .success();
        let file = format!("{dir}/{stem}.md");
        let text = read(repo.path(), &file);
        let start = match written {
            Written::Nygard => "# ".to_string(),
            Written::NygardUnderFrontMatter => format!(
                "---\nid: {stem}\ntitle: \"Choose the database for the orders service\"\nstatus: Accepted\nauthor:\n  - \"Ana Lima (tech lead)\"\n  - \"Ben Okafor (engineering manager)\"\ncreated: {}\n---\n\n# 10. Choose",
                crate::support::TODAY
            ),
            Written::Madr2(marker) => format!(
                "# Choose the database for the orders service\n\n{marker} Status: accepted\n{marker} Deciders: Ana Lima (tech lead), Ben Okafor (engineering manager)\n{marker} Date: "
            ),
            Written::Hugo => format!(
                "---\ntitle: \"7. Choose the database for the orders service\"\nweight: 7\ndate: {}\n---\n\n* Status: accepted\n* Deciders: Ana Lima (tech lead), Ben Okafor (engineering manager)\n* Date: ",
                crate::support::TODAY
            ),
            Written::Ours => "---\nstatus: accepted\n".to_string(),
        };
        assert!(text.starts_with(&start), "{shape}:\n{text}");
        if written != Written::Ours {
            reads_back_and_edits(repo.path(), shape, &file, &stem, &address, written);
        }
    }
}

/// A log that names its records by number alone (`adr-03.md`) gets `adr-04.md`, in
/// adr-tools' format, which it reads back and edits as its own.
#[test]
fn a_log_named_by_number_alone_names_new_records_alike() {
    let repo = repository("adr-number-names");
    decide(repo.path())
        .args(["new", "-q", "--answers"])
        .arg(example("decision.yaml"))
        .assert()
        .success();
    let file = "docs/arch/adr-04.md";
    assert!(read(repo.path(), file).starts_with("# "), "{file}");
    reads_back_and_edits(
        repo.path(),
        "adr-number-names",
        file,
        "adr-04",
        "4",
        Written::Nygard,
    );
}

/// The log reads its new record back as it reads its own, and `status` edits it in the
/// log's style: the bullet, or both places.
fn reads_back_and_edits(
    repo: &Path,
    shape: &str,
    file: &str,
    stem: &str,
    address: &str,
    written: Written,
) {
    let listed = stdout(&run_ok(repo, &["list", "--json"]));
    let listed: serde_json::Value = serde_json::from_str(&listed).unwrap();
    let record = listed
        .as_array()
        .unwrap()
        .iter()
        .find(|r| {
            r["path"]
                .as_str()
                .is_some_and(|f| f.ends_with(&format!("{stem}.md")))
        })
        .unwrap_or_else(|| panic!("{shape}: {listed}"));
    assert_eq!(
        record["title"], "Choose the database for the orders service",
        "{shape}"
    );
    assert_eq!(record["status"], "accepted", "{shape}");
    assert_eq!(record["date"], crate::support::TODAY, "{shape}");
    let lint = run(repo, &Value::Null, &["lint"]);
    assert!(!stdout(&lint).contains(stem), "{shape}: {}", stdout(&lint));
    run_ok(repo, &["show", address]);
    run_ok(repo, &["message", address, "--to", "team"]);
    run_ok(repo, &["status", address, "proposed"]);
    let edited = read(repo, file);
    match written {
        Written::Madr2(marker) => assert!(
            edited.contains(&format!("\n{marker} Status: proposed\n")),
            "{shape}:\n{edited}"
        ),
        Written::Hugo => assert!(
            edited.contains("\n* Status: proposed\n") && !edited.contains("\n# "),
            "{shape}:\n{edited}"
        ),
        Written::NygardUnderFrontMatter => assert!(
            edited.contains("\nstatus: Proposed\n") && edited.contains("## Status\n\nProposed\n"),
            "{shape}:\n{edited}"
        ),
        Written::Nygard => assert!(
            edited.contains("## Status\n\nProposed\n"),
            "{shape}:\n{edited}"
        ),
        Written::Ours => {}
    }
}

#[test]
fn a_supersede_in_a_madr2_log_writes_madr2() {
    let repo = repository("madr2-status-bullets");
    decide(repo.path())
        .args(["supersede", "6", "-q", "--answers"])
        .arg(example("decision.yaml"))
        .assert()
        .success();
    let new = read(
        repo.path(),
        "docs/adr/0007-choose-the-database-for-the-orders-service.md",
    );
    // MADR 2 bullets, with the `*` the log's newest records use, and links labelled as
    // theirs are.
    assert!(
        new.starts_with("# Choose the database for the orders service\n\n* Status: accepted\n"),
        "{new}"
    );
    assert!(
        new.contains("## Links\n\n* Supersedes [ADR-0006](0006-dedicated-nodes-for-databases.md)"),
        "{new}"
    );
    let old = read(
        repo.path(),
        "docs/adr/0006-dedicated-nodes-for-databases.md",
    );
    // Closed on its own status bullet, as MADR 2's template writes it, in the record's
    // capitals; nothing added to its own links.
    assert!(
        old.contains("* Status: Superseded by [ADR-0007](0007-choose-the-database-for-the-orders-service.md)\n"),
        "{old}"
    );
    assert!(!old.contains("* Superseded by"), "{old}");
    let graph = String::from_utf8_lossy(&run_ok(repo.path(), &["graph"]).stdout).to_string();
    assert!(graph.contains("r7 -> r6 [label=\"Supersedes\"]"), "{graph}");
    // A template named in the config still wins over the log's format.
    let repo = repository("madr2-status-bullets");
    crate::support::write(repo.path(), ".decide.yaml", "template: nygard.md\n");
    run_ok(
        repo.path(),
        &[
            "new",
            "-q",
            "--answers",
            &example("decision.yaml").to_string_lossy(),
        ],
    );
    let text = read(
        repo.path(),
        "docs/adr/0007-choose-the-database-for-the-orders-service.md",
    );
    assert!(text.starts_with("# 7. Choose"), "{text}");
}

/// log4brains closes the old record on its status bullet, linking by slug, and lists the
/// link on the new one under `## Links`.
#[test]
fn a_supersede_in_a_log4brains_log_writes_log4brains_form() {
    let repo = repository("log4brains-monorepo");
    let old_file = "docs/adr/20210402-identify-decisions-by-slug.md";
    let before = read(repo.path(), old_file);
    let edges = |repo: &Path| {
        let dot = stdout(&run_ok(repo, &["graph"]));
        dot.lines().filter(|l| l.contains("Supersede")).count()
    };
    let edges_before = edges(repo.path());
    run_ok(
        repo.path(),
        &[
            "supersede",
            "20210402-identify-decisions-by-slug",
            "-q",
            "--answers",
            &example("decision.yaml").to_string_lossy(),
        ],
    );
    let stem = format!(
        "{}-choose-the-database-for-the-orders-service",
        crate::support::TODAY.replace('-', "")
    );
    assert_eq!(
        read(repo.path(), old_file),
        before.replacen(
            "- Status: accepted",
            &format!("- Status: superseded by [{stem}]({stem}.md)"),
            1
        )
    );
    let new = read(repo.path(), &format!("docs/adr/{stem}.md"));
    assert!(
        new.contains("## Links\n\n- Supersedes [Identify decisions by slug](20210402-identify-decisions-by-slug.md)\n"),
        "{new}"
    );
    // Read back as superseded by the new record, with nothing for lint to report.
    assert_eq!(edges(repo.path()), edges_before + 1);
    let listed = stdout(&run_ok(repo.path(), &["list", "--json"]));
    let listed: serde_json::Value = serde_json::from_str(&listed).unwrap();
    let old = listed
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["path"].as_str().is_some_and(|p| p.ends_with(old_file)))
        .unwrap();
    assert_eq!(old["status"], "superseded");
    let lint = decide(repo.path()).arg("lint").output().unwrap();
    for name in [stem.as_str(), "20210402-identify-decisions-by-slug"] {
        assert!(!stdout(&lint).contains(name), "{}", stdout(&lint));
    }

    // The same from another package's folder: the link climbs out of it.
    let repo = repository("log4brains-monorepo");
    let package_file = "packages/sync/docs/adr/20210406-sync-over-websockets.md";
    let before = read(repo.path(), package_file);
    run_ok(
        repo.path(),
        &[
            "link",
            "20210418-offline-first-storage",
            "Supersedes",
            "sync/20210406-sync-over-websockets",
        ],
    );
    // It had no status and no heading: the status goes first among its bullets.
    assert_eq!(
        read(repo.path(), package_file),
        format!(
            "- Status: superseded by [20210418-offline-first-storage](../../../../docs/adr/20210418-offline-first-storage.md)\n{before}"
        )
    );
}

fn run_ok(repo: &Path, args: &[&str]) -> std::process::Output {
    let output = decide(repo).args(args).output().unwrap();
    assert!(
        output.status.success(),
        "decide {}: {}",
        args.join(" "),
        stderr(&output)
    );
    output
}

#[test]
fn renumber_keeps_to_the_log_s_numbering() {
    let repo = repository("log4brains-monorepo");
    let output = decide(repo.path()).arg("renumber").output().unwrap();
    assert!(output.status.success());
    assert!(
        stderr(&output).contains("nothing to renumber"),
        "{}",
        stderr(&output)
    );

    // Numbers repeat on purpose here; renumbering takes --force, and then every id and
    // link follows.
    let repo = repository("frontmatter-over-nygard");
    let before = crate::support::snapshot(repo.path());
    let output = decide(repo.path()).arg("renumber").output().unwrap();
    assert!(
        stderr(&output).contains("Numbers repeat on purpose"),
        "{}",
        stderr(&output)
    );
    assert_eq!(crate::support::snapshot(repo.path()), before);
    decide(repo.path())
        .args(["renumber", "--force"])
        .assert()
        .success();
    let moved = read(
        repo.path(),
        "docs/adr/0010-dead-letter-channel-for-redis.md",
    );
    assert!(
        moved.contains("id: 0010-dead-letter-channel-for-redis"),
        "{moved}"
    );
    assert!(moved.contains("# 10. Dead Letter Channel"), "{moved}");
    let lint = stdout(&decide(repo.path()).arg("lint").output().unwrap());
    let broken: Vec<&str> = lint.lines().filter(|l| l.contains("broken-link")).collect();
    // Only the link that was broken before (to a file renumbered away long ago).
    assert_eq!(broken.len(), 1, "{lint}");
}

#[test]
fn index_writes_only_where_it_may() {
    // A log with no index page gets a README.md of its own.
    let repo = repository("adr-tools");
    decide(repo.path()).arg("index").assert().success();
    let readme = read(repo.path(), "doc/adr/README.md");
    assert!(
        readme.contains("| 0001 | [Record architecture decisions](0001-record-architecture-decisions.md) | accepted | 2019-03-04 |"),
        "{readme}"
    );
    decide(repo.path()).arg("index").assert().success();
    assert_eq!(read(repo.path(), "doc/adr/README.md"), readme);

    let repo = repository("frontmatter-over-nygard");
    let before = crate::support::snapshot(repo.path());
    let output = decide(repo.path()).arg("index").output().unwrap();
    assert_eq!(output.status.code(), Some(4));
    assert!(
        stderr(&output).contains("another tool generates it"),
        "{}",
        stderr(&output)
    );
    assert_eq!(
        crate::support::snapshot(repo.path()),
        before,
        "no README.md appears"
    );
    for shape in ["madr4-own", "madr2-status-bullets", "log4brains-monorepo"] {
        let repo = repository(shape);
        let before = crate::support::snapshot(repo.path());
        let output = decide(repo.path()).arg("index").output().unwrap();
        assert_eq!(output.status.code(), Some(4), "{shape}");
        assert_eq!(crate::support::snapshot(repo.path()), before, "{shape}");
    }
}

/// A successor named by its page on the code host: read as a successor, never followed,
/// and kept whole when the status changes.
#[test]
fn a_successor_named_by_web_address_reads_and_survives_edits() {
    let repo = crate::support::repo();
    let dir = repo.path().join("docs/adr");
    let body = "\n\n## Context\n\nThe depot printers jam.\n\n## Decision\n\nBuy new ones.\n\n## Consequences\n\nA budget line.\n";
    let successor_line = "Superseded by [ADR 2: Lease the printers](https://code.example/depot/blob/main/docs/adr/0002-lease-the-printers.md)";
    crate::support::write(
        &dir,
        "0001-buy-printers.md",
        &format!("# 1. Buy printers\n\nDate: 2021-04-01\n\n## Status\n\n{successor_line}{body}"),
    );
    crate::support::write(
        &dir,
        "0002-lease-the-printers.md",
        &format!(
            "# 2. Lease the printers\n\nDate: 2021-05-01\n\n## Status\n\nAccepted\n\nDepends on API [1. Buy printers](0001-buy-printers.md){body}"
        ),
    );
    let list = stdout(
        &decide(repo.path())
            .args(["list", "--json"])
            .output()
            .unwrap(),
    );
    let records: serde_json::Value = serde_json::from_str(&list).unwrap();
    assert_eq!(records[0]["status"], "superseded", "{list}");

    let lint = decide(repo.path()).args(["lint"]).output().unwrap();
    assert!(lint.status.success(), "{}", stderr(&lint));
    assert!(
        stderr(&lint).contains("0 errors, 0 warnings"),
        "{}",
        stderr(&lint)
    );

    let graph = stdout(&decide(repo.path()).args(["graph"]).output().unwrap());
    assert!(graph.contains("label=\"Depends on API\""), "{graph}");

    let output = decide(repo.path())
        .args(["status", "1", "deprecated"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    let text = fs::read_to_string(dir.join("0001-buy-printers.md")).unwrap();
    assert!(
        text.contains(&format!("## Status\n\nDeprecated\n\n{successor_line}\n")),
        "{text}"
    );

    // The successor the web address names is the one a new link would name: no second
    // "Superseded by" line.
    let output = decide(repo.path())
        .args(["link", "2", "Supersedes", "1"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    let text = fs::read_to_string(dir.join("0001-buy-printers.md")).unwrap();
    assert_eq!(text.matches("Superseded by").count(), 1, "{text}");
    let successor = fs::read_to_string(dir.join("0002-lease-the-printers.md")).unwrap();
    assert!(
        successor.contains("Supersedes [1. Buy printers](0001-buy-printers.md)"),
        "{successor}"
    );
}

/// A status added to a record without one stays a line of its own, and a link finds the
/// `## Links <!-- optional -->` section the template wrote.
#[test]
fn a_madr2_record_s_first_status_and_links_keep_to_their_lines() {
    let repo = repository("madr2-technical-story");
    let file = "docs/adr/0004-keep-a-printer-at-the-pass.md";
    let before = read(repo.path(), file);
    run_ok(repo.path(), &["status", "4", "accepted"]);
    assert_eq!(
        read(repo.path(), file),
        before.replacen(
            "pass\n\nTechnical Story:",
            "pass\n\n* Status: accepted\n\nTechnical Story:",
            1
        )
    );
    // No heading: the status goes first, apart from the paragraph after it.
    let file = "docs/adr/0002-take-card-payments-at-the-table.md";
    let before = read(repo.path(), file);
    run_ok(repo.path(), &["status", "2", "accepted"]);
    assert_eq!(
        read(repo.path(), file),
        format!("* Status: accepted\n\n{before}")
    );
    let file = "docs/adr/0001-show-orders-on-kitchen-screens.md";
    let before = read(repo.path(), file);
    run_ok(repo.path(), &["link", "1", "Relates to", "4"]);
    assert_eq!(
        read(repo.path(), file),
        before.replacen(
            "(0003-bump-orders-by-station.md)\n",
            "(0003-bump-orders-by-station.md)\n* Relates to [ADR-0004](0004-keep-a-printer-at-the-pass.md)\n",
            1
        )
    );
    let listed: serde_json::Value =
        serde_json::from_str(&stdout(&run_ok(repo.path(), &["list", "--json"]))).unwrap();
    let statuses: Vec<&str> = listed
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["status"].as_str().unwrap_or("-"))
        .collect();
    assert_eq!(
        statuses,
        ["-", "accepted", "accepted", "accepted", "accepted"]
    );
    let graph = stdout(&run_ok(repo.path(), &["graph"]));
    assert!(graph.contains("r1 -> r4 [label=\"Relates to\"]"), "{graph}");
}

/// Headings with words after them are the sections edits look for; renumbering follows a
/// link through its reference definition.
#[test]
fn nygard_headings_with_notes_are_edited_in_place() {
    let repo = repository("nygard-headings-with-notes");
    let file = "docs/adr/0002-split-the-fare-tables.md";
    let before = read(repo.path(), file);
    run_ok(repo.path(), &["status", "2", "deprecated"]);
    run_ok(repo.path(), &["link", "2", "Amends", "1"]);
    assert_eq!(
        read(repo.path(), file),
        before.replacen(
            "## Status:\n\nAccepted\n",
            "## Status:\n\nDeprecated\n\nAmends [1. Record architecture decisions](0001-record-architecture-decisions.md)\n",
            1
        )
    );

    let repo = repository("nygard-headings-with-notes");
    crate::support::write(
        &repo.path().join("docs/adr"),
        "0003-count-passengers-at-the-gates.md",
        "# 3. Count passengers at the gates\n\nDate: 2019-01-01\n\n## Status\n\nAccepted\n\n## Context\n\nThe gates count.\n\n## Decision\n\nWe read them.\n\n## Consequences\n\nNumbers.\n",
    );
    let file = "docs/adr/0004-refund-delayed-journeys-automatically.md";
    let before = read(repo.path(), file);
    run_ok(repo.path(), &["renumber"]);
    assert_eq!(
        read(repo.path(), file),
        before.replacen(
            "[adr 0003]: 0003-publish-delays-as-events.md",
            "[adr 0003]: 0006-publish-delays-as-events.md",
            1
        )
    );
    let lint = stdout(&decide(repo.path()).arg("lint").output().unwrap());
    let broken: Vec<&str> = lint.lines().filter(|l| l.contains("broken-link")).collect();
    assert_eq!(broken.len(), 1, "{lint}");
    assert!(broken[0].contains("0000-first-fare-engine.md"), "{lint}");
}

/// Records that state status and date in a table under the title are read from it, the
/// status is changed in its cell, and lint asks for no `## Status` section.
#[test]
fn a_status_table_under_the_title_is_read_and_edited_in_place() {
    let repo = crate::support::repo();
    let dir = repo.path().join("docs/adr");
    let text = "# 1. Drop the broker\n\n| Status | Date | Author(s) |\n|:-------|:-----|:----------|\n| Proposed | 2025-01-07 | @ana |\n\n## Context\n\nThe broker is idle.\n\n## Decision\n\nDrop it.\n\n## Consequences\n\nOne less service.\n";
    crate::support::write(&dir, "001-drop-the-broker.md", text);
    let list = stdout(
        &decide(repo.path())
            .args(["list", "--json"])
            .output()
            .unwrap(),
    );
    let records: serde_json::Value = serde_json::from_str(&list).unwrap();
    assert_eq!(records[0]["status"], "proposed", "{list}");
    assert_eq!(records[0]["date"], "2025-01-07", "{list}");
    // `--format json`, as lint, graph and message take it, is `--json`.
    let formatted = stdout(
        &decide(repo.path())
            .args(["list", "--format", "json"])
            .output()
            .unwrap(),
    );
    assert_eq!(formatted, list);

    let lint = decide(repo.path()).args(["lint"]).output().unwrap();
    assert!(lint.status.success(), "{}", stdout(&lint));

    let output = decide(repo.path())
        .args(["status", "1", "accepted"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(
        fs::read_to_string(dir.join("001-drop-the-broker.md")).unwrap(),
        text.replace("| Proposed |", "| Accepted |")
    );
}

/// A log whose links name records by number alone (`[ADR-0001](…)`) gets new links
/// labelled the same way, both ways.
#[test]
fn new_links_are_labelled_as_the_log_labels_its_links() {
    let repo = crate::support::repo();
    let dir = repo.path().join("docs/adr");
    let record = |number: u32, title: &str, links: &str| {
        format!(
            "# {number}. {title}\n\nDate: 2024-0{number}-01\n\n## Status\n\nAccepted\n{links}\n## Context\n\nThe depot.\n\n## Decision\n\n{title}.\n\n## Consequences\n\nFewer calls.\n"
        )
    };
    crate::support::write(&dir, "0001-rent-vans.md", &record(1, "Rent vans", ""));
    crate::support::write(
        &dir,
        "0002-buy-bikes.md",
        &record(2, "Buy bikes", "\nAmends [ADR-0001](0001-rent-vans.md)\n"),
    );
    crate::support::write(&dir, "0003-lease-vans.md", &record(3, "Lease vans", ""));
    let output = decide(repo.path())
        .args(["link", "3", "Supersedes", "1"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    let newer = fs::read_to_string(dir.join("0003-lease-vans.md")).unwrap();
    assert!(
        newer.contains("Supersedes [ADR-0001](0001-rent-vans.md)"),
        "{newer}"
    );
    let older = fs::read_to_string(dir.join("0001-rent-vans.md")).unwrap();
    assert!(
        older.contains("Superseded by [ADR-0003](0003-lease-vans.md)"),
        "{older}"
    );
}

/// `decide new ARGS` with the example answers in `repo`: the path it wrote, as it says.
fn new_record(repo: &Path) -> String {
    let output = decide(repo)
        .args(["new", "-q", "--answers"])
        .arg(example("decision.yaml"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let said = format!("{}{}", stdout(&output), stderr(&output));
    said.split("Wrote ")
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .unwrap_or_else(|| panic!("{said}"))
        .to_string()
}

/// A log of one folder a record: new records are folders too, edits go to the pages, and
/// nothing is renumbered.
#[test]
fn a_folder_per_record_log_is_written_as_folders() {
    let repo = repository("folder-per-record");
    let log = "docs/developer/decision-records";
    let written = new_record(repo.path());
    assert_eq!(
        written,
        format!(
            "{log}/{}-choose-the-database-for-the-orders-service/README.md",
            crate::support::TODAY
        )
    );
    let text = read(repo.path(), &written);
    assert!(text.contains("Choose the database"), "{text}");

    let repo = repository("folder-per-record");
    let page = format!("{log}/2023-03-06-ship-nightly-builds/README.md");
    let before = read(repo.path(), &page);
    decide(repo.path())
        .args(["status", "2023-03-06-ship-nightly-builds", "accepted"])
        .assert()
        .success();
    let after = read(repo.path(), &page);
    assert!(
        after.contains("Accepted") && after.len() > before.len(),
        "{after}"
    );
    decide(repo.path())
        .args([
            "link",
            "2023-05-02-sign-release-bundles",
            "Relates to",
            "2023-03-06",
        ])
        .assert()
        .success();
    let linked = read(
        repo.path(),
        &format!("{log}/2023-05-02-sign-release-bundles/index.md"),
    );
    assert!(
        linked.contains("(../2023-03-06-ship-nightly-builds/README.md)"),
        "{linked}"
    );
    let before = crate::support::snapshot(repo.path());
    let renumber = decide(repo.path()).arg("renumber").output().unwrap();
    let said = format!("{}{}", stdout(&renumber), stderr(&renumber));
    assert!(said.contains("nothing to renumber"), "{said}");
    assert_eq!(crate::support::snapshot(repo.path()), before);
}

/// New records take the extension of the log's last record; the template numbered 0 is
/// left alone.
#[test]
fn new_records_take_the_log_s_extension_and_pass_its_template() {
    let repo = repository("mdx-records");
    assert_eq!(
        new_record(repo.path()),
        "docs/adr/0004-choose-the-database-for-the-orders-service.mdx"
    );
    let repo = repository("ladr-template");
    let template = "docs/architecture/decisions/0000-ladr-template.md";
    let before = read(repo.path(), template);
    assert_eq!(
        new_record(repo.path()),
        "docs/architecture/decisions/0003-choose-the-database-for-the-orders-service.md"
    );
    assert_eq!(read(repo.path(), template), before);
}

/// A log of bold-label sections and file-name titles: new records write both so, and a
/// renumbered record's title follows its file.
#[test]
fn bold_labels_and_file_name_titles_are_written_as_the_log_writes_them() {
    let repo = repository("bold-label-sections");
    let written = read(repo.path(), &new_record(repo.path()));
    assert!(
        written.starts_with("# choose-the-database-for-the-orders-service\n"),
        "{written}"
    );
    assert!(written.contains("\n**Context:**\n"), "{written}");
    assert!(!written.contains("\n## "), "{written}");
    let listed = stdout(&decide(repo.path()).args(["list"]).output().unwrap());
    assert!(
        listed.contains("Choose the database for the orders service"),
        "{listed}"
    );

    let repo = repository("bold-label-sections");
    let dir = repo.path().join("docs/adr");
    let copy = read(repo.path(), "docs/adr/0003-plant-reminders-by-email.md").replacen(
        "# plant-reminders-by-email",
        "# 0003-water-by-schedule",
        1,
    );
    fs::write(dir.join("0003-water-by-schedule.md"), copy).unwrap();
    decide(repo.path()).arg("renumber").assert().success();
    let renumbered = read(repo.path(), "docs/adr/0004-water-by-schedule.md");
    assert!(
        renumbered.starts_with("# 0004-water-by-schedule\n"),
        "{renumbered}"
    );
}

/// A status edit that cannot keep the old status's mark says so.
#[test]
fn a_status_mark_that_goes_is_said() {
    let repo = repository("decorated-headings");
    let output = decide(repo.path())
        .args(["status", "2", "deprecated"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let said = format!("{}{}", stdout(&output), stderr(&output));
    assert!(said.contains("mark `✅` is gone"), "{said}");
    let file = read(repo.path(), "docs/adr/0002-price-orders-on-the-server.md");
    assert!(file.contains("## Status\n\nDeprecated\n"), "{file}");
}

/// Records linked without their `.md`, as sites serve them: `lint` follows the links and
/// reports only the one to a record that does not exist (not the page of the site), and
/// `renumber` rewrites the links to a moved record without an extension, as written.
#[test]
fn links_without_an_extension_are_followed_checked_and_renumbered() {
    let repo = repository("extensionless-links");
    let lint = stdout(&decide(repo.path()).arg("lint").output().unwrap());
    assert_eq!(
        lint.lines()
            .filter(|l| l.contains("[broken-link]"))
            .collect::<Vec<_>>(),
        [
            "docs/adr/adr-003-split-seat-holds.md:24: error[broken-link]: link `adr-009-hold-timeouts` does not exist (hint: point it at an existing record, or remove it)"
        ],
        "{lint}"
    );
    // A second record 2, older: the linked one moves to 4.
    let dir = repo.path().join("docs/adr");
    let older = read(repo.path(), "docs/adr/adr-002-one-booking-service.md")
        .replacen(
            "# ADR 2: One booking service",
            "# ADR 2: Hold seats at checkout",
            1,
        )
        .replacen("2024-03-11", "2024-01-08", 1);
    fs::write(dir.join("adr-002-hold-seats-at-checkout.md"), older).unwrap();
    decide(repo.path()).arg("renumber").assert().success();
    let first = read(repo.path(), "docs/adr/adr-001-record-decisions.md");
    assert!(
        first.contains("New people read [ADR 4](adr-004-one-booking-service) before"),
        "{first}"
    );
    let split = read(repo.path(), "docs/adr/adr-003-split-seat-holds.md");
    assert!(
        split.contains("Supersedes [ADR-004](adr-004-one-booking-service)\n"),
        "{split}"
    );
    assert!(
        split.contains("[ADR 1](./adr-001-record-decisions)"),
        "{split}"
    );
    assert!(split.contains("(#consequences)"), "{split}");
    assert!(
        split.contains("(https://example.com/ferry/roadmap)"),
        "{split}"
    );
    let graph = stdout(&decide(repo.path()).arg("graph").output().unwrap());
    assert!(graph.contains("[label=\"Supersedes\"]"), "{graph}");
    let lint = stdout(&decide(repo.path()).arg("lint").output().unwrap());
    assert_eq!(lint.matches("[broken-link]").count(), 1, "{lint}");
}

/// A log of bold labels where a record keeps a `## Status` heading: new records write their
/// status and sections as most of the log's newest records do, and edits go where each
/// record keeps its status (the bold line, or the line under `## Status`).
#[test]
fn a_log_of_bold_labels_with_a_status_heading_is_written_as_most_records_are() {
    let repo = repository("bold-labels-status-heading");
    let written = read(repo.path(), &new_record(repo.path()));
    assert!(
        written.starts_with(
            "# 0005-choose-the-database-for-the-orders-service\n\n**Status:** Accepted\n"
        ),
        "{written}"
    );
    assert!(written.contains("\n**Context:**\n"), "{written}");
    assert!(written.contains("\n**Decision:**\n"), "{written}");
    assert!(!written.contains("\n## Context"), "{written}");

    // The record with the heading: its status changes under it.
    let file = "docs/adr/0003-send-reminders-by-text.md";
    let before = read(repo.path(), file);
    decide(repo.path())
        .args(["status", "3", "accepted"])
        .assert()
        .success();
    assert_eq!(
        read(repo.path(), file),
        before.replacen("## Status\n\nProposed\n", "## Status\n\nAccepted\n", 1)
    );
    // Superseded, each is closed where it keeps its status.
    for (old, closed) in [
        ("4", "docs/adr/0004-drop-late-fees.md"),
        ("3", "docs/adr/0003-send-reminders-by-text.md"),
    ] {
        let output = decide(repo.path())
            .args(["supersede", old, "-q", "--answers"])
            .arg(example("decision.yaml"))
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        let text = read(repo.path(), closed);
        let successor = if old == "4" { 6 } else { 7 };
        let link = format!(
            "Superseded by [{successor}. Choose the database for the orders service]({successor:04}-choose-the-database-for-the-orders-service.md)\n\n**Context:**\n"
        );
        let status = if old == "4" {
            format!("\n**Status:** {link}")
        } else {
            format!("\n## Status\n\n{link}")
        };
        assert!(text.contains(&status), "{text}");
        assert_eq!(text.matches("Status").count(), 1, "{text}");
    }
    let lint = decide(repo.path()).arg("lint").output().unwrap();
    assert!(!stdout(&lint).contains("error["), "{}", stdout(&lint));
    let graph = stdout(&decide(repo.path()).arg("graph").output().unwrap());
    assert_eq!(
        graph.matches("[label=\"Supersedes\"]").count(),
        2,
        "{graph}"
    );
}

/// `decide supersede` in a log of bold labels whose records show no link yet: the old record
/// is closed on its bold status line, the new one links back on a bold label under its
/// status line, neither gets a `## ` section; the graph, lint and renumber read both links.
#[test]
fn supersede_in_a_log_of_bold_labels_links_both_ways_in_bold_labels() {
    let repo = repository("bold-labels-without-colons");
    let output = decide(repo.path())
        .args(["supersede", "2", "-q", "--answers"])
        .arg(example("decision.yaml"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let new = "docs/adr/0004-choose-the-database-for-the-orders-service.md";
    let written = read(repo.path(), new);
    // Under the bold fields the record opens with (its status, its review date).
    assert!(
        written.contains(
            "\n**Status:** Accepted\n**Review-by:** 2027-04-02\n**Supersedes:** [2. Seed brackets by rating](0002-seed-brackets-by-rating.md)\n\n"
        ),
        "{written}"
    );
    let old = read(repo.path(), "docs/adr/0002-seed-brackets-by-rating.md");
    assert!(
        old.contains(
            "\n**Status:** Superseded by [4. Choose the database for the orders service](0004-choose-the-database-for-the-orders-service.md)\n"
        ),
        "{old}"
    );
    for text in [&written, &old] {
        assert!(!text.contains("\n## "), "{text}");
    }
    let graph = stdout(&decide(repo.path()).arg("graph").output().unwrap());
    assert!(graph.contains("r3 -> r1 [label=\"Supersedes\"]"), "{graph}");
    lint_finds_nothing(repo.path(), 4);

    // A second record 2 named first keeps its number: the superseded one moves to 5, and
    // both links follow it.
    let dir = repo.path().join("docs/adr");
    let copy = old
        .replacen("# 2. Seed brackets by rating", "# 2. Allow late entries", 1)
        .replacen(
            "**Status:** Superseded by",
            "**Status:** Accepted, relates to",
            1,
        );
    fs::write(dir.join("0002-allow-late-entries.md"), copy).unwrap();
    decide(repo.path()).arg("renumber").assert().success();
    let renumbered = read(repo.path(), new);
    assert!(
        renumbered.contains(
            "\n**Supersedes:** [5. Seed brackets by rating](0005-seed-brackets-by-rating.md)\n"
        ),
        "{renumbered}"
    );
    let moved = read(repo.path(), "docs/adr/0005-seed-brackets-by-rating.md");
    assert!(
        moved.contains("\n**Status:** Superseded by [4. Choose the database for the orders service](0004-choose-the-database-for-the-orders-service.md)\n"),
        "{moved}"
    );
    let graph = stdout(&decide(repo.path()).arg("graph").output().unwrap());
    assert!(graph.contains("r3 -> r4 [label=\"Supersedes\"]"), "{graph}");
    assert!(graph.contains("r1 -> r3 [label=\"Relates to\"]"), "{graph}");
    lint_finds_nothing(repo.path(), 5);
}

/// A log of bold labels whose records link on bold labels of their own, a superseded one
/// under `**Status:** Superseded`: `supersede` and `link` write so, under the status line
/// and the link labels already there.
#[test]
fn links_in_a_log_of_bold_link_labels_are_written_as_its_records_write_them() {
    let repo = repository("bold-label-links");
    let output = decide(repo.path())
        .args(["supersede", "4", "-q", "--answers"])
        .arg(example("decision.yaml"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let old = read(
        repo.path(),
        "docs/adr/0004-cache-fares-in-a-shared-store.md",
    );
    assert!(
        old.contains(concat!(
            "\n**Status:** Superseded\n",
            "**Supersedes:** [2. Cache fares in memory](0002-cache-fares-in-memory.md)\n",
            "**Relates to:** [3. Expire cached fares hourly](0003-expire-cached-fares-hourly.md)\n",
            "**Superseded by:** [5. Choose the database for the orders service](0005-choose-the-database-for-the-orders-service.md)\n",
            "**Date:** 2024-05-11\n",
        )),
        "{old}"
    );
    let new = "docs/adr/0005-choose-the-database-for-the-orders-service.md";
    decide(repo.path())
        .args(["link", "5", "Amends", "3"])
        .assert()
        .success();
    let written = read(repo.path(), new);
    assert!(
        written.contains(concat!(
            "\n**Review-by:** 2027-04-02\n",
            "**Supersedes:** [4. Cache fares in a shared store](0004-cache-fares-in-a-shared-store.md)\n",
            "**Amends:** [3. Expire cached fares hourly](0003-expire-cached-fares-hourly.md)\n",
        )),
        "{written}"
    );
    let amended = read(repo.path(), "docs/adr/0003-expire-cached-fares-hourly.md");
    assert!(
        amended.contains(concat!(
            "**Amends:** [2. Cache fares in memory](0002-cache-fares-in-memory.md)\n",
            "**Amended by:** [5. Choose the database for the orders service](0005-choose-the-database-for-the-orders-service.md)\n",
        )),
        "{amended}"
    );
    for text in [&old, &written, &amended] {
        assert!(!text.contains("\n## "), "{text}");
    }
    let graph = stdout(&decide(repo.path()).arg("graph").output().unwrap());
    assert!(graph.contains("r4 -> r3 [label=\"Supersedes\"]"), "{graph}");
    assert!(graph.contains("r4 -> r2 [label=\"Amends\"]"), "{graph}");
    lint_finds_nothing(repo.path(), 5);
}

/// `decide lint` in `repo` exits 0, prints nothing and counts `records` records with no
/// error or warning.
fn lint_finds_nothing(repo: &Path, records: usize) {
    let lint = decide(repo).arg("lint").output().unwrap();
    assert_eq!(lint.status.code(), Some(0), "{}", stdout(&lint));
    assert_eq!(stdout(&lint), "");
    assert!(
        stderr(&lint).contains(&format!("{records} records: 0 errors, 0 warnings")),
        "{}",
        stderr(&lint)
    );
}

/// Typed links where mixed and bold-label records write them besides their status line (a
/// bold label under `## Status`, a bold label or a plain `Superseded by` line after the
/// sections) are written to as their records write them: a new label with the links already
/// under the status, below `**Date:**`. After a renumber every one of them, and the mention
/// on a bold label's line, leads to its record: lint finds nothing dangling.
#[test]
fn links_anywhere_in_bold_label_records_are_written_and_renumbered() {
    let repo = repository("bold-links-anywhere");
    decide(repo.path())
        .args(["link", "5", "Amends", "4"])
        .assert()
        .success();
    let amending = read(repo.path(), "docs/adr/0005-bake-a-morning-batch.md");
    assert!(
        amending.contains(concat!(
            "**Status:** Accepted\n**Date:** 2024-09-09\n",
            "**Supersedes:** [3. Bake to order](0003-bake-to-order.md)\n",
            "**Amends:** [4. Take orders online](0004-take-orders-online.md)\n\n**Context:**",
        )),
        "{amending}"
    );
    let amended = read(repo.path(), "docs/adr/0004-take-orders-online.md");
    assert!(
        amended.contains(concat!(
            "**Date:** 2024-06-18\n",
            "**Amended by:** [5. Bake a morning batch](0005-bake-a-morning-batch.md)\n\n",
        )),
        "{amended}"
    );
    let output = decide(repo.path())
        .args(["supersede", "1", "-q", "--answers"])
        .arg(example("decision.yaml"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let closed = read(repo.path(), "docs/adr/0001-record-decisions-here.md");
    assert!(
        closed.contains(concat!(
            "## Status\n\n**Status:** Superseded\n",
            "**Superseded by:** [6. Choose the database for the orders service](0006-choose-the-database-for-the-orders-service.md)\n\n## Context\n",
        )),
        "{closed}"
    );
    lint_finds_nothing(repo.path(), 6);

    // A second 2, 3 and 5, each named first: the records linked move to 7, 8 and 9.
    let dir = repo.path().join("docs/adr");
    for (name, title) in [
        ("0002-bake-bread-at-night.md", "2. Bake bread at night"),
        ("0003-add-a-sourdough-line.md", "3. Add a sourdough line"),
        ("0005-add-a-cake-counter.md", "5. Add a cake counter"),
    ] {
        let text = format!(
            "# {title}\n\n**Status:** Accepted\n**Date:** 2024-01-05\n\n**Context:** Early.\n\n**Decision:** Now.\n\n**Consequences:** Later.\n"
        );
        fs::write(dir.join(name), text).unwrap();
    }
    decide(repo.path()).arg("renumber").assert().success();
    let text = |name: &str| read(repo.path(), &format!("docs/adr/{name}"));
    for (file, link) in [
        (
            "0004-take-orders-online.md",
            "\n**Supersedes:** [7. Take orders by phone](0007-take-orders-by-phone.md)\n",
        ),
        (
            "0004-take-orders-online.md",
            "Relates to [8. Bake to order](0008-bake-to-order.md) as well:",
        ),
        (
            "0008-bake-to-order.md",
            "\nSuperseded by [9. Bake a morning batch](0009-bake-a-morning-batch.md)\n",
        ),
        (
            "0008-bake-to-order.md",
            "[the order book rule](0007-take-orders-by-phone.md)",
        ),
        (
            "0009-bake-a-morning-batch.md",
            "\n**Supersedes:** [8. Bake to order](0008-bake-to-order.md)\n",
        ),
        (
            "0007-take-orders-by-phone.md",
            "\n**Superseded by:** [4. Take orders online](0004-take-orders-online.md)\n",
        ),
    ] {
        assert!(text(file).contains(link), "{file}: {}", text(file));
    }
    let graph = stdout(&decide(repo.path()).arg("graph").output().unwrap());
    for label in ["Supersedes", "Amends"] {
        assert!(graph.contains(&format!("[label=\"{label}\"]")), "{graph}");
    }
    assert_eq!(
        graph.matches("[label=\"Supersedes\"]").count(),
        3,
        "{graph}"
    );
    lint_finds_nothing(repo.path(), 9);
}
