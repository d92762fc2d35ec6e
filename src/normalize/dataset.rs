//! One dataset: its kind, words and number style, and its categories (dates when `x` is `"date"`);
//! the rest of its fields are checked in their own files, called from here.

use super::{index, join, Cx};
use crate::feed::json::{Map, Value};
use crate::feed::problem::msg;
use crate::feed::{spec, Problem, Severity};
use crate::format::date;
use crate::format::NumberStyle;
use crate::model::{Dataset, Kind, Locale, XScale};

impl Cx {
    pub(super) fn dataset(&mut self, path: &str, i: usize, v: &Value) -> Option<Dataset> {
        let Some(obj) = v.as_object() else {
            self.wrong_type(path, "对象", "an object", v);
            return None;
        };
        self.unknown_keys(path, obj, spec::DATASET);
        let before = self.problems.len();

        let id = self.string(obj, path, "id", false).unwrap_or_else(|| crate::format::cat(&["dataset-", &crate::format::int(i as i64 + 1)]));
        let kind = match self.string(obj, path, "kind", true) {
            Some(k) => match Kind::from_name(&k) {
                Some(kind) => Some(kind),
                None => {
                    self.error(
                        &join(path, "kind"),
                        msg!("不认识的图表类型 \"{}\"；可用：{}", k, spec::KINDS.join("、")),
                        msg!("unknown chart kind \"{}\"; use one of {}", k, spec::KINDS.join(", ")),
                    );
                    None
                }
            },
            None => None,
        };
        let locale = match self.string(obj, path, "locale", false).as_deref() {
            None | Some("zh-CN") | Some("zh") => Locale::Zh,
            Some("en") | Some("en-US") | Some("en-GB") => Locale::En,
            Some(other) => {
                self.error(
                    &join(path, "locale"),
                    msg!("不支持的语言 \"{}\"；可用：zh-CN、en", other),
                    msg!("unsupported locale \"{}\"; use zh-CN or en", other),
                );
                Locale::Zh
            }
        };
        let title = self.string(obj, path, "title", true);
        let subtitle = self.string(obj, path, "subtitle", false).unwrap_or_default();
        let byline = self.string(obj, path, "byline", false).unwrap_or_default();
        let decimals = self.decimals(obj, path);
        let percent = self.boolean(obj, path, "percent").unwrap_or(false);
        let stacked = self.boolean(obj, path, "stacked").unwrap_or(false);
        let x = match self.string(obj, path, "x", false).as_deref() {
            None | Some("category") => XScale::Category,
            Some("date") => XScale::Date,
            Some(other) => {
                self.error(
                    &join(path, "x"),
                    msg!("x 只能是 \"category\" 或 \"date\"，实际是 \"{}\"", other),
                    msg!("x must be \"category\" or \"date\", found \"{}\"", other),
                );
                XScale::Category
            }
        };
        let unit = self.string(obj, path, "unit", false).unwrap_or_default();
        let date = self.string(obj, path, "date", false).unwrap_or_default();
        let number_style = match self.string(obj, path, "numberStyle", false) {
            None => {
                if locale == Locale::Zh {
                    NumberStyle::Cn
                } else {
                    NumberStyle::Compact
                }
            }
            Some(s) => NumberStyle::from_name(&s).unwrap_or_else(|| {
                self.error(
                    &join(path, "numberStyle"),
                    msg!("不认识的数字格式 \"{}\"；可用：cn、full、compact", s),
                    msg!("unknown number style \"{}\"; use cn, full or compact", s),
                );
                NumberStyle::Cn
            }),
        };
        // a unit that carries a scale (thousand jobs, $m, 万元) takes full digits, so no number
        // repeats it (1,131 thousand, never 1.131K thousand)
        let number_style = if crate::format::unit::has_scale(&unit, locale == Locale::Zh) { NumberStyle::Full } else { number_style };
        let categories = self.categories(obj, path);
        let series = self.all_series(obj, path, categories.as_ref().map(|c| c.len()));
        let target = self.target(obj, path, kind);
        let notes = self.notes(obj, path);
        let source = self.source(obj, path);
        let illustrative = self.boolean(obj, path, "illustrative").unwrap_or(false);
        let dates = match (&categories, x) {
            (Some(c), XScale::Date) => self.dates(c, path),
            _ => Vec::new(),
        };
        if let (Some(Kind::Donut | Kind::Pie), Some(series)) = (kind, &series) {
            self.shares(series, path);
        }
        let annotations = match (&categories, &series) {
            (Some(c), Some(s)) => self.annotations(obj, path, c, s),
            _ => Vec::new(),
        };
        let highlight = match &series {
            Some(s) => self.highlight(obj, path, s),
            None => Vec::new(),
        };
        if let (Some(c), Some(s)) = (&categories, &series) {
            let points = c.len().saturating_mul(s.len());
            if points > self.limits.max_points {
                self.error(
                    path,
                    msg!("数据点过多：{} 个，上限为 {} 个（max_points）", points, self.limits.max_points),
                    msg!("too many data points: {}, the limit is {} (max_points)", points, self.limits.max_points),
                );
            }
        }
        if self.problems[before..].iter().any(|p| p.severity == Severity::Error) {
            return None;
        }
        Some(Dataset {
            id,
            kind: kind?,
            locale,
            title: title?,
            subtitle,
            byline,
            decimals,
            percent,
            x,
            dates,
            stacked,
            annotations,
            unit,
            number_style,
            date,
            categories: categories?,
            series: series?,
            target,
            notes,
            source,
            illustrative,
            highlight,
        })
    }


    pub(super) fn categories(&mut self, obj: &Map, path: &str) -> Option<Vec<String>> {
        let p = join(path, "categories");
        match obj.get("categories") {
            None => {
                self.missing(path, "categories");
                None
            }
            Some(Value::Array(items)) => {
                if items.is_empty() {
                    self.error(&p, msg!("至少需要一个类别"), msg!("needs at least one category"));
                    return None;
                }
                let mut out = Vec::with_capacity(items.len());
                let mut ok = true;
                for (i, c) in items.iter().enumerate() {
                    match c {
                        Value::String(s) => out.push(s.clone()),
                        Value::Number(n) => out.push(n.text()),
                        other => {
                            self.wrong_type(&index(&p, i), "文本", "text", other);
                            ok = false;
                        }
                    }
                }
                ok.then_some(out)
            }
            Some(other) => {
                self.wrong_type(&p, "文本数组", "an array of text", other);
                None
            }
        }
    }

    pub(super) fn dates(&mut self, categories: &[String], path: &str) -> Vec<f64> {
        let p = join(path, "categories");
        let mut out = Vec::with_capacity(categories.len());
        for (i, c) in categories.iter().enumerate() {
            match date::parse(c) {
                Some((ymd, _)) => out.push(date::to_days(ymd) as f64),
                None => {
                    self.error(
                        &index(&p, i),
                        msg!("\"{}\" 不是日期；x 为 \"date\" 时类别须写成 2022、2022-03 或 2022-03-15", c),
                        msg!("\"{}\" is not a date; with x \"date\" categories are written 2022, 2022-03 or 2022-03-15", c),
                    );
                    out.push(f64::NAN);
                }
            }
        }
        if let Some(i) = (1..out.len()).find(|&i| out[i] < out[i - 1]) {
            self.problems.push(Problem::warning(
                &index(&p, i),
                msg!("日期 \"{}\" 早于前一个日期；图表按时间顺序画线", categories[i]),
                msg!("date \"{}\" comes before the previous one; the chart draws lines in time order", categories[i]),
            ));
        }
        out
    }
}
