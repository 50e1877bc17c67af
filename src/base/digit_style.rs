//! Which digits a locale prints ordinary numbers in (`digits = "arabext"` in
//! `locales/locales.toml`): "24 hours", "200 languages", "under 18" written in a catalog.
//!
//! The conversion happens at one point only: when a catalog's messages are resolved
//! (`locale::parse_catalog`), through Fluent's hooks for the catalog's own text
//! (text elements and number literals). Placeable values (the hotline number, short
//! code, TTY, web address and hours from hotline.toml) never pass through it, so they
//! stay in ASCII digits, and the layout isolates them left to right.

use std::borrow::Cow;

use serde::Deserialize;
use unicode_properties::{GeneralCategory, UnicodeGeneralCategory};

/// A numbering system, named by its CLDR / Unicode `-u-nu-` identifier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DigitStyle {
    /// 0123456789, as typed: nothing is converted (the default; Arabic too).
    #[default]
    Latn,
    /// Arabic-Indic ٠١٢٣٤٥٦٧٨٩ (U+0660).
    Arab,
    /// Extended Arabic-Indic (Persian, Urdu) ۰۱۲۳۴۵۶۷۸۹ (U+06F0).
    Arabext,
    /// Devanagari ०१२३४५६७८९ (U+0966).
    Deva,
    /// Bengali ০১২৩৪৫৬৭৮৯ (U+09E6).
    Beng,
    /// Gurmukhi ੦੧੨੩੪੫੬੭੮੯ (U+0A66).
    Guru,
    /// Gujarati ૦૧૨૩૪૫૬૭૮૯ (U+0AE6).
    Gujr,
    /// Thai ๐๑๒๓๔๕๖๗๘๙ (U+0E50).
    Thai,
    /// Lao ໐໑໒໓໔໕໖໗໘໙ (U+0ED0).
    Laoo,
    /// Myanmar ၀၁၂၃၄၅၆၇၈၉ (U+1040).
    Mymr,
    /// Khmer ០១២៣៤៥៦៧៨៩ (U+17E0).
    Khmr,
}

/// A function Fluent calls on each piece of a catalog's own text.
pub type Transform = fn(&str) -> Cow<'_, str>;

/// A function Fluent calls on each number value (number literals in a catalog).
pub type Formatter<M> = fn(&fluent_bundle::FluentValue, &M) -> Option<String>;

macro_rules! style_fns {
    ($($style:ident => $zero:expr, $text:ident, $number:ident;)*) => {
        $(
            fn $text(s: &str) -> Cow<'_, str> {
                convert(s, $zero)
            }
            fn $number<M>(v: &fluent_bundle::FluentValue, _: &M) -> Option<String> {
                number_value(v, $zero)
            }
        )*
        impl DigitStyle {
            /// The digit zero of this style (`'0'` for Latin).
            pub fn zero(self) -> char {
                match self {
                    DigitStyle::Latn => '0',
                    $(DigitStyle::$style => $zero,)*
                }
            }

            /// The Fluent text transform, `None` for Latin (text stays as typed).
            pub fn transform(self) -> Option<Transform> {
                match self {
                    DigitStyle::Latn => None,
                    $(DigitStyle::$style => Some($text as Transform),)*
                }
            }

            /// The Fluent number formatter, `None` for Latin.
            pub fn formatter<M>(self) -> Option<Formatter<M>> {
                match self {
                    DigitStyle::Latn => None,
                    $(DigitStyle::$style => Some($number::<M> as Formatter<M>),)*
                }
            }
        }
    };
}

style_fns! {
    Arab => '\u{0660}', text_arab, number_arab;
    Arabext => '\u{06F0}', text_arabext, number_arabext;
    Deva => '\u{0966}', text_deva, number_deva;
    Beng => '\u{09E6}', text_beng, number_beng;
    Guru => '\u{0A66}', text_guru, number_guru;
    Gujr => '\u{0AE6}', text_gujr, number_gujr;
    Thai => '\u{0E50}', text_thai, number_thai;
    Laoo => '\u{0ED0}', text_laoo, number_laoo;
    Mymr => '\u{1040}', text_mymr, number_mymr;
    Khmr => '\u{17E0}', text_khmr, number_khmr;
}

impl DigitStyle {
    /// The identifier used in locales.toml.
    pub fn as_str(self) -> &'static str {
        match self {
            DigitStyle::Latn => "latn",
            DigitStyle::Arab => "arab",
            DigitStyle::Arabext => "arabext",
            DigitStyle::Deva => "deva",
            DigitStyle::Beng => "beng",
            DigitStyle::Guru => "guru",
            DigitStyle::Gujr => "gujr",
            DigitStyle::Thai => "thai",
            DigitStyle::Laoo => "laoo",
            DigitStyle::Mymr => "mymr",
            DigitStyle::Khmr => "khmr",
        }
    }

    /// `text` with every decimal digit (ASCII or any script's) written in this style;
    /// Latin leaves the text as it is.
    pub fn apply(self, text: &str) -> Cow<'_, str> {
        match self {
            DigitStyle::Latn => Cow::Borrowed(text),
            s => convert(text, s.zero()),
        }
    }
}

/// Whether a character is a decimal digit of some script (ASCII or Unicode Nd).
fn is_decimal(c: char) -> bool {
    c.is_ascii_digit() || c.general_category() == GeneralCategory::DecimalNumber
}

/// Every decimal digit in `s` rewritten as the digit of the same value in the run that
/// starts at `zero`. Superscripts, circled digits and other digit-like signs stay as
/// they are (the number checks still read them).
fn convert(s: &str, zero: char) -> Cow<'_, str> {
    if !s.chars().any(|c| is_decimal(c) && !in_run(c, zero)) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .map(|c| match crate::base::numbers::digit_value(c) {
                Some(v) if is_decimal(c) => char::from_u32(zero as u32 + v).unwrap_or(c),
                _ => c,
            })
            .collect(),
    )
}

fn in_run(c: char, zero: char) -> bool {
    (zero..=char::from_u32(zero as u32 + 9).unwrap_or(zero)).contains(&c)
}

fn number_value(v: &fluent_bundle::FluentValue, zero: char) -> Option<String> {
    match v {
        fluent_bundle::FluentValue::Number(n) => Some(convert(&n.as_string(), zero).into_owned()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_every_script_and_leaves_other_signs() {
        let s = DigitStyle::Arabext;
        assert_eq!(s.apply("24 hours, 200, ٤٥"), "۲۴ hours, ۲۰۰, ۴۵");
        assert_eq!(s.apply("x² ①"), "x² ①");
        assert_eq!(DigitStyle::Latn.apply("۲۴"), "۲۴");
        assert_eq!(DigitStyle::Deva.apply("18"), "१८");
        assert!(matches!(s.apply("۲۴ ساعت"), Cow::Borrowed(_)));
        for st in [DigitStyle::Arab, DigitStyle::Thai, DigitStyle::Khmr] {
            let t = (st.transform().unwrap())("0123456789");
            assert_eq!(crate::base::numbers::digits(&t), "0123456789");
            assert!(!t.is_ascii());
        }
    }
}
