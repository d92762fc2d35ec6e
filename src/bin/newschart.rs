//! The `newschart` command-line tool: turns spreadsheets into feeds, checks
//! feeds, and renders them to SVG or PNG with the same layout and scene the
//! browser draws.
//!
//! ```text
//! newschart from-csv DATA.csv|DATA.xlsx [--kind column] [--title …] [--pivot series=S,value=V] … > feed.json
//! newschart validate [--json] FEED...
//! newschart render FEED [--dataset ID] [--width 640 --height 360 | --width 120mm --height 80mm --dpi 300] -o chart.svg|chart.png
//! newschart catalogue --js > src/web/problem-words.js
//! ```
//!
//! Exit codes: 0 done (warnings may be printed), 1 problems in the data, 2 a
//! mistake in the command line.

// the binary's own modules live beside it in src/bin/newschart/ (a folder without
// main.rs, so cargo does not take them for binaries of their own); PNG output
// (the library's render::png) is native only (its dependencies are not built for
// wasm32, where the binary is compiled, never run, alongside the browser tests)
#[path = "newschart/help.rs"]
mod help;
#[cfg(not(target_arch = "wasm32"))]
#[path = "newschart/measure.rs"]
mod measure;
#[cfg(all(feature = "serve", not(target_arch = "wasm32")))]
#[path = "newschart/service.rs"]
mod service;

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[cfg(not(target_arch = "wasm32"))]
use newschart::csv::{self, CsvOptions};
use newschart::feed::{Problem, Severity};
use newschart::normalize::{self, Limits};
use newschart::render::compose::{self, Height};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let rest = args.get(1..).unwrap_or(&[]);
    match args.first().map(String::as_str) {
        Some("validate") => validate(rest),
        Some("render") => render(rest),
        Some("from-csv") => from_csv(rest),
        Some("catalogue") => catalogue(rest),
        Some(c @ ("serve" | "user" | "token" | "publish" | "backup" | "restore" | "bench")) if rest.iter().any(|a| a == "--help" || a == "-h") => print_help(Some(c)),
        Some(c @ ("serve" | "user" | "token" | "publish" | "backup" | "restore" | "bench")) => service_command(c, rest),
        Some("-h") | Some("--help") => print_help(None),
        Some("help") => print_help(rest.first().map(String::as_str)),
        Some("-V") | Some("--version") => match print_out(format!("newschart {}\n", env!("CARGO_PKG_VERSION")).as_bytes()) {
            Ok(()) => ExitCode::SUCCESS,
            Err(_) => ExitCode::from(1),
        },
        Some(other) => usage_error(&format!("unknown command {}", other)),
        None => usage_error("no command given"),
    }
}

/// `serve`, `user`, `token`, `publish`, `backup`, `restore`, `bench`: the feed service (docs/SERVICE.md), in builds with the feature `serve`.
#[cfg(all(feature = "serve", not(target_arch = "wasm32")))]
fn service_command(command: &str, args: &[String]) -> ExitCode {
    service::main(command, args)
}

#[cfg(not(all(feature = "serve", not(target_arch = "wasm32"))))]
fn service_command(command: &str, _: &[String]) -> ExitCode {
    eprintln!("newschart: {} is the feed service's: build with cargo build --features serve", command);
    ExitCode::from(2)
}

/// The words are native (and in the builder's wasm module): the binary compiled
/// for wasm32 alongside the browser tests has none.
#[cfg(target_arch = "wasm32")]
fn catalogue(_: &[String]) -> ExitCode {
    eprintln!("newschart: catalogue needs the native newschart build");
    ExitCode::from(2)
}

/// `newschart catalogue --js`: the problems' words as the JavaScript module a reader's page loads.
#[cfg(not(target_arch = "wasm32"))]
fn catalogue(args: &[String]) -> ExitCode {
    match args {
        [js] if js == "--js" => match print_out(newschart::feed::catalogue_js::js().as_bytes()) {
            Ok(()) => ExitCode::SUCCESS,
            Err(_) => ExitCode::from(1),
        },
        [h] if h == "-h" || h == "--help" => print_help(Some("catalogue")),
        _ => usage_error("catalogue takes --js"),
    }
}

