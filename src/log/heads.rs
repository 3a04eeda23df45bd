//! What `list`, `index` and `review` keep of a record ([`Head`]), as a line of the
//! `heads` cache ([`super::record_cache`]).

use std::borrow::Cow;
use std::path::Path;

use chrono::NaiveDate;

use super::record_cache::{Cacheable, Fields, Line};
use crate::record::parse::{Problem, ProblemKind};
use crate::record::{Format, Record};

/// A record's head: what listings show of it and what they filter on. Taken from the
/// cache, its text is borrowed from the cache's and its path from the log's listing, so
/// ten thousand heads cost no allocation each (a whole [`Record`] took six, and 464
/// bytes); read afresh, it owns its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Head<'a> {
    pub path: &'a Path,
    pub number: Option<u32>,
    pub title: Cow<'a, str>,
    pub title_line: usize,
    pub status: Option<Cow<'a, str>>,
    pub date: Option<NaiveDate>,
    pub month_only: bool,
    pub format: Format,
    pub tags: Vec<Cow<'a, str>>,
    pub door: Option<Cow<'a, str>>,
    pub review_by: Option<NaiveDate>,
    pub decide_by: Option<NaiveDate>,
    pub reviewed: Option<NaiveDate>,
    /// As [`Record::reviews_settled`]: `review_by` and `reviewed` are what the whole
    /// record says.
    pub reviews_settled: bool,
    pub problems: Vec<Problem>,
}

impl<'a> Head<'a> {
    /// The head of `record`, read from `path`: its text moved, not copied.
    pub(crate) fn of(record: Record, path: &'a Path) -> Head<'a> {
        Head {
            path,
            number: record.number,
            title: Cow::Owned(record.title),
            title_line: record.title_line,
            status: record.status.map(Cow::Owned),
            date: record.date,
            month_only: record.month_only,
            format: record.format,
            tags: record.tags.into_iter().map(Cow::Owned).collect(),
            door: record.door.map(Cow::Owned),
            review_by: record.review_by,
            decide_by: record.decide_by,
            reviewed: record.reviewed,
            reviews_settled: record.reviews_settled,
            problems: record.problems,
        }
    }
}

crate::record::listing::listing_by_fields!(Head<'_>);

impl<'a> Cacheable<'a> for Head<'a> {
    const NAME: &'static str = "heads";

    fn encode(&self, line: &mut Line) -> Option<()> {
        line.number(self.number);
        line.field().text(&self.title)?;
        line.field().number(Some(self.title_line));
        line.field().optional_text(self.status.as_deref())?;
        line.field().date(self.date);
        line.field().letter(match self.format {
            Format::Decide => 'd',
            Format::Madr => 'm',
            Format::Nygard => 'n',
        });
        line.field().texts(&self.tags)?;
        line.field().optional_text(self.door.as_deref())?;
        line.field().date(self.review_by);
        line.field().date(self.decide_by);
        line.field().date(self.reviewed);
        line.field().flag(self.month_only);
        line.flag(self.reviews_settled);
        // Problems as text: a kind, its line, its message.
        let problems: Vec<String> = self
            .problems
            .iter()
            .flat_map(|p| {
                let line = p.line.map(|l| l.to_string()).unwrap_or_default();
                [p.kind.id().to_string(), line, p.message.clone()]
            })
            .collect();
        line.field().texts(&problems)
    }

    fn decode(fields: &mut Fields<'a>, path: &'a Path) -> Option<Head<'a>> {
        let number = fields.optional_number()?;
        let title = Cow::Borrowed(fields.next()?);
        let title_line = fields.number()?;
        let status = fields.optional_str()?.map(Cow::Borrowed);
        let date = fields.date()?;
        let format = match fields.letter()? {
            'd' => Format::Decide,
            'm' => Format::Madr,
            'n' => Format::Nygard,
            _ => return None,
        };
        let tags = fields.items(Cow::Borrowed)?;
        let door = fields.optional_str()?.map(Cow::Borrowed);
        let review_by = fields.date()?;
        let decide_by = fields.date()?;
        let reviewed = fields.date()?;
        let [month_only, reviews_settled] = fields.flags()?;
        let problems = problems(&fields.items(|text| text)?)?;
        Some(Head {
            path,
            number,
            title,
            title_line,
            status,
            date,
            month_only,
            format,
            tags,
            door,
            review_by,
            decide_by,
            reviewed,
            reviews_settled,
            problems,
        })
    }
}

