//! The fewest bytes a pixel that still hold a page exactly: grey (one channel) when every
//! pixel is grey, an indexed palette (1, 2, 4 or 8 bits a pixel) when the page has at most
//! 256 colours, RGB otherwise. Lossless: decoding the file gives back the very RGB values
//! tiny-skia drew. Deterministic: the palette is in order of first appearance.

use std::io::Write as _;

/// Palette size at most: the PNG limit for 8-bit indices.
const MAX_COLOURS: usize = 256;
const SLOTS: usize = 1024;
/// zlib level of the image data. Measured on the default designs at 300 dpi
/// (`hotline-kit bench --png`): level 1 keeps the poster above 600 KiB, level 2 halves
/// it against fdeflate in about the same time, level 3 and up cost more time for 1-3%.
const LEVEL: u32 = 2;
/// PNG row filter `Up`: each byte minus the one above. Flat areas and repeated rows
/// become zeros, photographs (a facility's own pictures) compress far better than with
/// no filter, and it costs one subtraction a byte (png's adaptive choice tries five
/// filters a row: a third more time for under 2% smaller on the poster).
const FILTER_UP: u8 = 2;

/// A small open-addressing colour table (RGB packed in a `u32`) that gives each colour
/// an index in order of first appearance, and refuses the 257th colour. The palette of
/// an indexed [`Layout`].
pub struct Colours {
    keys: [u32; SLOTS],
    /// 0: empty; otherwise index + 1.
    slots: [u16; SLOTS],
    list: Vec<u32>,
}

impl Colours {
    fn new() -> Self {
        Colours {
            keys: [0; SLOTS],
            slots: [0; SLOTS],
            list: Vec::new(),
        }
    }

    fn slot(&self, c: u32) -> usize {
        let mut i = (c.wrapping_mul(0x9E37_79B1) >> 22) as usize & (SLOTS - 1);
        while self.slots[i] != 0 && self.keys[i] != c {
            i = (i + 1) & (SLOTS - 1);
        }
        i
    }

    /// Add `c` if new; `false` once the table would pass 256 colours.
    fn add(&mut self, c: u32) -> bool {
        let i = self.slot(c);
        if self.slots[i] == 0 {
            if self.list.len() == MAX_COLOURS {
                return false;
            }
            self.list.push(c);
            self.keys[i] = c;
            self.slots[i] = self.list.len() as u16;
        }
        true
    }

    /// The palette index of a colour in the table (0 for one that is not).
    fn index(&self, c: u32) -> u8 {
        self.slots[self.slot(c)].saturating_sub(1) as u8
    }
}

fn key(p: &[u8]) -> u32 {
    (p[0] as u32) << 16 | (p[1] as u32) << 8 | p[2] as u32
}

/// Read every `step`-th row: whether all its pixels are grey, and its colours if at
/// most 256. Rows equal to the one read before and pixels equal to their left neighbour
/// are skipped, so flat pages are read fast; the scan stops as soon as neither can hold.
fn survey(w: usize, rgba: &[u8], step: usize) -> (bool, Option<Colours>) {
    let mut colours = Some(Colours::new());
    let mut grey = true;
    let mut last = None;
    let mut above: &[u8] = &[];
    'rows: for r in rgba.chunks_exact(w * 4).step_by(step) {
        if r == above {
            continue;
        }
        above = r;
        for p in r.chunks_exact(4) {
            let c = key(p);
            if last == Some(c) {
                continue;
            }
            last = Some(c);
            grey &= p[0] == p[1] && p[1] == p[2];
            if colours.as_mut().is_some_and(|t| !t.add(c)) {
                colours = None;
            }
            if !grey && colours.is_none() {
                break 'rows;
            }
        }
    }
    (grey, colours)
}

/// How a page's pixels are stored: the fewest bytes that hold them exactly.
pub enum Layout {
    /// One channel: every pixel is grey (and there are more than 16 levels).
    Grey,
    /// Palette indices of `bits` (1, 2, 4 or 8) each: at most 256 colours.
    Indexed {
        /// The palette, in order of first appearance.
        colours: Box<Colours>,
        /// Bits a pixel.
        bits: usize,
    },
    /// Red, green and blue.
    Rgb,
}

