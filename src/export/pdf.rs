//! PDF with krilla: our own shaped glyphs (fonts subset and embedded with ToUnicode, so
//! text extracts), vector QR codes, TrimBox and BleedBox, title and language metadata.
//! No dates are written, so identical input gives identical bytes.

use krilla::geom::{PathBuilder, Point, Rect as KRect, Size, Transform};
use krilla::metadata::Metadata;
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::{Fill, FillRule, Stroke};
use krilla::tagging::{ArtifactType, ContentTag, SpanTag, Tag, TagGroup, TagTree};
use krilla::text::{GlyphId, KrillaGlyph};
use krilla::{Document, SerializeSettings};
use krilla_svg::{SurfaceExt, SvgSettings};

use crate::base::units::Color;
use crate::export::qr_runs;
use crate::load::imagery::Picture;
use crate::model::config::ColorMode;
use crate::scene::{CUT_CONTOUR, CutLine, Item, Rect, Scene, Seg};

/// A percentage (0-100) as krilla's 0-255 colour component.
fn pct(v: u8) -> u8 {
    ((v.min(100) as u32 * 255 + 50) / 100) as u8
}

/// A fill in the scene's colour mode: RGB, or DeviceCMYK with the colour's print values.
fn fill(c: Color, mode: ColorMode) -> Fill {
    let paint = match mode {
        ColorMode::Rgb => krilla::color::rgb::Color::new(c.r, c.g, c.b).into(),
        ColorMode::Cmyk => {
            let [cy, m, y, k] = c.ink();
            krilla::color::cmyk::Color::new(pct(cy), pct(m), pct(y), pct(k)).into()
        }
    };
    Fill {
        paint,
        opacity: NormalizedF32::ONE,
        rule: FillRule::NonZero,
    }
}

/// A spot colour at 100% tint, shown as `alt` where the separation cannot be.
fn spot(name: &str, alt: krilla::color::cmyk::Color) -> krilla::color::separation::Color {
    use krilla::color::separation::{Color as Spot, SeparationColorant, SeparationSpace};
    Spot::new(
        255,
        SeparationSpace::new(
            SeparationColorant::Custom(name.into()),
            krilla::color::RegularColor::Cmyk(alt),
        ),
    )
}

/// Fill the white-ink plate: its own spot colour over its area, with no process ink
/// as its fallback, so a viewer shows the artwork as it looks on white. Marked as an
/// artifact: production information, not content.
fn draw_white_plate(surface: &mut krilla::surface::Surface, plate: &crate::scene::WhitePlate) {
    let mut pb = PathBuilder::new();
    if let Some(r) = krect(&plate.rect) {
        pb.push_rect(r);
    }
    let Some(path) = pb.finish() else { return };
    surface.start_tagged(ContentTag::Artifact(krilla::tagging::Artifact::new(
        ArtifactType::Other,
        None,
    )));
    surface.set_fill(Some(Fill {
        paint: krilla::color::Color::from(spot(
            &plate.ink,
            krilla::color::cmyk::Color::new(0, 0, 0, 0),
        ))
        .into(),
        opacity: NormalizedF32::ONE,
        rule: FillRule::NonZero,
    }));
    surface.draw_path(&path);
    surface.end_tagged();
}

/// The `CutContour` spot colour at 100% tint, with magenta (CMYK 0/100/0/0) as the
/// colour viewers and printers without the separation show.
fn cut_contour() -> krilla::color::separation::Color {
    spot(CUT_CONTOUR, krilla::color::cmyk::Color::new(0, 255, 0, 0))
}

/// Stroke the die line (no fill): a closed path, 0.25 pt, in the `CutContour` separation.
fn draw_cut_line(surface: &mut krilla::surface::Surface, cut: &CutLine) {
    let mut pb = PathBuilder::new();
    for seg in cut.outline() {
        match seg {
            Seg::Move(x, y) => pb.move_to(x, y),
            Seg::Line(x, y) => pb.line_to(x, y),
            Seg::Cubic(a, b, c, d, e, f) => pb.cubic_to(a, b, c, d, e, f),
            Seg::Close => pb.close(),
        }
    }
    let Some(path) = pb.finish() else { return };
    surface.set_fill(None);
    surface.set_stroke(Some(Stroke {
        paint: krilla::color::Color::from(cut_contour()).into(),
        width: CutLine::WIDTH,
        ..Stroke::default()
    }));
    surface.draw_path(&path);
    surface.set_stroke(None);
}

