//! Sentence-level table tests: what the extractor must and must not take as a claim.

use super::*;

/// (sentence, Some((dimension, value, qualifier, unit))) or None for "no claim".
type Case = (&'static str, Option<(Dimension, f64, Qualifier, &'static str)>);

const C: Dimension = Dimension::Currency;
const P: Dimension = Dimension::Percent;
const N: Dimension = Dimension::Count;
const M: Dimension = Dimension::Measure;
const PP: Dimension = Dimension::PercentagePoint;
use Qualifier::{About, AtLeast, AtMost, Exact, LessThan, MoreThan, Nearly};

const CASES: &[Case] = &[
    ("财政共拨付专项资金1.4万亿元。", Some((C, 1.4e12, Exact, "CNY"))),
    ("今年安排技改资金1700多亿元。", Some((C, 1.7e11, MoreThan, "CNY"))),
    ("全省新招录3千多名乡村教师。", Some((N, 3000.0, MoreThan, "名"))),
    ("共有1007家企业参加展会。", Some((N, 1007.0, Exact, "家"))),
    ("景区接待游客11.8万人次。", Some((N, 118000.0, Exact, "人次"))),
    ("受灾群众近10万人。", Some((N, 100000.0, Nearly, "人"))),
    ("利润同比增长11.6%。", Some((P, 11.6, Exact, "%"))),
    ("对口支援15万多个村庄。", Some((N, 150000.0, MoreThan, "个"))),
    ("占比保持在2/3以上。", Some((P, 200.0 / 3.0, AtLeast, "%"))),
    ("该区有230万人口。", Some((N, 2_300_000.0, Exact, "人口"))),
    ("已下達16.66億元。", Some((C, 1_666_000_000.0, Exact, "CNY"))),
    ("預計投入約165億元。", Some((C, 1.65e10, About, "CNY"))),
    ("覆盖两千零五十个行政村。", Some((N, 2050.0, Exact, "个"))),
    ("新增车位十二万三千个。", Some((N, 123_000.0, Exact, "个"))),
    ("三分之二的学校完成改造。", Some((P, 200.0 / 3.0, Exact, "%"))),
    ("百分之九十的乡镇通了公交。", Some((P, 90.0, Exact, "%"))),
    ("九成以上居民参保。", Some((P, 90.0, AtLeast, "%"))),
    ("共有１００７家商户。", Some((N, 1007.0, Exact, "家"))),
    ("增速为１１．６％。", Some((P, 11.6, Exact, "%"))),
    ("单笔贷款不足5000万元。", Some((C, 5e7, LessThan, "CNY"))),
    ("每户最多补贴2万元。", Some((C, 20000.0, AtMost, "CNY"))),
    ("同比提高2个百分点。", Some((PP, 2.0, Exact, "pp"))),
    ("工期至少要3年。", Some((M, 3.0, AtLeast, "yr"))),
    ("估值在3至5万元之间。", Some((C, 30000.0, Qualifier::Range, "CNY"))),
    ("Investment reached 1.4 trillion yuan last year.", Some((C, 1.4e12, Exact, "CNY"))),
    ("More than 170 billion yuan was spent.", Some((C, 1.7e11, MoreThan, "CNY"))),
    ("It hired 1,007 rural teachers.", Some((N, 1007.0, Exact, "teachers"))),
    ("Nearly 100,000 volunteers joined.", Some((N, 100_000.0, Nearly, "volunteers"))),
    ("Sales rose 8 percent in May.", Some((P, 8.0, Exact, "%"))),
    ("The startup raised $5 million.", Some((C, 5e6, Exact, "USD"))),
    ("Two-thirds of voters agreed.", Some((P, 200.0 / 3.0, Exact, "%"))),
    ("The town has 2.3 million residents.", Some((N, 2_300_000.0, Exact, "residents"))),
    ("The trial lasted 14 days.", Some((M, 14.0, Exact, "d"))),
    ("党的十八大以来成效显著。", None),
    ("一是加大投入。", None),
    ("一切为了群众。", None),
    ("学习三明经验。", None),
    ("组建城市三级医院专家团队。", None),
    ("5月24日上午10时召开发布会。", None),
    ("2015年~2022年持续招生。", None),
    ("从第一代到第三代。", None),
    ("千万不要大意。", None),
    ("责任编辑：张三 SF031", None),
    ("The COVID-19 pandemic spread.", None),
    ("In 2019 people began to leave.", None),
    ("Exports rose in the first half of the year.", None),
    ("电站共安装8700块定日镜。", Some((N, 8700.0, Exact, "块"))),
    ("一顿饭花了50块钱。", Some((C, 50.0, Exact, "CNY"))),
    ("Shelters housed 1339 people.", Some((N, 1339.0, Exact, "people"))),
    ("中间价下调17个基点。", Some((PP, 0.17, Exact, "pp"))),
    ("访问 https://example.com/a/2022/05/24/123456.html 了解详情。", None),
    ("The 18th National Congress.", None),
    ("It was held on May 24th.", None),
    ("In 2016 the county changed.", None),
    ("一个重要的问题。", None),
    ("5G网络覆盖全县。", None),
    ("IP 地址是 192.168.1.2。", None),
    ("民國105年3月2日公布。", None),
    ("下午1時48分發生車禍。", None),
    ("名單4/15公布。", None),
    ("购买二套房的家庭。", None),
    ("They picked 16 carefully.", None),
    ("Regulators named 260 especially problematic apps.", Some((N, 260.0, Exact, "apps"))),
    ("They picked 16 carefully selected.", None),
    ("The ban covers 41 Chinese apps.", Some((N, 41.0, Exact, "apps"))),
    ("He lived at 10 Downing Street.", None),
    ("Rainfall reached 197.5 mm in the county.", Some((M, 197.5, Exact, "mm"))),
    ("約莫10分鐘後送醫。", Some((M, 10.0, About, "min"))),
    ("检出率98%。", Some((P, 98.0, Exact, "%"))),
    ("Crews dug 6 to 12 inches deep.", Some((M, 6.0, Qualifier::Range, "in"))),
    ("吃了一块蛋糕。", None),
    ("票价一元。", Some((C, 1.0, Exact, "CNY"))),
    ("最近7个月销量下滑。", Some((M, 7.0, Exact, "mo"))),
    ("股价下跌-1.86%。", Some((P, -1.86, Exact, "%"))),
    ("九成半的居民满意。", Some((P, 95.0, Exact, "%"))),
    ("五元三毛一支。", Some((C, 5.3, Exact, "CNY"))),
    ("About 40 female antelopes were seen.", Some((N, 40.0, About, "antelopes"))),
    ("Nearly a third of the land is forest.", Some((P, 100.0 / 3.0, Nearly, "%"))),
    ("新台幣1.4兆元的預算。", Some((C, 1.4e12, Exact, "TWD"))),
    ("It sold more than 3,000.", Some((N, 3000.0, MoreThan, ""))),
    ("I tried to call Bob 3 times already.", None),
];