/// `newschart help [COMMAND]`: the page on stdout, exit 0; an unknown command is a usage error.
fn print_help(command: Option<&str>) -> ExitCode {
    match help::text(command) {
        Some(t) => match print_out(format!("{}\n", t).as_bytes()) {
            Ok(()) => ExitCode::SUCCESS,
            Err(_) => ExitCode::from(1),
        },
        None => usage_error(&format!("no help for {}: the commands are from-csv, validate, render, catalogue, serve, user, token, publish, backup, restore and bench", command.unwrap_or(""))),
    }
}

/// Writes to stdout. A reader that closed the pipe early (`newschart help | head -1`)
/// has all it wanted: that is done, not an error (Rust ignores SIGPIPE, so
/// `println!` would panic there). Another failure is printed and returned.
fn print_out(bytes: &[u8]) -> Result<(), ()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|_| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => {
            eprintln!("newschart: cannot write to stdout: {}", e);
            Err(())
        }
    }
}

fn usage_error(msg: &str) -> ExitCode {
    eprintln!("newschart: {}\n(newschart help shows the commands and their options)", msg);
    ExitCode::from(2)
}

/// Prints a problem as `file:line:column: error: message`.
fn report(file: &str, p: &Problem, zh: bool) {
    let kind = if p.severity == Severity::Error { "error" } else { "warning" };
    if p.line > 0 {
        eprintln!("{}:{}:{}: {}: {}", file, p.line, p.column, kind, p.describe(zh));
    } else {
        eprintln!("{}: {}: {}", file, kind, p.describe(zh));
    }
}

/// A feed's text; `-` reads stdin (`newschart from-csv data.csv | newschart validate -`).
fn read_text(path: &str) -> Result<String, String> {
    let bytes = if path == "-" {
        let mut b = Vec::new();
        std::io::stdin().read_to_end(&mut b).map_err(|e| format!("-: cannot read stdin: {}", e))?;
        b
    } else {
        std::fs::read(path).map_err(|e| format!("{}: cannot read: {}", path, e))?
    };
    String::from_utf8(bytes).map_err(|e| match newschart::feed::decode(e.as_bytes()) {
        Err(p) => format!("{}:{}:{}: error: {}", path, p.line, p.column, p.en),
        Ok(_) => format!("{}: not UTF-8 text", path),
    })
}

fn validate(args: &[String]) -> ExitCode {
    let mut locale: Option<bool> = None; // Some(true): Chinese
    let mut json = false;
    let mut paths = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--help" | "-h" => return print_help(Some("validate")),
            "--locale" => match it.next().map(String::as_str) {
                Some("zh-CN" | "zh") => locale = Some(true),
                Some("en") => locale = Some(false),
                Some(v) => return usage_error(&format!("--locale takes zh-CN or en, not {}", v)),
                None => return usage_error("--locale needs a value: zh-CN or en"),
            },
            "--json" => json = true,
            f if f.starts_with("--") => return usage_error(&format!("validate has no option {}", f)),
            _ => paths.push(a.as_str()),
        }
    }
    if paths.is_empty() {
        return usage_error("validate needs at least one feed file");
    }
    let mut failed = false;
    for path in paths {
        let text = match read_text(path) {
            Ok(t) => t,
            Err(e) => {
                if json {
                    if print_out(json_line(path, None, &e).as_bytes()).is_err() {
                        return ExitCode::from(1);
                    }
                } else {
                    eprintln!("{}", e);
                }
                failed = true;
                continue;
            }
        };
        let n = normalize::read(&text, Limits::default());
        if json {
            failed |= n.errors().next().is_some();
            if print_out(json_line(path, Some(&n), "").as_bytes()).is_err() {
                return ExitCode::from(1);
            }
            continue;
        }
        let zh = locale.unwrap_or_else(|| declares_chinese(&text));
        for p in &n.problems {
            report(path, p, zh);
        }
        if n.errors().next().is_some() {
            failed = true;
        } else {
            let count = n.feed.map_or(0, |f| f.datasets.len());
            if print_out(format!("{}: ok ({} dataset{})\n", path, count, if count == 1 { "" } else { "s" }).as_bytes()).is_err() {
                return ExitCode::from(1);
            }
        }
    }
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// `validate --json`'s line for one feed: the verdict and every problem by its code's name, path,
/// line, column and parameters, for tools (one JSON object per line; `unreadable` when the file is
/// not there or not UTF-8, with the reason in `en`).
fn json_line(path: &str, n: Option<&normalize::Normalized>, unreadable: &str) -> String {
    let problems: Vec<serde_json::Value> = match n {
        Some(n) => n
            .problems
            .iter()
            .map(|p| {
                serde_json::json!({
                    "severity": p.severity, "code": code_name(p.code), "path": p.path, "line": p.line,
                    "column": p.column, "args": p.args, "en": p.en,
                })
            })
            .collect(),
        None => vec![serde_json::json!({ "severity": "error", "code": "unreadable", "path": "", "line": 0, "column": 0, "args": [], "en": unreadable })],
    };
    let ok = n.is_some_and(|n| n.errors().next().is_none());
    let datasets = n.and_then(|n| n.feed.as_ref()).map_or(0, |f| f.datasets.len());
    let line = serde_json::json!({ "file": path, "ok": ok, "datasets": datasets, "problems": problems });
    format!("{}\n", line)
}

