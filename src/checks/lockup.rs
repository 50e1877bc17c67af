//! The contact lockup, measured on a laid-out piece: the text line as strong as the
//! call line (its digits at least [`TEXT_TO_PHONE`] of the number's size, in bold, and
//! no larger than the number, which leads),
//! every QR code captioned near it with a verb that says what scanning does, and the
//! lines a reader must read from afar (the number, the text line, the question) tall
//! enough for the design's viewing distance.

use crate::base::diag::{Diagnostic, Diagnostics};
use crate::base::numbers;
use crate::load::fonts::DEFAULT_CAP_EM;
use crate::load::hotline::{HotlineField, QrKind};
use crate::load::project::Project;
use crate::load::spec::{Content, Design, Medium};
use crate::scene::{Item, Page, Rect, Scene, TextBlock};

/// The text line's digits must be at least this share of the phone number's size.
pub const TEXT_TO_PHONE: f32 = 0.7;
/// A QR code's caption must be this close to it on a printed piece, in millimetres; on
/// a screen, this much per metre of viewing distance (at least this much).
pub const CAPTION_MM: f32 = 10.0;
pub use crate::load::spec::CAP_PER_DISTANCE;

/// Every lockup rule on one piece.
pub fn piece(p: &Project, design: &Design, s: &Scene) -> Diagnostics {
    let mut d = Diagnostics::default();
    let phone = numbers::digits(p.hotline.display(HotlineField::Phone));
    let sms = numbers::digits(p.hotline.display(HotlineField::Sms));
    let shows =
        |b: &TextBlock, digits: &str| b.paragraphs.iter().any(|t| numbers::shows(t, digits));
    for (pi, page) in s.pages.iter().enumerate() {
        let at = Where {
            design,
            s,
            page: pi,
        };
        let number = page
            .blocks
            .iter()
            .filter(|b| shows(b, &phone))
            .map(|b| b.size)
            .fold(0.0f32, f32::max);
        // A state law's own wording keeps the size the law gives it.
        let statute = |b: &TextBlock| {
            design
                .slots
                .iter()
                .any(|s| s.name == b.slot && matches!(s.content, Content::Statute(_)))
        };
        for b in page.blocks.iter().filter(|b| shows(b, &sms) && !statute(b)) {
            d.extend(text_line(p, &at, page, b, number).0);
        }
        d.extend(captions(p, &at, page).0);
        if let Some(distance) = design.viewing_distance_mm {
            for b in page.blocks.iter().filter(|b| {
                shows(b, &phone)
                    || shows(b, &sms)
                    || design.question.as_deref()
                        == Some(crate::load::spec::bilingual::base_name(&b.slot))
            }) {
                d.extend(cap_height(p, &at, page, b, distance));
            }
        }
    }
    d
}

/// The piece and page a diagnostic is about.
struct Where<'a> {
    design: &'a Design,
    s: &'a Scene,
    page: usize,
}

impl Where<'_> {
    fn name(&self) -> String {
        let page = if self.s.pages.len() > 1 {
            format!(", page {}", self.page + 1)
        } else {
            String::new()
        };
        format!("`{}` ({}{page})", self.s.design, self.s.locale)
    }

    fn unit(&self) -> &'static str {
        match self.design.medium {
            Medium::Print => "pt",
            Medium::Screen => "px",
        }
    }

    fn error(&self, slot: &str, msg: String) -> Diagnostic {
        self.design.error(msg, self.design.slot_span(slot))
    }
}

/// The glyph runs drawn for a block: those whose middle lies in its ink (or its box).
fn runs<'a>(page: &'a Page, b: &TextBlock) -> impl Iterator<Item = &'a crate::scene::GlyphRun> {
    let area = b.ink.map_or(b.rect, |i| rect_union(i, b.rect));
    page.items.iter().filter_map(move |it| match it {
        Item::Text(r) => {
            let (x, y) = (r.x + r.width() / 2.0, r.y - r.size * 0.3);
            (area.x <= x && x <= area.right() && area.y <= y && y <= area.bottom()).then_some(r)
        }
        _ => None,
    })
}

fn rect_union(a: Rect, b: Rect) -> Rect {
    let (x, y) = (a.x.min(b.x), a.y.min(b.y));
    Rect::new(
        x,
        y,
        a.right().max(b.right()) - x,
        a.bottom().max(b.bottom()) - y,
    )
}

