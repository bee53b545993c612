//! Table tests of mentions: what each sentence holds, kind by kind.

use super::*;

/// The mentions of `text` as `written=kind` strings.
fn shown(text: &str) -> Vec<String> {
    Extractor::default()
        .mentions(text)
        .iter()
        .map(|m| {
            let kind = match &m.kind {
                Kind::Quantity(c) => format!("q{}{}", c.value, c.unit),
                Kind::Date(d) => format!(
                    "d{}-{}-{}",
                    d.year.map_or("?".into(), |y| y.to_string()),
                    d.month.map_or("?".into(), |y| y.to_string()),
                    d.day.map_or("?".into(), |y| y.to_string())
                ),
                Kind::Time(t) => format!("t{}:{}", t.hour, t.minute.map_or("?".into(), |m| m.to_string())),
                Kind::Weekday(w) => format!("w{w}"),
                Kind::Relative(Relative::Day(d)) => format!("r{d}d"),
                Kind::Relative(Relative::Year(y)) => format!("r{y}y"),
                Kind::Ordinal(n, _) => format!("o{n}"),
                Kind::Number(n) if n.vague => format!("v{}-{}", n.low, n.high),
                Kind::Number(n) => format!("n{}", n.value),
                Kind::Counting(n) => format!("c{n}"),
            };
            format!("{}={kind}", &text[m.start..m.end])
        })
        .collect()
}

#[test]
fn chinese_mentions() {
    let cases: &[(&str, &[&str])] = &[
        ("货车于7月6日19时54分出发，7日4时抵达。", &["7月6日=d?-7-6", "19时54分=t19:54", "7日=d?-?-7", "4时=t4:?"]),
        ("2020年7月10日，通知称须持7日内证明。", &["2020年7月10日=d2020-7-10", "7=n7"]),
        ("第三届茶博会26日在本市开幕", &["三=o3", "26日=d?-?-26"]),
        ("1-6月全国电量17023亿千瓦时", &["1=d?-1-?", "6月=d?-6-?", "17023亿千瓦时=q1702300000000kWh"]),
        ("上百亩红辣椒和数亿欧元", &["上百亩=q100mu", "数亿欧元=q200000000EUR"]),
        ("星期一下午3点半，去年", &["星期一=w1", "下午3点半=t15:30", "去年=r-1y"]),
        ("乘坐Z164列车，新冠COVID-19", &[]),
    ];
    for (text, want) in cases {
        assert_eq!(shown(text), *want, "{text}");
    }
}

#[test]
fn english_mentions() {
    let cases: &[(&str, &[&str])] = &[
        (
            "The truck left at 19:00 on July 6, 2020, and was unloaded at 4:00 on July 7.",
            &["19:00=t19:0", "July 6, 2020=d2020-7-6", "4:00=t4:0", "July 7=d?-7-7"],
        ),
        (
            "On the 26th, of the 43 current cases, 46 are students",
            &["the 26th=d?-?-26", "43 current cases=q43cases", "46=n46"],
        ),
        ("the 18th National Congress in 1982", &["the 18th=o18", "1982=d1982-?-?"]),
        ("A caravan carrying hundreds of acres", &["A=c1", "hundreds of acres=q200acre"]),
        ("announced on Wednesday that the third plan", &["Wednesday=w3", "third=o3"]),
        ("billions of euros this year", &["billions of euros=q2000000000EUR", "this year=r0y"]),
        ("on July 24 and 25, Beijing", &["July 24=d?-7-24", "25=d?-7-25"]),
    ];
    for (text, want) in cases {
        assert_eq!(shown(text), *want, "{text}");
    }
}
