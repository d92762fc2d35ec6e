//! A dataset's `notes` and `source`, whose link must be http or https.

use super::{index, join, Cx};
use crate::feed::json::{Map, Value};
use crate::feed::Code;
use crate::model::Source;

impl Cx {
    pub(super) fn notes(&mut self, obj: &Map, path: &str) -> Vec<String> {
        let p = join(path, "notes");
        match obj.get("notes") {
            None | Some(Value::Null) => Vec::new(),
            Some(Value::String(s)) => vec![s.clone()],
            Some(Value::Array(items)) => {
                let mut out = Vec::new();
                for (i, n) in items.iter().enumerate() {
                    match n {
                        Value::String(s) => out.push(s.clone()),
                        other => self.wrong_type(&index(&p, i), "text", other),
                    }
                }
                out
            }
            Some(other) => {
                self.wrong_type(&p, "notes", other);
                Vec::new()
            }
        }
    }

    pub(super) fn source(&mut self, obj: &Map, path: &str) -> Option<Source> {
        let p = join(path, "source");
        match obj.get("source") {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) => Some(Source { text: s.clone(), url: None }),
            Some(Value::Object(o)) => {
                let text = self.string(o, &p, "text", true)?;
                let url = self.string(o, &p, "url", false);
                let url = match url {
                    Some(u) if is_http_url(&u) => Some(u),
                    Some(u) => {
                        self.error(&join(&p, "url"), Code::BadLink, &[&u]);
                        None
                    }
                    None => None,
                };
                Some(Source { text, url })
            }
            Some(other) => {
                self.wrong_type(&p, "source", other);
                None
            }
        }
    }
}

/// True for an absolute http or https address with a host.
pub fn is_http_url(u: &str) -> bool {
    // No whitespace or control character anywhere: browsers drop some of them
    // ("java\tscript:" is javascript:), so a checked address could mean another.
    if u.chars().any(|c| c.is_control() || c.is_whitespace()) {
        return false;
    }
    let lower = u.to_ascii_lowercase();
    let rest = lower.strip_prefix("https://").or_else(|| lower.strip_prefix("http://"));
    match rest {
        // a host must follow: not "https:///x", nor "https://\\x" (read as a path by browsers)
        Some(r) => !r.is_empty() && !r.starts_with(['/', '\\']),
        None => false,
    }
}
