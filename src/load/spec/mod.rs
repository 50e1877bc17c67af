//! Design specs: the TOML files in `designs/`, parsed strictly and checked.
//!
//! A design names its page size, margins, a grid of named areas (like CSS
//! `grid-template-areas`) and what fills each area (a message, a hotline fact, the QR
//! code or illustrations). Unknown fields are errors, not ignored, so a typo never
//! silently drops a setting.

use std::collections::BTreeMap;
use std::fmt;
use std::ops::Range;
use std::sync::Arc;

use serde::Deserialize;
use serde::de::{self, Deserializer, Visitor};
use toml::Spanned;

use crate::base::diag::{Diagnostic, Source};
use crate::base::units::{Color, Length};

pub mod bilingual;
mod parse;
pub use parse::parse_design;

/// The most ink (C + M + Y + K, percent) a fill may put on the sheet: above it, ink
/// does not dry and sets off on the sheet above it.
pub const MAX_INK: u32 = 300;

/// Cap height needed per millimetre of viewing distance (1/200): the rule every line
/// read from afar keeps (the number, the text line, the question).
pub const CAP_PER_DISTANCE: f32 = 1.0 / 200.0;

/// Who a piece is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Audience {
    /// Patients: posted in restrooms, exam rooms, waiting rooms.
    #[default]
    Patient,
    /// Staff: break rooms, staff areas, badge cards; never where patients can see it.
    Staff,
}

impl Audience {
    /// Whether a `per` count (kit.toml `[counts]`) names a place or group of staff
    /// (`staff`, `staff_rooms`): the only counts a staff piece may go by, and ones a
    /// patient piece may not.
    pub fn is_staff_count(per: &str) -> bool {
        per == "staff" || per.starts_with("staff_")
    }

    /// Whether a catalog message is written for staff (`staff-...`): held to the staff
    /// reading level, and never shown on a patient piece (some name what staff look
    /// for).
    pub fn is_staff_message(id: &str) -> bool {
        id.starts_with("staff-")
    }
}

/// How a print piece is printed, which sets the margin its content keeps (`check`) and
/// the instructions the placement plan gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Printing {
    /// On the facility's own laser or inkjet printer: nothing closer than 0.25 in to the
    /// paper's edge, which such printers cannot reach.
    Office,
    /// By a print shop, trimmed or die-cut: content keeps the design's safe margin from
    /// the trim.
    Shop,
}

impl Printing {
    /// How far inside the paper an office printer's content stays: 0.25 in, in points
    /// (shared facts section 6: laser and inkjet printers cannot print closer).
    pub const OFFICE_EDGE_PT: f32 = 18.0;
}

/// What a print piece is printed on, as far as ink is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Substrate {
    /// White paper, card or vinyl: white areas are the stock itself.
    #[default]
    White,
    /// Clear film: white areas print as nothing unless a white-ink plate is laid.
    Clear,
}

/// Print pieces or screen slides.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Medium {
    /// Paper or vinyl: PDF and 300-dpi PNG.
    Print,
    /// Screens: one PNG pixel per px.
    Screen,
}

impl Medium {
    /// Pixels per point of this medium's PNG: [`crate::base::raster::PRINT_DPI`] for print,
    /// one pixel per px on screens.
    pub fn png_scale(self) -> f32 {
        match self {
            Medium::Print => crate::base::raster::PRINT_DPI / 72.0,
            Medium::Screen => 1.0,
        }
    }
}

/// What kind of piece a design is: decides how it is printed and which print options
/// apply (only clings may be mirrored; only stickers and clings get a die-cut line).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// A sticker, cut to shape (stall doors, mirrors).
    Sticker,
    /// A window cling, maybe printed mirrored behind clear film.
    Cling,
    /// A poster or sign on paper.
    Poster,
    /// A small card to carry or hide.
    Card,
    /// A state's required notice, sized and worded by law.
    Notice,
    /// Slides for a screen.
    Slides,
}

