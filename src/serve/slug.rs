//! Chart ids: short slugs, the only names that reach a URL, a file name under `--publish-dir` or a
//! query. Checked before anything else touches them, so `../`, NUL or a 10 KB name never does.
//! Also the upstream source addresses a chart may name (read by `http` and `upstream` alike).

/// The longest id accepted.
pub const MAX_LEN: usize = 64;

/// Whether `id` is a chart id: `[a-z0-9][a-z0-9-]*`, at most [`MAX_LEN`] bytes.
pub fn is_valid(id: &str) -> bool {
    let b = id.as_bytes();
    !b.is_empty()
        && b.len() <= MAX_LEN
        && b[0] != b'-'
        && b.iter().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == b'-')
}

/// Whether `url` may be a source: http or https.
pub fn valid_url(url: &str) -> bool {
    (url.starts_with("http://") || url.starts_with("https://")) && url.len() <= 2000 && !url.contains(char::is_whitespace)
}
