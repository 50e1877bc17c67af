//! Total-fit line breaking: the best set of lines over a paragraph's break
//! opportunities, not the first that fits.
//!
//! Every way to break the paragraph into the fewest lines that fit the measure is
//! weighed at once (dynamic programming over the opportunities), so a later line can
//! take a word from an earlier one. Fewest lines first: the height of a block, and so
//! the largest size that fits, is the same as with first-fit breaking; among those
//! layouts the cheapest wins:
//!
//! - every line but a paragraph's last costs its squared slack (the share of the measure
//!   it leaves empty);
//! - [`Wrap::Pretty`] (body text, questions, lists): the last line costs nothing unless
//!   it is stranded ([`crate::base::stranded::is_stranded`]: one word, under 30% of the
//!   measure, or under 4 characters in Chinese and Japanese), which costs
//!   [`STRANDED`];
//! - [`Wrap::Balance`] (headlines, centred text): the last line costs its slack like the
//!   others, so all lines come out near the same width (CSS `text-wrap: balance`);
//! - each opportunity may carry a penalty for ending a line there (a label torn from its
//!   number, a Vietnamese two-syllable word split), paid when the line ends there.
//!
//! There is no hyphenation: signage never splits a word.

use std::ops::Range;

/// What a stranded last line costs: more than any amount of slack on a few lines.
pub const STRANDED: f32 = 8.0;

/// How a paragraph's lines are shaped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wrap {
    /// Full lines, with no stranded last word (CSS `text-wrap: pretty`).
    Pretty,
    /// All lines near the same width (CSS `text-wrap: balance`).
    Balance,
}

/// A place where a line may end (and the next start).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Opportunity {
    /// Byte offset in the paragraph's text.
    pub pos: usize,
    /// A line must end here (a paragraph separator, the end of the text).
    pub forced: bool,
    /// Cost of ending a line here (0 for an ordinary break).
    pub penalty: f32,
}

/// What the breaker needs to know of a paragraph's lines.
pub trait Lines {
    /// Width of the text in `range` on one line (trailing spaces left out), in em.
    fn width(&self, range: Range<usize>) -> f32;
    /// Whether `range`, as the last line of a paragraph of several lines broken to
    /// `max` em, would leave a stranded word.
    fn stranded(&self, range: Range<usize>, max: f32) -> bool;
}

