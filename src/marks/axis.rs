//! Value-axis marks: grid lines, tick labels and the zero line.

use crate::geom::Rect;
use crate::layout::{ValueAxis, LABEL_SIZE};
use crate::scale::LinearScale;
use crate::scene::{HAlign, Mark, Role, VAlign};
use crate::text::TextMeasure;
use crate::theme::Theme;

/// Grid and ticks for a vertical value axis (column charts), labels left of the plot.
pub fn vertical(axis: &ValueAxis, plot: Rect, y: &LinearScale, theme: &Theme, out: &mut Vec<Mark>) {
    for (t, label) in axis.ticks.iter().zip(&axis.labels) {
        let py = y.map(*t);
        let role = if *t == 0.0 { Role::Baseline } else { Role::Grid };
        if *t != 0.0 {
            out.push(Mark::line(plot.x, py, plot.x + plot.w, py, theme.grid, 1.0, role));
        }
        out.push(Mark::text(plot.x - 6.0, py, label, LABEL_SIZE, HAlign::End, VAlign::Middle, theme.muted, Role::Tick));
    }
}

/// Grid and ticks for a horizontal value axis (bar and progress charts), labels under the plot.
pub fn horizontal(axis: &ValueAxis, plot: Rect, x: &LinearScale, m: &dyn TextMeasure, theme: &Theme, out: &mut Vec<Mark>) {
    let n = axis.ticks.len();
    // labels are kept left to right while each clears the one kept before it;
    // every tick keeps its grid line
    let mut last_right = f64::NEG_INFINITY;
    for (i, (t, label)) in axis.ticks.iter().zip(&axis.labels).enumerate() {
        let px = x.map(*t);
        if *t != 0.0 {
            out.push(Mark::line(px, plot.y, px, plot.y + plot.h, theme.grid, 1.0, Role::Grid));
        }
        // keep the end labels inside the box
        let h = if i == 0 && n > 1 {
            HAlign::Start
        } else if i + 1 == n && n > 1 {
            HAlign::End
        } else {
            HAlign::Middle
        };
        let w = m.width(label, LABEL_SIZE);
        let left = match h {
            HAlign::Start => px,
            HAlign::Middle => px - w / 2.0,
            HAlign::End => px - w,
        };
        if left < last_right + 6.0 {
            continue;
        }
        last_right = left + w;
        out.push(Mark::text(px, plot.y + plot.h + 6.0, label, LABEL_SIZE, h, VAlign::Top, theme.muted, Role::Tick));
    }
}

/// The zero line, drawn last so that it sits over the bars' ends.
pub fn zero_line(x1: f64, y1: f64, x2: f64, y2: f64, theme: &Theme, out: &mut Vec<Mark>) {
    out.push(Mark::line(x1, y1, x2, y2, theme.axis, 1.0, Role::Baseline));
}
