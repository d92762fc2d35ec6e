//! The feed's own JSON parser (`feed::json`) against serde_json, which it replaced
//! in the wasm module: the same values, and for broken text the same message,
//! line and column, on every fixture and on many mutations of them. And the
//! shortest float digits (`format::shortest`) against `core::fmt`.

use std::fs;
use std::path::Path;

use newschart::digits;
use newschart::feed::json::{self, Number, Value};
use newschart::format::shortest;
use proptest::prelude::*;
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};

/// Our value as serde_json's, numbers compared by kind and bits.
fn same(a: &Value, b: &serde_json::Value) -> bool {
    match (a, b) {
        (Value::Null, serde_json::Value::Null) => true,
        (Value::Bool(x), serde_json::Value::Bool(y)) => x == y,
        (Value::Number(n), serde_json::Value::Number(m)) => match *n {
            Number::PosInt(x) => m.as_u64() == Some(x),
            Number::NegInt(x) => m.as_i64() == Some(x) && m.as_u64().is_none(),
            Number::Float(x) => m.is_f64() && m.as_f64().map(f64::to_bits) == Some(x.to_bits()),
        },
        (Value::String(x), serde_json::Value::String(y)) => x == y,
        (Value::Array(x), serde_json::Value::Array(y)) => x.len() == y.len() && x.iter().zip(y).all(|(a, b)| same(a, b)),
        (Value::Object(x), serde_json::Value::Object(y)) => {
            x.len() == y.len() && x.iter().zip(y.iter()).all(|((ka, va), (kb, vb))| ka == kb && same(va, vb))
        }
        _ => false,
    }
}

/// Checks one text; returns a description of the difference, if any.
fn differ(text: &str) -> Option<String> {
    let ours = json::parse(text);
    let theirs = serde_json::from_str::<serde_json::Value>(text);
    match (&ours, &theirs) {
        (Ok(a), Ok(b)) if same(a, b) => None,
        (Err(a), Err(b)) => {
            let msg = b.to_string();
            let msg = msg.rsplit_once(" at line ").map_or(msg.as_str(), |(m, _)| m).to_string();
            let eof = b.classify() == serde_json::error::Category::Eof;
            if a.message == msg && a.line == b.line() && a.column == b.column() && a.eof == eof {
                None
            } else {
                Some(format!("ours {:?}, serde_json {:?} ({}:{})", a, msg, b.line(), b.column()))
            }
        }
        _ => Some(format!("ours {:?}, serde_json {:?}", ours.map(|v| v.to_string()), theirs.map(|v| v.to_string()))),
    }
}

fn fixtures() -> Vec<String> {
    let mut out = Vec::new();
    for dir in ["tests/fixtures", "tests/fixtures/bad", "www/feeds", "www/examples", "fuzz/corpus/pipeline"] {
        let Ok(rd) = fs::read_dir(dir) else { continue };
        let mut paths: Vec<_> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        for p in paths {
            if let Some(t) = fs::read(&p).ok().and_then(|b| String::from_utf8(b).ok()) {
                out.push(t);
            }
        }
    }
    assert!(out.len() > 10, "fixtures not found; run from the crate root");
    out
}

#[test]
fn every_fixture_reads_as_serde_json_reads_it() {
    for t in fixtures() {
        if let Some(d) = differ(&t) {
            panic!("{}\n--- text:\n{}", d, t.chars().take(400).collect::<String>());
        }
    }
}

#[test]
fn powers_of_ten_are_the_literals_correctly_rounded() {
    // twice: the first call works each power out, the second reads it back
    for _ in 0..2 {
        for e in 0..=308u32 {
            let want: f64 = format!("1e{e}").parse().unwrap();
            assert_eq!(digits::pow10(e).to_bits(), want.to_bits(), "10^{e}");
        }
    }
}

#[test]
fn numbers_with_exponents_past_22_read_as_serde_json_reads_them() {
    let mut runner = TestRunner::new_with_rng(Config { cases: 20000, failure_persistence: None, ..Config::default() }, TestRng::from_seed(RngAlgorithm::ChaCha, &[4; 32]));
    runner
        .run(&(1u64..10_000_000_000_000_000, -330i32..=310), |(sig, exp)| {
            let text = format!("[{sig}e{exp}, -{sig}.5e{exp}]");
            prop_assert_eq!(differ(&text), None, "{}", text);
            Ok(())
        })
        .unwrap();
}

