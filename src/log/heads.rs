//! What `list` and `index` keep of a record (its head: see `lighten` in the parent
//! module), as a line of the `heads` cache ([`super::record_cache`]).

use std::path::Path;

use super::record_cache::{Cacheable, Fields, Line};
use crate::record::parse::{HeadingNumber, Problem, ProblemKind, TitleFrom};
use crate::record::{Format, Record};

impl Cacheable for Box<Record> {
    const NAME: &'static str = "heads";

    fn encode(&self, line: &mut Line) -> Option<()> {
        let r = self;
        line.number(r.number);
        line.field().date(r.file_date);
        line.field().text(&r.title)?;
        line.field().number(Some(r.title_line));
        line.field().letter(match r.title_from {
            TitleFrom::Heading => 'h',
            TitleFrom::FrontMatter => 'm',
            TitleFrom::Field => 'f',
            TitleFrom::FileName => 'n',
        });
        line.field();
        match r.heading_number {
            HeadingNumber::None => line.letter('-'),
            HeadingNumber::Placeholder => line.letter('n'),
            HeadingNumber::Number(n) => line.number(Some(n)),
        }
        line.field().optional_text(r.status.as_deref())?;
        line.field().number(r.status_line);
        line.field().date(r.date);
        line.field().letter(match r.format {
            Format::Decide => 'd',
            Format::Madr => 'm',
            Format::Nygard => 'n',
        });
        line.field().number(Some(r.front_matter_end));
        line.field().texts(&r.decision_makers)?;
        line.field().texts(&r.tags)?;
        line.field().optional_text(r.door.as_deref())?;
        line.field().date(r.review_by);
        line.field().date(r.decide_by);
        line.field().date(r.reviewed);
        line.field().flag(r.month_only);
        line.flag(r.successor_in_text);
        line.flag(r.complete);
        line.flag(r.reviews_settled);
        // Problems as text: a kind, its line, its message.
        let problems: Vec<String> = r
            .problems
            .iter()
            .flat_map(|p| {
                let line = p.line.map(|l| l.to_string()).unwrap_or_default();
                [p.kind.id().to_string(), line, p.message.clone()]
            })
            .collect();
        line.field().texts(&problems)
    }

    fn decode(fields: &mut Fields<'_>, path: &Path) -> Option<Box<Record>> {
        let number = fields.optional_number()?;
        let file_date = fields.date()?;
        let title = fields.text()?;
        let title_line = fields.number()?;
        let title_from = match fields.letter()? {
            'h' => TitleFrom::Heading,
            'm' => TitleFrom::FrontMatter,
            'f' => TitleFrom::Field,
            'n' => TitleFrom::FileName,
            _ => return None,
        };
        let heading_number = match fields.next()? {
            "-" => HeadingNumber::None,
            "n" => HeadingNumber::Placeholder,
            digits => HeadingNumber::Number(digits.parse().ok()?),
        };
        let status = fields.optional_text()?;
        let status_line = fields.optional_number()?;
        let date = fields.date()?;
        let format = match fields.letter()? {
            'd' => Format::Decide,
            'm' => Format::Madr,
            'n' => Format::Nygard,
            _ => return None,
        };
        let front_matter_end = fields.number()?;
        let decision_makers = fields.texts()?;
        let tags = fields.texts()?;
        let door = fields.optional_text()?;
        let review_by = fields.date()?;
        let decide_by = fields.date()?;
        let reviewed = fields.date()?;
        let [month_only, successor_in_text, complete, reviews_settled] = fields.flags()?;
        let problems = problems(fields.texts()?)?;
        Some(Box::new(Record {
            path: path.to_path_buf(),
            number,
            file_date,
            title,
            title_line,
            title_from,
            heading_number,
            status,
            status_line,
            status_written: None,
            statuses: Vec::new(),
            date,
            month_only,
            format,
            front_matter: Default::default(),
            front_matter_keys: Vec::new(),
            front_matter_end,
            decision_makers,
            tags,
            door,
            review_by,
            decide_by,
            reviewed,
            sections: Default::default(),
            links: Vec::new(),
            mentions: Vec::new(),
            successor_in_text,
            problems,
            complete,
            reviews_settled,
        }))
    }
}

/// Problems from their texts in threes: kind, line, message.
fn problems(texts: Vec<String>) -> Option<Vec<Problem>> {
    if !texts.len().is_multiple_of(3) {
        return None;
    }
    let mut texts = texts.into_iter();
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
            message,
        });
    }
    Some(problems)
}

#[cfg(test)]
mod tests {
    use super::super::record_cache::round_trip;
    use super::super::record_cache::tests::{assert_damage_is_refused, fixture_records};
    use super::*;

    fn head(path: &Path, text: &str) -> Option<Box<Record>> {
        match crate::record::parse::parse_head(path, text, false) {
            Ok(crate::record::parse::Parsed::Done(record)) => {
                Some(Box::new(super::super::lighten(*record)))
            }
            _ => None,
        }
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
            if let Some(back) = round_trip(&record, &path) {
                assert_eq!(back, record, "{}", path.display());
                checked += 1;
            }
        }
        assert!(checked > 100, "only {checked} fixture records were checked");
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
            record.status = status.clone();
            let back = round_trip(&record, path);
            assert_eq!(back.is_some(), cached, "{status:?}");
            if let Some(back) = back {
                assert_eq!(back.status, status);
            }
        }
        record.status = Some("accepted".to_string());
        for tags in [vec![], vec![String::new()], vec!["a".into(), "b c".into()]] {
            record.tags = tags.clone();
            assert_eq!(round_trip(&record, path).unwrap().tags, tags);
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
        record.tags = vec!["a".into()];
        // The title (3) and the problems (19), whose messages hold any text.
        assert_damage_is_refused(&record, path, &[3, 19]);
    }
}
