//! PNG output (native only): the scene drawn by [`render::draw`](super::draw)
//! onto plotters' bitmap backend, with text rasterized here from a CJK font. The
//! `newschart render -o chart.png` command is [`font::load`], [`draw`] and
//! [`encode`] in turn; [`to_png`] does the three at once.
//!
//! plotters' own bitmap text cannot pick a face in a `.ttc` collection, sizes
//! glyphs by the font's line height instead of its em, and places the baseline
//! by its own rule. This backend wraps `BitMapBackend`, passes every shape
//! through, and draws text as the browser canvas does: font size = em, anchor
//! at the em box's top, middle or bottom (`textBaseline`), so the image matches
//! the live chart.
//!
//! Text needs a font with Chinese glyphs: [`font::load`] takes a path, or finds
//! the system's (Noto Sans CJK, Source Han Sans, WenQuanYi, PingFang, Microsoft
//! YaHei) and otherwise says how to install one. The module is not built for
//! wasm32, where the browser draws on its canvas.
//!
//! ```
//! use newschart::render::{compose, png};
//!
//! let feed = include_str!("../../../www/feeds/toilets.json");
//! let (_, c) = compose::scene_for(feed, None, 640.0, compose::Height::Natural).expect("a valid feed");
//! let fonts = png::font::load(None).expect("a CJK font on this machine");
//! let img = png::draw(&c.scene, 2.0, &fonts).expect("drawn"); // 2 image pixels per CSS pixel
//! assert_eq!(img.width, 1280);
//! assert!(img.missing.is_empty(), "the font has every glyph of the feed");
//! let bytes = png::encode(&img, 192.0).expect("encoded");
//! assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n"));
//! ```

pub mod font;
mod shapes;

use ab_glyph::{point, Font, Glyph, PxScale, ScaleFont};
use plotters::backend::BitMapBackend;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};
use plotters_backend::{BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind, FontStyle};

use self::font::{Face, Fonts};
use crate::render::{self, Options};
use crate::scene::Scene;

type Inner<'b> = BitMapBackend<'b>;
type Error<'b> = DrawingErrorKind<<Inner<'b> as DrawingBackend>::ErrorType>;

/// `BitMapBackend` with text drawn from our fonts.
struct TextBackend<'a, 'b> {
    inner: Inner<'b>,
    fonts: &'a Fonts,
    /// Characters the font has no glyph for.
    missing: &'a mut Vec<char>,
}

impl<'b> TextBackend<'_, 'b> {
    /// Blends `color` into every covered pixel.
    fn paint(&mut self, pixels: Vec<shapes::Covered>, color: BackendColor) -> Result<(), Error<'b>> {
        if color.alpha == 0.0 {
            return Ok(());
        }
        for (p, coverage) in pixels {
            self.inner.draw_pixel(p, shapes::covered(color, coverage))?;
        }
        Ok(())
    }

    fn face(&self, style: FontStyle) -> &Face {
        match (style, &self.fonts.bold) {
            (FontStyle::Bold, Some(b)) => b,
            _ => &self.fonts.regular,
        }
    }
}

/// The pixels per em → ab_glyph's scale, which is relative to the line height.
fn px_scale(face: &Face, em: f32) -> PxScale {
    let upem = face.font.units_per_em().unwrap_or(1000.0);
    PxScale::from(em * face.font.height_unscaled() / upem)
}

/// Width of `text` in pixels at `em`.
fn advance(face: &Face, em: f32, text: &str) -> f32 {
    let f = face.font.as_scaled(px_scale(face, em));
    let mut w = 0.0;
    let mut prev = None;
    for c in text.chars() {
        let g = f.glyph_id(c);
        if let Some(p) = prev {
            w += f.kern(p, g);
        }
        w += f.h_advance(g);
        prev = Some(g);
    }
    w
}

