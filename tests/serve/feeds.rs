//! What readers get: `GET /feeds/{id}.json` and `/feeds/{id}/v{n}.json`, and `--publish-dir`.

use super::server::{example, Server};

const EDITOR: (&str, &str, &str, &str) = ("ana", "editor", "county", "ana-password-1");

#[test]
fn live_feed_has_a_strong_etag_per_version_cdn_caching_and_cors() {
    let srv = Server::start(&[EDITOR], &[]);
    let s = srv.login("ana", "ana-password-1");
    assert_eq!(srv.create_chart(&s, "placements", "Placements").status, 201);
    assert_eq!(srv.get("/feeds/placements.json").status, 404, "no feed before the first publish");

    let v1 = example("assistance-donut.json");
    assert_eq!(srv.publish(&s, "placements", &v1, "first").status, 201);
    let a = srv.get("/feeds/placements.json");
    assert_eq!(a.status, 200);
    assert_eq!(a.body, v1, "the live feed is the published text");
    let tag1 = a.header("etag").expect("an ETag").to_string();
    assert!(tag1.starts_with('"') && !tag1.starts_with("W/"), "a strong ETag: {}", tag1);
    let cache = a.header("cache-control").expect("Cache-Control");
    assert!(cache.contains("public") && cache.contains("max-age=") && cache.contains("stale-while-revalidate="), "{}", cache);
    assert_eq!(a.header("access-control-allow-origin"), Some("*"));
    assert!(a.header("access-control-expose-headers").is_some_and(|h| h.eq_ignore_ascii_case("etag")), "the widget must read the ETag");
    assert!(a.header("content-type").is_some_and(|t| t.starts_with("application/json")));

    // a refreshing widget gets 304 until a new version is published
    let again = srv.send("GET", "/feeds/placements.json", &[("if-none-match", &tag1)], None);
    assert_eq!(again.status, 304);
    assert!(again.body.is_empty());
    assert_eq!(again.header("etag"), Some(tag1.as_str()));
    assert_eq!(again.header("access-control-allow-origin"), Some("*"));

    let v2 = example("employment-line-dates.json");
    assert_eq!(srv.publish(&s, "placements", &v2, "second").status, 201);
    let after = srv.send("GET", "/feeds/placements.json", &[("if-none-match", &tag1)], None);
    assert_eq!(after.status, 200, "a new version answers the old ETag with the new feed");
    assert_eq!(after.body, v2);
    let tag2 = after.header("etag").expect("ETag").to_string();
    assert_ne!(tag1, tag2);

    // the browser's preflight for a cross-origin If-None-Match
    let pre = srv.send("OPTIONS", "/feeds/placements.json", &[("origin", "https://news.example"), ("access-control-request-headers", "if-none-match")], None);
    assert!(pre.status == 204 || pre.status == 200, "preflight: {}", pre.status);
    assert_eq!(pre.header("access-control-allow-origin"), Some("*"));
    assert!(pre.header("access-control-allow-headers").is_some_and(|h| h.to_ascii_lowercase().contains("if-none-match")));
}

