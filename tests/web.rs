//! Browser unit tests (wasm-bindgen-test in a real browser): the chart draws
//! into a canvas at devicePixelRatio 1, 2 and 3, and the pixels are checked.
#![cfg(target_arch = "wasm32")]

use newschart::web::Chart;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

wasm_bindgen_test_configure!(run_in_browser);

const HAMLETS: &str = include_str!("../www/feeds/hamlets.json");
const EMPLOYMENT: &str = include_str!("../www/feeds/employment.json");

fn canvas() -> HtmlCanvasElement {
    let doc = web_sys::window().unwrap().document().unwrap();
    let c: HtmlCanvasElement = doc.create_element("canvas").unwrap().dyn_into().unwrap();
    doc.body().unwrap().append_child(&c).unwrap();
    c
}

fn pixel(c: &HtmlCanvasElement, x: f64, y: f64) -> [u8; 4] {
    let ctx: CanvasRenderingContext2d = c.get_context("2d").unwrap().unwrap().dyn_into().unwrap();
    let d = ctx.get_image_data(x, y, 1.0, 1.0).unwrap().data();
    [d[0], d[1], d[2], d[3]]
}

fn points(chart: &Chart) -> Vec<(f64, f64, f64, f64)> {
    let v: serde_json::Value = serde_json::from_str(&chart.points()).unwrap();
    v.as_array()
        .unwrap()
        .iter()
        .map(|p| {
            let b = &p["bar"];
            (b["x"].as_f64().unwrap(), b["y"].as_f64().unwrap(), b["w"].as_f64().unwrap(), b["h"].as_f64().unwrap())
        })
        .collect()
}

#[wasm_bindgen_test]
fn columns_are_drawn_in_the_palette_colour_at_every_pixel_ratio() {
    for dpr in [1.0, 2.0, 3.0] {
        let mut chart = Chart::load(HAMLETS, 0).map_err(|e| e.as_string()).unwrap();
        chart.layout(480.0, 300.0);
        let c = canvas();
        chart.draw(&c, dpr).unwrap();
        assert_eq!(c.width(), (480.0 * dpr) as u32);
        assert_eq!(c.height(), (300.0 * dpr) as u32);
        let pts = points(&chart);
        assert_eq!(pts.len(), 9);
        for (x, y, w, h) in pts {
            // the middle of every column is the first palette colour, #0072b2, opaque
            let p = pixel(&c, ((x + w / 2.0) * dpr).floor(), ((y + h / 2.0) * dpr).floor());
            assert_eq!(p, [0x00, 0x72, 0xb2, 255], "dpr {}", dpr);
        }
        // above the tallest column, inside the plot, there is only background or grid
        let p = pixel(&c, 5.0, 2.0);
        assert_eq!(p[3], 0, "the top-left corner is transparent");
    }
}

#[wasm_bindgen_test]
fn text_is_drawn_as_pixels_of_the_text_colour() {
    let mut chart = Chart::load(EMPLOYMENT, 0).map_err(|e| e.as_string()).unwrap();
    chart.layout(400.0, 100.0);
    let c = canvas();
    chart.draw(&c, 2.0).unwrap();
    // the category label sits left of the bar: some dark, opaque pixels must be there
    let pts = points(&chart);
    let (x, y, _, h) = pts[0];
    let ctx: CanvasRenderingContext2d = c.get_context("2d").unwrap().unwrap().dyn_into().unwrap();
    let d = ctx.get_image_data(0.0, (y * 2.0).floor(), (x * 2.0).floor() - 4.0, (h * 2.0).ceil()).unwrap().data();
    let dark = d.chunks(4).filter(|p| p[3] > 200 && p[0] < 100 && p[1] < 100 && p[2] < 100).count();
    assert!(dark > 20, "only {} dark pixels where the label should be", dark);
}

#[wasm_bindgen_test]
fn bad_feeds_throw_their_problems_as_json() {
    let err = match Chart::load("{\"version\": 1, \"datasets\": [{\"kind\": \"bar\"}]}", 0) {
        Ok(_) => panic!("accepted a bad feed"),
        Err(e) => e.as_string().unwrap(),
    };
    let v: serde_json::Value = serde_json::from_str(&err).unwrap();
    let paths: Vec<&str> = v["problems"].as_array().unwrap().iter().map(|p| p["path"].as_str().unwrap()).collect();
    assert_eq!(paths, ["datasets[0]", "datasets[0]", "datasets[0]"]);
    // each located; the words only where messages are compiled in (not the readers' wasm: the
    // view gets them from the builder's module)
    for p in v["problems"].as_array().unwrap() {
        assert_eq!(p["severity"], "error");
        assert_eq!((p["line"].as_u64(), p["column"].as_u64()), (Some(1), Some(29)));
        let worded = !p["zh"].as_str().unwrap().is_empty() && !p["en"].as_str().unwrap().is_empty();
        assert_eq!(worded, newschart::feed::MESSAGES, "{}", p);
    }
}

#[wasm_bindgen_test]
fn hit_testing_in_the_browser_uses_the_scene() {
    let mut chart = Chart::load(HAMLETS, 0).map_err(|e| e.as_string()).unwrap();
    chart.layout(480.0, 300.0);
    let pts = points(&chart);
    for (i, (x, y, w, h)) in pts.iter().enumerate() {
        assert_eq!(chart.hit(x + w / 2.0, y + h / 2.0), i as i32);
    }
    assert_eq!(chart.hit(-50.0, -50.0), -1);
}
