//! Dataset records as documents: the lines of a JSON Lines file (or window) and the rows of
//! a CSV file, each with its name (`path#id`), its text mapped back to the file's bytes,
//! and its `factlint_disable` directive.

use super::offsets::TextBuilder;
use super::packing::Packing;
use super::{csv, error_at, jsonl, paragraphs, Document, Format, LoadError, LoadOptions, Loaded, SourceFile};
use compact_str::CompactString;
use std::ops::Range;
use std::sync::Arc;

/// A dataset record's `factlint_disable` value as a directive covering the whole record
/// (an empty comment at its start).
pub(super) fn record_directive(start: usize, rules: Option<&str>) -> Vec<(Range<usize>, String)> {
    rules.map(|r| vec![(start..start, format!("factlint-disable {r}"))]).unwrap_or_default()
}

/// The fields of one dataset record that factlint reads, as text.
#[derive(Clone, Debug, Default)]
pub struct RecordFields {
    pub id: Option<String>,
    pub text: Option<String>,
    pub title: Option<String>,
    pub date: Option<String>,
    /// Its `factlint_disable` value: `all` or a comma-separated list of rule ids.
    pub disable: Option<String>,
}

impl RecordFields {
    /// The fields of a record given as a JSON object, read as a JSON Lines record is: the
    /// text is the first of the text fields holding a string; an id, title or date may be
    /// a string or a number. `None` when no text field holds a string.
    pub fn from_json(record: &serde_json::Map<String, serde_json::Value>, opts: &LoadOptions) -> Option<Self> {
        use serde_json::Value;
        let as_text = |key: &str| match record.get(key)? {
            Value::String(s) => Some(s.clone()),
            Value::Number(n) => Some(n.to_string()),
            _ => None,
        };
        let text = opts.text_fields.iter().find_map(|f| record.get(f)?.as_str().map(str::to_string))?;
        Some(RecordFields {
            id: opts.id_fields.iter().find_map(|k| as_text(k)),
            text: Some(text),
            title: as_text("title"),
            date: as_text("date"),
            disable: record.get(jsonl::DISABLE_FIELD).cloned().and_then(jsonl::disabled_rules_of),
        })
    }
}

/// Record number `record` (as its format counts them) of the dataset shown as `display`,
/// as a document named `display#id` (`display#record` without an id) whose positions
/// count inside its text value; `None` when it has no text.
pub fn record_document(display: &str, format: Format, fields: RecordFields, record: usize) -> Option<Document> {
    let text = fields.text?;
    let mut builder = TextBuilder::with_capacity(text.len());
    builder.verbatim(&text, 0);
    let (plain, map) = builder.finish();
    let region = 0..text.len();
    let file = Arc::new(SourceFile::new(display.to_string(), text, None).packed(Packing::RecordValue));
    let id = fields.id.filter(|i| !i.is_empty()).unwrap_or_else(|| record.to_string());
    Some(Document {
        file,
        name: format!("{display}#{id}").into(),
        title: fields.title.map(Into::into),
        date: fields.date.as_deref().map(CompactString::new),
        format,
        paragraphs: paragraphs(&plain).into(),
        text: plain,
        map,
        region,
        record,
        comments: record_directive(0, fields.disable.as_deref()).into(),
    })
}

