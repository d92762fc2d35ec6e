//! A real `newschart serve` on 127.0.0.1 (a free port) with a temporary data directory, and a
//! plain HTTP client for it.

use std::io::{BufRead, BufReader, Write};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicU32, Ordering};

use newschart::serve::store::Store;

static COUNTER: AtomicU32 = AtomicU32::new(0);

/// A fresh empty directory under the system's temp dir, removed by [`TempDir`]'s drop.
pub struct TempDir(pub PathBuf);

impl TempDir {
    pub fn new(what: &str) -> TempDir {
        let n = COUNTER.fetch_add(1, Ordering::SeqCst);
        let p = std::env::temp_dir().join(format!("newschart-{}-{}-{}", what, std::process::id(), n));
        let _ = std::fs::remove_dir_all(&p);
        std::fs::create_dir_all(&p).expect("temp dir");
        TempDir(p)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        if self.0.as_os_str().is_empty() {
            return; // moved out (Server::kill9)
        }
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

pub fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_newschart")
}

/// A running service.
pub struct Server {
    child: Child,
    pub url: String,
    /// The `Origin` the service's own pages send (`--public-url`'s origin behind a proxy).
    pub origin: String,
    pub data: String,
    pub publish_dir: PathBuf,
    pub dir: TempDir,
    /// What the service printed before `listening on`.
    pub banner: Vec<String>,
}

/// An HTTP answer.
pub struct Answer {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Answer {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({}): {}", e, self.body))
    }
}

/// A signed-in browser: its session cookie and CSRF token.
#[derive(Clone)]
pub struct Session {
    pub cookie: String,
    pub csrf: String,
}

impl Server {
    /// Starts the service with these users (name, role, desk, password) and extra options.
    pub fn start(users: &[(&str, &str, &str, &str)], extra: &[&str]) -> Server {
        let dir = TempDir::new("serve");
        let data = dir.0.join("newsroom.db").to_string_lossy().into_owned();
        Server::start_on(dir, data, users, extra)
    }

    /// Starts the service on `data` (a SQLite path or a postgres:// URL).
    pub fn start_on(dir: TempDir, data: String, users: &[(&str, &str, &str, &str)], extra: &[&str]) -> Server {
        for (name, role, desk, password) in users {
            add_user(&data, name, role, desk, password).expect("user add");
        }
        let publish_dir = dir.0.join("public");
        let mut child = Command::new(bin())
            .args(["serve", "--data", &data, "--listen", "127.0.0.1:0", "--publish-dir"])
            .arg(&publish_dir)
            .args(extra)
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("newschart serve starts");
        let mut out = BufReader::new(child.stdout.take().expect("stdout"));
        let mut banner = Vec::new();
        let url = loop {
            let mut line = String::new();
            let n = out.read_line(&mut line).expect("newschart serve prints its address");
            assert!(n > 0, "newschart serve stopped before listening; it said {:?}", banner);
            match line.trim().strip_prefix("listening on ") {
                Some(url) => break url.to_string(),
                None => banner.push(line.trim().to_string()),
            }
        };
        // keep draining stdout so the server never blocks on a full pipe
        std::thread::spawn(move || std::io::copy(&mut out, &mut std::io::sink()));
        Server { child, origin: url.clone(), url, data, publish_dir, dir, banner }
    }

    /// Sends a request; `headers` are extra (name, value) pairs.
    pub fn send(&self, method: &str, path: &str, headers: &[(&str, &str)], body: Option<&[u8]>) -> Answer {
        send(&self.url, method, path, headers, body).unwrap_or_else(|e| panic!("{} {}{}: {}", method, self.url, path, e))
    }

    /// Kills the service with SIGKILL, and gives back its folder and data to start another.
    pub fn kill9(mut self) -> (TempDir, String) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let dir = std::mem::replace(&mut self.dir, TempDir(PathBuf::new()));
        (dir, self.data.clone())
    }

    pub fn get(&self, path: &str) -> Answer {
        self.send("GET", path, &[], None)
    }

    /// Signs in; panics unless it worked.
    pub fn login(&self, name: &str, password: &str) -> Session {
        let a = self.try_login(name, password);
        assert_eq!(a.status, 200, "sign-in of {}: {}", name, a.body);
        let cookie = a.header("set-cookie").expect("a session cookie").split(';').next().unwrap_or("").to_string();
        Session { cookie, csrf: a.json()["csrf"].as_str().expect("csrf").to_string() }
    }

    pub fn try_login(&self, name: &str, password: &str) -> Answer {
        let body = serde_json::json!({ "name": name, "password": password }).to_string();
        self.send("POST", "/api/login", &[("content-type", "application/json")], Some(body.as_bytes()))
    }

