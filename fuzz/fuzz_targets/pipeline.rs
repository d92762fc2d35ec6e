//! Fuzzes the whole pipeline: feed text → parse → normalize → layout → scene → SVG.
//!
//! Input: two bytes of width (1–5000 px, little endian), then the feed's bytes,
//! read as a browser reads them (invalid UTF-8 becomes U+FFFD). Every invariant
//! of `tests/common/invariants.rs` is checked; a violation panics, which
//! libFuzzer reports as a crash and saves under `fuzz/artifacts/pipeline/`.
//! Copy such a file into `tests/fixtures/fuzz/` to keep it as a regression test.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/common/invariants.rs"]
mod invariants;

fuzz_target!(|data: &[u8]| {
    let Some((w, feed)) = data.split_first_chunk::<2>() else { return };
    let width = 1.0 + f64::from(u16::from_le_bytes(*w) % 5000);
    let text = String::from_utf8_lossy(feed);
    invariants::check(&text, width, None);
});
