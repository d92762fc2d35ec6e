//! Hit-testing reads the scene: which datum is under, or nearest to, a point.

use super::Scene;

/// How far from a bar (CSS px) a pointer still picks it.
pub const SLOP: f64 = 12.0;

/// The datum under the point, else the nearest one within `SLOP`.
pub fn hit(scene: &Scene, x: f64, y: f64) -> Option<usize> {
    let mut best: Option<(usize, f64)> = None;
    for (i, d) in scene.data.iter().enumerate() {
        let dist = d.bounds.distance(x, y);
        if dist <= SLOP && best.map_or(true, |(_, b)| dist < b) {
            best = Some((i, dist));
        }
    }
    best.map(|(i, _)| i)
}
