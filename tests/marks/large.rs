//! Large line charts (`marks::large`): min-max decimation, binary-search
//! hit-testing and texts made on demand, natively.

use newschart::marks::large::{self, decimate};
use newschart::model::{Columns, Dataset};
use newschart::scene::hit::nearest_sorted;
use newschart::text::EstimateMeasure;
use newschart::theme::Theme;

/// A seeded series: a random walk with a spike, n points.
fn walk(n: usize) -> (Vec<f64>, Vec<f64>) {
    let mut s: u64 = 42;
    let mut v = 100.0;
    let mut ys = Vec::with_capacity(n);
    for i in 0..n {
        s = s.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        v += ((s >> 33) as f64 / (1u64 << 31) as f64) - 0.5;
        ys.push(if i == n / 3 { 1000.0 } else { v });
    }
    ((0..n).map(|i| i as f64).collect(), ys)
}

fn dataset(n: usize) -> (Dataset, Columns) {
    let (x, y) = walk(n);
    let feed = r#"{"version":1,"datasets":[{"kind":"line","title":"T","unit":"元","categories":["a","b"],"series":[{"name":"s","values":[1,2]}]}]}"#;
    let ds = newschart::normalize::read(feed, Default::default()).feed.unwrap().datasets.remove(0);
    let cols = Columns { x, values: vec![y], labels: Vec::new(), borrowed: None };
    (large::summary_dataset(&ds, &cols).unwrap(), cols)
}

#[test]
fn decimation_keeps_every_columns_extremes_in_order() {
    let (x, y) = walk(100_000);
    let runs = decimate(&x, &y, 0.0, 99_999.0, 500);
    assert_eq!(runs.len(), 1);
    let run = &runs[0];
    assert!(run.len() <= 4 * 501, "{} points", run.len());
    assert!(run.windows(2).all(|w| w[0].0 <= w[1].0), "points stay in x order");
    // every pixel column's lowest and highest value survive, the spike too
    let per = 500.0 / 99_999.0;
    for c in 0..500 {
        let in_col: Vec<usize> = (0..x.len()).filter(|&i| ((x[i] * per) as usize) == c).collect();
        let lo = in_col.iter().map(|&i| y[i]).fold(f64::INFINITY, f64::min);
        let hi = in_col.iter().map(|&i| y[i]).fold(f64::NEG_INFINITY, f64::max);
        assert!(run.iter().any(|p| p.1 == lo) && run.iter().any(|p| p.1 == hi), "column {}", c);
    }
    assert!(run.iter().any(|p| p.1 == 1000.0));
}

#[test]
fn gaps_split_the_line() {
    let x: Vec<f64> = (0..10).map(|i| i as f64).collect();
    let y = vec![1.0, 2.0, f64::NAN, 3.0, 4.0, 5.0, f64::NAN, f64::NAN, 6.0, 7.0];
    let runs = decimate(&x, &y, 0.0, 9.0, 1000);
    assert_eq!(runs.iter().map(|r| r.len()).collect::<Vec<_>>(), [2, 3, 2]);
}

#[test]
fn nearest_sorted_is_the_nearest() {
    let xs = [0.0, 1.0, 5.0, 5.0, 9.0];
    assert_eq!(nearest_sorted(&xs, -3.0), Some(0));
    assert_eq!(nearest_sorted(&xs, 2.9), Some(1));
    assert_eq!(nearest_sorted(&xs, 3.1), Some(2));
    assert_eq!(nearest_sorted(&xs, 100.0), Some(4));
    assert_eq!(nearest_sorted(&[], 1.0), None);
    assert_eq!(nearest_sorted(&xs, f64::NAN), None);
}

#[test]
fn a_million_points_make_a_small_scene_and_one_datum_on_demand() {
    let (ds, cols) = dataset(1_000_000);
    let (scene, frame) = large::build(&ds, &cols, 640.0, 360.0, &EstimateMeasure, &Theme::default());
    assert!(scene.data.is_empty(), "no per-point data");
    let drawn: usize = scene.marks.iter().map(|m| match &m.shape { newschart::scene::Shape::Path { points, .. } => points.len(), _ => 0 }).sum();
    assert!(drawn <= 4 * 700, "{} points drawn", drawn);
    // hovering the middle of the plot finds the point whose x is there
    let px = frame.plot.x + frame.plot.w / 2.0;
    let id = frame.hit(&cols, px, frame.plot.y + frame.plot.h / 2.0).unwrap();
    assert!((id as f64 - 500_000.0).abs() < 1_000_000.0 / frame.plot.w, "{}", id);
    let d = frame.datum(&ds, &cols, id).unwrap();
    assert_eq!(d.index, id);
    assert_eq!(d.value, cols.values[0][id]);
    assert!(d.value_text.ends_with('元'), "{}", d.value_text);
    assert!((d.bar.x + 3.0 - px).abs() < 1.0);
    assert_eq!(frame.datum(&ds, &cols, 5_000_000), None);
    assert_eq!(frame.hit(&cols, 2.0, 2.0), None, "outside the plot");
    assert!(large::describe(&ds, &cols, &frame.shown).contains("1,000,000"));
}

