//! Accessibility of what is drawn, checked on the scene: text contrast, a
//! palette that survives colour-vision deficiency, patterns where colour would
//! be the only key, transitions, and series the reader hides.

mod common;

use std::fs;

use newschart::marks;
use newschart::normalize::{read, Limits};
use newschart::scene::{tween, Role, Scene, Shape};
use newschart::text::EstimateMeasure;
use newschart::theme::{Color, Theme};

fn feeds() -> Vec<String> {
    let mut out = Vec::new();
    for dir in ["www/feeds", "www/examples"] {
        for e in fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.extension().is_some_and(|x| x == "json") {
                out.push(fs::read_to_string(p).unwrap());
            }
        }
    }
    out
}

/// The colour behind a point: the bar or wedge drawn there last, else the page.
fn background_at(s: &Scene, x: f64, y: f64, theme: &Theme) -> Color {
    let mut bg = theme.background;
    for m in &s.marks {
        match (&m.shape, m.fill, m.role) {
            (Shape::Rect(r), Some(fill), Role::Bar | Role::Track) if r.contains(x, y) => bg = fill,
            (Shape::Path { points, closed: true }, Some(fill), Role::Wedge | Role::Area) if inside(points, x, y) => bg = fill,
            _ => {}
        }
    }
    bg
}

/// Even-odd point-in-polygon.
fn inside(poly: &[(f64, f64)], x: f64, y: f64) -> bool {
    let mut c = false;
    let n = poly.len();
    for i in 0..n {
        let (xi, yi) = poly[i];
        let (xj, yj) = poly[(i + n - 1) % n];
        if (yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi {
            c = !c;
        }
    }
    c
}

#[test]
fn every_text_has_at_least_4_5_to_1_contrast_on_what_is_behind_it() {
    for theme in [Theme::default(), Theme::dark()] {
        for text in feeds() {
            let feed = read(&text, Limits::default()).feed.unwrap();
            for ds in &feed.datasets {
                for w in [300.0, 640.0, 1200.0] {
                    let s = marks::build(ds, w, 320.0, &EstimateMeasure, &theme);
                    for m in &s.marks {
                        let Shape::Text { x, y, text: t, .. } = &m.shape else { continue };
                        let fill = m.fill.unwrap();
                        let bg = background_at(&s, *x, *y, &theme);
                        let c = fill.contrast(bg);
                        assert!(c >= 4.5, "{}: {:?} {:?} in {} on {}: contrast {:.2}", ds.id, m.role, t, fill.hex(), bg.hex(), c);
                    }
                }
            }
        }
    }
}

// Machado, Oliveira and Fernandes (2009), severity 1.0, applied in linear RGB.
const DEUTAN: [[f64; 3]; 3] = [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]];
const PROTAN: [[f64; 3]; 3] = [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]];

fn to_linear(v: u8) -> f64 {
    let s = v as f64 / 255.0;
    if s <= 0.04045 { s / 12.92 } else { ((s + 0.055) / 1.055).powf(2.4) }
}

fn lab(rgb: [f64; 3]) -> [f64; 3] {
    let [r, g, b] = rgb;
    let x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
    let y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
    let z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
    let f = |t: f64| if t > 0.008856 { t.cbrt() } else { 7.787 * t + 16.0 / 116.0 };
    [116.0 * f(y) - 16.0, 500.0 * (f(x) - f(y)), 200.0 * (f(y) - f(z))]
}

fn simulate(c: Color, m: &[[f64; 3]; 3]) -> [f64; 3] {
    let v = [to_linear(c.r), to_linear(c.g), to_linear(c.b)];
    let row = |r: [f64; 3]| (r[0] * v[0] + r[1] * v[1] + r[2] * v[2]).clamp(0.0, 1.0);
    [row(m[0]), row(m[1]), row(m[2])]
}

fn delta_e(a: [f64; 3], b: [f64; 3]) -> f64 {
    ((a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2) + (a[2] - b[2]).powi(2)).sqrt()
}

#[test]
fn the_palette_stays_distinguishable_under_deuteranopia_and_protanopia() {
    for theme in [Theme::default(), Theme::dark()] {
        // the first four colours are the ones charts use together most
        let pal = &theme.palette[..4];
        for (name, m) in [("deuteranopia", &DEUTAN), ("protanopia", &PROTAN)] {
            for i in 0..pal.len() {
                for j in i + 1..pal.len() {
                    let d = delta_e(lab(simulate(pal[i], m)), lab(simulate(pal[j], m)));
                    assert!(d >= 15.0, "{}: {} and {} differ by ΔE {:.1}", name, pal[i].hex(), pal[j].hex(), d);
                }
                // and every colour stands out from the background it is drawn on
                let d = delta_e(lab(simulate(pal[i], m)), lab(simulate(theme.background, m)));
                assert!(d >= 25.0, "{}: {} on the background: ΔE {:.1}", name, pal[i].hex(), d);
            }
        }
    }
}

