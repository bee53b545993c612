//! How a file's bytes hold its text: as they are, compressed with gzip or zstd, or as
//! one value of a Parquet record. It decides what a reported position counts (the file's
//! bytes, the decompressed stream's, or the record value's), whether a record can be read
//! back by its byte offsets, and whether a fix may be written into the file.

use std::io::Read;
use std::path::Path;

/// How positions in a [`super::SourceFile`] relate to the file on disk.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Packing {
    /// The file's own bytes.
    #[default]
    Plain,
    /// A gzip file (`.gz`): positions are in the decompressed stream.
    Gzip,
    /// A zstd file (`.zst`): positions are in the decompressed stream.
    Zstd,
    /// One text value of a record (a Parquet row, a record handed over by a library
    /// caller): positions are inside that value.
    RecordValue,
}

impl Packing {
    /// The compression a file name says (`a.jsonl.gz`, `b.csv.zst`), `Plain` otherwise.
    pub fn of(path: &Path) -> Packing {
        match path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref() {
            Some("gz") => Packing::Gzip,
            Some("zst") => Packing::Zstd,
            _ => Packing::Plain,
        }
    }

    pub fn is_compressed(self) -> bool {
        matches!(self, Packing::Gzip | Packing::Zstd)
    }

    /// Whether offsets are those of the file on disk, so that a record can be read again
    /// by its bytes and a fix written in place.
    pub fn is_plain(self) -> bool {
        self == Packing::Plain
    }

    /// Whether a position counts inside one record's value rather than in the file.
    pub fn is_record_relative(self) -> bool {
        self == Packing::RecordValue
    }

    /// A reader of the decompressed bytes of `raw`.
    pub fn reader<'a>(self, raw: impl Read + 'a) -> std::io::Result<Box<dyn Read + 'a>> {
        Ok(match self {
            // Several gzip members one after another are one stream, as `zcat` reads them.
            Packing::Gzip => Box::new(flate2::read::MultiGzDecoder::new(std::io::BufReader::new(raw))),
            Packing::Zstd => Box::new(zstd::stream::read::Decoder::new(raw)?),
            Packing::Plain | Packing::RecordValue => Box::new(raw),
        })
    }

    /// The compression's name (`gzip`, `zstd`); `None` for an uncompressed file.
    pub fn codec(self) -> Option<&'static str> {
        match self {
            Packing::Gzip => Some("gzip"),
            Packing::Zstd => Some("zstd"),
            Packing::Plain | Packing::RecordValue => None,
        }
    }

    /// What a decompression error means, for the message of an unreadable input.
    pub fn describe(self, e: &std::io::Error) -> String {
        let Some(name) = self.codec() else { return format!("cannot read file: {e}") };
        if e.kind() == std::io::ErrorKind::UnexpectedEof {
            format!("the {name} stream ends early (a truncated archive?): {e}")
        } else {
            format!("cannot decompress {name}: {e}")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn compression_is_named_by_the_last_extension() {
        for (name, packing) in [
            ("a.jsonl.gz", Packing::Gzip),
            ("a.CSV.GZ", Packing::Gzip),
            ("b.jsonl.zst", Packing::Zstd),
            ("c.jsonl", Packing::Plain),
            ("gz", Packing::Plain),
        ] {
            assert_eq!(Packing::of(Path::new(name)), packing, "{name}");
        }
    }

    #[test]
    fn readers_decompress_and_tell_a_truncated_stream() {
        let text = "共有1007家医院\n".repeat(2000);
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        gz.write_all(text.as_bytes()).unwrap();
        let gz = gz.finish().unwrap();
        let zst = zstd::encode_all(text.as_bytes(), 3).unwrap();
        for (packing, bytes) in [(Packing::Gzip, gz), (Packing::Zstd, zst)] {
            let mut out = String::new();
            packing.reader(&bytes[..]).unwrap().read_to_string(&mut out).unwrap();
            assert_eq!(out, text, "{packing:?}");
            let mut cut = Vec::new();
            let e = packing.reader(&bytes[..bytes.len() / 2]).unwrap().read_to_end(&mut cut).unwrap_err();
            assert!(packing.describe(&e).contains("ends early"), "{packing:?}: {e}");
            assert!(cut.len() < text.len() && text.as_bytes().starts_with(&cut), "{packing:?}");
        }
    }
}
