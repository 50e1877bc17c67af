//! Fonts: families from `fonts/fonts.toml`, loaded on first use and kept for the life of
//! the process (a build touches each face once, then every piece shares it).

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;
use std::sync::{Arc, Mutex, OnceLock};

use serde::Deserialize;

use crate::base::assets::Assets;
use crate::base::diag::{Diagnostic, Source};
use crate::load::spec::FontRole;

/// Index of a face in the [`FontBook`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FontId(pub usize);

/// The fonts tried, in order, for each character.
#[derive(Debug, Clone)]
pub struct FontChain {
    /// Faces in order of preference.
    pub fonts: Vec<FontId>,
    /// The Latin face, if in the chain: Latin letters, digits and punctuation use it
    /// even when another face has them, so numbers and addresses look the same in
    /// every language.
    pub latin: Option<FontId>,
}

impl FontChain {
    /// A chain of one face.
    pub fn one(id: FontId) -> Self {
        Self {
            fonts: vec![id],
            latin: None,
        }
    }
}

/// One family in `fonts/fonts.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FamilySpec {
    /// File of the regular face, relative to `fonts/`.
    pub regular: String,
    /// File of the bold face.
    pub bold: String,
}

/// A parsed face, ready for shaping, outlines and PDF embedding.
pub struct Face {
    /// The font file.
    pub data: &'static [u8],
    /// Shaping face (derefs to `ttf_parser::Face`).
    pub rb: rustybuzz::Face<'static>,
    /// Units per em.
    pub upem: f32,
    /// Ascender in em.
    pub ascender: f32,
    /// Descender in em (negative).
    pub descender: f32,
    /// File name, for diagnostics and snapshots.
    pub file: String,
    pdf: OnceLock<Option<krilla::text::Font>>,
    digest: OnceLock<String>,
}

impl std::fmt::Debug for Face {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Face").field("file", &self.file).finish()
    }
}

impl Face {
    /// Whether the face has a glyph for `c`.
    pub fn has(&self, c: char) -> bool {
        self.rb.glyph_index(c).is_some_and(|g| g.0 != 0)
    }

    /// SHA-256 of the font file (hex), computed once per process.
    pub fn digest(&self) -> &str {
        self.digest
            .get_or_init(|| crate::base::hash::digest(self.data))
    }

    /// The face as a krilla font, made once per process.
    pub fn pdf_font(&self) -> Option<krilla::text::Font> {
        self.pdf
            .get_or_init(|| krilla::text::Font::new(krilla::Data::from(self.data), 0))
            .clone()
    }
}

struct Slot {
    family: String,
    role: FontRole,
    file: String,
    face: OnceLock<Result<Arc<Face>, String>>,
}

/// All font faces of a project, loaded lazily.
pub struct FontBook {
    assets: Arc<dyn Assets>,
    slots: Vec<Slot>,
    families: BTreeMap<String, [FontId; 2]>,
}

impl std::fmt::Debug for FontBook {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FontBook")
            .field("families", &self.families)
            .finish()
    }
}

/// What identifies a font file in the process-wide cache: its canonical path on disk,
/// or, for files not on disk, the SHA-256 of its bytes. Never a project-relative path,
/// which two projects can share for different files.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum FileKey {
    Path(PathBuf),
    Content(String),
}

/// Font bytes are read once per process and never freed, so faces can borrow them for
/// `'static` and be shared by every piece and thread.
fn intern(
    key: FileKey,
    read: impl FnOnce() -> std::io::Result<Vec<u8>>,
) -> std::io::Result<&'static [u8]> {
    static CACHE: OnceLock<Mutex<HashMap<FileKey, &'static [u8]>>> = OnceLock::new();
    let cache = CACHE.get_or_init(Default::default);
    if let Some(d) = cache.lock().unwrap().get(&key) {
        return Ok(d);
    }
    let data: &'static [u8] = Box::leak(read()?.into_boxed_slice());
    Ok(*cache.lock().unwrap().entry(key).or_insert(data))
}

