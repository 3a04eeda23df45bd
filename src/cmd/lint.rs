//! `decide lint`: every finding on its own line; exit 1 when any is an error.

use super::{Env, logdir};
use crate::cli::LintArgs;
use crate::error::{Result, exit};
use crate::log::report::{self, Level, ReportFormat};
use crate::log::{self, Depth, lint};
use crate::passages::Library;
use crate::store;
use crate::ui;

pub(super) fn run(env: &Env<'_>, args: &LintArgs) -> Result<u8> {
    let dir = logdir::dir(env)?;
    let checker = lint::Checker::new(&Library::embedded()?, env.today());
    let files = store::list_record_files(&dir)?;
    // Each thread checks its records and keeps only the findings and the links, so the
    // bodies of ten thousand records are never in memory at once.
    let results = log::for_each_file(&files, |path| {
        log::read_record(path, Depth::Full).map(|record| {
            (
                lint::Summary::of(&record),
                lint::check_record(&record, &checker),
            )
        })
    });
    let mut findings = Vec::new();
    let mut summaries = Vec::new();
    for result in results {
        match result {
            Ok((summary, found)) => {
                summaries.push(summary);
                findings.extend(found);
            }
            Err(error) => findings.push(lint::Finding::from_error(&error)),
        }
    }
    findings.extend(lint::check_log(&summaries, store::is_file));
    findings.sort_by(|a, b| {
        (&a.location.path, a.location.line, a.severity).cmp(&(
            &b.location.path,
            b.location.line,
            b.severity,
        ))
    });
    let errors = findings
        .iter()
        .filter(|f| f.severity == lint::Severity::Error)
        .count();
    let warnings = findings.len() - errors;
    crate::stdout::write(render(&findings, args.format, files.len(), errors))?;
    let summary = format!(
        "{} record{}: {errors} error{}, {warnings} warning{}",
        files.len(),
        plural(files.len()),
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
                    Some(hint) => format!("{} (hint: {hint})", finding.message),
                    None => finding.message.clone(),
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
