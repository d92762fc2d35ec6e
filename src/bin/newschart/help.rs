//! The command line's help: an overview, and each command's own page
//! (`newschart help COMMAND`, `newschart COMMAND --help`).

/// The commands and how to call them.
pub const USAGE: &str = "newschart: newsroom charts from the command line

usage:
  newschart from-csv DATA.csv [options] > feed.json
  newschart validate [--locale zh-CN|en] [--json] FEED...
  newschart render FEED [--dataset ID] [size] [--font PATH] [-o OUT.svg|OUT.png]
  newschart render FEED --static DIR [--widths 328,640] [--page-margin PX] [--theme T] [height]
  newschart catalogue --js
  newschart serve [--data FILE|postgres://…] [--listen ADDR] [options]
  newschart user add|list|passwd|disable … [--data …]
  newschart token list|revoke ID [--data …]
  newschart publish DATA.csv|DATA.xlsx|FEED.json --chart ID [--note TEXT]
  newschart backup [--data …] > FILE   |   newschart restore [--data …] < FILE
  newschart bench URL [--readers N] [--seconds S] [--interval-ms MS]
  newschart help [COMMAND]
The service's commands (serve … bench) are in builds with --features serve
(docs/SERVICE.md).";

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
                         <picture> switches images at width + PX
    --theme T            the element's theme attribute: auto (default: none
                         set; light images and NAME.HASH.WIDTH.dark.svg, each
                         shown by the reader's colour scheme, as the element
                         draws), light, or dark (dark images on the element's
                         dark background)";

/// `catalogue`'s page.
pub const CATALOGUE: &str = "catalogue --js: prints every problem's words (Chinese and English, by code) as the
  JavaScript module a reader's page loads to explain a broken feed (src/web/problem-words.js
  is this output; a test fails when the two differ).";

