//! Stage `normalize` (src/normalize/): the model every example feed reads to.
//! The problems a bad feed gets are tested under tests/feed/.

#[path = "../common/dump.rs"]
mod dump;

mod snapshot;
