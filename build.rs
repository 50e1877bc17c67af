//! Rebuild when a file of the library that ships inside the binary changes, is added
//! or is removed (src/base/shipped.rs embeds these folders).

fn main() {
    for path in [
        "hotline.toml",
        "designs",
        "locales",
        "content",
        "fonts",
        "jurisdictions",
        "LICENSES",
    ] {
        println!("cargo:rerun-if-changed={path}");
    }
}
