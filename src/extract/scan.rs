//! The extractor: finds where numbers can start, parses each, and assembles claims.
//!
//! Scanning is a byte loop that only stops at characters that can begin a number
//! (digits, Chinese numerals, currency symbols, the first letter of an English number
//! word), so long runs of ordinary text cost one comparison per character.

use super::claim::{Claim, Dimension};
use super::lang::{read_numeral, read_numeral_alone, zh::zh_numeral, Mode};
use super::lexicon::{Lexicon, Qualifier};
use super::numeral::{Numeral, Script};
use super::subject;
use super::units::unit_after;

/// Turns text into claims.
#[derive(Debug, Clone)]
pub struct Extractor {
    pub(super) lex: Lexicon,
    /// How much the number grammars accept.
    pub(crate) mode: Mode,
    /// Lowercase English words that can begin a number.
    english_starters: rustc_hash::FxHashSet<Vec<u8>>,
}

/// A number parsed at a position, before deciding whether it is a claim.
#[derive(Clone, Debug)]
pub struct Parsed {
    pub start: usize,
    pub end: usize,
    pub numeral: Numeral,
    /// Percent written before the number (百分之五) or a fraction (三分之二).
    pub percent_scale: Option<i32>,
}

impl Default for Extractor {
    fn default() -> Self {
        Extractor::new(Lexicon::builtin())
    }
}

/// Bytes a numeral may take: far more than any figure written in words or digits, and a
/// bound on the work at each place a number may start (a run of 100,000 `两` or digits
/// would otherwise be read again from each of its characters).
const MAX_NUMERAL_BYTES: usize = 256;

/// The text from `start` on that a numeral parser sees.
fn numeral_window(text: &str, start: usize) -> &str {
    let mut end = (start + MAX_NUMERAL_BYTES).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[start..end]
}

impl Extractor {
    pub fn new(lex: Lexicon) -> Extractor {
        let mut english_starters: rustc_hash::FxHashSet<Vec<u8>> =
            lex.en_ones().keys().chain(lex.en_tens().keys()).map(|w| w.as_bytes().to_vec()).collect();
        english_starters
            .extend(["a", "an", "half", "quarter", "percent", "percents", "per"].map(|w| w.as_bytes().to_vec()));
        Extractor { lex, mode: Mode::News, english_starters }
    }

    pub fn lexicon(&self) -> &Lexicon {
        &self.lex
    }

    /// Accept the spaced-out forms test suites write (`一百 五 十 二`, `fifty - two`).
    pub fn permissive(mut self) -> Extractor {
        self.mode = Mode::Permissive;
        self
    }

    /// Every numeric claim in `text`, in order.
    pub fn claims(&self, text: &str) -> Vec<Claim> {
        let mut out = Vec::new();
        let mut pos = 0usize;
        while let Some(start) = self.next_candidate(text, pos) {
            match self.claim_at(text, start) {
                Ok(claim) => {
                    pos = claim.end.max(start + 1);
                    // 1 followed by eighty 万 is no figure any report states: a value that
                    // overflows would agree with everything, so it is no claim.
                    let finite = |x: Option<f64>| x.is_none_or(f64::is_finite);
                    if claim.value.is_finite() && finite(claim.low) && finite(claim.high) {
                        out.push(claim);
                    } else {
                        log::debug!("not a claim: the figure at byte {} overflows", claim.start);
                    }
                }
                Err(skip_to) => pos = skip_to.max(start + 1),
            }
            pos = super::context::ceil_char_boundary(text, pos);
        }
        // Claims of a whole corpus are held until its end: no spare capacity.
        out.shrink_to_fit();
        out
    }

    /// Whether an English `word` can begin a number ("twenty", "a", "half"), compared
    /// case-insensitively without allocating: this runs for every word of English text.
    fn starts_english_number(&self, word: &str) -> bool {
        let mut lower = [0u8; 16];
        let Some(buffer) = lower.get_mut(..word.len()) else {
            return self.english_starters.contains(word.to_ascii_lowercase().as_bytes());
        };
        buffer.copy_from_slice(word.as_bytes());
        buffer.make_ascii_lowercase();
        self.english_starters.contains(&*buffer)
    }

