//! `check --show-settings` and `check --show-files`: what a run would use and read, said
//! before anything is checked (ruff's flags of the same names).

use super::{to_stdout, EXIT_CLEAN, EXIT_ERROR};
use crate::check::Selection;
use crate::config::Settings;
use crate::corpus::Inputs;
use crate::source::outline::outline;

/// Prints the resolved settings: where they came from and every value a run uses.
pub fn settings(settings: &Settings, selection: &Selection, inputs: &Inputs) -> u8 {
    let list =
        |items: &[String]| format!("[{}]", items.iter().map(|i| format!("{i:?}")).collect::<Vec<_>>().join(", "));
    let mut out = String::new();
    let mut line = |s: String| {
        out.push_str(&s);
        out.push('\n');
    };
    line(match &settings.source {
        Some(path) => format!("# configuration: {}", path.display()),
        None => "# configuration: none found; built-in defaults".to_string(),
    });
    line(format!(
        "paths = {}",
        list(&inputs.paths.iter().map(|p| crate::source::walk::display(p)).collect::<Vec<_>>())
    ));
    line(format!("exclude = {}", list(&settings.exclude)));
    line(format!("text-fields = {}", list(&inputs.load.text_fields)));
    let language = settings.source_language.as_deref().unwrap_or(crate::parallel::DEFAULT_SOURCE_LANGUAGE);
    line(format!("source-language = {language:?}"));
    line(format!(
        "select = {}",
        if selection.select.is_empty() { "\"all\"".to_string() } else { list(&selection.select) }
    ));
    line(format!("ignore = {}", list(&selection.ignore)));
    for (what, files) in [("lexicons", &settings.lexicons), ("glossaries", &settings.glossaries)] {
        let names: Vec<String> = files.iter().map(|(p, _)| p.display().to_string()).collect();
        line(format!("{what} = {}", list(&names)));
    }
    line(String::new());
    line("[per-file-ignores]".to_string());
    for p in &settings.per_file_ignores {
        let rules = if p.rules.is_empty() { vec!["all".to_string()] } else { p.rules.clone() };
        line(format!("{:?} = {}", p.pattern, list(&rules)));
    }
    line(String::new());
    line("# rule = severity (off: not run)".to_string());
    line("[rules]".to_string());
    for (id, default, _, _) in crate::rules::rule_rows(&settings.patterns) {
        let severity = match settings.severity(&id, default) {
            Some(s) if selection.includes(&id) => s.as_str(),
            _ => "off",
        };
        line(format!("{id} = {severity:?}"));
    }
    for (id, d) in [("duplicate-paragraph", &settings.paragraph), ("duplicate-document", &settings.document)] {
        line(String::new());
        line(format!("[rules.{id}]"));
        line(format!("min-chars = {}\nshingle = {}\nnear = {}", d.min_chars, d.shingle, d.near));
    }
    if !settings.boilerplate_phrases.is_empty() {
        line(String::new());
        line(format!("[rules.boilerplate]\nphrases = {}", list(&settings.boilerplate_phrases)));
    }
    to_stdout(|w| w.write_all(out.as_bytes()))
}

/// Prints every file a run would read, with its format, and for a dataset how many
/// records it holds and which field their text comes from.
pub fn files(inputs: &Inputs) -> u8 {
    let (files, errors) = inputs.files();
    let mut out = String::new();
    for (name, _) in &inputs.piped {
        out.push_str(&format!("{name}\t(read from a pipe)\n"));
    }
    let mut failed = !errors.is_empty();
    for file in &files {
        let mut format = format!("{:?}", file.format).to_ascii_lowercase();
        if let Some(codec) = crate::source::packing::Packing::of(&file.path).codec() {
            format = format!("{format}+{codec}");
        }
        out.push_str(&format!("{}\t{format}", crate::report::visible::escaped(&file.display)));
        match outline(&file.path, file.format, &inputs.load) {
            Ok(None) => {}
            Ok(Some(o)) => {
                let field = match &o.text_field {
                    Some(f) => format!("text field `{f}`"),
                    None => format!("no text field ({})", inputs.load.text_fields.join(", ")),
                };
                out.push_str(&format!("\t{}, {field}", crate::finding::counted(o.records, "record", "records")));
            }
            Err(e) => {
                out.push_str(&format!("\tcannot read: {e}"));
                failed = true;
            }
        }
        out.push('\n');
    }
    for e in &errors {
        eprintln!("factlint: {e}");
    }
    match to_stdout(|w| w.write_all(out.as_bytes())) {
        EXIT_CLEAN if failed => EXIT_ERROR,
        code => code,
    }
}
