//! The PDF review book of a proof packet: a cover saying what to look for, then each
//! piece at a readable size with its label (design, locale, size, status, content hash),
//! its strings with the English gloss beside each translated line, the illustrations
//! with their tags, and a box for written comments. US Letter, made as a [`Scene`] and
//! written by the same PDF exporter as the pieces.

use std::sync::Arc;

use super::{Piece, Proof};
use crate::base::diag::{Diagnostic, Diagnostics};
use crate::base::units::Color;
use crate::layout::{label, wrapped};
use crate::load::project::Project;
use crate::load::spec::Medium;
use crate::products::pageflow::{Flow, GREEN, GREY, H, LIGHT, NAVY, RED, W, english, outline};
use crate::scene::{DocStatus, Item, Rect, Scene, transformed};

const M: f32 = 42.0;
/// Space kept free at the bottom of every page for the footer.
const FOOT: f32 = 20.0;
const AMBER: Color = Color::rgb(0x9a, 0x5b, 0x00);

/// The review book's pages, filled top to bottom.
struct Book<'a> {
    project: &'a Project,
    flow: Flow,
    /// Header repeated on continuation pages.
    running: String,
}

impl<'a> Book<'a> {
    fn new(project: &'a Project) -> Self {
        Self {
            project,
            flow: Flow::new(M, FOOT),
            running: String::new(),
        }
    }

    fn page(&mut self) {
        self.flow.page();
    }

    fn items(&mut self) -> &mut Vec<Item> {
        self.flow.items()
    }

    /// Make room for `h` points, starting a continuation page if needed.
    fn need(&mut self, h: f32) -> Result<(), Diagnostic> {
        if self.flow.breaks(h) {
            let t = format!("{} (continued)", self.running);
            self.line(&t, 9.0, GREY, false)?;
            self.flow.y += 4.0;
        }
        Ok(())
    }

    /// One line of English at the current position.
    fn line(&mut self, text: &str, size: f32, color: Color, bold: bool) -> Result<(), Diagnostic> {
        let y = self.flow.y + size;
        let it = label(self.project, text, M, y, size, W - 2.0 * M, color, bold)?;
        self.items().extend(it);
        self.flow.y += size * 1.45;
        Ok(())
    }

    /// English text wrapped to the page width.
    fn para(&mut self, text: &str, size: f32, color: Color) -> Result<(), Diagnostic> {
        let en = self.english()?;
        let (it, h) = wrapped(
            self.project,
            en,
            text,
            M,
            0.0,
            W - 2.0 * M,
            size,
            color,
            false,
        )?;
        self.need(h)?;
        self.flow.place(&it, 0.0, h + size * 0.3);
        Ok(())
    }

    fn english(&self) -> Result<&'a crate::load::locale::Catalog, Diagnostic> {
        english(self.project, "review book")
    }

    fn rule(&mut self, color: Color) {
        let y = self.flow.y;
        self.items().push(Item::Rect {
            rect: Rect::new(M, y, W - 2.0 * M, 0.6),
            color,
        });
        self.flow.y += 6.0;
    }
}

/// Move items down by `dy` (and right by `dx`).
fn shift(items: Vec<Item>, dx: f32, dy: f32) -> Vec<Item> {
    transformed(&items, 1.0, dx, dy)
}

fn status_color(p: &Piece) -> Color {
    match p.status.as_str() {
        "approved" if !p.status_text.starts_with("DRAFT") => GREEN,
        "changed" | "approved" => AMBER,
        _ => RED,
    }
}

fn short(hash: &str) -> &str {
    let h = hash.strip_prefix("sha256:").unwrap_or(hash);
    &h[..h.len().min(12)]
}

