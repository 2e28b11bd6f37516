//! Integration tests of the report a manager reads: the demo's follow-up of
//! a cargo post, default detail, in every language, read back through the
//! tools a reader's viewer stands for (poppler's pdftotext, pdfinfo and
//! pdfdetach; lopdf for the bookmarks and links) — the summary in words, the
//! contents with page numbers, no developer ids or "(?)" in the body, the
//! page budget, the metadata, and the attached data equal to `frontera
//! export`. The programme report's dates are written out in each language.

use std::path::Path;

use frontera::domain::lang::Lang;
use lopdf::{Document, Object};
use serde_json::Value;

use crate::cli::Sandbox;
use crate::document::{catalog, children, tool};

/// The demo in a fresh database; returns it with the id of the final
/// follow-up of DEMO-PE-DES (a cargo post with a baseline before it).
fn follow_up() -> (Sandbox, String) {
    let s = Sandbox::new();
    s.json(&["demo", "--json"]);
    let list = s.json(&["assess", "list", "--json"]);
    let id = list
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["post"] == "DEMO-PE-DES" && a["kind"] == "follow-up" && a["status"] == "final")
        .unwrap_or_else(|| panic!("no final follow-up of DEMO-PE-DES in {list}"))["id"]
        .as_str()
        .unwrap()
        .to_string();
    (s, id)
}

fn report(s: &Sandbox, lang: Lang, args: &[&str]) -> std::path::PathBuf {
    let file = s
        .dir
        .path()
        .join(format!("{}-{lang}.pdf", args.join("-").replace('/', "_")));
    let mut full = vec![
        "--lang",
        lang.code(),
        "report",
        "-o",
        file.to_str().unwrap(),
    ];
    full.extend_from_slice(args);
    s.ok(&full);
    file
}

/// Each page's text in reading order, as `pdftotext` gives it, whitespace
/// collapsed.
fn pages(file: &Path) -> Vec<String> {
    tool("pdftotext", &[file.to_str().unwrap(), "-"])
        .split('\u{c}')
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect()
}

struct Words {
    overall: &'static str,
    baseline_finalised: &'static str,
    contents: &'static str,
    summary: &'static str,
    annex: &'static str,
    critical: &'static str,
}

fn words(lang: Lang) -> Words {
    match lang {
        Lang::En => Words {
            overall: "Overall, the post is at level 2 – Developing, with a score of",
            baseline_finalised: "finalised on 20 June 2025",
            contents: "Contents",
            summary: "Executive summary",
            annex: "Annex: methodology",
            critical: "Critical items below their pillar's target:",
        },
        Lang::Es => Words {
            overall: "En conjunto, el puesto está en el nivel 2 – En desarrollo, con un puntaje de",
            baseline_finalised: "finalizada el 20 de junio de 2025",
            contents: "Índice",
            summary: "Resumen ejecutivo",
            annex: "Anexo: metodología",
            critical: "Ítems críticos por debajo del objetivo de su pilar:",
        },
        Lang::Pt => Words {
            overall: "No conjunto, o posto está no nível 2 – Em desenvolvimento, com pontuação de",
            baseline_finalised: "finalizada em 20 de junho de 2025",
            contents: "Sumário",
            summary: "Resumo executivo",
            annex: "Anexo: metodologia",
            critical: "Itens críticos abaixo do alvo do seu pilar:",
        },
    }
}