impl Kind {
    /// The kind as written in design files.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Sticker => "sticker",
            Kind::Cling => "cling",
            Kind::Poster => "poster",
            Kind::Card => "card",
            Kind::Notice => "notice",
            Kind::Slides => "slides",
        }
    }

    /// Pieces cut to shape, which may carry a `CutContour` die line.
    pub fn is_die_cut(self) -> bool {
        matches!(self, Kind::Sticker | Kind::Cling)
    }
}

// The facts a design can name live with the facts themselves.
pub use crate::load::hotline::{HotlineField, QrKind};

/// Font weight role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum FontRole {
    /// Regular (400).
    #[default]
    Regular,
    /// Bold (700).
    Bold,
}

/// Horizontal alignment, relative to the reading direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Align {
    /// Left in left-to-right languages, right in right-to-left ones.
    #[default]
    Start,
    /// Centred.
    Center,
    /// Right in left-to-right languages, left in right-to-left ones.
    End,
}

/// Vertical alignment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum VAlign {
    /// Top.
    Top,
    /// Middle.
    #[default]
    Center,
    /// Bottom.
    Bottom,
}

/// The largest share a row or column may have: shares are proportions, so a larger
/// number only makes the others vanish (and, far larger, stops being a number).
pub const MAX_SHARE: f64 = 10_000.0;

/// The screen diagonal (inches) a screen design is measured on when it declares none.
pub const DEFAULT_SCREEN_IN: f32 = 32.0;

/// A row height or column width: a share of the free space, or a fixed length.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Track {
    /// Share of what is left after fixed tracks and gaps.
    Share(f32),
    /// Fixed length.
    Fixed(Length),
}

impl<'de> Deserialize<'de> for Track {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Track;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a share (a number such as 2) or a length (such as \"1in\")")
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Track, E> {
                self.visit_f64(v as f64)
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Track, E> {
                if v.is_nan() {
                    Err(E::custom(
                        "nan is not a number a share can have: write e.g. 2",
                    ))
                } else if v > MAX_SHARE {
                    Err(E::custom(format!(
                        "the share {v} is too large: a share is a number from more than 0 to {MAX_SHARE}"
                    )))
                } else if v > 0.0 {
                    Ok(Track::Share(v as f32))
                } else {
                    Err(E::custom("a share must be more than 0"))
                }
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Track, E> {
                Length::parse(v).map(Track::Fixed).map_err(E::custom)
            }
        }
        d.deserialize_any(V)
    }
}

/// A font size range: one size, or `[min, max]`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SizeRange {
    /// Smallest size the text may shrink to.
    pub min: Length,
    /// Largest size.
    pub max: Length,
}

impl<'de> Deserialize<'de> for SizeRange {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            One(Length),
            Two(Vec<Length>),
        }
        match Raw::deserialize(d).map_err(|_| {
            de::Error::custom(
                "size must be a length like \"12pt\" or a range like [\"10pt\", \"16pt\"]",
            )
        })? {
            Raw::One(l) => Ok(SizeRange { min: l, max: l }),
            Raw::Two(v) if v.len() == 2 => Ok(SizeRange {
                min: v[0],
                max: v[1],
            }),
            Raw::Two(_) => Err(de::Error::custom(
                "a size range has two lengths: [\"min\", \"max\"]",
            )),
        }
    }
}

/// One message id or several (a list).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(untagged)]
pub enum MessageRef {
    /// One message.
    One(String),
    /// Several messages, shown as a list.
    Many(Vec<String>),
}

