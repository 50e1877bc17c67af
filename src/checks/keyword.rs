//! The word to text: the text verb (`text-label`, or what stands in for it where texts
//! are not answered in the reader's language) shows the keyword of `hotline.toml`'s
//! `[sms]`, verbatim, and no other keyword the hotline's sources name.

use crate::base::diag::Diagnostics;
use crate::base::numbers;
use crate::load::project::Project;
use crate::load::spec::{Content, Design};
use crate::scene::Scene;

/// The message of the text verb.
pub const TEXT_VERB: &str = "text-label";

/// Keywords the hotline's sources give for 233733 (shared facts, section 1): a piece
/// may show only the one `hotline.toml` chose.
pub const KNOWN: [&str; 3] = ["HELP", "INFO", "BEFREE"];

/// Every text verb on the piece shows the keyword of `hotline.toml`.
pub fn piece(p: &Project, design: &Design, s: &Scene) -> Diagnostics {
    let mut d = Diagnostics::default();
    let Some(keyword) = p.hotline.sms.keyword.as_deref() else {
        return d;
    };
    let verb_slots: Vec<&str> = design
        .slots
        .iter()
        .filter(|sl| sl.content == Content::Text(TEXT_VERB.into()))
        .map(|sl| sl.name.as_str())
        .collect();
    for (pi, page) in s.pages.iter().enumerate() {
        for b in page
            .blocks
            .iter()
            .filter(|b| verb_slots.contains(&b.slot.as_str()))
        {
            let text: String = b
                .paragraphs
                .join(" ")
                .chars()
                .filter(|c| !numbers::is_bidi_control(*c))
                .collect();
            let words = words(&text);
            let others: Vec<&str> = KNOWN
                .into_iter()
                .filter(|k| *k != keyword && words.contains(k))
                .collect();
            if words.contains(&keyword) && others.is_empty() {
                continue;
            }
            let shown = if others.is_empty() {
                "no keyword".to_string()
            } else {
                format!("\"{}\"", others.join("\", \""))
            };
            let page_name = s.page_label(pi);
            d.push(
                design
                    .error(
                        format!(
                            "the text verb in slot `{}` of `{}` ({}{page_name}) says \"{}\" and shows {shown}; hotline.toml's keyword to text is \"{keyword}\"",
                            b.slot, s.design, s.locale, text.trim()
                        ),
                        design.slot_span(&b.slot),
                    )
                    .hint(format!(
                        "write `{{ $keyword }}` in the message `{TEXT_VERB}` (and its `-limited` form) of locale `{}`: the keyword comes from hotline.toml only",
                        s.locale
                    ))
                    .code("sms-keyword"),
            );
        }
    }
    d
}

/// The runs of ASCII capitals and digits in a text (where a keyword can stand).
fn words(t: &str) -> Vec<&str> {
    t.split(|c: char| !(c.is_ascii_uppercase() || c.is_ascii_digit()))
        .filter(|w| !w.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::words;

    #[test]
    fn keywords_are_whole_capital_words() {
        assert_eq!(words("Or text HELP to"), vec!["O", "HELP"]);
        assert_eq!(words("أو أرسل HELP في"), vec!["HELP"]);
        assert!(!words("Or text HELPER").contains(&"HELP"));
    }
}
