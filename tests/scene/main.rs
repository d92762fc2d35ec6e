//! Stage `scene` (src/scene/): the shapes, hit-testing and description built
//! from real feeds.

#[path = "../common/dump.rs"]
mod dump;

mod feeds;
mod snapshot;
