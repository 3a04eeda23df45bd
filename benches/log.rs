//! `cargo bench --bench log`: generate a 10,000-record log in adr-tools' format and one in
//! ours, then time `list`, `index`, `lint`, `search`, `review --check`, `site` and `new`
//! against `cat` reading every record, and report each command's peak memory; with
//! Chromium installed, time the site's search a keystroke at a time. See "Benchmark" in
//! docs/benchmark.md.
//!
//! Every command runs as a real process with its output thrown away, the files already in
//! the page cache (one warm-up run each), and the median of several runs is reported.
//! `DECIDE_BENCH_RECORDS` changes the log size, `DECIDE_BENCH_RUNS` the runs per command,
//! and `DECIDE_BENCH_DIR` keeps the generated logs in that directory for a closer look.

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

const BIN: &str = env!("CARGO_BIN_EXE_decide");
const TODAY: &str = "2026-11-26";

fn main() {
    let records = env_number("DECIDE_BENCH_RECORDS", 10_000);
    let runs = env_number("DECIDE_BENCH_RUNS", 7);
    let scratch = tempfile::tempdir().expect("a temporary directory");
    let base = std::env::var_os("DECIDE_BENCH_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| scratch.path().to_path_buf());
    let ours_template = our_record_template();
    println!(
        "decide log benchmark: {records} records per log, median of {runs} runs, {} cores\n",
        std::thread::available_parallelism().map_or(1, |n| n.get())
    );
    for (name, generate) in [
        ("adr-tools", &nygard_record as &dyn Fn(usize) -> String),
        ("decide", &|n| our_record(&ours_template, n)),
    ] {
        let root = base.join(name);
        if root.exists() {
            std::fs::remove_dir_all(&root).unwrap();
        }
        let dir = root.join("docs/decisions");
        std::fs::create_dir_all(root.join(".git")).unwrap();
        std::fs::create_dir_all(&dir).unwrap();
        let mut bytes = 0;
        for n in 1..=records {
            let text = generate(n);
            bytes += text.len();
            std::fs::write(dir.join(format!("{n:04}-{}.md", slug(n))), text).unwrap();
        }
        println!(
            "{name} log: {records} records, {:.1} MiB",
            bytes as f64 / 1024.0 / 1024.0
        );
        report(&root, &dir, runs);
        search_in_a_browser(&root.join("site"));
        println!();
    }
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

fn report(root: &Path, dir: &Path, runs: usize) {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    // `decide index` edits the log's README between its markers and never creates one.
    std::fs::write(dir.join("README.md"), "# Decisions\n").unwrap();
    let cat = measure(runs, || {
        let mut command = Command::new("cat");
        command.args(&files);
        command
    });
    println!(
        "  {:<28} {:>9}  {:>9}  {:>12}",
        "command", "median", "vs cat", "peak memory"
    );
    print_row("cat (every record)", &cat, &cat);
    let decide = |args: &[&str]| {
        let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
        move || {
            let mut command = Command::new(BIN);
            command
                .current_dir(root)
                .env("DECIDE_TODAY", TODAY)
                .env("NO_COLOR", "1")
                .args(&args);
            command
        }
    };
    let cases: [(&str, &[&str]); 6] = [
        ("decide list", &["list"]),
        ("decide index", &["index"]),
        ("decide lint", &["lint"]),
        ("decide search \"page cache\"", &["search", "page", "cache"]),
        ("decide review --check", &["review", "--check"]),
        ("decide site (rebuilt)", &["site", "--out", "site"]),
    ];
    for (label, args) in cases {
        let result = measure(runs, decide(args));
        print_row(label, &result, &cat);
    }
    // A first build writes every file into a new directory; the rebuild above finds most
    // of them unchanged and leaves them alone.
    let fresh = std::cell::Cell::new(0);
    let first = measure(runs, || {
        fresh.set(fresh.get() + 1);
        decide(&["site", "--out", &format!("site-new-{}", fresh.get())])()
    });
    print_row("decide site (new directory)", &first, &cat);
    let answers = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/decision.yaml");
    let answers = answers.to_string_lossy().into_owned();
    let new = measure(runs, decide(&["new", "-q", "--answers", &answers]));
    print_row("decide new (in this log)", &new, &cat);
}

struct Measured {
    median: Duration,
    peak_kib: i64,
}

fn print_row(label: &str, measured: &Measured, cat: &Measured) {
    let ratio = measured.median.as_secs_f64() / cat.median.as_secs_f64();
    println!(
        "  {label:<28} {:>7.1}ms  {:>8.2}x  {:>8.1} MiB",
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
    // lint and review --check exit 1 for findings; anything else is a failed run.
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

/// An adr-tools record as `adr new` writes it, with the links `adr new -s` adds: every
/// tenth record supersedes the one before it.
fn nygard_record(n: usize) -> String {
    let mut status = String::from("Accepted\n");
    if n.is_multiple_of(10) && n > 1 {
        status.push_str(&format!(
            "\nSupercedes [{}. {}]({:04}-{}.md)\n",
            n - 1,
            title(n - 1),
            n - 1,
            slug(n - 1)
        ));
    }
    if n % 10 == 9 {
        status = format!(
            "Superceded by [{}. {}]({:04}-{}.md)\n",
            n + 1,
            title(n + 1),
            n + 1,
            slug(n + 1)
        );
    }
    let mention = if n.is_multiple_of(97) {
        " The page cache hides it."
    } else {
        ""
    };
    format!(
        "# {n}. {}\n\nDate: {}\n\n## Status\n\n{status}\n## Context\n\n\
         The {} service needs a decision about {}: load grew threefold this year and the \
         current setup pages the on-call engineer every week.{mention}\n\n\
         ## Decision\n\nWe will {} {} for {}, starting with one service and keeping the old \
         path for a month.\n\n## Consequences\n\nThe team learns a new tool; dashboards and \
         runbooks need updating; we can back out within the month.\n",
        title(n),
        date(n),
        TOPICS[n % TOPICS.len()],
        TOPICS[n % TOPICS.len()],
        VERBS[n % VERBS.len()].to_lowercase(),
        TOOLS[n % TOOLS.len()],
        TOPICS[n % TOPICS.len()]
    )
}

/// A record as `decide new` writes it: the example decision, rendered by the binary once.
fn our_record_template() -> String {
    let answers = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/decision.yaml");
    let output = Command::new(BIN)
        .args(["new", "-q", "--stdout", "--answers"])
        .arg(answers)
        .env("DECIDE_TODAY", TODAY)
        .env("NO_COLOR", "1")
        .output()
        .expect("run decide new --stdout");
    assert!(output.status.success(), "decide new --stdout failed");
    String::from_utf8(output.stdout).expect("a UTF-8 record")
}

/// Our record for number `n`: its own title, date and review date (one in a hundred due).
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
            &format!("before the spring campaign.{mention}"),
            1,
        )
}
