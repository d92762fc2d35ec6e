//! Static images for print and fallbacks (src/render/compose.rs, wrap.rs and the
//! CLI's PNG): words wrap without breaking a number, and the PNG agrees with the
//! SVG of the same feed, rasterized by resvg, for every example and the dense
//! Seattle line.

use crate::{common, pixels};

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use newschart::render::compose::{self, Height, TITLE};
use newschart::render::wrap::wrap;
use newschart::scene::{HAlign, Role, Scene, Shape, VAlign};
use newschart::theme::Color;
use pixels::{decode_png, near, rasterize, Png};
use newschart::text::{EstimateMeasure, TextMeasure};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_newschart")).args(args).output().unwrap()
}

fn tmp(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("print");
    fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

// ---- wrapping ---------------------------------------------------------------------------

const ZH: &str = "株洲农村居民人均可支配收入，2012–2015年从10,385.6元增至14,808元，增长42.6%";
const EN: &str = "Rural incomes in Zhuzhou, 2012–2015: from 10,385.6 to 14,808 yuan a year, up 42.6%";
const NUMBERS: [&str; 4] = ["2012–2015", "10,385.6", "14,808", "42.6%"];

/// Each number of the title is whole on one line.
fn numbers_whole(lines: &[String], what: &str) {
    for n in NUMBERS {
        assert!(lines.iter().any(|l| l.contains(n)), "{}: {} is broken across lines: {:?}", what, n, lines);
    }
}

#[test]
fn titles_wrap_between_words_and_characters_never_inside_a_number() {
    let m = EstimateMeasure;
    // from the widest unbreakable piece ("2012–2015:", 96 px in bold at 17 px) up
    for width in (97..=700).step_by(3) {
        let width = width as f64;
        for (text, join) in [(ZH, ""), (EN, " ")] {
            let lines = wrap(text, width, TITLE, true, &m);
            let what = format!("{} px", width);
            numbers_whole(&lines, &what);
            assert_eq!(lines.join(join), text, "{}: the words are all there, in order", what);
            for l in &lines {
                // a line may be too wide only when it is one word
                let fits = m.width(l, TITLE) * 1.06 <= width;
                assert!(fits || !l.contains(' ') && !l.chars().any(newschart::text::is_wide), "{}: {:?} overflows", what, l);
            }
        }
    }
    // the issue's break: wrapping character by character at this width cuts "2012–20 / 15"
    let width = m.width("株洲农村居民人均可支配收入，2012–20", TITLE) * 1.06 + 1.0;
    let lines = wrap(ZH, width, TITLE, true, &m);
    assert_eq!(lines[0], "株洲农村居民人均可支配收入，", "{:?}", lines);
    assert!(lines[1].starts_with("2012–2015年"), "{:?}", lines);
}

#[test]
fn the_composition_wraps_its_title_whole_numbers_in_zh_and_en() {
    for (text, locale) in [(ZH, "zh-CN"), (EN, "en")] {
        let feed = format!(
            r#"{{"version": 1, "datasets": [{{"kind": "column", "locale": "{}", "title": "{}", "categories": ["2012", "2015"], "series": [{{"name": "a", "values": [10385.6, 14808]}}]}}]}}"#,
            locale, text
        );
        for width in [200.0, 260.0, 320.0, 400.0] {
            let (_, c) = compose::scene_for(&feed, None, width, Height::Natural).unwrap();
            // the title's lines: bold text marks above the chart
            let lines: Vec<String> = c
                .scene
                .marks
                .iter()
                .filter_map(|m| match &m.shape {
                    Shape::Text { text, bold: true, y, .. } if *y < c.chart.y => Some(text.clone()),
                    _ => None,
                })
                .collect();
            assert!(lines.len() > 1, "{} at {}: the title wraps: {:?}", locale, width, lines);
            numbers_whole(&lines, &format!("{} at {}", locale, width));
        }
    }
}

// ---- the PNG agrees with the SVG ----------------------------------------------------------

/// Every dataset of every example feed, and the dense Seattle line.
fn feeds() -> Vec<(PathBuf, String)> {
    let mut out = Vec::new();
    let mut files: Vec<_> = fs::read_dir("www/examples").unwrap().map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|e| e == "json")).collect();
    files.sort();
    for f in files {
        let v: serde_json::Value = serde_json::from_str(&fs::read_to_string(&f).unwrap()).unwrap();
        for d in v["datasets"].as_array().unwrap() {
            out.push((f.clone(), d["id"].as_str().unwrap().to_string()));
        }
    }
    let o = run(&["from-csv", "tests/fixtures/print/seattle-weather.csv", "--kind", "line", "--locale", "en", "--title", "Seattle weather, 2012–2015"]);
    assert_eq!(o.status.code(), Some(0));
    let seattle = tmp("seattle.json");
    fs::write(&seattle, &o.stdout).unwrap();
    out.push((seattle, "seattle-weather".to_string()));
    out
}

