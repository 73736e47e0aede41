//! The memory budget: a global allocator that refuses to grow past a cap.
//!
//! A program that asks for more memory than the cap gets a `MemoryError` where RustPython
//! checks its allocations, and otherwise ends the process (natively) or traps the wasm
//! instance (in a browser); [`CappedAllocator::exhausted`] tells afterwards that the cap was
//! the reason. Binaries opt in with `#[global_allocator]`.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// The memory budget of one process or wasm instance, in bytes.
pub const MEMORY_LIMIT_BYTES: usize = 512 * 1024 * 1024;

/// An engine that still holds more than this after a grade (memory the interpreter did not
/// give back: RustPython keeps per-thread caches) is replaced by a fresh one once idle, in a
/// browser worker as in the CLI's child processes, so leaks never add up to the memory budget.
pub const RETIRE_ABOVE_BYTES: usize = MEMORY_LIMIT_BYTES / 4;

/// Wraps the system allocator and fails any allocation that would take the live total past
/// `limit` bytes.
pub struct CappedAllocator {
    limit: usize,
    in_use: AtomicUsize,
    refused: AtomicBool,
    zero_freed: AtomicBool,
}

impl CappedAllocator {
    /// An allocator that refuses to hold more than `limit` bytes at once.
    pub const fn new(limit: usize) -> Self {
        CappedAllocator {
            limit,
            in_use: AtomicUsize::new(0),
            refused: AtomicBool::new(false),
            zero_freed: AtomicBool::new(false),
        }
    }

    /// While on, freed memory is zeroed first, so an image of the memory (the wasm engine's
    /// pre-started state, `www/widget/engine-image.js`) holds no stale bytes and compresses
    /// better.
    pub fn zero_freed(&self, on: bool) {
        self.zero_freed.store(on, Ordering::Relaxed);
    }

    /// Bytes currently allocated.
    pub fn in_use(&self) -> usize {
        self.in_use.load(Ordering::Relaxed)
    }

    /// True if an allocation was refused since the last [`CappedAllocator::reset`].
    pub fn exhausted(&self) -> bool {
        self.refused.load(Ordering::Relaxed)
    }

    /// Forget earlier refusals (call before running new code).
    pub fn reset(&self) {
        self.refused.store(false, Ordering::Relaxed);
    }

    /// Count `size` more bytes in use, or refuse if that would pass the limit.
    fn reserve(&self, size: usize) -> bool {
        let granted = self
            .in_use
            .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |used| {
                used.checked_add(size).filter(|&total| total <= self.limit)
            })
            .is_ok();
        if !granted {
            self.refused.store(true, Ordering::Relaxed);
        }
        granted
    }

    fn release(&self, size: usize) {
        self.in_use.fetch_sub(size, Ordering::Relaxed);
    }
}

// SAFETY: every call is forwarded to `System` unchanged; the allocator only keeps a count and
// returns null (a valid "allocation failed" answer) when the count would pass the limit.
unsafe impl GlobalAlloc for CappedAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if !self.reserve(layout.size()) {
            return std::ptr::null_mut();
        }
        // SAFETY: forwarded with the caller's layout.
        let ptr = unsafe { System.alloc(layout) };
        if ptr.is_null() {
            self.release(layout.size());
        }
        ptr
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        if !self.reserve(layout.size()) {
            return std::ptr::null_mut();
        }
        // SAFETY: forwarded with the caller's layout.
        let ptr = unsafe { System.alloc_zeroed(layout) };
        if ptr.is_null() {
            self.release(layout.size());
        }
        ptr
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        if self.zero_freed.load(Ordering::Relaxed) {
            // SAFETY: the caller owns `layout.size()` bytes at `ptr` until it is freed.
            unsafe { std::ptr::write_bytes(ptr, 0, layout.size()) };
        }
        // SAFETY: `ptr` was allocated by `System` with `layout`.
        unsafe { System.dealloc(ptr, layout) };
        self.release(layout.size());
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if self.zero_freed.load(Ordering::Relaxed) {
            // Moved by hand, so the old block is zeroed when it is freed.
            // SAFETY: the caller's contract for `realloc` covers these calls.
            unsafe {
                let new_layout = Layout::from_size_align_unchecked(new_size, layout.align());
                let new_ptr = self.alloc(new_layout);
                if !new_ptr.is_null() {
                    std::ptr::copy_nonoverlapping(ptr, new_ptr, layout.size().min(new_size));
                    self.dealloc(ptr, layout);
                }
                return new_ptr;
            }
        }
        let old_size = layout.size();
        if new_size > old_size && !self.reserve(new_size - old_size) {
            return std::ptr::null_mut();
        }
        // SAFETY: forwarded unchanged.
        let new_ptr = unsafe { System.realloc(ptr, layout, new_size) };
        if new_ptr.is_null() {
            if new_size > old_size {
                self.release(new_size - old_size);
            }
        } else if new_size < old_size {
            self.release(old_size - new_size);
        }
        new_ptr
    }
}