fn cover(b: &mut Book, proof: &Proof) -> Result<(), Diagnostic> {
    b.page();
    b.line("Proof for the survivor advisory board", 22.0, NAVY, true)?;
    b.line(
        &format!(
            "{}, made {} by hotline-kit: {} pieces",
            proof.kit,
            proof.date,
            proof.pieces.len()
        ),
        11.0,
        GREY,
        false,
    )?;
    let count = |s: &str| proof.pieces.iter().filter(|p| p.status == s).count();
    b.line(
        &format!(
            "Approved: {}   Draft (not approved): {}   Changed since approval: {}",
            count("approved"),
            count("draft"),
            count("changed")
        ),
        11.0,
        NAVY,
        true,
    )?;
    b.flow.y += 8.0;
    b.line("What to look for on every piece", 14.0, NAVY, true)?;
    let h = &b.project.hotline;
    let phone = h.phone.display.clone();
    let sms = h.sms.display.clone();
    for item in [
        format!(
            "\u{2022} The hotline number {phone} and \"text {sms}\" are on it, exactly, and large enough to read."
        ),
        "\u{2022} Scan the QR code with a phone camera: it should offer to call the hotline. It carries no tracking.".to_string(),
        "\u{2022} The words ask about experiences (\"Can you leave your job?\"), not labels such as \"victim\".".to_string(),
        "\u{2022} The people shown are diverse and shown with dignity. Nothing is sensational: no chains, bruises, ropes or hands over mouths.".to_string(),
        "\u{2022} Translations: the English gloss beside each line says what the translation means. Does it say the same thing, plainly and kindly? Ask a native speaker where unsure.".to_string(),
        "\u{2022} Would someone who may be trafficked feel safe reading this, alone, in a restroom or waiting room?".to_string(),
    ] {
        b.para(&item, 10.5, Color::BLACK)?;
    }
    b.flow.y += 6.0;
    b.para(
        "A piece marked DRAFT is not approved for print. Write your comments in the box after each piece. Approvals are recorded with `hotline-kit approve DESIGN --locale CODE --by NAME` and are bound to the exact content shown here (the content hash): if anything changes later, the piece becomes a draft again.",
        10.0,
        GREY,
    )?;
    b.flow.y += 8.0;
    b.line("Pieces in this proof", 14.0, NAVY, true)?;
    for p in &proof.pieces {
        b.need(14.0)?;
        let y = b.flow.y + 9.5;
        let text = format!("{} \u{2013} {} ({})", p.title, p.locale_name, p.locale);
        let it = label(b.project, &text, M, y, 9.5, 360.0, Color::BLACK, false)?;
        b.items().extend(it);
        let st = format!("{}  {}", p.status.to_uppercase(), short(&p.hash));
        let it = label(
            b.project,
            &st,
            M + 380.0,
            y,
            9.5,
            150.0,
            status_color(p),
            true,
        )?;
        b.items().extend(it);
        b.flow.y += 14.0;
    }
    Ok(())
}

/// One piece: its label and status, the piece itself, its text with glosses, its
/// illustrations and a box for comments.
fn piece(b: &mut Book, p: &Piece) -> Result<(), Diagnostic> {
    piece_label(b, p)?;
    thumbnails(b, p)?;
    strings(b, p)?;
    illustrations(b, p)?;
    comments(b)
}

/// The piece's heading: title, native name, design, size, content hash, audience and
/// status.
fn piece_label(b: &mut Book, p: &Piece) -> Result<(), Diagnostic> {
    let project = b.project;
    b.page();
    b.running = format!("{} \u{2013} {} ({})", p.title, p.locale_name, p.locale);
    let head = b.running.clone();
    b.line(&head, 15.0, NAVY, true)?;
    // The native name of each language, in its own script.
    for code in crate::load::spec::bilingual::locales_of(&p.locale) {
        let cat = project.catalog(code)?;
        let (it, h) = wrapped(
            project,
            cat,
            &cat.info.native,
            M,
            b.flow.y,
            W - 2.0 * M,
            10.0,
            GREY,
            false,
        )?;
        b.items().extend(it);
        b.flow.y += h;
    }
    let mirrored = if p.scene.mirrored {
        " \u{00b7} printed mirrored, shown as read through the glass"
    } else {
        ""
    };
    b.line(
        &format!(
            "design {} \u{00b7} {}{mirrored} \u{00b7} content hash {}",
            p.design, p.size, p.hash
        ),
        8.0,
        GREY,
        false,
    )?;
    b.para(&format!("Written for: {}", p.audience), 8.0, GREY)?;
    b.line(
        &format!("Status: {}", p.status_text),
        10.0,
        status_color(p),
        true,
    )?;
    b.rule(LIGHT);
    Ok(())
}