/// A problem code's name (`wrong-type`) for `validate --json`. The binary compiled for wasm32
/// alongside the browser tests has no names (the readers' module leaves them out): its number.
#[cfg(not(target_arch = "wasm32"))]
fn code_name(code: newschart::feed::catalogue::Code) -> String {
    code.id().to_string()
}
#[cfg(target_arch = "wasm32")]
fn code_name(code: newschart::feed::catalogue::Code) -> String {
    code.number().to_string()
}

/// Whether a feed's messages read in Chinese: what its first dataset declares (`"locale": "en"`
/// is English), read from the JSON even when the feed is refused; Chinese, the feed's default,
/// when the text is not JSON or says nothing.
fn declares_chinese(text: &str) -> bool {
    let v: serde_json::Value = match serde_json::from_str(text.trim_start_matches('\u{feff}')) {
        Ok(v) => v,
        Err(_) => return true,
    };
    let locale = v.pointer("/datasets/0/locale").or_else(|| v.get("locale")).and_then(|l| l.as_str());
    !matches!(locale, Some(l) if l.starts_with("en"))
}

/// The import is native (and in the builder's wasm module): the binary compiled
/// for wasm32 alongside the browser tests has none.
#[cfg(target_arch = "wasm32")]
fn from_csv(_: &[String]) -> ExitCode {
    eprintln!("newschart: from-csv needs the native newschart build");
    ExitCode::from(2)
}

/// `A,B , C` → ["A", "B", "C"].
#[cfg(not(target_arch = "wasm32"))]
fn list(v: &str) -> Vec<String> {
    v.split(',').map(str::trim).filter(|s| !s.is_empty()).map(str::to_string).collect()
}

/// `series=COLUMN,value=COLUMN` (either order).
#[cfg(not(target_arch = "wasm32"))]
fn pivot(v: &str) -> Option<csv::Pivot> {
    let (mut series, mut value) = (None, None);
    for part in v.split(',') {
        match part.split_once('=').map(|(k, v)| (k.trim(), v.trim())) {
            Some(("series", s)) if !s.is_empty() => series = Some(s.to_string()),
            Some(("value", s)) if !s.is_empty() => value = Some(s.to_string()),
            _ => return None,
        }
    }
    Some(csv::Pivot { series: series?, value: value? })
}

