//! Questions at a terminal, on stderr. Each question is drawn below the coaching and
//! collapses to one `✔` line once answered (see [`super::screen`]). Wrong input is
//! explained on its own line and stays there to be corrected; a default is typed in
//! already, to keep with Enter or edit; `:back` (Esc on a list) goes to the question before.

use std::path::PathBuf;

use console::{Term, style};

use super::screen::{self, Picked, Typed};
use super::{Ask, Prompter, Reply};
use crate::answer::{Answer, OptionItem};
use crate::coach::Assessment;
use crate::error::{Error, Result};
use crate::log::related::{Related, same_record};
use crate::passages::Library;
use crate::playbook::Kind;
use crate::ui;

pub(crate) struct Interactive {
    term: Term,
    /// Passages already shown, so a quote is not repeated on every question.
    shown: Vec<String>,
    /// Questions asked so far: the hints on `:back` and `:e` are shown once.
    asked: usize,
    editor_hint_shown: bool,
    /// Why the last answer was refused, shown with the question when it comes again.
    refused: Option<String>,
    /// Whether the last thing printed is the `✔` line of the last answer.
    done_last: bool,
    library: crate::passages::Library,
    /// What each framework last told the lead: its headline and warnings.
    told: Vec<(&'static str, String, Vec<&'static str>)>,
}

impl Interactive {
    /// Note what `assessment` tells the lead; `false` when it is what they were told last.
    fn tell(&mut self, assessment: &Assessment) -> bool {
        let warnings: Vec<&'static str> = assessment.warnings.iter().map(|w| w.id).collect();
        let said = (assessment.verdict.clone(), warnings);
        match self
            .told
            .iter_mut()
            .find(|(framework, ..)| *framework == assessment.framework)
        {
            Some(told) if (told.1.clone(), told.2.clone()) == said => false,
            Some(told) => {
                (told.1, told.2) = said;
                true
            }
            None => {
                self.told.push((assessment.framework, said.0, said.1));
                true
            }
        }
    }

    pub(crate) fn new(library: &Library) -> Interactive {
        Interactive {
            term: Term::stderr(),
            shown: Vec::new(),
            asked: 0,
            editor_hint_shown: false,
            refused: None,
            done_last: false,
            library: library.clone(),
            told: Vec::new(),
        }
    }

    /// Quotes the question comes from: they stay on screen, as the coaching does.
    fn intro(&mut self, ask: &Ask<'_>) {
        for passage in &ask.passages {
            if !self.shown.contains(&passage.id) {
                self.shown.push(passage.id.clone());
                self.done_last = false;
                eprint!("{}", ui::quote_text(passage, &self.library));
            }
        }
    }

    /// The help and hints under which a question is asked; they go when it is answered.
    fn notes(&mut self, ask: &Ask<'_>, editor: bool) -> Vec<String> {
        let mut notes: Vec<String> = ask.help().map(str::to_string).into_iter().collect();
        if self.asked == 1 {
            notes.push(BACK_HINT.to_string());
        }
        if editor && !self.editor_hint_shown {
            self.editor_hint_shown = true;
            notes.push(EDITOR_HINT.to_string());
        }
        self.asked += 1;
        notes
    }

    /// Ask for typed text until `parse` takes it; `:e` opens the editor when `editor`.
    fn typed(
        &mut self,
        ask: &Ask<'_>,
        notes: &[String],
        initial: String,
        editor: bool,
    ) -> Result<Reply<Answer>> {
        let mut initial = initial;
        let mut problem = self.refused.take();
        loop {
            let check = |text: &str| {
                if editor && text.trim() == EDITOR_COMMAND {
                    return Ok(String::new());
                }
                ask.parse_typed(text).map(|answer| ask.echo(&answer, text))
            };
            let typed = screen::read_line(
                &self.term,
                notes,
                ask.prompt(),
                &initial,
                problem.take(),
                &check,
                editor.then_some(EDITOR_COMMAND),
            )
            .map_err(terminal_error)?;
            let text = match typed {
                Typed::Back => return Ok(Reply::Back),
                Typed::Text(text) => text,
                Typed::Command => {
                    match self.answer_in_editor(ask, &initial) {
                        Ok(Some(answer)) => return Ok(Reply::Given(answer)),
                        Ok(None) => {}
                        Err((written, error)) => {
                            initial = written;
                            problem = Some(error);
                        }
                    }
                    continue;
                }
            };
            return ask
                .parse_typed(&text)
                .map(Reply::Given)
                .map_err(Error::answers);
        }
    }

