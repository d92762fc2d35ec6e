//! What the pure core asks of the platform it runs on, in one place: the few transcendental
//! functions the pipeline needs. In the browser they are the engine's `Math` (Rust's own libm,
//! `rem_pio2` and all, would add its code to the wasm); natively, std's. Both follow fdlibm, so
//! results agree to the last bit or close to it, far below a pixel. Nothing else outside
//! `src/web/` names `js_sys`.

/// Sine of `x` radians.
pub fn sin(x: f64) -> f64 {
    #[cfg(target_arch = "wasm32")]
    return js_sys::Math::sin(x);
    #[cfg(not(target_arch = "wasm32"))]
    return x.sin();
}

/// Cosine of `x` radians.
pub fn cos(x: f64) -> f64 {
    #[cfg(target_arch = "wasm32")]
    return js_sys::Math::cos(x);
    #[cfg(not(target_arch = "wasm32"))]
    return x.cos();
}

/// The angle of the point (`x`, `y`), as `y.atan2(x)`.
pub fn atan2(y: f64, x: f64) -> f64 {
    #[cfg(target_arch = "wasm32")]
    return js_sys::Math::atan2(y, x);
    #[cfg(not(target_arch = "wasm32"))]
    return y.atan2(x);
}

/// `x` to the power `y`.
pub fn pow(x: f64, y: f64) -> f64 {
    #[cfg(target_arch = "wasm32")]
    return js_sys::Math::pow(x, y);
    #[cfg(not(target_arch = "wasm32"))]
    return x.powf(y);
}
