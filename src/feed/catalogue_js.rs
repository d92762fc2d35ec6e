//! The problems' catalogue as a JavaScript module (`src/web/problem-words.js`), for readers'
//! pages, whose wasm carries codes and parameters but no words. Apart from the catalogue so that
//! `feed::json` (whose syntax errors are the catalogue's codes) and this writer (which writes JSON
//! strings with `feed::json`) do not import each other.

use super::catalogue::{terms, Code, SEPARATOR};
use super::json::push_str;

/// The catalogue as a JavaScript module, for a reader's page: `src/web/problem-words.js`, which
/// `src/web/problems.js` loads when a chart has problems (`newschart catalogue --js`).
#[cfg(any(feature = "builder", not(target_arch = "wasm32")))]
pub fn js() -> String {
    let mut s = String::from(
        "// Generated from src/feed/catalogue.rs by `cargo run --bin newschart -- catalogue --js`: do not\n\
         // edit (tests/feed/catalogue.rs fails when this file and the catalogue differ). A problem's words\n\
         // in Chinese and English by code, each a template: {0} is parameter 0, {0:t} parameter 0 as\n\
         // a term of TERMS, {1*} parameters 1 onwards as a list joined by SEPARATOR. (null: a\n\
         // spreadsheet's problem, which only the builder, with the words in its module, reports.)\n\n",
    );
    let pair = |s: &mut String, zh: &str, en: &str| {
        s.push('[');
        push_str(s, zh);
        s.push_str(", ");
        push_str(s, en);
        s.push(']');
    };
    s.push_str("export const SEPARATOR = ");
    pair(&mut s, SEPARATOR[0], SEPARATOR[1]);
    s.push_str(";\n\n// by the code's number: its name, then its words\nexport const WORDS = [\n");
    for &code in Code::ALL {
        // a spreadsheet's problems never reach a reader's page (the import is the builder's)
        if code.id().starts_with("csv-") || code.id().starts_with("xlsx-") {
            s.push_str("  null,\n");
            continue;
        }
        s.push_str("  [");
        for (i, text) in [code.id(), code.template(true), code.template(false)].into_iter().enumerate() {
            if i > 0 {
                s.push_str(", ");
            }
            push_str(&mut s, text);
        }
        s.push_str("],\n");
    }
    s.push_str("];\n\nexport const TERMS = {\n");
    for (id, zh, en) in terms().into_iter().filter(|t| !t.0.starts_with("hint-")) {
        s.push_str("  ");
        push_str(&mut s, id);
        s.push_str(": ");
        pair(&mut s, zh, en);
        s.push_str(",\n");
    }
    s.push_str("};\n");
    s
}
