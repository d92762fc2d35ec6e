//! A plotters `DrawingBackend` for a 2D canvas that is sized in device pixels,
//! so charts are crisp at any devicePixelRatio (plotters-canvas ignores it),
//! and that draws text with `fillText` without measuring through the DOM.

use plotters_backend::{BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind};
use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::FontStyle;
use web_sys::CanvasRenderingContext2d;

/// A drawing error; the canvas API itself does not fail, so this is rare.
#[derive(Debug)]
pub struct CanvasError(pub String);

impl std::fmt::Display for CanvasError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for CanvasError {}

impl crate::render::ErrorText for CanvasError {
    fn text(&self) -> String {
        self.0.clone()
    }
}

/// Draws onto a canvas context whose backing store is `w` × `h` device pixels.
pub struct CanvasBackend<'a> {
    ctx: &'a CanvasRenderingContext2d,
    w: u32,
    h: u32,
    /// The fill colour last set (modules with large data: a dense line's bars, hundreds of them,
    /// set it once, not once each; docs/SIZE.md).
    #[cfg(any(feature = "large", debug_assertions))]
    fill: Option<((u8, u8, u8), f64)>,
}

impl<'a> CanvasBackend<'a> {
    /// A backend for `ctx`, `w` × `h` device pixels.
    pub fn new(ctx: &'a CanvasRenderingContext2d, w: u32, h: u32) -> CanvasBackend<'a> {
        CanvasBackend {
            ctx,
            w,
            h,
            #[cfg(any(feature = "large", debug_assertions))]
            fill: None,
        }
    }
}

/// `rgba(r,g,b,a)` for the canvas API.
pub fn css_color(c: BackendColor) -> String {
    let (r, g, b) = c.rgb;
    let mut s = String::from("rgba(");
    for v in [r, g, b] {
        s.push_str(&crate::format::decimal::fixed(v as f64, 0, false, false));
        s.push(',');
    }
    s.push_str(&crate::format::decimal::exact(c.alpha, 6, false));
    s.push(')');
    s
}

/// A CSS font: `bold 24px system-ui, …` (sizes to 3 decimals, without `core::fmt`'s float code).
pub fn font(weight: &str, size: f64, family: &str) -> String {
    let mut s = String::from(weight);
    s.push_str(&crate::format::decimal::exact(size, 3, false));
    s.push_str("px ");
    s.push_str(family);
    s
}

/// Odd-width lines sit on pixel centres, so a 1px line covers one pixel row, not two halves.
fn offset(width: u32) -> f64 {
    if width % 2 == 1 {
        0.5
    } else {
        0.0
    }
}

impl CanvasBackend<'_> {
    fn set_fill(&mut self, c: BackendColor) {
        #[cfg(any(feature = "large", debug_assertions))]
        {
            if self.fill == Some((c.rgb, c.alpha)) {
                return;
            }
            self.fill = Some((c.rgb, c.alpha));
        }
        self.ctx.set_fill_style_str(&css_color(c));
    }
}

impl DrawingBackend for CanvasBackend<'_> {
    type ErrorType = CanvasError;

    fn get_size(&self) -> (u32, u32) {
        (self.w, self.h)
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<CanvasError>> {
        Ok(())
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<CanvasError>> {
        Ok(())
    }

    fn draw_pixel(&mut self, p: BackendCoord, color: BackendColor) -> Result<(), DrawingErrorKind<CanvasError>> {
        self.set_fill(color);
        self.ctx.fill_rect(p.0 as f64, p.1 as f64, 1.0, 1.0);
        Ok(())
    }

    fn draw_line<S: BackendStyle>(&mut self, from: BackendCoord, to: BackendCoord, style: &S) -> Result<(), DrawingErrorKind<CanvasError>> {
        self.draw_path([from, to], style)
    }

    fn draw_rect<S: BackendStyle>(&mut self, ul: BackendCoord, br: BackendCoord, style: &S, fill: bool) -> Result<(), DrawingErrorKind<CanvasError>> {
        let (x, y, w, h) = (ul.0 as f64, ul.1 as f64, (br.0 - ul.0) as f64, (br.1 - ul.1) as f64);
        if fill {
            self.set_fill(style.color());
            self.ctx.fill_rect(x, y, w, h);
        } else {
            let o = offset(style.stroke_width());
            self.ctx.set_stroke_style_str(&css_color(style.color()));
            self.ctx.set_line_width(style.stroke_width() as f64);
            self.ctx.stroke_rect(x + o, y + o, w, h);
        }
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, path: I, style: &S) -> Result<(), DrawingErrorKind<CanvasError>> {
        let o = offset(style.stroke_width());
        self.ctx.begin_path();
        for (i, (x, y)) in path.into_iter().enumerate() {
            if i == 0 {
                self.ctx.move_to(x as f64 + o, y as f64 + o);
            } else {
                self.ctx.line_to(x as f64 + o, y as f64 + o);
            }
        }
        self.ctx.set_stroke_style_str(&css_color(style.color()));
        self.ctx.set_line_width(style.stroke_width() as f64);
        // round joins: the default miter (limit 10) puts a dense line's spikes up to five line
        // widths past the data, above the largest value and below the smallest
        self.ctx.set_line_join("round");
        self.ctx.stroke();
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(&mut self, c: BackendCoord, r: u32, style: &S, fill: bool) -> Result<(), DrawingErrorKind<CanvasError>> {
        self.ctx.begin_path();
        let _ = self.ctx.arc(c.0 as f64, c.1 as f64, r as f64, 0.0, std::f64::consts::TAU);
        if fill {
            self.set_fill(style.color());
            self.ctx.fill();
        } else {
            self.ctx.set_stroke_style_str(&css_color(style.color()));
            self.ctx.set_line_width(style.stroke_width() as f64);
            self.ctx.stroke();
        }
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, vert: I, style: &S) -> Result<(), DrawingErrorKind<CanvasError>> {
        self.ctx.begin_path();
        for (i, (x, y)) in vert.into_iter().enumerate() {
            if i == 0 {
                self.ctx.move_to(x as f64, y as f64);
            } else {
                self.ctx.line_to(x as f64, y as f64);
            }
        }
        self.ctx.close_path();
        self.set_fill(style.color());
        self.ctx.fill();
        Ok(())
    }

    fn draw_text<T: BackendTextStyle>(&mut self, text: &str, style: &T, pos: BackendCoord) -> Result<(), DrawingErrorKind<CanvasError>> {
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        let weight = if matches!(style.style(), FontStyle::Bold) { "bold " } else { "" };
        self.ctx.set_font(&font(weight, style.size(), style.family().as_str()));
        let a = style.anchor();
        self.ctx.set_text_align(match a.h_pos {
            HPos::Left => "left",
            HPos::Center => "center",
            HPos::Right => "right",
        });
        self.ctx.set_text_baseline(match a.v_pos {
            VPos::Top => "top",
            VPos::Center => "middle",
            VPos::Bottom => "bottom",
        });
        self.set_fill(color);
        let _ = self.ctx.fill_text(text, pos.0 as f64, pos.1 as f64);
        Ok(())
    }

    fn estimate_text_size<T: BackendTextStyle>(&self, text: &str, style: &T) -> Result<(u32, u32), DrawingErrorKind<CanvasError>> {
        self.ctx.set_font(&font("", style.size(), style.family().as_str()));
        let w = self.ctx.measure_text(text).map(|m| m.width()).unwrap_or(0.0);
        Ok((w.ceil() as u32, style.size().ceil() as u32))
    }
}
