//! What a drawn chart must keep, checked on each of its three forms: the
//! scene (every data mark inside the plot, no two text labels overlapping),
//! the SVG of `newschart render` and the PNG's pixels (nothing in a series'
//! colour outside the plot rectangle, except that series' own legend or end
//! label). Each check returns the violations it found as sentences, so a test
//! can report every chart's problems at once.
#![allow(dead_code)]

use newschart::geom::Rect;
use newschart::scene::{Role, Scene, Shape};
use newschart::text::EstimateMeasure;
use newschart::theme::Color;

/// The roles of marks that draw data: they must stay inside the plot.
pub fn is_data(role: Role) -> bool {
    matches!(role, Role::Bar | Role::Line | Role::Area | Role::Point | Role::Pattern)
}

fn grow(r: Rect, by: f64) -> Rect {
    Rect { x: r.x - by, y: r.y - by, w: r.w + 2.0 * by, h: r.h + 2.0 * by }
}

fn inside(r: &Rect, x: f64, y: f64) -> bool {
    x >= r.x && x <= r.x + r.w && y >= r.y && y <= r.y + r.h
}


/// The bounding box of any mark (text by the native measurer).
pub fn mark_box(shape: &Shape) -> Rect {
    match shape {
        Shape::Rect(r) => *r,
        Shape::Line { x1, y1, x2, y2 } => Rect { x: x1.min(*x2), y: y1.min(*y2), w: (x1 - x2).abs(), h: (y1 - y2).abs() },
        Shape::Path { points, .. } => {
            let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
            for (x, y) in points {
                x0 = x0.min(*x);
                y0 = y0.min(*y);
                x1 = x1.max(*x);
                y1 = y1.max(*y);
            }
            if points.is_empty() {
                return Rect { x: 0.0, y: 0.0, w: 0.0, h: 0.0 };
            }
            Rect { x: x0, y: y0, w: x1 - x0, h: y1 - y0 }
        }
        Shape::Circle { x, y, r } => Rect { x: x - r, y: y - r, w: 2.0 * r, h: 2.0 * r },
        Shape::Text { .. } => shape.text_box(&EstimateMeasure).unwrap_or(Rect { x: 0.0, y: 0.0, w: 0.0, h: 0.0 }),
    }
}

/// Scene checks: every data mark and every datum's box inside the plot
/// (so inside the value axis's range), and no two text labels overlapping.
pub fn scene_violations(s: &Scene) -> Vec<String> {
    let mut out = Vec::new();
    let plot = s.plot;
    for (i, mark) in s.marks.iter().enumerate() {
        if !is_data(mark.role) {
            continue;
        }
        let tol = mark.stroke_width / 2.0 + 0.5;
        let area = grow(plot, tol);
        let bad = match &mark.shape {
            Shape::Rect(r) => !(inside(&area, r.x, r.y) && inside(&area, r.x + r.w, r.y + r.h)),
            Shape::Line { x1, y1, x2, y2 } => !(inside(&area, *x1, *y1) && inside(&area, *x2, *y2)),
            Shape::Path { points, .. } => points.iter().any(|(x, y)| !inside(&area, *x, *y)),
            Shape::Circle { x, y, .. } => !inside(&area, *x, *y),
            Shape::Text { .. } => false,
        };
        if bad {
            let b = mark_box(&mark.shape);
            out.push(format!(
                "scene: {:?} mark {} spans ({:.1},{:.1})–({:.1},{:.1}), outside the plot ({:.1},{:.1})–({:.1},{:.1})",
                mark.role, i, b.x, b.y, b.x + b.w, b.y + b.h, plot.x, plot.y, plot.x + plot.w, plot.y + plot.h
            ));
        }
    }
    let area = grow(plot, 0.5);
    for d in &s.data {
        if d.wedge.is_some() {
            continue;
        }
        // a bar's whole rectangle; a point's centre (its box is a hit target around it)
        let b = d.bar;
        let on_line = s.marks.iter().any(|m| m.role == Role::Line);
        let ok = if on_line { inside(&area, b.x + b.w / 2.0, b.y + b.h / 2.0) } else { inside(&area, b.x, b.y) && inside(&area, b.x + b.w, b.y + b.h) };
        if !ok {
            out.push(format!(
                "scene: datum {} / {} = {} drawn at ({:.1},{:.1})–({:.1},{:.1}), outside the plot",
                d.series_name, d.category, d.value, b.x, b.y, b.x + b.w, b.y + b.h
            ));
        }
    }
    let texts: Vec<(Role, String, Rect)> = s
        .marks
        .iter()
        .filter_map(|m| match &m.shape {
            Shape::Text { text, .. } if !text.trim().is_empty() => m.text_box(&EstimateMeasure).map(|b| (m.role, text.clone(), b)),
            _ => None,
        })
        .collect();
    let mut overlaps = 0;
    for i in 0..texts.len() {
        for j in i + 1..texts.len() {
            let (a, b) = (texts[i].2, texts[j].2);
            if a.x < b.x + b.w - 0.5 && b.x < a.x + a.w - 0.5 && a.y < b.y + b.h - 0.5 && b.y < a.y + a.h - 0.5 {
                overlaps += 1;
                if overlaps <= 5 {
                    out.push(format!("scene: {:?} label {:?} overlaps {:?} label {:?}", texts[i].0, texts[i].1, texts[j].0, texts[j].1));
                }
            }
        }
    }
    if overlaps > 5 {
        out.push(format!("scene: {} overlapping label pairs in all", overlaps));
    }
    out
}

