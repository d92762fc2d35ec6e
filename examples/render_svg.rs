//! Renders a newschart feed to SVG with the library: the chart with its title, legend, notes and
//! source, as `newschart render` draws it.
//!
//! ```text
//! cargo run --example render_svg                                        # the demo's employment feed, to stdout
//! cargo run --example render_svg -- www/feeds/toilets.json toilets.svg  # a feed, to a file
//! ```
//!
//! A feed with errors prints each one as `file:line:column: error: message` and exits with 1.

use std::path::PathBuf;
use std::process::ExitCode;

use newschart::feed::Severity;
use newschart::render::compose::{self, Height};
use newschart::render::svg;

/// The demo's first chart, when no feed is named.
const DEMO_FEED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/www/feeds/employment.json");

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() > 2 || args.iter().any(|a| a.starts_with('-')) {
        eprintln!("usage: render_svg [FEED.json [OUT.svg]]");
        return ExitCode::from(2);
    }
    let feed = args.first().map_or_else(|| PathBuf::from(DEMO_FEED), PathBuf::from);
    let text = match std::fs::read_to_string(&feed) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{}: cannot read: {}", feed.display(), e);
            return ExitCode::FAILURE;
        }
    };

    // the first dataset, 640 CSS pixels wide, as tall as its words and chart need
    let (_dataset, composition) = match compose::scene_for(&text, None, 640.0, Height::Natural) {
        Ok(c) => c,
        Err(problems) => {
            for p in problems.iter().filter(|p| p.severity == Severity::Error) {
                eprintln!("{}:{}:{}: error: {}", feed.display(), p.line, p.column, p.describe(false));
            }
            return ExitCode::FAILURE;
        }
    };
    let svg = match svg::to_svg(&composition.scene, 1.0) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{}: render failed: {}", feed.display(), e);
            return ExitCode::FAILURE;
        }
    };

    match args.get(1) {
        Some(out) => match std::fs::write(out, svg) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("{}: cannot write: {}", out, e);
                ExitCode::FAILURE
            }
        },
        None => {
            print!("{}", svg);
            ExitCode::SUCCESS
        }
    }
}
