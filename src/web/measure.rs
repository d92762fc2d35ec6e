//! Measures text with a canvas's `measureText`: no DOM insertion, no forced
//! layout, no page CSS leaking in (plotters' own web measurer does all three).
//! The canvas context is the caller's (the chart's own): Rust never looks up
//! the DOM, so the module imports none of it.

use std::cell::RefCell;
use crate::text::{EstimateMeasure, TextMeasure};

use web_sys::CanvasRenderingContext2d;

/// Canvas-based measurer with a font family; falls back to the estimate when
/// no context is given. It sets the context's font before it measures; whoever
/// draws on the same context sets its own before every text.
pub struct CanvasMeasure {
    ctx: Option<CanvasRenderingContext2d>,
    family: String,
    current: RefCell<f64>,
}

impl CanvasMeasure {
    /// A measurer for `family` (a CSS font-family list) on `ctx`.
    pub fn new(ctx: Option<CanvasRenderingContext2d>, family: &str) -> CanvasMeasure {
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
