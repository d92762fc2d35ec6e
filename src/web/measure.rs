//! Measures text with a canvas's `measureText`: no DOM insertion, no forced
//! layout, no page CSS leaking in (plotters' own web measurer does all three).

use std::cell::RefCell;
use crate::text::{EstimateMeasure, TextMeasure};

use wasm_bindgen::JsCast;
use web_sys::CanvasRenderingContext2d;


/// Canvas-based measurer with a font family; falls back to the estimate when
/// no canvas is available.
pub struct CanvasMeasure {
    ctx: Option<CanvasRenderingContext2d>,
    family: String,
    current: RefCell<f64>,
}

impl CanvasMeasure {
    /// A measurer for `family` (a CSS font-family list).
    pub fn new(family: &str) -> CanvasMeasure {
        let ctx = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.create_element("canvas").ok())
            .and_then(|c| c.dyn_into::<web_sys::HtmlCanvasElement>().ok())
            .and_then(|c| c.get_context("2d").ok().flatten())
            .and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok());
        CanvasMeasure { ctx, family: family.to_string(), current: RefCell::new(0.0) }
    }
}

impl TextMeasure for CanvasMeasure {
    fn width(&self, text: &str, size: f64) -> f64 {
        let Some(ctx) = &self.ctx else { return EstimateMeasure.width(text, size) };
        let mut cur = self.current.borrow_mut();
        if *cur != size {
            ctx.set_font(&super::canvas::font("", size, &self.family));
            *cur = size;
        }
        ctx.measure_text(text).map(|m| m.width()).unwrap_or_else(|_| EstimateMeasure.width(text, size))
    }
}
