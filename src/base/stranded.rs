//! When the last line of a wrapped paragraph leaves a word stranded: the rule the line
//! breaker avoids and `check` warns about, so both read it the same way.
//!
//! - Chinese and Japanese (a line with Han, Hiragana or Katakana on it): fewer than
//!   [`MIN_CJK_CHARS`] letters or digits on the last line.
//! - Every other script, Korean and Vietnamese included: fewer than two words (a
//!   Vietnamese word is one syllable between spaces), or narrower than
//!   [`MIN_SHARE`] of the measure. Punctuation standing alone (`?` after a space in
//!   French) is not a word. A lone word that fills [`LONE_WORD_SHARE`] of the measure
//!   or more is not stranded: it is too long to share a line, and reads as a full one
//!   (Ukrainian "зателефонувати").

/// Smallest share of the measure a last line should fill.
pub const MIN_SHARE: f32 = 0.3;
/// Fewest letters or digits on a Chinese or Japanese last line.
pub const MIN_CJK_CHARS: usize = 4;
/// A one-word last line this full of the measure reads as a full line.
pub const LONE_WORD_SHARE: f32 = 0.6;

/// Han ideographs, Hiragana, Katakana (half-width forms included): scripts written
/// without spaces between words.
pub fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30FF}' | '\u{31F0}'..='\u{31FF}' | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{FF66}'..='\u{FF9F}'
        | '\u{20000}'..='\u{3134F}')
}

/// Whether `last`, the last line of a paragraph set on more than one line, is
/// stranded; `share` is its width over the measure.
pub fn is_stranded(last: &str, share: f32) -> bool {
    if last.chars().any(is_cjk) {
        return last.chars().filter(|c| c.is_alphanumeric()).count() < MIN_CJK_CHARS;
    }
    let words = last
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count();
    (words < 2 && share < LONE_WORD_SHARE) || share < MIN_SHARE
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_word_short_lines_and_few_ideographs_are_stranded() {
        assert!(is_stranded("home?", 0.5));
        assert!(!is_stranded("зателефонувати", 0.9));
        assert!(is_stranded("зателефонувати", 0.5));
        assert!(is_stranded("at home?", 0.2));
        assert!(!is_stranded("and at home?", 0.4));
        // French: the question mark after a space is not a word.
        assert!(is_stranded("travail ?", 0.5));
        assert!(is_stranded("吗？", 0.1));
        assert!(is_stranded("工作吗？", 0.1));
        assert!(!is_stranded("离开工作吗？", 0.1));
        assert!(is_stranded("không?", 0.5));
        assert!(!is_stranded("công việc không?", 0.5));
    }
}
