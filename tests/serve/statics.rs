//! The static first paint at publish time (issue 19, src/serve/statics.rs): each live version
//! drawn as `newschart render --static` draws it, served at `/static/{id}.{hash}.{width}.svg` and
//! written to `--publish-dir`, and its `<picture>` in the chart's API answer for the snippet.

use std::process::Command;

use newschart::render::element::feed_hash;
use newschart::render::static_paint::WIDTHS;

use super::postgres;
use super::server::{bin, example, Answer, Server, Session, TempDir};

const EDITOR: (&str, &str, &str, &str) = ("ana", "editor", "county", "ana-password-1");

/// What `newschart render FEED --static DIR --chart-height H --name ID` writes, by width.
fn cli_images(feed: &str, id: &str, height: i64) -> Vec<(String, String)> {
    let dir = TempDir::new("cli-static");
    let path = dir.0.join("feed.json");
    std::fs::write(&path, feed).expect("feed file");
    let out = Command::new(bin())
        .arg("render")
        .arg(&path)
        .args(["--static"])
        .arg(dir.0.join("out"))
        .args(["--chart-height", &height.to_string(), "--name", id])
        .output()
        .expect("newschart render runs");
    assert!(out.status.success(), "render --static: {}", String::from_utf8_lossy(&out.stderr));
    // the light images, then the dark ones (`--theme auto`, the default): the names' `WIDTH` or `WIDTH.dark`
    let names: Vec<String> = [false, true].iter().flat_map(|&dark| WIDTHS.map(|w| format!("{}{}", w, if dark { ".dark" } else { "" }))).collect();
    names.into_iter().map(|w| { let svg = std::fs::read_to_string(dir.0.join("out").join(format!("{}.{}.{}.svg", id, feed_hash(feed), w))).expect("the CLI's image"); (w, svg) }).collect()
}

/// Every text node of an SVG, which must parse as XML.
fn svg_texts(svg: &str) -> Vec<String> {
    let doc = roxmltree::Document::parse(svg).unwrap_or_else(|e| panic!("the SVG does not parse: {}", e));
    assert_eq!(doc.root_element().tag_name().name(), "svg");
    doc.descendants().filter(|n| n.has_tag_name("text")).filter_map(|n| n.text()).map(|t| t.trim().to_string()).collect()
}

