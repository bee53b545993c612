//! `factlint check`: runs the rules, applies baselines, renders the report and the
//! exit-code contract.

use super::args::{CheckArgs, ColorChoice, FailOn, FindingFormat};
use super::{inputs, render_error, Destination, EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS};
use crate::baseline::Baseline;
use crate::check::{self, Focus, RunOptions, Selection};
use crate::config::Settings;
use crate::corpus::{Corpus, Inputs};
use crate::finding::{counted, Finding, Place, Severity};
use crate::report::{self, json::Summary, sarif::RuleDescriptor};
use crate::rules;
use std::io::{IsTerminal, Write};
use std::path::Path;

/// Documents below which no progress is drawn: short runs finish before it helps.
const PROGRESS_MIN_DOCUMENTS: u64 = 2000;

/// Refuses, saying why, what the arguments ask that cannot be done: an unknown rule id
/// (with a suggestion), `--fix` on standard input, `--index` with paths or `-f html`.
fn refuse(args: &CheckArgs, settings: &Settings) -> Result<(), u8> {
    let named = args.select.iter().chain(&args.ignore).chain(&args.extend_select).chain(&args.extend_ignore);
    if let Some(unknown) = rules::UnknownRule::among(named, &settings.rule_ids()) {
        eprintln!("factlint: {unknown}");
        return Err(EXIT_ERROR);
    }
    let why = if args.fix && args.input.paths.iter().any(|p| p.as_os_str() == "-") {
        "--fix writes to files, not to standard input; --diff shows the fixes"
    } else if !args.index.is_empty() && args.format == FindingFormat::Html {
        "-f html reads the corpus files; it does not take --index"
    } else if !args.index.is_empty() && (!args.input.paths.is_empty() || args.corpus_root.is_some()) {
        "--index reads the corpus from shard indexes; give no paths or --corpus-root with it"
    } else {
        return Ok(());
    };
    eprintln!("factlint: {why}");
    Err(EXIT_ERROR)
}

/// `--write-baseline` (every finding recorded, none reported) or `--baseline` (the
/// findings it holds dropped, their number said on stderr).
fn apply_baseline(args: &CheckArgs, corpus: &Corpus, findings: &mut Vec<Finding>) -> Result<(), u8> {
    if let Some(path) = &args.write_baseline {
        let baseline = Baseline::of(findings, |f| doc_name(corpus, f));
        if let Err(e) = baseline.write(path) {
            render_error(&e);
            return Err(EXIT_ERROR);
        }
        if !super::quiet() {
            let written = counted(findings.len(), "finding", "findings");
            eprintln!("factlint: wrote {written} to baseline {}", path.display());
        }
        findings.clear();
    } else if let Some(path) = &args.baseline {
        match Baseline::read(path) {
            Ok(b) => {
                let dropped = b.filter(findings);
                if dropped > 0 && !super::quiet() {
                    // Said on stderr, so machine-readable reports stay as they are.
                    let hidden = counted(dropped, "finding", "findings");
                    eprintln!("factlint: {hidden} already in baseline {} not shown", path.display());
                }
            }
            Err(e) => {
                render_error(&e);
                return Err(EXIT_ERROR);
            }
        }
    }
    Ok(())
}

/// With `-f github` and `GITHUB_STEP_SUMMARY` set: a table of findings per rule appended
/// to the job summary.
fn step_summary(findings: &[Finding], documents: usize) {
    let Some(path) = std::env::var_os("GITHUB_STEP_SUMMARY") else { return };
    let table = report::github::summary(findings, documents);
    let appended = std::fs::OpenOptions::new()
        .append(true)
        .create(true)
        .open(&path)
        .and_then(|mut f| f.write_all(table.as_bytes()));
    if let Err(e) = appended {
        eprintln!("factlint: cannot write the step summary {}: {e}", Path::new(&path).display());
    }
}