impl Layout {
    /// Choose for premultiplied, opaque RGBA pixels (`w` x `h`; the alpha byte is not
    /// stored, as an RGB PNG never did). Every 8th row is read first: a page with more
    /// than 256 colours and a colour that is not grey there is RGB without reading more.
    pub fn choose(w: usize, h: usize, rgba: &[u8]) -> Layout {
        let rgba = &rgba[..w * h * 4];
        if w == 0 || h == 0 || matches!(survey(w, rgba, 8), (false, None)) {
            return Layout::Rgb;
        }
        match survey(w, rgba, 1) {
            (grey, Some(t)) if t.list.len() <= 16 || !grey => {
                let bits = match t.list.len() {
                    0..=2 => 1,
                    3..=4 => 2,
                    5..=16 => 4,
                    _ => 8,
                };
                Layout::Indexed {
                    colours: Box::new(t),
                    bits,
                }
            }
            (true, _) => Layout::Grey,
            _ => Layout::Rgb,
        }
    }

    /// The colour type written in IHDR.
    pub fn color_type(&self) -> png::ColorType {
        match self {
            Layout::Grey => png::ColorType::Grayscale,
            Layout::Indexed { .. } => png::ColorType::Indexed,
            Layout::Rgb => png::ColorType::Rgb,
        }
    }

    /// Bits a sample (a palette index for indexed pages).
    pub fn depth(&self) -> png::BitDepth {
        match self {
            Layout::Indexed { bits: 1, .. } => png::BitDepth::One,
            Layout::Indexed { bits: 2, .. } => png::BitDepth::Two,
            Layout::Indexed { bits: 4, .. } => png::BitDepth::Four,
            _ => png::BitDepth::Eight,
        }
    }

    /// The PLTE entries (RGB triples) of an indexed page.
    pub fn palette(&self) -> Option<Vec<u8>> {
        match self {
            Layout::Indexed { colours, .. } => Some(
                colours
                    .list
                    .iter()
                    .flat_map(|c| [(c >> 16) as u8, (c >> 8) as u8, *c as u8])
                    .collect(),
            ),
            _ => None,
        }
    }

    /// Bytes of one stored row of `w` pixels (padded to a whole byte).
    fn row_len(&self, w: usize) -> usize {
        match self {
            Layout::Grey => w,
            Layout::Indexed { bits, .. } => (w * bits).div_ceil(8),
            Layout::Rgb => w * 3,
        }
    }

    /// Store one row of RGBA pixels into `out` (`row_len` bytes) as palette indices.
    fn store_indexed(colours: &Colours, bits: usize, src: &[u8], out: &mut [u8]) {
        out.fill(0);
        let per_byte = 8 / bits;
        let mut last = (u32::MAX, 0u8);
        for (x, p) in src.chunks_exact(4).enumerate() {
            let c = key(p);
            if c != last.0 {
                // Every colour is in the table: the survey read every row.
                last = (c, colours.index(c));
            }
            out[x / per_byte] |= last.1 << (8 - bits * (x % per_byte + 1));
        }
    }

    /// The zlib stream of the page's rows, each stored and filtered with `Up`: the
    /// content of the IDAT chunk. One row at a time, so no second copy of the page is
    /// held; a row equal to the one above is all zeros without being read again.
    pub fn image_data(&self, w: usize, h: usize, rgba: &[u8]) -> std::io::Result<Vec<u8>> {
        let n = self.row_len(w);
        let mut line = vec![0u8; n + 1];
        line[0] = FILTER_UP;
        let mut z = flate2::write::ZlibEncoder::new(
            Vec::with_capacity(n * h / 8),
            flate2::Compression::new(LEVEL),
        );
        if w == 0 {
            return z.finish();
        }
        let zero = vec![0u8; w * 4];
        let (mut stored_above, mut stored) = (vec![0u8; n], vec![0u8; n]);
        let mut prev: Option<&[u8]> = None;
        for src in rgba[..w * h * 4].chunks_exact(w * 4) {
            let out = &mut line[1..];
            let above = prev.unwrap_or(&zero);
            if prev == Some(src) {
                out.fill(0);
            } else {
                match self {
                    Layout::Rgb => up_rgb(src, above, out),
                    Layout::Grey => {
                        for ((d, a), b) in out
                            .iter_mut()
                            .zip(src.chunks_exact(4))
                            .zip(above.chunks_exact(4))
                        {
                            *d = a[0].wrapping_sub(b[0]);
                        }
                    }
                    Layout::Indexed { colours, bits } => {
                        Self::store_indexed(colours, *bits, src, &mut stored);
                        for ((d, a), b) in out.iter_mut().zip(&stored).zip(&stored_above) {
                            *d = a.wrapping_sub(*b);
                        }
                        std::mem::swap(&mut stored_above, &mut stored);
                    }
                }
            }
            z.write_all(&line)?;
            prev = Some(src);
        }
        z.finish()
    }
}

