//! Building a kit: every selected design x locale x format, laid out and exported in
//! parallel, checked, and only then written, as a whole folder swapped in at the end
//! ([`crate::output`]), so a failed or killed build never leaves a partial file or
//! replaces a good one.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::Serialize;

use crate::diag::{Diagnostic, Diagnostics};
use crate::project::Project;
use crate::scene::Scene;

/// An output format.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    clap::ValueEnum,
    Serialize,
    serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Print-ready PDF.
    Pdf,
    /// PNG: 300 dpi for print, 1920x1080 for screens.
    Png,
    /// SVG for review in a browser.
    Svg,
}

impl Format {
    /// File extension.
    pub fn ext(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Png => "png",
            Format::Svg => "svg",
        }
    }
}

/// One line of `manifest.json`.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ManifestEntry {
    /// Path relative to the output folder, `/`-separated.
    pub path: String,
    /// Design name.
    pub design: String,
    /// Locale code.
    pub locale: String,
    /// pdf, png or svg; mp4 or html for slide loops.
    pub format: &'static str,
    /// SHA-256 of the file, hex.
    pub sha256: String,
    /// Size in bytes.
    pub bytes: usize,
    /// The exact QR payload on the piece.
    pub qr: String,
    /// The hotline number printed on it.
    pub number: String,
    /// Mirrored for second-surface printing.
    pub mirrored: bool,
    /// Carries a die-cut line in the `CutContour` spot colour (`--cut-line`).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub cut_line: bool,
    /// Lowest review status of the piece's strings.
    pub review: crate::locale::Review,
    /// Messages shown in the fallback locale.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub fell_back: Vec<String>,
    /// Draft (not approved) pieces say why.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub draft: Option<String>,
    /// The piece's content hash (what an approval is bound to).
    pub content_hash: String,
    /// `approved`, `draft` or `changed` (since approval).
    pub approval: &'static str,
    /// Number of pages in this file.
    pub pages: usize,
    /// Page of the design (1-based) for one-page-per-file formats.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<usize>,
    /// PNG width.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub width_px: Option<u32>,
    /// PNG height.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub height_px: Option<u32>,
    /// PNG density.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dpi: Option<u32>,
    /// PDF/SVG page width in points (trim plus bleed).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub width_pt: Option<f32>,
    /// PDF/SVG page height in points.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub height_pt: Option<f32>,
    /// Loops: seconds of one pass.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub duration_s: Option<f64>,
    /// MP4 loops: frames (30 a second).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub frames: Option<u32>,
    /// Loops: the locales on it, in order (several for an interleaved loop).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub locales: Vec<String>,
    /// Who the locale is written for (locales.toml `audience`); for a loop of several
    /// locales, each as `code: audience`, one after another.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub audience: Option<String>,
    /// The region its wording follows (locales.toml `region`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// For a regional variant, the locale it inherits from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub base: Option<String>,
}

/// A file made in memory, not yet written.
#[derive(Debug, Clone)]
pub struct OutFile {
    /// Its manifest entry (path relative to the output folder).
    pub entry: ManifestEntry,
    /// Content.
    pub bytes: Vec<u8>,
}

/// Lay out one piece.
pub fn compile(project: &Project, design: &str, locale: &str) -> Result<Scene, Diagnostics> {
    compile_with(project, design, locale, &crate::layout::Options::default())
}

/// Lay out one piece with options (fallback locale).
pub fn compile_with(
    project: &Project,
    design: &str,
    locale: &str,
    opts: &crate::layout::Options,
) -> Result<Scene, Diagnostics> {
    let d = project.design(design)?;
    crate::layout::compile(project, d, locale, opts)
}