impl<'b> DrawingBackend for TextBackend<'_, 'b> {
    type ErrorType = <Inner<'b> as DrawingBackend>::ErrorType;

    fn get_size(&self) -> (u32, u32) {
        self.inner.get_size()
    }
    fn ensure_prepared(&mut self) -> Result<(), Error<'b>> {
        self.inner.ensure_prepared()
    }
    fn present(&mut self) -> Result<(), Error<'b>> {
        self.inner.present()
    }
    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Result<(), Error<'b>> {
        self.inner.draw_pixel(point, color)
    }
    fn draw_line<S: BackendStyle>(&mut self, from: BackendCoord, to: BackendCoord, style: &S) -> Result<(), Error<'b>> {
        self.inner.draw_line(from, to, style)
    }
    fn draw_rect<S: BackendStyle>(&mut self, ul: BackendCoord, br: BackendCoord, style: &S, fill: bool) -> Result<(), Error<'b>> {
        self.inner.draw_rect(ul, br, style, fill)
    }
    // paths, dots and polygons are rasterized by tiny-skia, not plotters (see shapes.rs)
    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, path: I, style: &S) -> Result<(), Error<'b>> {
        let points: Vec<BackendCoord> = path.into_iter().collect();
        let size = self.inner.get_size();
        self.paint(shapes::stroke(&points, style.stroke_width(), size), style.color())
    }
    fn draw_circle<S: BackendStyle>(&mut self, center: BackendCoord, radius: u32, style: &S, fill: bool) -> Result<(), Error<'b>> {
        let size = self.inner.get_size();
        self.paint(shapes::circle(center, radius, fill, style.stroke_width(), size), style.color())
    }
    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, vert: I, style: &S) -> Result<(), Error<'b>> {
        let points: Vec<BackendCoord> = vert.into_iter().collect();
        let size = self.inner.get_size();
        self.paint(shapes::polygon(&points, size), style.color())
    }
    fn blit_bitmap(&mut self, pos: BackendCoord, (w, h): (u32, u32), src: &[u8]) -> Result<(), Error<'b>> {
        self.inner.blit_bitmap(pos, (w, h), src)
    }

    fn estimate_text_size<S: BackendTextStyle>(&self, text: &str, style: &S) -> Result<(u32, u32), Error<'b>> {
        let face = self.face(style.style());
        let em = style.size() as f32;
        Ok((advance(face, em, text).ceil() as u32, em.ceil() as u32))
    }

    fn draw_text<S: BackendTextStyle>(&mut self, text: &str, style: &S, pos: BackendCoord) -> Result<(), Error<'b>> {
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        let fonts = self.fonts;
        let face = match (style.style(), &fonts.bold) {
            (FontStyle::Bold, Some(b)) => b,
            _ => &fonts.regular,
        };
        let em = style.size() as f32;
        if !(em.is_finite() && em > 0.0) {
            return Ok(());
        }
        let scale = px_scale(face, em);
        let f = face.font.as_scaled(scale);
        let anchor = style.anchor();
        let width = advance(face, em, text);
        let x0 = pos.0 as f32
            - match anchor.h_pos {
                HPos::Left => 0.0,
                HPos::Center => width / 2.0,
                HPos::Right => width,
            };
        // canvas textBaseline: top / middle / bottom of the em box
        let baseline = pos.1 as f32
            + match anchor.v_pos {
                VPos::Top => face.ascent * em,
                VPos::Center => (face.ascent - 0.5) * em,
                VPos::Bottom => (face.ascent - 1.0) * em,
            };
        let (w, h) = self.inner.get_size();
        let mut x = x0;
        let mut prev = None;
        for c in text.chars() {
            let id = f.glyph_id(c);
            if id.0 == 0 && !c.is_whitespace() && !c.is_control() && !self.missing.contains(&c) {
                self.missing.push(c);
            }
            if let Some(p) = prev {
                x += f.kern(p, id);
            }
            let glyph: Glyph = id.with_scale_and_position(scale, point(x, baseline));
            x += f.h_advance(id);
            prev = Some(id);
            let Some(outline) = face.font.outline_glyph(glyph) else { continue };
            let b = outline.px_bounds();
            let mut pixels = Vec::new();
            outline.draw(|gx, gy, coverage| {
                if coverage > 0.0 {
                    pixels.push((b.min.x as i32 + gx as i32, b.min.y as i32 + gy as i32, coverage.min(1.0)));
                }
            });
            for (px, py, cov) in pixels {
                if px < 0 || py < 0 || px >= w as i32 || py >= h as i32 {
                    continue;
                }
                let c = BackendColor { alpha: color.alpha * cov as f64, rgb: color.rgb };
                self.inner.draw_pixel((px, py), c)?;
            }
        }
        Ok(())
    }
}

