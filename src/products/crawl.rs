//! The crawl line of a slide loop (`[video] crawl = true`): a band at the bottom of
//! every slide with the number and "text 233733" in each of the loop's languages in
//! turn. The pieces are laid out again above it; `check` and `build` both lay them out
//! this way, so a slide too full for the band fails in `check` too.

use crate::base::diag::{Diagnostic, Diagnostics};
use crate::base::units::Color;
use crate::load::project::Project;

/// Height of the crawl band on a 1920 x 1080 slide, in px.
pub const CRAWL_BAND: f32 = 84.0;

/// Colour of the crawl band.
pub const CRAWL_BG: Color = Color::rgb(0xff, 0xd1, 0x66);

/// Colour of the crawl text.
pub const CRAWL_INK: Color = Color::rgb(0x13, 0x29, 0x4b);

/// Contrast the crawl line needs against its band: WCAG's ratio for body text, although
/// the text is large, because it is read across a waiting room.
pub const CRAWL_CONTRAST: f32 = 4.5;

/// The pieces of each screen design among `scenes` (the slide loops a kit makes), in
/// order: (design, its pieces).
pub fn by_screen_design(scenes: &[crate::scene::Scene]) -> Vec<(&str, Vec<&crate::scene::Scene>)> {
    let mut designs: Vec<&str> = scenes
        .iter()
        .filter(|s| s.medium == crate::load::spec::Medium::Screen)
        .map(|s| s.design.as_str())
        .collect();
    designs.dedup();
    designs
        .into_iter()
        .map(|d| (d, scenes.iter().filter(|s| s.design == d).collect()))
        .collect()
}

/// What a slide keeps free at the bottom of its safe area for the band (px).
pub const RESERVE: f32 = CRAWL_BAND + 16.0;

/// The pieces laid out again for a loop with the crawl line ([`RESERVE`] kept free at
/// the bottom of the safe area), and the band there with the number and "text 233733" in each of the
/// pieces' languages in turn, one a slide. Every piece whose layout or band fails is an
/// error (`check` runs this too, so a kit with `crawl = true` fails there, not only in
/// `build`).
pub fn scenes(
    project: &Project,
    opts: &crate::layout::Options,
    scenes: &[&crate::scene::Scene],
) -> Result<Vec<crate::scene::Scene>, Diagnostics> {
    let mut opts = opts.clone();
    opts.reserve_bottom = RESERVE;
    let opts = &opts;
    let langs: Vec<&str> = scenes.iter().map(|s| s.locale.as_str()).collect();
    let mut out = Vec::new();
    let mut diags = Diagnostics::default();
    let mut k = 0;
    for s in scenes {
        match scene(project, opts, s, &langs, &mut k) {
            Ok(scene) => out.push(scene),
            Err(d) => diags.extend(d.0),
        }
    }
    if diags.has_errors() {
        return Err(diags);
    }
    Ok(out)
}

/// One piece laid out around the crawl band, the band drawn; `k` counts slides across
/// the pieces, for the band's language.
fn scene(
    project: &Project,
    opts: &crate::layout::Options,
    s: &crate::scene::Scene,
    langs: &[&str],
    k: &mut usize,
) -> Result<crate::scene::Scene, Diagnostics> {
    let mut scene = crate::products::piece::compile_with(project, &s.design, &s.locale, opts)
        .map_err(|d| {
            let mut d = d;
            for x in &mut d.0 {
                x.hints.push(format!(
                    "with [video] crawl = true the slides are laid out {RESERVE} px shorter, above the crawl line"
                ));
            }
            d
        })?;
    for page in &mut scene.pages {
        let lang = langs[*k % langs.len()];
        *k += 1;
        let cat = project.catalog(lang)?;
        let line = format!(
            "{}  \u{00b7}  {}",
            project.hotline.phone.display,
            cat.get("text-short")?
        );
        let band = crate::scene::Rect::new(
            page.safe.x,
            page.safe.bottom() - CRAWL_BAND,
            page.safe.w,
            CRAWL_BAND,
        );
        page.items.push(crate::scene::Item::Rect {
            rect: band,
            color: CRAWL_BG,
        });
        let size = 52.0;
        let (items, h) = crate::layout::wrapped(
            project,
            cat,
            &line,
            band.x + 24.0,
            0.0,
            band.w - 48.0,
            size,
            CRAWL_INK,
            true,
        )?;
        // Centre the ink, not the line box: scripts whose fonts reach far below the
        // baseline (Arabic) stay inside the band.
        let ink = ink_extent(project, &items).map_err(Diagnostic::error)?;
        let dy = match ink {
            Some((t, b)) if b - t <= band.h => band.y + band.h / 2.0 - (t + b) / 2.0,
            _ => band.y + (band.h - h) / 2.0,
        };
        let items = crate::scene::transformed(&items, 1.0, 0.0, dy);
        crawl_fits(project, &band, h, &items, CRAWL_BG)
            .map_err(|m| {
                Diagnostic::error(format!(
                    "the crawl line of {} ({}) in {lang}: {m}",
                    scene.design, scene.locale
                ))
            })
            .map_err(|d| {
                d.hint("shorten `text-short` in that language, or make the loop without --crawl")
            })?;
        page.items.extend(items);
    }
    // What the slides show includes the band: it is part of their content hash.
    scene.inputs.add(
        "crawl",
        crate::base::hash::text_digest(&scene.pages_snapshot()),
    );
    scene.hash = scene.inputs.hash();
    Ok(scene)
}

