//! A dataset's `annotations`: target lines, highlighted categories and labels.

use super::{index, join, Cx};
use crate::feed::json::{Map, Value};
use crate::feed::{spec, Code};
use crate::model::{Annotation, Series};

impl Cx {
    pub(super) fn annotations(&mut self, obj: &Map, path: &str, categories: &[String], series: &[Series]) -> Vec<Annotation> {
        let p = join(path, "annotations");
        let items = match obj.get("annotations") {
            None | Some(Value::Null) => return Vec::new(),
            Some(Value::Array(items)) => items,
            Some(other) => {
                self.wrong_type(&p, "array", other);
                return Vec::new();
            }
        };
        let mut out = Vec::new();
        for (i, a) in items.iter().enumerate() {
            let ap = index(&p, i);
            let Some(o) = a.as_object() else {
                self.wrong_type(&ap, "object", a);
                continue;
            };
            self.unknown_keys(&ap, o, spec::ANNOTATION);
            let text = self.string(o, &ap, "text", false).unwrap_or_default();
            let category = |cx: &mut Cx| -> Option<usize> {
                let want = match o.get("category") {
                    Some(Value::String(s)) => s.clone(),
                    Some(Value::Number(n)) => n.text(),
                    None => {
                        cx.missing(&ap, "category");
                        return None;
                    }
                    Some(other) => {
                        cx.wrong_type(&join(&ap, "category"), "text", other);
                        return None;
                    }
                };
                let found = categories.iter().position(|c| *c == want);
                if found.is_none() {
                    cx.error(&join(&ap, "category"), Code::NoSuchCategory, &[&want]);
                }
                found
            };
            match self.string(o, &ap, "type", true).as_deref() {
                Some("target") => match o.get("value") {
                    Some(Value::Number(n)) if n.as_f64().is_some_and(f64::is_finite) => {
                        out.push(Annotation::Target { value: n.as_f64().unwrap_or(0.0), text })
                    }
                    None => self.missing(&ap, "value"),
                    Some(other) => self.wrong_type(&join(&ap, "value"), "number", other),
                },
                Some("highlight") => {
                    if let Some(c) = category(self) {
                        out.push(Annotation::Highlight { category: c });
                    }
                }
                Some("label") => {
                    let s = match self.string(o, &ap, "series", false) {
                        None => Some(0),
                        Some(name) => {
                            let found = series.iter().position(|s| s.name == name);
                            if found.is_none() {
                                self.error(&join(&ap, "series"), Code::NoSuchSeries, &[&name]);
                            }
                            found
                        }
                    };
                    if let (Some(c), Some(s)) = (category(self), s) {
                        out.push(Annotation::Label { category: c, series: s, text });
                    }
                }
                Some(other) => self.error(&join(&ap, "type"), Code::UnknownAnnotation, &[other]),
                None => {}
            }
        }
        out
    }
}
