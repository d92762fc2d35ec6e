//! The feed object: `version`, `datasets`, and dataset ids used once.

use super::{index, join, Cx};
use crate::feed::json::Value;
use crate::feed::problem::msg;
use crate::feed::spec;
use crate::model::{Dataset, Feed, SUPPORTED_VERSION};

impl Cx {
    pub(super) fn feed(&mut self, v: &Value) -> Option<Feed> {
        let Some(obj) = v.as_object() else {
            self.wrong_type("", "对象 {\"version\": 1, \"datasets\": [...]}", "an object {\"version\": 1, \"datasets\": [...]}", v);
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
                    self.error(
                        "version",
                        msg!("数据格式版本 {} 比本组件新；本组件只能读取版本 {}，请更新组件", ver, SUPPORTED_VERSION),
                        msg!("feed format version {} is newer than this widget reads; it reads version {} only, please update the widget", ver, SUPPORTED_VERSION),
                    );
                    // the rest of a newer format cannot be judged by this version's rules
                    return None;
                }
                _ => {
                    self.error(
                        "version",
                        msg!("版本号 {} 无效；本组件读取版本 {}", n, SUPPORTED_VERSION),
                        msg!("version {} is not valid; this widget reads version {}", n, SUPPORTED_VERSION),
                    );
                    None
                }
            },
            Some(other) => {
                self.wrong_type("version", "整数 1", "the integer 1", other);
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
                    self.error("datasets", msg!("至少需要一个数据集"), msg!("needs at least one dataset"));
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
                self.wrong_type("datasets", "数组", "an array", other);
                Vec::new()
            }
        };
        Some(Feed { version: version?, datasets })
    }

    pub(super) fn unique_ids(&mut self, datasets: &[Dataset]) {
        for (i, d) in datasets.iter().enumerate() {
            if datasets[..i].iter().any(|e| e.id == d.id) {
                self.error(
                    &join(&index("datasets", i), "id"),
                    msg!("数据集 id \"{}\" 重复", d.id),
                    msg!("dataset id \"{}\" is used twice", d.id),
                );
            }
        }
    }
}
