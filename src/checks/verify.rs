//! Checks every scene must pass before anything is exported: the QR code decodes to the
//! exact payload, the hotline number is on every page, and no other phone-like number
//! appears anywhere.

use crate::base::diag::{Diagnostic, Diagnostics};
use crate::base::numbers::{Finding, Problem};
use crate::load::project::Project;
use crate::load::spec::Design;
use crate::scene::{Item, Scene};

pub use crate::base::numbers::phone_like;

/// Check a compiled scene against the hotline file.
pub fn scene(
    project: &Project,
    design: &Design,
    s: &Scene,
    opts: &crate::layout::Options,
) -> Result<(), Diagnostics> {
    let mut diags = Diagnostics::default();
    let expected = project.hotline.qr_payload(opts.qr.unwrap_or(design.qr));
    let mut rules = project.hotline.number_rules();
    // The kit's local resources may show their own numbers, unless one imitates the
    // hotline's (the kit file check refuses those too; this is the last line).
    let own: Vec<String> = opts
        .resources
        .iter()
        .flat_map(|r| {
            let d = r.digits();
            let ten = d
                .strip_prefix('1')
                .filter(|x| x.len() == 10)
                .map(str::to_string);
            [Some(d), ten]
        })
        .flatten()
        .collect();
    // So may the facility's staff contacts (their full numbers; extensions are too
    // short to be read as phone numbers).
    let own: Vec<String> = own
        .into_iter()
        .chain(opts.contacts.iter().filter_map(|c| match c.parsed() {
            Some(crate::load::contact::ContactNumber::Phone { digits, .. }) => Some(digits),
            _ => None,
        }))
        .collect();
    let look_alikes = own.iter().any(|d| rules.look_alike(d).is_some());
    if !look_alikes {
        rules.allowed.extend(own);
    }
    // A state notice may show the state's own hotline.
    if let Some(p) = design
        .notice_of
        .as_ref()
        .and_then(|id| project.jurisdictions.get(id))
    {
        rules.allowed.extend(p.allowed_numbers());
    }
    let phone = &project.hotline.phone.display;
    let at = |m: String| design.error(m, None);
    if !s
        .pages
        .iter()
        .any(|p| p.items.iter().any(|it| matches!(it, Item::Qr(_))))
    {
        diags.push(at(format!(
            "`{}` ({}) has no QR code on any page",
            s.design, s.locale
        )));
    }
    for (i, page) in s.pages.iter().enumerate() {
        let pn = i + 1;
        let qrs: Vec<_> = page
            .items
            .iter()
            .filter_map(|it| if let Item::Qr(q) = it { Some(q) } else { None })
            .collect();
        // A slide may leave its QR code out (`hide`, on screen designs only); a printed
        // page never does, and a piece shows one somewhere.
        let hidden = design
            .slots
            .iter()
            .filter(|sl| sl.content == crate::load::spec::Content::Qr)
            .all(|sl| !design.shows(i, &sl.name));
        if qrs.is_empty() && !(hidden && design.qr_pages.is_some()) {
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
            match crate::layout::qr::decode_modules(q, 4) {
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
                    "text of slot `{}` on page {pn} of `{}` ({}) reaches into the safe margin",
                    b.slot, s.design, s.locale
                )));
            }
        }
        let mut shows_phone = false;
        for b in &page.blocks {
            for p in &b.paragraphs {
                shows_phone |= p.contains(phone.as_str());
                for f in rules.check(p) {
                    diags.push(number_error(project, design, s, &b.slot, p, &f));
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
    diags.extend(keep_out(design, s).0);
    if diags.is_empty() { Ok(()) } else { Err(diags) }
}

/// No ink in the design's `keep_out` areas (a badge's hole punch, a card's fold): text
/// measured on its glyphs, pictures and the QR code on their boxes.
pub fn keep_out(design: &Design, s: &Scene) -> Diagnostics {
    let mut diags = Diagnostics::default();
    for (i, page) in s.pages.iter().enumerate() {
        for k in &design.keep_out {
            let [x, y, w, h] = k.rect;
            let area = crate::scene::Rect::new(page.trim.x + x, page.trim.y + y, w, h);
            let hit = |r: &crate::scene::Rect| {
                r.x < area.right()
                    && area.x < r.right()
                    && r.y < area.bottom()
                    && area.y < r.bottom()
            };
            let mut inked: Vec<String> = page
                .blocks
                .iter()
                .filter(|b| b.ink.as_ref().is_some_and(hit))
                .map(|b| format!("the text of slot `{}`", b.slot))
                .collect();
            for it in &page.items {
                match it {
                    Item::Qr(q) if hit(&q.rect) => inked.push("the QR code".into()),
                    Item::Image { rect, image } if hit(rect) => {
                        inked.push(format!("the picture `{}`", image.id))
                    }
                    _ => {}
                }
            }
            for what in inked {
                diags.push(
                    design
                        .error(
                            format!(
                                "{what} on page {} of `{}` ({}) reaches into the {} area",
                                i + 1,
                                s.design,
                                s.locale,
                                k.why
                            ),
                            None,
                        )
                        .hint(format!(
                            "keep_out in the design: nothing may be printed on the {}; give that part of the grid to an empty area (`.`)",
                            k.why
                        )),
                );
            }
        }
    }
    diags
}

/// The error for a number a piece must not show. It names the catalog message the
/// number comes from where one of the piece's messages holds it, the design otherwise.
fn number_error(
    project: &Project,
    design: &Design,
    s: &Scene,
    slot: &str,
    paragraph: &str,
    f: &Finding,
) -> Diagnostic {
    let shown = crate::base::numbers::escape_invisible(&paragraph[f.span.clone()]);
    let what = match &f.problem {
        Problem::LookAlike(of) => {
            format!("`{shown}`, a look-alike of the hotline number {of} (one digit differs)")
        }
        Problem::Native | Problem::Typed(_) => {
            format!("the hotline number `{shown}` typed in another script's digits")
        }
        Problem::Unknown => {
            format!("the number `{shown}`, which is not a hotline number in hotline.toml")
        }
    };
    let msg = format!(
        "slot `{slot}` of `{}` ({}) shows {what}",
        s.design, s.locale
    );
    let cat = project.catalogs.get(&s.locale);
    let from = cat.and_then(|c| {
        s.messages
            .iter()
            .find(|id| {
                c.messages
                    .get(*id)
                    .is_some_and(|t| t.contains(&paragraph[f.span.clone()]))
            })
            .map(|id| (c, id))
    });
    let d = match from {
        Some((c, id)) => {
            Diagnostic::error(format!("{msg} (message `{id}`)")).at(&c.source, c.span_of(id))
        }
        None => Diagnostic::error(msg).in_file(&design.source.path),
    };
    d.hint("translations must use { $phone } / { $sms } instead of typing numbers")
        .hint("a local number belongs in kit.toml [[resource]]; the hotline's numbers come only from hotline.toml")
}
