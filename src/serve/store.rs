//! The service's database: charts, their immutable versions, the append-only history whose last
//! entry is the live version, and the audit log. One SQL for SQLite and PostgreSQL through sqlx's
//! `Any` driver (`$1`-style parameters work on both); the schema is in `migrations/`.
//!
//! A publish or a rollback is one transaction whose first statement bumps the chart row's
//! counters: that takes the chart's write lock on both databases, so concurrent writers of one
//! chart queue instead of losing an entry, and a kill at any point leaves the old or the new live
//! version, never a missing one.

use std::time::{SystemTime, UNIX_EPOCH};

use serde::Serialize;
use sqlx::any::{AnyPoolOptions, AnyRow};
use sqlx::{AnyPool, Row};

use super::validate::Valid;

/// What can go wrong in the store.
#[derive(Debug)]
pub enum StoreError {
    /// No such chart, version or user.
    NotFound,
    /// The chart id or user name is taken.
    Exists,
    /// The database failed.
    Db(sqlx::Error),
}

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StoreError::NotFound => f.write_str("not found"),
            StoreError::Exists => f.write_str("already exists"),
            StoreError::Db(e) => write!(f, "database: {}", e),
        }
    }
}

impl From<sqlx::Error> for StoreError {
    fn from(e: sqlx::Error) -> StoreError {
        match &e {
            sqlx::Error::RowNotFound => StoreError::NotFound,
            sqlx::Error::Database(d) if d.is_unique_violation() => StoreError::Exists,
            _ => StoreError::Db(e),
        }
    }
}

/// A chart's description.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Chart {
    /// The slug, the stable feed address.
    pub id: String,
    /// Title.
    pub title: String,
    /// The user who created it.
    pub owner: String,
    /// The desk it belongs to.
    pub desk: String,
    /// The live version's number, 0 before the first publish.
    pub live: i64,
}

/// One version's metadata (its feed is read separately).
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Version {
    /// 1, 2, …
    pub n: i64,
    /// Who published it.
    pub author: String,
    /// When, in Unix milliseconds.
    pub at: i64,
    /// The one-line note.
    pub note: String,
    /// The spreadsheet's file name, when it came from one.
    pub source_name: Option<String>,
}

/// One history entry: which version became live, how, by whom.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Entry {
    /// 1, 2, … in the order they happened.
    pub seq: i64,
    /// The version made live.
    pub version: i64,
    /// `publish` or `rollback`.
    pub action: String,
    /// Who.
    pub author: String,
    /// When, in Unix milliseconds.
    pub at: i64,
    /// The note.
    pub note: String,
}

/// One audit row.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Audit {
    /// When, in Unix milliseconds.
    pub at: i64,
    /// Who (a user name).
    pub actor: String,
    /// What: `chart.create`, `publish`, `rollback`, `user.add`, `user.passwd`, `user.disable`, `token.create`, `token.revoke`, `login`.
    pub action: String,
    /// The chart, when the write was to one.
    pub chart_id: Option<String>,
    /// The live version before.
    pub from_version: Option<i64>,
    /// The live version after.
    pub to_version: Option<i64>,
    /// Free text: a token's id, a user's role.
    pub detail: String,
}

/// A chart's live data source and how its last check went.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Upstream {
    /// The chart.
    pub chart_id: String,
    /// The upstream CSV or JSON address.
    pub url: String,
    /// Seconds between checks.
    pub interval_s: i64,
    /// The ETag of the last copy read.
    pub etag: Option<String>,
    /// When the next check is due, Unix milliseconds.
    pub next_at: i64,
    /// When it was last checked.
    pub checked_at: Option<i64>,
    /// What went wrong at the last check, shown on the chart's page; `None` when it went well.
    pub last_error: Option<String>,
}

/// A spreadsheet a version came from.
pub struct Source<'a> {
    /// Its file name.
    pub name: &'a str,
    /// Its bytes.
    pub bytes: &'a [u8],
}

/// The database.
#[derive(Clone)]
pub struct Store {
    pool: AnyPool,
    sqlite: bool,
}

/// Now, in Unix milliseconds.
pub fn now_ms() -> i64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_millis() as i64).unwrap_or(0)
}

