//! CSV → feed: a journalist's spreadsheet export becomes a v1 feed with one
//! dataset.
//!
//! ```text
//! bytes ──encoding──▶ text ──parse──▶ records ──number / unit / date──▶ feed JSON value
//! ```
//!
//! - [`encoding`]: UTF-8 with or without BOM, UTF-16 with BOM; GBK is recognised and reported.
//! - [`parse`]: RFC 4180 records; the delimiter (comma, tab, semicolon) is detected.
//! - [`number`]: `72,500`, `7.25万`, `107.07%`, `¥1,234`, full-width digits, missing values.
//! - [`unit`]: a unit after the number (`7.25万人`) or in the header (`人数（万人）`).
//! - [`date`]: a first column of dates becomes ISO dates and `"x": "date"`.
//! - [`write`]: the feed as text laid out for people who edit it by hand.
//!
//! The first row names the columns; the first column holds the categories (or
//! dates) and every further column is a series named by its header. Every problem
//! is reported in one pass, located by row and column as a spreadsheet numbers
//! them (`line` = row, `column` = field, both 1-based), in Chinese and English.
//! Nothing here touches the file system: the browser can call it too.

pub mod date;
pub mod encoding;
pub mod number;
pub mod options;
pub mod parse;
pub mod unit;
pub mod write;

use serde_json::{Map, Value};

use crate::feed::{Problem, Severity};
use number::{Cell, Hint};
use parse::Record;

/// What the CSV itself cannot say: chart kind, words around the chart, and so on.
#[derive(Clone, Debug, PartialEq)]
pub struct CsvOptions {
    /// Chart kind written to the feed (`column` by default).
    pub kind: String,
    /// Headline; by default the file name, else the first header.
    pub title: Option<String>,
    /// Line under the title.
    pub subtitle: Option<String>,
    /// Unit of the values; overrides what the cells and headers say.
    pub unit: Option<String>,
    /// Source text.
    pub source: Option<String>,
    /// Source link (http or https).
    pub source_url: Option<String>,
    /// `zh-CN` or `en`; left out of the feed when `None` (the feed's default is zh-CN).
    pub locale: Option<String>,
    /// Dataset id; by default made from the file name when it has Latin letters or digits.
    pub id: Option<String>,
    /// Marks the numbers as illustrative.
    pub illustrative: bool,
    /// The file's name (`就业.csv`), for the default title and id.
    pub file_name: Option<String>,
}

impl Default for CsvOptions {
    fn default() -> CsvOptions {
        CsvOptions {
            kind: "column".to_string(),
            title: None,
            subtitle: None,
            unit: None,
            source: None,
            source_url: None,
            locale: None,
            id: None,
            illustrative: false,
            file_name: None,
        }
    }
}

/// Where a problem is, as people read it: `row 5, column "2022年"`.
pub(crate) fn place(row: usize, col: usize, header: Option<&str>) -> String {
    match header {
        Some(h) if !h.is_empty() => format!("row {}, column \"{}\"", row, h),
        _ if col > 0 => format!("row {}, column {}", row, col),
        _ => format!("row {}", row),
    }
}

/// Collects problems located at a row and column.
struct Report {
    problems: Vec<Problem>,
}

impl Report {
    fn at(&mut self, severity: Severity, row: usize, col: usize, header: Option<&str>, zh: String, en: String) {
        let path = place(row, col, header);
        let mut p = match severity {
            Severity::Error => Problem::error(&path, zh, en),
            Severity::Warning => Problem::warning(&path, zh, en),
        };
        p.line = row as u32;
        p.column = col as u32;
        self.problems.push(p);
    }

    fn error(&mut self, row: usize, col: usize, header: Option<&str>, zh: String, en: String) {
        self.at(Severity::Error, row, col, header, zh, en);
    }

    fn warning(&mut self, row: usize, col: usize, header: Option<&str>, zh: String, en: String) {
        self.at(Severity::Warning, row, col, header, zh, en);
    }
}

