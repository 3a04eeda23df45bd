//! `decide templates`: which templates render records and messages, and exporting the
//! built-in ones as a starting point for a house style.

use super::Env;
use crate::cli::{TemplatesAction, TemplatesArgs};
use crate::error::{Result, exit};
use crate::{store, template, ui};

pub(super) fn run(env: &Env<'_>, args: &TemplatesArgs) -> Result<u8> {
    match &args.action {
        None | Some(TemplatesAction::List) => {
            let catalog = env.catalog()?;
            let mut out = String::new();
            let width = catalog
                .templates
                .origins()
                .map(|(name, _)| crate::table::width(name))
                .max()
                .unwrap_or(0);
            for (name, origin) in catalog.templates.origins() {
                let from = if origin == std::path::Path::new("playbooks/templates").join(name) {
                    "built in".to_string()
                } else {
                    super::logdir::relative(origin, &env.cwd)
                        .display()
                        .to_string()
                };
                out.push_str(&format!("{}  {from}\n", crate::table::pad(name, width)));
            }
            crate::stdout::write(&out)?;
            Ok(exit::OK)
        }
        Some(TemplatesAction::Export { dir }) => {
            let mut written = 0;
            for (name, text) in template::embedded_sources() {
                let path = dir.join(name);
                // Each file, not only DIR: `messages/` below it may be a link too.
                store::stays_inside(&env.root, &path, "the template", "an absolute DIR")?;
                if store::is_file(&path) {
                    ui::note(&format!("Kept {} (it exists)", path.display()));
                    continue;
                }
                store::write_exported(&path, text.as_bytes())?;
                written += 1;
            }
            ui::success(&format!("Wrote {written} templates to {}", dir.display()));
            if !dir.ends_with(".decide/templates") {
                ui::note(
                    "Templates in .decide/templates/ replace the built-in ones of the same name; `template:` in .decide.yaml picks the record template.",
                );
            }
            Ok(exit::OK)
        }
    }
}
