//! Helpers for the crate's own unit tests.

/// A small deterministic generator (xorshift64) for tests that build many varied inputs:
/// each call gives a number below its argument.
pub fn xorshift(seed: u64) -> impl FnMut(u64) -> u64 {
    let mut state = seed;
    move |below: u64| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state % below
    }
}

/// What a rule's finding says, for assertions in the rule's own tests: the file it is in,
/// the text it flags, and its message.
#[derive(Debug, PartialEq, Eq)]
pub struct Flagged {
    pub file: String,
    pub text: String,
    pub message: String,
}

/// The findings of rule `id`, run alone with the default settings, over documents given
/// as (file name, text); the name's extension picks the format (harper's
/// `assert_lint_count` idea: a rule tested without the binary or other rules).
pub fn check_texts(id: &str, files: &[(&str, &str)]) -> Vec<Flagged> {
    use crate::finding::Place;
    let inputs = crate::corpus::Inputs {
        paths: Vec::new(),
        piped: files.iter().map(|(name, text)| (name.to_string(), text.as_bytes().to_vec())).collect(),
        load: crate::source::LoadOptions::default(),
        exclude: crate::corpus::Exclusion::default(),
        force_exclude: false,
        batch_bytes: None,
    };
    let corpus = crate::corpus::Corpus::load(&inputs);
    let settings = crate::config::Settings::default();
    let selection = crate::check::Selection { select: vec![id.to_string()], ignore: Vec::new() };
    let report = crate::check::run(&corpus, &settings, &selection, &Default::default());
    report
        .findings
        .into_iter()
        .map(|f| match &f.place {
            Place::Text { doc, span } => {
                let d = &corpus.documents[*doc];
                Flagged { file: d.file.path.clone(), text: d.text[span.clone()].to_string(), message: f.message }
            }
            Place::File { path, .. } => Flagged { file: path.clone(), text: String::new(), message: f.message },
        })
        .collect()
}

/// The texts rule `id` flags in one plain-text document.
pub fn flagged_in(id: &str, text: &str) -> Vec<String> {
    check_texts(id, &[("a.txt", text)]).into_iter().map(|f| f.text).collect()
}

/// A report written for the rules' tests, in Chinese, and its English translation; a
/// test changes one figure of the translation and sees what its rule says.
pub const BRIDGE_ZH: &str = "江北大桥主体工程完工\n\n\
本报重庆7月6日电 江北大桥建设指挥部5日宣布，大桥主体工程已经完工，全长1680米，总投资46.5亿元，比原计划节省3.2%。\n\n\
大桥设双向8条车道，预计9月30日前通车。施工期间共有2300多名工人参与建设。\n";

/// The English translation of [`BRIDGE_ZH`], every figure rendered right.
pub const BRIDGE_EN: &str = "Jiangbei Bridge main works completed\n\n\
CHONGQING, July 6 — The Jiangbei Bridge construction headquarters announced on July 5 that the main works of the bridge were completed. The bridge is 1,680 meters long with a total investment of 4.65 billion yuan, 3.2% less than planned.\n\n\
The bridge has 8 lanes in both directions and is expected to open by September 30. More than 2,300 workers took part in the construction.\n";

/// What rule `id` flags in the translation pair with `from` replaced by `to` in the
/// English side (`("", "")` for the pair as written).
pub fn flagged_in_translation(id: &str, (from, to): (&str, &str)) -> Vec<String> {
    let english = if from.is_empty() { BRIDGE_EN.to_string() } else { BRIDGE_EN.replacen(from, to, 1) };
    assert!(from.is_empty() || english != BRIDGE_EN, "`{from}` is in the translation");
    let files = [("bridge.zh.txt", BRIDGE_ZH), ("bridge.en.txt", english.as_str())];
    check_texts(id, &files).into_iter().map(|f| format!("{}: {}", f.file, f.text)).collect()
}
