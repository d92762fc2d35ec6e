//! CSV or .xlsx → feed: a journalist's spreadsheet becomes a v1 feed with one
//! dataset.
//!
//! ```text
//! bytes ──encoding/parse (CSV) or xlsx──▶ rows ──table──▶ header + data ──column──▶ types
//!       ──(pivot)──▶ x + series ──number / unit / date──▶ feed JSON value
//! ```
//!
//! - [`table`]: title lines above the header, notes below the data, blank lines: skipped and listed.
//! - [`column`](mod@column): each column's type (number, date, text, empty); a number column's unit.
//! - [`pivot`]: a long (tidy) table recognised, or pivoted into series when asked.
//! - [`xlsx`]: the first (or a chosen) sheet of an .xlsx file.
//! - [`result`]: the import as the builder page reads it (table, columns, long, skipped, sheets).
//! - [`encoding`]: UTF-8 with or without BOM, UTF-16 with BOM; GBK is recognised and reported.
//! - [`parse`]: RFC 4180 records; the delimiter (comma, tab, semicolon) is detected.
//! - [`number`]: `72,500`, `7.25万`, `1.2k`, `107.07%`, `$1,925`, `(1,234)`, full-width digits, missing values.
//! - [`unit`](mod@unit): a unit in the header (`人数（万人）`, `Amount ($m)`) and the Chinese multipliers.
//! - [`date`]: dates in the forms people write (`Jan 1 2000`, `3/15/2023`, `2023年3月`), quarters.
//! - [`write`](mod@write): the feed as text laid out for people who edit it by hand.
//!
//! The first row with two cells names the columns; the first column (or the
//! one asked for) holds the categories or dates and every further number column
//! is a series named by its header (docs/CSV.md has every rule). Every problem
//! is reported in one pass, located by row and column as a spreadsheet numbers
//! them (`line` = row, `column` = field, both 1-based), in Chinese and English.
//! Nothing here touches the file system: the browser can call it too.

pub mod column;
pub mod date;
pub mod encoding;
pub mod number;
pub mod options;
pub mod parse;
pub mod pivot;
pub mod result;
pub mod table;
pub mod unit;
pub mod write;
// calamine is native, or in the builder page's own xlsx module (cargo feature `xlsx`): the module
// that readers' pages borrow for a broken feed's words stays without it
#[cfg(any(not(target_arch = "wasm32"), feature = "xlsx"))]
pub mod xlsx;

use serde_json::{Map, Value};

use crate::feed::{Code, Problem, Severity};
use column::Type;
pub use date::Order;
pub use table::{Skipped, Table};

/// A long table's pivot: the column whose values name the series, and the column of values.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pivot {
    /// Header of the column whose distinct values become series.
    pub series: String,
    /// Header of the column of numbers.
    pub value: String,
}

/// What the CSV itself cannot say: chart kind, words around the chart, which
/// columns to draw, and so on.
#[derive(Clone, Debug, PartialEq)]
pub struct CsvOptions {
    /// Chart kind written to the feed; `None` picks one: `line` for dates with
    /// more than [`LINE_ABOVE`] points, else `column`.
    pub kind: Option<String>,
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
    /// Header of the x column (default: the first column, or for a pivot the first date column).
    pub x: Option<String>,
    /// Headers of the series columns, in this order (default: every number column).
    pub columns: Vec<String>,
    /// Headers of columns left out.
    pub exclude: Vec<String>,
    /// Turns a long table into one series per value of a column.
    pub pivot: Option<Pivot>,
    /// Day/month order of slash dates (default: decided from the values).
    pub date_order: Option<Order>,
    /// The decimal point: `.` (default) or `,`.
    pub decimal: char,
    /// The sheet of an .xlsx file: its name or 1-based number (default: the first).
    pub sheet: Option<String>,
}

/// A date x with more points than this defaults to a line: more columns than
/// this no longer fit side by side on a phone-width chart with readable labels.
pub const LINE_ABOVE: usize = 40;

