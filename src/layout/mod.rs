//! Layout: a design, a locale and the hotline facts in; a [`Scene`] out.
//!
//! The grid is resolved to rectangles, right-to-left locales mirror it, every text slot
//! gets the largest size in its range that fits, and the QR code is encoded and decoded
//! back before it enters the scene.

pub mod breaking;
pub mod channels;
pub mod diversity;
pub mod icon;
pub mod press;
pub mod qr;
pub mod rows;
pub mod text;
pub mod words;

use crate::base::diag::{Diagnostic, Diagnostics};
use crate::base::units::Color;
use crate::load::fonts::FontChain;
use crate::load::locale::{Catalog, Direction, Review};
use crate::load::project::Project;
use crate::load::spec::{Align, Content, Design, FontRole, Medium, Slot, Track, VAlign};
use crate::scene::{GlyphRun, Item, Page, Rect, Scene, SetParagraph, TextBlock};
use breaking::Wrap;
use text::{Paragraph, TextError};

/// Smallest printed QR module the tool accepts (0.4 mm), in points.
pub const MIN_MODULE_PT: f32 = 0.4 * crate::base::units::PT_PER_MM;
/// Smallest QR module on a 1080p screen, in pixels.
pub const MIN_MODULE_PX: f32 = 4.0;
/// Space between list items, in em.
const ITEM_GAP: f32 = 0.35;
/// Space between a bullet and its text, in em.
const BULLET_GAP: f32 = 0.45;

/// Options for laying out one piece.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Locale to take a message from when the piece's locale lacks it. Off unless a
    /// kit allows it; the piece then says which strings fell back.
    pub fallback: Option<String>,
    /// Local resources from the kit file, shown in `resources = true` slots.
    pub resources: Vec<crate::load::kitfile::Resource>,
    /// The facility's staff contacts from the kit file, shown in `contacts = true` slots.
    pub contacts: Vec<crate::load::contact::Contact>,
    /// The facility's reporting instruction for staff (kit.toml `[staff] reporting`),
    /// shown in `reporting = true` slots; `None`: the catalog's default.
    pub reporting: Option<crate::load::staff::Reporting>,
    /// QR target for every piece (the kit's choice), instead of each design's.
    pub qr: Option<crate::load::spec::QrKind>,
    /// Illustrations chosen for `image_pick` slots across the kit (key `design/slot`);
    /// when empty, they are chosen across all of the project's designs.
    pub image_picks: std::collections::BTreeMap<String, Vec<String>>,
    /// Approvals recorded by the advisory board (`reviews/approvals.toml`); a piece is
    /// final only when approvals of its content hash meet `rule`.
    pub approvals: std::sync::Arc<crate::load::ledger::Ledger>,
    /// The board's rule: when the ledger's approvals make a piece approved (the kit
    /// file's `[review]`; by default one approval and no open request for changes).
    pub rule: crate::load::ledger::Rule,
    /// Keep this much (pt, or px on screens) free at the bottom of the safe area: the
    /// grid ends higher, for a band drawn later (the crawl line of a video loop).
    pub reserve_bottom: f32,
    /// The spot colour of white-ink plates (the kit's `[print] white_ink`); empty:
    /// [`crate::load::kitfile::WHITE_INK`].
    pub white_ink: String,
}

/// Look up messages in the piece's locale, or in the fallback locale where allowed.
struct Messages<'a> {
    cat: &'a Catalog,
    fallback: Option<&'a Catalog>,
    lowest: Review,
    fell_back: Vec<String>,
    used: Vec<String>,
}

impl Messages<'_> {
    fn get(&mut self, ids: &[String], used_by: &str) -> Result<Vec<String>, Diagnostics> {
        let mut out = Vec::new();
        let mut diags = Diagnostics::default();
        for id in ids {
            if !self.used.contains(id) {
                self.used.push(id.clone());
            }
            match (self.cat.get(id), self.fallback) {
                (Ok(t), _) => {
                    self.lowest = self.lowest.min(self.cat.status(id));
                    out.push(t.to_string());
                }
                (Err(_), Some(fb)) if fb.messages.contains_key(id) => {
                    self.lowest = self.lowest.min(fb.status(id));
                    if !self.fell_back.contains(id) {
                        self.fell_back.push(id.clone());
                    }
                    out.push(fb.messages[id].clone());
                }
                (Err(d), _) => {
                    diags.push(d.hint(format!("used by {used_by}")).hint(
                        "or build with --fallback en to show the English text, marked as such",
                    ))
                }
            }
        }
        if diags.is_empty() {
            Ok(out)
        } else {
            Err(diags)
        }
    }
}

/// The reporting instruction in the piece's language: the kit's own text, or the
/// fallback language's (marked as fallen back, under the kit file's name) where the kit
/// allows one, else the catalog's "follow your facility's policy".
fn reporting(
    opts: &Options,
    msgs: &mut Messages,
    used_by: &str,
) -> Result<Vec<String>, Diagnostics> {
    let Some(r) = &opts.reporting else {
        return msgs.get(&["staff-reporting-default".to_string()], used_by);
    };
    if let Some(t) = r.get(&msgs.cat.code) {
        return Ok(vec![t.to_string()]);
    }
    if let Some(t) = msgs.fallback.and_then(|fb| r.get(&fb.code)) {
        let id = REPORTING_ID.to_string();
        if !msgs.fell_back.contains(&id) {
            msgs.fell_back.push(id);
        }
        return Ok(vec![t.to_string()]);
    }
    Err(Diagnostic::error(format!(
        "kit.toml [staff] reporting has no text in `{}` ({used_by})",
        msgs.cat.code
    ))
    .hint(format!(
        "give it per language: reporting = {{ {} = \"...\" }} beside the ones it has ({})",
        msgs.cat.code,
        r.locales().join(", ")
    ))
    .hint("or allow a fallback language ([build] fallback = \"en\"): the piece then says the line is in English")
    .into())
}

/// How the kit's reporting instruction is listed among a piece's fallen-back strings.
pub const REPORTING_ID: &str = "kit.toml [staff] reporting";

/// Positions and sizes of grid tracks. Collapsed tracks take no space and no gap.
fn tracks(ts: &[Track], collapsed: &[bool], total: f32, gap: f32, px_pt: f32) -> Vec<(f32, f32)> {
    let live = |i: usize| !collapsed.get(i).copied().unwrap_or(false);
    let n = (0..ts.len()).filter(|&i| live(i)).count();
    let gaps = gap * n.saturating_sub(1) as f32;
    let fixed: f32 = (0..ts.len())
        .filter(|&i| live(i))
        .map(|i| {
            if let Track::Fixed(l) = ts[i] {
                l.to_pt(px_pt, total)
            } else {
                0.0
            }
        })
        .sum();
    let shares: f32 = (0..ts.len())
        .filter(|&i| live(i))
        .map(|i| if let Track::Share(s) = ts[i] { s } else { 0.0 })
        .sum();
    let free = (total - gaps - fixed).max(0.0);
    let mut pos = 0.0;
    (0..ts.len())
        .map(|i| {
            if !live(i) {
                return (pos, 0.0);
            }
            let size = match ts[i] {
                Track::Fixed(l) => l.to_pt(px_pt, total),
                Track::Share(s) if shares > 0.0 => free * s / shares,
                Track::Share(_) => 0.0,
            };
            let r = (pos, size);
            pos += size + gap;
            r
        })
        .collect()
}

