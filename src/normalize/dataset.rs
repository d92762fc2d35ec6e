//! One dataset: its kind, words and number style, and its categories (dates when `x` is `"date"`);
//! the rest of its fields are checked in their own files, called from here.

use super::{index, join, Cx};
use crate::feed::json::{Map, Value};
use crate::feed::{number, spec, Code, Severity};
use crate::format::date;
use crate::format::NumberStyle;
use crate::model::{Dataset, Kind, Locale, XScale};

impl Cx {
    pub(super) fn dataset(&mut self, path: &str, i: usize, v: &Value) -> Option<Dataset> {
        let Some(obj) = v.as_object() else {
            self.wrong_type(path, "object", v);
            return None;
        };
        self.unknown_keys(path, obj, spec::DATASET);
        let before = self.problems.len();

        let id = self.string(obj, path, "id", false).unwrap_or_else(|| crate::format::cat(&["dataset-", &crate::format::int(i as i64 + 1)]));
        let kind = match self.string(obj, path, "kind", true) {
            Some(k) => match Kind::from_name(&k) {
                Some(kind) => Some(kind),
                None => {
                    self.error(&join(path, "kind"), Code::UnknownKind, &[&k]);
                    None
                }
            },
            None => None,
        };
        let locale = match self.string(obj, path, "locale", false).as_deref() {
            None | Some("zh-CN") | Some("zh") => Locale::Zh,
            Some("en") | Some("en-US") | Some("en-GB") => Locale::En,
            Some(other) => {
                self.error(&join(path, "locale"), Code::UnknownLocale, &[other]);
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
                self.error(&join(path, "x"), Code::UnknownX, &[other]);
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
                self.error(&join(path, "numberStyle"), Code::UnknownNumberStyle, &[&s]);
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
        match (kind, &series) {
            (Some(k), Some(series)) if spec::draws_shares(k) => self.shares(series, path),
            _ => {}
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
                self.error(path, Code::TooManyPoints, &[&number(points), &number(self.limits.max_points)]);
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
                    self.error(&p, Code::NoCategories, &[]);
                    return None;
                }
                let mut out = Vec::with_capacity(items.len());
                let mut ok = true;
                for (i, c) in items.iter().enumerate() {
                    match c {
                        Value::String(s) => out.push(s.clone()),
                        Value::Number(n) => out.push(n.text()),
                        other => {
                            self.wrong_type(&index(&p, i), "text", other);
                            ok = false;
                        }
                    }
                }
                ok.then_some(out)
            }
            Some(other) => {
                self.wrong_type(&p, "texts", other);
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
                    self.error(&index(&p, i), Code::NotADate, &[c]);
                    out.push(f64::NAN);
                }
            }
        }
        if let Some(i) = (1..out.len()).find(|&i| out[i] < out[i - 1]) {
            self.warning(&index(&p, i), Code::DateOrder, &[&categories[i]]);
        }
        out
    }
}
