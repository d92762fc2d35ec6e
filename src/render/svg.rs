//! SVG output: the same scene drawn through plotters' SVG backend, for the
//! command-line tool, print and no-script fallbacks, and snapshot tests.
//!
//! Feed text is escaped by the backend (`<`, `>`, `&`, quotes); characters that
//! XML 1.0 does not allow at all (most C0 controls, U+FFFE, U+FFFF) are left
//! out, so the document always parses.

use std::borrow::Cow;

use plotters::backend::SVGBackend;

use super::{draw, Options, FONT_STACK};
use crate::scene::{Scene, Shape};

/// The scene as an SVG document, `scale` backend pixels per CSS pixel.
pub fn to_svg(scene: &Scene, scale: f64) -> Result<String, String> {
    let scene = xml_safe(scene);
    let mut buf = String::new();
    {
        let w = (scene.width * scale).round().max(1.0) as u32;
        let h = (scene.height * scale).round().max(1.0) as u32;
        let backend = SVGBackend::with_string(&mut buf, (w, h));
        // plotters' SVG backend writes font-size as size / 1.24
        draw(&scene, backend, Options { scale, text_factor: 1.24, font: FONT_STACK })?;
    }
    Ok(buf)
}

/// True for a character XML 1.0 allows in a document.
pub fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..='\u{10FFFF}')
}

/// The scene with every character XML cannot hold removed from its text;
/// borrowed unchanged when there is none (the usual case).
fn xml_safe(scene: &Scene) -> Cow<'_, Scene> {
    let bad = |t: &str| !t.chars().all(is_xml_char);
    if !scene.marks.iter().any(|m| matches!(&m.shape, Shape::Text { text, .. } if bad(text))) {
        return Cow::Borrowed(scene);
    }
    let mut s = scene.clone();
    for m in &mut s.marks {
        if let Shape::Text { text, .. } = &mut m.shape {
            text.retain(is_xml_char);
        }
    }
    Cow::Owned(s)
}
