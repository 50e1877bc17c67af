//! Space between blocks, measured ink to ink: the gap between what is printed of one
//! block of text and of the block below it. The same design should leave the same gaps
//! in every language; a translation that fills its area must not glue the questions to
//! the call heading.

use std::collections::BTreeMap;

use crate::scene::{Page, Scene};

/// The ink gap between two stacked text blocks, by (upper slot, lower slot), in the
/// scene's units, for one page. Where blocks stand side by side over the lower one,
/// the gap is measured from the deepest of them.
pub fn gaps(page: &Page) -> BTreeMap<(String, String), f32> {
    gaps_apart(page, &[])
}

/// [`gaps`], where blocks on the two sides of one of the `barriers` (a card's fold:
/// `keep_out`) are two groups, not a gap.
pub fn gaps_apart(page: &Page, barriers: &[crate::scene::Rect]) -> BTreeMap<(String, String), f32> {
    let inks: Vec<(&str, crate::scene::Rect)> = page
        .blocks
        .iter()
        .filter_map(|b| b.ink.map(|i| (b.slot.as_str(), i)))
        .collect();
    let mut out = BTreeMap::new();
    for (a, ai) in &inks {
        let overlap = |r: &crate::scene::Rect| r.x < ai.right() && ai.x < r.right();
        // The nearest block below, sharing some width.
        let below = inks
            .iter()
            .filter(|(_, bi)| bi.y >= ai.bottom() - 1e-3 && overlap(bi))
            .min_by(|x, y| x.1.y.total_cmp(&y.1.y));
        let Some((b, bi)) = below else { continue };
        // A picture or QR code between them makes them two groups, not a gap.
        let apart = page.items.iter().any(|it| {
            let r = match it {
                crate::scene::Item::Image { rect, .. } => rect,
                crate::scene::Item::Qr(q) => &q.rect,
                _ => return false,
            };
            overlap(r) && r.y >= ai.bottom() - 1e-3 && r.bottom() <= bi.y + 1e-3
        }) || barriers
            .iter()
            .any(|r| r.y >= ai.bottom() - 1e-3 && r.bottom() <= bi.y + 1e-3);
        // Blocks side by side in one row (a number and its caption) are one row to the
        // eye: the gap below them starts at the deepest ink among them.
        let bottom = inks
            .iter()
            .filter(|(_, ci)| {
                ci.y < ai.bottom() && ai.y < ci.bottom() && ci.bottom() <= bi.y + 1e-3
            })
            .map(|(_, ci)| ci.bottom())
            .fold(ai.bottom(), f32::max);
        if !apart {
            out.insert((a.to_string(), b.to_string()), bi.y - bottom);
        }
    }
    out
}

/// The gaps of every page of a scene, keyed by page too.
pub fn scene_gaps(s: &Scene) -> BTreeMap<(usize, String, String), f32> {
    s.pages
        .iter()
        .enumerate()
        .flat_map(|(i, p)| gaps(p).into_iter().map(move |((a, b), g)| ((i, a, b), g)))
        .collect()
}

/// [`scene_gaps`], with the design's `keep_out` areas (a fold) parting the blocks on
/// their two sides.
pub fn design_gaps(
    s: &Scene,
    design: &crate::load::spec::Design,
) -> BTreeMap<(usize, String, String), f32> {
    s.pages
        .iter()
        .enumerate()
        .flat_map(|(i, p)| {
            let barriers: Vec<crate::scene::Rect> = design
                .keep_out
                .iter()
                .map(|k| {
                    crate::scene::Rect::new(
                        p.trim.x + k.rect[0],
                        p.trim.y + k.rect[1],
                        k.rect[2],
                        k.rect[3],
                    )
                })
                .collect();
            gaps_apart(p, &barriers)
                .into_iter()
                .map(move |((a, b), g)| ((i, a, b), g))
        })
        .collect()
}

/// Whether a gap in one language keeps the source language's: within 10%, or within
/// 3 units (3 pt is about 1 mm, below what the eye tells apart at reading distance).
pub fn keeps(gap: f32, source: f32) -> bool {
    (gap - source).abs() <= 0.10 * source.abs().max(gap.abs()) || (gap - source).abs() <= 3.0
}

/// A warning for every gap between two blocks of text that differs from the same gap in
/// the source language (English) by more than [`keeps`] allows, for the designs whose
/// source-language piece is among `scenes` (`check` builds English by default).
pub fn across_locales(
    p: &crate::load::project::Project,
    scenes: &[Scene],
) -> crate::base::diag::Diagnostics {
    let mut d = crate::base::diag::Diagnostics::default();
    let Some(source) = p.catalogs.values().find(|c| c.info.source) else {
        return d;
    };
    for reference in scenes.iter().filter(|s| s.locale == source.code) {
        let Ok(design) = p.design(&reference.design) else {
            continue;
        };
        let want = design_gaps(reference, design);
        let unit = match reference.medium {
            crate::load::spec::Medium::Print => "pt",
            crate::load::spec::Medium::Screen => "px",
        };
        for s in scenes
            .iter()
            .filter(|s| s.design == reference.design && s.locale != source.code)
            .filter(|s| !s.locale.contains('+'))
        {
            for ((page, upper, lower), gap) in design_gaps(s, design) {
                let Some(&en) = want.get(&(page, upper.clone(), lower.clone())) else {
                    continue;
                };
                if keeps(gap, en) {
                    continue;
                }
                let page_no = if s.pages.len() > 1 {
                    format!(", page {}", page + 1)
                } else {
                    String::new()
                };
                d.push(
                    crate::base::diag::Diagnostic::warning(format!(
                                "`{}` ({}{page_no}) leaves {gap:.1}{unit} between the ink of slot `{upper}` and slot `{lower}`, where {} leaves {en:.1}{unit}: the same design should space its blocks alike in every language",
                                s.design, s.locale, source.code
                            ))
                        .at(&design.source, design.slot_span(&lower))
                        .hint("set `ink_gap` in [layout] so text rows close up to their ink, or give the rows of these slots room for the longer text")
                        .code("spacing"),
                );
            }
        }
    }
    d
}
