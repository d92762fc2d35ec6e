//! What changed between two versions of a chart, for the builder's view of a version beside the
//! live one: datasets and series added or removed, and each number that differs, matched by
//! dataset id (or the only dataset of each), series name and category (so a reordered table is no
//! change).

use serde::Serialize;

use crate::model::{Dataset, Feed};
use crate::normalize::{self, Limits};

/// One number that differs.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Change {
    /// Dataset id.
    pub dataset: String,
    /// Series name.
    pub series: String,
    /// Category label.
    pub category: String,
    /// The old value (`None`: missing, or no such category before).
    pub from: Option<f64>,
    /// The new value (`None`: missing, or no such category now).
    pub to: Option<f64>,
}

/// The differences from one version to another.
#[derive(Clone, Debug, Default, Serialize, PartialEq)]
pub struct Diff {
    /// Ids of datasets only in the new version.
    pub datasets_added: Vec<String>,
    /// Ids of datasets only in the old version.
    pub datasets_removed: Vec<String>,
    /// (dataset, series) only in the new version.
    pub series_added: Vec<(String, String)>,
    /// (dataset, series) only in the old version.
    pub series_removed: Vec<(String, String)>,
    /// Numbers that differ in series both versions have.
    pub changed: Vec<Change>,
}

fn read(text: &str) -> Option<Feed> {
    normalize::read(text, Limits::default()).feed
}

fn value(d: &Dataset, series: usize, category: &str) -> Option<f64> {
    let i = d.categories.iter().position(|c| c == category)?;
    d.series.get(series)?.values.get(i).copied().flatten()
}

/// Compares two stored feeds; `None` when either does not read (stored feeds always do).
pub fn diff(old: &str, new: &str) -> Option<Diff> {
    let (a, b) = (read(old)?, read(new)?);
    let mut d = Diff::default();
    // one dataset on each side is the same chart whatever its id (a CSV's id comes from its file
    // name, which changes from one month's file to the next)
    let single = a.datasets.len() == 1 && b.datasets.len() == 1;
    for nd in &b.datasets {
        let Some(od) = (if single { a.datasets.first() } else { a.datasets.iter().find(|o| o.id == nd.id) }) else {
            d.datasets_added.push(nd.id.clone());
            continue;
        };
        for (ni, ns) in nd.series.iter().enumerate() {
            let Some(oi) = od.series.iter().position(|s| s.name == ns.name) else {
                d.series_added.push((nd.id.clone(), ns.name.clone()));
                continue;
            };
            // every category of either version, new order first
            let mut categories: Vec<&String> = nd.categories.iter().collect();
            categories.extend(od.categories.iter().filter(|c| !nd.categories.contains(c)));
            for c in categories {
                let (from, to) = (value(od, oi, c), value(nd, ni, c));
                if from != to {
                    d.changed.push(Change { dataset: nd.id.clone(), series: ns.name.clone(), category: c.clone(), from, to });
                }
            }
        }
        for os in &od.series {
            if !nd.series.iter().any(|s| s.name == os.name) {
                d.series_removed.push((od.id.clone(), os.name.clone()));
            }
        }
    }
    for od in &a.datasets {
        if !single && !b.datasets.iter().any(|n| n.id == od.id) {
            d.datasets_removed.push(od.id.clone());
        }
    }
    Some(d)
}
