//! Integration tests of `report::pdf::write_document` on the pages of a demo
//! draft report with hand-made document information: read back with lopdf
//! (metadata, language, XMP, outline, links, attachment) and checked with the
//! real tools (qpdf, pdfinfo, pdffonts, pdfdetach, pdftotext).

use std::path::{Path, PathBuf};
use std::process::Command as Process;

use frontera::domain::lang::Lang;
use frontera::report::{self, layout, pdf};
use frontera::store::Store;
use lopdf::{Dictionary, Document};

use crate::cli::Sandbox;

/// 2026-10-06T13:30:00Z and 2026-11-28T16:20:32Z.
const CREATED: i64 = 1_791_293_400;
const MODIFIED: i64 = 1_795_882_832;

/// The demo's first draft assessment (Rumichaca, a follow-up).
const DRAFT: usize = 3;

/// What a report would say about itself: nested bookmarks, two links on the
/// cover, the assessment's JSON export attached.
fn info(export: Vec<u8>) -> pdf::DocumentInfo {
    let entry = |title: &str, page, y, children| pdf::OutlineEntry {
        title: title.into(),
        page,
        y,
        children,
    };
    pdf::DocumentInfo {
        title: "Informe de evaluación — Rumichaca".into(),
        author: "Andrés Quishpe, Ñusta Quispe".into(),
        subject: "Evaluación del paso fronterizo DEMO-EC-RUM".into(),
        keywords: vec!["frontera".into(), "IBM".into(), "DEMO-EC-RUM".into()],
        lang: Lang::Es,
        created: CREATED,
        modified: MODIFIED,
        producer: "frontera 0.1.0".into(),
        outline: vec![
            entry("Portada", 0, 72.0, vec![]),
            entry(
                "Resumen ejecutivo",
                1,
                72.0,
                vec![
                    entry("Puntuaciones", 1, 300.0, vec![]),
                    entry(
                        "Pilares",
                        2,
                        100.0,
                        vec![entry("Pilar 1", 2, 400.0, vec![])],
                    ),
                ],
            ),
            entry("Anexo", 4, 72.0, vec![]),
        ],
        links: vec![
            pdf::LinkArea {
                page: 0,
                x: 56.0,
                y: 250.0,
                w: 200.0,
                h: 12.0,
                target_page: 2,
                target_y: 100.0,
            },
            pdf::LinkArea {
                page: 0,
                x: 56.0,
                y: 270.0,
                w: 200.0,
                h: 12.0,
                target_page: 4,
                target_y: 72.0,
            },
        ],
        attachment: Some(pdf::Attachment {
            name: "DEMO-EC-RUM-74516aacb39a.json".into(),
            description: "La evaluación completa, en JSON".into(),
            mime: "application/json".into(),
            bytes: export,
            modified: MODIFIED,
        }),
    }
}

/// A folder with the demo, the draft report's PDF written by
/// `write_document`, and that PDF's path.
struct Written {
    /// Holds the folder (and the PDF in it) until the test ends.
    _sandbox: Sandbox,
    path: PathBuf,
    info: pdf::DocumentInfo,
    pages: Vec<layout::Page>,
    bytes: Vec<u8>,
}

impl Written {
    /// The same pages written again with `info`.
    fn again(&self, info: &pdf::DocumentInfo) -> Vec<u8> {
        let fonts = layout::Fonts::embedded().unwrap();
        pdf::write_document(&self.pages, info, &fonts).unwrap()
    }
}

