//! The question being asked, drawn below everything printed so far and redrawn in place at
//! every key, at the terminal's width of the moment. When it is answered it collapses to
//! one `✔` line, so what stays on screen is the coaching and one line per answer, at 40
//! columns as at 200. dialoguer's prompts count lines, not the rows a long line wraps
//! into, and leave wrapped answers behind; they also throw away input that failed its
//! check. Here the text stays for editing, with the error on its own line.

use console::{Key, Term, style};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// One line of a block: the text as written (perhaps styled) and its width in columns.
pub(super) struct Line {
    text: String,
    width: usize,
}

impl Line {
    /// A line of plain `text` shown with `styled`.
    fn styled(text: &str, styled: impl Fn(&str) -> String) -> Line {
        Line {
            text: styled(text),
            width: text.width(),
        }
    }
}

/// The lines of the question being asked. The cursor stays on the last line, where the
/// answer is typed.
pub(super) struct Block<'t> {
    term: &'t Term,
    /// Widths of the lines drawn, and the cursor's column in the last one.
    widths: Vec<usize>,
    cursor: usize,
    /// The terminal's width when they were drawn.
    columns: usize,
    /// Keys typed or pasted while the block is on screen are not echoed by the terminal.
    _quiet: super::quiet::Quiet,
}

impl<'t> Block<'t> {
    pub(super) fn new(term: &'t Term) -> Block<'t> {
        Block {
            term,
            widths: Vec::new(),
            cursor: 0,
            columns: 0,
            _quiet: super::quiet::Quiet::new(),
        }
    }

    /// The terminal's size now, as (rows, columns).
    pub(super) fn size(&self) -> (usize, usize) {
        let (rows, columns) = self.term.size();
        (usize::from(rows).max(1), usize::from(columns).max(1))
    }

    /// Draw `lines` in place of what the block showed, the cursor `cursor` columns into the
    /// last line (its end when `None`).
    fn draw(&mut self, lines: &[Line], cursor: Option<usize>) -> std::io::Result<()> {
        let mut out = self.erasing();
        let columns = self.size().1;
        for (i, line) in lines.iter().enumerate() {
            if i > 0 {
                out.push('\n');
            }
            out.push_str(&line.text);
        }
        let last = lines.last().map_or(0, |l| l.width);
        // A line that ends on the last column leaves the cursor waiting to wrap: write a
        // space and step back, so it sits at the start of the next row as counted.
        if last > 0 && last.is_multiple_of(columns) {
            out.push_str(" \x08");
        }
        let cursor = cursor.unwrap_or(last).min(last);
        let up = last / columns - cursor / columns;
        if up > 0 {
            out.push_str(&format!("\x1b[{up}A"));
        }
        out.push('\r');
        if !cursor.is_multiple_of(columns) {
            out.push_str(&format!("\x1b[{}C", cursor % columns));
        }
        self.term.write_str(&out)?;
        self.term.flush()?;
        self.widths = lines.iter().map(|l| l.width).collect();
        self.cursor = cursor;
        self.columns = columns;
        Ok(())
    }

    /// What moves the cursor to the block's first row and clears from there down.
    fn erasing(&self) -> String {
        if self.widths.is_empty() {
            return String::new();
        }
        // A resized terminal re-flows what it shows: count the rows at the new width.
        let up = rows_above_cursor(&self.widths, self.cursor, self.size().1);
        let mut out = String::from("\r");
        if up > 0 {
            out.push_str(&format!("\x1b[{up}A"));
        }
        out.push_str("\x1b[J");
        out
    }

    /// Clear the block and leave `done` in its place, the one line the answer leaves.
    pub(super) fn finish(&mut self, done: &str) -> std::io::Result<()> {
        let mut out = self.erasing();
        out.push_str(done);
        out.push('\n');
        self.term.write_str(&out)?;
        self.term.flush()?;
        self.widths.clear();
        Ok(())
    }

    /// Clear the block, leaving nothing.
    pub(super) fn clear(&mut self) -> std::io::Result<()> {
        let out = self.erasing();
        self.term.write_str(&out)?;
        self.term.flush()?;
        self.widths.clear();
        Ok(())
    }
}

/// Rows from the first row of lines of `widths` to the cursor, `cursor` columns into the
/// last line, on a terminal `columns` wide.
fn rows_above_cursor(widths: &[usize], cursor: usize, columns: usize) -> usize {
    let Some((_, before)) = widths.split_last() else {
        return 0;
    };
    let rows: usize = before.iter().map(|w| w.div_ceil(columns).max(1)).sum();
    rows + cursor / columns
}

/// `text` cut to `width` columns, ending in `…` when cut. It is cut between words when
/// that keeps at least half the room ("If Redis…", not "If Redis turn…"); a text with no
/// space early enough (one long word, Japanese) is cut where the room ends.
pub(super) fn truncate(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    let mut next = None;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            next = Some(c);
            break;
        }
        out.push(c);
        used += w;
    }
    if next.is_some_and(|c| !c.is_whitespace())
        && let Some(space) = out.rfind(char::is_whitespace)
        && out[..space].width() * 2 >= width
    {
        out.truncate(space);
    }
    let kept = out.trim_end_matches(|c: char| c.is_whitespace() || ",;:".contains(c));
    format!("{kept}…")
}

