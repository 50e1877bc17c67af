//! The offline HTML gallery of a proof packet.
//!
//! [`files`] turns a [`Proof`] into a folder of plain HTML pages, one stylesheet and the
//! images they show, for the survivor advisory board to review from a USB stick in any
//! browser, with no network and no JavaScript:
//!
//! - `index.html`: what to look for, what the status badges mean, every piece at a
//!   glance, and a thumbnail of each piece by design and language;
//! - `pieces/DESIGN-LOCALE.html`: one piece in full, the words on it beside their English
//!   meaning, its pictures and a printable comment form;
//! - `compare/DESIGN.html`: one design's languages side by side;
//! - `img/`: page previews (`img/DESIGN-LOCALE-N.png`), thumbnails (`img/thumb/`) and
//!   illustrations (`img/illustrations/ID.EXT`);
//! - `bilingual/CODE.html`: one translated locale's messages beside the English;
//! - `style.css`: one stylesheet for screen and print (`gallery.css`, `bilingual.css`).
//!
//! This module decides every file name (so links and files agree) and collects the
//! files; the pages are askama templates filled by `gallery_index`, `gallery_piece`,
//! `gallery_compare` and `bilingual`, inside the shell and parts of `gallery_parts`.
//! Every text that comes from catalogs, specs or the kit file is escaped by the
//! templates ([`crate::base::markup::escape`]), in text and in attributes alike, so a
//! translation containing `<script>` shows as text; each page's Content-Security-Policy
//! forbids scripts as a second guard. File names made from ids
//! keep only `[a-z0-9-]` (a USB stick's file system ignores case) and never collide. All
//! links are relative, so the folder works from `file://`. The output depends on nothing
//! but the proof: the same proof gives byte-identical files.

use std::collections::{BTreeMap, BTreeSet};

use rayon::prelude::*;

use super::gallery_compare::compare;
use super::gallery_index::index;
use super::gallery_parts::STYLE;
use super::gallery_piece::detail;
use super::{Piece, Proof, ProofImage};

/// Thumbnails fit in a square of this many pixels (sharp on a 2x screen in a card).
const THUMB_BOX: u32 = 560;

/// The gallery's files: (path relative to the output folder, bytes). `index.html` first.
pub fn files(proof: &Proof) -> Vec<(String, Vec<u8>)> {
    let thumbs: Vec<Vec<Option<Image>>> = proof
        .pieces
        .par_iter()
        .map(|p| (0..p.pages.len()).map(|i| thumbnail(p, i)).collect())
        .collect();
    let layout = Layout::new(proof, &thumbs);
    let mut out = vec![
        ("index.html".to_string(), index(proof, &layout).into_bytes()),
        (
            "style.css".to_string(),
            format!("{STYLE}{}", super::bilingual::STYLE).into_bytes(),
        ),
    ];
    for (t, path) in proof.bilingual.iter().zip(&layout.bilingual) {
        out.push((
            path.clone(),
            super::bilingual::html_page(proof, t).into_bytes(),
        ));
    }
    for (design, pieces) in by_design(proof) {
        out.push((
            layout.compare[design].clone(),
            compare(proof, &layout, design, &pieces).into_bytes(),
        ));
    }
    for (i, p) in proof.pieces.iter().enumerate() {
        out.push((
            layout.pieces[i].page.clone(),
            detail(proof, &layout, i, p).into_bytes(),
        ));
    }
    for (i, p) in proof.pieces.iter().enumerate() {
        let f = &layout.pieces[i];
        for (n, preview) in p.pages.iter().enumerate() {
            out.push((f.previews[n].path.clone(), preview.png.clone()));
            if let Some(t) = &thumbs[i][n] {
                out.push((f.thumbs[n].path.clone(), t.png.clone()));
            }
        }
    }
    for (id, path) in &layout.illustrations {
        if let Some(img) = find_image(proof, id) {
            out.push((path.clone(), img.bytes.clone()));
        }
    }
    out
}

