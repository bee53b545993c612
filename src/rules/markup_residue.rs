//! Flags HTML left inside plain text: tags (`<p>`, `</div>`, `<br/>`), entities
//! (`&nbsp;`, `&#123;`) and comments (`<!-- -->`) in `.txt` files and in the text fields
//! of JSONL and CSV records.
//!
//! Why: markup in a text field means the scraper did not strip the page; the tags become
//! tokens, the entities hide characters (`&nbsp;` for a space), and numbers inside
//! attributes can be read as figures.
//!
//! Chinese: `记者从国家卫健委获悉&nbsp;累计投入1.4万亿元<br/>` — the entity and the tag are
//! flagged.
//! English: `The council met on Monday.</p><p>It voted…` — the tags are flagged.
//!
//! Markdown and HTML files are not checked: there markup is expected and stripped.
//!
//! `factlint check --fix` removes tags and comments and decodes entities (`&nbsp;` → a
//! space).

use super::{content_key, finding, Rule};
use crate::finding::Edit;
use crate::finding::Finding;
use crate::source::{Document, Format};

pub(super) const ID: &str = "markup-residue";

pub struct MarkupResidue;

/// A tag, entity or comment at `i` (which holds `<` or `&`): its end.
fn residue_at(text: &str, i: usize) -> Option<usize> {
    let rest = &text[i..];
    if rest.starts_with("<!--") {
        return Some(i + rest.find("-->").map_or(4, |k| k + 3));
    }
    if let Some(after) = rest.strip_prefix('<') {
        let body = after.strip_prefix('/').unwrap_or(after);
        let name_len = body.bytes().take_while(u8::is_ascii_alphanumeric).count();
        let name = &body[..name_len];
        let known = [
            "p", "br", "div", "span", "a", "img", "strong", "b", "i", "em", "font", "table", "tr", "td", "li", "ul",
            "h1", "h2", "h3", "script", "style", "iframe",
        ];
        if known.contains(&name.to_ascii_lowercase().as_str()) {
            let close = after.find('>')?;
            if close < 200 && !after[..close].contains('<') {
                return Some(i + 1 + close + 1);
            }
        }
        return None;
    }
    let semi = rest.get(..rest.len().min(12))?.find(';')?;
    let body = &rest[1..semi];
    let named = !body.is_empty() && body.bytes().all(|b| b.is_ascii_alphabetic());
    let numeric = body.strip_prefix('#').is_some_and(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_alphanumeric()));
    (named && ["nbsp", "amp", "lt", "gt", "quot", "ldquo", "rdquo", "mdash", "hellip", "middot"].contains(&body)
        || numeric)
        .then_some(i + semi + 1)
}

impl Rule for MarkupResidue {
    fn id(&self) -> &'static str {
        ID
    }

    fn check_document(&self, doc: usize, document: &Document) -> Vec<Finding> {
        if matches!(document.format, Format::Markdown | Format::Html) {
            return Vec::new();
        }
        let text = &document.text;
        let mut out = Vec::new();
        // `<` and `&` are one byte each, never inside another character.
        for i in memchr::memchr2_iter(b'<', b'&', text.as_bytes()) {
            if let Some(end) = residue_at(text, i) {
                let shown: String = text[i..end].chars().take(30).collect();
                out.push(finding(
                    ID,
                    doc,
                    document,
                    i..end,
                    format!("markup left in the text: `{shown}`"),
                    Some("strip HTML before storing text fields".to_string()),
                    &content_key(text, i..end),
                ));
            }
        }
        out
    }

    /// A tag or comment goes (a space stays between two words it joined); an entity
    /// becomes the character it stands for (`&nbsp;` a space).
    fn fix(&self, document: &Document, span: std::ops::Range<usize>) -> Vec<Edit> {
        let text = &document.text;
        let residue = &text[span.clone()];
        let replacement = if residue.starts_with('&') {
            match crate::source::html::entity(residue) {
                Some((len, decoded)) if len == residue.len() => decoded.replace('\u{a0}', " "),
                _ => return Vec::new(),
            }
        } else {
            let before = text[..span.start].chars().next_back();
            let after = text[span.end..].chars().next();
            let word = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
            if word(before) && word(after) {
                " ".to_string()
            } else {
                String::new()
            }
        };
        vec![Edit::new(span, replacement)]
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{check_texts, flagged_in};

    #[test]
    fn tags_entities_and_comments_in_plain_text_are_flagged() {
        let text =
            "记者从国家卫健委获悉&nbsp;累计投入1.4万亿元<br/>\nThe council met on Monday.</p><p>It voted.<!-- x -->\n";
        assert_eq!(flagged_in(super::ID, text), ["&nbsp;", "<br/>", "</p>", "<p>", "<!-- x -->"]);
    }

    #[test]
    fn comparisons_ampersands_and_markup_files_are_not() {
        assert!(flagged_in(super::ID, "R&D spending rose; 3 < 5 and AT&T agreed.\n").is_empty());
        assert!(check_texts(super::ID, &[("a.html", "<p>投入1.4万亿元</p>")]).is_empty());
    }
}
