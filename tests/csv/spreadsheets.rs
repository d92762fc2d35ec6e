//! CSV import of real spreadsheet shapes (tests/fixtures/csv/, see its README):
//! each converts to a feed that `normalize` reads without errors, with the
//! numbers, units and dates the spreadsheet shows.

use std::fs;

use newschart::csv::{to_feed, write::to_pretty, CsvOptions};
use newschart::feed::{Problem, Severity};
use newschart::normalize::{self, Limits};
use serde_json::{json, Value};

fn fixture(name: &str) -> Vec<u8> {
    fs::read(format!("tests/fixtures/csv/{}", name)).unwrap()
}

fn opts(file: &str) -> CsvOptions {
    CsvOptions { file_name: Some(file.to_string()), ..CsvOptions::default() }
}

/// Converts a fixture, asserts the feed reads without errors, returns its one dataset.
fn convert(name: &str) -> (Value, Vec<Problem>) {
    let (feed, warnings) = match to_feed(&fixture(name), &opts(name)) {
        Ok(r) => r,
        Err(p) => panic!("{}: {:#?}", name, p),
    };
    let text = serde_json::to_string(&feed).unwrap();
    let n = normalize::read(&text, Limits::default());
    let errors: Vec<_> = n.errors().collect();
    assert!(errors.is_empty(), "{}: {:#?}", name, errors);
    // the text people get from the CLI is the same feed
    assert_eq!(serde_json::from_str::<Value>(&to_pretty(&feed)).unwrap(), feed);
    (feed["datasets"][0].clone(), warnings)
}

fn values(ds: &Value, series: usize) -> Vec<Option<f64>> {
    ds["series"][series]["values"].as_array().unwrap().iter().map(Value::as_f64).collect()
}

fn errors(bytes: &[u8]) -> Vec<Problem> {
    match to_feed(bytes, &CsvOptions::default()) {
        Ok((v, _)) => panic!("expected problems, got {}", v),
        Err(p) => p,
    }
}

#[test]
fn excel_csv_utf8_with_bom_and_crlf_gives_the_hamlets_numbers() {
    let (ds, warnings) = convert("excel-utf8-bom.csv");
    assert!(warnings.is_empty(), "{:?}", warnings);
    // the header's （万元） scales the column and becomes the unit
    let demo: Value = serde_json::from_str(&fs::read_to_string("www/feeds/hamlets.json").unwrap()).unwrap();
    let demo = &demo["datasets"][0];
    assert_eq!(ds["categories"], demo["categories"]);
    assert_eq!(ds["series"][0]["values"], demo["series"][0]["values"]);
    assert_eq!(ds["series"][0]["name"], "社会资金投入");
    assert_eq!(ds["unit"], "元");
    assert_eq!(ds["title"], "excel-utf8-bom");
    assert_eq!(ds["id"], "excel-utf8-bom");
    assert_eq!(ds["kind"], "column");
    assert!(ds.get("x").is_none());
}

#[test]
fn wps_export_with_wan_yi_yuan_signs_and_separators() {
    let (ds, warnings) = convert("wps-units.csv");
    // blank rows at the end are not problems; ¥ on two cells of four is no unit
    assert_eq!(warnings.len(), 1, "{:?}", warnings);
    assert_eq!((warnings[0].line, warnings[0].column), (3, 2));
    assert!(warnings[0].en.contains("only some cells of this column carry a currency sign (rows 3, 5)"), "{}", warnings[0].en);
    assert_eq!(ds["categories"], json!(["醴陵市", "攸县", "茶陵县", "炎陵县"]));
    assert_eq!(ds["series"][0]["name"], "2021年");
    assert_eq!(ds["series"][1]["name"], "2022年");
    assert_eq!(values(&ds, 0), [Some(98e6), Some(76e6), Some(65e6), Some(52e6)]);
    assert_eq!(values(&ds, 1), [Some(120e6), Some(86e6), Some(72e6), Some(58e6)]);
    // whole numbers are written without ".0"
    assert_eq!(ds["series"][1]["values"][2].to_string(), "72000000");
    assert!(ds.get("unit").is_none(), "{}", ds);
}