/// A laid-out text block before it becomes glyph runs.
struct Block {
    paras: Vec<(Paragraph, Option<Paragraph>)>,
    asc: f32,
    desc: f32,
    /// Ink of each line measured so far, by paragraph and text range (em units, so it
    /// holds at every size the fitting tries).
    inks: std::cell::RefCell<std::collections::HashMap<(usize, usize, usize), Option<text::Ink>>>,
    /// Which paragraphs are balanced (see [`Balance`]).
    balance: Balance,
}

/// Which paragraphs of a block get balanced lines ([`Wrap::Balance`], like CSS
/// `text-wrap: balance`); the others avoid a stranded last word ([`Wrap::Pretty`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Balance {
    /// Every paragraph: a centred slot (headlines, intros, short centred lines).
    All,
    /// A paragraph of at most [`BALANCE_LINES`] lines: a bold slot (headlines, labels).
    Short,
    /// None: regular start- or end-aligned text (body, questions, lists).
    None,
}

/// The most lines a bold, not centred paragraph may take and still be balanced;
/// longer ones read as body text.
const BALANCE_LINES: usize = 3;

impl Balance {
    /// The rule for a slot: centred text is balanced, bold text when short.
    fn of(align: Align, font: FontRole) -> Balance {
        match (align, font) {
            (Align::Center, _) => Balance::All,
            (_, FontRole::Bold) => Balance::Short,
            _ => Balance::None,
        }
    }
}

impl Block {
    /// Ink of a line of paragraph `i` (the paragraph itself, not its bullet).
    fn ink(&self, i: usize, line: &std::ops::Range<usize>) -> Option<text::Ink> {
        *self
            .inks
            .borrow_mut()
            .entry((i, line.start, line.end))
            .or_insert_with(|| self.paras[i].0.line_ink(line.clone()))
    }
}

struct Fit {
    size: f32,
    lines: Vec<Vec<std::ops::Range<usize>>>,
    height: f32,
    /// Moves that keep the ink inside the slot's area: each line's, to the right, in
    /// reading order of the lines; and the whole block's, down.
    shift_x: Vec<f32>,
    shift_y: f32,
}

/// One line of a fitted block, where it goes: paragraph, text range, pen position at
/// its left end and its baseline, and the bullet's pen position on a list's first line.
struct Placed {
    para: usize,
    line: std::ops::Range<usize>,
    x: f32,
    y: f32,
    bullet: Option<f32>,
}

/// The smallest rectangle around both.
fn rect_union(a: Rect, b: Rect) -> Rect {
    let (x, y) = (a.x.min(b.x), a.y.min(b.y));
    Rect::new(
        x,
        y,
        a.right().max(b.right()) - x,
        a.bottom().max(b.bottom()) - y,
    )
}

/// The part of `a` inside `b` (empty, at `a`'s corner, if they do not meet).
fn rect_intersect(a: Rect, b: Rect) -> Rect {
    let (x, y) = (a.x.max(b.x), a.y.max(b.y));
    Rect::new(
        x,
        y,
        (a.right().min(b.right()) - x).max(0.0),
        (a.bottom().min(b.bottom()) - y).max(0.0),
    )
}

/// Ink (em, from the pen and the baseline) drawn at `size` with its pen at (`x`, `y`).
fn ink_rect(ink: text::Ink, x: f32, y: f32, size: f32) -> Rect {
    Rect::new(
        x + ink.left * size,
        y - ink.top * size,
        (ink.right - ink.left) * size,
        (ink.top - ink.bottom) * size,
    )
}

impl Block {
    fn indent(&self, i: usize) -> f32 {
        self.paras[i]
            .1
            .as_ref()
            .map_or(0.0, |b| b.natural_width() + BULLET_GAP)
    }

    /// Lines at a size, or None if some piece is too wide.
    fn try_fit(&self, size: f32, bx: &Rect, lh: f32) -> Option<Fit> {
        let mut lines = Vec::new();
        let mut n = 0;
        for (i, (p, _)) in self.paras.iter().enumerate() {
            let max = bx.w / size - self.indent(i);
            let mut ls = p.break_lines(max)?;
            let balance = match self.balance {
                Balance::All => true,
                Balance::Short => ls.len() <= BALANCE_LINES,
                Balance::None => false,
            };
            if balance && ls.len() > 1 {
                ls = p.wrap_lines(max, Wrap::Balance)?;
            }
            n += ls.len().max(1);
            lines.push(ls);
        }
        let height =
            n as f32 * lh * size + ITEM_GAP * size * (self.paras.len().saturating_sub(1)) as f32;
        Some(Fit {
            size,
            lines,
            height,
            shift_x: Vec::new(),
            shift_y: 0.0,
        })
    }

    fn fits(&self, size: f32, bx: &Rect, lh: f32) -> Option<Fit> {
        self.try_fit(size, bx, lh)
            .filter(|f| f.height <= bx.h + 1e-3)
    }
}

/// Lay out one design in one locale into a scene: grid, text, QR code and images, with
/// the image picks of `opts` (complete: one entry per `image_pick` slot and page). The
/// scene is not yet reviewed: its content hash, approval and draft mark are added by
/// the review stage (`review::seal`), and the whole piece is made by `piece::make`.
pub fn compile(
    project: &Project,
    design: &Design,
    locale: &str,
    opts: &Options,
) -> Result<Scene, Diagnostics> {
    let first = fit_pass(project, design, locale, opts, false);
    if !design.slots.iter().any(|s| s.gives_way) {
        return first;
    }
    // Pictures that give way: when the text does not fit beside them, or they would be
    // drawn too small to read, the piece is laid out again without them. If that fails
    // too, the first pass's errors say why.
    // Only for want of room: a missing message or picture is an error with or
    // without the pictures.
    let short = match &first {
        Err(d) => {
            d.0.iter()
                .filter(|x| x.is_error())
                .all(|x| x.code == Some("fit"))
        }
        Ok(scene) => figures_too_small(project, design, scene),
    };
    if !short {
        return first;
    }
    match fit_pass(project, design, locale, opts, true) {
        Ok(scene) => Ok(scene),
        Err(_) => first,
    }
}

/// Lay out, and where a text does not fit its share of the grid at its smallest size,
/// lay out again with that row as tall as the text needs and the other share rows
/// sharing what is left (their text may then come out smaller, never under its
/// smallest size). A few rounds at most; when they do not help, the first round's
/// errors say why.
fn fit_pass(
    project: &Project,
    design: &Design,
    locale: &str,
    opts: &Options,
    without_pictures: bool,
) -> Result<Scene, Diagnostics> {
    let mut grow = std::collections::BTreeMap::new();
    let mut first_err = None;
    let mut laid_out = None;
    for _ in 0..4 {
        let mut short = Vec::new();
        match compile_pass(
            project,
            design,
            locale,
            opts,
            without_pictures,
            &grow,
            &mut short,
        ) {
            Ok(scene) if short.is_empty() => return Ok(scene),
            Ok(scene) => laid_out = Some(scene),
            Err(d) => {
                first_err.get_or_insert(d);
            }
        }
        if short.is_empty() {
            break;
        }
        for (row, need) in short {
            *grow.entry(row).or_insert(0.0) += need + 0.1;
        }
    }
    // Laid out, though a line read from afar may still be under its cap height
    // (`check` says so); else the first round's errors, which name the cause.
    match (laid_out, first_err) {
        (Some(scene), _) => Ok(scene),
        (None, Some(d)) => Err(d),
        (None, None) => unreachable!("every round is laid out or fails"),
    }
}

