//! The one number scanner every check uses: pieces, catalogs, jurisdiction wording and
//! local resources.
//!
//! A number is a run of decimal digits in any script (Unicode general category Nd, plus
//! superscript, subscript and circled digits), whose digit groups may be joined by any
//! dash, space, separator, slash, dot, bracket or invisible character. So
//! `1–888 – 373 7788`, `١-٨٨٨-٣٧٣-٧٧٨٨` and `１８８８３７３７７８８` are all the same kind of
//! thing a reader would dial, and are all seen.

use std::ops::Range;

use unicode_properties::{GeneralCategory, UnicodeGeneralCategory};

/// Numbers with at least this many digits are treated as phone numbers.
pub const PHONE_DIGITS: usize = 5;

/// A number found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Number {
    /// Byte range in the text, from the first digit to the last.
    pub span: Range<usize>,
    /// The digits' values, as ASCII digits.
    pub digits: String,
    /// The digit groups: byte range in the text and the group's ASCII digits.
    pub groups: Vec<(Range<usize>, String)>,
    /// Whether any digit is not an ASCII digit.
    pub native: bool,
}

/// The value of a decimal digit in any script, or `None` for any other character.
///
/// Unicode encodes every Nd digit in contiguous runs of ten, zero first, so a digit's
/// value is its distance from the start of its run of Nd characters, modulo ten.
pub fn digit_value(c: char) -> Option<u32> {
    if let Some(d) = c.to_digit(10) {
        return Some(d);
    }
    if c.general_category() == GeneralCategory::DecimalNumber {
        let mut k = 0u32;
        let mut cp = c as u32;
        while let Some(prev) = cp.checked_sub(1).and_then(char::from_u32) {
            if prev.general_category() != GeneralCategory::DecimalNumber {
                break;
            }
            k += 1;
            cp -= 1;
        }
        return Some(k % 10);
    }
    // Digits that are not Nd but read as one digit.
    let c = c as u32;
    let from = |zero: u32| Some(c - zero);
    match c {
        0x2070 | 0x2080 | 0x24EA | 0x24FF | 0x1F10B | 0x1F10C => Some(0),
        0xB9 => Some(1),
        0xB2 => Some(2),
        0xB3 => Some(3),
        0x2074..=0x2079 => from(0x2070),
        0x2080..=0x2089 => from(0x2080),
        0x2460..=0x2468 => from(0x245F), // circled 1-9
        0x2474..=0x247C => from(0x2473), // parenthesized 1-9
        0x2488..=0x2490 => from(0x2487), // 1-9 with full stop
        0x24F5..=0x24FD => from(0x24F4), // double circled 1-9
        0x2776..=0x277E => from(0x2775), // dingbat negative circled 1-9
        0x2780..=0x2788 => from(0x277F),
        0x278A..=0x2792 => from(0x2789),
        0x1F101..=0x1F10A => from(0x1F101), // 0-9 with comma
        _ => None,
    }
}

/// Whether a character may stand between the digit groups of one number: dashes, minus
/// signs, spaces of every width, line breaks, dots, slashes, brackets, connectors and
/// invisible characters (format characters such as U+200B, U+2060, U+00AD and the
/// direction marks, combining marks, controls).
pub fn is_separator(c: char) -> bool {
    if c.is_whitespace() {
        return true;
    }
    use GeneralCategory::*;
    if matches!(
        c.general_category(),
        DashPunctuation
            | SpaceSeparator
            | LineSeparator
            | ParagraphSeparator
            | Format
            | Control
            | OpenPunctuation
            | ClosePunctuation
            | ConnectorPunctuation
            | NonspacingMark
            | EnclosingMark
    ) {
        return true;
    }
    matches!(
        c,
        '.' | '/'
            | '\\'
            | '\u{00B7}' // middle dot
            | '\u{02D7}' // modifier letter minus
            | '\u{066B}' // Arabic decimal separator
            | '\u{066C}' // Arabic thousands separator
            | '\u{06D4}' // Arabic full stop
            | '\u{2022}' // bullet
            | '\u{2024}' // one dot leader
            | '\u{2027}' // hyphenation point
            | '\u{2044}' // fraction slash
            | '\u{2212}' // minus sign
            | '\u{2215}' // division slash
            | '\u{2219}' // bullet operator
            | '\u{22C5}' // dot operator
            | '\u{2500}' // box drawing horizontal
            | '\u{2796}' // heavy minus
            | '\u{2800}' // braille blank
            | '\u{2E31}' // word separator middle dot
            | '\u{3002}' // ideographic full stop
            | '\u{30FB}' // katakana middle dot
            | '\u{30FC}' // katakana prolonged sound mark (used as a dash)
            | '\u{3164}' // Hangul filler
            | '\u{FE52}' // small full stop
            | '\u{FF0E}' // fullwidth full stop
            | '\u{FF0F}' // fullwidth solidus
            | '\u{FF3C}' // fullwidth reverse solidus
            | '\u{FF61}' // halfwidth ideographic full stop
            | '\u{FF65}' // halfwidth katakana middle dot
            | '\u{FF70}' // halfwidth prolonged sound mark
            | '\u{FFA0}' // halfwidth Hangul filler
            | '+'
            | '\u{FF0B}' // fullwidth plus
    )
}

