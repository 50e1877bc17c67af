//! Illustrations: `designs/imagery/catalog.toml` and the SVG files it lists.
//!
//! Every image carries its licence and credit, and tags that say who it shows, so that
//! credits can be generated and diversity can be checked.

use std::collections::BTreeMap;
use std::sync::Arc;

use serde::Deserialize;

use crate::base::diag::{Diagnostic, Source};

/// One `[[image]]` entry of the catalog.
#[derive(Debug, Clone, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct ImageEntry {
    /// Id used by designs.
    pub id: String,
    /// File name inside designs/imagery/.
    pub file: String,
    /// Plain description (also alt text).
    pub title: String,
    /// SPDX licence id.
    pub license: String,
    /// Package and version it came from.
    pub source: String,
    /// Credit line.
    pub credit: String,
    /// Fitzpatrick-based skin tone group, or "none".
    pub skin_tone: String,
    /// Age group.
    pub age: String,
    /// Gender presentation.
    pub gender: String,
    /// Work sector or setting.
    pub sector: String,
    /// Disability shown.
    pub disability: String,
    /// Headwear shown.
    pub headwear: String,
    /// Person or object.
    pub kind: String,
    /// How much of a person shows: `head`, `bust` or `full` (`object` for objects), so
    /// that a row of pictures keeps one scale. A facility's own image without it counts
    /// as `bust` (a person) or `object`.
    #[serde(default)]
    pub framing: String,
    /// A hand sign the figure makes (`raised-hand`, `waving`), or `none`.
    #[serde(default = "none")]
    pub gesture: String,
    /// What the figure holds (`baby`), or `none`.
    #[serde(default = "none")]
    pub carries: String,
    /// Folder the file is in (empty: `designs/imagery`; `images` for a facility's own).
    #[serde(skip)]
    pub dir: String,
}

fn none() -> String {
    "none".into()
}

impl ImageEntry {
    /// The framing, with the default for an entry that does not give one.
    pub fn framing(&self) -> &str {
        match (self.framing.as_str(), self.kind.as_str()) {
            ("", "object") => "object",
            ("", _) => "bust",
            (f, _) => f,
        }
    }

    /// The file's path in the project.
    pub fn path(&self) -> String {
        let dir = if self.dir.is_empty() {
            "designs/imagery"
        } else {
            self.dir.as_str()
        };
        format!("{dir}/{}", self.file)
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CatalogFile {
    #[serde(default)]
    image: Vec<ImageEntry>,
}

/// A parsed illustration, ready to draw.
pub struct Illustration {
    /// Catalog id.
    pub id: String,
    /// Catalog entry.
    pub entry: ImageEntry,
    /// The file as read (hashed for reviews; for PNG/JPEG, embedded in PDFs). Publish
    /// [`Illustration::publish_bytes`] instead wherever a browser may open it.
    pub data: Vec<u8>,
    /// MIME type of `data`.
    pub mime: &'static str,
    /// The decoded picture.
    pub picture: Picture,
    /// The one colour it is drawn in, with its print values (icons, drawn in their
    /// text's colour); `None` for illustrations, which keep their own colours.
    pub tint: Option<crate::base::units::Color>,
}

/// A decoded illustration.
pub enum Picture {
    /// Parsed, resolved SVG tree.
    Svg(Box<resvg::usvg::Tree>),
    /// A photo or drawing in pixels (premultiplied RGBA), from PNG or JPEG.
    Raster(tiny_skia::Pixmap),
}

impl std::fmt::Debug for Illustration {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Illustration")
            .field("id", &self.id)
            .finish()
    }
}

impl Illustration {
    /// The bytes to publish where a browser may open them (gallery, SVG export): an SVG
    /// re-written from its checked tree (no scripts, events, links or styles), a raster
    /// file as read.
    pub fn publish_bytes(&self) -> Vec<u8> {
        match &self.picture {
            Picture::Svg(t) => crate::base::svg_safety::sanitized(t),
            Picture::Raster(_) => self.data.clone(),
        }
    }