/// The colours series are drawn in, and the boxes (CSS px) where each may also
/// appear outside the plot: the series' own non-data marks (legend swatch, end
/// label and its leader line), generously grown for the rasterizer's glyphs.
pub struct SeriesInk {
    pub colors: Vec<Color>,
    pub allowed: Vec<(Color, Rect)>,
}

pub fn series_ink(s: &Scene) -> SeriesInk {
    // colours the chart's furniture also uses (grid, axis, track) cannot
    // tell a series' ink apart: left out
    let furniture: Vec<Color> = s
        .marks
        .iter()
        .filter(|m| matches!(m.role, Role::Grid | Role::Baseline | Role::Tick | Role::Category | Role::Track | Role::Target | Role::TargetLabel | Role::Annotation))
        .flat_map(|m| [m.stroke, m.fill])
        .flatten()
        .collect();
    let mut colors: Vec<Color> = Vec::new();
    for m in s.marks.iter().filter(|m| is_data(m.role) && m.role != Role::Area && m.role != Role::Pattern) {
        for c in [m.stroke, m.fill].into_iter().flatten() {
            // a neutral grey (a highlight's background series) is also what
            // anti-aliased dark text on white passes through: not telling
            let neutral = c.r == c.g && c.g == c.b;
            if !colors.contains(&c) && !furniture.contains(&c) && !neutral {
                colors.push(c);
            }
        }
    }
    let mut allowed = Vec::new();
    for m in s.marks.iter().filter(|m| !is_data(m.role)) {
        for c in [m.stroke, m.fill].into_iter().flatten() {
            if colors.contains(&c) {
                let grow_by = match &m.shape {
                    Shape::Text { size, .. } => *size,
                    _ => m.stroke_width + 2.0,
                };
                allowed.push((c, grow(mark_box(&m.shape), grow_by)));
            }
        }
    }
    SeriesInk { colors, allowed }
}

fn allowed_at(ink: &SeriesInk, c: Color, x: f64, y: f64) -> bool {
    ink.allowed.iter().any(|(ac, r)| *ac == c && inside(r, x, y))
}

fn parse_color(v: &str) -> Option<Color> {
    let v = v.trim();
    let h = v.strip_prefix('#')?;
    if h.len() != 6 {
        return None;
    }
    let p = |i: usize| u8::from_str_radix(&h[i..i + 2], 16).ok();
    Some(Color { r: p(0)?, g: p(2)?, b: p(4)? })
}

/// Where the scene sits in a rendered image: the offset (image px) of the
/// scene's origin, found from its first grid line; (0, 0) without one.
fn grid_anchor(s: &Scene) -> Option<(Color, f64, f64, f64)> {
    s.marks.iter().find_map(|m| match (&m.shape, m.role, m.stroke) {
        (Shape::Line { x1, y1, x2, y2 }, Role::Grid, Some(c)) if (y1 - y2).abs() < 0.01 => Some((c, x1.min(*x2), x1.max(*x2), *y1)),
        _ => None,
    })
}

