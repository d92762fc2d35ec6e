//! Live data sources: a chart may name an upstream CSV or JSON address. The service checks it at
//! the chart's interval with `If-None-Match`, validates each new copy as any upload, and publishes
//! a new version only when the copy is valid and differs from the live feed. A broken upstream
//! never replaces the live version: the problem is recorded on the source, where the chart's page
//! shows it.

use std::sync::Arc;
use std::time::Duration;

use super::fetch::Policy;
use super::http::{live_changed, App};
use super::store::{Source, Upstream};
use super::validate::{self, Upload};

/// Who publishes a source's versions, in the history and the audit log.
pub const AUTHOR: &str = "upstream";

/// Checks due sources once a second, for as long as the service runs.
pub async fn run(app: Arc<App>, policy: Policy) {
    let mut tick = tokio::time::interval(Duration::from_secs(1));
    loop {
        tick.tick().await;
        let due = match app.store.claim_due_sources().await {
            Ok(d) => d,
            Err(e) => {
                eprintln!("newschart serve: sources: {}", e);
                continue;
            }
        };
        for u in due {
            let (app, policy) = (app.clone(), policy.clone());
            tokio::spawn(async move {
                let (etag, error) = check(&app, &u, &policy).await;
                if let Err(e) = app.store.source_checked(&u.chart_id, etag.as_deref(), error.as_deref()).await {
                    eprintln!("newschart serve: source of {}: {}", u.chart_id, e);
                }
            });
        }
    }
}

/// One fetch: what was read (ETag, body, whether it is a table), `None` for a 304.
type Fetched = Option<(Option<String>, Vec<u8>, bool)>;

fn fetch(policy: &Policy, url: &str, etag: Option<&str>) -> Result<Fetched, String> {
    let mut req = policy.agent().get(url);
    if let Some(e) = etag {
        req = req.header("If-None-Match", e);
    }
    let mut res = req.call().map_err(|e| policy.describe(url, &e))?;
    match res.status().as_u16() {
        304 => return Ok(None),
        200 => {}
        s => return Err(format!("{} answered {}", url, s)),
    }
    let tag = res.headers().get("etag").and_then(|v| v.to_str().ok()).map(str::to_string);
    let kind = res.headers().get("content-type").and_then(|v| v.to_str().ok()).unwrap_or("").to_ascii_lowercase();
    let path = url.split(['?', '#']).next().unwrap_or("").to_ascii_lowercase();
    let table = kind.starts_with("text/csv") || kind.contains("spreadsheetml") || path.ends_with(".csv") || path.ends_with(".xlsx");
    let body = res.body_mut().with_config().limit(policy.max_bytes as u64).read_to_vec().map_err(|e| policy.describe(url, &e))?;
    Ok(Some((tag, body, table)))
}

/// Checks one source; returns the ETag to keep and the problem to show.
async fn check(app: &App, u: &Upstream, policy: &Policy) -> (Option<String>, Option<String>) {
    let (url, etag, policy) = (u.url.clone(), u.etag.clone(), policy.clone());
    let fetched = tokio::task::spawn_blocking(move || fetch(&policy, &url, etag.as_deref())).await;
    let (tag, body, table) = match fetched {
        Ok(Ok(Some(f))) => f,
        Ok(Ok(None)) => return (None, None),
        Ok(Err(e)) => return (None, Some(e)),
        Err(e) => return (None, Some(e.to_string())),
    };
    let name = u.url.rsplit('/').next().filter(|n| !n.is_empty()).map(|n| n.split('?').next().unwrap_or(n).to_string());
    let upload = if table { Upload::Table(&body, name.as_deref()) } else { Upload::Feed(&body) };
    let valid = match validate::check(upload) {
        Ok(v) => v,
        Err(problems) => {
            let words: Vec<String> = problems.iter().filter(|p| p.severity == crate::feed::Severity::Error).take(5).map(|p| p.en.clone()).collect();
            // the ETag is not kept: the same broken copy is reported again, not taken as seen
            return (None, Some(format!("the upstream copy is not a valid feed: {}", words.join("; "))));
        }
    };
    match app.store.live(&u.chart_id).await {
        Ok(Some((_, live))) if live == valid.feed => return (tag, None),
        Ok(_) => {}
        Err(e) => return (None, Some(e.to_string())),
    }
    let source = table.then(|| Source { name: name.as_deref().unwrap_or("upstream.csv"), bytes: &body });
    match app.store.publish(&u.chart_id, &valid, source, AUTHOR, &format!("from {}", u.url)).await {
        Ok(_) => {
            live_changed(app, &u.chart_id).await;
            (tag, None)
        }
        Err(e) => (None, Some(e.to_string())),
    }
}
