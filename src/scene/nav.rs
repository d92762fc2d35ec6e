//! Keyboard navigation reads the scene, as hit-testing does: from the datum a reader is on, the
//! one a key moves to. The element passes `KeyboardEvent.key`; what the keys mean lives here.

use super::Scene;

/// A key that moves between data points.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    /// ArrowRight: the next category of the same series.
    Next,
    /// ArrowLeft: the previous category of the same series.
    Prev,
    /// ArrowDown: the same category in the next series.
    NextSeries,
    /// ArrowUp: the same category in the previous series.
    PrevSeries,
    /// Home: the first datum in reading order.
    First,
    /// End: the last datum in reading order.
    Last,
}

impl Key {
    /// The key named `name` (a `KeyboardEvent.key`), or None for a key that does not move.
    pub fn from_name(name: &str) -> Option<Key> {
        Some(match name {
            "ArrowRight" => Key::Next,
            "ArrowLeft" => Key::Prev,
            "ArrowDown" => Key::NextSeries,
            "ArrowUp" => Key::PrevSeries,
            "Home" => Key::First,
            "End" => Key::Last,
            _ => return None,
        })
    }

    /// +1 or -1 for the arrows; whether the step stays in the same series.
    fn step(self) -> (isize, bool) {
        match self {
            Key::Next => (1, true),
            Key::Prev => (-1, true),
            Key::NextSeries => (1, false),
            Key::PrevSeries => (-1, false),
            Key::First | Key::Last => (0, true),
        }
    }
}

/// The datum of `scene` that `key` moves to from datum `current` (None, or past the end: the
/// reader is on no datum yet, and any arrow goes to the first). Left and Right step through the
/// categories of one series, Up and Down through the series of one category (with one series they
/// step like Left and Right), Home and End go to the first and last datum; at an end a step stays
/// where it is. None when the scene has no data.
pub fn next(scene: &Scene, current: Option<usize>, key: Key) -> Option<usize> {
    let data = &scene.data;
    let n = data.len();
    if n == 0 {
        return None;
    }
    let (dir, mut same) = key.step();
    match key {
        Key::First => return Some(0),
        Key::Last => return Some(n - 1),
        _ => {}
    }
    let Some(cur) = current.and_then(|i| data.get(i).map(|d| (i, d))) else { return Some(0) };
    let (i, d) = cur;
    if !same && data.iter().all(|o| o.series == d.series) {
        same = true;
    }
    // the data of the same series (or category), in reading order, and this one's place among them
    let peers: Vec<usize> = (0..n).filter(|&k| if same { data[k].series == d.series } else { data[k].index == d.index }).collect();
    let at = peers.iter().position(|&k| k == i).unwrap_or(0) as isize;
    Some(usize::try_from(at + dir).ok().and_then(|j| peers.get(j)).copied().unwrap_or(i))
}

/// How many x positions a step of a large chart looks past gaps for the next point drawn.
pub const GRID_REACH: usize = 4096;

/// [`next`] for a large line chart, whose `n` points are numbered x position × `series` + series
/// and made only when read: `drawn(k)` says whether point k is drawn (not a gap). A step skips
/// gaps, less than [`GRID_REACH`] x positions away, and stays put when it finds no point.
pub fn next_in_grid(n: usize, series: usize, current: Option<usize>, key: Key, drawn: impl Fn(usize) -> bool) -> Option<usize> {
    if n == 0 {
        return None;
    }
    let (dir, same) = key.step();
    match key {
        Key::First => return Some(0),
        Key::Last => return Some(n - 1),
        _ => {}
    }
    let Some(i) = current.filter(|&i| i < n) else { return Some(0) };
    let s = series.max(1);
    let same = same || s == 1;
    let stride = if same { s } else { 1 };
    let mut k = i;
    for _ in 1..GRID_REACH * s / stride {
        k = match k.checked_add_signed(dir * stride as isize) {
            Some(k) if k < n => k,
            _ => break,
        };
        if !same && k / s != i / s {
            break;
        }
        if drawn(k) {
            return Some(k);
        }
    }
    Some(i)
}
