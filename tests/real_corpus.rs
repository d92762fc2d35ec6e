//! The real-data corpus (tests/fixtures/real/, origins and licences in its
//! README): each public file goes through `newschart from-csv` with the flags
//! its manifest entry records and must give exactly its expected feed, or be
//! refused with its expected located problems. Every number of an expected
//! feed is checked against the source file read here on its own (a small CSV
//! reader for plain cells, not the product's parser), so a regenerated
//! expected file cannot carry a wrong number unnoticed.
//!
//! Then every corpus feed, and every example feed in www/examples/ and
//! www/feeds/, is drawn and checked on the scene (data marks inside the plot,
//! labels not overlapping, each datum's value and the number its tooltip
//! reads equal to the source), on the SVG
//! and on the PNG pixels of `newschart render` (tests/common/drawn.rs).

mod common;

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::drawn;
use newschart::render::compose::{self, Height};
use serde_json::Value;

const CLI: &str = env!("CARGO_BIN_EXE_newschart");
const REAL: &str = "tests/fixtures/real";

fn manifest() -> Vec<Value> {
    let text = fs::read_to_string(format!("{}/manifest.json", REAL)).unwrap();
    let v: Value = serde_json::from_str(&text).unwrap();
    v["files"].as_array().unwrap().clone()
}

fn entry(name: &str) -> Value {
    manifest().into_iter().find(|e| e["name"] == name).unwrap_or_else(|| panic!("{} is not in the manifest", name))
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array().map(|a| a.iter().filter_map(|s| s.as_str().map(str::to_string)).collect()).unwrap_or_default()
}

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

fn cli(dir: &str, args: &[String]) -> Run {
    let out = Command::new(CLI).current_dir(dir).args(args).output().expect("run newschart");
    Run { code: out.status.code(), stdout: String::from_utf8_lossy(&out.stdout).into_owned(), stderr: String::from_utf8_lossy(&out.stderr).into_owned() }
}

fn from_csv(e: &Value) -> Run {
    let mut args = vec!["from-csv".to_string(), e["file"].as_str().unwrap().to_string()];
    args.extend(strings(&e["args"]));
    cli(REAL, &args)
}

fn head(text: &str, lines: usize) -> String {
    text.lines().take(lines).collect::<Vec<_>>().join("\n")
}

// ---------------------------------------------------------------------------
// An independent reading of the source: RFC 4180 fields, then plain numbers.

/// The records of a CSV text with their 1-based line numbers: quotes, doubled
/// quotes, CRLF and a byte order mark handled; nothing else interpreted.
fn read_csv(text: &str) -> Vec<(usize, Vec<String>)> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut records = Vec::new();
    let (mut field, mut record) = (String::new(), Vec::new());
    let (mut quoted, mut line, mut start) = (false, 1usize, 1usize);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => {
                if c == '\n' {
                    line += 1;
                }
                field.push(c);
            }
            (false, '"') => quoted = true,
            (false, ',') => record.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                record.push(std::mem::take(&mut field));
                records.push((start, std::mem::take(&mut record)));
                line += 1;
                start = line;
            }
            (false, c) => field.push(c),
        }
    }
    if !field.is_empty() || !record.is_empty() {
        record.push(field);
        records.push((start, record));
    }
    records
}

/// A cell as a number: plain digits (`-12.5`, `1e3`) or, in `dollars` mode,
/// `$65,548` with its sign and separators; empty, `-` and `N/A` are gaps.
fn cell_number(cell: &str, mode: &str) -> Result<Option<f64>, String> {
    let t = cell.trim();
    if t.is_empty() || t == "-" || t == "N/A" {
        return Ok(None);
    }
    let t: String = match mode {
        "dollars" => t.chars().filter(|c| !matches!(c, '$' | ',' | ' ')).collect(),
        _ => t.to_string(),
    };
    t.parse::<f64>().map(Some).map_err(|_| format!("{:?} is not a plain number", cell))
}

/// What the chart must show, read from the source: category count and, per
/// series in order, its name and values.
struct Table {
    categories: Vec<String>,
    series: Vec<(String, Vec<Option<f64>>)>,
}

