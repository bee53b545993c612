//! What comparing two mentions concludes: they are one figure, one figure stated two
//! ways that disagree (and how), or unrelated; and the dateline partial dates fill from.
//! Plain types shared by the comparisons of figures (`relate`) and of dates (`days`).

/// What a document's dateline (or its date) says: the day its partial dates fill from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Dateline {
    pub year: Option<i32>,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

/// What is wrong with two statements of one figure.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Problem {
    /// Different values (1007 and 1070).
    Value,
    /// A power of ten apart with the same digits (1.4万亿 and "1.4 billion").
    Magnitude,
    /// The same number with units that differ by a factor (6000亩 and "6,000 acres").
    Unit,
    /// The same number counting different things (13户 and "13 villagers").
    Referent,
    /// Dates, weekdays or clock times that disagree.
    Date,
}

/// How two mentions relate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Relation {
    Same,
    Differ(Problem),
    Unrelated,
}
