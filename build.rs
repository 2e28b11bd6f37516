//! Compiles the shipped content pack (`checklists/` and `procedures/`) into the
//! binary, so `frontera` runs with no files beside it.

use sha2::{Digest, Sha256};
use std::fmt::Write as _;
use std::path::Path;
use std::{env, fs};

fn main() {
    let root = env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let mut entries = Vec::new();
    for folder in ["checklists", "procedures"] {
        let dir = Path::new(&root).join(folder);
        println!("cargo:rerun-if-changed={}", dir.display());
        let Ok(read) = fs::read_dir(&dir) else {
            continue;
        };
        for entry in read.flatten() {
            let path = entry.path();
            if path.extension().is_some_and(|e| e == "toml") {
                println!("cargo:rerun-if-changed={}", path.display());
                let name = entry.file_name().to_string_lossy().into_owned();
                entries.push((format!("{folder}/{name}"), path));
            }
        }
    }
    entries.sort();
    // The pack's identity, as `PackSource::hash` computes it (a test checks
    // they agree), so that the built-in pack's cache can be found without
    // hashing a megabyte of text at every start.
    let mut hasher = Sha256::new();
    for (name, path) in &entries {
        let text = fs::read_to_string(path).expect("content files are UTF-8 text");
        hasher.update((name.len() as u64).to_le_bytes());
        hasher.update(name.as_bytes());
        hasher.update((text.len() as u64).to_le_bytes());
        hasher.update(text.as_bytes());
    }
    let hash: String = hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let mut out = format!("pub const HASH: &str = {hash:?};\n");
    out.push_str("pub static FILES: &[(&str, &str)] = &[\n");
    for (name, path) in entries {
        writeln!(
            out,
            "    ({name:?}, include_str!({:?})),",
            path.display().to_string()
        )
        .expect("writing to a String cannot fail");
    }
    out.push_str("];\n");
    let dest =
        Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("embedded_pack.rs");
    fs::write(dest, out).expect("OUT_DIR is writable");
}
