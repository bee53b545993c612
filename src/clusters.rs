//! Grouping indexes joined by pairs (union-find): documents into stories, near copies
//! into clusters.

/// Groups of the indexes `0..n` that the pairs join, each sorted, ordered by their first
/// member; indexes in no pair are left out.
pub fn clusters(n: usize, pairs: impl IntoIterator<Item = (usize, usize)> + Clone) -> Vec<Vec<usize>> {
    let mut parent: Vec<usize> = (0..n).collect();
    fn find(p: &mut [usize], mut x: usize) -> usize {
        while p[x] != x {
            p[x] = p[p[x]];
            x = p[x];
        }
        x
    }
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
    mut pairs_of: impl FnMut(usize) -> Vec<(usize, usize)>,
) -> Vec<(usize, usize)> {
    let mut seen = vec![false; n];
    let mut todo: Vec<usize> = start.into_iter().filter(|&i| !std::mem::replace(&mut seen[i], true)).collect();
    let mut pairs = Vec::new();
    while let Some(i) = todo.pop() {
        let found = pairs_of(i);
        for &(a, b) in &found {
            for x in [a, b] {
                if !std::mem::replace(&mut seen[x], true) {
                    todo.push(x);
                }
            }
        }
        pairs.extend(found);
    }
    pairs
}

#[cfg(test)]
mod tests {
    use super::{clusters, walk};

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
}
