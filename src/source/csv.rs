//! CSV datasets (RFC 4180): a header row, then one document per row. Fields are read
//! with their raw spans so quoted text (`""` escapes) maps back to the file. The `csv`
//! crate does not report where a field's unescaped bytes came from, hence this reader.

use super::offsets::TextBuilder;
use std::ops::Range;

/// One field: its raw span in the file (inside quotes when quoted) and whether quoted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    pub raw: Range<usize>,
    pub quoted: bool,
}

/// One row and the span of the whole row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub fields: Vec<Field>,
    pub span: Range<usize>,
}

/// A quote that never closes: its offset.
#[derive(Debug, PartialEq, Eq)]
pub struct UnclosedQuote {
    pub offset: usize,
}

/// Splits `text` into rows of fields.
pub fn rows(text: &str) -> Result<Vec<Row>, UnclosedQuote> {
    let b = text.as_bytes();
    let mut rows = Vec::new();
    let mut i = 0usize;
    while i < b.len() {
        let row_start = i;
        let mut fields = Vec::new();
        loop {
            if b.get(i) == Some(&b'"') {
                let open = i;
                let mut k = i + 1;
                loop {
                    match b.get(k) {
                        None => return Err(UnclosedQuote { offset: open }),
                        Some(b'"') if b.get(k + 1) == Some(&b'"') => k += 2,
                        Some(b'"') => break,
                        _ => k += 1,
                    }
                }
                fields.push(Field { raw: open + 1..k, quoted: true });
                i = k + 1;
                // Anything between the closing quote and the separator is kept as-is by
                // most writers' readers; skip it.
                while i < b.len() && !matches!(b[i], b',' | b'\n' | b'\r') {
                    i += 1;
                }
            } else {
                let start = i;
                while i < b.len() && !matches!(b[i], b',' | b'\n' | b'\r') {
                    i += 1;
                }
                fields.push(Field { raw: start..i, quoted: false });
            }
            match b.get(i) {
                Some(b',') => i += 1,
                _ => break,
            }
        }
        let row_end = i;
        if b.get(i) == Some(&b'\r') {
            i += 1;
        }
        if b.get(i) == Some(&b'\n') {
            i += 1;
        }
        let blank = fields.len() == 1 && fields[0].raw.is_empty();
        if !blank {
            rows.push(Row { fields, span: row_start..row_end });
        }
    }
    Ok(rows)
}

/// The unescaped value of a field.
pub fn value(text: &str, f: &Field) -> String {
    let raw = &text[f.raw.clone()];
    if f.quoted {
        raw.replace("\"\"", "\"")
    } else {
        raw.to_string()
    }
}

/// The column names of a header row, trimmed and lowercased (how `--text-field` and the
/// `id`, `title` and `date` columns are matched).
pub fn column_names(text: &str, header: &Row) -> Vec<String> {
    header.fields.iter().map(|f| value(text, f).trim().to_ascii_lowercase()).collect()
}

/// Appends a field's unescaped text to `out`, mapped to the file.
pub fn unescape(text: &str, f: &Field, out: &mut TextBuilder) {
    let raw = &text[f.raw.clone()];
    if !f.quoted {
        out.verbatim(raw, f.raw.start);
        return;
    }
    let mut run = 0usize;
    while let Some(k) = raw[run..].find("\"\"") {
        let at = run + k;
        out.verbatim(&raw[run..at], f.raw.start + run);
        out.replace("\"", f.raw.start + at..f.raw.start + at + 2);
        run = at + 2;
    }
    out.verbatim(&raw[run..], f.raw.start + run);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_fields_with_newlines_and_escapes() {
        let text = "key,title,text\r\n1,\"a, b\",\"第一行\n他说\"\"好\"\"\"\n\n2,c,plain\n";
        let rows = rows(text).unwrap();
        assert_eq!(rows.len(), 3);
        assert_eq!(value(text, &rows[1].fields[1]), "a, b");
        assert_eq!(value(text, &rows[1].fields[2]), "第一行\n他说\"好\"");
        let mut b = TextBuilder::new();
        unescape(text, &rows[1].fields[2], &mut b);
        let (t, map) = b.finish();
        let at = t.find('好').unwrap();
        assert_eq!(&text[map.span(at..at + 3)], "好");
        assert_eq!(value(text, &rows[2].fields[2]), "plain");
    }

    #[test]
    fn unclosed_quote_is_reported() {
        assert_eq!(rows("a,b\n1,\"oops\n").unwrap_err(), UnclosedQuote { offset: 6 });
    }
}
