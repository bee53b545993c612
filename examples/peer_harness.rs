//! Scores factlint's number parser against peer test suites: Microsoft Recognizers-Text
//! specs (zh/en NumberModel, PercentModel, CurrencyModel) and the Duckling, cn2an, JioNLP
//! and quantulum3 cases of `../shared/numeric-testdata/`.
//!
//! Run from the repository root: `cargo run --release --example peer_harness [--failures N]`.
//! Not part of `cargo test`: the suites live outside the repository.
//!
//! How a case is judged:
//! - Recognizers: every expected result must be matched by one of ours with the same value
//!   (relative tolerance 1e-9) and an overlapping span, and we may report nothing else.
//!   Cases marked NotSupported for dotnet (the reference implementation) are skipped.
//!   Percent values compare in percentage points; currencies by ISO code, minor units
//!   (cents, pence) converted to the main unit.
//!   The Chinese specs space numerals out (`一 百 五 十 个 百 分 点`), which news text never
//!   does: spaces next to a CJK character are removed before parsing, and spans are mapped
//!   back to the original input. Nothing else is changed.
//! - numeric-testdata: the single figure the input states, by value (and qualifier or
//!   currency where the suite says which).

use factlint::extract::{Claim, Dimension, Extractor};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::Path;

const SHARED: &str = "../shared";

struct Score {
    pass: usize,
    total: usize,
    failures: Vec<String>,
}

impl Score {
    fn new() -> Score {
        Score { pass: 0, total: 0, failures: Vec::new() }
    }

    fn record(&mut self, ok: bool, what: impl FnOnce() -> String) {
        self.total += 1;
        if ok {
            self.pass += 1;
        } else {
            self.failures.push(what());
        }
    }
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

fn char_span(text: &str, start: usize, end: usize) -> (usize, usize) {
    (text[..start].chars().count(), text[..end].chars().count())
}

/// A result found by factlint: char span (exclusive end), value, unit.
struct Found {
    start: usize,
    end: usize,
    value: f64,
    unit: String,
}

fn claim_found(text: &str, c: &Claim) -> Found {
    let (start, end) = char_span(text, c.start, c.end);
    Found { start, end, value: c.value, unit: c.unit.to_string() }
}

/// Currency display names of Recognizers → ISO code and the power of ten of the unit.
fn currency_code(name: &str) -> Option<(&'static str, i32)> {
    Some(match name {
        "Chinese yuan" => ("CNY", 0),
        "United States dollar" | "Dollar" => ("USD", 0),
        "Cent" => ("USD", -2),
        "Euro" => ("EUR", 0),
        "Pound" | "British pound" | "Pound sterling" => ("GBP", 0),
        "Pence" | "Penny" => ("GBP", -2),
        "Japanese yen" => ("JPY", 0),
        "Hong Kong dollar" => ("HKD", 0),
        "New Taiwan dollar" => ("TWD", 0),
        "Swiss franc" => ("CHF", 0),
        "Canadian dollar" => ("CAD", 0),
        "Australian dollar" => ("AUD", 0),
        "New Zealand dollar" => ("NZD", 0),
        "Mexican peso" => ("MXN", 0),
        "Turkish lira" => ("TRY", 0),
        "Nigerian naira" => ("NGN", 0),
        "Costa Rican colón" => ("CRC", 0),
        "Georgian lari" => ("GEL", 0),
        "Lao kip" => ("LAK", 0),
        "Sri Lankan rupee" => ("LKR", 0),
        "Rupee" => ("INR", 0),
        "Bitcoin" => ("BTC", 0),
        "Satoshi" => ("XSAT", 0),
        "Finnish markka" => ("FIM", 0),
        "Franc" => ("FRF", 0),
        "Peseta" => ("ESP", 0),
        "Netherlands guilder" => ("NLG", 0),
        "Japanese sen" | "Sen" => ("JPY", -2),
        _ => return None,
    })
}

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{9fff}' | '\u{f900}'..='\u{faff}')
}

