//! `decide completions SHELL` and `decide man`: generated from the command-line model, so
//! they never drift from `--help`.

use crate::cli::{CompletionsArgs, ManArgs};
use crate::error::{Error, Result, exit};

pub(super) fn completions(args: &CompletionsArgs) -> Result<u8> {
    let mut command = crate::cli::command();
    let mut out = Vec::new();
    clap_complete::generate(args.shell, &mut command, "decide", &mut out);
    crate::stdout::write(&out)?;
    Ok(exit::OK)
}

/// decide(1): the synopsis, every option, a SUBCOMMANDS section naming each command and
/// the exit codes; or decide-COMMAND(1), which that section points to. All come from the
/// same model as `--help`.
pub(super) fn man(args: &ManArgs) -> Result<u8> {
    let root = crate::cli::command();
    if args.list {
        let names: Vec<&str> = root
            .get_subcommands()
            .map(|c| c.get_name())
            .filter(|n| *n != "help")
            .collect();
        crate::stdout::write(format!("{}\n", names.join("\n")))?;
        return Ok(exit::OK);
    }
    let page = match &args.command {
        None => root,
        Some(name) => {
            let Some(sub) = root.find_subcommand(name) else {
                let names: Vec<&str> = root
                    .get_subcommands()
                    .map(|c| c.get_name())
                    .filter(|n| *n != "help")
                    .collect();
                return Err(Error::usage(format!("there is no command `{name}`"))
                    .hint(format!("one of: {}", names.join(", "))));
            };
            // Named as the SUBCOMMANDS section of decide(1) refers to it, with the same
            // examples `--help` starts with. A command has no --version of its own.
            let examples = sub
                .get_before_help()
                .map(|help| help.to_string())
                .unwrap_or_default();
            sub.clone()
                .name(format!("decide-{name}"))
                .bin_name(format!("decide {name}"))
                .after_help(examples)
        }
    };
    let mut out = Vec::new();
    clap_mangen::Man::new(page)
        .render(&mut out)
        .map_err(|e| Error::io("render the man page", std::path::Path::new("decide.1"), &e))?;
    crate::stdout::write(&out)?;
    Ok(exit::OK)
}
