//! `newschart serve --demo`: a demo user with a password shown once, and the article's three
//! charts published.

use super::server::{Server, TempDir};

#[test]
fn the_demo_starts_with_a_user_and_the_articles_charts() {
    let keep = TempDir::new("demo-data");
    let data = keep.0.join("demo.db").to_string_lossy().into_owned();
    let srv = Server::start_on(TempDir::new("demo"), data.clone(), &[], &["--demo"]);
    let password = srv.banner.iter().find_map(|l| l.split("with the password ").nth(1)).and_then(|r| r.split_whitespace().next()).expect("the password is printed").to_string();
    assert!(password.len() >= 10, "{}", password);
    for id in ["employment", "toilets", "hamlets"] {
        let feed = srv.get(&format!("/feeds/{}.json", id));
        assert_eq!(feed.status, 200, "{}", id);
        let file = std::fs::read_to_string(format!("{}/www/feeds/{}.json", env!("CARGO_MANIFEST_DIR"), id)).expect("article feed");
        assert_eq!(feed.body, file, "{}: the article's feed", id);
        assert!(srv.banner.iter().any(|l| l.contains(&format!("/feeds/{}.json", id)) && l.contains("<news-chart")), "the embed snippet of {}", id);
    }
    let s = srv.login("demo", &password);
    assert_eq!(srv.publish(&s, "toilets", &super::server::example("assistance-donut.json"), "try").status, 201);
    // started again, nothing is reset and no password is shown
    drop(srv);
    let again = Server::start_on(TempDir::new("demo-again"), data, &[], &["--demo"]);
    assert!(again.banner.iter().all(|l| !l.contains("with the password")), "{:?}", again.banner);
    assert_eq!(again.get("/feeds/toilets.json").body, super::server::example("assistance-donut.json"));
    again.login("demo", &password);
}
