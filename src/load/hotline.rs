//! The hotline's contact details: one file (`hotline.toml`), one source of truth.
//!
//! Designs and translations refer to facts by name; every number printed anywhere is
//! checked against this file, and every QR payload is built from it.

use std::sync::Arc;

use serde::Deserialize;

use crate::base::diag::{Diagnostic, Source};
use crate::base::numbers::digits;

/// What the QR code encodes (always built from hotline.toml).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QrKind {
    /// `tel:` + the phone number: dials the hotline.
    Tel,
    /// `sms:` + the short code: opens a text message.
    Sms,
    /// The hotline's website, without any tracking parameters.
    Web,
}

/// A hotline fact a slot can show on its own; also the channel a reader reaches the
/// hotline by (each is answered in the languages `hotline.toml` gives it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum HotlineField {
    /// The phone number.
    Phone,
    /// The text short code.
    Sms,
    /// TTY / relay.
    Tty,
    /// Chat address.
    Chat,
    /// Website.
    Web,
}

impl HotlineField {
    /// Every channel, in file order.
    pub const ALL: [HotlineField; 5] = [
        HotlineField::Phone,
        HotlineField::Sms,
        HotlineField::Tty,
        HotlineField::Chat,
        HotlineField::Web,
    ];

    /// The name used in files (`sms`) and as a catalog variable (`{ $sms }`).
    pub fn name(self) -> &'static str {
        match self {
            HotlineField::Phone => "phone",
            HotlineField::Sms => "sms",
            HotlineField::Tty => "tty",
            HotlineField::Chat => "chat",
            HotlineField::Web => "web",
        }
    }

    /// The channel a catalog variable shows (`$hours` is none: it is not a way to reach
    /// the hotline).
    pub fn from_variable(name: &str) -> Option<HotlineField> {
        Self::ALL.into_iter().find(|f| f.name() == name)
    }
}

impl QrKind {
    /// The channel a QR code of this kind opens.
    pub fn channel(self) -> HotlineField {
        match self {
            QrKind::Tel => HotlineField::Phone,
            QrKind::Sms => HotlineField::Sms,
            QrKind::Web => HotlineField::Web,
        }
    }

    /// The message that captions a QR code of this kind, its verb saying what scanning
    /// does: `scan-to-call` (tel:), `scan-to-text` (sms:), `scan-to-open` (the website).
    pub fn caption_id(self) -> &'static str {
        match self {
            QrKind::Tel => "scan-to-call",
            QrKind::Sms => "scan-to-text",
            QrKind::Web => "scan-to-open",
        }
    }

    /// Every kind, for checks that look for a caption of the wrong kind.
    pub const ALL: [QrKind; 3] = [QrKind::Tel, QrKind::Sms, QrKind::Web];
}

/// `languages` as written: `"all"` or a list of language codes.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(untagged)]
pub enum LanguagesField {
    /// A word (only `"all"` is allowed).
    Word(String),
    /// Language codes (`["en", "es"]`).
    List(Vec<String>),
}

/// Which languages a channel is answered in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answered {
    /// Every language (through interpreters).
    All,
    /// Only these language codes (lowercase BCP 47 tags, e.g. `en`, `es`, `zh-hant`).
    Only(Vec<String>),
}

impl Answered {
    /// Whether a reader of `locale` is answered in their language. A listed code serves
    /// the locale of that code and every more specific one (`zh` serves `zh-Hant`).
    pub fn serves(&self, locale: &str) -> bool {
        let locale = locale.to_ascii_lowercase();
        match self {
            Answered::All => true,
            Answered::Only(codes) => codes.iter().any(|c| {
                locale == *c
                    || locale
                        .strip_prefix(c.as_str())
                        .is_some_and(|rest| rest.starts_with('-'))
            }),
        }
    }

    /// For messages: "all" or the codes joined ("en, es").
    pub fn describe(&self) -> String {
        match self {
            Answered::All => "all languages".into(),
            Answered::Only(c) => c.join(", "),
        }
    }