/// Whether a scene draws a person smaller than the design's `min_figure`.
fn figures_too_small(project: &Project, design: &Design, scene: &Scene) -> bool {
    let min = design.min_figure.to_pt(design.px_pt(), 0.0);
    scene
        .pages
        .iter()
        .flat_map(|p| &p.items)
        .any(|it| match it {
            Item::Image { rect, image } => project
                .images
                .get(&image.id)
                .is_some_and(|e| e.kind == "person" && rect.h + 1e-3 < min),
            _ => false,
        })
}

/// One layout pass. `without_pictures` leaves out the slots whose pictures give way;
/// `grow` makes rows (page, row) that much taller than their share; `short` gets the
/// rows whose text did not fit and how much taller they must be.
fn compile_pass(
    project: &Project,
    design: &Design,
    locale: &str,
    opts: &Options,
    without_pictures: bool,
    grow: &std::collections::BTreeMap<(usize, usize), f32>,
    short: &mut Vec<((usize, usize), f32)>,
) -> Result<Scene, Diagnostics> {
    use crate::load::spec::bilingual::{lang_of, locales_of};
    let codes = locales_of(locale);
    if codes.len() > 2 {
        return Err(design
            .error(
                format!(
                    "`{locale}` asks for {} languages on one piece; at most two fit",
                    codes.len()
                ),
                None,
            )
            .hint("ask for one locale (`es`) or a pair (`en+es`)")
            .into());
    }
    let mut cats = Vec::new();
    for c in &codes {
        cats.push(project.catalogs(c, opts.fallback.as_deref())?);
    }
    let paired;
    let design = if codes.len() == 2 {
        let mut d = design.pair(locale)?;
        // The grid reads in the first language's direction. An end-aligned slot of a
        // language written the other way (Arabic beside English) keeps to the same side
        // of the grid: it hugs what it belongs to (a QR caption under its code).
        let grid = cats[0].0.info.direction;
        for s in &mut d.slots {
            let dir = cats[lang_of(&s.name)].0.info.direction;
            if dir != grid && s.align == Align::End {
                s.align = Align::Start;
            }
        }
        paired = d;
        &paired
    } else {
        design
    };
    let cat = cats[0].0;
    // The language of each slot: its catalog and messages.
    let lang = |s: &Slot| lang_of(&s.name).min(cats.len() - 1);
    let picks = &opts.image_picks;
    // The images the kit picked for a slot on a page (none: nothing to draw).
    let picked = |slot: &crate::load::spec::Slot, page: usize| -> Vec<String> {
        picks
            .get(&crate::layout::diversity::key(design, &slot.name, page))
            .cloned()
            .unwrap_or_default()
    };
    let mut all_msgs: Vec<Messages> = cats
        .iter()
        .map(|&(cat, fallback)| Messages {
            cat,
            fallback,
            lowest: Review::SurvivorReviewed,
            fell_back: Vec::new(),
            used: Vec::new(),
        })
        .collect();
    let mut diags = Diagnostics::default();
    let px = design.px_pt();
    let w = design.width.to_pt(px, 0.0);
    let h = design.height.to_pt(px, 0.0);
    let b = design.bleed.to_pt(px, 0.0);
    let trim = Rect::new(b, b, w, h);
    let safe = trim.inset_xy(design.safe.to_pt(px, w), design.safe.to_pt(px, h));
    let gap = design.gap.to_pt(px, w);
    // Rows that only show nothing collapse: local resources when the kit has none, a
    // state notice's parts its profile lacks in this language.
    let profile = design
        .notice_of
        .as_ref()
        .and_then(|id| project.jurisdictions.get(id));
    let qr_kind = opts.qr.unwrap_or(design.qr);
    // What each slot shows on each page in this locale: a slot whose channel does not
    // answer in the locale's language shows its `unserved` choice (None: dropped).
    let shows: Vec<Vec<Option<Content>>> = design
        .pages
        .iter()
        .enumerate()
        .map(|(pi, overrides)| {
            design
                .slots
                .iter()
                .map(|s| {
                    let name = crate::load::spec::bilingual::base_name(&s.name);
                    let base = overrides.get(name).unwrap_or(&s.content);
                    let cat = cats[lang(s)].0;
                    crate::layout::channels::effective(project, cat, s, base, qr_kind)
                        .filter(|_| design.shows(pi, &s.name))
                })
                .collect()
        })
        .collect();
    let empty = |s: &crate::load::spec::Slot| {
        let i = design.slots.iter().position(|x| std::ptr::eq(x, s));
        (s.content == Content::Resources && opts.resources.is_empty())
            || (s.content == Content::Contacts && opts.contacts.is_empty())
            || (without_pictures && s.gives_way)
            || crate::load::jurisdiction::slot_is_empty(profile, &s.content, &cats[lang(s)].0.code)
            || i.is_some_and(|i| shows.iter().all(|page| page[i].is_none()))
    };
    // Rows of slots a page hides collapse on that page only.
    let rows_of = |pi: usize| {
        let collapsed: Vec<bool> = (0..design.rows.len())
            .map(|r| {
                design
                    .slots
                    .iter()
                    .filter(|s| s.rows.contains(&r))
                    .all(|s| empty(s) || !design.shows(pi, &s.name))
                    && design.slots.iter().any(|s| s.rows.contains(&r))
            })
            .collect();
        let total = (safe.h - opts.reserve_bottom.max(0.0)).max(1.0);
        let own = design.row_tracks(pi);
        let mut t = tracks(own, &collapsed, total, gap, px);
        // Rows whose text needs more than their share: as tall as it needs (see
        // `rows::grown`), only while the rows still fit the page; else the text stays
        // short of room and its error says so.
        let extra: std::collections::BTreeMap<usize, f32> = grow
            .iter()
            .filter(|((p, _), _)| *p == pi)
            .map(|((_, r), e)| (*r, *e))
            .collect();
        if !extra.is_empty() {
            let g = tracks(
                &rows::grown(design, own, &t, &collapsed, &extra),
                &collapsed,
                total,
                gap,
                px,
            );
            let end = g
                .iter()
                .zip(&collapsed)
                .filter(|(_, c)| !**c)
                .map(|(r, _)| r.0 + r.1)
                .fold(0.0, f32::max);
            if end <= total + 1e-3 {
                t = g;
            }
        }
        (t, collapsed.iter().map(|c| !c).collect::<Vec<bool>>())
    };
    let cols = tracks(&design.columns, &[], safe.w, gap, px);
    let rtl = cat.info.direction == Direction::Rtl;
    let payload = project.hotline.qr_payload(opts.qr.unwrap_or(design.qr));

    let mut pages = Vec::new();
    for (pi, page_shows) in shows.iter().enumerate() {
        let (rows, live) = rows_of(pi);
        let mut items = vec![Item::Rect {
            rect: Rect::new(0.0, 0.0, w + 2.0 * b, h + 2.0 * b),
            color: design.background,
        }];
        let mut blocks = Vec::new();
        let mut laid = Vec::new();
        for (si, slot) in design.slots.iter().enumerate() {
            if empty(slot) {
                continue; // its row has collapsed
            }
            let Some(content) = &page_shows[si] else {
                continue; // dropped on this page in this locale
            };
            let (i0, b0) = (items.len(), blocks.len());
            let x0 = cols[slot.cols.start].0;
            let x1 = cols[slot.cols.end - 1].0 + cols[slot.cols.end - 1].1;
            // Right-to-left locales mirror the grid: columns run from the right.
            let (x0, x1) = if rtl {
                (safe.w - x1, safe.w - x0)
            } else {
                (x0, x1)
            };
            let y0 = rows[slot.rows.start].0;
            let y1 = rows[slot.rows.end - 1].0 + rows[slot.rows.end - 1].1;
            let outer = Rect::new(safe.x + x0, safe.y + y0, x1 - x0, y1 - y0);
            if let Some(fill) = slot.fill {
                items.push(Item::Rect {
                    rect: outer,
                    color: fill,
                });
            }
            let inner = outer.inset(slot.padding.to_pt(px, outer.w));
            let area = if slot.fill.is_some() {
                outer
            } else {
                outer.inset(-gap / 2.0)
            };
            let msgs = &mut all_msgs[lang(slot)];
            let ctx = SlotCtx {
                project,
                design,
                cat: msgs.cat,
                slot,
                rect: inner,
                bounds: rect_intersect(area, safe),
                rtl: msgs.cat.info.direction == Direction::Rtl,
                page: pi,
                short: Default::default(),
            };
            let res = match content {
                Content::Text(id) => msgs
                    .get(std::slice::from_ref(id), &ctx.where_())
                    .and_then(|ps| ctx.text(ps, false, &mut items, &mut blocks)),
                Content::List(ids) => msgs
                    .get(ids, &ctx.where_())
                    .and_then(|ps| ctx.text(ps, slot.bullets, &mut items, &mut blocks)),
                Content::Flags(pick) => msgs
                    .get(&project.pick_flags(pick), &ctx.where_())
                    .and_then(|ps| ctx.text(ps, slot.bullets, &mut items, &mut blocks)),
                Content::Hotline(f) => ctx.text(
                    vec![project.hotline.display(*f).to_string()],
                    false,
                    &mut items,
                    &mut blocks,
                ),
                Content::Resources => msgs
                    .get(&["local-help".to_string()], &ctx.where_())
                    .and_then(|label| {
                        let lines = opts
                            .resources
                            .iter()
                            .map(|r| format!("{} {}", label[0], r.line()))
                            .collect();
                        ctx.text(lines, false, &mut items, &mut blocks)
                    }),
                Content::Contacts => ctx.text(
                    opts.contacts.iter().map(|c| c.line()).collect(),
                    false,
                    &mut items,
                    &mut blocks,
                ),
                Content::Reporting => reporting(opts, msgs, &ctx.where_())
                    .and_then(|t| ctx.text(t, false, &mut items, &mut blocks)),
                Content::Statute(part) => ctx.text(
                    crate::load::jurisdiction::statute_text(profile, *part, &ctx.cat.code)
                        .into_iter()
                        .collect(),
                    false,
                    &mut items,
                    &mut blocks,
                ),
                Content::Qr => ctx.qr(&payload, &mut items),
                Content::QrCaption => msgs
                    .get(&[qr_kind.caption_id().to_string()], &ctx.where_())
                    .and_then(|ps| ctx.text(ps, false, &mut items, &mut blocks)),
                Content::Images(ids) => ctx.images(ids, &mut items),
                Content::ImagePick(_) => ctx.images(&picked(slot, pi), &mut items),
            };
            if let Err(d) = res {
                diags.extend(d.0);
            }
            let r = slot.rows.start;
            if ctx.short.get() > 0.0
                && slot.rows.len() == 1
                && matches!(design.row_tracks(pi).get(r), Some(Track::Share(_)))
            {
                short.push(((pi, r), ctx.short.get()));
            }
            laid.push(rows::Laid {
                slot: si,
                items: i0..items.len(),
                blocks: b0..blocks.len(),
            });
        }
        if let (Some(ink_gap), false) = (design.ink_gap, diags.has_errors()) {
            let ink_gap = ink_gap.to_pt(px, w);
            let new = rows::close_up(
                design,
                design.row_tracks(pi),
                &rows,
                &live,
                &laid,
                &blocks,
                gap,
                ink_gap,
            );
            let mut out_items = vec![items[0].clone()];
            let mut out_blocks = Vec::new();
            for l in &laid {
                let slot = &design.slots[l.slot];
                let (r0, r1) = (slot.rows.start, slot.rows.end - 1);
                let moved = new[r0].0 - rows[r0].0;
                let resized = ((new[r1].0 + new[r1].1 - new[r0].0)
                    - (rows[r1].0 + rows[r1].1 - rows[r0].0))
                    .abs()
                    > 1e-3;
                let closed = rows::closed(design, design.row_tracks(pi), l.slot, &rows, &new);
                let ink = blocks[l.blocks.clone()]
                    .iter()
                    .filter_map(|b| b.ink)
                    .reduce(rect_union);
                let y1 = new[r1].0 + new[r1].1;
                let area = Rect::new(0.0, safe.y + new[r0].0, 0.0, y1 - new[r0].0)
                    .inset(slot.padding.to_pt(px, 0.0));
                let dy = match ink {
                    // Text moves by its ink: to the top of a closed row, else to where
                    // its `valign` puts it in the slot, so every language leaves the
                    // same space around it.
                    Some(i) if closed => area.y - i.y,
                    Some(i) if slot.fill.is_none() && rows::is_text(&slot.content) => {
                        let want = match slot.valign {
                            VAlign::Top => area.y - i.y,
                            VAlign::Bottom => area.bottom() - i.bottom(),
                            VAlign::Center => area.y + area.h / 2.0 - (i.y + i.h / 2.0),
                        };
                        // Never out of the slot's area (half the gap around it), and
                        // the lines' boxes never into the safe margin.
                        let boxes = blocks[l.blocks.clone()]
                            .iter()
                            .map(|b| b.rect)
                            .reduce(rect_union)
                            .unwrap_or(i);
                        let lo = (area.y - gap / 2.0 - i.y).max(safe.y - boxes.y);
                        let hi = (area.bottom() + gap / 2.0 - i.bottom())
                            .min(safe.bottom() - boxes.bottom());
                        if lo <= hi { want.clamp(lo, hi) } else { moved }
                    }
                    _ => moved,
                };
                let redraw = resized
                    && matches!(
                        slot.content,
                        Content::Qr | Content::Images(_) | Content::ImagePick(_)
                    );
                if redraw {
                    let x0 = cols[slot.cols.start].0;
                    let x1 = cols[slot.cols.end - 1].0 + cols[slot.cols.end - 1].1;
                    let (x0, x1) = if rtl {
                        (safe.w - x1, safe.w - x0)
                    } else {
                        (x0, x1)
                    };
                    let y1 = new[r1].0 + new[r1].1;
                    let outer = Rect::new(safe.x + x0, safe.y + new[r0].0, x1 - x0, y1 - new[r0].0);
                    let inner = outer.inset(slot.padding.to_pt(px, outer.w));
                    let cat = cats[lang(slot)].0;
                    let ctx = SlotCtx {
                        project,
                        design,
                        cat,
                        slot,
                        rect: inner,
                        bounds: rect_intersect(outer.inset(-gap / 2.0), safe),
                        rtl: cat.info.direction == Direction::Rtl,
                        page: pi,
                        short: Default::default(),
                    };
                    let res = match &page_shows[l.slot] {
                        Some(Content::Qr) => ctx.qr(&payload, &mut out_items),
                        Some(Content::Images(ids)) => ctx.images(ids, &mut out_items),
                        _ => ctx.images(&picked(slot, pi), &mut out_items),
                    };
                    if let Err(d) = res {
                        diags.extend(d.0);
                    }
                } else {
                    out_items.extend(crate::scene::transformed(
                        &items[l.items.clone()],
                        1.0,
                        0.0,
                        dy,
                    ));
                }
                out_blocks.extend(blocks[l.blocks.clone()].iter().map(|b| {
                    let mut b = rows::shifted_block(b, dy);
                    if closed {
                        // The slot is its row now: as tall as its ink.
                        b.rect = Rect::new(b.rect.x, safe.y + new[r0].0, b.rect.w, new[r0].1);
                    }
                    b
                }));
            }
            items = out_items;
            blocks = out_blocks;
        }
        let bleed = Rect::new(0.0, 0.0, w + 2.0 * b, h + 2.0 * b);
        if let Some(rich) = design.rich_black {
            press::rich_black_fills(&mut items, rich);
        }
        pages.push(Page {
            width: w + 2.0 * b,
            height: h + 2.0 * b,
            trim,
            bleed,
            safe,
            items,
            blocks,
            marks: Vec::new(),
            cut: None,
            white: press::white_plate(design, bleed, &opts.white_ink),
        });
    }
    if diags.has_errors() {
        return Err(diags);
    }

    let languages: Vec<crate::scene::Language> = all_msgs
        .into_iter()
        .map(|m| crate::scene::Language {
            locale: m.cat.code.clone(),
            name: m.cat.info.name.clone(),
            direction: m.cat.info.direction,
            review: m.lowest,
            fell_back: m.fell_back,
            messages: m.used,
        })
        .collect();
    let union = |f: fn(&crate::scene::Language) -> &Vec<String>| {
        let mut out: Vec<String> = Vec::new();
        for l in &languages {
            for id in f(l) {
                if !out.contains(id) {
                    out.push(id.clone());
                }
            }
        }
        out
    };
    let names: Vec<&str> = languages.iter().map(|l| l.name.as_str()).collect();
    let scene = Scene {
        design: design.name.clone(),
        locale: locale.to_string(),
        title: format!("{} ({})", design.title, names.join(" + ")),
        medium: design.medium,
        direction: cat.info.direction,
        mirrored: design.mirror,
        ink: Default::default(),
        draft: None,
        document: None,
        hash: String::new(),
        inputs: Default::default(),
        approval: Default::default(),
        qr: payload,
        review: languages
            .iter()
            .map(|l| l.review)
            .min()
            .unwrap_or(Review::Draft),
        fell_back: union(|l| &l.fell_back),
        messages: union(|l| &l.messages),
        languages,
        pages,
        fonts: project.fonts.clone(),
    };
    Ok(scene)
}