/// The text line: bold, its digits at least [`TEXT_TO_PHONE`] of the number's size and
/// no larger than it.
fn text_line(p: &Project, at: &Where, page: &Page, b: &TextBlock, number: f32) -> Diagnostics {
    let mut d = Diagnostics::default();
    let unit = at.unit();
    if number > 0.0 && b.size + 0.01 < TEXT_TO_PHONE * number {
        d.push(
            at.error(&b.slot, format!(
                "the text line in slot `{}` of {} is set at {:.1}{unit}, {:.2} of the phone number's {:.1}{unit}; the text number must be at least {TEXT_TO_PHONE} of it ({:.1}{unit})",
                b.slot, at.name(), b.size, b.size / number, number, TEXT_TO_PHONE * number
            ))
            .hint("texting is the quiet channel: give the text line a larger smallest size and more room, or shorten it")
            .code("lockup-text-size"),
        );
    }
    if number > 0.0 && b.size > number + 0.01 {
        d.push(
            at.error(&b.slot, format!(
                "the text line in slot `{}` of {} is set at {:.1}{unit}, larger than the phone number's {:.1}{unit}; the number leads",
                b.slot, at.name(), b.size, number
            ))
            .hint("give the text line a largest size no larger than the number's, or give the number more room")
            .code("lockup-number-leads"),
        );
    }
    let regular: Vec<_> = runs(page, b)
        .filter(|r| r.text.chars().any(|c| numbers::digit_value(c).is_some()))
        .filter(|r| !p.fonts.is_bold(r.font))
        .collect();
    if !regular.is_empty() {
        d.push(
            at.error(&b.slot, format!(
                "the text line in slot `{}` of {} is in regular weight; the number to text must be bold like the phone number",
                b.slot, at.name()
            ))
            .hint("set font = \"bold\" on the slot")
            .code("lockup-text-bold"),
        );
    }
    d
}

/// Every QR code: a caption with the verb of what it does, within reach of it; no
/// caption that promises another action anywhere on the page.
/// Every QR code has its caption nearby in each language of the piece (a piece in two
/// languages captions its one code twice).
fn captions(p: &Project, at: &Where, page: &Page) -> Diagnostics {
    let mut d = Diagnostics::default();
    let locales: Vec<&str> = if at.s.languages.is_empty() {
        vec![at.s.locale.as_str()]
    } else {
        at.s.languages.iter().map(|l| l.locale.as_str()).collect()
    };
    for locale in locales {
        if let Ok(cat) = p.catalog(locale) {
            d.extend(captions_in(p, at, page, cat).0);
        }
    }
    d
}

