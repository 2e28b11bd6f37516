//! Integration tests: `frontera report` on the demo data — every assessment and
//! the programme report in every language, the PDF's text (headings, the scores
//! as `frontera score` prints them, accents), its validity (qpdf), its
//! embedded font subsets (pdffonts) and draft mark, and that a failed export
//! leaves no file behind. `write_document`'s metadata: tests/document.rs.

use std::path::Path;
use std::process::Command as Process;

use frontera::domain::lang::Lang;
use frontera::report;
use serde_json::Value;

use crate::cli::Sandbox;

/// The demo data in a fresh database; returns the demo assessment ids.
fn demo(s: &Sandbox) -> Vec<String> {
    let out = s.json(&["demo", "--json"]);
    out["assessments"]
        .as_array()
        .expect("a list of ids")
        .iter()
        .map(|v| v.as_str().expect("an id").to_string())
        .collect()
}

/// The text of every page of the PDF at `path`, whitespace collapsed.
pub fn pdf_text(path: &Path) -> String {
    let doc = lopdf::Document::load(path).expect("the PDF parses");
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    assert!(!pages.is_empty(), "{} has no pages", path.display());
    let text = doc.extract_text(&pages).expect("text extracts");
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn number(lang: Lang, value: &Value) -> String {
    value.as_f64().map_or("—".into(), |v| lang.number(v, 2))
}

fn summary_heading(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "Executive summary",
        Lang::Es => "Resumen ejecutivo",
        Lang::Pt => "Resumo executivo",
    }
}

#[test]
fn every_demo_assessment_exports_in_every_language_with_the_scores_of_frontera_score() {
    let s = Sandbox::new();
    let ids = demo(&s);
    assert_eq!(ids.len(), 6);
    for id in &ids {
        let score = s.json(&["score", id, "--json"]);
        for lang in Lang::ALL {
            let file = s.dir.path().join(format!("{id}-{lang}.pdf"));
            let printed = s.ok(&[
                "--lang",
                lang.code(),
                "report",
                id,
                "-o",
                file.to_str().unwrap(),
            ]);
            assert_eq!(printed.trim(), file.to_str().unwrap());
            let text = pdf_text(&file);
            assert!(
                text.contains(summary_heading(lang)),
                "{id} {lang}: no summary heading"
            );
            for pillar in score["pillars"].as_array().unwrap() {
                let shown = number(lang, &pillar["score"]);
                assert!(
                    text.contains(&shown),
                    "{id} {lang}: pillar {} score {shown} missing",
                    pillar["pillar"]
                );
            }
            let overall = number(lang, &score["overall"]["score"]);
            assert!(
                text.contains(&overall),
                "{id} {lang}: overall {overall} missing"
            );
        }
    }
    // Only the reports are left in the folder: no temporary files.
    let names: Vec<String> = std::fs::read_dir(s.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with("frontera.db"))
        .collect();
    assert_eq!(names.len(), 18, "{names:?}");
    assert!(names.iter().all(|n| n.ends_with(".pdf")), "{names:?}");
}

#[test]
fn reports_speak_the_chosen_language_and_keep_accents() {
    let s = Sandbox::new();
    let ids = demo(&s);
    // PE-DES follow-up: final, with a final baseline before it.
    let follow_up = &ids[1];
    let es = s.dir.path().join("es.pdf");
    let pt = s.dir.path().join("pt.pdf");
    s.ok(&[
        "--lang",
        "es",
        "report",
        follow_up,
        "-o",
        es.to_str().unwrap(),
        "--marking",
        "CONFIDENCIAL",
    ]);
    s.ok(&[
        "--lang",
        "pt",
        "report",
        follow_up,
        "-o",
        pt.to_str().unwrap(),
    ]);
    let text = pdf_text(&es);
    for expected in [
        "Informe de evaluación del paso fronterizo",
        "Seguimiento de la evaluación anterior",
        "Plan de acción",
        "Auditoría del equipamiento",
        "Anexo: metodología",
        "Lucía Mamani",
        "CONFIDENCIAL",
        "6 de octubre de 2026",
    ] {
        assert!(text.contains(expected), "es: '{expected}' missing");
    }
    assert!(
        !text.contains("BORRADOR"),
        "a final assessment has no draft mark"
    );
    let text = pdf_text(&pt);
    for expected in [
        "Relatório de avaliação do posto de fronteira",
        "Acompanhamento da avaliação anterior",
        "Plano de ação",
    ] {
        assert!(text.contains(expected), "pt: '{expected}' missing");
    }
    // A draft carries the mark on every page.
    let draft = &ids[3];
    let file = s.dir.path().join("draft.pdf");
    s.ok(&[
        "--lang",
        "pt",
        "report",
        draft,
        "-o",
        file.to_str().unwrap(),
    ]);
    let doc = lopdf::Document::load(&file).unwrap();
    for (n, id) in doc.get_pages() {
        assert!(
            starts_with_the_draft_mark(&doc, id),
            "page {n} lacks the draft mark"
        );
        // Drawn as outlines: no letters of it in the page's text.
        let page = doc.extract_text(&[n]).unwrap();
        assert!(!page.contains("RASCUNHO"), "page {n}: the mark is text");
    }
    let final_doc = lopdf::Document::load(&pt).unwrap();
    let (_, first) = final_doc.get_pages().into_iter().next().unwrap();
    assert!(!starts_with_the_draft_mark(&final_doc, first));
}

