//! The `newschart` command-line tool: checks feeds and renders them to SVG with
//! the same pipeline the browser uses.
//!
//! ```text
//! newschart validate FEED...
//! newschart render FEED [--dataset ID] [--width PX] [--height PX] [-o OUT.svg]
//! ```

use std::process::ExitCode;

use newschart::feed::Severity;
use newschart::normalize::{self, Limits};

const USAGE: &str = "usage:
  newschart validate FEED...
  newschart render FEED [--dataset ID] [--width PX] [--height PX] [-o OUT.svg]";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("validate") if args.len() > 1 => validate(&args[1..]),
        Some("render") if args.len() > 1 => render(&args[1..]),
        Some("-h") | Some("--help") | Some("help") => {
            println!("{}", USAGE);
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("{}", USAGE);
            ExitCode::from(2)
        }
    }
}

fn read(path: &str) -> Result<String, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{}: cannot read: {}", path, e))?;
    String::from_utf8(bytes).map_err(|e| format!("{}: not UTF-8 text (byte {})", path, e.utf8_error().valid_up_to()))
}

fn validate(paths: &[String]) -> ExitCode {
    let mut failed = false;
    for path in paths {
        let text = match read(path) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("{}", e);
                failed = true;
                continue;
            }
        };
        let n = normalize::read(&text, Limits::default());
        let zh = n.feed.as_ref().and_then(|f| f.datasets.first()).map_or(true, |d| d.zh());
        for p in &n.problems {
            let kind = if p.severity == Severity::Error { "error" } else { "warning" };
            eprintln!("{}:{}:{}: {}: {}", path, p.line, p.column, kind, p.describe(zh));
        }
        if n.errors().next().is_some() {
            failed = true;
        } else {
            let count = n.feed.map_or(0, |f| f.datasets.len());
            println!("{}: ok ({} dataset{})", path, count, if count == 1 { "" } else { "s" });
        }
    }
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn render(args: &[String]) -> ExitCode {
    let mut feed = None;
    let mut dataset = None;
    let mut width = 640.0;
    let mut height = None;
    let mut out = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let num = |v: Option<&String>| v.and_then(|s| s.parse::<f64>().ok()).filter(|x| x.is_finite() && *x > 0.0);
        match a.as_str() {
            "--dataset" => dataset = it.next().cloned(),
            "--width" => match num(it.next()) {
                Some(w) => width = w,
                None => return usage_error("--width needs a number of pixels"),
            },
            "--height" => match num(it.next()) {
                Some(h) => height = Some(h),
                None => return usage_error("--height needs a number of pixels"),
            },
            "-o" | "--output" => out = it.next().cloned(),
            _ if feed.is_none() => feed = Some(a.clone()),
            _ => return usage_error(&format!("unexpected argument {}", a)),
        }
    }
    let Some(path) = feed else { return usage_error("no feed given") };
    let text = match read(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{}", e);
            return ExitCode::from(1);
        }
    };
    let (_, scene) = match newschart::scene_for(&text, dataset.as_deref(), width, height) {
        Ok(r) => r,
        Err(problems) => {
            for p in problems.iter().filter(|p| p.severity == Severity::Error) {
                eprintln!("{}:{}:{}: error: {}", path, p.line, p.column, p.describe(false));
            }
            return ExitCode::from(1);
        }
    };
    let svg = match newschart::render::svg::to_svg(&scene, 1.0) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{}: render failed: {}", path, e);
            return ExitCode::from(1);
        }
    };
    match out {
        Some(o) => {
            if let Err(e) = std::fs::write(&o, svg) {
                eprintln!("{}: cannot write: {}", o, e);
                return ExitCode::from(1);
            }
        }
        None => print!("{}", svg),
    }
    ExitCode::SUCCESS
}

fn usage_error(msg: &str) -> ExitCode {
    eprintln!("newschart: {}\n{}", msg, USAGE);
    ExitCode::from(2)
}