struct SlotCtx<'a> {
    project: &'a Project,
    design: &'a Design,
    cat: &'a Catalog,
    slot: &'a Slot,
    rect: Rect,
    /// Where the slot's ink may go: its area (the half of the grid gap beside it too,
    /// unless it has a fill), never outside the safe area.
    bounds: Rect,
    rtl: bool,
    page: usize,
    /// How much taller the slot must be for its text to fit at its smallest size (set
    /// when it does not, and more height would help).
    short: std::cell::Cell<f32>,
}

impl SlotCtx<'_> {
    /// The smallest size at which a line read from afar (the number, the text line, the
    /// question) has the cap height the design's viewing distance needs; None for other
    /// text, or a design without a viewing distance.
    fn far_min(&self, block: &Block, texts: &[String]) -> Option<f32> {
        let need_mm = self.design.far_cap_mm()?;
        let hotline = &self.project.hotline;
        let digits = |f| crate::base::numbers::digits(hotline.display(f));
        let (phone, sms) = (
            digits(crate::load::hotline::HotlineField::Phone),
            digits(crate::load::hotline::HotlineField::Sms),
        );
        let far = self.design.question.as_deref()
            == Some(crate::load::spec::bilingual::base_name(&self.slot.name))
            || texts.iter().any(|t| {
                crate::base::numbers::shows(t, &phone) || crate::base::numbers::shows(t, &sms)
            });
        if !far {
            return None;
        }
        let em = block
            .paras
            .iter()
            .flat_map(|(p, _)| p.fonts())
            .filter_map(|f| self.project.fonts.face(f).ok())
            .map(|f| crate::load::fonts::cap_em(&f))
            .reduce(f32::min)?;
        Some(need_mm / (em * self.design.mm_per_pt()))
    }

    fn where_(&self) -> String {
        let page = if self.design.pages.len() > 1 {
            format!(", page {}", self.page + 1)
        } else {
            String::new()
        };
        format!(
            "slot `{}` of design `{}` in locale `{}`{page}",
            self.slot.name, self.design.name, self.cat.code
        )
    }

    fn err(&self, msg: String) -> Diagnostic {
        self.design.error(msg, Some(self.slot.span.clone()))
    }

    fn shape(&self, t: &str, chain: &FontChain) -> Result<Paragraph, Diagnostic> {
        text::shape(t, &self.project.fonts, chain, self.cat.info.direction, &self.cat.code).map_err(|e| match e {
            TextError::MissingGlyph(c) => {
                let mut d = self.err(format!(
                    "no font has the character U+{:04X} `{c}` used in {} (text: \"{t}\")",
                    c as u32,
                    self.where_()
                ));
                if let Some(span) = self.cat.messages.iter().find(|(_, v)| v.contains(c)).and_then(|(k, _)| self.cat.span_of(k)) {
                    d = Diagnostic::error(d.message.clone()).at(&self.cat.source, Some(span));
                }
                d.hint(format!(
                    "fix the character in the translation, or add a font with it to locale `{}` in locales/locales.toml (fonts tried: {})",
                    self.cat.code,
                    self.cat.info.fonts.join(", ")
                ))
            }
            TextError::Font(m) => self.err(m),
        })
    }

    fn text(
        &self,
        texts: Vec<String>,
        bullets: bool,
        items: &mut Vec<Item>,
        blocks: &mut Vec<TextBlock>,
    ) -> Result<(), Diagnostics> {
        match &self.slot.icon {
            Some(id) => self.text_with_icon(id, texts, bullets, items, blocks),
            None => self.text_plain(texts, bullets, items, blocks),
        }
    }

    fn text_plain(
        &self,
        texts: Vec<String>,
        bullets: bool,
        items: &mut Vec<Item>,
        blocks: &mut Vec<TextBlock>,
    ) -> Result<(), Diagnostics> {
        let role = self.slot.font;
        let chain = self.project.chain(self.cat, role);
        let first = self.project.fonts.face(chain.fonts[0])?;
        let mut paras = Vec::new();
        let mut plain = Vec::new();
        for t in &texts {
            for line in t.split('\n').map(str::trim).filter(|l| !l.is_empty()) {
                let bullet = if bullets {
                    Some(self.shape("\u{2022}", &chain)?)
                } else {
                    None
                };
                paras.push((self.shape(line, &chain)?, bullet));
                plain.push(line.to_string());
            }
        }
        let block = Block {
            paras,
            asc: first.ascender,
            desc: first.descender,
            inks: Default::default(),
            balance: Balance::of(self.slot.align, self.slot.font),
        };
        let lh = self.design.line_height * self.cat.info.line_height.unwrap_or(1.0);
        let range = self
            .slot
            .size
            .expect("text slots have a size (checked when parsing)");
        let px = self.design.px_pt();
        let (min, max) = (range.min.to_pt(px, 0.0), range.max.to_pt(px, 0.0));
        // A line read from afar is not set smaller than the viewing distance allows
        // (that cap height, in the fonts it is set in) where it fits at that size. Where
        // it needs more height for it, the slot says how much (its row may grow); where
        // it cannot fit at all, the design's smallest size holds and `check` reports
        // the cap height measured.
        let min = match self.far_min(&block, &texts).map(|f| f.min(max)) {
            Some(far) if far > min => {
                if self.fit_at(&block, far, lh).is_some() {
                    far
                } else {
                    if let Some(f) = block.try_fit(far, &self.rect, lh) {
                        self.short.set(f.height - self.rect.h);
                    }
                    min
                }
            }
            _ => min,
        };
        let fit = match self.fit_at(&block, max, lh) {
            Some(f) => f,
            None => {
                let Some(at_min) = self.fit_at(&block, min, lh) else {
                    return Err(self.overflow(&block, min, lh).into());
                };
                // Largest size that fits, to 0.05 pt.
                let (mut lo, mut hi, mut best) = (min, max, at_min);
                while hi - lo > 0.05 {
                    let mid = (lo + hi) / 2.0;
                    match self.fit_at(&block, mid, lh) {
                        Some(f) => {
                            lo = mid;
                            best = f;
                        }
                        None => hi = mid,
                    }
                }
                best
            }
        };
        let ink = self.place(&block, &fit, lh, items);
        let set = block
            .paras
            .iter()
            .zip(&fit.lines)
            .enumerate()
            .map(|(i, ((p, _), lines))| SetParagraph {
                measure: self.rect.w - block.indent(i) * fit.size,
                lines: lines
                    .iter()
                    .map(|l| (p.visible(l.clone()), p.width(l.clone()) * fit.size))
                    .collect(),
            })
            .collect();
        blocks.push(TextBlock {
            slot: self.slot.name.clone(),
            paragraphs: plain,
            size: fit.size,
            color: self.slot.color,
            lines: fit.lines.iter().map(Vec::len).sum(),
            rect: self.rect,
            ink,
            set,
        });
        Ok(())
    }

    fn overflow(&self, block: &Block, min: f32, lh: f32) -> Diagnostic {
        let unit = if self.design.medium == Medium::Screen {
            "px"
        } else {
            "pt"
        };
        match block.try_fit(min, &self.rect, lh) {
            Some(f) if f.height <= self.rect.h + 1e-3 => {
                // The lines fit; their ink (stacked accents, combining marks) does not.
                let placed = self.positions(block, &f, lh);
                let (ink, text) = placed
                    .iter()
                    .filter_map(|p| {
                        let para = &block.paras[p.para].0;
                        let r = self.line_ink(block, p, f.size)?;
                        Some((r, para.text[p.line.clone()].to_string()))
                    })
                    .fold((None::<Rect>, String::new()), |(acc, t), (r, lt)| {
                        let taller = acc.is_none_or(|a| r.h > a.h);
                        let acc = Some(acc.map_or(r, |a| rect_union(a, r)));
                        (acc, if taller { lt } else { t })
                    });
                let ink = ink.unwrap_or(self.rect);
                let shown: String = text
                    .chars()
                    .filter(|c| !text::is_bidi_control(*c))
                    .take(40)
                    .collect();
                self.err(format!(
                    "text does not fit in {} at the smallest size {min:.1}{unit}: its ink (accents and marks included) is {:.1} x {:.1}{unit}, the area allows {:.1} x {:.1}{unit}; tallest line: \"{}\"",
                    self.where_(),
                    ink.w,
                    ink.h,
                    self.bounds.w,
                    self.bounds.h,
                    shown.escape_debug()
                ))
                .hint(format!(
                    "check the message in locales/{}.ftl: a letter with many combining marks stacked on it draws far above or below its line",
                    self.cat.code
                ))
            }
            Some(f) => {
                self.short.set(f.height - self.rect.h);
                self.err(format!(
                "text does not fit in {} at the smallest size {min:.1}{unit}: it needs {:.1}{unit} of height, the slot has {:.1}{unit} ({:.1}{unit} over)",
                self.where_(),
                f.height,
                self.rect.h,
                f.height - self.rect.h
            ))
            }
            None => {
                let (piece, em) = block
                    .paras
                    .iter()
                    .enumerate()
                    .map(|(i, (p, _))| {
                        let (t, w) = p.widest_unbreakable();
                        (t, w + block.indent(i))
                    })
                    .fold((String::new(), 0.0f32), |a, b| if b.1 > a.1 { b } else { a });
                let wide = em * min;
                self.err(format!(
                    "text does not fit in {} at the smallest size {min:.1}{unit}: `{piece}` is {wide:.1}{unit} wide and cannot be broken, the slot is {:.1}{unit} wide ({:.1}{unit} over)",
                    self.where_(),
                    self.rect.w,
                    wide - self.rect.w
                ))
            }
        }
        .hint("shorten the message, lower the smallest size, or give this area a larger share of the grid")
        .code("fit")
    }

    /// Where each line of a fitted block goes (the ink moves of `fit` applied).
    fn positions(&self, block: &Block, fit: &Fit, lh: f32) -> Vec<Placed> {
        let size = fit.size;
        let r = self.rect;
        let mut y = match self.slot.valign {
            VAlign::Top => r.y,
            VAlign::Center => r.y + (r.h - fit.height) / 2.0,
            VAlign::Bottom => r.bottom() - fit.height,
        } + fit.shift_y;
        let baseline = ((lh - (block.asc - block.desc)) / 2.0 + block.asc) * size;
        let mut out = Vec::new();
        for (i, ((para, bullet), lines)) in block.paras.iter().zip(&fit.lines).enumerate() {
            let indent = block.indent(i) * size;
            for (li, line) in lines.iter().enumerate() {
                let lw = para.width(line.clone()) * size;
                let avail = r.w - indent;
                let (left, right) = if self.rtl {
                    (r.x, r.right() - indent)
                } else {
                    (r.x + indent, r.right())
                };
                let x = match (self.slot.align, self.rtl) {
                    (Align::Center, _) => left + (avail - lw) / 2.0,
                    (Align::Start, false) | (Align::End, true) => left,
                    (Align::End, false) | (Align::Start, true) => right - lw,
                };
                let bullet = match (li, bullet) {
                    (0, Some(bp)) => {
                        let bw = bp.natural_width() * size;
                        Some(if self.rtl { r.right() - bw } else { r.x })
                    }
                    _ => None,
                };
                let dx = fit.shift_x.get(out.len()).copied().unwrap_or(0.0);
                out.push(Placed {
                    para: i,
                    line: line.clone(),
                    x: x + dx,
                    y: y + baseline,
                    bullet: bullet.map(|b| b + dx),
                });
                y += lh * size;
            }
            y += ITEM_GAP * size;
        }
        out
    }

    /// The ink of a placed line (its bullet included), on the page.
    fn line_ink(&self, block: &Block, p: &Placed, size: f32) -> Option<Rect> {
        let bullet = &block.paras[p.para].1;
        let line = block
            .ink(p.para, &p.line)
            .map(|i| ink_rect(i, p.x, p.y, size));
        let dot = match (bullet, p.bullet) {
            (Some(bp), Some(bx)) => bp
                .line_ink(0..bp.text.len())
                .map(|i| ink_rect(i, bx, p.y, size)),
            _ => None,
        };
        match (line, dot) {
            (Some(a), Some(b)) => Some(rect_union(a, b)),
            (a, b) => a.or(b),
        }
    }

    /// The lines at `size` if they fit the slot and their ink fits its area: each line
    /// is moved sideways, and the block up or down, as far as its ink needs and the area
    /// allows (text that stays inside its advance boxes does not move).
    fn fit_at(&self, block: &Block, size: f32, lh: f32) -> Option<Fit> {
        const EPS: f32 = 1e-3;
        let mut fit = block.fits(size, &self.rect, lh)?;
        let b = self.bounds;
        let placed = self.positions(block, &fit, lh);
        let mut all: Option<Rect> = None;
        for p in &placed {
            let ink = self.line_ink(block, p, size);
            let mut dx = 0.0;
            if let Some(i) = ink {
                if i.w > b.w + EPS {
                    return None;
                }
                if i.x < b.x {
                    dx = b.x - i.x;
                } else if i.right() > b.right() {
                    dx = b.right() - i.right();
                }
                let moved = Rect::new(i.x + dx, i.y, i.w, i.h);
                all = Some(all.map_or(moved, |a| rect_union(a, moved)));
            }
            fit.shift_x.push(dx);
        }
        if let Some(a) = all {
            if a.h > b.h + EPS {
                return None;
            }
            if a.y < b.y {
                fit.shift_y = b.y - a.y;
            } else if a.bottom() > b.bottom() {
                fit.shift_y = b.bottom() - a.bottom();
            }
        }
        Some(fit)
    }

    /// Draw a fitted block; returns its ink on the page.
    fn place(&self, block: &Block, fit: &Fit, lh: f32, items: &mut Vec<Item>) -> Option<Rect> {
        let size = fit.size;
        let color = self.slot.color;
        let mut ink: Option<Rect> = None;
        for p in self.positions(block, fit, lh) {
            let (para, bullet) = &block.paras[p.para];
            if let (Some(bp), Some(bx)) = (bullet, p.bullet) {
                push_runs(items, bp, 0..bp.text.len(), bx, p.y, size, color);
            }
            push_runs(items, para, p.line.clone(), p.x, p.y, size, color);
            if let Some(i) = self.line_ink(block, &p, size) {
                ink = Some(ink.map_or(i, |a| rect_union(a, i)));
            }
        }
        ink
    }

    fn place_square(&self, side: f32) -> Rect {
        let r = self.rect;
        let x = match (self.slot.align, self.rtl) {
            (Align::Center, _) => r.x + (r.w - side) / 2.0,
            (Align::Start, false) | (Align::End, true) => r.x,
            _ => r.right() - side,
        };
        let y = match self.slot.valign {
            VAlign::Top => r.y,
            VAlign::Center => r.y + (r.h - side) / 2.0,
            VAlign::Bottom => r.bottom() - side,
        };
        Rect::new(x, y, side, side)
    }

    fn qr(&self, payload: &str, items: &mut Vec<Item>) -> Result<(), Diagnostics> {
        let side = self.rect.w.min(self.rect.h);
        let rect = self.place_square(side);
        let qr = crate::layout::qr::encode(payload, rect).map_err(|m| self.err(m))?;
        let (min, unit, shown) = match self.design.medium {
            Medium::Print => (
                MIN_MODULE_PT,
                "mm",
                qr.module() / crate::base::units::PT_PER_MM,
            ),
            Medium::Screen => (MIN_MODULE_PX, "px", qr.module()),
        };
        if qr.module() + 1e-4 < min {
            let need = min * (qr.modules + 2 * qr.quiet) as f32;
            return Err(self
                .err(format!(
                    "the QR code in {} would print with {shown:.2}{unit} modules; the smallest that scans reliably is {:.2}{unit}",
                    self.where_(),
                    if unit == "mm" { min / crate::base::units::PT_PER_MM } else { min }
                ))
                .hint(format!("give the QR area at least {need:.1}pt on each side (quiet zone of {} modules included)", qr.quiet))
                .into());
        }
        items.push(Item::Qr(qr));
        Ok(())
    }

    fn images(&self, ids: &[String], items: &mut Vec<Item>) -> Result<(), Diagnostics> {
        let mut imgs = Vec::new();
        let mut diags = Diagnostics::default();
        for id in ids {
            match self.project.image(id) {
                Ok(i) => imgs.push(i),
                // An error inside the image file keeps its own file and line.
                Err(d) if d.file.is_some() => {
                    diags.push(d.hint(format!("used by {}", self.where_())))
                }
                Err(d) => diags.push(Diagnostic {
                    span: Some(self.slot.span.clone()),
                    source: Some(self.design.source.clone()),
                    file: Some(self.design.source.path.clone()),
                    ..d.hint(format!("used by {}", self.where_()))
                }),
            }
        }
        if !diags.is_empty() {
            return Err(diags);
        }
        // Choose the grid (columns x rows) that makes the pictures largest.
        let n = imgs.len();
        let gap = 0.06 * self.rect.w.min(self.rect.h);
        let mut best = (0.0f32, 1usize);
        for c in 1..=n {
            let r = n.div_ceil(c);
            let cell = ((self.rect.w - gap * (c - 1) as f32) / c as f32)
                .min((self.rect.h - gap * (r - 1) as f32) / r as f32);
            if cell > best.0 + 1e-3 {
                best = (cell, c);
            }
        }
        let (cell, c) = best;
        let r = n.div_ceil(c);
        let gw = cell * c as f32 + gap * (c - 1) as f32;
        let gh = cell * r as f32 + gap * (r - 1) as f32;
        let x0 = self.rect.x + (self.rect.w - gw) / 2.0;
        let y0 = self.rect.y + (self.rect.h - gh) / 2.0;
        for (i, img) in imgs.into_iter().enumerate() {
            let (col, row) = (i % c, i / c);
            let col = if self.rtl { c - 1 - col } else { col };
            let a = img.aspect();
            let (iw, ih) = if a >= 1.0 {
                (cell, cell / a)
            } else {
                (cell * a, cell)
            };
            let cx = x0 + col as f32 * (cell + gap) + (cell - iw) / 2.0;
            let cy = y0 + row as f32 * (cell + gap) + (cell - ih) / 2.0;
            items.push(Item::Image {
                rect: Rect::new(cx, cy, iw, ih),
                image: img,
            });
        }
        Ok(())
    }
}

