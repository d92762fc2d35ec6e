//! The HTTP client of live data sources: TLS with Mozilla's roots or `--upstream-ca`'s, never
//! unverified; no address on the service's own network unless `--allow-upstream-host` names the
//! host (checked on the addresses the name resolves to at fetch time, for every redirect too, so
//! a name that later resolves elsewhere gains nothing); the body and the whole fetch capped.

use std::io;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};
use std::sync::Arc;
use std::time::Duration;

use ureq::http::Uri;
use ureq::tls::{Certificate, PemItem, RootCerts, TlsConfig};
use ureq::unversioned::resolver::{DefaultResolver, ResolvedSocketAddrs, Resolver};
use ureq::unversioned::transport::{DefaultConnector, NextTimeout};
use ureq::Agent;

/// The default `--upstream-timeout`: the whole fetch, connection to last byte.
pub const TIMEOUT: Duration = Duration::from_secs(30);

/// How sources are fetched: made once at start from the command line.
#[derive(Clone, Debug)]
pub struct Policy {
    agent: Agent,
    /// The largest upstream copy read, in bytes (`--upstream-max-bytes`).
    pub max_bytes: usize,
    /// The longest fetch (`--upstream-timeout`).
    pub timeout: Duration,
}

/// What `newschart serve` was told about upstreams.
pub struct Options {
    /// `--upstream-ca FILE`'s PEM bytes: the only roots trusted instead of Mozilla's.
    pub ca_pem: Option<Vec<u8>>,
    /// `--allow-upstream-host HOST`: hosts that may resolve to internal addresses.
    pub allow_hosts: Vec<String>,
    /// `--upstream-max-bytes`.
    pub max_bytes: usize,
    /// `--upstream-timeout`.
    pub timeout: Duration,
}

impl Policy {
    /// Builds the client; an unreadable `--upstream-ca` is an error here, at start.
    pub fn new(o: Options) -> Result<Policy, String> {
        let tls = match &o.ca_pem {
            None => TlsConfig::builder().build(),
            Some(pem) => {
                let certs: Vec<Certificate<'static>> = ureq::tls::parse_pem(pem)
                    .filter_map(|item| match item {
                        Ok(PemItem::Certificate(c)) => Some(c),
                        _ => None,
                    })
                    .collect();
                if certs.is_empty() {
                    return Err("--upstream-ca: no PEM certificate in the file".into());
                }
                TlsConfig::builder().root_certs(RootCerts::Specific(Arc::new(certs))).build()
            }
        };
        let config = Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(Some(o.timeout))
            .tls_config(tls)
            // a proxy from the environment would be the address checked, not the source's
            .proxy(None)
            .build();
        let allow = o.allow_hosts.iter().map(|h| h.trim_matches(['[', ']']).to_ascii_lowercase()).collect();
        let agent = Agent::with_parts(config, DefaultConnector::default(), Guard { allow: Arc::new(allow), inner: DefaultResolver::default() });
        Ok(Policy { agent, max_bytes: o.max_bytes, timeout: o.timeout })
    }

    /// The client, with the guard and caps.
    pub fn agent(&self) -> &Agent {
        &self.agent
    }

    /// A fetch's error in words for the chart's page.
    pub fn describe(&self, url: &str, e: &ureq::Error) -> String {
        match e {
            ureq::Error::BodyExceedsLimit(_) => format!("{}: the copy is larger than {} bytes (--upstream-max-bytes)", url, self.max_bytes),
            ureq::Error::Timeout(_) => format!("{}: no complete answer within {} s (--upstream-timeout)", url, self.timeout.as_secs()),
            ureq::Error::Rustls(t) => format!("{}: TLS: {}{}", url, t, TRUST),
            // rustls's verdict on a certificate reaches ureq as the handshake's I/O error
            ureq::Error::Io(io) if io.kind() == io::ErrorKind::InvalidData && io.to_string().contains("certificate") => format!("{}: TLS: {}{}", url, io, TRUST),
            ureq::Error::Io(io) if io.kind() == io::ErrorKind::PermissionDenied => format!("{}: {}", url, io),
            other => format!("cannot read {}: {}", url, other),
        }
    }
}

const TRUST: &str = " (a certificate the service does not trust is refused; give its CA with --upstream-ca)";

/// Resolves as usual, then refuses the host when any of its addresses is internal.
#[derive(Debug)]
struct Guard {
    allow: Arc<Vec<String>>,
    inner: DefaultResolver,
}

impl Resolver for Guard {
    fn resolve(&self, uri: &Uri, config: &ureq::config::Config, timeout: NextTimeout) -> Result<ResolvedSocketAddrs, ureq::Error> {
        let addrs = self.inner.resolve(uri, config, timeout)?;
        let host = uri.host().unwrap_or("").trim_matches(['[', ']']).to_ascii_lowercase();
        if self.allow.contains(&host) {
            return Ok(addrs);
        }
        match addrs.iter().find(|a| !is_public(a.ip())) {
            Some(a) => Err(ureq::Error::Io(io::Error::new(
                io::ErrorKind::PermissionDenied,
                format!("refused: {} is {}, {}; a newsroom's own host may be allowed with --allow-upstream-host {}", host, a.ip(), kind(a.ip()), host),
            ))),
            None => Ok(addrs),
        }
    }
}

/// Whether a source may be fetched from `ip`: not loopback, private, link-local, unspecified,
/// multicast, broadcast or shared (carrier-grade NAT), in IPv4 or IPv6 (IPv4-mapped included).
pub fn is_public(ip: IpAddr) -> bool {
    kind(ip) == "public"
}

fn kind(ip: IpAddr) -> &'static str {
    match ip {
        IpAddr::V4(v4) => kind_v4(v4),
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => kind_v4(v4),
            None => kind_v6(v6),
        },
    }
}

fn kind_v4(ip: Ipv4Addr) -> &'static str {
    let o = ip.octets();
    if ip.is_loopback() {
        "a loopback address"
    } else if ip.is_private() {
        "a private address"
    } else if ip.is_link_local() {
        "a link-local address"
    } else if ip.is_unspecified() || o[0] == 0 {
        "an unspecified address"
    } else if ip.is_multicast() || ip.is_broadcast() {
        "a multicast or broadcast address"
    } else if o[0] == 100 && (o[1] & 0xc0) == 64 {
        "a shared (carrier-grade NAT) address"
    } else {
        "public"
    }
}

fn kind_v6(ip: Ipv6Addr) -> &'static str {
    let first = ip.segments()[0];
    if ip.is_loopback() {
        "a loopback address"
    } else if ip.is_unspecified() {
        "an unspecified address"
    } else if ip.is_multicast() {
        "a multicast address"
    } else if (first & 0xffc0) == 0xfe80 {
        "a link-local address"
    } else if (first & 0xfe00) == 0xfc00 || (first & 0xffc0) == 0xfec0 {
        "a private address"
    } else {
        "public"
    }
}