#[cfg(not(target_arch = "wasm32"))]
fn from_csv(args: &[String]) -> ExitCode {
    let mut file: Option<&str> = None;
    let mut o = CsvOptions::default();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let flag = a.as_str();
        if flag == "--illustrative" {
            o.illustrative = true;
            continue;
        }
        if flag == "--help" || flag == "-h" {
            return print_help(Some("from-csv"));
        }
        let slot = match flag {
            "--kind" | "--title" | "--subtitle" | "--unit" | "--source" | "--source-url" | "--locale" | "--id" | "--x" | "--columns"
            | "--exclude" | "--pivot" | "--date-order" | "--decimal" | "--sheet" => {
                let Some(v) = it.next() else { return usage_error(&format!("{} needs a value", flag)) };
                v.clone()
            }
            _ if flag.starts_with("--") => return usage_error(&format!("from-csv has no option {}", flag)),
            _ if file.is_none() => {
                file = Some(a);
                continue;
            }
            _ => return usage_error(&format!("unexpected argument {} (one CSV file at a time)", a)),
        };
        match flag {
            "--kind" => o.kind = Some(slot),
            "--title" => o.title = Some(slot),
            "--subtitle" => o.subtitle = Some(slot),
            "--unit" => o.unit = Some(slot),
            "--source" => o.source = Some(slot),
            "--source-url" => o.source_url = Some(slot),
            "--locale" => o.locale = Some(slot),
            "--x" => o.x = Some(slot),
            "--columns" => o.columns = list(&slot),
            "--exclude" => o.exclude = list(&slot),
            "--pivot" => match pivot(&slot) {
                Some(p) => o.pivot = Some(p),
                None => return usage_error(&format!("--pivot {}: write series=COLUMN,value=COLUMN", slot)),
            },
            "--date-order" => match csv::Order::from_name(&slot) {
                Some(d) => o.date_order = Some(d),
                None => return usage_error(&format!("--date-order {}: write mdy, dmy or ymd", slot)),
            },
            "--decimal" => match slot.as_str() {
                "," => o.decimal = ',',
                "." => o.decimal = '.',
                _ => return usage_error(&format!("--decimal {}: write , or .", slot)),
            },
            "--sheet" => o.sheet = Some(slot),
            _ => o.id = Some(slot),
        }
    }
    let Some(path) = file else { return usage_error("from-csv needs a CSV file (or - for stdin)") };
    let bytes = if path == "-" {
        let mut b = Vec::new();
        if let Err(e) = std::io::stdin().read_to_end(&mut b) {
            eprintln!("-: cannot read stdin: {}", e);
            return ExitCode::from(1);
        }
        b
    } else {
        o.file_name = Path::new(path).file_name().and_then(|n| n.to_str()).map(str::to_string);
        match std::fs::read(path) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("{}: cannot read: {}", path, e);
                return ExitCode::from(1);
            }
        }
    };
    let zh = !o.locale.as_deref().is_some_and(|l| l.starts_with("en"));
    let import = csv::import(&bytes, &o);
    for s in &import.skipped {
        let what = match (s.why, zh) {
            (csv::table::Why::Title, true) => "已跳过表头上方的标题行",
            (csv::table::Why::Note, true) => "已跳过表格下方的注释行",
            (csv::table::Why::Blank, true) => "已跳过空行",
            (csv::table::Why::Title, false) => "skipped a title line above the header",
            (csv::table::Why::Note, false) => "skipped a note below the data",
            (csv::table::Why::Blank, false) => "skipped an empty line",
        };
        if s.text.is_empty() {
            eprintln!("{}:{}: note: {}", path, s.row, what);
        } else {
            eprintln!("{}:{}: note: {}: {}", path, s.row, what, s.text);
        }
    }
    for p in &import.problems {
        report(path, p, zh);
    }
    let Some(feed) = import.feed else { return ExitCode::from(1) };
    let text = csv::write::to_pretty(&feed);
    // the options end up in the feed too: check it as the widget will
    let n = normalize::read(&text, Limits::default());
    for p in &n.problems {
        let mut p = p.clone();
        // lines of the generated feed mean nothing to the reader of the CSV
        p.line = 0;
        report(path, &p, zh);
    }
    if n.errors().next().is_some() {
        return ExitCode::from(1);
    }
    match print_out(text.as_bytes()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(()) => ExitCode::from(1),
    }
}

/// A length on the command line: CSS px, or mm / cm for print.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Length {
    Px(f64),
    Mm(f64),
}

