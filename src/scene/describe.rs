//! The text description of a chart, for screen readers, built from the scene's
//! data: the same numbers that are drawn.

use super::Scene;
use crate::model::Dataset;

/// Most data points read out in the summary before "and N more".
const MAX_POINTS: usize = 12;

/// A summary such as "已就业脱贫户：7.25万人，完成年度任务的107.07%。".
/// Lazy data ([`Scene::lazy`]) describe themselves.
///
/// ```
/// let feed = include_str!("../../www/feeds/employment.json");
/// let (dataset, scene) = newschart::scene_for(feed, None, 640.0, None).expect("a valid feed");
/// assert_eq!(
///     newschart::scene::describe::describe(&dataset, &scene),
///     "已就业脱贫户7.25万人，超额完成年度任务。已就业脱贫户：7.25万人，完成年度任务的107.07%。"
/// );
/// ```
pub fn describe(ds: &Dataset, scene: &Scene) -> String {
    if let Some(l) = &scene.lazy {
        return l.get().describe();
    }
    let zh = ds.zh();
    let mut s = String::new();
    s.push_str(&ds.title);
    s.push_str(if zh { "。" } else { ". " });
    if ds.illustrative {
        s.push_str(if zh { "示例数据，非报道数字。" } else { "Illustrative data, not reported figures. " });
    }
    for (i, d) in scene.data.iter().take(MAX_POINTS).enumerate() {
        if i > 0 {
            s.push_str(if zh { "；" } else { "; " });
        }
        s.push_str(&d.label);
    }
    if scene.data.len() > MAX_POINTS {
        let rest = scene.data.len() - MAX_POINTS;
        let rest = crate::format::int(rest as i64);
        s.push_str(&crate::format::cat(&if zh { ["；另有", &rest, "项"] } else { ["; and ", &rest, " more"] }));
    }
    if !scene.data.is_empty() {
        s.push_str(if zh { "。" } else { "." });
    }
    s
}
