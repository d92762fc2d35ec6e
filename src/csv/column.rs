//! One column of the table: its type (number, date, text or empty), and its
//! numbers read with one unit for the whole column.
//!
//! A column is a number column when at least half of its filled cells read as
//! numbers ([`NUMBER_SHARE`]); the cells that do not are then errors, each
//! located and named. Below that it is a text column: never a series. A marker a
//! cell carries (`$`, `%`, `人`) is the column's unit only when every number of
//! the column carries it; a marker some cells have and others lack is an error
//! at each cell that differs from the rest (`12.8o` among plain numbers).

use super::date::{self, Order};
use super::number::{self, Cell, Hint};
use super::unit::HeaderUnit;
use super::{one_line, Report};
use crate::feed::Code;

/// A column is a number column when at least this share of its filled cells are
/// numbers: one half. A typo among many numbers is an error at its cell; a text
/// column with a few numbers in it (`"rain"`, `"sun"`, `"0"`) is text.
pub const NUMBER_SHARE: (usize, usize) = (1, 2);

/// What a column holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Type {
    /// Numbers (possibly with some bad cells).
    Number,
    /// Dates, months, years or quarters.
    Date,
    /// Words: categories, or a column that cannot be a series.
    Text,
    /// Nothing but missing values.
    Empty,
}

impl Type {
    /// `number`, `date`, `text` or `empty`.
    pub fn name(self) -> &'static str {
        match self {
            Type::Number => "number",
            Type::Date => "date",
            Type::Text => "text",
            Type::Empty => "empty",
        }
    }
}

/// True for a header that names years or dates: `year`, `Year`, `年份`, `date`.
pub fn time_header(header: &str) -> bool {
    let h = header.to_lowercase();
    ["year", "date", "month", "quarter", "period", "time", "年", "日期", "月份", "季度", "时间"].iter().any(|w| h.contains(w))
}

fn plain_year(cell: &str) -> bool {
    let t = number::narrow(cell);
    t.len() == 4 && t.bytes().all(|b| b.is_ascii_digit())
}

/// The type of a column from its cells. A column of plain four-digit numbers is a
/// date column (years) when it is the first or its header names time.
pub fn classify(cells: &[&str], header: &str, first: bool, decimal: char, order: Option<Order>) -> Type {
    let present: Vec<&str> = cells.iter().copied().filter(|c| !number::is_missing(&number::narrow(c))).collect();
    if present.is_empty() {
        return Type::Empty;
    }
    // a cell that starts as a number (`7,25`, `7.2x1`) counts as one written wrongly,
    // as long as such cells are no more than the clean numbers: a column of `3/27/18`
    // or `12:30` only starts with digits, it holds no numbers
    let (mut clean, mut comma, mut garbled) = (0, 0, 0);
    for c in &present {
        match number::parse_with(c, decimal) {
            Cell::Number(_) => clean += 1,
            Cell::NotNumber(Hint::DecimalComma) => comma += 1,
            Cell::NotNumber(Hint::Garbled) => garbled += 1,
            Cell::NotNumber(Hint::Plain) | Cell::Missing => {}
        }
    }
    let numbers = clean + comma + if garbled <= clean { garbled } else { 0 };
    let years = present.iter().all(|c| plain_year(c));
    if (!years || first || time_header(header)) && date::column(&present, order).is_some() {
        return Type::Date;
    }
    if numbers * NUMBER_SHARE.1 >= present.len() * NUMBER_SHARE.0 {
        Type::Number
    } else {
        Type::Text
    }
}

/// A column read as numbers: the header as written, the series name and the
/// unit the header declares.
pub(crate) struct Numbers<'a> {
    /// Field index (0-based).
    pub index: usize,
    /// The header as written, on one line.
    pub header: &'a str,
    /// A multiplier and unit the header declares.
    pub declared: Option<&'a HeaderUnit>,
}