pub fn run(args: CheckArgs, settings: &Settings) -> u8 {
    if let Err(code) = refuse(&args, settings) {
        return code;
    }
    let mut input_args = args.input.clone();
    let focus = match &args.corpus_root {
        Some(root) => match Focus::new(root, &args.input.paths) {
            Ok((focus, read)) => {
                input_args.paths = read;
                Some(focus)
            }
            Err(message) => {
                eprintln!("factlint: {message}");
                return EXIT_ERROR;
            }
        },
        None => None,
    };
    let inputs = match inputs(&input_args, settings) {
        Ok(i) => i,
        Err(code) => return code,
    };
    for (output, what) in [(&args.output, "the report"), (&args.write_baseline, "the baseline")] {
        if let Some(Err(code)) = output.as_deref().map(|o| super::refuse_among_inputs(&inputs, o, what)) {
            return code;
        }
    }
    let selection = selection(&args, settings);
    if args.show_settings {
        return super::show::settings(settings, &selection, &inputs);
    }
    if args.show_files {
        return super::show::files(&inputs);
    }
    let in_focus = |path: &str| focus.as_ref().is_some_and(|f| f.contains(path));
    let mut fixable = std::collections::BTreeSet::new();
    let bar = progress_bar();
    let tick = || tick(&bar);
    let cache = (!args.no_cache && args.index.is_empty()).then(|| {
        let dir = args.cache_dir.clone().unwrap_or_else(|| crate::cache::DEFAULT_DIR.into());
        crate::cache::ClaimCache::open(&dir, crate::cache::extractor_key(&settings.lexicons))
    });
    let options = RunOptions {
        focus: focus.is_some().then_some(&in_focus as &(dyn Fn(&str) -> bool + Sync)),
        on_document: Some(&tick),
        cache: cache.as_ref(),
        ..RunOptions::default()
    };
    let (corpus, mut result) = if args.index.is_empty() {
        check::run_streamed(&inputs, settings, &selection, &options)
    } else {
        match crate::index::join(&args.index, settings, &inputs.load) {
            Ok(joined) => {
                let options = RunOptions { indexed: Some(&joined.per_document), ..options };
                let result = check::run(&joined.corpus, settings, &selection, &options);
                (joined.corpus, result)
            }
            Err(e) => {
                render_error(&e);
                return EXIT_ERROR;
            }
        }
    };
    bar.finish_and_clear();
    if let Some(cache) = cache {
        log::debug!("{} of {} documents extracted anew", cache.added(), corpus.documents.len());
        cache.save();
    }

    if let Err(code) = apply_baseline(&args, &corpus, &mut result.findings) {
        return code;
    }

    if corpus.files == 0 && args.input.force_exclude && !input_args.paths.is_empty() && inputs.named_paths().is_empty()
    {
        // Every path named was excluded on purpose (a hook given only excluded drafts).
        eprintln!("factlint: every path given is excluded (--force-exclude); nothing to check");
        return EXIT_CLEAN;
    }
    if corpus.files == 0 && corpus.errors.is_empty() && args.index.is_empty() {
        // A gate that checked nothing must not pass: a mistyped path or an empty folder.
        eprintln!(
            "factlint: no files to check under the given paths (factlint reads .txt, .md, .html, .jsonl and .csv \
             files and does not follow symbolic links)"
        );
        return EXIT_ERROR;
    }
    if args.fix || args.diff || args.statistics {
        let piped: Vec<String> = inputs.piped.iter().map(|(name, _)| name.clone()).collect();
        let fixes = crate::fix::plan(&corpus, &result.findings, settings, &piped);
        if args.diff {
            return super::fix::diff(&fixes);
        }
        if args.fix {
            if let Err(code) = super::fix::apply(&fixes) {
                return code;
            }
            if !fixes.files.is_empty() {
                // Findings are reported at their places in the files as they are now.
                return run(CheckArgs { fix: false, ..args }, settings);
            }
        }
        fixable = fixes.fixed.into_keys().collect();
    }
    let summary = Summary {
        files: corpus.files,
        documents: corpus.documents.len(),
        claims: result.claims,
        findings: result.findings.len(),
    };
    if let Err(code) = write_report(&args, (settings, &inputs), &corpus, (&result.findings, &fixable), summary) {
        return code;
    }
    if args.format == FindingFormat::Github {
        step_summary(&result.findings, summary.documents);
    }
    if !corpus.errors.is_empty() {
        return EXIT_ERROR;
    }
    let threshold = match args.fail_on {
        FailOn::Error => Some(Severity::Error),
        FailOn::Warning => Some(Severity::Warning),
        FailOn::Info => Some(Severity::Info),
        FailOn::Never => None,
    };
    let failing = threshold.is_some_and(|t| result.findings.iter().any(|f| f.severity >= t));
    if failing && !args.exit_zero {
        EXIT_FINDINGS
    } else {
        EXIT_CLEAN
    }
}

/// The rules that run (see [`Selection::of`]).
fn selection(args: &CheckArgs, settings: &Settings) -> Selection {
    let ignore: Vec<String> = args.ignore.iter().chain(&args.extend_ignore).cloned().collect();
    Selection::of(settings, (&args.select, &args.extend_select), &ignore)
}

fn doc_name(corpus: &Corpus, f: &Finding) -> String {
    match &f.place {
        Place::Text { doc, .. } => corpus.documents[*doc].name.to_string(),
        Place::File { path, doc, .. } => doc.clone().unwrap_or_else(|| path.clone()),
    }
}

