//! `hotline-kit video`: slide loops as MP4, an offline HTML page, or PNG slides.

use std::path::{Path, PathBuf};

use crate::base::diag::{Diagnostic, Diagnostics};
use crate::load::project::Project;
use crate::products::selection::Selection;
use crate::products::video::{Slide, Timing};

pub use crate::model::config::{LoopFormat, LoopSettings};

/// One loop `build` makes: file stem, locales, slides, and the content hashes of what
/// the slides show.
type LoopGroup = (String, Vec<String>, Vec<Slide>, Vec<String>);

/// `build`'s loops: for every screen design among the pieces, one loop per locale at
/// `DESIGN/LOCALE/DESIGN-LOCALE-loop.EXT`, or one interleaved loop at
/// `DESIGN/DESIGN-loop.EXT`, with manifest entries giving duration and frame count.
pub fn kit_loops(
    project: &Project,
    sel: &Selection,
    scenes: &[crate::scene::Scene],
    ls: &LoopSettings,
) -> Result<Vec<crate::products::piece::OutFile>, Diagnostic> {
    ls.timing
        .validate()
        .map_err(|d| d.hint("fix [video] in kit.toml"))?;
    let mut out = Vec::new();
    for (d, mine) in crate::products::crawl::by_screen_design(scenes) {
        // (file stem, locales, slides, content hashes of what the slides show)
        let mut groups: Vec<LoopGroup> = Vec::new();
        let per = locale_slides(project, sel, &mine, ls.crawl)?;
        if ls.interleave {
            let locales = per.iter().map(|l| l.locale.clone()).collect();
            let hashes = per.iter().map(|l| l.hash.clone()).collect();
            let slides =
                crate::products::video::interleave(per.into_iter().map(|l| l.slides).collect());
            groups.push((loop_stem(d, None), locales, slides, hashes));
        } else {
            for l in per {
                groups.push((
                    loop_stem(d, Some(&l.locale)),
                    vec![l.locale],
                    l.slides,
                    vec![l.hash],
                ));
            }
        }
        let first = mine[0];
        for (stem, locales, slides, hashes) in groups {
            // The status of what the slides show (with the crawl band, the pieces as laid
            // out again around it), not of the plain pieces.
            let draft = slides
                .iter()
                .find(|s| s.meta.draft)
                .map(|s| s.meta.status.clone());
            let title = loop_title(&first.title, &slides);
            for f in &ls.formats {
                let (bytes, frames) = match f {
                    LoopFormat::Mp4 => {
                        let (b, n) = mp4(&slides, &ls.timing, &title)?;
                        (b, Some(n))
                    }
                    _ => (
                        crate::products::video::html(&title, &slide_pngs(&slides)?, &ls.timing)
                            .into_bytes(),
                        None,
                    ),
                };
                out.push(crate::products::piece::OutFile {
                    entry: crate::products::piece::ManifestEntry {
                        path: format!("{stem}.{}", f.ext()),
                        design: d.to_string(),
                        locale: locales.join("+"),
                        format: f.ext(),
                        sha256: crate::base::hash::digest(&bytes),
                        bytes: bytes.len(),
                        qr: first.qr.clone(),
                        number: String::new(),
                        mirrored: false,
                        cut_line: false,
                        color: None,
                        white_plate: None,
                        review: mine.iter().map(|s| s.review).min().unwrap_or(first.review),
                        fell_back: Vec::new(),
                        approval: if draft.is_none() { "approved" } else { "draft" },
                        draft: draft.clone(),
                        content_hash: match hashes.as_slice() {
                            [one] => one.clone(),
                            _ => String::new(),
                        },
                        pages: slides.len(),
                        page: None,
                        width_px: Some(crate::products::video::SIZE.0),
                        height_px: Some(crate::products::video::SIZE.1),
                        dpi: None,
                        width_pt: None,
                        height_pt: None,
                        duration_s: Some(ls.timing.seconds as f64 * slides.len() as f64),
                        frames,
                        locales: locales.clone(),
                        audience: None,
                        region: None,
                        base: None,
                    },
                    bytes,
                });
            }
        }
    }
    Ok(out)
}