/// A PNG with its pixel size.
struct Image {
    png: Vec<u8>,
    width: u32,
    height: u32,
}

/// A file in the gallery with the pixel size it shows at.
#[derive(Clone)]
pub(super) struct Pic {
    pub(super) path: String,
    pub(super) width: u32,
    pub(super) height: u32,
}

/// Where one piece's files go.
pub(super) struct PieceFiles {
    /// The detail page.
    pub(super) page: String,
    /// Full-size previews, one per page.
    pub(super) previews: Vec<Pic>,
    /// Thumbnails, one per page (the preview itself when it is small already).
    pub(super) thumbs: Vec<Pic>,
}

/// Every file name of the gallery, decided once so links and files agree.
pub(super) struct Layout {
    /// Per piece, in proof order.
    pub(super) pieces: Vec<PieceFiles>,
    /// Design name to its comparison page.
    pub(super) compare: BTreeMap<String, String>,
    /// Design name to the id of its section on the index.
    pub(super) anchors: BTreeMap<String, String>,
    /// Illustration id to its file.
    pub(super) illustrations: BTreeMap<String, String>,
    /// Per bilingual table (in proof order), its page.
    pub(super) bilingual: Vec<String>,
}

impl Layout {
    fn new(proof: &Proof, thumbs: &[Vec<Option<Image>>]) -> Layout {
        let mut names = Names::default();
        names.taken.insert("index.html".into());
        names.taken.insert("style.css".into());
        let mut compare = BTreeMap::new();
        let mut anchors = BTreeMap::new();
        let mut anchor_names = Names::default();
        for (design, _) in by_design(proof) {
            compare.insert(design.to_string(), names.claim("compare/", design, "html"));
            anchors.insert(design.to_string(), anchor_names.claim_id("design-", design));
        }
        let mut pieces = Vec::new();
        for p in &proof.pieces {
            let stem = format!("{}-{}", p.design, p.locale);
            pieces.push(PieceFiles {
                page: names.claim("pieces/", &stem, "html"),
                previews: Vec::new(),
                thumbs: Vec::new(),
            });
        }
        for ((p, f), t) in proof.pieces.iter().zip(&mut pieces).zip(thumbs) {
            let stem = format!("{}-{}", p.design, p.locale);
            for (n, preview) in p.pages.iter().enumerate() {
                let full = Pic {
                    path: names.claim("img/", &format!("{stem}-{}", n + 1), "png"),
                    width: preview.width,
                    height: preview.height,
                };
                let thumb = match &t[n] {
                    Some(img) => Pic {
                        path: names.claim("img/thumb/", &format!("{stem}-{}", n + 1), "png"),
                        width: img.width,
                        height: img.height,
                    },
                    None => full.clone(),
                };
                f.previews.push(full);
                f.thumbs.push(thumb);
            }
        }
        let mut ids: BTreeMap<String, &ProofImage> = BTreeMap::new();
        for p in &proof.pieces {
            for img in &p.images {
                ids.entry(img.id.clone()).or_insert(img);
            }
        }
        let illustrations = ids
            .iter()
            .map(|(id, img)| (id.clone(), names.claim("img/illustrations/", id, &img.ext)))
            .collect();
        let bilingual = proof
            .bilingual
            .iter()
            .map(|t| names.claim("bilingual/", &t.code, "html"))
            .collect();
        Layout {
            pieces,
            compare,
            anchors,
            illustrations,
            bilingual,
        }
    }
}

/// Unique, safe file names.
#[derive(Default)]
pub(super) struct Names {
    pub(super) taken: BTreeSet<String>,
}

impl Names {
    /// `dir` + a file name made of `stem` and `ext` (both made safe) that no earlier call
    /// returned; a clash gets `-2`, `-3`...
    fn claim(&mut self, dir: &str, stem: &str, ext: &str) -> String {
        self.unique(dir, &safe_name(stem), &format!(".{}", safe_name(ext)))
    }

