//! Label and cut sheets: positions against the templates, pieces placed in their labels,
//! pieces that do not fit, calibration pages.

use crate::common;

use hotline_kit::scene::{Item, Rect};

const IN: f32 = 72.0;

fn pieces(
    design: &str,
    locales: &[&str],
) -> (
    hotline_kit::load::project::Project,
    Vec<hotline_kit::scene::Scene>,
) {
    let p = common::project();
    let sel = hotline_kit::products::kit::Selection {
        designs: vec![design.into()],
        locales: locales.iter().map(|l| l.to_string()).collect(),
        partial: true,
        ..Default::default()
    };
    let (s, _) = hotline_kit::products::kit::prepare(&p, &sel).unwrap();
    (p, s)
}

#[test]
fn label_positions_match_the_templates_to_a_hundredth_of_an_inch() {
    let p = common::project();
    let t = hotline_kit::products::labels::templates(&p).unwrap();
    // Avery 5160: 3 x 10 labels of 2.625 x 1 in, left 0.15625 in, top 0.5 in, pitch 2.78125 x 1 in.
    let pos = hotline_kit::products::labels::positions(&t["avery-5160"], (0.0, 0.0));
    assert_eq!(pos.len(), 30);
    let near = |a: f32, b: f32| (a - b).abs() <= 0.01 * IN;
    for (i, r) in pos.iter().enumerate() {
        let (c, row) = ((i % 3) as f32, (i / 3) as f32);
        assert!(
            near(r.x, (0.15625 + c * 2.78125) * IN),
            "{i}: x {}",
            r.x / IN
        );
        assert!(near(r.y, (0.5 + row) * IN), "{i}: y {}", r.y / IN);
        assert!(near(r.w, 2.625 * IN) && near(r.h, 1.0 * IN));
    }
    // Avery 5164's last label and a printer offset.
    let pos = hotline_kit::products::labels::positions(&t["avery-5164"], (0.05 * IN, -0.02 * IN));
    let last = pos.last().unwrap();
    assert!(near(last.x, (0.15625 + 4.1875 + 0.05) * IN));
    assert!(near(last.y, (0.5 + 2.0 * 3.333 - 0.02) * IN));
    // Every label lies on the paper.
    for (name, tpl) in &t {
        let (w, h) = tpl.paper.size();
        for r in hotline_kit::products::labels::positions(tpl, (0.0, 0.0)) {
            assert!(
                r.x >= 0.0 && r.y >= 0.0 && r.right() <= w + 0.01 && r.bottom() <= h + 0.01,
                "{name}"
            );
        }
    }
    assert!(
        !t["avery-22806"].verified,
        "22806's margins are not in the shared facts"
    );
}

#[test]
fn each_label_holds_one_whole_piece_and_the_locales_take_turns() {
    let (p, s) = pieces("wallet-card", &["en", "es"]);
    let t = hotline_kit::products::labels::templates(&p).unwrap();
    let sheet = hotline_kit::products::labels::impose(
        &p,
        "avery-5163",
        &t["avery-5163"],
        &s,
        (0.0, 0.0),
        1,
    )
    .unwrap();
    // The wallet card is two-sided: the fronts, then the backs.
    assert_eq!(sheet.pages.len(), 2);
    let cells = hotline_kit::products::labels::positions(&t["avery-5163"], (0.0, 0.0));
    let items = &sheet.pages[0].items;
    let qrs: Vec<&Rect> = items
        .iter()
        .filter_map(|i| {
            if let Item::Qr(q) = i {
                Some(&q.rect)
            } else {
                None
            }
        })
        .collect();
    assert_eq!(qrs.len(), 10, "one QR code per label");
    for (q, c) in qrs.iter().zip(&cells) {
        assert!(q.x >= c.x && q.y >= c.y && q.right() <= c.right() && q.bottom() <= c.bottom());
    }
    // Nothing spills out of its label (backgrounds are cut to the trim).
    for it in items.iter().skip(1) {
        let r = match it {
            Item::Rect { rect, .. } | Item::Image { rect, .. } => *rect,
            Item::Qr(q) => q.rect,
            Item::Text(t) => Rect::new(t.x, t.y - t.size, t.width(), t.size),
        };
        assert!(
            cells.iter().any(|c| r.x >= c.x - 0.5
                && r.right() <= c.right() + 0.5
                && r.y >= c.y - 0.5
                && r.bottom() <= c.bottom() + 0.5),
            "{it:?} is outside every label"
        );
    }
    // Labels alternate English and Spanish.
    let text_in = |c: &Rect| -> String {
        items
            .iter()
            .filter_map(|i| match i {
                Item::Text(t)
                    if t.x >= c.x && t.x <= c.right() && t.y >= c.y && t.y <= c.bottom() =>
                {
                    Some(t.text.clone())
                }
                _ => None,
            })
            .collect::<Vec<_>>()
            .join(" ")
    };
    let en = s[0].pages[0].items.iter().find_map(|i| match i {
        Item::Text(t) if t.text.chars().any(char::is_alphabetic) && !t.text.contains("DRAFT") => {
            Some(t.text.clone())
        }
        _ => None,
    });
    let es = s[1].pages[0].items.iter().find_map(|i| match i {
        Item::Text(t) if t.text.chars().any(char::is_alphabetic) && !t.text.contains("DRAFT") => {
            Some(t.text.clone())
        }
        _ => None,
    });
    let (en, es) = (en.unwrap(), es.unwrap());
    assert_ne!(en, es);
    assert!(text_in(&cells[0]).contains(&en) && text_in(&cells[1]).contains(&es));
    assert!(text_in(&cells[2]).contains(&en) && text_in(&cells[3]).contains(&es));
    // The sheet exports, still a draft, and the QR codes read back from a rendering.
    assert!(sheet.meta().draft && sheet.meta().title.contains("DRAFT"));
    let pdf = hotline_kit::export::pdf::export(&sheet).unwrap();
    assert!(pdf.starts_with(b"%PDF"));
    let (w, h, rgba) = common::render_rgba(&sheet, 0, 200.0 / 72.0);
    let crop = |r: &Rect| {
        let s = 200.0 / 72.0;
        let (x0, y0) = ((r.x * s) as u32, (r.y * s) as u32);
        let (cw, ch) = ((r.w * s) as u32, (r.h * s) as u32);
        let mut out = Vec::with_capacity((cw * ch * 4) as usize);
        for y in y0..y0 + ch {
            let i = ((y * w + x0) * 4) as usize;
            out.extend_from_slice(&rgba[i..i + (cw * 4) as usize]);
        }
        (cw, ch, out)
    };
    let _ = h;
    for c in &cells[..2] {
        let (cw, ch, px) = crop(c);
        assert_eq!(
            common::decode_qr_rgba(cw, ch, &px).as_deref(),
            Some("tel:+18883737888")
        );
    }
}

