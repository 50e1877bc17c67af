//! The number leads: a QR code never outweighs the phone number. On posters and slides
//! the QR code is no taller than the number's block (see [`number_block`]); on slides
//! it shows on at most the design's `qr_pages` slides.

use crate::base::diag::Diagnostics;
use crate::base::numbers;
use crate::load::hotline::HotlineField;
use crate::load::project::Project;
use crate::load::spec::{Content, Design, Kind, Medium};
use crate::scene::{Item, Page, Rect, Scene};

/// The message of the call verb ("Call the hotline"), counted in the number's block.
pub const CALL_VERB: &str = "call-label";
/// Messages that lead into the number as the call verb does, counted in its block too:
/// on staff pieces, "The hotline also advises staff:".
pub const CALL_VERBS: &[&str] = &[CALL_VERB, "staff-consult"];

/// Whether a slot's content is a call verb (see [`CALL_VERBS`]).
fn is_call_verb(c: &Content) -> bool {
    matches!(c, Content::Text(id) if CALL_VERBS.contains(&id.as_str()))
}

/// Both rules on one piece. The size rule holds on the pieces read from afar, where
/// the QR code sits beside the number: posters and slides. (On a 3-inch sticker or a
/// wallet card the smallest QR code that scans is taller than the number's capitals.)
pub fn piece(p: &Project, design: &Design, s: &Scene) -> Diagnostics {
    let mut d = Diagnostics::default();
    d.extend(pages(design, s).0);
    if !matches!(design.kind, Kind::Poster | Kind::Slides) {
        return d;
    }
    let phone = numbers::digits(p.hotline.display(HotlineField::Phone));
    for (pi, page) in s.pages.iter().enumerate() {
        d.extend(size(design, s, pi, page, &phone).0);
    }
    d
}

/// The number's block on a page: the union of the inked boxes of the text blocks that
/// show the phone number and of the call verb's block (the slot showing [`CALL_VERB`]),
/// where the design has one. `None` when the page shows no number.
pub fn number_block(design: &Design, page: &Page, phone_digits: &str) -> Option<Rect> {
    let call_verb = |slot: &str| {
        design
            .slots
            .iter()
            .any(|s| s.name == slot && is_call_verb(&s.content))
    };
    let mut found = false;
    let rect = page
        .blocks
        .iter()
        .filter(|b| {
            let number = b.paragraphs.iter().any(|t| numbers::shows(t, phone_digits));
            found |= number;
            number || call_verb(&b.slot)
        })
        .map(|b| b.ink.unwrap_or(b.rect))
        .reduce(union)?;
    found.then_some(rect)
}

fn union(a: Rect, b: Rect) -> Rect {
    let (x, y) = (a.x.min(b.x), a.y.min(b.y));
    Rect::new(
        x,
        y,
        a.right().max(b.right()) - x,
        a.bottom().max(b.bottom()) - y,
    )
}

/// Millimetres per unit of the piece, and the unit's name.
fn unit(design: &Design) -> (f32, &'static str) {
    match design.medium {
        Medium::Print => (design.mm_per_pt(), "mm"),
        Medium::Screen => (1.0, "px"),
    }
}

/// Every QR code on the page no taller (and no wider) than the number's block: the
/// square it takes, quiet zone included, since that is the box the eye sees.
fn size(design: &Design, s: &Scene, pi: usize, page: &Page, phone: &str) -> Diagnostics {
    let mut d = Diagnostics::default();
    let Some(block) = number_block(design, page, phone) else {
        return d;
    };
    let (k, u) = unit(design);
    for it in &page.items {
        let Item::Qr(q) = it else { continue };
        let side = q.rect.w.max(q.rect.h);
        if side <= block.h + 0.01 && side <= block.w + 0.01 {
            continue;
        }
        let page_name = s.page_label(pi);
        let slot = design
            .slots
            .iter()
            .find(|sl| sl.content == Content::Qr)
            .map(|sl| sl.name.clone());
        d.push(
            design
                .error(
                    format!(
                        "the QR code of `{}` ({}{page_name}) is {:.1} {u} square, larger than the number's block ({:.1} x {:.1} {u}: the number{} as inked); the number leads",
                        s.design,
                        s.locale,
                        side * k,
                        block.w * k,
                        block.h * k,
                        if has_call_verb(design) { " and the call verb over it" } else { "" },
                    ),
                    slot.and_then(|n| design.slot_span(&n)),
                )
                .hint(format!(
                    "make the QR code's area at most {:.1} {u} on a side (a narrower QR column or a shorter row), or give the number's rows more height",
                    block.h.min(block.w) * k
                ))
                .code("qr-size"),
        );
    }
    d
}

fn has_call_verb(design: &Design) -> bool {
    design.slots.iter().any(|s| is_call_verb(&s.content))
}

/// Slides: the QR code on at most `qr_pages` of them.
fn pages(design: &Design, s: &Scene) -> Diagnostics {
    let mut d = Diagnostics::default();
    let Some(most) = design.qr_pages else {
        return d;
    };
    let with: Vec<usize> = s
        .pages
        .iter()
        .enumerate()
        .filter(|(_, p)| p.items.iter().any(|it| matches!(it, Item::Qr(_))))
        .map(|(i, _)| i + 1)
        .collect();
    if with.len() > most {
        let list = with
            .iter()
            .map(usize::to_string)
            .collect::<Vec<_>>()
            .join(", ");
        d.push(
            design
                .error(
                    format!(
                        "the QR code of `{}` ({}) shows on {} slides ({list}); the design allows it on {most} (`qr_pages`): from across a room nobody scans it, and a QR box on every slide draws the eye from the number",
                        s.design,
                        s.locale,
                        with.len()
                    ),
                    None,
                )
                .hint("hide the QR code and its caption on the other slides: `hide = [\"qr\", \"caption\"]` in their [[page]]")
                .code("qr-pages"),
        );
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn union_covers_both() {
        let u = union(Rect::new(0.0, 0.0, 1.0, 1.0), Rect::new(2.0, 3.0, 1.0, 1.0));
        assert_eq!(u, Rect::new(0.0, 0.0, 3.0, 4.0));
    }
}