/// Problems from their texts in threes: kind, line, message.
fn problems(texts: &[&str]) -> Option<Vec<Problem>> {
    if !texts.len().is_multiple_of(3) {
        return None;
    }
    let mut texts = texts.iter().copied();
    let mut problems = Vec::with_capacity(texts.len() / 3);
    while let (Some(id), Some(line), Some(message)) = (texts.next(), texts.next(), texts.next()) {
        let kind = ProblemKind::ALL.iter().copied().find(|k| k.id() == id)?;
        let line = if line.is_empty() {
            None
        } else {
            Some(line.parse().ok()?)
        };
        problems.push(Problem {
            kind,
            line,
            message: message.to_string(),
        });
    }
    Some(problems)
}

#[cfg(test)]
mod tests {
    use super::super::record_cache::tests::{
        assert_damage_is_refused_by, decode_fields, encoded_fields, fields_of, fixture_records,
    };
    use super::*;

    fn head<'a>(path: &'a Path, text: &str) -> Option<Head<'a>> {
        match crate::record::parse::parse_head(path, text, false) {
            Ok(crate::record::parse::Parsed::Done(record)) => Some(Head::of(*record, path)),
            _ => None,
        }
    }

    /// `head` as the cache gives it back: borrowing `line`, where its fields are put.
    fn round_trip<'a>(head: &Head<'_>, line: &'a mut String, path: &'a Path) -> Option<Head<'a>> {
        *line = encoded_fields(head)?;
        decode_fields(line, path)
    }

    #[test]
    fn every_fixture_record_comes_back_from_the_cache_as_it_was_read() {
        let mut checked = 0;
        for path in fixture_records() {
            let Ok(text) = std::fs::read_to_string(&path) else {
                continue;
            };
            let Some(record) = head(&path, &text) else {
                continue;
            };
            let mut line = String::new();
            if let Some(back) = round_trip(&record, &mut line, &path) {
                assert_eq!(back, record, "{}", path.display());
                checked += 1;
            }
        }
        assert!(checked > 100, "only {checked} fixture records were checked");
    }

    #[test]
    fn a_head_from_the_cache_borrows_its_text() {
        let path = Path::new("0001-a.md");
        let text = "---\nstatus: accepted\ndoor: one-way\ntags: [a]\n---\n\n# Use a queue\n";
        let record = head(path, text).unwrap();
        let mut line = String::new();
        let back = round_trip(&record, &mut line, path).unwrap();
        assert!(matches!(back.title, Cow::Borrowed("Use a queue")));
        assert!(matches!(back.status, Some(Cow::Borrowed("accepted"))));
        assert!(matches!(back.door, Some(Cow::Borrowed("one-way"))));
        assert!(matches!(back.tags[..], [Cow::Borrowed("a")]));
    }

    #[test]
    fn values_the_separators_cannot_hold_are_told_apart() {
        let path = Path::new("0001-a.md");
        let text = "---\nstatus: accepted\ntags: [a, b]\n---\n\n# Use a queue\n";
        let mut record = head(path, text).unwrap();
        for (status, cached) in [
            (Some(String::new()), true),
            (None, true),
            (Some("on hold".to_string()), true),
            (Some("odd\u{1f}word".to_string()), false),
            (Some("odd\u{1e}word".to_string()), false),
            (Some("odd\nword".to_string()), false),
        ] {
            record.status = status.clone().map(Cow::Owned);
            let mut line = String::new();
            let back = round_trip(&record, &mut line, path);
            assert_eq!(back.is_some(), cached, "{status:?}");
            if let Some(back) = back {
                assert_eq!(back.status.map(Cow::into_owned), status);
            }
        }
        record.status = Some(Cow::Borrowed("accepted"));
        for tags in [vec![], vec![""], vec!["a", "b c"]] {
            record.tags = tags.iter().map(|t| Cow::Borrowed(*t)).collect();
            let mut line = String::new();
            let back = round_trip(&record, &mut line, path).unwrap();
            assert_eq!(back.tags, record.tags);
        }
    }

    #[test]
    fn a_head_line_that_does_not_decode_is_no_record() {
        let path = Path::new("0001-a.md");
        let text = "# 1. Use a queue\n\n## Status\n\nSuperseded\n\nDate: 2024-01-02\n";
        let mut record = head(path, text).unwrap();
        record.problems.push(Problem {
            kind: ProblemKind::InvalidDate,
            line: Some(3),
            message: "a date that is not one".into(),
        });
        record.tags = vec![Cow::Borrowed("a")];
        // The title (2) and the problems (13), whose messages hold any text.
        assert_damage_is_refused_by(
            &fields_of(&record),
            |fields| decode_fields::<Head<'_>>(fields, path).is_some(),
            &[2, 13],
        );
    }
}
