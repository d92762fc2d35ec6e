//! People and access: users with argon2id password hashes, sessions, API tokens and the sign-in
//! rate limit. Secrets (session ids, token secrets) are random, shown once, and stored only as
//! SHA-256 digests: they are long random strings, so a fast digest is enough, unlike passwords.

use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use argon2::Argon2;
use serde::Serialize;
use sha2::{Digest, Sha256};
use sqlx::Row;

use super::store::{self, now_ms, random_hex, Store, StoreError};

/// What a user may do.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Creates charts and publishes to the charts they own.
    Journalist,
    /// Also publishes to and rolls back every chart of their desk.
    Editor,
    /// Everything, and manages users.
    Admin,
}

impl Role {
    /// `journalist`, `editor` or `admin`.
    pub fn from_name(s: &str) -> Option<Role> {
        match s {
            "journalist" => Some(Role::Journalist),
            "editor" => Some(Role::Editor),
            "admin" => Some(Role::Admin),
            _ => None,
        }
    }

    /// The name stored and shown.
    pub fn name(self) -> &'static str {
        match self {
            Role::Journalist => "journalist",
            Role::Editor => "editor",
            Role::Admin => "admin",
        }
    }
}

/// A signed-in caller: a user, and for a token its scope.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Caller {
    /// The user's name.
    pub name: String,
    /// The user's role.
    pub role: Role,
    /// The user's desk.
    pub desk: String,
    /// For a token: `chart:ID` or `desk:NAME`; `None` for a session.
    pub scope: Option<String>,
}

/// Failed sign-ins allowed per user in [`FAILURE_WINDOW_MS`]; more are refused unchecked.
pub const MAX_FAILURES: i64 = 5;
/// The window of the sign-in rate limit.
pub const FAILURE_WINDOW_MS: i64 = 15 * 60 * 1000;
/// How long a session lasts.
pub const SESSION_MS: i64 = 12 * 60 * 60 * 1000;

/// Why a sign-in failed.
#[derive(Debug)]
pub enum LoginError {
    /// Wrong name or password.
    Denied,
    /// Too many failures lately.
    RateLimited,
    /// The store failed.
    Store(StoreError),
}

impl From<StoreError> for LoginError {
    fn from(e: StoreError) -> LoginError {
        LoginError::Store(e)
    }
}

impl From<sqlx::Error> for LoginError {
    fn from(e: sqlx::Error) -> LoginError {
        LoginError::Store(e.into())
    }
}

/// A new session: the cookie's value and the CSRF token the page sends back.
pub struct Session {
    /// The cookie's value (shown once; the database keeps its digest).
    pub id: String,
    /// The token every state-changing request must carry in `X-CSRF-Token`.
    pub csrf: String,
}

/// SHA-256 of a secret, as hex.
pub fn digest(secret: &str) -> String {
    hex::encode(Sha256::digest(secret.as_bytes()))
}

fn hash_password(password: &str) -> Result<String, StoreError> {
    Argon2::default()
        .hash_password(password.as_bytes())
        .map(|h| h.to_string())
        .map_err(|e| StoreError::Db(sqlx::Error::Protocol(format!("cannot hash the password: {}", e))))
}

fn password_matches(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash).is_ok_and(|h| Argon2::default().verify_password(password.as_bytes(), &h).is_ok())
}

/// The shortest password accepted.
pub const MIN_PASSWORD: usize = 10;

/// Adds a user. `actor` is who did it, for the audit log (`cli` from the command line).
pub async fn add_user(store: &Store, name: &str, role: Role, desk: &str, password: &str, actor: &str) -> Result<(), StoreError> {
    let hash = hash_password(password)?;
    let mut tx = store.pool().begin().await?;
    sqlx::query("INSERT INTO users (name, role, desk, password_hash, created_at) VALUES ($1, $2, $3, $4, $5)")
        .bind(name)
        .bind(role.name())
        .bind(desk)
        .bind(hash)
        .bind(now_ms())
        .execute(&mut *tx)
        .await?;
    store::audit(&mut tx, actor, "user.add", None, None, None, &format!("{} {} {}", name, role.name(), desk)).await?;
    tx.commit().await?;
    Ok(())
}

