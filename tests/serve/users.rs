//! Managing accounts beyond `user add`, from the command line against the database of a running
//! service: `user list`, `user passwd`, `user disable` (sessions and tokens stop at once),
//! `token list`, `token revoke`; each audited.

use std::io::Write;
use std::process::{Command, Output, Stdio};

use super::server::{bin, example, Server};

const USERS: &[(&str, &str, &str, &str)] = &[("root", "admin", "county", "root-password-1"), ("jo", "journalist", "county", "jo-password-12")];

fn cli(srv: &Server, args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(bin()).args(args).args(["--data", &srv.data]).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().expect("newschart runs");
    child.stdin.take().expect("stdin").write_all(stdin.as_bytes()).expect("stdin");
    child.wait_with_output().expect("newschart")
}

fn ok(o: &Output) -> String {
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// The audit log's (actor, action, detail) of account changes.
fn account_audit(srv: &Server) -> Vec<(String, String, String)> {
    super::server::runtime().block_on(async {
        let store = newschart::serve::store::Store::open(&srv.data).await.expect("store");
        let a = store.audit_all().await.expect("audit");
        store.close().await;
        a.into_iter().filter(|e| e.action.starts_with("user.") || e.action.starts_with("token.")).map(|e| (e.actor, e.action, e.detail)).collect()
    })
}

/// jo with a chart, a session and a token for it.
fn jo_at_work(srv: &Server) -> (super::server::Session, String) {
    let jo = srv.login("jo", "jo-password-12");
    assert_eq!(srv.create_chart(&jo, "placements", "Placements").status, 201);
    assert_eq!(srv.publish(&jo, "placements", &example("assistance-donut.json"), "first").status, 201);
    let token = srv.write(&jo, "POST", "/api/tokens", "application/json", br#"{"scope":"chart:placements"}"#).json()["token"].as_str().expect("token").to_string();
    (jo, token)
}

fn token_publish(srv: &Server, token: &str) -> u16 {
    let auth = format!("Bearer {}", token);
    srv.send("POST", "/api/charts/placements/versions?note=script", &[("authorization", &auth), ("content-type", "application/json")], Some(example("monitoring-grouped.json").as_bytes())).status
}

#[test]
fn disabling_a_user_stops_their_sessions_and_tokens_at_once() {
    let srv = Server::start(USERS, &[]);
    let (jo, token) = jo_at_work(&srv);
    assert_eq!(srv.send("GET", "/api/me", &[("cookie", &jo.cookie)], None).status, 200);
    assert_eq!(token_publish(&srv, &token), 201, "the token works before");
    let list = ok(&cli(&srv, &["user", "list"], ""));
    assert!(list.lines().any(|l| l == "jo\tjournalist\tcounty\tactive"), "{}", list);

    let said = ok(&cli(&srv, &["user", "disable", "jo"], ""));
    assert!(said.contains("disabled jo"), "{}", said);
    let before = srv.snapshot();
    // the running service: the next request already fails, each kind of credential
    assert_eq!(srv.send("GET", "/api/me", &[("cookie", &jo.cookie)], None).status, 401, "the session is dead");
    assert_eq!(srv.publish(&jo, "placements", &example("monitoring-grouped.json"), "after").status, 401);
    assert_eq!(token_publish(&srv, &token), 401, "the token is dead");
    assert_eq!(srv.try_login("jo", "jo-password-12").status, 401, "no sign-in");
    assert_eq!(srv.snapshot(), before, "nothing changed");
    // the chart and its versions stay; the list says disabled; the audit log says who
    assert_eq!(srv.get("/feeds/placements.json").status, 200);
    assert!(ok(&cli(&srv, &["user", "list"], "")).lines().any(|l| l == "jo\tjournalist\tcounty\tdisabled"));
    assert!(account_audit(&srv).contains(&("cli".into(), "user.disable".into(), "jo".into())), "{:?}", account_audit(&srv));
    // twice, or someone unknown: refused
    assert_eq!(cli(&srv, &["user", "disable", "jo"], "").status.code(), Some(1));
    assert_eq!(cli(&srv, &["user", "disable", "nobody"], "").status.code(), Some(1));
}

#[test]
fn a_new_password_replaces_the_old_and_ends_the_sessions() {
    let srv = Server::start(USERS, &[]);
    let jo = srv.login("jo", "jo-password-12");
    assert_eq!(cli(&srv, &["user", "passwd", "jo"], "short\n").status.code(), Some(1), "too short");
    assert_eq!(srv.send("GET", "/api/me", &[("cookie", &jo.cookie)], None).status, 200, "a refused change changes nothing");
    ok(&cli(&srv, &["user", "passwd", "jo"], "a-new-password-2\n"));
    assert_eq!(srv.send("GET", "/api/me", &[("cookie", &jo.cookie)], None).status, 401, "the old session ended");
    assert_eq!(srv.try_login("jo", "jo-password-12").status, 401, "the old password is gone");
    srv.login("jo", "a-new-password-2");
    assert!(account_audit(&srv).contains(&("cli".into(), "user.passwd".into(), "jo".into())));
    let o = cli(&srv, &["user", "passwd", "nobody"], "a-new-password-2\n");
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("no such user"), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(cli(&srv, &["user", "frobnicate", "jo"], "").status.code(), Some(2));
}

#[test]
fn tokens_are_listed_and_revoked_from_the_command_line() {
    let srv = Server::start(USERS, &[]);
    let (_, token) = jo_at_work(&srv);
    let list = ok(&cli(&srv, &["token", "list"], ""));
    let line = list.lines().find(|l| l.contains("\tjo\tchart:placements\tactive")).unwrap_or_else(|| panic!("{}", list));
    let id = line.split('\t').next().expect("id").to_string();
    assert!(token.contains(&id), "the id is the token's public part");
    assert!(!list.contains(&token), "the secret is never shown again");
    ok(&cli(&srv, &["token", "revoke", &id], ""));
    let before = srv.snapshot();
    assert_eq!(token_publish(&srv, &token), 401, "revoked at once");
    assert_eq!(srv.snapshot(), before);
    assert!(ok(&cli(&srv, &["token", "list"], "")).contains(&format!("{}\tjo\tchart:placements\trevoked", id)));
    assert!(account_audit(&srv).contains(&("cli".into(), "token.revoke".into(), id.clone())));
    assert_eq!(cli(&srv, &["token", "revoke", &id], "").status.code(), Some(1), "already revoked");
}
