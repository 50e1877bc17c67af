//! The one limit on pixel images: no page is drawn larger than [`MAX_MEGAPIXELS`].
//!
//! Design files are checked against it when they are loaded, so `check` reports a page
//! that is too large before anything is drawn; and every pixel buffer is checked again
//! just before it is allocated (PNG pages, proof previews and thumbnails, video slides,
//! sheets), so no input can make `render` or `build` abort for lack of memory.

/// The largest image the tool draws, in megapixels. A page is drawn at 4 bytes a pixel
/// and encoded from a 3-byte copy, so this bounds one page at about 700 MB while it is
/// made. US Letter at 300 dpi is 8.4 megapixels; 24 x 36 in with a 0.125 in bleed is
/// 79 megapixels.
pub const MAX_MEGAPIXELS: f64 = 100.0;

/// Resolution of print PNGs, in dots per inch.
pub const PRINT_DPI: f32 = 300.0;

/// The pixel size of a page of `w` x `h` points drawn at `s` pixels per point, or why it
/// cannot be drawn (too large, or no pixels at all).
pub fn size(w: f32, h: f32, s: f32) -> Result<(u32, u32), String> {
    let (pw, ph) = ((w * s).round(), (h * s).round());
    let mp = pw as f64 * ph as f64 / 1e6;
    if !(pw.is_finite() && ph.is_finite() && mp <= MAX_MEGAPIXELS) {
        return Err(format!(
            "{} x {} pixels ({} megapixels), over the limit of {MAX_MEGAPIXELS} megapixels",
            big(pw as f64),
            big(ph as f64),
            big(mp)
        ));
    }
    if pw < 1.0 || ph < 1.0 {
        return Err(format!("{pw} x {ph} pixels has nothing to draw"));
    }
    Ok((pw as u32, ph as u32))
}

/// A possibly huge number in words a person can read: `3600.0`, `4.3e12`.
fn big(v: f64) -> String {
    if !v.is_finite() {
        "too many".into()
    } else if v < 1e7 {
        format!("{v:.1}").trim_end_matches(".0").to_string()
    } else {
        format!("{v:.1e}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_within_the_limit_pass_and_larger_ones_say_how_large() {
        let s = PRINT_DPI / 72.0;
        assert_eq!(size(612.0, 792.0, s), Ok((2550, 3300)));
        let e = size(200.0 * 72.0, 200.0 * 72.0, s).unwrap_err();
        assert!(e.contains("60000 x 60000 pixels (3600 megapixels)"), "{e}");
        assert!(
            size(f32::MAX, 10.0, s)
                .unwrap_err()
                .contains("over the limit")
        );
        assert!(size(f32::NAN, 10.0, s).is_err());
        assert!(size(0.0, 10.0, s).unwrap_err().contains("nothing to draw"));
    }
}