/// A count of documents checked, on a terminal only; the corpus is read as it is checked,
/// so its size is not known ahead.
fn progress_bar() -> indicatif::ProgressBar {
    if !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new_spinner();
    if let Ok(style) = indicatif::ProgressStyle::with_template("{spinner} checked {pos} documents ({per_sec})") {
        bar.set_style(style);
    }
    // Short runs finish before a spinner would help: it is drawn from the
    // `PROGRESS_MIN_DOCUMENTS`th document on.
    bar.set_draw_target(indicatif::ProgressDrawTarget::hidden());
    bar
}

/// Counts a document on the bar; a long run starts drawing it.
fn tick(bar: &indicatif::ProgressBar) {
    bar.inc(1);
    if bar.position() == PROGRESS_MIN_DOCUMENTS && std::io::stderr().is_terminal() {
        bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
    }
}

fn write_report(
    args: &CheckArgs,
    (settings, inputs): (&Settings, &Inputs),
    corpus: &Corpus,
    (findings, fixable): (&[Finding], &std::collections::BTreeSet<usize>),
    summary: Summary,
) -> Result<(), u8> {
    let to_terminal = args.output.is_none() && std::io::stdout().is_terminal();
    // A report file is written whole or not at all: a full disk leaves the old one. (The
    // path was checked against the inputs before the run.)
    let mut destination = match &args.output {
        Some(path) => Destination::create(path)?,
        None => Destination::stdout(),
    };
    let mut sink = destination.writer();
    let written = if args.statistics {
        let fixable = |k: usize| fixable.contains(&k);
        match args.format {
            FindingFormat::Json | FindingFormat::Sarif => report::statistics::json(&mut sink, findings, &fixable),
            _ => report::statistics::text(&mut sink, findings, &fixable),
        }
    } else {
        match args.format {
            FindingFormat::Human => {
                let color = match args.color {
                    ColorChoice::Always => true,
                    ColorChoice::Never => false,
                    ColorChoice::Auto => to_terminal && std::env::var_os("NO_COLOR").is_none(),
                };
                // Files and pipes get a fixed width so that reports do not depend on who ran them.
                let columns = || std::env::var("COLUMNS").ok().and_then(|c| c.parse().ok());
                let width = if to_terminal { columns().unwrap_or(100) } else { 100 };
                report::human::write(&mut sink, corpus, findings, report::human::Style { color, width }).and_then(
                    |_| if super::quiet() { Ok(()) } else { report::human::summary(&mut sink, findings, summary) },
                )
            }
            FindingFormat::Concise => report::concise::write(&mut sink, corpus, findings),
            FindingFormat::Json => report::json::write(&mut sink, corpus, findings, summary),
            FindingFormat::Github => report::github::write(&mut sink, corpus, findings),
            FindingFormat::Html => html_report(&mut sink, (settings, inputs), corpus, findings, summary),
            FindingFormat::Sarif => {
                let rows = rules::rule_rows(&settings.patterns);
                let descriptors: Vec<RuleDescriptor<'_>> = rows
                    .iter()
                    .map(|(id, severity, summary, help)| RuleDescriptor { id, severity: *severity, summary, help })
                    .collect();
                report::sarif::write(&mut sink, corpus, findings, &descriptors)
            }
        }
    };
    destination.finish(written)
}

/// The story report of a check: the corpus is read whole again (a streamed run let most
/// texts go) and its stories found, and the findings are placed on its documents.
fn html_report(
    out: &mut dyn Write,
    (settings, inputs): (&Settings, &Inputs),
    checked: &Corpus,
    findings: &[Finding],
    summary: Summary,
) -> std::io::Result<()> {
    let corpus = Corpus::load(inputs);
    let index: std::collections::HashMap<&str, usize> =
        corpus.documents.iter().enumerate().map(|(i, d)| (&*d.name, i)).collect();
    let moved = |place: &Place| match place {
        Place::Text { doc, span } => {
            index.get(&*checked.documents[*doc].name).map(|&doc| Place::Text { doc, span: span.clone() })
        }
        file => Some(file.clone()),
    };
    // A document that changed since it was checked is left out of the page's findings.
    let placed: Vec<Finding> = findings
        .iter()
        .filter_map(|f| {
            let mut f = f.clone();
            f.place = moved(&f.place)?;
            f.related.retain_mut(|r| moved(&r.place).map(|p| r.place = p).is_some());
            Some(f)
        })
        .collect();
    let (claims, analysis) = super::align::stories(&corpus, settings, false);
    let page =
        report::html::Page { corpus: &corpus, claims: &claims, analysis: &analysis, checked: Some((&placed, summary)) };
    report::html::write(out, &page)
}
