//! Press colour and white ink (issue 20), read back from the PDFs `build` writes:
//! `--color cmyk` paints with DeviceCMYK (`k`) at each design colour's print values,
//! text under 12 pt and QR modules in black ink alone, and no RGB at all; the default
//! build stays RGB. The window cling on clear film carries a white-ink plate in its
//! own separation, painted before the artwork (first surface) or after it (mirrored,
//! second surface), blended with Multiply so neither plate knocks the other out.
//! `check` reports small text in more than one ink, ink over 300%, colours without
//! print values, and clear stock without a white plate.

use crate::common;

use std::path::Path;

use hayro::hayro_syntax::Pdf;
use hayro::hayro_syntax::content::ops::TypedInstruction as Op;
use hayro::hayro_syntax::object::Name;

use common::{check_json, edit, hk, msg, of, temp_project};

/// A fill colour as the content stream sets it.
#[derive(Debug, Clone, PartialEq)]
enum Paint {
    /// DeviceCMYK, each 0-1.
    Cmyk([f64; 4]),
    /// DeviceRGB.
    Rgb,
    /// A separation, by colorant name.
    Spot(String),
    /// Anything else (initial state, patterns, images).
    Other,
}

/// One thing painted on page 1, in content order.
#[derive(Debug, Clone)]
enum Mark {
    /// Text shown at `size` in `paint`.
    Text { paint: Paint, size: f64 },
    /// A path filled in `paint`, made of `rects` subpaths.
    Fill { paint: Paint, rects: usize },
    /// A graphics state with a blend mode set (its name).
    Blend(String),
}

/// Everything painted on page `page` (0-based), in order.
fn marks(bytes: &[u8], page: usize) -> Vec<Mark> {
    let pdf = Pdf::new(bytes.to_vec()).expect("valid PDF");
    let page = &pdf.pages()[page];
    let spot = |name: &Name<'_>| -> Paint {
        common::pdftext::separation(page, name).map_or(Paint::Other, Paint::Spot)
    };
    let f = |n: &hayro::hayro_syntax::object::Number| n.as_f64();
    let mut out = Vec::new();
    let mut paint = Paint::Other;
    let mut stack = Vec::new();
    let mut size = 0.0;
    let mut rects = 0;
    let mut ops = page.typed_operations();
    while let Some(op) = ops.next() {
        match op {
            Op::SaveState(_) => stack.push(paint.clone()),
            Op::RestoreState(_) => paint = stack.pop().expect("balanced q/Q"),
            Op::NonStrokeColorCmyk(c) => paint = Paint::Cmyk([f(&c.0), f(&c.1), f(&c.2), f(&c.3)]),
            Op::NonStrokeColorDeviceRgb(_) => paint = Paint::Rgb,
            Op::ColorSpaceNonStroke(cs) => paint = spot(cs.0),
            Op::TextFont(t) => size = f(&t.1),
            Op::ShowText(_) | Op::ShowTexts(_) => out.push(Mark::Text {
                paint: paint.clone(),
                size,
            }),
            // krilla writes rectangles as closed m/l paths: count the subpaths.
            Op::RectPath(_) | Op::MoveTo(_) => rects += 1,
            Op::FillPathNonZero(_) | Op::FillPathEvenOdd(_) => {
                out.push(Mark::Fill {
                    paint: paint.clone(),
                    rects,
                });
                rects = 0;
            }
            Op::EndPath(_) | Op::StrokePath(_) => rects = 0,
            Op::SetGraphicsState(g) => {
                let bm = page
                    .resources()
                    .get_ext_g_state(g.0)
                    .and_then(|d| d.get::<Name<'_>>(b"BM"))
                    .map(|n| n.as_str().to_string());
                if let Some(bm) = bm {
                    out.push(Mark::Blend(bm));
                }
            }
            _ => {}
        }
    }
    out
}

/// Percentages from 0-1 components (krilla writes whole 255ths).
fn pct(c: [f64; 4]) -> [u8; 4] {
    c.map(|v| (v * 100.0).round() as u8)
}

