//! Panics: there should be none, but if one happens the element turns the trap
//! that follows into that chart's error box. The debug build and the builder's
//! module log the panic's message and where (not a bare "unreachable"); the
//! readers' release module leaves that out for its size (see `install`).

/// Installs the hook once per module instance. Not in the readers' release module, whose panics
/// trap without a message (docs/SIZE.md); view.js logs the trap as an internal error.
#[cfg(not(any(debug_assertions, feature = "builder")))]
pub fn install() {}

#[cfg(any(debug_assertions, feature = "builder"))]
pub use hook::install;

#[cfg(any(debug_assertions, feature = "builder"))]
mod hook {
    use wasm_bindgen::prelude::*;

    use crate::digits::push_u64;

    #[wasm_bindgen]
    extern "C" {
        #[wasm_bindgen(js_namespace = console, js_name = error)]
        fn console_error(s: &str);
    }

    /// Installs the hook once per module instance.
    pub fn install() {
        // The message and where, put together by hand: `info.to_string()` would bring in
        // PanicHookInfo's `Display` and more of `core::fmt`.
        std::panic::set_hook(Box::new(|info| {
            let mut msg = String::from("[newschart] internal error (panic): ");
            msg.push_str(info.payload_as_str().unwrap_or("(no message)"));
            if let Some(at) = info.location() {
                msg.push_str(" at ");
                msg.push_str(at.file());
                for n in [at.line(), at.column()] {
                    msg.push(':');
                    push_u64(&mut msg, n as u64);
                }
            }
            console_error(&msg);
        }));
    }
}

/// A panic on purpose, for tests, in debug builds only: armed for one chart
/// (by its address), fired by that chart's next `layout`.
#[cfg(debug_assertions)]
pub mod on_purpose {
    use std::cell::Cell;

    thread_local! {
        static ARMED: Cell<usize> = const { Cell::new(0) };
    }

    /// The next `fire` for `chart` panics.
    pub fn arm(chart: usize) {
        ARMED.with(|a| a.set(chart));
    }

    /// Panics when armed for `chart`.
    pub fn fire(chart: usize) {
        if chart != 0 && ARMED.with(|a| a.get()) == chart {
            ARMED.with(|a| a.set(0));
            panic!("a panic on purpose (Chart::debug_panic_on_layout, debug builds only)");
        }
    }
}

/// A panic on purpose in the release pipeline's modules, for tests (cargo feature
/// `panic-trigger`, test builds only): a chart whose dataset title is [`trigger::MARKER`] panics
/// in its layout, in the standard and the large module alike.
#[cfg(feature = "panic-trigger")]
pub mod trigger {
    /// The title that panics; tests/e2e/panic.test.mjs looks for it in the modules, so that a
    /// shipped module with it fails the tests.
    pub const MARKER: &str = "newschart:panic-trigger:5f3a9c";

    /// Panics when `title` is the marker.
    pub fn fire(title: &str) {
        if title == MARKER {
            panic!("a panic on purpose (cargo feature panic-trigger)");
        }
    }
}
