//! Flags a figure of a translation or reprint that keeps the number of its source but
//! not its unit: the same number in a unit that differs by a factor, or counting
//! something else.
//!
//! Why: a translator who writes the digits right and the unit wrong changes the fact as
//! much as one who changes the digits, and no digit comparison sees it. Chinese land is
//! measured in 亩 (1/15 hectare), weight in 斤 (half a kilogram), distance in 里 (half a
//! kilometre); rendered as acres, kilograms or miles they are wrong by ×6.07, ×2, ×3.2.
//!
//! Chinese: the source says 合作社今年流转土地6000多亩 and the translation "the co-op leased
//! more than 6,000 acres this year": flagged on "6,000 acres", which is about 990 acres.
//! English: `13户村民` rendered as "13 villagers" counts people where the source counts
//! households: flagged. "more than 6,000 mu (about 400 hectares)" is not.
//!
//! Conversion factors are data: `[conversions]` in `rules/lexicon/units.toml` (extend them
//! with a lexicon file); counted things are the `[[counter]]` entries of the glossary.
//! Converted values within 5% of each other are the same figure, rounded.

use super::{parallel, CorpusData, Rule};
use crate::finding::Finding;
use crate::parallel::{Issue, Problem};

pub(super) const ID: &str = "unit-mismatch";

pub struct UnitMismatch;

impl Rule for UnitMismatch {
    fn id(&self) -> &'static str {
        ID
    }

    fn check_corpus(&self, data: &CorpusData<'_>) -> Vec<Finding> {
        let wanted = |i: Issue| matches!(i, Issue::Differ(Problem::Unit | Problem::Referent));
        parallel::findings(ID, data, &wanted)
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::flagged_in_translation;

    #[test]
    fn the_source_number_in_another_unit_is_flagged() {
        assert_eq!(flagged_in_translation(super::ID, ("1,680 meters", "1,680 feet")), ["bridge.en.txt: 1,680 feet"]);
    }

    #[test]
    fn a_converted_figure_is_not() {
        assert!(flagged_in_translation(super::ID, ("", "")).is_empty());
        assert!(flagged_in_translation(super::ID, ("1,680 meters", "1.68 kilometers")).is_empty());
    }
}
