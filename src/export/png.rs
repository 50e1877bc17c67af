//! PNG: pages rasterised with tiny-skia (illustrations with resvg), 300 dpi for print
//! with the density written in the file, one pixel per px for screens. After drawing,
//! every QR code is decoded from the final pixels. Every file carries its title and
//! status (draft with its reason, approved, or not a piece) in text chunks.

use std::collections::HashMap;

use tiny_skia::{FillRule, Paint, PathBuilder, Pixmap, Transform};

use crate::base::units::Color;
use crate::export::{glyph_path, qr_runs};
use crate::load::fonts::FontId;
use crate::scene::{CUT_MAGENTA, CutLine, Item, Meta, Page, Qr, Scene, Seg};

fn paint(c: Color) -> Paint<'static> {
    let mut p = Paint::default();
    p.set_color_rgba8(c.r, c.g, c.b, 255);
    p.anti_alias = true;
    p
}

/// Rasterise one page at the output resolution.
pub fn render(scene: &Scene, page: &Page) -> Result<Pixmap, String> {
    render_at(scene, page, scene.png_scale())
}

/// Rasterise one page at `s` pixels per point (previews, reference images).
pub fn render_at(scene: &Scene, page: &Page, s: f32) -> Result<Pixmap, String> {
    let (w, h) = crate::base::raster::size(page.width, page.height, s)
        .map_err(|m| format!("the page cannot be drawn: {m}"))?;
    let mut pm = Pixmap::new(w, h).ok_or_else(|| {
        format!("the page cannot be drawn: no pixel buffer of {w} x {h} could be made")
    })?;
    pm.fill(tiny_skia::Color::WHITE);
    let root = if scene.mirrored {
        Transform::from_row(-s, 0.0, 0.0, s, w as f32, 0.0)
    } else {
        Transform::from_scale(s, s)
    };
    let content = root;
    let plain = Transform::from_scale(s, s);
    let mut cache: HashMap<(FontId, u16), Option<tiny_skia::Path>> = HashMap::new();
    let layers = page.items.iter().map(|i| (i, true));
    for (item, is_content) in layers.chain(page.marks.iter().map(|i| (i, false))) {
        // Printer's marks are never mirrored.
        let root = if is_content { content } else { plain };
        match item {
            Item::Rect { rect, color } => {
                if let Some(r) = tiny_skia::Rect::from_xywh(rect.x, rect.y, rect.w, rect.h) {
                    pm.fill_rect(r, &paint(*color), root, None);
                }
            }
            Item::Text(run) => {
                let face = scene.fonts.face(run.font).map_err(|d| d.message)?;
                let k = run.size / face.upem;
                let p = paint(run.color);
                let mut x = run.x;
                for g in &run.glyphs {
                    let path = cache
                        .entry((run.font, g.id))
                        .or_insert_with(|| glyph_path(&face, g.id));
                    if let Some(path) = path {
                        let t = root
                            .pre_translate(x + g.dx * run.size, run.y - g.dy * run.size)
                            .pre_scale(k, -k);
                        pm.fill_path(path, &p, FillRule::Winding, t, None);
                    }
                    x += g.advance * run.size;
                }
            }
            Item::Qr(q) => {
                if let Some(r) = tiny_skia::Rect::from_xywh(q.rect.x, q.rect.y, q.rect.w, q.rect.h)
                {
                    pm.fill_rect(r, &paint(Color::WHITE), root, None);
                }
                let m = q.module();
                let mut pb = PathBuilder::new();
                for (x, y, len) in qr_runs(q) {
                    if let Some(r) = tiny_skia::Rect::from_xywh(
                        q.rect.x + x as f32 * m,
                        q.rect.y + y as f32 * m,
                        len as f32 * m,
                        m,
                    ) {
                        pb.push_rect(r);
                    }
                }
                if let Some(path) = pb.finish() {
                    pm.fill_path(
                        &path,
                        &paint(crate::scene::QR_INK),
                        FillRule::Winding,
                        root,
                        None,
                    );
                }
            }
            Item::Image { rect, image } => {
                let at = root.pre_translate(rect.x, rect.y);
                match &image.picture {
                    crate::load::imagery::Picture::Svg(tree) => {
                        let size = tree.size();
                        let t = at.pre_scale(rect.w / size.width(), rect.h / size.height());
                        resvg::render(tree, t, &mut pm.as_mut());
                    }
                    crate::load::imagery::Picture::Raster(px) => {
                        let t =
                            at.pre_scale(rect.w / px.width() as f32, rect.h / px.height() as f32);
                        let paint = tiny_skia::PixmapPaint {
                            quality: tiny_skia::FilterQuality::Bicubic,
                            ..Default::default()
                        };
                        pm.draw_pixmap(0, 0, px.as_ref(), &paint, t, None);
                    }
                }
            }
        }
    }
    if let Some(cut) = &page.cut {
        draw_cut_line(&mut pm, cut, plain, s);
    }
    Ok(pm)
}

