//! `newschart backup` and `newschart restore`: the whole newsroom as JSON lines, from and into
//! either database (so a backup of a SQLite file restores into PostgreSQL, and back). Users with
//! their password hashes, charts, every version with its source, the history, the audit log and
//! the tokens (as digests); sessions and sign-in failures are left out, they only matter for a
//! few hours. A restore goes into an empty database, in one transaction.

use std::io::{BufRead, Write};

use serde_json::{Map, Value};
use sqlx::{AssertSqlSafe, Row};

use super::store::{Store, StoreError};

/// The first line's marker and format version.
const FORMAT: &str = "newschart-backup";
const VERSION: i64 = 1;

#[derive(Clone, Copy)]
enum Kind {
    Text,
    Int,
    OptText,
    OptInt,
}
use Kind::*;

/// The tables in an order the foreign keys accept, with their columns.
const TABLES: &[(&str, &[(&str, Kind)])] = &[
    ("users", &[("name", Text), ("role", Text), ("desk", Text), ("password_hash", Text), ("created_at", Int), ("disabled_at", OptInt)]),
    ("charts", &[("id", Text), ("title", Text), ("owner", Text), ("desk", Text), ("created_at", Int), ("versions", Int), ("head", Int), ("height", OptInt)]),
    ("versions", &[("chart_id", Text), ("n", Int), ("feed", Text), ("source_name", OptText), ("source_hex", OptText), ("author", Text), ("at", Int), ("note", Text)]),
    ("history", &[("chart_id", Text), ("seq", Int), ("version", Int), ("action", Text), ("author", Text), ("at", Int), ("note", Text)]),
    ("audit", &[("id", Text), ("at", Int), ("actor", Text), ("action", Text), ("chart_id", OptText), ("from_version", OptInt), ("to_version", OptInt), ("detail", Text)]),
    ("sources", &[("chart_id", Text), ("url", Text), ("interval_s", Int), ("etag", OptText), ("next_at", Int), ("checked_at", OptInt), ("last_error", OptText), ("set_by", Text)]),
    ("tokens", &[("id", Text), ("secret_hash", Text), ("user_name", Text), ("scope", Text), ("created_at", Int), ("revoked_at", OptInt)]),
];

fn protocol(msg: String) -> StoreError {
    StoreError::Db(sqlx::Error::Protocol(msg))
}

/// Writes every table to `out`, one JSON object per line, from one consistent snapshot.
pub async fn backup(store: &Store, out: &mut impl Write) -> Result<usize, StoreError> {
    let mut tx = store.pool().begin().await?;
    if !store.is_sqlite() {
        // one snapshot for every table (SQLite's read transaction is one already)
        sqlx::query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ").execute(&mut *tx).await?;
    }
    let io = |e: std::io::Error| protocol(format!("cannot write the backup: {}", e));
    writeln!(out, "{}", serde_json::json!({ "format": FORMAT, "version": VERSION })).map_err(io)?;
    let mut count = 0;
    for (table, columns) in TABLES {
        let names: Vec<&str> = columns.iter().map(|(n, _)| *n).collect();
        // the SQL is made of the constants above only
        let sql = format!("SELECT {} FROM {} ORDER BY {}", names.join(", "), table, names[..2].join(", "));
        let rows = sqlx::query(AssertSqlSafe(sql)).fetch_all(&mut *tx).await?;
        for r in rows {
            let mut row = Map::new();
            for (i, (name, kind)) in columns.iter().enumerate() {
                let v = match kind {
                    Text => Value::from(r.try_get::<String, _>(i)?),
                    Int => Value::from(r.try_get::<i64, _>(i)?),
                    OptText => r.try_get::<Option<String>, _>(i)?.map_or(Value::Null, Value::from),
                    OptInt => r.try_get::<Option<i64>, _>(i)?.map_or(Value::Null, Value::from),
                };
                row.insert(name.to_string(), v);
            }
            writeln!(out, "{}", serde_json::json!({ "table": table, "row": row })).map_err(io)?;
            count += 1;
        }
    }
    tx.commit().await?;
    Ok(count)
}

/// Reads a backup into an empty database, all or nothing. Returns the number of rows.
pub async fn restore(store: &Store, input: impl BufRead) -> Result<usize, StoreError> {
    let mut tx = store.pool().begin().await?;
    for table in ["users", "charts"] {
        let n: i64 = sqlx::query(AssertSqlSafe(format!("SELECT COUNT(*) FROM {}", table))).fetch_one(&mut *tx).await?.try_get(0)?;
        if n > 0 {
            return Err(protocol(format!("the database is not empty ({} has rows): restore only into a new one", table)));
        }
    }
    let mut lines = input.lines();
    let first = lines.next().transpose().map_err(|e| protocol(e.to_string()))?.unwrap_or_default();
    let head: Value = serde_json::from_str(&first).map_err(|_| protocol("not a newschart backup (first line)".into()))?;
    if head["format"] != FORMAT || head["version"] != VERSION {
        return Err(protocol(format!("not a newschart backup of version {}: {}", VERSION, first)));
    }
    let mut count = 0;
    for (i, line) in lines.enumerate() {
        let line = line.map_err(|e| protocol(e.to_string()))?;
        if line.trim().is_empty() {
            continue;
        }
        let at = |msg: &str| protocol(format!("line {}: {}", i + 2, msg));
        let v: Value = serde_json::from_str(&line).map_err(|e| at(&e.to_string()))?;
        let Some((table, columns)) = TABLES.iter().find(|(t, _)| v["table"] == *t) else { return Err(at("unknown table")) };
        let names: Vec<&str> = columns.iter().map(|(n, _)| *n).collect();
        let params: Vec<String> = (1..=names.len()).map(|k| format!("${}", k)).collect();
        let sql = format!("INSERT INTO {} ({}) VALUES ({})", table, names.join(", "), params.join(", "));
        let mut q = sqlx::query(AssertSqlSafe(sql));
        for (name, kind) in columns.iter() {
            let cell = &v["row"][name];
            q = match kind {
                Text => q.bind(cell.as_str().ok_or_else(|| at(&format!("{}.{} is not text", table, name)))?.to_string()),
                Int => q.bind(cell.as_i64().ok_or_else(|| at(&format!("{}.{} is not a whole number", table, name)))?),
                OptText => q.bind(cell.as_str().map(str::to_string)),
                OptInt => q.bind(cell.as_i64()),
            };
        }
        q.execute(&mut *tx).await.map_err(|e| at(&e.to_string()))?;
        count += 1;
    }
    tx.commit().await?;
    Ok(count)
}