/// `[design]`: the piece as a whole.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Header {
    /// Human title, shown in `list` and the PDF metadata.
    pub title: String,
    /// Print or screen.
    pub medium: Medium,
    /// Sticker, cling, poster, card, notice or slides.
    pub kind: Spanned<Kind>,
    /// Trim width.
    pub width: Spanned<Length>,
    /// Trim height.
    pub height: Spanned<Length>,
    /// Bleed on each side (print only).
    #[serde(default)]
    pub bleed: Option<Spanned<Length>>,
    /// Safe margin inside the trim: no text or QR goes there.
    pub safe: Spanned<Length>,
    /// Page background, drawn to the bleed edge.
    #[serde(default)]
    pub background: Option<Color>,
    /// What the QR code encodes.
    #[serde(default)]
    pub qr: Option<Spanned<QrKind>>,
    /// Where the piece goes, for staff.
    #[serde(default)]
    pub placement: String,
    /// What to print it on, for staff and print shops ("white matte vinyl, permanent
    /// adhesive").
    #[serde(default)]
    pub stock: String,
    /// How many to post: one (or `each`) per unit counted in the kit file's `[counts]`
    /// table, e.g. `per = "stalls"`.
    #[serde(default)]
    pub per: Option<Spanned<String>>,
    /// How many per counted unit (default 1).
    #[serde(default)]
    pub each: Option<u32>,
    /// Label template to print it on an office printer (`hotline-kit sheet`).
    #[serde(default)]
    pub label_template: Option<String>,
    /// Corner radius of the die-cut line (stickers and clings; default square).
    #[serde(default)]
    pub corner_radius: Option<Spanned<Length>>,
    /// Line height as a multiple of the font size (default 1.25).
    #[serde(default)]
    pub line_height: Option<f32>,
    /// Mirror the whole piece (second-surface printing; clings only).
    #[serde(default)]
    pub mirror: Option<Spanned<bool>>,
    /// Smallest text size allowed on the piece (default 8pt in print, 48px on screens).
    #[serde(default)]
    pub min_text: Option<Spanned<Length>>,
    /// Smallest height a person's picture may be drawn at (default 0.75in in print,
    /// 160px on screens): below it a figure is a blob of colour, so a piece too small
    /// for pictures has none.
    #[serde(default)]
    pub min_figure: Option<Spanned<Length>>,
    /// The piece itself must ask about both labor and sex trafficking.
    #[serde(default)]
    pub require_coverage: bool,
    /// A restroom piece (variants inherit it): its questions together must name both
    /// labor and sex (`names` in content/red-flags.toml), so no audience is told that
    /// only one kind of exploitation happens to people like them.
    #[serde(default)]
    pub restroom: bool,
    /// Who reads the piece: `"patient"` (the default: posted where patients see it) or
    /// `"staff"` (staff areas and badges only, never where patients can see it).
    #[serde(default)]
    pub audience: Option<Spanned<Audience>>,
    /// How far away the piece is read (`"0.6m"` seated in a stall, `"2m"` for a poster):
    /// `check` asks a cap height of at least 1/200 of it of the number, the text line
    /// and the question.
    #[serde(default)]
    pub viewing_distance: Option<Spanned<Length>>,
    /// Screen designs: the diagonal of the smallest screen they are shown on (`"32in"`),
    /// which turns pixels into millimetres for the viewing-distance check.
    #[serde(default)]
    pub screen: Option<Spanned<Length>>,
    /// The slot that asks the piece's question (its lead message), held to the
    /// viewing-distance rule with the number and the text line.
    #[serde(default)]
    pub question: Option<Spanned<String>>,
    /// Screen designs: on how many slides at most the QR code shows (default 1). Nobody
    /// scans a code across a room, and a white QR box on a dark slide takes the first
    /// look from the number: the others hide it (`hide = ["qr", ...]` in `[[page]]`).
    #[serde(default)]
    pub qr_pages: Option<Spanned<usize>>,
    /// The languages the design's own messages are written in (`languages = ["en",
    /// "es"]`); leave out for every kit language. In another language it is built only
    /// where the kit allows a fallback language (`[build] fallback`), with the strings
    /// shown in it marked; otherwise the kit leaves it out and says so.
    #[serde(default)]
    pub languages: Option<Spanned<Vec<String>>>,
    /// Areas no ink may reach, measured from the trim's top-left corner: a badge's
    /// hole punch, a card's fold (`keep_out = [{ x = "1.4in", y = "0in", w = "0.6in",
    /// h = "0.3in", why = "hole punch" }]`). `check` refuses text, pictures or a QR
    /// code there.
    #[serde(default)]
    pub keep_out: Vec<Spanned<KeepOutSpec>>,
    /// Print designs: how the piece is printed, `"office"` or `"shop"` (default: shop).
    /// `check` holds office pieces' content 0.25 in inside the paper's edge.
    #[serde(default)]
    pub printing: Option<Spanned<Printing>>,
    /// Print designs: `"white"` (default) or `"clear"` stock. Clear stock needs a
    /// white-ink plate (`white_plate = true`), or `check` refuses it.
    #[serde(default)]
    pub substrate: Option<Spanned<Substrate>>,
    /// Clear stock: lay a white-ink plate (a spot colour, `White` unless the kit's
    /// `[print] white_ink` names another) under the artwork, or behind it when the piece
    /// is mirrored for second-surface printing.
    #[serde(default)]
    pub white_plate: Option<Spanned<bool>>,
    /// Print values of the black used for large black fills (never text):
    /// `rich_black = [60, 40, 40, 100]`, percent cyan, magenta, yellow, black.
    #[serde(default)]
    pub rich_black: Option<Spanned<[u8; 4]>>,
}

