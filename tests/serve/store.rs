//! The store (src/serve/store.rs) on both databases: the same scenarios on a temporary SQLite
//! file and on a temporary PostgreSQL server.

use newschart::serve::accounts::{self, Role};
use newschart::serve::store::{Source, Store, StoreError};
use newschart::serve::validate::{self, Upload};

use super::postgres;
use super::server::{example, runtime, TempDir};

async fn open_with_user(data: &str) -> Store {
    let store = Store::open(data).await.expect("open");
    accounts::add_user(&store, "ana", Role::Editor, "county", "ana-password-1", "test").await.expect("user");
    store.create_chart("placements", "Placements", "ana", "county").await.expect("chart");
    store
}

fn valid(name: &str) -> validate::Valid {
    let text = example(name);
    validate::check(Upload::Feed(text.as_bytes())).unwrap_or_else(|p| panic!("{} is valid: {:?}", name, p))
}

/// Publish, publish, roll back: versions kept, history appended, live follows.
async fn publish_and_roll_back(data: &str) {
    let store = open_with_user(data).await;
    assert_eq!(store.live("placements").await.expect("live"), None);
    let (a, b) = (valid("assistance-donut.json"), valid("monitoring-grouped.json"));
    assert_eq!(store.publish("placements", &a, None, "ana", "one").await.expect("publish"), 1);
    let csv = b"year,placed\n2021,10\n";
    assert_eq!(store.publish("placements", &b, Some(Source { name: "p.csv", bytes: csv }), "ana", "two").await.expect("publish"), 2);
    assert_eq!(store.live("placements").await.expect("live"), Some((2, b.feed.clone())));
    assert_eq!(store.version_source("placements", 2).await.expect("source"), Some(("p.csv".to_string(), csv.to_vec())), "the CSV is kept byte for byte");
    assert_eq!(store.version_source("placements", 1).await.expect("source"), None);
    store.rollback("placements", 1, "ana", "back").await.expect("rollback");
    assert_eq!(store.live("placements").await.expect("live"), Some((1, a.feed.clone())));
    assert_eq!(store.version_feed("placements", 2).await.expect("v2"), Some(b.feed.clone()), "nothing is overwritten");
    let h: Vec<(i64, i64, String)> = store.history("placements").await.expect("history").into_iter().map(|e| (e.seq, e.version, e.action)).collect();
    assert_eq!(h, vec![(1, 1, "publish".into()), (2, 2, "publish".into()), (3, 1, "rollback".into())]);
    assert_eq!(store.chart("placements").await.expect("chart").map(|c| c.live), Some(1));

    // a rollback to a version that does not exist changes nothing
    assert!(matches!(store.rollback("placements", 3, "ana", "x").await, Err(StoreError::NotFound)));
    assert!(matches!(store.rollback("placements", 0, "ana", "x").await, Err(StoreError::NotFound)));
    assert_eq!(store.history("placements").await.expect("history").len(), 3);
    assert!(matches!(store.publish("nothing", &a, None, "ana", "x").await, Err(StoreError::NotFound)));
    assert!(matches!(store.create_chart("placements", "again", "ana", "county").await, Err(StoreError::Exists)));
    store.close().await;
}

