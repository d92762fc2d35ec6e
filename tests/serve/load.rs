//! 1,000 readers polling one feed with If-None-Match on 127.0.0.1 for 60 s while a journalist
//! publishes every 5 s: no errors, and every reader sees each new version within one polling
//! interval (plus the time of the answer itself). NEWSCHART_LOAD_SECONDS and
//! NEWSCHART_LOAD_READERS shorten it for a quick try; the test command runs it whole.

use std::time::{Duration, Instant};

use newschart::serve::load;

use super::server::{example, Server};

fn env_or(name: &str, default: u64) -> u64 {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

fn feed_for(n: usize) -> String {
    let mut v: serde_json::Value = serde_json::from_str(&example("assistance-donut.json")).expect("json");
    v["datasets"][0]["subtitle"] = serde_json::Value::String(format!("update {}", n));
    v.to_string()
}

#[test]
fn a_thousand_readers_polling_while_a_journalist_publishes() {
    let (seconds, readers) = (env_or("NEWSCHART_LOAD_SECONDS", 60), env_or("NEWSCHART_LOAD_READERS", 1000) as usize);
    let (interval, every) = (Duration::from_secs(1), Duration::from_secs(5));
    let srv = Server::start(&[("jo", "journalist", "county", "jo-password-12")], &[]);
    let s = srv.login("jo", "jo-password-12");
    srv.create_chart(&s, "load", "Load");
    assert_eq!(srv.publish(&s, "load", &feed_for(0), "start").status, 201);

    let url = format!("{}/feeds/load.json", srv.url);
    let start = Instant::now();
    let poller = {
        let url = url.clone();
        std::thread::spawn(move || load::poll(&url, readers, Duration::from_secs(seconds), interval, start))
    };
    // every reader has its first answer by the end of the first interval; publishing starts after
    let mut published = Vec::new();
    let mut n = 1;
    while start.elapsed() + every + interval * 2 < Duration::from_secs(seconds) {
        std::thread::sleep((every * n as u32).saturating_sub(start.elapsed()));
        let a = srv.publish(&s, "load", &feed_for(n), "tick");
        assert_eq!(a.status, 201, "publish {} under load: {}", n, a.body);
        let version = a.json()["version"].as_i64().expect("version");
        published.push((format!("\"load-v{}\"", version), start.elapsed()));
        n += 1;
    }
    let r = poller.join().expect("readers");
    println!(
        "{} readers, {} s: {} requests ({:.0}/s), 200: {}, 304: {}, errors: {}, p50 {:.1} ms, p99 {:.1} ms",
        readers,
        seconds,
        r.requests,
        r.per_second(),
        r.ok,
        r.not_modified,
        r.errors,
        r.quantile_us(0.5) as f64 / 1000.0,
        r.quantile_us(0.99) as f64 / 1000.0
    );
    assert_eq!(r.errors, 0, "errors under load: {:?}", r.error_samples);
    assert!(published.len() >= 2 || seconds < 20, "too few publishes to test anything: {}", published.len());
    // a reader's poll that starts just before a publish commits sees the old version, perhaps only
    // after the slowest answer; its next poll, one interval later, must see the new one, and that
    // answer may be as slow: so within one interval plus twice the slowest answer (on an idle
    // machine the answers take milliseconds and the lag is about one interval)
    let slowest = Duration::from_micros(r.quantile_us(1.0));
    for (tag, at) in &published {
        let saw = r.readers_saw.get(tag).copied().unwrap_or(0);
        assert_eq!(saw, readers, "{}: only {} of {} readers saw it", tag, saw, readers);
        let last = r.last_reader_saw.get(tag).copied().unwrap_or_default();
        let lag = last.saturating_sub(*at);
        println!("{}: published at {:.2} s, the last reader had it {:.2} s later", tag, at.as_secs_f64(), lag.as_secs_f64());
        assert!(lag <= interval + slowest * 2, "{}: the last reader saw it {:?} after the publish (interval {:?}, slowest answer {:?})", tag, lag, interval, slowest);
    }
}
