//! The examples are the docs are the tests: every feed in www/ reads with no
//! problem, survives a round trip through the writer, renders, and the JSON
//! Schema generated from `feed::spec` is the one in www/schema/.

mod common;

use std::fs;
use std::path::PathBuf;

use newschart::feed::{spec, write};
use newschart::normalize::{read, Limits};

fn example_feeds() -> Vec<PathBuf> {
    let mut out = Vec::new();
    for dir in ["www/feeds", "www/examples"] {
        for e in fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.extension().is_some_and(|x| x == "json") {
                out.push(p);
            }
        }
    }
    out.sort();
    assert!(out.len() >= 12, "expected the demo feeds and the examples, found {:?}", out);
    out
}

#[test]
fn every_example_reads_without_a_problem() {
    for p in example_feeds() {
        let n = read(&fs::read_to_string(&p).unwrap(), Limits::default());
        assert!(n.problems.is_empty(), "{}: {:?}", p.display(), n.problems);
        assert!(n.feed.is_some());
    }
}

#[test]
fn every_example_round_trips_through_the_writer() {
    for p in example_feeds() {
        let first = read(&fs::read_to_string(&p).unwrap(), Limits::default()).feed.unwrap();
        let text = serde_json::to_string_pretty(&write::feed(&first)).unwrap();
        let again = read(&text, Limits::default());
        assert!(again.problems.is_empty(), "{}: {:?}", p.display(), again.problems);
        assert_eq!(again.feed.unwrap(), first, "{}", p.display());
    }
}

#[test]
fn every_example_dataset_renders_to_svg_at_phone_and_desktop_widths() {
    for p in example_feeds() {
        let text = fs::read_to_string(&p).unwrap();
        let feed = read(&text, Limits::default()).feed.unwrap();
        for ds in &feed.datasets {
            for w in [320.0, 1200.0] {
                let (_, scene) = newschart::scene_for(&text, Some(&ds.id), w, None).unwrap();
                // one datum per value drawn (donut and pie draw the first series)
                let drawn = match ds.kind {
                    newschart::model::Kind::Donut | newschart::model::Kind::Pie => &ds.series[..1],
                    _ => &ds.series[..],
                };
                let values = drawn.iter().flat_map(|s| s.values.iter().flatten()).count();
                assert_eq!(scene.data.len(), values, "{} {}", p.display(), ds.id);
                let svg = newschart::render::svg::to_svg(&scene, 1.0).unwrap();
                assert!(svg.starts_with("<svg"), "{}", p.display());
            }
        }
    }
}

#[test]
fn the_schema_file_is_generated_from_the_rust_spec() {
    let generated = serde_json::to_string_pretty(&spec::json_schema()).unwrap() + "\n";
    let path = "www/schema/feed-v1.schema.json";
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        fs::write(path, &generated).unwrap();
    }
    let on_disk = fs::read_to_string(path).unwrap_or_default();
    assert!(on_disk == generated, "{} drifted from src/feed/spec.rs: run `UPDATE_SCHEMA=1 cargo test --test examples`", path);
}

#[test]
fn every_field_of_the_spec_is_read_by_normalize() {
    // A feed that uses every field of the spec reads with no "unknown field" warning.
    let text = r##"{"$schema": "x", "version": 1, "datasets": [{
        "id": "a", "kind": "column", "title": "t", "subtitle": "s", "byline": "b", "notes": ["n"],
        "date": "2022", "unit": "人", "source": {"text": "x", "url": "https://example.org/"},
        "locale": "zh-CN", "illustrative": true, "numberStyle": "full", "decimals": 1, "percent": false,
        "x": "category", "stacked": true, "categories": ["c1", "c2"],
        "series": [{"name": "s", "values": [1, null], "color": "#123456", "decimals": 2, "percent": false}],
        "target": {"value": 3, "label": "l"},
        "annotations": [{"type": "label", "value": 1, "category": "c1", "series": "s", "text": "x"}],
        "highlight": ["s"]
    }]}"##;
    let n = read(text, Limits::default());
    assert!(n.problems.is_empty(), "{:?}", n.problems);
    let used: Vec<&str> = ["$schema", "version", "datasets"].into();
    assert_eq!(spec::names(spec::FEED).collect::<Vec<_>>(), used);
    for f in spec::DATASET.iter().chain(spec::SERIES).chain(spec::ANNOTATION).chain(spec::SOURCE).chain(spec::TARGET) {
        assert!(text.contains(&format!("\"{}\"", f.name)), "the test feed lacks {}", f.name);
    }
}

fn ty_name(t: &spec::Ty) -> String {
    use spec::Ty;
    match t {
        Ty::Any => "anything (not read)".into(),
        Ty::Str => "text".into(),
        Ty::Url => "http(s) address".into(),
        Ty::Num => "number".into(),
        Ty::PositiveNum => "number > 0".into(),
        Ty::Int(a, b) if a == b => format!("the whole number {}", a),
        Ty::Int(a, b) => format!("whole number {}–{}", a, b),
        Ty::Bool => "true / false".into(),
        Ty::Enum(w) => w.iter().map(|x| format!("`{}`", x)).collect::<Vec<_>>().join(", "),
        Ty::Color => "colour `#rgb` or `#rrggbb`".into(),
        Ty::Array(item, spec::Count::Points) => format!("list of {}, 1 to {}", ty_name(item), spec::MAX_POINTS),
        Ty::Array(item, spec::Count::OneOrMore) => format!("list of {}, at least 1", ty_name(item)),
        Ty::Array(item, spec::Count::Any) => format!("list of {}", ty_name(item)),
        Ty::Values => format!("list of numbers or `null`, 1 to {}", spec::MAX_POINTS),
        Ty::Obj(_) => "object (below)".into(),
        Ty::StrOrStrs => "text or list of text".into(),
        Ty::StrOrObj(_) => "text or object (below)".into(),
        Ty::Label => "text or number".into(),
    }
}

/// The field tables of docs/FEED.md, and under each the rules about it that no schema can state,
/// generated from the spec.
fn field_tables() -> String {
    let mut out = String::new();
    for (name, fields, _, rules) in spec::OBJECTS {
        out.push_str(&format!("\n### {}\n\n| field | type | required | meaning |\n|---|---|---|---|\n", name));
        for f in *fields {
            out.push_str(&format!("| `{}` | {} | {} | {} |\n", f.name, ty_name(&f.ty), if f.required { "yes" } else { "" }, f.doc));
        }
        if !rules.is_empty() {
            out.push_str("\nRules the schema cannot state (it names them in this object's `description`):\n\n");
            for r in *rules {
                let codes: Vec<String> = r.codes.iter().map(|c| format!("`{}`", c.id())).collect();
                let written = if r.as_written { ", for a whole number written with a fraction or an exponent" } else { "" };
                out.push_str(&format!("- `{}` (the widget's problem: {}{}): {}\n", r.name, codes.join(", "), written, r.doc));
            }
        }
    }
    out
}

#[test]
fn the_format_reference_lists_every_field_of_the_spec() {
    common::generated::region("docs/FEED.md", "<!-- fields:start -->", "<!-- fields:end -->", &field_tables(), "cargo test --test examples");
}
