//! One alignment per column: text stacked in one column of a design reads down one edge
//! (or one centre line). A centred subtitle over start-aligned questions makes the eye
//! jump at the very moment a frightened reader has three seconds.

use crate::base::diag::Diagnostics;
use crate::load::project::Project;
use crate::load::spec::{Align, Content, Design, Slot};

/// Whether a slot shows text (a QR code or pictures have no alignment to keep).
/// Text that takes part in a column. A QR caption belongs to its code, not to the
/// text around it, so it keeps the code's alignment.
fn is_text(s: &Slot) -> bool {
    !matches!(
        s.content,
        Content::Qr | Content::QrCaption | Content::Images(_) | Content::ImagePick(_)
    )
}

fn word(a: Align) -> &'static str {
    match a {
        Align::Start => "start-aligned",
        Align::Center => "centred",
        Align::End => "end-aligned",
    }
}

/// Text slots directly above one another (columns overlapping, nothing between) must
/// share one alignment. A band (a slot with a fill) is an element of its own and may
/// centre its text.
pub fn designs(p: &Project, names: &[String]) -> Diagnostics {
    let mut d = Diagnostics::default();
    for design in names.iter().filter_map(|n| p.designs.get(n)) {
        d.extend(design_alignment(design).0);
    }
    d
}

/// The pairs of stacked text slots of one design whose alignments differ.
pub fn design_alignment(design: &Design) -> Diagnostics {
    let mut d = Diagnostics::default();
    let text: Vec<&Slot> = design
        .slots
        .iter()
        .filter(|s| is_text(s) && s.fill.is_none())
        .collect();
    let overlap = |a: &Slot, b: &Slot| a.cols.start < b.cols.end && b.cols.start < a.cols.end;
    // Two slots only read as one column where a page shows both (the cover title of a
    // folded card and the headline inside it never meet).
    let pages = design.hidden.len().max(1);
    let meet = |a: &Slot, b: &Slot| {
        (0..pages).any(|i| design.shows(i, &a.name) && design.shows(i, &b.name))
    };
    for a in &text {
        // The text slot right below `a` in the columns they share, on a page that
        // shows both.
        let below = text
            .iter()
            .filter(|b| b.rows.start >= a.rows.end && overlap(a, b) && meet(a, b))
            .min_by_key(|b| b.rows.start);
        let Some(b) = below else { continue };
        // Something else (a band, a picture) between them breaks the column.
        let between = design.slots.iter().any(|m| {
            meet(a, m)
                && meet(m, b)
                && m.rows.start >= a.rows.end
                && m.rows.end <= b.rows.start
                && overlap(a, m)
                && overlap(m, b)
        });
        if between || a.align == b.align {
            continue;
        }
        d.push(
            design
                .error(
                    format!(
                        "design `{}`: slot `{}` is {} over slot `{}`, which is {}: one column of text keeps one alignment",
                        design.name,
                        a.name,
                        word(a.align),
                        b.name,
                        word(b.align)
                    ),
                    Some(b.span.clone()),
                )
                .hint(format!(
                    "give `{}` and `{}` the same `align`, or set one of them apart (a band with `fill`, or another column)",
                    a.name, b.name
                ))
                .code("alignment"),
        );
    }
    d
}
