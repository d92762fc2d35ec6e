//! Reading images back in tests: PNG decoding and colour matching. Included by
//! path (`#[path = "../common/pixels.rs"] mod pixels;`) by the targets that need it.
#![allow(dead_code)]

use newschart::theme::Color;

/// A decoded RGB image.
pub struct Png {
    pub width: u32,
    pub height: u32,
    /// RGB, row by row.
    pub rgb: Vec<u8>,
}

impl Png {
    pub fn pixel(&self, x: u32, y: u32) -> (u8, u8, u8) {
        let i = (y as usize * self.width as usize + x as usize) * 3;
        (self.rgb[i], self.rgb[i + 1], self.rgb[i + 2])
    }
}

/// Decodes an 8-bit RGB or RGBA PNG (alpha dropped: our images are opaque).
pub fn decode_png(bytes: &[u8]) -> Png {
    let dec = png::Decoder::new(bytes);
    let mut reader = dec.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size()];
    let info = reader.next_frame(&mut buf).unwrap();
    let channels = match info.color_type {
        png::ColorType::Rgb => 3,
        png::ColorType::Rgba => 4,
        other => panic!("unexpected PNG colour type {:?}", other),
    };
    let rgb = buf[..info.buffer_size()].chunks(channels).flat_map(|p| [p[0], p[1], p[2]]).collect();
    Png { width: info.width, height: info.height, rgb }
}

/// True when a pixel is within `tol` of `c` in every channel.
pub fn near((r, g, b): (u8, u8, u8), c: Color, tol: u8) -> bool {
    r.abs_diff(c.r) <= tol && g.abs_diff(c.g) <= tol && b.abs_diff(c.b) <= tol
}

/// The SVG drawn by resvg, without its text (no font database: text is compared elsewhere).
pub fn rasterize(svg: &str) -> Png {
    let tree = resvg::usvg::Tree::from_str(svg, &resvg::usvg::Options::default()).unwrap();
    let size = tree.size().to_int_size();
    let mut pixmap = resvg::tiny_skia::Pixmap::new(size.width(), size.height()).unwrap();
    pixmap.fill(resvg::tiny_skia::Color::WHITE);
    resvg::render(&tree, resvg::tiny_skia::Transform::identity(), &mut pixmap.as_mut());
    let rgb = pixmap.pixels().iter().flat_map(|p| {
        let c = p.demultiply();
        [c.red(), c.green(), c.blue()]
    });
    Png { width: size.width(), height: size.height(), rgb: rgb.collect() }
}
