//! Stage `feed` (src/feed/): the feed's JSON text read into values, and its
//! problems located by path, line and column in plain words.

mod catalogue;
mod json;
mod problems;
mod spec;
