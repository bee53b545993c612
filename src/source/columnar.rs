//! Parquet datasets (the Hugging Face layout: a folder of `*.parquet` shards), read a row
//! group at a time with only the columns factlint uses. Each record is one document, named
//! `path#id` like a JSON Lines record. A Parquet file keeps no line of text to point at, so
//! each record's text value is its own source: positions are inside that value
//! ([`super::packing::Packing::RecordValue`]), and outputs say so.
//!
//! A file that is not Parquet, or whose footer is broken, is one error at its start; a row
//! group that cannot be decoded is an error at its byte offset, and the other row groups
//! are still read.

use super::records::{record_document, RecordFields};
use super::{jsonl, Document, Format, LoadError, LoadOptions, Loaded};
use parquet::file::reader::{ChunkReader, FileReader, SerializedFileReader};
use parquet::record::{Field, Row};
use parquet::schema::types::{Type, TypePtr};
use std::path::Path;
use std::sync::Arc;

/// Reads a Parquet file from disk, handing over one `Loaded` per row group.
pub fn read_file(path: &Path, display: &str, opts: &LoadOptions, each: &mut dyn FnMut(Loaded)) {
    match std::fs::File::open(path) {
        Ok(file) => read(file, display, opts, &|_| true, each),
        Err(e) => each(Loaded { documents: Vec::new(), errors: vec![LoadError::unreadable(display, &e)] }),
    }
}

/// Reads again the row groups of a Parquet file that hold `records` (row numbers, from
/// 1), handing over their documents (among them those of `records`); the other row
/// groups are not decoded.
pub fn read_records(path: &Path, display: &str, opts: &LoadOptions, records: &[usize], each: &mut dyn FnMut(Loaded)) {
    let wanted = |rows: std::ops::Range<usize>| records.iter().any(|r| rows.contains(r));
    match std::fs::File::open(path) {
        Ok(file) => read(file, display, opts, &wanted, each),
        Err(e) => each(Loaded { documents: Vec::new(), errors: vec![LoadError::unreadable(display, &e)] }),
    }
}

/// Reads a Parquet file held in memory (a shard, stdin).
pub fn load_bytes(display: &str, bytes: Vec<u8>, opts: &LoadOptions) -> Loaded {
    Loaded::gathered(|each| read(bytes::Bytes::from(bytes), display, opts, &|_| true, each))
}

/// How many records a Parquet file holds and which column its text is read from.
pub fn records_and_text_column(path: &Path, opts: &LoadOptions) -> std::io::Result<(usize, Option<String>)> {
    let file = SerializedFileReader::new(std::fs::File::open(path)?).map_err(std::io::Error::other)?;
    let meta = file.metadata().file_metadata();
    let records = usize::try_from(meta.num_rows()).unwrap_or(0);
    let text_field = Columns::find(meta.schema(), opts).ok().map(|c| c.text);
    Ok((records, text_field))
}

/// The columns of a file that factlint reads, by their place among the projected ones.
struct Columns {
    projection: Type,
    text: String,
    id: Option<String>,
}

impl Columns {
    /// The text column (the first of `opts.text_fields` present), the id column, `title`,
    /// `date` and `factlint_disable`; or why there is no text column.
    fn find(schema: &Type, opts: &LoadOptions) -> Result<Columns, String> {
        let fields: Vec<&TypePtr> = schema.get_fields().iter().filter(|f| f.is_primitive()).collect();
        let named = |name: &str| fields.iter().find(|f| f.name() == name).copied();
        let Some(text) = opts.text_fields.iter().find_map(|n| named(n)) else {
            let names: Vec<&str> = fields.iter().map(|f| f.name()).collect();
            return Err(format!(
                "no text column ({}) in the schema; its columns: {}; name one with --text-field",
                opts.text_fields.join(", "),
                if names.is_empty() { "none".to_string() } else { names.join(", ") }
            ));
        };
        let id = opts.id_fields.iter().find_map(|n| named(n));
        let wanted: Vec<&str> = [Some(text), id, named("title"), named("date"), named(jsonl::DISABLE_FIELD)]
            .into_iter()
            .flatten()
            .map(|f| f.name())
            .collect();
        // The projection keeps the schema's order, which the row reader expects.
        let kept: Vec<TypePtr> = fields.iter().filter(|f| wanted.contains(&f.name())).map(|f| Arc::clone(f)).collect();
        let projection =
            Type::group_type_builder(schema.name()).with_fields(kept).build().map_err(|e| e.to_string())?;
        Ok(Columns { projection, text: text.name().to_string(), id: id.map(|f| f.name().to_string()) })
    }
}

