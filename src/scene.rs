//! The display list: one fully laid-out, immutable description of a piece.
//!
//! Layout produces a [`Scene`]; every exporter (PDF, PNG, SVG) is a plain function of it
//! and never measures or breaks text again. Coordinates are points (1/72 in) from the
//! top-left corner of the media box (trim plus bleed), y pointing down. On screen designs
//! one point is one output pixel.

use std::fmt::Write as _;
use std::ops::Range;
use std::sync::Arc;

use crate::base::units::Color;
use crate::load::fonts::{FontBook, FontId};
use crate::load::imagery::Illustration;
use crate::load::locale::Direction;
use crate::load::spec::Medium;

/// An axis-aligned rectangle.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    /// Left edge.
    pub x: f32,
    /// Top edge.
    pub y: f32,
    /// Width.
    pub w: f32,
    /// Height.
    pub h: f32,
}

impl Rect {
    /// New rectangle.
    pub fn new(x: f32, y: f32, w: f32, h: f32) -> Self {
        Self { x, y, w, h }
    }

    /// Shrink by `d` on every side (never below zero size).
    pub fn inset(self, d: f32) -> Self {
        Self::new(
            self.x + d,
            self.y + d,
            (self.w - 2.0 * d).max(0.0),
            (self.h - 2.0 * d).max(0.0),
        )
    }

    /// Shrink by different amounts horizontally and vertically.
    pub fn inset_xy(self, dx: f32, dy: f32) -> Self {
        Self::new(
            self.x + dx,
            self.y + dy,
            (self.w - 2.0 * dx).max(0.0),
            (self.h - 2.0 * dy).max(0.0),
        )
    }

    /// Right edge.
    pub fn right(&self) -> f32 {
        self.x + self.w
    }

    /// Bottom edge.
    pub fn bottom(&self) -> f32 {
        self.y + self.h
    }

    /// Whether `other` lies inside this rectangle (with a small tolerance).
    pub fn contains(&self, other: &Rect) -> bool {
        const EPS: f32 = 0.01;
        other.x >= self.x - EPS
            && other.y >= self.y - EPS
            && other.right() <= self.right() + EPS
            && other.bottom() <= self.bottom() + EPS
    }
}

/// One glyph of a run, in em units of the run's font size.
#[derive(Debug, Clone, PartialEq)]
pub struct Glyph {
    /// Glyph id in the font.
    pub id: u16,
    /// Advance in em.
    pub advance: f32,
    /// Horizontal offset in em.
    pub dx: f32,
    /// Vertical offset in em (font convention: up is positive).
    pub dy: f32,
    /// The characters this glyph stands for, as a byte range of [`GlyphRun::text`].
    pub range: Range<usize>,
}

/// Glyphs of one font, placed left to right from a baseline origin.
#[derive(Debug, Clone, PartialEq)]
pub struct GlyphRun {
    /// Font face.
    pub font: FontId,
    /// Font size in points.
    pub size: f32,
    /// Fill colour.
    pub color: Color,
    /// Left end of the baseline.
    pub x: f32,
    /// Baseline.
    pub y: f32,
    /// Glyphs in visual (left-to-right) order.
    pub glyphs: Vec<Glyph>,
    /// Right-to-left text: exporters that store text in reading order (PDF) write the
    /// glyphs in reverse, at the same positions.
    pub rtl: bool,
    /// The text the glyphs stand for, in logical order (for PDF text extraction).
    pub text: String,
}

impl GlyphRun {
    /// Width of the run in points.
    pub fn width(&self) -> f32 {
        self.glyphs.iter().map(|g| g.advance).sum::<f32>() * self.size
    }
}

/// The colour of a QR code's dark modules, on white: black ink alone on press, so the
/// modules stay sharp when the plates are out of register.
pub const QR_INK: Color = Color::BLACK;

/// A QR code with its quiet zone.
#[derive(Debug, Clone, PartialEq)]
pub struct Qr {
    /// The whole symbol including the 4-module quiet zone.
    pub rect: Rect,
    /// Modules per side, without the quiet zone.
    pub modules: usize,
    /// Quiet zone in modules on each side.
    pub quiet: usize,
    /// Dark modules, row-major, `modules * modules`.
    pub dark: Vec<bool>,
    /// The exact payload encoded.
    pub payload: String,
}

