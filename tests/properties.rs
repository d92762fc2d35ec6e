//! Property tests over the whole pipeline: feed text → parse → normalize →
//! layout → scene → SVG, at widths from 1 to 5000 px, for structurally
//! valid-ish feeds built from hostile pieces and for raw random bytes.
//! The invariants are in `tests/common/invariants.rs`.
//!
//! The cases are seeded (proptest's fixed default seed source is replaced by a
//! deterministic one), so a failure reproduces; `PROPTEST_CASES` raises the count.

mod common;

use common::invariants::check;
use proptest::prelude::*;
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
use serde_json::{json, Map, Value};

/// Strings that have broken renderers somewhere: markup, quotes, CJK, emoji,
/// combining marks, right-to-left text, control characters, empty and long.
fn nasty_string() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just(" ".to_string()),
        Just("<script>window.__pwned=1</script>".to_string()),
        Just("<img src=x onerror=\"window.__pwned=1\">".to_string()),
        Just("\"><svg onload=alert(1)>".to_string()),
        Just("javascript:alert(1)".to_string()),
        Just("'\"&amp;&lt;]]><!--".to_string()),
        Just("醴陵市".to_string()),
        Just("“百日攻坚”新建改建".to_string()),
        Just("👩‍👩‍👧‍👦🇨🇳🏳️‍🌈".to_string()),
        Just("e\u{301}\u{302}\u{303}".to_string()),
        Just("\u{202e}gnp.exe\u{200f}ערבית".to_string()),
        Just("tab\there\nnewline\r\u{0}\u{1}\u{7f}\u{feff}\u{fffe}".to_string()),
        Just("万".repeat(300)),
        Just("W".repeat(5000)),
        "\\PC{0,12}",
        "[a-z0-9 ]{0,20}",
        any::<String>(),
    ]
}

/// Numbers that stress scales and formatting: zero of both signs, the extremes
/// of f64, subnormals, near-ties and ordinary values.
fn nasty_number() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(json!(0)),
        Just(json!(-0.0)),
        Just(json!(1)),
        Just(json!(-1)),
        Just(json!(f64::MAX)),
        Just(json!(-f64::MAX)),
        Just(json!(f64::MIN_POSITIVE)),
        Just(json!(5e-324)),
        Just(json!(-5e-324)),
        Just(json!(1e300)),
        Just(json!(-1e300)),
        Just(json!(9_007_199_254_740_993u64)),
        Just(json!(u64::MAX)),
        Just(json!(i64::MIN)),
        Just(json!(0.1 + 0.2)),
        Just(json!(72500)),
        Just(json!(99_999.999_999_5)),
        Just(Value::Null),
        (-1e6f64..1e6).prop_map(|f| json!(f)),
        any::<f64>().prop_map(|f| if f.is_finite() { json!(f) } else { Value::Null }),
        any::<i64>().prop_map(|i| json!(i)),
    ]
}

/// A value of any JSON type, for fields that expect something else.
fn wrong_value() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        Just(json!(true)),
        Just(json!([])),
        Just(json!({})),
        Just(json!("12")),
        Just(json!([[1]])),
        nasty_number(),
        nasty_string().prop_map(Value::String),
    ]
}

fn kind() -> impl Strategy<Value = Value> {
    prop_oneof![
        4 => Just(json!("column")),
        4 => Just(json!("bar")),
        4 => Just(json!("progress")),
        2 => Just(json!("line")),
        2 => Just(json!("area")),
        2 => Just(json!("donut")),
        1 => Just(json!("pie")),
        1 => Just(json!("table")),
        1 => Just(json!("pie3d")),
        1 => wrong_value(),
    ]
}

/// Dates as feeds write them, some out of order, some not dates at all.
fn date_text() -> impl Strategy<Value = String> {
    prop_oneof![
        (1900u32..2100).prop_map(|y| y.to_string()),
        (1900u32..2100, 1u32..13).prop_map(|(y, m)| format!("{}-{:02}", y, m)),
        (1900u32..2100, 1u32..13, 1u32..29).prop_map(|(y, m, d)| format!("{}-{:02}-{:02}", y, m, d)),
        Just("0000-00-00".to_string()),
        Just("2023-02-30".to_string()),
        Just("99999-01-01".to_string()),
        nasty_string(),
    ]
}

