//! The wasm heap as the allocator counts it, for the leak tests (cargo feature `heap-stats`, test
//! builds only: the readers' and the builder's modules never have it). The module's allocator is
//! then the same talc as in lib.rs, with talc's counters on, in a wrapper that can reach them
//! (talc's `TalcSyncCell` cannot). Reading the counters allocates nothing, so it does not move them.

use std::alloc::{GlobalAlloc, Layout};

use talc::cell::TalcCell;
use talc::wasm::{WasmBinning, WasmGrowAndExtend};
use wasm_bindgen::prelude::*;

/// talc's `TalcSyncCell` over the same source and binning as `new_wasm_dynamic_allocator`.
pub struct Counted(TalcCell<WasmGrowAndExtend, WasmBinning>);

// SAFETY: wasm32 without atomics is single-threaded, with no interrupts: the same reasoning as
// talc's own `TalcSyncCell::new_wasm`, which the shipped build uses.
unsafe impl Sync for Counted {}

// SAFETY: forwards to talc's own implementation, as `TalcSyncCell` does.
unsafe impl GlobalAlloc for Counted {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        self.0.alloc(layout)
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        self.0.dealloc(ptr, layout)
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        self.0.realloc(ptr, layout, new_size)
    }
}

#[global_allocator]
static ALLOC: Counted = Counted(TalcCell::new(WasmGrowAndExtend::new()));

/// Allocations alive now.
#[wasm_bindgen]
pub fn heap_allocations() -> f64 {
    ALLOC.0.counters().allocation_count as f64
}

/// Bytes of the allocations alive now (as asked for, without the allocator's overhead).
#[wasm_bindgen]
pub fn heap_bytes() -> f64 {
    ALLOC.0.counters().allocated_bytes as f64
}

/// Allocations ever made: shows that the counters move at all.
#[wasm_bindgen]
pub fn heap_total_allocations() -> f64 {
    ALLOC.0.counters().total_allocation_count as f64
}

/// JS values the module holds (wasm-bindgen's table of externrefs): a `JsValue` or closure kept
/// on the Rust side.
#[wasm_bindgen]
pub fn heap_externrefs() -> f64 {
    wasm_bindgen::externref_heap_live_count() as f64
}