async fn user(store: &Store, name: &str) -> Result<Option<(Role, String, String)>, StoreError> {
    // a disabled user is no user for signing in
    let row = sqlx::query("SELECT role, desk, password_hash FROM users WHERE name = $1 AND disabled_at IS NULL").bind(name).fetch_optional(store.pool()).await?;
    let Some(r) = row else { return Ok(None) };
    let role: String = r.try_get(0)?;
    let Some(role) = Role::from_name(&role) else { return Ok(None) };
    Ok(Some((role, r.try_get(1)?, r.try_get(2)?)))
}

/// Checks a password and opens a session. Failures are counted per user name, known or not, and
/// past [`MAX_FAILURES`] in the window even a right password is refused until it passes.
pub async fn login(store: &Store, name: &str, password: &str) -> Result<Session, LoginError> {
    let now = now_ms();
    let row = sqlx::query("SELECT COUNT(*) FROM login_failures WHERE user_name = $1 AND at > $2").bind(name).bind(now - FAILURE_WINDOW_MS).fetch_one(store.pool()).await?;
    let failures: i64 = row.try_get(0)?;
    if failures >= MAX_FAILURES {
        return Err(LoginError::RateLimited);
    }
    let known = user(store, name).await?;
    // an unknown name costs a hash too, so timing does not tell which names exist
    let ok = match &known {
        Some((_, _, hash)) => password_matches(password, hash),
        None => {
            let _ = hash_password(password);
            false
        }
    };
    if !ok {
        sqlx::query("INSERT INTO login_failures (user_name, at) VALUES ($1, $2)").bind(name).bind(now).execute(store.pool()).await?;
        return Err(LoginError::Denied);
    }
    let session = Session { id: random_hex(32)?, csrf: random_hex(32)? };
    let mut tx = store.pool().begin().await?;
    sqlx::query("INSERT INTO sessions (id_hash, user_name, csrf, expires_at) VALUES ($1, $2, $3, $4)")
        .bind(digest(&session.id))
        .bind(name)
        .bind(session.csrf.as_str())
        .bind(now + SESSION_MS)
        .execute(&mut *tx)
        .await?;
    store::audit(&mut tx, name, "login", None, None, None, "").await?;
    tx.commit().await?;
    Ok(session)
}

/// The caller of a session cookie and the session's CSRF token; `None` when unknown or expired.
pub async fn session(store: &Store, id: &str) -> Result<Option<(Caller, String)>, StoreError> {
    let row = sqlx::query("SELECT u.name, u.role, u.desk, s.csrf FROM sessions s JOIN users u ON u.name = s.user_name WHERE s.id_hash = $1 AND s.expires_at > $2 AND u.disabled_at IS NULL")
        .bind(digest(id))
        .bind(now_ms())
        .fetch_optional(store.pool())
        .await?;
    let Some(r) = row else { return Ok(None) };
    let role: String = r.try_get(1)?;
    let Some(role) = Role::from_name(&role) else { return Ok(None) };
    Ok(Some((Caller { name: r.try_get(0)?, role, desk: r.try_get(2)?, scope: None }, r.try_get(3)?)))
}

/// Ends a session.
pub async fn logout(store: &Store, id: &str) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM sessions WHERE id_hash = $1").bind(digest(id)).execute(store.pool()).await?;
    Ok(())
}

/// Deletes expired sessions and sign-in failures older than the rate limit's window; returns how
/// many rows went. The service runs it every few minutes.
pub async fn purge(store: &Store) -> Result<u64, StoreError> {
    let now = now_ms();
    let a = sqlx::query("DELETE FROM sessions WHERE expires_at <= $1").bind(now).execute(store.pool()).await?;
    let b = sqlx::query("DELETE FROM login_failures WHERE at <= $1").bind(now - FAILURE_WINDOW_MS).execute(store.pool()).await?;
    Ok(a.rows_affected() + b.rows_affected())
}

