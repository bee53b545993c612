//! Decoding file bytes to text: UTF-8 (with or without BOM), UTF-16 with a BOM, and the
//! legacy Chinese encodings (GB18030/GBK, Big5) detected with `chardetng`.
//!
//! A transcoded file keeps a map from its decoded text back to the raw bytes, so spans
//! still point at the original file. Bytes that fit no encoding are an error naming the
//! first bad byte; nothing is ever decoded with replacement characters.

use super::offsets::{OffsetMap, TextBuilder};
use encoding_rs::{DecoderResult, Encoding, BIG5, GB18030, GBK, UTF_16BE, UTF_16LE};

/// Decoded text, and a map back to raw bytes when they differ from the text's.
#[derive(Debug)]
pub struct Decoded {
    pub text: String,
    pub to_raw: Option<OffsetMap>,
    pub encoding: &'static str,
}

/// Why bytes could not be decoded: the raw offset of the first bad byte.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError {
    pub offset: usize,
    /// 1-based line and column of the bad byte, counting what decodes before it.
    pub line: usize,
    pub column: usize,
    pub message: String,
}

/// Whether bytes open with a UTF-8 or UTF-16 byte-order mark.
pub fn starts_with_bom(bytes: &[u8]) -> bool {
    bytes.starts_with(b"\xEF\xBB\xBF") || bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF")
}

/// Decodes owned bytes, reusing the buffer when they are already UTF-8.
pub fn decode_owned(bytes: Vec<u8>) -> Result<Decoded, DecodeError> {
    if !starts_with_bom(&bytes) {
        if simdutf8::basic::from_utf8(&bytes).is_ok() {
            // SAFETY: simdutf8 has just validated the bytes as UTF-8 (several times faster
            // than the standard check on Chinese text, where no ASCII fast path applies).
            let text = unsafe { String::from_utf8_unchecked(bytes) };
            return Ok(Decoded { text, to_raw: None, encoding: "UTF-8" });
        }
        return decode(&bytes);
    }
    decode(&bytes)
}

pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        let text = std::str::from_utf8(rest).map_err(|e| utf8_error(bytes, e, 3))?;
        return Ok(Decoded {
            text: text.to_string(),
            to_raw: Some(OffsetMap::identity(text.len(), 3)),
            encoding: "UTF-8",
        });
    }
    if bytes.starts_with(b"\xFF\xFE") {
        return transcode(UTF_16LE, &bytes[2..], 2);
    }
    if bytes.starts_with(b"\xFE\xFF") {
        return transcode(UTF_16BE, &bytes[2..], 2);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(Decoded { text: text.to_string(), to_raw: None, encoding: "UTF-8" }),
        Err(e) => {
            let mut detector = chardetng::EncodingDetector::new();
            detector.feed(bytes, true);
            let guess = detector.guess(None, true);
            if [GB18030, GBK, BIG5].contains(&guess) {
                let enc = if guess == GBK { GB18030 } else { guess };
                transcode(enc, bytes, 0).map_err(|_| utf8_error(bytes, e, 0))
            } else {
                Err(utf8_error(bytes, e, 0))
            }
        }
    }
}

fn utf8_error(bytes: &[u8], e: std::str::Utf8Error, base: usize) -> DecodeError {
    let offset = base + e.valid_up_to();
    let (line, column) = raw_line_col(bytes, offset);
    DecodeError { offset, line, column, message: "invalid UTF-8 (not GB18030 or Big5 either)".to_string() }
}

fn raw_line_col(bytes: &[u8], offset: usize) -> (usize, usize) {
    let head = &bytes[..offset.min(bytes.len())];
    let line = head.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = head.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    let column = String::from_utf8_lossy(&head[line_start..]).chars().count() + 1;
    (line, column)
}

/// Decodes `bytes` (which start at raw offset `base`) and maps each character back.
/// The decoder is fed one byte at a time, so every piece of text it emits is tied to
/// exactly the bytes it consumed (re-encoding a character need not give them back).
fn transcode(enc: &'static Encoding, bytes: &[u8], base: usize) -> Result<Decoded, DecodeError> {
    let invalid = |at: usize| DecodeError {
        offset: at,
        line: 1,
        column: 1,
        message: format!("bytes are not valid {}", enc.name()),
    };
    let mut decoder = enc.new_decoder_without_bom_handling();
    let mut builder = TextBuilder::with_capacity(bytes.len() * 3 / 2);
    let mut emitted = String::with_capacity(64);
    let mut piece_start = 0usize;
    for i in 0..bytes.len() {
        emitted.clear();
        let last = i + 1 == bytes.len();
        let (result, _read) = decoder.decode_to_string_without_replacement(&bytes[i..i + 1], &mut emitted, last);
        if !matches!(result, DecoderResult::InputEmpty) {
            return Err(invalid(base + piece_start));
        }
        if !emitted.is_empty() {
            let raw = base + piece_start..base + i + 1;
            if emitted.is_ascii() && emitted.len() == raw.len() {
                builder.verbatim(&emitted, raw.start);
            } else {
                builder.replace(&emitted, raw);
            }
            piece_start = i + 1;
        }
    }
    if piece_start != bytes.len() {
        return Err(invalid(base + piece_start));
    }
    let (text, map) = builder.finish();
    Ok(Decoded { text, to_raw: Some(map), encoding: enc.name() })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_passes_through() {
        let d = decode("中央财政1.4万亿元".as_bytes()).unwrap();
        assert_eq!(d.text, "中央财政1.4万亿元");
        assert!(d.to_raw.is_none());
    }

    #[test]
    fn bom_is_skipped_and_mapped() {
        let d = decode(b"\xEF\xBB\xBFab").unwrap();
        assert_eq!(d.text, "ab");
        assert_eq!(d.to_raw.unwrap().span(0..2), 3..5);
    }

    #[test]
    fn gb18030_is_detected_and_mapped() {
        let original = "全省累计投入资金一百六十五亿元，建设项目一千二百八十个，覆盖所有贫困县。";
        let (raw, _, _) = GB18030.encode(original);
        let d = decode(&raw).unwrap();
        assert_eq!(d.text, original);
        let at = original.find("一千").unwrap();
        let span = d.to_raw.unwrap().span(at..at + "一千".len());
        assert_eq!(&raw[span], &GB18030.encode("一千").0[..]);
    }

    #[test]
    fn every_decoded_character_maps_inside_the_raw_bytes() {
        // Bytes chardetng takes for a legacy encoding, found by the property test.
        let raw = [176u8, 65, 137, 76, 135, 64];
        if let Ok(d) = decode(&raw) {
            let map = d.to_raw.expect("transcoded");
            for (i, c) in d.text.char_indices() {
                let span = map.span(i..i + c.len_utf8());
                assert!(span.end <= raw.len(), "{span:?}");
            }
        }
    }

    #[test]
    fn garbage_names_the_first_bad_byte() {
        let err = decode(b"ok\xFF\xFE\x00\x01 text \xC3").unwrap_err();
        assert_eq!(err.offset, 2);
    }
}
