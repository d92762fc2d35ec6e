//! The service's commands (cargo feature `serve`): `serve`, `user add`, `publish`.
//! docs/SERVICE.md has the design.

use std::io::{BufRead, IsTerminal};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use newschart::serve::{self, accounts, store::Store};

const DEFAULT_DATA: &str = "./newsroom.db";
const DEFAULT_SERVER: &str = "http://127.0.0.1:8080";

/// Runs `serve`, `user` or `publish` with their arguments.
pub fn main(command: &str, args: &[String]) -> ExitCode {
    let result = match command {
        "serve" => serve_command(args),
        "user" => user_command(args),
        "token" => token_command(args),
        "backup" => backup_command(args),
        "restore" => restore_command(args),
        "bench" => bench_command(args),
        _ => publish_command(args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err((code, msg)) => {
            eprintln!("newschart {}: {}", command, msg);
            if code == 2 {
                eprintln!("(newschart help {} shows its options)", command);
            }
            ExitCode::from(code)
        }
    }
}

type Outcome = Result<(), (u8, String)>;

fn usage(msg: impl Into<String>) -> (u8, String) {
    (2, msg.into())
}

fn failed(msg: impl Into<String>) -> (u8, String) {
    (1, msg.into())
}

/// Splits `--flag value` pairs (flags in `flags`) and `--switch`es (in `switches`, kept in the
/// pairs with an empty value) from positional arguments. An unknown option is refused with the
/// list of the known ones, which the tests compare with `newschart help COMMAND`.
fn parse<'a>(args: &'a [String], flags: &[&str], switches: &[&'a str]) -> Result<(Vec<(&'a str, &'a str)>, Vec<&'a str>), (u8, String)> {
    let (mut opts, mut rest) = (Vec::new(), Vec::new());
    let mut it = args.iter();
    while let Some(a) = it.next() {
        if flags.contains(&a.as_str()) {
            let Some(v) = it.next() else { return Err(usage(format!("{} needs a value", a))) };
            opts.push((a.as_str(), v.as_str()));
        } else if let Some(s) = switches.iter().find(|s| **s == a) {
            opts.push((*s, ""));
        } else if a.starts_with("--") {
            let known: Vec<&str> = flags.iter().chain(switches).copied().collect();
            return Err(usage(format!("no option {}; the options are: {}", a, known.join(" "))));
        } else {
            rest.push(a.as_str());
        }
    }
    Ok((opts, rest))
}

fn opt<'a>(opts: &[(&str, &'a str)], name: &str) -> Option<&'a str> {
    opts.iter().rev().find(|(k, _)| *k == name).map(|(_, v)| *v)
}

fn runtime() -> Result<tokio::runtime::Runtime, (u8, String)> {
    tokio::runtime::Builder::new_multi_thread().enable_all().build().map_err(|e| failed(format!("cannot start: {}", e)))
}

/// `newschart serve [--data PATH|postgres://…] [--listen ADDR] [--publish-dir DIR] [--max-upload BYTES] [--demo] [--www DIR] [--pkg DIR] [--public-url URL]
/// [--upstream-ca FILE] [--allow-upstream-host HOST]… [--upstream-max-bytes BYTES] [--upstream-timeout S]`
fn serve_command(args: &[String]) -> Outcome {
    let (opts, rest) = parse(args, &["--data", "--listen", "--publish-dir", "--max-upload", "--www", "--pkg", "--public-url", "--upstream-ca", "--allow-upstream-host", "--upstream-max-bytes", "--upstream-timeout"], &["--demo"])?;
    let demo = opt(&opts, "--demo").is_some();
    if let Some(r) = rest.first() {
        return Err(usage(format!("unexpected argument {}", r)));
    }
    let listen: SocketAddr = opt(&opts, "--listen").unwrap_or("127.0.0.1:8080").parse().map_err(|_| usage("--listen takes an address such as 127.0.0.1:8080"))?;
    let max_upload = match opt(&opts, "--max-upload") {
        Some(v) => v.parse().map_err(|_| usage("--max-upload takes a number of bytes"))?,
        None => serve::MAX_UPLOAD,
    };
    let ca_pem = match opt(&opts, "--upstream-ca") {
        Some(f) => Some(std::fs::read(f).map_err(|e| failed(format!("--upstream-ca {}: {}", f, e)))?),
        None => None,
    };
    let upstream_max = match opt(&opts, "--upstream-max-bytes") {
        Some(v) => v.parse().map_err(|_| usage("--upstream-max-bytes takes a number of bytes"))?,
        None => max_upload,
    };
    let timeout = match opt(&opts, "--upstream-timeout") {
        Some(v) => std::time::Duration::from_secs(v.parse().ok().filter(|s| (1..=3600).contains(s)).ok_or_else(|| usage("--upstream-timeout takes 1 to 3600 seconds"))?),
        None => serve::fetch::TIMEOUT,
    };
    let upstream = serve::fetch::Options {
        ca_pem,
        allow_hosts: opts.iter().filter(|(k, _)| *k == "--allow-upstream-host").map(|(_, v)| v.to_string()).collect(),
        max_bytes: upstream_max,
        timeout,
    };
    let config = serve::Config {
        data: opt(&opts, "--data").unwrap_or(DEFAULT_DATA).to_string(),
        listen,
        publish_dir: opt(&opts, "--publish-dir").map(PathBuf::from),
        max_upload,
        demo,
        www: opt(&opts, "--www").map(PathBuf::from),
        pkg: opt(&opts, "--pkg").map(PathBuf::from),
        public_url: opt(&opts, "--public-url").map(serve::public_url::parse).transpose().map_err(usage)?,
        upstream,
        measure: static_measure(),
    };
    runtime()?.block_on(serve::run(config)).map_err(failed)
}

