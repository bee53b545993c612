//! The command-line front end: parses arguments, runs a command, and returns the exit
//! code of the contract (0 clean, 1 findings, 2 usage, config or input error).

mod align;
mod args;
mod check;
pub mod extract;
mod fix;
mod rules;
mod show;

pub use args::Cli;
use args::{Command, InputArgs};
use clap::Parser;
use std::io::{BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::config::{self, ConfigError, Settings};
use crate::corpus::Inputs;

/// Exit codes.
pub const EXIT_CLEAN: u8 = 0;
pub const EXIT_FINDINGS: u8 = 1;
pub const EXIT_ERROR: u8 = 2;

pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { EXIT_ERROR } else { EXIT_CLEAN };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    init_logging(cli.verbose, cli.quiet);
    QUIET.store(cli.quiet, std::sync::atomic::Ordering::Relaxed);
    if let Command::Completions { shell } = cli.command {
        // Needs no configuration: a completion script is the same everywhere.
        let mut command = <Cli as clap::CommandFactory>::command();
        let mut script = Vec::new();
        clap_complete::generate(shell, &mut command, "factlint", &mut script);
        return ExitCode::from(to_stdout(|out| out.write_all(&script)));
    }
    if let Some(n) = cli.threads {
        if let Err(e) = rayon::ThreadPoolBuilder::new().num_threads(n.max(1)).build_global() {
            eprintln!("factlint: cannot start {n} threads: {e}");
            return ExitCode::from(EXIT_ERROR);
        }
    }
    let settings = match settings(&cli) {
        Ok(s) => s,
        Err(e) => {
            render_error(&e);
            return ExitCode::from(EXIT_ERROR);
        }
    };
    let code = match cli.command {
        Command::Extract(args) => extract::run(args, &settings),
        Command::Check(args) => check::run(*args, &settings),
        Command::Rules { format } => rules::list(format, &settings),
        Command::Explain { rule } => rules::explain(&rule, &settings),
        Command::Align(args) => align::run(args, &settings),
        Command::Clean { cache_dir } => clean(cache_dir),
        Command::Index(args) => index(args, &settings),
        Command::Completions { .. } => EXIT_CLEAN,
    };
    ExitCode::from(code)
}

/// `factlint index`: the map step of a scale-out run.
fn index(args: args::IndexArgs, settings: &Settings) -> u8 {
    let inputs = match inputs(&args.input, settings) {
        Ok(i) => i,
        Err(code) => return code,
    };
    if let Err(code) = refuse_among_inputs(&inputs, &args.output, "the index") {
        return code;
    }
    match crate::index::build(&inputs, settings, &args.output) {
        Ok((files, documents, errors)) => {
            for e in &errors {
                eprintln!("factlint: {e} (kept in the index; `check --index` reports it)");
            }
            let size = std::fs::metadata(&args.output).map_or(0, |m| m.len());
            eprintln!(
                "factlint: indexed {documents} documents from {files} files into {} ({:.1} MB)",
                args.output.display(),
                size as f64 / 1e6
            );
            EXIT_CLEAN
        }
        Err(e) => {
            render_error(&e);
            EXIT_ERROR
        }
    }
}

/// The configuration: `--config`, else the nearest factlint.toml, else the defaults; then
/// the flags that override it.
fn settings(cli: &Cli) -> Result<Settings, ConfigError> {
    let mut settings = file_settings(cli)?;
    if let Some(lang) = &cli.source_lang {
        settings.source_language = Some(lang.clone());
    }
    Ok(settings)
}

fn file_settings(cli: &Cli) -> Result<Settings, ConfigError> {
    if cli.no_config {
        return Ok(Settings::default());
    }
    let path = match &cli.config {
        Some(p) => Some(p.clone()),
        None => discover(&checked_paths(cli)),
    };
    match path {
        Some(p) => {
            let s = config::load(&p)?;
            log::debug!("configuration from {}", p.display());
            Ok(s)
        }
        None => Ok(Settings::default()),
    }
}

/// The paths a command reads (with `--corpus-root`), where configuration is looked for.
fn checked_paths(cli: &Cli) -> Vec<PathBuf> {
    match &cli.command {
        Command::Check(a) => a.input.paths.iter().chain(&a.corpus_root).cloned().collect(),
        Command::Extract(args::ExtractArgs { input, .. })
        | Command::Align(args::AlignArgs { input, .. })
        | Command::Index(args::IndexArgs { input, .. }) => input.paths.clone(),
        _ => Vec::new(),
    }
}

