//! The command line's help: an overview, and each command's own page
//! (`newschart help COMMAND`, `newschart COMMAND --help`).

/// The commands and how to call them.
pub const USAGE: &str = "newschart: newsroom charts from the command line

usage:
  newschart from-csv DATA.csv [options] > feed.json
  newschart validate [--locale zh-CN|en] [--json] FEED...
  newschart render FEED [--dataset ID] [size] [--font PATH] [-o OUT.svg|OUT.png]
  newschart render FEED --static DIR [--widths 328,640] [--page-margin PX] [height]
  newschart catalogue --js
  newschart help [COMMAND]";

/// `from-csv`'s page.
pub const FROM_CSV: &str = "from-csv: a spreadsheet's CSV export or .xlsx file → a feed (JSON on stdout)
  The first row with two or more cells names the columns (title lines above it,
  blank lines and notes below the data — 注：…, Note:, Source: — are skipped and
  listed). Each column is read as numbers, dates or text. The first column (or
  --x) holds the categories or dates; every number column after it is a series
  named by its header; a text column is left out with one warning. Dates:
  2022, 2022-03, 2022-03-15, 2022/3/15, 2022年3月15日, Mar 3 2023, 3 March 2023,
  March 2023, 3/15/2023 (US) or 15/3/2023 (European; the order is read from the
  column's values, or set with --date-order); quarters (2023Q1, Q1 2023,
  2023年一季度) stay categories in their order. Numbers may be written 72,500,
  7.25万, 1.5亿, 1.2k, 4.5M, 3bn, 107.07%, ¥1,234, $1,925, €3.5, £12, (1,234)
  for -1234, ７２５００; a multiplier (k M bn B 万 亿) scales the number. A unit
  comes from the header (人数（万人）, Amount ($m)) or from a marker every cell
  of the column shares ($1,925 → unit $); a cell that is not a number is an
  error at its row and column. -, —, N/A, NA, .. and empty cells are missing
  values. A long (tidy) table — one row per date and category — is reported
  with the --pivot to use. UTF-8 (with or without BOM) and UTF-16 (Excel
  \"Unicode text\") are read; GBK is reported: save as
  'CSV UTF-8 (Comma delimited)' in Excel. Delimiter: comma, tab or semicolon,
  detected. .xlsx is recognised by its content. DATA may be - for stdin.
    --kind KIND          chart kind (default: line for dates with more than 40
                         points, else column)
    --title TEXT         headline (default: the file name)
    --subtitle TEXT      line under the title
    --unit UNIT          unit of the values (default: read from cells or headers)
    --source TEXT        source line
    --source-url URL     source link (http or https)
    --locale zh-CN|en    language of the chart's generated text (default zh-CN)
    --id ID              dataset id (default: from the file name)
    --illustrative       mark the numbers as illustrative, not reported
    --x COLUMN           the column of categories or dates (default: the first)
    --columns A,B,…      the series columns, in this order (default: every
                         number column)
    --exclude A,B        columns to leave out
    --pivot series=COLUMN,value=COLUMN
                         a long table → one series per value of the series
                         column (x: --x, or the first date or text column)
    --date-order mdy|dmy|ymd
                         day/month order of slash dates (default: from the
                         values; month first when they cannot tell, with a
                         warning)
    --decimal ,          the comma is the decimal point (1.234,5)
    --sheet NAME|N       the sheet of an .xlsx file (default: the first)";

/// `validate`'s page.
pub const VALIDATE: &str = "validate: checks feeds (- reads stdin); the messages are the ones the widget shows
    --locale zh-CN|en    language of the messages (default: the language the
                         feed's first dataset declares, else zh-CN)
    --json               one JSON object per feed on stdout, for tools:
                         {\"file\", \"ok\", \"datasets\", \"problems\": [{\"severity\",
                         \"code\", \"path\", \"line\", \"column\", \"args\", \"en\"}]}
                         (code: the problem's name, e.g. wrong-type); the
                         exit code is the same";

/// `render`'s page.
pub const RENDER: &str = "render: draws one dataset with the browser's layout and scene, and the words
  around it: title, subtitle, unit, legend, the illustrative label, notes, source
    --dataset ID         which dataset of the feed (default: the first)
    --width W            640 (CSS px, the default), or 120mm / 12cm for print
    --height H           the whole image, px or mm (default: the chart's
                         natural height plus the words)
    --chart-height H     the chart alone, as the widget's height attribute;
                         the words add to it
    --dpi N              image pixels per inch: 96 (default) or 300 for print;
                         the chart is laid out at CSS px = mm / 25.4 × 96 and
                         drawn at dpi / 96 pixels per CSS px (mm sizes default
                         to 300 dpi)
    --font PATH          CJK font for PNG text (.ttf/.otf/.ttc; default: the
                         system's Noto Sans CJK SC, from fonts-noto-cjk)
    -o, --output FILE    .svg or .png (default: SVG on stdout)
    --static DIR         the element's static first paint instead: for each
                         of --widths, the chart as <news-chart> lays it out at
                         that CSS width and its --chart-height (which is
                         required), in DIR/NAME.HASH.WIDTH.svg (HASH: the
                         feed's fingerprint, so the element tells a stale
                         image); prints the <picture> to put in the element
    --widths W,W         CSS widths for --static (default: 328,640: a phone's
                         column and a desktop one)
    --name NAME          file name stem for --static (default: the feed's)
    --href PREFIX        how the printed <picture> names DIR (default: DIR/)
    --page-margin PX     the page's margins beside the chart (the viewport is
                         this much wider than the element; default 0): the
                         <picture> switches images at width + PX";

/// `catalogue`'s page.
pub const CATALOGUE: &str = "catalogue --js: prints every problem's words (Chinese and English, by code) as the
  JavaScript module a reader's page loads to explain a broken feed (src/web/problem-words.js
  is this output; a test fails when the two differ).";

/// How problems and exit codes read, for every command.
pub const FOOTER: &str = "Problems are printed as FILE:LINE:COLUMN: error|warning: message (for a CSV,
LINE is the spreadsheet row and COLUMN the column number).
Exit codes: 0 done, 1 problems in the data, 2 a mistake in the command line.";

/// The help for `command` (None: the overview and every command's page), or None for a
/// command that does not exist.
pub fn text(command: Option<&str>) -> Option<String> {
    let page = match command {
        None => return Some([USAGE, FROM_CSV, VALIDATE, RENDER, CATALOGUE, FOOTER].join("\n\n")),
        Some("from-csv") => FROM_CSV,
        Some("validate") => VALIDATE,
        Some("render") => RENDER,
        Some("catalogue") => CATALOGUE,
        Some("help") => return Some(USAGE.to_string()),
        Some(_) => return None,
    };
    Some([USAGE, page, FOOTER].join("\n\n"))
}