    /// Parse and check a `languages` value; the error says what is wrong and how to fix it.
    pub fn parse(field: &LanguagesField) -> Result<Self, (String, String)> {
        match field {
            LanguagesField::Word(w) if w == "all" => Ok(Answered::All),
            LanguagesField::Word(w) => Err((
                format!("`languages = \"{w}\"` is not a list of languages or \"all\""),
                format!(
                    "write a list of language codes, e.g. languages = [\"{}\"], or \"all\"",
                    w.trim().to_ascii_lowercase()
                ),
            )),
            LanguagesField::List(v) if v.is_empty() => Err((
                "`languages` is empty: every channel is answered in some language".into(),
                "list the language codes it is answered in, e.g. [\"en\", \"es\"]".into(),
            )),
            LanguagesField::List(v) => {
                let mut out: Vec<String> = Vec::new();
                for code in v {
                    if code == "all" {
                        return Err((
                            "`all` inside a list of languages".into(),
                            "write languages = \"all\" (not in a list) for a channel answered in every language".into(),
                        ));
                    }
                    if let Err(why) = language_code(code) {
                        return Err((
                            format!("`{code}` is not a language code: {why}"),
                            "use lowercase BCP 47 codes such as \"en\", \"es\", \"zh-Hant\"".into(),
                        ));
                    }
                    let low = code.to_ascii_lowercase();
                    if out.contains(&low) {
                        return Err((
                            format!("`{code}` is listed twice in `languages`"),
                            "list each language once".into(),
                        ));
                    }
                    out.push(low);
                }
                Ok(Answered::Only(out))
            }
        }
    }
}

/// Why a string is not a language code: a primary subtag of 2 or 3 lowercase letters,
/// then subtags of 2 to 8 letters or digits joined by hyphens (`en`, `zh-Hant`, `pt-BR`).
fn language_code(code: &str) -> Result<(), String> {
    let mut parts = code.split('-');
    let primary = parts.next().unwrap_or_default();
    if code.contains('_') {
        return Err("subtags are joined by a hyphen, not an underscore".into());
    }
    if !(2..=3).contains(&primary.len()) || !primary.chars().all(|c| c.is_ascii_alphabetic()) {
        return Err("a code starts with the 2- or 3-letter language code (English is \"en\", not \"english\")".into());
    }
    if primary.chars().any(|c| c.is_ascii_uppercase()) {
        return Err("the language part is written in lowercase".into());
    }
    for sub in parts {
        if !(2..=8).contains(&sub.len()) || !sub.chars().all(|c| c.is_ascii_alphanumeric()) {
            return Err(format!(
                "`{sub}` is not a subtag (2 to 8 letters or digits)"
            ));
        }
    }
    Ok(())
}

/// The languages a channel is answered in, with their provenance.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChannelLanguages {
    /// The languages.
    pub answered: Answered,
    /// Answered through interpreters (phone).
    pub interpreters: bool,
    /// False when no source confirms them: shown as unverified, treated as only these.
    pub verified: bool,
    /// Where they come from.
    pub source: String,
    /// When they were last checked (YYYY-MM-DD).
    pub checked: String,
}

/// One fact with its provenance.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fact {
    /// Short label ("Phone").
    pub label: String,
    /// Exactly as printed.
    pub display: String,
    /// Phone number in E.164 form (phone only).
    #[serde(default)]
    pub e164: Option<String>,
    /// Full URL (chat, web).
    #[serde(default)]
    pub url: Option<String>,
    /// Opening hours.
    #[serde(default)]
    pub hours: Option<String>,
    /// Where the fact comes from.
    pub source: String,
    /// When it was last checked against the source (YYYY-MM-DD).
    pub checked: String,
    /// Anything else a reviewer should know.
    #[serde(default)]
    pub note: Option<String>,
    /// The languages the channel is answered in: `"all"` or language codes.
    #[serde(default)]
    pub languages: Option<LanguagesField>,
    /// Whether other languages are answered through interpreters.
    #[serde(default)]
    pub interpreters: bool,
    /// Where the languages come from.
    #[serde(default)]
    pub languages_source: Option<String>,
    /// When the languages were last checked (YYYY-MM-DD).
    #[serde(default)]
    pub languages_checked: Option<String>,
    /// `false` when no source confirms the languages (default true).
    #[serde(default)]
    pub languages_verified: Option<bool>,
    /// The word to text (sms only: "HELP"): shown in the text lockup (`{ $keyword }`)
    /// and sent as the body of an `sms:` QR code.
    #[serde(default)]
    pub keyword: Option<String>,
    /// Where the keyword comes from.
    #[serde(default)]
    pub keyword_source: Option<String>,
    /// When the keyword was last checked (YYYY-MM-DD).
    #[serde(default)]
    pub keyword_checked: Option<String>,
}