/// Boxes (image px) around every text mark, generously: the text is left out of the comparison.
fn text_boxes(scene: &Scene, scale: f64) -> Vec<(f64, f64, f64, f64)> {
    let m = EstimateMeasure;
    scene
        .marks
        .iter()
        .filter_map(|mk| match &mk.shape {
            Shape::Text { x, y, text, size, h, v, .. } => {
                let w = m.width(text, *size) * 1.25 + 6.0;
                let x0 = match h {
                    HAlign::Start => *x - 3.0,
                    HAlign::Middle => x - w / 2.0,
                    HAlign::End => x - w + 3.0,
                };
                let y0 = match v {
                    VAlign::Top => *y,
                    VAlign::Middle => y - size / 2.0,
                    VAlign::Bottom => y - size,
                } - 3.0;
                Some((x0 * scale, y0 * scale, (x0 + w) * scale, (y0 + size + 6.0) * scale))
            }
            _ => None,
        })
        .collect()
}

/// Grey lines: grid, axis, ticks (not white).
fn grey((r, g, b): (u8, u8, u8)) -> bool {
    r.max(g).max(b) - r.min(g).min(b) < 12 && r < 236
}

/// The image downscaled to `block`-px cells: the share of each cell's pixels that pass `f`.
fn blocks(img: &Png, skip: &[(f64, f64, f64, f64)], block: u32, f: impl Fn((u8, u8, u8)) -> bool) -> Vec<f64> {
    let (bw, bh) = (img.width.div_ceil(block), img.height.div_ceil(block));
    let mut count = vec![0u32; (bw * bh) as usize];
    for y in 0..img.height {
        for x in 0..img.width {
            let (fx, fy) = (x as f64 + 0.5, y as f64 + 0.5);
            if skip.iter().any(|b| fx >= b.0 && fx <= b.2 && fy >= b.1 && fy <= b.3) {
                continue;
            }
            if f(img.pixel(x, y)) {
                count[((y / block) * bw + x / block) as usize] += 1;
            }
        }
    }
    count.into_iter().map(|c| c as f64 / (block * block) as f64).collect()
}

/// The smallest box holding every pixel that passes `f`, text aside.
fn bounds(img: &Png, skip: &[(f64, f64, f64, f64)], f: impl Fn((u8, u8, u8)) -> bool) -> Option<(u32, u32, u32, u32)> {
    let mut b: Option<(u32, u32, u32, u32)> = None;
    for y in 0..img.height {
        for x in 0..img.width {
            let (fx, fy) = (x as f64 + 0.5, y as f64 + 0.5);
            if !f(img.pixel(x, y)) || skip.iter().any(|s| fx >= s.0 && fx <= s.2 && fy >= s.1 && fy <= s.3) {
                continue;
            }
            b = Some(match b {
                None => (x, y, x, y),
                Some((x0, y0, x1, y1)) => (x0.min(x), y0.min(y), x1.max(x), y1.max(y)),
            });
        }
    }
    b
}

fn close(a: Option<(u32, u32, u32, u32)>, b: Option<(u32, u32, u32, u32)>, tol: u32) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(a), Some(b)) => a.0.abs_diff(b.0) <= tol && a.1.abs_diff(b.1) <= tol && a.2.abs_diff(b.2) <= tol && a.3.abs_diff(b.3) <= tol,
        _ => false,
    }
}

