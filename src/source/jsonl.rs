//! JSON Lines datasets: one document per line. The text field's string is unescaped with
//! every character mapped back to its place in the raw line, so a finding points at the
//! escaped text an editor shows.

use super::offsets::TextBuilder;
use serde_json::value::RawValue;
use std::collections::HashMap;
use std::ops::Range;

/// One record's fields of interest.
#[derive(Debug)]
pub struct Record {
    pub id: Option<String>,
    pub title: Option<String>,
    pub date: Option<String>,
    pub field: String,
    /// The raw span of the text string's contents (inside the quotes), in the line.
    pub raw: Range<usize>,
    /// The rules the record's `factlint_disable` field turns off (`all` for every rule).
    pub disable: Option<String>,
}

/// The field of a record that turns rules off for it: a string of rule ids (`"boilerplate,
/// markup-residue"`, `"all"`), an array of them, or `true` for every rule.
pub const DISABLE_FIELD: &str = "factlint_disable";

fn disabled_rules(raw: &str) -> Option<String> {
    disabled_rules_of(serde_json::from_str::<serde_json::Value>(raw).ok()?)
}

/// The rules a record's `factlint_disable` value turns off: a string as it is, `true` for
/// all of them, an array of rule ids joined; anything else turns off nothing.
pub fn disabled_rules_of(value: serde_json::Value) -> Option<String> {
    match value {
        serde_json::Value::String(s) => Some(s),
        serde_json::Value::Bool(true) => Some("all".to_string()),
        serde_json::Value::Array(items) => {
            let ids: Option<Vec<&str>> = items.iter().map(serde_json::Value::as_str).collect();
            ids.map(|ids| ids.join(", "))
        }
        _ => None,
    }
}

/// Why a line is not a usable record: a message and the byte offset in the line.
#[derive(Debug, PartialEq)]
pub struct RecordError {
    pub offset: usize,
    pub message: String,
    /// When the record has no text field: the fields holding a string that it has,
    /// sorted (what `--text-field` could name instead).
    pub string_fields: Option<Vec<String>>,
}

/// Parses one JSON line and finds the first of `fields` holding a string.
pub fn record(line: &str, fields: &[String], id_fields: &[String]) -> Result<Record, RecordError> {
    // Raw values keep their place in the line, so the text field's span comes for free.
    let map: HashMap<String, &RawValue> = serde_json::from_str(line).map_err(|e| {
        let message = if e.classify() == serde_json::error::Category::Data {
            "a record must be a JSON object".to_string()
        } else {
            format!("invalid JSON: {e}")
        };
        RecordError { offset: char_col_to_byte(line, e.column()), message, string_fields: None }
    })?;
    let is_string = |v: &RawValue| v.get().starts_with('"');
    let field = fields
        .iter()
        .find(|f| map.get(f.as_str()).is_some_and(|v| is_string(v)))
        .ok_or_else(|| {
            let mut string_fields: Vec<String> =
                map.iter().filter(|(_, v)| is_string(v)).map(|(k, _)| k.clone()).collect();
            string_fields.sort_unstable();
            RecordError {
                offset: 0,
                message: format!("no text field ({}) holding a string", fields.join(", ")),
                string_fields: Some(string_fields),
            }
        })?
        .clone();
    let raw_value = map[field.as_str()].get();
    let start = raw_value.as_ptr() as usize - line.as_ptr() as usize;
    let raw = start + 1..start + raw_value.len() - 1;
    let text_of = |k: &str| {
        let v = map.get(k)?.get();
        if v.starts_with('"') {
            serde_json::from_str::<String>(v).ok()
        } else if v.starts_with(|c: char| c.is_ascii_digit() || c == '-') {
            Some(v.to_string())
        } else {
            None
        }
    };
    let id = id_fields.iter().find_map(|k| text_of(k));
    let disable = map.get(DISABLE_FIELD).and_then(|v| disabled_rules(v.get()));
    Ok(Record { id, title: text_of("title"), date: text_of("date"), field, raw, disable })
}

fn char_col_to_byte(line: &str, column: usize) -> usize {
    line.char_indices().nth(column.saturating_sub(1)).map_or(line.len(), |(i, _)| i)
}

