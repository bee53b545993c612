//! `factlint rules` and `factlint explain RULE`.

use super::args::ListFormat;
use super::{to_stdout, EXIT_ERROR};
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
    to_stdout(|out| match format {
        ListFormat::Json => {
            let rules = infos
                .iter()
                .map(|r| RuleJson { id: &r.id, severity: r.severity.as_str(), summary: &r.summary })
                .chain(settings.patterns.iter().map(|p| RuleJson {
                    id: p.id,
                    severity: p.severity.as_str(),
                    summary: p.summary(),
                }))
                .collect();
            writeln!(out, "{}", serde_json::to_string_pretty(&RulesJson { rules }).unwrap_or_default())
        }
        ListFormat::Human => {
            for r in infos {
                writeln!(out, "{:<24} {:<8} {}", r.id, r.severity.as_str(), r.summary)?;
            }
            for p in &settings.patterns {
                writeln!(out, "{:<24} {:<8} {}  (pattern)", p.id, p.severity.as_str(), p.summary())?;
            }
            Ok(())
        }
    })
}

pub fn explain(id: &str, settings: &Settings) -> u8 {
    if let Some(p) = settings.patterns.iter().find(|p| p.id == id) {
        return to_stdout(|out| {
            writeln!(out, "{} ({}): {}\n", p.id, p.severity.as_str(), p.summary())?;
            writeln!(out, "{}\n", p.description)?;
            writeln!(out, "{}", rules::explanation("pattern").unwrap_or_default())
        });
    }
    let Some(info) = rules::infos().iter().find(|r| r.id == id) else {
        let known = rules::infos().iter().map(|r| r.id.as_str()).chain(settings.patterns.iter().map(|p| p.id));
        match rules::closest_id(id, known) {
            Some(near) => eprintln!("factlint: unknown rule `{id}`; did you mean `{near}`?"),
            None => eprintln!("factlint: unknown rule `{id}`; `factlint rules` lists them"),
        }
        return EXIT_ERROR;
    };
    to_stdout(|out| {
        writeln!(out, "{} ({}): {}\n", info.id, info.severity.as_str(), info.summary)?;
        writeln!(out, "{}", rules::explanation(id).unwrap_or_default())?;
        writeln!(
            out,
            "\nTo silence it: `<!-- factlint-disable {id} -->` … `<!-- factlint-enable -->` in Markdown or HTML; \
             `--ignore {id}`; `severity = \"off\"` under `[rules.{id}]` in factlint.toml; or accept what is there \
             now with `--write-baseline FILE` and check with `--baseline FILE`."
        )
    })
}
