//! The HTTP side: readers' feeds (`/feeds/…`, public, cacheable, CORS-open) and the API
//! (`/api/…`, signed in by a session cookie with a CSRF token, or by a bearer token).

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, Path, Query, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{delete, get, post};
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::json;
use sha2::{Digest, Sha256};

use super::accounts::{self, Caller, LoginError, Role};
use super::publish_dir;
use super::slug;
use super::statics;
use super::store::{Source, Store, StoreError};
use super::validate::{self, Upload};

/// `Cache-Control` of a live feed: a CDN in front may serve it for a few seconds, and a little
/// stale while it asks again, so a new version reaches readers within a polling interval.
pub const LIVE_CACHE: &str = "public, max-age=10, stale-while-revalidate=60";
/// `Cache-Control` of a fixed version: it never changes.
pub const VERSION_CACHE: &str = "public, max-age=31536000, immutable";
/// The session cookie's name.
pub const COOKIE: &str = "newschart_session";
/// The longest note accepted (one line).
pub const MAX_NOTE: usize = 500;
/// The builder's publish body: `{"feed": TEXT or OBJECT, "source": {"name", "base64"}}`, the feed
/// the journalist saw in the preview with the spreadsheet it came from.
pub const ENVELOPE: &str = "application/vnd.newschart.publish+json";
/// Set on every answer of the service, so the builder page can tell it is served by one (and
/// only then asks `/api/me`: a static host would log a 404).
pub const SERVICE_HEADER: &str = "x-newschart-service";

/// What every handler shares.
pub struct App {
    /// The database.
    pub store: Store,
    /// `--publish-dir`.
    pub publish_dir: Option<PathBuf>,
    /// Whether the session cookie is `Secure` (`--public-url https://…`, else beyond loopback).
    pub secure_cookie: bool,
    /// `--public-url`'s origin: what `Origin` must be, instead of the request's own `Host`.
    pub public_origin: Option<String>,
    /// `--public-url`'s base address, for the static images' addresses in the snippet.
    pub public_base: Option<String>,
    /// Serializes the writes to `--publish-dir`, so the last writer writes the latest live feed.
    pub dir_lock: tokio::sync::Mutex<()>,
    /// The text measure of the static images (src/serve/statics.rs).
    pub measure: super::statics::Measure,
}

/// The router, with the upload limit in bytes, `--pkg`'s folder at `/pkg/` and `--www`'s for
/// every other path.
pub fn router(app: Arc<App>, max_upload: usize, www: Option<&std::path::Path>, pkg: Option<&std::path::Path>) -> Router {
    let router = Router::new()
        .route("/feeds/{file}", get(live_feed).options(preflight))
        .route("/feeds/{id}/{file}", get(version_feed).options(preflight))
        .route("/static/{file}", get(static_image))
        .route("/api/login", post(login))
        .route("/api/logout", post(logout))
        .route("/api/me", get(me))
        .route("/api/charts", post(create_chart).get(list_charts))
        .route("/api/charts/{id}", get(chart))
        .route("/api/charts/{id}/versions", post(publish))
        .route("/api/charts/{id}/rollback", post(rollback))
        .route("/api/charts/{id}/audit", get(audit))
        .route("/api/charts/{id}/diff", get(diff))
        .route("/api/charts/{id}/source", axum::routing::put(set_source))
        .route("/api/users", post(add_user))
        .route("/api/tokens", post(create_token))
        .route("/api/tokens/{id}", delete(revoke_token))
        .layer(DefaultBodyLimit::max(max_upload))
        .with_state(app);
    // tower-http's ServeDir: content types, ranges, and no path outside the folder. The widget's
    // files are CORS-open, as on a CDN: an article of another origin loads them as modules.
    let router = match pkg {
        Some(dir) => router.nest("/pkg", Router::new().fallback_service(tower_http::services::ServeDir::new(dir)).layer(axum::middleware::map_response(open_cors))),
        None => router,
    };
    let router = match www {
        Some(dir) => router.fallback_service(tower_http::services::ServeDir::new(dir)),
        None => router,
    };
    router.layer(axum::middleware::map_response(mark_service))
}

