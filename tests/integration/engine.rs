//! The distributed engine's pieces (`factlint::engine`) put together in one process the
//! way the Spark job puts them together: plan, map every piece, link documents through
//! their figure keys, translation names and near-copy bands, find the components, reduce
//! each. The findings must be those of `factlint check` over the same inputs, in order.

use crate::support::{files_under, LONG, REPORT};
use factlint::check::{self, RunOptions, Selection};
use factlint::config::Settings;
use factlint::corpus::{Corpus, Inputs};
use factlint::dedup::MAX_BUCKET;
use factlint::engine::{self, DocRow, FindingRow, LinkSide, Part};
use factlint::source::LoadOptions;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

/// Union–find over document positions: the components of the link graph.
fn components(n: usize, edges: &[(usize, usize)]) -> Vec<usize> {
    let mut parent: Vec<usize> = (0..n).collect();
    fn root(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    for &(a, b) in edges {
        let (x, y) = (root(&mut parent, a), root(&mut parent, b));
        parent[x.max(y)] = x.min(y);
    }
    (0..n).map(|d| root(&mut parent, d)).collect()
}

/// Star edges from the first member of each group to the others.
fn stars(groups: impl Iterator<Item = Vec<usize>>, edges: &mut Vec<(usize, usize)>) {
    for members in groups {
        edges.extend(members.iter().skip(1).map(|&m| (members[0], m)));
    }
}

/// The figure links: per weighted figure, the pairs of capable documents dated close
/// together; per pair, what they share; then each pair decided.
fn story_links(docs: &[DocRow]) -> Vec<(usize, usize, f64)> {
    let cap = engine::key_cap(docs.len());
    let mut df: HashMap<u64, u64> = HashMap::new();
    for d in docs {
        for &k in &d.keys {
            *df.entry(k).or_default() += 1;
        }
    }
    let sides: Vec<(bool, usize)> = docs
        .iter()
        .map(|d| engine::document_link(&mut d.keys.iter().map(|k| (*k, df[k])).collect::<Vec<_>>(), cap))
        .collect();
    let mut postings: BTreeMap<u64, Vec<usize>> = BTreeMap::new();
    for (i, d) in docs.iter().enumerate().filter(|(i, _)| sides[*i].0) {
        for &k in d.keys.iter().filter(|k| (2..=cap as u64).contains(&df[*k])) {
            postings.entry(k).or_default().push(i);
        }
    }
    let mut shared: BTreeMap<(usize, usize), Vec<(u64, u64)>> = BTreeMap::new();
    for (k, members) in &postings {
        for (x, &a) in members.iter().enumerate() {
            for &b in &members[x + 1..] {
                if engine::close(docs[a].day, docs[b].day) {
                    shared.entry((a, b)).or_default().push((*k, df[k]));
                }
            }
        }
    }
    let side = |i: usize| LinkSide { day: docs[i].day, title: docs[i].title.as_deref(), distinctive: sides[i].1 };
    shared
        .into_iter()
        .filter_map(|((a, b), mut keys)| engine::pair_link(&side(a), &side(b), &mut keys, cap).map(|w| (a, b, w)))
        .collect()
}

/// Two documents by their positions in the mapped rows.
type Pair = (usize, usize);

/// Verified near copies: the copies of one sketch against its first text, and the
/// candidate pairs of each usable band bucket of first texts, each pair verified by itself;
/// also the buckets too crowded to use.
fn verified_copies(docs: &[DocRow], settings: &Settings) -> (Vec<Pair>, Vec<(usize, u64)>) {
    let mut by_sketch: BTreeMap<u64, Vec<usize>> = BTreeMap::new();
    for (i, d) in docs.iter().enumerate() {
        if let Some(s) = d.sketch {
            by_sketch.entry(s).or_default().push(i);
        }
    }
    let firsts: Vec<usize> = by_sketch.values().map(|m| m[0]).collect();
    let mut candidates: Vec<(usize, usize)> = Vec::new();
    stars(by_sketch.into_values(), &mut candidates);
    let mut buckets: BTreeMap<(usize, u64), Vec<usize>> = BTreeMap::new();
    for &i in &firsts {
        for (b, &h) in docs[i].bands.iter().enumerate() {
            buckets.entry((b, h)).or_default().push(i);
        }
    }
    let crowded = buckets.iter().filter(|(_, m)| m.len() > MAX_BUCKET).map(|(k, _)| *k).collect();
    let at: HashMap<u64, usize> = docs.iter().enumerate().map(|(i, d)| (d.order, i)).collect();
    for members in buckets.into_values().filter(|m| m.len() >= 2 && m.len() <= MAX_BUCKET) {
        let sketches = members.iter().map(|&i| (docs[i].order, docs[i].sketch_bins.clone())).collect();
        let found = engine::bucket_candidates(settings, sketches).unwrap();
        candidates.extend(found.into_iter().map(|(a, b)| (at[&a], at[&b])));
    }
    candidates.sort_unstable();
    candidates.dedup();
    let pair = |a: usize, b: usize| vec![(docs[a].order, docs[a].body.clone()), (docs[b].order, docs[b].body.clone())];
    let verified =
        candidates.into_iter().filter(|&(a, b)| !engine::near_copies(settings, pair(a, b), true).unwrap().is_empty());
    (verified.collect(), crowded)
}

/// The groups of ≥ 2 documents that `edges` connect.
fn groups_of(n: usize, edges: &[(usize, usize)]) -> Vec<Vec<usize>> {
    let component = components(n, edges);
    let mut members: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (i, &c) in component.iter().enumerate() {
        members.entry(c).or_default().push(i);
    }
    members.into_values().filter(|g| g.len() >= 2).collect()
}

/// The findings of the engine over `paths`, as JSON objects in output order.
fn engine_check(
    paths: &[PathBuf],
    settings: &Settings,
    selection: &Selection,
    load: &LoadOptions,
) -> Vec<serde_json::Value> {
    let (pieces, mut rows): (_, Vec<FindingRow>) = engine::plan(settings, selection, load, paths);
    let mut docs: Vec<DocRow> = Vec::new();
    for piece in &pieces {
        let (d, f) = engine::map_piece(settings, selection, load, piece);
        docs.extend(d);
        rows.extend(f);
    }
    let bodies = |group: &[usize]| group.iter().map(|&i| (docs[i].order, docs[i].body.clone())).collect();
    // Stories: components of the figure links and of files named as translations.
    let links = story_links(&docs);
    let mut edges: Vec<(usize, usize)> = links.iter().map(|&(a, b, _)| (a, b)).collect();
    let mut by_name: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, d) in docs.iter().enumerate() {
        if let Some(name) = &d.parallel {
            by_name.entry(name).or_default().push(i);
        }
    }
    stars(by_name.into_values(), &mut edges);
    for group in groups_of(docs.len(), &edges) {
        let inside: Vec<(u64, u64, f64)> = links
            .iter()
            .filter(|(a, _, _)| group.binary_search(a).is_ok())
            .map(|&(a, b, w)| (docs[a].order, docs[b].order, w))
            .collect();
        let found = engine::reduce(settings, selection, Part::Stories, bodies(&group), (&inside, Default::default()));
        rows.extend(found.unwrap());
    }
    // Copies: components of the verified near copies.
    let (pairs, crowded) = verified_copies(&docs, settings);
    for group in groups_of(docs.len(), &pairs) {
        let crowded = crowded.iter().copied().collect();
        rows.extend(engine::reduce(settings, selection, Part::Copies, bodies(&group), (&[], crowded)).unwrap());
    }
    rows.sort();
    rows.iter().map(|r| serde_json::from_str(&r.json).unwrap()).collect()
}

