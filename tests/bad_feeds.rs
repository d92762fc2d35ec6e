//! Bad input, in one table: every file in `tests/fixtures/bad/` and the inputs
//! too big to commit (generated here) gets its documented error, or a defined
//! rendering, within a bound on memory (and a generous one on time, against
//! hangs). The error that hits a limit names it (`max_bytes`, `max_points`).
//!
//! Bytes go through `feed::decode` as the CLI reads them; `Lossy` rows read
//! them as a browser's `Response.text()` does (invalid UTF-8 → U+FFFD).

mod common;

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::fs;
use std::time::{Duration, Instant};

use newschart::feed::{self, Severity};
use newschart::model::Dataset;
use newschart::normalize::{self, Limits, Normalized};
use newschart::scene::Scene;
use newschart::text::EstimateMeasure;
use newschart::theme::Theme;

// --- a per-thread allocation meter: each test runs on its own thread ----------------------

struct Meter;

thread_local! {
    static NOW: Cell<usize> = const { Cell::new(0) };
    static PEAK: Cell<usize> = const { Cell::new(0) };
}

fn grow(n: usize) {
    let _ = NOW.try_with(|c| {
        let v = c.get() + n;
        c.set(v);
        let _ = PEAK.try_with(|p| p.set(p.get().max(v)));
    });
}

fn shrink(n: usize) {
    let _ = NOW.try_with(|c| c.set(c.get().saturating_sub(n)));
}

unsafe impl GlobalAlloc for Meter {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        let p = System.alloc(l);
        if !p.is_null() {
            grow(l.size());
        }
        p
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        System.dealloc(p, l);
        shrink(l.size());
    }
    unsafe fn realloc(&self, p: *mut u8, l: Layout, new: usize) -> *mut u8 {
        let q = System.realloc(p, l, new);
        if !q.is_null() {
            shrink(l.size());
            grow(new);
        }
        q
    }
}

#[global_allocator]
static METER: Meter = Meter;

/// Runs `f` and returns its result with the peak of bytes it held at once.
fn metered<T>(f: impl FnOnce() -> T) -> (T, usize) {
    let base = NOW.with(Cell::get);
    PEAK.with(|p| p.set(base));
    let out = f();
    (out, PEAK.with(Cell::get) - base)
}

// --- the table ------------------------------------------------------------------------------