async fn mark_service(mut r: Response) -> Response {
    r.headers_mut().insert(SERVICE_HEADER, HeaderValue::from_static("1"));
    r
}

async fn open_cors(mut r: Response) -> Response {
    cors(r.headers_mut());
    r
}

fn error(status: StatusCode, msg: &str) -> Response {
    (status, Json(json!({ "error": msg }))).into_response()
}

fn store_error(e: StoreError) -> Response {
    match e {
        StoreError::NotFound => error(StatusCode::NOT_FOUND, "not found"),
        StoreError::Exists => error(StatusCode::CONFLICT, "already exists"),
        StoreError::Db(e) => {
            eprintln!("newschart serve: database: {}", e);
            error(StatusCode::SERVICE_UNAVAILABLE, "database unavailable")
        }
    }
}

// ---- readers' feeds ----

fn etag(id: &str, n: i64) -> String {
    format!("\"{}-v{}\"", id, n)
}

/// Whether `If-None-Match` names `tag` (or `*`).
fn matches(headers: &HeaderMap, tag: &str) -> bool {
    headers
        .get_all(header::IF_NONE_MATCH)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(str::trim)
        .any(|t| t == "*" || t == tag || t.strip_prefix("W/") == Some(tag))
}

fn feed_response(headers: &HeaderMap, tag: &str, cache: &'static str, body: Option<String>) -> Response {
    let mut r = match body {
        Some(b) if !matches(headers, tag) => (StatusCode::OK, b).into_response(),
        _ => StatusCode::NOT_MODIFIED.into_response(),
    };
    let ok = r.status() == StatusCode::OK;
    let h = r.headers_mut();
    if ok {
        h.insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json; charset=utf-8"));
    }
    if let Ok(v) = HeaderValue::from_str(tag) {
        h.insert(header::ETAG, v);
    }
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    cors(h);
    r
}

fn cors(h: &mut HeaderMap) {
    h.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, HeaderValue::from_static("*"));
    // the widget reads the ETag to send it back as If-None-Match
    h.insert(header::ACCESS_CONTROL_EXPOSE_HEADERS, HeaderValue::from_static("ETag"));
}

/// A cross-origin refresh sends If-None-Match, which is not a simple header: the browser asks first.
async fn preflight() -> Response {
    let mut r = StatusCode::NO_CONTENT.into_response();
    let h = r.headers_mut();
    cors(h);
    h.insert(header::ACCESS_CONTROL_ALLOW_METHODS, HeaderValue::from_static("GET"));
    h.insert(header::ACCESS_CONTROL_ALLOW_HEADERS, HeaderValue::from_static("If-None-Match"));
    h.insert(header::ACCESS_CONTROL_MAX_AGE, HeaderValue::from_static("86400"));
    r
}

async fn live_feed(State(app): State<Arc<App>>, Path(file): Path<String>, headers: HeaderMap) -> Response {
    let Some(id) = file.strip_suffix(".json").filter(|id| slug::is_valid(id)) else {
        return error(StatusCode::NOT_FOUND, "no such feed");
    };
    match app.store.live(id).await {
        Ok(Some((n, feed))) => feed_response(&headers, &etag(id, n), LIVE_CACHE, Some(feed)),
        Ok(None) => error(StatusCode::NOT_FOUND, "no such feed"),
        Err(e) => store_error(e),
    }
}

async fn version_feed(State(app): State<Arc<App>>, Path((id, file)): Path<(String, String)>, headers: HeaderMap) -> Response {
    let n = file.strip_prefix('v').and_then(|f| f.strip_suffix(".json")).filter(|n| n.len() <= 12 && !n.starts_with('0')).and_then(|n| n.parse::<i64>().ok());
    let (true, Some(n)) = (slug::is_valid(&id), n) else {
        return error(StatusCode::NOT_FOUND, "no such feed");
    };
    let tag = etag(&id, n);
    if matches(&headers, &tag) {
        return feed_response(&headers, &tag, VERSION_CACHE, None);
    }
    match app.store.version_feed(&id, n).await {
        Ok(Some(feed)) => feed_response(&headers, &tag, VERSION_CACHE, Some(feed)),
        Ok(None) => error(StatusCode::NOT_FOUND, "no such feed"),
        Err(e) => store_error(e),
    }
}