/// One RGB row filtered with `Up`, straight from two RGBA rows (`src` and the row
/// `above`): four pixels at a time, so the subtraction runs on whole 16-byte blocks.
fn up_rgb(src: &[u8], above: &[u8], out: &mut [u8]) {
    let blocks = out
        .chunks_exact_mut(12)
        .zip(src.chunks_exact(16).zip(above.chunks_exact(16)));
    for (d, (a, b)) in blocks {
        let mut x = [0u8; 16];
        for ((x, a), b) in x.iter_mut().zip(a).zip(b) {
            *x = a.wrapping_sub(*b);
        }
        d.copy_from_slice(&[
            x[0], x[1], x[2], x[4], x[5], x[6], x[8], x[9], x[10], x[12], x[13], x[14],
        ]);
    }
    let done = out.len() / 12 * 4;
    let rest = out[done * 3..].chunks_exact_mut(3).zip(
        src[done * 4..]
            .chunks_exact(4)
            .zip(above[done * 4..].chunks_exact(4)),
    );
    for (d, (a, b)) in rest {
        for ((d, a), b) in d.iter_mut().zip(a).zip(b) {
            *d = a.wrapping_sub(*b);
        }
    }
}

#[cfg(test)]
mod tests {
    use tiny_skia::Pixmap;

    use crate::export::png::{check_qr_file, encode};
    use crate::scene::{Meta, Rect};

    /// A `w` x `h` opaque pixmap whose pixel (x, y) is `f(x, y)` as RGB.
    fn pixmap(w: u32, h: u32, f: impl Fn(u32, u32) -> [u8; 3]) -> Pixmap {
        let mut pm = Pixmap::new(w, h).unwrap();
        for (i, px) in pm.data_mut().chunks_exact_mut(4).enumerate() {
            let [r, g, b] = f(i as u32 % w, i as u32 / w);
            px.copy_from_slice(&[r, g, b, 255]);
        }
        pm
    }

    /// Encode, decode with the png crate, and check every pixel came back exactly; the
    /// file's own colour type and bit depth are returned. Encoding twice gives the same
    /// bytes.
    fn round_trip(pm: &Pixmap) -> (png::ColorType, png::BitDepth) {
        let meta = meta();
        let bytes = encode(pm, 300.0, &meta).unwrap();
        assert_eq!(
            bytes,
            encode(pm, 300.0, &meta).unwrap(),
            "not deterministic"
        );
        let mut dec = png::Decoder::new(std::io::Cursor::new(&bytes));
        dec.set_transformations(png::Transformations::EXPAND);
        let mut r = dec.read_info().unwrap();
        let stored = (r.info().color_type, r.info().bit_depth);
        let mut buf = vec![0; r.output_buffer_size().unwrap()];
        let info = r.next_frame(&mut buf).unwrap();
        assert_eq!((info.width, info.height), (pm.width(), pm.height()));
        assert_eq!(info.bit_depth, png::BitDepth::Eight);
        let channels = match info.color_type {
            png::ColorType::Grayscale => 1,
            png::ColorType::Rgb => 3,
            other => panic!("decoded as {other:?}"),
        };
        for (i, (got, want)) in buf[..info.buffer_size()]
            .chunks_exact(channels)
            .zip(pm.data().chunks_exact(4))
            .enumerate()
        {
            let got = if channels == 1 {
                [got[0]; 3]
            } else {
                [got[0], got[1], got[2]]
            };
            assert_eq!(got, want[..3], "pixel {i} of a {stored:?} image");
        }
        stored
    }

    fn meta() -> Meta {
        Meta {
            title: "test page".into(),
            subject: String::new(),
            keywords: Vec::new(),
            language: "en".into(),
            status: String::new(),
            draft: false,
        }
    }

    /// `n` distinct colours, none of them grey.
    fn colour(i: u32) -> [u8; 3] {
        [
            (i % 251) as u8,
            (i / 251) as u8 + 1,
            255 - (i % 7) as u8 * 30,
        ]
    }

