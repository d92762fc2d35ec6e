//! `--publish-dir DIR`: every live feed as a static file under the names the service serves
//! (`DIR/{id}.json`, `DIR/{id}/v{n}.json`; the static images in `DIR/static/`), so any static host or CDN can serve readers while the
//! service is down. Each file is written to a temporary name in the same directory, synced, and
//! renamed over the old one: a reader gets the old file or the new, never half of one.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::slug;

/// Writes `bytes` to `path` atomically (temporary file in the same directory, fsync, rename).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("feed");
    let tmp = dir.join(format!(".{}.{}.tmp", name, std::process::id()));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)?;
        // the rename itself is durable once the directory is synced
        std::fs::File::open(dir).and_then(|d| d.sync_all())
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// The live file of `chart` under `dir`; `None` for an id that is not a slug (never a path).
pub fn live_path(dir: &Path, chart: &str) -> Option<PathBuf> {
    slug::is_valid(chart).then(|| dir.join(format!("{}.json", chart)))
}

/// The static image of `chart`'s feed `hash` at `width` under `dir`: `DIR/static/{id}.{hash}.{width}.svg`,
/// or `….dark.svg`.
pub fn static_path(dir: &Path, chart: &str, hash: &str, width: i64, dark: bool) -> Option<PathBuf> {
    let name = format!("{}.{}.{}{}.svg", chart, hash, width, if dark { ".dark" } else { "" });
    let ok = parse_name(&name).is_some();
    ok.then(|| dir.join("static").join(name))
}

/// The file of version `n` of `chart` under `dir`.
pub fn version_path(dir: &Path, chart: &str, n: i64) -> Option<PathBuf> {
    slug::is_valid(chart).then(|| dir.join(chart).join(format!("v{}.json", n)))
}

/// The file name a reader asks for, `{id}.{hash}.{width}.svg` or `{id}.{hash}.{width}.dark.svg`,
/// read back as (id, hash, width, dark): `None` unless the id is a slug, the hash 8 lower-case hex
/// digits and the width a whole number without a leading zero.
pub fn parse_name(file: &str) -> Option<(&str, &str, i64, bool)> {
    let rest = file.strip_suffix(".svg")?;
    let (rest, dark) = match rest.strip_suffix(".dark") {
        Some(r) => (r, true),
        None => (rest, false),
    };
    let (rest, width) = rest.rsplit_once('.')?;
    let (id, hash) = rest.rsplit_once('.')?;
    let hex = hash.len() == 8 && hash.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
    let num = !width.is_empty() && width.len() <= 5 && !width.starts_with('0') && width.bytes().all(|b| b.is_ascii_digit());
    (slug::is_valid(id) && hex && num).then_some(())?;
    Some((id, hash, width.parse().ok()?, dark))
}
