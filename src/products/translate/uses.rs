//! Where each message appears (designs, variants, pages and slots) and how much room it
//! has there: the box the layout gives the slot and the smallest font size it may
//! shrink to. `locale import` checks fit with the layout itself; this is what a
//! translator reads beforehand.

use std::collections::BTreeMap;

use crate::load::project::Project;
use crate::load::spec::{Content, Design, Medium, Slot};

/// How a slot shows a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// The slot's text.
    Text,
    /// One item of a list.
    ListItem,
    /// A red flag the kit picks for the slot from the library (by tag).
    PickedFlag,
    /// The label before each local resource.
    Label,
    /// The caption beside the QR code (which one depends on what the code does).
    QrCaption,
    /// Shown instead of the slot's message in locales whose language the slot's channel
    /// (text, chat) is not answered in.
    Unserved,
}

impl Role {
    fn words(self) -> &'static str {
        match self {
            Role::Text => "text",
            Role::ListItem => "list item",
            Role::PickedFlag => "red flag picked for a list",
            Role::Label => "label before each local resource",
            Role::QrCaption => "caption beside the QR code, saying what scanning it does",
            Role::Unserved => {
                "instead of the slot's message where the channel does not answer in the language"
            }
        }
    }
}

/// One place a message appears.
#[derive(Debug, Clone, PartialEq)]
pub struct Use {
    /// Design (or variant) name.
    pub design: String,
    /// Page (1-based) of a design with several pages.
    pub page: Option<usize>,
    /// Slot name.
    pub slot: String,
    /// How the slot shows it.
    pub role: Role,
}

/// The messages one slot's content shows, and how. Every kind of content is matched
/// here, so a new kind of content fails to compile until it says which messages it
/// shows. A slot option that shows another message in some locales (an alternative
/// message for a channel a language is not served on) is added to [`slot_refs`].
pub fn content_refs(p: &Project, content: &Content) -> Vec<(String, Role)> {
    match content {
        Content::Text(id) => vec![(id.clone(), Role::Text)],
        Content::List(ids) => ids.iter().map(|i| (i.clone(), Role::ListItem)).collect(),
        Content::Flags(pick) => p
            .pick_flags(pick)
            .into_iter()
            .map(|i| (i, Role::PickedFlag))
            .collect(),
        Content::Resources => vec![("local-help".to_string(), Role::Label)],
        // The kit's own instruction, or this default where it gives none.
        Content::Reporting => vec![("staff-reporting-default".to_string(), Role::Text)],
        // Which caption shows depends on the kit's QR choice: translators get all three.
        Content::QrCaption => crate::load::hotline::QrKind::ALL
            .iter()
            .map(|k| (k.caption_id().to_string(), Role::QrCaption))
            .collect(),
        // The facility's own words, from kit.toml: nothing to translate.
        Content::Contacts
        | Content::Statute(_)
        | Content::Hotline(_)
        | Content::Qr
        | Content::Images(_)
        | Content::ImagePick(_) => Vec::new(),
    }
}

/// Messages a slot shows whatever its content on a page: the message it shows instead
/// in a locale that a channel it shows does not answer in (`unserved = "..."`).
pub fn slot_refs(slot: &Slot) -> Vec<(String, Role)> {
    match &slot.unserved {
        Some(crate::load::spec::Unserved::Message(id)) => vec![(id.clone(), Role::Unserved)],
        _ => Vec::new(),
    }
}

/// Every place every message appears, by message id, in design and page order.
pub fn uses(p: &Project) -> BTreeMap<String, Vec<Use>> {
    let mut out: BTreeMap<String, Vec<Use>> = BTreeMap::new();
    for d in p.designs.values() {
        for (pi, overrides) in d.pages.iter().enumerate() {
            for slot in d.slots.iter().filter(|s| d.shows(pi, &s.name)) {
                let content = overrides.get(&slot.name).unwrap_or(&slot.content);
                let mut refs = content_refs(p, content);
                refs.extend(slot_refs(slot));
                for (id, role) in refs {
                    out.entry(id).or_default().push(Use {
                        design: d.name.clone(),
                        page: (d.pages.len() > 1).then_some(pi + 1),
                        slot: slot.name.clone(),
                        role,
                    });
                }
            }
        }
    }
    out
}

