//! Rows of cells → the table under its header: the title lines above the header
//! and the notes below the data that statistical exports carry ("表1 …",
//! "单位：万元", "注：…", "Source: …") and blank lines are recognised, left out
//! and listed, so the import can say what it skipped.

/// Why a line was left out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Why {
    /// A line of one cell above the header: a table's title or its unit.
    Title,
    /// A note, source or footnote below the data.
    Note,
    /// An empty line.
    Blank,
}

impl Why {
    /// `title`, `note` or `blank`.
    pub fn name(self) -> &'static str {
        match self {
            Why::Title => "title",
            Why::Note => "note",
            Why::Blank => "blank",
        }
    }
}

/// A line left out, with its row (1-based) and its text.
#[derive(Clone, Debug, PartialEq)]
pub struct Skipped {
    /// File row, 1-based.
    pub row: usize,
    /// The line's cells, joined by spaces.
    pub text: String,
    /// Why it was left out.
    pub why: Why,
}

/// The header and the data rows under it.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    /// The header cells, as written.
    pub headers: Vec<String>,
    /// File row of the header, 1-based.
    pub header_row: usize,
    /// The data rows' cells, as written (a row may have more or fewer cells than the header).
    pub rows: Vec<Vec<String>>,
    /// File row of each data row, 1-based.
    pub row_numbers: Vec<usize>,
}

/// How notes below a table begin.
const NOTE_MARKS: [&str; 16] = [
    "注", "说明", "备注", "资料来源", "数据来源", "来源", "附注", "*", "※", "†", "note", "notes", "source", "sources", "data:", "footnote",
];

fn filled(r: &[String]) -> usize {
    r.iter().filter(|c| !c.trim().is_empty()).count()
}

fn text(r: &[String]) -> String {
    r.iter().map(|c| c.trim()).filter(|c| !c.is_empty()).collect::<Vec<_>>().join(" ")
}

/// True for a line that reads as a note: `注：…`, `Note: …`, `Source: …`, `* …`.
fn is_note(r: &[String]) -> bool {
    let Some(first) = r.iter().map(|c| c.trim()).find(|c| !c.is_empty()) else { return false };
    let lower = first.to_lowercase();
    NOTE_MARKS.iter().any(|m| {
        lower.strip_prefix(m).is_some_and(|rest| {
            // a word such as "Notebook" is no note; "注1", "注：", "Source:" are
            !m.is_ascii() || !m.chars().all(|c| c.is_ascii_alphabetic()) || !rest.starts_with(|c: char| c.is_ascii_alphabetic())
        })
    })
}

/// Finds the header and the data rows in `records` (the file's rows in order,
/// row 1 first). `None` when no row has two cells filled.
pub fn frame(records: &[Vec<String>]) -> (Option<Table>, Vec<Skipped>) {
    let mut skipped = Vec::new();
    // below the data: blank lines, notes, and a one-cell line after a blank one
    let mut end = records.len();
    let mut tail = Vec::new();
    while end > 0 {
        let r = &records[end - 1];
        let n = filled(r);
        if n == 0 {
            end -= 1;
            continue;
        }
        let after_blank = end >= 2 && filled(&records[end - 2]) == 0;
        if is_note(r) || (n == 1 && after_blank) {
            tail.push(Skipped { row: end, text: text(r), why: Why::Note });
            end -= 1;
            continue;
        }
        break;
    }
    // above the header: blank lines, and lines much narrower than the table
    // (one-cell titles; `"Data Source","World Development Indicators"` above a
    // header of 68 columns)
    let width = records[..end].iter().take(50).map(|r| filled(r)).max().unwrap_or(0);
    let header_at_least = if width >= 2 { 2.max(width.div_ceil(2)) } else { 1 };
    let mut start = 0;
    while start < end {
        let n = filled(&records[start]);
        let wider_below = records[start + 1..end].iter().take(5).any(|r| filled(r) >= 2);
        if n == 0 {
            skipped.push(Skipped { row: start + 1, text: String::new(), why: Why::Blank });
        } else if (n == 1 && wider_below) || n < header_at_least {
            skipped.push(Skipped { row: start + 1, text: text(&records[start]), why: Why::Title });
        } else {
            break;
        }
        start += 1;
    }
    if start >= end {
        skipped.extend(tail.into_iter().rev());
        return (None, skipped);
    }
    let headers = records[start].clone();
    let mut rows = Vec::new();
    let mut row_numbers = Vec::new();
    for (k, r) in records[start + 1..end].iter().enumerate() {
        let row = start + 2 + k;
        if filled(r) == 0 {
            skipped.push(Skipped { row, text: String::new(), why: Why::Blank });
            continue;
        }
        rows.push(r.clone());
        row_numbers.push(row);
    }
    skipped.extend(tail.into_iter().rev());
    (Some(Table { headers, header_row: start + 1, rows, row_numbers }), skipped)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(s: &str) -> Vec<Vec<String>> {
        s.lines().map(|l| l.split(',').map(str::to_string).collect()).collect()
    }

    #[test]
    fn titles_notes_and_blanks_are_skipped() {
        let r = rows("表1 各地区生产总值,,\n单位：亿元,,\n,,\n地区,2022年,2023年\n醴陵,1,2\n,,\n攸县,3,4\n,,\n注：数据为初步核算数。,,\n资料来源：统计局,,\n");
        let (t, s) = frame(&r);
        let t = t.unwrap();
        assert_eq!(t.header_row, 4);
        assert_eq!(t.headers[0], "地区");
        assert_eq!(t.row_numbers, [5, 7]);
        let got: Vec<(usize, &str)> = s.iter().map(|s| (s.row, s.why.name())).collect();
        assert_eq!(got, [(1, "title"), (2, "title"), (3, "blank"), (6, "blank"), (9, "note"), (10, "note")]);
        assert_eq!(s[0].text, "表1 各地区生产总值");
    }

    #[test]
    fn metadata_lines_narrower_than_the_table_are_titles() {
        let r = rows("Data Source,World Development Indicators,,,\n,,,,\nLast Updated Date,2024-06-28,,,\n,,,,\nCountry Name,Country Code,1960,1961,1962\nAruba,ABW,1,2,3\n");
        let (t, s) = frame(&r);
        assert_eq!(t.unwrap().header_row, 5);
        let got: Vec<(usize, &str)> = s.iter().map(|s| (s.row, s.why.name())).collect();
        assert_eq!(got, [(1, "title"), (2, "blank"), (3, "title"), (4, "blank")]);
    }

    #[test]
    fn a_plain_table_skips_nothing() {
        let (t, s) = frame(&rows("date,n\n2022,1\n2023,\n"));
        assert_eq!(t.unwrap().rows.len(), 2);
        assert!(s.is_empty());
        assert!(!is_note(&["Notebook sales".to_string()]));
        assert!(is_note(&["Source: BLS".to_string()]));
        assert!(is_note(&["注1：单位为万元".to_string()]));
    }
}
