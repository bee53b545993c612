//! Flags a date, weekday or clock time of a translation or reprint that disagrees with
//! its source.
//!
//! Why: dates and times are not claims for stories across outlets (every outlet writes
//! its own "today"), but a translation must keep them: the day a flood formed or the
//! minute a student crossed a border is the news.
//!
//! Chinese: `列车于7月6日19时54分驶出车站` rendered as "the train left the station at 19:00
//! on July 6": flagged on "19:00". `首批货物26日运抵` under a July dateline rendered as
//! "arrived on July 6th": flagged.
//! English: `23日宣布` in a July 2020 report rendered as "announced on Wednesday" (23 July
//! 2020 was a Thursday) is flagged when the year is known.
//!
//! A day written alone (`26日`) takes its month and year from the dateline (`本报杭州7月26日电`)
//! or the document's date; weekdays are computed from full dates only. A clock time
//! written without a.m. or p.m. ("7:54") may stand for either half of the day.

use super::{parallel, CorpusData, Rule};
use crate::finding::Finding;
use crate::parallel::{Issue, Problem};

pub(super) const ID: &str = "date-mismatch";

pub struct DateMismatch;

impl Rule for DateMismatch {
    fn id(&self) -> &'static str {
        ID
    }

    fn check_corpus(&self, data: &CorpusData<'_>) -> Vec<Finding> {
        parallel::findings(ID, data, &|i| i == Issue::Differ(Problem::Date))
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::flagged_in_translation;

    #[test]
    fn a_changed_day_is_flagged() {
        assert_eq!(flagged_in_translation(super::ID, ("on July 5", "on July 15")), ["bridge.en.txt: July 15"]);
    }

    #[test]
    fn the_same_day_in_other_words_is_not() {
        assert!(flagged_in_translation(super::ID, ("", "")).is_empty());
        assert!(flagged_in_translation(super::ID, ("on July 5", "on the 5th")).is_empty());
    }
}
