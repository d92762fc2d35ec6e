//! Annotations from the feed: target lines, a highlighted category, and text
//! labels at data points.

use crate::geom::Rect;
use crate::layout::LABEL_SIZE;
use crate::model::{Annotation, Dataset};
use crate::scale::LinearScale;
use crate::scene::{Datum, HAlign, Mark, Role, Shape, VAlign};
use crate::text::{ellipsize, TextMeasure};
use crate::theme::Theme;

/// The highlighted category, if the feed asks for one.
pub fn highlighted(ds: &Dataset) -> Option<usize> {
    ds.annotations.iter().find_map(|a| match a {
        Annotation::Highlight { category } => Some(*category),
        _ => None,
    })
}

/// Target lines across the plot, each with its text at the end of the line.
#[allow(clippy::too_many_arguments)]
pub fn targets(ds: &Dataset, plot: Rect, value: &LinearScale, horizontal: bool, width: f64, m: &dyn TextMeasure, theme: &Theme, out: &mut Vec<Mark>) {
    for a in &ds.annotations {
        let Annotation::Target { value: v, text } = a else { continue };
        let p = value.map(*v);
        if horizontal {
            out.push(Mark::line(p, plot.y, p, plot.y + plot.h, theme.axis, 2.0, Role::Annotation));
            if !text.is_empty() {
                let w = m.width(text, LABEL_SIZE);
                let h = if p + w / 2.0 > width { HAlign::End } else if p - w / 2.0 < 0.0 { HAlign::Start } else { HAlign::Middle };
                out.push(Mark::text(p, plot.y - 2.0, text, LABEL_SIZE, h, VAlign::Bottom, theme.text, Role::Annotation));
            }
        } else {
            out.push(Mark::line(plot.x, p, plot.x + plot.w, p, theme.axis, 2.0, Role::Annotation));
            if !text.is_empty() {
                let shown = ellipsize(text, plot.w, LABEL_SIZE, m);
                out.push(Mark::text(plot.x + plot.w, p - 3.0, &shown, LABEL_SIZE, HAlign::End, VAlign::Bottom, theme.text, Role::Annotation));
            }
        }
    }
}

/// Text labels at data points, kept inside the box and clear of every other label: above the
/// point where that is free (over the plot when the label fits its width, so the value axis's
/// ticks stay beside it), else just inside the top of its bar, else below it. An annotation wins
/// over a tick: a tick label its box still meets is emptied (its grid line stays).
#[allow(clippy::too_many_arguments)]
pub fn labels(ds: &Dataset, data: &[Datum], plot: Rect, width: f64, height: f64, m: &dyn TextMeasure, theme: &Theme, out: &mut Vec<Mark>) {
    for a in &ds.annotations {
        let Annotation::Label { category, series, text } = a else { continue };
        let Some(d) = data.iter().find(|d| d.index == *category && d.series == *series) else { continue };
        if text.is_empty() {
            continue;
        }
        let shown = ellipsize(text, width - 4.0, LABEL_SIZE, m);
        let w = m.width(&shown, LABEL_SIZE);
        let centre = d.bar.x + d.bar.w / 2.0;
        let in_box = crate::scale::clamp(centre, w / 2.0 + 2.0, (width - w / 2.0 - 2.0).max(w / 2.0 + 2.0));
        let in_plot = if w <= plot.w { crate::scale::clamp(centre, plot.x + w / 2.0, plot.x + plot.w - w / 2.0) } else { in_box };
        let above = d.bar.y - 18.0;
        let room = above >= LABEL_SIZE;
        let spots = [
            (room, in_plot, above, VAlign::Bottom),
            (room, in_box, above, VAlign::Bottom),
            (true, in_plot, d.bar.y + 4.0, VAlign::Top),
            (true, in_box, (d.bar.y + d.bar.h + 4.0).min(height - LABEL_SIZE), VAlign::Top),
        ];
        let boxed = |&(_, x, y, v): &(bool, f64, f64, VAlign)| {
            let top = if v == VAlign::Bottom { y - LABEL_SIZE } else { y };
            Rect { x: x - w / 2.0, y: top, w, h: LABEL_SIZE }
        };
        // the first spot that meets no label but ticks; failing all, the first
        let mut open = spots.iter().filter(|s| s.0);
        let first = open.clone().next().copied().unwrap_or(spots[2]);
        let spot = open.find(|s| !out.iter().any(|mk| mk.role != Role::Tick && text_meets(mk, &boxed(s), m))).copied().unwrap_or(first);
        let b = boxed(&spot);
        // a tick the note still meets gives way (its text is emptied; its grid line stays)
        for mk in out.iter_mut() {
            if mk.role == Role::Tick && text_meets(mk, &b, m) {
                if let Shape::Text { text, .. } = &mut mk.shape {
                    text.clear();
                }
            }
        }
        out.push(Mark::text(spot.1, spot.2, &shown, LABEL_SIZE, HAlign::Middle, spot.3, theme.text, Role::Annotation));
    }
}

/// Whether a mark is a text whose box meets `b`.
fn text_meets(mk: &Mark, b: &Rect, m: &dyn TextMeasure) -> bool {
    mk.text_box(m).is_some_and(|t| t.w > 0.0 && t.x < b.x + b.w && b.x < t.x + t.w && t.y < b.y + b.h && b.y < t.y + t.h)
}
