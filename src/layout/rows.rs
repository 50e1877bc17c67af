//! Rows that close up to their ink (`ink_gap = "0.2in"` in `[layout]`), so the space
//! between two blocks of text is measured between what is printed, not between line
//! boxes, and is the same in every language.
//!
//! The page is laid out once on the design's grid. Then every share row that holds
//! only single-row text (no band, no picture, no QR code) shrinks to the height of the
//! ink of its text; the space it gives up goes to the other share rows (the pictures),
//! in proportion, or is split above and below the text when there are none. Text in a
//! closed row is moved so its ink starts at the row's top edge: two closed rows are
//! then exactly `ink_gap` apart, ink to ink, in English, Arabic or Chinese alike; a
//! closed row and its other neighbours keep at least that much too.

use crate::load::spec::{Content, Design, Track};
use crate::scene::{Rect, TextBlock};

/// What a slot put on the page in the first pass.
pub struct Laid {
    /// Index of the slot in the design.
    pub slot: usize,
    /// Its items.
    pub items: std::ops::Range<usize>,
    /// Its text blocks.
    pub blocks: std::ops::Range<usize>,
}

/// Whether a slot's content is text, which moves by its ink and may close up. A QR
/// code's caption is text too: in a row of its own under the code it closes up like
/// any other, so a caption of two lines does not eat the space below it.
pub fn is_text(c: &Content) -> bool {
    closes(c)
}

fn closes(c: &Content) -> bool {
    !matches!(c, Content::Qr | Content::Images(_) | Content::ImagePick(_))
}

/// New row tracks, `(position, size)` from the top of the grid, for the rows of one page.
/// `rows` are the first pass's tracks, `live` whether each row takes part (collapsed
/// rows keep no space and no gap), `tracks` the page's row tracks (a `[[page]]` may
/// give its own).
#[allow(clippy::too_many_arguments)]
pub fn close_up(
    design: &Design,
    tracks: &[Track],
    rows: &[(f32, f32)],
    live: &[bool],
    laid: &[Laid],
    blocks: &[TextBlock],
    gap: f32,
    ink_gap: f32,
) -> Vec<(f32, f32)> {
    let n = rows.len();
    let mut auto: Vec<Option<f32>> = vec![None; n];
    for r in 0..n {
        if !live[r] || !matches!(tracks.get(r), Some(Track::Share(_))) {
            continue;
        }
        let over: Vec<&Laid> = laid
            .iter()
            .filter(|l| design.slots[l.slot].rows.contains(&r))
            .collect();
        // Only single-row text closes a row; a QR code spanning it and other rows is
        // drawn again in the rows it keeps (a text lockup beside its code).
        let text = |l: &&&Laid| {
            let s = &design.slots[l.slot];
            s.rows == (r..r + 1) && s.fill.is_none() && closes(&s.content)
        };
        let spanning_qr = |l: &&Laid| {
            let s = &design.slots[l.slot];
            s.content == Content::Qr && s.rows.len() > 1
        };
        let ok = over.iter().any(|l| text(&l)) && over.iter().all(|l| text(&l) || spanning_qr(l));
        if !ok {
            continue;
        }
        let ink = over
            .iter()
            .filter(|l| text(l))
            .flat_map(|l| blocks[l.blocks.clone()].iter())
            .filter_map(|b| b.ink)
            .map(|i| i.h)
            .reduce(f32::max);
        auto[r] = ink;
    }
    // The gap after each live row: `ink_gap` next to a closed row, else the grid's.
    let next_live = |r: usize| (r + 1..n).find(|&x| live[x]);
    let after: Vec<f32> = (0..n)
        .map(|r| match next_live(r) {
            Some(x) if live[r] && (auto[r].is_some() || auto[x].is_some()) => ink_gap,
            Some(_) if live[r] => gap,
            _ => 0.0,
        })
        .collect();
    let extra: f32 = after
        .iter()
        .enumerate()
        .filter(|(r, _)| live[*r] && next_live(*r).is_some())
        .map(|(_, g)| g - gap)
        .sum();
    let saved: f32 = (0..n)
        .filter_map(|r| auto[r].map(|h| rows[r].1 - h))
        .sum::<f32>();
    // Where the ink saves less than the wider gaps take (long text that filled its
    // rows), the gaps next to closed rows narrow alike, so the page never overflows.
    let (after, extra) = if extra > saved && extra > 0.0 {
        let k = (saved / extra).max(0.0);
        let after = after.iter().map(|g| gap + (g - gap) * k).collect();
        (after, extra * k)
    } else {
        (after, extra)
    };
    let freed = saved - extra;
    // The rows that take the space freed: share rows with a picture in them (a row a
    // QR code alone spans keeps its size: the code does not grow with the space).
    let only_qr = |r: usize| {
        laid.iter()
            .filter(|l| design.slots[l.slot].rows.contains(&r))
            .all(|l| design.slots[l.slot].content == Content::Qr)
    };
    let springs: Vec<usize> = (0..n)
        .filter(|&r| {
            live[r]
                && auto[r].is_none()
                && !only_qr(r)
                && matches!(tracks.get(r), Some(Track::Share(_)))
        })
        .collect();
    let spring_total: f32 = springs.iter().map(|&r| rows[r].1).sum();
    // With no picture to take the space, the text stays centred on the page: half the
    // space freed goes above it, half below. A design with keep-out areas (a fold, a
    // hole punch) is anchored to them instead: its rows keep their places from the top,
    // and the space freed stays at the bottom, so nothing slides into the fold.
    let mut pos = if spring_total > 0.0 || !design.keep_out.is_empty() {
        0.0
    } else {
        freed.max(0.0) / 2.0
    };
    (0..n)
        .map(|r| {
            if !live[r] {
                return (pos, 0.0);
            }
            let size = match auto[r] {
                Some(h) => h,
                None if springs.contains(&r) && spring_total > 0.0 => {
                    rows[r].1 + freed * rows[r].1 / spring_total
                }
                None => rows[r].1,
            };
            let t = (pos, size);
            pos += size + after[r];
            t
        })
        .collect()
}

