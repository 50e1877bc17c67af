//! The hotline's contact details: one file (`hotline.toml`), one source of truth.
//!
//! Designs and translations refer to facts by name; every number printed anywhere is
//! checked against this file, and every QR payload is built from it.

use std::sync::Arc;

use serde::Deserialize;

use crate::diag::{Diagnostic, Source};
use crate::numbers::digits;

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

/// A hotline fact a slot can show on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
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
        for (name, f) in [("phone", &h.phone), ("sms", &h.sms), ("tty", &h.tty)] {
            let native = f
                .display
                .chars()
                .any(|c| !c.is_ascii_digit() && crate::numbers::digit_value(c).is_some());
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
        if errs.is_empty() { Ok(h) } else { Err(errs) }
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
            QrKind::Sms => format!("sms:{}", self.sms.display),
            QrKind::Web => self.web.url.clone().unwrap_or_default(),
        }
    }

    /// Variables offered to translations: `$phone`, `$sms`, `$tty`, `$chat`, `$web`, `$hours`.
    pub fn variables(&self) -> Vec<(&'static str, String)> {
        vec![
            ("phone", self.phone.display.clone()),
            ("sms", self.sms.display.clone()),
            ("tty", self.tty.display.clone()),
            ("chat", self.chat.display.clone()),
            ("web", self.web.display.clone()),
            ("hours", self.phone.hours.clone().unwrap_or_default()),
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
    pub fn number_rules(&self) -> crate::numbers::Rules {
        crate::numbers::Rules {
            allowed: self.allowed_numbers(),
            hotline: self.own_numbers(),
            placeable_only: false,
        }
    }
}