/// SVG checks: every shape in a series' colour lies inside the plot (or in
/// that series' own label or legend box). `scale` is image px per CSS px.
pub fn svg_violations(svg: &str, s: &Scene, scale: f64) -> Vec<String> {
    let doc = match roxmltree::Document::parse(svg) {
        Ok(d) => d,
        Err(e) => return vec![format!("svg: not well-formed XML: {}", e)],
    };
    let ink = series_ink(s);
    // the scene's origin in the SVG: from the first grid line, when the SVG
    // draws more than the scene (title, legend, notes around it)
    let (mut dx, mut dy) = (0.0, 0.0);
    if let Some((c, gx0, _, gy)) = grid_anchor(s) {
        for n in doc.descendants().filter(|n| n.has_tag_name("polyline") || n.has_tag_name("line")) {
            if n.attribute("stroke").and_then(parse_color) != Some(c) {
                continue;
            }
            let pts = svg_points(&n);
            if pts.len() == 2 && (pts[0].1 - pts[1].1).abs() < 0.01 {
                dx = pts[0].0.min(pts[1].0) - gx0 * scale;
                dy = pts[0].1 - gy * scale;
                break;
            }
        }
    }
    let mut out = Vec::new();
    let mut bad = 0usize;
    for n in doc.descendants().filter(|n| n.is_element() && !n.has_tag_name("text")) {
        let color = [n.attribute("stroke"), n.attribute("fill")].into_iter().flatten().filter_map(parse_color).find(|c| ink.colors.contains(c));
        let Some(c) = color else { continue };
        let sw = n.attribute("stroke-width").and_then(|v| v.parse::<f64>().ok()).unwrap_or(1.0);
        let area = grow(Rect { x: s.plot.x * scale + dx, y: s.plot.y * scale + dy, w: s.plot.w * scale, h: s.plot.h * scale }, sw / 2.0 + scale);
        for (x, y) in svg_points(&n) {
            if inside(&area, x, y) || allowed_at(&ink, c, (x - dx) / scale, (y - dy) / scale) {
                continue;
            }
            bad += 1;
            if bad <= 5 {
                out.push(format!(
                    "svg: <{}> in series colour {} at ({:.1},{:.1}), outside the plot ({:.1},{:.1})–({:.1},{:.1})",
                    n.tag_name().name(), c.hex(), x, y, area.x, area.y, area.x + area.w, area.y + area.h
                ));
            }
        }
    }
    if bad > 5 {
        out.push(format!("svg: {} points in a series colour outside the plot in all", bad));
    }
    out
}

/// The coordinates an SVG shape touches.
fn svg_points(n: &roxmltree::Node) -> Vec<(f64, f64)> {
    let f = |a: &str| n.attribute(a).and_then(|v| v.trim().parse::<f64>().ok());
    match n.tag_name().name() {
        "polyline" | "polygon" => n
            .attribute("points")
            .unwrap_or("")
            .split_whitespace()
            .filter_map(|p| {
                let (x, y) = p.split_once(',')?;
                Some((x.parse().ok()?, y.parse().ok()?))
            })
            .collect(),
        "line" => match (f("x1"), f("y1"), f("x2"), f("y2")) {
            (Some(a), Some(b), Some(c), Some(d)) => vec![(a, b), (c, d)],
            _ => vec![],
        },
        "rect" => match (f("x"), f("y"), f("width"), f("height")) {
            (Some(x), Some(y), Some(w), Some(h)) => vec![(x, y), (x + w, y + h)],
            _ => vec![],
        },
        "circle" => match (f("cx"), f("cy")) {
            (Some(x), Some(y)) => vec![(x, y)],
            _ => vec![],
        },
        "path" => {
            // absolute commands only (what plotters writes): numbers in pairs
            let d = n.attribute("d").unwrap_or("");
            let nums: Vec<f64> = d
                .split(|c: char| c.is_ascii_alphabetic() || c == ',' || c.is_whitespace())
                .filter_map(|t| t.parse().ok())
                .collect();
            nums.chunks(2).filter(|c| c.len() == 2).map(|c| (c[0], c[1])).collect()
        }
        _ => vec![],
    }
}