#[test]
fn sentences() {
    let ex = Extractor::default();
    let mut failures = Vec::new();
    for (sentence, want) in CASES {
        let claims = ex.claims(sentence);
        let got: Vec<_> = claims.iter().map(|c| (c.dimension, c.value, c.qualifier, c.unit.as_str())).collect();
        let ok = match want {
            None => got.is_empty(),
            Some((d, v, q, u)) => {
                got.len() == 1
                    && got[0].0 == *d
                    && (got[0].1 - v).abs() <= 1e-6 * v.abs().max(1.0)
                    && got[0].2 == *q
                    && got[0].3 == *u
            }
        };
        if !ok {
            failures.push(format!("{sentence}\n    want {want:?}\n    got  {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{} of {} sentences wrong:\n{}", failures.len(), CASES.len(), failures.join("\n"));
}

#[test]
fn percent_integers_round_and_about_is_exact() {
    let ex = Extractor::default();
    let c = &ex.claims("检出率98%。")[0];
    assert_eq!((c.low, c.high), (Some(97.5), Some(98.5)));
    let c = &ex.claims("约1800人。")[0];
    assert_eq!((c.low, c.high), (Some(1620.0), Some(1980.0)));
    // Whole percentages in words round like digits; 九成 stays a tenth wide.
    for (text, low, high) in
        [("合格率百分之百。", 99.5, 100.5), ("占百分之五十。", 49.5, 50.5), ("九成乡镇通了公交。", 85.0, 95.0)]
    {
        let c = &ex.claims(text)[0];
        assert_eq!((c.low, c.high), (Some(low), Some(high)), "{text}");
    }
}

#[test]
fn a_figure_that_overflows_is_no_claim() {
    let ex = Extractor::default();
    let huge = format!("投入1{}元，另有5000元。", "万".repeat(80));
    let claims = ex.claims(&huge);
    assert_eq!(claims.iter().map(|c| c.value).collect::<Vec<_>>(), [5000.0]);
    assert!(ex.mentions(&huge).iter().all(|m| m.value().is_none_or(f64::is_finite)));
}

#[test]
fn a_dash_after_a_figure_is_no_minus_sign() {
    let ex = Extractor::default();
    let values: Vec<f64> = ex.claims("议价幅度在4%-10%之间，单价五元六角-五元七毛。").iter().map(|c| c.value).collect();
    assert_eq!(values, [4.0, 10.0, 5.6, 5.7]);
    assert_eq!(ex.claims("同比增长-3.5%。")[0].value, -3.5);
}

#[test]
fn spans_cover_the_statement() {
    let ex = Extractor::default();
    let text = "中央财政累计投入资金1.4万亿元，累计安排中央预算内投资1700多亿元。";
    let claims = ex.claims(text);
    let shown: Vec<&str> = claims.iter().map(|c| &text[c.start..c.end]).collect();
    assert_eq!(shown, ["1.4万亿元", "1700多亿元"]);
    assert_eq!(claims[1].low, Some(1.7e11));
    assert_eq!(claims[1].high, Some(1.8e11));
    assert_eq!(claims[0].subject, "中央财政累计投入资金");
    assert_eq!(claims[1].subject, "中央预算内投资");
}
