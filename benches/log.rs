//! `cargo bench --bench log`: generate 10,000-record logs in adr-tools', MADR's and our own
//! format, and one with 5,000 shared numbers, then time every log command against `cat`
//! reading every record and against the floor under them all (every record read on every
//! core, nothing parsed), the site too, and its search in a browser when Chromium is
//! installed, and report each command's peak memory. See docs/benchmark.md.
//!
//! Every command runs as a real process with its output thrown away, the files already in
//! the page cache (one warm-up run each), and the median of several runs is reported.
//! `DECIDE_BENCH_RECORDS` changes the log size, `DECIDE_BENCH_RUNS` the runs per command,
//! `DECIDE_BENCH_DIR` keeps the generated logs in that directory for a closer look,
//! `DECIDE_BENCH_BIN` times another build (an older release, say) on the same logs, and
//! `DECIDE_BENCH_ADRS` names an `adrs` executable (`cargo install adrs`) to time beside
//! decide, with the number of records it listed.

// Peak memory of a child comes from wait4(2), which only libc offers; the rest of the
// crate forbids unsafe code.
#![allow(unsafe_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

// The browser test's WebDriver client; the bench uses only some of it.
#[allow(dead_code)]
#[path = "../tests/cli/webdriver.rs"]
mod webdriver;

const TODAY: &str = "2026-11-26";

/// The goals in docs/benchmark.md, as a share of the time `cat` takes over the same files.
const GOALS: &[(&str, f64)] = &[("list", 0.3), ("index", 0.5), ("lint", 0.5), ("graph", 0.5)];
/// The lookup of related records with the word index fresh, as a whole process.
const RELATED_GOAL_MS: u64 = 50;
/// Every command stays under this much resident memory.
const MEMORY_GOAL_MIB: f64 = 20.0;

fn main() {
    if let Some(dir) = std::env::var_os(READ_ONLY_ENV) {
        read_only(Path::new(&dir));
        return;
    }
    let records = env_number("DECIDE_BENCH_RECORDS", 10_000);
    let runs = env_number("DECIDE_BENCH_RUNS", 7);
    let bin = std::env::var_os("DECIDE_BENCH_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_decide")));
    let scratch = tempfile::tempdir().expect("a temporary directory");
    let base = std::env::var_os("DECIDE_BENCH_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| scratch.path().to_path_buf());
    // The logs are the same whichever build is timed: this build writes the record template.
    let ours_template = our_record_template(Path::new(env!("CARGO_BIN_EXE_decide")));
    println!(
        "decide log benchmark: {records} records per log, median of {runs} runs, {} cores, {}\n",
        std::thread::available_parallelism().map_or(1, |n| n.get()),
        bin.display()
    );
    let mut missed = Vec::new();
    for (name, generate) in [
        ("adr-tools", &nygard_record as &dyn Fn(usize) -> String),
        ("madr", &madr_record),
        ("decide", &|n| our_record(&ours_template, n)),
    ] {
        let (root, dir, bytes) = generate_log(&base, name, records, |n| (n, generate(n)));
        println!(
            "{name} log: {records} records, {:.1} MiB",
            bytes as f64 / 1024.0 / 1024.0
        );
        missed.extend(report(&bin, &root, &dir, runs, name));
        println!();
    }
    // Two branches each added half the records: every number is used twice.
    let (root, dir, bytes) = generate_log(&base, "shared-numbers", records, |n| {
        let number = n.div_ceil(2);
        (
            number,
            nygard_record(number).replacen("Accepted", "Proposed", n % 2),
        )
    });
    println!(
        "adr-tools log with {} numbers used twice: {records} records, {:.1} MiB",
        records / 2,
        bytes as f64 / 1024.0 / 1024.0
    );
    let cat = measure(runs, || cat(&dir));
    print_header();
    print_row("cat (every record)", &cat, &cat);
    let renumber = measure(runs, || decide(&bin, &root, &["renumber", "--dry-run"]));
    print_row("decide renumber --dry-run", &renumber, &cat);
    if renumber.median > Duration::from_secs(2) {
        missed.push("renumber --dry-run over 2 s".to_string());
    }
    println!();
    if missed.is_empty() {
        println!("Every goal met.");
    } else {
        println!("Goals missed: {}", missed.join("; "));
    }
}

