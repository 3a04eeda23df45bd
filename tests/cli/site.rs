//! `decide site`: the pages parse as HTML5 without an error, every link inside the site
//! leads to a page that exists, records written to attack the reader show as text, and
//! the preview server answers and rebuilds. The browser test is in `browser.rs`.

use std::collections::BTreeSet;
use std::fs;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use html5ever::tendril::TendrilSink;
use html5ever::{ParseOpts, parse_document};
use markup5ever_rcdom::{Handle, NodeData, RcDom};

use crate::support::{decide, decide_process, example, repo, stderr, write};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// A record whose every part tries to become markup or script in the reader's browser.
pub(crate) const HOSTILE: &str = "---\nstatus: \"<script>alert('status')</script>\"\ndate: 2026-11-20\ndecision-makers: \"<img src=x onerror=alert(1)>\"\n---\n\n# 6. <script>alert('title')</script> \"quoted\" & <b>bold</b>\n\n## Context and Problem Statement\n\n<script>alert('body')</script>\n\n<iframe src=\"https://example.com\"></iframe>\n\nClick [here](javascript:alert('link')) or [there](\"><script>alert(2)</script>).\n\n![tracker](https://example.com/pixel.png)\n\n<svg onload=alert(3)>\n\n## Considered Options\n\n* <a href=\"javascript:alert(4)\">option</a>\n\n## Decision Outcome\n\nChosen option: \"<style>body{display:none}</style>\", because \\u{1b}[31m.\n";

/// A log in three formats: adr-tools records that supersede each other, one of ours with
/// its verdicts and citations, and [`HOSTILE`].
pub(crate) fn mixed_log() -> tempfile::TempDir {
    let repo = repo();
    let dir = repo.path().join("docs/decisions");
    fs::create_dir_all(&dir).unwrap();
    for entry in fs::read_dir(Path::new(ROOT).join("tests/fixtures/adr-tools")).unwrap() {
        let path = entry.unwrap().path();
        fs::copy(&path, dir.join(path.file_name().unwrap())).unwrap();
    }
    // In an adr-tools log new records follow its format; ours is asked for by name.
    decide(repo.path())
        .args(["new", "-q", "--template", "decision.md", "--answers"])
        .arg(example("decision.yaml"))
        .assert()
        .success();
    write(&dir, "0006-hostile.md", HOSTILE);
    repo
}

/// Build the site of `repo` into `repo/site`.
pub(crate) fn build_site(repo: &Path) -> PathBuf {
    decide(repo)
        .args(["site", "--out", "site"])
        .assert()
        .success();
    repo.join("site")
}