/// The piece, as large as fits in the top part of the page (pages side by side).
fn thumbnails(b: &mut Book, p: &Piece) -> Result<(), Diagnostic> {
    let pages = &p.scene.pages;
    let n = pages.len();
    let cols = if n > 1 { 2 } else { 1 };
    let rows = n.div_ceil(cols);
    let box_w = W - 2.0 * M;
    let box_h = if n > 1 { 400.0 } else { 360.0 };
    let gap = 10.0;
    let cw = (box_w - gap * (cols - 1) as f32) / cols as f32;
    let ch = (box_h - gap * (rows - 1) as f32) / rows as f32;
    let pw = pages[0].width;
    let ph = pages[0].height;
    let s = (cw / pw).min(ch / ph).min(1.0);
    let mut used_h: f32 = 0.0;
    for (i, pg) in pages.iter().enumerate() {
        let (c, r) = (i % cols, i / cols);
        let x = M + c as f32 * (cw + gap) + (cw - pw * s) / 2.0;
        let y = b.flow.y + r as f32 * (ph * s + gap);
        let placed = transformed(&pg.items, s, x, y);
        let frame = Rect::new(
            x + pg.trim.x * s,
            y + pg.trim.y * s,
            pg.trim.w * s,
            pg.trim.h * s,
        );
        let items = b.items();
        items.extend(placed);
        // Bleed outside the trim shows faded: cover it with translucent-looking white.
        items.extend(outline(frame, 0.7, GREY));
        used_h = used_h.max(r as f32 * (ph * s + gap) + ph * s);
    }
    b.flow.y += used_h + 4.0;
    let scale = format!(
        "shown at {:.0}% of {}",
        s * 100.0,
        if p.scene.medium == Medium::Screen {
            "screen size (1 px = 1 pt)"
        } else {
            "actual size"
        }
    );
    b.line(&scale, 8.0, GREY, false)?;
    b.flow.y += 4.0;
    Ok(())
}

/// The piece's strings, each with its English gloss beside it when translated.
fn strings(b: &mut Book, p: &Piece) -> Result<(), Diagnostic> {
    let project = b.project;
    b.need(40.0)?;
    b.line("Text on this piece", 12.0, NAVY, true)?;
    let en = b.english()?;
    let col = (W - 2.0 * M - 12.0) / 2.0;
    let pair = p.locale.contains('+');
    let mut any_translated = false;
    for st in &p.strings {
        // Each string in its own language's fonts (a piece may have two).
        let cat = project.catalog(&st.locale)?;
        let translated = !cat.info.source;
        any_translated |= translated;
        let (t_items, th) = wrapped(
            project,
            cat,
            &st.text,
            0.0,
            0.0,
            if translated { col } else { W - 2.0 * M },
            9.5,
            Color::BLACK,
            false,
        )?;
        let (g_items, gh) = match (&st.gloss, translated) {
            (Some(g), true) => wrapped(project, en, g, 0.0, 0.0, col, 9.0, GREY, false)?,
            (None, true) => wrapped(
                project,
                en,
                "(no English gloss recorded)",
                0.0,
                0.0,
                col,
                9.0,
                RED,
                false,
            )?,
            _ => (Vec::new(), 0.0),
        };
        let h = th.max(gh) + 12.0;
        b.need(h)?;
        let y = b.flow.y;
        let id = if pair {
            format!("{} \u{00b7} {} \u{00b7} {}", st.id, st.language, st.review)
        } else {
            format!("{} \u{00b7} {}", st.id, st.review)
        };
        let it = label(project, &id, M, y + 6.5, 6.5, W - 2.0 * M, GREY, false)?;
        b.items().extend(it);
        b.items().extend(shift(t_items, M, y + 9.0));
        b.items().extend(shift(g_items, M + col + 12.0, y + 9.0));
        b.flow.y += h;
    }
    if any_translated {
        b.para(
            "Left: the text as printed. Right: what it says in English (the gloss), for reviewers who do not read the language.",
            7.5,
            GREY,
        )?;
    }
    Ok(())
}