/// The line an answered question leaves: `✔ prompt · answer`, within `columns`. A long
/// prompt gives way first, to half the row; the answer is never cut: it wraps between
/// words onto the rows below, indented under its first row, so what was typed reads whole
/// once answered and the prompts down the left edge stay easy to scan.
pub(super) fn done_line(prompt: &str, answer: &str, columns: usize) -> String {
    // One column short of the row, so a full row never leaves the cursor waiting to wrap.
    let room = columns.saturating_sub(1).max(10);
    let answer = one_line(answer);
    let prompt = one_line(without_hint(prompt));
    let fixed = 2 + 3; // "✔ " and " · "
    let answer_width = answer.width();
    let prompt_room = room
        .saturating_sub(fixed + answer_width)
        .max((room / 2).saturating_sub(fixed).min(prompt.width()));
    let prompt = truncate(&prompt, prompt_room);
    let rows = answer_rows(fixed + prompt.width(), &answer, room);
    DONE_ROWS.set(rows.len());
    let rows: Vec<String> = rows
        .iter()
        .map(|row| style(row).green().for_stderr().to_string())
        .collect();
    format!(
        "{} {} {} {}",
        style("✔").green().for_stderr(),
        style(prompt).for_stderr(),
        style("·").dim().for_stderr(),
        rows.join("\n")
    )
}

thread_local! {
    /// Rows the last [`done_line`] takes: going back clears that many, not one.
    static DONE_ROWS: std::cell::Cell<usize> = const { std::cell::Cell::new(1) };
}

/// How many rows the last `✔` line drawn takes on the screen.
pub(super) fn done_rows() -> usize {
    DONE_ROWS.get()
}

/// `answer` after `start` columns, in rows of at most `columns` broken between words, the
/// rows after the first indented under the answer ([`crate::ui::hanging`]).
fn answer_rows(start: usize, answer: &str, columns: usize) -> Vec<String> {
    crate::ui::hanging(answer, start, columns)
}

/// A prompt without the how-to-answer hint at its end: "(+ pro; - con)", "[a, b, c]".
fn without_hint(prompt: &str) -> &str {
    let prompt = prompt.trim_end();
    let open = match prompt.chars().last() {
        Some(')') => " (",
        Some(']') => " [",
        _ => return prompt,
    };
    match prompt.rfind(open) {
        Some(at) if at > 0 => &prompt[..at],
        _ => prompt,
    }
}

