//! What every object's checks share: wrong types, missing and unknown fields, and the plain
//! fields (text, booleans, `decimals`) that several objects have.

use super::{join, Cx};
use crate::feed::json::{Map, Value};
use crate::feed::spec::{self, Field};
use crate::feed::{Code, Problem};

/// The catalogue's term for the type of `v`.
fn type_term(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "text",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

impl Cx {
    pub(super) fn error(&mut self, path: &str, code: Code, args: &[&str]) {
        self.problems.push(Problem::error(path, code, args));
    }

    pub(super) fn warning(&mut self, path: &str, code: Code, args: &[&str]) {
        self.problems.push(Problem::warning(path, code, args));
    }

    /// `got` is not what the field takes: `want`, a term of the catalogue.
    pub(super) fn wrong_type(&mut self, path: &str, want: &str, got: &Value) {
        self.error(path, Code::WrongType, &[want, type_term(got)]);
    }

    pub(super) fn missing(&mut self, path: &str, key: &str) {
        self.error(path, Code::Missing, &[key]);
    }

    pub(super) fn unknown_keys(&mut self, path: &str, obj: &Map, known: &[Field]) {
        for k in obj.keys() {
            if !spec::names(known).any(|n| n == k) {
                self.warning(&join(path, k), Code::UnknownField, &[k]);
            }
        }
    }

    pub(super) fn string(&mut self, obj: &Map, path: &str, key: &str, required: bool) -> Option<String> {
        match obj.get(key) {
            None | Some(Value::Null) if !required => None,
            None => {
                self.missing(path, key);
                None
            }
            Some(Value::String(s)) => Some(s.clone()),
            Some(other) => {
                self.wrong_type(&join(path, key), "text", other);
                None
            }
        }
    }

    pub(super) fn boolean(&mut self, obj: &Map, path: &str, key: &str) -> Option<bool> {
        match obj.get(key) {
            None | Some(Value::Null) => None,
            Some(Value::Bool(b)) => Some(*b),
            Some(other) => {
                self.wrong_type(&join(path, key), "flag", other);
                None
            }
        }
    }

    pub(super) fn decimals(&mut self, obj: &Map, path: &str) -> Option<u32> {
        // (from 0: a u64 is never below it)
        const _: () = assert!(spec::DECIMALS.0 == 0);
        match obj.get("decimals") {
            None | Some(Value::Null) => None,
            Some(Value::Number(n)) if n.as_u64().is_some_and(|d| d <= u64::from(spec::DECIMALS.1)) => n.as_u64().map(|d| d as u32),
            Some(other) => {
                let mut found = String::new();
                crate::feed::json::push_value(&mut found, other);
                self.error(&join(path, "decimals"), Code::BadDecimals, &[&found]);
                None
            }
        }
    }
}