/// `GET path` once it answers 200 (images drawn at start come beside the first requests), within 60 s.
fn get_when_drawn(srv: &Server, path: &str) -> Answer {
    let until = std::time::Instant::now() + std::time::Duration::from_secs(60);
    loop {
        let a = srv.get(path);
        if a.status != 404 || std::time::Instant::now() > until {
            return a;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
}

fn chart_static(srv: &Server, s: &Session, id: &str) -> serde_json::Value {
    let a = srv.send("GET", &format!("/api/charts/{}", id), &[("cookie", &s.cookie)], None);
    assert_eq!(a.status, 200, "{}", a.body);
    a.json()["static"].clone()
}

/// Checks the headers every static image is served with.
fn assert_image_headers(a: &Answer, what: &str) {
    assert_eq!(a.status, 200, "{}: {}", what, a.body);
    assert_eq!(a.header("content-type"), Some("image/svg+xml"), "{}", what);
    assert_eq!(a.header("cache-control"), Some("public, max-age=31536000, immutable"), "{}", what);
    assert_eq!(a.header("content-security-policy"), Some("default-src 'none'; style-src 'unsafe-inline'"), "{}", what);
    assert_eq!(a.header("x-content-type-options"), Some("nosniff"), "{}", what);
    assert_eq!(a.header("access-control-allow-origin"), Some("*"), "{}", what);
}

/// Publishes v1 and v2 of a chart, rolls back to v1: at each step the live feed's images are
/// served under its hash, equal to the CLI's, with the feed's numbers, and the old ones stay.
fn publish_and_roll_back(srv: &Server) {
    let s = srv.login("ana", "ana-password-1");
    assert_eq!(srv.create_chart(&s, "monitoring", "Monitoring").status, 201);
    let (v1, v2) = (example("monitoring-grouped.json"), example("assistance-donut.json"));
    let a = srv.write(&s, "POST", "/api/charts/monitoring/versions?note=one&height=300", "application/json", v1.as_bytes());
    assert_eq!(a.status, 201, "{}", a.body);
    let (h1, h2) = (feed_hash(&v1), feed_hash(&v2));
    let st = chart_static(srv, &s, "monitoring");
    assert_eq!(st["hash"], h1.as_str(), "{}", st);
    assert_eq!(st["height"], 300, "the height the publish gave: {}", st);
    assert!(st["problem"].is_null(), "{}", st);
    let picture = st["picture"].as_str().unwrap_or_else(|| panic!("a <picture> for the snippet: {}", st));
    assert!(picture.starts_with(&format!("<picture slot=\"static\" data-feed=\"{}\">", h1)), "{}", picture);
    for (w, cli) in cli_images(&v1, "monitoring", 300) {
        let url = format!("{}/static/monitoring.{}.{}.svg", srv.url, h1, w);
        assert!(picture.contains(&format!("\"{}\"", url)), "the picture names {} by its absolute address: {}", url, picture);
        let a = srv.get(&format!("/static/monitoring.{}.{}.svg", h1, w));
        assert_image_headers(&a, &url);
        assert_eq!(a.body, cli, "the service's image at {} px is render --static's", w);
        let texts = svg_texts(&a.body);
        for n in ["5313", "1005", "3108", "2850", "7569"] {
            assert!(texts.iter().any(|t| t == n), "{} in the image at {} px: {:?}", n, w, texts);
        }
        let file = std::fs::read_to_string(srv.publish_dir.join("static").join(format!("monitoring.{}.{}.svg", h1, w))).expect("the image in --publish-dir");
        assert_eq!(file, a.body, "--publish-dir holds the served image");
    }
    assert!(st["images"].as_array().is_some_and(|i| i.len() == 2 * WIDTHS.len() && i.iter().all(|i| i["render_ms"].as_i64().is_some())), "{}", st);
    // a reader whose colour scheme is dark gets the dark images (the live chart is dark then)
    assert_eq!(picture.matches("(prefers-color-scheme: dark)").count(), WIDTHS.len(), "{}", picture);
    assert!(picture.contains(&format!("{}/static/monitoring.{}.{}.dark.svg", srv.url, h1, WIDTHS[0])), "{}", picture);

    // a second version: its own images; the first's stay served for the articles that carry them
    assert_eq!(srv.publish(&s, "monitoring", &v2, "two").status, 201);
    let st = chart_static(srv, &s, "monitoring");
    assert_eq!(st["hash"], h2.as_str(), "{}", st);
    assert_eq!(st["height"], 300, "the chart keeps its height: {}", st);
    assert!(st["picture"].as_str().is_some_and(|p| p.contains(&format!("data-feed=\"{}\"", h2)) && !p.contains(&h1)), "{}", st);
    for w in WIDTHS {
        let new = srv.get(&format!("/static/monitoring.{}.{}.svg", h2, w));
        assert_image_headers(&new, "v2");
        let texts = svg_texts(&new.body);
        // the donut's shares of its values (105,000,000 of 163,731,700) and its title
        assert!(texts.iter().any(|t| t == "64.1%") && texts.iter().any(|t| t == "教育和医疗帮扶资金"), "v2's numbers in its image: {:?}", texts);
        assert_eq!(srv.get(&format!("/static/monitoring.{}.{}.svg", h1, w)).status, 200, "v1's image is still served");
    }

    // a rollback: the snippet's picture is v1's again, and its images are served
    let rb = srv.write(&s, "POST", "/api/charts/monitoring/rollback", "application/json", br#"{"version":1,"note":"back"}"#);
    assert_eq!(rb.status, 200, "{}", rb.body);
    let st = chart_static(srv, &s, "monitoring");
    assert_eq!(st["hash"], h1.as_str(), "{}", st);
    assert!(st["picture"].as_str().is_some_and(|p| p.contains(&format!("data-feed=\"{}\"", h1))), "{}", st);
    for (w, cli) in cli_images(&v1, "monitoring", 300) {
        assert_eq!(srv.get(&format!("/static/monitoring.{}.{}.svg", h1, w)).body, cli, "the rolled-back version's image");
    }
    let names: Vec<String> = std::fs::read_dir(srv.publish_dir.join("static")).expect("static dir").filter_map(|e| e.ok()).map(|e| e.file_name().to_string_lossy().into_owned()).collect();
    assert!(names.iter().all(|n| !n.ends_with(".tmp")), "no temporary file left: {:?}", names);
    assert_eq!(names.len(), 2 * 2 * WIDTHS.len(), "both versions' images, light and dark: {:?}", names);
}

#[test]
fn publishing_and_rolling_back_serve_the_live_versions_static_images() {
    let srv = Server::start(&[EDITOR], &[]);
    publish_and_roll_back(&srv);
}

#[test]
fn postgres_publishing_and_rolling_back_serve_the_live_versions_static_images() {
    let Some(pg) = postgres::or_skip("postgres_publishing_and_rolling_back_serve_the_live_versions_static_images") else { return };
    let srv = Server::start_on(TempDir::new("static-pg"), pg.database("statics"), &[EDITOR], &[]);
    publish_and_roll_back(&srv);
}

#[test]
fn the_builders_envelope_sets_the_embed_height_and_unset_is_the_feeds_default() {
    let srv = Server::start(&[EDITOR], &[]);
    let s = srv.login("ana", "ana-password-1");
    srv.create_chart(&s, "donut", "Donut");
    let feed = example("assistance-donut.json");
    // a publish with no height: the feed's default, as the builder computes it
    assert_eq!(srv.publish(&s, "donut", &feed, "one").status, 201);
    let st = chart_static(&srv, &s, "donut");
    let default = st["height"].as_i64().expect("a height");
    assert!(!st["height_set"].as_bool().unwrap_or(true), "{}", st);
    assert_eq!(srv.get(&format!("/static/donut.{}.{}.svg", feed_hash(&feed), WIDTHS[1])).body, cli_images(&feed, "donut", default)[1].1);
    let env = serde_json::json!({ "feed": feed, "height": 180 }).to_string();
    assert_eq!(srv.write(&s, "POST", "/api/charts/donut/versions?note=two", "application/vnd.newschart.publish+json", env.as_bytes()).status, 201);
    let st = chart_static(&srv, &s, "donut");
    assert_eq!(st["height"], 180, "{}", st);
    for (w, cli) in cli_images(&feed, "donut", 180) {
        let a = srv.get(&format!("/static/donut.{}.{}.svg", feed_hash(&feed), w));
        assert_eq!(a.body, cli, "drawn again at the new height ({} px)", w);
        assert!(st["picture"].as_str().is_some_and(|p| p.contains(&format!("height=\"{}\"", roxmltree::Document::parse(&a.body).expect("svg").root_element().attribute("height").unwrap_or("?")))), "{}", st);
    }
    for bad in ["59", "2001", "x", ""] {
        let a = srv.write(&s, "POST", &format!("/api/charts/donut/versions?height={}", bad), "application/json", feed.as_bytes());
        assert_eq!(a.status, 400, "height={}: {}", bad, a.body);
    }
    let env = serde_json::json!({ "feed": feed, "height": 5000 }).to_string();
    assert_eq!(srv.write(&s, "POST", "/api/charts/donut/versions", "application/vnd.newschart.publish+json", env.as_bytes()).status, 400);
}

#[test]
fn static_image_names_other_than_id_hash_width_are_refused() {
    let srv = Server::start(&[EDITOR], &[]);
    let s = srv.login("ana", "ana-password-1");
    srv.create_chart(&s, "employment", "Employment");
    let feed = example("monitoring-grouped.json");
    srv.publish(&s, "employment", &feed, "one");
    let h = feed_hash(&feed);
    assert_eq!(srv.get(&format!("/static/employment.{}.640.svg", h)).status, 200, "the good name is served");
    for bad in [
        format!("/static/..%2Femployment.{}.640.svg", h),
        format!("/static/%2e%2e%2fnewsroom.db"),
        "/static/..%2F..%2Fetc%2Fpasswd".to_string(),
        format!("/static/employment.{}.640.svg%00", h),
        format!("/static/employment.{}.0640.svg", h),
        format!("/static/employment.{}.640.png", h),
        format!("/static/employment.{}.640", h),
        format!("/static/employment.{}.svg", h),
        format!("/static/Employment.{}.640.svg", h),
        format!("/static/employment.{}.640.svg", h.to_uppercase()),
        format!("/static/employment.{}0.640.svg", h),
        format!("/static/employment.{}.999999.svg", h),
        format!("/static/employment.{}.-640.svg", h),
        format!("/static/employment..{}.640.svg", h),
        format!("/static/employment.{}.641.svg", h),
        "/static/employment.00000000.640.svg".to_string(),
        format!("/static/{}.{}.640.svg", "a".repeat(65), h),
    ] {
        let a = srv.get(&bad);
        assert_eq!(a.status, 404, "{} is refused: {}", bad, a.body);
        assert!(!a.body.contains("<svg"), "{}", bad);
    }
    // the parser itself, on names a URL could not carry
    use newschart::serve::publish_dir::parse_name;
    assert_eq!(parse_name(&format!("employment.{}.640.svg", h)), Some(("employment", h.as_str(), 640, false)));
    assert_eq!(parse_name(&format!("employment.{}.640.dark.svg", h)), Some(("employment", h.as_str(), 640, true)));
    for bad in ["../x.0123abcd.640.svg", "x/y.0123abcd.640.svg", "x.0123abcd.640.svg\0", "x.0123abcd.6 40.svg", "x.0123abcd..svg", ".0123abcd.640.svg", "x.0123abcd.640.light.svg", "x.0123abcd.dark.svg", "x.0123abcd.640.dark.dark.svg"] {
        assert_eq!(parse_name(bad), None, "{:?}", bad);
    }
}

#[test]
fn a_problem_storing_the_images_never_fails_the_publish_and_is_shown() {
    let srv = Server::start(&[EDITOR], &[]);
    let s = srv.login("ana", "ana-password-1");
    srv.create_chart(&s, "monitoring", "Monitoring");
    let (v1, v2) = (example("monitoring-grouped.json"), example("assistance-donut.json"));
    assert_eq!(srv.publish(&s, "monitoring", &v1, "one").status, 201);
    // the database refuses new images (a fault from outside: a trigger on the service's table)
    let fault = |sql: &str| {
        super::server::runtime().block_on(async {
            sqlx::any::install_default_drivers();
            let pool = sqlx::AnyPool::connect(&newschart::serve::store::database_url(&srv.data)).await.expect("open");
            sqlx::query(sqlx::AssertSqlSafe(sql.to_string())).execute(&pool).await.expect("fault");
            pool.close().await;
        })
    };
    fault("CREATE TRIGGER refuse_images BEFORE INSERT ON static_images BEGIN SELECT RAISE(ABORT, 'images refused on purpose'); END");
    let a = srv.publish(&s, "monitoring", &v2, "two");
    assert_eq!(a.status, 201, "the publish succeeds: {}", a.body);
    assert_eq!(srv.get("/feeds/monitoring.json").body, v2, "v2 is live");
    let st = chart_static(&srv, &s, "monitoring");
    let problem = st["problem"].as_str().unwrap_or_else(|| panic!("the problem is on the chart's page: {}", st));
    assert!(problem.contains("images refused on purpose") && problem.contains("live chart only"), "{}", problem);
    assert!(st["picture"].is_null(), "no picture of images that do not exist: {}", st);
    assert_eq!(srv.get(&format!("/static/monitoring.{}.640.svg", feed_hash(&v2))).status, 404);
    assert_eq!(srv.get(&format!("/static/monitoring.{}.640.svg", feed_hash(&v1))).status, 200, "v1's images stay");
    // once the fault is gone the next change draws them and the problem goes
    fault("DROP TRIGGER refuse_images");
    let rb = srv.write(&s, "POST", "/api/charts/monitoring/rollback", "application/json", br#"{"version":2}"#);
    assert_eq!(rb.status, 200, "{}", rb.body);
    let st = chart_static(&srv, &s, "monitoring");
    assert!(st["problem"].is_null(), "{}", st);
    assert_eq!(srv.get(&format!("/static/monitoring.{}.640.svg", feed_hash(&v2))).status, 200);
}

#[test]
fn the_demo_and_a_restored_database_get_their_images_at_start() {
    let srv = Server::start(&[], &["--demo"]);
    for (id, height) in [("employment", 110), ("toilets", 220), ("hamlets", 340)] {
        let feed = std::fs::read_to_string(format!("{}/www/feeds/{}.json", env!("CARGO_MANIFEST_DIR"), id)).expect("article feed");
        for (w, cli) in cli_images(&feed, id, height) {
            let a = get_when_drawn(&srv, &format!("/static/{}.{}.{}.svg", id, feed_hash(&feed), w));
            assert_eq!(a.body, cli, "{} at {} px: the article's height {}", id, w, height);
        }
    }
    // a backup restored into a new database: its live versions are drawn when the service starts
    let backup = Command::new(bin()).args(["backup", "--data", &srv.data]).output().expect("backup");
    assert!(backup.status.success());
    drop(srv);
    let dir = TempDir::new("static-restore");
    let data = dir.0.join("restored.db").to_string_lossy().into_owned();
    let mut restore = Command::new(bin()).args(["restore", "--data", &data]).stdin(std::process::Stdio::piped()).spawn().expect("restore");
    std::io::Write::write_all(&mut restore.stdin.take().expect("stdin"), &backup.stdout).expect("write");
    assert!(restore.wait().expect("restore").success());
    let srv = Server::start_on(dir, data, &[], &[]);
    let feed = std::fs::read_to_string(format!("{}/www/feeds/hamlets.json", env!("CARGO_MANIFEST_DIR"))).expect("article feed");
    for (w, cli) in cli_images(&feed, "hamlets", 340) {
        assert_eq!(get_when_drawn(&srv, &format!("/static/hamlets.{}.{}.svg", feed_hash(&feed), w)).body, cli, "restored: the height kept, the image drawn");
        let file = srv.publish_dir.join("static").join(format!("hamlets.{}.{}.svg", feed_hash(&feed), w));
        // written once stored, under the --publish-dir lock: give it a moment
        let until = std::time::Instant::now() + std::time::Duration::from_secs(10);
        while !file.is_file() && std::time::Instant::now() < until {
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        assert_eq!(std::fs::read_to_string(&file).ok().as_deref(), Some(cli.as_str()), "in --publish-dir");
    }
}

#[test]
fn publish_dir_images_are_never_seen_half_written() {
    let srv = Server::start(&[EDITOR], &[]);
    let s = srv.login("ana", "ana-password-1");
    srv.create_chart(&s, "monitoring", "Monitoring");
    let (v1, v2) = (example("monitoring-grouped.json"), example("assistance-donut.json"));
    srv.publish(&s, "monitoring", &v1, "one");
    srv.publish(&s, "monitoring", &v2, "two");
    let files: Vec<(std::path::PathBuf, String)> = [&v1, &v2]
        .iter()
        .flat_map(|v| WIDTHS.map(|w| srv.publish_dir.join("static").join(format!("monitoring.{}.{}.svg", feed_hash(v), w))))
        .map(|p| {
            let full = std::fs::read_to_string(&p).expect("the image file");
            (p, full)
        })
        .collect();
    // each rollback writes the live version's images again while a reader reads them
    let stop = std::sync::atomic::AtomicBool::new(false);
    let (reads, torn) = std::thread::scope(|scope| {
        let reader = scope.spawn(|| {
            let (mut reads, mut torn) = (0u64, Vec::new());
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                for (p, full) in &files {
                    match std::fs::read_to_string(p) {
                        Ok(now) if &now == full => {}
                        Ok(now) => torn.push(format!("{}: {} of {} bytes", p.display(), now.len(), full.len())),
                        Err(e) => torn.push(format!("{}: {}", p.display(), e)),
                    }
                    reads += 1;
                }
            }
            (reads, torn)
        });
        for i in 0..30 {
            let v = if i % 2 == 0 { 1 } else { 2 };
            let a = srv.write(&s, "POST", "/api/charts/monitoring/rollback", "application/json", format!("{{\"version\":{}}}", v).as_bytes());
            assert_eq!(a.status, 200, "{}", a.body);
        }
        stop.store(true, std::sync::atomic::Ordering::Relaxed);
        reader.join().expect("reader")
    });
    assert!(reads > 100, "the reader read while the files were written: {} reads", reads);
    assert!(torn.is_empty(), "{} of {} reads saw a file half written or missing: {:?}", torn.len(), reads, &torn[..torn.len().min(5)]);
    let names: Vec<String> = std::fs::read_dir(srv.publish_dir.join("static")).expect("dir").filter_map(|e| e.ok()).map(|e| e.file_name().to_string_lossy().into_owned()).collect();
    assert!(names.iter().all(|n| !n.ends_with(".tmp")), "no temporary file left: {:?}", names);
}
