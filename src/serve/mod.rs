//! The feed service, `newschart serve` (cargo feature `serve`, native only): charts with
//! immutable, validated versions, a live version changed only by appending to a history, the
//! readers' feeds over HTTP (and as static files with `--publish-dir`), accounts, tokens and an
//! audit log. docs/SERVICE.md has the design and what is still missing.

pub mod accounts;
pub mod backup;
pub mod demo;
pub mod diff;
pub mod fetch;
pub mod http;
pub mod load;
pub mod public_url;
pub mod publish_dir;
pub mod slug;
pub mod statics;
pub mod store;
pub mod upstream;
pub mod validate;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

/// How to run the service.
pub struct Config {
    /// `--data`: a SQLite file's path or a `postgres://` URL.
    pub data: String,
    /// `--listen`: the address to serve on.
    pub listen: SocketAddr,
    /// `--publish-dir`: where to write the live feeds as static files.
    pub publish_dir: Option<PathBuf>,
    /// `--max-upload`: the largest request body, in bytes.
    pub max_upload: usize,
    /// `--demo`: a demo user and the article's charts (src/serve/demo.rs).
    pub demo: bool,
    /// `--www`: a folder of pages served beside the feeds (the article, the builder).
    pub www: Option<PathBuf>,
    /// `--pkg`: the built widget, served at `/pkg/` (the pages' `pkg/newschart.js`).
    pub pkg: Option<PathBuf>,
    /// `--public-url`: the address behind a TLS proxy or load balancer (src/serve/public_url.rs).
    pub public_url: Option<public_url::PublicUrl>,
    /// How live data sources are fetched: TLS roots, allowed internal hosts, caps (src/serve/fetch.rs).
    pub upstream: fetch::Options,
    /// The text measure the static images are laid out with (src/serve/statics.rs).
    pub measure: statics::Measure,
}

/// The default `--max-upload`: 2 MiB, well above a feed the widget accepts by default.
pub const MAX_UPLOAD: usize = 2 * 1024 * 1024;

/// Opens the store, writes `--publish-dir` once, and serves until Ctrl-C or SIGTERM. Prints the
/// address it listens on (`listening on http://…`) once it accepts connections.
pub async fn run(config: Config) -> Result<(), String> {
    let policy = fetch::Policy::new(config.upstream)?;
    let store = store::Store::open(&config.data).await.map_err(|e| format!("{}: {}", config.data, e))?;
    if config.demo {
        let password = demo::seed(&store).await.map_err(|e| format!("--demo: {}", e))?;
        match password {
            Some(p) => println!("demo: sign in as {} with the password {} (shown once)", demo::USER, p),
            None => println!("demo: the user {} exists already (its password was shown when it was made)", demo::USER),
        }
    }
    let listener = tokio::net::TcpListener::bind(config.listen).await.map_err(|e| format!("{}: {}", config.listen, e))?;
    let addr = listener.local_addr().map_err(|e| e.to_string())?;
    if let Some(dir) = &config.publish_dir {
        for (id, _) in store.live_all().await.map_err(|e| e.to_string())? {
            http::write_one(&store, dir, &id).await.map_err(|e| format!("--publish-dir {}: {}", dir.display(), e))?;
        }
        statics::write_dir_all(&store, dir).await.map_err(|e| format!("--publish-dir {}: {}", dir.display(), e))?;
    }
    // behind a proxy the public address says whether readers use TLS; else only loopback is
    // assumed to be without it
    let secure_cookie = config.public_url.as_ref().map_or(!addr.ip().is_loopback(), |p| p.https);
    let public_origin = config.public_url.as_ref().map(|p| p.origin.clone());
    let base = config.public_url.as_ref().map_or(format!("http://{}", addr), |p| p.base.clone());
    let public_base = config.public_url.as_ref().map(|p| p.base.clone());
    let app = Arc::new(http::App { store: store.clone(), publish_dir: config.publish_dir, secure_cookie, public_origin, public_base, dir_lock: tokio::sync::Mutex::new(()), measure: config.measure });
    // every live version not drawn yet (--demo's charts, a restored database, a service before
    // static images) is drawn, beside the first requests so that many charts do not hold the
    // start; a problem is kept on the chart
    let live = store.live_all().await.map_err(|e| e.to_string())?;
    let drawer = app.clone();
    tokio::spawn(async move {
        for (id, _) in live {
            http::refresh_static(&drawer, &id).await;
        }
    });
    tokio::spawn(upstream::run(app.clone(), policy));
    tokio::spawn(housekeeping(store.clone()));
    let router = http::router(app, config.max_upload, config.www.as_deref(), config.pkg.as_deref());
    if config.demo {
        for (id, _, _, _) in demo::CHARTS {
            println!("demo: <news-chart src=\"{}/feeds/{}.json\" refresh=\"60\"></news-chart>", base, id);
        }
        if config.www.is_some() {
            println!("demo: the article at {}/ and the builder at {}/builder.html", base, base);
        }
    }
    println!("listening on http://{}", addr);
    axum::serve(listener, router).with_graceful_shutdown(shutdown()).await.map_err(|e| e.to_string())?;
    store.close().await;
    Ok(())
}

/// Every five minutes: expired sessions and old sign-in failures go.
async fn housekeeping(store: store::Store) {
    let mut tick = tokio::time::interval(std::time::Duration::from_secs(300));
    loop {
        tick.tick().await;
        if let Err(e) = accounts::purge(&store).await {
            eprintln!("newschart serve: housekeeping: {}", e);
        }
    }
}

async fn shutdown() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
}