fn build(dir: &Path, args: &[&str]) -> std::path::PathBuf {
    let out = dir.join("out");
    let mut all = vec!["build", "--format", "pdf", "--locale", "en", "--out", "out"];
    all.extend_from_slice(args);
    let o = hk(dir, &all);
    assert!(
        o.status.success(),
        "build {args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    out
}

fn pdf(out: &Path, design: &str) -> Vec<u8> {
    std::fs::read(out.join(format!("{design}/en/{design}-en.pdf"))).unwrap()
}

#[test]
fn cmyk_pdfs_carry_the_design_print_values_with_small_text_and_qr_in_black_only() {
    let dir = temp_project();
    let out = build(
        dir.path(),
        &[
            "--color",
            "cmyk",
            "--design",
            "poster",
            "--design",
            "wallet-card",
        ],
    );
    for design in ["poster", "wallet-card"] {
        let bytes = pdf(&out, design);
        let pages = Pdf::new(bytes.clone()).unwrap().pages().len();
        let mut navy = 0;
        let mut small = 0;
        let mut qr = 0;
        for p in 0..pages {
            for m in marks(&bytes, p) {
                match m {
                    Mark::Text { paint, size } => {
                        let Paint::Cmyk(c) = paint else {
                            panic!("{design}: text at {size} pt painted in {paint:?}, not CMYK")
                        };
                        let c = pct(c);
                        if size < 12.0 {
                            small += 1;
                            assert_eq!(
                                c[..3],
                                [0, 0, 0],
                                "{design}: {size} pt text in C{} M{} Y{} K{}",
                                c[0],
                                c[1],
                                c[2],
                                c[3]
                            );
                        }
                        // The number and the headline: the design's navy, as written.
                        if c == [100, 80, 30, 40] {
                            assert!(size >= 12.0, "{design}: navy in 4 inks at {size} pt");
                            navy += 1;
                        }
                    }
                    Mark::Fill { paint, rects } => {
                        assert_ne!(paint, Paint::Rgb, "{design}: an RGB fill in a CMYK file");
                        // The QR modules: one path of many rectangles.
                        if rects > 20 {
                            qr += 1;
                            assert_eq!(paint, Paint::Cmyk([0.0, 0.0, 0.0, 1.0]), "{design}");
                        }
                    }
                    Mark::Blend(_) => {}
                }
            }
        }
        assert!(
            navy > 0,
            "{design}: no text in the design's navy print values"
        );
        assert!(small > 0, "{design}: no text under 12 pt was found to test");
        assert_eq!(qr, pages, "{design}: one QR code per page, K only");
    }
    let manifest = std::fs::read_to_string(out.join("manifest.json")).unwrap();
    assert!(manifest.contains(r#""color": "cmyk""#), "{manifest}");
}

#[test]
fn the_default_stays_rgb_and_the_kit_can_ask_for_cmyk() {
    let dir = temp_project();
    let out = build(dir.path(), &["--design", "poster"]);
    let m = marks(&pdf(&out, "poster"), 0);
    let texts: Vec<&Paint> = m
        .iter()
        .filter_map(|m| match m {
            Mark::Text { paint, .. } => Some(paint),
            _ => None,
        })
        .collect();
    assert!(!texts.is_empty());
    assert!(texts.iter().all(|p| **p == Paint::Rgb), "{texts:?}");
    let manifest = std::fs::read_to_string(out.join("manifest.json")).unwrap();
    assert!(!manifest.contains(r#""color""#), "{manifest}");

    std::fs::write(dir.path().join("kit.toml"), "[print]\ncolor = \"cmyk\"\n").unwrap();
    let o = hk(
        dir.path(),
        &[
            "--kit", "kit.toml", "build", "--design", "poster", "--locale", "en", "--format",
            "pdf", "--format", "png", "--out", "kit-out",
        ],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let m = marks(&pdf(&dir.path().join("kit-out"), "poster"), 0);
    assert!(
        m.iter().all(|m| !matches!(
            m,
            Mark::Text {
                paint: Paint::Rgb,
                ..
            }
        )),
        "the kit's cmyk left RGB text"
    );
    // PNGs stay RGB (screen proofs): colour type 2 or 6 (RGB, RGBA).
    let png = std::fs::read(dir.path().join("kit-out/poster/en/poster-en.png")).unwrap();
    assert!(matches!(png[25], 2 | 6), "PNG colour type {}", png[25]);
}

#[test]
fn clear_film_carries_a_white_plate_under_the_artwork_or_behind_it_when_mirrored() {
    let dir = temp_project();
    std::fs::write(
        dir.path().join("kit.toml"),
        "[print]\nwhite_ink = \"RDG_WHITE\"\n",
    )
    .unwrap();
    let o = hk(
        dir.path(),
        &[
            "--kit",
            "kit.toml",
            "build",
            "--format",
            "pdf",
            "--locale",
            "en",
            "--out",
            "out",
            "--design",
            "window-cling",
            "--design",
            "window-cling-reverse",
            "--design",
            "poster",
        ],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let out = dir.path().join("out");
    let white = Paint::Spot("RDG_WHITE".into());
    let is_white = |m: &Mark| matches!(m, Mark::Fill { paint, .. } if *paint == white);
    let is_art = |m: &Mark| matches!(m, Mark::Text { .. });

    // First surface: the plate is the first thing painted, then Multiply, then the art.
    let front = marks(&pdf(&out, "window-cling"), 0);
    let plate = front.iter().position(is_white).expect("a white plate");
    let first_art = front.iter().position(is_art).unwrap();
    let blend = front
        .iter()
        .position(|m| matches!(m, Mark::Blend(b) if b == "Multiply"))
        .expect("Multiply over the plate");
    assert_eq!(plate, 0, "the plate is painted first: {front:?}");
    assert!(plate < blend && blend < first_art, "{front:?}");
    assert_eq!(front.iter().filter(|m| is_white(m)).count(), 1);

    // Second surface (mirrored): colour first, then white, painted last with Multiply.
    let back = marks(&pdf(&out, "window-cling-reverse"), 0);
    let plate = back.iter().position(is_white).expect("a white plate");
    let last_art = back.iter().rposition(is_art).unwrap();
    assert!(
        plate > last_art,
        "the plate comes after the artwork: {back:?}"
    );
    assert!(
        matches!(&back[plate - 1], Mark::Blend(b) if b == "Multiply"),
        "{back:?}"
    );

    // A piece on white stock has none.
    assert!(!marks(&pdf(&out, "poster"), 0).iter().any(is_white));
    let manifest = std::fs::read_to_string(out.join("manifest.json")).unwrap();
    assert!(
        manifest.contains(r#""white_plate": "RDG_WHITE under""#),
        "{manifest}"
    );
    assert!(
        manifest.contains(r#""white_plate": "RDG_WHITE behind""#),
        "{manifest}"
    );
}

#[test]
fn a_spot_name_that_means_something_else_on_press_is_refused() {
    let dir = temp_project();
    for (name, says) in [
        ("CutContour", "already means something"),
        ("all", "already means something"),
        ("", "1 to 63 characters"),
        ("White/../x", "cannot be in a spot colour name"),
        ("Wh\\u0000ite", "cannot be in a spot colour name"),
        ("Wei\u{df}", "cannot be in a spot colour name"),
    ] {
        // Written into the TOML as it stands: `\u0000` is TOML's escape for NUL.
        let kit = format!("[print]\nwhite_ink = \"{name}\"\n");
        std::fs::write(dir.path().join("kit.toml"), &kit).unwrap();
        let o = hk(dir.path(), &["--kit", "kit.toml", "check"]);
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(!o.status.success(), "{name:?} was taken");
        assert!(
            err.contains(says) && err.contains("kit.toml"),
            "{name:?}: {err}"
        );
    }
}

#[test]
fn check_refuses_clear_stock_without_a_white_plate_and_a_plate_on_white_stock() {
    let dir = temp_project();
    let cling = dir.path().join("designs/window-cling.toml");
    edit(&cling, "white_plate = true\n", "");
    let (code, j) = check_json(dir.path(), &[]);
    assert_ne!(code, 0);
    let e = of(&j, "white-plate");
    assert_eq!(e.len(), 1, "{j:#?}");
    assert!(
        msg(e[0]).contains("clear stock with no white-ink plate"),
        "{e:?}"
    );
    assert!(
        e[0].to_string().contains("window-cling.toml"),
        "names the file: {e:?}"
    );

    let dir = temp_project();
    edit(
        dir.path().join("designs/poster.toml"),
        "[design]\n",
        "[design]\nwhite_plate = true\n",
    );
    let (code, j) = check_json(dir.path(), &[]);
    assert_ne!(code, 0);
    assert!(
        of(&j, "white-plate")
            .iter()
            .any(|d| msg(d).contains("on white stock")),
        "{j:#?}"
    );
}

#[test]
fn check_reports_small_text_in_four_inks_ink_over_300_and_colours_without_print_values() {
    let dir = temp_project();
    let card = dir.path().join("designs/wallet-card.toml");
    let text = std::fs::read_to_string(&card).unwrap();
    // The caption under the QR code is 8 pt: in four-colour navy it blurs.
    let small = text
        .find("[slot.caption]")
        .expect("the wallet card has a caption slot");
    let k_only = r##"color = { rgb = "#13294b", cmyk = [0, 0, 0, 100] }"##;
    let at = small + text[small..].find(k_only).expect("a K-only caption");
    let mut changed = text.clone();
    changed.replace_range(
        at..at + k_only.len(),
        r##"color = { rgb = "#13294b", cmyk = [100, 80, 30, 40] }"##,
    );
    // The number in 400% ink; the headline in a red with no print values.
    changed = changed.replacen(
        "cmyk = [100, 80, 30, 40] }",
        "cmyk = [100, 100, 100, 100] }",
        1,
    );
    std::fs::write(&card, changed).unwrap();
    let (code, j) = check_json(dir.path(), &["--design", "wallet-card"]);
    assert_ne!(code, 0, "{j:#?}");
    let small = of(&j, "ink-small-text");
    assert!(
        small
            .iter()
            .any(|d| msg(d).contains("`caption`") && msg(d).contains("C100 M80 Y30 K40")),
        "{j:#?}"
    );
    assert!(small.iter().all(|d| d["severity"] == "error"), "{small:?}");
    let ink = of(&j, "ink-coverage");
    assert!(ink.iter().any(|d| msg(d).contains("400% ink")), "{j:#?}");

    // A colour with no print values: a warning that says what it would print as.
    let dir = temp_project();
    let poster = dir.path().join("designs/poster.toml");
    let text = std::fs::read_to_string(&poster).unwrap();
    let first = text
        .find(r##"{ rgb = "#13294b", cmyk = [100, 80, 30, 40] }"##)
        .unwrap();
    let mut changed = text.clone();
    changed.replace_range(
        first..first + r##"{ rgb = "#13294b", cmyk = [100, 80, 30, 40] }"##.len(),
        r##""#c00000""##,
    );
    std::fs::write(&poster, changed).unwrap();
    let (_, j) = check_json(dir.path(), &["--design", "poster"]);
    let w = of(&j, "print-values");
    assert_eq!(w.len(), 1, "{j:#?}");
    assert!(
        msg(w[0]).contains("#c00000") && msg(w[0]).contains("C0 M100 Y100 K25"),
        "{w:?}"
    );
    assert_eq!(w[0]["severity"], "warning");
}

#[test]
fn the_shipped_kit_passes_the_press_rules() {
    let dir = temp_project();
    let (_, j) = check_json(dir.path(), &[]);
    for code in [
        "ink-small-text",
        "ink-coverage",
        "ink-qr",
        "print-values",
        "white-plate",
    ] {
        assert!(of(&j, code).is_empty(), "{code}: {:#?}", of(&j, code));
    }
}

#[test]
fn a_rich_black_must_be_full_black_with_at_most_300_percent_ink_and_print_settings_are_for_print() {
    for (setting, says) in [
        ("rich_black = [100, 100, 100, 100]", "400% ink"),
        ("rich_black = [60, 40, 40, 90]", "has K 90"),
        ("rich_black = [60, 40, 140, 100]", "percentage, 0 to 100"),
    ] {
        let dir = temp_project();
        edit(
            dir.path().join("designs/poster.toml"),
            "[design]\n",
            &format!("[design]\n{setting}\n"),
        );
        let (code, j) = check_json(dir.path(), &["--design", "poster"]);
        assert_ne!(code, 0, "{setting}");
        assert!(
            j.iter()
                .any(|d| msg(d).contains(says) && d.to_string().contains("poster.toml")),
            "{setting}: {j:#?}"
        );
    }
    let dir = temp_project();
    edit(
        dir.path().join("designs/tv-slides.toml"),
        "[design]\n",
        "[design]\nsubstrate = \"clear\"\n",
    );
    let (code, j) = check_json(dir.path(), &["--design", "tv-slides"]);
    assert_ne!(code, 0);
    assert!(
        j.iter()
            .any(|d| msg(d).contains("`substrate` is for printed pieces")),
        "{j:#?}"
    );
}

#[test]
fn render_writes_one_piece_in_press_colour_too() {
    let dir = temp_project();
    let o = hk(
        dir.path(),
        &["render", "wallet-card", "--color", "cmyk", "-o", "card.pdf"],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let bytes = std::fs::read(dir.path().join("card.pdf")).unwrap();
    let m = marks(&bytes, 0);
    assert!(m.iter().any(|m| matches!(m, Mark::Text { .. })));
    for mark in &m {
        match mark {
            Mark::Text { paint, .. } | Mark::Fill { paint, .. } => {
                assert_ne!(*paint, Paint::Rgb, "{m:?}")
            }
            Mark::Blend(_) => {}
        }
    }
}
