//! Proof packets for the survivor advisory board: a PDF review book ([`book`]) and a
//! self-contained offline HTML gallery ([`html`]), both made from the same [`Proof`].
//!
//! [`collect`] lays out every piece of a kit selection and gathers what a reviewer needs
//! beside it: its status and content hash, preview images, each string with its English
//! gloss, and the illustrations with their catalog tags.

pub mod bilingual;
pub mod book;
mod gallery_compare;
mod gallery_index;
mod gallery_parts;
mod gallery_piece;
pub mod html;

use std::sync::Arc;

use crate::base::diag::Diagnostics;
use crate::load::project::Project;
use crate::scene::Scene;

/// Everything in one proof packet.
#[derive(Debug, Clone)]
pub struct Proof {
    /// The kit's name (the facility, or "default kit").
    pub kit: String,
    /// The day it was made (YYYY-MM-DD).
    pub date: String,
    /// The hotline number as printed (from hotline.toml), quoted in the review notes.
    pub phone: String,
    /// The text short code as printed.
    pub sms: String,
    /// Pieces, by design then locale.
    pub pieces: Vec<Piece>,
    /// Per translated locale of the pieces, every message side by side with English,
    /// for an independent back-translator.
    pub bilingual: Vec<bilingual::Bilingual>,
}

/// One piece (design x locale) as the board sees it.
#[derive(Debug, Clone)]
pub struct Piece {
    /// Design name.
    pub design: String,
    /// Design title ("Bathroom stall sticker, 3 x 3 in").
    pub title: String,
    /// Locale code.
    pub locale: String,
    /// Locale name in English ("Spanish").
    pub locale_name: String,
    /// Locale name in itself ("Español").
    pub native: String,
    /// Who the locale is written for, its region, digits and base
    /// ([`crate::load::locale::audience_line`]).
    pub audience: String,
    /// Right-to-left script.
    pub rtl: bool,
    /// Finished size in words ("3 x 3 in, 0.125 in bleed", "1920 x 1080 px").
    pub size: String,
    /// `draft`, `approved` or `changed` (see [`crate::review::State::word`]).
    pub status: String,
    /// One line saying why: the draft mark's text, "approved by ... on ...", or
    /// "changed since approval: ...".
    pub status_text: String,
    /// The content hash (`sha256:` and 64 hex digits).
    pub hash: String,
    /// A preview of every page, PNG.
    pub pages: Vec<Preview>,
    /// The strings on the piece, in order.
    pub strings: Vec<ProofString>,
    /// The illustrations on the piece.
    pub images: Vec<ProofImage>,
    /// The laid-out piece itself (the review book draws it as vectors).
    pub scene: Arc<Scene>,
}

/// A page preview.
#[derive(Debug, Clone)]
pub struct Preview {
    /// PNG bytes.
    pub png: Vec<u8>,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
}

/// One string on a piece.
#[derive(Debug, Clone)]
pub struct ProofString {
    /// Message id.
    pub id: String,
    /// The locale it is written in (on a two-language piece, one of the two).
    pub locale: String,
    /// The language's name in English ("Spanish").
    pub language: String,
    /// Written right to left.
    pub rtl: bool,
    /// In the source language (English): it has no back-translation, and needs none.
    pub source: bool,
    /// The text as printed (hotline numbers filled in).
    pub text: String,
    /// What it says in English, for translated strings (None for the English source).
    pub gloss: Option<String>,
    /// Review status of the string (`draft`, `translator-reviewed`...).
    pub review: String,
}

/// One illustration on a piece.
#[derive(Debug, Clone)]
pub struct ProofImage {
    /// Catalog id.
    pub id: String,
    /// Catalog title, used as alt text.
    pub title: String,
    /// Tags as (name, value): skin tone, age, gender, sector, disability, headwear.
    pub tags: Vec<(String, String)>,
    /// File extension of `bytes` (`svg`, `png` or `jpg`).
    pub ext: String,
    /// The image as published: an SVG re-written from its checked tree (no scripts,
    /// events, links or styles), a PNG/JPEG file as stored.
    pub bytes: Vec<u8>,
    /// Licence (SPDX) and credit line.
    pub credit: String,
}