impl Qr {
    /// Size of one module in points.
    pub fn module(&self) -> f32 {
        self.rect.w / (self.modules + 2 * self.quiet) as f32
    }

    /// Whether the module at (x, y) is dark.
    pub fn is_dark(&self, x: usize, y: usize) -> bool {
        self.dark[y * self.modules + x]
    }
}

/// Something drawn on a page, in painting order.
#[derive(Debug, Clone)]
pub enum Item {
    /// A filled rectangle.
    Rect {
        /// Where.
        rect: Rect,
        /// Colour.
        color: Color,
    },
    /// Shaped text.
    Text(GlyphRun),
    /// A QR code.
    Qr(Qr),
    /// An illustration, scaled to fill `rect`.
    Image {
        /// Where.
        rect: Rect,
        /// The picture.
        image: Arc<Illustration>,
    },
}

/// One text block as laid out, kept for checks and snapshots.
#[derive(Debug, Clone, PartialEq)]
pub struct TextBlock {
    /// Slot name.
    pub slot: String,
    /// Paragraphs, logical order.
    pub paragraphs: Vec<String>,
    /// Font size chosen by fitting.
    pub size: f32,
    /// The slot's text colour (with its print values).
    pub color: Color,
    /// Lines used.
    pub lines: usize,
    /// The slot's box (inside padding).
    pub rect: Rect,
    /// The box the glyph outlines cover (accents and combining marks included), where
    /// they were drawn; `None` when nothing has ink.
    pub ink: Option<Rect>,
    /// Each paragraph as broken into lines.
    pub set: Vec<SetParagraph>,
}

/// One paragraph of a text block as broken into lines, kept for checks.
#[derive(Debug, Clone, PartialEq)]
pub struct SetParagraph {
    /// The width its lines were broken to (bullet indent left out), in points.
    pub measure: f32,
    /// Each line's text as read (bidi controls left out) and its width in points.
    pub lines: Vec<(String, f32)>,
}

impl SetParagraph {
    /// The last line, when the paragraph wraps and that line leaves a word stranded
    /// ([`crate::base::stranded::is_stranded`]).
    pub fn stranded(&self) -> Option<&str> {
        let (last, w) = self.lines.last()?;
        let share = w / self.measure.max(1e-3);
        (self.lines.len() >= 2 && crate::base::stranded::is_stranded(last, share))
            .then_some(last.as_str())
    }
}

/// The spot colour a print-and-cut RIP or a cutting plotter reads as the die line.
pub const CUT_CONTOUR: &str = "CutContour";

/// How the cut line looks where the spot colour cannot be shown (PNG, SVG, and the PDF's
/// fallback): magenta, the usual on-screen colour of `CutContour`.
pub const CUT_MAGENTA: Color = Color::rgb(255, 0, 255);

/// A die-cut contour (`build --cut-line`): a closed path on the trim box with rounded
/// corners, stroked in the [`CUT_CONTOUR`] spot colour. Like printer's marks it is
/// production information, not content: it is never mirrored and not in the content
/// hash.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CutLine {
    /// The rectangle the line follows: the page's trim box.
    pub rect: Rect,
    /// Corner radius in points (0: square corners).
    pub radius: f32,
}

/// A white-ink plate for clear film: a fill in its own spot colour (the name the print
/// shop's RIP looks for) over the bleed box, printed under the artwork on a
/// first-surface piece and behind it (after the colour) on a mirrored second-surface
/// one. The plate that lies on top in the file is blended with Multiply, so neither
/// plate knocks the other out: each keeps its ink where they overlap.
#[derive(Debug, Clone, PartialEq)]
pub struct WhitePlate {
    /// The spot colour's name (`White` unless the kit names another).
    pub ink: String,
    /// The area the plate covers.
    pub rect: Rect,
    /// `true`: painted after the artwork (second-surface); `false`: before it.
    pub behind: bool,
}

