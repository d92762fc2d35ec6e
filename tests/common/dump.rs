//! Text dumps of the pipeline's stages for the snapshot tests (insta): the
//! normalized model, the scene and the SVG of every example feed. Written by
//! hand, field by field, so a golden changes when what is drawn changes, not
//! when a type moves to another module; geometry is rounded to 2 decimals so
//! last-bit float differences do not flake. Included by path
//! (`#[path = "../common/dump.rs"] mod dump;`) by the targets that use it.
#![allow(dead_code)]

use std::fmt::Write;
use newschart::model::{Annotation, Dataset};
use newschart::scene::{Mark, Scene, Shape};
use newschart::theme::Color;

/// The example feeds the goldens are taken of, as tests/examples.rs finds
/// them: every feed in www/feeds/ and www/examples/, relative to a test's folder.
pub const EXAMPLES: (&str, &str) = ("../../www", "{feeds,examples}/*.json");

/// The widths every scene and SVG golden is taken at: a phone and a desktop column.
pub const WIDTHS: [f64; 2] = [375.0, 1200.0];

/// Every dataset of the feed `text` at each of [`WIDTHS`], as the CLI lays it out: (dataset id,
/// width, scene), what the scene and SVG goldens are taken of.
pub fn views(text: &str) -> Vec<(String, f64, Scene)> {
    let feed = newschart::normalize::read(text, newschart::normalize::Limits::default()).feed.unwrap();
    let mut out = Vec::new();
    for ds in feed.datasets {
        for w in WIDTHS {
            let (_, s) = newschart::scene_for(text, Some(&ds.id), w, None).unwrap();
            out.push((ds.id.clone(), w, s));
        }
    }
    out
}

/// insta's settings for the goldens: beside the test in `snapshots/`, named by
/// the test and the feed alone (`scene@feeds__employment.json.snap`).
pub fn settings() -> insta::Settings {
    let mut s = insta::Settings::clone_current();
    s.set_prepend_module_to_snapshot(false);
    s.set_omit_expression(true);
    s
}

/// A number as a golden shows it: at most 2 decimals, no `-0`.
pub fn num(v: f64) -> String {
    if !v.is_finite() {
        return format!("{}", v);
    }
    let r = (v * 100.0).round() / 100.0;
    let r = if r == 0.0 { 0.0 } else { r };
    format!("{}", r)
}

fn color(c: Option<Color>) -> String {
    c.map_or("none".to_string(), |c| c.hex())
}

/// A rectangle as `[x y w×h]`; a macro so the dump does not name the type, which may move
/// between modules (scene, geometry).
macro_rules! rect {
    ($r:expr) => {{
        let r = &$r;
        format!("[{} {} {}×{}]", num(r.x), num(r.y), num(r.w), num(r.h))
    }};
}

fn opt<T: std::fmt::Display>(v: Option<T>) -> String {
    v.map_or("-".to_string(), |v| v.to_string())
}

fn value(v: Option<f64>) -> String {
    // the model keeps the feed's numbers exactly: shortest round-trip digits, not rounded
    v.map_or("null".to_string(), |v| format!("{}", v))
}

/// The normalized model of one dataset, one field per line, every default filled in.
pub fn model(d: &Dataset) -> String {
    let mut o = String::new();
    let _ = writeln!(o, "dataset {:?}", d.id);
    let _ = writeln!(o, "  kind: {}", d.kind.name());
    let _ = writeln!(o, "  locale: {:?}", d.locale);
    let _ = writeln!(o, "  title: {:?}", d.title);
    let _ = writeln!(o, "  subtitle: {:?}", d.subtitle);
    let _ = writeln!(o, "  byline: {:?}", d.byline);
    let _ = writeln!(o, "  unit: {:?}", d.unit);
    let _ = writeln!(o, "  number style: {:?}", d.number_style);
    let _ = writeln!(o, "  decimals: {}", opt(d.decimals));
    let _ = writeln!(o, "  percent: {}", d.percent);
    let _ = writeln!(o, "  x: {:?}", d.x);
    let _ = writeln!(o, "  dates: [{}]", d.dates.iter().map(|v| format!("{}", v)).collect::<Vec<_>>().join(", "));
    let _ = writeln!(o, "  stacked: {}", d.stacked);
    let _ = writeln!(o, "  date: {:?}", d.date);
    let _ = writeln!(o, "  categories: {:?}", d.categories);
    for s in &d.series {
        let values: Vec<String> = s.values.iter().map(|v| value(*v)).collect();
        let _ = writeln!(o, "  series {:?}: [{}]", s.name, values.join(", "));
        let _ = writeln!(o, "    colour: {}, decimals: {}, percent: {}", color(s.color), opt(s.decimals), opt(s.percent));
    }
    let _ = writeln!(o, "  target: {}", d.target.as_ref().map_or("-".to_string(), |t| format!("{} {:?}", t.value, t.label)));
    for a in &d.annotations {
        let _ = match a {
            Annotation::Target { value, text } => writeln!(o, "  annotation: target {} {:?}", value, text),
            Annotation::Highlight { category } => writeln!(o, "  annotation: highlight category {}", category),
            Annotation::Label { category, series, text } => writeln!(o, "  annotation: label category {} series {} {:?}", category, series, text),
        };
    }
    let _ = writeln!(o, "  notes: {:?}", d.notes);
    let _ = writeln!(o, "  source: {}", d.source.as_ref().map_or("-".to_string(), |s| format!("{:?} {}", s.text, opt(s.url.as_deref()))));
    let _ = writeln!(o, "  illustrative: {}", d.illustrative);
    let _ = writeln!(o, "  highlight: {:?}", d.highlight);
    o
}

