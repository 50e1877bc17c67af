//! Press colour, measured on laid-out print pieces: text set under 12 pt and QR codes
//! print in black ink alone (in more than one ink, a plate slightly out of register
//! blurs them); no fill puts more than [`MAX_INK`] percent of ink on the sheet; every
//! colour has print values, or is a grey that black ink prints (otherwise the press
//! converts it by formula, and navy drifts).

use std::collections::BTreeSet;

use crate::base::diag::{Diagnostic, Diagnostics};
use crate::base::units::Color;
use crate::load::spec::{Design, MAX_INK, Medium};
use crate::scene::{Item, QR_INK, Scene};

/// Text under this size (points) prints in black ink alone.
pub const K_ONLY_BELOW: f32 = 12.0;

/// The press-colour rules on one laid-out piece. Screen pieces have none.
pub fn piece(design: &Design, s: &Scene) -> Diagnostics {
    let mut d = Diagnostics::default();
    if s.medium != Medium::Print {
        return d;
    }
    let mut seen_slots = BTreeSet::new();
    let mut seen_fills = BTreeSet::new();
    let mut qr_told = false;
    for (pi, page) in s.pages.iter().enumerate() {
        let page_no = s.page_label(pi);
        for b in &page.blocks {
            if b.size + 0.01 < K_ONLY_BELOW
                && b.color.ink_count() > 1
                && seen_slots.insert(b.slot.clone())
            {
                d.push(
                    design
                        .error(
                            format!(
                                "slot `{}` of `{}` ({}{page_no}) is set at {:.1} pt in {} ({}): text under {K_ONLY_BELOW} pt must print in black ink alone, or it blurs when the plates are out of register",
                                b.slot,
                                s.design,
                                s.locale,
                                b.size,
                                b.color.hex(),
                                b.color.ink_text()
                            ),
                            design.slot_span(&b.slot),
                        )
                        .hint(format!(
                            "give the slot's colour black-only print values: color = {{ rgb = \"{}\", cmyk = [0, 0, 0, 100] }}",
                            b.color.hex()
                        ))
                        .code("ink-small-text"),
                );
            }
        }
        for item in &page.items {
            let color = match item {
                Item::Rect { color, .. } => *color,
                Item::Text(run) => run.color,
                Item::Qr(_) => {
                    if QR_INK.ink_count() > 1 && !qr_told {
                        qr_told = true;
                        d.push(
                            design
                                .error(
                                    format!(
                                        "the QR code of `{}` ({}) prints its modules in {}: a code in more than one ink may not scan when the plates are out of register",
                                        s.design,
                                        s.locale,
                                        QR_INK.ink_text()
                                    ),
                                    None,
                                )
                                .code("ink-qr"),
                        );
                    }
                    continue;
                }
                Item::Image { .. } => continue,
            };
            if color.ink_total() > MAX_INK && seen_fills.insert(color) {
                d.push(
                    design
                        .error(
                            format!(
                                "`{}` ({}{page_no}) fills with {} ({}): {}% ink, more than the {MAX_INK}% a press carries (it does not dry and sets off)",
                                s.design,
                                s.locale,
                                color.hex(),
                                color.ink_text(),
                                color.ink_total()
                            ),
                            None,
                        )
                        .hint("lower the colour's print values (cmyk = [...]) to 300% in all, e.g. a rich black of [60, 40, 40, 100]")
                        .code("ink-coverage"),
                );
            }
        }
    }
    d
}

/// The design's colours that have no print values and are not greys: the press
/// converts them by formula. One warning per colour, naming where it is used.
pub fn design(design: &Design) -> Diagnostics {
    let mut d = Diagnostics::default();
    if design.medium != Medium::Print {
        return d;
    }
    let mut uses: Vec<(Color, String, Option<std::ops::Range<usize>>)> =
        vec![(design.background, "the background".into(), None)];
    for slot in &design.slots {
        uses.push((
            slot.color,
            format!("slot `{}`", slot.name),
            Some(slot.span.clone()),
        ));
        if let Some(f) = slot.fill {
            uses.push((
                f,
                format!("slot `{}` (fill)", slot.name),
                Some(slot.span.clone()),
            ));
        }
    }
    let mut told = BTreeSet::new();
    for (c, what, span) in uses {
        if !c.has_print_values() && told.insert(c) {
            d.push(
                Diagnostic::warning(format!(
                    "{what} of `{}` is {} with no print values: a CMYK build converts it by formula ({}), and colours drift on press",
                    design.name,
                    c.hex(),
                    c.ink_text()
                ))
                .at(&design.source, span)
                .hint(format!(
                    "give the print shop's values: color = {{ rgb = \"{}\", cmyk = [C, M, Y, K] }}",
                    c.hex()
                ))
                .code("print-values"),
            );
        }
    }
    d
}