    /// Width / height of the picture.
    pub fn aspect(&self) -> f32 {
        match &self.picture {
            Picture::Svg(t) => t.size().width() / t.size().height(),
            Picture::Raster(p) => p.width() as f32 / p.height() as f32,
        }
    }
}

/// Parse the catalog.
pub fn parse_catalog(src: &Arc<Source>) -> Result<BTreeMap<String, ImageEntry>, Diagnostic> {
    let f: CatalogFile = toml::from_str(&src.text).map_err(|e| {
        Diagnostic::error(format!(
            "image catalog is not valid: {}",
            e.message().trim()
        ))
        .at(src, e.span())
        .hint("see designs/imagery/README.md for the fields of an [[image]] entry")
    })?;
    Ok(f.image.into_iter().map(|e| (e.id.clone(), e)).collect())
}

/// Allowed values of each tag (catalog field name, values).
pub const TAGS: &[(&str, &[&str])] = &[
    ("skin_tone", &["1-2", "3", "4", "5", "6", "none"]),
    ("age", &["child", "adult", "older", "none"]),
    ("gender", &["woman", "man", "neutral", "none"]),
    // Labor sectors (LABOR_SECTORS) are allowed too.
    ("sector", &["office", "health", "general", "none"]),
    ("disability", &["wheelchair", "none"]),
    ("headwear", &["headscarf", "turban", "none"]),
    ("kind", &["person", "object"]),
    ("framing", &["head", "bust", "full", "object"]),
    ("gesture", &["raised-hand", "waving", "none"]),
    ("carries", &["baby", "none"]),
];

/// The values a tag may take.
pub fn allowed_values(field: &str) -> Vec<&'static str> {
    let mut v: Vec<&'static str> = TAGS
        .iter()
        .find(|(f, _)| *f == field)
        .map(|(_, a)| a.to_vec())
        .unwrap_or_default();
    if field == "sector" {
        v.splice(0..0, LABOR_SECTORS.iter().copied());
    }
    v
}

impl ImageEntry {
    /// A tag's value by catalog field name.
    pub fn tag(&self, field: &str) -> &str {
        match field {
            "skin_tone" => &self.skin_tone,
            "age" => &self.age,
            "gender" => &self.gender,
            "sector" => &self.sector,
            "disability" => &self.disability,
            "headwear" => &self.headwear,
            "kind" => &self.kind,
            "framing" => self.framing(),
            "gesture" => &self.gesture,
            "carries" => &self.carries,
            _ => "",
        }
    }
}

/// Check every entry's tags, licence and file name; refuse sensational entries.
pub fn validate_catalog(
    entries: &BTreeMap<String, ImageEntry>,
    src: &Arc<Source>,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for e in entries.values() {
        let at = src.find_line(|l| l.trim() == format!("id = \"{}\"", e.id));
        let err =
            |m: String| Diagnostic::error(format!("image `{}`: {m}", e.id)).at(src, at.clone());
        let bad: Vec<String> = TAGS
            .iter()
            .map(|(f, _)| (*f, allowed_values(f)))
            .filter(|(f, allowed)| !allowed.contains(&e.tag(f)))
            .map(|(f, allowed)| format!("{f} = \"{}\" (allowed: {})", e.tag(f), allowed.join(", ")))
            .collect();
        if !bad.is_empty() {
            out.push(
                err(format!("missing or unknown tags: {}", bad.join("; ")))
                    .hint("every image needs all tags so that kits can be checked for diversity"),
            );
        }
        if e.license.trim().is_empty() || e.credit.trim().is_empty() || e.source.trim().is_empty() {
            out.push(err("needs license (SPDX id), credit and source".into()));
        }
        if crate::base::assets::check_relative(&format!("designs/imagery/{}", e.file)).is_err()
            || e.file.contains('/')
        {
            out.push(err(format!(
                "file `{}` must be a file name inside designs/imagery/",
                e.file
            )));
        }
        if let Some((w, why)) = sensational(&format!("{} {}", e.id, e.title)) {
            out.push(
                err(format!("mentions `{w}`: {why}"))
                    .hint("sensational imagery is never used (shared facts section 3)"),
            );
        }
    }
    out
}

