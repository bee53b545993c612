//! Command-line arguments (clap).

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Parser, Debug)]
#[command(name = "factlint", version, about = "A fact-consistency linter for news corpora in Chinese and English")]
// An option given twice takes its last value: a pre-commit hook's `entry` sets
// `--corpus-root .` and the user's `args` may set it again.
#[command(args_override_self = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    /// Worker threads (default: one per core).
    #[arg(long, global = true, value_name = "N")]
    pub threads: Option<usize>,
    /// Log why figures were or were not taken as claims (debug level) on stderr.
    #[arg(short, long, global = true, action = clap::ArgAction::Count, conflicts_with = "quiet")]
    pub verbose: u8,
    /// Print findings and errors only: no summary line, notes or warnings.
    #[arg(short, long, global = true)]
    pub quiet: bool,
    /// Read this configuration file instead of looking for factlint.toml.
    #[arg(long, global = true, value_name = "FILE", conflicts_with = "no_config")]
    pub config: Option<PathBuf>,
    /// Ignore every factlint.toml.
    #[arg(long, global = true)]
    pub no_config: bool,
    /// The language parallel documents are translated from (zh, zh-Hans, zh-Hant or en);
    /// overrides `source-language` in factlint.toml.
    #[arg(long, global = true, value_name = "LANG", value_parser = parse_source_language)]
    pub source_lang: Option<String>,
}

fn parse_source_language(tag: &str) -> Result<String, String> {
    if crate::extract::Lang::from_tag(tag).is_some() {
        Ok(tag.to_string())
    } else {
        Err("expected zh, zh-Hans, zh-Hant or en".to_string())
    }
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Lint a corpus and report findings.
    #[command(args_override_self = true)]
    Check(Box<CheckArgs>),
    /// Print every numeric claim found in the corpus.
    #[command(args_override_self = true)]
    Extract(ExtractArgs),
    /// Print the stories found in the corpus and how their figures line up.
    #[command(args_override_self = true)]
    Align(AlignArgs),
    /// List the built-in rules.
    Rules {
        /// Output format.
        #[arg(short, long, alias = "output-format", value_enum, default_value_t = ListFormat::Human)]
        format: ListFormat,
    },
    /// Explain one rule.
    Explain {
        /// Rule id, e.g. numeric-contradiction.
        rule: String,
    },
    /// Write the per-document results of a shard of the corpus to an index file, for
    /// `factlint check --index` to join.
    Index(IndexArgs),
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    Completions {
        /// The shell to complete for.
        shell: clap_complete::Shell,
    },
    /// Remove the claim cache.
    Clean {
        /// The cache folder [default: .factlint_cache in the current folder].
        #[arg(long, value_name = "DIR")]
        cache_dir: Option<PathBuf>,
    },
}

#[derive(Args, Debug)]
pub struct IndexArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// The index file to write.
    #[arg(short, long, value_name = "FILE")]
    pub output: PathBuf,
}

#[derive(Args, Debug)]
pub struct AlignArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Output format.
    #[arg(short, long, alias = "output-format", value_enum, default_value_t = StoryFormat::Human)]
    pub format: StoryFormat,
    /// Write to this file instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum StoryFormat {
    Human,
    Json,
    /// The story report: one self-contained page (use with `-o stories.html`).
    Html,
}

/// Where to read the corpus from.
#[derive(Args, Debug, Clone)]
pub struct InputArgs {
    /// Files or folders to read (`-` for stdin). Default: the current folder.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Name to give standard input (its extension picks the format).
    #[arg(long, value_name = "NAME", default_value = "stdin.txt")]
    pub stdin_filename: String,
    /// Field or column holding the text of JSONL/CSV records (repeatable; default text, content, body).
    #[arg(long = "text-field", value_name = "FIELD")]
    pub text_fields: Vec<String>,
    /// Skip walked paths matching this gitignore-style glob (`drafts`, `*.csv`,
    /// `corpus/old/`, `**/*.txt`; repeatable; added to `exclude` in factlint.toml).
    #[arg(long, value_name = "PATTERN")]
    pub exclude: Vec<String>,
    /// Apply the exclusions to files named on the command line too (what a pre-commit
    /// hook wants: staged files under an excluded folder are skipped).
    #[arg(long)]
    pub force_exclude: bool,
}

