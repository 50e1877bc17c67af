//! Where a line may end in each script, and what ending it there costs: UAX #14
//! opportunities, narrowed and weighed by the rules the [`crate::layout::breaking`]
//! breaker cannot know from widths alone.
//!
//! - Numbers, short codes and addresses are isolated by the shaper and never
//!   split; a short word right before one is its label ("text 233733") and a line
//!   ending between them costs as much as a stranded word.
//! - Chinese and Japanese: between two ideographs or kana a line may end only at a word
//!   boundary of ICU4X's dictionary segmenter, so "在线聊天" stays whole; UAX #14 still
//!   keeps closing punctuation off a line's start.
//! - Korean: lines end between words only (CSS `word-break: keep-all`), and never right
//!   before a dependent noun ("지울 수").
//! - Vietnamese: ending a line inside a common two-syllable word ("công việc") costs a
//!   little.
//! - Ending a line right after an article or possessive ("your / money") costs a
//!   little, as much as splitting a Vietnamese word.
//! - Ending a line after a word of one or two letters ("safe at / work") costs a very
//!   little, so a balanced headline breaks before "and at home?" rather than after "at".
//!
//! The word lists are data: `src/layout/line_breaks.toml`.

use std::collections::HashSet;
use std::ops::Range;
use std::sync::OnceLock;

use serde::Deserialize;
use unicode_linebreak::{BreakOpportunity, linebreaks};

use crate::base::stranded::is_cjk;
use crate::layout::breaking::{Opportunity, STRANDED};

/// What ending a line after a word of one or two letters costs ("at", "de", "à"):
/// a short preposition or article reads better at the start of the next line, when
/// the lines are otherwise nearly as good.
pub const SHORT_END: f32 = 0.05;

/// What ending a line inside a listed Vietnamese two-syllable word costs (about the
/// squared slack of a line half empty).
pub const SPLIT_WORD: f32 = 0.25;

/// What ending a line right after an article or possessive costs ("your / money"):
/// as much as splitting a Vietnamese word.
pub const BOUND_END: f32 = 0.25;

#[derive(Deserialize)]
struct Data {
    korean: Korean,
    vietnamese: Vietnamese,
    bound_words: BoundWords,
    numbers: Numbers,
}

#[derive(Deserialize)]
struct BoundWords {
    words: Vec<String>,
}

#[derive(Deserialize)]
struct Korean {
    dependent_nouns: Vec<String>,
    particles: Vec<String>,
}

#[derive(Deserialize)]
struct Vietnamese {
    words: Vec<String>,
}

#[derive(Deserialize)]
struct Numbers {
    label_letters: usize,
}

/// The rules, read once.
struct Rules {
    /// Every dependent noun with every particle after it.
    dependent: HashSet<String>,
    vietnamese: HashSet<String>,
    /// Articles and possessives, which bind to the word after them.
    bound: HashSet<String>,
    label_letters: usize,
}

fn rules() -> &'static Rules {
    static RULES: OnceLock<Rules> = OnceLock::new();
    RULES.get_or_init(|| {
        let d: Data = toml::from_str(include_str!("line_breaks.toml"))
            .expect("src/layout/line_breaks.toml is valid (tested)");
        let dependent = d
            .korean
            .dependent_nouns
            .iter()
            .flat_map(|n| d.korean.particles.iter().map(move |p| format!("{n}{p}")))
            .collect();
        Rules {
            dependent,
            vietnamese: d
                .vietnamese
                .words
                .iter()
                .map(|w| w.to_lowercase())
                .collect(),
            bound: d
                .bound_words
                .words
                .iter()
                .map(|w| w.to_lowercase())
                .collect(),
            label_letters: d.numbers.label_letters,
        }
    })
}

fn is_hangul(c: char) -> bool {
    matches!(c, '\u{AC00}'..='\u{D7A3}' | '\u{1100}'..='\u{11FF}' | '\u{3130}'..='\u{318F}')
}

