//! Stage `scene` (src/scene/): the shapes, hit-testing and description built
//! from real feeds.

#[path = "../common/mod.rs"]
mod common;
#[path = "../common/dump.rs"]
mod dump;

mod feeds;
mod nav;
mod snapshot;