/// The static images' text measure: the fonts a browser on this machine draws charts in, as for
/// `render --static` (src/bin/newschart/measure.rs).
fn static_measure() -> serve::statics::Measure {
    let m = crate::measure::SystemMeasure::find();
    if m.faces() < 2 {
        eprintln!("newschart serve: warning: the system-ui and CJK fonts were not both found: static images are laid out with estimated text widths, and live charts may not fall exactly on them");
    }
    std::sync::Arc::new(m)
}

/// Reads a new password: asked twice at a terminal, else the first line of stdin; there is no
/// default.
fn read_password(name: &str) -> Result<String, (u8, String)> {
    let password = if std::io::stdin().is_terminal() {
        let p = rpassword::prompt_password(format!("password for {}: ", name)).map_err(|e| failed(e.to_string()))?;
        let again = rpassword::prompt_password("again: ").map_err(|e| failed(e.to_string()))?;
        if p != again {
            return Err(failed("the two passwords differ"));
        }
        p
    } else {
        let mut line = String::new();
        std::io::stdin().lock().read_line(&mut line).map_err(|e| failed(e.to_string()))?;
        line.trim_end_matches(['\n', '\r']).to_string()
    };
    if password.chars().count() < accounts::MIN_PASSWORD {
        return Err(failed(format!("a password has at least {} characters", accounts::MIN_PASSWORD)));
    }
    Ok(password)
}

/// Opens the store of `--data`, runs `f`, closes it.
fn with_store<T>(opts: &[(&str, &str)], f: impl AsyncFnOnce(&Store) -> Result<T, (u8, String)>) -> Result<T, (u8, String)> {
    let data = opt(opts, "--data").unwrap_or(DEFAULT_DATA).to_string();
    runtime()?.block_on(async {
        let store = Store::open(&data).await.map_err(|e| failed(format!("{}: {}", data, e)))?;
        let r = f(&store).await;
        store.close().await;
        r
    })
}

fn store_failed(what: &str, e: serve::store::StoreError) -> (u8, String) {
    match e {
        serve::store::StoreError::NotFound => failed(format!("{}: no such user or token (or already done)", what)),
        e => failed(format!("{}: {}", what, e)),
    }
}