/// Removes spaces that touch a CJK character; returns the text and, for each of its
/// characters (and its end), the index of that character in `input`.
fn despace(input: &str) -> (String, Vec<usize>) {
    let chars: Vec<char> = input.chars().collect();
    let mut out = String::new();
    let mut map = Vec::new();
    for (i, &c) in chars.iter().enumerate() {
        if c == ' ' || c == '\u{3000}' {
            let prev = chars[..i].iter().rev().find(|c| **c != ' ');
            let next = chars[i + 1..].iter().find(|c| **c != ' ');
            let touches_cjk = prev.is_some_and(|p| is_cjk(*p) && *p != '\u{3000}')
                || next.is_some_and(|n| is_cjk(*n) && *n != '\u{3000}');
            let both = prev.is_some() && next.is_some();
            if touches_cjk && both {
                continue;
            }
        }
        out.push(c);
        map.push(i);
    }
    map.push(chars.len());
    (out, map)
}

fn recognizers(ex: &Extractor, scores: &mut BTreeMap<String, Score>) {
    let path = Path::new(SHARED).join("recognizers-specs/flat/recognizers-zh-en.jsonl");
    let Ok(data) = std::fs::read_to_string(&path) else {
        eprintln!("skipping Recognizers: {} not found", path.display());
        return;
    };
    for line in data.lines() {
        let case: Value = serde_json::from_str(line).expect("valid JSONL");
        let model = case["model"].as_str().unwrap_or("");
        if !matches!(model, "NumberModel" | "PercentModel" | "CurrencyModel") {
            continue;
        }
        let unsupported = case["not_supported"]
            .as_array()
            .is_some_and(|a| a.iter().any(|p| p.as_str().is_some_and(|p| p.eq_ignore_ascii_case("dotnet"))));
        if unsupported {
            continue;
        }
        let lang = case["lang"].as_str().unwrap_or("");
        let original = case["input"].as_str().unwrap_or("");
        let (despaced, index) = despace(original);
        let input = despaced.as_str();
        let expected: Vec<&Value> = case["results"].as_array().map(|a| a.iter().collect()).unwrap_or_default();
        let mut found: Vec<Found> = match model {
            "NumberModel" => ex
                .numbers(input)
                .iter()
                .map(|n| {
                    let (start, end) = char_span(input, n.start, n.end);
                    Found { start, end, value: n.value, unit: String::new() }
                })
                .collect(),
            "PercentModel" => ex
                .claims(input)
                .iter()
                .filter(|c| matches!(c.dimension, Dimension::Percent | Dimension::PercentagePoint))
                .map(|c| claim_found(input, c))
                .collect(),
            _ => ex
                .claims(input)
                .iter()
                .filter(|c| c.dimension == Dimension::Currency)
                .map(|c| claim_found(input, c))
                .collect(),
        };
        for f in &mut found {
            f.start = index[f.start];
            f.end = index[f.end.saturating_sub(1)] + 1;
        }
        let mut used = vec![false; found.len()];
        let mut ok = true;
        let mut valued = 0;
        for e in &expected {
            let Some(want) = expected_value(model, e) else { continue };
            valued += 1;
            let (es, ee) = (e["start"].as_u64().unwrap_or(0) as usize, e["end"].as_u64().unwrap_or(0) as usize + 1);
            let hit = found.iter().enumerate().position(|(i, f)| {
                !used[i]
                    && f.start < ee
                    && es < f.end
                    && close(f.value, want.0)
                    && want.1.as_deref().is_none_or(|u| u == f.unit)
            });
            match hit {
                Some(i) => used[i] = true,
                None => ok = false,
            }
        }
        ok &= found.len() == valued;
        let key = format!("recognizers {lang} {model}");
        scores.entry(key).or_insert_with(Score::new).record(ok, || {
            let want: Vec<String> =
                expected.iter().map(|e| format!("{}={}", e["text"].as_str().unwrap_or(""), e["value"])).collect();
            let got: Vec<String> =
                found.iter().map(|f| format!("{}..{}={} {}", f.start, f.end, f.value, f.unit)).collect();
            format!("{original:?}  want {want:?}  got {got:?}")
        });
    }
}