/// Pixels per point of the previews: about 150 dpi for print, half size for screens.
fn preview_scale(scene: &Scene) -> f32 {
    match scene.medium {
        crate::load::spec::Medium::Print => 150.0 / 72.0,
        crate::load::spec::Medium::Screen => 0.5,
    }
}

/// A gloss with its hotline placeables (`{ $sms }`) filled in, as on the piece.
fn fill_placeables(project: &Project, gloss: &str) -> String {
    let mut g = gloss.to_string();
    for (k, v) in project.hotline.variables() {
        g = g
            .replace(&format!("{{ ${k} }}"), &v)
            .replace(&format!("{{${k}}}"), &v);
    }
    g
}

/// Lay out the selection's pieces and gather the proof. `date` is YYYY-MM-DD.
pub fn collect(
    project: &Project,
    sel: &crate::products::kit::Selection,
    date: &str,
) -> Result<Proof, Diagnostics> {
    use rayon::prelude::*;
    let (scenes, _warnings) = crate::products::kit::prepare(project, sel)?;
    let pieces: Vec<Result<Piece, Diagnostics>> = scenes
        .into_par_iter()
        .map(|scene| piece(project, scene))
        .collect();
    let mut diags = Diagnostics::default();
    let mut out = Vec::new();
    for p in pieces {
        match p {
            Ok(p) => out.push(p),
            Err(d) => diags.extend(d.0),
        }
    }
    if diags.has_errors() {
        return Err(diags);
    }
    // By design; the source language (English) first, then the others by code.
    let source = |l: &str| !project.catalogs.get(l).is_some_and(|c| c.info.source);
    out.sort_by(|a, b| {
        (&a.design, source(&a.locale), &a.locale).cmp(&(&b.design, source(&b.locale), &b.locale))
    });
    let mut locales: Vec<String> = out
        .iter()
        .flat_map(|p| crate::load::spec::bilingual::locales_of(&p.locale))
        .map(str::to_string)
        .collect();
    locales.sort();
    locales.dedup();
    Ok(Proof {
        bilingual: bilingual::collect(project, &locales),
        kit: if sel.seed.is_empty() {
            "default kit".to_string()
        } else {
            sel.seed.clone()
        },
        date: date.to_string(),
        phone: project.hotline.phone.display.clone(),
        sms: project.hotline.sms.display.clone(),
        pieces: out,
    })
}

/// One piece's proof data.
fn piece(project: &Project, scene: Scene) -> Result<Piece, Diagnostics> {
    let design = project.design(&scene.design)?;
    // A piece in two languages (`en+es`) is named by both.
    let cats = crate::load::spec::bilingual::locales_of(&scene.locale)
        .into_iter()
        .map(|l| project.catalog(l))
        .collect::<Result<Vec<_>, _>>()?;
    let names = |f: fn(&crate::load::locale::Catalog) -> String| {
        cats.iter().map(|c| f(c)).collect::<Vec<_>>().join(" + ")
    };
    let fail = |m: String| {
        Diagnostics::from(crate::base::diag::Diagnostic::error(format!(
            "proof of {} ({}): {m}",
            scene.design, scene.locale
        )))
    };
    let s = preview_scale(&scene);
    let mut pages = Vec::new();
    for page in &scene.pages {
        let pm = crate::export::png::render_at(&scene, page, s).map_err(fail)?;
        let png = crate::export::png::encode(&pm, s * 72.0, &scene.meta()).map_err(fail)?;
        pages.push(Preview {
            png,
            width: pm.width(),
            height: pm.height(),
        });
    }
    let strings = strings(project, &scene);
    let images = images(project, &scene);
    let size = match design.medium {
        crate::load::spec::Medium::Print if design.bleed.to_pt(1.0, 0.0) > 0.0 => {
            format!("{}, {} bleed", design.size_text(), design.bleed)
        }
        _ => design.size_text(),
    };
    let status_text = match (&scene.approval, &scene.draft) {
        (crate::review::State::Approved { by, role, date }, None) => {
            format!("approved for print by {by} ({role}) on {date}")
        }
        (crate::review::State::Changed { date, changes, .. }, _) => {
            format!("changed since approval on {date}: {}", changes.join(", "))
        }
        (_, Some(d)) => d.clone(),
        (_, None) => "approved".to_string(),
    };
    Ok(Piece {
        design: scene.design.clone(),
        title: design.title.clone(),
        locale: scene.locale.clone(),
        locale_name: names(|c| c.info.name.clone()),
        native: names(|c| c.info.native.clone()),
        audience: cats
            .iter()
            .map(|c| crate::load::locale::audience_line(&c.info))
            .collect::<Vec<_>>()
            .join("; "),
        rtl: scene.direction == crate::load::locale::Direction::Rtl,
        size,
        // Pending under the board's rule (too few approvals, changes requested) is a
        // draft here; the status text says why.
        status: if scene.draft.is_some()
            && matches!(scene.approval.word(), "approved" | "pending" | "requested")
        {
            "draft".to_string()
        } else {
            scene.approval.word().to_string()
        },
        status_text,
        hash: scene.hash.clone(),
        pages,
        strings,
        images,
        scene: Arc::new(scene),
    })
}

