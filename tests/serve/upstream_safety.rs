//! Live data sources fetched safely: over HTTPS with a certificate the service trusts (a CA made
//! here with the openssl command line, given with `--upstream-ca`; never by turning verification
//! off), internal addresses refused unless `--allow-upstream-host` names the host, and the body
//! and the fetch time capped. Each refusal leaves the live version as it was and says why in
//! words on the chart's page (`source.last_error`).

use std::net::IpAddr;
use std::path::Path;
use std::process::Command;

use newschart::serve::fetch;
use newschart::serve::validate::{self, Upload};

use super::server::{example, Server, Session, TempDir};
use super::upstream::{chart, eventually, set_source, Static};

const USERS: &[(&str, &str, &str, &str)] = &[("ana", "editor", "county", "ana-password-1")];
const CSV: &str = "year,placed\n2021,10\n2022,12\n";

fn openssl(dir: &Path, args: &[&str]) {
    let o = Command::new("openssl").current_dir(dir).args(args).output().expect("the openssl command (needed by this test)");
    assert!(o.status.success(), "openssl {:?}: {}", args, String::from_utf8_lossy(&o.stderr));
}

/// A CA `NAME-ca.pem` and a server certificate `NAME.pem` (key `NAME.key`) it signs for
/// 127.0.0.1 and localhost.
fn make_ca_and_server(dir: &Path, name: &str) {
    let (ca, ca_key, key, csr, cert, ext) = (format!("{}-ca.pem", name), format!("{}-ca.key", name), format!("{}.key", name), format!("{}.csr", name), format!("{}.pem", name), format!("{}.ext", name));
    openssl(dir, &["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", &ca_key, "-out", &ca, "-days", "2", "-subj", &format!("/CN={} test CA", name), "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign"]);
    openssl(dir, &["req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", &key, "-out", &csr, "-subj", "/CN=localhost"]);
    std::fs::write(dir.join(&ext), "basicConstraints=CA:FALSE\nsubjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n").expect("ext");
    openssl(dir, &["x509", "-req", "-in", &csr, "-CA", &ca, "-CAkey", &ca_key, "-CAcreateserial", "-out", &cert, "-days", "2", "-extfile", &ext]);
}

/// A chart with one version published by hand, as the live one a source must not break.
fn chart_with_live(srv: &Server, s: &Session, id: &str) -> String {
    assert_eq!(srv.create_chart(s, id, id).status, 201);
    assert_eq!(srv.publish(s, id, &example("assistance-donut.json"), "by hand").status, 201);
    srv.get(&format!("/feeds/{}.json", id)).body
}

fn error_of(srv: &Server, s: &Session, id: &str) -> String {
    chart(srv, s, id)["source"]["last_error"].as_str().unwrap_or("").to_string()
}

/// Waits for the chart's source to report a problem containing `words`; says what it reported.
fn wait_error(srv: &Server, s: &Session, id: &str, words: &str) -> String {
    let mut last = String::new();
    let start = std::time::Instant::now();
    while !last.contains(words) {
        assert!(start.elapsed() < std::time::Duration::from_secs(60), "waited 60 s for {}'s source to report {:?}; it reports {:?}", id, words, last);
        std::thread::sleep(std::time::Duration::from_millis(200));
        last = error_of(srv, s, id);
    }
    last
}

fn assert_live_kept(srv: &Server, s: &Session, id: &str, live: &str) {
    assert_eq!(srv.get(&format!("/feeds/{}.json", id)).body, live, "{}: the live version was replaced", id);
    assert_eq!(chart(srv, s, id)["versions"].as_array().map(Vec::len), Some(1), "{}: a version was added", id);
}

