//! Diversity by construction: designs ask for illustrations by query
//! (`image_pick = { count = 4, kind = "person" }`), and the kit chooses them together,
//! deterministically (seeded by the kit), so that across the kit at least 4 skin-tone
//! groups, 3 age groups, women and men, and 4 labor sectors appear. `check` reports the
//! coverage and fails a kit that misses it when diversity is required.

use std::collections::{BTreeMap, BTreeSet};

use crate::load::image_rules::{self, Topic};
use crate::load::imagery::ImageEntry;
pub use crate::load::imagery::{ImagePick, LABOR_SECTORS};
use crate::load::project::Project;
use crate::load::spec::{Content, Design};

/// What a kit must show across its illustrations.
pub const MIN_TONES: usize = 4;
/// Age groups (child, adult, older).
pub const MIN_AGES: usize = 3;
/// Labor sectors.
pub const MIN_SECTORS: usize = 4;

/// Who and what a set of illustrations shows.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Coverage {
    /// Skin-tone groups (1-2, 3, 4, 5, 6).
    pub tones: BTreeSet<String>,
    /// Age groups of people.
    pub ages: BTreeSet<String>,
    /// Genders of people.
    pub genders: BTreeSet<String>,
    /// Labor sectors.
    pub sectors: BTreeSet<String>,
}

impl Coverage {
    /// Add one image.
    pub fn add(&mut self, e: &ImageEntry) {
        if e.skin_tone != "none" {
            self.tones.insert(e.skin_tone.clone());
        }
        if e.kind == "person" && e.age != "none" {
            self.ages.insert(e.age.clone());
        }
        if e.kind == "person" && e.gender != "none" {
            self.genders.insert(e.gender.clone());
        }
        if LABOR_SECTORS.contains(&e.sector.as_str()) {
            self.sectors.insert(e.sector.clone());
        }
    }

    /// What is still missing, in words; empty when the kit meets every rule.
    pub fn missing(&self) -> Vec<String> {
        self.missing_within(None)
    }

    /// What is still missing, in words, where a kit need show no more than its pieces
    /// can: `possible` is what the context rules let them show at all (from
    /// [`possible`]); a group no piece may show (a child, when every picture stands
    /// beside a question) is not asked for.
    pub fn missing_within(&self, possible: Option<&Coverage>) -> Vec<String> {
        let need = Need::of(possible);
        let mut m = Vec::new();
        if self.tones.len() < need.tones {
            m.push(format!(
                "{} of {} skin-tone groups",
                self.tones.len(),
                need.tones
            ));
        }
        if self.ages.len() < need.ages {
            m.push(format!("{} of {} age groups", self.ages.len(), need.ages));
        }
        for g in ["woman", "man"] {
            if !self.genders.contains(g) && possible.is_none_or(|p| p.genders.contains(g)) {
                m.push(format!("no {g}"));
            }
        }
        if self.sectors.len() < need.sectors {
            m.push(format!(
                "{} of {} labor sectors",
                self.sectors.len(),
                need.sectors
            ));
        }
        m
    }

    /// What the rules ask for that the context rules keep off every piece, in words
    /// (empty when nothing is): `check` says so beside the coverage.
    pub fn unreachable(possible: &Coverage) -> Vec<String> {
        let need = Need::of(Some(possible));
        let mut m = Vec::new();
        if need.ages < MIN_AGES {
            m.push(format!(
                "only {} of {MIN_AGES} age groups can appear on these pieces ({}): the context rules (designs/imagery/rules.toml) keep the others off their pages, so {0} are asked for",
                need.ages,
                possible.ages.iter().cloned().collect::<Vec<_>>().join(", ")
            ));
        }
        if need.tones < MIN_TONES {
            m.push(format!(
                "{} of {MIN_TONES} skin-tone groups can appear",
                need.tones
            ));
        }
        if need.sectors < MIN_SECTORS {
            m.push(format!(
                "{} of {MIN_SECTORS} labor sectors can appear",
                need.sectors
            ));
        }
        m
    }

    /// A small table for `check`.
    pub fn table(&self) -> String {
        self.table_within(None)
    }

    /// A small table for `check`, asking no more than `possible` allows (see
    /// [`Coverage::missing_within`]).
    pub fn table_within(&self, possible: Option<&Coverage>) -> String {
        let need = Need::of(possible);
        let row = |name: &str, set: &BTreeSet<String>, need: usize| {
            let ok = if set.len() >= need { "ok" } else { "MISSING" };
            format!(
                "  {name:<14} {:>2} of {need:<2} {ok:<8} {}\n",
                set.len(),
                set.iter().cloned().collect::<Vec<_>>().join(", ")
            )
        };
        let mut s = String::from("imagery coverage across the kit:\n");
        s.push_str(&row("skin tones", &self.tones, need.tones));
        s.push_str(&row("age groups", &self.ages, need.ages));
        let wm: BTreeSet<String> = self
            .genders
            .iter()
            .filter(|g| *g == "woman" || *g == "man")
            .cloned()
            .collect();
        s.push_str(&row("women and men", &wm, 2));
        s.push_str(&row("labor sectors", &self.sectors, need.sectors));
        s
    }
}

