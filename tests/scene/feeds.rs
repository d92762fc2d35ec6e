//! The scene built from real feeds: the numbers drawn are the feed's numbers,
//! every mark stays inside the box, labels never overlap, and hit-testing and
//! the description read the same data.

use crate::common;

use std::fs;

use newschart::scene::{describe::describe, hit::hit, Role, Scene, Shape};
use newschart::text::EstimateMeasure;

const FEEDS: [&str; 3] = ["www/feeds/employment.json", "www/feeds/toilets.json", "www/feeds/hamlets.json"];
const WIDTHS: [f64; 5] = [280.0, 320.0, 375.0, 768.0, 1200.0];

fn build(file: &str, width: f64) -> (newschart::model::Dataset, Scene) {
    let text = fs::read_to_string(file).unwrap();
    newschart::scene_for(&text, None, width, None).unwrap()
}

fn overlaps(boxes: &[newschart::geom::Rect]) -> Option<(usize, usize)> {
    for i in 0..boxes.len() {
        for j in i + 1..boxes.len() {
            let (a, b) = (boxes[i], boxes[j]);
            if a.x < b.x + b.w - 0.5 && b.x < a.x + a.w - 0.5 && a.y < b.y + b.h - 0.5 && b.y < a.y + a.h - 0.5 {
                return Some((i, j));
            }
        }
    }
    None
}

#[test]
fn drawn_values_are_exactly_the_feed_values() {
    for file in FEEDS {
        for w in WIDTHS {
            let (ds, scene) = build(file, w);
            let want: Vec<f64> = ds.series[0].values.iter().flatten().copied().collect();
            let got: Vec<f64> = scene.data.iter().map(|d| d.value).collect();
            assert_eq!(got, want, "{} at {}", file, w);
            let bars = scene.marks.iter().filter(|m| m.role == Role::Bar).count();
            assert_eq!(bars, want.len(), "{}: one bar per value", file);
        }
    }
}

#[test]
fn tooltip_texts_use_chinese_units() {
    let (_, s) = build("www/feeds/employment.json", 640.0);
    assert_eq!(s.data[0].value_text, "7.25万人");
    assert_eq!(s.data[0].detail, "完成年度任务的107.07%");
    assert_eq!(s.data[0].label, "已就业脱贫户：7.25万人，完成年度任务的107.07%");
    let (_, s) = build("www/feeds/toilets.json", 640.0);
    assert_eq!(s.data[1].value_text, "5.4万户");
    let (_, s) = build("www/feeds/hamlets.json", 640.0);
    assert_eq!(s.data[0].value_text, "2800万元");
}

#[test]
fn every_mark_is_finite_and_inside_the_box() {
    let m = EstimateMeasure;
    for file in FEEDS {
        for w in WIDTHS {
            let (_, s) = build(file, w);
            for mark in &s.marks {
                match &mark.shape {
                    Shape::Rect(r) => {
                        for v in [r.x, r.y, r.w, r.h] {
                            assert!(v.is_finite());
                        }
                        assert!(r.x >= -0.01 && r.y >= -0.01 && r.x + r.w <= s.width + 0.01 && r.y + r.h <= s.height + 0.01, "{} at {}: {:?}", file, w, r);
                    }
                    Shape::Line { x1, y1, x2, y2 } => {
                        for v in [x1, y1, x2, y2] {
                            assert!(v.is_finite() && *v >= -0.01);
                        }
                        assert!(x1.max(*x2) <= s.width + 0.01 && y1.max(*y2) <= s.height + 0.01);
                    }
                    Shape::Path { points, .. } => {
                        for (x, y) in points {
                            assert!(x.is_finite() && y.is_finite() && *x >= -0.01 && *y >= -0.01 && *x <= s.width + 0.01 && *y <= s.height + 0.01);
                        }
                    }
                    Shape::Circle { x, y, .. } => assert!(*x >= 0.0 && *x <= s.width && *y >= 0.0 && *y <= s.height),
                    Shape::Text { .. } => {}
                }
            }
            for role in [Role::Tick, Role::Category, Role::ValueLabel, Role::TargetLabel] {
                for b in s.label_boxes(role, &m) {
                    assert!(b.x >= -1.0 && b.x + b.w <= s.width + 1.0 && b.y >= -1.0 && b.y + b.h <= s.height + 1.0, "{} at {}: {:?} label at {:?}", file, w, role, b);
                }
            }
        }
    }
}

