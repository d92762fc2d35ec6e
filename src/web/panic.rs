//! Panics: there should be none, but if one happens it is logged with its
//! message (not a bare "unreachable") and the element turns the trap that
//! follows into that chart's error box.

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = console, js_name = error)]
    fn console_error(s: &str);
}

/// Installs the hook once per module instance.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        let mut msg = String::from("[newschart] internal error (panic): ");
        msg.push_str(&info.to_string());
        console_error(&msg);
    }));
}