/// Words that mark imagery we never show, with the reason (shared facts section 3:
/// ACF image library guidance, SPOG guide, BEST Alliance).
pub const REFUSED: &[(&str, &str)] = &[
    (
        "chain",
        "people in chains are sensational, not how trafficking usually looks",
    ),
    (
        "chains",
        "people in chains are sensational, not how trafficking usually looks",
    ),
    (
        "chained",
        "people in chains are sensational, not how trafficking usually looks",
    ),
    ("handcuff", "handcuffs suggest crime and punishment"),
    ("handcuffs", "handcuffs suggest crime and punishment"),
    ("shackle", "shackles are sensational"),
    ("shackles", "shackles are sensational"),
    ("bars", "people behind bars suggests prison"),
    ("behind bars", "people behind bars suggests prison"),
    ("prison", "prison imagery suggests punishment"),
    ("jail", "prison imagery suggests punishment"),
    ("rope", "ropes are sensational (BEST Alliance)"),
    ("tied", "bound people are sensational (BEST Alliance)"),
    ("duct tape", "duct tape is sensational (BEST Alliance)"),
    (
        "bruise",
        "injuries retraumatize and sensationalize (BEST Alliance)",
    ),
    (
        "bruised",
        "injuries retraumatize and sensationalize (BEST Alliance)",
    ),
    (
        "injury",
        "injuries retraumatize and sensationalize (BEST Alliance)",
    ),
    ("blood", "blood is sensational"),
    ("bleeding", "blood is sensational"),
    ("cower", "cowering people are disempowering (BEST Alliance)"),
    (
        "cowering",
        "cowering people are disempowering (BEST Alliance)",
    ),
    ("hand over mouth", "silenced people are sensational"),
    ("gagged", "silenced people are sensational"),
    ("crying", "distress imagery is sensational"),
    ("naked", "sexualised imagery is never used"),
    ("nude", "sexualised imagery is never used"),
    ("lingerie", "sexualised imagery is never used"),
    ("sexy", "sexualised imagery is never used"),
];

/// The first refused word in a text (whole words, any case) and why.
pub fn sensational(text: &str) -> Option<(&'static str, &'static str)> {
    REFUSED
        .iter()
        .find(|(w, _)| !crate::load::content::find_term(text, w).is_empty())
        .copied()
}

/// Largest SVG file read (bytes).
pub const MAX_SVG_BYTES: usize = 2 * 1024 * 1024;
/// Most elements in one SVG.
pub const MAX_SVG_NODES: usize = crate::base::svg_safety::MAX_NODES;

/// Check an SVG file and parse it. The file is parsed as XML and every element,
/// attribute and style checked ([`crate::base::svg_safety`]): scripts, event attributes,
/// animation, links to anything outside the file, DOCTYPEs, pictures inside it that are
/// not small PNG/JPEG files, oversized or explosive files and sensational descriptions
/// are refused, because the files may come from outside the project. The error names
/// the file and, where it can, the line.
pub fn load_svg(entry: &ImageEntry, data: Vec<u8>, path: &str) -> Result<Illustration, Diagnostic> {
    let fail = |msg: String| {
        Diagnostic::error(format!("image `{}` ({path}): {msg}", entry.id)).hint(
            "use a plain SVG file: shapes only, with no scripts, event attributes, animation, links to other files or entity declarations",
        )
    };
    if data.len() > MAX_SVG_BYTES {
        return Err(fail(format!(
            "file is {} bytes; the limit is {MAX_SVG_BYTES}",
            data.len()
        )));
    }
    let text = match std::str::from_utf8(&data) {
        Ok(t) => t,
        Err(e) => {
            let src = Source::new(path, String::from_utf8_lossy(&data[..e.valid_up_to()]));
            let end = src.text.len();
            return Err(fail("not UTF-8 text".into()).at(&src, Some(end..end)));
        }
    };
    let (tree, words) = crate::base::svg_safety::parse(text, raster_kind).map_err(|r| {
        let d = fail(r.message);
        match r.span {
            Some(span) => d.at(&Source::new(path, text), Some(span)),
            None => d,
        }
    })?;
    if let Some((w, why)) = sensational(&format!("{} {} {words}", entry.id, entry.title)) {
        return Err(fail(format!("mentions `{w}`: {why}"))
            .hint("sensational imagery is never used (shared facts section 3)"));
    }
    Ok(Illustration {
        id: entry.id.clone(),
        entry: entry.clone(),
        data,
        mime: "image/svg+xml",
        picture: Picture::Svg(Box::new(tree)),
        tint: None,
    })
}