/// Export a scene in one format. `stem` is the file path without extension (relative).
pub fn export(scene: &Scene, format: Format, stem: &str) -> Result<Vec<OutFile>, Diagnostic> {
    let fail = |m: String| {
        Diagnostic::error(format!(
            "{} ({}) as {}: {m}",
            scene.design,
            scene.locale,
            format.ext()
        ))
    };
    let npages = scene.pages.len();
    let name = |i: usize| page_file(stem, format, i, npages);
    let base = |path: String, bytes: &[u8]| ManifestEntry {
        path,
        design: scene.design.clone(),
        locale: scene.locale.clone(),
        format: format.ext(),
        sha256: crate::hash::digest(bytes),
        bytes: bytes.len(),
        qr: scene.qr.clone(),
        number: String::new(),
        mirrored: scene.mirrored,
        cut_line: scene.pages.iter().any(|p| p.cut.is_some()),
        review: scene.review,
        fell_back: scene.fell_back.clone(),
        draft: scene.draft.clone(),
        content_hash: scene.hash.clone(),
        approval: scene.approval.word(),
        pages: 1,
        page: None,
        width_px: None,
        height_px: None,
        dpi: None,
        width_pt: None,
        height_pt: None,
        duration_s: None,
        frames: None,
        locales: Vec::new(),
        audience: None,
        region: None,
        base: None,
    };
    let page0 = &scene.pages[0];
    let files = match format {
        Format::Pdf => {
            let bytes = crate::export::pdf::export(scene).map_err(fail)?;
            let mut e = base(format!("{stem}.pdf"), &bytes);
            e.pages = npages;
            e.width_pt = Some(page0.width);
            e.height_pt = Some(page0.height);
            vec![OutFile { entry: e, bytes }]
        }
        Format::Png => crate::export::png::export(scene)
            .map_err(fail)?
            .into_iter()
            .enumerate()
            .map(|(i, (bytes, w, h))| {
                let mut e = base(name(i), &bytes);
                e.page = (npages > 1).then_some(i + 1);
                e.width_px = Some(w);
                e.height_px = Some(h);
                e.dpi = Some((scene.png_scale() * 72.0).round() as u32);
                OutFile { entry: e, bytes }
            })
            .collect(),
        Format::Svg => crate::export::svg::export(scene)
            .map_err(fail)?
            .into_iter()
            .enumerate()
            .map(|(i, s)| {
                let bytes = s.into_bytes();
                let mut e = base(name(i), &bytes);
                e.page = (npages > 1).then_some(i + 1);
                e.width_pt = Some(page0.width);
                e.height_pt = Some(page0.height);
                OutFile { entry: e, bytes }
            })
            .collect(),
    };
    Ok(files)
}

/// The file of page `i` (0-based) of `npages` in one-page-per-file formats (PNG, SVG):
/// `STEM-1.png`, `STEM-2.png`... or `STEM.png` for a one-page piece.
fn page_file(stem: &str, format: Format, i: usize, npages: usize) -> String {
    if npages > 1 {
        format!("{stem}-{}.{}", i + 1, format.ext())
    } else {
        format!("{stem}.{}", format.ext())
    }
}

/// Where `build` puts a piece, relative to the output folder and without extension:
/// `DESIGN/LOCALE/DESIGN-LOCALE`.
pub fn piece_stem(design: &str, locale: &str) -> String {
    format!("{design}/{locale}/{design}-{locale}")
}

/// The files `build` writes for one piece of `pages` pages, relative to the output
/// folder: one PDF with every page, and one PNG or SVG per page.
pub fn piece_files(design: &str, locale: &str, pages: usize, formats: &[Format]) -> Vec<String> {
    let stem = piece_stem(design, locale);
    let mut out = Vec::new();
    for f in formats {
        match f {
            Format::Pdf => out.push(format!("{stem}.pdf")),
            Format::Png | Format::Svg => {
                out.extend((0..pages.max(1)).map(|i| page_file(&stem, *f, i, pages)));
            }
        }
    }
    out
}