#[test]
fn tick_and_category_labels_never_overlap() {
    let m = EstimateMeasure;
    for file in FEEDS {
        for w in WIDTHS {
            let (_, s) = build(file, w);
            for role in [Role::Tick, Role::Category, Role::ValueLabel] {
                let boxes = s.label_boxes(role, &m);
                assert_eq!(overlaps(&boxes), None, "{} at {}px: {:?} labels overlap", file, w, role);
            }
        }
    }
}

#[test]
fn narrow_columns_stack_chinese_labels_instead_of_overlapping() {
    let (_, s) = build("www/feeds/hamlets.json", 280.0);
    let cats: Vec<&str> = s
        .marks
        .iter()
        .filter(|m| m.role == Role::Category)
        .filter_map(|m| if let Shape::Text { text, .. } = &m.shape { Some(text.as_str()) } else { None })
        .collect();
    // one character a line: 醴 陵 市 …
    assert!(cats.iter().all(|t| t.chars().count() == 1), "{:?}", cats);
    assert_eq!(cats.concat(), "醴陵市攸县茶陵县炎陵县渌口区荷塘区芦淞区石峰区天元区");
}

#[test]
fn hit_testing_finds_each_bar_and_nothing_far_away() {
    for file in FEEDS {
        let (_, s) = build(file, 640.0);
        for (i, d) in s.data.iter().enumerate() {
            let (cx, cy) = (d.bar.x + d.bar.w / 2.0, d.bar.y + d.bar.h / 2.0);
            assert_eq!(hit(&s, cx, cy), Some(i), "{}", file);
        }
        assert_eq!(hit(&s, -100.0, -100.0), None);
    }
}

#[test]
fn the_description_reads_the_drawn_data() {
    let (ds, s) = build("www/feeds/employment.json", 640.0);
    assert_eq!(describe(&ds, &s), "已就业脱贫户7.25万人，超额完成年度任务。已就业脱贫户：7.25万人，完成年度任务的107.07%。");
    let (ds, s) = build("www/feeds/hamlets.json", 640.0);
    let d = describe(&ds, &s);
    assert!(d.contains("示例数据"), "{}", d);
    assert!(d.contains("醴陵市：2800万元"), "{}", d);
}

#[test]
fn a_gap_draws_no_bar_and_no_zero() {
    let text = r#"{"version": 1, "datasets": [{"kind": "column", "title": "t", "unit": "人", "categories": ["a", "b", "c"], "series": [{"name": "s", "values": [10, null, 30]}]}]}"#;
    let (_, s) = newschart::scene_for(text, None, 400.0, Some(200.0)).unwrap();
    let idx: Vec<usize> = s.data.iter().map(|d| d.index).collect();
    assert_eq!(idx, [0, 2]);
}

#[test]
fn negative_values_grow_down_from_zero() {
    let text = r#"{"version": 1, "datasets": [{"kind": "column", "title": "t", "categories": ["a", "b"], "series": [{"name": "s", "values": [-20, 40]}]}]}"#;
    let (_, s) = newschart::scene_for(text, None, 400.0, Some(200.0)).unwrap();
    assert!(s.data[0].bar.y > s.data[1].bar.y + s.data[1].bar.h - 0.5, "negative bar starts at the zero line");
}

#[test]
fn long_tick_labels_in_full_digits_never_overlap_on_a_phone() {
    let text = r#"{"version": 1, "datasets": [{"kind": "bar", "title": "t", "numberStyle": "full", "unit": "元",
        "categories": ["醴陵市", "攸县", "茶陵县"], "series": [{"name": "s", "values": [28000000, 22000000, 15000000]}]}]}"#;
    let m = EstimateMeasure;
    for w in [280.0, 320.0, 375.0, 500.0, 768.0] {
        let (_, s) = newschart::scene_for(text, None, w, None).unwrap();
        let boxes = s.label_boxes(Role::Tick, &m);
        assert!(boxes.len() >= 2, "at {}: {} tick labels", w, boxes.len());
        assert_eq!(overlaps(&boxes), None, "at {}px tick labels overlap", w);
    }
}

