//! The import on real files (vega-datasets' seattle-weather, stocks and
//! iowa-electricity: tests/fixtures/csv/README.md) and on small made-up tables
//! for each rule: column types, text columns, long tables, units, dates,
//! multipliers, bad cells, skipped lines, the default kind.

use std::fs;

use newschart::csv::{column::Type, import, to_feed, CsvOptions, Order, Pivot, Role};
use newschart::feed::{Problem, Severity};
use newschart::normalize::{self, Limits};
use serde_json::{json, Value};

fn fixture(name: &str) -> Vec<u8> {
    fs::read(format!("tests/fixtures/csv/{}", name)).unwrap()
}

fn ok(bytes: &[u8], o: &CsvOptions) -> (Value, Vec<Problem>) {
    let (feed, warnings) = match to_feed(bytes, o) {
        Ok(r) => r,
        Err(p) => panic!("{:#?}", p),
    };
    let n = normalize::read(&feed.to_string(), Limits::default());
    let errors: Vec<_> = n.errors().collect();
    assert!(errors.is_empty(), "{:#?}", errors);
    (feed["datasets"][0].clone(), warnings)
}

fn errors(bytes: &[u8], o: &CsvOptions) -> Vec<Problem> {
    match to_feed(bytes, o) {
        Ok((v, _)) => panic!("expected problems, got {}", v),
        Err(p) => p.into_iter().filter(|p| p.severity == Severity::Error).collect(),
    }
}

fn values(ds: &Value, i: usize) -> Vec<Option<f64>> {
    ds["series"][i]["values"].as_array().unwrap().iter().map(Value::as_f64).collect()
}

/// The file's own rows, split plainly (these files have no quotes).
fn cells(name: &str) -> Vec<Vec<String>> {
    String::from_utf8(fixture(name)).unwrap().lines().map(|l| l.split(',').map(str::to_string).collect()).collect()
}

