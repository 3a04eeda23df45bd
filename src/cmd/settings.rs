//! `decide config`: the settings in force and where each one comes from.

use super::Env;
use crate::config::{self, REPO_FILE, Setting};
use crate::error::{Result, exit};
use crate::store;

pub(super) fn run(env: &Env<'_>) -> Result<u8> {
    let config = &env.config;
    let mut rows: Vec<(&str, String, String)> = Vec::new();
    let log_dir = config.log_dir.clone()?;
    let (log_dir, log_source) = (log_dir.value, log_dir.source.to_string());
    rows.push((
        "log_dir",
        super::logdir::relative(&log_dir, &env.cwd)
            .display()
            .to_string(),
        log_source,
    ));
    rows.push(row("template", env.template(), |t| t.clone()));
    if let Ok(site) = &config.site_dir {
        rows.push((
            "site_dir",
            super::logdir::relative(&site.value, &env.cwd)
                .display()
                .to_string(),
            site.source.to_string(),
        ));
    }
    let makers = config.decision_makers(&env.root);
    rows.push((
        "decision_makers",
        if makers.value.is_empty() {
            "(nobody yet)".into()
        } else {
            makers.value.join(", ")
        },
        makers.source.to_string(),
    ));
    let periods = &config.review_periods;
    let [two_way, one_way, investigation] = &config.review_period_sources;
    rows.push((
        "review_periods.two_way",
        format!("{} days", periods.two_way_days),
        two_way.to_string(),
    ));
    rows.push((
        "review_periods.one_way",
        format!("{} days", periods.one_way_days),
        one_way.to_string(),
    ));
    rows.push((
        "review_periods.investigation",
        format!("{} days", periods.investigation_days),
        investigation.to_string(),
    ));
    rows.push(row("default_playbook", &config.default_playbook, |p| {
        p.clone()
    }));
    rows.push(row("holidays", &config.holidays, |days| {
        if days.is_empty() {
            "(none listed: 25 December and 1 January are taken as days off)".into()
        } else {
            days.iter()
                .map(|d| d.format("%Y-%m-%d").to_string())
                .collect::<Vec<_>>()
                .join(", ")
        }
    }));
    lint_rows(config, &mut rows);
    personal_rows(config, &mut rows);

    let table: Vec<[String; 3]> = rows
        .into_iter()
        .map(|(name, value, source)| [name.to_string(), value, format!("({source})")])
        .collect();
    let mut out = crate::table::render(&table);
    let repo = env.root.join(REPO_FILE);
    out.push_str(&format!(
        "\nrepository config: {}{}\n",
        repo.display(),
        found(&repo)
    ));
    match std::env::var_os("DECIDE_CONFIG")
        .map(std::path::PathBuf::from)
        .or_else(config::user_file)
    {
        Some(user) => out.push_str(&format!(
            "user config:       {}{}\n",
            user.display(),
            found(&user)
        )),
        None => out.push_str("user config:       (no home directory)\n"),
    }
    crate::stdout::write(&out)?;
    Ok(exit::OK)
}
/// What lint expects; unset, the log's own format and ids decide.
fn lint_rows(config: &config::Config, rows: &mut Vec<(&str, String, String)>) {
    rows.push(match &config.statuses {
        Some(statuses) => row("statuses", statuses, |s| s.join(", ")),
        None => (
            "statuses",
            "the usual ones of each format".into(),
            config::Source::Default.to_string(),
        ),
    });
    rows.push(match &config.duplicate_numbers {
        Some(policy) => row("duplicate_numbers", policy, ToString::to_string),
        None => (
            "duplicate_numbers",
            "error (allow where ids are file names)".into(),
            config::Source::Default.to_string(),
        ),
    });
}

/// The lead's own settings: the journal and the boundaries' limits.
fn personal_rows(config: &config::Config, rows: &mut Vec<(&'static str, String, String)>) {
    match (
        &config.journal_dir,
        crate::journal::place(&config.journal_dir),
    ) {
        (Ok(journal), Ok(_)) => {
            rows.push(row("journal_dir", journal, |dir| dir.display().to_string()));
        }
        // The default would land in a work tree: say so here, not only when writing.
        (Ok(journal), Err(_)) => rows.push((
            "journal_dir",
            journal.value.display().to_string(),
            "default, refused: inside a git work tree".into(),
        )),
        (Err(error), _) => rows.push(("journal_dir", "(none)".into(), error.message.clone())),
    }
    let limits = &config.boundaries.limits;
    let [after_hours, weekend_days, vacation_share] = &config.boundaries.sources;
    let count = |n: u32, one: &str, many: &str| crate::coach::count(n as usize, one, many);
    rows.push((
        "boundaries.after_hours",
        format!(
            "{} a week",
            count(limits.after_hours, "message", "messages")
        ),
        after_hours.to_string(),
    ));
    rows.push((
        "boundaries.weekend_days",
        format!(
            "{} in four weeks",
            count(limits.weekend_days, "day", "days")
        ),
        weekend_days.to_string(),
    ));
    rows.push((
        "boundaries.vacation_share",
        format!("{}% of the vacation planned", limits.vacation_share),
        vacation_share.to_string(),
    ));
}

fn row<T>(
    name: &'static str,
    setting: &Setting<T>,
    show: impl Fn(&T) -> String,
) -> (&'static str, String, String) {
    (name, show(&setting.value), setting.source.to_string())
}

fn found(path: &std::path::Path) -> &'static str {
    if store::is_file(path) {
        ""
    } else {
        " (not found)"
    }
}