#[test]
fn https_sources_need_a_certificate_the_service_trusts() {
    let certs = TempDir::new("tls");
    make_ca_and_server(&certs.0, "trusted");
    make_ca_and_server(&certs.0, "other");
    let files = TempDir::new("tls-files");
    std::fs::write(files.0.join("placed.csv"), CSV).expect("csv");
    let pem = |n: &str| certs.0.join(n).to_string_lossy().into_owned();
    let good = Static::start_with(&files.0, &["--tls", &pem("trusted.pem"), &pem("trusted.key")], "https");
    let bad = Static::start_with(&files.0, &["--tls", &pem("other.pem"), &pem("other.key")], "https");
    let srv = Server::start(USERS, &["--upstream-ca", &pem("trusted-ca.pem"), "--allow-upstream-host", "127.0.0.1"]);
    let s = srv.login("ana", "ana-password-1");

    // signed by the CA the service was given: read over TLS and published
    srv.create_chart(&s, "placements", "Placements");
    assert_eq!(set_source(&srv, &s, "placements", &format!("{}/placed.csv", good.1)), 200);
    eventually("the CSV over https to be published", || srv.get("/feeds/placements.json").status == 200);
    assert!(srv.get("/feeds/placements.json").body.contains("placed"));
    assert_eq!(chart(&srv, &s, "placements")["versions"][0]["author"], "upstream");

    // the same file behind a certificate of another CA: refused, in words, the live version kept
    let live = chart_with_live(&srv, &s, "county");
    assert_eq!(set_source(&srv, &s, "county", &format!("{}/placed.csv", bad.1)), 200);
    let e = wait_error(&srv, &s, "county", "TLS");
    assert!(e.contains("certificate") && e.contains("--upstream-ca") && e.contains(&bad.1), "{}", e);
    assert_live_kept(&srv, &s, "county", &live);

    // and without --upstream-ca the test CA is not trusted either (Mozilla's roots only)
    let plain = Server::start(USERS, &["--allow-upstream-host", "127.0.0.1"]);
    let p = plain.login("ana", "ana-password-1");
    let live = chart_with_live(&plain, &p, "county");
    assert_eq!(set_source(&plain, &p, "county", &format!("{}/placed.csv", good.1)), 200);
    wait_error(&plain, &p, "county", "TLS");
    assert_live_kept(&plain, &p, "county", &live);
}

#[test]
fn sources_on_internal_addresses_are_refused_unless_the_host_is_allowed() {
    let files = TempDir::new("ssrf-files");
    std::fs::write(files.0.join("placed.csv"), CSV).expect("csv");
    let local = Static::start(&files.0);
    let port = local.1.rsplit(':').next().expect("port").to_string();
    let srv = Server::start(USERS, &[]);
    let s = srv.login("ana", "ana-password-1");
    let live = chart_with_live(&srv, &s, "office");
    // (address in the URL, what the error must name): a file that would publish if it were read
    for (url, words) in [
        (format!("http://127.0.0.1:{}/placed.csv", port), "a loopback address"),
        (format!("http://localhost:{}/placed.csv", port), "a loopback address"),
        (format!("http://[::1]:{}/placed.csv", port), "a loopback address"),
        (format!("http://[::ffff:127.0.0.1]:{}/placed.csv", port), "a loopback address"),
        (format!("http://0.0.0.0:{}/placed.csv", port), "an unspecified address"),
        ("http://10.1.2.3/placed.csv".to_string(), "a private address"),
        ("http://172.16.5.4/placed.csv".to_string(), "a private address"),
        ("http://192.168.1.1/placed.csv".to_string(), "a private address"),
        ("http://169.254.169.254/latest/meta-data".to_string(), "a link-local address"),
        ("http://100.64.0.1/placed.csv".to_string(), "a shared (carrier-grade NAT) address"),
        ("http://224.0.0.1/placed.csv".to_string(), "a multicast or broadcast address"),
        ("http://[fe80::1]/placed.csv".to_string(), "a link-local address"),
        ("http://[fd00::1]/placed.csv".to_string(), "a private address"),
        ("http://[::]/placed.csv".to_string(), "an unspecified address"),
        ("http://[ff02::1]/placed.csv".to_string(), "a multicast address"),
    ] {
        assert_eq!(set_source(&srv, &s, "office", &url), 200, "{}", url);
        let e = wait_error(&srv, &s, "office", &url);
        assert!(e.contains("refused") && e.contains(words) && e.contains("--allow-upstream-host"), "{}: {}", url, e);
        assert_live_kept(&srv, &s, "office", &live);
    }

    // a newsroom's own host, named: allowed; the same server by another name still refused
    let allowed = Server::start(USERS, &["--allow-upstream-host", "localhost"]);
    let a = allowed.login("ana", "ana-password-1");
    allowed.create_chart(&a, "inside", "Inside");
    assert_eq!(set_source(&allowed, &a, "inside", &format!("http://localhost:{}/placed.csv", port)), 200);
    eventually("the allowed host's CSV to be published", || allowed.get("/feeds/inside.json").status == 200);
    let live = chart_with_live(&allowed, &a, "other");
    let by_ip = format!("http://127.0.0.1:{}/placed.csv", port);
    assert_eq!(set_source(&allowed, &a, "other", &by_ip), 200);
    wait_error(&allowed, &a, "other", &by_ip);
    assert_live_kept(&allowed, &a, "other", &live);

    // an allowed host that redirects to an address not allowed: the redirect's target is checked
    let hop = Static::start_with(&files.0, &["--redirect", &by_ip], "http");
    let hop_port = hop.1.rsplit(':').next().expect("port").to_string();
    let live = chart_with_live(&allowed, &a, "hops");
    assert_eq!(set_source(&allowed, &a, "hops", &format!("http://localhost:{}/placed.csv", hop_port)), 200);
    let e = wait_error(&allowed, &a, "hops", "refused");
    assert!(e.contains("127.0.0.1 is 127.0.0.1, a loopback address"), "{}", e);
    assert_live_kept(&allowed, &a, "hops", &live);
}

