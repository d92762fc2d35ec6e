//! Finding and loading the CJK font PNG text is drawn in: `--font PATH`, else
//! the system's Noto Sans CJK (Debian's fonts-noto-cjk), Source Han Sans,
//! WenQuanYi, PingFang or Microsoft YaHei. In a collection (`.ttc`) the
//! Simplified Chinese face is chosen by its name.

use std::path::{Path, PathBuf};

use ab_glyph::FontVec;

/// A loaded face with the vertical metrics text placement needs.
pub struct Face {
    /// The face, ready to rasterize.
    pub font: FontVec,
    /// Where it came from, for messages.
    pub path: PathBuf,
    /// The face's name (`Noto Sans CJK SC`), for messages.
    pub name: String,
    /// Ascent above the baseline as a fraction of the em box (the OS/2 typographic
    /// ascender, normalised so ascent + descent = 1 em, as browsers place
    /// `textBaseline` top, middle and bottom).
    pub ascent: f32,
}

/// The regular face and, when there is one, the bold.
pub struct Fonts {
    /// For ordinary text.
    pub regular: Face,
    /// For titles; `None` draws them in the regular face.
    pub bold: Option<Face>,
}

/// Well-known places of CJK fonts, best first.
const CANDIDATES: [&str; 14] = [
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJKsc-Regular.otf",
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/opentype/noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/adobe-source-han-sans/SourceHanSansSC-Regular.otf",
    "/usr/share/fonts/opentype/source-han-sans/SourceHanSansSC-Regular.otf",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/wenquanyi/wqy-microhei/wqy-microhei.ttc",
    "/System/Library/Fonts/PingFang.ttc",
    "/System/Library/Fonts/STHeiti Medium.ttc",
    "C:\\Windows\\Fonts\\msyh.ttc",
    "C:\\Windows\\Fonts\\simhei.ttf",
];

/// Folders searched when none of the well-known files is there.
const FONT_DIRS: [&str; 3] = ["/usr/share/fonts", "/usr/local/share/fonts", "/Library/Fonts"];

/// What to do when no CJK font is found.
pub const INSTALL_HINT: &str = "no CJK font found for PNG text: install the Noto CJK fonts \
(Debian/Ubuntu: apt-get install fonts-noto-cjk; Fedora: dnf install google-noto-sans-cjk-fonts; \
macOS and Windows have one) or pass --font PATH to a .ttf, .otf or .ttc with Chinese glyphs";

/// Loads the font at `explicit` (the CLI's `--font PATH`), or finds a system CJK
/// font and the bold face beside it. The error says which file could not be read,
/// or, when no font is found, how to install one ([`INSTALL_HINT`]).
pub fn load(explicit: Option<&Path>) -> Result<Fonts, String> {
    let regular_path = match explicit {
        Some(p) => p.to_path_buf(),
        None => find().ok_or_else(|| INSTALL_HINT.to_string())?,
    };
    let regular = load_face(&regular_path)?;
    // the bold file beside a regular one: NotoSansCJK-Bold.ttc, SourceHanSansSC-Bold.otf
    let bold = regular_path
        .file_name()
        .and_then(|n| n.to_str())
        .filter(|n| n.contains("Regular"))
        .map(|n| regular_path.with_file_name(n.replace("Regular", "Bold")))
        .filter(|p| explicit.is_none() && p.is_file())
        .and_then(|p| load_face(&p).ok());
    Ok(Fonts { regular, bold })
}

fn find() -> Option<PathBuf> {
    if let Some(p) = CANDIDATES.iter().map(PathBuf::from).find(|p| p.is_file()) {
        return Some(p);
    }
    let home = std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local/share/fonts"));
    let mut dirs: Vec<PathBuf> = FONT_DIRS.iter().map(PathBuf::from).collect();
    dirs.extend(home);
    let mut found = Vec::new();
    for d in dirs {
        walk(&d, 0, &mut found);
    }
    found.sort();
    found.into_iter().next()
}

/// Collects files whose names say CJK regular faces, a few folders deep.
fn walk(dir: &Path, depth: u32, found: &mut Vec<PathBuf>) {
    if depth > 4 {
        return;
    }
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            walk(&p, depth + 1, found);
            continue;
        }
        let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("").to_ascii_lowercase();
        let cjk = name.contains("cjk") || name.contains("sourcehansans") || name.contains("wqy") || name.contains("notosanssc");
        let regular = !name.contains("bold") && !name.contains("mono") && !name.contains("serif") && !name.contains("light");
        if cjk && regular && (name.ends_with(".ttc") || name.ends_with(".otf") || name.ends_with(".ttf")) {
            found.push(p);
        }
    }
}

/// Loads one face from a font file, the Simplified Chinese one of a collection.
pub fn load_face(path: &Path) -> Result<Face, String> {
    let data = std::fs::read(path).map_err(|e| format!("{}: cannot read font: {}", path.display(), e))?;
    let faces = ttf_parser::fonts_in_collection(&data).unwrap_or(1);
    let mut pick = None;
    for i in 0..faces {
        let Ok(face) = ttf_parser::Face::parse(&data, i) else { continue };
        let name = family_name(&face).unwrap_or_default();
        let sc = name.ends_with(" SC") || name.contains("SC ") || name.contains("Simplified") || name.contains("GB");
        let plain = !name.contains("Mono");
        let rank = match (sc, plain) {
            (true, true) => 0,
            (true, false) => 1,
            _ => 2,
        };
        if pick.as_ref().is_none_or(|(r, _, _, _)| rank < *r) {
            pick = Some((rank, i, name, ascent_fraction(&face)));
        }
    }
    let Some((_, index, name, ascent)) = pick else {
        return Err(format!("{}: not a font file this tool reads (TrueType, OpenType or a .ttc collection)", path.display()));
    };
    let font = FontVec::try_from_vec_and_index(data, index).map_err(|e| format!("{}: cannot load font: {}", path.display(), e))?;
    Ok(Face { font, path: path.to_path_buf(), name, ascent })
}

fn family_name(face: &ttf_parser::Face) -> Option<String> {
    let names = face.names();
    // the typographic family (16) names the whole family (Noto Sans CJK SC); the legacy one (1) too
    for id in [ttf_parser::name_id::TYPOGRAPHIC_FAMILY, ttf_parser::name_id::FAMILY] {
        if let Some(s) = names.into_iter().filter(|n| n.name_id == id && n.is_unicode()).find_map(|n| n.to_string()) {
            return Some(s);
        }
    }
    None
}

/// The ascender's share of ascender + descender, from OS/2's typographic metrics
/// (what browsers use for the em box), else from hhea's.
fn ascent_fraction(face: &ttf_parser::Face) -> f32 {
    let (a, d) = match (face.typographic_ascender(), face.typographic_descender()) {
        (Some(a), Some(d)) if a > 0 && a > d => (a as f32, d as f32),
        _ => (face.ascender() as f32, face.descender() as f32),
    };
    if a - d > 0.0 {
        a / (a - d)
    } else {
        0.8
    }
}