/// Characters that join digits only where they stand between two of them, as thousands
/// separators do ("1,888"): after a number followed by a space they end it. Besides
/// commas and apostrophes, any other punctuation or symbol that is neither a letter, a
/// digit nor a space joins two digits it stands between (`1~888~373~7889`,
/// `1*888*373*7889`, `1:888`): a translator can type any of them.
fn is_tight_separator(c: char) -> bool {
    matches!(
        c,
        ',' | '\'' | '\u{2019}' | '\u{060C}' | '\u{3001}' | '\u{FF0C}' | '\u{FE50}' | '\u{FF07}'
    ) || (!c.is_alphanumeric() && !c.is_whitespace())
}

/// Every number in a text, of any length.
pub fn scan(text: &str) -> Vec<Number> {
    let mut out = Vec::new();
    let mut cur: Option<Number> = None;
    let mut gap = false;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let end = i + c.len_utf8();
        let tight = |next: Option<&(usize, char)>| {
            cur.as_ref().is_some_and(|n| n.span.end == i)
                && next.is_some_and(|&(_, d)| digit_value(d).is_some())
        };
        if let Some(d) = digit_value(c) {
            let ch = char::from_digit(d, 10).unwrap_or('0');
            let n = cur.get_or_insert_with(|| Number {
                span: i..i,
                digits: String::new(),
                groups: Vec::new(),
                native: false,
            });
            if gap || n.groups.is_empty() {
                n.groups.push((i..end, String::new()));
            }
            if let Some(g) = n.groups.last_mut() {
                g.0.end = end;
                g.1.push(ch);
            }
            n.digits.push(ch);
            n.native |= !c.is_ascii_digit();
            n.span.end = end;
            gap = false;
        } else if cur.is_some() && is_separator(c) {
            gap = true;
        } else if is_tight_separator(c) && tight(chars.peek()) {
            // "1,888,373,7788": a comma or apostrophe between two digits joins them.
            gap = true;
        } else {
            out.extend(cur.take());
            gap = false;
        }
    }
    out.extend(cur);
    out
}

/// Every digit in a text, in any script, as ASCII digits.
pub fn digits(text: &str) -> String {
    text.chars()
        .filter_map(digit_value)
        .filter_map(|d| char::from_digit(d, 10))
        .collect()
}

/// The digits of every phone-like number (at least [`PHONE_DIGITS`] digits) in a text.
pub fn phone_like(text: &str) -> Vec<String> {
    scan(text)
        .into_iter()
        .filter(|n| n.digits.len() >= PHONE_DIGITS)
        .map(|n| n.digits)
        .collect()
}

/// Whether a text shows the number whose digits are `digits`: whole digit groups of
/// one number that together are exactly those digits (so `1-888-373-7888 (24/7)` shows
/// 18883737888, and `1-888-373-78889` does not).
pub fn shows(text: &str, digits: &str) -> bool {
    scan(text).iter().any(|n| {
        (0..n.groups.len()).any(|i| {
            let mut d = String::new();
            n.groups[i..].iter().any(|g| {
                d.push_str(&g.1);
                d == digits
            })
        })
    })
}

/// Whether `a` differs from `b` by one digit: one changed, one added, one left out, or
/// two neighbours swapped.
pub fn one_off(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a == b {
        return false;
    }
    let pre = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (ra, rb) = (&a[pre..], &b[pre..]);
    match ra.len() as isize - rb.len() as isize {
        0 => {
            ra[1..] == rb[1..]
                || (ra.len() >= 2 && ra[0] == rb[1] && ra[1] == rb[0] && ra[2..] == rb[2..])
        }
        1 => ra[1..] == *rb,
        -1 => *ra == rb[1..],
        _ => false,
    }
}