    /// Write the answer in `$VISUAL`/`$EDITOR`, starting from `start`, with the question
    /// and its help as comments. `None` when the editor closed without saving; the text
    /// written and why it is not an answer when it is not.
    fn answer_in_editor(
        &mut self,
        ask: &Ask<'_>,
        start: &str,
    ) -> std::result::Result<Option<Answer>, (String, String)> {
        let start = match (ask.kind(), &ask.default) {
            (Kind::List, _) => crate::answer::split_list(start).join("\n"),
            _ => start.to_string(),
        };
        let written = match edit(&editor_text(ask, &start)) {
            Ok(Some(written)) => without_comments(&written),
            Ok(None) => {
                ui::note("The editor closed without saving; answer here or try `:e` again.");
                return Ok(None);
            }
            Err(problem) => return Err((start, problem)),
        };
        match ask.parse_typed(&written) {
            Ok(answer) => {
                let lines = written.lines().count();
                let shown = match ask.kind() {
                    Kind::List => ask.shown(&answer),
                    _ => crate::coach::count(lines, "line", "lines") + " from the editor",
                };
                eprintln!("{}", screen::done_line(ask.prompt(), &shown, self.width()));
                Ok(Some(answer))
            }
            Err(problem) => {
                let typed = match ask.kind() {
                    Kind::List => crate::answer::split_list(&written).join("; "),
                    _ => written,
                };
                Err((typed, problem))
            }
        }
    }

    /// A yes or no asked outside the playbook's questions (see [`screen::confirm`]).
    pub(crate) fn confirm(&mut self, prompt: &str, default: bool) -> Result<bool> {
        let picked =
            screen::confirm(&self.term, &[], prompt, Some(default)).map_err(terminal_error)?;
        Ok(matches!(picked, Picked::Chosen(true)))
    }

    fn width(&self) -> usize {
        usize::from(self.term.size().1).max(1)
    }
}

/// The start of the file `:e` opens: the question and its help as comments.
fn editor_text(ask: &Ask<'_>, start: &str) -> String {
    let mut text = String::new();
    for line in ui::wrap(ask.prompt(), Some(76)) {
        text.push_str(&format!("# {line}\n"));
    }
    if let Some(help) = ask.help() {
        for line in ui::wrap(help, Some(76)) {
            text.push_str(&format!("# {line}\n"));
        }
    }
    let how = match ask.kind() {
        Kind::List => "One item per line. ",
        _ => "",
    };
    text.push_str(&format!(
        "# {how}Lines starting with # up here are left out; save and close to answer.\n\n"
    ));
    text.push_str(start);
    text
}

/// The text written in the editor, without the comments `editor_text` put at the top
/// (a `#` further down, a Markdown heading, stays).
fn without_comments(written: &str) -> String {
    let mut lines = written.lines().peekable();
    while lines.peek().is_some_and(|l| l.starts_with('#')) {
        lines.next();
    }
    lines.collect::<Vec<_>>().join("\n").trim().to_string()
}

const BACK_HINT: &str = "(type :back, or press Esc on a list, to go back to the question before)";

impl Interactive {
    /// One of `labels`, picked from a list, or typed on a tiny terminal.
    fn pick(
        &mut self,
        notes: &[String],
        prompt: &str,
        labels: &[&str],
        default: usize,
    ) -> Result<Reply<usize>> {
        let shown: Vec<String> = labels.iter().map(|l| l.to_string()).collect();
        let listed =
            screen::select(&self.term, notes, prompt, &shown, default).map_err(terminal_error)?;
        match listed {
            Some(Picked::Chosen(index)) => {
                let line = screen::done_line(prompt, labels[index], self.width());
                eprintln!("{line}");
                return Ok(Reply::Given(index));
            }
            Some(Picked::Back) => return Ok(Reply::Back),
            None => {}
        }
        // Enter alone takes the default, as on the list.
        let parse = |text: &str| match text.trim() {
            "" if default < labels.len() => Ok(default),
            typed => match_label(labels, typed),
        };
        let check = |text: &str| parse(text).map(|i| labels[i].to_string());
        self.typed_choice(&typed_prompt(prompt, labels), "", &check, parse)
    }