/// The die line in magenta, as reviewers expect to see `CutContour`: never thinner
/// than one pixel, so it shows at every resolution.
fn draw_cut_line(pm: &mut Pixmap, cut: &CutLine, t: Transform, s: f32) {
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
    let stroke = tiny_skia::Stroke {
        width: CutLine::WIDTH.max(1.0 / s),
        ..Default::default()
    };
    pm.stroke_path(&path, &paint(CUT_MAGENTA), &stroke, t, None);
}

/// Decode every QR code of a page from the rendered pixels; each must give `payload`.
/// Mirrored pages are read as seen through the glass (flipped back).
pub fn check_qr(scene: &Scene, page: &Page, pm: &Pixmap) -> Result<(), String> {
    let qrs: Vec<&Qr> = page
        .items
        .iter()
        .filter_map(|i| match i {
            Item::Qr(q) => Some(q),
            _ => None,
        })
        .collect();
    let (w, h) = (pm.width() as usize, pm.height() as usize);
    check_qr_pixels(&qrs, scene.png_scale(), scene.mirrored, w, h, 4, pm.data())
}

/// Decode each QR code from pixels (`channels` bytes a pixel, RGB first, or grey first
/// when there are fewer than 3, `w` x `h`),
/// drawn at `s` pixels per point; each must give its payload. This is the check every
/// PNG gets, and the one a PNG file read back (a video slide, a slide of the HTML loop)
/// gets again.
pub fn check_qr_pixels(
    qrs: &[&Qr],
    s: f32,
    mirrored: bool,
    w: usize,
    h: usize,
    channels: usize,
    data: &[u8],
) -> Result<(), String> {
    if w == 0 || h == 0 || channels == 0 || data.len() < w * h * channels {
        return Err("the image has no pixels to read the QR code from".into());
    }
    for q in qrs {
        // Read the pixel at the centre of every module and show each to the decoder as
        // a block of 4 x 4: it checks that every module came out the right colour, on
        // an even grid whatever the module's size in pixels (sampling every n-th pixel
        // of a 5.7- or 14.5-pixel module gives uneven rows the decoder can misread).
        let per = 4usize;
        let n = (q.modules + 2 * q.quiet) * per;
        let module = q.rect.w * s / (q.modules + 2 * q.quiet) as f32;
        let at = |origin: f32, i: usize| {
            (origin * s + ((i / per) as f32 + 0.5) * module).max(0.0) as usize
        };
        let got = crate::layout::qr::decode_luma(n, n, |x, y| {
            let px = at(q.rect.x, x).min(w - 1);
            let py = at(q.rect.y, y).min(h - 1);
            let px = if mirrored { w - 1 - px } else { px };
            let i = (py * w + px) * channels;
            if channels < 3 {
                // Grey (and grey with alpha): the first byte is the luma.
                return data[i];
            }
            ((data[i] as u32 * 299 + data[i + 1] as u32 * 587 + data[i + 2] as u32 * 114) / 1000)
                as u8
        })?;
        if got != q.payload {
            return Err(format!(
                "the QR code in the PNG decodes to `{got}`, expected `{}`",
                q.payload
            ));
        }
    }
    Ok(())
}

/// Decode a PNG file made by [`encode`] and check its QR codes from the file's own
/// pixels (see [`check_qr_pixels`]).
pub fn check_qr_file(bytes: &[u8], qrs: &[&Qr], s: f32, mirrored: bool) -> Result<(), String> {
    let mut dec = png::Decoder::new(std::io::Cursor::new(bytes));
    dec.set_transformations(png::Transformations::EXPAND | png::Transformations::STRIP_16);
    let mut reader = dec.read_info().map_err(|e| format!("PNG: {e}"))?;
    let mut buf = vec![0; reader.output_buffer_size().ok_or("PNG is too large")?];
    let info = reader
        .next_frame(&mut buf)
        .map_err(|e| format!("PNG: {e}"))?;
    let channels = match info.color_type {
        png::ColorType::Grayscale => 1,
        png::ColorType::GrayscaleAlpha => 2,
        png::ColorType::Rgb => 3,
        png::ColorType::Rgba => 4,
        other => return Err(format!("PNG: unexpected colour type {other:?}")),
    };
    check_qr_pixels(
        qrs,
        s,
        mirrored,
        info.width as usize,
        info.height as usize,
        channels,
        &buf[..info.buffer_size()],
    )
}

