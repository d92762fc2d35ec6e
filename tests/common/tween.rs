//! What the tests ask of `newschart::scene::tween` beyond the library's own API.
#![allow(dead_code)]

use newschart::scene::tween::{bars, swap};
use newschart::scene::Scene;

/// The scene at time `t` of a transition: a copy of `new` with `tween::bars` in
/// place (the browser swaps them into its own scene for a frame instead).
pub fn between(old: &Scene, new: &Scene, t: f64) -> Scene {
    let mut out = new.clone();
    swap(&mut out, bars(old, new, t));
    out
}
