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

fn context(c: &HtmlCanvasElement) -> CanvasRenderingContext2d {
    c.get_context("2d").unwrap().unwrap().dyn_into().unwrap()
}

/// Draws the chart laid out at `width` × `height` as the element does (resize.js `draw`): the
/// backing store sized to the layout times `dpr`, the canvas's context handed to the module.
fn draw(chart: &mut Chart, c: &HtmlCanvasElement, width: f64, height: f64, dpr: f64) {
    let (w, h) = ((width * dpr).round() as u32, (height * dpr).round() as u32);
    c.set_width(w);
    c.set_height(h);
    chart.draw_at(&context(c), w, h, dpr, 1.0).unwrap();
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
        let c = canvas();
        chart.layout(480.0, 300.0, Some(context(&c)));
        draw(&mut chart, &c, 480.0, 300.0, dpr);
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
    let c = canvas();
    chart.layout(400.0, 100.0, Some(context(&c)));
    draw(&mut chart, &c, 400.0, 100.0, 2.0);
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
    chart.layout(480.0, 300.0, Some(context(&canvas())));
    let pts = points(&chart);
    for (i, (x, y, w, h)) in pts.iter().enumerate() {
        assert_eq!(chart.hit(x + w / 2.0, y + h / 2.0), i as i32);
    }
    assert_eq!(chart.hit(-50.0, -50.0), -1);
}

// ---- static images and dense lines (tests/fixtures/print/) ------------------------------

const SEATTLE: &str = include_str!("fixtures/print/seattle-weather.json");

/// Whether two colours are within `tol` in every channel.
fn near(p: [u8; 4], c: [u8; 3], tol: u8) -> bool {
    p[3] > 200 && (0..3).all(|i| p[i].abs_diff(c[i]) <= tol)
}

#[wasm_bindgen_test]
fn a_dense_line_on_the_canvas_stays_inside_its_values() {
    // Seattle's daily weather, 1,461 days: a one-day spike makes a bend of a degree or two,
    // whose miter join would reach far past the value
    for dpr in [1.0, 2.0] {
        let mut chart = Chart::load(SEATTLE, 0).map_err(|e| e.as_string()).unwrap();
        let c = canvas();
        chart.layout(640.0, 360.0, Some(context(&c)));
        draw(&mut chart, &c, 640.0, 360.0, dpr);
        let pts: serde_json::Value = serde_json::from_str(&chart.points()).unwrap();
        let ctx: CanvasRenderingContext2d = c.get_context("2d").unwrap().unwrap().dyn_into().unwrap();
        let (w, h) = (c.width(), c.height());
        let data = ctx.get_image_data(0.0, 0.0, w as f64, h as f64).unwrap().data();
        for (series, colour) in [(0u64, [0x00, 0x72, 0xb2]), (1, [0xd5, 0x5e, 0x00])] {
            let ys: Vec<f64> = pts
                .as_array()
                .unwrap()
                .iter()
                .filter(|p| p["seriesIndex"].as_u64() == Some(series))
                .map(|p| p["bar"]["y"].as_f64().unwrap() + p["bar"]["h"].as_f64().unwrap() / 2.0)
                .collect();
            assert!(ys.len() > 1000, "series {}: {} points", series, ys.len());
            let top = ys.iter().cloned().fold(f64::MAX, f64::min);
            let bottom = ys.iter().cloned().fold(f64::MIN, f64::max);
            // half the 2px line and a pixel of anti-aliasing
            let (y0, y1) = ((top - 2.0) * dpr, (bottom + 2.0) * dpr);
            let mut seen = 0;
            let mut outside = Vec::new();
            for y in 0..h {
                for x in 0..w {
                    let i = ((y * w + x) * 4) as usize;
                    if !near([data[i], data[i + 1], data[i + 2], data[i + 3]], colour, 40) {
                        continue;
                    }
                    seen += 1;
                    let fy = y as f64 + 0.5;
                    if fy < y0 || fy > y1 {
                        outside.push((x, y));
                    }
                }
            }
            assert!(seen > 500, "dpr {}: {} pixels of series {}", dpr, seen, series);
            assert!(outside.is_empty(), "dpr {}: {} pixels of series {} outside y {:.0}–{:.0}, e.g. {:?}", dpr, outside.len(), series, y0, y1, &outside[..outside.len().min(6)]);
        }
    }
}

#[wasm_bindgen_test]
fn the_download_draws_the_whole_composition() {
    let mut chart = Chart::load(HAMLETS, 0).map_err(|e| e.as_string()).unwrap();
    let c = canvas();
    // sized as download.js sizes it: the composition's height first
    let height = chart.composed_height(640.0, 340.0, Some(context(&c)));
    c.set_width(1280);
    c.set_height((height * 2.0).round() as u32);
    chart.draw_composed(&context(&c), 640.0, 340.0, 2.0).unwrap();
    assert_eq!(c.width(), 1280);
    // the chart's 340 px and the words: title, subtitle, unit above, illustrative label, notes, source below
    assert!(c.height() > 2 * (340 + 150), "{} px tall", c.height());
    let count = |y0: f64, y1: f64, f: &dyn Fn([u8; 4]) -> bool| {
        let mut n = 0;
        let mut y = y0;
        while y < y1 {
            for x in (0..1280).step_by(2) {
                n += f(pixel(&c, x as f64, y)) as usize;
            }
            y += 2.0;
        }
        n
    };
    // the title: dark glyphs in the first line, on the opaque background
    assert_eq!(pixel(&c, 2.0, 2.0), [255, 255, 255, 255], "an opaque white background");
    // (the title is #1a1a1a; the subtitle, #595959, would take its place without it)
    assert!(count(24.0, 68.0, &|p| p[3] == 255 && p[0] < 60 && p[1] < 60 && p[2] < 60) > 50, "no title");
    // the columns, in the palette's first colour, below the words
    let columns = count(200.0, 700.0, &|p| near(p, [0x00, 0x72, 0xb2], 4));
    // (what the whole canvas holds, for a failure: WebKitGTK once drew no columns here, 1 run in 8)
    let everywhere = count(0.0, c.height() as f64, &|p| near(p, [0x00, 0x72, 0xb2], 4));
    assert!(columns > 1000, "no columns: {} pixels of #0072b2 in y 200-700, {} in the whole {}x{} canvas", columns, everywhere, c.width(), c.height());
    // the illustrative label's tint, under the chart
    let h = c.height() as f64;
    assert!(count(h * 0.7, h, &|p| near(p, [0xff, 0xf1, 0xe0], 4)) > 100, "no illustrative label");
}