/// The designs that show a message.
pub fn designs_using<'a>(all: &'a BTreeMap<String, Vec<Use>>, id: &str) -> Vec<&'a str> {
    let mut v: Vec<&str> = all
        .get(id)
        .map(|u| u.iter().map(|u| u.design.as_str()).collect())
        .unwrap_or_default();
    v.dedup();
    v
}

/// Room in one slot: box width and height (inside padding) and the smallest size, in
/// points (print) or pixels (screens), from the English layout.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Room {
    /// Box width.
    pub w: f32,
    /// Box height.
    pub h: f32,
    /// Smallest allowed font size.
    pub min: f32,
    /// Largest font size.
    pub max: f32,
    /// The size the English text is set at.
    pub english: Option<f32>,
    /// `pt` or `px`.
    pub unit: &'static str,
}

fn rooms(p: &Project, d: &Design, source: &str) -> BTreeMap<(usize, String), Room> {
    let mut out = BTreeMap::new();
    let unit = if d.medium == Medium::Screen {
        "px"
    } else {
        "pt"
    };
    let px = d.px_pt();
    let Ok(scene) = crate::products::piece::make(p, d, source, &Default::default()) else {
        return out;
    };
    for (pi, page) in scene.pages.iter().enumerate() {
        for b in &page.blocks {
            let Some(slot) = d.slots.iter().find(|s| s.name == b.slot) else {
                continue;
            };
            let Some(size) = slot.size else { continue };
            out.insert(
                (pi, b.slot.clone()),
                // Scenes are in points on paper and in pixels on screens (one px is
                // one unit there), so the numbers are in the design's own unit.
                Room {
                    w: b.rect.w,
                    h: b.rect.h,
                    min: size.min.to_pt(px, 0.0),
                    max: size.max.to_pt(px, 0.0),
                    english: Some(b.size),
                    unit,
                },
            );
        }
    }
    out
}

/// A size with one decimal, without `.0`.
fn num(x: f32) -> String {
    let s = format!("{x:.1}");
    s.strip_suffix(".0").map(str::to_string).unwrap_or(s)
}

/// One line per place a message appears, with its room, by message id:
/// `stall-sticker, slot question (text): box 196 x 41 pt, text 10-17 pt (smallest 10 pt;
/// English is set at 13.2 pt)`.
pub fn describe(p: &Project) -> BTreeMap<String, Vec<String>> {
    let all = uses(p);
    let source = p
        .catalogs
        .values()
        .find(|c| c.info.source)
        .map(|c| c.code.clone())
        .unwrap_or_else(|| "en".into());
    let mut room_of: BTreeMap<String, BTreeMap<(usize, String), Room>> = BTreeMap::new();
    let mut out: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (id, list) in &all {
        for u in list {
            let rooms =
                room_of
                    .entry(u.design.clone())
                    .or_insert_with(|| match p.designs.get(&u.design) {
                        Some(d) => rooms(p, d, &source),
                        None => BTreeMap::new(),
                    });
            let page = u.page.map(|n| format!(", page {n}")).unwrap_or_default();
            let room = match rooms.get(&(u.page.unwrap_or(1) - 1, u.slot.clone())) {
                Some(r) => {
                    let en = r
                        .english
                        .map(|s| format!("; English is set at {} {}", num(s), r.unit))
                        .unwrap_or_default();
                    format!(
                        ": box {} x {} {u}, text {}-{} {u} (smallest allowed {} {u}{en})",
                        num(r.w),
                        num(r.h),
                        num(r.min),
                        num(r.max),
                        num(r.min),
                        u = r.unit
                    )
                }
                None => String::new(),
            };
            let line = format!(
                "{}{page}, slot {} ({}){room}",
                u.design,
                u.slot,
                u.role.words()
            );
            let v = out.entry(id.clone()).or_default();
            if !v.contains(&line) {
                v.push(line);
            }
        }
    }
    out
}
