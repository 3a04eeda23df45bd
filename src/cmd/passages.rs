//! `decide passages`: the passage library and the series catalogue.

use std::fmt::Write as _;

use super::Env;
use crate::error::{Result, exit};
use crate::passages::Library;
use crate::ui;

pub(super) fn run(_env: &Env<'_>, args: &crate::cli::PassagesArgs) -> Result<u8> {
    let library = Library::embedded()?;
    if args.episodes {
        let mut out = format!("{}\n", library.series);
        for episode in &library.catalogue {
            let quoted = library
                .all()
                .iter()
                .filter(|p| p.episode == episode.number)
                .count();
            let note = if quoted > 0 {
                format!("  ({})", crate::coach::count(quoted, "passage", "passages"))
            } else {
                String::new()
            };
            writeln!(
                out,
                "{:>3}. {}: {}{note}",
                episode.number, episode.topic, episode.title
            )
            .ok();
        }
        crate::stdout::write(out)?;
        return Ok(exit::OK);
    }
    let found = if args.words.is_empty() {
        library.all().iter().collect()
    } else {
        library.search(&args.words)
    };
    if found.is_empty() {
        ui::note(&format!(
            "No passage contains all of: {}",
            args.words.join(" ")
        ));
        return Ok(exit::FINDINGS);
    }
    let mut out = String::new();
    for passage in found {
        let episode = library
            .episode(passage.episode)
            .map(|e| e.title.as_str())
            .unwrap_or("");
        writeln!(
            out,
            "{}  (ep. {} \"{}\", {}, {})\n  {}\n",
            passage.id,
            passage.episode,
            episode,
            passage.section,
            passage.speaker,
            crate::phrase::quoted(&passage.quote)
        )
        .ok();
    }
    crate::stdout::write(out)?;
    Ok(exit::OK)
}
