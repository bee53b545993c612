//! Reports a file or dataset record that cannot be read: bytes that are not UTF-8,
//! GB18030 or Big5; a JSONL line that is not a JSON object with a text field; a CSV row
//! with the wrong number of fields; front matter that is never closed.
//!
//! Why: a record that cannot be read is silently missing from every other check. The rest
//! of the corpus is still read, and the run exits with code 2.
//!
//! Chinese: a `.txt` saved in GBK with a stray byte, `新闻\xff.txt`, is reported with the
//! line and column of the first bad byte.
//! English: `{"text": "Revenue rose 8 percent", }` (a trailing comma) is reported with the
//! record number.
//!
//! Fix the input. `--ignore unreadable-input` or `severity = "off"` hides the finding, but
//! the run still exits with code 2: what could not be read was not checked. Inline
//! directives and `[per-file-ignores]` do not apply to it.

use super::Rule;

pub(super) const ID: &str = "unreadable-input";

/// The findings themselves are made by `check` from load errors; the rule exists so that
/// it is listed, explained and selectable like the others.
pub struct UnreadableInput;

impl Rule for UnreadableInput {
    fn id(&self) -> &'static str {
        ID
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::check_texts;

    #[test]
    fn a_record_that_cannot_be_read_is_reported_and_the_rest_read() {
        let records = "{\"text\": \"投入1.4万亿元\"}\n{\"text\": \"Revenue rose 8 percent\", }\n";
        let found = check_texts(super::ID, &[("news.jsonl", records)]);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].message.starts_with("record 2: invalid JSON"), "{}", found[0].message);
    }

    #[test]
    fn readable_inputs_in_every_encoding_are_not() {
        assert!(check_texts(super::ID, &[("news.jsonl", "{\"text\": \"投入1.4万亿元\"}\n")]).is_empty());
        assert!(check_texts(super::ID, &[("a.txt", "\u{feff}The council met on Monday.\n")]).is_empty());
    }
}
