//! `content export-xlsform`: pyxform (what KoboToolbox and ODK Central run)
//! must convert the form of every pillar and of the whole pack without an
//! error. Needs `xls2xform` (pip install pyxform): missing, the test fails.

use std::process::Command;

use calamine::{Data, Reader, Xlsx, open_workbook};
use serde_json::Value;

use crate::cli::Sandbox;

fn convert(s: &Sandbox, pillar: Option<&str>) -> String {
    let name = pillar.unwrap_or("all");
    let form = s.dir.path().join(format!("{name}.xlsx"));
    let xml = s.dir.path().join(format!("{name}.xml"));
    let mut args = vec!["content", "export-xlsform", "-o", form.to_str().unwrap()];
    if let Some(p) = pillar {
        args.extend(["--pillar", p]);
    }
    s.ok(&args);
    let out = Command::new("xls2xform")
        .args(["--json", form.to_str().unwrap(), xml.to_str().unwrap()])
        .output()
        .expect("xls2xform is installed: pip install pyxform (see README: test needs)");
    // pyxform logs its JSON verdict on standard error and exits 0 even on
    // failure: the verdict is what counts.
    let printed = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let report: Value = printed
        .lines()
        .rev()
        .find_map(|l| serde_json::from_str(l.trim()).ok())
        .unwrap_or_else(|| panic!("xls2xform --json printed no verdict: {printed}"));
    // 100: converted; 101: converted with warnings; 999: refused.
    assert_eq!(report["code"], 100, "pyxform on {name}: {report}");
    std::fs::read_to_string(&xml).expect("the XForm was written")
}

#[test]
fn pyxform_converts_the_whole_pack_and_every_pillar() {
    let s = Sandbox::new();
    let whole = convert(&s, None);
    for p in ["1", "2", "3", "4"] {
        let xml = convert(&s, Some(p));
        assert!(xml.contains(&format!("/data/p{p}/")), "pillar {p}'s group");
        let other = if p == "1" { "2" } else { "1" };
        assert!(
            !xml.contains(&format!("/data/p{other}/")),
            "only pillar {p}"
        );
    }
    let items = s.json(&["items", "--json"]);
    for item in items.as_array().unwrap() {
        let id = item["id"].as_str().unwrap();
        let section = item["section"].as_str().unwrap();
        let pillar = item["pillar"].as_u64().unwrap();
        assert!(
            whole.contains(&format!("/data/p{pillar}/{section}/{id}__reason")),
            "{id}"
        );
    }
    // The N/A reason is required and shown only with N/A.
    assert!(whole.contains("national-ibm-strategy__reason\" type=\"string\" required=\"true()\" relevant=\" /data/p1/p1.strategy/p1.strategy.national-ibm-strategy  = 'na'\""));
    // Relevance by kind and cargo.
    assert!(whole.contains("/data/post_cargo  = 'yes'"));
    assert!(whole.contains("/data/post_kind  = 'air'"));
}

#[test]
fn the_form_has_three_languages_and_the_pack_version() {
    let s = Sandbox::new();
    let form = s.dir.path().join("f.xlsx");
    s.ok(&[
        "--lang",
        "pt",
        "content",
        "export-xlsform",
        "-o",
        form.to_str().unwrap(),
    ]);
    let mut book: Xlsx<_> = open_workbook(&form).unwrap();
    let survey = book.worksheet_range("survey").unwrap();
    let header: Vec<String> = survey
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    for label in [
        "label::English (en)",
        "label::Español (es)",
        "label::Português (pt)",
    ] {
        assert!(header.iter().any(|h| h == label), "{label} in {header:?}");
    }
    let settings = book.worksheet_range("settings").unwrap();
    let rows: Vec<Vec<Data>> = settings.rows().map(<[Data]>::to_vec).collect();
    assert_eq!(rows[0][2], Data::String("version".into()));
    let pack = s.ok(&["content", "check", "--json"]);
    let pack: Value = serde_json::from_str(&pack).unwrap();
    let version = pack["version"]
        .as_str()
        .expect("content check names the version");
    let hash = pack["hash"].as_str().unwrap();
    assert_eq!(
        rows[1][2],
        Data::String(format!("{version}+{}", &hash[..12]))
    );
    assert_eq!(rows[1][3], Data::String("Português (pt)".into()));
}