/// `n` random bytes as hex.
pub fn random_hex(n: usize) -> Result<String, StoreError> {
    let mut b = vec![0u8; n];
    getrandom::fill(&mut b).map_err(|e| StoreError::Db(sqlx::Error::Protocol(format!("no randomness: {}", e))))?;
    Ok(hex::encode(b))
}

/// `--data`: a `postgres://` URL, a `sqlite:` URL, or a SQLite file's path (created if missing).
pub fn database_url(data: &str) -> String {
    if data.starts_with("postgres://") || data.starts_with("postgresql://") || data.starts_with("sqlite:") {
        data.to_string()
    } else {
        format!("sqlite://{}?mode=rwc", data)
    }
}

impl Store {
    /// Connects (see [`database_url`]) and brings the schema up to date.
    pub async fn open(data: &str) -> Result<Store, StoreError> {
        sqlx::any::install_default_drivers();
        let url = database_url(data);
        let sqlite = url.starts_with("sqlite:");
        let pool = AnyPoolOptions::new()
            .max_connections(if sqlite { 4 } else { 16 })
            .after_connect(move |conn, _| {
                Box::pin(async move {
                    if sqlite {
                        // WAL: readers never wait for a publish; the busy timeout queues writers
                        sqlx::query("PRAGMA journal_mode = WAL").execute(&mut *conn).await?;
                        sqlx::query("PRAGMA busy_timeout = 15000").execute(&mut *conn).await?;
                        sqlx::query("PRAGMA foreign_keys = ON").execute(&mut *conn).await?;
                    }
                    Ok(())
                })
            })
            .connect(&url)
            .await?;
        sqlx::migrate!("./migrations").run(&pool).await.map_err(|e| StoreError::Db(e.into()))?;
        Ok(Store { pool, sqlite })
    }

    /// Closes the connections.
    pub async fn close(&self) {
        self.pool.close().await;
    }

    /// Whether the database is SQLite (else PostgreSQL).
    pub fn is_sqlite(&self) -> bool {
        self.sqlite
    }

    /// The pool, for the accounts' queries.
    pub(crate) fn pool(&self) -> &AnyPool {
        &self.pool
    }

