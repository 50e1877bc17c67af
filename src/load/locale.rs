//! Locales: which languages exist, their direction and fonts (`locales/locales.toml`),
//! and their messages (Project Fluent catalogs, `locales/<code>.ftl`).
//!
//! Messages are resolved once at load with the hotline facts as variables, so layout
//! works on plain strings and no later stage can change a number.

use std::collections::BTreeMap;
use std::sync::Arc;

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource};
use fluent_syntax::ast;
use serde::Deserialize;

use crate::base::diag::{Diagnostic, Diagnostics, Source};
use crate::base::digit_style::DigitStyle;
use crate::load::hotline::Hotline;

/// Reading direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    /// Left to right.
    #[default]
    Ltr,
    /// Right to left (Arabic, Persian).
    Rtl,
}

/// How far a message has been reviewed, lowest first.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, serde::Serialize,
)]
#[serde(rename_all = "kebab-case")]
pub enum Review {
    /// Copied from English by `locale new`, not translated yet.
    Untranslated,
    /// Written by us, not checked by anyone else.
    Draft,
    /// Translated, not reviewed.
    Translated,
    /// Checked by a qualified translator.
    TranslatorReviewed,
    /// Approved by survivor reviewers.
    SurvivorReviewed,
}

/// One entry of `locales/locales.toml`, resolved: a regional variant's unset fields
/// come from its base.
#[derive(Debug, Clone)]
pub struct LocaleInfo {
    /// English name.
    pub name: String,
    /// Name in its own language and script.
    pub native: String,
    /// Reading direction.
    pub direction: Direction,
    /// ISO 15924 script code (Latn, Arab, Deva, Hans, Hant, Jpan, Kore, Cyrl).
    pub script: String,
    /// Font families tried in order.
    pub fonts: Vec<String>,
    /// Line height multiplier for this script (Arabic and Devanagari need more room).
    pub line_height: Option<f32>,
    /// The language the other catalogs are translated from.
    pub source: bool,
    /// Digits for ordinary numbers written in the catalog (`digits = "arabext"`);
    /// hotline placeables always stay in ASCII digits.
    pub digits: DigitStyle,
    /// Region the wording is written for (ISO 3166 or UN M49 code: `TW`, `BR`, `419`).
    pub region: Option<String>,
    /// Who the catalog is written for, in a sentence.
    pub audience: Option<String>,
    /// For a regional variant, the locale whose messages it inherits.
    pub base: Option<String>,
}

/// An entry as written: every field optional, so a variant can inherit.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLocale {
    name: Option<String>,
    native: Option<String>,
    direction: Option<Direction>,
    script: Option<String>,
    fonts: Option<Vec<String>>,
    line_height: Option<f32>,
    #[serde(default)]
    source: bool,
    digits: Option<DigitStyle>,
    region: Option<String>,
    audience: Option<String>,
    base: Option<String>,
}

impl Review {
    /// The word used in files and tables.
    pub fn as_str(self) -> &'static str {
        match self {
            Review::Untranslated => "untranslated",
            Review::Draft => "draft",
            Review::Translated => "translated",
            Review::TranslatorReviewed => "translator-reviewed",
            Review::SurvivorReviewed => "survivor-reviewed",
        }
    }

    /// All statuses, lowest first.
    pub const ALL: [Review; 5] = [
        Review::Untranslated,
        Review::Draft,
        Review::Translated,
        Review::TranslatorReviewed,
        Review::SurvivorReviewed,
    ];
}

/// One message's review record (`locales/review/<code>.toml`).
#[derive(Debug, Clone, Deserialize, serde::Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ReviewEntry {
    /// How far it has been reviewed.
    pub status: Review,
    /// Who set the status.
    pub by: String,
    /// When (YYYY-MM-DD).
    pub date: String,
    /// What the translation says, back-translated into English.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gloss: Option<String>,
    /// Hash of the text that was reviewed (`hotline-kit approve --strings` writes it):
    /// when the text changes, the review no longer counts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hash: Option<String>,
}

