//! Exporters: each is a plain function of a [`Scene`](crate::scene::Scene).
//! None of them measures, shapes or breaks text.

pub mod pdf;
pub mod pdf_svg;
pub mod png;
pub mod png_pixels;
pub mod svg;

use crate::load::fonts::Face;

/// A glyph outline in font units (y up), or `None` for blank glyphs such as spaces.
pub fn glyph_path(face: &Face, id: u16) -> Option<tiny_skia::Path> {
    struct B(tiny_skia::PathBuilder);
    impl ttf_parser::OutlineBuilder for B {
        fn move_to(&mut self, x: f32, y: f32) {
            self.0.move_to(x, y);
        }
        fn line_to(&mut self, x: f32, y: f32) {
            self.0.line_to(x, y);
        }
        fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
            self.0.quad_to(x1, y1, x, y);
        }
        fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
            self.0.cubic_to(x1, y1, x2, y2, x, y);
        }
        fn close(&mut self) {
            self.0.close();
        }
    }
    let mut b = B(tiny_skia::PathBuilder::new());
    face.rb.outline_glyph(ttf_parser::GlyphId(id), &mut b)?;
    b.0.finish()
}

/// The dark modules of a QR code as rectangles in module units, one per horizontal run.
pub fn qr_runs(q: &crate::scene::Qr) -> Vec<(usize, usize, usize)> {
    let mut runs = Vec::new();
    for y in 0..q.modules {
        let mut x = 0;
        while x < q.modules {
            if q.is_dark(x, y) {
                let s = x;
                while x < q.modules && q.is_dark(x, y) {
                    x += 1;
                }
                runs.push((s + q.quiet, y + q.quiet, x - s));
            } else {
                x += 1;
            }
        }
    }
    runs
}
