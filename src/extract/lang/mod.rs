//! Number grammars, one per language, and the rule that picks among them.
//!
//! Each language is a folder: `zh/` reads Chinese numerals (alone or mixed with Arabic
//! digits), `en/` English number words and digits with English scale words. A grammar's
//! token rules are nom parsers; its fold turns the tokens into a [`Numeral`]. The
//! extractor never asks which language a text is in: it offers each position to every
//! grammar that can start there, in the order of [`GRAMMARS`]. Arabic digits belong to
//! every grammar, so a later grammar's reading replaces an earlier one only when the
//! earlier one read nothing but digits and the later one reads further
//! (`2.3 million` is English, `1.4万亿` Chinese, `1007` whichever comes first).
//!
//! Adding a language is a folder here with a type implementing [`NumberGrammar`], one
//! line in [`GRAMMARS`], and its word lists under `rules/lexicon/` (see
//! `docs/architecture.md`).

pub mod en;
pub mod zh;

use super::lexicon::Lexicon;
use super::numeral::{Numeral, Script};
use nom::IResult;

/// A language the extractor has a grammar for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lang {
    Zh,
    En,
}

impl Lang {
    /// Every language, in the order of [`GRAMMARS`].
    pub const ALL: [Lang; 2] = [Lang::Zh, Lang::En];

    /// The language a document is written in, as far as the grammars need: Chinese when
    /// most of its letters are Han characters.
    pub fn of(text: &str) -> Lang {
        if super::script::is_mostly_han(text) {
            Lang::Zh
        } else {
            Lang::En
        }
    }

    /// Whether a configured tag (`zh`, `zh-Hant`, `en`) names this language.
    pub fn is(self, tag: &str) -> bool {
        tag.split(['-', '_']).next().is_some_and(|base| base.eq_ignore_ascii_case(self.code()))
    }

    /// The language a configured tag names, if factlint reads it.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|lang| lang.is(tag))
    }

    /// Whether the language has letter case, so that its words are matched lowercased.
    pub fn has_case(self) -> bool {
        self == Lang::En
    }

    /// The BCP 47 primary language subtag.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }
}

/// How much the grammars accept.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Mode {
    /// Numbers as news writes them.
    #[default]
    News,
    /// Also the spaced-out and bare forms that peer test suites write (`一百 五 十 二`,
    /// `fifty - two`, `15k` in Chinese, `percent of 10`), which news never does.
    Permissive,
}

impl Mode {
    pub fn is_permissive(self) -> bool {
        self == Mode::Permissive
    }
}

/// The number grammar of one language.
pub trait NumberGrammar: Sync {
    fn lang(&self) -> Lang;

    /// Whether a number in this language can begin with `c`: the extractor offers the
    /// position to this grammar only then.
    fn can_start(&self, c: char) -> bool;

    /// The number at the start of `input`, and the text after it.
    fn numeral<'a>(&self, lex: &Lexicon, input: &'a str, mode: Mode) -> IResult<&'a str, Numeral>;

    /// After another grammar read only Arabic digits and left `tail`, whether this one
    /// might read further (an English scale word follows a space or is glued on).
    fn may_read_past_digits(&self, _tail: &str) -> bool {
        false
    }
}

/// A grammar's fold found the text is no number: a value overflowed, or a form such as
/// `二三十` or a lone article.
pub(crate) struct Invalid;

pub(crate) trait OrInvalid<T> {
    fn or_invalid(self) -> Result<T, Invalid>;
}

impl<T> OrInvalid<T> for Option<T> {
    fn or_invalid(self) -> Result<T, Invalid> {
        self.ok_or(Invalid)
    }
}

/// The grammars, in the order they are asked.
pub static GRAMMARS: [&dyn NumberGrammar; 2] = [&zh::Chinese, &en::English];

/// The number at the start of `input` as the grammars read it together: the first
/// grammar's reading, replaced by a later grammar's only where the first read bare
/// digits and the later one reads further.
pub fn read_numeral<'a>(lex: &Lexicon, input: &'a str, mode: Mode) -> Option<(&'a str, Numeral)> {
    let c = input.chars().next()?;
    let mut grammars = GRAMMARS.iter().filter(|g| g.can_start(c));
    let mut best = grammars.by_ref().find_map(|g| g.numeral(lex, input, mode).ok())?;
    for grammar in grammars {
        if best.1.script != Script::Arabic || !grammar.may_read_past_digits(best.0) {
            continue;
        }
        if let Ok(reading) = grammar.numeral(lex, input, mode) {
            if reading.0.len() < best.0.len() {
                best = reading;
            }
        }
    }
    Some(best)
}

/// The number at the start of `input` as the first grammar that can start there reads
/// it alone: a numerator or denominator, which never mixes languages.
pub fn read_numeral_alone<'a>(lex: &Lexicon, input: &'a str, mode: Mode) -> Option<(&'a str, Numeral)> {
    let c = input.chars().next()?;
    let grammar = GRAMMARS.iter().find(|g| g.can_start(c))?;
    grammar.numeral(lex, input, mode).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(input: &str) -> Option<(String, &str)> {
        let lex = Lexicon::builtin();
        read_numeral(&lex, input, Mode::News).map(|(tail, n)| (n.value.to_string(), tail))
    }

    #[test]
    fn the_grammars_share_digits_and_keep_their_scale_words() {
        let cases = [
            ("1.4万亿元", Some(("1400000000000", "元"))),
            ("1.4 trillion yuan", Some(("1400000000000", " yuan"))),
            ("1007家", Some(("1007", "家"))),
            ("1007 companies", Some(("1007", " companies"))),
            ("10k runners", Some(("10000", " runners"))),
            ("十二万三千张", Some(("123000", "张"))),
            ("twenty-one people", Some(("21", " people"))),
            ("万", None),
            ("the", None),
        ];
        for (input, want) in cases {
            let got = read(input);
            assert_eq!(got.as_ref().map(|(v, t)| (v.as_str(), *t)), want, "{input}");
        }
    }

    #[test]
    fn every_language_has_a_grammar_in_order() {
        // Tables keyed by language (the glossary's forms) index by `lang as usize`.
        for (i, lang) in Lang::ALL.iter().enumerate() {
            assert_eq!(*lang as usize, i);
        }
        for (lang, grammar) in Lang::ALL.iter().zip(GRAMMARS.iter()) {
            assert_eq!(grammar.lang(), *lang);
        }
    }
}