    /// Creates a chart with no version yet. The id must have passed [`super::slug::is_valid`].
    pub async fn create_chart(&self, id: &str, title: &str, owner: &str, desk: &str) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        sqlx::query("INSERT INTO charts (id, title, owner, desk, created_at) VALUES ($1, $2, $3, $4, $5)")
            .bind(id)
            .bind(title)
            .bind(owner)
            .bind(desk)
            .bind(now_ms())
            .execute(&mut *tx)
            .await?;
        audit(&mut tx, owner, "chart.create", Some(id), None, None, title).await?;
        tx.commit().await?;
        Ok(())
    }

    /// The chart, with its live version's number.
    pub async fn chart(&self, id: &str) -> Result<Option<Chart>, StoreError> {
        let row = sqlx::query(
            "SELECT c.id, c.title, c.owner, c.desk, COALESCE((SELECT h.version FROM history h WHERE h.chart_id = c.id AND h.seq = c.head), 0) \
             FROM charts c WHERE c.id = $1",
        )
        .bind(id)
        .fetch_optional(&self.pool)
        .await?;
        row.map(|r| Ok(Chart { id: r.try_get(0)?, title: r.try_get(1)?, owner: r.try_get(2)?, desk: r.try_get(3)?, live: r.try_get(4)? })).transpose()
    }

    /// Every chart, by id.
    pub async fn charts(&self) -> Result<Vec<Chart>, StoreError> {
        let rows = sqlx::query(
            "SELECT c.id, c.title, c.owner, c.desk, COALESCE((SELECT h.version FROM history h WHERE h.chart_id = c.id AND h.seq = c.head), 0) FROM charts c ORDER BY c.id",
        )
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(|r| Ok(Chart { id: r.try_get(0)?, title: r.try_get(1)?, owner: r.try_get(2)?, desk: r.try_get(3)?, live: r.try_get(4)? })).collect()
    }

    /// Publishes a validated feed as the chart's next version and makes it live, in one
    /// transaction. Returns the version's number.
    pub async fn publish(&self, chart: &str, feed: &Valid, source: Option<Source<'_>>, author: &str, note: &str) -> Result<i64, StoreError> {
        let mut tx = self.pool.begin().await?;
        let row = sqlx::query("UPDATE charts SET versions = versions + 1, head = head + 1 WHERE id = $1 RETURNING versions, head")
            .bind(chart)
            .fetch_optional(&mut *tx)
            .await?
            .ok_or(StoreError::NotFound)?;
        let (n, seq): (i64, i64) = (row.try_get(0)?, row.try_get(1)?);
        let before = live_in(&mut tx, chart, seq - 1).await?;
        let at = now_ms();
        sqlx::query("INSERT INTO versions (chart_id, n, feed, source_name, source_hex, author, at, note) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)")
            .bind(chart)
            .bind(n)
            .bind(feed.feed.as_str())
            .bind(source.as_ref().map(|s| s.name.to_string()))
            .bind(source.as_ref().map(|s| hex::encode(s.bytes)))
            .bind(author)
            .bind(at)
            .bind(note)
            .execute(&mut *tx)
            .await?;
        entry(&mut tx, chart, seq, n, "publish", author, at, note).await?;
        audit(&mut tx, author, "publish", Some(chart), before, Some(n), note).await?;
        tx.commit().await?;
        Ok(n)
    }

    /// Makes an older version live again, as a new history entry.
    pub async fn rollback(&self, chart: &str, version: i64, author: &str, note: &str) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        let row = sqlx::query("UPDATE charts SET head = head + 1 WHERE id = $1 RETURNING versions, head")
            .bind(chart)
            .fetch_optional(&mut *tx)
            .await?
            .ok_or(StoreError::NotFound)?;
        let (count, seq): (i64, i64) = (row.try_get(0)?, row.try_get(1)?);
        if version < 1 || version > count {
            return Err(StoreError::NotFound); // the transaction rolls back when dropped
        }
        let before = live_in(&mut tx, chart, seq - 1).await?;
        entry(&mut tx, chart, seq, version, "rollback", author, now_ms(), note).await?;
        audit(&mut tx, author, "rollback", Some(chart), before, Some(version), note).await?;
        tx.commit().await?;
        Ok(())
    }

    /// The live version: its number and feed text; `None` before the first publish.
    pub async fn live(&self, chart: &str) -> Result<Option<(i64, String)>, StoreError> {
        let row = sqlx::query(
            "SELECT v.n, v.feed FROM charts c JOIN history h ON h.chart_id = c.id AND h.seq = c.head \
             JOIN versions v ON v.chart_id = c.id AND v.n = h.version WHERE c.id = $1",
        )
        .bind(chart)
        .fetch_optional(&self.pool)
        .await?;
        row.map(|r| Ok((r.try_get(0)?, r.try_get(1)?))).transpose()
    }

    /// One version's feed text.
    pub async fn version_feed(&self, chart: &str, n: i64) -> Result<Option<String>, StoreError> {
        let row = sqlx::query("SELECT feed FROM versions WHERE chart_id = $1 AND n = $2").bind(chart).bind(n).fetch_optional(&self.pool).await?;
        row.map(|r| r.try_get(0).map_err(StoreError::from)).transpose()
    }

    /// The spreadsheet a version came from: its name and bytes.
    pub async fn version_source(&self, chart: &str, n: i64) -> Result<Option<(String, Vec<u8>)>, StoreError> {
        let row = sqlx::query("SELECT source_name, source_hex FROM versions WHERE chart_id = $1 AND n = $2").bind(chart).bind(n).fetch_optional(&self.pool).await?;
        let Some(r) = row else { return Ok(None) };
        let (name, hexed): (Option<String>, Option<String>) = (r.try_get(0)?, r.try_get(1)?);
        match (name, hexed) {
            (Some(name), Some(h)) => Ok(hex::decode(h).ok().map(|b| (name, b))),
            _ => Ok(None),
        }
    }

    /// Every version's metadata, oldest first.
    pub async fn versions(&self, chart: &str) -> Result<Vec<Version>, StoreError> {
        let rows = sqlx::query("SELECT n, author, at, note, source_name FROM versions WHERE chart_id = $1 ORDER BY n").bind(chart).fetch_all(&self.pool).await?;
        rows.iter()
            .map(|r| Ok(Version { n: r.try_get(0)?, author: r.try_get(1)?, at: r.try_get(2)?, note: r.try_get(3)?, source_name: r.try_get(4)? }))
            .collect()
    }

    /// The history, oldest first.
    pub async fn history(&self, chart: &str) -> Result<Vec<Entry>, StoreError> {
        let rows = sqlx::query("SELECT seq, version, action, author, at, note FROM history WHERE chart_id = $1 ORDER BY seq").bind(chart).fetch_all(&self.pool).await?;
        rows.iter().map(read_entry).collect()
    }

    /// A chart's audit rows, oldest first.
    pub async fn audit(&self, chart: &str) -> Result<Vec<Audit>, StoreError> {
        let rows = sqlx::query("SELECT at, actor, action, chart_id, from_version, to_version, detail FROM audit WHERE chart_id = $1 ORDER BY at, id")
            .bind(chart)
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(read_audit).collect()
    }

    /// The whole audit log, oldest first.
    pub async fn audit_all(&self) -> Result<Vec<Audit>, StoreError> {
        let rows = sqlx::query("SELECT at, actor, action, chart_id, from_version, to_version, detail FROM audit ORDER BY at, id").fetch_all(&self.pool).await?;
        rows.iter().map(read_audit).collect()
    }

    /// Every chart's id and live version number (charts never published are left out).
    pub async fn live_all(&self) -> Result<Vec<(String, i64)>, StoreError> {
        let rows = sqlx::query("SELECT c.id, h.version FROM charts c JOIN history h ON h.chart_id = c.id AND h.seq = c.head ORDER BY c.id").fetch_all(&self.pool).await?;
        rows.iter().map(|r| Ok((r.try_get(0)?, r.try_get(1)?))).collect()
    }

    /// Writes an audit row on its own (user and token changes, sign-ins).
    pub async fn audit_write(&self, actor: &str, action: &str, chart: Option<&str>, detail: &str) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        audit(&mut tx, actor, action, chart, None, None, detail).await?;
        tx.commit().await?;
        Ok(())
    }
}

