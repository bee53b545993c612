//! Flags promo, share and editor lines: `海量资讯、精准解读，尽在新浪财经APP`,
//! `责任编辑：张三`.
//!
//! Why: page furniture is not article text. Left in a dataset it inflates duplicate
//! counts, leaks into training data and puts editor names where facts are expected.
//!
//! Chinese: a paragraph `责任编辑：张三 AB123` is flagged; so is an app promo line.
//! English: add phrases such as "Share this article" to `rules/boilerplate.toml`.
//!
//! Only paragraphs of at most 120 characters count: furniture lines are short.
//! The phrases live in `rules/boilerplate.toml`; add your own with `phrases = [...]` under
//! `[rules.boilerplate]` in `factlint.toml`; a paragraph containing one is flagged
//! once. Severity is info: this is cleanup, not an error.
//!
//! `factlint check --fix` drops a boilerplate paragraph of one line without digits.

use super::{finding, Rule};
use crate::finding::Edit;
use crate::finding::Finding;
use crate::source::Document;
use serde::Deserialize;

pub(super) const ID: &str = "boilerplate";

#[derive(Deserialize)]
struct Phrases {
    max_chars: usize,
    phrases: Vec<String>,
}

pub struct Boilerplate {
    phrases: Vec<String>,
    max_chars: usize,
}

impl Boilerplate {
    /// The built-in phrases plus `extra` ones from the configuration.
    pub fn new(extra: &[String]) -> Boilerplate {
        static BUILTIN: std::sync::OnceLock<Phrases> = std::sync::OnceLock::new();
        let builtin = BUILTIN.get_or_init(|| {
            toml::from_str(include_str!("../../rules/boilerplate.toml")).expect("rules/boilerplate.toml is valid")
        });
        Boilerplate { phrases: builtin.phrases.iter().chain(extra).cloned().collect(), max_chars: builtin.max_chars }
    }
}

impl Boilerplate {
    /// Whether a paragraph is a boilerplate line.
    pub fn matches(&self, paragraph: &str) -> bool {
        self.phrase_in(paragraph).is_some()
    }

    /// The phrase that makes a short paragraph a boilerplate line.
    fn phrase_in(&self, paragraph: &str) -> Option<&str> {
        if paragraph.chars().nth(self.max_chars).is_some() {
            return None;
        }
        self.phrases.iter().find(|p| paragraph.contains(p.as_str())).map(String::as_str)
    }
}

impl Rule for Boilerplate {
    fn id(&self) -> &'static str {
        ID
    }

    fn check_document(&self, doc: usize, document: &Document) -> Vec<Finding> {
        let mut out = Vec::new();
        for para in &document.paragraphs {
            let text = &document.text[para.clone()];
            if let Some(phrase) = self.phrase_in(text) {
                let shown: String = text.split_whitespace().collect::<Vec<_>>().join(" ").chars().take(40).collect();
                out.push(finding(
                    ID,
                    doc,
                    document,
                    para.clone(),
                    format!("boilerplate line: `{shown}`"),
                    Some(format!("matches the boilerplate phrase `{phrase}`; drop the line from the article text")),
                    text,
                ));
            }
        }
        out
    }

    /// A boilerplate paragraph of one line is dropped with the break before it. A longer
    /// paragraph may hold article text as well, and a line with a digit (`2020-07-26
    /// 05:03:17 来源：…`) states a date or a figure: neither has a fix.
    fn fix(&self, document: &Document, span: std::ops::Range<usize>) -> Vec<Edit> {
        let line = &document.text[span.clone()];
        if line.contains('\n') || line.chars().any(char::is_numeric) {
            return Vec::new();
        }
        vec![Edit::removing_paragraph(document, span)]
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::flagged_in;

    #[test]
    fn editor_and_promo_lines_are_flagged() {
        let text = "全国已有1007家医院参与。\n\n责任编辑：张三\n\n海量资讯、精准解读，尽在新浪财经APP\n";
        assert_eq!(flagged_in(super::ID, text), ["责任编辑：张三", "海量资讯、精准解读，尽在新浪财经APP"]);
    }

    #[test]
    fn article_text_about_editors_is_not() {
        assert!(flagged_in(
            super::ID,
            "编辑部今天公布了1007家医院的名单。\n\nThe editor said 25 provinces took part.\n"
        )
        .is_empty());
    }
}