/// What is wrong with a number found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// A phone-like number that is not one the text may show.
    Unknown,
    /// One digit away from a hotline number (the hotline's own form given).
    LookAlike(String),
    /// A number the text may show, typed in another script's digits.
    Native,
    /// A hotline number typed where a placeable must stand (in a catalog); `true` when
    /// typed in another script's digits.
    Typed(bool),
}

/// A number a text must not show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// Byte range in the text.
    pub span: Range<usize>,
    /// The number's digits.
    pub digits: String,
    /// What is wrong.
    pub problem: Problem,
}

/// Numbers a text may show and the hotline's own numbers (for look-alikes).
#[derive(Debug, Clone, Default)]
pub struct Rules {
    /// Digit strings that may appear.
    pub allowed: Vec<String>,
    /// The hotline's numbers, as digits and as printed.
    pub hotline: Vec<(String, String)>,
    /// Whether the allowed numbers may only come from placeables: a catalog's own text
    /// that types one is a finding ([`Problem::Typed`]).
    pub placeable_only: bool,
}

impl Rules {
    /// Which hotline number `d` imitates, if it differs from one by a single digit.
    pub fn look_alike(&self, d: &str) -> Option<&str> {
        if self.allowed.iter().any(|a| a == d) {
            return None;
        }
        self.hotline
            .iter()
            .find(|(h, _)| h.len() >= PHONE_DIGITS && one_off(d, h))
            .map(|(_, shown)| shown.as_str())
    }

    /// Every number in `text` that it must not show: phone-like numbers that are not
    /// allowed, look-alikes of the hotline's numbers, and allowed numbers typed in
    /// another script's digits. An allowed number may stand next to short numbers
    /// ("1-888-373-7888 (24/7)"); the digits around it are judged on their own.
    pub fn check(&self, text: &str) -> Vec<Finding> {
        let mut out = Vec::new();
        for n in scan(text) {
            if n.digits.len() >= PHONE_DIGITS
                && let Some(of) = self.look_alike(&n.digits)
            {
                out.push(Finding {
                    span: n.span.clone(),
                    digits: n.digits.clone(),
                    problem: Problem::LookAlike(of.to_string()),
                });
                continue;
            }
            let g = &n.groups;
            let mut i = 0;
            let mut rest: Vec<&(Range<usize>, String)> = Vec::new();
            while i < g.len() {
                let hit = (i..g.len()).rev().find(|&j| {
                    let d: String = g[i..=j].iter().map(|x| x.1.as_str()).collect();
                    self.allowed.contains(&d)
                });
                match hit {
                    Some(j) => {
                        out.extend(self.leftover(&rest));
                        rest.clear();
                        let native = g[i..=j].iter().any(|x| !text[x.0.clone()].is_ascii());
                        let problem = match (self.placeable_only, native) {
                            (true, n) => Some(Problem::Typed(n)),
                            (false, true) => Some(Problem::Native),
                            (false, false) => None,
                        };
                        if let Some(problem) = problem {
                            out.push(Finding {
                                span: g[i].0.start..g[j].0.end,
                                digits: g[i..=j].iter().map(|x| x.1.as_str()).collect(),
                                problem,
                            });
                        }
                        i = j + 1;
                    }
                    None => {
                        rest.push(&g[i]);
                        i += 1;
                    }
                }
            }
            out.extend(self.leftover(&rest));
        }
        out
    }

    fn leftover(&self, rest: &[&(Range<usize>, String)]) -> Option<Finding> {
        let (first, last) = (rest.first()?, rest.last()?);
        let digits: String = rest.iter().map(|x| x.1.as_str()).collect();
        if digits.len() < PHONE_DIGITS {
            return None;
        }
        let problem = match self.look_alike(&digits) {
            Some(of) => Problem::LookAlike(of.to_string()),
            None => Problem::Unknown,
        };
        Some(Finding {
            span: first.0.start..last.0.end,
            digits,
            problem,
        })
    }
}

/// Invisible characters that change the order text is drawn in: embeddings, overrides,
/// isolates and the direction marks.
pub fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}'
    )
}