#[test]
fn the_png_and_the_svg_of_each_feed_agree() {
    let mut compared = 0;
    for (feed, id) in feeds() {
        let sizes: &[(&[&str], f64, f64)] = if id == "seattle-weather" {
            &[(&["--width", "640"], 640.0, 1.0), (&["--width", "120mm", "--height", "80mm"], 120.0 / 25.4 * 96.0, 300.0 / 96.0)]
        } else {
            &[(&["--width", "640"], 640.0, 1.0), (&["--width", "360"], 360.0, 1.0)]
        };
        for (args, css_w, scale) in sizes {
            let what = format!("{} {} {:?}", feed.display(), id, args);
            let mut base = vec!["render", feed.to_str().unwrap(), "--dataset", &id];
            base.extend_from_slice(args);
            let (png_out, svg_out) = (tmp(&format!("{}-{}.png", id, css_w)), tmp(&format!("{}-{}.svg", id, css_w)));
            for out in [&png_out, &svg_out] {
                let mut a = base.clone();
                a.extend_from_slice(&["-o", out.to_str().unwrap()]);
                let o = run(&a);
                assert_eq!(o.status.code(), Some(0), "{}: {}", what, String::from_utf8_lossy(&o.stderr));
            }
            let png = decode_png(&fs::read(&png_out).unwrap());
            let svg = rasterize(&fs::read_to_string(&svg_out).unwrap());
            assert_eq!((png.width, png.height), (svg.width, svg.height), "{}: same size", what);

            let text = fs::read_to_string(&feed).unwrap();
            let height = if args.contains(&"--height") { Height::Whole(80.0 / 25.4 * 96.0) } else { Height::Natural };
            let (_, c) = compose::scene_for(&text, Some(&id), *css_w, height).unwrap();
            let skip = text_boxes(&c.scene, *scale);
            // a dot's radius and a pixel: the rims of dots anti-alias into other series' tints
            let tol = (4.0 * scale).ceil() as u32 + 1;

            // the same plot area: grid, axis and ticks span the same box
            if c.scene.marks.iter().any(|m| m.role == Role::Grid) {
                let (gp, gs) = (bounds(&png, &skip, grey), bounds(&svg, &skip, grey));
                assert!(gp.is_some() && close(gp, gs, tol), "{}: grey lines span {:?} in the PNG, {:?} in the SVG", what, gp, gs);
            }
            // the same marks: each series colour spans the same box and fills the same cells
            // (the box: text left in, it is grey, white or the illustrative label's brown; the
            // cells: text left out, as resvg draws none here)
            let block = (8.0 * scale).round() as u32;
            let mut colours: Vec<Color> = c.scene.marks.iter().filter(|m| matches!(m.role, Role::Bar | Role::Line | Role::Wedge | Role::Area)).filter_map(|m| m.fill.or(m.stroke)).collect();
            colours.dedup();
            if c.scene.marks.iter().any(|m| matches!(m.role, Role::Bar | Role::Line | Role::Wedge)) {
                assert!(!colours.is_empty(), "{}: no coloured mark", what);
            }
            for colour in colours {
                let f = |p| near(p, colour, 30);
                // a grey series (the rest, beside highlighted ones) shares its colour with the
                // PNG's anti-aliased text, which resvg does not draw: its box leaves text out
                let text_aside: &[_] = if colour.r == colour.g && colour.g == colour.b { &skip } else { &[] };
                let (cp, cs) = (bounds(&png, text_aside, f), bounds(&svg, text_aside, f));
                assert!(cp.is_some() && close(cp, cs, tol), "{}: {} spans {:?} in the PNG, {:?} in the SVG", what, colour.hex(), cp, cs);
                let (bp, bs) = (blocks(&png, &skip, block, f), blocks(&svg, &skip, block, f));
                // the L1 distance of the two downscaled masks, against the area they cover
                let area: f64 = bp.iter().zip(&bs).map(|(a, b)| a.max(*b)).sum();
                let differ: f64 = bp.iter().zip(&bs).map(|(a, b)| (a - b).abs()).sum();
                assert!(differ <= 0.1 * area + 1.0, "{}: the masks of {} differ by {:.1} cells of {:.1}", what, colour.hex(), differ, area);
            }
            compared += 1;
        }
    }
    assert!(compared >= 21, "{} images compared", compared);
}

