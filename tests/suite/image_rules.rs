//! The pictures never send the wrong message: the context rules of
//! designs/imagery/rules.toml, one scale per row, and a smallest figure per design.

use crate::common;

use hotline_kit::load::imagery::ImageEntry;
use hotline_kit::products::kit::Selection;
use hotline_kit::scene::{Item, Scene};

const POSTER_PICK: &str = "image_pick = { count = 4, kind = \"person\" }   # chosen with the rest of the kit for diversity";

/// The catalog entries of the pictures on one page.
fn page_images(p: &hotline_kit::load::project::Project, s: &Scene, page: usize) -> Vec<ImageEntry> {
    s.pages[page]
        .items
        .iter()
        .filter_map(|i| match i {
            Item::Image { image, .. } => p.images.get(&image.id).cloned(),
            _ => None,
        })
        .collect()
}

/// `check` on a temporary project whose poster shows these pictures.
fn poster_with(images: &[&str]) -> (i32, String) {
    let t = common::temp_project();
    let list: Vec<String> = images.iter().map(|i| format!("\"{i}\"")).collect();
    common::edit(
        t.path().join("designs/poster.toml"),
        POSTER_PICK,
        &format!("images = [{}]", list.join(", ")),
    );
    let o = common::hk(t.path(), &["check", "--design", "poster", "--locale", "en"]);
    (
        o.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

#[test]
fn the_kits_own_picks_keep_every_rule_for_many_facilities() {
    let p = common::project();
    for seed in [
        "",
        "Harbor View",
        "Clinica del Valle",
        "St. Rose",
        "A",
        "Zz 9",
    ] {
        let sel = Selection {
            seed: seed.into(),
            designs: vec!["stall-sticker-men".into()],
            ..Default::default()
        };
        let opts = sel.options_for(&p);
        for design in p.designs.values() {
            if design.kind == hotline_kit::load::spec::Kind::Notice {
                continue;
            }
            let s = hotline_kit::products::kit::compile_with(&p, &design.name, "en", &opts)
                .unwrap_or_else(|e| panic!("{}: {e:?}", design.name));
            let ctx = hotline_kit::checks::imagery::context(&p, design, &s);
            let scale = hotline_kit::checks::imagery::scale(&p, design, &s);
            assert!(ctx.is_empty(), "seed {seed:?}, {}: {ctx:?}", design.name);
            assert!(
                scale.is_empty(),
                "seed {seed:?}, {}: {scale:?}",
                design.name
            );
            // And, measured directly: no child beside a red-flag question, no baby
            // beside a question about sex, one framing per page.
            for (i, _) in s.pages.iter().enumerate() {
                let imgs = page_images(&p, &s, i);
                let msgs = hotline_kit::layout::diversity::page_messages(&p, design, i);
                let questions: Vec<_> = msgs
                    .iter()
                    .filter_map(|m| p.flags.iter().find(|f| &f.id == m))
                    .collect();
                let about_sex = questions.iter().any(|f| {
                    f.tag == hotline_kit::load::content::Tag::Sex
                        || f.names.contains(&hotline_kit::load::content::Tag::Sex)
                });
                if !questions.is_empty() {
                    assert!(
                        imgs.iter().all(|e| e.age != "child"),
                        "{}: {imgs:?}",
                        design.name
                    );
                }
                if about_sex {
                    assert!(
                        imgs.iter().all(|e| e.carries != "baby"),
                        "{}: {imgs:?}",
                        design.name
                    );
                }
                assert!(imgs.iter().all(|e| e.gesture == "none"), "{imgs:?}");
                let framings: std::collections::BTreeSet<_> =
                    imgs.iter().map(|e| e.framing().to_string()).collect();
                assert!(framings.len() <= 1, "{} page {i}: {imgs:?}", design.name);
            }
        }
    }
}

#[test]
fn a_child_beside_a_question_is_an_error_naming_the_picture_and_the_message() {
    let (code, err) = poster_with(&[
        "girl-medium-dark",
        "man-farmer-medium",
        "woman-cook-medium",
        "person-mechanic-medium-dark",
    ]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("[image-context]"), "{err}");
    assert!(err.contains("`girl-medium-dark`"), "{err}");
    assert!(err.contains("no-child-beside-a-question"), "{err}");
    assert!(err.contains("beside `rf-leave-job`"), "{err}");
    assert!(err.contains("designs/poster.toml"), "{err}");
}

#[test]
fn a_parent_with_a_baby_beside_a_question_about_sex_is_an_error() {
    let (code, err) = poster_with(&[
        "woman-feeding-baby-medium-light",
        "man-farmer-medium",
        "woman-cook-medium",
        "person-mechanic-medium-dark",
    ]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("`woman-feeding-baby-medium-light`"), "{err}");
    assert!(err.contains("no-baby-beside-sex"), "{err}");
    assert!(
        err.contains("beside `rf-sex-made`, a question about sex"),
        "{err}"
    );
}

#[test]
fn a_raised_hand_is_refused_on_every_piece() {
    let (code, err) = poster_with(&[
        "person-raising-hand-light",
        "man-farmer-medium",
        "woman-cook-medium",
        "person-mechanic-medium-dark",
    ]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("`person-raising-hand-light`"), "{err}");
    assert!(err.contains("no-cheerful-gesture"), "{err}");
}

#[test]
fn faith_dress_is_never_gathered_on_the_sex_message() {
    // Two headscarves on a piece about sex: over the rule's maximum of one.
    let (code, err) = poster_with(&[
        "woman-headscarf-dark",
        "woman-headscarf-medium",
        "woman-cook-medium",
        "person-mechanic-medium-dark",
    ]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("faith-dress-spread"), "{err}");
    assert!(
        err.contains("`woman-headscarf-dark`, `woman-headscarf-medium`"),
        "{err}"
    );
    // One is fine.
    let (code, err) = poster_with(&[
        "woman-headscarf-dark",
        "man-farmer-medium",
        "woman-cook-medium",
        "person-mechanic-medium-dark",
    ]);
    assert_eq!(code, 0, "{err}");
}

#[test]
fn on_a_slide_loop_the_sex_slide_has_no_more_faith_dress_than_the_others() {
    let p = common::project();
    let rules = &p.image_rules;
    let img = |id: &str| p.images.get(id).unwrap();
    let topics = |m: &[&str]| {
        hotline_kit::load::image_rules::topics(
            &p.flags,
            &m.iter().map(|s| s.to_string()).collect::<Vec<_>>(),
        )
    };
    let labor = topics(&["rf-pay"]);
    let sex = topics(&["rf-work-or-sex"]);
    // Slide 2 (about sex) has one headscarf; slide 1 has none: gathered there.
    let pages = vec![
        (
            labor.clone(),
            vec![img("man-farmer-medium"), img("woman-cook-medium")],
        ),
        (
            sex.clone(),
            vec![img("woman-headscarf-dark"), img("man-cook-medium-light")],
        ),
    ];
    let broken = rules.broken(&pages, 1);
    assert_eq!(broken.len(), 1, "{broken:?}");
    assert_eq!(broken[0].rule.id, "faith-dress-spread");
    assert_eq!(broken[0].allowed, 0);
    // Spread: one on each slide is fine.
    let pages = vec![
        (
            labor,
            vec![img("man-turban-medium-dark"), img("woman-cook-medium")],
        ),
        (
            sex,
            vec![img("woman-headscarf-dark"), img("man-cook-medium-light")],
        ),
    ];
    assert!(rules.broken(&pages, 1).is_empty());
    assert!(rules.broken(&pages, 0).is_empty());
}

#[test]
fn pictures_of_different_scale_in_one_row_are_an_error() {
    // A head-only figure beside head-and-shoulders figures.
    let (code, err) = poster_with(&[
        "older-woman-dark",
        "man-farmer-medium",
        "woman-cook-medium",
        "person-mechanic-medium-dark",
    ]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("[image-scale]"), "{err}");
    assert!(err.contains("`older-woman-dark` (head)"), "{err}");
    assert!(err.contains("`man-farmer-medium` (bust)"), "{err}");
}

#[test]
fn a_figure_below_the_designs_smallest_height_is_an_error() {
    let t = common::temp_project();
    common::edit(
        t.path().join("designs/poster.toml"),
        "min_text = \"14pt\"",
        "min_text = \"14pt\"\nmin_figure = \"3in\"",
    );
    // The poster's pictures give way: laid out without them, a warning.
    let o = common::hk(t.path(), &["check", "--design", "poster", "--locale", "en"]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(0), "{err}");
    assert!(err.contains("[pictures-dropped]"), "{err}");
    // Pictures that do not give way and cannot be read: an error.
    common::edit(
        t.path().join("designs/poster.toml"),
        "gives_way = true",
        "gives_way = false",
    );
    let o = common::hk(t.path(), &["check", "--design", "poster", "--locale", "en"]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.contains("[image-size]"), "{err}");
    assert!(err.contains("needs at least 3.00in to be read"), "{err}");
    // The shipped sticker is too small for pictures and shows none.
    let p = common::project();
    let s = hotline_kit::products::kit::compile_with(
        &p,
        "stall-sticker",
        "en",
        &Selection::default().options_for(&p),
    )
    .unwrap();
    assert!(page_images(&p, &s, 0).is_empty());
}

#[test]
fn a_rule_with_an_unknown_tag_or_value_stops_the_project() {
    for (from, to, want) in [
        (
            "match = { age = [\"child\"] }",
            "match = { age = [\"kid\"] }",
            "`age = \"kid\"` is not a value the catalog uses",
        ),
        (
            "match = { carries = [\"baby\"] }",
            "match = { carry = [\"baby\"] }",
            "`carry` is not a catalog tag",
        ),
    ] {
        let t = common::temp_project();
        common::edit(t.path().join("designs/imagery/rules.toml"), from, to);
        let o = common::hk(t.path(), &["check", "--locale", "en"]);
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(1), "{err}");
        assert!(err.contains(want), "{err}");
        assert!(err.contains("designs/imagery/rules.toml"), "{err}");
    }
}

#[test]
fn the_kit_is_never_asked_for_a_group_the_context_rules_keep_off_its_pieces() {
    // The poster and the window cling show their pictures beside questions, where no
    // child may stand: such a kit needs two age groups, not three, and says why. A kit
    // with the slide loop (a slide without a question) still needs all three.
    let t = common::temp_project();
    let kit = |designs: &str| {
        std::fs::write(
            t.path().join("kit.toml"),
            format!("[build]\ndesigns = [{designs}]\nlocales = [\"en\", \"es\"]\n"),
        )
        .unwrap();
        let o = common::hk(t.path(), &["check"]);
        (
            o.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&o.stderr).into_owned(),
        )
    };
    let (code, err) = kit("\"poster\", \"window-cling\"");
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("age groups      2 of 2  ok"), "{err}");
    assert!(
        err.contains("only 2 of 3 age groups can appear on these pieces (adult, older)"),
        "{err}"
    );
    let (code, err) = kit("\"poster\", \"window-cling\", \"tv-slides\"");
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("age groups      3 of 3  ok"), "{err}");
    assert!(!err.contains("can appear on these pieces"), "{err}");
    // The groups the rules allow are still required: hand-picked adults of one skin
    // tone on both pieces fall short, though the library has others.
    common::edit(
        t.path().join("designs/poster.toml"),
        POSTER_PICK,
        "images = [\"woman-farmer-dark\", \"man-mechanic-dark\"]",
    );
    common::edit(
        t.path().join("designs/window-cling.toml"),
        "image_pick = { count = 2, kind = \"person\" }",
        "images = [\"person-cook-dark\"]",
    );
    let (code, err) = kit("\"poster\", \"window-cling\"");
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("not diverse enough: 1 of 4 skin-tone groups, 1 of 2 age groups"),
        "{err}"
    );
}