fn push_runs(
    items: &mut Vec<Item>,
    p: &Paragraph,
    line: std::ops::Range<usize>,
    x: f32,
    y: f32,
    size: f32,
    color: Color,
) {
    for r in p.line_runs(line) {
        items.push(Item::Text(GlyphRun {
            font: r.font,
            size,
            color,
            x: x + r.x * size,
            y,
            glyphs: r.glyphs,
            rtl: r.rtl,
            text: r.text,
        }));
    }
}

/// The draft note's colour: red on screen and in RGB files; black ink alone in a CMYK
/// file, as all text under 12 pt, so the line stays sharp when the plates are out of
/// register.
pub const DRAFT_RED: Color = Color::rgb(0xc0, 0x00, 0x00).with_cmyk([0, 0, 0, 100]);

/// Draw the draft note in the band between the safe area and the trim edge at the
/// bottom of every page, so it is printed but never covers content.
pub fn draft_mark(project: &Project, scene: &mut Scene, note: &str) -> Result<(), Diagnostic> {
    let latin = project.fonts.id("latin", FontRole::Bold).ok_or_else(|| {
        Diagnostic::error("fonts/fonts.toml has no `latin` family for the draft mark")
    })?;
    let chain = FontChain::one(latin);
    let p = text::shape(note, &project.fonts, &chain, Direction::Ltr, "en")
        .map_err(|e| Diagnostic::error(format!("draft mark: {e:?}")))?;
    let face = project.fonts.face(chain.fonts[0])?;
    for page in &mut scene.pages {
        let full = page.trim.bottom() - page.safe.bottom();
        let cap = if scene.medium == Medium::Screen {
            28.0
        } else {
            9.0
        };
        // On paper the line keeps 0.25 in inside the page, where an office printer still
        // prints (`check` holds office pieces to it), whenever the band leaves room for
        // it at a readable size; else (a trimmed card's narrow band) it is centred in the
        // whole band, inside the trim.
        let room = if scene.medium == Medium::Print {
            page.trim
                .bottom()
                .min(page.height - crate::load::spec::Printing::OFFICE_EDGE_PT)
                - page.safe.bottom()
        } else {
            full
        };
        let band = if (room * 0.62).min(cap) >= (full * 0.62).min(cap).min(6.0) {
            room
        } else {
            full
        };
        let mut size = (band * 0.62).min(cap);
        let maxw = page.trim.w * 0.9;
        size = size.min(maxw / p.natural_width());
        let w = p.natural_width() * size;
        let x = page.trim.x + (page.trim.w - w) / 2.0;
        let text_h = (face.ascender - face.descender) * size;
        let y = page.safe.bottom() + (band - text_h) / 2.0 + face.ascender * size;
        let bg = Rect::new(
            x - 0.3 * size,
            y - face.ascender * size - 0.1 * size,
            w + 0.6 * size,
            text_h + 0.2 * size,
        );
        page.items.push(Item::Rect {
            rect: bg,
            color: Color::WHITE,
        });
        push_runs(&mut page.items, &p, 0..p.text.len(), x, y, size, DRAFT_RED);
    }
    Ok(())
}

