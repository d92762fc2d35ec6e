//! Text safety, natively: links are http(s) only, and feed text that looks
//! like markup stays text in the SVG (the CLI's output). The browser side is
//! `tests/e2e/safety.test.mjs`.

mod common;

use newschart::normalize::{is_http_url, read, Limits};
use serde_json::json;

/// Script-injection payloads, each of which would run (or set
/// `window.__pwned`) if inserted as HTML.
pub const PAYLOADS: [&str; 5] = [
    "<img src=x onerror=\"window.__pwned=1\">",
    "<script>window.__pwned=1</script>",
    "\"><svg onload=\"window.__pwned=1\">",
    "javascript:window.__pwned=1",
    "'><iframe srcdoc=\"<script>parent.__pwned=1</script>\">&amp;",
];

#[test]
fn links_are_http_or_https_with_a_host() {
    for ok in ["http://example.com", "https://example.com/a?b=<c>&d=\"e\"", "HTTPS://EXAMPLE.COM/", "Http://x.cn", "https://tjj.zhuzhou.gov.cn/c/2023/03/03.html"] {
        assert!(is_http_url(ok), "{:?} should be accepted", ok);
    }
    for bad in [
        "",
        "javascript:alert(1)",
        "JAVASCRIPT:alert(1)",
        "JaVaScRiPt:alert(1)",
        "java\tscript:alert(1)",
        "java\nscript:alert(1)",
        " javascript:alert(1)",
        "\u{0}javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "DATA:text/html;base64,PHNjcmlwdD4=",
        "vbscript:msgbox(1)",
        "VBScript:msgbox(1)",
        "//evil.example",
        "///evil.example",
        "/relative/path",
        "evil.example",
        "https:evil.example",
        "https:",
        "https://",
        "https:///evil.example",
        "https://\\evil.example",
        "http:\\\\evil.example",
        " https://example.com",
        "https://example.com ",
        "https://exa mple.com",
        "https://example.com/\u{2028}",
        "https://example.com/\u{a0}",
        "https://example.com\r\n",
        "ｈｔｔｐｓ://example.com",
        "ftp://example.com",
        "mailto:a@example.com",
        "file:///etc/passwd",
    ] {
        assert!(!is_http_url(bad), "{:?} should be rejected", bad);
    }
}

#[test]
fn a_feed_with_a_script_link_is_rejected_where_the_link_is() {
    for url in ["javascript:alert(1)", "java\tscript:alert(1)", "data:text/html,x", "//evil.example"] {
        let text = json!({"version": 1, "datasets": [{"kind": "bar", "title": "t", "categories": ["a"], "series": [{"name": "s", "values": [1]}], "source": {"text": "src", "url": url}}]}).to_string();
        let n = read(&text, Limits::default());
        assert!(n.feed.is_none(), "{:?} accepted", url);
        let e = n.errors().next().unwrap();
        assert_eq!(e.path, "datasets[0].source.url");
        assert!(e.en.contains("only http:// and https://"), "{}", e.en);
    }
}

/// A feed with a payload in every field that can hold text.
fn hostile_feed(kind: &str, p: &str) -> String {
    json!({"version": 1, "datasets": [{
        "kind": kind, "title": p, "subtitle": p, "unit": p, "byline": p, "date": p,
        "categories": [p, format!("{}2", p)],
        "series": [{"name": p, "values": [3, 5]}, {"name": format!("{}b", p), "values": [2, 1]}],
        "target": {"value": 4, "label": p},
        "notes": [p, p], "source": {"text": p, "url": "https://example.com/?q=<x>"},
        "annotations": [{"type": "label", "category": p, "text": p}, {"type": "target", "value": 2, "text": p}],
    }]})
    .to_string()
}

#[test]
fn markup_in_every_field_is_escaped_text_in_the_svg() {
    let mut drawn = 0;
    for kind in ["column", "bar", "progress", "line", "area", "donut", "pie"] {
        for p in PAYLOADS {
            let text = hostile_feed(kind, p);
            let (ds, scene) = match newschart::scene_for(&text, None, 640.0, None) {
                Ok(r) => r,
                Err(e) => panic!("{}: {:?}", kind, e),
            };
            // the SVG parses, has only drawing elements and no event attributes,
            // and every text element reads back as the scene's text
            common::invariants::check_scene(&text, 0, &ds, &scene);
            let svg = newschart::render::svg::to_svg(&scene, 1.0).unwrap();
            for tag in ["<script", "<img", "<svg onload", "<iframe"] {
                assert!(!svg.contains(tag), "{} {:?}: raw {} in the SVG", kind, p, tag);
            }
            // the payload is there, as escaped text, wherever the chart writes the feed's words
            let escaped = p.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;").replace('\'', "&apos;");
            if scene.marks.iter().any(|m| matches!(&m.shape, newschart::scene::Shape::Text { text, .. } if text.contains(p))) {
                assert!(svg.contains(&escaped), "{} {:?}: escaped text missing", kind, p);
                drawn += 1;
            }
        }
    }
    assert!(drawn >= 10, "the payloads were drawn as text only {} times", drawn);
}
