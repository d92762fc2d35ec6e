//! [`CsvOptions`] from JSON, for callers that are not the command line (the
//! builder page calls the CSV conversion through the wasm with a JSON object).

use serde_json::Value;

use super::{CsvOptions, Order, Pivot};

impl CsvOptions {
    /// Reads options from a JSON object with the command line's names in camelCase:
    /// `kind`, `title`, `subtitle`, `unit`, `source`, `sourceUrl`, `locale`, `id`,
    /// `illustrative`, `fileName`, `x`, `columns` and `exclude` (lists of headers),
    /// `pivot` (`{"series": header, "value": header}`), `dateOrder` (`mdy`, `dmy`,
    /// `ymd`), `decimal` (`,` or `.`) and `sheet` (a name, or a 1-based number as text
    /// or number). Missing, empty or mistyped fields keep their defaults, as does
    /// text that is not a JSON object.
    pub fn from_json(text: &str) -> CsvOptions {
        let mut o = CsvOptions::default();
        let Ok(Value::Object(m)) = serde_json::from_str::<Value>(text) else { return o };
        let s = |k: &str| m.get(k).and_then(Value::as_str).map(str::trim).filter(|s| !s.is_empty()).map(str::to_string);
        o.kind = s("kind");
        o.title = s("title");
        o.subtitle = s("subtitle");
        o.unit = s("unit");
        o.source = s("source");
        o.source_url = s("sourceUrl");
        o.locale = s("locale");
        o.id = s("id");
        o.file_name = s("fileName");
        o.illustrative = m.get("illustrative").and_then(Value::as_bool).unwrap_or(false);
        o.x = s("x");
        let list = |k: &str| -> Vec<String> {
            m.get(k)
                .and_then(Value::as_array)
                .map(|a| a.iter().filter_map(Value::as_str).map(str::trim).filter(|s| !s.is_empty()).map(str::to_string).collect())
                .unwrap_or_default()
        };
        o.columns = list("columns");
        o.exclude = list("exclude");
        if let Some(Value::Object(p)) = m.get("pivot") {
            let f = |k: &str| p.get(k).and_then(Value::as_str).map(str::trim).filter(|s| !s.is_empty()).map(str::to_string);
            if let (Some(series), Some(value)) = (f("series"), f("value")) {
                o.pivot = Some(Pivot { series, value });
            }
        }
        o.date_order = s("dateOrder").and_then(|d| Order::from_name(&d));
        if s("decimal").as_deref() == Some(",") {
            o.decimal = ',';
        }
        o.sheet = s("sheet").or_else(|| m.get("sheet").and_then(Value::as_u64).map(|n| n.to_string()));
        o
    }
}
