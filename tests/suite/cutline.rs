//! `--cut-line`: the die-cut contour of stickers and clings. The PDF is read back with
//! hayro-syntax: the stroked path, its colour space (a `/Separation /CutContour`), its
//! width and its corners are checked against the TrimBox; PNG and SVG show it in
//! magenta; designs that are not die-cut are left exactly as they were.

use crate::common;

use std::path::Path;

use hayro::hayro_syntax::Pdf;
use hayro::hayro_syntax::content::ops::TypedInstruction as Op;
use hayro::hayro_syntax::object::Name;

/// A path stroked in the `CutContour` separation, in PDF user space (y up).
#[derive(Debug)]
struct CutPath {
    /// Path operators in order: m, l, c, h.
    ops: String,
    /// Every point (end and control points) in order.
    points: Vec<(f64, f64)>,
    /// Line width in user space.
    width: f64,
}

/// The page's TrimBox as [x0, y0, x1, y1].
fn trim_box(pdf: &Pdf) -> [f64; 4] {
    let page = &pdf.pages()[0];
    let r = page
        .raw()
        .get::<hayro::hayro_syntax::object::Rect>(b"TrimBox")
        .expect("TrimBox");
    [r.x0, r.y0, r.x1, r.y1]
}

/// Apply `m`, then `n` (PDF matrices a b c d e f).
fn concat(m: [f64; 6], n: [f64; 6]) -> [f64; 6] {
    [
        m[0] * n[0] + m[1] * n[2],
        m[0] * n[1] + m[1] * n[3],
        m[2] * n[0] + m[3] * n[2],
        m[2] * n[1] + m[3] * n[3],
        m[4] * n[0] + m[5] * n[2] + n[4],
        m[4] * n[1] + m[5] * n[3] + n[5],
    ]
}

fn apply(m: [f64; 6], x: f64, y: f64) -> (f64, f64) {
    (m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5])
}

/// Every path of page 1 stroked in a `/Separation /CutContour` colour space, and
/// whether anything was filled in that colour.
fn cut_paths(bytes: &[u8]) -> (Vec<CutPath>, bool) {
    let pdf = Pdf::new(bytes.to_vec()).expect("valid PDF");
    let page = &pdf.pages()[0];
    let is_cut = |name: &Name<'_>| -> bool {
        common::pdftext::separation(page, name).as_deref() == Some("CutContour")
    };
    #[derive(Clone, Copy)]
    struct State {
        ctm: [f64; 6],
        width: f64,
        stroke_cut: bool,
        fill_cut: bool,
    }
    let mut st = State {
        ctm: [1.0, 0.0, 0.0, 1.0, 0.0, 0.0],
        width: 1.0,
        stroke_cut: false,
        fill_cut: false,
    };
    let mut stack = Vec::new();
    let mut path = CutPath {
        ops: String::new(),
        points: Vec::new(),
        width: 0.0,
    };
    let mut out = Vec::new();
    let mut filled = false;
    let f = |n: &hayro::hayro_syntax::object::Number| n.as_f64();
    let mut ops = page.typed_operations();
    while let Some(op) = ops.next() {
        match op {
            Op::SaveState(_) => stack.push(st),
            Op::RestoreState(_) => st = stack.pop().expect("balanced q/Q"),
            Op::Transform(t) => {
                let m = [f(&t.0), f(&t.1), f(&t.2), f(&t.3), f(&t.4), f(&t.5)];
                st.ctm = concat(m, st.ctm);
            }
            Op::LineWidth(w) => st.width = f(&w.0),
            Op::ColorSpaceStroke(cs) => st.stroke_cut = is_cut(cs.0),
            Op::ColorSpaceNonStroke(cs) => st.fill_cut = is_cut(cs.0),
            Op::MoveTo(p) => {
                path.ops.push('m');
                path.points.push(apply(st.ctm, f(&p.0), f(&p.1)));
            }
            Op::LineTo(p) => {
                path.ops.push('l');
                path.points.push(apply(st.ctm, f(&p.0), f(&p.1)));
            }
            Op::CubicTo(c) => {
                path.ops.push('c');
                for (x, y) in [(&c.0, &c.1), (&c.2, &c.3), (&c.4, &c.5)] {
                    path.points.push(apply(st.ctm, f(x), f(y)));
                }
            }
            Op::ClosePath(_) => path.ops.push('h'),
            Op::RectPath(_) => path.ops.push('r'),
            Op::StrokePath(_) | Op::CloseAndStrokePath(_) => {
                let p = std::mem::replace(
                    &mut path,
                    CutPath {
                        ops: String::new(),
                        points: Vec::new(),
                        width: 0.0,
                    },
                );
                if st.stroke_cut {
                    // Line width in user space (the page transforms here only flip and move).
                    let scale = (st.ctm[0] * st.ctm[3] - st.ctm[1] * st.ctm[2]).abs().sqrt();
                    out.push(CutPath {
                        width: st.width * scale,
                        ..p
                    });
                }
            }
            Op::FillPathNonZero(_)
            | Op::FillPathNonZeroCompatibility(_)
            | Op::FillPathEvenOdd(_)
            | Op::FillAndStrokeNonZero(_)
            | Op::FillAndStrokeEvenOdd(_)
            | Op::CloseFillAndStrokeNonZero(_)
            | Op::CloseFillAndStrokeEvenOdd(_)
            | Op::EndPath(_) => {
                filled |= st.fill_cut && !matches!(op, Op::EndPath(_));
                filled |= st.stroke_cut
                    && !matches!(
                        op,
                        Op::EndPath(_)
                            | Op::FillPathNonZero(_)
                            | Op::FillPathNonZeroCompatibility(_)
                            | Op::FillPathEvenOdd(_)
                    );
                path.ops.clear();
                path.points.clear();
            }
            _ => {}
        }
    }
    (out, filled)
}

