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

#[cfg(test)]
mod tests {
    use super::clusters;

    #[test]
    fn pairs_join_transitively() {
        let c = clusters(5, [(0, 3), (3, 4), (1, 2)]);
        assert_eq!(c, vec![vec![0, 3, 4], vec![1, 2]]);
    }
}
