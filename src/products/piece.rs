//! One piece, made: laid out ([`crate::layout`]), checked against the channel-language
//! rule ([`crate::checks::channel_rule`]), sealed with its content hash, approval and draft mark
//! ([`crate::review::seal`]), verified by decoding it back ([`crate::checks::verify`]), and
//! exported to files with their manifest entries.

use serde::Serialize;

use crate::base::diag::{Diagnostic, Diagnostics};
use crate::layout::Options;
use crate::load::project::Project;
use crate::load::spec::{Content, Design};
use crate::model::config::Format;
use crate::scene::Scene;

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
    /// Print PDFs written in CMYK (`build --color cmyk`): `"cmyk"`; absent for RGB.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub color: Option<&'static str>,
    /// The white-ink plate's spot colour and where it lies (`"White under"`, `"White
    /// behind"`), for a piece on clear film.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub white_plate: Option<String>,
    /// Lowest review status of the piece's strings.
    pub review: crate::load::locale::Review,
    /// Messages shown in the fallback locale.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub fell_back: Vec<String>,
    /// Draft (not approved) pieces say why.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub draft: Option<String>,
    /// The piece's content hash (what an approval is bound to).
    pub content_hash: String,
    /// `approved`, `draft` or `changed` (since approval); under the kit's `[review]`
    /// rule also `pending` (too few approvals) or `requested` (changes requested).
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

impl ManifestEntry {
    /// The entry of file `path` with these bytes: its size and SHA-256, one page, and
    /// nothing else said yet (the caller fills in what the file is).
    pub fn new(path: String, bytes: &[u8], format: &'static str) -> Self {
        ManifestEntry {
            path,
            design: String::new(),
            locale: String::new(),
            format,
            sha256: crate::base::hash::digest(bytes),
            bytes: bytes.len(),
            qr: String::new(),
            number: String::new(),
            mirrored: false,
            cut_line: false,
            color: None,
            white_plate: None,
            review: crate::load::locale::Review::Draft,
            fell_back: Vec::new(),
            draft: None,
            content_hash: String::new(),
            approval: "draft",
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
        }
    }
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
    compile_with(project, design, locale, &Options::default())
}

/// Lay out one piece with options (fallback locale).
pub fn compile_with(
    project: &Project,
    design: &str,
    locale: &str,
    opts: &Options,
) -> Result<Scene, Diagnostics> {
    let d = project.design(design)?;
    make(project, d, locale, opts)
}

/// Make one design in one locale: the whole pipeline from layout to the verified,
/// sealed scene that every exporter draws.
pub fn make(
    project: &Project,
    design: &Design,
    locale: &str,
    opts: &Options,
) -> Result<Scene, Diagnostics> {
    // No piece promises help in a language the hotline does not offer on a channel it
    // shows (hotline.toml `languages`, content/claims.toml): each language of a piece
    // in two on its own.
    let mut diags = Diagnostics::default();
    for code in crate::load::spec::bilingual::locales_of(locale) {
        let (cat, _) = project.catalogs(code, opts.fallback.as_deref())?;
        diags.extend(
            crate::checks::channel_rule::check_piece(
                project,
                design,
                cat,
                opts.qr.unwrap_or(design.qr),
            )
            .0
            .into_iter()
            .filter(|d| d.severity == crate::base::diag::Severity::Error),
        );
    }
    let with_picks;
    let opts = if has_picks(design, opts) {
        opts
    } else {
        // Without a kit's choice for this design, the default kit's with this design
        // added (the same choice `build --design NAME` makes).
        with_picks = Options {
            image_picks: crate::layout::diversity::pick(
                project,
                &crate::layout::diversity::designs_for(
                    project,
                    &[],
                    std::slice::from_ref(&design.name),
                ),
                "default",
            ),
            ..opts.clone()
        };
        &with_picks
    };
    let laid = match crate::layout::compile(project, design, locale, opts) {
        Ok(s) => s,
        Err(e) => {
            diags.extend(e.0);
            return Err(diags);
        }
    };
    if diags.has_errors() {
        return Err(diags);
    }
    let scene = crate::review::seal(project, design, laid, opts)?;
    crate::checks::verify::scene(project, design, &scene, opts)?;
    crate::checks::bilingual::scene(project, design, &scene)?;
    Ok(scene)
}