/// Facts that are not verified and so are never printed.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Operator {
    /// Operator name.
    pub name: String,
    /// Whether it is verified.
    pub verified: bool,
    /// Source.
    pub source: String,
    /// Last checked.
    pub checked: String,
}

/// All of `hotline.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Hotline {
    /// The phone line.
    pub phone: Fact,
    /// The text short code.
    pub sms: Fact,
    /// TTY / relay.
    pub tty: Fact,
    /// Chat.
    pub chat: Fact,
    /// Website.
    pub web: Fact,
    /// Operator (unverified).
    pub operator: Operator,
    /// Each channel's languages, checked (filled by [`Hotline::parse`]).
    #[serde(skip)]
    pub languages: std::collections::BTreeMap<HotlineField, ChannelLanguages>,
}

/// The line of `key` inside `[section]`, for diagnostics.
fn line_in(src: &Source, section: &str, key: &str) -> Option<std::ops::Range<usize>> {
    let head = format!("[{section}]");
    let start = src.find_line(|l| l.trim() == head)?;
    let after = &src.text[start.end..];
    let mut at = start.end;
    for line in after.split_inclusive('\n') {
        let t = line.trim();
        if t.starts_with('[') && at > start.end {
            break;
        }
        if t.starts_with(key) && t[key.len()..].trim_start().starts_with('=') {
            let indent = line.len() - line.trim_start().len();
            return Some(at + indent..at + indent + line.trim().len());
        }
        at += line.len();
    }
    Some(start)
}

/// Check one channel's `languages` and its provenance.
fn channel_languages(
    f: &Fact,
    name: &str,
    src: &Arc<Source>,
) -> Result<ChannelLanguages, Diagnostic> {
    let at = |key: &str| line_in(src, name, key);
    let Some(field) = &f.languages else {
        return Err(Diagnostic::error(format!(
            "{name} does not say which languages it is answered in"
        ))
        .at(src, at(&format!("[{name}]")))
        .hint("add `languages = [\"en\", \"es\"]` (language codes) or `languages = \"all\"` with `interpreters = true`, and `languages_source` and `languages_checked`")
        .hint("pieces may promise a reader's language only on channels that answer in it"));
    };
    let answered = Answered::parse(field).map_err(|(msg, hint)| {
        Diagnostic::error(format!("{name} {msg}"))
            .at(src, at("languages"))
            .hint(hint)
    })?;
    if answered == Answered::All && !f.interpreters {
        return Err(Diagnostic::error(format!(
            "{name} is answered in \"all\" languages, but `interpreters` is not true"
        ))
        .at(src, at("languages"))
        .hint("no line answers every language itself: set `interpreters = true` if it uses interpreters, or list the languages it is answered in"));
    }
    let source = f.languages_source.clone().unwrap_or_default();
    if source.trim().is_empty() {
        return Err(
            Diagnostic::error(format!("{name} `languages` has no `languages_source`"))
                .at(src, at("languages"))
                .hint("say where the languages come from, like every other fact"),
        );
    }
    let checked = f.languages_checked.clone().unwrap_or_default();
    let date_like = checked.len() == 10
        && checked.char_indices().all(|(i, c)| {
            if i == 4 || i == 7 {
                c == '-'
            } else {
                c.is_ascii_digit()
            }
        });
    if !date_like {
        return Err(Diagnostic::error(format!(
            "{name} `languages_checked` must be the date the languages were checked"
        ))
        .at(src, at("languages_checked").or(at("languages")))
        .hint("write it as YYYY-MM-DD, e.g. languages_checked = \"2026-11-28\""));
    }
    Ok(ChannelLanguages {
        answered,
        interpreters: f.interpreters,
        verified: f.languages_verified.unwrap_or(true),
        source,
        checked,
    })
}