fn source_table(e: &Value) -> Table {
    let check = &e["check"];
    let path = match check["cells_csv"].as_str() {
        Some(p) => format!("{}/{}", REAL, p),
        None => format!("{}/{}", REAL, e["file"].as_str().unwrap()),
    };
    let text = fs::read_to_string(&path).unwrap_or_else(|err| panic!("{}: {}", path, err));
    let header_line = check["header_line"].as_u64().unwrap_or(1) as usize;
    let records = read_csv(&text);
    let hi = records.iter().position(|(l, _)| *l == header_line).unwrap_or_else(|| panic!("{}: no line {}", path, header_line));
    let header = &records[hi].1;
    let rows: Vec<&Vec<String>> = records[hi + 1..].iter().map(|(_, r)| r).filter(|r| r.iter().any(|c| !c.trim().is_empty())).collect();
    let col = |h: &str| header.iter().position(|c| c.trim() == h).unwrap_or_else(|| panic!("{}: no column {:?} in {:?}", path, h, header));
    let mode = check["cells"].as_str().unwrap_or("plain");
    let num = |cell: &str| cell_number(cell, mode).unwrap_or_else(|m| panic!("{}: {}", path, m));
    let x = col(check["x"].as_str().unwrap());
    if let Some(p) = check.get("pivot") {
        let (sc, vc) = (col(p["series"].as_str().unwrap()), col(p["value"].as_str().unwrap()));
        let mut categories: Vec<String> = Vec::new();
        let mut names: Vec<String> = Vec::new();
        let mut cells: HashMap<(String, String), Option<f64>> = HashMap::new();
        for r in &rows {
            let (xv, sv) = (r[x].trim().to_string(), r[sc].trim().to_string());
            if !categories.contains(&xv) {
                categories.push(xv.clone());
            }
            if !names.contains(&sv) {
                names.push(sv.clone());
            }
            cells.insert((sv, xv), num(&r[vc]));
        }
        let series = names
            .iter()
            .map(|n| (n.clone(), categories.iter().map(|c| cells.get(&(n.clone(), c.clone())).copied().flatten()).collect()))
            .collect();
        return Table { categories, series };
    }
    let categories = rows.iter().map(|r| r[x].trim().to_string()).collect();
    let series = strings(&check["series"])
        .iter()
        .map(|h| {
            let c = col(h);
            (h.clone(), rows.iter().map(|r| num(r.get(c).map(String::as_str).unwrap_or(""))).collect())
        })
        .collect();
    Table { categories, series }
}

/// The multiplier from a source cell to the feed's value, from the feed's unit
/// (`"units": {"万人": 1, "人": 10000}`); 1 without a map.
fn multiplier(e: &Value, ds: &Value) -> Result<f64, String> {
    let Some(map) = e["check"]["units"].as_object() else { return Ok(1.0) };
    let unit = ds["unit"].as_str().unwrap_or("");
    map.get(unit).and_then(Value::as_f64).ok_or_else(|| format!("unit {:?} is none of {:?}", unit, map.keys().collect::<Vec<_>>()))
}

fn same(got: f64, want: f64, k: f64) -> bool {
    if k == 1.0 {
        got == want
    } else {
        (got - want).abs() <= 1e-9 * want.abs().max(1.0)
    }
}

/// A series name stands for a header: equal, or the header less a unit in
/// brackets (`人均国民总收入 (元)` → `人均国民总收入`).
fn names_header(name: &str, header: &str) -> bool {
    name == header || (header.starts_with(name) && header[name.len()..].trim_start().starts_with(['(', '（']))
}