/// Whether a token scope is well formed: `chart:ID` or `desk:NAME`.
pub fn valid_scope(scope: &str) -> bool {
    match scope.split_once(':') {
        Some(("chart", id)) => super::slug::is_valid(id),
        Some(("desk", d)) => !d.is_empty() && d.len() <= 64,
        _ => false,
    }
}

/// Creates a token for `owner`; returns its id (to revoke it) and its secret (shown once).
pub async fn create_token(store: &Store, owner: &str, scope: &str) -> Result<(String, String), StoreError> {
    let id = random_hex(8)?;
    let secret = format!("nct_{}_{}", id, random_hex(32)?);
    let mut tx = store.pool().begin().await?;
    sqlx::query("INSERT INTO tokens (id, secret_hash, user_name, scope, created_at) VALUES ($1, $2, $3, $4, $5)")
        .bind(id.as_str())
        .bind(digest(&secret))
        .bind(owner)
        .bind(scope)
        .bind(now_ms())
        .execute(&mut *tx)
        .await?;
    store::audit(&mut tx, owner, "token.create", None, None, None, &format!("{} {}", id, scope)).await?;
    tx.commit().await?;
    Ok((id, secret))
}

/// Revokes a token, by its owner or an admin; effective for the next request.
pub async fn revoke_token(store: &Store, caller: &Caller, id: &str) -> Result<(), StoreError> {
    let mut tx = store.pool().begin().await?;
    let done = sqlx::query("UPDATE tokens SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL AND (user_name = $3 OR $4 = 'admin')")
        .bind(now_ms())
        .bind(id)
        .bind(caller.name.as_str())
        .bind(caller.role.name())
        .execute(&mut *tx)
        .await?;
    if done.rows_affected() != 1 {
        return Err(StoreError::NotFound);
    }
    store::audit(&mut tx, &caller.name, "token.revoke", None, None, None, id).await?;
    tx.commit().await?;
    Ok(())
}

/// The caller of a bearer token; `None` when unknown or revoked.
pub async fn token(store: &Store, secret: &str) -> Result<Option<Caller>, StoreError> {
    let row = sqlx::query("SELECT u.name, u.role, u.desk, t.scope FROM tokens t JOIN users u ON u.name = t.user_name WHERE t.secret_hash = $1 AND t.revoked_at IS NULL AND u.disabled_at IS NULL")
        .bind(digest(secret))
        .fetch_optional(store.pool())
        .await?;
    let Some(r) = row else { return Ok(None) };
    let role: String = r.try_get(1)?;
    let Some(role) = Role::from_name(&role) else { return Ok(None) };
    Ok(Some(Caller { name: r.try_get(0)?, role, desk: r.try_get(2)?, scope: Some(r.try_get(3)?) }))
}

/// Whether `caller` may publish to `chart` (owned by `owner`, in `desk`).
pub fn may_publish(caller: &Caller, chart: &str, owner: &str, desk: &str) -> bool {
    in_scope(caller, chart, desk)
        && match caller.role {
            Role::Admin => true,
            Role::Editor => caller.desk == desk || caller.name == owner,
            Role::Journalist => caller.name == owner,
        }
}

/// Whether `caller` may roll `chart` back: editors of its desk and admins.
pub fn may_roll_back(caller: &Caller, chart: &str, desk: &str) -> bool {
    in_scope(caller, chart, desk)
        && match caller.role {
            Role::Admin => true,
            Role::Editor => caller.desk == desk,
            Role::Journalist => false,
        }
}

