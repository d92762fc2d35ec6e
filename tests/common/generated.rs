//! Text generated from the Rust spec into a checked-in file, between two markers (the feed
//! reference in docs/FEED.md, the feed types in src/npm/newschart.d.ts): the test fails when the
//! file has drifted, and `UPDATE_SCHEMA=1` rewrites the region instead.
#![allow(dead_code)]

use std::fs;

/// Checks that `path` holds `want` between `begin` and `end`, or with `UPDATE_SCHEMA` set writes
/// it there. `command` is what to run to rewrite it, for the failure's message.
pub fn region(path: &str, begin: &str, end: &str, want: &str, command: &str) {
    let text = fs::read_to_string(path).unwrap();
    let a = text.find(begin).unwrap_or_else(|| panic!("{} has no {:?} marker", path, begin)) + begin.len();
    let b = text.find(end).unwrap_or_else(|| panic!("{} has no {:?} marker", path, end));
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        fs::write(path, format!("{}{}{}", &text[..a], want, &text[b..])).unwrap();
        return;
    }
    assert!(text[a..b] == *want, "{} drifted from src/feed/spec.rs: run `UPDATE_SCHEMA=1 {}`", path, command);
}