/// The factlint.toml nearest the checked paths (as ruff finds pyproject.toml), else the
/// one nearest the working directory. Paths under different configurations take the
/// first path's, with a warning.
fn discover(paths: &[PathBuf]) -> Option<PathBuf> {
    let cwd = std::env::current_dir().ok();
    let near = |p: &PathBuf| {
        let absolute = match &cwd {
            Some(cwd) => cwd.join(p),
            None => p.clone(),
        };
        let absolute = absolute.canonicalize().unwrap_or(absolute);
        let folder = if absolute.is_dir() { absolute.as_path() } else { absolute.parent()? };
        config::discover(folder)
    };
    let found: Vec<PathBuf> = paths.iter().filter(|p| p.as_os_str() != "-").filter_map(near).collect();
    if let Some(first) = found.first() {
        if let Some(other) = found.iter().find(|f| *f != first) {
            log::warn!(
                "the paths given lie under different configurations ({} and {}); using the first",
                first.display(),
                other.display()
            );
        }
        return Some(first.clone());
    }
    cwd.and_then(|d| config::discover(&d))
}

/// Prints an error diagnostic (configuration, baseline) on stderr with miette.
fn render_error(e: &dyn miette::Diagnostic) {
    use std::io::IsTerminal;
    let theme = if std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none() {
        miette::GraphicalTheme::unicode()
    } else {
        miette::GraphicalTheme::unicode_nocolor()
    };
    let mut text = String::new();
    let handler = miette::GraphicalReportHandler::new_themed(theme).with_links(false);
    if handler.render_report(&mut text, e).is_err() {
        text = e.to_string();
    }
    eprint!("factlint: {text}");
}

/// Reads the inputs named on the command line; `-` reads stdin. When stdin cannot be read
/// the error is printed and the exit code returned.
fn inputs(args: &InputArgs, settings: &Settings) -> Result<Inputs, u8> {
    let mut paths = args.paths.clone();
    if paths.is_empty() {
        paths.push(".".into());
    }
    let mut piped = Vec::new();
    if paths.iter().any(|p| p.as_os_str() == "-") {
        paths.retain(|p| p.as_os_str() != "-");
        let mut bytes = Vec::new();
        if let Err(e) = std::io::stdin().read_to_end(&mut bytes) {
            eprintln!("factlint: cannot read stdin: {e}");
            return Err(EXIT_ERROR);
        }
        piped.push((args.stdin_filename.clone(), bytes));
    }
    // A named pipe or device (`/dev/stdin`, `<(cmd)`) gives its bytes once: read it now.
    let mut kept = Vec::new();
    for path in paths {
        // A path that is not there is a mistake in the command, not a finding about a file.
        if let Err(e) = std::fs::metadata(&path) {
            if e.kind() == std::io::ErrorKind::NotFound {
                eprintln!(
                    "factlint: {}: no such file or folder",
                    crate::report::visible::escaped(&crate::source::walk::display(&path))
                );
                return Err(EXIT_ERROR);
            }
        }
        let special = std::fs::metadata(&path).is_ok_and(|m| !m.is_dir() && !m.is_file());
        if !special {
            kept.push(path);
            continue;
        }
        match std::fs::read(&path) {
            Ok(bytes) => piped.push((path.to_string_lossy().into_owned(), bytes)),
            Err(e) => {
                eprintln!("factlint: cannot read {}: {e}", path.display());
                return Err(EXIT_ERROR);
            }
        }
    }
    let paths = kept;
    let load = settings.load_options(&args.text_fields);
    let patterns: Vec<String> = settings.exclude.iter().chain(&args.exclude).cloned().collect();
    let exclude = match crate::corpus::Exclusion::new(&patterns) {
        Ok(e) => e,
        Err(message) => {
            eprintln!("factlint: exclude: {message}");
            return Err(EXIT_ERROR);
        }
    };
    Ok(Inputs { paths, piped, load, exclude, force_exclude: args.force_exclude, batch_bytes: None })
}

/// A minimal stderr logger: records from factlint only.
struct StderrLogger;

impl log::Log for StderrLogger {
    fn enabled(&self, metadata: &log::Metadata<'_>) -> bool {
        metadata.target().starts_with("factlint")
    }

    fn log(&self, record: &log::Record<'_>) {
        if self.enabled(record.metadata()) {
            eprintln!("{}: {}", record.level().as_str().to_ascii_lowercase(), record.args());
        }
    }

    fn flush(&self) {}
}

