//! Who is right when the documents of a story disagree: statements of one quantity are
//! grouped by agreement, the group stated by the most documents is the majority, and the
//! others are outliers. Parallel pairs leave such quantities to the majority.

use super::{overlap, relation, ClaimRef, Fact, Outlier, ParallelResult, Status};
use crate::extract::Claim;
use crate::parallel::{Issue, Problem};
use std::collections::HashMap;

/// Drops the value differences of parallel pairs that a fact stated by three or more
/// documents also holds: the majority of the story says which statement is wrong, where a
/// pair can only say that two differ (a reprint of a reprint would blame the right copy).
pub(super) fn leave_to_the_majority<'a>(
    results: &mut [ParallelResult],
    facts: &[Fact],
    claim: &dyn Fn(ClaimRef) -> &'a Claim,
) {
    let mut voiced: HashMap<(usize, usize, usize), usize> = HashMap::new();
    for (i, fact) in facts.iter().enumerate() {
        let mut documents: Vec<usize> = fact.claims.iter().map(|r| r.0).collect();
        documents.sort_unstable();
        documents.dedup();
        if fact.status != Status::Agree && documents.len() >= 3 {
            for &r in &fact.claims {
                let c = claim(r);
                voiced.insert((r.0, c.start, c.end), i);
            }
        }
    }
    for r in results.iter_mut() {
        let (source, target) = (r.pair.source, r.pair.target);
        r.discrepancies.retain(|d| {
            let judged = matches!(d.issue, Issue::Differ(Problem::Value | Problem::Magnitude))
                && d.target_is_figure
                && voiced
                    .get(&(source, d.source.start, d.source.end))
                    .is_some_and(|fact| voiced.get(&(target, d.target.start, d.target.end)) == Some(fact));
            if judged {
                log::debug!("the figures at {:?} and {:?} are judged by the story's majority", d.source, d.target);
            }
            !judged
        });
    }
}

/// The status of a fact and its outliers: statements are grouped by agreement with the
/// first statement of each group; the largest group (earliest on ties) is the majority.
pub(super) fn judge<'a>(
    members: &[ClaimRef],
    claim: &impl Fn(ClaimRef) -> &'a Claim,
    rank: &dyn Fn(usize) -> (bool, i64, usize),
) -> (Status, Vec<Outlier>) {
    let mut clusters: Vec<Vec<ClaimRef>> = Vec::new();
    for &m in members {
        match clusters.iter_mut().find(|c| c.iter().all(|&o| overlap(claim(o), claim(m)))) {
            Some(c) => c.push(m),
            None => clusters.push(vec![m]),
        }
    }
    if clusters.len() == 1 {
        return (Status::Agree, Vec::new());
    }
    // A cluster weighs as many documents as state it (a repeated paragraph is one voice);
    // on a tie, the cluster of the source (the configured language, the earliest report).
    let weight = |c: &[ClaimRef]| {
        let mut docs: Vec<usize> = c.iter().map(|r| r.0).collect();
        docs.sort_unstable();
        docs.dedup();
        docs.len()
    };
    let source_rank = |c: &[ClaimRef]| c.iter().map(|r| rank(r.0)).min();
    let majority_at = (0..clusters.len())
        .max_by(|&i, &j| {
            weight(&clusters[i])
                .cmp(&weight(&clusters[j]))
                .then_with(|| source_rank(&clusters[j]).cmp(&source_rank(&clusters[i])))
        })
        .unwrap_or(0);
    let tie = (0..clusters.len()).any(|i| i != majority_at && weight(&clusters[i]) == weight(&clusters[majority_at]));
    let majority = clusters[majority_at][0];
    let mut status = Status::Agree;
    let mut outliers = Vec::new();
    for (ci, cluster) in clusters.iter().enumerate() {
        if ci == majority_at {
            continue;
        }
        for &m in cluster {
            match relation(claim(m), claim(majority)) {
                Some(s @ (Status::Conflict | Status::Magnitude)) => {
                    if status != Status::Magnitude {
                        status = s;
                    }
                    let others =
                        members.iter().filter(|&&o| o != m).map(|&o| (o, clusters[majority_at].contains(&o))).collect();
                    outliers.push(Outlier { status: s, claim: m, majority, others, tie });
                }
                _ => {
                    let (a, b) = (claim(m), claim(majority));
                    log::debug!(
                        "not compared: {} {} (document {}) and {} {} (document {}) are more than {}× apart, \
                         more likely two quantities than one misreported",
                        a.value,
                        a.unit,
                        m.0,
                        b.value,
                        b.unit,
                        majority.0,
                        super::MAX_CONFLICT_RATIO
                    )
                }
            }
        }
    }
    (status, outliers)
}
