//! Giving freed memory back to the system between the stages of a check. Each stage of a
//! large check (reading batches, pairing near copies, finding stories) frees what it
//! built before the next starts, but glibc keeps freed heap pages with the process: the
//! peak would be the sum of the stages' working sets instead of the largest of them.

/// Returns the free pages of every heap to the system (glibc's `malloc_trim`); nothing
/// elsewhere, where allocators differ.
pub fn give_back() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only releases memory the allocator holds free; it takes the
    // allocator's own locks and is safe to call from any thread at any time.
    unsafe {
        libc::malloc_trim(0);
    }
}
