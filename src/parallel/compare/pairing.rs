//! What can be said of one source mention and one target mention: how they relate, how
//! plainly they state one figure, whether they count or measure the same kind of thing,
//! and which mentions take part at all (a bare Chinese numeral in a word, a number in a
//! title or a score does not).

use super::Side;
use crate::extract::mention::{Calendar, Kind, Mention};
use crate::extract::{Claim, Dimension, Qualifier};
use crate::parallel::relate::{Judge, Problem, Relation};
use std::cell::OnceCell;

/// The two sides of a pair and the judge of their mentions.
pub struct Pairing<'b, 'a> {
    pub judge: &'b Judge<'b>,
    pub source: &'b Side<'a>,
    pub target: &'b Side<'a>,
    /// The glossary concepts of each mention's clause, found when first asked for.
    source_concepts: Vec<OnceCell<Vec<usize>>>,
    target_concepts: Vec<OnceCell<Vec<usize>>>,
}

impl<'b, 'a> Pairing<'b, 'a> {
    pub fn new(judge: &'b Judge<'b>, source: &'b Side<'a>, target: &'b Side<'a>) -> Self {
        let cells = |n: usize| (0..n).map(|_| OnceCell::new()).collect();
        Pairing {
            judge,
            source,
            target,
            source_concepts: cells(source.mentions.len()),
            target_concepts: cells(target.mentions.len()),
        }
    }
}

impl Pairing<'_, '_> {
    pub fn relate(&self, s: usize, t: usize) -> Relation {
        self.judge.relate(
            &self.source.mentions[s],
            &self.source.dateline,
            &self.target.mentions[t],
            &self.target.dateline,
        )
    }

    /// How strongly `s` and `t` state one figure: the same value written the same way
    /// (3) beats an overlap of intervals (2), which beats the same number in another unit
    /// (1); 0 is no match.
    pub fn affinity(&self, s: usize, t: usize) -> u8 {
        if !self.counting_fits(s, t) {
            return 0;
        }
        match self.relate(s, t) {
            Relation::Same => {
                let (a, b) = (self.source.mentions[s].value(), self.target.mentions[t].value());
                if a.is_some() && a == b {
                    3
                } else {
                    2
                }
            }
            Relation::Differ(Problem::Unit | Problem::Referent) => 1,
            _ => 0,
        }
    }

    /// How `s` and `t` disagree, when they state one figure two ways that cannot both be
    /// true (not a unit or a referent: those are matches with a problem).
    pub fn differ(&self, s: usize, t: usize) -> Option<Problem> {
        match self.relate(s, t) {
            Relation::Differ(p)
                if !matches!(p, Problem::Unit | Problem::Referent)
                    && self.counting_fits(s, t)
                    && !self.concepts_differ(s, t) =>
            {
                Some(p)
            }
            _ => None,
        }
    }

    /// The glossary concepts named in the clause around each of two mentions.
    fn concepts(&self, s: usize, t: usize) -> (&[usize], &[usize]) {
        let of = |side: &Side<'_>, i: usize| self.judge.concepts(clause(side.text, &side.mentions[i]));
        (
            self.source_concepts[s].get_or_init(|| of(self.source, s)),
            self.target_concepts[t].get_or_init(|| of(self.target, t)),
        )
    }

    /// Both clauses name glossary concepts, and none in common (同比 and "month-on-month"):
    /// the two figures state different quantities.
    pub fn concepts_differ(&self, s: usize, t: usize) -> bool {
        let (a, b) = self.concepts(s, t);
        !a.is_empty() && !b.is_empty() && !a.iter().any(|x| b.contains(x))
    }

    /// Both clauses name the same glossary concepts (确诊 and "confirmed").
    pub fn concepts_agree(&self, s: usize, t: usize) -> bool {
        let (a, b) = self.concepts(s, t);
        !a.is_empty() && a == b
    }

    /// Whether two quantities count or measure the same kind of thing: one unit, one
    /// currency, or a counter that counts one of the words after the English number (`例`
    /// and "22 new confirmed COVID-19 cases").
    pub fn same_kind(&self, s: usize, t: usize) -> bool {
        let (Kind::Quantity(a), Kind::Quantity(b)) = (&self.source.mentions[s].kind, &self.target.mentions[t].kind)
        else {
            return false;
        };
        if a.dimension != b.dimension {
            return false;
        }
        if a.unit == b.unit {
            return true;
        }
        let noun_fits =
            |counter: &str, text: &str, c: &Claim| counted_noun(self.judge, text, c.number_end, counter, 5).is_some();
        a.dimension == Dimension::Count
            && (noun_fits(&a.unit, self.target.text, b) || noun_fits(&b.unit, self.source.text, a))
    }

