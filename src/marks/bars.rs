//! Bars in both directions: columns (vertical), bars (horizontal) and progress
//! (a bar on a track with a target marker); grouped or stacked series.

use super::{annotate, text};
use crate::geom::Rect;
use crate::layout::{self, LabelMode, LABEL_SIZE, LINE, VALUE_SIZE};
use crate::model::{Dataset, Kind};
use crate::scale::{BandScale, LinearScale};
use crate::scene::{Datum, HAlign, Mark, Role, Scene, VAlign};
use crate::text::{ellipsize, TextMeasure};
use crate::theme::{Color, Theme};

/// How a bar chart is oriented: which screen axis carries values.
struct Frame {
    horizontal: bool,
    plot: Rect,
    value: LinearScale,
    band: BandScale,
}

impl Frame {
    /// The rectangle of a bar from value `a` to `b` across `[band0, band0 + bw]`.
    fn rect(&self, band0: f64, bw: f64, a: f64, b: f64) -> Rect {
        let (pa, pb) = (self.value.map(a), self.value.map(b));
        if self.horizontal {
            Rect { x: pa.min(pb), y: band0, w: (pb - pa).abs(), h: bw }
        } else {
            Rect { x: band0, y: pa.min(pb), w: bw, h: (pb - pa).abs() }
        }
    }

    /// The pick area of one category's band (or one series' part of it).
    fn slot(&self, band0: f64, bw: f64) -> Rect {
        if self.horizontal {
            Rect { x: self.plot.x, y: band0, w: self.plot.w, h: bw }
        } else {
            Rect { x: band0, y: self.plot.y, w: bw, h: self.plot.h }
        }
    }
}

