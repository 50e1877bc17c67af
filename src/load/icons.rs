//! Icons drawn beside the call and text verbs: `designs/imagery/icons/icons.toml` and
//! the SVG files it lists, each with its licence and source. Every file passes the SVG
//! safety checks of the illustrations when loaded, and again, recoloured, when drawn.

use std::collections::BTreeMap;
use std::sync::Arc;

use serde::Deserialize;

use crate::base::assets::Assets;
use crate::base::diag::{Diagnostic, Diagnostics, Source};
use crate::load::imagery::{self, Illustration, ImageEntry};

/// The icon catalog's path.
pub const CATALOG: &str = "designs/imagery/icons/icons.toml";

/// One `[[icon]]` entry.
#[derive(Debug, Clone, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct IconEntry {
    /// Id used by designs (`icon = "phone"`).
    pub id: String,
    /// File name inside designs/imagery/icons/.
    pub file: String,
    /// Plain description (also alt text).
    pub title: String,
    /// SPDX licence id.
    pub license: String,
    /// Package and version it came from.
    pub source: String,
    /// Credit line.
    pub credit: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct IconFile {
    #[serde(default)]
    icon: Vec<IconEntry>,
}

/// A loaded icon: its entry and its checked SVG text (drawn in `currentColor`).
#[derive(Debug, Clone)]
pub struct Icon {
    /// Catalog entry.
    pub entry: IconEntry,
    /// The file's text, as checked.
    pub svg: String,
}

impl IconEntry {
    /// The file's path in the project.
    pub fn path(&self) -> String {
        format!("designs/imagery/icons/{}", self.file)
    }

    /// The entry as an illustration's, for the display list (`kind = "icon"`, id
    /// `icon-ID`, no people tags).
    fn as_image(&self) -> ImageEntry {
        let none = || "none".to_string();
        ImageEntry {
            id: format!("icon-{}", self.id),
            file: self.file.clone(),
            title: self.title.clone(),
            license: self.license.clone(),
            source: self.source.clone(),
            credit: self.credit.clone(),
            skin_tone: none(),
            age: none(),
            gender: none(),
            sector: none(),
            disability: none(),
            headwear: none(),
            kind: "icon".into(),
            framing: "object".into(),
            gesture: none(),
            carries: none(),
            dir: "designs/imagery/icons".into(),
        }
    }
}

impl Icon {
    /// The icon drawn in `color`: its `currentColor` set on the root element and its
    /// stroke a little heavier, parsed and checked again like any illustration, and
    /// tinted with `color` (so press output uses the colour's print values). Its id is
    /// `icon-ID`.
    pub fn colored(
        &self,
        tint: crate::base::units::Color,
    ) -> Result<Arc<Illustration>, Diagnostic> {
        let color = tint.hex();
        let entry = self.entry.as_image();
        // A little heavier than the file's 2-unit stroke, to stand beside bold text.
        let text = self
            .svg
            .replacen("<svg", &format!("<svg color=\"{color}\""), 1)
            .replacen("stroke-width=\"2\"", "stroke-width=\"2.5\"", 1);
        let mut image = imagery::load_svg(&entry, text.into_bytes(), &self.entry.path())?;
        image.tint = Some(tint);
        Ok(Arc::new(image))
    }
}

/// Read the icon catalog and every icon in it, checked. A missing catalog is no icons.
pub fn load(assets: &dyn Assets) -> (BTreeMap<String, Icon>, Diagnostics) {
    let mut diags = Diagnostics::default();
    let mut out = BTreeMap::new();
    if assets
        .read(CATALOG)
        .is_err_and(|e| e.kind() == std::io::ErrorKind::NotFound)
    {
        return (out, diags);
    }
    let src = match crate::base::sources::read_source(assets, CATALOG) {
        Ok(s) => s,
        Err(e) => {
            diags.push(e);
            return (out, diags);
        }
    };
    let file: IconFile = match toml::from_str(&src.text) {
        Ok(f) => f,
        Err(e) => {
            diags.push(
                Diagnostic::error(format!("icon catalog is not valid: {}", e.message().trim()))
                    .at(&src, e.span())
                    .hint("each [[icon]] needs id, file, title, license, source and credit"),
            );
            return (out, diags);
        }
    };
    for e in file.icon {
        if let Some(d) = entry_problem(&e, &src) {
            diags.push(d);
            continue;
        }
        let rel = e.path();
        let data = match assets.read(&rel) {
            Ok(d) => d,
            Err(err) => {
                diags.push(
                    Diagnostic::error(format!("icon `{}`: cannot read {rel}: {err}", e.id))
                        .at(&src, line(&src, &e.id)),
                );
                continue;
            }
        };
        match imagery::load_svg(&e.as_image(), data.clone(), &rel) {
            Ok(_) => {
                out.insert(
                    e.id.clone(),
                    Icon {
                        svg: String::from_utf8_lossy(&data).into_owned(),
                        entry: e,
                    },
                );
            }
            Err(d) => diags.push(d),
        }
    }
    (out, diags)
}

fn line(src: &Arc<Source>, id: &str) -> Option<std::ops::Range<usize>> {
    src.find_line(|l| l.contains(&format!("\"{id}\"")))
}

/// A licence, a source and a credit on every icon, and a plain file name.
fn entry_problem(e: &IconEntry, src: &Arc<Source>) -> Option<Diagnostic> {
    let missing = [
        ("license", &e.license),
        ("source", &e.source),
        ("credit", &e.credit),
    ]
    .into_iter()
    .find(|(_, v)| v.trim().is_empty());
    if let Some((field, _)) = missing {
        return Some(
            Diagnostic::error(format!("icon `{}` has no `{field}`", e.id))
                .at(src, line(src, &e.id))
                .hint(
                    "every icon records its licence, the package it came from and its credit line",
                ),
        );
    }
    let plain =
        e.file.ends_with(".svg") && !e.file.contains(['/', '\\']) && !e.file.starts_with('.');
    (!plain).then(|| {
        Diagnostic::error(format!(
            "icon `{}`: file `{}` must be an .svg file in designs/imagery/icons",
            e.id, e.file
        ))
        .at(src, line(src, &e.id))
    })
}
