//! Live data sources: a chart follows an upstream address. The upstreams here are the service's
//! own feed (which answers If-None-Match) and files served by python3's http.server.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use super::server::{example, Server, Session, TempDir};

/// Waits up to 60 s (generous: CI shares two cores with builds) for `f` to hold.
pub fn eventually(what: &str, mut f: impl FnMut() -> bool) {
    let start = Instant::now();
    while !f() {
        assert!(start.elapsed() < Duration::from_secs(60), "waited 60 s for {}", what);
        std::thread::sleep(Duration::from_millis(200));
    }
}

pub fn chart(srv: &Server, s: &Session, id: &str) -> serde_json::Value {
    srv.send("GET", &format!("/api/charts/{}", id), &[("cookie", &s.cookie)], None).json()
}

pub fn set_source(srv: &Server, s: &Session, id: &str, url: &str) -> u16 {
    srv.write(s, "PUT", &format!("/api/charts/{}/source", id), "application/json", serde_json::json!({ "url": url, "interval": 1 }).to_string().as_bytes()).status
}

/// tests/serve/static_server.py serving a folder (over HTTPS with `--tls CERT KEY`, slowly with
/// `--slow S`); `.1` is its address.
pub struct Static(Child, pub String);

impl Static {
    pub fn start(dir: &std::path::Path) -> Static {
        Static::start_with(dir, &[], "http")
    }

    pub fn start_with(dir: &std::path::Path, args: &[&str], scheme: &str) -> Static {
        let mut child = Command::new("python3")
            .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/serve/static_server.py"))
            .arg(dir)
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("python3 tests/serve/static_server.py (python3 is needed by this test)");
        let mut port = String::new();
        BufReader::new(child.stdout.take().expect("stdout")).read_line(&mut port).expect("the server prints its port");
        assert!(!port.trim().is_empty(), "static_server.py did not start");
        Static(child, format!("{}://127.0.0.1:{}", scheme, port.trim()))
    }
}

impl Drop for Static {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// The service's own 127.0.0.1 and python's are internal addresses: these tests allow them.
const ALLOW_LOCAL: &[&str] = &["--allow-upstream-host", "127.0.0.1"];

#[test]
fn a_chart_follows_its_upstream_feed_and_publishes_only_changes() {
    let srv = Server::start(&[("ana", "editor", "county", "ana-password-1")], ALLOW_LOCAL);
    let s = srv.login("ana", "ana-password-1");
    srv.create_chart(&s, "office", "County office");
    srv.create_chart(&s, "follower", "Follower");
    let (v1, v2) = (example("assistance-donut.json"), example("monitoring-grouped.json"));
    srv.publish(&s, "office", &v1, "one");
    assert_eq!(set_source(&srv, &s, "follower", &format!("{}/feeds/office.json", srv.url)), 200);
    eventually("the follower to take v1", || srv.get("/feeds/follower.json").body == v1);
    srv.publish(&s, "office", &v2, "two");
    eventually("the follower to take v2", || srv.get("/feeds/follower.json").body == v2);
    // the source's ETag is written just after the publish it comes with: wait for it, do not race it
    eventually("the source to keep v2's ETag", || chart(&srv, &s, "follower")["source"]["etag"].as_str().is_some_and(|e| e.contains("office-v2")));
    // unchanged upstream: checked (304) but nothing published
    std::thread::sleep(Duration::from_secs(3));
    let c = chart(&srv, &s, "follower");
    assert_eq!(c["versions"].as_array().map(Vec::len), Some(2), "{}", c);
    assert!(c["versions"].as_array().expect("versions").iter().all(|v| v["author"] == "upstream"));
    assert_eq!(c["source"]["last_error"], serde_json::Value::Null);
    assert!(c["source"]["etag"].as_str().is_some_and(|e| e.contains("office-v2")), "{}", c["source"]);
    assert_eq!(std::fs::read_to_string(srv.publish_dir.join("follower.json")).expect("static copy"), v2);
}

#[test]
fn a_broken_upstream_never_replaces_the_live_version() {
    let srv = Server::start(&[("ana", "editor", "county", "ana-password-1"), ("jo", "journalist", "county", "jo-password-12")], ALLOW_LOCAL);
    let s = srv.login("ana", "ana-password-1");
    srv.create_chart(&s, "placements", "Placements");
    let dir = TempDir::new("upstream");
    std::fs::write(dir.0.join("placed.csv"), "year,placed\n2021,10\n2022,12\n").expect("csv");
    let files = Static::start(&dir.0);
    assert_eq!(set_source(&srv, &s, "placements", &format!("{}/placed.csv", files.1)), 200);
    eventually("the CSV to be published", || srv.get("/feeds/placements.json").status == 200);
    let good = srv.get("/feeds/placements.json").body;
    assert!(good.contains("placed"), "{}", good);
    assert_eq!(chart(&srv, &s, "placements")["versions"][0]["source_name"], "placed.csv");

    // the county office uploads a broken file: the live version stays, the problem is shown
    std::fs::write(dir.0.join("placed.csv"), "year,placed\n2021,ten\n2022,twelve\n").expect("csv");
    eventually("the problem to be recorded", || chart(&srv, &s, "placements")["source"]["last_error"].is_string());
    let before = srv.snapshot();
    std::thread::sleep(Duration::from_secs(3));
    assert_eq!(srv.get("/feeds/placements.json").body, good, "the broken copy did not replace the live version");
    assert_eq!(srv.snapshot(), before);
    // and a vanished file
    std::fs::remove_file(dir.0.join("placed.csv")).expect("rm");
    eventually("the 404 to be recorded", || chart(&srv, &s, "placements")["source"]["last_error"].as_str().is_some_and(|e| e.contains("404")));
    assert_eq!(srv.get("/feeds/placements.json").body, good);

    // fixed upstream: published again, error gone
    std::fs::write(dir.0.join("placed.csv"), "year,placed\n2021,10\n2022,13\n").expect("csv");
    eventually("the fixed CSV to be published", || srv.get("/feeds/placements.json").body.contains("13"));
    // (the source's status is written just after the publish it reports: wait for it, do not race it)
    eventually("the error to be cleared", || chart(&srv, &s, "placements")["source"]["last_error"].is_null());
    // http.server sends no ETag: the copy is read at every check, and published only when it differs
    std::thread::sleep(Duration::from_secs(3));
    assert_eq!(chart(&srv, &s, "placements")["versions"].as_array().map(Vec::len), Some(2));

    // who may name a source: those who may publish; only http(s)
    let jo = srv.login("jo", "jo-password-12");
    let before = srv.snapshot();
    assert_eq!(set_source(&srv, &jo, "placements", "http://example.com/x.csv"), 403);
    assert_eq!(set_source(&srv, &s, "placements", "file:///etc/passwd"), 400);
    assert_eq!(srv.snapshot(), before);
}