    /// Any of `labels`, marked on a list, or typed on a tiny terminal.
    fn pick_many(
        &mut self,
        notes: &[String],
        prompt: &str,
        labels: &[&str],
        defaults: &[bool],
    ) -> Result<Reply<Vec<usize>>> {
        let shown: Vec<String> = labels.iter().map(|l| l.to_string()).collect();
        let mut marked = defaults.to_vec();
        let listed = screen::select_many(&self.term, notes, prompt, &shown, &mut marked)
            .map_err(terminal_error)?;
        let picked =
            |marked: &[bool]| -> Vec<usize> { (0..labels.len()).filter(|&i| marked[i]).collect() };
        let named = |picked: &[usize]| -> String {
            let names: Vec<&str> = picked.iter().map(|&i| labels[i]).collect();
            if names.is_empty() {
                "none".to_string()
            } else {
                names.join("; ")
            }
        };
        match listed {
            Some(Picked::Chosen(())) => {
                let chosen = picked(&marked);
                eprintln!(
                    "{}",
                    screen::done_line(prompt, &named(&chosen), self.width())
                );
                return Ok(Reply::Given(chosen));
            }
            Some(Picked::Back) => return Ok(Reply::Back),
            None => {}
        }
        let parse = |text: &str| -> std::result::Result<Vec<usize>, String> {
            crate::answer::split_list(text)
                .iter()
                .map(|item| match_label(labels, item))
                .collect()
        };
        let check = |text: &str| parse(text).map(|chosen| named(&chosen));
        let prompt = format!("{} (separate them with ;)", typed_prompt(prompt, labels));
        let start = named(&picked(defaults)).replace("none", "");
        self.typed_choice(&prompt, &start, &check, parse)
    }

