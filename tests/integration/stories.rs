//! Stories, alignment and contradictions on fixture stories written for the tests: the
//! slips the rules must catch, and each false-alarm trap they must stay silent on.

use crate::support::{corpus, factlint, factlint_in, stdout};
use serde_json::Value;

/// Findings of the contradiction rules over `files`: (rule, file, flagged text).
fn contradictions(files: &[(&str, &str)]) -> Vec<(String, String, String)> {
    let owned: Vec<(&str, &[u8])> = files.iter().map(|(n, t)| (*n, t.as_bytes())).collect();
    let dir = corpus(&owned);
    let out = factlint_in(dir.path(), &["check", ".", "-f", "json", "--no-config", "--fail-on", "never"], None);
    let v: Value = serde_json::from_str(&stdout(&out)).unwrap();
    v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| matches!(f["rule"].as_str(), Some("numeric-contradiction" | "magnitude-mismatch")))
        .map(|f| {
            let path = f["path"].as_str().unwrap().rsplit('/').next().unwrap().to_string();
            let bytes = std::fs::read(dir.path().join(&path)).unwrap();
            let (s, e) = (f["byte_start"].as_u64().unwrap() as usize, f["byte_end"].as_u64().unwrap() as usize);
            (f["rule"].as_str().unwrap().to_string(), path, String::from_utf8_lossy(&bytes[s..e]).into_owned())
        })
        .collect()
}

const ZH_A: &str = "国家卫健委24日介绍，十年来中央财政累计投入资金1.4万亿元，支持1172家县级医院提标扩能，\
全国1007家城市三级医院与县级医院建立对口帮扶关系，医务人员下沉基层11.8万人次。";
const ZH_B: &str = "记者获悉，十年来中央财政累计投入资金1.4万亿元，支持1172家县级医院提标扩能，\
全国1007家城市三级医院与县级医院建立对口帮扶关系，医务人员下沉基层11.8万人次。";
const EN: &str = "Over ten years the central government invested 1.4 trillion yuan, helped 1,172 county-level \
hospitals and paired 1,007 urban tertiary hospitals with county hospitals; medical personnel made 118,000 visits.";

#[test]
fn agreeing_reports_raise_nothing() {
    assert!(contradictions(&[("a.txt", ZH_A), ("b.txt", ZH_B), ("c.txt", EN)]).is_empty());
}

#[test]
fn a_changed_digit_in_a_reprint_is_a_contradiction() {
    let wrong = ZH_B.replace("1007家", "1070家");
    let found = contradictions(&[("a.txt", ZH_A), ("b.txt", &wrong), ("c.txt", EN)]);
    assert_eq!(found, [("numeric-contradiction".into(), "b.txt".into(), "1070家".into())]);
}

#[test]
fn a_scale_slip_in_a_translation_is_a_magnitude_mismatch() {
    let wrong = EN.replace("1.4 trillion yuan", "1.4 billion yuan");
    let found = contradictions(&[("a.txt", ZH_A), ("b.txt", ZH_B), ("c.txt", &wrong)]);
    assert_eq!(found, [("magnitude-mismatch".into(), "c.txt".into(), "1.4 billion yuan".into())]);
}

#[test]
fn different_quantities_of_one_sentence_are_never_compared() {
    // 1172家县级医院 and 1007家城市三级医院 sit side by side; swapping their order in one
    // report must not pair 1172 with 1007.
    let swapped = "记者获悉，十年来中央财政累计投入资金1.4万亿元，全国1007家城市三级医院与县级医院建立对口帮扶关系，\
支持1172家县级医院提标扩能，医务人员下沉基层11.8万人次。";
    assert!(contradictions(&[("a.txt", ZH_A), ("b.txt", swapped)]).is_empty());
}

#[test]
fn unrelated_reports_with_a_shared_figure_stay_apart() {
    let old =
        "---\ndate: 2016-03-01\n---\n\n某省2016年招收3000名订单定向医学生，培养1172名乡村医生，投入资金16.5亿元。\n";
    let new = "---\ndate: 2022-05-24\n---\n\n十年来培养3000多名全科医生，支持1172家县级医院，投入资金1.4万亿元。\n";
    let dir = corpus(&[("old.md", old.as_bytes()), ("new.md", new.as_bytes())]);
    let out = factlint_in(dir.path(), &["align", ".", "-f", "json", "--no-config"], None);
    let v: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(v["stories"].as_array().unwrap().len(), 0, "{v}");
}