#[test]
fn pictures_that_give_way_make_room_for_the_text_and_check_says_so() {
    // A long local program on the poster: in French the questions, the lockup and the
    // program leave the pictures under their smallest height, so the poster is laid out
    // without them (`gives_way = true`), with a warning; in English they stay.
    let t = common::temp_project_all_fonts();
    std::fs::write(
        t.path().join("kit.toml"),
        "[build]\ndesigns = [\"poster\"]\nlocales = [\"en\", \"fr\"]\n[imagery]\ndiversity = \"advisory\"\n[[resource]]\nname = \"Example County Anti-Trafficking Program\"\nphone = \"510-555-0100\"\nhours = \"Mon-Fri 9-5\"\n",
    )
    .unwrap();
    let (code, j) = common::check_json(t.path(), &[]);
    assert_eq!(code, 0, "{j:?}");
    let dropped = common::of(&j, "pictures-dropped");
    assert_eq!(dropped.len(), 1, "{j:?}");
    assert!(common::msg(dropped[0]).contains("`poster` (fr)"), "{j:?}");
    let p = common::project();
    let mut opts = Selection::default().options_for(&p);
    opts.resources = vec![hotline_kit::load::resource::Resource {
        name: "Example County Anti-Trafficking Program".into(),
        phone: "510-555-0100".into(),
        hours: Some("Mon-Fri 9-5".into()),
        languages: vec![],
    }];
    let count = |l: &str| {
        let s = hotline_kit::products::kit::compile_with(&p, "poster", l, &opts).unwrap();
        page_images(&p, &s, 0).len()
    };
    assert_eq!(count("en"), 4);
    assert_eq!(count("fr"), 0);
    // Without the program, French keeps its pictures.
    std::fs::write(
        t.path().join("kit.toml"),
        "[build]\ndesigns = [\"poster\"]\nlocales = [\"fr\"]\n[imagery]\ndiversity = \"advisory\"\n",
    )
    .unwrap();
    let (code, j) = common::check_json(t.path(), &[]);
    assert_eq!(code, 0, "{j:?}");
    assert!(common::of(&j, "pictures-dropped").is_empty(), "{j:?}");
    // Only pictures give way.
    common::edit(
        t.path().join("designs/poster.toml"),
        "[slot.flags]\n",
        "[slot.flags]\ngives_way = true\n",
    );
    let o = common::hk(t.path(), &["check"]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(
        err.contains("slot `flags` has `gives_way`, but only pictures give way to the text"),
        "{err}"
    );
}