#[derive(Args, Debug)]
pub struct ExtractArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Output format.
    #[arg(short, long, alias = "output-format", value_enum, default_value_t = ClaimFormat::Human)]
    pub format: ClaimFormat,
    /// Write to this file instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ClaimFormat {
    Human,
    Json,
    Jsonl,
}

#[derive(Args, Debug, Clone)]
pub struct CheckArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Output format.
    #[arg(short, long, alias = "output-format", value_enum, default_value_t = FindingFormat::Human)]
    pub format: FindingFormat,
    /// Write the report to this file instead of stdout (the exit code is unchanged).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Lowest severity that makes the exit code 1.
    #[arg(long, value_enum, default_value_t = FailOn::Warning)]
    pub fail_on: FailOn,
    /// Exit 0 even when there are findings (input errors still exit 2).
    #[arg(long)]
    pub exit_zero: bool,
    /// Run only these rules (comma-separated).
    #[arg(long, value_delimiter = ',', value_name = "RULE,...")]
    pub select: Vec<String>,
    /// Skip these rules (comma-separated).
    #[arg(long, value_delimiter = ',', value_name = "RULE,...")]
    pub ignore: Vec<String>,
    /// Run these rules as well as those selected (comma-separated).
    #[arg(long, value_delimiter = ',', value_name = "RULE,...")]
    pub extend_select: Vec<String>,
    /// Skip these rules as well as those ignored (comma-separated).
    #[arg(long, value_delimiter = ',', value_name = "RULE,...")]
    pub extend_ignore: Vec<String>,
    /// Print the resolved settings (which factlint.toml, and what it sets) and exit.
    #[arg(long, conflicts_with = "show_files")]
    pub show_settings: bool,
    /// Print the files that would be read (format, records, text field) and exit.
    #[arg(long)]
    pub show_files: bool,
    /// Neither read nor write the claim cache.
    #[arg(long)]
    pub no_cache: bool,
    /// Where the claim cache lives [default: .factlint_cache in the current folder].
    #[arg(long, value_name = "DIR")]
    pub cache_dir: Option<PathBuf>,
    /// Drop the findings this baseline file accepts.
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// Write every current finding to this baseline file, then report none of them.
    #[arg(long, value_name = "FILE")]
    pub write_baseline: Option<PathBuf>,
    /// Compare the given paths with every document under DIR, but report only on them and
    /// on findings elsewhere that only they contradict (what the pre-commit hook does).
    #[arg(long, value_name = "DIR")]
    pub corpus_root: Option<PathBuf>,
    /// Read the corpus and its per-document results from these shard indexes (written by
    /// `factlint index`) and run the corpus rules over all of them.
    #[arg(long, value_name = "FILE", num_args = 1..)]
    pub index: Vec<PathBuf>,
    /// Print how many findings each rule gave (and how many `--fix` repairs) instead of
    /// the findings.
    #[arg(long)]
    pub statistics: bool,
    /// Apply the safe fixes (doubled punctuation, inline romanization, markup residue,
    /// boilerplate lines, exact repeated paragraphs) to the files, then report what is left.
    #[arg(long, conflicts_with_all = ["write_baseline", "statistics"])]
    pub fix: bool,
    /// Print the safe fixes as a unified diff instead of applying them (exit 1 when there
    /// are any).
    #[arg(long, conflicts_with_all = ["write_baseline", "statistics"])]
    pub diff: bool,
    /// When to colour human output.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum FindingFormat {
    Human,
    Concise,
    Json,
    Sarif,
    Github,
    /// The story report: one self-contained page (use with `-o report.html`).
    Html,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum FailOn {
    Error,
    Warning,
    Info,
    Never,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ListFormat {
    Human,
    Json,
}
