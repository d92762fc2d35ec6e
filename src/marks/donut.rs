//! Donut and pie charts: the first series' values as shares of their sum.

use std::f64::consts::TAU;

use super::text;
use crate::format;
use crate::geom::Rect;
use crate::layout::LABEL_SIZE;
use crate::model::{Dataset, Kind};
use crate::scene::{Datum, HAlign, Mark, Role, Scene, VAlign};
use crate::text::TextMeasure;
use crate::theme::Theme;

/// Builds the scene of a donut or pie chart.
pub fn build(ds: &Dataset, width: f64, height: f64, m: &dyn TextMeasure, theme: &Theme) -> Scene {
    let mut marks = Vec::new();
    let mut data = Vec::new();
    let Some(s) = ds.series.first() else {
        return Scene { width, height, plot: Rect::default(), marks, data, lazy: None };
    };
    let total: f64 = s.values.iter().flatten().filter(|v| **v > 0.0).sum();
    let r1 = ((width.min(height) / 2.0) - 8.0).max(10.0);
    let r0 = if ds.kind == Kind::Donut { r1 * 0.58 } else { 0.0 };
    let (cx, cy) = (width / 2.0, height / 2.0);
    let plot = Rect { x: cx - r1, y: cy - r1, w: r1 * 2.0, h: r1 * 2.0 };
    let mut a = 0.0;
    for (ci, cat) in ds.categories.iter().enumerate() {
        let Some(v) = s.values.get(ci).copied().flatten() else { continue };
        let share = if total > 0.0 { v.max(0.0) / total } else { 0.0 };
        let a1 = a + share * TAU;
        let color = theme.series_color(ci, None);
        let value_text = text::value_text(ds, 0, v);
        let pct = format::percent(share * 100.0);
        let detail = if ds.zh() { format::cat(&["占", &pct]) } else { format::cat(&[&pct, " of the total"]) };
        let label = text::datum_label(ds, cat, &s.name, &value_text, &detail);
        let di = data.len();
        if a1 > a {
            marks.push(Mark::path(wedge(cx, cy, r0, r1, a, a1), true, Some(color), Some(theme.background), 1.0, Role::Wedge, Some(di)));
        }
        let mid = (a + a1) / 2.0;
        let rm = if r0 > 0.0 { (r0 + r1) / 2.0 } else { r1 * 0.62 };
        let (mx, my) = (cx + rm * crate::platform::sin(mid), cy - rm * crate::platform::cos(mid));
        // the share inside the wedge when it is wide enough to hold it
        let pct = format::percent((share * 1000.0).round() / 10.0);
        let arc = (a1 - a) * rm;
        if arc > m.width(&pct, LABEL_SIZE) + 6.0 && r1 - r0 > LABEL_SIZE * 1.6 {
            marks.push(Mark::text(mx, my, &pct, LABEL_SIZE, HAlign::Middle, VAlign::Middle, color.text_on(theme), Role::ValueLabel));
        }
        data.push(Datum {
            series: 0,
            index: ci,
            // the wedge itself picks (see `wedge`); the box marks its middle
            bounds: Rect { x: mx - 2.0, y: my - 2.0, w: 4.0, h: 4.0 },
            bar: Rect { x: mx - 2.0, y: my - 2.0, w: 4.0, h: 4.0 },
            wedge: Some([cx, cy, r0, r1, a, a1]),
            category: cat.clone(),
            series_name: s.name.clone(),
            value: v,
            value_text,
            detail,
            label,
        });
        a = a1;
    }
    Scene { width, height, plot, marks, data, lazy: None }
}

/// The outline of a ring segment (or a pie slice when `r0` is 0), clockwise from 12 o'clock.
fn wedge(cx: f64, cy: f64, r0: f64, r1: f64, a0: f64, a1: f64) -> Vec<(f64, f64)> {
    let steps = (((a1 - a0) / TAU * 96.0).ceil() as usize).max(2);
    let at = |r: f64, a: f64| (cx + r * crate::platform::sin(a), cy - r * crate::platform::cos(a));
    let mut pts: Vec<(f64, f64)> = (0..=steps).map(|i| at(r1, a0 + (a1 - a0) * i as f64 / steps as f64)).collect();
    if r0 > 0.0 {
        pts.extend((0..=steps).rev().map(|i| at(r0, a0 + (a1 - a0) * i as f64 / steps as f64)));
    } else {
        pts.push((cx, cy));
    }
    pts
}
