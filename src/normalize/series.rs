//! A dataset's series: names, colours and values; the shares of a donut or pie; `highlight`.

use super::{index, join, Cx};
use crate::feed::json::{Map, Value};
use crate::feed::problem::msg;
use crate::feed::{spec, Problem};
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
                    self.error(&p, msg!("至少需要一个数据系列"), msg!("needs at least one series"));
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
                self.wrong_type(&p, "数组", "an array", other);
                None
            }
        }
    }

    pub(super) fn series(&mut self, path: &str, v: &Value, n_categories: Option<usize>) -> Option<Series> {
        let Some(obj) = v.as_object() else {
            self.wrong_type(path, "对象 {\"name\": …, \"values\": […]}", "an object {\"name\": …, \"values\": […]}", v);
            return None;
        };
        self.unknown_keys(path, obj, spec::SERIES);
        let name = self.string(obj, path, "name", true);
        let color = match self.string(obj, path, "color", false) {
            None => None,
            Some(c) => match Color::parse_hex(&c) {
                Some(col) => Some(col),
                None => {
                    self.error(
                        &join(path, "color"),
                        msg!("颜色 \"{}\" 无效；请写成 #1f77b4 这样的形式", c),
                        msg!("colour \"{}\" is not valid; write it like #1f77b4", c),
                    );
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
                                self.error(&index(&vp, i), msg!("数字超出范围"), msg!("number is out of range"));
                                ok = false;
                            }
                        },
                        Value::String(s) => {
                            self.error(
                                &index(&vp, i),
                                msg!("应为数字，实际是文本 \"{}\"；请去掉引号，写成不带单位的数字（如 72500），缺失值写 null", s),
                                msg!("must be a number, found text \"{}\"; remove the quotes and write a plain number (e.g. 72500), or null for a missing value", s),
                            );
                            ok = false;
                        }
                        other => {
                            self.wrong_type(&index(&vp, i), "数字或 null", "a number or null", other);
                            ok = false;
                        }
                    }
                }
                if let Some(n) = n_categories {
                    if ok && out.len() != n {
                        self.error(
                            &vp,
                            msg!("有 {} 个值，但有 {} 个类别；两者数量必须相同", out.len(), n),
                            msg!("has {} values but there are {} categories; they must match", out.len(), n),
                        );
                        ok = false;
                    }
                }
                ok.then_some(out)
            }
            Some(other) => {
                self.wrong_type(&vp, "数字数组", "an array of numbers", other);
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
                self.error(
                    &index(&join(&index(&join(path, "series"), 0), "values"), i),
                    msg!("环形图和饼图表示各部分占比，不能有负数"),
                    msg!("a donut or pie shows shares of a whole and cannot have negative values"),
                );
            }
        }
        if series.len() > 1 {
            self.problems.push(Problem::warning(
                &join(path, "series"),
                msg!("环形图和饼图只画第一个数据系列"),
                msg!("a donut or pie draws the first series only"),
            ));
        }
    }

    pub(super) fn highlight(&mut self, obj: &Map, path: &str, series: &[Series]) -> Vec<usize> {
        let p = join(path, "highlight");
        let items = match obj.get("highlight") {
            None | Some(Value::Null) => return Vec::new(),
            Some(Value::Array(items)) => items,
            Some(other) => {
                self.wrong_type(&p, "由系列名称组成的数组", "a list of series names", other);
                return Vec::new();
            }
        };
        let mut out = Vec::new();
        for (i, v) in items.iter().enumerate() {
            let ip = index(&p, i);
            let Value::String(name) = v else {
                self.wrong_type(&ip, "系列名称（文本）", "a series name (text)", v);
                continue;
            };
            match series.iter().position(|s| s.name == *name) {
                Some(si) if !out.contains(&si) => out.push(si),
                Some(_) => {}
                None => {
                    let names = |sep: &str| series.iter().map(|s| s.name.as_str()).collect::<Vec<_>>().join(sep);
                    self.error(
                        &ip,
                        msg!("要突出显示的系列 \"{}\" 不在数据中；数据中的系列：{}", name, names("、")),
                        msg!("highlight names a series \"{}\" that is not in the data; its series are: {}", name, names(", ")),
                    );
                }
            }
        }
        out
    }
}
