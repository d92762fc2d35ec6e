//! `--public-url`: a service behind a TLS-terminating proxy listens on plain HTTP on loopback,
//! yet its cookie is `Secure`, a write must come from the public origin, and `--demo` prints the
//! public addresses. Real HTTP to the service, sending what a browser behind the proxy sends.

use super::server::{example, Server, TempDir};

const USERS: &[(&str, &str, &str, &str)] = &[("jo", "journalist", "county", "jo-password-12")];

#[test]
fn behind_an_https_proxy_the_session_cookie_is_secure() {
    let mut srv = Server::start(USERS, &["--public-url", "https://charts.example.org"]);
    assert!(srv.url.starts_with("http://127.0.0.1:"), "{}", srv.url);
    srv.origin = "https://charts.example.org".into();
    let a = srv.try_login("jo", "jo-password-12");
    let cookie = a.header("set-cookie").expect("cookie");
    assert!(cookie.contains("; Secure") && cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), "{}", cookie);
    // an http public address (a newsroom's intranet): no Secure, or the browser would drop it
    let plain = Server::start(USERS, &["--public-url", "http://charts.intranet:8080/"]);
    let cookie = plain.try_login("jo", "jo-password-12").header("set-cookie").expect("cookie").to_string();
    assert!(!cookie.contains("Secure"), "{}", cookie);
}

#[test]
fn behind_a_proxy_writes_must_come_from_the_public_origin() {
    let mut srv = Server::start(USERS, &["--public-url", "https://Charts.Example.org:443/newsroom/"]);
    srv.origin = "https://charts.example.org".into();
    let jo = srv.login("jo", "jo-password-12");
    assert_eq!(srv.create_chart(&jo, "placements", "Placements").status, 201, "the public origin may write");
    assert_eq!(srv.publish(&jo, "placements", &example("assistance-donut.json"), "first").status, 201);
    let before = srv.snapshot();
    // the Host the proxy forwards to (the service's own address) is no longer the origin
    for origin in [srv.url.clone(), "http://charts.example.org".into(), "https://charts.example.org:8443".into(), "https://evil.example".into()] {
        let h = [("cookie", jo.cookie.as_str()), ("x-csrf-token", jo.csrf.as_str()), ("origin", origin.as_str()), ("content-type", "application/json")];
        let a = srv.send("POST", "/api/charts/placements/versions?note=x", &h, Some(example("monitoring-grouped.json").as_bytes()));
        assert_eq!(a.status, 403, "Origin {}: {}", origin, a.body);
        assert!(a.body.contains("cross-site"), "{}", a.body);
        let login = srv.send("POST", "/api/login", &[("content-type", "application/json"), ("origin", origin.as_str())], Some(br#"{"name":"jo","password":"jo-password-12"}"#));
        assert_eq!(login.status, 403, "sign-in from {}", origin);
    }
    assert_eq!(srv.snapshot(), before, "nothing changed");
}

#[test]
fn the_demo_prints_the_public_addresses() {
    let dir = TempDir::new("demo-public");
    let data = dir.0.join("demo.db").to_string_lossy().into_owned();
    let srv = Server::start_on(dir, data, &[], &["--demo", "--public-url", "https://charts.example.org/newsroom/"]);
    for id in ["employment", "toilets", "hamlets"] {
        let snippet = format!("<news-chart src=\"https://charts.example.org/newsroom/feeds/{}.json\" refresh=\"60\"></news-chart>", id);
        assert!(srv.banner.iter().any(|l| l.contains(&snippet)), "{} in {:?}", snippet, srv.banner);
    }
    assert!(srv.banner.iter().all(|l| !l.contains("127.0.0.1")), "{:?}", srv.banner);
}
