//! Hit-testing reads the scene: which datum is under, or nearest to, a point.

use super::{Datum, Scene};

/// How far from a bar (CSS px) a pointer still picks it.
pub const SLOP: f64 = 12.0;

/// True when (x, y) lies in a donut or pie wedge.
fn in_wedge(w: &[f64; 6], x: f64, y: f64) -> bool {
    let [cx, cy, r0, r1, a0, a1] = *w;
    let (dx, dy) = (x - cx, y - cy);
    let r = (dx * dx + dy * dy).sqrt();
    if r < r0 || r > r1 + 2.0 {
        return false;
    }
    // clockwise from 12 o'clock, in [0, 2π)
    let mut a = crate::platform::atan2(dx, -dy);
    if a < 0.0 {
        a += std::f64::consts::TAU;
    }
    a >= a0 && a < a1
}

/// The datum under the point: a wedge that contains it; else, among the data
/// whose pick area (a bar's band, a point's column) is within `SLOP`, the one
/// whose mark is nearest. Columns of a line chart thus pick the nearest series.
/// Lazy data ([`Scene::lazy`]) answer for themselves.
pub fn hit(scene: &Scene, x: f64, y: f64) -> Option<usize> {
    if let Some(l) = &scene.lazy {
        return l.get().hit(x, y);
    }
    if scene.data.iter().any(|d| d.wedge.is_some()) {
        return scene.data.iter().position(|d| d.wedge.as_ref().is_some_and(|w| in_wedge(w, x, y)));
    }
    let mut best: Option<(usize, f64, f64)> = None;
    for (i, d) in scene.data.iter().enumerate() {
        let area = d.bounds.distance(x, y);
        if area > SLOP {
            continue;
        }
        let near = d.bar.distance(x, y);
        if best.map_or(true, |(_, ba, bn)| (area, near) < (ba, bn)) {
            best = Some((i, area, near));
        }
    }
    best.map(|(i, _, _)| i)
}

/// The datum at reading position `i`, if any.
pub fn datum(scene: &Scene, i: usize) -> Option<&Datum> {
    scene.data.get(i)
}

/// The index of the value in ascending `xs` nearest to `x`, by binary search
/// (O(log n): large charts hit-test with this); the lower one on a tie.
pub fn nearest_sorted(xs: &[f64], x: f64) -> Option<usize> {
    nearest_by(xs.len(), &|i| xs[i], x)
}

/// [`nearest_sorted`] over `n` sorted values read by `at` (O(log n) reads).
pub fn nearest_by(n: usize, at: &dyn Fn(usize) -> f64, x: f64) -> Option<usize> {
    if n == 0 || x.is_nan() {
        return None;
    }
    // the first index whose value is not below x
    let (mut lo, mut hi) = (0, n);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if at(mid) < x {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    let i = lo;
    if i == 0 {
        return Some(0);
    }
    if i == n {
        return Some(i - 1);
    }
    Some(if x - at(i - 1) <= at(i) - x { i - 1 } else { i })
}
