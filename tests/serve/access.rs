//! Who may write what. Every refused request is followed by a check that the database is
//! exactly as before (`Server::snapshot`: histories, versions and their feeds, the live versions
//! and the audit log).

use std::process::Command;

use super::server::{bin, example, Server, Session};

const USERS: &[(&str, &str, &str, &str)] = &[
    ("root", "admin", "county", "root-password-1"),
    ("ana", "editor", "county", "ana-password-1"),
    ("jo", "journalist", "county", "jo-password-12"),
    ("max", "journalist", "county", "max-password-1"),
    ("eve", "editor", "sports", "eve-password-1"),
];

/// A service with a chart `placements` owned by jo, published once.
fn setup() -> (Server, Session) {
    let srv = Server::start(USERS, &[]);
    let jo = srv.login("jo", "jo-password-12");
    assert_eq!(srv.create_chart(&jo, "placements", "Placements").status, 201);
    assert_eq!(srv.publish(&jo, "placements", &example("assistance-donut.json"), "first").status, 201);
    (srv, jo)
}

#[test]
fn a_journalist_cannot_publish_to_a_chart_they_may_not_edit() {
    let (srv, _) = setup();
    let max = srv.login("max", "max-password-1");
    let before = srv.snapshot();
    let a = srv.publish(&max, "placements", &example("monitoring-grouped.json"), "not mine");
    assert_eq!(a.status, 403, "{}", a.body);
    let rb = srv.write(&max, "POST", "/api/charts/placements/rollback", "application/json", br#"{"version":1}"#);
    assert_eq!(rb.status, 403, "{}", rb.body);
    // an editor of another desk neither
    let eve = srv.login("eve", "eve-password-1");
    assert_eq!(srv.publish(&eve, "placements", &example("monitoring-grouped.json"), "other desk").status, 403);
    assert_eq!(srv.snapshot(), before);
    // the owner's journalist may publish but not roll back; the desk's editor may do both
    let jo = srv.login("jo", "jo-password-12");
    assert_eq!(srv.publish(&jo, "placements", &example("monitoring-grouped.json"), "second").status, 201);
    let before = srv.snapshot();
    assert_eq!(srv.write(&jo, "POST", "/api/charts/placements/rollback", "application/json", br#"{"version":1}"#).status, 403);
    assert_eq!(srv.snapshot(), before);
    let ana = srv.login("ana", "ana-password-1");
    assert_eq!(srv.write(&ana, "POST", "/api/charts/placements/rollback", "application/json", br#"{"version":1}"#).status, 200);
}

#[test]
fn an_anonymous_request_cannot_write() {
    let (srv, _) = setup();
    let before = srv.snapshot();
    let feed = example("monitoring-grouped.json");
    let json = [("content-type", "application/json")];
    assert_eq!(srv.send("POST", "/api/charts/placements/versions", &json, Some(feed.as_bytes())).status, 401);
    assert_eq!(srv.send("POST", "/api/charts/placements/rollback", &json, Some(br#"{"version":1}"#)).status, 401);
    assert_eq!(srv.send("POST", "/api/charts", &json, Some(br#"{"id":"new-one","title":"x"}"#)).status, 401);
    assert_eq!(srv.send("POST", "/api/tokens", &json, Some(br#"{"scope":"chart:placements"}"#)).status, 401);
    // a made-up session cookie or token is no better
    let forged = [("content-type", "application/json"), ("cookie", "newschart_session=00ff"), ("x-csrf-token", "00ff")];
    assert_eq!(srv.send("POST", "/api/charts/placements/versions", &forged, Some(feed.as_bytes())).status, 401);
    let bearer = [("content-type", "application/json"), ("authorization", "Bearer nct_0000_0000")];
    assert_eq!(srv.send("POST", "/api/charts/placements/versions", &bearer, Some(feed.as_bytes())).status, 401);
    assert_eq!(srv.snapshot(), before);
}

#[test]
fn a_revoked_token_stops_working_at_once() {
    let (srv, jo) = setup();
    let t = srv.write(&jo, "POST", "/api/tokens", "application/json", br#"{"scope":"chart:placements"}"#);
    assert_eq!(t.status, 201, "{}", t.body);
    let (id, secret) = (t.json()["id"].as_str().expect("id").to_string(), t.json()["token"].as_str().expect("token").to_string());
    let auth = format!("Bearer {}", secret);
    let with_token = |feed: &str| srv.send("POST", "/api/charts/placements/versions?note=script", &[("authorization", &auth), ("content-type", "application/json")], Some(feed.as_bytes()));
    assert_eq!(with_token(&example("monitoring-grouped.json")).status, 201, "the token works before");

    // the token reaches only its scope
    srv.create_chart(&jo, "other", "Other");
    let before = srv.snapshot();
    let out = srv.send("POST", "/api/charts/other/versions", &[("authorization", &auth), ("content-type", "application/json")], Some(example("assistance-donut.json").as_bytes()));
    assert_eq!(out.status, 403, "a chart:placements token cannot publish to other: {}", out.body);
    assert_eq!(srv.snapshot(), before);

    assert_eq!(srv.write(&jo, "DELETE", &format!("/api/tokens/{}", id), "application/json", b"").status, 200);
    let before = srv.snapshot();
    let refused = with_token(&example("assistance-donut.json"));
    assert_eq!(refused.status, 401, "the very next request is refused: {}", refused.body);
    assert_eq!(srv.snapshot(), before);
    // the secret is stored only as a digest
    let db = srv.db_bytes();
    assert!(db.windows(5).any(|w| w == b"token"), "the database has the token's row (audit: token.create)");
    assert!(!db.windows(secret.len()).any(|w| w == secret.as_bytes()), "the token's secret is in the database file");
}

#[test]
fn cross_site_form_posts_are_refused() {
    let (srv, jo) = setup();
    let before = srv.snapshot();
    let feed = example("monitoring-grouped.json");
    let path = "/api/charts/placements/versions?note=csrf";
    // what a form on another site makes the browser send: the cookie, a form type, its Origin
    let form = [("cookie", jo.cookie.as_str()), ("content-type", "application/x-www-form-urlencoded"), ("origin", "https://evil.example"), ("sec-fetch-site", "cross-site")];
    assert_eq!(srv.send("POST", path, &form, Some(b"a=b")).status, 403);
    // even with the right token and type, another origin is refused
    let other = [("cookie", jo.cookie.as_str()), ("x-csrf-token", jo.csrf.as_str()), ("content-type", "application/json"), ("origin", "https://evil.example")];
    assert_eq!(srv.send("POST", path, &other, Some(feed.as_bytes())).status, 403);
    // same origin without the CSRF token, or with a wrong one
    let origin = srv.url.clone();
    let none = [("cookie", jo.cookie.as_str()), ("content-type", "application/json"), ("origin", origin.as_str())];
    assert_eq!(srv.send("POST", path, &none, Some(feed.as_bytes())).status, 403);
    let wrong = [("cookie", jo.cookie.as_str()), ("x-csrf-token", "0123"), ("content-type", "application/json"), ("origin", origin.as_str())];
    assert_eq!(srv.send("POST", path, &wrong, Some(feed.as_bytes())).status, 403);
    // a cross-site sign-in form (login CSRF) too
    let login = srv.send("POST", "/api/login", &[("content-type", "application/json"), ("origin", "https://evil.example")], Some(br#"{"name":"jo","password":"jo-password-12"}"#));
    assert_eq!(login.status, 403);
    assert_eq!(srv.snapshot(), before);
}

#[test]
fn ids_with_dot_dot_nul_or_over_long_names_are_refused() {
    let (srv, jo) = setup();
    let before = srv.snapshot();
    let long = "a".repeat(65);
    for bad in ["../placements", "..%2Fplacements", "%2E%2E%2F%2E%2E%2Fetc%2Fpasswd", "place%00ments", "Placements", "-x", long.as_str()] {
        let get = srv.get(&format!("/feeds/{}.json", bad));
        assert!(get.status == 404 || get.status == 400, "GET /feeds/{}.json: {}", bad, get.status);
        let post = srv.publish(&jo, bad, &example("assistance-donut.json"), "x");
        assert!(post.status == 400 || post.status == 404, "POST to {}: {} {}", bad, post.status, post.body);
    }
    for bad in ["../x", "a\u{0}b", "A", long.as_str(), ""] {
        let c = srv.create_chart(&jo, bad, "t");
        assert_eq!(c.status, 400, "create {:?}: {}", bad, c.body);
    }
    assert_eq!(srv.snapshot(), before);
    let escaped: Vec<_> = std::fs::read_dir(srv.dir.0.as_path()).expect("dir").filter_map(|e| e.ok()).map(|e| e.file_name()).collect();
    assert!(escaped.iter().all(|n| n == "newsroom.db" || n.to_string_lossy().starts_with("newsroom.db-") || n == "public"), "nothing written beside the data: {:?}", escaped);
}

#[test]
fn uploads_have_size_limits() {
    let srv = Server::start(USERS, &["--max-upload", "100000"]);
    let jo = srv.login("jo", "jo-password-12");
    srv.create_chart(&jo, "placements", "Placements");
    srv.publish(&jo, "placements", &example("assistance-donut.json"), "first");
    let before = srv.snapshot();
    // a valid feed made big with a long subtitle: refused for its size, not its content
    let mut feed: serde_json::Value = serde_json::from_str(&example("assistance-donut.json")).expect("json");
    feed["datasets"][0]["subtitle"] = serde_json::Value::String("x".repeat(150_000));
    let big = srv.publish(&jo, "placements", &feed.to_string(), "big");
    assert_eq!(big.status, 413, "{}", big.body);
    let csv = format!("year,placed\n{}", "2021,1\n".repeat(20_000));
    let big_csv = srv.write(&jo, "POST", "/api/charts/placements/versions", "text/csv", csv.as_bytes());
    assert_eq!(big_csv.status, 413);
    assert_eq!(srv.snapshot(), before);
}

#[test]
fn failed_sign_ins_are_rate_limited() {
    let srv = Server::start(USERS, &[]);
    for _ in 0..5 {
        assert_eq!(srv.try_login("jo", "wrong-password").status, 401);
    }
    let limited = srv.try_login("jo", "jo-password-12");
    assert_eq!(limited.status, 429, "the right password is refused while limited: {}", limited.body);
    assert!(limited.header("set-cookie").is_none());
    assert_eq!(srv.try_login("max", "max-password-1").status, 200, "other users are not limited");
}

#[test]
fn session_cookies_are_http_only_and_same_site_strict() {
    let srv = Server::start(USERS, &[]);
    let a = srv.try_login("jo", "jo-password-12");
    let cookie = a.header("set-cookie").expect("cookie");
    assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), "{}", cookie);
    assert!(!cookie.contains("Secure"), "no Secure on loopback, where there is no TLS: {}", cookie);
    // the password is stored as an argon2id hash only
    let db = srv.db_bytes();
    assert!(!db.windows(14).any(|w| w == b"jo-password-12"));
    assert!(db.windows(9).any(|w| w == b"$argon2id"));
}

#[test]
fn session_cookies_are_secure_when_the_service_listens_beyond_loopback() {
    let mut srv = Server::start(USERS, &["--listen", "0.0.0.0:0"]);
    // 0.0.0.0 is reachable as 127.0.0.1 here; what counts is the address the service listens on
    srv.url = srv.url.replace("0.0.0.0", "127.0.0.1");
    let a = srv.try_login("jo", "jo-password-12");
    let cookie = a.header("set-cookie").expect("cookie");
    assert!(cookie.contains("; Secure") && cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), "{}", cookie);
}

#[test]
fn signing_out_ends_the_session() {
    let srv = Server::start(USERS, &[]);
    let jo = srv.login("jo", "jo-password-12");
    assert_eq!(srv.send("GET", "/api/me", &[("cookie", &jo.cookie)], None).status, 200);
    assert_eq!(srv.write(&jo, "POST", "/api/logout", "application/json", b"{}").status, 200);
    assert_eq!(srv.send("GET", "/api/me", &[("cookie", &jo.cookie)], None).status, 401, "the old cookie is dead");
    let before = srv.snapshot();
    assert_eq!(srv.create_chart(&jo, "after-logout", "x").status, 401);
    assert_eq!(srv.snapshot(), before);
}

#[test]
fn an_invalid_feed_is_refused_with_the_validators_located_messages() {
    let (srv, jo) = setup();
    let before = srv.snapshot();
    let bad = r#"{"version":1,"datasets":[{"id":"a","title":"T","kind":"column","categories":["x"],"series":[{"name":"s","values":["12"]}]}]}"#;
    let a = srv.publish(&jo, "placements", bad, "bad");
    assert_eq!(a.status, 422, "{}", a.body);
    assert_eq!(srv.snapshot(), before);
    // the same words, line and column as `newschart validate`
    let dir = super::server::TempDir::new("bad-feed");
    let file = dir.0.join("bad.json");
    std::fs::write(&file, bad).expect("write");
    let out = Command::new(bin()).args(["validate", "--locale", "en"]).arg(&file).output().expect("validate");
    let cli: Vec<String> = String::from_utf8_lossy(&out.stderr).lines().map(|l| l.strip_prefix(&format!("{}:", file.display())).unwrap_or(l).to_string()).collect();
    let served: Vec<String> = a.json()["problems"]
        .as_array()
        .expect("problems")
        .iter()
        .map(|p| format!("{}:{}: {}: {}", p["line"], p["column"], p["severity"].as_str().unwrap_or(""), p["en"].as_str().unwrap_or("")))
        .collect();
    assert!(!served.is_empty());
    assert_eq!(served, cli);
    // a CSV that does not make a feed is refused the same way
    let csv = srv.write(&jo, "POST", "/api/charts/placements/versions?name=empty.csv", "text/csv", b"");
    assert_eq!(csv.status, 422, "{}", csv.body);
    assert_eq!(srv.snapshot(), before);
}

#[test]
fn only_an_admin_adds_users() {
    let srv = Server::start(USERS, &[]);
    let body = br#"{"name":"new-reporter","role":"journalist","desk":"county","password":"new-password-1"}"#;
    for (name, password) in [("jo", "jo-password-12"), ("ana", "ana-password-1")] {
        let s = srv.login(name, password);
        let before = srv.snapshot();
        assert_eq!(srv.write(&s, "POST", "/api/users", "application/json", body).status, 403, "{} may not add users", name);
        assert_eq!(srv.snapshot(), before);
    }
    assert_eq!(srv.try_login("new-reporter", "new-password-1").status, 401);
    let root = srv.login("root", "root-password-1");
    let weak = br#"{"name":"weak","role":"journalist","desk":"county","password":"short"}"#;
    assert_eq!(srv.write(&root, "POST", "/api/users", "application/json", weak).status, 400, "no short passwords");
    assert_eq!(srv.write(&root, "POST", "/api/users", "application/json", body).status, 201);
    assert_eq!(srv.write(&root, "POST", "/api/users", "application/json", body).status, 409);
    srv.login("new-reporter", "new-password-1");
}