/// A chart's embed height and how drawing its live version's static images went.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct StaticState {
    /// The embed height set for the chart (the snippet's `height`); `None`: the feed's default.
    pub height: Option<i64>,
    /// What went wrong drawing the live version's images; `None` when nothing did.
    pub problem: Option<String>,
}

/// One stored static image's description (its SVG is read separately).
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct StaticImage {
    /// The feed's fingerprint (`render::element::feed_hash`).
    pub hash: String,
    /// The element's CSS width it was drawn at.
    pub width: i64,
    /// The embed height it was drawn for.
    pub chart_height: i64,
    /// The image's own height.
    pub height: i64,
    /// How long drawing the chart's images took, in milliseconds.
    pub render_ms: i64,
    /// Drawn in the dark theme.
    pub dark: bool,
}

impl Store {
    /// The chart's embed height and its static images' last problem.
    pub async fn static_state(&self, chart: &str) -> Result<Option<StaticState>, StoreError> {
        let row = sqlx::query("SELECT height, static_problem FROM charts WHERE id = $1").bind(chart).fetch_optional(&self.pool).await?;
        row.map(|r| Ok(StaticState { height: r.try_get(0)?, problem: r.try_get(1)? })).transpose()
    }

    /// Sets the chart's embed height.
    pub async fn set_height(&self, chart: &str, height: i64) -> Result<(), StoreError> {
        sqlx::query("UPDATE charts SET height = $1 WHERE id = $2").bind(height).bind(chart).execute(&self.pool).await?;
        Ok(())
    }

    /// Records what went wrong drawing the live version's images (`None`: nothing).
    pub async fn set_static_problem(&self, chart: &str, problem: Option<&str>) -> Result<(), StoreError> {
        sqlx::query("UPDATE charts SET static_problem = $1 WHERE id = $2").bind(problem.map(str::to_string)).bind(chart).execute(&self.pool).await?;
        Ok(())
    }