#[test]
fn grouped_series_differ_by_pattern_not_only_by_colour() {
    let text = fs::read_to_string("www/examples/monitoring-grouped.json").unwrap();
    let ds = &read(&text, Limits::default()).feed.unwrap().datasets[0];
    let s = marks::build(ds, 640.0, 320.0, &EstimateMeasure, &Theme::default());
    let patterns = s.marks.iter().filter(|m| m.role == Role::Pattern).count();
    assert!(patterns > 20, "the second series is hatched ({} lines)", patterns);
    // every hatch line lies inside a bar of the second series
    let second: Vec<_> = s.data.iter().filter(|d| d.series == 1).map(|d| d.bar).collect();
    for m in s.marks.iter().filter(|m| m.role == Role::Pattern) {
        let Shape::Line { x1, y1, x2, y2 } = m.shape else { panic!() };
        assert!(second.iter().any(|r| r.distance(x1, y1) < 0.01 && r.distance(x2, y2) < 0.01));
    }
}

#[test]
fn several_lines_are_named_at_their_ends() {
    let text = fs::read_to_string("www/examples/english-stacked-area.json").unwrap();
    let ds = &read(&text, Limits::default()).feed.unwrap().datasets[0];
    let s = marks::build(ds, 640.0, 320.0, &EstimateMeasure, &Theme::default());
    let names: Vec<&str> = s.marks.iter().filter(|m| m.role == Role::SeriesLabel).filter_map(|m| if let Shape::Text { text, .. } = &m.shape { Some(text.as_str()) } else { None }).collect();
    assert_eq!(names, ["New", "Renovated"]);
}

#[test]
fn hiding_a_series_rescales_the_axis_and_keeps_colours() {
    let text = fs::read_to_string("www/examples/monitoring-grouped.json").unwrap();
    let ds = &read(&text, Limits::default()).feed.unwrap().datasets[0];
    let theme = Theme::default();
    let all = marks::build(ds, 640.0, 320.0, &EstimateMeasure, &theme);
    let only_households = marks::build(&common::marks::visible(ds, &[1]), 640.0, 320.0, &EstimateMeasure, &theme);
    assert_eq!(only_households.data.len(), 3);
    assert!(only_households.data.iter().all(|d| d.series == 0));
    // the 5313 households' bar: short beside 13968 people, tall once people are hidden
    let households = |s: &Scene| s.data.iter().find(|d| d.series == 0 && d.index == 0).map(|d| d.bar.h).unwrap();
    assert!(households(&only_households) > households(&all) * 2.0, "the axis rescaled: {} vs {}", households(&only_households), households(&all));
    let fill = |s: &Scene| s.marks.iter().find(|m| m.role == Role::Bar).and_then(|m| m.fill);
    assert_eq!(fill(&all), fill(&only_households));
}

#[test]
fn hiding_in_place_lays_out_as_a_filtered_copy_and_puts_every_value_back() {
    for (file, hidden) in [("www/examples/monitoring-grouped.json", vec![1]), ("www/examples/monitoring-grouped.json", vec![0, 1, 0]), ("www/feeds/toilets.json", vec![0]), ("www/examples/assistance-donut.json", vec![0, 2])] {
        let text = fs::read_to_string(file).unwrap();
        for mut ds in read(&text, Limits::default()).feed.unwrap().datasets {
            let theme = Theme::default();
            let copied = marks::build(&common::marks::visible(&ds, &hidden), 640.0, 320.0, &EstimateMeasure, &theme);
            let before = format!("{:?}", ds);
            let taken = marks::hide(&mut ds, &hidden);
            let in_place = marks::build(&ds, 640.0, 320.0, &EstimateMeasure, &theme);
            marks::show(&mut ds, taken);
            assert_eq!(format!("{:?}", in_place.marks), format!("{:?}", copied.marks), "{file} {hidden:?}");
            assert_eq!(format!("{:?}", ds), before, "{file}: the values are back");
        }
    }
}

#[test]
fn a_transition_moves_bars_from_the_old_values_to_the_new() {
    let text = fs::read_to_string("www/feeds/hamlets.json").unwrap();
    let mut ds = read(&text, Limits::default()).feed.unwrap().datasets.remove(0);
    let theme = Theme::default();
    let old = marks::build(&ds, 640.0, 320.0, &EstimateMeasure, &theme);
    ds.series[0].values[0] = Some(10_000_000.0);
    let new = marks::build(&ds, 640.0, 320.0, &EstimateMeasure, &theme);
    let bar0 = |s: &Scene| s.marks.iter().find_map(|m| match (&m.shape, m.datum) { (Shape::Rect(r), Some(0)) if m.role == Role::Bar => Some(*r), _ => None }).unwrap();
    assert_eq!(bar0(&common::tween::between(&old, &new, 0.0)), bar0(&old));
    assert_eq!(bar0(&common::tween::between(&old, &new, 1.0)), bar0(&new));
    let mid = bar0(&common::tween::between(&old, &new, 0.5));
    assert!(mid.h < bar0(&old).h && mid.h > bar0(&new).h, "half way: {:?}", mid);
    // the browser draws a frame by swapping the frame's bars into the scene, then back
    let mut scene = new.clone();
    let undo = tween::swap(&mut scene, tween::bars(&old, &new, 0.5));
    assert_eq!(bar0(&scene), mid);
    tween::swap(&mut scene, undo);
    assert_eq!(format!("{:?}", scene.marks), format!("{:?}", new.marks), "the scene is as it was");
}
