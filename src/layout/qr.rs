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
///
/// Decoding is a pure function of the pixels, and the same code drawn the same way
/// gives the same pixels in every piece and facility: so the result for each exact
/// image (its SHA-256) is kept for the rest of the process, and an image seen before is
/// not decoded again. Every image is still read pixel by pixel and hashed: a single
/// pixel that differs is a new image, decoded in full.
pub fn decode_luma(
    w: usize,
    h: usize,
    mut luma: impl FnMut(usize, usize) -> u8,
) -> Result<String, String> {
    type Seen = std::collections::HashMap<[u8; 32], Result<String, String>>;
    static SEEN: std::sync::OnceLock<std::sync::Mutex<Seen>> = std::sync::OnceLock::new();
    let mut px = Vec::with_capacity(w * h + 16);
    px.extend_from_slice(&(w as u64).to_le_bytes());
    px.extend_from_slice(&(h as u64).to_le_bytes());
    for y in 0..h {
        for x in 0..w {
            px.push(luma(x, y));
        }
    }
    let key: [u8; 32] =
        sha2::Digest::finalize(<sha2::Sha256 as sha2::Digest>::new_with_prefix(&px)).into();
    let seen = SEEN.get_or_init(Default::default);
    if let Some(r) = seen.lock().expect("lock").get(&key) {
        return r.clone();
    }
    let data = &px[16..];
    let mut img = rqrr::PreparedImage::prepare_from_greyscale(w, h, |x, y| data[y * w + x]);
    let grids = img.detect_grids();
    let r = match grids.first() {
        None => Err("no QR code found".to_string()),
        Some(grid) => grid
            .decode()
            .map(|(_, s)| s)
            .map_err(|e| format!("QR code found but not readable: {e:?}")),
    };
    let mut m = seen.lock().expect("lock");
    if m.len() > 4096 {
        m.clear();
    }
    m.insert(key, r.clone());
    r
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
