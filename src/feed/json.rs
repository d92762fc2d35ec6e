//! JSON for the feed: a small parser into [`Value`] and the writing helpers the
//! web layer builds its answers with.
//!
//! It reads exactly what serde_json reads and rejects the same inputs with the
//! same messages and positions (a differential test holds it to that), so feed
//! problems keep their wording, line and column; it is a few KB of wasm where
//! serde_json's generic deserializer and `BTreeMap` were about 28 KB. Numbers
//! are read with serde_json's own algorithm (without `float_roundtrip`), so
//! every value is the same `f64` as before. Objects keep the last of duplicate
//! keys and list keys in sorted order, as serde_json's map does.

use std::fmt;

use super::catalogue::Code;

/// A JSON value.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number.
    Number(Number),
    /// A string.
    String(String),
    /// An array.
    Array(List),
    /// An object.
    Object(Map),
}

impl Value {
    /// The object, if this is one.
    pub fn as_object(&self) -> Option<&Map> {
        match self {
            Value::Object(m) => Some(m),
            _ => None,
        }
    }

    /// The text, if this is a string.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    /// The number as `f64`, if this is a number.
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Value::Number(n) => n.as_f64(),
            _ => None,
        }
    }
}

impl fmt::Display for Value {
    /// Compact JSON, as serde_json writes it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut s = String::new();
        push_value(&mut s, self);
        f.write_str(&s)
    }
}

/// Appends `v` as compact JSON.
pub fn push_value(out: &mut String, v: &Value) {
    match v {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => push_number(out, n),
        Value::String(s) => push_str(out, s),
        Value::Array(items) => {
            out.push('[');
            for (i, x) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                push_value(out, x);
            }
            out.push(']');
        }
        Value::Object(m) => {
            out.push('{');
            for (i, (k, x)) in m.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                push_str(out, k);
                out.push(':');
                push_value(out, x);
            }
            out.push('}');
        }
    }
}

/// Appends `s` as a JSON string: quoted, with `"`, `\\` and control characters escaped.
pub fn push_str(out: &mut String, s: &str) {
    out.reserve(s.len() + 2);
    out.push('"');
    // runs of characters that need no escape are copied whole (a chart's points() writes
    // thousands of strings); only `"`, `\` and controls below U+0020 are written escaped
    let mut run = 0;
    for (i, b) in s.bytes().enumerate() {
        let esc: &str = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0c => "\\f",
            0..=0x1f => "",
            _ => continue,
        };
        out.push_str(s.get(run..i).unwrap_or_default());
        run = i + 1;
        if esc.is_empty() {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.push_str("\\u00");
            out.push(HEX[(b as usize) >> 4] as char);
            out.push(HEX[(b as usize) & 15] as char);
        } else {
            out.push_str(esc);
        }
    }
    out.push_str(s.get(run..).unwrap_or_default());
    out.push('"');
}

/// Appends a number: integers as digits, floats as [`crate::format::shortest::push_json`].
pub fn push_number(out: &mut String, n: &Number) {
    match *n {
        Number::PosInt(n) => push_u64(out, n),
        Number::NegInt(n) => {
            out.push('-');
            push_u64(out, n.unsigned_abs());
        }
        Number::Float(v) => crate::format::shortest::push_json(out, v),
    }
}

/// Appends an `f64` as JSON: `null` when it is not finite.
pub fn push_f64(out: &mut String, v: f64) {
    if v.is_finite() {
        crate::format::shortest::push_json(out, v);
    } else {
        out.push_str("null");
    }
}

/// Writes a JSON object member by member, for answers built by hand:
/// `Obj::new(&mut out).str("a", "x").num("b", 1.5).end()` gives `{"a":"x","b":1.5}`.
pub struct Obj<'a> {
    out: &'a mut String,
    first: bool,
}

