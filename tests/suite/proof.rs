//! The proof packet's PDF review book: one cover, then every piece with its label,
//! strings and glosses, illustrations and a comment box.

use crate::common;

#[test]
fn the_review_book_has_a_cover_and_every_piece_with_its_label() {
    let p = common::project();
    let sel = hotline_kit::products::kit::Selection {
        locales: vec!["en".into(), "es".into()],
        ..Default::default()
    };
    let proof = hotline_kit::products::proof::collect(&p, &sel, "2026-11-28").unwrap();
    assert_eq!(proof.pieces.len(), 20);
    let book = hotline_kit::products::proof::book::scene(&p, &proof).unwrap();
    // A cover, then at least one page per piece.
    assert!(
        book.pages.len() > proof.pieces.len(),
        "{} pages",
        book.pages.len()
    );
    let pdf = hotline_kit::products::proof::book::pdf(&p, &proof).unwrap();
    let text = common::pdftext::extract(&pdf);
    assert!(
        text.contains("Proof for the survivor advisory board"),
        "{text}"
    );
    assert!(text.contains("What to look for on every piece"));
    assert!(text.contains("1-888-373-7888"));
    assert!(text.contains(&format!(
        "page {} of {}",
        book.pages.len(),
        book.pages.len()
    )));
    for piece in &proof.pieces {
        let head = format!(
            "{} \u{2013} {} ({})",
            piece.title, piece.locale_name, piece.locale
        );
        assert!(text.contains(&head), "no label `{head}`");
        assert!(text.contains(&piece.hash), "no hash for {head}");
        assert!(piece.hash.starts_with("sha256:") && piece.hash.len() == 71);
        // Every string on the piece is listed; translations have their English gloss.
        for s in &piece.strings {
            assert!(!s.text.is_empty());
            if piece.locale == "es" {
                let g = s
                    .gloss
                    .as_deref()
                    .unwrap_or_else(|| panic!("{} has no gloss", s.id));
                assert!(!g.contains("{ $"), "placeholder left in gloss: {g}");
            }
        }
    }
    assert_eq!(
        text.matches("Status: DRAFT").count(),
        20,
        "every piece is a draft"
    );
    assert!(text.contains("Changes needed"));
    // Illustrations are listed with their tags.
    let poster = proof
        .pieces
        .iter()
        .find(|x| x.design == "poster" && x.locale == "en")
        .unwrap();
    assert_eq!(poster.images.len(), 4);
    for img in &poster.images {
        assert!(text.contains(&img.id), "{}", img.id);
    }
    assert!(text.contains("skin tone"));
    // Deterministic.
    assert_eq!(
        pdf,
        hotline_kit::products::proof::book::pdf(&p, &proof).unwrap()
    );
}

#[test]
fn the_proof_command_writes_the_book_and_the_gallery_and_shows_status() {
    let t = common::temp_project();
    let run = |args: &[&str]| common::hk(t.path(), args);
    let o = run(&["approve", "wallet-card", "--locale", "en", "--by", "Board"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let o = run(&["proof", "--out", "proof", "--design", "wallet-card"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let pdf = std::fs::read(t.path().join("proof/review-book.pdf")).unwrap();
    let text = common::pdftext::extract(&pdf);
    assert!(text.contains("Approved: 1"), "{text}");
    assert!(
        text.contains(
            "Status: approved for print by Board (survivor advisory board) on 2026-11-28"
        ),
        "{text}"
    );
    assert!(text.contains("Wallet card"), "{text}");
    assert!(text.contains("proof of 2026-11-28"), "{text}");
    assert!(t.path().join("proof/index.html").exists());
}

#[test]
fn a_piece_in_two_languages_is_proofed_with_the_strings_of_both() {
    let t = common::temp_project_all_fonts();
    let o = common::hk(
        t.path(),
        &[
            "proof",
            "--out",
            "pf",
            "--design",
            "stall-sticker",
            "--design",
            "wallet-card",
            "--locale",
            "en+es",
            "--locale",
            "en+ar",
        ],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let dir = t.path().join("pf");
    let pdf = std::fs::read(dir.join("review-book.pdf")).unwrap();
    let text = common::pdftext::extract(&pdf);
    for (pair, name, other) in [
        ("en+es", "English + Spanish", "Spanish"),
        ("en+ar", "English + Arabic", "Arabic"),
    ] {
        for title in [
            "Bathroom stall sticker, 3 x 3 in",
            "Wallet card, 3.5 x 2 in, two-sided",
        ] {
            let head = format!("{title} \u{2013} {name} ({pair})");
            assert!(text.contains(&head), "no label `{head}`:\n{text}");
        }
        // Both languages' strings, each labelled with its language, the English first.
        let en = text
            .find("rf-work-or-sex \u{b7} English")
            .expect("the English question is listed");
        let tr = text
            .find(&format!("rf-work-or-sex \u{b7} {other}"))
            .unwrap_or_else(|| panic!("no {other} question listed:\n{text}"));
        assert!(en < tr);
    }
    // The Spanish question and its gloss, as printed.
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains("¿Alguien le obliga a trabajar o a tener sexo, y no puede irse?"),
        "{flat}"
    );
    // The gallery page marks each string with its own language and direction.
    let html = std::fs::read_to_string(dir.join("pieces/stall-sticker-en-ar.html")).unwrap();
    assert!(html.contains("lang=\"ar\" dir=\"rtl\""), "{html}");
    assert!(html.contains("lang=\"en\" dir=\"ltr\""), "{html}");
    assert!(!html.contains("lang=\"en+ar\""), "{html}");
    // English strings are the source, not translations missing their meaning.
    assert!(html.contains("(the English source)"), "{html}");
    assert!(!html.contains("no English meaning given"), "{html}");
    // The back-translation pages cover each translated language of the pairs.
    assert!(dir.join("bilingual/es.html").exists());
    assert!(dir.join("bilingual/ar.html").exists());
}
