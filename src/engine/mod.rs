//! `factlint check` cut for an engine that runs past one machine (Spark): every corpus
//! rule is a join on keys, so the check is a map over pieces of the corpus, joins that the
//! engine does, and a reduce over each component of linked documents.
//!
//! - [`plan`]: the pieces of work (a file, or one window of a large JSON Lines file).
//! - [`map_piece`]: a piece's per-document findings, final, and for each document a
//!   [`DocRow`]: its figure keys, date, title, near-copy band keys, and its [`body`]
//!   (what rebuilds it elsewhere, positions and all).
//! - The engine's joins: figures by key (how many documents hold each: [`key_cap`],
//!   [`document_link`]), candidate pairs of documents per figure ([`close`]), their links
//!   ([`pair_link`]); connected components of the links (stories). Near copies: documents
//!   grouped by sketch and by band bucket, each group verified ([`near_copies`]);
//!   connected components of the verified pairs (clusters of copies). The two graphs stay
//!   apart: unverified near-copy candidates would chain a corpus into one component.
//! - [`reduce`]: the corpus rules over one story component ([`Part::Stories`]) or one
//!   cluster of copies ([`Part::Copies`]), given what was decided over the whole corpus
//!   ([`Scope`]: the links, the crowded near-copy buckets).
//!
//! The findings are those of `factlint check` over the same inputs; each comes as a
//! [`FindingRow`] whose key sorts them into its output order.

pub mod body;
mod link;

use crate::check::{self, RunOptions, Selection, Stage};
use crate::config::Settings;
use crate::corpus::{Corpus, Exclusion, Inputs};
use crate::dedup::{Crowded, Sketch, BANDS};
use crate::finding::Finding;
pub use crate::rules::Scope;
use crate::source::windows::{self, Window};
use crate::source::{Format, LoadError, LoadOptions, Loaded};
pub use link::{close, document_link, key_cap, pair_link, LinkSide};
use std::path::PathBuf;

/// A piece of map work: a file, or one window of a large JSON Lines file.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Piece {
    pub path: PathBuf,
    pub display: String,
    pub format: Format,
    /// The file's place in the corpus's order.
    pub file: u64,
    pub window: Option<Window>,
}

/// Where a document is in the corpus's order: its file's place, then its record.
pub fn order(file: u64, record: usize) -> u64 {
    (file << RECORD_BITS) | record as u64
}

/// The rule a [`Part::Copies`] reduce runs, and a [`Part::Stories`] one does not.
const COPIES: &str = "duplicate-document";

/// Bits of [`order`] for the record number: 68 billion records per file.
const RECORD_BITS: u32 = 36;

/// One document as the joins see it.
#[derive(Clone, Debug, PartialEq)]
pub struct DocRow {
    /// Its place in the corpus's order ([`order`]).
    pub order: u64,
    /// Its figure keys, sorted.
    pub keys: Vec<u64>,
    /// Its date as days since 1970.
    pub day: Option<i64>,
    pub title: Option<String>,
    /// For a file named as a translation (`042.zh.txt`), its name without the language.
    pub parallel: Option<String>,
    /// Its near-copy sketch's identity ([`crate::dedup::Sketch::identity`]) and band keys;
    /// `None` and empty for a text too short for one, or when `duplicate-document` is off.
    pub sketch: Option<u64>,
    pub bands: Vec<u64>,
    /// The sketch itself, for [`bucket_candidates`] ([`sketch_bytes`]); empty without one.
    pub sketch_bins: Vec<u8>,
    /// The document itself ([`body::encode`]).
    pub body: Vec<u8>,
}

/// A finding, final (severity, suppressions, per-file ignores applied), as its JSON
/// output object, with its key in the output order: path, record (for positions inside
/// records), byte offset, rule, fingerprint.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct FindingRow {
    pub path: String,
    pub record: u64,
    pub offset: u64,
    pub rule: String,
    pub fingerprint: String,
    pub json: String,
}

/// The rows of `findings` on `corpus`.
fn rows(corpus: &Corpus, findings: &[Finding]) -> Vec<FindingRow> {
    findings
        .iter()
        .map(|f| {
            let (path, record, offset, rule, fingerprint) = check::sort_key(corpus, f);
            let json = crate::report::json::finding_text(corpus, f);
            FindingRow { path, record: record as u64, offset: offset as u64, rule: rule.to_string(), fingerprint, json }
        })
        .collect()
}

