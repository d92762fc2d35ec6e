//! Snapshots (insta) of the SVG of every dataset of every example feed, at a
//! phone's and a desktop's width, as `newschart render` writes it (numbers in
//! tags to 2 decimals). Reviewed like code: see "Snapshot tests" in
//! docs/DEVELOPMENT.md.

use std::fs;

use newschart::render::svg::to_svg;

use crate::dump::{self, EXAMPLES};

#[test]
fn svg() {
    let _goldens = dump::settings().bind_to_scope();
    insta::glob!(EXAMPLES.0, EXAMPLES.1, |p| {
        let text = fs::read_to_string(p).unwrap();
        let mut out = String::new();
        for (id, w, s) in dump::views(&text) {
            out.push_str(&format!("<!-- {} at {} px -->\n{}\n", id, w, dump::svg(&to_svg(&s, 1.0).unwrap())));
        }
        insta::assert_snapshot!(out);
    });
}
