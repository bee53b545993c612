//! The bilingual glossary (`rules/glossary.toml`): which Chinese and English terms name
//! the same concept, to tell whether two figures in different languages can state the
//! same quantity. An entry lists its forms per language code (`zh = [...]`,
//! `en = [...]`) and is kept keyed by [`Lang`].

use crate::extract::Lang;
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GlossaryFile {
    #[serde(default)]
    term: Vec<Term>,
    #[serde(default)]
    counter: Vec<Term>,
    #[serde(default)]
    generic: Vec<String>,
    #[serde(default)]
    periods: Vec<String>,
    #[serde(default)]
    referent: Vec<Term>,
}

/// A glossary entry as written: its forms per language code. Every language the
/// extractor has a grammar for has a field, so a misspelt or unknown code is an error
/// pointing at its line.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TermFile {
    zh: Vec<String>,
    en: Vec<String>,
}

/// One glossary entry: its forms in each language, lowercased where the language has
/// letter case.
#[derive(Deserialize, Clone, Debug)]
#[serde(from = "TermFile")]
pub struct Term {
    forms: [Vec<String>; Lang::ALL.len()],
}

impl Term {
    pub fn forms(&self, lang: Lang) -> &[String] {
        &self.forms[lang as usize]
    }
}

impl From<TermFile> for Term {
    fn from(file: TermFile) -> Term {
        let mut forms: [Vec<String>; Lang::ALL.len()] = Default::default();
        for (lang, words) in [(Lang::Zh, file.zh), (Lang::En, file.en)] {
            forms[lang as usize] =
                if lang.has_case() { words.into_iter().map(|w| w.to_lowercase()).collect() } else { words };
        }
        Term { forms }
    }
}

pub struct Glossary {
    terms: Vec<Term>,
    counters: Vec<Term>,
    generic: Vec<String>,
    periods: Vec<String>,
    referents: Vec<Term>,
    /// Every form of every term, per language, in one automaton: [`Glossary::concepts`]
    /// reads a clause once instead of once per form (it runs for every figure compared).
    finders: Vec<TermFinder>,
}

/// The forms of the terms in one language, found in one pass over a text.
#[derive(Clone, Debug)]
struct TermFinder {
    automaton: aho_corasick::AhoCorasick,
    /// For each pattern of the automaton: the term it is a form of, and which form.
    owners: Vec<(usize, usize)>,
}

impl TermFinder {
    fn new(terms: &[Term], lang: Lang) -> TermFinder {
        let mut owners = Vec::new();
        let mut forms = Vec::new();
        for (i, t) in terms.iter().enumerate() {
            for (k, f) in t.forms(lang).iter().enumerate() {
                owners.push((i, k));
                forms.push(f.as_str());
            }
        }
        // The standard match kind, which overlapping search needs; an empty form matches
        // everywhere, as `str::contains` says it does.
        let automaton = aho_corasick::AhoCorasick::new(forms).expect("glossary forms fit an automaton");
        TermFinder { automaton, owners }
    }
}

impl Glossary {
    pub fn builtin() -> Glossary {
        let file: GlossaryFile =
            toml::from_str(include_str!("../rules/glossary.toml")).expect("rules/glossary.toml is valid");
        let mut g = Glossary {
            terms: Vec::new(),
            counters: Vec::new(),
            generic: Vec::new(),
            periods: Vec::new(),
            referents: Vec::new(),
            finders: Vec::new(),
        };
        g.add(file);
        g
    }

    /// Adds the terms and counters of a user's glossary file (same shape as
    /// `rules/glossary.toml`); the error is TOML's, with its span.
    pub fn extend_from_toml(&mut self, text: &str) -> Result<(), toml::de::Error> {
        let file: GlossaryFile = toml::from_str(text)?;
        self.add(file);
        Ok(())
    }

    fn add(&mut self, file: GlossaryFile) {
        self.terms.extend(file.term);
        self.counters.extend(file.counter);
        self.generic.extend(file.generic);
        self.periods.extend(file.periods);
        self.referents.extend(file.referent);
        self.finders = Lang::ALL.iter().map(|&lang| TermFinder::new(&self.terms, lang)).collect();
    }

    /// Named periods (上半年, 一季度) that tell apart figures of one sentence shape.
    pub fn periods(&self) -> &[String] {
        &self.periods
    }

    /// Whether a counter counts anything (个).
    pub fn is_generic(&self, counter: &str) -> bool {
        self.generic.iter().any(|g| g == counter)
    }

    /// Whether the glossary knows both a Chinese counter and an English noun, and they
    /// share an entry. Counters are a Chinese word class: their entries pair Chinese
    /// counters with the English nouns they count.
    pub fn counter_known_fit(&self, counter: &str, noun: &str) -> bool {
        let noun = noun.to_lowercase();
        if self.is_generic(counter) {
            return noun.len() > 3 && noun.ends_with('s') && noun.chars().all(|c| c.is_ascii_alphabetic());
        }
        self.counters.iter().any(|t| {
            t.forms(Lang::Zh).iter().any(|z| z == counter)
                && t.forms(Lang::En).iter().any(|e| noun.starts_with(e.as_str()))
        })
    }

    /// Whether a Chinese counter (`家`) can count what an English noun (`hospitals`)
    /// names: yes when they share an entry, or when either is unknown to the glossary.
    pub fn counter_fits(&self, counter: &str, noun: &str) -> bool {
        if self.is_generic(counter) {
            return self.counter_known_fit(counter, noun);
        }
        let noun = noun.to_lowercase();
        let by_counter: Vec<usize> = (0..self.counters.len())
            .filter(|&i| self.counters[i].forms(Lang::Zh).iter().any(|z| z == counter))
            .collect();
        let by_noun: Vec<usize> = (0..self.counters.len())
            .filter(|&i| self.counters[i].forms(Lang::En).iter().any(|e| noun.starts_with(e.as_str())))
            .collect();
        by_counter.is_empty() || by_noun.is_empty() || by_counter.iter().any(|i| by_noun.contains(i))
    }