/// Largest PNG/JPEG accepted, in pixels (checked from the header, before decoding).
pub const MAX_PIXELS: u64 = 40_000_000;

/// A PNG or JPEG file's format and pixel size from its header, without decoding it.
fn raster_header(data: &[u8]) -> Result<(&'static str, image::ImageFormat, u32, u32), String> {
    let reader = image::ImageReader::new(std::io::Cursor::new(data))
        .with_guessed_format()
        .map_err(|e| e.to_string())?;
    let (mime, fmt) = match reader.format() {
        Some(image::ImageFormat::Png) => ("image/png", image::ImageFormat::Png),
        Some(image::ImageFormat::Jpeg) => ("image/jpeg", image::ImageFormat::Jpeg),
        _ => return Err("is neither a PNG nor a JPEG file".into()),
    };
    let (w, h) = reader
        .into_dimensions()
        .map_err(|e| format!("cannot be read: {e}"))?;
    if w as u64 * h as u64 > MAX_PIXELS {
        return Err(format!(
            "is {w} x {h} pixels; the limit is {MAX_PIXELS} pixels"
        ));
    }
    Ok((mime, fmt, w, h))
}

/// The MIME type of a PNG or JPEG file within the size limit (for pictures inside SVG).
fn raster_kind(data: &[u8]) -> Result<&'static str, String> {
    raster_header(data).map(|(mime, ..)| mime)
}

/// Check a PNG or JPEG file's size from its header, then decode it.
pub fn load_raster(
    entry: &ImageEntry,
    data: Vec<u8>,
    path: &str,
) -> Result<Illustration, Diagnostic> {
    let fail = |msg: String| {
        Diagnostic::error(format!("image `{}` ({path}): {msg}", entry.id))
            .hint("use a PNG or JPEG file of at most 40 megapixels")
    };
    let (mime, fmt, w, h) = raster_header(&data).map_err(fail)?;
    if let Some((word, why)) = sensational(&format!("{} {}", entry.id, entry.title)) {
        return Err(fail(format!("mentions `{word}`: {why}"))
            .hint("sensational imagery is never used (shared facts section 3)"));
    }
    let rgba = image::load_from_memory_with_format(&data, fmt)
        .map_err(|e| fail(format!("cannot be decoded: {e}")))?
        .to_rgba8();
    let mut px = rgba.into_raw();
    for p in px.chunks_exact_mut(4) {
        let a = p[3] as u16;
        for c in &mut p[..3] {
            *c = ((*c as u16 * a + 127) / 255) as u8;
        }
    }
    let size = tiny_skia::IntSize::from_wh(w, h).ok_or_else(|| fail("has no pixels".into()))?;
    let pixmap =
        tiny_skia::Pixmap::from_vec(px, size).ok_or_else(|| fail("cannot be used".into()))?;
    Ok(Illustration {
        id: entry.id.clone(),
        entry: entry.clone(),
        data,
        mime,
        picture: Picture::Raster(pixmap),
        tint: None,
    })
}

