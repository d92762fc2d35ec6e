//! An import as the builder page reads it: the table, the columns, the long
//! table's suggested pivot, the lines skipped and the sheets, as JSON (the feed
//! and the problems are written beside them by the caller).

use serde_json::{json, Map, Value};

use super::Import;

impl Import {
    /// `{"table": {headers, rows, rowNumbers}, "columns": [{index, header, name,
    /// type, role, unit}], "long": null | {x, series, value}, "skipped": [{row,
    /// text, why}], "sheets": [..]}` (`sheets` for an .xlsx file only).
    pub fn details(&self) -> Map<String, Value> {
        let mut m = Map::new();
        m.insert(
            "table".into(),
            json!({
                "headers": self.table.headers,
                "rows": self.table.rows,
                "rowNumbers": self.table.row_numbers,
            }),
        );
        m.insert(
            "columns".into(),
            Value::Array(
                self.columns
                    .iter()
                    .map(|c| {
                        json!({
                            "index": c.index,
                            "header": c.header,
                            "name": c.name,
                            "type": c.kind.name(),
                            "role": c.role.name(),
                            "unit": c.unit,
                        })
                    })
                    .collect(),
            ),
        );
        m.insert(
            "long".into(),
            self.long.as_ref().map_or(Value::Null, |l| json!({"x": l.x, "series": l.series, "value": l.value})),
        );
        m.insert(
            "skipped".into(),
            Value::Array(self.skipped.iter().map(|s| json!({"row": s.row, "text": s.text, "why": s.why.name()})).collect()),
        );
        if !self.sheets.is_empty() {
            m.insert("sheets".into(), json!(self.sheets));
        }
        m
    }
}