/// A repository holding one log of `records` records, and the log's size in bytes.
fn generate_log(
    base: &Path,
    name: &str,
    records: usize,
    generate: impl Fn(usize) -> (usize, String),
) -> (PathBuf, PathBuf, usize) {
    let root = base.join(name);
    if root.exists() {
        std::fs::remove_dir_all(&root).unwrap();
    }
    let dir = root.join("docs/decisions");
    std::fs::create_dir_all(root.join(".git")).unwrap();
    std::fs::create_dir_all(&dir).unwrap();
    let mut bytes = 0;
    for n in 1..=records {
        let (number, text) = generate(n);
        bytes += text.len();
        // The second of two records with one number has a slug of its own.
        let slug = if number == n {
            slug(n)
        } else {
            format!("{}-{n}", slug(number))
        };
        std::fs::write(dir.join(format!("{number:04}-{slug}.md")), text).unwrap();
    }
    (root, dir, bytes)
}

fn cat(dir: &Path) -> Command {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    let mut command = Command::new("cat");
    command.args(&files);
    command
}

/// Set, the bench is the floor under every log command: it only reads the records in this
/// directory, as `list` does, and exits.
const READ_ONLY_ENV: &str = "DECIDE_BENCH_READ_ONLY";

/// This bench, run as the reader of [`read_only`].
fn read_only_process(dir: &Path) -> Command {
    let mut command = Command::new(std::env::current_exe().expect("the bench's own path"));
    command.env(READ_ONLY_ENV, dir);
    command
}

/// What no log command can go below: the directory listed and sorted, then each record
/// opened and its first 8 KiB read (nearly every record whole), on every core, with
/// nothing parsed. `cat` reads the same files on one core.
fn read_only(dir: &Path) {
    use std::io::Read;
    use std::sync::atomic::{AtomicUsize, Ordering};
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort_unstable();
    let next = AtomicUsize::new(0);
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| {
                let mut buffer = vec![0; 8192];
                while let Some(file) = files.get(next.fetch_add(1, Ordering::Relaxed)) {
                    let read = std::fs::File::open(file).and_then(|mut f| f.read(&mut buffer));
                    std::hint::black_box(read.unwrap());
                }
            });
        }
    });
}

fn decide(bin: &Path, root: &Path, args: &[&str]) -> Command {
    let mut command = Command::new(bin);
    command
        .current_dir(root)
        .env("DECIDE_TODAY", TODAY)
        .env("NO_COLOR", "1")
        .args(args);
    command
}

/// How long after a file is written the record caches trust its stamp (a second write
/// within one clock tick could leave it unchanged; see `FileStamp::is_racy`), with a margin.
const RACY_WINDOW: Duration = Duration::from_millis(2_200);