impl<'a> Obj<'a> {
    /// Opens an object at the end of `out`.
    pub fn new(out: &'a mut String) -> Obj<'a> {
        out.push('{');
        Obj { out, first: true }
    }

    /// Starts member `key`; append its value to the string returned.
    pub fn key(&mut self, key: &str) -> &mut String {
        if !self.first {
            self.out.push(',');
        }
        self.first = false;
        push_str(self.out, key);
        self.out.push(':');
        self.out
    }

    /// A string member.
    pub fn str(&mut self, key: &str, v: &str) -> &mut Self {
        push_str(self.key(key), v);
        self
    }

    /// A number member (`null` when not finite).
    pub fn num(&mut self, key: &str, v: f64) -> &mut Self {
        push_f64(self.key(key), v);
        self
    }

    /// A whole-number member.
    pub fn int(&mut self, key: &str, v: u64) -> &mut Self {
        push_u64(self.key(key), v);
        self
    }

    /// A boolean member.
    pub fn bool(&mut self, key: &str, v: bool) -> &mut Self {
        self.key(key).push_str(if v { "true" } else { "false" });
        self
    }

    /// A member whose value is already JSON text.
    pub fn raw(&mut self, key: &str, json: &str) -> &mut Self {
        self.key(key).push_str(json);
        self
    }

    /// Closes the object.
    pub fn end(&mut self) {
        self.out.push('}');
    }
}

/// Appends `[f(a), f(b), …]`: `f` appends each item's JSON.
pub fn push_list<T>(out: &mut String, items: impl IntoIterator<Item = T>, mut f: impl FnMut(&mut String, T)) {
    out.push('[');
    for (i, x) in items.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        f(out, x);
    }
    out.push(']');
}

/// A JSON number: an integer when the text is one that fits 64 bits, else a float.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Number {
    /// A non-negative integer.
    PosInt(u64),
    /// A negative integer.
    NegInt(i64),
    /// Anything else (always finite).
    Float(f64),
}

impl Number {
    /// The value as `u64`, for non-negative integers.
    pub fn as_u64(&self) -> Option<u64> {
        match *self {
            Number::PosInt(n) => Some(n),
            _ => None,
        }
    }

    /// The value as `i64`, for integers that fit.
    pub fn as_i64(&self) -> Option<i64> {
        match *self {
            Number::PosInt(n) => i64::try_from(n).ok(),
            Number::NegInt(n) => Some(n),
            Number::Float(_) => None,
        }
    }

    /// The value as `f64` (always `Some`).
    pub fn as_f64(&self) -> Option<f64> {
        Some(match *self {
            Number::PosInt(n) => n as f64,
            Number::NegInt(n) => n as f64,
            Number::Float(f) => f,
        })
    }

    /// As serde_json writes numbers: `2019`, `-3`, `2019.5`, `1.0`, `1e+16`. What `to_string()`
    /// gives, without `core::fmt` (the readers' module calls this one).
    pub fn text(&self) -> String {
        let mut s = String::new();
        push_number(&mut s, self);
        s
    }
}

impl fmt::Display for Number {
    /// As serde_json writes numbers: `2019`, `-3`, `2019.5`, `1.0`, `1e+16`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text())
    }
}

pub use crate::format::decimal::push_u64;

/// An array: its items, and where each starts in the text it was read from.
#[derive(Clone, Debug, Default)]
pub struct List {
    items: Vec<Value>,
    /// Byte offset of each item in the parsed text; empty for a list built in code.
    at: Vec<u32>,
}

impl List {
    /// Where item `i` starts in the text it was read from (a byte offset).
    pub fn offset(&self, i: usize) -> Option<usize> {
        self.at.get(i).map(|&a| a as usize)
    }
}

impl From<Vec<Value>> for List {
    fn from(items: Vec<Value>) -> List {
        List { items, at: Vec::new() }
    }
}

impl std::ops::Deref for List {
    type Target = Vec<Value>;
    fn deref(&self) -> &Vec<Value> {
        &self.items
    }
}

impl PartialEq for List {
    /// The same items: where they were in the text does not count.
    fn eq(&self, other: &List) -> bool {
        self.items == other.items
    }
}

/// An object: members sorted by key, one per key (the last one in the text).
#[derive(Clone, Debug, Default)]
pub struct Map {
    /// Key, value, and the byte offset where the value starts in the parsed text (the first
    /// occurrence's, for a key given twice; 0 for a member set in code).
    members: Vec<(String, Value, u32)>,
}

impl PartialEq for Map {
    /// The same members: where they were in the text does not count.
    fn eq(&self, other: &Map) -> bool {
        self.len() == other.len() && self.iter().zip(other.iter()).all(|(a, b)| a == b)
    }
}

