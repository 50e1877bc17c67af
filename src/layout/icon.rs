//! An icon before a slot's text (`icon = "phone"` beside the call verb, `"message"`
//! beside the text verb): drawn in the text's colour, as tall as the first line's
//! capitals, before it in reading order (on its left in a left-to-right locale, on its
//! right in a right-to-left one; the glyph itself is never mirrored). It goes into the
//! display list as a picture the exporters just draw.

use crate::base::diag::Diagnostics;
use crate::base::units::Length;
use crate::load::spec::{Align, SizeRange};
use crate::scene::{Item, Rect, TextBlock};

/// The icon's drawn box per unit of cap height: the icons' artwork fills 20 of their 24
/// units, so its ink is as tall as the capitals.
pub const BOX_PER_CAP: f32 = 1.2;
/// Space between the icon and the text, in em of the text's size.
pub const GAP_EM: f32 = 0.3;
use crate::load::fonts::cap_em;

impl super::SlotCtx<'_> {
    /// Lay out the text in the slot less the room for the icon on its reading-start
    /// side, then draw the icon before the first line.
    pub(super) fn text_with_icon(
        &self,
        id: &str,
        texts: Vec<String>,
        bullets: bool,
        items: &mut Vec<Item>,
        blocks: &mut Vec<TextBlock>,
    ) -> Result<(), Diagnostics> {
        let icon = self.project.icons.get(id).ok_or_else(|| {
            self.err(format!(
                "{} asks for icon `{id}`, which is not in designs/imagery/icons/icons.toml",
                self.where_()
            ))
            .hint(format!(
                "icons: {}",
                self.project
                    .icons
                    .keys()
                    .map(String::as_str)
                    .collect::<Vec<_>>()
                    .join(", ")
            ))
        })?;
        let chain = self.project.chain(self.cat, self.slot.font);
        let cap = cap_em(&*self.project.fonts.face(chain.fonts[0])?);
        let px = self.design.px_pt();
        let Some(range) = self.slot.size else {
            return self.text_plain(texts, bullets, items, blocks);
        };
        let (min, max) = (range.min.to_pt(px, 0.0), range.max.to_pt(px, 0.0));
        // The room the icon takes depends on the size the text gets: the largest size
        // whose text fits beside the icon drawn at that size (to 0.1 pt).
        let at = |s: f32, items: &mut Vec<Item>, blocks: &mut Vec<TextBlock>| {
            let reserve = (cap * BOX_PER_CAP + GAP_EM) * s;
            let narrow = |r: Rect| {
                let w = (r.w - reserve).max(0.0);
                if self.rtl {
                    Rect::new(r.x, r.y, w, r.h)
                } else {
                    Rect::new(r.right() - w, r.y, w, r.h)
                }
            };
            let mut slot = self.slot.clone();
            slot.size = Some(SizeRange {
                min: range.min,
                max: Length::Pt(s),
            });
            let inner = super::SlotCtx {
                project: self.project,
                design: self.design,
                cat: self.cat,
                slot: &slot,
                rect: narrow(self.rect),
                bounds: narrow(self.bounds),
                rtl: self.rtl,
                page: self.page,
                short: Default::default(),
            };
            let res = inner.text_plain(texts.clone(), bullets, items, blocks);
            self.short.set(inner.short.get());
            res
        };
        let fits = |s: f32| at(s, &mut Vec::new(), &mut Vec::new()).is_ok();
        let mut best = max;
        if !fits(max) {
            let (mut lo, mut hi) = (min, max);
            while hi - lo > 0.1 {
                let mid = (lo + hi) / 2.0;
                if fits(mid) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            best = lo;
        }
        let (i0, b0) = (items.len(), blocks.len());
        at(best, items, blocks)?;
        let Some(block) = blocks.get_mut(b0) else {
            return Ok(());
        };
        // The text may be set smaller than the size the room was kept for (its row's
        // height limits it): it moves back toward the start by the room not needed, so
        // the icon keeps its gap and a start-aligned icon stays on the column's edge.
        let need = (cap * BOX_PER_CAP + GAP_EM) * block.size;
        let spare = ((cap * BOX_PER_CAP + GAP_EM) * best - need).max(0.0);
        let share = match self.slot.align {
            Align::Start => 1.0,
            Align::Center => 0.5,
            Align::End => 0.0,
        };
        let dx = spare * share * if self.rtl { 1.0 } else { -1.0 };
        if dx != 0.0 {
            for it in &mut items[i0..] {
                if let Item::Text(r) = it {
                    r.x += dx;
                }
            }
            block.ink = block.ink.map(|i| Rect::new(i.x + dx, i.y, i.w, i.h));
        }
        let runs: Vec<_> = items[i0..]
            .iter()
            .filter_map(|it| match it {
                Item::Text(r) => Some(r),
                _ => None,
            })
            .collect();
        let Some(base) = runs.iter().map(|r| r.y).reduce(f32::min) else {
            return Ok(());
        };
        let first = runs.iter().filter(|r| (r.y - base).abs() < 0.01);
        let left = first.clone().map(|r| r.x).fold(f32::INFINITY, f32::min);
        let right = first
            .map(|r| r.x + r.width())
            .fold(f32::NEG_INFINITY, f32::max);
        let (capt, gap) = (cap * block.size, GAP_EM * block.size);
        let side = capt * BOX_PER_CAP;
        let x = if self.rtl {
            right + gap
        } else {
            left - gap - side
        };
        let rect = Rect::new(x, base - capt / 2.0 - side / 2.0, side, side);
        let image = icon.colored(self.slot.color)?;
        items.push(Item::Image { rect, image });
        block.ink = Some(block.ink.map_or(rect, |i| super::rect_union(i, rect)));
        block.rect = self.rect;
        Ok(())
    }
}
