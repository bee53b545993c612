//! Flags a figure that is a power of ten away from what the other reports of the story
//! say, with the same significant digits: a scale word slipped.
//!
//! Why: 万, 亿 and 万亿 map to English as ten-thousand, hundred-million and trillion; a
//! translator or a scraper that misreads one is off by a thousand while every digit looks
//! right.
//!
//! Chinese: 中央财政累计投入资金1.4万亿元 in the source, 1.4亿元 in a reprint — flagged.
//! English: the source's 1.4万亿元 translated as "1.4 billion yuan" is flagged: 1.4e9
//! here, 1.4e12 in the other reports, off by a factor of 10^3.
//!
//! The comparison is the one of `numeric-contradiction`: the same quantity in one story,
//! intervals that do not overlap; this rule takes the cases whose ratio is 10^k and whose
//! digits agree. In a translation it is found segment by segment: `2030万元` rendered as
//! "203 million yuan" in the same sentence is flagged, off by a factor of 10.

use super::{outlier, parallel, CorpusData, Rule};
use crate::finding::Finding;
use crate::parallel::{Issue, Problem};
use crate::story::Status;

pub(super) const ID: &str = "magnitude-mismatch";

pub struct MagnitudeMismatch;

impl Rule for MagnitudeMismatch {
    fn id(&self) -> &'static str {
        ID
    }

    fn check_corpus(&self, data: &CorpusData<'_>) -> Vec<Finding> {
        let wanted = |i: Issue| i == Issue::Differ(Problem::Magnitude);
        parallel::without_repeats(outlier::findings(ID, Status::Magnitude, data), parallel::findings(ID, data, &wanted))
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::flagged_in_translation;

    #[test]
    fn a_slipped_scale_word_is_flagged() {
        let flagged = flagged_in_translation(super::ID, ("4.65 billion yuan", "465 million yuan"));
        assert_eq!(flagged, ["bridge.en.txt: 465 million yuan"]);
    }

    #[test]
    fn the_same_figure_in_other_words_is_not() {
        assert!(flagged_in_translation(super::ID, ("", "")).is_empty());
        assert!(flagged_in_translation(super::ID, ("4.65 billion yuan", "4,650 million yuan")).is_empty());
    }
}