/// Time every command on one log, generated just before; the goals it missed.
fn report(bin: &Path, root: &Path, dir: &Path, runs: usize, log: &str) -> Vec<String> {
    // A log people list was not written in the last two seconds, and in one that was, no
    // record is cached yet: the commands are timed once the log is older than that.
    let aged = Instant::now() + RACY_WINDOW;
    let cat = measure(runs, || cat(dir));
    print_header();
    print_row("cat (every record)", &cat, &cat);
    let floor = measure(runs, || read_only_process(dir));
    print_row("read only, every core", &floor, &cat);
    std::thread::sleep(aged.saturating_duration_since(Instant::now()));
    let floor_ratio = floor.median.as_secs_f64() / cat.median.as_secs_f64();
    let cases: [(&str, &[&str]); 10] = [
        ("list", &["list"]),
        ("list --json", &["list", "--json"]),
        ("index", &["index"]),
        ("lint", &["lint"]),
        ("search \"page cache\"", &["search", "page", "cache"]),
        ("graph", &["graph"]),
        ("review --check", &["review", "--check"]),
        ("renumber --dry-run", &["renumber", "--dry-run"]),
        ("show 1", &["show", "1"]),
        ("site (rebuilt)", &["site", "--out", "site"]),
    ];
    let mut missed = Vec::new();
    for (label, args) in cases {
        let result = measure(runs, || decide(bin, root, args));
        print_row(&format!("decide {label}"), &result, &cat);
        let ratio = result.median.as_secs_f64() / cat.median.as_secs_f64();
        if let Some((_, goal)) = GOALS.iter().find(|(name, _)| *name == label)
            && ratio > *goal
        {
            missed.push(format!(
                "{log}: {label} at {ratio:.2}x cat (goal {goal}x; reading alone {floor_ratio:.2}x)"
            ));
        }
        if result.peak_kib as f64 / 1024.0 > MEMORY_GOAL_MIB {
            missed.push(format!(
                "{log}: {label} peaks at {:.1} MiB",
                result.peak_kib as f64 / 1024.0
            ));
        }
    }
    // The commands above take unchanged records from their caches in `.decide/cache`; a
    // first run, or one after every record changed, reads every record and writes the
    // cache.
    for (label, args, cache) in [
        ("list", &["list"][..], "heads"),
        ("lint", &["lint"][..], "lint"),
        ("graph", &["graph"][..], "nodes"),
    ] {
        let cache = root.join(".decide/cache").join(cache);
        let result = measure(runs, || {
            let _ = std::fs::remove_file(&cache);
            decide(bin, root, args)
        });
        print_row(&format!("decide {label} (cache cleared)"), &result, &cat);
        if result.peak_kib as f64 / 1024.0 > MEMORY_GOAL_MIB {
            missed.push(format!(
                "{log}: {label} with its cache cleared peaks at {:.1} MiB",
                result.peak_kib as f64 / 1024.0
            ));
        }
    }
    // A first build writes every file into a new directory; the rebuild above finds most
    // of them unchanged and leaves them alone.
    let fresh = std::cell::Cell::new(0);
    let first = measure(runs, || {
        fresh.set(fresh.get() + 1);
        decide(
            bin,
            root,
            &["site", "--out", &format!("site-new-{}", fresh.get())],
        )
    });
    print_row("decide site (new directory)", &first, &cat);
    search_in_a_browser(&root.join("site"));
    missed.extend(related(bin, root, dir, runs, log, &cat));
    let answers = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/decision.yaml");
    let answers = answers.to_string_lossy().into_owned();
    let new = measure(runs, || {
        decide(bin, root, &["new", "-q", "--answers", &answers])
    });
    print_row("decide new (in this log)", &new, &cat);
    if let Some(adrs) = std::env::var_os("DECIDE_BENCH_ADRS") {
        side_by_side(Path::new(&adrs), root, dir, runs, &cat);
    }
    missed
}

/// Another ADR tool on the same log: `adrs`, the Rust one, with how many records it listed,
/// since a tool that cannot read a format lists nothing, fast.
fn side_by_side(adrs: &Path, root: &Path, dir: &Path, runs: usize, cat: &Measured) {
    let relative = dir
        .strip_prefix(root)
        .expect("the log is inside its repository");
    // adr-tools' way of naming the log's directory, which adrs reads.
    std::fs::write(root.join(".adr-dir"), relative.to_string_lossy().as_bytes())
        .expect("write .adr-dir");
    let run = |args: &[&str]| {
        let mut command = Command::new(adrs);
        command.current_dir(root).env("NO_COLOR", "1").args(args);
        command
    };
    let listed = run(&["list"]).output().expect("run adrs list");
    let listed = String::from_utf8_lossy(&listed.stdout).lines().count();
    let list = measure(runs, || run(&["list"]));
    print_row(&format!("adrs list ({listed} listed)"), &list, cat);
    let graph = measure(runs, || run(&["generate", "graph"]));
    print_row("adrs generate graph", &graph, cat);
}