impl Map {
    /// An empty object.
    pub fn new() -> Map {
        Map::default()
    }

    fn find(&self, key: &str) -> Result<usize, usize> {
        self.members.binary_search_by(|(k, _, _)| k.as_str().cmp(key))
    }

    /// Sets `key`, replacing an earlier value.
    pub fn insert(&mut self, key: String, value: Value) {
        self.insert_at(key, value, 0);
    }

    /// Sets `key` read at byte offset `at`; a key read twice keeps the first one's place.
    fn insert_at(&mut self, key: String, value: Value, at: u32) {
        match self.find(&key) {
            Ok(i) => self.members[i].1 = value,
            Err(i) => self.members.insert(i, (key, value, at)),
        }
    }

    /// The value of `key`.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.find(key).ok().map(|i| &self.members[i].1)
    }

    /// Where the value of `key` starts in the text it was read from (a byte offset).
    pub fn offset(&self, key: &str) -> Option<usize> {
        self.find(key).ok().map(|i| self.members[i].2 as usize)
    }

    /// Whether `key` is present.
    pub fn contains_key(&self, key: &str) -> bool {
        self.find(key).is_ok()
    }

    /// The keys, sorted.
    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.members.iter().map(|(k, _, _)| k)
    }

    /// The members, sorted by key.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &Value)> {
        self.members.iter().map(|(k, v, _)| (k, v))
    }

    /// The number of members.
    pub fn len(&self) -> usize {
        self.members.len()
    }

    /// True for `{}`.
    pub fn is_empty(&self) -> bool {
        self.members.is_empty()
    }
}

/// A syntax error: serde_json's message, and where (line from 1; column in
/// bytes from the line start, the byte itself counted, as serde_json gives it).
#[derive(Clone, Debug, PartialEq)]
pub struct Error {
    /// What is wrong, in serde_json's words ("trailing comma"); empty in the readers' wasm (see [`super::MESSAGES`]).
    pub message: &'static str,
    /// Which syntax error this is: its problem's code.
    pub code: Code,
    /// True when the text ended too early (serde_json's `Category::Eof`).
    pub eof: bool,
    /// Line, from 1.
    pub line: usize,
    /// Column in bytes.
    pub column: usize,
}

impl fmt::Display for Error {
    /// As serde_json writes it: `trailing comma at line 4 column 110`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.message)?;
        f.write_str(" at line ")?;
        fmt::Display::fmt(&self.line, f)?;
        f.write_str(" column ")?;
        fmt::Display::fmt(&self.column, f)
    }
}

// Each syntax error is a problem's code; serde_json's words for it are the end of the code's English
// words in the catalogue (`super::catalogue`). The readers' wasm, which builds no words (see
// `problem::MESSAGES`), has the code alone.
macro_rules! syntax {
    ($($name:ident = $code:ident;)*) => {
        $(const $name: Code = Code::$code;)*
    };
}
syntax! {
    EOF_VALUE = JsonEofValue;
    EOF_LIST = JsonEofList;
    EOF_OBJECT = JsonEofObject;
    EOF_STRING = JsonEofString;
    EXPECTED_COLON = JsonExpectedColon;
    LIST_COMMA = JsonListComma;
    OBJECT_COMMA = JsonObjectComma;
    IDENT = JsonIdent;
    VALUE = JsonValue;
    ESCAPE = JsonEscape;
    NUMBER = JsonNumber;
    RANGE = JsonRange;
    CONTROL = JsonControl;
    KEY = JsonKey;
    SURROGATE = JsonSurrogate;
    TRAILING_COMMA = JsonTrailingComma;
    TRAILING = JsonTrailing;
    HEX_END = JsonHexEnd;
    DEPTH = JsonDepth;
}

/// serde_json's words for the syntax error `code`: "trailing comma".
#[cfg(any(feature = "builder", not(target_arch = "wasm32")))]
fn syntax_words(code: Code) -> &'static str {
    code.template(false).strip_prefix("not valid JSON: ").unwrap_or_default()
}

/// (The readers' wasm has no words: see [`super::MESSAGES`].)
#[cfg(not(any(feature = "builder", not(target_arch = "wasm32"))))]
fn syntax_words(_: Code) -> &'static str {
    ""
}