/// What to build.
#[derive(Debug, Clone, Default)]
pub struct Selection {
    /// Designs (empty: all).
    pub designs: Vec<String>,
    /// Locales (empty: en and es).
    pub locales: Vec<String>,
    /// Formats (empty: pdf and png).
    pub formats: Vec<Format>,
    /// Layout options (fallback locale, local resources, QR target).
    pub options: crate::layout::Options,
    /// Checks whose warnings count as errors (the kit file's `[checks] errors`).
    pub promote: Vec<String>,
    /// Only some of the kit's designs were asked for (`--design`): kit-wide rules warn
    /// instead of failing.
    pub partial: bool,
    /// The kit's designs (kit.toml), for choosing illustrations across the whole kit even
    /// when only some designs are built; empty means all designs.
    pub kit_designs: Vec<String>,
    /// Seed for choosing illustrations (the facility's name; "default" without a kit file).
    pub seed: String,
    /// The kit allows less diversity than required (`[imagery] diversity = "advisory"`).
    pub diversity_advisory: bool,
    /// Refuse to make anything when a piece is not approved for print (`build --final`).
    pub final_only: bool,
    /// Print-shop PDFs: crop marks and a slug line outside the bleed (`build --marks`).
    pub marks: bool,
    /// A die-cut line on the trim of stickers and clings, in every print format
    /// (`build --cut-line`); other designs are made as usual.
    pub cut_line: bool,
    /// Slide loops to make for screen designs (the kit file's `[video]`).
    pub loops: Option<crate::video_cmd::LoopSettings>,
    /// Today, as days since 1970-01-01, for the age of the hotline facts (`fact-age`).
    /// The command line sets it from the clock ([`crate::check::today`]); the library
    /// never reads the clock, and without a date that check does not run.
    pub today: Option<i64>,
}

impl Selection {
    /// Layout options with the kit's illustrations chosen (across the kit's designs).
    pub fn options_for(&self, project: &Project) -> crate::layout::Options {
        let mut designs: Vec<&crate::spec::Design> = if self.kit_designs.is_empty() {
            project.designs.values().filter(|d| !d.on_request).collect()
        } else {
            self.kit_designs
                .iter()
                .filter_map(|d| project.designs.get(d))
                .collect()
        };
        // Designs asked for on top of the kit's (on-request variants) get pictures too.
        for d in self.designs.iter().filter_map(|d| project.designs.get(d)) {
            if !designs.iter().any(|k| k.name == d.name) {
                designs.push(d);
            }
        }
        let seed = if self.seed.is_empty() {
            "default"
        } else {
            self.seed.as_str()
        };
        let mut o = self.options.clone();
        o.image_picks = crate::diversity::pick(project, &designs, seed);
        o
    }

    /// The designs, locales and formats a selection means, defaults filled in:
    /// all designs, `en` + `es` (`all` = every locale), PDF + PNG.
    pub fn resolve(&self, project: &Project) -> (Vec<String>, Vec<String>, Vec<Format>) {
        let designs = if self.designs.is_empty() {
            project
                .designs
                .values()
                .filter(|d| !d.on_request)
                .map(|d| d.name.clone())
                .collect()
        } else {
            self.designs.clone()
        };
        let locales = if self.locales.iter().any(|l| l == "all") {
            project.catalogs.keys().cloned().collect()
        } else if self.locales.is_empty() {
            DEFAULT_LOCALES.iter().map(|s| s.to_string()).collect()
        } else {
            self.locales.clone()
        };
        let mut formats = if self.formats.is_empty() {
            vec![Format::Pdf, Format::Png]
        } else {
            self.formats.clone()
        };
        formats.sort();
        formats.dedup();
        (designs, locales, formats)
    }
}

/// Default locales of a kit.
pub const DEFAULT_LOCALES: &[&str] = &["en", "es"];

