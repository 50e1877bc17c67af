//! Channel languages on pieces: no piece promises help in a language the hotline does
//! not offer on a channel it shows.
//!
//! A piece shows a channel through a hotline slot (`hotline = "sms"`), its QR code, a
//! message with a channel placeable (`{ $sms }`, read from the catalog's Fluent source)
//! or a message that names the channel in words (`names` in content/claims.toml). In a
//! locale a shown channel does not answer in (hotline.toml `languages`), the same page
//! must carry a message that states the channel's languages (`states`), and no message
//! may promise the reader's language for that channel (`promise`). A slot's `unserved`
//! option swaps in such a message, or drops the slot, for those locales.
//!
//! Restroom pieces (`restroom = true`) must ask questions that together name both labor
//! and sex (`names` in content/red-flags.toml).

use std::collections::BTreeSet;

use crate::base::diag::{Diagnostic, Diagnostics};
use crate::layout::channels::{content_messages, effective, message_channels};
use crate::load::content::Tag;
use crate::load::hotline::{HotlineField, QrKind};
use crate::load::locale::Catalog;
use crate::load::project::Project;
use crate::load::spec::{Content, Design};

/// `design` named for messages: "`stall-sticker-men` (variant of `stall-sticker`)".
fn design_name(d: &Design) -> String {
    match &d.variant_of {
        Some(base) => format!("`{}` (variant of `{base}`)", d.name),
        None => format!("`{}`", d.name),
    }
}

/// `design` and locale for messages: "`stall-sticker-men` (variant of `stall-sticker`,
/// ko, page 2)".
fn piece_name(d: &Design, locale: &str, page: &str) -> String {
    match &d.variant_of {
        Some(base) => format!("`{}` (variant of `{base}`, {locale}{page})", d.name),
        None => format!("`{}` ({locale}{page})", d.name),
    }
}

/// One channel shown on a page, and what shows it.
struct Shown {
    channel: HotlineField,
    via: String,
    slot: String,
    message: Option<String>,
}

/// The channel-language rule for one design in one locale: errors for a channel shown
/// without a statement of its languages where it does not answer in the locale's, and
/// for a promise of the reader's language that a channel shown beside it does not keep;
/// warnings for shown channels whose languages are unverified. `qr` is the piece's QR.
pub fn check_piece(p: &Project, design: &Design, cat: &Catalog, qr: QrKind) -> Diagnostics {
    let mut d = Diagnostics::default();
    let locale = &cat.code;
    let mut unverified = BTreeSet::new();
    for (pi, overrides) in design.pages.iter().enumerate() {
        let page = if design.pages.len() > 1 {
            format!(", page {}", pi + 1)
        } else {
            String::new()
        };
        let mut shown: Vec<Shown> = Vec::new();
        let mut messages: Vec<(String, String)> = Vec::new();
        for slot in design.slots.iter().filter(|s| design.shows(pi, &s.name)) {
            let base = overrides.get(&slot.name).unwrap_or(&slot.content);
            let Some(content) = effective(p, cat, slot, base, qr) else {
                continue;
            };
            match &content {
                Content::Hotline(f) => shown.push(Shown {
                    channel: *f,
                    via: format!("slot `{}`", slot.name),
                    slot: slot.name.clone(),
                    message: None,
                }),
                Content::Qr => shown.push(Shown {
                    channel: qr.channel(),
                    via: "its QR code".into(),
                    slot: slot.name.clone(),
                    message: None,
                }),
                c => {
                    for id in content_messages(p, c) {
                        for ch in message_channels(p, cat, &id) {
                            shown.push(Shown {
                                channel: ch,
                                via: format!("message `{id}` (slot `{}`)", slot.name),
                                slot: slot.name.clone(),
                                message: Some(id.clone()),
                            });
                        }
                        messages.push((id, slot.name.clone()));
                    }
                }
            }
        }
        let stated = |c: HotlineField| {
            messages.iter().any(|(id, _)| {
                p.claims
                    .get(id)
                    .is_some_and(|cl| cl.states.contains_key(&c))
            })
        };
        let mut channels: Vec<HotlineField> = shown.iter().map(|s| s.channel).collect();
        channels.sort();
        channels.dedup();
        for c in channels {
            let langs = p.hotline.channel_languages(c);
            if langs.is_some_and(|l| !l.verified) {
                unverified.insert(c);
            }
            if p.hotline.serves(c, locale) || stated(c) {
                continue;
            }
            let shows: Vec<&Shown> = shown.iter().filter(|s| s.channel == c).collect();
            let answered = langs.map_or("no language".into(), |l| l.answered.describe());
            let states_c = |id: &str| {
                p.claims
                    .get(id)
                    .is_some_and(|cl| cl.states.contains_key(&c))
            };
            // The slot to fix, and the message to show there: the shown message's own
            // "-limited" form where there is one.
            let pick = shows.iter().find_map(|s| {
                let id = s.message.as_deref()?;
                let limited = format!("{id}-limited");
                states_c(&limited).then_some((*s, limited))
            });
            let stating: Vec<&str> = p
                .claims
                .messages
                .keys()
                .filter(|id| states_c(id))
                .map(String::as_str)
                .collect();
            let fix = match (&pick, stating.is_empty()) {
                (Some((s, limited)), _) => format!(
                    "add `unserved = \"{limited}\"` to slot `{}` (it says which languages {} is answered in), or `unserved = \"drop\"` to leave the slot out where {} does not answer in the reader's language",
                    s.slot,
                    said(p, c),
                    said(p, c)
                ),
                (None, false) => format!(
                    "give slot `{}` `unserved = \"MESSAGE\"` with a message that says which languages {} is answered in ({}), or `unserved = \"drop\"`",
                    shows[0].slot,
                    said(p, c),
                    stating.join(", ")
                ),
                (None, true) => format!(
                    "add `unserved = \"drop\"` to slot `{}`, or write a message that says which languages {} is answered in and record it under `states` in content/claims.toml",
                    shows[0].slot,
                    said(p, c)
                ),
            };
            let via = shows
                .iter()
                .map(|s| s.via.as_str())
                .collect::<Vec<_>>()
                .join(" and ");
            let slot = pick.as_ref().map_or(&shows[0].slot, |(s, _)| &s.slot);
            d.push(
                design
                    .error(
                        format!(
                            "{} shows {} through {via}, but {} is answered only in {answered}, and nothing on the piece says so in the reader's language",
                            piece_name(design, locale, &page),
                            said(p, c),
                            said(p, c)
                        ),
                        design.slot_span(slot),
                    )
                    .hint(fix)
                    .code("channel-languages"),
            );
        }
        for (id, slot) in &messages {
            let Some(promise) = p.claims.get(id).and_then(|c| c.promise.as_ref()) else {
                continue;
            };
            let mut seen = BTreeSet::new();
            for s in shown.iter().filter(|s| promise.covers(s.channel)) {
                if p.hotline.serves(s.channel, locale) || !seen.insert(s.channel) {
                    continue;
                }
                let answered = p
                    .hotline
                    .channel_languages(s.channel)
                    .map_or("no language".into(), |l| l.answered.describe());
                d.push(
                    design
                        .error(
                            format!(
                                "message `{id}` in {} promises help in the reader's language, but {} shown beside it (through {}) is answered only in {answered}",
                                piece_name(design, locale, &page),
                                said(p, s.channel),
                                s.via
                            ),
                            design.slot_span(slot),
                        )
                        .hint(format!(
                            "show a message whose promise is only for calls in slot `{slot}`, or leave {} out of this piece where it does not answer in the reader's language (`unserved = \"drop\"` on slot `{}`)",
                            said(p, s.channel),
                            s.slot
                        ))
                        .hint("what each message promises is recorded in content/claims.toml (`promise`)")
                        .code("channel-languages"),
                );
            }
        }
    }
    for c in unverified {
        let l = p.hotline.channel_languages(c);
        d.push(
            Diagnostic::warning(format!(
                "{} shows {}, whose languages ({}) are unverified",
                piece_name(design, locale, ""),
                said(p, c),
                l.map_or(String::new(), |l| l.answered.describe())
            ))
            .at(&design.source, None)
            .hint(format!(
                    "confirm them with the hotline, then set `languages_verified = true` and `languages_source` under [{}] in hotline.toml",
                    c.name()
                ))
            .code("channel-unverified"),
        );
    }
    d
}

