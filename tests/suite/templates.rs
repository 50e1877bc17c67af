//! Label templates that match the piece: Avery 5371 business cards for the 3.5 x 2 in
//! wallet card (shared facts section 6), its geometry on the Letter page and in the PDF
//! `sheet` writes, and the warning for a template whose labels differ from the piece.

use crate::common;

use hayro::hayro_interpret::font::GlyphRun;
use hayro::hayro_interpret::hayro_syntax::Pdf;
use hayro::hayro_interpret::{
    BlendMode, ClipPath, Context, Device, DrawMode, DrawProps, Image, ImageDrawProps,
    InterpreterCache, InterpreterSettings, SoftMask, interpret_page,
};
use hayro::kurbo::{Affine, BezPath, Shape};
use hotline_kit::products::labels::{Paper, positions, templates};

const IN: f32 = 72.0;

#[test]
fn avery_5371_holds_ten_wallet_cards_that_tile_the_letter_page() {
    let p = common::project();
    let all = templates(&p).unwrap();
    let t = &all["avery-5371"];
    assert_eq!(t.paper, Paper::Letter);
    assert_eq!((t.columns, t.rows), (2, 5));
    assert!(t.source.contains("shared facts section 6"), "{}", t.source);
    // The shared facts give the whole layout and do not mark it unverified.
    assert!(t.verified);
    let cells = positions(t, (0.0, 0.0));
    assert_eq!(cells.len(), 10);
    let near = |a: f32, b: f32| (a - b).abs() < 0.01;
    // Each cell 3.5 x 2 in (252 x 144 pt), row by row from 0.75 in left and 0.5 in top.
    for (i, c) in cells.iter().enumerate() {
        let (col, row) = ((i % 2) as f32, (i / 2) as f32);
        assert!(near(c.w, 252.0) && near(c.h, 144.0), "{i}: {c:?}");
        assert!(near(c.x, 54.0 + col * 252.0), "{i}: x {}", c.x);
        assert!(near(c.y, 36.0 + row * 144.0), "{i}: y {}", c.y);
    }
    // The cards tile the page: left + 2 x 3.5 + right = 8.5 in and top + 5 x 2 + bottom
    // = 11 in, with the same margin on both sides, and no gap between neighbours.
    let (w, h) = t.paper.size();
    let right = w - cells.iter().map(|c| c.right()).fold(0.0, f32::max);
    let bottom = h - cells.iter().map(|c| c.bottom()).fold(0.0, f32::max);
    assert!(
        near(right, 0.75 * IN) && near(bottom, 0.5 * IN),
        "{right} {bottom}"
    );
    assert!(near((cells[0].x + 2.0 * 3.5 * IN + right) / IN, 8.5));
    assert!(near((cells[0].y + 5.0 * 2.0 * IN + bottom) / IN, 11.0));
    for r in 0..5 {
        assert!(near(cells[2 * r].right(), cells[2 * r + 1].x), "row {r}");
        if r > 0 {
            assert!(near(cells[2 * (r - 1)].bottom(), cells[2 * r].y), "row {r}");
        }
    }
    // The wallet card recommends it, and the placement plan's stock line names it.
    let d = p.design("wallet-card").unwrap();
    assert_eq!(d.label_template.as_deref(), Some("avery-5371"));
    assert!(d.stock.contains("Avery 5371"), "{}", d.stock);
    assert_eq!(
        hotline_kit::products::labels::trim_size(d),
        (252.0, 144.0),
        "the card's trim is the label"
    );
}

/// Every filled path of a PDF page: its box in points from the top-left corner, and
/// its colour.
#[derive(Default)]
struct Fills {
    height: f64,
    boxes: Vec<([f64; 4], [u8; 4])>,
}

