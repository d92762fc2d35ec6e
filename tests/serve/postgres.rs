//! A real, temporary PostgreSQL server from the system's packages: `initdb` and `pg_ctl` on a
//! temporary directory and a free port, stopped when dropped. Where the binaries are missing the
//! tests that need one fail, unless NEWSCHART_SKIP_POSTGRES=1 says to skip, which they then print.

use std::path::PathBuf;
use std::process::Command;

use super::server::TempDir;

/// A running PostgreSQL.
pub struct Postgres {
    bin: PathBuf,
    data: PathBuf,
    port: u16,
    as_postgres: bool,
    _dir: TempDir,
}

/// `initdb`'s folder: NEWSCHART_PG_BIN, else Debian's /usr/lib/postgresql/N/bin (newest).
fn bin_dir() -> Option<PathBuf> {
    if let Ok(p) = std::env::var("NEWSCHART_PG_BIN") {
        return Some(PathBuf::from(p));
    }
    let mut dirs: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql").ok()?.filter_map(|e| e.ok()).map(|e| e.path().join("bin")).filter(|b| b.join("initdb").exists() && b.join("pg_ctl").exists()).collect();
    dirs.sort();
    dirs.pop()
}

fn is_root() -> bool {
    Command::new("id").arg("-u").output().is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

impl Postgres {
    /// Starts one, or says why it cannot.
    pub fn start() -> Result<Postgres, String> {
        let bin = bin_dir().ok_or("no PostgreSQL binaries (initdb, pg_ctl) under /usr/lib/postgresql/*/bin; apt-get install postgresql, or set NEWSCHART_PG_BIN")?;
        let dir = TempDir::new("postgres");
        // initdb refuses to run as root: run it as the package's postgres user, on a folder it owns
        let as_postgres = is_root();
        if as_postgres {
            let ok = Command::new("chown").args(["-R", "postgres"]).arg(&dir.0).status().is_ok_and(|s| s.success());
            if !ok {
                return Err("cannot chown the temporary folder to the postgres user".into());
            }
        }
        let port = std::net::TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).map_err(|e| e.to_string())?.port();
        let data = dir.0.join("data");
        let pg = Postgres { bin, data, port, as_postgres, _dir: dir };
        pg.run("initdb", &["-D", &pg.data.to_string_lossy(), "-A", "trust", "-U", "test", "-E", "UTF8"])?;
        let opts = format!("-p {} -k {} -c listen_addresses=127.0.0.1 -c fsync=on", port, pg._dir.0.display());
        let log = pg._dir.0.join("log").to_string_lossy().into_owned();
        pg.run("pg_ctl", &["-D", &pg.data.to_string_lossy(), "-o", &opts, "-l", &log, "-w", "-t", "120", "start"])?;
        Ok(pg)
    }

    fn run(&self, tool: &str, args: &[&str]) -> Result<(), String> {
        let exe = self.bin.join(tool);
        let out = if self.as_postgres {
            Command::new("runuser").args(["-u", "postgres", "--"]).arg(&exe).args(args).output()
        } else {
            Command::new(&exe).args(args).output()
        }
        .map_err(|e| format!("{}: {}", exe.display(), e))?;
        if out.status.success() {
            Ok(())
        } else {
            Err(format!("{} failed: {}{}", tool, String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr)))
        }
    }

    /// The URL of database `db`.
    pub fn url(&self, db: &str) -> String {
        format!("postgres://test@127.0.0.1:{}/{}", self.port, db)
    }

    /// A new empty database; its URL.
    pub fn database(&self, name: &str) -> String {
        super::server::runtime().block_on(async {
            use sqlx::Connection;
            let mut c = sqlx::PgConnection::connect(&self.url("postgres")).await.expect("connect to PostgreSQL");
            sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {}", name))).execute(&mut c).await.expect("create database");
        });
        self.url(name)
    }
}

impl Drop for Postgres {
    fn drop(&mut self) {
        let _ = self.run("pg_ctl", &["-D", &self.data.to_string_lossy(), "-m", "immediate", "-w", "stop"]);
    }
}

/// A PostgreSQL for a test, or `None` after saying loudly why not (only with
/// NEWSCHART_SKIP_POSTGRES=1; otherwise the test fails).
pub fn or_skip(test: &str) -> Option<Postgres> {
    match Postgres::start() {
        Ok(pg) => Some(pg),
        Err(why) if std::env::var("NEWSCHART_SKIP_POSTGRES").is_ok_and(|v| v == "1") => {
            // straight to stderr: the test harness captures eprintln! of passing tests
            use std::io::Write;
            let _ = writeln!(std::io::stderr(), "\n*** {}: NOT TESTED ON POSTGRESQL: {} (NEWSCHART_SKIP_POSTGRES=1) ***\n", test, why);
            None
        }
        Err(why) => panic!("{}: cannot start PostgreSQL: {}\n(set NEWSCHART_SKIP_POSTGRES=1 to skip it, which is then printed)", test, why),
    }
}
