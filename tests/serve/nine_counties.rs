//! examples/nine-counties/publish.sh, issue 15's scripted example: the same chart for each of
//! Zhuzhou's nine county-level divisions, published with one desk-scoped token against a real
//! service. Each feed carries its county's numbers, and says they are illustrative.

use std::process::Command;

use super::server::{bin, Server};

const COUNTIES: [(&str, &str); 9] = [
    ("hetang", "荷塘区"),
    ("lusong", "芦淞区"),
    ("shifeng", "石峰区"),
    ("tianyuan", "天元区"),
    ("lukou", "渌口区"),
    ("liling", "醴陵市"),
    ("youxian", "攸县"),
    ("chaling", "茶陵县"),
    ("yanling", "炎陵县"),
];

fn example_dir() -> String {
    format!("{}/examples/nine-counties", env!("CARGO_MANIFEST_DIR"))
}

/// The CSV's two number columns, read plainly (not with the importer under test).
fn csv_numbers(id: &str) -> (Vec<f64>, Vec<f64>) {
    let text = std::fs::read_to_string(format!("{}/{}.csv", example_dir(), id)).expect("csv");
    let rows: Vec<Vec<f64>> = text.lines().filter(|l| l.starts_with("2024年")).map(|l| l.split(',').skip(1).map(|v| v.parse().expect("number")).collect()).collect();
    (rows.iter().map(|r| r[0]).collect(), rows.iter().map(|r| r[1]).collect())
}

fn run_script(srv: &Server, token: &str, note: &str) -> std::process::Output {
    Command::new("bash")
        .arg(format!("{}/publish.sh", example_dir()))
        .env("NEWSCHART_TOKEN", token)
        .env("NEWSCHART_SERVER", &srv.url)
        .env("NEWSCHART", bin())
        .env("NOTE", note)
        .output()
        .expect("bash runs the script")
}

#[test]
fn the_nine_counties_script_publishes_one_chart_per_county() {
    let listed = std::fs::read_to_string(format!("{}/counties.csv", example_dir())).expect("counties.csv");
    let want: Vec<String> = COUNTIES.iter().map(|(id, name)| format!("{},{}", id, name)).collect();
    assert_eq!(listed.lines().skip(1).collect::<Vec<_>>(), want, "the script's list is Zhuzhou's nine divisions");

    let srv = Server::start(&[("ana", "editor", "county", "ana-password-1")], &[]);
    let s = srv.login("ana", "ana-password-1");
    let token = srv.write(&s, "POST", "/api/tokens", "application/json", br#"{"scope":"desk:county"}"#).json()["token"].as_str().expect("token").to_string();
    let out = run_script(&srv, &token, "2024 figures");
    assert!(out.status.success(), "publish.sh: {}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));

    for (id, name) in COUNTIES {
        let feed = srv.get(&format!("/feeds/{}.json", id));
        assert_eq!(feed.status, 200, "{}", id);
        let f = feed.json();
        let ds = &f["datasets"][0];
        assert!(ds["title"].as_str().is_some_and(|t| t.contains(name)), "{}: {}", id, ds["title"]);
        assert_eq!(ds["illustrative"], true, "{}: invented figures are marked illustrative", id);
        assert!(ds["source"].to_string().contains("示意数据") && ds["source"].to_string().contains("illustrative"), "{}: {}", id, ds["source"]);
        let (started, done) = csv_numbers(id);
        let values = |i: usize| ds["series"][i]["values"].as_array().expect("values").iter().map(|v| v.as_f64().expect("number")).collect::<Vec<_>>();
        assert_eq!(ds["series"][0]["name"].as_str().map(|n| n.starts_with("开工")), Some(true), "{}: {}", id, ds["series"][0]["name"]);
        assert_eq!((values(0), values(1)), (started, done), "{}: the county's own numbers", id);
        let chart = srv.send("GET", &format!("/api/charts/{}", id), &[("cookie", &s.cookie)], None).json();
        assert_eq!(chart["chart"]["desk"], "county");
        assert_eq!(chart["history"][0]["note"], "2024 figures");
        assert_eq!(chart["versions"][0]["author"], "ana", "{}: published with ana's token", id);
    }

    // the next month: run again, each chart gets its second version and nothing else appears
    let out = run_script(&srv, &token, "again");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let charts = srv.send("GET", "/api/charts", &[("cookie", &s.cookie)], None).json();
    assert_eq!(charts.as_array().map(Vec::len), Some(9), "{}", charts);
    for (id, _) in COUNTIES {
        let chart = srv.send("GET", &format!("/api/charts/{}", id), &[("cookie", &s.cookie)], None).json();
        assert_eq!(chart["versions"].as_array().map(Vec::len), Some(2), "{}", id);
    }

    // a token for one chart cannot run the desk's script: refused, and nothing changes
    let one = srv.write(&s, "POST", "/api/tokens", "application/json", br#"{"scope":"chart:liling"}"#).json()["token"].as_str().expect("token").to_string();
    let before = srv.snapshot();
    assert!(!run_script(&srv, &one, "narrow").status.success());
    assert_eq!(srv.snapshot(), before);
}