impl Hotline {
    /// Parse and check `hotline.toml`.
    pub fn parse(src: &Arc<Source>) -> Result<Self, Vec<Diagnostic>> {
        let h: Hotline = toml::from_str(&src.text).map_err(|e| {
            vec![
                Diagnostic::error(format!("hotline file is not valid: {}", e.message().trim()))
                    .at(src, e.span())
                    .hint("every fact needs label, display, source and checked"),
            ]
        })?;
        let mut errs = Vec::new();
        let at = |needle: &str| src.find_line(|l| l.starts_with(needle));
        match &h.phone.e164 {
            Some(e) if e.starts_with('+') && digits(e) == digits(&h.phone.display) => {}
            Some(_) => errs.push(
                Diagnostic::error("phone `display` and `e164` are different numbers")
                    .at(src, at("e164"))
                    .hint("the printed number and the dialled number must have the same digits"),
            ),
            None => errs.push(
                Diagnostic::error(
                    "phone needs `e164`, the number a phone dials (e.g. \"+18883737888\")",
                )
                .at(src, at("[phone]")),
            ),
        }
        if digits(&h.sms.display) != h.sms.display || h.sms.display.len() < 5 {
            errs.push(
                Diagnostic::error("sms `display` must be the short code's digits only")
                    .at(src, at("[sms]")),
            );
        }
        match &h.sms.keyword {
            Some(k)
                if !k.is_empty()
                    && k.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
                    && h.sms.keyword_source.is_some()
                    && h.sms.keyword_checked.is_some() => {}
            Some(_) => errs.push(
                Diagnostic::error("sms `keyword` must be capital letters A-Z or digits, with `keyword_source` and `keyword_checked`")
                    .at(src, at("keyword"))
                    .hint("write the word people text as the hotline's sources give it, e.g. keyword = \"HELP\", and say where it comes from and when it was checked"),
            ),
            None => {}
        }
        for (name, f) in [
            ("phone", &h.phone),
            ("chat", &h.chat),
            ("web", &h.web),
            ("tty", &h.tty),
        ] {
            if f.keyword.is_some() {
                errs.push(
                    Diagnostic::error(format!(
                        "`keyword` is the word to text, and {name} is not the text line"
                    ))
                    .at(src, at(&format!("[{name}]")))
                    .hint("put `keyword` in [sms]"),
                );
            }
        }
        for (name, f) in [("phone", &h.phone), ("sms", &h.sms), ("tty", &h.tty)] {
            let native = f
                .display
                .chars()
                .any(|c| !c.is_ascii_digit() && crate::base::numbers::digit_value(c).is_some());
            if native {
                errs.push(
                    Diagnostic::error(format!(
                        "{name} `display` has digits that are not 0-9"
                    ))
                    .at(src, at(&format!("[{name}]")))
                    .hint("write the hotline's numbers with the digits 0-9; each language shows them as they are"),
                );
            }
        }
        for (name, f) in [("chat", &h.chat), ("web", &h.web)] {
            match &f.url {
                Some(u) if u.starts_with("https://") && !u.contains(['?', '#']) => {}
                _ => errs.push(
                    Diagnostic::error(format!(
                        "{name} needs `url`, an https address with no query or fragment"
                    ))
                    .at(src, at(&format!("[{name}]")))
                    .hint("tracking parameters are never allowed"),
                ),
            }
        }
        let mut h = h;
        for f in HotlineField::ALL {
            match channel_languages(h.fact(f), f.name(), src) {
                Ok(l) => {
                    h.languages.insert(f, l);
                }
                Err(d) => errs.push(d),
            }
        }
        if errs.is_empty() { Ok(h) } else { Err(errs) }
    }

