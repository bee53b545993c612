//! Flags documents whose bodies are the same or nearly the same: one report reposted
//! under several titles, a syndicated story with a changed figure.
//!
//! Why: copies inflate every statistic taken from a dataset and leak between training and
//! test splits; a near copy whose numbers differ is a contradiction waiting to be read.
//!
//! Chinese: the same 国家统计局 release about 1-11月 industrial profits posted three times
//! by one portal is one finding on the first post, with the other two as related.
//! English: a wire story reprinted with "3,000 teachers" changed to "3,500 teachers" is
//! reported, and the help names 3,000 → 3,500.
//!
//! "Nearly" means: with front matter, markup and boilerplate lines left out and the text
//! folded (NFKC, case), the two bodies share at least 80% of their 5-token shingles
//! (Jaccard; a token is a Han character or an English word). Bodies under 200 characters
//! never count. Candidates come from MinHash with LSH banding, so the work grows linearly
//! with the corpus; every reported pair is verified exactly. Each cluster of copies is
//! reported once, on its first document (with `--corpus-root`, on its first document
//! checked, so a new file that copies an old one is reported). Set `min-chars`, `shingle` and `near` under `[rules.duplicate-document]`.

use super::boilerplate::Boilerplate;
use super::duplicate_paragraph::changed_figures;
use super::DuplicateSettings;
use super::{CorpusData, Rule};
use crate::dedup::{self, Sketch};
use crate::finding::{fingerprint, Finding, Place, Related};
use crate::source::Document;

pub(super) const ID: &str = "duplicate-document";

/// Documents of clusters read back at once.
const READ_BACK_DOCUMENTS: usize = 4096;

pub struct DuplicateDocument {
    options: DuplicateSettings,
    boilerplate: Boilerplate,
}

impl DuplicateDocument {
    /// The rule with the configured options, leaving out the configured boilerplate.
    pub fn of(settings: &dyn super::RuleSettings) -> DuplicateDocument {
        let boilerplate = Boilerplate::new(settings.boilerplate_phrases());
        DuplicateDocument { options: settings.document().clone(), boilerplate }
    }

    /// The body that counts: paragraphs that are not boilerplate.
    fn body(&self, d: &Document) -> String {
        let kept: Vec<&str> =
            d.paragraphs.iter().map(|p| &d.text[p.clone()]).filter(|p| !self.boilerplate.matches(p)).collect();
        kept.join("\n")
    }

    /// The finding of one cluster of copies (its documents in `resident`), on its first
    /// document or, with a focus, its first focused one (`check_corpus` keeps only clusters
    /// that hold one).
    fn report(
        &self,
        cluster: &[usize],
        resident: &crate::corpus::Resident<'_>,
        pairs: &[(usize, usize, f64)],
        focus: Option<&[bool]>,
    ) -> Finding {
        let o = &self.options;
        // Reported on its first document, or with a focus (`--corpus-root`) on its
        // first focused one: a new file that copies an older one is reported on.
        let focused = |d: usize| focus.is_none_or(|f| f[d]);
        let original = cluster.iter().copied().find(|&d| focused(d)).unwrap_or(cluster[0]);
        let docs = |i: usize| resident.get(i);
        let bodies: std::collections::HashMap<usize, String> =
            cluster.iter().map(|&i| (i, self.body(docs(i)))).collect();
        let copies: Vec<usize> = cluster.iter().copied().filter(|&d| d != original).collect();
        let copies = &copies[..];
        let similarity = |c: usize| {
            let pair = (original.min(c), original.max(c));
            // `near_pairs` gives its pairs sorted.
            let found = pairs.binary_search_by(|p| (p.0, p.1).cmp(&pair)).ok().map(|k| &pairs[k]);
            found.map_or_else(
                || {
                    let set = |i: usize| dedup::shingles(&bodies[&i], o.shingle);
                    dedup::jaccard(&set(original), &set(c))
                },
                |p| p.2,
            )
        };
        // Per copy, once: whether it is identical, and the figures it changes (an
        // identical copy changes none).
        let changes: Vec<(bool, Option<String>)> = copies
            .iter()
            .map(|&c| {
                let identical = bodies[&c] == bodies[&original];
                (identical, (!identical).then(|| changed_figures(&bodies[&original], &bodies[&c])).flatten())
            })
            .collect();
        let related = copies
            .iter()
            .zip(&changes)
            .map(|(&c, (identical, change))| {
                let how = if *identical {
                    "identical copy".to_string()
                } else {
                    let figures = change.as_ref().map(|f| format!("; figures differ: {f}")).unwrap_or_default();
                    format!("near copy, {:.0}% alike{figures}", similarity(c) * 100.0)
                };
                let d = docs(c);
                let first = d.paragraphs.first().cloned().unwrap_or(0..0);
                Related { place: Place::Text { doc: c, span: first }, message: how }
            })
            .collect::<Vec<_>>();
        let changed: Vec<String> = copies
            .iter()
            .zip(&changes)
            .filter_map(|(&c, (_, change))| Some(format!("{}: {}", docs(c).name, change.as_ref()?)))
            .collect();
        let help = if changed.is_empty() {
            "keep one copy, or mark the others as reprints".to_string()
        } else {
            format!("the copies change figures ({}); check which is right, then keep one", changed.join("; "))
        };
        let d = docs(original);
        let first = d.paragraphs.first().cloned().unwrap_or(0..0);
        let n = copies.len();
        let mut names: Vec<&str> = cluster.iter().map(|&i| &*docs(i).name).collect();
        names.sort_unstable();
        Finding {
            rule: ID,
            severity: super::severity(ID),
            message: format!("this document is repeated by {n} other document{}", if n == 1 { "" } else { "s" }),
            help: Some(help),
            place: Place::Text { doc: original, span: first },
            related,
            fingerprint: fingerprint(&[ID, &names.join("\u{1f}")]),
        }
    }

