//! Rules for a piece in two languages (`en+es`), checked on the whole piece; each
//! language's own text is checked by the usual rules, block by block, in its locale.
//!
//! - The number and the QR code are shown once per page: one QR code, one block with
//!   the hotline number.
//! - Every page carries text in both languages.
//! - The first language is read first: each slot shown in both languages has its first
//!   language's block above (stacked) or before, in the first language's reading
//!   direction (side by side), its second language's.
//! - No two text blocks' ink overlaps.
//! - The two languages look different: each slot shown in both languages differs in
//!   weight, colour or largest size between them.

use crate::base::diag::Diagnostics;
use crate::load::locale::Direction;
use crate::load::project::Project;
use crate::load::spec::Design;
use crate::load::spec::bilingual::{Arrange, SECOND, base_name, lang_of};
use crate::scene::{Item, Rect, Scene};

/// Overlap (pt) two blocks' ink may share before it counts (touching glyph boxes).
const OVERLAP_PT: f32 = 0.5;

/// Check a piece in two languages; a piece in one language passes untouched.
pub fn scene(project: &Project, design: &Design, s: &Scene) -> Result<(), Diagnostics> {
    if s.languages.len() < 2 {
        return Ok(());
    }
    let mut d = Diagnostics::default();
    let at = |m: String| design.error(m, None);
    let name = format!("`{}` ({})", s.design, s.locale);
    let phone = project.hotline.phone.display.as_str();
    let arrange = design.bilingual.as_ref().map(|b| b.arrange);
    for (i, page) in s.pages.iter().enumerate() {
        let pn = i + 1;
        let qrs = page
            .items
            .iter()
            .filter(|it| matches!(it, Item::Qr(_)))
            .count();
        if qrs != 1 {
            d.push(at(format!(
                "page {pn} of {name} shows {qrs} QR codes; a piece in two languages shows one"
            )));
        }
        let numbers = page
            .blocks
            .iter()
            .filter(|b| b.paragraphs.iter().any(|p| p.contains(phone)))
            .count();
        if numbers > 1 {
            d.push(at(format!(
                "page {pn} of {name} shows the hotline number in {numbers} places; a piece in two languages shows it once"
            )));
        }
        for lang in 0..2 {
            if !page.blocks.iter().any(|b| lang_of(&b.slot) == lang) {
                d.push(at(format!(
                    "page {pn} of {name} has no text in {}",
                    s.languages[lang].locale
                )));
            }
        }
        for b2 in page.blocks.iter().filter(|b| lang_of(&b.slot) == 1) {
            let base = base_name(&b2.slot);
            let Some(b1) = page.blocks.iter().find(|b| b.slot == base) else {
                continue;
            };
            let (Some(i1), Some(i2)) = (b1.ink, b2.ink) else {
                continue;
            };
            if !first_reads_first(arrange, s.languages[0].direction, i1, i2) {
                d.push(at(format!(
                    "page {pn} of {name}: slot `{base}` reads in {} before {}",
                    s.languages[1].locale, s.languages[0].locale
                )).hint("put the first language's area above (stacked) or before (side by side) the `@2` area in [bilingual]"));
            }
        }
        for (k, a) in page.blocks.iter().enumerate() {
            for b in &page.blocks[k + 1..] {
                if let (Some(x), Some(y)) = (a.ink, b.ink)
                    && overlap(x, y)
                {
                    d.push(at(format!(
                        "page {pn} of {name}: the text of `{}` and `{}` overlaps",
                        a.slot, b.slot
                    )));
                }
            }
        }
    }
    if let Ok(pair) = design.pair(&s.locale) {
        for s2 in pair.slots.iter().filter(|x| lang_of(&x.name) == 1) {
            let Some(s1) = pair.slots.iter().find(|x| x.name == base_name(&s2.name)) else {
                continue;
            };
            let max = |x: &crate::load::spec::Slot| x.size.map(|r| r.max.to_pt(1.0, 0.0));
            if s1.font == s2.font && s1.color == s2.color && max(s1) == max(s2) {
                d.push(
                    at(format!(
                        "{name}: slot `{}` looks the same in both languages",
                        s1.name
                    ))
                    .hint(format!(
                        "give [bilingual.slot.\"{}{SECOND}\"] another weight, colour or size so the languages read apart",
                        s1.name
                    )),
                );
            }
        }
    }
    if d.is_empty() { Ok(()) } else { Err(d) }
}

/// Whether ink `a` (first language) is read before ink `b` (second).
fn first_reads_first(arrange: Option<Arrange>, dir: Direction, a: Rect, b: Rect) -> bool {
    match (arrange, dir) {
        (Some(Arrange::Side), Direction::Ltr) => a.x < b.x,
        (Some(Arrange::Side), Direction::Rtl) => a.right() > b.right(),
        _ => a.y < b.y,
    }
}

/// Whether two ink boxes overlap by more than [`OVERLAP_PT`] both ways.
fn overlap(a: Rect, b: Rect) -> bool {
    let w = a.right().min(b.right()) - a.x.max(b.x);
    let h = a.bottom().min(b.bottom()) - a.y.max(b.y);
    w > OVERLAP_PT && h > OVERLAP_PT
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reading_order_follows_the_arrangement_and_direction() {
        let top = Rect::new(0.0, 0.0, 50.0, 10.0);
        let below = Rect::new(0.0, 20.0, 50.0, 10.0);
        let right = Rect::new(60.0, 0.0, 50.0, 10.0);
        assert!(first_reads_first(
            Some(Arrange::Stacked),
            Direction::Ltr,
            top,
            below
        ));
        assert!(!first_reads_first(
            Some(Arrange::Stacked),
            Direction::Ltr,
            below,
            top
        ));
        assert!(first_reads_first(
            Some(Arrange::Side),
            Direction::Ltr,
            top,
            right
        ));
        assert!(!first_reads_first(
            Some(Arrange::Side),
            Direction::Rtl,
            top,
            right
        ));
        assert!(first_reads_first(
            Some(Arrange::Side),
            Direction::Rtl,
            right,
            top
        ));
    }

    #[test]
    fn touching_boxes_do_not_overlap_crossing_ones_do() {
        let a = Rect::new(0.0, 0.0, 10.0, 10.0);
        assert!(!overlap(a, Rect::new(10.2, 0.0, 10.0, 10.0)));
        assert!(overlap(a, Rect::new(5.0, 5.0, 10.0, 10.0)));
    }
}
