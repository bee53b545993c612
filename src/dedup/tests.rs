//! Table and property tests of near-copy detection: tokens, shingles, sketches, exact
//! Jaccard and the pairs `near_pairs` finds.

use super::*;

#[test]
fn any_number_of_exact_copies_is_found() {
    let body = "河西区今年改造老旧小区42个，涉及居民8600余户，计划年底前全部完工，改造内容包括加装电梯和更换管网。";
    let mut texts: Vec<String> = vec![body.to_string(); 600];
    texts.push(body.replace("42个", "24个"));
    texts.push("完全不同的另一篇报道，讲的是港口集装箱吞吐量和新开的国际航线。".repeat(2));
    let sketches: Vec<Sketch> = texts.iter().map(|t| Sketch::new(t, 3)).collect();
    let pairs = near_pairs(&sketches, 0.8, (None, None), &one_by_one(|i| shingles(&texts[i], 3)));
    let joined: std::collections::BTreeSet<usize> = pairs.iter().flat_map(|&(i, j, _)| [i, j]).collect();
    assert_eq!(joined, (0..601).collect(), "every copy and the edited one join; the other text does not");
    let focus: Vec<bool> = (0..texts.len()).map(|i| i == 599).collect();
    let focused = near_pairs(&sketches, 0.8, (Some(&focus), None), &one_by_one(|i| shingles(&texts[i], 3)));
    let reached: std::collections::BTreeSet<usize> = focused.iter().flat_map(|&(i, j, _)| [i, j]).collect();
    assert_eq!(reached, joined, "a focused copy reaches all the others");
}

#[test]
fn giving_up_early_never_changes_the_answer_and_jaccard_is_exact() {
    // Sets of every size up to 12 drawn from 0..16 by bit pattern, in many overlaps.
    let set = |bits: u32| (0..16u32).filter(|i| bits & (1 << i) != 0).collect::<Vec<u32>>();
    for x in (0..65536u32).step_by(257) {
        for y in (0..65536u32).step_by(263) {
            let (a, b) = (set(x), set(y));
            // Counted directly, not through the merge under test.
            let inter = a.iter().filter(|x| b.contains(x)).count();
            let union = a.len() + b.len() - inter;
            let exact = if union == 0 { 1.0 } else { inter as f64 / union as f64 };
            assert_eq!(jaccard(&a, &b), exact, "{a:?} {b:?}");
            for near in [0.5, 0.6, 0.75, 0.8, 0.9, 1.0] {
                let want = (exact >= near).then_some(exact);
                assert_eq!(jaccard_at_least(&a, &b, near), want, "{a:?} {b:?} {near}");
            }
        }
    }
}

proptest::proptest! {
    #[test]
    fn the_fast_path_tokenizes_like_the_general_one(
        text in proptest::collection::vec(proptest::sample::select(vec![
            "a", "B", "z", "x", "0", "7", "1,007", "3.5", " ", "  ", "\n", "_", ".", ",", ":", ";", "'", "’", "‘",
            "“", "”", "—", "…", "家", "医", "院", "萬", "，", "。", "、", "：", "（", "）", "％", "１", "２", "Ａ", "ｂ",
            "\u{3000}", "-", "%", "(", "!", "U.S.", "don't", "5G", "「", "」", "·", "ｶ", "é", "\u{200B}",
            "\u{a0}", "×", "□", "★", "Ⅱ", "\u{ad}", "°", "∶", "→", "ª", "²", "⒊", "™", "½", "……", "‥", "ⅰ", "№",
            "\u{3400}", "\u{9fff}", "\u{f900}", "\u{3007}", "\u{3005}",
        ]), 0..40)
    ) {
        let text: String = text.concat();
        if let Some(fast) = fast::tokens(&text) {
            proptest::prop_assert_eq!(fast, general_tokens(&text), "{:?}", text);
        }
    }
}

#[test]
fn the_fast_path_takes_news_text_and_leaves_the_rest() {
    assert!(fast::tokens("全国1007家城市三级医院，“1.4万亿元”。U.S. hospitals’ 1,007 beds").is_some());
    // An ellipsis folds to three full stops, a Roman numeral to letters: still fast.
    assert_eq!(fast::tokens("据悉……2.5万亿元…Ⅱ期"), Some(general_tokens("据悉……2.5万亿元…Ⅱ期")));
    assert!(fast::tokens("カタカナ").is_none());
    assert!(fast::tokens("cafe\u{301}").is_none());
}