    /// The images stored for one feed of the chart, the light ones first, each narrowest first.
    pub async fn static_images(&self, chart: &str, hash: &str) -> Result<Vec<StaticImage>, StoreError> {
        let rows = sqlx::query("SELECT hash, width, chart_height, height, render_ms, dark FROM static_images WHERE chart_id = $1 AND hash = $2 ORDER BY dark, width")
            .bind(chart)
            .bind(hash)
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(read_static).collect()
    }

    /// Every stored image: chart, description.
    pub async fn static_all(&self) -> Result<Vec<(String, StaticImage)>, StoreError> {
        let rows = sqlx::query("SELECT hash, width, chart_height, height, render_ms, dark, chart_id FROM static_images ORDER BY chart_id, hash, dark, width").fetch_all(&self.pool).await?;
        rows.iter().map(|r| Ok((r.try_get(6)?, read_static(r)?))).collect()
    }

    /// One image's SVG.
    pub async fn static_svg(&self, chart: &str, hash: &str, width: i64, dark: bool) -> Result<Option<String>, StoreError> {
        let row = sqlx::query("SELECT svg FROM static_images WHERE chart_id = $1 AND hash = $2 AND width = $3 AND dark = $4")
            .bind(chart)
            .bind(hash)
            .bind(width)
            .bind(i64::from(dark))
            .fetch_optional(&self.pool)
            .await?;
        row.map(|r| r.try_get(0).map_err(StoreError::from)).transpose()
    }

    /// Stores one feed's images `(width, height, svg, dark)`, drawn for `chart_height`, replacing
    /// any drawn for it before (at another height), in one transaction.
    pub async fn put_static(&self, chart: &str, hash: &str, chart_height: i64, render_ms: i64, images: &[(i64, i64, &str, bool)]) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        sqlx::query("DELETE FROM static_images WHERE chart_id = $1 AND hash = $2").bind(chart).bind(hash).execute(&mut *tx).await?;
        for (width, height, svg, dark) in images {
            sqlx::query("INSERT INTO static_images (chart_id, hash, width, chart_height, height, svg, at, render_ms, dark) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)")
                .bind(chart)
                .bind(hash)
                .bind(*width)
                .bind(chart_height)
                .bind(*height)
                .bind(svg.to_string())
                .bind(now_ms())
                .bind(render_ms)
                .bind(i64::from(*dark))
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(())
    }
}

fn read_static(r: &AnyRow) -> Result<StaticImage, StoreError> {
    let dark: i64 = r.try_get(5)?;
    Ok(StaticImage { hash: r.try_get(0)?, width: r.try_get(1)?, chart_height: r.try_get(2)?, height: r.try_get(3)?, render_ms: r.try_get(4)?, dark: dark != 0 })
}

