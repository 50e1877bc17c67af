//! A local resource (a program people can also call), listed on posters and wallet
//! cards: kit.toml's `[[resource]]` and a facilities sheet's resource columns. Both are
//! checked by the same functions, [`Resource::problems`] and
//! [`Resource::hotline_problems`].

use serde::Deserialize;

use crate::base::diag::Diagnostic;
use crate::load::hotline::Hotline;

/// `[[resource]]`: a local program people can also call.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Resource {
    /// Program name.
    pub name: String,
    /// Phone number as printed (US format).
    pub phone: String,
    /// Opening hours.
    #[serde(default)]
    pub hours: Option<String>,
    /// Languages the program answers in (locale codes).
    #[serde(default)]
    pub languages: Vec<String>,
}

impl Resource {
    /// The phone number's digits.
    pub fn digits(&self) -> String {
        crate::base::numbers::digits(&self.phone)
    }

    /// Problems of the resource on its own, as errors without a location (the caller
    /// places them: a kit file's `[[resource]]`, a sheet's cell), each with the field it
    /// is about: a phone number that is not a US one, a name of no or more than 60
    /// characters, hours longer than 40 characters.
    pub fn problems(&self) -> Vec<(ResourceField, Diagnostic)> {
        let mut d = Vec::new();
        let digits = self.digits();
        let ok_chars = self
            .phone
            .chars()
            .all(|c| c.is_ascii_digit() || " -().+".contains(c))
            && crate::base::numbers::scan(&self.phone).len() == 1;
        let ok_len = digits.len() == 10 || (digits.len() == 11 && digits.starts_with('1'));
        if !ok_chars || !ok_len {
            d.push((
                ResourceField::Phone,
                Diagnostic::error(format!(
                    "local resource `{}`: `{}` is not a US phone number",
                    self.name, self.phone
                ))
                .hint("write 10 digits, e.g. \"510-555-0100\" or \"1-510-555-0100\""),
            ));
        }
        if self.name.trim().is_empty() || self.name.chars().count() > 60 {
            d.push((
                ResourceField::Name,
                Diagnostic::error("a local resource needs a name of 1 to 60 characters")
                    .hint("shorten the name so it fits on a wallet card"),
            ));
        }
        if self
            .hours
            .as_deref()
            .is_some_and(|h| h.chars().count() > 40)
        {
            d.push((
                ResourceField::Hours,
                Diagnostic::error(format!(
                    "local resource `{}`: hours are longer than 40 characters",
                    self.name
                ))
                .hint("shorten them, e.g. \"Mon-Fri 9-5\""),
            ));
        }
        d
    }

    /// Problems of the resource against the hotline, as errors without a location: a
    /// number one digit away from one of the hotline's, or a name that reads like the
    /// national hotline's on another number (a look-alike a caller would trust).
    pub fn hotline_problems(&self, hotline: &Hotline) -> Vec<(ResourceField, Diagnostic)> {
        let mut d = Vec::new();
        let rules = hotline.number_rules();
        let digits = self.digits();
        let ten = digits.strip_prefix('1').filter(|x| x.len() == 10);
        let own = rules.allowed.contains(&digits);
        let like = [Some(digits.as_str()), ten]
            .into_iter()
            .flatten()
            .find_map(|x| rules.look_alike(x));
        if let Some(of) = like {
            d.push((
                ResourceField::Phone,
                Diagnostic::error(format!(
                    "local resource `{}`: {} is a look-alike of the hotline number {of} (one digit differs)",
                    self.name, self.phone
                ))
                .hint("check the number with the program; a caller who misdials reaches a stranger")
                .hint("the national hotline is on every piece already: do not list it as a local resource"),
            ));
        }
        if !own && let Some(phrase) = imitates_hotline(&self.name) {
            d.push((
                ResourceField::Name,
                Diagnostic::error(format!(
                    "local resource `{}` is named like the national hotline (\"{phrase}\"), but its number {} is not the hotline's",
                    self.name, self.phone
                ))
                .hint("give the program its own name; the national hotline's number comes only from hotline.toml"),
            ));
        }
        d
    }

    /// The line printed on a piece, after the localized label.
    pub fn line(&self) -> String {
        match &self.hours {
            Some(h) if !h.is_empty() => format!("{}, {} ({h})", self.name, self.phone),
            _ => format!("{}, {}", self.name, self.phone),
        }
    }
}

/// The field of a local resource a problem is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResourceField {
    /// `name`.
    Name,
    /// `phone`.
    Phone,
    /// `hours`.
    Hours,
}

/// Names and nicknames only the national hotline goes by (lower case, one space between
/// words). "human trafficking hotline" alone is not among them: a state or county
/// program ("Georgia Human Trafficking Hotline") may carry it under its own name.
const HOTLINE_NAMES: &[&str] = &["nhth", "nhtrc", "befree", "be free textline", "polaris"];

/// Words that, before "human trafficking hotline" and the like, name the national line
/// rather than a local one.
const NATIONAL_WORDS: &[&str] = &[
    "national",
    "nacional",
    "nationale",
    "federal",
    "us",
    "u s",
    "usa",
    "united states",
    "america",
    "american",
    "the",
];

/// The hotline name a resource name imitates, if any: compared in lower case, with
/// accents, punctuation and spacing ignored. Refused: a name that says "national" (in
/// English, Spanish or French) together with "trafficking" or "hotline"; a name that is
/// nothing but "(the) (US) human trafficking hotline" or "trafficking resource center",
/// with no place or program of its own; and the national line's nicknames. A state's
/// or county's own line ("Georgia Human Trafficking Hotline") is not refused.
pub fn imitates_hotline(name: &str) -> Option<&'static str> {
    let mut words = String::from(" ");
    for c in crate::load::content::fold(name).chars() {
        if c.is_alphanumeric() {
            words.push(c);
        } else if !words.ends_with(' ') {
            words.push(' ');
        }
    }
    if !words.ends_with(' ') {
        words.push(' ');
    }
    let has = |w: &str| words.contains(&format!(" {w} "));
    let squashed: String = words.chars().filter(|c| *c != ' ').collect();
    if let Some(n) = HOTLINE_NAMES
        .iter()
        .copied()
        .find(|n| has(n) || squashed.contains(&n.replace(' ', "")))
    {
        return Some(n);
    }
    let trafficking = has("trafficking") || has("trata") || has("traite");
    let line = has("hotline") || has("linea") || has("helpline") || has("resource center");
    if ["national", "nacional", "nationale"].iter().any(|w| has(w)) && (trafficking || line) {
        return Some("national … hotline");
    }
    // Nothing but the generic name, perhaps with "the" / "US" in front.
    let mut rest = words.trim().to_string();
    loop {
        let before = rest.clone();
        for w in NATIONAL_WORDS {
            if let Some(r) = rest.strip_prefix(&format!("{w} ")) {
                rest = r.to_string();
            }
        }
        if rest == before {
            break;
        }
    }
    [
        "human trafficking hotline",
        "trafficking hotline",
        "trafficking resource center",
    ]
    .into_iter()
    .find(|g| rest == *g)
}
