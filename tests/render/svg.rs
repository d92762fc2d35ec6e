//! SVG output: the same scene through plotters' SVG backend, with feed text
//! escaped.

use std::fs;

use newschart::render::svg::to_svg;

#[test]
fn example_feeds_render_to_svg_with_their_labels() {
    for (file, must) in [
        ("www/feeds/employment.json", ["7.25万人（107.07%）", "年度任务 6.7713万人", "已就业脱贫户"]),
        ("www/feeds/toilets.json", ["5.4万户", "196万户", "“百日攻坚”新建改建"]),
        ("www/feeds/hamlets.json", ["2800万", "醴陵市", "3000万"]),
    ] {
        let text = fs::read_to_string(file).unwrap();
        let (_, scene) = newschart::scene_for(&text, None, 640.0, None).unwrap();
        let svg = to_svg(&scene, 1.0).unwrap();
        assert!(svg.starts_with("<svg"), "{}", file);
        for m in must {
            assert!(svg.contains(m), "{} lacks {}", file, m);
        }
        let rects = svg.matches("<rect").count();
        assert!(rects >= scene.data.len(), "{}: {} rects", file, rects);
    }
}

#[test]
fn feed_text_is_escaped_in_svg() {
    let text = r#"{"version": 1, "datasets": [{"kind": "bar", "title": "t", "unit": "<b>", "categories": ["<script>alert(1)</script>"], "series": [{"name": "s", "values": [1]}]}]}"#;
    let (_, scene) = newschart::scene_for(text, None, 640.0, None).unwrap();
    let svg = to_svg(&scene, 1.0).unwrap();
    assert!(!svg.contains("<script>"));
    assert!(svg.contains("&lt;script&gt;"), "{}", svg);
    assert!(!svg.contains("<b>"));
}

#[test]
fn print_scale_multiplies_the_size() {
    let text = fs::read_to_string("www/feeds/hamlets.json").unwrap();
    let (_, scene) = newschart::scene_for(&text, None, 400.0, Some(300.0)).unwrap();
    let svg = to_svg(&scene, 3.125).unwrap(); // 300 dpi
    assert!(svg.starts_with("<svg width=\"1250\" height=\"938\""), "{}", &svg[..60]);
}