#[test]
fn hand_picked_edges() {
    let cases = [
        "", " ", "n", "nul", "nulx", "tru", "falsy", "-", "-x", "01", "1.", "1.x", "1e", "1e+", "1ex", ".5", "+1",
        "-0", "-0.0", "0e0", "1e-400", "1e400", "-1e400", "0e999999999999", "1e99999999999", "1e-99999999999",
        "18446744073709551615", "18446744073709551616", "-9223372036854775808", "-9223372036854775809",
        "123456789012345678901234567890", "1234567890123456789012.5e3", "0.1234567890123456789012345", "2.2250738585072014e-308",
        "4.9e-324", "1.7976931348623157e308", "1.7976931348623159e308", "[", "[1", "[1,", "[1,]", "[1 2]", "[,1]", "[]", "[ ]",
        "{", "{\"a\"", "{\"a\":", "{\"a\":1", "{\"a\":1,", "{\"a\":1,}", "{\"a\" 1}", "{a:1}", "{'a':1}", "{\"a\":1 \"b\":2}",
        "{,}", "{}", "{\"b\":1,\"a\":2,\"b\":3}", "\"", "\"abc", "\"a\\", "\"a\\x\"", "\"\\u12\"", "\"\\u12g4\"", "\"\\ud800\"",
        "\"\\ud800\\u0041\"", "\"\\ud800x\"", "\"\\ud800\\x\"", "\"\\udc00\"", "\"\\ud83d\\ude00\"", "\"tab\there\"", "\"a\u{1}b\"",
        "\"\\/\\b\\f\\n\\r\\t\\\"\\\\\"", "1 2", "{} x", "[]]", "\n\n  [\n1,\n2,\n]", "\u{feff}1", "[NaN]", "[Infinity]",
        "\"中文\"", "[\"中文\", 1,]", "{\"中\":\"文\"", "1.5e308", "1.5e-320", "-1.5e-320", "9.999999999999999e22",
    ];
    for t in cases {
        if let Some(d) = differ(t) {
            panic!("{:?}: {}", t, d);
        }
    }
    let deep = "[".repeat(127) + &"]".repeat(127);
    assert_eq!(differ(&deep), None);
    let deeper = "[".repeat(128) + &"]".repeat(128);
    assert_eq!(differ(&deeper), None);
    assert_eq!(differ(&format!("{}1{}", "{\"a\":[".repeat(70), "]}".repeat(70))), None);
}

/// Mutations of the fixtures: truncations and single-byte edits of the characters
/// JSON cares about, each compared with serde_json.
#[test]
fn mutated_fixtures_read_as_serde_json_reads_them() {
    const BYTES: &[u8] = b"{}[],:\"\\0123456789eE.-+ \n\tntfu/";
    let texts = fixtures();
    let mut runner = TestRunner::new_with_rng(Config { cases: 3000, failure_persistence: None, ..Config::default() }, TestRng::from_seed(RngAlgorithm::ChaCha, &[7; 32]));
    let strategy = (0..texts.len(), any::<prop::sample::Index>(), 0..BYTES.len(), 0u8..3);
    runner
        .run(&strategy, |(ti, at, bi, op)| {
            let t = &texts[ti];
            let mut b = t.as_bytes().to_vec();
            let mut i = at.index(b.len() + 1);
            while i < b.len() && !t.is_char_boundary(i) {
                i += 1;
            }
            match op {
                0 => b.truncate(i),
                1 if i < b.len() && b[i].is_ascii() => {
                    b.remove(i);
                }
                _ => b.insert(i, BYTES[bi]),
            }
            if let Ok(s) = String::from_utf8(b) {
                prop_assert_eq!(differ(&s), None, "{:?}", s.chars().take(300).collect::<String>());
            }
            Ok(())
        })
        .unwrap();
}

#[test]
fn numbers_read_as_serde_json_reads_them() {
    let mut runner = TestRunner::new_with_rng(Config { cases: 20000, failure_persistence: None, ..Config::default() }, TestRng::from_seed(RngAlgorithm::ChaCha, &[3; 32]));
    let strategy = ("-?(0|[1-9][0-9]{0,24})(\\.[0-9]{1,24})?([eE][-+]?[0-9]{1,4})?", any::<f64>());
    runner
        .run(&strategy, |(text, f)| {
            prop_assert_eq!(differ(&text), None, "{}", text);
            if f.is_finite() {
                let t = serde_json::to_string(&f).unwrap();
                prop_assert_eq!(differ(&t), None, "{}", t);
            }
            Ok(())
        })
        .unwrap();
}

