//! The static first paint of a `<news-chart>`: the chart with its words laid out as the element's
//! own stylesheet (`src/web/style.js`) lays out its figure, at the element's CSS width and the
//! height it reserves (`height` + [`FRAME`]), so the image the page shows before the widget runs
//! and the live chart that replaces it draw the same thing in the same place.
//!
//! ```text
//!  title            16.8 px bold, line box 23.52, margin 2.52
//!  subtitle         14.4 px, line box 21.6, margin 7.2
//!  plot             what the rest leaves of the reserved height (at least 60 % of `height`)
//!  illustrative     12.8 px bold in a box 23.76 tall, margin 5.12
//!  notes            12.8 px, line box 19.2, margin 5.12
//!  source           12.8 px, line box 19.2, margin 3.84
//!  tools            two buttons 26.32 tall, margin 6.4
//! ```
//!
//! The numbers are the stylesheet's em sizes at its 16 px base; a test (`tests/e2e/static.test.mjs`)
//! compares the two pictures pixel by pixel in three browsers.

use crate::format::cat;
use crate::geom::Rect;
use crate::layout;
use crate::marks;
use crate::model::{Dataset, Kind};
use crate::scene::{HAlign, Mark, Role, Scene, Shape, VAlign};
use crate::text::TextMeasure;
use crate::theme::{Color, Theme};

use super::compose::moved;
use super::wrap::wrap;

/// The root style of the static image's SVG: CJK punctuation keeps its full width, as in the
/// element's stylesheet (`.nc`), so lines break where the text measure says on both.
pub const STYLE: &str = "text-spacing-trim: space-all; text-rendering: optimizeLegibility";

/// Room the element reserves for the words around the plot (`FRAME` in `src/web/newschart.js`).
pub const FRAME: f64 = 136.0;
/// The plot never gets less than this share of `height` (`PLOT_MIN` in `src/web/resize.js`).
const PLOT_MIN: f64 = 0.6;
/// The stylesheet's base font size.
const EM: f64 = 16.0;
/// Where the baseline sits in a line box of height `lh` for text of `size` px, as a browser places
/// it with the default sans-serif face (ascent 0.928 em, descent 0.236 em: DejaVu Sans, which
/// `system-ui` resolves to on the Linux machines the tests run on); returned as the top of the
/// text for a `VAlign::Top` mark, which the renderers put 0.76 em above the baseline.
fn text_top(line_top: f64, lh: f64, size: f64) -> f64 {
    let baseline = line_top + (lh - 1.164 * size) / 2.0 + 0.928 * size;
    baseline - 0.76 * size
}

/// The colours of the element's own words and controls (`src/web/style.js`), light and dark.
struct Chrome {
    /// The button's border (`--nc-control-border`).
    control_border: Color,
    illustrative_text: Color,
    illustrative_bg: Color,
    illustrative_border: Color,
}

const LIGHT: Chrome = Chrome {
    control_border: Color::rgb(0x76, 0x76, 0x76),
    illustrative_text: Color::rgb(0x7a, 0x2e, 0x00),
    illustrative_bg: Color::rgb(0xff, 0xf1, 0xe0),
    illustrative_border: Color::rgb(0xd5, 0x5e, 0x00),
};
const DARK: Chrome = Chrome {
    control_border: Color::rgb(0x9a, 0x9a, 0x9a),
    illustrative_text: Color::rgb(0xff, 0xd8, 0xb8),
    illustrative_bg: Color::rgb(0x3a, 0x22, 0x10),
    illustrative_border: Color::rgb(0xd5, 0x5e, 0x00),
};

/// The fixed words, in the dataset's language (the widget's `src/web/i18n.js`).
struct Words {
    illustrative: &'static str,
    source: &'static str,
    table: &'static str,
    download: &'static str,
}

fn words(ds: &Dataset) -> Words {
    if ds.zh() {
        Words { illustrative: "示例数据：非报道数字，仅作示意", source: "来源：", table: "表格", download: "下载" }
    } else {
        Words { illustrative: "Illustrative data: not reported figures", source: "Source: ", table: "Table", download: "Download" }
    }
}