impl Length {
    fn parse(s: &str) -> Option<Length> {
        let s = s.trim();
        let (num, unit) = match s.find(|c: char| c.is_ascii_alphabetic()) {
            Some(i) => (&s[..i], &s[i..]),
            None => (s, "px"),
        };
        let v: f64 = num.trim().parse().ok().filter(|v: &f64| v.is_finite() && *v > 0.0)?;
        match unit {
            "px" => Some(Length::Px(v)),
            "mm" => Some(Length::Mm(v)),
            "cm" => Some(Length::Mm(v * 10.0)),
            _ => None,
        }
    }

    /// CSS pixels: 96 per inch, 25.4 mm per inch.
    fn css_px(self) -> f64 {
        match self {
            Length::Px(v) => v,
            Length::Mm(mm) => mm / 25.4 * 96.0,
        }
    }
}

fn render(args: &[String]) -> ExitCode {
    let mut feed = None;
    let mut dataset = None;
    let mut width = None;
    let mut height = None;
    let mut chart_height = None;
    let mut dpi = None;
    let mut out: Option<String> = None;
    let mut font: Option<PathBuf> = None;
    let mut statics: Option<StaticOut> = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let flag = a.as_str();
        if flag == "--help" || flag == "-h" {
            return print_help(Some("render"));
        }
        let needs_value = matches!(flag, "--dataset" | "--width" | "--height" | "--chart-height" | "--dpi" | "-o" | "--output" | "--font" | "--static" | "--widths" | "--name" | "--href" | "--page-margin" | "--theme");
        let value = if needs_value {
            match it.next() {
                Some(v) => Some(v.as_str()),
                None => return usage_error(&format!("{} needs a value", flag)),
            }
        } else {
            None
        };
        match (flag, value) {
            ("--dataset", Some(v)) => dataset = Some(v.to_string()),
            ("--width", Some(v)) => match Length::parse(v) {
                Some(l) => width = Some(l),
                None => return usage_error(&format!("--width {}: write pixels (640) or millimetres (120mm)", v)),
            },
            ("--height", Some(v)) => match Length::parse(v) {
                Some(l) => height = Some(l),
                None => return usage_error(&format!("--height {}: write pixels (360) or millimetres (80mm)", v)),
            },
            ("--chart-height", Some(v)) => match Length::parse(v) {
                Some(l) => chart_height = Some(l),
                None => return usage_error(&format!("--chart-height {}: write pixels (340) or millimetres (60mm)", v)),
            },
            ("--dpi", Some(v)) => match v.parse::<f64>().ok().filter(|d| d.is_finite() && *d >= 10.0 && *d <= 2400.0) {
                Some(d) => dpi = Some(d),
                None => return usage_error(&format!("--dpi {}: write a number from 10 to 2400, e.g. 300", v)),
            },
            ("-o" | "--output", Some(v)) => out = Some(v.to_string()),
            ("--font", Some(v)) => font = Some(PathBuf::from(v)),
            ("--static", Some(v)) => statics.get_or_insert_with(StaticOut::default).dir = Some(PathBuf::from(v)),
            ("--widths", Some(v)) => match v.split(',').map(|w| w.trim().parse::<u32>().ok().filter(|w| (120..=4000).contains(w))).collect::<Option<Vec<_>>>() {
                Some(ws) if !ws.is_empty() => statics.get_or_insert_with(StaticOut::default).widths = ws,
                _ => return usage_error(&format!("--widths {}: write CSS pixel widths from 120 to 4000, e.g. 328,640", v)),
            },
            ("--name", Some(v)) => statics.get_or_insert_with(StaticOut::default).name = Some(v.to_string()),
            ("--href", Some(v)) => statics.get_or_insert_with(StaticOut::default).href = Some(v.to_string()),
            ("--theme", Some(v)) => match newschart::render::static_paint::Scheme::parse(v) {
                Some(t) => statics.get_or_insert_with(StaticOut::default).scheme = t,
                None => return usage_error(&format!("--theme {}: write auto (the reader's colour scheme: light and dark images), light or dark, as the element's theme attribute", v)),
            },
            ("--page-margin", Some(v)) => match v.parse::<u32>().ok().filter(|m| *m <= 1000) {
                Some(m) => statics.get_or_insert_with(StaticOut::default).margin = m,
                None => return usage_error(&format!("--page-margin {}: write the page's margins beside the chart in CSS px, e.g. 32", v)),
            },
            _ if flag.starts_with('-') && flag.len() > 1 => return usage_error(&format!("render has no option {}", flag)),
            _ if feed.is_none() => feed = Some(a.clone()),
            _ => return usage_error(&format!("unexpected argument {} (one feed at a time)", a)),
        }
    }
    let Some(path) = feed else { return usage_error("render needs a feed file") };
    if let Some(s) = statics {
        return match (s.dir.clone(), chart_height, width.is_some() || height.is_some() || out.is_some() || dpi.is_some()) {
            (None, _, _) => usage_error("--widths, --name, --href, --page-margin and --theme go with --static DIR"),
            (_, _, true) => usage_error("--static writes its own files at --widths: leave out --width, --height, --dpi and -o"),
            (_, Some(Length::Px(h)), false) => render_static(&path, dataset.as_deref(), &s, h),
            (Some(_), _, false) => usage_error("--static needs the element's --chart-height in pixels (its height attribute)"),
        };
    }
    let png = match out.as_deref().map(|o| Path::new(o).extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase)) {
        None => false,
        Some(Some(e)) if e == "svg" => false,
        Some(Some(e)) if e == "png" => true,
        Some(_) => return usage_error("-o: the output file must end in .svg or .png"),
    };
    let print = [width, height, chart_height].iter().any(|l| matches!(l, Some(Length::Mm(_))));
    let dpi = dpi.unwrap_or(if print { 300.0 } else { 96.0 });
    let scale = dpi / 96.0;
    let css_width = width.map_or(640.0, Length::css_px);
    let css_height = match (height, chart_height) {
        (Some(_), Some(_)) => return usage_error("give --height (the whole image) or --chart-height (the chart under the words), not both"),
        (Some(h), None) => Height::Whole(h.css_px()),
        (None, Some(h)) => Height::Chart(h.css_px()),
        (None, None) => Height::Natural,
    };

    let text = match read_text(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{}", e);
            return ExitCode::from(1);
        }
    };
    let scene = match compose::scene_for(&text, dataset.as_deref(), css_width, css_height) {
        Ok((_, c)) => c.scene,
        Err(problems) => {
            for p in problems.iter().filter(|p| p.severity == Severity::Error) {
                report(&path, p, false);
            }
            return ExitCode::from(1);
        }
    };
    if let Height::Whole(h) = css_height {
        if scene.height > h + 0.5 {
            eprintln!(
                "{}: warning: the title, notes and source leave no room for the chart in --height {}: the image is {} px tall instead; give a larger --height, or --chart-height",
                path,
                h.round(),
                scene.height.round()
            );
        }
    }
    let bytes = if png {
        match png_bytes(&scene, scale, dpi, font.as_deref(), &path) {
            Some(b) => b,
            None => return ExitCode::from(1),
        }
    } else {
        match newschart::render::svg::to_svg(&scene, scale) {
            Ok(s) => s.into_bytes(),
            Err(e) => {
                eprintln!("{}: render failed: {}", path, e);
                return ExitCode::from(1);
            }
        }
    };
    match out {
        Some(o) => {
            if let Err(e) = std::fs::write(&o, bytes) {
                eprintln!("{}: cannot write: {}", o, e);
                return ExitCode::from(1);
            }
        }
        None => {
            if print_out(&bytes).is_err() {
                return ExitCode::from(1);
            }
        }
    }
    ExitCode::SUCCESS
}

