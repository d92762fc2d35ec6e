//! `feed::spec`'s tables against the Rust checks they describe to the JSON Schema: the character
//! classes of its patterns on every character, and the kinds, limits and ranges normalize reads.

use newschart::feed::spec;
use newschart::model::Kind;
use newschart::normalize::{read, Limits};

fn all_chars() -> impl Iterator<Item = char> {
    (0..=0x10FFFFu32).filter_map(char::from_u32)
}

#[test]
fn the_space_class_is_what_trim_takes_off_on_every_character() {
    for c in all_chars() {
        assert_eq!(spec::in_ranges(spec::SPACE, c), c.is_whitespace(), "U+{:04X}", c as u32);
        // and so what a colour and a date may have around them
        let padded = format!("{c}#abc{c}");
        assert_eq!(padded.trim() == "#abc", c.is_whitespace(), "U+{:04X}", c as u32);
    }
}

#[test]
fn the_link_class_is_what_is_http_url_refuses_on_every_character() {
    for c in all_chars() {
        let forbidden = spec::in_ranges(spec::NOT_IN_LINK, c);
        assert_eq!(forbidden, c.is_control() || c.is_whitespace(), "U+{:04X}", c as u32);
        assert_eq!(newschart::normalize::is_http_url(&format!("https://x/{c}")), !forbidden, "U+{:04X}", c as u32);
    }
}

#[test]
fn the_classes_are_written_into_the_patterns_as_ecmascript_escapes() {
    // every range of the tables appears, as \uXXXX, in the patterns the schema carries
    for (ranges, pattern) in [(spec::SPACE, spec::date_pattern()), (spec::SPACE, spec::color_pattern()), (spec::NOT_IN_LINK, spec::link_pattern())] {
        for &(a, b) in ranges {
            let lo = format!("\\u{:04X}", a as u32);
            let want = if a == b { lo } else { format!("{}-\\u{:04X}", lo, b as u32) };
            assert!(pattern.contains(&want), "{} lacks {}", pattern, want);
        }
        assert!(pattern.starts_with('^') && pattern.ends_with('$'), "{}", pattern);
    }
}

fn errors(text: &str) -> Vec<String> {
    let n = read(text, Limits::default());
    n.errors().map(|p| format!("{:?}", p.code)).collect()
}

fn dataset(kind: &str, extra: &str) -> String {
    format!(r#"{{"version": 1, "datasets": [{{"kind": "{kind}", "title": "t", "categories": ["a", "b"], "series": [{{"name": "s", "values": [1, -2]}}]{extra}}}]}}"#)
}

#[test]
fn the_kinds_with_a_target_and_of_shares_are_the_ones_normalize_checks() {
    for name in spec::KINDS {
        let kind = Kind::from_name(name).unwrap();
        assert_eq!(kind.name(), *name);
        let e = errors(&dataset(name, ""));
        assert_eq!(e.contains(&"NoTarget".to_string()), spec::needs_target(kind), "{}: {:?}", name, e);
        assert_eq!(e.contains(&"NegativeShare".to_string()), spec::draws_shares(kind), "{}: {:?}", name, e);
    }
}

#[test]
fn the_limits_and_ranges_are_the_ones_normalize_checks() {
    assert_eq!(Limits::default().max_points, spec::MAX_POINTS);
    for d in 0..=spec::DECIMALS.1 + 1 {
        let ok = errors(&dataset("column", &format!(r#", "decimals": {d}"#))).is_empty();
        assert_eq!(ok, (spec::DECIMALS.0..=spec::DECIMALS.1).contains(&d), "decimals {}", d);
    }
    // numbers-as-written: a whole number written 2.0 is not one to the widget (JSON Schema's
    // integer takes it: the schema names the rule)
    assert!(errors(&dataset("column", r#", "decimals": 2.0"#)).contains(&"BadDecimals".to_string()));
    assert!(errors(&dataset("column", "").replace(r#""version": 1"#, r#""version": 1.0"#)).contains(&"BadVersion".to_string()));
    for (year, ok) in [(spec::MAX_YEAR, true), (spec::MAX_YEAR + 1, false), (1, true), (0, false)] {
        let x = format!(r#", "x": "date""#);
        let text = dataset("line", &x).replace(r#"["a", "b"]"#, &format!(r#"["{year}", {year}]"#));
        assert_eq!(errors(&text).is_empty(), ok, "year {}: {:?}", year, errors(&text));
    }
}