fn bbox(points: &[(f64, f64)]) -> [f64; 4] {
    let mut b = [f64::MAX, f64::MAX, f64::MIN, f64::MIN];
    for &(x, y) in points {
        b = [b[0].min(x), b[1].min(y), b[2].max(x), b[3].max(y)];
    }
    b
}

fn near4(a: [f64; 4], b: [f64; 4]) -> bool {
    a.iter().zip(b).all(|(x, y)| (x - y).abs() <= 0.01)
}

/// The one cut path of a PDF, checked: on the TrimBox (bounding box within 0.01 pt),
/// 0.25 pt, stroked only, closed, its corners quarter circles of `radius` points.
fn check_cut_pdf(bytes: &[u8], radius: f64, what: &str) {
    let raw = String::from_utf8_lossy(bytes);
    assert!(
        raw.contains("[/Separation/CutContour/DeviceCMYK<<")
            && raw.contains("/C0[0 0 0 0]/C1[0 1 0 0]"),
        "{what}: a Separation colour space CutContour with a magenta CMYK fallback"
    );
    let pdf = Pdf::new(bytes.to_vec()).unwrap();
    let trim = trim_box(&pdf);
    let (paths, filled) = cut_paths(bytes);
    assert!(!filled, "{what}: nothing is filled in CutContour");
    assert_eq!(paths.len(), 1, "{what}: one cut path, {paths:?}");
    let p = &paths[0];
    assert!(
        (p.width - 0.25).abs() < 1e-4,
        "{what}: width {} pt",
        p.width
    );
    assert!(
        near4(bbox(&p.points), trim),
        "{what}: path box {:?}, TrimBox {trim:?}",
        bbox(&p.points)
    );
    // Every point lies on the trim box's edges (ends and control points alike).
    for &(x, y) in &p.points {
        let on_edge = [trim[0], trim[2]].iter().any(|e| (x - e).abs() <= 0.01)
            || [trim[1], trim[3]].iter().any(|e| (y - e).abs() <= 0.01);
        assert!(on_edge, "{what}: ({x}, {y}) is off the trim line");
    }
    if radius == 0.0 {
        assert_eq!(p.ops, "mlllh", "{what}: square corners");
        return;
    }
    assert_eq!(
        p.ops, "mlclclclch",
        "{what}: four sides, four rounded corners"
    );
    // The first corner starts `radius` along the top edge; each curve's midpoint is
    // `radius` from its corner's centre (a quarter circle, within 0.01 pt).
    let (x0, y0) = p.points[0];
    assert!(
        (y0 - trim[3]).abs() <= 0.01 && (x0 - trim[0] - radius).abs() <= 0.01,
        "{what}: starts at ({x0}, {y0}), trim {trim:?}, radius {radius}"
    );
    let mut i = 1;
    let mut corners = 0;
    for op in p.ops.chars().skip(1) {
        match op {
            'l' => i += 1,
            'c' => {
                let q = [
                    p.points[i - 1],
                    p.points[i],
                    p.points[i + 1],
                    p.points[i + 2],
                ];
                let mid = |k: usize| {
                    let v = |pt: (f64, f64)| if k == 0 { pt.0 } else { pt.1 };
                    (v(q[0]) + 3.0 * v(q[1]) + 3.0 * v(q[2]) + v(q[3])) / 8.0
                };
                // The centre is `radius` inside the corner, on both axes.
                let (sx, ex) = (q[0].0, q[3].0);
                let (sy, ey) = (q[0].1, q[3].1);
                let cx = if (sx - trim[0]).abs() < 0.01 || (sx - trim[2]).abs() < 0.01 {
                    ex
                } else {
                    sx
                };
                let cy = if (sy - trim[1]).abs() < 0.01 || (sy - trim[3]).abs() < 0.01 {
                    ey
                } else {
                    sy
                };
                let r = ((mid(0) - cx).powi(2) + (mid(1) - cy).powi(2)).sqrt();
                assert!(
                    (r - radius).abs() <= 0.01,
                    "{what}: corner radius {r} pt, want {radius}"
                );
                assert!(
                    ((sx - ex).abs() - radius).abs() <= 0.01
                        && ((sy - ey).abs() - radius).abs() <= 0.01,
                    "{what}: corner spans {radius} pt on each side"
                );
                corners += 1;
                i += 3;
            }
            _ => {}
        }
    }
    assert_eq!(corners, 4);
}