/// Where `render --static` writes, and how the printed snippet names it.
struct StaticOut {
    dir: Option<PathBuf>,
    widths: Vec<u32>,
    name: Option<String>,
    href: Option<String>,
    /// The page's margins beside the chart: the viewport is this much wider than the element.
    margin: u32,
    /// The colour schemes drawn: the element's `theme` attribute.
    scheme: newschart::render::static_paint::Scheme,
}

impl Default for StaticOut {
    fn default() -> Self {
        StaticOut { dir: None, widths: newschart::render::static_paint::WIDTHS.to_vec(), name: None, href: None, margin: 0, scheme: newschart::render::static_paint::Scheme::Auto }
    }
}

/// `render --static`: the element's first paint at each width, and the `<picture>` that shows it.
#[cfg(not(target_arch = "wasm32"))]
fn render_static(path: &str, dataset: Option<&str>, s: &StaticOut, height: f64) -> ExitCode {
    use newschart::render::{element, static_paint};
    let text = match read_text(path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{}", e);
            return ExitCode::from(1);
        }
    };
    let dir = s.dir.clone().unwrap_or_default();
    let stem = s.name.clone().unwrap_or_else(|| Path::new(path).file_stem().and_then(|n| n.to_str()).unwrap_or("chart").to_string());
    let href = s.href.clone().unwrap_or_else(|| format!("{}/", dir.display()).replace("//", "/"));
    let hash = element::feed_hash(&text);
    let mut widths = s.widths.clone();
    widths.sort_unstable();
    widths.dedup();
    let m = measure::SystemMeasure::find();
    if m.faces() < 2 {
        eprintln!("{}: warning: the system-ui and CJK fonts were not both found: the static image is laid out with estimated text widths, and the live chart may not fall exactly on it", path);
    }
    let images = match static_paint::images(&text, dataset, &widths, height, &m, s.scheme) {
        Ok(images) => images,
        Err(static_paint::Failure::Feed(problems)) => {
            for p in problems.iter().filter(|p| p.severity == Severity::Error) {
                report(path, p, false);
            }
            return ExitCode::from(1);
        }
        Err(static_paint::Failure::Render(e)) => {
            eprintln!("{}: render failed: {}", path, e);
            return ExitCode::from(1);
        }
    };
    let mut made = Vec::new();
    for img in &images {
        let file = static_paint::file_name(&stem, &hash, img.width, img.dark);
        if let Err(e) = std::fs::create_dir_all(&dir).and_then(|_| std::fs::write(dir.join(&file), &img.svg)) {
            eprintln!("{}: cannot write: {}", dir.join(&file).display(), e);
            return ExitCode::from(1);
        }
        made.push(static_paint::Shown { width: img.width, src: format!("{}{}", href, file), height: img.height, dark: img.dark });
    }
    let alt = static_paint::alt(&text, dataset, widths[0], height);
    let mut html = static_paint::picture(&hash, &made, s.margin, &alt);
    html.push('\n');
    match print_out(html.as_bytes()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(()) => ExitCode::from(1),
    }
}

