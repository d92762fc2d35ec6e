//! A dataset's `target` (a progress chart needs one).

use super::{join, Cx};
use crate::feed::json::{Map, Value};
use crate::feed::{spec, Code};
use crate::model::{Kind, Target};

impl Cx {
    pub(super) fn target(&mut self, obj: &Map, path: &str, kind: Option<Kind>) -> Option<Target> {
        let p = join(path, "target");
        match obj.get("target") {
            None | Some(Value::Null) => {
                if matches!(kind, Some(k) if spec::needs_target(k)) {
                    self.error(path, Code::NoTarget, &[]);
                }
                None
            }
            Some(Value::Object(t)) => {
                let label = self.string(t, &p, "label", false).unwrap_or_default();
                let value = match t.get("value") {
                    Some(Value::Number(n)) => match n.as_f64() {
                        Some(f) if f.is_finite() && f > 0.0 => Some(f),
                        _ => {
                            self.error(&join(&p, "value"), Code::TargetNotPositive, &[]);
                            None
                        }
                    },
                    None => {
                        self.missing(&p, "value");
                        None
                    }
                    Some(other) => {
                        self.wrong_type(&join(&p, "value"), "number", other);
                        None
                    }
                };
                Some(Target { value: value?, label })
            }
            Some(other) => {
                self.wrong_type(&p, "object", other);
                None
            }
        }
    }
}