#[test]
fn copies_of_one_text_pair_without_their_shingles_being_read_again() {
    let a = "全县今年共招聘乡村教师3000名，分配到偏远山区的小学任教，每人每年补助两万元，服务期不少于五年。";
    let texts = [a.to_string(), a.replace("3000", "3500"), a.to_string()];
    let sketches: Vec<Sketch> = texts.iter().map(|t| Sketch::new(t, 3)).collect();
    let asked = std::sync::Mutex::new(Vec::new());
    let of = |ids: &[usize]| {
        asked.lock().unwrap().extend_from_slice(ids);
        ids.iter().map(|&i| shingles(&texts[i], 3)).collect()
    };
    let pairs = near_pairs(&sketches, 0.5, (None, None), &of);
    assert!(pairs.contains(&(0, 2, 1.0)), "{pairs:?}");
    assert!(pairs.iter().any(|p| (p.0, p.1) == (0, 1) && p.2 < 1.0), "{pairs:?}");
    let read_again = asked.lock().unwrap().clone();
    assert!(!read_again.contains(&2), "the copy's shingles were read again: {read_again:?}");
    // A sketch rebuilt from its bins does not know its text: its pairs are verified.
    let rebuilt: Vec<Sketch> = sketches.iter().map(|s| Sketch::from_bins(&s.to_bins()).unwrap()).collect();
    assert_eq!(near_pairs(&rebuilt, 0.5, (None, None), &of), pairs);
}

#[test]
fn bins_kept_whole_by_an_earlier_version_read_as_the_same_sketch() {
    let text = "全县今年共招聘乡村教师3000名，分配到偏远山区的小学任教，每人每年补助两万元，服务期不少于五年。";
    let sketch = Sketch::new(text, 3);
    let bins = sketch.to_bins();
    assert!(bins[1..].iter().all(|&b| b <= u32::from(u16::MAX)), "bins are kept in 16 bits");
    // An earlier version kept 31 bits of each minimum; their low 16 bits are the bins.
    let mut wide = bins.clone();
    for (k, b) in wide[1..].iter_mut().enumerate() {
        *b |= ((k as u32).wrapping_mul(2_654_435_761) & 0x7fff) << 16;
    }
    let read = Sketch::from_bins(&wide).unwrap();
    assert_eq!(read.to_bins(), bins);
    assert_eq!(read.estimate(&sketch), 1.0);
    assert!(Sketch::from_bins(&Sketch::empty().to_bins()).unwrap().is_empty());
}

#[test]
fn chinese_is_one_token_per_character_and_english_one_per_word() {
    assert_eq!(tokens("全国1007家医院").len(), 6, "全 国 1007 家 医 院");
    assert_eq!(tokens("The county hired 3,000 teachers.").len(), 5);
    assert_eq!(tokens("ＡＢＣ"), tokens("abc"), "NFKC folds full-width forms");
}

#[test]
fn a_changed_figure_keeps_a_pair_near_and_different() {
    let a = "全县今年共招聘乡村教师3000名，分配到偏远山区的小学任教，每人每年补助两万元，服务期不少于五年，期满后可以自主择业。";
    let b = a.replace("3000", "3500");
    let texts = [a.to_string(), b];
    let sim = jaccard(&shingles(&texts[0], 5), &shingles(&texts[1], 5));
    assert!(sim < 1.0 && sim > 0.8, "{sim}");
    let sketches = vec![Sketch::new(&texts[0], 5), Sketch::new(&texts[1], 5)];
    let pairs = near_pairs(&sketches, 0.8, (None, None), &one_by_one(|i| shingles(&texts[i], 5)));
    assert_eq!(pairs, vec![(0, 1, sim)]);
}

#[test]
fn a_focus_keeps_the_pairs_of_clusters_that_hold_it() {
    let base = [
        "全县今年共招聘乡村教师3000名，分配到偏远山区的小学任教，每人每年补助两万元，服务期不少于五年，期满后可以自主择业。",
        "The county recruited 3,000 rural teachers this year for schools in remote mountain areas, each paid a yearly allowance.",
    ];
    // Two clusters: a chain of edits of the Chinese text, and copies of the English one.
    let texts: Vec<String> = vec![
        base[0].to_string(),
        base[1].to_string(),
        base[0].replace("3000", "3500"),
        base[1].to_string(),
        base[0].replace("3000", "3500").replace("两万", "三万"),
        "另一篇毫不相干的报道，讲的是本市地铁新线路开通运营后首个周末的客流情况，以及沿线商圈的变化。".to_string(),
    ];
    let sketches: Vec<Sketch> = texts.iter().map(|t| Sketch::new(t, 5)).collect();
    let of = one_by_one(|i: usize| shingles(&texts[i], 5));
    let all = near_pairs(&sketches, 0.6, (None, None), &of);
    assert!(all.iter().any(|p| (p.0, p.1) == (1, 3)) && all.iter().any(|p| (p.0, p.1) == (2, 4)), "{all:?}");
    for focused in 0..texts.len() {
        let focus: Vec<bool> = (0..texts.len()).map(|d| d == focused).collect();
        let groups = crate::clusters::clusters(texts.len(), all.iter().map(|p| (p.0, p.1)));
        let cluster = groups.iter().find(|g| g.contains(&focused)).cloned().unwrap_or_default();
        let want: Vec<_> = all.iter().copied().filter(|p| cluster.contains(&p.0)).collect();
        assert_eq!(near_pairs(&sketches, 0.6, (Some(&focus), None), &of), want, "focus on {focused}");
    }
}