    /// Whether two counts count things a reader must not confuse (`户` households and
    /// "villagers", people): both words belong to `[[referent]]` entries, and no entry
    /// holds both. Counts of anything else are never judged.
    pub fn counts_differ(&self, a: &str, b: &str) -> bool {
        let entries = |w: &str| -> Vec<usize> {
            let lower = w.to_lowercase();
            (0..self.referents.len())
                .filter(|&i| {
                    let t = &self.referents[i];
                    t.forms(Lang::Zh).iter().any(|z| z == w)
                        || (!lower.is_empty() && t.forms(Lang::En).iter().any(|e| lower.starts_with(e.as_str())))
                })
                .collect()
        };
        let (ea, eb) = (entries(a), entries(b));
        !ea.is_empty() && !eb.is_empty() && !ea.iter().any(|i| eb.contains(i))
    }

    /// Concepts (indexes of terms) named in a piece of text. A concept whose forms are
    /// contained in a longer matched concept's forms (医院 inside 三级医院) is dropped, so
    /// that the most specific names count.
    pub fn concepts(&self, text: &str, lang: Lang) -> Vec<usize> {
        let lower;
        let hay = if lang.has_case() {
            lower = text.to_lowercase();
            lower.as_str()
        } else {
            text
        };
        // Each term that the text names, by the first of its forms (in glossary order) that
        // the text holds.
        let finder = &self.finders[lang as usize];
        let mut first_form: std::collections::BTreeMap<usize, usize> = std::collections::BTreeMap::new();
        for m in finder.automaton.find_overlapping_iter(hay) {
            let (term, form) = finder.owners[m.pattern().as_usize()];
            let known = first_form.entry(term).or_insert(form);
            *known = (*known).min(form);
        }
        let found: Vec<(usize, &str)> =
            first_form.into_iter().map(|(i, k)| (i, self.terms[i].forms(lang)[k].as_str())).collect();
        let specific: Vec<usize> = found
            .iter()
            .filter(|(i, f)| !found.iter().any(|(j, g)| j != i && g.len() > f.len() && g.contains(f)))
            .map(|(i, _)| *i)
            .collect();
        specific
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn specific_terms_win_over_the_words_inside_them() {
        let g = Glossary::builtin();
        let zh = g.concepts("城市三级医院", Lang::Zh);
        let en = g.concepts("1,007 urban tertiary hospitals", Lang::En);
        assert_eq!(zh, en);
        assert_ne!(g.concepts("县级医院", Lang::Zh), zh);
        assert!(g.concepts("同比增长", Lang::Zh) != g.concepts("month-on-month", Lang::En));
        assert!(g.counter_fits("家", "hospitals"));
        assert!(!g.counter_fits("家", "patients"));
        assert!(g.counter_fits("家", "widgets"), "unknown nouns are not ruled out");
    }

    #[test]
    fn entries_are_keyed_by_language_code() {
        let mut g = Glossary::builtin();
        g.extend_from_toml("[[term]]\nzh = [\"光伏\"]\nen = [\"Photovoltaic\"]\n").unwrap();
        assert_eq!(g.concepts("光伏电站", Lang::Zh), g.concepts("photovoltaic plants", Lang::En));
        let err = g.extend_from_toml("[[term]]\nzh = [\"光伏\"]\nfr = [\"photovoltaïque\"]\n").unwrap_err();
        assert!(err.to_string().contains("unknown field `fr`"), "{err}");
    }

    /// `concepts` as the definition says it, one form at a time.
    fn concepts_one_form_at_a_time(g: &Glossary, text: &str, lang: Lang) -> Vec<usize> {
        let hay = if lang.has_case() { text.to_lowercase() } else { text.to_string() };
        let found: Vec<(usize, &str)> = g
            .terms
            .iter()
            .enumerate()
            .filter_map(|(i, t)| t.forms(lang).iter().find(|f| hay.contains(f.as_str())).map(|f| (i, f.as_str())))
            .collect();
        found
            .iter()
            .filter(|(i, f)| !found.iter().any(|(j, g)| j != i && g.len() > f.len() && g.contains(f)))
            .map(|(i, _)| *i)
            .collect()
    }

    #[test]
    fn one_pass_over_a_clause_finds_what_a_search_per_form_finds() {
        let mut g = Glossary::builtin();
        // A term whose later form holds an earlier one, and one whose form is another's.
        g.extend_from_toml("[[term]]\nzh = [\"医院\", \"三级医院\"]\nen = [\"hospital\", \"tertiary hospital\"]\n")
            .unwrap();
        g.extend_from_toml("[[term]]\nzh = [\"县级医院\"]\nen = [\"County Hospital\"]\n").unwrap();
        for (text, lang) in [
            ("全国1007家城市三级医院与县级医院建立对口帮扶关系，同比增长12%", Lang::Zh),
            ("上半年农村居民人均可支配收入同比增长，县级医院三级医院", Lang::Zh),
            ("1,007 urban tertiary hospitals paired with County Hospitals, up 12% year on year", Lang::En),
            ("Month-on-month, the first half saw 3 hospitals open", Lang::En),
            ("", Lang::Zh),
        ] {
            let got = g.concepts(text, lang);
            assert_eq!(got, concepts_one_form_at_a_time(&g, text, lang), "{text}");
        }
        assert!(!g.concepts("城市三级医院", Lang::Zh).is_empty());
    }
}
