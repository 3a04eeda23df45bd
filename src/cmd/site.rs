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
use crate::http;
use crate::site;
use crate::store;
use crate::ui;

pub(super) fn run(env: &Env<'_>, args: &SiteArgs) -> Result<u8> {
    // Without a log, `logdir::folders` has said so and how to start one. The site lists
    // the log's folders as it reads them: the log's own, then its packages'.
    let Some(folders) = logdir::folders(env)? else {
        return Ok(exit::OK);
    };
    let dir = folders[0].clone();
    let out = match &args.out {
        Some(out) => env.cwd.join(out),
        None => env.config.site_dir.clone()?.value,
    };
    let shown = logdir::relative(&out, &env.cwd);
    let today = env.today();
    let log_name = dir.display().to_string();
    // Taken before the first build, so a record changed while the site is built or the
    // server starts is seen as a change by the preview; only for the preview, since it
    // holds a path and a time for every record.
    let built_from = args.serve.then(|| fingerprint(&folders));
    let (records, skipped) = build(&folders, &out, &log_name, today)?;
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
    serve(
        &folders,
        &out,
        &log_name,
        today,
        args.port,
        built_from.unwrap_or_default(),
    )
}

/// Read the log, build the site and write it to `out`: the number of records, and the
/// files that could not be read, which are left out and warned about.
fn build(
    folders: &[PathBuf],
    out: &Path,
    log_name: &str,
    today: NaiveDate,
) -> Result<(usize, logdir::Skipped)> {
    let log = site::read(folders)?;
    let skipped = logdir::report_skipped(&log.problems);
    store::prepare_site_dir(out)?;
    // The page shows the record as it stands when it is rendered; the preview rebuilds
    // the site again if it changed since it was first read.
    let text = |record: &site::Row| {
        use crate::record::Listing as _;
        store::refuse_not_a_file(record.path())?;
        store::read_text(record.path())
    };
    let input = site::Input {
        records: &log.records,
        search: &log.search,
        text: &text,
        log_name,
        today,
    };
    let written = site::build(&input, &SiteDir(out))?;
    let records = log.records.len();
    // The records and their words are done with before the last build's files are listed.
    drop(log);
    let previous = store::last_site_files(out);
    store::finish_site(out, &written, &previous)?;
    Ok((records, skipped))
}

/// The site's directory, written through `store`.
struct SiteDir<'a>(&'a Path);

impl site::Sink for SiteDir<'_> {
    fn write(&self, file: &site::File) -> Result<()> {
        store::write_site_file(self.0, &file.path, &file.bytes)
    }

    fn stream(
        &self,
        path: &str,
        fill: &mut dyn FnMut(&mut dyn std::io::Write) -> std::io::Result<()>,
    ) -> Result<()> {
        store::stream_site_file(self.0, path, fill)
    }
}

/// What changes when a record is added, removed or edited: the names and modification
/// times of the log's records.
fn fingerprint(folders: &[PathBuf]) -> Vec<(PathBuf, Option<SystemTime>)> {
    folders
        .iter()
        .flat_map(|folder| store::list_record_entries(folder).unwrap_or_default())
        .map(|entry| {
            let modified = store::modified(&entry.path);
            (entry.path, modified)
        })
        .collect()
}

fn serve(
    folders: &[PathBuf],
    out: &Path,
    log_name: &str,
    today: NaiveDate,
    port: u16,
    built_from: Vec<(PathBuf, Option<SystemTime>)>,
) -> Result<u8> {
    // Only this machine may connect: the site shows a team's decisions.
    let listener = std::net::TcpListener::bind(("127.0.0.1", port)).map_err(|e| {
        Error::usage(format!("could not serve on 127.0.0.1:{port}: {e}"))
            .hint("choose another port with --port, or --port 0 for any free one")
    })?;
    let port = listener.local_addr().map_or(port, |address| address.port());
    ui::success(&format!(
        "Serving the site at http://127.0.0.1:{port}/ (Ctrl-C to stop); it is rebuilt when a record changes"
    ));
    let generation = Arc::new(AtomicU64::new(1));
    let watcher = {
        let (folders, out, log_name) = (folders.to_vec(), out.to_path_buf(), log_name.to_string());
        let generation = Arc::clone(&generation);
        move || {
            let mut seen = built_from;
            loop {
                std::thread::sleep(Duration::from_millis(400));
                let now = fingerprint(&folders);
                if now == seen {
                    continue;
                }
                seen = now;
                match build(&folders, &out, &log_name, today) {
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
    let out = out.to_path_buf();
    http::serve(&listener, move |request| {
        respond(&out, port, generation.load(Ordering::SeqCst), request)
    })
}

/// Answer one request with a file of the site, the build's number (which the pages ask
/// for to reload themselves), or a refusal.
fn respond(out: &Path, port: u16, generation: u64, request: &http::Request<'_>) -> http::Response {
    // A page elsewhere may point a name of its own at 127.0.0.1 (DNS rebinding): only
    // requests addressed to this server by its own names are answered.
    let allowed = [format!("127.0.0.1:{port}"), format!("localhost:{port}")];
    let host_ok = !request.hosts.is_empty()
        && request
            .hosts
            .iter()
            .all(|host| allowed.iter().any(|name| name == host));
    if !host_ok {
        return http::Response::text(421, "Misdirected request");
    }
    if !matches!(request.method, "GET" | "HEAD") {
        return http::Response::text(405, "Method not allowed");
    }
    let path = request.target.split(['?', '#']).next().unwrap_or_default();
    let mut path = path.trim_start_matches('/').to_string();
    if path.is_empty() || path.ends_with('/') {
        path.push_str("index.html");
    }
    if path == "__decide/build" {
        return http::Response {
            status: 200,
            content_type: "text/plain; charset=utf-8",
            body: http::Body::Bytes(generation.to_string().into_bytes()),
        };
    }
    match store::open_site_file(out, &path) {
        Some((file, length)) => http::Response {
            status: 200,
            content_type: content_type(&path),
            body: http::Body::File(file, length),
        },
        None => http::Response::text(404, "Not found"),
    }
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