/// A JSON Lines file or window: one document per non-blank line, records parsed in
/// parallel and numbered on from `records_before`; also how many records it holds.
pub(super) fn load_jsonl(file: &Arc<SourceFile>, opts: &LoadOptions, records_before: usize) -> (Loaded, usize) {
    use rayon::prelude::*;
    let mut lines = Vec::new();
    let mut pos = 0usize;
    for raw_line in file.text.split_inclusive('\n') {
        let line_start = pos;
        pos += raw_line.len();
        let line = raw_line.trim_end_matches(['\n', '\r']);
        if !line.trim().is_empty() {
            lines.push((records_before + lines.len() + 1, line_start, line));
        }
    }
    let records = lines.len();
    // An error, with the string fields of a record that has no text field.
    type Failed = (LoadError, Option<Vec<String>>);
    let results: Vec<Result<Document, Failed>> = lines
        .par_iter()
        .map(|&(record_no, line_start, line)| {
            let r = jsonl::record(line, &opts.text_fields, &opts.id_fields).map_err(|e| {
                let doc = format!("{}#{record_no}", file.path);
                let message = format!("record {record_no}: {}", e.message);
                (error_at(file, line_start + e.offset, Some(doc), message), e.string_fields)
            })?;
            let mut builder = TextBuilder::with_capacity(r.raw.len());
            jsonl::unescape(&line[r.raw.clone()], line_start + r.raw.start, &mut builder);
            let (plain, map) = builder.finish();
            let id = r.id.unwrap_or_else(|| record_no.to_string());
            Ok(Document {
                file: Arc::clone(file),
                name: format!("{}#{id}", file.path).into(),
                title: r.title.map(Into::into),
                date: r.date.as_deref().map(CompactString::new),
                format: Format::Jsonl,
                paragraphs: paragraphs(&plain).into(),
                text: plain,
                map,
                region: line_start..line_start + line.len(),
                record: record_no,
                comments: record_directive(line_start, r.disable.as_deref()).into(),
            })
        })
        .collect();
    let mut loaded = Loaded::default();
    // Records without the text field are one mistake (a mistyped `--text-field`), said
    // once at the first of them, with the fields the records do have.
    let mut without_text: Option<(LoadError, std::collections::BTreeSet<String>, usize)> = None;
    for r in results {
        match r {
            Ok(d) => loaded.documents.push(d),
            Err((e, Some(fields))) => match &mut without_text {
                Some((_, seen, count)) => {
                    seen.extend(fields);
                    *count += 1;
                }
                None => without_text = Some((e, fields.into_iter().collect(), 1)),
            },
            Err((e, None)) => loaded.errors.push(e),
        }
    }
    if let Some((mut first, fields, count)) = without_text {
        if count > 1 {
            first.message.push_str(&format!(" (and {} more records like it)", count - 1));
        }
        let fields: Vec<String> = fields.into_iter().collect();
        first.message.push_str(&if fields.is_empty() {
            "; the records hold no string field".to_string()
        } else {
            format!("; string fields of these records: {}; name one with --text-field", fields.join(", "))
        });
        loaded.errors.push(first);
        loaded.errors.sort_by_key(|e| e.offset);
    }
    (loaded, records)
}

/// A CSV file: a header row, then one document per row.
pub(super) fn load_csv(file: &Arc<SourceFile>, opts: &LoadOptions) -> Loaded {
    let mut loaded = Loaded::default();
    let text = &file.text;
    let rows = match csv::rows(text) {
        Ok(rows) => rows,
        Err(e) => {
            loaded.errors.push(error_at(file, e.offset, None, "quoted field is never closed".to_string()));
            return loaded;
        }
    };
    let Some((header, records)) = rows.split_first() else { return loaded };
    let names = csv::column_names(text, header);
    let column = |candidates: &[String]| candidates.iter().find_map(|c| names.iter().position(|n| n == c));
    let Some(text_col) = column(&opts.text_fields) else {
        loaded.errors.push(error_at(
            file,
            header.span.start,
            None,
            format!("no text column ({}) in the header", opts.text_fields.join(", ")),
        ));
        return loaded;
    };
    let id_col = column(&opts.id_fields);
    let title_col = names.iter().position(|n| n == "title");
    let date_col = names.iter().position(|n| n == "date");
    let disable_col = names.iter().position(|n| n == jsonl::DISABLE_FIELD);
    for (i, row) in records.iter().enumerate() {
        let record_no = i + 1;
        if row.fields.len() != names.len() {
            let doc = format!("{}#{record_no}", file.path);
            let msg = format!("record {record_no} has {} fields, the header has {}", row.fields.len(), names.len());
            loaded.errors.push(error_at(file, row.span.start, Some(doc), msg));
            continue;
        }
        let get = |c: Option<usize>| c.map(|c| csv::value(text, &row.fields[c])).filter(|v| !v.is_empty());
        let mut builder = TextBuilder::new();
        csv::unescape(text, &row.fields[text_col], &mut builder);
        let (plain, map) = builder.finish();
        let id = get(id_col).unwrap_or_else(|| record_no.to_string());
        loaded.documents.push(Document {
            file: Arc::clone(file),
            name: format!("{}#{id}", file.path).into(),
            title: get(title_col).map(Into::into),
            date: get(date_col).as_deref().map(CompactString::new),
            format: Format::Csv,
            paragraphs: paragraphs(&plain).into(),
            text: plain,
            map,
            region: row.span.clone(),
            record: record_no,
            comments: record_directive(row.span.start, get(disable_col).as_deref()).into(),
        });
    }
    loaded
}
