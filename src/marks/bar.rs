//! Horizontal bar charts and progress (bullet) charts: one row per category.

use super::text;
use crate::layout::{self, TextMeasure, LABEL_SIZE, VALUE_SIZE};
use crate::model::Dataset;
use crate::scale::{BandScale, LinearScale};
use crate::scene::{Datum, HAlign, Mark, Rect, Role, Scene, VAlign};
use crate::theme::{Color, Theme};

/// Builds the scene of a bar chart, or of a progress chart when the dataset has a target.
pub fn build(ds: &Dataset, width: f64, height: f64, m: &dyn TextMeasure, theme: &Theme) -> Scene {
    let progress = ds.target.as_ref();
    let mut value_texts = Vec::new();
    for s in &ds.series {
        for v in s.values.iter().flatten() {
            let t = text::value_text(ds, *v);
            value_texts.push(match progress {
                Some(target) => text::with_share(ds, &t, *v, target),
                None => t,
            });
        }
    }
    let lay = layout::bar(ds, width, height, m, &value_texts);
    let plot = lay.plot;
    let x = LinearScale::new(lay.axis.lo, lay.axis.hi, plot.x, plot.x + plot.w);
    let band = BandScale { n: ds.categories.len(), r0: plot.y, r1: plot.y + plot.h, padding: if progress.is_some() { 0.5 } else { 0.3 } };
    let ns = ds.series.len().max(1);
    let sub = band.bandwidth() / ns as f64;
    let mut marks = Vec::new();
    let mut data = Vec::new();
    super::axis::horizontal(&lay.axis, plot, &x, theme, &mut marks);
    let x0 = x.map(0.0);

    if progress.is_some() {
        for ci in 0..ds.categories.len() {
            let track = Rect { x: x0, y: band.start(ci), w: x.map(lay.axis.hi) - x0, h: band.bandwidth() };
            marks.push(Mark::rect(track, theme.grid, Role::Track, None));
        }
    }
    let mut labels = Vec::new();
    for (ci, cat) in ds.categories.iter().enumerate() {
        let shown = ellipsize(cat, lay.label_width - 8.0, m);
        labels.push(Mark::text(plot.x - 8.0, band.center(ci), &shown, LABEL_SIZE, HAlign::End, VAlign::Middle, theme.text, Role::Category));
        for (si, s) in ds.series.iter().enumerate() {
            let Some(v) = s.values.get(ci).copied().flatten() else { continue };
            let color = theme.series_color(si, s.color);
            let y0 = band.start(ci) + sub * si as f64;
            let xv = x.map(v);
            // a progress bar is thinner than its track, so the track shows around it
            let inset = if progress.is_some() { sub * 0.2 } else { 0.0 };
            let bar = Rect { x: xv.min(x0), y: y0 + inset, w: (xv - x0).abs(), h: (sub - inset * 2.0 - if ns > 1 { 1.0 } else { 0.0 }).max(1.0) };
            let slot = Rect { x: plot.x, y: y0, w: plot.w, h: sub };
            let value_text = text::value_text(ds, v);
            let detail = progress.map(|t| text::target_detail(ds, v, t)).unwrap_or_default();
            let label = text::datum_label(ds, cat, &s.name, &value_text, &detail);
            let di = data.len();
            marks.push(Mark::rect(bar, color, Role::Bar, Some(di)));
            // a progress bar says how far along it is: 7.25万人（107.07%）
            let shown = match progress {
                Some(t) => text::with_share(ds, &value_text, v, t),
                None => value_text.clone(),
            };
            if let Some(label) = value_label(&shown, &value_text, bar, v >= 0.0, width, m, theme) {
                labels.push(label);
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
                detail,
                label,
            });
        }
    }
    super::axis::zero_line(x0, plot.y, x0, plot.y + plot.h, theme, &mut marks);
    if let Some(t) = progress {
        let tx = x.map(t.value);
        marks.push(Mark::line(tx, plot.y - 4.0, tx, plot.y + plot.h, theme.axis, 2.0, Role::Target));
        let tl = text::target_text(ds, t);
        let w = m.width(&tl, LABEL_SIZE);
        // keep the label inside the box: anchor it at whichever side has room
        let h = if tx + w / 2.0 > width { HAlign::End } else if tx - w / 2.0 < 0.0 { HAlign::Start } else { HAlign::Middle };
        labels.push(Mark::text(tx, plot.y - 6.0, &tl, LABEL_SIZE, h, VAlign::Bottom, theme.text, Role::TargetLabel));
    }
    marks.extend(labels);
    Scene { width, height, plot, marks, data }
}

/// The value written beside its bar, or inside its end when there is no room
/// outside (white on the bar), or the shorter text, or nothing: never off the box.
fn value_label(full: &str, short: &str, bar: Rect, positive: bool, width: f64, m: &dyn TextMeasure, theme: &Theme) -> Option<Mark> {
    let y = bar.y + bar.h / 2.0;
    for text in [full, short] {
        let w = m.width(text, VALUE_SIZE);
        if positive && bar.x + bar.w + 4.0 + w <= width {
            return Some(Mark::text(bar.x + bar.w + 4.0, y, text, VALUE_SIZE, HAlign::Start, VAlign::Middle, theme.text, Role::ValueLabel));
        }
        if !positive && bar.x - 4.0 - w >= 0.0 {
            return Some(Mark::text(bar.x - 4.0, y, text, VALUE_SIZE, HAlign::End, VAlign::Middle, theme.text, Role::ValueLabel));
        }
        if w + 8.0 <= bar.w && bar.h >= VALUE_SIZE {
            let (x, h) = if positive { (bar.x + bar.w - 4.0, HAlign::End) } else { (bar.x + 4.0, HAlign::Start) };
            return Some(Mark::text(x, y, text, VALUE_SIZE, h, VAlign::Middle, Color::rgb(255, 255, 255), Role::ValueLabel));
        }
    }
    None
}

/// Shortens `s` with an ellipsis to fit `max` px; the full text stays in the datum.
fn ellipsize(s: &str, max: f64, m: &dyn TextMeasure) -> String {
    if m.width(s, LABEL_SIZE) <= max {
        return s.to_string();
    }
    let mut out = String::new();
    for c in s.chars() {
        out.push(c);
        let mut t = out.clone();
        t.push('…');
        if m.width(&t, LABEL_SIZE) > max {
            out.pop();
            break;
        }
    }
    out.push('…');
    out
}
