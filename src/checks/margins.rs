//! The margin a piece's printer keeps. An office laser or inkjet printer cannot print
//! closer than about 0.25 in to the paper's edge (shared facts section 6), so a piece
//! printed on one keeps all its content (text, the status line, QR codes, pictures)
//! that far inside the paper. A print shop trims or die-cuts its pieces, so they keep
//! the design's `safe` margin from the trim instead. The page background and printer's
//! marks outside the trim (`build --marks`) are not content.
//!
//! The printing method is the kit's `[print] method` for the design if it names one,
//! else the design's own `printing` (default: shop).

use std::collections::BTreeMap;

use crate::base::diag::{Diagnostic, Diagnostics};
use crate::load::fonts::FontBook;
use crate::load::project::Project;
use crate::load::spec::{Design, Medium, Printing};
use crate::scene::{GlyphRun, Item, Page, Rect, Scene};

/// Slack for rounding, in points (a thousandth of an inch).
const SLACK: f32 = 0.072;

/// How `design` is printed in this kit, and whether the kit file said so.
pub fn method(design: &Design, kit: &BTreeMap<String, Printing>) -> (Printing, bool) {
    match kit.get(&design.name) {
        Some(m) => (*m, true),
        None => (design.printing, false),
    }
}

/// One thing on a page too close to the edge.
#[derive(Debug, Clone, PartialEq)]
pub struct TooClose {
    /// Page number, from 1.
    pub page: usize,
    /// What it is, for people ("the status line \"DRAFT ...\"", "the QR code").
    pub what: String,
    /// Its distance from the paper's edge (office) or the trim (shop), in points;
    /// negative when it reaches past it.
    pub distance: f32,
    /// Which edge: "top", "bottom", "left" or "right".
    pub edge: &'static str,
    /// The distance it must keep, in points.
    pub need: f32,
}

/// The area content must stay within on `page` for a printing method, and the distance
/// that area keeps from the reference edge (points).
fn allowed(page: &Page, printing: Printing) -> (Rect, Rect, f32) {
    match printing {
        Printing::Office => {
            let paper = Rect::new(0.0, 0.0, page.width, page.height);
            (
                paper,
                paper.inset(Printing::OFFICE_EDGE_PT),
                Printing::OFFICE_EDGE_PT,
            )
        }
        // The safe area as laid out (the design's `safe`, which may be a percentage,
        // resolved); the required distance is the smaller of its two insets.
        Printing::Shop => {
            let t = page.trim;
            let s = page.safe;
            let need = (s.x - t.x)
                .min(t.right() - s.right())
                .min(s.y - t.y)
                .min(t.bottom() - s.bottom());
            (t, s, need)
        }
    }
}

/// The ink of a glyph run on the page: each glyph's outline box, placed.
pub fn run_ink(fonts: &FontBook, run: &GlyphRun) -> Option<Rect> {
    let face = fonts.face(run.font).ok()?;
    let k = 1.0 / face.upem;
    let mut pen = 0.0f32;
    let mut ink: Option<(f32, f32, f32, f32)> = None;
    for g in &run.glyphs {
        if let Some(b) = face.rb.glyph_bounding_box(ttf_parser::GlyphId(g.id)) {
            let x0 = run.x + (pen + g.dx + b.x_min as f32 * k) * run.size;
            let x1 = run.x + (pen + g.dx + b.x_max as f32 * k) * run.size;
            let y0 = run.y - (g.dy + b.y_max as f32 * k) * run.size;
            let y1 = run.y - (g.dy + b.y_min as f32 * k) * run.size;
            ink = Some(match ink {
                Some((a, b, c, d)) => (a.min(x0), b.min(y0), c.max(x1), d.max(y1)),
                None => (x0, y0, x1, y1),
            });
        }
        pen += g.advance;
    }
    ink.map(|(x0, y0, x1, y1)| Rect::new(x0, y0, x1 - x0, y1 - y0))
}

/// How far `r` keeps inside `outer`, and on which edge it comes closest.
fn distance(r: &Rect, outer: &Rect) -> (f32, &'static str) {
    [
        (r.x - outer.x, "left"),
        (outer.right() - r.right(), "right"),
        (r.y - outer.y, "top"),
        (outer.bottom() - r.bottom(), "bottom"),
    ]
    .into_iter()
    .fold(
        (f32::INFINITY, "left"),
        |a, b| if b.0 < a.0 { b } else { a },
    )
}

fn shorten(t: &str) -> String {
    let t = t.trim();
    if t.chars().count() > 40 {
        format!("{}…", t.chars().take(39).collect::<String>().trim_end())
    } else {
        t.to_string()
    }
}

