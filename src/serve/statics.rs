//! The static first paint at publish time (issue 19): each time a chart's live version changes
//! (a publish, a rollback, a live source's new copy, and at start for every live version not
//! drawn yet: `--demo`'s charts, a restored database), its feed is drawn as SVG with the layout
//! and renderer of `newschart render --static` ([`static_paint`]), at [`static_paint::WIDTHS`] and
//! the chart's embed height, and kept in the database under the feed's hash. Readers get them at
//! `/static/{id}.{hash}.{width}.svg` (and in `--publish-dir`'s `static/`); the builder's snippet
//! carries the `<picture>` of the live version ([`picture`]).
//!
//! Each width is drawn in the light and the dark theme (`Scheme::Auto`, as the chart's element
//! has no `theme`): the snippet's `<picture>` shows a reader whose colour scheme is dark the dark
//! image, as the live chart is then dark.
//!
//! Drawing never fails a publish nor holds it long: it runs on a blocking thread after the
//! publish is committed, and the answer waits for it (so the builder's snippet has the image at
//! once) at most [`TIMEOUT`], after which the drawing goes on and is stored when done; a problem
//! is logged and kept on the chart row for the chart's page.

use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::layout;
use crate::render::{element, static_paint};
use crate::text::TextMeasure;

use super::publish_dir;
use super::store::{StaticImage, Store};

/// The text measure the images are laid out with: the fonts a browser on the service's machine
/// draws in (the binary's fontconfig measure), shared by every request.
pub type Measure = Arc<dyn TextMeasure + Send + Sync>;

/// The embed heights the builder accepts.
pub const MIN_HEIGHT: i64 = 60;
/// See [`MIN_HEIGHT`].
pub const MAX_HEIGHT: i64 = 2000;
/// How long a publish waits for its images before it answers anyway (they are stored when done).
pub const TIMEOUT: Duration = Duration::from_secs(10);

/// The embed height of a chart whose height was never set: the feed's own default at a desktop
/// width, as the builder computes it (`chart.default_height(900)`).
pub fn default_height(feed: &str) -> i64 {
    match crate::scene_for(feed, None, layout::MIN_WIDTH, Some(layout::MIN_HEIGHT)) {
        Ok((ds, _)) => {
            let h = layout::default_height(&ds, 900.0).round();
            if h.is_finite() {
                (h as i64).clamp(MIN_HEIGHT, MAX_HEIGHT)
            } else {
                300
            }
        }
        Err(_) => 300,
    }
}

/// Draws the chart's live version unless its images are stored already at its embed height,
/// records the outcome on the chart, and writes the images to `--publish-dir`. Never fails: a
/// problem is logged and kept for the chart's page.
/// `publish`: `--publish-dir` and the lock its writers share.
pub async fn refresh(store: &Store, measure: &Measure, publish: Option<(&std::path::Path, &tokio::sync::Mutex<()>)>, id: &str) {
    let (feed, state) = match (store.live(id).await, store.static_state(id).await) {
        (Ok(Some((_, feed))), Ok(Some(state))) => (feed, state),
        (Ok(None), _) | (_, Ok(None)) => return,
        (Err(e), _) | (_, Err(e)) => {
            eprintln!("newschart serve: static images of {}: {}", id, e);
            return;
        }
    };
    let height = state.height.unwrap_or_else(|| default_height(&feed));
    let hash = element::feed_hash(&feed);
    let stored = store.static_images(id, &hash).await.unwrap_or_default();
    let ready = static_paint::WIDTHS.iter().all(|&w| [false, true].iter().all(|&dark| stored.iter().any(|i| i.width == i64::from(w) && i.dark == dark && i.chart_height == height)));
    if !ready {
        // a task of its own: a drawing slower than TIMEOUT is still stored when done
        let job = (store.clone(), measure.clone(), id.to_string(), hash.clone(), feed.clone(), state.problem.clone());
        let task = tokio::spawn(async move {
            let (store, measure, id, hash, feed, old) = job;
            let problem = draw(&store, &measure, &id, &hash, &feed, height).await.err();
            if let Some(p) = &problem {
                eprintln!("newschart serve: static images of {}: {}", id, p);
            }
            if problem != old {
                if let Err(e) = store.set_static_problem(&id, problem.as_deref()).await {
                    eprintln!("newschart serve: static images of {}: {}", id, e);
                }
            }
        });
        if tokio::time::timeout(TIMEOUT, task).await.is_err() {
            eprintln!("newschart serve: static images of {}: still drawing after {} s; the publish is answered without them", id, TIMEOUT.as_secs());
            return;
        }
    } else if state.problem.is_some() {
        let _ = store.set_static_problem(id, None).await;
    }
    if let Some((dir, lock)) = publish {
        let _guard = lock.lock().await;
        if let Err(e) = write_dir(store, dir, id, &hash).await {
            eprintln!("newschart serve: --publish-dir {}: {}: {}", dir.display(), id, e);
        }
    }
}

