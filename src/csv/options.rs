//! [`CsvOptions`] from JSON, for callers that are not the command line (the
//! builder page calls the CSV conversion through the wasm with a JSON object).

use serde_json::Value;

use super::CsvOptions;

impl CsvOptions {
    /// Reads options from a JSON object with the command line's names in camelCase:
    /// `kind`, `title`, `subtitle`, `unit`, `source`, `sourceUrl`, `locale`, `id`,
    /// `illustrative`, `fileName`. Missing, empty or mistyped fields keep their defaults,
    /// as does text that is not a JSON object.
    pub fn from_json(text: &str) -> CsvOptions {
        let mut o = CsvOptions::default();
        let Ok(Value::Object(m)) = serde_json::from_str::<Value>(text) else { return o };
        let s = |k: &str| m.get(k).and_then(Value::as_str).map(str::trim).filter(|s| !s.is_empty()).map(str::to_string);
        if let Some(k) = s("kind") {
            o.kind = k;
        }
        o.title = s("title");
        o.subtitle = s("subtitle");
        o.unit = s("unit");
        o.source = s("source");
        o.source_url = s("sourceUrl");
        o.locale = s("locale");
        o.id = s("id");
        o.file_name = s("fileName");
        o.illustrative = m.get("illustrative").and_then(Value::as_bool).unwrap_or(false);
        o
    }
}
