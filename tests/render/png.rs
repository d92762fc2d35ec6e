//! The PNG's lines stay where the data is: on a dense daily line (Seattle's
//! weather, 1,461 days, tests/fixtures/print/), every pixel drawn in a series'
//! colour lies inside the plot area and between the y of that series' smallest
//! and largest value, give or take half the line's width and a pixel of
//! anti-aliasing, at screen size and at print size; and so does the SVG's, as
//! resvg draws it.

use crate::pixels;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use pixels::{decode_png, near, rasterize, Png};
use newschart::render::compose::{self, Composition, Height};
use newschart::scene::{Role, Scene, Shape};
use newschart::theme::Color;

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_newschart")).args(args).output().unwrap()
}

fn tmp(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("render_png");
    fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

/// The Seattle weather CSV as a line feed, through the CLI's own import.
pub fn seattle_feed() -> PathBuf {
    let o = run(&["from-csv", "tests/fixtures/print/seattle-weather.csv", "--kind", "line", "--locale", "en", "--title", "Seattle weather, 2012–2015"]);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let feed = tmp("seattle.json");
    fs::write(&feed, &o.stdout).unwrap();
    feed
}

/// For each line mark: its colour, stroke width, and the y range (CSS px) from
/// the series' largest value to its smallest, from the scene's data.
fn line_ranges(scene: &Scene, min_points: usize) -> Vec<(Color, f64, f64, f64)> {
    let mut out = Vec::new();
    // one colour per series, in order (a line broken at a gap is several marks of one colour)
    let mut lines: Vec<&newschart::scene::Mark> = Vec::new();
    for m in scene.marks.iter().filter(|m| m.role == Role::Line && matches!(m.shape, Shape::Path { .. })) {
        if !lines.iter().any(|l| l.stroke == m.stroke) {
            lines.push(m);
        }
    }
    for (series, m) in lines.into_iter().enumerate() {
        let pts: Vec<_> = scene.data.iter().filter(|d| d.series == series && d.value.is_finite()).collect();
        assert!(pts.len() >= min_points, "series {} has {} points", series, pts.len());
        let max = pts.iter().max_by(|a, b| a.value.total_cmp(&b.value)).unwrap();
        let min = pts.iter().min_by(|a, b| a.value.total_cmp(&b.value)).unwrap();
        let y = |d: &newschart::scene::Datum| d.bar.y + d.bar.h / 2.0;
        assert!(y(max) < y(min), "larger values are higher up");
        out.push((m.stroke.unwrap(), m.stroke_width, y(max), y(min)));
    }
    out
}

/// Every pixel of each line's colour lies inside the plot, between its extremes
/// (the legend's swatches, in the same colours, and the illustrative label's border aside).
fn check(img: &Png, comp: &Composition, scale: f64, what: &str) {
    check_lines(img, comp, scale, 1000, 0.0, what);
}

/// [`check`] for lines of at least `min_points` points, with `dot` px of dots' radius beyond the line.
fn check_lines(img: &Png, comp: &Composition, scale: f64, min_points: usize, dot: f64, what: &str) {
    let scene = &comp.scene;
    let ranges = line_ranges(scene, min_points);
    assert!(!ranges.is_empty(), "{}: no line", what);
    let p = scene.plot;
    // the leaders that join a line's last value to its name right of the plot are drawn in the
    // line's colour by design: their boxes (and a line's width around them) are left out
    let leaders: Vec<newschart::geom::Rect> = scene
        .marks
        .iter()
        .filter(|m| m.role == Role::Leader)
        .filter_map(|m| match &m.shape {
            Shape::Path { points, .. } if !points.is_empty() => {
                let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
                for &(x, y) in points {
                    (x0, y0, x1, y1) = (x0.min(x), y0.min(y), x1.max(x), y1.max(y));
                }
                let r = m.stroke_width + 1.0;
                Some(newschart::geom::Rect { x: x0 - r, y: y0 - r, w: x1 - x0 + 2.0 * r, h: y1 - y0 + 2.0 * r })
            }
            _ => None,
        })
        .collect();
    for (color, width, top, bottom) in ranges {
        let slack = (width / 2.0).max(dot) * scale + 1.0;
        let (x0, x1) = (p.x * scale - slack, (p.x + p.w) * scale + slack);
        let (y0, y1) = (top * scale - slack, bottom * scale + slack);
        let mut seen = 0;
        let mut outside = Vec::new();
        for y in 0..img.height {
            for x in 0..img.width {
                if !near(img.pixel(x, y), color, 40) {
                    continue;
                }
                let (cx, cy) = ((x as f64 + 0.5) / scale, (y as f64 + 0.5) / scale);
                if comp.legend.iter().chain(&comp.illustrative).chain(&leaders).any(|b| b.contains(cx, cy)) {
                    continue;
                }
                seen += 1;
                let (fx, fy) = (x as f64 + 0.5, y as f64 + 0.5);
                if fx < x0 || fx > x1 || fy < y0 || fy > y1 {
                    outside.push((x, y));
                }
            }
        }
        assert!(seen > 100, "{}: only {} pixels of {}", what, seen, color.hex());
        assert!(
            outside.is_empty(),
            "{}: {} pixels of {} outside x {:.0}–{:.0}, y {:.0}–{:.0} (the values' range), e.g. {:?}",
            what,
            outside.len(),
            color.hex(),
            x0,
            x1,
            y0,
            y1,
            &outside[..outside.len().min(8)]
        );
    }
}

#[test]
fn a_dense_line_stays_inside_its_values_at_screen_and_print_size() {
    let feed = seattle_feed();
    let text = fs::read_to_string(&feed).unwrap();
    // (CLI size arguments, CSS width, CSS height, pixels per CSS px)
    let sizes: [(&[&str], f64, f64, f64); 2] =
        [(&["--width", "640", "--height", "360"], 640.0, 360.0, 1.0), (&["--width", "120mm", "--height", "80mm"], 120.0 / 25.4 * 96.0, 80.0 / 25.4 * 96.0, 300.0 / 96.0)];
    for (i, (args, w, h, scale)) in sizes.into_iter().enumerate() {
        let out = tmp(&format!("seattle-{}.png", i));
        let mut a = vec!["render", feed.to_str().unwrap(), "-o", out.to_str().unwrap()];
        a.extend_from_slice(args);
        let o = run(&a);
        assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
        let img = decode_png(&fs::read(&out).unwrap());
        let (_, comp) = compose::scene_for(&text, None, w, Height::Whole(h)).unwrap();
        assert_eq!(comp.legend.len(), 2, "two series, a legend");
        check(&img, &comp, scale, &format!("PNG {:?}", args));
        // the SVG of the same feed and size
        let svg = tmp(&format!("seattle-{}.svg", i));
        let mut a = vec!["render", feed.to_str().unwrap(), "-o", svg.to_str().unwrap()];
        a.extend_from_slice(args);
        assert_eq!(run(&a).status.code(), Some(0));
        check(&rasterize(&fs::read_to_string(&svg).unwrap()), &comp, scale, &format!("SVG {:?}", args));
    }
}

#[test]
fn every_example_line_stays_inside_its_values_in_png_and_svg() {
    let mut n = 0;
    for f in ["employment-line-dates", "english-stacked-area"] {
        let feed = format!("www/examples/{}.json", f);
        let text = fs::read_to_string(&feed).unwrap();
        let (_, comp) = compose::scene_for(&text, None, 640.0, Height::Natural).unwrap();
        for ext in ["png", "svg"] {
            let out = tmp(&format!("{}.{}", f, ext));
            let o = run(&["render", &feed, "-o", out.to_str().unwrap()]);
            assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
            let img = if ext == "png" { decode_png(&fs::read(&out).unwrap()) } else { rasterize(&fs::read_to_string(&out).unwrap()) };
            // the dots on these short lines reach 3 px (their radius) past the line's points
            check_lines(&img, &comp, 1.0, 5, 3.0, &format!("{} {}", f, ext));
            n += 1;
        }
    }
    assert_eq!(n, 4);
}