/// Restroom pieces (`restroom = true`, inherited by variants) among `designs`: each
/// one's questions together must name both labor and sex.
pub fn restroom(p: &Project, designs: &[String]) -> Diagnostics {
    let mut d = Diagnostics::default();
    for design in designs
        .iter()
        .filter_map(|n| p.designs.get(n))
        .filter(|d| d.restroom)
    {
        let mut named = BTreeSet::new();
        let mut questions = Vec::new();
        for (pi, overrides) in design.pages.iter().enumerate() {
            for slot in design.slots.iter().filter(|s| design.shows(pi, &s.name)) {
                let content = overrides.get(&slot.name).unwrap_or(&slot.content);
                for id in content_messages(p, content) {
                    if let Some(f) = p.flags.iter().find(|f| f.id == id) {
                        named.extend(f.names.iter().copied());
                        if !questions.contains(&id) {
                            questions.push(id);
                        }
                    }
                }
            }
        }
        let missing: Vec<&str> = [(Tag::Labor, "labor"), (Tag::Sex, "sex")]
            .iter()
            .filter(|(t, _)| !named.contains(t))
            .map(|(_, w)| *w)
            .collect();
        if missing.is_empty() {
            continue;
        }
        let asks = if questions.is_empty() {
            "asks no question".to_string()
        } else {
            format!(
                "asks only {}",
                questions
                    .iter()
                    .map(|q| format!("`{q}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        };
        let span = design
            .source
            .find_line(|l| l.trim() == format!("name = \"{}\"", design.name));
        d.push(
            Diagnostic::error(format!(
                "restroom piece {} {asks}, which never names {}: every restroom version must ask about both work and sex",
                design_name(design),
                missing.join(" or ")
            ))
            .at(&design.source, span)
            .hint("give it a question that names both, such as `rf-work-or-sex` (`content = { question = \"rf-work-or-sex\" }`); variants may differ in imagery and audience, not in which exploitation they admit exists")
            .hint("what each question names is `names` in content/red-flags.toml")
            .code("restroom-coverage"),
        );
    }
    d
}

/// A channel as the reader of a diagnostic knows it: its label and what the piece shows,
/// with its name in hotline.toml (`Text 233733 [sms]`).
fn said(p: &Project, c: HotlineField) -> String {
    let f = p.hotline.fact(c);
    format!("{} {} [{}]", f.label, f.display, c.name())
}
