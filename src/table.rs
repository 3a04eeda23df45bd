//! Plain-text tables whose columns line up in a terminal: cells are measured by display
//! width, so a Japanese title or an emoji (two columns each) does not push the next
//! column out of line. The last column is not padded.

use unicode_width::UnicodeWidthStr;

/// How many terminal columns `text` takes.
pub(crate) fn width(text: &str) -> usize {
    // Every ASCII character but the control ones takes one column, and tables are mostly
    // ASCII; control characters count as none, so they go the long way.
    if text.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        return text.len();
    }
    text.width()
}

/// `text` followed by spaces up to `columns` display columns.
pub(crate) fn pad(text: &str, columns: usize) -> String {
    let mut out = String::with_capacity(text.len() + columns);
    out.push_str(text);
    out.extend(std::iter::repeat_n(
        ' ',
        columns.saturating_sub(width(text)),
    ));
    out
}

/// The rows as lines, columns two spaces apart, each as wide as its widest cell.
pub(crate) fn render<R: AsRef<[String]>>(rows: &[R]) -> String {
    let columns = rows.iter().map(|r| r.as_ref().len()).max().unwrap_or(0);
    let mut widths = vec![0; columns];
    for row in rows {
        for (width, cell) in widths.iter_mut().zip(row.as_ref()) {
            *width = (*width).max(self::width(cell));
        }
    }
    let mut out =
        String::with_capacity(rows.len() * (widths.iter().sum::<usize>() + 2 * columns + 1));
    for row in rows {
        let cells = row.as_ref();
        for (index, cell) in cells.iter().enumerate() {
            if index + 1 < cells.len() {
                out.push_str(cell);
                out.extend(std::iter::repeat_n(' ', widths[index] - width(cell) + 2));
            } else {
                out.push_str(cell);
            }
        }
        out.push('\n');
    }
    out
}

/// [`render`] for rows made on demand. Rows are made on every core, a run of rows each,
/// and their cells written one after the other into the run's text while the widths are
/// gathered; then the lines are written, padded, on every core. The rows are read from
/// records that other threads parsed, and a `decide list` of ten thousand spent a tenth
/// of its time waiting for them to come into one core's cache. Each row is made once:
/// making it again to write it cost a tenth of `decide list`, and a run's text holds its
/// cells in one allocation, where ten thousand rows of cells would take thirty thousand.
pub(crate) fn render_with<'a, const N: usize>(
    header: [&'a str; N],
    rows: usize,
    row: impl Fn(usize) -> [std::borrow::Cow<'a, str>; N] + Sync,
) -> String {
    const RUN: usize = 64;
    /// A run's cells, one after the other, and where each ends.
    struct Run<const N: usize> {
        text: String,
        ends: Vec<[usize; N]>,
        widths: [usize; N],
    }
    let runs: Vec<std::ops::Range<usize>> = (0..rows)
        .step_by(RUN)
        .map(|start| start..rows.min(start + RUN))
        .collect();
    let made = crate::parallel::map(&runs, |run| {
        let mut made = Run {
            text: String::new(),
            ends: Vec::with_capacity(run.len()),
            widths: [0; N],
        };
        for index in run.clone() {
            let cells = row(index);
            let mut ends = [0; N];
            for ((cell, end), w) in cells.iter().zip(&mut ends).zip(&mut made.widths) {
                made.text.push_str(cell);
                *end = made.text.len();
                *w = (*w).max(width(cell));
            }
            made.ends.push(ends);
        }
        made
    });
    let mut widths = header.map(width);
    for run in &made {
        for (w, run) in widths.iter_mut().zip(run.widths) {
            *w = (*w).max(run);
        }
    }
    let line = |out: &mut String, cells: [&str; N]| {
        for (index, cell) in cells.iter().enumerate() {
            out.push_str(cell);
            if index + 1 < N {
                out.extend(std::iter::repeat_n(' ', widths[index] - width(cell) + 2));
            }
        }
        out.push('\n');
    };
    let line_length = widths.iter().sum::<usize>() + 2 * N + 1;
    let written = crate::parallel::map(&made, |run| {
        let mut out = String::with_capacity(run.ends.len() * line_length);
        let mut start = 0;
        for ends in &run.ends {
            let cells = ends.map(|end| {
                let cell = &run.text[start..end];
                start = end;
                cell
            });
            line(&mut out, cells);
        }
        out
    });
    let mut out = String::with_capacity((rows + 1) * line_length);
    line(&mut out, header);
    for text in written {
        out.push_str(&text);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_characters_count_twice() {
        let rows = vec![
            vec!["#".to_string(), "Title".to_string(), "Status".to_string()],
            vec![
                "0001".to_string(),
                "データベースを選ぶ".to_string(),
                "accepted".to_string(),
            ],
            vec![
                "0002".to_string(),
                "Ship it 🚀".to_string(),
                "proposed".to_string(),
            ],
            vec![
                "0003".to_string(),
                "Dead Letter — Kafka".to_string(),
                "-".to_string(),
            ],
        ];
        let out = render(&rows);
        let status_columns: Vec<usize> = out
            .lines()
            .map(|line| {
                let at = line
                    .find("Status")
                    .or_else(|| line.find("accepted"))
                    .or_else(|| line.find("proposed"))
                    .or_else(|| line.rfind('-'))
                    .unwrap();
                width(&line[..at])
            })
            .collect();
        assert!(status_columns.windows(2).all(|w| w[0] == w[1]), "{out}");
        let streamed = render_with(["#", "Title", "Status"], rows.len() - 1, |i| {
            let row = &rows[i + 1];
            [0, 1, 2].map(|c| std::borrow::Cow::Borrowed(row[c].as_str()))
        });
        assert_eq!(streamed, out);
        assert_eq!(pad("日本", 5), "日本 ");
    }

    #[test]
    fn rows_made_on_every_core_line_up_as_rows_made_in_one_pass() {
        // Several hundred rows, so they are measured and written in runs on several
        // threads; the widest cell of each column sits in a different run.
        let rows: Vec<Vec<String>> = (0..700)
            .map(|i| {
                let long = |column: usize| i == 150 * column + 10;
                vec![
                    format!("{i:04}"),
                    if long(1) {
                        "A title far longer than the others".into()
                    } else {
                        format!("Title {i}")
                    },
                    if long(2) {
                        "superseded by 0042".into()
                    } else {
                        "accepted".into()
                    },
                    if long(3) {
                        "データベース".into()
                    } else {
                        "-".into()
                    },
                ]
            })
            .collect();
        let mut all = vec![["#", "Title", "Status", "Door"].map(String::from).to_vec()];
        all.extend(rows.iter().cloned());
        let streamed = render_with(["#", "Title", "Status", "Door"], rows.len(), |i| {
            [0, 1, 2, 3].map(|c| std::borrow::Cow::Borrowed(rows[i][c].as_str()))
        });
        assert_eq!(streamed, render(&all));
        assert_eq!(streamed.lines().count(), 701);
    }
}