#[test]
fn percentages_keep_their_points_and_unit() {
    let (ds, _) = convert("wps-percent.csv");
    assert_eq!(values(&ds, 0), [Some(107.07), Some(96.5), Some(100.0)]);
    assert_eq!(ds["unit"], "%");
    assert_eq!(ds["categories"][2], "幸福屋场");
}

#[test]
fn gbk_from_chinese_excel_is_reported_with_the_fix() {
    let p = errors(&fixture("gbk-excel.csv"));
    assert_eq!(p.len(), 1, "{:?}", p);
    assert_eq!(p[0].severity, Severity::Error);
    assert_eq!((p[0].line, p[0].column), (1, 1));
    assert!(p[0].zh.contains("GBK") && p[0].zh.contains("另存为 'CSV UTF-8（逗号分隔）'"), "{}", p[0].zh);
    assert!(p[0].en.contains("GBK") && p[0].en.contains("Save as 'CSV UTF-8 (Comma delimited)' in Excel"), "{}", p[0].en);
}

#[test]
fn other_bytes_that_are_not_utf8_name_their_line() {
    let p = errors(b"a,b\nx,1\ny,\xff\xfe\xfd\n");
    assert_eq!(p.len(), 1);
    assert!(!p[0].en.contains("GBK"), "{}", p[0].en);
    assert!(p[0].en.contains("not UTF-8") && p[0].en.contains("0xFF"), "{}", p[0].en);
    assert_eq!((p[0].line, p[0].column), (3, 3));
}

#[test]
fn excel_unicode_text_is_utf16_with_tabs() {
    let (ds, _) = convert("excel-unicode-text.txt");
    assert_eq!(ds["categories"], json!(["已就业脱贫户", "年度任务"]));
    assert_eq!(ds["series"][1]["name"], "2022年");
    assert_eq!(values(&ds, 0), [Some(70120.0), Some(66000.0)]);
    assert_eq!(values(&ds, 1), [Some(72500.0), Some(67713.0)]);
    assert_eq!(ds["unit"], "人");
}

#[test]
fn quoted_fields_keep_commas_quotes_and_join_line_breaks() {
    let (ds, _) = convert("quoted.csv");
    assert_eq!(ds["categories"], json!(["株洲市,荷塘区", "株洲市芦淞区", "所谓\"示范村\""]));
    // the header "户数\n（户）" is one line, and its unit is read
    assert_eq!(ds["series"][0]["name"], "户数");
    assert_eq!(ds["unit"], "户");
    assert_eq!(values(&ds, 0), [Some(1200.0), Some(1100.0), Some(300.0)]);
}

#[test]
fn missing_values_are_null_never_zero_and_chinese_months_are_dates() {
    let (ds, warnings) = convert("missing.csv");
    assert!(warnings.is_empty(), "{:?}", warnings);
    assert_eq!(ds["x"], "date");
    assert_eq!(ds["categories"], json!(["2022-01", "2022-02", "2022-03", "2022-04", "2022-05", "2022-06"]));
    assert_eq!(values(&ds, 0), [Some(1200.0), None, None, None, Some(1500.0), None]);
    assert_eq!(values(&ds, 1), [Some(800.0), Some(650.0), None, Some(700.0), None, Some(0.0)]);
    assert!(ds["series"][0]["values"][1].is_null());
}

