//! examples/render_svg.rs, the crate's example for Rust users, run as they would run it:
//! `cargo run --example render_svg -- FEED OUT.svg`. Its SVG must parse and carry the feed's
//! own words and the seed's figures as the chart labels them.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `cargo run --example render_svg -- ARGS` with the cargo that runs this test.
fn run_example(args: &[&str]) -> Output {
    Command::new(env!("CARGO"))
        .current_dir(root())
        .args(["run", "--quiet", "--example", "render_svg", "--"])
        .args(args)
        .output()
        .expect("cargo runs")
}

/// The text of every `<text>` element, trimmed, in document order.
fn texts(svg: &str) -> Vec<String> {
    let doc = roxmltree::Document::parse(svg).unwrap_or_else(|e| panic!("the example's SVG does not parse: {}", e));
    assert_eq!(doc.root_element().tag_name().name(), "svg");
    doc.descendants().filter(|n| n.has_tag_name("text")).map(|n| n.text().unwrap_or("").trim().to_string()).collect()
}

/// The feed's title and every category must be drawn, each as a whole text.
fn has_feed_words(texts: &[String], feed: &Path) {
    let v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(feed).unwrap()).unwrap();
    let ds = &v["datasets"][0];
    let mut want = vec![ds["title"].as_str().unwrap().to_string()];
    want.extend(ds["categories"].as_array().unwrap().iter().map(|c| c.as_str().unwrap().to_string()));
    for w in want {
        assert!(texts.contains(&w), "{}: {:?} is not a text of the SVG; its texts: {:?}", feed.display(), w, texts);
    }
}

#[test]
fn with_no_arguments_it_prints_the_demo_employment_chart() {
    let out = run_example(&[]);
    assert!(out.status.success(), "exit {:?}: {}", out.status, String::from_utf8_lossy(&out.stderr));
    let svg = String::from_utf8(out.stdout).unwrap();
    assert!(svg.starts_with("<svg width=\"640\""), "{}", &svg[..svg.len().min(200)]);
    let t = texts(&svg);
    has_feed_words(&t, &root().join("www/feeds/employment.json"));
    // the seed's figures: 7.25万 employed, 107.07% of the year's target (about 67,713)
    for label in ["7.25万人（107.07%）", "年度任务 6.7713万人"] {
        assert!(t.iter().any(|x| x == label), "{:?} missing from {:?}", label, t);
    }
}

#[test]
fn it_writes_a_named_feed_to_a_named_file() {
    let dir = std::env::temp_dir().join(format!("newschart-example-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for (feed, labels) in [("toilets", &["196万户", "5.4万户"][..]), ("hamlets", &["示例数据"][..])] {
        let path = root().join("www/feeds").join(format!("{}.json", feed));
        let svg_path = dir.join(format!("{}.svg", feed));
        let out = run_example(&[path.to_str().unwrap(), svg_path.to_str().unwrap()]);
        assert!(out.status.success(), "{}: exit {:?}: {}", feed, out.status, String::from_utf8_lossy(&out.stderr));
        assert!(out.stdout.is_empty(), "{}: with a file named, nothing goes to stdout", feed);
        let t = texts(&std::fs::read_to_string(&svg_path).unwrap());
        has_feed_words(&t, &path);
        for label in labels {
            assert!(t.iter().any(|x| x.contains(label)), "{}: {:?} missing from {:?}", feed, label, t);
        }
    }
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_feed_with_an_error_says_where_and_exits_1() {
    let dir = std::env::temp_dir().join(format!("newschart-example-bad-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad.json");
    let good = std::fs::read_to_string(root().join("www/feeds/toilets.json")).unwrap();
    std::fs::write(&bad, good.replace("[1960000, 54000]", "[1960000, \"5.4万\"]")).unwrap();
    let out = run_example(&[bad.to_str().unwrap()]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{}", err);
    assert!(out.stdout.is_empty());
    assert!(err.contains(&format!("{}:12:", bad.display())) && err.contains("error:"), "{}", err);
    std::fs::remove_dir_all(&dir).ok();
}
