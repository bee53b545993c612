//! Datasets as they are shipped: gzip- and zstd-compressed JSON Lines and CSV, and Parquet
//! files written here with the `parquet` crate. Each gives the findings of the same records
//! in plain JSON Lines, read whole or streamed; broken archives and Parquet files are
//! located `unreadable-input` findings and the rest of the corpus is still read.

use crate::support::{corpus, factlint, stdout};
use factlint::check::{self, RunOptions, Selection};
use factlint::config::Settings;
use factlint::corpus::{Corpus, Inputs};
use factlint::finding::Finding;
use factlint::report::resolve;
use factlint::source::LoadOptions;
use parquet::data_type::{ByteArray, ByteArrayType};
use parquet::file::reader::{FileReader, SerializedFileReader};
use parquet::file::writer::SerializedFileWriter;
use std::io::Write;
use std::path::Path;
use std::sync::Arc;

const PAIRED: &str =
    "卫健委通报，十年间财政累计投入资金1.4万亿元，扶持1172家县级医院，并组织1007家城市三级医院开展对口帮扶。";
const REWRITTEN: &str =
    "据通报，十年间财政累计投入资金1.4万亿元，扶持1172家县级医院，并组织1070家城市三级医院开展对口帮扶。";
const LONG: &str = "本季度全区新增城镇就业2.6万人，调查失业率为4.9%，较去年同期回落0.4个百分点。\
全区发放创业担保贷款8.3亿元，扶持创业3100余人，带动就业1.1万人。人社部门举办招聘会214场，\
提供岗位6.7万个，重点帮助高校毕业生和返乡农民工就业。下一步还将新建零工市场12个、社区就业驿站150个。据悉，全区今年计划开展职业技能培训1.8万人次，\
其中新型学徒制培训900人，并为符合条件的企业发放稳岗返还资金3400万元，惠及职工5.2万人。";
const REPEATED: &str = "相关负责人表示，将持续完善配套措施，加强部门协同，推动各项政策尽快落地。";

/// (id, text) of the records every format holds: a contradiction between two records, a
/// repeated record, a record with a repeated paragraph, and filler.
fn records() -> Vec<(String, String)> {
    (0..12)
        .map(|i| {
            let text = match i {
                1 => PAIRED.to_string(),
                4 => format!("{LONG}\n\n{REPEATED}\n\n{REPEATED}"),
                6 | 9 => LONG.to_string(),
                10 => REWRITTEN.to_string(),
                _ => format!("第{i}期简报：当日最高气温{}摄氏度，空气质量良，有\"微风\"。", 12 + i),
            };
            (format!("n{i}"), text)
        })
        .collect()
}

fn jsonl(records: &[(String, String)]) -> String {
    records
        .iter()
        .map(|(id, text)| format!("{}\n", serde_json::json!({"id": id, "date": "2024-03-01", "text": text})))
        .collect()
}

fn csv(records: &[(String, String)]) -> String {
    let quoted = |s: &str| format!("\"{}\"", s.replace('"', "\"\""));
    let rows: String = records.iter().map(|(id, text)| format!("{id},2024-03-01,{}\n", quoted(text))).collect();
    format!("id,date,text\n{rows}")
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap()
}

/// A Parquet file of `(id, text)` records (a `None` text is null), `per_group` rows to a
/// row group, snappy-compressed as the Hugging Face shards are.
pub(crate) fn parquet(records: &[(String, Option<String>)], per_group: usize) -> Vec<u8> {
    let schema = "message news { REQUIRED BYTE_ARRAY id (UTF8); REQUIRED BYTE_ARRAY date (UTF8); \
                  OPTIONAL BYTE_ARRAY text (UTF8); }";
    let schema = Arc::new(parquet::schema::parser::parse_message_type(schema).unwrap());
    let props = parquet::file::properties::WriterProperties::builder()
        .set_compression(parquet::basic::Compression::SNAPPY)
        .build();
    let mut out = Vec::new();
    let mut writer = SerializedFileWriter::new(&mut out, schema, Arc::new(props)).unwrap();
    for group in records.chunks(per_group) {
        let mut row_group = writer.next_row_group().unwrap();
        let columns: [Vec<Option<&str>>; 3] = [
            group.iter().map(|(id, _)| Some(id.as_str())).collect(),
            group.iter().map(|_| Some("2024-03-01")).collect(),
            group.iter().map(|(_, text)| text.as_deref()).collect(),
        ];
        for (k, cells) in columns.iter().enumerate() {
            let mut column = row_group.next_column().unwrap().unwrap();
            let values: Vec<ByteArray> = cells.iter().flatten().map(|s| ByteArray::from(*s)).collect();
            let levels: Vec<i16> = cells.iter().map(|c| i16::from(c.is_some())).collect();
            let levels = (k == 2).then_some(&levels[..]);
            column.typed::<ByteArrayType>().write_batch(&values, levels, None).unwrap();
            column.close().unwrap();
        }
        row_group.close().unwrap();
    }
    writer.close().unwrap();
    out
}