#[test]
fn us_employment_a_real_wide_monthly_csv() {
    let bytes = fixture("us-employment.csv");
    let text = String::from_utf8(bytes.clone()).unwrap();
    let header: Vec<&str> = text.lines().next().unwrap().split(',').collect();
    let rows: Vec<Vec<&str>> = text.lines().skip(1).map(|l| l.split(',').collect()).collect();
    let (ds, warnings) = convert("us-employment.csv");
    assert!(warnings.is_empty(), "{:?}", warnings);
    assert_eq!(ds["x"], "date");
    let cats = ds["categories"].as_array().unwrap();
    assert_eq!(cats.len(), 120);
    assert_eq!(cats[0], "2006-01-01");
    assert_eq!(cats[119], "2015-12-01");
    let series = ds["series"].as_array().unwrap();
    assert_eq!(series.len(), header.len() - 1);
    // every series, every value, as the file writes it
    for (j, s) in series.iter().enumerate() {
        assert_eq!(s["name"], header[j + 1]);
        for (i, row) in rows.iter().enumerate() {
            let want: f64 = row[j + 1].parse().unwrap();
            assert_eq!(s["values"][i].as_f64(), Some(want), "{} row {}", header[j + 1], i + 2);
        }
    }
    // nonfarm_change goes below zero in the recession
    assert!(series.last().unwrap()["values"].as_array().unwrap().iter().any(|v| v.as_f64().unwrap() < 0.0));
    assert!(ds.get("unit").is_none());
    // it draws: the whole pipeline takes it
    let feed_text = serde_json::to_string(&json!({"version": 1, "datasets": [ds]})).unwrap();
    let (_, scene) = newschart::scene_for(&feed_text, None, 640.0, Some(360.0)).unwrap();
    assert!(!scene.data.is_empty());
}

#[test]
fn options_fill_the_dataset() {
    let o = CsvOptions {
        kind: Some("bar".into()),
        title: Some("标题".into()),
        subtitle: Some("副标题".into()),
        unit: Some("万元".into()),
        source: Some("株洲日报".into()),
        source_url: Some("https://example.com/a".into()),
        locale: Some("en".into()),
        id: Some("my-id".into()),
        illustrative: true,
        file_name: Some("ignored.csv".into()),
        ..CsvOptions::default()
    };
    let (v, _) = to_feed(&fixture("wps-percent.csv"), &o).unwrap();
    let ds = &v["datasets"][0];
    assert_eq!(v["version"], 1);
    assert_eq!(ds["kind"], "bar");
    assert_eq!(ds["title"], "标题");
    assert_eq!(ds["subtitle"], "副标题");
    assert_eq!(ds["unit"], "万元", "--unit overrides the cells' %");
    assert_eq!(ds["source"], json!({"text": "株洲日报", "url": "https://example.com/a"}));
    assert_eq!(ds["locale"], "en");
    assert_eq!(ds["id"], "my-id");
    assert_eq!(ds["illustrative"], true);
    let n = normalize::read(&serde_json::to_string(&v).unwrap(), Limits::default());
    assert!(n.errors().next().is_none(), "{:?}", n.problems);

    // without a file name, the first header is the title
    let (v, _) = to_feed("年份,人数\n2021,1\n2022,2\n".as_bytes(), &CsvOptions::default()).unwrap();
    assert_eq!(v["datasets"][0]["title"], "年份");
    assert!(v["datasets"][0].get("id").is_none());
}