/// The word that ends where `before` ends (trailing spaces left out).
fn word_before(before: &str) -> &str {
    let t = before.trim_end();
    let start = t
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace())
        .map_or(0, |(i, c)| i + c.len_utf8());
    &t[start..]
}

/// The word that starts `after`, up to a space.
fn word_after(after: &str) -> &str {
    after.split(char::is_whitespace).next().unwrap_or("")
}

/// Letters only, lower case (punctuation around a word left out).
fn bare(w: &str) -> String {
    w.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Byte offsets where ICU4X's dictionary segmenter puts a word boundary.
fn word_boundaries(text: &str) -> HashSet<usize> {
    let seg = icu_segmenter::WordSegmenter::new_dictionary(Default::default());
    seg.segment_str(text).collect()
}

/// Opportunities to end a line in `text` (numbers isolated; `protected` are the
/// isolates), in order, the last at the end of the text. `keep_all`: break Korean
/// between words only.
pub fn opportunities(text: &str, protected: &[Range<usize>], keep_all: bool) -> Vec<Opportunity> {
    let r = rules();
    let words = text.chars().any(is_cjk).then(|| word_boundaries(text));
    linebreaks(text)
        .filter(|(i, _)| !protected.iter().any(|p| p.start < *i && *i < p.end))
        .filter_map(|(i, op)| {
            let forced = op == BreakOpportunity::Mandatory;
            let (before, after) = text.split_at(i);
            let (b, a) = (before.chars().next_back(), after.chars().next());
            let both = |f: fn(char) -> bool| b.is_some_and(f) && a.is_some_and(f);
            if !forced {
                if keep_all && both(is_hangul) {
                    return None;
                }
                if both(is_cjk) && words.as_ref().is_some_and(|w| !w.contains(&i)) {
                    return None;
                }
                let prev = word_before(before);
                let next = word_after(after);
                if prev.chars().any(is_hangul) && r.dependent.contains(&bare(next)) {
                    return None;
                }
            }
            Some(Opportunity {
                pos: i,
                forced,
                penalty: if forced {
                    0.0
                } else {
                    let number = protected.iter().any(|p| p.start == i);
                    penalty(r, before, after, number)
                },
            })
        })
        .collect()
}

/// What ending a line between `before` and `after` costs; `number`: `after` starts with
/// an isolated number, short code or address.
fn penalty(r: &Rules, before: &str, after: &str, number: bool) -> f32 {
    let prev = word_before(before);
    let letters = !prev.is_empty() && prev.chars().all(char::is_alphabetic);
    let n = prev.chars().count();
    // A label may end in a colon ("Text: 233733").
    let label = prev.trim_end_matches([':', '\u{FF1A}']);
    let is_label = !label.is_empty()
        && label.chars().all(char::is_alphabetic)
        && label.chars().count() <= r.label_letters;
    let mut cost = 0.0;
    if number && is_label {
        cost += STRANDED;
    }
    if r.vietnamese
        .contains(&format!("{} {}", bare(prev), bare(word_after(after))))
    {
        cost += SPLIT_WORD;
    }
    if letters && n <= 2 && !prev.chars().any(is_cjk) {
        cost += SHORT_END;
    }
    if letters && r.bound.contains(&bare(prev)) {
        cost += BOUND_END;
    }
    cost
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::text::{LRI, isolate_numbers};

    /// The text before each opportunity that is not forced.
    fn ends(raw: &str, keep_all: bool) -> Vec<(String, f32)> {
        let (t, p) = isolate_numbers(raw);
        opportunities(&t, &p, keep_all)
            .into_iter()
            .filter(|o| !o.forced)
            .map(|o| {
                (
                    t[..o.pos].trim_end().replace([LRI, '\u{2069}'], ""),
                    o.penalty,
                )
            })
            .collect()
    }

    fn may_end_after(raw: &str, head: &str) -> bool {
        ends(raw, false).iter().any(|(t, _)| t == head)
    }

    #[test]
    fn the_word_lists_load() {
        let r = rules();
        assert!(r.dependent.contains("수") && r.dependent.contains("적이"));
        assert!(r.vietnamese.contains("công việc"));
    }

    #[test]
    fn chinese_and_japanese_words_stay_whole() {
        let t = "您可以在线聊天或者打电话";
        assert!(!may_end_after(t, "您可以在线聊"));
        assert!(may_end_after(t, "您可以在线聊天"));
        let j = "いつでも無料で電話できます";
        assert!(!may_end_after(j, "いつでも無料で電"));
        // Closing punctuation never starts a line.
        assert!(!may_end_after("你安全吗？你好", "你安全吗"));
    }

    #[test]
    fn korean_dependent_nouns_stay_with_their_word() {
        let t = "휴대폰에서 통화 기록이나 문자를 지울 수 있습니다.";
        let e = ends(t, true);
        assert!(!e.iter().any(|(h, _)| h.ends_with("지울")));
        assert!(e.iter().any(|(h, _)| h.ends_with("지울 수")));
        let t2 = "누군가 위협한 적이 있습니까?";
        assert!(!ends(t2, true).iter().any(|(h, _)| h.ends_with("위협한")));
        // Between syllables of a word: never.
        assert!(!ends(t, true).iter().any(|(h, _)| h.ends_with("휴대")));
    }

    #[test]
    fn a_line_rarely_ends_after_an_article_or_possessive() {
        let e = ends(
            "Is someone controlling your work, your money or your papers?",
            false,
        );
        let cost = |w: &str| e.iter().find(|(t, _)| t.ends_with(w)).map(|(_, c)| *c);
        assert_eq!(cost("work, your"), Some(BOUND_END));
        assert_eq!(cost("work,"), Some(0.0));
        assert_eq!(cost("controlling"), Some(0.0));
    }

    #[test]
    fn vietnamese_two_syllable_words_cost_a_little() {
        let e = ends("Bạn có thể nghỉ công việc không?", false);
        let cost = |head: &str| e.iter().find(|(h, _)| h == head).map(|x| x.1);
        assert_eq!(cost("Bạn có thể nghỉ công"), Some(SPLIT_WORD));
        assert_eq!(cost("Bạn có thể nghỉ"), Some(0.0));
        assert_eq!(cost("Bạn có"), Some(SPLIT_WORD + SHORT_END));
    }

    #[test]
    fn labels_stay_with_their_number_and_numbers_stay_whole() {
        let e = ends("Or text 233733 or call 1-888-373-7888 now", false);
        let cost = |head: &str| e.iter().find(|(h, _)| h == head).map(|x| x.1);
        assert_eq!(cost("Or text"), Some(STRANDED));
        assert_eq!(cost("Or text 233733 or call"), Some(STRANDED));
        assert_eq!(cost("Or text 233733"), Some(0.0));
        assert_eq!(cost("Or"), Some(SHORT_END));
        let c = ends("Text: 233733 · Llame al 1-888-373-7888", false);
        let cost = |head: &str| c.iter().find(|(h, _)| h == head).map(|x| x.1);
        assert_eq!(cost("Text:"), Some(STRANDED));
        assert_eq!(cost("Text: 233733 · Llame al"), Some(STRANDED + SHORT_END));
        assert!(
            !e.iter()
                .any(|(h, _)| h.ends_with("1-888") || h.ends_with("2337"))
        );
        let u = ends("Chat online: humantraffickinghotline.org/chat today", false);
        assert!(
            !u.iter()
                .any(|(h, _)| h.ends_with("humantraffickinghotline."))
        );
    }

    #[test]
    fn question_marks_and_colons_never_start_a_line() {
        for (t, head) in [
            ("Êtes-vous en sécurité ? Appelez", "Êtes-vous en sécurité"),
            (
                "Êtes-vous en sécurité\u{202F}? Appelez",
                "Êtes-vous en sécurité",
            ),
            ("Aide locale : appelez", "Aide locale"),
            ("Are you safe? Call", "Are you safe"),
            ("你安全吗？打电话", "你安全吗"),
            ("Local help: call", "Local help"),
        ] {
            assert!(
                !may_end_after(t, head),
                "{t}: a line could start with the mark"
            );
        }
    }
}