#[test]
fn a_piece_larger_than_the_label_is_an_error_naming_both_sizes() {
    let t = common::temp_project();
    let run = |args: &[&str]| common::hk(t.path(), args);
    let o = run(&[
        "sheet",
        "stall-sticker",
        "--template",
        "avery-5160",
        "--locale",
        "en",
        "-o",
        "s.pdf",
    ]);
    let e = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{e}");
    assert!(
        e.contains("stall-sticker is 3 x 3 in, larger than the avery-5160 label (2.625 x 1 in)"),
        "{e}"
    );
    assert!(!t.path().join("s.pdf").exists());
    let o = run(&[
        "sheet",
        "window-cling-reverse",
        "--template",
        "letter-2up",
        "--locale",
        "en",
        "-o",
        "s.pdf",
    ]);
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("mirrored"),
        "mirrored clings are for print shops"
    );
    let o = run(&["sheet", "poster", "--template", "no-such", "-o", "s.pdf"]);
    assert!(
        String::from_utf8_lossy(&o.stderr)
            .contains("templates: a4-2up, a4-4up, avery-22806, avery-5160")
    );
    // A fitting piece, and a calibration page with the unverified warning.
    let o = run(&[
        "sheet",
        "stall-sticker",
        "--template",
        "avery-5164",
        "--locale",
        "en",
        "-o",
        "s.pdf",
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(
        std::fs::read(t.path().join("s.pdf"))
            .unwrap()
            .starts_with(b"%PDF")
    );
    let o = run(&[
        "sheet",
        "wallet-card",
        "--template",
        "avery-22806",
        "--calibrate",
        "-o",
        "c.pdf",
    ]);
    let e = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{e}");
    assert!(e.contains("avery-22806 geometry is unverified"), "{e}");
    let text = common::pdftext::extract(&std::fs::read(t.path().join("c.pdf")).unwrap());
    assert!(text.contains("UNVERIFIED template geometry"), "{text}");
}

#[test]
fn a4_cut_sheets_are_a4_and_hold_four_wallet_cards_that_scan() {
    let t = common::temp_project();
    let o = common::hk(
        t.path(),
        &[
            "sheet",
            "wallet-card",
            "--template",
            "a4-4up",
            "--locale",
            "en",
            "--locale",
            "es",
            "-o",
            "a4.pdf",
        ],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let bytes = std::fs::read(t.path().join("a4.pdf")).unwrap();
    // A4 is 210 x 297 mm = 595.28 x 841.89 pt.
    let raw = String::from_utf8_lossy(&bytes);
    let mb = pdf_box(&raw, "MediaBox");
    assert!(
        mb.iter()
            .zip([0.0, 0.0, 595.28, 841.89])
            .all(|(a, b)| (a - b).abs() <= 0.01),
        "{mb:?}"
    );

    // Four cells of 95 x 138.5 mm inside 10 mm margins, one card centred in each.
    let p = common::project();
    let tpl = hotline_kit::products::labels::templates(&p).unwrap();
    let a4 = &tpl["a4-4up"];
    let cells = hotline_kit::products::labels::positions(a4, (0.0, 0.0));
    assert_eq!(cells.len(), 4);
    let mm = 72.0 / 25.4;
    let near = |a: f32, b: f32| (a - b).abs() <= 0.01;
    assert!(near(cells[0].x, 10.0 * mm) && near(cells[0].y, 10.0 * mm));
    assert!(near(cells[3].right(), 200.0 * mm) && near(cells[3].bottom(), 287.0 * mm));
    let two = &tpl["a4-2up"];
    assert_eq!(two.paper.size(), (595.28, 841.89));
    let c2 = hotline_kit::products::labels::positions(two, (0.0, 0.0));
    assert_eq!(c2.len(), 2);
    assert!(near(c2[0].w, 190.0 * mm) && near(c2[1].bottom(), 287.0 * mm));

    // Every card's QR code decodes from a 200-dpi rendering of the sheet.
    let (_, s) = pieces("wallet-card", &["en", "es"]);
    let sheet = hotline_kit::products::labels::impose(&p, "a4-4up", a4, &s, (0.0, 0.0), 1).unwrap();
    assert_eq!(
        (sheet.pages[0].width, sheet.pages[0].height),
        (595.28, 841.89)
    );
    let qrs: Vec<Rect> = sheet.pages[0]
        .items
        .iter()
        .filter_map(|i| match i {
            Item::Qr(q) => Some(q.rect),
            _ => None,
        })
        .collect();
    assert_eq!(qrs.len(), 4, "one card a cell");
    for (q, c) in qrs.iter().zip(&cells) {
        assert!(c.contains(q), "{q:?} in {c:?}");
    }
    let scale = 200.0 / 72.0;
    let (w, _, rgba) = common::render_rgba(&sheet, 0, scale);
    // Each card as cut out: its trim box, centred in the cell.
    let trim = s[0].pages[0].trim;
    for (i, c) in cells.iter().enumerate() {
        let c = Rect::new(
            c.x + (c.w - trim.w) / 2.0,
            c.y + (c.h - trim.h) / 2.0,
            trim.w,
            trim.h,
        );
        let (x0, y0) = ((c.x * scale) as u32, (c.y * scale) as u32);
        let (cw, ch) = ((c.w * scale) as u32, (c.h * scale) as u32);
        let mut px = Vec::with_capacity((cw * ch * 4) as usize);
        for y in y0..y0 + ch {
            let j = ((y * w + x0) * 4) as usize;
            px.extend_from_slice(&rgba[j..j + (cw * 4) as usize]);
        }
        assert_eq!(
            common::decode_qr_rgba(cw, ch, &px).as_deref(),
            Some("tel:+18883737888"),
            "cell {i}"
        );
    }

    // A design too large for the cell: an error naming both sizes, in millimetres.
    let o = common::hk(
        t.path(),
        &[
            "sheet",
            "poster",
            "--template",
            "a4-2up",
            "--locale",
            "en",
            "-o",
            "p.pdf",
        ],
    );
    let e = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{e}");
    assert!(
        e.contains("poster is 215.9 x 279.4 mm, larger than the a4-2up cell (190 x 138.5 mm)"),
        "{e}"
    );
    assert!(!t.path().join("p.pdf").exists());
}

/// `/NAME [a b c d]` from an uncompressed page dictionary.
fn pdf_box(raw: &str, name: &str) -> [f32; 4] {
    let at = raw
        .find(&format!("/{name}"))
        .unwrap_or_else(|| panic!("no {name}"));
    let i = raw[at..].find('[').unwrap() + at + 1;
    let end = raw[i..].find(']').unwrap() + i;
    let v: Vec<f32> = raw[i..end]
        .split_whitespace()
        .map(|x| x.parse().unwrap())
        .collect();
    [v[0], v[1], v[2], v[3]]
}

#[test]
fn print_shop_marks_sit_outside_the_bleed_with_the_boxes_in_place() {
    let t = common::temp_project();
    let o = common::hk(
        t.path(),
        &[
            "build",
            "--marks",
            "--design",
            "stall-sticker",
            "--locale",
            "en",
            "--format",
            "pdf",
            "--out",
            "o",
        ],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let bytes = std::fs::read(t.path().join("o/stall-sticker/en/stall-sticker-en.pdf")).unwrap();
    let raw = String::from_utf8_lossy(&bytes);
    // 3 in trim, 0.125 in bleed, 0.5 in slug: media 4.25 in, bleed box 0.5 in in, trim 0.625 in in.
    let near = |a: [f32; 4], b: [f32; 4]| a.iter().zip(b).all(|(x, y)| (x - y).abs() < 0.01);
    assert!(
        near(pdf_box(&raw, "MediaBox"), [0.0, 0.0, 306.0, 306.0]),
        "{:?}",
        pdf_box(&raw, "MediaBox")
    );
    assert!(
        near(pdf_box(&raw, "BleedBox"), [36.0, 36.0, 270.0, 270.0]),
        "{:?}",
        pdf_box(&raw, "BleedBox")
    );
    assert!(
        near(pdf_box(&raw, "TrimBox"), [45.0, 45.0, 261.0, 261.0]),
        "{:?}",
        pdf_box(&raw, "TrimBox")
    );
    // The slug line names the piece and its content hash.
    let text = common::pdftext::extract(&bytes);
    assert!(
        text.contains("stall-sticker \u{00b7} en \u{00b7} 3in x 3in \u{00b7} sha256:"),
        "{text}"
    );
    // The crop marks are outside the bleed box, on the trim lines.
    let m: serde_json::Value =
        serde_json::from_slice(&std::fs::read(t.path().join("o/manifest.json")).unwrap()).unwrap();
    assert_eq!(m[0]["width_pt"], 306.0);
    let p = common::project();
    let s = hotline_kit::products::kit::compile(&p, "stall-sticker", "en").unwrap();
    let marked = hotline_kit::products::marks::add(&p, &s, "3in x 3in").unwrap();
    let page = &marked.pages[0];
    let marks: Vec<&Rect> = page
        .marks
        .iter()
        .filter_map(|i| match i {
            Item::Rect { rect, .. } if rect.w < 0.5 || rect.h < 0.5 => Some(rect),
            _ => None,
        })
        .collect();
    assert_eq!(marks.len(), 8, "two marks at each corner");
    for r in marks {
        let inside_bleed = r.x < page.bleed.right()
            && r.right() > page.bleed.x
            && r.y < page.bleed.bottom()
            && r.bottom() > page.bleed.y;
        assert!(!inside_bleed, "{r:?} reaches into the bleed");
        let on_trim_line = [page.trim.x, page.trim.right()]
            .iter()
            .any(|x| (r.x + r.w / 2.0 - x).abs() < 0.01)
            || [page.trim.y, page.trim.bottom()]
                .iter()
                .any(|y| (r.y + r.h / 2.0 - y).abs() < 0.01);
        assert!(on_trim_line, "{r:?}");
    }
}

#[test]
fn text_in_the_safe_margin_is_an_error() {
    let p = common::project();
    let opts = hotline_kit::products::kit::Selection::default().options_for(&p);
    let d = p.design("stall-sticker").unwrap();
    let mut s = hotline_kit::layout::compile(&p, d, "en", &opts).unwrap();
    assert!(hotline_kit::checks::verify::scene(&p, d, &s, &opts).is_ok());
    // Move one text block 2 pt into the margin.
    let safe = s.pages[0].safe;
    let b = &mut s.pages[0].blocks[0];
    b.rect = Rect::new(safe.x - 2.0, b.rect.y, b.rect.w, b.rect.h);
    let slot = b.slot.clone();
    let e = hotline_kit::checks::verify::scene(&p, d, &s, &opts).unwrap_err();
    assert!(
        e.0.iter().any(|d| d.message
            == format!(
                "text of slot `{slot}` on page 1 of `stall-sticker` (en) reaches into the safe margin"
            )),
        "{e:?}"
    );
}

#[test]
fn marks_on_a_mirrored_cling_read_the_right_way_round() {
    let p = common::project();
    let s = hotline_kit::products::kit::compile(&p, "window-cling-reverse", "en").unwrap();
    assert!(s.mirrored);
    let m = hotline_kit::products::marks::add(&p, &s, "5in x 7in").unwrap();
    let page = &m.pages[0];
    // The slug line is a mark, so no exporter mirrors it.
    assert!(
        page.marks
            .iter()
            .any(|i| matches!(i, Item::Text(t) if t.text.starts_with("window-cling-reverse")))
    );
    assert!(!page.items.iter().any(
        |i| matches!(i, Item::Text(t) if t.text.starts_with("window-cling-reverse \u{00b7}"))
    ));
    // In the PNG the slug band looks the same as on an unmirrored page: drawn the
    // right way round.
    let band = |scene: &hotline_kit::scene::Scene| {
        let (w, h, rgba) = common::render_rgba(scene, 0, 1.0);
        rgba[((h - 30) * w * 4) as usize..].to_vec()
    };
    let mut plain = m.clone();
    plain.mirrored = false;
    let b = band(&m);
    assert!(
        b.chunks(4).filter(|p| p[0] < 100).count() > 50,
        "slug pixels"
    );
    assert_eq!(b, band(&plain));
}
