//! The feed's TypeScript types in the npm package (src/npm/newschart.d.ts, between its markers)
//! are generated from `feed::spec`, as the JSON Schema is; this test fails when they drift
//! (`UPDATE_SCHEMA=1 cargo test --test typescript` rewrites them). tests/bundlers/ checks the
//! file with tsc.

mod common;

use newschart::feed::spec::{self, Count, Field, Ty};

const PATH: &str = "src/npm/newschart.d.ts";
const BEGIN: &str = "// BEGIN feed types generated from src/feed/spec.rs: do not edit by hand\n";
const END: &str = "// END feed types generated from src/feed/spec.rs";

/// The TypeScript name of the object with these fields (its name in `spec::OBJECTS`).
fn object_name(fields: &[Field]) -> &'static str {
    spec::OBJECTS
        .iter()
        .find(|o| spec::names(o.1).eq(spec::names(fields)))
        .map(|o| o.0)
        .expect("every object of the spec is in spec::OBJECTS")
}

fn ts_type(ty: &Ty) -> String {
    match ty {
        Ty::Any => "unknown".into(),
        Ty::Str | Ty::Url | Ty::Color => "string".into(),
        Ty::Int(a, b) if a == b => a.to_string(),
        Ty::Num | Ty::PositiveNum | Ty::Int(..) => "number".into(),
        Ty::Bool => "boolean".into(),
        Ty::Enum(words) => words.iter().map(|w| format!("'{}'", w)).collect::<Vec<_>>().join(" | "),
        Ty::Array(item, _) => {
            let inner = ts_type(item);
            if inner.contains(' ') {
                format!("Array<{}>", inner)
            } else {
                format!("{}[]", inner)
            }
        }
        Ty::Values => "Array<number | null>".into(),
        Ty::Obj(fields) => object_name(fields).into(),
        Ty::StrOrStrs => "string | string[]".into(),
        Ty::StrOrObj(fields) => format!("string | {}", object_name(fields)),
        Ty::Label => "string | number".into(),
    }
}

/// A field's words for the doc comment: its meaning, and what the type cannot say.
fn field_doc(f: &Field) -> String {
    let mut doc = f.doc.to_string();
    match f.ty {
        Ty::Url => doc.push_str(" (an http(s) address)"),
        Ty::Color => doc.push_str(" (`#rgb` or `#rrggbb`)"),
        Ty::PositiveNum => doc.push_str(" (greater than 0)"),
        Ty::Int(a, b) if a != b => doc.push_str(&format!(" (a whole number from {} to {})", a, b)),
        Ty::Array(_, Count::Points) | Ty::Values => doc.push_str(&format!(" (1 to {} items)", spec::MAX_POINTS)),
        Ty::Array(_, Count::OneOrMore) => doc.push_str(" (at least one)"),
        _ => {}
    }
    doc.replace("*/", "* /")
}

/// The generated declarations: one interface per object of the feed.
fn generated() -> String {
    let mut out = String::new();
    for (name, fields, doc, _) in spec::OBJECTS {
        out.push_str(&format!("/** {} */\nexport interface {} {{\n", doc.replace("*/", "* /"), name));
        for f in *fields {
            let key = if f.name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') { f.name.to_string() } else { format!("'{}'", f.name) };
            out.push_str(&format!("  /** {} */\n", field_doc(f)));
            if f.required {
                out.push_str(&format!("  {}: {};\n", key, ts_type(&f.ty)));
            } else if matches!(f.ty, Ty::Any) {
                out.push_str(&format!("  {}?: unknown;\n", key));
            } else {
                // an optional field may also be null, the same as leaving it out
                out.push_str(&format!("  {}?: {} | null;\n", key, ts_type(&f.ty)));
            }
        }
        out.push_str("}\n\n");
    }
    out
}

#[test]
fn the_feed_types_of_the_npm_package_are_generated_from_the_rust_spec() {
    common::generated::region(PATH, BEGIN, END, &generated(), "cargo test --test typescript");
}
