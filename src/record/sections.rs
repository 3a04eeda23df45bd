//! A record's sections, their headings and texts end to end in one string.
//!
//! A log-wide `lint` or `graph` parses ten thousand records, and one of ours has some twenty
//! sections: a `String` for each heading (and each text) was about a quarter of the
//! allocations of a record's parse. Here a record's sections take two, whatever their number.

use std::fmt;
use std::ops::Range;

/// A `##`-or-deeper heading (or a level-1 heading after the title) and the text under it,
/// up to the next heading of the same or a higher level (so "Decision Outcome" includes
/// its "Consequences"). Borrowed from the record's [`Sections`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Section<'r> {
    pub heading: &'r str,
    /// 2 for `##`, 3 for `###`, …
    pub level: usize,
    /// The heading's line, counting from 1.
    pub line: usize,
    /// The text under the heading, without leading and trailing blank lines.
    pub body: &'r str,
    /// The line `body` starts on (the heading's line when the body is empty).
    pub body_line: usize,
}

/// Where one section's heading and text end in [`Sections::text`]; its heading starts
/// where the section before it ends.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Entry {
    heading_end: usize,
    body_end: usize,
    level: usize,
    line: usize,
    body_line: usize,
}

/// A record's sections in the order written.
#[derive(Clone, Default, PartialEq, Eq)]
pub(crate) struct Sections {
    text: String,
    entries: Vec<Entry>,
}

impl Sections {
    /// Room for `sections` sections of `bytes` bytes of headings and text in all.
    pub(crate) fn with_capacity(sections: usize, bytes: usize) -> Sections {
        Sections {
            text: String::with_capacity(bytes),
            entries: Vec::with_capacity(sections),
        }
    }

    pub(crate) fn push(&mut self, section: Section<'_>) {
        self.text.push_str(section.heading);
        let heading_end = self.text.len();
        self.text.push_str(section.body);
        self.entries.push(Entry {
            heading_end,
            body_end: self.text.len(),
            level: section.level,
            line: section.line,
            body_line: section.body_line,
        });
    }

    pub(crate) fn len(&self) -> usize {
        self.entries.len()
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub(crate) fn get(&self, index: usize) -> Option<Section<'_>> {
        let entry = self.entries.get(index)?;
        let start = match index {
            0 => 0,
            _ => self.entries[index - 1].body_end,
        };
        Some(Section {
            heading: &self.text[start..entry.heading_end],
            level: entry.level,
            line: entry.line,
            body: &self.text[entry.heading_end..entry.body_end],
            body_line: entry.body_line,
        })
    }

    pub(crate) fn first(&self) -> Option<Section<'_>> {
        self.get(0)
    }

    pub(crate) fn iter(&self) -> Iter<'_> {
        Iter {
            sections: self,
            indices: 0..self.len(),
        }
    }

    /// Give back what was reserved: a listing keeps ten thousand records.
    pub(crate) fn shrink_to_fit(&mut self) {
        self.text.shrink_to_fit();
        self.entries.shrink_to_fit();
    }
}

impl fmt::Debug for Sections {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

/// The sections of a record, in order.
#[derive(Clone)]
pub(crate) struct Iter<'r> {
    sections: &'r Sections,
    indices: Range<usize>,
}

impl<'r> Iterator for Iter<'r> {
    type Item = Section<'r>;

    fn next(&mut self) -> Option<Section<'r>> {
        let index = self.indices.next()?;
        self.sections.get(index)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.indices.size_hint()
    }
}

impl DoubleEndedIterator for Iter<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        let index = self.indices.next_back()?;
        self.sections.get(index)
    }
}

impl ExactSizeIterator for Iter<'_> {}

impl<'r> IntoIterator for &'r Sections {
    type Item = Section<'r>;
    type IntoIter = Iter<'r>;

    fn into_iter(self) -> Iter<'r> {
        self.iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn section<'a>(heading: &'a str, level: usize, body: &'a str) -> Section<'a> {
        Section {
            heading,
            level,
            line: level * 10,
            body,
            body_line: level * 10 + 2,
        }
    }

    #[test]
    fn sections_read_back_as_pushed() {
        let pushed = [
            section("Context", 2, "Why we ask."),
            section("", 2, ""),
            section("Pros and Cons", 3, ""),
            section("Ünïcode", 4, "é\nà"),
            section("References", 2, "> a quote"),
        ];
        let mut sections = Sections::default();
        assert!(sections.is_empty());
        for one in pushed {
            sections.push(one);
        }
        assert_eq!(sections.len(), pushed.len());
        assert_eq!(sections.iter().collect::<Vec<_>>(), pushed);
        assert_eq!(
            sections.iter().rev().collect::<Vec<_>>(),
            pushed.iter().rev().copied().collect::<Vec<_>>()
        );
        assert_eq!(sections.first(), Some(pushed[0]));
        assert_eq!(sections.get(pushed.len()), None);
        assert_eq!((&sections).into_iter().len(), pushed.len());
        sections.shrink_to_fit();
        assert_eq!(sections.iter().collect::<Vec<_>>(), pushed);
    }

    #[test]
    fn equal_sections_compare_equal_whatever_was_reserved() {
        let mut small = Sections::default();
        let mut large = Sections::with_capacity(10, 1000);
        for sections in [&mut small, &mut large] {
            sections.push(section("Status", 2, "Accepted"));
        }
        assert_eq!(small, large);
        assert_eq!(format!("{small:?}"), format!("{large:?}"));
    }
}