/// Text in a locale's fonts at a fixed size, wrapped to `w` from (`x`, `top`), starting
/// at the right for right-to-left locales: for review documents (proof books), not for
/// pieces. Returns the items and the height used.
#[allow(clippy::too_many_arguments)]
pub fn wrapped(
    project: &Project,
    cat: &Catalog,
    text: &str,
    x: f32,
    top: f32,
    w: f32,
    size: f32,
    color: Color,
    bold: bool,
) -> Result<(Vec<Item>, f32), Diagnostic> {
    let role = if bold {
        FontRole::Bold
    } else {
        FontRole::Regular
    };
    let chain = project.chain(cat, role);
    let face = project.fonts.face(chain.fonts[0])?;
    let lh = 1.3 * cat.info.line_height.unwrap_or(1.0) * size;
    let rtl = cat.info.direction == Direction::Rtl;
    let mut items = Vec::new();
    let mut y = top;
    for line in text.split('\n').map(str::trim).filter(|l| !l.is_empty()) {
        let p = text::shape(line, &project.fonts, &chain, cat.info.direction, &cat.code).map_err(
            |e| match e {
                TextError::MissingGlyph(c) => Diagnostic::error(format!(
                    "no font has the character U+{:04X} `{c}` (text: \"{line}\")",
                    c as u32
                ))
                .at(&cat.source, None),
                TextError::Font(m) => Diagnostic::error(m),
            },
        )?;
        // A word wider than the column overflows rather than failing the document.
        let whole = std::iter::once(0..p.text.len()).collect::<Vec<_>>();
        let lines = p.break_lines(w / size).unwrap_or(whole);
        for l in lines {
            let lw = p.width(l.clone()) * size;
            let lx = if rtl { x + w - lw } else { x };
            push_runs(&mut items, &p, l, lx, y + face.ascender * size, size, color);
            y += lh;
        }
    }
    Ok((items, y - top))
}

