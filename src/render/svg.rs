//! SVG output: the same scene drawn through a small SVG `DrawingBackend`, for
//! the command-line tool, print and no-script fallbacks, and snapshot tests.
//!
//! The elements and attributes are those of plotters' SVG backend, with two
//! differences that make an SVG viewer draw what the canvas draws: polylines
//! have round joins (plotters leaves the default miter, whose spikes on a dense
//! line reach up to twice the line's width past the data), and odd-width
//! strokes sit on pixel centres (as `web::canvas` places them), so a 1px grid
//! line is one crisp pixel, not two grey halves. Font sizes are written as
//! given (plotters divides them by 1.24).
//!
//! Feed text is escaped (`<`, `>`, `&`, quotes); characters that XML 1.0 does
//! not allow at all (most C0 controls, U+FFFE, U+FFFF) are left out, so the
//! document always parses.

use std::borrow::Cow;
use std::fmt::Write;

use plotters::style::text_anchor::{HPos, VPos};
use plotters_backend::{BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind, FontStyle};

use super::{draw, Options, FONT_STACK};
use crate::scene::{Scene, Shape};

/// The scene as an SVG document, `scale` backend pixels per CSS pixel. Text is `<text>` in the
/// widget's font stack ([`super::FONT_STACK`]), so the viewer's fonts draw it; the
/// document always parses, whatever the feed's words.
///
/// ```
/// let feed = include_str!("../../www/feeds/toilets.json");
/// let (_, scene) = newschart::scene_for(feed, None, 320.0, Some(200.0)).expect("a valid feed");
/// let svg = newschart::render::svg::to_svg(&scene, 2.0).expect("rendered");
/// assert!(svg.starts_with(r#"<svg width="640" height="400""#));
/// assert!(svg.contains("196万户") && svg.contains("5.4万户"));
/// ```
pub fn to_svg(scene: &Scene, scale: f64) -> Result<String, String> {
    to_svg_styled(scene, scale, "")
}

/// [`to_svg`] with CSS declarations `style` on the root element (the static first paint sets the
/// text spacing the element's stylesheet sets).
pub fn to_svg_styled(scene: &Scene, scale: f64, style: &str) -> Result<String, String> {
    let scene = xml_safe(scene);
    let w = (scene.width * scale).round().max(1.0) as u32;
    let h = (scene.height * scale).round().max(1.0) as u32;
    let mut writer = Writer { out: String::new(), size: (w, h) };
    let _ = write!(writer.out, "<svg width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" xmlns=\"http://www.w3.org/2000/svg\"");
    if !style.is_empty() {
        writer.out.push_str(" style=\"");
        escape(&mut writer.out, style);
        writer.out.push('"');
    }
    writer.out.push_str(">\n");
    draw(&scene, Borrowed(&mut writer), Options { scale, text_factor: 1.0, font: FONT_STACK })?;
    writer.out.push_str("</svg>\n");
    Ok(writer.out)
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

/// The SVG elements, written into `out`.
struct Writer {
    out: String,
    size: (u32, u32),
}

/// `render::draw` takes its backend by value; this lends it ours.
struct Borrowed<'a>(&'a mut Writer);

/// `#RRGGBB`, as plotters writes it.
fn color(c: BackendColor) -> String {
    format!("#{:02X}{:02X}{:02X}", c.rgb.0, c.rgb.1, c.rgb.2)
}

/// Odd-width strokes sit on pixel centres.
fn offset(width: u32) -> f64 {
    if width % 2 == 1 {
        0.5
    } else {
        0.0
    }
}

/// Text with `<`, `>`, `&` and quotes escaped.
fn escape(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
}

type Error = DrawingErrorKind<std::io::Error>;