/// One `keep_out` area as written.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeepOutSpec {
    /// Left edge, from the trim's left edge.
    pub x: Length,
    /// Top edge, from the trim's top edge.
    pub y: Length,
    /// Width.
    pub w: Length,
    /// Height.
    pub h: Length,
    /// What it keeps clear ("hole punch", "fold"), for messages.
    pub why: String,
}

/// An area no ink may reach, in points from the trim's top-left corner.
#[derive(Debug, Clone, PartialEq)]
pub struct KeepOut {
    /// Left, top, width, height in points.
    pub rect: [f32; 4],
    /// What it keeps clear.
    pub why: String,
}

/// `[[variant]]`: another design made from this file with a few changes.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Variant {
    /// The variant's design name.
    pub name: Spanned<String>,
    /// Its title.
    #[serde(default)]
    pub title: Option<String>,
    /// Mirror the whole piece (clings only).
    #[serde(default)]
    pub mirror: Option<Spanned<bool>>,
    /// Another stock to print on.
    #[serde(default)]
    pub stock: Option<String>,
    /// Another count to post by.
    #[serde(default)]
    pub per: Option<Spanned<String>>,
    /// Another QR payload.
    #[serde(default)]
    pub qr: Option<Spanned<QrKind>>,
    /// Messages for this variant's audience (slot name to message id), on every page.
    #[serde(default)]
    pub content: BTreeMap<String, Spanned<MessageRef>>,
    /// Illustrations for this variant's audience: slot name to a query, replacing the
    /// slot's own (`images = { people = { count = 3, gender = ["man"] } }`).
    #[serde(default)]
    pub images: BTreeMap<String, Spanned<crate::load::imagery::ImagePick>>,
    /// Built only when named (`--design`, or `designs` in kit.toml), not in the default kit.
    #[serde(default)]
    pub on_request: bool,
    /// Whether it is a restroom piece (default: as the design).
    #[serde(default)]
    pub restroom: Option<bool>,
}

/// `[layout]`: the grid.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LayoutSpec {
    /// Column widths.
    pub columns: Spanned<Vec<Track>>,
    /// Row heights.
    pub rows: Spanned<Vec<Track>>,
    /// Space between rows and between columns.
    #[serde(default)]
    pub gap: Option<Length>,
    /// One string per row, naming the area each column belongs to; `.` is empty.
    pub areas: Spanned<Vec<Spanned<String>>>,
    /// Share rows holding only text close up to the ink of their text, and stand this
    /// far apart, ink to ink, in every language (`ink_gap = "0.2in"`); the space saved
    /// goes to the other share rows (the pictures).
    #[serde(default)]
    pub ink_gap: Option<Length>,
}

