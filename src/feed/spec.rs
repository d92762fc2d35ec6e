//! The feed format v1, written down once as Rust data.
//!
//! `normalize` takes from here its known field names (anything else is an "unknown field"
//! warning), the range of `decimals`, the limit on points and the kinds that need a target or draw
//! shares; [`json_schema`] generates `www/schema/feed-v1.schema.json` from the same tables, with
//! every rule the widget checks that JSON Schema 2020-12 can state (types, enums, ranges, counts,
//! patterns, what a kind or an annotation type requires) and, in the `description` of the object
//! each concerns, the [`Rule`]s it cannot. A test fails when the file and this module drift apart;
//! another (tests/schema/differential.test.mjs) checks that the schema and the widget give
//! thousands of feeds the same verdict, but for those rules.

use serde_json::{json, Map, Value};

use crate::feed::Code;
use crate::model::{Kind, SUPPORTED_VERSION};

/// The type of a field.
#[derive(Clone, Copy, Debug)]
pub enum Ty {
    /// Text.
    Str,
    /// Text that must be an http(s) address.
    Url,
    /// Any finite number.
    Num,
    /// A number greater than zero.
    PositiveNum,
    /// A whole number in a range.
    Int(u32, u32),
    /// true or false.
    Bool,
    /// One of these words.
    Enum(&'static [&'static str]),
    /// A `#rgb` or `#rrggbb` colour.
    Color,
    /// A list of values of one type, with at least this many.
    Array(&'static Ty, Count),
    /// A list of numbers where `null` is a gap (one per category).
    Values,
    /// An object with these fields.
    Obj(&'static [Field]),
    /// Text, or a list of text.
    StrOrStrs,
    /// Text, or an object with these fields.
    StrOrObj(&'static [Field]),
    /// Text or a number (category labels).
    Label,
    /// Anything: the widget does not read it.
    Any,
}

/// How many items a list may have.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Count {
    /// Any number, none included.
    Any,
    /// One or more.
    OneOrMore,
    /// One to [`MAX_POINTS`] (a list that makes a dataset's points).
    Points,
}

impl Count {
    /// The fewest items.
    pub fn min(self) -> usize {
        usize::from(self != Count::Any)
    }
}

/// One field of an object in the feed.
#[derive(Clone, Copy, Debug)]
pub struct Field {
    /// The field's name in JSON.
    pub name: &'static str,
    /// Its type.
    pub ty: Ty,
    /// Whether a feed must give it (an optional field may also be `null`, which is the same as
    /// leaving it out).
    pub required: bool,
    /// What it means (English; shown in the schema).
    pub doc: &'static str,
}

/// English for the schema only (generated natively): the readers' module needs the names and
/// types of the tables, so the wasm build leaves the prose out.
const fn en(doc: &'static str) -> &'static str {
    if cfg!(target_arch = "wasm32") {
        ""
    } else {
        doc
    }
}

const fn f(name: &'static str, ty: Ty, required: bool, doc: &'static str) -> Field {
    Field { name, ty, required, doc: en(doc) }
}

/// Most values (categories × series) in one dataset, unless the page sets another limit (the
/// element's `max-points` attribute); so also the most categories, series and values.
pub const MAX_POINTS: usize = 100_000;
/// The range of `decimals` (dataset and series).
pub const DECIMALS: (u32, u32) = (0, 6);
/// The chart kinds a dataset may ask for.
pub const KINDS: &[&str] = &["column", "bar", "line", "area", "progress", "donut", "pie", "table"];
/// Whether a kind needs a `target`.
pub fn needs_target(kind: Kind) -> bool {
    matches!(kind, Kind::Progress)
}
/// Whether a kind draws the first series as shares of a whole, which cannot be negative.
pub fn draws_shares(kind: Kind) -> bool {
    matches!(kind, Kind::Donut | Kind::Pie)
}
/// Number styles.
pub const NUMBER_STYLES: &[&str] = &["cn", "full", "compact"];
/// Locales.
pub const LOCALES: &[&str] = &["zh-CN", "zh", "en", "en-US", "en-GB"];
/// Kinds of annotation.
pub const ANNOTATION_TYPES: &[&str] = &["target", "highlight", "label"];
/// What `x` may be; the last places ISO dates in time.
pub const X_SCALES: &[&str] = &["category", "date"];
/// The largest year of a date, and the most digits of each part of one: `format::date` reads
/// dates with them (they live there, a leaf, so that `format` never depends on `feed`).
pub use crate::format::date::{DATE_PART_DIGITS, MAX_YEAR};

/// A source line.
pub const SOURCE: &[Field] = &[
    f("text", Ty::Str, true, "Who published the numbers, as the reader sees it."),
    f("url", Ty::Url, false, "A link to the source: http:// or https:// only."),
];

/// A target a value is measured against.
pub const TARGET: &[Field] = &[
    f("value", Ty::PositiveNum, true, "The target value, greater than 0."),
    f("label", Ty::Str, false, "Its name, e.g. 年度任务 (the year's task)."),
];

/// One series.
pub const SERIES: &[Field] = &[
    f("name", Ty::Str, true, "The series' name, shown in legends and tooltips."),
    f("values", Ty::Values, true, "One number per category; null is a gap, never a zero."),
    f("color", Ty::Color, false, "A colour such as #0072b2; default: the palette's next colour."),
    f("decimals", Ty::Int(DECIMALS.0, DECIMALS.1), false, "Decimals on labels and axes for this series (tooltips and the table keep full precision)."),
    f("percent", Ty::Bool, false, "Values are fractions written as percentages: 0.1234 is shown as 12.34%."),
];

/// One annotation.
pub const ANNOTATION: &[Field] = &[
    f("type", Ty::Enum(ANNOTATION_TYPES), true, "target: a line at a value; highlight: one category stands out; label: text at a data point."),
    f("value", Ty::Num, false, "For target (and required there): where the line is drawn. Not read for the other types."),
    f("category", Ty::Label, false, "For highlight and label (and required there): the category it is about. Not read for target."),
    f("series", Ty::Str, false, "For label: the series' name (default: the first series). Not read for the other types."),
    f("text", Ty::Str, false, "For target and label: the words shown."),
];

static SERIES_TY: Ty = Ty::Obj(SERIES);
static ANNOTATION_TY: Ty = Ty::Obj(ANNOTATION);
static LABEL_TY: Ty = Ty::Label;
static STR_TY: Ty = Ty::Str;
static DATASET_TY: Ty = Ty::Obj(DATASET);

/// One dataset: one chart's worth of data and words.
pub const DATASET: &[Field] = &[
    f("id", Ty::Str, false, "A name unique in the feed, used by the dataset attribute (default: dataset-N)."),
    f("kind", Ty::Enum(KINDS), true, "What to draw."),
    f("title", Ty::Str, true, "The chart's headline."),
    f("subtitle", Ty::Str, false, "A line under the title."),
    f("byline", Ty::Str, false, "Who made the chart."),
    f("notes", Ty::StrOrStrs, false, "Notes shown under the chart."),
    f("date", Ty::Str, false, "The date of the data, as text (e.g. 2022 or 2023-03-03)."),
    f("unit", Ty::Str, false, "Written after every value: 人, 户, 元, 个, %, 亩, 吨 …"),
    f("source", Ty::StrOrObj(SOURCE), false, "Where the numbers come from."),
    f("locale", Ty::Enum(LOCALES), false, "Language of generated text and messages: zh-CN (default) or en."),
    f("illustrative", Ty::Bool, false, "true when the numbers are not reported figures; the chart says so under itself."),
    f("numberStyle", Ty::Enum(NUMBER_STYLES), false, "cn: 7.25万 (default for zh-CN); full: 72,500; compact: 72.5K (default for en)."),
    f("decimals", Ty::Int(DECIMALS.0, DECIMALS.1), false, "Decimals on labels and axes (tooltips and the table keep full precision)."),
    f("percent", Ty::Bool, false, "Values are fractions written as percentages: 0.1234 is shown as 12.34%."),
    f("x", Ty::Enum(X_SCALES), false, "For line and area: categories are evenly spaced (default) or ISO dates (2022, 2022-03, 2022-03-15) placed in time."),
    f("stacked", Ty::Bool, false, "For column, bar and area with several series: stack them instead of grouping."),
    f("categories", Ty::Array(&LABEL_TY, Count::Points), true, "Category labels (or dates, with `x` date), one per value."),
    f("series", Ty::Array(&SERIES_TY, Count::Points), true, "One or more series of values."),
    f("target", Ty::Obj(TARGET), false, "The target of a progress chart (required there, and checked wherever it is given)."),
    f("annotations", Ty::Array(&ANNOTATION_TY, Count::Any), false, "Target lines, highlighted categories and text labels."),
    f("highlight", Ty::Array(&STR_TY, Count::Any), false, "Names of the series to stand out: they keep their colours and are drawn in front; every other series is grey and thinner, behind them. The legend and tooltips still name all."),
];

/// The whole feed.
pub const FEED: &[Field] = &[
    f("$schema", Ty::Any, false, "Optional: the address of this schema, for editors (the widget does not read it)."),
    f("version", Ty::Int(SUPPORTED_VERSION as u32, SUPPORTED_VERSION as u32), true, "The format version; this widget reads version 1."),
    f("datasets", Ty::Array(&DATASET_TY, Count::OneOrMore), true, "One or more datasets."),
];

/// The names of an object's fields.
pub fn names(fields: &[Field]) -> impl Iterator<Item = &'static str> + '_ {
    fields.iter().map(|f| f.name)
}


/// What each annotation type reads besides `type` and `text`: the type, the fields it requires,
/// the fields it may have. A field named here is read for these types only (another type leaves
/// it unread, whatever it holds), so the schema types it per type.
pub const ANNOTATION_READS: &[(&str, &[&str], &[&str])] =
    &[("target", &["value"], &[]), ("highlight", &["category"], &[]), ("label", &["category"], &["series"])];

/// Unicode White_Space as ranges: what Rust's `char::is_whitespace` is true for, so what
/// `str::trim` takes off a colour (`Color::parse_hex`) or a date (`format::date::parse`); a test
/// checks the two agree on every character.
pub const SPACE: &[(char, char)] = &[
    ('\t', '\r'),
    (' ', ' '),
    ('\u{85}', '\u{85}'),
    ('\u{a0}', '\u{a0}'),
    ('\u{1680}', '\u{1680}'),
    ('\u{2000}', '\u{200a}'),
    ('\u{2028}', '\u{2029}'),
    ('\u{202f}', '\u{202f}'),
    ('\u{205f}', '\u{205f}'),
    ('\u{3000}', '\u{3000}'),
];

/// The characters a link may not hold (`normalize::is_http_url`): control characters and
/// White_Space (`char::is_control` or `char::is_whitespace`); a test checks they agree on every
/// character.
pub const NOT_IN_LINK: &[(char, char)] = &[
    ('\0', ' '),
    ('\u{7f}', '\u{a0}'),
    ('\u{1680}', '\u{1680}'),
    ('\u{2000}', '\u{200a}'),
    ('\u{2028}', '\u{2029}'),
    ('\u{202f}', '\u{202f}'),
    ('\u{205f}', '\u{205f}'),
    ('\u{3000}', '\u{3000}'),
];

/// Whether `c` is in one of `ranges`.
pub fn in_ranges(ranges: &[(char, char)], c: char) -> bool {
    ranges.iter().any(|&(a, b)| (a..=b).contains(&c))
}

/// A rule the widget checks that JSON Schema cannot state. The schema lists it, by its stable
/// name, in the `description` of the object it concerns, and so does docs/FEED.md; the
/// differential test accepts a feed the schema passes and the widget refuses only when every
/// error the widget reports has one of a listed rule's codes.
#[derive(Clone, Copy, Debug)]
pub struct Rule {
    /// Its stable name.
    pub name: &'static str,
    /// The widget's problems that report it.
    pub codes: &'static [Code],
    /// Whether it is about how a number is written, not its value: then these problems are the
    /// rule's only when the value they found is a whole number written with a fraction or an
    /// exponent (`1.0`, `2e0`); the same problems report values the schema refuses.
    pub as_written: bool,
    /// What it says, and why a schema cannot.
    pub doc: &'static str,
}

/// The feed's own rules that no schema can state.
pub const FEED_RULES: &[Rule] = &[
    Rule {
        name: "unique-ids",
        as_written: false,
        codes: &[Code::DuplicateId],
        doc: "No two datasets have the same id (a dataset without one is dataset-N, N its place from 1): JSON Schema's uniqueItems compares whole items, not one field of them.",
    },
    Rule {
        name: "feed-size",
        as_written: false,
        codes: &[Code::TooLarge],
        doc: "The feed's text is at most 5 MiB (5,242,880 bytes; a page's max-bytes attribute sets another limit): a schema sees the parsed value, not the text.",
    },
    Rule {
        name: "json-text",
        as_written: false,
        codes: &[Code::JsonSurrogate, Code::JsonHexEnd, Code::JsonDepth, Code::JsonRange],
        doc: "The text is strict JSON: no lone surrogate escape such as \\ud800 in a string, arrays and objects nested at most 128 deep (unknown fields too), and numbers within the range of a double: a schema sees the parsed value, not the text.",
    },
    Rule {
        name: "numbers-as-written",
        as_written: true,
        codes: &[Code::BadVersion, Code::BadDecimals, Code::NotADate],
        doc: "version, decimals, and a category that is a year with x date, are whole numbers written as such: 1, not 1.0 or 1e0 (the widget reads a number as it is written: the category 2022.0 is the text 2022.0, not a date): JSON Schema sees the value, and 1.0 is the integer 1 there.",
    },
];

/// A dataset's rules that no schema can state.
pub const DATASET_RULES: &[Rule] = &[
    Rule {
        name: "values-match-categories",
        as_written: false,
        codes: &[Code::LengthMismatch],
        doc: "Every series has exactly as many values as there are categories: JSON Schema cannot compare the lengths of two arrays.",
    },
    Rule {
        name: "highlight-names-series",
        as_written: false,
        codes: &[Code::UnknownHighlight],
        doc: "Every name in highlight is the name of one of the dataset's series: JSON Schema cannot refer to values elsewhere in the document.",
    },
    Rule {
        name: "points-limit",
        as_written: false,
        codes: &[Code::TooManyPoints],
        doc: "Categories × series is at most 100,000 (a page's max-points attribute sets another limit; the schema states the limit for each list alone): JSON Schema cannot multiply two lengths.",
    },
];

/// An annotation's rules that no schema can state.
pub const ANNOTATION_RULES: &[Rule] = &[
    Rule {
        name: "annotation-category-exists",
        as_written: false,
        codes: &[Code::NoSuchCategory],
        doc: "The category of a highlight or label annotation is one of the dataset's categories (a number matches the category written the same way): JSON Schema cannot refer to values elsewhere in the document.",
    },
    Rule {
        name: "annotation-series-exists",
        as_written: false,
        codes: &[Code::NoSuchSeries],
        doc: "The series of a label annotation is the name of one of the dataset's series: JSON Schema cannot refer to values elsewhere in the document.",
    },
];

/// Each object of the feed: its name in the docs, its fields, what it is, and the rules about it
/// that no schema can state.
pub const OBJECTS: &[(&str, &[Field], &str, &[Rule])] = &[
    ("Feed", FEED, "A newschart feed, version 1: one or more datasets, each one chart's worth of data and words.", FEED_RULES),
    ("Dataset", DATASET, "One dataset: one chart's worth of data and words.", DATASET_RULES),
    ("Series", SERIES, "One series of values.", &[]),
    ("Target", TARGET, "The target a value is measured against.", &[]),
    ("Source", SOURCE, "Where the numbers come from, with a link.", &[]),
    ("Annotation", ANNOTATION, "A target line, a highlighted category or a text label.", ANNOTATION_RULES),
];

/// The entry of [`OBJECTS`] for these fields.
fn object(fields: &[Field]) -> Option<&'static (&'static str, &'static [Field], &'static str, &'static [Rule])> {
    OBJECTS.iter().find(|o| names(o.1).eq(names(fields)))
}

/// A character class of ECMA-262 (`u` flag) for `ranges`, each bound as `\uXXXX` (every range is
/// in the Basic Multilingual Plane), after `head` (more of the class, already escaped).
fn class(negated: bool, head: &str, ranges: &[(char, char)]) -> String {
    let mut s = String::from(if negated { "[^" } else { "[" });
    s.push_str(head);
    for &(a, b) in ranges {
        s.push_str(&format!("\\u{:04X}", a as u32));
        if b != a {
            s.push_str(&format!("-\\u{:04X}", b as u32));
        }
    }
    s.push(']');
    s
}

/// An http(s) link as `normalize::is_http_url` checks it: the scheme in any case, then a host
/// that starts with neither `/` nor `\`, and no control character or White_Space anywhere.
pub fn link_pattern() -> String {
    format!("^[Hh][Tt][Tt][Pp][Ss]?://{}{}*$", class(true, "/\\\\", NOT_IN_LINK), class(true, "", NOT_IN_LINK))
}

/// A colour as `Color::parse_hex` reads it: `#rgb` or `#rrggbb`, White_Space around it allowed.
pub fn color_pattern() -> String {
    let ws = class(false, "", SPACE);
    format!("^{ws}*#(?:[0-9A-Fa-f]{{3}}|[0-9A-Fa-f]{{6}}){ws}*$")
}

// The date pattern below is written for years of up to four digits and parts of up to four.
const _: () = assert!(MAX_YEAR == 9999 && DATE_PART_DIGITS == 4);

/// A date as `format::date::parse` reads it: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, each part one to
/// four digits (leading zeros allowed), the year 1 to 9999, the month 1 to 12, the day within its
/// month (29 February in leap years only), White_Space around it allowed.
pub fn date_pattern() -> String {
    let ws = class(false, "", SPACE);
    // a number from 1, written in one to four digits
    let year = "0{0,3}[1-9]|0{0,2}[1-9][0-9]|0?[1-9][0-9]{2}|[1-9][0-9]{3}";
    let month = "0{0,3}[1-9]|0{0,2}1[0-2]";
    let month31 = "0{0,3}[13578]|0{0,2}1[02]";
    let month30 = "0{0,3}[469]|0{0,2}11";
    let feb = "0{0,3}2";
    let day28 = "0{0,3}[1-9]|0{0,2}1[0-9]|0{0,2}2[0-8]";
    // a multiple of 4 from 4 to 96, as the last two digits of a longer year
    let by4 = "0[48]|[2468][048]|[13579][26]";
    // leap years: divisible by 4 but not by 100, or by 400
    let leap = format!(
        "0{{0,3}}[48]|0{{0,2}}(?:[2468][048]|[13579][26])|0?[1-9](?:{by4})|0?[48]00|[1-9][0-9](?:{by4})|(?:[2468][048]|[13579][26])00"
    );
    let body = format!(
        "(?:{year})(?:-(?:{month}))?\
         |(?:{year})-(?:{month31})-(?:{day28}|0{{0,2}}29|0{{0,2}}3[01])\
         |(?:{year})-(?:{month30})-(?:{day28}|0{{0,2}}29|0{{0,2}}30)\
         |(?:{year})-(?:{feb})-(?:{day28})\
         |(?:{leap})-(?:{feb})-0{{0,2}}29"
    );
    format!("^{ws}*(?:{body}){ws}*$")
}

/// `schema` that also takes `null`: an optional field may be `null`, the same as leaving it out.
fn nullable(mut schema: Value) -> Value {
    if let Some(o) = schema.as_object_mut() {
        if let Some(t) = o.get_mut("type") {
            match t {
                Value::String(one) => *t = json!([one.clone(), "null"]),
                Value::Array(list) => list.push(Value::from("null")),
                _ => {}
            }
        } else if let Some(Value::Array(words)) = o.get_mut("enum") {
            words.push(Value::Null);
        } else if let Some(Value::Array(alts)) = o.get_mut("oneOf") {
            alts.push(json!({ "type": "null" }));
        }
    }
    schema
}

/// The points limit, as a list's description says it.
fn points_note() -> String {
    format!(
        " At most {} (the default limit on a dataset's points, categories × series; a page's max-points attribute sets another).",
        crate::format::int(MAX_POINTS as i64)
    )
}

fn ty_schema(ty: &Ty) -> Value {
    match ty {
        Ty::Any => json!({}),
        Ty::Str => json!({ "type": "string" }),
        Ty::Url => json!({ "type": "string", "pattern": link_pattern() }),
        Ty::Num => json!({ "type": "number" }),
        Ty::PositiveNum => json!({ "type": "number", "exclusiveMinimum": 0 }),
        Ty::Int(lo, hi) => json!({ "type": "integer", "minimum": lo, "maximum": hi }),
        Ty::Bool => json!({ "type": "boolean" }),
        Ty::Enum(words) => json!({ "enum": words }),
        Ty::Color => json!({ "type": "string", "pattern": color_pattern() }),
        Ty::Array(item, count) => {
            let mut s = json!({ "type": "array", "items": ty_schema(item), "minItems": count.min() });
            if *count == Count::Points {
                s["maxItems"] = Value::from(MAX_POINTS);
            }
            s
        }
        Ty::Values => json!({ "type": "array", "items": { "type": ["number", "null"] }, "minItems": 1, "maxItems": MAX_POINTS }),
        Ty::Obj(fields) => obj_schema(fields),
        Ty::StrOrStrs => json!({ "oneOf": [{ "type": "string" }, { "type": "array", "items": { "type": "string" } }] }),
        Ty::StrOrObj(fields) => json!({ "oneOf": [{ "type": "string" }, obj_schema(fields)] }),
        Ty::Label => json!({ "type": ["string", "number"] }),
    }
}

/// A field's schema where the object has it: typed (and `null` allowed when it is optional), or,
/// for a field read by some annotation types only, its description alone.
fn field_schema(fld: &Field, per_type: bool) -> Value {
    let mut s = if per_type {
        json!({})
    } else if fld.required {
        ty_schema(&fld.ty)
    } else {
        nullable(ty_schema(&fld.ty))
    };
    let mut doc = fld.doc.to_string();
    if matches!(fld.ty, Ty::Array(_, Count::Points) | Ty::Values) {
        doc.push_str(&points_note());
    }
    s["description"] = Value::from(doc);
    s
}

/// `{"if": field is one of words, "then": then}`.
fn when(field: &str, words: &[&str], then: Value) -> Value {
    json!({ "if": { "properties": { field: { "enum": words } }, "required": [field] }, "then": then })
}

/// What a field's value asks of the rest of its object: a kind's target, shares and dates; an
/// annotation type's fields.
fn conditions(fields: &[Field]) -> Vec<Value> {
    let mut out = Vec::new();
    let name = object(fields).map_or("", |o| o.0);
    if name == "Dataset" {
        let kinds = |which: fn(Kind) -> bool| KINDS.iter().copied().filter(|k| Kind::from_name(k).is_some_and(which)).collect::<Vec<_>>();
        out.push(when("kind", &kinds(needs_target), json!({ "required": ["target"], "properties": { "target": { "type": "object" } } })));
        out.push(when(
            "kind",
            &kinds(draws_shares),
            json!({ "properties": { "series": { "prefixItems": [{ "properties": { "values": { "items": { "minimum": 0 } } } }] } } }),
        ));
        // a category that is a number is a date when it is a year
        let dates = json!({ "type": ["string", "integer"], "pattern": date_pattern(), "minimum": 1, "maximum": MAX_YEAR });
        out.push(when("x", &X_SCALES[1..], json!({ "properties": { "categories": { "items": dates } } })));
    }
    if name == "Annotation" {
        for (ty, required, optional) in ANNOTATION_READS {
            let mut props = Map::new();
            for fld in fields.iter().filter(|f| required.contains(&f.name)) {
                props.insert(fld.name.to_string(), ty_schema(&fld.ty));
            }
            for fld in fields.iter().filter(|f| optional.contains(&f.name)) {
                props.insert(fld.name.to_string(), nullable(ty_schema(&fld.ty)));
            }
            out.push(when("type", &[ty], json!({ "required": required, "properties": props })));
        }
    }
    out
}

/// An object's description: what it is, then the rules about it that no schema can state, one
/// per line as "- `name` (widget: problem-code, …): what it says".
pub fn object_doc(doc: &str, rules: &[Rule]) -> String {
    let mut s = doc.to_string();
    if !rules.is_empty() {
        s.push_str("\n\nThe widget also checks these rules, which JSON Schema cannot state:");
        for r in rules {
            #[cfg(not(target_arch = "wasm32"))]
            let codes: Vec<&str> = r.codes.iter().map(|c| c.id()).collect();
            #[cfg(target_arch = "wasm32")]
            let codes: Vec<&str> = Vec::new();
            let written = if r.as_written { "; as written" } else { "" };
            s.push_str(&format!("\n- `{}` (widget: {}{}): {}", r.name, codes.join(", "), written, r.doc));
        }
    }
    s
}

fn obj_schema(fields: &[Field]) -> Value {
    let per_type: Vec<&str> = if object(fields).is_some_and(|o| o.0 == "Annotation") {
        ANNOTATION_READS.iter().flat_map(|(_, r, o)| r.iter().chain(o.iter()).copied()).collect()
    } else {
        Vec::new()
    };
    let mut props = Map::new();
    for fld in fields {
        props.insert(fld.name.to_string(), field_schema(fld, per_type.contains(&fld.name)));
    }
    let required: Vec<&str> = fields.iter().filter(|f| f.required).map(|f| f.name).collect();
    // Unknown fields are warnings in the widget, not failures: the schema allows them too.
    let mut s = json!({ "type": "object", "properties": props, "required": required, "additionalProperties": true });
    if let Some((_, _, doc, rules)) = object(fields) {
        s["description"] = Value::from(object_doc(doc, rules));
    }
    let all = conditions(fields);
    if !all.is_empty() {
        s["allOf"] = Value::from(all);
    }
    s
}

/// The JSON Schema (draft 2020-12) of feed format v1.
pub fn json_schema() -> Value {
    let mut s = obj_schema(FEED);
    if let Some(o) = s.as_object_mut() {
        o.insert("$schema".to_string(), Value::from("https://json-schema.org/draft/2020-12/schema"));
        o.insert("$id".to_string(), Value::from("https://newschart.example/schema/feed-v1.schema.json"));
        o.insert("title".to_string(), Value::from("newschart feed, version 1"));
        o.insert(
            "$comment".to_string(),
            Value::from("Generated from src/feed/spec.rs (UPDATE_SCHEMA=1 cargo test --test examples rewrites it; a test fails when it drifts); do not edit by hand."),
        );
    }
    s
}
