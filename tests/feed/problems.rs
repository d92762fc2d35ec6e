//! Feed parsing and validation: every problem in one pass, each with its JSON
//! path, line and column, in Chinese and English.

use std::fs;

use newschart::feed::Severity;
use newschart::model::Kind;
use newschart::normalize::{read, Limits};

fn errors(text: &str) -> Vec<(String, u32, u32, String)> {
    let n = read(text, Limits::default());
    assert!(n.feed.is_none(), "expected the feed to be rejected");
    n.errors().map(|p| (p.path.clone(), p.line, p.column, p.en.clone())).collect()
}

fn fixture(name: &str) -> String {
    fs::read_to_string(format!("tests/fixtures/bad/{}", name)).unwrap()
}

/// The table of bad feeds: file, then (path, line, column, words the English message must contain).
#[test]
fn bad_feeds_give_their_documented_errors() {
    let table: &[(&str, &[(&str, u32, u32, &str)])] = &[
        ("syntax-trailing-comma.json", &[("", 4, 110, "not valid JSON: trailing comma")]),
        ("missing-title.json", &[("datasets[0]", 4, 5, "required field \"title\" is missing")]),
        ("string-for-number.json", &[("datasets[0].series[0].values[1]", 8, 47, "found text \"7.25万\"")]),
        ("newer-version.json", &[("version", 1, 14, "reads version 1 only")]),
        (
            "many-problems.json",
            &[
                ("datasets[0].kind", 5, 15, "unknown chart kind \"pie3d\""),
                ("datasets[0].series[0].values", 8, 43, "has 1 values but there are 2 categories"),
                ("datasets[0].source.url", 9, 39, "only http:// and https://"),
            ],
        ),
        ("target-zero.json", &[("datasets[0].target.value", 9, 28, "greater than 0")]),
        ("empty.json", &[("", 0, 0, "the feed is empty")]),
        ("truncated.json", &[("", 1, 124, "EOF while parsing")]),
    ];
    for (file, want) in table {
        let got = errors(&fixture(file));
        assert_eq!(got.len(), want.len(), "{}: {:?}", file, got);
        for ((path, line, col, msg), (wpath, wline, wcol, wmsg)) in got.iter().zip(want.iter()) {
            assert_eq!(path, wpath, "{}", file);
            assert_eq!((*line, *col), (*wline, *wcol), "{}: {} at {}", file, msg, path);
            assert!(msg.contains(wmsg), "{}: {:?} lacks {:?}", file, msg, wmsg);
        }
    }
}

#[test]
fn every_problem_has_a_chinese_message_too() {
    let n = read(&fixture("many-problems.json"), Limits::default());
    assert!(n.problems.len() >= 3);
    for p in &n.problems {
        assert!(p.zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)), "{:?}", p.zh);
    }
    let d = n.problems[0].describe(true);
    assert!(d.starts_with("datasets[0].kind（第5行，第15列）："), "{}", d);
}

#[test]
fn the_example_feeds_read_cleanly_with_their_numbers() {
    for (file, kind, first) in [
        ("www/feeds/employment.json", Kind::Progress, 72500.0),
        ("www/feeds/toilets.json", Kind::Bar, 1_960_000.0),
        ("www/feeds/hamlets.json", Kind::Column, 28_000_000.0),
    ] {
        let n = read(&fs::read_to_string(file).unwrap(), Limits::default());
        assert!(n.problems.is_empty(), "{}: {:?}", file, n.problems);
        let feed = n.feed.unwrap();
        assert_eq!(feed.version, 1);
        let ds = &feed.datasets[0];
        assert_eq!(ds.kind, kind);
        assert_eq!(ds.series[0].values[0], Some(first));
    }
}

#[test]
fn the_illustrative_breakdown_is_flagged_and_sums_to_the_reported_total() {
    let n = read(&fs::read_to_string("www/feeds/hamlets.json").unwrap(), Limits::default());
    let ds = &n.feed.unwrap().datasets[0];
    assert!(ds.illustrative);
    let total: f64 = ds.series[0].values.iter().flatten().sum();
    assert_eq!(total, 150_000_000.0);
}

#[test]
fn unknown_fields_warn_but_do_not_fail() {
    let text = r#"{"version": 1, "colour": "red", "datasets": [{"kind": "bar", "title": "t", "categories": ["a"], "series": [{"name": "s", "values": [1], "extra": 1}]}]}"#;
    let n = read(text, Limits::default());
    assert!(n.feed.is_some());
    let warnings: Vec<_> = n.problems.iter().filter(|p| p.severity == Severity::Warning).map(|p| p.path.as_str()).collect();
    assert_eq!(warnings, ["colour", "datasets[0].series[0].extra"]);
}

#[test]
fn null_is_a_gap_not_a_zero() {
    let text = r#"{"version": 1, "datasets": [{"kind": "column", "title": "t", "categories": ["a", "b"], "series": [{"name": "s", "values": [null, 3]}]}]}"#;
    let feed = read(text, Limits::default()).feed.unwrap();
    assert_eq!(feed.datasets[0].series[0].values, vec![None, Some(3.0)]);
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let text = "\u{feff}{\"version\": 1, \"datasets\": [{\"kind\": \"bar\", \"title\": \"t\", \"categories\": [\"a\"], \"series\": [{\"name\": \"s\", \"values\": [1]}]}]}";
    assert!(read(text, Limits::default()).feed.is_some());
}

#[test]
fn limits_are_named_when_hit() {
    let text = r#"{"version": 1, "datasets": [{"kind": "column", "title": "t", "categories": ["a", "b", "c"], "series": [{"name": "s", "values": [1, 2, 3]}]}]}"#;
    let n = read(text, Limits { max_bytes: 10, max_points: 100 });
    assert!(n.problems[0].en.contains("max_bytes"), "{:?}", n.problems);
    let n = read(text, Limits { max_bytes: 1 << 20, max_points: 2 });
    assert!(n.problems[0].en.contains("max_points"), "{:?}", n.problems);
}

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    let text = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    let n = read(&text, Limits::default());
    assert!(n.feed.is_none());
    assert!(n.problems[0].en.contains("recursion limit"), "{:?}", n.problems[0]);
}

#[test]
fn duplicate_dataset_ids_are_reported() {
    let ds = r#"{"id": "x", "kind": "bar", "title": "t", "categories": ["a"], "series": [{"name": "s", "values": [1]}]}"#;
    let text = format!(r#"{{"version": 1, "datasets": [{}, {}]}}"#, ds, ds);
    let errs = errors(&text);
    assert_eq!(errs[0].0, "datasets[1].id");
}
