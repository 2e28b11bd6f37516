//! Serde for the long texts of a pack (questions, descriptors, procedures):
//! written as bytes, and checked as UTF-8 with a SIMD validator when read
//! back. Half the time of decoding a cached pack went into the standard,
//! byte-at-a-time check of its accented Spanish and Portuguese.

use serde::de::{self, Visitor};
use serde::{Deserializer, Serializer};

struct TextVisitor;

impl<'de> Visitor<'de> for TextVisitor {
    type Value = String;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("UTF-8 text as bytes")
    }

    fn visit_bytes<E: de::Error>(self, bytes: &[u8]) -> Result<String, E> {
        simdutf8::basic::from_utf8(bytes)
            .map(str::to_owned)
            .map_err(|_| E::custom("text is not UTF-8"))
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<String, E> {
        Ok(text.to_owned())
    }
}

fn read<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    d.deserialize_bytes(TextVisitor)
}

/// One text.
pub mod one {
    use super::*;

    pub fn serialize<S: Serializer>(text: &str, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_bytes(text.as_bytes())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
        read(d)
    }
}

/// A list of texts.
pub mod many {
    use serde::de::{SeqAccess, Visitor};
    use serde::ser::SerializeSeq;

    use super::*;

    struct Text(String);

    impl<'de> serde::Deserialize<'de> for Text {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            read(d).map(Text)
        }
    }

    struct Bytes<'a>(&'a str);

    impl serde::Serialize for Bytes<'_> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.serialize_bytes(self.0.as_bytes())
        }
    }

    pub fn serialize<S: Serializer>(texts: &[String], s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(texts.len()))?;
        for text in texts {
            seq.serialize_element(&Bytes(text))?;
        }
        seq.end()
    }

    struct ListVisitor;

    impl<'de> Visitor<'de> for ListVisitor {
        type Value = Vec<String>;

        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("a list of texts")
        }

        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<String>, A::Error> {
            let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0));
            while let Some(Text(text)) = seq.next_element()? {
                out.push(text);
            }
            Ok(out)
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
        d.deserialize_seq(ListVisitor)
    }
}

/// The five level descriptors.
pub mod five {
    use super::*;

    pub fn serialize<S: Serializer>(texts: &[String; 5], s: S) -> Result<S::Ok, S::Error> {
        many::serialize(texts, s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<[String; 5], D::Error> {
        let list = many::deserialize(d)?;
        <[String; 5]>::try_from(list).map_err(|_| de::Error::custom("five level descriptors"))
    }
}