/// The number of critical items below their pillar's target, from the export.
fn critical_gaps(export: &Value) -> usize {
    let targets = &export["scoring_parameters"]["target_levels"];
    let default = export["scoring_parameters"]["target_level"]
        .as_u64()
        .unwrap();
    export["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["critical"] == true && i["response"] == "level")
        .filter(|i| {
            let pillar = i["pillar"].as_u64().unwrap() as usize;
            let target = targets[pillar - 1].as_u64().unwrap_or(default);
            i["level"].as_u64().unwrap() < target
        })
        .count()
}

/// The page the contents on the cover gives for `heading`.
fn contents_page(cover: &str, heading: &str) -> usize {
    let after = cover
        .split(heading)
        .nth(1)
        .unwrap_or_else(|| panic!("'{heading}' not in the contents: {cover}"));
    let number: String = after
        .trim_start_matches([' ', '.'])
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    number
        .parse()
        .unwrap_or_else(|_| panic!("no page number after '{heading}': {after}"))
}

/// Whether `text` holds an item id such as `p3.staffing.levels-vs-traffic`.
fn has_item_id(text: &str) -> Option<&str> {
    text.split(|c: char| c.is_whitespace() || c == '(' || c == ',')
        .find(|w| {
            let b = w.as_bytes();
            b.len() > 4
                && b[0] == b'p'
                && (b'1'..=b'4').contains(&b[1])
                && b[2] == b'.'
                && b[3].is_ascii_lowercase()
        })
}

#[test]
fn the_follow_up_reads_as_a_report_in_every_language() {
    let (s, id) = follow_up();
    let score = s.json(&["score", &id, "--json"]);
    let list = s.json(&["assess", "list", "--json"]);
    let baseline = list
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["post"] == "DEMO-PE-DES" && a["kind"] == "baseline")
        .unwrap();
    assert!(
        baseline["finalised_at"]
            .as_str()
            .unwrap()
            .starts_with("2025-06-20"),
        "the demo's baseline moved: {baseline}"
    );
    for lang in Lang::ALL {
        let w = words(lang);
        let file = report(&s, lang, &[&id]);
        let pages = pages(&file);
        let all = pages.join(" ");
        // The default report of a full follow-up of a cargo post fits the
        // budget the issue sets.
        assert!(pages.len() <= 25, "{lang}: {} pages", pages.len());
        // The summary in words, on page 2, with the numbers `frontera score`
        // gives and what "change" is measured against.
        let summary = &pages[1];
        assert!(summary.starts_with(&format!("Desaguadero CEBAF (DEMO-PE-DES) {}", w.summary)));
        let overall = lang.number(score["overall"]["score"].as_f64().unwrap(), 2);
        assert!(
            summary.contains(&format!("{} {overall}", w.overall)),
            "{lang}: {summary}"
        );
        // The sentences above name level 2: the demo's overall level.
        assert_eq!(score["overall"]["level"], 2);
        assert!(summary.contains(w.baseline_finalised), "{lang}: {summary}");
        let export: Value = serde_json::from_str(&s.ok(&[
            "--lang",
            lang.code(),
            "export",
            &id,
            "--format",
            "json",
        ]))
        .unwrap();
        let gaps = critical_gaps(&export);
        assert!(gaps > 0);
        assert!(
            summary.contains(&format!("{} {gaps},", w.critical)),
            "{lang}: {summary}"
        );
        // The contents on the cover, with the page each chapter is on.
        let cover = &pages[0];
        assert!(cover.contains(w.contents), "{lang}: {cover}");
        assert_eq!(contents_page(cover, w.summary), 2);
        let annex = contents_page(cover, w.annex);
        assert!(
            pages[annex - 1].contains(w.annex),
            "{lang}: the annex is not on page {annex}"
        );
        // Developer ids stay out of the body; the annex keeps them.
        for (n, page) in pages[..annex - 1].iter().enumerate() {
            assert_eq!(has_item_id(page), None, "{lang} page {}", n + 1);
        }
        assert!(pages[annex - 1..].iter().any(|p| has_item_id(p).is_some()));
        // A final report never prints an unconfirmed source inline.
        assert!(!all.contains("(?)"), "{lang}");
    }
}

/// The titles of the outline's top level and of every level below.
fn outline_titles(doc: &Document) -> (Vec<String>, Vec<String>) {
    let outlines = catalog(doc)
        .get(b"Outlines")
        .and_then(Object::as_reference)
        .expect("the catalog names an outline");
    let root = doc.get_dictionary(outlines).unwrap();
    let top = children(doc, root);
    let nested = top
        .iter()
        .flat_map(|(_, id)| children(doc, doc.get_dictionary(*id).unwrap()))
        .map(|(t, _)| t)
        .collect();
    (top.into_iter().map(|(t, _)| t).collect(), nested)
}

fn link_count(doc: &Document, page: lopdf::ObjectId) -> usize {
    let Ok(annots) = doc.get_dictionary(page).and_then(|p| p.get(b"Annots")) else {
        return 0;
    };
    let annots = match annots {
        Object::Reference(id) => doc.get_object(*id).and_then(Object::as_array).unwrap(),
        other => other.as_array().unwrap(),
    };
    annots
        .iter()
        .filter_map(|a| a.as_reference().ok())
        .filter(|id| {
            doc.get_dictionary(*id)
                .and_then(|d| d.get(b"Subtype"))
                .and_then(Object::as_name)
                .is_ok_and(|n| n == b"Link")
        })
        .count()
}

