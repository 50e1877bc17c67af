//! One alignment per column of text (issue 18): a centred subtitle over start-aligned
//! questions is an error that names both slots.

use crate::common;

#[test]
fn every_shipped_design_keeps_one_alignment_per_column() {
    let p = common::project();
    for d in p.designs.values() {
        let diags = hotline_kit::checks::alignment::design_alignment(d);
        let msgs: Vec<&str> = diags.0.iter().map(|x| x.message.as_str()).collect();
        assert!(msgs.is_empty(), "{}: {msgs:#?}", d.name);
    }
}

#[test]
fn a_centred_intro_over_start_aligned_questions_is_an_error() {
    let t = common::temp_project();
    common::edit(
        t.path().join("designs/poster.toml"),
        "size = [\"24pt\", \"28pt\"]\ncolor = \"#222222\"\nvalign = \"top\"",
        "size = [\"24pt\", \"28pt\"]\ncolor = \"#222222\"\nvalign = \"top\"\nalign = \"center\"",
    );
    let o = common::hk(t.path(), &["check", "--design", "poster", "--locale", "en"]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(
        err.contains("slot `headline` is start-aligned over slot `flags`, which is centred"),
        "{err}"
    );
    assert!(err.contains("[alignment]"), "{err}");
    assert!(err.contains("designs/poster.toml"), "{err}");
}

#[test]
fn a_band_sets_itself_apart_and_may_centre_its_text() {
    // The sticker's number, centred in a band of colour between start-aligned text: the
    // band breaks the column, so this is allowed...
    let band = "[slot.number]\nicon = \"phone\"\nhotline = \"phone\"\nfont = \"bold\"\nsize = [\"14pt\", \"22pt\"]\ncolor = \"#ffffff\"\nfill = \"#13294b\"\nalign = \"center\"";
    let plain = "[slot.number]\nicon = \"phone\"\nhotline = \"phone\"\nfont = \"bold\"\nsize = [\"14pt\", \"22pt\"]\ncolor = { rgb = \"#13294b\", cmyk = [100, 80, 30, 40] }\nalign = \"center\"";
    let original = "[slot.number]\nicon = \"phone\"\nhotline = \"phone\"\nfont = \"bold\"\nsize = [\"14pt\", \"22pt\"]\ncolor = { rgb = \"#13294b\", cmyk = [100, 80, 30, 40] }\nalign = \"start\"";
    let (p, _t) = common::project_with_edit("designs/stall-sticker.toml", |s| {
        assert!(s.contains(original), "the sticker's number slot changed");
        s.replace(original, band)
    });
    let sticker = p.designs.get("stall-sticker").unwrap();
    assert!(hotline_kit::checks::alignment::design_alignment(sticker).is_empty());
    // ...but without its fill it is text like any other.
    let t = common::temp_project();
    common::edit(t.path().join("designs/stall-sticker.toml"), original, plain);
    let o = common::hk(
        t.path(),
        &["check", "--design", "stall-sticker", "--locale", "en"],
    );
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(
        err.contains("slot `number` is centred over slot `textverb`"),
        "{err}"
    );
}

#[test]
fn slots_that_never_share_a_page_are_not_one_column() {
    // The safety card's cover title, centred, and the start-aligned headline inside it
    // sit in one column of the grid but never on one page: not one column...
    let cover = "color = { rgb = \"#13294b\", cmyk = [100, 80, 30, 40] }\n\n[slot.note]";
    let centred = "color = { rgb = \"#13294b\", cmyk = [100, 80, 30, 40] }\nalign = \"center\"\n\n[slot.note]";
    let inside = "hide = [\"title\", \"note\", \"free\"]";
    let card = |unhide: bool| {
        let (p, _t) = common::project_with_edit("designs/safety-card.toml", |s| {
            assert!(
                s.contains(cover) && s.contains(inside),
                "the safety card changed"
            );
            let s = s.replacen(cover, centred, 1);
            if unhide {
                s.replace(inside, "hide = [\"note\", \"free\"]")
            } else {
                s
            }
        });
        let d = p.designs.get("safety-card").unwrap();
        hotline_kit::checks::alignment::design_alignment(d)
    };
    let over_headline = |unhide: bool| {
        card(unhide).0.iter().any(|d| {
            d.message
                .contains("slot `title` is centred over slot `headline`")
        })
    };
    assert!(!over_headline(false));
    // ...until the inside page shows the title too.
    assert!(over_headline(true));
}
