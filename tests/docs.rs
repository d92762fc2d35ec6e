//! The documentation's links resolve: every relative link in every Markdown
//! file of the repository names a file or folder that exists, and a link to a
//! `#heading` names a heading of that file (GitHub's anchors). Docs move often
//! (README → docs/, tests → tests/<stage>/); a dead link is a failing test.

use std::fs;
use std::path::{Path, PathBuf};

/// Folders that hold no documentation of ours: build output and installed packages.
const SKIP: [&str; 6] = ["target", "node_modules", "pkg", "dist", ".git", "results"];

fn markdown_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        let name = p.file_name().unwrap().to_string_lossy().to_string();
        if p.is_dir() {
            if !SKIP.contains(&name.as_str()) {
                markdown_files(&p, out);
            }
        } else if name.ends_with(".md") {
            out.push(p);
        }
    }
}

/// The text outside fenced code blocks and inline code spans, line by line.
fn prose(text: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut fenced = false;
    for (i, line) in text.lines().enumerate() {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
            continue;
        }
        if fenced {
            continue;
        }
        let mut kept = String::new();
        let mut in_code = false;
        for c in line.chars() {
            if c == '`' {
                in_code = !in_code;
            } else if !in_code {
                kept.push(c);
            }
        }
        out.push((i + 1, kept));
    }
    out
}

/// GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens.
fn slug(heading: &str) -> String {
    heading
        .trim()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
            _ => None,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

fn anchors(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut fenced = false;
    for line in text.lines() {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
        } else if !fenced && line.starts_with('#') {
            out.push(slug(line.trim_start_matches('#')));
        }
    }
    out
}

/// The targets of `[text](target)` links on a line.
fn link_targets(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = line;
    while let Some(i) = rest.find("](") {
        let after = &rest[i + 2..];
        let Some(end) = after.find(')') else { break };
        out.push(after[..end].split_whitespace().next().unwrap_or("").to_string());
        rest = &after[end..];
    }
    out
}

/// Every dead relative link in the repository's Markdown, as "file:line: target: why".
fn dead_links() -> Vec<String> {
    let mut files = Vec::new();
    markdown_files(Path::new("."), &mut files);
    files.sort();
    assert!(files.iter().any(|f| f.ends_with("README.md")) && files.len() >= 8, "found {:?}", files);
    let mut dead = Vec::new();
    for file in &files {
        let text = fs::read_to_string(file).unwrap();
        for (n, line) in prose(&text) {
            for target in link_targets(&line) {
                if target.is_empty() || target.contains("://") || target.starts_with("mailto:") {
                    continue;
                }
                let (path, anchor) = match target.split_once('#') {
                    Some((p, a)) => (p, Some(a)),
                    None => (target.as_str(), None),
                };
                let resolved = if path.is_empty() { file.clone() } else { file.parent().unwrap().join(path) };
                if !resolved.exists() {
                    dead.push(format!("{}:{}: {}: no such file", file.display(), n, target));
                    continue;
                }
                if let Some(a) = anchor {
                    if resolved.extension().is_some_and(|e| e == "md") && !anchors(&fs::read_to_string(&resolved).unwrap()).iter().any(|h| h == a) {
                        dead.push(format!("{}:{}: {}: no heading with that anchor", file.display(), n, target));
                    }
                }
            }
        }
    }
    dead
}

#[test]
fn every_relative_link_in_the_docs_resolves() {
    let dead = dead_links();
    assert!(dead.is_empty(), "dead links in the docs:\n{}", dead.join("\n"));
}

#[test]
fn anchors_are_githubs() {
    assert_eq!(slug(" Real data, drawn honestly"), "real-data-drawn-honestly");
    assert_eq!(slug(" What a page loads, and when"), "what-a-page-loads-and-when");
    assert_eq!(slug(" 1. Script and element (most sites)"), "1-script-and-element-most-sites");
    assert_eq!(link_targets("see [a](docs/A.md#x) and [b](B.md)."), ["docs/A.md#x", "B.md"]);
}

/// The README's Rust example is the crate page's first example (src/lib.rs), which runs as a
/// doctest: every line of it (comments aside) is a line there, so the README cannot show code
/// that does not build.
#[test]
fn the_readmes_rust_example_is_the_crate_pages_doctest() {
    let readme = fs::read_to_string("README.md").unwrap();
    let start = readme.find("```rust\n").expect("a Rust example in the README") + "```rust\n".len();
    let block = &readme[start..start + readme[start..].find("```").unwrap()];
    let lib = fs::read_to_string("src/lib.rs").unwrap();
    let doc: Vec<String> = lib.lines().filter_map(|l| l.strip_prefix("//!")).map(|l| l.trim().to_string()).collect();
    let missing: Vec<&str> = block.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with("//") && !doc.iter().any(|d| d == l)).collect();
    assert!(block.lines().count() > 5 && missing.is_empty(), "README lines not in src/lib.rs's doctest: {:?}", missing);
}