    /// The next position at or after `pos` where a number may begin.
    pub fn next_candidate(&self, text: &str, mut pos: usize) -> Option<usize> {
        let bytes = text.as_bytes();
        while pos < bytes.len() {
            let b = bytes[pos];
            if b < 0x80 {
                if b.is_ascii_digit() {
                    return Some(pos);
                }
                if b == b'$'
                    || b == b'.'
                        && bytes.get(pos + 1).is_some_and(u8::is_ascii_digit)
                        && !bytes.get(pos.wrapping_sub(1)).is_some_and(u8::is_ascii_alphanumeric)
                {
                    return Some(pos);
                }
                if b.is_ascii_alphabetic() && (pos == 0 || !bytes[pos - 1].is_ascii_alphanumeric()) {
                    let rest = &text[pos..];
                    if rest.starts_with("http://") || rest.starts_with("https://") || rest.starts_with("www.") {
                        pos += url_len(rest);
                        continue;
                    }
                    let word_len = rest.bytes().take_while(u8::is_ascii_alphabetic).count();
                    if self.starts_english_number(&rest[..word_len])
                        || self.lex.currency_before().prefix_of(rest).is_some()
                        || self.lex.currency_before().prefix_of(&rest[..word_len]).is_some_and(|(n, _)| n == word_len)
                    {
                        return Some(pos);
                    }
                    pos += word_len;
                    continue;
                }
                pos += 1;
                continue;
            }
            // Multi-byte character: decode the lead and continuation bytes directly (the
            // text is valid UTF-8), since this loop sees every character of the corpus.
            let (c, len) = match b {
                0xE0..=0xEF if pos + 2 < bytes.len() => {
                    let c = (u32::from(b & 0x0F) << 12)
                        | (u32::from(bytes[pos + 1] & 0x3F) << 6)
                        | u32::from(bytes[pos + 2] & 0x3F);
                    (char::from_u32(c).unwrap_or('\u{fffd}'), 3)
                }
                _ => {
                    let c = text[pos..].chars().next()?;
                    (c, c.len_utf8())
                }
            };
            if self.lex.is_candidate(c) {
                return Some(pos);
            }
            pos += len;
        }
        None
    }

    /// A number with no fraction handling: the numerator or denominator of a fraction.
    pub(crate) fn parse_number_plain(&self, text: &str, start: usize) -> Option<Parsed> {
        let rest = numeral_window(text, start);
        let (tail, n) = read_numeral_alone(&self.lex, rest, self.mode)?;
        Some(Parsed { start, end: start + rest.len() - tail.len(), numeral: n, percent_scale: None })
    }

    /// "a half", "a fifth", "half a dozen", "half million", "quarter million".
    fn english_fraction_start(&self, text: &str, start: usize) -> Option<Parsed> {
        let rest = numeral_window(text, start);
        let lower: String = rest.chars().take(16).collect::<String>().to_ascii_lowercase();
        let whole = |value: f64, len: usize, scaled: bool| {
            let mut n = Numeral::plain(super::Dec::ZERO, super::Dec::ONE, Script::English);
            n.ratio = Some((value, 1.0));
            n.scaled = scaled;
            Some(Parsed { start, end: start + len, numeral: n, percent_scale: None })
        };
        let collapsed: String = lower.split(' ').filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ");
        if collapsed.starts_with("half a dozen") {
            let len = rest.to_ascii_lowercase().find("dozen").map_or(12, |i| i + 5);
            return whole(6.0, len, false);
        }
        let article = if lower.starts_with("a ") { 2 } else { 0 };
        let lower = &lower[article..];
        let rest = &rest[article..];
        for (word, part) in [("half", 0.5), ("quarter", 0.25)] {
            if let Some(after) = lower.strip_prefix(word).filter(|a| !a.starts_with(|c: char| c.is_ascii_alphabetic()))
            {
                let tail = &rest[word.len()..];
                let len = tail.strip_prefix(' ').map_or(0, |t| t.bytes().take_while(u8::is_ascii_alphabetic).count());
                if let Some(&s) =
                    (len > 0).then(|| self.lex.en_scales().get(&tail[1..1 + len].to_ascii_lowercase())).flatten()
                {
                    return whole(part * 10f64.powi(s), article + word.len() + 1 + len, true);
                }
                if article > 0 {
                    break;
                }
                if word == "half" && (self.mode.is_permissive() || after.starts_with(" of")) {
                    let mut p = whole(0.5, 4, false)?;
                    p.percent_scale = Some(2);
                    p.numeral.ratio = Some((1.0, 2.0));
                    return Some(p);
                }
            }
        }
        let (n, d, len) = self.fraction_words(text, start)?;
        let mut numeral = Numeral::plain(super::Dec::ZERO, super::Dec::ONE, Script::English);
        numeral.ratio = Some((n, d));
        numeral.article = true;
        let after = &text[start + len..];
        let of_follows = after.trim_start().to_ascii_lowercase().starts_with("of ");
        if !(self.mode.is_permissive() || of_follows) {
            return None;
        }
        Some(Parsed { start, end: start + len, numeral, percent_scale: Some(2) })
    }

