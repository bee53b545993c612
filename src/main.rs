//! The factlint binary: everything lives in the library; see `factlint --help`.

fn main() -> std::process::ExitCode {
    fixed_mmap_threshold();
    factlint::cli::main()
}

/// Allocations of a megabyte or more get pages of their own, given back when freed.
///
/// glibc raises its threshold for that each time a large block is freed (up to 32 MB), so
/// a run that reads batch after batch of a corpus came to serve its batch buffers from
/// the heap, where freed space stays with the process: the peak of a streamed `extract`
/// grew with the corpus (177 MB at 100 MB, 240 MB at 1 GB). A fixed threshold keeps it
/// flat.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn fixed_mmap_threshold() {
    // SAFETY: mallopt only sets an allocator parameter; it is called before any thread
    // starts, and a refusal (return 0) leaves glibc's default in place.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 1 << 20);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn fixed_mmap_threshold() {}