struct Flow<'a> {
    marks: Vec<Mark>,
    y: f64,
    width: f64,
    m: &'a dyn TextMeasure,
}

impl Flow<'_> {
    fn text(&mut self, text: &str, size: f64, lh: f64, bold: bool, color: Color) {
        // measured as regular text: a CJK face's bold is as wide (one em), and wrap's bold
        // allowance would break a title the browser keeps on one line
        for line in wrap(text, self.width, size, false, self.m) {
            let mut mark = Mark::text(0.0, text_top(self.y, lh, size), &line, size, HAlign::Start, VAlign::Top, color, Role::Annotation);
            if let Shape::Text { bold: b, .. } = &mut mark.shape {
                *b = bold;
            }
            self.marks.push(mark);
            self.y += lh;
        }
    }

    /// A bordered box with one line of text in it (a button, the illustrative label).
    #[allow(clippy::too_many_arguments)]
    fn boxed(&mut self, x: f64, text: &str, size: f64, pad: (f64, f64), bold: bool, colors: (Color, Option<Color>, Color)) -> f64 {
        let (border, fill, ink) = colors;
        let lh = 1.5 * size;
        // (bold measured as regular: a CJK face's bold is as wide)
        let w = self.m.width(text, size) + 2.0 * pad.1 + 2.0;
        let h = lh + 2.0 * pad.0 + 2.0;
        let r = Rect { x, y: self.y, w, h };
        // the border as four one-pixel sides, so a transparent button stays transparent inside
        for side in [
            Rect { x, y: r.y, w, h: 1.0 },
            Rect { x, y: r.y + h - 1.0, w, h: 1.0 },
            Rect { x, y: r.y, w: 1.0, h },
            Rect { x: x + w - 1.0, y: r.y, w: 1.0, h },
        ] {
            self.marks.push(Mark::rect(side, border, Role::Annotation, None));
        }
        if let Some(f) = fill {
            self.marks.push(Mark::rect(Rect { x: x + 1.0, y: r.y + 1.0, w: w - 2.0, h: h - 2.0 }, f, Role::Annotation, None));
        }
        let mut mark = Mark::text(x + 1.0 + pad.1, text_top(r.y + 1.0 + pad.0, lh, size), text, size, HAlign::Start, VAlign::Top, ink, Role::Annotation);
        if let Shape::Text { bold: b, .. } = &mut mark.shape {
            *b = bold;
        }
        self.marks.push(mark);
        w
    }
}