fn shape(s: &Shape) -> String {
    match s {
        Shape::Rect(r) => format!("rect {}", rect!(r)),
        Shape::Line { x1, y1, x2, y2 } => format!("line ({} {})–({} {})", num(*x1), num(*y1), num(*x2), num(*y2)),
        Shape::Path { points, closed } => {
            let pts: Vec<String> = points.iter().map(|(x, y)| format!("{} {}", num(*x), num(*y))).collect();
            format!("{} ({} points) {}", if *closed { "polygon" } else { "path" }, points.len(), pts.join(", "))
        }
        Shape::Circle { x, y, r } => format!("circle ({} {}) r {}", num(*x), num(*y), num(*r)),
        Shape::Text { x, y, text, size, h, v, bold } => {
            format!("text {:?} at ({} {}) size {} {:?}/{:?}{}", text, num(*x), num(*y), num(*size), h, v, if *bold { " bold" } else { "" })
        }
    }
}

fn mark(m: &Mark) -> String {
    let mut o = format!("{:?}: {}", m.role, shape(&m.shape));
    let _ = write!(o, " fill {}", color(m.fill));
    if m.stroke.is_some() || m.stroke_width != 0.0 {
        let _ = write!(o, " stroke {} {}", color(m.stroke), num(m.stroke_width));
    }
    if m.dash != 0 {
        let _ = write!(o, " dash {}", m.dash);
    }
    if let Some(d) = m.datum {
        let _ = write!(o, " datum {}", d);
    }
    o
}

/// The scene: its size and plot, every mark in drawing order, every datum in reading order,
/// one line each.
pub fn scene(s: &Scene) -> String {
    let mut o = String::new();
    let _ = writeln!(o, "scene {}×{} plot {}", num(s.width), num(s.height), rect!(s.plot));
    let _ = writeln!(o, "marks ({}):", s.marks.len());
    for m in &s.marks {
        let _ = writeln!(o, "  {}", mark(m));
    }
    let _ = writeln!(o, "data ({}):", s.data.len());
    for (i, d) in s.data.iter().enumerate() {
        // series and category by index (their names are in the model's golden), then what the
        // tooltip shows (value text, detail) and the sentence a screen reader hears
        let _ = write!(o, "  {} [{} {}] {} {:?} {:?} bounds {} bar {}", i, d.series, d.index, d.value, d.value_text, d.detail, rect!(d.bounds), rect!(d.bar));
        if let Some(w) = d.wedge {
            let _ = write!(o, " wedge {}", w.iter().map(|v| num(*v)).collect::<Vec<_>>().join(" "));
        }
        let _ = writeln!(o, " {:?}", d.label);
    }
    o
}

/// An SVG document with every number inside a tag rounded to 2 decimals
/// (text between tags, which readers see, is left exactly as it is).
pub fn svg(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_tag = false;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            _ => {}
        }
        let starts_number = in_tag && (c.is_ascii_digit() || (c == '-' && chars.peek().is_some_and(|(_, n)| n.is_ascii_digit())));
        let after_word = out.chars().last().is_some_and(|p| p.is_ascii_alphanumeric() || p == '_' || p == '#');
        if starts_number && !after_word {
            let mut end = i + c.len_utf8();
            while let Some(&(j, n)) = chars.peek() {
                if n.is_ascii_digit() || n == '.' {
                    end = j + n.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            let lit = &text[i..end];
            match lit.parse::<f64>() {
                Ok(v) if lit.contains('.') => out.push_str(&num(v)),
                _ => out.push_str(lit),
            }
        } else {
            out.push(c);
        }
    }
    out
}
