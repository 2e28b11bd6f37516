//! A pack as compact bytes, kept beside its TOML snapshot so it is parsed once
//! per pack, not once per command. The TOML stays the source of truth (and its
//! hash the pack's identity); these bytes are only a faster way back to the
//! validated pack, and any doubt about them (another format, another hash,
//! bytes that do not decode) means "rebuild from the TOML".

use crate::domain::lang::Localized;
use crate::domain::pack::{ItemText, Pack, ProcedureText};

/// Bump whenever a type inside [`Pack`] changes shape: old caches are then
/// rebuilt instead of misread. The test below fails until it is bumped.
pub const CACHE_FORMAT: u32 = 5;

const MAGIC: &[u8; 4] = b"FRPK";

/// The cache bytes of `pack`: magic, format, the pack's hash, then the pack.
pub fn encode(pack: &Pack) -> Vec<u8> {
    let hash = pack.meta.hash.as_bytes();
    let mut bytes = Vec::with_capacity(64 * 1024);
    bytes.extend_from_slice(MAGIC);
    bytes.extend_from_slice(&CACHE_FORMAT.to_le_bytes());
    bytes.extend_from_slice(&(hash.len() as u32).to_le_bytes());
    bytes.extend_from_slice(hash);
    // Serialising plain data to a Vec cannot fail; an error would only mean
    // no cache, which the reader treats as "rebuild".
    if let Ok(body) = postcard::to_stdvec(pack) {
        bytes.extend_from_slice(&body);
    }
    bytes
}

/// `pack` without its long texts: item questions, guidance, recommendations
/// and level descriptors, sources, procedure texts and equipment descriptions
/// are emptied; ids, weights, flags, applicability, needs, scoring, and the
/// short titles and names stay. Enough to check an answer or a count and to
/// score; not to show an item or write a report.
pub fn structure_of(pack: &Pack) -> Pack {
    let mut bare = pack.clone();
    for item in bare.pillars.iter_mut().flat_map(|p| p.items.iter_mut()) {
        item.sources = Vec::new();
        for text in [&mut item.text.en, &mut item.text.es, &mut item.text.pt] {
            *text = ItemText {
                label: std::mem::take(&mut text.label),
                question: String::new(),
                guidance: String::new(),
                recommendation: String::new(),
                levels: Default::default(),
            };
        }
    }
    for procedure in bare.procedures.values_mut() {
        procedure.sources = Vec::new();
        for text in [
            &mut procedure.text.en,
            &mut procedure.text.es,
            &mut procedure.text.pt,
        ] {
            *text = ProcedureText {
                title: std::mem::take(&mut text.title),
                purpose: String::new(),
                basis: String::new(),
                roles: Vec::new(),
                steps: Vec::new(),
                records: Vec::new(),
                common_failures: Vec::new(),
            };
        }
    }
    for kind in &mut bare.catalogue.types {
        kind.description = Localized::same("");
    }
    bare
}

/// The pack in `bytes` if they are a cache of this format for the pack whose
/// TOML hashes to `hash`; `None` means rebuild.
pub fn decode(bytes: &[u8], hash: &str) -> Option<Pack> {
    let rest = bytes.strip_prefix(MAGIC)?;
    let (format, rest) = rest.split_at_checked(4)?;
    if u32::from_le_bytes(format.try_into().ok()?) != CACHE_FORMAT {
        return None;
    }
    let (len, rest) = rest.split_at_checked(4)?;
    let len = usize::try_from(u32::from_le_bytes(len.try_into().ok()?)).ok()?;
    let (stored_hash, body) = rest.split_at_checked(len)?;
    if stored_hash != hash.as_bytes() {
        return None;
    }
    let pack: Pack = postcard::from_bytes(body).ok()?;
    (pack.meta.hash == hash).then_some(pack)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{PackSource, load};
    use crate::domain::fixtures;
    use crate::domain::post::PostKind;
    use sha2::{Digest, Sha256};

    #[test]
    fn the_shipped_pack_round_trips_through_its_cache() {
        let source = PackSource::embedded();
        let pack = load(&source).pack.unwrap();
        let bytes = encode(&pack);
        assert_eq!(decode(&bytes, &pack.meta.hash), Some(pack.clone()));
        // Another pack's hash, another format, cut bytes: rebuild.
        assert_eq!(decode(&bytes, "not-this-pack"), None);
        let mut other_format = bytes.clone();
        other_format[4] ^= 1;
        assert_eq!(decode(&other_format, &pack.meta.hash), None);
        assert_eq!(decode(&bytes[..bytes.len() / 2], &pack.meta.hash), None);
        assert_eq!(decode(b"", &pack.meta.hash), None);
        let bare = structure_of(&pack);
        let small = encode(&bare);
        assert!(
            small.len() * 10 < bytes.len(),
            "{} of {}",
            small.len(),
            bytes.len()
        );
        let back = decode(&small, &pack.meta.hash).unwrap();
        assert_eq!(back.items().count(), pack.items().count());
        assert!(back.items().all(|i| i.text.en.question.is_empty()));
        assert_eq!(back.pillars[0].title, pack.pillars[0].title);
    }

    /// The bytes of a fixed fixture pack: they change when a pack type changes
    /// shape, and then [`CACHE_FORMAT`] must change with them.
    #[test]
    fn the_cache_format_is_bumped_when_the_pack_types_change() {
        let mut pack = fixtures::pack(
            vec![fixtures::item("p1.a", 1, 2, true, &PostKind::ALL, false)],
            vec![fixtures::equipment_type("reader", 3, 1.0, 1.0)],
        );
        pack.meta.hash = "fixture".into();
        let digest: String = Sha256::digest(encode(&pack))
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        let known: &[(u32, &str)] = &[(2, KNOWN_2), (3, KNOWN_3), (4, KNOWN_4), (5, KNOWN_5)];
        let expected = known
            .iter()
            .find(|(f, _)| *f == CACHE_FORMAT)
            .map(|(_, d)| *d);
        assert_eq!(
            expected,
            Some(digest.as_str()),
            "the pack types changed shape: bump CACHE_FORMAT and record {digest} for it"
        );
    }

    const KNOWN_2: &str = "5241a38ca8a687e27e57ad04e054f12e88221dab33ba4ebe23498e8874a5a03b";
    /// Format 3: per-pillar target levels in the scoring parameters.
    const KNOWN_3: &str = "ff4eab421dcda71099c6fb93df9caeb853e20df98c127fab983d35dcc2ca3daf";
    /// Format 4: items name the equipment they rely on; readiness needs units.
    const KNOWN_4: &str = "44af86d97353346f34907a173a4a26ae81a30733f5c5a4cd2d279a8b62bdb295";
    /// Format 5: items have a short label for lists.
    const KNOWN_5: &str = "51ce8d8564c229a25a41e7b7cead90685515671f01969b9e7e45b9d05190f9e6";
}
