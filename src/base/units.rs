//! Lengths with units and colours, as written in design files.

use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, Visitor};

/// Points per inch.
pub const PT_PER_IN: f32 = 72.0;
/// Points per millimetre.
pub const PT_PER_MM: f32 = 72.0 / 25.4;
/// The largest length a design may give, in points: 200 in, the largest page side a
/// PDF can describe (PDF 1.7, Annex C). Larger numbers are refused when parsed.
pub const MAX_PT: f32 = 14_400.0;

/// Where the number of a length ends: digits, a point and a sign, then an exponent
/// (`e3`, `E-2`) only when digits follow it, so `1e40pt` reads as a number, not as the
/// unit `e40pt`.
fn number_end(t: &str) -> usize {
    let b = t.as_bytes();
    let mut i = 0;
    while i < b.len() && (b[i].is_ascii_digit() || matches!(b[i], b'.' | b'-' | b'+')) {
        i += 1;
    }
    if i > 0 && i < b.len() && matches!(b[i], b'e' | b'E') {
        let mut j = i + 1;
        if j < b.len() && matches!(b[j], b'+' | b'-') {
            j += 1;
        }
        if j < b.len() && b[j].is_ascii_digit() {
            while j < b.len() && b[j].is_ascii_digit() {
                j += 1;
            }
            return j;
        }
    }
    i
}

/// A length as written: `3in`, `76.2mm`, `12pt`, `48px` or `5%`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Length {
    /// Inches.
    In(f32),
    /// Millimetres.
    Mm(f32),
    /// Points (1/72 in).
    Pt(f32),
    /// Pixels: on screen designs one pixel of the output; in print, 1/96 in.
    Px(f32),
    /// Percent of the page dimension it applies to (only for margins).
    Percent(f32),
}

impl Length {
    /// Zero length.
    pub const ZERO: Length = Length::Pt(0.0);

    /// Parse `3in`, `12 pt`, `5%`... A number too large for a page, a negative
    /// length, a percentage over 100 and words such as `inf` or `NaN` are refused, each
    /// with its own message.
    pub fn parse(s: &str) -> Result<Self, String> {
        let t = s.trim();
        let (num, unit) = t.split_at(number_end(t));
        let unit = unit.trim();
        let word: String = t
            .trim_start_matches(['+', '-'])
            .chars()
            .take_while(char::is_ascii_alphabetic)
            .collect::<String>()
            .to_ascii_lowercase();
        if num.trim_start_matches(['+', '-']).is_empty() {
            return Err(if ["inf", "infinity", "nan"].contains(&word.as_str()) {
                format!(
                    "`{s}` is not a number a length can have: write a number and a unit, e.g. \"0.125in\""
                )
            } else {
                format!("`{s}` is not a length: write a number and a unit, e.g. \"0.125in\"")
            });
        }
        // Checked in f64, so a number far too large for f32 is still told apart from a
        // typo; the value itself is read as f32 directly, as it always was.
        let wide: f64 = num.parse().map_err(|_| {
            format!("`{s}` is not a length: write a number and a unit, e.g. \"0.125in\"")
        })?;
        if wide < 0.0 {
            return Err(format!("`{s}` is negative: a length must be zero or more"));
        }
        let value: f32 = num.parse().unwrap_or(f32::INFINITY);
        let length = match unit {
            "in" => Length::In(value),
            "mm" => Length::Mm(value),
            "cm" => Length::Mm(value * 10.0),
            "m" => Length::Mm(value * 1000.0),
            "pt" => Length::Pt(value),
            "px" => Length::Px(value),
            "%" => Length::Percent(value),
            "" if wide == 0.0 => Length::Pt(0.0),
            "" => {
                return Err(format!(
                    "`{s}` has no unit: add in, mm, cm, pt or px, e.g. \"{num}in\""
                ));
            }
            other => {
                return Err(format!(
                    "`{s}`: unknown unit `{other}`; use in, mm, cm, m, pt, px or %"
                ));
            }
        };
        let too_large = match length {
            Length::Percent(_) => wide > 100.0,
            // Pixels counted as points: the bound holds on screens (1 px = 1 pt) and in
            // print (1 px = 0.75 pt) alike.
            l => !(wide.is_finite() && l.to_pt(1.0, 0.0) <= MAX_PT),
        };
        if too_large {
            return Err(match length {
                Length::Percent(_) => format!("`{s}` is too large: a percentage is at most 100%"),
                _ => format!(
                    "`{s}` is too large for a length: the largest is {} in ({MAX_PT} pt), the largest page a PDF can describe",
                    MAX_PT / PT_PER_IN
                ),
            });
        }
        Ok(length)
    }

    /// Convert to points. `px_pt` is the size of one px in points (1 on screens,
    /// 0.75 in print); `percent_of` is the dimension a percentage refers to.
    pub fn to_pt(self, px_pt: f32, percent_of: f32) -> f32 {
        match self {
            Length::In(v) => v * PT_PER_IN,
            Length::Mm(v) => v * PT_PER_MM,
            Length::Pt(v) => v,
            Length::Px(v) => v * px_pt,
            Length::Percent(v) => v / 100.0 * percent_of,
        }
    }
}