/// Builds the scene of a column, bar or progress chart.
pub fn build(ds: &Dataset, width: f64, height: f64, m: &dyn TextMeasure, theme: &Theme) -> Scene {
    let horizontal = ds.kind != Kind::Column;
    let progress = if ds.kind == Kind::Progress { ds.target.as_ref() } else { None };
    let stacked = ds.stacked && ds.series.len() > 1;
    let ns = ds.series.len().max(1);

    // what each bar says beside itself: the layout makes room for the longest
    let mut value_texts = Vec::new();
    if horizontal && !stacked {
        for (si, s) in ds.series.iter().enumerate() {
            for v in s.values.iter().flatten() {
                let t = text::label_text(ds, si, *v);
                value_texts.push(match progress {
                    Some(target) => text::with_share(ds, &t, *v, target),
                    None => t,
                });
            }
        }
    }

    let mut marks = Vec::new();
    let (frame, axis, labels) = if horizontal {
        let lay = layout::bar(ds, width, height, m, &value_texts);
        let p = lay.plot;
        let padding = if progress.is_some() { 0.5 } else { 0.3 };
        let f = Frame {
            horizontal,
            plot: p,
            value: LinearScale::new(lay.axis.lo, lay.axis.hi, p.x, p.x + p.w),
            band: BandScale { n: ds.categories.len(), r0: p.y, r1: p.y + p.h, padding },
        };
        super::axis::horizontal(&lay.axis, p, &f.value, m, theme, &mut marks);
        (f, lay.axis, None)
    } else {
        let lay = layout::column(ds, width, height, m);
        let p = lay.plot;
        let f = Frame {
            horizontal,
            plot: p,
            value: LinearScale::new(lay.axis.lo, lay.axis.hi, p.y + p.h, p.y),
            band: BandScale { n: ds.categories.len(), r0: p.x, r1: p.x + p.w, padding: 0.3 },
        };
        super::axis::vertical(&lay.axis, p, &f.value, theme, &mut marks);
        (f, lay.axis, Some(lay.labels))
    };
    let plot = frame.plot;
    let band = frame.band;
    let sub = if stacked { band.bandwidth() } else { band.bandwidth() / ns as f64 };

    if progress.is_some() {
        for ci in 0..ds.categories.len() {
            let track = frame.rect(band.start(ci), band.bandwidth(), 0.0, axis.hi);
            marks.push(Mark::rect(track, theme.grid, Role::Track, None));
        }
    }

    let highlight = annotate::highlighted(ds);
    // each stack's total, for the share a stacked segment shows in its tooltip
    let totals: Vec<f64> = (0..ds.categories.len())
        .map(|ci| ds.series.iter().filter_map(|s| s.values.get(ci).copied().flatten()).filter(|v| *v > 0.0).sum())
        .collect();
    let mut data = Vec::new();
    let mut texts = Vec::new();
    for (ci, cat) in ds.categories.iter().enumerate() {
        let (mut pos, mut neg) = (0.0, 0.0);
        for (si, s) in ds.series.iter().enumerate() {
            let Some(v) = s.values.get(ci).copied().flatten() else { continue };
            let mut color = super::series_color(ds, si, theme);
            if highlight.is_some_and(|h| h != ci) {
                color = color.mix(theme.background, 0.6);
            }
            let (a, b) = if !stacked {
                (0.0, v)
            } else if v >= 0.0 {
                pos += v;
                (pos - v, pos)
            } else {
                neg += v;
                (neg - v, neg)
            };
            let band0 = band.start(ci) + if stacked { 0.0 } else { sub * si as f64 };
            // a progress bar is thinner than its track, so the track shows around it
            let inset = if progress.is_some() { sub * 0.2 } else { 0.0 };
            let gap = if ns > 1 && !stacked { 1.0 } else { 0.0 };
            let bar = frame.rect(band0 + inset, (sub - inset * 2.0 - gap).max(1.0), a, b);
            let value_text = text::value_text(ds, si, v);
            let detail = match progress {
                Some(t) => text::target_detail(ds, v, t),
                None if stacked => text::share_detail(ds, v, totals[ci]),
                None => String::new(),
            };
            let label = text::datum_label(ds, cat, &s.name, &value_text, &detail);
            let di = data.len();
            marks.push(Mark::rect(bar, color, Role::Bar, Some(di)));
            if ns > 1 {
                hatch(bar, super::series_hatch(ds, si, theme), color.mix(theme.background, 0.55), &mut marks);
            }

            let short = text::label_text(ds, si, v);
            let shown = match progress {
                Some(t) => text::with_share(ds, &short, v, t),
                None => short.clone(),
            };
            let written = if stacked {
                inside_label(&short, bar, m, color, theme)
            } else if horizontal {
                beside_bar(&shown, &short, bar, v >= 0.0, width, m, color, theme)
            } else {
                let n = text::number(ds, si, v, false);
                (m.width(&n, VALUE_SIZE) <= sub + 2.0).then(|| {
                    let (vy, va) = if v >= 0.0 { (bar.y - 3.0, VAlign::Bottom) } else { (bar.y + bar.h + 3.0, VAlign::Top) };
                    Mark::text(bar.x + bar.w / 2.0, vy, &n, VALUE_SIZE, HAlign::Middle, va, theme.text, Role::ValueLabel)
                })
            };
            texts.extend(written);
            data.push(Datum {
                series: si,
                index: ci,
                bounds: frame.slot(band0, sub),
                bar,
                wedge: None,
                category: cat.clone(),
                series_name: s.name.clone(),
                value: v,
                value_text,
                detail,
                label,
            });
        }
    }
    let zero = frame.value.map(0.0);
    if horizontal {
        super::axis::zero_line(zero, plot.y, zero, plot.y + plot.h, theme, &mut marks);
    } else {
        super::axis::zero_line(plot.x, zero, plot.x + plot.w, zero, theme, &mut marks);
    }
    if let Some(t) = progress {
        let tx = frame.value.map(t.value);
        marks.push(Mark::line(tx, plot.y - 4.0, tx, plot.y + plot.h, theme.axis, 2.0, Role::Target));
        let tl = text::target_text(ds, t);
        let w = m.width(&tl, LABEL_SIZE);
        // keep the label inside the box: anchor it at whichever side has room
        let h = if tx + w / 2.0 > width { HAlign::End } else if tx - w / 2.0 < 0.0 { HAlign::Start } else { HAlign::Middle };
        texts.push(Mark::text(tx, plot.y - 6.0, &tl, LABEL_SIZE, h, VAlign::Bottom, theme.text, Role::TargetLabel));
    }
    annotate::targets(ds, plot, &frame.value, horizontal, width, m, theme, &mut marks);
    marks.extend(texts);
    category_labels(ds, &frame, labels, width, m, theme, &mut marks);
    annotate::labels(ds, &data, plot, width, height, m, theme, &mut marks);
    Scene { width, height, plot, marks, data, lazy: None }
}