fn with_text(records: &[(String, String)]) -> Vec<(String, Option<String>)> {
    records.iter().map(|(id, text)| (id.clone(), Some(text.clone()))).collect()
}

fn inputs(path: &Path, window_bytes: usize, batch_bytes: Option<usize>) -> Inputs {
    Inputs {
        paths: vec![path.to_path_buf()],
        piped: Vec::new(),
        load: LoadOptions { window_bytes, ..LoadOptions::default() },
        exclude: Default::default(),
        force_exclude: false,
        batch_bytes,
    }
}

/// What a finding says whatever the file holding its records: rule, record id, message,
/// and the text it and its related places point at.
fn said(corpus: &Corpus, findings: &[Finding]) -> Vec<String> {
    let text_at = |place: &factlint::finding::Place| match place {
        factlint::finding::Place::Text { doc, span } => corpus.documents[*doc].text[span.clone()].to_string(),
        factlint::finding::Place::File { .. } => String::new(),
    };
    let mut out: Vec<String> = findings
        .iter()
        .map(|f| {
            let record = |p| resolve(corpus, p).doc.rsplit('#').next().unwrap().to_string();
            let related: Vec<String> =
                f.related.iter().map(|r| format!("{}:{}:{}", record(&r.place), text_at(&r.place), r.message)).collect();
            format!("{} {} {:?} {:?} {related:?}", f.rule, record(&f.place), f.message, text_at(&f.place))
        })
        .collect();
    out.sort();
    out
}

/// The findings of a check of `path`, in memory and streamed in small pieces (which must
/// agree), as [`said`] puts them.
fn findings_of(path: &Path) -> Vec<String> {
    let settings = Settings::default();
    let whole = Corpus::load(&inputs(path, 1 << 20, None));
    let report = check::run(&whole, &settings, &Selection::default(), &RunOptions::default());
    let expected = said(&whole, &report.findings);
    for (window, batch) in [(200, Some(300)), (1, Some(1))] {
        let (corpus, report) =
            check::run_streamed(&inputs(path, window, batch), &settings, &Selection::default(), &RunOptions::default());
        assert_eq!(said(&corpus, &report.findings), expected, "{}: window {window}, batch {batch:?}", path.display());
    }
    expected
}

#[test]
fn compressed_and_parquet_datasets_give_the_findings_of_the_same_jsonl_records() {
    let records = records();
    let plain = jsonl(&records);
    let zstd = zstd::encode_all(plain.as_bytes(), 3).unwrap();
    let dir = corpus(&[
        ("plain/news.jsonl", plain.as_bytes()),
        ("gz/news.jsonl.gz", &gzip(plain.as_bytes())),
        ("zst/news.jsonl.zst", &zstd),
        ("csv/news.csv.gz", &gzip(csv(&records).as_bytes())),
        ("parquet/news.parquet", &parquet(&with_text(&records), 5)),
    ]);
    let expected = findings_of(&dir.path().join("plain"));
    for rule in ["numeric-contradiction", "duplicate-document", "duplicate-paragraph"] {
        assert!(expected.iter().any(|f| f.starts_with(rule)), "{rule} missing: {expected:#?}");
    }
    for folder in ["gz", "zst", "csv", "parquet"] {
        assert_eq!(findings_of(&dir.path().join(folder)), expected, "{folder}");
    }

    // A decompressed stream is located as the plain file is: same lines, columns, bytes.
    let lines = |file: &str| {
        let out = factlint(&["extract", "-f", "jsonl", file], None);
        let record = |l: &str| {
            let mut claim: serde_json::Value = serde_json::from_str(l).unwrap();
            claim["path"] = serde_json::Value::Null;
            claim["doc"] = claim["doc"].as_str().unwrap().rsplit('#').next().unwrap().into();
            claim.to_string()
        };
        stdout(&out).lines().map(record).collect::<Vec<_>>()
    };
    let root = dir.path().to_str().unwrap();
    let plain_lines = lines(&format!("{root}/plain/news.jsonl"));
    assert!(plain_lines.len() > 20);
    assert!(lines(&format!("{root}/gz/news.jsonl.gz")) == plain_lines, "gzip claims are placed differently");
    assert!(lines(&format!("{root}/zst/news.jsonl.zst")) == plain_lines, "zstd claims are placed differently");
}

