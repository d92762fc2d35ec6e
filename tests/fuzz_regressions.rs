//! Every input that once broke an invariant, kept as a test: the minimal
//! cases the property tests shrank to (named below) and every crash file the
//! cargo-fuzz target found (`tests/fixtures/fuzz/`, copied from
//! `fuzz/artifacts/pipeline/`), each run through all the invariants of
//! `tests/common/invariants.rs` at several widths. Also what keeps the fuzz stage
//! repeatable: its nightly is the pinned one, and its committed corpus holds every
//! example feed and keeps every invariant.

mod common;

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

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
        let Some((width, text)) = fuzz_input(&fs::read(&path).unwrap()) else { continue };
        check(&text, width, None);
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

/// The fuzz stage's inputs, read as the target reads them: two bytes of width
/// (1 to 5000 px), then the feed's bytes as a browser decodes them.
fn fuzz_input(bytes: &[u8]) -> Option<(f64, String)> {
    let (w, feed) = bytes.split_first_chunk::<2>()?;
    Some((1.0 + f64::from(u16::from_le_bytes(*w) % 5000), String::from_utf8_lossy(feed).into_owned()))
}

const CORPUS: &str = "fuzz/corpus/pipeline";
/// scripts/fuzz.sh's -max_len: libFuzzer cuts longer inputs short.
const MAX_LEN: usize = 4096;

/// The nightly `cd fuzz && cargo fuzz` runs on (fuzz/rust-toolchain.toml) is the
/// one scripts/setup.sh installs and builds the readers' modules with.
#[test]
fn the_fuzz_toolchain_is_the_pinned_nightly() {
    let value = |file: &str, key: &str| -> String {
        let text = fs::read_to_string(file).unwrap();
        let line = text.lines().find(|l| l.trim_start().starts_with(key)).unwrap_or_else(|| panic!("no {} in {}", key, file));
        line.split_once('=').unwrap().1.trim().trim_matches('"').to_string()
    };
    let toolchain = value("fuzz/rust-toolchain.toml", "channel");
    let setup = value("scripts/setup.sh", "NEWSCHART_NIGHTLY=");
    assert!(setup.starts_with("nightly-20"), "scripts/setup.sh pins {:?}, not a dated nightly", setup);
    assert_eq!(toolchain, setup, "fuzz/rust-toolchain.toml and NEWSCHART_NIGHTLY in scripts/setup.sh name different nightlies");
}

/// Every key path of a JSON value, array indices left out: the feed's shape.
fn shape(v: &serde_json::Value, at: &str, out: &mut BTreeSet<String>) {
    match v {
        serde_json::Value::Object(m) => m.iter().for_each(|(k, v)| {
            out.insert(format!("{}/{}", at, k));
            shape(v, &format!("{}/{}", at, k), out);
        }),
        serde_json::Value::Array(a) => a.iter().for_each(|v| shape(v, &format!("{}/*", at), out)),
        _ => {}
    }
}

/// The committed corpus starts the fuzzer from every example feed: each
/// `www/examples/NAME.json` and `www/feeds/NAME.json` is `fuzz/corpus/pipeline/NAME`,
/// byte for byte, or, when longer than libFuzzer's -max_len, shortened to the
/// same shape (the same key paths). Every input fits -max_len.
#[test]
fn the_fuzz_corpus_holds_every_example_feed() {
    let mut n = 0;
    for dir in ["www/examples", "www/feeds"] {
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_none_or(|x| x != "json") {
                continue;
            }
            let stem = path.file_stem().unwrap().to_str().unwrap();
            let feed = fs::read(&path).unwrap();
            let input = Path::new(CORPUS).join(stem);
            let bytes = fs::read(&input).unwrap_or_else(|e| panic!("{}: no {} ({}): add it with its width", path.display(), input.display(), e));
            let kept = &bytes[2..];
            if feed.len() <= MAX_LEN {
                assert!(kept == feed.as_slice(), "{} differs from {}", input.display(), path.display());
            } else {
                let (mut want, mut got) = (BTreeSet::new(), BTreeSet::new());
                shape(&serde_json::from_slice(&feed).unwrap(), "", &mut want);
                shape(&serde_json::from_slice(kept).unwrap(), "", &mut got);
                assert_eq!(got, want, "{} is not {} shortened: other keys", input.display(), path.display());
            }
            n += 1;
        }
    }
    assert!(n >= 14, "{} example feeds", n);
    for entry in fs::read_dir(CORPUS).unwrap() {
        let path = entry.unwrap().path();
        let len = fs::metadata(&path).unwrap().len() as usize;
        assert!(len <= MAX_LEN, "{}: {} bytes, over -max_len {}", path.display(), len, MAX_LEN);
    }
}

/// Every committed corpus input keeps every invariant (the fuzz stage starts
/// with them; here a failure names the file).
#[test]
fn the_fuzz_corpus_keeps_every_invariant() {
    let mut n = 0;
    for entry in fs::read_dir(CORPUS).unwrap() {
        let path = entry.unwrap().path();
        let (width, text) = fuzz_input(&fs::read(&path).unwrap()).unwrap_or_else(|| panic!("{}: shorter than its width", path.display()));
        let outcome = std::panic::catch_unwind(|| check(&text, width, None));
        assert!(outcome.is_ok(), "the corpus input {} breaks an invariant (message above)", path.display());
        n += 1;
    }
    assert!(n >= 30, "{} corpus inputs", n);
}
