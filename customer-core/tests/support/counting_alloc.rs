//! The one counting allocator of the test suites (included with `#[path]` by every test binary
//! that counts allocations, and by the benchmark): a global allocator that forwards every call
//! to `System` and counts allocations on the current thread while [`allocations`] runs.
//!
//! The counter is per thread (tests run in parallel), and only counts while switched on, so the
//! harness's own allocations are never counted. Install it in the including file with
//! `#[global_allocator] static GLOBAL: Counting = Counting;`.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

/// The counting allocator.
pub struct Counting;

thread_local! {
    /// `Some(n)` while counting on this thread.
    static COUNT: Cell<Option<u64>> = const { Cell::new(None) };
}

fn bump() {
    // `try_with`: the thread-local may be gone while the thread shuts down.
    let _ = COUNT.try_with(|count| {
        if let Some(n) = count.get() {
            count.set(Some(n + 1));
        }
    });
}

// SAFETY: every call is forwarded to `System` unchanged; counting touches no memory of the
// allocation, and the thread-local is const-initialized, so it never allocates itself.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        bump();
        // SAFETY: the caller upholds `GlobalAlloc::alloc`'s contract.
        unsafe { System.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        bump();
        // SAFETY: as above.
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        bump();
        // SAFETY: as above.
        unsafe { System.realloc(ptr, layout, new_size) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: as above.
        unsafe { System.dealloc(ptr, layout) }
    }
}

/// The heap allocations (and reallocations) `f` makes on this thread, and its result.
pub fn allocations<R>(f: impl FnOnce() -> R) -> (u64, R) {
    COUNT.with(|count| count.set(Some(0)));
    let result = std::hint::black_box(f());
    let n = COUNT.with(|count| count.replace(None)).unwrap_or(0);
    (n, result)
}