/// The short hash a review record keeps of the text it reviewed.
pub fn text_hash(text: &str) -> String {
    crate::base::hash::text_digest(text)
        .chars()
        .take(16)
        .collect()
}

/// A locale's resolved messages.
#[derive(Debug, Clone)]
pub struct Catalog {
    /// Locale code (`en`, `es`, `ar`...).
    pub code: String,
    /// Settings from locales.toml.
    pub info: LocaleInfo,
    /// Message id to resolved text (hotline variables filled in).
    pub messages: BTreeMap<String, String>,
    /// The `.ftl` file, for diagnostics.
    pub source: Arc<Source>,
    /// Review records by message id.
    pub review: BTreeMap<String, ReviewEntry>,
    /// The hotline channels each message shows through placeables (`{ $sms }`), read
    /// from the Fluent source (references and every variant followed).
    pub channels: BTreeMap<String, std::collections::BTreeSet<crate::load::hotline::HotlineField>>,
    /// For a regional variant: the messages (with their review records) taken from its
    /// base, by id, each with the locale it came from.
    pub inherited: BTreeMap<String, String>,
}

impl Catalog {
    /// A message's text, or a diagnostic naming the locale, the message and the file.
    pub fn get(&self, id: &str) -> Result<&str, Diagnostic> {
        self.messages.get(id).map(String::as_str).ok_or_else(|| {
            Diagnostic::error(format!(
                "message `{id}` is missing in locale `{}`",
                self.code
            ))
            .at(&self.source, None)
            .hint(format!(
                "add `{id} = ...` to {}",
                self.source.path.display()
            ))
        })
    }

    /// A message's review status; a message without a record counts as a draft.
    pub fn status(&self, id: &str) -> Review {
        self.review.get(id).map_or(Review::Draft, |r| r.status)
    }

    /// Span of a message's line in the catalog.
    pub fn span_of(&self, id: &str) -> Option<std::ops::Range<usize>> {
        crate::load::catalog_lint::message_line(&self.source, id)
    }
}

/// Parse `locales/locales.toml` and resolve regional variants: a locale with `base`
/// takes every field it does not set from its base. A base that is not defined, a
/// chain of bases that loops, a variant marked `source`, or a locale (not a variant)
/// without name, native, script or fonts is an error.
pub fn parse_index(src: &Arc<Source>) -> Result<BTreeMap<String, LocaleInfo>, Diagnostics> {
    let raw: BTreeMap<String, RawLocale> = toml::from_str(&src.text).map_err(|e| {
        Diagnostic::error(format!("locale list is not valid: {}", e.message().trim()))
            .at(src, e.span())
            .hint("each locale needs name, native, direction, script and fonts")
    })?;
    let header = |code: &str| src.find_line(|l| l.trim() == format!("[{code}]"));
    let mut diags = Diagnostics::default();
    let mut out = BTreeMap::new();
    for code in raw.keys() {
        // The chain of bases from this locale, checked for a loop and a missing link.
        let mut chain = vec![code.as_str()];
        let mut broken = false;
        while let Some(b) = raw[*chain.last().unwrap_or(&"")].base.as_deref() {
            if chain.contains(&b) {
                chain.push(b);
                diags.push(
                    Diagnostic::error(format!(
                        "locale `{code}` has a loop of base locales: {}",
                        chain.join(" -> ")
                    ))
                    .at(src, header(code))
                    .hint("a regional variant names the locale it inherits from; the last in a chain has no `base`"),
                );
                broken = true;
                break;
            }
            if !raw.contains_key(b) {
                let from = chain.last().copied().unwrap_or(code);
                diags.push(
                    Diagnostic::error(format!(
                        "locale `{from}` names base `{b}`, which locales/locales.toml does not define"
                    ))
                    .at(src, header(from))
                    .hint(format!(
                        "locales: {}",
                        raw.keys().cloned().collect::<Vec<_>>().join(", ")
                    )),
                );
                broken = true;
                break;
            }
            chain.push(b);
        }
        if broken {
            continue;
        }
        match resolve(&chain, &raw) {
            Ok(info) => {
                out.insert(code.clone(), info);
            }
            Err(msg) => diags.push(
                Diagnostic::error(format!("locale `{code}` {msg}"))
                    .at(src, header(code))
                    .hint("each locale needs name, native, direction, script and fonts; a regional variant (`base = ...`) inherits what it leaves out"),
            ),
        }
    }
    if diags.has_errors() {
        return Err(diags);
    }
    Ok(out)
}