fn build(dir: &Path, out: &str, extra: &[&str]) -> (serde_json::Value, String) {
    let mut args = vec!["build", "--locale", "en", "--out", out];
    args.extend_from_slice(extra);
    let o = common::hk(dir, &args);
    let e = String::from_utf8_lossy(&o.stderr).into_owned();
    assert!(o.status.success(), "{e}");
    let m = serde_json::from_slice(&std::fs::read(dir.join(out).join("manifest.json")).unwrap())
        .unwrap();
    (m, e)
}

fn entry<'a>(m: &'a serde_json::Value, path: &str) -> &'a serde_json::Value {
    m.as_array()
        .unwrap()
        .iter()
        .find(|e| e["path"] == path)
        .unwrap_or_else(|| panic!("{path} not in manifest"))
}

fn is_magenta(p: &[u8]) -> bool {
    p[0] > 200 && p[1] < 80 && p[2] > 200
}

/// Whether the PNG has a magenta pixel within a pixel of the middle of every trim edge.
fn magenta_on_trim(png: &[u8], trim_pt: [f32; 4]) -> [bool; 4] {
    let (w, h, rgba) = common::decode_png(png);
    let s = 300.0 / 72.0;
    let px = |v: f32| (v * s).floor() as i64;
    let at = |x: i64, y: i64| {
        let i =
            ((y.clamp(0, h as i64 - 1) as u32 * w + x.clamp(0, w as i64 - 1) as u32) * 4) as usize;
        is_magenta(&rgba[i..i + 4])
    };
    let [x0, y0, x1, y1] = trim_pt;
    let (mx, my) = (px((x0 + x1) / 2.0), px((y0 + y1) / 2.0));
    let near = |f: &dyn Fn(i64) -> bool| (-1..=1).any(f);
    [
        near(&|d| at(mx, px(y0) + d)),
        near(&|d| at(px(x1) + d, my)),
        near(&|d| at(mx, px(y1) + d)),
        near(&|d| at(px(x0) + d, my)),
    ]
}

