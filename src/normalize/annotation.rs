//! A dataset's `annotations`: target lines, highlighted categories and labels.

use super::{index, join, Cx};
use crate::feed::json::{Map, Value};
use crate::feed::problem::msg;
use crate::feed::spec;
use crate::model::{Annotation, Series};

impl Cx {
    pub(super) fn annotations(&mut self, obj: &Map, path: &str, categories: &[String], series: &[Series]) -> Vec<Annotation> {
        let p = join(path, "annotations");
        let items = match obj.get("annotations") {
            None | Some(Value::Null) => return Vec::new(),
            Some(Value::Array(items)) => items,
            Some(other) => {
                self.wrong_type(&p, "数组", "an array", other);
                return Vec::new();
            }
        };
        let mut out = Vec::new();
        for (i, a) in items.iter().enumerate() {
            let ap = index(&p, i);
            let Some(o) = a.as_object() else {
                self.wrong_type(&ap, "对象", "an object", a);
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
                        cx.wrong_type(&join(&ap, "category"), "文本", "text", other);
                        return None;
                    }
                };
                let found = categories.iter().position(|c| *c == want);
                if found.is_none() {
                    cx.error(
                        &join(&ap, "category"),
                        msg!("没有名为 \"{}\" 的类别", want),
                        msg!("there is no category \"{}\"", want),
                    );
                }
                found
            };
            match self.string(o, &ap, "type", true).as_deref() {
                Some("target") => match o.get("value") {
                    Some(Value::Number(n)) if n.as_f64().is_some_and(f64::is_finite) => {
                        out.push(Annotation::Target { value: n.as_f64().unwrap_or(0.0), text })
                    }
                    None => self.missing(&ap, "value"),
                    Some(other) => self.wrong_type(&join(&ap, "value"), "数字", "a number", other),
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
                                self.error(
                                    &join(&ap, "series"),
                                    msg!("没有名为 \"{}\" 的数据系列", name),
                                    msg!("there is no series \"{}\"", name),
                                );
                            }
                            found
                        }
                    };
                    if let (Some(c), Some(s)) = (category(self), s) {
                        out.push(Annotation::Label { category: c, series: s, text });
                    }
                }
                Some(other) => self.error(
                    &join(&ap, "type"),
                    msg!("不认识的标注类型 \"{}\"；可用：target、highlight、label", other),
                    msg!("unknown annotation type \"{}\"; use target, highlight or label", other),
                ),
                None => {}
            }
        }
        out
    }
}