enum Src {
    /// A file in tests/fixtures/bad/, read as bytes like the CLI.
    File(&'static str),
    /// A file read as a browser reads it: invalid UTF-8 becomes U+FFFD.
    Lossy(&'static str),
    /// Made here: too big to commit.
    Made(&'static str, fn() -> Vec<u8>),
}

enum Want {
    /// Rejected; the first error is at this JSON path and its English message holds these words.
    Error(&'static str, &'static str),
    /// Drawn, with this defined rendering.
    Draws(fn(&Normalized, &Dataset, &Scene)),
}

struct Row {
    src: Src,
    want: Want,
    /// The limits read with (default: `Limits::default()`).
    limits: Option<Limits>,
}

const fn row(src: Src, want: Want) -> Row {
    Row { src, want, limits: None }
}

fn warnings(n: &Normalized) -> Vec<(&str, &str)> {
    n.problems.iter().filter(|p| p.severity == Severity::Warning).map(|p| (p.path.as_str(), p.en.as_str())).collect()
}

/// 10^6 categories in under 5 MiB: `""` labels and `0` values.
fn million_categories() -> Vec<u8> {
    let n = 1_000_000;
    let mut s = String::with_capacity(5 * n + 200);
    s.push_str(r#"{"version": 1, "datasets": [{"kind": "column", "title": "t", "categories": ["#);
    for i in 0..n {
        s.push_str(if i == 0 { "\"\"" } else { ",\"\"" });
    }
    s.push_str(r#"], "series": [{"name": "s", "values": ["#);
    for i in 0..n {
        s.push_str(if i == 0 { "0" } else { ",0" });
    }
    s.push_str("]}]}]}");
    s.into_bytes()
}

/// A 50 MB feed: one huge note.
fn fifty_megabytes() -> Vec<u8> {
    let mut s = String::from(r#"{"version": 1, "datasets": [{"kind": "column", "title": "t", "categories": ["a"], "series": [{"name": "s", "values": [1]}], "notes": [""#);
    s.push_str(&"x".repeat(50_000_000));
    s.push_str("\"]}]}");
    s.into_bytes()
}

fn nested_10000() -> Vec<u8> {
    format!(r#"{{"version": 1, "datasets": {}{}}}"#, "[".repeat(10_000), "]".repeat(10_000)).into_bytes()
}

fn table() -> Vec<Row> {
    use Src::*;
    use Want::*;
    vec![
        // syntax
        row(File("empty.json"), Error("", "the feed is empty")),
        row(File("malformed-single-quotes.json"), Error("", "not valid JSON: key must be a string")),
        row(File("syntax-trailing-comma.json"), Error("", "not valid JSON: trailing comma")),
        row(File("truncated.json"), Error("", "EOF while parsing")),
        row(File("nan.json"), Error("", "not valid JSON: expected value")),
        row(File("infinity.json"), Error("", "not valid JSON: expected value")),
        row(File("out-of-range.json"), Error("", "not valid JSON: number out of range")),
        row(Made("nested-10000-deep", nested_10000), Error("", "recursion limit exceeded")),
        // encodings
        row(
            File("bom.json"),
            Draws(|n, ds, _| {
                assert!(n.problems.is_empty(), "{:?}", n.problems);
                assert_eq!(ds.title, "t");
            }),
        ),
        row(File("invalid-utf8.json"), Error("", "not UTF-8 text: byte 88 (0xF5) is invalid")),
        row(
            Lossy("invalid-utf8.json"),
            Draws(|_, ds, s| {
                // what a browser shows: the bytes that are not UTF-8 as U+FFFD, the rest intact
                assert!(ds.categories[0].chars().all(|c| c == '\u{fffd}'), "{:?}", ds.categories[0]);
                assert_eq!(s.data[0].category, ds.categories[0]);
            }),
        ),
        // types
        row(File("wrong-types.json"), Error("datasets[0].title", "must be text, found a number")),
        row(File("string-for-number.json"), Error("datasets[0].series[0].values[1]", "found text \"7.25万\"")),
        row(File("missing-title.json"), Error("datasets[0]", "required field \"title\" is missing")),
        row(File("newer-version.json"), Error("version", "reads version 1 only")),
        row(File("many-problems.json"), Error("datasets[0].kind", "unknown chart kind \"pie3d\"")),
        // numbers
        row(
            File("negative-zero.json"),
            Draws(|_, ds, s| {
                // -0 is zero: drawn and written as 0, never "-0"
                assert_eq!(ds.series[0].values, [Some(0.0), Some(0.0)]);
                for d in &s.data {
                    assert!(d.value.is_sign_positive(), "{:?}", d.value);
                    assert_eq!(d.value_text, "0人");
                    assert_eq!(d.bar.h, 0.0);
                }
            }),
        ),
        row(File("target-zero.json"), Error("datasets[0].target.value", "greater than 0")),
        row(File("donut-negative.json"), Error("datasets[0].series[0].values[1]", "cannot have negative values")),
        // shapes
        row(File("empty-datasets.json"), Error("datasets", "needs at least one dataset")),
        row(File("empty-series.json"), Error("datasets[0].series", "at least one series")),
        row(File("empty-categories.json"), Error("datasets[0].categories", "at least one category")),
        row(File("empty-values.json"), Error("datasets[0].series[0].values", "has 0 values but there are 2 categories")),
        row(File("different-lengths.json"), Error("datasets[0].series[1].values", "has 2 values but there are 3 categories")),
        row(
            File("duplicate-keys.json"),
            Draws(|n, ds, _| {
                // JSON leaves duplicate keys undefined; serde_json, and so newschart, keeps the last
                assert!(n.problems.is_empty(), "{:?}", n.problems);
                assert_eq!(ds.title, "last");
                assert_eq!(ds.series[0].values, [Some(2.0)]);
            }),
        ),
        row(
            File("dates-out-of-order.json"),
            Draws(|n, _, s| {
                // a warning, and the line is drawn in time order
                assert_eq!(warnings(n), [("datasets[0].categories[1]", "date \"2021\" comes before the previous one; the chart draws lines in time order")]);
                let order: Vec<&str> = s.data.iter().map(|d| d.category.as_str()).collect();
                assert_eq!(order, ["2021", "2022", "2023"]);
                assert!(s.data.windows(2).all(|w| w[0].bar.x < w[1].bar.x));
            }),
        ),
        // limits
        row(Made("1000000-categories", million_categories), Error("datasets[0]", "too many data points: 1000000, the limit is 100000 (max_points)")),
        row(Made("50-megabytes", fifty_megabytes), Error("", "feed is too large: 50000140 bytes, the limit is 5242880 bytes (max_bytes)")),
        Row {
            src: File("different-lengths.json"),
            want: Error("", "feed is too large: 419 bytes, the limit is 100 bytes (max_bytes)"),
            limits: Some(Limits { max_bytes: 100, ..Limits::default() }),
        },
        Row {
            src: File("bom.json"),
            want: Error("datasets[0]", "too many data points: 2, the limit is 1 (max_points)"),
            limits: Some(Limits { max_points: 1, ..Limits::default() }),
        },
    ]
}

/// Memory a rejected or drawn feed may hold at once: its text plus this many times its size.
const MEMORY_FACTOR: usize = 40;
/// Against hangs and quadratic blow-ups, not a benchmark: debug builds on a busy machine.
const TIME_BOUND: Duration = Duration::from_secs(60);

#[test]
fn every_bad_feed_gets_its_documented_error_or_rendering() {
    let dir = "tests/fixtures/bad";
    let rows = table();
    // every fixture is in the table
    for entry in fs::read_dir(dir).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        let listed = rows.iter().any(|r| matches!(r.src, Src::File(f) | Src::Lossy(f) if f == name));
        assert!(listed, "tests/fixtures/bad/{} is not in the table", name);
    }
    for r in &rows {
        let (name, bytes) = match &r.src {
            Src::File(f) | Src::Lossy(f) => (f.to_string(), fs::read(format!("{}/{}", dir, f)).unwrap()),
            Src::Made(name, make) => (name.to_string(), make()),
        };
        let limits = r.limits.unwrap_or_default();
        let t0 = Instant::now();
        let (outcome, peak) = metered(|| {
            let text = match &r.src {
                Src::Lossy(_) => String::from_utf8_lossy(&bytes).into_owned(),
                _ => match feed::decode(&bytes) {
                    Ok(t) => t.to_string(),
                    Err(p) => return Err(vec![p]),
                },
            };
            let n = normalize::read(&text, limits);
            match &n.feed {
                None => Err(n.problems),
                Some(f) => {
                    let ds = f.datasets[0].clone();
                    let scene = newschart::marks::build(&ds, 640.0, 400.0, &EstimateMeasure, &Theme::default());
                    Ok((text, n, ds, scene))
                }
            }
        });
        let took = t0.elapsed();
        assert!(took < TIME_BOUND, "{}: took {:?}", name, took);
        let bound = bytes.len() * (MEMORY_FACTOR + 1) + (1 << 20);
        assert!(peak <= bound, "{}: held {} bytes at once for {} bytes of feed (bound {})", name, peak, bytes.len(), bound);
        match (&r.want, outcome) {
            (Want::Error(path, words), Err(problems)) => {
                let first = problems.iter().find(|p| p.severity == Severity::Error).unwrap_or_else(|| panic!("{}: no error in {:?}", name, problems));
                assert_eq!(first.path, *path, "{}: {:?}", name, first);
                assert!(first.en.contains(words), "{}: {:?} lacks {:?}", name, first.en, words);
                assert!(!first.zh.is_empty(), "{}: no Chinese message", name);
            }
            (Want::Draws(check), Ok((text, n, ds, scene))) => {
                check(&n, &ds, &scene);
                common::invariants::check_scene(&text, 0, &ds, &scene);
            }
            (Want::Error(..), Ok(_)) => panic!("{}: drawn, but should be rejected", name),
            (Want::Draws(_), Err(p)) => panic!("{}: rejected, but should be drawn: {:?}", name, p),
        }
    }
}

/// The invalid byte is located by line and column too, as every problem is.
#[test]
fn invalid_utf8_names_its_line_and_column() {
    let bytes = fs::read("tests/fixtures/bad/invalid-utf8.json").unwrap();
    let p = feed::decode(&bytes).unwrap_err();
    assert_eq!((p.line, p.column), (4, 54), "{:?}", p);
    assert!(p.zh.contains("UTF-8"), "{}", p.zh);
    assert_eq!(feed::decode(b"{}").unwrap(), "{}");
}

/// The CLI reads bytes: it says the file is not UTF-8, where, and what to do.
#[test]
fn the_cli_says_a_feed_is_not_utf8() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_newschart")).args(["validate", "tests/fixtures/bad/invalid-utf8.json"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("tests/fixtures/bad/invalid-utf8.json:4:54: error: not UTF-8 text: byte 88 (0xF5) is invalid; save the file as UTF-8"), "{}", err);
}
