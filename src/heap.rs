//! The wasm module's memory allocator, in place of std's dlmalloc (about 7 KB of code).
//!
//! - **Small blocks** (at most 32 KiB, alignment at most 16): power-of-two size classes from
//!   16 B to 32 KiB, each with a free list threaded through its free blocks. New blocks are cut
//!   one after another from a 64 KiB page; what is left of a page when a block no longer fits goes
//!   onto the free lists of the classes that fit. Small blocks are 16-byte aligned (every size is a
//!   multiple of 16 and pages start aligned).
//! - **Large blocks**: whole runs of 64 KiB pages. Free runs are kept in a list ordered by
//!   address; a freed run merges with its free neighbours, so freeing and reallocating the same
//!   sizes (a large chart's columns on every update) reuses the same memory. Allocation is first
//!   fit; when nothing fits, the memory grows, extending the last free run if it ends at the top.
//!   Realloc grows a block in place when the pages after it are free or are the top of memory,
//!   and shrinks it in place.
//!
//! Rust passes a block's layout to `dealloc` and `realloc`, so blocks carry no header. Free blocks
//! hold the lists: a small block its next block; a free run its page count and the next run.
//!
//! The core, [`Heap`], is generic over where pages come from ([`Grow`]): `memory.grow` in wasm, an
//! arena in the native tests below.

/// Size of a page: the wasm memory's unit of growth, and of a large block.
pub const PAGE: usize = 65536;
/// The smallest class, and the alignment of every small block.
const MIN: usize = 16;
/// Number of small classes: 16 B to 32 KiB.
const CLASSES: usize = 12;
/// The largest small block.
const MAX_SMALL: usize = MIN << (CLASSES - 1);

/// Where a heap's pages come from.
pub trait Grow {
    /// Adds `pages` pages of memory; returns the address of the first, or `usize::MAX` when the
    /// memory cannot grow. Successive calls need not return adjacent memory.
    fn grow(&mut self, pages: usize) -> usize;
}

/// The allocator's state. Address 0 means "none" in its lists (no block is ever at 0).
pub struct Heap<G> {
    grow: G,
    /// Free-list heads of the small classes (16 slots, so that `class & 15` needs no bounds check).
    free: [usize; 16],
    /// The page small blocks are being cut from: next block, end.
    bump: usize,
    end: usize,
    /// The first free run of pages, by address.
    runs: usize,
    /// The end of the memory last grown.
    top: usize,
}

/// Reads word `i` of a free block or run.
///
/// # Safety
/// `a` is a free block or run of this heap.
unsafe fn word(a: usize, i: usize) -> usize {
    *(a as *const usize).add(i)
}

/// Writes word `i` of a free block or run.
///
/// # Safety
/// `a` is a free block or run of this heap.
unsafe fn set_word(a: usize, i: usize, v: usize) {
    *(a as *mut usize).add(i) = v
}

/// The small class of a block, or `None` for a large one.
fn class(size: usize, align: usize) -> Option<usize> {
    if size > MAX_SMALL || align > MIN {
        return None;
    }
    let size = size.max(MIN);
    Some(((usize::BITS - (size - 1).leading_zeros()) as usize - MIN.trailing_zeros() as usize) & 15)
}

/// Pages a large block of `size` bytes takes (at least one).
fn pages(size: usize) -> usize {
    size.div_ceil(PAGE).max(1)
}

impl<G: Grow> Heap<G> {
    /// An empty heap taking its pages from `grow`.
    pub const fn new(grow: G) -> Self {
        Heap { grow, free: [0; 16], bump: 0, end: 0, runs: 0, top: 0 }
    }

    /// A block of `size` bytes aligned to `align` (a power of two), or 0 when out of memory.
    ///
    /// # Safety
    /// The heap's memory is used by no one else.
    pub unsafe fn alloc(&mut self, size: usize, align: usize) -> usize {
        if align > PAGE {
            return 0;
        }
        let Some(c) = class(size, align) else { return self.take(pages(size)) };
        let head = self.free[c];
        if head != 0 {
            self.free[c] = word(head, 0);
            return head;
        }
        let s = MIN << c;
        if self.end - self.bump < s {
            // what is left of this page goes to the classes it fits (each at most once: it is
            // less than `s`), then a new page
            let mut k = CLASSES;
            while k > 0 {
                k -= 1;
                if self.end - self.bump >= MIN << k {
                    self.push(k, self.bump);
                    self.bump += MIN << k;
                }
            }
            let p = self.take(1);
            if p == 0 {
                return 0;
            }
            self.bump = p;
            self.end = p + PAGE;
        }
        self.bump += s;
        self.bump - s
    }

