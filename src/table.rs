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

/// [`render`] for rows made on demand, each twice (to measure, then to write), so a
/// table of ten thousand rows never holds its cells all at once.
pub(crate) fn render_with<'a, const N: usize>(
    header: [&'a str; N],
    rows: usize,
    row: impl Fn(usize) -> [std::borrow::Cow<'a, str>; N],
) -> String {
    let mut widths = header.map(width);
    for index in 0..rows {
        for (w, cell) in widths.iter_mut().zip(row(index).iter()) {
            *w = (*w).max(width(cell));
        }
    }
    let mut out = String::with_capacity((rows + 1) * (widths.iter().sum::<usize>() + 2 * N + 1));
    let mut push = |cells: &[&str]| {
        for (index, cell) in cells.iter().enumerate() {
            out.push_str(cell);
            if index + 1 < cells.len() {
                out.extend(std::iter::repeat_n(' ', widths[index] - width(cell) + 2));
            }
        }
        out.push('\n');
    };
    push(&header);
    for index in 0..rows {
        let cells = row(index);
        let cells: Vec<&str> = cells.iter().map(AsRef::as_ref).collect();
        push(&cells);
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
}