/// Lays out `ds` as the element draws it at `width` CSS px with `height` its `height` attribute:
/// a scene exactly `width` × (`height` + [`FRAME`]) (or taller, when the words need more room, as
/// the element grows), on a transparent background.
pub fn element(ds: &Dataset, width: f64, height: f64, m: &dyn TextMeasure, theme: &Theme) -> Scene {
    let width = if width.is_finite() { width.max(layout::MIN_WIDTH) } else { 640.0 };
    let height = if height.is_finite() && height > 0.0 { height } else { layout::default_height(ds, width) };
    let w = words(ds);
    let chrome = if theme.is_dark() { &DARK } else { &LIGHT };
    let mut top = Flow { marks: Vec::new(), y: 0.0, width, m };
    if !ds.title.is_empty() {
        top.text(&ds.title, 1.05 * EM, 1.4 * 1.05 * EM, true, theme.text);
        top.y += 0.15 * 1.05 * EM;
    }
    let subtitle = match (ds.subtitle.is_empty(), ds.byline.is_empty()) {
        (_, true) => ds.subtitle.clone(),
        (true, false) => ds.byline.clone(),
        (false, false) => cat(&[&ds.subtitle, " · ", &ds.byline]),
    };
    if !subtitle.is_empty() {
        top.text(&subtitle, 0.9 * EM, 1.5 * 0.9 * EM, false, theme.muted);
        top.y += 0.5 * 0.9 * EM;
    }
    let plot_y = top.y;

    // below the plot, laid out from 0 and moved under it afterwards
    let small = 0.8 * EM;
    let mut bottom = Flow { marks: Vec::new(), y: 0.0, width, m };
    if ds.illustrative {
        bottom.y += 0.4 * small;
        let h = 1.5 * small + 2.0 * 0.1 * small + 2.0;
        bottom.boxed(0.0, w.illustrative, small, (0.1 * small, 0.5 * small), true, (chrome.illustrative_border, Some(chrome.illustrative_bg), chrome.illustrative_text));
        bottom.y += h;
    }
    if !ds.notes.is_empty() {
        bottom.y += 0.4 * small;
    }
    for n in &ds.notes {
        bottom.text(n, small, 1.5 * small, false, theme.muted);
    }
    if let Some(src) = &ds.source {
        bottom.y += 0.3 * small;
        bottom.text(&cat(&[w.source, &src.text]), small, 1.5 * small, false, theme.muted);
    }
    // the tools row: the table and download buttons
    bottom.y += 0.4 * EM;
    let mut x = 0.0;
    for (i, label) in [w.table, w.download].into_iter().enumerate() {
        if i == 1 || ds.kind != Kind::Table {
            x += bottom.boxed(x, label, small, (0.2 * small, 0.7 * small), false, (chrome.control_border, None, theme.text)) + 0.4 * EM;
        }
    }
    bottom.y += 1.5 * small + 2.0 * 0.2 * small + 2.0;

    // the plot takes the room the words leave of the reserved height, never less than PLOT_MIN of
    // it, and the canvas is laid out in whole CSS px (resize.js)
    let plot_h = (height + FRAME - plot_y - bottom.y).max((height * PLOT_MIN).round());
    let chart_h = plot_h.floor().max(1.0);
    let chart = marks::build(ds, width, chart_h, m, theme);
    let chart = moved(chart, 0.0, plot_y);
    let foot = plot_y + plot_h;
    let total = foot + bottom.y;
    let mut out = top.marks;
    out.extend(chart.marks);
    for mut mk in bottom.marks {
        if let Shape::Rect(r) = &mut mk.shape {
            r.y += foot;
        } else if let Shape::Text { y, .. } = &mut mk.shape {
            *y += foot;
        }
        out.push(mk);
    }
    Scene { width, height: total, plot: chart.plot, marks: out, data: chart.data, lazy: None }
}

/// Reads a feed and lays one dataset out as the element draws it, natively (the command-line
/// tool and the tests), with text measure `m`.
pub fn scene_for(text: &str, dataset: Option<&str>, width: f64, height: f64, m: &dyn TextMeasure) -> Result<Scene, Vec<crate::feed::Problem>> {
    scene_themed(text, dataset, width, height, m, &Theme::default())
}

/// [`scene_for`] in `theme` (light or [`Theme::dark`]), on a transparent background: the page's
/// own shows through, as it does through the element.
pub fn scene_themed(text: &str, dataset: Option<&str>, width: f64, height: f64, m: &dyn TextMeasure, theme: &Theme) -> Result<Scene, Vec<crate::feed::Problem>> {
    let (ds, _) = crate::scene_for(text, dataset, layout::MIN_WIDTH, Some(layout::MIN_HEIGHT))?;
    Ok(element(&ds, width, height, m, theme))
}

/// The feed's fingerprint a static image carries (in its file name and the `<img>`'s
/// `data-feed` attribute) so the element can tell a stale one: FNV-1a (32 bits) over the
/// feed text's UTF-16 code units, as 8 hex digits; `src/web/static.js` computes the same.
pub fn feed_hash(text: &str) -> String {
    let mut h: u32 = 0x811c_9dc5;
    for u in text.encode_utf16() {
        h ^= u32::from(u);
        h = h.wrapping_mul(0x0100_0193);
    }
    let mut s = String::with_capacity(8);
    for i in (0..8).rev() {
        let d = ((h >> (i * 4)) & 0xf) as u8;
        s.push(char::from(if d < 10 { b'0' + d } else { b'a' + d - 10 }));
    }
    s
}
