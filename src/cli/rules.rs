//! `factlint rules` and `factlint explain RULE`.

use super::args::ListFormat;
use super::{EXIT_CLEAN, EXIT_ERROR};
use crate::config::Settings;
use crate::rules;
use serde::Serialize;

#[derive(Serialize)]
struct RuleJson<'a> {
    id: &'a str,
    severity: &'a str,
    summary: &'a str,
}

#[derive(Serialize)]
struct RulesJson<'a> {
    rules: Vec<RuleJson<'a>>,
}

pub fn list(format: ListFormat, settings: &Settings) -> u8 {
    let infos = rules::infos();
    match format {
        ListFormat::Json => {
            let out = RulesJson {
                rules: infos
                    .iter()
                    .map(|r| RuleJson { id: &r.id, severity: r.severity.as_str(), summary: &r.summary })
                    .chain(settings.patterns.iter().map(|p| RuleJson {
                        id: p.id,
                        severity: p.severity.as_str(),
                        summary: p.summary(),
                    }))
                    .collect(),
            };
            println!("{}", serde_json::to_string_pretty(&out).unwrap_or_default());
        }
        ListFormat::Human => {
            for r in infos {
                println!("{:<24} {:<8} {}", r.id, r.severity.as_str(), r.summary);
            }
            for p in &settings.patterns {
                println!("{:<24} {:<8} {}  (pattern)", p.id, p.severity.as_str(), p.summary());
            }
        }
    }
    EXIT_CLEAN
}

pub fn explain(id: &str, settings: &Settings) -> u8 {
    if let Some(p) = settings.patterns.iter().find(|p| p.id == id) {
        println!("{} ({}): {}\n", p.id, p.severity.as_str(), p.summary());
        println!("{}\n", p.description);
        println!("{}", rules::explanation("pattern").unwrap_or_default());
        return EXIT_CLEAN;
    }
    let Some(info) = rules::infos().iter().find(|r| r.id == id) else {
        eprintln!("factlint: unknown rule `{id}`; `factlint rules` lists them");
        return EXIT_ERROR;
    };
    println!("{} ({}): {}\n", info.id, info.severity.as_str(), info.summary);
    println!("{}", rules::explanation(id).unwrap_or_default());
    println!(
        "\nTo silence it: `<!-- factlint-disable {id} -->` … `<!-- factlint-enable -->` in Markdown or HTML; \
         `--ignore {id}`; `severity = \"off\"` under `[rules.{id}]` in factlint.toml; or accept what is there \
         now with `--write-baseline FILE` and check with `--baseline FILE`."
    );
    EXIT_CLEAN
}
