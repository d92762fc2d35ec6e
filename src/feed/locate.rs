//! Finds where a JSON path's value starts in the feed text, so that every
//! problem can name a line and column, not only syntax errors.
//!
//! The text has already parsed as JSON when this runs, so the scanner can be small.

/// One step of a JSON path.
#[derive(Clone, Debug, PartialEq)]
pub enum Seg {
    /// An object member.
    Key(String),
    /// An array element.
    Index(usize),
}

/// Splits `datasets[0].series[1].name` into segments.
pub fn parse_path(path: &str) -> Vec<Seg> {
    let mut out = Vec::new();
    for part in path.split('.') {
        let mut rest = part;
        // (`get`, not `[..]`: a str index that panics brings core::fmt's char tables into the wasm)
        if let Some(b) = rest.find('[') {
            if b > 0 {
                out.push(Seg::Key(rest.get(..b).unwrap_or_default().to_string()));
            }
            rest = rest.get(b..).unwrap_or_default();
            while let Some(stripped) = rest.strip_prefix('[') {
                let end = stripped.find(']').unwrap_or(stripped.len());
                if let Ok(i) = stripped.get(..end).unwrap_or_default().parse::<usize>() {
                    out.push(Seg::Index(i));
                }
                rest = stripped.get(end + 1..).unwrap_or("");
            }
        } else if !rest.is_empty() {
            out.push(Seg::Key(rest.to_string()));
        }
    }
    out
}

/// Line and column (1-based, columns in characters) of the value at `path`,
/// or of the deepest enclosing value found.
pub fn locate(src: &str, path: &[Seg]) -> (u32, u32) {
    let b = src.as_bytes();
    let mut pos = 0;
    skip_ws(b, &mut pos);
    let mut at = pos;
    for seg in path {
        match find_child(src, at, seg) {
            Some(p) => at = p,
            None => break,
        }
    }
    line_col(src, at)
}

/// Line and column of byte offset `at`.
pub fn line_col(src: &str, at: usize) -> (u32, u32) {
    let at = at.min(src.len());
    let mut line = 1u32;
    let mut col = 1u32;
    for (i, c) in src.char_indices() {
        if i >= at {
            break;
        }
        if c == '\n' {
            line += 1;
            col = 1;
        } else {
            col += 1;
        }
    }
    (line, col)
}

fn skip_ws(b: &[u8], pos: &mut usize) {
    while *pos < b.len() && matches!(b[*pos], b' ' | b'\t' | b'\n' | b'\r') {
        *pos += 1;
    }
    // a UTF-8 byte order mark before the value
    if b[*pos..].starts_with(&[0xEF, 0xBB, 0xBF]) {
        *pos += 3;
        skip_ws(b, pos);
    }
}

/// Start of the child `seg` of the value starting at `at`.
fn find_child(s: &str, at: usize, seg: &Seg) -> Option<usize> {
    let b = s.as_bytes();
    let mut pos = at;
    match (b.get(pos)?, seg) {
        (b'{', Seg::Key(key)) => {
            pos += 1;
            loop {
                skip_ws(b, &mut pos);
                if *b.get(pos)? != b'"' {
                    return None;
                }
                let k = read_string(s, &mut pos)?;
                skip_ws(b, &mut pos);
                pos += 1; // ':'
                skip_ws(b, &mut pos);
                if &k == key {
                    return Some(pos);
                }
                past_item(s, &mut pos)?;
            }
        }
        (b'[', Seg::Index(i)) => {
            pos += 1;
            let mut n = 0;
            loop {
                skip_ws(b, &mut pos);
                if *b.get(pos)? == b']' {
                    return None;
                }
                if n == *i {
                    return Some(pos);
                }
                past_item(s, &mut pos)?;
                n += 1;
            }
        }
        _ => None,
    }
}

fn read_string(s: &str, pos: &mut usize) -> Option<String> {
    let b = s.as_bytes();
    let start = *pos + 1;
    let mut p = start;
    let mut has_escape = false;
    while *b.get(p)? != b'"' {
        if b[p] == b'\\' {
            has_escape = true;
            p += 1;
        }
        p += 1;
    }
    *pos = p + 1;
    if has_escape {
        // decode escapes exactly as the parse did
        super::json::parse_string(s.get(start - 1..p + 1)?)
    } else {
        s.get(start..p).map(String::from)
    }
}

fn skip_value(s: &str, pos: &mut usize) -> Option<()> {
    let b = s.as_bytes();
    match *b.get(*pos)? {
        b'"' => {
            read_string(s, pos)?;
        }
        b'{' | b'[' => {
            let mut depth = 0usize;
            loop {
                match *b.get(*pos)? {
                    b'"' => {
                        read_string(s, pos)?;
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth -= 1;
                        if depth == 0 {
                            *pos += 1;
                            return Some(());
                        }
                    }
                    _ => {}
                }
                *pos += 1;
            }
        }
        _ => {
            while *pos < b.len() && !matches!(b[*pos], b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r') {
                *pos += 1;
            }
        }
    }
    Some(())
}

/// Moves past one member of an object or array and the comma after it; `None` at the last one
/// (no comma follows) or on text that is not JSON.
fn past_item(s: &str, pos: &mut usize) -> Option<()> {
    let b = s.as_bytes();
    skip_value(s, pos)?;
    skip_ws(b, pos);
    if *b.get(*pos)? != b',' {
        return None;
    }
    *pos += 1;
    Some(())
}