/// The strings on a laid-out piece, in order, each with its English gloss and review
/// status (the proof packet's and the web application's review page). A piece in two
/// languages lists the first language's strings, then the second's.
pub fn strings(project: &Project, scene: &Scene) -> Vec<ProofString> {
    scene
        .languages
        .iter()
        .filter_map(|l| Some((l, project.catalog(&l.locale).ok()?)))
        .flat_map(|(l, cat)| {
            l.messages
                .iter()
                .map(|id| one_string(project, cat, id))
                .collect::<Vec<_>>()
        })
        .collect()
}

/// One message of a catalog as a proof lists it.
fn one_string(project: &Project, cat: &crate::load::locale::Catalog, id: &str) -> ProofString {
    let (text, review) = match cat.messages.get(id) {
        Some(t) => (t.clone(), cat.status(id)),
        // Shown in the fallback locale.
        None => (
            project
                .catalogs
                .values()
                .find_map(|c| c.info.source.then(|| c.messages.get(id)).flatten())
                .cloned()
                .unwrap_or_default(),
            crate::load::locale::Review::Untranslated,
        ),
    };
    ProofString {
        id: id.to_string(),
        locale: cat.code.clone(),
        language: cat.info.name.clone(),
        rtl: cat.info.direction == crate::load::locale::Direction::Rtl,
        source: cat.info.source,
        text,
        gloss: if cat.info.source {
            None
        } else {
            cat.review
                .get(id)
                .and_then(|r| r.gloss.as_deref())
                .map(|g| fill_placeables(project, g))
        },
        review: review.as_str().to_string(),
    }
}

/// The illustrations on a laid-out piece, once each, with their catalog tags and credit.
pub fn images(project: &Project, scene: &Scene) -> Vec<ProofImage> {
    let mut images: Vec<ProofImage> = Vec::new();
    for page in &scene.pages {
        for it in &page.items {
            let crate::scene::Item::Image { image, .. } = it else {
                continue;
            };
            if images.iter().any(|i| i.id == image.id) {
                continue;
            }
            let Some(e) = project.images.get(&image.id) else {
                continue;
            };
            let path = e.path();
            // The checked picture as drawn, re-written: never the file as it came, which
            // a browser would open as a document (scripts and all) from the gallery.
            let bytes = image.publish_bytes();
            images.push(ProofImage {
                id: e.id.clone(),
                title: e.title.clone(),
                tags: vec![
                    ("skin tone".into(), e.skin_tone.clone()),
                    ("age".into(), e.age.clone()),
                    ("gender".into(), e.gender.clone()),
                    ("sector".into(), e.sector.clone()),
                    ("disability".into(), e.disability.clone()),
                    ("headwear".into(), e.headwear.clone()),
                ],
                ext: path.rsplit('.').next().unwrap_or("svg").to_lowercase(),
                bytes,
                credit: format!("{} ({})", e.credit, e.license),
            });
        }
    }
    images
}