/// PNG checks: no pixel of a series' exact colour outside the plot rectangle
/// (grown by the widest stroke), except in that series' own label or legend
/// box. `scale` is image px per CSS px.
pub fn png_violations(png_bytes: &[u8], s: &Scene, scale: f64) -> Vec<String> {
    let decoder = png::Decoder::new(png_bytes);
    let mut reader = match decoder.read_info() {
        Ok(r) => r,
        Err(e) => return vec![format!("png: cannot decode: {}", e)],
    };
    let mut buf = vec![0; reader.output_buffer_size()];
    let info = match reader.next_frame(&mut buf) {
        Ok(i) => i,
        Err(e) => return vec![format!("png: cannot decode: {}", e)],
    };
    let (w, h) = (info.width as usize, info.height as usize);
    let channels = match info.color_type {
        png::ColorType::Rgb => 3,
        png::ColorType::Rgba => 4,
        other => return vec![format!("png: unexpected colour type {:?}", other)],
    };
    if info.bit_depth != png::BitDepth::Eight {
        return vec![format!("png: unexpected bit depth {:?}", info.bit_depth)];
    }
    let px = |x: usize, y: usize| {
        let i = (y * w + x) * channels;
        Color { r: buf[i], g: buf[i + 1], b: buf[i + 2] }
    };
    let ink = series_ink(s);
    if ink.colors.is_empty() {
        return vec![];
    }
    // the scene's origin in the image: (0, 0) when the image is the scene;
    // otherwise where its first grid line is found
    let (sw, sh) = ((s.width * scale).round() as usize, (s.height * scale).round() as usize);
    let (mut ox, mut oy) = (0usize, 0usize);
    if (w, h) != (sw, sh) {
        let Some((c, gx0, gx1, gy)) = grid_anchor(s) else {
            return vec![format!("png: the image is {}x{}, the scene {}x{}, and the scene has no grid line to find it by", w, h, sw, sh)];
        };
        let (gx0, gx1, gy) = ((gx0 * scale).round() as usize, (gx1 * scale).round() as usize, (gy * scale).round() as usize);
        let samples: Vec<usize> = (0..16).map(|k| gx0 + (gx1 - gx0) * k / 15).collect();
        let mut found = None;
        'search: for oy_ in 0..=h.saturating_sub(sh) {
            for ox_ in 0..=w.saturating_sub(sw) {
                let hits = samples
                    .iter()
                    .filter(|&&sx| {
                        let (x, y) = (sx + ox_, gy + oy_);
                        x < w && ((y.saturating_sub(1))..=(y + 1).min(h - 1)).any(|yy| px(x, yy) == c)
                    })
                    .count();
                if hits >= 12 {
                    found = Some((ox_, oy_));
                    break 'search;
                }
            }
        }
        match found {
            Some(o) => (ox, oy) = o,
            None => return vec![format!("png: the image is {}x{}, the scene {}x{}, and its first grid line was not found in it", w, h, sw, sh)],
        }
    }
    // a stroke's half width, or a point marker's radius, may pass the edge
    let reach = s
        .marks
        .iter()
        .filter(|m| is_data(m.role))
        .map(|m| match m.shape {
            Shape::Circle { r, .. } => r + m.stroke_width / 2.0,
            _ => m.stroke_width / 2.0,
        })
        .fold(0.5, f64::max);
    let area = grow(s.plot, reach + 1.0);
    let mut out = Vec::new();
    let mut bad = 0usize;
    for y in 0..h {
        for x in 0..w {
            let c = px(x, y);
            if !ink.colors.contains(&c) {
                continue;
            }
            // the pixel's centre in scene (CSS px) coordinates
            let (cx, cy) = ((x as f64 + 0.5 - ox as f64) / scale, (y as f64 + 0.5 - oy as f64) / scale);
            if cx < 0.0 || cy < 0.0 || cx > s.width || cy > s.height {
                // outside the scene: the composition around it (legend swatches)
                continue;
            }
            if inside(&area, cx, cy) || allowed_at(&ink, c, cx, cy) {
                continue;
            }
            bad += 1;
            if bad <= 5 {
                out.push(format!(
                    "png: pixel ({}, {}) in series colour {} lies at ({:.1}, {:.1}) CSS px, outside the plot ({:.1},{:.1})–({:.1},{:.1})",
                    x, y, c.hex(), cx, cy, s.plot.x, s.plot.y, s.plot.x + s.plot.w, s.plot.y + s.plot.h
                ));
            }
        }
    }
    if bad > 5 {
        out.push(format!("png: {} pixels in a series colour outside the plot in all", bad));
    }
    out
}