#[test]
fn stall_sticker_gets_a_cut_contour_on_the_trim_and_the_poster_is_untouched() {
    let t = common::temp_project();
    let d = t.path();
    let what = [
        "--design",
        "stall-sticker",
        "--design",
        "poster",
        "--format",
        "pdf",
        "--format",
        "png",
        "--format",
        "svg",
    ];
    let (plain, _) = build(d, "plain", &what);
    let mut with = what.to_vec();
    with.push("--cut-line");
    let (cut, stderr) = build(d, "cut", &with);
    assert!(
        stderr.contains(
            "note: cut line (spot colour CutContour, on the trim) added to stall-sticker; not to poster, which is not die-cut"
        ),
        "{stderr}"
    );

    // PDF: the Separation stroke on the TrimBox, radius 0.125 in = 9 pt.
    let pdf = std::fs::read(d.join("cut/stall-sticker/en/stall-sticker-en.pdf")).unwrap();
    check_cut_pdf(&pdf, 9.0, "stall-sticker");
    let trim = trim_box(&Pdf::new(pdf.clone()).unwrap());
    assert!(near4(trim, [9.0, 9.0, 225.0, 225.0]), "{trim:?}");
    // Without the flag there is no CutContour at all.
    let no = std::fs::read(d.join("plain/stall-sticker/en/stall-sticker-en.pdf")).unwrap();
    assert!(!String::from_utf8_lossy(&no).contains("CutContour"));
    assert!(cut_paths(&no).0.is_empty());
    // The QR code still scans from the PDF rendered back.
    let pdf_doc = Pdf::new(pdf.clone()).unwrap();
    let pix = hayro::render(
        &pdf_doc.pages()[0],
        &hayro::RenderCache::new(),
        &hayro::hayro_interpret::InterpreterSettings::default(),
        &hayro::RenderSettings::default(),
        &hayro::PixmapSettings {
            x_scale: 150.0 / 72.0,
            y_scale: 150.0 / 72.0,
            bg_color: hayro::vello_cpu::color::palette::css::WHITE,
        },
    );
    assert_eq!(
        common::decode_qr_rgba(
            pix.width() as u32,
            pix.height() as u32,
            pix.data_as_u8_slice()
        )
        .as_deref(),
        Some("tel:+18883737888")
    );

    // PNG: magenta on the middle of every trim edge; none without the flag. (The build
    // itself decoded the QR code from these pixels.)
    let trim_pt = [9.0, 9.0, 225.0, 225.0]; // top-left origin, y down
    let png = std::fs::read(d.join("cut/stall-sticker/en/stall-sticker-en.png")).unwrap();
    assert_eq!(magenta_on_trim(&png, trim_pt), [true; 4]);
    let png = std::fs::read(d.join("plain/stall-sticker/en/stall-sticker-en.png")).unwrap();
    assert_eq!(magenta_on_trim(&png, trim_pt), [false; 4]);

    // SVG: the same path, magenta, named for the spot colour.
    let svg = std::fs::read_to_string(d.join("cut/stall-sticker/en/stall-sticker-en.svg")).unwrap();
    assert!(
        svg.contains(r#"<path id="CutContour" data-spot-color="CutContour" d="M18 9L216 9C"#),
        "{svg}"
    );
    assert!(svg.contains(r##"fill="none" stroke="#ff00ff" stroke-width="0.25"/>"##));
    assert!(svg.contains("<!-- die-cut line: spot colour CutContour"));
    let svg =
        std::fs::read_to_string(d.join("plain/stall-sticker/en/stall-sticker-en.svg")).unwrap();
    assert!(!svg.contains("CutContour"));

    // Manifest: cut_line on the sticker's files only; the content hash (what an approval
    // is bound to) does not change; the poster's files are byte for byte the same.
    for ext in ["pdf", "png", "svg"] {
        let p = format!("stall-sticker/en/stall-sticker-en.{ext}");
        assert_eq!(entry(&cut, &p)["cut_line"], true, "{p}");
        assert!(entry(&plain, &p).get("cut_line").is_none(), "{p}");
        assert_eq!(
            entry(&cut, &p)["content_hash"],
            entry(&plain, &p)["content_hash"]
        );
        let p = format!("poster/en/poster-en.{ext}");
        assert!(entry(&cut, &p).get("cut_line").is_none(), "{p}");
        assert_eq!(
            entry(&cut, &p)["sha256"],
            entry(&plain, &p)["sha256"],
            "{p}"
        );
    }
    let poster = std::fs::read(d.join("cut/poster/en/poster-en.pdf")).unwrap();
    assert!(!String::from_utf8_lossy(&poster).contains("CutContour"));
}

#[test]
fn the_mirrored_cling_has_its_cut_line_on_the_trim_too() {
    let t = common::temp_project();
    let d = t.path();
    let (m, _) = build(
        d,
        "o",
        &[
            "--cut-line",
            "--design",
            "window-cling-reverse",
            "--format",
            "pdf",
            "--format",
            "png",
        ],
    );
    let e = entry(&m, "window-cling-reverse/en/window-cling-reverse-en.pdf");
    assert_eq!(
        (e["mirrored"].clone(), e["cut_line"].clone()),
        (true.into(), true.into())
    );
    let pdf =
        std::fs::read(d.join("o/window-cling-reverse/en/window-cling-reverse-en.pdf")).unwrap();
    // 5 x 7 in, 0.125 in bleed, corners 0.25 in = 18 pt.
    check_cut_pdf(&pdf, 18.0, "window-cling-reverse");
    let trim = trim_box(&Pdf::new(pdf).unwrap());
    assert!(near4(trim, [9.0, 9.0, 369.0, 513.0]), "{trim:?}");
    let png =
        std::fs::read(d.join("o/window-cling-reverse/en/window-cling-reverse-en.png")).unwrap();
    assert_eq!(magenta_on_trim(&png, [9.0, 9.0, 369.0, 513.0]), [true; 4]);
    // In the display list: on the trim, which a mirrored page keeps centred, so the
    // mirror would not move it.
    let p = common::project();
    let s = hotline_kit::products::kit::compile(&p, "window-cling-reverse", "en").unwrap();
    let c =
        hotline_kit::products::marks::add_cut_line(&s, p.design("window-cling-reverse").unwrap());
    let page = &c.pages[0];
    let cut = page.cut.expect("a cut line");
    assert_eq!(cut.rect, page.trim);
    assert_eq!(cut.radius, 18.0);
    assert!((page.trim.x - (page.width - page.trim.right())).abs() < 0.01);
    assert!(
        c.snapshot()
            .contains("  cut (9.0,9.0,360.0,504.0) radius=18.00pt CutContour 0.25pt\n"),
        "{}",
        c.snapshot()
    );
    // Not in the snapshot of the piece as laid out, which the content hash covers.
    assert!(!s.snapshot().contains("  cut ("));
}

#[test]
fn with_marks_the_cut_line_moves_with_the_trim_and_square_corners_stay_square() {
    let t = common::temp_project();
    let d = t.path();
    build(
        d,
        "o",
        &[
            "--cut-line",
            "--marks",
            "--design",
            "stall-sticker",
            "--format",
            "pdf",
        ],
    );
    let pdf = std::fs::read(d.join("o/stall-sticker/en/stall-sticker-en.pdf")).unwrap();
    check_cut_pdf(&pdf, 9.0, "stall-sticker with marks");
    assert!(near4(
        trim_box(&Pdf::new(pdf).unwrap()),
        [45.0, 45.0, 261.0, 261.0]
    ));
    // corner_radius = 0: square corners.
    common::edit(
        d.join("designs/stall-sticker.toml"),
        "corner_radius = \"0.125in\"",
        "corner_radius = \"0in\"",
    );
    build(
        d,
        "sq",
        &["--cut-line", "--design", "stall-sticker", "--format", "pdf"],
    );
    let pdf = std::fs::read(d.join("sq/stall-sticker/en/stall-sticker-en.pdf")).unwrap();
    check_cut_pdf(&pdf, 0.0, "square stall-sticker");
}

#[test]
fn cut_line_with_no_die_cut_design_is_an_error_naming_the_die_cut_ones() {
    let t = common::temp_project();
    let d = t.path();
    let o = common::hk(
        d,
        &[
            "build",
            "--cut-line",
            "--design",
            "poster",
            "--design",
            "wallet-card",
            "--locale",
            "en",
            "--out",
            "o",
        ],
    );
    let e = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{e}");
    assert!(
        e.contains("none of the designs asked for is one: poster, wallet-card"),
        "{e}"
    );
    assert!(
        e.contains("the die-cut designs are stall-sticker,") && e.contains("window-cling"),
        "{e}"
    );
    assert!(!d.join("o").exists(), "nothing written");
    // `render` takes it too: one die-cut piece works, a poster is the same error.
    let o = common::hk(d, &["render", "poster", "--cut-line", "-o", "p.pdf"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(!d.join("p.pdf").exists());
    let o = common::hk(d, &["render", "stall-sticker", "--cut-line", "-o", "s.pdf"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    check_cut_pdf(&std::fs::read(d.join("s.pdf")).unwrap(), 9.0, "render");
}

#[test]
fn the_outline_is_a_rounded_rectangle_on_the_rect() {
    use hotline_kit::scene::{CutLine, Rect, Seg};
    let c = CutLine {
        rect: Rect::new(10.0, 20.0, 100.0, 50.0),
        radius: 30.0, // more than half the shorter side: capped at 25
    };
    let o = c.outline();
    assert_eq!(o[0], Seg::Move(35.0, 20.0));
    assert_eq!(o.last(), Some(&Seg::Close));
    let Seg::Cubic(_, _, _, _, x, y) = o[2] else {
        panic!("{o:?}")
    };
    assert_eq!((x, y), (110.0, 45.0));
}
