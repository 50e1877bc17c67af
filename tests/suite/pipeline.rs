//! The default kit end to end, in memory: every piece's QR decodes from its PNG and from
//! its PDF rendered back, the number is in the PDF text, sizes are right, output is
//! deterministic.

use crate::common;

use hotline_kit::products::kit::{self, Format, Selection};

fn default_kit() -> Vec<kit::OutFile> {
    let p = common::project();
    let sel = Selection {
        formats: vec![Format::Pdf, Format::Png, Format::Svg],
        ..Default::default()
    };
    let (files, warnings) =
        kit::make(&p, &sel, &|_| {}).unwrap_or_else(|d| panic!("default kit fails: {d:?}"));
    assert!(
        warnings.is_empty(),
        "the default kit has warnings: {warnings:?}"
    );
    files
}

#[test]
fn default_kit_covers_every_design_in_english_and_spanish() {
    let files = default_kit();
    let p = common::project();
    for d in p.designs.values() {
        let built = files.iter().any(|o| o.entry.design == d.name);
        assert_eq!(
            built, !d.on_request,
            "{}: on-request designs are not in the default kit",
            d.name
        );
        if d.on_request {
            continue;
        }
        for l in ["en", "es"] {
            for f in [Format::Pdf, Format::Png, Format::Svg] {
                assert!(
                    files.iter().any(|o| o.entry.design == d.name
                        && o.entry.locale == l
                        && o.entry.format == f.ext()),
                    "missing {} {l} {f:?}",
                    d.name
                );
            }
        }
    }
    for must in [
        "stall-sticker",
        "window-cling",
        "window-cling-reverse",
        "poster",
        "wallet-card",
        "tv-slides",
    ] {
        assert!(
            p.designs.contains_key(must),
            "default design {must} missing"
        );
    }
}

#[test]
fn every_png_scans_to_the_hotline_and_has_the_right_size() {
    let p = common::project();
    let expected = p.hotline.qr_payload(hotline_kit::load::spec::QrKind::Tel);
    assert_eq!(expected, "tel:+18883737888");
    for f in default_kit()
        .iter()
        .filter(|f| f.entry.format == Format::Png.ext())
    {
        let (w, h, mut rgba) = common::decode_png(&f.bytes);
        assert_eq!(
            (Some(w), Some(h)),
            (f.entry.width_px, f.entry.height_px),
            "{}",
            f.entry.path
        );
        if f.entry.mirrored {
            // Read it as a person does, through the glass.
            for row in rgba.chunks_mut(w as usize * 4) {
                let mut px: Vec<[u8; 4]> =
                    row.chunks(4).map(|c| [c[0], c[1], c[2], c[3]]).collect();
                px.reverse();
                row.copy_from_slice(&px.concat());
            }
        }
        let decoded = common::decode_qr_rgba(w, h, &rgba);
        // Slides show their QR code on the help slide only (`qr_pages = 1`).
        if f.entry.design == "tv-slides" && !f.entry.path.ends_with("-4.png") {
            assert_eq!(decoded, None, "{}", f.entry.path);
            continue;
        }
        let got = decoded.unwrap_or_else(|| panic!("no QR decoded from {}", f.entry.path));
        assert_eq!(got, expected, "{}", f.entry.path);
        assert_eq!(f.entry.qr, expected);
        let d = p.design(&f.entry.design).unwrap();
        match d.medium {
            hotline_kit::load::spec::Medium::Screen => {
                assert_eq!((w, h), (1920, 1080), "{}", f.entry.path)
            }
            hotline_kit::load::spec::Medium::Print => {
                let px = d.px_pt();
                let want_w = ((d.width.to_pt(px, 0.0) + 2.0 * d.bleed.to_pt(px, 0.0)) / 72.0
                    * 300.0)
                    .round() as u32;
                assert_eq!(w, want_w, "{} at 300 dpi", f.entry.path);
                // The density is written in the file: 300 dpi = 11811 pixels per metre.
                let dec = png::Decoder::new(std::io::Cursor::new(&f.bytes))
                    .read_info()
                    .unwrap();
                let dims = dec.info().pixel_dims.expect("pHYs chunk");
                assert_eq!(
                    (dims.xppu, dims.unit),
                    (11811, png::Unit::Meter),
                    "{}",
                    f.entry.path
                );
            }
        }
    }
}