#[test]
fn pairs_verified_a_block_at_a_time_are_those_verified_at_once() {
    let base = "全县今年共招聘乡村教师3000名，分配到偏远山区的小学任教，每人每年补助两万元，服务期不少于五年。";
    let texts: Vec<String> = (0..12).map(|n| base.replace("3000", &format!("{}", 3000 + n % 4))).collect();
    let sketches: Vec<Sketch> = texts.iter().map(|t| Sketch::new(t, 3)).collect();
    let candidates: Vec<(u32, u32)> = (0..12).flat_map(|i| (i + 1..12).map(move |j| (j, i))).collect();
    let largest = std::sync::atomic::AtomicUsize::new(0);
    let asked = std::sync::atomic::AtomicUsize::new(0);
    let of = |ids: &[usize]| {
        asked.fetch_add(ids.len(), std::sync::atomic::Ordering::Relaxed);
        largest.fetch_max(ids.len(), std::sync::atomic::Ordering::Relaxed);
        ids.iter().map(|&i| shingles(&texts[i], 3)).collect()
    };
    let at_once = verify_in_blocks(&sketches, 0.5, candidates.clone(), &of, usize::MAX);
    assert_eq!(at_once.len(), 66, "every pair is near: {at_once:?}");
    assert_eq!(asked.swap(0, std::sync::atomic::Ordering::Relaxed), 12, "each text is read once");
    for block in [1, 2, 5] {
        largest.store(0, std::sync::atomic::Ordering::Relaxed);
        assert_eq!(verify_in_blocks(&sketches, 0.5, candidates.clone(), &of, block), at_once, "block {block}");
        assert!(largest.load(std::sync::atomic::Ordering::Relaxed) <= block + 1, "block {block}");
    }
}

#[test]
fn unrelated_texts_are_not_paired() {
    let texts = [
        "全县今年共招聘乡村教师3000名，分配到偏远山区的小学任教。",
        "The county recruited 3,000 rural teachers for remote schools this year.",
    ];
    let sketches = texts.map(|t| Sketch::new(t, 5)).to_vec();
    assert!(near_pairs(&sketches, 0.5, (None, None), &one_by_one(|i| shingles(texts[i], 5))).is_empty());
}

#[test]
fn a_sketch_taken_as_shingles_come_is_that_of_the_sorted_set() {
    // Texts of every size in a row, so that the shingle set grows, is kept and is let go
    // between them; a text that repeats itself has fewer distinct shingles than windows.
    let mut next = crate::testing::xorshift(0x5851_f42d_4c95_7f2du64);
    let words = ["医院", "资金", "县级", "投入", "the", "county", "1,007", "3.5%", "，", "。", " "];
    let mut texts: Vec<String> = ["", "家", "两家医院", "one two", "…… Ⅱ期 ｶ"].map(String::from).to_vec();
    for len in [10, 300, 5_000, 40_000, 20, 3] {
        texts.push((0..len).map(|_| words[next(words.len() as u64) as usize]).collect());
    }
    texts.push("重复的句子。".repeat(500));
    for text in &texts {
        for k in [1, 3, 5] {
            let want = Sketch::from_shingles(&shingles(text, k));
            let got = Sketch::new(text, k);
            assert_eq!(got.to_bins(), want.to_bins(), "k={k}: {:?}", &text[..text.len().min(40)]);
        }
    }
}

#[test]
fn a_text_the_fast_tokenizer_gives_up_on_late_has_the_shingles_of_its_general_tokens() {
    // The unhandled character (kana) comes after many shingles were given: they are taken
    // back, and the shingles and sketch are those of the general tokens alone.
    let text = "全县投入资金1.4万亿元，支持1007家医院；the county hired 3,000 teachers. ".repeat(50) + "カナ";
    assert!(fast::tokens(&text).is_none());
    let tokens = general_tokens(&text);
    let mut want: Vec<u32> = Vec::new();
    let mut roller = super::shingle::Roller::new(5);
    want.extend(tokens.iter().filter_map(|&t| roller.push(t)));
    want.sort_unstable();
    want.dedup();
    assert_eq!(shingles(&text, 5), want);
    assert_eq!(Sketch::new(&text, 5).to_bins(), Sketch::from_shingles(&want).to_bins());
}