/// Unescapes the JSON string contents `raw` (at `base` in the source) into `out`.
pub fn unescape(raw: &str, base: usize, out: &mut TextBuilder) {
    let b = raw.as_bytes();
    let mut run = 0usize;
    let mut i = 0usize;
    while i < b.len() {
        if b[i] != b'\\' {
            i += 1;
            continue;
        }
        out.verbatim(&raw[run..i], base + run);
        let (len, decoded) = escape(&raw[i..]);
        out.replace(&decoded, base + i..base + i + len);
        i += len;
        run = i;
    }
    out.verbatim(&raw[run..], base + run);
}

fn escape(s: &str) -> (usize, String) {
    let b = s.as_bytes();
    let simple = |c: char| (2, c.to_string());
    match b.get(1) {
        Some(b'n') => simple('\n'),
        Some(b't') => simple('\t'),
        Some(b'r') => simple('\r'),
        Some(b'b') => simple('\u{8}'),
        Some(b'f') => simple('\u{c}'),
        Some(b'/') => simple('/'),
        Some(b'\\') => simple('\\'),
        Some(b'"') => simple('"'),
        Some(b'u') => {
            let hex = |k: usize| s.get(k..k + 4).and_then(|h| u32::from_str_radix(h, 16).ok());
            let Some(hi) = hex(2) else { return (2, String::new()) };
            if (0xD800..0xDC00).contains(&hi) && s.get(6..8) == Some("\\u") {
                if let Some(lo) = hex(8).filter(|lo| (0xDC00..0xE000).contains(lo)) {
                    let c = char::from_u32(0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)).unwrap_or('\u{fffd}');
                    return (12, c.to_string());
                }
            }
            (6, char::from_u32(hi).unwrap_or('\u{fffd}').to_string())
        }
        _ => (1, "\\".to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields() -> Vec<String> {
        ["text", "content", "body"].map(String::from).to_vec()
    }

    fn ids() -> Vec<String> {
        ["id", "key"].map(String::from).to_vec()
    }

    #[test]
    fn finds_the_text_field_and_id() {
        let line = r#"{"id": "n-1", "label": "财经", "meta": {"a": [1, "}"]}, "text": "共有1007家\"企业\""}"#;
        let r = record(line, &fields(), &ids()).unwrap();
        assert_eq!(r.id.as_deref(), Some("n-1"));
        let keyed = record(r#"{"key": 7, "body": "x"}"#, &fields(), &ids()).unwrap();
        assert_eq!((keyed.id.as_deref(), keyed.field.as_str()), (Some("7"), "body"));
        assert_eq!(&line[r.raw.clone()], r#"共有1007家\"企业\""#);
        let mut b = TextBuilder::new();
        unescape(&line[r.raw.clone()], r.raw.start, &mut b);
        let (text, map) = b.finish();
        assert_eq!(text, "共有1007家\"企业\"");
        let at = text.find("企业").unwrap();
        assert_eq!(&line[map.span(at..at + 6)], "企业");
    }

    #[test]
    fn unicode_escapes_map_to_their_escape() {
        let line = r#"{"content": "\u4e2d\ud83d\ude00x"}"#;
        let r = record(line, &fields(), &ids()).unwrap();
        let mut b = TextBuilder::new();
        unescape(&line[r.raw.clone()], r.raw.start, &mut b);
        let (text, map) = b.finish();
        assert_eq!(text, "中😀x");
        assert_eq!(&line[map.span(0..3)], r"\u4e2d");
        assert_eq!(&line[map.span(3..7)], r"\ud83d\ude00");
    }

    #[test]
    fn errors_name_the_position() {
        let err = record(r#"{"text": "abc", }"#, &fields(), &ids()).unwrap_err();
        assert!(err.message.starts_with("invalid JSON"), "{}", err.message);
        assert!(err.offset > 10);
        assert!(record(r#"{"title": "x"}"#, &fields(), &ids()).unwrap_err().message.contains("no text field"));
        assert!(record(r#"[1, 2]"#, &fields(), &ids()).is_err());
    }
}
