//! Keyboard navigation reads the scene, as hit-testing does: from the datum a reader is on, the
//! one a key moves to. The element passes the key (its place in [`KEYS`]); what it means lives here.

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

/// The keys that move, by their `KeyboardEvent.key` names, in the order of [`Key::from_code`]'s
/// codes (the element sends a key's place in this list: src/web/keyboard.js has the same list).
pub const KEYS: [&str; 6] = ["ArrowRight", "ArrowLeft", "ArrowDown", "ArrowUp", "Home", "End"];

impl Key {
    /// The key named `name` (a `KeyboardEvent.key`), or None for a key that does not move.
    pub fn from_name(name: &str) -> Option<Key> {
        Key::from_code(KEYS.iter().position(|k| *k == name)?)
    }

    /// The key at place `code` of [`KEYS`], or None.
    pub fn from_code(code: usize) -> Option<Key> {
        Some(match code {
            0 => Key::Next,
            1 => Key::Prev,
            2 => Key::NextSeries,
            3 => Key::PrevSeries,
            4 => Key::First,
            5 => Key::Last,
            _ => return None,
        })
    }

    /// For an arrow: forward (or back), and whether the step stays in the same series.
    fn step(self) -> (bool, bool) {
        match self {
            Key::Next => (true, true),
            Key::Prev => (false, true),
            Key::NextSeries => (true, false),
            Key::PrevSeries => (false, false),
            Key::First | Key::Last => (true, true),
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
    match key {
        _ if n == 0 => return None,
        Key::First => return Some(0),
        Key::Last => return Some(n - 1),
        _ => {}
    }
    let (forward, same) = key.step();
    let Some((i, d)) = current.and_then(|i| Some((i, data.get(i)?))) else { return Some(0) };
    let same = same || data.iter().all(|o| o.series == d.series);
    // the next datum of the same series (or category) in reading order, or the one before
    let mut k = i;
    loop {
        k = if forward { k + 1 } else { k.wrapping_sub(1) };
        let Some(o) = data.get(k) else { return Some(i) };
        if if same { o.series == d.series } else { o.index == d.index } {
            return Some(k);
        }
    }
}

/// How many x positions a step of a large chart looks past gaps for the next point drawn.
pub const GRID_REACH: usize = 4096;

/// [`next`] for a large line chart, whose `n` points are numbered x position × `series` + series
/// and made only when read: `drawn(k)` says whether point k is drawn (not a gap). A step skips
/// gaps, less than [`GRID_REACH`] x positions away, and stays put when it finds no point.
pub fn next_in_grid(n: usize, series: usize, current: Option<usize>, key: Key, drawn: impl Fn(usize) -> bool) -> Option<usize> {
    match key {
        _ if n == 0 => return None,
        Key::First => return Some(0),
        Key::Last => return Some(n - 1),
        _ => {}
    }
    let (forward, same) = key.step();
    let Some(i) = current.filter(|&i| i < n) else { return Some(0) };
    let s = series.max(1);
    let same = same || s == 1;
    let stride = if same { s } else { 1 };
    let mut k = i;
    for _ in 1..GRID_REACH * s / stride {
        k = match if forward { k.checked_add(stride) } else { k.checked_sub(stride) } {
            Some(k) if k < n && (same || k / s == i / s) => k,
            _ => break,
        };
        if drawn(k) {
            return Some(k);
        }
    }
    Some(i)
}