/// us-employment (vega-datasets: monthly US employment by sector, a wide CSV) through the CSV
/// import as a line chart with its first `n` series, `highlight` naming some of them.
fn employment(n: usize, highlight: &[&str]) -> String {
    let bytes = fs::read("tests/fixtures/csv/us-employment.csv").unwrap();
    let opts = newschart::csv::CsvOptions { kind: Some("line".into()), locale: Some("en".into()), ..Default::default() };
    let (mut feed, _) = newschart::csv::to_feed(&bytes, &opts).unwrap();
    let ds = &mut feed["datasets"][0];
    ds["series"].as_array_mut().unwrap().truncate(n);
    if !highlight.is_empty() {
        ds["highlight"] = serde_json::json!(highlight);
    }
    serde_json::to_string(&feed).unwrap()
}

/// The last point of each series' line, in series order, as the scene draws it.
fn last_points(ds: &newschart::model::Dataset, scene: &Scene) -> Vec<Option<(f64, f64)>> {
    (0..ds.series.len())
        .map(|si| scene.data.iter().rfind(|d| d.series == si).map(|d| (d.bar.x + d.bar.w / 2.0, d.bar.y + d.bar.h / 2.0)))
        .collect()
}

#[test]
fn fourteen_lines_have_end_labels_apart_each_joined_to_its_own_last_value() {
    let text = employment(14, &[]);
    for w in [375.0, 768.0, 1200.0] {
        for h in [300.0, 380.0, 600.0] {
            let (ds, scene) = newschart::scene_for(&text, None, w, Some(h)).unwrap();
            assert_eq!(ds.series.len(), 14);
            let m = &EstimateMeasure;
            // no two text marks of any role overlap
            let texts: Vec<_> = [Role::Tick, Role::Category, Role::SeriesLabel, Role::ValueLabel, Role::Annotation]
                .iter()
                .flat_map(|r| scene.label_boxes(*r, m))
                .collect();
            assert_eq!(overlaps(&texts), None, "text marks overlap at {w}x{h}");
            let labels: Vec<_> = scene.marks.iter().filter(|mk| mk.role == Role::SeriesLabel).collect();
            let leaders: Vec<_> = scene.marks.iter().filter(|mk| mk.role == Role::Leader).collect();
            let ends = last_points(&ds, &scene);
            if labels.is_empty() {
                // the fallback: the legend names the lines; then there is no leader either
                assert!(leaders.is_empty());
                assert!(w < 768.0 || h < 380.0, "a roomy chart ({w}x{h}) names its lines");
                continue;
            }
            assert_eq!(labels.len(), 14, "every line is named at {w}x{h}");
            assert_eq!(leaders.len(), 14);
            for (label, leader) in labels.iter().zip(&leaders) {
                let Shape::Text { x, y, text, .. } = &label.shape else { unreachable!() };
                let si = ds.series.iter().position(|s| s.name == *text || text.ends_with('…') && s.name.starts_with(text.trim_end_matches('…'))).expect("a label names a series");
                let Shape::Path { points, .. } = &leader.shape else { unreachable!() };
                let (ex, ey) = ends[si].unwrap();
                let first = points[0];
                let last = *points.last().unwrap();
                assert!((first.0 - ex).abs() < 0.01 && (first.1 - ey).abs() < 0.01, "{text}: the leader starts at {first:?}, its line ends at ({ex}, {ey})");
                assert!((last.0 - x).abs() <= 4.0 && (last.1 - y).abs() <= 0.01, "{text}: the leader ends at {last:?}, by its label at ({x}, {y})");
                assert!(leader.stroke == Some(newschart::marks::series_color(&ds, si, &newschart::theme::Theme::default())), "{text}: the leader is in its line's colour");
                // beside the line's end unless the leader joins them
                assert!((y - ey).abs() <= newschart::layout::LINE || points.len() > 1);
                // the label stays in the plot's height
                assert!(*y >= scene.plot.y && *y <= scene.plot.y + scene.plot.h, "{text} at {y} outside the plot's height");
            }
        }
    }
}

