//! The placement plan as a US Letter PDF: each design's block with its tick box, the
//! monthly walk-round and a footer on every page, laid out as a [`Scene`] with the
//! project's own text shaping, like the review book.

use super::*;

// The PDF: US Letter (the review book's size and colours), body text 10.5 pt.
const M: f32 = 40.0;
/// Space kept free at the bottom of every page for the footer.
const FOOT: f32 = 24.0;
const BODY: f32 = 10.5;

/// The plan's pages, filled top to bottom.
struct Doc<'a> {
    project: &'a Project,
    en: &'a crate::load::locale::Catalog,
    flow: Flow,
    running: String,
}

impl Doc<'_> {
    fn items(&mut self) -> &mut Vec<Item> {
        self.flow.items()
    }

    /// Room for `h` points; a new page (with the running head) when it does not fit.
    fn need(&mut self, h: f32) -> Result<(), Diagnostic> {
        if self.flow.breaks(h) {
            let t = self.running.clone();
            let (it, th) = self.text(&t, M, self.flow.y, W - 2.0 * M, 10.0, GREY, false)?;
            self.items().extend(it);
            self.flow.y += th + 8.0;
        }
        Ok(())
    }

    /// Wrapped English text at (`x`, `top`); returns the items and the height.
    #[allow(clippy::too_many_arguments)]
    fn text(
        &self,
        text: &str,
        x: f32,
        top: f32,
        w: f32,
        size: f32,
        color: Color,
        bold: bool,
    ) -> Result<(Vec<Item>, f32), Diagnostic> {
        wrapped(self.project, self.en, text, x, top, w, size, color, bold)
    }

    /// A paragraph across the page.
    fn para(&mut self, text: &str, size: f32, color: Color, bold: bool) -> Result<(), Diagnostic> {
        let (it, h) = self.text(text, M, 0.0, W - 2.0 * M, size, color, bold)?;
        self.need(h)?;
        self.flow.place(&it, 0.0, h + size * 0.35);
        Ok(())
    }
}

/// One design's block, laid out from y = 0: the items and the height.
fn block(doc: &Doc, r: &Row, n: usize) -> Result<(Vec<Item>, f32), Diagnostic> {
    let mut items = Vec::new();
    let draft = !r.draft_locales().is_empty();
    let x = M + 30.0;
    let w = W - M - x;
    let key_w = 76.0;
    let mut y = 6.0;
    // The box to tick.
    items.extend(outline(
        Rect::new(M + 2.0, y + 1.0, 17.0, 17.0),
        1.2,
        Color::BLACK,
    ));
    let head = format!("{n}. {}", r.title);
    let (it, h) = doc.text(&head, x, y, w, 13.0, NAVY, true)?;
    items.extend(it);
    y += h;
    let (it, h) = doc.text(
        &format!("design {} \u{00b7} {}", r.design, r.tag()),
        x,
        y,
        w,
        BODY,
        if draft { RED } else { GREEN },
        true,
    )?;
    items.extend(it);
    y += h + 4.0;
    let field = |items: &mut Vec<Item>,
                 y: &mut f32,
                 key: &str,
                 value: &str,
                 color: Color|
     -> Result<(), Diagnostic> {
        let (it, _) = doc.text(key, x, *y, key_w, BODY, GREY, true)?;
        items.extend(it);
        let (it, h) = doc.text(value, x + key_w, *y, w - key_w, BODY, color, false)?;
        items.extend(it);
        *y += h.max(BODY * 1.3) + 2.5;
        Ok(())
    };
    for (k, v) in fields(doc.project, r) {
        let color = if k == "How many:" && r.total.is_none() {
            RED
        } else {
            Color::BLACK
        };
        field(&mut items, &mut y, k, &v, color)?;
    }
    for (i, rv) in r.review.iter().enumerate() {
        let color = if rv.printable { GREEN } else { RED };
        field(
            &mut items,
            &mut y,
            if i == 0 { "Review:" } else { "" },
            &format!("{}: {}", rv.locale, rv.text()),
            color,
        )?;
    }
    y += 4.0;
    field(&mut items, &mut y, "Posted:", SIGN_OFF, Color::BLACK)?;
    y += 4.0;
    if draft {
        // A red bar down the left edge marks a block with drafts.
        items.push(Item::Rect {
            rect: Rect::new(M - 12.0, 4.0, 4.0, y - 8.0),
            color: RED,
        });
    }
    items.push(Item::Rect {
        rect: Rect::new(M, y, W - 2.0 * M, 0.8),
        color: LIGHT,
    });
    Ok((items, y + 6.0))
}

/// The monthly walk-round, laid out from y = 0 as one block (it moves whole to the next
/// page): the heading, what to do, and a row of tick box and sign-off for each month.
fn walk_round(doc: &Doc, plan: &Plan) -> Result<(Vec<Item>, f32), Diagnostic> {
    let mut items = Vec::new();
    let x = M + 30.0;
    let key_w = 76.0;
    let mut y = 10.0;
    let (it, h) = doc.text(WALK_HEAD, M, y, W - 2.0 * M, 13.0, NAVY, true)?;
    items.extend(it);
    y += h + 2.0;
    let (it, h) = doc.text(
        &plan.walk_text(),
        M,
        y,
        W - 2.0 * M,
        BODY,
        Color::BLACK,
        false,
    )?;
    items.extend(it);
    y += h + 6.0;
    for m in 1..=WALK_ROUNDS {
        // The same box to tick and sign-off as a piece's "Posted:" line.
        items.extend(outline(
            Rect::new(M + 2.0, y + 1.0, 17.0, 17.0),
            1.2,
            Color::BLACK,
        ));
        let (it, _) = doc.text(&format!("Month {m}:"), x, y + 3.0, key_w, BODY, GREY, true)?;
        items.extend(it);
        let (it, h) = doc.text(
            SIGN_OFF,
            x + key_w,
            y + 3.0,
            W - M - x - key_w,
            BODY,
            Color::BLACK,
            false,
        )?;
        items.extend(it);
        y += h.max(17.0) + 6.0;
    }
    Ok((items, y + 6.0))
}

