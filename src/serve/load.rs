//! Readers polling a feed, as many widgets with `refresh` would: each sends `If-None-Match` with
//! the last ETag it saw, every interval. Used by `newschart bench` (requests/s, p50/p99) and by
//! the load test (no errors; each new version seen within one interval).

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// What the readers saw.
#[derive(Debug, Default)]
pub struct Report {
    /// Requests answered (any status).
    pub requests: u64,
    /// 200 answers.
    pub ok: u64,
    /// 304 answers.
    pub not_modified: u64,
    /// Failed requests and answers other than 200 or 304, with a sample of what went wrong.
    pub errors: u64,
    /// The first few errors' words.
    pub error_samples: Vec<String>,
    /// Latencies, microseconds, sorted.
    pub latencies_us: Vec<u64>,
    /// How long the readers ran.
    pub elapsed: Duration,
    /// For each ETag: when (since the start) the last reader to see it first saw it.
    pub last_reader_saw: HashMap<String, Duration>,
    /// For each ETag: how many readers saw it.
    pub readers_saw: HashMap<String, usize>,
}

impl Report {
    /// The latency at quantile `q` (0.5, 0.99), microseconds.
    pub fn quantile_us(&self, q: f64) -> u64 {
        if self.latencies_us.is_empty() {
            return 0;
        }
        let i = ((self.latencies_us.len() - 1) as f64 * q).round() as usize;
        self.latencies_us[i.min(self.latencies_us.len() - 1)]
    }

    /// Requests per second over the run.
    pub fn per_second(&self) -> f64 {
        self.requests as f64 / self.elapsed.as_secs_f64().max(1e-9)
    }
}

/// Runs `readers` pollers of `url` for `duration`, one request per `interval` each (spread over
/// the first interval so they do not all ask at once). `start` is the moment times are measured
/// from. Blocking: one thread per reader.
pub fn poll(url: &str, readers: usize, duration: Duration, interval: Duration, start: Instant) -> Report {
    let report = Arc::new(Mutex::new(Report::default()));
    let deadline = start + duration;
    let mut threads = Vec::with_capacity(readers);
    for r in 0..readers {
        let (url, mine) = (url.to_string(), report.clone());
        let offset = interval.mul_f64(r as f64 / readers.max(1) as f64);
        let t = std::thread::Builder::new().stack_size(256 * 1024).spawn(move || reader(&url, start, deadline, interval, offset, &mine));
        match t {
            Ok(t) => threads.push(t),
            Err(e) => {
                if let Ok(mut rep) = report.lock() {
                    rep.errors += 1;
                    rep.error_samples.push(format!("cannot start reader {}: {}", r, e));
                }
            }
        }
    }
    for t in threads {
        let _ = t.join();
    }
    let mut rep = Arc::try_unwrap(report).map(|m| m.into_inner().unwrap_or_default()).unwrap_or_default();
    rep.latencies_us.sort_unstable();
    rep.elapsed = start.elapsed();
    rep
}

fn reader(url: &str, start: Instant, deadline: Instant, interval: Duration, offset: Duration, report: &Mutex<Report>) {
    let agent = ureq::Agent::config_builder().http_status_as_error(false).timeout_global(Some(Duration::from_secs(30))).build().new_agent();
    let mut etag: Option<String> = None;
    let mut next = Instant::now() + offset;
    let (mut lat, mut seen) = (Vec::new(), Vec::new());
    let (mut ok, mut nm, mut errors, mut samples) = (0u64, 0u64, 0u64, Vec::new());
    while next < deadline && Instant::now() < deadline {
        let now = Instant::now();
        if next > now {
            std::thread::sleep(next - now);
        }
        // a reader that fell behind (answers slower than its interval) skips the missed polls, as
        // a widget's timer would, instead of catching up in a burst past the deadline
        next = (next + interval).max(Instant::now());
        let t = Instant::now();
        let mut req = agent.get(url);
        if let Some(e) = &etag {
            req = req.header("If-None-Match", e);
        }
        match req.call() {
            Ok(mut res) => {
                let status = res.status().as_u16();
                let tag = res.headers().get("etag").and_then(|v| v.to_str().ok()).map(str::to_string);
                let body = res.body_mut().read_to_string();
                lat.push(t.elapsed().as_micros() as u64);
                match (status, body) {
                    (200, Ok(_)) => {
                        ok += 1;
                        if tag.is_some() && tag != etag {
                            seen.push((tag.clone().unwrap_or_default(), start.elapsed()));
                        }
                        etag = tag;
                    }
                    (304, _) => nm += 1,
                    (s, b) => {
                        errors += 1;
                        if samples.len() < 3 {
                            samples.push(format!("status {}: {:?}", s, b.map(|b| b.chars().take(100).collect::<String>())));
                        }
                    }
                }
            }
            Err(e) => {
                errors += 1;
                if samples.len() < 3 {
                    samples.push(e.to_string());
                }
            }
        }
    }
    if let Ok(mut rep) = report.lock() {
        rep.requests += ok + nm + errors;
        rep.ok += ok;
        rep.not_modified += nm;
        rep.errors += errors;
        for s in samples {
            if rep.error_samples.len() < 10 {
                rep.error_samples.push(s);
            }
        }
        rep.latencies_us.extend(lat);
        for (tag, at) in seen {
            *rep.readers_saw.entry(tag.clone()).or_insert(0) += 1;
            let e = rep.last_reader_saw.entry(tag).or_insert(at);
            if at > *e {
                *e = at;
            }
        }
    }
}