/// Warnings (a damaged cache file, a file that changed during the run) always reach
/// stderr; `-v` adds the reasons behind each decision, `-vv` every figure not taken.
/// `-q`: findings and errors only.
static QUIET: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Whether `-q` was given: notes and summaries stay unsaid.
pub(crate) fn quiet() -> bool {
    QUIET.load(std::sync::atomic::Ordering::Relaxed)
}

fn init_logging(verbose: u8, quiet: bool) {
    static LOGGER: StderrLogger = StderrLogger;
    if log::set_logger(&LOGGER).is_ok() {
        log::set_max_level(match verbose {
            0 if quiet => log::LevelFilter::Error,
            0 => log::LevelFilter::Warn,
            1 => log::LevelFilter::Debug,
            _ => log::LevelFilter::Trace,
        });
    }
}

/// `factlint clean`: removes the claim cache.
fn clean(cache_dir: Option<std::path::PathBuf>) -> u8 {
    let dir = cache_dir.unwrap_or_else(|| crate::cache::DEFAULT_DIR.into());
    match crate::cache::clean(&dir) {
        Ok(true) => {
            eprintln!("factlint: removed {}", dir.display());
            EXIT_CLEAN
        }
        Ok(false) => {
            eprintln!("factlint: no cache at {}", dir.display());
            EXIT_CLEAN
        }
        Err(e) => {
            eprintln!("factlint: cannot remove {}: {e}", dir.display());
            EXIT_ERROR
        }
    }
}

/// Refuses, saying why on stderr, to write `what` to `path` when a run over `inputs`
/// would read that path (exit 2): an output must never replace an article.
pub(crate) fn refuse_among_inputs(inputs: &Inputs, path: &Path, what: &str) -> Result<(), u8> {
    match crate::corpus::output_among_inputs(inputs, path) {
        Some(clash) => {
            eprintln!(
                "factlint: refusing to write {what} to {}: it is among the inputs ({}); write it elsewhere or exclude it",
                path.display(),
                clash.display()
            );
            Err(EXIT_ERROR)
        }
        None => Ok(()),
    }
}

/// Where a command writes its output: stdout, or a file (`-o`) written whole or not at all.
pub(crate) enum Destination {
    Stdout(BufWriter<std::io::StdoutLock<'static>>),
    File(Box<crate::fsutil::AtomicFile>, PathBuf),
}

impl Destination {
    pub(crate) fn stdout() -> Destination {
        Destination::Stdout(BufWriter::with_capacity(1 << 16, std::io::stdout().lock()))
    }

    /// Opens `-o FILE` (refused when it is one of the inputs), or stdout without one.
    pub(crate) fn open(output: Option<&Path>, inputs: &Inputs, what: &str) -> Result<Destination, u8> {
        match output {
            Some(path) => {
                refuse_among_inputs(inputs, path, what)?;
                Destination::create(path)
            }
            None => Ok(Destination::stdout()),
        }
    }

    /// The file `path`, put in place by [`Destination::finish`]; `open` checks the inputs.
    pub(crate) fn create(path: &Path) -> Result<Destination, u8> {
        match crate::fsutil::AtomicFile::create(path) {
            Ok(f) => Ok(Destination::File(Box::new(f), path.to_path_buf())),
            Err(e) => {
                eprintln!("factlint: cannot write {}: {e}", path.display());
                Err(EXIT_ERROR)
            }
        }
    }

    pub(crate) fn writer(&mut self) -> &mut dyn Write {
        match self {
            Destination::Stdout(w) => w,
            Destination::File(f, _) => f.as_mut(),
        }
    }

    /// Flushes, and puts a file in place; a closed pipe is no error (`| head`).
    pub(crate) fn finish(self, written: std::io::Result<()>) -> Result<(), u8> {
        let (result, path) = match self {
            Destination::Stdout(mut w) => (written.and_then(|_| w.flush()), None),
            Destination::File(f, path) => (written.and_then(|_| f.commit()), Some(path)),
        };
        match result {
            Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
                match path {
                    Some(path) => eprintln!("factlint: cannot write {}: {e}", path.display()),
                    None => eprintln!("factlint: cannot write: {e}"),
                }
                Err(EXIT_ERROR)
            }
            _ => Ok(()),
        }
    }
}

/// Writes to stdout with `write`: exit 0, or 2 when writing failed (a closed pipe did not).
pub(crate) fn to_stdout(write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>) -> u8 {
    let mut out = Destination::stdout();
    let written = write(out.writer());
    match out.finish(written) {
        Ok(()) => EXIT_CLEAN,
        Err(code) => code,
    }
}
