//! `--public-url`: the address readers and the builder use when the service sits behind a
//! TLS-terminating proxy or load balancer. It decides the session cookie's `Secure` flag (the
//! service itself may listen on plain HTTP on loopback), the origin a state-changing request must
//! come from, and the addresses `--demo` prints.

/// A parsed `--public-url`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PublicUrl {
    /// The URL without a trailing `/`: feeds are at `{base}/feeds/ID.json`.
    pub base: String,
    /// `scheme://host[:port]`, lower case and without a default port, as a browser sends `Origin`.
    pub origin: String,
    /// Whether readers reach the service over TLS.
    pub https: bool,
}

/// Parses `http(s)://host[:port][/path]`; no user, query or fragment.
pub fn parse(url: &str) -> Result<PublicUrl, String> {
    let bad = || format!("--public-url {}: an http:// or https:// address such as https://charts.example.org", url);
    let (scheme, rest) = url.split_once("://").ok_or_else(bad)?;
    let scheme = scheme.to_ascii_lowercase();
    let https = match scheme.as_str() {
        "https" => true,
        "http" => false,
        _ => return Err(bad()),
    };
    let (authority, path) = rest.find('/').map_or((rest, ""), |i| (&rest[..i], &rest[i..]));
    let authority = authority.to_ascii_lowercase();
    let host_ok = !authority.is_empty() && authority.chars().all(|c| c.is_ascii_alphanumeric() || ".-:[]".contains(c));
    if !host_ok || url.contains(['?', '#', ' ', '@']) {
        return Err(bad());
    }
    let default_port = if https { ":443" } else { ":80" };
    let authority = authority.strip_suffix(default_port).unwrap_or(&authority);
    let origin = format!("{}://{}", scheme, authority);
    Ok(PublicUrl { base: format!("{}{}", origin, path.trim_end_matches('/')), origin, https })
}