    /// Frees a block `alloc` gave for the same size and alignment.
    ///
    /// # Safety
    /// `p` is a live block of this heap, allocated with `size` and `align`.
    pub unsafe fn dealloc(&mut self, p: usize, size: usize, align: usize) {
        match class(size, align) {
            Some(c) => self.push(c, p),
            None => self.release(p, pages(size)),
        }
    }

    /// Resizes a block, keeping its first `min(size, new_size)` bytes: in place when it can, else
    /// by a copy. Returns the block, or 0 (the old block untouched) when out of memory.
    ///
    /// # Safety
    /// As for `dealloc`.
    pub unsafe fn realloc(&mut self, p: usize, size: usize, align: usize, new_size: usize) -> usize {
        match (class(size, align), class(new_size, align)) {
            (Some(a), Some(b)) if a == b => return p,
            (None, None) => {
                let (old, new) = (pages(size), pages(new_size));
                if new <= old {
                    if new < old {
                        self.release(p + new * PAGE, old - new);
                    }
                    return p;
                }
                if self.take_at(p + old * PAGE, new - old) {
                    return p;
                }
            }
            _ => {}
        }
        let q = self.alloc(new_size, align);
        if q != 0 {
            core::ptr::copy_nonoverlapping(p as *const u8, q as *mut u8, size.min(new_size));
            self.dealloc(p, size, align);
        }
        q
    }

    unsafe fn push(&mut self, c: usize, p: usize) {
        set_word(p, 0, self.free[c]);
        self.free[c] = p;
    }

    /// Points the run before (or the list head, when `prev` is 0) at `r`.
    unsafe fn link(&mut self, prev: usize, r: usize) {
        if prev == 0 {
            self.runs = r;
        } else {
            set_word(prev, 1, r);
        }
    }

    /// `n` pages, first fit; grows the memory when no free run is long enough.
    unsafe fn take(&mut self, n: usize) -> usize {
        loop {
            let (mut prev, mut r) = (0, self.runs);
            while r != 0 {
                let have = word(r, 0);
                if have == n {
                    self.link(prev, word(r, 1));
                    return r;
                }
                if have > n {
                    // the run's end: its header stays where it is
                    set_word(r, 0, have - n);
                    return r + (have - n) * PAGE;
                }
                prev = r;
                r = word(r, 1);
            }
            // `prev` is the last run; if it ends at the top, only the rest is needed
            let last = if prev != 0 && prev + word(prev, 0) * PAGE == self.top { word(prev, 0) } else { 0 };
            if !self.more(n - last) {
                return 0;
            }
        }
    }

    /// Makes the `n` pages at `a` (just after a live block) part of it: true when they were free,
    /// or were the top of memory and the memory grew by them.
    unsafe fn take_at(&mut self, a: usize, n: usize) -> bool {
        loop {
            let (mut prev, mut r) = (0, self.runs);
            while r != 0 && r < a {
                prev = r;
                r = word(r, 1);
            }
            let have = if r == a { word(r, 0) } else { 0 };
            if have >= n {
                let next = word(r, 1);
                if have == n {
                    self.link(prev, next);
                } else {
                    let rest = a + n * PAGE;
                    set_word(rest, 0, have - n);
                    set_word(rest, 1, next);
                    self.link(prev, rest);
                }
                return true;
            }
            // (if the memory grows elsewhere, the next round finds the run still short of the top)
            if a + have * PAGE != self.top || !self.more(n - have) {
                return false;
            }
        }
    }

    /// Grows the memory by `n` pages and frees them.
    unsafe fn more(&mut self, n: usize) -> bool {
        let a = self.grow.grow(n);
        if a == usize::MAX {
            return false;
        }
        self.top = a + n * PAGE;
        self.release(a, n);
        true
    }

    /// Frees the `n` pages at `a`, merging them with free neighbours.
    unsafe fn release(&mut self, a: usize, n: usize) {
        let (mut prev, mut r) = (0, self.runs);
        while r != 0 && r < a {
            prev = r;
            r = word(r, 1);
        }
        let (mut n, mut next) = (n, r);
        if r != 0 && a + n * PAGE == r {
            n += word(r, 0);
            next = word(r, 1);
        }
        if prev != 0 && prev + word(prev, 0) * PAGE == a {
            set_word(prev, 0, word(prev, 0) + n);
            set_word(prev, 1, next);
        } else {
            set_word(a, 0, n);
            set_word(a, 1, next);
            self.link(prev, a);
        }
    }
}

/// The global allocator of the wasm module (one thread: no lock).
#[cfg(target_arch = "wasm32")]
mod wasm {
    use super::{Grow, Heap, PAGE};
    use core::alloc::{GlobalAlloc, Layout};
    use core::cell::UnsafeCell;

    #[cfg(target_feature = "atomics")]
    compile_error!("src/heap.rs has no lock: it assumes wasm without threads");

    /// The wasm memory: `memory.grow` on memory 0.
    struct Memory;