#[test]
fn a_parquet_record_is_located_inside_its_text_value_and_says_so() {
    let records = with_text(&records());
    let dir = corpus(&[("news.parquet", &parquet(&records, 4))]);
    let file = dir.path().join("news.parquet");
    let out = factlint(&["extract", "-f", "jsonl", file.to_str().unwrap()], None);
    let claim: serde_json::Value = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .find(|c: &serde_json::Value| c["text"] == "1070家")
        .unwrap();
    let at = REWRITTEN.find("1070家").unwrap();
    assert_eq!(claim["doc"], format!("{}#n10", file.display()));
    assert_eq!(claim["within"], "record");
    assert_eq!((claim["line"].as_u64(), claim["byte_start"].as_u64()), (Some(1), Some(at as u64)));
    assert_eq!(claim["column"].as_u64(), Some(REWRITTEN[..at].chars().count() as u64 + 1));

    let out = factlint(&["check", "-f", "sarif", file.to_str().unwrap()], None);
    let sarif = stdout(&out);
    crate::gate::assert_valid_sarif(&sarif);
    assert!(sarif.contains("\"within\": \"record\""), "{sarif}");
    let out = factlint(&["check", "-f", "json", file.to_str().unwrap()], None);
    assert!(stdout(&out).contains("\"within\": \"record\""));
    let out = factlint(&["check", "--show-files", dir.path().to_str().unwrap()], None);
    assert!(stdout(&out).contains("news.parquet\tparquet\t12 records, text field `text`"), "{}", stdout(&out));
}

#[test]
fn broken_archives_and_parquet_files_are_located_and_the_rest_is_read() {
    let records = records();
    let plain = jsonl(&records);
    let gz = gzip(plain.as_bytes());
    let good = parquet(&with_text(&records), 4);
    let mut nulls = with_text(&records);
    nulls[3].1 = None;
    nulls[7].1 = Some(String::new());
    // A row group whose pages are scribbled over: its first column chunk starts there.
    let reader = SerializedFileReader::new(bytes::Bytes::from(good.clone())).unwrap();
    let second = reader.metadata().row_group(1).column(0).byte_range().0 as usize;
    let mut scribbled = good.clone();
    scribbled[second..second + 24].fill(0xAB);
    let dir = corpus(&[
        ("in/a-truncated.jsonl.gz", &gz[..gz.len() * 2 / 3]),
        ("in/b-not-zstd.csv.zst", b"id,text\n1,plain text\n"),
        ("in/c-footer.parquet", &good[..good.len() - 20]),
        ("in/d-scribbled.parquet", &scribbled),
        ("in/e-nulls.parquet", &parquet(&nulls, 4)),
        ("in/f-good.jsonl.gz", &gz),
    ]);
    let out = factlint(
        &["check", "-f", "json", "--select", "unreadable-input", dir.path().join("in").to_str().unwrap()],
        None,
    );
    assert_eq!(out.status.code(), Some(2), "{}", stdout(&out));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let errors: Vec<String> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let file = f["path"].as_str().unwrap().rsplit('/').next().unwrap().to_string();
            format!(
                "{file} {}:{} {} {}",
                f["line"],
                f["column"],
                f["doc"].as_str().unwrap().rsplit('/').next().unwrap(),
                f["message"]
            )
        })
        .collect();
    assert_eq!(errors.len(), 5, "{errors:#?}");
    // The truncated archive: the break is placed in the decompressed stream, past line 1.
    assert!(errors[0].starts_with("a-truncated.jsonl.gz "), "{errors:#?}");
    assert!(errors[0].contains("ends early"), "{errors:#?}");
    let line: usize = errors[0].split([' ', ':']).nth(1).unwrap().parse().unwrap();
    assert!(line > 1 && line < records.len(), "{errors:#?}");
    assert!(errors[1].starts_with("b-not-zstd.csv.zst 1:1") && errors[1].contains("zstd"), "{errors:#?}");
    assert!(errors[2].starts_with("c-footer.parquet 1:1") && errors[2].contains("not a readable Parquet file"));
    assert!(
        errors[3].contains("d-scribbled.parquet#5") && errors[3].contains("row group 2 (records 5–8)"),
        "{errors:#?}"
    );
    assert!(
        errors[4].contains("e-nulls.parquet#4") && errors[4].contains("(and 1 more records like it)"),
        "{errors:#?}"
    );

    // Around the broken places, every record that could be read was.
    let out = factlint(
        &["check", "-f", "json", "--select", "duplicate-document", dir.path().join("in").to_str().unwrap()],
        None,
    );
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(json["summary"]["documents"], 12 + (line - 1) + 8 + 10, "{json}");
}