/// The Unicode name of a direction control, for messages.
pub fn bidi_name(c: char) -> &'static str {
    match c {
        '\u{202A}' => "LEFT-TO-RIGHT EMBEDDING",
        '\u{202B}' => "RIGHT-TO-LEFT EMBEDDING",
        '\u{202C}' => "POP DIRECTIONAL FORMATTING",
        '\u{202D}' => "LEFT-TO-RIGHT OVERRIDE",
        '\u{202E}' => "RIGHT-TO-LEFT OVERRIDE",
        '\u{2066}' => "LEFT-TO-RIGHT ISOLATE",
        '\u{2067}' => "RIGHT-TO-LEFT ISOLATE",
        '\u{2068}' => "FIRST STRONG ISOLATE",
        '\u{2069}' => "POP DIRECTIONAL ISOLATE",
        '\u{200E}' => "LEFT-TO-RIGHT MARK",
        '\u{200F}' => "RIGHT-TO-LEFT MARK",
        '\u{061C}' => "ARABIC LETTER MARK",
        _ => "direction control",
    }
}

/// Whether a text shows nothing a reader can see: only spaces of any kind, invisible
/// format characters, combining marks with nothing to sit on, and blank fillers.
pub fn is_blank(text: &str) -> bool {
    text.chars().all(|c| {
        c.is_whitespace()
            || c.is_control()
            || matches!(
                c.general_category(),
                GeneralCategory::Format
                    | GeneralCategory::SpaceSeparator
                    | GeneralCategory::NonspacingMark
                    | GeneralCategory::EnclosingMark
                    | GeneralCategory::Unassigned
                    | GeneralCategory::PrivateUse
                    | GeneralCategory::Surrogate
            )
            || matches!(
                c,
                '\u{115F}'
                    | '\u{1160}'
                    | '\u{3164}'
                    | '\u{FFA0}'
                    | '\u{2800}'
                    | '\u{180E}'
                    | '\u{FE00}'..='\u{FE0F}'
                    | '\u{E0100}'..='\u{E01EF}'
            )
    })
}

/// Whether a character is one a reader cannot see or that changes how text around it
/// shows: a control character (line ends and tabs included), a direction control, or
/// an invisible format character other than the joiners scripts need (U+200C, U+200D).
pub fn is_hidden(c: char) -> bool {
    let format =
        c.general_category() == GeneralCategory::Format && !matches!(c, '\u{200C}' | '\u{200D}');
    c.is_control() || is_bidi_control(c) || format
}

