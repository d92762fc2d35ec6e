//! .xlsx import (tests/fixtures/csv/statistics-export.xlsx, made with openpyxl:
//! see the fixtures' README): the first sheet or one chosen, title and note
//! lines skipped, date cells as dates, bad cells located in the sheet's rows.

use std::fs;

use newschart::csv::{import, to_feed, CsvOptions};
use serde_json::json;

fn book() -> Vec<u8> {
    fs::read("tests/fixtures/csv/statistics-export.xlsx").unwrap()
}

#[test]
fn the_first_sheet_with_its_title_and_notes_skipped() {
    let i = import(&book(), &CsvOptions::default());
    assert!(i.problems.is_empty(), "{:#?}", i.problems);
    assert_eq!(i.sheets, ["汇总", "明细"]);
    let skipped: Vec<(usize, &str)> = i.skipped.iter().map(|s| (s.row, s.why.name())).collect();
    assert_eq!(skipped, [(1, "title"), (2, "blank"), (8, "note"), (9, "note")]);
    assert_eq!(i.skipped[0].text, "表2 各县市区社会资金投入");
    let ds = &i.feed.as_ref().unwrap()["datasets"][0];
    assert_eq!(ds["x"], "date");
    assert_eq!(ds["categories"], json!(["2023-01-01", "2023-02-01", "2023-03-01"]));
    // （万元） in the headers: values in 元
    assert_eq!(ds["series"][0]["values"], json!([12000000, 13500000, 9800000]));
    assert_eq!(ds["series"][1]["values"], json!([8005000, null, 9102500]));
    assert_eq!(ds["unit"], "元");
    assert_eq!(i.details()["sheets"], json!(["汇总", "明细"]));
}

#[test]
fn a_sheet_by_name_or_number_and_its_bad_cell() {
    for sheet in ["明细", "2"] {
        let o = CsvOptions { sheet: Some(sheet.into()), ..CsvOptions::default() };
        let p = to_feed(&book(), &o).unwrap_err();
        assert_eq!(p.len(), 1, "{:#?}", p);
        assert_eq!((p[0].line, p[0].column), (3, 2));
        assert!(p[0].en.contains("\"12.8o\" is not a number"), "{}", p[0].en);
    }
    let o = CsvOptions { sheet: Some("3".into()), ..CsvOptions::default() };
    let i = import(&book(), &o);
    assert!(i.feed.is_none());
    assert!(i.problems[0].en.contains("the file's sheets are: 汇总, 明细"), "{}", i.problems[0].en);
    // the builder can still offer the sheets
    assert_eq!(i.sheets, ["汇总", "明细"]);
}

#[test]
fn a_broken_xlsx_is_a_problem_not_a_panic() {
    let mut b = book();
    b.truncate(b.len() / 2);
    let p = to_feed(&b, &CsvOptions::default()).unwrap_err();
    assert!(p[0].en.contains("cannot read this .xlsx file"), "{:?}", p);
}

#[test]
fn an_old_xls_file_is_reported_with_the_fix() {
    // the OLE2 signature every .xls file starts with
    let mut b = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    b.extend_from_slice(&[0; 504]);
    let p = to_feed(&b, &CsvOptions::default()).unwrap_err();
    assert_eq!(p.len(), 1, "{:?}", p);
    assert!(p[0].en.contains("old Excel file (.xls)") && p[0].zh.contains("另存为 .xlsx"), "{:?}", p[0]);
}
