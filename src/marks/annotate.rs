//! Annotations from the feed: target lines, a highlighted category, and text
//! labels at data points.

use super::bars::ellipsize;
use crate::layout::{TextMeasure, LABEL_SIZE};
use crate::model::{Annotation, Dataset};
use crate::scale::LinearScale;
use crate::scene::{Datum, HAlign, Mark, Rect, Role, VAlign};
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
                let shown = ellipsize(text, plot.w, m);
                out.push(Mark::text(plot.x + plot.w, p - 3.0, &shown, LABEL_SIZE, HAlign::End, VAlign::Bottom, theme.text, Role::Annotation));
            }
        }
    }
}

/// Text labels at data points, above the point and kept inside the box.
pub fn labels(ds: &Dataset, data: &[Datum], width: f64, height: f64, m: &dyn TextMeasure, theme: &Theme, out: &mut Vec<Mark>) {
    for a in &ds.annotations {
        let Annotation::Label { category, series, text } = a else { continue };
        let Some(d) = data.iter().find(|d| d.index == *category && d.series == *series) else { continue };
        if text.is_empty() {
            continue;
        }
        let shown = ellipsize(text, width - 4.0, m);
        let w = m.width(&shown, LABEL_SIZE);
        let x = crate::scale::clamp(d.bar.x + d.bar.w / 2.0, w / 2.0 + 2.0, (width - w / 2.0 - 2.0).max(w / 2.0 + 2.0));
        let (y, v) = if d.bar.y - 18.0 >= LABEL_SIZE { (d.bar.y - 18.0, VAlign::Bottom) } else { ((d.bar.y + d.bar.h + 4.0).min(height - LABEL_SIZE), VAlign::Top) };
        out.push(Mark::text(x, y, &shown, LABEL_SIZE, HAlign::Middle, v, theme.text, Role::Annotation));
    }
}