/// Reads the row groups whose records (row numbers from 1) `group_wanted` asks for.
fn read<R: ChunkReader + 'static>(
    reader: R,
    display: &str,
    opts: &LoadOptions,
    group_wanted: &dyn Fn(std::ops::Range<usize>) -> bool,
    each: &mut dyn FnMut(Loaded),
) {
    let error = |offset: usize, doc: Option<String>, message: String| LoadError {
        path: display.to_string(),
        offset,
        line: 1,
        column: 1,
        doc,
        message,
    };
    let file = match guarded(|| SerializedFileReader::new(reader).map_err(|e| reason(&e))) {
        Ok(f) => f,
        Err(why) => {
            let message = format!("not a readable Parquet file: {why}");
            return each(Loaded { documents: Vec::new(), errors: vec![error(0, None, message)] });
        }
    };
    let columns = match Columns::find(file.metadata().file_metadata().schema(), opts) {
        Ok(c) => c,
        Err(message) => return each(Loaded { documents: Vec::new(), errors: vec![error(0, None, message)] }),
    };
    let mut records_before = 0usize;
    // Records without text are one mistake (a wrong column, or rows left empty), said once.
    let mut nulls = Vec::new();
    for group in 0..file.num_row_groups() {
        let meta = file.metadata().row_group(group);
        let rows = usize::try_from(meta.num_rows()).unwrap_or(0);
        if !group_wanted(records_before + 1..records_before + rows + 1) {
            records_before += rows;
            continue;
        }
        let offset = meta.file_offset().and_then(|o| usize::try_from(o).ok()).unwrap_or(0);
        let mut loaded = Loaded::default();
        let nulls_before = nulls.len();
        let broken = |why: String, at: usize| {
            let (first, last) = (records_before + 1, records_before + rows);
            let doc = Some(format!("{display}#{}", at.max(first)));
            error(offset, doc, format!("row group {} (records {first}–{last}) cannot be read: {why}", group + 1))
        };
        let decoded = guarded(|| {
            let mut decode = || -> parquet::errors::Result<()> {
                let reader = file.get_row_group(group)?;
                let rows = reader.get_row_iter(Some(columns.projection.clone()))?;
                for (i, row) in rows.enumerate() {
                    let record = records_before + i + 1;
                    match document(display, &row?, &columns, record) {
                        Some(d) => loaded.documents.push(d),
                        None => nulls.push(record),
                    }
                }
                Ok(())
            };
            decode().map_err(|e| reason(&e))
        });
        match decoded {
            Ok(()) => {}
            Err(e) => {
                let at = records_before + loaded.documents.len() + nulls.len() - nulls_before + 1;
                loaded.errors.push(broken(e, at));
            }
        }
        records_before += rows;
        each(loaded);
    }
    if let Some(&first) = nulls.first() {
        let more =
            if nulls.len() > 1 { format!(" (and {} more records like it)", nulls.len() - 1) } else { String::new() };
        let message = format!("record {first}: the text column `{}` is empty or null{more}", columns.text);
        each(Loaded { documents: Vec::new(), errors: vec![error(0, Some(format!("{display}#{first}")), message)] });
    }
}

thread_local! {
    /// Whether this thread is inside the Parquet decoder (see [`guarded`]).
    static DECODING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Runs a step of the Parquet decoder, which panics on some damaged files instead of
/// returning an error: the panic becomes this file's error, said once as a finding (the
/// panic message is not printed), and the run goes on. Other panics are reported as ever.
fn guarded<T>(step: impl FnOnce() -> Result<T, String>) -> Result<T, String> {
    static QUIET_HOOK: std::sync::Once = std::sync::Once::new();
    QUIET_HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !DECODING.with(std::cell::Cell::get) {
                previous(info);
            }
        }));
    });
    DECODING.with(|d| d.set(true));
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(step));
    DECODING.with(|d| d.set(false));
    result.unwrap_or_else(|panic| {
        let what = panic
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| panic.downcast_ref::<&str>().copied())
            .unwrap_or("the decoder failed");
        Err(format!("damaged file ({what})"))
    })
}

/// A Parquet error without the crate's `Parquet error: ` prefix.
fn reason(e: &parquet::errors::ParquetError) -> String {
    let text = e.to_string();
    text.strip_prefix("Parquet error: ").map(str::to_string).unwrap_or(text)
}

/// The string a cell holds, if it holds text or a number.
fn cell_text(field: &Field) -> Option<String> {
    match field {
        Field::Null => None,
        Field::Str(s) => Some(s.clone()),
        Field::Bytes(b) => std::str::from_utf8(b.data()).ok().map(str::to_string),
        Field::Bool(b) => b.then(|| "true".to_string()),
        other => Some(other.to_string()),
    }
}

/// Record `record` as a document; `None` when its text is null or empty.
fn document(display: &str, row: &Row, columns: &Columns, record: usize) -> Option<Document> {
    let mut fields = RecordFields::default();
    for (name, field) in row.get_column_iter() {
        let value = cell_text(field);
        match name.as_str() {
            n if n == columns.text => fields.text = value,
            n if Some(n) == columns.id.as_deref() => fields.id = value,
            "title" => fields.title = value,
            "date" => fields.date = value,
            n if n == jsonl::DISABLE_FIELD => {
                fields.disable = value.map(|v| if v == "true" { "all".to_string() } else { v })
            }
            _ => {}
        }
    }
    fields.text.as_ref().filter(|t| !t.is_empty())?;
    record_document(display, Format::Parquet, fields, record)
}