    /// A state-changing request from the service's own page: cookie, CSRF token, same origin.
    pub fn write(&self, s: &Session, method: &str, path: &str, kind: &str, body: &[u8]) -> Answer {
        let origin = self.origin.clone();
        self.send(method, path, &[("cookie", &s.cookie), ("x-csrf-token", &s.csrf), ("origin", &origin), ("content-type", kind)], Some(body))
    }

    pub fn create_chart(&self, s: &Session, id: &str, title: &str) -> Answer {
        self.write(s, "POST", "/api/charts", "application/json", serde_json::json!({ "id": id, "title": title }).to_string().as_bytes())
    }

    pub fn publish(&self, s: &Session, id: &str, feed: &str, note: &str) -> Answer {
        self.write(s, "POST", &format!("/api/charts/{}/versions?note={}", id, note.replace(' ', "%20")), "application/json", feed.as_bytes())
    }

    /// Everything the database holds that a write could change, read with the library's own
    /// store on the same file: each chart's history and versions with their feeds, the live
    /// versions, the audit log's length and the tokens' state.
    pub fn snapshot(&self) -> String {
        snapshot(&self.data)
    }

    /// The SQLite database's bytes on disk: the file and its write-ahead log, where recent
    /// writes are until a checkpoint.
    pub fn db_bytes(&self) -> Vec<u8> {
        let mut b = std::fs::read(&self.data).expect("the database file");
        b.extend(std::fs::read(format!("{}-wal", self.data)).unwrap_or_default());
        b
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// `newschart user add` with the password on stdin.
pub fn add_user(data: &str, name: &str, role: &str, desk: &str, password: &str) -> Result<(), String> {
    let mut child = Command::new(bin())
        .args(["user", "add", name, "--role", role, "--desk", desk, "--data", data])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| e.to_string())?;
    if let Some(mut i) = child.stdin.take() {
        let _ = writeln!(i, "{}", password);
    }
    let out = child.wait_with_output().map_err(|e| e.to_string())?;
    if out.status.success() {
        Ok(())
    } else {
        Err(String::from_utf8_lossy(&out.stderr).into_owned())
    }
}

pub fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().expect("runtime")
}

/// See [`Server::snapshot`].
pub fn snapshot(data: &str) -> String {
    runtime().block_on(async {
        let store = Store::open(data).await.expect("open the store");
        let mut s = String::new();
        let live = store.live_all().await.expect("live");
        s.push_str(&format!("live {:?}\n", live));
        for (id, _) in &live {
            s.push_str(&format!("history {} {:?}\n", id, store.history(id).await.expect("history")));
            for v in store.versions(id).await.expect("versions") {
                s.push_str(&format!("version {} {:?} {:?}\n", id, v, store.version_feed(id, v.n).await.expect("feed")));
            }
        }
        let audit = store.audit_all().await.expect("audit");
        // sign-ins are writes of their own; what a refused request must not add is anything else
        s.push_str(&format!("audit {:?}\n", audit.iter().filter(|a| a.action != "login").collect::<Vec<_>>()));
        store.close().await;
        s
    })
}

/// The example feeds: valid feeds of several shapes.
pub fn example(name: &str) -> String {
    std::fs::read_to_string(format!("{}/www/examples/{}", env!("CARGO_MANIFEST_DIR"), name)).expect("example feed")
}

/// Sends a request to `base`; `Err` when there is no answer (the service is gone).
pub fn send(base: &str, method: &str, path: &str, headers: &[(&str, &str)], body: Option<&[u8]>) -> Result<Answer, String> {
    let agent = ureq::Agent::config_builder().http_status_as_error(false).build().new_agent();
    let url = format!("{}{}", base, path);
    let builder = ureq::http::Request::builder().method(method).uri(&url);
    let builder = headers.iter().fold(builder, |b, (k, v)| b.header(*k, *v));
    let result = match body {
        Some(b) => agent.run(builder.body(b.to_vec()).map_err(|e| e.to_string())?),
        None => agent.run(builder.body(()).map_err(|e| e.to_string())?),
    };
    let mut response = result.map_err(|e| e.to_string())?;
    let status = response.status().as_u16();
    let headers = response.headers().iter().map(|(k, v)| (k.as_str().to_string(), v.to_str().unwrap_or("").to_string())).collect();
    let body = response.body_mut().with_config().limit(64 * 1024 * 1024).read_to_string().map_err(|e| e.to_string())?;
    Ok(Answer { status, headers, body })
}