#[test]
fn fixed_versions_never_change_and_rollback_is_a_new_history_entry() {
    let srv = Server::start(&[EDITOR], &[]);
    let s = srv.login("ana", "ana-password-1");
    srv.create_chart(&s, "renovation", "Renovation");
    let (v1, v2) = (example("assistance-donut.json"), example("monitoring-grouped.json"));
    srv.publish(&s, "renovation", &v1, "one");
    srv.publish(&s, "renovation", &v2, "two");

    let fixed = srv.get("/feeds/renovation/v1.json");
    assert_eq!(fixed.status, 200);
    assert_eq!(fixed.body, v1, "v1 is still what was published first");
    assert!(fixed.header("cache-control").is_some_and(|c| c.contains("immutable")));
    assert_eq!(srv.get("/feeds/renovation/v2.json").body, v2);
    assert_eq!(srv.get("/feeds/renovation/v3.json").status, 404);
    assert_eq!(srv.get("/feeds/renovation/v01.json").status, 404, "one name per version");

    let rb = srv.write(&s, "POST", "/api/charts/renovation/rollback", "application/json", br#"{"version":1,"note":"typo in v2"}"#);
    assert_eq!(rb.status, 200, "{}", rb.body);
    assert_eq!(srv.get("/feeds/renovation.json").body, v1, "v1 is live again");
    assert_eq!(srv.get("/feeds/renovation/v2.json").body, v2, "v2 is kept");

    let chart = srv.send("GET", "/api/charts/renovation", &[("cookie", &s.cookie)], None).json();
    let history: Vec<(i64, String)> = chart["history"].as_array().expect("history").iter().map(|e| (e["version"].as_i64().unwrap_or(0), e["action"].as_str().unwrap_or("").to_string())).collect();
    assert_eq!(history, vec![(1, "publish".to_string()), (2, "publish".to_string()), (1, "rollback".to_string())]);
    assert_eq!(chart["versions"].as_array().map(Vec::len), Some(2), "a rollback makes no version");
    assert_eq!(chart["chart"]["live"], 1);

    let audit = srv.send("GET", "/api/charts/renovation/audit", &[("cookie", &s.cookie)], None).json();
    let actions: Vec<(&str, Option<i64>, Option<i64>)> =
        audit.as_array().expect("audit").iter().map(|a| (a["action"].as_str().unwrap_or(""), a["from_version"].as_i64(), a["to_version"].as_i64())).collect();
    assert_eq!(actions, vec![("chart.create", None, None), ("publish", None, Some(1)), ("publish", Some(1), Some(2)), ("rollback", Some(2), Some(1))]);
    assert!(audit.as_array().expect("audit").iter().all(|a| a["actor"] == "ana"));
}

#[test]
fn publish_dir_holds_every_live_feed_under_the_same_names() {
    let srv = Server::start(&[EDITOR], &[]);
    let s = srv.login("ana", "ana-password-1");
    srv.create_chart(&s, "investment", "Investment");
    let (v1, v2) = (example("assistance-donut.json"), example("monitoring-grouped.json"));
    srv.publish(&s, "investment", &v1, "one");
    let live = srv.publish_dir.join("investment.json");
    assert_eq!(std::fs::read_to_string(&live).expect("the live file"), v1);
    srv.publish(&s, "investment", &v2, "two");
    assert_eq!(std::fs::read_to_string(&live).expect("the live file"), v2);
    assert_eq!(std::fs::read_to_string(srv.publish_dir.join("investment/v1.json")).expect("v1 file"), v1);
    srv.write(&s, "POST", "/api/charts/investment/rollback", "application/json", br#"{"version":1}"#);
    assert_eq!(std::fs::read_to_string(&live).expect("the live file"), v1, "a rollback rewrites the live file");
    let names: Vec<String> = std::fs::read_dir(&srv.publish_dir).expect("dir").filter_map(|e| e.ok()).map(|e| e.file_name().to_string_lossy().into_owned()).collect();
    assert!(names.iter().all(|n| !n.ends_with(".tmp")), "no temporary file left: {:?}", names);
}

#[test]
fn publish_dir_is_written_at_start_for_charts_published_before() {
    let keep = super::server::TempDir::new("data");
    let data = keep.0.join("newsroom.db").to_string_lossy().into_owned();
    let srv = Server::start_on(super::server::TempDir::new("first"), data.clone(), &[EDITOR], &[]);
    let s = srv.login("ana", "ana-password-1");
    srv.create_chart(&s, "placements", "Placements");
    let v1 = example("assistance-donut.json");
    srv.publish(&s, "placements", &v1, "one");
    drop(srv);
    // a second service on the same data, with an empty --publish-dir
    let srv2 = Server::start_on(super::server::TempDir::new("second"), data, &[], &[]);
    assert_eq!(std::fs::read_to_string(srv2.publish_dir.join("placements.json")).expect("written at start"), v1);
    assert_eq!(srv2.get("/feeds/placements.json").body, v1);
}