/// One step of an outline, in page coordinates.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Seg {
    /// Start a subpath.
    Move(f32, f32),
    /// Straight line.
    Line(f32, f32),
    /// Cubic Bezier: two control points, then the end point.
    Cubic(f32, f32, f32, f32, f32, f32),
    /// Close the subpath.
    Close,
}

impl CutLine {
    /// Stroke width of the cut line in points: the hairline print-and-cut RIPs expect.
    pub const WIDTH: f32 = 0.25;

    /// The outline, clockwise on the page from the end of the top-left corner: four
    /// sides joined by quarter circles (cubic Beziers with the usual kappa, 0.5523,
    /// at most 0.03% off a true circle). The radius is capped at half the shorter side.
    pub fn outline(&self) -> Vec<Seg> {
        /// Control point distance for a quarter circle of radius 1.
        const KAPPA: f32 = 0.552_284_8;
        let r = self.rect;
        let rad = self.radius.clamp(0.0, r.w.min(r.h) / 2.0);
        let (x0, y0, x1, y1) = (r.x, r.y, r.right(), r.bottom());
        if rad <= 0.0 {
            return vec![
                Seg::Move(x0, y0),
                Seg::Line(x1, y0),
                Seg::Line(x1, y1),
                Seg::Line(x0, y1),
                Seg::Close,
            ];
        }
        let k = rad * (1.0 - KAPPA);
        vec![
            Seg::Move(x0 + rad, y0),
            Seg::Line(x1 - rad, y0),
            Seg::Cubic(x1 - k, y0, x1, y0 + k, x1, y0 + rad),
            Seg::Line(x1, y1 - rad),
            Seg::Cubic(x1, y1 - k, x1 - k, y1, x1 - rad, y1),
            Seg::Line(x0 + rad, y1),
            Seg::Cubic(x0 + k, y1, x0, y1 - k, x0, y1 - rad),
            Seg::Line(x0, y0 + rad),
            Seg::Cubic(x0, y0 + k, x0 + k, y0, x0 + rad, y0),
            Seg::Close,
        ]
    }
}

/// One page or slide.
#[derive(Debug, Clone)]
pub struct Page {
    /// Media box size (trim plus bleed on each side).
    pub width: f32,
    /// Media box height.
    pub height: f32,
    /// Trim box inside the media box.
    pub trim: Rect,
    /// Bleed box: the trim box plus the bleed (the media box unless marks are added).
    pub bleed: Rect,
    /// Safe area inside the trim box.
    pub safe: Rect,
    /// What to draw, in order.
    pub items: Vec<Item>,
    /// Printer's marks (crop marks, slug line), drawn after the items and never
    /// mirrored: a print shop reads them on the front of a second-surface print too.
    pub marks: Vec<Item>,
    /// The die-cut line (`build --cut-line`), drawn last, never mirrored.
    pub cut: Option<CutLine>,
    /// The white-ink plate of a piece on clear film; PDF only (PNG and SVG show the
    /// artwork as it looks on white).
    pub white: Option<WhitePlate>,
    /// Text blocks, for checks.
    pub blocks: Vec<TextBlock>,
}

/// One language of a piece: its locale and what its strings are.
#[derive(Debug, Clone, PartialEq)]
pub struct Language {
    /// Locale code.
    pub locale: String,
    /// The language's name in itself (locales.toml `name`).
    pub name: String,
    /// Reading direction.
    pub direction: Direction,
    /// The lowest review status of its strings on the piece.
    pub review: crate::load::locale::Review,
    /// Its messages shown in the fallback locale.
    pub fell_back: Vec<String>,
    /// Ids of its messages on the piece, in order of first use.
    pub messages: Vec<String>,
}