/// Reads the cells (text, file row) of a number column; every bad cell is
/// reported. Returns the values and the column's unit (empty when none).
pub(crate) fn read(r: &mut Report, col: &Numbers, cells: &[(&str, usize)], decimal: char) -> (Vec<Option<f64>>, String) {
    let at = col.index + 1;
    let header = Some(col.header);
    let parsed: Vec<Cell> = cells.iter().map(|(c, _)| number::parse_with(c, decimal)).collect();
    // the marker most numbers of the column carry; a tie goes to no marker
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for c in &parsed {
        if let Cell::Number(n) = c {
            match counts.iter_mut().find(|(m, _)| *m == n.unit) {
                Some((_, k)) => *k += 1,
                None => counts.push((n.unit.as_str(), 1)),
            }
        }
    }
    let none = counts.iter().find(|(m, _)| m.is_empty()).map_or(0, |(_, k)| *k);
    let shared = counts.iter().filter(|(m, k)| !m.is_empty() && *k > none).max_by_key(|(_, k)| *k).map_or("", |(m, _)| *m).to_string();
    // a currency sign on some cells and not others: the numbers are plain, but
    // the sign is no unit of the column (one warning says so)
    let currency = |m: &str| matches!(m, "$" | "€" | "£" | "元");
    let mixed_currency = col.declared.is_none() && counts.len() == 2 && counts.iter().all(|(m, _)| m.is_empty() || currency(m));
    let shared = if mixed_currency { String::new() } else { shared };
    let unit = match col.declared {
        Some(d) => d.unit.clone(),
        None => shared.clone(),
    };
    let mut signed_rows: Vec<usize> = Vec::new();
    let power = col.declared.map_or(0, |d| d.power);
    let mut values = Vec::with_capacity(cells.len());
    for ((raw, row), cell) in cells.iter().zip(&parsed) {
        let row = *row;
        let shown = one_line(raw);
        let value = match cell {
            Cell::Missing => None,
            Cell::NotNumber(hint) => {
                let hint = match hint {
                    Hint::DecimalComma => "hint-decimal-comma",
                    Hint::Garbled => "hint-garbled",
                    Hint::Plain => "hint-none",
                };
                r.err(row, at, header, Code::CsvNotANumber, &[&shown, hint]);
                None
            }
            Cell::Number(n) => {
                let mut ok = true;
                if let Some(d) = col.declared {
                    if n.scaled && d.power > 0 {
                        r.err(row, at, header, Code::CsvOwnMultiplier, &[&shown]);
                        ok = false;
                    } else if !n.unit.is_empty() && n.unit != d.unit {
                        r.err(row, at, header, Code::CsvUnitNotHeaders, &[&n.unit, &d.unit]);
                        ok = false;
                    }
                } else if mixed_currency {
                    if !n.unit.is_empty() {
                        signed_rows.push(row);
                    }
                } else if n.unit != shared {
                    ok = false;
                    if shared.is_empty() {
                        r.err(row, at, header, Code::CsvStrayUnit, &[&shown, &n.unit]);
                    } else if n.unit.is_empty() {
                        r.err(row, at, header, Code::CsvLacksUnit, &[&shown, &shared]);
                    } else {
                        r.err(row, at, header, Code::CsvUnitNotColumns, &[&n.unit, &shared]);
                    }
                }
                match n.value(power) {
                    Some(v) if ok => Some(v),
                    Some(_) => None,
                    None => {
                        r.err(row, at, header, Code::CsvOutOfRange, &[&shown]);
                        None
                    }
                }
            }
        };
        values.push(value);
    }
    if let Some(first) = signed_rows.first() {
        let sign = counts.iter().find(|(m, _)| !m.is_empty()).map_or("", |(m, _)| *m);
        let rows: Vec<String> = signed_rows.iter().take(5).map(usize::to_string).collect();
        let mut args = vec![sign];
        args.extend(rows.iter().map(String::as_str));
        r.warn(*first, at, header, Code::CsvSomeCurrency, &args);
    }
    (values, unit)
}
