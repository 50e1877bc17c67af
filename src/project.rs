//! A project: everything `hotline-kit` reads, loaded and checked in one place.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex};

use crate::assets::Assets;
use crate::diag::{Diagnostic, Diagnostics, Source};
use crate::fonts::FontBook;
use crate::hotline::Hotline;
use crate::imagery::{self, Illustration, ImageEntry};
use crate::layout::text::FontChain;
use crate::locale::{self, Catalog};
use crate::spec::{self, Design, FontRole};

/// Loaded project data.
pub struct Project {
    /// Where files come from.
    pub assets: Arc<dyn Assets>,
    /// hotline.toml.
    pub hotline: Hotline,
    /// Catalogs by locale code.
    pub catalogs: BTreeMap<String, Catalog>,
    /// Designs and variants, by name.
    pub designs: BTreeMap<String, Design>,
    /// Fonts.
    pub fonts: Arc<FontBook>,
    /// Image catalog.
    pub images: BTreeMap<String, ImageEntry>,
    loaded_images: Mutex<HashMap<String, Arc<Illustration>>>,
}

/// Read a text file as a diagnostic source.
pub fn read_source(assets: &dyn Assets, rel: &str) -> Result<Arc<Source>, Diagnostic> {
    let path = assets.display_path(rel);
    match assets.read_text(rel) {
        Ok(t) => Ok(Source::new(path, t)),
        Err(e) => Err(Diagnostic::error(format!("cannot read {}: {e}", path.display()))
            .in_file(&path)
            .hint("run hotline-kit from the project folder (the one with hotline.toml), or pass --project DIR")),
    }
}

impl Project {
    /// Load and check everything. All problems are collected before returning.
    pub fn load(assets: Arc<dyn Assets>) -> Result<Self, Diagnostics> {
        let mut diags = Diagnostics::default();
        let hotline = match read_source(&*assets, "hotline.toml") {
            Ok(src) => match Hotline::parse(&src) {
                Ok(h) => Some(h),
                Err(e) => {
                    diags.extend(e);
                    None
                }
            },
            Err(e) => {
                diags.push(e);
                None
            }
        };
        let fonts = match read_source(&*assets, "fonts/fonts.toml")
            .and_then(|s| FontBook::load(assets.clone(), &s))
        {
            Ok(f) => Some(Arc::new(f)),
            Err(e) => {
                diags.push(e);
                None
            }
        };

        let mut catalogs = BTreeMap::new();
        match read_source(&*assets, "locales/locales.toml")
            .and_then(|s| locale::parse_index(&s).map(|i| (s, i)))
        {
            Ok((index_src, index)) => {
                for (code, info) in index {
                    if let Some(f) = &fonts {
                        for fam in &info.fonts {
                            if f.id(fam, FontRole::Regular).is_none() {
                                diags.push(
                                    Diagnostic::error(format!("locale `{code}` uses font family `{fam}`, which fonts/fonts.toml does not define"))
                                        .at(&index_src, index_src.find_line(|l| l.trim() == format!("[{code}]")))
                                        .hint(format!("families: {}", f.families().collect::<Vec<_>>().join(", "))),
                                );
                            }
                        }
                    }
                    let Some(h) = &hotline else { continue };
                    match read_source(&*assets, &format!("locales/{code}.ftl")) {
                        Ok(src) => match locale::parse_catalog(&code, &info, &src, h) {
                            Ok(mut c) => {
                                let rel = format!("locales/review/{code}.toml");
                                match read_source(&*assets, &rel) {
                                    Ok(rsrc) => diags.extend(locale::parse_review(&mut c, &rsrc).0),
                                    Err(e) => diags.push(e.hint(format!("every locale needs a review file {rel}; `hotline-kit locale new` makes one"))),
                                }
                                catalogs.insert(code, c);
                            }
                            Err(e) => diags.extend(e.0),
                        },
                        Err(e) => diags.push(e.hint(format!("every locale in locales/locales.toml needs a catalog locales/{code}.ftl"))),
                    }
                }
            }
            Err(e) => diags.push(e),
        }

        let mut designs = BTreeMap::new();
        match assets.list("designs") {
            Ok(files) => {
                for f in files.iter().filter(|f| f.ends_with(".toml")) {
                    let name = f.trim_end_matches(".toml");
                    let rel = format!("designs/{f}");
                    if !spec::is_valid_name(name) {
                        diags.push(Diagnostic::error(format!("design file name `{f}` is not a valid design name"))
                            .in_file(assets.display_path(&rel))
                            .hint("use lowercase letters, digits and hyphens, e.g. stall-sticker.toml"));
                        continue;
                    }
                    match read_source(&*assets, &rel) {
                        Ok(src) => match spec::parse_design(name, &src) {
                            Ok(ds) => {
                                for d in ds {
                                    if designs.contains_key(&d.name) {
                                        diags.push(d.error(
                                            format!("design name `{}` is used twice", d.name),
                                            None,
                                        ));
                                    }
                                    designs.insert(d.name.clone(), d);
                                }
                            }
                            Err(e) => diags.extend(e.0),
                        },
                        Err(e) => diags.push(e),
                    }
                }
            }
            Err(e) => diags.push(
                Diagnostic::error(format!("cannot list designs/: {e}"))
                    .hint("run hotline-kit from the project folder"),
            ),
        }

        let images = match read_source(&*assets, "designs/imagery/catalog.toml")
            .and_then(|s| imagery::parse_catalog(&s))
        {
            Ok(i) => i,
            Err(e) => {
                diags.push(e);
                BTreeMap::new()
            }
        };

        if diags.has_errors() {
            return Err(diags);
        }
        Ok(Self {
            assets,
            hotline: hotline.unwrap(),
            catalogs,
            designs,
            fonts: fonts.unwrap(),
            images,
            loaded_images: Mutex::new(HashMap::new()),
        })
    }