/// The plan as a scene of US Letter pages.
pub fn scene(project: &Project, plan: &Plan) -> Result<Scene, Diagnostics> {
    let mut doc = Doc {
        project,
        en: english(project, "plan")?,
        flow: Flow::new(M, FOOT).min_fill(40.0),
        running: format!("Placement checklist: {} (continued)", plan.heading()),
    };
    doc.flow.page();
    first_page_head(&mut doc, plan)?;
    for (i, r) in plan.pieces.iter().enumerate() {
        let (items, h) = block(&doc, r, i + 1)?;
        doc.need(h)?;
        doc.flow.place(&items, 0.0, h);
    }
    let (items, h) = walk_round(&doc, plan)?;
    doc.need(h)?;
    doc.flow.place(&items, 0.0, h);
    let pages = doc
        .flow
        .finish(|page, total| footer(project, plan, page, total))?;
    Ok(Scene::document(
        "plan",
        format!("Placement checklist: {}, {}", plan.heading(), plan.date),
        pages,
        Arc::clone(&project.fonts),
        DocStatus::new("placement checklist", plan.total_pieces, plan.drafts),
    ))
}

/// The first page's head: title, facility, the hotline on a navy band, the draft
/// warning on a red one, how counts work, and a rule above the blocks.
fn first_page_head(doc: &mut Doc, plan: &Plan) -> Result<(), Diagnostic> {
    doc.para("Placement checklist", 22.0, NAVY, true)?;
    doc.para(&plan.heading(), 14.0, Color::BLACK, true)?;
    doc.para(&plan.made_from(), BODY, GREY, false)?;
    doc.flow.y += 4.0;
    // The hotline, on a navy band.
    let line = format!(
        "National Human Trafficking Hotline: call {} \u{00b7} text {}",
        plan.hotline.phone, plan.hotline.sms
    );
    let (it, h) = doc.text(
        &line,
        M + 10.0,
        0.0,
        W - 2.0 * M - 20.0,
        13.0,
        Color::WHITE,
        true,
    )?;
    let top = doc.flow.y;
    doc.items().push(Item::Rect {
        rect: Rect::new(M, top, W - 2.0 * M, h + 14.0),
        color: NAVY,
    });
    doc.items().extend(transformed(&it, 1.0, 0.0, top + 7.0));
    doc.flow.y += h + 22.0;
    if plan.drafts > 0 {
        let (a, ha) = doc.text(
            Plan::DRAFT_BANNER,
            M + 10.0,
            0.0,
            W - 2.0 * M - 20.0,
            13.0,
            Color::WHITE,
            true,
        )?;
        let (b, hb) = doc.text(
            &plan.draft_detail(),
            M + 10.0,
            ha + 4.0,
            W - 2.0 * M - 20.0,
            BODY,
            Color::WHITE,
            false,
        )?;
        let top = doc.flow.y;
        doc.items().push(Item::Rect {
            rect: Rect::new(M, top, W - 2.0 * M, ha + hb + 18.0),
            color: RED,
        });
        doc.items().extend(transformed(&a, 1.0, 0.0, top + 7.0));
        doc.items().extend(transformed(&b, 1.0, 0.0, top + 7.0));
        doc.flow.y += ha + hb + 26.0;
    }
    doc.para(&plan.counts_note(), BODY, Color::BLACK, false)?;
    doc.para(INSTRUCTIONS, BODY, Color::BLACK, true)?;
    doc.flow.y += 4.0;
    let rule_y = doc.flow.y;
    doc.items().push(Item::Rect {
        rect: Rect::new(M, rule_y, W - 2.0 * M, 1.2),
        color: NAVY,
    });
    doc.flow.y += 4.0;
    Ok(())
}

/// The footer of page `page` of `total`: with the facility's name when it fits at full
/// size (`label` shrinks to fit), else without.
fn footer(
    project: &Project,
    plan: &Plan,
    page: usize,
    total: usize,
) -> Result<Vec<Item>, Diagnostic> {
    let tail = format!(
        "placement plan of {} \u{00b7} hotline {} \u{00b7} page {page} of {total}",
        plan.date, plan.hotline.phone
    );
    let footer = |text: &str| {
        label(
            project,
            text,
            M,
            H - M + 10.0,
            10.0,
            W - 2.0 * M,
            GREY,
            false,
        )
    };
    // With the facility's name when it fits at full size (`label` shrinks to fit).
    let mut foot = footer(&format!("{} \u{00b7} {tail}", plan.heading()))?;
    let shrunk = foot
        .iter()
        .any(|it| matches!(it, Item::Text(r) if r.size < 10.0 - 1e-3));
    if shrunk {
        foot = footer(&tail)?;
    }
    Ok(foot)
}

/// The plan as PDF bytes.
pub fn pdf(project: &Project, plan: &Plan) -> Result<Vec<u8>, Diagnostics> {
    let s = scene(project, plan)?;
    crate::export::pdf::export(&s)
        .map_err(|m| Diagnostics::from(Diagnostic::error(format!("placement plan: {m}"))))
}
