//! `decide site`: write the static site of the log; with `--serve`, serve it on
//! 127.0.0.1 and rebuild it whenever a record changes.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime};

use chrono::NaiveDate;

use super::{Env, logdir};
use crate::cli::SiteArgs;
use crate::error::{Error, Result, exit};
use crate::site;
use crate::store;
use crate::ui;

pub(super) fn run(env: &Env<'_>, args: &SiteArgs) -> Result<u8> {
    // Without a log, `logdir::open` has said so and how to start one.
    let Some(log) = logdir::open(env)? else {
        return Ok(exit::OK);
    };
    let dir = log.dir().to_path_buf();
    let out = match &args.out {
        Some(out) => env.cwd.join(out),
        None => env.config.site_dir.clone()?.value,
    };
    let shown = logdir::relative(&out, &env.cwd);
    let today = env.today();
    let log_name = dir.display().to_string();
    // Taken before the first build, so a record changed while the site is built or the
    // server starts is seen as a change by the preview.
    let built_from = fingerprint(&dir);
    let (records, skipped) = build(&dir, &out, &log_name, today)?;
    ui::success(&format!(
        "Wrote the site of {} to {}",
        crate::coach::count(records, "record", "records"),
        shown.display()
    ));
    if !args.serve {
        ui::note(&format!(
            "Open {} in a browser, or run `decide site --serve` to preview it.",
            shown.join("index.html").display()
        ));
        return Ok(skipped.finish());
    }
    serve(&dir, &out, &log_name, today, args.port, built_from)
}

/// Read the log, build the site and write it to `out`: the number of records, and the
/// files that could not be read, which are left out and warned about.
fn build(
    dir: &Path,
    out: &Path,
    log_name: &str,
    today: NaiveDate,
) -> Result<(usize, logdir::Skipped)> {
    let log = site::read(dir)?;
    let skipped = logdir::report_skipped(&log.problems);
    let previous = store::prepare_site_dir(out)?;
    // The page shows the record as it stands when it is rendered; the preview rebuilds
    // the site again if it changed since it was first read.
    let text = |record: &crate::record::Record| {
        store::refuse_symlink(&record.path)?;
        store::read_text(&record.path)
    };
    let input = site::Input {
        records: &log.records,
        search: &log.search,
        text: &text,
        log_name,
        today,
    };
    let written = site::build(&input, |file| {
        store::write_site_file(out, &file.path, &file.bytes)
    })?;
    store::finish_site(out, &written, &previous)?;
    Ok((log.records.len(), skipped))
}

/// What changes when a record is added, removed or edited: the names and modification
/// times of the log's records.
fn fingerprint(dir: &Path) -> Vec<(PathBuf, Option<SystemTime>)> {
    store::list_record_entries(dir)
        .unwrap_or_default()
        .into_iter()
        .map(|entry| {
            let modified = store::modified(&entry.path);
            (entry.path, modified)
        })
        .collect()
}

fn serve(
    dir: &Path,
    out: &Path,
    log_name: &str,
    today: NaiveDate,
    port: u16,
    built_from: Vec<(PathBuf, Option<SystemTime>)>,
) -> Result<u8> {
    // Only this machine may connect: the site shows a team's decisions.
    let server = tiny_http::Server::http(("127.0.0.1", port)).map_err(|e| {
        Error::usage(format!("could not serve on 127.0.0.1:{port}: {e}"))
            .hint("choose another port with --port, or --port 0 for any free one")
    })?;
    let port = server
        .server_addr()
        .to_ip()
        .map_or(port, |address| address.port());
    ui::success(&format!(
        "Serving the site at http://127.0.0.1:{port}/ (Ctrl-C to stop); it is rebuilt when a record changes"
    ));
    let generation = Arc::new(AtomicU64::new(1));
    let watcher = {
        let (dir, out, log_name) = (dir.to_path_buf(), out.to_path_buf(), log_name.to_string());
        let generation = Arc::clone(&generation);
        move || {
            let mut seen = built_from;
            loop {
                std::thread::sleep(Duration::from_millis(400));
                let now = fingerprint(&dir);
                if now == seen {
                    continue;
                }
                seen = now;
                match build(&dir, &out, &log_name, today) {
                    // Each unreadable file was warned about; the preview goes on.
                    Ok((records, _skipped)) => {
                        generation.fetch_add(1, Ordering::SeqCst);
                        ui::note(&format!(
                            "Rebuilt the site: {}",
                            crate::coach::count(records, "record", "records")
                        ));
                    }
                    Err(error) => ui::warning(&format!("{error}; the site was not rebuilt")),
                }
            }
        }
    };
    std::thread::spawn(watcher);
    for request in server.incoming_requests() {
        respond(out, port, generation.load(Ordering::SeqCst), request);
    }
    Ok(exit::OK)
}

/// Answer one request with a file of the site, the build's number (which the pages ask
/// for to reload themselves), or a refusal.
fn respond(out: &Path, port: u16, generation: u64, request: tiny_http::Request) {
    use tiny_http::{Header, Method, Response};
    let header = |name: &str, value: &str| Header::from_bytes(name, value).ok();
    // A page elsewhere may point a name of its own at 127.0.0.1 (DNS rebinding): only
    // requests addressed to this server by its own names are answered.
    let host_ok = request.headers().iter().any(|h| {
        h.field.equiv("Host")
            && [format!("127.0.0.1:{port}"), format!("localhost:{port}")]
                .iter()
                .any(|allowed| h.value.as_str() == allowed)
    });
    let answer = |status: u16, kind: &str, bytes: Vec<u8>| {
        let mut response = Response::from_data(bytes).with_status_code(status);
        for (name, value) in [
            ("Content-Type", kind),
            ("Cache-Control", "no-store"),
            ("X-Content-Type-Options", "nosniff"),
        ] {
            if let Some(header) = header(name, value) {
                response.add_header(header);
            }
        }
        response
    };
    let response = if !host_ok {
        answer(
            421,
            "text/plain; charset=utf-8",
            b"Misdirected request\n".to_vec(),
        )
    } else if !matches!(request.method(), Method::Get | Method::Head) {
        answer(
            405,
            "text/plain; charset=utf-8",
            b"Method not allowed\n".to_vec(),
        )
    } else {
        let path = request.url().split(['?', '#']).next().unwrap_or_default();
        let mut path = path.trim_start_matches('/').to_string();
        if path.is_empty() || path.ends_with('/') {
            path.push_str("index.html");
        }
        if path == "__decide/build" {
            answer(
                200,
                "text/plain; charset=utf-8",
                generation.to_string().into_bytes(),
            )
        } else {
            match store::read_site_file(out, &path) {
                Some(bytes) => answer(200, content_type(&path), bytes),
                None => answer(404, "text/plain; charset=utf-8", b"Not found\n".to_vec()),
            }
        }
    };
    let _ = request.respond(response);
}

fn content_type(path: &str) -> &'static str {
    match path.rsplit('.').next() {
        Some("html") => "text/html; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        _ => "application/octet-stream",
    }
}
