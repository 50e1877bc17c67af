//! A facility contact for staff (issue 19): kit.toml's `[[contact]]`, printed on the
//! staff badge card and the staff poster: who to call inside the facility (social work
//! on call, security, the anti-trafficking lead), by full number or internal extension.
//! Checked like a local resource: a malformed number, or one a digit away from the
//! hotline's, is an error naming the line in kit.toml.

use serde::Deserialize;

use crate::base::diag::Diagnostic;
use crate::load::hotline::Hotline;

/// Shortest and longest internal extension, in digits.
pub const EXTENSION_DIGITS: std::ops::RangeInclusive<usize> = 3..=6;

/// `[[contact]]`: someone staff call inside the facility.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    /// What they do ("Social work on call", "Security").
    pub role: String,
    /// A person's or team's name (optional: roles change hands).
    #[serde(default)]
    pub name: Option<String>,
    /// A US number ("510-555-0100"), an internal extension of 3 to 6 digits ("4411"),
    /// or a number with its extension ("510-555-0100 ext. 4411").
    pub number: String,
    /// When they answer ("24/7", "Mon-Fri 8-5").
    #[serde(default)]
    pub hours: Option<String>,
}

/// A contact's number, read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ContactNumber {
    /// An internal extension: its digits.
    Extension(String),
    /// A US number (10 digits, a leading 1 dropped), with an extension or none.
    Phone {
        /// The 10 digits.
        digits: String,
        /// The extension's digits, if any.
        extension: Option<String>,
    },
}

impl Contact {
    /// The number, read; None when it is neither a US number nor an extension.
    pub fn parsed(&self) -> Option<ContactNumber> {
        parse_number(&self.number)
    }

    /// Problems of the contact on its own, as errors without a location (the kit file
    /// places them): a number that is not a US number or an extension of 3 to 6 digits,
    /// a role of no or more than 40 characters, a name over 60, hours over 40.
    pub fn problems(&self) -> Vec<Diagnostic> {
        let mut d = Vec::new();
        if self.parsed().is_none() {
            d.push(
                Diagnostic::error(format!(
                    "contact `{}`: `{}` is neither a US phone number nor an extension of 3 to 6 digits",
                    self.role, self.number
                ))
                .hint("write \"510-555-0100\", an extension such as \"4411\", or \"510-555-0100 ext. 4411\""),
            );
        }
        let len = |s: &str| s.chars().count();
        if self.role.trim().is_empty() || len(&self.role) > 40 {
            d.push(
                Diagnostic::error("a contact needs a role of 1 to 40 characters")
                    .hint("say what they do, e.g. \"Social work on call\" or \"Security\""),
            );
        }
        if self.name.as_deref().is_some_and(|n| len(n) > 60) {
            d.push(
                Diagnostic::error(format!(
                    "contact `{}`: the name is longer than 60 characters",
                    self.role
                ))
                .hint("shorten it so it fits on a badge card"),
            );
        }
        if self.hours.as_deref().is_some_and(|h| len(h) > 40) {
            d.push(
                Diagnostic::error(format!(
                    "contact `{}`: hours are longer than 40 characters",
                    self.role
                ))
                .hint("shorten them, e.g. \"24/7\" or \"Mon-Fri 8-5\""),
            );
        }
        d
    }

    /// Problems of the contact against the hotline: a full number one digit away from
    /// one of the hotline's (a misprint staff would dial at 3 a.m.), or the hotline's
    /// own number (it is on every staff piece already, from hotline.toml).
    pub fn hotline_problems(&self, hotline: &Hotline) -> Vec<Diagnostic> {
        let Some(ContactNumber::Phone { digits, .. }) = self.parsed() else {
            return Vec::new();
        };
        let rules = hotline.number_rules();
        let mut d = Vec::new();
        if let Some(of) = rules.look_alike(&digits) {
            d.push(
                Diagnostic::error(format!(
                    "contact `{}`: {} is a look-alike of the hotline number {of} (one digit differs)",
                    self.role, self.number
                ))
                .hint("check the number with the person or team; staff who misdial reach a stranger"),
            );
        } else if rules.allowed.contains(&digits) {
            d.push(
                Diagnostic::error(format!(
                    "contact `{}` has the hotline's own number {}",
                    self.role, self.number
                ))
                .hint("the hotline is on every staff piece already, from hotline.toml: list the facility's own contacts here"),
            );
        }
        d
    }

