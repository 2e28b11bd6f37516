//! The PDF/A output intent and its sRGB colour profile, built here: printpdf
//! ships only a CMYK profile (Coated FOGRA39), and the report paints in
//! DeviceRGB, which PDF/A allows only under an RGB output intent. A matrix
//! and tone-curve display profile (ICC v2.1) is a few hundred bytes of
//! tables, all derived from IEC 61966-2-1 below; nothing is downloaded.

use pdf_objects::{Dictionary, Document, Object, Stream, StringFormat};

/// The output condition's name, as registered at color.org.
const CONDITION: &str = "sRGB IEC61966-2.1";

/// The PCS illuminant (D50) the colorants are adapted to.
const D50: [f64; 3] = [0.9642, 1.0, 0.8249];

/// The sRGB primaries (x, y of R, G and B, white D65) as XYZ, adapted to D50
/// with the Bradford transform (worked out once; each column sums to D50,
/// so RGB white is the PCS white).
const RED: [f64; 3] = [0.436_041_3, 0.222_484_5, 0.013_920_2];
const GREEN: [f64; 3] = [0.385_112_9, 0.716_905_1, 0.097_067_2];
const BLUE: [f64; 3] = [0.143_045_8, 0.060_610_4, 0.713_912_6];

/// Entries of the tone curve: what the ICC's own v2 sRGB profiles use.
const CURVE_POINTS: usize = 1024;

/// Adds the profile and returns the catalog's `/OutputIntents` array.
pub fn output_intents(doc: &mut Document) -> Object {
    let mut dict = Dictionary::new();
    dict.set("N", 3);
    dict.set("Alternate", "DeviceRGB");
    let profile = doc.add_object(Stream::new(dict, srgb_profile()));
    let literal = |s: &str| Object::String(s.as_bytes().to_vec(), StringFormat::Literal);
    let mut intent = Dictionary::new();
    intent.set("Type", "OutputIntent");
    intent.set("S", "GTS_PDFA1");
    intent.set("OutputConditionIdentifier", literal(CONDITION));
    intent.set("RegistryName", literal("http://www.color.org"));
    intent.set("Info", literal(CONDITION));
    intent.set("DestOutputProfile", profile);
    Object::Array(vec![Object::Dictionary(intent)])
}

/// sRGB's electro-optical transfer function: encoded value to linear light.
fn linear(v: f64) -> f64 {
    if v <= 0.040_45 {
        v / 12.92
    } else {
        ((v + 0.055) / 1.055).powf(2.4)
    }
}

/// ICC s15Fixed16Number.
fn fixed(v: f64) -> [u8; 4] {
    ((v * 65536.0).round() as i32).to_be_bytes()
}

fn xyz(v: [f64; 3]) -> Vec<u8> {
    let mut tag = b"XYZ \0\0\0\0".to_vec();
    for c in v {
        tag.extend(fixed(c));
    }
    tag
}

/// textDescriptionType: the ASCII form, then empty Unicode and Mac forms.
fn description(text: &str) -> Vec<u8> {
    let mut tag = b"desc\0\0\0\0".to_vec();
    tag.extend((text.len() as u32 + 1).to_be_bytes());
    tag.extend(text.as_bytes());
    tag.push(0);
    tag.extend([0; 4 + 4 + 2 + 1 + 67]);
    tag
}

fn text(text: &str) -> Vec<u8> {
    let mut tag = b"text\0\0\0\0".to_vec();
    tag.extend(text.as_bytes());
    tag.push(0);
    tag
}

fn curve() -> Vec<u8> {
    let mut tag = b"curv\0\0\0\0".to_vec();
    tag.extend((CURVE_POINTS as u32).to_be_bytes());
    for i in 0..CURVE_POINTS {
        let v = linear(i as f64 / (CURVE_POINTS - 1) as f64);
        tag.extend(((v * 65535.0).round() as u16).to_be_bytes());
    }
    tag
}

