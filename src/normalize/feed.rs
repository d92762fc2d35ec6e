//! The feed object: `version`, `datasets`, and dataset ids used once.

use super::{index, join, Cx};
use crate::feed::json::Value;
use crate::feed::Code;
use crate::feed::spec;
use crate::model::{Dataset, Feed, SUPPORTED_VERSION};

impl Cx {
    pub(super) fn feed(&mut self, v: &Value) -> Option<Feed> {
        let Some(obj) = v.as_object() else {
            self.wrong_type("", "feed", v);
            return None;
        };
        let version = match obj.get("version") {
            None => {
                self.missing("", "version");
                None
            }
            Some(Value::Number(n)) => match n.as_u64() {
                Some(ver) if ver == SUPPORTED_VERSION => Some(ver),
                Some(ver) if ver > SUPPORTED_VERSION => {
                    self.error("version", Code::NewerVersion, &[&n.text(), &version_text()]);
                    // the rest of a newer format cannot be judged by this version's rules
                    return None;
                }
                _ => {
                    self.error("version", Code::BadVersion, &[&n.text(), &version_text()]);
                    None
                }
            },
            Some(other) => {
                self.wrong_type("version", "version", other);
                None
            }
        };
        self.unknown_keys("", obj, spec::FEED);
        let datasets = match obj.get("datasets") {
            None => {
                self.missing("", "datasets");
                Vec::new()
            }
            Some(Value::Array(items)) => {
                if items.is_empty() {
                    self.error("datasets", Code::NoDatasets, &[]);
                }
                let mut out = Vec::with_capacity(items.len());
                for (i, d) in items.iter().enumerate() {
                    if let Some(ds) = self.dataset(&index("datasets", i), i, d) {
                        out.push(ds);
                    }
                }
                self.unique_ids(&out);
                out
            }
            Some(other) => {
                self.wrong_type("datasets", "array", other);
                Vec::new()
            }
        };
        Some(Feed { version: version?, datasets })
    }

    pub(super) fn unique_ids(&mut self, datasets: &[Dataset]) {
        for (i, d) in datasets.iter().enumerate() {
            if datasets[..i].iter().any(|e| e.id == d.id) {
                self.error(&join(&index("datasets", i), "id"), Code::DuplicateId, &[&d.id]);
            }
        }
    }
}

/// The format version this widget reads, as a problem's parameter.
fn version_text() -> String {
    crate::format::int(SUPPORTED_VERSION as i64)
}