    /// Parses the number at `start`: (number start, number end, numeral).
    pub fn parse_number(&self, text: &str, start: usize) -> Option<Parsed> {
        let rest = numeral_window(text, start);
        let c = rest.chars().next()?;
        if let Some(&(n, d)) = self.lex.vulgar_fractions().get(&c) {
            let mut numeral = Numeral::plain(super::Dec::ZERO, super::Dec::ONE, Script::Arabic);
            numeral.ratio = Some((f64::from(n), f64::from(d)));
            return Some(Parsed { start, end: start + c.len_utf8(), numeral, percent_scale: Some(2) });
        }
        // "percent of 10", "per cent of twenty-two"
        // Only the test-suite forms start with these words; news never does.
        let leads: &[&str] =
            if self.mode.is_permissive() { &["percents of ", "percent of ", "per cent of "] } else { &[] };
        for lead in leads {
            let head = rest.get(..lead.len()).unwrap_or("");
            if head.eq_ignore_ascii_case(lead) {
                let q = self.parse_number_plain(text, start + lead.len())?;
                return Some(Parsed { start, end: q.end, numeral: q.numeral, percent_scale: Some(0) });
            }
        }
        // 百分之五, 千分之二, 万分之三
        if let Some((len, &exp)) = self.lex.zh_percent_of().prefix_of(rest) {
            let (tail, n) = zh_numeral(&self.lex, &rest[len..], self.mode).ok()?;
            return Some(Parsed { start, end: start + rest.len() - tail.len(), numeral: n, percent_scale: Some(exp) });
        }
        // 半成 is half a tenth (5%), 半折 half the price (50%).
        if let Some(after) = rest.strip_prefix(|c: char| self.lex.zh_half().contains(&c)) {
            let value = match after.chars().next() {
                Some(c) if self.lex.tenths().contains_prefix(&after[..c.len_utf8()]) => super::Dec::new(5, -1),
                Some(c) if self.lex.discount().contains_prefix(&after[..c.len_utf8()]) => super::Dec::from_int(5),
                _ => return None,
            };
            let mut numeral = Numeral::plain(value, value.last_digit_place(), Script::Han);
            numeral.single_han_digit = false;
            return Some(Parsed { start, end: start + rest.len() - after.len(), numeral, percent_scale: None });
        }
        let Some((tail, numeral)) = read_numeral(&self.lex, rest, self.mode) else {
            // "a half", "a fifth", "half a dozen": fractions that start with a word.
            return if c.is_ascii_alphabetic() { self.english_fraction_start(text, start) } else { None };
        };
        let end = start + rest.len() - tail.len();
        let mut parsed = Parsed { start, end, numeral, percent_scale: None };
        self.fraction(text, &mut parsed);
        if self.mode.is_permissive() {
            self.test_suite_forms(text, &mut parsed);
        }
        Some(parsed)
    }

    /// Minor units after an amount (`三毛`, `50 cents`, ` and 45 cents`): value and bytes.
    pub(super) fn currency_change(&self, text: &str, at: usize, code: &str) -> Option<(super::Dec, usize)> {
        let rest = &text[at..];
        let skipped =
            ["又", "零", " and ", " "].iter().find_map(|j| rest.strip_prefix(j).map(|_| j.len())).unwrap_or(0);
        let p = self.parse_number(text, at + skipped)?;
        if p.numeral.ratio.is_some() || p.numeral.scaled || p.percent_scale.is_some() {
            return None;
        }
        // Minor units (毛, 美分, cents) are only read here, right after a main unit.
        let tail = &text[p.end..];
        let gap = if tail.starts_with(' ') && !p.numeral.single_han_digit { 1 } else { 0 };
        if let Some((n, c)) = self.lex.currency_after().prefix_of(&tail[gap..]) {
            if c.code == code && c.minor_exponent < 0 {
                return Some((p.numeral.value.shift(c.minor_exponent), p.end + gap + n - at));
            }
        }
        match unit_after(&self.lex, &p.numeral, tail) {
            None if skipped > 0
                && rest[..skipped].contains(' ')
                && p.numeral.value < super::Dec::from_int(100)
                && p.numeral.is_whole() =>
            {
                // "15 dollars 50": the bare number after the unit is the cents.
                let tail = &text[p.end..];
                let ends_phrase = !tail.trim_start().starts_with(|c: char| c.is_ascii_alphanumeric())
                    || tail.trim_start().starts_with("more");
                ends_phrase.then(|| (p.numeral.value.shift(-2), p.end - at))
            }
            _ => None,
        }
    }

