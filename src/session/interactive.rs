//! Questions at a terminal, with dialoguer on stderr. Wrong input is explained and asked
//! again; nothing typed is lost to a validation error.

use console::{Term, style};
use dialoguer::theme::ColorfulTheme;
use dialoguer::{Confirm, Input, MultiSelect, Select};

use super::{Ask, Prompter};
use crate::answer::{Answer, OptionItem};
use crate::coach::Assessment;
use crate::error::{Error, Result};
use crate::passages::Library;
use crate::playbook::Kind;
use crate::ui;

pub(crate) struct Interactive {
    term: Term,
    theme: ColorfulTheme,
    /// Passages already shown, so a quote is not repeated on every question.
    shown: Vec<String>,
    /// The `:e` hint is shown once per session.
    editor_hint_shown: bool,
    library: crate::passages::Library,
}

impl Interactive {
    pub(crate) fn new(library: &Library) -> Interactive {
        Interactive {
            term: Term::stderr(),
            theme: ColorfulTheme::default(),
            shown: Vec::new(),
            editor_hint_shown: false,
            library: library.clone(),
        }
    }

    fn intro(&mut self, ask: &Ask<'_>) {
        for passage in &ask.passages {
            if !self.shown.contains(&passage.id) {
                self.shown.push(passage.id.clone());
                eprint!("{}", ui::quote_text(passage, &self.library));
            }
        }
        if let Some(help) = ask.help() {
            eprintln!("  {}", style(help.trim()).dim().for_stderr());
        }
    }

    fn input(
        &self,
        prompt: &str,
        default: Option<String>,
        check: impl Fn(&str) -> std::result::Result<(), String>,
    ) -> Result<String> {
        let mut input = Input::<String>::with_theme(&self.theme)
            .with_prompt(prompt)
            .allow_empty(true);
        if let Some(default) = default.filter(|d| !d.is_empty()) {
            input = input.default(default);
        }
        input
            .validate_with(|text: &String| check(text))
            .interact_text_on(&self.term)
            .map_err(terminal_error)
    }

    fn options(&mut self, ask: &Ask<'_>) -> Result<Answer> {
        let names = self.input(ask.prompt(), None, |text| ask.parse_input(text).map(|_| ()))?;
        let Answer::Options(options) = ask.parse_input(&names).map_err(Error::answers)? else {
            return Err(Error::answers("expected a list of options"));
        };
        let mut detailed = Vec::new();
        for option in options {
            let prompt = format!("Pros and cons of {} (+ pro; - con)", option.name);
            let name = option.name.clone();
            let text = self.input(&prompt, None, |text| {
                let parsed = OptionItem::parse_arguments(&name, text)?;
                if parsed.pros.is_empty() && parsed.cons.is_empty() {
                    return Err("give at least one pro (+) or con (-)".to_string());
                }
                Ok(())
            })?;
            detailed
                .push(OptionItem::parse_arguments(&option.name, &text).map_err(Error::answers)?);
        }
        Ok(Answer::Options(detailed))
    }
}