/// `serve`'s page.
pub const SERVE: &str = "serve: the feed service: charts with versions, the live feeds for readers at
  /feeds/ID.json, the API the builder and `newschart publish` use. Prints
  `listening on http://ADDR` once it accepts connections; stops on Ctrl-C or
  SIGTERM. docs/SERVICE.md has the routes, the roles and the design.
    --data FILE|URL      a SQLite file (created if missing; default
                         ./newsroom.db) or postgres://user@host:5432/db for
                         several instances behind a load balancer
    --listen ADDR        the address to serve on (default 127.0.0.1:8080)
    --publish-dir DIR    also write every live feed to DIR/ID.json and each
                         version to DIR/ID/vN.json, for a static host or CDN
    --max-upload BYTES   the largest request body (default 2097152, 2 MiB);
                         larger uploads are refused with 413
    --demo               add an editor `demo` with a random password (printed
                         once) and publish the demo article's three charts
    --www DIR            serve the pages in DIR for every other path (the
                         article, the builder), from the service's origin
    --pkg DIR            serve the built widget (scripts/build.sh's pkg/) at
                         /pkg/, CORS-open
    --public-url URL     the address readers and the builder use, behind a
                         TLS proxy or load balancer (https://charts.example.org):
                         the session cookie is Secure when it is https, a
                         write's Origin must be its origin, and --demo prints
                         it (default: http://ADDR; the cookie is Secure unless
                         the service listens on loopback)
    --upstream-ca FILE   live data sources over https are checked against
                         Mozilla's roots; with this PEM file, against its
                         certificates instead (a newsroom's own CA)
    --allow-upstream-host HOST
                         sources on loopback, private, link-local,
                         unspecified or multicast addresses (IPv4 and IPv6,
                         checked on the resolved address at each fetch) are
                         refused, except on HOST, a name as written in the
                         source's URL; repeatable
    --upstream-max-bytes BYTES
                         the largest upstream copy read (default: --max-upload)
    --upstream-timeout S the longest fetch of a source, 1-3600 s (default 30)";

/// `user`'s page.
pub const USER: &str = "user: the service's accounts, straight in the database (no service needed);
  each change is in the audit log, done by `cli`
  user add NAME --role journalist|editor|admin [--desk DESK]
                         a new user; the password is asked for at a terminal,
                         else read as the first line of stdin (at least 10
                         characters; there is no default password)
  user list              every user: name, role, desk, active or disabled
  user passwd NAME       a new password (read as for add); the user's
                         sessions end
  user disable NAME      the user cannot sign in, and their sessions and API
                         tokens stop working at once; their charts stay
    --role ROLE          journalist: creates charts, publishes to their own;
                         editor: also every chart of the desk, and rolls back;
                         admin: everything, and manages users
    --desk DESK          the user's desk (default newsroom)
    --data FILE|URL      the service's database (default ./newsroom.db)";

/// `token`'s page.
pub const TOKEN: &str = "token: the API tokens scripts publish with (made in the builder or with
  POST /api/tokens, shown once; the database keeps only digests)
  token list             every token: id, user, scope, active or revoked
  token revoke ID        revokes it at once (audited, done by `cli`)
    --data FILE|URL      the service's database (default ./newsroom.db)";

/// `publish`'s page.
pub const PUBLISH: &str = "publish: a new version of a chart, from a script: a CSV or .xlsx (imported
  as from-csv does) or a feed. The service validates it as the builder does and
  answers the problems at their line and column; nothing is published then.
  The API token (made in the builder, shown once) is read from the environment
  variable NEWSCHART_TOKEN, never from the command line, where ps would show it.
    --chart ID           the chart (required)
    --note TEXT          one line for the history (who changed what and why)
    --server URL         the service (default: NEWSCHART_SERVER, else
                         http://127.0.0.1:8080)";

/// `backup`'s page.
pub const BACKUP: &str = "backup: the whole newsroom as JSON lines on stdout, one consistent snapshot:
  users (with password hashes), charts, every version with its source file,
  history, audit log, live data sources, tokens (as digests). Sessions and
  sign-in failures are left out. Restores into either database.
    --data FILE|URL      the database to read (default ./newsroom.db)";

/// `restore`'s page.
pub const RESTORE: &str = "restore: a backup from stdin into an empty database, all rows in one
  transaction (a broken file restores nothing)
    --data FILE|URL      the database to fill (default ./newsroom.db)";

/// `bench`'s page.
pub const BENCH: &str = "bench: readers polling a feed with If-None-Match, as widgets with refresh do;
  prints requests/s, the 200/304/error counts and the p50/p99/max latency (a
  measurement, not a test; exit 1 on any error)
    --readers N          how many readers (default 100)
    --seconds S          for how long (default 10)
    --interval-ms MS     each reader's polling interval (default 1000)";

/// How problems and exit codes read, for every command.
pub const FOOTER: &str = "Problems are printed as FILE:LINE:COLUMN: error|warning: message (for a CSV,
LINE is the spreadsheet row and COLUMN the column number).
Exit codes: 0 done, 1 problems in the data, 2 a mistake in the command line.";

/// The help for `command` (None: the overview and every command's page), or None for a
/// command that does not exist.
pub fn text(command: Option<&str>) -> Option<String> {
    let page = match command {
        None => return Some([USAGE, FROM_CSV, VALIDATE, RENDER, CATALOGUE, SERVE, USER, TOKEN, PUBLISH, BACKUP, RESTORE, BENCH, FOOTER].join("\n\n")),
        Some("from-csv") => FROM_CSV,
        Some("validate") => VALIDATE,
        Some("render") => RENDER,
        Some("catalogue") => CATALOGUE,
        Some("serve") => SERVE,
        Some("user") => USER,
        Some("token") => TOKEN,
        Some("publish") => PUBLISH,
        Some("backup") => BACKUP,
        Some("restore") => RESTORE,
        Some("bench") => BENCH,
        Some("help") => return Some(USAGE.to_string()),
        Some(_) => return None,
    };
    Some([USAGE, page, FOOTER].join("\n\n"))
}
