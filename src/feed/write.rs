//! Model → feed JSON: the inverse of `normalize`, so a feed read and written
//! again reads the same (tested on every example), and tools that build feeds
//! (CSV import, the builder) write what the widget reads.

use serde_json::{json, Map, Value};

use crate::format::NumberStyle;
use crate::model::{Annotation, Dataset, Feed, Kind, Locale, XScale};

/// A whole feed as JSON: the model written back, defaults left out, so that reading it again
/// gives the same model.
///
/// ```
/// use newschart::normalize::{read, Limits};
///
/// let feed = read(include_str!("../../www/feeds/employment.json"), Limits::default()).feed.expect("valid");
/// let text = newschart::csv::write::to_pretty(&newschart::feed::write::feed(&feed));
/// assert_eq!(read(&text, Limits::default()).feed.expect("valid"), feed);
/// ```
pub fn feed(f: &Feed) -> Value {
    json!({ "version": f.version, "datasets": f.datasets.iter().map(dataset).collect::<Vec<_>>() })
}

fn put(o: &mut Map<String, Value>, k: &str, v: Value) {
    o.insert(k.to_string(), v);
}

/// One dataset as JSON, with defaults left out.
pub fn dataset(d: &Dataset) -> Value {
    let mut o = Map::new();
    put(&mut o, "id", Value::from(d.id.clone()));
    put(&mut o, "kind", Value::from(d.kind.name()));
    put(&mut o, "title", Value::from(d.title.clone()));
    for (k, v) in [("subtitle", &d.subtitle), ("byline", &d.byline), ("date", &d.date), ("unit", &d.unit)] {
        if !v.is_empty() {
            put(&mut o, k, Value::from(v.clone()));
        }
    }
    if d.locale == Locale::En {
        put(&mut o, "locale", Value::from("en"));
    }
    let default_style = if d.locale == Locale::Zh { NumberStyle::Cn } else { NumberStyle::Compact };
    if d.number_style != default_style {
        let name = match d.number_style {
            NumberStyle::Cn => "cn",
            NumberStyle::Full => "full",
            NumberStyle::Compact => "compact",
        };
        put(&mut o, "numberStyle", Value::from(name));
    }
    if let Some(dec) = d.decimals {
        put(&mut o, "decimals", Value::from(dec));
    }
    if d.percent {
        put(&mut o, "percent", Value::from(true));
    }
    if d.x == XScale::Date {
        put(&mut o, "x", Value::from("date"));
    }
    if d.stacked {
        put(&mut o, "stacked", Value::from(true));
    }
    if d.illustrative {
        put(&mut o, "illustrative", Value::from(true));
    }
    if !d.highlight.is_empty() {
        let names: Vec<Value> = d.highlight.iter().filter_map(|&i| d.series.get(i)).map(|s| Value::from(s.name.clone())).collect();
        put(&mut o, "highlight", Value::from(names));
    }
    put(&mut o, "categories", Value::from(d.categories.clone()));
    let series: Vec<Value> = d
        .series
        .iter()
        .map(|s| {
            let mut so = Map::new();
            put(&mut so, "name", Value::from(s.name.clone()));
            put(&mut so, "values", Value::Array(s.values.iter().map(|v| v.map_or(Value::Null, Value::from)).collect()));
            if let Some(c) = s.color {
                put(&mut so, "color", Value::from(c.hex()));
            }
            if let Some(dec) = s.decimals {
                put(&mut so, "decimals", Value::from(dec));
            }
            if let Some(p) = s.percent {
                put(&mut so, "percent", Value::from(p));
            }
            Value::Object(so)
        })
        .collect();
    put(&mut o, "series", Value::Array(series));
    if let Some(t) = &d.target {
        put(&mut o, "target", json!({ "value": t.value, "label": t.label }));
    }
    if !d.annotations.is_empty() {
        let anns: Vec<Value> = d
            .annotations
            .iter()
            .map(|a| match a {
                Annotation::Target { value, text } => json!({ "type": "target", "value": value, "text": text }),
                Annotation::Highlight { category } => json!({ "type": "highlight", "category": d.categories.get(*category) }),
                Annotation::Label { category, series, text } => json!({
                    "type": "label", "category": d.categories.get(*category),
                    "series": d.series.get(*series).map(|s| s.name.clone()), "text": text,
                }),
            })
            .collect();
        put(&mut o, "annotations", Value::Array(anns));
    }
    if !d.notes.is_empty() {
        put(&mut o, "notes", Value::from(d.notes.clone()));
    }
    if let Some(s) = &d.source {
        put(&mut o, "source", match &s.url {
            Some(u) => json!({ "text": s.text, "url": u }),
            None => json!({ "text": s.text }),
        });
    }
    if d.kind == Kind::Progress && d.target.is_none() {
        // cannot happen for a normalized dataset; keep the writer total anyway
        put(&mut o, "target", Value::Null);
    }
    Value::Object(o)
}