/// Everything needed to export one piece.
#[derive(Debug, Clone)]
pub struct Scene {
    /// Design name.
    pub design: String,
    /// Locale code.
    pub locale: String,
    /// Document title (PDF metadata).
    pub title: String,
    /// Print or screen.
    pub medium: Medium,
    /// Reading direction of the locale.
    pub direction: Direction,
    /// Mirror every page horizontally (second-surface print).
    pub mirrored: bool,
    /// The colour print PDFs are written in: RGB, or CMYK with each colour's print
    /// values. Set for a PDF of a print piece after layout; PNG and SVG ignore it.
    pub ink: crate::model::config::ColorMode,
    /// Why the piece is a draft, if it is; drawn on every page and written to metadata.
    pub draft: Option<String>,
    /// `Some` for a document that is not a piece (plan, review book, label sheet,
    /// contact sheet): what it is and what its pages show about the pieces on it. Its
    /// metadata comes from this, never from the piece fields above.
    pub document: Option<DocStatus>,
    /// The content hash (`sha256:...`, made by the review stage); empty for review
    /// documents that are not pieces.
    pub hash: String,
    /// The inputs the hash covers.
    pub inputs: crate::load::ledger::Inputs,
    /// Where the piece stands with the advisory board.
    pub approval: crate::load::ledger::State,
    /// The QR payload on every page.
    pub qr: String,
    /// The lowest review status of the strings on the piece.
    pub review: crate::load::locale::Review,
    /// Messages shown in the fallback locale because this locale lacks them.
    pub fell_back: Vec<String>,
    /// Ids of every message on the piece, in order of first use.
    pub messages: Vec<String>,
    /// The languages on the piece, in reading order: one, or a pair (`en+es`, whose
    /// second-language text blocks are the slots named `NAME@2`). Empty on documents.
    pub languages: Vec<Language>,
    /// Pages.
    pub pages: Vec<Page>,
    /// The fonts the glyph runs refer to.
    pub fonts: Arc<FontBook>,
}

impl Scene {
    /// A document that is not a piece (contact sheet, review book, label sheet): English,
    /// print, left to right, no hash, no draft mark of its own (pieces placed on it keep
    /// theirs). `status` says what its pages show; its metadata says the same.
    pub fn document(
        name: &str,
        title: String,
        pages: Vec<Page>,
        fonts: Arc<FontBook>,
        status: DocStatus,
    ) -> Self {
        Scene {
            document: Some(status),
            design: name.to_string(),
            locale: "en".into(),
            title,
            medium: crate::load::spec::Medium::Print,
            direction: crate::load::locale::Direction::Ltr,
            mirrored: false,
            ink: Default::default(),
            draft: None,
            hash: String::new(),
            inputs: Default::default(),
            approval: Default::default(),
            qr: String::new(),
            review: crate::load::locale::Review::Draft,
            fell_back: Vec::new(),
            messages: Vec::new(),
            languages: Vec::new(),
            pages,
            fonts,
        }
    }

    /// `", page N"` for page `index` (0-based) of a piece of several pages; empty for a
    /// one-page piece. For diagnostics.
    pub fn page_label(&self, index: usize) -> String {
        if self.pages.len() > 1 {
            format!(", page {}", index + 1)
        } else {
            String::new()
        }
    }

    /// The locale a text block is written in: the second language's for a slot named
    /// `NAME@2` on a piece in two languages, else the piece's first.
    pub fn block_locale(&self, b: &TextBlock) -> &str {
        let i = usize::from(b.slot.ends_with("@2"));
        self.languages
            .get(i)
            .or(self.languages.first())
            .map_or(self.locale.as_str(), |l| l.locale.as_str())
    }

    /// What the file says about itself (PDF Info and XMP, PNG text chunks): the status
    /// its pages show, from the scene's own state.
    pub fn meta(&self) -> Meta {
        match &self.document {
            Some(d) => d.meta(&self.design, &self.title, &self.locale),
            None => self.piece_meta(),
        }
    }