    /// The near copies among `documents`, one group of candidates of the distributed
    /// engine, as [`dedup::near_pairs`] finds them: with `star`, copies of one sketch,
    /// each paired with the first; otherwise the first texts of one near-copy bucket,
    /// every two of them whose sketches are alike enough.
    pub fn near_copies(&self, documents: &[Document], star: bool) -> Vec<(usize, usize)> {
        let sketches: Vec<Sketch> = documents.iter().map(|d| self.sketch(d, None)).collect();
        let near = self.options.near;
        let n = documents.len() as u32;
        let candidates: Vec<(u32, u32)> = if star {
            (1..n).map(|j| (0, j)).collect()
        } else {
            let pairs = (0..n).flat_map(|i| (i + 1..n).map(move |j| (i, j)));
            pairs.filter(|&(i, j)| dedup::worth_verifying(&sketches[i as usize], &sketches[j as usize], near)).collect()
        };
        let shingles_of = |ids: &[usize]| {
            ids.iter().map(|&i| dedup::shingles(&self.body(&documents[i]), self.options.shingle)).collect()
        };
        dedup::verify(&sketches, near, candidates, &shingles_of).into_iter().map(|(i, j, _)| (i, j)).collect()
    }

    fn sketch(&self, d: &Document, cache: Option<&crate::cache::ClaimCache>) -> Sketch {
        let o = &self.options;
        let b = self.body(d);
        // Only whether there are `min_chars` is asked: the count stops there.
        if b.chars().filter(|c| !c.is_whitespace()).take(o.min_chars).count() < o.min_chars {
            return Sketch::empty();
        }
        match cache {
            Some(cache) => cache.sketch(&b, o.shingle, |b| Sketch::new(b, o.shingle)).of_text(&b),
            None => Sketch::new(&b, o.shingle),
        }
    }
}

impl Rule for DuplicateDocument {
    fn id(&self) -> &'static str {
        ID
    }

    fn signature(&self, document: &Document, cache: Option<&crate::cache::ClaimCache>) -> Option<Sketch> {
        Some(self.sketch(document, cache))
    }

    fn has_signature(&self) -> bool {
        true
    }

    fn check_corpus(&self, data: &CorpusData<'_>) -> Vec<Finding> {
        let corpus = data.corpus;
        let o = &self.options;
        // Sketches were taken while each text was loaded (`signature`); bodies are built
        // again only for the pairs a sketch cannot rule out and for the documents of a cluster.
        let shingles_of = |ids: &[usize]| {
            let resident = corpus.resident(ids);
            ids.iter().map(|&i| dedup::shingles(&self.body(resident.get(i)), o.shingle)).collect()
        };
        let crowded = data.scope.map(|s| &s.crowded);
        let pairs = dedup::near_pairs(data.signatures, o.near, (data.focus, crowded), &shingles_of);
        let mut clusters = crate::clusters::clusters(corpus.documents.len(), pairs.iter().map(|p| (p.0, p.1)));
        if let Some(focus) = data.focus {
            clusters.retain(|c| c.iter().any(|&d| focus[d]));
        }
        let mut out = Vec::new();
        // The documents of many clusters are read back at once: a dataset read back whole
        // (a compressed file, a CSV) is then read once per batch, not once per cluster.
        let mut rest = &clusters[..];
        while !rest.is_empty() {
            let mut size = 0;
            let take = rest.iter().take_while(|c| {
                size += c.len();
                size - c.len() < READ_BACK_DOCUMENTS
            });
            let batch = &rest[..take.count().max(1)];
            rest = &rest[batch.len()..];
            let ids: Vec<usize> = batch.iter().flatten().copied().collect();
            let resident = corpus.resident(&ids);
            out.extend(batch.iter().map(|cluster| self.report(cluster, &resident, &pairs, data.focus)));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{check_texts, BRIDGE_EN, BRIDGE_ZH};

    #[test]
    fn a_copy_with_a_changed_figure_is_one_finding() {
        let copy = BRIDGE_EN.replace("More than 2,300 workers", "More than 3,200 workers");
        let found = check_texts(super::ID, &[("a.txt", BRIDGE_EN), ("b.txt", &copy), ("c.txt", BRIDGE_ZH)]);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].file, "a.txt");
    }

    #[test]
    fn a_translation_is_no_copy() {
        assert!(check_texts(super::ID, &[("a.txt", BRIDGE_EN), ("b.txt", BRIDGE_ZH)]).is_empty());
    }
}
