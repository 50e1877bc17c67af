//! A project: everything `hotline-kit` reads, loaded and checked in one place.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex};

use crate::base::assets::Assets;
use crate::base::diag::{Diagnostic, Diagnostics, Source};
use crate::load::content::{self, RedFlag, Tag, WordLists};
use crate::load::fonts::{FontBook, FontChain};
use crate::load::hotline::Hotline;
use crate::load::imagery::{self, Illustration, ImageEntry};
use crate::load::locale::{self, Catalog};
use crate::load::spec::{self, Design, FontRole};

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
    /// Icons beside the call and text verbs (designs/imagery/icons/icons.toml), by id.
    pub icons: BTreeMap<String, crate::load::icons::Icon>,
    /// What a picture must never say beside a message (designs/imagery/rules.toml).
    pub image_rules: crate::load::image_rules::ImageRules,
    /// The red-flag library, in file order.
    pub flags: Vec<RedFlag>,
    /// Words to avoid, by locale.
    pub words: WordLists,
    /// What messages say about the hotline's channels (content/claims.toml).
    pub claims: crate::load::claims::Claims,
    /// State posting-law profiles (`jurisdictions/*.toml`), by id.
    pub jurisdictions: BTreeMap<String, crate::load::jurisdiction::Profile>,
    /// Warnings found while loading (a string changed since review, a missing gloss);
    /// `check` and `build` report them.
    pub warnings: Diagnostics,
    loaded_images: Mutex<HashMap<String, Arc<Illustration>>>,
}

pub use crate::base::sources::{not_utf8, read_source, read_source_or};

/// Every symbolic link in the project that leads outside it, as errors (nothing is read).
fn escapes(assets: &dyn Assets) -> Diagnostics {
    Diagnostics(
        assets
            .escapes()
            .into_iter()
            .map(|e| {
                Diagnostic::error(format!(
                    "{} is a symbolic link to {}, outside the project folder",
                    e.rel,
                    e.target.display()
                ))
                .in_file(&e.rel)
                .hint("hotline-kit reads only files inside the project folder: copy the file in instead of linking to it")
            })
            .collect(),
    )
}

