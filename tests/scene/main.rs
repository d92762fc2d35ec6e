//! Stage `scene` (src/scene/): the shapes, hit-testing and description built
//! from real feeds.

mod feeds;