    fn piece_meta(&self) -> Meta {
        let (status, word) = match &self.draft {
            Some(d) => (d.clone(), "DRAFT"),
            None => ("Approved for print".to_string(), "approved"),
        };
        let title = match &self.draft {
            Some(d) => format!("{} \u{2013} {d}", self.title),
            None => self.title.clone(),
        };
        let mut subject = vec![status.clone()];
        if !self.qr.is_empty() {
            subject.push(format!("QR code: {}", self.qr));
        }
        if !self.hash.is_empty() {
            subject.push(format!("Content hash: {}", self.hash));
        }
        Meta::new(
            title,
            join_sentences(&subject),
            vec![
                self.design.clone(),
                self.locale.clone(),
                word.into(),
                self.hash.clone(),
            ],
            self.locale.clone(),
            status,
            self.draft.is_some(),
        )
    }

    /// Pixels per point for PNG output: 300 dpi for print, 1 px per pt for screens.
    pub fn png_scale(&self) -> f32 {
        self.medium.png_scale()
    }

    /// A plain-text dump of the display list, for snapshot tests and review.
    pub fn snapshot(&self) -> String {
        let mut s = String::new();
        let _ = writeln!(
            s,
            "scene {} {} {:?} dir={:?} mirrored={} qr={:?} draft={:?}",
            self.design,
            self.locale,
            self.medium,
            self.direction,
            self.mirrored,
            self.qr,
            self.draft
        );
        s.push_str(&self.pages_snapshot());
        s
    }

    /// The pages part of [`Scene::snapshot`]: every item with its position (to 0.1 pt),
    /// size, font and text. The content hash covers it, so a change in layout shows.
    pub fn pages_snapshot(&self) -> String {
        let mut s = String::new();
        for (i, p) in self.pages.iter().enumerate() {
            let _ = writeln!(
                s,
                "page {} {:.1}x{:.1} trim=({:.1},{:.1},{:.1},{:.1})",
                i + 1,
                p.width,
                p.height,
                p.trim.x,
                p.trim.y,
                p.trim.w,
                p.trim.h
            );
            for item in &p.items {
                match item {
                    Item::Rect { rect, color } => {
                        let _ = writeln!(
                            s,
                            "  rect ({:.1},{:.1},{:.1},{:.1}) {}",
                            rect.x,
                            rect.y,
                            rect.w,
                            rect.h,
                            color.hex()
                        );
                    }
                    Item::Text(r) => {
                        let _ = writeln!(
                            s,
                            "  text ({:.1},{:.1}) {:.2}pt w={:.1} {} {} {:?}",
                            r.x,
                            r.y,
                            r.size,
                            r.width(),
                            self.fonts.describe(r.font),
                            r.color.hex(),
                            r.text
                        );
                    }
                    Item::Qr(q) => {
                        let _ = writeln!(
                            s,
                            "  qr ({:.1},{:.1},{:.1},{:.1}) {}+{}q module={:.2}pt {:?}",
                            q.rect.x,
                            q.rect.y,
                            q.rect.w,
                            q.rect.h,
                            q.modules,
                            q.quiet,
                            q.module(),
                            q.payload
                        );
                    }
                    Item::Image { rect, image } => {
                        let _ = writeln!(
                            s,
                            "  image ({:.1},{:.1},{:.1},{:.1}) {}",
                            rect.x, rect.y, rect.w, rect.h, image.id
                        );
                    }
                }
            }
            // Only present on print files made with --cut-line, after the content hash
            // was taken: the snapshot of a laid-out piece (and so its hash) never has it.
            if let Some(c) = &p.cut {
                let _ = writeln!(
                    s,
                    "  cut ({:.1},{:.1},{:.1},{:.1}) radius={:.2}pt {} {}pt",
                    c.rect.x,
                    c.rect.y,
                    c.rect.w,
                    c.rect.h,
                    c.radius,
                    CUT_CONTOUR,
                    CutLine::WIDTH
                );
            }
            // The plate's spot-colour name is the kit's (a print-shop setting), so it
            // is left out here and from the content hash.
            if let Some(w) = &p.white {
                let _ = writeln!(
                    s,
                    "  white plate ({:.1},{:.1},{:.1},{:.1}) {}",
                    w.rect.x,
                    w.rect.y,
                    w.rect.w,
                    w.rect.h,
                    if w.behind { "behind" } else { "under" }
                );
            }
        }
        s
    }
}

