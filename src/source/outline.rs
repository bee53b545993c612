//! What `check --show-files` says of a dataset without checking it: how many records it
//! holds and which field or column their text is read from.

use super::packing::Packing;
use super::{csv, encoding, jsonl, Format, LoadOptions};
use std::io::{BufRead, Read};
use std::path::Path;

/// Records of a dataset and the text field of its first record that has one.
#[derive(Debug, PartialEq, Eq)]
pub struct Outline {
    pub records: usize,
    pub text_field: Option<String>,
}

/// The outline of a JSON Lines, CSV or Parquet file; `None` for an article file.
pub fn outline(path: &Path, format: Format, opts: &LoadOptions) -> std::io::Result<Option<Outline>> {
    let packing = Packing::of(path);
    let open = || packing.reader(std::fs::File::open(path)?);
    match format {
        Format::Jsonl => jsonl_outline(std::io::BufReader::new(open()?), opts).map(Some),
        Format::Csv => {
            let mut bytes = Vec::new();
            open()?.read_to_end(&mut bytes)?;
            Ok(Some(csv_outline(bytes, opts)))
        }
        Format::Parquet => {
            let (records, text_field) = super::columnar::records_and_text_column(path, opts)?;
            Ok(Some(Outline { records, text_field }))
        }
        _ => Ok(None),
    }
}

fn jsonl_outline(mut reader: impl BufRead, opts: &LoadOptions) -> std::io::Result<Outline> {
    let mut outline = Outline { records: 0, text_field: None };
    let mut line = Vec::new();
    while reader.read_until(b'\n', &mut line)? > 0 {
        let text = String::from_utf8_lossy(&line);
        if !text.trim().is_empty() {
            outline.records += 1;
            if outline.text_field.is_none() {
                let record = jsonl::record(text.trim_end_matches(['\n', '\r']), &opts.text_fields, &opts.id_fields);
                outline.text_field = record.ok().map(|r| r.field);
            }
        }
        line.clear();
    }
    Ok(outline)
}

fn csv_outline(bytes: Vec<u8>, opts: &LoadOptions) -> Outline {
    let Ok(decoded) = encoding::decode_owned(bytes) else { return Outline { records: 0, text_field: None } };
    let text = &decoded.text;
    let rows = csv::rows(text).unwrap_or_default();
    let Some((header, records)) = rows.split_first() else { return Outline { records: 0, text_field: None } };
    let names = csv::column_names(text, header);
    let text_field = opts.text_fields.iter().find(|c| names.contains(c)).cloned();
    Outline { records: records.len(), text_field }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn datasets_are_outlined() {
        let opts = LoadOptions::default();
        let jsonl = b"{\"id\":1}\n\n{\"content\":\"\xe7\x94\xb2\"}\n{\"text\":\"x\"}\n";
        let got = jsonl_outline(&jsonl[..], &opts).unwrap();
        assert_eq!(got, Outline { records: 3, text_field: Some("content".to_string()) });
        let got = csv_outline(b"ID,Body\n1,\"a\"\n2,b\n".to_vec(), &opts);
        assert_eq!(got, Outline { records: 2, text_field: Some("body".to_string()) });
        let got = csv_outline(b"id,words\n1,a\n".to_vec(), &opts);
        assert_eq!(got, Outline { records: 1, text_field: None });
    }
}