/// Every number of the feed against the source table; one sentence per mismatch.
fn source_mismatches(e: &Value, feed: &Value) -> Vec<String> {
    let ds = &feed["datasets"][0];
    let t = source_table(e);
    let mut out = Vec::new();
    let k = match multiplier(e, ds) {
        Ok(k) => k,
        Err(m) => return vec![m],
    };
    if e["check"]["x_dates"] == true && ds["x"] != "date" {
        out.push(format!("x is {} , not dates: the first categories are {:?}", ds["x"], ds["categories"].as_array().map(|a| a.iter().take(3).collect::<Vec<_>>())));
    }
    let cats = ds["categories"].as_array().map(Vec::len).unwrap_or(0);
    if cats != t.categories.len() {
        out.push(format!("{} categories, the source has {}", cats, t.categories.len()));
    }
    let series = ds["series"].as_array().cloned().unwrap_or_default();
    let names: Vec<&str> = series.iter().map(|s| s["name"].as_str().unwrap_or("")).collect();
    let want: Vec<&str> = t.series.iter().map(|(n, _)| n.as_str()).collect();
    if names.len() != want.len() || !names.iter().zip(&want).all(|(n, h)| names_header(n, h)) {
        out.push(format!("series {:?}, the source's columns are {:?}", names, want));
        return out;
    }
    for (s, (name, values)) in series.iter().zip(&t.series) {
        let got = s["values"].as_array().cloned().unwrap_or_default();
        let mut wrong = 0;
        for (i, want) in values.iter().enumerate() {
            let g = got.get(i).and_then(Value::as_f64);
            let ok = match (g, want) {
                (None, None) => true,
                (Some(g), Some(w)) => same(g, w * k, k),
                _ => false,
            };
            if !ok {
                wrong += 1;
                if wrong <= 3 {
                    out.push(format!("{} / {}: the feed has {:?}, the source cell {:?} (× {})", name, t.categories.get(i).map(String::as_str).unwrap_or("?"), g, want, k));
                }
            }
        }
        if wrong > 3 {
            out.push(format!("{}: {} values differ from the source in all", name, wrong));
        }
        if got.len() != values.len() {
            out.push(format!("{}: {} values, the source has {}", name, got.len(), values.len()));
        }
    }
    out
}

// ---------------------------------------------------------------------------
// The import of each file.

fn expected_feed_path(name: &str) -> PathBuf {
    PathBuf::from(format!("{}/expected/{}.feed.json", REAL, name))
}

fn import(name: &str) {
    let e = entry(name);
    let run = from_csv(&e);
    match e["expect"].as_str().unwrap() {
        "feed" => {
            assert_eq!(run.code, Some(0), "{}: from-csv refused a file it must read (flags {:?}):\n{}", name, strings(&e["args"]), head(&run.stderr, 8));
            let path = expected_feed_path(name);
            let text = fs::read_to_string(&path).unwrap_or_else(|_| panic!("{}: no {} (run bash scripts/corpus.sh and review it)", name, path.display()));
            let want: Value = serde_json::from_str(&text).unwrap();
            let got: Value = serde_json::from_str(&run.stdout).unwrap_or_else(|err| panic!("{}: from-csv printed no JSON: {}", name, err));
            // the expected file itself is checked against the source, cell by cell
            let wrong = source_mismatches(&e, &want);
            assert!(wrong.is_empty(), "{}: the expected feed does not show the source's numbers:\n  {}", name, wrong.join("\n  "));
            assert!(got == want, "{}: from-csv's feed differs from {} (run bash scripts/corpus.sh and review the diff)", name, path.display());
        }
        "problems" => {
            assert_eq!(run.code, Some(1), "{}: must be refused as a data error (exit 1), got exit {:?}:\n{}", name, run.code, head(&run.stderr, 8));
            let located: Vec<(usize, usize, String)> = run
                .stderr
                .lines()
                .filter_map(|l| {
                    let (_, rest) = l.split_once(':')?;
                    let mut p = rest.splitn(3, ':');
                    let line = p.next()?.parse().ok()?;
                    let col = p.next()?.parse().ok()?;
                    let msg = p.next()?.trim();
                    msg.strip_prefix("error:").map(|m| (line, col, m.trim().to_string()))
                })
                .collect();
            for want in e["problems"].as_array().unwrap() {
                let line = want["line"].as_u64().unwrap() as usize;
                let found = located.iter().any(|(l, c, m)| {
                    *l == line
                        && want["column"].as_u64().is_none_or(|wc| *c == wc as usize)
                        && want["text"].as_str().is_none_or(|t| m.contains(t))
                });
                assert!(found, "{}: no error located at {} among:\n{}", name, want, head(&run.stderr, 12));
            }
            let path = format!("{}/expected/{}.problems.json", REAL, name);
            let expected: Value = serde_json::from_str(&fs::read_to_string(&path).unwrap_or_else(|_| panic!("{}: no {}", name, path))).unwrap();
            let mut want: Vec<(u64, u64)> = expected["errors"].as_array().unwrap().iter().map(|p| (p["line"].as_u64().unwrap(), p["column"].as_u64().unwrap())).collect();
            let mut got: Vec<(u64, u64)> = located.iter().map(|(l, c, _)| (*l as u64, *c as u64)).collect();
            want.sort();
            got.sort();
            assert_eq!(got, want, "{}: the located errors differ from {}", name, path);
        }
        other => panic!("{}: unknown expectation {}", name, other),
    }
}

