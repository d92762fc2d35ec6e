//! The static first paint's files and markup, one code for `newschart render --static` and the
//! feed service (`src/serve/statics.rs`): the element's layout ([`element::element`]) drawn as
//! SVG at each width, and the `<picture slot="static" data-feed=HASH>` that shows them.

use std::fmt::Write;

use super::element;
use crate::feed::Problem;
use crate::text::TextMeasure;

/// The widths drawn when none are asked for: a phone's column and a desktop article's.
pub const WIDTHS: [u32; 2] = [328, 640];

/// One drawn width.
pub struct Image {
    /// The element's CSS width.
    pub width: u32,
    /// The image's height in CSS px (the reserved height, or more when the words need it).
    pub height: u32,
    /// The SVG text.
    pub svg: String,
}

/// Why no image was drawn.
pub enum Failure {
    /// The feed does not read (its problems, errors and warnings).
    Feed(Vec<Problem>),
    /// The renderer failed.
    Render(String),
}

/// Draws the feed `text` at each of `widths` with `height` the element's `height` attribute.
pub fn images(text: &str, dataset: Option<&str>, widths: &[u32], height: f64, m: &dyn TextMeasure) -> Result<Vec<Image>, Failure> {
    let mut out = Vec::with_capacity(widths.len());
    for &w in widths {
        let scene = element::scene_for(text, dataset, f64::from(w), height, m).map_err(Failure::Feed)?;
        let svg = super::svg::to_svg_styled(&scene, 1.0, element::STYLE).map_err(Failure::Render)?;
        out.push(Image { width: w, height: scene.height.round() as u32, svg });
    }
    Ok(out)
}

/// The image's text alternative: the chart's own summary, as the live chart's canvas says it.
pub fn alt(text: &str, dataset: Option<&str>, width: u32, height: f64) -> String {
    match crate::scene_for(text, dataset, f64::from(width), Some(height)) {
        Ok((ds, sc)) => crate::scene::describe::describe(&ds, &sc),
        Err(_) => String::new(),
    }
}

/// The file name of one width's image: `STEM.HASH.WIDTH.svg`.
pub fn file_name(stem: &str, hash: &str, width: u32) -> String {
    format!("{}.{}.{}.svg", stem, hash, width)
}

/// The `<picture>` for the images `(width, address, height)`, narrowest first: each while the
/// element is narrower than the next one (the viewport less `margin`, the page's margins beside
/// the chart), the widest otherwise.
pub fn picture(hash: &str, images: &[(u32, String, u32)], margin: u32, alt: &str) -> String {
    let attr = |v: &str| v.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;");
    let mut html = format!("<picture slot=\"static\" data-feed=\"{}\">", attr(hash));
    for pair in images.windows(2) {
        let (w, src, h) = &pair[0];
        let _ = write!(html, "<source media=\"(max-width: {}px)\" srcset=\"{}\" width=\"{}\" height=\"{}\">", pair[1].0.saturating_add(margin).saturating_sub(1), attr(src), w, h);
    }
    if let Some((w, src, h)) = images.last() {
        let _ = write!(html, "<img class=\"nc-static\" src=\"{}\" width=\"{}\" height=\"{}\" alt=\"{}\">", attr(src), w, h, attr(alt));
    }
    html.push_str("</picture>");
    html
}