/// A token reaches only its scope; a session everything its role allows.
fn in_scope(caller: &Caller, chart: &str, desk: &str) -> bool {
    match caller.scope.as_deref().and_then(|s| s.split_once(':')) {
        None => caller.scope.is_none(),
        Some(("chart", id)) => id == chart,
        Some(("desk", d)) => d == desk,
        Some(_) => false,
    }
}

/// A user as `newschart user list` shows it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct UserInfo {
    /// The name.
    pub name: String,
    /// `journalist`, `editor` or `admin`.
    pub role: String,
    /// The desk.
    pub desk: String,
    /// When the user was added (Unix ms).
    pub created_at: i64,
    /// When the user was disabled, if they were.
    pub disabled_at: Option<i64>,
}

/// Every user, by name.
pub async fn users(store: &Store) -> Result<Vec<UserInfo>, StoreError> {
    let rows = sqlx::query("SELECT name, role, desk, created_at, disabled_at FROM users ORDER BY name").fetch_all(store.pool()).await?;
    rows.iter()
        .map(|r| Ok(UserInfo { name: r.try_get(0)?, role: r.try_get(1)?, desk: r.try_get(2)?, created_at: r.try_get(3)?, disabled_at: r.try_get(4)? }))
        .collect::<Result<_, sqlx::Error>>()
        .map_err(StoreError::from)
}

/// Sets a user's password and ends their sessions (a password changed because it leaked must
/// not leave a thief signed in). Audited as `user.passwd` by `actor`.
pub async fn set_password(store: &Store, name: &str, password: &str, actor: &str) -> Result<(), StoreError> {
    let hash = hash_password(password)?;
    let mut tx = store.pool().begin().await?;
    let done = sqlx::query("UPDATE users SET password_hash = $1 WHERE name = $2").bind(hash).bind(name).execute(&mut *tx).await?;
    if done.rows_affected() != 1 {
        return Err(StoreError::NotFound);
    }
    sqlx::query("DELETE FROM sessions WHERE user_name = $1").bind(name).execute(&mut *tx).await?;
    store::audit(&mut tx, actor, "user.passwd", None, None, None, name).await?;
    tx.commit().await?;
    Ok(())
}

/// Disables a user: they cannot sign in, and their sessions and tokens stop working with the next
/// request (every request reads the user's row). Their charts and versions stay. Audited as
/// `user.disable`.
pub async fn disable_user(store: &Store, name: &str, actor: &str) -> Result<(), StoreError> {
    let mut tx = store.pool().begin().await?;
    let done = sqlx::query("UPDATE users SET disabled_at = $1 WHERE name = $2 AND disabled_at IS NULL").bind(now_ms()).bind(name).execute(&mut *tx).await?;
    if done.rows_affected() != 1 {
        return Err(StoreError::NotFound);
    }
    sqlx::query("DELETE FROM sessions WHERE user_name = $1").bind(name).execute(&mut *tx).await?;
    store::audit(&mut tx, actor, "user.disable", None, None, None, name).await?;
    tx.commit().await?;
    Ok(())
}

/// A token as `newschart token list` shows it (never its secret, which is not stored).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TokenInfo {
    /// The id, to revoke it.
    pub id: String,
    /// Whose token it is.
    pub user: String,
    /// `chart:ID` or `desk:NAME`.
    pub scope: String,
    /// When it was made (Unix ms).
    pub created_at: i64,
    /// When it was revoked, if it was.
    pub revoked_at: Option<i64>,
}

/// Every token, oldest first.
pub async fn tokens(store: &Store) -> Result<Vec<TokenInfo>, StoreError> {
    let rows = sqlx::query("SELECT id, user_name, scope, created_at, revoked_at FROM tokens ORDER BY created_at, id").fetch_all(store.pool()).await?;
    rows.iter()
        .map(|r| Ok(TokenInfo { id: r.try_get(0)?, user: r.try_get(1)?, scope: r.try_get(2)?, created_at: r.try_get(3)?, revoked_at: r.try_get(4)? }))
        .collect::<Result<_, sqlx::Error>>()
        .map_err(StoreError::from)
}