/// One locale's settings, each field from the first locale in `chain` (itself, its
/// base, the base's base...) that sets it.
fn resolve(chain: &[&str], raw: &BTreeMap<String, RawLocale>) -> Result<LocaleInfo, String> {
    let entries: Vec<&RawLocale> = chain.iter().map(|c| &raw[*c]).collect();
    let me = entries[0];
    let pick = |f: &dyn Fn(&RawLocale) -> Option<String>, what: &str| {
        entries
            .iter()
            .find_map(|e| f(e))
            .ok_or_else(|| format!("has no `{what}`"))
    };
    if me.base.is_some() && me.source {
        return Err("is a regional variant (`base`) and cannot be the source language".into());
    }
    if let Some(r) = me.region.as_deref().filter(|r| !valid_region(r)) {
        return Err(format!(
            "has region `{}`: use an ISO 3166 code in capitals (`TW`, `BR`) or a UN M49 area (`419`, `001`)",
            crate::base::numbers::escape_invisible(r)
        ));
    }
    if me.base.is_some() && me.audience.as_deref().is_none_or(|a| a.trim().is_empty()) {
        return Err("is a regional variant without `audience`: say who it is written for (a variant exists for another audience than its base's)".into());
    }
    let base_digits = entries[1..]
        .iter()
        .find_map(|e| e.digits)
        .unwrap_or_default();
    if me.base.is_some() && me.digits.is_some_and(|d| d != base_digits) {
        return Err(format!(
            "is a regional variant and sets `digits`, but the messages it inherits use its base's (`{}`)",
            base_digits.as_str()
        ));
    }
    Ok(LocaleInfo {
        name: pick(&|e| e.name.clone(), "name")?,
        native: pick(&|e| e.native.clone(), "native")?,
        direction: entries.iter().find_map(|e| e.direction).unwrap_or_default(),
        script: pick(&|e| e.script.clone(), "script")?,
        fonts: entries
            .iter()
            .find_map(|e| e.fonts.clone())
            .ok_or_else(|| "has no `fonts`".to_string())?,
        line_height: entries.iter().find_map(|e| e.line_height),
        source: me.source,
        digits: entries.iter().find_map(|e| e.digits).unwrap_or_default(),
        // A variant exists for another audience: it never takes its base's.
        region: me.region.clone(),
        audience: me.audience.clone(),
        base: me.base.clone(),
    })
}

/// Whether a region is written as locales.toml wants it: an ISO 3166 code in capitals
/// (`TW`) or a three-digit UN M49 area (`419`, `001`).
pub fn valid_region(r: &str) -> bool {
    (r.len() == 2 && r.chars().all(|c| c.is_ascii_uppercase()))
        || (r.len() == 3 && r.chars().all(|c| c.is_ascii_digit()))
}

/// Who a locale is written for, in one line: audience, region, digits and base (for
/// the locale table, the proof packet and the build manifest).
pub fn audience_line(info: &LocaleInfo) -> String {
    let mut parts = vec![
        info.audience
            .clone()
            .unwrap_or_else(|| "audience not recorded".to_string()),
    ];
    if let Some(r) = &info.region {
        parts.push(format!("region {r}"));
    }
    if info.digits != DigitStyle::Latn {
        parts.push(format!("digits {}", info.digits.as_str()));
    }
    if let Some(b) = &info.base {
        parts.push(format!("regional variant of {b}"));
    }
    parts.join("; ")
}

