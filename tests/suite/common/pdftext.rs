//! A small PDF text extractor for tests, built on hayro-interpret: it honours
//! `/ActualText` spans and `/ReversedChars` marked content (which pdf-extract ignores),
//! so right-to-left and complex-script text comes out in reading order, as a reader
//! such as Chromium or Acrobat copies it.

use hayro::hayro_interpret::font::GlyphRun;
use hayro::hayro_interpret::hayro_syntax::Pdf;
use hayro::hayro_interpret::hayro_syntax::object::Dict;
use hayro::hayro_interpret::{
    BlendMode, ClipPath, Context, Device, DrawMode, DrawProps, Image, ImageDrawProps,
    InterpreterCache, InterpreterSettings, SoftMask, interpret_page,
};
use hayro::kurbo::{Affine, BezPath, Rect};

#[derive(Default)]
struct Extract {
    /// Fragments in content order: (text in reading order, part of a reversed run).
    out: Vec<(String, bool)>,
    /// Open marked-content sections.
    stack: Vec<Mark>,
    /// Glyph text inside the open /ReversedChars section, in content (visual) order.
    reversed: Vec<String>,
    /// Index in `out` of the open /ActualText fragment.
    actual: Option<usize>,
}

#[derive(Clone, Copy, PartialEq)]
enum Mark {
    Actual,
    Reversed,
    /// A tagged span (one run of text): its fragments are put in reading order at its end.
    Span(usize),
    Other,
}

fn decode_text_string(b: &[u8]) -> String {
    if b.starts_with(&[0xFE, 0xFF]) {
        let units: Vec<u16> = b[2..]
            .chunks(2)
            .map(|c| u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)]))
            .collect();
        String::from_utf16_lossy(&units)
    } else {
        b.iter().map(|&c| c as char).collect()
    }
}

impl<'a> Device<'a> for Extract {
    fn draw_path(&mut self, _: &BezPath, _: DrawProps<'a>, _: &DrawMode) {}
    fn push_clip_path(&mut self, _: &ClipPath) {}
    fn push_transparency_group(&mut self, _: f32, _: Option<SoftMask<'a>>, _: BlendMode) {}
    fn draw_image(&mut self, _: Image<'a, '_>, _: ImageDrawProps<'a>) {}
    fn pop_clip(&mut self) {}
    fn pop_transparency_group(&mut self) {}

    fn draw_glyph_run(&mut self, run: &GlyphRun<'_, 'a>, _: DrawProps<'a>, _: &DrawMode) {
        if self.stack.contains(&Mark::Actual) {
            return; // replaced by the span's actual text
        }
        let units = run
            .glyphs()
            .iter()
            .filter_map(|g| g.as_unicode())
            .map(|u| match u {
                hayro::hayro_interpret::hayro_cmap::BfString::Char(c) => c.to_string(),
                hayro::hayro_interpret::hayro_cmap::BfString::String(s) => s,
            });
        if self.stack.contains(&Mark::Reversed) {
            self.reversed.extend(units);
        } else {
            self.out.push((units.collect(), false));
        }
    }

    fn begin_marked_content(&mut self, tag: &[u8], props: Option<&Dict<'_>>) {
        let actual = props.and_then(|d| {
            d.get::<hayro::hayro_interpret::hayro_syntax::object::String>(b"ActualText")
        });
        let inside_actual = self.stack.contains(&Mark::Actual);
        let mark = match (tag, actual) {
            (_, Some(s)) if !inside_actual => {
                self.actual = Some(self.out.len());
                self.out.push((decode_text_string(s.as_bytes()), false));
                Mark::Actual
            }
            (_, Some(_)) => Mark::Other,
            (b"ReversedChars", None) => {
                if let (true, Some(i)) = (inside_actual, self.actual) {
                    self.out[i].1 = true; // the replaced glyphs were part of a reversed run
                }
                Mark::Reversed
            }
            (b"Span", None) => Mark::Span(self.out.len()),
            _ => Mark::Other,
        };
        self.stack.push(mark);
    }

    fn end_marked_content(&mut self) {
        match self.stack.pop() {
            Some(Mark::Reversed) if !self.stack.contains(&Mark::Actual) => {
                let mut units = std::mem::take(&mut self.reversed);
                units.reverse();
                self.out.push((units.concat(), true));
            }
            Some(Mark::Span(start)) => {
                // A reversed run is written fragment by fragment in visual order.
                if self.out[start..].iter().all(|f| f.1) {
                    self.out[start..].reverse();
                }
                self.out.push(("\n".into(), false));
            }
            _ => {}
        }
    }
}

/// The text of every page, in reading order, a line per tagged span.
pub fn extract(bytes: &[u8]) -> String {
    let pdf = Pdf::new(bytes.to_vec()).expect("valid PDF");
    let cache = InterpreterCache::new();
    let mut text = String::new();
    for page in pdf.pages().iter() {
        let mut dev = Extract::default();
        let mut ctx = Context::new(
            Affine::IDENTITY,
            Rect::new(0.0, 0.0, 1e5, 1e5),
            &cache,
            page.xref(),
            InterpreterSettings::default(),
        );
        interpret_page(page, &mut ctx, &mut dev);
        for (t, _) in dev.out {
            text.push_str(&t);
        }
    }
    text
}

/// The colorant a page's colour space `name` paints, when it is a
/// `/Separation` (spot colour): `Some("CutContour")`, `Some("White")`.
pub fn separation(
    page: &hayro::hayro_interpret::hayro_syntax::page::Page<'_>,
    name: &hayro::hayro_interpret::hayro_syntax::object::Name<'_>,
) -> Option<String> {
    use hayro::hayro_interpret::hayro_syntax::object::Object;
    let Some(Object::Array(a)) = page.resources().get_color_space(name) else {
        return None;
    };
    let names: Vec<String> = a
        .iter::<Object<'_>>()
        .take(2)
        .filter_map(|o| match o {
            Object::Name(n) => Some(n.as_str().to_string()),
            _ => None,
        })
        .collect();
    match names.as_slice() {
        [sep, colorant] if sep == "Separation" => Some(colorant.clone()),
        _ => None,
    }
}