fn category_labels(ds: &Dataset, f: &Frame, mode: Option<LabelMode>, width: f64, m: &dyn TextMeasure, theme: &Theme, out: &mut Vec<Mark>) {
    let band = f.band;
    if f.horizontal {
        let room = f.plot.x - 8.0;
        for (ci, cat) in ds.categories.iter().enumerate() {
            let shown = ellipsize(cat, room, LABEL_SIZE, m);
            out.push(Mark::text(f.plot.x - 8.0, band.center(ci), &shown, LABEL_SIZE, HAlign::End, VAlign::Middle, theme.text, Role::Category));
        }
        return;
    }
    let y = f.plot.y + f.plot.h + 6.0;
    match mode.unwrap_or(LabelMode::Horizontal { step: 1 }) {
        LabelMode::Horizontal { step } => {
            let mut right = f64::NEG_INFINITY;
            for (ci, cat) in ds.categories.iter().enumerate() {
                if ci % step.max(1) == 0 {
                    // a label never takes more than the room of the labels it stands for
                    let shown = ellipsize(cat, (band.step() * step.max(1) as f64 - 4.0).min(width - 4.0), LABEL_SIZE, m);
                    let w = m.width(&shown, LABEL_SIZE);
                    let x = crate::scale::clamp(band.center(ci), w / 2.0, (width - w / 2.0).max(w / 2.0)).min(width);
                    // one pulled in from the box's edge may not cover its neighbour
                    if x - w / 2.0 < right + 4.0 {
                        continue;
                    }
                    right = x + w / 2.0;
                    out.push(Mark::text(x, y, &shown, LABEL_SIZE, HAlign::Middle, VAlign::Top, theme.text, Role::Category));
                }
            }
        }
        LabelMode::Stacked { .. } => {
            // one character a line, top to bottom: how CJK names fit narrow columns
            let mut buf = [0u8; 4];
            for (ci, cat) in ds.categories.iter().enumerate() {
                for (k, ch) in cat.chars().enumerate() {
                    let s = ch.encode_utf8(&mut buf);
                    out.push(Mark::text(band.center(ci), y + k as f64 * LINE, s, LABEL_SIZE, HAlign::Middle, VAlign::Top, theme.text, Role::Category));
                }
            }
        }
    }
}

/// Hatching `pattern` (from [`super::series_hatch`]): 0 plain, 1 diagonal, 2 horizontal
/// lines, so that series differ by more than colour alone. The legend's swatches show the same
/// patterns.
pub fn hatch(r: Rect, pattern: usize, color: Color, out: &mut Vec<Mark>) {
    const GAP: f64 = 5.0;
    match pattern {
        1 => {
            // lines x + y = c, clipped to the rectangle
            let mut c = r.x + r.y + GAP;
            while c < r.x + r.w + r.y + r.h {
                let xs = r.x.max(c - (r.y + r.h));
                let xe = (r.x + r.w).min(c - r.y);
                if xe - xs > 0.5 {
                    out.push(Mark::line(xs, c - xs, xe, c - xe, color, 1.0, Role::Pattern));
                }
                c += GAP * std::f64::consts::SQRT_2;
            }
        }
        2 => {
            let mut y = r.y + GAP / 2.0;
            while y < r.y + r.h {
                out.push(Mark::line(r.x, y, r.x + r.w, y, color, 1.0, Role::Pattern));
                y += GAP;
            }
        }
        _ => {}
    }
}

/// A stacked segment's value, inside it in the colour that reads on it, when it fits.
fn inside_label(text: &str, bar: Rect, m: &dyn TextMeasure, fill: Color, theme: &Theme) -> Option<Mark> {
    let w = m.width(text, VALUE_SIZE);
    (w + 6.0 <= bar.w && VALUE_SIZE + 4.0 <= bar.h).then(|| {
        Mark::text(bar.x + bar.w / 2.0, bar.y + bar.h / 2.0, text, VALUE_SIZE, HAlign::Middle, VAlign::Middle, fill.text_on(theme), Role::ValueLabel)
    })
}

/// The value written beside its bar, or inside its end when there is no room
/// outside, or the shorter text, or nothing: never off the box.
#[allow(clippy::too_many_arguments)]
fn beside_bar(full: &str, short: &str, bar: Rect, positive: bool, width: f64, m: &dyn TextMeasure, fill: Color, theme: &Theme) -> Option<Mark> {
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
            return Some(Mark::text(x, y, text, VALUE_SIZE, h, VAlign::Middle, fill.text_on(theme), Role::ValueLabel));
        }
    }
    None
}
