//! Keyboard navigation (`scene::nav`) on the example feeds: every step lands on the datum the
//! feed says comes next. The expected point is worked out from the feed's own categories, series
//! and gaps (its JSON read here with serde_json), never from the product's functions; the scene
//! only says which of its data is which (category index, series index, value as in the feed).

use std::fs;

use newschart::scene::nav::{self, Key};
use newschart::scene::Scene;
use serde_json::Value;

/// Every dataset of the examples a reader sees: (file, dataset id).
fn datasets() -> Vec<(String, String, Value)> {
    let mut out = Vec::new();
    for dir in ["www/feeds", "www/examples"] {
        let mut files: Vec<_> = fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|e| e == "json")).collect();
        files.sort();
        for f in files {
            let text = fs::read_to_string(&f).unwrap();
            let feed: Value = serde_json::from_str(&text).unwrap();
            for ds in feed["datasets"].as_array().unwrap() {
                out.push((f.display().to_string(), ds["id"].as_str().unwrap().to_string(), ds.clone()));
            }
        }
    }
    out
}

/// The feed's values: `values[series][category]`, None for a gap.
fn values(ds: &Value) -> Vec<Vec<Option<f64>>> {
    ds["series"].as_array().unwrap().iter().map(|s| s["values"].as_array().unwrap().iter().map(Value::as_f64).collect()).collect()
}

/// Where the feed says a step goes from (category c, series s): the next value in the same series
/// (`same`) or in the same category, `dir` +1 or -1, skipping gaps; None at an end.
fn feed_step(v: &[Vec<Option<f64>>], c: usize, s: usize, dir: isize, same: bool) -> Option<(usize, usize)> {
    let same = same || v.len() == 1;
    let (mut c2, mut s2) = (c as isize, s as isize);
    loop {
        if same { c2 += dir } else { s2 += dir }
        if c2 < 0 || s2 < 0 || s2 as usize >= v.len() || c2 as usize >= v[s2 as usize].len() {
            return None;
        }
        if v[s2 as usize][c2 as usize].is_some() {
            return Some((c2 as usize, s2 as usize));
        }
    }
}

fn scene(file: &str, id: &str) -> Scene {
    let text = fs::read_to_string(file).unwrap();
    newschart::scene_for(&text, Some(id), 640.0, None).unwrap().1
}

const ARROWS: [(&str, isize, bool); 4] = [("ArrowRight", 1, true), ("ArrowLeft", -1, true), ("ArrowDown", 1, false), ("ArrowUp", -1, false)];

#[test]
fn arrows_step_to_the_next_value_the_feed_has() {
    let mut checked = 0;
    for (file, id, ds) in datasets() {
        let v = values(&ds);
        let s = scene(&file, &id);
        // which datum is which: the feed's value at its category and series
        let at = |c: usize, si: usize| s.data.iter().position(|d| d.index == c && d.series == si);
        for (i, d) in s.data.iter().enumerate() {
            assert_eq!(Some(d.value), v[d.series][d.index], "{file} {id}: datum {i} is not the feed's value");
            for (name, dir, same) in ARROWS {
                let want = feed_step(&v, d.index, d.series, dir, same).map_or(i, |(c, si)| at(c, si).unwrap());
                let got = nav::next(&s, Some(i), Key::from_name(name).unwrap());
                assert_eq!(got, Some(want), "{file} {id}: {name} from {} / {}", ds["categories"][d.index], ds["series"][d.series]["name"]);
                checked += 1;
            }
        }
        // one datum per value of the feed: Home and End reach the ends of reading order
        let n = v.iter().flatten().filter(|x| x.is_some()).count();
        assert_eq!(s.data.len(), n, "{file} {id}");
        assert_eq!(nav::next(&s, Some(n / 2), Key::First), Some(0));
        assert_eq!(nav::next(&s, Some(0), Key::Last), Some(n - 1));
        // no point yet (or one past the end, after a redraw with fewer): any arrow goes to the first
        for (name, ..) in ARROWS {
            assert_eq!(nav::next(&s, None, Key::from_name(name).unwrap()), Some(0), "{file} {id}: {name}");
            assert_eq!(nav::next(&s, Some(n), Key::from_name(name).unwrap()), Some(0), "{file} {id}: {name}");
        }
    }
    assert!(checked > 4 * 1000, "the examples have more than a thousand points ({checked} steps checked)");
}

#[test]
fn the_gap_in_the_monthly_line_is_stepped_over() {
    // employment-line-dates.json has one month without a value
    let (file, id, ds) = datasets().into_iter().find(|(f, ..)| f.ends_with("employment-line-dates.json")).unwrap();
    let v = values(&ds);
    let gap = v[0].iter().position(Option::is_none).expect("the feed has a gap");
    let s = scene(&file, &id);
    let before = s.data.iter().position(|d| d.index == gap - 1).unwrap();
    let after = s.data.iter().position(|d| d.index == gap + 1).unwrap();
    assert_eq!(nav::next(&s, Some(before), Key::Next), Some(after));
    assert_eq!(nav::next(&s, Some(after), Key::Prev), Some(before));
    // one series: Down and Up step like Right and Left
    assert_eq!(nav::next(&s, Some(before), Key::NextSeries), Some(after));
    assert_eq!(nav::next(&s, Some(after), Key::PrevSeries), Some(before));
}

#[test]
fn large_charts_step_through_the_grid_as_the_feed_says() {
    // the same feeds as a large chart numbers them: x position × series + series
    for (file, id, ds) in datasets() {
        let v = values(&ds);
        let ns = v.len();
        let nc = v[0].len();
        if v.iter().any(|s| s.len() != nc) {
            continue;
        }
        let drawn = |k: usize| v[k % ns][k / ns].is_some();
        for c in 0..nc {
            for si in 0..ns {
                if v[si][c].is_none() {
                    continue;
                }
                let k = c * ns + si;
                for (name, dir, same) in ARROWS {
                    let want = feed_step(&v, c, si, dir, same).map_or(k, |(c2, s2)| c2 * ns + s2);
                    let got = nav::next_in_grid(nc * ns, ns, Some(k), Key::from_name(name).unwrap(), drawn);
                    assert_eq!(got, Some(want), "{file} {id}: {name} from category {c}, series {si}");
                }
            }
        }
        assert_eq!(nav::next_in_grid(nc * ns, ns, Some(1), Key::Last, drawn), Some(nc * ns - 1));
        assert_eq!(nav::next_in_grid(nc * ns, ns, None, Key::Next, drawn), Some(0));
    }
}

#[test]
fn a_step_looks_past_a_long_gap_only_so_far() {
    // two series, x positions 0 and GRID_REACH + 10 drawn, nothing between: a step stays put
    let n = 2 * (nav::GRID_REACH + 11);
    let drawn = |k: usize| k / 2 == 0 || k / 2 == nav::GRID_REACH + 10;
    assert_eq!(nav::next_in_grid(n, 2, Some(0), Key::Next, drawn), Some(0));
    let near = |k: usize| k / 2 == 0 || k / 2 == nav::GRID_REACH - 1;
    assert_eq!(nav::next_in_grid(n, 2, Some(1), Key::Next, near), Some(2 * (nav::GRID_REACH - 1) + 1));
}

#[test]
fn other_keys_do_not_move() {
    for name in ["Enter", " ", "Tab", "Escape", "PageDown", "a", "arrowright", ""] {
        assert_eq!(Key::from_name(name), None, "{name:?}");
    }
}
