//! What changed between versions (`GET /api/charts/{id}/diff`) and the list of charts, which
//! the builder shows.

use super::server::Server;

const V1: &str = r#"{"version":1,"datasets":[{"id":"p","title":"T","kind":"column","categories":["2021","2022"],"series":[{"name":"placed","values":[10,12]},{"name":"old","values":[1,2]}]}]}"#;
const V2: &str = r#"{"version":1,"datasets":[{"id":"p","title":"T","kind":"column","categories":["2021","2022","2023"],"series":[{"name":"placed","values":[10,13,15]},{"name":"renovated","values":[3,4,5]}]}]}"#;

#[test]
fn the_diff_names_the_numbers_that_differ_and_the_series_added_or_removed() {
    let srv = Server::start(&[("ana", "editor", "county", "ana-password-1")], &[]);
    let s = srv.login("ana", "ana-password-1");
    srv.create_chart(&s, "placements", "Placements");
    srv.publish(&s, "placements", V1, "one");
    srv.publish(&s, "placements", V2, "two");
    let a = srv.send("GET", "/api/charts/placements/diff?from=1", &[("cookie", &s.cookie)], None);
    assert_eq!(a.status, 200, "{}", a.body);
    let d = &a.json()["diff"];
    assert_eq!(a.json()["to"], 2, "to: the live version by default");
    assert_eq!(d["series_added"], serde_json::json!([["p", "renovated"]]));
    assert_eq!(d["series_removed"], serde_json::json!([["p", "old"]]));
    assert_eq!(
        d["changed"],
        serde_json::json!([
            { "dataset": "p", "series": "placed", "category": "2022", "from": 12.0, "to": 13.0 },
            { "dataset": "p", "series": "placed", "category": "2023", "from": null, "to": 15.0 }
        ])
    );
    let same = srv.send("GET", "/api/charts/placements/diff?from=2&to=2", &[("cookie", &s.cookie)], None).json();
    assert_eq!(same["diff"]["changed"], serde_json::json!([]));
    assert_eq!(srv.get("/api/charts/placements/diff?from=1").status, 401, "signed in only");
    assert_eq!(srv.send("GET", "/api/charts/placements/diff?from=9", &[("cookie", &s.cookie)], None).status, 404);

    srv.create_chart(&s, "investment", "Investment");
    let list = srv.send("GET", "/api/charts", &[("cookie", &s.cookie)], None).json();
    let ids: Vec<(&str, i64)> = list.as_array().expect("list").iter().map(|c| (c["id"].as_str().unwrap_or(""), c["live"].as_i64().unwrap_or(-1))).collect();
    assert_eq!(ids, vec![("investment", 0), ("placements", 2)]);
}

#[test]
fn one_dataset_on_each_side_is_compared_whatever_its_id() {
    // each month's CSV has its own file name, and so its own dataset id: still the same chart
    let srv = Server::start(&[("ana", "journalist", "county", "ana-password-1")], &[]);
    let s = srv.login("ana", "ana-password-1");
    srv.create_chart(&s, "placements", "Placements");
    for (name, csv) in [("may.csv", "county,placed\nLiling,1200\nYouxian,860\n"), ("june.csv", "county,placed\nLiling,1350\nYouxian,860\n")] {
        let a = srv.write(&s, "POST", &format!("/api/charts/placements/versions?name={}", name), "text/csv", csv.as_bytes());
        assert_eq!(a.status, 201, "{}", a.body);
    }
    let d = srv.send("GET", "/api/charts/placements/diff?from=1", &[("cookie", &s.cookie)], None).json()["diff"].clone();
    assert_eq!(d["datasets_added"], serde_json::json!([]));
    assert_eq!(d["datasets_removed"], serde_json::json!([]));
    assert_eq!(d["changed"], serde_json::json!([{ "dataset": "june", "series": "placed", "category": "Liling", "from": 1200.0, "to": 1350.0 }]));
}