    impl Grow for Memory {
        fn grow(&mut self, pages: usize) -> usize {
            match core::arch::wasm32::memory_grow(0, pages) {
                usize::MAX => usize::MAX,
                old => old * PAGE,
            }
        }
    }

    struct Global(UnsafeCell<Heap<Memory>>);

    // SAFETY: without the atomics feature (checked above) a wasm module runs on one thread, and
    // the heap never calls back into the allocator, so no two calls overlap.
    unsafe impl Sync for Global {}

    #[global_allocator]
    static HEAP: Global = Global(UnsafeCell::new(Heap::new(Memory)));

    unsafe impl GlobalAlloc for Global {
        unsafe fn alloc(&self, l: Layout) -> *mut u8 {
            (*self.0.get()).alloc(l.size(), l.align()) as *mut u8
        }
        unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
            (*self.0.get()).dealloc(p as usize, l.size(), l.align())
        }
        unsafe fn realloc(&self, p: *mut u8, l: Layout, new_size: usize) -> *mut u8 {
            (*self.0.get()).realloc(p as usize, l.size(), l.align(), new_size) as *mut u8
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::alloc::{alloc, dealloc, Layout};

    /// Pages from one native buffer, like wasm memory; `gap` makes every other growth skip a
    /// page, as if someone else had grown the memory in between.
    struct Arena {
        base: usize,
        cap: usize,
        used: usize,
        gap: bool,
        grows: usize,
    }

    impl Arena {
        fn new(cap: usize, gap: bool) -> Self {
            let base = unsafe { alloc(Layout::from_size_align(cap * PAGE, PAGE).unwrap()) } as usize;
            assert_ne!(base, 0);
            Arena { base, cap, used: 0, gap, grows: 0 }
        }
    }

    impl Drop for Arena {
        fn drop(&mut self) {
            unsafe { dealloc(self.base as *mut u8, Layout::from_size_align(self.cap * PAGE, PAGE).unwrap()) }
        }
    }

    impl Grow for &mut Arena {
        fn grow(&mut self, pages: usize) -> usize {
            self.grows += 1;
            if self.gap && self.grows % 2 == 0 {
                self.used += 1;
            }
            if self.used + pages > self.cap {
                return usize::MAX;
            }
            self.used += pages;
            self.base + (self.used - pages) * PAGE
        }
    }

    /// A seeded generator: the same sequence every run.
    struct Lcg(u64);

    impl Lcg {
        fn next(&mut self) -> usize {
            self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (self.0 >> 33) as usize
        }
        fn below(&mut self, n: usize) -> usize {
            self.next() % n
        }
    }

    struct Block {
        p: usize,
        size: usize,
        align: usize,
        tag: u8,
    }

    fn fill(b: &Block) {
        // every byte would be slow for megabytes: the first and last 64 and every 4096th
        for i in probes(b.size) {
            unsafe { *((b.p + i) as *mut u8) = b.tag ^ (i as u8) };
        }
    }

    fn check(b: &Block, upto: usize) {
        for i in probes(b.size).filter(|&i| i < upto) {
            assert_eq!(unsafe { *((b.p + i) as *const u8) }, b.tag ^ (i as u8), "byte {i} of a block of {} at {:#x}", b.size, b.p);
        }
    }

    fn probes(size: usize) -> impl Iterator<Item = usize> {
        (0..size.min(64)).chain(size.saturating_sub(64)..size).chain((0..size).step_by(4096))
    }

    fn assert_apart(live: &[Block], b: &Block) {
        assert_ne!(b.p, 0, "out of memory for {} bytes", b.size);
        assert_eq!(b.p % b.align, 0, "{} bytes aligned to {} at {:#x}", b.size, b.align, b.p);
        for o in live {
            assert!(b.p + b.size.max(1) <= o.p || o.p + o.size.max(1) <= b.p, "{:#x}+{} overlaps {:#x}+{}", b.p, b.size, o.p, o.size);
        }
    }

    /// Free runs are in address order, apart (never adjacent: they would have merged), inside memory.
    fn assert_runs<G: Grow>(h: &Heap<G>) {
        let mut r = h.runs;
        let mut end = 0;
        while r != 0 {
            assert!(r > end, "runs out of order or adjacent");
            end = r + unsafe { word(r, 0) } * PAGE;
            assert!(end <= h.top);
            r = unsafe { word(r, 1) };
        }
    }

    fn random_size(rng: &mut Lcg) -> usize {
        match rng.below(20) {
            0 => rng.below(3 * PAGE) + 1,
            1 => rng.below(40 * PAGE),
            2..=5 => rng.below(MAX_SMALL) + 1,
            _ => rng.below(300),
        }
    }

    fn random_run(seed: u64, gap: bool) {
        let mut arena = Arena::new(4096, gap);
        let mut h = Heap::new(&mut arena);
        let mut rng = Lcg(seed);
        let mut live: Vec<Block> = Vec::new();
        for step in 0..20_000 {
            match rng.below(10) {
                0..=3 if !live.is_empty() => {
                    let b = live.swap_remove(rng.below(live.len()));
                    check(&b, b.size);
                    unsafe { h.dealloc(b.p, b.size, b.align) };
                }
                4..=5 if !live.is_empty() => {
                    let i = rng.below(live.len());
                    let mut b = live.swap_remove(i);
                    let new_size = if rng.below(2) == 0 { random_size(&mut rng) } else { b.size + rng.below(b.size + 1) };
                    b.p = unsafe { h.realloc(b.p, b.size, b.align, new_size) };
                    check(&b, new_size);
                    b.size = new_size;
                    assert_apart(&live, &b);
                    fill(&b);
                    live.push(b);
                }
                _ => {
                    let align = [1, 2, 4, 8, 8, 8, 16, 32, 4096][rng.below(9)];
                    let size = random_size(&mut rng);
                    let b = Block { p: unsafe { h.alloc(size, align) }, size, align, tag: step as u8 };
                    assert_apart(&live, &b);
                    fill(&b);
                    live.push(b);
                }
            }
            if step % 500 == 0 {
                assert_runs(&h);
            }
        }
        for b in live.drain(..) {
            check(&b, b.size);
            unsafe { h.dealloc(b.p, b.size, b.align) };
        }
        assert_runs(&h);
    }

    #[test]
    fn random_alloc_free_realloc_never_overlap_and_keep_contents() {
        for seed in 1..=4 {
            random_run(seed, false);
        }
    }

    #[test]
    fn random_runs_survive_memory_grown_elsewhere() {
        for seed in 5..=6 {
            random_run(seed, true);
        }
    }

    #[test]
    fn a_large_chart_updated_again_and_again_reuses_its_memory() {
        let mut arena = Arena::new(1024, false);
        let mut h = Heap::new(&mut arena);
        let n = 8_000_000;
        let mut peak = 0;
        for round in 0..20 {
            let x = unsafe { h.alloc(n, 8) };
            let y = unsafe { h.alloc(n, 8) };
            let label = unsafe { h.alloc(100 + round, 1) };
            assert!(x != 0 && y != 0 && label != 0);
            unsafe {
                h.dealloc(x, n, 8);
                h.dealloc(y, n, 8);
                h.dealloc(label, 100 + round, 1);
            }
            if round == 0 {
                peak = h.top;
            }
            assert_eq!(h.top, peak, "memory grew on update {round}");
        }
    }

    #[test]
    fn a_growing_vec_at_the_top_grows_in_place() {
        let mut arena = Arena::new(1024, false);
        let mut h = Heap::new(&mut arena);
        let mut size = MAX_SMALL + 1;
        let p = unsafe { h.alloc(size, 8) };
        while size < 8_000_000 {
            let q = unsafe { h.realloc(p, size, 8, size * 2) };
            assert_eq!(q, p, "moved at {size} bytes");
            size *= 2;
        }
        unsafe { h.dealloc(p, size, 8) };
        // and then the memory is one free run
        assert_eq!(unsafe { word(h.runs, 0) } * PAGE, h.top - h.runs);
        assert_eq!(unsafe { word(h.runs, 1) }, 0);
    }

    #[test]
    fn small_blocks_are_reused_by_class() {
        let mut arena = Arena::new(16, false);
        let mut h = Heap::new(&mut arena);
        let a = unsafe { h.alloc(24, 8) };
        unsafe { h.dealloc(a, 24, 8) };
        assert_eq!(unsafe { h.alloc(32, 8) }, a);
        assert_eq!(unsafe { h.realloc(a, 32, 8, 20) }, a);
        assert_eq!(class(1, 1), Some(0));
        assert_eq!(class(16, 16), Some(0));
        assert_eq!(class(17, 1), Some(1));
        assert_eq!(class(MAX_SMALL, 8), Some(CLASSES - 1));
        assert_eq!(class(MAX_SMALL + 1, 8), None);
        assert_eq!(class(8, 32), None);
    }

    #[test]
    fn out_of_memory_is_null_and_leaves_the_block() {
        let mut arena = Arena::new(4, false);
        let mut h = Heap::new(&mut arena);
        let p = unsafe { h.alloc(PAGE, 8) };
        assert_ne!(p, 0);
        assert_eq!(unsafe { h.alloc(8 * PAGE, 8) }, 0);
        assert_eq!(unsafe { h.realloc(p, PAGE, 8, 8 * PAGE) }, 0);
        assert_eq!(unsafe { h.realloc(p, PAGE, 8, 3 * PAGE) }, p);
    }
}