/// The pieces of work over `paths` (files and folders, walked as `factlint check` walks
/// them), in the corpus's order, and the findings on paths that could not be walked.
pub fn plan(
    settings: &Settings,
    selection: &Selection,
    load: &LoadOptions,
    paths: &[PathBuf],
) -> (Vec<Piece>, Vec<FindingRow>) {
    let exclude = Exclusion::new(&settings.exclude).unwrap_or_default();
    let inputs = Inputs { paths: paths.to_vec(), load: load.clone(), exclude, ..Inputs::default() };
    let (files, errors) = inputs.files();
    let mut pieces = Vec::new();
    for (i, input) in files.into_iter().enumerate() {
        let piece = |window| Piece {
            path: input.path.clone(),
            display: input.display.clone(),
            format: input.format,
            file: i as u64,
            window,
        };
        match windows::plan(&input.path, input.format, load) {
            Some(windows) => pieces.extend(windows.into_iter().map(|w| piece(Some(w)))),
            None => pieces.push(piece(None)),
        }
    }
    (pieces, unreadable_rows(settings, selection, errors))
}

/// Findings on inputs that could not be read, final.
fn unreadable_rows(settings: &Settings, selection: &Selection, errors: Vec<LoadError>) -> Vec<FindingRow> {
    if errors.is_empty() {
        return Vec::new();
    }
    let mut corpus = Corpus::held(Vec::new());
    corpus.errors = errors;
    let options = RunOptions { stage: Stage::Documents, ..RunOptions::default() };
    let report = check::run(&corpus, settings, selection, &options);
    rows(&corpus, &report.findings)
}

/// The map: a piece's documents as rows, and its per-document findings (with those on
/// what in it could not be read), final. The file is read a window at a time, but the rows
/// of the whole piece come back together: a piece is one window of a large plain JSON
/// Lines file, and a whole file otherwise (a compressed file or a Parquet file is one
/// piece, so large datasets should come in shards).
pub fn map_piece(
    settings: &Settings,
    selection: &Selection,
    load: &LoadOptions,
    piece: &Piece,
) -> (Vec<DocRow>, Vec<FindingRow>) {
    let mut docs = Vec::new();
    let mut found = Vec::new();
    let mut each = |loaded: Loaded| {
        let (d, f) = map_loaded(settings, selection, piece.file, loaded);
        docs.extend(d);
        found.extend(f);
    };
    match piece.window {
        Some(window) => match read_range(&piece.path, &window) {
            Ok(bytes) => windows::read_window(&piece.display, bytes, window, load, &mut each),
            Err(e) => each(Loaded { documents: Vec::new(), errors: vec![LoadError::unreadable(&piece.display, &e)] }),
        },
        None => windows::read_file(&piece.path, &piece.display, piece.format, load, &mut each),
    }
    (docs, found)
}

fn read_range(path: &std::path::Path, window: &Window) -> std::io::Result<Vec<u8>> {
    use std::io::{Read, Seek, SeekFrom};
    let mut file = std::fs::File::open(path)?;
    file.seek(SeekFrom::Start(window.start as u64))?;
    let mut bytes = Vec::with_capacity(window.end - window.start);
    file.take((window.end - window.start) as u64).read_to_end(&mut bytes)?;
    Ok(bytes)
}

fn map_loaded(settings: &Settings, selection: &Selection, file: u64, loaded: Loaded) -> (Vec<DocRow>, Vec<FindingRow>) {
    let mut corpus = Corpus::held(loaded.documents);
    corpus.errors = loaded.errors;
    let options = RunOptions { stage: Stage::Documents, ..RunOptions::default() };
    let (report, keys, sketches) = check::run_keeping(&corpus, settings, selection, &options);
    let docs = corpus
        .documents
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let sketch = sketches.get(i).filter(|s| !s.is_empty());
            DocRow {
                order: order(file, d.record),
                keys: keys.get(i).to_vec(),
                day: d.date.as_deref().and_then(crate::dates::day_number),
                title: d.title.as_deref().map(str::to_string),
                parallel: crate::story::group::parallel_name(&d.name),
                sketch: sketch.and_then(|s| s.identity()),
                bands: sketch.map(|s| (0..BANDS).map(|b| s.band(b)).collect()).unwrap_or_default(),
                sketch_bins: sketch.map(sketch_bytes).unwrap_or_default(),
                body: body::encode(d),
            }
        })
        .collect();
    (docs, rows(&corpus, &report.findings))
}

/// Documents given as (order, body): sorted into the corpus's order, and rebuilt.
fn rebuilt(mut documents: Vec<(u64, Vec<u8>)>) -> Result<(Vec<u64>, Vec<crate::source::Document>), body::BodyError> {
    documents.sort_by_key(|d| d.0);
    documents.dedup_by_key(|d| d.0);
    let orders: Vec<u64> = documents.iter().map(|d| d.0).collect();
    let docs = documents.iter().map(|(_, b)| body::decode(b)).collect::<Result<Vec<_>, _>>()?;
    Ok((orders, docs))
}

/// The near copies among one group of candidates, given as (order, body): with `star`,
/// each against the first (the copies of one sketch; a pair of [`bucket_candidates`]);
/// otherwise every two whose sketches are alike enough (the first texts of one near-copy
/// bucket). Pairs by order, verified as `factlint check` verifies them.
pub fn near_copies(
    settings: &Settings,
    documents: Vec<(u64, Vec<u8>)>,
    star: bool,
) -> Result<Vec<(u64, u64)>, body::BodyError> {
    let (orders, docs) = rebuilt(documents)?;
    Ok(crate::rules::near_copies(settings, &docs, star).into_iter().map(|(i, j)| (orders[i], orders[j])).collect())
}

