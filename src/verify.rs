//! Checks every scene must pass before anything is exported: the QR code decodes to the
//! exact payload, the hotline number is on every page, and no other phone-like number
//! appears anywhere.

use crate::diag::{Diagnostic, Diagnostics};
use crate::project::Project;
use crate::scene::{Item, Scene};
use crate::spec::Design;

/// Digit groups with at least this many digits are treated as phone numbers.
const PHONE_DIGITS: usize = 5;

/// Phone-like numbers in a text: runs of digits joined by `-`, `.`, spaces or brackets,
/// returned as their digits.
pub fn phone_like(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut pending_sep = false;
    for c in text.chars() {
        if c.is_ascii_digit() {
            cur.push(c);
            pending_sep = false;
        } else if !cur.is_empty() && "-. ()\u{2011}".contains(c) && !pending_sep {
            pending_sep = true;
        } else {
            if cur.len() >= PHONE_DIGITS {
                out.push(std::mem::take(&mut cur));
            }
            cur.clear();
            pending_sep = false;
        }
    }
    if cur.len() >= PHONE_DIGITS {
        out.push(cur);
    }
    out
}

/// Check a compiled scene against the hotline file.
pub fn scene(
    project: &Project,
    design: &Design,
    s: &Scene,
    opts: &crate::layout::Options,
) -> Result<(), Diagnostics> {
    let mut diags = Diagnostics::default();
    let expected = project.hotline.qr_payload(opts.qr.unwrap_or(design.qr));
    let mut allowed = project.hotline.allowed_numbers();
    // The kit's local resources may show their own numbers.
    for r in &opts.resources {
        let d = r.digits();
        allowed.push(
            d.strip_prefix('1')
                .filter(|x| x.len() == 10)
                .unwrap_or(&d)
                .to_string(),
        );
        allowed.push(d);
    }
    // A state notice may show the state's own hotline.
    if let Some(p) = design
        .notice_of
        .as_ref()
        .and_then(|id| project.jurisdictions.get(id))
    {
        allowed.extend(p.allowed_numbers());
    }
    let phone = &project.hotline.phone.display;
    let at = |m: String| design.error(m, None);
    for (i, page) in s.pages.iter().enumerate() {
        let pn = i + 1;
        let qrs: Vec<_> = page
            .items
            .iter()
            .filter_map(|it| if let Item::Qr(q) = it { Some(q) } else { None })
            .collect();
        if qrs.is_empty() {
            diags.push(at(format!(
                "page {pn} of `{}` ({}) has no QR code",
                s.design, s.locale
            )));
        }
        for q in qrs {
            if q.payload != expected {
                diags.push(at(format!(
                    "QR payload `{}` is not the hotline's `{expected}`",
                    q.payload
                )));
            }
            match crate::qr::decode_modules(q, 4) {
                Ok(got) if got == expected => {}
                Ok(got) => diags.push(at(format!(
                    "QR code decodes to `{got}`, expected `{expected}`"
                ))),
                Err(e) => diags.push(at(format!("QR code on page {pn} does not decode: {e}"))),
            }
            if !page.safe.contains(&q.rect) {
                diags.push(at(format!(
                    "QR code on page {pn} reaches outside the safe area"
                )));
            }
        }
        // The safe margin: no text within it, measured on the glyphs' ink, accents and
        // combining marks included (the draft mark, outside, is not a block).
        for b in &page.blocks {
            if !page.safe.contains(&b.rect) || b.ink.is_some_and(|i| !page.safe.contains(&i)) {
                diags.push(at(format!(
                    "text of slot `{}` on page {pn} reaches into the safe margin",
                    b.slot
                )));
            }
        }
        let mut shows_phone = false;
        for b in &page.blocks {
            for p in &b.paragraphs {
                shows_phone |= p.contains(phone.as_str());
                for num in phone_like(p) {
                    if !allowed.contains(&num) {
                        diags.push(
                            Diagnostic::error(format!(
                                "slot `{}` of `{}` ({}) shows the number `{num}`, which is not a hotline number in hotline.toml",
                                b.slot, s.design, s.locale
                            ))
                            .in_file(&design.source.path)
                            .hint("translations must use { $phone } / { $sms } instead of typing numbers"),
                        );
                    }
                }
            }
        }
        if !shows_phone {
            diags.push(at(format!(
                "page {pn} of `{}` ({}) does not show the hotline number {phone}",
                s.design, s.locale
            )));
        }
        for it in &page.items {
            if let Item::Text(r) = it {
                let inside = r.x >= page.trim.x - 0.5 && r.x + r.width() <= page.trim.right() + 0.5;
                if !inside {
                    diags.push(at(format!(
                        "text {:?} on page {pn} runs outside the trim",
                        r.text
                    )));
                }
            }
        }
    }
    if diags.is_empty() { Ok(()) } else { Err(diags) }
}

#[cfg(test)]
mod tests {
    use super::phone_like;

    #[test]
    fn finds_phone_like_numbers() {
        assert_eq!(phone_like("Call 1-888-373-7888 now"), vec!["18883737888"]);
        assert_eq!(phone_like("Text 233733."), vec!["233733"]);
        assert!(phone_like("more than 200 languages, 24/7").is_empty());
        assert_eq!(phone_like("1-888-373-7788"), vec!["18883737788"]);
    }
}