/// The best lines (untrimmed byte ranges, one after the other) of a paragraph of
/// `len` bytes broken at `ops` (in order) to `max` em; `None` if a piece between two
/// opportunities is wider than `max`.
pub fn total_fit(
    p: &impl Lines,
    ops: &[Opportunity],
    len: usize,
    max: f32,
    wrap: Wrap,
) -> Option<Vec<Range<usize>>> {
    if len == 0 {
        return Some(Vec::new());
    }
    // Node 0 is the paragraph's start, node k the opportunity ops[k - 1]. The last
    // opportunity is the end of the text (a forced break).
    let pos = |k: usize| if k == 0 { 0 } else { ops[k - 1].pos };
    let n = ops.len();
    // Per node: (lines, cost, previous node) of the best way to end a line there.
    let mut best: Vec<Option<(usize, f32, usize)>> = vec![None; n + 1];
    best[0] = Some((0, 0.0, 0));
    let limit = max + 1e-4;
    for j in 1..=n {
        let end = ops[j - 1];
        if end.pos == 0 {
            best[j] = best[0];
            continue;
        }
        for i in (0..j).rev() {
            let start_forced = i == 0 || ops[i - 1].forced;
            let w = p.width(pos(i)..end.pos);
            if w > limit {
                break;
            }
            if let Some((lines, cost, _)) = best[i] {
                let slack = if max > 0.0 {
                    ((max - w) / max).max(0.0)
                } else {
                    0.0
                };
                let line = if !end.forced {
                    slack * slack + end.penalty
                } else {
                    let own = match wrap {
                        Wrap::Balance => slack * slack,
                        Wrap::Pretty => 0.0,
                    };
                    let strand = !start_forced && p.stranded(pos(i)..end.pos, max);
                    own + if strand { STRANDED } else { 0.0 }
                };
                let cand = (lines + 1, cost + line, i);
                let better = best[j].is_none_or(|(bl, bc, _)| (cand.0, cand.1) < (bl, bc));
                if better {
                    best[j] = Some(cand);
                }
            }
            if start_forced {
                break;
            }
        }
        // A line may not run past a forced break: start afresh after it.
        if end.forced && best[j].is_none() {
            return None;
        }
    }
    best[n]?;
    let mut out = Vec::new();
    let mut k = n;
    while k > 0 {
        let (_, _, prev) = best[k]?;
        if pos(prev) < pos(k) {
            out.push(pos(prev)..pos(k));
        }
        k = prev;
    }
    out.reverse();
    // Text after the last opportunity (none when the text ends with one).
    if pos(n) < len {
        out.push(pos(n)..len);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Words of fixed widths (1 em per character, spaces included in the width of
    /// the line but trimmed at its end); stranded = one word on the last line.
    struct Mono(String);

    impl Lines for Mono {
        fn width(&self, r: Range<usize>) -> f32 {
            self.0[r].trim_end().chars().count() as f32
        }
        fn stranded(&self, r: Range<usize>, _max: f32) -> bool {
            self.0[r].split_whitespace().count() < 2
        }
    }

    fn ops(t: &str) -> Vec<Opportunity> {
        let mut v: Vec<Opportunity> = t
            .match_indices(' ')
            .map(|(i, _)| Opportunity {
                pos: i + 1,
                forced: false,
                penalty: 0.0,
            })
            .collect();
        v.push(Opportunity {
            pos: t.len(),
            forced: true,
            penalty: 0.0,
        });
        v
    }

    fn lines(t: &str, max: f32, wrap: Wrap) -> Vec<String> {
        let m = Mono(t.to_string());
        total_fit(&m, &ops(t), t.len(), max, wrap)
            .unwrap()
            .into_iter()
            .map(|r| t[r].trim_end().to_string())
            .collect()
    }

    #[test]
    fn pretty_pulls_a_word_down_rather_than_strand_one() {
        // First fit: "Are you safe at work and at" / "home?".
        let t = "Are you safe at work and at home?";
        assert_eq!(
            lines(t, 27.0, Wrap::Pretty),
            ["Are you safe at work and", "at home?"]
        );
    }

    #[test]
    fn balance_evens_the_lines() {
        let t = "Are you safe at work and at home?";
        // 15 and 17 em rather than first fit's 27 and 5, or 20 and 12.
        let got = lines(t, 27.0, Wrap::Balance);
        assert_eq!(got, ["Are you safe at", "work and at home?"]);
        // One line when it fits.
        assert_eq!(lines(t, 40.0, Wrap::Balance), [t]);
    }

    #[test]
    fn fewest_lines_first() {
        let t = "aaaa bbbb cccc dddd e";
        assert_eq!(lines(t, 19.0, Wrap::Pretty), ["aaaa bbbb cccc", "dddd e"]);
        assert_eq!(lines(t, 21.0, Wrap::Pretty), ["aaaa bbbb cccc dddd e"]);
        // A stranded word stays when no other two lines fit.
        let two = lines("xxxxxxxxxx yy", 10.0, Wrap::Pretty);
        assert_eq!(two, ["xxxxxxxxxx", "yy"]);
    }

    /// Lines of first-fit breaking, for comparison.
    fn first_fit(words: &[usize], max: usize) -> usize {
        let (mut lines, mut w) = (1, 0);
        for &n in words {
            if w > 0 && w + 1 + n > max {
                lines += 1;
                w = n;
            } else {
                w += n + if w > 0 { 1 } else { 0 };
            }
        }
        lines
    }

    proptest::proptest! {
        /// As many lines as first fit, none wider than the measure, every word once.
        #[test]
        fn as_few_lines_as_first_fit_and_none_too_wide(
            words in proptest::collection::vec(1usize..9, 1..30),
            max in 8usize..40,
            balance in proptest::bool::ANY,
        ) {
            let t: Vec<String> = words.iter().map(|n| "x".repeat(*n)).collect();
            let t = t.join(" ");
            let wrap = if balance { Wrap::Balance } else { Wrap::Pretty };
            let got = lines(&t, max as f32, wrap);
            proptest::prop_assert_eq!(got.len(), first_fit(&words, max));
            proptest::prop_assert!(got.iter().all(|l| l.chars().count() <= max));
            proptest::prop_assert_eq!(got.join(" "), t);
        }
    }

    #[test]
    fn a_piece_wider_than_the_measure_does_not_fit() {
        let t = "a verylongword b";
        let m = Mono(t.to_string());
        assert!(total_fit(&m, &ops(t), t.len(), 5.0, Wrap::Pretty).is_none());
    }

    #[test]
    fn a_penalty_moves_the_break() {
        // "text 233733": ending a line after "text" costs a lot.
        let t = "Or you can text 233733 now";
        let m = Mono(t.to_string());
        let mut o = ops(t);
        let after_text = t.find("233733").unwrap();
        for op in &mut o {
            if op.pos == after_text {
                op.penalty = 100.0;
            }
        }
        let got: Vec<&str> = total_fit(&m, &o, t.len(), 16.0, Wrap::Pretty)
            .unwrap()
            .into_iter()
            .map(|r| t[r].trim_end())
            .collect();
        assert_eq!(got, ["Or you can", "text 233733 now"]);
    }

    #[test]
    fn forced_breaks_end_lines_and_each_part_is_its_own_paragraph() {
        let t = "one two\nthree four five";
        let m = Mono(t.to_string());
        let mut o = ops(t);
        o.insert(
            1,
            Opportunity {
                pos: 8,
                forced: true,
                penalty: 0.0,
            },
        );
        let got: Vec<&str> = total_fit(&m, &o, t.len(), 30.0, Wrap::Pretty)
            .unwrap()
            .into_iter()
            .map(|r| t[r].trim_end())
            .collect();
        assert_eq!(got, ["one two", "three four five"]);
    }
}
