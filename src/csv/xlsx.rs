//! .xlsx → rows of cell text, through the calamine crate: the first sheet, or one
//! chosen by name or 1-based number. Numbers are written as Rust writes an f64
//! (the shortest text that reads back as the same number, `0.1`, not
//! `0.1000000000000000055`); date cells as ISO dates (`2023-03-15`, with the time
//! when it is not midnight); error cells as Excel shows them (`#DIV/0!`), so they
//! are reported like any other cell that is not a number. Rows keep the sheet's
//! numbering: a sheet whose data starts at row 3 gives two empty rows first.

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};

use crate::feed::{Code, Problem};

fn problem(code: Code, args: &[&str]) -> Problem {
    Problem::error("sheet", code, args)
}

/// Days since 1970-01-01 → (year, month, day), proleptic Gregorian.
fn civil(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

/// An Excel date serial (days since 1899-12-30, the 1900 system) as ISO text.
fn serial_date(serial: f64) -> String {
    let days = serial.floor();
    let (y, m, d) = civil(days as i64 - 25_569);
    let secs = ((serial - days) * 86_400.0).round() as i64;
    if secs == 0 || secs == 86_400 {
        format!("{:04}-{:02}-{:02}", y, m, d)
    } else {
        format!("{:04}-{:02}-{:02} {:02}:{:02}", y, m, d, secs / 3600, secs / 60 % 60)
    }
}

fn text(c: &Data) -> String {
    match c {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
        Data::DateTime(d) if d.is_datetime() => serial_date(d.as_f64()),
        Data::DateTime(d) => d.as_f64().to_string(),
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(e) => format!("{}", e),
    }
}

/// The rows of one sheet (row 1 first) and the names of all sheets; a problem
/// comes with the names of the sheets when the file could be opened.
pub fn rows(bytes: &[u8], sheet: Option<&str>) -> Result<(Vec<Vec<String>>, Vec<String>), (Problem, Vec<String>)> {
    let mut book = Xlsx::new(Cursor::new(bytes)).map_err(|e| {
        (
            problem(Code::XlsxUnreadable, &[&e.to_string()]),
            Vec::new(),
        )
    })?;
    let names = book.sheet_names();
    let name = match sheet {
        None => names.first().cloned(),
        Some(s) => names
            .iter()
            .find(|n| n.as_str() == s.trim())
            .cloned()
            .or_else(|| s.trim().parse::<usize>().ok().and_then(|i| i.checked_sub(1)).and_then(|i| names.get(i).cloned())),
    };
    let Some(name) = name else {
        let list = names.join(", ");
        return Err((
            problem(Code::XlsxNoSheet, &[sheet.unwrap_or(""), &list]),
            names,
        ));
    };
    let range = match book.worksheet_range(&name) {
        Ok(r) => r,
        Err(e) => {
            let p = problem(Code::XlsxSheetUnreadable, &[&name, &e.to_string()]);
            return Err((p, names));
        }
    };
    let (top, left) = range.start().map_or((0, 0), |(r, c)| (r as usize, c as usize));
    let mut out: Vec<Vec<String>> = vec![Vec::new(); top];
    for row in range.rows() {
        let mut cells = vec![String::new(); left];
        cells.extend(row.iter().map(text));
        out.push(cells);
    }
    Ok((out, names))
}

#[cfg(test)]
mod tests {
    #[test]
    fn excel_serials_are_dates() {
        assert_eq!(super::serial_date(45_000.0), "2023-03-15");
        assert_eq!(super::serial_date(36_526.0), "2000-01-01");
        assert_eq!(super::serial_date(45_000.5), "2023-03-15 12:00");
    }
}