#[test]
fn a_long_line_feed_becomes_columns_in_x_order() {
    let mut cats = Vec::new();
    let mut vals = Vec::new();
    for i in 0..3000 {
        cats.push(format!("\"c{}\"", i));
        vals.push(if i == 7 { "null".to_string() } else { format!("{}", i * 2) });
    }
    let feed = format!(r#"{{"version":1,"datasets":[{{"kind":"line","title":"T","categories":[{}],"series":[{{"name":"s","values":[{}]}}]}}]}}"#, cats.join(","), vals.join(","));
    let ds = newschart::normalize::read(&feed, Default::default()).feed.unwrap().datasets.remove(0);
    let cols = Columns::from_dataset(&ds).unwrap();
    assert_eq!(cols.x.len(), 3000);
    assert!(cols.values[0][7].is_nan());
    assert_eq!(cols.values[0][8], 16.0);
    assert_eq!(large::x_text(&ds, &cols, 8), "c8");
}

#[test]
fn a_large_scene_answers_through_the_scene_path_as_any_chart() {
    use newschart::scene::{describe::describe, hit::hit};
    use std::rc::Rc;
    let (ds, cols) = dataset(100_000);
    let cols = Rc::new(cols);
    let (_, frame) = large::build(&ds, &cols, 640.0, 360.0, &EstimateMeasure, &Theme::default());
    let scene = large::scene(&ds, &cols, 640.0, 360.0, &EstimateMeasure, &Theme::default());
    assert!(scene.data.is_empty(), "no per-point data");
    assert_eq!(scene.point_count(), 100_000);
    // scene::hit, Scene::point and scene::describe, as the browser calls them for every chart
    let mut hits = 0;
    for k in 0..=20 {
        let (px, py) = (frame.plot.x + frame.plot.w * k as f64 / 20.0, frame.plot.y + frame.plot.h / 2.0);
        let id = hit(&scene, px, py);
        assert_eq!(id, frame.hit(&cols, px, py), "at {px}");
        let id = id.expect("a point under the plot");
        assert_eq!(scene.point(id), frame.datum(&ds, &cols, id));
        hits += 1;
    }
    assert_eq!(hits, 21);
    assert_eq!(hit(&scene, 2.0, 2.0), None, "outside the plot");
    assert_eq!(scene.point(5_000_000), None);
    assert_eq!(describe(&ds, &scene), large::describe(&ds, &cols, &frame.shown));
    assert!(describe(&ds, &scene).contains("100,000"));
}

/// The caller's arrays as the browser's `from_columns` keeps them: read through a source, which
/// counts how much it was asked for at once.
struct Arrays {
    cols: Vec<Vec<f64>>,
    widest: std::cell::Cell<usize>,
    read: std::cell::Cell<usize>,
}

impl newschart::model::ColumnSource for Arrays {
    fn read(&self, column: usize, start: usize, out: &mut [f64]) {
        self.widest.set(self.widest.get().max(out.len()));
        self.read.set(self.read.get() + out.len());
        out.copy_from_slice(&self.cols[column][start..start + out.len()]);
    }
}

#[test]
fn borrowed_columns_are_read_a_chunk_at_a_time_and_answer_as_owned_ones() {
    use newschart::model::{Borrowed, CHUNK};
    use newschart::scene::hit::hit;
    use std::rc::Rc;
    // two series over several chunks, with gaps across a chunk's edge and a spike in the last one
    let n = 3 * CHUNK + 123;
    let (x, mut a) = walk(n);
    let mut b: Vec<f64> = a.iter().map(|v| 250.0 - v).collect();
    for i in CHUNK - 2..CHUNK + 3 {
        a[i] = f64::NAN;
    }
    b[3 * CHUNK + 5] = -900.0;
    let feed = r#"{"version":1,"datasets":[{"kind":"line","title":"T","unit":"元","categories":["a","b"],"series":[{"name":"s","values":[1,2]},{"name":"t","values":[2,1]}]}]}"#;
    let ds = newschart::normalize::read(feed, Default::default()).feed.unwrap().datasets.remove(0);
    let owned = Rc::new(Columns { x: x.clone(), values: vec![a.clone(), b.clone()], labels: Vec::new(), borrowed: None });
    let arrays = Rc::new(Arrays { cols: vec![x, a, b], widest: Default::default(), read: Default::default() });
    let borrowed = Rc::new(Columns { borrowed: Some(Borrowed { len: n, series: 2, source: arrays.clone() }), ..Default::default() });
    let ds = large::summary_dataset(&ds, &owned).unwrap();
    assert_eq!(large::summary_dataset(&ds, &borrowed), Some(ds.clone()), "each series' extent, the spike included");
    let theme = Theme::default();
    let (s1, f1) = large::build(&ds, &owned, 640.0, 360.0, &EstimateMeasure, &theme);
    let (s2, f2) = large::build(&ds, &borrowed, 640.0, 360.0, &EstimateMeasure, &theme);
    assert_eq!(s2, s1, "the same lines, point for point");
    assert_eq!(f2, f1);
    let (p1, p2) = (large::scene(&ds, &owned, 640.0, 360.0, &EstimateMeasure, &theme), large::scene(&ds, &borrowed, 640.0, 360.0, &EstimateMeasure, &theme));
    for k in 0..=40 {
        for py in [f1.plot.y + 5.0, f1.plot.y + f1.plot.h - 5.0] {
            let px = f1.plot.x + f1.plot.w * k as f64 / 40.0;
            let id = hit(&p1, px, py).expect("a point under the plot");
            assert_eq!(hit(&p2, px, py), Some(id), "at {px}, {py}");
            // the caller's exact numbers, not rounded on the way
            assert_eq!(p2.point(id), p1.point(id));
            let d = p2.point(id).unwrap();
            assert_eq!(d.value, arrays.cols[1 + d.series][d.index]);
        }
    }
    assert_eq!(p2.point(2 * n), None, "past the end");
    assert_eq!(large::describe(&ds, &borrowed, &f2.shown), large::describe(&ds, &owned, &f1.shown));
    // never the whole column at once: the chart keeps no copy of it
    assert!(arrays.widest.get() <= CHUNK, "read {} values at once", arrays.widest.get());
    assert!(arrays.read.get() >= 3 * n, "every value was read ({} reads)", arrays.read.get());
    // x out of order is seen across a chunk's edge
    let mut xs = arrays.cols[0].clone();
    xs.swap(CHUNK - 1, CHUNK);
    let bad = Columns { borrowed: Some(Borrowed { len: n, series: 2, source: Rc::new(Arrays { cols: vec![xs, arrays.cols[1].clone(), arrays.cols[2].clone()], widest: Default::default(), read: Default::default() }) }), ..Default::default() };
    assert_eq!(large::summary_dataset(&ds, &bad), None, "x out of order");
}

/// The series' marks of a large scene: its bars (filled rects) and its lines' points.
fn drawn(scene: &newschart::scene::Scene) -> (Vec<newschart::geom::Rect>, Vec<Vec<(f64, f64)>>) {
    use newschart::scene::{Role, Shape};
    let (mut bars, mut lines) = (Vec::new(), Vec::new());
    for m in scene.marks.iter().filter(|m| m.role == Role::Line) {
        match &m.shape {
            Shape::Rect(r) => bars.push(*r),
            Shape::Path { points, .. } => lines.push(points.clone()),
            s => panic!("a large line drawn with {s:?}"),
        }
    }
    (bars, lines)
}

#[test]
fn a_dense_line_is_drawn_as_bars_that_cover_the_decimated_line_and_no_more() {
    // 10^5 points of a noisy walk over 600 px: every pixel column is a spike up and down
    let (ds, mut cols) = dataset(100_000);
    for (i, v) in cols.values[0].iter_mut().enumerate() {
        *v += if i % 2 == 0 { 40.0 } else { -40.0 };
    }
    cols.values[0][50_000] = f64::NAN; // a gap splits the line
    let ds = large::summary_dataset(&ds, &cols).unwrap();
    let (scene, frame) = large::build(&ds, &cols, 640.0, 360.0, &EstimateMeasure, &Theme::default());
    let (bars, lines) = drawn(&scene);
    let lw = 1.5;
    // what was drawn before: the decimated runs, one polyline each
    let runs: Vec<Vec<(f64, f64)>> = decimate(&cols.x, &cols.values[0], frame.x0, frame.x1, frame.plot.w.round() as usize)
        .into_iter()
        .map(|r| r.into_iter().map(|(a, b)| (frame.x.map(a), frame.y.map(b))).collect())
        .collect();
    assert_eq!(runs.len(), 2, "the gap splits the line");
    // the fast way was taken: bars, few line points
    let line_points: usize = lines.iter().map(Vec::len).sum();
    assert!(bars.len() >= 500 && line_points < 200, "{} bars, {} line points", bars.len(), line_points);
    // every point of the decimated line is drawn: inside a bar (less half the line width), or a line's
    let inside = |r: &newschart::geom::Rect, (x, y): (f64, f64)| x >= r.x + lw / 2.0 - 1e-9 && x <= r.x + r.w - lw / 2.0 + 1e-9 && y >= r.y + lw / 2.0 - 1e-9 && y <= r.y + r.h - lw / 2.0 + 1e-9;
    for &p in runs.iter().flatten() {
        assert!(bars.iter().any(|r| inside(r, p)) || lines.iter().flatten().any(|&q| q == p), "{p:?} not drawn");
    }
    // and nothing else: each bar is at most a pixel column wide (and the line's width) and its
    // ends are points of the decimated line
    let all: Vec<(f64, f64)> = runs.iter().flatten().copied().collect();
    for r in &bars {
        assert!(r.w <= 1.0 + lw + 1e-9, "{r:?}");
        let (top, bottom) = (r.y + lw / 2.0, r.y + r.h - lw / 2.0);
        for end in [top, bottom] {
            assert!(all.iter().any(|&(x, y)| (y - end).abs() < 1e-9 && inside(r, (x, y))), "{r:?}: no point at {end}");
        }
    }
}

#[test]
fn a_smooth_line_stays_a_line() {
    // 10^4 points of a gentle slope: no spikes to draw as bars
    let (ds, mut cols) = dataset(10_000);
    for (i, v) in cols.values[0].iter_mut().enumerate() {
        *v = i as f64 / 100.0;
    }
    let ds = large::summary_dataset(&ds, &cols).unwrap();
    let (scene, _) = large::build(&ds, &cols, 640.0, 360.0, &EstimateMeasure, &Theme::default());
    let (bars, lines) = drawn(&scene);
    assert_eq!((bars.len(), lines.len()), (0, 1), "bars and lines; the first bar {:?}", bars.first());
}

#[test]
fn the_summary_pass_refuses_x_out_of_order_or_not_finite_and_skips_infinite_values() {
    let (ds, cols) = dataset(10);
    let with = |x: Vec<f64>, y: Vec<f64>| large::summary_dataset(&ds, &Columns { x, values: vec![y], labels: Vec::new(), borrowed: None });
    let y: Vec<f64> = (0..4).map(f64::from).collect();
    assert!(with(vec![0.0, 1.0, 1.0, 2.0], y.clone()).is_some(), "equal x are in order");
    for x in [vec![0.0, 2.0, 1.0, 3.0], vec![0.0, f64::NAN, 2.0, 3.0], vec![0.0, 1.0, 2.0, f64::INFINITY], vec![f64::NEG_INFINITY, 1.0, 2.0, 3.0], vec![f64::NAN, 1.0, 2.0, 3.0]] {
        assert_eq!(with(x.clone(), y.clone()), None, "{x:?}");
    }
    let x = vec![0.0, 1.0, 2.0, 3.0];
    let extent = |y: Vec<f64>| with(x.clone(), y).unwrap().series[0].values.clone();
    assert_eq!(extent(vec![5.0, f64::NAN, -2.0, 1.0]), vec![Some(-2.0), Some(5.0)], "a gap is skipped");
    assert_eq!(extent(vec![5.0, f64::INFINITY, -2.0, f64::NEG_INFINITY]), vec![Some(-2.0), Some(5.0)], "so are infinities");
    assert_eq!(extent(vec![f64::NAN, f64::INFINITY, f64::NAN, f64::NAN]), vec![None, None]);
    assert!(cols.len() == 10);
}
