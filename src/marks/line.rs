//! Line and area charts: categories evenly spaced or dates in time; several
//! series as separate lines, or stacked areas. A `null` breaks the line.

use super::{annotate, text};
use crate::geom::Rect;
use crate::layout::{self, LABEL_SIZE};
use crate::model::{Dataset, Kind};
use crate::scale::LinearScale;
use crate::scene::{Datum, HAlign, Mark, Role, Scene, Shape, VAlign};
use crate::text::TextMeasure;
use crate::theme::Theme;

/// Builds the scene of a line or area chart.
pub fn build(ds: &Dataset, width: f64, height: f64, m: &dyn TextMeasure, theme: &Theme) -> Scene {
    let lay = layout::line(ds, width, height, m);
    let plot = lay.plot;
    let y = LinearScale::new(lay.axis.lo, lay.axis.hi, plot.y + plot.h, plot.y);
    let area = ds.kind == Kind::Area;
    let stacked = area && ds.stacked && ds.series.len() > 1;
    let mut marks = Vec::new();
    super::axis::vertical(&lay.axis, plot, &y, theme, &mut marks);

    // reading order and drawing order: by x (dates may come out of order in a feed)
    let order = sorted_order(&lay.xs[..ds.categories.len()]);
    let n = order.len();
    // each point picks the strip halfway to its neighbours
    let strip = |k: usize| -> (f64, f64) {
        let x = lay.xs[order[k]];
        let l = if k > 0 { (x + lay.xs[order[k - 1]]) / 2.0 } else { plot.x };
        let r = if k + 1 < n { (x + lay.xs[order[k + 1]]) / 2.0 } else { plot.x + plot.w };
        (l, r)
    };

    // pass 1: each series' top (and bottom, for stacked areas) at each category
    let nc = ds.categories.len();
    let mut base = vec![0.0; nc];
    let mut tops: Vec<Vec<Option<(f64, f64)>>> = Vec::with_capacity(ds.series.len());
    for s in &ds.series {
        let mut t = vec![None; nc];
        for ci in 0..nc {
            if let Some(v) = s.values.get(ci).copied().flatten() {
                let lo = if stacked { base[ci] } else { 0.0 };
                if stacked {
                    base[ci] = lo + v;
                }
                t[ci] = Some((lo, lo + v));
            }
        }
        tops.push(t);
    }
    // lines and areas: runs of consecutive values in x order; a gap ends a run. Series that
    // are not highlighted go first, so the highlighted ones are drawn over them
    let draw_order = super::highlight_order(ds);
    for &si in &draw_order {
        let color = super::series_color(ds, si, theme);
        let (width_px, dash) = (if super::muted(ds, si) { 1.25 } else { 2.0 }, super::series_dash(ds, si, theme));
        let mut runs: Vec<Vec<(f64, f64, f64)>> = vec![Vec::new()];
        for &ci in &order {
            match tops[si][ci] {
                Some((lo, hi)) => {
                    if let Some(r) = runs.last_mut() {
                        r.push((lay.xs[ci], y.map(hi), y.map(lo)));
                    }
                }
                None if runs.last().is_some_and(|r| !r.is_empty()) => runs.push(Vec::new()),
                None => {}
            }
        }
        for run in runs.iter().filter(|r| !r.is_empty()) {
            if area {
                let mut poly: Vec<(f64, f64)> = run.iter().map(|(x, y, _)| (*x, *y)).collect();
                poly.extend(run.iter().rev().map(|(x, _, b)| (*x, *b)));
                let fill = color.mix(theme.background, if stacked { 0.25 } else { 0.6 });
                marks.push(Mark::path(poly, true, Some(fill), None, 0.0, Role::Area, None));
            }
            let line: Vec<(f64, f64)> = run.iter().map(|(x, y, _)| (*x, *y)).collect();
            if line.len() > 1 {
                super::line(line, color, width_px, dash, &mut marks);
            }
        }
    }
    let zero = y.map(0.0);
    super::axis::zero_line(plot.x, zero, plot.x + plot.w, zero, theme, &mut marks);
    annotate::targets(ds, plot, &y, false, width, m, theme, &mut marks);

    // pass 2: data points in reading order (x, then series), each with its dot
    let dense = n as f64 > plot.w / 6.0;
    let mut data = Vec::new();
    for (k, &ci) in order.iter().enumerate() {
        let (l, r) = strip(k);
        for (si, s) in ds.series.iter().enumerate() {
            let (Some(v), Some((_, hi))) = (s.values.get(ci).copied().flatten(), tops[si][ci]) else { continue };
            let (px, py) = (lay.xs[ci], y.map(hi));
            let value_text = text::value_text(ds, si, v);
            let label = text::datum_label(ds, &ds.categories[ci], &s.name, &value_text, "");
            let di = data.len();
            if !dense {
                marks.push(Mark {
                    shape: Shape::Circle { x: px, y: py, r: 3.0 },
                    fill: Some(super::series_color(ds, si, theme)),
                    stroke: Some(theme.background),
                    stroke_width: 1.0,
                    role: Role::Point,
                    datum: Some(di),
                    dash: 0,
                });
            }
            data.push(Datum {
                series: si,
                index: ci,
                bounds: Rect { x: l, y: plot.y, w: r - l, h: plot.h },
                bar: Rect { x: px - 3.0, y: py - 3.0, w: 6.0, h: 6.0 },
                wedge: None,
                category: ds.categories[ci].clone(),
                series_name: s.name.clone(),
                value: v,
                value_text,
                detail: String::new(),
                label,
            });
        }
    }
    // several lines: each is named right of the plot, beside its last value, and joined to it
    // by a leader; names that would collide are moved apart (sorted by the value's height, then
    // pushed down, and back up from the plot's bottom), never past the plot's top or bottom
    let mut ends: Vec<(usize, f64, f64)> = Vec::new();
    for (si, name) in lay.end_labels.iter().enumerate() {
        if name.is_none() {
            continue;
        }
        let Some(&ci) = order.iter().rev().find(|&&ci| tops[si][ci].is_some()) else { continue };
        let Some((_, hi)) = tops[si][ci] else { continue };
        ends.push((si, lay.xs[ci], y.map(hi)));
    }
    let wanted: Vec<f64> = ends.iter().map(|e| e.2).collect();
    let placed = dodge(&wanted, layout::END_LABEL_PITCH, plot.y + layout::END_LABEL_PITCH / 2.0, plot.y + plot.h - layout::END_LABEL_PITCH / 2.0);
    let label_x = plot.x + plot.w + layout::END_LABEL_GAP;
    for ((si, px, py), ly) in ends.into_iter().zip(placed) {
        let color = super::series_color(ds, si, theme);
        marks.push(Mark::path(vec![(px, py), ((plot.x + plot.w + 4.0).max(px), py), (label_x - 3.0, ly)], false, None, Some(color), 1.0, Role::Leader, None));
        if let Some(name) = &lay.end_labels[si] {
            marks.push(Mark::text(label_x, ly, name, LABEL_SIZE, HAlign::Start, VAlign::Middle, theme.text, Role::SeriesLabel));
        }
    }
    for (x, t) in &lay.x_labels {
        marks.push(Mark::text(*x, plot.y + plot.h + 6.0, t, LABEL_SIZE, HAlign::Middle, VAlign::Top, theme.text, Role::Category));
    }
    annotate::labels(ds, &data, plot, width, height, m, theme, &mut marks);
    Scene { width, height, plot, marks, data, lazy: None }
}

