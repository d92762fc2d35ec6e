//! The invariants every feed must keep on its way through the whole pipeline
//! (text → parse → normalize → layout → scene → SVG), whatever the feed and
//! whatever the width. Shared by the property tests (`tests/properties.rs`),
//! the fuzz-crash regressions (`tests/fuzz_regressions.rs`) and the cargo-fuzz
//! target (`fuzz/fuzz_targets/pipeline.rs`): a violation panics with its reason.
//!
//! 1. No panic anywhere.
//! 2. No NaN or infinite coordinate in any mark.
//! 3. Every rect and line inside the chart's box; every text anchor inside it.
//! 4. Every label's text is the feed's text: categories and series names in the
//!    data are exactly the feed's strings; the category labels, in the order
//!    drawn, are categories in feed order, each whole or ellipsized (see
//!    [`ellipsized`]), or else every category's characters stacked one per line
//!    (see [`stacked`]); and the SVG holds only characters XML allows (the
//!    `Char` production, written out here from the spec) and every text mark as
//!    escaped text that parses back to it.
#![allow(dead_code)]

use newschart::model::{Dataset, XScale};
use newschart::normalize::{self, Limits};
use newschart::scene::{describe, hit, Role, Scene, Shape};
use newschart::text::EstimateMeasure;
use newschart::theme::Theme;

/// Slack for float rounding at the box's edges, CSS px.
const EPS: f64 = 0.01;

/// Runs `text` through the whole pipeline at `width` (and `height`, or the
/// chart's own height) and checks every invariant.
pub fn check(text: &str, width: f64, height: Option<f64>) {
    // the path the CLI takes
    match newschart::scene_for(text, None, width, height) {
        Ok((ds, scene)) => check_scene(text, 0, &ds, &scene),
        Err(problems) => {
            assert!(!problems.is_empty(), "a rejected feed must say why");
            for p in &problems {
                assert!(!p.en.is_empty() && !p.zh.is_empty(), "empty message: {:?}", p);
            }
        }
    }
    // every dataset of the feed, through marks::build directly
    let n = normalize::read(text, Limits::default());
    if let Some(feed) = n.feed {
        for (i, ds) in feed.datasets.iter().enumerate() {
            let h = height.unwrap_or_else(|| newschart::layout::default_height(ds, width));
            let scene = newschart::marks::build(ds, width, h, &EstimateMeasure, &Theme::default());
            check_scene(text, i, ds, &scene);
        }
    }
}

fn finite(what: &str, vs: &[f64]) {
    for v in vs {
        assert!(v.is_finite(), "{}: non-finite coordinate {:?}", what, vs);
    }
}

fn inside_x(s: &Scene, x: f64) -> bool {
    x >= -EPS && x <= s.width + EPS
}

fn inside_y(s: &Scene, y: f64) -> bool {
    y >= -EPS && y <= s.height + EPS
}