// ---------------------------------------------------------------------------
// Drawing: scene, SVG and PNG.

const WIDTHS: [f64; 2] = [390.0, 640.0];
/// 120 mm at 300 dpi, as a print page would ask for it.
const PRINT_MM: f64 = 120.0;

fn temp(name: &str, ext: &str) -> PathBuf {
    std::env::temp_dir().join(format!("newschart-corpus-{}-{}.{}", std::process::id(), name.replace('/', "_"), ext))
}

/// Every drawn violation of one feed file: scene at two widths, SVG at 640 px,
/// PNG at 640 px and at print size. `value_of(dataset, series, index)` is the
/// number the source holds for a datum.
fn drawn_violations(feed_path: &Path, value_of: &dyn Fn(usize, usize, usize) -> Option<f64>) -> Vec<String> {
    let text = fs::read_to_string(feed_path).unwrap();
    let v: Value = serde_json::from_str(text.trim_start_matches('\u{feff}')).unwrap();
    let ids: Vec<Option<String>> = v["datasets"].as_array().unwrap().iter().map(|d| d["id"].as_str().map(str::to_string)).collect();
    let mut out = Vec::new();
    for (k, id) in ids.iter().enumerate() {
        let tag = id.clone().unwrap_or_else(|| k.to_string());
        for w in WIDTHS {
            let (_, scene) = match newschart::scene_for(&text, id.as_deref(), w, None) {
                Ok(r) => r,
                Err(p) => {
                    out.push(format!("[{} @{}] does not draw: {:?}", tag, w, p.first().map(|p| &p.en)));
                    continue;
                }
            };
            for m in drawn::scene_violations(&scene) {
                out.push(format!("[{} @{}] {}", tag, w, m));
            }
            let mut wrong = 0;
            for d in &scene.data {
                let want = value_of(k, d.series, d.index);
                let shown = shown_number(&d.value_text);
                let text_ok = match (shown, want) {
                    // exact, or exact up to the multiplication's last bit (14.3 × 0.01)
                    (Some((n, mult)), Some(w)) => n == w || (n * mult - w).abs() <= 1e-12 * w.abs(),
                    _ => false,
                };
                if want != Some(d.value) || !text_ok {
                    wrong += 1;
                    if wrong <= 3 {
                        out.push(format!("[{} @{}] datum {} / {} is {} and reads {:?}; the source has {:?}", tag, w, d.series_name, d.category, d.value, d.value_text, want));
                    }
                }
            }
            if wrong > 3 {
                out.push(format!("[{} @{}] {} data show a number the source does not have", tag, w, wrong));
            }
        }
        // the CLI's SVG and PNG at 640 px (96 dpi), and a print PNG: the
        // whole composition (title, legend, notes around the chart's scene)
        let scene = match compose::scene_for(&text, id.as_deref(), 640.0, Height::Natural) {
            Ok((_, c)) => c.scene,
            Err(_) => continue,
        };
        for m in drawn::scene_violations(&scene) {
            out.push(format!("[{} composed 640] {}", tag, m));
        }
        let mut base = vec!["render".to_string(), feed_path.to_string_lossy().into_owned()];
        if let Some(id) = id {
            base.extend(["--dataset".to_string(), id.clone()]);
        }
        let svg = temp(&format!("{}-{}", feed_path.file_stem().unwrap().to_string_lossy(), tag), "svg");
        let run = cli(".", &[base.clone(), vec!["--width".into(), "640".into(), "-o".into(), svg.to_string_lossy().into_owned()]].concat());
        match (run.code, fs::read_to_string(&svg)) {
            (Some(0), Ok(s)) => out.extend(drawn::svg_violations(&s, &scene, 1.0).into_iter().map(|m| format!("[{} svg 640] {}", tag, m))),
            _ => out.push(format!("[{}] render to SVG failed: {}", tag, head(&run.stderr, 3))),
        }
        let _ = fs::remove_file(&svg);
        let png = temp(&format!("{}-{}", feed_path.file_stem().unwrap().to_string_lossy(), tag), "png");
        let run = cli(".", &[base.clone(), vec!["--width".into(), "640".into(), "-o".into(), png.to_string_lossy().into_owned()]].concat());
        match (run.code, fs::read(&png)) {
            (Some(0), Ok(b)) => out.extend(drawn::png_violations(&b, &scene, 1.0).into_iter().map(|m| format!("[{} png 640] {}", tag, m))),
            _ => out.push(format!("[{}] render to PNG failed: {}", tag, head(&run.stderr, 3))),
        }
        let css = PRINT_MM / 25.4 * 96.0;
        if let Ok((_, print)) = compose::scene_for(&text, id.as_deref(), css, Height::Natural).map(|(d, c)| (d, c.scene)) {
            let run = cli(".", &[base.clone(), vec!["--width".into(), format!("{}mm", PRINT_MM), "--dpi".into(), "300".into(), "-o".into(), png.to_string_lossy().into_owned()]].concat());
            match (run.code, fs::read(&png)) {
                (Some(0), Ok(b)) => out.extend(drawn::png_violations(&b, &print, 300.0 / 96.0).into_iter().map(|m| format!("[{} png {}mm 300dpi] {}", tag, PRINT_MM, m))),
                _ => out.push(format!("[{}] render to a print PNG failed: {}", tag, head(&run.stderr, 3))),
            }
        }
        let _ = fs::remove_file(&png);
    }
    out
}