/// Whether `opts` chose the illustrations of every `image_pick` slot on every page.
fn has_picks(design: &Design, opts: &Options) -> bool {
    (0..design.pages.len()).all(|pi| {
        design.slots.iter().all(|s| {
            !matches!(s.content, Content::ImagePick(_))
                || opts
                    .image_picks
                    .contains_key(&crate::layout::diversity::key(design, &s.name, pi))
        })
    })
}

/// One file of a piece as an exporter made it, before it has a name: the bytes, and
/// for PNG its size in pixels. What the render cache keeps.
#[derive(Debug, Clone, PartialEq)]
pub struct Rendered {
    /// Content.
    pub bytes: Vec<u8>,
    /// PNG width and height in pixels.
    pub px: Option<(u32, u32)>,
}

/// Export a scene in one format. `stem` is the file path without extension (relative).
pub fn export(scene: &Scene, format: Format, stem: &str) -> Result<Vec<OutFile>, Diagnostic> {
    Ok(describe(scene, format, stem, render(scene, format)?))
}

/// Draw a scene in one format: one file for PDF, one per page for PNG and SVG.
pub fn render(scene: &Scene, format: Format) -> Result<Vec<Rendered>, Diagnostic> {
    let fail = |m: String| {
        Diagnostic::error(format!(
            "{} ({}) as {}: {m}",
            scene.design,
            scene.locale,
            format.ext()
        ))
    };
    Ok(match format {
        Format::Pdf => vec![Rendered {
            bytes: crate::export::pdf::export(scene).map_err(fail)?,
            px: None,
        }],
        Format::Png => crate::export::png::export(scene)
            .map_err(fail)?
            .into_iter()
            .map(|(bytes, w, h)| Rendered {
                bytes,
                px: Some((w, h)),
            })
            .collect(),
        Format::Svg => crate::export::svg::export(scene)
            .map_err(fail)?
            .into_iter()
            .map(|s| Rendered {
                bytes: s.into_bytes(),
                px: None,
            })
            .collect(),
    })
}

/// Name the files [`render`] made and write their manifest entries. `stem` is the file
/// path without extension (relative).
pub fn describe(scene: &Scene, format: Format, stem: &str, files: Vec<Rendered>) -> Vec<OutFile> {
    let npages = scene.pages.len();
    let name = |i: usize| page_file(stem, format, i, npages);
    let base = |path: String, bytes: &[u8]| ManifestEntry {
        design: scene.design.clone(),
        locale: scene.locale.clone(),
        qr: scene.qr.clone(),
        mirrored: scene.mirrored,
        cut_line: scene.pages.iter().any(|p| p.cut.is_some()),
        color: (format == Format::Pdf && scene.ink == crate::model::config::ColorMode::Cmyk)
            .then_some("cmyk"),
        white_plate: (format == Format::Pdf)
            .then(|| scene.pages.iter().find_map(|p| p.white.as_ref()))
            .flatten()
            .map(|w| format!("{} {}", w.ink, if w.behind { "behind" } else { "under" })),
        review: scene.review,
        fell_back: scene.fell_back.clone(),
        draft: scene.draft.clone(),
        content_hash: scene.hash.clone(),
        approval: scene.approval.word(),
        // A piece in two languages records both, in reading order.
        locales: if scene.languages.len() > 1 {
            scene.languages.iter().map(|l| l.locale.clone()).collect()
        } else {
            Vec::new()
        },
        ..ManifestEntry::new(path, bytes, format.ext())
    };
    let page0 = &scene.pages[0];
    files
        .into_iter()
        .enumerate()
        .map(|(i, r)| {
            let mut e = match format {
                Format::Pdf => {
                    let mut e = base(format!("{stem}.pdf"), &r.bytes);
                    e.pages = npages;
                    e
                }
                _ => {
                    let mut e = base(name(i), &r.bytes);
                    e.page = (npages > 1).then_some(i + 1);
                    e
                }
            };
            match (format, r.px) {
                (Format::Png, Some((w, h))) => {
                    e.width_px = Some(w);
                    e.height_px = Some(h);
                    e.dpi = Some((scene.png_scale() * 72.0).round() as u32);
                }
                _ => {
                    e.width_pt = Some(page0.width);
                    e.height_pt = Some(page0.height);
                }
            }
            OutFile {
                entry: e,
                bytes: r.bytes,
            }
        })
        .collect()
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
