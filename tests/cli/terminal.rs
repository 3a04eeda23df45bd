//! What a person sees: the bytes `decide` wrote to a pseudo-terminal, played onto a grid of
//! cells as xterm plays them, so a test can read the final screen rather than the stream
//! of redraws. Only the sequences `decide` and `console` write are known; any other fails
//! the test, so a new one is looked at rather than guessed at.

use unicode_width::UnicodeWidthChar;

pub(crate) struct Screen {
    columns: usize,
    height: usize,
    /// Rows scrolled off the top, then the rows on screen.
    scrolled: Vec<Vec<char>>,
    rows: Vec<Vec<char>>,
    row: usize,
    column: usize,
    /// xterm's deferred wrap: a character in the last column leaves the cursor there, and
    /// the next printable character starts a new row.
    wrap_pending: bool,
}

/// The cell after a wide character.
const WIDE_TAIL: char = '\0';

impl Screen {
    pub(crate) fn new(columns: usize, height: usize) -> Screen {
        Screen {
            columns,
            height,
            scrolled: Vec::new(),
            rows: vec![vec![' '; columns]; height],
            row: 0,
            column: 0,
            wrap_pending: false,
        }
    }

    /// Play `output` onto the screen.
    pub(crate) fn play(&mut self, output: &str) {
        let mut chars = output.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '\r' => self.move_to_column(0),
                '\n' => self.line_feed(),
                '\x08' => self.move_to_column(self.column.saturating_sub(1)),
                '\x1b' => {
                    assert_eq!(chars.next(), Some('['), "only CSI sequences are known");
                    let mut parameters = String::new();
                    let last = loop {
                        let c = chars.next().expect("a complete escape sequence");
                        if c.is_ascii_digit() || c == ';' || c == '?' {
                            parameters.push(c);
                        } else {
                            break c;
                        }
                    };
                    self.control(&parameters, last);
                }
                c if c.is_control() => panic!("unexpected control character {c:?}"),
                c => self.print(c),
            }
        }
    }

    /// Every row, scrolled off or on screen, without trailing blanks or blank rows at the
    /// end.
    pub(crate) fn text(&self) -> String {
        let mut lines: Vec<String> = self
            .scrolled
            .iter()
            .chain(&self.rows)
            .map(|row| {
                let line: String = row.iter().filter(|&&c| c != WIDE_TAIL).collect();
                line.trim_end().to_string()
            })
            .collect();
        while lines.last().is_some_and(String::is_empty) {
            lines.pop();
        }
        lines.join("\n") + "\n"
    }

    fn print(&mut self, c: char) {
        let width = c.width().unwrap_or(0);
        if width == 0 {
            return;
        }
        if self.wrap_pending || self.column + width > self.columns {
            self.move_to_column(0);
            self.line_feed();
        }
        self.rows[self.row][self.column] = c;
        if width == 2 {
            self.rows[self.row][self.column + 1] = WIDE_TAIL;
        }
        if self.column + width >= self.columns {
            self.column = self.columns - 1;
            self.wrap_pending = true;
        } else {
            self.column += width;
        }
    }

    fn move_to_column(&mut self, column: usize) {
        self.column = column.min(self.columns - 1);
        self.wrap_pending = false;
    }

    fn line_feed(&mut self) {
        self.wrap_pending = false;
        if self.row + 1 < self.height {
            self.row += 1;
            return;
        }
        let top = self.rows.remove(0);
        self.scrolled.push(top);
        self.rows.push(vec![' '; self.columns]);
    }

    fn control(&mut self, parameters: &str, last: char) {
        let n = || parameters.parse::<usize>().unwrap_or(1).max(1);
        match (parameters, last) {
            (_, 'm') | ("?25", 'h' | 'l') => {}
            (_, 'A') => {
                self.row = self.row.saturating_sub(n());
                self.wrap_pending = false;
            }
            (_, 'B') => {
                self.row = (self.row + n()).min(self.height - 1);
                self.wrap_pending = false;
            }
            (_, 'C') => self.move_to_column(self.column + n()),
            (_, 'D') => self.move_to_column(self.column.saturating_sub(n())),
            (_, 'G') => self.move_to_column(n() - 1),
            ("" | "0", 'J') => {
                self.clear_row_from(self.column);
                for row in &mut self.rows[self.row + 1..] {
                    row.fill(' ');
                }
            }
            ("" | "0", 'K') => self.clear_row_from(self.column),
            ("2", 'K') => self.clear_row_from(0),
            _ => panic!("unexpected escape sequence ESC [ {parameters} {last}"),
        }
    }

    fn clear_row_from(&mut self, column: usize) {
        self.rows[self.row][column..].fill(' ');
    }
}

#[test]
fn the_screen_wraps_late_and_erases_as_xterm_does() {
    let mut screen = Screen::new(5, 3);
    // Five characters fill the row; the cursor waits in the last column until the sixth.
    screen.play("abcde\r\x1b[Kxy\n\rline two is long\x1b[2A\r\x1b[J?");
    assert_eq!(
        screen.text(),
        "xy\nline\n?\n",
        "what scrolled off stays above"
    );
    let mut screen = Screen::new(5, 2);
    screen.play("one\r\ntwo\r\nthree\x1b[1D\x1b[0K!");
    assert_eq!(screen.text(), "one\ntwo\nthr!\n");
    let mut screen = Screen::new(4, 2);
    screen.play("aデ\x1b[1Gb\x1b[2Cc");
    assert_eq!(screen.text(), "bデc\n");
}
