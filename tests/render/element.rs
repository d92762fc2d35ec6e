//! The static first paint (`render::element`): the chart laid out as the `<news-chart>` element lays
//! out its figure, in the element's reserved height, and the feed fingerprint its file name carries.
//! (That it falls on the live chart is checked in browsers: tests/e2e/static.test.mjs.)

use std::fs;

use newschart::render::element::{element, feed_hash, scene_for, FRAME};
use newschart::scene::{Role, Shape};
use newschart::text::EstimateMeasure;
use newschart::theme::Theme;

const DEMO: [(&str, f64); 3] = [("employment", 110.0), ("toilets", 220.0), ("hamlets", 340.0)];

#[test]
fn fills_exactly_the_height_the_element_reserves_when_the_words_fit() {
    for (name, h) in DEMO {
        let text = fs::read_to_string(format!("www/feeds/{}.json", name)).unwrap();
        let scene = scene_for(&text, None, 720.0, h, &EstimateMeasure).unwrap();
        assert_eq!(scene.width, 720.0, "{}", name);
        assert!((scene.height - (h + FRAME)).abs() < 1e-6, "{}: {} is not the element's height attribute plus its frame", name, scene.height);
        // the plot sits between the words: below the title, above the buttons
        assert!(scene.plot.y > 20.0 && scene.plot.y + scene.plot.h < scene.height - 40.0, "{}: {:?}", name, scene.plot);
        let texts: Vec<&str> = scene.marks.iter().filter_map(|m| match &m.shape {
            Shape::Text { text, .. } if m.role == Role::Annotation => Some(text.as_str()),
            _ => None,
        }).collect();
        assert!(texts.first().is_some_and(|t| !t.is_empty()), "{}: the title comes first", name);
        assert_eq!(&texts[texts.len() - 2..], ["表格", "下载"], "{}: the tools row comes last", name);
        assert!(scene.data.len() >= 2 || name == "employment", "{}: the chart's data travel with it", name);
    }
}

#[test]
fn reserves_what_the_element_reserves() {
    // the loader and the view reserve `height` + FRAME, and the plot keeps PLOT_MIN of `height`
    for file in ["src/web/newschart.js", "src/web/resize.js"] {
        let js = fs::read_to_string(file).unwrap();
        assert!(js.contains(&format!("const FRAME = {};", FRAME)), "{} reserves another frame than render::element's {}", file, FRAME);
    }
    assert!(fs::read_to_string("src/web/resize.js").unwrap().contains("const PLOT_MIN = 0.6;"));
}

#[test]
fn words_that_need_more_room_take_it_from_the_plot_down_to_sixty_percent_then_grow_the_image() {
    let notes: Vec<String> = (0..12).map(|i| format!("\"第{}条说明：这条说明很长，需要好几行才能写完，图表的高度因此不够用了。\"", i)).collect();
    let text = format!(
        r#"{{"version": 1, "datasets": [{{"kind": "column", "title": "标题", "categories": ["甲", "乙"], "series": [{{"name": "数", "values": [1, 2]}}], "notes": [{}]}}]}}"#,
        notes.join(", ")
    );
    let (ds, _) = newschart::scene_for(&text, None, 320.0, None).unwrap();
    let scene = element(&ds, 320.0, 200.0, &EstimateMeasure, &Theme::default());
    assert!(scene.height > 200.0 + FRAME, "the image grows as the element does: {}", scene.height);
    let few = element(&ds, 320.0, 2000.0, &EstimateMeasure, &Theme::default());
    assert!((few.height - (2000.0 + FRAME)).abs() < 1e-6, "a tall chart has room for the same words: {}", few.height);
}

#[test]
fn the_fingerprint_is_fnv1a_over_utf16_as_the_element_computes_it() {
    // the FNV-1a (32-bit) test vectors, and a CJK text, whose UTF-16 units are what the element reads
    assert_eq!(feed_hash(""), "811c9dc5");
    assert_eq!(feed_hash("a"), "e40c292c");
    assert_eq!(feed_hash("foobar"), "bf9cf968");
    assert_ne!(feed_hash("万"), feed_hash("丈"));
    // the demo's images are named with their feeds' fingerprints (tests/web/static.test.mjs
    // checks that the element's JavaScript computes the same)
    let text = fs::read_to_string("www/feeds/toilets.json").unwrap();
    assert_eq!(feed_hash(&text), "e87cd03e");
}

/// The static images' dark theme is the one the element draws with (`THEMES.dark` in
/// src/web/theme.js), and so are its words' colours (the dark rules of src/web/style.js): a
/// colour changed on one side only would show as a jump at the swap for a reader in dark mode.
#[test]
fn the_dark_theme_is_the_elements() {
    let js = fs::read_to_string("src/web/theme.js").unwrap();
    let dark = &js[js.find("dark: {").expect("THEMES.dark in theme.js")..];
    let dark = &dark[..dark.find('}').unwrap()];
    let t = Theme::dark();
    for (key, c) in [("text", t.text), ("muted", t.muted), ("grid", t.grid), ("axis", t.axis), ("background", t.background)] {
        assert!(dark.contains(&format!("{}: '{}'", key, c.hex().to_lowercase())), "theme.js's dark {} is not {}: {}", key, c.hex(), dark);
    }
    let palette: Vec<String> = t.palette.iter().map(|c| c.hex().to_lowercase()).collect();
    assert!(dark.contains(&format!("palette: '{}'", palette.join(","))), "theme.js's dark palette is not {:?}", palette);
    assert!(t.is_dark() && !Theme::default().is_dark());
    // the words: the dark stylesheet's control border and illustrative label, as drawn
    let css = fs::read_to_string("src/web/style.js").unwrap();
    let text = fs::read_to_string("www/feeds/hamlets.json").unwrap();
    let svg = |theme: &Theme| {
        let scene = newschart::render::element::scene_themed(&text, None, 720.0, 340.0, &EstimateMeasure, theme).unwrap();
        newschart::render::svg::to_svg(&scene, 1.0).unwrap().to_lowercase()
    };
    let drawn = svg(&t);
    for (rule, colour) in [("--nc-control-border, ", "#9a9a9a"), ("--nc-illustrative-text, ", "#ffd8b8"), ("--nc-illustrative-bg, ", "#3a2210")] {
        assert!(css.contains(&format!("{}{})", rule, colour)), "style.js's dark {} is not {}", rule, colour);
        assert!(drawn.contains(colour), "the dark image does not draw {} ({})", colour, rule);
    }
    assert!(!svg(&Theme::default()).contains("#9a9a9a"), "the light image has the dark controls");
}