/// Checks one scene of `ds`, dataset `index` of the feed `text`.
pub fn check_scene(text: &str, index: usize, ds: &Dataset, s: &Scene) {
    finite("scene size", &[s.width, s.height]);
    assert!(s.width > 0.0 && s.height > 0.0, "empty box {}x{}", s.width, s.height);
    finite("plot", &[s.plot.x, s.plot.y, s.plot.w, s.plot.h]);
    let mut labels = Vec::new();
    for mark in &s.marks {
        match &mark.shape {
            Shape::Rect(r) => {
                finite("rect", &[r.x, r.y, r.w, r.h]);
                assert!(r.w >= 0.0 && r.h >= 0.0, "negative size {:?}", r);
                assert!(inside_x(s, r.x) && inside_x(s, r.x + r.w) && inside_y(s, r.y) && inside_y(s, r.y + r.h), "{:?} rect {:?} outside {}x{}", mark.role, r, s.width, s.height);
            }
            Shape::Line { x1, y1, x2, y2 } => {
                finite("line", &[*x1, *y1, *x2, *y2]);
                assert!(inside_x(s, *x1) && inside_x(s, *x2) && inside_y(s, *y1) && inside_y(s, *y2), "{:?} line ({},{})-({},{}) outside {}x{}", mark.role, x1, y1, x2, y2, s.width, s.height);
            }
            Shape::Path { points, .. } => {
                for (x, y) in points {
                    finite("path", &[*x, *y]);
                    assert!(inside_x(s, *x) && inside_y(s, *y), "{:?} path point ({}, {}) outside {}x{}", mark.role, x, y, s.width, s.height);
                }
            }
            Shape::Circle { x, y, r } => {
                finite("circle", &[*x, *y, *r]);
                assert!(*r >= 0.0 && inside_x(s, *x) && inside_y(s, *y), "{:?} circle ({}, {}) r {} outside {}x{}", mark.role, x, y, r, s.width, s.height);
            }
            Shape::Text { x, y, text: t, size, .. } => {
                finite("text", &[*x, *y, *size]);
                assert!(inside_x(s, *x) && inside_y(s, *y), "{:?} text {:?} anchored at ({}, {}) outside {}x{}", mark.role, t, x, y, s.width, s.height);
                // (on a date axis the labels are dates the chart writes, not feed text)
                if mark.role == Role::Category && ds.x == XScale::Category {
                    labels.push((*x, *y, t.as_str()));
                }
            }
        }
    }
    category_labels(ds, &labels);
    for d in &s.data {
        finite("datum", &[d.bounds.x, d.bounds.y, d.bounds.w, d.bounds.h, d.bar.x, d.bar.y, d.bar.w, d.bar.h, d.value]);
        assert_eq!(d.category, ds.categories[d.index], "datum category");
        assert_eq!(d.series_name, ds.series[d.series].name, "datum series name");
        assert_eq!(Some(d.value), ds.series[d.series].values[d.index], "datum value");
        assert!(d.label.contains(&d.category), "the datum's sentence {:?} must name its category {:?}", d.label, d.category);
    }
    feed_strings_survive(text, index, ds);
    // hit-testing and the description read the same scene without trouble
    for d in s.data.iter().filter(|d| d.wedge.is_none() && d.bounds.w > 0.0 && d.bounds.h > 0.0) {
        let (cx, cy) = (d.bounds.x + d.bounds.w / 2.0, d.bounds.y + d.bounds.h / 2.0);
        assert!(hit::hit(s, cx, cy).is_some(), "the middle of a datum's bounds must hit a datum");
    }
    let _ = hit::hit(s, -1e9, 1e9);
    let summary = describe::describe(ds, s);
    assert!(summary.starts_with(&ds.title), "the description starts with the title");
    check_svg(s);
}

/// The ellipsis `newschart::text::ellipsize` ends a shortened label with.
const ELLIPSIS: char = '\u{2026}';

/// `label` is `category` ellipsized: a proper prefix of it (whole characters,
/// possibly none) followed by one [`ELLIPSIS`].
pub fn ellipsized(label: &str, category: &str) -> bool {
    label.strip_suffix(ELLIPSIS).is_some_and(|p| p.len() < category.len() && category.starts_with(p))
}

/// The category labels of a chart, as `(x, y, text)` in the order drawn: either
/// each is a category whole or ellipsized, in feed order (some may be left
/// out, never reordered or repeated), or they are every category stacked one
/// character a line (see [`stacked`]). Panics naming the first label that is
/// neither.
pub fn category_labels(ds: &Dataset, labels: &[(f64, f64, &str)]) {
    let mut next = 0;
    for (k, &(_, _, t)) in labels.iter().enumerate() {
        match ds.categories[next.min(ds.categories.len())..].iter().position(|c| c == t || ellipsized(t, c)) {
            Some(i) => next += i + 1,
            None if stacked(ds, labels) => return,
            None => panic!(
                "category label {} {:?} is not a category of the feed, whole or ellipsized (a prefix of it and {:?}), in feed order after the labels before it {:?}; the categories: {:?}",
                k, t, ELLIPSIS, labels[..k].iter().map(|l| l.2).collect::<Vec<_>>(), ds.categories
            ),
        }
    }
}