/// The row tracks of a page whose rows `extra` (row index to points) need that much
/// more than their share `t` gave them: those rows fixed at their new height, the room
/// taken first from share rows of pictures (they take back what the text leaves once it
/// closes up), then, through the shares, from the other share rows.
pub fn grown(
    design: &Design,
    own: &[Track],
    t: &[(f32, f32)],
    collapsed: &[bool],
    extra: &std::collections::BTreeMap<usize, f32>,
) -> Vec<Track> {
    let pictures = |r: usize| {
        let mut over = design
            .slots
            .iter()
            .filter(|s| s.rows.contains(&r))
            .peekable();
        over.peek().is_some()
            && over.all(|s| matches!(s.content, Content::Images(_) | Content::ImagePick(_)))
    };
    let mut owed: f32 = extra.values().sum();
    let pt = crate::base::units::Length::Pt;
    own.iter()
        .enumerate()
        .map(|(r, tr)| match extra.get(&r) {
            Some(e) => Track::Fixed(pt(t[r].1 + e)),
            None if pictures(r) && !collapsed[r] && matches!(tr, Track::Share(_)) => {
                let give = owed.min(t[r].1);
                owed -= give;
                Track::Fixed(pt(t[r].1 - give))
            }
            None => *tr,
        })
        .collect()
}

/// Whether a row closed up (its text moves so its ink starts at the row's top). A
/// row that grew took space as a spring: its text keeps its `valign`.
pub fn closed(
    design: &Design,
    tracks: &[Track],
    slot: usize,
    old: &[(f32, f32)],
    new: &[(f32, f32)],
) -> bool {
    let s = &design.slots[slot];
    s.rows.len() == 1
        && s.fill.is_none()
        && closes(&s.content)
        && matches!(tracks.get(s.rows.start), Some(Track::Share(_)))
        && old[s.rows.start].1 - new[s.rows.start].1 > 1e-4
}

/// A text block moved down by `dy`.
pub fn shifted_block(b: &TextBlock, dy: f32) -> TextBlock {
    let mut b = b.clone();
    b.rect = Rect::new(b.rect.x, b.rect.y + dy, b.rect.w, b.rect.h);
    b.ink = b.ink.map(|i| Rect::new(i.x, i.y + dy, i.w, i.h));
    b
}
