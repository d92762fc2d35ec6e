//! A feed value → text laid out for people who edit it by hand: fields in the
//! order one reads a chart (id, kind, title … categories, series, source), one
//! field per line, and lists of plain values (categories, values) on one line.

use serde_json::Value;

/// The order fields are written in; fields not listed follow in name order.
const ORDER: [&str; 24] = [
    "$schema", "version", "datasets", "id", "kind", "locale", "title", "subtitle", "date", "unit", "numberStyle",
    "illustrative", "x", "categories", "series", "name", "values", "color", "target", "value", "label", "notes",
    "source", "text",
];

fn rank(key: &str) -> usize {
    ORDER.iter().position(|k| *k == key).unwrap_or(ORDER.len())
}

/// The feed as indented JSON text, ending with a newline.
pub fn to_pretty(v: &Value) -> String {
    let mut out = String::new();
    write(&mut out, v, 0);
    out.push('\n');
    out
}

fn scalar(v: &Value) -> String {
    serde_json::to_string(v).unwrap_or_else(|_| "null".to_string())
}

fn indent(out: &mut String, level: usize) {
    for _ in 0..level {
        out.push_str("  ");
    }
}

fn write(out: &mut String, v: &Value, level: usize) {
    match v {
        Value::Object(map) => {
            if map.is_empty() {
                out.push_str("{}");
                return;
            }
            let mut keys: Vec<&String> = map.keys().collect();
            keys.sort_by(|a, b| rank(a).cmp(&rank(b)).then_with(|| a.cmp(b)));
            out.push_str("{\n");
            for (i, k) in keys.iter().enumerate() {
                indent(out, level + 1);
                out.push_str(&scalar(&Value::String((*k).clone())));
                out.push_str(": ");
                if let Some(x) = map.get(*k) {
                    write(out, x, level + 1);
                }
                if i + 1 < keys.len() {
                    out.push(',');
                }
                out.push('\n');
            }
            indent(out, level);
            out.push('}');
        }
        Value::Array(items) if items.iter().all(|x| !x.is_object() && !x.is_array()) => {
            out.push('[');
            for (i, x) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                out.push_str(&scalar(x));
            }
            out.push(']');
        }
        Value::Array(items) => {
            out.push_str("[\n");
            for (i, x) in items.iter().enumerate() {
                indent(out, level + 1);
                write(out, x, level + 1);
                if i + 1 < items.len() {
                    out.push(',');
                }
                out.push('\n');
            }
            indent(out, level);
            out.push(']');
        }
        other => out.push_str(&scalar(other)),
    }
}

#[cfg(test)]
mod tests {
    use super::to_pretty;

    #[test]
    fn reads_in_chart_order_and_round_trips() {
        let v: serde_json::Value = serde_json::from_str(
            r#"{"datasets":[{"title":"t","series":[{"values":[1,null,2.5],"name":"a"}],"kind":"column","categories":["x","y","z"]}],"version":1}"#,
        )
        .unwrap();
        let s = to_pretty(&v);
        assert_eq!(
            s,
            "{\n  \"version\": 1,\n  \"datasets\": [\n    {\n      \"kind\": \"column\",\n      \"title\": \"t\",\n      \"categories\": [\"x\", \"y\", \"z\"],\n      \"series\": [\n        {\n          \"name\": \"a\",\n          \"values\": [1, null, 2.5]\n        }\n      ]\n    }\n  ]\n}\n"
        );
        assert_eq!(serde_json::from_str::<serde_json::Value>(&s).unwrap(), v);
    }
}
