//! Finds the message files (`locales/<tag>/<context>.ftl`) so that a context adds its
//! translations by adding files, without editing the list by hand.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("locales");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut entries = Vec::new();
    for (tag, variant) in [("ar", "Ar"), ("fr", "Fr"), ("zgh", "Zgh")] {
        let dir = root.join(tag);
        println!("cargo:rerun-if-changed={}", dir.display());
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "ftl"))
            .collect();
        files.sort();
        for path in files {
            let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
            entries.push((variant, stem, path));
        }
    }
    let mut out = String::from("&[\n");
    for (variant, stem, path) in entries {
        writeln!(
            out,
            "    (Locale::{variant}, {stem:?}, include_str!({:?})),",
            path.display().to_string()
        )
        .unwrap();
    }
    out.push(']');
    let dest = Path::new(&std::env::var("OUT_DIR").unwrap()).join("files.rs");
    std::fs::write(dest, out).unwrap();
}