/// Whether the page's content opens with a path filled in the draft mark's
/// pale red, before any text: the mark, drawn under the page's content.
fn starts_with_the_draft_mark(doc: &lopdf::Document, page: lopdf::ObjectId) -> bool {
    let content = lopdf::content::Content::decode(&doc.get_page_content(page)).unwrap();
    let ops = &content.operations;
    let Some(fill) = ops.iter().position(|op| op.operator == "f") else {
        return false;
    };
    let colour: Vec<f32> = ops
        .iter()
        .find(|op| op.operator == "rg")
        .map(|op| op.operands.iter().map(|o| o.as_float().unwrap()).collect())
        .unwrap_or_default();
    let paths = ops[..fill].iter().filter(|op| op.operator == "m").count();
    let first_text = ops.iter().position(|op| op.operator == "BT");
    colour == [0.933, 0.894, 0.894] && paths >= 5 && first_text.is_none_or(|t| t > fill)
}

#[test]
fn names_in_aymara_quechua_and_guarani_survive_into_the_pdf() {
    let s = Sandbox::new();
    s.ok(&[
        "post",
        "add",
        "--code",
        "PY-ENC",
        "--name",
        "Encarnación – Posadas (Ñandutí)",
        "--country",
        "PY",
        "--neighbour",
        "AR",
        "--kind",
        "river",
    ]);
    let id = s.ok(&[
        "assess",
        "new",
        "--post",
        "PY-ENC",
        "--evaluator",
        "Avañe'ẽ Ñeẽ",
        "--evaluator",
        "Ch'uqi Quispe Mamani",
        "--evaluator",
        "Jallalla Ütä Qhapaq",
    ]);
    let id = id.trim();
    let file = s.dir.path().join("py.pdf");
    s.ok(&["--lang", "es", "report", id, "-o", file.to_str().unwrap()]);
    let text = pdf_text(&file);
    for name in [
        "Encarnación – Posadas (Ñandutí)",
        "Avañe'ẽ Ñeẽ",
        "Ch'uqi Quispe Mamani",
        "Jallalla Ütä Qhapaq",
    ] {
        assert!(text.contains(name), "'{name}' missing from the PDF text");
    }
}

#[test]
fn the_programme_report_exports_in_every_language() {
    let s = Sandbox::new();
    demo(&s);
    for lang in Lang::ALL {
        let file = s.dir.path().join(format!("programme-{lang}.pdf"));
        s.ok(&[
            "--lang",
            lang.code(),
            "report",
            "--programme",
            "-o",
            file.to_str().unwrap(),
        ]);
        let text = pdf_text(&file);
        assert!(text.contains("Desaguadero CEBAF (DEMO-PE-DES)"), "{lang}");
        assert!(text.contains("Rumichaca"), "{lang}");
        // PE-DES's two final assessments make a trend: 2025 then 2026.
        let (first, second) = match lang {
            Lang::En => ("12 May 2025", "6 October 2026"),
            Lang::Es => ("12 de mayo de 2025", "6 de octubre de 2026"),
            Lang::Pt => ("12 de maio de 2025", "6 de outubro de 2026"),
        };
        let trend = text.rsplit_once(first).map(|(_, after)| after);
        assert!(
            trend.is_some_and(|after| after.contains(second)),
            "{lang}: {text}"
        );
    }
}

fn tool(name: &str, args: &[&str]) -> std::process::Output {
    Process::new(name).args(args).output().unwrap_or_else(|e| {
        panic!("{name} must be on PATH (apt-get install qpdf poppler-utils): {e}")
    })
}