/// Stacked labels: every category, in feed order, drawn one character a mark,
/// top to bottom in one column (the same x, y increasing). Empty categories
/// draw nothing.
pub fn stacked(ds: &Dataset, labels: &[(f64, f64, &str)]) -> bool {
    let mut rest = labels;
    for c in &ds.categories {
        let n = c.chars().count();
        if rest.len() < n {
            return false;
        }
        let (column, after) = rest.split_at(n);
        let mut buf = [0u8; 4];
        let spelled = column.iter().zip(c.chars()).all(|(l, ch)| l.2 == ch.encode_utf8(&mut buf));
        let one_column = column.windows(2).all(|w| w[0].0 == w[1].0 && w[0].1 < w[1].1);
        if !spelled || !one_column {
            return false;
        }
        rest = after;
    }
    rest.is_empty()
}

/// The dataset's strings are the feed's strings, byte for byte: nothing
/// trimmed, unescaped twice or re-encoded.
fn feed_strings_survive(text: &str, index: usize, ds: &Dataset) {
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    let Ok(v) = serde_json::from_str::<serde_json::Value>(body) else { return };
    let Some(d) = v["datasets"].as_array().and_then(|a| a.get(index)) else { return };
    assert_eq!(d["title"].as_str(), Some(ds.title.as_str()), "title");
    if let Some(cats) = d["categories"].as_array() {
        for (c, got) in cats.iter().zip(&ds.categories) {
            let want = match c {
                serde_json::Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            assert_eq!(&want, got, "category");
        }
    }
    if let Some(series) = d["series"].as_array() {
        for (s, got) in series.iter().zip(&ds.series) {
            assert_eq!(s["name"].as_str(), Some(got.name.as_str()), "series name");
        }
    }
}

/// The SVG parses as XML, holds only drawing elements with no event
/// attributes, and its text elements read back as the scene's text marks.
pub fn check_svg(s: &Scene) {
    let svg = newschart::render::svg::to_svg(s, 1.0).expect("SVG render");
    if let Some((at, c)) = svg.char_indices().find(|(_, c)| !xml_char(*c)) {
        panic!("the SVG holds {:?} at byte {}, which XML 1.0 does not allow: {:?}", c, at, &svg[at.saturating_sub(80)..(at + 80).min(svg.len())]);
    }
    let doc = match roxmltree::Document::parse(&svg) {
        Ok(d) => d,
        Err(e) => panic!("the SVG is not well-formed XML: {}\n{}", e, &svg[..svg.len().min(2000)]),
    };
    let mut texts = Vec::new();
    for n in doc.descendants().filter(|n| n.is_element()) {
        let name = n.tag_name().name();
        assert!(matches!(name, "svg" | "rect" | "line" | "polyline" | "path" | "text" | "circle" | "polygon"), "unexpected SVG element <{}>", name);
        for a in n.attributes() {
            assert!(!a.name().to_ascii_lowercase().starts_with("on"), "event attribute {} in the SVG", a.name());
            assert!(!a.value().to_ascii_lowercase().contains("javascript:"), "javascript: in attribute {}", a.name());
        }
        if name == "text" {
            // plotters writes `<text …>\nTEXT\n</text>`
            let t = n.text().unwrap_or("");
            let t = t.strip_prefix('\n').unwrap_or(t);
            texts.push(eol(t.strip_suffix('\n').unwrap_or(t)));
        }
    }
    let want: Vec<String> = s
        .marks
        .iter()
        .filter_map(|m| match &m.shape {
            Shape::Text { text, .. } => Some(eol(&text.chars().filter(|c| xml_char(*c)).collect::<String>())),
            _ => None,
        })
        .collect();
    assert_eq!(texts, want, "the SVG's text is the scene's text");
}

/// XML 1.0 (fifth edition), production [2]:
/// `Char ::= #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]`.
/// Written out here from the spec, not taken from the product, which must drop
/// every other character from the SVG's text.
fn xml_char(c: char) -> bool {
    let u = u32::from(c);
    u == 0x9 || u == 0xA || u == 0xD || (0x20..=0xD7FF).contains(&u) || (0xE000..=0xFFFD).contains(&u) || (0x10000..=0x10FFFF).contains(&u)
}

/// Line ends as XML's end-of-line handling leaves them (\r\n and \r become \n),
/// applied to both sides: parsers differ on a \r they have already met.
fn eol(t: &str) -> String {
    t.replace("\r\n", "\n").replace('\r', "\n")
}