/// The static images' `Content-Security-Policy`: an SVG opened on its own runs nothing and loads
/// nothing; its inline styles (the text's CSS) still apply.
pub const STATIC_CSP: &str = "default-src 'none'; style-src 'unsafe-inline'";

/// `/static/{id}.{hash}.{width}.svg` (or `.dark.svg`): one drawn width of one feed the chart has had. The name
/// never changes meaning (the hash is the feed's), so it is cached for good.
async fn static_image(State(app): State<Arc<App>>, Path(file): Path<String>) -> Response {
    let Some((id, hash, width, dark)) = publish_dir::parse_name(&file) else {
        return error(StatusCode::NOT_FOUND, "no such image");
    };
    match app.store.static_svg(id, hash, width, dark).await {
        Ok(Some(svg)) => {
            let mut r = (StatusCode::OK, svg).into_response();
            let h = r.headers_mut();
            h.insert(header::CONTENT_TYPE, HeaderValue::from_static("image/svg+xml"));
            h.insert(header::CACHE_CONTROL, HeaderValue::from_static(VERSION_CACHE));
            h.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(STATIC_CSP));
            h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
            cors(h);
            r
        }
        Ok(None) => error(StatusCode::NOT_FOUND, "no such image"),
        Err(e) => store_error(e),
    }
}

// ---- who is calling ----

fn cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|kv| kv.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.to_string())
}

/// Whether a browser says the request came from another site: `Origin` (sent on every
/// cross-origin and every POST request) must name the host the request was sent to (behind a
/// proxy, `--public-url`'s origin), and `Sec-Fetch-Site`, when sent, must be `same-origin` or `none`.
fn cross_site(app: &App, headers: &HeaderMap) -> bool {
    if let Some(site) = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
        if site != "same-origin" && site != "none" {
            return true;
        }
    }
    match (headers.get(header::ORIGIN), &app.public_origin) {
        (None, _) => false,
        (Some(o), Some(public)) => !o.to_str().is_ok_and(|o| o.eq_ignore_ascii_case(public)),
        (Some(o), None) => {
            let host = headers.get(header::HOST).and_then(|h| h.to_str().ok());
            let origin_host = o.to_str().ok().and_then(|o| o.split_once("://")).map(|(_, h)| h);
            origin_host.is_none() || origin_host != host
        }
    }
}

fn same_secret(a: &str, b: &str) -> bool {
    // compares digests, so the time taken says nothing about how much of the token was right
    Sha256::digest(a.as_bytes()) == Sha256::digest(b.as_bytes())
}

/// The caller of a request. `write`: a state-changing request, which with a session cookie must
/// come from the service's own pages and carry the session's CSRF token.
async fn caller(app: &App, headers: &HeaderMap, write: bool) -> Result<Caller, Response> {
    if let Some(auth) = headers.get(header::AUTHORIZATION) {
        let secret = auth.to_str().ok().and_then(|a| a.strip_prefix("Bearer ")).unwrap_or("");
        return match accounts::token(&app.store, secret.trim()).await {
            Ok(Some(c)) => Ok(c),
            Ok(None) => Err(error(StatusCode::UNAUTHORIZED, "unknown or revoked token")),
            Err(e) => Err(store_error(e)),
        };
    }
    let Some(id) = cookie(headers, COOKIE) else { return Err(error(StatusCode::UNAUTHORIZED, "sign in first")) };
    let (c, csrf) = match accounts::session(&app.store, &id).await {
        Ok(Some(s)) => s,
        Ok(None) => return Err(error(StatusCode::UNAUTHORIZED, "sign in again")),
        Err(e) => return Err(store_error(e)),
    };
    if write {
        let sent = headers.get("x-csrf-token").and_then(|v| v.to_str().ok()).unwrap_or("");
        if cross_site(app, headers) || !same_secret(sent, &csrf) {
            return Err(error(StatusCode::FORBIDDEN, "cross-site request refused (missing or wrong CSRF token)"));
        }
    }
    Ok(c)
}