impl Default for CsvOptions {
    fn default() -> CsvOptions {
        CsvOptions {
            kind: None,
            title: None,
            subtitle: None,
            unit: None,
            source: None,
            source_url: None,
            locale: None,
            id: None,
            illustrative: false,
            file_name: None,
            x: None,
            columns: Vec::new(),
            exclude: Vec::new(),
            pivot: None,
            date_order: None,
            decimal: '.',
            sheet: None,
        }
    }
}

/// A long (tidy) table, reported at its series column with the `--pivot` to use: an error that
/// stops the import, or a warning beside the series the journalist named.
fn report_long(r: &mut Report, severity: Severity, header_row: usize, headers: &[String], shape: pivot::Shape) -> Long {
    let long = Long { x: headers[shape.x].clone(), series: headers[shape.series].clone(), value: headers[shape.value].clone() };
    let (x, s, v) = (&long.x, &long.series, &long.value);
    let code = if severity == Severity::Error { Code::CsvLongTable } else { Code::CsvLooksLong };
    r.coded(severity, header_row, shape.series + 1, Some(s), code, &[x, s, v]);
    long
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
pub(crate) struct Report {
    problems: Vec<Problem>,
}

impl Report {
    fn at(&mut self, severity: Severity, row: usize, col: usize, header: Option<&str>, zh: String, en: String) {
        let path = place(row, col, header);
        let mut p = match severity {
            Severity::Error => Problem::said(Severity::Error, &path, zh, en),
            Severity::Warning => Problem::said(Severity::Warning, &path, zh, en),
        };
        p.line = row as u32;
        p.column = col as u32;
        self.problems.push(p);
    }

    /// A problem at a row and column: `code` with its parameters.
    fn coded(&mut self, severity: Severity, row: usize, col: usize, header: Option<&str>, code: Code, args: &[&str]) {
        let mut p = Problem::new(severity, &place(row, col, header), code, args);
        p.line = row as u32;
        p.column = col as u32;
        self.problems.push(p);
    }

    fn err(&mut self, row: usize, col: usize, header: Option<&str>, code: Code, args: &[&str]) {
        self.coded(Severity::Error, row, col, header, code, args);
    }

    fn warn(&mut self, row: usize, col: usize, header: Option<&str>, code: Code, args: &[&str]) {
        self.coded(Severity::Warning, row, col, header, code, args);
    }

    fn error(&mut self, row: usize, col: usize, header: Option<&str>, zh: String, en: String) {
        self.at(Severity::Error, row, col, header, zh, en);
    }

    fn warning(&mut self, row: usize, col: usize, header: Option<&str>, zh: String, en: String) {
        self.at(Severity::Warning, row, col, header, zh, en);
    }
}

/// What a column became.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// The categories or dates.
    X,
    /// A series (for a pivot: the series' names or their values).
    Series,
    /// Left out.
    Excluded,
}

impl Role {
    /// `x`, `series` or `excluded`.
    pub fn name(self) -> &'static str {
        match self {
            Role::X => "x",
            Role::Series => "series",
            Role::Excluded => "excluded",
        }
    }
}

/// One column of the table, as the import read it.
#[derive(Clone, Debug, PartialEq)]
pub struct ColumnInfo {
    /// Field index, 0-based.
    pub index: usize,
    /// The header as written, on one line.
    pub header: String,
    /// The series name: the header without a bracketed unit.
    pub name: String,
    /// What the column holds.
    pub kind: Type,
    /// What it became.
    pub role: Role,
    /// The unit its cells are written in, for a number column: the header's as
    /// written (`万元`; the feed then holds the values in 元), or the marker every
    /// cell shares (`$`).
    pub unit: Option<String>,
}

/// A long table's columns, by header: the pivot the import suggests.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Long {
    /// The x column.
    pub x: String,
    /// The column whose values would name the series.
    pub series: String,
    /// The column of numbers.
    pub value: String,
}

