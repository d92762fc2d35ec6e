//! SVG output: the same scene drawn through plotters' SVG backend, for the
//! command-line tool, print and no-script fallbacks, and snapshot tests.

use plotters::backend::SVGBackend;

use super::{draw, Options, FONT_STACK};
use crate::scene::Scene;

/// The scene as an SVG document, `scale` backend pixels per CSS pixel.
pub fn to_svg(scene: &Scene, scale: f64) -> Result<String, String> {
    let mut buf = String::new();
    {
        let w = (scene.width * scale).round().max(1.0) as u32;
        let h = (scene.height * scale).round().max(1.0) as u32;
        let backend = SVGBackend::with_string(&mut buf, (w, h));
        // plotters' SVG backend writes font-size as size / 1.24
        draw(scene, backend, Options { scale, text_factor: 1.24, font: FONT_STACK })?;
    }
    Ok(buf)
}