/// A sketch as bytes, little-endian: its shingle count (32 bits), then its bins (16 bits
/// each, all a sketch keeps of them).
fn sketch_bytes(s: &Sketch) -> Vec<u8> {
    let numbers = s.to_bins();
    let (count, bins) = numbers.split_first().expect("a sketch has a shingle count");
    count.to_le_bytes().into_iter().chain(bins.iter().flat_map(|&b| (b as u16).to_le_bytes())).collect()
}

/// The sketch of [`sketch_bytes`].
fn sketch_of(bytes: &[u8]) -> Option<Sketch> {
    let (count, bins) = bytes.split_first_chunk::<4>()?;
    let numbers: Vec<u32> = std::iter::once(u32::from_le_bytes(*count))
        .chain(bins.chunks_exact(2).map(|c| u32::from(u16::from_le_bytes([c[0], c[1]]))))
        .collect();
    Sketch::from_bins(&numbers)
}

/// The candidate pairs among the first texts of one near-copy bucket, given as (order,
/// sketch bytes): every two whose sketches leave them possibly near, as `factlint check`
/// keeps them before verifying. A sketch that is not one is an error.
pub fn bucket_candidates(settings: &Settings, mut members: Vec<(u64, Vec<u8>)>) -> Result<Vec<(u64, u64)>, String> {
    use crate::rules::RuleSettings;
    members.sort_by_key(|m| m.0);
    let sketch = |bytes: &[u8]| sketch_of(bytes).ok_or_else(|| "not a near-copy sketch".to_string());
    let sketches = members.iter().map(|(_, b)| sketch(b)).collect::<Result<Vec<_>, _>>()?;
    let near = settings.document().near;
    let mut pairs = Vec::new();
    for i in 0..members.len() {
        for j in i + 1..members.len() {
            if crate::dedup::worth_verifying(&sketches[i], &sketches[j], near) {
                pairs.push((members[i].0, members[j].0));
            }
        }
    }
    Ok(pairs)
}

/// Which corpus rules a reduce runs: those of stories, or `duplicate-document`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// Over a component of figure links (and files named as translations).
    Stories,
    /// Over a cluster of verified near copies.
    Copies,
}

/// The reduce: the corpus rules of `part` over one component, its documents given as
/// (order, body), with the figure links between them (by order, with their weights) and
/// the near-copy buckets `(band, hash)` crowded over the whole corpus. The findings, final.
pub fn reduce(
    settings: &Settings,
    selection: &Selection,
    part: Part,
    documents: Vec<(u64, Vec<u8>)>,
    (links, crowded): (&[(u64, u64, f64)], Crowded),
) -> Result<Vec<FindingRow>, body::BodyError> {
    let (orders, docs) = rebuilt(documents)?;
    let at = |o: u64| orders.binary_search(&o).ok();
    let story_links = links
        .iter()
        .filter_map(|&(a, b, w)| match (at(a), at(b)) {
            (Some(x), Some(y)) => Some(((x.min(y), x.max(y)), w)),
            _ => None,
        })
        .collect();
    let scope = Scope { story_links, crowded };
    let corpus = Corpus::held(docs);
    let mut selection = selection.clone();
    match part {
        Part::Stories => selection.ignore.push(COPIES.to_string()),
        Part::Copies if selection.includes(COPIES) => selection.select = vec![COPIES.to_string()],
        Part::Copies => return Ok(Vec::new()),
    }
    let options = RunOptions { stage: Stage::Corpus, scope: Some(&scope), ..RunOptions::default() };
    let report = check::run(&corpus, settings, &selection, &options);
    Ok(rows(&corpus, &report.findings))
}

#[cfg(test)]
mod tests {
    use super::{order, sketch_bytes, sketch_of};
    use crate::dedup::Sketch;

    #[test]
    fn a_sketch_travels_as_bytes_unchanged() {
        let text = "江城市统计局今天发布，全年地区生产总值达到1.2万亿元，同比增长5.1%，其中第三产业增加值6800亿元。";
        let sketch = Sketch::new(text, 3);
        let bytes = sketch_bytes(&sketch);
        assert_eq!(bytes.len(), 4 + 2 * 64);
        let back = sketch_of(&bytes).unwrap();
        assert_eq!(back.identity(), sketch.identity());
        assert_eq!(back.estimate(&sketch), 1.0);
        assert!(sketch_of(&bytes[..7]).is_none());
    }

    #[test]
    fn the_order_is_files_then_records() {
        assert!(order(0, 68_000_000_000) < order(1, 0));
        assert!(order(3, 7) < order(3, 8));
    }
}