/// Locale codes in an order where every base comes before its variants.
pub fn load_order(index: &BTreeMap<String, LocaleInfo>) -> Vec<String> {
    let depth = |code: &str| {
        let mut n = 0;
        let mut c = code;
        while let Some(b) = index.get(c).and_then(|i| i.base.as_deref()) {
            n += 1;
            c = b;
            if n > index.len() {
                break;
            }
        }
        n
    };
    let mut codes: Vec<String> = index.keys().cloned().collect();
    codes.sort_by_key(|c| depth(c));
    codes
}

/// Parse a Fluent catalog and resolve every message with the hotline variables.
pub fn parse_catalog(
    code: &str,
    info: &LocaleInfo,
    src: &Arc<Source>,
    hotline: &Hotline,
) -> Result<Catalog, Diagnostics> {
    let mut diags = Diagnostics::default();
    // A byte-order mark (which some editors write) is not part of the text.
    let text = src.text.strip_prefix('\u{feff}').unwrap_or(&src.text);
    let base = src.text.len() - text.len();
    let res = match FluentResource::try_new(text.to_string()) {
        Ok(r) => r,
        Err((r, errs)) => {
            diags.extend(crate::load::catalog_lint::syntax_errors(code, src, base, &errs).0);
            r
        }
    };
    let (written, flagged) = crate::load::catalog_lint::written(code, src, &res, base, hotline);
    let channels = crate::load::catalog_lint::variables(&res)
        .into_iter()
        .map(|(id, vars)| {
            let shown = vars
                .iter()
                .filter_map(|v| crate::load::hotline::HotlineField::from_variable(v))
                .collect();
            (id, shown)
        })
        .collect();
    diags.extend(written.0);
    let langid = code.parse().unwrap_or_default();
    let mut bundle = FluentBundle::new(vec![langid]);
    // Our layout isolates numbers itself; Fluent's marks would end up in the PDF text.
    bundle.set_use_isolating(false);
    // The one place ordinary numbers take the locale's digits: Fluent calls these on
    // the catalog's own text and number literals only, never on placeable values.
    bundle.set_transform(info.digits.transform());
    bundle.set_formatter(info.digits.formatter());
    let ids: Vec<String> = res
        .entries()
        .filter_map(|e| match e {
            ast::Entry::Message(m) if m.value.is_some() => Some(m.id.name.to_string()),
            _ => None,
        })
        .collect();
    if let Err(errs) = bundle.add_resource(res) {
        for e in errs {
            diags.push(
                Diagnostic::error(format!(
                    "catalog problem: {}",
                    crate::base::numbers::escape_invisible(&e.to_string())
                ))
                .at(src, None),
            );
        }
    }
    let mut args = FluentArgs::new();
    for (k, v) in hotline.variables() {
        args.set(k, v);
    }
    let mut messages = BTreeMap::new();
    for id in ids {
        let Some(msg) = bundle.get_message(&id) else {
            continue;
        };
        let Some(pattern) = msg.value() else { continue };
        let mut errs = vec![];
        let text = bundle
            .format_pattern(pattern, Some(&args), &mut errs)
            .into_owned();
        let span = crate::load::catalog_lint::message_line(src, &id);
        if !flagged.contains(&id) {
            diags.extend(crate::load::catalog_lint::resolved(code, src, &id, &text, hotline).0);
        }
        for e in errs {
            diags.push(
                Diagnostic::error(format!("message `{id}` in locale `{code}`: {e}"))
                    .at(src, span.clone())
                    .hint("hotline variables are $phone, $sms, $tty, $chat, $web and $hours"),
            );
        }
        messages.insert(id, text.trim().to_string());
    }
    if diags.has_errors() {
        return Err(diags);
    }
    Ok(Catalog {
        code: code.to_string(),
        info: info.clone(),
        messages,
        source: src.clone(),
        review: BTreeMap::new(),
        channels,
        inherited: BTreeMap::new(),
    })
}

