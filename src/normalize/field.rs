//! What every object's checks share: wrong types, missing and unknown fields, and the plain
//! fields (text, booleans, `decimals`) that several objects have.

use super::{join, Cx};
use crate::feed::json::{Map, Value};
use crate::feed::problem::msg;
use crate::feed::spec::{self, Field};
use crate::feed::Problem;

fn type_name_zh(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "布尔值",
        Value::Number(_) => "数字",
        Value::String(_) => "文本",
        Value::Array(_) => "数组",
        Value::Object(_) => "对象",
    }
}

fn type_name_en(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

impl Cx {
    pub(super) fn error(&mut self, path: &str, zh: String, en: String) {
        self.problems.push(Problem::error(path, zh, en));
    }

    pub(super) fn wrong_type(&mut self, path: &str, want_zh: &str, want_en: &str, got: &Value) {
        self.error(
            path,
            msg!("应为{}，实际是{}", want_zh, type_name_zh(got)),
            msg!("must be {}, found {}", want_en, type_name_en(got)),
        );
    }

    pub(super) fn missing(&mut self, path: &str, key: &str) {
        self.error(
            path,
            msg!("缺少必填字段 \"{}\"", key),
            msg!("required field \"{}\" is missing", key),
        );
    }

    pub(super) fn unknown_keys(&mut self, path: &str, obj: &Map, known: &[Field]) {
        for k in obj.keys() {
            if !spec::names(known).any(|n| n == k) {
                self.problems.push(Problem::warning(
                    &join(path, k),
                    msg!("未知字段 \"{}\"，已忽略", k),
                    msg!("unknown field \"{}\" was ignored", k),
                ));
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
                self.wrong_type(&join(path, key), "文本", "text", other);
                None
            }
        }
    }

    pub(super) fn boolean(&mut self, obj: &Map, path: &str, key: &str) -> Option<bool> {
        match obj.get(key) {
            None | Some(Value::Null) => None,
            Some(Value::Bool(b)) => Some(*b),
            Some(other) => {
                self.wrong_type(&join(path, key), "true 或 false", "true or false", other);
                None
            }
        }
    }

    pub(super) fn decimals(&mut self, obj: &Map, path: &str) -> Option<u32> {
        match obj.get("decimals") {
            None | Some(Value::Null) => None,
            Some(Value::Number(n)) if n.as_u64().is_some_and(|d| d <= 6) => n.as_u64().map(|d| d as u32),
            Some(other) => {
                self.error(
                    &join(path, "decimals"),
                    msg!("decimals 应为 0 到 6 的整数，实际是 {}", other),
                    msg!("decimals must be a whole number from 0 to 6, found {}", other),
                );
                None
            }
        }
    }
}
