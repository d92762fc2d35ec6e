//! A dataset's series: names, colours and values; the shares of a donut or pie; `highlight`.

use super::{index, join, Cx};
use crate::feed::json::{Map, Value};
use crate::feed::{number, spec, Code};
use crate::model::Series;
use crate::theme::Color;

impl Cx {
    pub(super) fn all_series(&mut self, obj: &Map, path: &str, n_categories: Option<usize>) -> Option<Vec<Series>> {
        let p = join(path, "series");
        match obj.get("series") {
            None => {
                self.missing(path, "series");
                None
            }
            Some(Value::Array(items)) => {
                if items.is_empty() {
                    self.error(&p, Code::NoSeries, &[]);
                    return None;
                }
                let mut out = Vec::with_capacity(items.len());
                let mut ok = true;
                for (i, s) in items.iter().enumerate() {
                    match self.series(&index(&p, i), s, n_categories) {
                        Some(s) => out.push(s),
                        None => ok = false,
                    }
                }
                ok.then_some(out)
            }
            Some(other) => {
                self.wrong_type(&p, "array", other);
                None
            }
        }
    }

    pub(super) fn series(&mut self, path: &str, v: &Value, n_categories: Option<usize>) -> Option<Series> {
        let Some(obj) = v.as_object() else {
            self.wrong_type(path, "series", v);
            return None;
        };
        self.unknown_keys(path, obj, spec::SERIES);
        let name = self.string(obj, path, "name", true);
        let color = match self.string(obj, path, "color", false) {
            None => None,
            Some(c) => match Color::parse_hex(&c) {
                Some(col) => Some(col),
                None => {
                    self.error(&join(path, "color"), Code::BadColor, &[&c]);
                    None
                }
            },
        };
        let vp = join(path, "values");
        let values = match obj.get("values") {
            None => {
                self.missing(path, "values");
                None
            }
            Some(Value::Array(items)) => {
                let mut out = Vec::with_capacity(items.len());
                let mut ok = true;
                for (i, x) in items.iter().enumerate() {
                    match x {
                        Value::Null => out.push(None),
                        Value::Number(n) => match n.as_f64() {
                            Some(f) if f.is_finite() => out.push(Some(if f == 0.0 { 0.0 } else { f })),
                            _ => {
                                self.error(&index(&vp, i), Code::OutOfRange, &[]);
                                ok = false;
                            }
                        },
                        Value::String(s) => {
                            self.error(&index(&vp, i), Code::QuotedNumber, &[s]);
                            ok = false;
                        }
                        other => {
                            self.wrong_type(&index(&vp, i), "value", other);
                            ok = false;
                        }
                    }
                }
                if let Some(n) = n_categories {
                    if ok && out.len() != n {
                        self.error(&vp, Code::LengthMismatch, &[&number(out.len()), &number(n)]);
                        ok = false;
                    }
                }
                ok.then_some(out)
            }
            Some(other) => {
                self.wrong_type(&vp, "values", other);
                None
            }
        };
        let decimals = self.decimals(obj, path);
        let percent = self.boolean(obj, path, "percent");
        Some(Series { name: name?, values: values?, color, decimals, percent })
    }

    pub(super) fn shares(&mut self, series: &[Series], path: &str) {
        for (i, v) in series[0].values.iter().enumerate() {
            if v.is_some_and(|v| v < 0.0) {
                self.error(&index(&join(&index(&join(path, "series"), 0), "values"), i), Code::NegativeShare, &[]);
            }
        }
        if series.len() > 1 {
            self.warning(&join(path, "series"), Code::FirstSeriesOnly, &[]);
        }
    }

    pub(super) fn highlight(&mut self, obj: &Map, path: &str, series: &[Series]) -> Vec<usize> {
        let p = join(path, "highlight");
        let items = match obj.get("highlight") {
            None | Some(Value::Null) => return Vec::new(),
            Some(Value::Array(items)) => items,
            Some(other) => {
                self.wrong_type(&p, "series-names", other);
                return Vec::new();
            }
        };
        let mut out = Vec::new();
        for (i, v) in items.iter().enumerate() {
            let ip = index(&p, i);
            let Value::String(name) = v else {
                self.wrong_type(&ip, "series-name", v);
                continue;
            };
            match series.iter().position(|s| s.name == *name) {
                Some(si) if !out.contains(&si) => out.push(si),
                Some(_) => {}
                None => {
                    let mut args = vec![name.as_str()];
                    for s in series {
                        args.push(&s.name);
                    }
                    self.error(&ip, Code::UnknownHighlight, &args);
                }
            }
        }
        out
    }
}
