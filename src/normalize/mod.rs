//! JSON value → typed model: fills defaults, checks every field, and reports
//! every problem in one pass, each with its JSON path, line and column.

use crate::feed::json::{Map, Value};

use crate::feed::spec::{self, Field};
use crate::feed::problem::msg;
use crate::feed::{self, Problem, Severity};
use crate::format::date;
use crate::format::NumberStyle;
use crate::model::{Annotation, Dataset, Feed, Kind, Locale, Series, Source, Target, XScale, SUPPORTED_VERSION};
use crate::theme::Color;

/// Limits on what a feed may hold.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    /// Largest feed text, in bytes.
    pub max_bytes: usize,
    /// Most values (categories × series) in one dataset.
    pub max_points: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits { max_bytes: feed::DEFAULT_MAX_BYTES, max_points: 100_000 }
    }
}

/// The outcome of reading a feed: the model when there is no error, and all problems.
#[derive(Debug)]
pub struct Normalized {
    /// The feed, `None` when any problem is an error.
    pub feed: Option<Feed>,
    /// Every error and warning, in document order of discovery.
    pub problems: Vec<Problem>,
}

impl Normalized {
    /// The errors only.
    pub fn errors(&self) -> impl Iterator<Item = &Problem> {
        self.problems.iter().filter(|p| p.severity == Severity::Error)
    }
}

/// Reads feed text into the model, reporting every problem.
pub fn read(text: &str, limits: Limits) -> Normalized {
    let value = match feed::parse(text, limits.max_bytes) {
        Ok(v) => v,
        Err(p) => return Normalized { feed: None, problems: vec![p] },
    };
    let mut cx = Cx { problems: Vec::new(), limits };
    let feed = cx.feed(&value);
    let mut problems = cx.problems;
    for p in problems.iter_mut() {
        let (line, column) = feed::locate(text, &value, &p.path);
        p.line = line;
        p.column = column;
    }
    let ok = !problems.iter().any(|p| p.severity == Severity::Error);
    Normalized { feed: if ok { feed } else { None }, problems }
}

struct Cx {
    problems: Vec<Problem>,
    limits: Limits,
}


fn type_name_zh(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "布尔值",
        Value::Number(_) => "数字",
        Value::String(_) => "文本",
        Value::Array(_) => "数组",
        Value::Object(_) => "对象",
    }
}

fn type_name_en(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        let mut s = String::with_capacity(path.len() + key.len() + 1);
        s.push_str(path);
        s.push('.');
        s.push_str(key);
        s
    }
}

fn index(path: &str, i: usize) -> String {
    crate::format::cat(&[path, "[", &crate::format::int(i as i64), "]"])
}

impl Cx {
    fn error(&mut self, path: &str, zh: String, en: String) {
        self.problems.push(Problem::error(path, zh, en));
    }

    fn wrong_type(&mut self, path: &str, want_zh: &str, want_en: &str, got: &Value) {
        self.error(
            path,
            msg!("应为{}，实际是{}", want_zh, type_name_zh(got)),
            msg!("must be {}, found {}", want_en, type_name_en(got)),
        );
    }

    fn missing(&mut self, path: &str, key: &str) {
        self.error(
            path,
            msg!("缺少必填字段 \"{}\"", key),
            msg!("required field \"{}\" is missing", key),
        );
    }

    fn unknown_keys(&mut self, path: &str, obj: &Map, known: &[Field]) {
        for k in obj.keys() {
            if !spec::names(known).any(|n| n == k) {
                self.problems.push(Problem::warning(
                    &join(path, k),
                    msg!("未知字段 \"{}\"，已忽略", k),
                    msg!("unknown field \"{}\" was ignored", k),
                ));
            }
        }
    }

