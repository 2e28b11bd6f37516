//! The attached file: a PDF/A-3 associated file (the assessment's data),
//! carried whole, listed where readers look for attachments (the catalog's
//! `/Names /EmbeddedFiles`) and declared where PDF/A-3 wants it (`/AF`).

use pdf_objects::{Dictionary, Document, Object, Stream, text_string};

use super::document::Attachment;
use super::finish::pdf_date;

/// Adds `file` and lists it in `catalog` (a copy of the document's, which
/// the caller puts back). `fallback_date` stands in for an unknown
/// modification date: PDF/A-3 wants one on every embedded file.
pub fn attach(doc: &mut Document, catalog: &mut Dictionary, file: &Attachment, fallback_date: i64) {
    let mut params = Dictionary::new();
    params.set("Size", file.bytes.len() as i64);
    if let Some(date) = pdf_date(file.modified).or_else(|| pdf_date(fallback_date)) {
        params.set("ModDate", Object::string_literal(date));
    }
    let mime = if file.mime.is_empty() {
        "application/octet-stream"
    } else {
        &file.mime
    };
    let mut dict = Dictionary::new();
    dict.set("Type", "EmbeddedFile");
    // A name: lopdf writes the slash as #2F, as the format requires.
    dict.set("Subtype", Object::Name(mime.as_bytes().to_vec()));
    dict.set("Params", params);
    let stream = doc.add_object(Stream::new(dict, file.bytes.clone()));

    let name = file_name(&file.name);
    let mut embedded = Dictionary::new();
    embedded.set("F", stream);
    embedded.set("UF", stream);
    let mut spec = Dictionary::new();
    spec.set("Type", "Filespec");
    spec.set("F", Object::string_literal(ascii(&name)));
    spec.set("UF", text_string(&name));
    if !file.description.is_empty() {
        spec.set("Desc", text_string(&file.description));
    }
    spec.set("AFRelationship", "Data");
    spec.set("EF", embedded);
    let spec = doc.add_object(spec);

    let mut tree = Dictionary::new();
    tree.set(
        "Names",
        vec![
            Object::string_literal(ascii(&name)),
            Object::Reference(spec),
        ],
    );
    let mut names = match catalog.get(b"Names").and_then(Object::as_dict) {
        Ok(existing) => existing.clone(),
        Err(_) => Dictionary::new(),
    };
    names.set("EmbeddedFiles", tree);
    catalog.set("Names", names);
    catalog.set("AF", vec![Object::Reference(spec)]);
}

/// The last part of `name` (a file name, not a path: `/F` reads slashes as
/// folders), or `attachment` when nothing is left.
fn file_name(name: &str) -> String {
    let last = name.rsplit(['/', '\\']).next().unwrap_or("").trim();
    if last.is_empty() {
        "attachment".to_string()
    } else {
        last.to_string()
    }
}

/// `/F` is a byte string for older readers: non-ASCII characters become `_`
/// there (`/UF` keeps the real name).
fn ascii(name: &str) -> String {
    name.chars()
        .map(|c| {
            if c.is_ascii_graphic() || c == ' ' {
                c
            } else {
                '_'
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_lose_their_folders_and_keep_an_ascii_form() {
        assert_eq!(file_name("DEMO-PE-DES.json"), "DEMO-PE-DES.json");
        assert_eq!(file_name("../../etc/passwd"), "passwd");
        assert_eq!(file_name("C:\\data\\evaluación.json"), "evaluación.json");
        assert_eq!(file_name("folder/"), "attachment");
        assert_eq!(ascii("evaluación.json"), "evaluaci_n.json");
    }

    #[test]
    fn the_file_is_listed_in_the_name_tree_and_the_associated_files() {
        let mut doc = Document::with_version("1.7");
        let mut catalog = Dictionary::new();
        let file = Attachment {
            name: "datos.json".into(),
            description: "Los datos".into(),
            mime: "application/json".into(),
            bytes: b"{\"a\": 1}".to_vec(),
            modified: 0,
        };
        attach(&mut doc, &mut catalog, &file, 1_795_882_832);
        let af = catalog.get(b"AF").unwrap().as_array().unwrap();
        let spec_id = af[0].as_reference().unwrap();
        let tree = catalog.get(b"Names").unwrap().as_dict().unwrap();
        let listed = tree.get(b"EmbeddedFiles").unwrap().as_dict().unwrap();
        let pairs = listed.get(b"Names").unwrap().as_array().unwrap();
        assert_eq!(pairs[0].as_str().unwrap(), b"datos.json");
        assert_eq!(pairs[1].as_reference().unwrap(), spec_id);
        let spec = doc.get_dictionary(spec_id).unwrap();
        assert_eq!(
            spec.get(b"AFRelationship").unwrap().as_name().unwrap(),
            b"Data"
        );
        let ef = spec.get(b"EF").unwrap().as_dict().unwrap();
        let stream = doc.get_object(ef.get(b"F").unwrap().as_reference().unwrap());
        let stream = stream.unwrap().as_stream().unwrap();
        assert_eq!(stream.content, file.bytes);
        let params = stream.dict.get(b"Params").unwrap().as_dict().unwrap();
        assert_eq!(params.get(b"Size").unwrap().as_i64().unwrap(), 8);
        // The file's own date is unknown: the document's stands in.
        assert_eq!(
            params.get(b"ModDate").unwrap().as_str().unwrap(),
            b"D:20261128162032Z"
        );
    }
}
