//! `CsvOptions::from_json`: the options the builder page passes to the CSV conversion.

use newschart::csv::{to_feed, CsvOptions, Order, Pivot};

#[test]
fn every_field_is_read_in_camel_case() {
    let o = CsvOptions::from_json(
        r#"{"kind":"bar","title":"标题","subtitle":"副标题","unit":"人","source":"来源","sourceUrl":"https://example.org/",
            "locale":"en","id":"jobs","illustrative":true,"fileName":"就业.csv"}"#,
    );
    assert_eq!(o.kind.as_deref(), Some("bar"));
    assert_eq!(o.title.as_deref(), Some("标题"));
    assert_eq!(o.subtitle.as_deref(), Some("副标题"));
    assert_eq!(o.unit.as_deref(), Some("人"));
    assert_eq!(o.source.as_deref(), Some("来源"));
    assert_eq!(o.source_url.as_deref(), Some("https://example.org/"));
    assert_eq!(o.locale.as_deref(), Some("en"));
    assert_eq!(o.id.as_deref(), Some("jobs"));
    assert!(o.illustrative);
    assert_eq!(o.file_name.as_deref(), Some("就业.csv"));
}

#[test]
fn missing_empty_mistyped_or_broken_input_keeps_the_defaults() {
    assert_eq!(CsvOptions::from_json(""), CsvOptions::default());
    assert_eq!(CsvOptions::from_json("[1, 2]"), CsvOptions::default());
    assert_eq!(CsvOptions::from_json("{not json"), CsvOptions::default());
    assert_eq!(CsvOptions::from_json(r#"{"kind":" ","title":"","unit":7,"illustrative":"yes"}"#), CsvOptions::default());
}

#[test]
fn the_options_reach_the_feed() {
    let o = CsvOptions::from_json(r#"{"kind":"bar","title":"2022年就业","fileName":"jobs.csv"}"#);
    let (feed, _) = to_feed("地区,人数\n醴陵,100\n茶陵,80\n".as_bytes(), &o).expect("converts");
    let ds = &feed["datasets"][0];
    assert_eq!(ds["kind"], "bar");
    assert_eq!(ds["title"], "2022年就业");
    assert_eq!(ds["id"], "jobs");
}

#[test]
fn the_import_options_are_read_too() {
    let o = CsvOptions::from_json(
        r#"{"x":"date","columns":["a","b"],"exclude":["c"],"pivot":{"series":"symbol","value":"price"},
            "dateOrder":"dmy","decimal":",","sheet":"明细"}"#,
    );
    assert_eq!(o.x.as_deref(), Some("date"));
    assert_eq!(o.columns, ["a", "b"]);
    assert_eq!(o.exclude, ["c"]);
    assert_eq!(o.pivot, Some(Pivot { series: "symbol".into(), value: "price".into() }));
    assert_eq!(o.date_order, Some(Order::Dmy));
    assert_eq!(o.decimal, ',');
    assert_eq!(o.sheet.as_deref(), Some("明细"));
    assert_eq!(CsvOptions::from_json(r#"{"sheet":2}"#).sheet.as_deref(), Some("2"));
    // a pivot without its value column, an unknown order: defaults
    let o = CsvOptions::from_json(r#"{"pivot":{"series":"symbol"},"dateOrder":"ydm","decimal":";"}"#);
    assert_eq!((o.pivot, o.date_order, o.decimal), (None, None, '.'));
}