impl DrawingBackend for Borrowed<'_> {
    type ErrorType = std::io::Error;

    fn get_size(&self) -> (u32, u32) {
        self.0.size
    }
    fn ensure_prepared(&mut self) -> Result<(), Error> {
        Ok(())
    }
    fn present(&mut self) -> Result<(), Error> {
        Ok(())
    }

    fn draw_pixel(&mut self, p: BackendCoord, c: BackendColor) -> Result<(), Error> {
        if c.alpha > 0.0 {
            let _ = writeln!(self.0.out, "<rect x=\"{}\" y=\"{}\" width=\"1\" height=\"1\" stroke=\"none\" opacity=\"{}\" fill=\"{}\"/>", p.0, p.1, c.alpha, color(c));
        }
        Ok(())
    }

    fn draw_line<S: BackendStyle>(&mut self, from: BackendCoord, to: BackendCoord, style: &S) -> Result<(), Error> {
        self.draw_path([from, to], style)
    }

    fn draw_rect<S: BackendStyle>(&mut self, ul: BackendCoord, br: BackendCoord, style: &S, fill: bool) -> Result<(), Error> {
        let c = style.color();
        if c.alpha == 0.0 {
            return Ok(());
        }
        let (w, h) = (br.0 - ul.0, br.1 - ul.1);
        let o = &mut self.0.out;
        if fill {
            let _ = writeln!(o, "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" opacity=\"{}\" fill=\"{}\" stroke=\"none\"/>", ul.0, ul.1, w, h, c.alpha, color(c));
        } else {
            let d = offset(style.stroke_width());
            let _ = writeln!(
                o,
                "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" opacity=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"{}\"/>",
                ul.0 as f64 + d,
                ul.1 as f64 + d,
                w,
                h,
                c.alpha,
                color(c),
                style.stroke_width()
            );
        }
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, path: I, style: &S) -> Result<(), Error> {
        let c = style.color();
        if c.alpha == 0.0 {
            return Ok(());
        }
        let d = offset(style.stroke_width());
        let o = &mut self.0.out;
        let _ = write!(
            o,
            "<polyline fill=\"none\" opacity=\"{}\" stroke=\"{}\" stroke-width=\"{}\" stroke-linejoin=\"round\" points=\"",
            c.alpha,
            color(c),
            style.stroke_width()
        );
        for (x, y) in path {
            let _ = write!(o, "{},{} ", x as f64 + d, y as f64 + d);
        }
        o.push_str("\"/>\n");
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(&mut self, center: BackendCoord, radius: u32, style: &S, fill: bool) -> Result<(), Error> {
        let c = style.color();
        if c.alpha == 0.0 {
            return Ok(());
        }
        let paint = if fill {
            format!("fill=\"{}\" stroke=\"none\"", color(c))
        } else {
            format!("fill=\"none\" stroke=\"{}\" stroke-width=\"{}\"", color(c), style.stroke_width())
        };
        let _ = writeln!(self.0.out, "<circle cx=\"{}\" cy=\"{}\" r=\"{}\" opacity=\"{}\" {}/>", center.0, center.1, radius, c.alpha, paint);
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, vert: I, style: &S) -> Result<(), Error> {
        let c = style.color();
        if c.alpha == 0.0 {
            return Ok(());
        }
        let o = &mut self.0.out;
        let _ = write!(o, "<polygon opacity=\"{}\" fill=\"{}\" points=\"", c.alpha, color(c));
        for (x, y) in vert {
            let _ = write!(o, "{},{} ", x, y);
        }
        o.push_str("\"/>\n");
        Ok(())
    }

    fn draw_text<S: BackendTextStyle>(&mut self, text: &str, style: &S, pos: BackendCoord) -> Result<(), Error> {
        let c = style.color();
        if c.alpha == 0.0 {
            return Ok(());
        }
        let anchor = match style.anchor().h_pos {
            HPos::Left => "start",
            HPos::Right => "end",
            HPos::Center => "middle",
        };
        let dy = match style.anchor().v_pos {
            VPos::Top => "0.76em",
            VPos::Center => "0.5ex",
            VPos::Bottom => "-0.5ex",
        };
        let o = &mut self.0.out;
        let _ = write!(o, "<text x=\"{}\" y=\"{}\" dy=\"{}\" text-anchor=\"{}\" font-family=\"", pos.0, pos.1, dy, anchor);
        escape(o, style.family().as_str());
        let _ = write!(o, "\" font-size=\"{}\" opacity=\"{}\" fill=\"{}\"", style.size(), c.alpha, color(c));
        if matches!(style.style(), FontStyle::Bold) {
            o.push_str(" font-weight=\"bold\"");
        }
        o.push_str(">\n");
        escape(o, text);
        o.push_str("\n</text>\n");
        Ok(())
    }

    fn estimate_text_size<S: BackendTextStyle>(&self, text: &str, style: &S) -> Result<(u32, u32), Error> {
        use crate::text::TextMeasure;
        let w = crate::text::EstimateMeasure.width(text, style.size());
        Ok((w.ceil() as u32, style.size().ceil() as u32))
    }

    fn blit_bitmap(&mut self, _: BackendCoord, _: (u32, u32), _: &[u8]) -> Result<(), Error> {
        Ok(())
    }
}
