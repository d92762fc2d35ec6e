//! `"highlight": [series names]` on a dataset: read and checked by normalize (an unknown name is
//! a located error in plain words), and drawn by marks: the named series in the palette's first
//! colours, in front; every other series grey, thinner and behind them.

use newschart::normalize::{read, Limits};
use newschart::scene::{Role, Shape};

fn feed(kind: &str, highlight: &str) -> String {
    format!(
        r#"{{"version": 1, "datasets": [{{"kind": "{kind}", "title": "t", "locale": "en",
        "categories": ["2021", "2022", "2023"],
        "series": [{{"name": "north", "values": [1, 2, 3]}}, {{"name": "south", "values": [3, 2, 1]}},
                   {{"name": "east", "values": [2, 2, 2]}}, {{"name": "west", "values": [2, 3, 2]}}],
        "highlight": {highlight}}}]}}"#
    )
}

#[test]
fn an_unknown_series_name_is_a_located_error_naming_the_series_there_are() {
    let text = feed("line", r#"["south", "Sout"]"#);
    let n = read(&text, Limits::default());
    assert!(n.feed.is_none(), "a feed with an unknown highlight is not drawn");
    let p = n.problems.iter().find(|p| p.path == "datasets[0].highlight[1]").expect("a problem at the name");
    assert!(p.en.contains("\"Sout\"") && p.en.contains("north, south, east, west"), "{}", p.en);
    assert!(p.zh.contains("\"Sout\"") && p.zh.contains("north、south、east、west"), "{}", p.zh);
    assert_eq!(p.line, 5, "the problem points at the line of the name");
    // not a list, or not text: the feed says what it wants
    for (bad, path) in [(r#""south""#, "datasets[0].highlight"), (r#"["south", 3]"#, "datasets[0].highlight[1]")] {
        let n = read(&feed("line", bad), Limits::default());
        assert!(n.problems.iter().any(|p| p.path == path && p.en.contains("series name")), "{bad}: {:?}", n.problems);
    }
}

#[test]
fn highlighted_lines_keep_colour_and_come_last_the_rest_are_grey_thin_and_behind() {
    let text = feed("line", r#"["west", "south"]"#);
    let (ds, scene) = newschart::scene_for(&text, None, 640.0, None).unwrap();
    assert_eq!(ds.highlight, vec![3, 1]);
    let lines: Vec<_> = scene.marks.iter().filter(|m| m.role == Role::Line).collect();
    assert_eq!(lines.len(), 4);
    let theme = newschart::theme::Theme::default();
    let grey = newschart::marks::series_color(&ds, 0, &theme);
    // drawn first: the two grey lines, thin and solid; then the highlighted ones in the first two colours
    for m in &lines[..2] {
        assert_eq!(m.stroke, Some(grey));
        assert!(m.stroke_width < 2.0 && m.dash == 0);
    }
    // (in the feed's order: south, then west, which is first in `highlight` and gets the first colour)
    assert_eq!(lines[2].stroke, Some(theme.palette[1]));
    assert_eq!(lines[3].stroke, Some(theme.palette[0]), "west, the first highlighted, gets the first colour");
    assert!(lines[2..].iter().all(|m| m.stroke_width == 2.0));
    assert!(!theme.palette.contains(&grey));
    // only the highlighted lines are named at their ends; the tooltips still name every series
    let names: Vec<&str> = scene.marks.iter().filter(|m| m.role == Role::SeriesLabel).filter_map(|m| match &m.shape {
        Shape::Text { text, .. } => Some(text.as_str()),
        _ => None,
    }).collect();
    assert_eq!(names, ["south", "west"]);
    for name in ["north", "south", "east", "west"] {
        assert!(scene.data.iter().any(|d| d.series_name == name && d.label.contains(name)));
    }
}

#[test]
fn highlighted_columns_keep_colour_the_rest_are_grey() {
    let text = feed("column", r#"["east"]"#);
    let (ds, scene) = newschart::scene_for(&text, None, 640.0, None).unwrap();
    let theme = newschart::theme::Theme::default();
    for m in scene.marks.iter().filter(|m| m.role == Role::Bar) {
        let d = &scene.data[m.datum.unwrap()];
        let want = if d.series_name == "east" { theme.palette[0] } else { newschart::marks::series_color(&ds, 0, &theme) };
        assert_eq!(m.fill, Some(want), "{} {}", d.series_name, d.category);
    }
}

#[test]
fn highlight_survives_a_round_trip_through_the_feed_writer() {
    let text = feed("line", r#"["east"]"#);
    let ds = read(&text, Limits::default()).feed.unwrap().datasets.remove(0);
    let out = serde_json::to_string(&newschart::feed::write::feed(&newschart::model::Feed { version: 1, datasets: vec![ds.clone()] })).unwrap();
    assert!(out.contains("\"highlight\""), "{out}");
    let again = read(&out, Limits::default()).feed.unwrap().datasets.remove(0);
    assert_eq!(again.highlight, ds.highlight);
}