#[test]
fn no_two_of_fourteen_lines_share_a_look() {
    let text = employment(14, &[]);
    let (_, scene) = newschart::scene_for(&text, None, 768.0, None).unwrap();
    // a dashed line is one path per dash, each carrying its pattern: one look per series
    let mut looks: Vec<_> = Vec::new();
    for m in scene.marks.iter().filter(|m| m.role == Role::Line) {
        if looks.last() != Some(&(m.stroke, m.dash)) {
            looks.push((m.stroke, m.dash));
        }
    }
    assert_eq!(looks.len(), 14, "one run of paths per series (no gaps in this file)");
    for i in 0..looks.len() {
        for j in i + 1..looks.len() {
            assert_ne!(looks[i], looks[j], "series {i} and {j} look the same");
        }
    }
    // the 7th line is dashed: many short paths in its colour, each dash shorter than its pattern's
    // longest stroke, in the scene and in the SVG
    let (c, dash) = looks[6];
    assert_ne!(dash, 0);
    let pieces: Vec<_> = scene.marks.iter().filter(|m| m.role == Role::Line && m.stroke == c && m.dash == dash).collect();
    assert!(pieces.len() > 20, "{} pieces", pieces.len());
    for m in &pieces {
        let Shape::Path { points, .. } = &m.shape else { panic!("a line is a path") };
        let len: f64 = points.windows(2).map(|w| ((w[1].0 - w[0].0).powi(2) + (w[1].1 - w[0].1).powi(2)).sqrt()).sum();
        assert!(len <= 7.0 + 1e-6, "a dash of {len} px");
    }
    let svg = newschart::render::svg::to_svg(&scene, 1.0).unwrap();
    let c = c.unwrap().hex();
    let n = svg.matches(&format!("stroke=\"{}\"", c.to_uppercase())).count() + svg.matches(&format!("stroke=\"{}\"", c)).count();
    assert!(n >= pieces.len(), "the SVG draws every dash: {n} paths in {c}");
}

/// A column chart of `n` daily dates from 2012-01-01 (values made up: the labels are the point).
fn daily_columns(n: usize) -> String {
    let days: Vec<String> = (0..n as i64)
        .map(|d| {
            let t = newschart::format::date::from_days(15340 + d);
            format!("\"{:04}-{:02}-{:02}\"", t.y, t.m, t.d)
        })
        .collect();
    let values: Vec<String> = (0..n).map(|i| ((i * 37) % 101).to_string()).collect();
    format!(
        r#"{{"version": 1, "datasets": [{{"kind": "column", "title": "daily", "locale": "en", "categories": [{}], "series": [{{"name": "v", "values": [{}]}}]}}]}}"#,
        days.join(","),
        values.join(",")
    )
}

#[test]
fn a_long_column_axis_shows_a_readable_subset_of_whole_labels() {
    let text = daily_columns(1461);
    for w in WIDTHS {
        let (ds, scene) = newschart::scene_for(&text, None, w, None).unwrap();
        assert_eq!(ds.categories[0], "2012-01-01");
        let labels: Vec<&str> = scene.marks.iter().filter(|m| m.role == Role::Category).filter_map(|m| match &m.shape {
            Shape::Text { text, .. } => Some(text.as_str()),
            _ => None,
        }).collect();
        assert!(labels.len() >= 2, "at {w}: {labels:?}");
        for l in &labels {
            assert!(ds.categories.iter().any(|c| c == l), "at {w}: {l:?} is a whole date, not shortened");
        }
        assert_eq!(overlaps(&scene.label_boxes(Role::Category, &EstimateMeasure)), None, "at {w}");
    }
}

/// Every feed in www/examples and www/feeds, each dataset.
fn every_example() -> Vec<(String, String)> {
    let mut out = Vec::new();
    for dir in ["www/examples", "www/feeds"] {
        let mut files: Vec<_> = fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|e| e == "json")).collect();
        files.sort();
        for f in files {
            out.push((f.display().to_string(), fs::read_to_string(&f).unwrap()));
        }
    }
    out
}

