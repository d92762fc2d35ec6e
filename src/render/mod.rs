//! Render: draws a scene with plotters onto any `DrawingBackend`: the browser
//! canvas (`web::canvas`) or SVG (`render::svg`).
//!
//! Scene coordinates are CSS pixels; `scale` maps them to backend pixels
//! (the devicePixelRatio on canvas, dpi/96 for print).

pub mod compose;
pub mod element;
#[cfg(not(target_arch = "wasm32"))]
pub mod png;
pub mod static_paint;
pub mod svg;
pub mod wrap;

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters_backend::DrawingErrorKind;

use crate::scene::{HAlign, Scene, Shape, VAlign};
use crate::theme;

/// The font stack charts are drawn in: CJK faces of every platform, then sans-serif.
pub const FONT_STACK: &str = "system-ui, -apple-system, \"PingFang SC\", \"Hiragino Sans GB\", \"Noto Sans CJK SC\", \"Source Han Sans SC\", \"Microsoft YaHei\", \"WenQuanYi Micro Hei\", sans-serif";

/// How text reaches a backend: its scale, a factor on font sizes, and the font.
#[derive(Clone, Copy, Debug)]
pub struct Options<'a> {
    /// Backend pixels per CSS pixel.
    pub scale: f64,
    /// Multiplier applied to font sizes before they reach the backend.
    pub text_factor: f64,
    /// CSS font-family list.
    pub font: &'a str,
}

fn rgb(c: theme::Color) -> RGBColor {
    RGBColor(c.r, c.g, c.b)
}

fn px(v: f64, scale: f64) -> i32 {
    let p = (v * scale).round();
    if p.is_finite() {
        p.clamp(-1e6, 1e6) as i32
    } else {
        0
    }
}

/// A backend's error as text. Its own trait rather than `Display` so that the canvas backend's
/// error (`web::canvas`) is read without `core::fmt`: formatting through `Display` keeps ~0.5 KB
/// of it in the readers' wasm. Natively (SVG, PNG) every `Display` error is one.
pub trait ErrorText {
    /// The error's message.
    fn text(&self) -> String;
}

#[cfg(not(target_arch = "wasm32"))]
impl<E: std::fmt::Display> ErrorText for E {
    fn text(&self) -> String {
        self.to_string()
    }
}

#[cfg(target_arch = "wasm32")]
impl ErrorText for std::io::Error {
    fn text(&self) -> String {
        "the SVG could not be written".to_string()
    }
}

/// A drawing error as text: the backend's own message (plotters' wrappers around it would
/// bring their `write!` formats into the wasm). A font error cannot happen: every backend here
/// draws text itself.
fn why<E: std::error::Error + Send + Sync + ErrorText>(e: DrawingAreaErrorKind<E>) -> String {
    match e {
        DrawingAreaErrorKind::BackendError(DrawingErrorKind::DrawingError(e)) => e.text(),
        DrawingAreaErrorKind::BackendError(DrawingErrorKind::FontError(_)) => "font error".to_string(),
        DrawingAreaErrorKind::SharingError => "the drawing area is in use".to_string(),
        DrawingAreaErrorKind::LayoutError => "bad layout".to_string(),
    }
}

/// Draws every mark of `scene` onto `backend`.
pub fn draw<DB: DrawingBackend>(scene: &Scene, backend: DB, opt: Options) -> Result<(), String>
where
    DB::ErrorType: ErrorText,
{
    let root = backend.into_drawing_area();
    let s = opt.scale;
    for mark in &scene.marks {
        let r = match &mark.shape {
            Shape::Rect(r) => {
                let (x0, y0, x1, y1) = (px(r.x, s), px(r.y, s), px(r.x + r.w, s), px(r.y + r.h, s));
                if x1 <= x0 || y1 <= y0 {
                    continue;
                }
                match mark.fill {
                    Some(c) => root.draw(&Rectangle::new([(x0, y0), (x1, y1)], rgb(c).filled())),
                    None => continue,
                }
            }
            Shape::Line { x1, y1, x2, y2 } => {
                let Some(c) = mark.stroke else { continue };
                let w = (mark.stroke_width * s).round().max(1.0) as u32;
                root.draw(&PathElement::new(
                    vec![(px(*x1, s), px(*y1, s)), (px(*x2, s), px(*y2, s))],
                    rgb(c).stroke_width(w),
                ))
            }
            Shape::Path { points, closed } => {
                let pts: Vec<(i32, i32)> = points.iter().map(|(x, y)| (px(*x, s), px(*y, s))).collect();
                if pts.len() < 2 {
                    continue;
                }
                if let (true, Some(c)) = (*closed, mark.fill) {
                    root.draw(&Polygon::new(pts.clone(), rgb(c).filled())).map_err(why)?;
                }
                match mark.stroke {
                    Some(c) => {
                        let w = (mark.stroke_width * s).round().max(1.0) as u32;
                        let mut line = pts;
                        if *closed {
                            line.push(line[0]);
                        }
                        root.draw(&PathElement::new(line, rgb(c).stroke_width(w)))
                    }
                    None => continue,
                }
            }
            Shape::Circle { x, y, r } => {
                let rr = (r * s).round().max(1.0) as i32;
                let center = (px(*x, s), px(*y, s));
                if let Some(c) = mark.fill {
                    root.draw(&Circle::new(center, rr, rgb(c).filled())).map_err(why)?;
                }
                match mark.stroke {
                    Some(c) => root.draw(&Circle::new(center, rr, rgb(c).stroke_width((mark.stroke_width * s).round().max(1.0) as u32))),
                    None => continue,
                }
            }
            Shape::Text { x, y, text, size, h, v, bold } => {
                let Some(c) = mark.fill else { continue };
                let style = if *bold { FontStyle::Bold } else { FontStyle::Normal };
                let font = FontDesc::new(FontFamily::Name(opt.font), size * s * opt.text_factor, style);
                let pos = Pos::new(
                    match h {
                        HAlign::Start => HPos::Left,
                        HAlign::Middle => HPos::Center,
                        HAlign::End => HPos::Right,
                    },
                    match v {
                        VAlign::Top => VPos::Top,
                        VAlign::Middle => VPos::Center,
                        VAlign::Bottom => VPos::Bottom,
                    },
                );
                let color = rgb(c);
                let ts = TextStyle::from(font).color(&color).pos(pos);
                root.draw(&Text::new(text.as_str(), (px(*x, s), px(*y, s)), ts))
            }
        };
        r.map_err(why)?;
    }
    root.present().map_err(why)
}