/// `[slot.NAME]`: what fills one area and how it looks.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SlotSpec {
    /// A message id from the locale catalog.
    #[serde(default)]
    pub text: Option<Spanned<String>>,
    /// Several message ids, shown as a list.
    #[serde(default)]
    pub list: Option<Spanned<Vec<String>>>,
    /// A hotline fact on its own.
    #[serde(default)]
    pub hotline: Option<Spanned<HotlineField>>,
    /// The QR code.
    #[serde(default)]
    pub qr: Option<bool>,
    /// The QR code's caption: "Scan to call", "Scan to text" or "Scan to open the
    /// website", whichever says what the piece's QR code does.
    #[serde(default)]
    pub qr_caption: Option<bool>,
    /// Illustration ids from designs/imagery/catalog.toml.
    #[serde(default)]
    pub images: Option<Spanned<Vec<String>>>,
    /// Red flags picked from content/red-flags.toml by tag and count.
    #[serde(default)]
    pub flags: Option<Spanned<FlagPick>>,
    /// Illustrations chosen by the kit by query, for diversity across the kit.
    #[serde(default)]
    pub image_pick: Option<Spanned<crate::load::imagery::ImagePick>>,
    /// The kit's local resources (kit.toml); rows holding only this collapse when the
    /// kit has none.
    #[serde(default)]
    pub resources: Option<bool>,
    /// The facility's staff contacts (kit.toml `[[contact]]`), one a line; rows holding
    /// only this collapse when the kit lists none.
    #[serde(default)]
    pub contacts: Option<bool>,
    /// What staff do about reporting: the facility's own instruction (kit.toml
    /// `[staff] reporting`), else "follow your facility's policy". Staff pieces only.
    #[serde(default)]
    pub reporting: Option<bool>,
    /// Part of a state posting law's notice (`jurisdictions/*.toml`): `wording`,
    /// `state-hotline` or `law`. Only in the state-notice template; rows holding only
    /// parts a profile lacks collapse.
    #[serde(default)]
    pub statute: Option<Spanned<StatutePart>>,
    /// Regular or bold.
    #[serde(default)]
    pub font: FontRole,
    /// Font size or range; the largest size that fits is used.
    #[serde(default)]
    pub size: Option<Spanned<SizeRange>>,
    /// Text colour.
    #[serde(default)]
    pub color: Option<Color>,
    /// Background of the area.
    #[serde(default)]
    pub fill: Option<Color>,
    /// Horizontal alignment.
    #[serde(default)]
    pub align: Align,
    /// Vertical alignment.
    #[serde(default)]
    pub valign: VAlign,
    /// Space inside the area's edge.
    #[serde(default)]
    pub padding: Option<Length>,
    /// Bullets before list items (default true).
    #[serde(default)]
    pub bullets: Option<bool>,
    /// In a locale one of the slot's channels does not answer in: `"drop"` to leave the
    /// slot out, or a message id to show instead (one that says which languages the
    /// channel is answered in, e.g. `"text-short-limited"`).
    #[serde(default)]
    pub unserved: Option<Spanned<String>>,
    /// An icon drawn before the text, in its colour and at its cap height (`"phone"`
    /// beside the call verb, `"message"` beside the text verb): designs/imagery/icons.
    #[serde(default)]
    pub icon: Option<Spanned<String>>,
    /// Pictures that give way to the text: a piece that cannot hold its text with them,
    /// or would draw people under `min_figure`, is laid out without them (`check`
    /// warns, `pictures-dropped`). Only on a slot of pictures.
    #[serde(default)]
    pub gives_way: Option<Spanned<bool>>,
}

/// What a slot shows in a locale that one of its channels does not answer in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unserved {
    /// Nothing: the slot is left out (its row collapses when nothing else is in it).
    Drop,
    /// This message instead.
    Message(String),
}