/// A text with every control character (but the line end), direction control and
/// invisible format character written as `<U+XXXX>`, for diagnostics: nothing raw
/// reaches a terminal, nothing reorders what it shows, and a reader sees what is there.
/// The joiners that scripts need (U+200C, U+200D) stay.
pub fn escape_invisible(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c != '\n' && is_hidden(c) {
            out.push_str(&format!("<U+{:04X}>", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules() -> Rules {
        Rules {
            allowed: ["18883737888", "8883737888", "233733", "711"]
                .map(String::from)
                .to_vec(),
            hotline: [
                ("18883737888", "1-888-373-7888"),
                ("8883737888", "1-888-373-7888"),
                ("233733", "233733"),
            ]
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .to_vec(),
            placeable_only: false,
        }
    }

    #[test]
    fn digits_of_every_script_have_their_value() {
        // Zero of some scripts' runs; each run's nine follows nine places on.
        for zero in [
            0x30, 0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6,
            0xD66, 0xE50, 0xED0, 0xF20, 0x1040, 0x17E0, 0x1810, 0xFF10, 0x104A0, 0x1D7CE, 0x1D7D8,
            0x1D7F6, 0x1E950,
        ] {
            for v in 0..10 {
                let c = char::from_u32(zero + v).unwrap();
                assert_eq!(digit_value(c), Some(v), "U+{:04X}", zero + v);
            }
        }
        assert_eq!(digit_value('²'), Some(2));
        assert_eq!(digit_value('₇'), Some(7));
        assert_eq!(digit_value('⑧'), Some(8));
        assert_eq!(digit_value('a'), None);
        assert_eq!(digit_value('Ⅷ'), None);
    }

    #[test]
    fn every_spelling_of_a_number_is_one_number() {
        let spellings = [
            "1-888-373-7788",
            "1\u{2013}888\u{2013}373\u{2013}7788",
            "1\u{2014}888\u{2014}373\u{2014}7788",
            "1\u{2212}888\u{2212}373\u{2212}7788",
            "1\u{a0}888\u{a0}373\u{a0}7788",
            "1\u{202f}888\u{202f}373\u{202f}7788",
            "1\u{2009}888\u{2009}373\u{2009}7788",
            "1 - 888 - 373 - 7788",
            "1/888/373/7788",
            "1.888.373.7788",
            "1 (888) 373-7788",
            "1888\u{200b}373\u{200b}7788",
            "1888\u{ad}373\u{ad}7788",
            "1888\u{2060}373\u{200d}7788",
            "1888\u{200e}373\u{200f}7788",
            "١-٨٨٨-٣٧٣-٧٧٨٨",
            "۱-۸۸۸-۳۷۳-۷۷۸۸",
            "１－８８８－３７３－７７８８",
            "१-८८८-३७३-७७८८",
            "1-٨٨٨-३७३-７７88",
            "1\n888\n373\n7788",
            "1+888+373+7788",
            "1,888,373,7788",
            "1888\u{301}373\u{20dd}7788",
            "1~888~373~7788",
            "1*888*373*7788",
            "1#888#373#7788",
            "1:888:373:7788",
            "1\u{2192}888\u{2192}373\u{2192}7788",
            "1\u{ff5e}888\u{ff5e}373\u{ff5e}7788",
        ];
        for s in spellings {
            let text = format!("Call {s} now.");
            let found = scan(&text);
            assert_eq!(found.len(), 1, "{s:?}: {found:?}");
            assert_eq!(found[0].digits, "18883737788", "{s:?}");
            assert_eq!(
                &text[found[0].span.clone()].chars().next(),
                &s.chars().next()
            );
            assert_eq!(phone_like(&text), vec!["18883737788"], "{s:?}");
        }
        assert!(phone_like("more than 200 languages, 24/7").is_empty());
        assert_eq!(scan("Text 233733, 24 hours").len(), 2);
        assert_eq!(digits("+1 (٨٨٨) 373-7888"), "18883737888");
        assert!(shows("Call 1-888-373-7888 (24/7)\n233733", "18883737888"));
        assert!(shows("Call 1-888-373-7888 (24/7)\n233733", "233733"));
        assert!(!shows("Call 1-888-373-78889", "18883737888"));
    }

    #[test]
    fn one_digit_away_is_a_look_alike() {
        assert!(one_off("18883737788", "18883737888")); // changed
        assert!(one_off("18883738788", "18883737888")); // swapped
        assert!(one_off("1888373788", "18883737888")); // left out
        assert!(one_off("188837378888", "18883737888")); // added
        assert!(one_off("233773", "233733"));
        assert!(!one_off("233733", "233733"));
        assert!(!one_off("18883737788", "233733"));
        assert!(!one_off("18883777788", "18883737888"));
    }

    #[test]
    fn checks_allow_the_hotline_next_to_short_numbers_only() {
        let r = rules();
        assert!(
            r.check("Call 1-888-373-7888 (24/7) or text 233733.")
                .is_empty()
        );
        assert!(r.check("Llame al 1-888-373-7888, las 24 horas.").is_empty());
        assert!(r.check("Text 233733 24 hours a day").is_empty());
        let f = r.check("Call 1 - 888 - 373 - 7788");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].problem, Problem::LookAlike("1-888-373-7888".into()));
        let f = r.check("1-888-373-7888 888 373 7880");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].digits, "8883737880");
        assert_eq!(f[0].problem, Problem::LookAlike("1-888-373-7888".into()));
        let f = r.check("1-888-373-7888 555 010 0199");
        assert_eq!(f[0].problem, Problem::Unknown);
        let f = r.check("Call ١-٨٨٨-٣٧٣-٧٨٨٨");
        assert_eq!(f[0].problem, Problem::Native);
        let f = r.check("Text 233733 1");
        assert_eq!(f[0].problem, Problem::LookAlike("233733".into()));
    }

    #[test]
    fn blank_and_invisible() {
        assert!(is_blank(""));
        assert!(is_blank(" \u{a0}\u{200b}\u{3000}\u{2060}\u{feff}\u{3164}"));
        assert!(!is_blank(" a "));
        assert!(!is_blank("\u{200b}١"));
        assert_eq!(
            escape_invisible("a\u{1b}[31m\u{202e}b"),
            "a<U+001B>[31m<U+202E>b"
        );
        assert!(is_bidi_control('\u{202e}') && !is_bidi_control('\u{200c}'));
    }
}