/// A series column.
struct Column {
    /// Field index (0-based).
    index: usize,
    /// The header as written, on one line.
    header: String,
    /// The series name: the header without a bracketed unit.
    name: String,
    /// A multiplier and unit the header declares.
    declared: Option<unit::HeaderUnit>,
    values: Vec<Option<f64>>,
    /// The first unit a cell wrote, with its row.
    unit: Option<(String, usize)>,
}

impl Column {
    /// The column's unit: the header's, else the cells'.
    fn unit(&self) -> &str {
        match (&self.declared, &self.unit) {
            (Some(d), _) => &d.unit,
            (None, Some((u, _))) => u,
            (None, None) => "",
        }
    }
}

/// A field's text on one line: trimmed, and a line break inside it becomes a
/// space between Latin words and nothing between Chinese characters.
fn one_line(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for part in s.split('\n').map(str::trim).filter(|p| !p.is_empty()) {
        let joins_cjk = out.chars().last().is_some_and(|c| !c.is_ascii()) && part.chars().next().is_some_and(|c| !c.is_ascii());
        if !out.is_empty() && !joins_cjk {
            out.push(' ');
        }
        out.push_str(part);
    }
    out
}

/// The file name without folders and extension.
fn stem(file_name: &str) -> &str {
    let base = file_name.rsplit(['/', '\\']).next().unwrap_or(file_name);
    match base.rfind('.') {
        Some(i) if i > 0 => &base[..i],
        _ => base,
    }
}

/// An id from a name: lowercase Latin letters, digits and dashes.
fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

/// A value as JSON: whole numbers without `.0`.
fn json_number(v: f64) -> Value {
    if v.fract() == 0.0 && v.abs() < 9.0e15 {
        Value::from(v as i64)
    } else {
        serde_json::Number::from_f64(v).map_or(Value::Null, Value::Number)
    }
}