// ---- sessions ----

#[derive(Deserialize)]
struct Login {
    name: String,
    password: String,
}

async fn login(State(app): State<Arc<App>>, headers: HeaderMap, Json(l): Json<Login>) -> Response {
    if cross_site(&app, &headers) {
        return error(StatusCode::FORBIDDEN, "cross-site sign-in refused");
    }
    match accounts::login(&app.store, &l.name, &l.password).await {
        Ok(s) => {
            let secure = if app.secure_cookie { "; Secure" } else { "" };
            let cookie = format!("{}={}; HttpOnly; SameSite=Strict; Path=/; Max-Age={}{}", COOKIE, s.id, accounts::SESSION_MS / 1000, secure);
            let mut r = Json(json!({ "name": l.name, "csrf": s.csrf })).into_response();
            if let Ok(v) = HeaderValue::from_str(&cookie) {
                r.headers_mut().insert(header::SET_COOKIE, v);
            }
            r
        }
        Err(LoginError::Denied) => error(StatusCode::UNAUTHORIZED, "wrong name or password"),
        Err(LoginError::RateLimited) => error(StatusCode::TOO_MANY_REQUESTS, "too many failed sign-ins; wait 15 minutes"),
        Err(LoginError::Store(e)) => store_error(e),
    }
}

async fn logout(State(app): State<Arc<App>>, headers: HeaderMap) -> Response {
    if let Err(r) = caller(&app, &headers, true).await {
        return r;
    }
    if let Some(id) = cookie(&headers, COOKIE) {
        if let Err(e) = accounts::logout(&app.store, &id).await {
            return store_error(e);
        }
    }
    let mut r = Json(json!({ "ok": true })).into_response();
    r.headers_mut().insert(header::SET_COOKIE, HeaderValue::from_static("newschart_session=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0"));
    r
}

/// Who is signed in; for a session also its CSRF token, so the builder page keeps writing after a
/// reload (the answer is same-origin only: `/api` sends no CORS headers, and the cookie is
/// SameSite=Strict).
async fn me(State(app): State<Arc<App>>, headers: HeaderMap) -> Response {
    if headers.get(header::AUTHORIZATION).is_none() {
        if let Some(id) = cookie(&headers, COOKIE) {
            return match accounts::session(&app.store, &id).await {
                Ok(Some((c, csrf))) => Json(json!({ "name": c.name, "role": c.role, "desk": c.desk, "scope": c.scope, "csrf": csrf })).into_response(),
                Ok(None) => error(StatusCode::UNAUTHORIZED, "sign in again"),
                Err(e) => store_error(e),
            };
        }
    }
    match caller(&app, &headers, false).await {
        Ok(c) => Json(c).into_response(),
        Err(r) => r,
    }
}

// ---- charts ----

#[derive(Deserialize)]
struct NewChart {
    id: String,
    title: String,
}

async fn create_chart(State(app): State<Arc<App>>, headers: HeaderMap, Json(n): Json<NewChart>) -> Response {
    let c = match caller(&app, &headers, true).await {
        Ok(c) => c,
        Err(r) => return r,
    };
    if !slug::is_valid(&n.id) {
        return error(StatusCode::BAD_REQUEST, "a chart id is a short slug: a-z, 0-9 and -, at most 64");
    }
    if n.title.trim().is_empty() || n.title.len() > MAX_NOTE {
        return error(StatusCode::BAD_REQUEST, "a chart needs a title");
    }
    // a token may create charts only within its desk
    if c.scope.as_deref().is_some_and(|s| s != format!("desk:{}", c.desk)) {
        return error(StatusCode::FORBIDDEN, "this token cannot create charts");
    }
    match app.store.create_chart(&n.id, n.title.trim(), &c.name, &c.desk).await {
        Ok(()) => (StatusCode::CREATED, Json(json!({ "id": n.id }))).into_response(),
        Err(e) => store_error(e),
    }
}