#[test]
fn pdfs_have_text_boxes_and_a_qr_that_scans_when_rendered_back() {
    use hayro::hayro_syntax::Pdf;
    let files = default_kit();
    let pdfs: Vec<_> = files
        .iter()
        .filter(|f| f.entry.format == Format::Pdf.ext())
        .collect();
    assert_eq!(pdfs.len(), 20);
    for f in pdfs {
        let text = pdf_extract::extract_text_from_mem(&f.bytes)
            .unwrap_or_else(|e| panic!("{}: {e}", f.entry.path));
        assert!(
            text.contains("1-888-373-7888"),
            "{}: number not in extracted text: {text}",
            f.entry.path
        );
        // The badge card gives the hotline as the line that advises staff: the call
        // number and its code; there is no room for the text line (issue 19's note).
        if f.entry.design != "staff-badge-card" {
            assert!(text.contains("233733"), "{}", f.entry.path);
        }
        assert!(
            text.contains("DRAFT"),
            "{}: draft mark missing",
            f.entry.path
        );

        let pdf = Pdf::new(f.bytes.clone()).unwrap();
        let pages = pdf.pages();
        assert_eq!(pages.len(), f.entry.pages);
        let page = &pages[0];
        let (w, h) = page.render_dimensions();
        assert!(
            (w - f.entry.width_pt.unwrap()).abs() < 0.01
                && (h - f.entry.height_pt.unwrap()).abs() < 0.01,
            "{}",
            f.entry.path
        );
        let raw = String::from_utf8_lossy(&f.bytes);
        assert!(raw.contains("/TrimBox"), "{}: no TrimBox", f.entry.path);
        assert!(raw.contains("/BleedBox"), "{}: no BleedBox", f.entry.path);
        if f.entry.mirrored {
            continue; // the PNG test reads mirrored pieces through the glass
        }
        let scale = if f.entry.design == "tv-slides" {
            1.0
        } else {
            150.0 / 72.0
        };
        let settings = hayro::RenderSettings::default();
        // The slides' QR code is on the help slide, the last one.
        let page = if f.entry.design == "tv-slides" {
            pages.last().unwrap()
        } else {
            page
        };
        let pix = hayro::render(
            page,
            &hayro::RenderCache::new(),
            &hayro::hayro_interpret::InterpreterSettings::default(),
            &settings,
            &hayro::PixmapSettings {
                x_scale: scale,
                y_scale: scale,
                bg_color: hayro::vello_cpu::color::palette::css::WHITE,
            },
        );
        let rgba: Vec<u8> = pix.data_as_u8_slice().to_vec();
        let got = common::decode_qr_rgba(pix.width() as u32, pix.height() as u32, &rgba);
        assert_eq!(
            got.as_deref(),
            Some("tel:+18883737888"),
            "{} rendered back",
            f.entry.path
        );
    }
}

#[test]
fn trim_and_bleed_boxes_are_where_the_design_says() {
    let p = common::project();
    let s = kit::compile(&p, "stall-sticker", "en").unwrap();
    let page = &s.pages[0];
    // 3 in + 2 x 0.125 in bleed = 234 pt; trim starts 9 pt in.
    assert_eq!((page.width, page.height), (234.0, 234.0));
    assert_eq!(
        (page.trim.x, page.trim.y, page.trim.w, page.trim.h),
        (9.0, 9.0, 216.0, 216.0)
    );
    let s = kit::compile(&p, "poster", "es").unwrap();
    assert_eq!((s.pages[0].width, s.pages[0].height), (612.0, 792.0));
}