/// Converts a CSV file to a v1 feed with one dataset. `Ok` carries the feed and
/// any warnings; `Err` every problem found (errors and warnings), in row order.
pub fn to_feed(bytes: &[u8], opts: &CsvOptions) -> Result<(Value, Vec<Problem>), Vec<Problem>> {
    let (text, _) = encoding::decode(bytes).map_err(|p| vec![p])?;
    let delim = parse::detect_delimiter(&text);
    let mut parse_problems = Vec::new();
    let mut records = parse::records(&text, delim, &mut parse_problems);
    let mut r = Report { problems: parse_problems };
    while records.last().is_some_and(Record::is_blank) {
        records.pop();
    }
    let Some(h) = records.iter().position(|rec| !rec.is_blank()) else {
        r.error(0, 0, None, "文件里没有数据".to_string(), "the file has no data".to_string());
        return Err(r.problems);
    };
    let header_row = h + 1;
    let header: Vec<String> = records[h].fields.iter().map(|f| one_line(&f.text)).collect();
    let data = &records[h + 1..];

    // columns: every header cell after the first; a column without a header is
    // left out when it is empty throughout (spreadsheets add such columns)
    let mut columns: Vec<Column> = Vec::new();
    for (j, head) in header.iter().enumerate().skip(1) {
        if head.is_empty() {
            let used = data.iter().position(|rec| rec.fields.get(j).is_some_and(|f| !f.text.trim().is_empty()));
            if let Some(i) = used {
                r.error(
                    header_row,
                    j + 1,
                    None,
                    format!("第 {} 列有数据（例如第 {} 行）但没有表头：请在第 {} 行给这一列写上名称", j + 1, h + 2 + i, header_row),
                    format!("column {} has values (e.g. in row {}) but no header: name it in row {}", j + 1, h + 2 + i, header_row),
                );
            }
            continue;
        }
        let declared = unit::header_unit(head);
        let name = declared.as_ref().map_or_else(|| head.clone(), |d| d.name.clone());
        if let Some(first) = columns.iter().find(|c| c.name == name) {
            r.warning(
                header_row,
                j + 1,
                Some(head),
                format!("有两列都叫 \"{}\"（第 {} 列和第 {} 列），图例中无法区分", name, first.index + 1, j + 1),
                format!("two columns are named \"{}\" (columns {} and {}): the legend cannot tell them apart", name, first.index + 1, j + 1),
            );
        }
        columns.push(Column { index: j, header: head.clone(), name, declared, values: Vec::with_capacity(data.len()), unit: None });
    }
    if columns.is_empty() && !r.problems.iter().any(|p| p.severity == Severity::Error) {
        r.error(
            header_row,
            0,
            None,
            "至少需要两列：第一列是类别或日期，后面每一列是一个数据系列".to_string(),
            "needs at least two columns: categories or dates first, then one column per series".to_string(),
        );
    }

    let mut categories: Vec<(String, usize)> = Vec::with_capacity(data.len());
    for (k, rec) in data.iter().enumerate() {
        let row = header_row + 1 + k;
        if rec.is_blank() {
            r.warning(row, 0, None, format!("第 {} 行是空行，已跳过", row), format!("row {} is empty and was skipped", row));
            continue;
        }
        let category = rec.fields.first().map(|f| one_line(&f.text)).unwrap_or_default();
        if category.is_empty() {
            r.error(
                row,
                1,
                header.first().map(String::as_str),
                "第一列（类别）是空的：请填写类别名称或日期".to_string(),
                "the first column (the category) is empty: write a name or a date".to_string(),
            );
        }
        categories.push((category, row));
        if rec.fields.len() < header.len() {
            r.warning(
                row,
                rec.fields.len(),
                None,
                format!("这一行只有 {} 个字段，表头有 {} 个；缺少的单元格按缺失值处理", rec.fields.len(), header.len()),
                format!("this row has {} fields and the header {}: the cells it lacks are read as missing values", rec.fields.len(), header.len()),
            );
        }
        if let Some(extra) = rec.fields.iter().skip(header.len()).position(|f| !f.text.trim().is_empty()) {
            let j = header.len() + extra;
            r.error(
                row,
                j + 1,
                None,
                format!("第 {} 列有数据，但表头只有 {} 列：是否有值里的逗号没有加引号？", j + 1, header.len()),
                format!("there is a value in column {} but the header has only {} columns: is a comma inside a value not quoted?", j + 1, header.len()),
            );
        }
        for col in columns.iter_mut() {
            let raw = rec.fields.get(col.index).map_or("", |f| f.text.as_str());
            let value = cell(&mut r, col, raw, row);
            col.values.push(value);
        }
    }
    if data.iter().all(Record::is_blank) {
        r.error(
            header_row + 1,
            0,
            None,
            "表头下面没有数据行".to_string(),
            "there are no rows of data under the header".to_string(),
        );
    }

    // one unit for the chart
    let unit = match &opts.unit {
        Some(u) => u.clone(),
        None => {
            let mut unit: Option<&Column> = None;
            for col in &columns {
                if col.unit().is_empty() {
                    continue;
                }
                match unit {
                    None => unit = Some(col),
                    Some(first) if first.unit() != col.unit() => {
                        r.error(
                            header_row,
                            col.index + 1,
                            Some(&col.header),
                            format!(
                                "这一列的单位是 \"{}\"，而 \"{}\" 列是 \"{}\"：一张图只能有一个单位；请拆成两个文件、换算成同一单位，或用 --unit 指定单位",
                                col.unit(), first.header, first.unit()
                            ),
                            format!(
                                "this column is in \"{}\" but column \"{}\" is in \"{}\": a chart has one unit; split the file, convert to one unit, or set it with --unit",
                                col.unit(), first.header, first.unit()
                            ),
                        );
                    }
                    Some(_) => {}
                }
            }
            // a percentage beside plain numbers is two kinds of quantity, not one unit left out
            if let Some(pct) = unit.filter(|c| c.unit() == "%") {
                for col in columns.iter().filter(|c| c.unit().is_empty() && c.values.iter().any(Option::is_some)) {
                    r.error(
                        header_row,
                        col.index + 1,
                        Some(&col.header),
                        format!("这一列是普通数字，而 \"{}\" 列是百分比：一张图只能有一个单位；请拆成两个文件", pct.header),
                        format!("this column holds plain numbers but column \"{}\" holds percentages: a chart has one unit; split the file", pct.header),
                    );
                }
            }
            unit.map(|c| c.unit().to_string()).unwrap_or_default()
        }
    };

    // a first column of dates
    let dates: Option<Vec<String>> = if categories.is_empty() {
        None
    } else {
        categories.iter().map(|(c, _)| date::parse(c)).collect()
    };
    if let Some(d) = &dates {
        date_order(&mut r, d, &categories, header.first().map(String::as_str));
    } else {
        for (i, (c, row)) in categories.iter().enumerate() {
            if c.is_empty() {
                continue;
            }
            if let Some((_, first)) = categories[..i].iter().find(|(d, _)| d == c) {
                r.warning(
                    *row,
                    1,
                    header.first().map(String::as_str),
                    format!("类别 \"{}\" 出现了两次（第 {} 行和第 {} 行）", c, first, row),
                    format!("category \"{}\" appears twice (rows {} and {})", c, first, row),
                );
            }
        }
    }

    r.problems.sort_by_key(|p| (p.line, p.column));
    if r.problems.iter().any(|p| p.severity == Severity::Error) {
        return Err(r.problems);
    }

    let file_stem = opts.file_name.as_deref().map(stem).filter(|s| !s.is_empty());
    let title = opts
        .title
        .clone()
        .or_else(|| file_stem.map(str::to_string))
        .or_else(|| header.first().filter(|h| !h.is_empty()).cloned())
        .unwrap_or_else(|| "Chart".to_string());
    let id = opts.id.clone().or_else(|| file_stem.map(slug).filter(|s| !s.is_empty()));

    let mut ds = Map::new();
    if let Some(id) = id {
        ds.insert("id".into(), Value::String(id));
    }
    ds.insert("kind".into(), Value::String(opts.kind.clone()));
    if let Some(l) = &opts.locale {
        ds.insert("locale".into(), Value::String(l.clone()));
    }
    ds.insert("title".into(), Value::String(title));
    if let Some(s) = &opts.subtitle {
        ds.insert("subtitle".into(), Value::String(s.clone()));
    }
    if !unit.is_empty() {
        ds.insert("unit".into(), Value::String(unit));
    }
    if opts.illustrative {
        ds.insert("illustrative".into(), Value::Bool(true));
    }
    let cats: Vec<Value> = match dates {
        Some(d) => {
            ds.insert("x".into(), Value::String("date".into()));
            d.into_iter().map(Value::String).collect()
        }
        None => categories.into_iter().map(|(c, _)| Value::String(c)).collect(),
    };
    ds.insert("categories".into(), Value::Array(cats));
    let series: Vec<Value> = columns
        .into_iter()
        .map(|c| {
            let mut s = Map::new();
            s.insert("name".into(), Value::String(c.name));
            s.insert("values".into(), Value::Array(c.values.into_iter().map(|v| v.map_or(Value::Null, json_number)).collect()));
            Value::Object(s)
        })
        .collect();
    ds.insert("series".into(), Value::Array(series));
    match (&opts.source, &opts.source_url) {
        (None, None) => {}
        (text, url) => {
            let mut s = Map::new();
            let text = text.clone().or_else(|| url.clone()).unwrap_or_default();
            s.insert("text".into(), Value::String(text));
            if let Some(u) = url {
                s.insert("url".into(), Value::String(u.clone()));
            }
            ds.insert("source".into(), Value::Object(s));
        }
    }
    let mut feed = Map::new();
    feed.insert("version".into(), Value::from(crate::model::SUPPORTED_VERSION));
    feed.insert("datasets".into(), Value::Array(vec![Value::Object(ds)]));
    Ok((Value::Object(feed), r.problems))
}