/// `newschart user add NAME --role journalist|editor|admin [--desk DESK]`, `user list`,
/// `user passwd NAME`, `user disable NAME`, each with `[--data …]`; written straight into the
/// database and audited as done by `cli`.
fn user_command(args: &[String]) -> Outcome {
    let (opts, rest) = parse(args, &["--role", "--desk", "--data"], &[])?;
    match rest.as_slice() {
        ["add", name] => {
            let role = opt(&opts, "--role").ok_or_else(|| usage("user add needs --role journalist|editor|admin"))?;
            let role = accounts::Role::from_name(role).ok_or_else(|| usage(format!("--role {}: journalist, editor or admin", role)))?;
            if !serve::http::valid_user_name(name) {
                return Err(usage("a user name is letters, digits, - _ and ., at most 64"));
            }
            let desk = opt(&opts, "--desk").unwrap_or("newsroom");
            let password = read_password(name)?;
            with_store(&opts, async |store| accounts::add_user(store, name, role, desk, &password, "cli").await.map_err(|e| failed(format!("{}: {}", name, e))))?;
            println!("added {} ({}, desk {})", name, role.name(), desk);
        }
        ["list"] => {
            for u in with_store(&opts, async |store| accounts::users(store).await.map_err(|e| failed(e.to_string())))? {
                println!("{}\t{}\t{}\t{}", u.name, u.role, u.desk, if u.disabled_at.is_some() { "disabled" } else { "active" });
            }
        }
        ["passwd", name] => {
            let password = read_password(name)?;
            with_store(&opts, async |store| accounts::set_password(store, name, &password, "cli").await.map_err(|e| store_failed(name, e)))?;
            println!("changed the password of {} (their sessions ended)", name);
        }
        ["disable", name] => {
            with_store(&opts, async |store| accounts::disable_user(store, name, "cli").await.map_err(|e| store_failed(name, e)))?;
            println!("disabled {}: their sessions and tokens stopped working", name);
        }
        _ => return Err(usage("write: user add NAME --role journalist|editor|admin [--desk DESK], user list, user passwd NAME or user disable NAME")),
    }
    Ok(())
}

/// `newschart token list` and `newschart token revoke ID`, with `[--data …]`: the API tokens
/// (never their secrets, which are not stored), revoked as `cli` in the audit log.
fn token_command(args: &[String]) -> Outcome {
    let (opts, rest) = parse(args, &["--data"], &[])?;
    match rest.as_slice() {
        ["list"] => {
            for t in with_store(&opts, async |store| accounts::tokens(store).await.map_err(|e| failed(e.to_string())))? {
                println!("{}\t{}\t{}\t{}", t.id, t.user, t.scope, if t.revoked_at.is_some() { "revoked" } else { "active" });
            }
        }
        ["revoke", id] => {
            let cli = accounts::Caller { name: "cli".into(), role: accounts::Role::Admin, desk: String::new(), scope: None };
            with_store(&opts, async |store| accounts::revoke_token(store, &cli, id).await.map_err(|e| store_failed(id, e)))?;
            println!("revoked token {}", id);
        }
        _ => return Err(usage("write: token list or token revoke ID")),
    }
    Ok(())
}

/// `newschart backup [--data …] > FILE`: every table as JSON lines on stdout.
fn backup_command(args: &[String]) -> Outcome {
    let (opts, rest) = parse(args, &["--data"], &[])?;
    if let Some(r) = rest.first() {
        return Err(usage(format!("unexpected argument {} (the backup goes to stdout)", r)));
    }
    let data = opt(&opts, "--data").unwrap_or(DEFAULT_DATA).to_string();
    let count = runtime()?.block_on(async {
        let store = Store::open(&data).await.map_err(|e| failed(format!("{}: {}", data, e)))?;
        let mut out = std::io::BufWriter::new(std::io::stdout().lock());
        let r = serve::backup::backup(&store, &mut out).await;
        store.close().await;
        let n = r.map_err(|e| failed(e.to_string()))?;
        std::io::Write::flush(&mut out).map_err(|e| failed(e.to_string()))?;
        Ok::<usize, (u8, String)>(n)
    })?;
    eprintln!("backed up {} rows of {}", count, data);
    Ok(())
}

/// `newschart restore [--data …] < FILE`: a backup into an empty database.
fn restore_command(args: &[String]) -> Outcome {
    let (opts, rest) = parse(args, &["--data"], &[])?;
    if let Some(r) = rest.first() {
        return Err(usage(format!("unexpected argument {} (the backup comes from stdin)", r)));
    }
    let data = opt(&opts, "--data").unwrap_or(DEFAULT_DATA).to_string();
    let count = runtime()?.block_on(async {
        let store = Store::open(&data).await.map_err(|e| failed(format!("{}: {}", data, e)))?;
        let r = serve::backup::restore(&store, std::io::stdin().lock()).await;
        store.close().await;
        r.map_err(|e| failed(e.to_string()))
    })?;
    println!("restored {} rows into {}", count, data);
    Ok(())
}