#[test]
fn builds_are_byte_identical() {
    let a = default_kit();
    let b = default_kit();
    assert_eq!(a.len(), b.len());
    for (x, y) in a.iter().zip(&b) {
        assert_eq!(x.entry.path, y.entry.path);
        assert_eq!(
            x.entry.sha256, y.entry.sha256,
            "{} differs between runs",
            x.entry.path
        );
    }
}

#[test]
fn every_slide_shows_the_number_one_shows_the_qr_and_text_stays_in_title_safe_area() {
    let p = common::project();
    for l in ["en", "es"] {
        let s = kit::compile(&p, "tv-slides", l).unwrap();
        assert!((3..=5).contains(&s.pages.len()));
        for page in &s.pages {
            // Title-safe: the central 90% of 1920x1080.
            let safe = hotline_kit::scene::Rect::new(96.0, 54.0, 1728.0, 972.0);
            assert_eq!(page.safe, safe);
            assert!(
                page.blocks
                    .iter()
                    .any(|b| b.paragraphs.iter().any(|t| t.contains("1-888-373-7888")))
            );
            for b in &page.blocks {
                assert!(safe.contains(&b.rect), "{} outside title-safe", b.slot);
                assert!(
                    b.size >= 48.0,
                    "{}: body text {} px is below 48 px",
                    b.slot,
                    b.size
                );
            }
            assert!(
                page.items
                    .iter()
                    .filter(|i| matches!(i, hotline_kit::scene::Item::Qr(_)))
                    .count()
                    <= 1
            );
        }
        // The QR code on one slide only (`qr_pages = 1`): the number leads.
        let with_qr = s
            .pages
            .iter()
            .filter(|pg| {
                pg.items
                    .iter()
                    .any(|i| matches!(i, hotline_kit::scene::Item::Qr(_)))
            })
            .count();
        assert_eq!(with_qr, 1);
    }
}

#[test]
fn qr_modules_are_large_enough_and_have_a_quiet_zone() {
    let p = common::project();
    for d in p.designs.values() {
        let s = kit::compile(&p, &d.name, "en").unwrap();
        for page in &s.pages {
            for it in &page.items {
                if let hotline_kit::scene::Item::Qr(q) = it {
                    assert_eq!(q.quiet, 4);
                    if d.medium == hotline_kit::load::spec::Medium::Print {
                        assert!(
                            q.module() >= 0.4 * 72.0 / 25.4,
                            "{}: module {}pt",
                            d.name,
                            q.module()
                        );
                    }
                }
            }
        }
    }
}

#[test]
fn restroom_variants_all_ask_about_work_and_sex() {
    let p = common::project();
    let question = |d: &str| {
        let s = kit::compile(&p, d, "en").unwrap();
        s.pages[0]
            .blocks
            .iter()
            .find(|b| b.slot == "question")
            .unwrap()
            .paragraphs[0]
            .clone()
    };
    // Every restroom version asks a question that names both work and sex: none tells its
    // audience that only one kind of exploitation happens to people like them.
    let work_or_sex = p.catalog("en").unwrap().get("rf-work-or-sex").unwrap();
    for v in [
        "stall-sticker-men",
        "stall-sticker-women",
        "stall-sticker-all-gender",
    ] {
        assert_eq!(question(v), work_or_sex, "{v}");
        let s = kit::compile(&p, v, "en").unwrap();
        let named: std::collections::BTreeSet<_> = s
            .messages
            .iter()
            .filter_map(|id| p.flags.iter().find(|f| &f.id == id))
            .flat_map(|f| f.names.iter().copied())
            .collect();
        assert!(
            named.contains(&hotline_kit::load::content::Tag::Labor)
                && named.contains(&hotline_kit::load::content::Tag::Sex),
            "{v}: {named:?}"
        );
    }
    // Everything else is the sticker's: size, number, QR.
    let men = kit::compile(&p, "stall-sticker-men", "en").unwrap();
    let base = kit::compile(&p, "stall-sticker", "en").unwrap();
    assert_eq!(
        (men.pages[0].width, men.qr.as_str()),
        (base.pages[0].width, base.qr.as_str())
    );
}