/// Parse `locales/review/<code>.toml` and check it against the catalog's messages.
pub fn parse_review(cat: &mut Catalog, src: &Arc<Source>) -> Diagnostics {
    let mut diags = Diagnostics::default();
    let line = |id: &str| src.find_line(|l| l.trim() == format!("[{id}]"));
    match toml::from_str::<BTreeMap<String, ReviewEntry>>(&src.text) {
        Ok(map) => {
            for (id, r) in &map {
                if !cat.messages.contains_key(id) {
                    diags.push(
                        Diagnostic::error(format!(
                            "review record for `{id}`, but locale `{}` has no such message",
                            cat.code
                        ))
                        .at(src, line(id))
                        .hint("remove the record or fix the message id"),
                    );
                }
                let no_gloss = r.gloss.as_deref().unwrap_or("").trim().is_empty();
                if !cat.info.source && r.status > Review::Untranslated && no_gloss {
                    diags.push(
                        Diagnostic::warning(format!("message `{id}` in `{}` has no English gloss", cat.code))
                            .at(src, line(id))
                            .hint("add gloss = \"...\": what the text says, for reviewers who cannot read it"),
                    );
                }
            }
            let mut map = map;
            for (id, r) in map.iter_mut() {
                let Some(text) = cat.messages.get(id) else {
                    continue;
                };
                // A review counts only for the text it saw: without a stored hash of
                // that text nobody can tell, so it counts as stale, like a changed text.
                if r.status <= Review::Draft {
                    continue;
                }
                let (status, by, date) = (r.status.as_str(), &r.by, &r.date);
                let what = match &r.hash {
                    None => format!(
                        "is recorded as {status} (by {by} on {date}) without the hash of the text that was reviewed"
                    ),
                    Some(h) if *h != text_hash(text) => {
                        format!("changed after it was reviewed ({status}, by {by} on {date})")
                    }
                    Some(_) => continue,
                };
                diags.push(
                    Diagnostic::warning(format!(
                        "message `{id}` in `{}` {what}; it counts as a draft again",
                        cat.code
                    ))
                    .at(src, line(id))
                    .hint(format!("have it reviewed again, then: hotline-kit approve --strings --locale {} --message {id} --status {status} --by NAME (it stores the hash)", cat.code))
                    .code("review-changed"),
                );
                r.status = Review::Draft;
            }
            cat.review = map;
        }
        Err(e) => diags.push(
            Diagnostic::error(format!("review file is not valid: {}", e.message().trim()))
                .at(src, e.span())
                .hint("each message needs status, by and date (and gloss for translations)"),
        ),
    }
    diags
}

/// Complete a regional variant from its base catalog: every message the variant does
/// not override comes from the base with its text and review record. An override of a
/// message the base does not have is an error (it would show nowhere, or hide a typo in
/// the id).
pub fn inherit(variant: &mut Catalog, base: &Catalog) -> Diagnostics {
    let mut diags = Diagnostics::default();
    for id in variant.messages.keys() {
        if !base.messages.contains_key(id) {
            diags.push(
                Diagnostic::error(format!(
                    "message `{id}` in regional variant `{}` overrides nothing: its base `{}` has no such message",
                    variant.code, base.code
                ))
                .at(&variant.source, variant.span_of(id))
                .hint(format!(
                    "a variant only rewords messages of its base; fix the id or add the message to {} first",
                    base.source.path.display()
                )),
            );
        }
    }
    for (id, text) in &base.messages {
        if variant.messages.contains_key(id) {
            continue;
        }
        variant.messages.insert(id.clone(), text.clone());
        if let Some(r) = base.review.get(id) {
            variant.review.insert(id.clone(), r.clone());
        }
        if let Some(c) = base.channels.get(id) {
            variant.channels.insert(id.clone(), c.clone());
        }
        let from = base.inherited.get(id).unwrap_or(&base.code).clone();
        variant.inherited.insert(id.clone(), from);
    }
    diags
}