/// Line breaks and tabs as spaces: a done line is one row.
fn one_line(text: &str) -> String {
    crate::ui::for_terminal(text, false)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Help and hints above a prompt: dim, indented, wrapped between words.
pub(super) fn note_lines(text: &str, columns: usize) -> Vec<Line> {
    let width = columns.saturating_sub(3).max(1);
    words_in_lines(text, width)
        .into_iter()
        .map(|line| {
            Line::styled(&format!("  {line}"), |t| {
                style(t).dim().for_stderr().to_string()
            })
        })
        .collect()
}

/// An error above the prompt, on its own line (wrapped when long).
fn error_lines(problem: &str, columns: usize) -> Vec<Line> {
    let width = columns.saturating_sub(3).max(1);
    words_in_lines(problem, width)
        .into_iter()
        .enumerate()
        .map(|(i, line)| {
            let mark = if i == 0 { "✘" } else { " " };
            Line {
                width: line.width() + 2,
                text: format!(
                    "{} {}",
                    style(mark).red().for_stderr(),
                    style(line).red().for_stderr()
                ),
            }
        })
        .collect()
}

/// `text` in lines of at most `width` columns, broken between words; a word longer than
/// a line is cut.
fn words_in_lines(text: &str, width: usize) -> Vec<String> {
    let text = crate::ui::for_terminal(text, false);
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let mut word = word.to_string();
        while word.width() > width {
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            let head: String = cut_at_width(&word, width);
            word = word[head.len()..].to_string();
            lines.push(head);
        }
        if !line.is_empty() && line.width() + 1 + word.width() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(&word);
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// The longest start of `word` at most `width` columns wide (at least one character).
fn cut_at_width(word: &str, width: usize) -> String {
    let mut out = String::new();
    for c in word.chars() {
        if !out.is_empty() && out.width() + c.width().unwrap_or(0) > width {
            break;
        }
        out.push(c);
    }
    out
}

/// The question line(s): `? prompt › ` with the answer typed after it, or, when the prompt
/// leaves too little room, the prompt wrapped above and the answer after `› `.
fn prompt_lines(prompt: &str, columns: usize) -> (Vec<Line>, Line) {
    let arrow = style("›").dim().for_stderr().to_string();
    let prompt = one_line(prompt);
    let inline = prompt.width() + 5;
    if inline + 16 <= columns {
        let text = format!(
            "{} {} {arrow} ",
            style("?").yellow().for_stderr(),
            style(&prompt).bold().for_stderr()
        );
        return (
            Vec::new(),
            Line {
                text,
                width: inline,
            },
        );
    }
    let last = Line {
        text: format!("{arrow} "),
        width: 2,
    };
    (question_lines(&prompt, columns), last)
}

/// `? prompt`, wrapped between words.
fn question_lines(prompt: &str, columns: usize) -> Vec<Line> {
    words_in_lines(&one_line(prompt), columns.saturating_sub(3).max(1))
        .iter()
        .enumerate()
        .map(|(i, line)| {
            let mark = if i == 0 {
                style("?").yellow().for_stderr().to_string()
            } else {
                " ".to_string()
            };
            Line {
                text: format!("{mark} {}", style(line).bold().for_stderr()),
                width: line.width() + 2,
            }
        })
        .collect()
}

/// What a key did to a question.
enum Step<T> {
    Going,
    Done(T),
}

/// The answer to a typed question, a request to go back, or a command such as `:e`.
pub(super) enum Typed {
    Text(String),
    Back,
    Command,
}

/// What typed text means to the question: its answer (then the text the `✔` line shows),
/// or a problem to show above the prompt while the text stays for editing.
pub(super) type Check<'a> = dyn Fn(&str) -> std::result::Result<String, String> + 'a;

/// What to type to go back to the previous question.
pub(super) const BACK_COMMAND: &str = ":back";

/// Ask for a line of text. `initial` is typed in already (a default, an earlier answer),
/// to keep with Enter or edit. Enter runs `check`; a problem is shown on its own line and
/// the text stays, the cursor at its end. `problem` is one to show from the start;
/// `command` is one the caller handles, returned as typed.
pub(super) fn read_line(
    term: &Term,
    notes: &[String],
    prompt: &str,
    initial: &str,
    problem: Option<String>,
    check: &Check<'_>,
    command: Option<&str>,
) -> std::io::Result<Typed> {
    let mut block = Block::new(term);
    let mut chars: Vec<char> = initial.chars().collect();
    let mut position = chars.len();
    let mut problem = problem;
    loop {
        let columns = block.size().1;
        let mut lines: Vec<Line> = notes.iter().flat_map(|n| note_lines(n, columns)).collect();
        if let Some(problem) = &problem {
            lines.extend(error_lines(problem, columns));
        }
        let (above, mut last) = prompt_lines(prompt, columns);
        lines.extend(above);
        let (shown, places) = wrapped_answer(last.width, &chars, columns);
        let cursor = places[position];
        last.text.push_str(&shown);
        last.width = places[chars.len()];
        lines.push(last);
        block.draw(&lines, Some(cursor))?;
        match edit(&mut chars, &mut position, term.read_key()?) {
            Step::Going => {}
            Step::Done(()) => {
                let text: String = chars.iter().collect();
                if text.trim() == BACK_COMMAND {
                    block.clear()?;
                    return Ok(Typed::Back);
                }
                if command.is_some_and(|c| text.trim() == c) {
                    block.clear()?;
                    return Ok(Typed::Command);
                }
                match check(&text) {
                    Ok(shown) => {
                        block.finish(&done_line(prompt, &shown, block.size().1))?;
                        return Ok(Typed::Text(text));
                    }
                    Err(error) => {
                        problem = Some(error);
                        position = chars.len();
                    }
                }
            }
        }
    }
}

/// The answer being typed, after a prompt `start` columns wide on a terminal `columns`
/// wide, with spaces where a row ends early so that the terminal's own wrap falls between
/// words: a pre-filled answer longer than a row reads "…the team already" / "runs it",
/// never "…the team alre" / "ady runs it". Returns the text to draw and, for each place
/// between characters (0 to the length), its column counted from the line's start, where
/// the cursor goes. A word wider than a row is left for the terminal to break.
fn wrapped_answer(start: usize, chars: &[char], columns: usize) -> (String, Vec<usize>) {
    let columns = columns.max(1);
    // Each character as the terminal is sent it: control characters from a pasted answer
    // made visible, a newline or a tab as a space.
    let shown: Vec<String> = chars
        .iter()
        .map(|c| match c {
            '\n' | '\t' => " ".to_string(),
            c => crate::ui::for_terminal(&c.to_string(), false).into_owned(),
        })
        .collect();
    let mut out = String::new();
    let mut places = Vec::with_capacity(chars.len() + 1);
    let mut at = start;
    let mut i = 0;
    while i < chars.len() {
        let end = if chars[i].is_whitespace() {
            i + 1
        } else {
            chars[i..]
                .iter()
                .position(|c| c.is_whitespace())
                .map_or(chars.len(), |n| i + n)
        };
        let width: usize = shown[i..end].iter().map(|s| s.width()).sum();
        let used = at % columns;
        let word = !chars[i].is_whitespace();
        if word && used > 0 && used + width > columns && width <= columns {
            out.push_str(&" ".repeat(columns - used));
            at += columns - used;
        }
        for piece in &shown[i..end] {
            places.push(at);
            out.push_str(piece);
            at += piece.width();
        }
        i = end;
    }
    places.push(at);
    (out, places)
}

/// Apply one key to the text being typed.
fn edit(chars: &mut Vec<char>, position: &mut usize, key: Key) -> Step<()> {
    match key {
        Key::Enter => return Step::Done(()),
        Key::Char(c) if !c.is_control() => {
            chars.insert(*position, c);
            *position += 1;
        }
        Key::Backspace if *position > 0 => {
            *position -= 1;
            chars.remove(*position);
        }
        Key::Del if *position < chars.len() => {
            chars.remove(*position);
        }
        Key::ArrowLeft => *position = position.saturating_sub(1),
        Key::ArrowRight => *position = (*position + 1).min(chars.len()),
        Key::Home => *position = 0,
        Key::End => *position = chars.len(),
        // Ctrl-U: everything before the cursor; Ctrl-K: everything after it.
        Key::Char('\u{15}') => {
            chars.drain(..*position);
            *position = 0;
        }
        Key::Char('\u{0b}') => chars.truncate(*position),
        // Ctrl-W: the word before the cursor.
        Key::Char('\u{17}') => {
            let mut start = *position;
            while start > 0 && chars[start - 1].is_whitespace() {
                start -= 1;
            }
            while start > 0 && !chars[start - 1].is_whitespace() {
                start -= 1;
            }
            chars.drain(start..*position);
            *position = start;
        }
        _ => {}
    }
    Step::Going
}

/// A pick from a list, or a request to go back.
pub(super) enum Picked<T> {
    Chosen(T),
    Back,
}

/// A list needs a row for the prompt and two for its choices: on a smaller terminal the
/// choices are typed instead (`None`).
pub(super) const MIN_LIST_ROWS: usize = 3;

/// Pick one of `labels` with the arrow keys (or its number) and Enter; Esc goes back.
pub(super) fn select(
    term: &Term,
    notes: &[String],
    prompt: &str,
    labels: &[String],
    default: usize,
) -> std::io::Result<Option<Picked<usize>>> {
    let mut current = default.min(labels.len().saturating_sub(1));
    let shown = |i: usize| labels[i].clone();
    let mut keys = |key: Key, current: &mut usize| match key {
        Key::Enter => Step::Done(Picked::Chosen(*current)),
        Key::Escape => Step::Done(Picked::Back),
        _ => {
            move_in_list(key, current, labels.len());
            Step::Going
        }
    };
    let list = List {
        notes,
        prompt,
        count: labels.len(),
    };
    list.run(term, &mut current, &shown, &mut keys)
}

/// Mark any of `labels` with Space, confirm with Enter; Esc goes back.
pub(super) fn select_many(
    term: &Term,
    notes: &[String],
    prompt: &str,
    labels: &[String],
    marked: &mut [bool],
) -> std::io::Result<Option<Picked<()>>> {
    let mut current = 0;
    let marks = std::cell::RefCell::new(marked.to_vec());
    let shown = |i: usize| {
        let mark = if marks.borrow()[i] { "[x]" } else { "[ ]" };
        format!("{mark} {}", labels[i])
    };
    let mut keys = |key: Key, current: &mut usize| match key {
        Key::Enter => Step::Done(Picked::Chosen(())),
        Key::Escape => Step::Done(Picked::Back),
        Key::Char(' ') => {
            let mut marks = marks.borrow_mut();
            marks[*current] = !marks[*current];
            Step::Going
        }
        _ => {
            move_in_list(key, current, labels.len());
            Step::Going
        }
    };
    let list = List {
        notes,
        prompt: &format!("{prompt} (space to mark, enter to confirm)"),
        count: labels.len(),
    };
    let picked = list.run(term, &mut current, &shown, &mut keys)?;
    marked.copy_from_slice(&marks.borrow());
    Ok(picked)
}

fn move_in_list(key: Key, current: &mut usize, count: usize) {
    let last = count.saturating_sub(1);
    *current = match key {
        Key::ArrowUp | Key::BackTab | Key::Char('k') => current.checked_sub(1).unwrap_or(last),
        Key::ArrowDown | Key::Tab | Key::Char('j') => {
            if *current >= last {
                0
            } else {
                *current + 1
            }
        }
        Key::Home | Key::PageUp => 0,
        Key::End | Key::PageDown => last,
        Key::Char(c) => match c.to_digit(10).map(|d| d as usize) {
            Some(d) if (1..=count).contains(&d) => d - 1,
            _ => *current,
        },
        _ => *current,
    };
}

/// A list drawn under its prompt, one row per item cut to the width, paged to the height.
struct List<'a> {
    notes: &'a [String],
    prompt: &'a str,
    count: usize,
}

impl List<'_> {
    /// Draw the list until `keys` says it is done; `None` when the terminal is, or
    /// becomes, too small for a list.
    fn run<T>(
        &self,
        term: &Term,
        current: &mut usize,
        shown: &dyn Fn(usize) -> String,
        keys: &mut dyn FnMut(Key, &mut usize) -> Step<Picked<T>>,
    ) -> std::io::Result<Option<Picked<T>>> {
        let mut block = Block::new(term);
        let _ = term.hide_cursor();
        let result = loop {
            let (rows, columns) = block.size();
            if rows < MIN_LIST_ROWS {
                block.clear()?;
                break None;
            }
            block.draw(&self.lines(rows, columns, *current, shown), None)?;
            let key = match term.read_key() {
                Ok(key) => key,
                Err(error) => {
                    let _ = term.show_cursor();
                    return Err(error);
                }
            };
            if let Step::Done(picked) = keys(key, current) {
                block.clear()?;
                break Some(picked);
            }
        };
        let _ = term.show_cursor();
        Ok(result)
    }

    fn lines(
        &self,
        rows: usize,
        columns: usize,
        current: usize,
        shown: &dyn Fn(usize) -> String,
    ) -> Vec<Line> {
        let mut lines = question_lines(self.prompt, columns);
        let notes: Vec<Line> = self
            .notes
            .iter()
            .flat_map(|n| note_lines(n, columns))
            .collect();
        // On a short terminal the help gives way: the choices must show.
        if notes.len() + lines.len() + self.count.min(4) < rows {
            lines.splice(0..0, notes);
        }
        let room = rows.saturating_sub(lines.len() + 1).max(1);
        let first = (current + 1)
            .saturating_sub(room)
            .min(self.count.saturating_sub(room));
        let last = self.count.min(first + room);
        for i in first..last {
            let mut text = shown(i);
            if first > 0 && i == first {
                text = format!("… {text}");
            } else if i + 1 == last && last < self.count {
                text = format!("{text} …");
            }
            let text = truncate(&one_line(&text), columns.saturating_sub(3).max(1));
            let width = text.width() + 2;
            let text = if i == current {
                format!(
                    "{} {}",
                    style("❯").cyan().for_stderr(),
                    style(&text).cyan().for_stderr()
                )
            } else {
                format!("  {text}")
            };
            lines.push(Line { text, width });
        }
        lines
    }
}