#[test]
fn the_address_check_knows_public_from_internal() {
    for ip in ["8.8.8.8", "1.1.1.1", "93.184.216.34", "100.128.0.1", "2606:4700:4700::1111", "2001:db8:1::1"] {
        assert!(fetch::is_public(ip.parse::<IpAddr>().expect("ip")), "{} is public", ip);
    }
    for ip in ["127.0.0.1", "127.8.9.10", "10.0.0.1", "172.31.255.255", "192.168.0.1", "169.254.1.1", "0.0.0.0", "0.1.2.3", "224.0.0.251", "255.255.255.255", "100.64.0.1", "100.127.255.255", "::1", "::", "fe80::1", "fc00::1", "fd12:3456::1", "fec0::1", "ff02::1", "::ffff:10.0.0.1", "::ffff:127.0.0.1"] {
        assert!(!fetch::is_public(ip.parse::<IpAddr>().expect("ip")), "{} is internal", ip);
    }
}

#[test]
fn an_over_large_or_slow_upstream_is_refused_and_the_live_version_kept() {
    let files = TempDir::new("caps-files");
    let big: String = std::iter::once("year,placed\n".to_string()).chain((1000..1400).map(|y| format!("{},{}\n", y, y % 97))).collect();
    assert!(big.len() > 3000, "{}", big.len());
    if let Err(problems) = validate::check(Upload::Table(big.as_bytes(), Some("big.csv"))) {
        panic!("the big copy is a valid table, only its size is refused: {:?}", problems.iter().map(|p| p.en.clone()).collect::<Vec<_>>());
    }
    std::fs::write(files.0.join("big.csv"), &big).expect("csv");
    std::fs::write(files.0.join("placed.csv"), CSV).expect("csv");
    let quick = Static::start(&files.0);
    let slow = Static::start_with(&files.0, &["--slow", "8"], "http");
    let srv = Server::start(USERS, &["--allow-upstream-host", "127.0.0.1", "--upstream-max-bytes", "2000", "--upstream-timeout", "2"]);
    let s = srv.login("ana", "ana-password-1");

    let live = chart_with_live(&srv, &s, "big");
    assert_eq!(set_source(&srv, &s, "big", &format!("{}/big.csv", quick.1)), 200);
    wait_error(&srv, &s, "big", "larger than 2000 bytes");
    assert_live_kept(&srv, &s, "big", &live);

    let live = chart_with_live(&srv, &s, "slow");
    assert_eq!(set_source(&srv, &s, "slow", &format!("{}/placed.csv", slow.1)), 200);
    wait_error(&srv, &s, "slow", "no complete answer within 2 s");
    assert_live_kept(&srv, &s, "slow", &live);

    // the same small file, answered in time: published (the caps refuse only what they should)
    srv.create_chart(&s, "small", "Small");
    assert_eq!(set_source(&srv, &s, "small", &format!("{}/placed.csv", quick.1)), 200);
    eventually("the small copy to be published", || srv.get("/feeds/small.json").status == 200);
}