/// The ink of a glyph run (left, right, top, bottom), each glyph placed as the PNG
/// exporter places it; `None` for a run with no ink (spaces).
fn run_ink(
    project: &Project,
    r: &crate::scene::GlyphRun,
) -> Result<Option<(f32, f32, f32, f32)>, String> {
    let face = project.fonts.face(r.font).map_err(|d| d.message)?;
    let k = r.size / face.upem;
    let (mut left, mut right) = (f32::INFINITY, f32::NEG_INFINITY);
    let (mut top, mut bottom) = (f32::INFINITY, f32::NEG_INFINITY);
    let mut pen = r.x;
    for g in &r.glyphs {
        if let Some(bb) = face.rb.glyph_bounding_box(ttf_parser::GlyphId(g.id)) {
            let gx = pen + g.dx * r.size;
            let gy = r.y - g.dy * r.size;
            left = left.min(gx + f32::from(bb.x_min) * k);
            right = right.max(gx + f32::from(bb.x_max) * k);
            top = top.min(gy - f32::from(bb.y_max) * k);
            bottom = bottom.max(gy - f32::from(bb.y_min) * k);
        }
        pen += g.advance * r.size;
    }
    Ok(left.is_finite().then_some((left, right, top, bottom)))
}

/// The vertical extent of the ink of text items (top, bottom).
fn ink_extent(
    project: &Project,
    items: &[crate::scene::Item],
) -> Result<Option<(f32, f32)>, String> {
    let mut out: Option<(f32, f32)> = None;
    for it in items {
        if let crate::scene::Item::Text(r) = it
            && let Some((_, _, t, b)) = run_ink(project, r)?
        {
            out = Some(out.map_or((t, b), |(t0, b0)| (t0.min(t), b0.max(b))));
        }
    }
    Ok(out)
}

/// The crawl line must sit inside its band (one line, no glyph's ink past either end or
/// edge) and read clearly against the band's colour `bg` (at least [`CRAWL_CONTRAST`]).
fn crawl_fits(
    project: &Project,
    band: &crate::scene::Rect,
    height: f32,
    items: &[crate::scene::Item],
    bg: Color,
) -> Result<(), String> {
    if height > band.h {
        return Err(format!(
            "it needs {height:.0} px of height, and the band is {:.0} px: it does not fit on one line",
            band.h
        ));
    }
    for it in items {
        let crate::scene::Item::Text(r) = it else {
            continue;
        };
        let Some((left, right, top, bottom)) = run_ink(project, r)? else {
            continue;
        };
        if left < band.x - 0.5
            || right > band.right() + 0.5
            || top < band.y - 0.5
            || bottom > band.bottom() + 0.5
        {
            return Err(format!(
                "`{}` runs outside the {:.0} x {:.0} px band (it takes x {:.0} to {:.0}, y {:.0} to {:.0}; the band x {:.0} to {:.0}, y {:.0} to {:.0})",
                r.text,
                band.w,
                band.h,
                left,
                right,
                top,
                bottom,
                band.x,
                band.right(),
                band.y,
                band.bottom()
            ));
        }
        let ratio = r.color.contrast(bg);
        if ratio + 1e-3 < CRAWL_CONTRAST {
            return Err(format!(
                "text {} on {} has contrast {ratio:.2}:1; the crawl line needs {CRAWL_CONTRAST}:1",
                r.color.hex(),
                bg.hex()
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn project() -> Project {
        let assets = crate::base::assets::FsAssets::new(env!("CARGO_MANIFEST_DIR"));
        Project::load(std::sync::Arc::new(assets)).expect("bundled project")
    }

    /// The line as the loop lays it out, in `ink`, in a band of the usual size.
    fn line(
        p: &Project,
        text: &str,
        ink: Color,
    ) -> (crate::scene::Rect, f32, Vec<crate::scene::Item>) {
        let band = crate::scene::Rect::new(96.0, 900.0, 1728.0, CRAWL_BAND);
        let cat = p.catalog("en").unwrap();
        let (items, h) = crate::layout::wrapped(
            p,
            cat,
            text,
            band.x + 24.0,
            0.0,
            band.w - 48.0,
            52.0,
            ink,
            true,
        )
        .unwrap();
        let dy = band.y + (band.h - h) / 2.0;
        let items = crate::scene::transformed(&items, 1.0, 0.0, dy);
        (band, h, items)
    }

    #[test]
    fn the_crawl_line_must_fit_its_band_and_read_against_it() {
        let p = project();
        let (band, h, items) = line(&p, "1-888-373-7888  \u{00b7}  Text 233733", CRAWL_INK);
        assert_eq!(crawl_fits(&p, &band, h, &items, CRAWL_BG), Ok(()));
        // Too long for one line.
        let long = "1-888-373-7888  \u{00b7}  Send a text message to 233733 at any hour of the day or night";
        let (band, h, items) = line(&p, long, CRAWL_INK);
        let e = crawl_fits(&p, &band, h, &items, CRAWL_BG).unwrap_err();
        assert!(e.contains("does not fit"), "{e}");
        // One word wider than the band cannot wrap: its ink runs past the end.
        let (band, h, items) = line(&p, &"233733".repeat(12), CRAWL_INK);
        let e = crawl_fits(&p, &band, h, &items, CRAWL_BG).unwrap_err();
        assert!(e.contains("runs outside"), "{e}");
        // Light grey on the yellow band.
        let grey = Color::rgb(0xb0, 0xb0, 0xb0);
        let (band, h, items) = line(&p, "1-888-373-7888", grey);
        let e = crawl_fits(&p, &band, h, &items, CRAWL_BG).unwrap_err();
        assert!(e.contains("contrast"), "{e}");
        // The colours the loop uses pass.
        assert!(CRAWL_INK.contrast(CRAWL_BG) >= CRAWL_CONTRAST);
    }
}
