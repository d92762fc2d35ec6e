//! Every input that once broke an invariant, kept as a test: the minimal
//! cases the property tests shrank to (named below) and every crash file the
//! cargo-fuzz target found (`tests/fixtures/fuzz/`, copied from
//! `fuzz/artifacts/pipeline/`), each run through all the invariants of
//! `tests/common/invariants.rs` at several widths.

mod common;

use std::fs;

use common::invariants::check;
use newschart::scale::ticks::nice_ticks;

const WIDTHS: [f64; 5] = [1.0, 120.0, 375.0, 1200.0, 5000.0];

fn column(values: &str, categories: &str) -> String {
    format!(r#"{{"version": 1, "datasets": [{{"kind": "column", "title": "t", "categories": {}, "series": [{{"name": "s", "values": {}}}]}}]}}"#, categories, values)
}

fn all_widths(text: &str, height: Option<f64>) {
    for w in WIDTHS {
        check(text, w, height);
    }
}

/// A subnormal value made the tick step underflow to 0: `hi / 0` ticks, a
/// capacity overflow (a panic, in wasm a trap that kills every chart).
#[test]
fn subnormal_values_have_ticks() {
    all_widths(&column("[2.2250738585072014e-308]", r#"["a"]"#), None);
    let (lo, hi, ticks) = nice_ticks(0.0, 2.2250738585072014e-308, 5);
    assert!(ticks.len() <= 100 && lo <= 0.0 && hi >= 2.2250738585072014e-308, "{:?}", ticks);
}

/// The smallest subnormal divided by the tick count is 0, whose log10 is -inf:
/// `-(i32::MIN)` overflowed.
#[test]
fn the_smallest_subnormal_has_ticks() {
    all_widths(&column("[5e-324]", r#"["a"]"#), None);
    all_widths(&column("[-5e-324, 0]", r#"["a", "b"]"#), None);
}

/// f64::MAX writes a 22-character tick label that pushed the plot past the
/// right edge of a narrow column chart.
#[test]
fn the_largest_value_stays_in_the_box() {
    all_widths(&column("[1.7976931348623157e308]", r#"["a"]"#), None);
    // a span wider than f64: -MAX to MAX
    all_widths(&column("[-1.7976931348623157e308, 1.7976931348623157e308]", r#"["a", "b"]"#), None);
    let (lo, hi, ticks) = nice_ticks(-f64::MAX, f64::MAX, 5);
    assert!(lo.is_finite() && hi.is_finite() && ticks.iter().all(|t| t.is_finite()));
}

/// The same on a line chart, whose axis reached f64::MAX through a target annotation.
#[test]
fn a_huge_annotation_keeps_a_line_chart_in_the_box() {
    let text = r#"{"version": 1, "datasets": [{"kind": "line", "title": "t", "categories": [""], "series": [{"name": "", "values": [0]}], "annotations": [{"type": "target", "value": 1.7976931348623157e308, "text": ""}]}]}"#;
    all_widths(text, None);
}

/// NUL and other C0 controls in a label made SVG that no XML parser reads.
#[test]
fn control_characters_leave_the_svg_well_formed() {
    all_widths(&column("[0]", r#"["tab\there\nnewline\r\u0000\u0001\u007f\ufeff\ufffe"]"#), None);
}

/// Chinese labels stacked one character a line ran below a short chart.
#[test]
fn stacked_labels_fit_a_short_chart() {
    all_widths(&column("[0, 0, 1e300]", r#"["一一一一一一一一", "一", "一"]"#), Some(1.0));
    all_widths(&column("[1, 2, 3, 4, 5, 6]", r#"["醴陵市茶陵县炎", "攸县", "醴陵市茶陵县炎", "攸县", "醴陵市茶陵县炎", "攸县"]"#), Some(100.0));
}

/// Crash files from `cargo fuzz`, read as the fuzz target reads them: two bytes
/// of width, then the feed's bytes as a browser decodes them. Each is checked at
/// its own width and at the usual ones.
#[test]
fn fuzz_crash_files_keep_every_invariant() {
    let mut n = 0;
    for entry in fs::read_dir("tests/fixtures/fuzz").unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some() {
            continue; // the README
        }
        let bytes = fs::read(&path).unwrap();
        let Some((w, feed)) = bytes.split_first_chunk::<2>() else { continue };
        let text = String::from_utf8_lossy(feed);
        check(&text, 1.0 + f64::from(u16::from_le_bytes(*w) % 5000), None);
        for w in WIDTHS {
            check(&text, w, None);
        }
        n += 1;
    }
    assert!(n >= 1, "no crash file checked");
}

/// The first crash the fuzz stage found was in the test's own oracle: a label
/// "\r>…" after plotters' "\n" reads back from the SVG as "\r>…" in one XML
/// parser and "\n>…" by the rule; line ends are now compared as XML defines them.
#[test]
fn a_carriage_return_after_markup_reads_back() {
    let text = r#"{"version": 1, "datasets": [{"kind": "bar", "title": "t", "categories": ["\r><svg onload=alert(1)>", "&amp;"], "series": [{"name": "s", "values": [0, -2]}], "unit": "<b>"}]}"#;
    all_widths(text, None);
}
