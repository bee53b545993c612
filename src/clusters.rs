//! Grouping indexes joined by pairs (union-find): documents into stories, near copies
//! into clusters; and [`dense_groups`], which joins two groups only when enough of their
//! members are linked, so that a chain of weak links cannot grow one group without end.

use rustc_hash::FxHashMap;

/// The root of `x` in a union-find forest, halving the path on the way.
fn find(p: &mut [usize], mut x: usize) -> usize {
    while p[x] != x {
        p[x] = p[p[x]];
        x = p[x];
    }
    x
}

/// Groups of the indexes `0..n` that the pairs join, each sorted, ordered by their first
/// member; indexes in no pair are left out.
pub fn clusters(n: usize, pairs: impl IntoIterator<Item = (usize, usize)> + Clone) -> Vec<Vec<usize>> {
    let mut parent: Vec<usize> = (0..n).collect();
    for (a, b) in pairs.clone() {
        let (ra, rb) = (find(&mut parent, a), find(&mut parent, b));
        if ra != rb {
            parent[ra.max(rb)] = ra.min(rb);
        }
    }
    // Roots are the smallest member, so ordering by root orders by first member.
    let mut groups: std::collections::BTreeMap<usize, Vec<usize>> = std::collections::BTreeMap::new();
    for (a, b) in pairs {
        for x in [a, b] {
            let r = find(&mut parent, x);
            groups.entry(r).or_default().push(x);
        }
    }
    groups
        .into_values()
        .map(|mut g| {
            g.sort_unstable();
            g.dedup();
            g
        })
        .collect()
}

/// The pairs met walking out from the indexes `start` (of `0..n`): `pairs_of(i)` gives
/// the pairs index `i` is in, and every index a pair reaches is asked in turn, once. The
/// groups `clusters` makes of these pairs are the groups holding a start index, found at
/// the cost of those groups alone.
pub fn walk(
    n: usize,
    start: impl IntoIterator<Item = usize>,
    pairs_of: impl FnMut(usize) -> Vec<(usize, usize)>,
) -> Vec<(usize, usize)> {
    walk_links(n, start, pairs_of, |&p| p)
}

/// [`walk`] over links that carry more than their two ends (`ends` gives them).
pub fn walk_links<T>(
    n: usize,
    start: impl IntoIterator<Item = usize>,
    mut links_of: impl FnMut(usize) -> Vec<T>,
    ends: impl Fn(&T) -> (usize, usize),
) -> Vec<T> {
    let mut seen = vec![false; n];
    let mut todo: Vec<usize> = start.into_iter().filter(|&i| !std::mem::replace(&mut seen[i], true)).collect();
    let mut links = Vec::new();
    while let Some(i) = todo.pop() {
        let found = links_of(i);
        for link in &found {
            let (a, b) = ends(link);
            for x in [a, b] {
                if !std::mem::replace(&mut seen[x], true) {
                    todo.push(x);
                }
            }
        }
        links.extend(found);
    }
    links
}

/// Two groups join when the links between them are at least this share of the pairs
/// they could form: a document linked to one member of a large story is not evidence of
/// that story (a chain of documents each sharing figures with the next would otherwise
/// make one story of them all, and compare figures across unrelated events).
pub const JOIN_DENSITY: f64 = 0.25;

/// A weighted link between two indexes; links of infinite weight always join.
pub type WeightedPair = ((usize, usize), f64);