    /// The line printed on a staff piece: role, name, number and hours.
    pub fn line(&self) -> String {
        let mut s = self.role.clone();
        if let Some(n) = self.name.as_deref().filter(|n| !n.trim().is_empty()) {
            s.push_str(&format!(" ({n})"));
        }
        s.push_str(&format!(": {}", self.number));
        if let Some(h) = self.hours.as_deref().filter(|h| !h.trim().is_empty()) {
            s.push_str(&format!(", {h}"));
        }
        s
    }
}

/// Read a contact number: an extension alone ("4411", "x4411", "ext. 4411"), a US
/// number, or a US number followed by its extension.
pub fn parse_number(raw: &str) -> Option<ContactNumber> {
    let t = raw.trim();
    // ASCII lower case keeps byte offsets, so they index `t` too.
    let lower = t.to_ascii_lowercase();
    // Split off an extension: "ext. 4411", "ext 4411", "x4411", "x 4411".
    let (main, ext) = match ["ext.", "ext", "x"]
        .iter()
        .find_map(|m| lower.rfind(m).map(|i| (i, m.len())))
    {
        Some((i, n)) => (&t[..i], Some(t[i + n..].trim())),
        None => (t, None),
    };
    let ext = match ext {
        Some(e) => Some(extension(e)?),
        None => None,
    };
    let main = main.trim();
    if main.is_empty() {
        return ext.map(ContactNumber::Extension);
    }
    if !main
        .chars()
        .all(|c| c.is_ascii_digit() || " -().+".contains(c))
    {
        return None;
    }
    let digits: String = main.chars().filter(char::is_ascii_digit).collect();
    if ext.is_none() && EXTENSION_DIGITS.contains(&digits.len()) && digits == main {
        return Some(ContactNumber::Extension(digits));
    }
    let ten = match digits.len() {
        10 => digits,
        11 if digits.starts_with('1') => digits[1..].to_string(),
        _ => return None,
    };
    Some(ContactNumber::Phone {
        digits: ten,
        extension: ext,
    })
}

/// The digits of an extension of 3 to 6 digits, nothing else.
fn extension(s: &str) -> Option<String> {
    (s.chars().all(|c| c.is_ascii_digit()) && EXTENSION_DIGITS.contains(&s.len()))
        .then(|| s.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn phone(d: &str, e: Option<&str>) -> Option<ContactNumber> {
        Some(ContactNumber::Phone {
            digits: d.into(),
            extension: e.map(str::to_string),
        })
    }

    #[test]
    fn numbers_and_extensions_are_read() {
        let ext = |d: &str| Some(ContactNumber::Extension(d.into()));
        assert_eq!(parse_number("4411"), ext("4411"));
        assert_eq!(parse_number("x4411"), ext("4411"));
        assert_eq!(parse_number("ext. 123456"), ext("123456"));
        assert_eq!(parse_number("510-555-0100"), phone("5105550100", None));
        assert_eq!(parse_number("1 (510) 555-0100"), phone("5105550100", None));
        assert_eq!(
            parse_number("510-555-0100 ext. 4411"),
            phone("5105550100", Some("4411"))
        );
        assert_eq!(
            parse_number("510-555-0100 x 77"),
            None,
            "a 2-digit extension"
        );
        for bad in [
            "44",
            "1234567",
            "ext.",
            "555-0100",
            "510-555-CALL",
            "44-11",
            "x4411x",
        ] {
            assert_eq!(parse_number(bad), None, "{bad}");
        }
        // Hostile spellings: letters whose lower case is longer, bidi controls, other
        // scripts' digits, an extension marker alone. Refused, never a panic.
        for bad in [
            "\u{130}x4411",
            "\u{130}\u{130}510-555-0100 ext. 4411",
            "\u{202E}4411",
            "\u{0664}\u{0664}\u{0661}\u{0661}",
            "x",
            "ext. ext. 4411",
            "510-555-0100 ext. 4411 ext. 12",
            "",
        ] {
            assert_eq!(parse_number(bad), None, "{bad:?}");
        }
    }
}