/// The piece's illustrations with their tags and credits.
fn illustrations(b: &mut Book, p: &Piece) -> Result<(), Diagnostic> {
    let project = b.project;
    if !p.images.is_empty() {
        b.flow.y += 4.0;
        b.need(60.0)?;
        b.line("Illustrations", 12.0, NAVY, true)?;
        for img in &p.images {
            b.need(40.0)?;
            let y = b.flow.y;
            if let Ok(ill) = project.image(&img.id) {
                let a = ill.aspect();
                let (iw, ih) = if a >= 1.0 {
                    (32.0, 32.0 / a)
                } else {
                    (32.0 * a, 32.0)
                };
                b.items().push(Item::Image {
                    rect: Rect::new(M, y, iw, ih),
                    image: ill,
                });
            }
            let tags: Vec<String> = img.tags.iter().map(|(k, v)| format!("{k} {v}")).collect();
            let it = label(
                project,
                &format!("{} \u{2013} {}", img.id, img.title),
                M + 42.0,
                y + 10.0,
                9.0,
                W - 2.0 * M - 42.0,
                Color::BLACK,
                true,
            )?;
            b.items().extend(it);
            let it = label(
                project,
                &tags.join(", "),
                M + 42.0,
                y + 21.0,
                8.0,
                W - 2.0 * M - 42.0,
                GREY,
                false,
            )?;
            b.items().extend(it);
            let it = label(
                project,
                &img.credit,
                M + 42.0,
                y + 31.0,
                7.0,
                W - 2.0 * M - 42.0,
                GREY,
                false,
            )?;
            b.items().extend(it);
            b.flow.y += 38.0;
        }
    }
    Ok(())
}

/// Space for written comments, with lines, the reviewer's name and date, and boxes to
/// tick.
fn comments(b: &mut Book) -> Result<(), Diagnostic> {
    let project = b.project;
    b.flow.y += 6.0;
    b.need(150.0)?;
    b.line("Comments", 12.0, NAVY, true)?;
    let top = b.flow.y;
    let bottom = (H - M - 24.0).max(top + 120.0);
    let bx = Rect::new(M, top, W - 2.0 * M, bottom - top);
    b.items().extend(outline(bx, 0.8, GREY));
    let mut ly = top + 22.0;
    while ly < bottom - 34.0 {
        let y = ly;
        b.items().push(Item::Rect {
            rect: Rect::new(M + 8.0, y, W - 2.0 * M - 16.0, 0.4),
            color: LIGHT,
        });
        ly += 20.0;
    }
    let fy = bottom - 12.0;
    for (x, t) in [
        (M + 8.0, "Reviewer: ____________________"),
        (M + 190.0, "Date: ____________"),
    ] {
        let it = label(project, t, x, fy, 9.0, 200.0, Color::BLACK, false)?;
        b.items().extend(it);
    }
    for (x, t) in [(M + 320.0, "Approve"), (M + 400.0, "Changes needed")] {
        b.items()
            .extend(outline(Rect::new(x, fy - 8.5, 9.0, 9.0), 0.8, Color::BLACK));
        let it = label(project, t, x + 13.0, fy, 9.0, 100.0, Color::BLACK, false)?;
        b.items().extend(it);
    }
    b.flow.y = bottom + 4.0;
    Ok(())
}

