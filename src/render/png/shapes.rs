//! Lines, dots and polygons for PNG output, rasterized by tiny-skia as the
//! browser's canvas and an SVG viewer draw them: strokes with round joins, and
//! anti-aliased edges everywhere.
//!
//! plotters' bitmap backend turns a polyline wider than one pixel into a single
//! polygon (`plotters_backend::rasterizer::polygonize`): each join becomes the
//! intersection of the two neighbouring edges' offsets, with no limit on the
//! inner side of a bend. On a dense daily line, where one day's spike makes a
//! bend of a degree or two, that intersection lies tens or hundreds of pixels
//! away, and the polygon (self-intersecting, filled by parity) paints long
//! needles below zero and above the top of the plot. A round join never
//! reaches further than half the line's width from the data.

use plotters_backend::{BackendColor, BackendCoord};
use tiny_skia::{FillRule, LineCap, LineJoin, Mask, Path, PathBuilder, Stroke, Transform};

/// One pixel the stroke covers, with its coverage (0–1].
pub type Covered = ((i32, i32), f64);

/// The pixels of `path` stroked `width` pixels wide, each with its coverage, clipped
/// to a `size` image. Odd widths are centred on pixel centres (as on the canvas), so
/// a 1-pixel horizontal line covers one row.
pub fn stroke(path: &[BackendCoord], width: u32, size: (u32, u32)) -> Vec<Covered> {
    if path.len() < 2 || width == 0 {
        return Vec::new();
    }
    let o = if width % 2 == 1 { 0.5 } else { 0.0 };
    let mut pb = PathBuilder::new();
    pb.move_to(path[0].0 as f32 + o, path[0].1 as f32 + o);
    for p in &path[1..] {
        pb.line_to(p.0 as f32 + o, p.1 as f32 + o);
    }
    outline(pb.finish(), width, size)
}

/// The pixels of a circle: filled, or its outline stroked `width` pixels wide.
pub fn circle(center: BackendCoord, radius: u32, fill: bool, width: u32, size: (u32, u32)) -> Vec<Covered> {
    let path = PathBuilder::from_circle(center.0 as f32, center.1 as f32, radius as f32);
    if fill {
        cover(path.as_ref(), size)
    } else {
        outline(path, width.max(1), size)
    }
}

/// The pixels of a filled polygon (non-zero winding, as the canvas fills).
pub fn polygon(vertices: &[BackendCoord], size: (u32, u32)) -> Vec<Covered> {
    if vertices.len() < 3 {
        return Vec::new();
    }
    let mut pb = PathBuilder::new();
    pb.move_to(vertices[0].0 as f32, vertices[0].1 as f32);
    for p in &vertices[1..] {
        pb.line_to(p.0 as f32, p.1 as f32);
    }
    pb.close();
    cover(pb.finish().as_ref(), size)
}

/// The pixels of `path`'s stroke, `width` wide, round joins, butt ends.
fn outline(path: Option<Path>, width: u32, size: (u32, u32)) -> Vec<Covered> {
    let style = Stroke { width: width as f32, line_cap: LineCap::Butt, line_join: LineJoin::Round, ..Stroke::default() };
    cover(path.and_then(|p| p.stroke(&style, 1.0)).as_ref(), size)
}

/// The pixels inside `path`, each with its coverage, clipped to a `size` image.
fn cover(path: Option<&Path>, size: (u32, u32)) -> Vec<Covered> {
    let mut out = Vec::new();
    let Some(path) = path else { return out };
    // a mask over the shape's bounds only, clipped to the image
    let b = path.bounds();
    let x0 = (b.left().floor() as i64).max(0);
    let y0 = (b.top().floor() as i64).max(0);
    let x1 = (b.right().ceil() as i64).min(size.0 as i64);
    let y1 = (b.bottom().ceil() as i64).min(size.1 as i64);
    if x1 <= x0 || y1 <= y0 {
        return out;
    }
    let (w, h) = ((x1 - x0) as u32, (y1 - y0) as u32);
    let Some(mut mask) = Mask::new(w, h) else { return out };
    mask.fill_path(path, FillRule::Winding, true, Transform::from_translate(-x0 as f32, -y0 as f32));
    for (i, &c) in mask.data().iter().enumerate() {
        if c > 0 {
            let (x, y) = ((i as u32 % w) as i64 + x0, (i as u32 / w) as i64 + y0);
            out.push(((x as i32, y as i32), c as f64 / 255.0));
        }
    }
    out
}

/// `color` with its alpha scaled by a pixel's coverage.
pub fn covered(color: BackendColor, coverage: f64) -> BackendColor {
    BackendColor { alpha: color.alpha * coverage, rgb: color.rgb }
}