/// Free text typed by people (a place name, a note) in any script, wrapped to `w` from
/// (`x`, `top`) at `size` with lines `leading` × `size` apart: each line's direction
/// comes from its first strong character (an Arabic line starts at the right), and
/// `chain` should hold a face for every script the text may use. Returns the items and
/// the height used; a character no face has is the caller's to replace.
#[allow(clippy::too_many_arguments)]
pub fn wrapped_any(
    project: &Project,
    chain: &FontChain,
    text: &str,
    (x, top, w): (f32, f32, f32),
    size: f32,
    leading: f32,
    color: Color,
) -> Result<(Vec<Item>, f32), TextError> {
    let ascender = match chain.fonts.first() {
        Some(&id) => {
            project
                .fonts
                .face(id)
                .map_err(|d| TextError::Font(d.message))?
                .ascender
        }
        None => 1.0,
    };
    let mut items = Vec::new();
    let mut y = top;
    for line in text.split('\n').map(str::trim).filter(|l| !l.is_empty()) {
        let dir = match unicode_bidi::get_base_direction(line) {
            unicode_bidi::Direction::Rtl => Direction::Rtl,
            _ => Direction::Ltr,
        };
        let p = text::shape(line, &project.fonts, chain, dir, "und")?;
        let lines = p
            .break_lines(w / size)
            .unwrap_or_else(|| hard_breaks(&p, w / size));
        for l in lines {
            let lw = p.width(l.clone()) * size;
            let lx = if dir == Direction::Rtl { x + w - lw } else { x };
            push_runs(&mut items, &p, l, lx, y + ascender * size, size, color);
            y += leading * size;
        }
    }
    Ok((items, y - top))
}