fn html_files(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(dir) = pending.pop() {
        for entry in fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|e| e == "html") {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}

/// A page parsed by html5ever, with every parse error it reported.
fn parse(path: &Path) -> (RcDom, Vec<String>) {
    let bytes = fs::read(path).unwrap();
    let mut options = ParseOpts::default();
    options.tree_builder.exact_errors = true;
    let dom = parse_document(RcDom::default(), options)
        .from_utf8()
        .read_from(&mut bytes.as_slice())
        .unwrap();
    let errors = dom.errors.borrow().iter().map(|e| e.to_string()).collect();
    (dom, errors)
}

/// Every element below `node`: its name and attributes.
fn elements(node: &Handle, out: &mut Vec<(String, Vec<(String, String)>)>) {
    if let NodeData::Element { name, attrs, .. } = &node.data {
        let attrs = attrs
            .borrow()
            .iter()
            .map(|a| (a.name.local.to_string(), a.value.to_string()))
            .collect();
        out.push((name.local.to_string(), attrs));
    }
    for child in node.children.borrow().iter() {
        elements(child, out);
    }
}

fn all_elements(dom: &RcDom) -> Vec<(String, Vec<(String, String)>)> {
    let mut out = Vec::new();
    elements(&dom.document, &mut out);
    out
}

#[test]
fn every_page_is_valid_html5_and_every_link_inside_the_site_leads_somewhere() {
    let repo = mixed_log();
    let site = build_site(repo.path());
    let pages = html_files(&site);
    assert_eq!(pages.len(), 3 + 6, "{pages:?}");
    let mut checked = 0;
    for page in &pages {
        let (dom, errors) = parse(page);
        assert!(errors.is_empty(), "{}: {errors:?}", page.display());
        let elements = all_elements(&dom);
        let ids: BTreeSet<&str> = elements
            .iter()
            .flat_map(|(_, attrs)| attrs.iter())
            .filter(|(name, _)| name == "id")
            .map(|(_, value)| value.as_str())
            .collect();
        for (element, attrs) in &elements {
            for (name, value) in attrs {
                if name != "href" && name != "src" {
                    continue;
                }
                // A link out is followed only when clicked; what a page loads by itself
                // (scripts, styles, pictures) must be the site's own.
                let external = ["https://", "http://", "mailto:"]
                    .iter()
                    .any(|scheme| value.starts_with(scheme));
                if external && element == "a" && name == "href" {
                    continue;
                }
                assert!(
                    !value.contains(':') && !value.starts_with("//"),
                    "{}: <{element} {name}={value}> leaves the site",
                    page.display()
                );
                let (file, fragment) = value.split_once('#').unwrap_or((value, ""));
                let target = if file.is_empty() {
                    page.clone()
                } else {
                    page.parent().unwrap().join(file)
                };
                assert!(target.is_file(), "{}: {value} is broken", page.display());
                if file.is_empty() && !fragment.is_empty() {
                    assert!(
                        ids.contains(fragment),
                        "{}: #{fragment} is missing",
                        page.display()
                    );
                }
                checked += 1;
            }
        }
    }
    assert!(checked > 50, "only {checked} links checked");
}

#[test]
fn a_hostile_record_is_shown_as_text_and_runs_nothing() {
    let repo = mixed_log();
    let site = build_site(repo.path());
    let page = site.join("records/0006-hostile.html");
    for page in [
        page.clone(),
        site.join("index.html"),
        site.join("graph.html"),
    ] {
        let (dom, _) = parse(&page);
        for (name, attrs) in all_elements(&dom) {
            assert!(
                !matches!(name.as_str(), "iframe" | "img" | "style" | "b"),
                "{}: a <{name}> element from the record",
                page.display()
            );
            if name == "script" {
                let src = attrs
                    .iter()
                    .find(|(n, _)| n == "src")
                    .map(|(_, v)| v.as_str());
                assert!(
                    src.is_some_and(|s| s.ends_with("site.js") || s == "search-index.js"),
                    "{}: a script that is not the site's: {attrs:?}",
                    page.display()
                );
            }
            for (attr, value) in &attrs {
                assert!(
                    !attr.starts_with("on"),
                    "{}: {attr}={value}",
                    page.display()
                );
                assert!(
                    !value.trim_start().to_lowercase().starts_with("javascript:")
                        || attr == "title",
                    "{}: {attr}={value}",
                    page.display()
                );
            }
        }
    }
    let text = fs::read_to_string(&page).unwrap();
    assert!(
        text.contains("&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;"),
        "{text}"
    );
    assert!(
        text.contains("&lt;script&gt;alert('body')&lt;/script&gt;"),
        "{text}"
    );
    assert!(
        text.contains("\\u{1b}"),
        "the escape character is shown: {text}"
    );
    let index = fs::read_to_string(site.join("search-index.js")).unwrap();
    assert!(!index.contains('<'), "{index}");
}

#[test]
fn the_site_has_its_own_pages_graph_and_citations() {
    let repo = mixed_log();
    let site = build_site(repo.path());
    let graph = fs::read_to_string(site.join("graph.html")).unwrap();
    assert_eq!(
        graph.matches("<a class=\"node").count(),
        6,
        "one node per record"
    );
    assert!(graph.contains(">Supersedes</text>"), "{graph}");
    let ours = fs::read_to_string(
        site.join("records/0005-choose-the-database-for-the-orders-service.html"),
    )
    .unwrap();
    assert!(
        ours.contains("<div class=\"callout verdict\" role=\"note\">"),
        "{ours}"
    );
    assert!(ours.contains("<figure class=\"citation\">"), "{ours}");
    assert!(
        ours.contains("<cite>Tech Coffee Break</cite> episode 12"),
        "{ours}"
    );
    assert!(
        ours.contains("<a class=\"cite\" href=\"#ref-1\">"),
        "{ours}"
    );
    let postgres =
        fs::read_to_string(site.join("records/0003-use-postgresql-for-persistence.html")).unwrap();
    assert!(
        postgres.contains("href=\"0002-use-mysql-for-persistence.html\""),
        "links between records lead to their pages: {postgres}"
    );
    let stats = fs::read_to_string(site.join("stats.html")).unwrap();
    assert!(stats.contains("Median days to decide"), "{stats}");
    assert!(stats.contains("Review outcomes"), "{stats}");
}

/// The site reads each record twice (once for the log-wide pages and the search, once
/// for its own page): a file that cannot be read must not shift the search onto the
/// wrong record, and each page still shows its record's whole text.
#[test]
fn search_and_pages_keep_to_their_records_when_a_file_cannot_be_read() {
    let repo = repo();
    let dir = repo.path().join("docs/decisions");
    write(
        &dir,
        "0001-keep-the-monolith.md",
        "# 1. Keep the monolith\n\n## Status\n\nAccepted\n\n## Context\n\nThe zebra team is small.\n\n## Decision\n\nKeep it.\n\n## Consequences\n\nFewer deploys.\n",
    );
    fs::write(dir.join("0002-broken.md"), b"# 2. Broken \xff\xfe\n").unwrap();
    write(
        &dir,
        "0003-queue-payments.md",
        "# 3. Queue payments\n\n## Status\n\nProposed\n\n## Context\n\nThe quokka service drops payments at peak.\n\n## Decision\n\nPut a queue in front of it.\n\n## Consequences\n\nOne more thing to run.\n",
    );
    let output = decide(repo.path())
        .args(["site", "--out", "site"])
        .output()
        .unwrap();
    assert!(
        String::from_utf8_lossy(&output.stderr).contains("0002-broken.md"),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let site = repo.path().join("site");
    let index = fs::read_to_string(site.join("search-index.js")).unwrap();
    let parsed: serde_json::Value = serde_json::from_str(
        index
            .trim_start_matches("window.DECIDE_SEARCH=")
            .trim_end_matches(";\n"),
    )
    .unwrap();
    let words: Vec<&str> = parsed["words"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w.as_str().unwrap())
        .collect();
    let records_of = |word: &str| {
        parsed["records"][words.iter().position(|w| *w == word).unwrap()]
            .as_str()
            .unwrap()
            .to_string()
    };
    // Rows are numbered from 0 among the records read: the second is 0003.
    assert_eq!(records_of("zebra"), "0");
    assert_eq!(records_of("quokka"), "1");
    let table = fs::read_to_string(site.join("index.html")).unwrap();
    assert!(
        table.contains("<tr data-i=\"1\" data-status=\"proposed\""),
        "{table}"
    );
    let page = fs::read_to_string(site.join("records/0003-queue-payments.html")).unwrap();
    assert!(
        page.contains("The quokka service drops payments at peak.")
            && page.contains("One more thing to run."),
        "{page}"
    );
}

#[test]
fn a_directory_with_other_files_is_refused_and_a_site_is_rebuilt_in_place() {
    let repo = mixed_log();
    write(repo.path(), "notes/todo.txt", "mine");
    let output = decide(repo.path())
        .args(["site", "--out", "notes"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("notes is not empty and holds no site written by decide"),
        "{}",
        stderr(&output)
    );
    assert_eq!(
        fs::read_to_string(repo.path().join("notes/todo.txt")).unwrap(),
        "mine"
    );

    let site = build_site(repo.path());
    fs::remove_file(repo.path().join("docs/decisions/0006-hostile.md")).unwrap();
    build_site(repo.path());
    assert!(!site.join("records/0006-hostile.html").exists());
    assert!(
        site.join("records/0001-record-architecture-decisions.html")
            .exists()
    );
}

#[test]
fn the_default_directory_is_in_target_and_a_repository_may_not_point_elsewhere() {
    let repo = mixed_log();
    decide(repo.path()).arg("site").assert().success();
    assert!(repo.path().join("target/decide-site/index.html").is_file());
    write(repo.path(), ".decide.yaml", "site_dir: ../outside\n");
    let output = decide(repo.path()).arg("site").output().unwrap();
    assert_eq!(output.status.code(), Some(4), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("the site directory ../outside climbs out with `..`"),
        "{}",
        stderr(&output)
    );
}

/// One HTTP request to the preview server: the status code and the body.
fn get(port: u16, path: &str, host: &str) -> (u16, String) {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    let status = response[9..12].parse().unwrap();
    let body = response
        .split_once("\r\n\r\n")
        .map_or("", |(_, b)| b)
        .to_string();
    (status, body)
}

/// `decide site --serve --port 0`, and the port it chose (from its first line).
pub(crate) fn serve(repo: &Path) -> (Child, u16) {
    let mut command = decide_process(repo);
    command.args(["site", "--out", "site", "--serve", "--port", "0"]);
    serve_by(command)
}

/// The preview server `command` starts, and the port it chose (from its first line).
fn serve_by(mut command: std::process::Command) -> (Child, u16) {
    let mut child = command
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut err = child.stderr.take().unwrap();
    let mut seen = String::new();
    let mut byte = [0u8; 1];
    let port = loop {
        if let Some(at) = seen.find("http://127.0.0.1:") {
            let digits: String = seen[at + 17..]
                .chars()
                .take_while(char::is_ascii_digit)
                .collect();
            if seen[at + 17 + digits.len()..].starts_with('/') {
                break digits.parse().unwrap();
            }
        }
        assert_eq!(
            err.read(&mut byte).unwrap(),
            1,
            "the server stopped: {seen}"
        );
        seen.push(byte[0] as char);
    };
    // Keep draining stderr, so the server never blocks on a full pipe.
    std::thread::spawn(move || std::io::copy(&mut err, &mut std::io::sink()));
    (child, port)
}

#[test]
fn the_preview_server_answers_on_localhost_and_rebuilds_when_a_record_changes() {
    let repo = mixed_log();
    let (mut child, port) = serve(repo.path());
    let host = format!("127.0.0.1:{port}");
    let (status, index) = get(port, "/", &host);
    assert_eq!(status, 200);
    assert!(index.contains("<h1>Decision log</h1>"), "{index}");
    assert_eq!(
        get(port, "/records/0002-use-mysql-for-persistence.html", &host).0,
        200
    );
    assert_eq!(get(port, "/../Cargo.toml", &host).0, 404);
    assert_eq!(get(port, "/.decide-site", &host).0, 404);
    assert_eq!(get(port, "/", "attacker.example:80").0, 421);
    let (_, first) = get(port, "/__decide/build", &host);

    write(
        &repo.path().join("docs/decisions"),
        "0007-use-a-queue.md",
        "# 7. Use a queue\n\nDate: 2026-11-25\n\n## Status\n\nAccepted\n\n## Context\n\nx\n\n## Decision\n\nx\n\n## Consequences\n\nx\n",
    );
    // Rebuilding takes a moment; a loaded machine gets a generous deadline, not a timing.
    let started = Instant::now();
    loop {
        let (_, now) = get(port, "/__decide/build", &host);
        if now != first {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(120),
            "never rebuilt"
        );
        std::thread::sleep(Duration::from_millis(200));
    }
    let (status, page) = get(port, "/records/0007-use-a-queue.html", &host);
    assert_eq!(status, 200);
    assert!(page.contains("Use a queue"), "{page}");
    let _ = child.kill();
    let _ = child.wait();
}

/// A client that asks and never reads what it is sent (requests sent one after another
/// and left unread) holds only its own connection: the next browser is still answered.
#[test]
fn a_client_that_never_reads_does_not_hold_up_the_preview() {
    let repo = mixed_log();
    let (mut child, port) = serve(repo.path());
    let host = format!("127.0.0.1:{port}");
    let mut greedy = TcpStream::connect(("127.0.0.1", port)).unwrap();
    greedy.set_nonblocking(true).unwrap();
    let request = format!("GET /index.html HTTP/1.1\r\nHost: {host}\r\n\r\n");
    // Until the connection takes no more: every answer waits, unread, in its buffers.
    for _ in 0..20_000 {
        if greedy.write_all(request.as_bytes()).is_err() {
            break;
        }
    }
    std::thread::sleep(Duration::from_millis(500));
    let started = Instant::now();
    let (status, index) = get(port, "/", &host);
    assert_eq!(status, 200);
    assert!(index.contains("<h1>Decision log</h1>"), "{index}");
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "answered only after {:?}",
        started.elapsed()
    );
    drop(greedy);
    let _ = child.kill();
    let _ = child.wait();
}

/// More idle connections than the server has file descriptors for neither stop it nor
/// keep it from answering once they go; a request it does not serve gets its status.
#[cfg(unix)]
#[test]
fn idle_connections_do_not_stop_the_preview() {
    let repo = mixed_log();
    let mut command = std::process::Command::new("sh");
    crate::support::clean_environment(&mut command, repo.path());
    command
        .current_dir(repo.path())
        .args(["-c", "ulimit -n 64 && exec \"$0\" \"$@\""])
        .arg(env!("CARGO_BIN_EXE_decide"))
        .args(["site", "--out", "site", "--serve", "--port", "0"]);
    let (mut child, port) = serve_by(command);
    let host = format!("127.0.0.1:{port}");
    let address = std::net::SocketAddr::from(([127, 0, 0, 1], port));
    let idle: Vec<TcpStream> = (0..100)
        .filter_map(|_| TcpStream::connect_timeout(&address, Duration::from_secs(2)).ok())
        .collect();
    std::thread::sleep(Duration::from_millis(500));
    drop(idle);
    assert!(
        child.try_wait().unwrap().is_none(),
        "the server stopped when it ran out of file descriptors"
    );
    assert_eq!(get(port, "/", &host).0, 200);
    let mut post = TcpStream::connect(address).unwrap();
    write!(
        post,
        "POST / HTTP/1.1\r\nHost: {host}\r\nContent-Length: 0\r\n\r\n"
    )
    .unwrap();
    let mut answer = String::new();
    post.read_to_string(&mut answer).unwrap();
    assert!(answer.starts_with("HTTP/1.1 405 "), "{answer}");
    let mut head = TcpStream::connect(address).unwrap();
    write!(head, "HEAD /index.html HTTP/1.1\r\nHost: {host}\r\n\r\n").unwrap();
    let mut answer = String::new();
    head.read_to_string(&mut answer).unwrap();
    assert!(answer.starts_with("HTTP/1.1 200 "), "{answer}");
    assert!(
        answer.ends_with("\r\n\r\n"),
        "a HEAD answer has no body: {answer}"
    );
    let _ = child.kill();
    let _ = child.wait();
}

/// Only files of the site's own are served: a file that happens to lie in the site's
/// folder (the marker of a site that came with the repository named it as the site's)
/// is not.
#[test]
fn the_preview_serves_only_files_of_the_site() {
    let repo = mixed_log();
    write(
        &repo.path().join("site"),
        "notes.txt",
        "the lead's own notes\n",
    );
    write(&repo.path().join("site"), ".decide-site", "notes.txt\n");
    let (mut child, port) = serve(repo.path());
    let host = format!("127.0.0.1:{port}");
    assert_eq!(get(port, "/index.html", &host).0, 200);
    assert_eq!(get(port, "/notes.txt", &host).0, 404);
    assert!(repo.path().join("site/notes.txt").is_file());
    let _ = child.kill();
    let _ = child.wait();
}

/// The `href` of each link in `page`'s article whose text is `text`, or `unlinked` when the
/// text is shown without a link.
fn link_in_article(page: &str, text: &str) -> String {
    let article = page.split("<article").nth(1).unwrap_or_default();
    let Some((before, _)) = article.split_once(&format!(">{text}</")) else {
        panic!("no link `{text}` in:\n{article}");
    };
    let tag = &before[before.rfind('<').unwrap()..];
    match tag.split_once("href=\"") {
        Some((_, rest)) => rest.split('"').next().unwrap().to_string(),
        None => "unlinked".to_string(),
    }
}

/// Records kept as folders' pages (`2023-03-06-x/README.md`, `…/index.md`), `.mdx` and
/// `.markdown` records and records linked without their extension: each gets a page of its
/// own, named for it, and links between them lead to the right page, by page, folder or
/// bare name. A file record named as a folder record gets a page of its own too.
#[test]
fn folder_mdx_and_extensionless_records_get_pages_that_links_lead_to() {
    let shapes = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/logs");
    let copy = |shape: &str| {
        let repo = repo();
        crate::support::copy_tree(&Path::new(shapes).join(shape), repo.path(), "expected.yaml");
        repo
    };
    let pages_of = |site: &Path| -> BTreeSet<String> {
        fs::read_dir(site.join("records"))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect()
    };
    let read =
        |site: &Path, page: &str| fs::read_to_string(site.join("records").join(page)).unwrap();

    let repo = copy("folder-per-record");
    let dir = repo.path().join("docs/developer/decision-records");
    write(
        &dir,
        "2023-03-06-ship-nightly-builds.md",
        "# Ship nightly builds, the first draft\n\nKept beside [the decision](2023-03-06-ship-nightly-builds/README.md).\n",
    );
    let site = build_site(repo.path());
    let pages = pages_of(&site);
    assert_eq!(
        pages,
        BTreeSet::from(
            [
                "2023-03-06-ship-nightly-builds.html",
                "2023-03-06-ship-nightly-builds-2.html",
                "2023-03-20-cache-artifacts-per-branch.html",
                "2023-05-02-sign-release-bundles.html",
                "2023-05-02-split-the-release-notes.html",
            ]
            .map(String::from)
        )
    );
    let titled = |title: &str| {
        pages
            .iter()
            .find(|page| read(&site, page).contains(&format!("<h1>{title}</h1>")))
            .unwrap_or_else(|| panic!("no page titled {title}"))
            .clone()
    };
    let folder = titled("Ship nightly builds");
    let draft = titled("Ship nightly builds, the first draft");
    assert_ne!(folder, draft);
    assert_eq!(
        link_in_article(&read(&site, &draft), "the decision"),
        folder
    );
    let cache = read(&site, "2023-03-20-cache-artifacts-per-branch.html");
    assert_eq!(link_in_article(&cache, "nightly builds"), folder);
    let sign = read(&site, "2023-05-02-sign-release-bundles.html");
    assert_eq!(
        link_in_article(&sign, "the cache decision"),
        "2023-03-20-cache-artifacts-per-branch.html"
    );
    // A record's own further pages are not records: shown, not linked.
    let split = read(&site, "2023-05-02-split-the-release-notes.html");
    assert_eq!(link_in_article(&split, "Audience"), "unlinked");

    let repo = copy("mdx-records");
    let site = build_site(repo.path());
    assert_eq!(
        pages_of(&site),
        BTreeSet::from(
            [
                "0001-record-decisions-in-the-docs-site.html",
                "0002-publish-timetables-as-feeds.html",
                "0003-keep-times-in-local-time.html",
            ]
            .map(String::from)
        )
    );

    let repo = copy("extensionless-links");
    let site = build_site(repo.path());
    let split = read(&site, "adr-003-split-seat-holds.html");
    assert_eq!(
        link_in_article(&split, "ADR-002"),
        "adr-002-one-booking-service.html"
    );
    assert_eq!(
        link_in_article(&split, "ADR 1"),
        "adr-001-record-decisions.html"
    );
    assert_eq!(link_in_article(&split, "consequences"), "#consequences");
    // A record nobody has written, and a page of the site that is not a record.
    assert_eq!(link_in_article(&split, "ADR 9"), "unlinked");
    let one = read(&site, "adr-002-one-booking-service.html");
    assert_eq!(link_in_article(&one, "deployment notes"), "unlinked");
}
