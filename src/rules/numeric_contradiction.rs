//! Flags a figure that cannot be true if the other reports of the same story are:
//! the same quantity, stated with intervals that do not overlap.
//!
//! Why: reprints, rewrites and translations drift. One changed digit turns a fact into a
//! falsehood, and nobody notices until a reader compares sources.
//!
//! Chinese: three reports say 全国1007家城市三级医院 and a fourth says 1070家 — the fourth is
//! flagged, with the three others as related locations.
//! English: the Chinese source says 1700多亿元 and the translation says "more than 120
//! billion yuan": the intervals [1.7e11, 1.8e11) and (1.2e11, ∞) overlap, so nothing is
//! said; "110 billion yuan" would be flagged.
//!
//! Stories are found without being told (shared distinctive figures, dates); claims are
//! aligned by value, by the words before them (in one language) and by their order
//! (across languages, checked against the bilingual glossary in `rules/glossary.toml`).
//! Qualifiers widen the interval (多, 近, 约, 以上, "more than", "nearly"), and so does
//! the rounding of the written figure. Figures more than three times apart are taken as
//! different quantities and left alone; run `-v` to see why a pair was not compared.
//!
//! In parallel documents (a translation and its source, a reprint and its original) the
//! comparison is segment by segment: `本月签约项目54个` rendered as "43 projects were
//! signed this month" is flagged on the translation, with the source figure related.

use super::{outlier, parallel, CorpusData, Rule};
use crate::finding::Finding;
use crate::parallel::{Issue, Problem};
use crate::story::Status;

pub(super) const ID: &str = "numeric-contradiction";

pub struct NumericContradiction;

impl Rule for NumericContradiction {
    fn id(&self) -> &'static str {
        ID
    }

    fn check_corpus(&self, data: &CorpusData<'_>) -> Vec<Finding> {
        let wanted = |i: Issue| i == Issue::Differ(Problem::Value);
        parallel::without_repeats(outlier::findings(ID, Status::Conflict, data), parallel::findings(ID, data, &wanted))
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::flagged_in_translation;

    #[test]
    fn a_changed_figure_is_flagged_where_it_was_changed() {
        assert_eq!(
            flagged_in_translation(super::ID, ("1,680 meters", "1,860 meters")),
            ["bridge.en.txt: 1,860 meters"]
        );
        assert_eq!(flagged_in_translation(super::ID, ("8 lanes", "6 lanes")), ["bridge.en.txt: 6 lanes"]);
    }

    #[test]
    fn overlapping_intervals_are_no_contradiction() {
        assert!(flagged_in_translation(super::ID, ("", "")).is_empty());
        // 46.5亿元 rounds from 4.645 to 4.655 billion: "about 4.7 billion" may be true with it.
        assert!(flagged_in_translation(super::ID, ("4.65 billion", "about 4.7 billion")).is_empty());
        assert!(flagged_in_translation(super::ID, ("More than 2,300", "Over 2,300")).is_empty());
    }
}