/// Everything the import found: the feed (when there is no error), the
/// problems, and what the builder shows beside them.
#[derive(Clone, Debug, PartialEq)]
pub struct Import {
    /// The feed, `None` when there are errors.
    pub feed: Option<Value>,
    /// Errors and warnings, in row order.
    pub problems: Vec<Problem>,
    /// The table under its header (empty when none was found).
    pub table: Table,
    /// Every column of the table.
    pub columns: Vec<ColumnInfo>,
    /// A long table's suggested pivot, when the table looks long.
    pub long: Option<Long>,
    /// Lines left out: titles, notes, blanks.
    pub skipped: Vec<Skipped>,
    /// The sheets of an .xlsx file, in order (empty for CSV).
    pub sheets: Vec<String>,
}

/// A field's text on one line: trimmed, and a line break inside it becomes a
/// space between Latin words and nothing between Chinese characters.
pub(crate) fn one_line(s: &str) -> String {
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

/// Converts a CSV or .xlsx file to a v1 feed with one dataset. `Ok` carries the
/// feed and any warnings; `Err` every problem found (errors and warnings), in row
/// order. [`import`] says more: the table, the columns' types, what was skipped.
///
/// ```
/// use newschart::csv::{self, CsvOptions};
/// use serde_json::json;
///
/// // the seed's toilet figures as a journalist types them
/// let table = "项目,户数\n排查整改财政补助户厕,196万\n“百日攻坚”新建改建,5.4万\n";
/// let opts = CsvOptions { kind: Some("bar".into()), title: Some("“百日攻坚”完成5.4万户农村改厕".into()), ..CsvOptions::default() };
/// let (feed, warnings) = csv::to_feed(table.as_bytes(), &opts).expect("a feed");
/// assert!(warnings.is_empty());
/// assert_eq!(feed["datasets"][0]["series"][0]["values"], json!([1960000, 54000]));
///
/// // as text, ready for normalize::read
/// let text = csv::write::to_pretty(&feed);
/// assert!(newschart::normalize::read(&text, Default::default()).problems.is_empty());
/// ```
pub fn to_feed(bytes: &[u8], opts: &CsvOptions) -> Result<(Value, Vec<Problem>), Vec<Problem>> {
    let i = import(bytes, opts);
    match i.feed {
        Some(f) => Ok((f, i.problems)),
        None => Err(i.problems),
    }
}

/// True for the bytes of a zip archive, as an .xlsx file is.
pub fn is_xlsx(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

/// The file's rows of cell text, row 1 first, with the sheets of an .xlsx file
/// (also when the sheet asked for is not there).
fn rows(bytes: &[u8], opts: &CsvOptions, r: &mut Report, sheets: &mut Vec<String>) -> Option<Vec<Vec<String>>> {
    // Excel 97–2003 (.xls) and other OLE2 files
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        r.err(0, 0, None, Code::CsvXls, &[]);
        return None;
    }
    #[cfg(all(target_arch = "wasm32", not(feature = "xlsx")))]
    if is_xlsx(bytes) {
        let _ = (opts, sheets);
        r.err(0, 0, None, Code::CsvNoXlsxReader, &[]);
        return None;
    }
    #[cfg(any(not(target_arch = "wasm32"), feature = "xlsx"))]
    if is_xlsx(bytes) {
        return match xlsx::rows(bytes, opts.sheet.as_deref()) {
            Ok((rows, names)) => {
                *sheets = names;
                Some(rows)
            }
            Err((p, names)) => {
                *sheets = names;
                r.problems.push(p);
                None
            }
        };
    }
    let (text, _) = match encoding::decode(bytes) {
        Ok(t) => t,
        Err(p) => {
            r.problems.push(p);
            return None;
        }
    };
    let delim = parse::detect_delimiter(&text);
    let records = parse::records(&text, delim, &mut r.problems);
    Some(records.into_iter().map(|rec| rec.fields.into_iter().map(|f| f.text).collect()).collect())
}

/// The unit a column's cells are written in: the header's as written (`万元`),
/// else the marker every cell shares (`$`).
fn written_unit(declared: Option<&unit::HeaderUnit>, shared: &str) -> Option<String> {
    Some(declared.map_or(shared, |d| d.written.as_str()).to_string()).filter(|u| !u.is_empty())
}

/// Finds a column by its header (as written, or without its unit).
fn find(headers: &[String], names: &[String], want: &str) -> Option<usize> {
    let w = one_line(want);
    headers.iter().position(|h| *h == w).or_else(|| names.iter().position(|n| *n == w))
}

/// Reads a CSV or .xlsx file: the feed (when nothing is wrong), every problem,
/// and the table, columns, long-table hint and skipped lines the builder shows.
///
/// ```
/// use newschart::csv::{import, CsvOptions};
///
/// // a title above the header and a unit in it: 万户, so the feed holds households
/// let sheet = "株洲农村改厕（2022）\n项目,户数（万户）\n排查整改财政补助户厕,196\n“百日攻坚”新建改建,5.4\n";
/// let i = import(sheet.as_bytes(), &CsvOptions::default());
/// assert_eq!(i.skipped.len(), 1);
/// assert_eq!(i.columns[1].unit.as_deref(), Some("万户"));
/// let feed = i.feed.expect("no errors");
/// assert_eq!(feed["datasets"][0]["series"][0]["values"], serde_json::json!([1960000, 54000]));
/// ```
pub fn import(bytes: &[u8], opts: &CsvOptions) -> Import {
    let mut r = Report { problems: Vec::new() };
    let mut out = Import {
        feed: None,
        problems: Vec::new(),
        table: Table { headers: Vec::new(), header_row: 0, rows: Vec::new(), row_numbers: Vec::new() },
        columns: Vec::new(),
        long: None,
        skipped: Vec::new(),
        sheets: Vec::new(),
    };
    let Some(records) = rows(bytes, opts, &mut r, &mut out.sheets) else {
        out.problems = r.problems;
        return out;
    };
    let (table, skipped) = table::frame(&records);
    out.skipped = skipped;
    let Some(mut table) = table else {
        r.err(0, 0, None, Code::CsvNoData, &[]);
        out.problems = r.problems;
        return out;
    };
    table.headers = table.headers.iter().map(|h| one_line(h)).collect();
    let feed = build(&mut r, &table, opts, &mut out);
    out.table = table;
    r.problems.sort_by_key(|p| (p.line, p.column));
    if !r.problems.iter().any(|p| p.severity == Severity::Error) {
        out.feed = feed;
    }
    out.problems = r.problems;
    out
}

/// The series of the feed: name, values, unit.
struct Series {
    name: String,
    values: Vec<Option<f64>>,
    unit: String,
    /// Field index and header, for problems about the unit.
    index: usize,
    header: String,
}

fn build(r: &mut Report, t: &Table, opts: &CsvOptions, out: &mut Import) -> Option<Value> {
    let header_row = t.header_row;
    let headers = &t.headers;
    let width = headers.len();
    let cols: Vec<Vec<&str>> = (0..width).map(|j| t.rows.iter().map(|row| row.get(j).map_or("", String::as_str)).collect()).collect();
    // a unit above the table (`单位：亿元`) holds for every column whose header gives none
    let above = out.skipped.iter().filter(|s| s.why == table::Why::Title).find_map(|s| unit::table_unit(&s.text));
    let declared: Vec<Option<unit::HeaderUnit>> = headers
        .iter()
        .map(|h| unit::header_unit(h).or_else(|| above.clone().map(|d| unit::HeaderUnit { name: h.clone(), ..d })))
        .collect();
    let names: Vec<String> = headers.iter().zip(&declared).map(|(h, d)| d.as_ref().map_or_else(|| h.clone(), |d| d.name.clone())).collect();
    let types: Vec<Type> = (0..width).map(|j| column::classify(&cols[j], &headers[j], j == 0, opts.decimal, opts.date_order)).collect();
    out.columns = (0..width)
        .map(|j| ColumnInfo { index: j, header: headers[j].clone(), name: names[j].clone(), kind: types[j], role: Role::Excluded, unit: None })
        .collect();

    // a column without a header is left out when it is empty throughout
    // (spreadsheets add such columns), an error when it holds values
    for (j, h) in headers.iter().enumerate().skip(1) {
        if h.is_empty() {
            if let Some(i) = cols[j].iter().position(|c| !c.trim().is_empty()) {
                r.err(header_row, j + 1, None, Code::CsvUnnamedColumn, &[&(j + 1).to_string(), &t.row_numbers[i].to_string(), &header_row.to_string()]);
            }
        }
    }
    if t.rows.is_empty() {
        r.err(header_row + 1, 0, None, Code::CsvNoRows, &[]);
    }
    let mut named = |want: &str, what: &str| -> Option<usize> {
        let found = find(headers, &names, want);
        if found.is_none() {
            let mut args = vec![what, want];
            args.extend(headers.iter().map(String::as_str));
            r.err(header_row, 0, None, Code::CsvNoSuchColumn, &args);
        }
        found
    };
    let pivot = match &opts.pivot {
        Some(p) => match (named(&p.series, "--pivot series="), named(&p.value, "--pivot value=")) {
            (Some(s), Some(v)) => Some((s, v)),
            _ => return None,
        },
        None => None,
    };
    let x = match (&opts.x, pivot) {
        (Some(x), _) => named(x, "--x")?,
        (None, Some((s, v))) => (0..width)
            .find(|&j| j != s && j != v && types[j] == Type::Date)
            .or_else(|| (0..width).find(|&j| j != s && j != v && types[j] == Type::Text))
            .or_else(|| (0..width).find(|&j| j != s && j != v))?,
        (None, None) => 0,
    };
    let excluded: Vec<usize> = opts.exclude.iter().filter_map(|e| named(e, "--exclude")).collect();
    let chosen: Vec<usize> = opts.columns.iter().filter_map(|c| named(c, "--columns")).collect();
    if r.problems.iter().any(|p| p.severity == Severity::Error && p.line == header_row as u32 && p.column == 0) {
        return None;
    }
    out.columns[x].role = Role::X;

    // the x column: dates (ISO) or categories
    let x_dates = (types[x] == Type::Date || types[x] == Type::Number)
        .then(|| date::column(&cols[x], opts.date_order))
        .flatten()
        .filter(|d| !d.quarters);
    if let Some(d) = &x_dates {
        if d.ambiguous {
            let example = cols[x].iter().find(|c| !c.trim().is_empty()).unwrap_or(&"");
            r.warn(header_row, x + 1, Some(&headers[x]), Code::CsvAmbiguousDates, &[example]);
        }
    }
    let x_of = |i: usize| -> Option<String> {
        match &x_dates {
            Some(d) => d.iso[i].clone(),
            None => Some(one_line(cols[x][i])).filter(|c| !c.is_empty()),
        }
    };

    let mut series: Vec<Series> = Vec::new();
    let categories: Vec<(String, usize)>;
    if let Some((s, v)) = pivot {
        out.columns[s].role = Role::Series;
        out.columns[v].role = Role::Series;
        let xs: Vec<Option<String>> = (0..t.rows.len()).map(x_of).collect();
        let p = pivot::pivot(&xs, &cols[s], x_dates.is_some());
        for (i, x_missing) in xs.iter().enumerate() {
            if x_missing.is_none() {
                r.err(t.row_numbers[i], x + 1, Some(&headers[x]), Code::CsvEmptyX, &[]);
            }
        }
        for &i in &p.unnamed {
            r.err(t.row_numbers[i], s + 1, Some(&headers[s]), Code::CsvEmptySeriesName, &[]);
        }
        for &(i, first) in &p.repeats {
            r.err(t.row_numbers[i], s + 1, Some(&headers[s]), Code::CsvPivotRepeat, &[&one_line(cols[s][i]), &one_line(cols[x][i]), &t.row_numbers[first].to_string()]);
        }
        let cells: Vec<(&str, usize)> = cols[v].iter().copied().zip(t.row_numbers.iter().copied()).collect();
        let spec = column::Numbers { index: v, header: &headers[v], declared: declared[v].as_ref() };
        let (values, unit) = column::read(r, &spec, &cells, opts.decimal);
        out.columns[v].unit = written_unit(declared[v].as_ref(), &unit);
        for (name, rows) in p.series {
            series.push(Series {
                name,
                values: rows.iter().map(|row| row.and_then(|i| values[i])).collect(),
                unit: unit.clone(),
                index: v,
                header: headers[v].clone(),
            });
        }
        categories = p.xs.into_iter().map(|c| (c, header_row)).collect();
    } else {
        // a long table drawn as it is would plot its years or categories as series;
        // when the journalist named the x or the columns, the import does what was
        // asked, and the pivot is at most a hint (below, once the series are known)
        let named = opts.x.is_some() || !opts.columns.is_empty();
        let shape = pivot::detect(&cols, &types, x);
        if let Some(shape) = shape.filter(|_| !named) {
            out.long = Some(report_long(r, Severity::Error, header_row, &headers, shape));
            return None;
        }
        // which columns are series
        let mut picked: Vec<usize> = Vec::new();
        if chosen.is_empty() {
            for j in (0..width).filter(|&j| j != x && !excluded.contains(&j) && !headers[j].is_empty()) {
                match types[j] {
                    Type::Number | Type::Empty => picked.push(j),
                    Type::Text | Type::Date => {
                        let code = if types[j] == Type::Text { Code::CsvTextLeftOut } else { Code::CsvDatesLeftOut };
                        r.warn(header_row, j + 1, Some(&headers[j]), code, &[&headers[j]]);
                    }
                }
            }
        } else {
            for &j in chosen.iter().filter(|&&j| j != x) {
                if matches!(types[j], Type::Text | Type::Date) {
                    r.err(header_row, j + 1, Some(&headers[j]), Code::CsvNotNumbers, &[&headers[j]]);
                } else {
                    picked.push(j);
                }
            }
        }
        // a hint only for a pivot that would draw one of the chosen series on a filled grid
        if let Some(shape) = shape.filter(|s| named && picked.contains(&s.value) && (s.x == x || s.series == x) && pivot::fills_grid(&cols, *s)) {
            out.long = Some(report_long(r, Severity::Warning, header_row, &headers, shape));
        }
        // time across the header (`2019年,2020年,…` or `1960,1961,…`): each year a series
        if picked.len() >= 3 && types[x] == Type::Text && picked.iter().all(|&j| date::parse(&names[j]).is_some()) {
            let (first, last) = (&names[picked[0]], &names[picked[picked.len() - 1]]);
            r.warn(header_row, picked[0] + 1, Some(&headers[picked[0]]), Code::CsvDatesAcross, &[first, last]);
        }
        for &j in &picked {
            out.columns[j].role = Role::Series;
            let cells: Vec<(&str, usize)> = cols[j].iter().copied().zip(t.row_numbers.iter().copied()).collect();
            let spec = column::Numbers { index: j, header: &headers[j], declared: declared[j].as_ref() };
            let (values, unit) = column::read(r, &spec, &cells, opts.decimal);
            out.columns[j].unit = written_unit(declared[j].as_ref(), &unit);
            if let Some(first) = series.iter().find(|c| c.name == names[j]) {
                r.warn(header_row, j + 1, Some(&headers[j]), Code::CsvSameName, &[&names[j], &(first.index + 1).to_string(), &(j + 1).to_string()]);
            }
            series.push(Series { name: names[j].clone(), values, unit, index: j, header: headers[j].clone() });
        }
        if series.is_empty() {
            r.err(header_row, 0, None, Code::CsvTooFewColumns, &[]);
        }
        // rows: their x and their width
        let mut cats = Vec::with_capacity(t.rows.len());
        let mut short: Vec<(usize, usize)> = Vec::new();
        for (i, row) in t.rows.iter().enumerate() {
            let at = t.row_numbers[i];
            let c = x_of(i).unwrap_or_default();
            if c.is_empty() {
                r.err(at, x + 1, Some(&headers[x]), Code::CsvEmptyCategory, &[]);
            }
            cats.push((c, at));
            if row.len() < width {
                short.push((at, row.len()));
            }
            if let Some(extra) = row.iter().skip(width).position(|f| !f.trim().is_empty()) {
                let j = width + extra;
                r.err(at, j + 1, None, Code::CsvPastHeader, &[&(j + 1).to_string(), &width.to_string()]);
            }
        }
        // rows shorter than the header: one warning, however many
        if let Some(&(at, n)) = short.first() {
            let rows: Vec<String> = short.iter().take(5).map(|(r, _)| r.to_string()).collect();
            let more = if short.len() > 5 { "…" } else { "" };
            if short.len() == 1 {
                r.warn(at, n, None, Code::CsvShortRow, &[&n.to_string(), &width.to_string()]);
            } else {
                let (count, width) = (short.len().to_string(), width.to_string());
                let mut args = vec![count.as_str(), width.as_str(), more];
                args.extend(rows.iter().map(String::as_str));
                r.warn(at, n, None, Code::CsvShortRows, &args);
            }
        }
        categories = cats;
        if x_dates.is_some() {
            let d: Vec<String> = categories.iter().map(|(c, _)| c.clone()).collect();
            date_order(r, &d, &categories, Some(&headers[x]), x + 1);
        } else {
            // categories given twice: one warning, however many
            let mut seen: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
            let mut twice: Vec<(&str, usize, usize)> = Vec::new();
            for (c, row) in categories.iter().filter(|(c, _)| !c.is_empty()) {
                match seen.get(c.as_str()) {
                    Some(&first) => twice.push((c, first, *row)),
                    None => {
                        seen.insert(c, *row);
                    }
                }
            }
            if let Some(&(c, first, row)) = twice.first() {
                let (zh, en) = if twice.len() == 1 {
                    (
                        format!("类别 \"{}\" 出现了两次（第 {} 行和第 {} 行）", c, first, row),
                        format!("category \"{}\" appears twice (rows {} and {})", c, first, row),
                    )
                } else {
                    let zh: Vec<String> = twice.iter().take(3).map(|(c, a, b)| format!("\"{}\"（第 {} 行和第 {} 行）", c, a, b)).collect();
                    let en: Vec<String> = twice.iter().take(3).map(|(c, a, b)| format!("\"{}\" (rows {} and {})", c, a, b)).collect();
                    let more = if twice.len() > 3 { "…" } else { "" };
                    (
                        format!("有 {} 行的类别与前面的行重复：{}{}", twice.len(), zh.join("、"), more),
                        format!("{} rows repeat an earlier row's category: {}{}", twice.len(), en.join(", "), more),
                    )
                };
                r.warning(row, x + 1, Some(&headers[x]), zh, en);
            }
        }
    }

    // one unit for the chart
    let unit = match &opts.unit {
        Some(u) => u.clone(),
        None => {
            let groups = unit_groups(&series);
            if groups.len() > 1 {
                unit_error(r, header_row, &groups);
            }
            groups.first().map(|(u, _)| u.to_string()).unwrap_or_default()
        }
    };

    let file_stem = opts.file_name.as_deref().map(stem).filter(|s| !s.is_empty());
    let title = opts
        .title
        .clone()
        .or_else(|| file_stem.map(str::to_string))
        .or_else(|| headers.first().filter(|h| !h.is_empty()).cloned())
        .unwrap_or_else(|| "Chart".to_string());
    let id = opts.id.clone().or_else(|| file_stem.map(slug).filter(|s| !s.is_empty()));
    // dates, or dates with times of day (which stay categories, evenly spaced)
    let timed = x_dates.is_some() || (!cols[x].is_empty() && cols[x].iter().all(|c| date::is_datetime(c)));
    let kind = opts.kind.clone().unwrap_or_else(|| {
        if timed && categories.len() > LINE_ABOVE {
            "line".to_string()
        } else {
            "column".to_string()
        }
    });

    let mut ds = Map::new();
    if let Some(id) = id {
        ds.insert("id".into(), Value::String(id));
    }
    ds.insert("kind".into(), Value::String(kind));
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
    if x_dates.is_some() {
        ds.insert("x".into(), Value::String("date".into()));
    }
    ds.insert("categories".into(), Value::Array(categories.into_iter().map(|(c, _)| Value::String(c)).collect()));
    let series: Vec<Value> = series
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
    Some(Value::Object(feed))
}

/// The series' columns grouped by the unit they declare (in the header or in
/// every cell), in the order of their first column; a column without a unit is
/// a group of its own (its unit empty) unless it holds no value at all. A pivot's
/// series share their one column.
fn unit_groups(series: &[Series]) -> Vec<(&str, Vec<&Series>)> {
    let mut groups: Vec<(&str, Vec<&Series>)> = Vec::new();
    for col in series {
        if col.unit.is_empty() && !col.values.iter().any(Option::is_some) {
            continue;
        }
        if groups.iter().any(|(_, cs)| cs.iter().any(|c| c.index == col.index)) {
            continue;
        }
        match groups.iter_mut().find(|(u, _)| *u == col.unit) {
            Some((_, cs)) => cs.push(col),
            None => groups.push((col.unit.as_str(), vec![col])),
        }
    }
    groups
}

/// One error for series columns of different units (or some with a unit and
/// some without): which columns are in which unit, and the fix. A feed's dataset
/// has one unit, and taking one column's for all would label the others wrongly.
fn unit_error(r: &mut Report, header_row: usize, groups: &[(&str, Vec<&Series>)]) {
    const SHOWN: usize = 3;
    let names = |cs: &[&Series], sep: &str| {
        let shown: Vec<String> = cs.iter().take(SHOWN).map(|c| format!("\"{}\"", c.header)).collect();
        shown.join(sep)
    };
    let zh: Vec<String> = groups
        .iter()
        .map(|(u, cs)| {
            let more = if cs.len() > SHOWN { format!(" 等 {} 列", cs.len()) } else { String::new() };
            let what = if u.is_empty() { "没有写单位".to_string() } else { format!("的单位是 \"{}\"", u) };
            format!("{}{}{}", names(cs, "、"), more, what)
        })
        .collect();
    let en: Vec<String> = groups
        .iter()
        .map(|(u, cs)| {
            let count = if cs.len() == 1 { "1 column".to_string() } else { format!("{} columns", cs.len()) };
            let more = if cs.len() > SHOWN { " …" } else { "" };
            let what = if u.is_empty() { "give no unit".to_string() } else { format!("{} in \"{}\"", if cs.len() == 1 { "is" } else { "are" }, u) };
            let what = if u.is_empty() && cs.len() == 1 { "gives no unit".to_string() } else { what };
            format!("{} ({}{}) {}", count, names(cs, ", "), more, what)
        })
        .collect();
    let at = groups[1].1[0];
    r.error(
        header_row,
        at.index + 1,
        Some(&at.header),
        format!(
            "各列的单位不同：{}。一张图只能有一个单位：请用 --columns 只选同一单位的列，或用 --exclude 略去其他列；如果各列其实是同一单位，请用 --unit 写明",
            zh.join("；")
        ),
        format!(
            "the columns are in different units: {}. A chart has one unit: choose the columns of one unit with --columns, or leave the others out with --exclude; if they are all in one unit, name it with --unit",
            en.join("; ")
        ),
    );
}

/// Warns about dates out of order (either rising or falling throughout is fine)
/// and about a date given twice.
fn date_order(r: &mut Report, dates: &[String], categories: &[(String, usize)], header: Option<&str>, col: usize) {
    let mut direction = std::cmp::Ordering::Equal;
    for i in 1..dates.len() {
        let (prev, cur) = (&dates[i - 1], &dates[i]);
        let row = categories[i].1;
        match cur.cmp(prev) {
            std::cmp::Ordering::Equal => {
                r.warn(row, col, header, Code::CsvSameDate, &[cur]);
            }
            o if direction == std::cmp::Ordering::Equal => direction = o,
            o if o != direction => {
                r.warn(row, col, header, Code::CsvDateOrder, &[cur, prev]);
                return;
            }
            _ => {}
        }
    }
}
