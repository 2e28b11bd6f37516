//! The XMP metadata packet: the Info dictionary's facts again, in the form
//! PDF/A requires (each Info entry with its XMP twin, the same text), plus
//! the claim of conformance (`pdfaid`). Text only; `finish` embeds it.

use super::document::DocumentInfo;
use super::finish::xmp_date;

/// The packet of `info`. Written by hand rather than with an XML library:
/// a fixed shape, with every value escaped.
pub fn packet(info: &DocumentInfo) -> String {
    let mut fields = String::new();
    let mut field = |xml: String| {
        fields.push_str("   ");
        fields.push_str(&xml);
        fields.push('\n');
    };
    field("<dc:format>application/pdf</dc:format>".into());
    if !info.title.is_empty() {
        field(lang_alt("dc:title", &info.title));
    }
    if !info.author.is_empty() {
        // Info /Author is one text, so dc:creator is a one-item sequence.
        field(format!(
            "<dc:creator><rdf:Seq><rdf:li>{}</rdf:li></rdf:Seq></dc:creator>",
            escape(&info.author)
        ));
    }
    if !info.subject.is_empty() {
        field(lang_alt("dc:description", &info.subject));
    }
    field(format!(
        "<dc:language><rdf:Bag><rdf:li>{}</rdf:li></rdf:Bag></dc:language>",
        info.lang.code()
    ));
    if !info.producer.is_empty() {
        field(simple("pdf:Producer", &info.producer));
        field(simple("xmp:CreatorTool", &info.producer));
    }
    if !info.keywords.is_empty() {
        field(simple("pdf:Keywords", &info.keywords.join(", ")));
    }
    if let Some(date) = xmp_date(info.created) {
        field(simple("xmp:CreateDate", &date));
    }
    if let Some(date) = xmp_date(info.modified) {
        field(simple("xmp:ModifyDate", &date));
        field(simple("xmp:MetadataDate", &date));
    }
    field(simple("pdfaid:part", "3"));
    field(simple("pdfaid:conformance", "B"));
    // The packet header may carry neither `bytes` nor `encoding` (PDF/A);
    // the padding lets an editor grow the packet in place.
    format!(
        "<?xpacket begin=\"\u{feff}\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n\
         <x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n \
         <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n  \
         <rdf:Description rdf:about=\"\"\n    \
         xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n    \
         xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n    \
         xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n    \
         xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n\
         {fields}  </rdf:Description>\n \
         </rdf:RDF>\n\
         </x:xmpmeta>\n\
         {padding}\n\
         <?xpacket end=\"w\"?>",
        padding = " ".repeat(1024)
    )
}

fn simple(tag: &str, value: &str) -> String {
    format!("<{tag}>{}</{tag}>", escape(value))
}

fn lang_alt(tag: &str, value: &str) -> String {
    format!(
        "<{tag}><rdf:Alt><rdf:li xml:lang=\"x-default\">{}</rdf:li></rdf:Alt></{tag}>",
        escape(value)
    )
}

/// `text` as XML character data: markup characters escaped, and the control
/// characters XML 1.0 cannot hold at all dropped.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::lang::Lang;

    fn info() -> DocumentInfo {
        DocumentInfo {
            title: "Informe <Rumichaca> & Ipiales".into(),
            author: "Andrés Quishpe, Ñusta Quispe".into(),
            subject: "Evaluación\u{7}".into(),
            keywords: vec!["IBM".into(), "EC-CO".into()],
            lang: Lang::Pt,
            created: 1_791_293_400,
            modified: 1_795_882_832,
            producer: "frontera 0.1.0".into(),
            ..DocumentInfo::titled("")
        }
    }

    #[test]
    fn the_packet_carries_every_field_escaped_and_the_pdfa_claim() {
        let xmp = packet(&info());
        for expected in [
            "<rdf:li xml:lang=\"x-default\">Informe &lt;Rumichaca&gt; &amp; Ipiales</rdf:li>",
            "<dc:creator><rdf:Seq><rdf:li>Andrés Quishpe, Ñusta Quispe</rdf:li></rdf:Seq>",
            "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">Evaluación</rdf:li>",
            "<dc:language><rdf:Bag><rdf:li>pt</rdf:li></rdf:Bag></dc:language>",
            "<pdf:Producer>frontera 0.1.0</pdf:Producer>",
            "<xmp:CreatorTool>frontera 0.1.0</xmp:CreatorTool>",
            "<pdf:Keywords>IBM, EC-CO</pdf:Keywords>",
            "<xmp:CreateDate>2026-10-06T13:30:00Z</xmp:CreateDate>",
            "<xmp:ModifyDate>2026-11-28T16:20:32Z</xmp:ModifyDate>",
            "<pdfaid:part>3</pdfaid:part>",
            "<pdfaid:conformance>B</pdfaid:conformance>",
        ] {
            assert!(xmp.contains(expected), "missing {expected}\n{xmp}");
        }
        assert!(xmp.starts_with("<?xpacket begin=\"\u{feff}\""));
        assert!(xmp.ends_with("<?xpacket end=\"w\"?>"));
        assert!(!xmp.contains('\u{7}'));
    }

    #[test]
    fn unknown_fields_are_left_out_not_written_empty() {
        let xmp = packet(&DocumentInfo {
            created: 0,
            ..DocumentInfo::titled("")
        });
        for absent in ["dc:title", "dc:creator", "dc:description", "CreateDate"] {
            assert!(!xmp.contains(absent), "{absent} in\n{xmp}");
        }
        assert!(xmp.contains("<dc:language><rdf:Bag><rdf:li>en</rdf:li>"));
    }
}
