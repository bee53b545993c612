//! Flags a figure of the source that its translation or reprint does not state: a
//! dropped clause, a truncated paragraph or headline, a paragraph left out.
//!
//! Why: a figure that disappears in translation is a fact the reader never gets, and no
//! contradiction rule can see what is not there.
//!
//! Chinese: the source says `市长26日在调度会上要求` and the translation "the mayor asked
//! at a meeting": `26日` is missing from the aligned segment, flagged there.
//! English: a headline `某市新增17例本地病例` cut to "City reports new local cases" loses
//! its 17: flagged on the headline.
//!
//! Every numeric mention counts: quantities, dates, clock times, years, ordinals (`第三届`)
//! and bare figures; bare Chinese numerals (`三峡`, `两岸`), vague amounts (`数亿`) and
//! days named relative to the dateline (`今天`) do not. A figure stated anywhere in the
//! aligned paragraph pair or the pairs next to it, in any form (`26日` as "July 26",
//! "the 26th" or the right weekday), is not missing. The finding sits on the target
//! segment aligned with the source sentence; where a whole paragraph is missing, at the
//! place it would stand.

use super::{parallel, CorpusData, Rule};
use crate::finding::Finding;
use crate::parallel::Issue;

pub(super) const ID: &str = "missing-figure";

pub struct MissingFigure;

impl Rule for MissingFigure {
    fn id(&self) -> &'static str {
        ID
    }

    fn check_corpus(&self, data: &CorpusData<'_>) -> Vec<Finding> {
        parallel::findings(ID, data, &|i| i == Issue::Missing)
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::flagged_in_translation;

    #[test]
    fn a_dropped_clause_is_flagged_on_its_segment() {
        let flagged = flagged_in_translation(super::ID, (", 3.2% less than planned", ""));
        assert_eq!(flagged.len(), 1, "{flagged:?}");
        assert!(
            flagged[0].starts_with("bridge.en.txt: CHONGQING, July 6") && flagged[0].ends_with("4.65 billion yuan.")
        );
    }

    #[test]
    fn a_figure_in_other_words_is_not_missing() {
        assert!(flagged_in_translation(super::ID, ("", "")).is_empty());
        assert!(flagged_in_translation(super::ID, ("3.2% less", "3.2 percent less")).is_empty());
    }
}