/// A sidecar file (`images/NAME.toml`) for a facility's own image. Every field is
/// required; the error lists the missing ones.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Sidecar {
    title: Option<String>,
    license: Option<String>,
    source: Option<String>,
    credit: Option<String>,
    skin_tone: Option<String>,
    age: Option<String>,
    gender: Option<String>,
    sector: Option<String>,
    disability: Option<String>,
    headwear: Option<String>,
    kind: Option<String>,
    framing: Option<String>,
    gesture: Option<String>,
    carries: Option<String>,
}

/// Read a facility's own image entry from its sidecar; `file` is the image's file name
/// in `images/`, and its stem becomes the id.
pub fn parse_sidecar(file: &str, src: &Arc<Source>) -> Result<ImageEntry, Diagnostic> {
    let s: Sidecar = toml::from_str(&src.text).map_err(|e| {
        Diagnostic::error(format!(
            "image sidecar is not valid: {}",
            e.message().trim()
        ))
        .at(src, e.span())
    })?;
    let fields = [
        ("title", &s.title),
        ("license", &s.license),
        ("source", &s.source),
        ("credit", &s.credit),
        ("skin_tone", &s.skin_tone),
        ("age", &s.age),
        ("gender", &s.gender),
        ("sector", &s.sector),
        ("disability", &s.disability),
        ("headwear", &s.headwear),
        ("kind", &s.kind),
    ];
    let missing: Vec<&str> = fields
        .iter()
        .filter(|(_, v)| v.as_deref().is_none_or(|x| x.trim().is_empty()))
        .map(|(k, _)| *k)
        .collect();
    if !missing.is_empty() {
        return Err(Diagnostic::error(format!("image `{file}` is missing tags: {}", missing.join(", ")))
            .at(src, None)
            .hint("every image needs a title, licence, source, credit and all tags (see designs/imagery/catalog.toml)"));
    }
    let g = |v: &Option<String>| v.clone().unwrap_or_default();
    let stem = file.rsplit_once('.').map_or(file, |(a, _)| a);
    Ok(ImageEntry {
        id: stem.to_string(),
        file: file.to_string(),
        title: g(&s.title),
        license: g(&s.license),
        source: g(&s.source),
        credit: g(&s.credit),
        skin_tone: g(&s.skin_tone),
        age: g(&s.age),
        gender: g(&s.gender),
        sector: g(&s.sector),
        disability: g(&s.disability),
        headwear: g(&s.headwear),
        kind: g(&s.kind),
        framing: g(&s.framing),
        gesture: s.gesture.clone().unwrap_or_else(none),
        carries: s.carries.clone().unwrap_or_else(none),
        dir: "images".into(),
    })
}

/// Sectors where labor trafficking happens (shared facts section 9; issue 5).
pub const LABOR_SECTORS: &[&str] = &[
    "farm",
    "restaurant",
    "construction",
    "factory",
    "domestic",
    "childcare",
    "hotel",
    "cleaning",
    "nail-salon",
    "car-repair",
];

/// `image_pick = { count = 4, kind = "person", sector = ["farm"] }`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ImagePick {
    /// How many images.
    pub count: usize,
    /// person or object (default: any).
    #[serde(default)]
    pub kind: Option<String>,
    /// Allowed sectors (default: any).
    #[serde(default)]
    pub sector: Vec<String>,
    /// Allowed genders (default: any).
    #[serde(default)]
    pub gender: Vec<String>,
    /// Allowed age groups (default: any).
    #[serde(default)]
    pub age: Vec<String>,
    /// Allowed framings (default: any; the pictures of one slot always share one).
    #[serde(default)]
    pub framing: Vec<String>,
}

impl ImagePick {
    /// Whether an image matches the query.
    pub fn matches(&self, e: &ImageEntry) -> bool {
        let any = |list: &[String], v: &str| list.is_empty() || list.iter().any(|x| x == v);
        self.kind.as_deref().is_none_or(|k| k == e.kind)
            && any(&self.sector, &e.sector)
            && any(&self.gender, &e.gender)
            && any(&self.age, &e.age)
            && any(&self.framing, e.framing())
    }
}