/// Two people publishing to one chart at once: every publish is in the history, in order, and
/// each version number is used once.
async fn concurrent_publishes(data: &str) {
    let store = open_with_user(data).await;
    accounts::add_user(&store, "jo", Role::Journalist, "county", "jo-password-12", "test").await.expect("user");
    let feeds = [valid("assistance-donut.json"), valid("monitoring-grouped.json")];
    let feeds = std::sync::Arc::new(feeds);
    let mut tasks = Vec::new();
    for (who, k) in [("ana", 0usize), ("jo", 1usize)] {
        let (store, feeds) = (store.clone(), feeds.clone());
        tasks.push(tokio::spawn(async move {
            let mut got = Vec::new();
            for i in 0..10 {
                got.push(store.publish("placements", &feeds[k], None, who, &format!("{} {}", who, i)).await.expect("publish"));
            }
            got
        }));
    }
    let mut all = Vec::new();
    for t in tasks {
        let got = t.await.expect("task");
        assert!(got.windows(2).all(|w| w[0] < w[1]), "each writer's versions rise: {:?}", got);
        all.extend(got);
    }
    all.sort();
    assert_eq!(all, (1..=20).collect::<Vec<i64>>(), "every version number once");
    let h = store.history("placements").await.expect("history");
    assert_eq!(h.iter().map(|e| e.seq).collect::<Vec<_>>(), (1..=20).collect::<Vec<i64>>());
    assert_eq!(h.iter().map(|e| e.version).collect::<Vec<_>>(), (1..=20).collect::<Vec<i64>>(), "history in publish order");
    for who in ["ana", "jo"] {
        assert_eq!(h.iter().filter(|e| e.author == who).count(), 10, "none of {}'s publishes lost", who);
    }
    let (live, _) = store.live("placements").await.expect("live").expect("a live version");
    assert_eq!(live, 20);
    assert_eq!(store.audit("placements").await.expect("audit").iter().filter(|a| a.action == "publish").count(), 20);
    store.close().await;
}

#[test]
fn sqlite_publish_and_roll_back() {
    let dir = TempDir::new("store");
    runtime().block_on(publish_and_roll_back(&dir.0.join("n.db").to_string_lossy()));
}

#[test]
fn sqlite_concurrent_publishes_are_all_kept_in_order() {
    let dir = TempDir::new("store");
    runtime().block_on(concurrent_publishes(&dir.0.join("n.db").to_string_lossy()));
}

#[test]
fn postgres_the_same_scenarios() {
    let Some(pg) = postgres::or_skip("postgres_the_same_scenarios") else { return };
    runtime().block_on(publish_and_roll_back(&pg.database("publish_rollback")));
    runtime().block_on(concurrent_publishes(&pg.database("concurrent")));
}

#[test]
fn only_valid_feeds_get_through_validation() {
    let bad = br#"{"version":1,"datasets":[{"id":"a","title":"T","kind":"column","categories":["x"],"series":[{"name":"s","values":["12"]}]}]}"#;
    let problems = validate::check(Upload::Feed(bad)).err().expect("refused");
    assert!(problems.iter().any(|p| p.code == "quoted-number" && p.line == 1 && p.column > 0), "{:?}", problems);
    assert!(validate::check(Upload::Feed(b"\xff\xfe{")).is_err(), "bytes that are not UTF-8");
    let csv = validate::check(Upload::Table(b"year,placed\n2021,10\n2022,12\n", Some("placed.csv"))).expect("a CSV becomes a feed");
    assert!(csv.feed.contains("\"placed\"") || csv.feed.contains("placed"), "{}", csv.feed);
}

#[test]
fn expired_sessions_and_old_failures_are_purged() {
    let dir = TempDir::new("purge");
    let data = dir.0.join("n.db").to_string_lossy().into_owned();
    runtime().block_on(async {
        let store = open_with_user(&data).await;
        let live = accounts::login(&store, "ana", "ana-password-1").await.ok().expect("sign-in");
        let old = accounts::login(&store, "ana", "ana-password-1").await.ok().expect("sign-in");
        assert!(accounts::login(&store, "ana", "wrong-password").await.is_err());
        // age one session and the failure past their time, with the store's own SQL
        let pool = sqlx::AnyPool::connect(&newschart::serve::store::database_url(&data)).await.expect("pool");
        sqlx::query("UPDATE sessions SET expires_at = 1 WHERE id_hash = $1").bind(accounts::digest(&old.id)).execute(&pool).await.expect("age");
        sqlx::query("UPDATE login_failures SET at = 1").execute(&pool).await.expect("age");
        assert_eq!(accounts::purge(&store).await.expect("purge"), 2);
        assert!(accounts::session(&store, &live.id).await.expect("session").is_some(), "a live session stays");
        assert!(accounts::session(&store, &old.id).await.expect("session").is_none());
        assert_eq!(accounts::purge(&store).await.expect("purge"), 0);
        store.close().await;
    });
}