/// The lookup of the records related to a title (`decide new` shows them after the title;
/// `search --related` is the same lookup on its own, timed here as a whole process): with
/// the word index fresh, built from nothing, and brought up to date after a record was
/// added. The goals it missed.
fn related(
    bin: &Path,
    root: &Path,
    dir: &Path,
    runs: usize,
    log: &str,
    cat: &Measured,
) -> Vec<String> {
    let title = "Move the caching layer from Redis to PostgreSQL";
    let args = ["search", "--related", title];
    let fresh = measure(runs, || decide(bin, root, &args));
    print_row("decide search --related (fresh)", &fresh, cat);
    let cache = root.join(".decide/cache/words");
    let cold = measure(runs, || {
        let _ = std::fs::remove_file(&cache);
        decide(bin, root, &args)
    });
    print_row("decide search --related (built)", &cold, cat);
    let added = std::cell::Cell::new(0);
    let updated = measure(runs, || {
        added.set(added.get() + 1);
        let n = 900_000 + added.get();
        std::fs::write(
            dir.join(format!("{n}-added.md")),
            format!("# {n}. Added record {n}\n\n## Status\n\nAccepted\n"),
        )
        .unwrap();
        decide(bin, root, &args)
    });
    print_row("decide search --related (+1 record)", &updated, cat);
    // The records added above would change the other logs' figures.
    for n in 1..=added.get() {
        let _ = std::fs::remove_file(dir.join(format!("{}-added.md", 900_000 + n)));
    }
    let mut missed = Vec::new();
    if fresh.median > Duration::from_millis(RELATED_GOAL_MS) {
        missed.push(format!(
            "{log}: search --related takes {:.1} ms (goal {RELATED_GOAL_MS} ms)",
            fresh.median.as_secs_f64() * 1000.0
        ));
    }
    missed
}

/// The site's search, typed a key at a time into the index of the log just built, in
/// headless Chromium when it is installed: the slowest keystroke of each query, from the
/// input to the table laid out again.
fn search_in_a_browser(site: &Path) {
    let Some((chromedriver, chromium)) = webdriver::installed() else {
        println!("  (site search not timed: install chromium and chromium-driver)");
        return;
    };
    let browser = webdriver::Browser::start(&chromedriver, &chromium);
    browser.open(&format!("file://{}", site.join("index.html").display()));
    browser.wait_for(
        "return !!window.DECIDE_SEARCH && !!window.decideSearch",
        "the search index loaded",
    );
    // Each prefix as typed; reading offsetHeight makes the browser lay the table out
    // before the clock is read, as it must before the reader sees the result.
    let script = "const query = arguments[0]; const times = []; let shown = 0;
        for (let i = 1; i <= query.length; i++) {
          const start = performance.now();
          shown = window.decideSearch(query.slice(0, i));
          document.body.offsetHeight;
          times.push(performance.now() - start);
        }
        window.decideSearch('');
        return [Math.max(...times), shown];";
    for query in ["postgresql", "page cache", "rust for reports 9999"] {
        let answer = browser.run_with(script, &[serde_json::json!(query)]);
        println!(
            "  site search {:<21} slowest keystroke {:>6.1}ms, {} records shown",
            format!("\"{query}\""),
            answer[0].as_f64().unwrap_or(f64::NAN),
            answer[1]
        );
    }
}

struct Measured {
    median: Duration,
    peak_kib: i64,
}

