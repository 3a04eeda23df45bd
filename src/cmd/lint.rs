//! `decide lint`: every finding on its own line; exit 1 when any is an error.

use super::{Env, logdir};
use crate::cli::LintArgs;
use crate::config;
use crate::error::{Result, exit};
use crate::log::report::{self, Level, ReportFormat};
use crate::log::{Depth, Numbering, lint};
use crate::passages::Library;
use crate::store;
use crate::ui;

pub(super) fn run(env: &Env<'_>, args: &LintArgs) -> Result<u8> {
    let Some(log) = logdir::open(env)? else {
        return Ok(exit::OK);
    };
    let dated = log.numbering == Numbering::Date;
    let checker = lint::Checker::new(
        &Library::embedded()?,
        env.today(),
        log.numbering,
        |format| {
            let (setting, strict) = env
                .config
                .statuses_for(format == crate::record::Format::Nygard, dated);
            (setting.value, strict)
        },
    );
    // Each thread checks its records and keeps only the findings and a summary, so the
    // bodies of ten thousand records are never in memory at once.
    let (results, problems) = log.map_cached(Depth::Outline, &checker.settings(), |record| {
        lint::Checked::of(record, &checker)
    });
    let mut findings: Vec<lint::Finding> = problems.iter().map(lint::Finding::from_error).collect();
    let mut summaries = Vec::with_capacity(results.len());
    for checked in results {
        summaries.push(checked.summary);
        findings.extend(checked.findings);
    }
    let duplicates = match env
        .config
        .duplicate_numbers(lint::named_by_file(&summaries))
        .value
    {
        config::DuplicateNumbers::Error => lint::DuplicateNumbers::Error,
        config::DuplicateNumbers::Warning => lint::DuplicateNumbers::Warning,
        config::DuplicateNumbers::Allow => lint::DuplicateNumbers::Allow,
    };
    findings.extend(lint::check_log(
        &log,
        &summaries,
        duplicates,
        store::is_file,
    ));
    // Markdown files the log's listing left out (taken from the listing made when the log
    // was opened, so nothing is listed twice) and those in its subfolders.
    let unread = logdir::unread_markdown(&log, &env.cwd);
    if dated {
        findings.extend(lint::unnamed_files(&unread.misnamed));
    } else {
        let named = logdir::log_named(env);
        findings.extend(
            unread
                .misnamed
                .iter()
                .map(|path| lint::unread_file(path, named)),
        );
    }
    findings.extend(unread.below.iter().map(|path| lint::unread_below(path)));
    let records = log.entries().len();
    note_conventions(lint::drop_log_conventions(&mut findings, records), records);
    findings.sort_by(|a, b| {
        (&a.location.path, a.location.line, a.severity).cmp(&(
            &b.location.path,
            b.location.line,
            b.severity,
        ))
    });
    let unusual = lint::unusual_statuses(&summaries);
    if !unusual.is_empty() {
        ui::note(&format!(
            "Statuses besides the usual ones: {}. List the statuses your team uses under `statuses:` in .decide.yaml to have lint check them.",
            unusual
                .iter()
                .map(|(status, count)| format!("{status} ({count})"))
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    let errors = findings
        .iter()
        .filter(|f| f.severity == lint::Severity::Error)
        .count();
    let warnings = findings.len() - errors;
    crate::stdout::write(render(&findings, args.format, records, errors))?;
    let summary = format!(
        "{records} record{}: {errors} error{}, {warnings} warning{}",
        plural(records),
        plural(errors),
        plural(warnings)
    );
    if errors > 0 {
        ui::error(&summary);
        Ok(exit::FINDINGS)
    } else {
        ui::note(&summary);
        Ok(exit::OK)
    }
}

/// The findings as `format` prints them.
fn render(
    findings: &[lint::Finding],
    format: ReportFormat,
    records: usize,
    errors: usize,
) -> String {
    let mut out = String::new();
    match format {
        ReportFormat::Text => {
            for finding in findings {
                out.push_str(&finding.to_string());
                out.push('\n');
            }
        }
        ReportFormat::Github => {
            for finding in findings {
                let level = match finding.severity {
                    lint::Severity::Error => Level::Error,
                    lint::Severity::Warning => Level::Warning,
                };
                let message = match &finding.hint {
                    Some(hint) => format!("[{}] {} (hint: {hint})", finding.id, finding.message),
                    None => format!("[{}] {}", finding.id, finding.message),
                };
                out.push_str(&report::github(
                    level,
                    &finding.location.path,
                    finding.location.line,
                    "decide lint",
                    &message,
                ));
            }
        }
        ReportFormat::Json => {
            let items: Vec<serde_json::Value> = findings
                .iter()
                .map(|f| {
                    serde_json::json!({
                        "file": f.location.path.to_string_lossy(),
                        "line": f.location.line,
                        "column": f.location.column,
                        "severity": match f.severity {
                            lint::Severity::Error => "error",
                            lint::Severity::Warning => "warning",
                        },
                        "kind": f.id,
                        "message": f.message,
                        "hint": f.hint,
                    })
                })
                .collect();
            let value = serde_json::json!({
                "records": records,
                "errors": errors,
                "warnings": findings.len() - errors,
                "findings": items,
            });
            out = serde_json::to_string_pretty(&value).unwrap_or_default();
            out.push('\n');
        }
    }
    out
}

fn plural(count: usize) -> &'static str {
    if count == 1 { "" } else { "s" }
}

/// Says once what the log does its own way, which lint no longer reports per record.
fn note_conventions(conventions: lint::Conventions, records: usize) {
    if conventions.untitled > 0 {
        ui::note(&format!(
            "{} of {records} records have no `# Title` heading and are titled from their file names or front matter: the log's way, so lint does not warn about each.",
            conventions.untitled
        ));
    }
    if conventions.statusless > 0 {
        ui::note(&format!(
            "{} of {records} records state no status: the log's way, so lint does not warn about each. `decide status N accepted` gives one a status.",
            conventions.statusless
        ));
    }
}