#[test]
fn every_problem_in_one_pass_located_by_row_and_column() {
    let csv = "地区,2021年,2022年\n\
               醴陵市,7.25万人,1200\n\
               攸县,abc,5.4万户\n\
               ,300,400\n\
               茶陵县,7,25,3\n\
               炎陵县,5万户,6\n";
    let p = errors(csv.as_bytes());
    let got: Vec<(Severity, u32, u32, &str)> = p.iter().map(|p| (p.severity, p.line, p.column, p.path.as_str())).collect();
    assert_eq!(
        got,
        [
            (Severity::Error, 2, 2, "row 2, column \"2021年\""),
            (Severity::Error, 3, 2, "row 3, column \"2021年\""),
            (Severity::Error, 3, 3, "row 3, column \"2022年\""),
            (Severity::Error, 4, 1, "row 4, column \"地区\""),
            (Severity::Error, 5, 4, "row 5, column 4"),
            (Severity::Error, 6, 2, "row 6, column \"2021年\""),
        ],
        "{:#?}",
        p
    );
    // a unit some cells write and others do not is no unit: each such cell is named
    assert!(p[0].en.contains("\"7.25万人\" is not a number: no other cell of this column has \"人\""), "{}", p[0].en);
    assert!(p[1].zh.contains("\"abc\" 不是数字") && p[1].en.contains("\"abc\" is not a number"), "{:?}", p[1]);
    assert!(p[2].en.contains("\"5.4万户\""), "{}", p[2].en);
    assert!(p[3].en.contains("empty"));
    assert!(p[4].en.contains("quoted"), "{}", p[4].en);
    assert!(p[5].en.contains("\"5万户\""), "{}", p[5].en);
    // the same text the CLI and the widget print
    assert_eq!(p[1].describe(false), "row 3, column \"2021年\" (line 3, column 2): \"abc\" is not a number; leave a missing value empty or write -");
}

#[test]
fn percentages_beside_plain_numbers_are_a_problem_unless_a_unit_is_given() {
    let csv = "县市区,完成率,人数\n醴陵市,107.07%,72500\n";
    let p = errors(csv.as_bytes());
    assert_eq!(p.len(), 1, "{:?}", p);
    assert_eq!((p[0].line, p[0].column), (1, 3));
    let o = CsvOptions { unit: Some("".into()), ..CsvOptions::default() };
    assert!(to_feed(csv.as_bytes(), &o).is_ok());
}

#[test]
fn dates_out_of_order_are_a_warning() {
    let csv = "month,n\n2022-01,1\n2022-03,2\n2022-02,3\n";
    let (v, w) = to_feed(csv.as_bytes(), &CsvOptions::default()).unwrap();
    assert_eq!(v["datasets"][0]["x"], "date");
    assert_eq!(w.len(), 1, "{:?}", w);
    assert_eq!((w[0].severity, w[0].line, w[0].column), (Severity::Warning, 4, 1));
    assert!(w[0].en.contains("2022-02 comes after 2022-03"), "{}", w[0].en);
    // newest first is an order too
    let (_, w) = to_feed("年份,n\n2022年,1\n2021年,2\n2020年,3\n".as_bytes(), &CsvOptions::default()).unwrap();
    assert!(w.is_empty(), "{:?}", w);
    // one category that is not a date: all stay text
    let (v, _) = to_feed("年份,n\n2022年,1\n合计,2\n".as_bytes(), &CsvOptions::default()).unwrap();
    assert!(v["datasets"][0].get("x").is_none());
    assert_eq!(v["datasets"][0]["categories"], json!(["2022年", "合计"]));
}

#[test]
fn an_unclosed_quote_and_a_header_alone_are_errors() {
    let p = errors("a,b\nx,\"1\ny,2\n".as_bytes());
    let q = p.iter().find(|p| p.en.contains("closing \" missing")).expect("the open quote is reported");
    assert_eq!((q.line, q.column), (2, 2));
    let p = errors("a,b\r\n\r\n".as_bytes());
    assert!(p[0].en.contains("no rows of data"), "{:?}", p);
    let p = errors("".as_bytes());
    assert!(p[0].en.contains("no data"), "{:?}", p);
    let p = errors("only\n1\n".as_bytes());
    assert!(p[0].en.contains("at least two columns"), "{:?}", p);
}

#[test]
fn utf16_big_endian_and_semicolons() {
    let text = "Region;Jobs\r\nNorth;1,200\r\nSouth;N/A\r\n";
    let mut bytes = vec![0xFE, 0xFF];
    for u in text.encode_utf16() {
        bytes.extend_from_slice(&u.to_be_bytes());
    }
    let (v, _) = to_feed(&bytes, &CsvOptions::default()).unwrap();
    assert_eq!(v["datasets"][0]["series"][0]["values"], json!([1200, null]));
}