fn print_header() {
    println!(
        "  {:<30} {:>9}  {:>9}  {:>12}",
        "command", "median", "vs cat", "peak memory"
    );
}

fn print_row(label: &str, measured: &Measured, cat: &Measured) {
    let ratio = measured.median.as_secs_f64() / cat.median.as_secs_f64();
    println!(
        "  {label:<30} {:>7.1}ms  {:>8.2}x  {:>8.1} MiB",
        measured.median.as_secs_f64() * 1000.0,
        ratio,
        measured.peak_kib as f64 / 1024.0
    );
}

/// Run the command once to warm the page cache, then `runs` times; the median time and the
/// highest peak resident memory of any run.
fn measure(runs: usize, command: impl Fn() -> Command) -> Measured {
    run_once(&mut command());
    let mut times = Vec::new();
    let mut peak_kib = 0;
    for _ in 0..runs {
        let (time, peak) = run_once(&mut command());
        times.push(time);
        peak_kib = peak_kib.max(peak);
    }
    times.sort();
    Measured {
        median: times[times.len() / 2],
        peak_kib,
    }
}

/// Time one run and read its peak memory from wait4(2), which reports the rusage of that
/// one child (getrusage(RUSAGE_CHILDREN) would mix all children together).
#[allow(
    clippy::zombie_processes,
    reason = "the child is reaped by wait4 below, which clippy cannot see"
)]
fn run_once(command: &mut Command) -> (Duration, i64) {
    let start = Instant::now();
    let child = command
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start the command");
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    // SAFETY: an all-zero rusage is a valid value, and wait4 writes a whole one.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: pid is our own child, not yet waited for; the pointers are to live locals.
    let waited = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    let elapsed = start.elapsed();
    assert_eq!(waited, pid, "wait4 failed");
    let code = libc::WEXITSTATUS(status);
    // lint, search and review --check exit 1 for findings; anything else is a failed run.
    assert!(code <= 1, "{command:?} exited with {code}");
    // ru_maxrss is in KiB on Linux.
    (elapsed, usage.ru_maxrss)
}

