//! The `newschart` binary as people run it: exit codes (0 done, 1 problems in
//! the data, 2 a mistake in the command line), what it prints, the SVG and PNG
//! it renders from every example feed, and the demo article's fallback images.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use newschart::feed::Severity;
use newschart::normalize::{self, Limits};
use newschart::render::compose::{self, Height};
use newschart::scene::{Role, Shape};
use newschart::text::EstimateMeasure;

const FEEDS: [&str; 3] = ["employment", "toilets", "hamlets"];
/// The `height` of each chart in www/index.html.
const PAGE_HEIGHTS: [(&str, u32); 3] = [("employment", 110), ("toilets", 220), ("hamlets", 340)];
const CSV_FIXTURES: [&str; 9] = [
    "excel-utf8-bom.csv",
    "wps-units.csv",
    "wps-percent.csv",
    "excel-unicode-text.txt",
    "quoted.csv",
    "missing.csv",
    "us-employment.csv",
    "seattle-weather.csv",
    "statistics-export.xlsx",
];

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_newschart"))
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().unwrap()
}

fn run_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = bin().args(args).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn tmp(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli");
    fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

// ---- usage ------------------------------------------------------------------------------

#[test]
fn help_documents_every_command_and_option() {
    for flag in ["help", "--help", "-h"] {
        let o = run(&[flag]);
        assert_eq!(o.status.code(), Some(0));
        let h = stdout(&o);
        for needle in [
            "from-csv", "validate", "render", "--kind", "--title", "--subtitle", "--unit", "--source", "--source-url",
            "--locale", "--id", "--illustrative", "--dataset", "--width", "--height", "--dpi", "--font", "-o", "120mm",
            "fonts-noto-cjk", "CSV UTF-8 (Comma delimited)", "Exit codes",
            // the feed service's commands are described even in a build without them
            "newschart serve", "newschart user add", "newschart publish", "newschart backup", "newschart restore", "newschart bench",
            "--publish-dir", "NEWSCHART_TOKEN", "--interval-ms", "--features serve",
        ] {
            assert!(h.contains(needle), "help lacks {}", needle);
        }
    }
}

#[test]
fn command_line_mistakes_exit_2() {
    for args in [
        &[][..],
        &["frobnicate"],
        &["validate"],
        &["render"],
        &["render", "www/feeds/hamlets.json", "--width", "wide"],
        &["render", "www/feeds/hamlets.json", "--width", "120in"],
        &["render", "www/feeds/hamlets.json", "--dpi", "0"],
        &["render", "www/feeds/hamlets.json", "-o", "chart.jpg"],
        &["render", "www/feeds/hamlets.json", "--bogus"],
        &["render", "www/feeds/hamlets.json", "--height"],
        &["from-csv"],
        &["from-csv", "a.csv", "--colour", "red"],
        &["from-csv", "a.csv", "--title"],
        &["from-csv", "a.csv", "b.csv"],
    ] {
        let o = run(args);
        assert_eq!(o.status.code(), Some(2), "{:?}: {}", args, stderr(&o));
        assert!(stderr(&o).contains("newschart help"), "{:?}", args);
        assert!(o.stdout.is_empty(), "{:?}", args);
    }
}

#[test]
fn every_command_has_its_own_help_that_exits_0() {
    // (command, an option only its page names)
    for (cmd, own) in [
        ("from-csv", "--pivot"),
        ("validate", "--locale zh-CN|en    language of the messages"),
        ("render", "--chart-height"),
        ("serve", "--publish-dir"),
        ("user", "--role ROLE"),
        ("publish", "NEWSCHART_TOKEN"),
        ("backup", "consistent snapshot"),
        ("restore", "empty database"),
        ("bench", "--interval-ms"),
    ] {
        for args in [vec!["help", cmd], vec![cmd, "--help"], vec![cmd, "-h"]] {
            let o = run(&args);
            assert_eq!(o.status.code(), Some(0), "{:?}: {}", args, stderr(&o));
            let h = stdout(&o);
            assert!(h.contains(own), "{:?} lacks {}", args, own);
            assert!(h.contains("Exit codes"), "{:?}", args);
            // a command's page is its own: the others' options are not on it
            for (other, theirs) in [("from-csv", "--pivot"), ("render", "--chart-height")] {
                if other != cmd {
                    assert!(!h.contains(theirs), "{:?} shows {}'s {}", args, other, theirs);
                }
            }
        }
    }
    for args in [&["help", "frobnicate"][..], &["validate", "--locale", "fr", "x.json"], &["validate", "--locale"], &["validate", "--bogus", "x.json"]] {
        let o = run(args);
        assert_eq!(o.status.code(), Some(2), "{:?}: {}", args, stderr(&o));
        assert!(o.stdout.is_empty(), "{:?}", args);
    }
}

/// Runs the command with its stdout on a pipe whose reader is already closed:
/// its first write fails with a broken pipe, every time.
fn run_into_closed_pipe(args: &[&str]) -> Output {
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    bin().args(args).stdout(writer).stderr(Stdio::piped()).output().unwrap()
}

#[test]
fn a_reader_that_closes_the_pipe_early_is_no_failure() {
    let feed = "www/examples/employment-line-dates.json";
    let csv = "tests/fixtures/csv/seattle-weather.csv";
    for args in [
        &["from-csv", "--help"][..],
        &["help"],
        &["help", "render"],
        &["validate", "--help"],
        &["--version"],
        &["validate", feed],
        &["from-csv", csv],
        &["render", feed],
    ] {
        let o = run_into_closed_pipe(args);
        let e = stderr(&o);
        assert!(!e.contains("panicked"), "{:?}: {}", args, e);
        assert_eq!(o.status.code(), Some(0), "{:?}: {}", args, e);
    }
    // `newschart from-csv big.csv | head -1`: the reader takes one line and goes
    let mut child = bin().args(["from-csv", csv]).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    let mut first = String::new();
    std::io::BufRead::read_line(&mut std::io::BufReader::new(child.stdout.take().unwrap()), &mut first).unwrap();
    assert_eq!(first.trim(), "{");
    let o = child.wait_with_output().unwrap();
    assert!(!stderr(&o).contains("panicked"), "{}", stderr(&o));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

#[test]
fn validate_speaks_the_feeds_language_or_the_one_asked_for() {
    // an English feed that the widget refuses: the feed cannot be read whole, yet it says "en"
    let feed = tmp("english-broken.json");
    fs::write(
        &feed,
        r#"{"version":1,"datasets":[{"id":"a","locale":"en","title":"Jobs","kind":"column","categories":["2022"],"series":[{"name":"jobs","values":["many"]}]}]}"#,
    )
    .unwrap();
    let path = feed.to_str().unwrap();
    let english = run(&["validate", path]);
    assert_eq!(english.status.code(), Some(1));
    assert!(stderr(&english).contains("must be a number"), "{}", stderr(&english));
    let chinese = run(&["validate", "--locale", "zh-CN", path]);
    assert_eq!(chinese.status.code(), Some(1));
    assert!(stderr(&chinese).contains("应为数字"), "{}", stderr(&chinese));
    assert!(!stderr(&chinese).contains("must be a number"), "{}", stderr(&chinese));
    // a Chinese feed answers in Chinese, and in English when asked
    let bad = "tests/fixtures/bad/string-for-number.json";
    assert!(!stderr(&run(&["validate", bad])).contains("must be a number"));
    assert!(stderr(&run(&["validate", "--locale", "en", bad])).contains("must be a number"));
}

// ---- validate ---------------------------------------------------------------------------

#[test]
fn validate_passes_the_example_feeds() {
    let o = run(&["validate", "www/feeds/employment.json", "www/feeds/toilets.json", "www/feeds/hamlets.json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    for f in FEEDS {
        assert!(out.contains(&format!("www/feeds/{}.json: ok (1 dataset)", f)), "{}", out);
    }
}

#[test]
fn validate_prints_the_widgets_messages_and_exits_1() {
    let text = "{\n  \"version\": 1,\n  \"datasets\": [\n    {\"kind\": \"colum\", \"title\": \"t\",\n     \"categories\": [\"a\"],\n     \"series\": [{\"name\": \"s\", \"values\": [\"7.25万\"]}]}\n  ]\n}\n";
    let path = tmp("bad.json");
    fs::write(&path, text).unwrap();
    let p = path.to_str().unwrap();
    let o = run(&["validate", p]);
    assert_eq!(o.status.code(), Some(1));
    // every problem, each as the widget words it (Problem::describe), in one pass
    let n = normalize::read(text, Limits::default());
    let want: Vec<String> = n
        .problems
        .iter()
        .map(|q| format!("{}:{}:{}: {}: {}", p, q.line, q.column, if q.severity == Severity::Error { "error" } else { "warning" }, q.describe(true)))
        .collect();
    assert!(want.len() >= 2, "{:?}", want);
    assert_eq!(stderr(&o).lines().collect::<Vec<_>>(), want);
    assert!(stderr(&o).contains(":4:14: error: datasets[0].kind"), "{}", stderr(&o));
    // a file that is not there is a problem with the data, not with the command
    let o = run(&["validate", "no/such/feed.json"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("no/such/feed.json: cannot read"));
}

#[test]
fn validate_json_gives_one_verdict_per_feed_with_the_problems_codes() {
    let bad = "tests/fixtures/bad/string-for-number.json";
    let o = run(&["validate", "--json", "www/feeds/employment.json", bad, "no/such/feed.json"]);
    // the exit code is validate's: 1 when a feed is refused
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(o.stderr.is_empty(), "{}", stderr(&o));
    let lines: Vec<serde_json::Value> = stdout(&o).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["file"], "www/feeds/employment.json");
    assert_eq!(lines[0]["ok"], true);
    assert_eq!(lines[0]["datasets"], 1);
    assert_eq!(lines[1]["ok"], false);
    let p = &lines[1]["problems"][0];
    assert_eq!(p["code"], "quoted-number");
    assert_eq!(p["path"], "datasets[0].series[0].values[1]");
    assert_eq!((p["line"].as_u64(), p["column"].as_u64()), (Some(8), Some(47)));
    assert_eq!(p["severity"], "error");
    assert_eq!(lines[2]["ok"], false);
    assert_eq!(lines[2]["problems"][0]["code"], "unreadable");
    let ok = run(&["validate", "--json", "www/feeds/employment.json"]);
    assert_eq!(ok.status.code(), Some(0));
}

// ---- from-csv ---------------------------------------------------------------------------

#[test]
fn every_csv_fixture_converts_and_pipes_into_validate() {
    for name in CSV_FIXTURES {
        let path = format!("tests/fixtures/csv/{}", name);
        let o = run(&["from-csv", &path, "--title", "标题"]);
        assert_eq!(o.status.code(), Some(0), "{}: {}", name, stderr(&o));
        let feed: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        assert_eq!(feed["datasets"][0]["title"], "标题");
        let v = run_stdin(&["validate", "-"], &o.stdout);
        assert_eq!(v.status.code(), Some(0), "{}: {}", name, stderr(&v));
        assert_eq!(stdout(&v), "-: ok (1 dataset)\n");
    }
}

#[test]
fn from_csv_writes_every_option_into_the_feed() {
    let o = run(&[
        "from-csv", "tests/fixtures/csv/excel-utf8-bom.csv", "--kind", "bar", "--title", "社会资金投入", "--subtitle", "各县市区",
        "--source", "株洲日报", "--source-url", "https://example.com/zz", "--locale", "en", "--id", "hamlets-csv", "--illustrative",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(o.stderr.is_empty(), "{}", stderr(&o));
    let text = stdout(&o);
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    let ds = &v["datasets"][0];
    assert_eq!(ds["kind"], "bar");
    assert_eq!(ds["subtitle"], "各县市区");
    assert_eq!(ds["source"]["url"], "https://example.com/zz");
    assert_eq!(ds["locale"], "en");
    assert_eq!(ds["id"], "hamlets-csv");
    assert_eq!(ds["illustrative"], true);
    assert_eq!(ds["unit"], "元");
    // laid out for hand editing: version first, plain lists on one line
    assert!(text.starts_with("{\n  \"version\": 1,\n  \"datasets\": ["), "{}", text);
    assert!(text.contains("\"values\": [28000000, 22000000, 20000000, 18000000, 16000000, 12000000, 11000000, 11000000, 12000000]"), "{}", text);
    // --unit overrides what the cells say
    let o = run(&["from-csv", "tests/fixtures/csv/wps-percent.csv", "--unit", "个百分点"]);
    assert_eq!(serde_json::from_slice::<serde_json::Value>(&o.stdout).unwrap()["datasets"][0]["unit"], "个百分点");
    // stdin
    let o = run_stdin(&["from-csv", "-"], "年份,人数\n2021年,1\n2022年,2\n".as_bytes());
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("\"x\": \"date\""), "{}", stdout(&o));
}

#[test]
fn gbk_is_reported_in_the_chosen_language_with_exit_1() {
    let o = run(&["from-csv", "tests/fixtures/csv/gbk-excel.csv"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(o.stdout.is_empty());
    let e = stderr(&o);
    assert!(e.starts_with("tests/fixtures/csv/gbk-excel.csv:1:1: error: "), "{}", e);
    assert!(e.contains("GBK") && e.contains("在 Excel 中另存为 'CSV UTF-8（逗号分隔）'"), "{}", e);
    let o = run(&["from-csv", "tests/fixtures/csv/gbk-excel.csv", "--locale", "en"]);
    assert!(stderr(&o).contains("Save as 'CSV UTF-8 (Comma delimited)' in Excel"), "{}", stderr(&o));
}

#[test]
fn csv_problems_are_located_by_row_and_column_and_all_printed() {
    let o = run_stdin(&["from-csv", "-", "--locale", "en"], "地区,2021年\n醴陵市,abc\n攸县,5\n茶陵县,7,25\n".as_bytes());
    assert_eq!(o.status.code(), Some(1));
    let lines: Vec<String> = stderr(&o).lines().map(str::to_string).collect();
    assert_eq!(lines.len(), 2, "{:?}", lines);
    assert!(lines[0].starts_with("-:2:2: error: row 2, column \"2021年\" (line 2, column 2): \"abc\" is not a number"), "{}", lines[0]);
    assert!(lines[1].starts_with("-:4:3: error: "), "{}", lines[1]);
    // options are checked as the widget checks the feed
    let o = run(&["from-csv", "tests/fixtures/csv/missing.csv", "--source-url", "javascript:alert(1)"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(o.stdout.is_empty());
    assert!(stderr(&o).contains("datasets[0].source.url"), "{}", stderr(&o));
    // warnings do not fail
    let o = run_stdin(&["from-csv", "-"], "month,n\n2022-01,1\n2022-03,2\n2022-02,3\n".as_bytes());
    assert_eq!(o.status.code(), Some(0));
    assert!(stderr(&o).starts_with("-:4:1: warning: "), "{}", stderr(&o));
}

#[test]
fn from_csv_help_exits_0_and_names_the_import_options() {
    for flag in ["--help", "-h"] {
        let o = run(&["from-csv", flag]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        let h = stdout(&o);
        for needle in ["--x COLUMN", "--columns", "--exclude", "--pivot series=COLUMN,value=COLUMN", "--date-order mdy|dmy|ymd", "--decimal ,", "--sheet", ".xlsx"] {
            assert!(h.contains(needle), "help lacks {}", needle);
        }
    }
    for args in [
        &["from-csv", "a.csv", "--pivot", "symbol"][..],
        &["from-csv", "a.csv", "--pivot", "series=symbol"],
        &["from-csv", "a.csv", "--date-order", "ydm"],
        &["from-csv", "a.csv", "--decimal", ";"],
        &["from-csv", "a.csv", "--x"],
    ] {
        let o = run(args);
        assert_eq!(o.status.code(), Some(2), "{:?}: {}", args, stderr(&o));
    }
}

#[test]
fn from_csv_a_typo_among_many_rows_exits_1_naming_row_column_and_text() {
    let text = fs::read_to_string("tests/fixtures/csv/seattle-weather.csv").unwrap().replacen("2012-01-03,0.8,11.7,", "2012-01-03,0.8,11.7o,", 1);
    let o = run_stdin(&["from-csv", "-", "--locale", "en"], text.as_bytes());
    assert_eq!(o.status.code(), Some(1));
    assert!(o.stdout.is_empty());
    let e = stderr(&o);
    assert!(e.contains("-:4:3: error: row 4, column \"temp_max\""), "{}", e);
    assert!(e.contains("\"11.7o\" is not a number"), "{}", e);
    // the text column: one warning, not one per row
    assert_eq!(e.matches("\"weather\" holds text").count(), 1, "{}", e);
}

#[test]
fn from_csv_long_tables_get_the_pivot_to_use_and_pivot_with_it() {
    let o = run(&["from-csv", "tests/fixtures/csv/iowa-electricity.csv", "--locale", "en"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("use --pivot series=source,value=net_generation"), "{}", stderr(&o));
    let o = run(&["from-csv", "tests/fixtures/csv/iowa-electricity.csv", "--pivot", "series=source,value=net_generation"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let names: Vec<&str> = v["datasets"][0]["series"].as_array().unwrap().iter().map(|s| s["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["Fossil Fuels", "Nuclear Energy", "Renewables"]);
}

#[test]
fn from_csv_columns_units_dates_and_skipped_lines() {
    let o = run_stdin(&["from-csv", "-", "--columns", "b", "--exclude", "a"], "x,a,b
A,$1,\"$1,925\"\nB,$2,$3\n".as_bytes());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["datasets"][0]["unit"], "$");
    assert_eq!(v["datasets"][0]["series"][0]["values"], serde_json::json!([1925, 3]));
    let o = run_stdin(&["from-csv", "-"], "when,n\n3/14/2023,1.2k\n3/15/2023,2\n".as_bytes());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["datasets"][0]["categories"], serde_json::json!(["2023-03-14", "2023-03-15"]));
    assert_eq!(v["datasets"][0]["series"][0]["values"], serde_json::json!([1200, 2]));
    assert!(v["datasets"][0].get("unit").is_none());
    let o = run_stdin(&["from-csv", "-", "--date-order", "dmy", "--decimal", ","], "when;n\n1/3/2023;1,5\n2/3/2023;2\n".as_bytes());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["datasets"][0]["categories"], serde_json::json!(["2023-03-01", "2023-03-02"]));
    assert_eq!(v["datasets"][0]["series"][0]["values"], serde_json::json!([1.5, 2]));
    let o = run(&["from-csv", "tests/fixtures/csv/statistics-export.xlsx", "--locale", "en"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).contains("statistics-export.xlsx:8: note: skipped a note below the data: 注：2月财政投入数据暂缺。"), "{}", stderr(&o));
    let o = run(&["from-csv", "tests/fixtures/csv/statistics-export.xlsx", "--sheet", "明细"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains(":3:2: error: "), "{}", stderr(&o));
}

// ---- render -----------------------------------------------------------------------------

/// A decoded PNG.
struct Png {
    width: u32,
    height: u32,
    rgb: Vec<u8>,
    /// Pixels per metre from the pHYs chunk.
    ppm: Option<u32>,
}

impl Png {
    fn pixel(&self, x: u32, y: u32) -> (u8, u8, u8) {
        let i = (y as usize * self.width as usize + x as usize) * 3;
        (self.rgb[i], self.rgb[i + 1], self.rgb[i + 2])
    }

    fn count(&self, x0: f64, y0: f64, x1: f64, y1: f64, f: impl Fn((u8, u8, u8)) -> bool) -> usize {
        let (x0, y0) = (x0.max(0.0) as u32, y0.max(0.0) as u32);
        let (x1, y1) = ((x1.ceil() as u32).min(self.width), (y1.ceil() as u32).min(self.height));
        let mut n = 0;
        for y in y0..y1 {
            for x in x0..x1 {
                n += f(self.pixel(x, y)) as usize;
            }
        }
        n
    }
}

fn decode_png(bytes: &[u8]) -> Png {
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "PNG signature");
    assert_eq!(&bytes[12..16], b"IHDR");
    let ihdr_w = u32::from_be_bytes([bytes[16], bytes[17], bytes[18], bytes[19]]);
    let ihdr_h = u32::from_be_bytes([bytes[20], bytes[21], bytes[22], bytes[23]]);
    let dec = png::Decoder::new(bytes);
    let mut reader = dec.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size()];
    let info = reader.next_frame(&mut buf).unwrap();
    assert_eq!(info.color_type, png::ColorType::Rgb);
    assert_eq!((info.width, info.height), (ihdr_w, ihdr_h));
    let ppm = reader.info().pixel_dims.map(|d| d.xppu);
    buf.truncate(info.buffer_size());
    Png { width: ihdr_w, height: ihdr_h, rgb: buf, ppm }
}

fn render_png(feed: &str, extra: &[&str], name: &str) -> (Png, String) {
    let out = tmp(name);
    let mut args = vec!["render", feed, "-o", out.to_str().unwrap()];
    args.extend_from_slice(extra);
    let o = run(&args);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    (decode_png(&fs::read(&out).unwrap()), stderr(&o))
}

fn is_bar_blue((r, g, b): (u8, u8, u8)) -> bool {
    r == 0x00 && g == 0x72 && b == 0xb2
}

fn is_dark((r, g, b): (u8, u8, u8)) -> bool {
    (r as u32 + g as u32 + b as u32) < 3 * 110
}

#[test]
fn every_example_renders_to_svg() {
    for f in FEEDS {
        let feed = format!("www/feeds/{}.json", f);
        let out = tmp(&format!("{}.svg", f));
        let o = run(&["render", &feed, "-o", out.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        let svg = fs::read_to_string(&out).unwrap();
        // the same document the library makes for the same scene
        let text = fs::read_to_string(&feed).unwrap();
        let (_, c) = compose::scene_for(&text, None, 640.0, Height::Natural).unwrap();
        assert_eq!(svg, newschart::render::svg::to_svg(&c.scene, 1.0).unwrap(), "{}", f);
        assert!(svg.starts_with("<svg width=\"640\""), "{}", f);
        assert!(svg.contains("fill=\"#0072B2\"") || svg.contains("fill=\"#0072b2\""), "{}: no bar colour", f);
        // and on stdout without -o
        let o = run(&["render", &feed]);
        assert_eq!(stdout(&o), svg);
    }
}

#[test]
fn every_example_renders_to_png_with_bars_and_chinese_labels() {
    for f in FEEDS {
        let feed = format!("www/feeds/{}.json", f);
        let (img, warnings) = render_png(&feed, &[], &format!("{}.png", f));
        assert!(warnings.is_empty(), "{}: {}", f, warnings);
        let text = fs::read_to_string(&feed).unwrap();
        let (_, c) = compose::scene_for(&text, None, 640.0, Height::Natural).unwrap();
        let scene = c.scene;
        assert_eq!((img.width, img.height), (640, scene.height.round() as u32), "{}", f);
        assert_eq!(img.ppm, Some(3780), "96 dpi");
        // not blank: the bars are there, in the palette's first colour, about where the scene puts them
        let bars: f64 = scene.data.iter().map(|d| d.bar.w * d.bar.h).sum();
        let blue = img.count(0.0, 0.0, 640.0, img.height as f64, is_bar_blue) as f64;
        assert!(blue > 0.8 * bars && blue < 1.2 * bars + 50.0, "{}: {} blue pixels for {} px² of bars", f, blue, bars);
        // Chinese category labels are drawn as glyphs: dark strokes in each label's box
        let mut labels = 0;
        // each label's box as the scene lays it out (CJK glyphs are one em wide, as EstimateMeasure says)
        let texts = scene.marks.iter().filter(|m| m.role == Role::Category).filter_map(|m| match &m.shape {
            Shape::Text { text, .. } => Some(text.clone()),
            _ => None,
        });
        for (b, text) in scene.label_boxes(Role::Category, &EstimateMeasure).into_iter().zip(texts) {
            if !text.chars().any(|c| c as u32 >= 0x4E00) {
                continue;
            }
            labels += 1;
            let dark = img.count(b.x - 2.0, b.y - 2.0, b.x + b.w + 2.0, b.y + b.h + 2.0, is_dark);
            let chars = text.chars().count();
            assert!(dark >= 12 * chars, "{}: {} dark pixels for \"{}\"", f, dark, text);
            // and nothing dark far from any text, e.g. inside the first bar
            assert!(dark < (b.w * b.h) as usize, "{}: \"{}\" is a solid block", f, text);
        }
        assert!(labels > 0, "{}: no Chinese category label", f);
    }
}

#[test]
fn a_font_without_chinese_glyphs_is_named_in_a_warning() {
    let latin = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
    if !Path::new(latin).is_file() {
        eprintln!("skipped: {} is not installed", latin);
        return;
    }
    let (_, warnings) = render_png("www/feeds/hamlets.json", &["--font", latin], "hamlets-latin.png");
    assert!(warnings.contains("DejaVu Sans") && warnings.contains("has no glyph for ") && warnings.contains("幸"), "{}", warnings);
    let o = run(&["render", "www/feeds/hamlets.json", "--font", "/no/such/font.ttf", "-o", tmp("x.png").to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("/no/such/font.ttf: cannot read font"), "{}", stderr(&o));
}

#[test]
fn print_size_in_mm_at_a_dpi_is_the_same_scene_scaled() {
    // 120 mm × 80 mm at 300 dpi: laid out at 453.5 × 302.4 CSS px, drawn 3.125 pixels per CSS px
    let (print, _) = render_png("www/feeds/hamlets.json", &["--width", "120mm", "--height", "80mm", "--dpi", "300"], "print.png");
    assert_eq!((print.width, print.height), (1417, 945));
    assert_eq!(print.ppm, Some(11811), "300 dpi");
    let (screen, _) = render_png("www/feeds/hamlets.json", &["--width", "453.5433", "--height", "302.3622"], "screen.png");
    assert_eq!((screen.width, screen.height), (454, 302));
    // the same bars, 3.125 times larger: compare each column of the print with the screen's
    let first_blue = |img: &Png, row: u32| (0..img.width).find(|x| is_bar_blue(img.pixel(*x, row)));
    // a row near the bottom of the chart, under the words above it
    let text = fs::read_to_string("www/feeds/hamlets.json").unwrap();
    let (_, c) = compose::scene_for(&text, None, 453.5433, Height::Whole(302.3622)).unwrap();
    let row = |img: &Png| ((c.scene.plot.y + c.scene.plot.h - 3.0) * img.width as f64 / 453.5433) as u32;
    let (a, b) = (first_blue(&screen, row(&screen)).unwrap() as f64, first_blue(&print, row(&print)).unwrap() as f64);
    assert!((b - a * 3.125).abs() <= 4.0, "first bar at {} px on screen, {} px in print", a, b);
    let blue = |img: &Png| img.count(0.0, 0.0, img.width as f64, img.height as f64, is_bar_blue) as f64;
    let ratio = blue(&print) / blue(&screen);
    assert!((ratio - 3.125 * 3.125).abs() < 0.5, "area ratio {}", ratio);
    // mm without --dpi means print: 300 dpi
    let (img, _) = render_png("www/feeds/hamlets.json", &["--width", "12cm", "--height", "80mm"], "print-default.png");
    assert_eq!((img.width, img.height), (1417, 945));
    // an SVG for print is the same scene scaled too
    let out = tmp("print.svg");
    let o = run(&["render", "www/feeds/hamlets.json", "--width", "120mm", "--height", "80mm", "--dpi", "300", "-o", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0));
    assert!(fs::read_to_string(&out).unwrap().starts_with("<svg width=\"1417\" height=\"945\""));
}

#[test]
fn render_reports_feed_problems_with_exit_1() {
    let o = run(&["render", "www/feeds/hamlets.json", "--dataset", "nope", "-o", tmp("nope.svg").to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("there is no dataset with id \"nope\""), "{}", stderr(&o));
    let o = run(&["render", "no/such/feed.json"]);
    assert_eq!(o.status.code(), Some(1));
    let o = run(&["render", "www/feeds/hamlets.json", "--dataset", "hamlets", "-o", tmp("h.svg").to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0));
}

#[test]
fn the_csv_fixtures_render_too() {
    for name in ["excel-utf8-bom.csv", "us-employment.csv"] {
        let o = run(&["from-csv", &format!("tests/fixtures/csv/{}", name)]);
        let feed = tmp(&format!("{}.json", name));
        fs::write(&feed, &o.stdout).unwrap();
        let (img, warnings) = render_png(feed.to_str().unwrap(), &["--width", "640", "--height", "360"], &format!("{}.png", name));
        assert!(warnings.is_empty(), "{}", warnings);
        assert_eq!((img.width, img.height), (640, 360));
        assert!(img.count(0.0, 0.0, 640.0, 360.0, |(r, g, b)| (r, g, b) != (255, 255, 255)) > 2000, "{} is blank", name);
    }
}

// ---- the demo article's static first paint ----------------------------------------------

/// www/static/*.svg, and the `<picture>` of each chart in www/index.html, are what
/// `newschart render --static` makes from www/feeds/*.json at the page's sizes (a phone's column,
/// 328 px, and the desktop one, 720 px). After a change to layout, marks or a feed, regenerate
/// them with `NEWSCHART_UPDATE_STATIC=1 cargo test --test cli static`. They are laid out with this
/// machine's fonts (fc-match system-ui, then Noto Sans CJK SC), as the browser measures.
#[test]
fn static_images_match_the_feeds() {
    let update = std::env::var_os("NEWSCHART_UPDATE_STATIC").is_some();
    let mut page = fs::read_to_string("www/index.html").unwrap();
    let dir = if update {
        let _ = fs::remove_dir_all("www/static");
        PathBuf::from("www/static")
    } else {
        tmp("static-images")
    };
    let mut drift = Vec::new();
    for (f, h) in PAGE_HEIGHTS {
        assert!(page.contains(&format!("<news-chart src=\"feeds/{}.json\" height=\"{}\"", f, h)), "www/index.html no longer draws {} at {} px", f, h);
        let feed = format!("www/feeds/{}.json", f);
        let o = run(&["render", &feed, "--static", dir.to_str().unwrap(), "--href", "static/", "--widths", "328,720", "--page-margin", "32", "--chart-height", &h.to_string()]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        assert!(!stderr(&o).contains("warning"), "{}", stderr(&o));
        let picture = stdout(&o);
        let picture = picture.trim_end();
        let hash = newschart::render::element::feed_hash(&fs::read_to_string(&feed).unwrap());
        for (w, dark) in [(328, false), (720, false), (328, true), (720, true)] {
            let name = format!("{}.{}.{}{}.svg", f, hash, w, if dark { ".dark" } else { "" });
            assert!(picture.contains(&format!("static/{}", name)), "{}", picture);
            let made = fs::read(dir.join(&name)).unwrap();
            let svg = String::from_utf8(made.clone()).unwrap();
            assert!(svg.starts_with(&format!("<svg width=\"{}\" height=\"", w)), "{}", name);
            // the title in the theme's text colour (src/web/theme.js), on no background of its own
            let title = if dark { "fill=\"#ECECEC\" font-weight=\"bold\"" } else { "fill=\"#1A1A1A\" font-weight=\"bold\"" };
            assert!(svg.contains(title), "{}: the title is not drawn with {}", name, title);
            assert!(!svg.contains("#121212"), "{}: the element's background shows through the image", name);
            if fs::read(format!("www/static/{}", name)).ok().as_deref() != Some(&made[..]) {
                drift.push(format!("www/static/{}", name));
            }
        }
        let start = page.find(&format!("<news-chart src=\"feeds/{}.json\"", f)).unwrap();
        let end = start + page[start..].find("</news-chart>").unwrap();
        let inside = &page[start..end];
        if !inside.contains(picture) {
            if update {
                let a = start + inside.find("<picture").expect("a <picture> in the chart");
                let b = a + page[a..].find("</picture>").unwrap() + "</picture>".len();
                page.replace_range(a..b, picture);
            } else {
                drift.push(format!("www/index.html's <picture> of {}", f));
            }
        }
    }
    if update {
        fs::write("www/index.html", &page).unwrap();
    }
    assert!(
        drift.is_empty(),
        "{:?} differ from what the feeds render to now; regenerate: NEWSCHART_UPDATE_STATIC=1 cargo test --test cli static",
        drift
    );
}

/// `--theme` is the element's theme attribute: `light` draws the light images only, `dark` the
/// dark ones only, on the element's own dark background (theme="dark" paints one), and the
/// `<picture>` shows them with no colour-scheme query; a wrong value is refused, saying the three.
#[test]
fn static_images_follow_the_theme_attribute() {
    for (theme, dark) in [("light", false), ("dark", true)] {
        let dir = tmp(&format!("static-theme-{}", theme));
        let o = run(&["render", "www/feeds/toilets.json", "--static", dir.to_str().unwrap(), "--widths", "328,720", "--chart-height", "220", "--theme", theme]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        let picture = stdout(&o);
        assert!(!picture.contains("prefers-color-scheme"), "{}", picture);
        let mut names: Vec<String> = fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
        names.sort();
        assert_eq!(names.len(), 2, "{}: {:?}", theme, names);
        for n in &names {
            assert_eq!(n.ends_with(".dark.svg"), dark, "{}: {}", theme, n);
            assert!(picture.contains(n.as_str()), "{} not in {}", n, picture);
            let svg = fs::read_to_string(dir.join(n)).unwrap();
            assert_eq!(svg.contains("fill=\"#121212\""), dark, "{}: {} the element's dark background", theme, n);
        }
    }
    let o = run(&["render", "www/feeds/toilets.json", "--static", tmp("static-theme-bad").to_str().unwrap(), "--chart-height", "220", "--theme", "sepia"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("auto") && stderr(&o).contains("light") && stderr(&o).contains("dark"), "{}", stderr(&o));
}