#[test]
fn seattle_weather_leaves_its_text_column_out_with_one_warning() {
    let (ds, warnings) = ok(&fixture("seattle-weather.csv"), &CsvOptions::default());
    assert_eq!(warnings.len(), 1, "{:#?}", warnings);
    assert_eq!((warnings[0].line, warnings[0].column), (1, 6));
    assert!(warnings[0].en.contains("column \"weather\" holds text"), "{}", warnings[0].en);
    let names: Vec<&str> = ds["series"].as_array().unwrap().iter().map(|s| s["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["precipitation", "temp_max", "temp_min", "wind"]);
    assert_eq!(ds["x"], "date");
    // 1,461 dates: more than fit as columns
    assert_eq!(ds["kind"], "line");
    // every number is the file's
    let rows = cells("seattle-weather.csv");
    assert_eq!(ds["categories"].as_array().unwrap().len(), rows.len() - 1);
    for (i, row) in rows[1..].iter().enumerate() {
        assert_eq!(ds["categories"][i], row[0].as_str());
        for s in 0..4 {
            assert_eq!(values(&ds, s)[i], Some(row[s + 1].parse::<f64>().unwrap()), "row {}", i + 2);
        }
    }
    let i = import(&fixture("seattle-weather.csv"), &CsvOptions::default());
    let roles: Vec<(&str, &str)> = i.columns.iter().map(|c| (c.kind.name(), c.role.name())).collect();
    assert_eq!(
        roles,
        [("date", "x"), ("number", "series"), ("number", "series"), ("number", "series"), ("number", "series"), ("text", "excluded")]
    );
}

#[test]
fn a_typo_among_1461_cells_is_an_error_at_its_cell_never_a_unit() {
    let text = String::from_utf8(fixture("seattle-weather.csv")).unwrap();
    // row 3 (2012-01-02) temp_max 10.6 and row 1000 temp_min: typed with a letter
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    lines[2] = lines[2].replace(",10.6,", ",10.6o,");
    let mut f: Vec<String> = lines[999].split(',').map(str::to_string).collect();
    f[3] = format!("{}x", f[3]);
    let bad = f[3].clone();
    lines[999] = f.join(",");
    let p = errors(lines.join("\n").as_bytes(), &CsvOptions::default());
    assert_eq!(p.len(), 2, "{:#?}", p);
    assert_eq!((p[0].line, p[0].column), (3, 3));
    assert!(p[0].en.contains("\"10.6o\" is not a number") && p[0].path.contains("temp_max"), "{:?}", p[0]);
    assert_eq!((p[1].line, p[1].column), (1000, 4));
    assert!(p[1].en.contains(&format!("\"{}\" is not a number", bad)), "{:?}", p[1]);
    assert!(p[1].zh.contains("不是数字"), "{}", p[1].zh);
}

#[test]
fn multipliers_are_never_units() {
    let (ds, w) = ok("item,n\na,1.2k\nb,3.5K\nc,2M\nd,1bn\ne,0.5B\nf,1.1万\ng,2亿\n".as_bytes(), &CsvOptions::default());
    assert!(w.is_empty(), "{:?}", w);
    assert_eq!(values(&ds, 0), [Some(1200.0), Some(3500.0), Some(2e6), Some(1e9), Some(5e8), Some(11000.0), Some(2e8)]);
    assert!(ds.get("unit").is_none(), "{}", ds);
}

#[test]
fn a_marker_every_cell_shares_is_the_unit() {
    let (ds, _) = ok("city,price\nA,\"$1,925\"\nB,$2\nC,-\nD,($5)\n".as_bytes(), &CsvOptions::default());
    assert_eq!(values(&ds, 0), [Some(1925.0), Some(2.0), None, Some(-5.0)]);
    assert_eq!(ds["unit"], "$");
    let (ds, _) = ok("city,price\nA,€3.5bn\nB,€2bn\n".as_bytes(), &CsvOptions::default());
    assert_eq!((values(&ds, 0), &ds["unit"]), (vec![Some(3.5e9), Some(2e9)], &json!("€")));
    let (ds, _) = ok("city,price\nA,£12\nB,£7.5\n".as_bytes(), &CsvOptions::default());
    assert_eq!(ds["unit"], "£");
    // a sign on some cells only: the numbers, no unit, one warning
    let (ds, w) = ok("city,price\nA,$5\nB,6\nC,7\n".as_bytes(), &CsvOptions::default());
    assert_eq!(values(&ds, 0), [Some(5.0), Some(6.0), Some(7.0)]);
    assert!(ds.get("unit").is_none());
    assert_eq!(w.len(), 1, "{:?}", w);
    // any other marker on some cells only is an error at each of them
    let p = errors("city,share\nA,5%\nB,6%\nC,7\n".as_bytes(), &CsvOptions::default());
    assert_eq!((p.len(), p[0].line, p[0].column), (1, 4, 2), "{:?}", p);
    assert!(p[0].en.contains("\"7\" has no \"%\""), "{}", p[0].en);
}

#[test]
fn units_in_headers() {
    for (header, cell, value, unit) in [
        ("Amount ($m)", "1.5", 1.5e6, "$"),
        ("Sales (€bn)", "2", 2e9, "€"),
        ("金额（万元）", "3", 30000.0, "元"),
        ("Jobs (thousands)", "4", 4000.0, ""),
    ] {
        let csv = format!("x,{}\na,{}\n", header, cell);
        let (ds, _) = ok(csv.as_bytes(), &CsvOptions::default());
        assert_eq!(values(&ds, 0), [Some(value)], "{}", header);
        assert_eq!(ds.get("unit").and_then(Value::as_str).unwrap_or(""), unit, "{}", header);
    }
}

#[test]
fn series_of_different_units_are_one_error_naming_them_unless_unit_is_given() {
    // the NBS workbook's shape: totals in 亿元 with no unit in their header, per-capita columns in 元
    let csv = "年份,国内生产总值,第一产业,人均国内生产总值 (元)\n2022,1204724,88207,85310\n2023,1260582,89755,89358\n";
    let p = errors(csv.as_bytes(), &CsvOptions::default());
    assert_eq!(p.len(), 1, "{:#?}", p);
    assert_eq!((p[0].line, p[0].column), (1, 4), "{:?}", p[0]);
    assert!(p[0].en.contains("2 columns (\"国内生产总值\", \"第一产业\") give no unit"), "{}", p[0].en);
    assert!(p[0].en.contains("1 column (\"人均国内生产总值 (元)\") is in \"元\""), "{}", p[0].en);
    assert!(p[0].en.contains("--columns") && p[0].en.contains("--exclude"), "{}", p[0].en);
    assert!(p[0].zh.contains("\"国内生产总值\"、\"第一产业\"没有写单位") && p[0].zh.contains("--exclude"), "{}", p[0].zh);
    // two declared units: one error too
    let p = errors("x,Sales ($m),Sales (€m)\na,1,2\nb,3,4\n".as_bytes(), &CsvOptions::default());
    assert_eq!(p.len(), 1, "{:#?}", p);
    assert!(p[0].en.contains("is in \"$\"") && p[0].en.contains("is in \"€\""), "{}", p[0].en);
    // the journalist's --unit, or columns of one unit, settle it
    let (ds, _) = ok(csv.as_bytes(), &CsvOptions { unit: Some("亿元".into()), ..CsvOptions::default() });
    assert_eq!(ds["unit"], "亿元");
    let (ds, _) = ok(csv.as_bytes(), &CsvOptions { exclude: vec!["人均国内生产总值 (元)".into()], ..CsvOptions::default() });
    assert!(ds.get("unit").is_none(), "{}", ds);
    let (ds, _) = ok(csv.as_bytes(), &CsvOptions { columns: vec!["人均国内生产总值".into()], ..CsvOptions::default() });
    assert_eq!(ds["unit"], "元");
}

#[test]
fn accounting_negatives_and_a_decimal_comma() {
    let (ds, _) = ok("x,n\na,\"(1,234)\"\nb,\"1,5\"\n".as_bytes(), &CsvOptions { decimal: ',', ..CsvOptions::default() });
    assert_eq!(values(&ds, 0), [Some(-1.234), Some(1.5)]);
    let (ds, _) = ok("x;n\na;1.234,5\nb;(2,25)\n".as_bytes(), &CsvOptions { decimal: ',', ..CsvOptions::default() });
    assert_eq!(values(&ds, 0), [Some(1234.5), Some(-2.25)]);
    let (ds, _) = ok("x,n\na,\"(1,234)\"\n".as_bytes(), &CsvOptions::default());
    assert_eq!(values(&ds, 0), [Some(-1234.0)]);
    // without --decimal , a decimal comma is an error with the hint
    let p = errors("x;n\na;1,5\n".as_bytes(), &CsvOptions::default());
    assert!(p[0].en.contains("--decimal ,"), "{}", p[0].en);
}

#[test]
fn a_column_is_numbers_when_at_least_half_its_cells_are() {
    // one number among three words: text, left out
    let (ds, w) = ok("x,n,note\na,1,rain\nb,2,sun\nc,3,4\nd,4,fog\n".as_bytes(), &CsvOptions::default());
    assert_eq!(ds["series"].as_array().unwrap().len(), 1);
    assert!(w[0].en.contains("\"note\" holds text"));
    // two numbers of three: a number column, the word an error at its cell
    let p = errors("x,n\na,1\nb,two\nc,3\n".as_bytes(), &CsvOptions::default());
    assert_eq!((p.len(), p[0].line, p[0].column), (1, 3, 2));
    assert!(p[0].en.contains("\"two\" is not a number"));
}

#[test]
fn us_and_european_dates_are_decided_from_the_column() {
    let (ds, w) = ok("date,n\n3/1/2023,1\n3/15/2023,2\n".as_bytes(), &CsvOptions::default());
    assert_eq!((&ds["x"], &ds["categories"]), (&json!("date"), &json!(["2023-03-01", "2023-03-15"])));
    assert!(w.is_empty(), "{:?}", w);
    let (ds, _) = ok("date,n\n1/3/2023,1\n15/3/2023,2\n".as_bytes(), &CsvOptions::default());
    assert_eq!(ds["categories"], json!(["2023-03-01", "2023-03-15"]));
    // every day ≤ 12: month first, and said so
    let (ds, w) = ok("date,n\n1/3/2023,1\n2/3/2023,2\n".as_bytes(), &CsvOptions::default());
    assert_eq!(ds["categories"], json!(["2023-01-03", "2023-02-03"]));
    assert_eq!(w.len(), 1);
    assert!(w[0].en.contains("--date-order dmy"), "{}", w[0].en);
    let o = CsvOptions { date_order: Some(Order::Dmy), ..CsvOptions::default() };
    let (ds, w) = ok("date,n\n1/3/2023,1\n2/3/2023,2\n".as_bytes(), &o);
    assert_eq!(ds["categories"], json!(["2023-03-01", "2023-03-02"]));
    assert!(w.is_empty());
}

#[test]
fn dates_journalists_write() {
    for (cells, iso) in [
        (["Jan 1 2000", "Feb 1 2000"], ["2000-01-01", "2000-02-01"]),
        (["3 March 2023", "4 March 2023"], ["2023-03-03", "2023-03-04"]),
        (["March 2023", "April 2023"], ["2023-03", "2023-04"]),
        (["2023年3月3日", "2023年3月4日"], ["2023-03-03", "2023-03-04"]),
        (["2023/3/3", "2023/3/4"], ["2023-03-03", "2023-03-04"]),
        (["2023-03", "2023-04"], ["2023-03", "2023-04"]),
        (["2022", "2023"], ["2022", "2023"]),
    ] {
        let csv = format!("when,n\n{},1\n{},2\n", cells[0], cells[1]);
        let (ds, _) = ok(csv.as_bytes(), &CsvOptions::default());
        assert_eq!((&ds["x"], &ds["categories"]), (&json!("date"), &json!(iso)), "{:?}", cells);
    }
}

#[test]
fn quarters_stay_categories_in_their_order() {
    let (ds, _) = ok("季度,n\n2023年一季度,1\n2023年二季度,2\n2023Q3,3\nQ4 2023,4\n".as_bytes(), &CsvOptions::default());
    assert!(ds.get("x").is_none());
    assert_eq!(ds["categories"], json!(["2023年一季度", "2023年二季度", "2023Q3", "Q4 2023"]));
    let i = import("季度,n\n2023Q1,1\n2023Q2,2\n".as_bytes(), &CsvOptions::default());
    assert_eq!(i.columns[0].kind, Type::Date);
}

#[test]
fn long_tables_are_reported_with_the_pivot_to_use() {
    let i = import(&fixture("stocks.csv"), &CsvOptions::default());
    assert!(i.feed.is_none());
    let long = i.long.expect("stocks.csv is long");
    assert_eq!((long.x.as_str(), long.series.as_str(), long.value.as_str()), ("date", "symbol", "price"));
    let e: Vec<&Problem> = i.problems.iter().filter(|p| p.severity == Severity::Error).collect();
    assert_eq!(e.len(), 1, "{:#?}", e);
    assert!(e[0].en.contains("--pivot series=symbol,value=price"), "{}", e[0].en);
    let i = import(&fixture("iowa-electricity.csv"), &CsvOptions::default());
    let long = i.long.expect("iowa-electricity.csv is long");
    assert_eq!((long.x.as_str(), long.series.as_str(), long.value.as_str()), ("year", "source", "net_generation"));
    // a year column after the categories is never drawn as a series
    let p = errors("region,year,value\nA,2021,1\nA,2022,2\nB,2021,3\nB,2022,4\n".as_bytes(), &CsvOptions::default());
    assert!(p[0].en.contains("--pivot series=region,value=value"), "{:?}", p);
    // whatever the year column's header
    let p = errors("region,yr,value\nA,2021,1\nA,2022,2\nB,2021,3\nB,2022,4\n".as_bytes(), &CsvOptions::default());
    assert!(p[0].en.contains("--pivot series=region,value=value"), "{:?}", p);
    let o = CsvOptions { pivot: Some(Pivot { series: "region".into(), value: "value".into() }), ..CsvOptions::default() };
    let i = import("region,yr,value\nA,2021,1\nA,2022,2\nB,2021,3\nB,2022,4\n".as_bytes(), &o);
    let ds = &i.feed.expect("pivots")["datasets"][0];
    assert_eq!((&ds["categories"], &ds["series"][1]["values"]), (&json!(["2021", "2022"]), &json!([3, 4])));
}

/// special-elections.csv's shape (FiveThirtyEight): race names repeat across
/// states, dates are written `3/27/18`.
const RACES: &str = "Date,State,Race,Income\n3/27/18,Alabama,HD-21,\"$65,548 \"\n3/13/18,Pennsylvania,18th CD,\"$62,283 \"\n\
3/13/18,Tennessee,SD-14,\"$48,252 \"\n12/12/17,Alabama,SD-14,\"$50,000 \"\n11/7/17,Georgia,HD-21,\"$70,100 \"\n";

#[test]
fn named_columns_are_drawn_as_asked_never_refused_as_a_long_table() {
    let o = CsvOptions { x: Some("Race".into()), columns: vec!["Income".into()], ..CsvOptions::default() };
    let (ds, w) = ok(RACES.as_bytes(), &o);
    assert_eq!(ds["categories"], json!(["HD-21", "18th CD", "SD-14", "SD-14", "HD-21"]));
    assert_eq!(values(&ds, 0), [Some(65548.0), Some(62283.0), Some(48252.0), Some(50000.0), Some(70100.0)]);
    // the repeated races are one warning; a race per state is no grid to pivot: no hint
    assert_eq!(w.len(), 1, "{:#?}", w);
    assert!(w[0].en.contains("repeat an earlier row's category"), "{}", w[0].en);
    // --columns alone, or --x alone, is a choice too
    let (_, w) = ok(RACES.as_bytes(), &CsvOptions { columns: vec!["Income".into()], ..CsvOptions::default() });
    assert!(w.iter().all(|p| !p.en.contains("--pivot")), "{:#?}", w);
    ok(RACES.as_bytes(), &CsvOptions { x: Some("Race".into()), ..CsvOptions::default() });
    // a real long table with its x and value named: drawn as asked, the pivot a warning
    let tidy = "year,region,value\n2021,A,1\n2022,A,2\n2021,B,3\n2022,B,4\n";
    let o = CsvOptions { x: Some("year".into()), columns: vec!["value".into()], ..CsvOptions::default() };
    let (ds, w) = ok(tidy.as_bytes(), &o);
    assert_eq!(values(&ds, 0), [Some(1.0), Some(2.0), Some(3.0), Some(4.0)]);
    assert!(w.iter().any(|p| p.en.contains("--pivot series=region,value=value")), "{:#?}", w);
}

#[test]
fn a_long_table_hint_never_takes_dates_or_text_for_its_values() {
    // `3/27/18` starts with digits but is no number: the column is no value column
    let i = import(RACES.as_bytes(), &CsvOptions::default());
    assert_eq!(i.columns[0].kind, Type::Text);
    for p in &i.problems {
        assert!(!p.en.contains("value=Date") && !p.en.contains("value=State") && !p.en.contains("value=Race"), "{}", p.en);
    }
    if let Some(long) = &i.long {
        assert_eq!(long.value, "Income", "{:?}", long);
    }
}

#[test]
fn a_pivot_gives_one_series_per_value() {
    let o = CsvOptions { pivot: Some(Pivot { series: "symbol".into(), value: "price".into() }), ..CsvOptions::default() };
    let (ds, w) = ok(&fixture("stocks.csv"), &o);
    assert!(w.is_empty(), "{:?}", w);
    let names: Vec<&str> = ds["series"].as_array().unwrap().iter().map(|s| s["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["MSFT", "AMZN", "IBM", "GOOG", "AAPL"]);
    assert_eq!(ds["x"], "date");
    assert_eq!(ds["kind"], "line");
    let cats: Vec<&str> = ds["categories"].as_array().unwrap().iter().map(|c| c.as_str().unwrap()).collect();
    assert_eq!(cats.len(), 123);
    assert!(cats.windows(2).all(|w| w[0] < w[1]));
    // every value is the file's, at its date
    let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    let rows = cells("stocks.csv");
    for row in &rows[1..] {
        let [symbol, date, price] = &row[..] else { panic!("{:?}", row) };
        let parts: Vec<&str> = date.split(' ').collect();
        let iso = format!("{}-{:02}-{:02}", parts[2], months.iter().position(|m| *m == parts[0]).unwrap() + 1, parts[1].parse::<u32>().unwrap());
        let x = cats.iter().position(|c| *c == iso).unwrap();
        let s = names.iter().position(|n| n == symbol).unwrap();
        assert_eq!(values(&ds, s)[x], Some(price.parse::<f64>().unwrap()), "{:?}", row);
    }
    // GOOG starts in August 2004: before, missing values, never zero
    assert_eq!(values(&ds, 3)[0], None);

    let o = CsvOptions { pivot: Some(Pivot { series: "source".into(), value: "net_generation".into() }), ..CsvOptions::default() };
    let (ds, _) = ok(&fixture("iowa-electricity.csv"), &o);
    assert_eq!(ds["series"].as_array().unwrap().len(), 3);
    assert_eq!(ds["categories"].as_array().unwrap().len(), 17);
    assert_eq!(ds["series"][0]["values"][0], 35361);
    // dates are sorted in time even when a later series starts earlier
    let o = CsvOptions { pivot: Some(Pivot { series: "s".into(), value: "v".into() }), ..CsvOptions::default() };
    let (ds, _) = ok("s,date,v\nb,2021-01,1\na,2020-12,2\na,2021-01,3\n".as_bytes(), &o);
    assert_eq!(ds["categories"], json!(["2020-12", "2021-01"]));
    assert_eq!((values(&ds, 0), values(&ds, 1)), (vec![None, Some(1.0)], vec![Some(2.0), Some(3.0)]));
    // a pair given twice is an error at its row
    let o = CsvOptions { pivot: Some(Pivot { series: "s".into(), value: "v".into() }), ..CsvOptions::default() };
    let p = errors("x,s,v\n2021,a,1\n2021,a,2\n".as_bytes(), &o);
    assert_eq!((p[0].line, p[0].en.contains("row 2")), (3, true), "{:?}", p);
}

#[test]
fn x_columns_and_exclude_choose_what_is_drawn() {
    let csv = "id,date,a,b,c\n1,2023-01,1,2,3\n2,2023-02,4,5,6\n";
    let o = CsvOptions { x: Some("date".into()), exclude: vec!["id".into(), "b".into()], ..CsvOptions::default() };
    let (ds, _) = ok(csv.as_bytes(), &o);
    assert_eq!(ds["x"], "date");
    assert_eq!(ds["series"].as_array().unwrap().iter().map(|s| s["name"].clone()).collect::<Vec<_>>(), [json!("a"), json!("c")]);
    let o = CsvOptions { x: Some("date".into()), columns: vec!["c".into(), "a".into()], ..CsvOptions::default() };
    let (ds, _) = ok(csv.as_bytes(), &o);
    assert_eq!(values(&ds, 0), [Some(3.0), Some(6.0)]);
    let i = import(csv.as_bytes(), &o);
    let roles: Vec<Role> = i.columns.iter().map(|c| c.role).collect();
    assert_eq!(roles, [Role::Excluded, Role::X, Role::Series, Role::Excluded, Role::Series]);
    let p = errors(csv.as_bytes(), &CsvOptions { columns: vec!["d".into()], ..CsvOptions::default() });
    assert!(p[0].en.contains("\"d\"") && p[0].en.contains("id, date, a, b, c"), "{}", p[0].en);
}

#[test]
fn titles_notes_and_blank_lines_are_skipped_and_listed() {
    let csv = "表1 各地区生产总值,,\n单位：亿元,,\n地区,2022年,2023年\n醴陵,1,2\n\n攸县,3,4\n,,\n注：数据为初步核算数。,,\nSource: made up,,\n";
    let i = import(csv.as_bytes(), &CsvOptions::default());
    assert!(i.problems.is_empty(), "{:#?}", i.problems);
    let skipped: Vec<(usize, &str, &str)> = i.skipped.iter().map(|s| (s.row, s.why.name(), s.text.as_str())).collect();
    assert_eq!(
        skipped,
        [(1, "title", "表1 各地区生产总值"), (2, "title", "单位：亿元"), (5, "blank", ""), (8, "note", "注：数据为初步核算数。"), (9, "note", "Source: made up")]
    );
    let ds = &i.feed.unwrap()["datasets"][0];
    assert_eq!(ds["categories"], json!(["醴陵", "攸县"]));
    assert_eq!(i.table.row_numbers, [4, 6]);
    // 单位：亿元 above the table is the unit of every column
    assert_eq!(ds["unit"], "元");
    assert_eq!(ds["series"][1]["values"], json!([200000000, 400000000]));
}

#[test]
fn dated_data_with_many_points_defaults_to_a_line() {
    let rows = |n: usize| -> String {
        let mut s = "date,n\n".to_string();
        for d in 0..n {
            s.push_str(&format!("{}-{:02}-01,{}\n", 2000 + d / 12, d % 12 + 1, d));
        }
        s
    };
    assert_eq!(ok(rows(41).as_bytes(), &CsvOptions::default()).0["kind"], "line");
    assert_eq!(ok(rows(40).as_bytes(), &CsvOptions::default()).0["kind"], "column");
    let o = CsvOptions { kind: Some("column".into()), ..CsvOptions::default() };
    assert_eq!(ok(rows(41).as_bytes(), &o).0["kind"], "column");
    // hourly data: times of day stay categories, drawn as a line
    let mut s = "date,n\n".to_string();
    for h in 0..48 {
        s.push_str(&format!("2010-01-{:02}T{:02}:00:00,.\n", h / 24 + 1, h % 24));
    }
    let (ds, _) = ok(s.as_bytes(), &CsvOptions::default());
    assert_eq!((&ds["kind"], ds.get("x")), (&json!("line"), None));
    // many categories that are not dates stay columns
    let mut s = "name,n\n".to_string();
    for i in 0..50 {
        s.push_str(&format!("n{},{}\n", i, i));
    }
    assert_eq!(ok(s.as_bytes(), &CsvOptions::default()).0["kind"], "column");
}

#[test]
fn the_builder_gets_table_columns_long_and_skipped() {
    let i = import("标题,\n地区,人数（万人）\n醴陵,1\n攸县,x\n".as_bytes(), &CsvOptions::default());
    let d = i.details();
    assert_eq!(d["table"], json!({"headers": ["地区", "人数（万人）"], "rows": [["醴陵", "1"], ["攸县", "x"]], "rowNumbers": [3, 4]}));
    assert_eq!(
        d["columns"],
        json!([
            {"index": 0, "header": "地区", "name": "地区", "type": "text", "role": "x", "unit": null},
            {"index": 1, "header": "人数（万人）", "name": "人数", "type": "number", "role": "series", "unit": "万人"}
        ])
    );
    assert_eq!(d["long"], Value::Null);
    assert_eq!(d["skipped"], json!([{"row": 1, "text": "标题", "why": "title"}]));
    assert!(d.get("sheets").is_none());
    // the bad cell is located in the file's numbering
    let p: Vec<_> = i.problems.iter().map(|p| (p.line, p.column)).collect();
    assert_eq!(p, [(4, 2)]);
}

#[test]
fn short_rows_are_one_warning_however_many() {
    let mut csv = "date,a,b\n".to_string();
    for d in 1..=28 {
        csv.push_str(&format!("2023-02-{:02},{}\n", d, d));
    }
    let (ds, w) = ok(csv.as_bytes(), &CsvOptions::default());
    assert_eq!(w.len(), 1, "{:#?}", w);
    assert!(w[0].en.starts_with("28 rows have fewer fields than the header's 3 (rows 2, 3, 4, 5, 6…)"), "{}", w[0].en);
    assert_eq!(values(&ds, 1)[0], None);
}

#[test]
fn repeated_categories_are_one_warning_however_many() {
    let (_, w) = ok("name,n\na,1\nb,2\na,3\n".as_bytes(), &CsvOptions::default());
    assert_eq!(w.len(), 1);
    assert!(w[0].en.contains("category \"a\" appears twice (rows 2 and 4)"), "{}", w[0].en);
    let mut csv = "name,n\n".to_string();
    for i in 0..40 {
        csv.push_str(&format!("n{},{}\n", i % 10, i));
    }
    let (_, w) = ok(csv.as_bytes(), &CsvOptions::default());
    assert_eq!(w.len(), 1, "{:#?}", w);
    assert!(w[0].en.starts_with("30 rows repeat an earlier row's category: \"n0\" (rows 2 and 12)"), "{}", w[0].en);
}

#[test]
fn a_world_bank_shape_skips_its_metadata_and_says_time_runs_across() {
    let csv = "\"Data Source\",\"World Development Indicators\",\n\n\"Last Updated Date\",\"2024-06-28\",\n\n\
               \"Country Name\",\"Country Code\",\"2019\",\"2020\",\"2021\",\n\"Aruba\",\"ABW\",\"1\",\"2\",\"3\",\n\"Chad\",\"TCD\",\"4\",\"\",\"6\",\n";
    let i = import(csv.as_bytes(), &CsvOptions::default());
    assert_eq!(i.table.row_numbers, [6, 7]);
    let w: Vec<&str> = i.problems.iter().map(|p| p.en.as_str()).collect();
    assert_eq!(w.len(), 2, "{:#?}", i.problems);
    assert!(w[0].contains("\"Country Code\" holds text"), "{}", w[0]);
    assert!(w[1].contains("the headers are dates (2019 … 2021)"), "{}", w[1]);
}