/// What a document that is not a piece shows about the pieces on it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DocStatus {
    /// What the document is, in words ("placement checklist", "review book").
    pub what: String,
    /// Pieces (design and language) shown or listed on it.
    pub pieces: usize,
    /// How many of them are drafts (marked DRAFT on its pages).
    pub drafts: usize,
}

impl DocStatus {
    /// A document about `pieces` pieces, `drafts` of them drafts.
    pub fn new(what: impl Into<String>, pieces: usize, drafts: usize) -> Self {
        Self {
            what: what.into(),
            pieces,
            drafts,
        }
    }

    /// The status in words: never "approved" for the document itself, which is not a
    /// piece; the count of drafts when it shows any.
    pub fn text(&self) -> String {
        let head = format!("Not a piece for posting: {}", self.what);
        let n = |k: usize| if k == 1 { "piece" } else { "pieces" };
        match (self.pieces, self.drafts) {
            (0, _) => head,
            (p, 0) => format!("{head}. All {p} {} on it approved for print", n(p)),
            (p, d) => format!(
                "{head}. DRAFT: {d} of {p} {} on it not approved for print (marked DRAFT on its pages)",
                n(p)
            ),
        }
    }

    fn meta(&self, name: &str, title: &str, locale: &str) -> Meta {
        let draft = self.drafts > 0;
        let title = if draft {
            format!(
                "{title} \u{2013} DRAFT: {} of {} not approved for print",
                self.drafts, self.pieces
            )
        } else {
            title.to_string()
        };
        let word = match (self.pieces, draft) {
            (0, _) => String::new(),
            (_, true) => "DRAFT".into(),
            (_, false) => "all pieces approved".into(),
        };
        Meta::new(
            title,
            self.text(),
            vec![name.to_string(), "not a piece".into(), word],
            locale.to_string(),
            self.text(),
            draft,
        )
    }
}

/// A file's description of itself, written to PDF metadata (Info and XMP) and PNG text
/// chunks. Every field is non-empty: empty parts are left out, not written blank.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Meta {
    /// Title (with the draft note on a draft).
    pub title: String,
    /// Subject / description: the status, then the QR payload and content hash if any.
    pub subject: String,
    /// Keywords, none empty.
    pub keywords: Vec<String>,
    /// Language tag.
    pub language: String,
    /// The status as the pages show it ("DRAFT – …", "Approved for print", "Not a
    /// piece for posting: …").
    pub status: String,
    /// Whether the pages show DRAFT.
    pub draft: bool,
}

impl Meta {
    fn new(
        title: String,
        subject: String,
        keywords: Vec<String>,
        language: String,
        status: String,
        draft: bool,
    ) -> Self {
        Meta {
            title,
            subject,
            keywords: keywords
                .into_iter()
                .filter(|k| !k.trim().is_empty())
                .collect(),
            language,
            status,
            draft,
        }
    }
}

/// Sentences joined with ". ", none of them empty.
fn join_sentences(parts: &[String]) -> String {
    parts
        .iter()
        .filter(|p| !p.trim().is_empty())
        .map(String::as_str)
        .collect::<Vec<_>>()
        .join(". ")
}

/// Items scaled by `s` about the origin, then moved by (`dx`, `dy`): a piece placed on
/// another document (review book, label sheet).
pub fn transformed(items: &[Item], s: f32, dx: f32, dy: f32) -> Vec<Item> {
    let r = |r: &Rect| Rect::new(r.x * s + dx, r.y * s + dy, r.w * s, r.h * s);
    items
        .iter()
        .map(|it| match it {
            Item::Rect { rect, color } => Item::Rect {
                rect: r(rect),
                color: *color,
            },
            Item::Text(run) => {
                let mut run = run.clone();
                run.x = run.x * s + dx;
                run.y = run.y * s + dy;
                run.size *= s;
                Item::Text(run)
            }
            Item::Qr(q) => {
                let mut q = q.clone();
                q.rect = r(&q.rect);
                Item::Qr(q)
            }
            Item::Image { rect, image } => Item::Image {
                rect: r(rect),
                image: image.clone(),
            },
        })
        .collect()
}
