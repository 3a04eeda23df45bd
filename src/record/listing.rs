//! What listings and reviews read of a record, whether they hold the whole record
//! ([`super::Record`]) or only its head, as listings keep it.

use std::path::Path;

use chrono::NaiveDate;

use super::parse::Due;

/// A record's name, title, status and dates, and what they say about what is due.
pub(crate) trait Listing {
    fn path(&self) -> &Path;
    fn number(&self) -> Option<u32>;
    /// Plain text: number, status stamp and Markdown escapes removed.
    fn title(&self) -> &str;
    /// The heading's line; 0 when the title comes from the front matter or the file name.
    fn title_line(&self) -> usize;
    /// Lower case, as [`super::Record::status`].
    fn status(&self) -> Option<&str>;
    fn date(&self) -> Option<NaiveDate>;
    /// The date names a month (`2019-02`), not a day.
    fn month_only(&self) -> bool;
    fn review_by(&self) -> Option<NaiveDate>;
    fn decide_by(&self) -> Option<NaiveDate>;

    /// The date as written: `2019-02` for a month.
    fn date_text(&self) -> Option<String> {
        use chrono::Datelike;
        self.date().map(|date| {
            if self.month_only() {
                format!("{:04}-{:02}", date.year(), date.month())
            } else {
                crate::text::iso(date)
            }
        })
    }

    /// What the record waits for next, and by when: a decision, while it is proposed with
    /// a `decide-by` date; else a review, by its review date.
    fn due(&self) -> Option<(Due, NaiveDate)> {
        let proposed = self
            .status()
            .is_some_and(|s| s.trim().eq_ignore_ascii_case("proposed"));
        match self.decide_by() {
            Some(date) if proposed => Some((Due::Decision, date)),
            _ => self.review_by().map(|date| (Due::Review, date)),
        }
    }

    /// The date the record is next due by: its decide-by date or its review date.
    fn due_by(&self) -> Option<NaiveDate> {
        self.due().map(|(_, date)| date)
    }

    /// Whether a review (or a decision) is due on `today`.
    fn review_due(&self, today: NaiveDate) -> bool {
        self.due_by().is_some_and(|date| date <= today) && !self.is_closed()
    }

    /// Whether the review date (or the decide-by date) has passed (one due today is due,
    /// not overdue).
    fn review_overdue(&self, today: NaiveDate) -> bool {
        self.due_by().is_some_and(|date| date < today) && !self.is_closed()
    }

    /// Decisions no longer in force (superseded, rejected, deprecated, reverted, …) are
    /// not reviewed any more.
    fn is_closed(&self) -> bool {
        self.status().is_some_and(super::parse::no_longer_in_force)
    }
}

/// [`Listing`] for a type whose fields bear the names of the trait's methods, as
/// [`super::Record`] and a listing's head do.
macro_rules! listing_by_fields {
    ($type:ty) => {
        impl $crate::record::Listing for $type {
            fn path(&self) -> &std::path::Path {
                &self.path
            }
            fn number(&self) -> Option<u32> {
                self.number
            }
            fn title(&self) -> &str {
                &self.title
            }
            fn title_line(&self) -> usize {
                self.title_line
            }
            fn status(&self) -> Option<&str> {
                self.status.as_deref()
            }
            fn date(&self) -> Option<chrono::NaiveDate> {
                self.date
            }
            fn month_only(&self) -> bool {
                self.month_only
            }
            fn review_by(&self) -> Option<chrono::NaiveDate> {
                self.review_by
            }
            fn decide_by(&self) -> Option<chrono::NaiveDate> {
                self.decide_by
            }
        }
    };
}
pub(crate) use listing_by_fields;
