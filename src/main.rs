//! The factlint binary: everything lives in the library; see `factlint --help`.

fn main() -> std::process::ExitCode {
    factlint::cli::main()
}