async fn chart(State(app): State<Arc<App>>, Path(id): Path<String>, headers: HeaderMap) -> Response {
    if let Err(r) = caller(&app, &headers, false).await {
        return r;
    }
    if !slug::is_valid(&id) {
        return error(StatusCode::NOT_FOUND, "no such chart");
    }
    let chart = match app.store.chart(&id).await {
        Ok(Some(c)) => c,
        Ok(None) => return error(StatusCode::NOT_FOUND, "no such chart"),
        Err(e) => return store_error(e),
    };
    let base = public_base(&app, &headers);
    let statics = statics::describe(&app.store, &id, &base).await;
    match (app.store.versions(&id).await, app.store.history(&id).await, app.store.source(&id).await) {
        (Ok(v), Ok(h), Ok(src)) => Json(json!({ "chart": chart, "versions": v, "history": h, "source": src, "static": statics })).into_response(),
        (Err(e), _, _) | (_, Err(e), _) | (_, _, Err(e)) => store_error(e),
    }
}

/// The service's address as readers reach it: `--public-url`'s, else the request's host over
/// http (the session cookie makes the same assumption: TLS is a proxy's, named by --public-url).
fn public_base(app: &App, headers: &HeaderMap) -> String {
    if let Some(b) = &app.public_base {
        return b.trim_end_matches('/').to_string();
    }
    let host = headers.get(header::HOST).and_then(|h| h.to_str().ok()).filter(|h| !h.is_empty() && h.bytes().all(|b| b.is_ascii_alphanumeric() || b".-:[]".contains(&b)));
    format!("http://{}", host.unwrap_or("localhost"))
}

/// The chart a write goes to, with the caller checked against it; `Err` is the answer to send.
async fn writable(app: &App, headers: &HeaderMap, id: &str, rollback: bool) -> Result<(Caller, super::store::Chart), Response> {
    let c = caller(app, headers, true).await?;
    if !slug::is_valid(id) {
        return Err(error(StatusCode::BAD_REQUEST, "a chart id is a short slug: a-z, 0-9 and -, at most 64"));
    }
    let chart = match app.store.chart(id).await {
        Ok(Some(ch)) => ch,
        Ok(None) => return Err(error(StatusCode::NOT_FOUND, "no such chart")),
        Err(e) => return Err(store_error(e)),
    };
    let allowed = if rollback { accounts::may_roll_back(&c, id, &chart.desk) } else { accounts::may_publish(&c, id, &chart.owner, &chart.desk) };
    if !allowed {
        return Err(error(StatusCode::FORBIDDEN, "you may not change this chart"));
    }
    Ok((c, chart))
}

fn note_of(q: &HashMap<String, String>, key: &str) -> Result<String, Response> {
    let note = q.get(key).map(|s| s.trim().to_string()).unwrap_or_default();
    if note.len() > MAX_NOTE || note.contains(['\n', '\r', '\0']) {
        return Err(error(StatusCode::BAD_REQUEST, "a note is one line of at most 500 bytes"));
    }
    Ok(note)
}