/// Lay out and check every selected piece: unknown names, font coverage, layout (fit,
/// QR, numbers), then the text and piece checks of [`crate::check`]. Returns the scenes
/// and the warnings, or every problem found if any is an error.
pub fn prepare(
    project: &Project,
    sel: &Selection,
) -> Result<(Vec<Scene>, Diagnostics), Diagnostics> {
    let mut diags = Diagnostics::default();
    let (designs, locales, _) = sel.resolve(project);
    for d in &designs {
        if let Err(e) = project.design(d) {
            diags.push(e);
        }
    }
    for l in &locales {
        if let Err(e) = project.catalog(l) {
            diags.push(e);
        }
    }
    if diags.has_errors() {
        return Err(diags);
    }
    let mut checked = locales.clone();
    checked.extend(sel.options.fallback.iter().cloned());
    checked.sort();
    checked.dedup();
    for l in &checked {
        match project.catalog(l) {
            Ok(c) => diags.extend(crate::coverage::check(project, c).0),
            Err(e) => diags.push(e.hint("the locale named by --fallback must exist")),
        }
    }
    if diags.has_errors() {
        return Err(diags);
    }
    let options = sel.options_for(project);
    let jobs: Vec<(String, String)> = designs
        .iter()
        .flat_map(|d| locales.iter().map(move |l| (d.clone(), l.clone())))
        .collect();
    let scenes: Vec<Result<Scene, Diagnostics>> = jobs
        .par_iter()
        .map(|(d, l)| compile_with(project, d, l, &options))
        .collect();
    let mut ok = Vec::new();
    // Pieces that failed count in the kit-wide checks with what they would show, so
    // their error is the one cause printed.
    let mut failed = Vec::new();
    for ((d, _), s) in jobs.iter().zip(scenes) {
        match s {
            Ok(s) => ok.push(s),
            Err(e) => {
                diags.extend(e.0);
                if let Ok(design) = project.design(d) {
                    failed.push(crate::check::intended(project, design, &options));
                }
            }
        }
    }
    if let Some(ls) = &sel.loops {
        if ls.formats.contains(&crate::video_cmd::LoopFormat::Png) {
            diags.push(
                Diagnostic::error("[video] formats: png is not a loop format").hint(
                    "build already writes every slide as PNG; use formats = [\"mp4\", \"html\"]",
                ),
            );
        }
        if let Err(e) = ls.timing.validate() {
            diags.push(e.hint("fix [video] in kit.toml"));
        } else if ls.timing.seconds < crate::video::MIN_SECONDS {
            diags.push(
                Diagnostic::warning(format!(
                    "[video] seconds = {}: slides shown for under {} s are hard to read in a waiting room",
                    ls.timing.seconds,
                    crate::video::MIN_SECONDS
                ))
                .hint("use seconds = 10 (the default) or more")
                .code("slide-time"),
            );
        }
    }
    // Load-time warnings about the locales being built.
    let about_built = |d: &&Diagnostic| {
        d.file.as_ref().is_none_or(|f| {
            let f = f.to_string_lossy();
            !f.contains("locales/")
                || locales.iter().any(|l| {
                    f.ends_with(&format!("/{l}.toml")) || f.ends_with(&format!("/{l}.ftl"))
                })
        })
    };
    diags.extend(project.warnings.0.iter().filter(about_built).cloned());
    diags.extend(crate::check::texts(project, &locales, sel.today).0);
    diags.extend(crate::channels::restroom(project, &designs).0);
    diags.extend(crate::check::pieces(project, &ok, &failed, !sel.partial).0);
    diags.extend(
        crate::check::diversity(
            project,
            &ok,
            &failed,
            !sel.partial && !sel.diversity_advisory,
        )
        .0,
    );
    for d in &mut diags.0 {
        if d.code.is_some_and(|c| sel.promote.iter().any(|p| p == c)) {
            d.severity = crate::diag::Severity::Error;
            d.hints
                .push("the kit file makes this check an error ([checks] errors)".into());
        }
    }
    if diags.has_errors() {
        return Err(diags);
    }
    Ok((ok, diags))
}