#[test]
fn shortest_digits_are_core_fmt_digits() {
    let mut runner = TestRunner::new_with_rng(Config { cases: 50000, failure_persistence: None, ..Config::default() }, TestRng::from_seed(RngAlgorithm::ChaCha, &[5; 32]));
    runner
        .run(&(any::<u64>(), -30i32..30), |(bits, scale)| {
            let v = f64::from_bits(bits);
            if v.is_finite() {
                prop_assert_eq!(digits::lower_exp(v), format!("{:e}", v));
                // numbers of everyday size too: the random bits above are mostly huge or tiny
                let w = (bits >> 11) as f64 / (1u64 << 20) as f64 * 10f64.powi(scale);
                prop_assert_eq!(digits::lower_exp(w), format!("{:e}", w));
            }
            Ok(())
        })
        .unwrap();
    // values with few decimals, as feeds and CSS px boxes have them (the bignum-free path)
    let mut runner = TestRunner::new_with_rng(Config { cases: 50000, failure_persistence: None, ..Config::default() }, TestRng::from_seed(RngAlgorithm::ChaCha, &[6; 32]));
    runner
        .run(&(0u64..1u64 << 53, 0u32..50, 0i32..7), |(n, shift, p)| {
            let v = (n >> shift) as f64 / 10f64.powi(p);
            prop_assert_eq!(digits::lower_exp(v), format!("{:e}", v));
            let mut json = String::new();
            shortest::push_json(&mut json, v);
            prop_assert_eq!(json.parse::<f64>().unwrap(), v);
            Ok(())
        })
        .unwrap();
    for v in [0.0, -0.0, 1.0, 0.1, 0.3, 1e30, 0.0001, 0.00015, 1e-4 * 3.0, 899_999_999_999.9999, 0.1 + 0.2, 1.005, 123.45, 1.5e30, f64::MAX, f64::MIN_POSITIVE, 5e-324, 2.2250738585072009e-308, 9007199254740993.0] {
        assert_eq!(digits::lower_exp(v), format!("{:e}", v));
    }
}

#[test]
fn json_numbers_read_back_exactly_and_match_serde_json_text() {
    let mut runner = TestRunner::new_with_rng(Config { cases: 20000, failure_persistence: None, ..Config::default() }, TestRng::from_seed(RngAlgorithm::ChaCha, &[9; 32]));
    runner
        .run(&any::<f64>(), |v| {
            if v.is_finite() {
                let mut s = String::new();
                json::push_f64(&mut s, v);
                prop_assert_eq!(s.parse::<f64>().map(f64::to_bits), Ok(v.to_bits()), "{}", s);
                let theirs = serde_json::to_string(&v).unwrap();
                // serde_json's writer sometimes picks another 17th digit of the same length
                prop_assert!(s == theirs || s.len() == theirs.len(), "{} vs {}", s, theirs);
            }
            Ok(())
        })
        .unwrap();
    let mut s = String::new();
    for v in [0.0, -0.0, 1.0, 100.0, 1e15, 1e16, 0.00001, 1e-6, 2019.5, -2.5e-7, 1e21, 5e-324] {
        s.clear();
        json::push_f64(&mut s, v);
        assert_eq!(s, serde_json::to_string(&v).unwrap());
    }
    s.clear();
    json::push_f64(&mut s, f64::NAN);
    assert_eq!(s, "null");
}

#[test]
fn written_values_read_back() {
    for t in fixtures() {
        if let Ok(v) = json::parse(&t) {
            let out = v.to_string();
            let theirs: serde_json::Value = serde_json::from_str(&t).unwrap();
            assert_eq!(json::parse(&out).unwrap(), v);
            assert!(same(&json::parse(&out).unwrap(), &theirs));
        }
    }
    let mut s = String::new();
    json::push_str(&mut s, "a\"b\\c\n\u{1}\u{1f}中/");
    assert_eq!(s, serde_json::to_string("a\"b\\c\n\u{1}\u{1f}中/").unwrap());
}

#[test]
fn duplicate_keys_keep_the_last_and_keys_are_sorted() {
    let v = json::parse("{\"b\":1,\"a\":2,\"b\":3}").unwrap();
    let m = v.as_object().unwrap();
    assert_eq!(m.keys().map(String::as_str).collect::<Vec<_>>(), ["a", "b"]);
    assert_eq!(m.get("b"), Some(&Value::Number(Number::PosInt(3))));
    assert!(Path::new("tests/fixtures/bad/duplicate-keys.json").exists());
}

#[test]
fn the_parser_keeps_where_each_value_starts() {
    let text = "\u{feff} {\"a\": [1,\n  {\"b\" :  \"x\"}], \"a2\": null}";
    let v = json::parse(text.strip_prefix('\u{feff}').unwrap()).unwrap();
    let a = v.as_object().unwrap();
    let Some(Value::Array(items)) = a.get("a") else { panic!("{:?}", v) };
    assert_eq!(a.offset("a"), Some(7));
    assert_eq!(items.offset(1), Some(13));
    assert_eq!(items[1].as_object().unwrap().offset("b"), Some(21));
    // line and column come from those offsets, counted in characters past the byte order mark
    assert_eq!(newschart::feed::locate(text, &v, "a[1].b"), (2, 11));
    // a path that goes nowhere stops at the deepest value there is
    assert_eq!(newschart::feed::locate(text, &v, "a[7].c"), (1, 9));
    assert_eq!(newschart::feed::locate(text, &v, "zz"), (1, 3));
}