fn captions_in(
    p: &Project,
    at: &Where,
    page: &Page,
    cat: &crate::load::locale::Catalog,
) -> Diagnostics {
    let mut d = Diagnostics::default();
    let english = p.catalogs.values().find(|c| c.info.source);
    // A caption as the locale says it (or the source catalog, where it fell back).
    let said = |k: QrKind| -> Vec<String> {
        [Some(cat), english]
            .into_iter()
            .flatten()
            .filter_map(|c| c.messages.get(k.caption_id()))
            .map(|t| plain(t))
            .collect()
    };
    let is = |b: &TextBlock, k: QrKind| {
        let t = plain(&b.paragraphs.join(" "));
        said(k).contains(&t)
    };
    let mm_per_pt = at.design.mm_per_pt();
    let reach_mm = match at.design.medium {
        Medium::Print => CAPTION_MM,
        Medium::Screen => {
            CAPTION_MM * (at.design.viewing_distance_mm.unwrap_or(1000.0) / 1000.0).max(1.0)
        }
    };
    for it in &page.items {
        let Item::Qr(qr) = it else { continue };
        let Some(kind) = QrKind::ALL
            .into_iter()
            .find(|k| p.hotline.qr_payload(*k) == qr.payload)
        else {
            continue;
        };
        let right = said(kind);
        let Some(caption_text) = right.first() else {
            continue; // the missing message is reported by the catalog checks
        };
        let nearest = page
            .blocks
            .iter()
            .filter(|b| is(b, kind))
            .map(|b| distance(b.ink.unwrap_or(b.rect), qr.rect) * mm_per_pt)
            .fold(f32::INFINITY, f32::min);
        if nearest > reach_mm + 0.05 {
            let found = if nearest.is_finite() {
                format!("its caption is {nearest:.1} mm away")
            } else {
                "it has no caption".to_string()
            };
            let beside = page
                .blocks
                .iter()
                .map(|b| (distance(b.ink.unwrap_or(b.rect), qr.rect), b))
                .min_by(|a, b| a.0.total_cmp(&b.0))
                .map(|(_, b)| {
                    format!(
                        " (the nearest text is slot `{}`: \"{}\")",
                        b.slot,
                        plain(&b.paragraphs.join(" "))
                    )
                })
                .unwrap_or_default();
            d.push(
                at.design
                    .error(
                        format!(
                            "the QR code of {} opens {} and {found}; it needs \"{caption_text}\" within {reach_mm:.0} mm{beside}",
                            at.name(),
                            what(kind)
                        ),
                        None,
                    )
                    .hint(format!(
                        "add a slot with `qr_caption = true` next to the QR code: it shows `{}` (what scanning does), so nobody expects one thing and gets another",
                        kind.caption_id()
                    ))
                    .code("qr-caption"),
            );
        }
        for other in QrKind::ALL.into_iter().filter(|k| *k != kind) {
            for b in page.blocks.iter().filter(|b| is(b, other)) {
                d.push(
                    at.error(
                        &b.slot,
                        format!(
                            "slot `{}` of {} says \"{}\", but the QR code opens {}",
                            b.slot,
                            at.name(),
                            plain(&b.paragraphs.join(" ")),
                            what(kind)
                        ),
                    )
                    .hint(format!(
                        "use `qr_caption = true`: it shows `{}`, the caption of this QR code",
                        kind.caption_id()
                    ))
                    .code("qr-caption"),
                );
            }
        }
    }
    d
}

/// What a QR code of this kind does, in words.
fn what(k: QrKind) -> &'static str {
    match k {
        QrKind::Tel => "a phone call (tel:)",
        QrKind::Sms => "a text message (sms:)",
        QrKind::Web => "the website (https:)",
    }
}

/// A text without bidi controls and with its spaces collapsed, for comparing.
fn plain(t: &str) -> String {
    t.chars()
        .filter(|c| !numbers::is_bidi_control(*c))
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The shortest distance between two rectangles (0 when they touch or overlap).
fn distance(a: Rect, b: Rect) -> f32 {
    let dx = (a.x - b.right()).max(b.x - a.right()).max(0.0);
    let dy = (a.y - b.bottom()).max(b.y - a.bottom()).max(0.0);
    dx.hypot(dy)
}

pub use crate::load::fonts::cap_em;

/// A line read from afar: its cap height at least 1/200 of the viewing distance.
fn cap_height(
    p: &Project,
    at: &Where,
    page: &Page,
    b: &TextBlock,
    distance_mm: f32,
) -> Option<Diagnostic> {
    let mm_per_pt = at.design.mm_per_pt();
    let em = runs(page, b)
        .filter_map(|r| p.fonts.face(r.font).ok())
        .map(|f| cap_em(&f))
        .fold(None::<f32>, |a, c| Some(a.map_or(c, |a| a.min(c))))
        .unwrap_or(DEFAULT_CAP_EM);
    let cap = b.size * em * mm_per_pt;
    let need = at
        .design
        .far_cap_mm()
        .unwrap_or(distance_mm * CAP_PER_DISTANCE);
    if cap + 0.005 >= need {
        return None;
    }
    let unit = at.unit();
    let screen = match (at.design.medium, at.design.screen_in) {
        (Medium::Screen, Some(d)) => format!(" on a {d:.0} in screen"),
        _ => String::new(),
    };
    Some(
        at.error(&b.slot, format!(
            "slot `{}` of {} is read from {:.1} m and its cap height is {cap:.1} mm ({:.1}{unit} type{screen}); at that distance it needs {need:.1} mm (1/200 of the distance)",
            b.slot, at.name(), distance_mm / 1000.0, b.size
        ))
        .hint(format!(
            "give the slot a smallest size of at least {:.0}{unit} and the room for it, or shorten the text",
            (need / (em * mm_per_pt)).ceil()
        ))
        .code("viewing-distance"),
    )
}