/// A project's font file, from the cache or read once.
fn read_font(assets: &dyn Assets, rel: &str) -> std::io::Result<&'static [u8]> {
    match assets.canonical_path(rel) {
        Some(path) => intern(FileKey::Path(path), || assets.read(rel)),
        None => {
            let bytes = assets.read(rel)?;
            intern(FileKey::Content(crate::base::hash::digest(&bytes)), || {
                Ok(bytes)
            })
        }
    }
}

impl FontBook {
    /// Parse `fonts/fonts.toml`.
    pub fn load(assets: Arc<dyn Assets>, src: &Arc<Source>) -> Result<Self, Diagnostic> {
        let fams: BTreeMap<String, FamilySpec> = toml::from_str(&src.text).map_err(|e| {
            Diagnostic::error(format!("font list is not valid: {}", e.message().trim()))
                .at(src, e.span())
                .hint("each family needs `regular` and `bold` font file names")
        })?;
        let mut slots = Vec::new();
        let mut families = BTreeMap::new();
        for (name, f) in fams {
            let mut ids = [FontId(0); 2];
            for (i, (role, file)) in [(FontRole::Regular, f.regular), (FontRole::Bold, f.bold)]
                .into_iter()
                .enumerate()
            {
                ids[i] = FontId(slots.len());
                slots.push(Slot {
                    family: name.clone(),
                    role,
                    file,
                    face: OnceLock::new(),
                });
            }
            families.insert(name, ids);
        }
        Ok(Self {
            assets,
            slots,
            families,
        })
    }

    /// Family names.
    pub fn families(&self) -> impl Iterator<Item = &str> {
        self.families.keys().map(String::as_str)
    }

    /// The face id for a family and weight.
    pub fn id(&self, family: &str, role: FontRole) -> Option<FontId> {
        self.families
            .get(family)
            .map(|ids| ids[(role == FontRole::Bold) as usize])
    }

    /// Whether a face is the bold one of its family.
    pub fn is_bold(&self, id: FontId) -> bool {
        self.slots[id.0].role == FontRole::Bold
    }

    /// The family and weight of a face.
    pub fn describe(&self, id: FontId) -> String {
        let s = &self.slots[id.0];
        format!("{} {:?} ({})", s.family, s.role, s.file)
    }

    /// Load (once) and return a face.
    pub fn face(&self, id: FontId) -> Result<Arc<Face>, Diagnostic> {
        let slot = &self.slots[id.0];
        slot.face
            .get_or_init(|| {
                let rel = format!("fonts/{}", slot.file);
                let data = read_font(&*self.assets, &rel)
                    .map_err(|e| format!("cannot read {rel}: {e}"))?;
                let rb = rustybuzz::Face::from_slice(data, 0)
                    .ok_or_else(|| format!("{rel} is not a font file"))?;
                let upem = rb.units_per_em() as f32;
                Ok(Arc::new(Face {
                    data,
                    upem,
                    ascender: rb.ascender() as f32 / upem,
                    descender: rb.descender() as f32 / upem,
                    rb,
                    file: slot.file.clone(),
                    pdf: OnceLock::new(),
                    digest: OnceLock::new(),
                }))
            })
            .clone()
            .map_err(|m| {
                Diagnostic::error(m)
                    .in_file(self.assets.display_path("fonts/fonts.toml"))
                    .hint("restore the font file from git, or fix its name in fonts/fonts.toml")
            })
    }
}

/// Cap height in em of a face that records none.
pub const DEFAULT_CAP_EM: f32 = 0.7;

/// Cap height of a face in em: OS/2 `sCapHeight`, else the height of its `H`.
pub fn cap_em(face: &Face) -> f32 {
    let from_os2 = face.rb.capital_height().filter(|h| *h > 0).map(f32::from);
    let from_h = || {
        face.rb
            .glyph_index('H')
            .and_then(|g| face.rb.glyph_bounding_box(g))
            .map(|b| f32::from(b.y_max))
    };
    from_os2
        .or_else(from_h)
        .map_or(DEFAULT_CAP_EM, |h| h / face.upem)
}
