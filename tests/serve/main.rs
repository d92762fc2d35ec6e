//! The feed service (src/serve/, `newschart serve`; docs/SERVICE.md), built with the cargo feature
//! `serve`: `cargo test --features serve --test serve`. Real HTTP against the real binary on
//! 127.0.0.1 with a temporary SQLite file; the store's tests run on SQLite and on a temporary
//! PostgreSQL server (tests/serve/postgres.rs) when the system has one, and say loudly when not.

mod access;
mod backup;
mod cli;
mod crash;
mod demo;
mod diff;
mod envelope;
mod feeds;
mod instances;
mod nine_counties;
mod load;
mod postgres;
mod public_url;
mod publish;
mod server;
mod statics;
mod store;
mod upstream;
mod upstream_safety;
mod users;
mod www;