    /// A choice typed rather than picked from a list (a terminal too small for one):
    /// `check` echoes what the text means as it is typed, `parse` reads the answer.
    fn typed_choice<T>(
        &mut self,
        prompt: &str,
        start: &str,
        check: &screen::Check<'_>,
        parse: impl Fn(&str) -> std::result::Result<T, String>,
    ) -> Result<Reply<T>> {
        let typed = screen::read_line(&self.term, &[], prompt, start, None, check, None)
            .map_err(terminal_error)?;
        match typed {
            Typed::Text(text) => parse(&text).map(Reply::Given).map_err(Error::answers),
            Typed::Back | Typed::Command => Ok(Reply::Back),
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

impl Interactive {
    fn answer(&mut self, ask: &Ask<'_>) -> Result<Reply<Answer>> {
        self.intro(ask);
        let default_text = ask
            .default
            .as_ref()
            .map(Answer::to_input_text)
            .unwrap_or_default();
        match ask.kind() {
            Kind::YesNo => {
                let mut notes = self.notes(ask, false);
                notes.extend(self.refused.take());
                let default = ask.default.as_ref().and_then(Answer::as_bool);
                let picked = screen::confirm(&self.term, &notes, ask.prompt(), default)
                    .map_err(terminal_error)?;
                Ok(match picked {
                    Picked::Chosen(yes) => Reply::Given(Answer::YesNo(yes)),
                    Picked::Back => Reply::Back,
                })
            }
            Kind::Choice if ask.question.multiple => {
                let mut notes = self.notes(ask, false);
                notes.extend(self.refused.take());
                let labels: Vec<&str> = ask.choices.iter().map(|c| c.label()).collect();
                let defaults: Vec<bool> = match &ask.default {
                    Some(Answer::List(chosen)) => ask
                        .choices
                        .iter()
                        .map(|c| chosen.iter().any(|v| v == c.value()))
                        .collect(),
                    _ => vec![false; labels.len()],
                };
                let Reply::Given(picked) =
                    self.pick_many(&notes, ask.prompt(), &labels, &defaults)?
                else {
                    return Ok(Reply::Back);
                };
                let values = picked
                    .into_iter()
                    .map(|i| ask.choices[i].value().to_string())
                    .collect();
                ask.validate(Answer::List(values))
                    .map(Reply::Given)
                    .map_err(Error::answers)
            }
            Kind::Choice => {
                let mut notes = self.notes(ask, false);
                notes.extend(self.refused.take());
                let labels: Vec<&str> = ask.choices.iter().map(|c| c.label()).collect();
                let default = match &ask.default {
                    Some(Answer::Text(value)) => ask
                        .choices
                        .iter()
                        .position(|c| c.value() == value)
                        .unwrap_or(0),
                    _ => 0,
                };
                Ok(match self.pick(&notes, ask.prompt(), &labels, default)? {
                    Reply::Given(picked) => {
                        Reply::Given(Answer::Text(ask.choices[picked].value().to_string()))
                    }
                    Reply::Back => Reply::Back,
                })
            }
            Kind::LongText | Kind::List => {
                let notes = self.notes(ask, true);
                self.typed(ask, &notes, default_text, true)
            }
            _ => {
                let notes = self.notes(ask, false);
                self.typed(ask, &notes, default_text, false)
            }
        }
    }

    /// "+ a pro; - a con" for one option, with what it had typed in when it comes again.
    fn argue(&mut self, option: &OptionItem) -> Result<Reply<OptionItem>> {
        let prompt = super::steps::arguments_prompt(&option.name);
        let initial: Vec<String> = option
            .pros
            .iter()
            .map(|p| format!("+ {p}"))
            .chain(option.cons.iter().map(|c| format!("- {c}")))
            .chain(option.undo.iter().map(|u| format!("undo {u}")))
            .collect();
        let parse = |text: &str| -> std::result::Result<OptionItem, String> {
            let parsed = OptionItem::parse_arguments(&option.name, text)?;
            if parsed.pros.is_empty() && parsed.cons.is_empty() && parsed.undo.is_none() {
                return Err("give at least one pro (+) or con (-)".to_string());
            }
            Ok(parsed)
        };
        let check = |text: &str| parse(text).map(|o| super::steps::arguments_counted(&o));
        let notes = if self.asked <= 5 {
            vec![ARGUMENTS_HINT.to_string()]
        } else {
            Vec::new()
        };
        self.asked += 1;
        let typed = screen::read_line(
            &self.term,
            &notes,
            &prompt,
            &initial.join("; "),
            None,
            &check,
            None,
        )
        .map_err(terminal_error)?;
        match typed {
            Typed::Text(text) => parse(&text).map(Reply::Given).map_err(Error::answers),
            Typed::Back | Typed::Command => Ok(Reply::Back),
        }
    }

    /// After a reply: going back, the `✔` line of the question before goes too, when
    /// nothing was printed below it since.
    fn replied<T>(&mut self, reply: Reply<T>) -> Reply<T> {
        match &reply {
            Reply::Back if self.done_last => {
                let _ = self.term.clear_last_lines(screen::done_rows());
                self.done_last = false;
            }
            Reply::Back => {}
            Reply::Given(_) => self.done_last = true,
        }
        reply
    }
}

impl Prompter for Interactive {
    fn ask(&mut self, ask: &Ask<'_>) -> Result<Reply<Answer>> {
        let reply = self.answer(ask)?;
        Ok(self.replied(reply))
    }

    fn arguments(&mut self, _ask: &Ask<'_>, option: &OptionItem) -> Result<Reply<OptionItem>> {
        let reply = self.argue(option)?;
        Ok(self.replied(reply))
    }

    fn settle(&mut self, asks: &[Ask<'_>]) -> Result<Vec<Answer>> {
        let mut answers: Vec<Answer> = asks
            .iter()
            .map(|ask| ask.default.clone().unwrap_or(Answer::Text(String::new())))
            .collect();
        loop {
            let mut notes = vec!["Before the record is written:".to_string()];
            for (ask, answer) in asks.iter().zip(&answers) {
                notes.push(format!("{}: {}", ask.prompt(), ask.shown(answer)));
            }
            self.done_last = false;
            let mut items = vec!["Write the record".to_string()];
            items.extend(asks.iter().map(|ask| format!("Change: {}", ask.prompt())));
            let labels: Vec<&str> = items.iter().map(String::as_str).collect();
            let picked = match self.pick(&notes, "Ready?", &labels, 0)? {
                Reply::Given(0) => return Ok(answers),
                Reply::Given(picked) => picked,
                Reply::Back => continue,
            };
            let mut ask = asks[picked - 1].clone();
            ask.default = Some(answers[picked - 1].clone());
            if let Reply::Given(answer) = self.answer(&ask)? {
                answers[picked - 1] = answer;
            }
        }
    }

    /// The answers so far, one `✔` line each, then each verdict on one line: the coaching
    /// was read in full before the interruption.
    fn recap(&mut self, given: &[(String, String)], verdicts: &[&Assessment], _library: &Library) {
        for verdict in verdicts {
            self.tell(verdict);
        }
        self.done_last = false;
        eprintln!("{}", style("Your answers so far:").bold().for_stderr());
        for (prompt, answer) in given {
            eprintln!("{}", screen::done_line(prompt, answer, self.width()));
        }
        if !verdicts.is_empty() {
            eprintln!();
        }
        for verdict in verdicts {
            let headline = format!("{}: {}", verdict.title, verdict.verdict);
            let headline = screen::truncate(
                &ui::for_terminal(&headline, false),
                self.width().saturating_sub(5),
            );
            eprintln!(
                "  {} {}",
                style("▸").cyan().for_stderr(),
                style(headline).bold().for_stderr()
            );
        }
        eprintln!();
    }

    /// The related records stay on screen, as coaching does; the list to mark them goes
    /// once answered, leaving its `✔` line.
    fn relate(&mut self, related: &[Related], linked: &[PathBuf]) -> Result<Reply<Vec<PathBuf>>> {
        self.done_last = false;
        let block = ui::related_text(related, None);
        eprintln!("{block}");
        let labels: Vec<String> = related.iter().map(Related::label).collect();
        let labels: Vec<&str> = labels.iter().map(String::as_str).collect();
        let marked: Vec<bool> = related
            .iter()
            .map(|r| linked.iter().any(|l| same_record(l, &r.path)))
            .collect();
        let reply = match self.pick_many(&[], RELATE_PROMPT, &labels, &marked)? {
            Reply::Given(picked) => Reply::Given(
                picked
                    .into_iter()
                    .map(|i| related[i].path.clone())
                    .collect(),
            ),
            Reply::Back => {
                // Back to the title: the records shown for it go, and its `✔` line with
                // them, so the screen shows the title once it stands.
                let _ = self
                    .term
                    .clear_last_lines(block.lines().count() + screen::done_rows());
                self.done_last = true;
                Reply::Back
            }
        };
        Ok(self.replied(reply))
    }

    fn note(&mut self, text: &str) {
        self.done_last = false;
        ui::note(text);
    }

    /// A verdict is shown when it says something new: a new headline or a new warning. A
    /// detail its reasoning gains from a later answer (the hard part named, the way back
    /// written) goes into the record; on screen the lead would read the same verdict again.
    fn coach(&mut self, assessment: &Assessment, library: &Library) {
        if !self.tell(assessment) {
            return;
        }
        // A blank line sets the verdict apart from the next question.
        self.done_last = false;
        eprintln!("{}", ui::verdict_text(assessment, library, &mut self.shown));
    }

    /// Explained with the question, which comes again with the answer to change.
    fn refused(&mut self, _ask: &Ask<'_>, problem: &str) -> Result<()> {
        if self.done_last {
            let _ = self.term.clear_last_lines(screen::done_rows());
            self.done_last = false;
        }
        self.refused = Some(problem.to_string());
        Ok(())
    }
}

/// The question after the related records: linking them is the lead's choice.
pub(super) const RELATE_PROMPT: &str = "Link any of them as related?";

/// The undo time is offered here, with the option in mind, so the door question need not
/// come for the option the lead leans towards, and the record compares the options' doors.
const ARGUMENTS_HINT: &str = "Start each pro with + and each con with -, separated by \";\". Add \"undo 2 weeks\" to say how long undoing it would take.";

/// What to type at a long-text or list prompt to write the answer in `$VISUAL`/`$EDITOR`.
const EDITOR_COMMAND: &str = ":e";
const EDITOR_HINT: &str = "(type :e to write it in your editor)";

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

/// A terminal failure as a `decide` error: Ctrl-C in raw mode arrives as `Interrupted`.
fn terminal_error(io: std::io::Error) -> Error {
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