/// How many groups a kit must show: the rule's number, or fewer where the context
/// rules let its pieces show no more.
struct Need {
    tones: usize,
    ages: usize,
    sectors: usize,
}

impl Need {
    fn of(possible: Option<&Coverage>) -> Self {
        match possible {
            None => Need {
                tones: MIN_TONES,
                ages: MIN_AGES,
                sectors: MIN_SECTORS,
            },
            Some(p) => Need {
                tones: MIN_TONES.min(p.tones.len()),
                ages: MIN_AGES.min(p.ages.len()),
                sectors: MIN_SECTORS.min(p.sectors.len()),
            },
        }
    }
}

/// Everything the context rules let the designs' pictures show at all: every picture of
/// the library that the messages of a page with pictures allow (a child never stands
/// beside a question). A design's own query or hand-picked `images` do not narrow it:
/// its designer can widen them, but not the rules.
pub fn possible(p: &Project, designs: &[&Design]) -> Coverage {
    let mut cov = Coverage::default();
    for d in designs {
        let looped = d.pages.len() > 1;
        for page in 0..d.pages.len() {
            let pictures = d.slots.iter().any(|s| {
                d.shows(page, &s.name)
                    && matches!(s.content, Content::ImagePick(_) | Content::Images(_))
            });
            if !pictures {
                continue;
            }
            let topics = image_rules::topics(&p.flags, &page_messages(p, d, page));
            for e in p
                .images
                .values()
                .filter(|e| p.image_rules.allows(&topics, &[], e, looped))
            {
                cov.add(e);
            }
        }
    }
    cov
}

/// FNV-1a: a stable hash for seeded, deterministic tie-breaks.
fn fnv(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ b as u64).wrapping_mul(0x0100_0000_01b3)
    })
}

/// How much an image adds to a coverage: a new value counts a lot while its rule is not
/// met yet, a little after (more variety is still better).
fn gain(cov: &Coverage, e: &ImageEntry) -> u32 {
    let g = |new: bool, below: bool| match (new, below) {
        (false, _) => 0,
        (true, true) => 20,
        (true, false) => 2,
    };
    let person = e.kind == "person";
    let gendered = e.gender == "woman" || e.gender == "man";
    g(
        e.skin_tone != "none" && !cov.tones.contains(&e.skin_tone),
        cov.tones.len() < MIN_TONES,
    ) + g(
        person && e.age != "none" && !cov.ages.contains(&e.age),
        cov.ages.len() < MIN_AGES,
    ) + g(
        gendered && !cov.genders.contains(&e.gender),
        !(cov.genders.contains("woman") && cov.genders.contains("man")),
    ) + g(
        LABOR_SECTORS.contains(&e.sector.as_str()) && !cov.sectors.contains(&e.sector),
        cov.sectors.len() < MIN_SECTORS,
    )
}

/// The designs whose illustrations are chosen together: the kit's designs (all but
/// those made only on request, when the kit names none), then any design asked for on
/// top of them (an on-request variant), so it gets pictures too.
pub fn designs_for<'a>(p: &'a Project, kit: &[String], asked: &[String]) -> Vec<&'a Design> {
    let mut designs: Vec<&Design> = if kit.is_empty() {
        p.designs.values().filter(|d| !d.on_request).collect()
    } else {
        kit.iter().filter_map(|d| p.designs.get(d)).collect()
    };
    for d in asked.iter().filter_map(|d| p.designs.get(d)) {
        if !designs.iter().any(|k| k.name == d.name) {
            designs.push(d);
        }
    }
    designs
}

