//! User pattern rules from `factlint.toml` (`[[pattern]]` tables or pattern files):
//! house style and known-bad phrases, with no Rust to write.
//!
//! Two kinds. `existence` flags any of its `tokens` (literal phrases) or `regex`
//! (regular expressions); `substitution` flags each key of its `swap` table and names the
//! term to use instead. Each pattern carries `fail` examples it must flag and `pass`
//! examples it must leave alone; they are checked when the configuration is read, so a
//! pattern that does not do what its examples say is a configuration error.
//!
//! Chinese: `swap = { "人民币元" = "元" }` flags 投资1.4万亿人民币元 and asks for 元.
//! English: `kind = "existence"`, `tokens = ["click here"]` flags "Click here to subscribe"
//! when `regex = ["(?i)click here"]` is used for case-insensitivity.

use super::Rule;
use crate::finding::{fingerprint, Finding, Place, Severity};
use crate::source::Document;
use regex::Regex;
use std::ops::Range;

/// What a pattern does with a match.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PatternKind {
    Existence,
    Substitution,
}

/// One regular expression a pattern looks for.
#[derive(Clone, Debug)]
pub struct Matcher {
    pub regex: Regex,
    pub preferred: Option<String>,
}

/// The literal phrases of a pattern (`tokens`, or the keys of `swap`) in one automaton:
/// a regex per phrase took kilobytes each, and a scan of the text each.
#[derive(Clone, Debug)]
pub struct Literals {
    /// Automata of at most [`PHRASES_PER_AUTOMATON`] phrases, each with the index of its
    /// first phrase.
    automata: Vec<(usize, aho_corasick::AhoCorasick)>,
    /// For each phrase, what to write instead (substitutions).
    preferred: Vec<Option<String>>,
}

/// Building one automaton takes more than linear time in its phrases: a generated word
/// list of a million phrases is split into automata of this many.
const PHRASES_PER_AUTOMATON: usize = 4096;

impl Literals {
    pub fn new(phrases: Vec<(String, Option<String>)>) -> Literals {
        let (patterns, preferred): (Vec<String>, Vec<Option<String>>) = phrases.into_iter().unzip();
        let automata = patterns
            .chunks(PHRASES_PER_AUTOMATON)
            .enumerate()
            .map(|(i, chunk)| {
                let automaton = aho_corasick::AhoCorasick::builder()
                    .kind(Some(aho_corasick::AhoCorasickKind::NoncontiguousNFA))
                    .match_kind(aho_corasick::MatchKind::Standard)
                    .build(chunk)
                    .expect("literal phrases always build");
                (i * PHRASES_PER_AUTOMATON, automaton)
            })
            .collect();
        Literals { automata, preferred }
    }

    /// Every occurrence of every phrase, by phrase then position: (phrase, span).
    fn occurrences(&self, text: &str) -> Vec<(usize, Range<usize>)> {
        let mut all: Vec<(usize, Range<usize>)> = self
            .automata
            .iter()
            .flat_map(|(base, automaton)| {
                automaton
                    .find_overlapping_iter(text)
                    .filter(|m| !m.is_empty())
                    .map(move |m| (base + m.pattern().as_usize(), m.range()))
            })
            .collect();
        all.sort_unstable_by_key(|(p, r)| (*p, r.start, r.end));
        all
    }
}

/// Spans already flagged, disjoint, by start.
#[derive(Default)]
struct Taken(std::collections::BTreeMap<usize, usize>);

impl Taken {
    /// Takes `span` unless it overlaps one taken before.
    fn take(&mut self, span: &Range<usize>) -> bool {
        let clash = self.0.range(..span.end).next_back().is_some_and(|(_, &end)| end > span.start);
        if !clash {
            self.0.insert(span.start, span.end);
        }
        !clash
    }
}

/// A compiled user pattern rule.
#[derive(Clone, Debug)]
pub struct PatternRule {
    /// Lives for the whole run: rule ids are `&'static str` like the built-in ones.
    pub id: &'static str,
    pub severity: Severity,
    /// `severity = "off"`: the rule is known (and checked against its examples) but does
    /// not run.
    pub off: bool,
    pub kind: PatternKind,
    pub message: Option<String>,
    /// Literal phrases, looked for before `matchers`, in the order they were written.
    pub literals: Literals,
    pub matchers: Vec<Matcher>,
    /// The explanation `factlint explain` prints.
    pub description: String,
}

/// One match of a pattern in a text.
pub struct PatternMatch {
    pub span: Range<usize>,
    pub message: String,
}

impl PatternRule {
    /// The one-line summary `factlint rules` and SARIF show: the message, or a generic line.
    pub fn summary(&self) -> &str {
        self.message.as_deref().unwrap_or("a user pattern rule")
    }