    /// A channel's fact.
    pub fn fact(&self, f: HotlineField) -> &Fact {
        match f {
            HotlineField::Phone => &self.phone,
            HotlineField::Sms => &self.sms,
            HotlineField::Tty => &self.tty,
            HotlineField::Chat => &self.chat,
            HotlineField::Web => &self.web,
        }
    }

    /// The languages a channel is answered in (as `hotline.toml` states them).
    pub fn channel_languages(&self, f: HotlineField) -> Option<&ChannelLanguages> {
        self.languages.get(&f)
    }

    /// Whether a channel answers readers of `locale` in their language. A channel
    /// without checked languages serves nobody's language (it cannot be promised).
    pub fn serves(&self, f: HotlineField, locale: &str) -> bool {
        self.languages
            .get(&f)
            .is_some_and(|l| l.answered.serves(locale))
    }

    /// The text printed for a fact.
    pub fn display(&self, f: HotlineField) -> &str {
        match f {
            HotlineField::Phone => &self.phone.display,
            HotlineField::Sms => &self.sms.display,
            HotlineField::Tty => &self.tty.display,
            HotlineField::Chat => &self.chat.display,
            HotlineField::Web => &self.web.display,
        }
    }

    /// The exact QR payload for a design's choice. No tracking parameters, ever.
    pub fn qr_payload(&self, k: QrKind) -> String {
        match k {
            QrKind::Tel => format!("tel:{}", self.phone.e164.as_deref().unwrap_or_default()),
            QrKind::Sms => match &self.sms.keyword {
                Some(k) => format!("sms:{}?body={k}", self.sms.display),
                None => format!("sms:{}", self.sms.display),
            },
            QrKind::Web => self.web.url.clone().unwrap_or_default(),
        }
    }

    /// Variables offered to translations: `$phone`, `$sms`, `$tty`, `$chat`, `$web`,
    /// `$hours`, `$keyword` (the word to text, empty without one).
    pub fn variables(&self) -> Vec<(&'static str, String)> {
        vec![
            ("phone", self.phone.display.clone()),
            ("sms", self.sms.display.clone()),
            ("tty", self.tty.display.clone()),
            ("chat", self.chat.display.clone()),
            ("web", self.web.display.clone()),
            ("hours", self.phone.hours.clone().unwrap_or_default()),
            ("keyword", self.sms.keyword.clone().unwrap_or_default()),
        ]
    }

    /// Digit strings that may appear in print: the phone number (with and without the
    /// country code), the short code and the TTY number.
    pub fn allowed_numbers(&self) -> Vec<String> {
        let p = digits(&self.phone.display);
        let mut v = vec![
            p.clone(),
            digits(&self.sms.display),
            digits(&self.tty.display),
        ];
        if let Some(rest) = p.strip_prefix('1') {
            v.push(rest.to_string());
        }
        v
    }

    /// The hotline's own numbers as digits, each with the form printed (phone with and
    /// without the country code, text short code, TTY): what a look-alike imitates.
    pub fn own_numbers(&self) -> Vec<(String, String)> {
        let phone = &self.phone.display;
        let mut v = vec![(digits(phone), phone.clone())];
        if let Some(rest) = digits(phone).strip_prefix('1') {
            v.push((rest.to_string(), phone.clone()));
        }
        for f in [&self.sms, &self.tty] {
            let d = digits(&f.display);
            if !d.is_empty() {
                v.push((d, f.display.clone()));
            }
        }
        v
    }

    /// Number rules for a text that may show only the hotline's numbers.
    pub fn number_rules(&self) -> crate::base::numbers::Rules {
        crate::base::numbers::Rules {
            allowed: self.allowed_numbers(),
            hotline: self.own_numbers(),
            placeable_only: false,
        }
    }
}