/// The number a datum's text shows (`135,450`, `−0.17`, `2,183万人`, `$39.81`)
/// and the multiplier written right after it (万, 亿, K, M, B, %), if any.
fn shown_number(text: &str) -> Option<(f64, f64)> {
    let chars: Vec<char> = text.chars().collect();
    let start = chars.iter().position(|c| c.is_ascii_digit())?;
    let negative = start > 0 && matches!(chars[start - 1], '-' | '−');
    let mut end = start;
    let mut digits = String::new();
    while end < chars.len() && (chars[end].is_ascii_digit() || chars[end] == ',' || (chars[end] == '.' && chars.get(end + 1).is_some_and(char::is_ascii_digit))) {
        if chars[end] != ',' {
            digits.push(chars[end]);
        }
        end += 1;
    }
    let n: f64 = digits.parse().ok()?;
    let mult = match chars.get(end) {
        Some('万') => 1e4,
        Some('亿') => 1e8,
        Some('K' | 'k') => 1e3,
        Some('M') => 1e6,
        Some('B') => 1e9,
        // a fraction written as a percentage (numberStyle percent: 1.0707 → 107.07%)
        Some('%') => 0.01,
        _ => 1.0,
    };
    Some((if negative { -n } else { n }, mult))
}

fn drawn(name: &str) {
    let e = entry(name);
    if e["expect"] != "feed" {
        return;
    }
    let path = expected_feed_path(name);
    assert!(path.exists(), "{}: no expected feed to draw: from-csv refused the file when the corpus was regenerated (see the import test)", name);
    let t = source_table(&e);
    let feed: Value = serde_json::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
    let k = multiplier(&e, &feed["datasets"][0]).unwrap_or(1.0);
    let value_of = |_: usize, s: usize, i: usize| t.series.get(s).and_then(|(_, v)| v.get(i).copied().flatten()).map(|v| v * k);
    let wrong = drawn_violations(&path, &value_of);
    assert!(wrong.is_empty(), "{}:\n  {}", name, wrong.join("\n  "));
}

macro_rules! corpus {
    ($($id:ident => $name:literal),* $(,)?) => {
        const TESTED: &[&str] = &[$($name),*];
        $(
            mod $id {
                #[test]
                fn import() {
                    super::import($name)
                }
                #[test]
                fn drawn() {
                    super::drawn($name)
                }
            }
        )*
    };
}