impl<'a> Device<'a> for Fills {
    fn draw_path(&mut self, path: &BezPath, props: DrawProps<'a>, mode: &DrawMode) {
        if !matches!(mode, DrawMode::Fill(_)) {
            return;
        }
        let rgba = match &props.paint {
            hayro::hayro_interpret::Paint::Color(c) => c.to_rgba().to_rgba8(),
            _ => [0, 0, 0, 0],
        };
        let b = (props.transform * path.clone()).bounding_box();
        // PDF user space runs up from the bottom edge.
        self.boxes
            .push(([b.x0, self.height - b.y1, b.width(), b.height()], rgba));
    }
    fn push_clip_path(&mut self, _: &ClipPath) {}
    fn push_transparency_group(&mut self, _: f32, _: Option<SoftMask<'a>>, _: BlendMode) {}
    fn draw_glyph_run(&mut self, _: &GlyphRun<'_, 'a>, _: DrawProps<'a>, _: &DrawMode) {}
    fn draw_image(&mut self, _: Image<'a, '_>, _: ImageDrawProps<'a>) {}
    fn pop_clip(&mut self) {}
    fn pop_transparency_group(&mut self) {}
}

fn fills(bytes: &[u8], page: usize, height: f64) -> Vec<([f64; 4], [u8; 4])> {
    let pdf = Pdf::new(bytes.to_vec()).expect("valid PDF");
    let cache = InterpreterCache::new();
    let pages = pdf.pages();
    let mut dev = Fills {
        height,
        ..Default::default()
    };
    let mut ctx = Context::new(
        Affine::IDENTITY,
        hayro::kurbo::Rect::new(0.0, 0.0, 1e5, 1e5),
        &cache,
        pages[page].xref(),
        InterpreterSettings::default(),
    );
    interpret_page(&pages[page], &mut ctx, &mut dev);
    dev.boxes
}

#[test]
fn a_sheet_of_wallet_cards_on_avery_5371_puts_each_card_on_its_cell() {
    let t = common::temp_project();
    let o = common::hk(
        t.path(),
        &[
            "sheet",
            "wallet-card",
            "--template",
            "avery-5371",
            "--locale",
            "en",
            "--locale",
            "es",
            "-o",
            "cards.pdf",
        ],
    );
    let e = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{e}");
    assert!(!e.contains("labels are"), "5371 matches the card: {e}");
    assert!(!e.contains("unverified"), "{e}");
    let bytes = std::fs::read(t.path().join("cards.pdf")).unwrap();
    // Each card's white background is cut to its trim box on the sheet: in the PDF it
    // is a 252 x 144 pt fill, one on each cell, fronts on page 1 and backs on page 2.
    let expected: Vec<[f64; 2]> = (0..10)
        .map(|i| [54.0 + 252.0 * (i % 2) as f64, 36.0 + 144.0 * (i / 2) as f64])
        .collect();
    for page in 0..2 {
        let mut cards: Vec<[f64; 2]> = fills(&bytes, page, 792.0)
            .into_iter()
            .filter(|(b, _)| (b[2] - 252.0).abs() < 0.01 && (b[3] - 144.0).abs() < 0.01)
            .map(|(b, _)| [b[0], b[1]])
            .collect();
        cards.sort_by(|a, b| (a[1], a[0]).partial_cmp(&(b[1], b[0])).unwrap());
        assert_eq!(cards.len(), 10, "page {}: {cards:?}", page + 1);
        for (got, want) in cards.iter().zip(&expected) {
            assert!(
                (got[0] - want[0]).abs() < 0.01 && (got[1] - want[1]).abs() < 0.01,
                "page {}: card at {got:?}, cell at {want:?}",
                page + 1
            );
        }
    }
    // One dark QR code inside each card.
    let qrs: Vec<[f64; 4]> = fills(&bytes, 0, 792.0)
        .into_iter()
        .filter(|(b, c)| c[0] < 80 && b[2] > 20.0 && b[2] < 144.0 && (b[2] - b[3]).abs() < 0.5)
        .map(|(b, _)| b)
        .collect();
    assert_eq!(qrs.len(), 10, "{qrs:?}");
    for q in &qrs {
        assert!(
            expected.iter().any(|c| q[0] >= c[0]
                && q[1] >= c[1]
                && q[0] + q[2] <= c[0] + 252.0
                && q[1] + q[3] <= c[1] + 144.0),
            "{q:?} is on no card"
        );
    }
}

#[test]
fn avery_5163_labels_for_the_wallet_card_warn_naming_both_sizes_and_5371() {
    let p = common::project();
    let all = templates(&p).unwrap();
    let card = hotline_kit::products::labels::trim_size(p.design("wallet-card").unwrap());
    // The library's judgement.
    let m = hotline_kit::products::labels::mismatch(
        "avery-5163",
        &all["avery-5163"],
        "wallet-card",
        card,
    )
    .expect("4 x 2 in labels do not match a 3.5 x 2 in card");
    assert!(
        m.starts_with("avery-5163 labels are 4 x 2 in but wallet-card is 3.5 x 2 in: "),
        "{m}"
    );
    assert_eq!(
        hotline_kit::products::labels::mismatch(
            "avery-5371",
            &all["avery-5371"],
            "wallet-card",
            card
        ),
        None
    );
    assert_eq!(
        hotline_kit::products::labels::fitting(&all, card, Paper::Letter),
        ["avery-5371"]
    );
    // 1/16 in either way still matches; more does not.
    let m = |w: f32, h: f32| {
        hotline_kit::products::labels::mismatch("avery-5371", &all["avery-5371"], "x", (w, h))
    };
    assert!(m(252.0 - 4.4, 144.0 + 4.4).is_none());
    assert!(m(252.0, 144.0 - 4.8).is_some());
    assert!(m(252.0 + 4.8, 144.0).unwrap().contains("does not fit"));

    // `sheet` with the shipping labels: a warning, and the sheet is still made.
    let t = common::temp_project();
    let run = |tpl: &str| {
        common::hk(
            t.path(),
            &[
                "sheet",
                "wallet-card",
                "--template",
                tpl,
                "--locale",
                "en",
                "-o",
                &format!("{tpl}.pdf"),
            ],
        )
    };
    let o = run("avery-5163");
    let e = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{e}");
    assert!(
        e.contains("warning: avery-5163 labels are 4 x 2 in but wallet-card is 3.5 x 2 in"),
        "{e}"
    );
    assert!(e.contains("--template avery-5371"), "{e}");
    assert!(t.path().join("avery-5163.pdf").exists());
    let o = run("avery-5371");
    let e = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{e}");
    assert!(
        !e.contains("label-template") && !e.contains("labels are"),
        "{e}"
    );

    // `check`: the shipped card recommends 5371, so nothing is said ...
    let (code, j) = common::check_json(t.path(), &["--design", "wallet-card"]);
    assert_eq!(code, 0, "{j:?}");
    assert!(common::of(&j, "label-template").is_empty(), "{j:?}");
    // ... and a card that recommends 5163 gets the warning, at its label_template line,
    // with the template that fits.
    common::edit(
        t.path().join("designs/wallet-card.toml"),
        "label_template = \"avery-5371\"",
        "label_template = \"avery-5163\"",
    );
    let (code, j) = common::check_json(t.path(), &["--design", "wallet-card"]);
    assert_eq!(code, 0, "a warning, not an error: {j:?}");
    let w = common::of(&j, "label-template");
    assert_eq!(w.len(), 1, "{j:?}");
    assert_eq!(w[0]["severity"], "warning");
    assert!(
        common::msg(w[0])
            .starts_with("avery-5163 labels are 4 x 2 in but wallet-card is 3.5 x 2 in: "),
        "{}",
        common::msg(w[0])
    );
    assert!(w[0]["file"].as_str().unwrap().ends_with("wallet-card.toml"));
    let hints = w[0]["hints"].to_string();
    assert!(
        hints.contains("label_template = \\\"avery-5371\\\""),
        "{hints}"
    );
}

#[test]
fn every_shipped_design_recommends_a_template_of_its_own_size() {
    let t = common::temp_project();
    let (code, j) = common::check_json(t.path(), &[]);
    assert_eq!(code, 0, "{j:?}");
    assert!(common::of(&j, "label-template").is_empty(), "{j:?}");
    let p = common::project();
    let all = templates(&p).unwrap();
    let mut n = 0;
    for d in p.designs.values() {
        let Some(name) = &d.label_template else {
            continue;
        };
        n += 1;
        let t = &all[name];
        let trim = hotline_kit::products::labels::trim_size(d);
        assert_eq!(
            hotline_kit::products::labels::mismatch(name, t, &d.name, trim),
            None,
            "{}",
            d.name
        );
    }
    assert!(
        n >= 3,
        "wallet card, stall sticker and badge card name templates"
    );
    // A template named in a design that does not exist is a warning too.
    common::edit(
        t.path().join("designs/wallet-card.toml"),
        "label_template = \"avery-5371\"",
        "label_template = \"avery-5317\"",
    );
    let (_, j) = common::check_json(t.path(), &["--design", "wallet-card"]);
    let w = common::of(&j, "label-template");
    assert_eq!(w.len(), 1, "{j:?}");
    assert!(common::msg(w[0]).contains("`avery-5317`"), "{j:?}");
}
