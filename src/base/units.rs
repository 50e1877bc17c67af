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

/// An sRGB colour, with the print values (percent cyan, magenta, yellow, black) a
/// design gives it for press output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Color {
    /// Red, 0-255.
    pub r: u8,
    /// Green, 0-255.
    pub g: u8,
    /// Blue, 0-255.
    pub b: u8,
    /// Print values, percent C, M, Y, K, when the design gives them.
    pub cmyk: Option<[u8; 4]>,
}

impl Color {
    /// Black: on press, black ink alone (a grey's print values follow from it).
    pub const BLACK: Color = Color::rgb(0, 0, 0);
    /// White: no ink.
    pub const WHITE: Color = Color::rgb(255, 255, 255);

    /// A colour from its red, green and blue, with no print values of its own.
    pub const fn rgb(r: u8, g: u8, b: u8) -> Self {
        Color {
            r,
            g,
            b,
            cmyk: None,
        }
    }

    /// The same colour with these print values (percent C, M, Y, K).
    pub const fn with_cmyk(self, cmyk: [u8; 4]) -> Self {
        Color {
            cmyk: Some(cmyk),
            ..self
        }
    }

    /// Parse `#rrggbb` or `#rgb`.
    pub fn parse(s: &str) -> Result<Self, String> {
        let hex = s.strip_prefix('#').unwrap_or("");
        let digits: Option<Vec<u8>> = hex
            .chars()
            .map(|c| c.to_digit(16).map(|d| d as u8))
            .collect();
        match (hex.len(), digits) {
            (6, Some(d)) => Ok(Color::rgb(
                d[0] * 16 + d[1],
                d[2] * 16 + d[3],
                d[4] * 16 + d[5],
            )),
            (3, Some(d)) => Ok(Color::rgb(d[0] * 17, d[1] * 17, d[2] * 17)),
            _ => Err(format!(
                "`{s}` is not a colour: write it as \"#rrggbb\", e.g. \"#13294b\""
            )),
        }
    }

    /// `#rrggbb`.
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.r, self.g, self.b)
    }

    /// Whether the design gave print values, or a grey that black ink alone prints (a
    /// grey's print values follow from it; any other colour's do not).
    pub fn has_print_values(self) -> bool {
        self.cmyk.is_some() || (self.r == self.g && self.g == self.b)
    }

    /// What this colour prints as, percent C, M, Y, K: the design's print values; for a
    /// grey without them, black ink alone at the grey's darkness; otherwise the plain
    /// formula (K = 1 - max(R, G, B)), which `check` warns about.
    pub fn ink(self) -> [u8; 4] {
        if let Some(v) = self.cmyk {
            return v;
        }
        let pct = |v: f32| (v * 100.0).round().clamp(0.0, 100.0) as u8;
        let (r, g, b) = (
            self.r as f32 / 255.0,
            self.g as f32 / 255.0,
            self.b as f32 / 255.0,
        );
        let k = 1.0 - r.max(g).max(b);
        if self.r == self.g && self.g == self.b || k >= 1.0 {
            return [0, 0, 0, pct(k)];
        }
        let c = |v: f32| pct((1.0 - v - k) / (1.0 - k));
        [c(r), c(g), c(b), pct(k)]
    }

    /// How many inks print this colour (0 for white).
    pub fn ink_count(self) -> usize {
        self.ink().iter().filter(|v| **v > 0).count()
    }

    /// Total ink coverage, percent (at most 400).
    pub fn ink_total(self) -> u32 {
        self.ink().iter().map(|v| *v as u32).sum()
    }

    /// The print values as `C/M/Y/K`, for messages.
    pub fn ink_text(self) -> String {
        let [c, m, y, k] = self.ink();
        format!("C{c} M{m} Y{y} K{k}")
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

/// A colour as a design writes it: `"#13294b"`, or with print values,
/// `{ rgb = "#13294b", cmyk = [100, 80, 30, 40] }`.
impl<'de> Deserialize<'de> for Color {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Both {
            rgb: String,
            cmyk: [u8; 4],
        }
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Written {
            Hex(String),
            Both(Both),
        }
        let written = Written::deserialize(d).map_err(|_| {
            de::Error::custom(
                "a colour is \"#rrggbb\" or { rgb = \"#rrggbb\", cmyk = [C, M, Y, K] } \
                 (percent, 0-100), e.g. { rgb = \"#13294b\", cmyk = [100, 80, 30, 40] }",
            )
        })?;
        match written {
            Written::Hex(s) => Color::parse(&s).map_err(de::Error::custom),
            Written::Both(b) => {
                let c = Color::parse(&b.rgb).map_err(de::Error::custom)?;
                if let Some(v) = b.cmyk.iter().find(|v| **v > 100) {
                    return Err(de::Error::custom(format!(
                        "print value {v} in cmyk = {:?}: each of C, M, Y and K is a percentage, 0 to 100",
                        b.cmyk
                    )));
                }
                Ok(c.with_cmyk(b.cmyk))
            }
        }
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
            Color::rgb(0x13, 0x29, 0x4b)
        );
        assert_eq!(Color::parse("#fff").unwrap(), Color::WHITE);
        assert!(Color::parse("red").is_err());
        assert!((Color::BLACK.contrast(Color::WHITE) - 21.0).abs() < 0.01);
    }

    #[test]
    fn print_values_come_from_the_design_or_follow_from_a_grey() {
        #[derive(serde::Deserialize)]
        struct T {
            c: Color,
        }
        let navy: T =
            toml::from_str(r##"c = { rgb = "#13294b", cmyk = [100, 80, 30, 40] }"##).unwrap();
        assert_eq!(navy.c.ink(), [100, 80, 30, 40]);
        assert_eq!((navy.c.ink_count(), navy.c.ink_total()), (4, 250));
        assert!(navy.c.has_print_values());
        // Greys print in black ink alone, at their darkness; white prints no ink.
        assert_eq!(Color::parse("#222222").unwrap().ink(), [0, 0, 0, 87]);
        assert_eq!(Color::WHITE.ink_count(), 0);
        assert_eq!(Color::BLACK.ink(), [0, 0, 0, 100]);
        // Another colour without print values: the plain formula, flagged.
        let red = Color::parse("#c00000").unwrap();
        assert!(!red.has_print_values());
        assert_eq!(red.ink(), [0, 100, 100, 25]);
        for bad in [
            r##"c = { rgb = "#13294b", cmyk = [100, 80, 30, 140] }"##,
            r##"c = { rgb = "#13294b", cmyk = [100, 80, 30] }"##,
            r##"c = { rgb = "#13294b", cymk = [1, 2, 3, 4] }"##,
            r##"c = "navy""##,
        ] {
            assert!(toml::from_str::<T>(bad).is_err(), "{bad}");
        }
        let e = toml::from_str::<T>(r##"c = { rgb = "#13294b", cmyk = [100, 80, 30, 140] }"##)
            .err()
            .unwrap()
            .to_string();
        assert!(e.contains("cmyk"), "{e}");
    }
}