    #[test]
    fn few_colours_become_a_palette_of_the_fewest_bits_and_round_trip() {
        use png::BitDepth::*;
        for (n, depth) in [
            (1, One),
            (2, One),
            (3, Two),
            (4, Two),
            (5, Four),
            (16, Four),
            (17, Eight),
            (200, Eight),
            (256, Eight),
        ] {
            // Odd widths leave a partly used last byte in each packed row; every page
            // has all `n` colours.
            for (w, h) in [(1, 300), (7, 41), (37, 23)] {
                let pm = pixmap(w, h, |x, y| colour((x + y * w) % n));
                let got = round_trip(&pm);
                assert_eq!(
                    got,
                    (png::ColorType::Indexed, depth),
                    "{n} colours, {w} wide"
                );
            }
        }
    }

    #[test]
    fn grey_pages_keep_one_channel_and_every_level() {
        // 256 levels: grey 8 bit; 17 levels: still grey; 16 or fewer: a palette is smaller.
        for (levels, want) in [
            (256, png::ColorType::Grayscale),
            (17, png::ColorType::Grayscale),
            (16, png::ColorType::Indexed),
            (2, png::ColorType::Indexed),
        ] {
            let pm = pixmap(300, 40, |x, y| {
                let v = ((x + y) % levels * 255 / (levels - 1)) as u8;
                [v; 3]
            });
            assert_eq!(round_trip(&pm).0, want, "{levels} grey levels");
        }
    }

    #[test]
    fn more_than_256_colours_stay_rgb_and_round_trip() {
        // Exactly 257 colours, the first one past the palette's limit.
        let pm = pixmap(61, 29, |x, y| colour((x + y * 61) % 257));
        assert_eq!(round_trip(&pm), (png::ColorType::Rgb, png::BitDepth::Eight));
        // A smooth gradient in every channel, rows repeated to exercise the row skip.
        let pm = pixmap(256, 90, |x, y| [x as u8, (y / 2 * 5) as u8, (x ^ y) as u8]);
        assert_eq!(round_trip(&pm).0, png::ColorType::Rgb);
        // Grey everywhere but one pixel at the very end.
        let pm = pixmap(50, 50, |x, y| {
            if (x, y) == (49, 49) {
                [1, 2, 3]
            } else {
                [((x * 5 + y) % 256) as u8; 3]
            }
        });
        assert_eq!(round_trip(&pm).0, png::ColorType::Rgb);
    }

    /// A QR code drawn black on white at `s` pixels per point, with `paint` filling the
    /// rest of the page (left of the code's quiet zone).
    fn qr_page(paint: impl Fn(u32, u32) -> [u8; 3]) -> (Pixmap, crate::scene::Qr) {
        let q = crate::layout::qr::encode("tel:+18883737888", Rect::new(120.0, 10.0, 116.0, 116.0))
            .unwrap();
        let m = q.module();
        let runs = crate::export::qr_runs(&q);
        let dark = |x: u32, y: u32| {
            let (mx, my) = ((x as f32 - q.rect.x) / m, (y as f32 - q.rect.y) / m);
            runs.iter().any(|&(rx, ry, len)| {
                my >= ry as f32 && my < (ry + 1) as f32 && mx >= rx as f32 && mx < (rx + len) as f32
            })
        };
        let pm = pixmap(250, 136, |x, y| {
            if (x as f32) < q.rect.x {
                paint(x, y)
            } else if dark(x, y) {
                [0; 3]
            } else {
                [255; 3]
            }
        });
        (pm, q)
    }

    #[test]
    fn the_qr_code_reads_back_from_the_file_in_every_layout() {
        type Paint = fn(u32, u32) -> [u8; 3];
        let cases: [(Paint, png::ColorType); 4] = [
            (|_, _| [255; 3], png::ColorType::Indexed),
            (|x, _| [(x * 2) as u8; 3], png::ColorType::Grayscale),
            (|x, y| colour((x + y) % 200), png::ColorType::Indexed),
            (|x, y| [x as u8, y as u8, 9], png::ColorType::Rgb),
        ];
        for (paint, want) in cases {
            let (pm, q) = qr_page(paint);
            assert_eq!(round_trip(&pm).0, want);
            let bytes = encode(&pm, 72.0, &meta()).unwrap();
            check_qr_file(&bytes, &[&q], 1.0, false).unwrap_or_else(|e| panic!("{want:?}: {e}"));
        }
    }
}
