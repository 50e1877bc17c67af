//! SVG, for quick review in a browser: glyphs as shared outline paths, vector QR
//! codes, illustrations embedded as data URIs. Same display list as PDF and PNG.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use base64::Engine as _;

use crate::base::markup::escape;
use crate::export::{glyph_path, qr_runs};
use crate::load::fonts::FontId;
use crate::scene::{CUT_CONTOUR, CUT_MAGENTA, CutLine, Item, Page, Scene, Seg};

fn path_data(p: &tiny_skia::Path) -> String {
    let mut d = String::new();
    for seg in p.segments() {
        use tiny_skia::PathSegment::*;
        let _ = match seg {
            MoveTo(a) => write!(d, "M{} {}", a.x, a.y),
            LineTo(a) => write!(d, "L{} {}", a.x, a.y),
            QuadTo(a, b) => write!(d, "Q{} {} {} {}", a.x, a.y, b.x, b.y),
            CubicTo(a, b, c) => write!(d, "C{} {} {} {} {} {}", a.x, a.y, b.x, b.y, c.x, c.y),
            Close => write!(d, "Z"),
        };
    }
    d
}

/// The die line: the same path as in the PDF, magenta, named for the spot colour.
fn cut_line(cut: &CutLine) -> String {
    let mut d = String::new();
    for seg in cut.outline() {
        let _ = match seg {
            Seg::Move(x, y) => write!(d, "M{x} {y}"),
            Seg::Line(x, y) => write!(d, "L{x} {y}"),
            Seg::Cubic(a, b, c, e, f, g) => write!(d, "C{a} {b} {c} {e} {f} {g}"),
            Seg::Close => write!(d, "Z"),
        };
    }
    format!(
        "<!-- die-cut line: spot colour {CUT_CONTOUR}, 100% tint, {w} pt, on the trim box, corner radius {r} pt -->\n<path id=\"{CUT_CONTOUR}\" data-spot-color=\"{CUT_CONTOUR}\" d=\"{d}\" fill=\"none\" stroke=\"{}\" stroke-width=\"{w}\"/>\n",
        CUT_MAGENTA.hex(),
        w = CutLine::WIDTH,
        r = cut.radius,
    )
}

/// One page as an SVG document.
pub fn page(scene: &Scene, page: &Page) -> Result<String, String> {
    let (w, h) = (page.width, page.height);
    let mut body = String::new();
    let mut defs: BTreeMap<(FontId, u16), String> = BTreeMap::new();
    let mut marks_at = None;
    let layers = page.items.iter().chain(&page.marks);
    for (n, item) in layers.enumerate() {
        if n == page.items.len() {
            marks_at = Some(body.len());
        }
        match item {
            Item::Rect { rect, color } => {
                let _ = writeln!(
                    body,
                    r#"<rect x="{}" y="{}" width="{}" height="{}" fill="{}"/>"#,
                    rect.x,
                    rect.y,
                    rect.w,
                    rect.h,
                    color.hex()
                );
            }
            Item::Text(run) => {
                let face = scene.fonts.face(run.font).map_err(|d| d.message)?;
                let k = run.size / face.upem;
                let _ = writeln!(
                    body,
                    r#"<g fill="{}" aria-label="{}">"#,
                    run.color.hex(),
                    escape(&run.text)
                );
                let mut x = run.x;
                for g in &run.glyphs {
                    let key = (run.font, g.id);
                    let d = defs.entry(key).or_insert_with(|| {
                        glyph_path(&face, g.id)
                            .map(|p| path_data(&p))
                            .unwrap_or_default()
                    });
                    if !d.is_empty() {
                        let _ = writeln!(
                            body,
                            r##"<use href="#g{}-{}" transform="matrix({k} 0 0 {} {} {})"/>"##,
                            run.font.0,
                            g.id,
                            -k,
                            x + g.dx * run.size,
                            run.y - g.dy * run.size
                        );
                    }
                    x += g.advance * run.size;
                }
                body.push_str("</g>\n");
            }
            Item::Qr(q) => {
                let m = q.module();
                let _ = writeln!(body, r#"<g aria-label="QR code: {}">"#, escape(&q.payload));
                let _ = writeln!(
                    body,
                    r##"<rect x="{}" y="{}" width="{}" height="{}" fill="#ffffff"/>"##,
                    q.rect.x, q.rect.y, q.rect.w, q.rect.h
                );
                let mut d = String::new();
                for (x, y, len) in qr_runs(q) {
                    let _ = write!(
                        d,
                        "M{} {}h{}v{}h{}Z",
                        q.rect.x + x as f32 * m,
                        q.rect.y + y as f32 * m,
                        len as f32 * m,
                        m,
                        -(len as f32) * m
                    );
                }
                let ink = crate::scene::QR_INK.hex();
                let _ = writeln!(body, r##"<path d="{d}" fill="{ink}"/></g>"##);
            }
            Item::Image { rect, image } => {
                let data = base64::engine::general_purpose::STANDARD.encode(image.publish_bytes());
                let mime = image.mime;
                let _ = writeln!(
                    body,
                    r#"<image x="{}" y="{}" width="{}" height="{}" preserveAspectRatio="none" href="data:{mime};base64,{data}"><title>{}</title></image>"#,
                    rect.x,
                    rect.y,
                    rect.w,
                    rect.h,
                    escape(&image.entry.title)
                );
            }
        }
    }
    let unit = if scene.png_scale() == 1.0 { "px" } else { "pt" };
    let mut out = String::new();
    let _ = writeln!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}{unit}" height="{h}{unit}" viewBox="0 0 {w} {h}" lang="{}">"#,
        escape(&scene.locale)
    );
    // The same title and status as the PDF and PNG metadata (`Scene::meta`).
    let meta = scene.meta();
    let _ = writeln!(out, "<title>{}</title>", escape(&meta.title));
    let _ = writeln!(out, "<desc>{}</desc>", escape(&meta.subject));
    out.push_str("<defs>\n");
    for ((f, g), d) in &defs {
        if !d.is_empty() {
            let _ = writeln!(out, r#"<path id="g{}-{g}" d="{d}"/>"#, f.0);
        }
    }
    out.push_str("</defs>\n");
    // Printer's marks come after the content, outside the mirror.
    let (content, marks) = body.split_at(marks_at.unwrap_or(body.len()));
    if scene.mirrored {
        let _ = writeln!(out, r#"<g transform="matrix(-1 0 0 1 {w} 0)">"#);
    }
    out.push_str(content);
    if scene.mirrored {
        out.push_str("</g>\n");
    }
    out.push_str(marks);
    if let Some(cut) = &page.cut {
        out.push_str(&cut_line(cut));
    }
    out.push_str("</svg>\n");
    Ok(out)
}

/// Every page as an SVG document.
pub fn export(scene: &Scene) -> Result<Vec<String>, String> {
    scene.pages.iter().map(|p| page(scene, p)).collect()
}
