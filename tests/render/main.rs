//! Stage `render` (src/render/ and the CLI's PNG): SVG, print layout and the
//! PNG, compared with each other.

#[path = "../common/mod.rs"]
mod common;
#[path = "../common/dump.rs"]
mod dump;
#[path = "../common/pixels.rs"]
mod pixels;

mod png;
mod element;
mod print;
mod snapshot;
mod svg;