/// (value in factlint's terms, currency code) of one expected Recognizers result.
fn expected_value(model: &str, e: &Value) -> Option<(f64, Option<String>)> {
    let raw = e["value"].as_str()?;
    match model {
        "PercentModel" => Some((raw.trim_end_matches('%').parse().ok()?, None)),
        "CurrencyModel" => {
            let (code, exp) = currency_code(e["unit"].as_str()?)?;
            let v: f64 = raw.parse().ok()?;
            Some((v * 10f64.powi(exp), Some(code.to_string())))
        }
        _ => Some((raw.parse().ok()?, None)),
    }
}

fn read_jsonl(rel: &str) -> Vec<Value> {
    let path = Path::new(SHARED).join(rel);
    match std::fs::read_to_string(&path) {
        Ok(s) => {
            s.lines().filter(|l| !l.trim().is_empty()).map(|l| serde_json::from_str(l).expect("valid JSONL")).collect()
        }
        Err(_) => {
            eprintln!("skipping {}: not found", path.display());
            Vec::new()
        }
    }
}

fn acceptance(ex: &Extractor, scores: &mut BTreeMap<String, Score>) {
    let score = scores.entry("numeric-testdata acceptance-zh-en".into()).or_insert_with(Score::new);
    for case in read_jsonl("numeric-testdata/acceptance-zh-en.jsonl") {
        let input = case["input"].as_str().unwrap_or("");
        let flat = &case["flat"];
        let claims = ex.claims(input);
        let dim = flat["dimension"].as_str().unwrap_or("none");
        let ok = if dim == "none" {
            claims.is_empty()
        } else if flat["value"].is_null() {
            claims.len() == 1
        } else {
            let want = flat["value"].as_f64().unwrap_or(f64::NAN);
            let want_dim = if flat["unit"] == "pp" { "percentage_point" } else { dim };
            claims.len() == 1
                && claims[0].dimension.as_str() == want_dim
                && close(claims[0].value, want)
                && claims[0].qualifier.as_str() == flat["qualifier"].as_str().unwrap_or("exact")
                && (dim != "currency"
                    || flat["unit"].is_null()
                    || claims[0].unit == flat["unit"].as_str().unwrap_or(""))
        };
        score.record(ok, || format!("{input:?} want {flat} got {:?}", summary(&claims)));
    }
}

fn summary(claims: &[Claim]) -> Vec<String> {
    claims.iter().map(|c| format!("{} {} {} {}", c.value, c.dimension.as_str(), c.qualifier.as_str(), c.unit)).collect()
}

fn duckling(ex: &Extractor, scores: &mut BTreeMap<String, Score>) {
    for case in read_jsonl("numeric-testdata/duckling-zh-en.jsonl") {
        let input = case["input"].as_str().unwrap_or("");
        let e = &case["expected"];
        let key = format!(
            "numeric-testdata duckling {} {}",
            case["lang"].as_str().unwrap_or(""),
            case["dimension"].as_str().unwrap_or("")
        );
        let ok = match e["kind"].as_str().unwrap_or("") {
            "number" => {
                let nums = ex.numbers(input);
                nums.len() == 1 && close(nums[0].value, e["value"].as_f64().unwrap_or(f64::NAN))
            }
            "money" => {
                let c = ex.claims(input);
                c.len() == 1
                    && c[0].dimension == Dimension::Currency
                    && close(c[0].value, e["value"].as_f64().unwrap_or(f64::NAN))
            }
            "money-interval" => {
                let c = ex.claims(input);
                c.len() == 1
                    && c[0].low.zip(e["from"].as_f64()).is_some_and(|(a, b)| close(a, b))
                    && c[0].high.zip(e["to"].as_f64()).is_some_and(|(a, b)| close(a, b))
            }
            "money-under" => {
                let c = ex.claims(input);
                c.len() == 1
                    && c[0].low.is_none()
                    && c[0].high.zip(e["value"].as_f64()).is_some_and(|(a, b)| close(a, b))
            }
            "money-above" => {
                let c = ex.claims(input);
                c.len() == 1
                    && c[0].high.is_none()
                    && c[0].low.zip(e["value"].as_f64()).is_some_and(|(a, b)| close(a, b))
            }
            _ => continue,
        };
        scores
            .entry(key)
            .or_insert_with(Score::new)
            .record(ok, || format!("{input:?} want {e} got {:?}", summary(&ex.claims(input))));
    }
}