    fn feed(&mut self, v: &Value) -> Option<Feed> {
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

    fn unique_ids(&mut self, datasets: &[Dataset]) {
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

    fn string(&mut self, obj: &Map, path: &str, key: &str, required: bool) -> Option<String> {
        match obj.get(key) {
            None | Some(Value::Null) if !required => None,
            None => {
                self.missing(path, key);
                None
            }
            Some(Value::String(s)) => Some(s.clone()),
            Some(other) => {
                self.wrong_type(&join(path, key), "文本", "text", other);
                None
            }
        }
    }

    fn dataset(&mut self, path: &str, i: usize, v: &Value) -> Option<Dataset> {
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

    /// `highlight`: the names of series to stand out, each the name of a series in the data.
    fn highlight(&mut self, obj: &Map, path: &str, series: &[Series]) -> Vec<usize> {
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

    fn categories(&mut self, obj: &Map, path: &str) -> Option<Vec<String>> {
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

    fn all_series(&mut self, obj: &Map, path: &str, n_categories: Option<usize>) -> Option<Vec<Series>> {
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

    fn series(&mut self, path: &str, v: &Value, n_categories: Option<usize>) -> Option<Series> {
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

    fn boolean(&mut self, obj: &Map, path: &str, key: &str) -> Option<bool> {
        match obj.get(key) {
            None | Some(Value::Null) => None,
            Some(Value::Bool(b)) => Some(*b),
            Some(other) => {
                self.wrong_type(&join(path, key), "true 或 false", "true or false", other);
                None
            }
        }
    }

    fn decimals(&mut self, obj: &Map, path: &str) -> Option<u32> {
        match obj.get("decimals") {
            None | Some(Value::Null) => None,
            Some(Value::Number(n)) if n.as_u64().is_some_and(|d| d <= 6) => n.as_u64().map(|d| d as u32),
            Some(other) => {
                self.error(
                    &join(path, "decimals"),
                    msg!("decimals 应为 0 到 6 的整数，实际是 {}", other),
                    msg!("decimals must be a whole number from 0 to 6, found {}", other),
                );
                None
            }
        }
    }

    fn dates(&mut self, categories: &[String], path: &str) -> Vec<f64> {
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

    fn shares(&mut self, series: &[Series], path: &str) {
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

    fn annotations(&mut self, obj: &Map, path: &str, categories: &[String], series: &[Series]) -> Vec<Annotation> {
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

    fn target(&mut self, obj: &Map, path: &str, kind: Option<Kind>) -> Option<Target> {
        let p = join(path, "target");
        match obj.get("target") {
            None | Some(Value::Null) => {
                if kind == Some(Kind::Progress) {
                    self.error(
                        path,
                        msg!("进度图需要 \"target\"：{\"value\": 目标值, \"label\": \"年度任务\"}"),
                        msg!("a progress chart needs \"target\": {\"value\": …, \"label\": \"…\"}"),
                    );
                }
                None
            }
            Some(Value::Object(t)) => {
                let label = self.string(t, &p, "label", false).unwrap_or_default();
                let value = match t.get("value") {
                    Some(Value::Number(n)) => match n.as_f64() {
                        Some(f) if f.is_finite() && f > 0.0 => Some(f),
                        _ => {
                            self.error(&join(&p, "value"), msg!("目标值必须大于 0"), msg!("target value must be greater than 0"));
                            None
                        }
                    },
                    None => {
                        self.missing(&p, "value");
                        None
                    }
                    Some(other) => {
                        self.wrong_type(&join(&p, "value"), "数字", "a number", other);
                        None
                    }
                };
                Some(Target { value: value?, label })
            }
            Some(other) => {
                self.wrong_type(&p, "对象", "an object", other);
                None
            }
        }
    }

    fn notes(&mut self, obj: &Map, path: &str) -> Vec<String> {
        let p = join(path, "notes");
        match obj.get("notes") {
            None | Some(Value::Null) => Vec::new(),
            Some(Value::String(s)) => vec![s.clone()],
            Some(Value::Array(items)) => {
                let mut out = Vec::new();
                for (i, n) in items.iter().enumerate() {
                    match n {
                        Value::String(s) => out.push(s.clone()),
                        other => self.wrong_type(&index(&p, i), "文本", "text", other),
                    }
                }
                out
            }
            Some(other) => {
                self.wrong_type(&p, "文本或文本数组", "text or an array of text", other);
                Vec::new()
            }
        }
    }

    fn source(&mut self, obj: &Map, path: &str) -> Option<Source> {
        let p = join(path, "source");
        match obj.get("source") {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) => Some(Source { text: s.clone(), url: None }),
            Some(Value::Object(o)) => {
                let text = self.string(o, &p, "text", true)?;
                let url = self.string(o, &p, "url", false);
                let url = match url {
                    Some(u) if is_http_url(&u) => Some(u),
                    Some(u) => {
                        self.error(
                            &join(&p, "url"),
                            msg!("链接 \"{}\" 无效；只接受 http:// 或 https:// 开头的地址", u),
                            msg!("link \"{}\" is not allowed; only http:// and https:// addresses are", u),
                        );
                        None
                    }
                    None => None,
                };
                Some(Source { text, url })
            }
            Some(other) => {
                self.wrong_type(&p, "文本或对象 {\"text\": …, \"url\": …}", "text or an object {\"text\": …, \"url\": …}", other);
                None
            }
        }
    }
}

/// True for an absolute http or https address with a host.
pub fn is_http_url(u: &str) -> bool {
    // No whitespace or control character anywhere: browsers drop some of them
    // ("java\tscript:" is javascript:), so a checked address could mean another.
    if u.chars().any(|c| c.is_control() || c.is_whitespace()) {
        return false;
    }
    let lower = u.to_ascii_lowercase();
    let rest = lower.strip_prefix("https://").or_else(|| lower.strip_prefix("http://"));
    match rest {
        // a host must follow: not "https:///x", nor "https://\\x" (read as a path by browsers)
        Some(r) => !r.is_empty() && !r.starts_with(['/', '\\']),
        None => false,
    }
}