impl Project {
    /// Load and check everything. All problems are collected before returning.
    pub fn load(assets: Arc<dyn Assets>) -> Result<Self, Diagnostics> {
        let outside = escapes(&*assets);
        if outside.has_errors() {
            return Err(outside);
        }
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
            .map_err(Diagnostics::from)
            .and_then(|s| locale::parse_index(&s).map(|i| (s, i)))
        {
            Ok((index_src, index)) => {
                // Bases first: a regional variant is completed from its base's catalog.
                for code in locale::load_order(&index) {
                    let info = index[&code].clone();
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
                    match read_source_or(
                        &*assets,
                        &format!("locales/{code}.ftl"),
                        &format!(
                            "every locale in locales/locales.toml needs a catalog locales/{code}.ftl"
                        ),
                    ) {
                        Ok(src) => match locale::parse_catalog(&code, &info, &src, h) {
                            Ok(mut c) => {
                                diags.extend(
                                    crate::load::catalog_lint::literal_digits(
                                        &code,
                                        &src,
                                        info.digits,
                                    )
                                    .0,
                                );
                                let rel = format!("locales/review/{code}.toml");
                                match read_source_or(
                                    &*assets,
                                    &rel,
                                    &format!(
                                        "every locale needs a review file {rel}; `hotline-kit locale new` makes one"
                                    ),
                                ) {
                                    Ok(rsrc) => diags.extend(locale::parse_review(&mut c, &rsrc).0),
                                    Err(e) => diags.push(e),
                                }
                                if let Some(b) = &info.base {
                                    // A base that failed to load has said why already.
                                    let Some(base) = catalogs.get(b) else {
                                        continue;
                                    };
                                    diags.extend(locale::inherit(&mut c, base).0);
                                }
                                catalogs.insert(code, c);
                            }
                            Err(e) => diags.extend(e.0),
                        },
                        Err(e) => diags.push(e),
                    }
                }
            }
            Err(e) => diags.extend(e.0),
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

        // State posting laws, and a notice design for each from the template.
        let mut jurisdictions = BTreeMap::new();
        if let Some(h) = &hotline {
            match crate::load::jurisdiction::load(&*assets, h) {
                Ok(j) => jurisdictions = j,
                Err(e) => diags.extend(e.0),
            }
        }
        if !jurisdictions.is_empty() {
            match read_source(&*assets, crate::load::jurisdiction::TEMPLATE)
                .map_err(Diagnostics::from)
                .and_then(|src| spec::parse_design("state-notice", &src))
            {
                Ok(t) => {
                    for p in jurisdictions.values() {
                        let d = crate::load::jurisdiction::notice_design(&t[0], p);
                        if designs.contains_key(&d.name) {
                            diags.push(d.error(
                                format!("design name `{}` is used twice (a design file and a jurisdiction profile)", d.name),
                                None,
                            ));
                        }
                        designs.insert(d.name.clone(), d);
                    }
                }
                Err(e) => diags.extend(e.0),
            }
        }

        let images = match read_source(&*assets, "designs/imagery/catalog.toml")
            .and_then(|s| imagery::parse_catalog(&s).map(|i| (s, i)))
        {
            Ok((src, i)) => {
                diags.extend(imagery::validate_catalog(&i, &src));
                let mut i = i;
                // A facility's own images: images/NAME.{svg,png,jpg,jpeg} with NAME.toml.
                if let Ok(files) = assets.list("images") {
                    let mut own = BTreeMap::new();
                    for f in files.iter().filter(|f| {
                        let l = f.to_ascii_lowercase();
                        [".svg", ".png", ".jpg", ".jpeg"]
                            .iter()
                            .any(|x| l.ends_with(x))
                    }) {
                        let stem = f.rsplit_once('.').map_or(f.as_str(), |(a, _)| a);
                        let side = format!("images/{stem}.toml");
                        match read_source(&*assets, &side) {
                            Ok(ssrc) => match imagery::parse_sidecar(f, &ssrc) {
                                Ok(e) if i.contains_key(&e.id) => diags.push(
                                    Diagnostic::error(format!("images/{f}: the id `{}` is already used by the library", e.id))
                                        .hint("rename the file"),
                                ),
                                Ok(e) => {
                                    own.insert(e.id.clone(), e);
                                }
                                Err(d) => diags.push(d),
                            },
                            Err(e) if !assets.read(&side).is_err_and(|x| x.kind() == std::io::ErrorKind::NotFound) => diags.push(e),
                            Err(_) => diags.push(
                                Diagnostic::error(format!("images/{f} has no sidecar file images/{stem}.toml"))
                                    .hint("add one with title, license, source, credit and the tags (skin_tone, age, gender, sector, disability, headwear, kind)"),
                            ),
                        }
                    }
                    diags.extend(imagery::validate_catalog(&own, &Source::new("images", "")));
                    i.extend(own);
                }
                i
            }
            Err(e) => {
                diags.push(e);
                BTreeMap::new()
            }
        };

        let (icons, icon_diags) = crate::load::icons::load(&*assets);
        diags.extend(icon_diags.0);
        let image_rules = match read_source(&*assets, "designs/imagery/rules.toml")
            .map_err(|e| vec![e])
            .and_then(|s| crate::load::image_rules::parse(&s))
        {
            Ok(r) => r,
            Err(e) => {
                diags.extend(e);
                Default::default()
            }
        };

        let mut flags = Vec::new();
        match read_source(&*assets, "content/red-flags.toml")
            .and_then(|s| content::parse_flags(&s).map(|f| (s, f)))
        {
            Ok((src, f)) => {
                if let Some(source) = catalogs.values().find(|c| c.info.source) {
                    for fl in &f {
                        if !source.messages.contains_key(&fl.id) {
                            diags.push(
                                Diagnostic::error(format!(
                                    "red flag `{}` has no message in the source catalog",
                                    fl.id
                                ))
                                .at(
                                    &src,
                                    src.find_line(|l| l.contains(&format!("\"{}\"", fl.id))),
                                )
                                .hint(format!(
                                    "add `{} = ...` to {}",
                                    fl.id,
                                    source.source.path.display()
                                )),
                            );
                        }
                    }
                }
                flags = f;
            }
            Err(e) => diags.push(e),
        }
        let mut claims = crate::load::claims::Claims::empty();
        match read_source_or(
            &*assets,
            crate::load::claims::FILE,
            "every project needs content/claims.toml: what each message says about the hotline's channels (README.md, \"Channel languages\")",
        )
        .map_err(Diagnostics::from)
        .and_then(|s| crate::load::claims::Claims::parse(&s))
        {
            Ok(c) => {
                if let Some(h) = &hotline {
                    diags.extend(
                        c.check(h, catalogs.values().find(|c| c.info.source).map(|c| &c.messages))
                            .0,
                    );
                }
                claims = c;
            }
            Err(e) => diags.extend(e.0),
        }
        // A slot's `unserved` message must exist, or the locales that need it fail late.
        if let Some(source) = catalogs.values().find(|c| c.info.source) {
            for d in designs.values().filter(|d| d.variant_of.is_none()) {
                for slot in &d.slots {
                    if let Some(spec::Unserved::Message(id)) = &slot.unserved
                        && !source.messages.contains_key(id)
                    {
                        diags.push(
                            d.error(
                                format!("slot `{}`: `unserved = \"{id}\"` names a message the source catalog does not have", slot.name),
                                Some(slot.span.clone()),
                            )
                            .hint("name a message that says which languages the channel is answered in (content/claims.toml, `states`), or write unserved = \"drop\""),
                        );
                    }
                }
            }
        }
        let mut words = WordLists::new();
        for code in catalogs.keys() {
            let rel = format!("content/words/{code}.toml");
            if assets.read(&rel).is_err() {
                continue; // no list for this language (yet)
            }
            match read_source(&*assets, &rel).and_then(|s| content::parse_terms(&s).map(|t| (s, t)))
            {
                Ok(w) => {
                    words.insert(code.clone(), w);
                }
                Err(e) => diags.push(e),
            }
        }
        // A regional variant without its own word list is checked with its base's.
        for (code, c) in &catalogs {
            let mut base = c.info.base.as_deref();
            while let (None, Some(b)) = (words.get(code), base) {
                if let Some(w) = words.get(b).cloned() {
                    words.insert(code.clone(), w);
                }
                base = catalogs.get(b).and_then(|bc| bc.info.base.as_deref());
            }
        }

        if diags.has_errors() {
            return Err(diags);
        }
        Ok(Self {
            flags,
            words,
            claims,
            assets,
            hotline: hotline.unwrap(),
            catalogs,
            designs,
            fonts: fonts.unwrap(),
            images,
            icons,
            image_rules,
            loaded_images: Mutex::new(HashMap::new()),
            jurisdictions,
            warnings: diags,
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

    /// A piece's catalog, and the catalog it may fall back to (`None` when no fallback is
    /// allowed or the fallback is the piece's own locale).
    pub fn catalogs(
        &self,
        code: &str,
        fallback: Option<&str>,
    ) -> Result<(&Catalog, Option<&Catalog>), Diagnostic> {
        let cat = self.catalog(code)?;
        match fallback {
            Some(f) if f != code => Ok((cat, Some(self.catalog(f)?))),
            _ => Ok((cat, None)),
        }
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

    /// Pick `count` red flags whose tags are allowed, in library order, taking first one
    /// labor and one sex flag where both are allowed, so that a pick of two or more
    /// covers both. Deterministic: the same library and pick give the same flags.
    pub fn pick_flags(&self, pick: &crate::load::spec::FlagPick) -> Vec<String> {
        let allowed = |t: Tag| pick.tags.is_empty() || pick.tags.contains(&t);
        let mut out: Vec<String> = Vec::new();
        for need in [Tag::Labor, Tag::Sex] {
            let first = self.flags.iter().find(|f| f.tag == need);
            if let (true, Some(f)) = (out.len() < pick.count && allowed(need), first) {
                out.push(f.id.clone());
            }
        }
        for f in &self.flags {
            if out.len() >= pick.count {
                break;
            }
            if allowed(f.tag) && !out.contains(&f.id) {
                out.push(f.id.clone());
            }
        }
        // Keep library order on the piece.
        out.sort_by_key(|id| self.flags.iter().position(|f| &f.id == id));
        out
    }

    /// The tag of a message, if it is a red flag.
    pub fn flag_tag(&self, id: &str) -> Option<Tag> {
        self.flags.iter().find(|f| f.id == id).map(|f| f.tag)
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
        let rel = entry.path();
        crate::base::assets::check_relative(&rel)
            .map_err(|e| Diagnostic::error(format!("image `{id}`: {e}")))?;
        let data = self.assets.read(&rel).map_err(|e| {
            Diagnostic::error(format!("image `{id}`: cannot read {rel}: {e}"))
                .hint("restore the file or fix `file` in designs/imagery/catalog.toml")
        })?;
        let ill = Arc::new(if rel.to_ascii_lowercase().ends_with(".svg") {
            imagery::load_svg(entry, data, &rel)?
        } else {
            imagery::load_raster(entry, data, &rel)?
        });
        self.loaded_images
            .lock()
            .unwrap()
            .insert(id.to_string(), ill.clone());
        Ok(ill)
    }
}