/// Groups of `0..n` joined by `links`, like [`clusters`], but two groups join only when the
/// links between them are at least [`JOIN_DENSITY`] of `|A|·|B|` (or one of them has an
/// infinite weight). Links are tried strongest first (then by pair), in rounds until no
/// group joins, at most [`MAX_ROUNDS`]: the groups depend only on the set of links. A
/// group's links to its neighbours are counted in a map per group, merged smaller into
/// larger, so the work is O(links · log links) per round.
pub fn dense_groups(n: usize, links: &[WeightedPair]) -> Vec<Vec<usize>> {
    let mut order: Vec<WeightedPair> =
        links.iter().map(|&((a, b), w)| ((a.min(b), a.max(b)), w)).filter(|((a, b), _)| a != b).collect();
    // One link per pair, its strongest.
    order.sort_unstable_by(|x, y| x.0.cmp(&y.0).then(y.1.total_cmp(&x.1)));
    order.dedup_by(|later, earlier| later.0 == earlier.0);
    order.sort_unstable_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
    let mut parent: Vec<usize> = (0..n).collect();
    let mut size = vec![1usize; n];
    let mut neighbours: FxHashMap<usize, FxHashMap<usize, usize>> = FxHashMap::default();
    for &((a, b), _) in &order {
        *neighbours.entry(a).or_default().entry(b).or_default() += 1;
        *neighbours.entry(b).or_default().entry(a).or_default() += 1;
    }
    for round in 0..MAX_ROUNDS {
        let mut joined = false;
        for &((a, b), weight) in &order {
            let (ra, rb) = (find(&mut parent, a), find(&mut parent, b));
            if ra == rb {
                continue;
            }
            let between = neighbours.get(&ra).and_then(|m| m.get(&rb)).copied().unwrap_or(0);
            if weight.is_finite() && (between as f64) < JOIN_DENSITY * (size[ra] * size[rb]) as f64 {
                continue;
            }
            joined = true;
            let degree = |r: usize| neighbours.get(&r).map_or(0, |m| m.len());
            let (keep, gone) = if degree(ra) >= degree(rb) { (ra, rb) } else { (rb, ra) };
            parent[gone] = keep;
            size[keep] += size[gone];
            let moved = neighbours.remove(&gone).unwrap_or_default();
            for (other, count) in moved {
                if other == keep {
                    continue;
                }
                if let Some(m) = neighbours.get_mut(&other) {
                    m.remove(&gone);
                    *m.entry(keep).or_default() += count;
                }
                *neighbours.entry(keep).or_default().entry(other).or_default() += count;
            }
            if let Some(m) = neighbours.get_mut(&keep) {
                m.remove(&gone);
            }
        }
        if !joined {
            break;
        }
        if round + 1 == MAX_ROUNDS {
            log::debug!("groups still joining after {MAX_ROUNDS} rounds; stopped there");
        }
    }
    let mut groups: FxHashMap<usize, Vec<usize>> = FxHashMap::default();
    for &((a, b), _) in &order {
        for x in [a, b] {
            let r = find(&mut parent, x);
            groups.entry(r).or_default().push(x);
        }
    }
    let mut groups: Vec<Vec<usize>> = groups
        .into_values()
        .map(|mut g| {
            g.sort_unstable();
            g.dedup();
            g
        })
        .filter(|g| g.len() >= 2)
        .collect();
    groups.sort_unstable();
    groups
}

/// Rounds of [`dense_groups`]: a link refused in one round can be taken in the next, once
/// other joins have made the two groups denser; real stories settle in two or three.
pub const MAX_ROUNDS: usize = 4;

#[cfg(test)]
mod tests {
    use super::{clusters, dense_groups, walk};

    #[test]
    fn a_walk_finds_the_pairs_of_the_groups_it_starts_in() {
        let pairs = [(0, 3), (3, 4), (1, 2), (5, 6)];
        let pairs_of = |i: usize| pairs.iter().copied().filter(|&(a, b)| a == i || b == i).collect::<Vec<_>>();
        let mut found = walk(7, [4], pairs_of);
        found.sort_unstable();
        found.dedup();
        assert_eq!(found, vec![(0, 3), (3, 4)]);
        assert!(walk(7, [], pairs_of).is_empty());
    }

    #[test]
    fn pairs_join_transitively() {
        let c = clusters(5, [(0, 3), (3, 4), (1, 2)]);
        assert_eq!(c, vec![vec![0, 3, 4], vec![1, 2]]);
    }

    #[test]
    fn dense_groups_refuse_a_chain_but_keep_a_clique() {
        // Twelve documents, each linked to the next: short runs, never one group.
        let chain: Vec<_> = (0..11).map(|i| ((i, i + 1), 2.0)).collect();
        let groups = dense_groups(12, &chain);
        assert!(groups.len() >= 3, "{groups:?}");
        assert!(groups.iter().all(|g| g.len() <= 5), "{groups:?}");
        assert_eq!(groups.iter().map(Vec::len).sum::<usize>(), 12);
        // Six documents all linked to one another, and a seventh linked to one of them.
        let mut clique: Vec<_> = (0..6).flat_map(|a| (a + 1..6).map(move |b| ((a, b), 1.0))).collect();
        clique.push(((5, 6), 1.0));
        assert_eq!(dense_groups(7, &clique), vec![vec![0, 1, 2, 3, 4, 5]]);
        // An infinite weight (files named as translations) always joins.
        clique.push(((0, 6), f64::INFINITY));
        assert_eq!(dense_groups(7, &clique), vec![vec![0, 1, 2, 3, 4, 5, 6]]);
    }

    #[test]
    fn dense_groups_do_not_depend_on_the_order_of_links() {
        let mut links: Vec<_> = vec![((0, 1), 2.0), ((1, 2), 2.0), ((2, 3), 1.5), ((0, 2), 2.5), ((4, 5), 3.0)];
        let want = dense_groups(6, &links);
        links.reverse();
        assert_eq!(dense_groups(6, &links), want);
        assert_eq!(want, vec![vec![0, 1, 2, 3], vec![4, 5]]);
    }
}