/// Choose images for every `image_pick` slot of the kit's designs, together, so that the
/// kit's coverage grows as fast as possible, and every page of a multi-page design (a
/// slide loop) gets its own pictures, chosen so that the loop on its own meets the rules
/// too. Keys come from [`key`]. Deterministic for a given library, designs and seed; the
/// kit's own `images = [...]` ids count towards coverage first. Designs built only on
/// request are chosen after the others, so asking for one does not change the rest.
pub fn pick(p: &Project, designs: &[&Design], seed: &str) -> BTreeMap<String, Vec<String>> {
    let mut cov = Coverage::default();
    let mut used: BTreeSet<String> = BTreeSet::new();
    for d in designs {
        for s in &d.slots {
            if let Content::Images(ids) = &s.content {
                for id in ids {
                    if let Some(e) = p.images.get(id) {
                        cov.add(e);
                        used.insert(id.clone());
                    }
                }
            }
        }
    }
    let mut out = BTreeMap::new();
    // A variant without its own query shows the same pictures as its design.
    let mut order: Vec<&Design> = Vec::new();
    for d in designs {
        if !order.iter().any(|o| o.picks_as == d.picks_as) {
            order.push(d);
        }
    }
    order.sort_by(|a, b| (a.on_request, &a.picks_as).cmp(&(b.on_request, &b.picks_as)));
    for d in order {
        let looped = d.pages.len() > 1;
        let mut loop_cov = Coverage::default();
        let mut in_design: BTreeSet<String> = BTreeSet::new();
        for page in 0..d.pages.len() {
            let topics = image_rules::topics(&p.flags, &page_messages(p, d, page));
            let mut on_page: Vec<&ImageEntry> = Vec::new();
            for s in &d.slots {
                let Content::ImagePick(q) = &s.content else {
                    continue;
                };
                // One framing per slot, so a row keeps one scale: the framing whose
                // pictures add most to the kit (ties broken by the seed).
                let framings: BTreeSet<&str> = p
                    .images
                    .values()
                    .filter(|e| q.matches(e))
                    .map(ImageEntry::framing)
                    .collect();
                let best = framings
                    .into_iter()
                    .map(|f| {
                        let state = Greedy {
                            cov: cov.clone(),
                            loop_cov: loop_cov.clone(),
                            used: used.clone(),
                            in_design: in_design.clone(),
                            on_page: on_page.clone(),
                        };
                        let ctx = PickCtx {
                            p,
                            q,
                            framing: f,
                            topics: &topics,
                            looped,
                            tag: format!("{seed}/{}/{}/{page}", d.picks_as, s.name),
                        };
                        let (chosen, score, state) = ctx.run(state);
                        let tie = fnv(&format!("{}/{f}", ctx.tag));
                        ((chosen.len(), score, tie), chosen, state)
                    })
                    .max_by_key(|(rank, _, _)| *rank);
                let chosen = match best {
                    Some((_, chosen, state)) => {
                        (cov, loop_cov, used, in_design, on_page) = (
                            state.cov,
                            state.loop_cov,
                            state.used,
                            state.in_design,
                            state.on_page,
                        );
                        chosen
                    }
                    None => Vec::new(),
                };
                out.insert(key(d, &s.name, page), chosen);
            }
        }
    }
    out
}

/// What a pick has covered so far.
struct Greedy<'a> {
    cov: Coverage,
    loop_cov: Coverage,
    used: BTreeSet<String>,
    /// Pictures already on this design's pages: a loop shows other people on every
    /// slide.
    in_design: BTreeSet<String>,
    on_page: Vec<&'a ImageEntry>,
}

/// One slot's pick, restricted to one framing.
struct PickCtx<'a> {
    p: &'a Project,
    q: &'a ImagePick,
    framing: &'a str,
    topics: &'a [Topic],
    looped: bool,
    tag: String,
}

impl<'a> PickCtx<'a> {
    /// Choose greedily: the pictures, their total score, and the coverage after them.
    fn run(&self, mut st: Greedy<'a>) -> (Vec<String>, u32, Greedy<'a>) {
        let mut chosen: Vec<String> = Vec::new();
        let mut total = 0;
        for _ in 0..self.q.count {
            let best = self
                .p
                .images
                .values()
                .filter(|e| {
                    self.q.matches(e)
                        && e.framing() == self.framing
                        && !chosen.contains(&e.id)
                        && !st.in_design.contains(&e.id)
                        && self
                            .p
                            .image_rules
                            .allows(self.topics, &st.on_page, e, self.looped)
                })
                .map(|e| {
                    let mut score = gain(&st.cov, e);
                    if self.looped {
                        score += gain(&st.loop_cov, e);
                    }
                    if !st.used.contains(&e.id) {
                        score += 3;
                    }
                    (score, fnv(&format!("{}/{}", self.tag, e.id)), e)
                })
                .max_by_key(|(score, tie, _)| (*score, *tie));
            let Some((score, _, e)) = best else { break };
            total += score;
            st.cov.add(e);
            st.loop_cov.add(e);
            st.used.insert(e.id.clone());
            st.in_design.insert(e.id.clone());
            st.on_page.push(e);
            chosen.push(e.id.clone());
        }
        (chosen, total, st)
    }
}

/// The messages a design shows on one page (red flags picked as layout picks them).
pub fn page_messages(p: &Project, d: &Design, page: usize) -> Vec<String> {
    let overrides = d.pages.get(page);
    d.slots
        .iter()
        .flat_map(|s| {
            let content = overrides.and_then(|o| o.get(&s.name)).unwrap_or(&s.content);
            crate::layout::channels::content_messages(p, content)
        })
        .collect()
}

/// The key of a design's slot on one page in the pick map; variants without their own
/// query share their design's picks, and pages after the first get `#N`.
pub fn key(d: &Design, slot: &str, page: usize) -> String {
    if page == 0 {
        format!("{}/{slot}", d.picks_as)
    } else {
        format!("{}/{slot}#{}", d.picks_as, page + 1)
    }
}