/// What on the pages of `s` comes closer to the edge than `printing` allows: the
/// nearest of each thing (a slot's text, the status line, a picture, the QR code) on
/// each page.
pub fn too_close(fonts: &FontBook, s: &Scene, printing: Printing) -> Vec<TooClose> {
    let mut out: Vec<TooClose> = Vec::new();
    for (pi, page) in s.pages.iter().enumerate() {
        let (edge_box, inner, need) = allowed(page, printing);
        let mut found: Vec<TooClose> = Vec::new();
        for it in &page.items {
            let mut status = false;
            let (rect, what) = match it {
                Item::Text(run) => {
                    let Some(ink) = run_ink(fonts, run) else {
                        continue;
                    };
                    let mid = Rect::new(ink.x + ink.w / 2.0, ink.y + ink.h / 2.0, 0.0, 0.0);
                    let what = match page
                        .blocks
                        .iter()
                        .find(|b| b.rect.inset(-1.0).contains(&mid))
                    {
                        Some(b) => format!("the text of slot `{}`", b.slot),
                        None if s
                            .draft
                            .as_deref()
                            .is_some_and(|d| d.contains(run.text.trim())) =>
                        {
                            status = true;
                            format!("the status line \"{}\"", shorten(&run.text))
                        }
                        None => format!("the text \"{}\"", shorten(&run.text)),
                    };
                    (ink, what)
                }
                // The modules, not the quiet zone: blank paper may go unprinted.
                Item::Qr(q) => (
                    q.rect.inset(q.quiet as f32 * q.module()),
                    "the QR code".into(),
                ),
                Item::Image { rect, image } => (*rect, format!("the picture `{}`", image.id)),
                Item::Rect { .. } => continue,
            };
            // A shop piece's status line is drawn in the band between the safe area
            // and the trim on purpose (it must not cover content, and a print shop
            // never gets a draft: `build --final` refuses them): it stays on the trim.
            let (edge_box, inner, need) = if status && printing == Printing::Shop {
                (page.trim, page.trim, 0.0)
            } else {
                (edge_box, inner, need)
            };
            if inner.contains(&rect.inset(SLACK)) {
                continue;
            }
            let (d, edge) = distance(&rect, &edge_box);
            if d + SLACK >= need {
                continue;
            }
            match found.iter_mut().find(|f| f.what == what) {
                Some(f) if d < f.distance => {
                    f.distance = d;
                    f.edge = edge;
                }
                Some(_) => {}
                None => found.push(TooClose {
                    page: pi + 1,
                    what,
                    distance: d,
                    edge,
                    need,
                }),
            }
        }
        out.extend(found);
    }
    out
}

/// Points as inches for people: "0.166", "0.25", "0".
fn inches(pt: f32) -> String {
    let s = format!("{:.3}", pt / 72.0);
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" || s.is_empty() {
        "0".into()
    } else {
        s.to_string()
    }
}

/// Errors for content of print pieces closer to the edge than their printing method
/// allows (`kit`: the kit file's `[print] method`), and for a kit method naming no
/// design.
pub fn pieces(p: &Project, scenes: &[Scene], kit: &BTreeMap<String, Printing>) -> Diagnostics {
    let mut d = Diagnostics::default();
    for name in kit.keys() {
        if !p.designs.contains_key(name) {
            d.push(
                Diagnostic::error(format!(
                    "kit.toml [print] method names `{name}`, which is not a design"
                ))
                .hint(format!(
                    "print designs: {}",
                    p.designs
                        .values()
                        .filter(|x| x.medium == Medium::Print)
                        .map(|x| x.name.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                )),
            );
        }
    }
    for s in scenes.iter().filter(|s| s.medium == Medium::Print) {
        let Ok(design) = p.design(&s.design) else {
            continue;
        };
        let (printing, from_kit) = method(design, kit);
        for c in too_close(&p.fonts, s, printing) {
            let pages = format!(", page {}", c.page);
            let by = if from_kit {
                " (kit.toml [print] method)"
            } else {
                ""
            };
            let (msg, hint) = match printing {
                Printing::Office => (
                    format!(
                        "`{}` ({}{pages}): {} is {} in from the {} edge of the paper; a piece printed on an office printer{by} keeps all content at least {} in inside the paper",
                        s.design,
                        s.locale,
                        c.what,
                        inches(c.distance),
                        c.edge,
                        inches(Printing::OFFICE_EDGE_PT),
                    ),
                    format!(
                        "office laser and inkjet printers cannot print that close to the edge: move it inward (a larger `safe` margin in designs/{}.toml), or, if a print shop prints and trims it, set printing = \"shop\" (or kit.toml [print] method = {{ {} = \"shop\" }})",
                        s.design, s.design
                    ),
                ),
                Printing::Shop if c.need <= 0.0 => (
                    format!(
                        "`{}` ({}{pages}): {} reaches {} in past the {} edge of the trim, where a print shop{by} cuts it off",
                        s.design,
                        s.locale,
                        c.what,
                        inches(-c.distance),
                        c.edge,
                    ),
                    "keep it inside the trim".to_string(),
                ),
                Printing::Shop => (
                    format!(
                        "`{}` ({}{pages}): {} is {} in from the {} edge of the trim; a piece a print shop trims{by} keeps content inside its safe margin of {} in",
                        s.design,
                        s.locale,
                        c.what,
                        inches(c.distance),
                        c.edge,
                        inches(c.need),
                    ),
                    format!(
                        "trimming and die-cutting may drift into the safe margin: move it inward, or give designs/{}.toml a smaller `safe` margin only if the print shop allows it",
                        s.design
                    ),
                ),
            };
            d.push(
                design
                    .error(
                        msg,
                        design
                            .source
                            .find_line(|l| l.trim_start().starts_with("printing")),
                    )
                    .hint(hint)
                    .code("print-margin"),
            );
        }
    }
    d
}