/// Text chunks for a file's metadata: Latin-1 text as tEXt, anything else as iTXt
/// (UTF-8); empty fields are left out.
fn add_text<W: std::io::Write>(enc: &mut png::Encoder<'_, W>, meta: &Meta) -> Result<(), String> {
    let fields = [
        ("Title", meta.title.clone()),
        ("Description", meta.subject.clone()),
        ("Keywords", meta.keywords.join(", ")),
        ("Software", "hotline-kit".to_string()),
    ];
    for (k, v) in fields {
        if v.trim().is_empty() {
            continue;
        }
        let r = if v.chars().all(|c| (c as u32) < 256) {
            enc.add_text_chunk(k.into(), v)
        } else {
            enc.add_itxt_chunk(k.into(), v)
        };
        r.map_err(|e| e.to_string())?;
    }
    Ok(())
}

/// Encode a rendered page as PNG: grey, an indexed palette (1 to 8 bits a pixel) or RGB,
/// whichever holds the pixels exactly in the fewest bytes, rows filtered with `Up` and
/// deflated at zlib level 2 (see [`crate::export::png_pixels`]); with its density in
/// dots per inch and its metadata (title, status) in text chunks.
pub fn encode(pm: &Pixmap, dpi: f32, meta: &Meta) -> Result<Vec<u8>, String> {
    encode_as(pm, dpi, meta, Packing::Smallest)
}

/// How [`encode_as`] lays out and compresses the pixels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Packing {
    /// What [`encode`] writes.
    Smallest,
    /// RGB always, adaptive filters, fdeflate (`Compression::Fast`): the encoding before
    /// issue 17, kept so `hotline-kit bench` can show both side by side.
    RgbFast,
}

/// Encode a rendered page as PNG with the given [`Packing`].
pub fn encode_as(pm: &Pixmap, dpi: f32, meta: &Meta, how: Packing) -> Result<Vec<u8>, String> {
    use crate::export::png_pixels::Layout;
    let (w, h) = (pm.width() as usize, pm.height() as usize);
    let layout = match how {
        Packing::Smallest => Layout::choose(w, h, pm.data()),
        Packing::RgbFast => Layout::Rgb,
    };
    let mut out = Vec::new();
    {
        let mut enc = png::Encoder::new(&mut out, pm.width(), pm.height());
        enc.set_color(layout.color_type());
        enc.set_depth(layout.depth());
        if let Some(p) = layout.palette() {
            enc.set_palette(p);
        }
        enc.set_compression(png::Compression::Fast);
        let ppm = (dpi / 0.0254).round() as u32;
        enc.set_pixel_dims(Some(png::PixelDimensions {
            xppu: ppm,
            yppu: ppm,
            unit: png::Unit::Meter,
        }));
        add_text(&mut enc, meta)?;
        let mut w = enc.write_header().map_err(|e| e.to_string())?;
        if how == Packing::RgbFast {
            let mut rgb = Vec::with_capacity(pm.data().len() / 4 * 3);
            for p in pm.data().chunks_exact(4) {
                rgb.extend_from_slice(&p[..3]);
            }
            w.write_image_data(&rgb).map_err(|e| e.to_string())?;
        } else {
            let idat = layout
                .image_data(pm.width() as usize, pm.height() as usize, pm.data())
                .map_err(|e| e.to_string())?;
            w.write_chunk(png::chunk::IDAT, &idat)
                .map_err(|e| e.to_string())?;
        }
        w.finish().map_err(|e| e.to_string())?;
    }
    Ok(out)
}

/// Every page as PNG bytes with its pixel size; each QR code decoded back first.
pub fn export(scene: &Scene) -> Result<Vec<(Vec<u8>, u32, u32)>, String> {
    let dpi = scene.png_scale() * 72.0;
    let meta = scene.meta();
    scene
        .pages
        .iter()
        .map(|page| {
            let pm = render(scene, page)?;
            check_qr(scene, page, &pm)?;
            Ok((encode(&pm, dpi, &meta)?, pm.width(), pm.height()))
        })
        .collect()
}