/// The fields added to the format with the later kinds: date axes, stacking,
/// decimals and percentages, and annotations.
fn extras() -> impl Strategy<Value = Map<String, Value>> {
    (
        prop_oneof![Just(Value::Null), Just(json!("category")), Just(json!("date")), wrong_value()],
        proptest::option::of(any::<bool>()),
        proptest::option::of(prop_oneof![(0u32..8).prop_map(|d| json!(d)), wrong_value()]),
        proptest::option::of(any::<bool>()),
        proptest::collection::vec(
            (prop_oneof![Just("target"), Just("highlight"), Just("label"), Just("arrow")], nasty_number(), nasty_string(), nasty_string()),
            0..3,
        ),
    )
        .prop_map(|(x, stacked, decimals, percent, annotations)| {
            let mut m = Map::new();
            if !x.is_null() {
                m.insert("x".into(), x);
            }
            if let Some(b) = stacked {
                m.insert("stacked".into(), json!(b));
            }
            if let Some(d) = decimals {
                m.insert("decimals".into(), d);
            }
            if let Some(b) = percent {
                m.insert("percent".into(), json!(b));
            }
            if !annotations.is_empty() {
                let a: Vec<Value> = annotations.into_iter().map(|(ty, value, category, text)| json!({ "type": ty, "value": value, "category": category, "text": text })).collect();
                m.insert("annotations".into(), Value::Array(a));
            }
            m
        })
}

/// A dataset that is mostly well formed: categories and series of matching
/// length most of the time, with hostile strings and numbers everywhere.
fn dataset() -> impl Strategy<Value = Value> {
    (1usize..12, 1usize..5)
        .prop_flat_map(|(nc, ns)| {
            (
                kind(),
                nasty_string(),
                nasty_string(),
                nasty_string(),
                prop_oneof![
                    3 => proptest::collection::vec(prop_oneof![8 => nasty_string().prop_map(Value::String), 1 => nasty_number()], nc..=nc),
                    // all Chinese: narrow columns stack these one character a line
                    1 => proptest::collection::vec("[\u{4e00}-\u{9fff}]{1,9}".prop_map(Value::String), nc..=nc),
                    1 => proptest::collection::vec(date_text().prop_map(Value::String), nc..=nc),
                ],
                proptest::collection::vec(
                    (nasty_string(), proptest::collection::vec(nasty_number(), nc..=nc), proptest::option::of(prop_oneof![Just("#d55e00".to_string()), nasty_string()])),
                    ns..=ns,
                ),
                proptest::option::of((nasty_number(), nasty_string())),
                proptest::collection::vec(nasty_string(), 0..3),
                proptest::option::of((nasty_string(), proptest::option::of(prop_oneof![Just("https://example.com/a?b=<c>".to_string()), nasty_string()]))),
                prop_oneof![Just(json!("zh-CN")), Just(json!("en")), Just(Value::Null)],
                prop_oneof![Just(json!("cn")), Just(json!("full")), Just(json!("compact")), Just(Value::Null)],
                (any::<bool>(), 0u8..20, wrong_value(), extras()),
            )
        })
        .prop_map(|(kind, title, subtitle, unit, categories, series, target, notes, source, locale, style, (illustrative, mutate, junk, extras))| {
            let mut d = extras;
            d.insert("kind".into(), kind);
            d.insert("title".into(), Value::String(title));
            d.insert("subtitle".into(), Value::String(subtitle));
            d.insert("unit".into(), Value::String(unit));
            d.insert("categories".into(), Value::Array(categories));
            d.insert(
                "series".into(),
                Value::Array(
                    series
                        .into_iter()
                        .map(|(name, values, color)| {
                            let mut s = json!({ "name": name, "values": values });
                            if let Some(c) = color {
                                s["color"] = Value::String(c);
                            }
                            s
                        })
                        .collect(),
                ),
            );
            if let Some((value, label)) = target {
                d.insert("target".into(), json!({ "value": value, "label": label }));
            }
            d.insert("notes".into(), json!(notes));
            if let Some((text, url)) = source {
                d.insert("source".into(), json!({ "text": text, "url": url }));
            }
            d.insert("locale".into(), locale);
            d.insert("numberStyle".into(), style);
            d.insert("illustrative".into(), json!(illustrative));
            // now and then, break the structure: drop a field or give it the wrong type
            const FIELDS: [&str; 8] = ["kind", "title", "categories", "series", "target", "notes", "source", "unit"];
            if let Some(f) = FIELDS.get(mutate as usize) {
                if mutate % 2 == 0 {
                    d.remove(*f);
                } else {
                    d.insert((*f).into(), junk);
                }
            }
            Value::Object(d)
        })
}

