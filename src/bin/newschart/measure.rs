//! Text measured with the fonts a browser on this machine draws a chart in, for `render --static`:
//! the face fontconfig gives `system-ui` (the first family of the widget's font stack), then the
//! CJK face PNG text uses, each character in the first of them that has it, as a browser falls
//! back. The static image is then laid out with the widths the live chart measures on its canvas
//! (its axis room, its wrapped words), so the two draw in the same place. Where neither face is
//! found, or a character is in neither, the estimate the other commands use.

use std::path::PathBuf;
use std::process::Command;

use ab_glyph::{Font, FontVec};
use newschart::text::{EstimateMeasure, TextMeasure};

/// The faces, first choice first.
pub struct SystemMeasure {
    faces: Vec<FontVec>,
}

/// Where `fc-match` says `family` is.
fn fc_match(family: &str) -> Option<PathBuf> {
    let out = Command::new("fc-match").args(["-f", "%{file}", family]).output().ok()?;
    let path = PathBuf::from(String::from_utf8(out.stdout).ok()?);
    path.is_file().then_some(path)
}

impl SystemMeasure {
    /// The faces this machine has (possibly none: then every width is the estimate).
    pub fn find() -> SystemMeasure {
        let mut faces = Vec::new();
        if let Some(face) = fc_match("system-ui").and_then(|p| newschart::render::png::font::load_face(&p).ok()) {
            faces.push(face.font);
        }
        if let Ok(fonts) = newschart::render::png::font::load(None) {
            faces.push(fonts.regular.font);
        }
        SystemMeasure { faces }
    }

    /// How many faces were found.
    pub fn faces(&self) -> usize {
        self.faces.len()
    }
}

impl TextMeasure for SystemMeasure {
    fn width(&self, text: &str, size: f64) -> f64 {
        let mut w = 0.0;
        let mut buf = [0u8; 4];
        for c in text.chars() {
            let face = self.faces.iter().find(|f| f.glyph_id(c).0 != 0);
            w += match face {
                // em units, not ab_glyph's PxScale (which sets ascent - descent, not the em, to the size)
                Some(f) => f64::from(f.h_advance_unscaled(f.glyph_id(c)) / f.units_per_em().unwrap_or(1000.0)) * size,
                None => EstimateMeasure.width(c.encode_utf8(&mut buf), size),
            };
        }
        w
    }
}
