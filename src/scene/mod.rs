//! The scene: a display list of marks, each with its datum, bounds and
//! accessible label. Rendering draws it; hit-testing, tooltips, keyboard focus
//! and the text description read it. Nothing reads pixels.

pub mod dash;
pub mod describe;
pub mod hit;
pub mod nav;
pub mod tween;

use std::rc::Rc;

use crate::geom::Rect;
use crate::theme::Color;

/// Horizontal alignment of text at its anchor point.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum HAlign {
    /// Text starts at the anchor.
    Start,
    /// Text is centred on the anchor.
    Middle,
    /// Text ends at the anchor.
    End,
}

/// Vertical alignment of text at its anchor point.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum VAlign {
    /// The anchor is at the top of the text.
    Top,
    /// The anchor is at the middle of the text.
    Middle,
    /// The anchor is at the bottom of the text.
    Bottom,
}

/// The geometry of a mark.
#[derive(Clone, Debug, PartialEq)]
pub enum Shape {
    /// A filled and/or stroked rectangle.
    Rect(Rect),
    /// A straight line.
    Line {
        /// Start x.
        x1: f64,
        /// Start y.
        y1: f64,
        /// End x.
        x2: f64,
        /// End y.
        y2: f64,
    },
    /// A polyline, or a polygon when `closed` (filled with `fill`).
    Path {
        /// The points, in order.
        points: Vec<(f64, f64)>,
        /// Whether the last point joins the first.
        closed: bool,
    },
    /// A dot.
    Circle {
        /// Centre x.
        x: f64,
        /// Centre y.
        y: f64,
        /// Radius.
        r: f64,
    },
    /// One line of text.
    Text {
        /// Anchor x.
        x: f64,
        /// Anchor y.
        y: f64,
        /// The text, exactly as the feed gives it.
        text: String,
        /// Font size in CSS px.
        size: f64,
        /// Horizontal alignment.
        h: HAlign,
        /// Vertical alignment.
        v: VAlign,
        /// Bold.
        bold: bool,
    },
}

/// What a mark is for.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Role {
    /// A grid line.
    Grid,
    /// The zero line.
    Baseline,
    /// A tick label of the value axis.
    Tick,
    /// A category label.
    Category,
    /// A bar or column: one datum.
    Bar,
    /// The background track of a progress bar.
    Track,
    /// A target marker.
    Target,
    /// A target's label.
    TargetLabel,
    /// A value written beside its bar.
    ValueLabel,
    /// A line through a series' values.
    Line,
    /// The fill under a line.
    Area,
    /// A dot on a line at a value.
    Point,
    /// A wedge of a donut or pie: one datum.
    Wedge,
    /// An annotation (target line, label).
    Annotation,
    /// Hatching inside a bar, so series differ by more than colour.
    Pattern,
    /// A series' name written at the end of its line.
    SeriesLabel,
    /// The thin line from a line's last value to its name.
    Leader,
}

/// One drawable thing.
#[derive(Clone, Debug, PartialEq)]
pub struct Mark {
    /// Geometry.
    pub shape: Shape,
    /// Fill colour (text colour for text).
    pub fill: Option<Color>,
    /// Stroke colour.
    pub stroke: Option<Color>,
    /// Stroke width, CSS px.
    pub stroke_width: f64,
    /// What the mark is for.
    pub role: Role,
    /// The datum this mark shows, an index into `Scene::data`.
    pub datum: Option<usize>,
    /// The dash pattern (an index into `theme::DASHES`; 0 is solid) of the line this path is one dash of:
    /// marks split a dashed line into one path per dash, so a renderer draws it as it is and
    /// the pattern is there for the legend and tests; empty: solid.
    pub dash: u8,
}

impl Mark {
    /// A filled rectangle.
    pub fn rect(r: Rect, fill: Color, role: Role, datum: Option<usize>) -> Mark {
        Mark { shape: Shape::Rect(r), fill: Some(fill), stroke: None, stroke_width: 0.0, role, datum, dash: 0 }
    }

    /// A line.
    pub fn line(x1: f64, y1: f64, x2: f64, y2: f64, color: Color, width: f64, role: Role) -> Mark {
        Mark { shape: Shape::Line { x1, y1, x2, y2 }, fill: None, stroke: Some(color), stroke_width: width, role, datum: None, dash: 0 }
    }

    /// A path: a polyline stroked in `stroke`, or a polygon filled with `fill`.
    pub fn path(points: Vec<(f64, f64)>, closed: bool, fill: Option<Color>, stroke: Option<Color>, width: f64, role: Role, datum: Option<usize>) -> Mark {
        Mark { shape: Shape::Path { points, closed }, fill, stroke, stroke_width: width, role, datum, dash: 0 }
    }

    /// A text label.
    #[allow(clippy::too_many_arguments)]
    pub fn text(x: f64, y: f64, text: &str, size: f64, h: HAlign, v: VAlign, color: Color, role: Role) -> Mark {
        Mark {
            shape: Shape::Text { x, y, text: text.to_string(), size, h, v, bold: false },
            fill: Some(color),
            stroke: None,
            stroke_width: 0.0,
            role,
            datum: None,
            dash: 0,
        }
    }

    /// The same mark stroked with a dash pattern.
    pub fn dashed(mut self, dash: u8) -> Mark {
        self.dash = dash;
        self
    }
}

