//! `newschart publish FILE --chart ID` with a token, against a real service.

use std::process::{Command, Output};

use super::server::{bin, example, Server, TempDir};

fn publish(srv: &Server, token: Option<&str>, file: &std::path::Path, chart: &str) -> Output {
    let mut c = Command::new(bin());
    c.args(["publish"]).arg(file).args(["--chart", chart, "--note", "county update", "--server", &srv.url]);
    c.env_remove("NEWSCHART_TOKEN");
    if let Some(t) = token {
        c.env("NEWSCHART_TOKEN", t);
    }
    c.output().expect("newschart publish runs")
}

#[test]
fn publish_sends_a_csv_or_a_feed_with_a_token() {
    let srv = Server::start(&[("ana", "editor", "county", "ana-password-1")], &[]);
    let s = srv.login("ana", "ana-password-1");
    srv.create_chart(&s, "county-3", "County 3");
    let token = srv.write(&s, "POST", "/api/tokens", "application/json", br#"{"scope":"chart:county-3"}"#).json()["token"].as_str().expect("token").to_string();
    let dir = TempDir::new("publish-cli");

    let csv = dir.0.join("county-3.csv");
    std::fs::write(&csv, "year,placed\n2021,10\n2022,12\n").expect("csv");
    let out = publish(&srv, Some(&token), &csv, "county-3");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let live = srv.get("/feeds/county-3.json");
    assert_eq!(live.status, 200);
    assert!(live.body.contains("placed"), "{}", live.body);
    let chart = srv.send("GET", "/api/charts/county-3", &[("cookie", &s.cookie)], None).json();
    assert_eq!(chart["versions"][0]["note"], "county update");
    assert_eq!(chart["versions"][0]["source_name"], "county-3.csv");

    let feed = dir.0.join("feed.json");
    std::fs::write(&feed, example("monitoring-grouped.json")).expect("feed");
    assert!(publish(&srv, Some(&token), &feed, "county-3").status.success());
    assert_eq!(srv.get("/feeds/county-3.json").body, example("monitoring-grouped.json"));

    // refused: no token, an invalid feed (with the validator's located words), another chart
    let before = srv.snapshot();
    let none = publish(&srv, None, &feed, "county-3");
    assert_eq!(none.status.code(), Some(2));
    let bad = dir.0.join("bad.json");
    std::fs::write(&bad, r#"{"version":1,"datasets":[{"id":"a","title":"T","kind":"column","categories":["x"],"series":[{"name":"s","values":["12"]}]}]}"#).expect("bad");
    let refused = publish(&srv, Some(&token), &bad, "county-3");
    assert_eq!(refused.status.code(), Some(1));
    let err = String::from_utf8_lossy(&refused.stderr);
    assert!(err.contains(&format!("{}:1:", bad.display())) && err.contains("must be a number"), "{}", err);
    assert_eq!(srv.snapshot(), before);
    srv.create_chart(&s, "county-4", "County 4");
    let before_other = srv.snapshot();
    assert_eq!(publish(&srv, Some(&token), &feed, "county-4").status.code(), Some(1));
    assert_eq!(srv.snapshot(), before_other);
}
