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
            eprint!("{}", ui::help_text(help));
        }
    }

    fn input(
        &self,
        prompt: &str,
        default: Option<String>,
        check: impl Fn(&str) -> std::result::Result<(), String>,
    ) -> Result<String> {
        let default = default.filter(|d| !d.is_empty());
        let mut input = Input::<String>::with_theme(&self.theme)
            .with_prompt(ui::for_terminal(prompt, false))
            .allow_empty(true);
        if let Some(default) = default {
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

/// dialoguer's lists page to the terminal's height, and its paging panics on a terminal of
/// fewer rows than this (`min > max`), also when one is resized that small mid-prompt.
/// There the choices are typed instead.
const MIN_LIST_ROWS: u16 = 3;

impl Interactive {
    /// One of `labels`, picked from a list, or typed on a tiny terminal.
    fn pick(&self, prompt: &str, labels: &[&str], default: usize) -> Result<usize> {
        let shown: Vec<String> = labels
            .iter()
            .map(|l| ui::for_terminal(l, false).into_owned())
            .collect();
        let listed = self.on_a_list(|| {
            Select::with_theme(&self.theme)
                .with_prompt(ui::for_terminal(prompt, false))
                .items(&shown)
                .default(default)
                .interact_on(&self.term)
        });
        if let Some(picked) = listed {
            return picked.map_err(terminal_error);
        }
        let text = self.input(
            &typed_prompt(prompt, labels),
            labels.get(default).map(|l| l.to_string()),
            |text| match_label(labels, text).map(drop),
        )?;
        match_label(labels, &text).map_err(Error::answers)
    }

    /// Any of `labels`, marked on a list, or typed on a tiny terminal.
    fn pick_many(&self, prompt: &str, labels: &[&str], defaults: &[bool]) -> Result<Vec<usize>> {
        let shown: Vec<String> = labels
            .iter()
            .map(|l| ui::for_terminal(l, false).into_owned())
            .collect();
        let listed = self.on_a_list(|| {
            MultiSelect::with_theme(&self.theme)
                .with_prompt(ui::for_terminal(
                    &format!("{prompt} (space to mark, enter to confirm)"),
                    false,
                ))
                .items(&shown)
                .defaults(defaults)
                .interact_on(&self.term)
        });
        if let Some(picked) = listed {
            return picked.map_err(terminal_error);
        }
        let marked: Vec<&str> = labels
            .iter()
            .zip(defaults)
            .filter(|(_, marked)| **marked)
            .map(|(label, _)| *label)
            .collect();
        let prompt = format!("{} (separate them with ;)", typed_prompt(prompt, labels));
        let parse = |text: &str| -> std::result::Result<Vec<usize>, String> {
            crate::answer::split_list(text)
                .iter()
                .map(|item| match_label(labels, item))
                .collect()
        };
        let text = self.input(&prompt, Some(marked.join("; ")), |text| {
            parse(text).map(drop)
        })?;
        parse(&text).map_err(Error::answers)
    }

    /// Run a dialoguer list, unless the terminal is too small for one; `None` then, and
    /// also when it panics because the terminal shrank while it was shown.
    fn on_a_list<T>(
        &self,
        list: impl FnOnce() -> dialoguer::Result<T>,
    ) -> Option<dialoguer::Result<T>> {
        if self.term.size().0 < MIN_LIST_ROWS {
            return None;
        }
        // The panic is dialoguer's and expected here: keep its message off the screen.
        let hook = std::panic::take_hook();
        std::panic::set_hook(Box::new(|_| {}));
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(list));
        std::panic::set_hook(hook);
        match result {
            Ok(picked) => Some(picked),
            Err(_) => {
                let _ = self.term.show_cursor();
                eprintln!();
                None
            }
        }
    }
}

/// `prompt [a, b, c]`, for choices typed rather than picked.
fn typed_prompt(prompt: &str, labels: &[&str]) -> String {
    format!("{prompt} [{}]", labels.join(", "))
}

/// The label `typed` names: its number on the list (from 1), the label itself, or an
/// unambiguous start of it, ignoring case.
fn match_label(labels: &[&str], typed: &str) -> std::result::Result<usize, String> {
    let typed = typed.trim();
    if let Ok(number) = typed.parse::<usize>()
        && (1..=labels.len()).contains(&number)
    {
        return Ok(number - 1);
    }
    let lower = typed.to_lowercase();
    if let Some(exact) = labels.iter().position(|l| l.to_lowercase() == lower) {
        return Ok(exact);
    }
    let starts: Vec<usize> = (0..labels.len())
        .filter(|&i| !lower.is_empty() && labels[i].to_lowercase().starts_with(&lower))
        .collect();
    match starts.as_slice() {
        [one] => Ok(*one),
        _ => Err(format!(
            "{typed:?} is not one of: {} (or its number)",
            labels.join(", ")
        )),
    }
}

impl Prompter for Interactive {
    fn ask(&mut self, ask: &Ask<'_>) -> Result<Answer> {
        self.intro(ask);
        let default_text = ask.default.as_ref().map(Answer::to_input_text);
        match ask.kind() {
            Kind::YesNo => {
                let mut confirm = Confirm::with_theme(&self.theme)
                    .with_prompt(ui::for_terminal(ask.prompt(), false));
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
                let picked = self.pick_many(ask.prompt(), &labels, &defaults)?;
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
                let picked = self.pick(ask.prompt(), &labels, default)?;
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
            let labels: Vec<&str> = items.iter().map(String::as_str).collect();
            let picked = self.pick("Ready?", &labels, 0)?;
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

#[cfg(test)]
mod tests {
    use super::match_label;

    #[test]
    fn typed_choices_match_by_number_name_or_start() {
        let labels = ["Write the record", "Change: title", "Change: context"];
        let cases = [
            ("1", Ok(0)),
            ("3", Ok(2)),
            ("write", Ok(0)),
            ("CHANGE: TITLE", Ok(1)),
            ("change: c", Ok(2)),
            ("change", Err(())),
            ("4", Err(())),
            ("", Err(())),
        ];
        for (typed, expected) in cases {
            assert_eq!(
                match_label(&labels, typed).map_err(drop),
                expected,
                "{typed:?}"
            );
        }
    }
}