#[test]
fn a_height_too_small_for_the_words_grows_the_image_and_says_so() {
    let out = tmp("hamlets-short.svg");
    let o = run(&["render", "www/feeds/hamlets.json", "--height", "200", "-o", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("warning: the title, notes and source leave no room for the chart in --height 200"), "{}", err);
    let svg = fs::read_to_string(&out).unwrap();
    let (_, c) = compose::scene_for(&fs::read_to_string("www/feeds/hamlets.json").unwrap(), None, 640.0, Height::Whole(200.0)).unwrap();
    assert!(c.scene.height > 200.0 && svg.starts_with(&format!("<svg width=\"640\" height=\"{}\"", c.scene.height.round())), "{}", &svg[..60]);
    // a height with room says nothing
    let o = run(&["render", "www/feeds/hamlets.json", "--height", "600", "-o", out.to_str().unwrap()]);
    assert!(o.stderr.is_empty(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(fs::read_to_string(&out).unwrap().starts_with("<svg width=\"640\" height=\"600\""));
}

#[test]
fn every_composition_is_clean_svg_with_words_that_never_overlap() {
    for (feed, id) in feeds() {
        let text = fs::read_to_string(&feed).unwrap();
        for width in [320.0, 640.0] {
            let (_, c) = compose::scene_for(&text, Some(&id), width, Height::Natural).unwrap();
            let what = format!("{} {} at {}", feed.display(), id, width);
            // well-formed, drawing elements only, every text read back as the scene has it
            common::invariants::check_svg(&c.scene);
            // the words: inside the image, clear of the chart and of each other
            let boxes = &c.words;
            assert!(!boxes.is_empty(), "{}: no words", what);
            let chart = c.chart;
            for (i, a) in boxes.iter().enumerate() {
                assert!(a.x >= 0.0 && a.y >= 0.0 && a.x + a.w <= c.scene.width && a.y + a.h <= c.scene.height, "{}: {:?} outside the image", what, a);
                let clear = |b: &newschart::geom::Rect| a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y;
                assert!(clear(&chart), "{}: {:?} on the chart {:?}", what, a, chart);
                for b in &boxes[i + 1..] {
                    assert!(clear(b), "{}: {:?} overlaps {:?}", what, a, b);
                }
            }
        }
    }
}

#[test]
fn the_legend_shows_each_line_as_the_chart_draws_it() {
    use newschart::theme::DASHES;
    for (file, all_differ) in [("www/examples/many-series-lines.json", true), ("www/examples/highlight-sectors.json", false)] {
        let text = fs::read_to_string(file).unwrap();
        let (_, c) = compose::scene_for(&text, None, 640.0, Height::Natural).unwrap();
        // the chart's looks: the colour and dash pattern of every line
        let drawn: Vec<(Color, u8)> = c.scene.marks.iter().filter(|m| m.role == Role::Line).filter_map(|m| m.stroke.map(|s| (s, m.dash))).collect();
        let series = c.scene.data.iter().map(|d| d.series).max().unwrap() + 1;
        assert_eq!(c.legend.len(), series, "{}: one legend entry per series", file);
        let mut shown = Vec::new();
        for b in &c.legend {
            // the swatch: the rects inside the entry's box
            let rects: Vec<(f64, Color)> = c
                .scene
                .marks
                .iter()
                .filter(|m| m.role == Role::Annotation)
                .filter_map(|m| match (&m.shape, m.fill) {
                    (Shape::Rect(r), Some(f)) if b.contains(r.x + 0.01, r.y + r.h / 2.0) => Some((r.w, f)),
                    _ => None,
                })
                .collect();
            assert!(!rects.is_empty(), "{}: an entry without a swatch", file);
            let colour = rects[0].1;
            assert!(rects.iter().all(|(_, f)| *f == colour), "{}: a swatch of two colours", file);
            let dash = if rects.len() == 1 {
                0
            } else {
                DASHES.iter().position(|p| !p.is_empty() && (p[0] - rects[0].0).abs() < 0.01).unwrap_or_else(|| panic!("{}: a swatch dashed {} px, no pattern of the chart's", file, rects[0].0)) as u8
            };
            assert!(drawn.contains(&(colour, dash)), "{}: the legend shows {} dash {}, which no line has", file, colour.hex(), dash);
            shown.push((colour, dash));
        }
        if all_differ {
            for (i, a) in shown.iter().enumerate() {
                assert!(!shown[..i].contains(a), "{}: two entries look alike: {} dash {}", file, a.0.hex(), a.1);
            }
        }
    }
}