/// Where `build` puts a screen design's loop, relative to the output folder and without
/// extension: `DESIGN/LOCALE/DESIGN-LOCALE-loop` for one locale, `DESIGN/DESIGN-loop`
/// for an interleaved loop (`None`).
pub fn loop_stem(design: &str, locale: Option<&str>) -> String {
    match locale {
        Some(l) => format!("{design}/{l}/{design}-{l}-loop"),
        None => format!("{design}/{design}-loop"),
    }
}

/// The loop files `build` writes for a screen design in these locales, relative to the
/// output folder.
pub fn loop_files(design: &str, locales: &[String], ls: &LoopSettings) -> Vec<String> {
    let stems: Vec<String> = if ls.interleave {
        vec![loop_stem(design, None)]
    } else {
        locales.iter().map(|l| loop_stem(design, Some(l))).collect()
    };
    stems
        .iter()
        .flat_map(|s| ls.formats.iter().map(move |f| format!("{s}.{}", f.ext())))
        .collect()
}

/// A loop's title: the piece's, with the draft note when any slide shows one.
fn loop_title(title: &str, slides: &[Slide]) -> String {
    match slides.iter().find(|s| s.meta.draft) {
        Some(s) => format!("{title} \u{2013} {}", s.meta.status),
        None => title.to_string(),
    }
}

/// One locale's slides, with the content hash of what they show.
struct LocaleSlides {
    locale: String,
    slides: Vec<Slide>,
    /// The piece's content hash; with the crawl band, one that covers the band too.
    hash: String,
}

/// Each piece's slides, in order. With `crawl`, the pieces are laid out again with the
/// bottom of the safe area kept free, and a band there shows the number and "text
/// 233733" in each of the pieces' languages in turn, one a slide. The band must fit and
/// be readable, and it is part of the content hash of what the slides show.
fn locale_slides(
    project: &Project,
    sel: &Selection,
    scenes: &[&crate::scene::Scene],
    crawl: bool,
) -> Result<Vec<LocaleSlides>, Diagnostic> {
    if !crawl {
        return scenes
            .iter()
            .map(|s| {
                Ok(LocaleSlides {
                    locale: s.locale.clone(),
                    slides: crate::products::video::slides(&[s])?,
                    hash: s.hash.clone(),
                })
            })
            .collect();
    }
    crate::products::crawl::scenes(project, &sel.options_for(project), scenes)
        .map_err(|d| {
            d.0.into_iter()
                .next()
                .unwrap_or_else(|| Diagnostic::error("crawl layout failed"))
        })?
        .into_iter()
        .map(|scene| {
            Ok(LocaleSlides {
                locale: scene.locale.clone(),
                slides: crate::products::video::slides(&[&scene])?,
                hash: scene.hash.clone(),
            })
        })
        .collect()
}

/// The slides as PNG files, each with its piece's metadata, and each file's QR codes
/// decoded back from its own pixels (the HTML loop embeds these files).
fn slide_pngs(slides: &[Slide]) -> Result<Vec<Vec<u8>>, Diagnostic> {
    slides
        .iter()
        .map(|s| {
            let pm = tiny_skia::Pixmap::from_vec(
                s.rgba.clone(),
                tiny_skia::IntSize::from_wh(
                    crate::products::video::SIZE.0,
                    crate::products::video::SIZE.1,
                )
                .expect("fixed size"),
            )
            .ok_or_else(|| Diagnostic::error(format!("{}: bad pixels", s.label)))?;
            let png = crate::export::png::encode(&pm, 72.0, &s.meta)
                .map_err(|m| Diagnostic::error(format!("{}: {m}", s.label)))?;
            s.check_png(&png)?;
            Ok(png)
        })
        .collect()
}

/// One file of a loop, made in memory.
pub struct LoopFile {
    /// Where it goes.
    pub path: PathBuf,
    /// Content.
    pub bytes: Vec<u8>,
    /// Slides in it.
    pub slides: usize,
    /// Frames (MP4 only).
    pub frames: Option<u32>,
    /// Seconds of one loop.
    pub seconds: f64,
}

