//! The builder's publish body (`application/vnd.newschart.publish+json`): the previewed feed with
//! the spreadsheet it came from, kept with the version; `/api/me` gives a session its CSRF token;
//! every answer says the service sent it (the builder's test that a service serves it).

use std::process::Command;

use super::server::{bin, Server};

const ENVELOPE: &str = "application/vnd.newschart.publish+json";
const FEED: &str = r#"{"version":1,"datasets":[{"id":"p","title":"Placements","kind":"column","categories":["Liling","Youxian"],"series":[{"name":"placed","values":[1200,860]}]}]}"#;

/// The source bytes of version `n` of `chart`, as the backup holds them.
fn stored_source(data: &str, chart: &str, n: i64) -> Option<(String, Vec<u8>)> {
    let out = Command::new(bin()).args(["backup", "--data", data]).output().expect("backup runs");
    let text = String::from_utf8(out.stdout).expect("utf-8");
    text.lines().map(|l| serde_json::from_str::<serde_json::Value>(l).expect("json line")).find_map(|l| {
        let r = &l["row"];
        (l["table"] == "versions" && r["chart_id"] == chart && r["n"] == n)
            .then(|| Some((r["source_name"].as_str()?.to_string(), hex::decode(r["source_hex"].as_str()?).ok()?)))
            .flatten()
    })
}

#[test]
fn the_builder_publishes_the_previewed_feed_with_its_source_file() {
    let srv = Server::start(&[("ana", "journalist", "county", "ana-password-1")], &[]);
    let s = srv.login("ana", "ana-password-1");
    srv.create_chart(&s, "placements", "Placements");
    let xlsx = [0x50u8, 0x4b, 3, 4, 0, 0xff, 7, 9]; // any bytes: kept as they came
    let body = serde_json::json!({ "feed": FEED, "source": { "name": "june.xlsx", "base64": "UEsDBAD/Bwk=" } }).to_string();
    let a = srv.write(&s, "POST", "/api/charts/placements/versions?note=June", ENVELOPE, body.as_bytes());
    assert_eq!(a.status, 201, "{}", a.body);
    assert_eq!(srv.get("/feeds/placements.json").body, FEED, "the feed as the builder sent it");
    assert_eq!(stored_source(&srv.data, "placements", 1), Some(("june.xlsx".to_string(), xlsx.to_vec())));
    // a feed object without a source: published, no source kept
    let body = serde_json::json!({ "feed": serde_json::from_str::<serde_json::Value>(FEED).expect("feed") }).to_string();
    assert_eq!(srv.write(&s, "POST", "/api/charts/placements/versions", ENVELOPE, body.as_bytes()).status, 201);
    assert_eq!(stored_source(&srv.data, "placements", 2), None);

    // refused, and nothing changes: an invalid feed (422, located), bad base64, a path as a name
    let before = srv.snapshot();
    let bad = serde_json::json!({ "feed": FEED.replace("\"Placements\"", "42"), "source": { "name": "a.csv", "base64": "YQ==" } }).to_string();
    let a = srv.write(&s, "POST", "/api/charts/placements/versions", ENVELOPE, bad.as_bytes());
    assert_eq!(a.status, 422, "{}", a.body);
    assert!(a.json()["problems"].as_array().expect("problems").iter().any(|p| p["path"] == "datasets[0].title" && p["line"] == 1), "{}", a.body);
    for body in [
        serde_json::json!({ "feed": FEED, "source": { "name": "a.csv", "base64": "not base64!" } }).to_string(),
        serde_json::json!({ "feed": FEED, "source": { "name": "../a.csv", "base64": "YQ==" } }).to_string(),
        "{\"source\": null}".to_string(),
    ] {
        assert_eq!(srv.write(&s, "POST", "/api/charts/placements/versions", ENVELOPE, body.as_bytes()).status, 400, "{}", body);
    }
    assert_eq!(srv.snapshot(), before, "nothing changed");
}

#[test]
fn me_gives_a_session_its_csrf_token_and_every_answer_names_the_service() {
    let srv = Server::start(&[("ana", "journalist", "county", "ana-password-1")], &[]);
    let s = srv.login("ana", "ana-password-1");
    let me = srv.send("GET", "/api/me", &[("cookie", &s.cookie)], None);
    assert_eq!(me.status, 200);
    assert_eq!(me.json()["csrf"], s.csrf.as_str());
    assert_eq!(me.json()["name"], "ana");
    assert_eq!(me.header("access-control-allow-origin"), None, "readable by the service's own pages only");
    for path in ["/api/me", "/feeds/none.json", "/"] {
        assert_eq!(srv.get(path).header("x-newschart-service"), Some("1"), "{}", path);
    }
}
