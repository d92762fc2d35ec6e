//! The static first paint's files and markup, one code for `newschart render --static` and the
//! feed service (`src/serve/statics.rs`): the element's layout ([`element::element`]) drawn as
//! SVG at each width, and the `<picture slot="static" data-feed=HASH>` that shows them.

use std::fmt::Write;

use super::element;
use crate::feed::Problem;
use crate::geom::Rect;
use crate::scene::{Mark, Role};
use crate::text::TextMeasure;
use crate::theme::Theme;

/// The widths drawn when none are asked for: a phone's column and a desktop article's.
pub const WIDTHS: [u32; 2] = [328, 640];

/// The colour schemes drawn, as the element's `theme` attribute chooses them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scheme {
    /// No `theme` attribute: the reader's colour scheme. Light and dark images, each shown by
    /// `prefers-color-scheme`, on a transparent background like the element's.
    Auto,
    /// `theme="light"`: light images only.
    Light,
    /// `theme="dark"`: dark images only, on the element's dark background.
    Dark,
}

impl Scheme {
    /// `auto`, `light` or `dark`.
    pub fn parse(s: &str) -> Option<Scheme> {
        match s {
            "auto" => Some(Scheme::Auto),
            "light" => Some(Scheme::Light),
            "dark" => Some(Scheme::Dark),
            _ => None,
        }
    }
}

/// One drawn width in one colour scheme.
pub struct Image {
    /// The element's CSS width.
    pub width: u32,
    /// Drawn in the dark theme.
    pub dark: bool,
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

/// Draws the feed `text` at each of `widths` with `height` the element's `height` attribute, in
/// the colour schemes of `scheme`: light images first, then dark ones.
pub fn images(text: &str, dataset: Option<&str>, widths: &[u32], height: f64, m: &dyn TextMeasure, scheme: Scheme) -> Result<Vec<Image>, Failure> {
    let themes: &[bool] = match scheme {
        Scheme::Auto => &[false, true],
        Scheme::Light => &[false],
        Scheme::Dark => &[true],
    };
    let mut out = Vec::with_capacity(widths.len() * themes.len());
    for &dark in themes {
        let theme = if dark { Theme::dark() } else { Theme::default() };
        for &w in widths {
            let mut scene = element::scene_themed(text, dataset, f64::from(w), height, m, &theme).map_err(Failure::Feed)?;
            if scheme == Scheme::Dark {
                // theme="dark" paints its own background (style.js), on any page
                let all = Rect { x: 0.0, y: 0.0, w: scene.width, h: scene.height };
                scene.marks.insert(0, Mark::rect(all, theme.background, Role::Annotation, None));
            }
            let svg = super::svg::to_svg_styled(&scene, 1.0, element::STYLE).map_err(Failure::Render)?;
            out.push(Image { width: w, dark, height: scene.height.round() as u32, svg });
        }
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

/// The file name of one width's image: `STEM.HASH.WIDTH.svg`, or `STEM.HASH.WIDTH.dark.svg`.
pub fn file_name(stem: &str, hash: &str, width: u32, dark: bool) -> String {
    format!("{}.{}.{}{}.svg", stem, hash, width, if dark { ".dark" } else { "" })
}

/// One image as the `<picture>` names it.
pub struct Shown {
    /// The element's CSS width it was drawn at.
    pub width: u32,
    /// Its address.
    pub src: String,
    /// Its height in CSS px.
    pub height: u32,
    /// Drawn in the dark theme.
    pub dark: bool,
}

/// The `<picture>` for `images`, narrowest first in each scheme: each while the element is
/// narrower than the next one (the viewport less `margin`, the page's margins beside the chart),
/// the widest otherwise. With both schemes, the dark images come first, for a reader whose colour
/// scheme is dark, as the element then draws (`theme.js`).
pub fn picture(hash: &str, images: &[Shown], margin: u32, alt: &str) -> String {
    let attr = |v: &str| v.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;");
    let mut html = format!("<picture slot=\"static\" data-feed=\"{}\">", attr(hash));
    let light: Vec<&Shown> = images.iter().filter(|i| !i.dark).collect();
    let dark: Vec<&Shown> = images.iter().filter(|i| i.dark).collect();
    let both = !light.is_empty() && !dark.is_empty();
    let source = |html: &mut String, i: &Shown, max: Option<u32>, scheme: bool| {
        let mut media = Vec::new();
        if scheme {
            media.push("(prefers-color-scheme: dark)".to_string());
        }
        if let Some(max) = max {
            media.push(format!("(max-width: {}px)", max));
        }
        let _ = write!(html, "<source media=\"{}\" srcset=\"{}\" width=\"{}\" height=\"{}\">", media.join(" and "), attr(&i.src), i.width, i.height);
    };
    let max = |next: &Shown| next.width.saturating_add(margin).saturating_sub(1);
    // the dark images, each behind the colour-scheme query, when there are light ones too
    let (sources, last) = if both { (&light, light.last()) } else if dark.is_empty() { (&light, light.last()) } else { (&dark, dark.last()) };
    if both {
        for (k, i) in dark.iter().enumerate() {
            source(&mut html, i, dark.get(k + 1).map(|n| max(n)), true);
        }
    }
    for pair in sources.windows(2) {
        source(&mut html, pair[0], Some(max(pair[1])), false);
    }
    if let Some(i) = last {
        let _ = write!(html, "<img class=\"nc-static\" src=\"{}\" width=\"{}\" height=\"{}\" alt=\"{}\">", attr(&i.src), i.width, i.height, attr(alt));
    }
    html.push_str("</picture>");
    html
}