/// `[[page]]`: one page or slide; `content` swaps the messages of some slots, `hide`
/// leaves slots out of this page (rows holding only hidden slots collapse).
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct PageSpec {
    /// Slot name to message id(s).
    #[serde(default)]
    pub content: BTreeMap<String, Spanned<MessageRef>>,
    /// Slots not shown on this page (the question on a wallet card's front). The number
    /// is on every page and cannot be hidden; the QR code neither, except on screen
    /// designs (slides), which show it on `qr_pages` slides at most.
    #[serde(default)]
    pub hide: Option<Spanned<Vec<String>>>,
    /// Row heights on this page, one per row of `[layout]` (the two sides of a card
    /// give their rows different shares).
    #[serde(default)]
    pub rows: Option<Spanned<Vec<Track>>>,
}

/// A whole design file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DesignFile {
    /// `[design]`.
    pub design: Header,
    /// `[[variant]]`.
    #[serde(default)]
    pub variant: Vec<Variant>,
    /// `[layout]`.
    pub layout: LayoutSpec,
    /// `[slot.NAME]`.
    pub slot: BTreeMap<String, Spanned<SlotSpec>>,
    /// `[[page]]`.
    #[serde(default)]
    pub page: Vec<PageSpec>,
    /// `[bilingual]`: how two languages share one piece.
    #[serde(default)]
    pub bilingual: Option<bilingual::BilingualSpec>,
}

/// `flags = { count = 4, tags = ["labor", "sex", "both"] }`: red flags by tag.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FlagPick {
    /// How many.
    pub count: usize,
    /// Which tags may be picked (default: all).
    #[serde(default)]
    pub tags: Vec<crate::load::content::Tag>,
}

/// Which part of a state law's notice a slot shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum StatutePart {
    /// The required wording, in the piece's language.
    Wording,
    /// The state's own hotline line.
    StateHotline,
    /// The citation.
    Law,
}

/// What a slot shows, once checked.
#[derive(Debug, Clone, PartialEq)]
pub enum Content {
    /// Part of a state law's notice.
    Statute(StatutePart),
    /// One message.
    Text(String),
    /// Several messages as a list.
    List(Vec<String>),
    /// One hotline fact.
    Hotline(HotlineField),
    /// The QR code.
    Qr,
    /// The QR code's caption, its verb chosen by what the code does
    /// ([`QrKind::caption_id`]).
    QrCaption,
    /// Illustrations.
    Images(Vec<String>),
    /// Red flags picked from the library by tag and count (a list).
    Flags(FlagPick),
    /// The kit's local resources.
    Resources,
    /// The facility's staff contacts (kit.toml `[[contact]]`), one a line.
    Contacts,
    /// The facility's reporting instruction for staff (kit.toml `[staff] reporting`),
    /// else the catalog's `staff-reporting-default`.
    Reporting,
    /// Illustrations chosen by query, together with the rest of the kit.
    ImagePick(crate::load::imagery::ImagePick),
}

/// A checked slot: its area in the grid and how it looks.
#[derive(Debug, Clone)]
pub struct Slot {
    /// The slot's name.
    pub name: String,
    /// Grid cells covered: columns and rows, end exclusive.
    pub cols: Range<usize>,
    /// Grid rows covered.
    pub rows: Range<usize>,
    /// What it shows on the first page (pages may swap messages).
    pub content: Content,
    /// Regular or bold.
    pub font: FontRole,
    /// Size range.
    pub size: Option<SizeRange>,
    /// Text colour.
    pub color: Color,
    /// Background.
    pub fill: Option<Color>,
    /// Horizontal alignment.
    pub align: Align,
    /// Vertical alignment.
    pub valign: VAlign,
    /// Padding.
    pub padding: Length,
    /// Bullets for lists.
    pub bullets: bool,
    /// What to show in a locale one of its channels does not answer in.
    pub unserved: Option<Unserved>,
    /// The icon drawn before the text (an id of designs/imagery/icons/icons.toml).
    pub icon: Option<String>,
    /// Pictures that give way when the text needs their room.
    pub gives_way: bool,
    /// Where the slot is defined, for diagnostics.
    pub span: Range<usize>,
}

