//! Column charts: vertical bars, grouped when there are several series.

use super::text;
use crate::layout::{self, LabelMode, TextMeasure, LABEL_SIZE, LINE, VALUE_SIZE};
use crate::model::Dataset;
use crate::scale::{BandScale, LinearScale};
use crate::scene::{Datum, HAlign, Mark, Rect, Role, Scene, VAlign};
use crate::theme::Theme;

/// Builds the scene of a column chart.
pub fn build(ds: &Dataset, width: f64, height: f64, m: &dyn TextMeasure, theme: &Theme) -> Scene {
    let lay = layout::column(ds, width, height, m);
    let plot = lay.plot;
    let y = LinearScale::new(lay.axis.lo, lay.axis.hi, plot.y + plot.h, plot.y);
    let band = BandScale { n: ds.categories.len(), r0: plot.x, r1: plot.x + plot.w, padding: 0.3 };
    let ns = ds.series.len().max(1);
    let sub = band.bandwidth() / ns as f64;
    let mut marks = Vec::new();
    let mut data = Vec::new();
    super::axis::vertical(&lay.axis, plot, &y, theme, &mut marks);

    let y0 = y.map(0.0);
    let mut value_labels = Vec::new();
    for (ci, cat) in ds.categories.iter().enumerate() {
        for (si, s) in ds.series.iter().enumerate() {
            let Some(v) = s.values.get(ci).copied().flatten() else { continue };
            let color = theme.series_color(si, s.color);
            let x0 = band.start(ci) + sub * si as f64;
            let yv = y.map(v);
            let bar = Rect { x: x0, y: yv.min(y0), w: (sub - if ns > 1 { 1.0 } else { 0.0 }).max(1.0), h: (yv - y0).abs() };
            let slot = Rect { x: x0, y: plot.y, w: sub, h: plot.h };
            let value_text = text::value_text(ds, v);
            let label = text::datum_label(ds, cat, &s.name, &value_text, "");
            let di = data.len();
            marks.push(Mark::rect(bar, color, Role::Bar, Some(di)));
            let short = crate::format::exact(v, ds.number_style);
            if m.width(&short, VALUE_SIZE) <= band.step() / ns as f64 + 2.0 {
                let (vy, va) = if v >= 0.0 { (bar.y - 3.0, VAlign::Bottom) } else { (bar.y + bar.h + 3.0, VAlign::Top) };
                value_labels.push(Mark::text(bar.x + bar.w / 2.0, vy, &short, VALUE_SIZE, HAlign::Middle, va, theme.text, Role::ValueLabel));
            }
            data.push(Datum {
                series: si,
                index: ci,
                bounds: slot,
                bar,
                category: cat.clone(),
                series_name: s.name.clone(),
                value: v,
                value_text,
                detail: String::new(),
                label,
            });
        }
    }
    super::axis::zero_line(plot.x, y0, plot.x + plot.w, y0, theme, &mut marks);
    marks.extend(value_labels);

    let label_y = plot.y + plot.h + 6.0;
    match lay.labels {
        LabelMode::Horizontal { step } => {
            for (ci, cat) in ds.categories.iter().enumerate() {
                if ci % step.max(1) == 0 {
                    marks.push(Mark::text(band.center(ci), label_y, cat, LABEL_SIZE, HAlign::Middle, VAlign::Top, theme.text, Role::Category));
                }
            }
        }
        LabelMode::Stacked { .. } => {
            for (ci, cat) in ds.categories.iter().enumerate() {
                let mut buf = [0u8; 4];
                for (k, ch) in cat.chars().enumerate() {
                    let s = ch.encode_utf8(&mut buf);
                    marks.push(Mark::text(band.center(ci), label_y + k as f64 * LINE, s, LABEL_SIZE, HAlign::Middle, VAlign::Top, theme.text, Role::Category));
                }
            }
        }
    }
    Scene { width, height, plot, marks, data }
}
