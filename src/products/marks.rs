//! Printer's marks for print-shop files (`--marks`): the page grows by a slug margin
//! on every side, with crop marks at the trim corners (outside the bleed, so they are
//! cut away) and a slug line naming the design, locale, size and content hash. Also the
//! die-cut line of stickers and clings (`--cut-line`).

use crate::base::diag::Diagnostic;
use crate::base::units::Color;
use crate::layout::label;
use crate::load::project::Project;
use crate::load::spec::{Design, Medium};
use crate::scene::{CutLine, Item, Page, Rect, Scene, transformed};

/// Extra margin around the media box for the marks, in points (0.5 in).
pub const SLUG: f32 = 36.0;
/// Length of a crop mark (0.25 in).
const MARK: f32 = 18.0;
/// Gap between the bleed edge and a crop mark.
const GAP: f32 = 3.0;
/// Crop mark line width: a hairline a print shop expects (0.25 pt).
const LINE: f32 = 0.25;

/// The scene with crop marks and a slug line on every page. Screen pieces are returned
/// as they are (marks are for print).
pub fn add(project: &Project, scene: &Scene, size: &str) -> Result<Scene, Diagnostic> {
    if scene.medium != Medium::Print {
        return Ok(scene.clone());
    }
    let mut out = scene.clone();
    let black = Color::BLACK;
    for page in &mut out.pages {
        let old = std::mem::replace(
            page,
            Page {
                width: 0.0,
                height: 0.0,
                trim: Rect::new(0.0, 0.0, 0.0, 0.0),
                bleed: Rect::new(0.0, 0.0, 0.0, 0.0),
                safe: Rect::new(0.0, 0.0, 0.0, 0.0),
                items: Vec::new(),
                blocks: Vec::new(),
                marks: Vec::new(),
                cut: None,
                white: None,
            },
        );
        let mv = |r: Rect| Rect::new(r.x + SLUG, r.y + SLUG, r.w, r.h);
        let (w, h) = (old.width + 2.0 * SLUG, old.height + 2.0 * SLUG);
        let trim = mv(old.trim);
        let bleed = mv(old.bleed);
        let mut items = vec![Item::Rect {
            rect: Rect::new(0.0, 0.0, w, h),
            color: Color::WHITE,
        }];
        items.extend(transformed(&old.items, 1.0, SLUG, SLUG));
        // The marks are never mirrored (a second-surface print is read by the print shop
        // from the front too), so they go in their own list.
        let mut marks = Vec::new();
        // Crop marks: at each trim corner, one horizontal and one vertical line on the
        // trim lines, starting just outside the bleed.
        let off_x = trim.x - bleed.x + GAP;
        let off_y = trim.y - bleed.y + GAP;
        for (cx, sx) in [(trim.x, -1.0f32), (trim.right(), 1.0)] {
            for (cy, sy) in [(trim.y, -1.0f32), (trim.bottom(), 1.0)] {
                // Horizontal mark along the trim line y = cy, outside in x.
                let hx = if sx < 0.0 {
                    cx - off_x - MARK
                } else {
                    cx + off_x
                };
                marks.push(Item::Rect {
                    rect: Rect::new(hx, cy - LINE / 2.0, MARK, LINE),
                    color: black,
                });
                let vy = if sy < 0.0 {
                    cy - off_y - MARK
                } else {
                    cy + off_y
                };
                marks.push(Item::Rect {
                    rect: Rect::new(cx - LINE / 2.0, vy, LINE, MARK),
                    color: black,
                });
            }
        }
        let slug = format!(
            "{} \u{00b7} {} \u{00b7} {size} \u{00b7} {} \u{00b7} {}",
            scene.design,
            scene.locale,
            if scene.hash.is_empty() {
                "no hash"
            } else {
                scene.hash.get(..23).unwrap_or(&scene.hash)
            },
            if scene.draft.is_some() {
                "DRAFT, not approved for print"
            } else {
                "approved for print"
            }
        );
        marks.extend(label(
            project,
            &slug,
            bleed.x,
            h - SLUG / 2.0 + 3.0,
            6.0,
            w - 2.0 * bleed.x,
            black,
            false,
        )?);
        *page = Page {
            width: w,
            height: h,
            trim,
            bleed,
            safe: mv(old.safe),
            items,
            blocks: old
                .blocks
                .into_iter()
                .map(|mut b| {
                    b.rect = mv(b.rect);
                    b.ink = b.ink.map(mv);
                    b
                })
                .collect(),
            marks,
            cut: old.cut.map(|c| CutLine {
                rect: mv(c.rect),
                radius: c.radius,
            }),
            white: old.white.map(|w| crate::scene::WhitePlate {
                rect: mv(w.rect),
                ..w
            }),
        };
    }
    Ok(out)
}

/// The scene with a die-cut line (`--cut-line`) on every page: a closed path exactly on
/// the trim box, its corners rounded with the design's `corner_radius`, for the
/// `CutContour` spot colour. Only die-cut designs (stickers, clings) printed on paper or
/// vinyl get one; anything else is returned as it is.
///
/// The line is in page coordinates, outside the mirror, like the printer's marks and
/// like the TrimBox written into the PDF. A mirrored piece's trim box is centred in
/// its media box, so mirroring would not move it anyway: the die cuts where the
/// mirrored artwork's edge is.
pub fn add_cut_line(scene: &Scene, design: &Design) -> Scene {
    let mut out = scene.clone();
    if !design.kind.is_die_cut() || scene.medium != Medium::Print {
        return out;
    }
    let radius = design.corner_radius.to_pt(design.px_pt(), 0.0);
    for page in &mut out.pages {
        page.cut = Some(CutLine {
            rect: page.trim,
            radius,
        });
    }
    out
}