fn check_json(paths: &[PathBuf], settings: &Settings, load: &LoadOptions) -> Vec<serde_json::Value> {
    let inputs = Inputs { paths: paths.to_vec(), load: load.clone(), ..Inputs::default() };
    let corpus = Corpus::load(&inputs);
    let report = check::run(&corpus, settings, &Selection::default(), &RunOptions::default());
    report.findings.iter().map(|f| factlint::report::json::finding_value(&corpus, f)).collect()
}

/// A dataset of many small stories (two reports each, one figure changed in some), near
/// copies, exact copies, records without text and a line that is not UTF-8.
fn dataset() -> Vec<u8> {
    let mut out = Vec::new();
    for i in 0..40 {
        let report = format!(
            "第{i}号通报：全年投入资金{}.{}亿元，扶持{}家企业，新增岗位{}个，覆盖{}个村。",
            i + 2,
            i % 7,
            1000 + i,
            20000 + 37 * i,
            300 + i
        );
        let rewrite = if i % 3 == 0 {
            report.replace(&format!("{}家", 1000 + i), &format!("{}家", 1090 + i))
        } else {
            report.clone()
        };
        let day = 10 + i % 9;
        out.extend(
            format!(
                "{}\n",
                serde_json::json!({"id": format!("s{i}a"), "date": format!("2024-05-{day:02}"), "text": report})
            )
            .bytes(),
        );
        out.extend(
            format!(
                "{}\n",
                serde_json::json!({"id": format!("s{i}b"), "date": format!("2024-05-{:02}", day + 1), "text": rewrite})
            )
            .bytes(),
        );
        if i % 10 == 0 {
            out.extend(format!("{}\n", serde_json::json!({"id": format!("c{i}"), "text": LONG})).bytes());
            let near = LONG.replace("214场", "215场");
            out.extend(format!("{}\n", serde_json::json!({"id": format!("n{i}"), "text": near})).bytes());
            out.extend(b"\n{\"id\": \"empty\", \"title\": \"no text\"}\n");
        }
        if i == 25 {
            out.extend(b"{\"id\": \"bad\", \"text\": \"\xff\xfe\"}\n");
            out.extend(
                format!("{}\n", serde_json::json!({"id": "r", "text": format!("{REPORT}\n\n{REPORT}")})).bytes(),
            );
        }
    }
    out
}