/// A rendered image: RGB pixels and the characters the font lacked.
pub struct Image {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// RGB, row by row.
    pub rgb: Vec<u8>,
    /// Characters drawn as the font's empty box.
    pub missing: Vec<char>,
}

/// Draws `scene` at `scale` image pixels per CSS pixel on white: `scale` 2.0 for a
/// phone's screen, `dpi / 96.0` for print. The image is the scene's size times
/// `scale`, rounded; an error when that is too large to hold (over 400 MB of pixels)
/// or a shape cannot be drawn.
pub fn draw(scene: &Scene, scale: f64, fonts: &Fonts) -> Result<Image, String> {
    let width = (scene.width * scale).round().max(1.0) as u32;
    let height = (scene.height * scale).round().max(1.0) as u32;
    let len = (width as usize).checked_mul(height as usize).and_then(|n| n.checked_mul(3)).filter(|n| *n <= 400_000_000);
    let Some(len) = len else {
        return Err(format!("an image of {}×{} pixels is too large", width, height));
    };
    let mut rgb = vec![255u8; len];
    let mut missing = Vec::new();
    {
        let inner = BitMapBackend::with_buffer(&mut rgb, (width, height));
        let backend = TextBackend { inner, fonts, missing: &mut missing };
        // sizes reach the backend in pixels per em: no factor (the SVG backend needs 1.24)
        render::draw(scene, backend, Options { scale, text_factor: 1.0, font: "sans-serif" })?;
    }
    Ok(Image { width, height, rgb, missing })
}

/// Encodes an image as PNG (8-bit RGB), with its resolution when printed at `dpi`
/// (the `pHYs` chunk: 96 for a screen, 300 for print).
pub fn encode(img: &Image, dpi: f64) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    {
        let mut enc = ::png::Encoder::new(&mut out, img.width, img.height);
        enc.set_color(::png::ColorType::Rgb);
        enc.set_depth(::png::BitDepth::Eight);
        let per_metre = (dpi / 0.0254).round() as u32;
        enc.set_pixel_dims(Some(::png::PixelDimensions { xppu: per_metre, yppu: per_metre, unit: ::png::Unit::Meter }));
        let mut w = enc.write_header().map_err(|e| e.to_string())?;
        w.write_image_data(&img.rgb).map_err(|e| e.to_string())?;
        w.finish().map_err(|e| e.to_string())?;
    }
    Ok(out)
}

/// The scene as PNG bytes in one call: [`draw`], then [`encode`] at `dpi`, with the
/// characters `fonts` has no glyph for (drawn as empty boxes; the CLI warns of them).
///
/// ```
/// use newschart::render::png;
///
/// let feed = include_str!("../../../www/feeds/employment.json");
/// let (_, scene) = newschart::scene_for(feed, None, 320.0, Some(200.0)).expect("a valid feed");
/// let fonts = png::font::load(None).expect("a CJK font on this machine");
/// let (bytes, missing) = png::to_png(&scene, 1.0, 96.0, &fonts).expect("drawn");
/// assert!(bytes.starts_with(b"\x89PNG"));
/// assert_eq!(missing, Vec::<char>::new());
/// ```
pub fn to_png(scene: &Scene, scale: f64, dpi: f64, fonts: &Fonts) -> Result<(Vec<u8>, Vec<char>), String> {
    let img = draw(scene, scale, fonts)?;
    let bytes = encode(&img, dpi)?;
    Ok((bytes, img.missing))
}
