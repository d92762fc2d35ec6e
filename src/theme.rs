//! Colours: the default palette and the theme the host page may override.

/// An sRGB colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Color {
    /// Red.
    pub r: u8,
    /// Green.
    pub g: u8,
    /// Blue.
    pub b: u8,
}

impl Color {
    /// A colour from its components.
    pub const fn rgb(r: u8, g: u8, b: u8) -> Color {
        Color { r, g, b }
    }

    /// This colour moved towards `other` by `t` (0 = self, 1 = other).
    pub fn mix(self, other: Color, t: f64) -> Color {
        let f = |a: u8, b: u8| (a as f64 + (b as f64 - a as f64) * t).round().clamp(0.0, 255.0) as u8;
        Color::rgb(f(self.r, other.r), f(self.g, other.g), f(self.b, other.b))
    }

    /// Relative luminance (WCAG 2).
    pub fn luminance(self) -> f64 {
        let c = |v: u8| {
            let s = v as f64 / 255.0;
            if s <= 0.03928 {
                s / 12.92
            } else {
                crate::platform::pow((s + 0.055) / 1.055, 2.4)
            }
        };
        0.2126 * c(self.r) + 0.7152 * c(self.g) + 0.0722 * c(self.b)
    }

    /// WCAG contrast ratio between two colours (1 to 21).
    pub fn contrast(self, other: Color) -> f64 {
        let (a, b) = (self.luminance(), other.luminance());
        (a.max(b) + 0.05) / (a.min(b) + 0.05)
    }

    /// The colour that reads best on this fill: the theme's text colour, white
    /// or near-black (light fills in a dark theme need dark text).
    pub fn text_on(self, theme: &Theme) -> Color {
        let mut best = theme.text;
        for c in [Color::rgb(255, 255, 255), Color::rgb(0x11, 0x11, 0x11)] {
            if self.contrast(c) > self.contrast(best) {
                best = c;
            }
        }
        best
    }

    /// `#rrggbb`.
    pub fn hex(self) -> String {
        const H: &[u8; 16] = b"0123456789abcdef";
        let mut s = String::with_capacity(7);
        s.push('#');
        for v in [self.r, self.g, self.b] {
            s.push(H[(v >> 4) as usize] as char);
            s.push(H[(v & 15) as usize] as char);
        }
        s
    }

    /// Parses `#rgb` or `#rrggbb`.
    pub fn parse_hex(s: &str) -> Option<Color> {
        let h = s.trim().strip_prefix('#')?;
        let nib = |c: u8| -> Option<u8> {
            match c {
                b'0'..=b'9' => Some(c - b'0'),
                b'a'..=b'f' => Some(c - b'a' + 10),
                b'A'..=b'F' => Some(c - b'A' + 10),
                _ => None,
            }
        };
        let b = h.as_bytes();
        match b.len() {
            3 => {
                let r = nib(b[0])?;
                let g = nib(b[1])?;
                let bl = nib(b[2])?;
                Some(Color::rgb(r * 17, g * 17, bl * 17))
            }
            6 => Some(Color::rgb(
                nib(b[0])? * 16 + nib(b[1])?,
                nib(b[2])? * 16 + nib(b[3])?,
                nib(b[4])? * 16 + nib(b[5])?,
            )),
            _ => None,
        }
    }
}

/// The colours a chart is drawn with.
#[derive(Clone, Debug, PartialEq)]
pub struct Theme {
    /// Main text (labels).
    pub text: Color,
    /// Secondary text (ticks).
    pub muted: Color,
    /// Grid lines and tracks.
    pub grid: Color,
    /// The baseline and target markers.
    pub axis: Color,
    /// What the chart is drawn on (for lighter tints and wedge gaps).
    pub background: Color,
    /// Series colours, in order.
    pub palette: Vec<Color>,
}

impl Default for Theme {
    /// The light theme. The palette is Okabe and Ito's, chosen to stay
    /// distinguishable for readers with colour-vision deficiency; the first
    /// colours are dark enough to carry white text.
    fn default() -> Theme {
        Theme {
            text: Color::rgb(0x1a, 0x1a, 0x1a),
            muted: Color::rgb(0x59, 0x59, 0x59),
            grid: Color::rgb(0xe2, 0xe2, 0xe2),
            axis: Color::rgb(0x33, 0x33, 0x33),
            background: Color::rgb(0xff, 0xff, 0xff),
            palette: vec![
                Color::rgb(0x00, 0x72, 0xb2),
                Color::rgb(0xd5, 0x5e, 0x00),
                Color::rgb(0x00, 0x9e, 0x73),
                Color::rgb(0xcc, 0x79, 0xa7),
                Color::rgb(0x56, 0xb4, 0xe9),
                Color::rgb(0xe6, 0x9f, 0x00),
            ],
        }
    }
}

impl Theme {
    /// The dark theme, as the element draws for a reader whose colour scheme is dark or with
    /// `theme="dark"` (`THEMES.dark` in `src/web/theme.js`): light text and a palette led by its
    /// lighter colours, which keep their contrast on a dark page.
    pub fn dark() -> Theme {
        Theme {
            text: Color::rgb(0xec, 0xec, 0xec),
            muted: Color::rgb(0xb8, 0xb8, 0xb8),
            grid: Color::rgb(0x3a, 0x3a, 0x3a),
            axis: Color::rgb(0xd0, 0xd0, 0xd0),
            background: Color::rgb(0x12, 0x12, 0x12),
            palette: vec![
                Color::rgb(0x56, 0xb4, 0xe9),
                Color::rgb(0xe6, 0x9f, 0x00),
                Color::rgb(0x00, 0x9e, 0x73),
                Color::rgb(0xcc, 0x79, 0xa7),
                Color::rgb(0x00, 0x72, 0xb2),
                Color::rgb(0xd5, 0x5e, 0x00),
            ],
        }
    }

    /// Whether this is a theme for a dark page (its background is dark).
    pub fn is_dark(&self) -> bool {
        self.background.luminance() < 0.5
    }
}

/// Dash patterns (CSS px, on and off) that tell lines apart once the palette's colours have
/// all been used: series `i` is drawn with `DASHES[i / palette length]`, so no two of the first
/// palette length × 4 series share both colour and dash.
pub const DASHES: [&[f64]; 4] = [&[], &[7.0, 4.0], &[2.0, 3.0], &[10.0, 3.0, 2.0, 3.0]];

impl Theme {
    /// The dash pattern of series `i`'s line: solid for the first round of the palette, then
    /// dashed, dotted, dash-dotted.
    /// An index into [`DASHES`].
    pub fn series_dash(&self, i: usize) -> u8 {
        ((i / self.palette.len().max(1)) % DASHES.len()) as u8
    }

    /// The colour of series `i`.
    pub fn series_color(&self, i: usize, explicit: Option<Color>) -> Color {
        explicit.unwrap_or_else(|| {
            self.palette.get(i % self.palette.len().max(1)).copied().unwrap_or(self.text)
        })
    }
}
