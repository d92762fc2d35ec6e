//! Transitions: a scene part-way between the previous one and the next, so
//! bars grow to their new values when data or the dataset changes. Only bars
//! and wedges move; everything else is drawn as in the new scene.

use super::{Mark, Rect, Role, Scene, Shape};

fn lerp(a: f64, b: f64, t: f64) -> f64 {
    a + (b - a) * t
}

fn lerp_rect(a: Rect, b: Rect, t: f64) -> Rect {
    Rect { x: lerp(a.x, b.x, t), y: lerp(a.y, b.y, t), w: lerp(a.w, b.w, t), h: lerp(a.h, b.h, t) }
}

/// Eases in and out (cubic), for `t` from 0 to 1.
pub fn ease(t: f64) -> f64 {
    let t = t.clamp(0.0, 1.0);
    if t < 0.5 {
        4.0 * t * t * t
    } else {
        1.0 - (-2.0 * t + 2.0).powi(3) / 2.0
    }
}

/// The bars of `new` at time `t` (0 = `old`, 1 = `new`) of a transition, as (mark index, box): a
/// bar that has a counterpart in `old` (same series and category) moves from there; a new bar
/// grows from its value axis' zero edge. Everything else is drawn as in `new`.
pub fn bars(old: &Scene, new: &Scene, t: f64) -> Vec<(usize, Rect)> {
    let t = ease(t);
    let mut out = Vec::new();
    for (i, mark) in new.marks.iter().enumerate() {
        let (Some(di), Role::Bar, Shape::Rect(r)) = (mark.datum, mark.role, &mark.shape) else { continue };
        let Some(d) = new.data.get(di) else { continue };
        let from = old
            .data
            .iter()
            .position(|o| o.series == d.series && o.index == d.index)
            .and_then(|oi| bar_of(old, oi))
            .unwrap_or_else(|| grow_from(*r, new));
        out.push((i, lerp_rect(from, *r, t)));
    }
    out
}

/// Puts `boxes` (from [`bars`]) in place of the bars' boxes in `scene`, and returns what they
/// replaced: calling it again with that undoes it. The browser draws a frame this way, without a
/// copy of the scene.
pub fn swap(scene: &mut Scene, mut boxes: Vec<(usize, Rect)>) -> Vec<(usize, Rect)> {
    for (i, b) in boxes.iter_mut() {
        if let Some(Mark { shape: Shape::Rect(r), .. }) = scene.marks.get_mut(*i) {
            std::mem::swap(r, b);
        }
    }
    boxes
}

fn bar_of(s: &Scene, di: usize) -> Option<Rect> {
    s.marks.iter().find_map(|m: &Mark| match (&m.shape, m.datum, m.role) {
        (Shape::Rect(r), Some(d), Role::Bar) if d == di => Some(*r),
        _ => None,
    })
}

/// A zero-length bar at the edge a bar grows from: its bottom for columns, its
/// left for bars (whichever side touches the plot's baseline less is a guess;
/// the longer dimension is the value's).
fn grow_from(r: Rect, s: &Scene) -> Rect {
    let vertical = (r.y + r.h - (s.plot.y + s.plot.h)).abs() < 1.0 || r.h > r.w;
    if vertical {
        Rect { x: r.x, y: r.y + r.h, w: r.w, h: 0.0 }
    } else {
        Rect { x: r.x, y: r.y, w: 0.0, h: r.h }
    }
}
