//! Review documents (the proof's review book, the placement plan): US Letter pages
//! filled top to bottom. [`Flow`] holds the pages and the current position, breaks to a
//! new page when a block does not fit, and turns the pages into [`Page`]s with a
//! footer each; the documents' shared size, colours and [`outline`] live here too.

use crate::base::diag::Diagnostic;
use crate::base::units::Color;
use crate::load::project::Project;
use crate::scene::{Item, Page, Rect, transformed};

/// US Letter, in points: the size of every review document (proof book, plan).
pub const W: f32 = 612.0;
/// US Letter height, in points.
pub const H: f32 = 792.0;
/// Headings and the hotline band.
pub const NAVY: Color = Color::rgb(0x13, 0x29, 0x4b);
/// Secondary text: labels, running heads, footers.
pub const GREY: Color = Color::rgb(0x55, 0x55, 0x55);
/// Rules and table lines.
pub const LIGHT: Color = Color::rgb(0xbb, 0xbb, 0xbb);
/// Drafts and what is missing.
pub const RED: Color = Color::rgb(0xc0, 0x00, 0x00);
/// Approved, ready to post.
pub const GREEN: Color = Color::rgb(0x1b, 0x6e, 0x2e);

/// Pages being filled top to bottom, with a margin all round and room kept for a
/// footer.
#[derive(Debug)]
pub struct Flow {
    /// The pages so far, each a list of items (a white background first).
    pub pages: Vec<Vec<Item>>,
    /// Where the next block goes on the last page.
    pub y: f32,
    /// Margin on every side.
    margin: f32,
    /// Space kept free above the bottom margin (for the footer).
    foot: f32,
    /// A block that does not fit is still placed, without a page break, while the
    /// page holds less than this much (so a tall block never leaves a page empty).
    min_fill: Option<f32>,
}

impl Flow {
    /// No pages yet; `margin` all round, `foot` kept free at the bottom.
    pub fn new(margin: f32, foot: f32) -> Self {
        Self {
            pages: Vec::new(),
            y: margin,
            margin,
            foot,
            min_fill: None,
        }
    }

    /// Break to a new page only when this much of the page is used (see
    /// [`Flow::breaks`]).
    pub fn min_fill(mut self, h: f32) -> Self {
        self.min_fill = Some(h);
        self
    }

    /// The margin all round.
    pub fn margin(&self) -> f32 {
        self.margin
    }

    /// The width between the side margins.
    pub fn width(&self) -> f32 {
        W - 2.0 * self.margin
    }

    /// Start a new page (white) at the top margin.
    pub fn page(&mut self) {
        self.pages.push(vec![Item::Rect {
            rect: Rect::new(0.0, 0.0, W, H),
            color: Color::WHITE,
        }]);
        self.y = self.margin;
    }

    /// The last page's items (a first page is started if there is none).
    pub fn items(&mut self) -> &mut Vec<Item> {
        if self.pages.is_empty() {
            self.page();
        }
        self.pages.last_mut().expect("a page")
    }

    /// Whether a block `h` points tall starts a new page; if so, the page is started
    /// (the caller adds its running head).
    pub fn breaks(&mut self, h: f32) -> bool {
        let full = self.y + h > H - self.margin - self.foot;
        let filled = self.min_fill.is_none_or(|m| self.y > self.margin + m);
        if full && filled {
            self.page();
        }
        full && filled
    }

    /// Put items laid out from y = 0 at the current position, and move down by `h`.
    pub fn place(&mut self, items: &[Item], x: f32, h: f32) {
        let y = self.y;
        self.items().extend(transformed(items, 1.0, x, y));
        self.y += h;
    }

    /// The pages as US Letter [`Page`]s, each with the items `footer` makes for it
    /// (given the page number from 1 and the page count).
    pub fn finish(
        self,
        mut footer: impl FnMut(usize, usize) -> Result<Vec<Item>, Diagnostic>,
    ) -> Result<Vec<Page>, Diagnostic> {
        let total = self.pages.len();
        let m = self.margin;
        let mut pages = Vec::with_capacity(total);
        for (i, mut items) in self.pages.into_iter().enumerate() {
            items.extend(footer(i + 1, total)?);
            pages.push(Page {
                width: W,
                height: H,
                trim: Rect::new(0.0, 0.0, W, H),
                bleed: Rect::new(0.0, 0.0, W, H),
                safe: Rect::new(m, m, W - 2.0 * m, H - 2.0 * m),
                items,
                blocks: Vec::new(),
                marks: Vec::new(),
                cut: None,
                white: None,
            });
        }
        Ok(pages)
    }
}

