//! Rebuild when a file of the library that ships inside the binary changes, is added
//! or is removed (the list in src/base/shipped_paths.in).

fn main() {
    let paths: &[&str] = include!("src/base/shipped_paths.in");
    for path in paths {
        println!("cargo:rerun-if-changed={path}");
    }
    println!("cargo:rerun-if-changed=src/base/shipped_paths.in");
}