/// Nesting deeper than this is an error, as in serde_json.
const MAX_DEPTH: u32 = 128;

/// Parses one JSON value that fills `text` (whitespace around it allowed).
pub fn parse(text: &str) -> Result<Value, Error> {
    let mut p = Parser { s: text, b: text.as_bytes(), i: 0, depth: MAX_DEPTH };
    let v = p.value()?;
    match p.ws() {
        Some(_) => Err(p.peek_err(TRAILING)),
        None => Ok(v),
    }
}

type R<T> = Result<T, Error>;

struct Parser<'a> {
    /// The text, and its bytes: strings are cut from it at ASCII quotes and backslashes, so
    /// they need no UTF-8 check (nor `core::str::from_utf8` in the wasm).
    s: &'a str,
    b: &'a [u8],
    i: usize,
    depth: u32,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }

    fn peek0(&self) -> u8 {
        self.peek().unwrap_or(0)
    }

    fn next(&mut self) -> Option<u8> {
        let c = self.peek();
        if c.is_some() {
            self.i += 1;
        }
        c
    }

    fn at(&self, i: usize, code: Code) -> Error {
        let i = i.min(self.b.len());
        let start = self.b[..i].iter().rposition(|&c| c == b'\n').map_or(0, |p| p + 1);
        let line = 1 + self.b[..start].iter().filter(|&&c| c == b'\n').count();
        let eof = matches!(code, Code::JsonEofValue | Code::JsonEofList | Code::JsonEofObject | Code::JsonEofString);
        Error { message: syntax_words(code), code, eof, line, column: i - start }
    }

    /// An error about the byte just read.
    fn err(&self, code: Code) -> Error {
        self.at(self.i, code)
    }

    /// An error about the byte about to be read.
    fn peek_err(&self, code: Code) -> Error {
        self.at(self.i + 1, code)
    }

    /// Where the next value starts: past the whitespace before it.
    fn start(&mut self) -> u32 {
        self.ws();
        self.i as u32
    }

    fn ws(&mut self) -> Option<u8> {
        while let Some(b' ' | b'\n' | b'\t' | b'\r') = self.peek() {
            self.i += 1;
        }
        self.peek()
    }

    fn value(&mut self) -> R<Value> {
        let Some(c) = self.ws() else { return Err(self.peek_err(EOF_VALUE)) };
        match c {
            b'n' => self.ident(b"null", Value::Null),
            b't' => self.ident(b"true", Value::Bool(true)),
            b'f' => self.ident(b"false", Value::Bool(false)),
            b'-' => {
                self.i += 1;
                self.number(false).map(Value::Number)
            }
            b'0'..=b'9' => self.number(true).map(Value::Number),
            b'"' => {
                self.i += 1;
                self.string().map(Value::String)
            }
            b'[' | b'{' => {
                self.depth -= 1;
                if self.depth == 0 {
                    return Err(self.peek_err(DEPTH));
                }
                self.i += 1;
                let v = if c == b'[' { self.array() } else { self.object() };
                self.depth += 1;
                v
            }
            _ => Err(self.peek_err(VALUE)),
        }
    }

    fn ident(&mut self, word: &[u8], v: Value) -> R<Value> {
        self.i += 1;
        for &want in &word[1..] {
            match self.next() {
                None => return Err(self.err(EOF_VALUE)),
                Some(c) if c != want => return Err(self.err(IDENT)),
                _ => {}
            }
        }
        Ok(v)
    }

    fn array(&mut self) -> R<Value> {
        let mut items = Vec::new();
        let mut at = Vec::new();
        loop {
            let Some(c) = self.ws() else { return Err(self.peek_err(EOF_LIST)) };
            if c == b']' {
                break;
            }
            if !items.is_empty() {
                if c != b',' {
                    return Err(self.peek_err(LIST_COMMA));
                }
                self.i += 1;
                match self.ws() {
                    Some(b']') => return Err(self.peek_err(TRAILING_COMMA)),
                    Some(_) => {}
                    None => return Err(self.peek_err(EOF_VALUE)),
                }
            }
            at.push(self.start());
            items.push(self.value()?);
        }
        self.i += 1;
        Ok(Value::Array(List { items, at }))
    }

    fn object(&mut self) -> R<Value> {
        let mut map = Map::new();
        let mut first = true;
        loop {
            let Some(c) = self.ws() else { return Err(self.peek_err(EOF_OBJECT)) };
            if c == b'}' {
                break;
            }
            if !first {
                if c != b',' {
                    return Err(self.peek_err(OBJECT_COMMA));
                }
                self.i += 1;
                match self.ws() {
                    Some(b'"') => {}
                    Some(b'}') => return Err(self.peek_err(TRAILING_COMMA)),
                    Some(_) => return Err(self.peek_err(KEY)),
                    None => return Err(self.peek_err(EOF_VALUE)),
                }
            } else if c != b'"' {
                return Err(self.peek_err(KEY));
            }
            first = false;
            self.i += 1;
            let key = self.string()?;
            match self.ws() {
                Some(b':') => self.i += 1,
                Some(_) => return Err(self.peek_err(EXPECTED_COLON)),
                None => return Err(self.peek_err(EOF_OBJECT)),
            }
            let at = self.start();
            let v = self.value()?;
            map.insert_at(key, v, at);
        }
        self.i += 1;
        Ok(Value::Object(map))
    }

    /// A string whose opening quote has been read.
    fn string(&mut self) -> R<String> {
        let mut out = String::new();
        let mut start = self.i;
        loop {
            while let Some(c) = self.peek() {
                if c == b'"' || c == b'\\' || c < 0x20 {
                    break;
                }
                self.i += 1;
            }
            let Some(c) = self.peek() else { return Err(self.err(EOF_STRING)) };
            out.push_str(self.s.get(start..self.i).unwrap_or_default());
            self.i += 1;
            match c {
                b'"' => return Ok(out),
                b'\\' => self.escape(&mut out)?,
                _ => return Err(self.err(CONTROL)),
            }
            start = self.i;
        }
    }

    fn escape(&mut self, out: &mut String) -> R<()> {
        let Some(c) = self.next() else { return Err(self.err(EOF_STRING)) };
        let ch = match c {
            b'"' | b'\\' | b'/' => c,
            b'b' => 8,
            b'f' => 12,
            b'n' => b'\n',
            b'r' => b'\r',
            b't' => b'\t',
            b'u' => return self.unicode(out),
            _ => return Err(self.err(ESCAPE)),
        };
        out.push(ch as char);
        Ok(())
    }

    fn hex4(&mut self) -> R<u32> {
        if self.b.len() - self.i < 4 {
            self.i = self.b.len();
            return Err(self.err(EOF_STRING));
        }
        let mut n = 0;
        let mut ok = true;
        for _ in 0..4 {
            let d = (self.b[self.i] as char).to_digit(16);
            ok &= d.is_some();
            n = n * 16 + d.unwrap_or(0);
            self.i += 1;
        }
        if ok {
            Ok(n)
        } else {
            Err(self.err(ESCAPE))
        }
    }

    fn unicode(&mut self, out: &mut String) -> R<()> {
        let n = self.hex4()?;
        if (0xDC00..=0xDFFF).contains(&n) {
            return Err(self.err(SURROGATE));
        }
        let code = if (0xD800..=0xDBFF).contains(&n) {
            for want in [b'\\', b'u'] {
                match self.peek() {
                    None => return Err(self.err(EOF_STRING)),
                    Some(c) if c == want => self.i += 1,
                    Some(_) => {
                        self.i += 1;
                        return Err(self.err(HEX_END));
                    }
                }
            }
            let n2 = self.hex4()?;
            if !(0xDC00..=0xDFFF).contains(&n2) {
                return Err(self.err(SURROGATE));
            }
            (((n - 0xD800) << 10) | (n2 - 0xDC00)) + 0x1_0000
        } else {
            n
        };
        out.push(char::from_u32(code).unwrap_or('\u{fffd}'));
        Ok(())
    }

    /// A number whose sign, if any, has been read.
    fn number(&mut self, positive: bool) -> R<Number> {
        let Some(c) = self.next() else { return Err(self.err(EOF_VALUE)) };
        let mut sig: u64 = match c {
            b'0' => {
                if self.peek0().is_ascii_digit() {
                    return Err(self.peek_err(NUMBER));
                }
                0
            }
            b'1'..=b'9' => (c - b'0') as u64,
            _ => return Err(self.err(NUMBER)),
        };
        if c != b'0' {
            while let c @ b'0'..=b'9' = self.peek0() {
                let d = (c - b'0') as u64;
                if overflows(sig, d, u64::MAX) {
                    // more digits than a u64 holds: the rest only scale it
                    let mut exp = 0i32;
                    while self.peek0().is_ascii_digit() {
                        self.i += 1;
                        exp += 1;
                    }
                    return self.fraction(positive, sig, exp).map(Number::Float);
                }
                self.i += 1;
                sig = sig * 10 + d;
            }
        }
        match self.peek0() {
            b'.' | b'e' | b'E' => self.fraction(positive, sig, 0).map(Number::Float),
            _ if positive => Ok(Number::PosInt(sig)),
            _ => {
                let neg = (sig as i64).wrapping_neg();
                // -0 and integers below i64::MIN become floats
                Ok(if neg >= 0 { Number::Float(-(sig as f64)) } else { Number::NegInt(neg) })
            }
        }
    }

    /// The decimals and exponent after `sig`·10^`exp`.
    fn fraction(&mut self, positive: bool, mut sig: u64, mut exp: i32) -> R<f64> {
        if self.peek0() == b'.' {
            self.i += 1;
            let mut decimals = 0;
            let mut overflowed = false;
            while let c @ b'0'..=b'9' = self.peek0() {
                let d = (c - b'0') as u64;
                if overflowed || overflows(sig, d, u64::MAX) {
                    // the significand is full: further digits are dropped
                    overflowed = true;
                    self.i += 1;
                    continue;
                }
                self.i += 1;
                sig = sig * 10 + d;
                decimals += 1;
            }
            if decimals == 0 && !overflowed {
                return Err(match self.peek() {
                    Some(_) => self.peek_err(NUMBER),
                    None => self.peek_err(EOF_VALUE),
                });
            }
            exp -= decimals;
        }
        if let b'e' | b'E' = self.peek0() {
            self.i += 1;
            let positive_exp = match self.peek0() {
                b'+' => {
                    self.i += 1;
                    true
                }
                b'-' => {
                    self.i += 1;
                    false
                }
                _ => true,
            };
            let mut e: i32 = match self.next() {
                None => return Err(self.err(EOF_VALUE)),
                Some(c @ b'0'..=b'9') => (c - b'0') as i32,
                Some(_) => return Err(self.err(NUMBER)),
            };
            while let c @ b'0'..=b'9' = self.peek0() {
                self.i += 1;
                let d = (c - b'0') as i32;
                if overflows(e as u64, d as u64, i32::MAX as u64) {
                    if sig != 0 && positive_exp {
                        return Err(self.err(RANGE));
                    }
                    while self.peek0().is_ascii_digit() {
                        self.i += 1;
                    }
                    return Ok(if positive { 0.0 } else { -0.0 });
                }
                e = e * 10 + d;
            }
            exp = if positive_exp { exp.saturating_add(e) } else { exp.saturating_sub(e) };
        }
        self.from_parts(positive, sig, exp)
    }

    /// `sig`·10^`exp` as serde_json computes it (without `float_roundtrip`).
    fn from_parts(&self, positive: bool, sig: u64, mut exp: i32) -> R<f64> {
        let mut f = sig as f64;
        loop {
            let e = exp.unsigned_abs();
            if e <= 308 {
                let pow = crate::format::shortest::pow10(e);
                if exp >= 0 {
                    f *= pow;
                    if f.is_infinite() {
                        return Err(self.err(RANGE));
                    }
                } else {
                    f /= pow;
                }
                break;
            }
            if f == 0.0 {
                break;
            }
            if exp >= 0 {
                return Err(self.err(RANGE));
            }
            f /= 1e308;
            exp += 308;
        }
        Ok(if positive { f } else { -f })
    }
}

/// Whether `a * 10 + d` exceeds `max`.
fn overflows(a: u64, d: u64, max: u64) -> bool {
    a >= max / 10 && (a > max / 10 || d > max % 10)
}