/// Build every selected piece in memory, after [`prepare`]. Nothing is written. `tick`
/// is called once per finished piece x format with a short label. Returns the files and
/// the warnings.
pub fn make(
    project: &Project,
    sel: &Selection,
    tick: &(dyn Fn(&str) + Sync),
) -> Result<(Vec<OutFile>, Diagnostics), Diagnostics> {
    let (ok, mut diags) = prepare(project, sel)?;
    if sel.final_only {
        refuse_drafts(&ok)?;
    }
    if sel.cut_line {
        let names: Vec<String> = ok.iter().map(|s| s.design.clone()).collect();
        if !names
            .iter()
            .any(|n| project.designs.get(n).is_some_and(|d| d.kind.is_die_cut()))
        {
            return Err(not_die_cut(project, &names).into());
        }
    }
    let (_, _, formats) = sel.resolve(project);
    let work: Vec<(&Scene, Format)> = ok
        .iter()
        .flat_map(|s| formats.iter().map(move |f| (s, *f)))
        .collect();
    let results: Vec<Result<Vec<OutFile>, Diagnostic>> = work
        .par_iter()
        .map(|(s, f)| {
            let stem = piece_stem(&s.design, &s.locale);
            let design = project.designs.get(&s.design);
            let cut = match design {
                Some(d) if sel.cut_line && d.kind.is_die_cut() => {
                    std::borrow::Cow::Owned(crate::marks::add_cut_line(s, d))
                }
                _ => std::borrow::Cow::Borrowed(*s),
            };
            let r = if sel.marks && *f == Format::Pdf {
                let size = design.map_or_else(String::new, |d| d.size_text());
                crate::marks::add(project, &cut, &size).and_then(|m| export(&m, *f, &stem))
            } else {
                export(&cut, *f, &stem)
            };
            tick(&format!("{stem}.{}", f.ext()));
            r
        })
        .collect();
    let mut files = Vec::new();
    for r in results {
        match r {
            Ok(mut f) => files.append(&mut f),
            Err(e) => diags.push(e),
        }
    }
    if diags.has_errors() {
        return Err(diags);
    }
    if let Some(ls) = &sel.loops {
        match crate::video_cmd::kit_loops(project, sel, &ok, ls) {
            Ok(mut l) => files.append(&mut l),
            Err(e) => diags.push(e),
        }
        if diags.has_errors() {
            return Err(diags);
        }
    }
    let phone = project.hotline.phone.display.clone();
    for f in &mut files {
        f.entry.number = phone.clone();
        set_audience(project, &mut f.entry);
    }
    files.sort_by(|a, b| a.entry.path.cmp(&b.entry.path));
    Ok((files, diags))
}

/// Fill a manifest entry's audience, region and base from locales.toml.
fn set_audience(project: &Project, e: &mut ManifestEntry) {
    let info = |code: &str| project.catalogs.get(code).map(|c| &c.info);
    if let Some(i) = info(&e.locale) {
        e.audience = i.audience.clone();
        e.region = i.region.clone();
        e.base = i.base.clone();
    } else if e.locales.len() > 1 {
        let each: Vec<String> = e
            .locales
            .iter()
            .filter_map(|c| Some(format!("{c}: {}", info(c)?.audience.as_deref()?)))
            .collect();
        e.audience = (!each.is_empty()).then(|| each.join(" | "));
    }
}

/// `--cut-line` asked of designs none of which is die-cut: an error naming the designs
/// that are.
pub fn not_die_cut(project: &Project, designs: &[String]) -> Diagnostic {
    let mut asked: Vec<&str> = designs.iter().map(String::as_str).collect();
    asked.sort();
    asked.dedup();
    let die_cut: Vec<&str> = project
        .designs
        .values()
        .filter(|d| d.kind.is_die_cut())
        .map(|d| d.name.as_str())
        .collect();
    let hint = if die_cut.is_empty() {
        "no design of this project is a sticker or cling (`kind` in the design file)".to_string()
    } else {
        format!(
            "the die-cut designs are {}; choose one of them, or leave out --cut-line",
            die_cut.join(", ")
        )
    };
    Diagnostic::error(format!(
        "--cut-line adds the die-cut line of stickers and clings, and none of the designs asked for is one: {}",
        asked.join(", ")
    ))
    .hint(hint)
}