fn env_number(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

const TOPICS: [&str; 10] = [
    "caching", "queues", "storage", "auth", "search", "billing", "logging", "deploys", "mobile",
    "reports",
];
const VERBS: [&str; 5] = ["Use", "Adopt", "Replace", "Split", "Drop"];
const TOOLS: [&str; 8] = [
    "PostgreSQL",
    "Redis",
    "Kafka",
    "S3",
    "OpenSearch",
    "gRPC",
    "Terraform",
    "Rust",
];

fn title(n: usize) -> String {
    format!(
        "{} {} for {} {n}",
        VERBS[n % VERBS.len()],
        TOOLS[n % TOOLS.len()],
        TOPICS[n % TOPICS.len()]
    )
}

fn slug(n: usize) -> String {
    title(n).to_lowercase().replace(' ', "-")
}

fn file(n: usize) -> String {
    format!("{n:04}-{}.md", slug(n))
}

fn date(n: usize) -> String {
    // Spread over ten years, one record every few days.
    chrono_free_date(2016, n * 3 / 10)
}

/// `YYYY-MM-DD` for `days` after 1 January of `year`, with 28-day months: realistic enough
/// for sorting and filters, and no date library needed here.
fn chrono_free_date(year: usize, days: usize) -> String {
    let year = year + days / 336;
    let month = days % 336 / 28 + 1;
    let day = days % 28 + 1;
    format!("{year:04}-{month:02}-{day:02}")
}

/// A sentence of context that links to the record before, as teams do in running text.
fn context(n: usize) -> String {
    let topic = TOPICS[n % TOPICS.len()];
    let mention = if n.is_multiple_of(97) {
        " The page cache hides it."
    } else {
        ""
    };
    let earlier = if n > 1 {
        format!(" It follows [ADR {}]({}).", n - 1, file(n - 1))
    } else {
        String::new()
    };
    format!(
        "The {topic} service needs a decision about {topic}: load grew threefold this year \
         and the current setup pages the on-call engineer every week.{mention}{earlier}"
    )
}

/// An adr-tools record as `adr new` writes it, with the links `adr new -s` adds: every
/// tenth record supersedes the one before it, and every record's context links to the
/// one before (so the graph has 10,000 linked records).
fn nygard_record(n: usize) -> String {
    let mut status = String::from("Accepted\n");
    if n.is_multiple_of(10) && n > 1 {
        status.push_str(&format!(
            "\nSupercedes [{}. {}]({})\n",
            n - 1,
            title(n - 1),
            file(n - 1)
        ));
    }
    if n % 10 == 9 {
        status = format!(
            "Superceded by [{}. {}]({})\n",
            n + 1,
            title(n + 1),
            file(n + 1)
        );
    }
    format!(
        "# {n}. {}\n\nDate: {}\n\n## Status\n\n{status}\n## Context\n\n{}\n\n\
         ## Decision\n\nWe will {} {} for {}, starting with one service and keeping the old \
         path for a month.\n\n## Consequences\n\nThe team learns a new tool; dashboards and \
         runbooks need updating; we can back out within the month.\n",
        title(n),
        date(n),
        context(n),
        VERBS[n % VERBS.len()].to_lowercase(),
        TOOLS[n % TOOLS.len()],
        TOPICS[n % TOPICS.len()]
    )
}

/// A MADR 4 record: front matter, the three required sections, and MADR's superseded form.
fn madr_record(n: usize) -> String {
    let status = if n % 10 == 9 {
        format!("\"superseded by ADR-{:04}\"", n + 1)
    } else {
        "accepted".to_string()
    };
    format!(
        "---\nstatus: {status}\ndate: {}\ndecision-makers: Ana Lima, Ben Okafor\n---\n\n\
         # {}\n\n## Context and Problem Statement\n\n{}\n\n## Considered Options\n\n\
         * {}\n* Keep what we have\n\n## Decision Outcome\n\nChosen option: \"{}\", because \
         it halves the pages.\n\n### Consequences\n\n* Good, because fewer pages\n\
         * Bad, because one more tool to learn\n",
        date(n),
        title(n),
        context(n),
        TOOLS[n % TOOLS.len()],
        TOOLS[n % TOOLS.len()]
    )
}

/// A record as `decide new` writes it: the example decision, rendered by the binary once.
fn our_record_template(bin: &Path) -> String {
    let answers = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/decision.yaml");
    let output = Command::new(bin)
        .args(["new", "-q", "--stdout", "--answers"])
        .arg(answers)
        .env("DECIDE_TODAY", TODAY)
        .env("NO_COLOR", "1")
        .output()
        .expect("run decide new --stdout");
    assert!(output.status.success(), "decide new --stdout failed");
    String::from_utf8(output.stdout).expect("a UTF-8 record")
}

/// Our record for number `n`: its own title, date and review date (one in a hundred due),
/// and a link to the record before.
fn our_record(template: &str, n: usize) -> String {
    let review = if n.is_multiple_of(100) {
        "2026-11-01".to_string()
    } else {
        "2027-06-30".to_string()
    };
    let mention = if n.is_multiple_of(97) {
        " The page cache hides it."
    } else {
        ""
    };
    let earlier = if n > 1 {
        format!(" It follows [ADR {}]({}).", n - 1, file(n - 1))
    } else {
        String::new()
    };
    template
        .replacen(
            "# Choose the database for the orders service",
            &format!("# {}", title(n)),
            1,
        )
        .replacen("date: 2026-11-26", &format!("date: {}", date(n)), 1)
        .replacen("review-by: 2027-02-24", &format!("review-by: {review}"), 1)
        .replacen(
            "before the spring campaign.",
            &format!("before the spring campaign.{mention}{earlier}"),
            1,
        )
}