    /// Every match in `text`, in order, overlapping matches of later matchers dropped.
    pub fn matches(&self, text: &str) -> Vec<PatternMatch> {
        // Each phrase in order takes its occurrences, left to right and not overlapping one
        // another, where no earlier phrase took the text; then each regular expression.
        let mut found: Vec<(Range<usize>, Option<&str>)> = Vec::new();
        let mut taken = Taken::default();
        let occurrences = self.literals.occurrences(text);
        for phrase in occurrences.chunk_by(|a, b| a.0 == b.0) {
            let mut scanned_to = 0;
            for (p, span) in phrase {
                if span.start < scanned_to {
                    continue;
                }
                scanned_to = span.end;
                if taken.take(span) {
                    found.push((span.clone(), self.literals.preferred[*p].as_deref()));
                }
            }
        }
        for m in &self.matchers {
            for hit in m.regex.find_iter(text) {
                if !hit.is_empty() && taken.take(&hit.range()) {
                    found.push((hit.range(), m.preferred.as_deref()));
                }
            }
        }
        found.sort_by_key(|(r, _)| r.start);
        found
            .into_iter()
            .map(|(span, preferred)| {
                let text_found = &text[span.clone()];
                let preferred = preferred.unwrap_or("");
                let message = match (&self.message, self.kind) {
                    (Some(t), _) => t.replace("{found}", text_found).replace("{preferred}", preferred),
                    (None, PatternKind::Existence) => format!("`{text_found}` is flagged by `{}`", self.id),
                    (None, PatternKind::Substitution) => format!("use `{preferred}` instead of `{text_found}`"),
                };
                PatternMatch { span, message }
            })
            .collect()
    }
}

impl Rule for PatternRule {
    fn id(&self) -> &'static str {
        self.id
    }

    fn check_document(&self, doc: usize, document: &Document) -> Vec<Finding> {
        self.matches(&document.text)
            .into_iter()
            .map(|m| Finding {
                rule: self.id,
                severity: self.severity,
                fingerprint: fingerprint(&[self.id, &document.name, &document.text[m.span.clone()]]),
                help: None,
                message: m.message,
                place: Place::Text { doc, span: m.span },
                related: Vec::new(),
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(tokens: &[&str], regexes: &[&str]) -> PatternRule {
        PatternRule {
            id: "t",
            severity: Severity::Warning,
            off: false,
            kind: PatternKind::Existence,
            message: Some("{found}".to_string()),
            literals: Literals::new(tokens.iter().map(|t| (t.to_string(), None)).collect()),
            matchers: regexes.iter().map(|r| Matcher { regex: Regex::new(r).unwrap(), preferred: None }).collect(),
            description: String::new(),
        }
    }

    /// What one regular expression per phrase, tried in order, flags.
    fn one_regex_each(tokens: &[&str], regexes: &[&str], text: &str) -> Vec<Range<usize>> {
        let mut found: Vec<Range<usize>> = Vec::new();
        let all = tokens.iter().map(|t| regex::escape(t)).chain(regexes.iter().map(|r| r.to_string()));
        for pattern in all {
            for hit in Regex::new(&pattern).unwrap().find_iter(text) {
                if !hit.is_empty() && !found.iter().any(|r| r.start < hit.end() && hit.start() < r.end) {
                    found.push(hit.range());
                }
            }
        }
        found.sort_by_key(|r| r.start);
        found
    }

    #[test]
    fn phrases_in_one_automaton_flag_what_a_regex_each_flagged() {
        let cases: &[(&[&str], &[&str], &str)] = &[
            (&["传有", "据传"], &[], "据传有1007家"),
            (&["据传", "传有"], &[], "据传有1007家"),
            (&["ab"], &[], "ababab"),
            (&["aa", "a"], &["b+"], "aaabaabbba"),
            (&["", "词1", "词17"], &["词\\d+"], "词17和词1以及词170"),
            (&["据传", "据传"], &[], "据传据传"),
        ];
        for (tokens, regexes, text) in cases {
            let got: Vec<Range<usize>> = rule(tokens, regexes).matches(text).into_iter().map(|m| m.span).collect();
            assert_eq!(got, one_regex_each(tokens, regexes, text), "{tokens:?} {regexes:?} on {text}");
        }
        // Random phrases over a small alphabet, where overlaps are everywhere.
        let mut seed = 7u64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for _ in 0..500 {
            let word = |n: u64, next: &mut dyn FnMut() -> u64| -> String {
                (0..1 + n % 3).map(|_| ['a', 'b', '家'][(next() % 3) as usize]).collect()
            };
            let tokens: Vec<String> = (0..1 + next() % 4).map(|_| word(next(), &mut next)).collect();
            let text: String = (0..next() % 12).map(|_| word(next(), &mut next)).collect();
            let tokens: Vec<&str> = tokens.iter().map(String::as_str).collect();
            let got: Vec<Range<usize>> = rule(&tokens, &[]).matches(&text).into_iter().map(|m| m.span).collect();
            assert_eq!(got, one_regex_each(&tokens, &[], &text), "{tokens:?} on {text}");
        }
    }
}