/// Draws and stores one feed's images; `Err` says what went wrong, in words for the chart's page.
async fn draw(store: &Store, measure: &Measure, id: &str, hash: &str, feed: &str, height: i64) -> Result<(), String> {
    let measure = measure.clone();
    let text = feed.to_string();
    let started = Instant::now();
    // a blocking thread: the drawing is CPU work; a panic in it ends that thread, not the publish
    let job = tokio::task::spawn_blocking(move || static_paint::images(&text, None, &static_paint::WIDTHS, height as f64, &*measure, static_paint::Scheme::Auto));
    let images = match job.await {
        Err(e) => return Err(format!("drawing the static images failed ({}); readers see the live chart only", e)),
        Ok(Err(static_paint::Failure::Feed(_))) => return Err("the live feed does not read for its static images; readers see the live chart only".to_string()),
        Ok(Err(static_paint::Failure::Render(e))) => return Err(format!("drawing the static images failed ({}); readers see the live chart only", e)),
        Ok(Ok(images)) => images,
    };
    let ms = started.elapsed().as_millis() as i64;
    let rows: Vec<(i64, i64, &str, bool)> = images.iter().map(|i| (i64::from(i.width), i64::from(i.height), i.svg.as_str(), i.dark)).collect();
    match store.put_static(id, hash, height, ms, &rows).await {
        Ok(()) => Ok(()),
        // another instance stored the same feed's images at the same moment
        Err(super::store::StoreError::Exists) => Ok(()),
        Err(e) => Err(format!("the static images could not be stored ({}); readers see the live chart only", e)),
    }
}

/// Writes one feed's stored images to `DIR/static/`, each atomically.
pub async fn write_dir(store: &Store, dir: &std::path::Path, id: &str, hash: &str) -> Result<(), String> {
    for img in store.static_images(id, hash).await.map_err(|e| e.to_string())? {
        write_image(store, dir, id, &img).await?;
    }
    Ok(())
}

/// Writes every stored image to `DIR/static/` (at start).
pub async fn write_dir_all(store: &Store, dir: &std::path::Path) -> Result<(), String> {
    for (id, img) in store.static_all().await.map_err(|e| e.to_string())? {
        write_image(store, dir, &id, &img).await?;
    }
    Ok(())
}

async fn write_image(store: &Store, dir: &std::path::Path, id: &str, img: &StaticImage) -> Result<(), String> {
    let Some(path) = publish_dir::static_path(dir, id, &img.hash, img.width, img.dark) else { return Ok(()) };
    let Some(svg) = store.static_svg(id, &img.hash, img.width, img.dark).await.map_err(|e| e.to_string())? else { return Ok(()) };
    publish_dir::write_atomic(&path, svg.as_bytes()).map_err(|e| e.to_string())
}


/// What the chart's page shows of its static images, with the `<picture>` for the snippet
/// (addresses under `base`, the service's public address), the markup `render --static` prints.
pub async fn describe(store: &Store, id: &str, base: &str) -> serde_json::Value {
    let (Ok(Some((_, feed))), Ok(Some(state))) = (store.live(id).await, store.static_state(id).await) else {
        return serde_json::Value::Null;
    };
    let height = state.height.unwrap_or_else(|| default_height(&feed));
    let hash = element::feed_hash(&feed);
    let images: Vec<StaticImage> = store.static_images(id, &hash).await.unwrap_or_default().into_iter().filter(|i| i.chart_height == height).collect();
    let picture = if images.is_empty() {
        None
    } else {
        let made: Vec<static_paint::Shown> = images
            .iter()
            .map(|i| static_paint::Shown { width: i.width as u32, src: format!("{}/static/{}", base, static_paint::file_name(id, &hash, i.width as u32, i.dark)), height: i.height as u32, dark: i.dark })
            .collect();
        let alt = static_paint::alt(&feed, None, static_paint::WIDTHS[0], height as f64);
        Some(static_paint::picture(&hash, &made, 0, &alt))
    };
    serde_json::json!({
        "hash": hash,
        "height": height,
        "height_set": state.height.is_some(),
        "images": images,
        "picture": picture,
        "problem": state.problem,
    })
}