fn write(edit: impl FnOnce(&mut pdf::DocumentInfo)) -> Written {
    let sandbox = Sandbox::new();
    let out = sandbox.json(&["demo", "--json"]);
    let id = out["assessments"][DRAFT].as_str().unwrap().to_string();
    let export = sandbox.ok(&["export", &id]).into_bytes();
    let store = Store::open_existing(&sandbox.db(), "tester").unwrap();
    let id = store.resolve(&id).unwrap();
    let options = report::ReportOptions {
        lang: Lang::Es,
        marking: None,
        date: "2026-11-28",
        detail: report::model::Detail::Summary,
    };
    let model = report::assessment_model(&store, &id, &options).unwrap();
    assert!(model.draft_mark.is_some(), "the demo's draft is a draft");
    let fonts = layout::Fonts::embedded().unwrap();
    let pages = layout::layout(&model, &fonts);
    let mut info = info(export);
    edit(&mut info);
    let bytes = pdf::write_document(&pages, &info, &fonts).unwrap();
    let path = sandbox.dir.path().join("document.pdf");
    std::fs::write(&path, &bytes).unwrap();
    Written {
        _sandbox: sandbox,
        path,
        info,
        pages,
        bytes,
    }
}

pub(crate) fn tool(name: &str, args: &[&str]) -> String {
    let out = Process::new(name).args(args).output().unwrap_or_else(|e| {
        panic!("{name} must be on PATH (apt-get install qpdf poppler-utils): {e}")
    });
    assert!(
        out.status.success(),
        "{name} {args:?}: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn path(p: &Path) -> &str {
    p.to_str().unwrap()
}

pub(crate) fn text(doc: &Document, dict: &Dictionary, key: &[u8]) -> String {
    let object = dict.get(key).unwrap_or_else(|_| {
        panic!("no /{} in {dict:?}", String::from_utf8_lossy(key));
    });
    let (_, object) = doc.dereference(object).unwrap();
    lopdf::decode_text_string(object).unwrap()
}

pub(crate) fn catalog(doc: &Document) -> &Dictionary {
    doc.catalog().unwrap()
}

fn info_dict(doc: &Document) -> &Dictionary {
    let id = doc.trailer.get(b"Info").unwrap().as_reference().unwrap();
    doc.get_dictionary(id).unwrap()
}

#[test]
fn the_info_dictionary_and_language_come_from_the_document_info() {
    let w = write(|_| {});
    let doc = Document::load(&w.path).unwrap();
    let dict = info_dict(&doc);
    assert_eq!(text(&doc, dict, b"Title"), w.info.title);
    assert_eq!(text(&doc, dict, b"Author"), w.info.author);
    assert_eq!(text(&doc, dict, b"Subject"), w.info.subject);
    assert_eq!(text(&doc, dict, b"Keywords"), "frontera, IBM, DEMO-EC-RUM");
    assert_eq!(text(&doc, dict, b"Creator"), "frontera 0.1.0");
    assert_eq!(text(&doc, dict, b"Producer"), "frontera 0.1.0");
    assert_eq!(text(&doc, dict, b"CreationDate"), "D:20261006133000Z");
    assert_eq!(text(&doc, dict, b"ModDate"), "D:20261128162032Z");
    for key in [&b"GTS_PDFXVersion"[..], b"Identifier", b"Trapped"] {
        assert!(!dict.has(key), "{}", String::from_utf8_lossy(key));
    }
    assert_eq!(text(&doc, catalog(&doc), b"Lang"), "es");
    assert_eq!(doc.version, "1.7");

    let shown = tool("pdfinfo", &[path(&w.path)]);
    for line in [
        "Author:          Andrés Quishpe, Ñusta Quispe",
        "Creator:         frontera 0.1.0",
        "Producer:        frontera 0.1.0",
        "CreationDate:    Tue Oct  6 13:30:00 2026 UTC",
        "ModDate:         Sat Nov 28 16:20:32 2026 UTC",
        "PDF version:     1.7",
    ] {
        assert!(shown.contains(line), "pdfinfo lacks '{line}':\n{shown}");
    }
    assert!(!shown.contains("1970"), "{shown}");
    assert!(!shown.contains("PDF subtype"), "not PDF/X:\n{shown}");
}

#[test]
fn the_same_input_gives_the_same_bytes_and_the_id_follows_the_content() {
    let a = write(|_| {});
    assert!(a.again(&a.info) == a.bytes, "two writes differ");
    let mut other = a.info.clone();
    other.subject.push('.');
    let c = a.again(&other);
    assert!(a.bytes != c);
    let id = |bytes: &[u8]| {
        let doc = Document::load_mem(bytes).unwrap();
        let id = doc.trailer.get(b"ID").unwrap().as_array().unwrap().clone();
        assert_eq!(id.len(), 2);
        assert_eq!(id[0].as_str().unwrap().len(), 16);
        id[0].as_str().unwrap().to_vec()
    };
    assert_ne!(id(&a.bytes), id(&c), "another file, another /ID");
}

#[test]
fn qpdf_finds_nothing_wrong_and_every_font_is_a_named_subset() {
    let w = write(|_| {});
    let check = tool("qpdf", &["--check", path(&w.path)]);
    assert!(
        check.contains("No syntax or stream encoding errors"),
        "{check}"
    );
    let fonts = tool("pdffonts", &[path(&w.path)]);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert_eq!(rows.len(), 2, "regular and bold:\n{fonts}");
    let mut bases = Vec::new();
    for row in rows {
        // name, type (2 words), encoding, emb, sub, uni, object, id
        let columns: Vec<&str> = row.split_whitespace().collect();
        assert_eq!(columns[4..7], ["yes", "yes", "yes"], "{row}");
        let (tag, base) = columns[0].split_once('+').expect("a subset tag");
        assert!(
            tag.len() == 6 && tag.chars().all(|c| c.is_ascii_uppercase()),
            "{row}"
        );
        bases.push(base.to_string());
    }
    bases.sort();
    assert_eq!(bases, ["DejaVuSans", "DejaVuSans-Bold"]);
}

#[test]
fn the_xmp_packet_repeats_the_info_and_claims_pdfa_3b_under_an_srgb_intent() {
    let w = write(|_| {});
    let doc = Document::load(&w.path).unwrap();
    let catalog = catalog(&doc);
    let id = catalog.get(b"Metadata").unwrap().as_reference().unwrap();
    let stream = doc.get_object(id).unwrap().as_stream().unwrap();
    assert_eq!(
        stream.dict.get(b"Type").unwrap().as_name().unwrap(),
        b"Metadata"
    );
    assert_eq!(
        stream.dict.get(b"Subtype").unwrap().as_name().unwrap(),
        b"XML"
    );
    assert!(!stream.dict.has(b"Filter"), "the XMP stays uncompressed");
    let xmp = String::from_utf8(stream.content.clone()).unwrap();
    for expected in [
        "<pdfaid:part>3</pdfaid:part>",
        "<pdfaid:conformance>B</pdfaid:conformance>",
        "<rdf:li xml:lang=\"x-default\">Informe de evaluación — Rumichaca</rdf:li>",
        "<rdf:li>Andrés Quishpe, Ñusta Quispe</rdf:li>",
        "<dc:language><rdf:Bag><rdf:li>es</rdf:li></rdf:Bag></dc:language>",
        "<pdf:Producer>frontera 0.1.0</pdf:Producer>",
        "<pdf:Keywords>frontera, IBM, DEMO-EC-RUM</pdf:Keywords>",
        "<xmp:CreateDate>2026-10-06T13:30:00Z</xmp:CreateDate>",
        "<xmp:ModifyDate>2026-11-28T16:20:32Z</xmp:ModifyDate>",
        "<xmp:CreatorTool>frontera 0.1.0</xmp:CreatorTool>",
    ] {
        assert!(xmp.contains(expected), "the XMP lacks {expected}:\n{xmp}");
    }
    let meta = tool("pdfinfo", &["-meta", path(&w.path)]);
    assert!(meta.contains("<pdfaid:part>3</pdfaid:part>"), "{meta}");

    let intents = catalog.get(b"OutputIntents").unwrap().as_array().unwrap();
    assert_eq!(intents.len(), 1);
    let intent = intents[0].as_dict().unwrap();
    assert_eq!(intent.get(b"S").unwrap().as_name().unwrap(), b"GTS_PDFA1");
    assert_eq!(
        text(&doc, intent, b"OutputConditionIdentifier"),
        "sRGB IEC61966-2.1"
    );
    let profile = intent.get(b"DestOutputProfile").unwrap().as_reference();
    let profile = doc
        .get_object(profile.unwrap())
        .unwrap()
        .as_stream()
        .unwrap();
    assert_eq!(profile.dict.get(b"N").unwrap().as_i64().unwrap(), 3);
    let bytes = profile.decompressed_content().unwrap();
    assert_eq!(&bytes[12..24], b"mntrRGB XYZ ", "an RGB display profile");
}

#[test]
fn the_attached_export_comes_back_byte_for_byte() {
    let w = write(|_| {});
    let doc = Document::load(&w.path).unwrap();
    let af = catalog(&doc).get(b"AF").unwrap().as_array().unwrap();
    assert_eq!(af.len(), 1);
    let spec = doc.get_dictionary(af[0].as_reference().unwrap()).unwrap();
    assert_eq!(spec.get(b"Type").unwrap().as_name().unwrap(), b"Filespec");
    assert_eq!(
        spec.get(b"AFRelationship").unwrap().as_name().unwrap(),
        b"Data"
    );
    assert_eq!(text(&doc, spec, b"UF"), "DEMO-EC-RUM-74516aacb39a.json");
    assert_eq!(text(&doc, spec, b"Desc"), "La evaluación completa, en JSON");
    let ef = spec.get(b"EF").unwrap().as_dict().unwrap();
    let stream = doc.get_object(ef.get(b"F").unwrap().as_reference().unwrap());
    let stream = stream.unwrap().as_stream().unwrap();
    let subtype = stream.dict.get(b"Subtype").unwrap().as_name().unwrap();
    assert_eq!(subtype, b"application/json");

    let listed = tool("pdfdetach", &["-list", path(&w.path)]);
    assert!(
        listed.contains("1 embedded files") && listed.contains("1: DEMO-EC-RUM-74516aacb39a.json"),
        "{listed}"
    );
    let out = w.path.parent().unwrap().join("detached");
    std::fs::create_dir(&out).unwrap();
    tool("pdfdetach", &["-saveall", "-o", path(&out), path(&w.path)]);
    let back = std::fs::read(out.join("DEMO-EC-RUM-74516aacb39a.json")).unwrap();
    let sent = &w.info.attachment.as_ref().unwrap().bytes;
    assert!(
        back == *sent,
        "{} bytes back for {}",
        back.len(),
        sent.len()
    );
    assert!(sent.len() > 10_000, "a real export, {} bytes", sent.len());
}

/// The outline item's children, in order, read through First and Next.
pub(crate) fn children(doc: &Document, item: &Dictionary) -> Vec<(String, lopdf::ObjectId)> {
    let mut out = Vec::new();
    let mut next = item.get(b"First").and_then(|f| f.as_reference()).ok();
    while let Some(id) = next {
        let child = doc.get_dictionary(id).unwrap();
        out.push((text(doc, child, b"Title"), id));
        next = child.get(b"Next").and_then(|n| n.as_reference()).ok();
    }
    out
}

#[test]
fn the_outline_nests_and_each_bookmark_points_at_its_page_and_height() {
    let w = write(|_| {});
    let doc = Document::load(&w.path).unwrap();
    let pages: Vec<lopdf::ObjectId> = doc.get_pages().into_values().collect();
    let catalog = catalog(&doc);
    assert_eq!(
        catalog.get(b"PageMode").unwrap().as_name().unwrap(),
        b"UseOutlines"
    );
    let root_id = catalog.get(b"Outlines").unwrap().as_reference().unwrap();
    let root = doc.get_dictionary(root_id).unwrap();
    assert_eq!(root.get(b"Count").unwrap().as_i64().unwrap(), 6);
    let top = children(&doc, root);
    let titles: Vec<&str> = top.iter().map(|(t, _)| t.as_str()).collect();
    assert_eq!(titles, ["Portada", "Resumen ejecutivo", "Anexo"]);
    let summary = doc.get_dictionary(top[1].1).unwrap();
    assert_eq!(
        summary.get(b"Parent").unwrap().as_reference().unwrap(),
        root_id
    );
    assert_eq!(summary.get(b"Count").unwrap().as_i64().unwrap(), 3);
    let under = children(&doc, summary);
    assert_eq!(under[0].0, "Puntuaciones");
    assert_eq!(under[1].0, "Pilares");
    let pillars = doc.get_dictionary(under[1].1).unwrap();
    assert_eq!(
        pillars.get(b"Parent").unwrap().as_reference().unwrap(),
        top[1].1
    );
    assert_eq!(
        pillars.get(b"Prev").unwrap().as_reference().unwrap(),
        under[0].1
    );
    let deepest = children(&doc, pillars);
    assert_eq!(deepest.len(), 1);
    let pillar = doc.get_dictionary(deepest[0].1).unwrap();
    let dest = pillar.get(b"Dest").unwrap().as_array().unwrap();
    assert_eq!(dest[0].as_reference().unwrap(), pages[2]);
    assert_eq!(dest[1].as_name().unwrap(), b"XYZ");
    // 400 pt from the top of an A4 page is 441.89 pt from its bottom.
    assert!(
        (dest[3].as_float().unwrap() - 441.89).abs() < 0.01,
        "{dest:?}"
    );
    // What a reader shows: qpdf lists the same tree.
    let json = tool("qpdf", &["--json", "--json-key=outlines", path(&w.path)]);
    assert!(json.contains("\"Pilar 1\""), "{json}");
}

#[test]
fn links_on_the_cover_jump_to_their_pages() {
    let w = write(|_| {});
    let doc = Document::load(&w.path).unwrap();
    let pages: Vec<lopdf::ObjectId> = doc.get_pages().into_values().collect();
    let annots = doc.get_page_annotations(pages[0]).unwrap();
    assert_eq!(annots.len(), 2);
    let link = annots[0];
    assert_eq!(link.get(b"Subtype").unwrap().as_name().unwrap(), b"Link");
    let border: Vec<i64> = link
        .get(b"Border")
        .unwrap()
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_i64().unwrap())
        .collect();
    assert_eq!(border, [0, 0, 0]);
    let rect: Vec<f32> = link
        .get(b"Rect")
        .unwrap()
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_float().unwrap())
        .collect();
    // 56, 250 (from the top), 200 × 12: from 579.89 up to 591.89.
    for (got, want) in rect.iter().zip([56.0, 579.89, 256.0, 591.89]) {
        assert!((got - want).abs() < 0.01, "{rect:?}");
    }
    let dest = link.get(b"Dest").unwrap().as_array().unwrap();
    assert_eq!(dest[0].as_reference().unwrap(), pages[2]);
    let second = annots[1].get(b"Dest").unwrap().as_array().unwrap();
    assert_eq!(second[0].as_reference().unwrap(), pages[4]);
    assert!(doc.get_page_annotations(pages[1]).unwrap().is_empty());
}

#[test]
fn the_draft_cover_reads_in_order_without_pieces_of_the_mark() {
    let w = write(|_| {});
    let cover = tool("pdftotext", &["-f", "1", "-l", "1", path(&w.path), "-"]);
    // Drawn as text, the mark came out as lines such as "BO" or "RRA".
    for line in cover.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let capitals = line.chars().all(|c| c.is_ascii_uppercase());
        assert!(
            !(capitals && "BORRADOR".contains(line)),
            "a piece of the mark, '{line}', in:\n{cover}"
        );
    }
    let labels = [
        "Informe de evaluación del paso",
        "Paso fronterizo",
        "Países",
        "Tipo de paso",
        "Tipo de evaluación",
        "Equipo evaluador",
        "Estado",
        "Fecha del informe",
    ];
    let at: Vec<usize> = labels
        .iter()
        .map(|l| {
            cover
                .find(l)
                .unwrap_or_else(|| panic!("no '{l}' in:\n{cover}"))
        })
        .collect();
    assert!(at.windows(2).all(|p| p[0] < p[1]), "out of order:\n{cover}");
    let all = tool("pdftotext", &[path(&w.path), "-"]);
    assert!(
        !all.contains("BORRADOR"),
        "the mark is not text on any page"
    );
}