/// The profile's bytes: a 128-byte header, the tag table, the tag data
/// (each on a 4-byte boundary; the three tone curves share one).
pub fn srgb_profile() -> Vec<u8> {
    let data = [
        description(CONDITION),
        text("No copyright, use freely (frontera, from IEC 61966-2-1)"),
        xyz(D50),
        xyz(RED),
        xyz(GREEN),
        xyz(BLUE),
        curve(),
    ];
    let tags: [(&[u8; 4], usize); 9] = [
        (b"desc", 0),
        (b"cprt", 1),
        (b"wtpt", 2),
        (b"rXYZ", 3),
        (b"gXYZ", 4),
        (b"bXYZ", 5),
        (b"rTRC", 6),
        (b"gTRC", 6),
        (b"bTRC", 6),
    ];
    let mut offsets = Vec::new();
    let mut at = 128 + 4 + 12 * tags.len();
    for d in &data {
        offsets.push(at);
        at += d.len().next_multiple_of(4);
    }
    let mut out = Vec::with_capacity(at);
    out.extend((at as u32).to_be_bytes());
    out.extend([0; 4]); // preferred CMM: none
    out.extend(0x0210_0000u32.to_be_bytes()); // version 2.1.0
    out.extend(b"mntrRGB XYZ ");
    // The creation date, fixed like the rest: 2026-01-01 00:00:00.
    for v in [2026u16, 1, 1, 0, 0, 0] {
        out.extend(v.to_be_bytes());
    }
    out.extend(b"acsp");
    // Platform, flags, manufacturer, model, attributes (8), intent: none or 0.
    out.extend([0; 4 + 4 + 4 + 4 + 8 + 4]);
    for c in D50 {
        out.extend(fixed(c));
    }
    out.extend([0; 4 + 44]); // creator, reserved
    out.extend((tags.len() as u32).to_be_bytes());
    for (signature, index) in tags {
        out.extend(signature);
        out.extend((offsets[index] as u32).to_be_bytes());
        out.extend((data[index].len() as u32).to_be_bytes());
    }
    for d in &data {
        out.extend(d);
        out.resize(out.len().next_multiple_of(4), 0);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn u32_at(b: &[u8], at: usize) -> usize {
        u32::from_be_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]]) as usize
    }

    fn xyz_at(b: &[u8], at: usize) -> [f64; 3] {
        [0, 4, 8].map(|k| {
            let bytes = [b[at + 8 + k], b[at + 9 + k], b[at + 10 + k], b[at + 11 + k]];
            f64::from(i32::from_be_bytes(bytes)) / 65536.0
        })
    }

    /// The data of tag `signature`, read back through the tag table.
    fn tag<'p>(profile: &'p [u8], signature: &[u8; 4]) -> &'p [u8] {
        let count = u32_at(profile, 128);
        (0..count)
            .map(|n| 132 + 12 * n)
            .find(|&row| &profile[row..row + 4] == signature)
            .map(|row| {
                let (at, size) = (u32_at(profile, row + 4), u32_at(profile, row + 8));
                &profile[at..at + size]
            })
            .unwrap_or_else(|| panic!("no {signature:?} tag"))
    }

    #[test]
    fn the_header_describes_an_rgb_display_profile_of_its_own_length() {
        let p = srgb_profile();
        assert_eq!(u32_at(&p, 0), p.len());
        assert_eq!(p.len() % 4, 0);
        assert_eq!(&p[12..24], b"mntrRGB XYZ ");
        assert_eq!(&p[36..40], b"acsp");
        assert_eq!(p[8], 2, "version 2");
        for signature in [b"desc", b"cprt", b"wtpt", b"rXYZ", b"rTRC", b"bTRC"] {
            let data = tag(&p, signature);
            assert!(!data.is_empty());
        }
        assert_eq!(&tag(&p, b"desc")[..4], b"desc");
        assert_eq!(&tag(&p, b"cprt")[..4], b"text");
    }

    #[test]
    fn white_is_the_pcs_white_and_the_curve_is_srgb() {
        let p = srgb_profile();
        let colorants = [b"rXYZ", b"gXYZ", b"bXYZ"].map(|s| xyz_at(tag(&p, s), 0));
        for (axis, d50) in D50.iter().enumerate() {
            let sum: f64 = colorants.iter().map(|c| c[axis]).sum();
            assert!((sum - d50).abs() < 1e-4, "axis {axis}: {sum}");
        }
        // Red is the most of X and little of Z, as sRGB's red is.
        assert!(colorants[0][0] > colorants[1][0] && colorants[0][2] < 0.02);
        let curve = tag(&p, b"gTRC");
        assert_eq!(u32_at(curve, 8), CURVE_POINTS);
        let at = |i: usize| u16::from_be_bytes([curve[12 + 2 * i], curve[13 + 2 * i]]);
        assert_eq!(at(0), 0);
        assert_eq!(at(CURVE_POINTS - 1), 65535);
        // Mid grey (0.5 encoded) is about 21.4 % linear light.
        let mid = f64::from(at(CURVE_POINTS / 2)) / 65535.0;
        assert!((mid - 0.2146).abs() < 0.002, "{mid}");
    }
}