#[test]
fn part_and_whole_are_different_quantities() {
    let national =
        "国家统计局公布，1-5月全国规模以上工业企业实现利润总额3.2万亿元，同比增长10.2%，其中制造业实现利润2.7万亿元，\
采矿业实现利润4200亿元，电力行业实现利润1900亿元。";
    let province = "国家统计局公布，1-5月全国规模以上工业企业实现利润总额3.2万亿元，同比增长10.2%。其中广东省规模以上工业企业实现利润总额\
3100亿元，同比增长8.1%，采矿业实现利润4200亿元，电力行业实现利润1900亿元。";
    assert!(contradictions(&[("a.txt", national), ("b.txt", province)]).is_empty());
}

#[test]
fn different_periods_are_different_quantities() {
    let cumulative = "统计局发布：1-5月，规模以上工业企业利润同比增长10.2%，营业收入6.1万亿元，出口交货值1.3万亿元，企业数量4.2万家。";
    let monthly = "统计局发布：5月份，规模以上工业企业利润同比增长9.8%，营业收入6.1万亿元，出口交货值1.3万亿元，企业数量4.2万家。";
    assert!(contradictions(&[("a.txt", cumulative), ("b.txt", monthly)]).is_empty());
}

#[test]
fn year_on_year_and_month_on_month_are_different_quantities() {
    let zh = "海关总署发布，前5个月进出口总值16.04万亿元，出口8.94万亿元，同比增长5.2%，进口7.1万亿元。";
    let en = "Customs data show total trade of 16.04 trillion yuan in the first five months, exports of 8.94 trillion yuan, \
up 4.8% month-on-month, and imports of 7.1 trillion yuan.";
    assert!(contradictions(&[("a.zh.txt", zh), ("a.en.txt", en)]).is_empty());
}

#[test]
fn rates_and_levels_are_different_quantities() {
    let a = "全市常住人口达到2189万人，增长11.6%，城镇化率达到87.5%，地区生产总值4.03万亿元。";
    let b = "全市常住人口达到2189万人，比上年增加11.6万人，城镇化率达到87.5%，地区生产总值4.03万亿元。";
    assert!(contradictions(&[("a.txt", a), ("b.txt", b)]).is_empty());
}

#[test]
fn align_prints_stories_and_their_facts() {
    let out = factlint(&["align", "examples/corpus", "-f", "json", "--no-config"], None);
    assert_eq!(out.status.code(), Some(0));
    let v: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let stories = v["stories"].as_array().unwrap();
    assert_eq!(stories.len(), 1, "the unrelated JSONL records stay out");
    let facts = stories[0]["facts"].as_array().unwrap();
    let hospitals =
        facts.iter().find(|f| f["claims"].as_array().unwrap().iter().any(|c| c["text"] == "1070家")).unwrap();
    assert_eq!(hospitals["status"], "conflict");
    assert_eq!(hospitals["claims"].as_array().unwrap().len(), 4);
    let trillion = facts.iter().find(|f| f["claims"][0]["text"] == "1.4万亿元").unwrap();
    assert_eq!(trillion["status"], "agree");
    assert!(trillion["claims"].as_array().unwrap().iter().any(|c| c["text"] == "1.4 trillion yuan"));
    let human = stdout(&factlint(&["align", "examples/corpus", "--no-config"], None));
    assert!(human.contains("conflict") && human.contains("1070家"), "{human}");
}

/// The flagged texts of the contradiction findings, sorted.
fn flagged(files: &[(&str, &str)]) -> Vec<String> {
    let mut texts: Vec<String> = contradictions(files).into_iter().map(|(_, _, text)| text).collect();
    texts.sort();
    texts
}

#[test]
fn a_figure_repeated_in_the_original_does_not_hide_the_one_beside_it() {
    // The Chinese states 100% three times, the translation once: the repeats must not make
    // 99.8% ambiguous against the translation's (wrong) 89.7%.
    let zh = "该农场耕地6000多亩，农机总保有量4.9万台，田间综合机械化率99.8%，其中耕地、播种、收获分别实现100%、100%、100%机械化作业，\
示范园占地35万平方米。";
    let en = "The farm has over 6,000 mu of land and 49,000 machines; its overall mechanization rate is 89.7%, and \
after years of investment in satellite navigation, precision seeding and large tractors, ploughing, sowing and harvesting \
are all 100% mechanized. The park covers 350,000 square meters.";
    let found = flagged(&[("010.zh.txt", zh), ("010.en.txt", en)]);
    assert!(found == ["89.7%"] || found == ["99.8%"], "{found:?}");
}