/// The English (source) catalog, whose fonts set a review document; `what` names the
/// document in the error.
pub fn english<'a>(
    project: &'a Project,
    what: &str,
) -> Result<&'a crate::load::locale::Catalog, Diagnostic> {
    project
        .catalogs
        .values()
        .find(|c| c.info.source)
        .or_else(|| project.catalogs.get("en"))
        .ok_or_else(|| Diagnostic::error(format!("the {what} needs the English (source) catalog")))
}

/// Outline of a rectangle, as four thin bars.
pub fn outline(r: Rect, t: f32, color: Color) -> [Item; 4] {
    [
        Item::Rect {
            rect: Rect::new(r.x, r.y, r.w, t),
            color,
        },
        Item::Rect {
            rect: Rect::new(r.x, r.bottom() - t, r.w, t),
            color,
        },
        Item::Rect {
            rect: Rect::new(r.x, r.y, t, r.h),
            color,
        },
        Item::Rect {
            rect: Rect::new(r.right() - t, r.y, t, r.h),
            color,
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bar(h: f32) -> Vec<Item> {
        vec![Item::Rect {
            rect: Rect::new(0.0, 0.0, 10.0, h),
            color: Color::BLACK,
        }]
    }

    fn bar_top(items: &[Item]) -> f32 {
        match items.last() {
            Some(Item::Rect { rect, .. }) => rect.y,
            other => panic!("expected a bar, found {other:?}"),
        }
    }

    #[test]
    fn blocks_go_down_the_page_then_break() {
        let mut f = Flow::new(40.0, 24.0);
        f.page();
        // Room on a page: 792 - 40 - 24 - 40 = 688 points.
        for _ in 0..3 {
            assert!(!f.breaks(200.0));
            f.place(&bar(200.0), 0.0, 200.0);
        }
        assert_eq!(f.pages.len(), 1);
        assert_eq!(bar_top(&f.pages[0]), 440.0);
        assert!(f.breaks(200.0), "a fourth block does not fit");
        assert_eq!((f.pages.len(), f.y), (2, 40.0));
        f.place(&bar(200.0), 5.0, 200.0);
        assert_eq!(bar_top(&f.pages[1]), 40.0);
        assert_eq!(f.y, 240.0);
    }

    #[test]
    fn min_fill_keeps_a_tall_block_on_a_fresh_page() {
        // Without min_fill a block taller than a page breaks even at the top.
        let mut plain = Flow::new(40.0, 24.0);
        plain.page();
        assert!(plain.breaks(900.0));
        let mut kept = Flow::new(40.0, 24.0).min_fill(40.0);
        kept.page();
        assert!(!kept.breaks(900.0), "nothing above it yet: no empty page");
        kept.y = 81.0;
        assert!(kept.breaks(900.0));
        assert_eq!(kept.pages.len(), 2);
    }

    #[test]
    fn finish_makes_letter_pages_with_a_footer_each() {
        let mut f = Flow::new(42.0, 20.0);
        f.items().extend(bar(10.0));
        f.page();
        let pages = f
            .finish(|page, total| Ok(bar((page * 10 + total) as f32)))
            .unwrap();
        assert_eq!(pages.len(), 2);
        for (i, p) in pages.iter().enumerate() {
            assert_eq!((p.width, p.height), (W, H));
            assert_eq!(p.safe, Rect::new(42.0, 42.0, W - 84.0, H - 84.0));
            // White background first, the footer last.
            assert!(matches!(
                p.items[0],
                Item::Rect {
                    color: Color::WHITE,
                    ..
                }
            ));
            match p.items.last() {
                Some(Item::Rect { rect, .. }) => assert_eq!(rect.h, ((i + 1) * 10 + 2) as f32),
                other => panic!("no footer: {other:?}"),
            }
        }
    }
}