    /// A counting word ("a caravan") stands for a count (`两辆大篷车`) only when the noun
    /// right after it is one the count's counter counts.
    pub fn counting_fits(&self, s: usize, t: usize) -> bool {
        let (ms, mt) = (&self.source.mentions[s], &self.target.mentions[t]);
        let (counting, text, count) = match (&ms.kind, &mt.kind) {
            (Kind::Counting(_), Kind::Quantity(c)) => (ms, self.source.text, c),
            (Kind::Quantity(c), Kind::Counting(_)) => (mt, self.target.text, c),
            (Kind::Counting(_), _) | (_, Kind::Counting(_)) => return false,
            _ => return true,
        };
        counted_noun(self.judge, text, counting.end, &count.unit, 1).is_some()
    }
}

/// The noun a counting word (or number) ending at `at` counts, among the next `reach`
/// words ("a new case"), when the counter `counter` can count it.
pub fn counted_noun<'t>(judge: &Judge<'_>, text: &'t str, at: usize, counter: &str, reach: usize) -> Option<&'t str> {
    text[at..]
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| !w.is_empty())
        .take(reach)
        .find(|w| judge.counter_fits(counter, w))
}

impl Side<'_> {
    /// Whether mention `i` can be matched or paired: not a bare number written in words
    /// (三峡, 陆上 and 九江 hold one; "one" is often a pronoun), not a score (`3-0`), not
    /// inside a title.
    pub fn pairable(&self, i: usize) -> bool {
        let m = &self.mentions[i];
        let bare = match &m.kind {
            Kind::Number(n) => n.spelled || score_like(self.text, m),
            _ => false,
        };
        !bare && !self.in_title(i)
    }

    pub fn in_title(&self, i: usize) -> bool {
        let m = &self.mentions[i];
        self.titles.iter().any(|t| t.start <= m.start && m.end <= t.end)
    }

    /// Whether source mention `i` missing from the target is worth a finding: figures,
    /// dates, times and ordinals; not a bare number written in Chinese numerals, a vague
    /// amount, a counting word, a day named relative to the dateline, or a count that
    /// restates what the words before it say (`福建、广东、海南3省`, `以上4人`).
    pub fn eligible(&self, i: usize) -> bool {
        let m = &self.mentions[i];
        let cal = Calendar::builtin();
        let kind = match &m.kind {
            Kind::Quantity(c) => {
                let vague = c.qualifier == Qualifier::Range && c.digits.is_empty();
                !vague && !crate::parallel::redundant::restates(cal, self.text, c)
            }
            Kind::Date(_) | Kind::Weekday(_) => true,
            // 0—24时 is the whole day: "on July 25".
            Kind::Time(t) => t.minute.is_some() || !matches!(t.hour, 0 | 24),
            // 第一 and 第二 are as often "top", "leading" or "sequel" as first and second.
            Kind::Ordinal(n, _) => (3..=100).contains(n),
            Kind::Number(n) => {
                !n.spelled
                    && !n.vague
                    && n.value != 0.0
                    && !crate::parallel::redundant::points_back(cal, &self.text[..m.start])
            }
            Kind::Counting(_) | Kind::Relative(_) => false,
        };
        kind && !self.in_title(i)
    }
}

/// The clause a mention is in, between punctuation marks.
fn clause<'t>(text: &'t str, m: &Mention) -> &'t str {
    let is_break = |ch: char| matches!(ch, '，' | '。' | '；' | '！' | '？' | '、' | ',' | ';' | '!' | '?' | '\n');
    let start =
        text[..m.start].char_indices().rev().find(|(_, ch)| is_break(*ch)).map_or(0, |(i, ch)| i + ch.len_utf8());
    let end = text[m.end..].char_indices().find(|(_, ch)| is_break(*ch)).map_or(text.len(), |(i, _)| m.end + i);
    &text[start..end]
}

/// A bare number joined to another by a dash or a colon: a score (`3-0`, `3:0`) or a
/// range, not a figure on its own.
fn score_like(text: &str, m: &Mention) -> bool {
    let b = text.as_bytes();
    let joined_after = matches!(b.get(m.end), Some(b'-' | b':')) && b.get(m.end + 1).is_some_and(u8::is_ascii_digit);
    let joined_before = m.start >= 2 && matches!(b[m.start - 1], b'-' | b':') && b[m.start - 2].is_ascii_digit();
    joined_after || joined_before
}