#[test]
fn glossary_concepts_choose_between_two_candidates() {
    // The translation drops the asymptomatic count: 94 confirmed cases must meet 135例
    // (确诊), not 147例 (无症状).
    let zh = "7月25日，新疆新增确诊病例22例，新增无症状感染者38例。截至25日24时，乌鲁木齐市现有确诊病例135例，\
无症状感染者147例。论坛活动控制在50人以内，上座率不超过30%。";
    let en =
        "On July 25, Xinjiang reported 22 new confirmed cases and 38 new asymptomatic cases. As of 24:00 on the 25th, \
94 confirmed cases were being treated in Urumqi. Forums are limited to 50 people and occupancy to 30%.";
    let found = flagged(&[("011.zh.txt", zh), ("011.en.txt", en)]);
    assert!(found == ["94 confirmed cases"] || found == ["135例"], "{found:?}");
}

#[test]
fn figures_too_far_apart_to_compare_are_not_paired_by_order() {
    // 10.07 billion yuan cannot be the 6000万元 beside it; it is the 130.9亿元 loss.
    let zh = "洪涝灾害造成受灾面积1316.9万亩，直接经济损失130.9亿元。财政下达救灾资金6000万元和2亿元，各地安排资金1.73亿元。";
    let en = "The floods affected 13.169 million mu and cost 10.07 billion yuan. The finance department released \
200 million yuan, and localities arranged 173 million yuan.";
    let found = flagged(&[("012.zh.txt", zh), ("012.en.txt", en)]);
    assert!(found == ["10.07 billion yuan"] || found == ["130.9亿元"], "{found:?}");
}

#[test]
fn a_length_of_time_changed_in_a_translated_sentence_is_flagged() {
    // Stories pair short lengths of time by value only; a translation is compared sentence
    // by sentence, where 近四年 rendered as "the past ten years" is the only candidate.
    let zh = "十年来中央财政累计投入资金1.4万亿元，支持1172家县级医院，其中近四年新增1007家城市三级医院参与帮扶。";
    let en = "Over the decade the central government invested 1.4 trillion yuan and supported 1,172 county-level \
hospitals; in the past ten years 1,007 urban tertiary hospitals joined.";
    assert_eq!(flagged(&[("013.zh.txt", zh), ("013.en.txt", en)]), ["ten years"]);
}

#[test]
fn the_html_story_report_is_one_self_contained_page() {
    let out = factlint(&["check", "examples/corpus", "--no-config", "--no-cache", "-f", "html"], None);
    assert_eq!(out.status.code(), Some(1), "the planted contradiction still fails the gate");
    let page = stdout(&out);
    for outside in ["http://", "https://", "<script", "src=", "@import", "url("] {
        assert!(!page.contains(outside), "the page needs nothing from outside: {outside}");
    }
    // The planted 1070家 is the one marked cell of its row, and links to its sentence.
    let row = page.lines().find(|l| l.contains("1070家</a>")).expect("the row of 1007家");
    assert_eq!(row.matches("cell conflict").count(), 1, "{row}");
    assert_eq!(row.matches("cell agree").count(), 3, "{row}");
    let anchor = row.split("cell conflict\"><a href=\"#").nth(1).unwrap().split('"').next().unwrap();
    assert!(page.contains(&format!("<mark id=\"{anchor}\" class=\"conflict\">1070家</mark>")), "{anchor}");
    // The structure, without the style sheet.
    let start = page.find("<style>").unwrap();
    let end = page.find("</style>").unwrap();
    let structure = format!("{}<style>…{}", &page[..start], &page[end..]);
    insta::assert_snapshot!("check_html_example_corpus", structure);

    let stories = factlint(&["align", "examples/corpus", "--no-config", "-f", "html"], None);
    assert_eq!(stories.status.code(), Some(0));
    let page = stdout(&stories);
    assert!(page.contains("Stories only") && page.contains("class=\"story\"") && page.contains("cell conflict"));
}