/// A Parquet file shaped as Hugging Face datasets often are: an integer id, and a nested
/// column factlint does not read.
fn parquet_with_nested_column(texts: &[&str]) -> Vec<u8> {
    let schema = "message news { REQUIRED INT64 id; REQUIRED BYTE_ARRAY text (UTF8); \
                  OPTIONAL group meta { OPTIONAL BYTE_ARRAY source (UTF8); } }";
    let schema = Arc::new(parquet::schema::parser::parse_message_type(schema).unwrap());
    let mut out = Vec::new();
    let mut writer = SerializedFileWriter::new(&mut out, schema, Default::default()).unwrap();
    let mut row_group = writer.next_row_group().unwrap();
    let ids: Vec<i64> = (0..texts.len() as i64).map(|i| 1000 + i).collect();
    let mut column = row_group.next_column().unwrap().unwrap();
    column.typed::<parquet::data_type::Int64Type>().write_batch(&ids, None, None).unwrap();
    column.close().unwrap();
    let mut column = row_group.next_column().unwrap().unwrap();
    let values: Vec<ByteArray> = texts.iter().map(|t| ByteArray::from(*t)).collect();
    column.typed::<ByteArrayType>().write_batch(&values, None, None).unwrap();
    column.close().unwrap();
    // meta.source: present (level 2) in every other row, meta null (level 0) otherwise.
    let levels: Vec<i16> = (0..texts.len()).map(|i| if i % 2 == 0 { 2 } else { 0 }).collect();
    let sources: Vec<ByteArray> = levels.iter().filter(|&&l| l == 2).map(|_| ByteArray::from("wire")).collect();
    let mut column = row_group.next_column().unwrap().unwrap();
    column.typed::<ByteArrayType>().write_batch(&sources, Some(&levels), None).unwrap();
    column.close().unwrap();
    row_group.close().unwrap();
    writer.close().unwrap();
    out
}

#[test]
fn integer_ids_name_records_and_nested_columns_are_left_alone() {
    let dir = corpus(&[("shard.parquet", &parquet_with_nested_column(&[PAIRED, REWRITTEN, LONG]))]);
    let file = dir.path().join("shard.parquet");
    let out = factlint(&["check", "-f", "json", "--select", "numeric-contradiction", file.to_str().unwrap()], None);
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let findings = json["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 1, "{json}");
    assert_eq!(findings[0]["doc"], format!("{}#1001", file.display()));
    assert_eq!(findings[0]["related"][0]["doc"], format!("{}#1000", file.display()));
    assert_eq!(json["summary"]["documents"], 3);
}

#[test]
fn a_damaged_parquet_file_is_an_error_never_a_crash() {
    // The decoder panics on some damaged files (a negative column length, say): each must
    // come out as errors of its own file, with the records that could be read.
    let records: Vec<(String, Option<String>)> =
        (0..30).map(|i| (format!("r{i}"), Some(format!("第{i}条：全市共有{}家医院。", 1000 + i)))).collect();
    let good = parquet(&records, 7);
    let mut next = xorshift(0x5eed);
    let mut with_errors = 0;
    for _ in 0..3000 {
        let mut bytes = good.clone();
        for _ in 0..1 + next(3) {
            let at = next(bytes.len() as u64) as usize;
            bytes[at] = next(256) as u8;
        }
        let loaded = factlint::source::load_bytes(
            "x.parquet",
            &bytes,
            factlint::source::Format::Parquet,
            &LoadOptions::default(),
        );
        assert!(loaded.documents.len() <= records.len());
        with_errors += usize::from(!loaded.errors.is_empty());
    }
    assert!(with_errors > 100, "only {with_errors} damaged files were noticed");
}

/// xorshift64: a reproducible stream of numbers below each call's bound.
fn xorshift(seed: u64) -> impl FnMut(u64) -> u64 {
    let mut state = seed;
    move |below| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state % below
    }
}