fn with_suffix(output: &Path, suffix: &str, ext: &str) -> PathBuf {
    let stem = output
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "loop".into());
    let name = if suffix.is_empty() {
        format!("{stem}.{ext}")
    } else {
        format!("{stem}-{suffix}.{ext}")
    };
    output.with_file_name(name)
}

/// Make the loop files in memory: one per locale, or one interleaved loop. The pieces
/// are checked like `build` checks them first.
pub fn make(
    project: &Project,
    sel: &Selection,
    timing: &Timing,
    format: LoopFormat,
    interleave: bool,
    crawl: bool,
    output: &Path,
) -> Result<(Vec<LoopFile>, Diagnostics), Diagnostics> {
    timing.validate()?;
    let (scenes, mut warnings) = crate::products::selection::prepare(project, sel)?;
    if timing.seconds < crate::products::video::MIN_SECONDS {
        warnings.push(
            Diagnostic::warning(format!(
                "{} s per slide is short: people in a waiting room need time to read",
                timing.seconds
            ))
            .hint("use at least 8 s (--seconds 10 is the default)")
            .code("slide-time"),
        );
    }
    let mut groups: Vec<(String, Vec<Slide>)> = Vec::new();
    let per_locale = locale_slides(project, sel, &scenes.iter().collect::<Vec<_>>(), crawl)?;
    if interleave || per_locale.len() == 1 {
        let label = per_locale
            .iter()
            .map(|l| l.locale.as_str())
            .collect::<Vec<_>>()
            .join("+");
        let slides =
            crate::products::video::interleave(per_locale.into_iter().map(|l| l.slides).collect());
        groups.push((if interleave { label } else { String::new() }, slides));
    } else {
        groups = per_locale
            .into_iter()
            .map(|l| (l.locale, l.slides))
            .collect();
    }
    let base = scenes.first().map(|s| s.title.clone()).unwrap_or_default();
    let mut files = Vec::new();
    for (suffix, slides) in &groups {
        // A single loop keeps the name it was given.
        let suffix = if groups.len() == 1 {
            ""
        } else {
            suffix.as_str()
        };
        let seconds = timing.seconds as f64 * slides.len() as f64;
        let title = loop_title(&base, slides);
        match format {
            LoopFormat::Mp4 => {
                let m = mp4(slides, timing, &title)?;
                files.push(LoopFile {
                    path: with_suffix(output, suffix, "mp4"),
                    bytes: m.0,
                    slides: slides.len(),
                    frames: Some(m.1),
                    seconds,
                });
            }
            LoopFormat::Html | LoopFormat::Png => {
                let pngs = slide_pngs(slides)?;
                if format == LoopFormat::Html {
                    files.push(LoopFile {
                        path: with_suffix(output, suffix, "html"),
                        bytes: crate::products::video::html(&title, &pngs, timing).into_bytes(),
                        slides: slides.len(),
                        frames: None,
                        seconds,
                    });
                } else {
                    for (k, png) in pngs.into_iter().enumerate() {
                        let sfx = if suffix.is_empty() {
                            format!("{}", k + 1)
                        } else {
                            format!("{suffix}-{}", k + 1)
                        };
                        files.push(LoopFile {
                            path: with_suffix(output, &sfx, "png"),
                            bytes: png,
                            slides: 1,
                            frames: None,
                            seconds: timing.seconds as f64,
                        });
                    }
                }
            }
        }
    }
    Ok((files, warnings))
}

#[cfg(feature = "video")]
fn mp4(slides: &[Slide], t: &Timing, title: &str) -> Result<(Vec<u8>, u32), Diagnostic> {
    let m = crate::products::video::mp4(slides, t, title)?;
    Ok((m.bytes, m.frames))
}

#[cfg(not(feature = "video"))]
fn mp4(_: &[Slide], _: &Timing, _: &str) -> Result<(Vec<u8>, u32), Diagnostic> {
    Err(Diagnostic::error(
        "this hotline-kit was built without the H.264 encoder (cargo feature `video`)",
    )
    .hint("rebuild with default features (cargo build --release), or make the offline HTML loop: --format html"))
}