#[test]
fn every_example_keeps_its_data_marks_inside_the_plot() {
    use newschart::normalize::{read, Limits};
    const EPS: f64 = 0.01;
    let examples = every_example();
    assert!(examples.len() >= 12);
    for (file, text) in &examples {
        let feed = read(text, Limits::default()).feed.unwrap_or_else(|| panic!("{file} reads"));
        for ds in &feed.datasets {
            if !common::model::has_axis(ds.kind) {
                continue;
            }
            for w in WIDTHS {
                for h in [None, Some(200.0), Some(600.0)] {
                    let h = h.unwrap_or_else(|| newschart::layout::default_height(ds, w));
                    let s = newschart::marks::build(ds, w, h, &EstimateMeasure, &newschart::theme::Theme::default());
                    let p = s.plot;
                    let inside = |x: f64, y: f64| x >= p.x - EPS && x <= p.x + p.w + EPS && y >= p.y - EPS && y <= p.y + p.h + EPS;
                    for m in s.marks.iter().filter(|m| matches!(m.role, Role::Bar | Role::Line | Role::Area | Role::Point | Role::Pattern | Role::Track | Role::Target | Role::Grid | Role::Baseline)) {
                        let pts: Vec<(f64, f64)> = match &m.shape {
                            Shape::Rect(r) => vec![(r.x, r.y), (r.x + r.w, r.y + r.h)],
                            Shape::Line { x1, y1, x2, y2 } => vec![(*x1, *y1), (*x2, *y2)],
                            Shape::Path { points, .. } => points.clone(),
                            Shape::Circle { x, y, .. } => vec![(*x, *y)],
                            Shape::Text { .. } => vec![],
                        };
                        // a target's marker may reach past the plot across the value axis (over a
                        // progress bar's track); along the value axis it stays inside like any mark
                        let across = m.role == Role::Target;
                        let horizontal = matches!(ds.kind, newschart::model::Kind::Bar | newschart::model::Kind::Progress);
                        for (x, y) in pts {
                            let (x, y) = match (across, horizontal) {
                                (true, true) => (x, p.y),
                                (true, false) => (p.x, y),
                                _ => (x, y),
                            };
                            assert!(inside(x, y), "{file} {} at {w}x{h}: {:?} point ({x}, {y}) outside the plot {p:?}", ds.id, m.role);
                        }
                    }
                }
            }
        }
    }
}

/// Every text mark of a scene with its box as the native measurer sees it.
fn text_boxes(s: &Scene) -> Vec<(Role, String, newschart::geom::Rect)> {
    let m = EstimateMeasure;
    s.marks
        .iter()
        .filter_map(|mk| match &mk.shape {
            Shape::Text { text, .. } if !text.trim().is_empty() => mk.text_box(&m).map(|r| (mk.role, text.clone(), r)),
            _ => None,
        })
        .collect()
}

#[test]
fn annotation_labels_clear_every_other_label_at_every_width() {
    use newschart::normalize::{read, Limits};
    let mut bad = Vec::new();
    let mut annotated = 0;
    for (file, text) in &every_example() {
        let feed = read(text, Limits::default()).feed.unwrap_or_else(|| panic!("{file} reads"));
        for ds in &feed.datasets {
            for w in (280..=1280).step_by(8).map(f64::from) {
                for h in [None, Some(200.0), Some(600.0)] {
                    let h = h.unwrap_or_else(|| newschart::layout::default_height(ds, w));
                    let s = newschart::marks::build(ds, w, h, &EstimateMeasure, &newschart::theme::Theme::default());
                    let texts = text_boxes(&s);
                    for (i, (ra, ta, a)) in texts.iter().enumerate() {
                        if *ra != Role::Annotation {
                            continue;
                        }
                        annotated += 1;
                        for (j, (rb, tb, b)) in texts.iter().enumerate() {
                            if i != j && a.x < b.x + b.w - 0.5 && b.x < a.x + a.w - 0.5 && a.y < b.y + b.h - 0.5 && b.y < a.y + a.h - 0.5 {
                                bad.push(format!("{file} {} at {w}x{h}: {ta:?} overlaps {rb:?} {tb:?}", ds.id));
                            }
                        }
                    }
                }
            }
        }
    }
    assert!(annotated > 100, "the examples have annotation labels to check");
    assert!(bad.is_empty(), "{} overlaps:\n{}", bad.len(), bad.iter().take(40).cloned().collect::<Vec<_>>().join("\n"));
}