fn krect(r: &Rect) -> Option<KRect> {
    KRect::from_xywh(r.x, r.y, r.w, r.h)
}

/// The whole scene as one PDF document, a page per scene page.
pub fn export(scene: &Scene) -> Result<Vec<u8>, String> {
    let settings = SerializeSettings {
        xmp_metadata: true,
        ..SerializeSettings::default()
    };
    let mut doc = Document::new_with(settings);
    // From the scene's own status: a piece's draft reason or approval, or what a
    // document that is not a piece shows about the pieces on it. Empty parts are left
    // out rather than written blank.
    let m = scene.meta();
    let meta = Metadata::new()
        .title(m.title)
        .language(m.language)
        .creator("hotline-kit".into())
        .keywords(m.keywords)
        .description(m.subject);
    doc.set_metadata(meta);
    let mut tree = TagTree::new();
    for page in &scene.pages {
        let size = Size::from_wh(page.width, page.height).ok_or("empty page")?;
        let settings = PageSettings::new(size)
            .with_trim_box(krect(&page.trim))
            .with_bleed_box(krect(&page.bleed));
        let mut p = doc.start_page_with(settings);
        let mut surface = p.surface();
        let mut para = TagGroup::new(Tag::P);
        let mut figures = Vec::new();
        let mode = scene.ink;
        // A white plate under the artwork is painted first, and the artwork over it
        // with Multiply: krilla writes no overprint, and Multiply keeps the plate's ink
        // wherever artwork lies on it, as overprint would.
        let under = page.white.as_ref().filter(|w| !w.behind);
        if let Some(w) = under {
            draw_white_plate(&mut surface, w);
            surface.push_blend_mode(krilla::blend::BlendMode::Multiply);
        }
        let mut in_mirror = scene.mirrored;
        if in_mirror {
            surface.push_transform(&Transform::from_row(-1.0, 0.0, 0.0, 1.0, page.width, 0.0));
        }
        let layers = page.items.iter().map(|i| (i, true));
        for (item, content) in layers.chain(page.marks.iter().map(|i| (i, false))) {
            // Printer's marks come after the content, outside the mirror.
            if in_mirror && !content {
                surface.pop();
                in_mirror = false;
            }
            match item {
                Item::Rect { rect, color } => {
                    let mut pb = PathBuilder::new();
                    if let Some(r) = krect(rect) {
                        pb.push_rect(r);
                    }
                    if let Some(path) = pb.finish() {
                        // Backgrounds are not content: marked as artifacts.
                        surface.start_tagged(ContentTag::Artifact(krilla::tagging::Artifact::new(
                            ArtifactType::Other,
                            None,
                        )));
                        surface.set_fill(Some(fill(*color, mode)));
                        surface.draw_path(&path);
                        surface.end_tagged();
                    }
                }
                Item::Text(run) => {
                    let face = scene.fonts.face(run.font).map_err(|d| d.message)?;
                    let font = face
                        .pdf_font()
                        .ok_or_else(|| format!("{} cannot be embedded in a PDF", face.file))?;
                    // Glyphs go in visual order. In a right-to-left run, a cluster's
                    // characters go with its first glyph only, so the ranges strictly
                    // decrease: krilla then writes the run as /ReversedChars (and
                    // /ActualText where a glyph stands for different characters), and
                    // text extracts in reading order.
                    let mut prev: Option<std::ops::Range<usize>> = None;
                    let glyphs: Vec<KrillaGlyph> = run
                        .glyphs
                        .iter()
                        .map(|g| {
                            let range = match &prev {
                                Some(p) if run.rtl && *p == g.range => g.range.start..g.range.start,
                                _ => g.range.clone(),
                            };
                            prev = Some(g.range.clone());
                            KrillaGlyph::new(
                                GlyphId::new(g.id as u32),
                                g.advance,
                                g.dx,
                                g.dy,
                                0.0,
                                range,
                                None,
                            )
                        })
                        .collect();
                    let id = surface.start_tagged(ContentTag::Span(SpanTag::empty()));
                    surface.set_fill(Some(fill(run.color, mode)));
                    surface.draw_glyphs(
                        Point::from_xy(run.x, run.y),
                        &glyphs,
                        font,
                        &run.text,
                        run.size,
                        false,
                    );
                    surface.end_tagged();
                    para.push(id);
                }
                Item::Qr(q) => {
                    let id = surface.start_tagged(ContentTag::Other);
                    let mut bg = PathBuilder::new();
                    if let Some(r) = krect(&q.rect) {
                        bg.push_rect(r);
                    }
                    if let Some(path) = bg.finish() {
                        surface.set_fill(Some(fill(Color::WHITE, mode)));
                        surface.draw_path(&path);
                    }
                    let m = q.module();
                    let mut pb = PathBuilder::new();
                    for (x, y, len) in qr_runs(q) {
                        if let Some(r) = KRect::from_xywh(
                            q.rect.x + x as f32 * m,
                            q.rect.y + y as f32 * m,
                            len as f32 * m,
                            m,
                        ) {
                            pb.push_rect(r);
                        }
                    }
                    if let Some(path) = pb.finish() {
                        surface.set_fill(Some(fill(crate::scene::QR_INK, mode)));
                        surface.draw_path(&path);
                    }
                    surface.end_tagged();
                    let mut fig =
                        TagGroup::new(Tag::Figure(Some(format!("QR code: {}", q.payload))));
                    fig.push(id);
                    figures.push(fig);
                }
                Item::Image { rect, image } => {
                    let id = surface.start_tagged(ContentTag::Other);
                    surface.push_transform(&Transform::from_translate(rect.x, rect.y));
                    let size = Size::from_wh(rect.w, rect.h).ok_or("empty image")?;
                    match &image.picture {
                        Picture::Svg(tree)
                            if mode == ColorMode::Cmyk && super::pdf_svg::drawable(tree) =>
                        {
                            super::pdf_svg::draw(&mut surface, tree, rect.w, rect.h, image.tint);
                        }
                        Picture::Svg(tree) => {
                            surface
                                .draw_svg(tree, size, SvgSettings::default())
                                .ok_or_else(|| {
                                    format!("image `{}` could not be drawn", image.id)
                                })?;
                        }
                        Picture::Raster(_) => {
                            let data = krilla::Data::from(image.data.clone());
                            let img = if image.mime == "image/png" {
                                krilla::image::Image::from_png(data, true)
                            } else {
                                krilla::image::Image::from_jpeg(data, true)
                            }
                            .map_err(|e| {
                                format!("image `{}` could not be embedded: {e}", image.id)
                            })?;
                            surface.draw_image(img, size);
                        }
                    }
                    surface.pop();
                    surface.end_tagged();
                    let mut fig = TagGroup::new(Tag::Figure(Some(image.entry.title.clone())));
                    fig.push(id);
                    figures.push(fig);
                }
            }
        }
        if in_mirror {
            surface.pop();
        }
        if under.is_some() {
            surface.pop();
        }
        // Behind the artwork (second surface, printed colour first, then white): the
        // plate is painted last, with Multiply, so it leaves the colour below it.
        if let Some(w) = page.white.as_ref().filter(|w| w.behind) {
            surface.push_blend_mode(krilla::blend::BlendMode::Multiply);
            draw_white_plate(&mut surface, w);
            surface.pop();
        }
        if let Some(cut) = &page.cut {
            // The die line: production information for the cutter, not content.
            surface.start_tagged(ContentTag::Artifact(krilla::tagging::Artifact::new(
                ArtifactType::Other,
                None,
            )));
            draw_cut_line(&mut surface, cut);
            surface.end_tagged();
        }
        surface.finish();
        p.finish();
        tree.push(para);
        for f in figures {
            tree.push(f);
        }
    }
    doc.set_tag_tree(tree);
    doc.finish()
        .map_err(|e| format!("PDF could not be written: {e:?}"))
}