/// A locale's bilingual table: message and status, English, translation, gloss, and an
/// empty column for a back-translator's notes; rows tall enough to write in.
fn bilingual(b: &mut Book, t: &super::bilingual::Bilingual) -> Result<(), Diagnostic> {
    let project = b.project;
    let cat = project.catalog(&t.code)?;
    let en = b.english()?;
    b.page();
    b.running = format!("{} ({}): bilingual table", t.name, t.code);
    let title = b.running.clone();
    b.line(&title, 16.0, NAVY, true)?;
    b.para(
        "Every message in English and in the language, with the English gloss (what the translation says, back-translated) and its review status. For an independent back-translator: cover the English and the gloss, write in the last column what the translation says, then compare.",
        8.5,
        GREY,
    )?;
    b.flow.y += 4.0;
    let total = W - 2.0 * M;
    let widths = [0.15, 0.2, 0.23, 0.2, 0.22].map(|f| f * total);
    let heads = [
        "Message, status",
        "English source",
        "Translation",
        "Gloss (English meaning)",
        "Back-translator's notes",
    ];
    let xs: Vec<f32> = widths
        .iter()
        .scan(M, |x, w| {
            let at = *x;
            *x += w;
            Some(at)
        })
        .collect();
    let pad = 3.0;
    let header = |b: &mut Book| -> Result<(), Diagnostic> {
        let y = b.flow.y;
        for (i, h) in heads.iter().enumerate() {
            let it = label(
                project,
                h,
                xs[i] + pad,
                y + 9.0,
                7.5,
                widths[i] - 2.0 * pad,
                NAVY,
                true,
            )?;
            b.items().extend(it);
        }
        b.flow.y += 13.0;
        b.rule(NAVY);
        b.flow.y -= 6.0;
        Ok(())
    };
    header(b)?;
    for r in &t.rows {
        let cell = |c: &crate::load::locale::Catalog, text: &str, i: usize, color: Color| {
            let w = widths[i] - 2.0 * pad;
            // A web address that cannot be broken is set smaller rather than overflow.
            let widest = crate::layout::widest_unbreakable(project, c, text);
            let size = if widest > 0.0 {
                (w / widest).min(8.0)
            } else {
                8.0
            };
            wrapped(project, c, text, 0.0, 0.0, w, size, color, false)
        };
        let (src, sh) = cell(en, &r.source, 1, Color::BLACK)?;
        let (tr, th) = match &r.text {
            Some(x) => cell(cat, x, 2, Color::BLACK)?,
            None => cell(en, "(missing)", 2, RED)?,
        };
        let (gl, gh) = match &r.gloss {
            Some(g) => cell(en, g, 3, GREY)?,
            None => cell(en, "(no gloss recorded)", 3, RED)?,
        };
        let h = sh.max(th).max(gh).max(26.0) + 2.0 * pad;
        let before = b.flow.pages.len();
        b.need(h)?;
        if b.flow.pages.len() != before {
            header(b)?;
        }
        let y = b.flow.y;
        let it = label(
            project,
            &r.id,
            xs[0] + pad,
            y + pad + 7.0,
            7.0,
            widths[0] - 2.0 * pad,
            Color::BLACK,
            true,
        )?;
        b.items().extend(it);
        let it = label(
            project,
            &r.status,
            xs[0] + pad,
            y + pad + 16.0,
            6.5,
            widths[0] - 2.0 * pad,
            GREY,
            false,
        )?;
        b.items().extend(it);
        for (i, items) in [(1, src), (2, tr), (3, gl)] {
            b.items().extend(shift(items, xs[i] + pad, y + pad));
        }
        for (i, w) in widths.iter().enumerate() {
            b.items()
                .extend(outline(Rect::new(xs[i], y, *w, h), 0.4, LIGHT));
        }
        b.flow.y += h;
    }
    Ok(())
}

/// The review book as a scene (US Letter pages).
pub fn scene(project: &Project, proof: &Proof) -> Result<Scene, Diagnostics> {
    let mut b = Book::new(project);
    cover(&mut b, proof)?;
    for p in &proof.pieces {
        piece(&mut b, p)?;
    }
    for t in &proof.bilingual {
        bilingual(&mut b, t)?;
    }
    let pages = b.flow.finish(|page, total| {
        let foot = format!(
            "{} \u{00b7} proof of {} \u{00b7} page {page} of {total}",
            proof.kit, proof.date
        );
        label(
            project,
            &foot,
            M,
            H - M + 16.0,
            7.5,
            W - 2.0 * M,
            GREY,
            false,
        )
    })?;
    Ok(Scene::document(
        "review-book",
        format!(
            "Proof for the survivor advisory board: {}, {}",
            proof.kit, proof.date
        ),
        pages,
        Arc::clone(&project.fonts),
        DocStatus::new(
            "review book for the survivor advisory board",
            proof.pieces.len(),
            proof
                .pieces
                .iter()
                .filter(|p| p.scene.draft.is_some())
                .count(),
        ),
    ))
}

/// The review book as PDF bytes.
pub fn pdf(project: &Project, proof: &Proof) -> Result<Vec<u8>, Diagnostics> {
    let s = scene(project, proof)?;
    crate::export::pdf::export(&s)
        .map_err(|m| Diagnostics::from(Diagnostic::error(format!("review book: {m}"))))
}