corpus! {
    seattle_weather => "seattle-weather",
    us_employment => "us-employment",
    stocks => "stocks",
    iowa_electricity => "iowa-electricity",
    sp500 => "sp500",
    co2_concentration => "co2-concentration",
    global_temp => "global-temp",
    disasters => "disasters",
    gapminder_health_income => "gapminder-health-income",
    population_engineers_hurricanes => "population-engineers-hurricanes",
    weather => "weather",
    unemployment_across_industries => "unemployment-across-industries",
    special_elections => "special-elections",
    pew_trust_in_us_president => "pew-trust-in-us-president",
    biopics => "biopics",
    china_population_by_province => "china-population-by-province",
    china_population_typos => "china-population-typos",
    nbs_gdp_by_industry_2014_2023 => "nbs-gdp-by-industry-2014-2023",
    nbs_gdp_mixed_units => "nbs-gdp-mixed-units",
    nbs_gdp_by_industry_2003_2023 => "nbs-gdp-by-industry-2003-2023",
}

#[test]
fn the_corpus_is_whole_and_every_file_has_its_origin() {
    let m = manifest();
    let names: Vec<String> = m.iter().map(|e| e["name"].as_str().unwrap().to_string()).collect();
    assert!(names.len() >= 15, "only {} corpus files", names.len());
    assert_eq!(names, TESTED, "every manifest entry has its tests, in order");
    let readme = fs::read_to_string(format!("{}/README.md", REAL)).unwrap();
    for e in &m {
        let file = e["file"].as_str().unwrap();
        assert!(Path::new(REAL).join(file).exists(), "{} is missing", file);
        assert!(readme.contains(&format!("`{}`", file)), "README.md does not record {}'s origin", file);
        assert!(!e["origin"].as_str().unwrap_or("").is_empty(), "{} has no origin line", file);
    }
    // what the corpus must cover, as the manifest and the files show it
    let feeds = m.iter().filter(|e| e["expect"] == "feed").count();
    let refused = m.iter().filter(|e| e["expect"] == "problems").count();
    assert!(feeds >= 12 && refused >= 2, "{} feeds, {} refused files", feeds, refused);
    assert!(m.iter().any(|e| e["check"].get("pivot").is_some()), "a long table");
    assert!(m.iter().any(|e| e["file"].as_str().unwrap().ends_with(".xlsx") && e["expect"] == "feed"), "an .xlsx");
    assert!(m.iter().any(|e| e["check"]["cells"] == "dollars"), "a currency column");
    let lines = |f: &str| fs::read_to_string(Path::new(REAL).join(f)).map(|t| t.lines().count()).unwrap_or(0);
    assert!(m.iter().any(|e| lines(e["file"].as_str().unwrap()) > 1000), "a file of more than 1,000 rows");
    assert!(m.iter().any(|e| e["check"]["series"].as_array().is_some_and(|s| s.len() > 10)), "more than 10 series");
}

#[test]
fn the_independent_reader_reads_what_a_spreadsheet_holds() {
    // the test's own reader is a test subject too: quotes, CRLF, BOM, gaps
    let r = read_csv("\u{feff}a,b\r\n\"x, \"\"y\"\"\",\"$65,548 \"\r\n-,\r\n");
    assert_eq!(r, vec![(1, vec!["a".into(), "b".into()]), (2, vec!["x, \"y\"".into(), "$65,548 ".into()]), (3, vec!["-".into(), "".into()])]);
    assert_eq!(cell_number("$65,548 ", "dollars"), Ok(Some(65548.0)));
    assert_eq!(cell_number(" -0.17", "plain"), Ok(Some(-0.17)));
    assert_eq!(cell_number("-", "plain"), Ok(None));
    assert!(cell_number("12.8o", "plain").is_err());
    assert!(cell_number("2531 ?", "plain").is_err());
    assert_eq!(shown_number("135,450"), Some((135450.0, 1.0)));
    assert_eq!(shown_number("−0.17"), Some((-0.17, 1.0)));
    assert_eq!(shown_number("$39.81"), Some((39.81, 1.0)));
    assert_eq!(shown_number("2,183万人"), Some((2183.0, 1e4)));
    assert_eq!(shown_number("1.131K thousand"), Some((1.131, 1e3)));
}