fn feed_text() -> impl Strategy<Value = String> {
    (proptest::collection::vec(dataset(), 1..3), any::<bool>(), any::<bool>()).prop_map(|(datasets, pretty, bom)| {
        let v = json!({ "version": 1, "datasets": datasets });
        let mut s = if pretty { serde_json::to_string_pretty(&v).unwrap() } else { serde_json::to_string(&v).unwrap() };
        if bom {
            s.insert(0, '\u{feff}');
        }
        s
    })
}

fn width() -> impl Strategy<Value = f64> {
    prop_oneof![
        Just(1.0),
        Just(120.0),
        Just(280.0),
        Just(375.0),
        Just(5000.0),
        1.0f64..5000.0,
        (1u32..=5000).prop_map(f64::from),
    ]
}

fn height() -> impl Strategy<Value = Option<f64>> {
    prop_oneof![3 => Just(None), 1 => (1.0f64..3000.0).prop_map(Some), 1 => Just(Some(1.0))]
}

fn runner(cases: u32) -> TestRunner {
    let cases = std::env::var("PROPTEST_CASES").ok().and_then(|s| s.parse().ok()).unwrap_or(cases);
    let config = Config { cases, failure_persistence: None, ..Config::default() };
    // a fixed seed: the same cases on every run and every machine
    TestRunner::new_with_rng(config, TestRng::from_seed(RngAlgorithm::ChaCha, &[7; 32]))
}

#[test]
fn valid_ish_feeds_keep_every_invariant_at_every_width() {
    runner(600)
        .run(&(feed_text(), width(), height()), |(text, w, h)| {
            check(&text, w, h);
            Ok(())
        })
        .unwrap();
}

#[test]
fn raw_bytes_never_break_the_pipeline() {
    runner(600)
        .run(&(proptest::collection::vec(any::<u8>(), 0..512), width()), |(bytes, w)| {
            // what a browser does with bytes (invalid UTF-8 becomes U+FFFD) …
            check(&String::from_utf8_lossy(&bytes), w, None);
            // … and what the CLI does: reject them with a position, or read them
            if let Ok(s) = std::str::from_utf8(&bytes) {
                check(s, w, None);
            }
            Ok(())
        })
        .unwrap();
}

#[test]
fn json_shaped_noise_never_breaks_the_pipeline() {
    // valid JSON of any shape, so the fuzzing reaches normalize, not only the parser
    let leaf = prop_oneof![wrong_value(), nasty_number()];
    let tree = leaf.prop_recursive(4, 64, 6, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            proptest::collection::vec((prop_oneof![Just("version".to_string()), Just("datasets".to_string()), Just("kind".to_string()), Just("series".to_string()), Just("values".to_string()), Just("categories".to_string()), "[a-z]{1,6}"], inner), 0..6)
                .prop_map(|kv| Value::Object(kv.into_iter().collect())),
        ]
    });
    runner(400)
        .run(&(tree, width()), |(v, w)| {
            let mut v = v;
            if let Value::Object(o) = &mut v {
                o.insert("version".into(), json!(1));
            }
            check(&v.to_string(), w, None);
            Ok(())
        })
        .unwrap();
}