/// Where labels wanted at heights `want` go so that their centres are `pitch` apart at least and
/// lie in `top..=bottom`: in the order of `want`, each moved as little as a push down from the
/// top and a push up from the bottom allow. Labels keep their order by height. `want` must fit:
/// `want.len() * pitch <= bottom - top + pitch`.
pub fn dodge(want: &[f64], pitch: f64, top: f64, bottom: f64) -> Vec<f64> {
    let order = sorted_order(want);
    let mut y: Vec<f64> = order.iter().map(|&i| crate::scale::clamp(want[i], top, bottom.max(top))).collect();
    for k in 1..y.len() {
        y[k] = y[k].max(y[k - 1] + pitch);
    }
    let mut limit = bottom;
    for v in y.iter_mut().rev() {
        *v = v.min(limit);
        limit = *v - pitch;
    }
    let mut out = vec![0.0; want.len()];
    for (k, &i) in order.iter().enumerate() {
        out[i] = y[k];
    }
    out
}

/// The indices of `keys` in ascending order, ties in index order: what a stable
/// `sort_by(total_cmp)` of `0..n` gives. A bottom-up merge sort of a few lines,
/// so the wasm carries no copy of the standard library's stable sort (~4 KB).
pub fn sorted_order(keys: &[f64]) -> Vec<usize> {
    let n = keys.len();
    let mut a: Vec<usize> = (0..n).collect();
    let mut b = a.clone();
    let mut w = 1;
    while w < n {
        let mut lo = 0;
        while lo < n {
            let (mid, hi) = ((lo + w).min(n), (lo + 2 * w).min(n));
            let (mut i, mut j) = (lo, mid);
            for slot in &mut b[lo..hi] {
                // the left run's element goes first unless the right one is strictly smaller
                if i < mid && (j >= hi || keys[a[j]].total_cmp(&keys[a[i]]).is_ge()) {
                    *slot = a[i];
                    i += 1;
                } else {
                    *slot = a[j];
                    j += 1;
                }
            }
            lo = hi;
        }
        std::mem::swap(&mut a, &mut b);
        w *= 2;
    }
    a
}

#[cfg(test)]
mod tests {
    #[test]
    fn sorted_order_is_a_stable_sort() {
        let mut seed = 7u64;
        for n in [0usize, 1, 2, 3, 5, 8, 13, 64, 100, 1000] {
            let keys: Vec<f64> = (0..n)
                .map(|_| {
                    seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                    ((seed >> 33) % 17) as f64 - 8.0 // many ties
                })
                .collect();
            let mut want: Vec<usize> = (0..n).collect();
            want.sort_by(|a, b| keys[*a].total_cmp(&keys[*b]));
            assert_eq!(super::sorted_order(&keys), want, "n = {n}");
            let rev: Vec<f64> = (0..n).rev().map(|v| v as f64).collect();
            assert_eq!(super::sorted_order(&rev), (0..n).rev().collect::<Vec<_>>());
        }
    }
}
