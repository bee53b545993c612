//! Longest-match tables of written forms, keyed on the first (or last) character, with a
//! one-hash filter in front: most places in a text hold no unit, and the filter says so
//! without a hash lookup.

use rustc_hash::FxHashMap as HashMap;

/// A longest-match table of written forms. English forms match case-insensitively and
/// only as whole words.
#[derive(Debug, Clone)]
pub struct Table<T> {
    by_first: HashMap<char, Vec<(String, T)>>,
    by_last: HashMap<char, Vec<(String, T)>>,
    /// Which first (last) characters occur, as a one-hash filter of [`MASK_BITS`] bits:
    /// most lookups fail, and this rejects them without a hash map. (A filter of the low
    /// byte alone let most Han characters through: the tables' Han characters cover it.)
    first_mask: Box<[u64; MASK_WORDS]>,
    last_mask: Box<[u64; MASK_WORDS]>,
}

const MASK_BITS: usize = 4096;
const MASK_WORDS: usize = MASK_BITS / 64;

impl<T> Default for Table<T> {
    fn default() -> Self {
        Table {
            by_first: HashMap::default(),
            by_last: HashMap::default(),
            first_mask: Box::new([0; MASK_WORDS]),
            last_mask: Box::new([0; MASK_WORDS]),
        }
    }
}

fn mask_bit(c: char) -> usize {
    // Fibonacci hashing: the top bits of the product spread neighbouring code points.
    ((c as u32).wrapping_mul(0x9e37_79b9) >> (32 - MASK_BITS.trailing_zeros())) as usize
}

fn mask_has(mask: &[u64; MASK_WORDS], c: char) -> bool {
    let i = mask_bit(c);
    mask[i >> 6] >> (i & 63) & 1 == 1
}

fn mask_add(mask: &mut [u64; MASK_WORDS], c: char) {
    let i = mask_bit(c);
    mask[i >> 6] |= 1 << (i & 63);
}

fn fold(c: char) -> char {
    c.to_ascii_lowercase()
}

fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

impl<T: Clone> Table<T> {
    pub fn insert(&mut self, form: &str, value: T) {
        let form: String = form.chars().map(fold).collect();
        let (Some(first), Some(last)) = (form.chars().next(), form.chars().last()) else {
            return;
        };
        mask_add(&mut self.first_mask, first);
        mask_add(&mut self.last_mask, last);
        for (map, key) in [(&mut self.by_first, first), (&mut self.by_last, last)] {
            let list = map.entry(key).or_default();
            if let Some(slot) = list.iter_mut().find(|(f, _)| *f == form) {
                slot.1 = value.clone();
            } else {
                list.push((form.clone(), value.clone()));
                list.sort_by_key(|(form, _)| std::cmp::Reverse(form.len()));
            }
        }
    }

    /// The longest form that `text` starts with: (its byte length in `text`, value).
    pub fn prefix_of(&self, text: &str) -> Option<(usize, &T)> {
        let first = fold(text.chars().next()?);
        if !mask_has(&self.first_mask, first) {
            return None;
        }
        let list = self.by_first.get(&first)?;
        list.iter().find_map(|(form, value)| {
            let len = starts_with_folded(text, form)?;
            let wordy = form.chars().last().is_some_and(is_word_char);
            if wordy && text[len..].chars().next().is_some_and(is_word_char) {
                return None;
            }
            Some((len, value))
        })
    }

    /// The longest form that `text` ends with: (its byte length in `text`, value).
    pub fn suffix_of(&self, text: &str) -> Option<(usize, &T)> {
        let last = fold(text.chars().next_back()?);
        if !mask_has(&self.last_mask, last) {
            return None;
        }
        let list = self.by_last.get(&last)?;
        list.iter().find_map(|(form, value)| {
            let len = ends_with_folded(text, form)?;
            let wordy = form.chars().next().is_some_and(is_word_char);
            if wordy && text[..text.len() - len].chars().next_back().is_some_and(is_word_char) {
                return None;
            }
            Some((len, value))
        })
    }

    pub fn contains_prefix(&self, text: &str) -> bool {
        self.prefix_of(text).is_some()
    }

    pub fn is_empty(&self) -> bool {
        self.by_first.is_empty()
    }

    /// Every form in the table (lowercased).
    pub fn forms(&self) -> impl Iterator<Item = &str> {
        self.by_first.values().flatten().map(|(f, _)| f.as_str())
    }
}

// Forms are stored folded (ASCII lowercase) and folding changes no byte length, so a
// case-insensitive byte comparison is the character-by-character one, without decoding.
fn starts_with_folded(text: &str, form: &str) -> Option<usize> {
    let head = text.as_bytes().get(..form.len())?;
    head.eq_ignore_ascii_case(form.as_bytes()).then_some(form.len())
}

fn ends_with_folded(text: &str, form: &str) -> Option<usize> {
    let tail = text.as_bytes().get(text.len().checked_sub(form.len())?..)?;
    tail.eq_ignore_ascii_case(form.as_bytes()).then_some(form.len())
}