/// Lines of at most `max` em broken between any two characters (not before a
/// combining mark): for typed text with a word wider than its column.
fn hard_breaks(p: &Paragraph, max: f32) -> Vec<std::ops::Range<usize>> {
    use unicode_properties::{GeneralCategoryGroup, UnicodeGeneralCategory};
    let mut lines = Vec::new();
    let mut start = 0;
    for (i, c) in p.text.char_indices() {
        let mark = c.general_category_group() == GeneralCategoryGroup::Mark;
        if i > start && !mark && p.width(start..i + c.len_utf8()) > max {
            lines.push(start..i);
            start = i;
        }
    }
    lines.push(start..p.text.len());
    lines
}

/// The width in em of the widest piece of `text` that cannot be broken (a web address),
/// in a locale's regular fonts: review tables shrink such a cell to fit its column.
pub fn widest_unbreakable(project: &Project, cat: &Catalog, text: &str) -> f32 {
    let chain = project.chain(cat, FontRole::Regular);
    text.split('\n')
        .filter_map(|l| {
            text::shape(
                l.trim(),
                &project.fonts,
                &chain,
                cat.info.direction,
                &cat.code,
            )
            .ok()
        })
        .map(|p| p.widest_unbreakable().1)
        .fold(0.0, f32::max)
}

/// One line of English text in the Latin face at a baseline, shrunk to fit `max_w`:
/// for labels on review documents (contact sheets), not for pieces.
#[allow(clippy::too_many_arguments)]
pub fn label(
    project: &Project,
    text: &str,
    x: f32,
    y: f32,
    size: f32,
    max_w: f32,
    color: Color,
    bold: bool,
) -> Result<Vec<Item>, Diagnostic> {
    let role = if bold {
        FontRole::Bold
    } else {
        FontRole::Regular
    };
    let id = project
        .fonts
        .id("latin", role)
        .ok_or_else(|| Diagnostic::error("fonts/fonts.toml has no `latin` family"))?;
    let p = text::shape(
        text,
        &project.fonts,
        &FontChain::one(id),
        Direction::Ltr,
        "en",
    )
    .map_err(|e| Diagnostic::error(format!("label {text:?}: {e:?}")))?;
    let size = size.min(max_w / p.natural_width().max(1e-3));
    let mut items = Vec::new();
    push_runs(&mut items, &p, 0..p.text.len(), x, y, size, color);
    Ok(items)
}