/// A yes or no: `y` or `n` chooses (shown after the prompt), Enter answers, with the
/// default when nothing was chosen; Esc goes back. Answering on the key alone would let
/// the Enter a person types after it, as after every other answer, spill into the next
/// question.
pub(super) fn confirm(
    term: &Term,
    notes: &[String],
    prompt: &str,
    default: Option<bool>,
) -> std::io::Result<Picked<bool>> {
    let mut block = Block::new(term);
    let mut problem: Option<&str> = None;
    let hint = match default {
        Some(true) => "(Y/n)",
        Some(false) => "(y/N)",
        None => "(y/n)",
    };
    let mut chosen = default;
    loop {
        let asked = match chosen {
            Some(yes) => format!("{prompt} {hint} {}", if yes { "y" } else { "n" }),
            None => format!("{prompt} {hint}"),
        };
        let columns = block.size().1;
        let mut lines: Vec<Line> = notes.iter().flat_map(|n| note_lines(n, columns)).collect();
        if let Some(problem) = problem {
            lines.extend(error_lines(problem, columns));
        }
        let (above, last) = prompt_lines(&asked, columns);
        lines.extend(above);
        lines.push(last);
        block.draw(&lines, None)?;
        match term.read_key()? {
            Key::Char('y' | 'Y') => {
                chosen = Some(true);
                problem = None;
            }
            Key::Char('n' | 'N') => {
                chosen = Some(false);
                problem = None;
            }
            Key::Enter => match chosen {
                Some(yes) => {
                    let shown = if yes { "yes" } else { "no" };
                    block.finish(&done_line(prompt, shown, block.size().1))?;
                    return Ok(Picked::Chosen(yes));
                }
                None => problem = Some("press y or n, then Enter"),
            },
            Key::Escape => {
                block.clear()?;
                return Ok(Picked::Back);
            }
            _ => problem = Some("press y or n, then Enter"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_are_counted_as_the_terminal_wraps_them() {
        // Lines of 10, 0 and 25 columns, the cursor at column 25 of the last, 10 wide:
        // 1 + 1 rows above, and 2 more rows down in the last line.
        assert_eq!(rows_above_cursor(&[10, 0, 25], 25, 10), 4);
        assert_eq!(rows_above_cursor(&[11, 5], 3, 10), 2);
        assert_eq!(rows_above_cursor(&[5], 5, 10), 0);
        assert_eq!(rows_above_cursor(&[], 0, 10), 0);
        // Narrower now: the same lines take more rows.
        assert_eq!(rows_above_cursor(&[30, 30], 30, 10), 6);
    }

    #[test]
    fn long_text_is_cut_with_an_ellipsis() {
        console::set_colors_enabled_stderr(false);
        assert_eq!(truncate("short", 10), "short");
        assert_eq!(truncate("exactly10!", 10), "exactly10!");
        assert_eq!(truncate("a longer sentence", 10), "a longer…");
        assert_eq!(truncate("a longer sentence", 12), "a longer…");
        assert_eq!(truncate("unbreakablewordhere", 10), "unbreakab…");
        assert_eq!(truncate("データベース", 7), "データ…");
        let line = done_line(
            "If Redis turns out to be wrong, how long would it take to undo?",
            "4 months (from \"3-4 months\")",
            40,
        );
        assert!(line.lines().all(|row| row.width() <= 39), "{line}");
        assert_eq!(
            line,
            "✔ If Redis… · 4 months (from \"3-4\n              months\")"
        );
        assert_eq!(
            done_line("What are you deciding?", "Pick a cache", 60),
            "✔ What are you deciding? · Pick a cache"
        );
        assert_eq!(
            done_line("Pros and cons of Redis (+ pro; - con)", "1 pro", 60),
            "✔ Pros and cons of Redis · 1 pro"
        );
        assert_eq!(
            done_line(
                "Pros and cons of Unleash (self-hosted) (+ pro; - con)",
                "2 pros",
                60
            ),
            "✔ Pros and cons of Unleash (self-hosted) · 2 pros"
        );
        assert_eq!(
            done_line(
                "Ready? [Write the record, Change: Who decides]",
                "Write the record",
                80
            ),
            "✔ Ready? · Write the record"
        );
        for columns in [20, 40, 60, 120, 200] {
            let line = done_line(&"word ".repeat(60), &"answer ".repeat(40), columns);
            assert!(
                line.lines().all(|row| row.width() < columns.max(11)),
                "{columns}: {line}"
            );
            assert_eq!(line.matches("answer").count(), 40, "{columns}: {line}");
            assert_eq!(done_rows(), line.lines().count());
        }
    }

    /// An answered question keeps its whole answer at any width: it wraps between words,
    /// under the answer's first row, never cut to its first words nor back at column 0.
    #[test]
    fn an_answer_wraps_between_words_under_its_first_row() {
        console::set_colors_enabled_stderr(false);
        let title = "Should the orders service move from its own Redis cache to the shared Memcached cluster before the peak season?";
        let cases: [(usize, &[&str]); 3] = [
            (
                60,
                &[
                    "✔ What are you deciding? · Should the orders service move",
                    "                           from its own Redis cache to the",
                    "                           shared Memcached cluster before",
                    "                           the peak season?",
                ],
            ),
            (
                120,
                &[
                    "✔ What are you deciding? · Should the orders service move from its own Redis cache to the shared Memcached cluster",
                    "                           before the peak season?",
                ],
            ),
            (
                200,
                &[
                    "✔ What are you deciding? · Should the orders service move from its own Redis cache to the shared Memcached cluster before the peak season?",
                ],
            ),
        ];
        for (columns, rows) in cases {
            let line = done_line("What are you deciding?", title, columns);
            assert_eq!(line.lines().collect::<Vec<_>>(), rows, "{columns}");
            assert_eq!(done_rows(), rows.len());
        }
    }

    #[test]
    fn help_wraps_between_words_and_never_past_the_width() {
        console::set_colors_enabled_stderr(false);
        let help =
            "A short title for the record, e.g. \"Choose the database for the orders service\".";
        for columns in [40, 60, 120] {
            let lines = note_lines(help, columns);
            assert!(lines.iter().all(|l| l.width < columns), "{columns}");
            let joined: Vec<String> = lines.iter().map(|l| l.text.trim().to_string()).collect();
            assert_eq!(joined.join(" "), help, "{columns}");
        }
        assert_eq!(words_in_lines("abcdefghij", 4), ["abcd", "efgh", "ij"]);
    }

    #[test]
    fn a_long_prompt_puts_the_answer_on_its_own_line() {
        console::set_colors_enabled_stderr(false);
        let (above, last) = prompt_lines("What are you deciding?", 60);
        assert!(above.is_empty());
        assert_eq!(last.text, "? What are you deciding? › ");
        assert_eq!(last.width, last.text.width());
        let (above, last) = prompt_lines(
            "If Redis turns out to be wrong, how long would it take to undo?",
            40,
        );
        let above: Vec<&str> = above.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(
            above,
            [
                "? If Redis turns out to be wrong, how",
                "  long would it take to undo?"
            ]
        );
        assert_eq!(last.text, "› ");
    }

    #[test]
    fn a_pre_filled_answer_wraps_between_words() {
        // At 60 columns, after "? Why this option? › " (21 columns).
        let text = "the team already operates it and it gives us transactions across orders and payments, with one database to back up";
        let chars: Vec<char> = text.chars().collect();
        let (shown, places) = wrapped_answer(21, &chars, 60);
        assert_eq!(places.len(), chars.len() + 1);
        // Every row of the prompt and the answer, as the terminal wraps them at 60 columns.
        let line: Vec<char> = std::iter::repeat_n(' ', 21).chain(shown.chars()).collect();
        let rows: Vec<String> = line.chunks(60).map(|row| row.iter().collect()).collect();
        assert!(rows.len() > 1, "{rows:?}");
        for pair in rows.windows(2) {
            let (end, next) = (pair[0].chars().last(), pair[1].chars().next());
            assert!(
                end == Some(' ') || next == Some(' '),
                "a word broken across rows: {:?} / {:?}",
                pair[0],
                pair[1]
            );
        }
        // The words are all there, in order, and the cursor's place for each character is
        // where it is drawn.
        let joined: Vec<&str> = shown.split_whitespace().collect();
        assert_eq!(joined, text.split_whitespace().collect::<Vec<_>>());
        for (i, c) in chars.iter().enumerate() {
            assert_eq!(line[places[i]], *c, "character {i}");
        }
        // Short enough for the row: nothing is added.
        let short: Vec<char> = "two of us ran it".chars().collect();
        assert_eq!(wrapped_answer(21, &short, 60).0, "two of us ran it");
    }

    #[test]
    fn keys_edit_the_text() {
        let mut chars: Vec<char> = "two words".chars().collect();
        let mut position = chars.len();
        for key in [
            Key::Char('\u{17}'),
            Key::Char('x'),
            Key::Home,
            Key::Del,
            Key::ArrowRight,
            Key::Char('!'),
        ] {
            assert!(matches!(edit(&mut chars, &mut position, key), Step::Going));
        }
        assert_eq!(chars.iter().collect::<String>(), "w!o x");
        assert!(matches!(
            edit(&mut chars, &mut position, Key::Enter),
            Step::Done(())
        ));
    }
}