    /// A design by name, or an error listing the ones that exist.
    pub fn design(&self, name: &str) -> Result<&Design, Diagnostic> {
        self.designs.get(name).ok_or_else(|| {
            Diagnostic::error(format!("unknown design `{name}`")).hint(format!(
                "designs: {}",
                self.designs.keys().cloned().collect::<Vec<_>>().join(", ")
            ))
        })
    }

    /// A locale's catalog, or an error listing the ones that exist.
    pub fn catalog(&self, code: &str) -> Result<&Catalog, Diagnostic> {
        self.catalogs.get(code).ok_or_else(|| {
            Diagnostic::error(format!("unknown locale `{code}`"))
                .hint(format!(
                    "locales: {}",
                    self.catalogs.keys().cloned().collect::<Vec<_>>().join(", ")
                ))
                .hint("`hotline-kit list` shows designs and locales")
        })
    }

    /// The font chain for a locale and weight.
    pub fn chain(&self, cat: &Catalog, role: FontRole) -> FontChain {
        FontChain {
            fonts: cat
                .info
                .fonts
                .iter()
                .filter_map(|f| self.fonts.id(f, role))
                .collect(),
            latin: cat
                .info
                .fonts
                .iter()
                .any(|f| f == "latin")
                .then(|| self.fonts.id("latin", role))
                .flatten(),
        }
    }

    /// An illustration by id, loaded and checked once.
    pub fn image(&self, id: &str) -> Result<Arc<Illustration>, Diagnostic> {
        if let Some(i) = self.loaded_images.lock().unwrap().get(id) {
            return Ok(i.clone());
        }
        let entry = self.images.get(id).ok_or_else(|| {
            Diagnostic::error(format!(
                "image `{id}` is not in designs/imagery/catalog.toml"
            ))
            .hint("use an id from the catalog, or add the image with its licence and tags")
        })?;
        let rel = format!("designs/imagery/{}", entry.file);
        crate::assets::check_relative(&rel)
            .map_err(|e| Diagnostic::error(format!("image `{id}`: {e}")))?;
        let data = self.assets.read(&rel).map_err(|e| {
            Diagnostic::error(format!("image `{id}`: cannot read {rel}: {e}"))
                .hint("restore the file or fix `file` in designs/imagery/catalog.toml")
        })?;
        let ill = Arc::new(imagery::load_svg(entry, data, &rel)?);
        self.loaded_images
            .lock()
            .unwrap()
            .insert(id.to_string(), ill.clone());
        Ok(ill)
    }
}