fn cn2an(ex: &Extractor, scores: &mut BTreeMap<String, Score>) {
    let score = scores.entry("numeric-testdata cn2an (value cases)".into()).or_insert_with(Score::new);
    for case in read_jsonl("numeric-testdata/cn2an-cases.jsonl") {
        let Some(want) = case["expected"].as_f64() else { continue };
        if case["direction"].as_str().is_some_and(|d| d != "cn2an") {
            continue;
        }
        let input = case["input"].as_str().unwrap_or("");
        let nums = ex.numbers(input);
        let whole = nums.len() == 1 && nums[0].start == 0 && nums[0].end == input.len();
        let ok = whole && close(nums[0].value, want);
        score
            .record(ok, || format!("{input:?} want {want} got {:?}", nums.iter().map(|n| n.value).collect::<Vec<_>>()));
    }
}

fn jionlp(ex: &Extractor, scores: &mut BTreeMap<String, Score>) {
    let score = scores.entry("numeric-testdata jionlp parse_money".into()).or_insert_with(Score::new);
    for case in read_jsonl("numeric-testdata/jionlp-money-cases.jsonl") {
        if case["api"] != "parse_money" {
            continue;
        }
        let input = case["input"].as_str().unwrap_or("");
        let num = &case["expected"]["num"];
        let claims: Vec<Claim> = ex.claims(input).into_iter().filter(|c| c.dimension == Dimension::Currency).collect();
        let ok = match num {
            Value::String(s) => claims.len() == 1 && s.parse::<f64>().is_ok_and(|v| close(claims[0].value, v)),
            Value::Array(r) => {
                let lo = r.first().and_then(Value::as_str).and_then(|s| s.parse::<f64>().ok());
                claims.len() == 1
                    && lo.is_some_and(|lo| {
                        close(claims[0].low.unwrap_or(claims[0].value), lo) || close(claims[0].value, lo)
                    })
            }
            _ => continue,
        };
        score.record(ok, || format!("{input:?} want {num} got {:?}", summary(&claims)));
    }
}

fn quantulum(ex: &Extractor, scores: &mut BTreeMap<String, Score>) {
    let path = Path::new(SHARED).join("numeric-testdata/quantulum3-en/quantities.json");
    let Ok(data) = std::fs::read_to_string(&path) else { return };
    let cases: Vec<Value> = serde_json::from_str(&data).unwrap_or_default();
    let score = scores.entry("numeric-testdata quantulum3 (values found)".into()).or_insert_with(Score::new);
    for case in cases {
        let input = case["req"].as_str().unwrap_or("");
        let nums: Vec<f64> = ex.numbers(input).iter().map(|n| n.value).collect();
        let wants: Vec<f64> =
            case["res"].as_array().map(|a| a.iter().filter_map(|r| r["value"].as_f64()).collect()).unwrap_or_default();
        let ok = wants.iter().all(|w| nums.iter().any(|n| close(*n, *w)));
        score.record(ok, || format!("{input:?} want {wants:?} got {nums:?}"));
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let show = args
        .iter()
        .position(|a| a == "--failures")
        .and_then(|i| args.get(i + 1))
        .and_then(|n| n.parse().ok())
        .unwrap_or(10usize);
    let ex = Extractor::default().permissive();
    let mut scores = BTreeMap::new();
    recognizers(&ex, &mut scores);
    acceptance(&ex, &mut scores);
    duckling(&ex, &mut scores);
    cn2an(&ex, &mut scores);
    jionlp(&ex, &mut scores);
    quantulum(&ex, &mut scores);
    println!("{:<48} {:>9} {:>7}", "suite", "passed", "rate");
    for (name, s) in &scores {
        let rate = if s.total == 0 { 0.0 } else { 100.0 * s.pass as f64 / s.total as f64 };
        println!("{name:<48} {:>4}/{:<4} {rate:>6.1}%", s.pass, s.total);
    }
    for (name, s) in &scores {
        if s.failures.is_empty() || show == 0 {
            continue;
        }
        println!("\n{name}: {} failures", s.failures.len());
        for f in s.failures.iter().take(show) {
            println!("  {f}");
        }
    }
}
