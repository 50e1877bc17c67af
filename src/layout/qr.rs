//! QR codes: encoded from the hotline file, then decoded back to prove they scan.

use crate::scene::{Qr, Rect};

/// Quiet zone around every code, in modules (the QR standard asks for 4).
pub const QUIET: usize = 4;

/// Encode a payload at error-correction level M (survives some wear on a sticker).
pub fn encode(payload: &str, rect: Rect) -> Result<Qr, String> {
    let code = qrcode::QrCode::with_error_correction_level(payload.as_bytes(), qrcode::EcLevel::M)
        .map_err(|e| format!("cannot encode `{payload}` as a QR code: {e}"))?;
    let n = code.width();
    let dark = code
        .to_colors()
        .into_iter()
        .map(|c| c == qrcode::Color::Dark)
        .collect();
    Ok(Qr {
        rect,
        modules: n,
        quiet: QUIET,
        dark,
        payload: payload.to_string(),
    })
}

/// Decode the first QR code found in a greyscale image (`luma(x, y)`, 0 = black).
pub fn decode_luma(
    w: usize,
    h: usize,
    luma: impl FnMut(usize, usize) -> u8,
) -> Result<String, String> {
    let mut img = rqrr::PreparedImage::prepare_from_greyscale(w, h, luma);
    let grids = img.detect_grids();
    let grid = grids.first().ok_or("no QR code found")?;
    grid.decode()
        .map(|(_, s)| s)
        .map_err(|e| format!("QR code found but not readable: {e:?}"))
}

/// Draw the code's modules alone at `px` pixels per module and decode them.
pub fn decode_modules(qr: &Qr, px: usize) -> Result<String, String> {
    let side = (qr.modules + 2 * qr.quiet) * px;
    decode_luma(side, side, |x, y| {
        let (mx, my) = (x / px, y / px);
        let inside = |m: usize| m >= qr.quiet && m < qr.quiet + qr.modules;
        if inside(mx) && inside(my) && qr.is_dark(mx - qr.quiet, my - qr.quiet) {
            0
        } else {
            255
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_and_decodes_back() {
        let qr = encode("tel:+18883737888", Rect::new(0.0, 0.0, 72.0, 72.0)).unwrap();
        assert_eq!(qr.modules, 21); // version 1: mixed numeric and byte segments
        assert_eq!(decode_modules(&qr, 4).unwrap(), "tel:+18883737888");
    }
}
