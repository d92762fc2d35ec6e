//! `newschart backup` and `newschart restore`: a backup restored into an empty database serves
//! the same feeds, keeps the history, the audit log, the accounts and the tokens; on SQLite and
//! from SQLite into PostgreSQL.

use std::io::Write;
use std::process::{Command, Stdio};

use super::postgres;
use super::server::{bin, example, Server, TempDir};

const USERS: &[(&str, &str, &str, &str)] = &[("ana", "editor", "county", "ana-password-1")];

/// A newsroom with some past: two charts, versions from JSON and CSV, a rollback, a token.
fn newsroom() -> (Server, String) {
    let srv = Server::start(USERS, &[]);
    let s = srv.login("ana", "ana-password-1");
    srv.create_chart(&s, "placements", "Placements");
    srv.create_chart(&s, "investment", "Investment");
    srv.publish(&s, "placements", &example("assistance-donut.json"), "one");
    srv.publish(&s, "placements", &example("monitoring-grouped.json"), "two");
    assert_eq!(srv.write(&s, "POST", "/api/charts/placements/versions?note=csv&name=county.csv", "text/csv", b"year,placed\n2021,10\n2022,12\n").status, 201);
    srv.write(&s, "POST", "/api/charts/placements/rollback", "application/json", br#"{"version":2,"note":"back"}"#);
    srv.publish(&s, "investment", &example("employment-line-dates.json"), "one");
    let token = srv.write(&s, "POST", "/api/tokens", "application/json", br#"{"scope":"desk:county"}"#).json()["token"].as_str().expect("token").to_string();
    (srv, token)
}

fn backup(data: &str) -> Vec<u8> {
    let out = Command::new(bin()).args(["backup", "--data", data]).output().expect("backup runs");
    assert!(out.status.success(), "backup: {}", String::from_utf8_lossy(&out.stderr));
    out.stdout
}

fn restore(data: &str, bytes: &[u8]) -> Result<(), String> {
    let mut child = Command::new(bin()).args(["restore", "--data", data]).stdin(Stdio::piped()).stdout(Stdio::null()).stderr(Stdio::piped()).spawn().expect("restore runs");
    child.stdin.take().expect("stdin").write_all(bytes).expect("write");
    let out = child.wait_with_output().expect("restore");
    if out.status.success() {
        Ok(())
    } else {
        Err(String::from_utf8_lossy(&out.stderr).into_owned())
    }
}

/// Restores the newsroom's backup into `data` and checks the restored service against it.
fn restored_serves_the_same(data: String) {
    let (old, token) = newsroom();
    let bytes = backup(&old.data);
    restore(&data, &bytes).expect("restore into an empty database");
    let new = Server::start_on(TempDir::new("restored"), data.clone(), &[], &[]);
    assert_eq!(new.snapshot(), old.snapshot(), "histories, versions, live versions and audit log are the same");
    for id in ["placements", "investment"] {
        let (a, b) = (old.get(&format!("/feeds/{}.json", id)), new.get(&format!("/feeds/{}.json", id)));
        assert_eq!((b.status, b.header("etag"), &b.body), (200, a.header("etag"), &a.body), "{}: the same live feed", id);
    }
    for n in 1..=3 {
        assert_eq!(new.get(&format!("/feeds/placements/v{}.json", n)).body, old.get(&format!("/feeds/placements/v{}.json", n)).body);
    }
    // the accounts and the token came along; the CSV too
    let s = new.login("ana", "ana-password-1");
    let chart = new.send("GET", "/api/charts/placements", &[("cookie", &s.cookie)], None).json();
    assert_eq!(chart["versions"][2]["source_name"], "county.csv");
    let auth = format!("Bearer {}", token);
    let p = new.send("POST", "/api/charts/investment/versions?note=after", &[("authorization", &auth), ("content-type", "application/json")], Some(example("assistance-donut.json").as_bytes()));
    assert_eq!(p.status, 201, "the token works after a restore: {}", p.body);
    // a restore never goes into a database with data
    let before = new.snapshot();
    let again = restore(&data, &bytes);
    assert!(again.as_ref().is_err_and(|e| e.contains("not empty")), "{:?}", again);
    assert_eq!(new.snapshot(), before);
}

#[test]
fn sqlite_backup_restores_into_an_empty_database_and_serves_the_same_feeds() {
    let dir = TempDir::new("restore");
    let data = dir.0.join("restored.db").to_string_lossy().into_owned();
    restored_serves_the_same(data);
}

#[test]
fn postgres_a_sqlite_backup_restores_into_postgresql() {
    let Some(pg) = postgres::or_skip("postgres_a_sqlite_backup_restores_into_postgresql") else { return };
    restored_serves_the_same(pg.database("restored"));
}

#[test]
fn a_broken_backup_restores_nothing() {
    let (old, _) = newsroom();
    let mut bytes = backup(&old.data);
    // cut the last line in half: the restore must fail whole, not leave half a newsroom
    let cut = bytes.len() - 40;
    bytes.truncate(cut);
    let dir = TempDir::new("restore-broken");
    let data = dir.0.join("restored.db").to_string_lossy().into_owned();
    assert!(restore(&data, &bytes).is_err());
    assert_eq!(super::server::snapshot(&data), super::server::snapshot(&dir.0.join("empty.db").to_string_lossy()), "nothing restored");
}