/// A design, parsed and checked; variants are separate designs.
#[derive(Debug, Clone)]
pub struct Design {
    /// Design name (file name, or the variant's name).
    pub name: String,
    /// The design it is a variant of.
    pub variant_of: Option<String>,
    /// The design whose chosen illustrations this one shows: its own name, or the
    /// design it is a variant of when the variant does not ask for its own.
    pub picks_as: String,
    /// Human title.
    pub title: String,
    /// Print or screen.
    pub medium: Medium,
    /// Trim width and height.
    pub width: Length,
    /// Trim height.
    pub height: Length,
    /// Bleed.
    pub bleed: Length,
    /// Safe margin.
    pub safe: Length,
    /// Background colour.
    pub background: Color,
    /// QR payload kind.
    pub qr: QrKind,
    /// Sticker, cling, poster, card, notice or slides.
    pub kind: Kind,
    /// Mirrored for second-surface printing.
    pub mirror: bool,
    /// Where it goes.
    pub placement: String,
    /// What to print it on.
    pub stock: String,
    /// The kit-file count it is posted by (`stalls`, `screens`, ...).
    pub per: Option<String>,
    /// How many per counted unit.
    pub each: u32,
    /// Suggested label template for office printers.
    pub label_template: Option<String>,
    /// How it is printed (office printer or print shop).
    pub printing: Printing,
    /// White or clear stock.
    pub substrate: Substrate,
    /// Whether a white-ink plate is laid (clear stock).
    pub white_plate: bool,
    /// Print values of large black fills, when the design names a rich black.
    pub rich_black: Option<[u8; 4]>,
    /// Corner radius of the die-cut line.
    pub corner_radius: Length,
    /// Line height factor.
    pub line_height: f32,
    /// Smallest text size allowed.
    pub min_text: Length,
    /// Smallest height of a person's picture.
    pub min_figure: Length,
    /// The piece must ask about both labor and sex trafficking.
    pub require_coverage: bool,
    /// A restroom piece: its questions must name both labor and sex.
    pub restroom: bool,
    /// Who reads the piece.
    pub audience: Audience,
    /// Column tracks.
    pub columns: Vec<Track>,
    /// Row tracks.
    pub rows: Vec<Track>,
    /// Grid gap.
    pub gap: Length,
    /// Text rows close up to their ink, this far apart (`ink_gap`).
    pub ink_gap: Option<Length>,
    /// Slots by name.
    pub slots: Vec<Slot>,
    /// Per page, slot name to replacement content.
    pub pages: Vec<BTreeMap<String, Content>>,
    /// Per page, the slots left out of it (`hide`); as long as `pages`.
    pub hidden: Vec<Vec<String>>,
    /// Per page, its own row heights (`rows` in `[[page]]`), else `rows`.
    pub page_rows: Vec<Option<Vec<Track>>>,
    /// The design file, for diagnostics.
    pub source: Arc<Source>,
    /// Built only when named, not in the default kit.
    pub on_request: bool,
    /// The jurisdiction profile a state notice is made from.
    pub notice_of: Option<String>,
    /// How far away the piece is read, in millimetres (`viewing_distance`).
    pub viewing_distance_mm: Option<f32>,
    /// The smallest screen a screen design is shown on: its diagonal in inches.
    pub screen_in: Option<f32>,
    /// The slot holding the piece's question (`question` in `[design]`).
    pub question: Option<String>,
    /// The most pages that may show the QR code: `qr_pages` on screen designs (default
    /// 1); `None` in print, where every page carries it.
    pub qr_pages: Option<usize>,
    /// How two languages share one piece (`[bilingual]`); `None`: one language only.
    pub bilingual: Option<Arc<bilingual::Bilingual>>,
    /// The languages its own messages are written in (`languages`); `None`: every one.
    pub languages: Option<Vec<String>>,
    /// Areas no ink may reach (`keep_out`).
    pub keep_out: Vec<KeepOut>,
}