/// Static images are laid out with the system's fonts: the native build only.
#[cfg(target_arch = "wasm32")]
fn render_static(path: &str, _: Option<&str>, _: &StaticOut, _: f64) -> ExitCode {
    eprintln!("{}: static images need the native newschart build", path);
    ExitCode::from(1)
}

/// The scene as PNG bytes, or `None` after printing why not.
#[cfg(not(target_arch = "wasm32"))]
fn png_bytes(scene: &newschart::scene::Scene, scale: f64, dpi: f64, font: Option<&Path>, path: &str) -> Option<Vec<u8>> {
    use newschart::render::png as bitmap;
    let fonts = match bitmap::font::load(font) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("newschart: {}", e);
            return None;
        }
    };
    let img = match bitmap::draw(scene, scale, &fonts) {
        Ok(i) => i,
        Err(e) => {
            eprintln!("{}: render failed: {}", path, e);
            return None;
        }
    };
    if !img.missing.is_empty() {
        let chars: String = img.missing.iter().take(12).collect();
        eprintln!(
            "{}: warning: the font {} ({}) has no glyph for {}: drawn as empty boxes; pass --font with a font that has them",
            path,
            fonts.regular.name,
            fonts.regular.path.display(),
            chars
        );
    }
    match bitmap::encode(&img, dpi) {
        Ok(b) => Some(b),
        Err(e) => {
            eprintln!("{}: PNG encoding failed: {}", path, e);
            None
        }
    }
}

/// PNG output needs the native build.
#[cfg(target_arch = "wasm32")]
fn png_bytes(_: &newschart::scene::Scene, _: f64, _: f64, _: Option<&Path>, path: &str) -> Option<Vec<u8>> {
    eprintln!("{}: PNG output needs the native newschart build", path);
    None
}