#[test]
fn the_pdf_is_valid_and_embeds_its_font() {
    let s = Sandbox::new();
    let ids = demo(&s);
    let file = s.dir.path().join("r.pdf");
    let programme = s.dir.path().join("p.pdf");
    s.ok(&[
        "--lang",
        "es",
        "report",
        &ids[0],
        "-o",
        file.to_str().unwrap(),
    ]);
    s.ok(&["report", "--programme", "-o", programme.to_str().unwrap()]);
    for path in [&file, &programme] {
        let path = path.to_str().unwrap();
        let check = tool("qpdf", &["--check", path]);
        assert!(
            check.status.success(),
            "qpdf --check {path}: {}",
            String::from_utf8_lossy(&check.stdout)
        );
        let fonts = tool("pdffonts", &[path]);
        assert!(fonts.status.success());
        let listing = String::from_utf8_lossy(&fonts.stdout);
        let rows: Vec<&str> = listing.lines().skip(2).collect();
        assert_eq!(rows.len(), 2, "regular and bold: {listing}");
        for row in rows {
            let columns: Vec<&str> = row.split_whitespace().collect();
            // name, type (2 words), encoding, emb, sub, uni, object, id
            assert_eq!(columns.get(4), Some(&"yes"), "not embedded: {row}");
            assert_eq!(columns.get(5), Some(&"yes"), "not named a subset: {row}");
            assert_eq!(columns.get(6), Some(&"yes"), "no Unicode map: {row}");
            assert!(columns[0].contains("+DejaVuSans"), "{row}");
        }
    }
    // Subset to the glyphs used: far smaller than the two 700 KB faces.
    let size = std::fs::metadata(&file).unwrap().len();
    assert!(size < 500_000, "{size} bytes");
}

#[test]
fn a_failed_export_leaves_nothing_and_names_the_path() {
    let s = Sandbox::new();
    let ids = demo(&s);
    let missing = s.dir.path().join("no-such-folder").join("r.pdf");
    let err = s.fails(1, &["report", &ids[0], "-o", missing.to_str().unwrap()]);
    assert!(err.contains("no-such-folder"), "{err}");
    assert!(!missing.parent().unwrap().exists());
    // A folder where the file should go: the rename fails, the temporary is removed.
    let folder = s.dir.path().join("taken.pdf");
    std::fs::create_dir(&folder).unwrap();
    let err = s.fails(1, &["report", &ids[0], "-o", folder.to_str().unwrap()]);
    assert!(err.contains("taken.pdf"), "{err}");
    let left: Vec<_> = std::fs::read_dir(s.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".part"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
    s.fails(2, &["report", "ffffffff", "-o", folder.to_str().unwrap()]);
}

#[test]
fn the_library_export_writes_the_file_the_interface_asks_for() {
    let s = Sandbox::new();
    let ids = demo(&s);
    let out = s.dir.path().join("tui.pdf");
    let mut stages = Vec::new();
    let written = report::export_assessment_with_progress(
        &report::ExportRequest {
            db_path: s.db(),
            assessment: ids[2].clone(),
            output: out.clone(),
            lang: Lang::Pt,
            marking: Some("RESERVADO".into()),
            actor: "tester".into(),
            detail: report::model::Detail::Summary,
        },
        &mut |stage| stages.push(stage),
    )
    .expect("the export succeeds");
    assert_eq!(written, out);
    use report::Stage;
    assert_eq!(
        stages,
        vec![Stage::Loading, Stage::LayingOut, Stage::Writing]
    );
    let text = pdf_text(&out);
    assert!(text.contains("RESERVADO") && text.contains("Resumo executivo"));
}

#[test]
fn a_report_of_an_assessment_finalised_incomplete_says_why() {
    let s = Sandbox::new();
    s.ok(&[
        "post",
        "add",
        "--code",
        "PE-KAS",
        "--name",
        "Kasani",
        "--country",
        "PE",
        "--neighbour",
        "BO",
        "--kind",
        "land",
    ]);
    let id = s.new_assessment("PE-KAS");
    s.ok(&["answer", &id, "p2.checks.database-query", "2"]);
    s.ok(&[
        "assess",
        "finalise",
        &id,
        "--reason",
        "Visit cut short by a road block",
    ]);
    let file = s.dir.path().join("kasani.pdf");
    s.ok(&["report", &id, "-o", file.to_str().unwrap()]);
    let text = pdf_text(&file);
    assert!(
        text.contains("Finalised although incomplete")
            && text.contains("Visit cut short by a road block"),
        "{text}"
    );
}