fn copy_examples(to: &Path) {
    let from = crate::support::repo().join("examples/corpus");
    for entry in files_under(&from) {
        let target = to.join(entry.strip_prefix(&from).unwrap());
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        std::fs::copy(&entry, target).unwrap();
    }
}

#[test]
fn the_engine_gives_the_findings_of_check_in_its_order() {
    let dir = tempfile::tempdir().unwrap();
    copy_examples(&dir.path().join("examples"));
    std::fs::write(dir.path().join("feed.jsonl"), dataset()).unwrap();
    let records: Vec<(String, Option<String>)> = (0..30)
        .map(|i| (format!("p{i}"), Some(if i % 4 == 0 { LONG.to_string() } else { format!("第{i}期：{REPORT}") })))
        .collect();
    std::fs::write(dir.path().join("rows.parquet"), crate::packed::parquet(&records, 7)).unwrap();
    let zh =
        "国家卫生健康委今天介绍，十年来中央财政累计投入1.4万亿元，支持1172家县级医院提标扩能，832个脱贫县全部摘帽。";
    let en = "The National Health Commission said on Tuesday that the central government had invested 1.4 trillion yuan over ten years, supporting 1,127 county hospitals, and all 832 poverty-stricken counties had been lifted out of poverty.";
    std::fs::create_dir_all(dir.path().join("wmt")).unwrap();
    std::fs::write(dir.path().join("wmt/007.zh.txt"), zh).unwrap();
    std::fs::write(dir.path().join("wmt/007.en.txt"), en).unwrap();

    let settings = Settings::default();
    let paths = vec![dir.path().to_path_buf()];
    for window_bytes in [1 << 20, 700] {
        let load = LoadOptions { window_bytes, window_records: 9, ..LoadOptions::default() };
        let expected = check_json(&paths, &settings, &load);
        let rules: std::collections::BTreeSet<&str> = expected.iter().map(|f| f["rule"].as_str().unwrap()).collect();
        for rule in
            ["numeric-contradiction", "duplicate-document", "duplicate-paragraph", "unreadable-input", "boilerplate"]
        {
            assert!(rules.contains(rule), "the fixture must raise {rule}: {rules:?}");
        }
        let got = engine_check(&paths, &settings, &Selection::default(), &load);
        assert_eq!(got.len(), expected.len(), "window {window_bytes}");
        for (g, e) in got.iter().zip(&expected) {
            assert_eq!(g, e, "window {window_bytes}");
        }
    }
}

#[test]
fn a_body_rebuilds_its_document_with_the_same_positions() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("feed.jsonl"), dataset()).unwrap();
    let load = LoadOptions { window_bytes: 500, window_records: 5, ..LoadOptions::default() };
    let (pieces, _) = engine::plan(&Settings::default(), &Selection::default(), &load, &[dir.path().to_path_buf()]);
    assert!(pieces.len() > 5, "a small window cuts the file: {}", pieces.len());
    let corpus =
        Corpus::load(&Inputs { paths: vec![dir.path().to_path_buf()], load: load.clone(), ..Inputs::default() });
    let mut rebuilt = Vec::new();
    for piece in &pieces {
        let (docs, _) = engine::map_piece(&Settings::default(), &Selection::default(), &load, piece);
        rebuilt.extend(docs.iter().map(|d| engine::body::decode(&d.body).unwrap()));
    }
    assert_eq!(rebuilt.len(), corpus.documents.len());
    for (r, d) in rebuilt.iter().zip(&corpus.documents) {
        assert_eq!((&r.name, &r.text, r.record), (&d.name, &d.text, d.record));
        for span in [0..r.text.len(), r.text.len() / 2..r.text.len()] {
            assert_eq!(r.locate(span.clone()), d.locate(span), "{}", d.name);
        }
    }
}