/// Every example feed (www/examples/, www/feeds/) keeps the drawn invariants;
/// its numbers are the feed's own, read here with serde_json.
#[test]
fn every_example_keeps_the_drawn_invariants() {
    let mut report = Vec::new();
    let mut files: Vec<PathBuf> = ["www/examples", "www/feeds"]
        .iter()
        .flat_map(|d| fs::read_dir(d).unwrap().map(|e| e.unwrap().path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    assert!(files.len() >= 12, "found {} example feeds", files.len());
    for f in &files {
        let v: Value = serde_json::from_str(fs::read_to_string(f).unwrap().trim_start_matches('\u{feff}')).unwrap();
        let value_of = |k: usize, s: usize, i: usize| v["datasets"][k]["series"][s]["values"][i].as_f64();
        for m in drawn_violations(f, &value_of) {
            report.push(format!("{}: {}", f.display(), m));
        }
    }
    assert!(report.is_empty(), "{} violations:\n  {}", report.len(), report.join("\n  "));
}

/// The first bug, kept without waiting for the import: Seattle's 1,461
/// daily values, read by this test's own reader and written as a line feed,
/// stay inside the plot on the scene, in the SVG and in the PNG (screen and
/// print size). The PNG once drew a never-negative series down to −20.
#[test]
fn a_dense_daily_line_stays_inside_its_plot_in_every_renderer() {
    let e = entry("seattle-weather");
    let t = source_table(&e);
    assert_eq!(t.categories.len(), 1461);
    let series: Vec<Value> = t
        .series
        .iter()
        .map(|(name, values)| serde_json::json!({"name": name, "values": values}))
        .collect();
    let feed = serde_json::json!({"version": 1, "datasets": [{"id": "seattle", "kind": "line", "x": "date", "title": "Seattle daily weather",
        "categories": t.categories, "series": series}]});
    let path = temp("dense-line", "json");
    fs::write(&path, serde_json::to_string(&feed).unwrap()).unwrap();
    let value_of = |_: usize, s: usize, i: usize| t.series.get(s).and_then(|(_, v)| v.get(i).copied().flatten());
    let wrong = drawn_violations(&path, &value_of);
    let _ = fs::remove_file(&path);
    assert!(wrong.is_empty(), "{}", wrong.join("\n  "));
}

/// The drawn checks are test subjects too: the SVG and the PNG of a real chart
/// pass, and the same images with a stroke of the series' colour moved below
/// the plot fail.
#[test]
fn the_drawn_checks_catch_ink_outside_the_plot() {
    let text = fs::read_to_string(expected_feed_path("sp500")).unwrap();
    let (_, c) = compose::scene_for(&text, None, 640.0, Height::Natural).unwrap();
    let s = c.scene;
    let svg = newschart::render::svg::to_svg(&s, 1.0).unwrap();
    assert_eq!(drawn::svg_violations(&svg, &s, 1.0), Vec::<String>::new());
    let ink = drawn::series_ink(&s).colors[0];
    let below = s.plot.y + s.plot.h + 20.0;
    let tampered = svg.replacen("</svg>", &format!("<polyline fill=\"none\" stroke=\"{}\" points=\"100,{} 200,{} \"/></svg>", ink.hex(), below, below), 1);
    assert_eq!(drawn::svg_violations(&tampered, &s, 1.0).len(), 2, "both points of the stray stroke");

    let png = temp("check-png", "png");
    let run = cli(".", &["render".into(), expected_feed_path("sp500").to_string_lossy().into_owned(), "--width".into(), "640".into(), "-o".into(), png.to_string_lossy().into_owned()]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let bytes = fs::read(&png).unwrap();
    let _ = fs::remove_file(&png);
    assert_eq!(drawn::png_violations(&bytes, &s, 1.0), Vec::<String>::new());
    // the same pixels with ten of them, below the plot, in the series' colour
    let mut reader = png::Decoder::new(bytes.as_slice()).read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size()];
    let info = reader.next_frame(&mut buf).unwrap();
    let ch = if info.color_type == png::ColorType::Rgba { 4 } else { 3 };
    let y = (s.plot.y + s.plot.h + 10.0) as usize;
    for x in 200..210 {
        let i = (y * info.width as usize + x) * ch;
        buf[i..i + 3].copy_from_slice(&[ink.r, ink.g, ink.b]);
    }
    let mut out = Vec::new();
    {
        let mut enc = png::Encoder::new(&mut out, info.width, info.height);
        enc.set_color(info.color_type);
        enc.set_depth(info.bit_depth);
        enc.write_header().unwrap().write_image_data(&buf).unwrap();
    }
    let v = drawn::png_violations(&out, &s, 1.0);
    assert!(v.iter().any(|m| m.contains("10 pixels")) || v.len() == 10, "{:?}", v);
}