async fn publish(State(app): State<Arc<App>>, Path(id): Path<String>, Query(q): Query<HashMap<String, String>>, headers: HeaderMap, body: Bytes) -> Response {
    let (c, _) = match writable(&app, &headers, &id, false).await {
        Ok(w) => w,
        Err(r) => return r,
    };
    let note = match note_of(&q, "note") {
        Ok(n) => n,
        Err(r) => return r,
    };
    let mut height = match q.get("height").map(|h| h.parse::<i64>().ok().filter(|h| (statics::MIN_HEIGHT..=statics::MAX_HEIGHT).contains(h))) {
        Some(None) => return error(StatusCode::BAD_REQUEST, "height: the embed height, 60 to 2000 px"),
        Some(h) => h,
        None => None,
    };
    let kind = headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or("");
    let table = kind.starts_with("text/csv") || kind.starts_with("application/vnd.openxmlformats-officedocument.spreadsheetml");
    let name = q.get("name").map(String::as_str).filter(|n| n.len() <= 200 && !n.contains(['/', '\\', '\0']));
    let opened;
    let (upload, source) = if table {
        (Upload::Table(&body, name), Some(Source { name: name.unwrap_or("data.csv"), bytes: &body }))
    } else if kind.starts_with(ENVELOPE) {
        opened = match open_envelope(&body) {
            Ok(e) => e,
            Err(r) => return r,
        };
        height = opened.height.or(height);
        (Upload::Feed(opened.feed.as_bytes()), opened.source.as_ref().map(|(name, bytes)| Source { name, bytes }))
    } else if kind.starts_with("application/json") {
        (Upload::Feed(&body), None)
    } else {
        return error(StatusCode::UNSUPPORTED_MEDIA_TYPE, "send a feed as application/json, or a spreadsheet as text/csv or .xlsx");
    };
    let valid = match validate::check(upload) {
        Ok(v) => v,
        Err(problems) => return (StatusCode::UNPROCESSABLE_ENTITY, Json(json!({ "error": "the feed has problems", "problems": problems }))).into_response(),
    };
    match app.store.publish(&id, &valid, source, &c.name, &note).await {
        Ok(n) => {
            if let Some(h) = height {
                if let Err(e) = app.store.set_height(&id, h).await {
                    eprintln!("newschart serve: {}: the embed height: {}", id, e);
                }
            }
            live_changed(&app, &id).await;
            (StatusCode::CREATED, Json(json!({ "version": n, "warnings": valid.warnings }))).into_response()
        }
        Err(e) => store_error(e),
    }
}

/// An opened [`ENVELOPE`]: the feed's text and the source file (name, bytes), if any.
struct Envelope {
    feed: String,
    source: Option<(String, Vec<u8>)>,
    /// The embed height the builder's snippet uses.
    height: Option<i64>,
}

fn open_envelope(body: &[u8]) -> Result<Envelope, Response> {
    use base64::Engine;
    #[derive(Deserialize)]
    struct Raw {
        feed: serde_json::Value,
        source: Option<RawSource>,
        height: Option<i64>,
    }
    #[derive(Deserialize)]
    struct RawSource {
        name: String,
        base64: String,
    }
    let bad = |why: &str| error(StatusCode::BAD_REQUEST, &format!("a publish envelope is {{\"feed\": …, \"source\": {{\"name\": …, \"base64\": …}}, \"height\": …}}: {}", why));
    let raw: Raw = serde_json::from_slice(body).map_err(|e| bad(&e.to_string()))?;
    if raw.height.is_some_and(|h| !(statics::MIN_HEIGHT..=statics::MAX_HEIGHT).contains(&h)) {
        return Err(bad("the height is the embed height, 60 to 2000 px"));
    }
    // the feed as text keeps the lines the builder showed; an object is written out
    let feed = match raw.feed {
        serde_json::Value::String(s) => s,
        v => serde_json::to_string_pretty(&v).map_err(|e| bad(&e.to_string()))?,
    };
    let source = match raw.source {
        None => None,
        Some(s) => {
            if s.name.is_empty() || s.name.len() > 200 || s.name.contains(['/', '\\', '\0']) {
                return Err(bad("the source's name is a file name of at most 200 bytes"));
            }
            let bytes = base64::engine::general_purpose::STANDARD.decode(s.base64.as_bytes()).map_err(|e| bad(&format!("the source's base64: {}", e)))?;
            Some((s.name, bytes))
        }
    };
    Ok(Envelope { feed, source, height: raw.height })
}

#[derive(Deserialize)]
struct Rollback {
    version: i64,
    #[serde(default)]
    note: String,
}

async fn rollback(State(app): State<Arc<App>>, Path(id): Path<String>, headers: HeaderMap, Json(rb): Json<Rollback>) -> Response {
    let (c, _) = match writable(&app, &headers, &id, true).await {
        Ok(w) => w,
        Err(r) => return r,
    };
    let note = match note_of(&HashMap::from([("note".to_string(), rb.note)]), "note") {
        Ok(n) => n,
        Err(r) => return r,
    };
    match app.store.rollback(&id, rb.version, &c.name, &note).await {
        Ok(()) => {
            live_changed(&app, &id).await;
            Json(json!({ "live": rb.version })).into_response()
        }
        Err(e) => store_error(e),
    }
}