/// One line for `build --cut-line`: which designs got a die-cut line and which did not.
pub fn cut_line_note(files: &[OutFile]) -> String {
    let mut with: Vec<&str> = Vec::new();
    let mut without: Vec<&str> = Vec::new();
    for f in files {
        let list = if f.entry.cut_line {
            &mut with
        } else {
            &mut without
        };
        list.push(&f.entry.design);
    }
    for l in [&mut with, &mut without] {
        l.sort();
        l.dedup();
    }
    without.retain(|d| !with.contains(d));
    let mut note = format!(
        "note: cut line (spot colour CutContour, on the trim) added to {}",
        with.join(", ")
    );
    if !without.is_empty() {
        note.push_str(&format!(
            "; not to {}, which {} not die-cut",
            without.join(", "),
            if without.len() == 1 { "is" } else { "are" }
        ));
    }
    note
}

/// `build --final`: an error listing every piece that is not approved for print.
pub fn refuse_drafts(scenes: &[Scene]) -> Result<(), Diagnostics> {
    let drafts: Vec<&Scene> = scenes.iter().filter(|s| s.draft.is_some()).collect();
    if drafts.is_empty() {
        return Ok(());
    }
    let mut d = Diagnostic::error(format!(
        "--final: {} of {} pieces are not approved for print, so nothing was made",
        drafts.len(),
        scenes.len()
    ));
    for s in &drafts {
        d = d.hint(format!(
            "{} ({}): {}",
            s.design,
            s.locale,
            s.draft.as_deref().unwrap_or_default()
        ));
    }
    Err(d
        .hint("`hotline-kit proof` makes the review packet; `hotline-kit approve DESIGN --locale CODE --by NAME` records an approval; `hotline-kit status` shows what is missing")
        .code("final")
        .into())
}

/// Write `bytes` to `path` through a temporary file in the same folder and a rename:
/// readers see the old file or the new one, never a partial one. Temporary files of
/// earlier runs that were killed are removed first.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), Diagnostic> {
    let fail = |e: std::io::Error| {
        Diagnostic::error(format!("cannot write {}: {e}", path.display()))
            .hint("choose an output folder you can write to with --out / -o")
    };
    if path.is_dir() {
        return Err(Diagnostic::error(format!(
            "cannot write {}: it is a folder, not a file",
            path.display()
        ))
        .hint("name the file to write, e.g. -o poster.pdf"));
    }
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(fail)?;
    crate::output::clean_stale_temps(dir);
    let mut tmp = tempfile::Builder::new()
        .prefix(&format!(
            "{}{}-",
            crate::output::TEMP_FILE,
            std::process::id()
        ))
        .tempfile_in(dir)
        .map_err(fail)?;
    tmp.write_all(bytes).map_err(fail)?;
    // Temporary files are private (0600); outputs are shared with print shops and
    // other staff, so they get the usual 0644.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        tmp.as_file()
            .set_permissions(std::fs::Permissions::from_mode(0o644))
            .map_err(fail)?;
    }
    tmp.as_file().sync_all().map_err(fail)?;
    tmp.persist(path).map_err(|e| fail(e.error))?;
    Ok(())
}

/// Write built files and `manifest.json` (last) as the whole of the output folder `out`
/// (see [`crate::output`]). Returns the manifest's path and what happened to files
/// that were there before.
pub fn write(
    out: &crate::output::OutDir,
    files: &[OutFile],
) -> Result<(PathBuf, crate::output::Published), Diagnostics> {
    let manifest: Vec<&ManifestEntry> = files.iter().map(|f| &f.entry).collect();
    let mut json = serde_json::to_vec_pretty(&manifest).expect("manifest serialises");
    json.push(b'\n');
    let list: Vec<(&str, &[u8])> = files
        .iter()
        .map(|f| (f.entry.path.as_str(), f.bytes.as_slice()))
        .collect();
    let done = crate::output::publish(out, &list, &json)?;
    Ok((out.shown.join(crate::output::MANIFEST), done))
}

/// Number of piece x format jobs a selection makes.
pub fn job_count(project: &Project, sel: &Selection) -> usize {
    let (d, l, f) = sel.resolve(project);
    d.len() * l.len() * f.len()
}