impl Store {
    /// Names (or replaces) a chart's live data source; checked from now on.
    pub async fn set_source(&self, chart: &str, url: &str, interval_s: i64, actor: &str) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        sqlx::query("DELETE FROM sources WHERE chart_id = $1").bind(chart).execute(&mut *tx).await?;
        sqlx::query("INSERT INTO sources (chart_id, url, interval_s, next_at, set_by) VALUES ($1, $2, $3, $4, $5)")
            .bind(chart)
            .bind(url)
            .bind(interval_s)
            .bind(now_ms())
            .bind(actor)
            .execute(&mut *tx)
            .await?;
        audit(&mut tx, actor, "source.set", Some(chart), None, None, &format!("{} every {} s", url, interval_s)).await?;
        tx.commit().await?;
        Ok(())
    }

    /// A chart's live data source.
    pub async fn source(&self, chart: &str) -> Result<Option<Upstream>, StoreError> {
        let row = sqlx::query("SELECT chart_id, url, interval_s, etag, next_at, checked_at, last_error FROM sources WHERE chart_id = $1").bind(chart).fetch_optional(&self.pool).await?;
        row.as_ref().map(read_upstream).transpose()
    }

    /// Sources due for a check, each claimed for this instance (its `next_at` moved on) so
    /// another instance does not check it too.
    pub async fn claim_due_sources(&self) -> Result<Vec<Upstream>, StoreError> {
        let now = now_ms();
        let rows = sqlx::query("SELECT chart_id, url, interval_s, etag, next_at, checked_at, last_error FROM sources WHERE next_at <= $1").bind(now).fetch_all(&self.pool).await?;
        let mut claimed = Vec::new();
        for r in rows {
            let u = read_upstream(&r)?;
            let done = sqlx::query("UPDATE sources SET next_at = $1 WHERE chart_id = $2 AND next_at = $3")
                .bind(now + u.interval_s * 1000)
                .bind(u.chart_id.as_str())
                .bind(u.next_at)
                .execute(&self.pool)
                .await?;
            if done.rows_affected() == 1 {
                claimed.push(u);
            }
        }
        Ok(claimed)
    }

    /// Records a check: the ETag read (kept when `None`) and the problem, if any.
    pub async fn source_checked(&self, chart: &str, etag: Option<&str>, error: Option<&str>) -> Result<(), StoreError> {
        sqlx::query("UPDATE sources SET etag = COALESCE($1, etag), checked_at = $2, last_error = $3 WHERE chart_id = $4")
            .bind(etag.map(str::to_string))
            .bind(now_ms())
            .bind(error.map(str::to_string))
            .bind(chart)
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}

fn read_upstream(r: &AnyRow) -> Result<Upstream, StoreError> {
    Ok(Upstream {
        chart_id: r.try_get(0)?,
        url: r.try_get(1)?,
        interval_s: r.try_get(2)?,
        etag: r.try_get(3)?,
        next_at: r.try_get(4)?,
        checked_at: r.try_get(5)?,
        last_error: r.try_get(6)?,
    })
}

type Tx<'a> = sqlx::Transaction<'a, sqlx::Any>;

/// The version of history entry `seq` (the live one before this transaction's entry).
async fn live_in(tx: &mut Tx<'_>, chart: &str, seq: i64) -> Result<Option<i64>, StoreError> {
    let row = sqlx::query("SELECT version FROM history WHERE chart_id = $1 AND seq = $2").bind(chart).bind(seq).fetch_optional(&mut **tx).await?;
    Ok(row.map(|r| r.try_get(0)).transpose()?)
}

#[allow(clippy::too_many_arguments)]
async fn entry(tx: &mut Tx<'_>, chart: &str, seq: i64, version: i64, action: &str, author: &str, at: i64, note: &str) -> Result<(), StoreError> {
    sqlx::query("INSERT INTO history (chart_id, seq, version, action, author, at, note) VALUES ($1, $2, $3, $4, $5, $6, $7)")
        .bind(chart)
        .bind(seq)
        .bind(version)
        .bind(action)
        .bind(author)
        .bind(at)
        .bind(note)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

pub(crate) async fn audit(tx: &mut Tx<'_>, actor: &str, action: &str, chart: Option<&str>, from: Option<i64>, to: Option<i64>, detail: &str) -> Result<(), StoreError> {
    sqlx::query("INSERT INTO audit (id, at, actor, action, chart_id, from_version, to_version, detail) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)")
        .bind(random_hex(16)?)
        .bind(now_ms())
        .bind(actor)
        .bind(action)
        .bind(chart.map(str::to_string))
        .bind(from)
        .bind(to)
        .bind(detail)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

fn read_entry(r: &AnyRow) -> Result<Entry, StoreError> {
    Ok(Entry { seq: r.try_get(0)?, version: r.try_get(1)?, action: r.try_get(2)?, author: r.try_get(3)?, at: r.try_get(4)?, note: r.try_get(5)? })
}

fn read_audit(r: &AnyRow) -> Result<Audit, StoreError> {
    Ok(Audit {
        at: r.try_get(0)?,
        actor: r.try_get(1)?,
        action: r.try_get(2)?,
        chart_id: r.try_get(3)?,
        from_version: r.try_get(4)?,
        to_version: r.try_get(5)?,
        detail: r.try_get(6)?,
    })
}
