//! What a slot shows, channel by channel: the channels a message or slot shows (hotline
//! slots, QR codes, channel placeables, channels named in words), and a slot's
//! `unserved` choice where a channel does not answer in the locale's language. The rule
//! that no piece promises a language a channel does not offer is checked by
//! the channel-language check (`channel_rule`).

use std::collections::BTreeSet;

use crate::load::hotline::{HotlineField, QrKind};
use crate::load::locale::Catalog;
use crate::load::project::Project;
use crate::load::spec::{Content, Slot, Unserved};

/// The message ids a slot's content shows (red flags picked as layout picks them).
pub fn content_messages(p: &Project, content: &Content) -> Vec<String> {
    match content {
        Content::Text(id) => vec![id.clone()],
        Content::List(ids) => ids.clone(),
        Content::Flags(pick) => p.pick_flags(pick),
        Content::Resources => vec!["local-help".to_string()],
        _ => Vec::new(),
    }
}

/// The channels a message shows in a locale: its placeables (from the locale's catalog,
/// or the source catalog where the locale lacks the message) and the channels it names
/// in words.
pub fn message_channels(p: &Project, cat: &Catalog, id: &str) -> BTreeSet<HotlineField> {
    let from_source = || {
        p.catalogs
            .values()
            .find(|c| c.info.source)
            .and_then(|s| s.channels.get(id))
    };
    let mut out: BTreeSet<HotlineField> = cat
        .channels
        .get(id)
        .or_else(from_source)
        .cloned()
        .unwrap_or_default();
    if let Some(c) = p.claims.get(id) {
        out.extend(c.names.iter().copied());
    }
    out
}

/// The channels a slot's content shows (a QR code's are the piece's QR kind).
fn content_channels(
    p: &Project,
    cat: &Catalog,
    content: &Content,
    qr: QrKind,
) -> BTreeSet<HotlineField> {
    match content {
        Content::Hotline(f) => BTreeSet::from([*f]),
        Content::Qr => BTreeSet::from([qr.channel()]),
        c => content_messages(p, c)
            .iter()
            .flat_map(|id| message_channels(p, cat, id))
            .collect(),
    }
}

/// What a slot shows in this locale: its content, or its `unserved` choice when one of
/// the content's channels does not answer in the locale's language (`None`: dropped).
/// A QR caption shows the message whose verb says what this piece's QR code does.
pub fn effective(
    p: &Project,
    cat: &Catalog,
    slot: &Slot,
    content: &Content,
    qr: QrKind,
) -> Option<Content> {
    let caption;
    let content = if *content == Content::QrCaption {
        caption = Content::Text(qr.caption_id().to_string());
        &caption
    } else {
        content
    };
    let Some(u) = &slot.unserved else {
        return Some(content.clone());
    };
    let unserved = content_channels(p, cat, content, qr)
        .into_iter()
        .any(|c| !p.hotline.serves(c, &cat.code));
    match (unserved, u) {
        (false, _) => Some(content.clone()),
        (true, Unserved::Drop) => None,
        (true, Unserved::Message(id)) => Some(Content::Text(id.clone())),
    }
}
