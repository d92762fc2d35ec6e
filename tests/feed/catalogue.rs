//! The problems' catalogue (`feed::catalogue`): its JavaScript copy, which a reader's page loads
//! for a broken feed's words, is what the catalogue generates; and every code's two templates take
//! the same parameters and name terms that exist.

use std::fs;

use newschart::feed::catalogue::{self, Code};

/// The placeholders of a template (`{0}`, `{0:t}`, `{1*}`), sorted.
fn placeholders(t: &str) -> Vec<String> {
    let mut out: Vec<String> = t
        .match_indices('{')
        .filter_map(|(i, _)| {
            let rest = &t[i + 1..];
            let close = rest.find('}')?;
            let inner = &rest[..close];
            inner.starts_with(|c: char| c.is_ascii_digit()).then(|| inner.to_string())
        })
        .collect();
    out.sort();
    out
}

#[test]
fn the_javascript_catalogue_is_generated_from_the_rust_one() {
    let committed = fs::read_to_string("src/web/problem-words.js").expect("src/web/problem-words.js");
    assert!(
        committed == newschart::feed::catalogue_js::js(),
        "src/web/problem-words.js differs from src/feed/catalogue.rs: run\n  cargo run --bin newschart -- catalogue --js > src/web/problem-words.js"
    );
}

#[test]
fn both_languages_take_the_same_parameters_and_known_terms() {
    let terms = catalogue::terms();
    for &code in Code::ALL {
        let (zh, en) = (code.template(true), code.template(false));
        assert!(!zh.is_empty() && !en.is_empty(), "{:?}", code);
        // (a message said whole has its Chinese in parameter 0 and its English in 1)
        if code != Code::Said {
            assert_eq!(placeholders(zh), placeholders(en), "{:?}: {} / {}", code, zh, en);
        }
        for p in placeholders(zh) {
            assert!(p.trim_end_matches(|c: char| c.is_ascii_digit()).is_empty() || p.ends_with(":t") || p.ends_with('*'), "{:?}: {{{}}}", code, p);
        }
    }
    // every id is its own
    let mut ids: Vec<&str> = Code::ALL.iter().map(|c| c.id()).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), Code::ALL.len());
    // a term of each wrong type fills in
    assert_eq!(catalogue::words(Code::WrongType, &["texts".into(), "boolean".into()], false), "must be an array of text, found a boolean");
    assert_eq!(catalogue::words(Code::WrongType, &["texts".into(), "boolean".into()], true), "应为文本数组，实际是布尔值");
    assert_eq!(catalogue::words(Code::UnknownHighlight, &["x".into(), "a".into(), "b".into()], true), "要突出显示的系列 \"x\" 不在数据中；数据中的系列：a、b");
    assert!(terms.iter().any(|t| t.0 == "flag" && t.2 == "true or false"));
    // a syntax error's words end with serde_json's (tests/json.rs holds the parser to those)
    assert_eq!(catalogue::words(Code::JsonTrailingComma, &[], false), "not valid JSON: trailing comma");
    assert_eq!(newschart::feed::json::parse("[1,]").unwrap_err().message, "trailing comma");
}

#[test]
fn the_unknown_kind_words_list_every_kind_there_is() {
    let kinds = newschart::feed::spec::KINDS;
    assert!(Code::UnknownKind.template(true).ends_with(&kinds.join("、")), "{}", Code::UnknownKind.template(true));
    assert!(Code::UnknownKind.template(false).ends_with(&kinds.join(", ")), "{}", Code::UnknownKind.template(false));
}
