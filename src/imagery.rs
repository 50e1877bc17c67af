//! Illustrations: `designs/imagery/catalog.toml` and the SVG files it lists.
//!
//! Every image carries its licence and credit, and tags that say who it shows, so that
//! credits can be generated and diversity can be checked.

use std::collections::BTreeMap;
use std::sync::Arc;

use serde::Deserialize;

use crate::diag::{Diagnostic, Source};

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
    /// The SVG source (embedded as is in SVG output).
    pub svg: Vec<u8>,
    /// Parsed, resolved SVG tree for PNG and PDF output.
    pub tree: resvg::usvg::Tree,
}

impl std::fmt::Debug for Illustration {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Illustration")
            .field("id", &self.id)
            .finish()
    }
}

impl Illustration {
    /// Width / height of the picture.
    pub fn aspect(&self) -> f32 {
        let s = self.tree.size();
        s.width() / s.height()
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

/// Words that mark content we never show (shared facts section 3).
const REFUSED: &[&str] = &[
    "chain",
    "handcuff",
    "shackle",
    "rope",
    "duct tape",
    "bruise",
    "blood",
    "cower",
    "prison",
    "jail",
];

/// Check an SVG file's bytes and parse it. Scripts, external references and entity
/// declarations are refused: the files may come from outside the project.
pub fn load_svg(entry: &ImageEntry, data: Vec<u8>, path: &str) -> Result<Illustration, Diagnostic> {
    let fail = |msg: String| {
        Diagnostic::error(format!("image `{}` ({path}): {msg}", entry.id)).hint(
            "use a plain SVG file with no scripts, links to other files or entity declarations",
        )
    };
    const MAX: usize = 2 * 1024 * 1024;
    if data.len() > MAX {
        return Err(fail(format!(
            "file is {} bytes; the limit is {MAX}",
            data.len()
        )));
    }
    let text = std::str::from_utf8(&data).map_err(|_| fail("not UTF-8 text".into()))?;
    let lower = text.to_ascii_lowercase();
    if lower.contains("<script") || lower.contains("<!entity") || lower.contains("<!doctype") {
        return Err(fail(
            "contains a script, a DOCTYPE or an entity declaration".into(),
        ));
    }
    for attr in ["href=\"", "href='"] {
        for (i, _) in lower.match_indices(attr) {
            let rest = &lower[i + attr.len()..];
            if !rest.starts_with('#') {
                return Err(fail(
                    "links to something outside the file (only `#id` links are allowed)".into(),
                ));
            }
        }
    }
    let words = format!("{} {} {}", entry.id, entry.title, lower).to_ascii_lowercase();
    if let Some(w) = REFUSED.iter().find(|w| words.contains(*w)) {
        return Err(fail(format!(
            "mentions `{w}`: sensational imagery is never used"
        )));
    }
    let tree = resvg::usvg::Tree::from_data(&data, &resvg::usvg::Options::default())
        .map_err(|e| fail(format!("cannot be read as SVG: {e}")))?;
    Ok(Illustration {
        id: entry.id.clone(),
        entry: entry.clone(),
        svg: data,
        tree,
    })
}