/// One data point as the reader meets it: where it is and what it says.
#[derive(Clone, Debug, PartialEq)]
pub struct Datum {
    /// Series index.
    pub series: usize,
    /// Category index.
    pub index: usize,
    /// The area that picks this datum: its whole band, so short bars are easy to hit.
    pub bounds: Rect,
    /// The visible bar (or a small box around a point); tooltips point at it.
    pub bar: Rect,
    /// For donut and pie wedges: centre, inner and outer radius, start and end
    /// angle (radians, clockwise from 12 o'clock). Hit-testing uses it.
    pub wedge: Option<[f64; 6]>,
    /// Category label.
    pub category: String,
    /// Series name.
    pub series_name: String,
    /// The value, exactly as in the feed.
    pub value: f64,
    /// The value written out with its unit: 7.25万人.
    pub value_text: String,
    /// A further line, e.g. 完成年度任务的107.07%; may be empty.
    pub detail: String,
    /// The whole thing as one sentence, for screen readers.
    pub label: String,
}

/// The display list for one chart at one size.
#[derive(Clone, Debug, PartialEq)]
pub struct Scene {
    /// Width in CSS px.
    pub width: f64,
    /// Height in CSS px.
    pub height: f64,
    /// The plot area.
    pub plot: Rect,
    /// Marks in drawing order.
    pub marks: Vec<Mark>,
    /// Data points, in reading order (category, then series).
    pub data: Vec<Datum>,
    /// Data too many to hold as one [`Datum`] each (a large line chart's columns), made on demand;
    /// `data` is then empty. Hit-testing, the points and the description ask them instead.
    pub lazy: Option<Lazy>,
}

/// Data points a scene makes on demand rather than holds: a large line chart's columns
/// (`marks::large`), whose 10^6 points would be 10^6 data with their texts. Numbered in reading
/// order as [`Scene::data`] is.
pub trait LazyData {
    /// How many points [`LazyData::datum`] numbers (gaps included).
    fn len(&self) -> usize;
    /// The point under, or nearest to, (x, y) CSS px.
    fn hit(&self, x: f64, y: f64) -> Option<usize>;
    /// Point `i`, its texts made now; `None` for a gap or past the end.
    fn datum(&self, i: usize) -> Option<Datum>;
    /// The text description for screen readers.
    fn describe(&self) -> String;
}

/// A scene's [`LazyData`], shared by the copies of a scene. Two are equal when they are the same.
#[cfg(any(feature = "large", debug_assertions, not(target_arch = "wasm32")))]
#[derive(Clone)]
pub struct Lazy(Rc<dyn LazyData>);

/// The readers' standard wasm module draws no large chart (the element moves those to the large
/// module, cargo feature `large`): there a scene never has lazy data, `Option<Lazy>` is always
/// `None`, and hit-testing and the description carry no code for it.
#[cfg(not(any(feature = "large", debug_assertions, not(target_arch = "wasm32"))))]
#[derive(Clone, Debug, PartialEq)]
pub enum Lazy {}

impl Lazy {
    /// Lazy data for a scene (`None` in the readers' standard module, which has none).
    pub fn new(data: Rc<dyn LazyData>) -> Option<Lazy> {
        #[cfg(any(feature = "large", debug_assertions, not(target_arch = "wasm32")))]
        return Some(Lazy(data));
        #[cfg(not(any(feature = "large", debug_assertions, not(target_arch = "wasm32"))))]
        return {
            drop(data);
            None
        };
    }

    /// The data.
    pub fn get(&self) -> &dyn LazyData {
        #[cfg(any(feature = "large", debug_assertions, not(target_arch = "wasm32")))]
        return &*self.0;
        #[cfg(not(any(feature = "large", debug_assertions, not(target_arch = "wasm32"))))]
        match *self {}
    }
}

#[cfg(any(feature = "large", debug_assertions, not(target_arch = "wasm32")))]
impl PartialEq for Lazy {
    fn eq(&self, other: &Lazy) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

#[cfg(any(feature = "large", debug_assertions, not(target_arch = "wasm32")))]
impl std::fmt::Debug for Lazy {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Lazy")
    }
}

impl Scene {
    /// How many data points the scene numbers: its data, or its lazy data's.
    pub fn point_count(&self) -> usize {
        match &self.lazy {
            Some(l) => l.get().len(),
            None => self.data.len(),
        }
    }

    /// Data point `i` in reading order: the scene's own, or one made now.
    pub fn point(&self, i: usize) -> Option<Datum> {
        match &self.lazy {
            Some(l) => l.get().datum(i),
            None => self.data.get(i).cloned(),
        }
    }

    /// The text marks' boxes as the measurer sees them: for overlap checks.
    pub fn label_boxes(&self, role: Role, m: &dyn crate::text::TextMeasure) -> Vec<Rect> {
        self.marks.iter().filter(|mk| mk.role == role).filter_map(|mk| mk.text_box(m)).collect()
    }
}

impl Mark {
    /// A text mark's box as the measurer sees it; `None` for other shapes.
    pub fn text_box(&self, m: &dyn crate::text::TextMeasure) -> Option<Rect> {
        self.shape.text_box(m)
    }
}

impl Shape {
    /// A text's box as the measurer sees it; `None` for other shapes.
    pub fn text_box(&self, m: &dyn crate::text::TextMeasure) -> Option<Rect> {
        let Shape::Text { x, y, text, size, h, v, .. } = self else { return None };
        let w = m.width(text, *size);
        let x0 = match h {
            HAlign::Start => *x,
            HAlign::Middle => x - w / 2.0,
            HAlign::End => x - w,
        };
        let y0 = match v {
            VAlign::Top => *y,
            VAlign::Middle => y - size / 2.0,
            VAlign::Bottom => y - size,
        };
        Some(Rect { x: x0, y: y0, w, h: *size })
    }
}