impl Design {
    /// Size of one `px` in points for this medium.
    pub fn px_pt(&self) -> f32 {
        match self.medium {
            Medium::Print => 0.75,
            Medium::Screen => 1.0,
        }
    }

    /// Diagnostic pointing at this design file, at `span` if given.
    pub fn error(&self, msg: impl Into<String>, span: Option<Range<usize>>) -> Diagnostic {
        Diagnostic::error(msg).at(&self.source, span)
    }

    /// The row tracks of page `page`: its own `rows` when its `[[page]]` gives them,
    /// else the design's.
    pub fn row_tracks(&self, page: usize) -> &[Track] {
        self.page_rows
            .get(page)
            .and_then(Option::as_ref)
            .unwrap_or(&self.rows)
    }

    /// Whether the design is written in locale `code` (every locale when it names no
    /// `languages`).
    pub fn written_in(&self, code: &str) -> bool {
        self.languages
            .as_ref()
            .is_none_or(|l| l.iter().any(|x| x == code))
    }

    /// The message ids its slots and pages name themselves (texts and lists; not the
    /// picked red flags or captions every design shares).
    pub fn named_messages(&self) -> Vec<&str> {
        let page_contents = self.pages.iter().flat_map(|p| p.values());
        let mut v: Vec<&str> = self
            .slots
            .iter()
            .map(|s| &s.content)
            .chain(page_contents)
            .flat_map(|c| match c {
                Content::Text(id) => vec![id.as_str()],
                Content::List(ids) => ids.iter().map(String::as_str).collect(),
                Content::Reporting => vec!["staff-reporting-default"],
                _ => Vec::new(),
            })
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    }

    /// Whether page `page` shows the slot `name` (a `[[page]] hide` list can hide it).
    pub fn shows(&self, page: usize, name: &str) -> bool {
        let name = bilingual::base_name(name);
        !self
            .hidden
            .get(page)
            .is_some_and(|h| h.iter().any(|n| n == name))
    }

    /// Find the span of `[slot.NAME]` in the file.
    pub fn slot_span(&self, name: &str) -> Option<Range<usize>> {
        let name = bilingual::base_name(name);
        self.slots
            .iter()
            .find(|s| s.name == name)
            .map(|s| s.span.clone())
    }
}

impl Design {
    /// The cap height, in millimetres, that lines read from afar need at the design's
    /// viewing distance (1/200 of it), if the design gives one.
    pub fn far_cap_mm(&self) -> Option<f32> {
        self.viewing_distance_mm.map(|d| d * CAP_PER_DISTANCE)
    }

    /// Millimetres per point of the piece as it is seen: 25.4/72 in print; on a screen
    /// design, one pixel of the declared smallest screen (`screen`, else
    /// [`DEFAULT_SCREEN_IN`]).
    pub fn mm_per_pt(&self) -> f32 {
        match self.medium {
            Medium::Print => 1.0 / crate::base::units::PT_PER_MM,
            Medium::Screen => {
                let diag = self.screen_in.unwrap_or(DEFAULT_SCREEN_IN);
                let (w, h) = (self.width.to_pt(1.0, 0.0), self.height.to_pt(1.0, 0.0));
                diag * 25.4 / w.hypot(h)
            }
        }
    }

    /// The finished size in words: "3in x 3in" for print, "1920 x 1080 px" for screens.
    pub fn size_text(&self) -> String {
        let px = self.px_pt();
        match self.medium {
            Medium::Print => format!("{} x {}", self.width, self.height),
            Medium::Screen => format!(
                "{:.0} x {:.0} px",
                self.width.to_pt(px, 0.0),
                self.height.to_pt(px, 0.0)
            ),
        }
    }
}

/// Design and variant names: lowercase letters, digits and hyphens.
pub fn is_valid_name(n: &str) -> bool {
    !n.is_empty()
        && n.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}
