//! Several instances behind a load balancer: two services on one PostgreSQL database, two people
//! publishing through different instances at once; both end up in the history, in order, and
//! both instances serve the same live feed.

use super::postgres;
use super::server::{example, Server, TempDir};

#[test]
fn postgres_two_instances_two_people_publishing_at_once() {
    let Some(pg) = postgres::or_skip("postgres_two_instances_two_people_publishing_at_once") else { return };
    let data = pg.database("instances");
    let a = Server::start_on(TempDir::new("instance-a"), data.clone(), &[("ana", "editor", "county", "ana-password-1"), ("jo", "journalist", "county", "jo-password-12")], &[]);
    let b = Server::start_on(TempDir::new("instance-b"), data, &[], &[]);
    let jo = a.login("jo", "jo-password-12");
    assert_eq!(a.create_chart(&jo, "placements", "Placements").status, 201);
    let ana = b.login("ana", "ana-password-1"); // a session made on b
    let (one, two) = (example("assistance-donut.json"), example("monitoring-grouped.json"));
    std::thread::scope(|s| {
        s.spawn(|| {
            for i in 0..10 {
                assert_eq!(a.publish(&jo, "placements", &one, &format!("jo{}", i)).status, 201);
            }
        });
        s.spawn(|| {
            for i in 0..10 {
                assert_eq!(b.publish(&ana, "placements", &two, &format!("ana{}", i)).status, 201);
            }
        });
    });
    let chart = a.send("GET", "/api/charts/placements", &[("cookie", &jo.cookie)], None).json();
    let history = chart["history"].as_array().expect("history");
    assert_eq!(history.len(), 20);
    for who in ["jo", "ana"] {
        let notes: Vec<&str> = history.iter().filter(|e| e["author"] == who).map(|e| e["note"].as_str().unwrap_or("")).collect();
        let want: Vec<String> = (0..10).map(|i| format!("{}{}", who, i)).collect();
        assert_eq!(notes, want, "{}'s publishes, all and in order", who);
    }
    let versions: Vec<i64> = history.iter().map(|e| e["version"].as_i64().unwrap_or(0)).collect();
    assert_eq!(versions, (1..=20).collect::<Vec<i64>>());
    let (fa, fb) = (a.get("/feeds/placements.json"), b.get("/feeds/placements.json"));
    assert_eq!((fa.header("etag"), &fa.body), (fb.header("etag"), &fb.body), "both instances serve the same live version");
    assert_eq!(fa.header("etag"), Some("\"placements-v20\""));
}