#[test]
fn the_report_carries_its_metadata_bookmarks_links_and_data() {
    let (s, id) = follow_up();
    let export = s.json(&["--lang", "es", "export", &id, "--format", "json"]);
    let file = report(&s, Lang::Es, &[&id]);
    let path = file.to_str().unwrap();
    tool("qpdf", &["--check", path]);
    // The document information a catalogue or a file manager shows.
    let info = tool("pdfinfo", &[path]);
    let field = |name: &str| {
        info.lines()
            .find_map(|l| l.strip_prefix(&format!("{name}:")))
            .map(str::trim)
            .unwrap_or_else(|| panic!("no {name} in {info}"))
            .to_string()
    };
    assert!(
        field("Title").starts_with("Informe de evaluación del paso fronterizo"),
        "{info}"
    );
    let evaluators: Vec<&str> = export["assessment"]["evaluators"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e.as_str().unwrap())
        .collect();
    assert_eq!(field("Author"), evaluators.join(", "));
    assert!(field("Subject").contains(&id));
    assert!(field("Keywords").contains("gestión integrada de fronteras"));
    let version = format!("frontera {}", env!("CARGO_PKG_VERSION"));
    assert_eq!(field("Creator"), version);
    assert_eq!(field("Producer"), version);
    // The assessment's dates: created 6 October 2026, finalised 6 November.
    assert!(field("CreationDate").contains("Oct  6") && field("CreationDate").contains("2026"));
    assert!(field("ModDate").contains("Nov  6") && field("ModDate").contains("2026"));
    let meta = tool("pdfinfo", &["-meta", path]);
    assert!(meta.contains("<pdfaid:part>3</pdfaid:part>"), "{meta}");
    assert!(meta.contains("<rdf:li>es</rdf:li>"), "{meta}");
    // The data the report rests on, attached, equal to `frontera export`.
    let out = s.dir.path().join("attached");
    std::fs::create_dir(&out).unwrap();
    tool(
        "pdfdetach",
        &["-saveall", "-o", out.to_str().unwrap(), path],
    );
    let attached: Vec<_> = std::fs::read_dir(&out).unwrap().collect();
    assert_eq!(attached.len(), 1);
    let attached: Value =
        serde_json::from_slice(&std::fs::read(attached[0].as_ref().unwrap().path()).unwrap())
            .unwrap();
    assert_eq!(attached, export);
    // Bookmarks: the chapters, with the pillars nested under the findings.
    let doc = Document::load(&file).unwrap();
    let (top, nested) = outline_titles(&doc);
    assert!(top.iter().any(|t| t == "Resumen ejecutivo"), "{top:?}");
    assert!(top.iter().any(|t| t == "Plan de acción"), "{top:?}");
    assert!(
        nested
            .iter()
            .any(|t| t.starts_with("1. Marcos jurídicos e institucionales")),
        "{nested:?}"
    );
    // Links: the contents on the cover, and the summary's critical items and
    // the action plan's entries to the findings they cite.
    let page_ids: Vec<lopdf::ObjectId> = doc.get_pages().into_values().collect();
    assert!(link_count(&doc, page_ids[0]) >= top.len() - 1);
    let texts = pages(&file);
    let plan = texts
        .iter()
        .position(|p| p.contains("Plan de acción El plan acordado"))
        .expect("the action plan chapter");
    assert!(link_count(&doc, page_ids[plan]) > 5);
    assert!(
        link_count(&doc, page_ids[2]) > 0,
        "the critical items table"
    );
}

#[test]
fn the_programme_report_writes_its_dates_out_in_each_language() {
    let (s, _) = follow_up();
    for (lang, date) in [
        (Lang::En, "6 October 2026"),
        (Lang::Es, "6 de octubre de 2026"),
        (Lang::Pt, "6 de outubro de 2026"),
    ] {
        let text = pages(&report(&s, lang, &["--programme"])).join(" ");
        assert!(text.contains(date), "{lang}: {text}");
        assert!(!text.contains("2026-10-06"), "{lang}: an ISO date: {text}");
    }
}