async fn audit(State(app): State<Arc<App>>, Path(id): Path<String>, headers: HeaderMap) -> Response {
    if let Err(r) = caller(&app, &headers, false).await {
        return r;
    }
    if !slug::is_valid(&id) {
        return error(StatusCode::NOT_FOUND, "no such chart");
    }
    match app.store.audit(&id).await {
        Ok(a) => Json(a).into_response(),
        Err(e) => store_error(e),
    }
}

async fn list_charts(State(app): State<Arc<App>>, headers: HeaderMap) -> Response {
    if let Err(r) = caller(&app, &headers, false).await {
        return r;
    }
    match app.store.charts().await {
        Ok(c) => Json(c).into_response(),
        Err(e) => store_error(e),
    }
}

/// `?from=N&to=M` (`to` defaults to the live version): what changed, for the builder.
async fn diff(State(app): State<Arc<App>>, Path(id): Path<String>, Query(q): Query<HashMap<String, String>>, headers: HeaderMap) -> Response {
    if let Err(r) = caller(&app, &headers, false).await {
        return r;
    }
    if !slug::is_valid(&id) {
        return error(StatusCode::NOT_FOUND, "no such chart");
    }
    let live = match app.store.live(&id).await {
        Ok(l) => l.map(|(n, _)| n),
        Err(e) => return store_error(e),
    };
    let num = |k: &str| q.get(k).and_then(|v| v.parse::<i64>().ok());
    let (Some(from), Some(to)) = (num("from"), num("to").or(live)) else {
        return error(StatusCode::BAD_REQUEST, "give from=N (and to=M, by default the live version)");
    };
    let (a, b) = match (app.store.version_feed(&id, from).await, app.store.version_feed(&id, to).await) {
        (Ok(Some(a)), Ok(Some(b))) => (a, b),
        (Err(e), _) | (_, Err(e)) => return store_error(e),
        _ => return error(StatusCode::NOT_FOUND, "no such version"),
    };
    match super::diff::diff(&a, &b) {
        Some(d) => Json(json!({ "from": from, "to": to, "diff": d })).into_response(),
        None => error(StatusCode::INTERNAL_SERVER_ERROR, "a stored version does not read"),
    }
}

#[derive(Deserialize)]
struct NewSource {
    url: String,
    interval: i64,
}

/// Names the chart's live data source (those who may publish to the chart may).
async fn set_source(State(app): State<Arc<App>>, Path(id): Path<String>, headers: HeaderMap, Json(src): Json<NewSource>) -> Response {
    let (c, _) = match writable(&app, &headers, &id, false).await {
        Ok(w) => w,
        Err(r) => return r,
    };
    if !slug::valid_url(&src.url) {
        return error(StatusCode::BAD_REQUEST, "a source is an http or https address");
    }
    if !(1..=86_400).contains(&src.interval) {
        return error(StatusCode::BAD_REQUEST, "interval: 1 to 86400 seconds");
    }
    match app.store.set_source(&id, &src.url, src.interval, &c.name).await {
        Ok(()) => Json(json!({ "source": src.url, "interval": src.interval })).into_response(),
        Err(e) => store_error(e),
    }
}

// ---- users ----

#[derive(Deserialize)]
struct NewUser {
    name: String,
    role: String,
    desk: String,
    password: String,
}

/// Whether `name` may be a user's name: letters, digits, `-`, `_`, `.`, at most 64.
pub fn valid_user_name(name: &str) -> bool {
    !name.is_empty() && name.len() <= 64 && name.chars().all(|c| c.is_alphanumeric() || c == '-' || c == '_' || c == '.')
}

