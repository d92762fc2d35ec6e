//! Table-only datasets: nothing is drawn; the scene carries every datum so the
//! element's table, keyboard walk and description read the same data.

use super::text;
use crate::geom::Rect;
use crate::model::Dataset;
use crate::scene::{Datum, Scene};

/// A scene with no marks and one datum per value, in reading order.
pub fn build(ds: &Dataset, width: f64, height: f64) -> Scene {
    let mut data = Vec::new();
    for (ci, cat) in ds.categories.iter().enumerate() {
        for (si, s) in ds.series.iter().enumerate() {
            let Some(v) = s.values.get(ci).copied().flatten() else { continue };
            let value_text = text::value_text(ds, si, v);
            let label = text::datum_label(ds, cat, &s.name, &value_text, "");
            data.push(Datum {
                series: si,
                index: ci,
                bounds: Rect::default(),
                bar: Rect::default(),
                wedge: None,
                category: cat.clone(),
                series_name: s.name.clone(),
                value: v,
                value_text,
                detail: String::new(),
                label,
            });
        }
    }
    Scene { width, height, plot: Rect::default(), marks: Vec::new(), data, lazy: None }
}