/// Reads one cell of a series column, reporting what is wrong with it.
fn cell(r: &mut Report, col: &mut Column, raw: &str, row: usize) -> Option<f64> {
    let at = col.index + 1;
    let shown = one_line(raw);
    match number::parse(raw) {
        Cell::Missing => None,
        Cell::NotNumber(hint) => {
            let (hzh, hen) = match hint {
                Hint::DecimalComma => ("；如果逗号是小数点，请改用小数点（7.25）", "; if the comma is a decimal point, write a point (7.25)"),
                Hint::Garbled => ("；数字后面只能跟单位（如 万人、户、%）", "; only a unit may follow the number (such as 万人, 户, %)"),
                Hint::Plain => ("", ""),
            };
            r.error(
                row,
                at,
                Some(&col.header),
                format!("\"{}\" 不是数字{}；缺失值请留空或写 -", shown, hzh),
                format!("\"{}\" is not a number{}; leave a missing value empty or write -", shown, hen),
            );
            None
        }
        Cell::Number(n) => {
            let power = col.declared.as_ref().map_or(0, |d| d.power);
            if let Some(d) = &col.declared {
                if n.scaled && d.power > 0 {
                    r.error(
                        row,
                        at,
                        Some(&col.header),
                        format!("\"{}\" 自带倍数（万、亿等），而表头已写明单位 \"{}\"：请只写数字", shown, col.header.get(d.name.len()..).unwrap_or("").trim()),
                        format!("\"{}\" has its own multiplier (万, 亿 …) while the header already gives the unit: write the number only", shown),
                    );
                    return None;
                }
                if !n.unit.is_empty() && n.unit != d.unit {
                    r.error(
                        row,
                        at,
                        Some(&col.header),
                        format!("单位 \"{}\" 与表头的单位 \"{}\" 不一致", n.unit, d.unit),
                        format!("unit \"{}\" differs from the header's unit \"{}\"", n.unit, d.unit),
                    );
                    return None;
                }
            } else if !n.unit.is_empty() {
                match &col.unit {
                    None => col.unit = Some((n.unit.clone(), row)),
                    Some((u, first)) if *u != n.unit => {
                        r.error(
                            row,
                            at,
                            Some(&col.header),
                            format!("单位 \"{}\" 与本列第 {} 行的单位 \"{}\" 不一致：同一列只能有一个单位", n.unit, first, u),
                            format!("unit \"{}\" differs from \"{}\" in row {} of this column: a column has one unit", n.unit, u, first),
                        );
                        return None;
                    }
                    Some(_) => {}
                }
            }
            match n.value(power) {
                Some(v) => Some(v),
                None => {
                    r.error(row, at, Some(&col.header), format!("\"{}\" 超出数字范围", shown), format!("\"{}\" is out of range", shown));
                    None
                }
            }
        }
    }
}

/// Warns about dates out of order (either rising or falling throughout is fine)
/// and about a date given twice.
fn date_order(r: &mut Report, dates: &[String], categories: &[(String, usize)], header: Option<&str>) {
    let mut direction = std::cmp::Ordering::Equal;
    for i in 1..dates.len() {
        let (prev, cur) = (&dates[i - 1], &dates[i]);
        let row = categories[i].1;
        match cur.cmp(prev) {
            std::cmp::Ordering::Equal => {
                r.warning(
                    row,
                    1,
                    header,
                    format!("日期 {} 与上一行重复", cur),
                    format!("date {} is the same as in the row before", cur),
                );
            }
            o if direction == std::cmp::Ordering::Equal => direction = o,
            o if o != direction => {
                r.warning(
                    row,
                    1,
                    header,
                    format!("各行没有按日期排序：{} 排在 {} 之后", cur, prev),
                    format!("rows are not in date order: {} comes after {}", cur, prev),
                );
                return;
            }
            _ => {}
        }
    }
}