/// Adds a user: admins only, signed in (not with a token).
async fn add_user(State(app): State<Arc<App>>, headers: HeaderMap, Json(u): Json<NewUser>) -> Response {
    let c = match caller(&app, &headers, true).await {
        Ok(c) => c,
        Err(r) => return r,
    };
    if c.role != Role::Admin || c.scope.is_some() {
        return error(StatusCode::FORBIDDEN, "only an admin, signed in, manages users");
    }
    let Some(role) = Role::from_name(&u.role) else { return error(StatusCode::BAD_REQUEST, "role: journalist, editor or admin") };
    if !valid_user_name(&u.name) || u.desk.trim().is_empty() || u.desk.len() > 64 {
        return error(StatusCode::BAD_REQUEST, "a user name is letters, digits, - _ and ., at most 64; a desk is needed");
    }
    if u.password.chars().count() < accounts::MIN_PASSWORD {
        return error(StatusCode::BAD_REQUEST, "a password has at least 10 characters");
    }
    match accounts::add_user(&app.store, &u.name, role, u.desk.trim(), &u.password, &c.name).await {
        Ok(()) => (StatusCode::CREATED, Json(json!({ "name": u.name, "role": role }))).into_response(),
        Err(e) => store_error(e),
    }
}

// ---- tokens ----

#[derive(Deserialize)]
struct NewToken {
    scope: String,
}

async fn create_token(State(app): State<Arc<App>>, headers: HeaderMap, Json(t): Json<NewToken>) -> Response {
    let c = match caller(&app, &headers, true).await {
        Ok(c) => c,
        Err(r) => return r,
    };
    // tokens are made in the builder, by people: a token cannot make another
    if c.scope.is_some() {
        return error(StatusCode::FORBIDDEN, "a token cannot create tokens");
    }
    if !accounts::valid_scope(&t.scope) {
        return error(StatusCode::BAD_REQUEST, "a scope is chart:ID or desk:NAME");
    }
    if c.role != Role::Admin && t.scope.strip_prefix("desk:").is_some_and(|d| d != c.desk) {
        return error(StatusCode::FORBIDDEN, "a token's desk must be yours");
    }
    match accounts::create_token(&app.store, &c.name, &t.scope).await {
        Ok((id, secret)) => (StatusCode::CREATED, Json(json!({ "id": id, "token": secret, "scope": t.scope }))).into_response(),
        Err(e) => store_error(e),
    }
}

async fn revoke_token(State(app): State<Arc<App>>, Path(id): Path<String>, headers: HeaderMap) -> Response {
    let c = match caller(&app, &headers, true).await {
        Ok(c) => c,
        Err(r) => return r,
    };
    match accounts::revoke_token(&app.store, &c, &id).await {
        Ok(()) => Json(json!({ "revoked": id })).into_response(),
        Err(e) => store_error(e),
    }
}

// ---- --publish-dir ----

/// After the chart's live version changed: its static images (drawn when new, never failing the
/// change), then its files in `--publish-dir`, images first, so a static copy of the live feed
/// never comes before its image.
pub async fn live_changed(app: &App, id: &str) {
    refresh_static(app, id).await;
    write_dir(app, id).await;
}

/// The chart's static images, drawn when its live version has none yet (statics::refresh).
pub async fn refresh_static(app: &App, id: &str) {
    statics::refresh(&app.store, &app.measure, app.publish_dir.as_deref().map(|d| (d, &app.dir_lock)), id).await;
}

/// Writes the chart's live feed and its version file, as the store says it is now (under the
/// lock, so of two publishes finishing together the later write is the later version).
pub async fn write_dir(app: &App, id: &str) {
    let Some(dir) = &app.publish_dir else { return };
    let _guard = app.dir_lock.lock().await;
    if let Err(e) = write_one(&app.store, dir, id).await {
        eprintln!("newschart serve: --publish-dir {}: {}: {}", dir.display(), id, e);
    }
}

/// Writes one chart's live feed and its version file under `dir`.
pub async fn write_one(store: &Store, dir: &std::path::Path, id: &str) -> Result<(), String> {
    let Some((n, feed)) = store.live(id).await.map_err(|e| e.to_string())? else { return Ok(()) };
    let (Some(live), Some(version)) = (publish_dir::live_path(dir, id), publish_dir::version_path(dir, id, n)) else { return Ok(()) };
    publish_dir::write_atomic(&version, feed.as_bytes()).map_err(|e| e.to_string())?;
    publish_dir::write_atomic(&live, feed.as_bytes()).map_err(|e| e.to_string())
}