/// `newschart bench URL [--readers 100] [--seconds 10] [--interval-ms 1000]`: readers polling a
/// feed with If-None-Match; prints requests/s and the latency quantiles. A measurement, not a test.
fn bench_command(args: &[String]) -> Outcome {
    let (opts, rest) = parse(args, &["--readers", "--seconds", "--interval-ms"], &[])?;
    let [url] = rest.as_slice() else { return Err(usage("bench takes one feed URL")) };
    let num = |name: &str, default: u64| -> Result<u64, (u8, String)> {
        opt(&opts, name).map_or(Ok(default), |v| v.parse().map_err(|_| usage(format!("{} takes a whole number", name))))
    };
    let (readers, seconds, interval) = (num("--readers", 100)?, num("--seconds", 10)?, num("--interval-ms", 1000)?);
    let r = serve::load::poll(url, readers as usize, std::time::Duration::from_secs(seconds), std::time::Duration::from_millis(interval), std::time::Instant::now());
    println!("{} readers polling {} every {} ms for {} s", readers, url, interval, seconds);
    println!("requests: {} ({:.0}/s), 200: {}, 304: {}, errors: {}", r.requests, r.per_second(), r.ok, r.not_modified, r.errors);
    println!("latency: p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms", r.quantile_us(0.5) as f64 / 1000.0, r.quantile_us(0.99) as f64 / 1000.0, r.quantile_us(1.0) as f64 / 1000.0);
    for e in &r.error_samples {
        println!("error: {}", e);
    }
    if r.errors > 0 {
        return Err(failed(format!("{} errors", r.errors)));
    }
    Ok(())
}

/// `newschart publish DATA.csv|DATA.xlsx|FEED.json --chart ID [--note …] [--server URL]`, with the
/// token in `NEWSCHART_TOKEN` (never on the command line, where `ps` would show it).
fn publish_command(args: &[String]) -> Outcome {
    let (opts, rest) = parse(args, &["--chart", "--note", "--server"], &[])?;
    let [file] = rest.as_slice() else { return Err(usage("publish takes one file: DATA.csv, DATA.xlsx or FEED.json")) };
    let chart = opt(&opts, "--chart").ok_or_else(|| usage("publish needs --chart ID"))?;
    if !serve::slug::is_valid(chart) {
        return Err(usage(format!("--chart {}: a chart id is a slug (a-z, 0-9, -)", chart)));
    }
    let token = std::env::var("NEWSCHART_TOKEN").map_err(|_| usage("set NEWSCHART_TOKEN to an API token (the builder shows it once)"))?;
    let server = opt(&opts, "--server").map(str::to_string).or_else(|| std::env::var("NEWSCHART_SERVER").ok()).unwrap_or_else(|| DEFAULT_SERVER.to_string());
    let bytes = std::fs::read(file).map_err(|e| failed(format!("{}: {}", file, e)))?;
    let lower = file.to_ascii_lowercase();
    let kind = if lower.ends_with(".json") {
        "application/json"
    } else if lower.ends_with(".xlsx") {
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    } else {
        "text/csv"
    };
    let name = std::path::Path::new(file).file_name().and_then(|n| n.to_str()).unwrap_or("data.csv");
    let url = format!("{}/api/charts/{}/versions", server.trim_end_matches('/'), chart);
    let agent = ureq::Agent::config_builder().http_status_as_error(false).build().new_agent();
    let mut response = agent
        .post(&url)
        .query("note", opt(&opts, "--note").unwrap_or(""))
        .query("name", name)
        .header("Authorization", &format!("Bearer {}", token))
        .header("Content-Type", kind)
        .send(&bytes[..])
        .map_err(|e| failed(format!("{}: {}", url, e)))?;
    let status = response.status().as_u16();
    let text = response.body_mut().read_to_string().unwrap_or_default();
    let body: serde_json::Value = serde_json::from_str(&text).unwrap_or(serde_json::Value::Null);
    if status == 201 {
        println!("{}: published version {} of {}", file, body["version"], chart);
        return Ok(());
    }
    if let Some(problems) = body["problems"].as_array() {
        for p in problems {
            let (line, column) = (p["line"].as_u64().unwrap_or(0), p["column"].as_u64().unwrap_or(0));
            let severity = p["severity"].as_str().unwrap_or("error");
            let en = p["en"].as_str().unwrap_or("");
            if line > 0 {
                eprintln!("{}:{}:{}: {}: {}", file, line, column, severity, en);
            } else {
                eprintln!("{}: {}: {}", file, severity, en);
            }
        }
    }
    Err(failed(format!("{} ({}): {}", chart, status, body["error"].as_str().unwrap_or("refused"))))
}
