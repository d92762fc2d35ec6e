//! The feed format v1, written down once as Rust data.
//!
//! `normalize` takes its known field names from here (anything else is an
//! "unknown field" warning), and [`json_schema`] generates
//! `www/schema/feed-v1.schema.json` from it; a test fails when the file and
//! this table drift apart.

use serde_json::{json, Map, Value};

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
    /// A list of values of one type.
    Array(&'static Ty, usize),
    /// A list of numbers where `null` is a gap.
    Values,
    /// An object with these fields.
    Obj(&'static [Field]),
    /// Text, or a list of text.
    StrOrStrs,
    /// Text, or an object with these fields.
    StrOrObj(&'static [Field]),
    /// Text or a number (category labels).
    Label,
}

/// One field of an object in the feed.
#[derive(Clone, Copy, Debug)]
pub struct Field {
    /// The field's name in JSON.
    pub name: &'static str,
    /// Its type.
    pub ty: Ty,
    /// Whether a feed must give it.
    pub required: bool,
    /// What it means (English; shown in the schema).
    pub doc: &'static str,
}

const fn f(name: &'static str, ty: Ty, required: bool, doc: &'static str) -> Field {
    // The docs are for the schema (generated natively); the browser's module only needs the
    // names and types, so the wasm build leaves ~6 KB of English prose out.
    let doc = if cfg!(target_arch = "wasm32") { "" } else { doc };
    Field { name, ty, required, doc }
}

/// The chart kinds a dataset may ask for.
pub const KINDS: &[&str] = &["column", "bar", "line", "area", "progress", "donut", "pie", "table"];
/// Number styles.
pub const NUMBER_STYLES: &[&str] = &["cn", "full", "compact"];
/// Locales.
pub const LOCALES: &[&str] = &["zh-CN", "zh", "en", "en-US", "en-GB"];
/// Kinds of annotation.
pub const ANNOTATION_TYPES: &[&str] = &["target", "highlight", "label"];

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
    f("decimals", Ty::Int(0, 6), false, "Decimals on labels and axes for this series (tooltips and the table keep full precision)."),
    f("percent", Ty::Bool, false, "Values are fractions written as percentages: 0.1234 is shown as 12.34%."),
];

/// One annotation.
pub const ANNOTATION: &[Field] = &[
    f("type", Ty::Enum(ANNOTATION_TYPES), true, "target: a line at a value; highlight: one category stands out; label: text at a data point."),
    f("value", Ty::Num, false, "For target: where the line is drawn."),
    f("category", Ty::Label, false, "For highlight and label: the category it is about."),
    f("series", Ty::Str, false, "For label: the series' name (default: the first series)."),
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
    f("decimals", Ty::Int(0, 6), false, "Decimals on labels and axes (tooltips and the table keep full precision)."),
    f("percent", Ty::Bool, false, "Values are fractions written as percentages: 0.1234 is shown as 12.34%."),
    f("x", Ty::Enum(&["category", "date"]), false, "For line and area: categories are evenly spaced (default) or ISO dates (2022, 2022-03, 2022-03-15) placed in time."),
    f("stacked", Ty::Bool, false, "For column, bar and area with several series: stack them instead of grouping."),
    f("categories", Ty::Array(&LABEL_TY, 1), true, "Category labels (or dates), one per value."),
    f("series", Ty::Array(&SERIES_TY, 1), true, "One or more series of values."),
    f("target", Ty::Obj(TARGET), false, "The target of a progress chart (required there)."),
    f("annotations", Ty::Array(&ANNOTATION_TY, 0), false, "Target lines, highlighted categories and text labels."),
    f("highlight", Ty::Array(&STR_TY, 0), false, "Names of the series to stand out: they keep their colours and are drawn in front; every other series is grey and thinner, behind them. The legend and tooltips still name all."),
];

/// The whole feed.
pub const FEED: &[Field] = &[
    f("$schema", Ty::Str, false, "Optional: the address of this schema, for editors."),
    f("version", Ty::Int(1, 1), true, "The format version; this widget reads version 1."),
    f("datasets", Ty::Array(&DATASET_TY, 1), true, "One or more datasets."),
];

/// The names of an object's fields.
pub fn names(fields: &[Field]) -> impl Iterator<Item = &'static str> + '_ {
    fields.iter().map(|f| f.name)
}

fn ty_schema(ty: &Ty) -> Value {
    match ty {
        Ty::Str => json!({ "type": "string" }),
        Ty::Url => json!({ "type": "string", "pattern": "^[Hh][Tt][Tt][Pp][Ss]?://[^/\\s]" }),
        Ty::Num => json!({ "type": "number" }),
        Ty::PositiveNum => json!({ "type": "number", "exclusiveMinimum": 0 }),
        Ty::Int(lo, hi) => json!({ "type": "integer", "minimum": lo, "maximum": hi }),
        Ty::Bool => json!({ "type": "boolean" }),
        Ty::Enum(words) => json!({ "enum": words }),
        Ty::Color => json!({ "type": "string", "pattern": "^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$" }),
        Ty::Array(item, min) => json!({ "type": "array", "items": ty_schema(item), "minItems": min }),
        Ty::Values => json!({ "type": "array", "items": { "type": ["number", "null"] } }),
        Ty::Obj(fields) => obj_schema(fields),
        Ty::StrOrStrs => json!({ "oneOf": [{ "type": "string" }, { "type": "array", "items": { "type": "string" } }] }),
        Ty::StrOrObj(fields) => json!({ "oneOf": [{ "type": "string" }, obj_schema(fields)] }),
        Ty::Label => json!({ "type": ["string", "number"] }),
    }
}

fn obj_schema(fields: &[Field]) -> Value {
    let mut props = Map::new();
    for fld in fields {
        let mut s = ty_schema(&fld.ty);
        if let Some(o) = s.as_object_mut() {
            o.insert("description".to_string(), Value::from(fld.doc));
        }
        props.insert(fld.name.to_string(), s);
    }
    let required: Vec<&str> = fields.iter().filter(|f| f.required).map(|f| f.name).collect();
    // Unknown fields are warnings in the widget, not failures: the schema allows them too.
    json!({ "type": "object", "properties": props, "required": required, "additionalProperties": true })
}

/// The JSON Schema (draft 2020-12) of feed format v1.
pub fn json_schema() -> Value {
    let mut s = obj_schema(FEED);
    if let Some(o) = s.as_object_mut() {
        o.insert("$schema".to_string(), Value::from("https://json-schema.org/draft/2020-12/schema"));
        o.insert("$id".to_string(), Value::from("https://newschart.example/schema/feed-v1.schema.json"));
        o.insert("title".to_string(), Value::from("newschart feed, version 1"));
        o.insert(
            "description".to_string(),
            Value::from("Generated from src/feed/spec.rs (UPDATE_SCHEMA=1 cargo test --test examples rewrites it; a test fails when it drifts); do not edit by hand."),
        );
    }
    s
}