impl fmt::Display for Length {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Length::In(v) => write!(f, "{v}in"),
            Length::Mm(v) => write!(f, "{v}mm"),
            Length::Pt(v) => write!(f, "{v}pt"),
            Length::Px(v) => write!(f, "{v}px"),
            Length::Percent(v) => write!(f, "{v}%"),
        }
    }
}

impl<'de> Deserialize<'de> for Length {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Length;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a length as a string with a unit, e.g. \"0.125in\" or \"48px\"")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Length, E> {
                Length::parse(v).map_err(E::custom)
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Length, E> {
                if v == 0 {
                    Ok(Length::ZERO)
                } else {
                    Err(E::custom(format!(
                        "{v} has no unit: write it as a string, e.g. \"{v}in\""
                    )))
                }
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Length, E> {
                Err(E::custom(if v.is_finite() {
                    format!("{v} has no unit: write it as a string, e.g. \"{v}in\"")
                } else {
                    format!(
                        "{v} is not a number a length can have: write a number and a unit as a string, e.g. \"0.125in\""
                    )
                }))
            }
        }
        d.deserialize_any(V)
    }
}

/// An sRGB colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Color {
    /// Red, 0-255.
    pub r: u8,
    /// Green, 0-255.
    pub g: u8,
    /// Blue, 0-255.
    pub b: u8,
}

impl Color {
    /// Black.
    pub const BLACK: Color = Color { r: 0, g: 0, b: 0 };
    /// White.
    pub const WHITE: Color = Color {
        r: 255,
        g: 255,
        b: 255,
    };

    /// Parse `#rrggbb` or `#rgb`.
    pub fn parse(s: &str) -> Result<Self, String> {
        let hex = s.strip_prefix('#').unwrap_or("");
        let digits: Option<Vec<u8>> = hex
            .chars()
            .map(|c| c.to_digit(16).map(|d| d as u8))
            .collect();
        match (hex.len(), digits) {
            (6, Some(d)) => Ok(Color {
                r: d[0] * 16 + d[1],
                g: d[2] * 16 + d[3],
                b: d[4] * 16 + d[5],
            }),
            (3, Some(d)) => Ok(Color {
                r: d[0] * 17,
                g: d[1] * 17,
                b: d[2] * 17,
            }),
            _ => Err(format!(
                "`{s}` is not a colour: write it as \"#rrggbb\", e.g. \"#13294b\""
            )),
        }
    }

    /// `#rrggbb`.
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.r, self.g, self.b)
    }

    /// WCAG 2.x relative luminance.
    pub fn luminance(self) -> f32 {
        let ch = |c: u8| {
            let c = c as f32 / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * ch(self.r) + 0.7152 * ch(self.g) + 0.0722 * ch(self.b)
    }

    /// WCAG 2.x contrast ratio between two colours (1 to 21).
    pub fn contrast(self, other: Color) -> f32 {
        let (a, b) = (self.luminance(), other.luminance());
        let (hi, lo) = if a > b { (a, b) } else { (b, a) };
        (hi + 0.05) / (lo + 0.05)
    }
}

impl<'de> Deserialize<'de> for Color {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Color::parse(&s).map_err(de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lengths_convert_to_points() {
        assert_eq!(Length::parse("3in").unwrap().to_pt(0.75, 0.0), 216.0);
        assert!((Length::parse("25.4mm").unwrap().to_pt(0.75, 0.0) - 72.0).abs() < 1e-4);
        assert_eq!(Length::parse("96px").unwrap().to_pt(0.75, 0.0), 72.0);
        assert_eq!(Length::parse("5%").unwrap().to_pt(1.0, 1920.0), 96.0);
        assert!(Length::parse("3").unwrap_err().contains("no unit"));
        assert!(Length::parse("3ft").unwrap_err().contains("unknown unit"));
        assert!(Length::parse("-1in").is_err());
    }

    #[test]
    fn lengths_too_large_negative_or_not_numbers_each_say_so() {
        for big in [
            "99999999999999999999in",
            "1e40pt",
            "1e400in",
            "201in",
            "20000px",
        ] {
            let e = Length::parse(big).unwrap_err();
            assert!(e.contains("too large for a length"), "{big}: {e}");
        }
        assert!(Length::parse("101%").unwrap_err().contains("at most 100%"));
        for word in ["inf", "-inf", "NaN", "infinity"] {
            let e = Length::parse(word).unwrap_err();
            assert!(e.contains("not a number a length can have"), "{word}: {e}");
        }
        assert!(Length::parse("-2in").unwrap_err().contains("negative"));
        // Exponents are numbers, and the largest length is still a length.
        assert_eq!(Length::parse("1e1pt"), Ok(Length::Pt(10.0)));
        assert_eq!(Length::parse("200in"), Ok(Length::In(200.0)));
        assert_eq!(Length::parse("14400pt"), Ok(Length::Pt(14_400.0)));
        assert!(
            Length::parse("1em")
                .unwrap_err()
                .contains("unknown unit `em`")
        );
    }

    #[test]
    fn colours_parse_and_contrast() {
        assert_eq!(
            Color::parse("#13294b").unwrap(),
            Color {
                r: 0x13,
                g: 0x29,
                b: 0x4b
            }
        );
        assert_eq!(Color::parse("#fff").unwrap(), Color::WHITE);
        assert!(Color::parse("red").is_err());
        assert!((Color::BLACK.contrast(Color::WHITE) - 21.0).abs() < 0.01);
    }
}