    /// The right end of a range after the left number ending at `left_end`.
    pub(super) fn range_right(
        &self,
        text: &str,
        left_start: usize,
        left_end: usize,
        left: &Numeral,
    ) -> Option<(Numeral, usize)> {
        if left.ratio.is_some() {
            return None;
        }
        let after = &text[left_end..];
        let english = left.script == Script::English || after.starts_with(' ');
        let gap = if english { after.len() - after.trim_start_matches(' ').len() } else { 0 };
        let (n, _) = self.lex.range_connectors().prefix_of(&after[gap..])?;
        let connector = &after[gap..gap + n];
        let after_connector = &after[gap + n..];
        let gap2 = after_connector.len() - after_connector.trim_start_matches(' ').len();
        if connector.starts_with(|c: char| c.is_ascii_alphabetic()) {
            if gap == 0 || gap2 == 0 || text[..left_start].to_ascii_lowercase().trim_end().ends_with("from") {
                return None;
            }
        } else if gap != gap2 {
            return None;
        }
        let right_start = left_end + gap + n + gap2;
        let p = self.parse_number(text, right_start)?;
        if p.percent_scale.is_some() || p.numeral.ratio.is_some() {
            return None;
        }
        let tail = &text[p.end..];
        if tail.starts_with(['年', '月', '日', '号', '時', '时', ':', '/', '.']) {
            return None;
        }
        Some((p.numeral, p.end))
    }

    pub(super) fn subject(
        &self,
        text: &str,
        start: usize,
        end: usize,
        dimension: Dimension,
        noun_phrase: Option<String>,
    ) -> String {
        if let Some(p) = noun_phrase {
            return p;
        }
        let after = &text[end..];
        let english = text[start..end].is_ascii() && (after.starts_with(' ') || text[..start].ends_with(' '));
        if english {
            return subject::en_before(&text[..start], 6);
        }
        if dimension == Dimension::Count {
            let s = subject::zh_after(after, 8);
            if s.chars().count() >= 2 {
                return s;
            }
        }
        subject::zh_before(&text[..start], 12, self.lex.subject_fillers())
    }
}

/// Whether a bounding qualifier stands right before `at` ("more than ", 近): a cheap
/// check for figures with no unit, which are most of the numbers in running text.
pub(super) fn qualified_here(lex: &Lexicon, text: &str, at: usize) -> bool {
    let head = &text[..at];
    let head = head.strip_suffix(' ').unwrap_or(head);
    lex.qualifier_before().suffix_of(head).is_some_and(|(_, q)| *q != Qualifier::Exact)
}

/// A half (半) or a Chinese digit right after 成: the tenths it adds, and its bytes.
pub(super) fn tenths_tail(lex: &Lexicon, after: &str) -> Option<(super::decimal::Dec, usize)> {
    let c = after.chars().next()?;
    let follows_numeral =
        after[c.len_utf8()..].chars().next().is_some_and(|n| lex.is_zh_numeral_char(n) || lex.is_unit_start(n));
    if lex.zh_half().contains(&c) {
        return Some((super::decimal::Dec::new(5, -1), c.len_utf8()));
    }
    match lex.zh_digits().get(&c) {
        Some(&d) if d > 0 && !follows_numeral => Some((super::decimal::Dec::new(i128::from(d), -1), c.len_utf8())),
        _ => None,
    }
}

/// Bytes of a URL at the start of `s`.
fn url_len(s: &str) -> usize {
    s.find(|c: char| c.is_whitespace() || !c.is_ascii() || matches!(c, '"' | '\'' | '<' | '>' | ')' | ']'))
        .unwrap_or(s.len())
}

/// Says at trace level (`-vv`) why a number was not taken as a claim.
pub(super) fn log_skip(text: &str, start: usize, end: usize, reason: &str) {
    if log::log_enabled!(log::Level::Trace) {
        let shown = text.get(start..end.min(text.len())).unwrap_or("");
        log::trace!("not a claim: {shown:?} at byte {start}: {reason}");
    }
}