    /// `prefix` + `stem` made safe, for an element id, unique like [`Names::claim`].
    pub(super) fn claim_id(&mut self, prefix: &str, stem: &str) -> String {
        self.unique(prefix, &safe_name(stem), "")
    }

    fn unique(&mut self, prefix: &str, stem: &str, suffix: &str) -> String {
        let mut n = 1;
        loop {
            let name = if n == 1 {
                format!("{prefix}{stem}{suffix}")
            } else {
                format!("{prefix}{stem}-{n}{suffix}")
            };
            if self.taken.insert(name.clone()) {
                return name;
            }
            n += 1;
        }
    }
}

/// A file name part from an id: lowercase ASCII letters and digits and `-`; anything else
/// becomes `-`. At most 80 characters; never empty.
fn safe_name(s: &str) -> String {
    let mut out: String = s
        .chars()
        .map(|c| match c.to_ascii_lowercase() {
            c @ ('a'..='z' | '0'..='9' | '-') => c,
            _ => '-',
        })
        .take(80)
        .collect();
    if out.is_empty() && !s.is_empty() {
        out.push('-');
    }
    if out.is_empty() {
        out.push('x');
    }
    out
}

/// The pieces grouped by design, in proof order.
pub(super) fn by_design(proof: &Proof) -> Vec<(&str, Vec<(usize, &Piece)>)> {
    let mut out: Vec<(&str, Vec<(usize, &Piece)>)> = Vec::new();
    for (i, p) in proof.pieces.iter().enumerate() {
        match out.last_mut() {
            Some((d, v)) if *d == p.design => v.push((i, p)),
            _ => {
                // Pieces come sorted by design; should they not, keep one group a design.
                if let Some((_, v)) = out.iter_mut().find(|(d, _)| *d == p.design) {
                    v.push((i, p));
                } else {
                    out.push((&p.design, vec![(i, p)]));
                }
            }
        }
    }
    out
}

/// The first illustration with this id.
fn find_image<'a>(proof: &'a Proof, id: &str) -> Option<&'a ProofImage> {
    proof
        .pieces
        .iter()
        .flat_map(|p| &p.images)
        .find(|i| i.id == id)
}

/// A smaller rendering of page `i` for the index, drawn afresh from the scene so text
/// stays sharp; `None` when the preview is small already (or cannot be redrawn).
fn thumbnail(p: &Piece, i: usize) -> Option<Image> {
    let preview = &p.pages[i];
    if preview.width <= THUMB_BOX && preview.height <= THUMB_BOX {
        return None;
    }
    let page = p.scene.pages.get(i)?;
    if page.width <= 0.0 {
        return None;
    }
    let px_per_pt = preview.width as f32 / page.width;
    let fit =
        (THUMB_BOX as f32 / preview.width as f32).min(THUMB_BOX as f32 / preview.height as f32);
    let s = px_per_pt * fit;
    let pm = crate::export::png::render_at(&p.scene, page, s).ok()?;
    let png = crate::export::png::encode(&pm, s * 72.0, &p.scene.meta()).ok()?;
    Some(Image {
        png,
        width: pm.width(),
        height: pm.height(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn safe_names() {
        assert_eq!(safe_name("poster-zh-Hans"), "poster-zh-hans");
        assert_eq!(safe_name("../../etc/passwd"), "------etc-passwd");
        assert_eq!(safe_name(""), "x");
        assert_eq!(safe_name("é"), "-");
        let mut n = Names::default();
        assert_eq!(n.claim("img/", "A_b", "PNG"), "img/a-b.png");
        assert_eq!(n.claim("img/", "a-b", "png"), "img/a-b-2.png");
        assert_eq!(n.claim("img/", "a.b", "png"), "img/a-b-3.png");
    }
}