#[test]
fn an_annotation_wider_than_the_plot_takes_the_place_of_the_ticks_it_meets() {
    let text = fs::read_to_string("www/examples/hamlets-annotated.json").unwrap().replace("东富寺幸福屋场所在地", "东富寺幸福屋场所在地，株洲市第一个建成的幸福屋场，社会资金投入全市最多");
    let mut dropped = 0;
    for w in (280..=640).step_by(8).map(f64::from) {
        let (_, s) = newschart::scene_for(&text, None, w, None).unwrap();
        let texts = text_boxes(&s);
        let note = texts.iter().find(|t| t.0 == Role::Annotation && t.1.starts_with("东富寺")).unwrap_or_else(|| panic!("at {w}: the note is drawn"));
        for (rb, tb, b) in &texts {
            let a = note.2;
            let meets = a.x < b.x + b.w - 0.5 && b.x < a.x + a.w - 0.5 && a.y < b.y + b.h - 0.5 && b.y < a.y + a.h - 0.5;
            assert!(tb == &note.1 || !meets, "at {w}: {:?} overlaps {rb:?} {tb:?}", note.1);
        }
        let ticks = texts.iter().filter(|t| t.0 == Role::Tick).count();
        let grid = s.marks.iter().filter(|m| m.role == Role::Grid).count();
        // a tick the note covers is dropped, its grid line stays; the other ticks stay
        assert!(ticks >= grid, "at {w}: {ticks} ticks for {grid} grid lines");
        assert!(ticks >= 2, "at {w}: the axis keeps ticks to read");
        dropped += grid + 1 - ticks;
    }
    assert!(dropped > 0, "a note this wide meets a tick at some width");
    // a note that fits over the plot moves there, beside the ticks: every tick stays
    let text = fs::read_to_string("www/examples/hamlets-annotated.json").unwrap();
    for w in (280..=1280).step_by(8).map(f64::from) {
        let (_, s) = newschart::scene_for(&text, None, w, None).unwrap();
        let ticks = text_boxes(&s).iter().filter(|t| t.0 == Role::Tick).count();
        let grid = s.marks.iter().filter(|m| m.role == Role::Grid).count();
        assert_eq!(ticks, grid + 1, "at {w}: a tick gave way to a note that fits over the plot");
    }
}

#[test]
fn columns_past_the_palette_differ_by_hatching_as_well() {
    // 20 yearly series of the NBS province table (the real-data corpus): the colour repeats
    // after six series, and the hatching must then differ, for the first 18 at least
    let text = fs::read_to_string("www/gallery/china-population-by-province.json").unwrap();
    let (_, s) = newschart::scene_for(&text, None, 1200.0, Some(400.0)).unwrap();
    let mut looks = Vec::new();
    for series in 0..18 {
        let d = s.data.iter().position(|d| d.series == series && d.value > 0.0).unwrap();
        let bar = s.marks.iter().find(|m| m.role == Role::Bar && m.datum == Some(d)).unwrap();
        let Shape::Rect(r) = bar.shape else { panic!("a bar that is not a rect") };
        // the hatching drawn over this bar: diagonal or horizontal lines inside it
        let kind = s
            .marks
            .iter()
            .filter(|m| m.role == Role::Pattern)
            .find_map(|m| match m.shape {
                Shape::Line { x1, y1, x2, y2 } if r.contains((x1 + x2) / 2.0, (y1 + y2) / 2.0) => Some(if (y1 - y2).abs() < 1e-9 { "horizontal" } else { "diagonal" }),
                _ => None,
            })
            .unwrap_or("plain");
        let look = (bar.fill.unwrap().hex(), kind);
        assert!(!looks.contains(&look), "series {} looks like an earlier one: {:?}", series, look);
        looks.push(look);
    }
}