impl Prompter for Interactive {
    #[expect(
        clippy::too_many_lines,
        reason = "split with the restructuring (issue 13)"
    )]
    fn ask(&mut self, ask: &Ask<'_>) -> Result<Answer> {
        self.intro(ask);
        let default_text = ask.default.as_ref().map(Answer::to_input_text);
        match ask.kind() {
            Kind::YesNo => {
                let mut confirm = Confirm::with_theme(&self.theme).with_prompt(ask.prompt());
                if let Some(Answer::YesNo(default)) = ask.default {
                    confirm = confirm.default(default);
                }
                confirm
                    .interact_on(&self.term)
                    .map(Answer::YesNo)
                    .map_err(terminal_error)
            }
            Kind::Choice if ask.question.multiple => {
                let labels: Vec<&str> = ask.choices.iter().map(|c| c.label()).collect();
                let defaults: Vec<bool> = match &ask.default {
                    Some(Answer::List(chosen)) => ask
                        .choices
                        .iter()
                        .map(|c| chosen.iter().any(|v| v == c.value()))
                        .collect(),
                    _ => vec![false; labels.len()],
                };
                let prompt = format!("{} (space to mark, enter to confirm)", ask.prompt());
                let picked = MultiSelect::with_theme(&self.theme)
                    .with_prompt(prompt)
                    .items(&labels)
                    .defaults(&defaults)
                    .interact_on(&self.term)
                    .map_err(terminal_error)?;
                let values = picked
                    .into_iter()
                    .map(|i| ask.choices[i].value().to_string())
                    .collect();
                ask.validate(Answer::List(values)).map_err(Error::answers)
            }
            Kind::Choice => {
                let labels: Vec<&str> = ask.choices.iter().map(|c| c.label()).collect();
                let default = match &ask.default {
                    Some(Answer::Text(value)) => ask
                        .choices
                        .iter()
                        .position(|c| c.value() == value)
                        .unwrap_or(0),
                    _ => 0,
                };
                let picked = Select::with_theme(&self.theme)
                    .with_prompt(ask.prompt())
                    .items(&labels)
                    .default(default)
                    .interact_on(&self.term)
                    .map_err(terminal_error)?;
                Ok(Answer::Text(ask.choices[picked].value().to_string()))
            }
            Kind::Options => self.options(ask),
            Kind::LongText | Kind::List => loop {
                // Long answers read better written in an editor: `:e` opens one.
                if !self.editor_hint_shown {
                    self.editor_hint_shown = true;
                    eprintln!("  {}", style(EDITOR_HINT).dim().for_stderr());
                }
                let text = self.input(ask.prompt(), default_text.clone(), |text| {
                    if text.trim() == EDITOR_COMMAND {
                        return Ok(());
                    }
                    ask.parse_input(text).map(|_| ())
                })?;
                if text.trim() != EDITOR_COMMAND {
                    return ask.parse_input(&text).map_err(Error::answers);
                }
                let start = match (&ask.default, ask.kind()) {
                    (Some(Answer::List(items)), _) => items.join("\n"),
                    (Some(answer), _) => answer.to_input_text(),
                    (None, _) => String::new(),
                };
                match edit(&start) {
                    Ok(Some(written)) => match ask.parse_input(&written) {
                        Ok(answer) => {
                            eprintln!(
                                "  {}",
                                style(format!(
                                    "Taken from the editor ({} line{}).",
                                    written.lines().count(),
                                    if written.lines().count() == 1 {
                                        ""
                                    } else {
                                        "s"
                                    }
                                ))
                                .dim()
                                .for_stderr()
                            );
                            return Ok(answer);
                        }
                        Err(problem) => ui::error(&problem),
                    },
                    Ok(None) => {
                        ui::note("The editor closed without saving; answer here or try `:e` again.")
                    }
                    Err(problem) => ui::error(&problem),
                }
            },
            _ => {
                let text = self.input(ask.prompt(), default_text, |text| {
                    ask.parse_input(text).map(|_| ())
                })?;
                ask.parse_input(&text).map_err(Error::answers)
            }
        }
    }

    fn settle(&mut self, asks: &[Ask<'_>]) -> Result<Vec<Answer>> {
        let mut answers: Vec<Answer> = asks
            .iter()
            .map(|ask| ask.default.clone().unwrap_or(Answer::Text(String::new())))
            .collect();
        loop {
            eprintln!(
                "\n  {}",
                style("Before the record is written:").bold().for_stderr()
            );
            for (ask, answer) in asks.iter().zip(&answers) {
                eprintln!(
                    "    {:<28} {}",
                    style(ask.prompt()).dim().for_stderr(),
                    answer.to_input_text()
                );
            }
            let mut items = vec!["Write the record".to_string()];
            items.extend(asks.iter().map(|ask| format!("Change: {}", ask.prompt())));
            let picked = Select::with_theme(&self.theme)
                .with_prompt("Ready?")
                .items(&items)
                .default(0)
                .interact_on(&self.term)
                .map_err(terminal_error)?;
            if picked == 0 {
                return Ok(answers);
            }
            let mut ask = asks[picked - 1].clone();
            ask.default = Some(answers[picked - 1].clone());
            answers[picked - 1] = self.ask(&ask)?;
        }
    }

    fn coach(&mut self, assessment: &Assessment, library: &Library) {
        // A blank line sets the verdict apart from the next question.
        eprintln!("{}", ui::verdict_text(assessment, library, &mut self.shown));
    }

    /// Explained, and the question comes again: nothing typed so far is lost.
    fn refused(&mut self, _ask: &Ask<'_>, problem: &str) -> Result<()> {
        ui::warning(&format!("{problem}; try again"));
        Ok(())
    }
}

/// What to type at a long-text or list prompt to write the answer in `$VISUAL`/`$EDITOR`.
const EDITOR_COMMAND: &str = ":e";
const EDITOR_HINT: &str = "(type :e to write it in your editor; list items one per line)";

/// Open `$VISUAL` or `$EDITOR` on `start`; `None` when the user quits without saving. A
/// missing editor is reported and the question asked again, never the end of the session.
fn edit(start: &str) -> std::result::Result<Option<String>, String> {
    dialoguer::Editor::new()
        .executable(editor_command())
        .extension(".md")
        .edit(start)
        .map(|text| text.map(|t| t.trim().to_string()))
        .map_err(|error| {
            let dialoguer::Error::IO(io) = error;
            format!("could not run the editor ({io}); set VISUAL or EDITOR, e.g. EDITOR=nano")
        })
}

/// `$VISUAL`, else `$EDITOR`, else `vi`, skipping variables that are set but blank (which
/// dialoguer would try to run as an empty command).
fn editor_command() -> String {
    ["VISUAL", "EDITOR"]
        .iter()
        .filter_map(|name| std::env::var(name).ok())
        .find(|value| !value.trim().is_empty())
        .unwrap_or_else(|| "vi".to_string())
}

/// A dialoguer failure as a `decide` error: Ctrl-C in raw mode arrives as `Interrupted`.
fn terminal_error(error: dialoguer::Error) -> Error {
    let dialoguer::Error::IO(io) = error;
    if io.kind() == std::io::ErrorKind::Interrupted {
        return Error::interrupted();
    }
    Error::usage(format!("the terminal stopped answering: {io}"))
        .hint("run again, or pass --answers FILE")
}
